import Decimal from 'decimal.js';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ReadingPoint } from '../../src/domain/types';
import { compareReadingPoints, monthlyUsage, periodUsage } from '../../src/domain/usage';
import {
  applyConfirmation,
  type ConfirmationChoice,
  validateReading,
} from '../../src/domain/validation';
import { removing, wrapsBrokenByDigits } from '../../src/domain/wraps';
import { propertyRuns } from '../helpers/property-runs';

// Whatever a person sends and whichever button they tap, a cumulative meter never shows
// negative use: the only ways past a lower value are a typo fix, a new register or a wrap.

const NOW = new Date('2026-12-31T00:00:00Z');
const START = Date.UTC(2026, 0, 1);
const DAY = 86_400_000;
const CHOICES: ConfirmationChoice[] = [
  'store',
  'rollover',
  'replacement',
  'typo',
  'cancel',
  'previous',
];

const step = fc.record({
  value: fc.integer({ min: 0, max: 12_000 }).map(String),
  day: fc.integer({ min: 0, max: 330 }),
  choice: fc.constantFrom(...CHOICES),
});

/** Plays the steps the way the bot does: check, ask, apply the tapped answer. */
function play(
  digits: number | null,
  steps: { value: string; day: number; choice: ConfirmationChoice }[],
) {
  const points: ReadingPoint[] = [];
  const around = (takenAt: Date) => {
    const sorted = [...points].sort(compareReadingPoints);
    const previous = sorted.filter((p) => p.takenAt <= takenAt).at(-1) ?? null;
    const next = sorted.find((p) => p.takenAt > takenAt) ?? null;
    return { previous, next };
  };
  const attempt = (value: string, takenAt: Date, choice: ConfirmationChoice, depth: number) => {
    const { previous, next } = around(takenAt);
    const verdict = validateReading({
      source: {
        kind: 'cumulative',
        digits,
        validators: { min: null, max: null, nonDecreasing: true, maxRatePerDay: null },
      },
      value,
      takenAt,
      now: NOW,
      previous,
      next,
      recentDailyRates: [],
    });
    if (verdict.outcome === 'reject') return;
    if (verdict.outcome === 'accept') {
      points.push({ takenAt, value, event: null });
      return;
    }
    const decision = applyConfirmation(verdict, choice);
    if (decision.store) {
      if (decision.clearNextRollover && next) next.event = null;
      points.push({ takenAt, value, event: decision.event });
    } else if (decision.action === 'revalidate' && depth === 0) {
      attempt(decision.value, takenAt, choice, 1);
    } else if (decision.action === 'askReplacement' && previous && !next) {
      // The person then records the swap: the old register's final and the new start.
      if (new Decimal(previous.value).lte(value) === false) {
        points.push({ takenAt, value: previous.value, event: 'replacement_final' });
        points.push({ takenAt, value, event: 'replacement_initial' });
      }
    }
  };
  steps.forEach((s, i) => {
    attempt(s.value, new Date(START + s.day * DAY + i * 60_000), s.choice, 0);
  });
  return points;
}

describe('a cumulative meter never shows negative use', () => {
  it('for any readings and answers, in every month and every period', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(null, 4, 5),
        fc.array(step, { minLength: 1, maxLength: 25 }),
        fc.array(fc.integer({ min: 1, max: 60 }), { minLength: 1, maxLength: 8 }),
        (digits, steps, periodDays) => {
          const points = play(digits, steps);
          const source = { digits, timezone: 'Asia/Bangkok' };
          const months = monthlyUsage({ source, points, from: '2026-01', to: '2026-12', now: NOW });
          const boundaries = [new Date(START)];
          for (const days of periodDays) {
            boundaries.push(new Date(boundaries.at(-1)!.getTime() + days * DAY));
          }
          const periods = periodUsage({
            source,
            points,
            periods: { labels: periodDays.map((_, k) => `p${k}`), boundaries },
            now: NOW,
          });
          for (const figure of [...months, ...periods]) {
            if (figure.usage !== null) expect(new Decimal(figure.usage).gte(0)).toBe(true);
          }
        },
      ),
      // fast-check picks the seed; it prints the seed and the shrunk case of any failure.
      { numRuns: 300 },
    );
  });

  // Found by this property: a reading that wraps, entered between a previous reading and a later
  // one that had itself wrapped, used to move the wrap onto the new reading and leave the later
  // one below it. "It rolled over" is now offered only when the new value fits below the later
  // reading, so the tapped answer stores nothing here.
  it('a wrap entered between a reading and a later wrap', () => {
    const points = play(4, [
      { value: '9000', day: 0, choice: 'store' },
      { value: '0', day: 1, choice: 'rollover' },
      { value: '1', day: 0, choice: 'rollover' },
    ]);
    const source = { digits: 4, timezone: 'Asia/Bangkok' };
    const periods = periodUsage({
      source,
      points,
      periods: {
        labels: ['p0', 'p1'],
        boundaries: [new Date(START), new Date(START + DAY), new Date(START + 2 * DAY)],
      },
      now: NOW,
    });
    for (const figure of periods) {
      if (figure.usage !== null) expect(new Decimal(figure.usage).gte(0)).toBe(true);
    }
  });
});

// Taking readings away and changing the register size, as the reading service does it: a delete
// or an undo of an entry goes through `removing` (the wrap moves onto the next reading, or the
// change is refused), an undo of a delete puts a wrap back only where "it rolled over" would be
// offered, and a register size goes through `wrapsBrokenByDigits`.
// A delete of either half of a meter replacement takes both (the service's replacementPartner),
// unless a reading follows the replacement (readingAfterReplacement); undoing the replacement or
// its delete goes through the same rule, and the final must still fit the reading before it.
// Counted once over 1,000 runs (seed left to fast-check): a wrap was deleted or undone 36 times,
// moved onto the next reading 6 times and put back by an undo 2 times; a register size was refused
// 14 times and changed 459 times. A refused delete (a wrap followed by a replacement) was not
// drawn: test/domain/wraps.test.ts and test/bot/rollover-removal.test.ts cover it.
// Counted three times over 1,000 runs each: half of a replacement was drawn for a delete 26–39
// times, the pair deleted 20–25 times and refused for a later reading 6–14 times; the undo of such
// a delete ran 0–4 times (one refused once), and the undo of a replacement 10–15 times. Deleting
// only the named half, as before, fails this property within a few hundred runs.

type Point = ReadingPoint & { number: number };

/** Values near the top of a 4- or 5-digit register and just past it, so that wraps are common. */
const wrappingStep = fc.record({
  value: fc
    .oneof(
      fc.integer({ min: 0, max: 12_000 }),
      fc.integer({ min: 9_000, max: 9_999 }),
      fc.integer({ min: 90_000, max: 99_999 }),
      fc.integer({ min: 0, max: 300 }),
    )
    .map(String),
  /** Days after the latest reading so far; a negative gap backdates. */
  gap: fc.integer({ min: -15, max: 20 }),
  choice: fc.constantFrom<ConfirmationChoice>('rollover', 'rollover', ...CHOICES),
});

const change = fc.oneof(
  { weight: 6, arbitrary: wrappingStep.map((s) => ({ kind: 'read' as const, ...s })) },
  {
    weight: 2,
    arbitrary: fc
      .record({ index: fc.nat(30), aim: fc.constantFrom('any', 'wrap', 'replacement') })
      .map((pick) => ({ kind: 'delete' as const, ...pick })),
  },
  {
    weight: 2,
    arbitrary: fc
      .record({ index: fc.nat(30), value: wrappingStep.map((s) => s.value) })
      .map((pick) => ({ kind: 'fix' as const, ...pick })),
  },
  { weight: 1, arbitrary: fc.constant({ kind: 'undo' as const }) },
  {
    weight: 1,
    arbitrary: fc
      .constantFrom(null, 3, 4, 5)
      .map((digits) => ({ kind: 'digits' as const, digits })),
  },
);
type Change = typeof change extends fc.Arbitrary<infer T> ? T : never;

const rules = (digits: number | null) => ({
  kind: 'cumulative' as const,
  digits,
  validators: { min: null, max: null, nonDecreasing: true, maxRatePerDay: null },
});

/** How often the property's fixes were stored or refused, over all its runs. */
const fixes = { stored: 0, refused: 0, wrapsChecked: 0 };

/**
 * A wrap counts less than one lap of the register (10^digits − before + after): the value after
 * it is below the value before it. A full lap more would be usage nobody had.
 */
function expectWrapsWithinOneLap(points: Point[], digits: number | null) {
  if (digits === null) return;
  points.forEach((point, k) => {
    const before = points[k - 1];
    if (point.event !== 'rollover' || !before || before.event === 'replacement_final') return;
    fixes.wrapsChecked += 1;
    expect(new Decimal(point.value).lt(before.value), `${before.value} ↻ ${point.value}`).toBe(
      true,
    );
  });
}

function playChanges(startDigits: number | null, changes: Change[]) {
  let digits = startDigits;
  let points: Point[] = [];
  let numbers = 0;
  /**
   * Changes `undo` can take back, newest last: an entry (its #N), a delete (the point), a
   * replacement, or the delete of one (its two points).
   */
  const undoable: (
    | { kind: 'add'; number: number }
    | { kind: 'delete'; point: Point }
    | { kind: 'replace'; final: Point; initial: Point }
    | { kind: 'deleteReplacement'; final: Point; initial: Point }
    | { kind: 'fix'; point: Point; before: string; after: string }
  )[] = [];
  const sorted = () =>
    [...points].sort((a, b) => compareReadingPoints(a, b) || a.number - b.number);
  const add = (point: Omit<Point, 'number'>) => {
    numbers += 1;
    points.push({ ...point, number: numbers });
    return numbers;
  };
  /** The service's checkRemoval and retire: true when the point left the history. */
  const remove = (target: Point): boolean => {
    const order = sorted();
    const at = order.indexOf(target);
    const previous = order[at - 1] ?? null;
    const next = order[at + 1] ?? null;
    const verdict = removing(digits, previous, target, next);
    if (verdict.outcome === 'negative' || verdict.outcome === 'wholeTurn') {
      return false;
    }
    points = points.filter((p) => p !== target);
    if (verdict.outcome === 'moveWrap' && next) {
      next.event = 'rollover';
    }
    return true;
  };
  const read = (value: string, takenAt: Date, choice: ConfirmationChoice, depth: number) => {
    const order = sorted();
    const previous = order.filter((p) => p.takenAt <= takenAt).at(-1) ?? null;
    const next = order.find((p) => p.takenAt > takenAt) ?? null;
    const verdict = validateReading({
      source: rules(digits),
      value,
      takenAt,
      now: NOW,
      previous,
      next,
      recentDailyRates: [],
    });
    if (verdict.outcome === 'reject') return;
    if (verdict.outcome === 'accept') {
      undoable.push({ kind: 'add', number: add({ takenAt, value, event: null }) });
      return;
    }
    const decision = applyConfirmation(verdict, choice);
    if (decision.store) {
      if (decision.clearNextRollover && next) next.event = null;
      undoable.push({ kind: 'add', number: add({ takenAt, value, event: decision.event }) });
    } else if (decision.action === 'revalidate' && depth === 0) {
      read(decision.value, takenAt, choice, 1);
    } else if (decision.action === 'askReplacement' && previous && !next) {
      // The swap: the old register's final (its last value) and the new start, as one change.
      const final = add({ takenAt, value: previous.value, event: 'replacement_final' });
      const initial = add({ takenAt, value, event: 'replacement_initial' });
      undoable.push({ kind: 'replace', final: byNumber(final)!, initial: byNumber(initial)! });
    }
  };
  const byNumber = (number: number) => points.find((p) => p.number === number);
  /** The service's replacementPartner: the other half at the same instant, nearest by #N. */
  const partnerOf = (half: Point): Point | undefined => {
    const final = half.event === 'replacement_final';
    const twins = sorted().filter(
      (p) =>
        p.takenAt.getTime() === half.takenAt.getTime() &&
        p.event === (final ? 'replacement_initial' : 'replacement_final') &&
        (final ? p.number > half.number : p.number < half.number),
    );
    return final ? twins[0] : twins.at(-1);
  };
  /** The service's readingAfterReplacement: any reading after the initial stops it. */
  const after = (initial: Point): boolean => {
    const key = (p: Point) => compareReadingPoints(p, initial) || p.number - initial.number;
    return points.some((p) => key(p) > 0);
  };
  /** The service's undo of a replacement's delete: as a replacement would be recorded now. */
  const restoreReplacement = (final: Point, initial: Point): boolean => {
    if (after(initial)) return false;
    const previous =
      sorted()
        .filter((p) => compareReadingPoints(p, final) <= 0)
        .at(-1) ?? null;
    const verdict = validateReading({
      source: rules(digits),
      value: final.value,
      takenAt: final.takenAt,
      now: NOW,
      previous,
      next: null,
      recentDailyRates: [],
    });
    if (verdict.outcome === 'reject') return false;
    if (verdict.outcome === 'confirm' && verdict.problems.some((p) => p.code !== 'rateTooHigh')) {
      return false;
    }
    points.push(final, initial);
    return true;
  };
  /**
   * The service's fix (and the undo of one): the point keeps its time and event, the value is
   * judged without the point and must stay in order with its neighbours.
   */
  const revalue = (target: Point, value: string): boolean => {
    const order = sorted().filter((p) => p !== target);
    const previous = order.filter((p) => p.takenAt <= target.takenAt).at(-1) ?? null;
    const next = order.find((p) => p.takenAt > target.takenAt) ?? null;
    const verdict = validateReading({
      source: rules(digits),
      value,
      takenAt: target.takenAt,
      now: NOW,
      previous,
      next,
      recentDailyRates: [],
      event: target.event,
    });
    if (verdict.outcome === 'reject') return false;
    if (
      verdict.outcome === 'confirm' &&
      verdict.problems.some((p) =>
        ['lowerThanPrevious', 'higherThanNext', 'zeroAfterPositive'].includes(p.code),
      )
    ) {
      return false;
    }
    target.value = value;
    return true;
  };
  /** The service's undo of a delete: a wrap comes back as one only where it still fits. */
  const restore = (point: Point): boolean => {
    const order = sorted();
    const previous = order.filter((p) => p.takenAt <= point.takenAt).at(-1) ?? null;
    const next = order.find((p) => p.takenAt > point.takenAt) ?? null;
    const verdict = validateReading({
      source: rules(digits),
      value: point.value,
      takenAt: point.takenAt,
      now: NOW,
      previous,
      next,
      recentDailyRates: [],
    });
    const wrap =
      point.event === 'rollover' && verdict.outcome === 'confirm'
        ? verdict.options.rollover
        : undefined;
    if (wrap) {
      if (wrap.clearNextRollover && next) next.event = null;
    } else if (verdict.outcome === 'reject') {
      return false;
    } else if (
      verdict.outcome === 'confirm' &&
      verdict.problems.some((p) =>
        ['lowerThanPrevious', 'higherThanNext', 'zeroAfterPositive'].includes(p.code),
      )
    ) {
      return false;
    }
    points.push(point);
    return true;
  };
  let day = 0;
  changes.forEach((c, i) => {
    if (c.kind === 'read') {
      const at = Math.min(Math.max(day + c.gap, 0), 330);
      day = Math.max(day, at);
      read(c.value, new Date(START + at * DAY + i * 60_000), c.choice, 0);
    } else if (c.kind === 'delete') {
      // A third of the deletes aim at a wrap, a third at half of a replacement, when there is one.
      const aimed = sorted().filter((p) =>
        c.aim === 'wrap' ? p.event === 'rollover' : p.event?.startsWith('replacement_'),
      );
      const among = c.aim !== 'any' && aimed.length > 0 ? aimed : sorted();
      const target = among[c.index % Math.max(among.length, 1)];
      const partner = target?.event?.startsWith('replacement_') ? partnerOf(target) : undefined;
      if (target && partner) {
        // Either half takes the whole replacement, unless a reading follows it.
        const [final, initial] =
          target.event === 'replacement_final' ? [target, partner] : [partner, target];
        if (!after(initial)) {
          points = points.filter((p) => p !== final && p !== initial);
          undoable.push({ kind: 'deleteReplacement', final, initial });
        }
      } else if (target && remove(target)) {
        undoable.push({ kind: 'delete', point: target });
      }
    } else if (c.kind === 'fix') {
      const order = sorted().filter((p) => !p.event?.startsWith('replacement_'));
      const target = order[c.index % Math.max(order.length, 1)];
      if (!target || target.value === c.value) return;
      const before = target.value;
      if (revalue(target, c.value)) {
        undoable.push({ kind: 'fix', point: target, before, after: c.value });
        fixes.stored += 1;
      } else {
        fixes.refused += 1;
      }
    } else if (c.kind === 'undo') {
      const last = undoable.at(-1);
      if (!last) return;
      if (last.kind === 'replace') {
        if (!after(last.initial)) {
          points = points.filter((p) => p !== last.final && p !== last.initial);
          undoable.pop();
        }
      } else if (last.kind === 'deleteReplacement') {
        if (restoreReplacement(last.final, last.initial)) undoable.pop();
      } else if (last.kind === 'fix') {
        // Changed since (deleted or fixed again): the service skips it and leaves it on the list.
        if (points.includes(last.point) && last.point.value === last.after) {
          if (revalue(last.point, last.before)) undoable.pop();
        }
      } else if (last.kind === 'add') {
        const target = points.find((p) => p.number === last.number);
        if (!target || remove(target)) undoable.pop();
      } else if (restore(last.point)) {
        undoable.pop();
      }
    } else {
      const order = sorted();
      const wraps = order.flatMap((wrap, k) => {
        const previous = order[k - 1];
        return wrap.event === 'rollover' && previous ? [{ previous, wrap }] : [];
      });
      if (wrapsBrokenByDigits(digits, c.digits, wraps).length === 0) digits = c.digits;
    }
  });
  return { points: sorted(), digits };
}

describe('deleting, undoing and changing the register size never make use negative', () => {
  it('for any readings, answers, deletes, undos and register sizes, in every month', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(null, 4, 4, 5),
        fc.array(change, { minLength: 1, maxLength: 40 }),
        (startDigits, changes) => {
          const { points, digits } = playChanges(startDigits, changes);
          const source = { digits, timezone: 'Asia/Bangkok' };
          const months = monthlyUsage({ source, points, from: '2026-01', to: '2026-12', now: NOW });
          for (const figure of months) {
            if (figure.usage !== null) expect(new Decimal(figure.usage).gte(0)).toBe(true);
          }
          expectWrapsWithinOneLap(points, digits);
        },
      ),
      { numRuns: propertyRuns(1000) },
    );
    // The fix branch ran both ways, and wraps were there to check.
    expect(fixes.stored).toBeGreaterThan(0);
    expect(fixes.refused).toBeGreaterThan(0);
    expect(fixes.wrapsChecked).toBeGreaterThan(0);
  });

  // Found by this property (seed 389293065): a wrap stored while the register size was known
  // stays after the size is taken away, and then counts nothing. A first reading entered before
  // it was not compared with it ("it sits before the wrap"), so 90000 then 0 counted -90000.
  // Without a register size the later reading is now compared like any: 90000 is above it.
  it('a first reading entered before a wrap that counts nothing without a register size', () => {
    const verdict = validateReading({
      source: rules(null),
      value: '90000',
      takenAt: new Date(START),
      now: NOW,
      previous: null,
      next: { takenAt: new Date(START + DAY), value: '0', event: 'rollover' },
      recentDailyRates: [],
    });
    expect(verdict.outcome).toBe('confirm');
    expect(verdict.outcome === 'confirm' && verdict.problems.map((p) => p.code)).toContain(
      'higherThanNext',
    );
  });
});

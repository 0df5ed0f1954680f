import Decimal from 'decimal.js';
import fc from 'fast-check';
import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { periodGrid } from '../../src/domain/billing/periods';
import type { MonthUsage, ReadingPoint, RegisterEvent } from '../../src/domain/types';
import {
  type CumulativeSource,
  compareReadingPoints,
  monthBoundaries,
  monthlyStats,
  monthlySums,
  monthlyUsage,
  periodUsage,
  selectProbePoints,
  usageBetween,
  usageSincePrevious,
} from '../../src/domain/usage';
import { propertyRuns } from '../helpers/property-runs';

const BANGKOK = 'Asia/Bangkok';
const BERLIN = 'Europe/Berlin';
const Exact = Decimal.clone({ precision: 80 });
const HOUR_MS = 3_600_000;

/** A local wall-clock time in `zone` as an instant. */
function local(iso: string, zone = BANGKOK): Date {
  const time = DateTime.fromISO(iso, { zone });
  if (!time.isValid) throw new Error(`bad test time ${iso}`);
  return time.toJSDate();
}

function reading(takenAt: Date, value: string, event: RegisterEvent | null = null): ReadingPoint {
  return { takenAt, value, event };
}

function source(digits: number | null = null, timezone = BANGKOK): CumulativeSource {
  return { digits, timezone };
}

function byMonth(months: MonthUsage[]): Record<string, MonthUsage> {
  return Object.fromEntries(months.map((month) => [month.month, month]));
}

function sumUsage(months: MonthUsage[]): string {
  return months.reduce((sum, month) => sum.plus(month.usage ?? 0), new Exact(0)).toFixed();
}

const LATER = local('2030-01-01T00:00');

type ValueOf<A> = A extends fc.Arbitrary<infer T> ? T : never;

describe('worked example (February = 280)', () => {
  const points = [
    reading(local('2026-01-20T00:00'), '4100'),
    reading(local('2026-02-10T00:00'), '4310'),
    reading(local('2026-03-05T00:00'), '4540'),
  ];
  const months = byMonth(
    monthlyUsage({ source: source(), points, from: '2025-12', to: '2026-04', now: LATER }),
  );

  it('gives February exactly 280, interpolated between readings 12 and 19 days away', () => {
    expect(months['2026-02']).toMatchObject({
      status: 'interpolated',
      usage: '280',
      coveredDays: 28,
      dailyAverage: '10',
      projected: null,
    });
  });

  it('interpolates C(Feb 1) = 4220 and C(Mar 1) = 4500', () => {
    const february = usageBetween(source(), points, local('2026-02-01'), local('2026-03-01'));
    expect(february).toMatchObject({
      startValue: '4220',
      endValue: '4500',
      usage: '280',
      complete: true,
      measured: false,
    });
  });

  it('labels January and March partial and counts only their covered days', () => {
    expect(months['2026-01']).toMatchObject({ status: 'partial', usage: '120', coveredDays: 12 });
    expect(months['2026-03']).toMatchObject({ status: 'partial', usage: '40', coveredDays: 4 });
  });

  it('never extrapolates into the months before the first or after the last reading', () => {
    for (const month of ['2025-12', '2026-04']) {
      expect(months[month]).toMatchObject({
        status: 'none',
        usage: null,
        coveredDays: 0,
        dailyAverage: null,
      });
    }
  });

  it('adds up exactly to the total', () => {
    expect(sumUsage(Object.values(months))).toBe('440');
  });
});

describe('rollover', () => {
  it('adds 10^digits: 99,950 then 00,070 on a 5-digit register is 120', () => {
    const before = reading(local('2026-01-10T08:00'), '99950');
    const after = reading(local('2026-01-20T08:00'), '70', 'rollover');
    expect(usageSincePrevious(source(5), before, after)).toBe('120');
    expect(usageBetween(source(5), [before, after], before.takenAt, after.takenAt)?.usage).toBe(
      '120',
    );
  });

  it('uses the modulus, not the largest display value: 98 then 2 on 2 digits is 4', () => {
    const before = reading(local('2026-01-10'), '98');
    expect(
      usageSincePrevious(source(2), before, reading(local('2026-01-11'), '2', 'rollover')),
    ).toBe('4');
  });

  it('splits a wrap that straddles a month boundary by time', () => {
    const points = [
      reading(local('2026-01-22T00:00'), '99950'),
      reading(local('2026-02-11T00:00'), '70', 'rollover'),
    ];
    const months = byMonth(
      monthlyUsage({ source: source(5), points, from: '2026-01', to: '2026-02', now: LATER }),
    );
    expect(months['2026-01']).toMatchObject({ status: 'partial', usage: '60' });
    expect(months['2026-02']).toMatchObject({ status: 'partial', usage: '60' });
    const february = usageBetween(source(5), points, local('2026-02-01'), local('2026-03-01'));
    expect(february?.startValue).toBe('100010');
  });

  it('keeps a decrease without an event as negative usage', () => {
    const before = reading(local('2026-01-10'), '100');
    expect(usageSincePrevious(source(5), before, reading(local('2026-01-11'), '90.5'))).toBe(
      '-9.5',
    );
  });

  it('ignores a rollover flag when the register size is unknown', () => {
    const before = reading(local('2026-01-10'), '99950');
    const after = reading(local('2026-01-11'), '70', 'rollover');
    expect(usageSincePrevious(source(null), before, after)).toBe('-99880');
  });
});

describe('meter replacement', () => {
  const swap = local('2026-03-20T12:00');
  const points = [
    reading(local('2026-03-05T00:00'), '4540'),
    reading(swap, '4600', 'replacement_final'),
    reading(swap, '0.7', 'replacement_initial'),
    reading(local('2026-04-01T00:00'), '120.7'),
  ];

  it('counts 60 on the old meter and 120 on the new one, not the jump', () => {
    const usage = usageBetween(source(5), points, local('2026-03-05'), local('2026-04-01'));
    expect(usage).toMatchObject({ usage: '180', startValue: '4540', endValue: '4720' });
  });

  it('puts final before initial at the same instant whatever the input order', () => {
    const shuffled = [points[3]!, points[2]!, points[0]!, points[1]!];
    const usage = usageBetween(source(5), shuffled, local('2026-03-05'), local('2026-04-01'));
    expect(usage?.usage).toBe('180');
  });

  it('confirms zero usage across the swap itself', () => {
    expect(usageSincePrevious(source(5), points[1]!, points[2]!)).toBe('0');
  });

  it('is not fooled by a refurbished meter that starts high', () => {
    const refurbished = [
      points[0]!,
      points[1]!,
      reading(swap, '12345', 'replacement_initial'),
      reading(local('2026-04-01T00:00'), '12465'),
    ];
    const months = byMonth(
      monthlyUsage({
        source: source(5),
        points: refurbished,
        from: '2026-03',
        to: '2026-04',
        now: LATER,
      }),
    );
    expect(months['2026-03']).toMatchObject({ status: 'partial', usage: '180' });
    expect(months['2026-04']).toMatchObject({ status: 'partial', usage: '0', coveredDays: 0 });
  });
});

describe('time zones and calendars', () => {
  it('puts Bangkok month boundaries at 17:00 UTC the day before', () => {
    expect(monthBoundaries(BANGKOK, '2026-10', '2026-11').map((d) => d.toISOString())).toEqual([
      '2026-09-30T17:00:00.000Z',
      '2026-10-31T17:00:00.000Z',
      '2026-11-30T17:00:00.000Z',
    ]);
  });

  it('counts a reading at 23:30 on 31 October in Bangkok (16:30 UTC) in October', () => {
    const lateOctober = new Date('2026-10-31T16:30:00Z');
    expect(lateOctober.getTime()).toBe(local('2026-10-31T23:30').getTime());
    const points = [
      reading(local('2026-10-01T00:00'), '1000'),
      reading(lateOctober, '1100'),
      reading(local('2026-11-01T00:30'), '1130'),
    ];
    const months = byMonth(
      monthlyUsage({ source: source(), points, from: '2026-10', to: '2026-11', now: LATER }),
    );
    expect(months['2026-10']).toMatchObject({ status: 'measured', usage: '115' });
    expect(months['2026-11']).toMatchObject({ status: 'partial', usage: '15' });

    const sums = byMonth(
      monthlySums({
        timezone: BANGKOK,
        points: [reading(lateOctober, '7')],
        from: '2026-10',
        to: '2026-11',
        now: LATER,
      }),
    );
    expect(sums['2026-10']?.usage).toBe('7');
    expect(sums['2026-11']?.status).toBe('none');
  });

  it('gives Berlin March 743 hours and October 745 hours', () => {
    const [marchStart, marchEnd] = monthBoundaries(BERLIN, '2026-03', '2026-03');
    expect(marchStart?.toISOString()).toBe('2026-02-28T23:00:00.000Z');
    expect(marchEnd?.toISOString()).toBe('2026-03-31T22:00:00.000Z');
    const [octoberStart, octoberEnd] = monthBoundaries(BERLIN, '2026-10', '2026-10');
    expect(octoberStart?.toISOString()).toBe('2026-09-30T22:00:00.000Z');
    expect(octoberEnd?.toISOString()).toBe('2026-10-31T23:00:00.000Z');

    // A register that counts exactly 1 per hour, read at irregular whole UTC hours.
    const origin = Date.UTC(2026, 0, 1);
    const points: ReadingPoint[] = [];
    for (let hours = 0; hours < 366 * 24; hours += 173) {
      points.push(reading(new Date(origin + hours * HOUR_MS), String(hours)));
    }
    const months = byMonth(
      monthlyUsage({
        source: source(null, BERLIN),
        points,
        from: '2026-02',
        to: '2026-11',
        now: LATER,
      }),
    );
    expect(months['2026-03']).toMatchObject({ status: 'interpolated', usage: '743' });
    expect(months['2026-03']?.coveredDays).toBeCloseTo(743 / 24, 6);
    expect(months['2026-04']?.usage).toBe('720');
    expect(months['2026-10']).toMatchObject({ usage: '745' });
    expect(months['2026-10']?.coveredDays).toBeCloseTo(745 / 24, 6);
  });

  it('uses a reading exactly on a boundary as is, and calls that month measured', () => {
    const points = [
      reading(local('2026-01-15T00:00'), '0'),
      reading(local('2026-02-01T00:00'), '500'),
      reading(local('2026-03-01T00:00'), '800'),
      reading(local('2026-03-15T00:00'), '1000'),
    ];
    const february = usageBetween(source(), points, local('2026-02-01'), local('2026-03-01'));
    expect(february).toMatchObject({ startValue: '500', endValue: '800', measured: true });
    const months = byMonth(
      monthlyUsage({ source: source(), points, from: '2026-02', to: '2026-02', now: LATER }),
    );
    expect(months['2026-02']).toMatchObject({ status: 'measured', usage: '300' });
  });

  it('counts 29 days in February 2028 and 28 in February 2027', () => {
    for (const [year, days, usage] of [
      [2028, 29, '290'],
      [2027, 28, '280'],
    ] as const) {
      const start = local(`${year}-01-15T00:00`);
      const end = local(`${year}-04-15T00:00`);
      const elapsedDays = (end.getTime() - start.getTime()) / 86_400_000;
      const points = [reading(start, '0'), reading(end, String(elapsedDays * 10))];
      const [february] = monthlyUsage({
        source: source(),
        points,
        from: `${year}-02`,
        to: `${year}-02`,
        now: LATER,
      });
      expect(february).toMatchObject({ status: 'interpolated', usage, coveredDays: days });
    }
  });
});

describe('coverage labels', () => {
  it('interpolates every month of a gap and marks the edges', () => {
    const points = [
      reading(local('2026-01-15T00:00'), '0'),
      reading(local('2026-05-15T00:00'), '1200'),
    ];
    const months = monthlyUsage({
      source: source(),
      points,
      from: '2025-12',
      to: '2026-09',
      now: local('2026-08-10T09:00'),
    });
    expect(months.map((month) => [month.month, month.status, month.usage])).toEqual([
      ['2025-12', 'none', null],
      ['2026-01', 'partial', '170'],
      ['2026-02', 'interpolated', '280'],
      ['2026-03', 'interpolated', '310'],
      ['2026-04', 'interpolated', '300'],
      ['2026-05', 'partial', '140'],
      ['2026-06', 'none', null],
      ['2026-07', 'none', null],
      ['2026-08', 'none', null],
      ['2026-09', 'none', null],
    ]);
  });

  const now = local('2026-05-20T12:00');

  it('leaves the current month partial with a single reading', () => {
    const [may] = monthlyUsage({
      source: source(),
      points: [reading(local('2026-05-10T00:00'), '300')],
      from: '2026-05',
      to: '2026-05',
      now,
    });
    expect(may).toMatchObject({
      status: 'partial',
      usage: '0',
      projected: null,
      coveredDays: 0,
      dailyAverage: null,
    });
  });

  it('projects the current month from the last 30 days of readings', () => {
    const points = [
      reading(local('2026-01-01T00:00'), '0'),
      reading(local('2026-04-15T00:00'), '500'),
      reading(local('2026-05-10T00:00'), '750'),
    ];
    const months = byMonth(
      monthlyUsage({ source: source(), points, from: '2026-04', to: '2026-06', now }),
    );
    // C(May 1) = 500 + 250·16/25 = 660; rate since Apr 15 = 10/day; 22 days remain.
    expect(months['2026-05']).toMatchObject({
      status: 'projected',
      usage: '90',
      projected: '310',
      coveredDays: 9,
      dailyAverage: '10',
    });
    expect(months['2026-04']?.status).toBe('interpolated');
    expect(months['2026-06']?.status).toBe('none');
  });

  it('falls back to the last interval when the last 30 days hold one reading', () => {
    const points = [reading(local('2026-03-01T00:00'), '0'), reading(local('2026-05-10'), '700')];
    const [may] = monthlyUsage({ source: source(), points, from: '2026-05', to: '2026-05', now });
    expect(may).toMatchObject({ status: 'projected', usage: '90', projected: '310' });
    expect(Number(may?.projected)).toBeGreaterThanOrEqual(Number(may?.usage));
  });

  it('shows nothing for the current month before its first reading', () => {
    const points = [reading(local('2026-03-01'), '0'), reading(local('2026-04-20'), '500')];
    const [may] = monthlyUsage({ source: source(), points, from: '2026-05', to: '2026-05', now });
    expect(may?.status).toBe('none');
  });

  it('returns no months when from is after to, and rejects bad input', () => {
    expect(
      monthlyUsage({ source: source(), points: [], from: '2026-05', to: '2026-04', now }),
    ).toEqual([]);
    expect(() => monthBoundaries(BANGKOK, '2026-13', '2026-12')).toThrow(RangeError);
    expect(() => monthBoundaries('Mars/Olympus', '2026-01', '2026-02')).toThrow(RangeError);
  });
});

describe('gauge and delta sources', () => {
  it('gives average, min and max per month', () => {
    const points = [
      reading(local('2026-10-02T07:00'), '36.6'),
      reading(local('2026-10-15T07:00'), '37.0'),
      reading(new Date('2026-10-31T16:30:00Z'), '36.9'),
      reading(local('2026-12-01T07:00'), '120'),
      reading(local('2026-12-02T07:00'), '121'),
      reading(local('2026-12-03T07:00'), '124'),
    ];
    const stats = monthlyStats({ timezone: BANGKOK, points, from: '2026-10', to: '2026-12' });
    expect(
      stats.map(({ month, count, average, min, max }) => [month, count, average, min, max]),
    ).toEqual([
      ['2026-10', 3, '36.833', '36.6', '37'],
      ['2026-11', 0, null, null, null],
      ['2026-12', 3, '121.667', '120', '124'],
    ]);
  });

  it('sums delta amounts and projects the current month by days elapsed', () => {
    const points = [
      reading(local('2026-10-05T10:00'), '50'),
      reading(new Date('2026-10-31T16:30:00Z'), '25.5'),
      reading(local('2026-12-03T10:00'), '40'),
    ];
    const months = monthlySums({
      timezone: BANGKOK,
      points,
      from: '2026-10',
      to: '2027-01',
      now: local('2026-12-11T00:00'),
    });
    expect(
      months.map(({ month, status, usage, projected }) => [month, status, usage, projected]),
    ).toEqual([
      ['2026-10', 'measured', '75.5', null],
      ['2026-11', 'none', null, null],
      ['2026-12', 'partial', '40', '124'],
      ['2027-01', 'none', null, null],
    ]);
    expect(months[0]).toMatchObject({ coveredDays: 31, dailyAverage: '2.435' });
    expect(months[2]).toMatchObject({ coveredDays: 10, dailyAverage: '4' });
  });
});

describe('properties', () => {
  const ZONES = [BANGKOK, BERLIN, 'America/New_York', 'UTC'];
  const ORIGIN = Date.UTC(2025, 0, 1);
  const MINUTE_MS = 60_000;
  const DIGITS = 4;
  const MODULUS_CENTS = 10 ** DIGITS * 100;

  function monthOf(ms: number, zone: string, shift = 0): string {
    return DateTime.fromMillis(ms, { zone }).plus({ months: shift }).toFormat('yyyy-MM');
  }

  const cents = (value: number) => new Exact(value).div(100).toFixed();

  /** A realistic register: never decreases except by a flagged rollover or replacement. */
  const realisticHistory = fc.record({
    zone: fc.constantFrom(...ZONES),
    startMinutes: fc.integer({ min: 0, max: 2 * 365 * 24 * 60 }),
    firstCents: fc.integer({ min: 0, max: MODULUS_CENTS - 1 }),
    steps: fc.array(
      fc.record({
        gapMinutes: fc.integer({ min: 0, max: 45 * 24 * 60 }),
        increaseCents: fc.integer({ min: 0, max: 400_000 }),
        swap: fc.integer({ min: 0, max: 7 }).map((n) => n === 0),
        initialCents: fc.integer({ min: 0, max: 100_000 }),
      }),
      // fast-check's default size would cap arrays at about 10 whatever maxLength says.
      { maxLength: 40, size: 'max' },
    ),
  });

  function buildRealistic(history: ValueOf<typeof realisticHistory>) {
    let time = ORIGIN + history.startMinutes * MINUTE_MS;
    let register = history.firstCents;
    let total = 0;
    const points = [reading(new Date(time), cents(register))];
    let afterSwap = false;
    for (const step of history.steps) {
      // A swap gets an instant of its own: plain readings at the swap instant sort between final
      // and initial (the documented order), so they would count as the old register's.
      time += (step.gapMinutes + (step.swap || afterSwap ? 1 : 0)) * MINUTE_MS;
      afterSwap = step.swap;
      if (step.swap) {
        const increase = Math.min(step.increaseCents, MODULUS_CENTS - 1 - register);
        total += increase;
        points.push(reading(new Date(time), cents(register + increase), 'replacement_final'));
        points.push(reading(new Date(time), cents(step.initialCents), 'replacement_initial'));
        register = step.initialCents;
        continue;
      }
      total += step.increaseCents;
      register += step.increaseCents;
      const wrapped = register >= MODULUS_CENTS;
      if (wrapped) register -= MODULUS_CENTS;
      points.push(reading(new Date(time), cents(register), wrapped ? 'rollover' : null));
    }
    return { points, total, first: points[0]!.takenAt, last: new Date(time) };
  }

  it('(a) months add up exactly to the true consumption', () => {
    fc.assert(
      fc.property(
        realisticHistory,
        fc.integer({ min: 0, max: 2 }),
        fc.integer({ min: 0, max: 2 }),
        (history, before, after) => {
          const { points, total, first, last } = buildRealistic(history);
          // Forty steps of up to 45 days can run past LATER: "now" must lie after the last month
          // asked for (up to two months after the last reading), or that month is projected.
          const now = new Date(Math.max(LATER.getTime(), last.getTime() + 100 * 86_400_000));
          const months = monthlyUsage({
            source: source(DIGITS, history.zone),
            points,
            from: monthOf(first.getTime(), history.zone, -before),
            to: monthOf(last.getTime(), history.zone, after),
            now,
          });
          expect(sumUsage(months)).toBe(cents(total));
          expect(months.slice(0, before).every((month) => month.status === 'none')).toBe(true);
          expect(months.every((month) => month.status !== 'projected')).toBe(true);
        },
      ),
    );
  });

  const eventArb = fc.constantFrom<RegisterEvent | null>(
    null,
    null,
    null,
    null,
    'rollover',
    'replacement_final',
    'replacement_initial',
  );

  /** Anything sorted: decreases, stray events, duplicate instants, unknown register size. */
  const anyHistory = fc.record({
    zone: fc.constantFrom(...ZONES),
    digits: fc.constantFrom(null, 0, 1, 3, 5, 6),
    points: fc.array(
      fc.record({
        minutes: fc.integer({ min: 0, max: 3 * 365 * 24 * 60 }),
        /**
         * Where the point goes: at `minutes`, exactly on the start of month `month` after ORIGIN
         * (local midnight in the zone), or at the same instant as the point generated before it.
         * Uniform minutes would almost never land on a boundary or share an instant.
         */
        place: fc.constantFrom('free', 'free', 'boundary', 'same'),
        month: fc.integer({ min: 0, max: 36 }),
        value: fc
          .tuple(fc.integer({ min: -100_000, max: 1_000_000 }), fc.integer({ min: 0, max: 3 }))
          .map(([units, scale]) => new Exact(units).div(10 ** scale).toFixed()),
        event: eventArb,
      }),
      { maxLength: 120, size: 'max' },
    ),
    fromMonths: fc.integer({ min: -2, max: 40 }),
    monthCount: fc.integer({ min: 0, max: 16 }),
    nowMinutes: fc.integer({ min: -30 * 24 * 60, max: 4 * 365 * 24 * 60 }),
    /** When set, `now` is this long after the last reading and the months end with now's month. */
    nowAfterLastMinutes: fc.option(fc.integer({ min: 0, max: 40 * 24 * 60 })),
  });

  function instantOf(point: ValueOf<typeof anyHistory>['points'][number], zone: string) {
    if (point.place === 'boundary') {
      return DateTime.fromMillis(ORIGIN, { zone })
        .startOf('month')
        .plus({ months: point.month })
        .toMillis();
    }
    return ORIGIN + point.minutes * MINUTE_MS;
  }

  function buildAny(history: ValueOf<typeof anyHistory>) {
    let previous: number | null = null;
    const points = history.points
      .map((p) => {
        const at: number =
          p.place === 'same' && previous !== null ? previous : instantOf(p, history.zone);
        previous = at;
        return reading(new Date(at), p.value, p.event);
      })
      .sort(compareReadingPoints);
    const last = points[points.length - 1];
    const source_ = source(history.digits, history.zone);
    if (last && history.nowAfterLastMinutes !== null) {
      // Exercise the current month's projection.
      const now = new Date(last.takenAt.getTime() + history.nowAfterLastMinutes * MINUTE_MS);
      const from = monthOf(now.getTime(), history.zone, 1 - Math.max(history.monthCount, 1));
      return { points, from, to: monthOf(now.getTime(), history.zone), now, source: source_ };
    }
    const from = monthOf(ORIGIN, history.zone, history.fromMonths);
    const to = monthOf(ORIGIN, history.zone, history.fromMonths + history.monthCount - 1);
    const now = new Date(ORIGIN + history.nowMinutes * MINUTE_MS);
    return { points, from, to, now, source: source_ };
  }

  it('generates long histories, points on month boundaries and points at one instant', () => {
    const samples = fc.sample(anyHistory, { numRuns: 300, seed: 42 });
    const histories = samples.map((history) => ({ history, ...buildAny(history) }));
    const isBoundary = (ms: number, zone: string) =>
      DateTime.fromMillis(ms, { zone }).startOf('month').toMillis() === ms;
    const longest = Math.max(...histories.map((h) => h.points.length));
    const onBoundary = histories.filter((h) =>
      h.points.some((p) => isBoundary(p.takenAt.getTime(), h.history.zone)),
    ).length;
    const sharedInstant = histories.filter((h) =>
      h.points.some((p, i) => i > 0 && p.takenAt.getTime() === h.points[i - 1]!.takenAt.getTime()),
    ).length;
    const boundaryInsideMonths = histories.filter((h) =>
      h.points.some(
        (p) =>
          isBoundary(p.takenAt.getTime(), h.history.zone) &&
          monthBoundaries(h.source.timezone, h.from, h.to).some(
            (b) => b.getTime() === p.takenAt.getTime(),
          ),
      ),
    ).length;
    expect(longest).toBeGreaterThanOrEqual(100);
    expect(onBoundary).toBeGreaterThan(200);
    expect(sharedInstant).toBeGreaterThan(200);
    // A boundary point only matters when it is a boundary of the months asked for.
    expect(boundaryInsideMonths).toBeGreaterThan(60);
  });

  it('(b) the probe selection gives the same months as the whole history', () => {
    fc.assert(
      fc.property(anyHistory, (history) => {
        const { points, from, to, now, source } = buildAny(history);
        const probes = selectProbePoints(points, monthBoundaries(source.timezone, from, to));
        expect(monthlyUsage({ source, points: probes, from, to, now })).toEqual(
          monthlyUsage({ source, points, from, to, now }),
        );
      }),
      { numRuns: propertyRuns(300) },
    );
  });

  it('(b) the probe selection gives the same usage between two instants', () => {
    fc.assert(
      fc.property(
        anyHistory,
        fc.integer({ min: -10, max: 1200 }),
        fc.integer({ min: 0, max: 400 }),
        (history, startDays, lengthDays) => {
          const { points, source } = buildAny(history);
          const start = new Date(ORIGIN + startDays * 86_400_000);
          const end = new Date(start.getTime() + lengthDays * 86_400_000);
          const probes = selectProbePoints(points, [start, end]);
          expect(usageBetween(source, probes, start, end)).toEqual(
            usageBetween(source, points, start, end),
          );
        },
      ),
    );
  });

  it('(b) keeps the selection small for a long history', () => {
    const points: ReadingPoint[] = [];
    for (let day = 0; day < 3000; day++) {
      points.push(reading(new Date(ORIGIN + day * 86_400_000 + 7 * HOUR_MS), String(day * 7)));
    }
    const boundaries = monthBoundaries(BANGKOK, '2026-01', '2026-12');
    const probes = selectProbePoints(points, boundaries);
    expect(probes.length).toBeLessThanOrEqual(2 + 2 * (boundaries.length + 1));
    const input = { source: source(), from: '2026-01', to: '2026-12', now: LATER };
    expect(monthlyUsage({ ...input, points: probes })).toEqual(monthlyUsage({ ...input, points }));
  });

  it('(c) never throws for any sorted input, and months still telescope', () => {
    fc.assert(
      fc.property(anyHistory, (history) => {
        const { points, from, to, now, source } = buildAny(history);
        const months = monthlyUsage({ source, points, from, to, now });
        for (const month of months) {
          expect(['measured', 'interpolated', 'partial', 'projected', 'none']).toContain(
            month.status,
          );
          expect(month.usage === null).toBe(month.status === 'none');
        }
        const [first, last] = [months[0], months[months.length - 1]];
        if (first && last && last.end <= now) {
          const whole = usageBetween(source, points, first.start, last.end);
          expect(sumUsage(months)).toBe(new Exact(whole?.usage ?? 0).toFixed());
        }
        monthlyStats({ timezone: source.timezone, points, from, to });
        monthlySums({ timezone: source.timezone, points, from, to, now });
      }),
      { numRuns: propertyRuns(300) },
    );
  });
  it('(d) periodUsage on the calendar-month grid is monthlyUsage', () => {
    let projected = 0;
    fc.assert(
      fc.property(anyHistory, (history) => {
        const { points, from, to, now, source } = buildAny(history);
        const months = monthlyUsage({ source, points, from, to, now });
        const boundaries = monthBoundaries(source.timezone, from, to);
        const labels = months.map((month) => month.month);
        expect(periodUsage({ source, points, periods: { labels, boundaries }, now })).toEqual(
          months,
        );
        if (months.some((month) => month.status === 'projected')) projected++;
      }),
      { numRuns: 200 },
    );
    expect(projected).toBeGreaterThan(10);
  });

  it('(d) billing periods add up exactly to the true consumption, probes included', () => {
    fc.assert(
      fc.property(realisticHistory, fc.integer({ min: 1, max: 31 }), (history, billingDay) => {
        const { points, total, first, last } = buildRealistic(history);
        const cycle = { timezone: history.zone, billingDay };
        // From the month before the first reading to two months after the last one: every
        // billing period that could hold a reading is inside.
        const periods = periodGrid(
          cycle,
          monthOf(first.getTime(), history.zone, -1),
          monthOf(last.getTime(), history.zone, 2),
        );
        const src = source(DIGITS, history.zone);
        // After the last period (a long history can run past LATER).
        const now = new Date(Math.max(LATER.getTime(), last.getTime() + 100 * 86_400_000));
        const figures = periodUsage({ source: src, points, periods, now });
        expect(sumUsage(figures)).toBe(cents(total));
        const probes = selectProbePoints(points, periods.boundaries);
        expect(periodUsage({ source: src, points: probes, periods, now })).toEqual(figures);
      }),
      { numRuns: propertyRuns(200) },
    );
  });
});

describe('periodUsage', () => {
  const points = [
    reading(local('2026-11-10T00:00'), '1000'),
    reading(local('2026-11-30T00:00'), '1200'),
    reading(local('2026-12-28T00:00'), '1480'),
  ];

  it('interpolates at any boundary and labels the figures with the period labels', () => {
    const figures = periodUsage({
      source: source(),
      points,
      periods: {
        labels: ['2026-12'],
        boundaries: [local('2026-11-18T00:00'), local('2026-12-18T00:00')],
      },
      now: LATER,
    });
    // C(Nov 18) = 1000 + 200 × 8/20 = 1080; C(Dec 18) = 1200 + 280 × 18/28 = 1380.
    expect(figures).toEqual([
      expect.objectContaining({ month: '2026-12', status: 'interpolated', usage: '300' }),
    ]);
  });

  it('refuses boundaries that do not fit the labels or do not increase', () => {
    const run = (labels: string[], boundaries: Date[]) => () =>
      periodUsage({ source: source(), points, periods: { labels, boundaries }, now: LATER });
    const [a, b] = [local('2026-11-18T00:00'), local('2026-12-18T00:00')];
    expect(run(['x'], [a])).toThrow(RangeError);
    expect(run(['x'], [b, a])).toThrow(RangeError);
    expect(run(['x'], [a, a])).toThrow(RangeError);
    expect(run([], [a, b])).toThrow(RangeError);
    expect(run([], [])()).toEqual([]);
  });
});

describe('rates over too short a span', () => {
  it('gives no daily average and no projection from readings minutes apart', () => {
    const [month] = monthlyUsage({
      source: { digits: null, timezone: 'Asia/Bangkok' },
      points: [
        { takenAt: new Date('2026-11-26T21:00:00Z'), value: '4521', event: null },
        { takenAt: new Date('2026-11-26T21:10:00Z'), value: '4600', event: null },
      ],
      from: '2026-11',
      to: '2026-11',
      now: new Date('2026-11-26T21:30:00Z'),
    });
    expect(month).toMatchObject({
      status: 'partial',
      usage: '79',
      projected: null,
      dailyAverage: null,
    });
  });
});

import Decimal from 'decimal.js';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { describeProblem } from '../../src/bot/messages';
import type { RegisterEvent, SourceKind } from '../../src/domain/types';
import {
  applyConfirmation,
  type ConfirmOptions,
  FUTURE_TOLERANCE_MS,
  type ProblemCode,
  type ReadingToCheck,
  type SourceRules,
  type SourceValidators,
  type Verdict,
  validateReading,
} from '../../src/domain/validation';
import { check, DAY, daysBefore, NOW, reading, source } from '../helpers/validation';

// ---------------------------------------------------------------------------------------------
// Helpers

function confirmOf(verdict: Verdict) {
  if (verdict.outcome !== 'confirm') throw new Error(`expected confirm, got ${verdict.outcome}`);
  return verdict;
}

const codes = (verdict: Verdict): ProblemCode[] =>
  verdict.outcome === 'confirm'
    ? verdict.problems.map((p) => p.code)
    : verdict.outcome === 'reject'
      ? [verdict.problem.code]
      : [];

/** Three readings a day, steady. */
const STEADY_HISTORY = ['3', '3', '3', '3', '3'];

/** Every problem code; the Record type makes a new code missing here a compile error. */
const CODES: Record<ProblemCode, true> = {
  belowMin: true,
  aboveMax: true,
  tooManyDigits: true,
  negative: true,
  future: true,
  duplicate: true,
  sameTimeDifferentValue: true,
  lowerThanPrevious: true,
  higherThanNext: true,
  belowLaterWrap: true,
  wrapNotBelowPrevious: true,
  rateTooHigh: true,
  zeroAfterPositive: true,
  allNines: true,
  likelyTypo: true,
};
const ALL_CODES = Object.keys(CODES) as ProblemCode[];

// ---------------------------------------------------------------------------------------------
// One table, every code

describe('validateReading: a case for every outcome and problem code', () => {
  const cases: {
    name: string;
    input: Partial<ReadingToCheck>;
    outcome: Verdict['outcome'];
    codes: ProblemCode[];
  }[] = [
    { name: 'a normal reading', input: {}, outcome: 'accept', codes: [] },
    { name: 'the first reading ever', input: { previous: null }, outcome: 'accept', codes: [] },
    {
      name: 'below min',
      input: { source: source('cumulative', { validators: { min: '5000' } }) },
      outcome: 'reject',
      codes: ['belowMin'],
    },
    {
      name: 'above max',
      input: { source: source('cumulative', { validators: { max: '4000' } }) },
      outcome: 'reject',
      codes: ['aboveMax'],
    },
    {
      name: 'more digits than the register has',
      input: { source: source('cumulative', { digits: 4 }), value: '45210' },
      outcome: 'reject',
      codes: ['tooManyDigits'],
    },
    {
      name: 'negative on a register',
      input: { value: '-5' },
      outcome: 'reject',
      codes: ['negative'],
    },
    {
      name: 'more than 5 minutes in the future',
      input: { takenAt: new Date(NOW.getTime() + FUTURE_TOLERANCE_MS + 1) },
      outcome: 'reject',
      codes: ['future'],
    },
    {
      name: 'the same reading again',
      input: { previous: reading(NOW, '4521') },
      outcome: 'reject',
      codes: ['duplicate'],
    },
    {
      name: 'another value at the same instant',
      input: { previous: reading(NOW, '4512') },
      outcome: 'reject',
      codes: ['sameTimeDifferentValue'],
    },
    {
      name: 'lower than previous',
      input: { value: '3000' },
      outcome: 'confirm',
      codes: ['lowerThanPrevious'],
    },
    {
      name: 'backdated above the next reading',
      input: { value: '4650', takenAt: daysBefore(3), next: reading(daysBefore(1), '4510') },
      outcome: 'confirm',
      codes: ['higherThanNext'],
    },
    {
      name: 'a first reading not above a later wrap',
      input: {
        source: source('cumulative', { digits: 5 }),
        value: '3',
        takenAt: daysBefore(3),
        previous: null,
        next: reading(daysBefore(1), '5', 'rollover'),
      },
      outcome: 'reject',
      codes: ['belowLaterWrap'],
    },
    {
      name: 'a wrap not below the reading before it',
      input: { source: source('cumulative', { digits: 5 }), value: '4600', event: 'rollover' },
      outcome: 'reject',
      codes: ['wrapNotBelowPrevious'],
    },
    {
      name: 'far above the usual rate',
      input: { value: '5200', recentDailyRates: STEADY_HISTORY },
      outcome: 'confirm',
      codes: ['rateTooHigh'],
    },
    {
      name: 'zero after a positive reading',
      input: { value: '0' },
      outcome: 'confirm',
      codes: ['zeroAfterPositive'],
    },
    { name: 'all nines', input: { value: '9999' }, outcome: 'confirm', codes: ['allNines'] },
    {
      name: 'a transposed reading',
      input: { value: '4152' },
      outcome: 'confirm',
      codes: ['lowerThanPrevious', 'likelyTypo'],
    },
  ];

  it.each(cases)('$name → $outcome $codes', ({ input, outcome, codes: expected }) => {
    const verdict = check(input);
    expect(verdict.outcome).toBe(outcome);
    expect(codes(verdict)).toEqual(expected);
  });

  it('covers every problem code', () => {
    const covered = new Set(cases.flatMap((c) => c.codes));
    expect([...covered].sort()).toEqual([...ALL_CODES].sort());
  });
});

// ---------------------------------------------------------------------------------------------
// Accept

describe('accept', () => {
  it('reports the usage and days since the previous reading', () => {
    expect(check({ value: '4521.5' })).toEqual({
      outcome: 'accept',
      usageSincePrevious: '21.5',
      days: 7,
    });
  });

  it('accepts an unchanged register (no usage)', () => {
    expect(check({ value: '4500' })).toMatchObject({ outcome: 'accept', usageSincePrevious: '0' });
  });

  it('has no usage or days for the first reading', () => {
    expect(check({ previous: null })).toEqual({
      outcome: 'accept',
      usageSincePrevious: null,
      days: null,
    });
  });

  it('allows a reading up to 5 minutes ahead of the clock', () => {
    expect(check({ takenAt: new Date(NOW.getTime() + FUTURE_TOLERANCE_MS) }).outcome).toBe(
      'accept',
    );
  });

  it('accepts a value exactly at min or max', () => {
    const bounded = source('cumulative', { validators: { min: '4521', max: '4521' } });
    expect(check({ source: bounded }).outcome).toBe('accept');
  });

  it('accepts a value just below 10^digits', () => {
    const verdict = check({ source: source('cumulative', { digits: 4 }), value: '9999.5' });
    expect(verdict.outcome).toBe('accept');
  });

  it('does not compare against a register that was taken out (previous is a replacement final)', () => {
    const verdict = check({
      value: '3',
      previous: reading(daysBefore(1), '45210', 'replacement_final'),
    });
    expect(verdict).toEqual({ outcome: 'accept', usageSincePrevious: null, days: 1 });
  });

  it('compares plainly with the initial reading of a new register', () => {
    const verdict = check({
      value: '13',
      previous: reading(daysBefore(1), '3', 'replacement_initial'),
    });
    expect(verdict).toMatchObject({ outcome: 'accept', usageSincePrevious: '10' });
  });

  it('compares raw values within the register after a rollover', () => {
    const verdict = check({
      source: source('cumulative', { digits: 5 }),
      value: '190',
      previous: reading(daysBefore(7), '70', 'rollover'),
    });
    expect(verdict).toMatchObject({ outcome: 'accept', usageSincePrevious: '120' });
  });

  it('does not flag a decrease when the register is not marked non-decreasing', () => {
    const verdict = check({
      source: source('cumulative', { validators: { nonDecreasing: false } }),
      value: '4400',
    });
    expect(verdict).toMatchObject({ outcome: 'accept', usageSincePrevious: '-100' });
  });
});

// ---------------------------------------------------------------------------------------------
// Reject details

describe('reject', () => {
  it('explains a range error with its limit', () => {
    const verdict = check({ source: source('cumulative', { validators: { max: '4000' } }) });
    expect(verdict).toEqual({
      outcome: 'reject',
      problem: { code: 'aboveMax', value: '4521', limit: '4000' },
    });
  });

  it('says how large the register is', () => {
    const verdict = check({ source: source('cumulative', { digits: 4 }), value: '10000' });
    expect(verdict).toEqual({
      outcome: 'reject',
      problem: { code: 'tooManyDigits', value: '10000', digits: 4, limit: '10000' },
    });
  });

  it('prefers "negative" over "below min" for a register', () => {
    const verdict = check({
      source: source('cumulative', { validators: { min: '0' } }),
      value: '-1',
    });
    expect(codes(verdict)).toEqual(['negative']);
  });

  it('spots a duplicate even when the caller passes it as next', () => {
    const verdict = check({ previous: reading(daysBefore(1), '4500'), next: reading(NOW, '4521') });
    expect(codes(verdict)).toEqual(['duplicate']);
  });

  it('compares duplicates as numbers', () => {
    expect(codes(check({ value: '4521', previous: reading(NOW, '4521.0') }))).toEqual([
      'duplicate',
    ]);
  });

  it('names the existing value at the same instant', () => {
    const verdict = check({ previous: reading(NOW, '4512') });
    expect(verdict).toEqual({
      outcome: 'reject',
      problem: { code: 'sameTimeDifferentValue', value: '4521', existing: '4512', takenAt: NOW },
    });
  });
});

// ---------------------------------------------------------------------------------------------
// Rollover, replacement, typo

describe('a lower reading on a cumulative register', () => {
  it('offers a rollover on a 5-digit register: 99950 → 70 is 120 used', () => {
    const verdict = confirmOf(
      check({
        source: source('cumulative', { digits: 5 }),
        value: '70',
        previous: reading(daysBefore(7), '99950'),
      }),
    );
    expect(verdict.problems.map((p) => p.code)).toEqual(['lowerThanPrevious']);
    expect(verdict.options.rollover).toEqual({ usage: '120', clearNextRollover: false });
    expect(applyConfirmation(verdict, 'rollover')).toEqual({
      store: true,
      event: 'rollover',
      clearNextRollover: false,
    });
  });

  it('uses the modulus, not the largest display value (99999678 → 123 is 445)', () => {
    const verdict = confirmOf(
      check({
        source: source('cumulative', { digits: 8 }),
        value: '123',
        previous: reading(daysBefore(7), '99999678'),
      }),
    );
    expect(verdict.options.rollover?.usage).toBe('445');
  });

  it('offers a rollover lower in the register when the wrapped usage is a plausible rate', () => {
    const verdict = confirmOf(
      check({
        source: source('cumulative', { digits: 5, validators: { maxRatePerDay: '1000' } }),
        value: '500',
        takenAt: NOW,
        previous: reading(daysBefore(30), '85000'),
      }),
    );
    expect(verdict.options.rollover).toEqual({ usage: '15500', clearNextRollover: false });
  });

  it('offers no rollover when the register size is unknown or the wrap is implausible', () => {
    expect(confirmOf(check({ value: '4400' })).options.rollover).toBeUndefined();
    const fiveDigits = source('cumulative', { digits: 5 });
    const implausible = confirmOf(
      check({ source: fiveDigits, value: '4400', recentDailyRates: STEADY_HISTORY }),
    );
    expect(implausible.options.rollover).toBeUndefined();
  });

  it('offers a replacement when the value is small next to the previous one', () => {
    const verdict = confirmOf(check({ value: '12', previous: reading(daysBefore(7), '45210') }));
    expect(verdict.options.replacement).toBe(true);
    expect(applyConfirmation(verdict, 'replacement')).toEqual({
      store: false,
      action: 'askReplacement',
    });
  });

  it('offers a replacement when the value is far below the prediction', () => {
    const verdict = confirmOf(check({ value: '3900', recentDailyRates: STEADY_HISTORY }));
    expect(verdict.options.replacement).toBe(true);
  });

  it('offers a new register even for a small slip below the previous value (never negative use)', () => {
    const verdict = confirmOf(check({ value: '4490', recentDailyRates: STEADY_HISTORY }));
    expect(verdict.options.replacement).toBe(true);
    expect(applyConfirmation(verdict, 'store')).toEqual({ store: false, action: 'nothing' });
  });

  it('flags a zero after a positive value once, with rollover and replacement options', () => {
    const verdict = confirmOf(
      check({
        source: source('cumulative', { digits: 5 }),
        value: '0',
        previous: reading(daysBefore(7), '99950'),
      }),
    );
    expect(verdict.problems.map((p) => p.code)).toEqual(['zeroAfterPositive']);
    expect(verdict.options).toEqual({
      rollover: { usage: '50', clearNextRollover: false },
      replacement: true,
    });
  });

  it('does not flag a zero on a new register', () => {
    const verdict = check({
      value: '0',
      previous: reading(daysBefore(1), '45210', 'replacement_final'),
    });
    expect(verdict.outcome).toBe('accept');
  });
});

describe('typo suggestions', () => {
  const typoOf = (verdict: Verdict) => confirmOf(verdict).options.typo?.suggestion;

  it('suggests a transposition: 4152 after 4500 → 4512', () => {
    const verdict = confirmOf(check({ value: '4152', recentDailyRates: STEADY_HISTORY }));
    expect(verdict.options.typo).toEqual({ suggestion: '4512' });
    expect(verdict.problems).toContainEqual({
      code: 'likelyTypo',
      value: '4152',
      suggestion: '4512',
      expected: '4521',
    });
  });

  it('suggests dropping an extra digit: 45210 when ~4521 is expected', () => {
    expect(typoOf(check({ value: '45210', recentDailyRates: STEADY_HISTORY }))).toBe('4521');
  });

  it('suggests adding a missing digit: 452 when ~4521 is expected', () => {
    expect(typoOf(check({ value: '452', recentDailyRates: STEADY_HISTORY }))).toBe('4521');
  });

  it('suggests a single wrong digit: 4571 when ~4521 is expected', () => {
    expect(typoOf(check({ value: '4571', recentDailyRates: STEADY_HISTORY }))).toBe('4521');
  });

  it('keeps a suggestion between both neighbours when backdating', () => {
    const verdict = check({
      value: '4251',
      takenAt: daysBefore(4),
      previous: reading(daysBefore(7), '4500'),
      next: reading(daysBefore(1), '4540'),
    });
    expect(typoOf(verdict)).toBe('4521');
  });

  it('suggests nothing when no near miss fits', () => {
    const verdict = confirmOf(check({ value: '1', recentDailyRates: STEADY_HISTORY }));
    expect(verdict.options.typo).toBeUndefined();
    expect(verdict.problems.map((p) => p.code)).toEqual(['lowerThanPrevious']);
  });

  it('takes a suggestion by validating it again', () => {
    const verdict = confirmOf(check({ value: '4152', recentDailyRates: STEADY_HISTORY }));
    const decision = applyConfirmation(verdict, 'typo');
    expect(decision).toEqual({ store: false, action: 'revalidate', value: '4512' });
    if (decision.store === false && decision.action === 'revalidate') {
      expect(check({ value: decision.value, recentDailyRates: STEADY_HISTORY }).outcome).toBe(
        'accept',
      );
    }
  });
});

// ---------------------------------------------------------------------------------------------
// Backdating

describe('backdated readings', () => {
  const previous = reading(daysBefore(10), '4500');
  const next = reading(daysBefore(0.5), '4600');
  const backdated = (value: string, extra: Partial<ReadingToCheck> = {}) =>
    check({ value, takenAt: daysBefore(5), previous, next, ...extra });

  it('accepts a value that fits between both neighbours', () => {
    expect(backdated('4550')).toEqual({ outcome: 'accept', usageSincePrevious: '50', days: 5 });
  });

  it('accepts a value equal to either neighbour', () => {
    expect(backdated('4500').outcome).toBe('accept');
    expect(backdated('4600').outcome).toBe('accept');
  });

  it('asks when the value is higher than the next reading', () => {
    const verdict = confirmOf(backdated('5800'));
    expect(verdict.problems).toEqual([
      {
        code: 'higherThanNext',
        value: '5800',
        next: '4600',
        nextAt: next.takenAt,
        previous: '4500',
      },
    ]);
    expect(verdict.options.rollover).toBeUndefined();
  });

  it('asks when the value is lower than the previous reading', () => {
    expect(codes(backdated('3000'))).toEqual(['lowerThanPrevious']);
  });

  it('checks the rate until the next reading too', () => {
    const verdict = confirmOf(
      backdated('4501', { takenAt: daysBefore(1), recentDailyRates: ['10', '10', '10'] }),
    );
    expect(verdict.problems[0]).toMatchObject({
      code: 'rateTooHigh',
      interval: 'untilNext',
      other: '4600',
      usage: '99',
      limit: '30',
      limitFrom: 'history',
    });
  });

  it('checks against next alone when backdating before the first reading', () => {
    expect(backdated('4550', { previous: null }).outcome).toBe('accept');
    expect(codes(backdated('5800', { previous: null }))).toEqual(['higherThanNext']);
  });

  it('ignores a next reading on another register (replacement initial)', () => {
    const verdict = backdated('4650', {
      next: reading(daysBefore(0.5), '3', 'replacement_initial'),
    });
    expect(verdict.outcome).toBe('accept');
  });

  it('compares with a replacement final, which is on the same register', () => {
    const verdict = backdated('5800', {
      next: reading(daysBefore(0.5), '4600', 'replacement_final'),
    });
    expect(codes(verdict)).toEqual(['higherThanNext']);
  });

  describe('inside an interval that rolled over (next is marked rollover)', () => {
    const fiveDigits = source('cumulative', { digits: 5 });
    const wrapped = (value: string) =>
      check({
        source: fiveDigits,
        value,
        takenAt: daysBefore(5),
        previous: reading(daysBefore(10), '99950'),
        next: reading(daysBefore(0.5), '70', 'rollover'),
      });

    it('accepts a value before the wrap without comparing to next', () => {
      expect(wrapped('99990').outcome).toBe('accept');
    });

    it('offers to move the wrap to a value after it', () => {
      const verdict = confirmOf(wrapped('20'));
      expect(verdict.options.rollover).toEqual({ usage: '70', clearNextRollover: true });
      expect(verdict.options.replacement).toBeUndefined();
      expect(verdict.options.typo).toBeUndefined();
      expect(applyConfirmation(verdict, 'rollover')).toEqual({
        store: true,
        event: 'rollover',
        clearNextRollover: true,
      });
    });

    it('still requires a value after the wrap to stay below next', () => {
      const verdict = confirmOf(wrapped('80'));
      expect(verdict.problems.map((p) => p.code)).toEqual([
        'lowerThanPrevious',
        'higherThanNext',
        'likelyTypo',
      ]);
      expect(verdict.problems[1]).toMatchObject({ previous: null });
      expect(verdict.options.typo).toEqual({ suggestion: '70' });
      // Moving the wrap here would leave next (70) below this value (80): negative use.
      expect(verdict.options.rollover).toBeUndefined();
      expect(applyConfirmation(verdict, 'rollover')).toEqual({ store: false, action: 'nothing' });
      expect(applyConfirmation(verdict, 'store')).toEqual({ store: false, action: 'nothing' });
    });

    it('moves the wrap to a value equal to next (no use until next)', () => {
      expect(confirmOf(wrapped('70')).options.rollover).toEqual({
        usage: '120',
        clearNextRollover: true,
      });
    });
  });

  it('offers no rollover before a later reading on the same lap (it would need a second wrap)', () => {
    const verdict = confirmOf(
      check({
        source: source('cumulative', { digits: 5 }),
        value: '20',
        takenAt: daysBefore(5),
        previous: reading(daysBefore(10), '99950'),
        next: reading(daysBefore(1), '99990'),
      }),
    );
    expect(verdict.problems.map((p) => p.code)).toContain('lowerThanPrevious');
    expect(verdict.options.rollover).toBeUndefined();
    expect(applyConfirmation(verdict, 'rollover')).toEqual({ store: false, action: 'nothing' });
  });
});

// ---------------------------------------------------------------------------------------------
// A wrap counts less than one turn of the register (10^digits − before + after)

describe('a wrap counts less than one turn of the register', () => {
  const fiveDigits = source('cumulative', { digits: 5 });
  const wrapAt5 = reading(daysBefore(1), '5', 'rollover');
  const beforeWrap = (value: string, overrides: Partial<ReadingToCheck> = {}) =>
    check({
      source: fiveDigits,
      value,
      takenAt: daysBefore(3),
      previous: null,
      next: wrapAt5,
      ...overrides,
    });

  it('refuses a first reading at or below a later wrap: 3 before ↻ 5 would count 100,002', () => {
    expect(beforeWrap('3')).toEqual({
      outcome: 'reject',
      problem: { code: 'belowLaterWrap', value: '3', next: '5', nextAt: wrapAt5.takenAt },
    });
    expect(codes(beforeWrap('5'))).toEqual(['belowLaterWrap']);
  });

  it('accepts a first reading above the wrap, and any value when the size is unknown', () => {
    expect(beforeWrap('6').outcome).toBe('accept');
    expect(beforeWrap('90000').outcome).toBe('accept');
    // Without a register size the wrap counts nothing: 3 → 5 is plain use.
    expect(beforeWrap('3', { source: source() }).outcome).toBe('accept');
  });

  it('refuses a value before the wrap that is not above it, even above the reading before', () => {
    const verdict = beforeWrap('4', { previous: reading(daysBefore(5), '2') });
    expect(codes(verdict)).toEqual(['belowLaterWrap']);
  });

  const carryingWrap = (value: string, overrides: Partial<ReadingToCheck> = {}) =>
    check({
      source: fiveDigits,
      value,
      previous: reading(daysBefore(7), '99950'),
      event: 'rollover',
      ...overrides,
    });

  it('accepts a value that carries a wrap below the reading before, without asking', () => {
    expect(carryingWrap('20')).toEqual({ outcome: 'accept', usageSincePrevious: null, days: 7 });
    expect(carryingWrap('0').outcome).toBe('accept');
  });

  it('refuses a value that carries a wrap at or above the reading before', () => {
    expect(carryingWrap('99990')).toEqual({
      outcome: 'reject',
      problem: {
        code: 'wrapNotBelowPrevious',
        value: '99990',
        previous: '99950',
        previousAt: daysBefore(7),
      },
    });
    expect(codes(carryingWrap('99950'))).toEqual(['wrapNotBelowPrevious']);
  });

  it('compares a value that carries a wrap like any when the wrap counts nothing', () => {
    expect(codes(carryingWrap('20', { source: source() }))).toEqual(['lowerThanPrevious']);
    expect(carryingWrap('99990', { source: source() }).outcome).toBe('accept');
  });

  it('compares a wrap with a reading before it that is too big for the register', () => {
    // 9001 on a 3-digit register is on no lap of it: the drop is asked about, not counted.
    const verdict = carryingWrap('5', {
      source: source('cumulative', { digits: 3 }),
      previous: reading(daysBefore(7), '9001'),
    });
    expect(codes(verdict)).toContain('lowerThanPrevious');
  });

  it('does not compare a wrap with the final of a replaced meter', () => {
    const verdict = carryingWrap('99990', {
      previous: reading(daysBefore(7), '99950', 'replacement_final'),
    });
    expect(verdict.outcome).toBe('accept');
  });

  it('still keeps a value that carries a wrap below the reading after it', () => {
    const verdict = carryingWrap('20', {
      takenAt: daysBefore(3),
      next: reading(daysBefore(1), '10'),
    });
    expect(codes(verdict)).toContain('higherThanNext');
  });
});

// ---------------------------------------------------------------------------------------------
// Rate plausibility

describe('rate plausibility', () => {
  it('without history, only a configured maximum applies', () => {
    expect(check({ value: '9000' }).outcome).toBe('accept');
    const limited = source('cumulative', { validators: { maxRatePerDay: '50' } });
    const verdict = confirmOf(check({ source: limited, value: '9000' }));
    expect(verdict.problems).toEqual([
      {
        code: 'rateTooHigh',
        value: '9000',
        interval: 'sincePrevious',
        other: '4500',
        otherAt: daysBefore(7),
        usage: '4500',
        days: '7',
        ratePerDay: '643',
        limit: '50',
        limitFrom: 'maxRatePerDay',
      },
    ]);
  });

  it('accepts up to the configured maximum', () => {
    const limited = source('cumulative', { validators: { maxRatePerDay: '50' } });
    expect(check({ source: limited, value: '4850' }).outcome).toBe('accept');
  });

  it('ignores a history that is too short to judge', () => {
    expect(check({ value: '4700', recentDailyRates: ['3', '3'] }).outcome).toBe('accept');
  });

  it('allows up to three times the 95th percentile of recent rates', () => {
    // 3 a day → limit 9 a day → 63 in 7 days.
    expect(check({ value: '4563', recentDailyRates: STEADY_HISTORY }).outcome).toBe('accept');
    expect(codes(check({ value: '4564', recentDailyRates: STEADY_HISTORY }))).toContain(
      'rateTooHigh',
    );
  });

  it('uses the 95th percentile, so one busy interval raises the limit', () => {
    const rates = ['3', '3', '3', '3', '20'];
    expect(check({ value: '4800', recentDailyRates: rates }).outcome).toBe('accept');
  });

  it('judges intervals shorter than a day as a whole day', () => {
    const anHourAgo = reading(new Date(NOW.getTime() - DAY / 24), '4500');
    expect(
      check({ value: '4509', previous: anHourAgo, recentDailyRates: STEADY_HISTORY }).outcome,
    ).toBe('accept');
  });

  it('ignores a history of zero use (nothing to compare with) and invalid entries', () => {
    expect(check({ value: '4700', recentDailyRates: ['0', '0', '0'] }).outcome).toBe('accept');
    expect(check({ value: '4700', recentDailyRates: ['x', '-3', '', '3'] }).outcome).toBe('accept');
  });

  it('reports the configured limit when both limits are exceeded', () => {
    const limited = source('cumulative', { validators: { maxRatePerDay: '50' } });
    const verdict = confirmOf(
      check({ source: limited, value: '9000', recentDailyRates: STEADY_HISTORY }),
    );
    expect(verdict.problems[0]).toMatchObject({ limitFrom: 'maxRatePerDay' });
  });
});

// ---------------------------------------------------------------------------------------------
// Gauge and delta sources

describe('gauge sources', () => {
  const gauge = (validators: Partial<SourceValidators> = {}) =>
    source('gauge', { validators, digits: 2 });
  const temperature = (value: string, extra: Partial<ReadingToCheck> = {}) =>
    check({ source: gauge(), value, previous: reading(daysBefore(1), '36.5'), ...extra });

  it('go up and down freely, without usage', () => {
    expect(temperature('35.1')).toEqual({ outcome: 'accept', usageSincePrevious: null, days: 1 });
    expect(temperature('120', { recentDailyRates: STEADY_HISTORY }).outcome).toBe('accept');
  });

  it('may be negative, zero or all nines, and ignore digits', () => {
    expect(temperature('-12.5').outcome).toBe('accept');
    expect(temperature('0').outcome).toBe('accept');
    expect(temperature('9999').outcome).toBe('accept');
  });

  it('still check min, max, future and duplicates', () => {
    expect(codes(check({ source: gauge({ min: '30' }), value: '29.9' }))).toEqual(['belowMin']);
    expect(codes(check({ source: gauge({ max: '45' }), value: '45.1' }))).toEqual(['aboveMax']);
    expect(codes(temperature('36.5', { takenAt: new Date(NOW.getTime() + DAY) }))).toEqual([
      'future',
    ]);
    expect(codes(temperature('36.5', { previous: reading(NOW, '36.5') }))).toEqual(['duplicate']);
  });
});

describe('delta sources', () => {
  const delta = (validators: Partial<SourceValidators> = {}) => source('delta', { validators });
  const amount = (value: string, validators: Partial<SourceValidators> = {}) =>
    check({ source: delta(validators), value, previous: reading(daysBefore(1), '500') });

  it('accept any positive amount, without usage or direction checks', () => {
    expect(amount('20')).toEqual({ outcome: 'accept', usageSincePrevious: null, days: 1 });
    expect(amount('0').outcome).toBe('accept');
  });

  it('reject a negative amount unless min allows it', () => {
    expect(codes(amount('-20'))).toEqual(['negative']);
    expect(codes(amount('-20', { min: '0' }))).toEqual(['negative']);
    expect(amount('-20', { min: '-100' }).outcome).toBe('accept');
    expect(codes(amount('-200', { min: '-100' }))).toEqual(['belowMin']);
  });

  it('check max', () => {
    expect(codes(amount('2000', { max: '1000' }))).toEqual(['aboveMax']);
  });
});

// ---------------------------------------------------------------------------------------------
// applyConfirmation

describe('applyConfirmation', () => {
  const suspicious = (options: ConfirmOptions): Verdict => ({
    outcome: 'confirm',
    problems: [{ code: 'lowerThanPrevious', value: '70', previous: '99950', previousAt: NOW }],
    options,
    usageSincePrevious: '-99880',
    days: 7,
  });
  const everything = suspicious({
    rollover: { usage: '120', clearNextRollover: false },
    replacement: true,
    typo: { suggestion: '99970' },
  });

  it.each([
    // Stored as it is, a lower value would count negative use: never.
    ['store', { store: false, action: 'nothing' }],
    ['previous', { store: false, action: 'fixPrevious' }],
    ['rollover', { store: true, event: 'rollover', clearNextRollover: false }],
    ['replacement', { store: false, action: 'askReplacement' }],
    ['typo', { store: false, action: 'revalidate', value: '99970' }],
    ['cancel', { store: false, action: 'nothing' }],
  ] as const)('%s on a confirm verdict', (choice, expected) => {
    expect(applyConfirmation(everything, choice)).toEqual(expected);
  });

  it('honours only the options that were offered', () => {
    const bare = suspicious({});
    for (const choice of ['rollover', 'replacement', 'typo'] as const) {
      expect(applyConfirmation(bare, choice)).toEqual({ store: false, action: 'nothing' });
    }
  });

  it('stores an accepted reading and never a rejected one', () => {
    expect(applyConfirmation(check(), 'store')).toEqual({
      store: true,
      event: null,
      clearNextRollover: false,
    });
    expect(applyConfirmation(check(), 'cancel')).toEqual({ store: false, action: 'nothing' });
    const rejected = check({ value: '-1' });
    expect(applyConfirmation(rejected, 'store')).toEqual({ store: false, action: 'nothing' });
  });
});

// ---------------------------------------------------------------------------------------------
// Properties

/** Canonical decimal strings with up to three decimals. */
const decimal = (min: bigint, max: bigint) =>
  fc
    .tuple(fc.bigInt({ min, max }), fc.integer({ min: 0, max: 3 }))
    .map(([units, scale]) => new Decimal(units.toString()).div(10 ** scale).toFixed());

const anyDate = fc.date({
  min: new Date('2020-01-01T00:00:00Z'),
  max: new Date('2030-01-01T00:00:00Z'),
  noInvalidDate: true,
});
const anyEvent = fc.constantFrom<RegisterEvent | null>(
  null,
  'rollover',
  'replacement_final',
  'replacement_initial',
);
const anyPoint = fc.record({
  takenAt: anyDate,
  value: decimal(-(10n ** 9n), 10n ** 9n),
  event: anyEvent,
});
const anySource: fc.Arbitrary<SourceRules> = fc.record({
  kind: fc.constantFrom<SourceKind>('cumulative', 'gauge', 'delta'),
  digits: fc.option(fc.integer({ min: 1, max: 9 })),
  validators: fc.record({
    min: fc.option(decimal(-(10n ** 6n), 10n ** 6n)),
    max: fc.option(decimal(-(10n ** 6n), 10n ** 8n)),
    nonDecreasing: fc.boolean(),
    maxRatePerDay: fc.option(decimal(0n, 10n ** 6n)),
  }),
});

describe('properties', () => {
  it('never throws, and always returns a well-formed verdict that can be described', () => {
    fc.assert(
      fc.property(
        anySource,
        decimal(-(10n ** 10n), 10n ** 10n),
        anyDate,
        anyDate,
        fc.option(anyPoint),
        fc.option(anyPoint),
        fc.array(fc.oneof(decimal(0n, 10n ** 6n), fc.string()), { maxLength: 8 }),
        (src, value, takenAt, now, previous, next, recentDailyRates) => {
          const verdict = validateReading({
            source: src,
            value,
            takenAt,
            now,
            previous,
            next,
            recentDailyRates,
          });
          const problems =
            verdict.outcome === 'reject'
              ? [verdict.problem]
              : verdict.outcome === 'confirm'
                ? verdict.problems
                : [];
          if (verdict.outcome === 'confirm') expect(problems.length).toBeGreaterThan(0);
          for (const problem of problems) {
            expect(describeProblem(problem, 'th', 'kWh')).not.toBe('');
            expect(describeProblem(problem, 'en', 'kWh')).not.toBe('');
          }
          for (const choice of ['store', 'rollover', 'replacement', 'typo', 'cancel'] as const) {
            applyConfirmation(verdict, choice);
          }
        },
      ),
    );
  });

  it('accepts previous + a plausible positive usage within min and max', () => {
    fc.assert(
      fc.property(
        decimal(1n, 10n ** 7n), // previous value
        fc.integer({ min: 1, max: 400 }), // days since previous
        decimal(1n, 10n ** 5n), // typical daily rate
        fc.double({ min: 0.01, max: 1, noNaN: true }), // share of the typical usage
        fc.boolean(), // with a configured maximum rate
        (previousValue, days, rate, share, capped) => {
          const usage = new Decimal(rate)
            .times(days)
            .times(share.toFixed(2))
            .toDecimalPlaces(3, Decimal.ROUND_DOWN);
          fc.pre(usage.gt(0));
          const value = usage.plus(previousValue).toFixed();
          fc.pre(!/^9+$/.test(value.replace('.', '')));
          const verdict = validateReading({
            source: source('cumulative', {
              digits: 12,
              validators: {
                min: previousValue,
                max: new Decimal(value).plus(1).toFixed(),
                maxRatePerDay: capped ? rate : null,
              },
            }),
            value,
            takenAt: NOW,
            now: NOW,
            previous: reading(daysBefore(days), previousValue),
            next: null,
            recentDailyRates: [rate, rate, rate],
          });
          expect(verdict).toMatchObject({ outcome: 'accept', usageSincePrevious: usage.toFixed() });
        },
      ),
    );
  });

  it('never accepts a value below min', () => {
    fc.assert(
      fc.property(
        anySource,
        decimal(-(10n ** 6n), 10n ** 6n),
        decimal(1n, 10n ** 6n),
        anyDate,
        fc.option(anyPoint),
        fc.option(anyPoint),
        (src, min, gap, takenAt, previous, next) => {
          const value = new Decimal(min).minus(gap).toFixed();
          const bounded = { ...src, validators: { ...src.validators, min } };
          const verdict = validateReading({
            source: bounded,
            value,
            takenAt,
            now: NOW,
            previous,
            next,
            recentDailyRates: [],
          });
          expect(verdict.outcome).toBe('reject');
        },
      ),
    );
  });
});

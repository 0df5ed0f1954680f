import { describe, expect, it } from 'vitest';
import {
  applyConfirmation,
  type SourceValidators,
  storingWouldGoBackwards,
  type Verdict,
} from '../../src/domain/validation';
import { check, DAY, daysBefore, NOW, reading, source } from '../helpers/validation';

// The finer rules of validateReading: which options come with which problem, how the history is
// read, how a typo suggestion is chosen among near misses, and how figures are rounded. The broad
// cases are in validation.test.ts.

const HOUR = DAY / 24;

/** A reading backdated to 5 days ago, between a previous 10 days ago and a next one now. */
function between(value: string, previous: string, next: string): Verdict {
  return check({
    value,
    takenAt: daysBefore(5),
    previous: reading(daysBefore(10), previous),
    next: reading(NOW, next),
  });
}

function confirmOf(verdict: Verdict) {
  if (verdict.outcome !== 'confirm') throw new Error(`expected confirm, got ${verdict.outcome}`);
  return verdict;
}

const codes = (verdict: Verdict) =>
  verdict.outcome === 'confirm'
    ? verdict.problems.map((p) => p.code)
    : verdict.outcome === 'reject'
      ? [verdict.problem.code]
      : [];

const typoOf = (verdict: Verdict) => confirmOf(verdict).options.typo?.suggestion;

/** The figure the typo search aimed at, as shown to the user. */
const expectedOf = (verdict: Verdict) => {
  const typo = confirmOf(verdict).problems.find((p) => p.code === 'likelyTypo');
  return typo?.code === 'likelyTypo' ? typo.expected : undefined;
};

/** Three a day, steady: a limit of nine a day. */
const STEADY_HISTORY = ['3', '3', '3', '3', '3'];

// ---------------------------------------------------------------------------------------------

describe('options that come only with a decrease', () => {
  it('offers no new meter and no rollover for a rate that is merely too high', () => {
    const verdict = confirmOf(
      check({
        source: source('cumulative', { digits: 5, validators: { maxRatePerDay: '50' } }),
        value: '9000',
      }),
    );
    expect(codes(verdict)).toEqual(['rateTooHigh']);
    expect(verdict.options).toEqual({});
  });

  it('offers a new meter for a decrease that also comes with another problem', () => {
    // 4400 is below the previous 4500, and 4600 until the next 9000 in 5 days is over 50 a day.
    const verdict = confirmOf(
      check({
        source: source('cumulative', { validators: { maxRatePerDay: '50' } }),
        value: '4400',
        takenAt: daysBefore(5),
        previous: reading(daysBefore(10), '4500'),
        next: reading(NOW, '9000'),
      }),
    );
    expect(codes(verdict)).toEqual(['lowerThanPrevious', 'rateTooHigh']);
    expect(verdict.options).toEqual({ replacement: true });
  });

  it('offers nothing for an all-nines reading just above the previous one (no typo search)', () => {
    expect(check({ value: '9999', previous: reading(daysBefore(7), '9990') })).toEqual({
      outcome: 'confirm',
      problems: [{ code: 'allNines', value: '9999' }],
      options: {},
      usageSincePrevious: '9',
      days: 7,
    });
  });
});

describe('hard checks', () => {
  it('rejects 10 on a 1-digit register, and accepts 9', () => {
    const oneDigit = source('cumulative', { digits: 1 });
    const previous = reading(daysBefore(7), '5');
    expect(check({ source: oneDigit, previous, value: '9' }).outcome).toBe('accept');
    expect(check({ source: oneDigit, previous, value: '10' })).toEqual({
      outcome: 'reject',
      problem: { code: 'tooManyDigits', value: '10', digits: 1, limit: '10' },
    });
  });

  it('treats a register of 0 digits as one of unknown size', () => {
    expect(check({ source: source('cumulative', { digits: 0 }) }).outcome).toBe('accept');
  });

  it('rejects a negative register value even when min is negative (only a delta may opt in)', () => {
    const verdict = check({
      source: source('cumulative', { validators: { min: '-100' } }),
      value: '-20',
    });
    expect(verdict).toEqual({ outcome: 'reject', problem: { code: 'negative', value: '-20' } });
  });

  it('names the configured min as the limit of a value below it', () => {
    const verdict = check({
      source: source('cumulative', { validators: { min: '100' } }),
      value: '50',
    });
    expect(verdict).toEqual({
      outcome: 'reject',
      problem: { code: 'belowMin', value: '50', limit: '100' },
    });
  });
});

describe('all nines', () => {
  it('counts the nines of a decimal on both sides of the point (99.99)', () => {
    expect(codes(check({ value: '99.99', previous: reading(daysBefore(7), '50') }))).toEqual([
      'allNines',
    ]);
  });

  it('takes three nines for a real count', () => {
    expect(check({ value: '999', previous: reading(daysBefore(7), '900') }).outcome).toBe('accept');
  });
});

describe('recent daily rates', () => {
  it('ignores negative rates, so they do not make a short history long enough to judge', () => {
    // Only two valid rates are left: no history-based limit, so 100 in 7 days is fine.
    expect(check({ value: '4600', recentDailyRates: ['-5', '-5', '3', '3'] }).outcome).toBe(
      'accept',
    );
  });

  it('takes the 95th percentile of the rates in any order', () => {
    // The busy interval listed first still sets the limit: 3 × 20 a day.
    expect(check({ value: '4800', recentDailyRates: ['20', '3', '3', '3', '3'] }).outcome).toBe(
      'accept',
    );
  });

  it('predicts with the median rate: the mean of the middle two of an even count', () => {
    // Sorted 1, 3, 5, 100: median 4 a day, so 4500 + 7 × 4 = 4528 is expected.
    const verdict = check({ value: '4258', recentDailyRates: ['100', '1', '5', '3'] });
    expect(confirmOf(verdict).problems).toContainEqual({
      code: 'likelyTypo',
      value: '4258',
      suggestion: '4528',
      expected: '4528',
    });
  });

  it('predicts with the median rate: the middle one of an odd count', () => {
    // Sorted 1, 3, 5: median 3 a day, so 4500 + 7 × 3 = 4521 is expected.
    const verdict = check({ value: '4152', recentDailyRates: ['5', '1', '3'] });
    expect(typoOf(verdict)).toBe('4512');
    expect(expectedOf(verdict)).toBe('4521');
  });
});

describe('figures shown with a rate that is too high', () => {
  it('gives a rate between 1 and 100 a day to two decimals', () => {
    const limited = source('cumulative', { validators: { maxRatePerDay: '10' } });
    expect(confirmOf(check({ source: limited, value: '4600' })).problems[0]).toEqual({
      code: 'rateTooHigh',
      value: '4600',
      interval: 'sincePrevious',
      other: '4500',
      otherAt: daysBefore(7),
      usage: '100',
      days: '7',
      ratePerDay: '14.29',
      limit: '10',
      limitFrom: 'maxRatePerDay',
    });
  });

  it('gives a duration under a day to three significant digits (3 hours: 0.125 days)', () => {
    const takenAt = daysBefore(1);
    const verdict = check({
      value: '4501',
      takenAt,
      previous: reading(daysBefore(10), '4500'),
      next: reading(new Date(takenAt.getTime() + 3 * HOUR), '4600'),
      recentDailyRates: STEADY_HISTORY,
    });
    expect(confirmOf(verdict).problems[0]).toMatchObject({
      code: 'rateTooHigh',
      interval: 'untilNext',
      usage: '99',
      days: '0.125',
      // Judged as a whole day.
      ratePerDay: '99',
    });
  });
});

describe('rollover offered lower in the register', () => {
  // 8900 → 100 on a 4-digit register: 1200 used in 7 days if it wrapped, about 171 a day.
  const wrapped = (validators: Partial<SourceValidators>, recentDailyRates: string[] = []) =>
    confirmOf(
      check({
        source: source('cumulative', { digits: 4, validators }),
        value: '100',
        previous: reading(daysBefore(7), '8900'),
        recentDailyRates,
      }),
    );

  it('is offered when the wrapped usage is within the configured rate', () => {
    expect(wrapped({ maxRatePerDay: '200' }).options.rollover).toEqual({
      usage: '1200',
      clearNextRollover: false,
    });
  });

  it('is not offered when no rate limit is known to judge the wrap by', () => {
    expect(wrapped({}).options.rollover).toBeUndefined();
  });

  it('is not offered when the wrapped usage exceeds one of the limits (history: 9 a day)', () => {
    expect(wrapped({ maxRatePerDay: '200' }, STEADY_HISTORY).options.rollover).toBeUndefined();
  });
});

describe('where a typo suggestion aims', () => {
  it('between two neighbours, at the point in time between them', () => {
    // 3 of the 6 days from 4500 to 4540: 4520.
    const verdict = check({
      value: '4251',
      takenAt: daysBefore(4),
      previous: reading(daysBefore(7), '4500'),
      next: reading(daysBefore(1), '4540'),
    });
    expect(typoOf(verdict)).toBe('4521');
    expect(expectedOf(verdict)).toBe('4520');
  });

  it('before the first reading, at the next one less the typical use (none known: the next itself)', () => {
    const verdict = check({
      value: '6400',
      takenAt: daysBefore(5),
      previous: null,
      next: reading(daysBefore(0.5), '4600'),
    });
    expect(codes(verdict)).toEqual(['higherThanNext', 'likelyTypo']);
    expect(typoOf(verdict)).toBe('4600');
    expect(expectedOf(verdict)).toBe('4600');
  });
});

describe('which near misses are searched', () => {
  const typed = (value: string) => check({ value, recentDailyRates: STEADY_HISTORY });

  it('searches a value of up to 24 characters, not a longer one', () => {
    const fraction = (zeros: number) => `4152.${'0'.repeat(zeros)}1`;
    expect(fraction(18)).toHaveLength(24);
    expect(typoOf(typed(fraction(18)))).toBe(`4512.${'0'.repeat(18)}1`);
    expect(confirmOf(typed(fraction(19))).options.typo).toBeUndefined();
  });

  it('deletes a digit anywhere, not only at the end (45521 → 4521)', () => {
    expect(typoOf(typed('45521'))).toBe('4521');
  });

  it('inserts a digit anywhere, not only at the end (421 → 4521)', () => {
    expect(typoOf(typed('421'))).toBe('4521');
  });

  it('edits only digits: a misplaced decimal point is not searched (45.21 after 4500)', () => {
    const verdict = confirmOf(typed('45.21'));
    expect(codes(verdict)).toEqual(['lowerThanPrevious']);
    expect(verdict.options.typo).toBeUndefined();
  });

  it('swaps only two digits, never a digit with the decimal point (45210.1 → 4521.1)', () => {
    // Swapping the 0 with the point would give 4521.01, nearer to the 4521 expected.
    expect(typoOf(typed('45210.1'))).toBe('4521.1');
  });

  it('suggests a value with a zero after its first digit (4053 → 4503)', () => {
    const verdict = check({
      value: '4053',
      previous: reading(daysBefore(1), '4500'),
      recentDailyRates: STEADY_HISTORY,
    });
    expect(typoOf(verdict)).toBe('4503');
  });

  it('never suggests a value that needs a leading zero (4503 → 0543)', () => {
    // 543 would be exactly the 540 + 3 expected, but only as the swap 0543.
    const verdict = confirmOf(
      check({
        value: '4503',
        previous: reading(daysBefore(1), '540'),
        recentDailyRates: STEADY_HISTORY,
      }),
    );
    expect(codes(verdict)).toEqual(['rateTooHigh']);
    expect(verdict.options.typo).toBeUndefined();
  });
});

describe('choosing among near misses equally far from the prediction', () => {
  it('takes the smaller of two of the same kind (insertions 4529 and 4532 around 4530.5)', () => {
    expect(typoOf(between('452', '4500', '4561'))).toBe('4529');
  });

  it('keeps the smaller when it came first (insertions 4526 and 4527 around 4526.5)', () => {
    expect(typoOf(between('452', '4500', '4553'))).toBe('4526');
  });

  it('prefers a transposition to a substitution (4513 over 4511 around 4512)', () => {
    expect(typoOf(between('4531', '4500', '4524'))).toBe('4513');
  });

  it('prefers a substitution to a deletion (4521.89 over 4521.9 around 4521.895)', () => {
    expect(typoOf(between('4521.19', '4521.2', '4522.59'))).toBe('4521.89');
  });

  it('prefers a transposition to an insertion (4521.91 over 4521.919 around 4521.9145)', () => {
    expect(typoOf(between('4521.19', '4521.2', '4522.629'))).toBe('4521.91');
  });
});

describe('which suggestions fit', () => {
  it('never suggests zero, even when the prediction is zero', () => {
    const verdict = check({
      value: '50',
      takenAt: daysBefore(5),
      previous: null,
      next: reading(daysBefore(0.5), '5'),
      recentDailyRates: STEADY_HISTORY,
    });
    expect(expectedOf(verdict)).toBe('0');
    expect(typoOf(verdict)).toBe('5');
  });

  it('never suggests a value above max', () => {
    const verdict = confirmOf(
      check({
        source: source('cumulative', { validators: { max: '4510' } }),
        value: '4152',
        recentDailyRates: STEADY_HISTORY,
      }),
    );
    expect(codes(verdict)).toEqual(['lowerThanPrevious']);
    expect(verdict.options.typo).toBeUndefined();
  });

  it('never suggests a value below min', () => {
    const verdict = confirmOf(
      check({
        source: source('cumulative', { validators: { min: '4515' } }),
        value: '4611',
        recentDailyRates: STEADY_HISTORY,
      }),
    );
    expect(codes(verdict)).toEqual(['rateTooHigh']);
    expect(verdict.options.typo).toBeUndefined();
  });

  it('never suggests a value the register cannot show (10^digits or more)', () => {
    const verdict = confirmOf(
      check({
        source: source('cumulative', { digits: 4 }),
        value: '1005',
        previous: reading(daysBefore(7), '9996'),
      }),
    );
    expect(verdict.options.typo).toBeUndefined();
  });

  it('with a rate limit, looks further above the previous reading than 10% (100 → 242)', () => {
    const verdict = check({
      value: '42',
      previous: reading(daysBefore(7), '100'),
      recentDailyRates: ['20', '20', '20'],
    });
    expect(typoOf(verdict)).toBe('242');
  });

  it('with a rate limit, looks further below the next reading than 10% (420 before 100 → 20)', () => {
    const verdict = check({
      value: '420',
      takenAt: daysBefore(7.5),
      previous: null,
      next: reading(daysBefore(0.5), '100'),
      recentDailyRates: ['20', '20', '20'],
    });
    expect(typoOf(verdict)).toBe('20');
  });
});

describe('a neighbour on the wrong side of the reading (the caller broke the order)', () => {
  it('gives no rate over a negative number of days', () => {
    const verdict = check({
      source: source('cumulative', { validators: { maxRatePerDay: '10' } }),
      value: '4600',
      takenAt: daysBefore(7),
      previous: reading(daysBefore(6), '4500'),
    });
    expect(verdict).toEqual({ outcome: 'accept', usageSincePrevious: '100', days: -1 });
  });

  it('finds no wrap plausible over a negative number of days', () => {
    const verdict = confirmOf(
      check({
        source: source('cumulative', { digits: 4, validators: { maxRatePerDay: '2000' } }),
        value: '100',
        takenAt: daysBefore(7),
        previous: reading(daysBefore(6), '8900'),
      }),
    );
    expect(codes(verdict)).toEqual(['lowerThanPrevious']);
    expect(verdict.options.rollover).toBeUndefined();
  });

  it('aims at the previous value when both neighbours share one instant', () => {
    const verdict = check({
      value: '4251',
      takenAt: daysBefore(4),
      previous: reading(daysBefore(7), '4500'),
      next: reading(daysBefore(7), '4540'),
    });
    expect(expectedOf(verdict)).toBe('4500');
  });
});

describe('storingWouldGoBackwards', () => {
  it('is false for an accepted and for a rejected reading', () => {
    expect(storingWouldGoBackwards(check())).toBe(false);
    expect(storingWouldGoBackwards(check({ value: '-1' }))).toBe(false);
  });

  it('is false for a reading that is only suspicious, true for one below the previous', () => {
    const limited = source('cumulative', { validators: { maxRatePerDay: '10' } });
    expect(storingWouldGoBackwards(check({ source: limited, value: '4600' }))).toBe(false);
    expect(storingWouldGoBackwards(check({ value: '3000' }))).toBe(true);
  });
});

describe('applyConfirmation on real verdicts', () => {
  it('ignores any choice but store on an accepted reading', () => {
    for (const choice of ['rollover', 'replacement', 'typo', 'previous'] as const) {
      expect(applyConfirmation(check(), choice)).toEqual({ store: false, action: 'nothing' });
    }
  });

  it('stores a reading whose only problem is a high rate, and offers no fix of the previous', () => {
    const limited = source('cumulative', { validators: { maxRatePerDay: '10' } });
    const verdict = check({ source: limited, value: '4600' });
    expect(applyConfirmation(verdict, 'store')).toEqual({
      store: true,
      event: null,
      clearNextRollover: false,
    });
    expect(applyConfirmation(verdict, 'previous')).toEqual({ store: false, action: 'nothing' });
  });

  it('lets the previous reading be fixed after a decrease, with a typo suggested too', () => {
    const verdict = check({ value: '4152', recentDailyRates: STEADY_HISTORY });
    expect(codes(verdict)).toEqual(['lowerThanPrevious', 'likelyTypo']);
    expect(applyConfirmation(verdict, 'previous')).toEqual({
      store: false,
      action: 'fixPrevious',
    });
  });

  it('lets the previous reading be fixed after a zero', () => {
    const verdict = check({ value: '0' });
    expect(codes(verdict)).toEqual(['zeroAfterPositive']);
    expect(applyConfirmation(verdict, 'previous')).toEqual({
      store: false,
      action: 'fixPrevious',
    });
  });
});

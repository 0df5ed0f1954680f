import type { ReadingPoint, RegisterEvent, SourceKind } from '../../src/domain/types';
import {
  type ReadingToCheck,
  type SourceRules,
  type SourceValidators,
  type Verdict,
  validateReading,
} from '../../src/domain/validation';

// What the validation tests build their cases from: a fixed "now", a meter's rules, a reading,
// and a check of one reading against a previous one.

export const DAY = 86_400_000;
export const NOW = new Date('2026-11-10T05:00:00Z'); // 12:00 in Bangkok
export const daysBefore = (days: number) => new Date(NOW.getTime() - days * DAY);

export function source(
  kind: SourceKind = 'cumulative',
  overrides: Partial<Omit<SourceRules, 'validators'>> & {
    validators?: Partial<SourceValidators>;
  } = {},
): SourceRules {
  return {
    kind,
    digits: overrides.digits ?? null,
    validators: {
      min: null,
      max: null,
      nonDecreasing: kind === 'cumulative',
      maxRatePerDay: null,
      ...overrides.validators,
    },
  };
}

export function reading(
  takenAt: Date,
  value: string,
  event: RegisterEvent | null = null,
): ReadingPoint {
  return { takenAt, value, event };
}

/** A cumulative reading taken now, seven days after a previous reading of 4500. */
export function check(overrides: Partial<ReadingToCheck> = {}): Verdict {
  return validateReading({
    source: source(),
    value: '4521',
    takenAt: NOW,
    now: NOW,
    previous: reading(daysBefore(7), '4500'),
    next: null,
    recentDailyRates: [],
    ...overrides,
  });
}

import { describe, expect, it } from 'vitest';
import { describeProblem } from '../../src/bot/messages';
import type { Language } from '../../src/domain/types';
import {
  type Problem,
  type ProblemCode,
  type Verdict,
  validateReading,
} from '../../src/domain/validation';

// The sentences the bot says about a reading it refuses or questions, in English and Thai.

const DAY = 86_400_000;
const NOW = new Date('2026-11-10T05:00:00Z'); // 12:00 in Bangkok

/** describeProblem at a fixed "now", so whether a date shows its year does not depend on the day the test runs. */
const say = (
  problem: Problem,
  language: Language,
  unit: string,
  options: { timeZone?: string; now?: Date } = {},
) => describeProblem(problem, language, unit, { now: NOW, ...options });

/** A cumulative reading taken now, seven days after a previous reading of 4500. */
function check(value: string, recentDailyRates: string[] = []): Verdict {
  return validateReading({
    source: {
      kind: 'cumulative',
      digits: null,
      validators: { min: null, max: null, nonDecreasing: true, maxRatePerDay: null },
    },
    value,
    takenAt: NOW,
    now: NOW,
    previous: { takenAt: new Date(NOW.getTime() - 7 * DAY), value: '4500', event: null },
    next: null,
    recentDailyRates,
  });
}

/** Three readings a day, steady. */
const STEADY_HISTORY = ['3', '3', '3', '3', '3'];

const AT = new Date('2026-11-01T01:00:00Z'); // 1 Nov 08:00 in Bangkok

/** One sample per code; the Record type makes a new code without a sample a compile error. */
const SAMPLES: Record<ProblemCode, { problem: Problem; numbers: string[] }> = {
  belowMin: {
    problem: { code: 'belowMin', value: '1200', limit: '4000' },
    numbers: ['1,200', '4,000'],
  },
  aboveMax: {
    problem: { code: 'aboveMax', value: '123456', limit: '99999' },
    numbers: ['123,456', '99,999'],
  },
  tooManyDigits: {
    problem: { code: 'tooManyDigits', value: '452100', digits: 5, limit: '100000' },
    numbers: ['452,100', '100,000', '5'],
  },
  negative: { problem: { code: 'negative', value: '-1500' }, numbers: ['-1,500'] },
  future: {
    problem: { code: 'future', value: '4521', takenAt: AT, now: new Date('2026-10-31T00:00:00Z') },
    numbers: ['08:00'],
  },
  duplicate: {
    problem: { code: 'duplicate', value: '4521', takenAt: AT },
    numbers: ['4,521', '08:00'],
  },
  sameTimeDifferentValue: {
    problem: { code: 'sameTimeDifferentValue', value: '4512', existing: '4521', takenAt: AT },
    numbers: ['4,512', '4,521', '08:00'],
  },
  lowerThanPrevious: {
    problem: { code: 'lowerThanPrevious', value: '4400', previous: '4521', previousAt: AT },
    numbers: ['4,400', '4,521'],
  },
  higherThanNext: {
    problem: { code: 'higherThanNext', value: '4650', next: '4600', nextAt: AT, previous: '4500' },
    numbers: ['4,650', '4,600', '4,500'],
  },
  belowLaterWrap: {
    problem: { code: 'belowLaterWrap', value: '3', next: '5', nextAt: AT },
    numbers: ['3', '5'],
  },
  wrapNotBelowPrevious: {
    problem: { code: 'wrapNotBelowPrevious', value: '9500', previous: '9000', previousAt: AT },
    numbers: ['9,500', '9,000'],
  },
  rateTooHigh: {
    problem: {
      code: 'rateTooHigh',
      value: '9000',
      interval: 'sincePrevious',
      other: '4500',
      otherAt: AT,
      usage: '4500',
      days: '7',
      ratePerDay: '643',
      limit: '1250.5',
      limitFrom: 'history',
    },
    numbers: ['9,000', '4,500', '1,250.5'],
  },
  zeroAfterPositive: {
    problem: { code: 'zeroAfterPositive', value: '0', previous: '4521', previousAt: AT },
    numbers: ['0', '4,521'],
  },
  allNines: { problem: { code: 'allNines', value: '99999' }, numbers: ['99,999'] },
  likelyTypo: {
    problem: { code: 'likelyTypo', value: '4152', suggestion: '4512', expected: '4521' },
    numbers: ['4,152', '4,512', '4,521'],
  },
};
const ALL_CODES = Object.keys(SAMPLES) as ProblemCode[];

describe('describeProblem', () => {
  const table = ALL_CODES.flatMap((code) =>
    (['th', 'en'] as const).map((language) => ({ code, language, ...SAMPLES[code] })),
  );

  it.each(table)('$code in $language names the numbers', ({ problem, language, numbers }) => {
    const text = say(problem, language, 'kWh');
    expect(text.length).toBeGreaterThan(20);
    for (const number of numbers) expect(text).toContain(number);
    expect(/[\u0E00-\u0E7F]/.test(text)).toBe(language === 'th');
    expect(text).not.toMatch(/undefined|null|NaN|\$\{/);
  });

  it('reads like the examples', () => {
    const { problem } = SAMPLES.lowerThanPrevious;
    expect(say(problem, 'en', 'kWh')).toBe(
      '4,400 is lower than the last reading 4,521 kWh (1 Nov). Did the meter roll over, was it replaced, or is it a typo?',
    );
    expect(say(problem, 'th', 'kWh')).toBe(
      '4,400 น้อยกว่าค่าครั้งก่อน 4,521 kWh (1 พ.ย.) มิเตอร์หมุนครบรอบ มีการเปลี่ยนมิเตอร์ใหม่ หรือพิมพ์ผิดหรือเปล่า',
    );
  });

  it('shows times in the given time zone (Bangkok by default)', () => {
    const { problem } = SAMPLES.duplicate;
    expect(say(problem, 'en', 'kWh')).toContain('1 Nov 08:00');
    expect(say(problem, 'th', 'kWh')).toContain('1 พ.ย. 08:00 น.');
    expect(say(problem, 'en', 'kWh', { timeZone: 'UTC' })).toContain('1 Nov 01:00');
  });

  it('words each rate variant', () => {
    const base = SAMPLES.rateTooHigh.problem as Extract<Problem, { code: 'rateTooHigh' }>;
    const untilNext = { ...base, interval: 'untilNext' as const, days: '0.04' };
    const configured = { ...base, limitFrom: 'maxRatePerDay' as const, days: '1' };
    expect(say(untilNext, 'en', 'kWh')).toContain('less than a day before the next reading');
    expect(say(untilNext, 'th', 'kWh')).toContain('ในเวลาไม่ถึงหนึ่งวัน ก่อนถึงค่าครั้งถัดไป');
    expect(say(configured, 'en', 'kWh')).toContain("this meter's limit of 1,250.5 kWh a day");
    expect(say(configured, 'en', 'kWh')).toContain('in 1 day since');
    expect(say(configured, 'th', 'kWh')).toContain('เกินขีดจำกัดของมิเตอร์นี้');
  });

  it('leaves out an empty unit cleanly', () => {
    expect(say(SAMPLES.belowMin.problem, 'en', '')).toBe(
      '1,200 is below the lowest value allowed for this meter (4,000). Please check the number and send it again.',
    );
  });

  it('describes every problem a real verdict produces', () => {
    const verdicts = [check('4152', STEADY_HISTORY), check('45210', STEADY_HISTORY), check('0')];
    for (const verdict of verdicts) {
      expect(verdict.outcome).toBe('confirm');
      const problems = verdict.outcome === 'confirm' ? verdict.problems : [];
      for (const problem of problems) {
        expect(say(problem, 'th', 'หน่วย')).toContain('หน่วย');
      }
    }
  });
});

describe('dates in problem sentences', () => {
  const lastYear = new Date('2025-11-01T01:00:00Z');
  const problem: Problem = {
    code: 'lowerThanPrevious',
    value: '4400',
    previous: '4521',
    previousAt: lastYear,
  };

  it('shows the year of a date from another year: CE in English, BE in Thai', () => {
    expect(say(problem, 'en', 'kWh')).toContain('4,521 kWh (1 Nov 2025)');
    expect(say(problem, 'th', 'kWh')).toContain('4,521 kWh (1 พ.ย. 2568)');
  });

  it('decides "this year" in the meter\'s time zone', () => {
    // 17:30 UTC on 31 Dec 2026 is already 1 Jan 2027 in Bangkok.
    const newYear = new Date('2026-12-31T17:30:00Z');
    const duplicate: Problem = { code: 'duplicate', value: '4521', takenAt: newYear };
    const now = new Date('2027-01-01T03:00:00Z');
    expect(say(duplicate, 'en', 'kWh', { now })).toContain('at 1 Jan 00:30 is already');
    expect(say(duplicate, 'th', 'kWh', { now })).toContain('เวลา 1 ม.ค. 00:30 น. บันทึกไว้แล้ว');
    expect(say(duplicate, 'en', 'kWh', { now, timeZone: 'UTC' })).toContain(
      'at 31 Dec 2026 17:30 is already',
    );
    expect(say(duplicate, 'th', 'kWh', { now, timeZone: 'UTC' })).toContain(
      'เวลา 31 ธ.ค. 2569 17:30 น.',
    );
  });
});

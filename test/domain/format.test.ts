import { Settings } from 'luxon';
import { describe, expect, it } from 'vitest';
import {
  formatDateTime,
  formatDay,
  formatFixed,
  formatMonth,
  formatNumber,
  withUnit,
} from '../../src/domain/format';

const BANGKOK = 'Asia/Bangkok';
/** 12:00 on 10 Nov 2026 in Bangkok. */
const NOW = new Date('2026-11-10T05:00:00Z');

describe('formatNumber', () => {
  it.each([
    ['0', '0'],
    ['999', '999'],
    ['4521', '4,521'],
    ['4521.75', '4,521.75'],
    ['-1234567.001', '-1,234,567.001'],
    ['0.0001', '0.0001'],
    ['123456789012345678901234567890.5', '123,456,789,012,345,678,901,234,567,890.5'],
  ])('%s → %s, every decimal kept', (value, expected) => {
    expect(formatNumber(value)).toBe(expected);
  });

  it.each([
    ['0', 2, '0'],
    ['-0.001', 2, '0'],
    ['1234567.891', 2, '1,234,567.89'],
    ['999.995', 2, '1,000'],
    ['-4521.5', 2, '-4,521.5'],
    ['100.10', 2, '100.1'],
    ['12.345678', 1, '12.3'],
    ['2.5', 0, '3'],
    ['-2.5', 0, '-3'],
  ])('%s at most %i decimals → %s (half-up, no trailing zeros)', (value, decimals, expected) => {
    expect(formatNumber(value, decimals)).toBe(expected);
  });

  it('leaves text that is not a number as it is', () => {
    expect(formatNumber('abc')).toBe('abc');
    expect(formatNumber('0x1f')).toBe('0x1f');
  });

  it('puts the unit after the number, or nothing for a meter without one', () => {
    expect(withUnit('4521.5', 'kWh')).toBe('4,521.5 kWh');
    expect(withUnit('4521.5', '')).toBe('4,521.5');
    expect(withUnit('12.345', 'ลบ.ม.', 2)).toBe('12.35 ลบ.ม.');
  });
});

describe('formatDay and formatDateTime', () => {
  const at = new Date('2026-11-01T01:00:00Z'); // 08:00 in Bangkok

  it('leaves out the year of a date in the current year', () => {
    expect(formatDay(at, 'en', BANGKOK, NOW)).toBe('1 Nov');
    expect(formatDay(at, 'th', BANGKOK, NOW)).toBe('1 พ.ย.');
    expect(formatDateTime(at, 'en', BANGKOK, NOW)).toBe('1 Nov 08:00');
    expect(formatDateTime(at, 'th', BANGKOK, NOW)).toBe('1 พ.ย. 08:00 น.');
  });

  it('shows another year: CE in English, BE (CE + 543) in Thai', () => {
    const lastYear = new Date('2025-03-15T12:00:00Z');
    expect(formatDay(lastYear, 'en', BANGKOK, NOW)).toBe('15 Mar 2025');
    expect(formatDay(lastYear, 'th', BANGKOK, NOW)).toBe('15 มี.ค. 2568');
    expect(formatDateTime(lastYear, 'en', BANGKOK, NOW)).toBe('15 Mar 2025 19:00');
    expect(formatDateTime(lastYear, 'th', BANGKOK, NOW)).toBe('15 มี.ค. 2568 19:00 น.');
    const nextYear = new Date('2027-01-02T00:00:00Z');
    expect(formatDay(nextYear, 'th', BANGKOK, NOW)).toBe('2 ม.ค. 2570');
  });

  it('shows the day and time in the given zone, not the server one', () => {
    expect(formatDateTime(at, 'en', 'UTC', NOW)).toBe('1 Nov 01:00');
    expect(formatDateTime(at, 'en', 'America/New_York', NOW)).toBe('31 Oct 21:00');
    expect(formatDateTime(at, 'th', 'Asia/Tokyo', NOW)).toBe('1 พ.ย. 10:00 น.');
  });

  it('decides the year at a year boundary in the same zone', () => {
    // 17:30 UTC on 31 Dec 2026 is 00:30 on 1 Jan 2027 in Bangkok.
    const newYear = new Date('2026-12-31T17:30:00Z');
    const thatEvening = new Date('2026-12-31T10:00:00Z'); // still 2026 everywhere here
    expect(formatDateTime(newYear, 'en', BANGKOK, thatEvening)).toBe('1 Jan 2027 00:30');
    expect(formatDateTime(newYear, 'th', BANGKOK, thatEvening)).toBe('1 ม.ค. 2570 00:30 น.');
    expect(formatDateTime(newYear, 'en', 'UTC', thatEvening)).toBe('31 Dec 17:30');
    // Now is 1 Jan 2027 in Bangkok but 31 Dec 2026 in UTC: the comparison uses the zone.
    const justAfter = new Date('2026-12-31T18:00:00Z');
    expect(formatDay(newYear, 'th', BANGKOK, justAfter)).toBe('1 ม.ค.');
    const lastEvening = new Date('2026-12-31T16:00:00Z'); // 23:00 in Bangkok
    expect(formatDay(lastEvening, 'en', BANGKOK, justAfter)).toBe('31 Dec 2026');
    expect(formatDay(lastEvening, 'en', 'UTC', justAfter)).toBe('31 Dec');
  });
});

describe('formatMonth', () => {
  it('names the month with its year: CE in English, BE in Thai', () => {
    expect(formatMonth('2026-01', 'en')).toBe('January 2026');
    expect(formatMonth('2026-01', 'th')).toBe('มกราคม 2569');
    expect(formatMonth('2026-12', 'en')).toBe('December 2026');
    expect(formatMonth('2026-12', 'th')).toBe('ธันวาคม 2569');
    expect(formatMonth('2027-01', 'th')).toBe('มกราคม 2570');
  });

  it('leaves text that is not a month as it is', () => {
    expect(formatMonth('2026-13', 'en')).toBe('2026-13');
    expect(formatMonth('x2026-01', 'en')).toBe('x2026-01');
    expect(formatMonth('2026-01x', 'en')).toBe('2026-01x');
  });

  it("writes English whatever the process's own locale is", () => {
    const before = Settings.defaultLocale;
    try {
      Settings.defaultLocale = 'th';
      expect(formatMonth('2026-01', 'en')).toBe('January 2026');
      expect(formatDay(new Date('2025-11-01T03:00:00Z'), 'en', BANGKOK, NOW)).toBe('1 Nov 2025');
    } finally {
      Settings.defaultLocale = before;
    }
  });
});

describe('formatFixed', () => {
  it.each([
    ['1455.94', '1,455.94'],
    ['38.2', '38.20'],
    ['0', '0.00'],
    ['-0.001', '0.00'],
    ['1204.965', '1,204.97'],
    ['-95.254', '-95.25'],
    ['1234567', '1,234,567.00'],
  ])('%s → %s (baht with satang)', (value, shown) => {
    expect(formatFixed(value, 2)).toBe(shown);
  });

  it('shows whole units with no decimal point when asked for no decimals', () => {
    expect(formatFixed('1234.5', 0)).toBe('1,235');
    expect(formatFixed('-7.49', 0)).toBe('-7');
  });

  it('leaves text that is not a number alone', () => {
    expect(formatFixed('n/a', 2)).toBe('n/a');
  });
});

// How numbers and dates are shown to people, in English and Thai. Every reply, report and
// problem sentence formats its figures here, so they agree.
//
// Numbers: thousands separators (4,521.5), never through a float; rounded half-up only when the
// caller asks for at most N decimals.
//
// Dates, one rule for years:
// - English uses the Common Era: "1 Nov 2025", "November 2026".
// - Thai uses the Buddhist Era, BE = CE + 543, with Thai month names and abbreviations:
//   "1 พ.ย. 2568", "พฤศจิกายน 2569". The era comes from luxon's Buddhist calendar.
// - A day (or a day and time) shows its year only when it is not the current year in the same
//   time zone, so recent dates stay short; a month title always shows its year.
// - Times are 24-hour; Thai adds "น." (08:00 น.).
// Dates are always shown in the given IANA time zone (the meter's), never the server's.

import Decimal from 'decimal.js';
import { DateTime } from 'luxon';
import type { Language } from './types';

// A private Decimal with room for any household number; never the global configuration.
const Dec = Decimal.clone({ precision: 80, rounding: Decimal.ROUND_HALF_UP });

/** What formatNumber reads: a decimal, optionally signed, or a float's short exponent form. */
const DECIMAL_TEXT = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:e[+-]?\d{1,3})?$/i;

/**
 * A decimal string for people: "4521.5" -> "4,521.5". With `maxDecimals`, rounded half-up to at
 * most that many decimals ("999.995", 2 -> "1,000"). Trailing zeros are dropped and a zero is
 * "0". Anything that is not a number is returned unchanged.
 */
export function formatNumber(value: string, maxDecimals?: number): string {
  if (!DECIMAL_TEXT.test(value)) return value;
  let number = new Dec(value);
  if (maxDecimals !== undefined) number = number.toDecimalPlaces(maxDecimals);
  if (number.isZero()) return '0';
  const [whole = '', fraction] = number.abs().toFixed().split('.');
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${number.isNegative() ? '-' : ''}${grouped}${fraction ? `.${fraction}` : ''}`;
}

/** Exactly `decimals` places, thousands grouped: money as on a bill ("1,455.94", "0.00"). */
export function formatFixed(value: string, decimals: number): string {
  if (!DECIMAL_TEXT.test(value)) return value;
  const number = new Dec(value).toDecimalPlaces(decimals);
  const [whole = '', fraction] = number.abs().toFixed(decimals).split('.');
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  const sign = number.isNegative() && !number.isZero() ? '-' : '';
  return `${sign}${grouped}${fraction ? `.${fraction}` : ''}`;
}

/** "4,521 kWh", or just "4,521" for a meter without a unit. */
export function withUnit(value: string, unit: string, maxDecimals?: number): string {
  const number = formatNumber(value, maxDecimals);
  return unit ? `${number} ${unit}` : number;
}

/** Luxon's locale options for `language`: Thai prints Buddhist-era years. */
const localeOf = (language: Language) =>
  language === 'th' ? { locale: 'th', outputCalendar: 'buddhist' } : { locale: 'en' };

/** The instant in `zone`, set up to print in `language`. */
function inZone(at: Date, language: Language, zone: string): DateTime {
  return DateTime.fromJSDate(at, { zone, ...localeOf(language) });
}

/** "1 Nov" / "1 พ.ย." in `zone`; "1 Nov 2025" / "1 พ.ย. 2568" when not in the year of `now`. */
export function formatDay(at: Date, language: Language, zone: string, now: Date): string {
  const local = inZone(at, language, zone);
  const sameYear = local.year === DateTime.fromJSDate(now, { zone }).year;
  return local.toFormat(sameYear ? 'd MMM' : 'd MMM yyyy');
}

/** "1 Nov 08:00" / "1 พ.ย. 08:00 น.", with the year as in formatDay. */
export function formatDateTime(at: Date, language: Language, zone: string, now: Date): string {
  const time = inZone(at, language, zone).toFormat('HH:mm');
  const day = formatDay(at, language, zone, now);
  return language === 'th' ? `${day} ${time} น.` : `${day} ${time}`;
}

/** "November 2026" / "พฤศจิกายน 2569" for a calendar month 'YYYY-MM'; other text unchanged. */
export function formatMonth(month: string, language: Language): string {
  const match = /^(\d{4})-(0[1-9]|1[0-2])$/.exec(month);
  if (!match) return month;
  const start = DateTime.fromObject(
    { year: Number(match[1]), month: Number(match[2]) },
    { zone: 'UTC', ...localeOf(language) },
  );
  return start.toFormat('MMMM yyyy');
}

/**
 * Date and number labels drawn on charts. Month names come from fixed tables rather than the
 * runtime's ICU data, so the same chart gives the same pixels on every Node build.
 */
import Decimal from 'decimal.js';
import { DateTime } from 'luxon';
import { formatNumber } from '../domain/format';
import type { Language } from '../domain/types';

const MONTHS: Record<Language, readonly string[]> = {
  en: ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'],
  th: [
    'ม.ค.',
    'ก.พ.',
    'มี.ค.',
    'เม.ย.',
    'พ.ค.',
    'มิ.ย.',
    'ก.ค.',
    'ส.ค.',
    'ก.ย.',
    'ต.ค.',
    'พ.ย.',
    'ธ.ค.',
  ],
};

/** Thai dates use the Buddhist era (CE + 543). */
export function displayYear(year: number, language: Language): number {
  return language === 'th' ? year + 543 : year;
}

/** 1..12 → "Jan" / "ม.ค.". */
export function shortMonthName(month: number, language: Language): string {
  const name = MONTHS[language][month - 1];
  if (!name) throw new RangeError(`month must be 1..12, got ${month}`);
  return name;
}

/** 'YYYY-MM' → "Jan 2026" (en) or "ม.ค. 2569" (th): the full year, so it never reads as a date. */
export function monthLabel(month: string, language: Language): string {
  const parsed = /^\d{4}-\d{2}$/.test(month) ? DateTime.fromFormat(month, 'yyyy-MM') : null;
  if (!parsed?.isValid) throw new RangeError(`month must be YYYY-MM, got ${JSON.stringify(month)}`);
  return `${shortMonthName(parsed.month, language)} ${displayYear(parsed.year, language)}`;
}

/**
 * A month label split for an axis tick: ["Jan", "2026"]. Two short lines fit a dozen months
 * side by side on a phone-sized picture, where "Jan 2026" on one line would have to be skipped
 * or slanted.
 */
export function monthTickLines(label: string): string[] {
  const cut = label.lastIndexOf(' ');
  return cut > 0 ? [label.slice(0, cut), label.slice(cut + 1)] : [label];
}

/**
 * A decimal string as a short figure for a bar: fewer decimals the larger it is (1,234 · 56.7 ·
 * 3.25), thousands grouped. A bar is read at a glance; the text answer carries the exact figure.
 */
export function barValueLabel(value: string): string {
  const magnitude = new Decimal(value).abs();
  return formatNumber(value, magnitude.gte(100) ? 0 : magnitude.gte(10) ? 1 : 2);
}

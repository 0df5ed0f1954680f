// @ts-nocheck
import { DateTime } from 'luxon';
import type { Language } from '../domain/types';
import { formatNumber } from '../domain/validation';

export { formatNumber };

/** "4,521 kWh" (or just "4,521" for a meter without a unit). */
export const withUnit = (value: string, unit: string): string =>
  unit ? `${formatNumber(value)} ${unit}` : formatNumber(value);

/** "1 Nov" / "1 พ.ย." in the given zone; the year only when it is not this year's. */
export function formatDay(
  at: Date,
  language: Language,
  zone: string,
  now: Date = new Date(),
): string {
  const local = DateTime.fromJSDate(at, { zone }).setLocale(language);
  const sameYear = local.year === DateTime.fromJSDate(now, { zone }).year;
  return language === 'th'
    ? thaiDay(local, sameYear)
    : local.toFormat(sameYear ? 'd MMM' : 'd MMM yyyy');
}

/** "1 Nov 08:00" / "1 พ.ย. 08:00 น." */
export function formatWhen(
  at: Date,
  language: Language,
  zone: string,
  now: Date = new Date(),
): string {
  const time = DateTime.fromJSDate(at, { zone }).toFormat('HH:mm');
  const day = formatDay(at, language, zone, now);
  return language === 'th' ? `${day} ${time} น.` : `${day} ${time}`;
}

// Thai dates use the Buddhist era (2026 → 2569).
const thaiDay = (local: DateTime, sameYear: boolean) =>
  sameYear ? local.toFormat('d MMM') : `${local.toFormat('d MMM')} ${local.year + 543}`;

/** Days as people say them: "3 days", "less than a day", "1.5 days". */
export function formatDays(days: number, language: Language): string {
  if (days < 1) return language === 'th' ? 'ไม่ถึงวัน' : 'less than a day';
  const rounded = days >= 10 ? Math.round(days) : Math.round(days * 10) / 10;
  if (language === 'th') return `${rounded} วัน`;
  return `${rounded} ${rounded === 1 ? 'day' : 'days'}`;
}

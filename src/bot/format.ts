// The bot's formatting: the shared rules of src/domain/format.ts, under the names handlers use,
// and durations as people say them.

import { formatNumber, withUnit } from '../domain/format';
import type { Language } from '../domain/types';
import { formatValues } from '../domain/values';

export { formatDateTime as formatWhen, formatNumber, withUnit } from '../domain/format';

/** Days as people say them: "3 days", "less than a day", "1.5 days" (one decimal below 10). */
export function formatDays(days: number, language: Language): string {
  if (days < 1) return language === 'th' ? 'ไม่ถึงวัน' : 'less than a day';
  const rounded = formatNumber(String(days), days >= 10 ? 0 : 1);
  if (language === 'th') return `${rounded} วัน`;
  return `${rounded} ${rounded === '1' ? 'day' : 'days'}`;
}

/** A stored reading's value with the unit: "4,521 kWh", or all its values: "120/80 72 mmHg". */
export function readingValue(
  reading: { value: string; values?: string[] | null },
  unit: string,
): string {
  if (!reading.values || reading.values.length < 2) return withUnit(reading.value, unit);
  const shown = formatValues(reading.values);
  return unit ? `${shown} ${unit}` : shown;
}

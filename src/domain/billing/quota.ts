/**
 * LINE's monthly message quota is counted per calendar month in Japan time: it resets at 00:00
 * on the 1st in Asia/Tokyo. Pure: `now` is passed.
 */
import { DateTime } from 'luxon';

/** The time zone LINE counts the monthly quota in. */
export const QUOTA_ZONE = 'Asia/Tokyo';

// The month last asked for and the instants it spans. Every event asks for the month of its
// own `now`, and a time-zone conversion costs more than the rest of the question.
let lastMonth: { month: string; from: number; until: number } | null = null;

/** The quota month `now` falls in, 'YYYY-MM'. */
export function quotaMonth(now: Date): string {
  const at = now.getTime();
  if (lastMonth && at >= lastMonth.from && at < lastMonth.until) return lastMonth.month;
  const local = DateTime.fromJSDate(now, { zone: QUOTA_ZONE });
  const start = local.startOf('month');
  lastMonth = {
    month: local.toFormat('yyyy-LL'),
    from: start.toMillis(),
    until: start.plus({ months: 1 }).toMillis(),
  };
  return lastMonth.month;
}

/** When the quota month of `now` ends and a fresh quota begins. */
export function quotaResetsAt(now: Date): Date {
  return DateTime.fromJSDate(now, { zone: QUOTA_ZONE })
    .startOf('month')
    .plus({ months: 1 })
    .toJSDate();
}

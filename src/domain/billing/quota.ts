/**
 * LINE's monthly message quota is counted per calendar month in Japan time: it resets at 00:00
 * on the 1st in Asia/Tokyo. Pure: `now` is passed.
 */
import { DateTime } from 'luxon';

/** The time zone LINE counts the monthly quota in. */
export const QUOTA_ZONE = 'Asia/Tokyo';

/** The quota month `now` falls in, 'YYYY-MM'. */
export function quotaMonth(now: Date): string {
  return DateTime.fromJSDate(now, { zone: QUOTA_ZONE }).toFormat('yyyy-LL');
}

/** When the quota month of `now` ends and a fresh quota begins. */
export function quotaResetsAt(now: Date): Date {
  return DateTime.fromJSDate(now, { zone: QUOTA_ZONE })
    .startOf('month')
    .plus({ months: 1 })
    .toJSDate();
}

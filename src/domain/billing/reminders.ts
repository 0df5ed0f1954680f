/**
 * When reminders and alerts may be pushed. Pure: instants in, instants out; `now` is passed.
 *
 * - `remind meter 1 day 25 09:00`: on day 25 of every month at 09:00 in the meter's time zone;
 *   day 29–31 clamps to the last day of a shorter month.
 * - Quiet hours: nothing is pushed from 21:00 to 08:00 local time. A reminder whose time falls
 *   in them moves to 08:00 OF THE SAME DAY (`day 25 22:30` comes on the 25th at 08:00): the day is
 *   what the person asked for (the utility reads the meter that day), the hour is a preference.
 *   Any other push that comes due in quiet hours waits for the next 08:00 (nextAllowedInstant).
 * - At most one reminder per person per local day: mayPushReminder says whether another may go.
 */
import { DateTime } from 'luxon';

/** Local hour quiet hours start (inclusive). */
export const QUIET_FROM_HOUR = 21;
/** Local hour quiet hours end (exclusive): the first hour pushes may go again. */
export const QUIET_UNTIL_HOUR = 8;

export interface ReminderSchedule {
  /** Day of the month, 1–31 (clamped to the month's last day). */
  day: number;
  /** Local time 'HH:MM' (24-hour). */
  time: string;
  timezone: string;
}

function zoned(instant: Date, timezone: string): DateTime {
  const local = DateTime.fromJSDate(instant, { zone: timezone });
  if (!local.isValid) throw new RangeError(`Unknown time zone: ${JSON.stringify(timezone)}`);
  return local;
}

function parseTime(time: string): { hour: number; minute: number } {
  const match = /^([01]\d|2[0-3]):([0-5]\d)$/.exec(time);
  if (!match) throw new RangeError(`Not a time (HH:MM): ${JSON.stringify(time)}`);
  return { hour: Number(match[1]), minute: Number(match[2]) };
}

function isQuietHour(hour: number): boolean {
  return hour >= QUIET_FROM_HOUR || hour < QUIET_UNTIL_HOUR;
}

/** Whether `instant` lies in quiet hours (21:00–08:00) in `timezone`. */
export function inQuietHours(instant: Date, timezone: string): boolean {
  return isQuietHour(zoned(instant, timezone).hour);
}

/** `instant` itself outside quiet hours, else the next local 08:00 after it. */
export function nextAllowedInstant(instant: Date, timezone: string): Date {
  const local = zoned(instant, timezone);
  if (!isQuietHour(local.hour)) return instant;
  const day = local.hour >= QUIET_FROM_HOUR ? local.plus({ days: 1 }) : local;
  return day.set({ hour: QUIET_UNTIL_HOUR, minute: 0, second: 0, millisecond: 0 }).toJSDate();
}

/** The reminder's instant in the month of `month` (a local DateTime): clamped day, quiet hours. */
function reminderInMonth(schedule: ReminderSchedule, month: DateTime): DateTime {
  const { hour, minute } = parseTime(schedule.time);
  const day = Math.min(schedule.day, month.daysInMonth!);
  const quiet = isQuietHour(hour);
  return month.set({
    day,
    hour: quiet ? QUIET_UNTIL_HOUR : hour,
    minute: quiet ? 0 : minute,
    second: 0,
    millisecond: 0,
  });
}

/** The first reminder instant strictly after `after`. */
export function nextReminderAt(schedule: ReminderSchedule, after: Date): Date {
  if (!Number.isInteger(schedule.day) || schedule.day < 1 || schedule.day > 31) {
    throw new RangeError(`A reminder day is 1–31, not ${schedule.day}`);
  }
  const month = zoned(after, schedule.timezone).startOf('month');
  const thisMonth = reminderInMonth(schedule, month);
  if (thisMonth.toMillis() > after.getTime()) return thisMonth.toJSDate();
  return reminderInMonth(schedule, month.plus({ months: 1 })).toJSDate();
}

export type ReminderDecision =
  | { allowed: true }
  | { allowed: false; reason: 'quiet_hours' | 'already_sent_today'; retryAt: Date };

/**
 * Whether a reminder may be pushed to a person at `now`: not in quiet hours, and none sent to them
 * on the same local day (`sentAt`: the instants of the reminders already sent to that person, any
 * meter). When not, `retryAt` is the first instant it may go.
 */
export function mayPushReminder(input: {
  now: Date;
  timezone: string;
  sentAt: readonly Date[];
}): ReminderDecision {
  const local = zoned(input.now, input.timezone);
  const today = local.toISODate();
  if (input.sentAt.some((sent) => zoned(sent, input.timezone).toISODate() === today)) {
    const tomorrow = local.plus({ days: 1 }).startOf('day');
    return {
      allowed: false,
      reason: 'already_sent_today',
      retryAt: nextAllowedInstant(tomorrow.toJSDate(), input.timezone),
    };
  }
  if (isQuietHour(local.hour)) {
    return {
      allowed: false,
      reason: 'quiet_hours',
      retryAt: nextAllowedInstant(input.now, input.timezone),
    };
  }
  return { allowed: true };
}

import { DateTime } from 'luxon';
import type { TimeSpec } from './commands';

/** A reading backdated to a day without a time is taken to be from noon that day. */
export const DEFAULT_TIME_OF_DAY = '12:00';

/**
 * The instant a reading was taken, from what the person wrote, in their meter's time zone.
 * No time given: `now` (when LINE says the message was sent). A day without a time: noon.
 * `@ 08:00` alone: today at 08:00. Never validates the future: that is the validator's call.
 */
export function resolveTakenAt(spec: TimeSpec | undefined, zone: string, now: Date): Date {
  if (!spec) return now;
  const today = DateTime.fromJSDate(now, { zone }).startOf('day');
  const day =
    spec.kind === 'date'
      ? DateTime.fromISO(spec.date, { zone })
      : spec.kind === 'monthDay'
        ? latestMonthDay(today, spec.month, spec.day)
        : today.minus({ days: spec.days });
  const [hour, minute] = (spec.time ?? DEFAULT_TIME_OF_DAY).split(':').map(Number) as [
    number,
    number,
  ];
  return day.set({ hour, minute, second: 0, millisecond: 0 }).toJSDate();
}

/** The latest `month`/`day` on or before `today` (29 Feb: the latest leap year's). */
function latestMonthDay(today: DateTime, month: number, day: number): DateTime {
  // Leap years can lie eight years apart (2096, then 2104), so eight years back are looked at.
  for (let year = today.year; year >= today.year - 8; year--) {
    // A day the month lacks rolls over into the next month (29 Feb 2027 is 1 Mar).
    const candidate = today.set({ year, month, day });
    if (candidate.month === month && candidate <= today) return candidate;
  }
  return today;
}

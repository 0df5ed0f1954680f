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
// @ts-nocheck
function stryNS_9fa48() {
  var g = typeof globalThis === 'object' && globalThis && globalThis.Math === Math && globalThis || new Function("return this")();
  var ns = g.__stryker__ || (g.__stryker__ = {});
  if (ns.activeMutant === undefined && g.process && g.process.env && g.process.env.__STRYKER_ACTIVE_MUTANT__) {
    ns.activeMutant = g.process.env.__STRYKER_ACTIVE_MUTANT__;
  }
  function retrieveNS() {
    return ns;
  }
  stryNS_9fa48 = retrieveNS;
  return retrieveNS();
}
stryNS_9fa48();
function stryCov_9fa48() {
  var ns = stryNS_9fa48();
  var cov = ns.mutantCoverage || (ns.mutantCoverage = {
    static: {},
    perTest: {}
  });
  function cover() {
    var c = cov.static;
    if (ns.currentTestId) {
      c = cov.perTest[ns.currentTestId] = cov.perTest[ns.currentTestId] || {};
    }
    var a = arguments;
    for (var i = 0; i < a.length; i++) {
      c[a[i]] = (c[a[i]] || 0) + 1;
    }
  }
  stryCov_9fa48 = cover;
  cover.apply(null, arguments);
}
function stryMutAct_9fa48(id) {
  var ns = stryNS_9fa48();
  function isActive(id) {
    if (ns.activeMutant === id) {
      if (ns.hitCount !== void 0 && ++ns.hitCount > ns.hitLimit) {
        throw new Error('Stryker: Hit count limit reached (' + ns.hitCount + ')');
      }
      return true;
    }
    return false;
  }
  stryMutAct_9fa48 = isActive;
  return isActive(id);
}
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
  if (stryMutAct_9fa48("574")) {
    {}
  } else {
    stryCov_9fa48("574");
    const local = DateTime.fromJSDate(instant, stryMutAct_9fa48("575") ? {} : (stryCov_9fa48("575"), {
      zone: timezone
    }));
    if (stryMutAct_9fa48("578") ? false : stryMutAct_9fa48("577") ? true : stryMutAct_9fa48("576") ? local.isValid : (stryCov_9fa48("576", "577", "578"), !local.isValid)) throw new RangeError(stryMutAct_9fa48("579") ? `` : (stryCov_9fa48("579"), `Unknown time zone: ${JSON.stringify(timezone)}`));
    return local;
  }
}
function parseTime(time: string): {
  hour: number;
  minute: number;
} {
  if (stryMutAct_9fa48("580")) {
    {}
  } else {
    stryCov_9fa48("580");
    const match = (stryMutAct_9fa48("587") ? /^([01]\d|2[0-3]):([0-5]\D)$/ : stryMutAct_9fa48("586") ? /^([01]\d|2[0-3]):([^0-5]\d)$/ : stryMutAct_9fa48("585") ? /^([01]\d|2[^0-3]):([0-5]\d)$/ : stryMutAct_9fa48("584") ? /^([01]\D|2[0-3]):([0-5]\d)$/ : stryMutAct_9fa48("583") ? /^([^01]\d|2[0-3]):([0-5]\d)$/ : stryMutAct_9fa48("582") ? /^([01]\d|2[0-3]):([0-5]\d)/ : stryMutAct_9fa48("581") ? /([01]\d|2[0-3]):([0-5]\d)$/ : (stryCov_9fa48("581", "582", "583", "584", "585", "586", "587"), /^([01]\d|2[0-3]):([0-5]\d)$/)).exec(time);
    if (stryMutAct_9fa48("590") ? false : stryMutAct_9fa48("589") ? true : stryMutAct_9fa48("588") ? match : (stryCov_9fa48("588", "589", "590"), !match)) throw new RangeError(stryMutAct_9fa48("591") ? `` : (stryCov_9fa48("591"), `Not a time (HH:MM): ${JSON.stringify(time)}`));
    return stryMutAct_9fa48("592") ? {} : (stryCov_9fa48("592"), {
      hour: Number(match[1]),
      minute: Number(match[2])
    });
  }
}
function isQuietHour(hour: number): boolean {
  if (stryMutAct_9fa48("593")) {
    {}
  } else {
    stryCov_9fa48("593");
    return stryMutAct_9fa48("596") ? hour >= QUIET_FROM_HOUR && hour < QUIET_UNTIL_HOUR : stryMutAct_9fa48("595") ? false : stryMutAct_9fa48("594") ? true : (stryCov_9fa48("594", "595", "596"), (stryMutAct_9fa48("599") ? hour < QUIET_FROM_HOUR : stryMutAct_9fa48("598") ? hour > QUIET_FROM_HOUR : stryMutAct_9fa48("597") ? false : (stryCov_9fa48("597", "598", "599"), hour >= QUIET_FROM_HOUR)) || (stryMutAct_9fa48("602") ? hour >= QUIET_UNTIL_HOUR : stryMutAct_9fa48("601") ? hour <= QUIET_UNTIL_HOUR : stryMutAct_9fa48("600") ? false : (stryCov_9fa48("600", "601", "602"), hour < QUIET_UNTIL_HOUR)));
  }
}

/** Whether `instant` lies in quiet hours (21:00–08:00) in `timezone`. */
export function inQuietHours(instant: Date, timezone: string): boolean {
  if (stryMutAct_9fa48("603")) {
    {}
  } else {
    stryCov_9fa48("603");
    return isQuietHour(zoned(instant, timezone).hour);
  }
}

/** `instant` itself outside quiet hours, else the next local 08:00 after it. */
export function nextAllowedInstant(instant: Date, timezone: string): Date {
  if (stryMutAct_9fa48("604")) {
    {}
  } else {
    stryCov_9fa48("604");
    const local = zoned(instant, timezone);
    if (stryMutAct_9fa48("607") ? false : stryMutAct_9fa48("606") ? true : stryMutAct_9fa48("605") ? isQuietHour(local.hour) : (stryCov_9fa48("605", "606", "607"), !isQuietHour(local.hour))) return instant;
    const day = (stryMutAct_9fa48("611") ? local.hour < QUIET_FROM_HOUR : stryMutAct_9fa48("610") ? local.hour > QUIET_FROM_HOUR : stryMutAct_9fa48("609") ? false : stryMutAct_9fa48("608") ? true : (stryCov_9fa48("608", "609", "610", "611"), local.hour >= QUIET_FROM_HOUR)) ? local.plus(stryMutAct_9fa48("612") ? {} : (stryCov_9fa48("612"), {
      days: 1
    })) : local;
    return day.set(stryMutAct_9fa48("613") ? {} : (stryCov_9fa48("613"), {
      hour: QUIET_UNTIL_HOUR,
      minute: 0,
      second: 0,
      millisecond: 0
    })).toJSDate();
  }
}

/** The reminder's instant in the month of `month` (a local DateTime): clamped day, quiet hours. */
function reminderInMonth(schedule: ReminderSchedule, month: DateTime): DateTime {
  if (stryMutAct_9fa48("614")) {
    {}
  } else {
    stryCov_9fa48("614");
    const {
      hour,
      minute
    } = parseTime(schedule.time);
    const day = stryMutAct_9fa48("615") ? Math.max(schedule.day, month.daysInMonth!) : (stryCov_9fa48("615"), Math.min(schedule.day, month.daysInMonth!));
    const quiet = isQuietHour(hour);
    return month.set(stryMutAct_9fa48("616") ? {} : (stryCov_9fa48("616"), {
      day,
      hour: quiet ? QUIET_UNTIL_HOUR : hour,
      minute: quiet ? 0 : minute,
      second: 0,
      millisecond: 0
    }));
  }
}

/** The first reminder instant strictly after `after`. */
export function nextReminderAt(schedule: ReminderSchedule, after: Date): Date {
  if (stryMutAct_9fa48("617")) {
    {}
  } else {
    stryCov_9fa48("617");
    if (stryMutAct_9fa48("620") ? (!Number.isInteger(schedule.day) || schedule.day < 1) && schedule.day > 31 : stryMutAct_9fa48("619") ? false : stryMutAct_9fa48("618") ? true : (stryCov_9fa48("618", "619", "620"), (stryMutAct_9fa48("622") ? !Number.isInteger(schedule.day) && schedule.day < 1 : stryMutAct_9fa48("621") ? false : (stryCov_9fa48("621", "622"), (stryMutAct_9fa48("623") ? Number.isInteger(schedule.day) : (stryCov_9fa48("623"), !Number.isInteger(schedule.day))) || (stryMutAct_9fa48("626") ? schedule.day >= 1 : stryMutAct_9fa48("625") ? schedule.day <= 1 : stryMutAct_9fa48("624") ? false : (stryCov_9fa48("624", "625", "626"), schedule.day < 1)))) || (stryMutAct_9fa48("629") ? schedule.day <= 31 : stryMutAct_9fa48("628") ? schedule.day >= 31 : stryMutAct_9fa48("627") ? false : (stryCov_9fa48("627", "628", "629"), schedule.day > 31)))) {
      if (stryMutAct_9fa48("630")) {
        {}
      } else {
        stryCov_9fa48("630");
        throw new RangeError(stryMutAct_9fa48("631") ? `` : (stryCov_9fa48("631"), `A reminder day is 1–31, not ${schedule.day}`));
      }
    }
    const month = zoned(after, schedule.timezone).startOf(stryMutAct_9fa48("632") ? "" : (stryCov_9fa48("632"), 'month'));
    const thisMonth = reminderInMonth(schedule, month);
    if (stryMutAct_9fa48("636") ? thisMonth.toMillis() <= after.getTime() : stryMutAct_9fa48("635") ? thisMonth.toMillis() >= after.getTime() : stryMutAct_9fa48("634") ? false : stryMutAct_9fa48("633") ? true : (stryCov_9fa48("633", "634", "635", "636"), thisMonth.toMillis() > after.getTime())) return thisMonth.toJSDate();
    return reminderInMonth(schedule, month.plus(stryMutAct_9fa48("637") ? {} : (stryCov_9fa48("637"), {
      months: 1
    }))).toJSDate();
  }
}
export type ReminderDecision = {
  allowed: true;
} | {
  allowed: false;
  reason: 'quiet_hours' | 'already_sent_today';
  retryAt: Date;
};

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
  if (stryMutAct_9fa48("638")) {
    {}
  } else {
    stryCov_9fa48("638");
    const local = zoned(input.now, input.timezone);
    const today = local.toISODate();
    if (stryMutAct_9fa48("641") ? input.sentAt.every(sent => zoned(sent, input.timezone).toISODate() === today) : stryMutAct_9fa48("640") ? false : stryMutAct_9fa48("639") ? true : (stryCov_9fa48("639", "640", "641"), input.sentAt.some(stryMutAct_9fa48("642") ? () => undefined : (stryCov_9fa48("642"), sent => stryMutAct_9fa48("645") ? zoned(sent, input.timezone).toISODate() !== today : stryMutAct_9fa48("644") ? false : stryMutAct_9fa48("643") ? true : (stryCov_9fa48("643", "644", "645"), zoned(sent, input.timezone).toISODate() === today))))) {
      if (stryMutAct_9fa48("646")) {
        {}
      } else {
        stryCov_9fa48("646");
        const tomorrow = local.plus(stryMutAct_9fa48("647") ? {} : (stryCov_9fa48("647"), {
          days: 1
        })).startOf(stryMutAct_9fa48("648") ? "" : (stryCov_9fa48("648"), 'day'));
        return stryMutAct_9fa48("649") ? {} : (stryCov_9fa48("649"), {
          allowed: stryMutAct_9fa48("650") ? true : (stryCov_9fa48("650"), false),
          reason: stryMutAct_9fa48("651") ? "" : (stryCov_9fa48("651"), 'already_sent_today'),
          retryAt: nextAllowedInstant(tomorrow.toJSDate(), input.timezone)
        });
      }
    }
    if (stryMutAct_9fa48("653") ? false : stryMutAct_9fa48("652") ? true : (stryCov_9fa48("652", "653"), isQuietHour(local.hour))) {
      if (stryMutAct_9fa48("654")) {
        {}
      } else {
        stryCov_9fa48("654");
        return stryMutAct_9fa48("655") ? {} : (stryCov_9fa48("655"), {
          allowed: stryMutAct_9fa48("656") ? true : (stryCov_9fa48("656"), false),
          reason: stryMutAct_9fa48("657") ? "" : (stryCov_9fa48("657"), 'quiet_hours'),
          retryAt: nextAllowedInstant(input.now, input.timezone)
        });
      }
    }
    return stryMutAct_9fa48("658") ? {} : (stryCov_9fa48("658"), {
      allowed: stryMutAct_9fa48("659") ? false : (stryCov_9fa48("659"), true)
    });
  }
}
/**
 * Billing periods in a meter's time zone.
 *
 * With a billing day D (1–31), a period runs from local midnight starting day D of one month to
 * local midnight starting day D of the next; days 29–31 clamp to the last day of a shorter month
 * (billing day 31: Jan 31 → Feb 28 → Mar 31). Without a billing day, periods are calendar months
 * (the same as billing day 1).
 *
 * A period is named 'YYYY-MM' after the month of its LAST day, which is the month of the reading
 * that closes it, i.e. the utility's billing month: with billing day 18, the period Nov 18 → Dec 18
 * is '2026-12' (the December bill); a calendar month keeps its own name (Nov 1 → Dec 1 is '2026-11').
 * Periods are half-open [start, end), like the usage engine's months.
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
import { DateTime, IANAZone } from 'luxon';
export interface BillingCycle {
  /** IANA zone, e.g. 'Asia/Bangkok'. */
  timezone: string;
  /** Day of the month the utility reads the meter, 1–31; null for calendar months. */
  billingDay: number | null;
}
export interface BillingPeriod {
  /** 'YYYY-MM', the month of the period's last day (the billing month). */
  label: string;
  start: Date;
  end: Date;
  /** The local date of the period's last day, 'YYYY-MM-DD': the day its prices are chosen by. */
  lastDay: string;
}
interface Month {
  year: number;
  month: number;
}

// ---------------------------------------------------------------------------------------------
// Labels

/** The label of a year and month: '2026-11'. */
export function formatPeriodLabel(year: number, month: number): string {
  if (stryMutAct_9fa48("319")) {
    {}
  } else {
    stryCov_9fa48("319");
    return stryMutAct_9fa48("320") ? `` : (stryCov_9fa48("320"), `${String(year).padStart(4, stryMutAct_9fa48("321") ? "" : (stryCov_9fa48("321"), '0'))}-${String(month).padStart(2, stryMutAct_9fa48("322") ? "" : (stryCov_9fa48("322"), '0'))}`);
  }
}

/** A 'YYYY-MM' label as a year and month, or null when the text is not one. */
export function parsePeriodLabel(text: string): Month | null {
  if (stryMutAct_9fa48("323")) {
    {}
  } else {
    stryCov_9fa48("323");
    const match = (stryMutAct_9fa48("329") ? /^(\d{4})-(0[1-9]|1[^0-2])$/ : stryMutAct_9fa48("328") ? /^(\d{4})-(0[^1-9]|1[0-2])$/ : stryMutAct_9fa48("327") ? /^(\D{4})-(0[1-9]|1[0-2])$/ : stryMutAct_9fa48("326") ? /^(\d)-(0[1-9]|1[0-2])$/ : stryMutAct_9fa48("325") ? /^(\d{4})-(0[1-9]|1[0-2])/ : stryMutAct_9fa48("324") ? /(\d{4})-(0[1-9]|1[0-2])$/ : (stryCov_9fa48("324", "325", "326", "327", "328", "329"), /^(\d{4})-(0[1-9]|1[0-2])$/)).exec(stryMutAct_9fa48("330") ? text : (stryCov_9fa48("330"), text.trim()));
    return match ? stryMutAct_9fa48("331") ? {} : (stryCov_9fa48("331"), {
      year: Number(match[1]),
      month: Number(match[2])
    }) : null;
  }
}
function requireLabel(text: string): Month {
  if (stryMutAct_9fa48("332")) {
    {}
  } else {
    stryCov_9fa48("332");
    const parsed = parsePeriodLabel(text);
    if (stryMutAct_9fa48("335") ? false : stryMutAct_9fa48("334") ? true : stryMutAct_9fa48("333") ? parsed : (stryCov_9fa48("333", "334", "335"), !parsed)) throw new RangeError(stryMutAct_9fa48("336") ? `` : (stryCov_9fa48("336"), `Not a period (YYYY-MM): ${JSON.stringify(text)}`));
    return parsed;
  }
}
function shift({
  year,
  month
}: Month, delta: number): Month {
  if (stryMutAct_9fa48("337")) {
    {}
  } else {
    stryCov_9fa48("337");
    const index = stryMutAct_9fa48("338") ? year * 12 + (month - 1) - delta : (stryCov_9fa48("338"), (stryMutAct_9fa48("339") ? year * 12 - (month - 1) : (stryCov_9fa48("339"), (stryMutAct_9fa48("340") ? year / 12 : (stryCov_9fa48("340"), year * 12)) + (stryMutAct_9fa48("341") ? month + 1 : (stryCov_9fa48("341"), month - 1)))) + delta);
    return stryMutAct_9fa48("342") ? {} : (stryCov_9fa48("342"), {
      year: Math.floor(stryMutAct_9fa48("343") ? index * 12 : (stryCov_9fa48("343"), index / 12)),
      month: stryMutAct_9fa48("344") ? index % 12 - 1 : (stryCov_9fa48("344"), (stryMutAct_9fa48("345") ? index * 12 : (stryCov_9fa48("345"), index % 12)) + 1)
    });
  }
}

/** A label shifted by `delta` periods: addPeriods('2026-01', -1) is '2025-12'. */
export function addPeriods(label: string, delta: number): string {
  if (stryMutAct_9fa48("346")) {
    {}
  } else {
    stryCov_9fa48("346");
    const shifted = shift(requireLabel(label), delta);
    return formatPeriodLabel(shifted.year, shifted.month);
  }
}

// ---------------------------------------------------------------------------------------------
// Boundaries

function checkCycle(cycle: BillingCycle): number {
  if (stryMutAct_9fa48("347")) {
    {}
  } else {
    stryCov_9fa48("347");
    const day = stryMutAct_9fa48("348") ? cycle.billingDay && 1 : (stryCov_9fa48("348"), cycle.billingDay ?? 1);
    if (stryMutAct_9fa48("351") ? (!Number.isInteger(day) || day < 1) && day > 31 : stryMutAct_9fa48("350") ? false : stryMutAct_9fa48("349") ? true : (stryCov_9fa48("349", "350", "351"), (stryMutAct_9fa48("353") ? !Number.isInteger(day) && day < 1 : stryMutAct_9fa48("352") ? false : (stryCov_9fa48("352", "353"), (stryMutAct_9fa48("354") ? Number.isInteger(day) : (stryCov_9fa48("354"), !Number.isInteger(day))) || (stryMutAct_9fa48("357") ? day >= 1 : stryMutAct_9fa48("356") ? day <= 1 : stryMutAct_9fa48("355") ? false : (stryCov_9fa48("355", "356", "357"), day < 1)))) || (stryMutAct_9fa48("360") ? day <= 31 : stryMutAct_9fa48("359") ? day >= 31 : stryMutAct_9fa48("358") ? false : (stryCov_9fa48("358", "359", "360"), day > 31)))) {
      if (stryMutAct_9fa48("361")) {
        {}
      } else {
        stryCov_9fa48("361");
        throw new RangeError(stryMutAct_9fa48("362") ? `` : (stryCov_9fa48("362"), `A billing day is 1–31, not ${day}`));
      }
    }
    return day;
  }
}

/** Local midnight at the start of day min(day, days in month) of a month. */
function readingDay(timezone: string, {
  year,
  month
}: Month, day: number): DateTime {
  if (stryMutAct_9fa48("363")) {
    {}
  } else {
    stryCov_9fa48("363");
    const first = DateTime.fromObject(stryMutAct_9fa48("364") ? {} : (stryCov_9fa48("364"), {
      year,
      month,
      day: 1
    }), stryMutAct_9fa48("365") ? {} : (stryCov_9fa48("365"), {
      zone: timezone
    }));
    if (stryMutAct_9fa48("368") ? false : stryMutAct_9fa48("367") ? true : stryMutAct_9fa48("366") ? first.isValid : (stryCov_9fa48("366", "367", "368"), !first.isValid)) throw new RangeError(stryMutAct_9fa48("369") ? `` : (stryCov_9fa48("369"), `Unknown time zone: ${JSON.stringify(timezone)}`));
    return first.set(stryMutAct_9fa48("370") ? {} : (stryCov_9fa48("370"), {
      day: stryMutAct_9fa48("371") ? Math.max(day, first.daysInMonth!) : (stryCov_9fa48("371"), Math.min(day, first.daysInMonth!))
    })).startOf(stryMutAct_9fa48("372") ? "" : (stryCov_9fa48("372"), 'day'));
  }
}

/** The period with this label. */
export function periodByLabel(cycle: BillingCycle, label: string): BillingPeriod {
  if (stryMutAct_9fa48("373")) {
    {}
  } else {
    stryCov_9fa48("373");
    const day = checkCycle(cycle);
    const month = requireLabel(label);
    // Calendar months start in their own month; any later reading day ends the period in it.
    const [first, second] = (stryMutAct_9fa48("376") ? day !== 1 : stryMutAct_9fa48("375") ? false : stryMutAct_9fa48("374") ? true : (stryCov_9fa48("374", "375", "376"), day === 1)) ? stryMutAct_9fa48("377") ? [] : (stryCov_9fa48("377"), [month, shift(month, 1)]) : stryMutAct_9fa48("378") ? [] : (stryCov_9fa48("378"), [shift(month, stryMutAct_9fa48("379") ? +1 : (stryCov_9fa48("379"), -1)), month]);
    const start = readingDay(cycle.timezone, first, day);
    const end = readingDay(cycle.timezone, second, day);
    return stryMutAct_9fa48("380") ? {} : (stryCov_9fa48("380"), {
      label: formatPeriodLabel(month.year, month.month),
      start: start.toJSDate(),
      end: end.toJSDate(),
      lastDay: end.minus(stryMutAct_9fa48("381") ? {} : (stryCov_9fa48("381"), {
        days: 1
      })).toISODate()!
    });
  }
}

/** The period holding `instant` (start <= instant < end). */
export function periodContaining(cycle: BillingCycle, instant: Date): BillingPeriod {
  if (stryMutAct_9fa48("382")) {
    {}
  } else {
    stryCov_9fa48("382");
    const local = DateTime.fromJSDate(instant, stryMutAct_9fa48("383") ? {} : (stryCov_9fa48("383"), {
      zone: checkZone(cycle.timezone)
    }));
    const guess = formatPeriodLabel(local.year, local.month);
    const period = periodByLabel(cycle, guess);
    if (stryMutAct_9fa48("387") ? instant >= period.start : stryMutAct_9fa48("386") ? instant <= period.start : stryMutAct_9fa48("385") ? false : stryMutAct_9fa48("384") ? true : (stryCov_9fa48("384", "385", "386", "387"), instant < period.start)) return periodByLabel(cycle, addPeriods(guess, stryMutAct_9fa48("388") ? +1 : (stryCov_9fa48("388"), -1)));
    if (stryMutAct_9fa48("392") ? instant < period.end : stryMutAct_9fa48("391") ? instant > period.end : stryMutAct_9fa48("390") ? false : stryMutAct_9fa48("389") ? true : (stryCov_9fa48("389", "390", "391", "392"), instant >= period.end)) return periodByLabel(cycle, addPeriods(guess, 1));
    return period;
  }
}
function checkZone(timezone: string): string {
  if (stryMutAct_9fa48("393")) {
    {}
  } else {
    stryCov_9fa48("393");
    if (stryMutAct_9fa48("396") ? false : stryMutAct_9fa48("395") ? true : stryMutAct_9fa48("394") ? IANAZone.isValidZone(timezone) : (stryCov_9fa48("394", "395", "396"), !IANAZone.isValidZone(timezone))) {
      if (stryMutAct_9fa48("397")) {
        {}
      } else {
        stryCov_9fa48("397");
        throw new RangeError(stryMutAct_9fa48("398") ? `` : (stryCov_9fa48("398"), `Unknown time zone: ${JSON.stringify(timezone)}`));
      }
    }
    return timezone;
  }
}

/** The `count` periods before the one holding `instant`, oldest first. */
export function previousPeriods(cycle: BillingCycle, instant: Date, count: number): BillingPeriod[] {
  if (stryMutAct_9fa48("399")) {
    {}
  } else {
    stryCov_9fa48("399");
    const current = periodContaining(cycle, instant).label;
    const periods: BillingPeriod[] = stryMutAct_9fa48("400") ? ["Stryker was here"] : (stryCov_9fa48("400"), []);
    for (let k = count; stryMutAct_9fa48("403") ? k < 1 : stryMutAct_9fa48("402") ? k > 1 : stryMutAct_9fa48("401") ? false : (stryCov_9fa48("401", "402", "403"), k >= 1); stryMutAct_9fa48("404") ? k++ : (stryCov_9fa48("404"), k--)) periods.push(periodByLabel(cycle, addPeriods(current, stryMutAct_9fa48("405") ? +k : (stryCov_9fa48("405"), -k))));
    return periods;
  }
}

/** The periods from `from` through `to` (labels, inclusive), oldest first; empty when from > to. */
export function periodsBetween(cycle: BillingCycle, from: string, to: string): BillingPeriod[] {
  if (stryMutAct_9fa48("406")) {
    {}
  } else {
    stryCov_9fa48("406");
    const first = requireLabel(from);
    const last = requireLabel(to);
    const count = stryMutAct_9fa48("407") ? (last.year - first.year) * 12 + (last.month - first.month) - 1 : (stryCov_9fa48("407"), (stryMutAct_9fa48("408") ? (last.year - first.year) * 12 - (last.month - first.month) : (stryCov_9fa48("408"), (stryMutAct_9fa48("409") ? (last.year - first.year) / 12 : (stryCov_9fa48("409"), (stryMutAct_9fa48("410") ? last.year + first.year : (stryCov_9fa48("410"), last.year - first.year)) * 12)) + (stryMutAct_9fa48("411") ? last.month + first.month : (stryCov_9fa48("411"), last.month - first.month)))) + 1);
    const periods: BillingPeriod[] = stryMutAct_9fa48("412") ? ["Stryker was here"] : (stryCov_9fa48("412"), []);
    for (let k = 0; stryMutAct_9fa48("415") ? k >= count : stryMutAct_9fa48("414") ? k <= count : stryMutAct_9fa48("413") ? false : (stryCov_9fa48("413", "414", "415"), k < count); stryMutAct_9fa48("416") ? k-- : (stryCov_9fa48("416"), k++)) periods.push(periodByLabel(cycle, addPeriods(from, k)));
    return periods;
  }
}

/**
 * The usage engine's grid for periods from `from` through `to`: their labels and the
 * labels.length + 1 boundaries (also what selectProbePoints needs to fetch few readings).
 */
export function periodGrid(cycle: BillingCycle, from: string, to: string): {
  labels: string[];
  boundaries: Date[];
} {
  if (stryMutAct_9fa48("417")) {
    {}
  } else {
    stryCov_9fa48("417");
    const periods = periodsBetween(cycle, from, to);
    if (stryMutAct_9fa48("420") ? periods.length !== 0 : stryMutAct_9fa48("419") ? false : stryMutAct_9fa48("418") ? true : (stryCov_9fa48("418", "419", "420"), periods.length === 0)) return stryMutAct_9fa48("421") ? {} : (stryCov_9fa48("421"), {
      labels: stryMutAct_9fa48("422") ? ["Stryker was here"] : (stryCov_9fa48("422"), []),
      boundaries: stryMutAct_9fa48("423") ? ["Stryker was here"] : (stryCov_9fa48("423"), [])
    });
    return stryMutAct_9fa48("424") ? {} : (stryCov_9fa48("424"), {
      labels: periods.map(stryMutAct_9fa48("425") ? () => undefined : (stryCov_9fa48("425"), period => period.label)),
      boundaries: stryMutAct_9fa48("426") ? [] : (stryCov_9fa48("426"), [...periods.map(stryMutAct_9fa48("427") ? () => undefined : (stryCov_9fa48("427"), period => period.start)), periods[stryMutAct_9fa48("428") ? periods.length + 1 : (stryCov_9fa48("428"), periods.length - 1)]!.end])
    });
  }
}
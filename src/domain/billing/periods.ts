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
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}`;
}

/** A 'YYYY-MM' label as a year and month, or null when the text is not one. */
export function parsePeriodLabel(text: string): Month | null {
  const match = /^(\d{4})-(0[1-9]|1[0-2])$/.exec(text.trim());
  return match ? { year: Number(match[1]), month: Number(match[2]) } : null;
}

function requireLabel(text: string): Month {
  const parsed = parsePeriodLabel(text);
  if (!parsed) throw new RangeError(`Not a period (YYYY-MM): ${JSON.stringify(text)}`);
  return parsed;
}

function shift({ year, month }: Month, delta: number): Month {
  const index = year * 12 + (month - 1) + delta;
  return { year: Math.floor(index / 12), month: (index % 12) + 1 };
}

/** A label shifted by `delta` periods: addPeriods('2026-01', -1) is '2025-12'. */
export function addPeriods(label: string, delta: number): string {
  const shifted = shift(requireLabel(label), delta);
  return formatPeriodLabel(shifted.year, shifted.month);
}

// ---------------------------------------------------------------------------------------------
// Boundaries

function checkCycle(cycle: BillingCycle): number {
  const day = cycle.billingDay ?? 1;
  if (!Number.isInteger(day) || day < 1 || day > 31) {
    throw new RangeError(`A billing day is 1–31, not ${day}`);
  }
  return day;
}

/** Local midnight at the start of day min(day, days in month) of a month. */
function readingDay(timezone: string, { year, month }: Month, day: number): DateTime {
  const first = DateTime.fromObject({ year, month, day: 1 }, { zone: timezone });
  if (!first.isValid) throw new RangeError(`Unknown time zone: ${JSON.stringify(timezone)}`);
  return first.set({ day: Math.min(day, first.daysInMonth!) }).startOf('day');
}

/** The period with this label. */
export function periodByLabel(cycle: BillingCycle, label: string): BillingPeriod {
  const day = checkCycle(cycle);
  const month = requireLabel(label);
  // Calendar months start in their own month; any later reading day ends the period in it.
  const [first, second] = day === 1 ? [month, shift(month, 1)] : [shift(month, -1), month];
  const start = readingDay(cycle.timezone, first, day);
  const end = readingDay(cycle.timezone, second, day);
  return {
    label: formatPeriodLabel(month.year, month.month),
    start: start.toJSDate(),
    end: end.toJSDate(),
    lastDay: end.minus({ days: 1 }).toISODate()!,
  };
}

/** The period holding `instant` (start <= instant < end). */
export function periodContaining(cycle: BillingCycle, instant: Date): BillingPeriod {
  const local = DateTime.fromJSDate(instant, { zone: checkZone(cycle.timezone) });
  const guess = formatPeriodLabel(local.year, local.month);
  const period = periodByLabel(cycle, guess);
  // The period named after the instant's local month starts on or before that month's first
  // day, so the instant never lies before it; it may lie past its end (on or after day D).
  if (instant >= period.end) return periodByLabel(cycle, addPeriods(guess, 1));
  return period;
}

function checkZone(timezone: string): string {
  if (!IANAZone.isValidZone(timezone)) {
    throw new RangeError(`Unknown time zone: ${JSON.stringify(timezone)}`);
  }
  return timezone;
}

/** The `count` periods before the one holding `instant`, oldest first. */
export function previousPeriods(
  cycle: BillingCycle,
  instant: Date,
  count: number,
): BillingPeriod[] {
  const current = periodContaining(cycle, instant).label;
  const periods: BillingPeriod[] = [];
  for (let k = count; k >= 1; k--) periods.push(periodByLabel(cycle, addPeriods(current, -k)));
  return periods;
}

/** The periods from `from` through `to` (labels, inclusive), oldest first; empty when from > to. */
export function periodsBetween(cycle: BillingCycle, from: string, to: string): BillingPeriod[] {
  const first = requireLabel(from);
  const last = requireLabel(to);
  const count = (last.year - first.year) * 12 + (last.month - first.month) + 1;
  const periods: BillingPeriod[] = [];
  for (let k = 0; k < count; k++) periods.push(periodByLabel(cycle, addPeriods(from, k)));
  return periods;
}

/**
 * The usage engine's grid for periods from `from` through `to`: their labels and the
 * labels.length + 1 boundaries (also what selectProbePoints needs to fetch few readings).
 */
export function periodGrid(
  cycle: BillingCycle,
  from: string,
  to: string,
): { labels: string[]; boundaries: Date[] } {
  const periods = periodsBetween(cycle, from, to);
  if (periods.length === 0) return { labels: [], boundaries: [] };
  return {
    labels: periods.map((period) => period.label),
    boundaries: [...periods.map((period) => period.start), periods[periods.length - 1]!.end],
  };
}

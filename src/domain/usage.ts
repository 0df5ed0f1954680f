/**
 * The usage engine: irregular readings in, figures per period out. Periods are calendar months
 * (monthlyUsage) or any contiguous run of half-open periods (periodUsage), e.g. billing periods
 * that run from a reading day to the next.
 *
 * Pure: no I/O and no clock (callers pass `now`). Values are decimal strings in and out and are
 * computed with decimal.js; no float ever touches a value (only instants and day counts are numbers).
 *
 * Reading order. Every function here works on points ordered by
 *   (takenAt ASC, event rank ASC, then the caller's stable tiebreak)
 * where the event rank is replacement_final 0, plain or rollover 1, replacement_initial 2, so the old
 * register's final value comes before the new register's initial value at the same instant.
 * Input that is not in that order is sorted (stably) first; already sorted input costs one O(n) check.
 * The store must use the same order, with the same tiebreak (e.g. id), in every query it feeds here.
 *
 * Continuous series C. Each point gets C = value + offset, where the offset changes only at event points:
 * - 'rollover' adds 10^digits to the offset from that point on (ignored when digits are unknown: the
 *   drop then shows as negative usage rather than as a guessed wrap);
 * - 'replacement_final' remembers C(final) = vf + offset;
 * - 'replacement_initial' sets offset = C(final) − vi, so C(initial) = C(final) and the jump is not usage.
 *   It pairs with the latest not yet paired final before it; without one it is an ordinary reading.
 * A decrease with no event stays a decrease: negative usage (net meters, corrections).
 * Because offsets depend only on event points, a subset that keeps every event point sees the same C.
 * Order matters at one instant: a plain reading taken at a swap's instant sorts between final and
 * initial, so it counts as the old register's; several points at one instant form a jump in C that
 * belongs to the month starting at that instant (half-open months). The store should refuse
 * duplicate readings at one instant anyway.
 */
import Decimal from 'decimal.js';
import { DateTime } from 'luxon';
import type { MonthStats, MonthStatus, MonthUsage, ReadingPoint, RegisterEvent } from './types';

/** What the engine needs to know about a cumulative source (a subset of the stored source row). */
export interface CumulativeSource {
  /** Register size: it rolls over at 10^digits. */
  digits: number | null;
  /** IANA zone that defines the source's months, e.g. 'Asia/Bangkok'. */
  timezone: string;
}

/** Decimals of an interpolated value (half-even). Values read from a reading are never rounded. */
export const BOUNDARY_SCALE = 6;
/** Decimals of averages (daily averages, gauge averages), half-even. */
export const AVERAGE_SCALE = 3;
const DAY_MS = 86_400_000;
/** A month boundary this close to a reading counts as measured. */
export const NEAR_READING_MS = DAY_MS;
/** The projection rate looks back this far from the last reading. */
export const PROJECTION_WINDOW_MS = 30 * DAY_MS;
/** The shortest span a rate (daily average, projection) is computed over. */
export const MIN_RATE_SPAN_MS = DAY_MS;

/** Wide enough that sums and differences of readings are exact; rounding is always explicit. */
const Exact = Decimal.clone({
  precision: 80,
  rounding: Decimal.ROUND_HALF_EVEN,
  toExpNeg: -80,
  toExpPos: 80,
});
const ZERO = new Exact(0);

// ---------------------------------------------------------------------------------------------
// Reading order

/** Position of an event among points taken at the same instant. */
export function eventRank(event: RegisterEvent | null): number {
  if (event === 'replacement_final') return 0;
  if (event === 'replacement_initial') return 2;
  return 1;
}

/** The engine's reading order: (takenAt, event rank). Ties beyond that keep their input order. */
export function compareReadingPoints(a: ReadingPoint, b: ReadingPoint): number {
  return a.takenAt.getTime() - b.takenAt.getTime() || eventRank(a.event) - eventRank(b.event);
}

/** The points in reading order: the same array when already sorted, else a stably sorted copy. */
export function sortReadingPoints(points: readonly ReadingPoint[]): readonly ReadingPoint[] {
  for (let i = 1; i < points.length; i++) {
    if (compareReadingPoints(points[i - 1]!, points[i]!) > 0) {
      return [...points].sort(compareReadingPoints);
    }
  }
  return points;
}

// ---------------------------------------------------------------------------------------------
// Continuous series

interface Series {
  readonly points: readonly ReadingPoint[];
  readonly times: readonly number[];
  /** The register offset of each point; points of one register share one Decimal. */
  readonly offsets: readonly Decimal[];
}

function rolloverModulus(digits: number | null): Decimal | null {
  if (digits === null || !Number.isInteger(digits) || digits <= 0) return null;
  return new Exact(10).pow(digits);
}

/** One O(n) pass; decimals are parsed only at event points (the rest lazily, on demand). */
function buildSeries(source: CumulativeSource, sorted: readonly ReadingPoint[]): Series {
  const modulus = rolloverModulus(source.digits);
  const times = new Array<number>(sorted.length);
  const offsets = new Array<Decimal>(sorted.length);
  let offset = ZERO;
  let pendingFinal: Decimal | null = null;
  sorted.forEach((point, i) => {
    times[i] = point.takenAt.getTime();
    if (point.event === 'rollover' && modulus) {
      offset = offset.plus(modulus);
    } else if (point.event === 'replacement_final') {
      pendingFinal = new Exact(point.value).plus(offset);
    } else if (point.event === 'replacement_initial' && pendingFinal) {
      offset = pendingFinal.minus(point.value);
      pendingFinal = null;
    }
    offsets[i] = offset;
  });
  return { points: sorted, times, offsets };
}

function continuousValue(series: Series, i: number): Decimal {
  return new Exact(series.points[i]!.value).plus(series.offsets[i]!);
}

/** Index of the first time >= t, or times.length. Binary search: O(log n). */
function firstAtOrAfter(times: readonly number[], t: number): number {
  let low = 0;
  let high = times.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if (times[mid]! < t) low = mid + 1;
    else high = mid;
  }
  return low;
}

/** Index of the last time <= t, or -1. */
function lastAtOrBefore(times: readonly number[], t: number): number {
  let low = 0;
  let high = times.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if (times[mid]! <= t) low = mid + 1;
    else high = mid;
  }
  return low - 1;
}

// ---------------------------------------------------------------------------------------------
// Values at instants and over intervals

/** C at an instant, or at the nearest reading when the instant lies outside the readings. */
interface Edge {
  /** The instant the value belongs to: the one asked for, or the first/last reading's. */
  at: number;
  value: Decimal;
  /** The instant lay before the first or after the last reading, which stands in for it. */
  clipped: boolean;
  /** The instant is on a reading or within NEAR_READING_MS of one. */
  nearReading: boolean;
}

/**
 * Requires a non-empty series. Reads only the bracket of t: the last point before t and the first
 * point at or after t. Several points at one instant form a jump; an edge on that instant takes the
 * first of them, so with half-open months the jump belongs to the month that starts there.
 */
function edgeAt(series: Series, t: number): Edge {
  const { times } = series;
  const next = firstAtOrAfter(times, t);
  // Past the end, times[next] is undefined and never equals t.
  if (times[next] === t) {
    return { at: t, value: continuousValue(series, next), clipped: false, nearReading: true };
  }
  if (next === 0) {
    return { at: times[0]!, value: continuousValue(series, 0), clipped: true, nearReading: false };
  }
  const previous = next - 1;
  const before = times[previous]!;
  if (next === times.length) {
    return {
      at: before,
      value: continuousValue(series, previous),
      clipped: true,
      nearReading: false,
    };
  }
  const after = times[next]!;
  const value = interpolate(
    continuousValue(series, previous),
    continuousValue(series, next),
    before,
    after,
    t,
  );
  return {
    at: t,
    value,
    clipped: false,
    nearReading: Math.min(t - before, after - t) <= NEAR_READING_MS,
  };
}

/** Linear in time, rounded once: this one value serves both months that meet at t. */
function interpolate(c0: Decimal, c1: Decimal, t0: number, t1: number, t: number): Decimal {
  const share = c1
    .minus(c0)
    .times(t - t0)
    .div(t1 - t0);
  return c0.plus(share).toDecimalPlaces(BOUNDARY_SCALE, Decimal.ROUND_HALF_EVEN);
}

/** Whether the readings cover any of [start, end): a month holding a reading is never empty. */
function covers(series: Series, start: number, end: number): boolean {
  const n = series.times.length;
  return n > 0 && start < end && end > series.times[0]! && start <= series.times[n - 1]!;
}

interface Span {
  usage: Decimal;
  coveredMs: number;
  /** Readings cover the whole interval. */
  complete: boolean;
  /** Both ends are on or near a reading. */
  measured: boolean;
}

function spanBetween(start: Edge, end: Edge): Span {
  return {
    usage: end.value.minus(start.value),
    coveredMs: end.at - start.at,
    complete: !start.clipped && !end.clipped,
    measured: start.nearReading && end.nearReading,
  };
}

/** Usage over [start, end) by the same rules as the months. */
export interface IntervalUsage {
  /** C(end) − C(start), clipped to the readings. */
  usage: string;
  startValue: string;
  endValue: string;
  /** The part of [start, end) that readings cover. */
  coveredStart: Date;
  coveredEnd: Date;
  coveredDays: number;
  /** Readings cover the whole interval (nothing clipped). */
  complete: boolean;
  /** Both ends are on or within 24 h of a reading. */
  measured: boolean;
}

/**
 * Usage of a cumulative source over [start, end), or null when no reading covers any of it.
 * Outside the readings nothing is extrapolated: the interval is clipped to [first, last] reading.
 */
export function usageBetween(
  source: CumulativeSource,
  points: readonly ReadingPoint[],
  start: Date,
  end: Date,
): IntervalUsage | null {
  const series = buildSeries(source, sortReadingPoints(points));
  const startMs = start.getTime();
  const endMs = end.getTime();
  if (!covers(series, startMs, endMs)) return null;
  const from = edgeAt(series, startMs);
  const to = edgeAt(series, endMs);
  const span = spanBetween(from, to);
  return {
    usage: canonical(span.usage),
    startValue: canonical(from.value),
    endValue: canonical(to.value),
    coveredStart: new Date(from.at),
    coveredEnd: new Date(to.at),
    coveredDays: days(span.coveredMs),
    complete: span.complete,
    measured: span.measured,
  };
}

/** The usage the bot confirms after a reading: C(next) − C(previous), `next` taken after `previous`. */
export function usageSincePrevious(
  source: CumulativeSource,
  previous: ReadingPoint,
  next: ReadingPoint,
): string {
  const series = buildSeries(source, [previous, next]);
  return canonical(continuousValue(series, 1).minus(continuousValue(series, 0)));
}

// ---------------------------------------------------------------------------------------------
// Projection

/** A usage rate as an exact ratio: `usage` over `ms`. */
interface Rate {
  usage: Decimal;
  ms: number;
}

/**
 * The recent rate, from C(last) back to an anchor at the bracket of (last − 30 days): the first
 * reading at or after that instant if it is earlier than the last reading, else the reading just
 * before it (which makes it the last interval). Null when all readings share one instant.
 */
function recentRate(series: Series): Rate | null {
  const { times } = series;
  const last = times.length - 1;
  if (last < 1) return null;
  const lastAt = times[last]!;
  const firstInWindow = firstAtOrAfter(times, lastAt - PROJECTION_WINDOW_MS);
  const anchor = times[firstInWindow]! < lastAt ? firstInWindow : firstInWindow - 1;
  if (anchor < 0) return null;
  const ms = lastAt - times[anchor]!;
  // Two readings minutes apart say nothing about a month: no projection from under a day.
  if (ms < MIN_RATE_SPAN_MS) return null;
  return { usage: continuousValue(series, last).minus(continuousValue(series, anchor)), ms };
}

function project(usage: Decimal, rate: Rate, remainingMs: number): Decimal {
  return usage
    .plus(rate.usage.times(remainingMs).div(rate.ms))
    .toDecimalPlaces(BOUNDARY_SCALE, Decimal.ROUND_HALF_EVEN);
}

// ---------------------------------------------------------------------------------------------
// Months

interface MonthGrid {
  /** 'YYYY-MM' of each month (or the label of each period). */
  labels: readonly string[];
  /** Month starts plus the end of the last month (epoch ms): labels.length + 1 entries, or none. */
  bounds: readonly number[];
}

function parseMonth(text: string): { year: number; month: number } {
  const match = /^(\d{4})-(0[1-9]|1[0-2])$/.exec(text);
  if (!match) throw new RangeError(`Not a month (YYYY-MM): ${JSON.stringify(text)}`);
  return { year: Number(match[1]), month: Number(match[2]) };
}

function monthStart(timezone: string, year: number, month: number): number {
  const start = DateTime.fromObject({ year, month, day: 1 }, { zone: timezone });
  if (!start.isValid) throw new RangeError(`Unknown time zone: ${JSON.stringify(timezone)}`);
  return start.toMillis();
}

function monthGrid(timezone: string, from: string, to: string): MonthGrid {
  const first = parseMonth(from);
  const last = parseMonth(to);
  const count = (last.year - first.year) * 12 + (last.month - first.month) + 1;
  const labels: string[] = [];
  const bounds: number[] = [];
  for (let k = 0; k <= count && count > 0; k++) {
    const index = first.month - 1 + k;
    const year = first.year + Math.floor(index / 12);
    const month = (index % 12) + 1;
    bounds.push(monthStart(timezone, year, month));
    if (k < count) labels.push(`${year}-${String(month).padStart(2, '0')}`);
  }
  return { labels, bounds };
}

/**
 * Instants of local midnight on the 1st of each month from `from` through the month after `to`,
 * in `timezone` (months.length + 1 instants; empty when from > to). Month k is [b[k], b[k+1]).
 */
export function monthBoundaries(timezone: string, from: string, to: string): Date[] {
  return monthGrid(timezone, from, to).bounds.map((ms) => new Date(ms));
}

/**
 * Index of the month holding t. Outside the grid it is -1 or bounds.length − 1, and neither
 * indexes a month: callers find no month there.
 */
function monthIndexOf(bounds: readonly number[], t: number): number {
  return lastAtOrBefore(bounds, t);
}

function monthFigure(
  grid: MonthGrid,
  k: number,
  status: MonthStatus,
  usage: Decimal | null,
  coveredMs: number,
  projected: Decimal | null = null,
): MonthUsage {
  return {
    month: grid.labels[k]!,
    start: new Date(grid.bounds[k]!),
    end: new Date(grid.bounds[k + 1]!),
    status,
    usage: usage && canonical(usage),
    projected: projected && canonical(projected),
    coveredDays: days(coveredMs),
    // A "daily" average over a few hours would be a wild guess.
    dailyAverage:
      usage && coveredMs >= MIN_RATE_SPAN_MS ? canonical(perDay(usage, coveredMs)) : null,
  };
}

export interface MonthlyUsageInput {
  source: CumulativeSource;
  points: readonly ReadingPoint[];
  /** First month, 'YYYY-MM' in the source's time zone. */
  from: string;
  /** Last month, inclusive. */
  to: string;
  now: Date;
}

/**
 * Monthly usage of a cumulative source over half-open local months [1st 00:00, next 1st 00:00).
 * Boundary values are computed once each and shared by the months that meet there, so the months'
 * usage adds up exactly to C(last covered) − C(first covered). Status of a month [a, b):
 * - 'none': future month (a > now), no readings, or the month lies wholly before the first reading
 *   (b <= first) or after the last (a > last): nothing is extrapolated into the past;
 * - current month (a <= now < b, last reading before b): usage is month to date (up to the last
 *   reading); 'projected' with `projected` = usage + recent rate × (b − last) when two instants give a
 *   rate (see recentRate), else 'partial'. Neither reaches back before the first reading;
 * - 'partial': readings start after a or end before b; usage and coveredDays count the covered part;
 * - 'measured': both boundaries are on or within 24 h of a reading; 'interpolated' otherwise.
 * O(n + months·log n) for n points; pass selectProbePoints(points, monthBoundaries(...)) for speed.
 */
export function monthlyUsage(input: MonthlyUsageInput): MonthUsage[] {
  const grid = monthGrid(input.source.timezone, input.from, input.to);
  return usageOnGrid(input, grid);
}

/** Contiguous half-open periods: period k is [boundaries[k], boundaries[k + 1]). */
export interface PeriodGrid {
  /** One label per period, e.g. a billing period's 'YYYY-MM'. */
  labels: readonly string[];
  /** labels.length + 1 strictly increasing instants, or none when there are no labels. */
  boundaries: readonly Date[];
}

export interface PeriodUsageInput {
  source: CumulativeSource;
  points: readonly ReadingPoint[];
  periods: PeriodGrid;
  now: Date;
}

/**
 * Usage over arbitrary contiguous periods, by exactly the rules of monthlyUsage (which is this
 * function on the calendar-month grid): shared interpolated boundaries, the same statuses, and
 * the projection of the period holding `now`. Each figure's `month` field holds the period's label.
 * Throws RangeError when the boundaries do not fit the labels or do not increase.
 */
export function periodUsage(input: PeriodUsageInput): MonthUsage[] {
  const { labels, boundaries } = input.periods;
  if (labels.length === 0 ? boundaries.length > 1 : boundaries.length !== labels.length + 1) {
    throw new RangeError(
      `A period grid needs one boundary more than labels (${labels.length} labels, ${boundaries.length} boundaries)`,
    );
  }
  // No labels with one boundary is a grid of no periods: that boundary is never read.
  const bounds = boundaries.map((boundary) => boundary.getTime());
  for (let k = 1; k < bounds.length; k++) {
    if (!(bounds[k]! > bounds[k - 1]!)) {
      throw new RangeError('Period boundaries must strictly increase');
    }
  }
  return usageOnGrid(input, { labels, bounds });
}

function usageOnGrid(
  input: { source: CumulativeSource; points: readonly ReadingPoint[]; now: Date },
  grid: MonthGrid,
): MonthUsage[] {
  const series = buildSeries(input.source, sortReadingPoints(input.points));
  const hasReadings = series.times.length > 0;
  const edges = hasReadings ? grid.bounds.map((t) => edgeAt(series, t)) : [];
  const lastAt = series.times[series.times.length - 1] ?? Number.NaN;
  const now = input.now.getTime();
  let rate: Rate | null | undefined;

  return grid.labels.map((_, k) => {
    const start = grid.bounds[k]!;
    const end = grid.bounds[k + 1]!;
    if (start > now || !covers(series, start, end)) return monthFigure(grid, k, 'none', null, 0);
    const span = spanBetween(edges[k]!, edges[k + 1]!);
    if (now < end && lastAt < end) {
      rate ??= recentRate(series);
      if (!rate) return monthFigure(grid, k, 'partial', span.usage, span.coveredMs);
      const projected = project(span.usage, rate, end - lastAt);
      return monthFigure(grid, k, 'projected', span.usage, span.coveredMs, projected);
    }
    const status = !span.complete ? 'partial' : span.measured ? 'measured' : 'interpolated';
    return monthFigure(grid, k, status, span.usage, span.coveredMs);
  });
}

// ---------------------------------------------------------------------------------------------
// The fast path: which points the engine reads

/**
 * The points that monthlyUsage / usageBetween read, so the store can fetch only those with index
 * probes instead of the whole history. For readings of one source, in the engine's reading order
 * (taken_at ASC, event rank ASC with replacement_final 0, plain/rollover 1, replacement_initial 2,
 * then the store's stable tiebreak, e.g. id ASC), select the union of:
 * 1. the first point and the last point (the last fixes instant 3b; both are cheap probes);
 * 2. every point whose event is not null (so register offsets come out the same);
 * 3. for each probe instant t: the last point with taken_at < t and the first point with
 *    taken_at >= t (either may not exist); the probe instants are
 *    a. every boundary passed (monthBoundaries(tz, from, to), or an interval's start and end), and
 *    b. last.taken_at − 30 days (the projection's anchor; last as in 1).
 * Return the union without duplicates, in the same reading order. Then, for the same `now`,
 * monthlyUsage on the selection equals monthlyUsage on all points (property-tested).
 * That is at most 2 + 2·(boundaries + 1) points plus the event points.
 */
export const boundaryProbeSpec = {
  order:
    'taken_at ASC, event rank ASC (replacement_final 0, plain/rollover 1, replacement_initial 2), id ASC',
  always: ['first point', 'last point', 'every point with event IS NOT NULL'],
  perInstant: ['last point with taken_at < t', 'first point with taken_at >= t'],
  instants: ['every month boundary (or interval start/end)', 'last.taken_at - 30 days'],
} as const;

/** Pure mirror of boundaryProbeSpec: the subset of `points` the engine needs for `boundaries`. */
export function selectProbePoints(
  points: readonly ReadingPoint[],
  boundaries: readonly Date[],
): ReadingPoint[] {
  const sorted = sortReadingPoints(points);
  const n = sorted.length;
  if (n === 0) return [];
  const times = sorted.map((point) => point.takenAt.getTime());
  const keep = new Uint8Array(n);
  const bracket = (t: number) => {
    const next = firstAtOrAfter(times, t);
    if (next > 0) keep[next - 1] = 1;
    if (next < n) keep[next] = 1;
  };
  keep[0] = 1;
  keep[n - 1] = 1;
  sorted.forEach((point, i) => {
    if (point.event !== null) keep[i] = 1;
  });
  for (const boundary of boundaries) bracket(boundary.getTime());
  bracket(times[n - 1]! - PROJECTION_WINDOW_MS);
  return sorted.filter((_, i) => keep[i] === 1);
}

// ---------------------------------------------------------------------------------------------
// Gauge and delta sources

export interface GaugeStatsInput {
  timezone: string;
  points: readonly ReadingPoint[];
  from: string;
  to: string;
}

/**
 * Average, min and max of a gauge source's readings per month (events are ignored). The average is
 * rounded half-even to AVERAGE_SCALE decimals, or to the readings' own precision when finer.
 */
export function monthlyStats(input: GaugeStatsInput): MonthStats[] {
  const grid = monthGrid(input.timezone, input.from, input.to);
  const months = grid.labels.map(() => ({
    count: 0,
    sum: ZERO,
    min: null as Decimal | null,
    max: null as Decimal | null,
    scale: AVERAGE_SCALE,
  }));
  for (const point of input.points) {
    const month = months[monthIndexOf(grid.bounds, point.takenAt.getTime())];
    if (!month) continue;
    const value = new Exact(point.value);
    month.count += 1;
    month.sum = month.sum.plus(value);
    if (!month.min || value.lt(month.min)) month.min = value;
    if (!month.max || value.gt(month.max)) month.max = value;
    month.scale = Math.max(month.scale, value.decimalPlaces());
  }
  return months.map((month, k) => ({
    month: grid.labels[k]!,
    start: new Date(grid.bounds[k]!),
    end: new Date(grid.bounds[k + 1]!),
    count: month.count,
    average:
      month.count > 0
        ? canonical(
            month.sum.div(month.count).toDecimalPlaces(month.scale, Decimal.ROUND_HALF_EVEN),
          )
        : null,
    min: month.min && canonical(month.min),
    max: month.max && canonical(month.max),
  }));
}

export interface DeltaSumsInput extends GaugeStatsInput {
  now: Date;
}

/**
 * Sum of a delta source's amounts per month: 'measured' when the month has points, else 'none';
 * future months 'none'. The current month is 'partial' (month to date) with `projected` scaled by
 * month length / days elapsed, counting at least one day elapsed so the 1st does not explode.
 */
export function monthlySums(input: DeltaSumsInput): MonthUsage[] {
  const grid = monthGrid(input.timezone, input.from, input.to);
  const sums = grid.labels.map(() => ({ count: 0, sum: ZERO }));
  for (const point of input.points) {
    const month = sums[monthIndexOf(grid.bounds, point.takenAt.getTime())];
    if (!month) continue;
    month.count += 1;
    month.sum = month.sum.plus(point.value);
  }
  const now = input.now.getTime();
  return sums.map(({ count, sum }, k) => {
    const start = grid.bounds[k]!;
    const end = grid.bounds[k + 1]!;
    if (start > now || count === 0) return monthFigure(grid, k, 'none', null, 0);
    if (now >= end) return monthFigure(grid, k, 'measured', sum, end - start);
    const elapsed = now - start;
    const projected = sum
      .times(end - start)
      .div(Math.max(elapsed, DAY_MS))
      .toDecimalPlaces(BOUNDARY_SCALE, Decimal.ROUND_HALF_EVEN);
    return monthFigure(grid, k, 'partial', sum, elapsed, projected);
  });
}

// ---------------------------------------------------------------------------------------------
// Formatting

/** Canonical decimal string: plain notation, no trailing zeros, no "-0". */
function canonical(value: Decimal): string {
  return value.isZero() ? '0' : value.toFixed();
}

function perDay(usage: Decimal, ms: number): Decimal {
  return usage.times(DAY_MS).div(ms).toDecimalPlaces(AVERAGE_SCALE, Decimal.ROUND_HALF_EVEN);
}

/** Milliseconds as days, to 6 decimals (a display figure, so a number is fine here). */
function days(ms: number): number {
  return Math.round((ms / DAY_MS) * 1e6) / 1e6;
}

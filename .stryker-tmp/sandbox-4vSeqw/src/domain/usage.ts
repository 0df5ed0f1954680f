/**
 * The usage engine: irregular readings in, figures per period out (DESIGN §5, REFERENCE §5).
 * Periods are calendar months (monthlyUsage) or any contiguous run of half-open periods
 * (periodUsage), e.g. billing periods that run from a reading day to the next.
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
export const PROJECTION_WINDOW_MS = stryMutAct_9fa48("3455") ? 30 / DAY_MS : (stryCov_9fa48("3455"), 30 * DAY_MS);
/** The shortest span a rate (daily average, projection) is computed over. */
export const MIN_RATE_SPAN_MS = DAY_MS;

/** Wide enough that sums and differences of readings are exact; rounding is always explicit. */
const Exact = Decimal.clone(stryMutAct_9fa48("3456") ? {} : (stryCov_9fa48("3456"), {
  precision: 80,
  rounding: Decimal.ROUND_HALF_EVEN,
  toExpNeg: stryMutAct_9fa48("3457") ? +80 : (stryCov_9fa48("3457"), -80),
  toExpPos: 80
}));
const ZERO = new Exact(0);

// ---------------------------------------------------------------------------------------------
// Reading order

/** Position of an event among points taken at the same instant. */
export function eventRank(event: RegisterEvent | null): number {
  if (stryMutAct_9fa48("3458")) {
    {}
  } else {
    stryCov_9fa48("3458");
    if (stryMutAct_9fa48("3461") ? event !== 'replacement_final' : stryMutAct_9fa48("3460") ? false : stryMutAct_9fa48("3459") ? true : (stryCov_9fa48("3459", "3460", "3461"), event === (stryMutAct_9fa48("3462") ? "" : (stryCov_9fa48("3462"), 'replacement_final')))) return 0;
    if (stryMutAct_9fa48("3465") ? event !== 'replacement_initial' : stryMutAct_9fa48("3464") ? false : stryMutAct_9fa48("3463") ? true : (stryCov_9fa48("3463", "3464", "3465"), event === (stryMutAct_9fa48("3466") ? "" : (stryCov_9fa48("3466"), 'replacement_initial')))) return 2;
    return 1;
  }
}

/** The engine's reading order: (takenAt, event rank). Ties beyond that keep their input order. */
export function compareReadingPoints(a: ReadingPoint, b: ReadingPoint): number {
  if (stryMutAct_9fa48("3467")) {
    {}
  } else {
    stryCov_9fa48("3467");
    return stryMutAct_9fa48("3470") ? a.takenAt.getTime() - b.takenAt.getTime() && eventRank(a.event) - eventRank(b.event) : stryMutAct_9fa48("3469") ? false : stryMutAct_9fa48("3468") ? true : (stryCov_9fa48("3468", "3469", "3470"), (stryMutAct_9fa48("3471") ? a.takenAt.getTime() + b.takenAt.getTime() : (stryCov_9fa48("3471"), a.takenAt.getTime() - b.takenAt.getTime())) || (stryMutAct_9fa48("3472") ? eventRank(a.event) + eventRank(b.event) : (stryCov_9fa48("3472"), eventRank(a.event) - eventRank(b.event))));
  }
}

/** The points in reading order: the same array when already sorted, else a stably sorted copy. */
export function sortReadingPoints(points: readonly ReadingPoint[]): readonly ReadingPoint[] {
  if (stryMutAct_9fa48("3473")) {
    {}
  } else {
    stryCov_9fa48("3473");
    for (let i = 1; stryMutAct_9fa48("3476") ? i >= points.length : stryMutAct_9fa48("3475") ? i <= points.length : stryMutAct_9fa48("3474") ? false : (stryCov_9fa48("3474", "3475", "3476"), i < points.length); stryMutAct_9fa48("3477") ? i-- : (stryCov_9fa48("3477"), i++)) {
      if (stryMutAct_9fa48("3478")) {
        {}
      } else {
        stryCov_9fa48("3478");
        if (stryMutAct_9fa48("3482") ? compareReadingPoints(points[i - 1]!, points[i]!) <= 0 : stryMutAct_9fa48("3481") ? compareReadingPoints(points[i - 1]!, points[i]!) >= 0 : stryMutAct_9fa48("3480") ? false : stryMutAct_9fa48("3479") ? true : (stryCov_9fa48("3479", "3480", "3481", "3482"), compareReadingPoints(points[stryMutAct_9fa48("3483") ? i + 1 : (stryCov_9fa48("3483"), i - 1)]!, points[i]!) > 0)) {
          if (stryMutAct_9fa48("3484")) {
            {}
          } else {
            stryCov_9fa48("3484");
            return stryMutAct_9fa48("3485") ? [...points] : (stryCov_9fa48("3485"), (stryMutAct_9fa48("3486") ? [] : (stryCov_9fa48("3486"), [...points])).sort(compareReadingPoints));
          }
        }
      }
    }
    return points;
  }
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
  if (stryMutAct_9fa48("3487")) {
    {}
  } else {
    stryCov_9fa48("3487");
    if (stryMutAct_9fa48("3490") ? (digits === null || !Number.isInteger(digits)) && digits <= 0 : stryMutAct_9fa48("3489") ? false : stryMutAct_9fa48("3488") ? true : (stryCov_9fa48("3488", "3489", "3490"), (stryMutAct_9fa48("3492") ? digits === null && !Number.isInteger(digits) : stryMutAct_9fa48("3491") ? false : (stryCov_9fa48("3491", "3492"), (stryMutAct_9fa48("3494") ? digits !== null : stryMutAct_9fa48("3493") ? false : (stryCov_9fa48("3493", "3494"), digits === null)) || (stryMutAct_9fa48("3495") ? Number.isInteger(digits) : (stryCov_9fa48("3495"), !Number.isInteger(digits))))) || (stryMutAct_9fa48("3498") ? digits > 0 : stryMutAct_9fa48("3497") ? digits < 0 : stryMutAct_9fa48("3496") ? false : (stryCov_9fa48("3496", "3497", "3498"), digits <= 0)))) return null;
    return new Exact(10).pow(digits);
  }
}

/** One O(n) pass; decimals are parsed only at event points (the rest lazily, on demand). */
function buildSeries(source: CumulativeSource, sorted: readonly ReadingPoint[]): Series {
  if (stryMutAct_9fa48("3499")) {
    {}
  } else {
    stryCov_9fa48("3499");
    const modulus = rolloverModulus(source.digits);
    const times = stryMutAct_9fa48("3500") ? new Array() : (stryCov_9fa48("3500"), new Array<number>(sorted.length));
    const offsets = stryMutAct_9fa48("3501") ? new Array() : (stryCov_9fa48("3501"), new Array<Decimal>(sorted.length));
    let offset = ZERO;
    let pendingFinal: Decimal | null = null;
    sorted.forEach((point, i) => {
      if (stryMutAct_9fa48("3502")) {
        {}
      } else {
        stryCov_9fa48("3502");
        times[i] = point.takenAt.getTime();
        if (stryMutAct_9fa48("3505") ? point.event === 'rollover' || modulus : stryMutAct_9fa48("3504") ? false : stryMutAct_9fa48("3503") ? true : (stryCov_9fa48("3503", "3504", "3505"), (stryMutAct_9fa48("3507") ? point.event !== 'rollover' : stryMutAct_9fa48("3506") ? true : (stryCov_9fa48("3506", "3507"), point.event === (stryMutAct_9fa48("3508") ? "" : (stryCov_9fa48("3508"), 'rollover')))) && modulus)) {
          if (stryMutAct_9fa48("3509")) {
            {}
          } else {
            stryCov_9fa48("3509");
            offset = offset.plus(modulus);
          }
        } else if (stryMutAct_9fa48("3512") ? point.event !== 'replacement_final' : stryMutAct_9fa48("3511") ? false : stryMutAct_9fa48("3510") ? true : (stryCov_9fa48("3510", "3511", "3512"), point.event === (stryMutAct_9fa48("3513") ? "" : (stryCov_9fa48("3513"), 'replacement_final')))) {
          if (stryMutAct_9fa48("3514")) {
            {}
          } else {
            stryCov_9fa48("3514");
            pendingFinal = new Exact(point.value).plus(offset);
          }
        } else if (stryMutAct_9fa48("3517") ? point.event === 'replacement_initial' || pendingFinal : stryMutAct_9fa48("3516") ? false : stryMutAct_9fa48("3515") ? true : (stryCov_9fa48("3515", "3516", "3517"), (stryMutAct_9fa48("3519") ? point.event !== 'replacement_initial' : stryMutAct_9fa48("3518") ? true : (stryCov_9fa48("3518", "3519"), point.event === (stryMutAct_9fa48("3520") ? "" : (stryCov_9fa48("3520"), 'replacement_initial')))) && pendingFinal)) {
          if (stryMutAct_9fa48("3521")) {
            {}
          } else {
            stryCov_9fa48("3521");
            offset = pendingFinal.minus(point.value);
            pendingFinal = null;
          }
        }
        offsets[i] = offset;
      }
    });
    return stryMutAct_9fa48("3522") ? {} : (stryCov_9fa48("3522"), {
      points: sorted,
      times,
      offsets
    });
  }
}
function continuousValue(series: Series, i: number): Decimal {
  if (stryMutAct_9fa48("3523")) {
    {}
  } else {
    stryCov_9fa48("3523");
    return new Exact(series.points[i]!.value).plus(series.offsets[i]!);
  }
}

/** Index of the first time >= t, or times.length. Binary search: O(log n). */
function firstAtOrAfter(times: readonly number[], t: number): number {
  if (stryMutAct_9fa48("3524")) {
    {}
  } else {
    stryCov_9fa48("3524");
    let low = 0;
    let high = times.length;
    while (stryMutAct_9fa48("3527") ? low >= high : stryMutAct_9fa48("3526") ? low <= high : stryMutAct_9fa48("3525") ? false : (stryCov_9fa48("3525", "3526", "3527"), low < high)) {
      if (stryMutAct_9fa48("3528")) {
        {}
      } else {
        stryCov_9fa48("3528");
        const mid = (stryMutAct_9fa48("3529") ? low - high : (stryCov_9fa48("3529"), low + high)) >>> 1;
        if (stryMutAct_9fa48("3533") ? times[mid]! >= t : stryMutAct_9fa48("3532") ? times[mid]! <= t : stryMutAct_9fa48("3531") ? false : stryMutAct_9fa48("3530") ? true : (stryCov_9fa48("3530", "3531", "3532", "3533"), times[mid]! < t)) low = stryMutAct_9fa48("3534") ? mid - 1 : (stryCov_9fa48("3534"), mid + 1);else high = mid;
      }
    }
    return low;
  }
}

/** Index of the last time <= t, or -1. */
function lastAtOrBefore(times: readonly number[], t: number): number {
  if (stryMutAct_9fa48("3535")) {
    {}
  } else {
    stryCov_9fa48("3535");
    let low = 0;
    let high = times.length;
    while (stryMutAct_9fa48("3538") ? low >= high : stryMutAct_9fa48("3537") ? low <= high : stryMutAct_9fa48("3536") ? false : (stryCov_9fa48("3536", "3537", "3538"), low < high)) {
      if (stryMutAct_9fa48("3539")) {
        {}
      } else {
        stryCov_9fa48("3539");
        const mid = (stryMutAct_9fa48("3540") ? low - high : (stryCov_9fa48("3540"), low + high)) >>> 1;
        if (stryMutAct_9fa48("3544") ? times[mid]! > t : stryMutAct_9fa48("3543") ? times[mid]! < t : stryMutAct_9fa48("3542") ? false : stryMutAct_9fa48("3541") ? true : (stryCov_9fa48("3541", "3542", "3543", "3544"), times[mid]! <= t)) low = stryMutAct_9fa48("3545") ? mid - 1 : (stryCov_9fa48("3545"), mid + 1);else high = mid;
      }
    }
    return stryMutAct_9fa48("3546") ? low + 1 : (stryCov_9fa48("3546"), low - 1);
  }
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
  if (stryMutAct_9fa48("3547")) {
    {}
  } else {
    stryCov_9fa48("3547");
    const {
      times
    } = series;
    const next = firstAtOrAfter(times, t);
    if (stryMutAct_9fa48("3550") ? next < times.length || times[next] === t : stryMutAct_9fa48("3549") ? false : stryMutAct_9fa48("3548") ? true : (stryCov_9fa48("3548", "3549", "3550"), (stryMutAct_9fa48("3553") ? next >= times.length : stryMutAct_9fa48("3552") ? next <= times.length : stryMutAct_9fa48("3551") ? true : (stryCov_9fa48("3551", "3552", "3553"), next < times.length)) && (stryMutAct_9fa48("3555") ? times[next] !== t : stryMutAct_9fa48("3554") ? true : (stryCov_9fa48("3554", "3555"), times[next] === t)))) {
      if (stryMutAct_9fa48("3556")) {
        {}
      } else {
        stryCov_9fa48("3556");
        return stryMutAct_9fa48("3557") ? {} : (stryCov_9fa48("3557"), {
          at: t,
          value: continuousValue(series, next),
          clipped: stryMutAct_9fa48("3558") ? true : (stryCov_9fa48("3558"), false),
          nearReading: stryMutAct_9fa48("3559") ? false : (stryCov_9fa48("3559"), true)
        });
      }
    }
    if (stryMutAct_9fa48("3562") ? next !== 0 : stryMutAct_9fa48("3561") ? false : stryMutAct_9fa48("3560") ? true : (stryCov_9fa48("3560", "3561", "3562"), next === 0)) {
      if (stryMutAct_9fa48("3563")) {
        {}
      } else {
        stryCov_9fa48("3563");
        return stryMutAct_9fa48("3564") ? {} : (stryCov_9fa48("3564"), {
          at: times[0]!,
          value: continuousValue(series, 0),
          clipped: stryMutAct_9fa48("3565") ? false : (stryCov_9fa48("3565"), true),
          nearReading: stryMutAct_9fa48("3566") ? true : (stryCov_9fa48("3566"), false)
        });
      }
    }
    const previous = stryMutAct_9fa48("3567") ? next + 1 : (stryCov_9fa48("3567"), next - 1);
    const before = times[previous]!;
    if (stryMutAct_9fa48("3570") ? next !== times.length : stryMutAct_9fa48("3569") ? false : stryMutAct_9fa48("3568") ? true : (stryCov_9fa48("3568", "3569", "3570"), next === times.length)) {
      if (stryMutAct_9fa48("3571")) {
        {}
      } else {
        stryCov_9fa48("3571");
        return stryMutAct_9fa48("3572") ? {} : (stryCov_9fa48("3572"), {
          at: before,
          value: continuousValue(series, previous),
          clipped: stryMutAct_9fa48("3573") ? false : (stryCov_9fa48("3573"), true),
          nearReading: stryMutAct_9fa48("3574") ? true : (stryCov_9fa48("3574"), false)
        });
      }
    }
    const after = times[next]!;
    const value = interpolate(continuousValue(series, previous), continuousValue(series, next), before, after, t);
    return stryMutAct_9fa48("3575") ? {} : (stryCov_9fa48("3575"), {
      at: t,
      value,
      clipped: stryMutAct_9fa48("3576") ? true : (stryCov_9fa48("3576"), false),
      nearReading: stryMutAct_9fa48("3580") ? Math.min(t - before, after - t) > NEAR_READING_MS : stryMutAct_9fa48("3579") ? Math.min(t - before, after - t) < NEAR_READING_MS : stryMutAct_9fa48("3578") ? false : stryMutAct_9fa48("3577") ? true : (stryCov_9fa48("3577", "3578", "3579", "3580"), (stryMutAct_9fa48("3581") ? Math.max(t - before, after - t) : (stryCov_9fa48("3581"), Math.min(stryMutAct_9fa48("3582") ? t + before : (stryCov_9fa48("3582"), t - before), stryMutAct_9fa48("3583") ? after + t : (stryCov_9fa48("3583"), after - t)))) <= NEAR_READING_MS)
    });
  }
}

/** Linear in time, rounded once: this one value serves both months that meet at t. */
function interpolate(c0: Decimal, c1: Decimal, t0: number, t1: number, t: number): Decimal {
  if (stryMutAct_9fa48("3584")) {
    {}
  } else {
    stryCov_9fa48("3584");
    const share = c1.minus(c0).times(stryMutAct_9fa48("3585") ? t + t0 : (stryCov_9fa48("3585"), t - t0)).div(stryMutAct_9fa48("3586") ? t1 + t0 : (stryCov_9fa48("3586"), t1 - t0));
    return c0.plus(share).toDecimalPlaces(BOUNDARY_SCALE, Decimal.ROUND_HALF_EVEN);
  }
}

/** Whether the readings cover any of [start, end): a month holding a reading is never empty. */
function covers(series: Series, start: number, end: number): boolean {
  if (stryMutAct_9fa48("3587")) {
    {}
  } else {
    stryCov_9fa48("3587");
    const n = series.times.length;
    return stryMutAct_9fa48("3590") ? n > 0 && start < end && end > series.times[0]! || start <= series.times[n - 1]! : stryMutAct_9fa48("3589") ? false : stryMutAct_9fa48("3588") ? true : (stryCov_9fa48("3588", "3589", "3590"), (stryMutAct_9fa48("3592") ? n > 0 && start < end || end > series.times[0]! : stryMutAct_9fa48("3591") ? true : (stryCov_9fa48("3591", "3592"), (stryMutAct_9fa48("3594") ? n > 0 || start < end : stryMutAct_9fa48("3593") ? true : (stryCov_9fa48("3593", "3594"), (stryMutAct_9fa48("3597") ? n <= 0 : stryMutAct_9fa48("3596") ? n >= 0 : stryMutAct_9fa48("3595") ? true : (stryCov_9fa48("3595", "3596", "3597"), n > 0)) && (stryMutAct_9fa48("3600") ? start >= end : stryMutAct_9fa48("3599") ? start <= end : stryMutAct_9fa48("3598") ? true : (stryCov_9fa48("3598", "3599", "3600"), start < end)))) && (stryMutAct_9fa48("3603") ? end <= series.times[0]! : stryMutAct_9fa48("3602") ? end >= series.times[0]! : stryMutAct_9fa48("3601") ? true : (stryCov_9fa48("3601", "3602", "3603"), end > series.times[0]!)))) && (stryMutAct_9fa48("3606") ? start > series.times[n - 1]! : stryMutAct_9fa48("3605") ? start < series.times[n - 1]! : stryMutAct_9fa48("3604") ? true : (stryCov_9fa48("3604", "3605", "3606"), start <= series.times[stryMutAct_9fa48("3607") ? n + 1 : (stryCov_9fa48("3607"), n - 1)]!)));
  }
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
  if (stryMutAct_9fa48("3608")) {
    {}
  } else {
    stryCov_9fa48("3608");
    return stryMutAct_9fa48("3609") ? {} : (stryCov_9fa48("3609"), {
      usage: end.value.minus(start.value),
      coveredMs: stryMutAct_9fa48("3610") ? end.at + start.at : (stryCov_9fa48("3610"), end.at - start.at),
      complete: stryMutAct_9fa48("3613") ? !start.clipped || !end.clipped : stryMutAct_9fa48("3612") ? false : stryMutAct_9fa48("3611") ? true : (stryCov_9fa48("3611", "3612", "3613"), (stryMutAct_9fa48("3614") ? start.clipped : (stryCov_9fa48("3614"), !start.clipped)) && (stryMutAct_9fa48("3615") ? end.clipped : (stryCov_9fa48("3615"), !end.clipped))),
      measured: stryMutAct_9fa48("3618") ? start.nearReading || end.nearReading : stryMutAct_9fa48("3617") ? false : stryMutAct_9fa48("3616") ? true : (stryCov_9fa48("3616", "3617", "3618"), start.nearReading && end.nearReading)
    });
  }
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
export function usageBetween(source: CumulativeSource, points: readonly ReadingPoint[], start: Date, end: Date): IntervalUsage | null {
  if (stryMutAct_9fa48("3619")) {
    {}
  } else {
    stryCov_9fa48("3619");
    const series = buildSeries(source, sortReadingPoints(points));
    const startMs = start.getTime();
    const endMs = end.getTime();
    if (stryMutAct_9fa48("3622") ? false : stryMutAct_9fa48("3621") ? true : stryMutAct_9fa48("3620") ? covers(series, startMs, endMs) : (stryCov_9fa48("3620", "3621", "3622"), !covers(series, startMs, endMs))) return null;
    const from = edgeAt(series, startMs);
    const to = edgeAt(series, endMs);
    const span = spanBetween(from, to);
    return stryMutAct_9fa48("3623") ? {} : (stryCov_9fa48("3623"), {
      usage: canonical(span.usage),
      startValue: canonical(from.value),
      endValue: canonical(to.value),
      coveredStart: new Date(from.at),
      coveredEnd: new Date(to.at),
      coveredDays: days(span.coveredMs),
      complete: span.complete,
      measured: span.measured
    });
  }
}

/** The usage the bot confirms after a reading: C(next) − C(previous), `next` taken after `previous`. */
export function usageSincePrevious(source: CumulativeSource, previous: ReadingPoint, next: ReadingPoint): string {
  if (stryMutAct_9fa48("3624")) {
    {}
  } else {
    stryCov_9fa48("3624");
    const series = buildSeries(source, stryMutAct_9fa48("3625") ? [] : (stryCov_9fa48("3625"), [previous, next]));
    return canonical(continuousValue(series, 1).minus(continuousValue(series, 0)));
  }
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
  if (stryMutAct_9fa48("3626")) {
    {}
  } else {
    stryCov_9fa48("3626");
    const {
      times
    } = series;
    const last = stryMutAct_9fa48("3627") ? times.length + 1 : (stryCov_9fa48("3627"), times.length - 1);
    if (stryMutAct_9fa48("3631") ? last >= 1 : stryMutAct_9fa48("3630") ? last <= 1 : stryMutAct_9fa48("3629") ? false : stryMutAct_9fa48("3628") ? true : (stryCov_9fa48("3628", "3629", "3630", "3631"), last < 1)) return null;
    const lastAt = times[last]!;
    const firstInWindow = firstAtOrAfter(times, stryMutAct_9fa48("3632") ? lastAt + PROJECTION_WINDOW_MS : (stryCov_9fa48("3632"), lastAt - PROJECTION_WINDOW_MS));
    const anchor = (stryMutAct_9fa48("3636") ? times[firstInWindow]! >= lastAt : stryMutAct_9fa48("3635") ? times[firstInWindow]! <= lastAt : stryMutAct_9fa48("3634") ? false : stryMutAct_9fa48("3633") ? true : (stryCov_9fa48("3633", "3634", "3635", "3636"), times[firstInWindow]! < lastAt)) ? firstInWindow : stryMutAct_9fa48("3637") ? firstInWindow + 1 : (stryCov_9fa48("3637"), firstInWindow - 1);
    if (stryMutAct_9fa48("3641") ? anchor >= 0 : stryMutAct_9fa48("3640") ? anchor <= 0 : stryMutAct_9fa48("3639") ? false : stryMutAct_9fa48("3638") ? true : (stryCov_9fa48("3638", "3639", "3640", "3641"), anchor < 0)) return null;
    const ms = stryMutAct_9fa48("3642") ? lastAt + times[anchor]! : (stryCov_9fa48("3642"), lastAt - times[anchor]!);
    // Two readings minutes apart say nothing about a month: no projection from under a day.
    if (stryMutAct_9fa48("3646") ? ms >= MIN_RATE_SPAN_MS : stryMutAct_9fa48("3645") ? ms <= MIN_RATE_SPAN_MS : stryMutAct_9fa48("3644") ? false : stryMutAct_9fa48("3643") ? true : (stryCov_9fa48("3643", "3644", "3645", "3646"), ms < MIN_RATE_SPAN_MS)) return null;
    return stryMutAct_9fa48("3647") ? {} : (stryCov_9fa48("3647"), {
      usage: continuousValue(series, last).minus(continuousValue(series, anchor)),
      ms
    });
  }
}
function project(usage: Decimal, rate: Rate, remainingMs: number): Decimal {
  if (stryMutAct_9fa48("3648")) {
    {}
  } else {
    stryCov_9fa48("3648");
    return usage.plus(rate.usage.times(remainingMs).div(rate.ms)).toDecimalPlaces(BOUNDARY_SCALE, Decimal.ROUND_HALF_EVEN);
  }
}

// ---------------------------------------------------------------------------------------------
// Months

interface MonthGrid {
  /** 'YYYY-MM' of each month (or the label of each period). */
  labels: readonly string[];
  /** Month starts plus the end of the last month (epoch ms): labels.length + 1 entries, or none. */
  bounds: readonly number[];
}
function parseMonth(text: string): {
  year: number;
  month: number;
} {
  if (stryMutAct_9fa48("3649")) {
    {}
  } else {
    stryCov_9fa48("3649");
    const match = (stryMutAct_9fa48("3655") ? /^(\d{4})-(0[1-9]|1[^0-2])$/ : stryMutAct_9fa48("3654") ? /^(\d{4})-(0[^1-9]|1[0-2])$/ : stryMutAct_9fa48("3653") ? /^(\D{4})-(0[1-9]|1[0-2])$/ : stryMutAct_9fa48("3652") ? /^(\d)-(0[1-9]|1[0-2])$/ : stryMutAct_9fa48("3651") ? /^(\d{4})-(0[1-9]|1[0-2])/ : stryMutAct_9fa48("3650") ? /(\d{4})-(0[1-9]|1[0-2])$/ : (stryCov_9fa48("3650", "3651", "3652", "3653", "3654", "3655"), /^(\d{4})-(0[1-9]|1[0-2])$/)).exec(text);
    if (stryMutAct_9fa48("3658") ? false : stryMutAct_9fa48("3657") ? true : stryMutAct_9fa48("3656") ? match : (stryCov_9fa48("3656", "3657", "3658"), !match)) throw new RangeError(stryMutAct_9fa48("3659") ? `` : (stryCov_9fa48("3659"), `Not a month (YYYY-MM): ${JSON.stringify(text)}`));
    return stryMutAct_9fa48("3660") ? {} : (stryCov_9fa48("3660"), {
      year: Number(match[1]),
      month: Number(match[2])
    });
  }
}
function monthStart(timezone: string, year: number, month: number): number {
  if (stryMutAct_9fa48("3661")) {
    {}
  } else {
    stryCov_9fa48("3661");
    const start = DateTime.fromObject(stryMutAct_9fa48("3662") ? {} : (stryCov_9fa48("3662"), {
      year,
      month,
      day: 1
    }), stryMutAct_9fa48("3663") ? {} : (stryCov_9fa48("3663"), {
      zone: timezone
    }));
    if (stryMutAct_9fa48("3666") ? false : stryMutAct_9fa48("3665") ? true : stryMutAct_9fa48("3664") ? start.isValid : (stryCov_9fa48("3664", "3665", "3666"), !start.isValid)) throw new RangeError(stryMutAct_9fa48("3667") ? `` : (stryCov_9fa48("3667"), `Unknown time zone: ${JSON.stringify(timezone)}`));
    return start.toMillis();
  }
}
function monthGrid(timezone: string, from: string, to: string): MonthGrid {
  if (stryMutAct_9fa48("3668")) {
    {}
  } else {
    stryCov_9fa48("3668");
    const first = parseMonth(from);
    const last = parseMonth(to);
    const count = stryMutAct_9fa48("3669") ? (last.year - first.year) * 12 + (last.month - first.month) - 1 : (stryCov_9fa48("3669"), (stryMutAct_9fa48("3670") ? (last.year - first.year) * 12 - (last.month - first.month) : (stryCov_9fa48("3670"), (stryMutAct_9fa48("3671") ? (last.year - first.year) / 12 : (stryCov_9fa48("3671"), (stryMutAct_9fa48("3672") ? last.year + first.year : (stryCov_9fa48("3672"), last.year - first.year)) * 12)) + (stryMutAct_9fa48("3673") ? last.month + first.month : (stryCov_9fa48("3673"), last.month - first.month)))) + 1);
    const labels: string[] = stryMutAct_9fa48("3674") ? ["Stryker was here"] : (stryCov_9fa48("3674"), []);
    const bounds: number[] = stryMutAct_9fa48("3675") ? ["Stryker was here"] : (stryCov_9fa48("3675"), []);
    for (let k = 0; stryMutAct_9fa48("3677") ? k <= count || count > 0 : stryMutAct_9fa48("3676") ? false : (stryCov_9fa48("3676", "3677"), (stryMutAct_9fa48("3680") ? k > count : stryMutAct_9fa48("3679") ? k < count : stryMutAct_9fa48("3678") ? true : (stryCov_9fa48("3678", "3679", "3680"), k <= count)) && (stryMutAct_9fa48("3683") ? count <= 0 : stryMutAct_9fa48("3682") ? count >= 0 : stryMutAct_9fa48("3681") ? true : (stryCov_9fa48("3681", "3682", "3683"), count > 0))); stryMutAct_9fa48("3684") ? k-- : (stryCov_9fa48("3684"), k++)) {
      if (stryMutAct_9fa48("3685")) {
        {}
      } else {
        stryCov_9fa48("3685");
        const index = stryMutAct_9fa48("3686") ? first.month - 1 - k : (stryCov_9fa48("3686"), (stryMutAct_9fa48("3687") ? first.month + 1 : (stryCov_9fa48("3687"), first.month - 1)) + k);
        const year = stryMutAct_9fa48("3688") ? first.year - Math.floor(index / 12) : (stryCov_9fa48("3688"), first.year + Math.floor(stryMutAct_9fa48("3689") ? index * 12 : (stryCov_9fa48("3689"), index / 12)));
        const month = stryMutAct_9fa48("3690") ? index % 12 - 1 : (stryCov_9fa48("3690"), (stryMutAct_9fa48("3691") ? index * 12 : (stryCov_9fa48("3691"), index % 12)) + 1);
        bounds.push(monthStart(timezone, year, month));
        if (stryMutAct_9fa48("3695") ? k >= count : stryMutAct_9fa48("3694") ? k <= count : stryMutAct_9fa48("3693") ? false : stryMutAct_9fa48("3692") ? true : (stryCov_9fa48("3692", "3693", "3694", "3695"), k < count)) labels.push(stryMutAct_9fa48("3696") ? `` : (stryCov_9fa48("3696"), `${year}-${String(month).padStart(2, stryMutAct_9fa48("3697") ? "" : (stryCov_9fa48("3697"), '0'))}`));
      }
    }
    return stryMutAct_9fa48("3698") ? {} : (stryCov_9fa48("3698"), {
      labels,
      bounds
    });
  }
}

/**
 * Instants of local midnight on the 1st of each month from `from` through the month after `to`,
 * in `timezone` (months.length + 1 instants; empty when from > to). Month k is [b[k], b[k+1]).
 */
export function monthBoundaries(timezone: string, from: string, to: string): Date[] {
  if (stryMutAct_9fa48("3699")) {
    {}
  } else {
    stryCov_9fa48("3699");
    return monthGrid(timezone, from, to).bounds.map(stryMutAct_9fa48("3700") ? () => undefined : (stryCov_9fa48("3700"), ms => new Date(ms)));
  }
}

/** Index of the month holding t, or -1 outside the grid. */
function monthIndexOf(bounds: readonly number[], t: number): number {
  if (stryMutAct_9fa48("3701")) {
    {}
  } else {
    stryCov_9fa48("3701");
    const k = lastAtOrBefore(bounds, t);
    return (stryMutAct_9fa48("3704") ? k >= 0 || k < bounds.length - 1 : stryMutAct_9fa48("3703") ? false : stryMutAct_9fa48("3702") ? true : (stryCov_9fa48("3702", "3703", "3704"), (stryMutAct_9fa48("3707") ? k < 0 : stryMutAct_9fa48("3706") ? k > 0 : stryMutAct_9fa48("3705") ? true : (stryCov_9fa48("3705", "3706", "3707"), k >= 0)) && (stryMutAct_9fa48("3710") ? k >= bounds.length - 1 : stryMutAct_9fa48("3709") ? k <= bounds.length - 1 : stryMutAct_9fa48("3708") ? true : (stryCov_9fa48("3708", "3709", "3710"), k < (stryMutAct_9fa48("3711") ? bounds.length + 1 : (stryCov_9fa48("3711"), bounds.length - 1)))))) ? k : stryMutAct_9fa48("3712") ? +1 : (stryCov_9fa48("3712"), -1);
  }
}
function monthFigure(grid: MonthGrid, k: number, status: MonthStatus, usage: Decimal | null, coveredMs: number, projected: Decimal | null = null): MonthUsage {
  if (stryMutAct_9fa48("3713")) {
    {}
  } else {
    stryCov_9fa48("3713");
    return stryMutAct_9fa48("3714") ? {} : (stryCov_9fa48("3714"), {
      month: grid.labels[k]!,
      start: new Date(grid.bounds[k]!),
      end: new Date(grid.bounds[stryMutAct_9fa48("3715") ? k - 1 : (stryCov_9fa48("3715"), k + 1)]!),
      status,
      usage: stryMutAct_9fa48("3718") ? usage || canonical(usage) : stryMutAct_9fa48("3717") ? false : stryMutAct_9fa48("3716") ? true : (stryCov_9fa48("3716", "3717", "3718"), usage && canonical(usage)),
      projected: stryMutAct_9fa48("3721") ? projected || canonical(projected) : stryMutAct_9fa48("3720") ? false : stryMutAct_9fa48("3719") ? true : (stryCov_9fa48("3719", "3720", "3721"), projected && canonical(projected)),
      coveredDays: days(coveredMs),
      // A "daily" average over a few hours would be a wild guess.
      dailyAverage: (stryMutAct_9fa48("3724") ? usage || coveredMs >= MIN_RATE_SPAN_MS : stryMutAct_9fa48("3723") ? false : stryMutAct_9fa48("3722") ? true : (stryCov_9fa48("3722", "3723", "3724"), usage && (stryMutAct_9fa48("3727") ? coveredMs < MIN_RATE_SPAN_MS : stryMutAct_9fa48("3726") ? coveredMs > MIN_RATE_SPAN_MS : stryMutAct_9fa48("3725") ? true : (stryCov_9fa48("3725", "3726", "3727"), coveredMs >= MIN_RATE_SPAN_MS)))) ? canonical(perDay(usage, coveredMs)) : null
    });
  }
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
  if (stryMutAct_9fa48("3728")) {
    {}
  } else {
    stryCov_9fa48("3728");
    const grid = monthGrid(input.source.timezone, input.from, input.to);
    return usageOnGrid(input, grid);
  }
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
  if (stryMutAct_9fa48("3729")) {
    {}
  } else {
    stryCov_9fa48("3729");
    const {
      labels,
      boundaries
    } = input.periods;
    if (stryMutAct_9fa48("3731") ? false : stryMutAct_9fa48("3730") ? true : (stryCov_9fa48("3730", "3731"), (stryMutAct_9fa48("3734") ? labels.length !== 0 : stryMutAct_9fa48("3733") ? false : stryMutAct_9fa48("3732") ? true : (stryCov_9fa48("3732", "3733", "3734"), labels.length === 0)) ? stryMutAct_9fa48("3738") ? boundaries.length <= 1 : stryMutAct_9fa48("3737") ? boundaries.length >= 1 : stryMutAct_9fa48("3736") ? false : stryMutAct_9fa48("3735") ? true : (stryCov_9fa48("3735", "3736", "3737", "3738"), boundaries.length > 1) : stryMutAct_9fa48("3741") ? boundaries.length === labels.length + 1 : stryMutAct_9fa48("3740") ? false : stryMutAct_9fa48("3739") ? true : (stryCov_9fa48("3739", "3740", "3741"), boundaries.length !== (stryMutAct_9fa48("3742") ? labels.length - 1 : (stryCov_9fa48("3742"), labels.length + 1))))) {
      if (stryMutAct_9fa48("3743")) {
        {}
      } else {
        stryCov_9fa48("3743");
        throw new RangeError(stryMutAct_9fa48("3744") ? `` : (stryCov_9fa48("3744"), `A period grid needs one boundary more than labels (${labels.length} labels, ${boundaries.length} boundaries)`));
      }
    }
    const bounds = (stryMutAct_9fa48("3747") ? labels.length !== 0 : stryMutAct_9fa48("3746") ? false : stryMutAct_9fa48("3745") ? true : (stryCov_9fa48("3745", "3746", "3747"), labels.length === 0)) ? stryMutAct_9fa48("3748") ? ["Stryker was here"] : (stryCov_9fa48("3748"), []) : boundaries.map(stryMutAct_9fa48("3749") ? () => undefined : (stryCov_9fa48("3749"), boundary => boundary.getTime()));
    for (let k = 1; stryMutAct_9fa48("3752") ? k >= bounds.length : stryMutAct_9fa48("3751") ? k <= bounds.length : stryMutAct_9fa48("3750") ? false : (stryCov_9fa48("3750", "3751", "3752"), k < bounds.length); stryMutAct_9fa48("3753") ? k-- : (stryCov_9fa48("3753"), k++)) {
      if (stryMutAct_9fa48("3754")) {
        {}
      } else {
        stryCov_9fa48("3754");
        if (stryMutAct_9fa48("3757") ? false : stryMutAct_9fa48("3756") ? true : stryMutAct_9fa48("3755") ? bounds[k]! > bounds[k - 1]! : (stryCov_9fa48("3755", "3756", "3757"), !(stryMutAct_9fa48("3761") ? bounds[k]! <= bounds[k - 1]! : stryMutAct_9fa48("3760") ? bounds[k]! >= bounds[k - 1]! : stryMutAct_9fa48("3759") ? false : stryMutAct_9fa48("3758") ? true : (stryCov_9fa48("3758", "3759", "3760", "3761"), bounds[k]! > bounds[stryMutAct_9fa48("3762") ? k + 1 : (stryCov_9fa48("3762"), k - 1)]!)))) {
          if (stryMutAct_9fa48("3763")) {
            {}
          } else {
            stryCov_9fa48("3763");
            throw new RangeError(stryMutAct_9fa48("3764") ? "" : (stryCov_9fa48("3764"), 'Period boundaries must strictly increase'));
          }
        }
      }
    }
    return usageOnGrid(input, stryMutAct_9fa48("3765") ? {} : (stryCov_9fa48("3765"), {
      labels,
      bounds
    }));
  }
}
function usageOnGrid(input: {
  source: CumulativeSource;
  points: readonly ReadingPoint[];
  now: Date;
}, grid: MonthGrid): MonthUsage[] {
  if (stryMutAct_9fa48("3766")) {
    {}
  } else {
    stryCov_9fa48("3766");
    const series = buildSeries(input.source, sortReadingPoints(input.points));
    const hasReadings = stryMutAct_9fa48("3770") ? series.times.length <= 0 : stryMutAct_9fa48("3769") ? series.times.length >= 0 : stryMutAct_9fa48("3768") ? false : stryMutAct_9fa48("3767") ? true : (stryCov_9fa48("3767", "3768", "3769", "3770"), series.times.length > 0);
    const edges = hasReadings ? grid.bounds.map(stryMutAct_9fa48("3771") ? () => undefined : (stryCov_9fa48("3771"), t => edgeAt(series, t))) : stryMutAct_9fa48("3772") ? ["Stryker was here"] : (stryCov_9fa48("3772"), []);
    const lastAt = stryMutAct_9fa48("3773") ? series.times[series.times.length - 1] && Number.NaN : (stryCov_9fa48("3773"), series.times[stryMutAct_9fa48("3774") ? series.times.length + 1 : (stryCov_9fa48("3774"), series.times.length - 1)] ?? Number.NaN);
    const now = input.now.getTime();
    let rate: Rate | null | undefined;
    return grid.labels.map((_, k) => {
      if (stryMutAct_9fa48("3775")) {
        {}
      } else {
        stryCov_9fa48("3775");
        const start = grid.bounds[k]!;
        const end = grid.bounds[stryMutAct_9fa48("3776") ? k - 1 : (stryCov_9fa48("3776"), k + 1)]!;
        if (stryMutAct_9fa48("3779") ? start > now && !covers(series, start, end) : stryMutAct_9fa48("3778") ? false : stryMutAct_9fa48("3777") ? true : (stryCov_9fa48("3777", "3778", "3779"), (stryMutAct_9fa48("3782") ? start <= now : stryMutAct_9fa48("3781") ? start >= now : stryMutAct_9fa48("3780") ? false : (stryCov_9fa48("3780", "3781", "3782"), start > now)) || (stryMutAct_9fa48("3783") ? covers(series, start, end) : (stryCov_9fa48("3783"), !covers(series, start, end))))) return monthFigure(grid, k, stryMutAct_9fa48("3784") ? "" : (stryCov_9fa48("3784"), 'none'), null, 0);
        const span = spanBetween(edges[k]!, edges[stryMutAct_9fa48("3785") ? k - 1 : (stryCov_9fa48("3785"), k + 1)]!);
        if (stryMutAct_9fa48("3788") ? now < end || lastAt < end : stryMutAct_9fa48("3787") ? false : stryMutAct_9fa48("3786") ? true : (stryCov_9fa48("3786", "3787", "3788"), (stryMutAct_9fa48("3791") ? now >= end : stryMutAct_9fa48("3790") ? now <= end : stryMutAct_9fa48("3789") ? true : (stryCov_9fa48("3789", "3790", "3791"), now < end)) && (stryMutAct_9fa48("3794") ? lastAt >= end : stryMutAct_9fa48("3793") ? lastAt <= end : stryMutAct_9fa48("3792") ? true : (stryCov_9fa48("3792", "3793", "3794"), lastAt < end)))) {
          if (stryMutAct_9fa48("3795")) {
            {}
          } else {
            stryCov_9fa48("3795");
            stryMutAct_9fa48("3796") ? rate &&= recentRate(series) : (stryCov_9fa48("3796"), rate ??= recentRate(series));
            if (stryMutAct_9fa48("3799") ? false : stryMutAct_9fa48("3798") ? true : stryMutAct_9fa48("3797") ? rate : (stryCov_9fa48("3797", "3798", "3799"), !rate)) return monthFigure(grid, k, stryMutAct_9fa48("3800") ? "" : (stryCov_9fa48("3800"), 'partial'), span.usage, span.coveredMs);
            const projected = project(span.usage, rate, stryMutAct_9fa48("3801") ? end + lastAt : (stryCov_9fa48("3801"), end - lastAt));
            return monthFigure(grid, k, stryMutAct_9fa48("3802") ? "" : (stryCov_9fa48("3802"), 'projected'), span.usage, span.coveredMs, projected);
          }
        }
        const status = (stryMutAct_9fa48("3803") ? span.complete : (stryCov_9fa48("3803"), !span.complete)) ? stryMutAct_9fa48("3804") ? "" : (stryCov_9fa48("3804"), 'partial') : span.measured ? stryMutAct_9fa48("3805") ? "" : (stryCov_9fa48("3805"), 'measured') : stryMutAct_9fa48("3806") ? "" : (stryCov_9fa48("3806"), 'interpolated');
        return monthFigure(grid, k, status, span.usage, span.coveredMs);
      }
    });
  }
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
  order: 'taken_at ASC, event rank ASC (replacement_final 0, plain/rollover 1, replacement_initial 2), id ASC',
  always: ['first point', 'last point', 'every point with event IS NOT NULL'],
  perInstant: ['last point with taken_at < t', 'first point with taken_at >= t'],
  instants: ['every month boundary (or interval start/end)', 'last.taken_at - 30 days']
} as const;

/** Pure mirror of boundaryProbeSpec: the subset of `points` the engine needs for `boundaries`. */
export function selectProbePoints(points: readonly ReadingPoint[], boundaries: readonly Date[]): ReadingPoint[] {
  if (stryMutAct_9fa48("3807")) {
    {}
  } else {
    stryCov_9fa48("3807");
    const sorted = sortReadingPoints(points);
    const n = sorted.length;
    if (stryMutAct_9fa48("3810") ? n !== 0 : stryMutAct_9fa48("3809") ? false : stryMutAct_9fa48("3808") ? true : (stryCov_9fa48("3808", "3809", "3810"), n === 0)) return stryMutAct_9fa48("3811") ? ["Stryker was here"] : (stryCov_9fa48("3811"), []);
    const times = sorted.map(stryMutAct_9fa48("3812") ? () => undefined : (stryCov_9fa48("3812"), point => point.takenAt.getTime()));
    const keep = new Uint8Array(n);
    const bracket = (t: number) => {
      if (stryMutAct_9fa48("3813")) {
        {}
      } else {
        stryCov_9fa48("3813");
        const next = firstAtOrAfter(times, t);
        if (stryMutAct_9fa48("3817") ? next <= 0 : stryMutAct_9fa48("3816") ? next >= 0 : stryMutAct_9fa48("3815") ? false : stryMutAct_9fa48("3814") ? true : (stryCov_9fa48("3814", "3815", "3816", "3817"), next > 0)) keep[stryMutAct_9fa48("3818") ? next + 1 : (stryCov_9fa48("3818"), next - 1)] = 1;
        if (stryMutAct_9fa48("3822") ? next >= n : stryMutAct_9fa48("3821") ? next <= n : stryMutAct_9fa48("3820") ? false : stryMutAct_9fa48("3819") ? true : (stryCov_9fa48("3819", "3820", "3821", "3822"), next < n)) keep[next] = 1;
      }
    };
    keep[0] = 1;
    keep[stryMutAct_9fa48("3823") ? n + 1 : (stryCov_9fa48("3823"), n - 1)] = 1;
    sorted.forEach((point, i) => {
      if (stryMutAct_9fa48("3824")) {
        {}
      } else {
        stryCov_9fa48("3824");
        if (stryMutAct_9fa48("3827") ? point.event === null : stryMutAct_9fa48("3826") ? false : stryMutAct_9fa48("3825") ? true : (stryCov_9fa48("3825", "3826", "3827"), point.event !== null)) keep[i] = 1;
      }
    });
    for (const boundary of boundaries) bracket(boundary.getTime());
    bracket(stryMutAct_9fa48("3828") ? times[n - 1]! + PROJECTION_WINDOW_MS : (stryCov_9fa48("3828"), times[stryMutAct_9fa48("3829") ? n + 1 : (stryCov_9fa48("3829"), n - 1)]! - PROJECTION_WINDOW_MS));
    return stryMutAct_9fa48("3830") ? sorted : (stryCov_9fa48("3830"), sorted.filter(stryMutAct_9fa48("3831") ? () => undefined : (stryCov_9fa48("3831"), (_, i) => stryMutAct_9fa48("3834") ? keep[i] !== 1 : stryMutAct_9fa48("3833") ? false : stryMutAct_9fa48("3832") ? true : (stryCov_9fa48("3832", "3833", "3834"), keep[i] === 1))));
  }
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
  if (stryMutAct_9fa48("3835")) {
    {}
  } else {
    stryCov_9fa48("3835");
    const grid = monthGrid(input.timezone, input.from, input.to);
    const months = grid.labels.map(stryMutAct_9fa48("3836") ? () => undefined : (stryCov_9fa48("3836"), () => stryMutAct_9fa48("3837") ? {} : (stryCov_9fa48("3837"), {
      count: 0,
      sum: ZERO,
      min: null as Decimal | null,
      max: null as Decimal | null,
      scale: AVERAGE_SCALE
    })));
    for (const point of input.points) {
      if (stryMutAct_9fa48("3838")) {
        {}
      } else {
        stryCov_9fa48("3838");
        const month = months[monthIndexOf(grid.bounds, point.takenAt.getTime())];
        if (stryMutAct_9fa48("3841") ? false : stryMutAct_9fa48("3840") ? true : stryMutAct_9fa48("3839") ? month : (stryCov_9fa48("3839", "3840", "3841"), !month)) continue;
        const value = new Exact(point.value);
        stryMutAct_9fa48("3842") ? month.count -= 1 : (stryCov_9fa48("3842"), month.count += 1);
        month.sum = month.sum.plus(value);
        if (stryMutAct_9fa48("3845") ? !month.min && value.lt(month.min) : stryMutAct_9fa48("3844") ? false : stryMutAct_9fa48("3843") ? true : (stryCov_9fa48("3843", "3844", "3845"), (stryMutAct_9fa48("3846") ? month.min : (stryCov_9fa48("3846"), !month.min)) || value.lt(month.min))) month.min = value;
        if (stryMutAct_9fa48("3849") ? !month.max && value.gt(month.max) : stryMutAct_9fa48("3848") ? false : stryMutAct_9fa48("3847") ? true : (stryCov_9fa48("3847", "3848", "3849"), (stryMutAct_9fa48("3850") ? month.max : (stryCov_9fa48("3850"), !month.max)) || value.gt(month.max))) month.max = value;
        month.scale = stryMutAct_9fa48("3851") ? Math.min(month.scale, value.decimalPlaces()) : (stryCov_9fa48("3851"), Math.max(month.scale, value.decimalPlaces()));
      }
    }
    return months.map(stryMutAct_9fa48("3852") ? () => undefined : (stryCov_9fa48("3852"), (month, k) => stryMutAct_9fa48("3853") ? {} : (stryCov_9fa48("3853"), {
      month: grid.labels[k]!,
      start: new Date(grid.bounds[k]!),
      end: new Date(grid.bounds[stryMutAct_9fa48("3854") ? k - 1 : (stryCov_9fa48("3854"), k + 1)]!),
      count: month.count,
      average: (stryMutAct_9fa48("3858") ? month.count <= 0 : stryMutAct_9fa48("3857") ? month.count >= 0 : stryMutAct_9fa48("3856") ? false : stryMutAct_9fa48("3855") ? true : (stryCov_9fa48("3855", "3856", "3857", "3858"), month.count > 0)) ? canonical(month.sum.div(month.count).toDecimalPlaces(month.scale, Decimal.ROUND_HALF_EVEN)) : null,
      min: stryMutAct_9fa48("3861") ? month.min || canonical(month.min) : stryMutAct_9fa48("3860") ? false : stryMutAct_9fa48("3859") ? true : (stryCov_9fa48("3859", "3860", "3861"), month.min && canonical(month.min)),
      max: stryMutAct_9fa48("3864") ? month.max || canonical(month.max) : stryMutAct_9fa48("3863") ? false : stryMutAct_9fa48("3862") ? true : (stryCov_9fa48("3862", "3863", "3864"), month.max && canonical(month.max))
    })));
  }
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
  if (stryMutAct_9fa48("3865")) {
    {}
  } else {
    stryCov_9fa48("3865");
    const grid = monthGrid(input.timezone, input.from, input.to);
    const sums = grid.labels.map(stryMutAct_9fa48("3866") ? () => undefined : (stryCov_9fa48("3866"), () => stryMutAct_9fa48("3867") ? {} : (stryCov_9fa48("3867"), {
      count: 0,
      sum: ZERO
    })));
    for (const point of input.points) {
      if (stryMutAct_9fa48("3868")) {
        {}
      } else {
        stryCov_9fa48("3868");
        const month = sums[monthIndexOf(grid.bounds, point.takenAt.getTime())];
        if (stryMutAct_9fa48("3871") ? false : stryMutAct_9fa48("3870") ? true : stryMutAct_9fa48("3869") ? month : (stryCov_9fa48("3869", "3870", "3871"), !month)) continue;
        stryMutAct_9fa48("3872") ? month.count -= 1 : (stryCov_9fa48("3872"), month.count += 1);
        month.sum = month.sum.plus(point.value);
      }
    }
    const now = input.now.getTime();
    return sums.map(({
      count,
      sum
    }, k) => {
      if (stryMutAct_9fa48("3873")) {
        {}
      } else {
        stryCov_9fa48("3873");
        const start = grid.bounds[k]!;
        const end = grid.bounds[stryMutAct_9fa48("3874") ? k - 1 : (stryCov_9fa48("3874"), k + 1)]!;
        if (stryMutAct_9fa48("3877") ? start > now && count === 0 : stryMutAct_9fa48("3876") ? false : stryMutAct_9fa48("3875") ? true : (stryCov_9fa48("3875", "3876", "3877"), (stryMutAct_9fa48("3880") ? start <= now : stryMutAct_9fa48("3879") ? start >= now : stryMutAct_9fa48("3878") ? false : (stryCov_9fa48("3878", "3879", "3880"), start > now)) || (stryMutAct_9fa48("3882") ? count !== 0 : stryMutAct_9fa48("3881") ? false : (stryCov_9fa48("3881", "3882"), count === 0)))) return monthFigure(grid, k, stryMutAct_9fa48("3883") ? "" : (stryCov_9fa48("3883"), 'none'), null, 0);
        if (stryMutAct_9fa48("3887") ? now < end : stryMutAct_9fa48("3886") ? now > end : stryMutAct_9fa48("3885") ? false : stryMutAct_9fa48("3884") ? true : (stryCov_9fa48("3884", "3885", "3886", "3887"), now >= end)) return monthFigure(grid, k, stryMutAct_9fa48("3888") ? "" : (stryCov_9fa48("3888"), 'measured'), sum, stryMutAct_9fa48("3889") ? end + start : (stryCov_9fa48("3889"), end - start));
        const elapsed = stryMutAct_9fa48("3890") ? now + start : (stryCov_9fa48("3890"), now - start);
        const projected = sum.times(stryMutAct_9fa48("3891") ? end + start : (stryCov_9fa48("3891"), end - start)).div(stryMutAct_9fa48("3892") ? Math.min(elapsed, DAY_MS) : (stryCov_9fa48("3892"), Math.max(elapsed, DAY_MS))).toDecimalPlaces(BOUNDARY_SCALE, Decimal.ROUND_HALF_EVEN);
        return monthFigure(grid, k, stryMutAct_9fa48("3893") ? "" : (stryCov_9fa48("3893"), 'partial'), sum, elapsed, projected);
      }
    });
  }
}

// ---------------------------------------------------------------------------------------------
// Formatting

/** Canonical decimal string: plain notation, no trailing zeros, no "-0". */
function canonical(value: Decimal): string {
  if (stryMutAct_9fa48("3894")) {
    {}
  } else {
    stryCov_9fa48("3894");
    return value.isZero() ? stryMutAct_9fa48("3895") ? "" : (stryCov_9fa48("3895"), '0') : value.toFixed();
  }
}
function perDay(usage: Decimal, ms: number): Decimal {
  if (stryMutAct_9fa48("3896")) {
    {}
  } else {
    stryCov_9fa48("3896");
    return usage.times(DAY_MS).div(ms).toDecimalPlaces(AVERAGE_SCALE, Decimal.ROUND_HALF_EVEN);
  }
}

/** Milliseconds as days, to 6 decimals (a display figure, so a number is fine here). */
function days(ms: number): number {
  if (stryMutAct_9fa48("3897")) {
    {}
  } else {
    stryCov_9fa48("3897");
    return stryMutAct_9fa48("3898") ? Math.round(ms / DAY_MS * 1e6) * 1e6 : (stryCov_9fa48("3898"), Math.round(stryMutAct_9fa48("3899") ? ms / DAY_MS / 1e6 : (stryCov_9fa48("3899"), (stryMutAct_9fa48("3900") ? ms * DAY_MS : (stryCov_9fa48("3900"), ms / DAY_MS)) * 1e6)) / 1e6);
  }
}
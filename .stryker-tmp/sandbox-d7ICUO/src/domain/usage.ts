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
export const PROJECTION_WINDOW_MS = stryMutAct_9fa48("1139") ? 30 / DAY_MS : (stryCov_9fa48("1139"), 30 * DAY_MS);
/** The shortest span a rate (daily average, projection) is computed over. */
export const MIN_RATE_SPAN_MS = DAY_MS;

/** Wide enough that sums and differences of readings are exact; rounding is always explicit. */
const Exact = Decimal.clone(stryMutAct_9fa48("1140") ? {} : (stryCov_9fa48("1140"), {
  precision: 80,
  rounding: Decimal.ROUND_HALF_EVEN,
  toExpNeg: stryMutAct_9fa48("1141") ? +80 : (stryCov_9fa48("1141"), -80),
  toExpPos: 80
}));
const ZERO = new Exact(0);

// ---------------------------------------------------------------------------------------------
// Reading order

/** Position of an event among points taken at the same instant. */
export function eventRank(event: RegisterEvent | null): number {
  if (stryMutAct_9fa48("1142")) {
    {}
  } else {
    stryCov_9fa48("1142");
    if (stryMutAct_9fa48("1145") ? event !== 'replacement_final' : stryMutAct_9fa48("1144") ? false : stryMutAct_9fa48("1143") ? true : (stryCov_9fa48("1143", "1144", "1145"), event === (stryMutAct_9fa48("1146") ? "" : (stryCov_9fa48("1146"), 'replacement_final')))) return 0;
    if (stryMutAct_9fa48("1149") ? event !== 'replacement_initial' : stryMutAct_9fa48("1148") ? false : stryMutAct_9fa48("1147") ? true : (stryCov_9fa48("1147", "1148", "1149"), event === (stryMutAct_9fa48("1150") ? "" : (stryCov_9fa48("1150"), 'replacement_initial')))) return 2;
    return 1;
  }
}

/** The engine's reading order: (takenAt, event rank). Ties beyond that keep their input order. */
export function compareReadingPoints(a: ReadingPoint, b: ReadingPoint): number {
  if (stryMutAct_9fa48("1151")) {
    {}
  } else {
    stryCov_9fa48("1151");
    return stryMutAct_9fa48("1154") ? a.takenAt.getTime() - b.takenAt.getTime() && eventRank(a.event) - eventRank(b.event) : stryMutAct_9fa48("1153") ? false : stryMutAct_9fa48("1152") ? true : (stryCov_9fa48("1152", "1153", "1154"), (stryMutAct_9fa48("1155") ? a.takenAt.getTime() + b.takenAt.getTime() : (stryCov_9fa48("1155"), a.takenAt.getTime() - b.takenAt.getTime())) || (stryMutAct_9fa48("1156") ? eventRank(a.event) + eventRank(b.event) : (stryCov_9fa48("1156"), eventRank(a.event) - eventRank(b.event))));
  }
}

/** The points in reading order: the same array when already sorted, else a stably sorted copy. */
export function sortReadingPoints(points: readonly ReadingPoint[]): readonly ReadingPoint[] {
  if (stryMutAct_9fa48("1157")) {
    {}
  } else {
    stryCov_9fa48("1157");
    for (let i = 1; stryMutAct_9fa48("1160") ? i >= points.length : stryMutAct_9fa48("1159") ? i <= points.length : stryMutAct_9fa48("1158") ? false : (stryCov_9fa48("1158", "1159", "1160"), i < points.length); stryMutAct_9fa48("1161") ? i-- : (stryCov_9fa48("1161"), i++)) {
      if (stryMutAct_9fa48("1162")) {
        {}
      } else {
        stryCov_9fa48("1162");
        if (stryMutAct_9fa48("1166") ? compareReadingPoints(points[i - 1]!, points[i]!) <= 0 : stryMutAct_9fa48("1165") ? compareReadingPoints(points[i - 1]!, points[i]!) >= 0 : stryMutAct_9fa48("1164") ? false : stryMutAct_9fa48("1163") ? true : (stryCov_9fa48("1163", "1164", "1165", "1166"), compareReadingPoints(points[stryMutAct_9fa48("1167") ? i + 1 : (stryCov_9fa48("1167"), i - 1)]!, points[i]!) > 0)) {
          if (stryMutAct_9fa48("1168")) {
            {}
          } else {
            stryCov_9fa48("1168");
            return stryMutAct_9fa48("1169") ? [...points] : (stryCov_9fa48("1169"), (stryMutAct_9fa48("1170") ? [] : (stryCov_9fa48("1170"), [...points])).sort(compareReadingPoints));
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
  if (stryMutAct_9fa48("1171")) {
    {}
  } else {
    stryCov_9fa48("1171");
    if (stryMutAct_9fa48("1174") ? (digits === null || !Number.isInteger(digits)) && digits <= 0 : stryMutAct_9fa48("1173") ? false : stryMutAct_9fa48("1172") ? true : (stryCov_9fa48("1172", "1173", "1174"), (stryMutAct_9fa48("1176") ? digits === null && !Number.isInteger(digits) : stryMutAct_9fa48("1175") ? false : (stryCov_9fa48("1175", "1176"), (stryMutAct_9fa48("1178") ? digits !== null : stryMutAct_9fa48("1177") ? false : (stryCov_9fa48("1177", "1178"), digits === null)) || (stryMutAct_9fa48("1179") ? Number.isInteger(digits) : (stryCov_9fa48("1179"), !Number.isInteger(digits))))) || (stryMutAct_9fa48("1182") ? digits > 0 : stryMutAct_9fa48("1181") ? digits < 0 : stryMutAct_9fa48("1180") ? false : (stryCov_9fa48("1180", "1181", "1182"), digits <= 0)))) return null;
    return new Exact(10).pow(digits);
  }
}

/** One O(n) pass; decimals are parsed only at event points (the rest lazily, on demand). */
function buildSeries(source: CumulativeSource, sorted: readonly ReadingPoint[]): Series {
  if (stryMutAct_9fa48("1183")) {
    {}
  } else {
    stryCov_9fa48("1183");
    const modulus = rolloverModulus(source.digits);
    const times = stryMutAct_9fa48("1184") ? new Array() : (stryCov_9fa48("1184"), new Array<number>(sorted.length));
    const offsets = stryMutAct_9fa48("1185") ? new Array() : (stryCov_9fa48("1185"), new Array<Decimal>(sorted.length));
    let offset = ZERO;
    let pendingFinal: Decimal | null = null;
    sorted.forEach((point, i) => {
      if (stryMutAct_9fa48("1186")) {
        {}
      } else {
        stryCov_9fa48("1186");
        times[i] = point.takenAt.getTime();
        if (stryMutAct_9fa48("1189") ? point.event === 'rollover' || modulus : stryMutAct_9fa48("1188") ? false : stryMutAct_9fa48("1187") ? true : (stryCov_9fa48("1187", "1188", "1189"), (stryMutAct_9fa48("1191") ? point.event !== 'rollover' : stryMutAct_9fa48("1190") ? true : (stryCov_9fa48("1190", "1191"), point.event === (stryMutAct_9fa48("1192") ? "" : (stryCov_9fa48("1192"), 'rollover')))) && modulus)) {
          if (stryMutAct_9fa48("1193")) {
            {}
          } else {
            stryCov_9fa48("1193");
            offset = offset.plus(modulus);
          }
        } else if (stryMutAct_9fa48("1196") ? point.event !== 'replacement_final' : stryMutAct_9fa48("1195") ? false : stryMutAct_9fa48("1194") ? true : (stryCov_9fa48("1194", "1195", "1196"), point.event === (stryMutAct_9fa48("1197") ? "" : (stryCov_9fa48("1197"), 'replacement_final')))) {
          if (stryMutAct_9fa48("1198")) {
            {}
          } else {
            stryCov_9fa48("1198");
            pendingFinal = new Exact(point.value).plus(offset);
          }
        } else if (stryMutAct_9fa48("1201") ? point.event === 'replacement_initial' || pendingFinal : stryMutAct_9fa48("1200") ? false : stryMutAct_9fa48("1199") ? true : (stryCov_9fa48("1199", "1200", "1201"), (stryMutAct_9fa48("1203") ? point.event !== 'replacement_initial' : stryMutAct_9fa48("1202") ? true : (stryCov_9fa48("1202", "1203"), point.event === (stryMutAct_9fa48("1204") ? "" : (stryCov_9fa48("1204"), 'replacement_initial')))) && pendingFinal)) {
          if (stryMutAct_9fa48("1205")) {
            {}
          } else {
            stryCov_9fa48("1205");
            offset = pendingFinal.minus(point.value);
            pendingFinal = null;
          }
        }
        offsets[i] = offset;
      }
    });
    return stryMutAct_9fa48("1206") ? {} : (stryCov_9fa48("1206"), {
      points: sorted,
      times,
      offsets
    });
  }
}
function continuousValue(series: Series, i: number): Decimal {
  if (stryMutAct_9fa48("1207")) {
    {}
  } else {
    stryCov_9fa48("1207");
    return new Exact(series.points[i]!.value).plus(series.offsets[i]!);
  }
}

/** Index of the first time >= t, or times.length. Binary search: O(log n). */
function firstAtOrAfter(times: readonly number[], t: number): number {
  if (stryMutAct_9fa48("1208")) {
    {}
  } else {
    stryCov_9fa48("1208");
    let low = 0;
    let high = times.length;
    while (stryMutAct_9fa48("1211") ? low >= high : stryMutAct_9fa48("1210") ? low <= high : stryMutAct_9fa48("1209") ? false : (stryCov_9fa48("1209", "1210", "1211"), low < high)) {
      if (stryMutAct_9fa48("1212")) {
        {}
      } else {
        stryCov_9fa48("1212");
        const mid = (stryMutAct_9fa48("1213") ? low - high : (stryCov_9fa48("1213"), low + high)) >>> 1;
        if (stryMutAct_9fa48("1217") ? times[mid]! >= t : stryMutAct_9fa48("1216") ? times[mid]! <= t : stryMutAct_9fa48("1215") ? false : stryMutAct_9fa48("1214") ? true : (stryCov_9fa48("1214", "1215", "1216", "1217"), times[mid]! < t)) low = stryMutAct_9fa48("1218") ? mid - 1 : (stryCov_9fa48("1218"), mid + 1);else high = mid;
      }
    }
    return low;
  }
}

/** Index of the last time <= t, or -1. */
function lastAtOrBefore(times: readonly number[], t: number): number {
  if (stryMutAct_9fa48("1219")) {
    {}
  } else {
    stryCov_9fa48("1219");
    let low = 0;
    let high = times.length;
    while (stryMutAct_9fa48("1222") ? low >= high : stryMutAct_9fa48("1221") ? low <= high : stryMutAct_9fa48("1220") ? false : (stryCov_9fa48("1220", "1221", "1222"), low < high)) {
      if (stryMutAct_9fa48("1223")) {
        {}
      } else {
        stryCov_9fa48("1223");
        const mid = (stryMutAct_9fa48("1224") ? low - high : (stryCov_9fa48("1224"), low + high)) >>> 1;
        if (stryMutAct_9fa48("1228") ? times[mid]! > t : stryMutAct_9fa48("1227") ? times[mid]! < t : stryMutAct_9fa48("1226") ? false : stryMutAct_9fa48("1225") ? true : (stryCov_9fa48("1225", "1226", "1227", "1228"), times[mid]! <= t)) low = stryMutAct_9fa48("1229") ? mid - 1 : (stryCov_9fa48("1229"), mid + 1);else high = mid;
      }
    }
    return stryMutAct_9fa48("1230") ? low + 1 : (stryCov_9fa48("1230"), low - 1);
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
  if (stryMutAct_9fa48("1231")) {
    {}
  } else {
    stryCov_9fa48("1231");
    const {
      times
    } = series;
    const next = firstAtOrAfter(times, t);
    if (stryMutAct_9fa48("1234") ? next < times.length || times[next] === t : stryMutAct_9fa48("1233") ? false : stryMutAct_9fa48("1232") ? true : (stryCov_9fa48("1232", "1233", "1234"), (stryMutAct_9fa48("1237") ? next >= times.length : stryMutAct_9fa48("1236") ? next <= times.length : stryMutAct_9fa48("1235") ? true : (stryCov_9fa48("1235", "1236", "1237"), next < times.length)) && (stryMutAct_9fa48("1239") ? times[next] !== t : stryMutAct_9fa48("1238") ? true : (stryCov_9fa48("1238", "1239"), times[next] === t)))) {
      if (stryMutAct_9fa48("1240")) {
        {}
      } else {
        stryCov_9fa48("1240");
        return stryMutAct_9fa48("1241") ? {} : (stryCov_9fa48("1241"), {
          at: t,
          value: continuousValue(series, next),
          clipped: stryMutAct_9fa48("1242") ? true : (stryCov_9fa48("1242"), false),
          nearReading: stryMutAct_9fa48("1243") ? false : (stryCov_9fa48("1243"), true)
        });
      }
    }
    if (stryMutAct_9fa48("1246") ? next !== 0 : stryMutAct_9fa48("1245") ? false : stryMutAct_9fa48("1244") ? true : (stryCov_9fa48("1244", "1245", "1246"), next === 0)) {
      if (stryMutAct_9fa48("1247")) {
        {}
      } else {
        stryCov_9fa48("1247");
        return stryMutAct_9fa48("1248") ? {} : (stryCov_9fa48("1248"), {
          at: times[0]!,
          value: continuousValue(series, 0),
          clipped: stryMutAct_9fa48("1249") ? false : (stryCov_9fa48("1249"), true),
          nearReading: stryMutAct_9fa48("1250") ? true : (stryCov_9fa48("1250"), false)
        });
      }
    }
    const previous = stryMutAct_9fa48("1251") ? next + 1 : (stryCov_9fa48("1251"), next - 1);
    const before = times[previous]!;
    if (stryMutAct_9fa48("1254") ? next !== times.length : stryMutAct_9fa48("1253") ? false : stryMutAct_9fa48("1252") ? true : (stryCov_9fa48("1252", "1253", "1254"), next === times.length)) {
      if (stryMutAct_9fa48("1255")) {
        {}
      } else {
        stryCov_9fa48("1255");
        return stryMutAct_9fa48("1256") ? {} : (stryCov_9fa48("1256"), {
          at: before,
          value: continuousValue(series, previous),
          clipped: stryMutAct_9fa48("1257") ? false : (stryCov_9fa48("1257"), true),
          nearReading: stryMutAct_9fa48("1258") ? true : (stryCov_9fa48("1258"), false)
        });
      }
    }
    const after = times[next]!;
    const value = interpolate(continuousValue(series, previous), continuousValue(series, next), before, after, t);
    return stryMutAct_9fa48("1259") ? {} : (stryCov_9fa48("1259"), {
      at: t,
      value,
      clipped: stryMutAct_9fa48("1260") ? true : (stryCov_9fa48("1260"), false),
      nearReading: stryMutAct_9fa48("1264") ? Math.min(t - before, after - t) > NEAR_READING_MS : stryMutAct_9fa48("1263") ? Math.min(t - before, after - t) < NEAR_READING_MS : stryMutAct_9fa48("1262") ? false : stryMutAct_9fa48("1261") ? true : (stryCov_9fa48("1261", "1262", "1263", "1264"), (stryMutAct_9fa48("1265") ? Math.max(t - before, after - t) : (stryCov_9fa48("1265"), Math.min(stryMutAct_9fa48("1266") ? t + before : (stryCov_9fa48("1266"), t - before), stryMutAct_9fa48("1267") ? after + t : (stryCov_9fa48("1267"), after - t)))) <= NEAR_READING_MS)
    });
  }
}

/** Linear in time, rounded once: this one value serves both months that meet at t. */
function interpolate(c0: Decimal, c1: Decimal, t0: number, t1: number, t: number): Decimal {
  if (stryMutAct_9fa48("1268")) {
    {}
  } else {
    stryCov_9fa48("1268");
    const share = c1.minus(c0).times(stryMutAct_9fa48("1269") ? t + t0 : (stryCov_9fa48("1269"), t - t0)).div(stryMutAct_9fa48("1270") ? t1 + t0 : (stryCov_9fa48("1270"), t1 - t0));
    return c0.plus(share).toDecimalPlaces(BOUNDARY_SCALE, Decimal.ROUND_HALF_EVEN);
  }
}

/** Whether the readings cover any of [start, end): a month holding a reading is never empty. */
function covers(series: Series, start: number, end: number): boolean {
  if (stryMutAct_9fa48("1271")) {
    {}
  } else {
    stryCov_9fa48("1271");
    const n = series.times.length;
    return stryMutAct_9fa48("1274") ? n > 0 && start < end && end > series.times[0]! || start <= series.times[n - 1]! : stryMutAct_9fa48("1273") ? false : stryMutAct_9fa48("1272") ? true : (stryCov_9fa48("1272", "1273", "1274"), (stryMutAct_9fa48("1276") ? n > 0 && start < end || end > series.times[0]! : stryMutAct_9fa48("1275") ? true : (stryCov_9fa48("1275", "1276"), (stryMutAct_9fa48("1278") ? n > 0 || start < end : stryMutAct_9fa48("1277") ? true : (stryCov_9fa48("1277", "1278"), (stryMutAct_9fa48("1281") ? n <= 0 : stryMutAct_9fa48("1280") ? n >= 0 : stryMutAct_9fa48("1279") ? true : (stryCov_9fa48("1279", "1280", "1281"), n > 0)) && (stryMutAct_9fa48("1284") ? start >= end : stryMutAct_9fa48("1283") ? start <= end : stryMutAct_9fa48("1282") ? true : (stryCov_9fa48("1282", "1283", "1284"), start < end)))) && (stryMutAct_9fa48("1287") ? end <= series.times[0]! : stryMutAct_9fa48("1286") ? end >= series.times[0]! : stryMutAct_9fa48("1285") ? true : (stryCov_9fa48("1285", "1286", "1287"), end > series.times[0]!)))) && (stryMutAct_9fa48("1290") ? start > series.times[n - 1]! : stryMutAct_9fa48("1289") ? start < series.times[n - 1]! : stryMutAct_9fa48("1288") ? true : (stryCov_9fa48("1288", "1289", "1290"), start <= series.times[stryMutAct_9fa48("1291") ? n + 1 : (stryCov_9fa48("1291"), n - 1)]!)));
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
  if (stryMutAct_9fa48("1292")) {
    {}
  } else {
    stryCov_9fa48("1292");
    return stryMutAct_9fa48("1293") ? {} : (stryCov_9fa48("1293"), {
      usage: end.value.minus(start.value),
      coveredMs: stryMutAct_9fa48("1294") ? end.at + start.at : (stryCov_9fa48("1294"), end.at - start.at),
      complete: stryMutAct_9fa48("1297") ? !start.clipped || !end.clipped : stryMutAct_9fa48("1296") ? false : stryMutAct_9fa48("1295") ? true : (stryCov_9fa48("1295", "1296", "1297"), (stryMutAct_9fa48("1298") ? start.clipped : (stryCov_9fa48("1298"), !start.clipped)) && (stryMutAct_9fa48("1299") ? end.clipped : (stryCov_9fa48("1299"), !end.clipped))),
      measured: stryMutAct_9fa48("1302") ? start.nearReading || end.nearReading : stryMutAct_9fa48("1301") ? false : stryMutAct_9fa48("1300") ? true : (stryCov_9fa48("1300", "1301", "1302"), start.nearReading && end.nearReading)
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
  if (stryMutAct_9fa48("1303")) {
    {}
  } else {
    stryCov_9fa48("1303");
    const series = buildSeries(source, sortReadingPoints(points));
    const startMs = start.getTime();
    const endMs = end.getTime();
    if (stryMutAct_9fa48("1306") ? false : stryMutAct_9fa48("1305") ? true : stryMutAct_9fa48("1304") ? covers(series, startMs, endMs) : (stryCov_9fa48("1304", "1305", "1306"), !covers(series, startMs, endMs))) return null;
    const from = edgeAt(series, startMs);
    const to = edgeAt(series, endMs);
    const span = spanBetween(from, to);
    return stryMutAct_9fa48("1307") ? {} : (stryCov_9fa48("1307"), {
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
  if (stryMutAct_9fa48("1308")) {
    {}
  } else {
    stryCov_9fa48("1308");
    const series = buildSeries(source, stryMutAct_9fa48("1309") ? [] : (stryCov_9fa48("1309"), [previous, next]));
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
  if (stryMutAct_9fa48("1310")) {
    {}
  } else {
    stryCov_9fa48("1310");
    const {
      times
    } = series;
    const last = stryMutAct_9fa48("1311") ? times.length + 1 : (stryCov_9fa48("1311"), times.length - 1);
    if (stryMutAct_9fa48("1315") ? last >= 1 : stryMutAct_9fa48("1314") ? last <= 1 : stryMutAct_9fa48("1313") ? false : stryMutAct_9fa48("1312") ? true : (stryCov_9fa48("1312", "1313", "1314", "1315"), last < 1)) return null;
    const lastAt = times[last]!;
    const firstInWindow = firstAtOrAfter(times, stryMutAct_9fa48("1316") ? lastAt + PROJECTION_WINDOW_MS : (stryCov_9fa48("1316"), lastAt - PROJECTION_WINDOW_MS));
    const anchor = (stryMutAct_9fa48("1320") ? times[firstInWindow]! >= lastAt : stryMutAct_9fa48("1319") ? times[firstInWindow]! <= lastAt : stryMutAct_9fa48("1318") ? false : stryMutAct_9fa48("1317") ? true : (stryCov_9fa48("1317", "1318", "1319", "1320"), times[firstInWindow]! < lastAt)) ? firstInWindow : stryMutAct_9fa48("1321") ? firstInWindow + 1 : (stryCov_9fa48("1321"), firstInWindow - 1);
    if (stryMutAct_9fa48("1325") ? anchor >= 0 : stryMutAct_9fa48("1324") ? anchor <= 0 : stryMutAct_9fa48("1323") ? false : stryMutAct_9fa48("1322") ? true : (stryCov_9fa48("1322", "1323", "1324", "1325"), anchor < 0)) return null;
    const ms = stryMutAct_9fa48("1326") ? lastAt + times[anchor]! : (stryCov_9fa48("1326"), lastAt - times[anchor]!);
    // Two readings minutes apart say nothing about a month: no projection from under a day.
    if (stryMutAct_9fa48("1330") ? ms >= MIN_RATE_SPAN_MS : stryMutAct_9fa48("1329") ? ms <= MIN_RATE_SPAN_MS : stryMutAct_9fa48("1328") ? false : stryMutAct_9fa48("1327") ? true : (stryCov_9fa48("1327", "1328", "1329", "1330"), ms < MIN_RATE_SPAN_MS)) return null;
    return stryMutAct_9fa48("1331") ? {} : (stryCov_9fa48("1331"), {
      usage: continuousValue(series, last).minus(continuousValue(series, anchor)),
      ms
    });
  }
}
function project(usage: Decimal, rate: Rate, remainingMs: number): Decimal {
  if (stryMutAct_9fa48("1332")) {
    {}
  } else {
    stryCov_9fa48("1332");
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
  if (stryMutAct_9fa48("1333")) {
    {}
  } else {
    stryCov_9fa48("1333");
    const match = (stryMutAct_9fa48("1339") ? /^(\d{4})-(0[1-9]|1[^0-2])$/ : stryMutAct_9fa48("1338") ? /^(\d{4})-(0[^1-9]|1[0-2])$/ : stryMutAct_9fa48("1337") ? /^(\D{4})-(0[1-9]|1[0-2])$/ : stryMutAct_9fa48("1336") ? /^(\d)-(0[1-9]|1[0-2])$/ : stryMutAct_9fa48("1335") ? /^(\d{4})-(0[1-9]|1[0-2])/ : stryMutAct_9fa48("1334") ? /(\d{4})-(0[1-9]|1[0-2])$/ : (stryCov_9fa48("1334", "1335", "1336", "1337", "1338", "1339"), /^(\d{4})-(0[1-9]|1[0-2])$/)).exec(text);
    if (stryMutAct_9fa48("1342") ? false : stryMutAct_9fa48("1341") ? true : stryMutAct_9fa48("1340") ? match : (stryCov_9fa48("1340", "1341", "1342"), !match)) throw new RangeError(stryMutAct_9fa48("1343") ? `` : (stryCov_9fa48("1343"), `Not a month (YYYY-MM): ${JSON.stringify(text)}`));
    return stryMutAct_9fa48("1344") ? {} : (stryCov_9fa48("1344"), {
      year: Number(match[1]),
      month: Number(match[2])
    });
  }
}
function monthStart(timezone: string, year: number, month: number): number {
  if (stryMutAct_9fa48("1345")) {
    {}
  } else {
    stryCov_9fa48("1345");
    const start = DateTime.fromObject(stryMutAct_9fa48("1346") ? {} : (stryCov_9fa48("1346"), {
      year,
      month,
      day: 1
    }), stryMutAct_9fa48("1347") ? {} : (stryCov_9fa48("1347"), {
      zone: timezone
    }));
    if (stryMutAct_9fa48("1350") ? false : stryMutAct_9fa48("1349") ? true : stryMutAct_9fa48("1348") ? start.isValid : (stryCov_9fa48("1348", "1349", "1350"), !start.isValid)) throw new RangeError(stryMutAct_9fa48("1351") ? `` : (stryCov_9fa48("1351"), `Unknown time zone: ${JSON.stringify(timezone)}`));
    return start.toMillis();
  }
}
function monthGrid(timezone: string, from: string, to: string): MonthGrid {
  if (stryMutAct_9fa48("1352")) {
    {}
  } else {
    stryCov_9fa48("1352");
    const first = parseMonth(from);
    const last = parseMonth(to);
    const count = stryMutAct_9fa48("1353") ? (last.year - first.year) * 12 + (last.month - first.month) - 1 : (stryCov_9fa48("1353"), (stryMutAct_9fa48("1354") ? (last.year - first.year) * 12 - (last.month - first.month) : (stryCov_9fa48("1354"), (stryMutAct_9fa48("1355") ? (last.year - first.year) / 12 : (stryCov_9fa48("1355"), (stryMutAct_9fa48("1356") ? last.year + first.year : (stryCov_9fa48("1356"), last.year - first.year)) * 12)) + (stryMutAct_9fa48("1357") ? last.month + first.month : (stryCov_9fa48("1357"), last.month - first.month)))) + 1);
    const labels: string[] = stryMutAct_9fa48("1358") ? ["Stryker was here"] : (stryCov_9fa48("1358"), []);
    const bounds: number[] = stryMutAct_9fa48("1359") ? ["Stryker was here"] : (stryCov_9fa48("1359"), []);
    for (let k = 0; stryMutAct_9fa48("1361") ? k <= count || count > 0 : stryMutAct_9fa48("1360") ? false : (stryCov_9fa48("1360", "1361"), (stryMutAct_9fa48("1364") ? k > count : stryMutAct_9fa48("1363") ? k < count : stryMutAct_9fa48("1362") ? true : (stryCov_9fa48("1362", "1363", "1364"), k <= count)) && (stryMutAct_9fa48("1367") ? count <= 0 : stryMutAct_9fa48("1366") ? count >= 0 : stryMutAct_9fa48("1365") ? true : (stryCov_9fa48("1365", "1366", "1367"), count > 0))); stryMutAct_9fa48("1368") ? k-- : (stryCov_9fa48("1368"), k++)) {
      if (stryMutAct_9fa48("1369")) {
        {}
      } else {
        stryCov_9fa48("1369");
        const index = stryMutAct_9fa48("1370") ? first.month - 1 - k : (stryCov_9fa48("1370"), (stryMutAct_9fa48("1371") ? first.month + 1 : (stryCov_9fa48("1371"), first.month - 1)) + k);
        const year = stryMutAct_9fa48("1372") ? first.year - Math.floor(index / 12) : (stryCov_9fa48("1372"), first.year + Math.floor(stryMutAct_9fa48("1373") ? index * 12 : (stryCov_9fa48("1373"), index / 12)));
        const month = stryMutAct_9fa48("1374") ? index % 12 - 1 : (stryCov_9fa48("1374"), (stryMutAct_9fa48("1375") ? index * 12 : (stryCov_9fa48("1375"), index % 12)) + 1);
        bounds.push(monthStart(timezone, year, month));
        if (stryMutAct_9fa48("1379") ? k >= count : stryMutAct_9fa48("1378") ? k <= count : stryMutAct_9fa48("1377") ? false : stryMutAct_9fa48("1376") ? true : (stryCov_9fa48("1376", "1377", "1378", "1379"), k < count)) labels.push(stryMutAct_9fa48("1380") ? `` : (stryCov_9fa48("1380"), `${year}-${String(month).padStart(2, stryMutAct_9fa48("1381") ? "" : (stryCov_9fa48("1381"), '0'))}`));
      }
    }
    return stryMutAct_9fa48("1382") ? {} : (stryCov_9fa48("1382"), {
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
  if (stryMutAct_9fa48("1383")) {
    {}
  } else {
    stryCov_9fa48("1383");
    return monthGrid(timezone, from, to).bounds.map(stryMutAct_9fa48("1384") ? () => undefined : (stryCov_9fa48("1384"), ms => new Date(ms)));
  }
}

/** Index of the month holding t, or -1 outside the grid. */
function monthIndexOf(bounds: readonly number[], t: number): number {
  if (stryMutAct_9fa48("1385")) {
    {}
  } else {
    stryCov_9fa48("1385");
    const k = lastAtOrBefore(bounds, t);
    return (stryMutAct_9fa48("1388") ? k >= 0 || k < bounds.length - 1 : stryMutAct_9fa48("1387") ? false : stryMutAct_9fa48("1386") ? true : (stryCov_9fa48("1386", "1387", "1388"), (stryMutAct_9fa48("1391") ? k < 0 : stryMutAct_9fa48("1390") ? k > 0 : stryMutAct_9fa48("1389") ? true : (stryCov_9fa48("1389", "1390", "1391"), k >= 0)) && (stryMutAct_9fa48("1394") ? k >= bounds.length - 1 : stryMutAct_9fa48("1393") ? k <= bounds.length - 1 : stryMutAct_9fa48("1392") ? true : (stryCov_9fa48("1392", "1393", "1394"), k < (stryMutAct_9fa48("1395") ? bounds.length + 1 : (stryCov_9fa48("1395"), bounds.length - 1)))))) ? k : stryMutAct_9fa48("1396") ? +1 : (stryCov_9fa48("1396"), -1);
  }
}
function monthFigure(grid: MonthGrid, k: number, status: MonthStatus, usage: Decimal | null, coveredMs: number, projected: Decimal | null = null): MonthUsage {
  if (stryMutAct_9fa48("1397")) {
    {}
  } else {
    stryCov_9fa48("1397");
    return stryMutAct_9fa48("1398") ? {} : (stryCov_9fa48("1398"), {
      month: grid.labels[k]!,
      start: new Date(grid.bounds[k]!),
      end: new Date(grid.bounds[stryMutAct_9fa48("1399") ? k - 1 : (stryCov_9fa48("1399"), k + 1)]!),
      status,
      usage: stryMutAct_9fa48("1402") ? usage || canonical(usage) : stryMutAct_9fa48("1401") ? false : stryMutAct_9fa48("1400") ? true : (stryCov_9fa48("1400", "1401", "1402"), usage && canonical(usage)),
      projected: stryMutAct_9fa48("1405") ? projected || canonical(projected) : stryMutAct_9fa48("1404") ? false : stryMutAct_9fa48("1403") ? true : (stryCov_9fa48("1403", "1404", "1405"), projected && canonical(projected)),
      coveredDays: days(coveredMs),
      // A "daily" average over a few hours would be a wild guess.
      dailyAverage: (stryMutAct_9fa48("1408") ? usage || coveredMs >= MIN_RATE_SPAN_MS : stryMutAct_9fa48("1407") ? false : stryMutAct_9fa48("1406") ? true : (stryCov_9fa48("1406", "1407", "1408"), usage && (stryMutAct_9fa48("1411") ? coveredMs < MIN_RATE_SPAN_MS : stryMutAct_9fa48("1410") ? coveredMs > MIN_RATE_SPAN_MS : stryMutAct_9fa48("1409") ? true : (stryCov_9fa48("1409", "1410", "1411"), coveredMs >= MIN_RATE_SPAN_MS)))) ? canonical(perDay(usage, coveredMs)) : null
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
  if (stryMutAct_9fa48("1412")) {
    {}
  } else {
    stryCov_9fa48("1412");
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
  if (stryMutAct_9fa48("1413")) {
    {}
  } else {
    stryCov_9fa48("1413");
    const {
      labels,
      boundaries
    } = input.periods;
    if (stryMutAct_9fa48("1415") ? false : stryMutAct_9fa48("1414") ? true : (stryCov_9fa48("1414", "1415"), (stryMutAct_9fa48("1418") ? labels.length !== 0 : stryMutAct_9fa48("1417") ? false : stryMutAct_9fa48("1416") ? true : (stryCov_9fa48("1416", "1417", "1418"), labels.length === 0)) ? stryMutAct_9fa48("1422") ? boundaries.length <= 1 : stryMutAct_9fa48("1421") ? boundaries.length >= 1 : stryMutAct_9fa48("1420") ? false : stryMutAct_9fa48("1419") ? true : (stryCov_9fa48("1419", "1420", "1421", "1422"), boundaries.length > 1) : stryMutAct_9fa48("1425") ? boundaries.length === labels.length + 1 : stryMutAct_9fa48("1424") ? false : stryMutAct_9fa48("1423") ? true : (stryCov_9fa48("1423", "1424", "1425"), boundaries.length !== (stryMutAct_9fa48("1426") ? labels.length - 1 : (stryCov_9fa48("1426"), labels.length + 1))))) {
      if (stryMutAct_9fa48("1427")) {
        {}
      } else {
        stryCov_9fa48("1427");
        throw new RangeError(stryMutAct_9fa48("1428") ? `` : (stryCov_9fa48("1428"), `A period grid needs one boundary more than labels (${labels.length} labels, ${boundaries.length} boundaries)`));
      }
    }
    const bounds = (stryMutAct_9fa48("1431") ? labels.length !== 0 : stryMutAct_9fa48("1430") ? false : stryMutAct_9fa48("1429") ? true : (stryCov_9fa48("1429", "1430", "1431"), labels.length === 0)) ? stryMutAct_9fa48("1432") ? ["Stryker was here"] : (stryCov_9fa48("1432"), []) : boundaries.map(stryMutAct_9fa48("1433") ? () => undefined : (stryCov_9fa48("1433"), boundary => boundary.getTime()));
    for (let k = 1; stryMutAct_9fa48("1436") ? k >= bounds.length : stryMutAct_9fa48("1435") ? k <= bounds.length : stryMutAct_9fa48("1434") ? false : (stryCov_9fa48("1434", "1435", "1436"), k < bounds.length); stryMutAct_9fa48("1437") ? k-- : (stryCov_9fa48("1437"), k++)) {
      if (stryMutAct_9fa48("1438")) {
        {}
      } else {
        stryCov_9fa48("1438");
        if (stryMutAct_9fa48("1441") ? false : stryMutAct_9fa48("1440") ? true : stryMutAct_9fa48("1439") ? bounds[k]! > bounds[k - 1]! : (stryCov_9fa48("1439", "1440", "1441"), !(stryMutAct_9fa48("1445") ? bounds[k]! <= bounds[k - 1]! : stryMutAct_9fa48("1444") ? bounds[k]! >= bounds[k - 1]! : stryMutAct_9fa48("1443") ? false : stryMutAct_9fa48("1442") ? true : (stryCov_9fa48("1442", "1443", "1444", "1445"), bounds[k]! > bounds[stryMutAct_9fa48("1446") ? k + 1 : (stryCov_9fa48("1446"), k - 1)]!)))) {
          if (stryMutAct_9fa48("1447")) {
            {}
          } else {
            stryCov_9fa48("1447");
            throw new RangeError(stryMutAct_9fa48("1448") ? "" : (stryCov_9fa48("1448"), 'Period boundaries must strictly increase'));
          }
        }
      }
    }
    return usageOnGrid(input, stryMutAct_9fa48("1449") ? {} : (stryCov_9fa48("1449"), {
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
  if (stryMutAct_9fa48("1450")) {
    {}
  } else {
    stryCov_9fa48("1450");
    const series = buildSeries(input.source, sortReadingPoints(input.points));
    const hasReadings = stryMutAct_9fa48("1454") ? series.times.length <= 0 : stryMutAct_9fa48("1453") ? series.times.length >= 0 : stryMutAct_9fa48("1452") ? false : stryMutAct_9fa48("1451") ? true : (stryCov_9fa48("1451", "1452", "1453", "1454"), series.times.length > 0);
    const edges = hasReadings ? grid.bounds.map(stryMutAct_9fa48("1455") ? () => undefined : (stryCov_9fa48("1455"), t => edgeAt(series, t))) : stryMutAct_9fa48("1456") ? ["Stryker was here"] : (stryCov_9fa48("1456"), []);
    const lastAt = stryMutAct_9fa48("1457") ? series.times[series.times.length - 1] && Number.NaN : (stryCov_9fa48("1457"), series.times[stryMutAct_9fa48("1458") ? series.times.length + 1 : (stryCov_9fa48("1458"), series.times.length - 1)] ?? Number.NaN);
    const now = input.now.getTime();
    let rate: Rate | null | undefined;
    return grid.labels.map((_, k) => {
      if (stryMutAct_9fa48("1459")) {
        {}
      } else {
        stryCov_9fa48("1459");
        const start = grid.bounds[k]!;
        const end = grid.bounds[stryMutAct_9fa48("1460") ? k - 1 : (stryCov_9fa48("1460"), k + 1)]!;
        if (stryMutAct_9fa48("1463") ? start > now && !covers(series, start, end) : stryMutAct_9fa48("1462") ? false : stryMutAct_9fa48("1461") ? true : (stryCov_9fa48("1461", "1462", "1463"), (stryMutAct_9fa48("1466") ? start <= now : stryMutAct_9fa48("1465") ? start >= now : stryMutAct_9fa48("1464") ? false : (stryCov_9fa48("1464", "1465", "1466"), start > now)) || (stryMutAct_9fa48("1467") ? covers(series, start, end) : (stryCov_9fa48("1467"), !covers(series, start, end))))) return monthFigure(grid, k, stryMutAct_9fa48("1468") ? "" : (stryCov_9fa48("1468"), 'none'), null, 0);
        const span = spanBetween(edges[k]!, edges[stryMutAct_9fa48("1469") ? k - 1 : (stryCov_9fa48("1469"), k + 1)]!);
        if (stryMutAct_9fa48("1472") ? now < end || lastAt < end : stryMutAct_9fa48("1471") ? false : stryMutAct_9fa48("1470") ? true : (stryCov_9fa48("1470", "1471", "1472"), (stryMutAct_9fa48("1475") ? now >= end : stryMutAct_9fa48("1474") ? now <= end : stryMutAct_9fa48("1473") ? true : (stryCov_9fa48("1473", "1474", "1475"), now < end)) && (stryMutAct_9fa48("1478") ? lastAt >= end : stryMutAct_9fa48("1477") ? lastAt <= end : stryMutAct_9fa48("1476") ? true : (stryCov_9fa48("1476", "1477", "1478"), lastAt < end)))) {
          if (stryMutAct_9fa48("1479")) {
            {}
          } else {
            stryCov_9fa48("1479");
            stryMutAct_9fa48("1480") ? rate &&= recentRate(series) : (stryCov_9fa48("1480"), rate ??= recentRate(series));
            if (stryMutAct_9fa48("1483") ? false : stryMutAct_9fa48("1482") ? true : stryMutAct_9fa48("1481") ? rate : (stryCov_9fa48("1481", "1482", "1483"), !rate)) return monthFigure(grid, k, stryMutAct_9fa48("1484") ? "" : (stryCov_9fa48("1484"), 'partial'), span.usage, span.coveredMs);
            const projected = project(span.usage, rate, stryMutAct_9fa48("1485") ? end + lastAt : (stryCov_9fa48("1485"), end - lastAt));
            return monthFigure(grid, k, stryMutAct_9fa48("1486") ? "" : (stryCov_9fa48("1486"), 'projected'), span.usage, span.coveredMs, projected);
          }
        }
        const status = (stryMutAct_9fa48("1487") ? span.complete : (stryCov_9fa48("1487"), !span.complete)) ? stryMutAct_9fa48("1488") ? "" : (stryCov_9fa48("1488"), 'partial') : span.measured ? stryMutAct_9fa48("1489") ? "" : (stryCov_9fa48("1489"), 'measured') : stryMutAct_9fa48("1490") ? "" : (stryCov_9fa48("1490"), 'interpolated');
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
  if (stryMutAct_9fa48("1491")) {
    {}
  } else {
    stryCov_9fa48("1491");
    const sorted = sortReadingPoints(points);
    const n = sorted.length;
    if (stryMutAct_9fa48("1494") ? n !== 0 : stryMutAct_9fa48("1493") ? false : stryMutAct_9fa48("1492") ? true : (stryCov_9fa48("1492", "1493", "1494"), n === 0)) return stryMutAct_9fa48("1495") ? ["Stryker was here"] : (stryCov_9fa48("1495"), []);
    const times = sorted.map(stryMutAct_9fa48("1496") ? () => undefined : (stryCov_9fa48("1496"), point => point.takenAt.getTime()));
    const keep = new Uint8Array(n);
    const bracket = (t: number) => {
      if (stryMutAct_9fa48("1497")) {
        {}
      } else {
        stryCov_9fa48("1497");
        const next = firstAtOrAfter(times, t);
        if (stryMutAct_9fa48("1501") ? next <= 0 : stryMutAct_9fa48("1500") ? next >= 0 : stryMutAct_9fa48("1499") ? false : stryMutAct_9fa48("1498") ? true : (stryCov_9fa48("1498", "1499", "1500", "1501"), next > 0)) keep[stryMutAct_9fa48("1502") ? next + 1 : (stryCov_9fa48("1502"), next - 1)] = 1;
        if (stryMutAct_9fa48("1506") ? next >= n : stryMutAct_9fa48("1505") ? next <= n : stryMutAct_9fa48("1504") ? false : stryMutAct_9fa48("1503") ? true : (stryCov_9fa48("1503", "1504", "1505", "1506"), next < n)) keep[next] = 1;
      }
    };
    keep[0] = 1;
    keep[stryMutAct_9fa48("1507") ? n + 1 : (stryCov_9fa48("1507"), n - 1)] = 1;
    sorted.forEach((point, i) => {
      if (stryMutAct_9fa48("1508")) {
        {}
      } else {
        stryCov_9fa48("1508");
        if (stryMutAct_9fa48("1511") ? point.event === null : stryMutAct_9fa48("1510") ? false : stryMutAct_9fa48("1509") ? true : (stryCov_9fa48("1509", "1510", "1511"), point.event !== null)) keep[i] = 1;
      }
    });
    for (const boundary of boundaries) bracket(boundary.getTime());
    bracket(stryMutAct_9fa48("1512") ? times[n - 1]! + PROJECTION_WINDOW_MS : (stryCov_9fa48("1512"), times[stryMutAct_9fa48("1513") ? n + 1 : (stryCov_9fa48("1513"), n - 1)]! - PROJECTION_WINDOW_MS));
    return stryMutAct_9fa48("1514") ? sorted : (stryCov_9fa48("1514"), sorted.filter(stryMutAct_9fa48("1515") ? () => undefined : (stryCov_9fa48("1515"), (_, i) => stryMutAct_9fa48("1518") ? keep[i] !== 1 : stryMutAct_9fa48("1517") ? false : stryMutAct_9fa48("1516") ? true : (stryCov_9fa48("1516", "1517", "1518"), keep[i] === 1))));
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
  if (stryMutAct_9fa48("1519")) {
    {}
  } else {
    stryCov_9fa48("1519");
    const grid = monthGrid(input.timezone, input.from, input.to);
    const months = grid.labels.map(stryMutAct_9fa48("1520") ? () => undefined : (stryCov_9fa48("1520"), () => stryMutAct_9fa48("1521") ? {} : (stryCov_9fa48("1521"), {
      count: 0,
      sum: ZERO,
      min: null as Decimal | null,
      max: null as Decimal | null,
      scale: AVERAGE_SCALE
    })));
    for (const point of input.points) {
      if (stryMutAct_9fa48("1522")) {
        {}
      } else {
        stryCov_9fa48("1522");
        const month = months[monthIndexOf(grid.bounds, point.takenAt.getTime())];
        if (stryMutAct_9fa48("1525") ? false : stryMutAct_9fa48("1524") ? true : stryMutAct_9fa48("1523") ? month : (stryCov_9fa48("1523", "1524", "1525"), !month)) continue;
        const value = new Exact(point.value);
        stryMutAct_9fa48("1526") ? month.count -= 1 : (stryCov_9fa48("1526"), month.count += 1);
        month.sum = month.sum.plus(value);
        if (stryMutAct_9fa48("1529") ? !month.min && value.lt(month.min) : stryMutAct_9fa48("1528") ? false : stryMutAct_9fa48("1527") ? true : (stryCov_9fa48("1527", "1528", "1529"), (stryMutAct_9fa48("1530") ? month.min : (stryCov_9fa48("1530"), !month.min)) || value.lt(month.min))) month.min = value;
        if (stryMutAct_9fa48("1533") ? !month.max && value.gt(month.max) : stryMutAct_9fa48("1532") ? false : stryMutAct_9fa48("1531") ? true : (stryCov_9fa48("1531", "1532", "1533"), (stryMutAct_9fa48("1534") ? month.max : (stryCov_9fa48("1534"), !month.max)) || value.gt(month.max))) month.max = value;
        month.scale = stryMutAct_9fa48("1535") ? Math.min(month.scale, value.decimalPlaces()) : (stryCov_9fa48("1535"), Math.max(month.scale, value.decimalPlaces()));
      }
    }
    return months.map(stryMutAct_9fa48("1536") ? () => undefined : (stryCov_9fa48("1536"), (month, k) => stryMutAct_9fa48("1537") ? {} : (stryCov_9fa48("1537"), {
      month: grid.labels[k]!,
      start: new Date(grid.bounds[k]!),
      end: new Date(grid.bounds[stryMutAct_9fa48("1538") ? k - 1 : (stryCov_9fa48("1538"), k + 1)]!),
      count: month.count,
      average: (stryMutAct_9fa48("1542") ? month.count <= 0 : stryMutAct_9fa48("1541") ? month.count >= 0 : stryMutAct_9fa48("1540") ? false : stryMutAct_9fa48("1539") ? true : (stryCov_9fa48("1539", "1540", "1541", "1542"), month.count > 0)) ? canonical(month.sum.div(month.count).toDecimalPlaces(month.scale, Decimal.ROUND_HALF_EVEN)) : null,
      min: stryMutAct_9fa48("1545") ? month.min || canonical(month.min) : stryMutAct_9fa48("1544") ? false : stryMutAct_9fa48("1543") ? true : (stryCov_9fa48("1543", "1544", "1545"), month.min && canonical(month.min)),
      max: stryMutAct_9fa48("1548") ? month.max || canonical(month.max) : stryMutAct_9fa48("1547") ? false : stryMutAct_9fa48("1546") ? true : (stryCov_9fa48("1546", "1547", "1548"), month.max && canonical(month.max))
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
  if (stryMutAct_9fa48("1549")) {
    {}
  } else {
    stryCov_9fa48("1549");
    const grid = monthGrid(input.timezone, input.from, input.to);
    const sums = grid.labels.map(stryMutAct_9fa48("1550") ? () => undefined : (stryCov_9fa48("1550"), () => stryMutAct_9fa48("1551") ? {} : (stryCov_9fa48("1551"), {
      count: 0,
      sum: ZERO
    })));
    for (const point of input.points) {
      if (stryMutAct_9fa48("1552")) {
        {}
      } else {
        stryCov_9fa48("1552");
        const month = sums[monthIndexOf(grid.bounds, point.takenAt.getTime())];
        if (stryMutAct_9fa48("1555") ? false : stryMutAct_9fa48("1554") ? true : stryMutAct_9fa48("1553") ? month : (stryCov_9fa48("1553", "1554", "1555"), !month)) continue;
        stryMutAct_9fa48("1556") ? month.count -= 1 : (stryCov_9fa48("1556"), month.count += 1);
        month.sum = month.sum.plus(point.value);
      }
    }
    const now = input.now.getTime();
    return sums.map(({
      count,
      sum
    }, k) => {
      if (stryMutAct_9fa48("1557")) {
        {}
      } else {
        stryCov_9fa48("1557");
        const start = grid.bounds[k]!;
        const end = grid.bounds[stryMutAct_9fa48("1558") ? k - 1 : (stryCov_9fa48("1558"), k + 1)]!;
        if (stryMutAct_9fa48("1561") ? start > now && count === 0 : stryMutAct_9fa48("1560") ? false : stryMutAct_9fa48("1559") ? true : (stryCov_9fa48("1559", "1560", "1561"), (stryMutAct_9fa48("1564") ? start <= now : stryMutAct_9fa48("1563") ? start >= now : stryMutAct_9fa48("1562") ? false : (stryCov_9fa48("1562", "1563", "1564"), start > now)) || (stryMutAct_9fa48("1566") ? count !== 0 : stryMutAct_9fa48("1565") ? false : (stryCov_9fa48("1565", "1566"), count === 0)))) return monthFigure(grid, k, stryMutAct_9fa48("1567") ? "" : (stryCov_9fa48("1567"), 'none'), null, 0);
        if (stryMutAct_9fa48("1571") ? now < end : stryMutAct_9fa48("1570") ? now > end : stryMutAct_9fa48("1569") ? false : stryMutAct_9fa48("1568") ? true : (stryCov_9fa48("1568", "1569", "1570", "1571"), now >= end)) return monthFigure(grid, k, stryMutAct_9fa48("1572") ? "" : (stryCov_9fa48("1572"), 'measured'), sum, stryMutAct_9fa48("1573") ? end + start : (stryCov_9fa48("1573"), end - start));
        const elapsed = stryMutAct_9fa48("1574") ? now + start : (stryCov_9fa48("1574"), now - start);
        const projected = sum.times(stryMutAct_9fa48("1575") ? end + start : (stryCov_9fa48("1575"), end - start)).div(stryMutAct_9fa48("1576") ? Math.min(elapsed, DAY_MS) : (stryCov_9fa48("1576"), Math.max(elapsed, DAY_MS))).toDecimalPlaces(BOUNDARY_SCALE, Decimal.ROUND_HALF_EVEN);
        return monthFigure(grid, k, stryMutAct_9fa48("1577") ? "" : (stryCov_9fa48("1577"), 'partial'), sum, elapsed, projected);
      }
    });
  }
}

// ---------------------------------------------------------------------------------------------
// Formatting

/** Canonical decimal string: plain notation, no trailing zeros, no "-0". */
function canonical(value: Decimal): string {
  if (stryMutAct_9fa48("1578")) {
    {}
  } else {
    stryCov_9fa48("1578");
    return value.isZero() ? stryMutAct_9fa48("1579") ? "" : (stryCov_9fa48("1579"), '0') : value.toFixed();
  }
}
function perDay(usage: Decimal, ms: number): Decimal {
  if (stryMutAct_9fa48("1580")) {
    {}
  } else {
    stryCov_9fa48("1580");
    return usage.times(DAY_MS).div(ms).toDecimalPlaces(AVERAGE_SCALE, Decimal.ROUND_HALF_EVEN);
  }
}

/** Milliseconds as days, to 6 decimals (a display figure, so a number is fine here). */
function days(ms: number): number {
  if (stryMutAct_9fa48("1581")) {
    {}
  } else {
    stryCov_9fa48("1581");
    return stryMutAct_9fa48("1582") ? Math.round(ms / DAY_MS * 1e6) * 1e6 : (stryCov_9fa48("1582"), Math.round(stryMutAct_9fa48("1583") ? ms / DAY_MS / 1e6 : (stryCov_9fa48("1583"), (stryMutAct_9fa48("1584") ? ms * DAY_MS : (stryCov_9fa48("1584"), ms / DAY_MS)) * 1e6)) / 1e6);
  }
}
/**
 * Usage queries that read only what the usage engine needs (a meter with 100,000
 * readings answers in milliseconds). Cumulative months come from index probes at the month
 * boundaries (boundaryProbeSpec in src/domain/usage.ts); delta and gauge months from per-month
 * SQL aggregates over index ranges. Nothing here scans a source's whole history.
 *
 * Every query reads current readings only (`superseded_at is null and deleted_at is null`, which
 * is also the predicate of the partial indexes), orders like the engine (taken_at, event rank,
 * id), and runs in the caller's transaction, so row-level security applies. Callers should
 * check that the source is visible first: under RLS a probe for an invisible source finds no
 * row and would walk the index to its end.
 */
import Decimal from 'decimal.js';
import { type SQL, sql } from 'drizzle-orm';
import { DateTime } from 'luxon';
import { rows, type Tx } from '../db/client';
import type {
  MonthStats,
  MonthUsage,
  ReadingPoint,
  RegisterEvent,
  SourceKind,
} from '../domain/types';
import {
  AVERAGE_SCALE,
  monthBoundaries,
  monthlySums,
  monthlyUsage,
  PROJECTION_WINDOW_MS,
} from '../domain/usage';
import { nearestTakenAt } from './readings';

/** What the usage queries need to know about a source (a subset of the sources row). */
export interface UsageSource {
  id: string;
  kind: SourceKind;
  /** Register size of a cumulative meter: it rolls over at 10^digits. */
  digits: number | null;
  /** IANA zone that defines the source's months. */
  timezone: string;
}

export interface MonthRange {
  /** First month, 'YYYY-MM' in the source's time zone. */
  from: string;
  /** Last month, inclusive. */
  to: string;
  now: Date;
}

interface PointRow {
  taken_ms: number;
  value: string;
  event: RegisterEvent | null;
}

// The engine's order at one instant: a replacement's final, then plain readings, then the
// new register's initial; id breaks the remaining ties the same way in every query.
const RANK = sql.raw(
  `(case register_event when 'replacement_final' then 0 when 'replacement_initial' then 2 else 1 end)`,
);
const ORDER_ASC = sql`taken_at asc, ${RANK} asc, id asc`;
const ORDER_DESC = sql`taken_at desc, ${RANK} desc, id desc`;
/** The partial indexes' predicate, written out so the planner can match them. */
const CURRENT = sql.raw('superseded_at is null and deleted_at is null');
/** What a probe carries; the final select turns it into text and numbers both drivers return alike. */
const POINT_COLUMNS = sql.raw('id, taken_at, value, register_event');
// Hours, not days: a day interval follows the session's time zone across DST changes.
const PROJECTION_WINDOW = sql.raw(`interval '${PROJECTION_WINDOW_MS / 3_600_000} hours'`);

const instant = (date: Date) => sql`${date.toISOString()}::timestamptz`;

function toPoint(row: PointRow): ReadingPoint {
  return { takenAt: new Date(Number(row.taken_ms)), value: row.value, event: row.event ?? null };
}

/**
 * The probe query of loadProbePoints, exported so that tests can EXPLAIN it. One statement:
 * the first and last point, the event points (partial index readings_register_events), and for
 * each probe instant (the boundaries, and last − 30 days) a LATERAL `LIMIT 1` probe on each side
 * (partial index readings_current_by_source_time). UNION removes the duplicates.
 */
export function probePointsQuery(sourceId: string, boundaries: readonly Date[]): SQL {
  const bounds =
    boundaries.length > 0
      ? sql`select t from (values ${sql.join(
          boundaries.map((b) => sql`(${instant(b)})`),
          sql`, `,
        )}) as b(t)`
      : sql`select null::timestamptz as t where false`;
  const mine = sql`source_id = ${sourceId}::uuid and ${CURRENT}`;
  // Each probe is bounded by its nearest instant (nearestTakenAt): without statistics a year's
  // probes over 1,200 readings read 3,391 pages, sorting the history at each; now 233, whatever
  // the statistics (118 before with them: the bound costs an index descent per probe).
  const nearest = (side: SQL, order: 'asc' | 'desc') =>
    nearestTakenAt(sql`${mine} and ${side}`, order);
  return sql`
    with first_point as (
      select ${POINT_COLUMNS} from readings
      where ${mine} and taken_at <= ${nearest(sql`true`, 'asc')}
      order by ${ORDER_ASC} limit 1
    ), last_point as (
      select ${POINT_COLUMNS} from readings
      where ${mine} and taken_at >= ${nearest(sql`true`, 'desc')}
      order by ${ORDER_DESC} limit 1
    ), instants as (
      ${bounds}
      union
      select taken_at - ${PROJECTION_WINDOW} from last_point
    ), picked as (
      select * from first_point
      union
      select * from last_point
      union
      select ${POINT_COLUMNS} from readings where ${mine} and register_event is not null
      union
      select before.* from instants cross join lateral (
        select ${POINT_COLUMNS} from readings
        where ${mine} and taken_at < instants.t
          and taken_at >= ${nearest(sql`taken_at < instants.t`, 'desc')}
        order by ${ORDER_DESC} limit 1
      ) as before
      union
      select after.* from instants cross join lateral (
        select ${POINT_COLUMNS} from readings
        where ${mine} and taken_at >= instants.t
          and taken_at <= ${nearest(sql`taken_at >= instants.t`, 'asc')}
        order by ${ORDER_ASC} limit 1
      ) as after
    )
    select (extract(epoch from taken_at) * 1000)::float8 as taken_ms, value::text as value,
      register_event as event
    from picked order by ${ORDER_ASC}`;
}

/**
 * Exactly selectProbePoints(all current readings of the source, boundaries), in reading order,
 * fetched with index probes: about 2·(boundaries + 1) + 2 rows plus the register events.
 */
export async function loadProbePoints(
  tx: Tx,
  sourceId: string,
  boundaries: readonly Date[],
): Promise<ReadingPoint[]> {
  return (await rows<PointRow>(tx, probePointsQuery(sourceId, boundaries))).map(toPoint);
}

/**
 * Current readings taken in [from, to), in reading order. When there are more than `limit`, an
 * evenly spaced subset of `limit` of them, always with the first and the last: a line chart
 * cannot show more points than it has pixels anyway.
 */
export async function readingsInRange(
  tx: Tx,
  sourceId: string,
  from: Date,
  to: Date,
  limit: number,
): Promise<ReadingPoint[]> {
  const keep = Math.max(2, Math.floor(limit));
  const found = await rows<PointRow>(
    tx,
    sql`
      with ranged as (
        select taken_at, value, register_event, id,
          row_number() over (order by ${ORDER_ASC}) - 1 as i, count(*) over () as n
        from readings
        where source_id = ${sourceId}::uuid and ${CURRENT}
          and taken_at >= ${instant(from)} and taken_at < ${instant(to)}
      )
      select (extract(epoch from taken_at) * 1000)::float8 as taken_ms, value::text as value,
        register_event as event
      from ranged
      -- Row i starts bucket floor(i·(keep−1)/(n−1)); keep the first row of each bucket.
      where n <= ${keep}::int or i = 0
        or floor(i * (${keep}::int - 1)::numeric / (n - 1))
          > floor((i - 1) * (${keep}::int - 1)::numeric / (n - 1))
      order by ${ORDER_ASC}`,
  );
  return found.map(toPoint);
}

interface MonthAggregate {
  k: number;
  n: number;
  total: string;
  low: string;
  high: string;
  scale: number;
}

/** count, sum, min, max and the finest scale of each month's readings, one index range per month. */
async function monthAggregates(
  tx: Tx,
  sourceId: string,
  bounds: readonly Date[],
): Promise<Map<number, MonthAggregate>> {
  if (bounds.length < 2) return new Map();
  const months = sql.join(
    bounds
      .slice(0, -1)
      .map((start, k) => sql`(${k}::int, ${instant(start)}, ${instant(bounds[k + 1]!)})`),
    sql`, `,
  );
  const found = await rows<MonthAggregate>(
    tx,
    sql`
      select m.k, count(*)::int as n, sum(r.value)::text as total, min(r.value)::text as low,
        max(r.value)::text as high, max(min_scale(r.value))::int as scale
      from (values ${months}) as m(k, start_at, end_at)
      join readings r on r.source_id = ${sourceId}::uuid
        and r.superseded_at is null and r.deleted_at is null
        and r.taken_at >= m.start_at and r.taken_at < m.end_at
      group by m.k`,
  );
  return new Map(found.map((row) => [Number(row.k), row]));
}

/**
 * Monthly usage of a cumulative or delta source over [from, to] (months in its time zone),
 * equal to the engine's monthlyUsage / monthlySums on the full history. A gauge source has no
 * usage: use monthlyStatsForSource.
 */
export async function monthlyUsageForSource(
  tx: Tx,
  source: UsageSource,
  range: MonthRange,
): Promise<MonthUsage[]> {
  const { from, to, now } = range;
  const bounds = monthBoundaries(source.timezone, from, to);
  if (source.kind === 'cumulative') {
    const points = await loadProbePoints(tx, source.id, bounds);
    return monthlyUsage({ source, points, from, to, now });
  }
  if (source.kind === 'delta') {
    // monthlySums only needs each month's total and whether it has readings: one stand-in
    // point per month, carrying the month's SQL sum, gives the same figures.
    const sums = await monthAggregates(tx, source.id, bounds);
    const points = [...sums.values()].map((m) => ({
      takenAt: bounds[m.k]!,
      value: m.total,
      event: null,
    }));
    return monthlySums({ timezone: source.timezone, points, from, to, now });
  }
  throw new TypeError(`a gauge source has no usage; use monthlyStatsForSource (${source.id})`);
}

const Exact = Decimal.clone({ precision: 80, toExpNeg: -80, toExpPos: 80 });
const canonical = (value: Decimal) => (value.isZero() ? '0' : value.toFixed());

/**
 * Average, min and max per month of a gauge source, equal to the engine's monthlyStats on the
 * full history (same half-even rounding of the average to max(AVERAGE_SCALE, finest reading)).
 */
export async function monthlyStatsForSource(
  tx: Tx,
  source: Pick<UsageSource, 'id' | 'timezone'>,
  range: Pick<MonthRange, 'from' | 'to'>,
): Promise<MonthStats[]> {
  const bounds = monthBoundaries(source.timezone, range.from, range.to);
  const aggregates = await monthAggregates(tx, source.id, bounds);
  return bounds.slice(0, -1).map((start, k) => {
    const month = aggregates.get(k);
    const stats: MonthStats = {
      month: monthKey(start, source.timezone),
      start,
      end: bounds[k + 1]!,
      count: month?.n ?? 0,
      average: null,
      min: null,
      max: null,
    };
    if (!month || month.n === 0) return stats;
    const scale = Math.max(AVERAGE_SCALE, Number(month.scale));
    const average = new Exact(month.total)
      .div(month.n)
      .toDecimalPlaces(scale, Decimal.ROUND_HALF_EVEN);
    return {
      ...stats,
      average: canonical(average),
      min: canonical(new Exact(month.low)),
      max: canonical(new Exact(month.high)),
    };
  });
}

/** 'YYYY-MM' of a month start in `timezone`. */
function monthKey(start: Date, timezone: string): string {
  return DateTime.fromJSDate(start, { zone: timezone }).toFormat('yyyy-MM');
}

// @ts-nocheck
// The fast usage queries must answer exactly what the pure engine answers from the whole history,
// on both databases, and must do it with index probes rather than a scan.

import { and, eq, isNull, sql } from 'drizzle-orm';
import fc from 'fast-check';
import { DateTime } from 'luxon';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { withActor } from '../../src/db/actor';
import { rows, type Tx } from '../../src/db/client';
import { readings, sources, users } from '../../src/db/schema';
import type { ReadingPoint, RegisterEvent } from '../../src/domain/types';
import {
  eventRank,
  monthBoundaries,
  monthlyStats,
  monthlySums,
  monthlyUsage,
  selectProbePoints,
} from '../../src/domain/usage';
import {
  loadProbePoints,
  monthlyStatsForSource,
  monthlyUsageForSource,
  probePointsQuery,
  readingsInRange,
  type UsageSource,
} from '../../src/store/usage';
import { createTestDatabase, databaseKinds, type TestDatabase } from '../helpers/db';

const HOUR_MS = 3_600_000;
const ZONES = ['Asia/Bangkok', 'Europe/Berlin'] as const;
// Local midnight of 1 Jan 2025 in Bangkok; Berlin's month starts are other whole hours nearby.
const ORIGIN = DateTime.fromISO('2025-01-01T00:00', { zone: 'Asia/Bangkok' }).toMillis();
const SPAN_HOURS = 2 * 366 * 24;

const monthOf = (ms: number, zone: string, plus = 0) =>
  DateTime.fromMillis(ms, { zone }).plus({ months: plus }).toFormat('yyyy-MM');

/** A history with everything that makes probing tricky: same-instant ties, readings exactly on a
 * month start, register events, decreases, trailing zeros, and retired rows that must not count. */
const historyArb = fc.record({
  zone: fc.constantFrom(...ZONES),
  digits: fc.constantFrom(null, 1, 3, 5),
  rows: fc.array(
    fc.record({
      at: fc.oneof(
        fc.integer({ min: 0, max: SPAN_HOURS }).map((h) => ({ hours: h })),
        fc.integer({ min: 0, max: 24 }).map((m) => ({ monthStart: m })),
        fc.integer({ min: 0, max: 12 }).map((h) => ({ tie: h })),
      ),
      value: fc
        .tuple(fc.integer({ min: -5_000, max: 900_000 }), fc.constantFrom('', '.5', '.250', '.0'))
        .map(([units, fraction]) => `${units}${fraction}`),
      event: fc.constantFrom<RegisterEvent | null>(
        null,
        null,
        null,
        null,
        'rollover',
        'replacement_final',
        'replacement_initial',
      ),
      retired: fc.constantFrom(null, null, null, null, null, 'superseded', 'deleted'),
    }),
    { maxLength: 60 },
  ),
  fromMonths: fc.integer({ min: -3, max: 26 }),
  monthCount: fc.integer({ min: 0, max: 14 }),
  nowHours: fc.integer({ min: -24, max: SPAN_HOURS + 60 * 24 }),
  instants: fc.array(fc.integer({ min: -100, max: SPAN_HOURS + 100 }), { maxLength: 4 }),
});
type History = typeof historyArb extends fc.Arbitrary<infer T> ? T : never;

function instantOf(at: History['rows'][number]['at'], zone: string): Date {
  if ('hours' in at) return new Date(ORIGIN + at.hours * HOUR_MS);
  if ('monthStart' in at) {
    return DateTime.fromMillis(ORIGIN, { zone })
      .startOf('month')
      .plus({ months: at.monthStart })
      .toJSDate();
  }
  // A handful of instants that many rows share.
  return new Date(ORIGIN + at.tie * 61 * 24 * HOUR_MS);
}

/** Every current reading, sorted in JS by the engine's order with id as the tiebreak. */
async function allCurrentPoints(tx: Tx, sourceId: string): Promise<ReadingPoint[]> {
  const found = await tx
    .select({
      id: readings.id,
      takenAt: readings.takenAt,
      value: sql<string>`${readings.value}::text`,
      event: readings.registerEvent,
    })
    .from(readings)
    .where(
      and(
        eq(readings.sourceId, sourceId),
        isNull(readings.supersededAt),
        isNull(readings.deletedAt),
      ),
    );
  return found
    .sort(
      (a, b) =>
        a.takenAt.getTime() - b.takenAt.getTime() ||
        eventRank(a.event) - eventRank(b.event) ||
        (a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
    )
    .map((r) => ({ takenAt: r.takenAt, value: r.value, event: r.event ?? null }));
}

describe.each(databaseKinds())('usage queries on %s', (kind) => {
  let database: TestDatabase;
  let owner: string;
  let stranger: string;

  beforeAll(async () => {
    database = await createTestDatabase(kind);
    const made = await database.db
      .insert(users)
      .values([
        { displayName: 'Owner', timezone: 'Asia/Bangkok' },
        { displayName: 'Stranger', timezone: 'Asia/Bangkok' },
      ])
      .returning({ id: users.id });
    [owner, stranger] = made.map((u) => u.id) as [string, string];
  });

  afterAll(async () => {
    await database?.close();
  });

  const asOwner = <T>(fn: (tx: Tx) => Promise<T>) =>
    withActor(database.db, { userId: owner }, ({ tx }) => fn(tx));

  let sourceCount = 0;
  async function seed(history: History): Promise<UsageSource> {
    sourceCount += 1;
    const [source] = await database.db
      .insert(sources)
      .values({
        ownerId: owner,
        name: `meter ${sourceCount}`,
        timezone: history.zone,
        digits: history.digits,
      })
      .returning({ id: sources.id });
    const id = source!.id;
    if (history.rows.length > 0) {
      const retiredAt = new Date(ORIGIN);
      await database.db.insert(readings).values(
        history.rows.map((row, i) => ({
          sourceId: id,
          number: i + 1,
          takenAt: instantOf(row.at, history.zone),
          value: row.value,
          enteredBy: owner,
          registerEvent: row.event,
          supersededAt: row.retired === 'superseded' ? retiredAt : null,
          deletedAt: row.retired === 'deleted' ? retiredAt : null,
        })),
      );
    }
    return { id, kind: 'cumulative', digits: history.digits, timezone: history.zone };
  }

  it('loadProbePoints equals selectProbePoints on the whole history', async () => {
    await fc.assert(
      fc.asyncProperty(historyArb, async (history) => {
        const source = await seed(history);
        const from = monthOf(ORIGIN, history.zone, history.fromMonths);
        const to = monthOf(ORIGIN, history.zone, history.fromMonths + history.monthCount - 1);
        const boundaries = monthBoundaries(history.zone, from, to);
        const instants = history.instants.map((h) => new Date(ORIGIN + h * HOUR_MS));
        await asOwner(async (tx) => {
          const all = await allCurrentPoints(tx, source.id);
          expect(await loadProbePoints(tx, source.id, boundaries)).toEqual(
            selectProbePoints(all, boundaries),
          );
          expect(await loadProbePoints(tx, source.id, instants)).toEqual(
            selectProbePoints(all, instants),
          );
        });
      }),
      { numRuns: 60 },
    );
  });

  it('monthly figures equal the engine on the whole history, for every kind', async () => {
    await fc.assert(
      fc.asyncProperty(historyArb, async (history) => {
        const source = await seed(history);
        const from = monthOf(ORIGIN, history.zone, history.fromMonths);
        const to = monthOf(ORIGIN, history.zone, history.fromMonths + history.monthCount - 1);
        const now = new Date(ORIGIN + history.nowHours * HOUR_MS);
        const range = { from, to, now };
        const timezone = history.zone;
        await asOwner(async (tx) => {
          const points = await allCurrentPoints(tx, source.id);
          expect(await monthlyUsageForSource(tx, source, range)).toEqual(
            monthlyUsage({ source, points, ...range }),
          );
          expect(await monthlyUsageForSource(tx, { ...source, kind: 'delta' }, range)).toEqual(
            monthlySums({ timezone, points, ...range }),
          );
          expect(await monthlyStatsForSource(tx, source, range)).toEqual(
            monthlyStats({ timezone, points, from, to }),
          );
        });
      }),
      { numRuns: 40 },
    );
  });

  it('readingsInRange keeps order, the ends, and at most `limit` points', async () => {
    const source = await seed({
      zone: 'Asia/Bangkok',
      digits: null,
      rows: Array.from({ length: 500 }, (_, i) => ({
        at: { hours: i * 7 },
        value: String(i * 3),
        event: null,
        retired: i % 50 === 1 ? 'deleted' : null,
      })),
      fromMonths: 0,
      monthCount: 1,
      nowHours: 0,
      instants: [],
    });
    const from = new Date(ORIGIN + 70 * HOUR_MS);
    const to = new Date(ORIGIN + 7 * 400 * HOUR_MS);
    await asOwner(async (tx) => {
      const inRange = (await allCurrentPoints(tx, source.id)).filter(
        (p) => p.takenAt >= from && p.takenAt < to,
      );
      expect(await readingsInRange(tx, source.id, from, to, 1000)).toEqual(inRange);
      const thinned = await readingsInRange(tx, source.id, from, to, 50);
      expect(thinned).toHaveLength(50);
      expect(thinned[0]).toEqual(inRange[0]);
      expect(thinned[49]).toEqual(inRange[inRange.length - 1]);
      const times = thinned.map((p) => p.takenAt.getTime());
      expect(times).toEqual([...times].sort((a, b) => a - b));
      expect(await readingsInRange(tx, source.id, to, from, 50)).toEqual([]);
    });
  });

  it('row-level security: a user without a role on the source sees no points', async () => {
    const source = await seed({
      zone: 'Asia/Bangkok',
      digits: null,
      rows: [{ at: { hours: 5 }, value: '10', event: null, retired: null }],
      fromMonths: 0,
      monthCount: 1,
      nowHours: 0,
      instants: [],
    });
    const bounds = monthBoundaries('Asia/Bangkok', '2025-01', '2025-02');
    const seen = await withActor(database.db, { userId: stranger }, ({ tx }) =>
      loadProbePoints(tx, source.id, bounds),
    );
    expect(seen).toEqual([]);
    expect(await asOwner((tx) => loadProbePoints(tx, source.id, bounds))).toHaveLength(1);
  });

  it('EXPLAIN: the probe query uses the partial indexes, never a scan of readings', async () => {
    // Enough rows, in this and another meter, that a scan would be the planner's natural choice
    // if the query could not use the indexes.
    const [big, other] = await database.db
      .insert(sources)
      .values([
        { ownerId: owner, name: 'big meter', timezone: 'Asia/Bangkok' },
        { ownerId: owner, name: 'other meter', timezone: 'Asia/Bangkok' },
      ])
      .returning({ id: sources.id });
    for (const source of [big!, other!]) {
      await database.db.execute(sql`
        insert into readings (source_id, number, taken_at, value, entered_by, register_event)
        select ${source.id}::uuid, g, timestamptz '2010-01-01 00:00+07' + g * interval '6 hours',
          g * 2.5, ${owner}::uuid, case when g % 5000 = 0 then 'rollover' end
        from generate_series(1, 20000) g`);
    }
    await database.db.execute(sql`analyze readings`);
    const bounds = monthBoundaries('Asia/Bangkok', '2020-01', '2020-12');

    const plan = async (query: ReturnType<typeof probePointsQuery>) =>
      (await asOwner((tx) => rows<Record<string, string>>(tx, sql`explain ${query}`)))
        .map((row) => Object.values(row)[0])
        .join('\n');

    const probes = await plan(probePointsQuery(big!.id, bounds));
    expect(probes).not.toMatch(/Seq Scan on readings/);
    // The time index is only ever walked from a probe instant, never read in bulk (a bitmap scan
    // would read a whole range); the few event rows may come either way from their own index.
    expect(probes).not.toMatch(/Bitmap Index Scan on readings_current_by_source_time/);
    expect(probes).toMatch(/Index Scan( Backward)? using readings_current_by_source_time/);
    expect(probes).toMatch(/(using|on) readings_register_events/);

    // The same answer as the engine on this long history, through the probes.
    const source: UsageSource = {
      id: big!.id,
      kind: 'cumulative',
      digits: 5,
      timezone: 'Asia/Bangkok',
    };
    const range = { from: '2020-01', to: '2020-12', now: new Date('2030-01-01T00:00:00Z') };
    await asOwner(async (tx) => {
      const points = await allCurrentPoints(tx, big!.id);
      expect(points).toHaveLength(20000);
      expect(await monthlyUsageForSource(tx, source, range)).toEqual(
        monthlyUsage({ source, points, ...range }),
      );
    });
  });
});

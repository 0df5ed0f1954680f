import { type SQL, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { withActor } from '../../src/db/actor';
import { sources, users } from '../../src/db/schema';
import { monthBoundaries } from '../../src/domain/usage';
import { neighbours, neighboursQuery } from '../../src/store/readings';
import { probePointsQuery } from '../../src/store/usage';
import { createTestDatabase, databaseKinds, type TestDatabase } from '../helpers/db';
import { pagesTouched as countPages } from '../helpers/pages';

// Every reading is judged against its neighbours: the meter's latest reading at or before its
// time and the first one after; usage and charts probe the same way at each month's boundary.
// Ordered by time and then by a replacement's rank, such a question could be answered by
// sorting every reading the meter ever had, and the planner did exactly that whenever its
// statistics were missing or stale (a new database, an import or a burst of readings before
// autovacuum's next look; PGlite's maintenance looks once a minute). A household keeps years of
// readings, so each lookup got slower with them. Each lookup now finds the nearest instant
// first (one index entry) and sorts only the readings taken at that instant.
describe.each(databaseKinds())("lookups over a meter's long history on %s", (kind) => {
  let database: TestDatabase;
  let owner: string;
  let meter: string;
  const day = (n: number) => new Date(Date.UTC(2020, 0, 1) + n * 86_400_000);

  beforeAll(async () => {
    database = await createTestDatabase(kind);
    const [person] = await database.db
      .insert(users)
      .values({ displayName: 'Owner', timezone: 'Asia/Bangkok' })
      .returning({ id: users.id });
    owner = person!.id;
    // Ten households' meters, a reading a day each for 1,200 days, written day by day as they
    // would be: each meter's readings are spread over the table, a few to a page.
    const meters = await database.db
      .insert(sources)
      .values(
        Array.from({ length: 10 }, (_, i) => ({
          ownerId: owner,
          name: `meter ${i}`,
          timezone: 'Asia/Bangkok',
        })),
      )
      .returning({ id: sources.id });
    meter = meters[0]!.id;
    await database.db.execute(sql`
      insert into readings (source_id, number, taken_at, value, entered_by)
      select m.id, d, ${day(0).toISOString()}::timestamptz + d * interval '1 day', d * 3,
        ${owner}::uuid
      from generate_series(1, 1200) as d
      cross join (select id, row_number() over (order by id) as k from sources) as m
      order by d, m.k`);
    // A meter replaced on day 600: the old register's final reading and the new one's initial
    // share an instant with a plain reading. The usage engine's order there: final, plain,
    // initial.
    await database.db.execute(sql`
      insert into readings (source_id, number, taken_at, value, entered_by, register_event)
      values
        (${meter}::uuid, 1201, ${day(600).toISOString()}::timestamptz, 1801, ${owner}::uuid,
          'replacement_final'),
        (${meter}::uuid, 1202, ${day(600).toISOString()}::timestamptz, 0, ${owner}::uuid,
          'replacement_initial')`);
  });
  afterAll(async () => {
    await database?.close();
  });

  const asOwner = <T>(fn: Parameters<typeof withActor<T>>[2]) =>
    withActor(database.db, { userId: owner }, fn);

  /** Pages a statement touched as the meter's owner (see helpers/pages). */
  const pagesOf = (statement: SQL) => asOwner(({ tx }) => countPages(tx, statement));
  const pagesTouched = (at: Date) => pagesOf(neighboursQuery(meter, at.toISOString(), null));
  /** The probes behind a year of monthly usage (13 boundaries, each probed on both sides). */
  const usageProbePages = () =>
    pagesOf(probePointsQuery(meter, monthBoundaries('Asia/Bangkok', '2022-01', '2022-12')));

  const around = (at: Date) =>
    asOwner(async ({ tx }) => {
      const { previous, next } = await neighbours(tx, meter, at);
      return {
        previous: previous && { value: previous.value, event: previous.registerEvent },
        next: next && { value: next.value, event: next.registerEvent },
      };
    });

  it('are found in the engine order at an instant shared by a replacement and a reading', async () => {
    // At the instant itself, the latest at or before it is the new register's initial reading.
    expect(await around(day(600))).toEqual({
      previous: { value: '0', event: 'replacement_initial' },
      next: { value: '1803', event: null },
    });
    // Just before it, the first after it is the old register's final reading.
    expect(await around(new Date(day(600).getTime() - 1))).toEqual({
      previous: { value: '1797', event: null },
      next: { value: '1801', event: 'replacement_final' },
    });
    expect(await around(day(1300))).toEqual({
      previous: { value: '3600', event: null },
      next: null,
    });
    expect(await around(day(0))).toEqual({ previous: null, next: { value: '3', event: null } });
  });

  // Measured: 24 to 30 pages on both databases, the row-security checks' own reads included.
  // Before the rewrite, PostgreSQL without statistics read 218 at the end of the history: every
  // page holding a reading of the meter.
  it('touch a few pages however long the history, without planner statistics', async () => {
    expect(await pagesTouched(day(1300))).toBeLessThan(40);
    expect(await pagesTouched(day(0))).toBeLessThan(40);
    expect(await pagesTouched(day(600))).toBeLessThan(40);
  });

  // Measured: 219 pages on PGlite and 233 on PostgreSQL, with or without statistics. Before the
  // rewrite, 3,391 on PostgreSQL without them (each of the 28 probes sorted the meter's history
  // up to its instant), and 118-119 with them: the bound costs an index descent per probe.
  it("probe a year's usage in a few pages per probe, without planner statistics", async () => {
    expect(await usageProbePages()).toBeLessThan(400);
  });

  it('touch a few pages with the statistics autovacuum would take', async () => {
    await database.db.execute(sql`analyze readings`);
    expect(await usageProbePages()).toBeLessThan(400);
    expect(await pagesTouched(day(1300))).toBeLessThan(40);
    expect(await pagesTouched(day(0))).toBeLessThan(40);
  });
});

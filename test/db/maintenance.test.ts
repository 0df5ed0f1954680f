import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Database, rows } from '../../src/db/client';
import { maintainEmbedded } from '../../src/db/maintenance';
import { createPglite } from '../../src/db/pglite';
import { insertInboxRows } from '../../src/store/webhook-events';
import {
  createTestDatabase,
  databaseKinds,
  openMigratedPgliteDir,
  type TestDatabase,
} from '../helpers/db';

/** The inbox's size on disk: its table alone, or with its indexes. */
async function inboxBytes(database: Database, withIndexes: boolean): Promise<number> {
  const [row] = await rows<{ bytes: string | number }>(
    database.db,
    withIndexes
      ? sql`select pg_total_relation_size('webhook_events') as bytes`
      : sql`select pg_relation_size('webhook_events') as bytes`,
  );
  return Number(row!.bytes);
}

// PGlite has no autovacuum: without the once-a-minute maintenance, rows that retention deletes
// would keep their space for ever and the inbox would only grow. With it, the space is used again.
describe.each(databaseKinds())('vacuuming what autovacuum would, on %s', (kind) => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase(kind);
  });
  afterAll(async () => {
    await database?.close();
  });

  const EVENTS = 2_000;
  let batch = 0;
  /** A day's worth of events recorded, then forgotten as retention forgets finished ones. */
  async function eventsComeAndGo() {
    batch += 1;
    const at = Date.now();
    await insertInboxRows(
      database,
      Array.from({ length: EVENTS }, (_, i) => ({
        webhookEventId: `maintenance-${batch}-${i}`,
        occurredAt: new Date(at),
        chatId: `C${i % 50}`,
        type: 'message',
        payload: { type: 'message', message: { type: 'text', text: 'meter 1 = 4521' } } as never,
        senderId: `U${i % 50}`,
      })),
    );
    await database.db.execute(
      sql`delete from webhook_events where webhook_event_id like 'maintenance-%'`,
    );
  }
  /** Statistics reach pg_stat_user_tables at most once a second unless asked. */
  const flushStatistics = () => database.db.execute(sql`select pg_stat_force_next_flush()`);

  it.runIf(kind === 'pglite')(
    'vacuums the inbox once retention deleted enough of it, so it stops growing',
    async () => {
      // Without maintenance, each such day added about 0.5 MB here (0.59 → 2.59 MB in five).
      const sizes: number[] = [];
      for (let day = 0; day < 4; day++) {
        await eventsComeAndGo();
        await flushStatistics();
        const report = await maintainEmbedded(database);
        expect(report.vacuumed).toContain('public.webhook_events');
        sizes.push(await inboxBytes(database, true));
      }
      // Index pages freed by one vacuum are reused after the next: steady from the second day.
      expect(sizes[3]).toBeLessThanOrEqual(sizes[1]!);
      const [stats] = await rows<{ dead: number | string; vacuumed: unknown }>(
        database.db,
        sql`select n_dead_tup as dead, last_vacuum as vacuumed from pg_stat_user_tables
            where relname = 'webhook_events'`,
      );
      expect(Number(stats!.dead)).toBe(0);
      expect(stats!.vacuumed).not.toBeNull();
      // With the statistics current and no new dead rows, nothing is due.
      await flushStatistics();
      expect(await maintainEmbedded(database)).toEqual({ vacuumed: [], analysed: [] });
    },
  );

  it.runIf(kind === 'pglite')(
    'analyses a table that grew, so the planner knows its size and its values',
    async () => {
      await database.db.execute(
        sql`insert into users (display_name, timezone)
            select 'Household ' || g, 'Asia/Bangkok' from generate_series(1, 500) g`,
      );
      await flushStatistics();
      const report = await maintainEmbedded(database);
      expect(report.analysed).toContain('public.users');
      expect(report.vacuumed).not.toContain('public.users');
      const [known] = await rows<{ estimate: number | string; columns: number | string }>(
        database.db,
        sql`select (select reltuples from pg_class where relname = 'users') as estimate,
              (select count(*) from pg_stats where tablename = 'users') as columns`,
      );
      expect(Number(known!.estimate)).toBeGreaterThanOrEqual(500);
      expect(Number(known!.columns)).toBeGreaterThan(0);
    },
  );

  it.runIf(kind === 'postgres')('leaves PostgreSQL to its own autovacuum', async () => {
    await eventsComeAndGo();
    await flushStatistics();
    expect(await maintainEmbedded(database)).toEqual({ vacuumed: [], analysed: [] });
  });
});

// The server's PGlite lives on its own file system layer (every flush reaches the disk); a vacuum
// rewrites pages and cuts empty ones off the end of a table's file. After it, and a restart, the
// rows kept are all there and the deleted ones are gone.
describe('vacuuming PGlite on disk', () => {
  it('keeps every row it should across a vacuum that shrinks the file and a restart', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'home-log-maintenance-'));
    const dataDir = join(dir, 'data');
    try {
      let database = await openMigratedPgliteDir(dataDir);
      const at = Date.now();
      await insertInboxRows(
        database,
        Array.from({ length: 3_000 }, (_, i) => ({
          webhookEventId: `disk-${i}`,
          occurredAt: new Date(at + i),
          chatId: `C${i % 20}`,
          type: 'message',
          payload: { type: 'message', n: i } as never,
          senderId: null,
        })),
      );
      // The first 100 stay and the 2,900 after them go, so the end of the file is left empty.
      await database.db.execute(
        sql`delete from webhook_events where webhook_event_id like 'disk-%'
            and (payload->>'n')::int >= 100`,
      );
      await database.db.execute(sql`select pg_stat_force_next_flush()`);
      const before = await inboxBytes(database, false);
      expect((await maintainEmbedded(database)).vacuumed).toContain('public.webhook_events');
      expect(await inboxBytes(database, false)).toBeLessThan(before);
      await database.close();

      database = await createPglite(dataDir);
      try {
        const kept = await rows<{ n: number }>(
          database.db,
          sql`select (payload->>'n')::int as n from webhook_events
              where webhook_event_id like 'disk-%' order by 1`,
        );
        expect(kept.map((row) => Number(row.n))).toEqual(Array.from({ length: 100 }, (_, i) => i));
      } finally {
        await database.close();
      }
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});

import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rows } from '../../src/db/client';
import { claimNext, renewLeases } from '../../src/store/webhook-events';
import { createTestDatabase, databaseKinds, type TestDatabase } from '../helpers/db';

// A worker renews the leases of the events it holds every second. Those are a handful, but the
// inbox holds a week of events and, behind a burst, thousands waiting: the renewal must read the
// worker's own events only. (On PGlite it read the whole inbox every second through a buffer
// cache smaller than it: thousands of pages from the disk, in the bot's own thread.)
describe.each(databaseKinds())('renewing leases on %s', (kind) => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase(kind);
    // 3,000 finished events and 3,000 waiting in 100 chats, as the table owner (quicker than the
    // webhook); then the statistics autovacuum (or, on PGlite, the maintenance check) would take.
    await database.db.execute(sql`
      insert into webhook_events (webhook_event_id, occurred_at, chat_id, type, payload, status,
        sender_id)
      select 'E' || i, now() - make_interval(secs => 6000 - i), 'C' || (i % 100), 'message',
        jsonb_build_object('type', 'message', 'message', jsonb_build_object('text',
          repeat('reading ', 40))),
        case when i <= 3000 then 'done' else 'pending' end, 'U' || (i % 100)
      from generate_series(1, 6000) as i`);
    await database.db.execute(sql`analyze webhook_events`);
  });
  afterAll(async () => {
    await database?.close();
  });

  /** Buffers (pages) a statement touched, its nested statements included. */
  const pagesTouched = async (statement: string) => {
    const [plan] = await rows<{ 'QUERY PLAN': [{ Plan: Record<string, number> }] }>(
      database.db,
      sql.raw(`explain (analyze, buffers, format json) ${statement}`),
    );
    const top = plan!['QUERY PLAN'][0].Plan;
    return (top['Shared Hit Blocks'] ?? 0) + (top['Shared Read Blocks'] ?? 0);
  };

  it("touches a few pages for the worker's two events, not the inbox's hundreds", async () => {
    const held = [
      await claimNext(database, 'C7', 'worker-1', 30),
      await claimNext(database, 'C8', 'worker-1', 30),
    ];
    expect(held.map((event) => event?.chatId)).toEqual(['C7', 'C8']);

    // Once first: a session's first call reads the function's definition from the catalogs.
    await pagesTouched(`select renew_webhook_leases('nobody')`);
    const pages = await pagesTouched(`select renew_webhook_leases('worker-1')`);
    // The inbox is hundreds of pages; an index lookup of two events is under twenty.
    const [size] = await rows<{ pages: number }>(
      database.db,
      sql`select pg_relation_size('webhook_events') / 8192 as pages`,
    );
    expect(Number(size!.pages)).toBeGreaterThan(300);
    expect(pages).toBeLessThan(20);

    // And it renews them, as the application calls it (through its own role): leases set a
    // minute back are fresh again, and no other event got one.
    await database.db.execute(
      sql`update webhook_events set claimed_at = now() - interval '1 minute'
          where claimed_by = 'worker-1'`,
    );
    await renewLeases(database, 'worker-1');
    const leases = await rows<{ id: string; fresh: boolean }>(
      database.db,
      sql`select webhook_event_id as id, claimed_at > now() - interval '10 seconds' as fresh
          from webhook_events where claimed_at is not null order by webhook_event_id`,
    );
    expect(leases).toEqual(held.map((event) => ({ id: event!.webhookEventId, fresh: true })));
  });
});

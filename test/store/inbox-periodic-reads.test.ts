import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rows } from '../../src/db/client';
import {
  chatsWithUnfinishedEvents,
  claimNext,
  renewLeases,
  UNFINISHED_CHATS,
} from '../../src/store/webhook-events';
import { createTestDatabase, databaseKinds, type TestDatabase } from '../helpers/db';
import { pagesTouched as countPages } from '../helpers/pages';

// Every second a worker renews the leases of the events it holds, and on PostgreSQL the sweeper
// looks for chats with waiting events. The inbox holds a week of events and, behind a burst,
// thousands waiting: each must read what it needs, not the inbox. (On PGlite the renewal read
// the whole inbox every second through a buffer cache smaller than it: thousands of pages from
// the disk, in the bot's own thread.)
describe.each(databaseKinds())("the inbox's statements of every second on %s", (kind) => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase(kind);
    // 7,000 finished events and 5,000 waiting in 20 chats, as the table owner (quicker than the
    // webhook); then the statistics autovacuum (or, on PGlite, the maintenance check) would take.
    await database.db.execute(sql`
      insert into webhook_events (webhook_event_id, occurred_at, chat_id, type, payload, status,
        sender_id)
      select 'E' || i, now() - make_interval(secs => 12000 - i), 'C' || (i % 20), 'message',
        jsonb_build_object('type', 'message', 'message', jsonb_build_object('text',
          repeat('reading ', 40))),
        case when i <= 7000 then 'done' else 'pending' end, 'U' || (i % 20)
      from generate_series(1, 12000) as i`);
    await database.db.execute(sql`analyze webhook_events`);
  });
  afterAll(async () => {
    await database?.close();
  });

  /** Pages a statement (SQL text) touched, after a run of `warmUp` (see helpers/pages). */
  const pagesTouched = (statement: string, warmUp = statement) =>
    database.db.transaction((tx) => countPages(tx, sql.raw(statement), sql.raw(warmUp)));

  const inboxPages = async () => {
    const [size] = await rows<{ pages: number }>(
      database.db,
      sql`select pg_relation_size('webhook_events') / 8192 as pages`,
    );
    return Number(size!.pages);
  };

  it("renews the worker's two leases touching a few pages, not the inbox's hundreds", async () => {
    const held = [
      await claimNext(database, 'C7', 'worker-1', 30),
      await claimNext(database, 'C8', 'worker-1', 30),
    ];
    expect(held.map((event) => event?.chatId)).toEqual(['C7', 'C8']);

    // The inbox is hundreds of pages, and without its index the renewal read every one of them;
    // two events found through the index and updated (new versions, index entries) are a few
    // dozen.
    const inbox = await inboxPages();
    expect(inbox).toBeGreaterThan(500);
    expect(await pagesTouched(`select renew_webhook_leases('worker-1')`)).toBeLessThan(inbox / 5);

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

  it("claims a chat's next event without reading the inbox's finished events", async () => {
    // Two quiet chats with three events waiting each, beside the 7,000 finished events. The
    // claim also asks whether the chat has more waiting; PostgreSQL's planner, seeing thousands
    // waiting in its statistics, answered that by reading the table from its start, through
    // the finished events: about 470 pages at every claim.
    await database.db.execute(sql`
      insert into webhook_events (webhook_event_id, occurred_at, chat_id, type, payload, sender_id)
      select 'Q' || i, now() + make_interval(secs => i), case when i <= 3 then 'Q1' else 'Q2' end,
        'message', '{"type": "message"}', 'UQ'
      from generate_series(1, 6) as i`);
    // A claim changes the inbox, so the first run (the warm-up) claims the other chat.
    const claim = (chat: string) =>
      `select * from claim_next_event('${chat}', 'worker-2', 30, 3, 30)`;
    const pages = await pagesTouched(claim('Q2'), claim('Q1'));
    const inbox = await inboxPages();
    expect(inbox).toBeGreaterThan(500);
    expect(pages).toBeLessThan(inbox / 10);

    // And the claim still takes the chat's oldest event and says that more are waiting.
    const claimed = await claimNext(database, 'C6', 'worker-2', 30);
    expect(claimed).toMatchObject({ webhookEventId: 'E7006', more: true });
    await database.db.execute(sql`delete from webhook_events where chat_id in ('Q1', 'Q2')`);
  });

  it('finds the chats with waiting events with a probe per chat, not by reading every event', async () => {
    const chats = await chatsWithUnfinishedEvents(database);
    expect(chats.toSorted()).toEqual(Array.from({ length: 20 }, (_, i) => `C${i}`).toSorted());
    // Twenty probes of a few pages each; a plain `distinct` read all of the inbox's pages.
    const inbox = await inboxPages();
    expect(inbox).toBeGreaterThan(500);
    expect(await pagesTouched(UNFINISHED_CHATS)).toBeLessThan(inbox / 5);
  });
});

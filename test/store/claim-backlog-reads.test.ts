import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { claimNext, finishAndClaimNext } from '../../src/store/webhook-events';
import { createTestDatabase, databaseKinds, type TestDatabase } from '../helpers/db';
import { pagesTouched } from '../helpers/pages';

// A burst: twenty people each send a hundred readings within a minute, and the inbox holds them
// all before the first is processed, with no statistics about them yet (autovacuum looks every
// minute or so; PGlite has none). Each claim must read the chat's first waiting event and the
// sender's earlier events of the minute, not the chat's whole backlog and the sender's whole
// minute: before drizzle/0023 a claim here read every event of the chat's backlog (fetched and
// sorted) and every event of the sender's minute (to count the earlier ones), growing with the
// burst. The count still reads one row per earlier event, up to the per-person limit (30).
describe.each(databaseKinds())('a claim behind a backlog on %s', (kind) => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase(kind);
    await database.db.execute(sql`
      insert into webhook_events (webhook_event_id, occurred_at, chat_id, type, payload, sender_id)
      select 'E' || lpad(i::text, 4, '0'),
        date_trunc('minute', now()) + make_interval(secs => i / 100.0),
        'C' || (i % 20), 'message',
        jsonb_build_object('type', 'message', 'message', jsonb_build_object('text',
          repeat('meter 1 = 4521 ', 4))),
        'U' || (i % 20)
      from generate_series(1, 2000) as i`);
  });
  afterAll(async () => {
    await database?.close();
  });

  /** Pages a claim touched, after a claim of another chat read the catalogs. */
  const claimPages = (chat: string, warmUpChat: string) => {
    const claim = (claimed: string) =>
      sql`select * from claim_next_event(${claimed}, 'worker-1', 30, 3, 99999)`;
    return database.db.transaction((tx) => pagesTouched(tx, claim(chat), claim(warmUpChat)));
  };

  // Measured: 34 pages on both databases, against 99 (PGlite) and 132 (PostgreSQL) before.
  it("reads a few dozen pages, not the chat's backlog or the sender's minute", async () => {
    expect(await claimPages('C3', 'C2')).toBeLessThan(60);
  });

  it("still claims the chat's oldest waiting event, counts the sender's minute and says more wait", async () => {
    const first = await claimNext(database, 'C7', 'worker-1', 99999);
    expect(first).toMatchObject({ webhookEventId: 'E0007', more: true, senderEarlier: 0 });
    const second = await finishAndClaimNext(
      database,
      first!,
      'worker-1',
      { status: 'done' },
      99999,
    );
    expect(second).toMatchObject({ webhookEventId: 'E0027', more: true, senderEarlier: 1 });
    // While it is being processed, the chat's next event waits: one event of a chat at a time.
    expect(await claimNext(database, 'C7', 'worker-2', 99999)).toBeNull();
  });
});

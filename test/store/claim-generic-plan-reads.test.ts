import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rows } from '../../src/db/client';
import { createTestDatabase, databaseKinds, type TestDatabase } from '../helpers/db';
import { pagesTouched } from '../helpers/pages';

// A long-lived connection runs the claim and the finish hundreds of times a minute, so their
// statements soon run on generic plans: planned once, for any chat and any event, from the
// table's statistics. Two of those plans went through the wrong index (seen in the drain on
// PostgreSQL, 5,000 readings of 50 people waiting):
// - "is one of this chat's events being processed?" walked all of the chat's waiting events
//   (the index of unfinished events) instead of the few being processed: 103 pages a claim;
// - the finish found its event through a whole index of events being processed (every worker's,
//   and the entries of events finished since the last vacuum) instead of the primary key: 56.
// This reproduces the second (the finish's pages grow with the events finished before it); the
// first came from the drain's own statistics and is not reproduced here, so the claim's bound
// below only guards against a claim that reads the chat's backlog.
describe.each(databaseKinds())('the claim and the finish on generic plans on %s', (kind) => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase(kind);
    // No statistics yet (autovacuum has not looked; PGlite has none): the planner knows only
    // the table's size, and every index of it looks as small as it was made.
    // 20 chats with 100 waiting events each.
    await database.db.execute(sql`
      insert into webhook_events (webhook_event_id, occurred_at, chat_id, type, payload, sender_id)
      select 'E' || lpad(i::text, 4, '0'),
        date_trunc('minute', now()) - interval '1 hour' + make_interval(secs => i),
        'C' || (i % 20), 'message',
        jsonb_build_object('type', 'message', 'message', jsonb_build_object('text', 'meter 1 = 1')),
        'U' || (i % 20)
      from generate_series(1, 2000) as i`);
  });
  afterAll(async () => {
    await database?.close();
  });

  const claim = (chat: string, worker: string) =>
    sql`select * from claim_next_event(${chat}, ${worker}, 30, 3, 99999)`;
  const finish = (eventId: string, worker: string) =>
    sql`select finish_webhook_event(${eventId}, ${worker}, 'done', null)`;

  it('a claim reads a chat that is waiting, not its whole backlog; a finish reads its event', async () => {
    const measured = await database.db.transaction(async (tx) => {
      // Enough claims and finishes on this connection for the generic plans to be chosen
      // (PostgreSQL tries five custom plans first), with one chat of each worker in flight.
      for (let round = 0; round < 30; round++) {
        for (let chat = 0; chat < 8; chat++) {
          const [claimed] = await rows<{ webhook_event_id: string }>(
            tx,
            claim(`C${chat}`, `worker-${chat}`),
          );
          await tx.execute(finish(claimed!.webhook_event_id, `worker-${chat}`));
        }
      }
      // A chat with 99 events waiting and none being processed: the usual claim.
      const [held] = await rows<{ webhook_event_id: string }>(tx, claim('C9', 'worker-9'));
      const claiming = await pagesTouched(tx, claim('C11', 'worker-1'), claim('C12', 'worker-1'));
      const [inFlight] = await rows<{ webhook_event_id: string }>(tx, claim('C10', 'worker-1'));
      const finishing = await pagesTouched(
        tx,
        finish(inFlight!.webhook_event_id, 'worker-1'),
        finish(held!.webhook_event_id, 'worker-9'),
      );
      return { claiming, finishing };
    });
    // Measured: the claim 34-35 pages on both databases; the finish 12 after 240 finished
    // events, against 20 through the index of events being processed (it grows with them).
    expect(measured.claiming).toBeLessThan(45);
    expect(measured.finishing).toBeLessThan(15);
  });
});

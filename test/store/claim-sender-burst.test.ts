import { eq, sql } from 'drizzle-orm';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rows } from '../../src/db/client';
import { webhookEvents } from '../../src/db/schema';
import {
  type ClaimedEvent,
  claimNext,
  finishAndClaimNext,
  finishEvent,
  type InboxRow,
  insertInboxRows,
} from '../../src/store/webhook-events';
import { createTestDatabase, databaseKinds, type TestDatabase } from '../helpers/db';

// The claim's count of what a person sent earlier in the minute goes on from the nearest earlier
// event already counted (drizzle/0024). It must give the full count's answer whatever order the
// person's chats are served in, and a person's burst must not make each claim read the minute.
describe.each(databaseKinds())("the count of a person's minute on %s", (kind) => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase(kind);
  });
  afterAll(async () => {
    await database?.close();
  });

  const minute = Date.UTC(2026, 11, 1, 10, 30);
  let runs = 0;

  /** Claims and finishes every event of `chats` (taking turns as `turns` says): counts by id. */
  async function serve(chats: string[], turns: number[], cap: number) {
    const counted = new Map<string, number>();
    const held = new Map<string, ClaimedEvent | null>();
    const open = new Set(chats);
    for (let turn = 0; open.size > 0; turn++) {
      const waiting = [...open];
      const chat = waiting[(turns[turn % turns.length] ?? 0) % waiting.length]!;
      const claimed = held.has(chat) ? held.get(chat)! : await claimNext(database, chat, 'w', cap);
      if (!claimed) {
        open.delete(chat);
        continue;
      }
      counted.set(claimed.webhookEventId, claimed.senderEarlier);
      held.set(chat, await finishAndClaimNext(database, claimed, 'w', { status: 'done' }, cap));
    }
    return counted;
  }

  it('gives the full count, whatever order the person’s chats take turns in', async () => {
    await fc.assert(
      fc.asyncProperty(
        // Each event: which of three chats it was said in, and milliseconds after the last
        // (0: the same instant, ordered by id); the minute's last second crosses into the next.
        fc.array(fc.record({ chat: fc.nat(2), gapMs: fc.constantFrom(0, 1, 700, 4000) }), {
          minLength: 1,
          maxLength: 30,
        }),
        fc.array(fc.nat(5), { minLength: 1, maxLength: 20 }),
        fc.constantFrom(3, 99999),
        async (said, turns, cap) => {
          const run = ++runs;
          const sender = `U-${run}`;
          let at = minute + 40_000;
          const events: InboxRow[] = said.map((event, i) => {
            at += event.gapMs;
            // Ids out of time order at shared instants: the count orders by time, then id.
            const id = `R${run}-${String(99 - i).padStart(2, '0')}`;
            return {
              webhookEventId: id,
              occurredAt: new Date(at),
              chatId: `R${run}-chat-${event.chat}`,
              type: 'message',
              payload: { type: 'message', timestamp: at, webhookEventId: id } as never,
              senderId: sender,
            };
          });
          await insertInboxRows(database, events);
          // The full count, worked out here: earlier events of the same clock minute.
          const minuteOf = (row: InboxRow) => Math.floor(row.occurredAt!.getTime() / 60_000);
          const earlier = (a: InboxRow, b: InboxRow) =>
            a.occurredAt!.getTime() < b.occurredAt!.getTime() ||
            (a.occurredAt!.getTime() === b.occurredAt!.getTime() &&
              a.webhookEventId < b.webhookEventId);
          const expected = new Map(
            events.map((e) => [
              e.webhookEventId,
              Math.min(
                cap,
                events.filter((o) => minuteOf(o) === minuteOf(e) && earlier(o, e)).length,
              ),
            ]),
          );
          const chats = [...new Set(events.map((e) => e.chatId))];
          expect(await serve(chats, turns, cap)).toEqual(expected);
        },
      ),
      { numRuns: 25 },
    );
  });

  it("reads a few rows per claim in a person's burst, not the minute so far", async () => {
    // A database of its own: a session keeps the plans it made while the inbox was tiny (until
    // statistics are taken), and those read every waiting event of a chat.
    const own = await createTestDatabase(kind);
    try {
      await serveBurst(own);
    } finally {
      await own.close();
    }
  });
});

/** One person's burst, served; then the rows one more claim reads and what it counted. */
async function serveBurst(database: TestDatabase) {
  // One person sends 600 messages within a minute, and the inbox holds them all before the
  // first is processed.
  await database.db.execute(sql`
    insert into webhook_events (webhook_event_id, occurred_at, chat_id, type, payload, sender_id)
    select 'B' || lpad(i::text, 4, '0'),
      date_trunc('minute', now()) + make_interval(secs => i / 20.0),
      'burst-chat', 'message',
      jsonb_build_object('type', 'message', 'message', jsonb_build_object('text',
        repeat('meter 1 = 4521 ', 4))),
      'U-burst'
    from generate_series(1, 600) as i`);
  let claimed = await claimNext(database, 'burst-chat', 'w', 99999);
  for (let i = 1; i < 500; i++)
    claimed = await finishAndClaimNext(database, claimed!, 'w', { status: 'done' }, 99999);
  expect(claimed).toMatchObject({ webhookEventId: 'B0500', senderEarlier: 499 });
  await finishEvent(database, claimed!.webhookEventId, 'w', { status: 'done' });

  // Rows of the inbox the claim of B0501 read (index and table scans), as this transaction's
  // statistics count them. Measured: 7 on PGlite, 8 on PostgreSQL; counting the whole minute
  // read 507 on PGlite.
  const fetched = await database.db.transaction(async (tx) => {
    const inboxReads = async () => {
      const [row] = await rows<{ n: number | string }>(
        tx,
        sql`select coalesce(idx_tup_fetch, 0) + coalesce(seq_tup_read, 0) as n
            from pg_stat_xact_user_tables where relname = 'webhook_events'`,
      );
      return Number(row?.n ?? 0);
    };
    const before = await inboxReads();
    await tx.execute(sql`select * from claim_next_event('burst-chat', 'w', 30, 3, 99999)`);
    return (await inboxReads()) - before;
  });
  expect(fetched).toBeGreaterThan(0);
  expect(fetched).toBeLessThan(30);
  const [counted] = await database.db
    .select({ id: webhookEvents.webhookEventId, senderEarlier: webhookEvents.senderEarlier })
    .from(webhookEvents)
    .where(eq(webhookEvents.status, 'processing'));
  expect(counted).toEqual({ id: 'B0501', senderEarlier: 500 });
}

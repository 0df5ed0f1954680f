import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { claimNext, type InboxRow, insertInboxRows } from '../../src/store/webhook-events';
import { createTestDatabase, databaseKinds, type TestDatabase } from '../helpers/db';

// The claim counts what the sender sent earlier in the same clock minute (for the per-person
// limit in chat), at the edges that matter: the last and first millisecond of a minute, two
// events at the same instant (ordered by id), another sender, and the cap.
describe.each(databaseKinds())("the claim's count of a sender's minute on %s", (kind) => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase(kind);
  });
  afterAll(async () => {
    await database?.close();
  });

  const minute = Date.UTC(2026, 11, 1, 10, 30);
  // Each event alone in a chat of its own, so that claiming that chat claims exactly it.
  const row = (id: string, sender: string, at: number): InboxRow => ({
    webhookEventId: id,
    occurredAt: new Date(at),
    chatId: `chat-${id}`,
    type: 'message',
    payload: { type: 'message', timestamp: at, webhookEventId: id } as never,
    senderId: sender,
  });
  const events = [
    row('A-prev-minute', 'U-a', minute - 1), // 10:29:59.999, the minute before
    row('A-first', 'U-a', minute), // 10:30:00.000, first of the minute
    row('A-same-2', 'U-a', minute + 5_000), // two at the same instant: ids decide
    row('A-same-1', 'U-a', minute + 5_000),
    row('B-middle', 'U-b', minute + 10_000), // another sender, same minute
    row('A-last', 'U-a', minute + 59_999), // 10:30:59.999, last of the minute
    row('A-next-minute', 'U-a', minute + 60_000), // 10:31:00.000, the next minute
  ];
  const expected: Record<string, number> = {
    'A-prev-minute': 0,
    'A-first': 0,
    'A-same-1': 1,
    'A-same-2': 2,
    'B-middle': 0,
    'A-last': 3,
    'A-next-minute': 0,
  };

  it('counts the earlier events of the same minute, edge by edge, up to the cap', async () => {
    await insertInboxRows(database, events);
    const counted: Record<string, number> = {};
    for (const event of events) {
      const claimed = await claimNext(database, event.chatId, 'worker-1', 10);
      expect(claimed?.webhookEventId).toBe(event.webhookEventId);
      counted[event.webhookEventId] = claimed!.senderEarlier;
    }
    expect(counted).toEqual(expected);
  });

  it('stops counting at the cap it is given', async () => {
    const capped = await createTestDatabase(kind);
    try {
      await insertInboxRows(capped, events);
      const last = events.find((e) => e.webhookEventId === 'A-last')!;
      // Three earlier events of the minute, counted up to 2.
      expect((await claimNext(capped, last.chatId, 'worker-1', 2))?.senderEarlier).toBe(2);
    } finally {
      await capped.close();
    }
  });
});

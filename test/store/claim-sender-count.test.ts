import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { limitWindow } from '../../src/domain/chat-limit';
import { eventsBefore } from '../../src/store/chat-limits';
import { claimNext, type InboxRow, insertInboxRows } from '../../src/store/webhook-events';
import { createTestDatabase, databaseKinds, type TestDatabase } from '../helpers/db';

// The claim counts what the sender sent earlier in the same clock minute (for the per-person
// limit in chat). It must agree with the count taken on its own (eventsBefore), at the edges
// that matter: the last and first millisecond of a minute, two events at the same instant
// (ordered by id), another sender, and the cap.
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

  it('counts what the separate query counts, edge by edge, and stops at the cap', async () => {
    await insertInboxRows(database, events);
    for (const event of events) {
      const claimed = await claimNext(database, event.chatId, 'worker-1', 2);
      expect(claimed?.webhookEventId).toBe(event.webhookEventId);
      const window = limitWindow(event.occurredAt.getTime());
      const counted = await eventsBefore(database, {
        senderId: event.senderId!,
        eventId: event.webhookEventId,
        occurredAt: event.occurredAt,
        windowStart: window.start,
        windowEnd: window.end,
        cap: 10,
      });
      expect({ id: event.webhookEventId, counted }).toEqual({
        id: event.webhookEventId,
        counted: expected[event.webhookEventId],
      });
      // The claim was given a cap of 2.
      expect(claimed!.senderEarlier).toBe(Math.min(counted, 2));
    }
  });
});

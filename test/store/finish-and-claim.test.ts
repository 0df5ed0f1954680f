import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { webhookEvents } from '../../src/db/schema';
import {
  claimNext,
  finishAndClaimNext,
  type InboxRow,
  insertInboxRows,
} from '../../src/store/webhook-events';
import { createTestDatabase, databaseKinds, type TestDatabase } from '../helpers/db';

// Finishing an event claims its chat's next one in the same statement: in order, only for the
// worker that held the finished claim, never past another live worker's claim, and with the
// finished event's content cleared as finishEvent clears it.
describe.each(databaseKinds())('finishing an event and claiming the next on %s', (kind) => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase(kind);
  });
  afterAll(async () => {
    await database?.close();
  });

  const at = Date.UTC(2026, 11, 1, 10, 30);
  const row = (id: string, chatId: string, offsetMs: number): InboxRow => ({
    webhookEventId: id,
    occurredAt: new Date(at + offsetMs),
    chatId,
    type: 'message',
    payload: {
      type: 'message',
      timestamp: at + offsetMs,
      webhookEventId: id,
      message: { type: 'text', text: `said in ${id}` },
    } as never,
    senderId: 'U-a',
  });
  const status = async (id: string) => {
    const [found] = await database.db
      .select({
        status: webhookEvents.status,
        by: webhookEvents.claimedBy,
        payload: webhookEvents.payload,
      })
      .from(webhookEvents)
      .where(eq(webhookEvents.webhookEventId, id));
    return found;
  };

  it("claims the chat's events in order, one per finish, then nothing", async () => {
    // Inserted out of order: the time decides.
    await insertInboxRows(database, [row('c1-third', 'c1', 30), row('c1-first', 'c1', 10)]);
    await insertInboxRows(database, [row('c1-second', 'c1', 20), row('c2-only', 'c2', 0)]);
    const first = await claimNext(database, 'c1', 'worker-1', 30);
    expect(first?.webhookEventId).toBe('c1-first');

    const second = await finishAndClaimNext(database, first!, 'worker-1', { status: 'done' }, 30);
    expect(second).toMatchObject({
      webhookEventId: 'c1-second',
      chatId: 'c1',
      attempts: 1,
      more: true,
    });
    // The sender's earlier events of the minute (c2-only and c1-first) are counted as by claimNext.
    expect(second?.senderEarlier).toBe(2);
    expect(await status('c1-first')).toEqual({
      status: 'done',
      by: 'worker-1',
      // What was said is gone; the id, kind and time stay for deduplication.
      payload: {
        type: 'message',
        timestamp: at + 10,
        webhookEventId: 'c1-first',
        message: { type: 'text' },
      },
    });
    expect((await status('c1-second'))?.status).toBe('processing');

    const failure = new Error('the handler broke');
    const third = await finishAndClaimNext(
      database,
      second!,
      'worker-1',
      { status: 'failed', error: failure },
      30,
    );
    expect(third).toMatchObject({ webhookEventId: 'c1-third', more: false });
    expect((await status('c1-second'))?.status).toBe('failed');

    expect(
      await finishAndClaimNext(database, third!, 'worker-1', { status: 'done' }, 30),
    ).toBeNull();
    expect((await status('c1-third'))?.status).toBe('done');
    // Another chat's event was never touched.
    expect((await status('c2-only'))?.status).toBe('pending');
  });

  it("finishes nothing and claims nothing past another live worker's claim", async () => {
    await insertInboxRows(database, [row('c3-first', 'c3', 0), row('c3-second', 'c3', 1)]);
    const first = await claimNext(database, 'c3', 'worker-1', 30);
    expect(first?.webhookEventId).toBe('c3-first');
    // A worker that does not hold the claim (it lost its lease) cannot finish it, and the chat's
    // event is being processed by a live worker: nothing is claimed either.
    expect(
      await finishAndClaimNext(database, first!, 'worker-2', { status: 'done' }, 30),
    ).toBeNull();
    expect(await status('c3-first')).toMatchObject({ status: 'processing', by: 'worker-1' });
    expect((await status('c3-second'))?.status).toBe('pending');
  });
});

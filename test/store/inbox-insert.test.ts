import { asc } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { webhookEvents } from '../../src/db/schema';
import { type InboxRow, insertInboxRows } from '../../src/store/webhook-events';
import { createTestDatabase, databaseKinds, type TestDatabase } from '../helpers/db';

// The inbox insert sends its rows as one JSON parameter: every field must come out in its
// column exactly as given, and an id seen before (in the table or earlier in the batch) is
// not stored again nor reported as new.
describe.each(databaseKinds())('recording webhook events in the inbox on %s', (kind) => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase(kind);
  });
  afterAll(async () => {
    await database?.close();
  });

  const row = (id: string, at: number, sender: string | null, text: string): InboxRow => ({
    webhookEventId: id,
    occurredAt: new Date(at),
    chatId: `C-${id.slice(0, 1)}`,
    type: 'message',
    payload: {
      type: 'message',
      timestamp: at,
      webhookEventId: id,
      message: { type: 'text', text, nested: { n: 1.5, list: [1, 'ข', null] } },
    } as never,
    senderId: sender,
  });
  const stored = () =>
    database.db
      .select({
        id: webhookEvents.webhookEventId,
        at: webhookEvents.occurredAt,
        chat: webhookEvents.chatId,
        type: webhookEvents.type,
        payload: webhookEvents.payload,
        sender: webhookEvents.senderId,
        status: webhookEvents.status,
      })
      .from(webhookEvents)
      .orderBy(asc(webhookEvents.webhookEventId));

  it('stores every field as given and reports the new ids', async () => {
    const a = row('a1', Date.UTC(2026, 11, 2, 3, 4, 5, 678), 'U-1', 'มิเตอร์ 1 = 4521 "quoted" \\ ✓');
    const b = row('b1', Date.UTC(2026, 0, 1, 0, 0, 0, 1), null, 'x');
    expect((await insertInboxRows(database, [a, b])).sort()).toEqual(['a1', 'b1']);
    expect(await stored()).toEqual([
      {
        id: 'a1',
        at: a.occurredAt,
        chat: 'C-a',
        type: 'message',
        payload: a.payload,
        sender: 'U-1',
        status: 'pending',
      },
      {
        id: 'b1',
        at: b.occurredAt,
        chat: 'C-b',
        type: 'message',
        payload: b.payload,
        sender: null,
        status: 'pending',
      },
    ]);
  });

  it('ignores ids already recorded or repeated in the batch, and reports only the new', async () => {
    const again = row('a1', Date.UTC(2026, 11, 2, 9), 'U-9', 'changed');
    const fresh = row('c1', Date.UTC(2026, 11, 2, 10), 'U-2', 'first');
    const twice = row('c1', Date.UTC(2026, 11, 2, 11), 'U-3', 'second');
    expect(await insertInboxRows(database, [again, fresh, twice])).toEqual(['c1']);
    const rows = await stored();
    expect(rows.map((r) => r.id)).toEqual(['a1', 'b1', 'c1']);
    expect(rows[0]!.sender).toBe('U-1'); // the first recording stands
    expect(rows[2]).toMatchObject({ sender: 'U-2', at: fresh.occurredAt, payload: fresh.payload });
    expect(await insertInboxRows(database, [])).toEqual([]);
  });
});

import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { withActor } from '../../src/db/actor';
import { quotaNotices } from '../../src/db/schema';
import { createLineUser, findSender } from '../../src/store/users';
import {
  claimNext,
  finishAndClaimNext,
  type InboxRow,
  insertInboxRows,
} from '../../src/store/webhook-events';
import { createTestDatabase, databaseKinds, type TestDatabase } from '../helpers/db';

// A claim given the quota month brings the claimed event's sender: the same user row and note
// flag as the sender's own lookup, so that the bot need not make that lookup on every event.
describe.each(databaseKinds())('a claim brings its sender on %s', (kind) => {
  let database: TestDatabase;
  let maleeId: string;
  beforeAll(async () => {
    database = await createTestDatabase(kind);
    const { user } = await withActor(database.db, { userId: null }, ({ tx }) =>
      createLineUser(tx, {
        lineUserId: 'U-malee',
        displayName: 'Malee',
        pictureUrl: null,
        language: 'th',
        timezone: 'Asia/Bangkok',
      }),
    );
    maleeId = user.id;
    // The note is owed to her in December, told already in November.
    await withActor(database.db, { userId: null }, ({ tx }) =>
      tx.insert(quotaNotices).values([
        { userId: maleeId, month: '2026-12' },
        { userId: maleeId, month: '2026-11', toldAt: new Date(), toldEvent: 'earlier' },
      ]),
    );
  });
  afterAll(async () => {
    await database?.close();
  });

  const at = Date.UTC(2026, 11, 1, 10, 30);
  const row = (id: string, chatId: string, userId: string, offsetMs: number): InboxRow => ({
    webhookEventId: id,
    occurredAt: new Date(at + offsetMs),
    chatId,
    type: 'message',
    payload: {
      type: 'message',
      timestamp: at + offsetMs,
      webhookEventId: id,
      source: { type: 'group', groupId: chatId, userId },
      message: { type: 'text', text: 'meter 1 = 5' },
    } as never,
    senderId: userId,
  });

  it('finds the user and the note as the lookup does, and nobody for a stranger', async () => {
    await insertInboxRows(database, [
      row('g1-malee', 'G1', 'U-malee', 10),
      row('g1-stranger', 'G1', 'U-stranger', 20),
      row('g1-malee-again', 'G1', 'U-malee', 30),
    ]);
    const first = await claimNext(database, 'G1', 'worker-1', 30, '2026-12');
    const looked = await findSender(database.db, 'U-malee', {
      month: '2026-12',
      eventId: 'g1-malee',
    });
    expect(looked?.user.id).toBe(maleeId);
    expect(first?.sender).toEqual({ month: '2026-12', found: looked });
    expect(first?.sender?.found?.pausedNoteOwed).toBe(true);

    const second = await finishAndClaimNext(
      database,
      first!,
      'worker-1',
      { status: 'done' },
      30,
      '2026-12',
    );
    expect(second?.webhookEventId).toBe('g1-stranger');
    expect(second?.sender).toEqual({ month: '2026-12', found: null });

    // November's note was told: not owed.
    const third = await finishAndClaimNext(
      database,
      second!,
      'worker-1',
      { status: 'done' },
      30,
      '2026-11',
    );
    expect(third?.sender?.found).toMatchObject({
      user: { id: maleeId, displayName: 'Malee', language: 'th' },
      pausedNoteOwed: false,
    });
  });

  it('does not look when not asked', async () => {
    await insertInboxRows(database, [row('g2-malee', 'G2', 'U-malee', 10)]);
    const claimed = await claimNext(database, 'G2', 'worker-1', 30);
    expect(claimed?.webhookEventId).toBe('g2-malee');
    expect(claimed).not.toHaveProperty('sender');
  });

  it.runIf(kind === 'postgres')(
    'claims without the sender when the people table cannot be read, and says it did not look',
    async () => {
      await insertInboxRows(database, [row('g3-malee', 'G3', 'U-malee', 10)]);
      await database.db.execute(sql`revoke select on users from home_log_app`);
      try {
        const claimed = await claimNext(database, 'G3', 'worker-1', 30, '2026-12');
        expect(claimed?.webhookEventId).toBe('g3-malee');
        expect(claimed).not.toHaveProperty('sender');
      } finally {
        await database.db.execute(sql`grant select on users to home_log_app`);
      }
    },
  );
});

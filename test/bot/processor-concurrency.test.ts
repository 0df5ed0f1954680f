import type { webhook } from '@line/bot-sdk';
import pino from 'pino';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createProcessor } from '../../src/bot/processor';
import type { Database } from '../../src/db/client';
import type { Deps } from '../../src/deps';
import { insertInboxRows } from '../../src/store/webhook-events';
import { createTestDatabase, databaseKinds } from '../helpers/db';

// The webhook and processing share the bot's thread: while webhooks keep arriving, processing
// takes fewer events at once so acknowledgements keep up (one on PGlite, whose database runs in
// that thread too; two on PostgreSQL); with none arriving (a backlog after a restart), eight.

const CHATS = Array.from({ length: 12 }, (_, i) => `U${String(i).padStart(32, '0')}`);

describe.each(databaseKinds())('how many events are processed at once (%s)', (kind) => {
  let database: Database;
  let background: Promise<unknown>[];
  beforeEach(async () => {
    database = await createTestDatabase(kind);
    background = [];
    // One event waiting in each of twelve chats.
    await insertInboxRows(
      database,
      CHATS.map((chatId, i) => ({
        webhookEventId: `E${i}`,
        occurredAt: new Date(Date.now() - 1000 + i),
        chatId,
        type: 'message',
        payload: { type: 'message', source: { type: 'user', userId: chatId } } as webhook.Event,
        senderId: chatId,
      })),
    );
  });
  afterEach(async () => {
    await Promise.allSettled(background);
    await database.close();
  });

  /** A processor whose handler notes how many events are in it at once. */
  function processor(handlerMs: number) {
    const seen = { atOnce: 0, most: 0, handled: 0 };
    const deps = {
      database,
      logger: pino({ level: 'silent' }),
      config: { chatEventsPerMinute: 30 },
      runInBackground: (task: () => Promise<unknown>) => void background.push(task()),
    } as unknown as Deps;
    const created = createProcessor(deps, async () => {
      seen.atOnce++;
      seen.most = Math.max(seen.most, seen.atOnce);
      await new Promise((resolve) => setTimeout(resolve, handlerMs));
      seen.atOnce--;
      seen.handled++;
    });
    const settled = async () => {
      while (seen.handled < CHATS.length) await new Promise((r) => setTimeout(r, 10));
    };
    return { created, seen, settled };
  }

  it('takes fewer at a time while webhooks arrive', async () => {
    const { created, seen, settled } = processor(40);
    for (const chatId of CHATS) created.kick(chatId); // as the webhook does after recording
    // And webhooks keep coming (for a chat with nothing new) until all are done.
    const arriving = setInterval(() => created.kick(CHATS[0]!), 200);
    await settled().finally(() => clearInterval(arriving));
    expect(seen.most).toBe(kind === 'pglite' ? 1 : 2);
  });

  it('takes eight at a time through a backlog no webhook is adding to', async () => {
    // Long events: the eighth claim is in long before the first event is done.
    const { created, seen, settled } = processor(300);
    expect(await created.recover()).toBe(CHATS.length); // as at a start
    await settled();
    expect(seen.most).toBe(8);
  });
});

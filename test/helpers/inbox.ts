import type { webhook } from '@line/bot-sdk';
import pino from 'pino';
import type { Database } from '../../src/db/client';
import type { Deps } from '../../src/deps';
import { insertInboxRows } from '../../src/store/webhook-events';

/** A text message waiting in the inbox: its id, its chat (the sender's own), and when. */
export interface WaitingMessage {
  id: string;
  chatId: string;
  occurredAt: Date;
}

/** Records message events as the webhook would, each from the user whose chat it is. */
export function recordWaiting(database: Database, messages: WaitingMessage[]): Promise<string[]> {
  return insertInboxRows(
    database,
    messages.map(({ id, chatId, occurredAt }) => ({
      webhookEventId: id,
      occurredAt,
      chatId,
      type: 'message',
      payload: { type: 'message', source: { type: 'user', userId: chatId } } as webhook.Event,
      senderId: chatId,
    })),
  );
}

/**
 * One waiting message per entry of `chats`, in that order a millisecond apart, with ids E0, E1…
 */
export function recordWaitingInOrder(database: Database, chats: string[]): Promise<string[]> {
  const start = Date.now() - 1000;
  return recordWaiting(
    database,
    chats.map((chatId, i) => ({ id: `E${i}`, chatId, occurredAt: new Date(start + i) })),
  );
}

/**
 * What a processor needs, and no more: the database, a silent logger and the background tasks
 * it starts, collected so that a test can settle them before closing the database.
 */
export function processorDeps(database: Database): { deps: Deps; background: Promise<unknown>[] } {
  const background: Promise<unknown>[] = [];
  const deps = {
    database,
    logger: pino({ level: 'silent' }),
    config: { chatEventsPerMinute: 30 },
    clock: () => new Date(),
    runInBackground: (task: () => Promise<unknown>) => void background.push(task()),
  } as unknown as Deps;
  return { deps, background };
}

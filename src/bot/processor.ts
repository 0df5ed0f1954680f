import type { Deps } from '../deps';
import {
  abandonExhausted,
  type ClaimedEvent,
  chatsWithUnfinishedEvents,
  claimNext,
  finishEvent,
  pruneFinished,
} from '../store/webhook-events';

export type EventHandler = (claimed: ClaimedEvent) => Promise<void>;

export interface Processor {
  /** Processes the chat's waiting events in order, in the background. */
  kick(chatId: string): void;
  /** Picks up events left unfinished by a previous process (call once at start). */
  recover(): Promise<number>;
  /** Periodically picks up events no worker is looking after; returns a stop function. */
  startSweeper(intervalMs?: number): () => void;
}

/**
 * Events of one chat run one after another; different chats run concurrently. The order is
 * kept by the database (claimNext), so it holds with several instances too; the in-process
 * map only avoids running two loops for one chat in this process.
 */
export function createProcessor(
  deps: Deps,
  handle: EventHandler,
  options: { concurrency?: number } = {},
): Processor {
  const log = deps.logger.child({ component: 'processor' });
  // chat id -> whether more events arrived while its loop was running
  const running = new Map<string, { again: boolean }>();
  // At most this many chats are processed at once, so that processing never takes every
  // database connection (or, on PGlite, the only one) from the webhook, whose 200 must not wait.
  // Chats beyond it wait their turn in arrival order.
  const concurrency = options.concurrency ?? (deps.database.kind === 'pglite' ? 1 : 4);
  const waiting: string[] = [];
  let active = 0;

  const start = (chatId: string) => {
    active++;
    deps.runInBackground(() =>
      drainChat(chatId).finally(() => {
        active--;
        const next = waiting.shift();
        if (next) start(next);
      }),
    );
  };

  async function drainChat(chatId: string): Promise<void> {
    const state = running.get(chatId)!;
    try {
      for (;;) {
        const claimed = await claimNext(deps.database.db, chatId);
        if (!claimed) {
          if (!state.again) return;
          state.again = false;
          continue;
        }
        await processOne(claimed);
      }
    } finally {
      running.delete(chatId);
    }
  }

  async function processOne(claimed: ClaimedEvent): Promise<void> {
    const started = performance.now();
    try {
      await handle(claimed);
      await finishEvent(deps.database.db, claimed.webhookEventId, { status: 'done' });
      log.debug(
        {
          eventId: claimed.webhookEventId,
          type: claimed.event.type,
          ms: Math.round(performance.now() - started),
        },
        'event processed',
      );
    } catch (error) {
      log.error(
        { err: error, eventId: claimed.webhookEventId, type: claimed.event.type },
        'event failed',
      );
      await finishEvent(deps.database.db, claimed.webhookEventId, {
        status: 'failed',
        error,
      }).catch((finishError) => log.error({ err: finishError }, 'could not mark event failed'));
    }
  }

  const kick = (chatId: string) => {
    const state = running.get(chatId);
    if (state) {
      state.again = true;
      return;
    }
    running.set(chatId, { again: false });
    if (active < concurrency) start(chatId);
    else waiting.push(chatId);
  };

  return {
    kick,
    async recover() {
      await abandonExhausted(deps.database.db);
      const chats = await chatsWithUnfinishedEvents(deps.database.db);
      for (const chatId of chats) kick(chatId);
      if (chats.length > 0) log.info({ chats: chats.length }, 'resuming unfinished events');
      return chats.length;
    },
    startSweeper(intervalMs = 10_000) {
      let lastPrune = 0;
      const timer = setInterval(() => {
        deps.runInBackground(async () => {
          await abandonExhausted(deps.database.db);
          for (const chatId of await chatsWithUnfinishedEvents(deps.database.db)) kick(chatId);
          // Once an hour, forget events long finished (they only served deduplication).
          if (Date.now() - lastPrune > 3_600_000) {
            lastPrune = Date.now();
            const pruned = await pruneFinished(deps.database.db);
            if (pruned > 0) log.info({ pruned }, 'forgot old finished events');
          }
        });
      }, intervalMs);
      timer.unref();
      return () => clearInterval(timer);
    },
  };
}

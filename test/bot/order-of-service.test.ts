import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ARRIVED_IN_A_ROW, createProcessor } from '../../src/bot/processor';
import type { Database } from '../../src/db/client';
import type { Deps } from '../../src/deps';
import { createTestDatabase } from '../helpers/db';
import { deferred } from '../helpers/deferred';
import { processorDeps, recordWaiting } from '../helpers/inbox';

// The order chats are served in, one event at a time: a chat that was idle goes before the
// chats coming back from a turn with more to do, so a quiet chat's message waits for the event
// under way and not for a round of every busy chat; and a stream of newly active chats still
// lets a busy chat through after every ARRIVED_IN_A_ROW of them.
describe('the order chats are served in', () => {
  let database: Database;
  let background: Promise<unknown>[];
  let deps: Deps;
  let sequence = 0;
  beforeEach(async () => {
    database = await createTestDatabase('pglite');
    ({ deps, background } = processorDeps(database));
  });
  afterEach(async () => {
    await Promise.allSettled(background);
    await database.close();
  });

  /** `count` events waiting in `chat`, in time order. */
  const waiting = (chat: string, count: number) =>
    recordWaiting(
      database,
      Array.from({ length: count }, () => {
        const n = ++sequence;
        return {
          id: `E${String(n).padStart(4, '0')}`,
          chatId: chat,
          occurredAt: new Date(Date.now() - 60_000 + n),
        };
      }),
    );

  /**
   * One event at a time, never pausing; `during(n)` runs while the n-th event is handled.
   * Resolves with the chats of the events handled, in order, once `total` were.
   */
  function serve(total: number, during: (n: number) => Promise<void>) {
    const served: string[] = [];
    const { promise: done, resolve: finish } = deferred();
    const processor = createProcessor(
      deps,
      async (claimed) => {
        served.push(claimed.chatId);
        await during(served.length);
        if (served.length === total) finish();
      },
      {
        concurrency: 1,
        concurrencyWhileArriving: 1,
        threadUse: () => ({ idle: 1, active: 0, utilization: 0 }),
      },
    );
    return { processor, served, done };
  }

  it("serves a quiet chat's message right after the event under way, before the busy chats' next turns", async () => {
    for (const busy of ['A', 'B', 'C']) await waiting(busy, 4);
    const { processor, served, done } = serve(13, async (n) => {
      if (n !== 4) return;
      // The quiet person writes while A's second event is handled (each busy chat had a turn).
      await waiting('Q', 1);
      processor.kick('Q');
    });
    for (const busy of ['A', 'B', 'C']) processor.kick(busy);
    await done;
    // In arrival order, Q would have waited for B's and C's next turns as well.
    expect(served).toEqual(['A', 'B', 'C', 'A', 'Q', 'B', 'C', 'A', 'B', 'C', 'A', 'B', 'C']);
  });

  it(`lets a busy chat through after every ${ARRIVED_IN_A_ROW} chats that were idle`, async () => {
    await waiting('busy', 3);
    const newcomers = Array.from({ length: 10 }, (_, i) => `new-${i}`);
    for (const chat of newcomers) await waiting(chat, 1);
    const { processor, served, done } = serve(13, async (n) => {
      if (n !== 1) return;
      // Ten people write at once while the busy chat's first event is handled.
      for (const chat of newcomers) processor.kick(chat);
    });
    processor.kick('busy');
    await done;
    expect(served).toEqual([
      'busy',
      ...newcomers.slice(0, 4),
      'busy',
      ...newcomers.slice(4, 8),
      'busy',
      ...newcomers.slice(8),
    ]);
  });
});

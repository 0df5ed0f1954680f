import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createProcessor, YIELD_FACTOR } from '../../src/bot/processor';
import type { Database } from '../../src/db/client';
import type { Deps } from '../../src/deps';
import { createTestDatabase, type DatabaseKind, databaseKinds } from '../helpers/db';
import { processorDeps, recordWaiting, recordWaitingInOrder } from '../helpers/inbox';

// The webhook and processing share the bot's thread: while webhooks keep arriving, processing
// takes fewer events at once so acknowledgements keep up (one on PGlite, whose database runs in
// that thread too; two on PostgreSQL); with none arriving (a backlog after a restart), eight.

const CHATS = Array.from({ length: 12 }, (_, i) => `U${String(i).padStart(32, '0')}`);

/**
 * Each test gets a database with one event waiting in each of `chats`, and deps whose
 * background tasks are settled before the database closes.
 */
function eventsWaitingIn(kind: DatabaseKind, chats: string[]) {
  const setup = {} as { database: Database; background: Promise<unknown>[]; deps: Deps };
  beforeEach(async () => {
    setup.database = await createTestDatabase(kind);
    ({ deps: setup.deps, background: setup.background } = processorDeps(setup.database));
    await recordWaitingInOrder(setup.database, chats);
  });
  afterEach(async () => {
    await Promise.allSettled(setup.background);
    await setup.database.close();
  });
  return setup;
}

describe.each(databaseKinds())('how many events are processed at once (%s)', (kind) => {
  // One event waiting in each of twelve chats.
  const setup = eventsWaitingIn(kind, CHATS);

  /** A processor whose handler notes how many events are in it at once. */
  function processor(handlerMs: number) {
    const seen = { atOnce: 0, most: 0, handled: 0 };
    const created = createProcessor(setup.deps, async () => {
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

// Under a flood the thread is saturated and webhook requests queue for their 200: each event's
// turn is then followed by a pause of YIELD_FACTOR times its length, so the acknowledgements get
// the thread. Saturation alone (a backlog worked through while few messages arrive) is no reason
// to pause, nor are a few requests waiting while the thread has time to spare. The pause is for
// the busy chats: a chat that was idle does not wait it out.
const BUSY = CHATS[0]!;
const QUIET = CHATS[1]!;

describe.each(databaseKinds())('processing yields to queued acknowledgements (%s)', (kind) => {
  // Four events waiting in one chat: after each, the chat comes back for its next turn.
  const setup = eventsWaitingIn(kind, [BUSY, BUSY, BUSY, BUSY]);

  // Long enough that a pause stands clear of what claiming and finishing an event costs on a
  // loaded machine (up to about 140 ms seen with the whole suite running).
  const HANDLER_MS = 120;

  /** A processor with one event at a time, a saturated thread and `waiting` requests queued. */
  function floodedProcessor(
    busy: number,
    waitingForTheir200: number,
    /** Requests that arrive during each event and are answered before it ends. */
    burstDuringEach = 0,
  ) {
    const starts: { chatId: string; at: number }[] = [];
    const processor = createProcessor(
      setup.deps,
      async (claimed) => {
        starts.push({ chatId: claimed.chatId, at: performance.now() });
        const burst = Array.from({ length: burstDuringEach }, () => processor.acknowledging());
        await new Promise((resolve) => setTimeout(resolve, HANDLER_MS / 2));
        for (const answered of burst) answered();
        await new Promise((resolve) => setTimeout(resolve, HANDLER_MS / 2));
      },
      {
        concurrency: 1,
        concurrencyWhileArriving: 1,
        threadUse: () => ({ idle: 0, active: 0, utilization: busy }),
      },
    );
    const unanswered = Array.from({ length: waitingForTheir200 }, () => processor.acknowledging());
    const answerAll = () => {
      for (const answered of unanswered) answered();
    };
    return { processor, starts, answerAll };
  }

  /** Milliseconds between the starts of the busy chat's four events. */
  async function gapsBetweenEvents(busy: number, waiting: number, burstDuringEach = 0) {
    const { processor, starts, answerAll } = floodedProcessor(busy, waiting, burstDuringEach);
    await processor.recover();
    while (starts.length < 4) await new Promise((r) => setTimeout(r, 10));
    answerAll();
    return starts.slice(1).map((start, i) => start.at - starts[i]!.at);
  }

  const PAUSED_GAP = HANDLER_MS * (1 + YIELD_FACTOR) - 5;

  it('pauses after each event while four requests wait and the thread is saturated', async () => {
    for (const gap of await gapsBetweenEvents(0.95, 4)) expect(gap).toBeGreaterThan(PAUSED_GAP);
  });

  it('pauses as well when four requests waited during the turn, though none wait at its end', async () => {
    for (const gap of await gapsBetweenEvents(0.95, 0, 4)) expect(gap).toBeGreaterThan(PAUSED_GAP);
  });

  it('does not pause when the thread is saturated but acknowledgements are not queueing', async () => {
    for (const gap of await gapsBetweenEvents(1, 3)) expect(gap).toBeLessThan(HANDLER_MS * 2.5);
  });

  it('does not pause when requests wait but the thread has time to spare', async () => {
    for (const gap of await gapsBetweenEvents(0.85, 10)) expect(gap).toBeLessThan(HANDLER_MS * 2.5);
  });

  it("serves an idle chat's event without waiting out the busy chat's pause", async () => {
    const { processor, starts, answerAll } = floodedProcessor(0.95, 4);
    const quietEvent = async (id: string) => {
      await recordWaiting(setup.database, [{ id, chatId: QUIET, occurredAt: new Date() }]);
      processor.kick(QUIET);
      return performance.now();
    };
    const quietStart = async (n: number) => {
      while (starts.filter((s) => s.chatId === QUIET).length < n) {
        await new Promise((r) => setTimeout(r, 5));
      }
      return starts.filter((s) => s.chatId === QUIET)[n - 1]!.at;
    };
    try {
      await processor.recover();
      while (starts.length < 1) await new Promise((r) => setTimeout(r, 5));
      // Arriving during the busy chat's event: served as that event ends, with no pause between.
      const firstSent = await quietEvent('Q1');
      const busyEnds = starts[0]!.at + HANDLER_MS;
      expect((await quietStart(1)) - firstSent).toBeLessThan(HANDLER_MS + 100);
      expect(await quietStart(1)).toBeGreaterThan(busyEnds - 5);
      // Arriving during a pause (the busy chat's second event, then its pause): served at once.
      while (starts.length < 3) await new Promise((r) => setTimeout(r, 5));
      await new Promise((r) => setTimeout(r, HANDLER_MS + 50)); // its turn is over: a pause
      const pausedSince = performance.now();
      expect(starts.length).toBe(3); // still pausing
      const secondSent = await quietEvent('Q2');
      expect((await quietStart(2)) - secondSent).toBeLessThan(100);
      expect(pausedSince - starts[2]!.at).toBeLessThan(HANDLER_MS * YIELD_FACTOR);
    } finally {
      answerAll();
      await processor.stop();
    }
  });
});

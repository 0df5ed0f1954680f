import type { Deps } from '../deps';
import { quotaMonth } from '../domain/billing/quota';
import {
  abandonExhausted,
  type ClaimedEvent,
  chatsWithUnfinishedEvents,
  claimNext,
  finishAndClaimNext,
  LEASE_RENEW_MS,
  type Outcome,
  releaseAllClaims,
  releaseDeadWorkersClaims,
  releaseUnstartedClaims,
  renewLeases,
} from '../store/webhook-events';

export type EventHandler = (claimed: ClaimedEvent) => Promise<void>;

export interface Processor {
  /** A webhook recorded events of the chat: processes its waiting events in order, in the background. */
  kick(chatId: string): void;
  /** Picks up events left unfinished by a previous process (call once at start). */
  recover(): Promise<number>;
  /** Periodically picks up events no live worker is looking after; returns a stop function. */
  startSweeper(intervalMs?: number): () => void;
  /** A webhook request arrived: returns the function to call once it is answered. */
  acknowledging(): () => void;
  /**
   * Stops taking turns (at shutdown): the events being processed finish, the ones claimed and
   * not started are given back for any instance to take at once, and leases stop being renewed.
   */
  stop(): Promise<void>;
  /** This process's worker id: the owner recorded on the events it claims. */
  readonly workerId: string;
}

/** The start of the id of a worker that holds a liveness lock (drizzle/0028). */
export const WORKER_LOCK_PREFIX = 'lock:';

/** How often the sweeper looks for orphaned events: a dead instance's chats resume within
 * the lease plus this. */
export const SWEEP_INTERVAL_MS = { pglite: 10_000, postgres: 1_000 } as const;

/** A thread busy this share of a turn's time is saturated (see `yieldToAcknowledgements`). */
export const SATURATED = 0.9;
/** Acknowledgements are queueing up when this many webhook requests wait for their 200. */
export const YIELD_WHEN_UNANSWERED = 4;
/**
 * Then a turn is followed by a pause this many times its length: processing gets a ninth of the
 * thread under a flood. Measured at full speed, 10 connections (same hour, one run each):
 * acknowledgements 2,771/2,881 (PGlite/PostgreSQL) with 2, 3,428/3,332 with 4, 3,595/3,486
 * with 6, 3,675/3,703 with 8, against 1,581-1,813 for the SDK's echo bot. A chat that was idle
 * never waits for a pause (`yieldToAcknowledgements`): a quiet chat's p99 under a four-chat
 * flood is 23-42 ms.
 */
export const YIELD_FACTOR = 8;

/** How busy the thread was (Node's `performance.eventLoopUtilization`). */
export interface ThreadUseSample {
  idle: number;
  active: number;
  utilization: number;
}
export type ThreadUse = (since?: ThreadUseSample) => ThreadUseSample;

/** At most this many chats that were idle are served before one coming back from a turn. */
export const ARRIVED_IN_A_ROW = 4;

/** Webhooks arrived this recently: the webhook is busy (see `concurrencyWhileArriving`). */
export const ARRIVALS_WINDOW_MS = 1_000;

/**
 * Events of one chat run one after another; different chats take turns. A chat goes to the
 * back of the queue after each event, and a chat that was idle goes before the chats coming
 * back from a turn (at most ARRIVED_IN_A_ROW of them at a time): a quiet chat's event waits for
 * the events under way, never for a round of the busy chats, let alone a backlog.
 *
 * The order within a chat is kept by the database (claimNext), so it holds with several
 * instances too. The statement that finishes an event also claims the chat's next one, which
 * waits for the chat's next turn. A claim carries this process's worker id and a lease that a
 * timer renews while this process holds claims: if the process dies, another instance takes
 * the chat over once the lease runs out (seconds), and on PGlite, where no other process can
 * exist, the next start releases every claim at once.
 */
export function createProcessor(
  deps: Deps,
  handle: EventHandler,
  options: {
    concurrency?: number;
    workerId?: string;
    /** At most this many at once while webhooks keep arriving (default: see below). */
    concurrencyWhileArriving?: number;
    /** Periodic work that goes with looking for orphaned events (at each sweep and recovery). */
    onSweep?: () => Promise<unknown>;
    /** How busy the thread is (default: Node's event-loop utilisation; tests pass their own). */
    threadUse?: ThreadUse;
  } = {},
): Processor {
  const log = deps.logger.child({ component: 'processor' });
  // Web Crypto and an optional pid: the same code runs on Cloudflare Workers. A worker that
  // holds a liveness lock says so in its id (`lock:`): its claims are taken over as soon as the
  // lock is gone, not when their lease runs out (drizzle/0028).
  const workerId =
    options.workerId ??
    `${deps.workerLock ? WORKER_LOCK_PREFIX : ''}${globalThis.process?.pid ?? 'worker'}-${crypto.randomUUID()}`;
  const workerLock = workerId.startsWith(WORKER_LOCK_PREFIX) ? deps.workerLock : undefined;
  // Taken before this worker's first claim and held until stop(); taken again after a failure.
  let lockHeld: Promise<{ release(): Promise<void> } | null> | undefined;
  const holdLock = () => {
    lockHeld ??= workerLock
      ? workerLock(workerId).catch((error) => {
          lockHeld = undefined;
          throw error;
        })
      : Promise.resolve(null);
    return lockHeld;
  };
  // At most this many events are processed at once. An event spends much of its time waiting:
  // for LINE (its reply), for the disk (its commit), and on PostgreSQL for round trips. PGlite
  // runs one statement at a time, but its log is flushed off the thread (db/pglite-flush.ts), so
  // while some events wait for the disk or LINE another uses the database, and commits that wait
  // together share a flush (drain on PGlite: 59-82 readings/s with two or eight at once before,
  // 100-106 with eight since; sixteen did no better).
  const concurrency = options.concurrency ?? 8;
  // But the webhook shares the bot's one thread with processing (on PGlite the database too):
  // with eight events in flight its acknowledgements starved (PGlite, 300/s offered: 160/s
  // answered, p99 135 ms). So while webhooks keep arriving, fewer events are processed at once
  // and the webhook comes first; once they stop, eight again. Measured (one run each):
  // - PGlite, one at a time: ack p99 at 300/s 37.8 ms, most acks 725/s (two: 51.5 ms, 421/s),
  //   events processed meanwhile about the same;
  // - PostgreSQL, two at a time: ack p99 31.9 ms, most acks 1,242/s, the echo bot's rate
  //   (four: 37.7 ms, 825/s; eight: 46-68 ms, 422-566/s), events processed meanwhile about the
  //   same; a quiet chat's p99 under a flood of four others 250 ms (four: 109 ms): still
  //   served between the busy chats' events, not behind their backlog.
  const concurrencyWhileArriving =
    options.concurrencyWhileArriving ?? (deps.database.kind === 'pglite' ? 1 : 2);
  let lastArrival = Number.NEGATIVE_INFINITY;
  const limit = () =>
    performance.now() - lastArrival < ARRIVALS_WINDOW_MS ? concurrencyWhileArriving : concurrency;

  // Webhook requests received and not yet answered (the webhook counts them).
  let unanswered = 0;
  // Node measures how busy its thread is; Workers do not, and a Worker does not share its
  // thread between acknowledging and processing the way a Node process does: no yielding there.
  const threadUse =
    options.threadUse ??
    (
      globalThis.performance as { eventLoopUtilization?: ThreadUse } | undefined
    )?.eventLoopUtilization?.bind(globalThis.performance);
  // Turns under way, each with the most webhook requests that waited at once during it.
  const turns = new Set<{ peak: number }>();
  const startTurnClock = () => {
    const queue = { peak: unanswered };
    turns.add(queue);
    return { at: performance.now(), use: threadUse?.(), queue };
  };
  // The pauses under way, each ended early by calling it: a chat that was idle and gets an
  // event ends one, and takes that slot at once.
  const pauses = new Set<() => void>();
  /**
   * When acknowledgements queued up during the turn (YIELD_WHEN_UNANSWERED requests waiting for
   * their 200 at some moment of it) and the thread was saturated, the turn's slot stays taken
   * for a pause of YIELD_FACTOR times the turn's length. Acknowledging is cheap and what LINE
   * waits for, so under a flood it gets most of the thread; processing goes on at a lower rate
   * and catches up once the flood ends. Saturation alone (a backlog being worked through while
   * a few messages trickle in) is no reason to pause. The queue is judged by its peak during the
   * turn, not at its end: a flood's requests are answered in bursts, and at the moment a turn
   * ends the queue may just have been emptied (on PGlite, when turns became shorter, the
   * queue at the end was under four in 19 of 20 turns of a flood, and processing took over half
   * of the thread).
   */
  const yieldToAcknowledgements = async (turn: ReturnType<typeof startTurnClock>) => {
    turns.delete(turn.queue);
    // A chat that was idle is waiting: the pause is for the busy chats, not for it.
    if (arrived.length > 0) return;
    if (!threadUse || !turn.use || turn.queue.peak < YIELD_WHEN_UNANSWERED) return;
    if (threadUse(turn.use).utilization < SATURATED) return;
    await new Promise<void>((resolve) => {
      const end = () => {
        clearTimeout(timer);
        pauses.delete(end);
        resolve();
      };
      const timer = setTimeout(end, (performance.now() - turn.at) * YIELD_FACTOR);
      pauses.add(end);
    });
  };

  // Chats waiting for a turn, in order: those that were idle until an event arrived, and those
  // back from a turn with more to do. A chat is in at most one of them and `serving`.
  const arrived: string[] = [];
  const returning: string[] = [];
  const queued = new Set<string>();
  // Turns given in a row to chats that arrived while others wait to return (see `nextChat`).
  let arrivedInARow = 0;
  // chat id -> whether more events arrived while one of its events was being processed
  const serving = new Map<string, { again: boolean }>();
  // chat id -> its next event, claimed as the previous one was finished, waiting for its turn
  const held = new Map<string, ClaimedEvent>();
  // Turns whose event is being processed (not the pauses after them): what stop() waits for.
  const underWay = new Set<Promise<boolean>>();
  // Set by stop(): no turn starts, no chat is queued, the sweeper does nothing.
  let stopping = false;
  // Events claimed by this process and not finished (in flight or held): their leases are renewed.
  let claims = 0;
  let leaseTimer: ReturnType<typeof setInterval> | undefined;

  const enqueue = (chatId: string, back: boolean) => {
    if (queued.has(chatId)) return;
    queued.add(chatId);
    (back ? returning : arrived).push(chatId);
    if (!back) pauses.values().next().value?.();
  };

  /**
   * The next chat to serve. A chat that was idle goes before those coming back from a turn: its
   * event waits for the turns under way, not for a round of every busy chat (four chats
   * flooding made a quiet chat's reply wait for four turns and the pauses after them). So that
   * a stream of new chats cannot hold a busy chat back for ever, at most ARRIVED_IN_A_ROW of
   * them go before one that is coming back.
   */
  const nextChat = (): string | undefined => {
    if (arrived.length > 0 && (returning.length === 0 || arrivedInARow < ARRIVED_IN_A_ROW)) {
      arrivedInARow = returning.length === 0 ? 0 : arrivedInARow + 1;
      return arrived.shift();
    }
    arrivedInARow = 0;
    return returning.shift();
  };

  const pump = () => {
    while (!stopping && serving.size < limit() && arrived.length + returning.length > 0) {
      const chatId = nextChat()!;
      queued.delete(chatId);
      const state = { again: false };
      serving.set(chatId, state);
      const turn = startTurnClock();
      const work = takeTurn(chatId);
      const settled = () => underWay.delete(work);
      underWay.add(work);
      work.then(settled, settled);
      deps.runInBackground(() =>
        work
          .then(async (more) => {
            await yieldToAcknowledgements(turn);
            serving.delete(chatId);
            if (more || state.again) enqueue(chatId, true);
          })
          .catch((error) => {
            serving.delete(chatId);
            log.error({ err: error, chatId }, 'could not claim an event');
          })
          .finally(() => {
            turns.delete(turn.queue);
            pump();
          }),
      );
    }
  };

  /**
   * One turn of a chat: processes its next event (the one held for it, else a new claim) and,
   * in the statement that finishes it, claims the one after, held until the chat's next turn.
   * True when the chat may have more.
   */
  async function takeTurn(chatId: string): Promise<boolean> {
    let claimed = held.get(chatId) ?? null;
    held.delete(chatId);
    if (!claimed) {
      await holdLock();
      claimed = await claimNext(
        deps.database,
        chatId,
        workerId,
        deps.config.chatEventsPerMinute,
        quotaMonth(deps.clock()),
      );
      if (!claimed) return false;
      claimStarted();
    }
    let next: ClaimedEvent | null = null;
    try {
      next = await processOne(claimed);
    } finally {
      claimEnded();
    }
    if (!next) return claimed.more === true;
    claimStarted();
    held.set(chatId, next);
    return true;
  }

  /** A claim's lease is renewed from its claim until it is finished (see LEASE_SECONDS). */
  function claimStarted() {
    claims++;
    if (leaseTimer) return;
    leaseTimer = setInterval(() => {
      renewLeases(deps.database, workerId).catch((error) =>
        log.error({ err: error }, 'could not renew leases'),
      );
    }, LEASE_RENEW_MS);
    // A number on Cloudflare Workers, which has no unref.
    (leaseTimer as { unref?: () => void }).unref?.();
  }
  function claimEnded() {
    claims--;
    if (claims > 0) return;
    clearInterval(leaseTimer);
    leaseTimer = undefined;
  }

  /** Handles the event and finishes it; returns the chat's next event when one was claimed. */
  async function processOne(claimed: ClaimedEvent): Promise<ClaimedEvent | null> {
    const started = performance.now();
    let outcome: Outcome;
    try {
      await handle(claimed);
      outcome = { status: 'done' };
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
      outcome = { status: 'failed', error };
    }
    try {
      return await finishAndClaimNext(
        deps.database,
        claimed,
        workerId,
        outcome,
        deps.config.chatEventsPerMinute,
        quotaMonth(deps.clock()),
      );
    } catch (error) {
      if (outcome.status === 'done') throw error;
      // A failure that cannot even be recorded: the lease runs out and the event is tried again.
      log.error({ err: error }, 'could not mark event failed');
      return null;
    }
  }

  const wake = (chatId: string) => {
    if (stopping) return;
    const state = serving.get(chatId);
    if (state) {
      state.again = true;
      return;
    }
    enqueue(chatId, false);
    pump();
  };

  const sweep = async () => {
    if (stopping) return;
    await releaseDeadWorkersClaims(deps.database);
    await abandonExhausted(deps.database);
    for (const chatId of await chatsWithUnfinishedEvents(deps.database)) wake(chatId);
    await options.onSweep?.();
  };

  return {
    workerId,
    acknowledging() {
      unanswered++;
      for (const turn of turns) turn.peak = Math.max(turn.peak, unanswered);
      let answered = false;
      return () => {
        if (answered) return;
        answered = true;
        unanswered--;
      };
    },
    kick(chatId) {
      lastArrival = performance.now();
      wake(chatId);
    },
    async recover() {
      // PGlite has one process: a claim found at its start belongs to a process that died.
      if (deps.database.kind === 'pglite') {
        const released = await releaseAllClaims(deps.database);
        if (released > 0) log.info({ released }, 'released the claims of the previous process');
      }
      await releaseDeadWorkersClaims(deps.database);
      await abandonExhausted(deps.database);
      const chats = await chatsWithUnfinishedEvents(deps.database);
      for (const chatId of chats) wake(chatId);
      if (chats.length > 0) log.info({ chats: chats.length }, 'resuming unfinished events');
      await options.onSweep?.();
      return chats.length;
    },
    async stop() {
      stopping = true;
      arrived.length = 0;
      returning.length = 0;
      queued.clear();
      for (const end of [...pauses]) end();
      while (underWay.size > 0) await Promise.allSettled([...underWay]);
      const unstarted = [...held.values()].map((claimed) => claimed.webhookEventId);
      held.clear();
      try {
        const released = await releaseUnstartedClaims(deps.database, workerId, unstarted);
        if (released > 0) log.info({ released }, 'gave back the events claimed and not started');
      } catch (error) {
        log.warn({ err: error }, 'could not give back claimed events: their leases run out');
      } finally {
        claims = 0;
        clearInterval(leaseTimer);
        leaseTimer = undefined;
      }
      // Nothing is claimed any more: the lock has nothing left to vouch for.
      const lock = await lockHeld?.catch(() => null);
      await lock
        ?.release()
        .catch((error) => log.warn({ err: error }, 'could not release the worker lock'));
    },
    startSweeper(intervalMs = SWEEP_INTERVAL_MS[deps.database.kind]) {
      // Forgetting finished events is the retention job's (src/retention.ts), not the sweeper's.
      const timer = setInterval(() => {
        deps.runInBackground(sweep);
      }, intervalMs);
      timer.unref();
      return () => clearInterval(timer);
    },
  };
}

// The event pipeline under pressure: how long a queue of readings takes to drain, how long a
// quiet chat waits while four others flood, and how soon a server killed mid-stream is back.

import { performance } from 'node:perf_hooks';
import type { CpuUse, ServerProcess } from './support';
import { measureCpu, round, type Summary, sleep, summarize } from './support';
import { post, readingEvent, replyTo, type Workload } from './webhook-load';

async function control(server: ServerProcess, path: string): Promise<Record<string, unknown>> {
  const response = await fetch(`http://127.0.0.1:${server.info.controlPort}${path}`);
  if (!response.ok) throw new Error(`${server.name} control ${path}: ${response.status}`);
  return (await response.json()) as Record<string, unknown>;
}

const unfinished = (events: Record<string, number>) =>
  (events.pending ?? 0) + (events.processing ?? 0);

/** Posts every event with `concurrency` requests in flight; throws on a non-200. */
async function postAll(url: string, events: ReturnType<typeof readingEvent>[], concurrency = 20) {
  let next = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      for (let event = events[next++]; event; event = events[next++]) {
        const status = await post(url, event);
        if (status !== 200) throw new Error(`webhook answered ${status}`);
      }
    }),
  );
}

/**
 * Waits until no event is pending or processing; returns the seconds it took from `since`.
 * The bot says when its processing has settled, and only then is the database asked what is
 * left. Polling the database meanwhile loaded the run it measured: twenty times a second it
 * counted the thousands of events still waiting, on PGlite in the bot's own thread.
 */
async function untilDrained(server: ServerProcess, since: number, timeoutMs: number) {
  const deadline = performance.now() + timeoutMs;
  const sinceEpoch = performance.timeOrigin + since;
  for (;;) {
    const waitMs = Math.max(0, Math.round(deadline - performance.now()));
    const idle = (await control(server, `/idle?unfinished&timeoutMs=${waitMs}`)) as {
      settledAt: number;
      events: Record<string, number>;
    };
    if (unfinished(idle.events) === 0) {
      const seconds = round(Math.max(0, idle.settledAt - sinceEpoch) / 1000, 2);
      const { events } = (await control(server, '/events')) as { events: Record<string, number> };
      return { seconds, events };
    }
    if (performance.now() > deadline) {
      const { events } = (await control(server, '/events')) as { events: Record<string, number> };
      return { seconds: null, events };
    }
    // Settled with events left: they wait for a lease to run out or the sweeper (recovery).
    await sleep(50);
  }
}

export interface DrainResult {
  readings: number;
  seconds: number | null;
  perSecond: number | null;
  events: Record<string, number>;
  /** Where the machine's time went while draining. */
  cpu: CpuUse;
  /**
   * CPU time per reading drained, in ms: the bot's process, and PostgreSQL's processes (null on
   * PGlite, which runs inside the bot). What bounds the rate on a machine of so many cores.
   */
  cpuMsPerReading: { bot: number | null; postgres: number | null };
}

/** `n` readings recorded while processing is held, then released at once: time to drain. */
export async function drainQueued(
  server: ServerProcess,
  workload: Workload,
  n: number,
  timeoutMs: number,
): Promise<DrainResult> {
  await untilDrained(server, performance.now(), 600_000); // what earlier sections left
  await control(server, '/hold');
  const before = ((await control(server, '/events')).events ?? {}) as Record<string, number>;
  await postAll(
    server.url,
    Array.from({ length: n }, () => readingEvent(workload)),
  );
  const started = performance.now();
  const cpu = measureCpu(server.pid);
  await control(server, '/resume');
  const drained = await untilDrained(server, started, timeoutMs);
  const cpuUse = cpu.stop();
  const done = (drained.events.done ?? 0) - (before.done ?? 0);
  const perReading = (cores: number | null) =>
    cores === null || !drained.seconds || done === 0
      ? null
      : round((cores * drained.seconds * 1000) / done, 2);
  return {
    readings: n,
    seconds: drained.seconds,
    perSecond: drained.seconds ? round(done / drained.seconds, 1) : null,
    events: drained.events,
    cpu: cpuUse,
    cpuMsPerReading: {
      bot: perReading(cpuUse.serverCores),
      postgres: server.info.database === 'postgres' ? perReading(cpuUse.postgresCores) : null,
    },
  };
}

export interface QuietChatResult {
  floodChats: number;
  floodEvents: number;
  samples: number;
  latency: Summary;
}

/**
 * Four chats flood (each sends `perChat` readings as fast as the webhook takes them) while a
 * fifth, quiet chat sends one reading every 200 ms: the quiet chat's event → reply latency.
 */
export async function quietChatUnderFlood(
  server: ServerProcess,
  workload: Workload,
  options: { perChat: number; samples: number },
): Promise<QuietChatResult> {
  await untilDrained(server, performance.now(), 600_000); // what earlier sections left
  const flooders = workload.users.slice(0, 4);
  const quiet = workload.users[4]!;
  const flood = flooders.flatMap((user) =>
    Array.from({ length: options.perChat }, () => readingEvent(workload, user)),
  );
  workload.platform.clearRecorded();
  const flooding = postAll(server.url, flood, 16);
  await sleep(300); // let the backlog build
  const latencies: number[] = [];
  for (let i = 0; i < options.samples; i++) {
    const event = readingEvent(workload, quiet);
    const started = performance.now();
    const replied = workload.platform.waitFor(replyTo(event.replyToken), 30_000);
    if ((await post(server.url, event)) !== 200) throw new Error('quiet chat: webhook refused');
    await replied;
    latencies.push(performance.now() - started);
    await sleep(200);
  }
  await flooding;
  await untilDrained(server, performance.now(), 120_000);
  return {
    floodChats: flooders.length,
    floodEvents: flood.length,
    samples: latencies.length,
    latency: summarize(latencies),
  };
}

export interface RecoveryResult {
  readings: number;
  /** Unfinished when the server was killed. */
  unfinishedAtKill: number;
  bootMs: number;
  /** From the restart (spawn) until every event was finished. */
  seconds: number | null;
  failed: number;
  /** Replies LINE refused (a reply token used twice) during recovery. */
  refusedReplies: number;
}

/**
 * `n` readings go in; the server is killed (SIGKILL) while processing them and started again on
 * the same data: how long until every one of them is finished.
 */
export async function recoveryAfterKill(
  server: ServerProcess,
  workload: Workload,
  n: number,
  restart: () => Promise<ServerProcess>,
): Promise<{ result: RecoveryResult; server: ServerProcess }> {
  await untilDrained(server, performance.now(), 600_000); // what earlier sections left
  workload.platform.clearRecorded();
  await postAll(
    server.url,
    Array.from({ length: n }, () => readingEvent(workload)),
  );
  await sleep(200); // mid-stream
  const atKill = ((await control(server, '/events')).events ?? {}) as Record<string, number>;
  await server.kill();
  const started = performance.now();
  const next = await restart();
  const bootMs = Math.round(performance.now() - started);
  const drained = await untilDrained(next, started, 120_000);
  const refusedReplies = workload.platform.calls.filter(
    (call) => call.path === '/v2/bot/message/reply' && call.status === 400,
  ).length;
  return {
    server: next,
    result: {
      readings: n,
      unfinishedAtKill: unfinished(atKill),
      bootMs,
      seconds: drained.seconds,
      failed: (drained.events.failed ?? 0) - (atKill.failed ?? 0),
      refusedReplies,
    },
  };
}

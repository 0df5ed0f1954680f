// Webhook traffic for the bench: LINE users on the fake platform, signed webhook bodies made
// ahead of time (one text event each, unique webhookEventId, a reply token the fake platform
// accepts), a sequential round-trip probe, and autocannon runs that give every request its own
// pre-generated body and signature.

import { performance } from 'node:perf_hooks';
import type { webhook } from '@line/bot-sdk';
import autocannon from 'autocannon';
import type { FakeLinePlatform, RecordedCall } from '../src/dev/fake-line-platform';
import { signBody } from '../src/dev/webhook-client';
import { round, type Summary, summarize } from './support';

export interface BenchUser {
  userId: string;
  /** The next reading this user sends. */
  value: number;
  /** Event timestamps of one user strictly increase, so readings never collide in time. */
  lastTimestamp: number;
}

export interface Workload {
  platform: FakeLinePlatform;
  channelSecret: string;
  users: BenchUser[];
  /** Round-robin position over users. */
  cursor: number;
}

export interface PreparedEvent {
  body: Buffer;
  signature: string;
  replyToken: string;
}

/** Adds `count` LINE users (English, friends of the bot) to the fake platform. */
export function createWorkload(
  platform: FakeLinePlatform,
  channelSecret: string,
  count: number,
): Workload {
  const users = Array.from({ length: count }, (_, i) => {
    const user = platform.addUser({ displayName: `Bench ${i + 1}`, language: 'en' });
    return { userId: user.userId, value: 1000 + i * 10, lastTimestamp: 0 };
  });
  return { platform, channelSecret, users, cursor: 0 };
}

function prepare(workload: Workload, event: webhook.Event): PreparedEvent {
  const body = JSON.stringify(workload.platform.callbackRequest([event]));
  return {
    body: Buffer.from(body),
    signature: signBody(body, workload.channelSecret),
    replyToken: (event as { replyToken?: string }).replyToken ?? '',
  };
}

function textEvent(workload: Workload, user: BenchUser, text: string): PreparedEvent {
  const event = workload.platform.events.text({ userId: user.userId, text });
  // The platform stamps events with its clock; many are made in one millisecond here, and a
  // user's readings must not share an instant (that would be a clash, not a new reading).
  user.lastTimestamp = Math.max(user.lastTimestamp + 1, Date.now());
  event.timestamp = user.lastTimestamp;
  return prepare(workload, event);
}

/** "meter 1 = <next value>" from this user, or else from the next user in turn. */
export function readingEvent(
  workload: Workload,
  user: BenchUser = workload.users[workload.cursor++ % workload.users.length]!,
): PreparedEvent {
  const event = textEvent(workload, user, `meter 1 = ${user.value}`);
  user.value += 1;
  return event;
}

export function pregenerate(workload: Workload, n: number): PreparedEvent[] {
  return Array.from({ length: n }, () => readingEvent(workload));
}

const HEADERS = {
  'content-type': 'application/json; charset=utf-8',
  'user-agent': 'LineBotWebhook/2.0',
};

export async function post(url: string, event: PreparedEvent): Promise<number> {
  const response = await fetch(`${url}/webhook`, {
    method: 'POST',
    headers: { ...HEADERS, 'x-line-signature': event.signature },
    body: event.body,
  });
  await response.arrayBuffer();
  return response.status;
}

export const replyTo =
  (token: string) =>
  (call: RecordedCall): boolean =>
    call.path === '/v2/bot/message/reply' &&
    (call.body as { replyToken?: string } | undefined)?.replyToken === token;

function firstText(call: RecordedCall): string {
  const messages = (call.body as { messages?: { type: string; text?: string }[] }).messages ?? [];
  return messages.find((m) => typeof m.text === 'string')?.text ?? `[${messages[0]?.type}]`;
}

/** Sends one event and resolves with the reply LINE received for it. */
async function exchange(url: string, workload: Workload, event: PreparedEvent, timeoutMs = 15_000) {
  const replied = workload.platform.waitFor(replyTo(event.replyToken), timeoutMs);
  const status = await post(url, event);
  if (status !== 200) throw new Error(`webhook answered ${status}`);
  return replied;
}

/**
 * Every user follows the bot and adds a meter (and sends a first reading), users in parallel,
 * each one's events in order, each waiting for its reply.
 */
export async function setUpUsers(url: string, workload: Workload): Promise<void> {
  const { platform } = workload;
  await Promise.all(
    workload.users.map(async (user) => {
      const follow = prepare(workload, platform.events.follow({ userId: user.userId }));
      await exchange(url, workload, follow);
      const added = firstText(
        await exchange(url, workload, textEvent(workload, user, 'add meter Electric kWh')),
      );
      if (!added.startsWith('Created meter 1')) {
        throw new Error(`setup: "add meter" was answered "${added}"`);
      }
      const first = firstText(await exchange(url, workload, readingEvent(workload, user)));
      if (!first.startsWith('Recorded meter 1')) {
        throw new Error(`setup: the first reading was answered "${first}"`);
      }
    }),
  );
}

export interface RoundTripResult {
  latency: Summary;
  /** Replies that confirmed the reading ("Recorded meter 1 …"). */
  recorded: number;
  /** Anything else: a question, an error message. One example of each kind is kept. */
  other: number;
  otherExamples: string[];
}

/**
 * Sends readings one at a time: the time from just before the POST to the moment the fake
 * platform has recorded the reply for that event's token.
 */
export async function roundTrip(
  url: string,
  workload: Workload,
  options: { warmup: number; n: number },
): Promise<RoundTripResult> {
  for (let i = 0; i < options.warmup; i++) await exchange(url, workload, readingEvent(workload));
  workload.platform.clearRecorded(); // waitFor scans past calls first: keep that list short
  const samples: number[] = [];
  let recorded = 0;
  const other = new Set<string>();
  let otherCount = 0;
  for (let i = 0; i < options.n; i++) {
    const event = readingEvent(workload);
    const replied = workload.platform
      .waitFor(replyTo(event.replyToken), 15_000)
      .then((call) => ({ call, at: performance.now() }));
    const start = performance.now();
    const status = await post(url, event);
    if (status !== 200) throw new Error(`round trip: webhook answered ${status}`);
    const { call, at } = await replied;
    samples.push(at - start);
    const text = firstText(call);
    if (text.startsWith('Recorded meter 1')) recorded++;
    else {
      otherCount++;
      if (other.size < 3) other.add(text.slice(0, 120));
    }
  }
  return { latency: summarize(samples), recorded, other: otherCount, otherExamples: [...other] };
}

export interface LoadResult {
  connections: number;
  /** Requested rate (events/s), or null for "as fast as it answers". */
  overallRate: number | null;
  durationS: number;
  /** Responses received. */
  responses: number;
  /** Responses per second over the whole run. */
  rps: number;
  /** Mean, and the per-second samples autocannon took. */
  autocannonRps: { mean: number; min: number; max: number };
  /** Every response's latency in ms (float, not bucketed), 2xx and others alike. */
  latency: Summary;
  /** autocannon's own latency histogram (2xx only, whole ms). */
  autocannonLatency: { p50: number; p99: number; max: number };
  errors: number;
  timeouts: number;
  non2xx: number;
  statusCodes: Record<string, number>;
  /** Requests that found the pre-generated pool empty and had an event made on the spot. */
  generatedDuringRun: number;
}

/**
 * One autocannon run against POST /webhook; every request takes the next pre-generated event.
 * `overallRate` set: a fixed rate (autocannon spreads it over the connections, each sending its
 * share per second). Unset: as fast as the server answers.
 */
export async function load(
  url: string,
  workload: Workload,
  pool: PreparedEvent[],
  options: { connections: number; durationS: number; overallRate?: number },
): Promise<LoadResult> {
  let next = 0;
  let generatedDuringRun = 0;
  const take = (): PreparedEvent => {
    const event = pool[next];
    if (event) {
      pool[next++] = undefined as unknown as PreparedEvent; // let it be collected
      return event;
    }
    generatedDuringRun++;
    return readingEvent(workload);
  };
  const latencies: number[] = [];
  const started = performance.now();
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    const instance = autocannon(
      {
        url,
        connections: options.connections,
        duration: options.durationS,
        // A fixed rate records raw latencies: autocannon's correction would add synthetic
        // samples at a 1 ms "expected interval", which is not how it sends.
        ...(options.overallRate
          ? { overallRate: options.overallRate, ignoreCoordinatedOmission: true }
          : {}),
        timeout: 10,
        requests: [
          {
            method: 'POST',
            path: '/webhook',
            setupRequest: (request) => {
              const event = take();
              return {
                ...request,
                method: 'POST',
                path: '/webhook',
                headers: { ...HEADERS, 'x-line-signature': event.signature },
                body: event.body,
              };
            },
          },
        ],
      },
      (error, res) => (error ? reject(error) : resolve(res)),
    );
    instance.on('response', (_client, _status, _bytes, ms) => latencies.push(ms));
  });
  const elapsedS = (performance.now() - started) / 1000;
  const statusCodes: Record<string, number> = {};
  for (const [code, stat] of Object.entries(result.statusCodeStats ?? {})) {
    statusCodes[code] = stat.count ?? 0;
  }
  const responses = Object.values(statusCodes).reduce((sum, n) => sum + n, 0);
  return {
    connections: options.connections,
    overallRate: options.overallRate ?? null,
    durationS: round(result.duration || elapsedS, 2),
    responses,
    rps: round(responses / (result.duration || elapsedS), 1),
    autocannonRps: {
      mean: round(result.requests.mean, 1),
      min: result.requests.min,
      max: result.requests.max,
    },
    latency: summarize(latencies),
    autocannonLatency: {
      p50: result.latency.p50,
      p99: result.latency.p99,
      max: result.latency.max,
    },
    errors: result.errors,
    timeouts: result.timeouts,
    non2xx: result.non2xx,
    statusCodes,
    generatedDuringRun,
  };
}

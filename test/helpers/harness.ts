import { randomBytes } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import type { webhook } from '@line/bot-sdk';
import type { Hono } from 'hono';
import { createApp } from '../../src/app';
import type { Bot } from '../../src/bot/bot';
import { type Config, type LogLevel, parseConfig } from '../../src/config';
import type { Deps } from '../../src/deps';
import { type FakeLinePlatform, startFakeLinePlatform } from '../../src/dev/fake-line-platform';
import { postWebhook, type WebhookResult } from '../../src/dev/webhook-client';
import { createLogger, type Logger, silentLogger } from '../../src/logger';
import { createNodeDeps } from '../../src/runtime';
import { createTestDatabase, type DatabaseKind, type TestDatabase } from './db';

/**
 * The real application over real HTTP, on a real database, talking to a fake LINE platform
 * (a local HTTP server speaking LINE's protocol). Only what lives outside the machine is fake.
 */
export interface Harness {
  deps: Deps;
  config: Config;
  app: Hono;
  /** The app's origin, e.g. http://127.0.0.1:41234 (also its PUBLIC_BASE_URL). */
  url: string;
  platform: FakeLinePlatform;
  database: TestDatabase;
  /** Signs and posts these events to POST /webhook, as LINE does. */
  webhook(events: webhook.Event[], options?: { redelivery?: boolean }): Promise<WebhookResult>;
  /** Resolves when every background task (event processing) has finished. */
  idle(timeoutMs?: number): Promise<void>;
  close(): Promise<void>;
}

export interface HarnessOptions {
  /** Extra or overriding environment variables (Google endpoints, LOG_LEVEL…). */
  env?: Record<string, string>;
  clock?: () => Date;
  databaseKind?: DatabaseKind;
  /** The app's logger; default silent (or TEST_LOG's level). */
  logger?: Logger;
  /** Builds the app from the deps; default createApp. */
  createApp?: (deps: Deps) => Hono;
}

export async function startHarness(options: HarnessOptions = {}): Promise<Harness> {
  const channelAccessToken = `token-${randomBytes(8).toString('hex')}`;
  const channelSecret = randomBytes(16).toString('hex');
  const platform = await startFakeLinePlatform({ channelAccessToken });
  const database = await createTestDatabase(options.databaseKind);

  // The server must listen before the config can name its own origin, so the request handler
  // is bound once the app exists.
  let handler: Hono['fetch'] | undefined;
  const server = serve({
    fetch: (request, env) =>
      handler ? handler(request, env) : new Response('starting', { status: 503 }),
    port: 0,
    hostname: '127.0.0.1',
  });
  await new Promise<void>((resolve) => server.once('listening', () => resolve()));
  // Node closes an idle keep-alive connection after 5 s; on a busy machine a test's next fetch can
  // pick that connection up just as it closes (ECONNRESET). Tests keep theirs open longer.
  (server as import('node:http').Server).keepAliveTimeout = 120_000;
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  // The fake's account-link dialog delivers its event to this app, as LINE would.
  platform.connectWebhook(`${url}/webhook`, channelSecret);

  const config = parseConfig({
    LINE_CHANNEL_SECRET: channelSecret,
    LINE_CHANNEL_ACCESS_TOKEN: channelAccessToken,
    LINE_API_BASE_URL: platform.url,
    LINE_DATA_API_BASE_URL: platform.url,
    LINE_ACCESS_BASE_URL: platform.url,
    APP_SECRET: randomBytes(32).toString('hex'),
    PUBLIC_BASE_URL: url,
    // Every test browser comes from 127.0.0.1: the per-IP page limit is tested on its own.
    WEB_REQUESTS_PER_MINUTE: '10000',
    // A scenario may say more than 30 things a minute as one person: the per-person chat limit
    // is tested on its own (test/bot/chat-limit.test.ts sets it low).
    CHAT_EVENTS_PER_MINUTE: '10000',
    ...options.env,
  });
  const { deps, drain } = await createNodeDeps(config, {
    // TEST_LOG=debug npx vitest … shows the app's logs while debugging a test.
    logger:
      options.logger ??
      (process.env.TEST_LOG ? createLogger(process.env.TEST_LOG as LogLevel) : silentLogger()),
    database,
    ...(options.clock ? { clock: options.clock } : {}),
  });
  const app = (options.createApp ?? createApp)(deps);
  handler = app.fetch;

  return {
    deps,
    config,
    app,
    url,
    platform,
    database,
    webhook: (events, webhookOptions) =>
      postWebhook(url, channelSecret, platform.callbackRequest(events), webhookOptions),
    async idle(timeoutMs = 10_000) {
      const left = await drain(timeoutMs);
      if (left > 0)
        throw new Error(`${left} background task(s) still running after ${timeoutMs} ms`);
    },
    async close() {
      await drain(5_000);
      await new Promise<void>((resolve) => server.close(() => resolve()));
      deps.charts?.close();
      await platform.close();
      await database.close();
    },
  };
}

/**
 * A bot that records events and never processes them: a crash right after each
 * acknowledgement, or an instance that leaves the events to the processors under test.
 */
export const recordingOnlyBot = (workerId: string): Bot => ({
  handle: async () => {},
  processor: {
    workerId,
    acknowledging: () => () => {},
    kick: () => {},
    recover: async () => 0,
    startSweeper: () => () => {},
    stop: async () => {},
  },
});

import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { rows } from '../../src/db/client';
import { createDatabase } from '../../src/db/open';
import { type FakeLinePlatform, startFakeLinePlatform } from '../../src/dev/fake-line-platform';
import { postWebhook } from '../../src/dev/webhook-client';
import { createTestPgliteDir } from '../helpers/db';
import { deferred } from '../helpers/deferred';

// SIGTERM while an event is being processed: the process lets it finish, the user gets the
// reply, and the process exits 0 with the event recorded as done. The chat's next event, already
// claimed, is not started: it is given back, waiting for the next start or another instance.

const CHANNEL_SECRET = 'shutdown-test-channel-secret';
const ACCESS_TOKEN = 'shutdown-test-access-token';

/**
 * Stands between the bot and the fake LINE platform and holds every reply until released, so
 * the test knows an event is in flight (its handler is waiting for LINE) when it sends SIGTERM.
 */
async function holdingProxy(target: string) {
  const { promise: released, resolve: release } = deferred();
  const { promise: replyArrived, resolve: sawReply } = deferred();
  const forward = async (req: IncomingMessage, res: ServerResponse) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    if (req.url === '/v2/bot/message/reply') {
      sawReply();
      await released;
    }
    const headers = Object.fromEntries(
      Object.entries(req.headers).filter(
        ([name]) => !['host', 'connection', 'content-length'].includes(name),
      ),
    ) as Record<string, string>;
    const answer = await fetch(`${target}${req.url}`, {
      method: req.method,
      headers,
      body: chunks.length > 0 ? Buffer.concat(chunks) : undefined,
    });
    res.writeHead(answer.status, Object.fromEntries(answer.headers));
    res.end(Buffer.from(await answer.arrayBuffer()));
  };
  const server: Server = createServer((req, res) => {
    forward(req, res).catch((error) => {
      res.writeHead(502).end(String(error));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url,
    replyArrived,
    release,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

const freePort = () =>
  new Promise<number>((resolve) => {
    const probe = createServer().listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as AddressInfo;
      probe.close(() => resolve(port));
    });
  });

describe('SIGTERM with an event in flight', () => {
  let platform: FakeLinePlatform;
  let dir: string;
  let dataDir: string;
  let child: ChildProcess | undefined;

  beforeEach(async () => {
    platform = await startFakeLinePlatform({ channelAccessToken: ACCESS_TOKEN });
    dir = await mkdtemp(join(tmpdir(), 'home-log-shutdown-'));
    // Already migrated (a copy of the migrated snapshot): creating and migrating a new directory
    // is the first boot's own test (node.test.ts), and here only took seconds of CPU.
    dataDir = join(dir, 'pglite');
    await (await createTestPgliteDir(dataDir)).close();
  });
  afterEach(async () => {
    if (child && child.exitCode === null) child.kill('SIGKILL');
    await platform?.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('finishes the event, sends its reply, and exits 0', async () => {
    const proxy = await holdingProxy(platform.url);
    try {
      const port = await freePort();
      child = spawn(process.execPath, ['--import', 'tsx', 'src/entry/node.ts'], {
        env: {
          PATH: process.env.PATH ?? '',
          LINE_CHANNEL_SECRET: CHANNEL_SECRET,
          LINE_CHANNEL_ACCESS_TOKEN: ACCESS_TOKEN,
          APP_SECRET: 'shutdown-test-app-secret-0123456789abcdef',
          LINE_API_BASE_URL: proxy.url,
          LINE_DATA_API_BASE_URL: platform.url,
          PORT: String(port),
          PGLITE_DIR: dataDir,
          LOG_LEVEL: 'info',
        },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      let output = '';
      child.stdout?.on('data', (chunk) => {
        output += chunk;
      });
      child.stderr?.on('data', (chunk) => {
        output += chunk;
      });
      const exited = new Promise<number | null>((resolve) =>
        child!.on('exit', (code) => resolve(code)),
      );
      const deadline = Date.now() + 90_000;
      while (!/"msg":"listening"/.test(output)) {
        if (Date.now() > deadline || child.exitCode !== null) {
          throw new Error(`server did not start:\n${output}`);
        }
        await new Promise((resolve) => setTimeout(resolve, 50));
      }

      const user = platform.addUser({ displayName: 'Somchai', language: 'en' });
      const event = platform.events.text({ userId: user.userId, text: 'add meter Electric kWh' });
      const posted = await postWebhook(`http://127.0.0.1:${port}`, CHANNEL_SECRET, [event]);
      expect(posted.status).toBe(200);
      const second = platform.events.text({ userId: user.userId, text: 'meter 1 = 7777' });
      expect((await postWebhook(`http://127.0.0.1:${port}`, CHANNEL_SECRET, [second])).status).toBe(
        200,
      );

      // The handler has done its work and waits for LINE to take the reply: stop now.
      await proxy.replyArrived;
      child.kill('SIGTERM');
      await new Promise((resolve) => setTimeout(resolve, 300));
      expect(child.exitCode, 'the process must wait for the event in flight').toBeNull();
      proxy.release();

      expect(await exited, output).toBe(0);
      expect(output).toMatch(/"msg":"stopped"/);
      expect(platform.textsTo(user.userId).join('\n')).toContain('Created meter 1 "Electric"');

      const database = await createDatabase({ databaseUrl: null, pgliteDir: dataDir });
      try {
        const events = await rows<{ status: string; claimed_by: string | null }>(
          database.db,
          sql`select status, claimed_by from webhook_events order by occurred_at`,
        );
        expect(events.map((e) => [e.status, e.claimed_by === null])).toEqual([
          ['done', false],
          ['pending', true],
        ]);
        expect(platform.textsTo(user.userId).join('\n')).not.toContain('7777');
      } finally {
        await database.close();
      }
    } finally {
      proxy.release();
      await proxy.close();
    }
  }, 180_000);
});

import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { createServer } from 'node:net';
import { asc } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readings, webhookEvents } from '../../src/db/schema';
import { type FakeLinePlatform, startFakeLinePlatform } from '../../src/dev/fake-line-platform';
import { postWebhook } from '../../src/dev/webhook-client';
import { createTestDatabase, type TestDatabase } from '../helpers/db';

// Two instances of the production server on one PostgreSQL database; one is killed (SIGKILL)
// in the middle of a stream of readings. The other takes its chats over within seconds (the
// dead one's worker lock went with its connection), and every reading is stored once, in
// order, and answered once.

const freePort = () =>
  new Promise<number>((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });

interface Instance {
  url: string;
  child: ChildProcess;
  output: () => string;
}

async function startInstance(env: Record<string, string>): Promise<Instance> {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/entry/node.ts'], {
    env: { PATH: process.env.PATH ?? '', ...env, PORT: String(port), PUBLIC_BASE_URL: url },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (chunk) => {
    output += chunk;
  });
  child.stderr?.on('data', (chunk) => {
    output += chunk;
  });
  const deadline = Date.now() + 60_000;
  while (!output.includes('"msg":"listening"')) {
    if (Date.now() > deadline || child.exitCode !== null) {
      throw new Error(`instance did not start:\n${output}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return { url, child, output: () => output };
}

async function waitUntil(condition: () => Promise<boolean> | boolean, timeoutMs: number) {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error('timed out');
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

describe.skipIf(!process.env.TEST_DATABASE_URL)('two instances on PostgreSQL', () => {
  let database: TestDatabase;
  let platform: FakeLinePlatform;
  const instances: Instance[] = [];
  const secret = randomBytes(16).toString('hex');
  const token = `token-${randomBytes(8).toString('hex')}`;

  beforeAll(async () => {
    database = await createTestDatabase('postgres');
    platform = await startFakeLinePlatform({ channelAccessToken: token });
  });
  afterAll(async () => {
    for (const instance of instances) instance.child.kill('SIGKILL');
    await platform?.close();
    await database?.close();
  });

  it('one is killed mid-stream: the other takes over within seconds, nothing lost or doubled', async () => {
    const env = {
      DATABASE_URL: database.url!,
      LINE_CHANNEL_SECRET: secret,
      LINE_CHANNEL_ACCESS_TOKEN: token,
      LINE_API_BASE_URL: platform.url,
      LINE_DATA_API_BASE_URL: platform.url,
      APP_SECRET: randomBytes(32).toString('hex'),
      LOG_LEVEL: 'info',
      // One person streams 40 readings in a minute here: this is about crashes, not the limit.
      CHAT_EVENTS_PER_MINUTE: '1000',
    };
    const [doomed, survivor] = await Promise.all([startInstance(env), startInstance(env)]);
    instances.push(doomed!, survivor!);

    const user = platform.addUser({ displayName: 'Somchai', language: 'en' });
    const send = (url: string, events: Parameters<typeof platform.callbackRequest>[0]) =>
      postWebhook(url, secret, platform.callbackRequest(events));
    await send(doomed!.url, [
      platform.events.text({ userId: user.userId, text: 'add meter Electric kWh' }),
    ]);
    await waitUntil(() => platform.replies.length === 1, 30_000);

    const count = 40;
    const base = Date.now() - 60_000;
    const stream = Array.from({ length: count }, (_, i) => ({
      ...platform.events.text({ userId: user.userId, text: `meter 1 = ${2000 + i * 3}` }),
      timestamp: base + i,
    }));
    const acked = await Promise.all(stream.map((event) => send(doomed!.url, [event])));
    expect(acked.every((result) => result.status === 200)).toBe(true);

    // Kill it while it is working through the stream.
    await waitUntil(() => platform.replies.length >= 4, 30_000);
    doomed!.child.kill('SIGKILL');
    const killedAt = Date.now();
    const answeredAtKill = platform.replies.length + platform.pushes.length;
    expect(answeredAtKill).toBeLessThan(count);

    // The survivor was never told about these events: its sweeper finds them.
    await waitUntil(
      () => platform.replies.length + platform.pushes.length > answeredAtKill,
      15_000,
    );
    const takeoverMs = Date.now() - killedAt;
    await waitUntil(async () => (await database.db.$count(readings)) === count, 60_000);
    await waitUntil(
      async () =>
        (await database.db.select({ status: webhookEvents.status }).from(webhookEvents)).every(
          (event) => event.status === 'done',
        ),
      30_000,
    );

    // The dead instance's lock went with its connection: its claims are released once they are
    // a second old, at the survivor's next sweep (each second); measured 1.1 s. Through the
    // lease alone (4 s since the last renewal, then a sweep) it was 4.8 s.
    expect(takeoverMs).toBeLessThan(3_500);
    const stored = await database.db
      .select({ value: readings.value })
      .from(readings)
      .orderBy(asc(readings.takenAt));
    expect(stored.map((row) => Number(row.value))).toEqual(
      Array.from({ length: count }, (_, i) => 2000 + i * 3),
    );
    // Each reading answered once: its value appears in exactly one message to the person.
    const texts = platform.textsTo(user.userId).join('\n');
    for (let i = 0; i < count; i++) {
      const value = (2000 + i * 3).toLocaleString('en-US');
      expect(texts.split(`${value} kWh`).length - 1, value).toBe(1);
    }
  }, 180_000);
});

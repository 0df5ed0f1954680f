// @ts-nocheck
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import postgres from 'postgres';
import { describe, expect, it } from 'vitest';
import { createPostgres } from '../../src/db/postgres';
import { startFakeLinePlatform } from '../../src/dev/fake-line-platform';
import { postWebhook } from '../../src/dev/webhook-client';

const wrangler = join(process.cwd(), 'node_modules/.bin/wrangler');

describe('the Cloudflare Workers entry', () => {
  it('bundles without the embedded database or native canvas', async () => {
    const outdir = await mkdtemp(join(tmpdir(), 'home-log-worker-'));
    try {
      const result = spawnSync(wrangler, ['deploy', '--dry-run', '--outdir', outdir], {
        encoding: 'utf8',
        env: { ...process.env, WRANGLER_SEND_METRICS: 'false' },
      });
      expect(result.status, result.stderr).toBe(0);
      const bundle = await readFile(join(outdir, 'worker.js'), 'utf8');
      expect(bundle).toContain('webhookRoutes');
      expect(bundle).not.toContain('class PGlite');
      expect(bundle).not.toContain('ChartJSNodeCanvas');
    } finally {
      await rm(outdir, { recursive: true, force: true });
    }
  }, 60_000);

  // Runs the Worker in workerd (wrangler dev) against PostgreSQL: only where a server is.
  it.runIf(process.env.TEST_DATABASE_URL)(
    'answers LINE in workerd, on PostgreSQL through the Hyperdrive binding',
    async () => {
      const adminUrl = process.env.TEST_DATABASE_URL!;
      const name = `home_log_worker_${randomBytes(4).toString('hex')}`;
      const admin = postgres(adminUrl, { max: 1, onnotice: () => {} });
      await admin.unsafe(`create database ${name}`);
      const url = new URL(adminUrl);
      url.pathname = `/${name}`;
      // Hyperdrive's local mode insists on a password; trust authentication ignores it.
      if (!url.password) url.password = 'unused';
      const database = await createPostgres(url.toString(), 1);
      await database.migrate();
      await database.close();

      const secret = randomBytes(16).toString('hex');
      const token = randomBytes(16).toString('hex');
      const platform = await startFakeLinePlatform({ channelAccessToken: token });
      const port = await freePort();
      const origin = `http://127.0.0.1:${port}`;
      let dev: ChildProcess | undefined;
      let output = '';
      try {
        dev = spawn(
          wrangler,
          [
            'dev',
            '--ip',
            '127.0.0.1',
            '--port',
            String(port),
            '--var',
            `LINE_CHANNEL_SECRET:${secret}`,
            '--var',
            `LINE_CHANNEL_ACCESS_TOKEN:${token}`,
            '--var',
            `APP_SECRET:${randomBytes(32).toString('hex')}`,
            '--var',
            `LINE_API_BASE_URL:${platform.url}`,
            '--var',
            `PUBLIC_BASE_URL:${origin}`,
          ],
          {
            env: {
              ...process.env,
              CLOUDFLARE_HYPERDRIVE_LOCAL_CONNECTION_STRING_HYPERDRIVE: url.toString(),
              WRANGLER_SEND_METRICS: 'false',
            },
            stdio: ['ignore', 'pipe', 'pipe'],
            // Its own process group, so that workerd (wrangler's child) is stopped with it.
            detached: true,
          },
        );
        dev.stdout?.on('data', (chunk) => {
          output += chunk;
        });
        dev.stderr?.on('data', (chunk) => {
          output += chunk;
        });
        const deadline = Date.now() + 90_000;
        while (!/Ready on/.test(output)) {
          if (Date.now() > deadline || dev.exitCode !== null)
            throw new Error(`wrangler dev did not start:\n${output}`);
          await new Promise((resolve) => setTimeout(resolve, 250));
        }

        const health = await fetch(`${origin}/healthz`);
        expect(await health.json()).toEqual({ status: 'ok' });

        const user = platform.addUser({ displayName: 'Worker', language: 'en' });
        const say = async (text: string) => {
          const before = platform.replies.length;
          const result = await postWebhook(
            origin,
            secret,
            platform.callbackRequest([platform.events.text({ userId: user.userId, text })]),
          );
          expect(result.status).toBe(200);
          await platform.waitFor(
            (call) => call.path === '/v2/bot/message/reply' && platform.replies.length > before,
            20_000,
          );
          return JSON.stringify(platform.replies.at(-1)?.messages);
        };
        expect(await say('add meter Electric kWh')).toContain('Created meter 1 \\"Electric\\"');
        expect(await say('meter 1 = 4521')).toContain('Recorded meter 1 \\"Electric\\": 4,521 kWh');
        expect(await say('chart meter 1')).toContain('cannot draw charts');

        const check = postgres(url.toString(), { max: 1, onnotice: () => {} });
        const stored = await check`select value::text from readings`;
        await check.end();
        expect(stored.map((row) => row.value)).toEqual(['4521']);
      } finally {
        if (dev?.pid) {
          try {
            process.kill(-dev.pid, 'SIGTERM');
          } catch {
            // already gone
          }
        }
        await platform.close();
        await admin.unsafe(`drop database if exists ${name} with (force)`);
        await admin.end();
      }
    },
    150_000,
  );
});

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

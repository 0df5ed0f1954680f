import { type ChildProcess, execFile, spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import journal from '../../drizzle/meta/_journal.json';

// The production entry point, as an operator runs it: a real process, real signals.

const freePort = () =>
  new Promise<number>((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });

interface Started {
  child: ChildProcess;
  output: () => string;
  exited: Promise<number | null>;
}

function start(
  env: Record<string, string>,
  args: string[] = ['--import', 'tsx', 'src/entry/node.ts'],
): Started {
  const child = spawn(process.execPath, args, {
    env: { PATH: process.env.PATH ?? '', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (chunk) => {
    output += chunk;
  });
  child.stderr?.on('data', (chunk) => {
    output += chunk;
  });
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return { child, output: () => output, exited };
}

async function waitFor(started: Started, pattern: RegExp, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!pattern.test(started.output())) {
    if (Date.now() > deadline)
      throw new Error(`timed out waiting for ${pattern}:\n${started.output()}`);
    if (started.child.exitCode !== null) throw new Error(`exited early:\n${started.output()}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

// `npm run build` type-checks, then bundles (`npm run bundle`); the type check is CI's own step,
// so the test runs only what makes dist/. The bundle is made once: the first boot (creating and
// migrating a new data directory, seconds of CPU) runs the compiled dist/ with plain node, the
// second boot the TypeScript entry through tsx on the same directory.
describe('npm start: dist/ with plain node, then src/ through tsx on the same data', () => {
  let dataDir: string;
  const secrets = {
    LINE_CHANNEL_SECRET: 'entry-test-channel-secret',
    LINE_CHANNEL_ACCESS_TOKEN: 'entry-test-access-token',
    APP_SECRET: 'entry-test-app-secret-0123456789abcdef',
  };
  // No --import tsx: nothing compiles TypeScript at run time.
  const compiled = ['dist/src/entry/node.js'];

  beforeAll(async () => {
    await promisify(execFile)('npm', ['run', 'bundle'], { timeout: 240_000 });
    dataDir = await mkdtemp(join(tmpdir(), 'home-log-entry-'));
  }, 300_000);
  afterAll(async () => {
    await rm(dataDir, { recursive: true, force: true });
  });

  it('migrates from dist/drizzle, serves /healthz, drains on SIGTERM, and applies nothing on the second boot', async () => {
    const port = await freePort();
    const env = { ...secrets, PORT: String(port), PGLITE_DIR: dataDir, LOG_LEVEL: 'info' };

    const first = start(env, compiled);
    await waitFor(first, /"msg":"listening"/);
    expect(first.output()).toContain(`"migrationsApplied":${journal.entries.length}`);
    const health = await fetch(`http://127.0.0.1:${port}/healthz`);
    expect(health.status).toBe(200);
    expect(await health.json()).toEqual({ status: 'ok' });
    first.child.kill('SIGTERM');
    expect(await first.exited).toBe(0);
    expect(first.output()).toMatch(/"msg":"stopped"/);

    const second = start(env);
    await waitFor(second, /"msg":"listening"/);
    expect(second.output()).toMatch(/"migrationsApplied":0/);
    expect((await fetch(`http://127.0.0.1:${port}/healthz`)).status).toBe(200);
    second.child.kill('SIGTERM');
    expect(await second.exited).toBe(0);
    expect(second.output()).toMatch(/"msg":"stopped"/);
    // No secret ever reaches the log.
    for (const value of Object.values(secrets)) {
      expect(first.output() + second.output()).not.toContain(value);
    }
  }, 120_000);

  it('refuses to start with a bad configuration, naming every bad variable once', async () => {
    const started = start(
      {
        LINE_CHANNEL_SECRET: 'do-not-print-me',
        APP_SECRET: 'short',
        PORT: 'abc',
      },
      compiled,
    );
    const code = await started.exited;
    expect(code).not.toBe(0);
    const output = started.output();
    expect(output).toMatch(/LINE_CHANNEL_ACCESS_TOKEN: required/);
    expect(output).toMatch(/APP_SECRET: must be at least 32 bytes/);
    expect(output).toMatch(/PORT: a TCP port number/);
    expect(output).not.toContain('do-not-print-me');
    expect(output.match(/Invalid configuration/g)).toHaveLength(1);
  });
});

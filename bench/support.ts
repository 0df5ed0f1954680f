// Plumbing for the bench runner: statistics, server child processes (each server under test runs
// in its own process, so its RSS can be read from /proc), RSS sampling, throwaway PostgreSQL
// databases, and cleanup that runs on success, failure and Ctrl-C alike.

import { type ChildProcess, spawn } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import postgres from 'postgres';
import { connectionOf } from '../src/db/postgres';

export const REPO_ROOT = fileURLToPath(new URL('..', import.meta.url));

// ---------------------------------------------------------------------------------------------
// Statistics

/** Nearest-rank quantile of an ascending array (the same rule as bench/charts.ts). */
export function quantile(sorted: readonly number[], q: number): number {
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1));
  return sorted[i] ?? Number.NaN;
}

export interface Summary {
  n: number;
  median: number;
  p95: number;
  p99: number;
  max: number;
  mean: number;
}

export function summarize(samples: readonly number[]): Summary {
  const sorted = [...samples].sort((a, b) => a - b);
  const mean = sorted.reduce((sum, x) => sum + x, 0) / Math.max(1, sorted.length);
  return {
    n: sorted.length,
    median: round(quantile(sorted, 0.5)),
    p95: round(quantile(sorted, 0.95)),
    p99: round(quantile(sorted, 0.99)),
    max: round(sorted[sorted.length - 1] ?? Number.NaN),
    mean: round(mean),
  };
}

export const round = (x: number, digits = 3): number => {
  const f = 10 ** digits;
  return Math.round(x * f) / f;
};

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

// ---------------------------------------------------------------------------------------------
// Cleanup: every child and database registers here; run.ts calls runCleanups() in `finally`,
// and signals / uncaught errors run them too. Children are also SIGKILLed synchronously on exit.

const cleanups: { name: string; fn: () => Promise<void> }[] = [];
const children = new Set<ChildProcess>();

/**
 * Registers an async cleanup; returns a function that runs it now (once) and unregisters it.
 * `forget: true` unregisters it without running it.
 */
export function onCleanup(
  name: string,
  fn: () => Promise<void>,
): (options?: { forget?: boolean }) => Promise<void> {
  const entry = { name, fn };
  cleanups.push(entry);
  let done = false;
  return async (options = {}) => {
    if (done) return;
    done = true;
    const at = cleanups.indexOf(entry);
    if (at >= 0) cleanups.splice(at, 1);
    if (!options.forget) await fn();
  };
}

/** Runs the registered cleanups, newest first; a failing one does not stop the others. */
export async function runCleanups(): Promise<void> {
  while (cleanups.length > 0) {
    const entry = cleanups.pop()!;
    try {
      await entry.fn();
    } catch (error) {
      process.stderr.write(`cleanup "${entry.name}" failed: ${String(error)}\n`);
    }
  }
}

let hooksInstalled = false;
export function installCleanupHooks(): void {
  if (hooksInstalled) return;
  hooksInstalled = true;
  // Last resort: whatever is still running dies with us (synchronous, so it works in 'exit').
  process.on('exit', () => {
    for (const child of children) child.kill('SIGKILL');
  });
  let stopping = false;
  const stop = (why: string, code: number) => {
    if (stopping) return;
    stopping = true;
    process.stderr.write(`\nbench: ${why}; cleaning up…\n`);
    const force = setTimeout(() => process.exit(code), 15_000);
    force.unref();
    void runCleanups().finally(() => process.exit(code));
  };
  process.on('SIGINT', () => stop('interrupted', 130));
  process.on('SIGTERM', () => stop('terminated', 143));
  process.on('uncaughtException', (error) => {
    process.stderr.write(`${error.stack ?? String(error)}\n`);
    stop('uncaught exception', 1);
  });
  process.on('unhandledRejection', (error) => {
    process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
    stop('unhandled rejection', 1);
  });
}

// ---------------------------------------------------------------------------------------------
// Servers under test

export interface ServerProcess {
  name: string;
  pid: number;
  /** What the server printed on its first stdout line (at least `port`). */
  info: { port: number; controlPort?: number; [key: string]: unknown };
  url: string;
  /** The last few kilobytes of the server's stderr (its logs), for error messages. */
  stderrTail(): string;
  /** Log lines at warn (40) or above seen on stderr so far. */
  warnings(): number;
  /** SIGTERM, then SIGKILL after graceMs; resolves when the process is gone. */
  stop(graceMs?: number): Promise<void>;
  /** SIGKILL at once (a crash); resolves when the process is gone. */
  kill(): Promise<void>;
}

/**
 * The V8 flags `npm start` gives node (package.json): the bot under test runs with them, so
 * its memory and speed are those of production.
 */
export function startFlags(): string[] {
  const { scripts } = JSON.parse(readFileSync(join(REPO_ROOT, 'package.json'), 'utf8')) as {
    scripts: { start: string };
  };
  const [, ...words] = scripts.start.split(/\s+/);
  return words.slice(
    0,
    words.findIndex((word) => !word.startsWith('--')),
  );
}

/**
 * Starts `node --import tsx bench/<script>` (no npx/tsx wrapper: the pid is the server itself)
 * and waits for the JSON line with its port on stdout. The child exits by itself when our end
 * of its stdin closes, so it cannot outlive a bench process that was killed.
 */
export async function startServer(
  name: string,
  script: string,
  env: Record<string, string>,
  options: { startTimeoutMs?: number; nodeArgs?: string[]; compiled?: boolean } = {},
): Promise<ServerProcess> {
  // compiled: the production build (`npm run build`), plain node with no TypeScript at run time.
  const entry = options.compiled
    ? [`dist/bench/${script.replace(/\.ts$/, '.js')}`]
    : ['--import', 'tsx', `bench/${script}`];
  const child = spawn(process.execPath, [...(options.nodeArgs ?? []), ...entry], {
    cwd: REPO_ROOT,
    env: { ...process.env, ...env, NODE_ENV: 'production' },
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  children.add(child);
  const exited = new Promise<number | null>((resolve) => {
    child.once('exit', (code, signal) => {
      children.delete(child);
      resolve(code ?? (signal ? -1 : null));
    });
  });

  let tail = '';
  let warnings = 0;
  let partial = '';
  child.stderr!.setEncoding('utf8');
  child.stderr!.on('data', (chunk: string) => {
    tail = (tail + chunk).slice(-8000);
    partial += chunk;
    const lines = partial.split('\n');
    partial = lines.pop() ?? '';
    for (const line of lines) {
      const level = /"level":(\d+)/.exec(line);
      if (level && Number(level[1]) >= 40) warnings++;
    }
  });

  const stop = async (graceMs = 5000) => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
    await exited;
    clearTimeout(timer);
  };
  const unregister = onCleanup(`stop ${name}`, () => stop());

  let stdout = '';
  child.stdout!.setEncoding('utf8');
  const info = await new Promise<ServerProcess['info']>((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`${name}: no port within ${options.startTimeoutMs ?? 60_000} ms`)),
      options.startTimeoutMs ?? 60_000,
    );
    const onData = (chunk: string) => {
      stdout += chunk;
      const newline = stdout.indexOf('\n');
      if (newline < 0) return;
      clearTimeout(timer);
      child.stdout!.off('data', onData);
      child.stdout!.resume(); // keep draining anything else it prints
      try {
        resolve(JSON.parse(stdout.slice(0, newline)));
      } catch {
        reject(new Error(`${name}: expected a JSON line on stdout, got ${stdout.slice(0, 200)}`));
      }
    };
    child.stdout!.on('data', onData);
    void exited.then((code) => {
      clearTimeout(timer);
      reject(new Error(`${name} exited (${code}) before listening:\n${tail}`));
    });
  }).catch(async (error) => {
    await unregister();
    throw error;
  });

  return {
    name,
    pid: child.pid!,
    info,
    url: `http://127.0.0.1:${info.port}`,
    stderrTail: () => tail,
    warnings: () => warnings,
    stop: (graceMs) => unregister().then(() => stop(graceMs)),
    kill: async () => {
      // Not its cleanup, which stops it gracefully (SIGTERM): a kill gives it no warning.
      await unregister({ forget: true });
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill('SIGKILL');
      await exited;
    },
  };
}

/** Resident set size of a process in MB (VmRSS from /proc/<pid>/status), null if gone. */
export function readRssMb(pid: number): number | null {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const match = /^VmRSS:\s+(\d+)\s+kB/m.exec(status);
    return match ? Number(match[1]) / 1024 : null;
  } catch {
    return null;
  }
}

/** Samples a process's RSS every everyMs; stop() returns the samples in MB, in order. */
export function sampleRss(pid: number, everyMs = 250): { stop(): number[] } {
  const samples: number[] = [];
  const take = () => {
    const mb = readRssMb(pid);
    if (mb !== null) samples.push(mb);
  };
  take();
  const timer = setInterval(take, everyMs);
  return {
    stop() {
      clearInterval(timer);
      take();
      return samples;
    },
  };
}

// ---------------------------------------------------------------------------------------------
// PostgreSQL

/** A postgres.js client for the admin URL, which may name a Unix socket (`?host=/dir`). */
function adminSql(adminUrl: string, timeoutSeconds: number): postgres.Sql {
  const [target, socket] = connectionOf(adminUrl);
  return postgres(target, {
    ...socket,
    max: 1,
    connect_timeout: timeoutSeconds,
    onnotice: () => {},
  });
}

export const DEFAULT_ADMIN_URL = 'postgres://postgres@127.0.0.1:5432/postgres';

/** True when the server answers within a few seconds. */
export async function postgresReachable(adminUrl: string): Promise<boolean> {
  const sql = adminSql(adminUrl, 3);
  try {
    await sql`select 1`;
    return true;
  } catch {
    return false;
  } finally {
    await sql.end({ timeout: 2 }).catch(() => undefined);
  }
}

const processAlive = (pid: number): boolean => {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
};

/**
 * Drops `home_log_bench_<pid>…` databases left by bench runs that were killed (their process is
 * gone). Databases of a bench that is still running are left alone.
 */
export async function dropStaleBenchDatabases(adminUrl: string): Promise<string[]> {
  const sql = adminSql(adminUrl, 3);
  try {
    const found = await sql<{ datname: string }[]>`
      select datname from pg_database where datname like 'home_log_bench_%'`;
    const dropped: string[] = [];
    for (const { datname } of found) {
      const pid = Number(/^home_log_bench_(\d+)/.exec(datname)?.[1]);
      if (!Number.isInteger(pid) || processAlive(pid)) continue;
      await sql.unsafe(`drop database if exists "${datname}" with (force)`);
      dropped.push(datname);
    }
    return dropped;
  } finally {
    await sql.end({ timeout: 2 });
  }
}

/**
 * Creates `home_log_bench_<pid>[_suffix]` and registers its drop. Returns its URL and a function
 * that drops it now.
 */
export async function createThrowawayDatabase(
  adminUrl: string,
  suffix = '',
): Promise<{ url: string; name: string; drop: () => Promise<void> }> {
  const name = `home_log_bench_${process.pid}${suffix ? `_${suffix}` : ''}`;
  const sql = adminSql(adminUrl, 5);
  try {
    await sql.unsafe(`drop database if exists "${name}" with (force)`);
    await sql.unsafe(`create database "${name}"`);
  } finally {
    await sql.end({ timeout: 2 });
  }
  const drop = onCleanup(`drop database ${name}`, async () => {
    const admin = adminSql(adminUrl, 5);
    try {
      await admin.unsafe(`drop database if exists "${name}" with (force)`);
    } finally {
      await admin.end({ timeout: 2 });
    }
  });
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return { url: url.toString(), name, drop };
}

// ---------------------------------------------------------------------------------------------
// CPU accounting (Linux /proc): where the cycles went during a run

const CLOCK_TICKS = 100; // USER_HZ: 100 on every mainstream Linux build

function processTicks(pid: number): number | null {
  try {
    // Fields after the ")" of the command name: utime and stime are the 12th and 13th there.
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return Number(fields[11]) + Number(fields[12]);
  } catch {
    return null;
  }
}

function machineTicks(): { busy: number; total: number } | null {
  try {
    const line = readFileSync('/proc/stat', 'utf8').split('\n')[0] ?? '';
    const values = line.trim().split(/\s+/).slice(1).map(Number);
    const total = values.slice(0, 8).reduce((sum, x) => sum + x, 0);
    const idle = (values[3] ?? 0) + (values[4] ?? 0);
    return { busy: total - idle, total };
  } catch {
    return null;
  }
}

/** CPU ticks of every PostgreSQL server process on this machine (they all carry the name). */
function postgresTicks(): Map<number, number> {
  const ticks = new Map<number, number>();
  let entries: string[] = [];
  try {
    entries = readdirSync('/proc');
  } catch {
    return ticks;
  }
  for (const entry of entries) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      if (!stat.includes('(postgres)')) continue;
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      ticks.set(Number(entry), Number(fields[11]) + Number(fields[12]));
    } catch {
      // gone meanwhile
    }
  }
  return ticks;
}

export interface CpuUse {
  /** CPU time of the server process over the run, in cores (1 = one core busy all the time). */
  serverCores: number | null;
  /** The same for this bench process (load generator and fake LINE platform). */
  benchCores: number;
  /** PostgreSQL server processes (all of them: the bench's databases and anyone else's). */
  postgresCores: number;
  /** Everything else on the machine: other people's tests, dev servers… */
  otherCores: number | null;
  /** Share of all cores busy, 0–1. */
  machineBusy: number | null;
}

export function measureCpu(pid: number): { stop(): CpuUse } {
  const started = performance.now();
  const server = processTicks(pid);
  const machine = machineTicks();
  const pg = postgresTicks();
  const bench = process.cpuUsage();
  return {
    stop() {
      const seconds = (performance.now() - started) / 1000;
      const serverNow = processTicks(pid);
      const machineNow = machineTicks();
      const benchUse = process.cpuUsage(bench);
      let pgTicks = 0;
      for (const [id, now] of postgresTicks()) pgTicks += now - (pg.get(id) ?? 0);
      const cores = (ticks: number) => ticks / CLOCK_TICKS / seconds;
      const serverCores =
        server === null || serverNow === null ? null : round(cores(serverNow - server), 2);
      const benchCores = round((benchUse.user + benchUse.system) / 1e6 / seconds, 2);
      const postgresCores = round(cores(pgTicks), 2);
      const busy =
        machine === null || machineNow === null || machineNow.total === machine.total
          ? null
          : (machineNow.busy - machine.busy) / (machineNow.total - machine.total);
      const busyCores = busy === null ? null : busy * cpus().length;
      return {
        serverCores,
        benchCores,
        postgresCores,
        otherCores:
          busyCores === null || serverCores === null
            ? null
            : round(Math.max(0, busyCores - serverCores - benchCores - postgresCores), 2),
        machineBusy: busy === null ? null : round(busy, 2),
      };
    },
  };
}

/** How busy the machine is with nothing of ours running (other people's tests, say). */
export async function idleMachineLoad(ms = 1000): Promise<{ busy: number | null; cores: number }> {
  const before = machineTicks();
  await sleep(ms);
  const after = machineTicks();
  const busy =
    before === null || after === null || after.total === before.total
      ? null
      : round((after.busy - before.busy) / (after.total - before.total), 2);
  return { busy, cores: cpus().length };
}

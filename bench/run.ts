// `npm run bench`: the performance targets, measured in one run on this machine and
// printed as one table (medians and tails beside their targets), plus the ratios. The same lands
// in bench/results/latest.json.
//
//   npm run bench                          everything (about 3–4 minutes)
//   npm run bench -- --quick               a smoke run: same steps, short durations
//   npm run bench -- --only ack,roundtrip  some sections: ack, throughput, roundtrip, memory,
//                                          ack-alone (diagnostic: processing paused), usage, charts
//   npm run bench -- --db pglite           one database (pglite, postgres)
//   npm run bench -- --tsx                 run the servers from TypeScript (default: the
//                                          production build, made first by `npm run build`)
//
// The load generator (autocannon) and a fake LINE platform run in this process; each server under
// test runs in a child process of its own (bench/bot-server.ts, bench/echo-server.ts), so that its
// RSS is its own. PostgreSQL: BENCH_DATABASE_URL, else TEST_DATABASE_URL, else
// postgres://postgres@127.0.0.1:5432/postgres; a throwaway database home_log_bench_<pid> is created
// and dropped. Not reachable: its rows are skipped with a note.

import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { type FakeLinePlatform, startFakeLinePlatform } from '../src/dev/fake-line-platform';
import type { DatabaseKind } from '../test/helpers/db';
import { benchCharts } from './charts';
import {
  type DrainResult,
  drainQueued,
  type QuietChatResult,
  quietChatUnderFlood,
  type RecoveryResult,
  recoveryAfterKill,
} from './pipeline';
import {
  type CpuUse,
  createThrowawayDatabase,
  DEFAULT_ADMIN_URL,
  dropStaleBenchDatabases,
  idleMachineLoad,
  installCleanupHooks,
  measureCpu,
  onCleanup,
  postgresReachable,
  REPO_ROOT,
  round,
  runCleanups,
  type ServerProcess,
  sampleRss,
  sleep,
  startFlags,
  startServer,
  summarize,
} from './support';
import { benchUsage } from './usage';
import {
  createWorkload,
  type LoadResult,
  load,
  pregenerate,
  type RoundTripResult,
  roundTrip,
  setUpUsers,
} from './webhook-load';

// ---------------------------------------------------------------------------------------------
// Options

const SECTIONS = [
  'ack',
  'throughput',
  'roundtrip',
  'memory',
  'quiet',
  'drain',
  'recovery',
  'ack-alone',
  'usage',
  'charts',
  'households',
] as const;
type Section = (typeof SECTIONS)[number];

interface Options {
  quick: boolean;
  /** Servers from TypeScript through tsx instead of the production build. */
  tsx: boolean;
  /** Readings queued while processing is held, then drained. */
  drainReadings: number;
  /** Quiet chat under flood: readings per flooding chat, and quiet-chat samples. */
  floodPerChat: number;
  quietSamples: number;
  /** Readings in flight when the server is killed. */
  recoveryReadings: number;
  only: Set<Section>;
  databases: DatabaseKind[];
  /** Fixed-rate run: events per second, seconds, connections. */
  rate: number;
  rateSeconds: number;
  rateConnections: number;
  /** Max-throughput runs: seconds and connections. */
  maxSeconds: number;
  maxConnections: number;
  /** Round trip: readings measured (after warm-up ones). */
  roundTrips: number;
  roundTripWarmup: number;
  users: number;
  /** Diagnostic runs with the bot's processing paused: fixed rate and max, seconds. */
  aloneRateSeconds: number;
  aloneMaxSeconds: number;
  /** Longest wait for the bot's background work to finish after a load run. */
  drainMs: number;
  usageRuns: number;
  /** Other households in the database for the crowded round trip. */
  households: number;
  /** History lengths for the usage case: the target's 100,000 and ten times that. */
  usageReadings: number[];
  chartRuns: number;
}

function parseOptions(argv: string[]): Options {
  const value = (name: string): string | undefined => {
    const at = argv.findIndex((a) => a === `--${name}` || a.startsWith(`--${name}=`));
    if (at < 0) return undefined;
    const arg = argv[at]!;
    return arg.includes('=') ? arg.slice(arg.indexOf('=') + 1) : argv[at + 1];
  };
  const number = (name: string, fallback: number) => {
    const raw = value(name);
    if (raw === undefined) return fallback;
    const n = Number(raw);
    if (!Number.isFinite(n) || n <= 0) throw new Error(`--${name} wants a positive number`);
    return n;
  };
  if (argv.includes('--help') || argv.includes('-h')) {
    process.stdout.write(
      `npm run bench [-- --quick] [--only ${SECTIONS.join(',')}] ` +
        '[--db pglite,postgres] [--rate 1000] [--rate-seconds 12] [--rate-connections 10] ' +
        '[--max-seconds 10] [--max-connections 10] [--round-trips 200] [--users 50] ' +
        '[--drain-readings 5000] [--households 10000]\n',
    );
    process.exit(0);
  }
  const quick = argv.includes('--quick');
  const only = new Set<Section>();
  for (const name of (value('only') ?? SECTIONS.join(',')).split(',').filter(Boolean)) {
    if (!(SECTIONS as readonly string[]).includes(name)) {
      throw new Error(`--only: unknown section "${name}" (known: ${SECTIONS.join(', ')})`);
    }
    only.add(name as Section);
  }
  const databases = (value('db') ?? 'pglite,postgres').split(',').filter(Boolean);
  for (const db of databases) {
    if (db !== 'pglite' && db !== 'postgres') throw new Error(`--db: unknown database "${db}"`);
  }
  return {
    quick,
    tsx: argv.includes('--tsx'),
    drainReadings: number('drain-readings', quick ? 500 : 5000),
    floodPerChat: number('flood-per-chat', quick ? 50 : 300),
    quietSamples: number('quiet-samples', quick ? 5 : 30),
    recoveryReadings: number('recovery-readings', quick ? 100 : 500),
    only,
    databases: databases as DatabaseKind[],
    rate: number('rate', 300),
    rateSeconds: number('rate-seconds', quick ? 2 : 12),
    rateConnections: number('rate-connections', 10),
    maxSeconds: number('max-seconds', quick ? 2 : 10),
    maxConnections: number('max-connections', 10),
    roundTrips: number('round-trips', quick ? 20 : 200),
    roundTripWarmup: quick ? 5 : 40,
    users: number('users', quick ? 10 : 50),
    aloneRateSeconds: quick ? 2 : 6,
    aloneMaxSeconds: quick ? 2 : 5,
    drainMs: number('drain-seconds', quick ? 20 : 60) * 1000,
    households: number('households', quick ? 1000 : 10_000),
    usageRuns: quick ? 10 : 60,
    usageReadings: quick ? [20_000] : [100_000, 1_000_000],
    chartRuns: quick ? 10 : 60,
  };
}

// ---------------------------------------------------------------------------------------------
// Results

interface Row {
  case: string;
  database: string;
  /** Formatted for the table. */
  median: string;
  tail: string;
  target: string;
  /** null: no target (shown for context). */
  met: boolean | null;
  /** The numbers behind the row. */
  data: Record<string, unknown>;
}

const rows: Row[] = [];
const ratios: string[] = [];
const notes: string[] = [];
const raw: Record<string, unknown> = {};

const ms = (x: number) =>
  !Number.isFinite(x)
    ? '—'
    : x < 0.1
      ? `${x < 0.001 ? '< 1' : (x * 1000).toFixed(1)} µs`
      : `${x < 10 ? x.toFixed(2) : x < 100 ? x.toFixed(1) : x.toFixed(0)} ms`;
const mb = (x: number) => `${x.toFixed(0)} MB`;
const int = (x: number) => Math.round(x).toLocaleString('en-US');
const cpuText = (cpu: CpuUse, server = 'bot') =>
  `CPU (cores): ${server} ${cpu.serverCores ?? '?'}, bench ${cpu.benchCores}, ` +
  `postgres ${cpu.postgresCores}, other processes ${cpu.otherCores ?? '?'}; machine ` +
  `${cpu.machineBusy === null ? '?' : Math.round(cpu.machineBusy * 100)}% busy`;

function log(message: string): void {
  process.stderr.write(`[bench ${new Date().toISOString().slice(11, 19)}] ${message}\n`);
}

// ---------------------------------------------------------------------------------------------
// The bot under load (one database)

const CHANNEL_ACCESS_TOKEN = `bench-token-${randomBytes(8).toString('hex')}`;

interface BotRun {
  database: DatabaseKind;
  bootMs: number;
  roundTrip?: RoundTripResult;
  /** The round trip again once the database holds many other households. */
  crowded?: RoundTripResult & { households: number };
  rate?: LoadResult & {
    rss: { maxMb: number; steadyMb: number; samples: number };
    processing: Processing;
    cpu: CpuUse;
  };
  max?: LoadResult & { rssMaxMb: number; processing: Processing; cpu: CpuUse };
  /** Processing paused: the acknowledgement path alone (record the event, answer 200). */
  alone?: {
    discarded: number;
    rate: LoadResult & { cpu: CpuUse };
    max: LoadResult & { cpu: CpuUse };
  };
  quiet?: QuietChatResult;
  drain?: DrainResult;
  recovery?: RecoveryResult;
  warnings: number;
}

interface Processing {
  /** Events recorded by the bot during and after the run, by status, once it went idle. */
  events: Record<string, number>;
  /** From the start of the run until its background work was done (or the wait gave up). */
  seconds: number;
  /** Events that reached done or failed in that time. */
  processed: number;
  /** Events fully processed per second over that time. */
  perSecond: number;
  /** Background tasks still running when the wait gave up (0: all done). */
  left: number;
}

async function control(server: ServerProcess, path: string): Promise<Record<string, unknown>> {
  const response = await fetch(`http://127.0.0.1:${server.info.controlPort}${path}`);
  if (!response.ok) throw new Error(`${server.name} control ${path}: ${response.status}`);
  return (await response.json()) as Record<string, unknown>;
}

const finished = (events: Record<string, number>) => (events.done ?? 0) + (events.failed ?? 0);

/** Waits for the bot's background work; reports what it got done since `since`. */
async function waitIdle(
  server: ServerProcess,
  before: Record<string, number>,
  startedAt: number,
  timeoutMs: number,
): Promise<Processing> {
  const answer = await control(server, `/idle?timeoutMs=${timeoutMs}`);
  const events = answer.events as Record<string, number>;
  const seconds = (performance.now() - startedAt) / 1000;
  const processed = finished(events) - finished(before);
  return {
    events,
    seconds: round(seconds, 1),
    processed,
    perSecond: round(processed / seconds, 1),
    left: Number(answer.left),
  };
}

async function benchBot(
  kind: DatabaseKind,
  options: Options,
  platform: FakeLinePlatform,
  adminUrl: string | null,
): Promise<BotRun> {
  const channelSecret = randomBytes(16).toString('hex');
  const env: Record<string, string> = {
    LINE_CHANNEL_SECRET: channelSecret,
    LINE_CHANNEL_ACCESS_TOKEN: CHANNEL_ACCESS_TOKEN,
    LINE_API_BASE_URL: platform.url,
    LINE_DATA_API_BASE_URL: platform.url,
    APP_SECRET: randomBytes(32).toString('hex'),
    LOG_LEVEL: 'info',
    // The bench floods chats on purpose to measure the pipeline, not the per-person limit.
    CHAT_EVENTS_PER_MINUTE: '99999',
  };
  let dropDatabase: (() => Promise<void>) | undefined;
  let removeDir: (() => Promise<void>) | undefined;
  if (kind === 'postgres') {
    const created = await createThrowawayDatabase(adminUrl!);
    env.DATABASE_URL = created.url;
    dropDatabase = created.drop;
  } else {
    const dir = await mkdtemp(join(tmpdir(), 'home-log-bench-pglite-'));
    env.PGLITE_DIR = dir;
    removeDir = onCleanup(`remove ${dir}`, () => rm(dir, { recursive: true, force: true }));
  }

  let server: ServerProcess | undefined;
  try {
    const bootStart = performance.now();
    const start = () =>
      startServer(`bot (${kind})`, 'bot-server.ts', env, {
        startTimeoutMs: 120_000,
        compiled: !options.tsx,
        nodeArgs: [
          ...startFlags(),
          // BENCH_CPU_PROF=<dir>: the bot writes a V8 CPU profile there when it stops.
          ...(process.env.BENCH_CPU_PROF
            ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_CPU_PROF}`]
            : []),
        ],
      });
    server = await start();
    const run: BotRun = {
      database: kind,
      bootMs: Math.round(performance.now() - bootStart),
      warnings: 0,
    };
    log(
      `bot (${kind}) up in ${run.bootMs} ms, pid ${server.pid}; setting up ${options.users} users`,
    );

    const workload = createWorkload(platform, channelSecret, options.users);
    await setUpUsers(server.url, workload);

    if (options.only.has('roundtrip')) {
      log(`bot (${kind}): ${options.roundTrips} sequential readings`);
      run.roundTrip = await roundTrip(server.url, workload, {
        warmup: options.roundTripWarmup,
        n: options.roundTrips,
      });
    }

    if (options.only.has('ack') || options.only.has('memory')) {
      // A short warm-up under concurrency (JIT, pools), then let its events be processed.
      await load(server.url, workload, pregenerate(workload, options.rate), {
        connections: options.rateConnections,
        durationS: 1,
        overallRate: Math.round(options.rate / 2),
      });
      await control(server, `/idle?timeoutMs=${options.drainMs}`);
      platform.clearRecorded();

      const before = (await control(server, '/events')).events as Record<string, number>;
      const pool = pregenerate(workload, Math.ceil(options.rate * (options.rateSeconds + 1)));
      log(
        `bot (${kind}): ${options.rate} events/s for ${options.rateSeconds} s ` +
          `(${options.rateConnections} connections), sampling RSS every 250 ms`,
      );
      const startedAt = performance.now();
      const rss = sampleRss(server.pid, 250);
      const cpu = measureCpu(server.pid);
      const result = await load(server.url, workload, pool, {
        connections: options.rateConnections,
        durationS: options.rateSeconds,
        overallRate: options.rate,
      });
      const cpuUse = cpu.stop();
      const samples = rss.stop();
      const steady = summarize(samples.slice(Math.floor(samples.length / 2))).median;
      log(`bot (${kind}): waiting for the background work (at most ${options.drainMs / 1000} s)`);
      const processing = await waitIdle(server, before, startedAt, options.drainMs);
      run.rate = {
        ...result,
        rss: {
          maxMb: round(Math.max(...samples), 1),
          steadyMb: round(steady, 1),
          samples: samples.length,
        },
        processing,
        cpu: cpuUse,
      };
      platform.clearRecorded();
    }

    if (options.only.has('throughput')) {
      const before = (await control(server, '/events')).events as Record<string, number>;
      const pool = pregenerate(workload, options.maxSeconds * 3000);
      log(
        `bot (${kind}): max throughput, ${options.maxConnections} connections, ${options.maxSeconds} s`,
      );
      const startedAt = performance.now();
      const rss = sampleRss(server.pid, 250);
      const cpu = measureCpu(server.pid);
      const result = await load(server.url, workload, pool, {
        connections: options.maxConnections,
        durationS: options.maxSeconds,
      });
      const cpuUse = cpu.stop();
      const samples = rss.stop();
      const events = (await control(server, '/events')).events as Record<string, number>;
      const seconds = (performance.now() - startedAt) / 1000;
      const processed = finished(events) - finished(before);
      run.max = {
        ...result,
        rssMaxMb: round(Math.max(...samples), 1),
        cpu: cpuUse,
        processing: {
          events,
          seconds: round(seconds, 1),
          processed,
          perSecond: round(processed / seconds, 1),
          left: -1,
        },
      };
      // The backlog the flood left (acknowledged far faster than processed: tens of thousands
      // of events) is thrown away, not worked off for minutes: the next sections start from an
      // empty queue.
      await control(server, '/pause?timeoutMs=15000');
      await control(server, '/resume');
      platform.clearRecorded();
    }
    if (options.only.has('quiet')) {
      log(
        `bot (${kind}): 4 chats flood (${options.floodPerChat} readings each); a quiet chat ` +
          `sends ${options.quietSamples} readings`,
      );
      run.quiet = await quietChatUnderFlood(server, workload, {
        perChat: options.floodPerChat,
        samples: options.quietSamples,
      });
      platform.clearRecorded();
    }
    if (options.only.has('drain')) {
      log(`bot (${kind}): ${options.drainReadings} readings queued, then processing released`);
      run.drain = await drainQueued(server, workload, options.drainReadings, 600_000);
      platform.clearRecorded();
    }
    if (options.only.has('households')) {
      log(`bot (${kind}): ${options.households} other households added; the round trip again`);
      const seeded = await control(server, `/households?n=${options.households}`);
      run.crowded = {
        ...(await roundTrip(server.url, workload, {
          warmup: options.roundTripWarmup,
          n: options.roundTrips,
        })),
        households: Number(seeded.households),
      };
      platform.clearRecorded();
    }
    if (options.only.has('recovery')) {
      log(`bot (${kind}): ${options.recoveryReadings} readings, SIGKILL mid-stream, restart`);
      const recovered = await recoveryAfterKill(server, workload, options.recoveryReadings, start);
      server = recovered.server;
      run.recovery = recovered.result;
      platform.clearRecorded();
    }
    if (options.only.has('ack-alone')) {
      const paused = await control(server, '/pause?timeoutMs=15000');
      platform.clearRecorded();
      log(
        `bot (${kind}): processing paused (${paused.discarded} queued events dropped); ` +
          `the acknowledgement alone at ${options.rate}/s for ${options.aloneRateSeconds} s, ` +
          `then max for ${options.aloneMaxSeconds} s`,
      );
      const ratePool = pregenerate(
        workload,
        Math.ceil(options.rate * (options.aloneRateSeconds + 1)),
      );
      let cpu = measureCpu(server.pid);
      const rate = await load(server.url, workload, ratePool, {
        connections: options.rateConnections,
        durationS: options.aloneRateSeconds,
        overallRate: options.rate,
      });
      const rateCpu = cpu.stop();
      const maxPool = pregenerate(workload, options.aloneMaxSeconds * 3000);
      cpu = measureCpu(server.pid);
      const max = await load(server.url, workload, maxPool, {
        connections: options.maxConnections,
        durationS: options.aloneMaxSeconds,
      });
      run.alone = {
        discarded: Number(paused.discarded),
        rate: { ...rate, cpu: rateCpu },
        max: { ...max, cpu: cpu.stop() },
      };
    }
    run.warnings = server.warnings();
    return run;
  } catch (error) {
    if (server)
      process.stderr.write(`--- ${server.name} stderr (tail) ---\n${server.stderrTail()}\n`);
    throw error;
  } finally {
    await server?.stop();
    await dropDatabase?.();
    await removeDir?.();
  }
}

async function benchEcho(options: Options, platform: FakeLinePlatform) {
  const channelSecret = randomBytes(16).toString('hex');
  const server = await startServer('SDK echo bot', 'echo-server.ts', {
    LINE_CHANNEL_SECRET: channelSecret,
    LINE_CHANNEL_ACCESS_TOKEN: CHANNEL_ACCESS_TOKEN,
    LINE_API_BASE_URL: platform.url,
  });
  try {
    const workload = createWorkload(platform, channelSecret, options.users);
    // Warm-up, as for the bot (the echo bot needs no setup: it answers anyone).
    await load(server.url, workload, pregenerate(workload, 2000), {
      connections: options.maxConnections,
      durationS: 1,
    });
    platform.clearRecorded();
    const pool = pregenerate(workload, options.maxSeconds * 3000);
    log(
      `SDK echo bot: max throughput, ${options.maxConnections} connections, ${options.maxSeconds} s`,
    );
    const rss = sampleRss(server.pid, 250);
    const cpu = measureCpu(server.pid);
    const result = await load(server.url, workload, pool, {
      connections: options.maxConnections,
      durationS: options.maxSeconds,
    });
    const cpuUse = cpu.stop();
    const samples = rss.stop();
    const replies = platform.replies.length;
    platform.clearRecorded();
    return { ...result, rssMaxMb: round(Math.max(...samples), 1), replies, cpu: cpuUse };
  } finally {
    await server.stop();
  }
}

// ---------------------------------------------------------------------------------------------
// Rows

function botRows(run: BotRun, options: Options): void {
  const db = run.database;
  const roundTripRow = (rt: RoundTripResult, label: string) => {
    rows.push({
      case: `${label}, n=${rt.latency.n}`,
      database: db,
      median: ms(rt.latency.median),
      tail: `p95 ${ms(rt.latency.p95)}`,
      target: 'p95 ≤ 50 ms',
      met: rt.latency.p95 <= 50,
      data: { ...rt },
    });
    if (rt.other > 0) {
      notes.push(
        `${label} (${db}): ${rt.other} of ${rt.latency.n} replies were not "Recorded …": ` +
          rt.otherExamples.map((t) => JSON.stringify(t)).join(', '),
      );
    }
  };
  if (run.roundTrip) roundTripRow(run.roundTrip, 'reading round trip (event → reply)');
  if (run.crowded) {
    const households = run.crowded.households.toLocaleString('en');
    roundTripRow(run.crowded, `reading round trip among ${households} other households`);
  }

  if (run.rate) {
    const r = run.rate;
    if (options.only.has('ack')) {
      const failures = r.errors + r.non2xx;
      rows.push({
        case: `webhook ack, ${options.rate}/s offered × ${r.durationS} s (got ${int(r.rps)}/s)`,
        database: db,
        median: ms(r.latency.median),
        tail: `p99 ${ms(r.latency.p99)}`,
        target: 'p99 ≤ 50 ms at the rate, no errors',
        // Met only if the server also took the rate it was offered (within 5%).
        met: r.latency.p99 <= 50 && failures === 0 && r.rps >= 0.95 * options.rate,
        data: { ...r },
      });
      notes.push(
        `ack @ ${options.rate}/s (${db}): ${int(r.responses)} responses in ${r.durationS} s ` +
          `(${int(r.rps)}/s), errors ${r.errors}, timeouts ${r.timeouts}, non-2xx ${r.non2xx}, ` +
          `max ${ms(r.latency.max)}; background processing: ${int(r.processing.processed)} ` +
          `events done at ${int(r.processing.perSecond)}/s over ${r.processing.seconds} s` +
          (r.processing.left > 0
            ? ` (gave up waiting; ${r.processing.left} chats still busy)`
            : '') +
          `; ${cpuText(r.cpu)}`,
      );
    }
    if (options.only.has('memory')) {
      rows.push({
        case: `bot RSS during the ${options.rate}/s run (steady | max)`,
        database: db,
        median: mb(r.rss.steadyMb),
        tail: `max ${mb(r.rss.maxMb)}`,
        target: 'steady ≤ 350 MB',
        met: r.rss.steadyMb <= 350,
        data: { ...r.rss },
      });
    }
  }
  if (run.max) {
    const m = run.max;
    rows.push({
      case: `max throughput, ${m.connections} connections × ${m.durationS} s (req/s | latency)`,
      database: db,
      median: `${int(m.rps)} req/s`,
      tail: `p50 ${ms(m.latency.median)}, p99 ${ms(m.latency.p99)}`,
      target: '≥ SDK echo bot',
      met: null, // filled in once the echo bot has run
      data: { ...m },
    });
    if (m.errors + m.non2xx > 0) {
      notes.push(
        `max throughput (${db}): errors ${m.errors}, non-2xx ${m.non2xx} ${JSON.stringify(m.statusCodes)}`,
      );
    }
    notes.push(
      `max throughput (${db}): background processing meanwhile ${int(m.processing.processed)} ` +
        `events at ${int(m.processing.perSecond)}/s (the rest was dropped with the server); ` +
        cpuText(m.cpu),
    );
    if (m.generatedDuringRun > 0) {
      notes.push(`max throughput (${db}): ${m.generatedDuringRun} events made during the run`);
    }
  }
}

function pipelineRows(run: BotRun): void {
  const db = run.database;
  const readingsTarget = db === 'postgres' ? 400 : 150;
  if (run.drain) {
    const d = run.drain;
    rows.push({
      case: `drain ${int(d.readings)} queued readings (validated, stored, audited, replied)`,
      database: db,
      median: d.seconds === null ? 'gave up' : `${d.seconds} s`,
      tail: d.perSecond === null ? '—' : `${int(d.perSecond)} readings/s`,
      target: `≥ ${readingsTarget} readings/s`,
      met: d.perSecond !== null && d.perSecond >= readingsTarget,
      data: { ...d },
    });
    notes.push(
      `drain (${db}): CPU per reading: bot ${d.cpuMsPerReading.bot ?? '?'} ms` +
        (d.cpuMsPerReading.postgres === null
          ? ''
          : `, PostgreSQL ${d.cpuMsPerReading.postgres} ms`) +
        `; ${cpuText(d.cpu)}`,
    );
  }
  if (run.quiet) {
    const q = run.quiet;
    rows.push({
      case: `quiet chat's reading → reply while ${q.floodChats} chats flood (${int(q.floodEvents)} events), n=${q.samples}`,
      database: db,
      median: ms(q.latency.median),
      tail: `p99 ${ms(q.latency.p99)}`,
      target: '(not behind the backlog)',
      met: null,
      data: { ...q },
    });
  }
  if (run.recovery) {
    const r = run.recovery;
    rows.push({
      case: `recovery after SIGKILL: restart → ${r.unfinishedAtKill} unfinished of ${r.readings} readings done`,
      database: db,
      median: r.seconds === null ? 'gave up' : `${r.seconds} s`,
      tail: `boot ${ms(r.bootMs)}`,
      target: 'resumes at once; none lost',
      met: r.seconds !== null && r.failed === 0,
      data: { ...r },
    });
    notes.push(
      `recovery (${db}): ${r.failed} failed, ${r.refusedReplies} reply attempt(s) refused by LINE ` +
        '(a token already used: the at-most-one duplicate attempt per crash window)',
    );
  }
  rows.push({
    case: 'boot (spawn → listening, migrations applied)',
    database: db,
    median: ms(run.bootMs),
    tail: '—',
    target: '(context)',
    met: null,
    data: { bootMs: run.bootMs },
  });
}

function aloneRows(run: BotRun, options: Options): void {
  if (!run.alone) return;
  const { rate, max } = run.alone;
  rows.push({
    case: `diagnostic: ack with processing paused, ${options.rate}/s offered (got ${int(rate.rps)}/s)`,
    database: run.database,
    median: ms(rate.latency.median),
    tail: `p99 ${ms(rate.latency.p99)}`,
    target: '(p99 ≤ 20 ms)',
    met: null,
    data: { ...rate },
  });
  rows.push({
    case: `diagnostic: max throughput with processing paused, ${max.connections} conn.`,
    database: run.database,
    median: `${int(max.rps)} req/s`,
    tail: `p50 ${ms(max.latency.median)}, p99 ${ms(max.latency.p99)}`,
    target: '(≥ echo bot)',
    met: null,
    data: { ...max },
  });
  notes.push(
    `processing paused (${run.database}): ${options.rate}/s → ${cpuText(rate.cpu)}; ` +
      `max → ${cpuText(max.cpu)}; errors ${rate.errors + max.errors}, ` +
      `non-2xx ${rate.non2xx + max.non2xx}`,
  );
}

// ---------------------------------------------------------------------------------------------
// Output

function printTable(): string {
  const header = ['case', 'database', 'median', 'p95/p99', 'target', 'met?'];
  const body = rows.map((r) => [
    r.case,
    r.database,
    r.median,
    r.tail,
    r.target,
    r.met === null ? '—' : r.met ? 'yes' : 'NO',
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...body.map((cells) => cells[i]!.length)));
  const line = (cells: string[]) => `| ${cells.map((c, i) => c.padEnd(widths[i]!)).join(' | ')} |`;
  return [
    line(header),
    `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`,
    ...body.map(line),
  ].join('\n');
}

// ---------------------------------------------------------------------------------------------

async function main(): Promise<void> {
  installCleanupHooks();
  const options = parseOptions(process.argv.slice(2));
  const started = performance.now();
  log(
    `sections: ${[...options.only].join(', ')}; databases: ${options.databases.join(', ')}` +
      (options.quick ? ' (quick)' : ''),
  );

  // Other people's tests or dev servers on this machine make every figure worse: say so.
  const idle = await idleMachineLoad(1000);
  raw.machineBusyBeforeRun = idle;
  if (idle.busy !== null && idle.busy >= 0.1) {
    notes.push(
      `before the run, other processes kept ${Math.round(idle.busy * 100)}% of the ` +
        `${idle.cores} CPUs busy; the figures below shared the machine with them`,
    );
  }
  log(`machine busy before the run: ${idle.busy === null ? '?' : Math.round(idle.busy * 100)}%`);

  const adminUrl =
    process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL ?? DEFAULT_ADMIN_URL;
  let databases = options.databases;
  if (databases.includes('postgres')) {
    if (await postgresReachable(adminUrl)) {
      const stale = await dropStaleBenchDatabases(adminUrl);
      if (stale.length > 0) log(`dropped databases of earlier, killed runs: ${stale.join(', ')}`);
    } else {
      const where = new URL(adminUrl);
      notes.push(`PostgreSQL at ${where.host} is not reachable: its rows are skipped.`);
      databases = databases.filter((d) => d !== 'postgres');
    }
  }

  const botSections = [
    'ack',
    'throughput',
    'roundtrip',
    'memory',
    'quiet',
    'drain',
    'recovery',
    'ack-alone',
  ] as const;
  if (botSections.some((s) => options.only.has(s))) {
    if (!options.tsx) {
      log('npm run build (the servers run the production build)');
      execFileSync('npm', ['run', 'build', '--silent'], { cwd: REPO_ROOT, stdio: 'inherit' });
    }
    const platform = await startFakeLinePlatform({
      channelAccessToken: CHANNEL_ACCESS_TOKEN,
      // Events are made before the load starts; LINE's one-minute clock would run out on them.
      replyTokenTtlMs: 30 * 60_000,
    });
    const closePlatform = onCleanup('close the fake LINE platform', () => platform.close());
    try {
      const runs: BotRun[] = [];
      for (const kind of databases) {
        const run = await benchBot(kind, options, platform, adminUrl);
        runs.push(run);
        botRows(run, options);
        pipelineRows(run);
        aloneRows(run, options);
        if (run.warnings > 0) {
          notes.push(`bot (${kind}) logged ${run.warnings} warning/error line(s)`);
        }
      }
      raw.bot = runs;
      if (options.only.has('ack')) {
        notes.push(
          `fixed rate = autocannon overallRate over ${options.rateConnections} connections: each ` +
            `sends its share of the second's events one after another (next request when the ` +
            `answer arrives) and then idles until the next second; a server slower than the ` +
            `rate gets fewer events, hence "got …/s". Latencies are raw (no coordinated-omission fill-in).`,
        );
      }

      if (options.only.has('throughput')) {
        const echo = await benchEcho(options, platform);
        raw.echo = echo;
        rows.push({
          case: `max throughput, ${echo.connections} connections × ${echo.durationS} s (req/s | latency)`,
          database: 'SDK echo bot',
          median: `${int(echo.rps)} req/s`,
          tail: `p50 ${ms(echo.latency.median)}, p99 ${ms(echo.latency.p99)}`,
          target: 'baseline',
          met: null,
          data: { ...echo },
        });
        notes.push(`max throughput (SDK echo bot): ${cpuText(echo.cpu, 'echo bot')}`);
        if (echo.errors + echo.non2xx > 0) {
          notes.push(
            `SDK echo bot: errors ${echo.errors}, non-2xx ${echo.non2xx} ${JSON.stringify(echo.statusCodes)}`,
          );
        }
        for (const run of runs) {
          if (!run.max) continue;
          const ratio = run.max.rps / echo.rps;
          const row = rows.find(
            (r) => r.database === run.database && r.case.startsWith('max throughput'),
          );
          if (row) {
            row.met = ratio >= 2;
            row.target = `≥ 2× echo (${int(echo.rps)} req/s)`;
            row.data.ratioToEcho = round(ratio, 2);
          }
          ratios.push(
            `throughput Home Log (${run.database}) / SDK echo bot = ${int(run.max.rps)} / ` +
              `${int(echo.rps)} = ${ratio.toFixed(2)}× (target ≥ 2.00×) ${ratio >= 2 ? 'met' : 'NOT met'}`,
          );
        }
        for (const run of runs) {
          if (!run.alone) continue;
          const ratio = run.alone.max.rps / echo.rps;
          ratios.push(
            `diagnostic: ack path alone (${run.database}, processing paused) / SDK echo bot = ` +
              `${int(run.alone.max.rps)} / ${int(echo.rps)} = ${ratio.toFixed(2)}×`,
          );
        }
        notes.push(
          `RSS max during max throughput: ${runs
            .filter((r) => r.max)
            .map((r) => `bot (${r.database}) ${mb(r.max!.rssMaxMb)}`)
            .join(', ')}, SDK echo bot ${mb(echo.rssMaxMb)}`,
        );
      }
    } finally {
      await closePlatform();
    }
  }

  if (options.only.has('usage')) {
    raw.usage = [];
    for (const count of options.usageReadings) {
      log(`usage: a meter with ${int(count)} readings`);
      const results = await benchUsage(options.usageRuns, {
        kinds: databases,
        adminUrl,
        readings: count,
      });
      const label = count >= 1_000_000 ? `${count / 1_000_000}M` : `${Math.round(count / 1000)}k`;
      (raw.usage as unknown[]).push(...results.map((r) => ({ ...r, readings: count })));
      for (const r of results) {
        const naive = r.name.startsWith('naive');
        rows.push({
          case: naive
            ? `usage, naive full-history load (12 months of ${label})`
            : `usage, 12 months of ${label} readings`,
          database: r.database,
          median: ms(r.medianMs),
          tail: `p95 ${ms(r.p95Ms)}`,
          // The target is set for 100,000 readings (and should hold beyond); a smoke run with
          // fewer only shows the figure.
          target: naive ? '—' : '≤ 10 ms',
          met: naive || count < 100_000 ? null : r.medianMs <= 10,
          data: { ...r, readings: count },
        });
        if (naive && r.ratio !== undefined) {
          ratios.push(
            `usage (${r.database}, ${label}): naive full-history load / month-boundary probes = ${r.ratio}×`,
          );
        }
      }
    }
  }

  if (options.only.has('charts')) {
    log('charts: warm renders and the cache');
    const results = await benchCharts(options.chartRuns);
    raw.charts = results;
    for (const r of results) {
      const cache = r.name.includes('cache');
      const monthly = r.name.includes('12-month') && !cache;
      rows.push({
        case: r.name.replace(/^chart: /, 'chart, '),
        database: '—',
        median: ms(r.medianMs),
        tail: `p95 ${ms(r.p95Ms)}`,
        target: monthly ? '≤ 30 ms' : cache ? 'from cache' : '—',
        met: monthly
          ? r.medianMs <= 30
          : cache
            ? r.cacheHits === r.n && r.rendersDuring === 0
            : null,
        data: { ...r },
      });
    }
    const bars = results.find((r) => r.name.includes('12-month') && !r.name.includes('cache'));
    const hit = results.find((r) => r.name.includes('cache'));
    if (bars && hit) {
      ratios.push(
        `chart: warm render / cache hit = ${ms(bars.medianMs)} / ${ms(hit.medianMs)} = ` +
          `${Math.round(bars.medianMs / Math.max(hit.medianMs, 0.001))}× ` +
          `(${hit.cacheHits} of ${hit.n} requests answered from the cache)`,
      );
    }
  }

  const table = printTable();
  const seconds = round((performance.now() - started) / 1000, 1);
  const lines = [
    '',
    `Home Log bench — ${new Date().toISOString()} — ${cpus().length} CPU(s), Node ${process.versions.node}` +
      (options.quick ? ' — QUICK (smoke run, not the real figures)' : ''),
    '',
    table,
    '',
    ...ratios.map((r) => `ratio: ${r}`),
    ...notes.map((n) => `note: ${n}`),
    `(ran in ${seconds} s; medians and tails are nearest-rank; "met?" judges the percentile the target names, else the median)`,
    '',
  ];
  process.stdout.write(lines.join('\n'));

  const dir = join(REPO_ROOT, 'bench', 'results');
  await mkdir(dir, { recursive: true });
  await writeFile(
    join(dir, 'latest.json'),
    `${JSON.stringify(
      {
        at: new Date().toISOString(),
        machine: { cpus: cpus().length, model: cpus()[0]?.model, node: process.versions.node },
        options: { ...options, only: [...options.only] },
        seconds,
        rows,
        ratios,
        notes,
        raw,
      },
      null,
      2,
    )}\n`,
  );
  log(`written to bench/results/latest.json`);
}

let exitCode = 0;
try {
  await main();
} catch (error) {
  process.stderr.write(`bench failed: ${error instanceof Error ? error.stack : String(error)}\n`);
  exitCode = 1;
} finally {
  await runCleanups();
}
// Nothing should be left, but a stray handle must not keep the bench alive.
await sleep(50);
process.exit(exitCode);

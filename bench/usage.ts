// Monthly usage of a meter with 100,000 readings (target: ≤ 10 ms for 12 months, by index
// probes at the month boundaries, not a scan). Measured as the bot runs it: one transaction as
// the application role, so row-level security is part of the cost. The naive way (load the whole
// history, compute in memory) is measured beside it for the ratio. Run on its own
// (`npx tsx bench/usage.ts`): PGlite always, PostgreSQL too when TEST_DATABASE_URL is set;
// bench/run.ts names the databases and the server itself.

import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import { and, asc, eq, isNull, sql } from 'drizzle-orm';
import { withActor } from '../src/db/actor';
import { createDatabase } from '../src/db/open';
import { readings, sources, users } from '../src/db/schema';
import { monthlyUsage } from '../src/domain/usage';
import { addMonths, monthOfInstant } from '../src/domain/usage-report';
import { monthlyUsageForSource, type UsageSource } from '../src/store/usage';
import { createTestDatabase, type DatabaseKind, databaseKinds } from '../test/helpers/db';
import { createThrowawayDatabase } from './support';

export interface UsageBenchResult {
  name: string;
  database: DatabaseKind;
  medianMs: number;
  p95Ms: number;
  n: number;
  /** On the naive row: its median over the probes' median. */
  ratio?: number;
}

export interface UsageBenchOptions {
  /** Default: PGlite, and PostgreSQL when TEST_DATABASE_URL is set. */
  kinds?: DatabaseKind[];
  /** Admin URL of the PostgreSQL server; default TEST_DATABASE_URL. */
  adminUrl?: string;
  /** History length; default 100,000 (the target's figure; fewer only for a smoke run). */
  readings?: number;
}

const READINGS = 100_000;
const STEP_HOURS = 6; // 100,000 readings every ~6 h: about 68 years of history (see stepSeconds)
const TIMEZONE = 'Asia/Bangkok';

function quantile(sorted: number[], q: number): number {
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1));
  return sorted[i] ?? Number.NaN;
}

async function time(name: string, n: number, warmup: number, run: () => Promise<unknown>) {
  for (let i = 0; i < warmup; i++) await run();
  const samples: number[] = [];
  for (let i = 0; i < n; i++) {
    const start = performance.now();
    await run();
    samples.push(performance.now() - start);
  }
  samples.sort((a, b) => a - b);
  const round = (ms: number) => Math.round(ms * 1000) / 1000;
  return {
    name,
    medianMs: round(quantile(samples, 0.5)),
    p95Ms: round(quantile(samples, 0.95)),
    n,
  };
}

/** A migrated, empty database of this kind; PostgreSQL: a throwaway `home_log_bench_…`. */
async function openDatabase(kind: DatabaseKind, adminUrl: string | undefined) {
  if (kind === 'pglite' || !adminUrl) return createTestDatabase(kind);
  const created = await createThrowawayDatabase(adminUrl, 'usage');
  try {
    const database = await createDatabase({ databaseUrl: created.url, pgliteDir: '' });
    await database.migrate();
    const close = database.close.bind(database);
    return Object.assign(database, {
      async close() {
        await close();
        await created.drop();
      },
    });
  } catch (error) {
    await created.drop();
    throw error;
  }
}

async function benchOn(
  kind: DatabaseKind,
  runs: number,
  adminUrl: string | undefined,
  count: number,
): Promise<UsageBenchResult[]> {
  const database = await openDatabase(kind, adminUrl);
  try {
    const db = database.db;
    const [user] = await db
      .insert(users)
      .values({ displayName: 'Bench', timezone: TIMEZONE })
      .returning({ id: users.id });
    const [row] = await db
      .insert(sources)
      .values({ ownerId: user!.id, name: 'Electric', unit: 'kWh', timezone: TIMEZONE })
      .returning({ id: sources.id });
    const source: UsageSource = {
      id: row!.id,
      kind: 'cumulative',
      digits: null,
      timezone: TIMEZONE,
    };

    // The history ends a day before "now"; times wobble by up to an hour, usage by the hour.
    const now = new Date('2026-11-15T03:00:00Z');
    // The same ~68 years of history whatever the count: a million readings come every 36 minutes.
    const stepSeconds = Math.round((STEP_HOURS * 3600 * READINGS) / count);
    const first = new Date(now.getTime() - 86_400_000 - count * stepSeconds * 1000);
    await db.execute(sql`
      insert into readings (source_id, number, taken_at, value, entered_by, entered_at)
      select ${source.id}::uuid, g,
        ${first.toISOString()}::timestamptz + g * interval '${sql.raw(String(stepSeconds))} seconds'
          + ((g::bigint * 7919) % ${sql.raw(String(Math.min(3600, stepSeconds)))}) * interval '1 second',
        round(g * 2.5 + (g % 7) * 0.1, 1), ${user!.id}::uuid, now()
      from generate_series(1, ${count}::int) g`);
    await db.execute(sql`analyze readings`);

    const to = monthOfInstant(now, TIMEZONE);
    const range = { from: addMonths(to, -11), to, now };
    const actor = { userId: user!.id };
    const fast = () => withActor(db, actor, ({ tx }) => monthlyUsageForSource(tx, source, range));
    const naive = () =>
      withActor(db, actor, async ({ tx }) => {
        const all = await tx
          .select({
            takenAt: readings.takenAt,
            value: readings.value,
            event: readings.registerEvent,
          })
          .from(readings)
          .where(
            and(
              eq(readings.sourceId, source.id),
              isNull(readings.supersededAt),
              isNull(readings.deletedAt),
            ),
          )
          .orderBy(asc(readings.takenAt), asc(readings.id));
        const points = all.map((p) => ({ ...p, event: p.event ?? null }));
        return monthlyUsage({ source, points, ...range });
      });

    // Same answer both ways, or the timing means nothing.
    if (JSON.stringify(await fast()) !== JSON.stringify(await naive())) {
      throw new Error(`usage bench (${kind}): probes and full history disagree`);
    }
    const label = count >= 1_000_000 ? `${count / 1_000_000}M` : `${Math.round(count / 1000)}k`;
    const probes = await time(`usage, 12 months of ${label} readings (${kind})`, runs, 10, fast);
    const full = await time(`naive full-history load (${kind})`, 5, 1, naive);
    const ratio = Math.round(full.medianMs / probes.medianMs);
    return [
      { ...probes, database: kind },
      { ...full, name: `${full.name}: ${ratio}× the probes`, database: kind, ratio },
    ];
  } finally {
    await database.close();
  }
}

export async function benchUsage(
  runs = 60,
  options: UsageBenchOptions = {},
): Promise<UsageBenchResult[]> {
  const adminUrl = options.adminUrl ?? process.env.TEST_DATABASE_URL;
  const results: UsageBenchResult[] = [];
  for (const kind of options.kinds ?? databaseKinds()) {
    results.push(...(await benchOn(kind, runs, adminUrl, options.readings ?? READINGS)));
  }
  return results;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  console.table(await benchUsage());
}

import { sql } from 'drizzle-orm';
import type { Deps } from '../deps';
import { type Database, rows } from './client';

// PostgreSQL's autovacuum clears the dead row versions that updates and deletes leave behind
// and keeps the planner's statistics current. PGlite runs PostgreSQL as a single process, and
// autovacuum is one of the background processes it does not have: left alone, an embedded
// database is never vacuumed nor analysed, however long it lives. The inbox alone updates each
// event three times and deletes it after the retention period, so its table and indexes would
// only grow, and the planner would keep guessing at the sizes of tables it never measured.
// Measured: with 10,000 other households bulk-loaded and never analysed, a reading's round trip
// on PGlite took 32 ms (p95 42) and the drain 11.8 ms of CPU a reading; analysed, 12.6 ms (p95
// 18) and 9.1 ms. So on PGlite a check once a minute (autovacuum's own interval) does what
// autovacuum would, with its thresholds: a table is vacuumed once a fifth of its rows are dead,
// and analysed once a tenth changed, each after the first 50.

/** How often PGlite's tables are checked (autovacuum_naptime's default). */
export const MAINTENANCE_INTERVAL_MS = 60_000;

/** Autovacuum's defaults (autovacuum_vacuum_threshold / _scale_factor, and the analyze pair). */
export const VACUUM_THRESHOLD = { base: 50, share: 0.2 } as const;
export const ANALYZE_THRESHOLD = { base: 50, share: 0.1 } as const;

export interface MaintenanceReport {
  /** Tables vacuumed (dead row versions cleared), each analysed too. */
  vacuumed: string[];
  /** Tables analysed only (enough changed, few dead rows). */
  analysed: string[];
}

/**
 * On PGlite, vacuums and analyses the application's tables that autovacuum would have; on
 * PostgreSQL nothing (the server's autovacuum does it). Returns what it did.
 */
export async function maintainEmbedded(database: Database): Promise<MaintenanceReport> {
  const report: MaintenanceReport = { vacuumed: [], analysed: [] };
  if (database.kind !== 'pglite') return report;
  const due = await rows<{ name: string; to_vacuum: boolean; to_analyse: boolean }>(
    database.db,
    sql`select * from (
          select format('%I.%I', schemaname, relname) as name,
            n_dead_tup > ${VACUUM_THRESHOLD.base}::float8
              + ${VACUUM_THRESHOLD.share}::float8 * n_live_tup as to_vacuum,
            n_mod_since_analyze > ${ANALYZE_THRESHOLD.base}::float8
              + ${ANALYZE_THRESHOLD.share}::float8 * n_live_tup as to_analyse
          from pg_stat_user_tables) as tables
        where to_vacuum or to_analyse
        order by name`,
  );
  for (const table of due) {
    // The name comes quoted from format('%I'); VACUUM takes no parameters.
    if (table.to_vacuum) {
      await database.db.execute(sql.raw(`vacuum (analyze) ${table.name}`));
      report.vacuumed.push(table.name);
    } else {
      await database.db.execute(sql.raw(`analyze ${table.name}`));
      report.analysed.push(table.name);
    }
  }
  return report;
}

/**
 * On PGlite, checks now and then every MAINTENANCE_INTERVAL_MS in the background, logging what
 * it vacuumed; a check still running when the next is due makes that one skip. Returns a stop
 * function (nothing to stop on PostgreSQL).
 */
export function startEmbeddedMaintenance(
  deps: Pick<Deps, 'database' | 'logger' | 'runInBackground'>,
  intervalMs = MAINTENANCE_INTERVAL_MS,
): () => void {
  if (deps.database.kind !== 'pglite') return () => {};
  const log = deps.logger.child({ component: 'maintenance' });
  let running = false;
  const tick = () => {
    if (running) return;
    running = true;
    deps.runInBackground(async () => {
      try {
        const report = await maintainEmbedded(deps.database);
        if (report.vacuumed.length + report.analysed.length > 0)
          log.info(report, 'tables vacuumed');
      } finally {
        running = false;
      }
    });
  };
  tick();
  const timer = setInterval(tick, intervalMs);
  timer.unref();
  return () => clearInterval(timer);
}

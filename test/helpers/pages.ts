import { type SQL, sql } from 'drizzle-orm';
import { type Db, rows, type Tx } from '../../src/db/client';

/**
 * Buffers (pages) a statement touched, its nested statements included, by EXPLAIN ANALYZE (which
 * runs it). Measured after a first run of `warmUp` (by default the statement itself) on the same
 * connection: a connection's first run also reads the catalogs (a function's definition, the
 * plan's statistics), which is not what these tests measure. Run it inside a transaction, so
 * both runs share a connection. PGlite returns the plan as JSON text, postgres.js parsed.
 */
export async function pagesTouched(
  executor: Db | Tx,
  statement: SQL,
  warmUp: SQL = statement,
): Promise<number> {
  const explain = (explained: SQL) =>
    rows<{ 'QUERY PLAN': unknown }>(
      executor,
      sql`explain (analyze, buffers, format json) ${explained}`,
    );
  await explain(warmUp);
  const [row] = await explain(statement);
  const plan = row!['QUERY PLAN'];
  const [top] = (typeof plan === 'string' ? JSON.parse(plan) : plan) as {
    Plan: Record<string, number>;
  }[];
  return (top!.Plan['Shared Hit Blocks'] ?? 0) + (top!.Plan['Shared Read Blocks'] ?? 0);
}

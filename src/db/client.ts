import { sql } from 'drizzle-orm';
import type { PgDatabase, PgQueryResultHKT, PgTransaction } from 'drizzle-orm/pg-core';
import type { ExtractTablesWithRelations } from 'drizzle-orm/relations';
import type * as schema from './schema';

// The database as the application sees it: one type over PGlite and postgres.js. Opening one
// is the entry point's business (db/open.ts for Node, db/postgres.ts alone for Workers), so that
// nothing here drags an embedded PostgreSQL into a bundle that cannot use it.

export type Schema = typeof schema;
/** PGlite and postgres.js behind one type: handlers never know which one they talk to. */
export type Db = PgDatabase<PgQueryResultHKT, Schema>;
export type Tx = PgTransaction<PgQueryResultHKT, Schema, ExtractTablesWithRelations<Schema>>;
type Executor = Db | Tx;

export interface Database {
  kind: 'pglite' | 'postgres';
  db: Db;
  /**
   * For single statements on the hot path (recording webhook events, claiming and finishing
   * them) on tables without row-level security. PostgreSQL: connections whose sessions run as
   * the application role from the start (no per-transaction role switch). PGlite: its one
   * session, with these statements served before queued transactions (db/pglite-lanes.ts).
   */
  inbox: Db | null;
  /** Applies pending migrations from drizzle/; returns how many were applied. */
  migrate(): Promise<number>;
  /**
   * PostgreSQL: holds the worker's liveness lock on a connection of its own until `release`
   * (drizzle/0028); taken again if that connection drops, `onLost` told each time.
   */
  holdWorkerLock?(
    workerId: string,
    onLost: (error?: unknown) => void,
  ): Promise<{ release(): Promise<void> }>;
  /** True when the database answers a trivial query within `timeoutMs`. */
  ping(timeoutMs?: number): Promise<boolean>;
  close(): Promise<void>;
}

export async function appliedMigrations(db: Db): Promise<number> {
  // Two queries: the count cannot even be parsed before the first migration creates the table.
  const [exists] = await rows<{ present: boolean }>(
    db,
    sql`select to_regclass('drizzle.__drizzle_migrations') is not null as present`,
  );
  if (!exists?.present) return 0;
  const [row] = await rows<{ n: number }>(
    db,
    sql`select count(*)::int as n from drizzle.__drizzle_migrations`,
  );
  return Number(row?.n ?? 0);
}

export async function ping(db: Db, timeoutMs = 2000, isClosed: () => boolean): Promise<boolean> {
  if (isClosed()) return false;
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<false>((resolve) => {
    timer = setTimeout(() => resolve(false), timeoutMs);
  });
  try {
    return await Promise.race([rows(db, sql`select 1 as ok`).then(() => true), timeout]);
  } catch {
    return false;
  } finally {
    clearTimeout(timer);
  }
}

/** Raw SQL rows, whichever driver answered (PGlite returns `{ rows }`, postgres.js an array). */
export async function rows<T = Record<string, unknown>>(
  executor: Executor,
  query: Parameters<Executor['execute']>[0],
): Promise<T[]> {
  return rowsOf<T>(await executor.execute(query));
}

/** The rows of a driver's answer: PGlite returns `{ rows }`, postgres.js an array. */
export function rowsOf<T>(result: unknown): T[] {
  if (Array.isArray(result)) return result as T[];
  return ((result as { rows?: T[] }).rows ?? []) as T[];
}

import { mkdir } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { PGlite } from '@electric-sql/pglite';
import { sql } from 'drizzle-orm';
import type { PgDatabase, PgQueryResultHKT, PgTransaction } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { drizzle as drizzlePostgres } from 'drizzle-orm/postgres-js';
import { migrate as migratePostgres } from 'drizzle-orm/postgres-js/migrator';
import type { ExtractTablesWithRelations } from 'drizzle-orm/relations';
import postgres from 'postgres';
import * as schema from './schema';

export type Schema = typeof schema;
/** PGlite and postgres.js behind one type: handlers never know which one they talk to. */
export type Db = PgDatabase<PgQueryResultHKT, Schema>;
export type Tx = PgTransaction<PgQueryResultHKT, Schema, ExtractTablesWithRelations<Schema>>;
type Executor = Db | Tx;

export interface Database {
  kind: 'pglite' | 'postgres';
  db: Db;
  /** Applies pending migrations from drizzle/; returns how many were applied. */
  migrate(): Promise<number>;
  /** True when the database answers a trivial query within `timeoutMs`. */
  ping(timeoutMs?: number): Promise<boolean>;
  close(): Promise<void>;
}

export const MIGRATIONS_FOLDER = fileURLToPath(new URL('../../drizzle', import.meta.url));

// Any constant works; it only has to be the same for every instance migrating this database.
const MIGRATION_LOCK_KEY = 720_301_994;

export async function createDatabase(options: {
  databaseUrl: string | null;
  pgliteDir: string;
  /** postgres.js pool size. */
  maxConnections?: number;
}): Promise<Database> {
  return options.databaseUrl
    ? createPostgres(options.databaseUrl, options.maxConnections ?? 10)
    : createPglite(options.pgliteDir);
}

async function createPglite(dataDir: string): Promise<Database> {
  if (!dataDir.startsWith('memory://')) await mkdir(dataDir, { recursive: true });
  return wrapPglite(await PGlite.create(dataDir));
}

/** A Database over an open PGlite instance (tests start one from a migrated snapshot). */
export function wrapPglite(client: PGlite): Database {
  const db = drizzlePglite({ client, schema });
  let closed = false;
  return {
    kind: 'pglite',
    db: db as unknown as Db,
    async migrate() {
      const before = await appliedMigrations(db as unknown as Db);
      await migratePglite(db, { migrationsFolder: MIGRATIONS_FOLDER });
      return (await appliedMigrations(db as unknown as Db)) - before;
    },
    ping: (timeoutMs) => ping(db as unknown as Db, timeoutMs, () => closed),
    async close() {
      if (closed) return;
      closed = true;
      await client.close();
    },
  };
}

async function createPostgres(url: string, max: number): Promise<Database> {
  const client = postgres(url, {
    max,
    onnotice: () => {},
    connect_timeout: 10,
    // Keep numeric and bigint as exact strings; drizzle maps the columns it knows.
    connection: { application_name: 'home-log' },
  });
  const db = drizzlePostgres({ client, schema });
  let closed = false;
  return {
    kind: 'postgres',
    db: db as unknown as Db,
    async migrate() {
      // One connection holds an advisory lock while migrating, so that several instances
      // starting together apply each migration once.
      const lockClient = postgres(url, { max: 1, onnotice: () => {}, connect_timeout: 10 });
      try {
        await lockClient`select pg_advisory_lock(${MIGRATION_LOCK_KEY})`;
        const lockDb = drizzlePostgres({ client: lockClient });
        const before = await appliedMigrations(lockDb as unknown as Db);
        await migratePostgres(lockDb, { migrationsFolder: MIGRATIONS_FOLDER });
        const after = await appliedMigrations(lockDb as unknown as Db);
        await lockClient`select pg_advisory_unlock(${MIGRATION_LOCK_KEY})`;
        return after - before;
      } finally {
        await lockClient.end({ timeout: 5 });
      }
    },
    ping: (timeoutMs) => ping(db as unknown as Db, timeoutMs, () => closed),
    async close() {
      if (closed) return;
      closed = true;
      await client.end({ timeout: 5 });
    },
  };
}

async function appliedMigrations(db: Db): Promise<number> {
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

async function ping(db: Db, timeoutMs = 2000, isClosed: () => boolean): Promise<boolean> {
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
  const result = (await executor.execute(query)) as unknown;
  if (Array.isArray(result)) return result as T[];
  return ((result as { rows?: T[] }).rows ?? []) as T[];
}

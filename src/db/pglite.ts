import { mkdir } from 'node:fs/promises';
import { PGlite } from '@electric-sql/pglite';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { appliedMigrations, type Database, type Db, ping } from './client';
import { migrationsFolder } from './migrations';
import * as schema from './schema';

/**
 * PGlite's defaults are a server's: 128 MB of shared buffers (most of which it touches at start,
 * so they count in the process's memory) and slots for 100 connections, where one process uses
 * one. A household's data fits in 16 MB of buffers many times over, and the operating system's
 * page cache keeps the rest of the files at hand. Measured on the bench's 300 events/s run: the
 * bot's steady RSS 557 MB with the defaults, 403 MB with these.
 */
export const PGLITE_START_PARAMS = [
  ...PGlite.defaultStartParams,
  ...['-c', 'shared_buffers=16MB', '-c', 'max_connections=10'],
];

/** Embedded PostgreSQL in a directory, or in memory with `memory://`. */
export async function createPglite(dataDir: string): Promise<Database> {
  if (!dataDir.startsWith('memory://')) await mkdir(dataDir, { recursive: true });
  return wrapPglite(await PGlite.create({ dataDir, startParams: PGLITE_START_PARAMS }));
}

/** A Database over an open PGlite instance (tests start one from a migrated snapshot). */
export function wrapPglite(client: PGlite): Database {
  const db = drizzlePglite({ client, schema });
  let closed = false;
  return {
    kind: 'pglite',
    db: db as unknown as Db,
    inbox: null,
    async migrate() {
      const before = await appliedMigrations(db as unknown as Db);
      await migratePglite(db, { migrationsFolder: migrationsFolder() });
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

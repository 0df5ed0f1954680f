import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { PGlite } from '@electric-sql/pglite';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { appliedMigrations, type Database, type Db, ping } from './client';
import { migrationsFolder } from './migrations';
import { withPreparedStatements } from './pglite-prepared';
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
  if (!dataDir.startsWith('memory://')) {
    await mkdir(dataDir, { recursive: true });
    await initialiseApart(dataDir);
  }
  return wrapPglite(await PGlite.create({ dataDir, startParams: PGLITE_START_PARAMS }));
}

/**
 * Creates a new data directory (initdb) in a short-lived child process. Done in the server, it
 * leaves about 450 MB behind for the life of the process (a second WebAssembly instance and the
 * tarball it hands over), which the system gets back only when a process ends. Measured on the
 * first boot: 758 MB resident after opening and migrating in-process, 297 MB this way.
 */
async function initialiseApart(dataDir: string): Promise<void> {
  if (existsSync(join(dataDir, 'PG_VERSION'))) return;
  // Plain JavaScript importing PGlite by its resolved URL: the same under tsx and in dist/.
  const script = `import { PGlite } from ${JSON.stringify(import.meta.resolve('@electric-sql/pglite'))};
    const [dataDir, params] = process.argv.slice(1);
    const pg = await PGlite.create({ dataDir, startParams: JSON.parse(params) });
    await pg.close();`;
  try {
    await promisify(execFile)(process.execPath, [
      '--input-type=module',
      '-e',
      script,
      dataDir,
      JSON.stringify(PGLITE_START_PARAMS),
    ]);
  } catch (error) {
    const stderr = (error as { stderr?: string }).stderr ?? String(error);
    throw new Error(`could not create the PGlite data directory ${dataDir}: ${stderr}`);
  }
}

/** A Database over an open PGlite instance (tests start one from a migrated snapshot). */
export function wrapPglite(client: PGlite): Database {
  const db = drizzlePglite({ client: withPreparedStatements(client), schema });
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

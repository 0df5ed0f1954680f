import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, open, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { PGlite } from '@electric-sql/pglite';
import { NodeFS } from '@electric-sql/pglite/nodefs';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { appliedMigrations, type Database, type Db, ping } from './client';
import { migrationsFolder } from './migrations';
import { awaitingFlush, installLogFlusher, LogFlusher } from './pglite-flush';
import { Gate, inLane } from './pglite-lanes';
import { withPreparedStatements } from './pglite-prepared';
import * as schema from './schema';

/**
 * PGlite's defaults are a server's: 128 MB of shared buffers (most of which it touches at start,
 * so they count in the process's memory) and slots for 100 connections, where one process uses
 * one. A household's data fits in 16 MB of buffers many times over, and the operating system's
 * page cache keeps the rest of the files at hand. Measured on the bench's 300 events/s run: the
 * bot's steady RSS 557 MB with the defaults, 403 MB with these.
 *
 * And PGlite's defaults leave a commit in the operating system's cache: PostgreSQL starts with
 * fsync off (`-F`), fdatasync is a no-op in its WebAssembly build, and the Node file system it
 * mounts has no fsync at all. A power cut could lose acknowledged readings or leave the database
 * unreadable. So fsync is on, the log is flushed with fsync rather than fdatasync, and the
 * mounted file system flushes with Node's fsync (DurableNodeFS): a commit returns to the
 * application once it is on the disk.
 */
export const PGLITE_START_PARAMS = [
  ...PGlite.defaultStartParams.filter((param) => param !== '-F'),
  ...['-c', 'shared_buffers=16MB', '-c', 'max_connections=10', '-c', 'wal_sync_method=fsync'],
];

type PostgresModule = Parameters<NodeFS['init']>[1];

/**
 * PGlite's Node file system, with the fsync it lacks: the log's flushes run off the thread
 * (src/db/pglite-flush.ts), everything else is flushed in place. Installed before PostgreSQL
 * starts, so that its crash recovery is covered too.
 */
class DurableNodeFS extends NodeFS {
  readonly flusher = new LogFlusher();

  override async init(pg: PGlite, options: PostgresModule) {
    const { emscriptenOpts } = await super.init(pg, options);
    const install = (module: PostgresModule) =>
      installLogFlusher(
        module.NODEFS as unknown as Parameters<typeof installLogFlusher>[0],
        this.flusher,
      );
    return {
      emscriptenOpts: { ...emscriptenOpts, preRun: [...(emscriptenOpts.preRun ?? []), install] },
    };
  }
}

/** Embedded PostgreSQL in a directory, or in memory with `memory://`. */
export async function createPglite(dataDir: string): Promise<Database> {
  if (dataDir.startsWith('memory://')) {
    return wrapPglite(await PGlite.create({ dataDir, startParams: PGLITE_START_PARAMS }));
  }
  await mkdir(dataDir, { recursive: true });
  await initialiseApart(dataDir);
  const files = new DurableNodeFS(dataDir);
  const client = await PGlite.create({ fs: files, startParams: PGLITE_START_PARAMS });
  return wrapPglite(client, files.flusher);
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
  // The child wrote it all through PGlite's file system, which never flushes: once, now.
  await flushTree(dataDir);
}

/** fsync for every file and directory under `dir` (the directories last, after their entries). */
async function flushTree(dir: string): Promise<void> {
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) await flushTree(path);
    else if (entry.isFile()) await flush(path);
  }
  // Some systems (Windows) cannot open a directory to flush it; PostgreSQL skips those too.
  await flush(dir).catch((error: NodeJS.ErrnoException) => {
    if (!['EISDIR', 'EPERM', 'EACCES', 'EBADF', 'EINVAL'].includes(error.code ?? '')) throw error;
  });
}

async function flush(path: string): Promise<void> {
  const handle = await open(path, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/**
 * A Database over an open PGlite instance (tests start one from a migrated snapshot). With the
 * flusher of its file system, every answer waits for the log it wrote to be on the disk.
 */
export function wrapPglite(client: PGlite, flusher?: LogFlusher): Database {
  const prepared = withPreparedStatements(client);
  // One gate for both: the inbox's single statements go before queued transactions.
  const gate = new Gate();
  const open = (lane: 'first' | 'rest') => {
    const laned = inLane(prepared, gate, lane);
    return drizzlePglite({ client: flusher ? awaitingFlush(laned, flusher) : laned, schema });
  };
  const db = open('rest');
  let closed = false;
  return {
    kind: 'pglite',
    db: db as unknown as Db,
    inbox: open('first') as unknown as Db,
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
      // The shutdown checkpoint's last flush, if PostgreSQL asked for it after its last write.
      flusher?.flushNow();
    },
  };
}

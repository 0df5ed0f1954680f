import { randomBytes } from 'node:crypto';
import { mkdir, readFile } from 'node:fs/promises';
import { PGlite } from '@electric-sql/pglite';
import postgres from 'postgres';
import type { Database } from '../../src/db/client';
import { createDatabase } from '../../src/db/open';
import { createPglite, PGLITE_START_PARAMS, wrapPglite } from '../../src/db/pglite';

export type DatabaseKind = 'pglite' | 'postgres';

/**
 * PGlite always; PostgreSQL too when TEST_DATABASE_URL points at a server (an admin URL such as
 * postgres://postgres@127.0.0.1:5432/postgres). Database-level tests run once per kind.
 */
export const databaseKinds = (): DatabaseKind[] =>
  process.env.TEST_DATABASE_URL ? ['pglite', 'postgres'] : ['pglite'];

/** The kind end-to-end tests use: PostgreSQL when configured, else PGlite. */
export const defaultDatabaseKind = (): DatabaseKind =>
  process.env.TEST_DATABASE_URL ? 'postgres' : 'pglite';

export interface TestDatabase extends Database {
  /** The URL of the throwaway PostgreSQL database, or null on PGlite. */
  url: string | null;
}

/** What test/setup/databases.ts prepared for this run, when running under Vitest with it. */
interface Prepared {
  pgliteSnapshot?: string;
  postgresTemplate?: string | null;
}
let prepared: Promise<Prepared> | undefined;
function preparedBySetup(): Promise<Prepared> {
  prepared ??= (async () => {
    // Outside Vitest (the benchmark) there is no setup: migrate here instead.
    if (!process.env.VITEST) return {};
    const { inject } = await import('vitest');
    return {
      pgliteSnapshot: inject('pgliteSnapshot'),
      postgresTemplate: inject('postgresTemplate'),
    };
  })();
  return prepared;
}

/**
 * A migrated PGlite data directory as a tarball, made as small as it can be: every test database
 * starts by unpacking it, and unpacking costs by the byte. Two things a test never uses make up
 * most of a default one (40 MB): a 16 MB write-ahead-log segment, mostly zeros (initdb makes it
 * 1 MB here), and the template databases, which only CREATE DATABASE reads (PGlite has one
 * database and never creates another). 16 MB instead of 40: a test database boots in about
 * 0.25 s instead of 0.7 s.
 */
export async function migratedPgliteDump(): Promise<Blob> {
  const client = await PGlite.create({
    dataDir: 'memory://',
    startParams: PGLITE_START_PARAMS,
    initDbStartParams: ['--wal-segsize=1'],
  });
  try {
    await wrapPglite(client).migrate();
    for (const template of ['template0', 'template1']) {
      await client.exec(
        `update pg_database set datistemplate = false where datname = '${template}'`,
      );
      await client.exec(`drop database ${template}`);
    }
    await client.exec('checkpoint');
    return await client.dumpDataDir('none');
  } finally {
    await client.close();
  }
}

/**
 * The snapshot as PGlite reads it (loadDataDir), its bytes handed over in one copy: Node's own
 * Blob.arrayBuffer() gathers 16 MB in small chunks, which cost every test database's start
 * about 50 ms. Each start gets a copy of its own, so no database can touch the next one's.
 */
class SnapshotBlob extends Blob {
  readonly #bytes: Uint8Array;
  constructor(bytes: Uint8Array) {
    super([bytes]);
    this.#bytes = new Uint8Array(bytes);
  }
  override async arrayBuffer(): Promise<ArrayBuffer> {
    return this.#bytes.slice().buffer;
  }
}

// Booting PGlite and migrating takes seconds; loading a migrated snapshot a fraction of one. The
// setup migrates once and keeps the result between runs; without it, once per process.
let snapshot: Promise<Blob> | undefined;
function migratedSnapshot(): Promise<Blob> {
  snapshot ??= (async () => {
    const { pgliteSnapshot } = await preparedBySetup();
    const bytes = pgliteSnapshot
      ? await readFile(pgliteSnapshot)
      : new Uint8Array(await (await migratedPgliteDump()).arrayBuffer());
    return new SnapshotBlob(bytes);
  })();
  return snapshot;
}

/**
 * A freshly migrated PGlite in the directory `dataDir` (for a command run with PGLITE_DIR), open:
 * unpacked from the migrated snapshot, which takes a fraction of creating and migrating one.
 */
export async function createTestPgliteDir(dataDir: string): Promise<Database> {
  await mkdir(dataDir, { recursive: true });
  return fromSnapshot(dataDir);
}

/**
 * A migrated PGlite in the directory `dataDir`, opened as the server opens one (createPglite:
 * durable, its log flushed off the thread). Unpacked from the migrated snapshot: creating a new
 * directory and migrating it takes several seconds (initdb alone about five here).
 */
export async function openMigratedPgliteDir(dataDir: string): Promise<Database> {
  await (await createTestPgliteDir(dataDir)).close();
  return createPglite(dataDir);
}

/** PGlite unpacked from the migrated snapshot, in memory or in a directory. */
async function fromSnapshot(dataDir?: string): Promise<Database> {
  return wrapPglite(await openTestPglite(dataDir));
}

/** The bare PGlite instance behind a test database (for tests of the driver itself). */
export async function openTestPglite(dataDir?: string): Promise<PGlite> {
  return PGlite.create({
    ...(dataDir ? { dataDir } : {}),
    loadDataDir: await migratedSnapshot(),
    startParams: PGLITE_START_PARAMS,
  });
}

/**
 * A freshly migrated, empty database. On PostgreSQL it is a new database of its own, dropped by
 * close(), so parallel test files never see each other's rows.
 */
export async function createTestDatabase(
  kind: DatabaseKind = defaultDatabaseKind(),
): Promise<TestDatabase> {
  if (kind === 'pglite') return Object.assign(await fromSnapshot(), { url: null });

  const adminUrl = process.env.TEST_DATABASE_URL;
  if (!adminUrl) throw new Error('TEST_DATABASE_URL is not set');
  const name = `home_log_test_${process.pid}_${randomBytes(4).toString('hex')}`;
  const { postgresTemplate } = await preparedBySetup();
  const admin = postgres(adminUrl, { max: 1, onnotice: () => {} });
  // A copy of the migrated template is much cheaper than migrating a new database.
  await admin.unsafe(
    postgresTemplate
      ? `create database ${name} template ${postgresTemplate}`
      : `create database ${name}`,
  );
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  const database = await createDatabase({ databaseUrl: url.toString(), pgliteDir: '' });
  if (!postgresTemplate) await database.migrate();
  const close = database.close.bind(database);
  return Object.assign(database, {
    url: url.toString(),
    async close() {
      await close();
      await admin.unsafe(`drop database if exists ${name} with (force)`);
      await admin.end({ timeout: 5 });
    },
  });
}

/** The database's own message: drizzle wraps driver errors as "Failed query: …" with a cause. */
export function databaseErrorMessage(error: unknown): string {
  const messages: string[] = [];
  let current: unknown = error;
  while (current instanceof Error) {
    messages.push(current.message);
    current = (current as { cause?: unknown }).cause;
  }
  return messages.join(' <- ');
}

/** Resolves with the database's error message; fails the test if the promise does not reject. */
export async function rejection(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
  } catch (error) {
    return databaseErrorMessage(error);
  }
  throw new Error('expected the database to refuse, but it accepted');
}

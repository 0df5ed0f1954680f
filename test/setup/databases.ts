// Vitest globalSetup of the projects that use a database: migrate once, then every test database
// is a copy. PGlite: a dump of a migrated data directory in a file, which each test
// database loads. PostgreSQL (TEST_DATABASE_URL): a migrated template database, which each test
// database is created from and which teardown drops.

import { createHash, randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, readdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import postgres from 'postgres';
import type { TestProject } from 'vitest/node';
import { createDatabase } from '../../src/db/open';
import { migratedPgliteDump } from '../helpers/db';

declare module 'vitest' {
  export interface ProvidedContext {
    /** A file holding a migrated PGlite data directory (`dumpDataDir`). */
    pgliteSnapshot: string;
    /** A migrated PostgreSQL database to copy, or null without TEST_DATABASE_URL. */
    postgresTemplate: string | null;
  }
}

interface Prepared {
  pgliteSnapshot: string;
  postgresTemplate: string | null;
  teardown(): Promise<void>;
}

// Migrating a new PGlite takes about 5 s of the run's start, when nothing else can run yet. The
// result depends only on the files below, so it is kept between runs, named by their hash: a
// changed migration, PGlite version or start parameter makes a new one. Delete the folder to
// force a fresh migration.
const root = fileURLToPath(new URL('../..', import.meta.url));
const snapshotCache = join(root, 'node_modules/.cache/home-log-tests');
const snapshotInputs = [
  'drizzle',
  'node_modules/@electric-sql/pglite/package.json',
  'src/db/pglite.ts',
  'src/db/migrations.ts',
  'test/helpers/db.ts',
].map((input) => join(root, input));

async function filesUnder(path: string): Promise<string[]> {
  if (!(await stat(path)).isDirectory()) return [path];
  const entries = await readdir(path, { withFileTypes: true, recursive: true });
  return entries
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name))
    .sort();
}

async function snapshotKey(): Promise<string> {
  const hash = createHash('sha256');
  for (const input of snapshotInputs) {
    for (const file of await filesUnder(input)) {
      hash
        .update(relative(root, file))
        .update('\0')
        .update(await readFile(file))
        .update('\0');
    }
  }
  return hash.digest('hex').slice(0, 16);
}

async function migratedPgliteSnapshot(): Promise<string> {
  const name = `pglite-migrated-${await snapshotKey()}.tar`;
  const file = join(snapshotCache, name);
  if (existsSync(file)) return file;
  const dump = await migratedPgliteDump();
  await mkdir(snapshotCache, { recursive: true });
  // Written aside and renamed: a run started meanwhile reads a whole file or makes its own.
  const partial = `${file}.${process.pid}.partial`;
  await writeFile(partial, Buffer.from(await dump.arrayBuffer()));
  await rename(partial, file);
  const outdated = (await readdir(snapshotCache)).filter(
    (other) => other.startsWith('pglite-migrated-') && other.endsWith('.tar') && other !== name,
  );
  for (const other of outdated) await rm(join(snapshotCache, other), { force: true });
  return file;
}

async function migratedPostgresTemplate(adminUrl: string): Promise<string> {
  const name = `home_log_template_${process.pid}_${randomBytes(4).toString('hex')}`;
  const admin = postgres(adminUrl, { max: 1, onnotice: () => {} });
  try {
    await admin.unsafe(`create database ${name}`);
  } finally {
    await admin.end({ timeout: 5 });
  }
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  // One connection, closed before any copy: PostgreSQL copies only a database nobody is in.
  const database = await createDatabase({
    databaseUrl: url.toString(),
    pgliteDir: '',
    maxConnections: 1,
  });
  try {
    await database.migrate();
  } finally {
    await database.close();
  }
  return name;
}

async function dropPostgresDatabase(adminUrl: string, name: string): Promise<void> {
  const admin = postgres(adminUrl, { max: 1, onnotice: () => {} });
  try {
    await admin.unsafe(`drop database if exists ${name} with (force)`);
  } finally {
    await admin.end({ timeout: 5 });
  }
}

async function prepare(): Promise<Prepared> {
  const adminUrl = process.env.TEST_DATABASE_URL;
  const [pgliteSnapshot, postgresTemplate] = await Promise.all([
    migratedPgliteSnapshot(),
    adminUrl ? migratedPostgresTemplate(adminUrl) : null,
  ]);
  return {
    pgliteSnapshot,
    postgresTemplate,
    async teardown() {
      if (adminUrl && postgresTemplate) await dropPostgresDatabase(adminUrl, postgresTemplate);
    },
  };
}

// Both the db and the e2e project name this file, and Vitest sets each project up on its own;
// they share one preparation (global to the main process), torn down after the last project.
const shared = Symbol.for('home-log.test-databases');
interface SharedState {
  prepared: Promise<Prepared>;
  users: number;
}
const state = globalThis as typeof globalThis & { [shared]?: SharedState };

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  state[shared] ??= { prepared: prepare(), users: 0 };
  const current = state[shared];
  current.users += 1;
  const prepared = await current.prepared;
  project.provide('pgliteSnapshot', prepared.pgliteSnapshot);
  project.provide('postgresTemplate', prepared.postgresTemplate);
  return async () => {
    current.users -= 1;
    if (current.users > 0) return;
    delete state[shared];
    await prepared.teardown();
  };
}

// Vitest globalSetup of the projects that use a database: migrate once per run, then every test
// database is a copy. PGlite: a dump of a migrated data directory in a file, which each test
// database loads. PostgreSQL (TEST_DATABASE_URL): a migrated template database, which each test
// database is created from and which teardown drops.

import { randomBytes } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
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

async function migratedPgliteSnapshot(dir: string): Promise<string> {
  const dump = await migratedPgliteDump();
  const file = join(dir, 'pglite-migrated.tar');
  await writeFile(file, Buffer.from(await dump.arrayBuffer()));
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
  const dir = await mkdtemp(join(tmpdir(), 'home-log-test-'));
  const adminUrl = process.env.TEST_DATABASE_URL;
  const [pgliteSnapshot, postgresTemplate] = await Promise.all([
    migratedPgliteSnapshot(dir),
    adminUrl ? migratedPostgresTemplate(adminUrl) : null,
  ]);
  return {
    pgliteSnapshot,
    postgresTemplate,
    async teardown() {
      if (adminUrl && postgresTemplate) await dropPostgresDatabase(adminUrl, postgresTemplate);
      await rm(dir, { recursive: true, force: true });
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

import { availableParallelism } from 'node:os';
import { configDefaults, defineConfig } from 'vitest/config';

// Three projects, chosen by folder so that test files never move:
//   unit  pure code and the chart renderer; no database, no server
//   db    database-level tests, on PGlite and also on PostgreSQL when TEST_DATABASE_URL is set
//   e2e   everything else (the app over HTTP, the bot, entry points, the browser): any new
//         folder lands here until it is listed above, so no test file is ever left out.
const unit = [
  'test/domain/**/*.test.ts',
  'test/charts/**/*.test.ts',
  'test/audit/offline/**/*.test.ts',
  'test/config.test.ts',
];
const db = [
  'test/db/**/*.test.ts',
  'test/store/**/*.test.ts',
  'test/readings/**/*.test.ts',
  'test/accounts/**/*.test.ts',
  'test/audit/**/*.test.ts',
];

// Migrates once (kept between runs); each test database is a copy (see the file).
const databaseSetup = ['test/setup/databases.ts'];

export default defineConfig({
  test: {
    // PGlite boots a whole PostgreSQL in WebAssembly, and some tests start the app as a child
    // process that migrates its own; give them room on a busy 2-core machine.
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: 'forks',
    // Vitest's default is one worker fewer than the cores: one on a 2-core machine, which then
    // idles a core while a test waits on a child process, a socket or PGlite's single thread.
    maxWorkers: Math.max(2, availableParallelism() - 1),
    // A worker runs file after file in one process: the app's modules are imported and PGlite's
    // migrated snapshot read once per worker, not once per file (a third of the suite's CPU).
    // So a test file must undo what it changes outside its own objects (process.env, globals).
    isolate: false,
    projects: [
      { extends: true, test: { name: 'unit', include: unit } },
      {
        extends: true,
        test: {
          name: 'db',
          include: db,
          exclude: [...configDefaults.exclude, ...unit],
          globalSetup: databaseSetup,
        },
      },
      {
        extends: true,
        test: {
          name: 'e2e',
          include: ['test/**/*.test.ts'],
          exclude: [...configDefaults.exclude, ...unit, ...db],
          globalSetup: databaseSetup,
        },
      },
    ],
  },
});

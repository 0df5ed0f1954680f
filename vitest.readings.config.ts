import { defineConfig } from 'vitest/config';

// The reading service's own tests on PGlite (no server, no HTTP): what mutation testing of
// src/readings/ runs for each mutant (stryker.readings.config.mjs). The service checks and
// stores readings inside a database transaction, so its tests need a database.
export default defineConfig({
  test: {
    include: ['test/readings/**/*.test.ts'],
    globalSetup: ['test/setup/databases.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: 'forks',
  },
});

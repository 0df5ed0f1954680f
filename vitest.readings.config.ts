import { defineConfig } from 'vitest/config';

// The reading service's own tests, on PGlite: what mutation testing of src/readings/ runs for
// each mutant (`npm run test:mutation:readings`). The service checks and stores readings inside a
// database transaction, so its tests need a database; PGlite keeps each run on this machine.
export default defineConfig({
  test: {
    include: ['test/readings/**/*.test.ts'],
    globalSetup: ['test/setup/databases.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: 'forks',
  },
});

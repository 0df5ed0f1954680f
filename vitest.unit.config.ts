import { defineConfig } from 'vitest/config';

// The pure core's tests only (no database, no HTTP): what mutation testing runs for each mutant.
export default defineConfig({
  test: {
    include: [
      'test/domain/**/*.test.ts',
      'test/charts/tokens.test.ts',
      'test/audit/offline/**/*.test.ts',
    ],
    testTimeout: 30_000,
    pool: 'forks',
  },
});

// Mutation testing of the pure core: each mutant is run against the unit tests only (no
// database), so a run stays within minutes. `npm run test:mutation` runs it incrementally:
// reports/stryker-incremental.json (committed) lets a run re-test only mutants whose code or
// covering tests changed. Equivalent survivors are listed in docs/testing.md.
/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  testRunner: 'vitest',
  vitest: { configFile: 'vitest.unit.config.ts' },
  plugins: ['@stryker-mutator/vitest-runner'],
  // The pure core: domain rules, the chart tokens, and the audit chain's offline verifier and
  // checkpoints. The reading service needs a database for its tests and is not mutated here.
  mutate: [
    'src/domain/**/*.ts',
    'src/charts/tokens.ts',
    'src/audit/verify-export.ts',
    'src/audit/checkpoint.ts',
  ],
  coverageAnalysis: 'perTest',
  // Mutants of module-level constants (grammar tables, presets) would each re-run every unit
  // test: about 30 % of the mutants for over 80 % of the time. They are left out (reported as
  // ignored); the tables themselves are pinned by the grammar and preset tests.
  ignoreStatic: true,
  concurrency: 2,
  timeoutMS: 30_000,
  thresholds: { high: 90, low: 85, break: 80 },
  incremental: true,
  incrementalFile: 'reports/stryker-incremental.json',
  reporters: ['clear-text', 'progress'],
  tempDirName: '.stryker-tmp',
  cleanTempDir: 'always',
};

// Mutation testing of the reading service (src/readings/): each mutant runs against the service's
// database tests on PGlite (vitest.readings.config.ts). Slower per mutant than the pure core, so
// it is its own run: `npm run test:mutation:readings`, incremental like the core's.
import core from './stryker.config.mjs';

/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  ...core,
  vitest: { configFile: 'vitest.readings.config.ts' },
  mutate: ['src/readings/**/*.ts'],
  incrementalFile: 'reports/stryker-incremental-readings.json',
  timeoutMS: 60_000,
};

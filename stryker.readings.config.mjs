// Mutation testing of the reading service (src/readings/): each mutant runs against the
// service's own tests on PGlite (vitest.readings.config.ts), never PostgreSQL, so a run needs
// no server. Its own incremental file, like the core's.
import core from './stryker.config.mjs';

/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  ...core,
  vitest: { configFile: 'vitest.readings.config.ts' },
  mutate: ['src/readings/**/*.ts'],
  incrementalFile: 'reports/stryker-incremental-readings.json',
  timeoutMS: 60_000,
};

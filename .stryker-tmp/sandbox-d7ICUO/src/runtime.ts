// @ts-nocheck
import { createChartRenderer } from './charts/renderer';
import type { Config } from './config';
import type { Database } from './db/client';
import { createDatabase } from './db/open';
import { assembleDeps, type Deps } from './deps';
import type { Logger } from './logger';

/**
 * Real dependencies for a Node process (the server, `npm run chat`, the tests): the configured
 * database (unless one is given) and one chart renderer, plus what every runtime has.
 */
export async function createNodeDeps(
  config: Config,
  options: { logger: Logger; database?: Database; clock?: () => Date },
): Promise<{ deps: Deps; drain: (timeoutMs: number) => Promise<number> }> {
  return assembleDeps({
    config,
    database: options.database ?? (await createDatabase(config)),
    charts: createChartRenderer(),
    logger: options.logger,
    ...(options.clock ? { clock: options.clock } : {}),
  });
}

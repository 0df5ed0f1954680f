import { createChartRenderer } from './charts/renderer';
import type { Config } from './config';
import type { Database } from './db/client';
import { createDatabase } from './db/open';
import { assembleDeps, type Deps } from './deps';
import { nodeHttpPost } from './line/node-http-post';
import type { Logger } from './logger';

/**
 * Real dependencies for a Node process (the server, `npm run chat`, the tests): the configured
 * database (unless one is given), one chart renderer and Node's HTTP client for replies and
 * pushes, plus what every runtime has.
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
    linePost: nodeHttpPost(),
    ...(options.clock ? { clock: options.clock } : {}),
  });
}

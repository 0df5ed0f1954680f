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
  options: {
    logger: Logger;
    database?: Database;
    clock?: () => Date;
    /** The process is a long-lived server: on PostgreSQL its worker holds a liveness lock. */
    server?: boolean;
  },
): Promise<{ deps: Deps; drain: (timeoutMs: number) => Promise<number> }> {
  const database = options.database ?? (await createDatabase(config));
  const { logger } = options;
  const holdLock = options.server ? database.holdWorkerLock?.bind(database) : undefined;
  return assembleDeps({
    config,
    database,
    charts: createChartRenderer(),
    logger,
    linePost: nodeHttpPost(),
    ...(options.clock ? { clock: options.clock } : {}),
    ...(holdLock
      ? {
          workerLock: (workerId: string) =>
            holdLock(workerId, (error) =>
              logger.warn(
                { err: error },
                'the worker lock was lost with its connection: taking it again',
              ),
            ),
        }
      : {}),
  });
}

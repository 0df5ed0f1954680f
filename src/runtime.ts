import { createBackgroundTasks } from './background';
import { createChartRenderer } from './charts/renderer';
import type { Config } from './config';
import type { Database } from './db/client';
import { createDatabase } from './db/open';
import type { Deps } from './deps';
import { createLineApi } from './line/client';
import type { Logger } from './logger';

/**
 * Real dependencies for a Node process (the server, `npm run chat`, the tests): the database,
 * the LINE API client, one chart renderer, the clock and a background-task tracker.
 */
export async function createNodeDeps(
  config: Config,
  options: { logger: Logger; database?: Database; clock?: () => Date },
): Promise<{ deps: Deps; drain: (timeoutMs: number) => Promise<number> }> {
  const { logger } = options;
  const database = options.database ?? (await createDatabase(config));
  const background = createBackgroundTasks((error) =>
    logger.error({ err: error }, 'background task failed'),
  );
  const deps: Deps = {
    config,
    database,
    line: createLineApi({
      channelAccessToken: config.line.channelAccessToken,
      baseUrl: config.line.apiBaseUrl,
      logger,
    }),
    charts: createChartRenderer(),
    logger,
    clock: options.clock ?? (() => new Date()),
    runInBackground: (task) => background.run(task),
  };
  return { deps, drain: (timeoutMs) => background.drain(timeoutMs) };
}

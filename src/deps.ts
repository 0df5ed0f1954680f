import { createBackgroundTasks } from './background';
import type { ChartRenderer } from './charts/renderer';
import type { Config } from './config';
import type { Database } from './db/client';
import { createLineApi, type JsonPost, type LineApi } from './line/client';
import type { Logger } from './logger';

/**
 * Everything the application needs from the outside world. Entry points build real ones; tests
 * build real ones too and fake only what lives outside the machine (LINE, Google).
 */
export interface Deps {
  config: Config;
  database: Database;
  line: LineApi;
  /** The PNG renderer; null where native canvas cannot run (Cloudflare Workers). */
  charts: ChartRenderer | null;
  logger: Logger;
  clock: () => Date;
  /** Starts work that continues after the response (drained on shutdown by the Node entry). */
  runInBackground: (task: () => Promise<unknown>) => void;
  /**
   * A long-lived server on PostgreSQL: holds a lock that says its worker is alive, so that its
   * claims are taken over as soon as it dies (bot/processor.ts). Absent elsewhere.
   */
  workerLock?: WorkerLock;
}

export type WorkerLock = (workerId: string) => Promise<{ release(): Promise<void> }>;

/**
 * Deps from the parts that differ between runtimes (database, chart renderer, logger); the LINE
 * client, the clock and the background tracker are the same everywhere.
 */
export function assembleDeps(parts: {
  config: Config;
  database: Database;
  charts: ChartRenderer | null;
  logger: Logger;
  clock?: () => Date;
  /** How replies and pushes are posted, when not with the SDK's fetch (see createLineApi). */
  linePost?: JsonPost;
  workerLock?: WorkerLock;
}): { deps: Deps; drain: (timeoutMs: number) => Promise<number> } {
  const { config, logger } = parts;
  const background = createBackgroundTasks((error) =>
    logger.error({ err: error }, 'background task failed'),
  );
  const deps: Deps = {
    config,
    database: parts.database,
    line: createLineApi({
      channelAccessToken: config.line.channelAccessToken,
      baseUrl: config.line.apiBaseUrl,
      dataBaseUrl: config.line.dataApiBaseUrl,
      logger,
      ...(parts.linePost ? { post: parts.linePost } : {}),
    }),
    charts: parts.charts,
    logger,
    clock: parts.clock ?? (() => new Date()),
    runInBackground: (task) => background.run(task),
    ...(parts.workerLock ? { workerLock: parts.workerLock } : {}),
  };
  return { deps, drain: (timeoutMs) => background.drain(timeoutMs) };
}

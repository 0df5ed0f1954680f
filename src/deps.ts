import type { ChartRenderer } from './charts/renderer';
import type { Config } from './config';
import type { Database } from './db/client';
import type { LineApi } from './line/client';
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
}

import { forgetOldStatesOfEveryone } from './accounts/link-states';
import { withActor } from './db/actor';
import type { Deps } from './deps';
import { forgetOldImports } from './store/imports';
import { clearFinishedContent, pruneFinished } from './store/webhook-events';

// Personal data is kept no longer than it serves: what people wrote leaves the webhook inbox
// once the event is done (the id stays, for deduplication), finished events go after 30 days,
// and one-time link states and imports a day after they expired, whoever they belonged to. Run hourly by
// the Node server and by the Workers cron trigger; any number of instances may run it at once.

export interface RetentionReport {
  /** Finished events whose content was still there (finished before it was cleared on finish). */
  contentsCleared: number;
  eventsPruned: number;
  linkStatesForgotten: number;
  /** Imports (`import meter 1`) that expired more than a day ago, with the rows they held. */
  importsForgotten: number;
}

export const RETENTION_INTERVAL_MS = 60 * 60_000;

export async function runRetention(
  deps: Pick<Deps, 'database' | 'clock' | 'logger' | 'config'>,
): Promise<RetentionReport> {
  const db = deps.database.db;
  const report: RetentionReport = {
    contentsCleared: await clearFinishedContent(db),
    eventsPruned: await pruneFinished(db, deps.config.webhook.dedupeDays),
    linkStatesForgotten: await withActor(db, { userId: null }, ({ tx }) =>
      forgetOldStatesOfEveryone(tx, deps.clock()),
    ),
    importsForgotten: await withActor(db, { userId: null }, ({ tx }) => forgetOldImports(tx)),
  };
  if (Object.values(report).some((n) => n > 0)) {
    deps.logger.child({ component: 'retention' }).info(report, 'old personal data forgotten');
  }
  return report;
}

/** Runs retention now and then every hour in the background; returns a stop function. */
export function startRetention(deps: Deps, intervalMs = RETENTION_INTERVAL_MS): () => void {
  const tick = () => deps.runInBackground(() => runRetention(deps));
  tick();
  const timer = setInterval(tick, intervalMs);
  timer.unref();
  return () => clearInterval(timer);
}

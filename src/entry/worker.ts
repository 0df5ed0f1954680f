import { createApp } from '../app';
import { runPushTick } from '../billing/scheduler';
import { createBot } from '../bot/bot';
import { parseConfig } from '../config';
import { createPostgres } from '../db/postgres';
import { assembleDeps } from '../deps';
import { createLogger } from '../logger';
import { runRetention } from '../retention';

// The Cloudflare Workers entry (wrangler.toml "main"). The same app as the Node server, on
// PostgreSQL through Hyperdrive. Differences, by necessity:
// - no chart images: native canvas cannot run on Workers, so `chart` answers that it cannot
//   draw here (run the Node server for charts);
// - migrations are applied beforehand with `npm run db:migrate`, not at boot;
// - background work is handed to ctx.waitUntil, and a cron trigger resumes unfinished events.

interface Env {
  HYPERDRIVE?: { connectionString: string };
  [variable: string]: unknown;
}

interface ExecutionContext {
  waitUntil(promise: Promise<unknown>): void;
}

/** Longest a request's background work may run (Workers allow 30 s after the response). */
const BACKGROUND_GRACE_MS = 25_000;

async function open(env: Env, ctx: ExecutionContext) {
  const record: Record<string, string | undefined> = {};
  for (const [key, value] of Object.entries(env))
    if (typeof value === 'string') record[key] = value;
  if (env.HYPERDRIVE) record.DATABASE_URL = env.HYPERDRIVE.connectionString;
  const config = parseConfig(record);
  if (!config.databaseUrl)
    throw new Error('a HYPERDRIVE binding or DATABASE_URL is required on Workers');

  const logger = createLogger(config.logLevel, {
    write: (line: string) => console.log(line.trimEnd()),
  });
  // Hyperdrive pools connections itself; a few per request is plenty.
  const database = await createPostgres(config.databaseUrl, 5);
  // No chart renderer: native canvas cannot run on Workers.
  const { deps, drain } = assembleDeps({ config, database, charts: null, logger });
  const bot = createBot(deps);
  // The response goes out at once; the events it recorded are processed after it, then the
  // connections close.
  const finish = () => ctx.waitUntil(drain(BACKGROUND_GRACE_MS).finally(() => database.close()));
  return { app: createApp(deps, bot), bot, deps, finish, logger };
}

export default {
  async fetch(request: Request, env: Env, ctx: ExecutionContext): Promise<Response> {
    const runtime = await open(env, ctx);
    try {
      return await runtime.app.fetch(request);
    } finally {
      runtime.finish();
    }
  },

  /**
   * Cron trigger: events recorded by an invocation that did not finish them, then reminders and
   * alerts that are due (claimed in the database, so a Node server may run beside it), then
   * retention: old message texts, events and link states are forgotten here too.
   */
  async scheduled(
    controller: { scheduledTime?: number },
    env: Env,
    ctx: ExecutionContext,
  ): Promise<void> {
    const runtime = await open(env, ctx);
    try {
      await runtime.bot.processor.recover();
      await runPushTick(runtime.deps);
      // The trigger fires every minute; retention is enough once an hour.
      const minute = new Date(controller.scheduledTime ?? Date.now()).getUTCMinutes();
      if (minute === 0) await runRetention(runtime.deps);
    } finally {
      runtime.finish();
    }
  },
};

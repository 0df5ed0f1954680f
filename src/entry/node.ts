import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import { createApp } from '../app';
import { startPushScheduler } from '../billing/scheduler';
import { createBot } from '../bot/bot';
import { ConfigError, parseConfig } from '../config';
import { startEmbeddedMaintenance } from '../db/maintenance';
import { createDatabase } from '../db/open';
import { createLogger } from '../logger';
import { startRetention } from '../retention';
import { createNodeDeps } from '../runtime';

// The production server: parse the configuration, migrate, serve, and drain on SIGTERM.

const SHUTDOWN_GRACE_MS = 10_000;

async function main(): Promise<void> {
  let config: ReturnType<typeof parseConfig>;
  try {
    config = parseConfig(process.env);
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`${error.message}\n`);
      process.exit(2);
    }
    throw error;
  }

  const logger = createLogger(config.logLevel);
  const database = await createDatabase(config);
  const applied = await database.migrate();
  logger.info(
    { database: database.kind, migrationsApplied: applied },
    applied > 0 ? 'database migrated' : 'database schema is up to date',
  );

  const { deps, drain } = await createNodeDeps(config, { logger, database, server: true });
  const bot = createBot(deps);
  const app = createApp(deps, bot);
  // Events recorded by a previous process that died before processing them.
  await bot.processor.recover();
  const stopSweeper = bot.processor.startSweeper();
  // Reminders and alerts; other instances may run it too (each push is claimed in the database).
  const stopPushes = startPushScheduler(deps);
  // Message texts, old events and expired link states are forgotten hourly.
  const stopRetention = startRetention(deps);
  const stopMaintenance = startEmbeddedMaintenance(deps);

  const server = serve({ fetch: app.fetch, port: config.port }, (info: AddressInfo) => {
    logger.info({ port: info.port, publicBaseUrl: config.publicBaseUrl }, 'listening');
  });

  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'shutting down: no new requests, draining work in progress');
    // Stop accepting connections; requests already in flight still get their answer.
    const closed = new Promise<void>((resolve) => server.close(() => resolve()));
    stopSweeper();
    stopPushes();
    stopRetention();
    stopMaintenance();
    // No new events are started (a backlog would outlast any grace period); the ones under way
    // finish, and the ones claimed and not started are given back to any instance at once.
    const processingStopped = bot.processor.stop();
    const left = await drain(SHUTDOWN_GRACE_MS);
    if (left > 0) logger.warn({ left }, 'background work still running at shutdown');
    await Promise.race([
      Promise.all([processingStopped, closed]),
      new Promise((resolve) => setTimeout(resolve, 2_000)),
    ]);
    deps.charts?.close();
    await database.close();
    logger.info('stopped');
    process.exit(0);
  };
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
  process.on('SIGINT', () => void shutdown('SIGINT'));
}

main().catch((error) => {
  process.stderr.write(
    `home-log failed to start: ${error instanceof Error ? error.message : String(error)}\n`,
  );
  process.exit(1);
});

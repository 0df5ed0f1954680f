// The full Home Log bot as a server under test, in a process of its own (bench/run.ts reads its
// RSS from /proc). Wired like src/entry/node.ts: configuration from the environment, migrations,
// the real deps and app, recovery and the sweeper. Differences: it listens on a free port and
// prints {"port", "controlPort", "pid", "database"} as one JSON line on stdout; logs go to
// stderr; a second, separate HTTP port answers the bench's questions (is the background work
// done, how many events are in which state; pause processing) without touching the app under
// test; and it exits when its stdin closes, so it never outlives the bench.
//
//   node dist/bench/bot-server.js   (after `npm run build`; environment as for `npm start`)
//   node --import tsx bench/bot-server.ts

import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import { sql } from 'drizzle-orm';
import pino from 'pino';
import { createApp } from '../src/app';
import { createBot } from '../src/bot/bot';
import { parseConfig } from '../src/config';
import { rows } from '../src/db/client';
import { maintainEmbedded, startEmbeddedMaintenance } from '../src/db/maintenance';
import { createDatabase } from '../src/db/open';
import { createLogger } from '../src/logger';
import { createNodeDeps } from '../src/runtime';

const config = parseConfig(process.env);
const logger = createLogger(config.logLevel, pino.destination({ fd: 2, sync: false }));
const database = await createDatabase(config);
await database.migrate();
const { deps, drain } = await createNodeDeps(config, { logger, database, server: true });
const bot = createBot(deps);
// The bench can pause processing to measure the acknowledgement path alone (a diagnostic): the
// webhook still records every event, it just does not start work on it.
let processing = true;
const app = createApp(deps, {
  ...bot,
  processor: {
    ...bot.processor,
    kick: (chatId) => {
      if (processing) bot.processor.kick(chatId);
    },
  },
});
await bot.processor.recover();
let stopSweeper = bot.processor.startSweeper();
// As `npm start` does: on PGlite, what autovacuum would do, checked once a minute.
startEmbeddedMaintenance(deps);

const server = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' });
await new Promise<void>((resolve) => server.once('listening', () => resolve()));

/**
 * Webhook events by processing status (as the database owner: no row-level security).
 * `unfinished`: pending and processing only, read through their partial index. Counting every
 * status reads the whole inbox, tens of thousands of rows by the end of a run (on PGlite in the
 * bot's own thread): the bench asks for all of them only once a section is over.
 */
async function eventCounts(unfinished = false): Promise<Record<string, number>> {
  const found = await rows<{ status: string; n: number }>(
    database.db,
    unfinished
      ? sql`select status, count(*)::int as n from webhook_events
            where status in ('pending', 'processing') group by status`
      : sql`select status, count(*)::int as n from webhook_events group by status`,
  );
  return Object.fromEntries(found.map((row) => [row.status, Number(row.n)]));
}

const control = createServer((req, res) => {
  const url = new URL(req.url ?? '/', 'http://control');
  const answer = async (): Promise<unknown> => {
    switch (url.pathname) {
      case '/idle': {
        // Waits until every background task (event processing) has settled, or the timeout;
        // `settledAt` (epoch ms) is when, before the events are counted.
        const left = await drain(Number(url.searchParams.get('timeoutMs') ?? 30_000));
        const settledAt = Date.now();
        return { left, settledAt, events: await eventCounts(url.searchParams.has('unfinished')) };
      }
      case '/events':
        return { events: await eventCounts(url.searchParams.has('unfinished')) };
      case '/memory':
        return process.memoryUsage();
      case '/households': {
        // Other households, each with a meter and a reading, written as the owner in one
        // statement: what row-level security must look past as the bot gains users.
        const n = Number(url.searchParams.get('n') ?? 1000);
        const added = await rows<{ n: number }>(
          database.db,
          sql`with people as (
                insert into users (display_name, timezone)
                select 'Household ' || g, 'Asia/Bangkok' from generate_series(1, ${n}::int) g
                returning id),
              meters as (
                insert into sources (owner_id, name, unit, timezone)
                select id, 'Electricity', 'kWh', 'Asia/Bangkok' from people
                returning id, owner_id),
              first as (
                insert into readings (source_id, number, taken_at, value, entered_by, origin)
                select id, 1, now() - interval '1 day', 1000, owner_id, 'bench:' || id from meters
                returning 1)
              select count(*)::int as n from first`,
        );
        // A database that grew this much has been analysed since: by autovacuum on PostgreSQL,
        // by the once-a-minute check on PGlite (db/maintenance.ts). The bench does not wait
        // for either: it analyses now, on both.
        if (database.kind === 'pglite') await maintainEmbedded(database);
        else await database.db.execute(sql`analyze users, sources, readings`);
        return { households: Number(added[0]?.n ?? 0) };
      }
      case '/hold':
        // Keep recording events but start no work on them (they queue up as pending).
        processing = false;
        stopSweeper();
        stopSweeper = () => {};
        return { left: await drain(Number(url.searchParams.get('timeoutMs') ?? 15_000)) };
      case '/resume': {
        // Process whatever queued up meanwhile, as a restart would.
        processing = true;
        stopSweeper = bot.processor.startSweeper();
        return { chats: await bot.processor.recover() };
      }
      case '/pause': {
        // Stop starting work, give up the queue (chat loops then find nothing), wait for the
        // events in flight.
        processing = false;
        stopSweeper();
        stopSweeper = () => {};
        const discarded = await rows<{ n: number }>(
          database.db,
          sql`with gone as (
                update webhook_events set status = 'failed', processed_at = now(),
                  last_error = 'bench: discarded'
                where status = 'pending' returning 1)
              select count(*)::int as n from gone`,
        );
        const left = await drain(Number(url.searchParams.get('timeoutMs') ?? 15_000));
        return { discarded: Number(discarded[0]?.n ?? 0), left, events: await eventCounts() };
      }
      default:
        return null;
    }
  };
  answer().then(
    (body) => {
      res.writeHead(body === null ? 404 : 200, { 'content-type': 'application/json' });
      res.end(JSON.stringify(body));
    },
    (error: unknown) => {
      res.writeHead(500, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ error: String(error) }));
    },
  );
});
await new Promise<void>((resolve) => control.listen(0, '127.0.0.1', () => resolve()));

let stopping = false;
async function shutdown(): Promise<void> {
  if (stopping) return;
  stopping = true;
  // The bench discards whatever is still queued: the events under way finish, then it goes.
  stopSweeper();
  await Promise.race([bot.processor.stop(), new Promise((resolve) => setTimeout(resolve, 5_000))]);
  server.close();
  control.close();
  deps.charts?.close();
  await database.close().catch(() => undefined);
  process.exit(0);
}
process.on('SIGTERM', () => void shutdown());
process.on('SIGINT', () => void shutdown());
process.stdin.on('end', () => void shutdown());
process.stdin.on('error', () => void shutdown());
process.stdin.resume();

process.stdout.write(
  `${JSON.stringify({
    port: (server.address() as AddressInfo).port,
    controlPort: (control.address() as AddressInfo).port,
    pid: process.pid,
    database: database.kind,
  })}\n`,
);

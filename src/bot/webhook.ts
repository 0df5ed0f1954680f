import { createHash } from 'node:crypto';
import { validateSignature, type webhook } from '@line/bot-sdk';
import { type Context, Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import type { Database } from '../db/client';
import type { Deps } from '../deps';
import { type InboxRow, inboxRows, insertInboxRows } from '../store/webhook-events';
import { storableEvent } from './clean-event';
import type { Processor } from './processor';

/** LINE's own API refuses bodies over 2 MB; a webhook is normally a few kilobytes. */
export const WEBHOOK_BODY_LIMIT = 1024 * 1024;

/**
 * POST /webhook: check the signature over the raw bytes, record every event (deduplicated by
 * webhookEventId) and answer 200 at once; the events are processed in the background.
 */
export function webhookRoutes(deps: Deps, processor: Processor): Hono {
  const routes = new Hono();
  const log = deps.logger.child({ component: 'webhook' });
  const inbox = createInbox(deps.database);

  const maxAgeMs = deps.config.webhook.maxEventAgeHours * 3_600_000;
  // The rest of the body is never read, so the connection cannot be reused afterwards.
  const tooLarge = (c: Context) =>
    c.json({ error: 'payload too large' }, 413, { connection: 'close' });
  const limitWhileReading = bodyLimit({ maxSize: WEBHOOK_BODY_LIMIT, onError: tooLarge });

  routes.post(
    '/',
    // Without a signature nothing can be accepted: answer before reading a byte of the body.
    async (c, next) => {
      if (!c.req.header('x-line-signature')) {
        log.warn({ hasSignature: false }, 'webhook signature rejected');
        return c.json({ error: 'bad signature' }, 401, { connection: 'close' });
      }
      await next();
    },
    // A body with a length is judged by its header (Node's parser reads exactly that many
    // bytes); only a chunked one goes through hono's bodyLimit, which counts as it reads. Asking
    // hono's node adapter for `req.raw.body`, as bodyLimit does first, builds a WHATWG Request
    // and stream around the Node request: 8 % of the bot's busy time on the ack path.
    async (c, next) => {
      const length = c.req.header('content-length');
      if (length === undefined || c.req.header('transfer-encoding') !== undefined) {
        return limitWhileReading(c, next);
      }
      if (Number(length) > WEBHOOK_BODY_LIMIT) return tooLarge(c);
      await next();
    },
    async (c) => {
      // Counted while it waits for its 200: processing yields when these queue up.
      const answered = processor.acknowledging();
      try {
        return await acknowledge(c);
      } finally {
        answered();
      }
    },
  );

  async function acknowledge(c: Context) {
    const signature = c.req.header('x-line-signature');
    const raw = Buffer.from(await c.req.arrayBuffer());
    // validateSignature compares HMAC-SHA256 digests in constant time.
    if (!signature || !validateSignature(raw, deps.config.line.channelSecret, signature)) {
      log.warn(
        { bytes: raw.length, hasSignature: Boolean(signature) },
        'webhook signature rejected',
      );
      return c.json({ error: 'bad signature' }, 401);
    }

    let body: webhook.CallbackRequest;
    try {
      body = JSON.parse(raw.toString('utf8'));
    } catch {
      return c.json({ error: 'malformed JSON' }, 400);
    }
    // Unknown fields and event types are fine (LINE adds them without notice); only the
    // envelope must be right.
    if (!body || typeof body !== 'object' || !Array.isArray(body.events)) {
      return c.json({ error: 'expected {"events": [...]}' }, 400);
    }
    const events = body.events
      .filter((event): event is webhook.Event => typeof event === 'object' && event !== null)
      .map(storableEvent);
    // LINE stamps events with its own wall clock, so the age is measured against ours, not the
    // app's clock (which tests may move to another day).
    const now = Date.now();
    const timely = events.filter(
      (event) => typeof event.timestamp !== 'number' || now - event.timestamp <= maxAgeMs,
    );
    if (timely.length < events.length) {
      // Older than any redelivery: a replayed capture, which the inbox may have forgotten.
      log.warn({ refused: events.length - timely.length }, 'webhook events too old to accept');
    }

    const rows = inboxRows(timely, (raw) => createHash('sha256').update(raw).digest('hex'));
    const fresh = await inbox.record(rows);
    const chats = new Set(rows.filter((r) => fresh.has(r.webhookEventId)).map((r) => r.chatId));
    for (const chatId of chats) processor.kick(chatId);
    return c.json({}, 200);
  }
  return routes;
}

/** Most rows in one insert: a statement stays small however hard LINE pushes. */
const MAX_BATCH_ROWS = 500;

/**
 * Group commit for the inbox: requests that arrive while an insert is running are written
 * together by the next insert, one statement for all of them. Each request still gets its 200
 * only after its own events are durably recorded. The first request of a quiet moment is written
 * at once, alone, so batching adds no wait when there is no load.
 */
export function createInbox(database: Database): {
  record(rows: InboxRow[]): Promise<Set<string>>;
} {
  // PGlite runs one statement at a time; PostgreSQL has a few inbox connections.
  const maxInserts = database.kind === 'pglite' ? 1 : 3;
  const waiting: { rows: InboxRow[]; done: (fresh: Set<string> | Error) => void }[] = [];
  let inserting = 0;

  const insertNext = async () => {
    inserting++;
    try {
      while (waiting.length > 0) {
        const batch: typeof waiting = [];
        let size = 0;
        while (waiting.length > 0 && (batch.length === 0 || size < MAX_BATCH_ROWS)) {
          const next = waiting.shift()!;
          batch.push(next);
          size += next.rows.length;
        }
        try {
          const fresh = new Set(
            await insertInboxRows(
              database,
              batch.flatMap((request) => request.rows),
            ),
          );
          for (const request of batch) request.done(fresh);
        } catch (error) {
          const failure = error instanceof Error ? error : new Error(String(error));
          for (const request of batch) request.done(failure);
        }
      }
    } finally {
      inserting--;
    }
  };

  return {
    record(rows) {
      if (rows.length === 0) return Promise.resolve(new Set());
      return new Promise((resolve, reject) => {
        waiting.push({
          rows,
          done: (result) => (result instanceof Error ? reject(result) : resolve(result)),
        });
        if (inserting < maxInserts) void insertNext();
      });
    },
  };
}

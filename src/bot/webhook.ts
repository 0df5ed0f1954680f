import { createHash } from 'node:crypto';
import { validateSignature, type webhook } from '@line/bot-sdk';
import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import type { Deps } from '../deps';
import { recordEvents } from '../store/webhook-events';
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

  routes.post(
    '/',
    bodyLimit({
      maxSize: WEBHOOK_BODY_LIMIT,
      // The rest of the body is never read, so the connection cannot be reused afterwards.
      onError: (c) => c.json({ error: 'payload too large' }, 413, { connection: 'close' }),
    }),
    async (c) => {
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

      const chats = await recordEvents(deps.database, events, (raw) =>
        createHash('sha256').update(raw).digest('hex'),
      );
      for (const chatId of chats) processor.kick(chatId);
      return c.json({}, 200);
    },
  );
  return routes;
}

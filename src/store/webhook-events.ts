import type { webhook } from '@line/bot-sdk';
import { eq, sql } from 'drizzle-orm';
import { withActor } from '../db/actor';
import { type Database, type Db, rows, type Tx } from '../db/client';
import { webhookEvents } from '../db/schema';
import { describeSafely } from '../safe-error';

/** An event whose processing has been claimed by this process. */
export interface ClaimedEvent {
  webhookEventId: string;
  chatId: string;
  receivedAt: Date;
  attempts: number;
  event: webhook.Event;
}

/** How long a claimed event may stay "processing" before another worker takes it over. */
export const CLAIM_TIMEOUT_SECONDS = 30;
/** A claimed event that keeps failing (a crash each time) is given up after this many tries. */
export const MAX_ATTEMPTS = 3;

/** The chat an event belongs to: events of one chat are processed in order. */
export function chatIdOf(event: webhook.Event): string {
  const source = event.source as
    | { type?: string; userId?: string; groupId?: string; roomId?: string }
    | undefined;
  return source?.groupId ?? source?.roomId ?? source?.userId ?? 'no-chat';
}

/** Some platforms' events lack an id; derive a stable one so that duplicates still collapse. */
function eventIdOf(event: webhook.Event, raw: string): string {
  return typeof event.webhookEventId === 'string' && event.webhookEventId !== ''
    ? event.webhookEventId
    : `sha256:${raw}`;
}

/**
 * Records events before LINE gets its 200; a webhook event id seen before is ignored, so a
 * redelivered or duplicated event is never processed twice. Returns the chats with new events.
 */
export async function recordEvents(
  database: Database,
  events: webhook.Event[],
  hash: (raw: string) => string,
): Promise<string[]> {
  if (events.length === 0) return [];
  const values = events.map((event) => ({
    webhookEventId: eventIdOf(event, hash(JSON.stringify(event))),
    occurredAt: new Date(typeof event.timestamp === 'number' ? event.timestamp : Date.now()),
    chatId: chatIdOf(event),
    type: String(event.type ?? 'unknown').slice(0, 64),
    payload: event,
  }));
  const insert = (executor: Db | Tx) =>
    executor
      .insert(webhookEvents)
      .values(values)
      .onConflictDoNothing()
      .returning({ chatId: webhookEvents.chatId });
  // One statement on a connection that already runs as the application role; else the usual
  // transaction with the role switched.
  const inserted = database.inbox
    ? await insert(database.inbox)
    : await withActor(database.db, { userId: null }, ({ tx }) => insert(tx));
  return [...new Set(inserted.map((row) => row.chatId))];
}

/**
 * Claims the oldest unfinished event of a chat, unless another worker is processing one of
 * that chat's events right now (per-chat order holds across instances). A per-chat advisory
 * lock makes the check and the claim one step.
 */
export async function claimNext(db: Db, chatId: string): Promise<ClaimedEvent | null> {
  return withActor(db, { userId: null }, async ({ tx }) => {
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`webhook-chat:${chatId}`}))`);
    const [claimed] = await rows<{
      webhook_event_id: string;
      chat_id: string;
      received_at: Date | string;
      attempts: number;
      payload: webhook.Event | string;
    }>(
      tx,
      sql`with busy as (
            select 1 from webhook_events
            where chat_id = ${chatId} and status = 'processing'
              and claimed_at > now() - make_interval(secs => ${CLAIM_TIMEOUT_SECONDS})
            limit 1
          ), next as (
            select webhook_event_id from webhook_events
            where chat_id = ${chatId}
              and (status = 'pending'
                or (status = 'processing' and attempts < ${MAX_ATTEMPTS}
                  and claimed_at <= now() - make_interval(secs => ${CLAIM_TIMEOUT_SECONDS})))
              and not exists (select 1 from busy)
            order by occurred_at, webhook_event_id
            limit 1
            for update skip locked
          )
          update webhook_events e
          set status = 'processing', claimed_at = now(), attempts = e.attempts + 1
          from next where e.webhook_event_id = next.webhook_event_id
          returning e.webhook_event_id, e.chat_id, e.received_at, e.attempts, e.payload`,
    );
    if (!claimed) return null;
    return {
      webhookEventId: claimed.webhook_event_id,
      chatId: claimed.chat_id,
      receivedAt: new Date(claimed.received_at),
      attempts: Number(claimed.attempts),
      event:
        typeof claimed.payload === 'string'
          ? (JSON.parse(claimed.payload) as webhook.Event)
          : claimed.payload,
    };
  });
}

/**
 * What a finished event keeps: its id (for deduplication) and its kind, none of what was said
 * or who said it (text, reply token, source, postback data are dropped).
 */
const WITHOUT_CONTENT = sql`jsonb_strip_nulls(jsonb_build_object(
  'type', payload->'type', 'mode', payload->'mode', 'timestamp', payload->'timestamp',
  'webhookEventId', payload->'webhookEventId',
  'message', case when jsonb_typeof(payload->'message') = 'object'
    then jsonb_build_object('type', payload->'message'->'type') end))`;

/** Finished: its content is cleared; a failure is stored by kind only (describeSafely). */
export async function finishEvent(
  db: Db,
  webhookEventId: string,
  outcome: { status: 'done' } | { status: 'failed'; error: unknown },
): Promise<void> {
  await withActor(db, { userId: null }, ({ tx }) =>
    tx
      .update(webhookEvents)
      .set({
        status: outcome.status,
        processedAt: sql`now()`,
        lastError:
          outcome.status === 'failed' ? describeSafely(outcome.error).slice(0, 2000) : null,
        payload: WITHOUT_CONTENT,
      })
      .where(eq(webhookEvents.webhookEventId, webhookEventId)),
  );
}

/** Chats with events still waiting (after a restart, or left behind by another instance). */
export async function chatsWithUnfinishedEvents(db: Db): Promise<string[]> {
  const found = await withActor(db, { userId: null }, ({ tx }) =>
    rows<{ chat_id: string }>(
      tx,
      sql`select distinct chat_id from webhook_events where status in ('pending', 'processing')`,
    ),
  );
  return found.map((row) => row.chat_id);
}

/** Gives up on events that crashed their worker too often, so a chat is never stuck. */
export async function abandonExhausted(db: Db): Promise<number> {
  const abandoned = await withActor(db, { userId: null }, ({ tx }) =>
    rows<{ id: string }>(
      tx,
      sql`update webhook_events set status = 'failed', processed_at = now(),
            payload = ${WITHOUT_CONTENT},
            last_error = coalesce(last_error, 'gave up after repeated attempts')
          where status = 'processing' and attempts >= ${MAX_ATTEMPTS}
            and claimed_at <= now() - make_interval(secs => ${CLAIM_TIMEOUT_SECONDS})
          returning webhook_event_id as id`,
    ),
  );
  return abandoned.length;
}

/**
 * Clears the content of finished events that still hold it (finished before contents were
 * cleared on finishing); returns how many.
 */
export async function clearFinishedContent(db: Db): Promise<number> {
  const cleared = await withActor(db, { userId: null }, ({ tx }) =>
    rows<{ id: string }>(
      tx,
      sql`update webhook_events set payload = ${WITHOUT_CONTENT}
          where status in ('done', 'failed') and payload is distinct from ${WITHOUT_CONTENT}
          returning webhook_event_id as id`,
    ),
  );
  return cleared.length;
}

/** How long finished events are kept: long past any redelivery, short enough to stay small. */
export const KEEP_FINISHED_DAYS = 30;

/** Forgets finished events older than KEEP_FINISHED_DAYS; returns how many. */
export async function pruneFinished(db: Db, days = KEEP_FINISHED_DAYS): Promise<number> {
  const pruned = await withActor(db, { userId: null }, ({ tx }) =>
    rows<{ id: string }>(
      tx,
      sql`delete from webhook_events
          where status in ('done', 'failed') and received_at < now() - make_interval(days => ${days})
          returning webhook_event_id as id`,
    ),
  );
  return pruned.length;
}

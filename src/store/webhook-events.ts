import type { webhook } from '@line/bot-sdk';
import { and, eq, isNull, type Placeholder, type SQL, sql } from 'drizzle-orm';
import { asApp, withActor } from '../db/actor';
import { type Database, type Db, rows, type Tx } from '../db/client';
import { fixedStatement } from '../db/fixed-statement';
import { webhookEvents } from '../db/schema';
import { chatLineId, eventSource, senderOf } from '../line/events';
import { describeSafely } from '../safe-error';
import { type FoundSender, senderLookup } from './users';

/** An event whose processing has been claimed by this process. */
export interface ClaimedEvent {
  webhookEventId: string;
  chatId: string;
  receivedAt: Date;
  attempts: number;
  event: webhook.Event;
  /** Set when an earlier attempt committed the handler's writes: this is a replay. */
  appliedAt?: Date | null;
  /** The answer recorded by an earlier attempt, re-sent instead of re-running the handler. */
  reply?: RecordedReply | null;
  /** More events of the chat were waiting when this one was claimed. */
  more?: boolean;
  /**
   * Events of the same sender earlier in the same clock minute (by LINE's timestamp), counted
   * up to the cap the claim was given (drizzle/0017): what the per-person limit in chat compares.
   */
  senderEarlier: number;
  /**
   * The sender, looked up by the claim itself when the claim was given the quota month (one
   * statement fewer per event): null when LINE named nobody Home Log knows. Absent: not asked.
   */
  sender?: { month: string; found: FoundSender | null };
}

/** The answer an event got: where a push would go, and the messages. */
export interface RecordedReply {
  to: string | null;
  messages: unknown[];
}

/**
 * A claim belongs to a live worker: the worker renews claimed_at every LEASE_RENEW_MS while it
 * works, and a claim not renewed for LEASE_SECONDS is taken over (its worker died).
 */
export const LEASE_SECONDS = 4;
export const LEASE_RENEW_MS = 1_000;
/** A claimed event that keeps failing (a crash each time) is given up after this many tries. */
export const MAX_ATTEMPTS = 3;

/** The chat an event belongs to: events of one chat are processed in order. */
export function chatIdOf(event: webhook.Event): string {
  const source = eventSource(event);
  return source ? chatLineId(source) : 'no-chat';
}

/** Some platforms' events lack an id; derive a stable one so that duplicates still collapse. */
function eventIdOf(event: webhook.Event, raw: string): string {
  return typeof event.webhookEventId === 'string' && event.webhookEventId !== ''
    ? event.webhookEventId
    : `sha256:${raw}`;
}

/** One row of the inbox, as recordEvents writes it. */
export type InboxRow = typeof webhookEvents.$inferInsert;

/** The inbox rows for events of one webhook request (ids derived where LINE gave none). */
export function inboxRows(events: webhook.Event[], hash: (raw: string) => string): InboxRow[] {
  return events.map((event) => ({
    webhookEventId: eventIdOf(event, hash(JSON.stringify(event))),
    occurredAt: new Date(typeof event.timestamp === 'number' ? event.timestamp : Date.now()),
    chatId: chatIdOf(event),
    type: String(event.type ?? 'unknown').slice(0, 64),
    payload: event,
    senderId: senderOf(event),
  }));
}

/**
 * Inserts inbox rows in one statement; an id seen before is ignored, so a redelivered or
 * duplicated event is never processed twice. Returns the ids that were new.
 */
export async function insertInboxRows(database: Database, values: InboxRow[]): Promise<string[]> {
  if (values.length === 0) return [];
  // The same id twice in one statement would make ON CONFLICT fail: keep the first.
  const seen = new Set<string>();
  const unique = values.filter(
    (row) => !seen.has(row.webhookEventId) && seen.add(row.webhookEventId),
  );
  // The rows go as one JSON parameter: the statement's text is the same for any number of
  // rows, so it is prepared once, and nothing is built per value (Drizzle's multi-row insert
  // was 15 % of the bot's busy time on the ack path).
  const batch = JSON.stringify(
    unique.map((row) => ({
      id: row.webhookEventId,
      at: row.occurredAt.toISOString(),
      chat: row.chatId,
      type: row.type,
      payload: row.payload,
      sender: row.senderId ?? null,
    })),
  );
  const inserted = await asApp(database, (executor) =>
    rows<{ id: string }>(
      executor,
      sql`insert into webhook_events (webhook_event_id, occurred_at, chat_id, type, payload, sender_id)
        select e->>'id', (e->>'at')::timestamptz, e->>'chat', e->>'type', e->'payload', e->>'sender'
        from jsonb_array_elements(${batch}::text::jsonb) as e
        on conflict do nothing
        returning webhook_event_id as id`,
    ),
  );
  return inserted.map((row) => row.id);
}

/**
 * Claims the oldest unfinished event of a chat for `workerId`, unless a live worker (one whose
 * lease is fresh) is processing one of that chat's events (per-chat order holds across
 * instances). A per-chat advisory lock makes the check and the claim one step. A claim whose
 * worker stopped renewing it is taken over.
 */
export async function claimNext(
  database: Database,
  chatId: string,
  workerId: string,
  /** Count the sender's earlier events of the minute up to this many. */
  senderCap: number,
  /** Look the sender up too, with the quota note of this month (see ClaimedEvent.sender). */
  quotaMonth?: string,
): Promise<ClaimedEvent | null> {
  // One statement: the function (drizzle/0017, 0018) takes the per-chat lock, claims, counts
  // what the sender sent earlier in the minute, and commits without waiting for the disk.
  const values = {
    chatId,
    workerId,
    lease: LEASE_SECONDS,
    attempts: MAX_ATTEMPTS,
    senderCap,
    month: quotaMonth ?? null,
  };
  return runClaim(database, claimStatements, values, quotaMonth);
}

/**
 * `select *` from a claiming function; with a quota month, the claimed event's sender beside it
 * (the lookup identify would make next, in the same statement). Built once (fixedStatement):
 * they run for every event. Exported for the test of its plan.
 */
export function withSender(claim: SQL, quotaMonth: SQL | undefined): SQL {
  if (quotaMonth === undefined) return sql`select * from ${claim}`;
  return sql`select claimed.*, ${senderLookup.columns({
    month: quotaMonth,
    eventId: sql.raw('claimed.webhook_event_id'),
  })}
    from ${claim} as claimed
    ${senderLookup.joins(sql.raw("claimed.payload->'source'->>'userId'"))}`;
}

type Statement<Name extends string> = ReturnType<typeof fixedStatement<Name>>;

/**
 * Runs a claiming statement: with its sender when a quota month is given, else without. If the
 * sender's part fails (the people tables unreadable for a moment), the claim is made without
 * it: a statement that failed changed nothing, and identify then looks the sender up inside the
 * handler, where a failure fails that one event (and apologises) instead of stalling the chat.
 */
async function runClaim<Name extends string>(
  database: Database,
  statements: { alone: Statement<Name>; withSender: Statement<Name> },
  values: Record<Name, unknown>,
  quotaMonth: string | undefined,
): Promise<ClaimedEvent | null> {
  const run = (statement: Statement<Name>, lookedFor: string | undefined) =>
    asApp(database, async (executor) => {
      const [claimed] = await statement<ClaimRow>(executor, values);
      return claimed ? claimedEvent(claimed, lookedFor) : null;
    });
  if (quotaMonth === undefined) return run(statements.alone, undefined);
  try {
    return await run(statements.withSender, quotaMonth);
  } catch {
    return run(statements.alone, undefined);
  }
}

type ClaimValues = 'chatId' | 'workerId' | 'lease' | 'attempts' | 'senderCap' | 'month';
const claimCall = (p: Record<ClaimValues, Placeholder>) =>
  sql`claim_next_event(${p.chatId}, ${p.workerId}, ${p.lease}, ${p.attempts}, ${p.senderCap})`;
const claimStatements = {
  alone: fixedStatement<ClaimValues>((p) => withSender(claimCall(p), undefined)),
  withSender: fixedStatement<ClaimValues>((p) => withSender(claimCall(p), sql`${p.month}`)),
};

type FinishValues = ClaimValues | 'eventId' | 'status' | 'failure';
const finishCall = (p: Record<FinishValues, Placeholder>) =>
  sql`finish_and_claim_next(${p.eventId}, ${p.workerId}, ${p.status}, ${p.failure}, ${p.chatId},
    ${p.lease}, ${p.attempts}, ${p.senderCap})`;
const finishStatements = {
  alone: fixedStatement<FinishValues>((p) => withSender(finishCall(p), undefined)),
  withSender: fixedStatement<FinishValues>((p) => withSender(finishCall(p), sql`${p.month}`)),
};

/** What finishing an event records: done, or failed with the error (stored by kind only). */
export type Outcome = { status: 'done' } | { status: 'failed'; error: unknown };

/**
 * finishEvent, then claimNext for the same chat, in one statement (drizzle/0020): the next event
 * of the chat is claimed as the last one is finished, one round trip instead of two.
 */
export async function finishAndClaimNext(
  database: Database,
  finished: { webhookEventId: string; chatId: string },
  workerId: string,
  outcome: Outcome,
  senderCap: number,
  /** As for claimNext. */
  quotaMonth?: string,
): Promise<ClaimedEvent | null> {
  const values = {
    eventId: finished.webhookEventId,
    workerId,
    status: outcome.status,
    failure: failureOf(outcome),
    chatId: finished.chatId,
    lease: LEASE_SECONDS,
    attempts: MAX_ATTEMPTS,
    senderCap,
    month: quotaMonth ?? null,
  };
  return runClaim(database, finishStatements, values, quotaMonth);
}

/** A row of claim_next_event / finish_and_claim_next, as either driver returns it. */
interface ClaimRow extends Record<string, unknown> {
  webhook_event_id: string;
  chat_id: string;
  received_at: Date | string;
  attempts: number;
  payload: webhook.Event | string;
  applied_at: Date | string | null;
  reply: RecordedReply | string | null;
  more: boolean;
  sender_earlier: number | string;
}

function claimedEvent(claimed: ClaimRow, quotaMonth?: string): ClaimedEvent {
  const json = <T>(value: T | string): T =>
    typeof value === 'string' ? (JSON.parse(value) as T) : value;
  return {
    webhookEventId: claimed.webhook_event_id,
    chatId: claimed.chat_id,
    receivedAt: new Date(claimed.received_at),
    attempts: Number(claimed.attempts),
    event: json(claimed.payload),
    appliedAt: claimed.applied_at === null ? null : new Date(claimed.applied_at),
    reply: claimed.reply === null ? null : json(claimed.reply),
    more: claimed.more === true || String(claimed.more) === 'true',
    senderEarlier: Number(claimed.sender_earlier),
    ...(quotaMonth === undefined
      ? {}
      : { sender: { month: quotaMonth, found: senderLookup.read(claimed) } }),
  };
}

const failureOf = (outcome: Outcome): string | null =>
  outcome.status === 'failed' ? describeSafely(outcome.error).slice(0, 2000) : null;

/**
 * Renews the leases of every event `workerId` is processing (it is alive). Bookkeeping: the
 * commit does not wait for the disk (drizzle/0018).
 */
export async function renewLeases(database: Database, workerId: string): Promise<void> {
  await asApp(database, (executor) =>
    executor.execute(sql`select renew_webhook_leases(${workerId})`),
  );
}

/**
 * Marks the event's handler writes as applied, in the transaction that commits them, with the
 * reply they produced when there is one. False when an earlier attempt already did: the caller
 * must roll back, for those writes are in the database already.
 */
export async function markApplied(
  tx: Tx,
  webhookEventId: string,
  reply: RecordedReply | null,
): Promise<boolean> {
  const marked = await tx
    .update(webhookEvents)
    .set({ appliedAt: sql`now()`, ...(reply ? { reply } : {}) })
    .where(and(eq(webhookEvents.webhookEventId, webhookEventId), isNull(webhookEvents.appliedAt)))
    .returning({ id: webhookEvents.webhookEventId });
  return marked.length > 0;
}

/** The SQLSTATE mark_event_applied raises when an earlier attempt applied the event (0020). */
const APPLIED_BEFORE = 'HL001';

/**
 * markApplied as a statement that fails when an earlier attempt already marked the event: the
 * failure aborts the transaction by itself, so the caller need not wait for the answer before
 * sending the rest of the transaction and its COMMIT (which then rolls back). See
 * isAppliedBefore for telling that failure from others.
 */
export async function markAppliedOrRefuse(
  tx: Tx,
  webhookEventId: string,
  reply: RecordedReply | null,
): Promise<void> {
  await tx.execute(
    sql`select mark_event_applied(${webhookEventId}, ${reply === null ? null : JSON.stringify(reply)}::jsonb)`,
  );
}

/** Whether `error` is markAppliedOrRefuse's refusal (as either driver reports it). */
export function isAppliedBefore(error: unknown): boolean {
  let e = error;
  for (let depth = 0; depth < 4 && e && typeof e === 'object'; depth++) {
    if ((e as { code?: unknown }).code === APPLIED_BEFORE) return true;
    e = (e as { cause?: unknown }).cause;
  }
  return false;
}

/** Records the answer before it is sent (a replay sends this, not a new one). */
export async function recordReply(
  database: Database,
  webhookEventId: string,
  reply: RecordedReply,
): Promise<void> {
  await asApp(database, (executor) =>
    executor
      .update(webhookEvents)
      .set({ reply, appliedAt: sql`coalesce(${webhookEvents.appliedAt}, now())` })
      .where(eq(webhookEvents.webhookEventId, webhookEventId)),
  );
}

/** recordReply inside the caller's transaction (committed with whatever else it wrote). */
export async function recordReplyIn(
  tx: Tx,
  webhookEventId: string,
  reply: RecordedReply,
): Promise<void> {
  await tx
    .update(webhookEvents)
    .set({ reply, appliedAt: sql`coalesce(${webhookEvents.appliedAt}, now())` })
    .where(eq(webhookEvents.webhookEventId, webhookEventId));
}

/** The answer recorded for an event, if any. */
export async function findRecordedReply(
  database: Database,
  webhookEventId: string,
): Promise<RecordedReply | null> {
  const [found] = await asApp(database, (executor) =>
    executor
      .select({ reply: webhookEvents.reply })
      .from(webhookEvents)
      .where(eq(webhookEvents.webhookEventId, webhookEventId)),
  );
  const reply = found?.reply ?? null;
  return typeof reply === 'string'
    ? (JSON.parse(reply) as RecordedReply)
    : (reply as RecordedReply | null);
}

/**
 * What a finished event keeps: its id (for deduplication) and its kind, none of what was said
 * or who said it (text, reply token, source, postback data are dropped). finish_webhook_event
 * (drizzle/0018) keeps the same.
 */
const WITHOUT_CONTENT = sql`jsonb_strip_nulls(jsonb_build_object(
  'type', payload->'type', 'mode', payload->'mode', 'timestamp', payload->'timestamp',
  'webhookEventId', payload->'webhookEventId',
  'message', case when jsonb_typeof(payload->'message') = 'object'
    then jsonb_build_object('type', payload->'message'->'type') end))`;

/**
 * Marks the event finished and clears what was said in it (and the reply recorded for replays);
 * a failure is stored by kind only (describeSafely). Only the worker holding the claim may: a
 * worker that lost its lease (it stalled and another took over) leaves the row to the new owner.
 * One statement whose commit does not wait for the disk (drizzle/0018): a "done" lost in a
 * crash replays the recorded reply, the documented duplicate attempt.
 */
export async function finishEvent(
  database: Database,
  webhookEventId: string,
  workerId: string,
  outcome: Outcome,
): Promise<void> {
  await asApp(database, (executor) =>
    executor.execute(
      sql`select finish_webhook_event(${webhookEventId}, ${workerId}, ${outcome.status}, ${failureOf(outcome)})`,
    ),
  );
}

/**
 * The chats with events still waiting, one index probe per chat (a "loose index scan" of the
 * partial index of unfinished events): the sweeper asks every second, and a plain `distinct`
 * over thousands of waiting events reads the whole inbox.
 */
export const UNFINISHED_CHATS = `with recursive chats(chat_id) as (
    (select chat_id from webhook_events where status in ('pending', 'processing')
     order by chat_id limit 1)
    union all
    select (select w.chat_id from webhook_events w
            where w.status in ('pending', 'processing') and w.chat_id > chats.chat_id
            order by w.chat_id limit 1)
    from chats where chats.chat_id is not null)
  select chat_id from chats where chat_id is not null`;

/** Chats with events still waiting (after a restart, or left behind by another instance). */
export async function chatsWithUnfinishedEvents(database: Database): Promise<string[]> {
  const found = await asApp(database, (executor) =>
    rows<{ chat_id: string }>(executor, sql.raw(UNFINISHED_CHATS)),
  );
  return found.map((row) => row.chat_id);
}

/**
 * At the start of the only process (PGlite: no other process can exist), every claim is a dead
 * one: release them at once instead of waiting for their leases to run out. An event that has
 * used up its attempts (it crashed the process each time) is given up.
 */
export async function releaseAllClaims(database: Database): Promise<number> {
  const released = await asApp(database, (executor) =>
    rows<{ id: string }>(
      executor,
      sql`update webhook_events
          set status = case when attempts >= ${MAX_ATTEMPTS} then 'failed' else 'pending' end,
            processed_at = case when attempts >= ${MAX_ATTEMPTS} then now() end,
            last_error = case when attempts >= ${MAX_ATTEMPTS}
              then coalesce(last_error, 'gave up after repeated attempts') end,
            claimed_by = null
          where status = 'processing'
          returning webhook_event_id as id`,
    ),
  );
  return released.length;
}

/**
 * A worker that stops gives back the events it claimed and never started (each claimed with the
 * finish of the one before it, waiting for its chat's turn): any instance may take them at once,
 * not after the lease. The attempt they were counted is taken back, since none was made.
 */
export async function releaseUnstartedClaims(
  database: Database,
  workerId: string,
  eventIds: string[],
): Promise<number> {
  if (eventIds.length === 0) return 0;
  const released = await asApp(database, (executor) =>
    rows<{ id: string }>(
      executor,
      sql`update webhook_events
          set status = 'pending', claimed_by = null, attempts = greatest(attempts - 1, 0)
          where webhook_event_id in (
              select jsonb_array_elements_text(${JSON.stringify(eventIds)}::text::jsonb))
            and claimed_by = ${workerId} and status = 'processing'
          returning webhook_event_id as id`,
    ),
  );
  return released.length;
}

/**
 * PostgreSQL: events claimed by workers that held a liveness lock and no longer do (they died)
 * wait again at once, without their lease having to run out (drizzle/0028). Returns how many.
 */
export async function releaseDeadWorkersClaims(database: Database): Promise<number> {
  if (database.kind !== 'postgres') return 0;
  const released = await asApp(database, (executor) =>
    rows<{ chat_id: string }>(executor, sql`select release_dead_workers_claims() as chat_id`),
  );
  return released.length;
}

/** Gives up on events that crashed their worker too often, so a chat is never stuck. */
export async function abandonExhausted(database: Database): Promise<number> {
  const abandoned = await asApp(database, (executor) =>
    rows<{ id: string }>(
      executor,
      sql`update webhook_events set status = 'failed', processed_at = now(),
            payload = ${WITHOUT_CONTENT},
            last_error = coalesce(last_error, 'gave up after repeated attempts')
          where status = 'processing' and attempts >= ${MAX_ATTEMPTS}
            and claimed_at <= now() - make_interval(secs => ${LEASE_SECONDS})
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

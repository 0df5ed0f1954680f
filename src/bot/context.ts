import type { webhook } from '@line/bot-sdk';
import { type Actor, type ActorContext, withActor } from '../db/actor';
import type { Deps } from '../deps';
import type { Command } from '../domain/commands';
import type { Language } from '../domain/types';
import type { Message } from '../line/client';
import { isStandby, replyTokenOf } from '../line/events';
import type { Chat } from '../store/meters';
import type { User } from '../store/users';
import {
  isAppliedBefore,
  markAppliedOrRefuse,
  type RecordedReply,
  recordReply,
} from '../store/webhook-events';
import type { PausedNoteOwed } from './identify';
import { type Catalog, catalogs } from './messages';
import { withQuotaNote } from './quota-note';

/** Reply tokens live about a minute; past this age a reply is not attempted. */
export const REPLY_TOKEN_FRESH_MS = 50_000;

/** Everything a feature handler needs about one webhook event. */
export interface BotContext {
  deps: Deps;
  event: webhook.Event;
  eventId: string;
  /** When LINE says the event happened (the time of a reading sent without a time). */
  occurredAt: Date;
  /** When this server recorded it (reply tokens count from here). */
  receivedAt: Date;
  chat: Chat | null;
  lineUserId: string | null;
  /** The Home Log user behind lineUserId (created on first contact), or null. */
  user: User | null;
  language: Language;
  t: Catalog;
  /** The text of a text message, else null. */
  text: string | null;
  command: Command | null;
  postbackData: string | null;
  /** The message @-mentions the bot (groups). */
  mentionsBot: boolean;
  /** Who acts, for row-level security and the audit trail. */
  actor: Actor;
  /**
   * Runs `fn` as this event's actor in one transaction (see withActor). The first one of an
   * event also marks the event applied in that transaction (with the reply, when `fn` returns
   * the messages to send), so that a replay of the event can never apply the writes twice: it
   * throws EventAlreadyApplied and rolls back instead.
   */
  transaction<T>(fn: (context: EventTransaction) => Promise<T>): Promise<T>;
  /** Answers the event once: a reply while the token is fresh, else a push to the chat. */
  reply(...messages: Message[]): Promise<void>;
  readonly replied: boolean;
}

/** A transaction of an event's handler. */
export interface EventTransaction extends ActorContext {
  /**
   * This transaction carries the event's applied mark (it is the attempt's first): nothing can
   * have been written under the event's id yet, for a replay of an applied event never runs a
   * handler, and a concurrent attempt that commits first makes this one roll back.
   */
  marksEvent: boolean;
}

/**
 * The event's writes were committed by an earlier attempt (a replay after a crash, or a worker
 * that lost its lease). The bot answers it with the recorded reply, never by running it again.
 */
export class EventAlreadyApplied extends Error {
  constructor(readonly eventId: string) {
    super(`event ${eventId} was applied before`);
    this.name = 'EventAlreadyApplied';
  }
}

const MAX_MESSAGES = 5;

/** What a transaction returned, if it is the list of messages a handler is about to send. */
function asMessages(value: unknown): Message[] | null {
  const list = Array.isArray(value) ? value : value && typeof value === 'object' ? [value] : [];
  if (list.length === 0) return null;
  const isMessage = (item: unknown) =>
    typeof item === 'object' &&
    item !== null &&
    typeof (item as { type?: unknown }).type === 'string' &&
    MESSAGE_TYPES.has((item as { type: string }).type);
  return list.every(isMessage) ? (list.slice(0, MAX_MESSAGES) as Message[]) : null;
}
const MESSAGE_TYPES = new Set([
  'text',
  'image',
  'video',
  'audio',
  'location',
  'sticker',
  'imagemap',
  'template',
  'flex',
  'textV2',
]);

/**
 * Sends an event's answer: a reply while the token is fresh, else a push to the chat with a
 * retry key from the event id, so that a repeat of this push is dropped by LINE.
 */
export async function deliverReply(
  deps: Deps,
  source: { event: webhook.Event; eventId: string; receivedAt: Date },
  reply: RecordedReply,
): Promise<void> {
  const messages = reply.messages.slice(0, MAX_MESSAGES) as Message[];
  if (messages.length === 0) return;
  const replyToken = replyTokenOf(source.event);
  const age = deps.clock().getTime() - source.receivedAt.getTime();
  if (replyToken && age < REPLY_TOKEN_FRESH_MS) {
    await deps.line.reply(replyToken, messages);
    return;
  }
  // Processed late (after a restart): the token is stale, so push instead.
  if (reply.to && (replyToken || source.event.type === 'message')) {
    await deps.line.push(reply.to, messages, `event:${source.eventId}`);
  }
}

export function createContext(input: {
  deps: Deps;
  event: webhook.Event;
  eventId: string;
  receivedAt: Date;
  chat: Chat | null;
  lineUserId: string | null;
  user: User | null;
  /** Whether the quota note is owed to the user, when their lookup told (else null). */
  pausedNoteOwed?: PausedNoteOwed | null;
  language: Language;
  text: string | null;
  command: Command | null;
  postbackData: string | null;
  mentionsBot: boolean;
}): BotContext {
  const { deps, event, eventId, receivedAt, chat, user } = input;
  const actor: Actor = {
    userId: user?.id ?? null,
    chatId: chat && chat.type !== 'user' ? chat.lineId : null,
    chatKey: chat?.key ?? null,
  };
  let replied = false;
  let applied = false;
  // The reply recorded with the applied mark, so that sending exactly it needs no new record.
  let recorded: string | null = null;
  const standby = isStandby(event);
  const to = chat?.lineId ?? null;

  return {
    ...input,
    occurredAt: new Date(
      typeof event.timestamp === 'number' ? event.timestamp : receivedAt.getTime(),
    ),
    t: catalogs[input.language],
    actor,
    async transaction(fn) {
      // Later transactions of the same attempt: the event is this attempt's already.
      if (applied)
        return withActor(deps.database.db, actor, (context) =>
          fn({ ...context, marksEvent: false }),
        );
      let reply: RecordedReply | null = null;
      let result: Awaited<ReturnType<typeof fn>>;
      try {
        result = await withActor(deps.database.db, actor, async (context) => {
          const value = await fn({ ...context, marksEvent: true });
          const messages = asMessages(value);
          reply = messages ? { to, messages } : null;
          // The mark goes out with the audit entries and the COMMIT. If an earlier attempt
          // marked the event, it is refused, and the transaction rolls back.
          context.alongside(markAppliedOrRefuse(context.tx, eventId, reply));
          return value;
        });
      } catch (error) {
        if (isAppliedBefore(error)) throw new EventAlreadyApplied(eventId);
        throw error;
      }
      applied = true;
      if (reply) recorded = JSON.stringify(reply);
      return result;
    },
    async reply(...messages) {
      // One answer per event: a reply token works once, and a person wants one answer.
      if (replied || messages.length === 0 || standby) return;
      replied = true;
      let answer: RecordedReply = { to, messages: messages.slice(0, MAX_MESSAGES) };
      // A note owed to this person (reminders paused for the month's quota) goes with it,
      // recorded together with its claim.
      const noted = await withQuotaNote(
        deps,
        { eventId, chat, user, language: input.language, actor, owed: input.pausedNoteOwed },
        answer,
      );
      if (noted) answer = noted;
      // Recorded before it is sent: a replay re-sends this answer instead of running again.
      else if (JSON.stringify(answer) !== recorded)
        await recordReply(deps.database, eventId, answer);
      applied = true;
      await deliverReply(deps, { event, eventId, receivedAt }, answer);
    },
    get replied() {
      return replied;
    },
  };
}

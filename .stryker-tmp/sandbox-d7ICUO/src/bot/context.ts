// @ts-nocheck
import type { webhook } from '@line/bot-sdk';
import { type Actor, type ActorContext, withActor } from '../db/actor';
import type { Deps } from '../deps';
import type { Command } from '../domain/commands';
import type { Language } from '../domain/types';
import type { Message } from '../line/client';
import type { Chat } from '../store/meters';
import type { User } from '../store/users';
import { type Catalog, catalogs } from './messages';

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
  /** Runs `fn` as this event's actor in one transaction (see withActor). */
  transaction<T>(fn: (context: ActorContext) => Promise<T>): Promise<T>;
  /** Answers the event once: a reply while the token is fresh, else a push to the chat. */
  reply(...messages: Message[]): Promise<void>;
  readonly replied: boolean;
}

export function createContext(input: {
  deps: Deps;
  event: webhook.Event;
  eventId: string;
  receivedAt: Date;
  chat: Chat | null;
  lineUserId: string | null;
  user: User | null;
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
  const replyToken = (event as { replyToken?: string }).replyToken;
  const standby = (event as { mode?: string }).mode === 'standby';

  return {
    ...input,
    occurredAt: new Date(
      typeof event.timestamp === 'number' ? event.timestamp : receivedAt.getTime(),
    ),
    t: catalogs[input.language],
    actor,
    transaction: (fn) => withActor(deps.database.db, actor, fn),
    async reply(...messages) {
      // One answer per event: a reply token works once, and a person wants one answer.
      if (replied || messages.length === 0 || standby) return;
      replied = true;
      const batch = messages.slice(0, 5);
      const age = deps.clock().getTime() - receivedAt.getTime();
      if (replyToken && age < REPLY_TOKEN_FRESH_MS) {
        await deps.line.reply(replyToken, batch);
        return;
      }
      // Processed late (after a restart): the token is stale, so push instead. The retry key
      // comes from the event id, so a repeat of this push is dropped by LINE.
      if (chat && (replyToken || event.type === 'message')) {
        await deps.line.push(chat.lineId, batch, `event:${eventId}`);
      }
    },
    get replied() {
      return replied;
    },
  };
}

import type { webhook } from '@line/bot-sdk';

/**
 * What a webhook event's JSON says, read once and typed. LINE adds fields and event types without
 * notice and leaves `userId` out of group events for people who have not consented, so every field
 * is checked here instead of cast where it is used.
 */
export type EventSource =
  | { type: 'user'; userId: string }
  | { type: 'group'; groupId: string; userId: string | null }
  | { type: 'room'; roomId: string; userId: string | null };

export interface Mentionee {
  index: number;
  length: number;
  type: string;
  userId: string | null;
  isSelf: boolean;
}

export interface TextMessage {
  id: string | null;
  text: string;
  mentionees: Mentionee[];
}

const str = (value: unknown): string | null =>
  typeof value === 'string' && value !== '' ? value : null;
const record = (value: unknown): Record<string, unknown> | null =>
  typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : null;

/** The chat an event came from, or null when LINE sent none (or one this bot does not know). */
export function eventSource(event: webhook.Event): EventSource | null {
  const source = record(event.source);
  if (!source) return null;
  const userId = str(source.userId);
  if (source.type === 'group') {
    const groupId = str(source.groupId);
    return groupId ? { type: 'group', groupId, userId } : null;
  }
  if (source.type === 'room') {
    const roomId = str(source.roomId);
    return roomId ? { type: 'room', roomId, userId } : null;
  }
  if (source.type === 'user' && userId) return { type: 'user', userId };
  return null;
}

/**
 * The person who sent a message or tapped a button (what the per-person limit counts); null for
 * other events, standby events and a sender LINE does not name.
 */
export function senderOf(event: webhook.Event): string | null {
  if (event.type !== 'message' && event.type !== 'postback') return null;
  if (isStandby(event)) return null;
  return eventSource(event)?.userId ?? null;
}

/** The LINE id of the chat itself: the group, the room, or the user of a one-to-one chat. */
export const chatLineId = (source: EventSource): string =>
  source.type === 'group' ? source.groupId : source.type === 'room' ? source.roomId : source.userId;

/** The text message of a message event, with its mentions; null for anything else. */
export function textMessageOf(event: webhook.Event): TextMessage | null {
  if (event.type !== 'message') return null;
  const message = record((event as { message?: unknown }).message);
  if (message?.type !== 'text' || typeof message.text !== 'string') return null;
  const mention = record(message.mention);
  const mentionees = Array.isArray(mention?.mentionees) ? mention.mentionees : [];
  return {
    id: str(message.id),
    text: message.text,
    mentionees: mentionees.flatMap((raw): Mentionee[] => {
      const m = record(raw);
      if (!m || typeof m.index !== 'number' || typeof m.length !== 'number') return [];
      return [
        {
          index: m.index,
          length: m.length,
          type: typeof m.type === 'string' ? m.type : 'user',
          userId: str(m.userId),
          isSelf: m.isSelf === true,
        },
      ];
    }),
  };
}

/** The id of an image message (to download its content), else null. */
export function imageMessageIdOf(event: webhook.Event): string | null {
  if (event.type !== 'message') return null;
  const message = record((event as { message?: unknown }).message);
  return message?.type === 'image' ? str(message.id) : null;
}

export interface FileMessage {
  id: string;
  fileName: string;
  /** Bytes, as LINE states it (the download is still limited on its own). */
  fileSize: number;
}

/** The file message of a message event (a document sent in the chat); null for anything else. */
export function fileMessageOf(event: webhook.Event): FileMessage | null {
  if (event.type !== 'message') return null;
  const message = record((event as { message?: unknown }).message);
  const id = str(message?.id);
  if (message?.type !== 'file' || !id) return null;
  const size = message.fileSize;
  return {
    id,
    fileName: typeof message.fileName === 'string' ? message.fileName : '',
    fileSize: typeof size === 'number' && Number.isFinite(size) && size >= 0 ? size : 0,
  };
}

/** The data of a postback event, else null. */
export function postbackDataOf(event: webhook.Event): string | null {
  if (event.type !== 'postback') return null;
  const postback = record((event as { postback?: unknown }).postback);
  return typeof postback?.data === 'string' ? postback.data : null;
}

/** The reply token, on the events that carry one. */
export const replyTokenOf = (event: webhook.Event): string | null =>
  str((event as { replyToken?: unknown }).replyToken);

/** In standby mode another channel answers: the bot must not send anything. */
export const isStandby = (event: webhook.Event): boolean =>
  (event as { mode?: unknown }).mode === 'standby';

/** The result of LINE's account-link dialog, on an `accountLink` event. */
export function accountLinkOf(
  event: webhook.Event,
): { result: string | null; nonce: string | null } | null {
  if (event.type !== 'accountLink') return null;
  const link = record((event as { link?: unknown }).link);
  return { result: str(link?.result), nonce: str(link?.nonce) };
}

/** The LINE user ids of the people a `memberLeft` event says left; empty for anything else. */
export function leftMembersOf(event: webhook.Event): string[] {
  if (event.type !== 'memberLeft') return [];
  const left = record((event as { left?: unknown }).left);
  const members = Array.isArray(left?.members) ? left.members : [];
  return members
    .map((member) => str(record(member)?.userId))
    .filter((id): id is string => id !== null);
}

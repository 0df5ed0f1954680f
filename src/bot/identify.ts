import type { webhook } from '@line/bot-sdk';
import { asApp, withActor } from '../db/actor';
import type { Deps } from '../deps';
import { quotaMonth } from '../domain/billing/quota';
import type { LineProfile } from '../line/client';
import { type EventSource, eventSource } from '../line/events';
import type { Chat } from '../store/meters';
import {
  ConcurrentUserCreation,
  createLineUser,
  type FoundSender,
  findSender,
  findUserByLineId,
  languageFromProfile,
  touchUser,
  type User,
} from '../store/users';
import { storableText } from './clean-event';

/** The LINE user behind an event, when LINE tells (group messages only with consent). */
export const lineUserIdOf = (event: webhook.Event): string | null =>
  eventSource(event)?.userId ?? null;

/** The chat an event happened in; a one-to-one chat is keyed by the Home Log user. */
export function chatOf(event: webhook.Event, user: User | null): Chat | null {
  const source = eventSource(event);
  if (!source) return null;
  if (source.type === 'group') {
    return { type: 'group', lineId: source.groupId, key: `group:${source.groupId}` };
  }
  if (source.type === 'room') {
    return { type: 'room', lineId: source.roomId, key: `room:${source.roomId}` };
  }
  return {
    type: 'user',
    lineId: source.userId,
    key: user ? `user:${user.id}` : `line:${source.userId}`,
  };
}

/**
 * Who sent an event, and whether the quota note is owed to them in a quota month (null: not
 * known, asked when answering).
 */
export interface Sender {
  user: User;
  pausedNoteOwed: PausedNoteOwed | null;
}
export interface PausedNoteOwed {
  month: string;
  owed: boolean;
}

/**
 * The Home Log user behind a LINE user id, created on first contact with the name (and, in a
 * one-to-one chat, the language) from their LINE profile.
 */
export async function identify(
  deps: Deps,
  event: webhook.Event,
  options: {
    create: boolean;
    eventId: string;
    /** The sender as the event's claim found them (ClaimedEvent.sender), if it looked. */
    claimed?: { month: string; found: FoundSender | null };
  },
): Promise<Sender | null> {
  const lineUserId = lineUserIdOf(event);
  if (!lineUserId) return null;
  // People and their LINE ids are not behind row-level security: one statement (asApp), no
  // transaction (on PostgreSQL one round trip instead of three, on every event). Usually not
  // even that: the claim brought the sender, unless the quota month turned since.
  const note = { month: quotaMonth(deps.clock()), eventId: options.eventId };
  const claimed = options.claimed?.month === note.month ? options.claimed : undefined;
  const existing = await asApp(deps.database, async (executor) => {
    const found = claimed ? claimed.found : await findSender(executor, lineUserId, note);
    if (found && !seenRecently(found.user)) await touchUser(executor, found.user.id);
    return (
      found && {
        user: found.user,
        pausedNoteOwed: { month: note.month, owed: found.pausedNoteOwed },
      }
    );
  });
  if (existing || !options.create) return existing;
  const user = await ensureLineUser(deps, eventSource(event), lineUserId);
  return { user, pausedNoteOwed: null };
}

/**
 * touchUser only writes when the last sighting is over an hour old; skipping the statement when
 * the row already shows a fresh one saves a round trip on nearly every message. The margin
 * covers a difference between this machine's clock and the database's.
 */
function seenRecently(user: User): boolean {
  const seenAt = user.lastSeenAt?.getTime();
  return user.active && seenAt !== undefined && Date.now() - seenAt < 55 * 60_000;
}

/** The Home Log user for a LINE user id seen in this chat, created from their profile if new. */
export async function ensureLineUser(
  deps: Deps,
  source: EventSource | null,
  lineUserId: string,
): Promise<User> {
  const db = deps.database.db;
  const existing = await withActor(db, { userId: null }, ({ tx }) =>
    findUserByLineId(tx, lineUserId),
  );
  if (existing) return existing;
  const profile = await fetchProfile(deps, source, lineUserId);
  const input = {
    lineUserId,
    displayName: storableText(profile?.displayName ?? ''),
    pictureUrl: profile?.pictureUrl ?? null,
    language: languageFromProfile(profile?.language),
    timezone: deps.config.defaultTimezone,
  };
  for (let attempt = 0; ; attempt++) {
    try {
      const { user } = await withActor(db, { userId: null }, ({ tx }) => createLineUser(tx, input));
      return user;
    } catch (error) {
      // Another chat's event created this person a moment ago: use that row.
      if (!(error instanceof ConcurrentUserCreation) || attempt > 0) throw error;
    }
  }
}

function fetchProfile(
  deps: Deps,
  source: EventSource | null,
  lineUserId: string,
): Promise<LineProfile | null> {
  if (source?.type === 'group') {
    return deps.line.getGroupMemberProfile(source.groupId, lineUserId);
  }
  if (source?.type === 'room') {
    return deps.line.getRoomMemberProfile(source.roomId, lineUserId);
  }
  return deps.line.getProfile(lineUserId);
}

// The per-person limit in chat: the notices of what was not processed (bot/chat-limit.ts
// decides; these are the queries). The claim counts a person's events (drizzle/0017).

import { and, asc, eq, lte, sql } from 'drizzle-orm';
import { asApp } from '../db/actor';
import type { Database, Tx } from '../db/client';
import { rows } from '../db/client';
import { floodNotices } from '../db/schema';
import type { Language } from '../domain/types';

/** An instant as a bound timestamptz parameter (postgres.js takes no Date in raw SQL). */
const iso = (at: Date) => sql`${at.toISOString()}::timestamptz`;

/** Whether events of the sender in the window are still waiting to be processed. */
export async function senderHasWaiting(
  database: Database,
  sender: { senderId: string; windowStart: Date; windowEnd: Date },
): Promise<boolean> {
  const found = await asApp(database, (executor) =>
    rows(
      executor,
      sql`select 1 from webhook_events
          where sender_id = ${sender.senderId} and status = 'pending'
            and occurred_at >= ${iso(sender.windowStart)}
            and occurred_at < ${iso(sender.windowEnd)}
          limit 1`,
    ),
  );
  return found.length > 0;
}

/** One event not processed, added to the sender's notice for its window. */
export async function addToNotice(
  tx: Tx,
  skipped: {
    senderId: string;
    windowStart: Date;
    windowEnd: Date;
    chatId: string;
    eventId: string;
    replyToken: string | null;
    receivedAt: Date;
    language: Language | null;
    listed: string | null;
  },
): Promise<void> {
  const listed = skipped.listed === null ? [] : [skipped.listed];
  await tx
    .insert(floodNotices)
    .values({
      senderId: skipped.senderId,
      windowStart: skipped.windowStart,
      windowEnd: skipped.windowEnd,
      chatId: skipped.chatId,
      eventId: skipped.eventId,
      replyToken: skipped.replyToken,
      receivedAt: skipped.receivedAt,
      language: skipped.language,
      listed,
      others: skipped.listed === null ? 1 : 0,
      skipped: 1,
    })
    .onConflictDoUpdate({
      target: [floodNotices.senderId, floodNotices.windowStart],
      set: {
        // The answer goes where the person last wrote, with that message's reply token.
        chatId: sql`excluded.chat_id`,
        eventId: sql`excluded.event_id`,
        replyToken: sql`excluded.reply_token`,
        receivedAt: sql`excluded.received_at`,
        language: sql`coalesce(excluded.language, ${floodNotices.language})`,
        listed: sql`${floodNotices.listed} || excluded.listed`,
        others: sql`${floodNotices.others} + excluded.others`,
        skipped: sql`${floodNotices.skipped} + 1`,
      },
    });
}

export type FloodNotice = typeof floodNotices.$inferSelect;

/** Keys of notices whose minute is over at `now`, oldest first (of one sender, if given). */
export async function dueNotices(
  tx: Tx,
  now: Date,
  senderId: string | null,
  limit = 50,
): Promise<{ senderId: string; windowStart: Date }[]> {
  return tx
    .select({ senderId: floodNotices.senderId, windowStart: floodNotices.windowStart })
    .from(floodNotices)
    .where(
      senderId === null
        ? lte(floodNotices.windowEnd, now)
        : and(lte(floodNotices.windowEnd, now), eq(floodNotices.senderId, senderId)),
    )
    .orderBy(asc(floodNotices.windowEnd))
    .limit(limit);
}

/**
 * Takes a notice to tell it: deleted in the caller's transaction, which tells it and commits
 * (or rolls back, and it is told at the next chance). Another instance taking the same notice
 * waits for the row, then finds it gone.
 */
export async function takeNotice(
  tx: Tx,
  key: { senderId: string; windowStart: Date },
): Promise<FloodNotice | null> {
  const [taken] = await tx
    .delete(floodNotices)
    .where(
      and(eq(floodNotices.senderId, key.senderId), eq(floodNotices.windowStart, key.windowStart)),
    )
    .returning();
  return taken ?? null;
}

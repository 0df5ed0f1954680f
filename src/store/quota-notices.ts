// "Reminders and alerts are paused" notes: owed by the push scheduler when LINE's monthly quota
// stops a push, told once per person and quota month with their next answer.

import { and, eq, inArray, isNull, or, type SQLWrapper, sql } from 'drizzle-orm';
import { asApp } from '../db/actor';
import type { Database, Tx } from '../db/client';
import { quotaNotices, sources } from '../db/schema';
import { chatNumber } from './meters';

/**
 * Owes each of `userIds` the note for `month`, naming `sourceId` among the held meters. A note
 * already told this month stays told: it is said once a month, however many pushes are held.
 */
export async function owePausedNote(
  tx: Tx,
  note: { userIds: string[]; sourceId: string; month: string },
): Promise<void> {
  const userIds = [...new Set(note.userIds)];
  if (userIds.length === 0) return;
  await tx
    .insert(quotaNotices)
    .values(userIds.map((userId) => ({ userId, month: note.month, sourceIds: [note.sourceId] })))
    .onConflictDoUpdate({
      target: [quotaNotices.userId, quotaNotices.month],
      set: {
        sourceIds: sql`case when ${note.sourceId}::uuid = any(${quotaNotices.sourceIds})
          then ${quotaNotices.sourceIds}
          else array_append(${quotaNotices.sourceIds}, ${note.sourceId}::uuid) end`,
      },
      setWhere: isNull(quotaNotices.toldAt),
    });
}

const owedTo = (
  userId: string | SQLWrapper,
  month: string | SQLWrapper,
  eventId: string | SQLWrapper,
) =>
  and(
    eq(quotaNotices.userId, userId),
    eq(quotaNotices.month, month),
    // A retry of the event that told it tells it again (its answer may not have gone out).
    or(isNull(quotaNotices.toldAt), eq(quotaNotices.toldEvent, eventId)),
  );

/**
 * Whether the note is owed to the user whose id is `userId` (a column or a value), as an
 * expression: the sender's lookup carries it, so most answers need no statement of their own.
 */
export const pausedNoteOwedTo = (
  userId: SQLWrapper,
  note: { month: string | SQLWrapper; eventId: string | SQLWrapper },
) =>
  sql<boolean>`exists (select 1 from ${quotaNotices}
    where ${owedTo(userId, note.month, note.eventId)})`;

/** Whether the note is owed (one indexed read; the sender's lookup usually tells already). */
export async function pausedNoteOwed(
  database: Database,
  note: { userId: string; month: string; eventId: string },
): Promise<boolean> {
  const found = await asApp(database, (executor) =>
    executor
      .select({ month: quotaNotices.month })
      .from(quotaNotices)
      .where(owedTo(note.userId, note.month, note.eventId)),
  );
  return found.length > 0;
}

/**
 * Claims the note for the answer to `eventId`: the held meters as the person sees them in their
 * one-to-one chat (number and name), or null when it is not owed (told already, or never owed).
 * Across instances one caller wins: the row lock makes the second wait, then find it told.
 */
export async function claimPausedNote(
  tx: Tx,
  note: { userId: string; month: string; eventId: string },
): Promise<{ number: number; name: string }[] | null> {
  const [claimed] = await tx
    .update(quotaNotices)
    .set({ toldAt: sql`now()`, toldEvent: note.eventId })
    .where(owedTo(note.userId, note.month, note.eventId))
    .returning({ sourceIds: quotaNotices.sourceIds });
  if (!claimed) return null;
  // Only meters the person may still see (row-level security), in the order they were held.
  const visible = claimed.sourceIds.length
    ? await tx
        .select({ id: sources.id, name: sources.name })
        .from(sources)
        .where(and(inArray(sources.id, claimed.sourceIds), isNull(sources.archivedAt)))
    : [];
  const meters: { number: number; name: string }[] = [];
  for (const id of claimed.sourceIds) {
    const source = visible.find((s) => s.id === id);
    if (source)
      meters.push({ number: await chatNumber(tx, `user:${note.userId}`, id), name: source.name });
  }
  return meters.sort((a, b) => a.number - b.number);
}

/** The owner of a meter the acting user can see, or null. */
export async function ownerOf(tx: Tx, sourceId: string): Promise<string | null> {
  const [found] = await tx
    .select({ ownerId: sources.ownerId })
    .from(sources)
    .where(eq(sources.id, sourceId));
  return found?.ownerId ?? null;
}

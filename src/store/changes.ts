import { and, desc, eq, gte, isNull } from 'drizzle-orm';
import type { Tx } from '../db/client';
import { type CHANGE_KINDS, chatChanges, shownHistories } from '../db/schema';

export type ChangeKind = (typeof CHANGE_KINDS)[number];
export type Change = typeof chatChanges.$inferSelect;

export interface NewChange {
  userId: string;
  chatKey: string;
  sourceId: string;
  kind: ChangeKind;
  at: Date;
  detail: Record<string, unknown>;
  origin: string;
}

/** Logs a change for `undo`; the same event twice logs it once. */
export async function logChange(tx: Tx, change: NewChange): Promise<void> {
  await tx.insert(chatChanges).values(change).onConflictDoNothing();
}

/** The person's newest change in this chat that is not undone yet. */
export async function lastChange(tx: Tx, userId: string, chatKey: string): Promise<Change | null> {
  const [row] = await tx
    .select()
    .from(chatChanges)
    .where(
      and(
        eq(chatChanges.userId, userId),
        eq(chatChanges.chatKey, chatKey),
        isNull(chatChanges.undoneAt),
      ),
    )
    .orderBy(desc(chatChanges.seq))
    .limit(1);
  return row ?? null;
}

export async function findChange(tx: Tx, id: string): Promise<Change | null> {
  const [row] = await tx.select().from(chatChanges).where(eq(chatChanges.id, id));
  return row ?? null;
}

/** The change an undo event already took back (a replayed undo answers the same). */
export async function findUndoneBy(tx: Tx, origin: string): Promise<Change | null> {
  const [row] = await tx.select().from(chatChanges).where(eq(chatChanges.undoneOrigin, origin));
  return row ?? null;
}

/** Stamps a change as undone, once: false when it already was. */
export async function markUndone(tx: Tx, id: string, at: Date, origin: string): Promise<boolean> {
  const updated = await tx
    .update(chatChanges)
    .set({ undoneAt: at, undoneOrigin: origin })
    .where(and(eq(chatChanges.id, id), isNull(chatChanges.undoneAt)))
    .returning({ id: chatChanges.id });
  return updated.length === 1;
}

/** Remembers which meter's history the person was just shown in this chat. */
export async function rememberShownHistory(
  tx: Tx,
  input: { userId: string; chatKey: string; sourceId: string; shownAt: Date },
): Promise<void> {
  await tx
    .insert(shownHistories)
    .values(input)
    .onConflictDoUpdate({
      target: [shownHistories.userId, shownHistories.chatKey],
      set: { sourceId: input.sourceId, shownAt: input.shownAt },
    });
}

/** The meter whose history the person was shown in this chat since `since`, if any. */
export async function shownHistorySince(
  tx: Tx,
  userId: string,
  chatKey: string,
  since: Date,
): Promise<string | null> {
  const [row] = await tx
    .select({ sourceId: shownHistories.sourceId })
    .from(shownHistories)
    .where(
      and(
        eq(shownHistories.userId, userId),
        eq(shownHistories.chatKey, chatKey),
        gte(shownHistories.shownAt, since),
      ),
    );
  return row?.sourceId ?? null;
}

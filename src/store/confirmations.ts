import { and, eq, isNull } from 'drizzle-orm';
import type { Tx } from '../db/client';
import { readingConfirmations } from '../db/schema';
import type { ConfirmationChoice, Verdict } from '../domain/validation';

/** A question the bot asked about a doubtful reading, with what it would store. */
export type Confirmation = Omit<typeof readingConfirmations.$inferSelect, 'verdict'> & {
  verdict: Verdict;
};

export interface NewConfirmation {
  sourceId: string;
  userId: string;
  chatKey: string;
  value: string;
  takenAt: Date;
  note: string | null;
  origin: string;
  verdict: Verdict;
}

/** Records an open question; returns its id (the postback buttons carry it). */
export async function createConfirmation(tx: Tx, input: NewConfirmation): Promise<string> {
  const [row] = await tx
    .insert(readingConfirmations)
    .values(input)
    .returning({ id: readingConfirmations.id });
  return row!.id;
}

/**
 * Answers an open question, once: a single conditional update, so a second tap (or a replayed
 * postback) finds nothing left to answer and gets null.
 */
export async function resolveConfirmation(
  tx: Tx,
  id: string,
  choice: ConfirmationChoice,
  at: Date,
): Promise<Confirmation | null> {
  const [row] = await tx
    .update(readingConfirmations)
    // "The previous one was wrong" stores nothing: recorded as a cancel.
    .set({ resolvedAt: at, resolution: choice === 'previous' ? 'cancel' : choice })
    .where(and(eq(readingConfirmations.id, id), isNull(readingConfirmations.resolvedAt)))
    .returning();
  return row ? (row as Confirmation) : null;
}

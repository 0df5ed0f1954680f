import { and, desc, eq, gt, inArray, sql } from 'drizzle-orm';
import type { Tx } from '../db/client';
import { readingImports } from '../db/schema';

export type ReadingImport = typeof readingImports.$inferSelect;

/** A row of an import file that passed the checks, as kept between the preview and the tap. */
export interface StoredImportRow {
  line: number;
  takenAt: string;
  value: string;
  note: string | null;
}

/**
 * Opens an import for this person and meter, waiting for the file. Any import of theirs still
 * open is closed first: one file at a time, and the newest request is the one meant.
 */
export async function openImport(
  tx: Tx,
  input: { userId: string; sourceId: string; chatKey: string; expiresAt: Date; now: Date },
): Promise<string> {
  await tx
    .update(readingImports)
    .set({ state: 'cancelled', resolvedAt: input.now })
    .where(
      and(
        eq(readingImports.userId, input.userId),
        inArray(readingImports.state, ['waiting', 'ready']),
      ),
    );
  const [row] = await tx
    .insert(readingImports)
    .values({
      userId: input.userId,
      sourceId: input.sourceId,
      chatKey: input.chatKey,
      expiresAt: input.expiresAt,
    })
    .returning({ id: readingImports.id });
  return row!.id;
}

/** The person's import waiting for a file, if one is open and not expired. */
export async function waitingImport(
  tx: Tx,
  userId: string,
  now: Date,
): Promise<ReadingImport | null> {
  const [row] = await tx
    .select()
    .from(readingImports)
    .where(
      and(
        eq(readingImports.userId, userId),
        eq(readingImports.state, 'waiting'),
        gt(readingImports.expiresAt, now),
      ),
    )
    .orderBy(desc(readingImports.createdAt))
    .limit(1);
  return row ?? null;
}

/** The file was read: keep the rows that passed for the confirmation, until `expiresAt`. */
export async function markReady(
  tx: Tx,
  id: string,
  rows: StoredImportRow[],
  expiresAt: Date,
): Promise<void> {
  await tx
    .update(readingImports)
    .set({ state: 'ready', rows, expiresAt })
    .where(and(eq(readingImports.id, id), eq(readingImports.state, 'waiting')));
}

/**
 * Closes a previewed import as stored or cancelled, once: a single conditional update, so a
 * second tap (or a replayed postback) finds nothing and gets null.
 */
export async function closeImport(
  tx: Tx,
  id: string,
  state: 'stored' | 'cancelled',
  now: Date,
): Promise<ReadingImport | null> {
  const [row] = await tx
    .update(readingImports)
    .set({ state, resolvedAt: now })
    .where(
      and(
        eq(readingImports.id, id),
        eq(readingImports.state, 'ready'),
        // A cancel always works; storing only before the import expires.
        state === 'stored' ? gt(readingImports.expiresAt, now) : sql`true`,
      ),
    )
    .returning();
  return row ?? null;
}

/** An import by id (the person's own only: row-level security). */
export async function findImport(tx: Tx, id: string): Promise<ReadingImport | null> {
  const [row] = await tx.select().from(readingImports).where(eq(readingImports.id, id));
  return row ?? null;
}

/** A claimed import whose rows no longer fit the meter: closed as cancelled instead. */
export async function reopenAsCancelled(tx: Tx, id: string): Promise<void> {
  await tx
    .update(readingImports)
    .set({ state: 'cancelled' })
    .where(and(eq(readingImports.id, id), eq(readingImports.state, 'stored')));
}

/** Retention: imports that expired more than a day ago, whoever they belonged to. */
export async function forgetOldImports(tx: Tx): Promise<number> {
  const deleted = await tx
    .delete(readingImports)
    .where(sql`${readingImports.expiresAt} < now() - interval '1 day'`)
    .returning({ id: readingImports.id });
  return deleted.length;
}

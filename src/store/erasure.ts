import { and, eq, sql } from 'drizzle-orm';
import { rows, type Tx } from '../db/client';
import { access, erasureRequests, identities, readings, sources } from '../db/schema';

// The queries of "delete my data": what it would do (erasure_plan(), as the acting user), the
// pending request, and the erasure itself (erase_my_data(), a SECURITY DEFINER function that
// erases exactly the acting user; see drizzle/0008_erasure.sql).

/** One meter the person owns, and what erasure does with it. */
export interface PlannedMeter {
  sourceId: string;
  name: string;
  archived: boolean;
  /** The admin it passes to; null: it is removed. */
  heir: { id: string; name: string } | null;
  readings: number;
  /** LINE groups and rooms it is shared into. */
  groupChats: string[];
}

export async function plannedMeters(tx: Tx): Promise<PlannedMeter[]> {
  const found = await rows<{
    source_id: string;
    name: string;
    archived: boolean;
    heir_id: string | null;
    heir_name: string | null;
    readings: string | number;
    group_chats: string[] | string | null;
  }>(tx, sql`select * from erasure_plan()`);
  return found.map((row) => ({
    sourceId: row.source_id,
    name: row.name,
    archived: row.archived,
    heir: row.heir_id ? { id: row.heir_id, name: row.heir_name ?? '' } : null,
    readings: Number(row.readings),
    groupChats: textArray(row.group_chats),
  }));
}

// A text[] comes back as an array from most drivers, as '{a,b}' from some raw queries.
function textArray(value: string[] | string | null): string[] {
  if (Array.isArray(value)) return value;
  if (!value || value === '{}') return [];
  return value
    .slice(1, -1)
    .split(',')
    .map((item) => item.replace(/^"|"$/g, ''));
}

/** The person's identities (no row security: identity lookups happen before anyone is known). */
export async function identitiesToErase(tx: Tx, userId: string) {
  return tx
    .select({ provider: identities.provider, email: identities.email })
    .from(identities)
    .where(eq(identities.userId, userId))
    .orderBy(identities.createdAt);
}

/** Meters of other people the person has a personal grant on. */
export async function grantsToErase(tx: Tx, userId: string): Promise<number> {
  const found = await tx
    .select({ sourceId: access.sourceId })
    .from(access)
    .innerJoin(sources, eq(sources.id, access.sourceId))
    .where(and(eq(access.userId, userId), sql`${sources.ownerId} <> ${userId}`));
  return found.length;
}

/** Current readings the person entered on meters they do not own (those meters stay). */
export async function readingsEnteredElsewhere(tx: Tx, userId: string): Promise<number> {
  const [row] = await tx
    .select({ count: sql<string>`count(*)` })
    .from(readings)
    .innerJoin(sources, eq(sources.id, readings.sourceId))
    .where(
      and(
        eq(readings.enteredBy, userId),
        sql`${sources.ownerId} <> ${userId}`,
        sql`${readings.supersededAt} is null and ${readings.deletedAt} is null`,
      ),
    );
  return Number(row?.count ?? 0);
}

export type ErasureRequest = typeof erasureRequests.$inferSelect;

/** Replaces any earlier request of the person. */
export async function putErasureRequest(
  tx: Tx,
  request: { userId: string; code: string; expiresAt: Date },
): Promise<ErasureRequest> {
  await tx.delete(erasureRequests).where(eq(erasureRequests.userId, request.userId));
  const [row] = await tx.insert(erasureRequests).values(request).returning();
  return row!;
}

export async function findErasureRequest(tx: Tx, userId: string): Promise<ErasureRequest | null> {
  const [row] = await tx
    .select()
    .from(erasureRequests)
    .where(eq(erasureRequests.userId, userId))
    .for('update');
  return row ?? null;
}

export async function markErasureTapped(tx: Tx, userId: string, at: Date): Promise<void> {
  await tx.update(erasureRequests).set({ tappedAt: at }).where(eq(erasureRequests.userId, userId));
}

export async function dropErasureRequest(tx: Tx, userId: string): Promise<void> {
  await tx.delete(erasureRequests).where(eq(erasureRequests.userId, userId));
}

/** What erase_my_data() did. */
export interface ErasedData {
  identities: number;
  grants: number;
  events: number;
  passed: { sourceId: string; to: string }[];
  removed: string[];
  /** Groups to tell that a meter shared there was removed (its number there, if it had one). */
  notices: { chatId: string; name: string; number: number | null }[];
}

/** Erases the acting user (app.user_id), keeping the webhook event being answered. */
export async function eraseActingUser(tx: Tx, keepEvent: string | null): Promise<ErasedData> {
  const [row] = await rows<{ result: ErasedData | string }>(
    tx,
    sql`select erase_my_data(${keepEvent}) as result`,
  );
  const result = row?.result;
  return (typeof result === 'string' ? JSON.parse(result) : result) as ErasedData;
}

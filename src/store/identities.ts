import { and, asc, eq, gt, isNull, lt, ne, sql } from 'drizzle-orm';
import type { Tx } from '../db/client';
import { identities, linkStates } from '../db/schema';

// Queries behind identity linking: identities and the one-time link states of the Google flow.
// Plain functions over a transaction opened by withActor. identities and link_states have no
// row-level security: identity resolution happens before anyone is known.

export type Provider = 'line' | 'google';
export type Identity = typeof identities.$inferSelect;
export type LinkState = typeof linkStates.$inferSelect;

export async function findIdentity(
  tx: Tx,
  provider: Provider,
  providerUserId: string,
): Promise<Identity | undefined> {
  const [identity] = await tx
    .select()
    .from(identities)
    .where(and(eq(identities.provider, provider), eq(identities.providerUserId, providerUserId)));
  return identity;
}

/** A user's identities, oldest first. */
export async function identitiesOf(tx: Tx, userId: string): Promise<Identity[]> {
  // PGlite's clock counts milliseconds: an account linked within the millisecond its LINE
  // identity was created would tie, and a random id could put it first.
  const lineFirst = sql`${identities.provider} <> 'line'`;
  return tx
    .select()
    .from(identities)
    .where(eq(identities.userId, userId))
    .orderBy(asc(identities.createdAt), lineFirst, asc(identities.id));
}

/**
 * Stores an identity; undefined when (provider, subject) is already taken, possibly by a
 * concurrent request: the unique index decides, not a read before the write.
 */
export async function insertIdentity(
  tx: Tx,
  identity: {
    userId: string;
    provider: Provider;
    providerUserId: string;
    email?: string | null;
    displayName?: string | null;
    pictureUrl?: string | null;
  },
): Promise<Identity | undefined> {
  const [row] = await tx.insert(identities).values(identity).onConflictDoNothing().returning();
  return row;
}

export async function deleteIdentities(
  tx: Tx,
  userId: string,
  provider: Provider,
): Promise<Identity[]> {
  return tx
    .delete(identities)
    .where(and(eq(identities.userId, userId), eq(identities.provider, provider)))
    .returning();
}

/** Deletes one identity of the user; undefined if it is not (or no longer) theirs. */
export async function deleteIdentity(
  tx: Tx,
  identityId: string,
  userId: string,
): Promise<Identity | undefined> {
  const [row] = await tx
    .delete(identities)
    .where(and(eq(identities.id, identityId), eq(identities.userId, userId)))
    .returning();
  return row;
}

/** Re-points one identity from one user to another; undefined if it no longer belongs to `from`. */
export async function moveIdentity(
  tx: Tx,
  identityId: string,
  fromUserId: string,
  toUserId: string,
): Promise<Identity | undefined> {
  const [row] = await tx
    .update(identities)
    .set({ userId: toUserId })
    .where(and(eq(identities.id, identityId), eq(identities.userId, fromUserId)))
    .returning();
  return row;
}

/** The user's LINE identities other than `exceptLineUserId` (to tell them about a change). */
export async function otherLineIdentities(
  tx: Tx,
  userId: string,
  exceptLineUserId: string,
): Promise<Identity[]> {
  return tx
    .select()
    .from(identities)
    .where(
      and(
        eq(identities.userId, userId),
        eq(identities.provider, 'line'),
        ne(identities.providerUserId, exceptLineUserId),
      ),
    );
}

// ---------------------------------------------------------------------------------------------
// Link states: one row per one-time token, keyed by the token's SHA-256 (never the token).

export async function insertLinkState(
  tx: Tx,
  state: { tokenHash: string; userId: string; expiresAt: Date; data: object },
): Promise<void> {
  await tx.insert(linkStates).values({ ...state, purpose: 'google_link' });
}

export async function findLinkState(tx: Tx, tokenHash: string): Promise<LinkState | undefined> {
  const [row] = await tx.select().from(linkStates).where(eq(linkStates.tokenHash, tokenHash));
  return row;
}

/**
 * Uses a state up, atomically: one UPDATE that succeeds only for an unused, unexpired state of
 * the given kind, so two concurrent requests cannot both get it.
 */
export async function consumeLinkState(
  tx: Tx,
  tokenHash: string,
  kind: string,
  now: Date,
): Promise<LinkState | undefined> {
  const [row] = await tx
    .update(linkStates)
    .set({ usedAt: now })
    .where(
      and(
        eq(linkStates.tokenHash, tokenHash),
        eq(linkStates.purpose, 'google_link'),
        isNull(linkStates.usedAt),
        gt(linkStates.expiresAt, now),
        sql`${linkStates.data}->>'kind' = ${kind}`,
      ),
    )
    .returning();
  return row;
}

/** Housekeeping: forgets a user's states that expired before `before`. */
export async function deleteExpiredLinkStates(tx: Tx, userId: string, before: Date): Promise<void> {
  await tx
    .delete(linkStates)
    .where(and(eq(linkStates.userId, userId), lt(linkStates.expiresAt, before)));
}

/** Housekeeping for everyone: forgets every state that expired before `before`; how many. */
export async function deleteAllExpiredLinkStates(tx: Tx, before: Date): Promise<number> {
  const deleted = await tx
    .delete(linkStates)
    .where(lt(linkStates.expiresAt, before))
    .returning({ tokenHash: linkStates.tokenHash });
  return deleted.length;
}

// @ts-nocheck
import { and, asc, count, eq, gt, isNull, lt, ne, sql } from 'drizzle-orm';
import type { Tx } from '../db/client';
import { identities, linkStates, sources, users } from '../db/schema';

// Queries behind identity linking: identities, the users they point at, and the one-time link
// states of the Google flow. Plain functions over a transaction opened by withActor.
// users, identities and link_states have no row-level security (identity resolution happens
// before anyone is known); sources do, so meter counts only see what the actor may see.

export type Provider = 'line' | 'google';
export type Identity = typeof identities.$inferSelect;
export type LinkState = typeof linkStates.$inferSelect;

export interface UserSummary {
  id: string;
  displayName: string;
  language: 'th' | 'en';
  active: boolean;
}

export async function findUser(tx: Tx, userId: string): Promise<UserSummary | undefined> {
  const [user] = await tx
    .select({
      id: users.id,
      displayName: users.displayName,
      language: users.language,
      active: users.active,
    })
    .from(users)
    .where(eq(users.id, userId));
  return user;
}

export async function setUserActive(tx: Tx, userId: string, active: boolean): Promise<void> {
  await tx.update(users).set({ active }).where(eq(users.id, userId));
}

/** Meters the user owns and has not archived. Row-level security: the actor must be the owner. */
export async function countOwnedMeters(tx: Tx, ownerId: string): Promise<number> {
  const [row] = await tx
    .select({ n: count() })
    .from(sources)
    .where(and(eq(sources.ownerId, ownerId), isNull(sources.archivedAt)));
  return row?.n ?? 0;
}

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
  return tx
    .select()
    .from(identities)
    .where(eq(identities.userId, userId))
    .orderBy(asc(identities.createdAt), asc(identities.id));
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

import { withActor } from '../db/actor';
import * as store from '../store/identities';
import { findUser } from '../store/users';
import type { AccountsDeps } from './deps';
import type { GoogleAccount } from './google-client';
import type { Refusal } from './refusals';

// The ways a Home Log user proves who they are (a LINE account, at most one Google account):
// binding a Google identity, removing it, listing them. Every change is audited.

export type LinkOutcome =
  /** The Google identity is now the user's. */
  | { kind: 'linked' }
  /** It already was: nothing changed. */
  | { kind: 'already' }
  /** It belongs to another Home Log user: linking stops here; a move may be offered. */
  | { kind: 'other'; ownerId: string }
  | { kind: 'refused'; reason: Refusal };

/** Stores the Google identity for the user, unless it (or another Google account) is taken. */
export function linkGoogleIdentity(
  deps: AccountsDeps,
  userId: string,
  account: GoogleAccount,
): Promise<LinkOutcome> {
  const actor = { userId, chatKey: `user:${userId}` };
  return withActor(deps.database.db, actor, async ({ tx, audit }) => {
    const user = await findUser(tx, userId);
    if (!user?.active) return { kind: 'refused', reason: 'accountInactive' };
    const owner = async (): Promise<LinkOutcome | null> => {
      const existing = await store.findIdentity(tx, 'google', account.sub);
      if (!existing) return null;
      return existing.userId === userId
        ? { kind: 'already' }
        : { kind: 'other', ownerId: existing.userId };
    };
    const taken = await owner();
    if (taken) return taken;
    const mine = await store.identitiesOf(tx, userId);
    if (mine.some((identity) => identity.provider === 'google')) {
      return { kind: 'refused', reason: 'otherGoogleLinked' };
    }
    const inserted = await store.insertIdentity(tx, {
      userId,
      provider: 'google',
      providerUserId: account.sub,
      email: account.email,
      displayName: account.name,
      pictureUrl: account.picture,
    });
    // Nothing inserted: a concurrent request linked this Google account a moment ago.
    if (!inserted) return (await owner()) ?? { kind: 'refused', reason: 'error' };
    audit({
      action: 'identity.link',
      subjectType: 'identity',
      subjectId: inserted.id,
      before: null,
      after: describeIdentity(inserted),
    });
    return { kind: 'linked' };
  });
}

/** Removes the user's Google identity (audited); `removed` is its email, null if none. */
export async function unlinkGoogle(
  deps: AccountsDeps,
  userId: string,
  chatKey: string,
): Promise<{ removed: string | null }> {
  return withActor(deps.database.db, { userId, chatKey }, async ({ tx, audit }) => {
    const removed = await store.deleteIdentities(tx, userId, 'google');
    for (const identity of removed) {
      audit({
        action: 'identity.unlink',
        subjectType: 'identity',
        subjectId: identity.id,
        before: describeIdentity(identity),
        after: null,
      });
    }
    return { removed: removed[0]?.email ?? null };
  });
}

export interface LinkedAccount {
  provider: store.Provider;
  email: string | null;
  displayName: string | null;
  linkedAt: Date;
}

/** The ways this user can prove who they are, oldest first (for `whoami`). */
export async function linkedAccounts(deps: AccountsDeps, userId: string): Promise<LinkedAccount[]> {
  return withActor(deps.database.db, { userId }, async ({ tx }) =>
    (await store.identitiesOf(tx, userId)).map((identity) => ({
      provider: identity.provider,
      email: identity.email,
      displayName: identity.displayName,
      linkedAt: identity.createdAt,
    })),
  );
}

/** An identity as the audit trail records it. */
function describeIdentity(identity: store.Identity) {
  return {
    userId: identity.userId,
    provider: identity.provider,
    subject: identity.providerUserId,
    email: identity.email,
  };
}

import { withActor } from '../db/actor';
import type { Tx } from '../db/client';
import { personal } from '../db/personal';
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

/** Why the Google account cannot simply be bound to the user, or null if it can. */
async function whyNotBindable(
  tx: Tx,
  userId: string,
  sub: string,
): Promise<Exclude<LinkOutcome, { kind: 'linked' }> | null> {
  const user = await findUser(tx, userId);
  if (!user?.active) return { kind: 'refused', reason: 'accountInactive' };
  const existing = await store.findIdentity(tx, 'google', sub);
  if (existing) {
    return existing.userId === userId
      ? { kind: 'already' }
      : { kind: 'other', ownerId: existing.userId };
  }
  const mine = await store.identitiesOf(tx, userId);
  if (mine.some((identity) => identity.provider === 'google')) {
    return { kind: 'refused', reason: 'otherGoogleLinked' };
  }
  return null;
}

/**
 * What binding would do, without binding: `linked` means it can be bound. The sign-in step
 * asks this before sending the person through LINE's dialog, which then commits the binding.
 */
export function previewGoogleLink(
  deps: AccountsDeps,
  userId: string,
  account: GoogleAccount,
): Promise<LinkOutcome> {
  return withActor(deps.database.db, { userId }, async ({ tx }) => {
    return (await whyNotBindable(tx, userId, account.sub)) ?? { kind: 'linked' };
  });
}

/** Stores the Google identity for the user, unless it (or another Google account) is taken. */
export function linkGoogleIdentity(
  deps: AccountsDeps,
  userId: string,
  account: GoogleAccount,
): Promise<LinkOutcome> {
  const actor = { userId, chatKey: `user:${userId}` };
  return withActor(deps.database.db, actor, async ({ tx, audit }) => {
    const owner = async (): Promise<LinkOutcome | null> => {
      const existing = await store.findIdentity(tx, 'google', account.sub);
      if (!existing) return null;
      return existing.userId === userId
        ? { kind: 'already' }
        : { kind: 'other', ownerId: existing.userId };
    };
    const taken = await whyNotBindable(tx, userId, account.sub);
    if (taken) return taken;
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
  /** The LINE user id or Google subject. */
  subject: string;
  email: string | null;
  displayName: string | null;
  linkedAt: Date;
}

/**
 * The ways this user can prove who they are, oldest first (for `whoami`, whose numbers
 * `remove line #N` uses: position N in this list).
 */
export async function linkedAccounts(deps: AccountsDeps, userId: string): Promise<LinkedAccount[]> {
  return withActor(deps.database.db, { userId }, async ({ tx }) =>
    (await store.identitiesOf(tx, userId)).map((identity) => ({
      provider: identity.provider,
      subject: identity.providerUserId,
      email: identity.email,
      displayName: identity.displayName,
      linkedAt: identity.createdAt,
    })),
  );
}

export type RemoveLineOutcome =
  | { kind: 'removed'; lineUserId: string; displayName: string | null }
  /** No identity has that number. */
  | { kind: 'unknown' }
  /** The number is the Google identity: `unlink google` removes it. */
  | { kind: 'notLine' }
  /** The number is the LINE account asking: it must stay, or no chat could manage the account. */
  | { kind: 'self' };

/**
 * Removes another LINE identity (number `position` in `whoami`) from the user, asked from the
 * chat of `speakerLineUserId`, which stays: so the account never loses its last LINE identity.
 * The removed LINE account, when it writes again, starts as a new Home Log user. Audited.
 */
export function removeLineIdentity(
  deps: AccountsDeps,
  input: { userId: string; speakerLineUserId: string; position: number },
): Promise<RemoveLineOutcome> {
  const { userId, speakerLineUserId, position } = input;
  const actor = { userId, chatKey: `user:${userId}` };
  return withActor(deps.database.db, actor, async ({ tx, audit }) => {
    const mine = await store.identitiesOf(tx, userId);
    const speaker = mine.find(
      (identity) => identity.provider === 'line' && identity.providerUserId === speakerLineUserId,
    );
    const chosen = mine[position - 1];
    if (!speaker || !chosen) return { kind: 'unknown' };
    if (chosen.provider !== 'line') return { kind: 'notLine' };
    if (chosen.id === speaker.id) return { kind: 'self' };
    const removed = await store.deleteIdentity(tx, chosen.id, userId);
    if (!removed) return { kind: 'unknown' };
    audit({
      action: 'identity.unlink',
      subjectType: 'identity',
      subjectId: removed.id,
      before: describeIdentity(removed),
      after: null,
    });
    return {
      kind: 'removed',
      lineUserId: removed.providerUserId,
      displayName: removed.displayName,
    };
  });
}

/** An identity as the audit trail records it: the account id and e-mail sealed (personal). */
function describeIdentity(identity: store.Identity) {
  return {
    userId: identity.userId,
    provider: identity.provider,
    subject: personal(identity.providerUserId, identity.userId),
    email: personal(identity.email, identity.userId),
  };
}

import { withActor } from '../db/actor';
import * as store from '../store/identities';
import { countOwnedMeters, findUser, setUserActive, type UserSummary } from '../store/users';
import type { AccountsDeps } from './deps';
import { type MoveOffer, STEP_TTL_MS, saveState, type UsedState, useUpState } from './link-states';
import { type Refused, refuse } from './refusals';
import { newSecret, sameSecret } from './secrets';
import type { SignedIn } from './sign-in';

// Moving a LINE account onto an existing Home Log account ("I changed phones, give me my meters
// back"): the person signed in with a Google account that another Home Log user owns. The
// offer, the answer to it, and the move itself are separate steps, so that another check (the
// target account confirming) can sit between the answer and the move.

/** What the offer page shows. */
export interface MoveOfferView {
  email: string;
  targetName: string;
  targetMeters: number;
  lineName: string;
  ownMeters: number;
  /** Echoed by the page's form: the answer must come from the page we showed. */
  csrf: string;
}

/**
 * Records a one-time offer to move the signed-in LINE account onto `ownerId`; `moveId` goes
 * into the browser's cookie.
 */
export async function offerMove(
  deps: AccountsDeps,
  { session, account }: SignedIn,
  ownerId: string,
): Promise<{ moveId: string; view: MoveOfferView } | Refused> {
  const db = deps.database.db;
  const userId = session.userId;
  const { language, lineUserId } = session.data;
  // Counted as the owner: the person has just proven they hold the owner's Google account.
  const target = await withActor(db, { userId: ownerId }, async ({ tx }) => ({
    user: await findUser(tx, ownerId),
    meters: await countOwnedMeters(tx, ownerId),
  }));
  const self = await withActor(db, { userId }, async ({ tx }) => ({
    user: await findUser(tx, userId),
    meters: await countOwnedMeters(tx, userId),
  }));
  if (!target.user || !self.user) return refuse('moveStale', language);

  const moveId = newSecret();
  const csrf = newSecret();
  const offer: MoveOffer = {
    kind: 'move',
    csrf,
    targetUserId: ownerId,
    googleSub: account.sub,
    email: account.email,
    lineUserId,
    language,
  };
  await withActor(db, { userId: null }, ({ tx }) =>
    saveState(tx, {
      secret: moveId,
      userId,
      expiresAt: new Date(deps.clock().getTime() + STEP_TTL_MS),
      data: offer,
    }),
  );
  return {
    moveId,
    view: {
      email: account.email,
      targetName: target.user.displayName,
      targetMeters: target.meters,
      lineName: self.user.displayName,
      ownMeters: self.meters,
      csrf,
    },
  };
}

/**
 * Uses the offer named by the browser's cookie up (whatever the answer) and checks that the
 * answer comes from the offer's own page.
 */
export async function takeMoveOffer(
  deps: AccountsDeps,
  answer: { moveId: string | undefined; csrf: unknown },
): Promise<UsedState<'move'> | Refused> {
  const offer = await withActor(deps.database.db, { userId: null }, ({ tx }) =>
    useUpState(tx, answer.moveId, 'move', deps.clock()),
  );
  if (!offer) return refuse('moveInvalid');
  if (typeof answer.csrf !== 'string' || !sameSecret(answer.csrf, offer.data.csrf)) {
    return refuse('stateMismatch', offer.data.language);
  }
  return offer;
}

/** Which LINE account moves from which user to which, and the Google account that proved it. */
export interface MoveRequest {
  fromUserId: string;
  lineUserId: string;
  targetUserId: string;
  googleSub: string;
}

export interface MovedAccount {
  target: UserSummary;
  /** The target's meters, after the move. */
  meters: number;
  /** The target's other LINE accounts: a move they did not make must be visible to them. */
  notify: { identityId: string; lineUserId: string }[];
}

/**
 * Re-points the LINE identity to the target user, in one transaction, after checking that
 * nothing changed since the offer (null if anything did). A user left without identities is
 * marked inactive; the target is (re)activated. Audited as the user the account leaves.
 */
export async function moveLineAccount(
  deps: AccountsDeps,
  request: MoveRequest,
): Promise<MovedAccount | null> {
  const db = deps.database.db;
  const { fromUserId } = request;
  const actor = { userId: fromUserId, chatKey: `user:${fromUserId}` };
  const moved = await withActor(db, actor, async ({ tx, audit }) => {
    const google = await store.findIdentity(tx, 'google', request.googleSub);
    const line = await store.findIdentity(tx, 'line', request.lineUserId);
    const target = await findUser(tx, request.targetUserId);
    if (google?.userId !== request.targetUserId || line?.userId !== fromUserId || !target) {
      return null;
    }
    if (!(await store.moveIdentity(tx, line.id, fromUserId, target.id))) return null;
    const emptied = (await store.identitiesOf(tx, fromUserId)).length === 0;
    if (emptied) await setUserActive(tx, fromUserId, false);
    if (!target.active) await setUserActive(tx, target.id, true);
    audit({
      action: 'identity.move',
      subjectType: 'identity',
      subjectId: line.id,
      before: { userId: fromUserId },
      after: { userId: target.id, previousUserDeactivated: emptied },
    });
    const others = await store.otherLineIdentities(tx, target.id, request.lineUserId);
    return {
      target,
      notify: others.map((other) => ({ identityId: other.id, lineUserId: other.providerUserId })),
    };
  });
  if (!moved) return null;
  const meters = await withActor(db, { userId: moved.target.id }, ({ tx }) =>
    countOwnedMeters(tx, moved.target.id),
  );
  return { ...moved, meters };
}

import { withActor } from '../db/actor';
import * as store from '../store/identities';
import { countOwnedMeters, findUser, setUserActive, type UserSummary } from '../store/users';
import type { AccountsDeps } from './deps';
import {
  APPROVAL_TTL_MS,
  type MoveApproval,
  type MoveOffer,
  STEP_TTL_MS,
  saveState,
  type UsedState,
  useUpState,
} from './link-states';
import { type Refused, refuse } from './refusals';
import { hashSecret, isPlausibleSecret, newSecret, sameSecret } from './secrets';
import type { SignedIn } from './sign-in';

// Moving a LINE account onto an existing Home Log account ("I changed phones, give me my meters
// back"): the person signed in with a Google account that another Home Log user owns. The steps:
// the offer page and its answer (browser), LINE's account-link dialog proving which LINE account
// asks (line-link.ts), then a LINE account already on the target account allows it in its chat.
// Only then does the LINE account move: the Google account alone never hands over an account.

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
  const { language, lineUserId, lineLinkToken } = session.data;
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
    lineLinkToken,
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
  /** The LINE account on the target account that allowed the move (recorded in the audit). */
  approvedByLineUserId?: string;
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
    // The approving LINE account by its internal identity id: no LINE user id in the audit trail.
    const approver = request.approvedByLineUserId
      ? await store.findIdentity(tx, 'line', request.approvedByLineUserId)
      : null;
    audit({
      action: 'identity.move',
      subjectType: 'identity',
      subjectId: line.id,
      before: { userId: fromUserId },
      after: {
        userId: target.id,
        previousUserDeactivated: emptied,
        ...(approver ? { approvedBy: approver.id } : {}),
      },
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

// ---------------------------------------------------------------------------------------------
// The target account's consent

export type ApprovalRequest =
  | {
      kind: 'requested';
      /** Goes into the approve/refuse buttons' postback data; only its SHA-256 is stored. */
      approvalId: string;
      targetName: string;
      targetLanguage: UserSummary['language'];
      lineName: string;
      /** The target's LINE accounts: each is asked, any one of them may answer. */
      approvers: string[];
    }
  /** Something changed since the offer (the Google account or the LINE account moved). */
  | { kind: 'stale' }
  /** The target account has no LINE account left that could allow it. */
  | { kind: 'noApprover' };

/**
 * Asks the target account's LINE accounts to allow the move (LINE has vouched for the LINE
 * account that asks). Nothing moves yet.
 */
export async function requestMoveApproval(
  deps: AccountsDeps,
  request: Omit<MoveRequest, 'approvedByLineUserId'> & {
    email: string;
    language: MoveApproval['language'];
  },
): Promise<ApprovalRequest> {
  const approvalId = newSecret();
  return withActor(deps.database.db, { userId: null }, async ({ tx }) => {
    const google = await store.findIdentity(tx, 'google', request.googleSub);
    const line = await store.findIdentity(tx, 'line', request.lineUserId);
    const target = await findUser(tx, request.targetUserId);
    const self = await findUser(tx, request.fromUserId);
    if (google?.userId !== request.targetUserId || line?.userId !== request.fromUserId) {
      return { kind: 'stale' };
    }
    if (!target || !self) return { kind: 'stale' };
    const approvers = await store.otherLineIdentities(tx, target.id, request.lineUserId);
    if (approvers.length === 0) return { kind: 'noApprover' };
    const approval: MoveApproval = {
      kind: 'moveApproval',
      fromUserId: request.fromUserId,
      lineUserId: request.lineUserId,
      lineName: self.displayName,
      targetUserId: target.id,
      googleSub: request.googleSub,
      email: request.email,
      language: request.language,
    };
    await saveState(tx, {
      secret: approvalId,
      userId: target.id,
      expiresAt: new Date(deps.clock().getTime() + APPROVAL_TTL_MS),
      data: approval,
    });
    return {
      kind: 'requested',
      approvalId,
      targetName: target.displayName,
      targetLanguage: target.language,
      lineName: self.displayName,
      approvers: approvers.map((identity) => identity.providerUserId),
    };
  });
}

export type ApprovalAnswer =
  /** Unknown, already answered, or expired: nothing happens. */
  | { kind: 'invalid' }
  /** Tapped by a LINE account that is not on the target account: nothing happens. */
  | { kind: 'notYours' }
  | { kind: 'refused'; approval: MoveApproval }
  | { kind: 'stale'; approval: MoveApproval }
  | { kind: 'moved'; approval: MoveApproval; moved: MovedAccount };

/**
 * The answer of a LINE account on the target account. Only a LINE account of the target (and
 * not the one that moves) may answer; its answer uses the request up, whichever it is.
 */
export async function answerMoveApproval(
  deps: AccountsDeps,
  input: { approvalId: string; approverLineUserId: string; allow: boolean },
): Promise<ApprovalAnswer> {
  const db = deps.database.db;
  const now = deps.clock();
  const taken = await withActor(db, { userId: null }, async ({ tx }) => {
    if (!isPlausibleSecret(input.approvalId)) return { kind: 'invalid' as const };
    const row = await store.findLinkState(tx, hashSecret(input.approvalId));
    const data = row?.data as Partial<MoveApproval> | undefined;
    if (!row || data?.kind !== 'moveApproval') return { kind: 'invalid' as const };
    const approver = await store.findIdentity(tx, 'line', input.approverLineUserId);
    if (approver?.userId !== data.targetUserId || input.approverLineUserId === data.lineUserId) {
      return { kind: 'notYours' as const };
    }
    const used = await useUpState(tx, input.approvalId, 'moveApproval', now);
    if (!used) return { kind: 'invalid' as const };
    return { kind: 'taken' as const, approval: used.data };
  });
  if (taken.kind !== 'taken') return taken;
  const { approval } = taken;
  if (!input.allow) {
    const actor = { userId: approval.targetUserId, chatKey: `user:${approval.targetUserId}` };
    await withActor(db, actor, async ({ tx, audit }) => {
      const line = await store.findIdentity(tx, 'line', approval.lineUserId);
      const refuser = await store.findIdentity(tx, 'line', input.approverLineUserId);
      audit({
        action: 'identity.move.refused',
        subjectType: 'identity',
        subjectId: line?.id ?? null,
        before: { userId: approval.fromUserId },
        after: { refusedBy: refuser?.id ?? null, targetUserId: approval.targetUserId },
      });
    });
    return { kind: 'refused', approval };
  }
  const moved = await moveLineAccount(deps, {
    fromUserId: approval.fromUserId,
    lineUserId: approval.lineUserId,
    targetUserId: approval.targetUserId,
    googleSub: approval.googleSub,
    approvedByLineUserId: input.approverLineUserId,
  });
  return moved ? { kind: 'moved', approval, moved } : { kind: 'stale', approval };
}

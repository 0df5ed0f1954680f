import { withActor } from '../db/actor';
import type { Language } from '../domain/types';
import * as store from '../store/identities';
import type { AccountsDeps } from './deps';
import { linkGoogleIdentity } from './identities';
import { type PendingAction, STEP_TTL_MS, saveState, useUpState } from './link-states';
import { type ApprovalRequest, requestMoveApproval } from './move';
import type { Refusal } from './refusals';
import { newSecret } from './secrets';

// The LINE side of linking, through LINE's own account-link dialog. The chat asked LINE for a
// link token for the LINE account that typed `link google`; once the browser has signed in with
// Google, the server stores a single-use nonce bound to that Google account and the pending
// action, and sends the browser to LINE's dialog with the token and the nonce. LINE checks that
// the LINE user in that browser is the one the token was issued for and sends an `accountLink`
// event. Only that event, with `ok`, the nonce, and the same LINE user, commits anything: a
// forwarded link, or a link opened in someone else's LINE app, ends in `failed`.

/**
 * Stores the nonce (256 random bits, only its SHA-256 kept) for the pending action and returns
 * the dialog's URL.
 */
export async function lineDialogUrl(
  deps: AccountsDeps,
  pending: {
    userId: string;
    lineUserId: string;
    lineLinkToken: string;
    language: Language;
    action: PendingAction;
  },
): Promise<string> {
  const nonce = newSecret();
  await withActor(deps.database.db, { userId: null }, ({ tx }) =>
    saveState(tx, {
      secret: nonce,
      userId: pending.userId,
      // LINE's link token lives 10 minutes; the nonce need not outlive it.
      expiresAt: new Date(deps.clock().getTime() + STEP_TTL_MS),
      data: {
        kind: 'lineNonce',
        lineUserId: pending.lineUserId,
        language: pending.language,
        action: pending.action,
      },
    }),
  );
  const url = new URL('/dialog/bot/accountLink', `${deps.config.line.accessBaseUrl}/`);
  url.searchParams.set('linkToken', pending.lineLinkToken);
  url.searchParams.set('nonce', nonce);
  return url.toString();
}

export type LineLinkOutcome =
  /** The nonce is unknown, used or expired: nothing happens. */
  | { kind: 'unknown' }
  /**
   * LINE said `failed` (or `ok` for another LINE user than the token's): the link was opened in
   * someone else's LINE app. `intendedLineUserId` is who asked for it.
   */
  | { kind: 'failed'; intendedLineUserId: string; language: Language }
  | { kind: 'linked'; email: string; language: Language }
  | { kind: 'already'; email: string; language: Language }
  | { kind: 'refused'; reason: Refusal; language: Language }
  /** A move onto another account now waits for that account to allow it in its chat. */
  | {
      kind: 'approvalRequested';
      request: Extract<ApprovalRequest, { kind: 'requested' }>;
      email: string;
      language: Language;
    };

/**
 * Commits what the nonce was stored for, when LINE's `accountLink` event says `ok` for the
 * LINE user the link token was issued for. The nonce is used up whatever the result.
 */
export async function completeLineLink(
  deps: AccountsDeps,
  event: { lineUserId: string | null; nonce: string | undefined; result: string | undefined },
): Promise<LineLinkOutcome> {
  const db = deps.database.db;
  const used = await withActor(db, { userId: null }, ({ tx }) =>
    useUpState(tx, event.nonce, 'lineNonce', deps.clock()),
  );
  if (!used) return { kind: 'unknown' };
  const { lineUserId, language, action } = used.data;
  if (event.result !== 'ok' || event.lineUserId !== lineUserId) {
    return { kind: 'failed', intendedLineUserId: lineUserId, language };
  }
  // The LINE account must still belong to the user the link was made for.
  const line = await withActor(db, { userId: null }, ({ tx }) =>
    store.findIdentity(tx, 'line', lineUserId),
  );
  if (line?.userId !== used.userId) return { kind: 'refused', reason: 'moveStale', language };

  if (action.type === 'link') {
    const outcome = await linkGoogleIdentity(deps, used.userId, {
      sub: action.googleSub,
      email: action.email,
      name: action.name,
      picture: action.picture,
    });
    switch (outcome.kind) {
      case 'linked':
      case 'already':
        return { kind: outcome.kind, email: action.email, language };
      case 'other':
        // Someone linked this Google account in the meantime: no move without its own offer.
        return { kind: 'refused', reason: 'moveStale', language };
      case 'refused':
        return { kind: 'refused', reason: outcome.reason, language };
    }
  }
  const request = await requestMoveApproval(deps, {
    fromUserId: used.userId,
    lineUserId,
    targetUserId: action.targetUserId,
    googleSub: action.googleSub,
    email: action.email,
    language,
  });
  if (request.kind === 'stale') return { kind: 'refused', reason: 'moveStale', language };
  if (request.kind === 'noApprover') return { kind: 'refused', reason: 'noApprover', language };
  return { kind: 'approvalRequested', request, email: action.email, language };
}

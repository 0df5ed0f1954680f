import { withActor } from '../db/actor';
import { findUser } from '../store/users';
import type { AccountsDeps } from './deps';
import type { GoogleAccount, GoogleSignInClient } from './google-client';
import {
  type SignInSession,
  STEP_TTL_MS,
  saveState,
  type UsedState,
  useUpState,
  whyUnusable,
} from './link-states';
import { isRefused, type Refused, refuse } from './refusals';
import { newSecret, sameSecret } from './secrets';

// The Google sign-in steps, server side. Beginning uses the one-time link up and opens a
// session (state, nonce, PKCE verifier) that only the browser's cookie names; finishing uses
// the session up and checks Google's answer against it.

/**
 * Uses the link up and opens a sign-in session. `sessionId` goes into the browser's cookie,
 * `authUrl` is where the browser goes next.
 */
export async function beginGoogleSignIn(
  deps: AccountsDeps,
  google: GoogleSignInClient,
  token: string | undefined,
): Promise<{ sessionId: string; authUrl: string } | Refused> {
  const state = newSecret();
  const nonce = newSecret();
  const sessionId = newSecret();
  const { codeVerifier, codeChallenge } = await google.newCodeVerifier();
  const db = deps.database.db;
  // One transaction: if the session cannot be stored, the link is not burnt either.
  const started = await withActor(db, { userId: null }, async ({ tx }) => {
    const now = deps.clock();
    const link = await useUpState(tx, token, 'link', now);
    if (!link) return null;
    const { lineUserId, lineLinkToken, language } = link.data;
    const user = await findUser(tx, link.userId);
    if (!user?.active) return refuse('accountInactive', language);
    const session: SignInSession = {
      kind: 'session',
      state,
      nonce,
      codeVerifier,
      lineUserId,
      lineLinkToken,
      language,
    };
    await saveState(tx, {
      secret: sessionId,
      userId: link.userId,
      expiresAt: new Date(now.getTime() + STEP_TTL_MS),
      data: session,
    });
    return { started: true };
  });
  if (!started) {
    const { reason, language } = await withActor(db, { userId: null }, ({ tx }) =>
      whyUnusable(tx, token, 'link', deps.clock()),
    );
    return refuse(reason ?? 'linkUsed', language); // no reason: another request won the race
  }
  if (isRefused(started)) return started;
  return { sessionId, authUrl: google.authorizationUrl({ state, nonce, codeChallenge }) };
}

/** What Google's redirect back brought, as the callback received it. */
export interface GoogleAnswer {
  /** The session named by the browser's cookie. */
  sessionId: string | undefined;
  code?: string | undefined;
  state?: string | undefined;
  error?: string | undefined;
}

export interface SignedIn {
  /** The used-up session: whose link it was, which LINE account asked, in which language. */
  session: UsedState<'session'>;
  account: GoogleAccount;
}

/**
 * Uses the session up, whatever happens next (an answer is single use), then checks that the
 * answer belongs to it: no error from Google, a code, the state it was sent with, and an ID
 * token that passes every check.
 */
export async function finishGoogleSignIn(
  deps: AccountsDeps,
  google: GoogleSignInClient,
  answer: GoogleAnswer,
): Promise<SignedIn | Refused> {
  const db = deps.database.db;
  const session = await withActor(db, { userId: null }, ({ tx }) =>
    useUpState(tx, answer.sessionId, 'session', deps.clock()),
  );
  const language = session?.data.language ?? null;

  if (answer.error) {
    if (answer.error === 'access_denied') return refuse('cancelled', language);
    // Shown on the page, so only something that looks like one of Google's error codes.
    const code = /^[a-z_]{1,64}$/.test(answer.error) ? answer.error : undefined;
    return { ...refuse('googleError', language), ...(code ? { googleCode: code } : {}) };
  }
  if (!session) {
    const { reason, language: known } = await withActor(db, { userId: null }, ({ tx }) =>
      whyUnusable(tx, answer.sessionId, 'session', deps.clock()),
    );
    return refuse(reason ?? 'sessionExpired', known);
  }
  const { data } = session;
  if (!answer.code) return refuse('codeMissing', data.language);
  if (!answer.state || !sameSecret(answer.state, data.state)) {
    return refuse('stateMismatch', data.language);
  }
  const account = await google.verifiedAccount(answer.code, data);
  if (typeof account === 'string') return refuse(account, data.language);
  return { session, account };
}

// The pages under /link/google: small handlers that read the request, call the accounts
// module, and render a page. The chat hands out a one-time link; its page explains, starts
// Google sign-in, and the callback binds the Google identity (or offers to move this LINE
// account onto the Home Log user that already owns the Google account).
//
// Nothing secret is logged: not the link token, the session id, state, nonce, code, tokens or
// cookies.

import type { Context } from 'hono';
import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { getCookie } from 'hono/cookie';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { GoogleSignInClient } from '../accounts/google-client';
import { linkGoogleIdentity } from '../accounts/identities';
import { inspectLink } from '../accounts/link-request';
import { STEP_TTL_MS } from '../accounts/link-states';
import { moveLineAccount, offerMove, takeMoveOffer } from '../accounts/move';
import { isRefused, type Refusal, type Refused, refuse } from '../accounts/refusals';
import { beginGoogleSignIn, finishGoogleSignIn } from '../accounts/sign-in';
import type { Deps } from '../deps';
import { messagePage, recoveryPage, refusalPage, startPage, TEXTS } from './html';

// ---------------------------------------------------------------------------------------------
// Cookie and headers

const LOOPBACK = new Set(['localhost', '127.0.0.1']);

/**
 * The cookie that binds a linking session to the browser. `__Host-` + Secure on https; browsers
 * refuse both over plain http, so a local trial on http://localhost gets a plain name.
 */
export function linkCookie(publicBaseUrl: string): { name: string; secure: boolean } {
  const url = new URL(publicBaseUrl);
  const secure = !(url.protocol === 'http:' && LOOPBACK.has(url.hostname));
  return secure ? { name: '__Host-hl_link', secure } : { name: 'hl_link', secure };
}

/** A Set-Cookie value. Lax, not Strict: Google's redirect back is a cross-site top-level GET. */
export function serializeLinkCookie(
  publicBaseUrl: string,
  value: string,
  maxAgeSeconds: number,
): string {
  const { name, secure } = linkCookie(publicBaseUrl);
  const attributes = [`Max-Age=${maxAgeSeconds}`, 'Path=/', 'HttpOnly', 'SameSite=Lax'];
  if (secure) attributes.push('Secure');
  return [`${name}=${value}`, ...attributes].join('; ');
}

/** Headers of every linking page. form-action must allow the redirect to Google's origin. */
export function securityHeaders(authUrl: string | null): Record<string, string> {
  const formAction = authUrl ? `'self' ${new URL(authUrl).origin}` : `'self'`;
  return {
    'Strict-Transport-Security': 'max-age=63072000; includeSubDomains',
    'Content-Security-Policy': `default-src 'none'; style-src 'unsafe-inline'; form-action ${formAction}; frame-ancestors 'none'; base-uri 'none'`,
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
    'Cache-Control': 'no-store',
  };
}

const STATUS: Record<Refusal, ContentfulStatusCode> = {
  linkUnknown: 400,
  linkUsed: 410,
  linkExpired: 410,
  sessionMissing: 400,
  sessionExpired: 410,
  cancelled: 400,
  googleError: 400,
  codeMissing: 400,
  stateMismatch: 400,
  exchangeFailed: 400,
  tokenInvalid: 400,
  emailUnverified: 400,
  otherGoogleLinked: 409,
  accountInactive: 410,
  moveInvalid: 410,
  moveStale: 409,
  disabled: 404,
  error: 500,
};

const refusal = (c: Context, r: Refused) =>
  c.html(refusalPage(r.language, r.refused, r.googleCode), STATUS[r.refused]);

// ---------------------------------------------------------------------------------------------
// Routes

/** The pages under /link/google. */
export function googleLinkRoutes(deps: Deps): Hono {
  const app = new Hono();
  const { config } = deps;
  const log = deps.logger.child({ component: 'google-link' });
  const headers = securityHeaders(config.google?.authUrl ?? null);

  app.use('*', async (c, next) => {
    await next();
    for (const [name, value] of Object.entries(headers)) c.res.headers.set(name, value);
  });
  app.onError((error, c) => {
    // Only the error's name: driver messages can quote query parameters (state, verifier).
    log.error({ error: error.name, path: c.req.path }, 'google link page failed');
    return c.html(refusalPage(null, 'error'), 500);
  });
  // The forms carry a token or two; nothing bigger needs parsing.
  app.use(
    '*',
    bodyLimit({ maxSize: 4096, onError: (c) => c.html(refusalPage(null, 'error'), 413) }),
  );

  if (!config.google) {
    app.all('*', (c) => refusal(c, refuse('disabled')));
    return app;
  }
  const google = new GoogleSignInClient(config.google, config.publicBaseUrl, log);
  const cookie = linkCookie(config.publicBaseUrl);
  const setCookie = (c: Context, value: string) =>
    c.header('Set-Cookie', serializeLinkCookie(config.publicBaseUrl, value, STEP_TTL_MS / 1000));
  const clearCookie = (c: Context) =>
    c.header('Set-Cookie', serializeLinkCookie(config.publicBaseUrl, '', 0));
  const pushText = (to: string, text: string, retryKey: string) =>
    deps.runInBackground(() => deps.line.push(to, [{ type: 'text', text }], retryKey));

  // 1. The explanation page. GET must not use the link up: link previewers fetch URLs.
  app.get('/start', async (c) => {
    const token = c.req.query('t') ?? '';
    const link = await inspectLink(deps, token);
    if (isRefused(link)) return refusal(c, link);
    return c.html(startPage(link.language, { accountName: link.accountName, token }));
  });

  // 2. "Continue with Google": use the link up, open a sign-in session, go to Google.
  app.post('/begin', async (c) => {
    const form = await c.req.parseBody();
    const token = typeof form.t === 'string' ? form.t : undefined;
    const begun = await beginGoogleSignIn(deps, google, token);
    if (isRefused(begun)) return refusal(c, begun);
    setCookie(c, begun.sessionId);
    return c.redirect(begun.authUrl, 303);
  });

  // 3. Google's answer.
  app.get('/callback', async (c) => {
    const sessionId = getCookie(c, cookie.name);
    clearCookie(c); // single use, whatever happens next
    const { code, state, error } = c.req.query();
    const signedIn = await finishGoogleSignIn(deps, google, { sessionId, code, state, error });
    if (isRefused(signedIn)) return refusal(c, signedIn);

    const { session, account } = signedIn;
    const { language, lineUserId } = session.data;
    const t = TEXTS[language];
    const outcome = await linkGoogleIdentity(deps, session.userId, account);
    switch (outcome.kind) {
      case 'refused':
        return refusal(c, refuse(outcome.reason, language));
      case 'already':
        return c.html(
          messagePage(language, t.alreadyLinked.title, [t.alreadyLinked.body(account.email)]),
        );
      case 'linked':
        pushText(lineUserId, t.chat.linked(account.email), `link:${session.key}`);
        return c.html(
          messagePage(language, t.linked.title, [t.linked.body(account.email), t.linked.back]),
        );
      case 'other': {
        const offer = await offerMove(deps, signedIn, outcome.ownerId);
        if (isRefused(offer)) return refusal(c, offer);
        setCookie(c, offer.moveId);
        return c.html(recoveryPage(language, offer.view));
      }
    }
  });

  // 4. The answer to the move offer.
  app.post('/move', async (c) => {
    const form = await c.req.parseBody();
    const moveId = getCookie(c, cookie.name);
    clearCookie(c);
    const offer = await takeMoveOffer(deps, { moveId, csrf: form.csrf });
    if (isRefused(offer)) return refusal(c, offer);

    const { language, lineUserId, email, targetUserId, googleSub } = offer.data;
    const t = TEXTS[language];
    if (form.choice !== 'move') {
      return c.html(messagePage(language, t.moveCancelled.title, [t.moveCancelled.body]));
    }
    const moved = await moveLineAccount(deps, {
      fromUserId: offer.userId,
      lineUserId,
      targetUserId,
      googleSub,
    });
    if (!moved) return refusal(c, refuse('moveStale', language));

    const meters = t.meters(moved.meters);
    const name = moved.target.displayName || t.someone;
    pushText(lineUserId, t.chat.moved(name, meters), `link:${offer.key}`);
    // The account's other LINE accounts hear about it: a move they did not make is visible.
    for (const other of moved.notify) {
      const notice = TEXTS[moved.target.language].chat.joined(email);
      pushText(other.lineUserId, notice, `link:${offer.key}:${other.identityId}`);
    }
    return c.html(messagePage(language, t.moved.title, [t.moved.body(name, meters)]));
  });

  return app;
}

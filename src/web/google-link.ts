// The pages under /link/google: small handlers that read the request, call the accounts
// module, and render a page. The chat hands out a one-time link; its page explains, starts
// Google sign-in, and the callback sends the browser through LINE's account-link dialog to bind
// the Google identity (or first offers to move this LINE account onto the Home Log user that
// already owns the Google account). Nothing is committed here: LINE's `accountLink` event does
// that, in the chat. Every form post must come from our own pages (Origin or Sec-Fetch-Site)
// and carry its form's token; otherwise 403 and nothing changes.
//
// Nothing secret is logged: not the link token, the session id, state, nonce, code, tokens or
// cookies.

import { createHmac } from 'node:crypto';
import type { Context } from 'hono';
import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { getCookie } from 'hono/cookie';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { GoogleSignInClient } from '../accounts/google-client';
import { previewGoogleLink } from '../accounts/identities';
import { lineDialogUrl } from '../accounts/line-link';
import { inspectLink } from '../accounts/link-request';
import { STEP_TTL_MS } from '../accounts/link-states';
import { offerMove, takeMoveOffer } from '../accounts/move';
import { isRefused, type Refusal, type Refused, refuse } from '../accounts/refusals';
import { newSecret, sameSecret } from '../accounts/secrets';
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

/**
 * The cookie the start page's form token is bound to. Strict: it is only ever needed by a post
 * from our own page, so a cross-site post never carries it.
 */
export function formCookie(publicBaseUrl: string): { name: string; secure: boolean } {
  const { secure } = linkCookie(publicBaseUrl);
  return secure ? { name: '__Host-hl_form', secure } : { name: 'hl_form', secure };
}

const FORM_COOKIE_SECONDS = 60 * 60;

function serializeFormCookie(publicBaseUrl: string, value: string): string {
  const { name, secure } = formCookie(publicBaseUrl);
  const attributes = [`Max-Age=${FORM_COOKIE_SECONDS}`, 'Path=/', 'HttpOnly', 'SameSite=Strict'];
  if (secure) attributes.push('Secure');
  return [`${name}=${value}`, ...attributes].join('; ');
}

/**
 * The start form's token: an HMAC of the browser's form cookie and the link, so a page fetched
 * by someone else (with their own cookie) yields a token useless in this browser.
 */
export function beginFormToken(appSecret: string, cookie: string, link: string): string {
  return createHmac('sha256', appSecret).update(`begin\n${cookie}\n${link}`).digest('base64url');
}

/**
 * A form post from one of our own pages: Sec-Fetch-Site says so when the browser sends it
 * (our pages send `Origin: null`, as their referrer policy is no-referrer); otherwise the
 * Origin must be ours. Neither header: not a browser form of ours.
 */
export function fromOwnPage(
  headers: { secFetchSite: string | undefined; origin: string | undefined },
  publicBaseUrl: string,
): boolean {
  if (headers.secFetchSite !== undefined) return headers.secFetchSite === 'same-origin';
  return headers.origin === new URL(publicBaseUrl).origin;
}

/**
 * Headers of every linking page. form-action must allow the redirects that follow a form:
 * to Google's sign-in and to LINE's account-link dialog.
 */
export function securityHeaders(
  authUrl: string | null,
  dialogBaseUrl: string | null = null,
): Record<string, string> {
  const origins = [authUrl, dialogBaseUrl].flatMap((url) => (url ? [new URL(url).origin] : []));
  const formAction = ["'self'", ...origins].join(' ');
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
  noApprover: 409,
  forbidden: 403,
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
  const headers = securityHeaders(
    config.google?.authUrl ?? null,
    config.google ? config.line.accessBaseUrl : null,
  );

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

  // A post from another site is refused before its body is read or anything is looked up.
  app.use('*', async (c, next) => {
    if (c.req.method !== 'POST') return next();
    const own = fromOwnPage(
      { secFetchSite: c.req.header('sec-fetch-site'), origin: c.req.header('origin') },
      config.publicBaseUrl,
    );
    if (own) return next();
    log.warn({ path: c.req.path }, 'form post from another site refused');
    return refusal(c, refuse('forbidden'));
  });

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
  const forms = formCookie(config.publicBaseUrl);

  // 1. The explanation page. GET must not use the link up: link previewers fetch URLs.
  app.get('/start', async (c) => {
    const token = c.req.query('t') ?? '';
    const link = await inspectLink(deps, token);
    if (isRefused(link)) return refusal(c, link);
    let cookie = getCookie(c, forms.name);
    if (cookie?.length !== 43) {
      cookie = newSecret();
      c.header('Set-Cookie', serializeFormCookie(config.publicBaseUrl, cookie));
    }
    const formToken = beginFormToken(config.appSecret, cookie, token);
    return c.html(startPage(link.language, { accountName: link.accountName, token, formToken }));
  });

  // 2. "Continue with Google": use the link up, open a sign-in session, go to Google.
  app.post('/begin', async (c) => {
    const form = await c.req.parseBody();
    const token = typeof form.t === 'string' ? form.t : undefined;
    const cookie = getCookie(c, forms.name);
    const expected = cookie && token ? beginFormToken(config.appSecret, cookie, token) : null;
    if (!expected || typeof form.form !== 'string' || !sameSecret(form.form, expected)) {
      log.warn({ path: c.req.path }, 'form post without its form token refused');
      return refusal(c, refuse('forbidden'));
    }
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
    const { language, lineUserId, lineLinkToken } = session.data;
    const t = TEXTS[language];
    const outcome = await previewGoogleLink(deps, session.userId, account);
    switch (outcome.kind) {
      case 'refused':
        return refusal(c, refuse(outcome.reason, language));
      case 'already':
        return c.html(
          messagePage(language, t.alreadyLinked.title, [t.alreadyLinked.body(account.email)]),
        );
      case 'linked': {
        // Bindable: LINE's dialog now proves which LINE account finishes this, and its event
        // binds the Google account in the chat.
        const dialog = await lineDialogUrl(deps, {
          userId: session.userId,
          lineUserId,
          lineLinkToken,
          language,
          action: {
            type: 'link',
            googleSub: account.sub,
            email: account.email,
            name: account.name,
            picture: account.picture,
          },
        });
        return c.redirect(dialog, 303);
      }
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

    const { language, lineUserId, lineLinkToken, email, targetUserId, googleSub } = offer.data;
    const t = TEXTS[language];
    if (form.choice !== 'move') {
      return c.html(messagePage(language, t.moveCancelled.title, [t.moveCancelled.body]));
    }
    // LINE's dialog proves which LINE account asks; the target account then allows it in chat.
    const dialog = await lineDialogUrl(deps, {
      userId: offer.userId,
      lineUserId,
      lineLinkToken,
      language,
      action: { type: 'move', targetUserId, googleSub, email },
    });
    return c.redirect(dialog, 303);
  });

  return app;
}

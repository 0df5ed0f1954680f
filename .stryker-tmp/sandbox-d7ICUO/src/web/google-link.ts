// @ts-nocheck
// Linking a Google account to a Home Log user (DESIGN §6). The chat hands out a one-time link;
// this page explains, starts Google sign-in (authorization code + PKCE, state and nonce kept
// server-side and bound to the browser by a cookie), verifies the ID token, and stores the
// Google identity. If the Google account already belongs to another Home Log user, it offers
// to move this LINE account onto that user ("I changed phones, give me my meters back").
//
// Nothing secret is logged: not the link token, the session id, state, nonce, code, tokens or
// cookies. Only SHA-256 hashes of tokens are stored; Google tokens are never stored.

import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { CodeChallengeMethod, OAuth2Client, type TokenPayload } from 'google-auth-library';
import { type Context, Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { getCookie } from 'hono/cookie';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { Config } from '../config';
import { withActor } from '../db/actor';
import type { Deps } from '../deps';
import * as store from '../store/identities';
import {
  type Lang,
  messagePage,
  type Refusal,
  recoveryPage,
  refusalPage,
  startPage,
  TEXTS,
} from './html';

const LINK_TTL_MS = 10 * 60_000;
const SESSION_TTL_MS = 10 * 60_000;
// Old states are kept a day so that a late click still gets "expired" rather than "unknown".
const FORGET_AFTER_MS = 24 * 60 * 60_000;
// Our tokens are 43 characters; anything much longer is not one of ours.
const MAX_TOKEN_LENGTH = 128;

/** The one-time link the chat hands out. */
interface LinkData {
  kind: 'link';
  lineUserId: string;
  language: Lang;
}

/** Between "Continue with Google" and Google's answer. */
interface SessionData {
  kind: 'session';
  state: string;
  nonce: string;
  codeVerifier: string;
  lineUserId: string;
  language: Lang;
}

/** The offer to move this LINE account onto the Home Log user that owns the Google account. */
interface MoveData {
  kind: 'move';
  csrf: string;
  targetUserId: string;
  googleSub: string;
  email: string;
  lineUserId: string;
  language: Lang;
}

interface GoogleAccount {
  sub: string;
  email: string;
  name: string | null;
  picture: string | null;
}

// ---------------------------------------------------------------------------------------------
// Library API for the chat (`link google`, `unlink google`, `whoami`)

/**
 * Creates a one-time link (256-bit random token, only its SHA-256 stored) valid for 10 minutes,
 * or says linking is off when no Google client is configured.
 */
export async function startGoogleLink(
  deps: Deps,
  user: { id: string; language: Lang },
  lineUserId: string,
): Promise<{ url: string; expiresAt: Date } | { disabled: true }> {
  if (!deps.config.google) return { disabled: true };
  const token = newSecret();
  const now = deps.clock();
  const expiresAt = new Date(now.getTime() + LINK_TTL_MS);
  const data: LinkData = { kind: 'link', lineUserId, language: user.language };
  await withActor(deps.database.db, { userId: user.id }, async ({ tx }) => {
    await store.deleteExpiredLinkStates(tx, user.id, new Date(now.getTime() - FORGET_AFTER_MS));
    await store.insertLinkState(tx, {
      tokenHash: hashSecret(token),
      userId: user.id,
      expiresAt,
      data,
    });
  });
  return { url: `${deps.config.publicBaseUrl}/link/google/start?t=${token}`, expiresAt };
}

/** Removes the user's Google identity (audited); `removed` is its email, null if none. */
export async function unlinkGoogle(
  deps: Deps,
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

/** The ways this user can prove who they are, oldest first (for `whoami`). */
export async function linkedAccounts(
  deps: Deps,
  userId: string,
): Promise<
  {
    provider: 'line' | 'google';
    email: string | null;
    displayName: string | null;
    linkedAt: Date;
  }[]
> {
  return withActor(deps.database.db, { userId }, async ({ tx }) =>
    (await store.identitiesOf(tx, userId)).map((identity) => ({
      provider: identity.provider,
      email: identity.email,
      displayName: identity.displayName,
      linkedAt: identity.createdAt,
    })),
  );
}

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

// ---------------------------------------------------------------------------------------------
// Routes

/** The pages under /link/google. */
export function googleLinkRoutes(deps: Deps): Hono {
  const app = new Hono();
  const { config } = deps;
  const db = deps.database.db;
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

  const refuse = (c: Context, lang: Lang | null, reason: Refusal, googleCode?: string) =>
    c.html(refusalPage(lang, reason, googleCode), STATUS[reason]);
  // The forms carry a token or two; nothing bigger needs parsing.
  app.use(
    '*',
    bodyLimit({ maxSize: 4096, onError: (c) => c.html(refusalPage(null, 'error'), 413) }),
  );

  const google = config.google;
  if (!google) {
    app.all('*', (c) => refuse(c, null, 'disabled'));
    return app;
  }
  const client = createOAuthClient(config, google);
  const cookie = linkCookie(config.publicBaseUrl);
  const setCookie = (c: Context, value: string) =>
    c.header('Set-Cookie', serializeLinkCookie(config.publicBaseUrl, value, SESSION_TTL_MS / 1000));
  const clearCookie = (c: Context) =>
    c.header('Set-Cookie', serializeLinkCookie(config.publicBaseUrl, '', 0));
  const pushText = (to: string, text: string, retryKey: string) =>
    deps.runInBackground(() => deps.line.push(to, [{ type: 'text', text }], retryKey));

  /** Uses up a state of the given kind; undefined if unknown, used, expired or malformed. */
  const consume = (secret: string | undefined, kind: string) =>
    isPlausibleSecret(secret)
      ? withActor(db, { userId: null }, ({ tx }) =>
          store.consumeLinkState(tx, hashSecret(secret), kind, deps.clock()),
        )
      : Promise.resolve(undefined);

  /** Why a link or session cannot be used (or null if it can), and the person's language. */
  async function problemWith(
    secret: string | undefined,
    kind: 'link' | 'session',
  ): Promise<{ reason: Refusal | null; lang: Lang | null; userId?: string }> {
    const unknown = kind === 'link' ? 'linkUnknown' : 'sessionMissing';
    if (!isPlausibleSecret(secret)) return { reason: unknown, lang: null };
    const row = await withActor(db, { userId: null }, ({ tx }) =>
      store.findLinkState(tx, hashSecret(secret)),
    );
    const data = row?.data as Partial<LinkData | SessionData> | undefined;
    if (!row || data?.kind !== kind) return { reason: unknown, lang: null };
    const lang = data.language ?? null;
    if (row.usedAt) return { reason: kind === 'link' ? 'linkUsed' : 'sessionExpired', lang };
    if (row.expiresAt <= deps.clock()) {
      return { reason: kind === 'link' ? 'linkExpired' : 'sessionExpired', lang };
    }
    return { reason: null, lang, userId: row.userId };
  }

  // 1. The explanation page. GET must not use the link up: link previewers fetch URLs.
  app.get('/start', async (c) => {
    const token = c.req.query('t');
    const { reason, lang, userId } = await problemWith(token, 'link');
    if (reason || !lang || !userId || !token) return refuse(c, lang, reason ?? 'linkUnknown');
    const user = await withActor(db, { userId: null }, ({ tx }) => store.findUser(tx, userId));
    if (!user?.active) return refuse(c, lang, 'accountInactive');
    return c.html(startPage(lang, { accountName: user.displayName, token }));
  });

  // 2. "Continue with Google": use the link up, remember state/nonce/verifier, go to Google.
  app.post('/begin', async (c) => {
    const form = await c.req.parseBody();
    const token = typeof form.t === 'string' ? form.t : undefined;
    const state = newSecret();
    const nonce = newSecret();
    const sessionId = newSecret();
    const { codeVerifier, codeChallenge } = await client.generateCodeVerifierAsync();
    // One transaction: if the session cannot be stored, the link is not burnt either.
    const started = await withActor(db, { userId: null }, async ({ tx }) => {
      if (!isPlausibleSecret(token)) return null;
      const now = deps.clock();
      const link = await store.consumeLinkState(tx, hashSecret(token), 'link', now);
      if (!link) return null;
      const data = link.data as LinkData;
      const user = await store.findUser(tx, link.userId);
      if (!user?.active) return { refused: 'accountInactive' as const, lang: data.language };
      const session: SessionData = {
        kind: 'session',
        state,
        nonce,
        codeVerifier,
        lineUserId: data.lineUserId,
        language: data.language,
      };
      await store.insertLinkState(tx, {
        tokenHash: hashSecret(sessionId),
        userId: link.userId,
        expiresAt: new Date(now.getTime() + SESSION_TTL_MS),
        data: session,
      });
      return { refused: null, lang: data.language };
    });
    if (!started) {
      const { reason, lang } = await problemWith(token, 'link');
      return refuse(c, lang, reason ?? 'linkUsed'); // no reason: another request won the race
    }
    if (started.refused) return refuse(c, started.lang, started.refused);
    setCookie(c, sessionId);
    const url = client.generateAuthUrl({
      scope: ['openid', 'email'],
      state,
      nonce,
      code_challenge: codeChallenge,
      code_challenge_method: CodeChallengeMethod.S256,
      prompt: 'select_account',
    });
    return c.redirect(url, 303);
  });

  // 3. Google's answer.
  app.get('/callback', async (c) => {
    const query = c.req.query();
    const sessionId = getCookie(c, cookie.name);
    clearCookie(c); // single use, whatever happens next
    const session = await consume(sessionId, 'session');
    const data = session?.data as SessionData | undefined;
    const lang = data?.language ?? null;

    if (query.error) {
      const code = /^[a-z_]{1,64}$/.test(query.error) ? query.error : undefined;
      return query.error === 'access_denied'
        ? refuse(c, lang, 'cancelled')
        : refuse(c, lang, 'googleError', code);
    }
    if (!session || !data) {
      const { reason, lang: known } = await problemWith(sessionId, 'session');
      return refuse(c, known, reason ?? 'sessionExpired');
    }
    if (!query.code) return refuse(c, lang, 'codeMissing');
    if (!query.state || !sameSecret(query.state, data.state)) {
      return refuse(c, data.language, 'stateMismatch');
    }
    const account = await verifyAnswer(query.code, data);
    if (typeof account === 'string') return refuse(c, data.language, account);

    const outcome = await linkIdentity(session.userId, account);
    const t = TEXTS[data.language];
    switch (outcome.kind) {
      case 'refused':
        return refuse(c, data.language, outcome.reason);
      case 'already':
        return c.html(
          messagePage(data.language, t.alreadyLinked.title, [t.alreadyLinked.body(account.email)]),
        );
      case 'linked':
        pushText(data.lineUserId, t.chat.linked(account.email), `link:${session.tokenHash}`);
        return c.html(
          messagePage(data.language, t.linked.title, [t.linked.body(account.email), t.linked.back]),
        );
      case 'other':
        return offerMove(c, session.userId, data, account, outcome.ownerId);
    }
  });

  // 4. The answer to the move offer.
  app.post('/move', async (c) => {
    const form = await c.req.parseBody();
    const moveId = getCookie(c, cookie.name);
    clearCookie(c);
    const offer = await consume(moveId, 'move');
    if (!offer) return refuse(c, null, 'moveInvalid');
    const data = offer.data as MoveData;
    if (typeof form.csrf !== 'string' || !sameSecret(form.csrf, data.csrf)) {
      return refuse(c, data.language, 'stateMismatch');
    }
    const t = TEXTS[data.language];
    if (form.choice !== 'move') {
      return c.html(messagePage(data.language, t.moveCancelled.title, [t.moveCancelled.body]));
    }
    const moved = await moveLineAccount(offer.userId, data);
    if (!moved) return refuse(c, data.language, 'moveStale');

    const meters = t.meters(moved.meters);
    const name = moved.target.displayName || t.someone;
    pushText(data.lineUserId, t.chat.moved(name, meters), `link:${offer.tokenHash}`);
    // The account's other LINE accounts hear about it: a move they did not make is visible.
    for (const other of moved.notify) {
      const notice = TEXTS[moved.target.language].chat.joined(data.email);
      pushText(other.providerUserId, notice, `link:${offer.tokenHash}:${other.id}`);
    }
    return c.html(messagePage(data.language, t.moved.title, [t.moved.body(name, meters)]));
  });

  /** Exchanges the code and checks the ID token; a refusal reason when anything is off. */
  async function verifyAnswer(
    code: string,
    session: SessionData,
  ): Promise<GoogleAccount | Refusal> {
    let idToken: string | null | undefined;
    try {
      const { tokens } = await client.getToken({ code, codeVerifier: session.codeVerifier });
      idToken = tokens.id_token;
    } catch (error) {
      log.warn({ status: httpStatusOf(error) }, 'Google token exchange failed');
      return 'exchangeFailed';
    }
    if (!idToken) return 'exchangeFailed';
    let payload: TokenPayload | undefined;
    try {
      // Signature, audience, issuer and expiry. The library does not check the nonce: we do.
      const ticket = await client.verifyIdToken({ idToken, audience: google?.clientId });
      payload = ticket.getPayload();
    } catch (error) {
      log.warn({ reason: rejectionReason(error) }, 'Google ID token rejected');
      return 'tokenInvalid';
    }
    if (!payload?.sub) return 'tokenInvalid';
    if (typeof payload.nonce !== 'string' || !sameSecret(payload.nonce, session.nonce)) {
      log.warn({ reason: 'nonce' }, 'Google ID token rejected');
      return 'tokenInvalid';
    }
    if (payload.email_verified !== true || !payload.email) return 'emailUnverified';
    return {
      sub: payload.sub,
      email: payload.email,
      name: payload.name ?? null,
      picture: payload.picture ?? null,
    };
  }

  type LinkOutcome =
    | { kind: 'linked' | 'already' }
    | { kind: 'other'; ownerId: string }
    | { kind: 'refused'; reason: Refusal };

  /** Stores the Google identity for the user, unless it (or another Google account) is taken. */
  function linkIdentity(userId: string, account: GoogleAccount): Promise<LinkOutcome> {
    return withActor(db, { userId, chatKey: `user:${userId}` }, async ({ tx, audit }) => {
      const user = await store.findUser(tx, userId);
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

  /** The recovery page: the Google account belongs to `ownerId`; offer to move this LINE account. */
  async function offerMove(
    c: Context,
    userId: string,
    session: SessionData,
    account: GoogleAccount,
    ownerId: string,
  ) {
    // Counted as the owner: the person has just proven they hold the owner's Google account.
    const target = await withActor(db, { userId: ownerId }, async ({ tx }) => ({
      user: await store.findUser(tx, ownerId),
      meters: await store.countOwnedMeters(tx, ownerId),
    }));
    const self = await withActor(db, { userId }, async ({ tx }) => ({
      user: await store.findUser(tx, userId),
      meters: await store.countOwnedMeters(tx, userId),
    }));
    if (!target.user || !self.user) return refuse(c, session.language, 'moveStale');

    const moveId = newSecret();
    const csrf = newSecret();
    const offer: MoveData = {
      kind: 'move',
      csrf,
      targetUserId: ownerId,
      googleSub: account.sub,
      email: account.email,
      lineUserId: session.lineUserId,
      language: session.language,
    };
    await withActor(db, { userId: null }, ({ tx }) =>
      store.insertLinkState(tx, {
        tokenHash: hashSecret(moveId),
        userId,
        expiresAt: new Date(deps.clock().getTime() + SESSION_TTL_MS),
        data: offer,
      }),
    );
    setCookie(c, moveId);
    return c.html(
      recoveryPage(session.language, {
        email: account.email,
        targetName: target.user.displayName,
        targetMeters: target.meters,
        lineName: self.user.displayName,
        ownMeters: self.meters,
        csrf,
      }),
    );
  }

  /**
   * Re-points this LINE identity to the owner of the Google account, in one transaction, after
   * checking that nothing changed since the offer. The emptied user is marked inactive; the
   * owner is (re)activated.
   */
  async function moveLineAccount(fromUserId: string, offer: MoveData) {
    const moved = await withActor(
      db,
      { userId: fromUserId, chatKey: `user:${fromUserId}` },
      async ({ tx, audit }) => {
        const google = await store.findIdentity(tx, 'google', offer.googleSub);
        const line = await store.findIdentity(tx, 'line', offer.lineUserId);
        const target = await store.findUser(tx, offer.targetUserId);
        if (google?.userId !== offer.targetUserId || line?.userId !== fromUserId || !target) {
          return null;
        }
        if (!(await store.moveIdentity(tx, line.id, fromUserId, target.id))) return null;
        const emptied = (await store.identitiesOf(tx, fromUserId)).length === 0;
        if (emptied) await store.setUserActive(tx, fromUserId, false);
        if (!target.active) await store.setUserActive(tx, target.id, true);
        audit({
          action: 'identity.move',
          subjectType: 'identity',
          subjectId: line.id,
          before: { userId: fromUserId },
          after: { userId: target.id, previousUserDeactivated: emptied },
        });
        return { target, notify: await store.otherLineIdentities(tx, target.id, offer.lineUserId) };
      },
    );
    if (!moved) return null;
    const meters = await withActor(db, { userId: moved.target.id }, ({ tx }) =>
      store.countOwnedMeters(tx, moved.target.id),
    );
    return { ...moved, meters };
  }

  return app;
}

// ---------------------------------------------------------------------------------------------
// Helpers

function createOAuthClient(config: Config, google: NonNullable<Config['google']>): OAuth2Client {
  // Google's ID tokens name their issuer with or without the scheme; both are Google.
  const issuers =
    google.issuer === 'https://accounts.google.com'
      ? [google.issuer, 'accounts.google.com']
      : [google.issuer];
  return new OAuth2Client({
    clientId: google.clientId,
    clientSecret: google.clientSecret,
    redirectUri: `${config.publicBaseUrl}/link/google/callback`,
    endpoints: {
      oauth2AuthBaseUrl: google.authUrl,
      oauth2TokenUrl: google.tokenUrl,
      oauth2FederatedSignonPemCertsUrl: google.certsUrl,
    },
    issuers,
  });
}

/** 256 random bits, base64url (43 characters). */
const newSecret = (): string => randomBytes(32).toString('base64url');

const hashSecret = (secret: string): string => createHash('sha256').update(secret).digest('hex');

function isPlausibleSecret(secret: string | undefined): secret is string {
  return typeof secret === 'string' && secret.length > 0 && secret.length <= MAX_TOKEN_LENGTH;
}

/** Constant-time comparison; hashing first makes the lengths equal and hides them. */
function sameSecret(a: string, b: string): boolean {
  const digest = (s: string) => createHash('sha256').update(s).digest();
  return timingSafeEqual(digest(a), digest(b));
}

function describeIdentity(identity: store.Identity) {
  return {
    userId: identity.userId,
    provider: identity.provider,
    subject: identity.providerUserId,
    email: identity.email,
  };
}

function httpStatusOf(error: unknown): number | null {
  const status = (error as { response?: { status?: unknown } } | null)?.response?.status;
  return typeof status === 'number' ? status : null;
}

/**
 * The kind of ID token problem ("Wrong recipient", "Invalid issuer", "Token used too late"):
 * the library's messages go on to quote the token or its payload, which must not be logged.
 */
function rejectionReason(error: unknown): string {
  const message = error instanceof Error ? error.message : '';
  return (message.split(/[,:]/)[0] ?? '').slice(0, 60) || 'unknown';
}

import { createHash } from 'node:crypto';
import { asc, eq } from 'drizzle-orm';
import { Hono } from 'hono';
import {
  type Browser,
  type BrowserContext,
  chromium,
  type Page,
  type Response,
} from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { linkedAccounts, unlinkGoogle } from '../../src/accounts/identities';
import { startGoogleLink } from '../../src/accounts/link-request';
import { createApp } from '../../src/app';
import { withActor } from '../../src/db/actor';
import { auditLog, identities, linkStates, sources, users } from '../../src/db/schema';
import { FAKE_LINE_LOGIN_COOKIE, newUserId } from '../../src/dev/fake-line-platform';
import { createLogger } from '../../src/logger';
import {
  googleLinkRoutes,
  linkCookie,
  securityHeaders,
  serializeLinkCookie,
} from '../../src/web/google-link';
import { opened } from '../helpers/audit';
import { browserSuiteTitle, chromiumLaunchOptions, chromiumPath } from '../helpers/browser';
import { type Harness, startHarness } from '../helpers/harness';
import { type FakeGoogle, startFakeGoogle } from '../helpers/oidc';

// The whole linking flow in a real headless Chromium, against the real app on a real database,
// with a local OIDC provider standing in for Google and the fake LINE platform for pushes.

interface TestUser {
  id: string;
  name: string;
  language: 'th' | 'en';
  lineUserId: string;
}

const EXPECTED_HEADERS = (authOrigin: string, dialogOrigin: string) => ({
  'strict-transport-security': 'max-age=63072000; includeSubDomains',
  'content-security-policy': `default-src 'none'; style-src 'unsafe-inline'; form-action 'self' ${authOrigin} ${dialogOrigin}; frame-ancestors 'none'; base-uri 'none'`,
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  'cache-control': 'no-store',
});

describe.skipIf(!chromiumPath)(browserSuiteTitle('linking a Google account'), () => {
  let google: FakeGoogle;
  let harness: Harness;
  let browser: Browser;
  let context: BrowserContext;
  /** Every response of a linking page the browser saw in the current test. */
  let seen: Response[] = [];
  let skewMs = 0;
  let userCount = 0;
  let subjectCount = 0;

  /**
   * One browser profile for the file, its cookies cleared before each test, and one page of the
   * app kept open in it: a new tab then joins that page's renderer process instead of starting
   * one (about 250 ms a tab instead of 600, most of this file's time).
   */
  let keeper: Page;

  beforeAll(async () => {
    google = await startFakeGoogle();
    harness = await startHarness({
      env: google.env,
      clock: () => new Date(Date.now() + skewMs),
    });
    browser = await chromium.launch(chromiumLaunchOptions());
    context = await browser.newContext();
    context.on('response', (response) => {
      if (response.url().startsWith(`${harness.url}/link/google`)) seen.push(response);
    });
    keeper = await context.newPage();
    await keeper.goto(`${harness.url}/healthz`);
  });

  afterAll(async () => {
    await browser?.close();
    await harness?.close();
    await google?.close();
  });

  beforeEach(async () => {
    skewMs = 0;
    google.reset();
    await context.clearCookies();
    seen = [];
  });

  afterEach(async () => {
    // Every linking page the browser saw, redirects included, carried the security headers.
    for (const response of seen) {
      expect(await response.allHeaders(), response.url()).toMatchObject(
        EXPECTED_HEADERS(new URL(google.issuer).origin, harness.platform.url),
      );
    }
    for (const page of context.pages()) if (page !== keeper) await page.close();
  });

  // -------------------------------------------------------------------------------------------
  // Helpers

  async function createUser(language: 'th' | 'en', meters = 0): Promise<TestUser> {
    userCount += 1;
    const name = language === 'th' ? `สมศรี ${userCount}` : `Alice ${userCount}`;
    const lineUserId = newUserId();
    harness.platform.addUser({ userId: lineUserId, displayName: name, language });
    const id = await withActor(harness.database.db, { userId: null }, async ({ tx }) => {
      const [user] = await tx
        .insert(users)
        .values({ displayName: name, language, timezone: 'Asia/Bangkok' })
        .returning({ id: users.id });
      await tx.insert(identities).values({
        userId: user!.id,
        provider: 'line',
        providerUserId: lineUserId,
        displayName: name,
      });
      return user!.id;
    });
    for (let i = 1; i <= meters; i++) {
      await withActor(harness.database.db, { userId: id }, ({ tx }) =>
        tx.insert(sources).values({ ownerId: id, name: `Meter ${i}`, timezone: 'Asia/Bangkok' }),
      );
    }
    return { id, name, language, lineUserId };
  }

  const newSubject = () => `google-sub-${++subjectCount}`;

  async function linkUrl(user: TestUser): Promise<string> {
    const lineLinkToken = await harness.deps.line.issueLinkToken(user.lineUserId);
    const link = await startGoogleLink(harness.deps, user, user.lineUserId, lineLinkToken!);
    // The browser is this user's phone: logged in to LINE as them.
    await context.addCookies([
      { name: FAKE_LINE_LOGIN_COOKIE, value: user.lineUserId, url: harness.platform.url },
    ]);
    if ('disabled' in link) throw new Error('Google linking is off');
    return link.url;
  }

  /** Opens the one-time link in a fresh page. */
  async function open(url: string): Promise<{ page: Page; response: Response }> {
    const page = await context.newPage();
    const response = await page.goto(url);
    if (!response) throw new Error(`no response for ${url}`);
    return { page, response };
  }

  /** Clicks a button and waits for the page it finally lands on (after redirects). */
  async function click(page: Page, button: string, landing: string): Promise<Response> {
    const [response] = await Promise.all([
      page.waitForResponse(
        (r) =>
          new URL(r.url()).pathname === landing &&
          r.request().isNavigationRequest() &&
          (r.status() < 300 || r.status() >= 400),
      ),
      page.getByRole('button', { name: button }).click(),
    ]);
    await page.waitForLoadState('domcontentloaded');
    return response;
  }

  /**
   * Opens the link and presses "Continue with Google"; Google answers at once, and a bindable
   * account goes on through LINE's dialog (landing: the dialog's page).
   */
  async function linkThroughGoogle(user: TestUser, landing = '/link/google/callback') {
    const { page } = await open(await linkUrl(user));
    const button = user.language === 'th' ? 'ดำเนินการต่อด้วย Google' : 'Continue with Google';
    const response = await click(page, button, landing);
    await harness.idle();
    return { page, response, text: await body(page) };
  }

  /** What the chat said to this LINE account (replies and pushes). */
  const chatTo = (lineUserId: string) => harness.platform.textsTo(lineUserId).join('\n');

  /**
   * Starts a sign-in but sends Google's redirect back somewhere harmless, and returns the
   * callback URL it would have used: the test then decides what reaches the callback.
   */
  async function interruptedSignIn(page: Page, button = 'Continue with Google'): Promise<string> {
    let callback = '';
    google.tamperNextRedirect((url) => {
      callback = url.href;
      url.href = `${harness.url}/healthz`;
    });
    await click(page, button, '/healthz');
    expect(callback).toContain('/link/google/callback?');
    return callback;
  }

  const body = async (page: Page) => (await page.locator('body').textContent()) ?? '';

  async function stored() {
    const db = harness.database.db;
    return {
      identities: await db.select().from(identities).orderBy(asc(identities.id)),
      users: await db
        .select({ id: users.id, active: users.active })
        .from(users)
        .orderBy(asc(users.id)),
      audit: await db.select().from(auditLog).orderBy(asc(auditLog.seq)),
    };
  }

  /** Audit rows of an action, personal fields opened; the stored rows hold them sealed. */
  async function auditRows(action: string) {
    const db = harness.database.db;
    const stored = await db.select().from(auditLog).where(eq(auditLog.action, action));
    for (const row of stored) {
      expect(JSON.stringify(row)).not.toMatch(/@example\.com|"subject":"[^{]/);
    }
    return opened(db, stored);
  }
  const lineIdentityId = async (lineUserId: string) =>
    (
      await harness.database.db
        .select({ id: identities.id })
        .from(identities)
        .where(eq(identities.providerUserId, lineUserId))
    )[0]?.id;

  const pushesTo = (lineUserId: string) =>
    harness.platform.pushes.filter((push) => push.to === lineUserId);

  // -------------------------------------------------------------------------------------------
  // Happy path

  it('links a Thai user’s Google account, confirms in chat, lists and unlinks it', async () => {
    const user = await createUser('th');
    const sub = newSubject();
    google.signInAs({ sub, email: 'somsri@example.com', name: 'Somsri' });

    const url = await linkUrl(user);
    expect(url).toMatch(new RegExp(`^${harness.url}/link/google/start\\?t=[A-Za-z0-9_-]{43}$`));
    // Only the SHA-256 of the token is stored.
    const token = new URL(url).searchParams.get('t')!;
    const hash = createHash('sha256').update(token).digest('hex');
    const states = await harness.database.db.select().from(linkStates);
    expect(states.some((s) => s.tokenHash === hash)).toBe(true);
    expect(JSON.stringify(states)).not.toContain(token);

    const { page, response } = await open(url);
    expect(response.status()).toBe(200);
    expect(await page.locator('html').getAttribute('lang')).toBe('th');
    const intro = await body(page);
    expect(intro).toContain('เชื่อมบัญชี Google กับ Home Log');
    expect(intro).toContain(user.name);
    expect(intro).toContain('อีเมล Google และรหัสบัญชี Google');
    expect(intro).toContain('รหัสผ่าน');
    expect(intro).toContain('Gmail');
    expect(intro).toContain('unlink google');
    // No script anywhere: the page works without JavaScript.
    expect(await page.locator('script').count()).toBe(0);
    // Viewing the page does not use the link up (link previewers fetch URLs).
    expect((await open(url)).response.status()).toBe(200);

    const done = await click(page, 'ดำเนินการต่อด้วย Google', '/dialog/bot/accountLink');
    expect(done.status()).toBe(200);
    // The redirects were seen too, so afterEach checks their headers as well.
    expect(seen.map((r) => `${r.status()} ${new URL(r.url()).pathname}`)).toEqual([
      '200 /link/google/start',
      '200 /link/google/start',
      '303 /link/google/begin',
      '303 /link/google/callback',
    ]);
    // The callback sent the browser to LINE's dialog with LINE's token and a fresh nonce.
    const dialog = new URL(done.url());
    expect(dialog.origin).toBe(harness.platform.url);
    expect(dialog.searchParams.get('nonce')).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(harness.platform.accountLinks.at(-1)).toMatchObject({
      browserUserId: user.lineUserId,
      result: 'ok',
      webhookStatus: 200,
    });
    await harness.idle();

    const [identity] = await harness.database.db
      .select()
      .from(identities)
      .where(eq(identities.providerUserId, sub));
    expect(identity).toMatchObject({
      userId: user.id,
      provider: 'google',
      email: 'somsri@example.com',
      displayName: 'Somsri',
    });
    const [audit] = (await auditRows('identity.link')).filter((a) => a.actorId === user.id);
    expect(audit).toMatchObject({
      actorId: user.id,
      chatKey: `user:${user.id}`,
      subjectType: 'identity',
      subjectId: identity!.id,
      before: null,
      after: { provider: 'google', email: 'somsri@example.com', subject: sub, userId: user.id },
    });

    expect(chatTo(user.lineUserId)).toContain('เชื่อมบัญชี Google somsri@example.com กับ Home Log แล้ว');

    const accounts = await linkedAccounts(harness.deps, user.id);
    expect(accounts.map((a) => [a.provider, a.email])).toEqual([
      ['line', null],
      ['google', 'somsri@example.com'],
    ]);
    expect(accounts[1]?.linkedAt).toBeInstanceOf(Date);

    expect(await unlinkGoogle(harness.deps, user.id, `user:${user.id}`)).toEqual({
      removed: 'somsri@example.com',
    });
    const [unlinked] = (await auditRows('identity.unlink')).filter((a) => a.actorId === user.id);
    expect(unlinked).toMatchObject({
      subjectId: identity!.id,
      chatKey: `user:${user.id}`,
      before: { provider: 'google', email: 'somsri@example.com' },
      after: null,
    });
    expect((await linkedAccounts(harness.deps, user.id)).map((a) => a.provider)).toEqual(['line']);
    expect(await unlinkGoogle(harness.deps, user.id, `user:${user.id}`)).toEqual({
      removed: null,
    });
  });

  it('speaks English to an English user and says so when the account is already linked', async () => {
    const user = await createUser('en');
    google.signInAs({ sub: newSubject(), email: 'alice@example.com' });

    const first = await linkThroughGoogle(user, '/dialog/bot/accountLink');
    expect(first.response.status()).toBe(200);
    expect(chatTo(user.lineUserId)).toContain(
      'Your Google account alice@example.com is now linked to Home Log',
    );

    const { page } = await open(await linkUrl(user));
    const intro = await body(page);
    expect(intro).toContain('Home Log will learn your Google email address and your Google');
    expect(intro).toContain('will not see your Google password or your Gmail');
    expect(intro).toContain('unlink google');
    const before = await stored();
    const again = await click(page, 'Continue with Google', '/link/google/callback');
    expect(again.status()).toBe(200);
    expect(await body(page)).toContain('alice@example.com was already linked');
    expect(await stored()).toEqual(before);
  });

  // -------------------------------------------------------------------------------------------
  // Recovery: the Google account belongs to another Home Log user

  async function ownerWithGoogle(sub: string, email: string) {
    const owner = await createUser('en', 2);
    await withActor(harness.database.db, { userId: owner.id }, ({ tx }) =>
      tx.insert(identities).values({
        userId: owner.id,
        provider: 'google',
        providerUserId: sub,
        email,
      }),
    );
    return owner;
  }

  it('moves a new LINE account onto the Home Log account that owns the Google account', async () => {
    const sub = newSubject();
    const owner = await ownerWithGoogle(sub, 'old-phone@example.com');
    const newcomer = await createUser('en');
    google.signInAs({ sub, email: 'old-phone@example.com' });

    const offer = await linkThroughGoogle(newcomer);
    expect(offer.response.status()).toBe(200);
    expect(offer.text).toContain('This Google account already has a Home Log account');
    expect(offer.text).toContain(
      `linked to the Home Log account of ${owner.name}, which has 2 meters`,
    );
    expect(offer.text).toContain(`move this LINE account (${newcomer.name})`);
    expect(offer.text).toContain('must allow the move in its chat');
    const cookie = (await context.cookies(harness.url)).find((c) => c.name === 'hl_link');
    const csrf = await offer.page.locator('input[name=csrf]').getAttribute('value');

    const dialog = await click(offer.page, 'Move this LINE account', '/dialog/bot/accountLink');
    expect(dialog.status()).toBe(200);
    await harness.idle();
    expect(chatTo(newcomer.lineUserId)).toContain('must allow it in its chat');
    // The owner's LINE account is asked, and allows it.
    const request = harness.platform.pushes.filter((p) => p.to === owner.lineUserId).at(-1);
    const template = request?.messages.at(-1) as {
      template?: { actions?: { label: string; data: string }[] };
    };
    const allow = template.template?.actions?.find((a) => a.label === 'Allow');
    expect(allow).toBeDefined();
    await harness.webhook([
      harness.platform.events.postback({ userId: owner.lineUserId, data: allow!.data }),
    ]);
    await harness.idle();

    const [line] = await harness.database.db
      .select()
      .from(identities)
      .where(eq(identities.providerUserId, newcomer.lineUserId));
    expect(line?.userId).toBe(owner.id);
    const [emptied] = await harness.database.db
      .select()
      .from(users)
      .where(eq(users.id, newcomer.id));
    expect(emptied?.active).toBe(false);
    const [audit] = (await auditRows('identity.move')).filter((a) => a.subjectId === line!.id);
    expect(audit).toMatchObject({
      actorId: newcomer.id,
      chatKey: `user:${newcomer.id}`,
      subjectType: 'identity',
      before: { userId: newcomer.id },
      after: { userId: owner.id, approvedBy: await lineIdentityId(owner.lineUserId) },
    });
    expect(chatTo(newcomer.lineUserId)).toContain(
      `This LINE account now uses the Home Log account of ${owner.name} (2 meters)`,
    );
    expect(chatTo(owner.lineUserId)).toContain(
      `Done: the LINE account "${newcomer.name}" now uses your Home Log account`,
    );

    // The confirmation works once.
    const before = await stored();
    const replay = await fetch(`${harness.url}/link/google/move`, {
      method: 'POST',
      headers: { cookie: `${cookie!.name}=${cookie!.value}`, origin: harness.url },
      body: new URLSearchParams({ csrf: csrf!, choice: 'move' }),
    });
    expect(replay.status).toBe(410);
    expect(await replay.text()).toContain('This confirmation is no longer valid');
    expect(await stored()).toEqual(before);
  });

  it('changes nothing when the person cancels the move', async () => {
    const sub = newSubject();
    await ownerWithGoogle(sub, 'keep-apart@example.com');
    const newcomer = await createUser('th');
    google.signInAs({ sub, email: 'keep-apart@example.com' });
    const before = await stored();

    const offer = await linkThroughGoogle(newcomer);
    expect(offer.text).toContain('บัญชี Google นี้มีบัญชี Home Log อยู่แล้ว');
    expect(offer.text).toContain('2 มิเตอร์');
    const cancelled = await click(offer.page, 'ยกเลิก', '/link/google/move');
    expect(cancelled.status()).toBe(200);
    expect(await body(offer.page)).toContain('ไม่มีอะไรเปลี่ยนแปลง');
    expect(await stored()).toEqual(before);
    expect(pushesTo(newcomer.lineUserId)).toEqual([]);
  });

  // -------------------------------------------------------------------------------------------
  // Refusals: a clear page, the right status, and nothing stored

  it('refuses a link that was already used', async () => {
    const user = await createUser('en');
    const url = await linkUrl(user);
    const before = await stored();
    const stale = await open(url); // a second tab, opened while the link was still good
    const { page } = await open(url);
    await interruptedSignIn(page); // uses the link up

    const again = await open(url);
    expect(again.response.status()).toBe(410);
    expect(await body(again.page)).toContain('This link has already been used');
    const post = await click(stale.page, 'Continue with Google', '/link/google/begin');
    expect(post.status()).toBe(410);
    expect(await stored()).toEqual(before);
  });

  it('refuses an expired link', async () => {
    const user = await createUser('th');
    const url = await linkUrl(user);
    const before = await stored();
    const early = await open(url); // opened in time, pressed too late
    skewMs = 11 * 60_000;
    const { page, response } = await open(url);
    expect(response.status()).toBe(410);
    expect(await body(page)).toContain('ลิงก์นี้หมดอายุแล้ว');
    const post = await click(early.page, 'ดำเนินการต่อด้วย Google', '/link/google/begin');
    expect(post.status()).toBe(410);
    expect(await stored()).toEqual(before);
  });

  it('refuses a link it never issued, in both languages', async () => {
    const { page, response } = await open(`${harness.url}/link/google/start?t=not-a-real-token`);
    expect(response.status()).toBe(400);
    const text = await body(page);
    expect(text).toContain('ลิงก์นี้ใช้ไม่ได้');
    expect(text).toContain('This link is not valid');
  });

  it('refuses an answer whose state does not match the browser’s session', async () => {
    const user = await createUser('en');
    google.signInAs({ sub: newSubject(), email: 'state@example.com' });
    const before = await stored();
    const { page } = await open(await linkUrl(user));
    const callback = new URL(await interruptedSignIn(page));
    callback.searchParams.set('state', 'forged-state-value');
    const response = await page.goto(callback.href);
    expect(response?.status()).toBe(400);
    expect(await body(page)).toContain('does not belong to a sign-in started in this browser');
    expect(await stored()).toEqual(before);
  });

  it('refuses an answer that reaches a browser without the session cookie', async () => {
    const user = await createUser('en');
    google.signInAs({ sub: newSubject(), email: 'cookie@example.com' });
    const before = await stored();
    const { page } = await open(await linkUrl(user));
    const callback = await interruptedSignIn(page);
    await context.clearCookies();
    const response = await page.goto(callback);
    expect(response?.status()).toBe(400);
    expect(await body(page)).toContain('We could not find your linking session');
    expect(await stored()).toEqual(before);
  });

  const tampered: {
    name: string;
    idToken?: (payload: Record<string, unknown>) => void;
    redirect?: (url: URL) => void;
    emailVerified?: boolean;
    page: string;
  }[] = [
    {
      name: 'an ID token with another nonce',
      idToken: (p) => {
        p.nonce = 'someone-elses-nonce';
      },
      page: 'We could not verify the answer from Google',
    },
    {
      name: 'an ID token for another audience',
      idToken: (p) => {
        p.aud = 'another-client-id';
      },
      page: 'We could not verify the answer from Google',
    },
    {
      name: 'an ID token from another issuer',
      idToken: (p) => {
        p.iss = 'https://issuer.invalid';
      },
      page: 'We could not verify the answer from Google',
    },
    {
      name: 'an unverified email',
      emailVerified: false,
      page: 'This Google email address is not verified',
    },
    {
      name: 'error=access_denied from Google',
      redirect: (url) => {
        url.searchParams.delete('code');
        url.searchParams.set('error', 'access_denied');
      },
      page: 'You cancelled the Google sign-in',
    },
    {
      name: 'a callback without a code',
      redirect: (url) => url.searchParams.delete('code'),
      page: 'Google did not send a sign-in code',
    },
  ];

  it.each(tampered)('refuses $name', async (test) => {
    const user = await createUser('en');
    google.signInAs({
      sub: newSubject(),
      email: 'tampered@example.com',
      ...(test.emailVerified === false ? { email_verified: false } : {}),
    });
    if (test.idToken) google.tamperNextIdToken(test.idToken);
    if (test.redirect) google.tamperNextRedirect(test.redirect);
    const before = await stored();

    const { response, text } = await linkThroughGoogle(user);
    expect(response.status()).toBe(400);
    expect(text).toContain(test.page);
    expect(text).toContain('Nothing was linked');
    expect(await stored()).toEqual(before);
    expect(pushesTo(user.lineUserId)).toEqual([]);
  });

  it('logs why an ID token was refused, never the token, code, state, nonce or cookie', async () => {
    const lines: string[] = [];
    const logger = createLogger('debug', { write: (line: string) => void lines.push(line) });
    const deps = { ...harness.deps, logger };
    const app = new Hono().route('/link/google', googleLinkRoutes(deps));
    const user = await createUser('en');
    google.signInAs({ sub: newSubject(), email: 'logs@example.com' });
    google.tamperNextIdToken((p) => {
      p.aud = 'another-client-id';
    });

    // The browser's part, by hand: begin → Google → callback.
    const token = new URL(await linkUrl(user)).searchParams.get('t')!;
    const start = await app.request(`/link/google/start?t=${token}`);
    const formCookie = start.headers.get('set-cookie')!.split(';')[0]!;
    const form = /name="form" value="([^"]+)"/.exec(await start.text())![1]!;
    const begin = await app.request('/link/google/begin', {
      method: 'POST',
      body: new URLSearchParams({ t: token, form }),
      headers: { origin: harness.url, cookie: formCookie },
    });
    expect(begin.status).toBe(303);
    const cookie = begin.headers.get('set-cookie')!.split(';')[0]!;
    const authorize = new URL(begin.headers.get('location')!);
    const atGoogle = await fetch(authorize, { redirect: 'manual' });
    const callback = new URL(atGoogle.headers.get('location')!);
    const refused = await app.request(`${callback.pathname}${callback.search}`, {
      headers: { cookie },
    });
    expect(refused.status).toBe(400);

    const log = lines.join('\n');
    expect(log).toContain('Wrong recipient');
    const secrets = [
      token,
      cookie.split('=')[1]!,
      formCookie.split('=')[1]!,
      form,
      callback.searchParams.get('code')!,
      authorize.searchParams.get('state')!,
      authorize.searchParams.get('nonce')!,
      google.env.GOOGLE_CLIENT_SECRET!,
      'logs@example.com',
    ];
    for (const secret of secrets) expect(log).not.toContain(secret);
  });

  it('answers a failure with a friendly page and logs no query parameters', async () => {
    const lines: string[] = [];
    const logger = createLogger('debug', { write: (line: string) => void lines.push(line) });
    const failing = {
      transaction: async () => {
        throw new Error('Failed query: select … params: secret-token-hash');
      },
    };
    const deps = {
      ...harness.deps,
      logger,
      database: {
        ...harness.deps.database,
        db: failing as unknown as Harness['deps']['database']['db'],
      },
    };
    const app = new Hono().route('/link/google', googleLinkRoutes(deps));
    const response = await app.request('/link/google/start?t=some-token');
    expect(response.status).toBe(500);
    const text = await response.text();
    expect(text).toContain('Something went wrong');
    expect(text).toContain('เกิดข้อผิดพลาด');
    expect(response.headers.get('cache-control')).toBe('no-store');
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    const log = lines.join('\n');
    expect(log).toContain('google link page failed');
    expect(log).not.toContain('secret-token-hash');
    expect(log).not.toContain('some-token');
  });

  // -------------------------------------------------------------------------------------------
  // Cookie, headers, switched off

  it('binds the session with an HttpOnly, SameSite=Lax cookie', async () => {
    const user = await createUser('en');
    const { page } = await open(await linkUrl(user));
    const begin = page.waitForResponse((r) => r.url().endsWith('/link/google/begin'));
    await interruptedSignIn(page);
    const setCookie = await (await begin).headerValue('set-cookie');
    expect(setCookie).toMatch(
      /^hl_link=[A-Za-z0-9_-]{43}; Max-Age=600; Path=\/; HttpOnly; SameSite=Lax$/,
    );

    const cookies = (await context.cookies(harness.url)).filter((c) => c.name.startsWith('hl_'));
    expect(cookies.map((c) => c.name).sort()).toEqual(['hl_form', 'hl_link']);
    // The start form's cookie is Strict: a post from another site never carries it.
    expect(cookies.find((c) => c.name === 'hl_form')).toMatchObject({
      httpOnly: true,
      sameSite: 'Strict',
    });
    expect(cookies.find((c) => c.name === 'hl_link')).toMatchObject({
      name: 'hl_link',
      path: '/',
      domain: '127.0.0.1',
      httpOnly: true,
      secure: false, // the test app runs on http://127.0.0.1
      sameSite: 'Lax',
    });
  });

  it('builds a __Host- Secure cookie for https and a plain one only for http on loopback', () => {
    expect(linkCookie('https://homelog.example')).toEqual({
      name: '__Host-hl_link',
      secure: true,
    });
    expect(serializeLinkCookie('https://homelog.example', 'abc', 600)).toBe(
      '__Host-hl_link=abc; Max-Age=600; Path=/; HttpOnly; SameSite=Lax; Secure',
    );
    for (const base of ['http://localhost:3000', 'http://127.0.0.1:8080']) {
      expect(serializeLinkCookie(base, 'abc', 600)).toBe(
        'hl_link=abc; Max-Age=600; Path=/; HttpOnly; SameSite=Lax',
      );
    }
    expect(linkCookie('http://homelog.example').secure).toBe(true);
    expect(serializeLinkCookie('https://homelog.example', '', 0)).toContain('Max-Age=0');
    expect(serializeLinkCookie('https://homelog.example', 'x', 1)).not.toMatch(/Domain=/i);
  });

  it('allows forms to post only to itself, Google’s sign-in and LINE’s dialog origins', () => {
    expect(
      securityHeaders('https://accounts.google.com/o/oauth2/v2/auth', 'https://access.line.me')[
        'Content-Security-Policy'
      ],
    ).toBe(
      "default-src 'none'; style-src 'unsafe-inline'; form-action 'self' https://accounts.google.com https://access.line.me; frame-ancestors 'none'; base-uri 'none'",
    );
    expect(securityHeaders('https://accounts.google.com/o/oauth2/v2/auth')).toEqual({
      'Strict-Transport-Security': 'max-age=63072000; includeSubDomains',
      'Content-Security-Policy':
        "default-src 'none'; style-src 'unsafe-inline'; form-action 'self' https://accounts.google.com; frame-ancestors 'none'; base-uri 'none'",
      'X-Content-Type-Options': 'nosniff',
      'Referrer-Policy': 'no-referrer',
      'Cache-Control': 'no-store',
    });
  });

  it('is off when Google is not configured', async () => {
    const user = await createUser('en');
    const deps = { ...harness.deps, config: { ...harness.deps.config, google: null } };
    expect(await startGoogleLink(deps, user, user.lineUserId, 'line-link-token')).toEqual({
      disabled: true,
    });

    const response = await createApp(deps).request('/link/google/start?t=anything');
    expect(response.status).toBe(404);
    expect(await response.text()).toContain('Google linking is switched off');
    expect(response.headers.get('content-security-policy')).toBe(
      "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'",
    );
    expect(response.headers.get('cache-control')).toBe('no-store');
  });
});

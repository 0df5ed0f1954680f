import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { messagingApi } from '@line/bot-sdk';
import { and, asc, eq, inArray } from 'drizzle-orm';
import { type Browser, type BrowserContext, chromium, type Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { auditLog, identities } from '../../src/db/schema';
import { FAKE_LINE_LOGIN_COOKIE, type FakeUser } from '../../src/dev/fake-line-platform';
import { browserSuiteTitle, chromiumLaunchOptions, chromiumPath } from '../helpers/browser';
import { exchange, type Person, person } from '../helpers/chat';
import { type Harness, startHarness } from '../helpers/harness';
import { type FakeGoogle, startFakeGoogle } from '../helpers/oidc';

// Attempts to take over a Home Log account through Google linking, each played in a real
// headless Chromium against the real app: (A) a forwarded link, (B) a look-alike move, (C) a
// cross-site post. Then the honest move, which needs both sides, and removing a LINE account.
// Each browser context is one phone: it is logged in to LINE (the fake platform) as its owner.
// Each test has people of its own and reads only their audit entries, so any order works.

describe.skipIf(!chromiumPath)(browserSuiteTitle('account takeover attempts'), () => {
  let google: FakeGoogle;
  let h: Harness;
  let browser: Browser;
  const phones: BrowserContext[] = [];
  let count = 0;

  beforeAll(async () => {
    google = await startFakeGoogle();
    h = await startHarness({ env: google.env });
    browser = await chromium.launch(chromiumLaunchOptions());
  });
  afterAll(async () => {
    await browser?.close();
    await h?.close();
    await google?.close();
  });
  beforeEach(() => google.reset());
  afterEach(async () => {
    for (const phone of phones.splice(0)) await phone.close();
  });

  // -------------------------------------------------------------------------------------------
  // Helpers

  async function newPerson(displayName: string): Promise<Person> {
    const someone = person(h, h.platform.addUser({ displayName, language: 'en' }));
    await exchange(h, [h.platform.events.follow({ userId: someone.user.userId })]);
    return someone;
  }

  /** A browser logged in to LINE as `user`, as the LINE app's own browser would be. */
  async function phoneOf(user: FakeUser): Promise<BrowserContext> {
    const phone = await browser.newContext();
    await phone.addCookies([
      { name: FAKE_LINE_LOGIN_COOKIE, value: user.userId, url: h.platform.url },
    ]);
    phones.push(phone);
    return phone;
  }

  /** `link google` in the person's chat; the URL of the button it answers with. */
  async function linkFromChat(someone: Person): Promise<string> {
    const answer = await someone.say('link google');
    const action = answer.choices[0]?.action as { uri?: string } | undefined;
    if (!action?.uri) throw new Error(`no link in: ${answer.text}`);
    return action.uri;
  }

  /** Clicks a button and waits for the page the navigation finally lands on. */
  async function clickAndLand(page: Page, name: string): Promise<number> {
    const landed = page.waitForResponse(
      (r) =>
        r.request().isNavigationRequest() &&
        r.frame() === page.mainFrame() &&
        (r.status() < 300 || r.status() >= 400),
    );
    await page.getByRole('button', { name }).click();
    const response = await landed;
    await page.waitForLoadState('domcontentloaded');
    await h.idle();
    return response.status();
  }

  async function open(phone: BrowserContext, url: string): Promise<Page> {
    const page = await phone.newPage();
    await page.goto(url);
    return page;
  }

  async function lineIdentityId(lineUserId: string): Promise<string | undefined> {
    const [row] = await h.database.db
      .select({ id: identities.id })
      .from(identities)
      .where(and(eq(identities.provider, 'line'), eq(identities.providerUserId, lineUserId)));
    return row?.id;
  }

  async function homeLogUserOf(lineUserId: string): Promise<string | undefined> {
    const [row] = await h.database.db
      .select({ userId: identities.userId })
      .from(identities)
      .where(and(eq(identities.provider, 'line'), eq(identities.providerUserId, lineUserId)));
    return row?.userId;
  }

  async function googleOwner(sub: string): Promise<string | undefined> {
    const [row] = await h.database.db
      .select({ userId: identities.userId })
      .from(identities)
      .where(and(eq(identities.provider, 'google'), eq(identities.providerUserId, sub)));
    return row?.userId;
  }

  async function addGoogle(userId: string, sub: string, email: string) {
    await h.database.db
      .insert(identities)
      .values({ userId, provider: 'google', providerUserId: sub, email });
  }

  const textsTo = (someone: Person) => h.platform.textsTo(someone.user.userId);

  /** The approve/refuse buttons last pushed to this person. */
  function approvalButtons(someone: Person): messagingApi.PostbackAction[] {
    const template = h.platform
      .messagesTo(someone.user.userId)
      .filter((m): m is messagingApi.TemplateMessage => m.type === 'template')
      .at(-1);
    return ((template?.template as messagingApi.ButtonsTemplate | undefined)?.actions ??
      []) as messagingApi.PostbackAction[];
  }

  async function tapApproval(someone: Person, label: 'Allow' | 'Refuse') {
    const action = approvalButtons(someone).find((a) => a.label === label);
    if (!action) throw new Error(`no ${label} button for ${someone.user.displayName}`);
    return exchange(h, [
      h.platform.events.postback({ userId: someone.user.userId, data: action.data ?? '' }),
    ]);
  }

  const subject = () => `google-sub-${++count}`;

  // -------------------------------------------------------------------------------------------
  // (A) A forwarded link

  it('(A) a forwarded link binds nothing to the victim, so the holder cannot move onto her account', async () => {
    const alice = await newPerson('Alice');
    const mallory = await newPerson('Mallory');
    const aliceId = await homeLogUserOf(alice.user.userId);
    const malloryId = await homeLogUserOf(mallory.user.userId);
    const mallorySub = subject();
    google.signInAs({ sub: mallorySub, email: 'mallory@example.com' });

    // Alice forwards her link; Mallory opens it on his phone and signs in with his Google.
    const forwarded = await linkFromChat(alice);
    const page = await open(await phoneOf(mallory.user), forwarded);
    await clickAndLand(page, 'Continue with Google');
    expect(await googleOwner(mallorySub)).toBeUndefined();
    expect(textsTo(alice).at(-1)).toContain(
      'Someone finished your Google link in another LINE account',
    );
    expect(textsTo(mallory).at(-1)).toContain('Linking did not finish');

    // Mallory then links "his" Google from his own chat: it is his own account it lands on.
    const own = await open(await phoneOf(mallory.user), await linkFromChat(mallory));
    await clickAndLand(own, 'Continue with Google');
    expect(await googleOwner(mallorySub)).toBe(malloryId);
    expect(await homeLogUserOf(mallory.user.userId)).toBe(malloryId);
    expect(await homeLogUserOf(alice.user.userId)).toBe(aliceId);
    const aliceIdentities = await h.database.db
      .select()
      .from(identities)
      .where(eq(identities.userId, aliceId!));
    expect(aliceIdentities.map((i) => i.providerUserId)).toEqual([alice.user.userId]);
  });

  // -------------------------------------------------------------------------------------------
  // (B) A look-alike move

  it('(B) a look-alike’s link, tapped "Move" on by the real Alice, moves nothing', async () => {
    const alice = await newPerson('Alice');
    const aliceId = (await homeLogUserOf(alice.user.userId))!;
    await alice.say('add meter Heater kWh');
    const aliceSub = subject();
    await addGoogle(aliceId, aliceSub, 'alice@example.com');
    const mallory = await newPerson('Alice'); // the same display name
    const malloryId = await homeLogUserOf(mallory.user.userId);
    google.signInAs({ sub: aliceSub, email: 'alice@example.com' });

    // Mallory sends Alice her link; Alice opens it on her own phone and signs in.
    const page = await open(await phoneOf(alice.user), await linkFromChat(mallory));
    await page.getByRole('button', { name: 'Continue with Google' }).click();
    await page.getByText('move this LINE account (Alice)').waitFor();
    await clickAndLand(page, 'Move this LINE account');

    expect(await homeLogUserOf(mallory.user.userId)).toBe(malloryId);
    expect((await alice.say('meters')).text).toContain('Heater');
    expect((await mallory.say('meters')).text).not.toContain('Heater');
    // Alice was never asked to allow anything: LINE already said it was not Mallory's phone.
    expect(approvalButtons(alice)).toEqual([]);
    const theirLineAccounts = [
      (await lineIdentityId(alice.user.userId))!,
      (await lineIdentityId(mallory.user.userId))!,
    ];
    expect(
      await h.database.db
        .select()
        .from(auditLog)
        .where(
          and(eq(auditLog.action, 'identity.move'), inArray(auditLog.subjectId, theirLineAccounts)),
        ),
    ).toEqual([]);
  });

  // -------------------------------------------------------------------------------------------
  // (C) A cross-site post

  it('(C) a cross-site post to begin is refused, and the victim’s Google is bound to no one', async () => {
    const alice = await newPerson('Alice');
    const mallory = await newPerson('Mallory');
    const aliceSub = subject();
    google.signInAs({ sub: aliceSub, email: 'alice@example.com' });

    // Mallory takes his own link and even a form token from the start page, with his cookie.
    const link = await linkFromChat(mallory);
    const start = await fetch(link);
    const form = /name="form" value="([^"]+)"/.exec(await start.text())?.[1] ?? '';
    const t = new URL(link).searchParams.get('t')!;
    const attacker = await serveAttackerPage(`${h.url}/link/google/begin`, { t, form });
    try {
      const page = await (await phoneOf(alice.user)).newPage();
      const begin = page.waitForResponse((r) => r.url() === `${h.url}/link/google/begin`);
      // Whatever follows the post (old code: Google, then the callback) is waited for too.
      const settled = page.waitForResponse(
        (r) =>
          r.request().isNavigationRequest() &&
          r.status() !== 303 &&
          r.status() !== 302 &&
          !r.url().startsWith(attacker.url),
      );
      await page.goto(attacker.url);
      const beginStatus = (await begin).status();
      await settled;
      await h.idle();
      // What the attack is after: Alice's Google account bound to Mallory's Home Log account.
      expect(await googleOwner(aliceSub)).toBeUndefined();
      expect(beginStatus).toBe(403);
      expect(await page.locator('body').textContent()).toContain(
        'This request did not come from a Home Log page',
      );
    } finally {
      await attacker.close();
    }
    expect(await googleOwner(aliceSub)).toBeUndefined();
    // The link was not used up by the refused post: Mallory can still use it himself.
    expect((await fetch(link)).status).toBe(200);
  });

  it('refuses a same-origin post without the form token, and one from a page of another cookie', async () => {
    const bob = await newPerson('Bob');
    const link = await linkFromChat(bob);
    const t = new URL(link).searchParams.get('t')!;
    const start = await fetch(link);
    const cookie = start.headers.get('set-cookie')!.split(';')[0]!;
    const form = /name="form" value="([^"]+)"/.exec(await start.text())![1]!;
    const post = (body: Record<string, string>, headers: Record<string, string>) =>
      fetch(`${h.url}/link/google/begin`, {
        method: 'POST',
        body: new URLSearchParams(body),
        headers,
        redirect: 'manual',
      });
    const origin = { origin: h.url };
    expect((await post({ t }, { ...origin, cookie })).status).toBe(403);
    expect((await post({ t, form }, origin)).status).toBe(403); // no cookie
    expect(
      (
        await post(
          { t, form },
          { ...origin, cookie: 'hl_form=someone-elses-cookie-value-xxxxxxxxxxxxxxxx' },
        )
      ).status,
    ).toBe(403);
    expect((await post({ t, form }, { origin: 'https://evil.example', cookie })).status).toBe(403);
    expect((await post({ t, form }, { 'sec-fetch-site': 'cross-site', cookie })).status).toBe(403);
    expect((await post({ t, form }, { cookie })).status).toBe(403); // neither header
    // Nothing was used up: the right post still works.
    expect((await post({ t, form }, { ...origin, cookie })).status).toBe(303);
  });

  // -------------------------------------------------------------------------------------------
  // The honest move needs both sides

  it('moves a new LINE account onto an account only after a LINE account of it allows it', async () => {
    const carol = await newPerson('Carol');
    const carolId = (await homeLogUserOf(carol.user.userId))!;
    await carol.say('add meter Water m3');
    const carolSub = subject();
    await addGoogle(carolId, carolSub, 'carol@example.com');
    const newPhone = await newPerson('Carol (new phone)');
    const newPhoneUserId = await homeLogUserOf(newPhone.user.userId);
    google.signInAs({ sub: carolSub, email: 'carol@example.com' });

    const page = await open(await phoneOf(newPhone.user), await linkFromChat(newPhone));
    await page.getByRole('button', { name: 'Continue with Google' }).click();
    await page.getByText('This Google account already has a Home Log account').waitFor();
    expect(await clickAndLand(page, 'Move this LINE account')).toBe(200);

    // LINE vouched for the new phone; nothing moved yet, Carol's chat is asked.
    expect(await homeLogUserOf(newPhone.user.userId)).toBe(newPhoneUserId);
    expect(textsTo(newPhone).at(-1)).toContain(
      'a LINE account already on that account must allow it',
    );
    expect(textsTo(carol).join('\n')).toContain(
      'asks to move the LINE account "Carol (new phone)" onto your Home Log account',
    );
    // The new phone itself cannot answer the request.
    const data = approvalButtons(carol).find((a) => a.label === 'Allow')!.data!;
    const tapped = await exchange(h, [
      h.platform.events.postback({ userId: newPhone.user.userId, data }),
    ]);
    expect(tapped.text).toContain('Only a LINE account already on that Home Log account');
    expect(await homeLogUserOf(newPhone.user.userId)).toBe(newPhoneUserId);

    expect((await tapApproval(carol, 'Allow')).text).toContain(
      'Done: the LINE account "Carol (new phone)" now uses your Home Log account',
    );
    expect(await homeLogUserOf(newPhone.user.userId)).toBe(carolId);
    expect(textsTo(newPhone).at(-1)).toContain(
      'This LINE account now uses the Home Log account of Carol (1 meter)',
    );
    expect((await newPhone.say('meters')).text).toContain('Water');
    const [audit] = await h.database.db
      .select()
      .from(auditLog)
      .where(
        and(
          eq(auditLog.action, 'identity.move'),
          eq(auditLog.subjectId, (await lineIdentityId(newPhone.user.userId))!),
        ),
      )
      .orderBy(asc(auditLog.seq));
    expect(audit).toMatchObject({
      before: { userId: newPhoneUserId },
      // The approving LINE account by its internal id: no LINE user id in the audit trail.
      after: { userId: carolId, approvedBy: await lineIdentityId(carol.user.userId) },
    });
    // Answered once only.
    expect((await tapApproval(carol, 'Allow')).text).toContain('already answered or has expired');

    // Carol sees both LINE accounts and takes the new phone off again from her own chat.
    expect((await carol.say('whoami')).text).toBe(
      'You are Carol. Linked accounts:\n1. LINE (Carol) · this chat\n2. Google: carol@example.com\n3. LINE (Carol (new phone))\nTo remove another LINE account: remove line #N',
    );
    expect((await carol.say('remove line #1')).text).toContain(
      'is the LINE account you are writing from',
    );
    expect((await carol.say('remove line #2')).text).toContain('is your Google account');
    expect((await carol.say('remove line #3')).text).toContain('Removed LINE account #3');
    expect(await homeLogUserOf(newPhone.user.userId)).toBeUndefined();
    expect(textsTo(newPhone).at(-1)).toContain(
      'This LINE account was removed from the Home Log account of Carol',
    );
    expect((await newPhone.say('meters')).text).not.toContain('Water');
  });

  it('moves nothing when the account’s LINE account refuses, and tells both sides', async () => {
    const dan = await newPerson('Dan');
    const danId = (await homeLogUserOf(dan.user.userId))!;
    const danSub = subject();
    await addGoogle(danId, danSub, 'dan@example.com');
    const stranger = await newPerson('Dan too');
    const strangerId = await homeLogUserOf(stranger.user.userId);
    google.signInAs({ sub: danSub, email: 'dan@example.com' });

    const page = await open(await phoneOf(stranger.user), await linkFromChat(stranger));
    await page.getByRole('button', { name: 'Continue with Google' }).click();
    await page.getByText('This Google account already has a Home Log account').waitFor();
    await clickAndLand(page, 'Move this LINE account');
    expect((await tapApproval(dan, 'Refuse')).text).toContain('"Dan too" was not moved');
    expect(textsTo(stranger).at(-1)).toContain('refused the move');
    expect(await homeLogUserOf(stranger.user.userId)).toBe(strangerId);
    const refused = await h.database.db
      .select()
      .from(auditLog)
      .where(
        and(
          eq(auditLog.action, 'identity.move.refused'),
          eq(auditLog.subjectId, (await lineIdentityId(stranger.user.userId))!),
        ),
      );
    expect(refused).toHaveLength(1);
    expect(refused[0]).toMatchObject({
      after: { refusedBy: await lineIdentityId(dan.user.userId), targetUserId: danId },
    });
  });
});

/** A page on another site (localhost, not 127.0.0.1) that posts a form as soon as it loads. */
async function serveAttackerPage(
  action: string,
  fields: Record<string, string>,
): Promise<{ url: string; close(): Promise<void> }> {
  const inputs = Object.entries(fields)
    .map(([name, value]) => `<input type="hidden" name="${name}" value="${value}">`)
    .join('');
  const html = `<!doctype html><html><body><form id="f" method="post" action="${action}">${inputs}</form><script>document.getElementById('f').submit()</script></body></html>`;
  const server: Server = createServer((_req, res) => {
    res.writeHead(200, { 'content-type': 'text/html' });
    res.end(html);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://localhost:${port}/`,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FAKE_LINE_LOGIN_COOKIE } from '../../src/dev/fake-line-platform';
import { exchange, type Person, person } from '../helpers/chat';
import { type Harness, startHarness } from '../helpers/harness';
import { type FakeGoogle, startFakeGoogle } from '../helpers/oidc';

// `link google`, `whoami` and `unlink google` as a person sees them in LINE, with the link
// followed over real HTTP (no browser: the cookie is carried by hand) to the local OIDC provider.

describe('linking Google from the chat', () => {
  let google: FakeGoogle;
  let h: Harness;
  let bob: Person;

  beforeAll(async () => {
    google = await startFakeGoogle();
    h = await startHarness({ env: google.env });
    bob = person(h, h.platform.addUser({ displayName: 'Bob', language: 'en' }));
    await exchange(h, [h.platform.events.follow({ userId: bob.user.userId })]);
  });
  afterAll(async () => {
    await h?.close();
    await google?.close();
  });

  /**
   * Follows the chat's link as the phone of `lineUserId` would: start page, begin (from the
   * page: its Origin, form token and cookie), Google, callback, then LINE's account-link dialog.
   */
  async function followLink(
    url: string,
    lineUserId: string,
  ): Promise<{ status: number; page: string }> {
    const start = await fetch(url);
    expect(start.status).toBe(200);
    const formCookie = start.headers.get('set-cookie')!.split(';')[0]!;
    const form = /name="form" value="([^"]+)"/.exec(await start.text())![1]!;
    const begin = await fetch(`${h.url}/link/google/begin`, {
      method: 'POST',
      body: new URLSearchParams({ t: new URL(url).searchParams.get('t')!, form }),
      headers: { origin: h.url, cookie: formCookie },
      redirect: 'manual',
    });
    expect(begin.status).toBe(303);
    const cookie = begin.headers.get('set-cookie')!.split(';')[0]!;
    const atGoogle = await fetch(begin.headers.get('location')!, { redirect: 'manual' });
    const callback = await fetch(atGoogle.headers.get('location')!, {
      headers: { cookie },
      redirect: 'manual',
    });
    expect(callback.status).toBe(303);
    const dialog = await fetch(callback.headers.get('location')!, {
      headers: { cookie: `${FAKE_LINE_LOGIN_COOKIE}=${lineUserId}` },
    });
    await h.idle();
    return { status: dialog.status, page: await dialog.text() };
  }

  it('hands out a one-time link button, links, lists and unlinks', async () => {
    const offer = await bob.say('link google');
    expect(offer.text).toBe(
      'Open this page to link your Google account. With it you can get your meters back if you ever change LINE accounts. The link works once, for 10 minutes.',
    );
    expect(offer.choices).toHaveLength(1);
    const [button] = offer.choices;
    expect(button!.label).toBe('Link Google');
    const url = (button!.action as { type: string; uri: string }).uri;
    expect(url).toMatch(new RegExp(`^${h.url}/link/google/start\\?t=[A-Za-z0-9_-]{43}$`));

    google.signInAs({ sub: 'bob-google', email: 'bob@example.com' });
    const linked = await followLink(url, bob.user.userId);
    expect(linked.status).toBe(200);
    expect(linked.page).toContain('Accounts linked');
    expect(h.platform.replies.at(-1)).toMatchObject({
      chatId: bob.user.userId,
      messages: [
        {
          type: 'text',
          text: expect.stringContaining('Your Google account bob@example.com is now linked'),
        },
      ],
    });

    expect((await bob.say('whoami')).text).toBe(
      'You are Bob. Linked accounts:\n1. LINE (Bob) · this chat\n2. Google: bob@example.com',
    );
    expect((await bob.say('unlink google')).text).toBe(
      'Your Google account bob@example.com is no longer linked.',
    );
    expect((await bob.say('unlink google')).text).toBe('No Google account is linked.');
    expect((await bob.say('whoami')).text).toBe(
      'You are Bob. Linked accounts:\n1. LINE (Bob) · this chat',
    );
  });

  it('commits nothing for a failed, unknown or replayed account-link event, and says so', async () => {
    const eve = person(h, h.platform.addUser({ displayName: 'Eve', language: 'en' }));
    await exchange(h, [h.platform.events.follow({ userId: eve.user.userId })]);
    google.signInAs({ sub: 'eve-google', email: 'eve@example.com' });
    const offer = await eve.say('link google');
    const url = (offer.choices[0]!.action as { uri: string }).uri;

    // Someone else's phone finishes Eve's link: LINE says failed, for that other LINE user.
    const other = person(h, h.platform.addUser({ displayName: 'Other', language: 'en' }));
    await exchange(h, [h.platform.events.follow({ userId: other.user.userId })]);
    const failed = await followLink(url, other.user.userId);
    expect(failed.page).toContain('Linking failed');
    expect(h.platform.textsTo(other.user.userId).at(-1)).toContain('Linking did not finish');
    expect(h.platform.textsTo(eve.user.userId).at(-1)).toContain(
      'Someone finished your Google link in another LINE account',
    );
    expect((await eve.say('whoami')).text).toBe(
      'You are Eve. Linked accounts:\n1. LINE (Eve) · this chat',
    );

    // An ok event with a nonce we never issued (or one already used) commits nothing.
    const nonce = h.platform.accountLinks.at(-1)!.nonce;
    for (const unknown of ['never-issued-nonce-value', nonce]) {
      const answer = await exchange(h, [
        h.platform.events.accountLink({ userId: eve.user.userId, nonce: unknown, result: 'ok' }),
      ]);
      expect(answer.text).toBe(
        'This linking attempt has expired or was already used. Nothing changed. Type "link google" to start again.',
      );
    }
    expect((await eve.say('whoami')).text).toBe(
      'You are Eve. Linked accounts:\n1. LINE (Eve) · this chat',
    );
  });

  it('removes only another LINE account of the account, never the one asking', async () => {
    const fay = person(h, h.platform.addUser({ displayName: 'Fay', language: 'en' }));
    await exchange(h, [h.platform.events.follow({ userId: fay.user.userId })]);
    expect((await fay.say('remove line #1')).text).toBe(
      '#1 is the LINE account you are writing from. Remove it from another LINE account on this Home Log account.',
    );
    expect((await fay.say('remove line #4')).text).toBe(
      'There is no LINE account #4. Type "whoami" to see the numbers.',
    );
    expect((await fay.say('whoami')).text).toBe(
      'You are Fay. Linked accounts:\n1. LINE (Fay) · this chat',
    );
  });

  it('keeps personal links out of groups', async () => {
    const family = h.platform.addGroup({ name: 'Family', members: [bob.user.userId] });
    for (const command of ['link google', 'unlink google', 'whoami', 'remove line #2']) {
      expect((await bob.say(command, { group: family.groupId })).text).toBe(
        'Please do this in your one-to-one chat with me, not in a group.',
      );
    }
  });
});

describe('linking Google from the chat when no Google client is configured', () => {
  let h: Harness;

  beforeAll(async () => {
    h = await startHarness();
  });
  afterAll(async () => {
    await h?.close();
  });

  it('says linking is not set up', async () => {
    const ann = person(h, h.platform.addUser({ displayName: 'Ann', language: 'en' }));
    await exchange(h, [h.platform.events.follow({ userId: ann.user.userId })]);
    expect((await ann.say('link google')).text).toBe(
      'Linking a Google account is not set up on this Home Log. Ask whoever runs it to add a Google client.',
    );
  });
});

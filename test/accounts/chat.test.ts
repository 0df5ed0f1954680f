import { afterAll, beforeAll, describe, expect, it } from 'vitest';
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

  /** Follows the chat's link as a browser would: start page, begin, Google, callback. */
  async function followLink(url: string): Promise<{ status: number; page: string }> {
    const start = await fetch(url);
    expect(start.status).toBe(200);
    const begin = await fetch(`${h.url}/link/google/begin`, {
      method: 'POST',
      body: new URLSearchParams({ t: new URL(url).searchParams.get('t')! }),
      redirect: 'manual',
    });
    expect(begin.status).toBe(303);
    const cookie = begin.headers.get('set-cookie')!.split(';')[0]!;
    const atGoogle = await fetch(begin.headers.get('location')!, { redirect: 'manual' });
    const callback = await fetch(atGoogle.headers.get('location')!, { headers: { cookie } });
    return { status: callback.status, page: await callback.text() };
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
    const linked = await followLink(url);
    expect(linked.status).toBe(200);
    expect(linked.page).toContain('Google account linked');
    await h.idle();
    expect(h.platform.pushes.at(-1)).toMatchObject({
      to: bob.user.userId,
      messages: [{ type: 'text', text: expect.stringContaining('bob@example.com') }],
    });

    expect((await bob.say('whoami')).text).toBe(
      'You are Bob. Linked accounts:\nLINE (Bob)\nGoogle: bob@example.com',
    );
    expect((await bob.say('unlink google')).text).toBe(
      'Your Google account bob@example.com is no longer linked.',
    );
    expect((await bob.say('unlink google')).text).toBe('No Google account is linked.');
    expect((await bob.say('whoami')).text).toBe('You are Bob. Linked accounts:\nLINE (Bob)');
  });

  it('keeps personal links out of groups', async () => {
    const family = h.platform.addGroup({ name: 'Family', members: [bob.user.userId] });
    for (const command of ['link google', 'unlink google', 'whoami']) {
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

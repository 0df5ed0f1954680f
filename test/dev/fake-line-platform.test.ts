// Proves the fake LINE Platform behaves like LINE, driven by the real @line/bot-sdk client,
// so that other tests can trust what it accepts, rejects and records.

import { HTTPFetchError, messagingApi, type webhook } from '@line/bot-sdk';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  type FakeLinePlatform,
  newUlid,
  startFakeLinePlatform,
  ULID_PATTERN,
  ulidFactory,
} from '../../src/dev/fake-line-platform';

const TOKEN = 'test-channel-access-token';
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

let platform: FakeLinePlatform;
let client: messagingApi.MessagingApiClient;

beforeAll(async () => {
  platform = await startFakeLinePlatform({ channelAccessToken: TOKEN });
  client = new messagingApi.MessagingApiClient({
    channelAccessToken: TOKEN,
    baseURL: platform.url,
  });
});
afterAll(() => platform.close());
afterEach(() => platform.reset());

/** The SDK throws HTTPFetchError (status, headers, raw body text) for any non-2xx answer. */
async function fetchError(promise: Promise<unknown>): Promise<HTTPFetchError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(HTTPFetchError);
  return error as HTTPFetchError;
}

const text = (t: string): messagingApi.TextMessage => ({ type: 'text', text: t });

function oneOnOne() {
  const user = platform.addUser({ displayName: 'Mom', language: 'th' });
  return { user, event: platform.events.text({ userId: user.userId, text: 'meter 1 = 4521' }) };
}

describe('reply', () => {
  it('accepts a reply token once, then answers 400 Invalid reply token', async () => {
    const { user, event } = oneOnOne();
    const ok = await client.replyMessage({
      replyToken: event.replyToken,
      messages: [text('Saved')],
    });
    expect(ok.sentMessages).toHaveLength(1);
    expect(ok.sentMessages[0]?.id).toMatch(/^\d+$/);
    expect(ok.sentMessages[0]?.quoteToken).toBeTruthy();

    const error = await fetchError(
      client.replyMessage({ replyToken: event.replyToken, messages: [text('again')] }),
    );
    expect(error.status).toBe(400);
    expect(JSON.parse(error.body)).toEqual({ message: 'Invalid reply token' });

    expect(platform.replies).toHaveLength(1);
    expect(platform.replies[0]).toMatchObject({
      replyToken: event.replyToken,
      chatId: user.userId,
      source: { type: 'user', userId: user.userId },
      messages: [text('Saved')],
    });
  });

  it('rejects unknown and expired tokens', async () => {
    let clock = 1_700_000_000_000;
    const timed = await startFakeLinePlatform({ channelAccessToken: TOKEN, now: () => clock });
    try {
      const api = new messagingApi.MessagingApiClient({
        channelAccessToken: TOKEN,
        baseURL: timed.url,
      });
      const user = timed.addUser({ displayName: 'Dad' });
      const fresh = timed.events.text({ userId: user.userId, text: 'a' });
      const stale = timed.events.text({ userId: user.userId, text: 'b' });
      expect(fresh.timestamp).toBe(clock);
      // The event ID carries the event time, as LINE's do.
      expect(fresh.webhookEventId.slice(0, 10)).toBe(ulidFactory()(clock).slice(0, 10));

      clock += 59_999;
      await expect(
        api.replyMessage({ replyToken: fresh.replyToken, messages: [text('in time')] }),
      ).resolves.toBeDefined();
      clock += 2;
      const expired = await fetchError(
        api.replyMessage({ replyToken: stale.replyToken, messages: [text('late')] }),
      );
      expect([expired.status, JSON.parse(expired.body)]).toEqual([
        400,
        { message: 'Invalid reply token' },
      ]);
      const unknown = await fetchError(
        api.replyMessage({ replyToken: 'nHuyWiB7yP5Zw52FIkcQobQuGDXCTA', messages: [text('x')] }),
      );
      expect(unknown.status).toBe(400);
      expect(timed.replies).toHaveLength(1);
    } finally {
      await timed.close();
    }
  });

  it('expires tokens after replyTokenTtlMs in real time too', async () => {
    const quick = await startFakeLinePlatform({ channelAccessToken: TOKEN, replyTokenTtlMs: 20 });
    try {
      const api = new messagingApi.MessagingApiClient({
        channelAccessToken: TOKEN,
        baseURL: quick.url,
      });
      const user = quick.addUser({ displayName: 'Dad' });
      const event = quick.events.text({ userId: user.userId, text: 'hi' });
      await new Promise((r) => setTimeout(r, 40));
      const error = await fetchError(
        api.replyMessage({ replyToken: event.replyToken, messages: [text('late')] }),
      );
      expect(error.status).toBe(400);
    } finally {
      await quick.close();
    }
  });

  it('exposes x-line-request-id through replyMessageWithHttpInfo', async () => {
    const { event } = oneOnOne();
    const { httpResponse, body } = await client.replyMessageWithHttpInfo({
      replyToken: event.replyToken,
      messages: [text('ok')],
    });
    const requestId = httpResponse.headers.get('x-line-request-id');
    expect(requestId).toMatch(UUID);
    expect(body.sentMessages).toHaveLength(1);
    expect(platform.calls.at(-1)).toMatchObject({
      method: 'POST',
      path: '/v2/bot/message/reply',
      status: 200,
      requestId,
    });
    expect(platform.calls.at(-1)?.headers.authorization).toBe(`Bearer ${TOKEN}`);
  });

  it('refuses X-Line-Retry-Key on reply, as LINE does', async () => {
    const { event } = oneOnOne();
    const response = await fetch(`${platform.url}/v2/bot/message/reply`, {
      method: 'POST',
      headers: {
        authorization: `Bearer ${TOKEN}`,
        'content-type': 'application/json',
        'x-line-retry-key': '123e4567-e89b-12d3-a456-426614174000',
      },
      body: JSON.stringify({ replyToken: event.replyToken, messages: [text('x')] }),
    });
    expect(response.status).toBe(400);
    expect(response.headers.get('x-line-request-id')).toMatch(UUID);
  });

  it('gives quote tokens only for quotable messages', async () => {
    const { event } = oneOnOne();
    const flex: messagingApi.FlexMessage = {
      type: 'flex',
      altText: 'Usage',
      contents: { type: 'bubble', body: { type: 'box', layout: 'vertical', contents: [] } },
    };
    const res = await client.replyMessage({
      replyToken: event.replyToken,
      messages: [text('a'), flex],
    });
    expect(res.sentMessages[0]?.quoteToken).toBeTruthy();
    expect(res.sentMessages[1]?.quoteToken).toBeUndefined();
  });
});

describe('message validation (400 with details, token left usable)', () => {
  const cases: [string, messagingApi.Message[], string][] = [
    ['6 messages', Array.from({ length: 6 }, (_, i) => text(`m${i}`)), 'messages'],
    ['no messages', [], 'messages'],
    ['empty text', [text('')], 'messages[0].text'],
    ['text over 5000 chars', [text('x'.repeat(5001))], 'messages[0].text'],
    [
      '14 quick replies',
      [
        {
          ...text('pick'),
          quickReply: {
            items: Array.from({ length: 14 }, (_, i) => ({
              type: 'action' as const,
              action: { type: 'message' as const, label: `m${i}`, text: `meter ${i}` },
            })),
          },
        },
      ],
      'messages[0].quickReply.items',
    ],
    [
      'rich menu switch in a quick reply',
      [
        {
          ...text('pick'),
          quickReply: {
            items: [
              {
                type: 'action',
                action: { type: 'richmenuswitch', label: 'x', richMenuAliasId: 'a', data: 'd' },
              },
            ],
          },
        },
      ],
      'messages[0].quickReply.items[0].action.type',
    ],
    [
      'http image on a public host',
      [
        {
          type: 'image',
          originalContentUrl: 'http://example.com/a.png',
          previewImageUrl: 'https://example.com/a.png',
        },
      ],
      'messages[0].originalContentUrl',
    ],
    [
      'flex without altText',
      [{ type: 'flex', altText: '', contents: { type: 'carousel', contents: [] } }],
      'messages[0].altText',
    ],
    [
      'textV2 mention without userId',
      [
        {
          type: 'textV2',
          text: 'Hi {u}',
          substitution: { u: { type: 'mention', mentionee: { type: 'user' } } },
        } as unknown as messagingApi.Message,
      ],
      'messages[0].substitution.u.mentionee',
    ],
    [
      'unknown message type',
      [{ type: 'hologram' } as unknown as messagingApi.Message],
      'messages[0].type',
    ],
  ];

  it.each(cases)('%s', async (_, messages, property) => {
    const { event } = oneOnOne();
    const error = await fetchError(client.replyMessage({ replyToken: event.replyToken, messages }));
    expect(error.status).toBe(400);
    const body = JSON.parse(error.body) as { message: string; details: { property: string }[] };
    expect(body.message).toMatch(/^The request body has \d+ error\(s\)$/);
    expect(body.details.map((d) => d.property)).toContain(property);
    // The failed attempt didn't use the token.
    await client.replyMessage({ replyToken: event.replyToken, messages: [text('fixed')] });
    expect(platform.replies).toHaveLength(1);
  });

  it('accepts what the bot sends: https and loopback images, quick replies, textV2 mentions', async () => {
    const user = platform.addUser({ displayName: 'Mom' });
    const group = platform.addGroup({ name: 'Family', members: [user.userId] });
    const event = platform.events.text({ groupId: group.groupId, userId: user.userId, text: 'x' });
    const messages: messagingApi.Message[] = [
      {
        type: 'image',
        originalContentUrl: 'https://home-log.example/charts/abc.png',
        previewImageUrl: 'http://127.0.0.1:3000/charts/abc.png',
      },
      {
        type: 'textV2',
        text: 'Thanks {who}! {{not a placeholder}}',
        substitution: {
          who: { type: 'mention', mentionee: { type: 'user', userId: user.userId } },
        },
      },
      {
        ...text('Which meter?'),
        quickReply: {
          items: [
            { type: 'action', action: { type: 'message', label: 'Power', text: 'meter 1' } },
            { type: 'action', action: { type: 'postback', label: 'Water', data: 'm=2' } },
            { type: 'action', action: { type: 'uri', label: 'Web', uri: 'https://a.example' } },
            {
              type: 'action',
              action: { type: 'datetimepicker', label: 'When', data: 'd', mode: 'date' },
            },
          ],
        },
      },
    ];
    await client.replyMessage({ replyToken: event.replyToken, messages });
    expect(platform.replies[0]?.chatId).toBe(group.groupId);
  });

  it('rejects http loopback images when allowHttpImages is false', async () => {
    const strict = await startFakeLinePlatform({
      channelAccessToken: TOKEN,
      allowHttpImages: false,
    });
    try {
      const api = new messagingApi.MessagingApiClient({
        channelAccessToken: TOKEN,
        baseURL: strict.url,
      });
      const url = 'http://localhost:3000/charts/a.png';
      const error = await fetchError(
        api.pushMessage({
          to: strict.botUserId,
          messages: [{ type: 'image', originalContentUrl: url, previewImageUrl: url }],
        }),
      );
      expect(error.status).toBe(400);
      expect(JSON.parse(error.body).details).toHaveLength(2);
    } finally {
      await strict.close();
    }
  });
});

describe('auth and routing', () => {
  it('answers 401 to a wrong bearer token', async () => {
    const wrong = new messagingApi.MessagingApiClient({
      channelAccessToken: 'not-the-token',
      baseURL: platform.url,
    });
    const { event } = oneOnOne();
    const error = await fetchError(
      wrong.replyMessage({ replyToken: event.replyToken, messages: [text('x')] }),
    );
    expect(error.status).toBe(401);
    expect(JSON.parse(error.body).message).toMatch(/^Authentication failed/);
    expect(error.headers.get('x-line-request-id')).toMatch(UUID);
    // The token is still good for the right client.
    await client.replyMessage({ replyToken: event.replyToken, messages: [text('x')] });
  });

  it('answers 404 Not found to endpoints it does not implement', async () => {
    const error = await fetchError(client.getFollowers());
    expect([error.status, JSON.parse(error.body)]).toEqual([404, { message: 'Not found' }]);
  });

  it('answers 400 to a body that is not JSON', async () => {
    const response = await fetch(`${platform.url}/v2/bot/message/push`, {
      method: 'POST',
      headers: { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/json' },
      body: '{"to": ',
    });
    expect(response.status).toBe(400);
  });
});

describe('push', () => {
  it('honours X-Line-Retry-Key: second send is 409 and is not recorded again', async () => {
    const user = platform.addUser({ displayName: 'Mom' });
    const key = '123e4567-e89b-12d3-a456-426614174000';
    const request = { to: user.userId, messages: [text('Reminder: read the meter')] };

    const first = await client.pushMessageWithHttpInfo(request, key);
    const error = await fetchError(client.pushMessage(request, key));
    expect(error.status).toBe(409);
    expect(error.headers.get('x-line-accepted-request-id')).toBe(
      first.httpResponse.headers.get('x-line-request-id'),
    );
    expect(JSON.parse(error.body)).toEqual({
      message: 'The retry key is already accepted',
      sentMessages: first.body.sentMessages,
    });
    expect(platform.pushes).toHaveLength(1);
    expect(platform.pushes[0]).toMatchObject({ to: user.userId, retryKey: key });
  });

  it('rejects a retry key that is not a UUID', async () => {
    const error = await fetchError(
      client.pushMessage({ to: platform.botUserId, messages: [text('x')] }, 'not-a-uuid'),
    );
    expect(error.status).toBe(400);
    expect(platform.pushes).toHaveLength(0);
  });

  it('lets a retry succeed after injected 500s (failNext) with the same key', async () => {
    const user = platform.addUser({ displayName: 'Mom' });
    platform.failNext('POST', '/v2/bot/message/push', 500, 2);
    const key = 'b1946ac9-2d8b-4c5e-9f2a-0123456789ab';
    const request = { to: user.userId, messages: [text('x')] };
    expect((await fetchError(client.pushMessage(request, key))).status).toBe(500);
    expect((await fetchError(client.pushMessage(request, key))).status).toBe(500);
    await expect(client.pushMessage(request, key)).resolves.toHaveProperty('sentMessages');
    expect(platform.pushes).toHaveLength(1);
    expect(platform.calls.map((c) => c.status)).toEqual([500, 500, 200]);
  });

  it('validates `to`', async () => {
    const error = await fetchError(client.pushMessage({ to: 'mom', messages: [text('x')] }));
    expect(JSON.parse(error.body).details).toEqual([
      { message: expect.any(String), property: 'to' },
    ]);
  });
});

describe('profiles, groups, bot info', () => {
  it('getProfile: known friend, unknown user, user who blocked the bot', async () => {
    const mom = platform.addUser({
      displayName: 'Mom',
      language: 'th',
      pictureUrl: 'https://profile.line-scdn.net/mom',
    });
    expect(await client.getProfile(mom.userId)).toEqual({
      userId: mom.userId,
      displayName: 'Mom',
      language: 'th',
      pictureUrl: 'https://profile.line-scdn.net/mom',
    });
    const unknown = await fetchError(client.getProfile(`U${'a'.repeat(32)}`));
    expect([unknown.status, JSON.parse(unknown.body)]).toEqual([404, { message: 'Not found' }]);

    platform.events.unfollow({ userId: mom.userId });
    expect((await fetchError(client.getProfile(mom.userId))).status).toBe(404);
    platform.events.follow({ userId: mom.userId, isUnblocked: true });
    expect((await client.getProfile(mom.userId)).displayName).toBe('Mom');
  });

  it('getGroupMemberProfile / getRoomMemberProfile: members only, friends or not', async () => {
    const mom = platform.addUser({ displayName: 'Mom', friend: false });
    const stranger = platform.addUser({ displayName: 'Stranger' });
    const group = platform.addGroup({ name: 'Family', members: [mom.userId] });
    const room = platform.addRoom({ members: [mom.userId] });

    expect(await client.getGroupMemberProfile(group.groupId, mom.userId)).toEqual({
      userId: mom.userId,
      displayName: 'Mom',
    });
    expect(await client.getRoomMemberProfile(room.roomId, mom.userId)).toMatchObject({
      displayName: 'Mom',
    });
    expect(
      (await fetchError(client.getGroupMemberProfile(group.groupId, stranger.userId))).status,
    ).toBe(404);
    expect(
      (await fetchError(client.getRoomMemberProfile(room.roomId, stranger.userId))).status,
    ).toBe(404);

    // Once the bot has left, LINE no longer answers for that group.
    platform.events.leave({ groupId: group.groupId });
    expect((await fetchError(client.getGroupMemberProfile(group.groupId, mom.userId))).status).toBe(
      404,
    );
  });

  it('getGroupSummary and getBotInfo', async () => {
    const group = platform.addGroup({ name: 'Family', members: [] });
    expect(await client.getGroupSummary(group.groupId)).toEqual({
      groupId: group.groupId,
      groupName: 'Family',
    });
    const info = await client.getBotInfo();
    expect(info).toMatchObject({ userId: platform.botUserId, chatMode: 'bot' });
    expect(info.basicId).toMatch(/^@/);
    expect(platform.botUserId).toMatch(/^U[0-9a-f]{32}$/);
  });
});

describe('loading animation', () => {
  it('is 202 {} for a user and 400 for a group or room', async () => {
    const user = platform.addUser({ displayName: 'Mom' });
    const group = platform.addGroup({ name: 'Family', members: [user.userId] });
    const { httpResponse, body } = await client.showLoadingAnimationWithHttpInfo({
      chatId: user.userId,
      loadingSeconds: 10,
    });
    expect([httpResponse.status, body]).toEqual([202, {}]);
    expect(platform.loadings).toEqual([
      expect.objectContaining({ chatId: user.userId, loadingSeconds: 10 }),
    ]);

    expect((await fetchError(client.showLoadingAnimation({ chatId: group.groupId }))).status).toBe(
      400,
    );
    const badSeconds = await fetchError(
      client.showLoadingAnimation({ chatId: user.userId, loadingSeconds: 7 }),
    );
    expect(badSeconds.status).toBe(400);
    expect(platform.loadings).toHaveLength(1);
  });
});

describe('recording helpers', () => {
  it('messagesTo lists replies to a chat and pushes to it, in order', async () => {
    const mom = platform.addUser({ displayName: 'Mom' });
    const dad = platform.addUser({ displayName: 'Dad' });
    const group = platform.addGroup({ name: 'Family', members: [mom.userId, dad.userId] });
    const inGroup = platform.events.text({ groupId: group.groupId, userId: mom.userId, text: 'a' });
    const direct = platform.events.text({ userId: dad.userId, text: 'b' });

    await client.replyMessage({ replyToken: inGroup.replyToken, messages: [text('1')] });
    await client.replyMessage({ replyToken: direct.replyToken, messages: [text('to dad')] });
    await client.pushMessage({
      to: group.groupId,
      messages: [
        text('2'),
        {
          type: 'image',
          originalContentUrl: 'https://x/a.png',
          previewImageUrl: 'https://x/a.png',
        },
      ],
    });

    expect(platform.messagesTo(group.groupId)).toHaveLength(3);
    expect(platform.textsTo(group.groupId)).toEqual(['1', '2', '[image] https://x/a.png']);
    expect(platform.textsTo(dad.userId)).toEqual(['to dad']);
    expect(platform.textsTo(mom.userId)).toEqual([]);
  });

  it('waitFor resolves on a later call and rejects listing what was recorded', async () => {
    const { event } = oneOnOne();
    const waiting = platform.waitFor((c) => c.path === '/v2/bot/message/reply' && c.status === 200);
    setTimeout(() => {
      void client.replyMessage({ replyToken: event.replyToken, messages: [text('later')] });
    }, 10);
    const call = await waiting;
    expect(call.body).toMatchObject({ replyToken: event.replyToken });
    // Already-recorded calls count too (no race between acting and waiting).
    await expect(platform.waitFor((c) => c.status === 200)).resolves.toBe(call);

    const failure = platform.waitFor((c) => c.path === '/v2/bot/message/push', 50);
    await expect(failure).rejects.toThrow(
      /no call matched[\s\S]*POST \/v2\/bot\/message\/reply → 200/,
    );
  });

  it('reset empties the recordings in place and forgets users', async () => {
    const { user } = oneOnOne();
    await client.getProfile(user.userId);
    const calls = platform.calls;
    platform.reset();
    expect(calls).toHaveLength(0);
    expect(platform.user(user.userId)).toBeUndefined();
  });
});

// Required properties, copied by hand from line-openapi/webhook.yml.
const REQUIRED = {
  CallbackRequest: ['destination', 'events'],
  Event: ['type', 'timestamp', 'mode', 'webhookEventId', 'deliveryContext'],
  DeliveryContext: ['isRedelivery'],
  Source: { user: ['type'], group: ['type', 'groupId'], room: ['type', 'roomId'] },
  byType: {
    message: ['message'],
    follow: ['replyToken', 'follow'],
    unfollow: [],
    join: ['replyToken'],
    leave: [],
    memberJoined: ['replyToken', 'joined'],
    memberLeft: ['left'],
    postback: ['postback'],
    unsend: ['unsend'],
  } as Record<string, string[]>,
  MessageContent: {
    text: ['type', 'id', 'text', 'quoteToken'],
    image: ['type', 'id', 'contentProvider', 'quoteToken'],
  } as Record<string, string[]>,
  Mentionee: ['type', 'index', 'length'],
  FollowDetail: ['isUnblocked'],
  Members: ['members'],
  PostbackContent: ['data'],
  UnsendDetail: ['messageId'],
  ContentProvider: ['type'],
};

function expectKeys(value: unknown, keys: string[], where: string) {
  expect(value, where).toBeTypeOf('object');
  for (const key of keys) expect(value, `${where}.${key}`).toHaveProperty(key);
}

function checkEvent(e: webhook.Event) {
  expectKeys(e, REQUIRED.Event, e.type);
  expectKeys(e, REQUIRED.byType[e.type] ?? [], e.type);
  expect(e.mode).toBe('active');
  expect(Number.isInteger(e.timestamp)).toBe(true);
  expect(e.webhookEventId).toMatch(ULID_PATTERN);
  expect(e.deliveryContext).toEqual({ isRedelivery: false });
  expectKeys(e.deliveryContext, REQUIRED.DeliveryContext, 'deliveryContext');
  if (e.source) expectKeys(e.source, REQUIRED.Source[e.source.type], `${e.type}.source`);
  if ('replyToken' in e && e.replyToken !== undefined) expect(e.replyToken).toMatch(/^\S{20,}$/);
  switch (e.type) {
    case 'message':
      expectKeys(e.message, REQUIRED.MessageContent[e.message.type] ?? [], 'message');
      if (e.message.type === 'text') {
        for (const m of e.message.mention?.mentionees ?? [])
          expectKeys(m, REQUIRED.Mentionee, 'mentionee');
      }
      if (e.message.type === 'image') {
        expectKeys(e.message.contentProvider, REQUIRED.ContentProvider, 'contentProvider');
      }
      break;
    case 'follow':
      expectKeys(e.follow, REQUIRED.FollowDetail, 'follow');
      break;
    case 'memberJoined':
      expectKeys(e.joined, REQUIRED.Members, 'joined');
      break;
    case 'memberLeft':
      expectKeys(e.left, REQUIRED.Members, 'left');
      break;
    case 'postback':
      expectKeys(e.postback, REQUIRED.PostbackContent, 'postback');
      break;
    case 'unsend':
      expectKeys(e.unsend, REQUIRED.UnsendDetail, 'unsend');
      break;
  }
}

describe('event factory', () => {
  it('produces events with every property webhook.yml requires', () => {
    const mom = platform.addUser({ displayName: 'Mom' });
    const kid = platform.addUser({ displayName: 'Kid', consented: false });
    const group = platform.addGroup({ name: 'Family', members: [mom.userId], botIsMember: false });
    const room = platform.addRoom({ members: [mom.userId] });
    const e = platform.events;
    const events: webhook.Event[] = [
      e.follow({ userId: mom.userId }),
      e.text({ userId: mom.userId, text: 'meter 1 = 4521' }),
      e.image({ userId: mom.userId }),
      e.postback({ userId: mom.userId, data: 'action=chart&m=1', params: { date: '2026-05-01' } }),
      e.join({ groupId: group.groupId }),
      e.memberJoined({ groupId: group.groupId, userIds: [kid.userId] }),
      e.text({
        groupId: group.groupId,
        userId: kid.userId,
        text: '@Home Log @Mom hi',
        mention: {
          mentionees: [
            { index: 0, length: 9, type: 'user', userId: platform.botUserId },
            { index: 10, length: 4, type: 'user', userId: mom.userId },
          ],
        },
        quotedMessageId: '468789577898262530',
      }),
      e.text({ roomId: room.roomId, userId: mom.userId, text: 'hi room' }),
      e.unsend({ userId: mom.userId, groupId: group.groupId, messageId: '325708' }),
      e.memberLeft({ groupId: group.groupId, userIds: [kid.userId] }),
      e.leave({ groupId: group.groupId }),
      e.unfollow({ userId: mom.userId }),
    ];
    for (const event of events) checkEvent(event);
    expectKeys(platform.callbackRequest(events), REQUIRED.CallbackRequest, 'callback');
    expect(platform.callbackRequest(events).destination).toMatch(/^U[0-9a-f]{32}$/);

    // Reply tokens exactly where LINE gives them.
    const withToken = events.filter((ev) => 'replyToken' in ev).map((ev) => ev.type);
    expect(withToken).toEqual([
      'follow',
      'message',
      'message',
      'postback',
      'join',
      'memberJoined',
      'message',
      'message',
    ]);
    // Consent: a non-consenting user's group message has no userId; the mentioned bot isSelf.
    const groupText = events[6] as webhook.MessageEvent & { message: webhook.TextMessageContent };
    expect(groupText.source).toEqual({ type: 'group', groupId: group.groupId });
    expect(groupText.message.mention?.mentionees).toEqual([
      { type: 'user', index: 0, length: 9, userId: platform.botUserId, isSelf: true },
      { type: 'user', index: 10, length: 4, userId: mom.userId, isSelf: false },
    ]);
    expect(groupText.message.quotedMessageId).toBe('468789577898262530');
    expect(events[7]?.source).toEqual({ type: 'room', roomId: room.roomId, userId: mom.userId });
    // Membership follows the events.
    expect(platform.group(group.groupId)).toMatchObject({
      botIsMember: false,
      members: [mom.userId],
    });
  });

  it('issues tokens for the chat the event came from', async () => {
    const mom = platform.addUser({ displayName: 'Mom' });
    const group = platform.addGroup({ name: 'Family', members: [mom.userId] });
    const postback = platform.events.postback({
      userId: mom.userId,
      groupId: group.groupId,
      data: 'x',
    });
    await client.replyMessage({ replyToken: postback.replyToken, messages: [text('ok')] });
    expect(platform.replies[0]).toMatchObject({
      chatId: group.groupId,
      source: { type: 'group', groupId: group.groupId, userId: mom.userId },
    });
  });

  it('refuses events that LINE could not send', () => {
    const mom = platform.addUser({ displayName: 'Mom' });
    const group = platform.addGroup({ name: 'Family', members: [] });
    expect(() => platform.events.text({ userId: `U${'f'.repeat(32)}`, text: 'x' })).toThrow(
      /unknown user/,
    );
    expect(() =>
      platform.events.text({ groupId: group.groupId, userId: mom.userId, text: 'x' }),
    ).toThrow(/not a member/);
    expect(() =>
      platform.events.text({
        userId: mom.userId,
        text: 'hi',
        mention: { mentionees: [{ index: 1, length: 5, type: 'all' }] },
      }),
    ).toThrow(RangeError);
  });
});

describe('ULIDs', () => {
  it('are 26-char Crockford base32, unique, and sort in creation order', () => {
    const ids = Array.from({ length: 2000 }, () => newUlid());
    for (const id of ids) expect(id).toMatch(ULID_PATTERN);
    expect(new Set(ids).size).toBe(ids.length);
    expect([...ids].sort()).toEqual(ids);
  });

  it('encode the time in the first 10 characters', () => {
    const ulid = ulidFactory();
    // The example from the ULID spec: 1469918176385 → 01ARYZ6S41…
    const a = ulid(1_469_918_176_385);
    const b = ulid(1_469_918_176_386);
    expect(a.slice(0, 10)).toBe('01ARYZ6S41');
    expect(a < b).toBe(true);
  });

  it('order events by time', () => {
    const user = platform.addUser({ displayName: 'Mom' });
    const ids = Array.from(
      { length: 50 },
      (_, i) => platform.events.text({ userId: user.userId, text: `${i}` }).webhookEventId,
    );
    expect([...ids].sort()).toEqual(ids);
  });
});

describe('Flex validation (messaging-api.yml Flex schemas and LINE size limits)', () => {
  const bubble = (extra: Record<string, unknown>) =>
    ({ type: 'bubble', ...extra }) as unknown as messagingApi.FlexBubble;
  const flex = (contents: unknown): messagingApi.FlexMessage => ({
    type: 'flex',
    altText: 'card',
    contents: contents as messagingApi.FlexContainer,
  });
  const body = (...contents: unknown[]) => ({ type: 'box', layout: 'vertical', contents });
  const cases: [string, messagingApi.FlexMessage, string][] = [
    [
      'button without a label',
      flex(
        bubble({ footer: body({ type: 'button', action: { type: 'message', text: 'usage' } }) }),
      ),
      'messages[0].contents.footer.contents[0].action.label',
    ],
    [
      'button label over 40 characters',
      flex(
        bubble({
          footer: body({
            type: 'button',
            action: { type: 'message', label: 'x'.repeat(41), text: 'usage' },
          }),
        }),
      ),
      'messages[0].contents.footer.contents[0].action.label',
    ],
    [
      'box without a layout',
      flex(bubble({ body: { type: 'box', contents: [] } })),
      'messages[0].contents.body.layout',
    ],
    [
      'empty text',
      flex(bubble({ body: body({ type: 'text', text: '' }) })),
      'messages[0].contents.body.contents[0].text',
    ],
    [
      'unknown component',
      flex(bubble({ body: body({ type: 'table' }) })),
      'messages[0].contents.body.contents[0].type',
    ],
    [
      'hero image over http on a public host',
      flex(bubble({ hero: { type: 'image', url: 'http://example.com/chart.png' } })),
      'messages[0].contents.hero.url',
    ],
    [
      'hero image with a malformed aspect ratio',
      flex(
        bubble({
          hero: { type: 'image', url: 'https://example.com/c.png', aspectRatio: 'square' },
        }),
      ),
      'messages[0].contents.hero.aspectRatio',
    ],
    [
      'bubble over 30 kB',
      flex(
        bubble({
          body: body(
            ...Array.from({ length: 40 }, () => ({ type: 'text', text: 'x'.repeat(1000) })),
          ),
        }),
      ),
      'messages[0].contents',
    ],
    [
      'carousel of 13 bubbles',
      flex({
        type: 'carousel',
        contents: Array.from({ length: 13 }, () =>
          bubble({ body: body({ type: 'text', text: 'a' }) }),
        ),
      }),
      'messages[0].contents.contents',
    ],
    ['unknown container', flex({ type: 'poster' }), 'messages[0].contents.type'],
  ];

  it.each(cases)('rejects %s', async (_, message, property) => {
    const { event } = oneOnOne();
    const error = await fetchError(
      client.replyMessage({ replyToken: event.replyToken, messages: [message] }),
    );
    expect(error.status).toBe(400);
    const details = (JSON.parse(error.body) as { details: { property: string }[] }).details;
    expect(details.map((d) => d.property)).toContain(property);
    expect(platform.replies).toHaveLength(0);
  });

  it('accepts a card with a hero image, texts, a tappable box and footer buttons', async () => {
    const { user, event } = oneOnOne();
    const card = flex(
      bubble({
        size: 'mega',
        hero: {
          type: 'image',
          url: 'https://example.com/chart.png',
          size: 'full',
          aspectRatio: '1:1',
          aspectMode: 'fit',
        },
        body: body(
          { type: 'text', text: 'Usage: 280 kWh', weight: 'bold', wrap: true },
          {
            type: 'box',
            layout: 'vertical',
            contents: [{ type: 'text', text: '1. Electric' }],
            action: { type: 'message', label: '1. Electric', text: 'history meter 1' },
          },
        ),
        footer: {
          type: 'box',
          layout: 'horizontal',
          contents: [
            {
              type: 'button',
              style: 'primary',
              action: { type: 'message', label: 'Chart', text: 'chart meter 1' },
            },
          ],
        },
      }),
    );
    await client.replyMessage({ replyToken: event.replyToken, messages: [card] });
    expect(platform.textsTo(user.userId)).toEqual(['card']);
  });
});

describe('message content (messaging-api.yml getMessageContent, on api-data.line.me)', () => {
  const blobClient = () =>
    new messagingApi.MessagingApiBlobClient({ channelAccessToken: TOKEN, baseURL: platform.url });

  it("serves an image message's bytes, with the content type LINE gave them", async () => {
    const user = platform.addUser({ displayName: 'Dad' });
    const bytes = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 1, 2, 3]);
    const event = platform.events.image({ userId: user.userId, content: { bytes } });
    const response = await blobClient().getMessageContentWithHttpInfo(event.message.id);
    expect(response.httpResponse.headers.get('content-type')).toBe('image/jpeg');
    expect(response.httpResponse.headers.get('x-line-request-id')).toMatch(UUID);
    const chunks: Buffer[] = [];
    for await (const chunk of response.body) chunks.push(Buffer.from(chunk as Uint8Array));
    expect(Buffer.concat(chunks)).toEqual(bytes);
    const [call] = platform.calls;
    expect(call).toMatchObject({
      method: 'GET',
      path: `/v2/bot/message/${event.message.id}/content`,
      status: 200,
      response: `[image/jpeg, ${bytes.length} bytes]`,
    });
  });

  it('answers 404 to a message it never issued, 400 to an id that is not one, 401 without the token', async () => {
    expect((await fetchError(blobClient().getMessageContent('123456789'))).status).toBe(404);
    expect((await fetchError(blobClient().getMessageContent('abc'))).status).toBe(400);
    const user = platform.addUser({ displayName: 'Kid' });
    const event = platform.events.image({ userId: user.userId });
    const stranger = new messagingApi.MessagingApiBlobClient({
      channelAccessToken: 'wrong',
      baseURL: platform.url,
    });
    expect((await fetchError(stranger.getMessageContent(event.message.id))).status).toBe(401);
  });
});

describe('file and image content for the bot to fetch', () => {
  const blob = () =>
    new messagingApi.MessagingApiBlobClient({ channelAccessToken: TOKEN, baseURL: platform.url });
  const read = async (stream: AsyncIterable<Buffer | Uint8Array>) => {
    const chunks: Buffer[] = [];
    for await (const chunk of stream) chunks.push(Buffer.from(chunk));
    return Buffer.concat(chunks);
  };

  it('serves the bytes of a file message through the SDK blob client', async () => {
    const event = platform.events.file({
      userId: platform.addUser({ displayName: 'Som' }).userId,
      fileName: 'readings.csv',
      content: 'time,value\n2026-01-01,1\n',
    });
    // webhook.yml FileMessageContent: id, type, fileName and fileSize are required.
    expect(event.message).toEqual({
      id: expect.stringMatching(/^\d+$/),
      type: 'file',
      fileName: 'readings.csv',
      fileSize: 24,
    });
    const body = await read(await blob().getMessageContent(event.message.id));
    expect(body.toString('utf8')).toBe('time,value\n2026-01-01,1\n');
    expect(platform.calls.at(-1)).toMatchObject({
      method: 'GET',
      path: `/v2/bot/message/${event.message.id}/content`,
      status: 200,
      response: '[application/octet-stream, 24 bytes]',
    });
  });

  it('answers 404 for unknown or expired content, 401 without the token, 400 to a query', async () => {
    const event = platform.events.file({
      userId: platform.addUser({ displayName: 'Som' }).userId,
      fileName: 'a.csv',
      content: 'x',
    });
    expect((await fetchError(blob().getMessageContent('123'))).status).toBe(404);
    const url = `${platform.url}/v2/bot/message/${event.message.id}/content`;
    expect((await fetch(url)).status).toBe(401);
    const auth = { headers: { authorization: `Bearer ${TOKEN}` } };
    expect((await fetch(`${url}?preview=1`, auth)).status).toBe(400);
    expect((await fetch(url, auth)).status).toBe(200);
    platform.expireContent(event.message.id);
    expect((await fetchError(blob().getMessageContent(event.message.id))).status).toBe(404);
  });
});

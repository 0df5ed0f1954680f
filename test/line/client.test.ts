import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Writable } from 'node:stream';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { type FakeLinePlatform, startFakeLinePlatform } from '../../src/dev/fake-line-platform';
import { createLineApi, type JsonPost, type LineApi, retryKeyUuid } from '../../src/line/client';
import { nodeHttpPost } from '../../src/line/node-http-post';
import { createLogger } from '../../src/logger';

// Replies and pushes go out through the SDK's fetch (Workers) or Node's HTTP client (the Node
// entry): both must behave alike.
describe.each([
  { transport: "the SDK's fetch", post: undefined as JsonPost | undefined },
  { transport: "Node's HTTP client", post: nodeHttpPost() },
])('the LINE API client, replies and pushes through $transport', ({ post }) => {
  let platform: FakeLinePlatform;
  let line: LineApi;
  let logs: Record<string, unknown>[];

  beforeAll(async () => {
    platform = await startFakeLinePlatform({ channelAccessToken: 'client-test-token' });
  });
  afterAll(async () => {
    await platform.close();
  });
  beforeEach(() => {
    platform.clearRecorded();
    logs = [];
    line = createLineApi({
      channelAccessToken: 'client-test-token',
      baseUrl: platform.url,
      dataBaseUrl: platform.url,
      logger: createLogger('debug', sinkOf(logs)),
      backoffMs: () => 0,
      ...(post ? { post } : {}),
    });
  });

  const calls = (path: string) => platform.calls.filter((c) => c.path === path);

  it('retries a push after a 500 with the same retry key, and it is delivered once', async () => {
    const user = platform.addUser({ displayName: 'A' });
    platform.failNext('POST', '/v2/bot/message/push', 500);
    expect(await line.push(user.userId, [{ type: 'text', text: 'hello' }], 'event:1')).toBe(true);
    const attempts = calls('/v2/bot/message/push');
    expect(attempts.map((c) => c.status)).toEqual([500, 200]);
    expect(new Set(attempts.map((c) => c.headers['x-line-retry-key']))).toEqual(
      new Set([retryKeyUuid('event:1')]),
    );
    expect(platform.pushes).toHaveLength(1);
    const warning = logs.find((l) => l.msg === 'LINE API call failed, retrying');
    expect(warning).toMatchObject({
      endpoint: 'push',
      status: 500,
      requestId: attempts[0]!.requestId,
    });
  });

  it('treats a 409 (the retry key was already accepted) as delivered, without sending twice', async () => {
    const user = platform.addUser({ displayName: 'B' });
    expect(await line.push(user.userId, [{ type: 'text', text: 'once' }], 'event:2')).toBe(true);
    expect(await line.push(user.userId, [{ type: 'text', text: 'once' }], 'event:2')).toBe(true);
    expect(platform.pushes).toHaveLength(1);
  });

  it("does not retry a refused reply (a 4xx), and logs LINE's request id", async () => {
    expect(await line.reply('no-such-token', [{ type: 'text', text: 'hi' }])).toBe(false);
    const attempts = calls('/v2/bot/message/reply');
    expect(attempts).toHaveLength(1);
    expect(attempts[0]!.status).toBe(400);
    const error = logs.find((l) => l.msg === 'LINE API call failed');
    expect(error).toMatchObject({
      endpoint: 'reply',
      status: 400,
      requestId: attempts[0]!.requestId,
    });
    expect(String(error?.body)).toContain('Invalid reply token');
  });

  it('retries a reply after a 500: a repeat cannot double-send, the token works once', async () => {
    const user = platform.addUser({ displayName: 'C' });
    const event = platform.events.text({ userId: user.userId, text: 'hi' });
    platform.failNext('POST', '/v2/bot/message/reply', 500);
    expect(await line.reply(event.replyToken, [{ type: 'text', text: 'hello ครับ' }])).toBe(true);
    expect(calls('/v2/bot/message/reply').map((c) => c.status)).toEqual([500, 200]);
    expect(platform.replies).toHaveLength(1);
    expect(platform.replies[0]).toMatchObject({
      replyToken: event.replyToken,
      messages: [{ type: 'text', text: 'hello ครับ' }],
    });
  });

  it('retries when LINE cannot be reached, then gives up and logs it without a status', async () => {
    const down = createLineApi({
      channelAccessToken: 'client-test-token',
      // Nothing listens on port 1.
      baseUrl: 'http://127.0.0.1:1',
      dataBaseUrl: 'http://127.0.0.1:1',
      logger: createLogger('debug', sinkOf(logs)),
      backoffMs: () => 0,
      ...(post ? { post } : {}),
    });
    expect(await down.reply('token', [{ type: 'text', text: 'hi' }])).toBe(false);
    expect(await down.push('U1', [{ type: 'text', text: 'hi' }], 'event:down')).toBe(false);
    const failures = logs.filter((l) => String(l.msg).startsWith('LINE API call failed'));
    expect(failures.map((l) => [l.endpoint, l.attempt, l.status])).toEqual([
      ['reply', 1, null],
      ['reply', 2, null],
      ['reply', 3, null],
      ['push', 1, null],
      ['push', 2, null],
      ['push', 3, null],
    ]);
  });

  it('gives up after three failed attempts', async () => {
    const user = platform.addUser({ displayName: 'D' });
    platform.failNext('POST', '/v2/bot/message/push', 503, 5);
    expect(await line.push(user.userId, [{ type: 'text', text: 'x' }], 'event:3')).toBe(false);
    expect(calls('/v2/bot/message/push')).toHaveLength(3);
  });

  it('returns null for a profile LINE does not have', async () => {
    expect(await line.getProfile(`U${'0'.repeat(32)}`)).toBeNull();
    const user = platform.addUser({ displayName: 'Ploy', language: 'th' });
    expect(await line.getProfile(user.userId)).toMatchObject({
      displayName: 'Ploy',
      language: 'th',
    });
  });

  it('never logs the access token', async () => {
    await line.reply('no-such-token', [{ type: 'text', text: 'hi' }]);
    expect(JSON.stringify(logs)).not.toContain('client-test-token');
  });

  it('derives a well-formed, stable UUID from any retry key', () => {
    expect(retryKeyUuid('event:1')).toMatch(
      /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/,
    );
    expect(retryKeyUuid('event:1')).toBe(retryKeyUuid('event:1'));
    expect(retryKeyUuid('event:1')).not.toBe(retryKeyUuid('event:2'));
  });
  it('downloads message content up to a limit: larger is tooLarge, a gone message unavailable', async () => {
    const user = platform.addUser({ displayName: 'E' });
    const bytes = Buffer.alloc(5000, 7);
    const event = platform.events.image({ userId: user.userId, content: { bytes } });
    expect(await line.messageContent(event.message.id, 5000)).toEqual({
      ok: true,
      bytes,
      contentType: 'image/jpeg',
    });
    expect(await line.messageContent(event.message.id, 4999)).toEqual({
      ok: false,
      reason: 'tooLarge',
    });
    // A 404 is not retried.
    const before = platform.calls.length;
    expect(await line.messageContent('123', 5000)).toEqual({ ok: false, reason: 'unavailable' });
    expect(platform.calls.length - before).toBe(1);
    // A 500 is, and then the content arrives.
    platform.failNext('GET', `/v2/bot/message/${event.message.id}/content`, 500);
    expect(await line.messageContent(event.message.id, 5000)).toMatchObject({ ok: true });
  });
});

/** A log destination that keeps each line, parsed, in `logs`. */
function sinkOf(logs: Record<string, unknown>[]) {
  return new Writable({
    write(chunk, _encoding, done) {
      logs.push(JSON.parse(String(chunk)));
      done();
    },
  });
}

describe("replies through Node's HTTP client", () => {
  it('count as sent when LINE answers 200 with a body that is not JSON, and are not sent again', async () => {
    const received: string[] = [];
    const server = createServer((request, response) => {
      let body = '';
      request.on('data', (chunk) => (body += chunk));
      request.on('end', () => {
        received.push(`${request.method} ${request.url} ${body}`);
        response.writeHead(200, { 'content-type': 'text/plain' }).end('OK');
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    const logs: Record<string, unknown>[] = [];
    try {
      const line = createLineApi({
        channelAccessToken: 'client-test-token',
        baseUrl: `http://127.0.0.1:${port}`,
        dataBaseUrl: `http://127.0.0.1:${port}`,
        logger: createLogger('debug', sinkOf(logs)),
        backoffMs: () => 0,
        post: nodeHttpPost(),
      });
      expect(await line.reply('token-1', [{ type: 'text', text: 'stored' }])).toBe(true);
      expect(received).toEqual([
        'POST /v2/bot/message/reply {"replyToken":"token-1","messages":[{"type":"text","text":"stored"}]}',
      ]);
      expect(logs.map((l) => l.msg)).toContain('LINE answered not JSON');
    } finally {
      server.close();
    }
  });
});

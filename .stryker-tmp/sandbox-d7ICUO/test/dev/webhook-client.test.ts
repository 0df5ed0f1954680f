// @ts-nocheck
import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { validateSignature, type webhook } from '@line/bot-sdk';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakeLinePlatform } from '../../src/dev/fake-line-platform';
import { PLACEHOLDER_DESTINATION, postWebhook, signBody } from '../../src/dev/webhook-client';

const SECRET = 'test_channel_secret';

interface Received {
  url: string;
  headers: IncomingMessage['headers'];
  raw: Buffer;
}

// A stand-in for the app: records exactly what arrived and answers 200.
let received: Received[] = [];
let appUrl = '';
const app = createServer((req, res) => {
  const chunks: Buffer[] = [];
  req.on('data', (c: Buffer) => chunks.push(c));
  req.on('end', () => {
    received.push({ url: req.url ?? '', headers: req.headers, raw: Buffer.concat(chunks) });
    res.writeHead(200, { 'content-type': 'text/plain' }).end('OK');
  });
});

beforeAll(async () => {
  await new Promise<void>((resolve) => app.listen(0, '127.0.0.1', resolve));
  appUrl = `http://127.0.0.1:${(app.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => app.close(() => resolve())));

describe('signBody', () => {
  it('matches validateSignature from @line/bot-sdk, including non-ASCII bodies', () => {
    for (const body of ['{}', '{"events":[]}', JSON.stringify({ text: 'มิเตอร์ 1 = 4521 ⚡' })]) {
      const signature = signBody(body, SECRET);
      expect(validateSignature(body, SECRET, signature)).toBe(true);
      expect(validateSignature(Buffer.from(body), SECRET, signature)).toBe(true);
      expect(validateSignature(body, 'other_secret', signature)).toBe(false);
    }
  });
});

describe('postWebhook', () => {
  it('signs the exact bytes it sends', async () => {
    const platform = await startFakeLinePlatform({ channelAccessToken: 't' });
    try {
      received = [];
      const user = platform.addUser({ displayName: 'แม่' });
      const event = platform.events.text({ userId: user.userId, text: 'มิเตอร์ 1 = 4521' });
      const result = await postWebhook(
        `${appUrl}/webhook`,
        SECRET,
        platform.callbackRequest([event]),
      );
      expect(result).toEqual({ status: 200, body: 'OK' });

      const got = received[0];
      expect(got?.url).toBe('/webhook');
      const signature = got?.headers['x-line-signature'];
      expect(typeof signature).toBe('string');
      expect(validateSignature(got?.raw ?? Buffer.alloc(0), SECRET, signature as string)).toBe(
        true,
      );
      expect(got?.headers['content-type']).toMatch(/^application\/json/);
      const body = JSON.parse(got?.raw.toString('utf8') ?? '') as webhook.CallbackRequest;
      expect(body).toEqual({ destination: platform.botUserId, events: [event] });
    } finally {
      await platform.close();
    }
  });

  it('omits or overrides the signature, appends /webhook to a bare origin, marks redelivery', async () => {
    received = [];
    const event: webhook.UnfollowEvent = {
      type: 'unfollow',
      timestamp: 1,
      mode: 'active',
      webhookEventId: '01ARZ3NDEKTSV4RRFFQ69G5FAV',
      deliveryContext: { isRedelivery: false },
      source: { type: 'user', userId: `U${'1'.repeat(32)}` },
    };
    await postWebhook(appUrl, SECRET, [event], { signature: null, redelivery: true });
    await postWebhook(appUrl, SECRET, [event], { signature: 'forged' });

    const [unsigned, forged] = received;
    expect(unsigned?.url).toBe('/webhook');
    expect(unsigned?.headers['x-line-signature']).toBeUndefined();
    expect(JSON.parse(unsigned?.raw.toString() ?? '')).toEqual({
      destination: PLACEHOLDER_DESTINATION,
      events: [{ ...event, deliveryContext: { isRedelivery: true } }],
    });
    expect(forged?.headers['x-line-signature']).toBe('forged');
  });

  it('can go through an in-process fetch such as hono app.request', async () => {
    const seen: Request[] = [];
    const result = await postWebhook('http://app.local/webhook', SECRET, [], {
      fetch: (url, init) => {
        seen.push(new Request(url, init));
        return new Response('{}', { status: 200 });
      },
    });
    expect(result.status).toBe(200);
    const request = seen[0] as Request;
    const raw = await request.text();
    expect(validateSignature(raw, SECRET, request.headers.get('x-line-signature') ?? '')).toBe(
      true,
    );
  });
});

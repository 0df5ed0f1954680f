import { createHmac } from 'node:crypto';
import { asc } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readings, webhookEvents } from '../../src/db/schema';
import { signBody } from '../../src/dev/webhook-client';
import { exchange, type Person, person } from '../helpers/chat';
import { type Harness, startHarness } from '../helpers/harness';

describe('POST /webhook', () => {
  let h: Harness;
  let malee: Person;

  beforeAll(async () => {
    h = await startHarness();
    malee = person(h, h.platform.addUser({ displayName: 'Malee', language: 'en' }));
    await malee.say('add meter Water m3');
  });
  afterAll(async () => {
    await h?.close();
  });

  const post = (
    body: string,
    signature: string | null,
    extraHeaders: Record<string, string> = {},
  ) =>
    fetch(`${h.url}/webhook`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        ...(signature === null ? {} : { 'x-line-signature': signature }),
        ...extraHeaders,
      },
      body,
    });
  const secret = () => h.config.line.channelSecret;
  const eventCount = () => h.database.db.$count(webhookEvents);
  const readingValues = async () =>
    (
      await h.database.db
        .select({ value: readings.value })
        .from(readings)
        .orderBy(asc(readings.number))
    ).map((r) => r.value);

  it('answers the verification ping with 200', async () => {
    const body = JSON.stringify({ destination: h.platform.botUserId, events: [] });
    const response = await post(body, signBody(body, secret()));
    expect(response.status).toBe(200);
  });

  it('accepts the signature header in any letter case', async () => {
    const body = JSON.stringify({ destination: h.platform.botUserId, events: [] });
    const response = await fetch(`${h.url}/webhook`, {
      method: 'POST',
      headers: { 'X-Line-Signature': signBody(body, secret()) },
      body,
    });
    expect(response.status).toBe(200);
  });

  describe('refuses with 401 and writes nothing', () => {
    const event = () =>
      h.platform.events.text({ userId: malee.user.userId, text: 'meter 1 = 100' });

    it.each([
      ['a missing signature', (_body: string) => null],
      ['an empty signature', (_body: string) => ''],
      ['garbage', (_body: string) => 'not-base64!!'],
      [
        'the signature of another secret',
        (body: string) => signBody(body, 'another-channel-secret'),
      ],
      ['a signature of other bytes', (body: string) => signBody(`${body} `, secretValue)],
      ['a truncated signature', (body: string) => signBody(body, secretValue).slice(0, 20)],
      [
        'a hex digest instead of base64',
        (body: string) => createHmac('sha256', secretValue).update(body).digest('hex'),
      ],
    ])('%s', async (_what, sign) => {
      secretValue = secret();
      const before = { events: await eventCount(), readings: await readingValues() };
      const body = JSON.stringify(h.platform.callbackRequest([event()]));
      const response = await post(body, sign(body));
      expect(response.status).toBe(401);
      await h.idle();
      expect(await eventCount()).toBe(before.events);
      expect(await readingValues()).toEqual(before.readings);
    });
  });
  let secretValue = '';

  it('refuses a body over the limit with 413', async () => {
    const body = JSON.stringify({ events: [], padding: 'x'.repeat(1024 * 1024 + 1) });
    const response = await post(body, signBody(body, secret()));
    expect(response.status).toBe(413);
  });

  // Without a content-length (chunked), the size is only known while reading.
  const postChunked = (body: string, signature: string) =>
    fetch(`${h.url}/webhook`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-line-signature': signature },
      body: new ReadableStream({
        start(controller) {
          for (let at = 0; at < body.length; at += 64 * 1024) {
            controller.enqueue(new TextEncoder().encode(body.slice(at, at + 64 * 1024)));
          }
          controller.close();
        },
      }),
      duplex: 'half',
    } as RequestInit);

  it('refuses a chunked body over the limit with 413 and records nothing', async () => {
    const before = await eventCount();
    const event = h.platform.events.text({ userId: malee.user.userId, text: 'meter 1 = 101' });
    const body = JSON.stringify({ events: [event], padding: 'x'.repeat(1024 * 1024 + 1) });
    const response = await postChunked(body, signBody(body, secret()));
    expect(response.status).toBe(413);
    await h.idle();
    expect(await eventCount()).toBe(before);
  });

  it('takes a chunked body within the limit', async () => {
    const before = await readingValues();
    const event = h.platform.events.text({ userId: malee.user.userId, text: 'meter 1 = 102' });
    const body = JSON.stringify({ events: [event], padding: 'x'.repeat(200 * 1024) });
    const response = await postChunked(body, signBody(body, secret()));
    expect(response.status).toBe(200);
    await h.idle();
    expect(await readingValues()).toEqual([...before, '102']);
  });

  it('refuses malformed JSON with a valid signature with 400', async () => {
    const body = '{"events": [ {"type": "message", ';
    const response = await post(body, signBody(body, secret()));
    expect(response.status).toBe(400);
  });

  it('refuses JSON without an events list with 400', async () => {
    for (const body of ['{}', '[]', 'null', '{"events": {}}', '"events"']) {
      const response = await post(body, signBody(body, secret()));
      expect(response.status, body).toBe(400);
    }
  });

  it('records each event once: the same event delivered three times gives one reading and one reply', async () => {
    const before = await readingValues();
    const event = h.platform.events.text({ userId: malee.user.userId, text: 'meter 1 = 120.5' });
    const repliesBefore = h.platform.replies.length;
    const results = await Promise.all([
      h.webhook([event]),
      h.webhook([event], { redelivery: true }),
      h.webhook([event], { redelivery: true }),
    ]);
    expect(results.map((r) => r.status)).toEqual([200, 200, 200]);
    await h.idle();
    expect(await readingValues()).toEqual([...before, '120.5']);
    const replies = h.platform.replies.slice(repliesBefore);
    expect(replies).toHaveLength(1);
    expect(JSON.stringify(replies[0]?.messages)).toContain('120.5 m³');
  });

  it('ignores event types it does not know (LINE adds them without notice)', async () => {
    const body = JSON.stringify(
      h.platform.callbackRequest([
        {
          type: 'somethingNew',
          mode: 'active',
          timestamp: Date.now(),
          webhookEventId: '01JNEWEVENTTYPE0000000000A',
          deliveryContext: { isRedelivery: false },
          source: { type: 'user', userId: malee.user.userId },
          brandNewField: { nested: true },
        } as never,
      ]),
    );
    const response = await post(body, signBody(body, secret()));
    expect(response.status).toBe(200);
    await h.idle();
  });

  it('stores 20 readings sent at once into one chat, each once, at the times they were sent', async () => {
    const meter = await malee.say('add meter Gas m3');
    expect(meter.text).toContain('meter 2 "Gas"');
    const base = Date.now() - 60_000;
    const events = Array.from({ length: 20 }, (_, i) => {
      const event = h.platform.events.text({
        userId: malee.user.userId,
        text: `meter 2 = ${1000 + i * 10}`,
      });
      return { ...event, timestamp: base + i * 100 };
    });
    // Twenty separate webhook requests, all in flight together. Which one the server records
    // first is a race (a later one may arrive first and be processed before an earlier one
    // exists), so "#N" may follow arrival; the readings' times are LINE's timestamps, and in time
    // order they are exactly what was sent.
    const results = await Promise.all(events.map((event) => h.webhook([event])));
    expect(results.every((r) => r.status === 200)).toBe(true);
    await h.idle(30_000);
    const gas = await h.database.db
      .select({ number: readings.number, value: readings.value, takenAt: readings.takenAt })
      .from(readings)
      .orderBy(asc(readings.takenAt));
    const sent = gas.filter((r) => Number(r.value) >= 1000);
    expect(sent.map((r) => Number(r.value))).toEqual(
      Array.from({ length: 20 }, (_, i) => 1000 + i * 10),
    );
    expect(sent.map((r) => r.takenAt.getTime())).toEqual(events.map((event) => event.timestamp));
    expect(new Set(sent.map((r) => r.number)).size).toBe(20);
  });

  it('stores 20 readings of one request in their order, numbered as sent', async () => {
    const meter = await malee.say('add meter Oil L');
    expect(meter.text).toContain('"Oil"');
    const number = /meter (\d+) "Oil"/.exec(meter.text)![1];
    const base = Date.now() - 60_000;
    const events = Array.from({ length: 20 }, (_, i) => ({
      ...h.platform.events.text({
        userId: malee.user.userId,
        text: `meter ${number} = ${2000 + i * 10}`,
      }),
      timestamp: base + i * 100,
    }));
    expect((await h.webhook(events)).status).toBe(200);
    await h.idle(30_000);
    const oil = await h.database.db
      .select({ value: readings.value })
      .from(readings)
      .orderBy(asc(readings.number));
    const stored = oil.filter((r) => Number(r.value) >= 2000).map((r) => Number(r.value));
    expect(stored).toEqual(Array.from({ length: 20 }, (_, i) => 2000 + i * 10));
  });

  it('processes several events of one body, from different users, each once', async () => {
    const other = person(h, h.platform.addUser({ displayName: 'Niran', language: 'en' }));
    const answer = await exchange(h, [
      h.platform.events.text({ userId: malee.user.userId, text: 'meters' }),
      h.platform.events.text({ userId: other.user.userId, text: 'help' }),
    ]);
    expect(answer.text).toContain('Your meters:');
    expect(answer.text).toContain('What I understand:');
  });
});

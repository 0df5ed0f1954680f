import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readings, webhookEvents } from '../../src/db/schema';
import { signBody } from '../../src/dev/webhook-client';
import { type Person, person } from '../helpers/chat';
import { type Harness, startHarness } from '../helpers/harness';

// A captured, validly signed body must not work again once the inbox may have forgotten its event
// ids: events older than the accepted age are refused at the door. And a request without any
// signature is refused before its body is read.
describe('replayed and unsigned webhooks', () => {
  let h: Harness;
  let malee: Person;

  beforeAll(async () => {
    h = await startHarness({ env: { WEBHOOK_MAX_EVENT_AGE_HOURS: '24' } });
    malee = person(h, h.platform.addUser({ displayName: 'Malee', language: 'en' }));
    await malee.say('add meter Water m3');
  });
  afterAll(async () => {
    await h?.close();
  });

  const post = async (events: unknown[]) => {
    const body = JSON.stringify({ destination: h.platform.botUserId, events });
    return fetch(`${h.url}/webhook`, {
      method: 'POST',
      headers: { 'x-line-signature': signBody(body, h.config.line.channelSecret) },
      body,
    });
  };
  const storedValues = async () =>
    (
      await h.database.db
        .select({ value: readings.value })
        .from(readings)
        .orderBy(readings.enteredAt)
    ).map((r) => r.value);

  it('refuses an event older than the accepted age: nothing recorded, stored or answered', async () => {
    const capture = h.platform.events.text({ userId: malee.user.userId, text: 'meter 1 = 120' });
    const replayed = { ...capture, timestamp: Date.now() - 25 * 3_600_000 };
    const repliesBefore = h.platform.replies.length;
    const storedBefore = await storedValues();
    const response = await post([replayed]);
    await h.idle();
    expect(response.status).toBe(200);
    expect(await h.database.db.$count(webhookEvents)).toBeGreaterThan(0);
    const ids = (
      await h.database.db.select({ id: webhookEvents.webhookEventId }).from(webhookEvents)
    ).map((r) => r.id);
    expect(ids).not.toContain(replayed.webhookEventId);
    expect(await storedValues()).toEqual(storedBefore);
    expect(h.platform.replies.length).toBe(repliesBefore);
  });

  it('still takes an event within the accepted age, in the same request as a stale one', async () => {
    const fresh = h.platform.events.text({ userId: malee.user.userId, text: 'meter 1 = 130' });
    const stale = {
      ...h.platform.events.text({ userId: malee.user.userId, text: 'meter 1 = 140' }),
      timestamp: Date.now() - 48 * 3_600_000,
    };
    const storedBefore = await storedValues();
    const response = await post([stale, { ...fresh, timestamp: Date.now() - 23 * 3_600_000 }]);
    await h.idle();
    expect(response.status).toBe(200);
    expect(await storedValues()).toEqual([...storedBefore, '130']);
  });

  it('answers 401 to a request without a signature before reading its body', async () => {
    // Larger than the body limit: a server that read it first would answer 413.
    const response = await fetch(`${h.url}/webhook`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: 'x'.repeat(3 * 1024 * 1024),
    });
    expect(response.status).toBe(401);
  });
});

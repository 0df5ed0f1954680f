import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../src/app';
import { signBody } from '../../src/dev/webhook-client';
import { type Harness, recordingOnlyBot, startHarness } from '../helpers/harness';

// Processing yields to the webhook when requests queue for their 200 (bot/processor.ts): the
// webhook must count each request from its arrival until it is answered, refused ones too.
describe('the webhook counts the requests waiting for their answer', () => {
  let h: Harness;
  const counted = { waiting: 0, answered: 0 };
  const bot = recordingOnlyBot('counting');
  bot.processor.acknowledging = () => {
    counted.waiting++;
    return () => {
      counted.waiting--;
      counted.answered++;
    };
  };

  beforeAll(async () => {
    h = await startHarness({ createApp: (deps) => createApp(deps, bot) });
  });
  afterAll(async () => {
    await h?.close();
  });

  it('from arrival to answer, for accepted and refused requests alike', async () => {
    const user = h.platform.addUser({ displayName: 'Somchai', language: 'en' });
    const accepted = Array.from({ length: 6 }, (_, i) =>
      h.webhook([h.platform.events.text({ userId: user.userId, text: `meter 1 = ${i}` })]),
    );
    const body = '{"events": [';
    const malformed = fetch(`${h.url}/webhook`, {
      method: 'POST',
      headers: { 'x-line-signature': signBody(body, h.config.line.channelSecret) },
      body,
    });
    const statuses = [
      ...(await Promise.all(accepted)).map((r) => r.status),
      (await malformed).status,
    ];
    expect(statuses).toEqual([200, 200, 200, 200, 200, 200, 400]);
    expect(counted).toMatchObject({ waiting: 0, answered: 7 });
  });
});

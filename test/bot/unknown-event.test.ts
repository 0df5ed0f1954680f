import type { webhook } from '@line/bot-sdk';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { webhookEvents } from '../../src/db/schema';
import { type Harness, startHarness } from '../helpers/harness';

// LINE adds event types over time; one this version does not know must be recorded, finished
// and left unanswered, never retried or failed.

describe('an event type the bot does not know', () => {
  let h: Harness;

  beforeEach(async () => {
    h = await startHarness();
  });
  afterEach(async () => {
    await h?.close();
  });

  it('ends done, with no reply and no push', async () => {
    const user = h.platform.addUser({ displayName: 'Somchai', language: 'en' });
    // A real event's envelope (id, reply token, source) with a type from the future.
    const known = h.platform.events.text({ userId: user.userId, text: 'help' });
    const unknown = {
      ...known,
      type: 'somethingNew',
      message: undefined,
    } as unknown as webhook.Event;
    expect((await h.webhook([unknown])).status).toBe(200);
    await h.idle();

    expect(
      await h.database.db
        .select({
          type: webhookEvents.type,
          status: webhookEvents.status,
          error: webhookEvents.lastError,
        })
        .from(webhookEvents),
    ).toEqual([{ type: 'somethingNew', status: 'done', error: null }]);
    expect(h.platform.replies).toEqual([]);
    expect(h.platform.pushes).toEqual([]);
  });
});

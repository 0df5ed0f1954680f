import { afterEach, describe, expect, it } from 'vitest';
import { person } from '../helpers/chat';
import { type Harness, startHarness } from '../helpers/harness';

// Chats take turns: a quiet chat's question is answered after at most one event of each busy
// chat, not behind another chat's whole backlog.

describe('fairness between chats', () => {
  let h: Harness | undefined;
  afterEach(async () => {
    await h?.close();
    h = undefined;
  });

  it("answers a second person's help before a burst that arrived earlier in another chat", async () => {
    h = await startHarness({ databaseKind: 'pglite' }); // one worker, as on PGlite in production
    const busy = person(h, h.platform.addUser({ displayName: 'Busy', language: 'en' }));
    const quiet = h.platform.addUser({ displayName: 'Quiet', language: 'en' });
    await busy.say('add meter Electric kWh');
    const repliesBefore = h.platform.replies.length;

    const base = Date.now() - 60_000;
    const burst = Array.from({ length: 25 }, (_, i) => ({
      ...h!.platform.events.text({ userId: busy.user.userId, text: `meter 1 = ${1000 + i}` }),
      timestamp: base + i,
    }));
    const acked = await Promise.all(burst.map((event) => h!.webhook([event])));
    expect(acked.every((result) => result.status === 200)).toBe(true);
    // The whole burst is recorded; the quiet person asks now.
    const servedBeforeHelp = h.platform.replies.length - repliesBefore;
    await h.webhook([h.platform.events.text({ userId: quiet.userId, text: 'help' })]);
    await h.idle(60_000);

    const order = h.platform.replies.slice(repliesBefore).map((reply) => reply.chatId);
    expect(order).toHaveLength(26);
    const helpAt = order.indexOf(quiet.userId);
    // At most the event in progress and one more of the busy chat go first.
    expect(helpAt).toBeLessThanOrEqual(servedBeforeHelp + 2);
    expect(servedBeforeHelp).toBeLessThan(20);
    // And the busy chat's own order is untouched.
    const values = h.platform.replies
      .slice(repliesBefore)
      .filter((reply) => reply.chatId === busy.user.userId)
      .map((reply) =>
        JSON.stringify(reply.messages)
          .match(/1,?0\d\d/)?.[0]
          ?.replace(',', ''),
      );
    expect(values).toEqual(burst.map((_, i) => String(1000 + i)));
  }, 120_000);
});

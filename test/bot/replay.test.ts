import { and, eq } from 'drizzle-orm';
import { afterEach, describe, expect, it } from 'vitest';
import { createApp } from '../../src/app';
import { createBot, defaultFeatures } from '../../src/bot/bot';
import { Composer } from '../../src/bot/composer';
import { text } from '../../src/bot/reply';
import { auditLog, readings, webhookEvents } from '../../src/db/schema';
import type { Deps } from '../../src/deps';
import { person } from '../helpers/chat';
import { type Harness, startHarness } from '../helpers/harness';

// Replays are handled in one place: a data-changing command that knows nothing about replays
// still applies its writes once and answers once when its process dies and the event is
// processed again.

type CrashPoint = 'after its transaction committed' | 'after it replied';

/**
 * A new command, "tally": it counts one in the audit trail and answers with the count. It has
 * no replay check of its own. While `crashAt` is set, the process "dies" there: the handler
 * never continues, and its event stays claimed.
 */
function tallyFeatures(state: { crashAt: CrashPoint | null }): Composer {
  const tally = new Composer().on(
    (ctx) => ctx.text === 'tally',
    async (ctx) => {
      const messages = await ctx.transaction(async ({ tx, audit }) => {
        const counted = await tx.$count(
          auditLog,
          and(eq(auditLog.action, 'tally.count'), eq(auditLog.actorId, ctx.user!.id)),
        );
        audit({ action: 'tally.count', subjectType: 'user', subjectId: ctx.user!.id });
        return [text(`Counted ${counted + 1}`)];
      });
      if (state.crashAt === 'after its transaction committed') await new Promise(() => {});
      await ctx.reply(...messages);
      if (state.crashAt === 'after it replied') await new Promise(() => {});
    },
  );
  return new Composer().use(tally).use(defaultFeatures());
}

/** The same deps, but background work nobody waits for: the "dead" process's hung handler. */
const untracked = (deps: Deps): Deps => ({
  ...deps,
  runInBackground: (task) => void task().catch(() => undefined),
});

describe('a replayed event', () => {
  let h: Harness | undefined;
  afterEach(async () => {
    await h?.close();
    h = undefined;
  });

  it.each<CrashPoint>(['after its transaction committed', 'after it replied'])(
    'is applied once and answered once when the process dies %s',
    async (crashAt) => {
      const state: { crashAt: CrashPoint | null } = { crashAt };
      const dying = (deps: Deps) => createBot(untracked(deps), tallyFeatures(state));
      // PGlite: the restart is the only process, so the dead claim is released at once (the lease
      // takeover on PostgreSQL is covered by recovery.test.ts and test/entry/instances.test.ts).
      h = await startHarness({
        databaseKind: 'pglite',
        createApp: (deps) => createApp(deps, dying(deps)),
      });
      const user = h.platform.addUser({ displayName: 'Somchai', language: 'en' });

      expect(
        (await h.webhook([h.platform.events.text({ userId: user.userId, text: 'tally' })])).status,
      ).toBe(200);
      // Wait until the dying process has committed the write (and, in one case, answered).
      const harness = h;
      await waitUntil(async () => (await tallies(harness)) === 1);
      if (crashAt === 'after it replied')
        await waitUntil(async () => harness.platform.replies.length === 1);
      const [claimed] = await h.database.db.select().from(webhookEvents);
      expect(claimed?.status).toBe('processing');
      expect(claimed?.appliedAt).not.toBeNull();

      // The restart: a new process on the same data, with the same command.
      state.crashAt = null;
      const restarted = createBot(h.deps, tallyFeatures(state));
      await restarted.processor.recover();
      await h.idle();

      expect(await tallies(h)).toBe(1);
      const [event] = await h.database.db.select().from(webhookEvents);
      expect(event?.status).toBe('done');
      // One answer, and it is the answer of the attempt whose write counts.
      expect(h.platform.replies).toHaveLength(1);
      expect(JSON.stringify(h.platform.replies[0]?.messages)).toContain('Counted 1');

      // The command itself still counts the next time.
      await h.webhook([h.platform.events.text({ userId: user.userId, text: 'tally' })]);
      await restarted.processor.recover();
      await h.idle();
      expect(await tallies(h)).toBe(2);
      expect(JSON.stringify(h.platform.replies.at(-1)?.messages)).toContain('Counted 2');
    },
    90_000,
  );

  it('is recognised before any handler runs when two workers race for it', async () => {
    h = await startHarness();
    const user = h.platform.addUser({ displayName: 'Malee', language: 'en' });
    const state = { crashAt: null };
    const first = createBot(h.deps, tallyFeatures(state));
    const second = createBot(h.deps, tallyFeatures(state));
    const event = h.platform.events.text({ userId: user.userId, text: 'tally' });
    await h.webhook([event]);
    await h.idle();
    // The default bot of the harness knows no "tally"; replay the stored event by hand through
    // both new bots, as two workers would after a lost lease.
    const [row] = await h.database.db.select().from(webhookEvents);
    const claimed = {
      webhookEventId: row!.webhookEventId,
      chatId: row!.chatId,
      receivedAt: row!.receivedAt,
      attempts: 1,
      senderEarlier: 0,
      // The event as LINE sent it: a finished row keeps no message text.
      event: event as never,
    };
    await h.database.db
      .update(webhookEvents)
      .set({ appliedAt: null, reply: null })
      .where(eq(webhookEvents.webhookEventId, row!.webhookEventId));
    await Promise.all([first.handle(claimed), second.handle(claimed)]);
    // The loser's write was rolled back when it found the event applied.
    expect(await tallies(h)).toBe(1);
  });

  it('stores a reading once when two workers run it, and both answer what was stored', async () => {
    // Events are processed as usual until `processing` is turned off: then only recorded.
    let processing = true;
    h = await startHarness({
      createApp: (deps) => {
        const bot = createBot(deps);
        return createApp(deps, {
          ...bot,
          processor: { ...bot.processor, kick: (chat) => processing && bot.processor.kick(chat) },
        });
      },
    });
    const malee = person(h, h.platform.addUser({ displayName: 'Malee', language: 'en' }));
    await malee.say('add meter Water m3');
    await malee.say('meter 1 = 100');
    processing = false;
    const event = h.platform.events.text({ userId: malee.user.userId, text: 'meter 1 = 120' });
    await h.webhook([event]);
    const [row] = await h.database.db
      .select()
      .from(webhookEvents)
      .where(eq(webhookEvents.webhookEventId, event.webhookEventId));
    // Two workers both claimed it before either marked it applied (one lost its lease): each
    // runs the handler. The one that marks second is rolled back and sends the recorded answer.
    const claimed = {
      webhookEventId: row!.webhookEventId,
      chatId: row!.chatId,
      receivedAt: row!.receivedAt,
      attempts: 1,
      senderEarlier: 0,
      event: event as never,
    };
    const before = await snapshot(h);
    const callsBefore = h.platform.calls.length;
    const bot = createBot(h.deps);
    // One after the other, as PGlite serialises them (the second sees the first's reading).
    await bot.handle(claimed);
    await bot.handle(claimed);

    // The second attempt is refused by LINE (the token is used): the documented duplicate.
    const answers = h.platform.calls
      .slice(callsBefore)
      .filter((call) => call.path === '/v2/bot/message/reply')
      .map((call) => (call.body as { messages: unknown }).messages);
    expect(answers).toHaveLength(2);
    expect(JSON.stringify(answers[0])).toMatch(/Recorded meter 1 .*Water.*120/);
    expect(answers[1]).toEqual(answers[0]);
    const after = await snapshot(h);
    expect(after.readings).toEqual([...before.readings, [2, '120']]);
    expect(after.audit).toBe(before.audit + 1);
  });
});

/** What a user or an auditor would see change: the readings and the audit trail. */
async function snapshot(h: Harness) {
  return {
    readings: (await h.database.db.select().from(readings)).map((r) => [r.number, r.value]),
    audit: await h.database.db.$count(auditLog),
  };
}

async function tallies(h: Harness): Promise<number> {
  return h.database.db.$count(auditLog, eq(auditLog.action, 'tally.count'));
}

async function waitUntil(condition: () => Promise<boolean>, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error('timed out');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

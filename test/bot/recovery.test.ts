import { asc, sql } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createApp } from '../../src/app';
import { createBot } from '../../src/bot/bot';
import { readings, users, webhookEvents } from '../../src/db/schema';
import { LEASE_SECONDS, pruneFinished } from '../../src/store/webhook-events';
import { type Harness, recordingOnlyBot, startHarness } from '../helpers/harness';

// A process that dies after recording events but before processing them must not lose them:
// the next start processes them, replying while the token is fresh and pushing after that.

/** A bot that records events but never gets round to processing them (a crash right after). */
const deadBot = recordingOnlyBot('dead');

describe('events recorded before a crash', () => {
  let h: Harness;
  let now = Date.now();

  beforeEach(async () => {
    now = Date.now();
    h = await startHarness({
      createApp: (deps) => createApp(deps, deadBot),
      clock: () => new Date(now),
    });
  });
  afterEach(async () => {
    await h?.close();
  });

  const statuses = async () =>
    (await h.database.db.select({ status: webhookEvents.status }).from(webhookEvents)).map(
      (e) => e.status,
    );
  const values = async () =>
    (
      await h.database.db
        .select({ value: readings.value })
        .from(readings)
        .orderBy(asc(readings.number))
    ).map((r) => r.value);

  /** Somchai has a meter; then three events arrive and the process dies. */
  async function arriveAndDie() {
    const user = h.platform.addUser({ displayName: 'Somchai', language: 'en' });
    const alive = createBot(h.deps);
    // Set up with a working bot, as if before the crash.
    await h.webhook([
      h.platform.events.text({ userId: user.userId, text: 'add meter Electric kWh' }),
    ]);
    await alive.processor.recover();
    await h.idle();
    h.platform.clearRecorded();
    const texts = ['meter 1 = 4521', 'meter 1 = 4530', 'meter 1 = 4540'];
    for (const text of texts) {
      const result = await h.webhook([h.platform.events.text({ userId: user.userId, text })]);
      expect(result.status).toBe(200);
    }
    await h.idle();
    return user;
  }

  it('processes them in order at the next start and replies while the tokens are fresh', async () => {
    await arriveAndDie();
    expect(await statuses()).toEqual(['done', 'pending', 'pending', 'pending']);
    expect(await values()).toEqual([]);

    const restarted = createBot(h.deps);
    expect(await restarted.processor.recover()).toBe(1);
    await h.idle();
    expect(await values()).toEqual(['4521', '4530', '4540']);
    expect(await statuses()).toEqual(['done', 'done', 'done', 'done']);
    expect(h.platform.replies).toHaveLength(3);
    expect(h.platform.pushes).toHaveLength(0);
  });

  it('stores the data and pushes the answer when the reply tokens have expired', async () => {
    const user = await arriveAndDie();
    now += 10 * 60_000; // the process came back ten minutes later

    const restarted = createBot(h.deps);
    await restarted.processor.recover();
    await h.idle();
    expect(await values()).toEqual(['4521', '4530', '4540']);
    expect(h.platform.replies).toHaveLength(0);
    expect(h.platform.pushes.map((p) => p.to)).toEqual([user.userId, user.userId, user.userId]);
    // Each push carries a retry key derived from its event, so a repeat is dropped by LINE.
    expect(new Set(h.platform.pushes.map((p) => p.retryKey)).size).toBe(3);
  });

  it('takes over an event a dead worker had claimed, once its claim is stale', async () => {
    await arriveAndDie();
    // The dead process had claimed the first of the three when it died.
    await h.database.db.execute(
      sql`update webhook_events set status = 'processing', attempts = 1, claimed_at = now() - interval '5 minutes'
          where webhook_event_id = (select webhook_event_id from webhook_events where status = 'pending'
                                     order by occurred_at limit 1)`,
    );
    const restarted = createBot(h.deps);
    await restarted.processor.recover();
    await h.idle();
    expect(await values()).toEqual(['4521', '4530', '4540']);
    expect(await statuses()).toEqual(['done', 'done', 'done', 'done']);
    // Each of the three, the one taken over included, is answered once.
    expect(h.platform.replies.map((r) => JSON.stringify(r.messages))).toEqual([
      expect.stringContaining('4,521 kWh'),
      expect.stringContaining('4,530 kWh'),
      expect.stringContaining('4,540 kWh'),
    ]);
  });

  it('resumes an event the dead process had claimed a moment ago: at once on PGlite, after the lease on PostgreSQL', async () => {
    await arriveAndDie();
    // The dead process had just claimed the first of the three: its lease looks fresh.
    await h.database.db.execute(
      sql`update webhook_events set status = 'processing', attempts = 1, claimed_at = now(),
            claimed_by = 'the-dead-process'
          where webhook_event_id = (select webhook_event_id from webhook_events where status = 'pending'
                                     order by occurred_at limit 1)`,
    );
    const restarted = createBot(h.deps);
    await restarted.processor.recover();
    await h.idle();
    if (h.database.kind === 'pglite') {
      // No other process can exist on PGlite: recovery alone resumes it, with no lease to wait for.
      expect(await values()).toEqual(['4521', '4530', '4540']);
    } else {
      // On PostgreSQL another instance may be alive: a fresh claim is not taken, and the chat
      // waits behind it...
      expect(await values()).toEqual([]);
      // ...until the sweeper takes it over once its lease (not renewed by the dead process) runs out.
      const stopSweeper = restarted.processor.startSweeper();
      try {
        await waitUntil(async () => (await values()).length === 3, (LEASE_SECONDS + 10) * 1000);
      } finally {
        stopSweeper();
      }
      await h.idle();
    }
    expect(await values()).toEqual(['4521', '4530', '4540']);
    expect(h.platform.replies).toHaveLength(3);
  });

  it('gives up on an event that crashed its worker three times, and goes on with the chat', async () => {
    await arriveAndDie();
    await h.database.db.execute(
      sql`update webhook_events set status = 'processing', attempts = 3, claimed_at = now() - interval '5 minutes'
          where webhook_event_id = (select webhook_event_id from webhook_events where status = 'pending'
                                     order by occurred_at limit 1)`,
    );
    const restarted = createBot(h.deps);
    await restarted.processor.recover();
    await h.idle();
    expect(await values()).toEqual(['4530', '4540']);
    expect((await statuses()).sort()).toEqual(['done', 'done', 'done', 'failed']);
  });

  it('marks an event failed and apologises when a handler breaks, keeping data unchanged', async () => {
    const user = h.platform.addUser({ displayName: 'Somchai', language: 'en' });
    const bot = createBot(h.deps);
    await h.webhook([
      h.platform.events.text({ userId: user.userId, text: 'add meter Electric kWh' }),
    ]);
    await bot.processor.recover();
    await h.idle();
    // Break the database under the handler: the users table cannot be read for a moment.
    await h.database.db.execute(sql`revoke select on users from home_log_app`);
    await h.webhook([h.platform.events.text({ userId: user.userId, text: 'meter 1 = 4521' })]);
    await bot.processor.recover();
    await h.idle();
    await h.database.db.execute(sql`grant select on users to home_log_app`);
    expect(await values()).toEqual([]);
    expect((await statuses()).sort()).toEqual(['done', 'failed']);
    expect(await h.database.db.$count(users)).toBe(1);
    // Two replies: the meter created, then the apology for the broken reading.
    expect(h.platform.replies).toHaveLength(2);
    const apology = h.platform.replies.at(-1)?.messages[0];
    expect(JSON.stringify(apology)).toContain(
      'Sorry, something went wrong on my side. Nothing was changed',
    );
  });
});

describe('housekeeping', () => {
  it('forgets finished events after 30 days, and nothing else', async () => {
    const h = await startHarness();
    try {
      const user = h.platform.addUser({ displayName: 'Old', language: 'en' });
      await h.webhook([h.platform.events.text({ userId: user.userId, text: 'help' })]);
      await h.idle();
      await h.database.db.execute(
        sql`update webhook_events set received_at = now() - interval '31 days'`,
      );
      await h.webhook([h.platform.events.text({ userId: user.userId, text: 'meters' })]);
      await h.idle();
      expect(await pruneFinished(h.database.db)).toBe(1);
      expect(await h.database.db.$count(webhookEvents)).toBe(1);
    } finally {
      await h.close();
    }
  });
});

async function waitUntil(condition: () => Promise<boolean>, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error('timed out');
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { runPushTick } from '../../src/billing/scheduler';
import { createPostgres } from '../../src/db/postgres';
import { pushClaims, reminders, usageAlerts } from '../../src/db/schema';
import { assembleDeps, type Deps } from '../../src/deps';
import { silentLogger } from '../../src/logger';
import { type Person, person } from '../helpers/chat';
import { type Harness, startHarness } from '../helpers/harness';

// Reminders and alerts with an injected clock, pushed through the fake LINE platform: the due
// time, quiet hours, one reminder a day, alerts told once, the monthly quota, and two instances
// ticking at once (on PostgreSQL when TEST_DATABASE_URL is set, else two ticks on one PGlite).
// Each test starts from a Som of its own on 20 Nov 2026, so any one can run alone and in any order.

/** Bangkok local time as an instant. */
const bangkok = (local: string) => new Date(`${local}+07:00`);

let now: Date;

describe('the push scheduler', () => {
  let h: Harness;
  let som: Person;
  let second: { deps: Deps; close: () => Promise<void> };

  const pushesTo = (userId: string) => h.platform.pushes.filter((p) => p.to === userId);
  const texts = (userId: string) =>
    pushesTo(userId).flatMap((p) => p.messages.map((m) => (m as { text: string }).text));

  /**
   * Som with meter 1 "Electric" (90 kWh used since 1 Nov) and meter 2 "Water", both reminded on
   * day 25 at 09:00. A tick reports on everyone in the database, so the reminders and alerts of
   * earlier tests' people are removed first: the tick then counts this test's Som alone.
   */
  beforeEach(async () => {
    now = bangkok('2026-11-20T10:00:00');
    h.platform.setQuota(null);
    await h.database.db.delete(reminders);
    await h.database.db.delete(usageAlerts);
    som = person(h, h.platform.addUser({ displayName: 'Som', language: 'en' }));
    await som.say('add meter Electric kWh');
    await som.say('add meter Water m3');
    await som.say('set meter 1 tariff mea-1.1.1 from 2026-01-01');
    await som.say('meter 1 = 1000 @ 2026-11-01 00:00');
    await som.say('meter 1 = 1090 @ 2026-11-20 08:00');
    expect((await som.say('remind meter 1 day 25 09:00')).text).toMatch(/^I will remind you/);
    expect((await som.say('remind meter 2 day 25 09:00')).text).toMatch(/^I will remind you/);
  });
  beforeAll(async () => {
    h = await startHarness({ clock: () => now });
    const database = h.database.url ? await createPostgres(h.database.url, 2) : h.deps.database;
    const { deps } = assembleDeps({
      config: h.config,
      database,
      charts: null,
      logger: silentLogger(),
      clock: () => now,
    });
    second = {
      deps,
      close: async () => {
        if (database !== h.deps.database) await database.close();
      },
    };
  });
  afterAll(async () => {
    await second?.close();
    await h?.close();
  });

  it('tells when the projected use crosses the limit, once, and when use enters a dearer block', async () => {
    expect((await som.say('alert meter 1 over 130')).text).toMatch(/over 130 kWh/);
    // 90 kWh in 19⅓ days: about 140 kWh projected for November, and block 4 (36–100) reached.
    const report = await runPushTick(h.deps);
    expect(report.alerts).toBe(2);
    const told = texts(som.user.userId);
    expect(told[0]).toMatch(
      /^meter 1 "Electric": this period is projected to use [\d.,]+ kWh, over your limit of 130 kWh\.$/,
    );
    expect(told[1]).toBe(
      'meter 1 "Electric": use has passed 35 kWh; each unit now costs 3.6237 baht (was 2.3488).',
    );
    expect((await runPushTick(h.deps)).alerts).toBe(0);
    expect(pushesTo(som.user.userId)).toHaveLength(1);
  });

  it('reminds on the day at the hour, not before, with a quick reply to type the reading', async () => {
    now = bangkok('2026-11-25T08:59:00');
    expect((await runPushTick(h.deps)).reminders).toBe(0);
    now = bangkok('2026-11-25T09:00:00');
    expect((await runPushTick(h.deps)).reminders).toBe(1);
    const [push] = pushesTo(som.user.userId);
    const message = push!.messages[0] as {
      text: string;
      quickReply: { items: { action: { fillInText?: string } }[] };
    };
    expect(message.text).toMatch(/^Time to read meter \d "(Electric|Water)"\. Send the number/);
    expect(message.quickReply.items[0]!.action.fillInText).toMatch(/^meter \d = $/);
    // The other meter's reminder waits: one reminder per person per day.
    now = bangkok('2026-11-25T15:00:00');
    expect((await runPushTick(h.deps)).reminders).toBe(0);
    // Never in quiet hours, even on the next day.
    now = bangkok('2026-11-26T07:30:00');
    expect((await runPushTick(h.deps)).reminders).toBe(0);
    now = bangkok('2026-11-26T08:00:00');
    expect((await runPushTick(h.deps)).reminders).toBe(1);
    expect(texts(som.user.userId)).toHaveLength(2);
    expect(new Set(texts(som.user.userId)).size).toBe(2);
    now = bangkok('2026-11-27T09:00:00');
    expect((await runPushTick(h.deps)).reminders).toBe(0);
  });

  it('sends each reminder once when two instances tick at the same moment', async () => {
    now = bangkok('2026-12-25T09:00:00');
    const reports = await Promise.all([runPushTick(h.deps), runPushTick(second.deps)]);
    expect(reports[0]!.reminders + reports[1]!.reminders).toBe(1);
    expect(pushesTo(som.user.userId)).toHaveLength(1);
  });

  it('never pushes past the monthly quota, and says so once', async () => {
    // December's first reminder goes out; the other one is due the next day.
    now = bangkok('2026-12-25T09:00:00');
    expect((await runPushTick(h.deps)).reminders).toBe(1);
    h.platform.setQuota(0);
    now = bangkok('2026-12-26T09:00:00');
    const first = await runPushTick(h.deps);
    const again = await runPushTick(second.deps);
    expect(first.heldForQuota + again.heldForQuota).toBe(2);
    expect(pushesTo(som.user.userId)).toHaveLength(1); // December's first reminder alone
    const notices = await h.database.db
      .select({ key: pushClaims.key })
      .from(pushClaims)
      .where(eq(pushClaims.kind, 'quota'));
    expect(notices).toEqual([{ key: 'quota:2026-12' }]);
    // Quota back: the held reminder goes out.
    h.platform.setQuota(1000);
    expect((await runPushTick(h.deps)).reminders).toBe(1);
  });
});

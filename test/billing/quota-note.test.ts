import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { runPushTick } from '../../src/billing/scheduler';
import { type Bot, createBot } from '../../src/bot/bot';
import type { Database } from '../../src/db/client';
import { createDatabase } from '../../src/db/open';
import { reminders, usageAlerts } from '../../src/db/schema';
import type { Deps } from '../../src/deps';
import { silentLogger } from '../../src/logger';
import { createNodeDeps } from '../../src/runtime';
import { type Person, person } from '../helpers/chat';
import { type Harness, startHarness } from '../helpers/harness';

// When LINE's monthly quota is used up, no reminder is pushed, and the person it concerned hears
// why once, with their next answer in the one-to-one chat: not again that month, again the next
// month, and never twice when two instances answer them (on PostgreSQL when TEST_DATABASE_URL is
// set, each instance with connections of its own). Each test starts from a Som and a Mali of its
// own on 20 Dec 2025, with the quota used up, so any one can run alone and in any order.

const bangkok = (local: string) => new Date(`${local}+07:00`);
let now: Date;

const PAUSED_EN = (until: string) =>
  `Reminders and alerts for meter 1 "Electric" are paused until ${until}: this LINE account's monthly message quota is used up. Readings you send are recorded as usual.`;

describe('the owner is told once a month that pushes are paused', () => {
  let h: Harness;
  let som: Person;
  let mali: Person;
  let second: { deps: Deps; bot: Bot; drain: (ms: number) => Promise<number>; database: Database };

  /**
   * Som (English) and Mali (Thai), each reminded about meter 1 "Electric" on day 25 at 09:00. A
   * tick reports on everyone in the database, so the reminders and alerts of earlier tests'
   * people are removed first: the tick then counts this test's two alone.
   */
  beforeEach(async () => {
    now = bangkok('2025-12-20T10:00:00');
    h.platform.setQuota(0);
    await h.database.db.delete(reminders);
    await h.database.db.delete(usageAlerts);
    som = person(h, h.platform.addUser({ displayName: 'Som', language: 'en' }));
    mali = person(h, h.platform.addUser({ displayName: 'Mali', language: 'th' }));
    await som.say('add meter Electric kWh');
    expect((await som.say('remind meter 1 day 25 09:00')).text).toMatch(/^I will remind you/);
    await mali.say('เพิ่มมิเตอร์ ไฟฟ้า kWh');
    expect((await mali.say('เตือน มิเตอร์ 1 วันที่ 25 09:00')).text).toMatch(/เตือน/);
  });
  beforeAll(async () => {
    h = await startHarness({ clock: () => now });
    const database = h.database.url
      ? await createDatabase({ databaseUrl: h.database.url, pgliteDir: '' })
      : h.database;
    const { deps, drain } = await createNodeDeps(h.config, {
      logger: silentLogger(),
      database,
      clock: () => now,
    });
    second = { deps, bot: createBot(deps), drain, database };
  });
  afterAll(async () => {
    await second?.drain(5_000);
    if (second && second.database !== h.database) await second.database.close();
    await h?.close();
  });

  const pushes = () => h.platform.pushes.length;

  it('pushes nothing past the quota and tells the owner with the next answer, once', async () => {
    now = bangkok('2025-12-25T09:00:00');
    const before = pushes();
    const report = await runPushTick(h.deps);
    expect(report.heldForQuota).toBe(2);
    expect(report.reminders).toBe(0);
    expect(pushes()).toBe(before);

    const first = await som.say('meters');
    expect(first.texts).toHaveLength(2);
    expect(first.texts[0]).toMatch(/Electric/);
    expect(first.texts[1]).toBe(PAUSED_EN('1 Jan 2026'));
    // Said once: the next answer is the answer alone, and a held push of the same month adds
    // nothing new to say.
    now = bangkok('2025-12-26T09:00:00');
    expect((await runPushTick(h.deps)).heldForQuota).toBe(2);
    const again = await som.say('meters');
    expect(again.texts).toEqual([first.texts[0]]);
    expect(pushes()).toBe(before);
  });

  it('tells in Thai, with the Buddhist-era year', async () => {
    now = bangkok('2025-12-25T09:00:00');
    expect((await runPushTick(h.deps)).heldForQuota).toBe(2);
    const answer = await mali.say('มิเตอร์');
    expect(answer.texts).toHaveLength(2);
    expect(answer.texts[1]).toBe(
      'การเตือนและการแจ้งเตือนของมิเตอร์ 1 "ไฟฟ้า" หยุดไว้จนถึง 1 ม.ค. 2569 เพราะบัญชี LINE นี้ใช้โควตาข้อความของเดือนนี้หมดแล้ว ค่ามิเตอร์ที่ส่งมายังบันทึกตามปกติ',
    );
    expect((await mali.say('มิเตอร์')).texts).toHaveLength(1);
  });

  it('is not said to someone no held push concerned', async () => {
    now = bangkok('2025-12-25T09:00:00');
    expect((await runPushTick(h.deps)).heldForQuota).toBe(2);
    const other = person(h, h.platform.addUser({ displayName: 'Noi', language: 'en' }));
    expect((await other.say('help')).text).not.toMatch(/paused/);
  });

  it('can be said again in the next quota month', async () => {
    now = bangkok('2025-12-25T09:00:00');
    expect((await runPushTick(h.deps)).heldForQuota).toBe(2);
    expect((await som.say('meters')).texts[1]).toBe(PAUSED_EN('1 Jan 2026'));
    now = bangkok('2026-01-25T09:00:00');
    const before = pushes();
    expect((await runPushTick(h.deps)).heldForQuota).toBe(2);
    expect(pushes()).toBe(before);
    const answer = await som.say('meters');
    expect(answer.texts[1]).toBe(PAUSED_EN('1 Feb'));
    expect((await som.say('meters')).texts).toHaveLength(1);
  });

  it('is said once when two instances answer the owner at the same time', async () => {
    now = bangkok('2026-02-25T09:00:00');
    const ticks = await Promise.all([runPushTick(h.deps), runPushTick(second.deps)]);
    expect(ticks[0]!.heldForQuota + ticks[1]!.heldForQuota).toBe(4);
    const replies = h.platform.replies.length;
    // Three messages in one delivery; both instances go after the chat at once.
    const result = await h.webhook(
      ['meters', 'meters', 'meters'].map((text) =>
        h.platform.events.text({ userId: som.user.userId, text }),
      ),
    );
    expect(result.status).toBe(200);
    second.bot.processor.kick(som.user.userId);
    await Promise.all([h.idle(30_000), second.drain(30_000)]);
    const texts = h.platform.replies
      .slice(replies)
      .flatMap((reply) => reply.messages)
      .map(
        (m) =>
          (m as { text?: string; altText?: string }).text ?? (m as { altText: string }).altText,
      );
    expect(texts.filter((t) => /Electric/.test(t) && !/paused/.test(t))).toHaveLength(3);
    expect(texts.filter((t) => t === PAUSED_EN('1 Mar'))).toHaveLength(1);
  });
});

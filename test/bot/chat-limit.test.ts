import type { webhook } from '@line/bot-sdk';
import { sql } from 'drizzle-orm';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createApp } from '../../src/app';
import { type Bot, createBot } from '../../src/bot/bot';
import { type Database, rows } from '../../src/db/client';
import { createDatabase } from '../../src/db/open';
import type { Deps } from '../../src/deps';
import type { FakeGroup } from '../../src/dev/fake-line-platform';
import { silentLogger } from '../../src/logger';
import { createNodeDeps } from '../../src/runtime';
import { type Person, person } from '../helpers/chat';
import { type Harness, recordingOnlyBot, startHarness } from '../helpers/harness';

// The per-person limit in chat, through the real webhook: a person may send 5 messages a minute
// here (CHAT_EVENTS_PER_MINUTE); the rest of that minute's are not processed, and the person is
// told once, in their language, what was not, with every message that would have changed
// something listed word for word. Others in the same chat and minute are served as usual.

const MINUTE = 60_000;

describe('the per-person limit in chat', () => {
  let h: Harness;
  let bot: Bot;
  let som: Person;
  let mali: Person;
  let noi: Person;
  let family: FakeGroup;
  // The app's clock runs ahead by this much (to let a minute pass without waiting for it).
  let offset = 0;
  // Whole minutes well in the past: a backlog, processed after its minute is over.
  const base = Math.floor(Date.now() / MINUTE) * MINUTE - 10 * MINUTE;

  beforeAll(async () => {
    h = await startHarness({
      env: { CHAT_EVENTS_PER_MINUTE: '5' },
      clock: () => new Date(Date.now() + offset),
      createApp: (deps) => {
        bot = createBot(deps);
        return createApp(deps, bot);
      },
    });
    som = person(h, h.platform.addUser({ displayName: 'Som', language: 'en' }));
    mali = person(h, h.platform.addUser({ displayName: 'Mali', language: 'th' }));
    noi = person(h, h.platform.addUser({ displayName: 'Noi', language: 'en' }));
    family = h.platform.addGroup({ name: 'Family', members: [som.user.userId, mali.user.userId] });
    await som.say('add meter Electric kWh');
    await som.say('add meter Water m3', { group: family.groupId });
    await mali.say('มิเตอร์', { group: family.groupId });
  });
  afterAll(async () => {
    await h?.close();
  });

  const texted = (userId: string, text: string, at: number, groupId?: string) => ({
    ...h.platform.events.text({ userId, text, ...(groupId ? { groupId } : {}) }),
    timestamp: at,
  });
  /** Everything the bot said to a chat (replies and pushes) from the `since` marks on. */
  const saidTo = (chatId: string, since: { replies: number; pushes: number }) =>
    [
      ...h.platform.replies.slice(since.replies).filter((r) => r.chatId === chatId),
      ...h.platform.pushes.slice(since.pushes).filter((p) => p.to === chatId),
    ].flatMap((answer) =>
      answer.messages.map(
        (m) => (m as { text?: string }).text ?? (m as { altText?: string }).altText ?? '',
      ),
    );
  const mark = () => ({ replies: h.platform.replies.length, pushes: h.platform.pushes.length });
  const send = async (events: webhook.Event[]) => {
    expect((await h.webhook(events)).status).toBe(200);
    await h.idle(60_000);
  };
  const values = async (meter: string) =>
    (
      await rows<{ value: string }>(
        h.database.db,
        sql`select r.value::text as value from readings r join sources s on s.id = r.source_id
            where s.name = ${meter} and r.deleted_at is null and r.superseded_at is null
            order by r.taken_at, r.number`,
      )
    ).map((r) => Number(r.value));
  /** Notices not told yet. */
  const waiting = async () => {
    const [found] = await rows<{ n: number }>(
      h.database.db,
      sql`select count(*)::int as n from flood_notices`,
    );
    return Number(found!.n);
  };
  const notices = (said: string[]) =>
    said.filter((t) => /messages in a minute|ข้อความในหนึ่งนาที/.test(t));

  it('processes the first 5 of a minute, and tells once what was not, listing the readings', async () => {
    const since = mark();
    const at = (i: number) => base + i * 1000;
    await send([
      ...[1001, 1002, 1003, 1004, 1005].map((v, i) =>
        texted(som.user.userId, `meter 1 = ${v}`, at(i)),
      ),
      texted(som.user.userId, 'meter 1 = 1006', at(5)),
      texted(som.user.userId, 'usage', at(6)),
      // Someone else, in the same minute, is served as usual.
      texted(noi.user.userId, 'help', at(6) + 500),
      texted(som.user.userId, 'hello there', at(7)),
      texted(som.user.userId, 'meter 1 = 1007 # kitchen', at(8)),
    ]);

    expect(await values('Electric')).toEqual([1001, 1002, 1003, 1004, 1005]);
    const said = saidTo(som.user.userId, since);
    // Five answers to the five readings processed, then the notice; nothing for the others.
    expect(said).toHaveLength(6);
    for (const [i, answer] of said.slice(0, 5).entries()) {
      expect(answer).toMatch(new RegExp(`1,?00${i + 1}`));
    }
    expect(notices(said)).toEqual([
      [
        'You sent 9 messages in a minute, more than the 5 I take from one person, so I did not process the last 4.',
        'These were not recorded; please send them again:',
        'meter 1 = 1006',
        'meter 1 = 1007 # kitchen',
        '(and 2 other messages: questions, chatter, stickers or button taps; send again what you still need)',
      ].join('\n'),
    ]);
    // The notice was the reply to the last message of the minute: no push was spent on it.
    expect(h.platform.pushes.length).toBe(since.pushes);
    expect(saidTo(noi.user.userId, since).join('\n')).toMatch(/meter/i);
    expect(await waiting()).toBe(0);
  });

  it('serves the person again in the next minute', async () => {
    const since = mark();
    const at = (i: number) => base + MINUTE + i * 1000;
    await send([
      texted(som.user.userId, 'meter 1 = 1006', at(0)),
      texted(som.user.userId, 'meter 1 = 1007 # kitchen', at(1)),
    ]);
    expect(await values('Electric')).toEqual([1001, 1002, 1003, 1004, 1005, 1006, 1007]);
    const said = saidTo(som.user.userId, since);
    expect(said).toHaveLength(2);
    expect(notices(said)).toEqual([]);
  });

  it('limits one person in a group, in Thai, while another member is answered', async () => {
    const since = mark();
    const at = (i: number) => base + 2 * MINUTE + i * 1000;
    const group = family.groupId;
    await send([
      ...[20, 21, 22, 23, 24, 25].map((v, i) =>
        texted(mali.user.userId, `มิเตอร์ 1 = ${v}`, at(i), group),
      ),
      texted(som.user.userId, 'history meter 1', at(5) + 500, group),
      {
        ...h.platform.events.image({ userId: mali.user.userId, groupId: group }),
        timestamp: at(6),
      },
      texted(mali.user.userId, 'มิเตอร์ 1 = 26', at(7), group),
    ]);
    expect(await values('Water')).toEqual([20, 21, 22, 23, 24]);
    const said = saidTo(group, since);
    // Som's question in the middle of the flood was answered.
    expect(said.some((t) => /meter 1 "Water"/.test(t) && /24/.test(t))).toBe(true);
    expect(notices(said)).toEqual([
      [
        'คุณMali ส่งข้อความ 8 ข้อความในหนึ่งนาที เกินกว่าที่รับได้คนละ 5 ข้อความต่อนาที จึงยังไม่ได้ทำ 3 ข้อความหลังสุด',
        'ข้อความเหล่านี้ยังไม่ได้บันทึก กรุณาส่งอีกครั้ง:',
        'มิเตอร์ 1 = 25',
        'มิเตอร์ 1 = 26',
        '(และข้อความอื่นอีก 1 ข้อความ เช่น คำถาม สติกเกอร์ หรือการแตะปุ่ม ส่งใหม่ได้ถ้ายังต้องการ)',
      ].join('\n'),
    ]);
  });

  it('tells once the minute is over when the flood is processed while it lasts', async () => {
    // A minute that has not begun yet by the app's clock: its events are processed in time.
    const minute = Math.ceil(Date.now() / MINUTE) * MINUTE + 2 * MINUTE;
    const since = mark();
    await send([
      ...[0, 1, 2, 3, 4].map((i) => texted(noi.user.userId, 'help', minute + i * 1000)),
      texted(noi.user.userId, 'meter 1 = 5', minute + 5000),
      texted(noi.user.userId, 'remind meter 1 day 25 09:00', minute + 6000),
    ]);
    expect(saidTo(noi.user.userId, since)).toHaveLength(5);
    await bot.processor.recover();
    await h.idle();
    expect(notices(saidTo(noi.user.userId, since))).toEqual([]);
    expect(await waiting()).toBe(1);

    // The minute is over: the sweep (here the recovery pass, as the Workers cron runs it)
    // tells it, by push since the reply token has gone stale, and only once.
    offset = minute + MINUTE + 1000 - Date.now();
    await bot.processor.recover();
    await bot.processor.recover();
    await h.idle();
    const said = notices(saidTo(noi.user.userId, since));
    expect(said).toEqual([
      [
        'You sent 7 messages in a minute, more than the 5 I take from one person, so I did not process the last 2.',
        'These were not recorded; please send them again:',
        'meter 1 = 5',
        'remind meter 1 day 25 09:00',
      ].join('\n'),
    ]);
    expect(h.platform.pushes.slice(since.pushes).map((p) => p.to)).toEqual([noi.user.userId]);
    expect(await waiting()).toBe(0);
    offset = 0;
  });
});

/** Records events and leaves them for the processors under test. */
const recordOnly = recordingOnlyBot('record-only');

describe('the per-person limit with two instances', () => {
  let h: Harness;
  let second: { deps: Deps; drain: (ms: number) => Promise<number>; database: Database };

  beforeEach(async () => {
    h = await startHarness({
      env: { CHAT_EVENTS_PER_MINUTE: '5' },
      createApp: (deps) => createApp(deps, recordOnly),
    });
    // On PostgreSQL (TEST_DATABASE_URL) the second instance has connections of its own.
    const database = h.database.url
      ? await createDatabase({ databaseUrl: h.database.url, pgliteDir: '' })
      : h.database;
    const { deps, drain } = await createNodeDeps(h.config, { logger: silentLogger(), database });
    second = { deps, drain, database };
  });
  afterEach(async () => {
    await second?.drain(5_000);
    if (second && second.database !== h.database) await second.database.close();
    await h?.close();
  });

  it('lets exactly the limit through, whichever instance takes each event, and tells once', async () => {
    const som = h.platform.addUser({ displayName: 'Som', language: 'en' });
    await h.webhook([
      h.platform.events.text({ userId: som.userId, text: 'add meter Electric kWh' }),
    ]);
    await createBot(h.deps).processor.recover();
    await h.idle(30_000);

    const minute = Math.floor(Date.now() / MINUTE) * MINUTE - 5 * MINUTE;
    const since = h.platform.replies.length;
    const flood = [1, 2, 3, 4, 5, 6, 7, 8].map((i) => ({
      ...h.platform.events.text({ userId: som.userId, text: `meter 1 = ${100 + i}` }),
      timestamp: minute + i * 1000,
    }));
    expect((await h.webhook(flood)).status).toBe(200);
    const bots = [createBot(h.deps), createBot(second.deps)];
    for (const bot of bots) bot.processor.kick(som.userId);
    await Promise.all([h.idle(60_000), second.drain(60_000)]);

    const stored = await rows<{ value: string }>(
      h.database.db,
      sql`select value::text as value from readings where deleted_at is null order by taken_at`,
    );
    expect(stored.map((r) => Number(r.value))).toEqual([101, 102, 103, 104, 105]);
    const said = h.platform.replies
      .slice(since)
      .flatMap((reply) => reply.messages.map((m) => (m as { text: string }).text));
    expect(said.filter((t) => /messages in a minute/.test(t))).toEqual([
      [
        'You sent 8 messages in a minute, more than the 5 I take from one person, so I did not process the last 3.',
        'These were not recorded; please send them again:',
        'meter 1 = 106',
        'meter 1 = 107',
        'meter 1 = 108',
      ].join('\n'),
    ]);
  });
});

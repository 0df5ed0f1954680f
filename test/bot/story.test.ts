import { asc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog, readings } from '../../src/db/schema';
import { type Answer, exchange, type Person, person } from '../helpers/chat';
import { type Harness, startHarness } from '../helpers/harness';

// The heart of the product, as a person lives it: add a meter, read it, get questioned about a
// lower reading, confirm the rollover, look at the history, undo, look again.

const stories = [
  {
    language: 'en' as const,
    addMeter: 'add meter Electric kWh',
    setDigits: 'set meter 1 digits 5',
    first: 'meter 1 = 99,950 yesterday',
    lower: 'm1 70',
    history: 'history meter 1',
    undo: 'undo',
    expect: {
      greeting: /Hi Somchai! I'm Home Log/,
      created: 'Created meter 1 "Electric" (kWh).',
      digits: 'Saved for meter 1 "Electric": 5 digits.',
      stored: /Recorded meter 1 "Electric": 99,950 kWh/,
      question: /70 is lower than the last reading 99,950 kWh/,
      rollover: 'Rolled over (+120)',
      confirmed: /Recorded meter 1 "Electric": 70 kWh[\s\S]*Used 120 kWh/,
      historyBoth: /#2 70 kWh, .*Somchai \(rolled over\)\n#1 99,950 kWh, .*Somchai/,
      undone: 'Undone: reading #2 70 kWh on meter 1 "Electric" is withdrawn.',
      withdrawn: /#2 70 kWh, .*\(withdrawn\)/,
    },
  },
  {
    language: 'th' as const,
    addMeter: 'เพิ่มมิเตอร์ ไฟฟ้า kWh',
    setDigits: 'ตั้งค่า มิเตอร์ 1 หลัก 5',
    first: 'มิเตอร์ ๑ = ๙๙๙๕๐ เมื่อวาน',
    lower: 'มิเตอร์ 1 = 70',
    history: 'ประวัติ มิเตอร์ 1',
    undo: 'ย้อนกลับ',
    expect: {
      greeting: /สวัสดีค่ะ คุณสมชาย/,
      created: 'เพิ่มมิเตอร์ 1 "ไฟฟ้า" (kWh) แล้ว',
      digits: 'บันทึกการตั้งค่ามิเตอร์ 1 "ไฟฟ้า": 5 หลัก',
      stored: /บันทึกมิเตอร์ 1 "ไฟฟ้า": 99,950 kWh/,
      question: /70 น้อยกว่าค่าครั้งก่อน 99,950 kWh/,
      rollover: 'หมุนครบรอบ (+120)',
      confirmed: /บันทึกมิเตอร์ 1 "ไฟฟ้า": 70 kWh[\s\S]*ใช้ไป 120 kWh/,
      historyBoth: /#2 70 kWh เมื่อ .* โดย สมชาย \(หมุนครบรอบ\)\n#1 99,950 kWh เมื่อ .* โดย สมชาย/,
      undone: 'ย้อนกลับแล้ว: ถอนค่า #2 70 kWh ของมิเตอร์ 1 "ไฟฟ้า"',
      withdrawn: /#2 70 kWh เมื่อ .*\(ถอนแล้ว\)/,
    },
  },
];

describe.each(stories)('the reading story in $language', (story) => {
  let h: Harness;
  let somchai: Person;

  beforeAll(async () => {
    h = await startHarness();
    const user = h.platform.addUser({
      displayName: story.language === 'th' ? 'สมชาย' : 'Somchai',
      language: story.language,
    });
    somchai = person(h, user);
  });
  afterAll(async () => {
    await h?.close();
  });

  const storedValues = async () =>
    (
      await h.database.db
        .select({
          value: readings.value,
          event: readings.registerEvent,
          deletedAt: readings.deletedAt,
        })
        .from(readings)
        .orderBy(asc(readings.number))
    ).map((r) => `${r.value}${r.event ? `:${r.event}` : ''}${r.deletedAt ? ':deleted' : ''}`);

  it('goes from hello to a questioned rollover, history and undo', async () => {
    const hello = await exchange(h, [h.platform.events.follow({ userId: somchai.user.userId })]);
    expect(hello.text).toMatch(story.expect.greeting);

    expect((await somchai.say(story.addMeter)).text).toContain(story.expect.created);
    expect((await somchai.say(story.setDigits)).text).toBe(story.expect.digits);
    expect((await somchai.say(story.first)).text).toMatch(story.expect.stored);
    expect(await storedValues()).toEqual(['99950']);

    // A lower reading is neither stored nor refused silently: the bot asks.
    const question: Answer = await somchai.say(story.lower);
    expect(question.text).toMatch(story.expect.question);
    expect(question.choices.map((c) => c.label)).toContain(story.expect.rollover);
    expect(await storedValues()).toEqual(['99950']);

    const confirmed = await somchai.tap(question, story.expect.rollover);
    expect(confirmed.text).toMatch(story.expect.confirmed);
    expect(await storedValues()).toEqual(['99950', '70:rollover']);

    // Tapping the same button again changes nothing.
    const again = await somchai.tap(question, story.expect.rollover);
    expect(again.text).toBe(
      story.language === 'th' ? 'คำถามนี้ตอบไปแล้วค่ะ' : 'That question was already answered.',
    );
    expect(await storedValues()).toEqual(['99950', '70:rollover']);

    expect((await somchai.say(story.history)).text).toMatch(story.expect.historyBoth);

    expect((await somchai.say(story.undo)).text).toBe(story.expect.undone);
    expect(await storedValues()).toEqual(['99950', '70:rollover:deleted']);

    const after = await somchai.say(story.history);
    // The withdrawn reading is still shown, marked, so nothing silently disappears.
    expect(after.text).toMatch(story.expect.withdrawn);
    expect(after.text).toMatch(/#1 99,950 kWh/);

    // Every change is in the audit log, signed by Somchai.
    const actions = await h.database.db
      .select({ action: auditLog.action })
      .from(auditLog)
      .orderBy(asc(auditLog.seq));
    expect(actions.map((a) => a.action)).toEqual([
      'meter.create',
      'meter.settings',
      'reading.add',
      'reading.confirm',
      'reading.add',
      'history.view',
      'reading.undo',
      'change.undo',
      'history.view',
    ]);
    const undo = await h.database.db
      .select()
      .from(auditLog)
      .where(eq(auditLog.action, 'reading.undo'));
    expect(undo[0]?.before).toMatchObject({ value: '70', number: 2 });
  });
});

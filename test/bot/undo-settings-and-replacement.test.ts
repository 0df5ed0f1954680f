import { and, asc, eq, inArray, isNull } from 'drizzle-orm';
import { DateTime } from 'luxon';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { identities, readings, sources, sourceValidators } from '../../src/db/schema';
import { type Answer, exchange, type Person, person } from '../helpers/chat';
import { type Harness, startHarness } from '../helpers/harness';

// `undo` takes back a settings change and a meter replacement (typed, or reached through the
// "replaced" answer to a lower reading), and a wrap is moved onto an earlier reading only when
// the later reading stays above it. Everything happens in last month, so usage figures are
// measured ones that do not move while the test runs.

const lastMonth = DateTime.now().setZone('Asia/Bangkok').startOf('month').minus({ months: 1 });
const MONTH = lastMonth.toFormat('yyyy-MM');
/** Day `day` of last month at 08:00, as a person types it after "@". */
const on = (day: number) => `${MONTH}-${String(day).padStart(2, '0')} 08:00`;

const languages = [
  {
    language: 'en' as const,
    name: 'Kai',
    say: {
      addElectric: 'add meter Electric kWh',
      addWater: 'add meter Water m3',
      reading: (meter: number, value: string, day: number) =>
        `meter ${meter} = ${value} @ ${on(day)}`,
      setDigitsMax: 'set meter 1 digits 3 max 5000',
      setDigits4: 'set meter 1 digits 4',
      setWaterDigits: 'set meter 2 digits 4',
      undo: 'undo',
      usage: (meter: number) => `usage meter ${meter} ${MONTH}`,
      replace: (day: number) => `new meter 1 final 350 initial 3 @ ${on(day)}`,
      share: 'share meter 1',
      billingDay: 'set meter 1 billing day 18',
    },
    expect: {
      savedDigitsMax: 'Saved for meter 1 "Electric": maximum 5,000 kWh, 3 digits.',
      savedDigits4: 'Saved for meter 1 "Electric": 4 digits.',
      tooManyDigits: /^1,000 has more digits than this 3-digit meter can show/,
      undoSettings: 'Undone: the settings of meter 1 "Electric" are back as they were.',
      stored: /^Recorded meter 1 "Electric": 1,000 kWh/,
      undoAdd: 'Undone: reading #3 1,000 kWh on meter 1 "Electric" is withdrawn.',
      replaced:
        'Meter replaced on meter 1 "Electric": the old meter ended at 350 kWh, the new one starts at 3 kWh. The jump is not counted as usage.',
      usedSinceNew: 'Used 7 kWh',
      usage200: 'Usage: 200 kWh',
      usage257: 'Usage: 257 kWh',
      undoReplace:
        'Undone: the meter replacement on meter 1 "Electric" (350 kWh → 3 kWh) is withdrawn.',
      replacedButton: 'Replaced / reset',
      newMeterButton: 'New meter',
      hint: /new meter 1 final 300 initial 10$/,
      replacedByAnswer:
        'Meter replaced on meter 1 "Electric": the old meter ended at 300 kWh, the new one starts at 10 kWh. The jump is not counted as usage.',
      undoReplaceByAnswer:
        'Undone: the meter replacement on meter 1 "Electric" (300 kWh → 10 kWh) is withdrawn.',
      lower: /^10 is lower than the last reading 300 kWh/,
      cancel: 'Cancel',
      cancelled: 'OK, I did not record it.',
      rolledOver: /^Rolled over/,
      wrap20: 'Rolled over (+1,020)',
      wrap10: 'Rolled over (+1,010)',
      previousWrong: 'Previous was wrong',
      usage1020: 'Usage: 1,020 m³',
      blocked:
        'I can\'t undo the meter replacement on meter 1 "Electric" yet: reading #5 12 kWh was entered on the new meter after it. Delete that one first, then undo again.',
      undoGroupReading: 'Undone: reading #5 12 kWh on meter 1 "Electric" is withdrawn.',
    },
  },
  {
    language: 'th' as const,
    name: 'สมชาย',
    say: {
      addElectric: 'เพิ่มมิเตอร์ ไฟฟ้า kWh',
      addWater: 'เพิ่มมิเตอร์ น้ำ m3',
      reading: (meter: number, value: string, day: number) =>
        `มิเตอร์ ${meter} = ${value} @ ${on(day)}`,
      setDigitsMax: 'ตั้งค่า มิเตอร์ 1 หลัก 3 สูงสุด 5000',
      setDigits4: 'ตั้งค่า มิเตอร์ 1 หลัก 4',
      setWaterDigits: 'ตั้งค่า มิเตอร์ 2 หลัก 4',
      undo: 'ย้อนกลับ',
      usage: (meter: number) => `ใช้ไป มิเตอร์ ${meter} ${MONTH}`,
      replace: (day: number) => `เปลี่ยนมิเตอร์ 1 ค่าสุดท้าย 350 ค่าเริ่มต้น 3 @ ${on(day)}`,
      share: 'แชร์ มิเตอร์ 1',
      billingDay: 'ตั้งค่า มิเตอร์ 1 วันจด 18',
    },
    expect: {
      savedDigitsMax: 'บันทึกการตั้งค่ามิเตอร์ 1 "ไฟฟ้า": สูงสุด 5,000 kWh, 3 หลัก',
      savedDigits4: 'บันทึกการตั้งค่ามิเตอร์ 1 "ไฟฟ้า": 4 หลัก',
      tooManyDigits: /^1,000 มีหลักมากเกินกว่าที่มิเตอร์ 3 หลักจะแสดงได้/,
      undoSettings: 'ย้อนกลับแล้ว: การตั้งค่าของมิเตอร์ 1 "ไฟฟ้า" กลับเป็นแบบเดิม',
      stored: /^บันทึกมิเตอร์ 1 "ไฟฟ้า": 1,000 kWh/,
      undoAdd: 'ย้อนกลับแล้ว: ถอนค่า #3 1,000 kWh ของมิเตอร์ 1 "ไฟฟ้า"',
      replaced:
        'บันทึกการเปลี่ยนมิเตอร์ 1 "ไฟฟ้า" แล้ว: มิเตอร์เก่าจบที่ 350 kWh มิเตอร์ใหม่เริ่มที่ 3 kWh ส่วนต่างนี้ไม่นับเป็นการใช้',
      usedSinceNew: 'ใช้ไป 7 kWh',
      usage200: '200 kWh',
      usage257: '257 kWh',
      undoReplace: 'ย้อนกลับแล้ว: ถอนการเปลี่ยนมิเตอร์ของมิเตอร์ 1 "ไฟฟ้า" (350 kWh → 3 kWh)',
      replacedButton: 'เปลี่ยน/รีเซ็ตแล้ว',
      newMeterButton: 'เปลี่ยนมิเตอร์ใหม่',
      hint: /เปลี่ยนมิเตอร์ 1 ค่าสุดท้าย 300 ค่าเริ่มต้น 10$/,
      replacedByAnswer:
        'บันทึกการเปลี่ยนมิเตอร์ 1 "ไฟฟ้า" แล้ว: มิเตอร์เก่าจบที่ 300 kWh มิเตอร์ใหม่เริ่มที่ 10 kWh ส่วนต่างนี้ไม่นับเป็นการใช้',
      undoReplaceByAnswer: 'ย้อนกลับแล้ว: ถอนการเปลี่ยนมิเตอร์ของมิเตอร์ 1 "ไฟฟ้า" (300 kWh → 10 kWh)',
      lower: /^10 น้อยกว่าค่าครั้งก่อน 300 kWh/,
      cancel: 'ยกเลิก',
      cancelled: 'ได้ค่ะ ไม่บันทึกค่านี้',
      rolledOver: /^หมุนครบรอบ/,
      wrap20: 'หมุนครบรอบ (+1,020)',
      wrap10: 'หมุนครบรอบ (+1,010)',
      previousWrong: 'ค่าก่อนหน้าผิด',
      usage1020: '1,020 m³',
      blocked:
        'ยังย้อนการเปลี่ยนมิเตอร์ของมิเตอร์ 1 "ไฟฟ้า" ไม่ได้ เพราะมีค่า #5 12 kWh จดบนมิเตอร์ใหม่หลังจากนั้น ลบค่านั้นก่อนแล้วค่อยย้อนกลับอีกครั้ง',
      undoGroupReading: 'ย้อนกลับแล้ว: ถอนค่า #5 12 kWh ของมิเตอร์ 1 "ไฟฟ้า"',
    },
  },
];

describe.each(languages)('undoing settings and replacements in $language', (story) => {
  let h: Harness;
  let me: Person;
  const { say, expect: want } = story;

  beforeAll(async () => {
    h = await startHarness();
  });
  // Each test starts from a person of its own with meter 1 read at 100 and 300, so that any one
  // runs alone and in any order.
  beforeEach(async () => {
    me = person(h, h.platform.addUser({ displayName: story.name, language: story.language }));
    await me.say(say.addElectric);
    await me.say(say.reading(1, '100', 5));
    await me.say(say.reading(1, '300', 20));
  });
  afterAll(async () => {
    await h?.close();
  });

  /** The meter called `name` that this test's person owns. */
  const mine = (name: string) =>
    and(
      eq(sources.name, name),
      inArray(
        sources.ownerId,
        h.database.db
          .select({ id: identities.userId })
          .from(identities)
          .where(eq(identities.providerUserId, me.user.userId)),
      ),
    );
  const meter = async (name: string) => {
    const [row] = await h.database.db
      .select({ digits: sources.digits, max: sourceValidators.max })
      .from(sources)
      .leftJoin(sourceValidators, eq(sourceValidators.sourceId, sources.id))
      .where(mine(name));
    return row;
  };
  const billDayOf = async (name: string) => {
    const [row] = await h.database.db
      .select({ billDay: sources.billDay })
      .from(sources)
      .where(mine(name));
    return row?.billDay;
  };
  /** The meter's current readings, oldest first: value and register event. */
  const current = async (name: string) =>
    (
      await h.database.db
        .select({ value: readings.value, event: readings.registerEvent })
        .from(readings)
        .innerJoin(sources, eq(sources.id, readings.sourceId))
        .where(and(mine(name), isNull(readings.deletedAt), isNull(readings.supersededAt)))
        .orderBy(asc(readings.takenAt), asc(readings.number))
    ).map((r) => (r.event ? `${r.value}:${r.event}` : r.value));
  const electric = story.language === 'en' ? 'Electric' : 'ไฟฟ้า';
  const water = story.language === 'en' ? 'Water' : 'น้ำ';

  it('undo puts a settings change back, one change at a time', async () => {
    expect((await me.say(say.setDigitsMax)).text).toBe(want.savedDigitsMax);
    expect(await meter(electric)).toEqual({ digits: 3, max: '5000' });
    // The new register size is in force: four digits are refused, nothing is stored.
    expect((await me.say(say.reading(1, '1000', 22))).text).toMatch(want.tooManyDigits);
    expect(await current(electric)).toEqual(['100', '300']);

    expect((await me.say(say.setDigits4)).text).toBe(want.savedDigits4);
    expect(await meter(electric)).toEqual({ digits: 4, max: '5000' });
    expect((await me.say(say.undo)).text).toBe(want.undoSettings);
    expect(await meter(electric)).toEqual({ digits: 3, max: '5000' });
    expect((await me.say(say.undo)).text).toBe(want.undoSettings);
    expect(await meter(electric)).toEqual({ digits: null, max: null });

    // Back to no register size: the same reading is stored now (and withdrawn again).
    expect((await me.say(say.reading(1, '1000', 22))).text).toMatch(want.stored);
    expect((await me.say(say.undo)).text).toBe(want.undoAdd);
    expect(await current(electric)).toEqual(['100', '300']);

    // The billing day is a setting too.
    await me.say(say.billingDay);
    expect(await billDayOf(electric)).toBe(18);
    expect((await me.say(say.undo)).text).toBe(want.undoSettings);
    expect(await billDayOf(electric)).toBeNull();
    expect(await meter(electric)).toEqual({ digits: null, max: null });
  });

  it('undo takes a typed meter replacement back, and usage with it', async () => {
    const before = await me.say(say.usage(1));
    expect(before.text).toContain(want.usage200);

    expect((await me.say(say.replace(25))).text).toBe(want.replaced);
    // On the new register 10 is 7 more than its start, not a drop from 350.
    expect((await me.say(say.reading(1, '10', 27))).text).toContain(want.usedSinceNew);
    expect(await current(electric)).toEqual([
      '100',
      '300',
      '350:replacement_final',
      '3:replacement_initial',
      '10',
    ]);
    expect((await me.say(say.usage(1))).text).toContain(want.usage257);

    await me.say(say.undo);
    expect((await me.say(say.undo)).text).toBe(want.undoReplace);
    expect(await current(electric)).toEqual(['100', '300']);
    expect((await me.say(say.usage(1))).text).toBe(before.text);
  });

  it('undo takes back a replacement made through the "replaced" answer', async () => {
    const before = await me.say(say.usage(1));
    const question = await me.say(say.reading(1, '10', 27));
    expect(question.text).toMatch(want.lower);
    const hint = await me.tap(question, want.replacedButton);
    expect(hint.text).toMatch(want.hint);
    expect((await me.tap(hint, want.newMeterButton)).text).toBe(want.replacedByAnswer);
    expect(await current(electric)).toEqual([
      '100',
      '300',
      '300:replacement_final',
      '10:replacement_initial',
    ]);

    expect((await me.say(say.undo)).text).toBe(want.undoReplaceByAnswer);
    expect(await current(electric)).toEqual(['100', '300']);
    expect((await me.say(say.usage(1))).text).toBe(before.text);
    // The old register is back: 10 is below its last reading again.
    const again = await me.say(say.reading(1, '10', 27));
    expect(again.text).toMatch(want.lower);
    expect((await me.tap(again, want.cancel)).text).toBe(want.cancelled);
  });

  it('keeps a replacement while readings of the new meter follow it, then undoes it', async () => {
    const before = await me.say(say.usage(1));
    const family = h.platform.addGroup({ name: 'Family', members: [me.user.userId] });
    const inFamily = { group: family.groupId };
    await me.say(say.share, inFamily);
    expect((await me.say(say.replace(25))).text).toBe(want.replaced);
    // A reading on the new meter, written in the group: not this chat's change to undo.
    await me.say(say.reading(1, '12', 27), inFamily);
    expect((await me.say(say.undo)).text).toBe(want.blocked);
    const kept = ['100', '300', '350:replacement_final', '3:replacement_initial', '12'];
    expect(await current(electric)).toEqual(kept);
    expect((await me.say(say.undo, inFamily)).text).toBe(want.undoGroupReading);
    expect((await me.say(say.undo)).text).toBe(want.undoReplace);
    expect(await current(electric)).toEqual(['100', '300']);
    expect((await me.say(say.usage(1))).text).toBe(before.text);
  });

  it('moves a wrap onto an earlier reading only when the later reading stays above it', async () => {
    await me.say(say.addWater);
    await me.say(say.setWaterDigits);
    await me.say(say.reading(2, '9000', 5));
    const wrap = await me.say(say.reading(2, '20', 20));
    expect((await me.tap(wrap, want.wrap20)).text).toContain('20');
    expect(await current(water)).toEqual(['9000', '20:rollover']);

    // 50 on the 10th cannot be after the wrap (the 20th shows 20) nor before it (below 9000).
    const misfit = await me.say(say.reading(2, '50', 10));
    const labels = misfit.choices.map((c) => c.label);
    expect(labels).toContain(want.previousWrong);
    expect(labels.some((label) => want.rolledOver.test(label))).toBe(false);
    // A stale or forged "rolled over" answer to this question stores nothing either.
    const cancel = misfit.choices.find((c) => c.label === want.cancel);
    const data = (cancel?.action as { data?: string } | undefined)?.data ?? '';
    expect(data).toMatch(/:cancel$/);
    const forged: Answer = await exchange(h, [
      h.platform.events.postback({
        userId: me.user.userId,
        data: data.replace(/:cancel$/, ':rollover'),
      }),
    ]);
    expect(forged.text).toBe(want.cancelled);
    expect(await current(water)).toEqual(['9000', '20:rollover']);

    // 10 on the 10th fits after the wrap: the wrap moves there, and the month's use is unchanged.
    const fits = await me.say(say.reading(2, '10', 10));
    await me.tap(fits, want.wrap10);
    expect(await current(water)).toEqual(['9000', '10:rollover', '20']);
    expect((await me.say(say.usage(2))).text).toContain(want.usage1020);
  });
});

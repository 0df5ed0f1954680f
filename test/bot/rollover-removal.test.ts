import { and, asc, eq, isNull } from 'drizzle-orm';
import { DateTime } from 'luxon';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readings, sources, users } from '../../src/db/schema';
import { type Person, person } from '../helpers/chat';
import { type Harness, startHarness } from '../helpers/harness';

// A reading stored as a wrap (9,000 → 20 on a 4-digit meter) holds the history together: the
// readings after it are on the next lap. Deleting it, undoing it, or taking away the register size
// must never leave a later reading below an earlier one with nothing to explain the drop. Where the
// next reading is plainly on the next lap, the wrap moves onto it; otherwise the bot refuses and
// names the readings in the way. Everything happens in last month, so figures are measured ones.

const lastMonth = DateTime.now().setZone('Asia/Bangkok').startOf('month').minus({ months: 1 });
const MONTH = lastMonth.toFormat('yyyy-MM');
const on = (day: number) => `${MONTH}-${String(day).padStart(2, '0')} 08:00`;

const languages = [
  {
    language: 'en' as const,
    say: {
      addWater: 'add meter Water m3',
      digits4: 'set meter 1 digits 4',
      noDigits: 'set meter 1 digits none',
      digits3: 'set meter 1 digits 3',
      digits5: 'set meter 1 digits 5',
      reading: (value: string, day: number) => `meter 1 = ${value} @ ${on(day)}`,
      delete: (n: number) => `delete meter 1 #${n}`,
      undo: 'undo',
      usage: `usage meter 1 ${MONTH}`,
      share: 'share meter 1',
      replace: (day: number) => `new meter 1 final 40 initial 3 @ ${on(day)}`,
      fix: (n: number, value: string) => `fix meter 1 #${n} = ${value}`,
    },
    expect: {
      wrap20: 'Rolled over (+1,020)',
      wrap50: 'Rolled over (+1,050)',
      deleted2: 'Deleted #2 20 m³ on meter 1 "Water". It stays in the audit log.',
      undoDelete2: 'Undone: #2 20 m³ on meter 1 "Water" is back.',
      undoAdd3: 'Undone: reading #3 20 m³ on meter 1 "Water" is withdrawn.',
      usage1050: 'Usage: 1,050 m³',
      usage1020: 'Usage: 1,020 m³',
      usage1040: 'Usage: 1,040 m³',
      deleteRefused:
        'I can\'t delete #2 20 m³ on meter 1 "Water": reading #3 40 m³ would then follow #1 9,000 m³ and count negative use. Fix or delete that reading first, then try again.',
      undoAddRefused:
        'I can\'t undo that on meter 1 "Water": reading #3 40 m³ would then follow #1 9,000 m³ and count negative use. Fix or delete that reading first, then undo again.',
      undoSettingsRefused:
        'I can\'t undo that on meter 1 "Water": reading #2 20 m³ would then follow #1 9,000 m³ and count negative use. Fix or delete that reading first, then undo again.',
      digitsRefused:
        'I can\'t change the register size of meter 1 "Water": its rollovers need it, and reading #2 20 m³ would then follow #1 9,000 m³ and count negative use. Fix or delete those readings first, or keep the size.',
      saved5: 'Saved for meter 1 "Water": 5 digits.',
      firstBelowWrap:
        /^10 is not above the later reading 20 m³ \(.+\), which is marked as the meter rolling over/,
      wrapNotBelow:
        /^This reading is marked as the meter rolling over, so it must be below the reading before it, 9,000 m³ \(.+\): at 9,500 the meter/,
      fixedWrap: 'Fixed #2 on meter 1 "Water": 20 m³ → 30 m³.',
      usage1030: 'Usage: 1,030 m³',
      deleteWholeTurn:
        'I can\'t delete #1 9,000 m³ on meter 1 "Water": reading #2 20 m³, marked as the meter rolling over, would then follow #3 10 m³ and count a whole turn of the meter more. Fix or delete that reading first, then try again.',
    },
  },
  {
    language: 'th' as const,
    say: {
      addWater: 'เพิ่มมิเตอร์ น้ำ m3',
      digits4: 'ตั้งค่า มิเตอร์ 1 หลัก 4',
      noDigits: 'ตั้งค่า มิเตอร์ 1 หลัก ไม่มี',
      digits3: 'ตั้งค่า มิเตอร์ 1 หลัก 3',
      digits5: 'ตั้งค่า มิเตอร์ 1 หลัก 5',
      reading: (value: string, day: number) => `มิเตอร์ 1 = ${value} @ ${on(day)}`,
      delete: (n: number) => `ลบ มิเตอร์ 1 #${n}`,
      undo: 'ย้อนกลับ',
      usage: `ใช้ไป มิเตอร์ 1 ${MONTH}`,
      share: 'แชร์ มิเตอร์ 1',
      replace: (day: number) => `เปลี่ยนมิเตอร์ 1 ค่าสุดท้าย 40 ค่าเริ่มต้น 3 @ ${on(day)}`,
      fix: (n: number, value: string) => `แก้ มิเตอร์ 1 #${n} = ${value}`,
    },
    expect: {
      wrap20: 'หมุนครบรอบ (+1,020)',
      wrap50: 'หมุนครบรอบ (+1,050)',
      deleted2: /^ลบ #2 20 m³ ของมิเตอร์ 1 "น้ำ"/,
      undoDelete2: 'ย้อนกลับแล้ว: #2 20 m³ ของมิเตอร์ 1 "น้ำ" กลับมาแล้ว',
      undoAdd3: 'ย้อนกลับแล้ว: ถอนค่า #3 20 m³ ของมิเตอร์ 1 "น้ำ"',
      usage1050: '1,050 m³',
      usage1020: '1,020 m³',
      usage1040: '1,040 m³',
      deleteRefused:
        'ลบ #2 20 m³ ของมิเตอร์ 1 "น้ำ" ไม่ได้ เพราะค่า #3 40 m³ จะต่อจาก #1 9,000 m³ ทำให้การใช้ติดลบ กรุณาแก้หรือลบค่านั้นก่อนแล้วลองใหม่',
      undoAddRefused:
        'ย้อนกลับในมิเตอร์ 1 "น้ำ" ไม่ได้ เพราะค่า #3 40 m³ จะต่อจาก #1 9,000 m³ ทำให้การใช้ติดลบ กรุณาแก้หรือลบค่านั้นก่อนแล้วค่อยย้อนกลับอีกครั้ง',
      undoSettingsRefused:
        'ย้อนกลับในมิเตอร์ 1 "น้ำ" ไม่ได้ เพราะค่า #2 20 m³ จะต่อจาก #1 9,000 m³ ทำให้การใช้ติดลบ กรุณาแก้หรือลบค่านั้นก่อนแล้วค่อยย้อนกลับอีกครั้ง',
      digitsRefused:
        'เปลี่ยนจำนวนหลักของมิเตอร์ 1 "น้ำ" ไม่ได้ เพราะการหมุนครบรอบที่บันทึกไว้ต้องใช้จำนวนหลักเดิม ไม่เช่นนั้นค่า #2 20 m³ จะต่อจาก #1 9,000 m³ ทำให้การใช้ติดลบ กรุณาแก้หรือลบค่าเหล่านั้นก่อน หรือคงจำนวนหลักเดิมไว้',
      saved5: 'บันทึกการตั้งค่ามิเตอร์ 1 "น้ำ": 5 หลัก',
      firstBelowWrap: /^10 ไม่มากกว่าค่าครั้งถัดไป 20 m³ \(.+\) ซึ่งบันทึกไว้ว่ามิเตอร์หมุนครบรอบ/,
      wrapNotBelow: /^ค่านี้บันทึกไว้ว่ามิเตอร์หมุนครบรอบ จึงต้องน้อยกว่าค่าครั้งก่อน 9,000 m³ \(.+\) ถ้าเป็น 9,500/,
      fixedWrap: 'แก้ #2 ของมิเตอร์ 1 "น้ำ": 20 m³ → 30 m³ แล้ว',
      usage1030: '1,030 m³',
      deleteWholeTurn:
        'ลบ #1 9,000 m³ ของมิเตอร์ 1 "น้ำ" ไม่ได้ เพราะค่า #2 20 m³ ที่บันทึกว่ามิเตอร์หมุนครบรอบจะต่อจาก #3 10 m³ ทำให้นับการใช้เกินไปหนึ่งรอบ กรุณาแก้หรือลบค่านั้นก่อนแล้วลองใหม่',
    },
  },
];

describe.each(languages)('a wrap stays explained in $language', (story) => {
  let h: Harness;
  const { say, expect: want } = story;

  beforeAll(async () => {
    h = await startHarness();
  });
  afterAll(async () => {
    await h?.close();
  });

  let people = 0;
  /** A new person with a 4-digit water meter (their meter 1). */
  const newcomer = async () => {
    people += 1;
    const displayName = `Tester ${people}`;
    const me = person(h, h.platform.addUser({ displayName, language: story.language }));
    await me.say(say.addWater);
    await me.say(say.digits4);
    return me;
  };
  /** Reads 9,000 on the 5th and 20 on the 20th, answered "it rolled over". */
  const wrapped = async (me: Person, options: { group?: string } = {}) => {
    await me.say(say.reading('9000', 5), options);
    const question = await me.say(say.reading('20', 20), options);
    await me.tap(question, want.wrap20, options);
  };
  /** This person's water meter: its current readings oldest first, and its register size. */
  const water = async (me: Person) => {
    const [source] = await h.database.db
      .select({ id: sources.id, digits: sources.digits })
      .from(sources)
      .innerJoin(users, eq(users.id, sources.ownerId))
      .where(eq(users.displayName, me.user.displayName));
    const rows = await h.database.db
      .select({ number: readings.number, value: readings.value, event: readings.registerEvent })
      .from(readings)
      .where(
        and(
          eq(readings.sourceId, source!.id),
          isNull(readings.deletedAt),
          isNull(readings.supersededAt),
        ),
      )
      .orderBy(asc(readings.takenAt), asc(readings.number));
    return {
      digits: source!.digits,
      readings: rows.map((r) => `#${r.number} ${r.value}${r.event ? `:${r.event}` : ''}`),
    };
  };

  it('deleting a wrap moves it onto the next reading, and undo puts it back', async () => {
    const me = await newcomer();
    await wrapped(me);
    await me.say(say.reading('50', 25));
    expect((await me.say(say.usage)).text).toContain(want.usage1050);

    const deleted = await me.say(say.delete(2));
    expect(deleted.text).toMatch(want.deleted2);
    // 50 is on the lap after the wrap: it carries the wrap now, and the month's use is kept.
    expect((await water(me)).readings).toEqual(['#1 9000', '#3 50:rollover']);
    expect((await me.say(say.usage)).text).toContain(want.usage1050);

    expect((await me.say(say.undo)).text).toBe(want.undoDelete2);
    expect((await water(me)).readings).toEqual(['#1 9000', '#2 20:rollover', '#3 50']);
    expect((await me.say(say.usage)).text).toContain(want.usage1050);
  });

  it('undoing a wrap entered before a later wrap gives the wrap back to the later reading', async () => {
    const me = await newcomer();
    await me.say(say.reading('9000', 5));
    await me.tap(await me.say(say.reading('50', 25)), want.wrap50);
    // 20 on the 20th fits after the wrap: the wrap moves onto it.
    await me.tap(await me.say(say.reading('20', 20)), want.wrap20);
    expect((await water(me)).readings).toEqual(['#1 9000', '#3 20:rollover', '#2 50']);

    expect((await me.say(say.undo)).text).toBe(want.undoAdd3);
    expect((await water(me)).readings).toEqual(['#1 9000', '#2 50:rollover']);
    expect((await me.say(say.usage)).text).toContain(want.usage1050);
  });

  it('refuses to delete a wrap the next reading cannot take, and changes nothing', async () => {
    const me = await newcomer();
    await wrapped(me);
    // The old register's final reading carries its own mark: the wrap cannot move onto it.
    await me.say(say.replace(25));
    const before = await water(me);
    expect(before.readings).toEqual([
      '#1 9000',
      '#2 20:rollover',
      '#3 40:replacement_final',
      '#4 3:replacement_initial',
    ]);

    expect((await me.say(say.delete(2))).text).toBe(want.deleteRefused);
    expect(await water(me)).toEqual(before);
    expect((await me.say(say.usage)).text).toContain(want.usage1040);
  });

  it('refuses to undo a wrap when a reading entered elsewhere would fall below it', async () => {
    const me = await newcomer();
    await wrapped(me);
    const family = h.platform.addGroup({ name: 'Family', members: [me.user.userId] });
    await me.say(say.share, { group: family.groupId });
    // The replacement is the group's change: this chat's last change is still the wrap.
    await me.say(say.replace(25), { group: family.groupId });
    const before = await water(me);

    expect((await me.say(say.undo)).text).toBe(want.undoAddRefused);
    expect(await water(me)).toEqual(before);
    expect((await me.say(say.usage)).text).toContain(want.usage1040);
  });

  it('refuses to take away or shrink the register size a wrap needs; a larger one is fine', async () => {
    const me = await newcomer();
    await wrapped(me);
    const before = await water(me);
    expect(before.digits).toBe(4);

    expect((await me.say(say.noDigits)).text).toBe(want.digitsRefused);
    expect(await water(me)).toEqual(before);
    expect((await me.say(say.digits3)).text).toBe(want.digitsRefused);
    expect(await water(me)).toEqual(before);
    expect((await me.say(say.usage)).text).toContain(want.usage1020);

    // Five digits still explain the drop (20 + 100,000 − 9,000): not refused.
    expect((await me.say(say.digits5)).text).toBe(want.saved5);
    expect((await water(me)).digits).toBe(5);
  });

  it('keeps a wrap under one turn of the meter: fixes on either side of it, and a delete', async () => {
    const me = await newcomer();
    await wrapped(me);
    const before = await water(me);

    // 10 before the wrap at 20 would count 10,010 there: refused, nothing changes.
    expect((await me.say(say.fix(1, '10'))).text).toMatch(want.firstBelowWrap);
    // The wrap itself at 9,500, above the 9,000 before it, would count 10,500: refused.
    expect((await me.say(say.fix(2, '9500'))).text).toMatch(want.wrapNotBelow);
    expect(await water(me)).toEqual(before);
    expect((await me.say(say.usage)).text).toContain(want.usage1020);

    // Below 9,000 the fix keeps the wrap: 9,000 → 30 is 1,030 on a 4-digit meter.
    expect((await me.say(say.fix(2, '30'))).text).toBe(want.fixedWrap);
    expect((await water(me)).readings).toEqual(['#1 9000', '#2 30:rollover']);
    expect((await me.say(say.usage)).text).toContain(want.usage1030);

    // With 10 on the 3rd, deleting 9,000 would leave 10 ↻ 30: a whole turn more. Refused.
    await me.say(say.fix(2, '20'));
    await me.say(say.reading('10', 3));
    const withEarlier = await water(me);
    expect(withEarlier.readings).toEqual(['#3 10', '#1 9000', '#2 20:rollover']);
    expect((await me.say(say.delete(1))).text).toBe(want.deleteWholeTurn);
    expect(await water(me)).toEqual(withEarlier);
  });

  it('refuses to undo the register size while a wrap entered elsewhere needs it', async () => {
    const me = await newcomer();
    const family = h.platform.addGroup({ name: 'Family', members: [me.user.userId] });
    await me.say(say.share, { group: family.groupId });
    // The readings are the group's changes: this chat's last change is the register size.
    await wrapped(me, { group: family.groupId });
    const before = await water(me);
    expect(before.readings).toEqual(['#1 9000', '#2 20:rollover']);

    expect((await me.say(say.undo)).text).toBe(want.undoSettingsRefused);
    expect(await water(me)).toEqual(before);
    expect((await me.say(say.usage)).text).toContain(want.usage1020);
  });
});

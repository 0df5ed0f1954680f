import { and, asc, eq, isNull } from 'drizzle-orm';
import { DateTime } from 'luxon';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog, readings, sources, users } from '../../src/db/schema';
import { type Person, person } from '../helpers/chat';
import { type Harness, startHarness } from '../helpers/harness';

// A meter replacement is one event stored as two readings: the old meter's final and the new
// meter's initial. Deleting either one deletes both (deleting only the initial used to leave the
// final alone, and the next reading was then counted on the old meter: negative use). While a
// reading of the new meter follows the replacement, it stays. Everything happens in last month,
// so usage figures are measured ones.

const lastMonth = DateTime.now().setZone('Asia/Bangkok').startOf('month').minus({ months: 1 });
const MONTH = lastMonth.toFormat('yyyy-MM');
const on = (day: number) => `${MONTH}-${String(day).padStart(2, '0')} 08:00`;

const languages = [
  {
    language: 'en' as const,
    say: {
      addWater: 'add meter Water m3',
      reading: (value: string, day: number) => `meter 1 = ${value} @ ${on(day)}`,
      replace: (day: number) => `new meter 1 final 350 initial 3 @ ${on(day)}`,
      delete: (n: number) => `delete meter 1 #${n}`,
      undo: 'undo',
      usage: `usage meter 1 ${MONTH}`,
      share: 'share meter 1',
    },
    expect: {
      deleted:
        'Deleted the meter replacement on meter 1 "Water": #3 final 350 m³ and #4 initial 3 m³. It stays in the audit log.',
      undone:
        'Undone: the meter replacement on meter 1 "Water" (#3 final 350 m³ and #4 initial 3 m³) is back.',
      refused:
        'I can\'t delete the meter replacement on meter 1 "Water" yet: reading #5 10 m³ was entered on the new meter after it. Delete that one first, then try again.',
      undoRefused:
        'I can\'t bring back the meter replacement on meter 1 "Water": reading #5 310 m³ now comes after it. Delete that one first, then undo again.',
      lower10: /^10 is lower than the last reading 300 m³/,
      usage200: 'Usage: 200 m³',
      usage250: 'Usage: 250 m³',
      usage257: 'Usage: 257 m³',
      usage210: 'Usage: 210 m³',
    },
  },
  {
    language: 'th' as const,
    say: {
      addWater: 'เพิ่มมิเตอร์ น้ำ m3',
      reading: (value: string, day: number) => `มิเตอร์ 1 = ${value} @ ${on(day)}`,
      replace: (day: number) => `เปลี่ยนมิเตอร์ 1 ค่าสุดท้าย 350 ค่าเริ่มต้น 3 @ ${on(day)}`,
      delete: (n: number) => `ลบ มิเตอร์ 1 #${n}`,
      undo: 'ย้อนกลับ',
      usage: `ใช้ไป มิเตอร์ 1 ${MONTH}`,
      share: 'แชร์ มิเตอร์ 1',
    },
    expect: {
      deleted:
        'ลบการเปลี่ยนมิเตอร์ของมิเตอร์ 1 "น้ำ" แล้ว: #3 ค่าสุดท้าย 350 m³ และ #4 ค่าเริ่มต้น 3 m³ (ยังเก็บไว้ในบันทึกการตรวจสอบ)',
      undone:
        'ย้อนกลับแล้ว: การเปลี่ยนมิเตอร์ของมิเตอร์ 1 "น้ำ" (#3 ค่าสุดท้าย 350 m³ และ #4 ค่าเริ่มต้น 3 m³) กลับมาแล้ว',
      refused:
        'ยังลบการเปลี่ยนมิเตอร์ของมิเตอร์ 1 "น้ำ" ไม่ได้ เพราะมีค่า #5 10 m³ จดบนมิเตอร์ใหม่หลังจากนั้น ลบค่านั้นก่อนแล้วลองใหม่',
      undoRefused:
        'ยังนำการเปลี่ยนมิเตอร์ของมิเตอร์ 1 "น้ำ" กลับมาไม่ได้ เพราะมีค่า #5 310 m³ อยู่หลังจากนั้นแล้ว ลบค่านั้นก่อนแล้วค่อยย้อนกลับอีกครั้ง',
      lower10: /^10 น้อยกว่าค่าครั้งก่อน 300 m³/,
      usage200: '200 m³',
      usage250: '250 m³',
      usage257: '257 m³',
      usage210: '210 m³',
    },
  },
];

describe.each(languages)('a meter replacement is deleted whole in $language', (story) => {
  let h: Harness;
  const { say, expect: want } = story;

  beforeAll(async () => {
    h = await startHarness();
  });
  afterAll(async () => {
    await h?.close();
  });

  let people = 0;
  /**
   * A new person whose water meter (their meter 1) read 100 on the 2nd and 300 on the 5th, and
   * was replaced on the 10th: #3 is the old meter's final 350, #4 the new meter's initial 3.
   */
  const replaced = async () => {
    people += 1;
    const displayName = `Replacer ${people}`;
    const me = person(h, h.platform.addUser({ displayName, language: story.language }));
    await me.say(say.addWater);
    await me.say(say.reading('100', 2));
    await me.say(say.reading('300', 5));
    await me.say(say.replace(10));
    return me;
  };
  const sourceOf = async (me: Person) => {
    const [source] = await h.database.db
      .select({ id: sources.id })
      .from(sources)
      .innerJoin(users, eq(users.id, sources.ownerId))
      .where(eq(users.displayName, me.user.displayName));
    return source!.id;
  };
  /** This person's current water readings, oldest first. */
  const water = async (me: Person) => {
    const rows = await h.database.db
      .select({ number: readings.number, value: readings.value, event: readings.registerEvent })
      .from(readings)
      .where(
        and(
          eq(readings.sourceId, await sourceOf(me)),
          isNull(readings.deletedAt),
          isNull(readings.supersededAt),
        ),
      )
      .orderBy(asc(readings.takenAt), asc(readings.number));
    return rows.map((r) => `#${r.number} ${r.value}${r.event ? `:${r.event}` : ''}`);
  };
  const whole = ['#1 100', '#2 300', '#3 350:replacement_final', '#4 3:replacement_initial'];

  it('deleting the initial deletes the final too, audits both, and undo brings both back', async () => {
    const me = await replaced();
    expect(await water(me)).toEqual(whole);
    expect((await me.say(say.usage)).text).toContain(want.usage250);

    expect((await me.say(say.delete(4))).text).toBe(want.deleted);
    expect(await water(me)).toEqual(['#1 100', '#2 300']);
    expect((await me.say(say.usage)).text).toContain(want.usage200);
    const audited = await h.database.db
      .select({ before: auditLog.before })
      .from(auditLog)
      .where(and(eq(auditLog.action, 'reading.delete'), eq(auditLog.sourceId, await sourceOf(me))))
      .orderBy(asc(auditLog.seq));
    expect(audited.map((a) => a.before)).toEqual([
      expect.objectContaining({ number: 4, value: '3', registerEvent: 'replacement_initial' }),
      expect.objectContaining({ number: 3, value: '350', registerEvent: 'replacement_final' }),
    ]);

    expect((await me.say(say.undo)).text).toBe(want.undone);
    expect(await water(me)).toEqual(whole);
    expect((await me.say(say.usage)).text).toContain(want.usage250);
  });

  it('deleting the final deletes the initial too, so a lower reading after it is questioned', async () => {
    const me = await replaced();
    expect((await me.say(say.delete(3))).text).toBe(want.deleted);
    expect(await water(me)).toEqual(['#1 100', '#2 300']);

    // 10 now follows 300 with nothing to explain the drop: asked about, not stored.
    expect((await me.say(say.reading('10', 15))).text).toMatch(want.lower10);
    expect(await water(me)).toEqual(['#1 100', '#2 300']);
    expect((await me.say(say.usage)).text).toContain(want.usage200);
  });

  it('refuses to delete either half while a reading of the new meter follows, and changes nothing', async () => {
    const me = await replaced();
    await me.say(say.reading('10', 15));
    const before = await water(me);
    expect(before).toEqual([...whole, '#5 10']);

    expect((await me.say(say.delete(4))).text).toBe(want.refused);
    expect(await water(me)).toEqual(before);
    expect((await me.say(say.delete(3))).text).toBe(want.refused);
    expect(await water(me)).toEqual(before);
    expect((await me.say(say.usage)).text).toContain(want.usage257);
  });

  it('refuses to bring the replacement back while a reading entered elsewhere follows it', async () => {
    const me = await replaced();
    const family = h.platform.addGroup({ name: 'Family', members: [me.user.userId] });
    await me.say(say.share, { group: family.groupId });
    expect((await me.say(say.delete(4))).text).toBe(want.deleted);
    // Entered in the group: this chat's last change is still the delete.
    await me.say(say.reading('310', 15), { group: family.groupId });
    const before = await water(me);
    expect(before).toEqual(['#1 100', '#2 300', '#5 310']);

    expect((await me.say(say.undo)).text).toBe(want.undoRefused);
    expect(await water(me)).toEqual(before);
    expect((await me.say(say.usage)).text).toContain(want.usage210);
  });
});

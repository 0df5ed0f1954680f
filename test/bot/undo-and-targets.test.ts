import { and, asc, eq, inArray } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { auditLog, identities, readings, sources } from '../../src/db/schema';
import { type Person, person } from '../helpers/chat';
import { type Harness, startHarness } from '../helpers/harness';

// Every change lands on the reading the person meant, and `undo` takes it back. Each test starts
// from a person of its own at the same clock, so any one can run alone and in any order.

const languages = [
  {
    language: 'en' as const,
    name: 'Kai',
    say: {
      addElectric: 'add meter Electric kWh',
      addWater: 'add meter Water m3',
      history1: 'history meter 1',
      delete1: 'delete #1',
      fix2: 'fix #2 = 250',
      fix1: 'fix #1 = 105',
      fixMeter1: 'fix meter 1 #2 = 210',
      deleteMeter1: 'delete meter 1 #2',
      undo: 'undo',
      archive2: 'archive meter 2',
      unarchive2: 'unarchive meter 2',
      archived: 'archived',
      meters: 'meters',
      reading: (meter: number, value: string, date: string) =>
        `meter ${meter} = ${value} @ ${date}`,
    },
    expect: {
      deletedOnShown: 'Deleted #1 100 kWh on meter 1 "Electric". It stays in the audit log.',
      whichMeter:
        /^Which meter's #1\?\nmeter 1 "Electric": #1 100 kWh, .*\nmeter 2 "Water": #1 10 m³, /,
      // The example repeats what was asked: a fix is never shown as a delete.
      exampleDelete: /Tap one, or write e\.g\. "delete meter 2 #1"\.$/,
      exampleFix: /Tap one, or write e\.g\. "fix meter 2 #1 = 105"\.$/,
      fixedAlone: 'Fixed #2 on meter 1 "Electric": 300 kWh → 250 kWh.',
      fixed: 'Fixed #2 on meter 1 "Electric": 300 kWh → 210 kWh.',
      undoFix: 'Undone: #2 on meter 1 "Electric" is back to 300 kWh (was 210 kWh).',
      deleted: 'Deleted #2 210 kWh on meter 1 "Electric". It stays in the audit log.',
      undoDelete: 'Undone: #2 210 kWh on meter 1 "Electric" is back.',
      undoDeleteOfShown: 'Undone: #1 100 kWh on meter 1 "Electric" is back.',
      undoAdd: /^Undone: reading #2 20 m³ on meter 2 "Water" is withdrawn\.$/,
      askOld: /^Your last change here was reading #1 10 m³ on meter 2 "Water", .*\. Undo it\?$/,
      undoButton: 'Undo it',
      nothing: 'You have no change here to undo.',
      archiveAsk: /^Archive meter 2 "Water"\?/,
      archiveButton: 'Archive',
      archivedDone: /^Archived meter 2 "Water"\. .*unarchive meter 2$/,
      archivedList: 'Archived meters:\nmeter 2 "Water"',
      unarchived: 'meter 2 "Water" is back in the list.',
      undoArchive: 'Undone: meter 2 "Water" is no longer archived.',
      lowerButtons: ['Replaced / reset', 'Previous was wrong', 'Cancel'],
      previousWrong: 'Previous was wrong',
      previousHint: /#3 \(300 kWh\).*\nfix meter 1 #3 = …/,
    },
  },
  {
    language: 'th' as const,
    name: 'สมชาย',
    say: {
      addElectric: 'เพิ่มมิเตอร์ ไฟฟ้า kWh',
      addWater: 'เพิ่มมิเตอร์ น้ำ m3',
      history1: 'ประวัติ มิเตอร์ 1',
      delete1: 'ลบ #1',
      fix2: 'แก้ #2 = 250',
      fix1: 'แก้ #1 = 105',
      fixMeter1: 'แก้ มิเตอร์ 1 #2 = 210',
      deleteMeter1: 'ลบ มิเตอร์ 1 #2',
      undo: 'ย้อนกลับ',
      archive2: 'เก็บถาวร มิเตอร์ 2',
      unarchive2: 'ยกเลิกเก็บถาวร มิเตอร์ 2',
      archived: 'รายการเก็บถาวร',
      meters: 'มิเตอร์',
      reading: (meter: number, value: string, date: string) =>
        `มิเตอร์ ${meter} = ${value} @ ${date}`,
    },
    expect: {
      deletedOnShown: 'ลบ #1 100 kWh ของมิเตอร์ 1 "ไฟฟ้า" แล้ว (ยังเก็บไว้ในบันทึกการตรวจสอบ)',
      whichMeter:
        /^#1 ของมิเตอร์ไหนคะ\nมิเตอร์ 1 "ไฟฟ้า": #1 100 kWh เมื่อ .*\nมิเตอร์ 2 "น้ำ": #1 10 m³ เมื่อ /,
      exampleDelete: /แตะเลือก หรือพิมพ์ เช่น "ลบ มิเตอร์ 2 #1"$/,
      exampleFix: /แตะเลือก หรือพิมพ์ เช่น "แก้ มิเตอร์ 2 #1 = 105"$/,
      fixedAlone: 'แก้ #2 ของมิเตอร์ 1 "ไฟฟ้า": 300 kWh → 250 kWh แล้ว',
      fixed: 'แก้ #2 ของมิเตอร์ 1 "ไฟฟ้า": 300 kWh → 210 kWh แล้ว',
      undoFix: 'ย้อนกลับแล้ว: #2 ของมิเตอร์ 1 "ไฟฟ้า" กลับเป็น 300 kWh (เดิมแก้เป็น 210 kWh)',
      deleted: 'ลบ #2 210 kWh ของมิเตอร์ 1 "ไฟฟ้า" แล้ว (ยังเก็บไว้ในบันทึกการตรวจสอบ)',
      undoDelete: 'ย้อนกลับแล้ว: #2 210 kWh ของมิเตอร์ 1 "ไฟฟ้า" กลับมาแล้ว',
      undoDeleteOfShown: 'ย้อนกลับแล้ว: #1 100 kWh ของมิเตอร์ 1 "ไฟฟ้า" กลับมาแล้ว',
      undoAdd: /^ย้อนกลับแล้ว: ถอนค่า #2 20 m³ ของมิเตอร์ 2 "น้ำ"$/,
      askOld: /^สิ่งที่คุณทำล่าสุดในแชตนี้คือจดค่า #1 10 m³ ของมิเตอร์ 2 "น้ำ" เมื่อ .* จะย้อนกลับไหมคะ$/,
      undoButton: 'ย้อนกลับเลย',
      nothing: 'ไม่มีสิ่งที่คุณทำในแชตนี้ให้ย้อนกลับ',
      archiveAsk: /^เก็บมิเตอร์ 2 "น้ำ" ถาวรไหมคะ/,
      archiveButton: 'เก็บถาวร',
      archivedDone: /^เก็บมิเตอร์ 2 "น้ำ" ถาวรแล้ว .*ยกเลิกเก็บถาวร มิเตอร์ 2$/,
      archivedList: 'มิเตอร์ที่เก็บถาวร:\nมิเตอร์ 2 "น้ำ"',
      unarchived: 'นำมิเตอร์ 2 "น้ำ" กลับมาในรายการแล้ว',
      undoArchive: 'ย้อนกลับแล้ว: นำมิเตอร์ 2 "น้ำ" ออกจากที่เก็บถาวร',
      lowerButtons: ['เปลี่ยน/รีเซ็ตแล้ว', 'ค่าก่อนหน้าผิด', 'ยกเลิก'],
      previousWrong: 'ค่าก่อนหน้าผิด',
      previousHint: /#3 \(300 kWh\).*\nแก้ มิเตอร์ 1 #3 = …/,
    },
  },
];

describe.each(languages)('corrections in $language', (story) => {
  let h: Harness;
  let me: Person;
  let now: Date;
  const later = (minutes: number) => {
    now = new Date(now.getTime() + minutes * 60_000);
  };
  const { say, expect: want } = story;

  beforeAll(async () => {
    h = await startHarness({ clock: () => now });
  });
  /** A person with meter 1 Electric (#1 100, #2 300) and meter 2 Water (#1 10, #2 20). */
  beforeEach(async () => {
    now = new Date('2026-11-20T05:00:00Z');
    me = person(h, h.platform.addUser({ displayName: story.name, language: story.language }));
    await me.say(say.addElectric);
    await me.say(say.addWater);
    for (const line of [
      say.reading(1, '100', '2026-11-01 08:00'),
      say.reading(1, '300', '2026-11-10 08:00'),
      say.reading(2, '10', '2026-11-01 08:00'),
      say.reading(2, '20', '2026-11-10 08:00'),
    ]) {
      await me.say(line);
    }
  });
  afterAll(async () => {
    await h?.close();
  });

  /** This person's meters, in the order they were added. */
  const myMeters = async () =>
    (
      await h.database.db
        .select({ id: sources.id })
        .from(sources)
        .innerJoin(identities, eq(identities.userId, sources.ownerId))
        .where(eq(identities.providerUserId, me.user.userId))
        .orderBy(asc(sources.createdAt))
    ).map((m) => m.id);
  const rows = async (meter: number) =>
    (
      await h.database.db
        .select({ r: readings })
        .from(readings)
        .where(eq(readings.sourceId, (await myMeters())[meter - 1]!))
        .orderBy(asc(readings.number), asc(readings.enteredAt))
    ).map(
      ({ r }) =>
        `#${r.number}=${r.value}${r.supersededAt ? ':old' : ''}${r.deletedAt ? ':deleted' : ''}`,
    );

  it('undoes a new reading, then asks before undoing one older than ten minutes', async () => {
    expect((await me.say(say.undo)).text).toMatch(want.undoAdd);
    expect(await rows(2)).toEqual(['#1=10', '#2=20:deleted']);
    later(30);
    const ask = await me.say(say.undo);
    expect(ask.text).toMatch(want.askOld);
    expect(await rows(2)).toEqual(['#1=10', '#2=20:deleted']);
    // Not taken: nothing happens; a new reading goes on after the withdrawn one.
    await me.say(say.reading(2, '20', '2026-11-10 09:00'));
    expect(await rows(2)).toEqual(['#1=10', '#2=20:deleted', '#3=20']);
  });

  it('asks which meter "#1" means when nothing was shown, with one button per meter', async () => {
    const asked = await me.say(say.delete1);
    expect(asked.text).toMatch(want.whichMeter);
    expect(asked.text).toMatch(want.exampleDelete);
    const askedFix = await me.say(say.fix1);
    expect(askedFix.text).toMatch(want.whichMeter);
    expect(askedFix.text).toMatch(want.exampleFix);
    expect(asked.choices.map((c) => c.label)).toEqual(
      story.language === 'en' ? ['1. Electric', '2. Water'] : ['1. ไฟฟ้า', '2. น้ำ'],
    );
    expect(await rows(1)).toEqual(['#1=100', '#2=300']);
    expect(await rows(2)).toEqual(['#1=10', '#2=20']);
    // A number only one meter has is not ambiguous: once Water's #2 is withdrawn, #2 is Electric's.
    expect((await me.say(say.undo)).text).toMatch(want.undoAdd);
    expect((await me.say(say.fix2)).text).toBe(want.fixedAlone);
    await me.say(say.undo);
  });

  it('deletes on the meter whose history was just shown, and undo brings it back', async () => {
    await me.say(say.history1);
    expect((await me.say(say.delete1)).text).toBe(want.deletedOnShown);
    expect(await rows(2)).toEqual(['#1=10', '#2=20']);
    expect((await me.say(say.undo)).text).toBe(want.undoDeleteOfShown);
    expect((await rows(1)).slice(0, 2)).toEqual(['#1=100:deleted', '#1=100']);
  });

  it('takes a fix back to the old value under the same number, and a delete back', async () => {
    expect((await me.say(say.fixMeter1)).text).toBe(want.fixed);
    expect((await me.say(say.deleteMeter1)).text).toBe(want.deleted);
    expect((await me.say(say.undo)).text).toBe(want.undoDelete);
    expect((await me.say(say.undo)).text).toBe(want.undoFix);
    expect((await rows(1)).filter((r) => !r.includes(':'))).toEqual(['#1=100', '#2=300']);
    const undos = await h.database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'change.undo'), inArray(auditLog.sourceId, await myMeters())));
    // One per undo: the delete, then the fix.
    expect(undos.length).toBe(2);
  });

  it('walks back until nothing of this person is left, then says so', async () => {
    for (let i = 0; i < 20; i++) {
      const answer = await me.say(say.undo);
      if (answer.text === want.nothing) break;
      const tap = answer.choices.find((c) => c.label === want.undoButton);
      if (tap) await me.tap(answer, want.undoButton);
    }
    expect((await me.say(say.undo)).text).toBe(want.nothing);
    // Every reading this person made is withdrawn (the meters themselves stay).
    expect((await rows(1)).filter((r) => !r.includes(':'))).toEqual([]);
  });

  it('archives only after a tap, lists it, brings it back, and undo unarchives', async () => {
    const ask = await me.say(say.archive2);
    expect(ask.text).toMatch(want.archiveAsk);
    expect((await me.say(say.meters)).text).toContain(story.language === 'en' ? 'Water' : 'น้ำ');
    expect((await me.tap(ask, want.archiveButton)).text).toMatch(want.archivedDone);
    expect((await me.say(say.meters)).text).not.toContain(story.language === 'en' ? 'Water' : 'น้ำ');
    expect((await me.say(say.archived)).text).toBe(want.archivedList);
    expect((await me.say(say.unarchive2)).text).toBe(want.unarchived);
    const again = await me.say(say.archive2);
    await me.tap(again, want.archiveButton);
    expect((await me.say(say.undo)).text).toBe(want.undoArchive);
    expect((await me.say(say.meters)).text).toContain(story.language === 'en' ? 'Water' : 'น้ำ');
  });

  it('never offers to store a lower reading as negative use', async () => {
    await me.say(say.reading(1, '300', '2026-11-12 08:00'));
    const question = await me.say(say.reading(1, '250', '2026-11-13 08:00'));
    expect(question.choices.map((c) => c.label)).toEqual(want.lowerButtons);
    const hint = await me.tap(question, want.previousWrong);
    expect(hint.text).toMatch(want.previousHint);
    expect((await rows(1)).filter((r) => !r.includes(':'))).toEqual(['#1=100', '#2=300', '#3=300']);
  });
});

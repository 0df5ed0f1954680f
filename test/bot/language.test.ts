import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog } from '../../src/db/schema';
import type { Answer } from '../helpers/chat';
import { person } from '../helpers/chat';
import { type Harness, startHarness } from '../helpers/harness';

// Every reply is in the person's language: the one they write in, and for short forms that
// both languages share (m1 1805, whoami, link google) the one they spoke last.

const THAI = /[\u0E01-\u0E4E]/;

function expectLanguage(answer: Answer, language: 'th' | 'en', sent: string) {
  expect(answer.texts.length, `no reply to ${sent}`).toBeGreaterThan(0);
  for (const text of answer.texts) {
    if (text.startsWith('[image]')) continue;
    if (language === 'th') expect(text, `reply to "${sent}"`).toMatch(THAI);
    else expect(text, `reply to "${sent}"`).not.toMatch(THAI);
  }
}

const FORMS = {
  th: [
    'เพิ่มมิเตอร์ ไฟฟ้า kWh',
    'เพิ่มมิเตอร์ น้ำ m3',
    'มิเตอร์ 1 = 100 @ 3 วันก่อน',
    'มิเตอร์ 1 = 120 เมื่อวาน',
    'm1 130',
    'มิเตอร์ 2 = 10 # หมายเหตุ',
    '15',
    'มิเตอร์',
    'ประวัติ มิเตอร์ 1',
    'แก้ มิเตอร์ 1 #2 = 125',
    'ลบ มิเตอร์ 1 #3',
    'ย้อนกลับ',
    'ใช้ไป มิเตอร์ 1',
    'ใช้ไปเท่าไร',
    'ใช้ไปเดือนนี้เท่าไหร่',
    'ตั้งค่า มิเตอร์ 1 ต่ำสุด 0 สูงสุด 99999',
    'เปลี่ยนมิเตอร์ 2 ค่าสุดท้าย 20 ค่าเริ่มต้น 0',
    'สิทธิ์ มิเตอร์ 1',
    'ตรวจสอบ มิเตอร์ 1',
    'แชร์ มิเตอร์ 1',
    'link google',
    'unlink google',
    'whoami',
    'ช่วยเหลือ',
    'อะไรนะ',
    'มิเตอร์ 9 = 5',
    'มิเตอร์ 1 = abc',
    'มิเตอร์ 1 = 4602 @ 15 พ.ย. 08:00 น.',
    'แก้ #99 = 1',
    'เก็บถาวร มิเตอร์ 2',
    'ลบข้อมูลของฉัน',
    'ลบ 0000',
  ],
  en: [
    'add meter Electric kWh',
    'add meter Water m3',
    'meter 1 = 100 @ 3 days ago',
    'meter 1 = 120 yesterday',
    'm1 130',
    'meter 2 = 10 # a note',
    '15',
    'meters',
    'history meter 1',
    'fix meter 1 #2 = 125',
    'delete meter 1 #3',
    'undo',
    'usage meter 1',
    'usage',
    'set meter 1 min 0 max 99999',
    'new meter 2 final 20 initial 0',
    'access meter 1',
    'audit meter 1',
    'share meter 1',
    'link google',
    'unlink google',
    'whoami',
    'help',
    'what now',
    'meter 9 = 5',
    'meter 1 = abc',
    'meter 1 = 4602 @ 15 Nov 08:00',
    'fix #99 = 1',
    'archive meter 2',
    'delete my data',
    'DELETE 0000',
  ],
} as const;

describe('the person’s language, everywhere', () => {
  let h: Harness;

  beforeAll(async () => {
    h = await startHarness();
  });
  afterAll(async () => {
    await h?.close();
  });

  it.each(['th', 'en'] as const)('every command form in %s is answered in it', async (language) => {
    const someone = person(
      h,
      h.platform.addUser({ displayName: language === 'th' ? 'มาลี' : 'Malee', language }),
    );
    for (const sent of FORMS[language]) expectLanguage(await someone.say(sent), language, sent);
  });

  it('names an unknown meter apart from the words after it, in Thai as in English', async () => {
    const pim = person(h, h.platform.addUser({ displayName: 'Pim', language: 'th' }));
    await pim.say('เพิ่มมิเตอร์ ไฟฟ้า kWh');
    expect((await pim.say('มิเตอร์ 9 = 100')).text).toBe(
      'ไม่พบมิเตอร์ 9 ในแชตนี้ พิมพ์ "มิเตอร์" เพื่อดูมิเตอร์ที่ใช้ได้',
    );
  });

  it('audit lines read as sentences in both languages, never as codes', async () => {
    const niran = person(h, h.platform.addUser({ displayName: 'Niran', language: 'en' }));
    await niran.say('add meter Gas m3');
    await niran.say('meter 1 = 5');
    await niran.say('history meter 1');
    const en = await niran.say('audit meter 1');
    expect(en.text).toMatch(/Niran: recorded #1 5 m³/);
    expect(en.text).toMatch(/Niran: looked at the history/);
    const th = await niran.say('ตรวจสอบ มิเตอร์ 1');
    expect(th.text).toMatch(/Niran: จดค่า #1 5 m³/);
    expect(th.text).toMatch(/Niran: ดูประวัติ/);
    for (const text of [en.text, th.text]) expect(text).not.toMatch(/\b[a-z]+\.[a-z]+\b/);
    expect(await h.database.db.$count(auditLog)).toBeGreaterThan(0);
  });

  it('follows what the person writes, not their LINE profile, and keeps it for short forms', async () => {
    // A Thai LINE profile, but she writes English.
    const anna = person(h, h.platform.addUser({ displayName: 'Anna', language: 'th' }));
    expectLanguage(await anna.say('help'), 'en', 'help');
    expectLanguage(await anna.say('add meter Electric kWh'), 'en', 'add meter');
    expectLanguage(await anna.say('m1 1805'), 'en', 'm1 1805');
    expectLanguage(await anna.say('whoami'), 'en', 'whoami');
    // Then Thai: the short forms follow.
    expectLanguage(await anna.say('มิเตอร์'), 'th', 'มิเตอร์');
    expectLanguage(await anna.say('m1 1810'), 'th', 'm1 1810');
    expectLanguage(await anna.say('link google'), 'th', 'link google');
  });

  it('sets quoted names apart from Thai words with spaces', async () => {
    const somchai = person(h, h.platform.addUser({ displayName: 'Somchai', language: 'th' }));
    const created = await somchai.say('เพิ่มมิเตอร์ ไฟฟ้า kWh');
    expect(created.text).toContain('เพิ่มมิเตอร์ 1 "ไฟฟ้า" (kWh) แล้ว');
    const stored = await somchai.say('มิเตอร์ 1 = 100');
    expect(stored.text).toContain('บันทึกมิเตอร์ 1 "ไฟฟ้า": 100 kWh');
    const deleted = await somchai.say('ลบ #1');
    expect(deleted.text).toMatch(/ของมิเตอร์ 1 "ไฟฟ้า" แล้ว/);
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseMessage } from '../../src/domain/grammar';
import { exchange, person } from '../helpers/chat';
import { type Harness, startHarness } from '../helpers/harness';

describe('discovery', () => {
  let h: Harness;

  beforeAll(async () => {
    h = await startHarness();
  });
  afterAll(async () => {
    await h?.close();
  });

  const GROUPS = {
    en: ['Readings', 'Corrections', 'Usage and charts', 'Money', 'Sharing', 'Account'],
    th: ['จดค่า', 'แก้ไข', 'การใช้และกราฟ', 'ค่าใช้จ่าย', 'การแชร์', 'บัญชี'],
  } as const;
  // One example of every command, as help must show it.
  const COMMANDS = {
    en: [
      'add meter',
      'meter 1 = 4521',
      'meters',
      'history',
      'undo',
      'fix meter 2 #3 = 141',
      'delete #12',
      'photo #12',
      'set meter',
      'new meter',
      'usage',
      'chart',
      'share meter 1',
      'unshare',
      'access',
      'audit',
      'archive',
      'whoami',
      'link google',
      'unlink google',
      'remove line #2',
      'set meter 1 tariff',
      'billing day',
      'bill meter 1',
      'paid meter 1',
      'remind meter 1',
      'alert meter 1',
      'chart meter 1 cost',
    ],
    th: [
      'เพิ่มมิเตอร์',
      'มิเตอร์ 1 = 4521',
      'ประวัติ',
      'ย้อนกลับ',
      'แก้ มิเตอร์ 2 #3 = 141',
      'ลบ #12',
      'รูป #12',
      'ตั้งค่า',
      'เปลี่ยนมิเตอร์',
      'ใช้ไป',
      'กราฟ',
      'แชร์',
      'เลิกแชร์',
      'สิทธิ์',
      'ตรวจสอบ',
      'เก็บถาวร',
      'whoami',
      'link google',
      'ลบไลน์ #2',
      'ประเภท mea-1.1.2',
      'วันจด',
      'ค่าไฟ มิเตอร์ 1',
      'จ่ายแล้ว',
      'เตือน มิเตอร์ 1',
      'แจ้งเตือน',
      'ค่าใช้จ่าย',
    ],
  } as const;

  it.each(['en', 'th'] as const)(
    'help (%s) lists every command, grouped, with working buttons',
    async (language) => {
      const someone = person(h, h.platform.addUser({ displayName: 'Ann', language }));
      const answer = await someone.say(language === 'en' ? 'help' : 'ช่วยเหลือ');
      let at = -1;
      for (const heading of GROUPS[language]) {
        const found = answer.text.split('\n').indexOf(heading);
        expect(found, heading).toBeGreaterThan(at);
        at = found;
      }
      for (const command of COMMANDS[language]) expect(answer.text, command).toContain(command);
      expect(answer.choices.length).toBeGreaterThanOrEqual(4);
      for (const choice of answer.choices) {
        const sends = (choice.action as { text?: string }).text ?? '';
        expect(parseMessage(sends), sends).not.toBeNull();
        expect(parseMessage(choice.label), choice.label).not.toBeNull();
      }
      // Every example line in help is understood as a command.
      for (const line of answer.text.split('\n').filter((l) => l.includes(': '))) {
        const example = line.slice(0, line.indexOf(': ')).split(/ \(| \/ |, /)[0] ?? '';
        expect(parseMessage(example), example).not.toBeNull();
      }
    },
  );

  it.each(['en', 'th'] as const)(
    'a returning person (%s) is greeted by name with their meters',
    async (language) => {
      const lek = h.platform.addUser({ displayName: 'Lek', language });
      const chat = person(h, lek);
      const first = await exchange(h, [h.platform.events.follow({ userId: lek.userId })]);
      expect(first.text).toMatch(language === 'en' ? /^Hi Lek! I'm Home Log/ : /^สวัสดีค่ะ คุณLek!/);
      await chat.say(language === 'en' ? 'add meter Water m3' : 'เพิ่มมิเตอร์ น้ำ m3');
      await chat.say(language === 'en' ? 'add meter Electric kWh' : 'เพิ่มมิเตอร์ ไฟฟ้า kWh');
      await exchange(h, [h.platform.events.unfollow({ userId: lek.userId })]);
      const back = await exchange(h, [
        h.platform.events.follow({ userId: lek.userId, isUnblocked: true }),
      ]);
      if (language === 'en') {
        expect(back.text).toMatch(/^Welcome back, Lek! Your meters:\n1\. Water\n2\. Electric/);
        expect(back.text).not.toContain("I'm Home Log");
      } else {
        expect(back.text).toMatch(/^ยินดีต้อนรับกลับค่ะ คุณLek! มิเตอร์ของคุณ:\n1\. น้ำ\n2\. ไฟฟ้า/);
      }
      const tapped = await chat.tap(back, `2. ${language === 'en' ? 'Electric' : 'ไฟฟ้า'}`);
      expect(tapped.text).toMatch(language === 'en' ? /meter 2 "Electric"/ : /มิเตอร์ 2 "ไฟฟ้า"/);
    },
  );
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { person } from '../helpers/chat';
import { type Harness, startHarness } from '../helpers/harness';

// A meter with several values per reading (blood pressure) adds nothing up, so "Usage" would only
// answer that usage is for meters that count up: after a reading and in its history, the quick
// replies offer History and Chart instead. A meter that counts up keeps its "Usage".

const languages = [
  {
    language: 'en' as const,
    addBp: 'add meter BP mmHg values sys dia pulse?',
    reading: 'meter 1 = 120/80 72',
    history: 'history meter 1',
    addWater: 'add meter Water m3',
    water: 'meter 2 = 100',
    buttons: { undo: 'Undo', history: 'History', usage: 'Usage', chart: 'Chart' },
  },
  {
    language: 'th' as const,
    addBp: 'เพิ่ม มิเตอร์ ความดัน mmHg ค่า ตัวบน ตัวล่าง ชีพจร?',
    reading: 'มิเตอร์ 1 = 120/80 72',
    history: 'ประวัติ มิเตอร์ 1',
    addWater: 'เพิ่มมิเตอร์ น้ำ m3',
    water: 'มิเตอร์ 2 = 100',
    buttons: { undo: 'ย้อนกลับ', history: 'ประวัติ', usage: 'ใช้ไปเท่าไร', chart: 'กราฟ' },
  },
];

describe.each(languages)('quick replies of a several-values meter in $language', (story) => {
  let h: Harness;
  const { buttons } = story;

  beforeAll(async () => {
    h = await startHarness();
  });
  afterAll(async () => {
    await h?.close();
  });

  const labels = (answer: { choices: { label: string }[] }) => answer.choices.map((c) => c.label);

  it('offer History and Chart, not Usage, after a reading and in its history', async () => {
    const me = person(h, h.platform.addUser({ displayName: 'Mali', language: story.language }));
    await me.say(story.addBp);
    expect(labels(await me.say(story.reading))).toEqual([
      buttons.undo,
      buttons.history,
      buttons.chart,
    ]);
    expect(labels(await me.say(story.history))).toEqual([buttons.undo, buttons.chart]);

    // A meter that counts up still offers its usage.
    await me.say(story.addWater);
    expect(labels(await me.say(story.water))).toEqual([
      buttons.undo,
      buttons.history,
      buttons.usage,
      buttons.chart,
    ]);
  });
});

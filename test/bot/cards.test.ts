import type { messagingApi } from '@line/bot-sdk';
import { PNG } from 'pngjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { METER_CARD_ROWS } from '../../src/bot/cards';
import { FLEX_LIMITS, flexBytes } from '../../src/bot/flex';
import { type Person, person } from '../helpers/chat';
import { type Harness, startHarness } from '../helpers/harness';

// Usage and the meter list answer as Flex cards: the chart on top, the figures in the body,
// the next steps as buttons; the whole answer as altText. The fake LINE platform checks every
// card against LINE's Flex rules, so a card it accepts is a card LINE would show.

/** 20 March 2026, 10:00 in Bangkok. */
const NOW = new Date('2026-03-20T03:00:00Z');

const flexOf = (messages: messagingApi.Message[]) => {
  const flex = messages.find((m) => m.type === 'flex') as messagingApi.FlexMessage | undefined;
  if (!flex) throw new Error(`no Flex message among ${messages.map((m) => m.type).join(', ')}`);
  return flex;
};

describe('cards', () => {
  let h: Harness;
  let som: Person;
  let lek: Person;

  beforeAll(async () => {
    h = await startHarness({ clock: () => NOW });
    som = person(h, h.platform.addUser({ displayName: 'Som', language: 'en' }));
    lek = person(h, h.platform.addUser({ displayName: 'Lek', language: 'th' }));
    await som.say('add meter Electric kWh');
    for (const reading of [
      '4100 @ 2026-01-20 00:00',
      '4310 @ 2026-02-10 00:00',
      '4540 @ 2026-03-05 00:00',
    ]) {
      expect((await som.say(`meter 1 = ${reading}`)).text).toMatch(/^Recorded/);
    }
    await lek.say('เพิ่มมิเตอร์ น้ำ m³');
    await lek.say('มิเตอร์ 1 = 120 @ 2026-01-01 00:00');
    await lek.say('มิเตอร์ 1 = 135 @ 2026-02-01 00:00');
  });
  afterAll(async () => {
    await h?.close();
  });

  it('answers usage with a card: the chart on top, the figures, Chart and History buttons', async () => {
    const answer = await som.say('usage meter 1 2026-02');
    const flex = flexOf(answer.messages);
    // The altText says everything the text answer said.
    expect(flex.altText).toBe(
      'meter 1 "Electric" — February 2026\nUsage: 280 kWh\nDaily average: 10 kWh\n' +
        'Interpolated: the month starts or ends between two readings.',
    );
    const [card] = answer.cards;
    expect(card![0]).toMatch(new RegExp(`^\\[image\\] ${h.url}/charts/`));
    expect(card!.slice(1)).toEqual([
      'meter 1 "Electric" — February 2026',
      'Usage: 280 kWh',
      'Daily average: 10 kWh',
      'Interpolated: the month starts or ends between two readings.',
    ]);
    // The hero is the square chart, fetched from the URL that reached LINE.
    const response = await fetch(card![0]!.slice('[image] '.length));
    expect(response.status).toBe(200);
    const png = PNG.sync.read(Buffer.from(await response.arrayBuffer()));
    expect(png.width).toBe(png.height);

    // Chart and History are offered once, in the footer, not again as quick replies.
    expect(answer.choices.map((c) => c.label)).toEqual(['Chart', 'History']);
    expect((flex as { quickReply?: unknown }).quickReply).toBeUndefined();
    // The footer's buttons send the same commands a person would type.
    const tapped = await som.tap(answer, 'Chart');
    expect(tapped.images).toHaveLength(1);
    expect((await som.tap(answer, 'History')).text).toMatch(/#2 4,310 kWh/);
    expect(flexBytes(flex.contents)).toBeLessThanOrEqual(FLEX_LIMITS.bubbleBytes);
  });

  it("shows the card's chart in a group too, to a member who asks there", async () => {
    const family = h.platform.addGroup({
      name: 'Family',
      members: [som.user.userId, lek.user.userId],
    });
    const inFamily = { group: family.groupId };
    expect((await som.say('share meter 1', inFamily)).text).toMatch(/^Shared meter 1/);
    const answer = await lek.say('ใช้ไป มิเตอร์ 1 2026-02', inFamily);
    const [card] = answer.cards;
    expect(card![0]).toMatch(new RegExp(`^\\[image\\] ${h.url}/charts/`));
    // LINE fetches it; the link checks that the one who asked is still in the group.
    const response = await fetch(card![0]!.slice('[image] '.length));
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('image/png');
  });

  it('answers usage in Thai with a Thai card', async () => {
    const answer = await lek.say('ใช้ไป มิเตอร์ 1 2026-01');
    const flex = flexOf(answer.messages);
    expect(flex.altText).toMatch(/^มิเตอร์ 1 "น้ำ" — มกราคม 2569\nใช้ไป: 15 m³/);
    expect(answer.cards[0]).toContain('ใช้ไป: 15 m³');
    expect(answer.choices.map((c) => c.label)).toEqual(expect.arrayContaining(['กราฟ', 'ประวัติ']));
    const tapped = await lek.tap(answer, 'กราฟ');
    expect(tapped.images).toHaveLength(1);
  });

  it('lists meters on a card whose rows open their history, in English and Thai', async () => {
    const answer = await som.say('meters');
    const flex = flexOf(answer.messages);
    expect(flex.altText).toMatch(/^Your meters:\n1\. Electric \(kWh\): last 4,540 kWh/);
    expect(answer.cards[0]).toEqual([
      'Your meters',
      '1. Electric (kWh)',
      expect.stringMatching(/^last 4,540 kWh, /),
    ]);
    // Each meter is offered once: its row on the card, not again as a quick reply.
    expect(answer.choices.map((c) => c.label)).toEqual(['1. Electric', 'Add a meter']);
    const history = await som.tap(answer, '1. Electric');
    expect(history.text).toMatch(/#1 4,100 kWh/);

    const thai = await lek.say('มิเตอร์');
    expect(thai.cards[0]?.[0]).toBe('มิเตอร์ของคุณ');
    expect(thai.cards[0]?.[1]).toBe('1. น้ำ (m³)');
    expect(thai.choices.map((c) => c.label)).toContain('เพิ่มมิเตอร์');
  });

  it('keeps a long list within Flex limits: the rest is summed up in one line', async () => {
    const many = person(h, h.platform.addUser({ displayName: 'Many', language: 'en' }));
    const count = METER_CARD_ROWS + 5;
    for (let i = 1; i <= count; i++) await many.say(`add meter Room ${i} with a long name kWh`);
    const answer = await many.say('meters');
    const flex = flexOf(answer.messages);
    expect(flexBytes(flex.contents)).toBeLessThanOrEqual(FLEX_LIMITS.bubbleBytes);
    expect(flex.altText.length).toBeLessThanOrEqual(FLEX_LIMITS.altText);
    const card = answer.cards[0]!;
    expect(card).toContain(`${METER_CARD_ROWS}. Room ${METER_CARD_ROWS} with a long name (kWh)`);
    expect(card).not.toContain(`${count}. Room ${count} with a long name (kWh)`);
    expect(card.at(-1)).toMatch(/^…and 5 more/);
    // Every meter is one tap away, once: the card's rows, then quick replies for the meters the
    // card has no room for.
    const offered = answer.choices.map((c) => c.label);
    const meterNumbers = offered.filter((label) => /^\d+\. Room/.test(label)).map(parseFloat);
    expect(meterNumbers).toEqual(Array.from({ length: count }, (_, i) => i + 1));
    const last = offered.find((label) => label.startsWith(`${count}.`))!;
    expect((await many.tap(answer, last)).text).toContain(`Room ${count} with a long name`);
  }, 120_000);
});

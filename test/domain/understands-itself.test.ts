// The bot understands what it says: every date and time it prints reads back as a reading
// time, every quick-reply label and text parses as the command it stands for, and the Thai
// ways of asking that people actually type are understood.

import fc from 'fast-check';
import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { catalogs } from '../../src/bot/messages';
import type { Command } from '../../src/domain/commands';
import { formatDateTime, formatDay } from '../../src/domain/format';
import { formatCommand, parseMessage } from '../../src/domain/grammar';
import { resolveTakenAt } from '../../src/domain/time';
import type { Language } from '../../src/domain/types';
import { propertyRuns } from '../helpers/property-runs';

const LANGUAGES: Language[] = ['en', 'th'];
const ZONE = 'Asia/Bangkok';

/** The instant `meter 1 = 5 @ <printed>` means, read at `now`. */
function readBack(printed: string, now: Date): Date | null {
  const command = parseMessage(`meter 1 = 5 @ ${printed}`);
  if (command?.type !== 'reading' || !command.at) return null;
  return resolveTakenAt(command.at, ZONE, now);
}

describe('every date the bot prints parses back', () => {
  // Readings are never in the future, so a printed day is at most "now".
  const moments = fc
    .record({
      now: fc.date({
        min: new Date('2001-01-01T00:00:00Z'),
        max: new Date('2150-12-31T00:00:00Z'),
      }),
      back: fc.integer({ min: 0, max: 3 * 366 * 24 * 60 }),
    })
    .filter(({ now }) => !Number.isNaN(now.getTime()))
    .map(({ now, back }) => ({ now, at: new Date(now.getTime() - back * 60_000) }));

  it.each(LANGUAGES)('a day and time (%s) reads back to the same minute', (language) => {
    fc.assert(
      fc.property(moments, ({ now, at }) => {
        const printed = formatDateTime(at, language, ZONE, now);
        const minute = DateTime.fromJSDate(at, { zone: ZONE }).startOf('minute');
        expect(readBack(printed, now)?.getTime(), printed).toBe(minute.toMillis());
      }),
      { numRuns: propertyRuns(300) },
    );
  });

  it.each(LANGUAGES)('a day (%s) reads back to that day', (language) => {
    fc.assert(
      fc.property(moments, ({ now, at }) => {
        const printed = formatDay(at, language, ZONE, now);
        const read = readBack(printed, now);
        expect(read && DateTime.fromJSDate(read, { zone: ZONE }).toISODate(), printed).toBe(
          DateTime.fromJSDate(at, { zone: ZONE }).toISODate(),
        );
      }),
      { numRuns: propertyRuns(300) },
    );
  });

  it('reads the examples from the issue', () => {
    const now = new Date('2026-11-27T04:11:00Z');
    expect(readBack('15 Nov 08:00', now)?.toISOString()).toBe('2026-11-15T01:00:00.000Z');
    expect(readBack('15 พ.ย. 08:00 น.', now)?.toISOString()).toBe('2026-11-15T01:00:00.000Z');
    expect(readBack('15 พ.ย. 2568 08:00 น.', now)?.toISOString()).toBe('2025-11-15T01:00:00.000Z');
    // A day later in the year than today is last year's: readings are never in the future.
    expect(readBack('28 Dec', now)?.toISOString()).toBe('2025-12-28T05:00:00.000Z');
    expect(parseMessage('meter 1 = 5 @ 31 Feb')).toMatchObject({ problem: 'badDate' });
  });

  it('writes a day without its year back the way it reads', () => {
    const command = parseMessage('meter 1 = 4602 @ 15 Nov 08:00') as Command & { type: 'reading' };
    expect(command.at).toStrictEqual({ kind: 'monthDay', month: 11, day: 15, time: '08:00' });
    expect(parseMessage(formatCommand(command))).toStrictEqual(command);
  });
});

/** What each quick-reply label stands for; the label and the text it sends must both parse so. */
function quickReplies(language: Language): { label: string; sends: string; type: string }[] {
  const { button, say } = catalogs[language];
  return [
    { label: button.meters, sends: say.meters, type: 'listMeters' },
    { label: button.addMeter, sends: say.addMeterExample, type: 'addMeter' },
    { label: button.help, sends: say.help, type: 'help' },
    { label: button.undo, sends: say.undo, type: 'undo' },
    { label: button.history, sends: say.history(1), type: 'history' },
    { label: button.usage, sends: say.usage(1), type: 'usage' },
    { label: button.chart, sends: say.chart(1), type: 'chart' },
    { label: button.replacement, sends: say.replaceMeter(1, '45210', '3'), type: 'replaceMeter' },
  ];
}

/** The command a parse stands for: a malformed command counts as its topic. */
const meaning = (command: Command | null): string | null =>
  command?.type === 'malformed' ? command.topic : (command?.type ?? null);

describe('every quick-reply label parses as the command it stands for', () => {
  it.each(LANGUAGES)('%s', (language) => {
    for (const { label, sends, type } of quickReplies(language)) {
      expect(meaning(parseMessage(sends)), sends).toBe(type);
      expect(meaning(parseMessage(label)), label).toBe(type);
      expect(meaning(parseMessage(label.toLowerCase())), label).toBe(type);
    }
  });

  it('reads the reply for a reading and a meter choice the bot suggests', () => {
    for (const language of LANGUAGES) {
      expect(parseMessage(catalogs[language].say.reading(2, '4521'))).toStrictEqual({
        type: 'reading',
        meter: { by: 'number', number: 2 },
        value: '4521',
      });
    }
  });
});

describe('natural Thai', () => {
  it.each([
    [
      'แชร์ มิเตอร์ 2 อ่านอย่างเดียว',
      { type: 'share', meter: { by: 'number', number: 2 }, role: 'read' },
    ],
    [
      'แชร์ มิเตอร์ 2 ดูได้อย่างเดียว',
      { type: 'share', meter: { by: 'number', number: 2 }, role: 'read' },
    ],
    ['กราฟ มิเตอร์ 1 ค่าที่จด', { type: 'chart', meter: { by: 'number', number: 1 }, mode: 'readings' }],
    ['ใช้ไปเท่าไร', { type: 'usage' }],
    ['ใช้ไปเท่าไหร่', { type: 'usage' }],
    ['ใช้ไปเดือนนี้เท่าไหร่', { type: 'usage' }],
    ['เดือนนี้ใช้ไปเท่าไหร่คะ', { type: 'usage' }],
    ['ใช้ไปเท่าไร มิเตอร์ 2', { type: 'usage', meter: { by: 'number', number: 2 } }],
    ['มิเตอร์ของฉัน', { type: 'listMeters' }],
  ] as const)('%s', (text, expected) => {
    expect(parseMessage(text)).toStrictEqual(expected);
  });
});

describe('a keyword is never taken for a meter name', () => {
  it.each([
    'share meter 2 read only',
    'แชร์ มิเตอร์ 2 อ่านได้อย่างเดียวนะ',
    'history meter 1 readings',
    'usage meter 3 monthly',
    'archive meter 2 last',
  ])('%s', (text) => {
    const command = parseMessage(text);
    const names = JSON.stringify(command).match(/"name":"[^"]*"/g) ?? [];
    expect(names, text).toStrictEqual([]);
  });
});

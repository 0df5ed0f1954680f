import { describe, expect, it } from 'vitest';
import type { Command, MeterRef } from '../../src/domain/commands';
import { formatCommand, parseMessage } from '../../src/domain/grammar';

// Edge cases of the chat grammar, each found as a Stryker survivor: the message a user could
// type and what the bot reads from it, grouped by the grammar file that decides it.

const m = (number: number): MeterRef => ({ by: 'number', number });
const bad = (topic: string, problem: string, meter?: MeterRef) =>
  ({ type: 'malformed', topic, problem, ...(meter ? { meter } : {}) }) as Command;

const table = (cases: ReadonlyArray<readonly [string, Command | null]>) =>
  cases.map(([text, expected]) => [text, expected] as const);

describe('parse.ts', () => {
  it('answers null, without throwing, when the message is not text at all', () => {
    expect(parseMessage(undefined as unknown as string)).toBeNull();
    expect(parseMessage(42 as unknown as string)).toBeNull();
  });
});

describe('numbers.ts: small whole numbers (digits, days)', () => {
  it.each(
    table([
      // A decimal is not a count of digits.
      ['set meter 1 digits 5.5', bad('setMeter', 'badDigits', m(1))],
      ['ตั้งค่า มิเตอร์ 1 หลัก 5.5', bad('setMeter', 'badDigits', m(1))],
      // Leading zeros are read up to twelve characters, and no further.
      ['set meter 1 digits 000000000005', { type: 'setMeter', meter: m(1), digits: 5 }],
      ['set meter 1 digits 0000000000005', bad('setMeter', 'badDigits', m(1))],
    ]),
  )('%s', (text, expected) => {
    expect(parseMessage(text)).toStrictEqual(expected);
  });
});

const r = (meter: MeterRef | undefined, value: string, more: object = {}): Command =>
  ({ type: 'reading', ...(meter ? { meter } : {}), value, ...more }) as Command;

describe('readings.ts: values, notes and loose readings', () => {
  it.each(
    table([
      // Values after a slash: a plain number goes on, a quoted one or a lone slash does not.
      ['meter 1 = 120/80 72', r(m(1), '120', { extra: ['80', '72'] })],
      ['meter 1 = 120 "/" 80', bad('reading', 'unexpectedText', m(1))],
      ['meter 1 = 120/80 "72"', bad('reading', 'unexpectedText', m(1))],
      ['meter 1 = 120 /', bad('reading', 'unexpectedText', m(1))],
      // A number followed by a date word is the date, not one more value.
      [
        'meter 1 = 120/80 15 Nov',
        r(m(1), '120', { extra: ['80'], at: { kind: 'monthDay', month: 11, day: 15 } }),
      ],
      ['meter 1 = 5 / 1,5 Nov', bad('reading', 'unexpectedText', m(1))],
      // Six values are allowed, a seventh is not.
      ['meter 1 = 1/2/3/4/5/6', r(m(1), '1', { extra: ['2', '3', '4', '5', '6'] })],
      ['meter 1 = 1/2/3/4/5/6/7', bad('reading', 'unexpectedText', m(1))],
      // A symbol where the value should be is a missing value, not a bad number.
      ['meter 1 = @ yesterday', bad('reading', 'missingValue', m(1))],
      ['มิเตอร์ 1 == 5', bad('reading', 'missingValue', m(1))],
      // A lone number before `=` is not a meter's number: chatter.
      ['2 = 10', null],
      // A bare number that cannot be read is only answered when it is the whole message.
      ['9999999999999999 baht', null],
      ['1.1234567 ok', null],
      ['9999999999999999', bad('reading', 'tooLarge')],
      [`4521 # ${'ก'.repeat(201)}`, bad('reading', 'noteTooLong')],
      ['4521 #', r(undefined, '4521')],
      // `word number`: the number must be one token and the whole rest of the message.
      ['BP 120/80 72', r({ by: 'name', name: 'BP' }, '120', { extra: ['80', '72'], loose: true })],
      ['BP 120 / 80', null],
      ['BP 120/80 72 yesterday', null],
      ['electric abc', null],
      ['ไฟฟ้า สวัสดี', null],
    ]),
  )('%s', (text, expected) => {
    expect(parseMessage(text)).toStrictEqual(expected);
  });
});

const at5 = (spec: object) => r(m(1), '5', { at: spec });
const today = (time: string) => at5({ kind: 'daysAgo', days: 0, time });

describe('time.ts: dates, times and days ago', () => {
  it.each(
    table([
      // Years 1900 to 2199 (Buddhist era 2443 to 2742) only.
      ['meter 1 = 5 @ 1900-01-01', at5({ kind: 'date', date: '1900-01-01' })],
      ['meter 1 = 5 @ 1899-12-31', bad('reading', 'badDate', m(1))],
      ['meter 1 = 5 @ 2199-12-31', at5({ kind: 'date', date: '2199-12-31' })],
      ['meter 1 = 5 @ 2200-01-01', bad('reading', 'badDate', m(1))],
      ['มิเตอร์ 1 = 5 @ 1/1/2443', at5({ kind: 'date', date: '1900-01-01' })],
      ['มิเตอร์ 1 = 5 @ 31/12/2442', bad('reading', 'badDate', m(1))],
      // Months 1 to 12, days from 1.
      ['meter 1 = 5 @ 2026-12-31', at5({ kind: 'date', date: '2026-12-31' })],
      ['meter 1 = 5 @ 2026-13-01', bad('reading', 'badDate', m(1))],
      ['meter 1 = 5 @ 2026-00-10', bad('reading', 'badDate', m(1))],
      ['meter 1 = 5 @ 2026-01-00', bad('reading', 'badDate', m(1))],
      // Twelve-hour times run from 1 to 12.
      ['meter 1 = 5 @ 0am', bad('reading', 'badTime', m(1))],
      ['meter 1 = 5 @ 1am', today('01:00')],
      ['meter 1 = 5 @ 12pm', today('12:00')],
      ['meter 1 = 5 @ 8:5', bad('reading', 'badTime', m(1))],
      // A time takes one suffix: the word after a glued one is not a second.
      ['meter 1 = 5 @ 8pm yesterday', at5({ kind: 'daysAgo', days: 1, time: '20:00' })],
      ['meter 1 = 5 @ 8am pm', bad('reading', 'unexpectedText', m(1))],
      // Quoted words are not times or days.
      ['meter 1 = 5 @ "08:00"', bad('reading', 'badDate', m(1))],
      ['meter 1 = 5 @ "yesterday"', bad('reading', 'badDate', m(1))],
      ['meter 1 = 5 @ 15 "Nov"', bad('reading', 'badDate', m(1))],
      // `15 Nov [2025]`: one or two digits for the day, four for the year.
      ['meter 1 = 5 @ 15 Nov 2025', at5({ kind: 'date', date: '2025-11-15' })],
      ['meter 1 = 5 @ 015 Nov', bad('reading', 'badDate', m(1))],
      ['meter 1 = 5 115 Nov', bad('reading', 'unexpectedText', m(1))],
      ['meter 1 = 5 @ 15 Nov 02025', bad('reading', 'unexpectedText', m(1))],
      ['meter 1 = 5 @ 0 Nov', bad('reading', 'badDate', m(1))],
      // Days ago: up to 3650, written with at most six digits.
      ['meter 1 = 5 @ 3650 days ago', at5({ kind: 'daysAgo', days: 3650 })],
      ['meter 1 = 5 @ 3651 days ago', bad('reading', 'badDate', m(1))],
      ['meter 1 = 5 @ 000003 days ago', at5({ kind: 'daysAgo', days: 3 })],
      ['meter 1 = 5 @ 0000003 days ago', bad('reading', 'badDate', m(1))],
      ['meter 1 = 5 @ 3 days', bad('reading', 'badDate', m(1))],
      ['meter 1 = 5 @ 3 weeks ago', bad('reading', 'badDate', m(1))],
      ['มิเตอร์ 1 = 5 @ 3วันก่อน', at5({ kind: 'daysAgo', days: 3 })],
      ['มิเตอร์ 1 = 5 @ 3 วัน ก่อน', at5({ kind: 'daysAgo', days: 3 })],
      ['มิเตอร์ 1 = 5 @ 3 วัน', bad('reading', 'badDate', m(1))],
      ['มิเตอร์ 1 = 5 @ 3 ชั่วโมง ก่อน', bad('reading', 'badDate', m(1))],
      // At most one day and one time; anything after them is unexpected.
      ['meter 1 = 5 @ 8:00 9:00', bad('reading', 'unexpectedText', m(1))],
      ['meter 1 = 5 @ yesterday today', bad('reading', 'unexpectedText', m(1))],
      ['meter 1 = 5 @ yesterday x', bad('reading', 'unexpectedText', m(1))],
      // Months for `usage`.
      ['usage 2026-0', bad('usage', 'badMonth')],
      ['usage 2026-100', bad('usage', 'badMonth')],
      ['usage 110/2026', bad('usage', 'badMonth')],
      ['usage 1899-10', bad('usage', 'badMonth')],
      ['ใช้ไป 10/2443', { type: 'usage', month: '1900-10' }],
    ]),
  )('%s', (text, expected) => {
    expect(parseMessage(text)).toStrictEqual(expected);
  });
});

// Each message below takes one branch of the money parser (mostly a way to be malformed).
describe('money.ts: prices, billing day, bills, payments, reminders and alerts', () => {
  it.each(
    table([
      // A quoted keyword is not a command; a Thai keyword ends at a non-Thai letter or มิเตอร์.
      ['"bill" meter 1', null],
      ['บิล', { type: 'bill' }],
      ['บิลมิเตอร์ 1', { type: 'bill', meter: { by: 'number', number: 1 } }],
      ['บิลลี่ มิเตอร์ 1', null],
      ['เตือนใจ', null],
      ['บิลx', { type: 'bill', meter: { by: 'name', name: 'x' } }],
      // Amounts: quoted, a percent sign only at the end, not a number.
      [
        'set meter 1 price "5"',
        {
          type: 'malformed',
          topic: 'setTariff',
          problem: 'missingValue',
          meter: { by: 'number', number: 1 },
        },
      ],
      [
        'set meter 1 vat 5%0',
        {
          type: 'malformed',
          topic: 'setTariff',
          problem: 'badNumber',
          meter: { by: 'number', number: 1 },
        },
      ],
      [
        'set meter 1 vat 7%',
        {
          type: 'setTariff',
          meter: { by: 'number', number: 1 },
          change: { kind: 'vat', percent: '7' },
        },
      ],
      [
        'set meter 1 price 1e5',
        {
          type: 'malformed',
          topic: 'setTariff',
          problem: 'badNumber',
          meter: { by: 'number', number: 1 },
        },
      ],
      // The first setting word decides; the meter must come before it.
      [
        'set meter 1 price 5 vat 7',
        {
          type: 'malformed',
          topic: 'setTariff',
          problem: 'unexpectedText',
          meter: { by: 'number', number: 1 },
        },
      ],
      ['set price 5 vat 7', { type: 'malformed', topic: 'setTariff', problem: 'missingMeter' }],
      ['set price 5', { type: 'malformed', topic: 'setTariff', problem: 'missingMeter' }],
      ['set meter 1 "price" 5', { type: 'malformed', topic: 'setMeter', problem: 'badName' }],
      [
        'set meter 1 vat charge 7',
        {
          type: 'malformed',
          topic: 'setTariff',
          problem: 'unexpectedText',
          meter: { by: 'number', number: 1 },
        },
      ],
      [
        'set meter 1 service charge 30',
        {
          type: 'setTariff',
          meter: { by: 'number', number: 1 },
          change: { kind: 'service', amount: '30' },
        },
      ],
      // `billing day` needs both words.
      ['set meter 1 day 5', { type: 'malformed', topic: 'setMeter', problem: 'unexpectedText' }],
      [
        'set meter 1 billing 5',
        { type: 'malformed', topic: 'setMeter', problem: 'unexpectedText' },
      ],
      ['set meter 1 billing', { type: 'malformed', topic: 'setMeter', problem: 'unexpectedText' }],
      // A meter that is not a meter, or a bad one.
      ['set my "tank" price 5', null],
      ['set meter 0 price 5', { type: 'malformed', topic: 'setTariff', problem: 'badMeter' }],
      [
        'set meter 1 price = 5',
        {
          type: 'setTariff',
          meter: { by: 'number', number: 1 },
          change: { kind: 'flat', price: '5' },
        },
      ],
      // The billing day: one value, not quoted.
      [
        'set meter 1 billing day',
        {
          type: 'malformed',
          topic: 'setBillingDay',
          problem: 'missingValue',
          meter: { by: 'number', number: 1 },
        },
      ],
      [
        'set meter 1 billing day "5"',
        {
          type: 'malformed',
          topic: 'setBillingDay',
          problem: 'missingValue',
          meter: { by: 'number', number: 1 },
        },
      ],
      [
        'set meter 1 billing day 5 6',
        {
          type: 'malformed',
          topic: 'setBillingDay',
          problem: 'unexpectedText',
          meter: { by: 'number', number: 1 },
        },
      ],
      [
        'set meter 1 billing day none',
        { type: 'setBillingDay', meter: { by: 'number', number: 1 }, day: null },
      ],
      [
        'ตั้งค่า มิเตอร์ 1 วันจด 25',
        { type: 'setBillingDay', meter: { by: 'number', number: 1 }, day: 25 },
      ],
      // `from` takes a date with no time.
      [
        'set meter 1 price from 2026-01-01',
        {
          type: 'malformed',
          topic: 'setTariff',
          problem: 'missingValue',
          meter: { by: 'number', number: 1 },
        },
      ],
      [
        'set meter 1 price 5 from 2026-13-01',
        {
          type: 'malformed',
          topic: 'setTariff',
          problem: 'badDate',
          meter: { by: 'number', number: 1 },
        },
      ],
      [
        'set meter 1 price 5 from yesterday',
        {
          type: 'malformed',
          topic: 'setTariff',
          problem: 'badDate',
          meter: { by: 'number', number: 1 },
        },
      ],
      [
        'set meter 1 price 5 from 2026-01-01 08:00',
        {
          type: 'malformed',
          topic: 'setTariff',
          problem: 'badDate',
          meter: { by: 'number', number: 1 },
        },
      ],
      // One value per setting, a known tariff, blocks in pairs plus a last price.
      [
        'set meter 1 price',
        {
          type: 'malformed',
          topic: 'setTariff',
          problem: 'missingValue',
          meter: { by: 'number', number: 1 },
        },
      ],
      [
        'set meter 1 price 5 6',
        {
          type: 'malformed',
          topic: 'setTariff',
          problem: 'unexpectedText',
          meter: { by: 'number', number: 1 },
        },
      ],
      [
        'set meter 1 price abc',
        {
          type: 'malformed',
          topic: 'setTariff',
          problem: 'missingValue',
          meter: { by: 'number', number: 1 },
        },
      ],
      [
        'set meter 1 tariff mea-1.1.2 x',
        {
          type: 'malformed',
          topic: 'setTariff',
          problem: 'badTariff',
          meter: { by: 'number', number: 1 },
        },
      ],
      [
        'set meter 1 tariff foo',
        {
          type: 'malformed',
          topic: 'setTariff',
          problem: 'badTariff',
          meter: { by: 'number', number: 1 },
        },
      ],
      [
        'set meter 1 blocks 150 3.2',
        {
          type: 'malformed',
          topic: 'setTariff',
          problem: 'badTariff',
          meter: { by: 'number', number: 1 },
        },
      ],
      [
        'set meter 1 blocks 150 abc 5',
        {
          type: 'malformed',
          topic: 'setTariff',
          problem: 'badNumber',
          meter: { by: 'number', number: 1 },
        },
      ],
      [
        'set meter 1 blocks 150 1e5 5',
        {
          type: 'malformed',
          topic: 'setTariff',
          problem: 'badNumber',
          meter: { by: 'number', number: 1 },
        },
      ],
      [
        'set meter 1 ft',
        {
          type: 'malformed',
          topic: 'setTariff',
          problem: 'missingValue',
          meter: { by: 'number', number: 1 },
        },
      ],
      [
        'set meter 1 ft 1 2',
        {
          type: 'malformed',
          topic: 'setTariff',
          problem: 'unexpectedText',
          meter: { by: 'number', number: 1 },
        },
      ],
      [
        'set meter 1 ft "1"',
        {
          type: 'malformed',
          topic: 'setTariff',
          problem: 'missingValue',
          meter: { by: 'number', number: 1 },
        },
      ],
      [
        'set meter 1 ft 1e5',
        {
          type: 'malformed',
          topic: 'setTariff',
          problem: 'badNumber',
          meter: { by: 'number', number: 1 },
        },
      ],
      [
        'set meter 1 ft -0.15',
        {
          type: 'setTariff',
          meter: { by: 'number', number: 1 },
          change: { kind: 'adjustment', perUnit: '-0.15' },
        },
      ],
      // VAT up to 100 %.
      [
        'set meter 1 vat 100',
        {
          type: 'setTariff',
          meter: { by: 'number', number: 1 },
          change: { kind: 'vat', percent: '100' },
        },
      ],
      [
        'set meter 1 vat 100.5',
        {
          type: 'malformed',
          topic: 'setTariff',
          problem: 'badAmount',
          meter: { by: 'number', number: 1 },
        },
      ],
      [
        'set meter 1 minimum charge 5',
        {
          type: 'setTariff',
          meter: { by: 'number', number: 1 },
          change: { kind: 'minimum', amount: '5' },
        },
      ],
      [
        'set meter 1 min charge 5',
        {
          type: 'setTariff',
          meter: { by: 'number', number: 1 },
          change: { kind: 'minimum', amount: '5' },
        },
      ],
      // Bills and payments.
      ['bill "x y"', { type: 'bill', meter: { by: 'name', name: 'x y' } }],
      ['bill meter 0', { type: 'malformed', topic: 'bill', problem: 'badMeter' }],
      [
        'bill meter 1 for 2026-10',
        { type: 'bill', meter: { by: 'number', number: 1 }, period: '2026-10' },
      ],
      ['bill meter 1 "2026-10"', { type: 'malformed', topic: 'bill', problem: 'badName' }],
      ['paid meter 0 500', { type: 'malformed', topic: 'paid', problem: 'badMeter' }],
      [
        'paid meter 1 500 for 2026-13',
        {
          type: 'malformed',
          topic: 'paid',
          problem: 'badMonth',
          meter: { by: 'number', number: 1 },
        },
      ],
      [
        'paid meter 1 abc',
        {
          type: 'malformed',
          topic: 'paid',
          problem: 'missingValue',
          meter: { by: 'number', number: 1 },
        },
      ],
      [
        'paid meter 1 1e5',
        {
          type: 'malformed',
          topic: 'paid',
          problem: 'badNumber',
          meter: { by: 'number', number: 1 },
        },
      ],
      [
        'paid meter 1 -5',
        {
          type: 'malformed',
          topic: 'paid',
          problem: 'badAmount',
          meter: { by: 'number', number: 1 },
        },
      ],
      [
        'paid meter 1 500 baht for 2026-10',
        { type: 'paid', meter: { by: 'number', number: 1 }, amount: '500', period: '2026-10' },
      ],
      ['paid my "x" 500', null],
      // The amount left out: meter 1 is named, not a meter called "meter" paid 1 baht.
      [
        'paid meter 1',
        {
          type: 'malformed',
          topic: 'paid',
          problem: 'missingValue',
          meter: { by: 'number', number: 1 },
        },
      ],
      [
        'จ่ายแล้ว มิเตอร์ 2 for 2026-10',
        {
          type: 'malformed',
          topic: 'paid',
          problem: 'missingValue',
          meter: { by: 'number', number: 2 },
        },
      ],
      ['paid Water 1', { type: 'paid', meter: { by: 'name', name: 'Water' }, amount: '1' }],
      // Reminders: `off` with no day, a day from 1 to 31, a clock time up to 23:59.
      [
        'remind meter 1 day 5 off',
        {
          type: 'malformed',
          topic: 'remind',
          problem: 'unexpectedText',
          meter: { by: 'number', number: 1 },
        },
      ],
      [
        'remind off meter 1 day 5',
        {
          type: 'malformed',
          topic: 'remind',
          problem: 'unexpectedText',
          meter: { by: 'number', number: 1 },
        },
      ],
      [
        'remind off meter 1',
        { type: 'remind', meter: { by: 'number', number: 1 }, schedule: null },
      ],
      ['remind day 5', { type: 'malformed', topic: 'remind', problem: 'missingMeter' }],
      ['remind meter 0 day 5', { type: 'malformed', topic: 'remind', problem: 'badMeter' }],
      [
        'remind meter 1',
        {
          type: 'malformed',
          topic: 'remind',
          problem: 'missingValue',
          meter: { by: 'number', number: 1 },
        },
      ],
      [
        'remind meter 1 day',
        {
          type: 'malformed',
          topic: 'remind',
          problem: 'badDay',
          meter: { by: 'number', number: 1 },
        },
      ],
      [
        'remind meter 1 day 5 23:59',
        { type: 'remind', meter: { by: 'number', number: 1 }, schedule: { day: 5, time: '23:59' } },
      ],
      [
        'remind meter 1 day 5 24:00',
        {
          type: 'malformed',
          topic: 'remind',
          problem: 'badTime',
          meter: { by: 'number', number: 1 },
        },
      ],
      [
        'remind meter 1 day 5 8:60',
        {
          type: 'malformed',
          topic: 'remind',
          problem: 'badTime',
          meter: { by: 'number', number: 1 },
        },
      ],
      [
        'remind meter 1 day 5 8:30 x',
        {
          type: 'malformed',
          topic: 'remind',
          problem: 'unexpectedText',
          meter: { by: 'number', number: 1 },
        },
      ],
      [
        'remind meter 1 day 5 "8:30"',
        {
          type: 'malformed',
          topic: 'remind',
          problem: 'badTime',
          meter: { by: 'number', number: 1 },
        },
      ],
      ['remind off', { type: 'malformed', topic: 'remind', problem: 'missingMeter' }],
      [
        'remind "x" day 5',
        { type: 'remind', meter: { by: 'name', name: 'x' }, schedule: { day: 5, time: '09:00' } },
      ],
      // Alerts and the cost chart.
      [
        'alert off meter 1 over 5',
        {
          type: 'malformed',
          topic: 'alert',
          problem: 'unexpectedText',
          meter: { by: 'number', number: 1 },
        },
      ],
      ['alert meter 1 off', { type: 'alert', meter: { by: 'number', number: 1 }, off: true }],
      ['alert meter 0', { type: 'malformed', topic: 'alert', problem: 'badMeter' }],
      ['alert "a b" "c"', null],
      [
        'alert meter 1 over 5 kWh',
        { type: 'alert', meter: { by: 'number', number: 1 }, over: '5' },
      ],
      [
        'alert meter 1 over 5 6',
        {
          type: 'malformed',
          topic: 'alert',
          problem: 'unexpectedText',
          meter: { by: 'number', number: 1 },
        },
      ],
      [
        'alert meter 1 over kWh',
        {
          type: 'malformed',
          topic: 'alert',
          problem: 'missingValue',
          meter: { by: 'number', number: 1 },
        },
      ],
      [
        'alert meter 1 over',
        {
          type: 'malformed',
          topic: 'alert',
          problem: 'missingValue',
          meter: { by: 'number', number: 1 },
        },
      ],
      [
        'alert meter 1 over 1e5',
        {
          type: 'malformed',
          topic: 'alert',
          problem: 'badNumber',
          meter: { by: 'number', number: 1 },
        },
      ],
      [
        'alert meter 1 over -5',
        {
          type: 'malformed',
          topic: 'alert',
          problem: 'badAmount',
          meter: { by: 'number', number: 1 },
        },
      ],
      ['alert over 5', { type: 'malformed', topic: 'alert', problem: 'missingMeter' }],
      ['chart meter 0 cost', { type: 'malformed', topic: 'chart', problem: 'badMeter' }],
      ['chart "a" "b" cost', null],
      ['chart cost', { type: 'chart', mode: 'cost' }],
      // A tariff or blocks with nothing after them is a missing value, not a bad tariff.
      ['set meter 1 tariff', bad('setTariff', 'missingValue', m(1))],
      ['ตั้งค่า มิเตอร์ 1 ขั้นบันได', bad('setTariff', 'missingValue', m(1))],
      // Not a meter at all: chatter.
      ['bill my "tank"', null],
      ['remind my "x" day 5', null],
      // A unit only right after the threshold.
      ['alert meter 1 over 5 kWh 6', bad('alert', 'unexpectedText', m(1))],
      // `from` only counts after the setting word: here it is the meter's name.
      [
        'set since price 5',
        {
          type: 'setTariff',
          meter: { by: 'name', name: 'since' },
          change: { kind: 'flat', price: '5' },
        },
      ],
    ] as ReadonlyArray<readonly [string, Command | null]>),
  )('%s', (text, expected) => {
    expect(parseMessage(text)).toStrictEqual(expected);
  });
});

describe('money.ts: canonical text', () => {
  it('writes a bill with no meter and no month as the bare word', () => {
    expect(formatCommand({ type: 'bill' })).toBe('bill');
    expect(formatCommand({ type: 'bill', meter: m(1) })).toBe('bill meter 1');
  });
});

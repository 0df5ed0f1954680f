import { describe, expect, it } from 'vitest';
import type { Command, MeterRef } from '../../src/domain/commands';
import { formatCommand, parseMessage } from '../../src/domain/grammar';

// The money commands in English and Thai, and their canonical text reading back the same.

const m = (number: number): MeterRef => ({ by: 'number', number });

const CASES: ReadonlyArray<readonly [string, Command | null]> = [
  [
    'set meter 1 tariff mea-1.1.2',
    { type: 'setTariff', meter: m(1), change: { kind: 'preset', preset: 'mea-1.1.2' } },
  ],
  [
    'ตั้งค่า มิเตอร์ 1 ประเภท pea-1.1.1 ตั้งแต่ 1/1/2569',
    {
      type: 'setTariff',
      meter: m(1),
      change: { kind: 'preset', preset: 'pea-1.1.1' },
      from: '2026-01-01',
    },
  ],
  [
    'set meter 1 price 4.5',
    { type: 'setTariff', meter: m(1), change: { kind: 'flat', price: '4.5' } },
  ],
  [
    'ตั้งค่า มิเตอร์ 2 ราคา 18',
    { type: 'setTariff', meter: m(2), change: { kind: 'flat', price: '18' } },
  ],
  [
    'set meter 1 blocks 150 3.2484 400 4.2218 4.4217',
    {
      type: 'setTariff',
      meter: m(1),
      change: {
        kind: 'blocks',
        blocks: [
          { upTo: '150', price: '3.2484' },
          { upTo: '400', price: '4.2218' },
          { upTo: null, price: '4.4217' },
        ],
      },
    },
  ],
  [
    'set meter 1 ft 0.3672 from 2026-09-01',
    {
      type: 'setTariff',
      meter: m(1),
      change: { kind: 'adjustment', perUnit: '0.3672' },
      from: '2026-09-01',
    },
  ],
  [
    'set meter 1 ft -0.1',
    { type: 'setTariff', meter: m(1), change: { kind: 'adjustment', perUnit: '-0.1' } },
  ],
  [
    'ตั้งค่า มิเตอร์ 1 ค่าft 0.3672',
    { type: 'setTariff', meter: m(1), change: { kind: 'adjustment', perUnit: '0.3672' } },
  ],
  ['set meter 1 vat 7', { type: 'setTariff', meter: m(1), change: { kind: 'vat', percent: '7' } }],
  [
    'ตั้งค่า มิเตอร์ 1 ภาษี 7%',
    { type: 'setTariff', meter: m(1), change: { kind: 'vat', percent: '7' } },
  ],
  [
    'set meter 1 service charge 38.22',
    { type: 'setTariff', meter: m(1), change: { kind: 'service', amount: '38.22' } },
  ],
  [
    'ตั้งค่า มิเตอร์ 2 ค่าบริการ 25',
    { type: 'setTariff', meter: m(2), change: { kind: 'service', amount: '25' } },
  ],
  [
    'set meter 2 minimum charge 150',
    { type: 'setTariff', meter: m(2), change: { kind: 'minimum', amount: '150' } },
  ],
  [
    'ตั้งค่า มิเตอร์ 2 ค่าขั้นต่ำ 150',
    { type: 'setTariff', meter: m(2), change: { kind: 'minimum', amount: '150' } },
  ],
  ['set meter 1 billing day 18', { type: 'setBillingDay', meter: m(1), day: 18 }],
  ['set meter 1 billing day none', { type: 'setBillingDay', meter: m(1), day: null }],
  ['ตั้งค่า มิเตอร์ 1 วันจด 31', { type: 'setBillingDay', meter: m(1), day: 31 }],
  ['bill meter 1', { type: 'bill', meter: m(1) }],
  ['bill meter 1 2026-11', { type: 'bill', meter: m(1), period: '2026-11' }],
  ['ค่าไฟ มิเตอร์ 1', { type: 'bill', meter: m(1) }],
  ['ค่าน้ำ มิเตอร์ 2', { type: 'bill', meter: m(2) }],
  ['ค่าไฟ มิเตอร์ 1 11/2569', { type: 'bill', meter: m(1), period: '2026-11' }],
  [
    'paid meter 1 1455.94 for 2026-11',
    { type: 'paid', meter: m(1), amount: '1455.94', period: '2026-11' },
  ],
  ['paid meter 1 1,455.94 baht', { type: 'paid', meter: m(1), amount: '1455.94' }],
  [
    'จ่ายแล้ว มิเตอร์ 1 1455.94 เดือน 2026-11',
    { type: 'paid', meter: m(1), amount: '1455.94', period: '2026-11' },
  ],
  [
    'remind meter 1 day 25 09:00',
    { type: 'remind', meter: m(1), schedule: { day: 25, time: '09:00' } },
  ],
  ['remind meter 1 day 25', { type: 'remind', meter: m(1), schedule: { day: 25, time: '09:00' } }],
  ['remind off meter 1', { type: 'remind', meter: m(1), schedule: null }],
  [
    'เตือน มิเตอร์ 1 วันที่ 25 8.30',
    { type: 'remind', meter: m(1), schedule: { day: 25, time: '08:30' } },
  ],
  ['ปิดเตือน มิเตอร์ 1', { type: 'remind', meter: m(1), schedule: null }],
  ['alert meter 1 over 400', { type: 'alert', meter: m(1), over: '400' }],
  ['alert meter 1 over 400 kWh', { type: 'alert', meter: m(1), over: '400' }],
  ['alert meter 1', { type: 'alert', meter: m(1) }],
  ['alert off meter 1', { type: 'alert', meter: m(1), off: true }],
  ['แจ้งเตือน มิเตอร์ 1 เกิน 400', { type: 'alert', meter: m(1), over: '400' }],
  ['ปิดแจ้งเตือน มิเตอร์ 1', { type: 'alert', meter: m(1), off: true }],
  ['chart meter 1 cost', { type: 'chart', meter: m(1), mode: 'cost' }],
  ['กราฟ มิเตอร์ 1 ค่าใช้จ่าย', { type: 'chart', meter: m(1), mode: 'cost' }],
  // Problems
  [
    'set meter 1 tariff mea-9',
    { type: 'malformed', topic: 'setTariff', problem: 'badTariff', meter: m(1) },
  ],
  [
    'set meter 1 blocks 400 4 150 3 5',
    { type: 'malformed', topic: 'setTariff', problem: 'badTariff', meter: m(1) },
  ],
  [
    'set meter 1 price -4',
    { type: 'malformed', topic: 'setTariff', problem: 'badAmount', meter: m(1) },
  ],
  [
    'set meter 1 billing day 32',
    { type: 'malformed', topic: 'setBillingDay', problem: 'badDay', meter: m(1) },
  ],
  [
    'remind meter 1 day 25 25:00',
    { type: 'malformed', topic: 'remind', problem: 'badTime', meter: m(1) },
  ],
  ['bill meter 1 2026-13', { type: 'malformed', topic: 'bill', problem: 'badMonth', meter: m(1) }],
  // Chatter stays chatter; the older settings are unchanged.
  ['paid 500', null],
  ['set meter 1 min 0 max 99999', { type: 'setMeter', meter: m(1), min: '0', max: '99999' }],
  ['set meter 1 rate 50', { type: 'setMeter', meter: m(1), maxRate: '50' }],
];

describe('money grammar', () => {
  it.each(CASES)('%s', (text, expected) => {
    expect(parseMessage(text)).toStrictEqual(expected);
    if (expected && expected.type !== 'malformed') {
      expect(parseMessage(formatCommand(expected))).toStrictEqual(expected);
    }
  });
});

import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { checkAlerts } from '../../../src/domain/billing/alerts';
import {
  billOverview,
  estimatePeriods,
  paidDifference,
} from '../../../src/domain/billing/estimate';
import { billingPreset } from '../../../src/domain/billing/presets';
import type { TariffSetting } from '../../../src/domain/billing/tariff';
import type { ReadingPoint, RegisterEvent } from '../../../src/domain/types';

const BANGKOK = 'Asia/Bangkok';

function local(iso: string, zone = BANGKOK): Date {
  return DateTime.fromISO(iso, { zone }).toJSDate();
}

function reading(iso: string, value: string, event: RegisterEvent | null = null): ReadingPoint {
  return { takenAt: local(iso), value, event };
}

const settings: TariffSetting[] = [
  { kind: 'rate', from: '2026-01-01', rate: { type: 'preset', preset: 'mea-1.1.2' } },
  { kind: 'adjustment', from: '2026-01-01', perUnit: '0.3672' },
];
const cycle = { timezone: BANGKOK, billingDay: 18 };
const source = { digits: null, timezone: BANGKOK };

describe('estimated bills per billing period', () => {
  const points = [
    reading('2026-10-18T00:00', '1000'),
    reading('2026-11-18T00:00', '1320'),
    reading('2026-12-03T00:00', '1470'),
  ];
  const estimates = estimatePeriods({
    source,
    cycle,
    points,
    settings,
    from: '2026-10',
    to: '2027-01',
    now: local('2026-12-03T12:00'),
  });
  const byLabel = Object.fromEntries(estimates.map((e) => [e.period.label, e]));

  it('bills a measured period on its own use (320 kWh from reading day to reading day)', () => {
    const november = byLabel['2026-11']!;
    expect(november).toMatchObject({ status: 'measured', usage: '320', projectedUsage: null });
    expect(november.bill).toMatchObject({
      energy: '1204.97',
      service: '24.62',
      adjustment: '117.50',
      vat: '94.30',
      total: '1441.39',
    });
    expect(november.projectedBill).toBeNull();
  });

  it('projects the current period from the recent rate and bills the projection', () => {
    const december = byLabel['2026-12']!;
    // 150 kWh in 15 days; 15 days to the Dec 18 reading day at 10 a day.
    expect(december).toMatchObject({ status: 'projected', usage: '150', projectedUsage: '300' });
    expect(december.bill).toMatchObject({ energy: '487.26', adjustment: '55.08', total: '606.65' });
    expect(december.projectedBill).toMatchObject({
      energy: '1120.53',
      adjustment: '110.16',
      subtotal: '1255.31',
      vat: '87.87',
      total: '1343.18',
    });
    expect(december.projectedBill!.blocks.map((b) => [b.units, b.amount])).toEqual([
      ['150', '487.26'],
      ['150', '633.27'],
    ]);
  });

  it('has no figure or bill before the first reading or in the future', () => {
    expect(byLabel['2026-10']).toMatchObject({ status: 'none', usage: null, bill: null });
    expect(byLabel['2027-01']).toMatchObject({ status: 'none', bill: null, projectedBill: null });
  });

  it('interpolates linearly at a reading day that falls between readings', () => {
    const between = estimatePeriods({
      source,
      cycle,
      points: [
        reading('2026-11-10T00:00', '1000'),
        reading('2026-11-30T00:00', '1200'),
        reading('2026-12-28T00:00', '1480'),
      ],
      settings,
      from: '2026-12',
      to: '2026-12',
      now: local('2027-02-01T00:00'),
    });
    // C(Nov 18) = 1000 + 200 × 8/20 = 1080; C(Dec 18) = 1200 + 280 × 18/28 = 1380.
    expect(between[0]).toMatchObject({ status: 'interpolated', usage: '300' });
  });

  it('counts a meter replacement inside a period as use, not as a jump', () => {
    const replaced = estimatePeriods({
      source,
      cycle,
      points: [
        reading('2026-11-18T00:00', '4540'),
        reading('2026-12-01T10:00', '4600', 'replacement_final'),
        reading('2026-12-01T10:00', '0.7', 'replacement_initial'),
        reading('2026-12-18T00:00', '120.7'),
      ],
      settings,
      from: '2026-12',
      to: '2026-12',
      now: local('2027-01-01T00:00'),
    });
    expect(replaced[0]).toMatchObject({ status: 'measured', usage: '180' });
    // 150 × 3.2484 + 30 × 4.2218 = 613.914
    expect(replaced[0]!.bill?.energy).toBe('613.91');
  });

  it('keeps old prices for old periods when the tariff changes', () => {
    const changed = estimatePeriods({
      source,
      cycle,
      points: [
        reading('2026-10-18T00:00', '0'),
        reading('2026-11-18T00:00', '100'),
        reading('2026-12-18T00:00', '200'),
      ],
      settings: [
        { kind: 'rate', from: '2026-01-01', rate: { type: 'flat', price: '4' } },
        { kind: 'rate', from: '2026-12-01', rate: { type: 'flat', price: '5' } },
      ],
      from: '2026-11',
      to: '2026-12',
      now: local('2027-01-01T00:00'),
    });
    expect(changed.map((e) => [e.period.label, e.usage, e.bill?.energy])).toEqual([
      ['2026-11', '100', '400.00'],
      ['2026-12', '100', '500.00'],
    ]);
  });

  it('gives use without a bill when the meter has no price', () => {
    const unpriced = estimatePeriods({
      source,
      cycle,
      points,
      settings: [],
      from: '2026-11',
      to: '2026-11',
      now: local('2026-12-03T12:00'),
    });
    expect(unpriced[0]).toMatchObject({ usage: '320', tariff: null, bill: null });
  });

  it('refuses a cycle in another zone than the meter', () => {
    expect(() =>
      estimatePeriods({
        source,
        cycle: { timezone: 'UTC', billingDay: 18 },
        points,
        settings,
        from: '2026-11',
        to: '2026-11',
        now: new Date(),
      }),
    ).toThrow('The billing cycle and the meter must share one time zone');
  });
});

describe('bill overview and paid bills', () => {
  const points = [
    reading('2026-09-18T00:00', '500'),
    reading('2026-10-18T00:00', '1000'),
    reading('2026-11-18T00:00', '1320'),
    reading('2026-12-03T00:00', '1470'),
  ];

  it('gives the current period and the ones before it, oldest first', () => {
    const overview = billOverview({
      source,
      cycle,
      points,
      settings,
      now: local('2026-12-03T12:00'),
      previousCount: 3,
    });
    expect(overview.current.period.label).toBe('2026-12');
    expect(overview.current.projectedBill?.total).toBe('1343.18');
    expect(overview.previous.map((e) => [e.period.label, e.status, e.usage])).toEqual([
      ['2026-09', 'none', null],
      ['2026-10', 'measured', '500'],
      ['2026-11', 'measured', '320'],
    ]);
    expect(
      billOverview({
        source,
        cycle,
        points,
        settings,
        now: local('2026-12-03T12:00'),
        previousCount: 0,
      }).previous,
    ).toEqual([]);
  });

  it('refuses a count of earlier periods that is negative or not whole', () => {
    const overview = (previousCount: number) => () =>
      billOverview({
        source,
        cycle,
        points,
        settings,
        now: local('2026-12-03T12:00'),
        previousCount,
      });
    expect(overview(-1)).toThrow('previousCount must be a whole number >= 0, not -1');
    expect(overview(1.5)).toThrow('previousCount must be a whole number >= 0, not 1.5');
  });

  it('takes the period from the reading day: on the 18th a new period begins', () => {
    const overview = billOverview({
      source,
      cycle,
      points,
      settings,
      now: local('2026-12-18T00:00'),
      previousCount: 1,
    });
    expect(overview.current.period.label).toBe('2027-01');
    expect(overview.previous[0]?.period.label).toBe('2026-12');
  });

  it('shows what was paid against the estimate', () => {
    expect(paidDifference('1441.39', '1455.94')).toBe('+14.55');
    expect(paidDifference('1455.94', '1441.39')).toBe('-14.55');
    expect(paidDifference('1455.94', '1455.94')).toBe('0.00');
  });
});

describe('alerts', () => {
  const blocks = billingPreset('mea-1.1.1').editions[0]!.blocks;

  it('tells once per period when the projection goes over the threshold', () => {
    const first = checkAlerts({
      period: '2026-12',
      threshold: '400',
      usage: '90',
      projected: '380',
      blocks: null,
      previous: null,
    });
    expect(first.alerts).toEqual([]);
    const second = checkAlerts({
      period: '2026-12',
      threshold: '400',
      usage: '120',
      projected: '410.5',
      blocks: null,
      previous: first.state,
    });
    expect(second.alerts).toEqual([
      { kind: 'projected_over', threshold: '400', projected: '410.5' },
    ]);
    const third = checkAlerts({
      period: '2026-12',
      threshold: '400',
      usage: '150',
      projected: '450',
      blocks: null,
      previous: second.state,
    });
    expect(third.alerts).toEqual([]);
    // A new period re-arms it.
    const next = checkAlerts({
      period: '2027-01',
      threshold: '400',
      usage: '10',
      projected: '401',
      blocks: null,
      previous: third.state,
    });
    expect(next.alerts).toHaveLength(1);
  });

  it('does not tell a projection exactly at the threshold, nor without one', () => {
    const at = { period: '2026-12', usage: '1', blocks: null, previous: null };
    expect(checkAlerts({ ...at, threshold: '400', projected: '400' }).alerts).toEqual([]);
    expect(checkAlerts({ ...at, threshold: '400', projected: null }).alerts).toEqual([]);
    expect(checkAlerts({ ...at, threshold: null, projected: '900' }).alerts).toEqual([]);
  });

  it('tells when use enters a more expensive block since the last check', () => {
    const base = { period: '2026-12', threshold: null, projected: null, blocks };
    const a = checkAlerts({ ...base, usage: '15', previous: null });
    expect(a.alerts).toEqual([]);
    expect(a.state.blockIndex).toBe(0);
    const b = checkAlerts({ ...base, usage: '15.5', previous: a.state });
    expect(b.alerts).toEqual([
      {
        kind: 'entered_block',
        blockIndex: 1,
        above: '15',
        price: '2.9882',
        previousPrice: '2.3488',
      },
    ]);
    // Several blocks at once: one alert, naming the highest.
    const c = checkAlerts({ ...base, usage: '151', previous: b.state });
    expect(c.alerts).toEqual([
      {
        kind: 'entered_block',
        blockIndex: 5,
        above: '150',
        price: '4.2218',
        previousPrice: '2.9882',
      },
    ]);
    expect(checkAlerts({ ...base, usage: '160', previous: c.state }).alerts).toEqual([]);
    // A correction that lowers the use does not re-arm the block already told.
    const lowered = checkAlerts({ ...base, usage: '140', previous: c.state });
    expect(lowered.state.blockIndex).toBe(5);
    expect(checkAlerts({ ...base, usage: '152', previous: lowered.state }).alerts).toEqual([]);
  });

  it('starts a new period from the first block', () => {
    const old = { period: '2026-11', projectedAlerted: true, blockIndex: 6 };
    const fresh = checkAlerts({
      period: '2026-12',
      threshold: null,
      usage: '30',
      projected: null,
      blocks,
      previous: old,
    });
    expect(fresh.alerts).toMatchObject([{ kind: 'entered_block', blockIndex: 2 }]);
    expect(fresh.state).toEqual({ period: '2026-12', projectedAlerted: false, blockIndex: 2 });
  });

  it('keeps the block mark while the period has no use yet', () => {
    const check = checkAlerts({
      period: '2026-12',
      threshold: null,
      usage: null,
      projected: null,
      blocks,
      previous: { period: '2026-12', projectedAlerted: false, blockIndex: 2 },
    });
    expect(check).toEqual({
      alerts: [],
      state: { period: '2026-12', projectedAlerted: false, blockIndex: 2 },
    });
  });

  it('does not tell a lower block, even a dearer one, when a correction lowers the use', () => {
    const cheaperAbove = [
      { upTo: '100', price: '5' },
      { upTo: null, price: '4' },
    ];
    const check = checkAlerts({
      period: '2026-12',
      threshold: null,
      usage: '50',
      projected: null,
      blocks: cheaperAbove,
      previous: { period: '2026-12', projectedAlerted: false, blockIndex: 1 },
    });
    expect(check.alerts).toEqual([]);
    expect(check.state.blockIndex).toBe(1);
  });

  it('does not tell a higher block that is not more expensive', () => {
    const cheaper = [
      { upTo: '100', price: '5' },
      { upTo: null, price: '4' },
    ];
    const check = checkAlerts({
      period: '2026-12',
      threshold: null,
      usage: '150',
      projected: null,
      blocks: cheaper,
      previous: null,
    });
    expect(check.alerts).toEqual([]);
    expect(check.state.blockIndex).toBe(1);
  });
});

import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import type { MonthStats, MonthStatus, MonthUsage } from '../../src/domain/types';
import { monthlyUsage } from '../../src/domain/usage';
import { addMonths, usageReport } from '../../src/domain/usage-report';

/**
 * The usage report at its edges: one day or one reading (singular words), `now` exactly on a
 * month's start or end, a current month already measured, and figures that lack a part.
 */

const ZONE = 'Asia/Bangkok';
const local = (iso: string) => DateTime.fromISO(iso, { zone: ZONE }).toJSDate();
const start = (month: string) => local(`${month}-01`);
const electric = { name: 'Electric', unit: 'kWh' };
const thermometer = { name: 'Temperature', unit: '°C' };
const LATER = new Date('2030-01-01T00:00:00Z');

function usage(
  month: string,
  status: MonthStatus,
  amount: string | null,
  extra: Partial<MonthUsage> = {},
): MonthUsage {
  return {
    month,
    start: start(month),
    end: start(addMonths(month, 1)),
    status,
    usage: amount,
    projected: null,
    coveredDays: 30,
    dailyAverage: null,
    ...extra,
  };
}

function stats(month: string, fields: Partial<MonthStats>): MonthStats {
  return {
    month,
    start: start(month),
    end: start(addMonths(month, 1)),
    count: 3,
    average: '20',
    min: '19',
    max: '21',
    ...fields,
  };
}

const report = (
  months: MonthUsage[],
  now: Date,
  language: 'en' | 'th' = 'en',
  month = '2026-11',
): string =>
  usageReport({ language, meter: electric, month, figures: { kind: 'cumulative', months }, now });

const gaugeReport = (months: MonthStats[], month = '2026-11'): string =>
  usageReport({
    language: 'en',
    meter: thermometer,
    month,
    figures: { kind: 'gauge', months },
    now: LATER,
  });

describe('month to date', () => {
  it('says "1 day" for one covered day in English and "ไม่ถึงวัน" for less than a day in Thai', () => {
    const now = local('2026-11-02T12:00');
    expect(report([usage('2026-11', 'partial', '5', { coveredDays: 1 })], now)).toContain(
      'Month to date (1 day).',
    );
    expect(report([usage('2026-11', 'partial', '0', { coveredDays: 0.5 })], now, 'th')).toContain(
      'ตั้งแต่ต้นเดือนถึงตอนนี้ (ไม่ถึงวัน)',
    );
  });

  it('counts now exactly at the start of the month as the current month', () => {
    const figure = usage('2026-11', 'partial', '0', { coveredDays: 0 });
    expect(report([figure], start('2026-11'))).toBe(
      [
        'Electric — November 2026',
        'Usage: 0 kWh',
        'Month to date (less than a day).',
        'Not enough readings yet to project the whole month.',
      ].join('\n'),
    );
  });

  it('reports a month that ended exactly at now, or has not begun, as partial', () => {
    const figure = usage('2026-11', 'partial', '50', { coveredDays: 10 });
    const partial = 'Partial: readings cover 10 of 30 days.';
    expect(report([figure], start('2026-12'))).toContain(partial);
    expect(report([figure], local('2026-10-15'))).toContain(partial);
    expect(report([figure], local('2026-10-15'))).not.toContain('Month to date');
  });

  it('reports a current month whose readings reach its end as measured, not month to date', () => {
    // 100 on 1 Nov, 400 on 1 Dec, asked on 15 Nov: the engine has the whole month.
    const months = monthlyUsage({
      source: { digits: null, timezone: ZONE },
      points: [
        { takenAt: start('2026-11'), value: '100', event: null },
        { takenAt: start('2026-12'), value: '400', event: null },
      ],
      from: '2026-11',
      to: '2026-11',
      now: local('2026-11-15'),
    });
    expect(months[0]?.status).toBe('measured');
    expect(report(months, local('2026-11-15'))).toBe(
      [
        'Electric — November 2026',
        'Usage: 300 kWh',
        'Daily average: 10 kWh',
        'Measured: readings at the start and end of the month.',
      ].join('\n'),
    );
  });

  it('reports a current month already interpolated as interpolated, not month to date', () => {
    const figure = usage('2026-11', 'interpolated', '300');
    expect(report([figure], local('2026-11-15'))).toContain(
      'Interpolated: the month starts or ends between two readings.',
    );
    expect(report([figure], local('2026-11-15'))).not.toContain('Month to date');
  });
});

describe('figures that lack a part', () => {
  it('a month marked none, or without a usage, says no data', () => {
    const noData = 'Electric — November 2026\nNo data for November 2026.';
    expect(report([usage('2026-11', 'none', '5')], LATER)).toBe(noData);
    expect(report([usage('2026-11', 'partial', null)], LATER)).toBe(noData);
  });

  it('a month without a usage is never a base for a comparison, whatever its status', () => {
    const text = report(
      [usage('2026-10', 'measured', null), usage('2026-11', 'measured', '300')],
      LATER,
    );
    expect(text).toBe(
      [
        'Electric — November 2026',
        'Usage: 300 kWh',
        'Measured: readings at the start and end of the month.',
      ].join('\n'),
    );
  });
});

describe('gauge reports', () => {
  it('says "1 reading" for a single reading', () => {
    expect(gaugeReport([stats('2026-11', { count: 1, min: '20', max: '20' })])).toContain(
      'Average: 20 °C (1 reading)',
    );
  });

  it('a month with no readings, or without an average, says no readings', () => {
    const none = 'Temperature — November 2026\nNo readings in November 2026.';
    expect(gaugeReport([stats('2026-11', { count: 0 })])).toBe(none);
    expect(gaugeReport([stats('2026-11', { average: null })])).toBe(none);
  });

  it('shows min and max only when both are known', () => {
    expect(gaugeReport([stats('2026-11', { min: null })])).not.toContain('Min');
    expect(gaugeReport([stats('2026-11', { max: null })])).not.toContain('Min');
    expect(gaugeReport([stats('2026-11', {})])).toContain('Min 19 °C · Max 21 °C');
  });

  it('compares only with months that have an average, and tolerates months left out', () => {
    // October has no readings and November 2025 is not in the figures at all.
    expect(gaugeReport([stats('2026-10', { count: 0, average: null }), stats('2026-11', {})])).toBe(
      ['Temperature — November 2026', 'Average: 20 °C (3 readings)', 'Min 19 °C · Max 21 °C'].join(
        '\n',
      ),
    );
  });
});

describe('month arithmetic', () => {
  it.each(['12026-01', '2026-011'])('refuses %j as a month, saying why', (text) => {
    expect(() => addMonths(text, 1)).toThrow(`Not a month (YYYY-MM): ${JSON.stringify(text)}`);
  });
});

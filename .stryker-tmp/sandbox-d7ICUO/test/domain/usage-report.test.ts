// @ts-nocheck
import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import type { MonthStats, MonthStatus, MonthUsage, ReadingPoint } from '../../src/domain/types';
import { monthlyUsage } from '../../src/domain/usage';
import {
  addMonths,
  formatNumber,
  monthOfInstant,
  monthTitle,
  usageReport,
  usageReportRange,
} from '../../src/domain/usage-report';

const ZONE = 'Asia/Bangkok';
const start = (month: string) => DateTime.fromISO(`${month}-01`, { zone: ZONE }).toJSDate();

function usage(
  month: string,
  status: MonthStatus,
  amount: string | null,
  extra: Partial<MonthUsage> = {},
): MonthUsage {
  const days = (start(addMonths(month, 1)).getTime() - start(month).getTime()) / 86_400_000;
  return {
    month,
    start: start(month),
    end: start(addMonths(month, 1)),
    status,
    usage: amount,
    projected: null,
    coveredDays: amount === null ? 0 : days,
    dailyAverage: amount === null ? null : String(Number(amount) / days),
    ...extra,
  };
}

function stats(month: string, average: string | null, min = average, max = average, count = 3) {
  return {
    month,
    start: start(month),
    end: start(addMonths(month, 1)),
    count: average === null ? 0 : count,
    average,
    min,
    max,
  } satisfies MonthStats;
}

const electric = { name: 'Electric', unit: 'kWh' };
const LATER = new Date('2030-01-01T00:00:00Z');

describe('usage report: labels, in English and Thai', () => {
  const months = [
    usage('2025-11', 'measured', '1000'),
    usage('2026-10', 'interpolated', '1200'),
    usage('2026-11', 'measured', '1234.5678'),
  ];

  it('measured, with both comparisons', () => {
    const input = {
      meter: electric,
      month: '2026-11',
      figures: { kind: 'cumulative', months },
      now: LATER,
    } as const;
    expect(usageReport({ ...input, language: 'en' })).toBe(
      [
        'Electric — November 2026',
        'Usage: 1,234.57 kWh',
        'Daily average: 41.15 kWh',
        'Measured: readings at the start and end of the month.',
        'Compared with October 2026: +2.9%',
        'Compared with November 2025: +23.5%',
      ].join('\n'),
    );
    expect(usageReport({ ...input, language: 'th', meter: { name: 'ไฟฟ้า', unit: 'kWh' } })).toBe(
      [
        'ไฟฟ้า — พฤศจิกายน 2569',
        'ใช้ไป: 1,234.57 kWh',
        'เฉลี่ยต่อวัน: 41.15 kWh',
        'วัดจริง: มีค่าที่จดไว้ตอนต้นเดือนและสิ้นเดือน',
        'เทียบกับตุลาคม 2569: +2.9%',
        'เทียบกับพฤศจิกายน 2568: +23.5%',
      ].join('\n'),
    );
  });

  it('interpolated', () => {
    const input = {
      meter: electric,
      month: '2026-10',
      figures: { kind: 'cumulative', months },
      now: LATER,
    } as const;
    const en = usageReport({ ...input, language: 'en' });
    expect(en).toContain('Usage: 1,200 kWh');
    expect(en).toContain('Interpolated: the month starts or ends between two readings.');
    // Neither September 2026 nor October 2025 is known: no comparison at all.
    expect(en).not.toContain('Compared');
    expect(usageReport({ ...input, language: 'th' })).toContain(
      'ประมาณค่า: ต้นเดือนหรือสิ้นเดือนอยู่ระหว่างค่าที่จดสองครั้ง',
    );
  });

  it('partial: a past month that readings cover only in part, never compared', () => {
    const partial = usage('2026-09', 'partial', '310.5', {
      coveredDays: 12.5,
      dailyAverage: '24.84',
    });
    const figures = {
      kind: 'cumulative',
      months: [usage('2026-08', 'measured', '900'), partial],
    } as const;
    const input = { meter: electric, month: '2026-09', figures, now: LATER };
    expect(usageReport({ ...input, language: 'en' })).toBe(
      [
        'Electric — September 2026',
        'Usage: 310.5 kWh',
        'Daily average: 24.84 kWh',
        'Partial: readings cover 12.5 of 30 days.',
      ].join('\n'),
    );
    expect(usageReport({ ...input, language: 'th' })).toContain(
      'ข้อมูลบางส่วน: ค่าที่จดครอบคลุม 12.5 จาก 30 วัน',
    );
  });

  it('projected: month to date, the projected total, compared by the projection', () => {
    const current = usage('2026-11', 'projected', '600', {
      coveredDays: 15.25,
      dailyAverage: '39.344',
      projected: '1180.333333',
    });
    const figures = {
      kind: 'cumulative',
      months: [usage('2025-11', 'measured', '0'), usage('2026-10', 'measured', '1000'), current],
    } as const;
    const input = {
      meter: electric,
      month: '2026-11',
      figures,
      now: new Date('2026-11-16T12:00:00+07:00'),
    };
    expect(usageReport({ ...input, language: 'en' })).toBe(
      [
        'Electric — November 2026',
        'Usage: 600 kWh',
        'Daily average: 39.34 kWh',
        'Month to date (15.3 days).',
        'Projected for the whole month: 1,180.33 kWh',
        // Last November's usage was 0: a percentage of zero means nothing, so no line.
        'Compared with October 2026: +18% (projected)',
      ].join('\n'),
    );
    expect(usageReport({ ...input, language: 'th' })).toBe(
      [
        'Electric — พฤศจิกายน 2569',
        'ใช้ไป: 600 kWh',
        'เฉลี่ยต่อวัน: 39.34 kWh',
        'ตั้งแต่ต้นเดือนถึงตอนนี้ (15.3 วัน)',
        'คาดว่าทั้งเดือน: 1,180.33 kWh',
        'เทียบกับตุลาคม 2569: +18% (คาดการณ์)',
      ].join('\n'),
    );
  });

  it('the current month with a single reading: month to date, no projection', () => {
    const current = usage('2026-11', 'partial', '0', { coveredDays: 0, dailyAverage: null });
    const input = {
      meter: electric,
      month: '2026-11',
      figures: { kind: 'cumulative', months: [current] },
      now: new Date('2026-11-03T00:00:00+07:00'),
    } as const;
    expect(usageReport({ ...input, language: 'en' })).toBe(
      [
        'Electric — November 2026',
        'Usage: 0 kWh',
        'Month to date (less than a day).',
        'Not enough readings yet to project the whole month.',
      ].join('\n'),
    );
    expect(usageReport({ ...input, language: 'th' })).toContain('ยังมีค่าที่จดไม่พอสำหรับคาดการณ์ทั้งเดือน');
  });

  it('no data', () => {
    const input = {
      meter: { name: 'Water', unit: 'm³' },
      month: '2024-02',
      figures: { kind: 'cumulative', months: [usage('2024-02', 'none', null)] },
      now: LATER,
    } as const;
    expect(usageReport({ ...input, language: 'en' })).toBe(
      'Water — February 2024\nNo data for February 2024.',
    );
    expect(usageReport({ ...input, language: 'th' })).toBe(
      'Water — กุมภาพันธ์ 2567\nไม่มีข้อมูลของเดือนกุมภาพันธ์ 2567',
    );
    // A month the figures do not include at all reads the same.
    expect(usageReport({ ...input, month: '2024-03', language: 'en' })).toBe(
      'Water — March 2024\nNo data for March 2024.',
    );
  });

  it('a decrease, and a meter without a unit', () => {
    const input = {
      language: 'en',
      meter: { name: 'Counter', unit: '' },
      month: '2026-02',
      figures: {
        kind: 'cumulative',
        months: [usage('2026-01', 'measured', '12000'), usage('2026-02', 'measured', '9000')],
      },
      now: LATER,
    } as const;
    const text = usageReport(input);
    expect(text).toContain('Usage: 9,000\n');
    expect(text).toContain('Compared with January 2026: -25%');
  });
});

describe('usage report: delta and gauge sources', () => {
  it('delta: the month total; the current month is month to date with a projection', () => {
    const figures = {
      kind: 'delta',
      months: [
        usage('2026-10', 'measured', '3100'),
        usage('2026-11', 'partial', '1500', {
          coveredDays: 10,
          dailyAverage: '150',
          projected: '4500',
        }),
      ],
    } as const;
    const meter = { name: 'Fuel', unit: 'THB' };
    const now = new Date('2026-11-11T00:00:00+07:00');
    expect(usageReport({ language: 'en', meter, month: '2026-11', figures, now })).toBe(
      [
        'Fuel — November 2026',
        'Total: 1,500 THB',
        'Daily average: 150 THB',
        'Month to date (10 days).',
        'Projected for the whole month: 4,500 THB',
        'Compared with October 2026: +45.2% (projected)',
      ].join('\n'),
    );
    expect(usageReport({ language: 'th', meter, month: '2026-10', figures, now })).toBe(
      [
        'Fuel — ตุลาคม 2569',
        'รวม: 3,100 THB',
        'เฉลี่ยต่อวัน: 100 THB',
        'ผลรวมของรายการที่บันทึกในเดือนนี้',
      ].join('\n'),
    );
  });

  it('gauge: average, min and max, with differences rather than percentages', () => {
    const figures = {
      kind: 'gauge',
      months: [
        stats('2025-11', '36.9', '36.5', '37.2'),
        stats('2026-10', '36.55'),
        stats('2026-11', '36.7', '36.1', '37.4', 12),
      ],
    } as const;
    const meter = { name: 'Temperature', unit: '°C' };
    const input = { meter, month: '2026-11', figures, now: LATER };
    expect(usageReport({ ...input, language: 'en' })).toBe(
      [
        'Temperature — November 2026',
        'Average: 36.7 °C (12 readings)',
        'Min 36.1 °C · Max 37.4 °C',
        'Compared with October 2026: +0.15 °C',
        'Compared with November 2025: -0.2 °C',
      ].join('\n'),
    );
    expect(usageReport({ ...input, language: 'th' })).toBe(
      [
        'Temperature — พฤศจิกายน 2569',
        'ค่าเฉลี่ย: 36.7 °C (จด 12 ครั้ง)',
        'ต่ำสุด 36.1 °C · สูงสุด 37.4 °C',
        'เทียบกับตุลาคม 2569: +0.15 °C',
        'เทียบกับพฤศจิกายน 2568: -0.2 °C',
      ].join('\n'),
    );
    const empty = { ...input, month: '2026-09' };
    expect(usageReport({ ...empty, language: 'en' })).toBe(
      'Temperature — September 2026\nNo readings in September 2026.',
    );
    expect(usageReport({ ...empty, language: 'th' })).toBe(
      'Temperature — กันยายน 2569\nไม่มีค่าที่จดในเดือนกันยายน 2569',
    );
  });
});

describe('usage report: from the engine', () => {
  it('reports the worked example of REFERENCE §5 (February = 280)', () => {
    const at = (iso: string) => DateTime.fromISO(iso, { zone: ZONE }).toJSDate();
    const points: ReadingPoint[] = [
      { takenAt: at('2026-01-20T00:00'), value: '4100', event: null },
      { takenAt: at('2026-02-10T00:00'), value: '4310', event: null },
      { takenAt: at('2026-03-05T00:00'), value: '4540', event: null },
    ];
    const range = usageReportRange('2026-02');
    expect(range).toEqual({ from: '2025-02', to: '2026-02' });
    const months = monthlyUsage({
      source: { digits: null, timezone: ZONE },
      points,
      ...range,
      now: LATER,
    });
    const text = usageReport({
      language: 'en',
      meter: electric,
      month: '2026-02',
      figures: { kind: 'cumulative', months },
      now: LATER,
    });
    expect(text).toBe(
      [
        'Electric — February 2026',
        'Usage: 280 kWh',
        'Daily average: 10 kWh',
        'Interpolated: the month starts or ends between two readings.',
      ].join('\n'),
    );
  });
});

describe('helpers', () => {
  it('formats numbers with thousands separators, half-up, without trailing zeros', () => {
    expect(formatNumber('0')).toBe('0');
    expect(formatNumber('-0.001')).toBe('0');
    expect(formatNumber('1234567.891')).toBe('1,234,567.89');
    expect(formatNumber('999.995')).toBe('1,000');
    expect(formatNumber('-4521.5')).toBe('-4,521.5');
    expect(formatNumber('100.10')).toBe('100.1');
    expect(formatNumber('12.345678', 1)).toBe('12.3');
    expect(formatNumber('123456789012345678901234567890.5')).toBe(
      '123,456,789,012,345,678,901,234,567,890.5',
    );
  });

  it('months: arithmetic, titles, and the month of an instant in a zone', () => {
    expect(addMonths('2026-01', -1)).toBe('2025-12');
    expect(addMonths('2026-11', -12)).toBe('2025-11');
    expect(addMonths('2026-12', 1)).toBe('2027-01');
    expect(monthTitle('2026-01', 'en')).toBe('January 2026');
    expect(monthTitle('2026-01', 'th')).toBe('มกราคม 2569');
    // 17:30 UTC on 31 October is already 1 November in Bangkok.
    const instant = new Date('2026-10-31T17:30:00Z');
    expect(monthOfInstant(instant, 'Asia/Bangkok')).toBe('2026-11');
    expect(monthOfInstant(instant, 'UTC')).toBe('2026-10');
    expect(() => addMonths('2026-13', 1)).toThrow(RangeError);
  });
});

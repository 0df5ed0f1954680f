import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import type { MonthUsage, ReadingPoint } from '../../src/domain/types';
import { monthlyStats, monthlySums, monthlyUsage, usageBetween } from '../../src/domain/usage';

/**
 * Cases worked by hand (each figure below was computed on paper, not by the engine): month
 * boundaries that fall between readings at fractional values, so the 6-decimal rounding of a
 * boundary shows; boundaries with one close and one far neighbour; readings at local midnight;
 * two readings at the same instant.
 */

const BANGKOK = 'Asia/Bangkok';
const LATER = new Date('2030-01-01T00:00:00Z');

const local = (iso: string) => DateTime.fromISO(iso, { zone: BANGKOK }).toJSDate();
const at = (iso: string, value: string): ReadingPoint => ({
  takenAt: local(iso),
  value,
  event: null,
});

function months(points: ReadingPoint[], from: string, to: string): Record<string, MonthUsage> {
  const figures = monthlyUsage({
    source: { digits: null, timezone: BANGKOK },
    points,
    from,
    to,
    now: LATER,
  });
  return Object.fromEntries(figures.map((figure) => [figure.month, figure]));
}

describe('boundaries at fractional values, rounded half-even to 6 decimals', () => {
  // 27 Jan 1000, 3 Feb 1001, 4 Mar 1032 (all at local midnight).
  // C(1 Feb) = 1000 + 1 × 5/7            = 1000.714285714… -> 1000.714286 (rounds up)
  // C(1 Mar) = 1001 + 31 × 26/29         = 1028.793103448… -> 1028.793103 (rounds down)
  // February = 1028.793103 − 1000.714286 = 28.078817, per day 28.078817 / 28 = 1.0028… -> 1.003
  const points = [
    at('2026-01-27T00:00', '1000'),
    at('2026-02-03T00:00', '1001'),
    at('2026-03-04T00:00', '1032'),
  ];

  it('interpolates both boundaries of February to 6 decimals', () => {
    expect(
      usageBetween(
        { digits: null, timezone: BANGKOK },
        points,
        local('2026-02-01'),
        local('2026-03-01'),
      ),
    ).toMatchObject({
      startValue: '1000.714286',
      endValue: '1028.793103',
      usage: '28.078817',
      coveredDays: 28,
      complete: true,
      measured: false,
    });
  });

  it('gives each month its share of the shared boundaries, adding up to exactly 32', () => {
    const figures = months(points, '2026-01', '2026-03');
    expect(figures['2026-01']).toMatchObject({
      status: 'partial',
      usage: '0.714286',
      coveredDays: 5,
    });
    expect(figures['2026-02']).toMatchObject({
      status: 'interpolated',
      usage: '28.078817',
      coveredDays: 28,
      dailyAverage: '1.003',
    });
    expect(figures['2026-03']).toMatchObject({
      status: 'partial',
      usage: '3.206897',
      coveredDays: 3,
    });
  });
});

describe('a boundary with one close and one far neighbour', () => {
  // 1 Feb lies 23 h after the reading of 31 Jan 01:00 and 19 days before 20 Feb:
  // C(1 Feb) = 500 + 200 × 23/479 = 509.603340… ; 1 Mar lies 12 h after 28 Feb 12:00 and 24 days
  // before 25 Mar: C(1 Mar) = 781 + 219 × 12/588 = 785.469387755… -> 785.469388.
  const rest = [
    at('2026-02-20T00:00', '700'),
    at('2026-02-28T12:00', '781'),
    at('2026-03-25T00:00', '1000'),
  ];

  it('calls the month measured when each boundary has a reading within 24 hours', () => {
    const figures = months([at('2026-01-31T01:00', '500'), ...rest], '2026-02', '2026-02');
    expect(figures['2026-02']).toMatchObject({
      status: 'measured',
      usage: '275.866048',
      dailyAverage: '9.852',
    });
  });

  it('still counts a reading exactly 24 hours away as close', () => {
    // C(1 Feb) = 500 + 200 × 24/480 = 510.
    const figures = months([at('2026-01-31T00:00', '500'), ...rest], '2026-02', '2026-02');
    expect(figures['2026-02']).toMatchObject({ status: 'measured', usage: '275.469388' });
  });

  it('calls it interpolated when the close reading is 25 hours away', () => {
    // C(1 Feb) = 500 + 200 × 25/481 = 510.395010…
    const figures = months([at('2026-01-30T23:00', '500'), ...rest], '2026-02', '2026-02');
    expect(figures['2026-02']).toMatchObject({ status: 'interpolated', usage: '275.074378' });
  });
});

describe('readings at local midnight', () => {
  // Midnight on 1 Feb in Bangkok is 17:00 UTC on 31 Jan: a month cut in UTC would misplace it.
  it('counts a delta amount at local midnight on the 1st in the month that starts there', () => {
    const figures = monthlySums({
      timezone: BANGKOK,
      points: [at('2026-01-31T23:59:59.999', '3'), at('2026-02-01T00:00', '5')],
      from: '2026-01',
      to: '2026-02',
      now: LATER,
    });
    expect(figures.map((f) => [f.month, f.usage])).toEqual([
      ['2026-01', '3'],
      ['2026-02', '5'],
    ]);
  });

  it('puts a gauge reading at local midnight in the month that starts there', () => {
    const figures = monthlyStats({
      timezone: BANGKOK,
      points: [
        at('2026-01-31T23:59', '10'),
        at('2026-02-01T00:00', '30'),
        at('2026-03-01T00:00', '50'),
      ],
      from: '2026-01',
      to: '2026-03',
    });
    expect(figures.map((f) => [f.month, f.count, f.average])).toEqual([
      ['2026-01', 1, '10'],
      ['2026-02', 1, '30'],
      ['2026-03', 1, '50'],
    ]);
  });

  it('takes a cumulative reading at local midnight as the boundary value itself', () => {
    const figures = months(
      [
        at('2026-01-10T00:00', '100'),
        at('2026-02-01T00:00', '150.5'),
        at('2026-03-01T00:00', '190'),
      ],
      '2026-01',
      '2026-02',
    );
    expect(figures['2026-01']).toMatchObject({ status: 'partial', usage: '50.5', coveredDays: 22 });
    expect(figures['2026-02']).toMatchObject({
      status: 'measured',
      usage: '39.5',
      coveredDays: 28,
    });
  });
});

describe('two readings at the same instant', () => {
  // 10 Jan 100; 1 Feb 00:00 both 150 and 156; 20 Feb 200; 3 Mar 230.
  // The boundary takes the first of the two, so the jump of 6 belongs to February (half-open).
  // C(1 Mar) = 200 + 30 × 9/11 = 224.545454|5… -> 224.545455.
  const tail = [at('2026-02-20T00:00', '200'), at('2026-03-03T00:00', '230')];

  it('gives the jump at a boundary instant to the month that starts there', () => {
    const figures = months(
      [
        at('2026-01-10T00:00', '100'),
        at('2026-02-01T00:00', '150'),
        at('2026-02-01T00:00', '156'),
        ...tail,
      ],
      '2026-01',
      '2026-02',
    );
    expect(figures['2026-01']).toMatchObject({ status: 'partial', usage: '50' });
    expect(figures['2026-02']).toMatchObject({ status: 'interpolated', usage: '74.545455' });
  });

  it('keeps the input order of two plain readings at one instant', () => {
    const figures = months(
      [
        at('2026-01-10T00:00', '100'),
        at('2026-02-01T00:00', '156'),
        at('2026-02-01T00:00', '150'),
        ...tail,
      ],
      '2026-01',
      '2026-02',
    );
    expect(figures['2026-01']).toMatchObject({ usage: '56' });
    expect(figures['2026-02']).toMatchObject({ usage: '68.545455' });
  });
});

import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import type { MonthUsage, ReadingPoint, RegisterEvent } from '../../src/domain/types';
import {
  type CumulativeSource,
  eventRank,
  monthBoundaries,
  monthlyStats,
  monthlySums,
  monthlyUsage,
  periodUsage,
  selectProbePoints,
  sortReadingPoints,
  usageBetween,
} from '../../src/domain/usage';

/**
 * Edge cases of the usage engine, each worked by hand: instants exactly on a boundary, on `now`
 * or one day apart, register sizes that are not a positive integer, grids with no months.
 */

const BANGKOK = 'Asia/Bangkok';
const PLAIN: CumulativeSource = { digits: null, timezone: BANGKOK };

const local = (iso: string) => DateTime.fromISO(iso, { zone: BANGKOK }).toJSDate();
const at = (iso: string, value: string, event: RegisterEvent | null = null): ReadingPoint => ({
  takenAt: local(iso),
  value,
  event,
});

function byMonth(figures: MonthUsage[]): Record<string, MonthUsage> {
  return Object.fromEntries(figures.map((figure) => [figure.month, figure]));
}

describe('reading order at one instant', () => {
  it('ranks a replacement final 0, a plain reading or rollover 1, a replacement initial 2', () => {
    expect(eventRank('replacement_final')).toBe(0);
    expect(eventRank(null)).toBe(1);
    expect(eventRank('rollover')).toBe(1);
    expect(eventRank('replacement_initial')).toBe(2);
  });

  it('sorts a plain reading between the final and the initial of a swap at its instant', () => {
    const initial = at('2026-01-11T00:00', '0', 'replacement_initial');
    const plain = at('2026-01-11T00:00', '150');
    const final = at('2026-01-11T00:00', '150', 'replacement_final');
    expect(sortReadingPoints([initial, plain, final])).toEqual([final, plain, initial]);
  });

  it('returns the very same array when the points are already in order, ties included', () => {
    const points = [
      at('2026-01-01T00:00', '1'),
      at('2026-01-01T00:00', '1'),
      at('2026-01-02', '2'),
    ];
    expect(sortReadingPoints(points)).toBe(points);
  });

  it('counts a plain reading at a swap instant as the old register, whatever the input order', () => {
    // Sorted: 100 (1 Jan), final 150, plain 150, initial 0 (offset 150), 10 (21 Jan) -> C 160.
    // C(16 Jan) lies halfway from C(initial) = 150 to 160: 155, so usage since 1 Jan is 55.
    // Were the plain 150 read after the initial, its C would be 300 and the midpoint 230.
    const points = [
      at('2026-01-01T00:00', '100'),
      at('2026-01-11T00:00', '0', 'replacement_initial'),
      at('2026-01-11T00:00', '150'),
      at('2026-01-11T00:00', '150', 'replacement_final'),
      at('2026-01-21T00:00', '10'),
    ];
    expect(usageBetween(PLAIN, points, local('2026-01-01'), local('2026-01-16'))?.usage).toBe('55');
  });
});

describe('a rollover only wraps a register of a positive whole number of digits', () => {
  // 90 on 1 Jan, 5 on 11 Jan marked as a rollover, 15 on 21 Jan.
  const points = [
    at('2026-01-01T00:00', '90'),
    at('2026-01-11T00:00', '5', 'rollover'),
    at('2026-01-21T00:00', '15'),
  ];
  const usage = (digits: number | null) =>
    usageBetween({ digits, timezone: BANGKOK }, points, local('2026-01-01'), local('2026-01-21'))
      ?.usage;

  it('wraps at 10^2 for two digits: 115 − 90 = 25', () => {
    expect(usage(2)).toBe('25');
  });

  it.each([[null], [0], [-1], [2.5]])(
    'ignores the rollover for digits %s: the drop shows as 15 − 90 = −75',
    (digits) => {
      expect(usage(digits)).toBe('-75');
    },
  );
});

describe('usageBetween at the edges of the readings', () => {
  const points = [at('2026-01-10T00:00', '100'), at('2026-01-20T00:00', '200')];

  it('an interval starting before the first reading is clipped there and not measured', () => {
    expect(usageBetween(PLAIN, points, local('2026-01-01'), local('2026-01-20'))).toMatchObject({
      usage: '100',
      coveredStart: local('2026-01-10'),
      coveredDays: 10,
      complete: false,
      measured: false,
    });
  });

  it('an interval ending after the last reading is clipped there and not measured', () => {
    expect(usageBetween(PLAIN, points, local('2026-01-10'), local('2026-01-31'))).toMatchObject({
      usage: '100',
      coveredEnd: local('2026-01-20'),
      coveredDays: 10,
      complete: false,
      measured: false,
    });
  });

  it('an interval on both readings is complete and measured', () => {
    expect(usageBetween(PLAIN, points, local('2026-01-10'), local('2026-01-20'))).toMatchObject({
      usage: '100',
      complete: true,
      measured: true,
    });
  });

  it('an empty or reversed interval covers nothing: null', () => {
    expect(usageBetween(PLAIN, points, local('2026-01-15'), local('2026-01-15'))).toBeNull();
    expect(usageBetween(PLAIN, points, local('2026-01-18'), local('2026-01-12'))).toBeNull();
  });

  it('a start two hours before the next reading counts as near a reading (measured)', () => {
    // 0 on 10 Jan, 530 on 1 Feb 02:00 (530 hours later: 1 per hour), 1200 on 1 Mar.
    // C(1 Feb 00:00) = 528, 22 days after the previous reading but 2 hours before the next.
    const far = [
      at('2026-01-10T00:00', '0'),
      at('2026-02-01T02:00', '530'),
      at('2026-03-01T00:00', '1200'),
    ];
    expect(usageBetween(PLAIN, far, local('2026-02-01'), local('2026-03-01'))).toMatchObject({
      startValue: '528',
      usage: '672',
      complete: true,
      measured: true,
    });
  });
});

describe('the current month and months around now', () => {
  const figures = (points: ReadingPoint[], from: string, to: string, now: Date) =>
    byMonth(monthlyUsage({ source: PLAIN, points, from, to, now }));

  it('projects from two readings exactly one day apart (3 a day: 3 + 18 days × 3 = 57)', () => {
    const feb = figures(
      [at('2026-02-10T00:00', '100'), at('2026-02-11T00:00', '103')],
      '2026-02',
      '2026-02',
      local('2026-02-15T12:00'),
    )['2026-02'];
    expect(feb).toMatchObject({
      status: 'projected',
      usage: '3',
      projected: '57',
      coveredDays: 1,
      dailyAverage: '3',
    });
  });

  it('gives no projection when all readings share one instant', () => {
    const feb = figures(
      [at('2026-02-10T00:00', '100'), at('2026-02-10T00:00', '100')],
      '2026-02',
      '2026-02',
      local('2026-02-15T12:00'),
    )['2026-02'];
    expect(feb).toMatchObject({ status: 'partial', usage: '0', projected: null, coveredDays: 0 });
  });

  it('a month starting exactly at now is the current month (10 a day × 31 days = 310)', () => {
    // 100 on 1 Feb, 240 on 15 Feb, 380 on 1 Mar: 280 over 28 days.
    const result = figures(
      [at('2026-02-01T00:00', '100'), at('2026-02-15T00:00', '240'), at('2026-03-01T00:00', '380')],
      '2026-02',
      '2026-03',
      local('2026-03-01T00:00'),
    );
    expect(result['2026-02']).toMatchObject({ status: 'measured', usage: '280' });
    expect(result['2026-03']).toMatchObject({ status: 'projected', usage: '0', projected: '310' });
  });

  it('a month ending exactly at now is past: partial, not projected', () => {
    const feb = figures(
      [at('2026-02-01T00:00', '100'), at('2026-02-20T00:00', '290')],
      '2026-02',
      '2026-02',
      local('2026-03-01T00:00'),
    )['2026-02'];
    expect(feb).toMatchObject({
      status: 'partial',
      usage: '190',
      projected: null,
      coveredDays: 19,
    });
  });

  it('a current month with a reading on its end is measured; the next month is still future', () => {
    const result = figures(
      [at('2026-02-01T00:00', '100'), at('2026-03-01T00:00', '380')],
      '2026-02',
      '2026-03',
      local('2026-02-15T00:00'),
    );
    expect(result['2026-02']).toMatchObject({ status: 'measured', usage: '280', projected: null });
    expect(result['2026-03']).toMatchObject({ status: 'none', usage: null });
  });
});

describe('month grids', () => {
  it('has no months when the first month comes after the last', () => {
    expect(monthBoundaries(BANGKOK, '2026-03', '2026-02')).toEqual([]);
    expect(
      monthlyUsage({ source: PLAIN, points: [], from: '2026-03', to: '2026-02', now: new Date() }),
    ).toEqual([]);
  });

  it.each(['12026-01', '2026-011', 'x2026-01'])('refuses %j as a month, saying why', (text) => {
    expect(() => monthBoundaries(BANGKOK, text, '2027-01')).toThrow(
      `Not a month (YYYY-MM): ${JSON.stringify(text)}`,
    );
  });

  it('refuses an unknown time zone, saying why', () => {
    expect(() => monthBoundaries('Mars/Olympus', '2026-01', '2026-01')).toThrow(
      'Unknown time zone: "Mars/Olympus"',
    );
  });
});

describe('periodUsage grids', () => {
  const points = [at('2026-01-10T00:00', '100')];
  const run = (labels: string[], boundaries: Date[]) =>
    periodUsage({
      source: PLAIN,
      points,
      periods: { labels, boundaries },
      now: local('2026-02-01'),
    });

  it('accepts no labels with no boundary or a single one: no periods', () => {
    expect(run([], [])).toEqual([]);
    expect(run([], [local('2026-01-01')])).toEqual([]);
  });

  it('says why a grid is refused', () => {
    expect(() => run([], [local('2026-01-01'), local('2026-02-01')])).toThrow(
      'A period grid needs one boundary more than labels (0 labels, 2 boundaries)',
    );
    expect(() => run(['x'], [local('2026-02-01'), local('2026-01-01')])).toThrow(
      'Period boundaries must strictly increase',
    );
  });
});

describe('selectProbePoints', () => {
  it('keeps the two points around the projection anchor, 30 days before the last point', () => {
    // Probes: 1 Jan (the boundary) and 9 Feb (30 days before 11 Mar), which lies between 1 Feb
    // and 20 Feb. Only 15 Jan is left out.
    const points = [
      at('2026-01-01T00:00', '1'),
      at('2026-01-15T00:00', '2'),
      at('2026-02-01T00:00', '3'),
      at('2026-02-20T00:00', '4'),
      at('2026-03-11T00:00', '5'),
    ];
    expect(selectProbePoints(points, [local('2026-01-01')])).toEqual([
      points[0],
      points[2],
      points[3],
      points[4],
    ]);
  });

  it('keeps the last point even when no probe instant brackets it', () => {
    // Probes: 1 Jan and 11 Jan (the boundaries), 9 Feb (30 days before the last point).
    // They bracket only 1 Jan and 20 Feb; 1 Mar is left out, 11 Mar kept as the last point.
    const points = [
      at('2026-01-01T00:00', '1'),
      at('2026-02-20T00:00', '2'),
      at('2026-03-01T00:00', '3'),
      at('2026-03-11T00:00', '4'),
    ];
    expect(selectProbePoints(points, [local('2026-01-01'), local('2026-01-11')])).toEqual([
      points[0],
      points[1],
      points[3],
    ]);
  });
});

describe('gauge and delta months at their edges', () => {
  it('monthlyStats counts only the readings inside each half-open month', () => {
    const figures = monthlyStats({
      timezone: BANGKOK,
      points: [
        at('2025-12-31T23:00', '50'),
        at('2026-01-05T00:00', '20'),
        at('2026-01-20T00:00', '30'),
        at('2026-03-01T00:00', '99'),
      ],
      from: '2026-01',
      to: '2026-02',
    });
    expect(figures).toEqual([
      {
        month: '2026-01',
        start: local('2026-01-01'),
        end: local('2026-02-01'),
        count: 2,
        average: '25',
        min: '20',
        max: '30',
      },
      {
        month: '2026-02',
        start: local('2026-02-01'),
        end: local('2026-03-01'),
        count: 0,
        average: null,
        min: null,
        max: null,
      },
    ]);
  });

  it('monthlySums: a month ending at now is measured, one starting at now is month to date', () => {
    // 4 at 1 Mar 00:00 = now: less than a day elapsed counts as one, so 4 × 31 = 124.
    const figures = byMonth(
      monthlySums({
        timezone: BANGKOK,
        points: [at('2026-02-10T00:00', '5'), at('2026-03-01T00:00', '4')],
        from: '2026-02',
        to: '2026-03',
        now: local('2026-03-01T00:00'),
      }),
    );
    expect(figures['2026-02']).toMatchObject({
      status: 'measured',
      usage: '5',
      projected: null,
      coveredDays: 28,
    });
    expect(figures['2026-03']).toMatchObject({
      status: 'partial',
      usage: '4',
      projected: '124',
      coveredDays: 0,
    });
  });

  it('monthlySums: a month after now is none even when it holds amounts', () => {
    const figures = byMonth(
      monthlySums({
        timezone: BANGKOK,
        points: [at('2026-02-10T00:00', '5'), at('2026-03-05T00:00', '7')],
        from: '2026-02',
        to: '2026-03',
        now: local('2026-02-15T00:00'),
      }),
    );
    expect(figures['2026-03']).toMatchObject({ status: 'none', usage: null, projected: null });
  });
});

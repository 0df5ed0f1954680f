import fc from 'fast-check';
import { DateTime, Settings } from 'luxon';
import { describe, expect, it } from 'vitest';
import {
  addPeriods,
  type BillingCycle,
  formatPeriodLabel,
  parsePeriodLabel,
  periodByLabel,
  periodContaining,
  periodGrid,
  previousPeriods,
} from '../../../src/domain/billing/periods';

const BANGKOK = 'Asia/Bangkok';
const LONDON = 'Europe/London';

function local(iso: string, zone = BANGKOK): Date {
  return DateTime.fromISO(iso, { zone }).toJSDate();
}

/** A period as local wall-clock text, for readable expectations. */
function shown(cycle: BillingCycle, label: string) {
  const period = periodByLabel(cycle, label);
  const fmt = (d: Date) =>
    DateTime.fromJSDate(d, { zone: cycle.timezone }).toFormat("yyyy-MM-dd'T'HH:mm");
  return {
    label: period.label,
    start: fmt(period.start),
    end: fmt(period.end),
    lastDay: period.lastDay,
  };
}

describe('period labels', () => {
  it('parses and formats YYYY-MM', () => {
    expect(parsePeriodLabel('2026-11')).toEqual({ year: 2026, month: 11 });
    expect(parsePeriodLabel('2026-13')).toBeNull();
    expect(parsePeriodLabel('2026-1')).toBeNull();
    expect(parsePeriodLabel('november')).toBeNull();
    expect(formatPeriodLabel(2026, 1)).toBe('2026-01');
  });

  it('reads only a whole label, ignoring spaces around it', () => {
    expect(parsePeriodLabel(' 2026-11 ')).toEqual({ year: 2026, month: 11 });
    expect(parsePeriodLabel('x2026-11')).toBeNull();
    expect(parsePeriodLabel('2026-11x')).toBeNull();
  });

  it('writes years before 1000 with four digits', () => {
    expect(formatPeriodLabel(999, 12)).toBe('0999-12');
    expect(addPeriods('1000-01', -1)).toBe('0999-12');
  });

  it('steps across years', () => {
    expect(addPeriods('2026-01', -1)).toBe('2025-12');
    expect(addPeriods('2025-12', 1)).toBe('2026-01');
    expect(addPeriods('2026-11', -25)).toBe('2024-10');
    expect(() => addPeriods('2026-00', 1)).toThrow(RangeError);
    expect(() => addPeriods('2026-00', 1)).toThrow('Not a period (YYYY-MM): "2026-00"');
  });
});

describe('calendar months (no billing day)', () => {
  const cycle = { timezone: BANGKOK, billingDay: null };

  it('run from the 1st to the 1st and are named after themselves', () => {
    expect(shown(cycle, '2026-11')).toEqual({
      label: '2026-11',
      start: '2026-11-01T00:00',
      end: '2026-12-01T00:00',
      lastDay: '2026-11-30',
    });
    expect(periodByLabel({ timezone: BANGKOK, billingDay: 1 }, '2026-11')).toEqual(
      periodByLabel(cycle, '2026-11'),
    );
  });

  it('place midnight on the 1st in the new month (half-open)', () => {
    expect(periodContaining(cycle, local('2026-12-01T00:00')).label).toBe('2026-12');
    expect(periodContaining(cycle, local('2026-11-30T23:59:59.999')).label).toBe('2026-11');
  });
});

describe('billing day 18', () => {
  const cycle = { timezone: BANGKOK, billingDay: 18 };

  it('runs from the 18th to the 18th and is named after the month it closes in', () => {
    expect(shown(cycle, '2026-12')).toEqual({
      label: '2026-12',
      start: '2026-11-18T00:00',
      end: '2026-12-18T00:00',
      lastDay: '2026-12-17',
    });
    expect(shown(cycle, '2026-01')).toMatchObject({
      start: '2025-12-18T00:00',
      end: '2026-01-18T00:00',
    });
  });

  it('finds the period holding an instant on either side of the reading day', () => {
    expect(periodContaining(cycle, local('2026-11-17T23:59')).label).toBe('2026-11');
    expect(periodContaining(cycle, local('2026-11-18T00:00')).label).toBe('2026-12');
    expect(periodContaining(cycle, local('2026-12-31T12:00')).label).toBe('2027-01');
  });

  it('gives the previous periods, oldest first', () => {
    expect(previousPeriods(cycle, local('2026-01-20T09:00'), 3).map((p) => p.label)).toEqual([
      '2025-11',
      '2025-12',
      '2026-01',
    ]);
    expect(previousPeriods(cycle, local('2026-01-20T09:00'), 0)).toEqual([]);
  });
});

describe('billing days 29–31 clamp to the month end', () => {
  it('day 31 runs Jan 31 → Feb 28 → Mar 31 in a common year', () => {
    const cycle = { timezone: BANGKOK, billingDay: 31 };
    expect(shown(cycle, '2026-02')).toMatchObject({
      start: '2026-01-31T00:00',
      end: '2026-02-28T00:00',
    });
    expect(shown(cycle, '2026-03')).toMatchObject({
      start: '2026-02-28T00:00',
      end: '2026-03-31T00:00',
    });
    expect(shown(cycle, '2026-05')).toMatchObject({
      start: '2026-04-30T00:00',
      end: '2026-05-31T00:00',
    });
  });

  it('day 30 and 29 end February on the 29th in a leap year, the 28th otherwise', () => {
    for (const day of [29, 30, 31]) {
      const cycle = { timezone: BANGKOK, billingDay: day };
      expect(shown(cycle, '2028-02').end).toBe('2028-02-29T00:00');
      expect(shown(cycle, '2027-02').end).toBe('2027-02-28T00:00');
    }
    expect(shown({ timezone: BANGKOK, billingDay: 29 }, '2028-03')).toMatchObject({
      start: '2028-02-29T00:00',
      end: '2028-03-29T00:00',
    });
  });

  it('refuses a billing day outside 1–31 and an unknown zone', () => {
    expect(() => periodByLabel({ timezone: BANGKOK, billingDay: 0 }, '2026-01')).toThrow(
      RangeError,
    );
    expect(() => periodByLabel({ timezone: BANGKOK, billingDay: 32 }, '2026-01')).toThrow(
      RangeError,
    );
    expect(() => periodByLabel({ timezone: 'Mars/Base', billingDay: 5 }, '2026-01')).toThrow(
      RangeError,
    );
    expect(() => periodContaining({ timezone: 'Mars/Base', billingDay: 5 }, new Date())).toThrow(
      RangeError,
    );
  });

  it('says what is wrong: the billing day, or the zone by name', () => {
    expect(() => periodByLabel({ timezone: BANGKOK, billingDay: 32 }, '2026-01')).toThrow(
      'A billing day is 1–31, not 32',
    );
    expect(() => periodByLabel({ timezone: 'Mars/Base', billingDay: 5 }, '2026-01')).toThrow(
      'Unknown time zone: "Mars/Base"',
    );
    expect(() => periodContaining({ timezone: 'Mars/Base', billingDay: 5 }, new Date())).toThrow(
      'Unknown time zone: "Mars/Base"',
    );
  });
});

describe('time zones', () => {
  it('puts Bangkok boundaries at 17:00 UTC the day before', () => {
    const period = periodByLabel({ timezone: BANGKOK, billingDay: 18 }, '2026-12');
    expect(period.start.toISOString()).toBe('2026-11-17T17:00:00.000Z');
  });

  it('follows London local midnight across the clock changes (periods of 743 and 745 hours)', () => {
    const cycle = { timezone: LONDON, billingDay: 15 };
    // Mar 15 → Apr 15 2026 holds the spring change (29 Mar): 31 days less an hour.
    const spring = periodByLabel(cycle, '2026-04');
    expect(spring.start.toISOString()).toBe('2026-03-15T00:00:00.000Z');
    expect(spring.end.toISOString()).toBe('2026-04-14T23:00:00.000Z');
    expect((spring.end.getTime() - spring.start.getTime()) / 3_600_000).toBe(743);
    // Oct 15 → Nov 15 holds the autumn change (25 Oct): 31 days and an hour.
    const autumn = periodByLabel(cycle, '2026-11');
    expect((autumn.end.getTime() - autumn.start.getTime()) / 3_600_000).toBe(745);
    expect(periodContaining(cycle, new Date('2026-04-14T23:00:00Z')).label).toBe('2026-05');
    expect(periodContaining(cycle, new Date('2026-04-14T22:59:59Z')).label).toBe('2026-04');
  });

  it("finds the period in the meter's zone whatever the process's own zone is", () => {
    // Kiritimati (UTC+14) is 26 hours ahead of UTC-12: 01:00 on 2 March there is still
    // 28 February in the other zone, two periods back with billing day 2.
    const cycle = { timezone: 'Pacific/Kiritimati', billingDay: 2 };
    const instant = local('2026-03-02T01:00', 'Pacific/Kiritimati');
    const before = Settings.defaultZone;
    try {
      for (const zone of ['Etc/GMT+12', 'Etc/GMT-14', 'UTC']) {
        Settings.defaultZone = zone;
        expect(periodContaining(cycle, instant).label).toBe('2026-04');
      }
    } finally {
      Settings.defaultZone = before;
    }
  });

  it('tiles time: every instant lies in exactly one period, consecutive periods meet', () => {
    let clamped = 0;
    fc.assert(
      fc.property(
        fc.constantFrom(BANGKOK, LONDON, 'America/New_York', 'Australia/Lord_Howe'),
        // Days 29–31 weighted up so clamped month ends come up often.
        fc.oneof(
          { arbitrary: fc.constantFrom(29, 30, 31), weight: 2 },
          { arbitrary: fc.integer({ min: 1, max: 31 }), weight: 2 },
          { arbitrary: fc.constant(null), weight: 1 },
        ),
        fc.integer({ min: Date.UTC(2023, 0, 1), max: Date.UTC(2030, 0, 1) }),
        (timezone, billingDay, ms) => {
          const cycle = { timezone, billingDay };
          const instant = new Date(ms);
          const period = periodContaining(cycle, instant);
          expect(period.start <= instant && instant < period.end).toBe(true);
          const next = periodByLabel(cycle, addPeriods(period.label, 1));
          expect(next.start).toEqual(period.end);
          expect(period.lastDay.slice(0, 7)).toBe(period.label);
          const endDay = DateTime.fromJSDate(period.end, { zone: timezone }).day;
          if (billingDay !== null && billingDay > 28 && endDay < billingDay) clamped++;
        },
      ),
      { numRuns: 400 },
    );
    expect(clamped).toBeGreaterThan(10);
  });

  it('gives the usage engine labels and one boundary more', () => {
    const grid = periodGrid({ timezone: BANGKOK, billingDay: 18 }, '2026-11', '2027-01');
    expect(grid.labels).toEqual(['2026-11', '2026-12', '2027-01']);
    expect(
      grid.boundaries.map((b) => DateTime.fromJSDate(b, { zone: BANGKOK }).toISODate()),
    ).toEqual(['2026-10-18', '2026-11-18', '2026-12-18', '2027-01-18']);
    expect(periodGrid({ timezone: BANGKOK, billingDay: 18 }, '2027-01', '2026-11')).toEqual({
      labels: [],
      boundaries: [],
    });
  });
});

import fc from 'fast-check';
import { DateTime, Settings } from 'luxon';
import { describe, expect, it } from 'vitest';
import { quotaMonth, quotaResetsAt } from '../../../src/domain/billing/quota';

/** Runs `check` with the process's own zone set to each of a few zones, then restores it. */
function inEveryProcessZone(check: () => void): void {
  const before = Settings.defaultZone;
  try {
    for (const zone of ['UTC', 'Asia/Bangkok', 'America/New_York', 'Asia/Tokyo']) {
      Settings.defaultZone = zone;
      check();
    }
  } finally {
    Settings.defaultZone = before;
  }
}

describe('the LINE quota month, counted in Japan time', () => {
  it('turns at midnight on the 1st in Tokyo (15:00 UTC the day before)', () => {
    inEveryProcessZone(() => {
      expect(quotaMonth(new Date('2026-11-30T14:59:59.999Z'))).toBe('2026-11');
      expect(quotaMonth(new Date('2026-11-30T15:00:00.000Z'))).toBe('2026-12');
      expect(quotaMonth(new Date('2027-01-05T00:00:00.000Z'))).toBe('2027-01');
    });
  });

  it('names the Tokyo month of any instant, asked in any order', () => {
    const instant = fc.date({
      min: new Date('2000-01-01T00:00:00Z'),
      max: new Date('2100-01-01T00:00:00Z'),
      noInvalidDate: true,
    });
    // Near each other too: instants either side of a month's turn, a millisecond apart.
    const nearTurn = fc
      .integer({ min: 2000, max: 2099 })
      .chain((year) =>
        fc
          .tuple(fc.integer({ min: 1, max: 12 }), fc.integer({ min: -2, max: 1 }))
          .map(
            ([month, offset]) =>
              new Date(
                DateTime.fromObject({ year, month, day: 1 }, { zone: 'Asia/Tokyo' }).toMillis() +
                  offset,
              ),
          ),
      );
    fc.assert(
      fc.property(
        fc.array(fc.oneof(instant, nearTurn), { minLength: 1, maxLength: 20 }),
        (list) => {
          for (const now of list) {
            expect(quotaMonth(now)).toBe(
              DateTime.fromJSDate(now, { zone: 'Asia/Tokyo' }).toFormat('yyyy-LL'),
            );
          }
        },
      ),
    );
  });

  it('resets at the start of the next Tokyo month', () => {
    inEveryProcessZone(() => {
      expect(quotaResetsAt(new Date('2026-11-15T00:00:00.000Z'))).toEqual(
        new Date('2026-11-30T15:00:00.000Z'),
      );
      expect(quotaResetsAt(new Date('2026-11-30T15:00:00.000Z'))).toEqual(
        new Date('2026-12-31T15:00:00.000Z'),
      );
      expect(quotaResetsAt(new Date('2026-12-31T14:59:59.999Z'))).toEqual(
        new Date('2026-12-31T15:00:00.000Z'),
      );
    });
  });
});

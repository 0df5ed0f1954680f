import { Settings } from 'luxon';
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

import fc from 'fast-check';
import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import {
  inQuietHours,
  mayPushReminder,
  nextAllowedInstant,
  nextReminderAt,
} from '../../../src/domain/billing/reminders';

const BANGKOK = 'Asia/Bangkok';
const LONDON = 'Europe/London';

function local(iso: string, zone = BANGKOK): Date {
  return DateTime.fromISO(iso, { zone }).toJSDate();
}

function shown(instant: Date, zone = BANGKOK): string {
  return DateTime.fromJSDate(instant, { zone }).toFormat("yyyy-MM-dd'T'HH:mm");
}

describe('next reminder', () => {
  const day25 = { day: 25, time: '09:00', timezone: BANGKOK };

  it('comes on the day at the time, this month or the next', () => {
    expect(shown(nextReminderAt(day25, local('2026-11-10T12:00')))).toBe('2026-11-25T09:00');
    expect(shown(nextReminderAt(day25, local('2026-11-25T08:59')))).toBe('2026-11-25T09:00');
    // Strictly after: the instant just sent gives next month's.
    expect(shown(nextReminderAt(day25, local('2026-11-25T09:00')))).toBe('2026-12-25T09:00');
    expect(shown(nextReminderAt(day25, local('2026-12-31T23:00')))).toBe('2027-01-25T09:00');
  });

  it('clamps days 29–31 to the month end, leap years included', () => {
    const day31 = { day: 31, time: '18:30', timezone: BANGKOK };
    expect(shown(nextReminderAt(day31, local('2026-02-01T00:00')))).toBe('2026-02-28T18:30');
    expect(shown(nextReminderAt(day31, local('2028-02-01T00:00')))).toBe('2028-02-29T18:30');
    expect(shown(nextReminderAt(day31, local('2026-02-28T18:30')))).toBe('2026-03-31T18:30');
    expect(shown(nextReminderAt(day31, local('2026-04-01T00:00')))).toBe('2026-04-30T18:30');
    const day30 = { day: 30, time: '10:00', timezone: BANGKOK };
    expect(shown(nextReminderAt(day30, local('2026-01-30T11:00')))).toBe('2026-02-28T10:00');
  });

  it('moves a time in quiet hours to 08:00 of the same day', () => {
    const late = { day: 25, time: '22:30', timezone: BANGKOK };
    expect(shown(nextReminderAt(late, local('2026-11-01T00:00')))).toBe('2026-11-25T08:00');
    const early = { day: 1, time: '06:15', timezone: BANGKOK };
    expect(shown(nextReminderAt(early, local('2026-11-15T00:00')))).toBe('2026-12-01T08:00');
    expect(shown(nextReminderAt({ ...early, time: '21:00' }, local('2026-11-15T00:00')))).toBe(
      '2026-12-01T08:00',
    );
    expect(shown(nextReminderAt({ ...early, time: '20:59' }, local('2026-11-15T00:00')))).toBe(
      '2026-12-01T20:59',
    );
    expect(shown(nextReminderAt({ ...early, time: '08:00' }, local('2026-11-15T00:00')))).toBe(
      '2026-12-01T08:00',
    );
  });

  it('keeps local time across a DST change (Europe/London)', () => {
    const schedule = { day: 31, time: '09:00', timezone: LONDON };
    const march = nextReminderAt(schedule, local('2026-03-01T00:00', LONDON));
    expect(march.toISOString()).toBe('2026-03-31T08:00:00.000Z'); // BST
    const october = nextReminderAt(schedule, local('2026-10-01T00:00', LONDON));
    expect(october.toISOString()).toBe('2026-10-31T09:00:00.000Z'); // back on GMT on the 25th
  });

  it('refuses a bad day, time or zone', () => {
    const at = local('2026-11-01T00:00');
    expect(() => nextReminderAt({ ...day25, day: 0 }, at)).toThrow(RangeError);
    expect(() => nextReminderAt({ ...day25, day: 32 }, at)).toThrow(RangeError);
    expect(() => nextReminderAt({ ...day25, time: '24:00' }, at)).toThrow(RangeError);
    expect(() => nextReminderAt({ ...day25, time: '9:00' }, at)).toThrow(RangeError);
    expect(() => nextReminderAt({ ...day25, timezone: 'Nowhere/City' }, at)).toThrow(RangeError);
  });

  it('says which day, time or zone it refuses, and reads only a whole HH:MM', () => {
    const at = local('2026-11-01T00:00');
    expect(() => nextReminderAt({ ...day25, day: 32 }, at)).toThrow(
      'A reminder day is 1–31, not 32',
    );
    for (const time of ['109:00', '09:001']) {
      expect(() => nextReminderAt({ ...day25, time }, at)).toThrow(
        `Not a time (HH:MM): ${JSON.stringify(time)}`,
      );
    }
    expect(() => nextReminderAt({ ...day25, timezone: 'Nowhere/City' }, at)).toThrow(
      'Unknown time zone: "Nowhere/City"',
    );
  });

  it('always lands outside quiet hours, after `after`, within about a month, on the clamped day', () => {
    let quietAsked = 0;
    let clamped = 0;
    fc.assert(
      fc.property(
        fc.oneof(fc.constantFrom(29, 30, 31), fc.integer({ min: 1, max: 31 })),
        fc.integer({ min: 0, max: 23 }),
        fc.integer({ min: 0, max: 59 }),
        fc.constantFrom(BANGKOK, LONDON, 'America/New_York'),
        fc.integer({ min: Date.UTC(2024, 0, 1), max: Date.UTC(2030, 0, 1) }),
        (day, hour, minute, timezone, afterMs) => {
          const time = `${String(hour).padStart(2, '0')}:${String(minute).padStart(2, '0')}`;
          const after = new Date(afterMs);
          const next = nextReminderAt({ day, time, timezone }, after);
          expect(next.getTime()).toBeGreaterThan(afterMs);
          expect(next.getTime() - afterMs).toBeLessThanOrEqual(63 * 86_400_000);
          expect(inQuietHours(next, timezone)).toBe(false);
          const at = DateTime.fromJSDate(next, { zone: timezone });
          expect(at.day).toBe(Math.min(day, at.daysInMonth!));
          if (hour >= 21 || hour < 8) {
            quietAsked++;
            expect([at.hour, at.minute]).toEqual([8, 0]);
          } else {
            expect([at.hour, at.minute]).toEqual([hour, minute]);
          }
          if (at.day < day) clamped++;
        },
      ),
      { numRuns: 500 },
    );
    expect(quietAsked).toBeGreaterThan(50);
    expect(clamped).toBeGreaterThan(10);
  });
});

describe('quiet hours', () => {
  it('runs from 21:00 to 08:00 local time', () => {
    expect(inQuietHours(local('2026-11-25T20:59'), BANGKOK)).toBe(false);
    expect(inQuietHours(local('2026-11-25T21:00'), BANGKOK)).toBe(true);
    expect(inQuietHours(local('2026-11-26T07:59'), BANGKOK)).toBe(true);
    expect(inQuietHours(local('2026-11-26T08:00'), BANGKOK)).toBe(false);
    // 14:30 UTC is 21:30 in Bangkok but 14:30 in London.
    const instant = new Date('2026-11-25T14:30:00Z');
    expect(inQuietHours(instant, BANGKOK)).toBe(true);
    expect(inQuietHours(instant, LONDON)).toBe(false);
  });

  it('holds a push due at night until the next 08:00, across a month end', () => {
    expect(shown(nextAllowedInstant(local('2026-11-30T22:10'), BANGKOK))).toBe('2026-12-01T08:00');
    expect(shown(nextAllowedInstant(local('2026-12-31T23:59'), BANGKOK))).toBe('2027-01-01T08:00');
    expect(shown(nextAllowedInstant(local('2026-12-01T03:00'), BANGKOK))).toBe('2026-12-01T08:00');
    const daytime = local('2026-12-01T12:00');
    expect(nextAllowedInstant(daytime, BANGKOK)).toBe(daytime);
  });
});

describe('one reminder per person per day', () => {
  it('allows the first of the day outside quiet hours', () => {
    expect(
      mayPushReminder({ now: local('2026-11-25T09:00'), timezone: BANGKOK, sentAt: [] }),
    ).toEqual({ allowed: true });
    // Yesterday's reminder does not count.
    expect(
      mayPushReminder({
        now: local('2026-11-25T09:00'),
        timezone: BANGKOK,
        sentAt: [local('2026-11-24T20:00')],
      }),
    ).toEqual({ allowed: true });
  });

  it('refuses a second one the same local day, until 08:00 the next day', () => {
    const decision = mayPushReminder({
      now: local('2026-11-30T18:00'),
      timezone: BANGKOK,
      sentAt: [local('2026-11-30T09:00')],
    });
    expect(decision).toMatchObject({ allowed: false, reason: 'already_sent_today' });
    expect(shown((decision as { retryAt: Date }).retryAt)).toBe('2026-12-01T08:00');
  });

  it('judges "the same day" in the local zone, not in UTC', () => {
    // 23:30 UTC on the 24th is 06:30 on the 25th in Bangkok: the same local day as 09:00.
    const decision = mayPushReminder({
      now: local('2026-11-25T09:00'),
      timezone: BANGKOK,
      sentAt: [new Date('2026-11-24T23:30:00Z')],
    });
    expect(decision).toMatchObject({ allowed: false, reason: 'already_sent_today' });
  });

  it('refuses in quiet hours, retrying at 08:00', () => {
    const decision = mayPushReminder({
      now: local('2026-11-25T21:30'),
      timezone: BANGKOK,
      sentAt: [],
    });
    expect(decision).toMatchObject({ allowed: false, reason: 'quiet_hours' });
    expect(shown((decision as { retryAt: Date }).retryAt)).toBe('2026-11-26T08:00');
  });
});

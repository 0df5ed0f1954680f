import { describe, expect, it } from 'vitest';
import { resolveTakenAt } from '../../src/domain/time';

// 2026-11-26 20:30 in Bangkok (UTC+7) is 13:30 UTC.
const now = new Date('2026-11-26T13:30:00Z');

describe('resolveTakenAt', () => {
  it('uses the message time when no time is given', () => {
    expect(resolveTakenAt(undefined, 'Asia/Bangkok', now)).toEqual(now);
  });

  it('reads a date and time in the meter time zone', () => {
    expect(
      resolveTakenAt({ kind: 'date', date: '2026-11-01', time: '08:00' }, 'Asia/Bangkok', now),
    ).toEqual(new Date('2026-11-01T01:00:00Z'));
  });

  it('puts a date without a time at noon', () => {
    expect(resolveTakenAt({ kind: 'date', date: '2026-11-01' }, 'Asia/Bangkok', now)).toEqual(
      new Date('2026-11-01T05:00:00Z'),
    );
  });

  it('counts "yesterday" from the local day, not the UTC day', () => {
    // 00:30 on 27 Nov in Bangkok is still 26 Nov in UTC.
    const justAfterMidnight = new Date('2026-11-26T17:30:00Z');
    expect(resolveTakenAt({ kind: 'daysAgo', days: 1 }, 'Asia/Bangkok', justAfterMidnight)).toEqual(
      new Date('2026-11-26T05:00:00Z'),
    );
  });

  it('takes a day and month as the latest such day up to today', () => {
    const on = (month: number, day: number, when: string) =>
      resolveTakenAt({ kind: 'monthDay', month, day }, 'Asia/Bangkok', new Date(when));
    // Noon in Bangkok is 05:00 UTC.
    expect(on(11, 26, '2026-11-26T13:30:00Z')).toEqual(new Date('2026-11-26T05:00:00Z'));
    expect(on(11, 27, '2026-11-26T13:30:00Z')).toEqual(new Date('2025-11-27T05:00:00Z'));
  });

  it('takes 29 February as the latest leap day, even eight years back', () => {
    const leapDay = (when: string) =>
      resolveTakenAt({ kind: 'monthDay', month: 2, day: 29 }, 'Asia/Bangkok', new Date(when));
    expect(leapDay('2027-06-01T05:00:00Z')).toEqual(new Date('2024-02-29T05:00:00Z'));
    // 2100 is not a leap year: in January 2104 the latest 29 February is in 2096.
    expect(leapDay('2104-01-15T05:00:00Z')).toEqual(new Date('2096-02-29T05:00:00Z'));
  });

  it('takes "@ 08:00" as today at eight', () => {
    expect(
      resolveTakenAt({ kind: 'daysAgo', days: 0, time: '08:00' }, 'Asia/Bangkok', now),
    ).toEqual(new Date('2026-11-26T01:00:00Z'));
  });

  it('respects daylight saving time where the meter is', () => {
    // Berlin is UTC+2 in summer and UTC+1 in winter.
    expect(
      resolveTakenAt({ kind: 'date', date: '2026-07-01', time: '08:00' }, 'Europe/Berlin', now),
    ).toEqual(new Date('2026-07-01T06:00:00Z'));
    expect(
      resolveTakenAt({ kind: 'date', date: '2026-12-01', time: '08:00' }, 'Europe/Berlin', now),
    ).toEqual(new Date('2026-12-01T07:00:00Z'));
  });
});

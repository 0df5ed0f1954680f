// @ts-nocheck
// Vocabulary shared by the pure domain modules, the store and the bot.
// Decimal values travel as canonical decimal strings ("4521", "4521.5", "-3.25"):
// readings are PostgreSQL `numeric`, and no float ever touches a stored value.

export type Language = 'th' | 'en';

/** cumulative: a register that only counts up (kWh, m³, km); gauge: a measurement (°C, mmHg); delta: amounts per event. */
export type SourceKind = 'cumulative' | 'gauge' | 'delta';
export type Role = 'read' | 'write' | 'admin';
export type GroupRole = 'read' | 'write';
export type ReadingQuality = 'actual' | 'estimated' | 'bill' | 'import';

/**
 * Marks a reading that changes the register:
 * - rollover: the register wrapped past 10^digits between the previous reading and this one;
 * - replacement_final: the last value of a register that was taken out;
 * - replacement_initial: the first value of the new register (same instant as the final).
 */
export type RegisterEvent = 'rollover' | 'replacement_final' | 'replacement_initial';

/** A stored reading as the pure rules see it. */
export interface ReadingPoint {
  takenAt: Date;
  value: string;
  event: RegisterEvent | null;
}

/** How a month's figure was obtained (DESIGN §5). */
export type MonthStatus = 'measured' | 'interpolated' | 'partial' | 'projected' | 'none';

/** One calendar month of a cumulative or delta source, in the source's time zone. */
export interface MonthUsage {
  /** 'YYYY-MM' in the source's time zone. */
  month: string;
  /** Half-open [start, end) instants of the month. */
  start: Date;
  end: Date;
  status: MonthStatus;
  /** Usage inside the month that readings cover (month to date for the current month); null for 'none'. */
  usage: string | null;
  /** For the current month only: the whole month extrapolated from recent usage; never stored. */
  projected: string | null;
  /** Days of the month that the usage figure covers (may be fractional). */
  coveredDays: number;
  /** usage / coveredDays, or null. */
  dailyAverage: string | null;
}

/** One calendar month of a gauge source. */
export interface MonthStats {
  month: string;
  start: Date;
  end: Date;
  count: number;
  average: string | null;
  min: string | null;
  max: string | null;
}
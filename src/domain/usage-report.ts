/**
 * The text answer to `usage meter 1` / `usage meter 1 2026-10`. Pure: the store
 * supplies the months (src/store/usage.ts), this turns them into a short message in Thai or
 * English. Figures stay decimal strings until they are formatted for display.
 */
import Decimal from 'decimal.js';
import { DateTime } from 'luxon';
import { formatMonth, formatNumber, withUnit } from './format';
import type { Language, MonthStats, MonthUsage, SourceKind } from './types';

/** The months a report reads: the month itself, the one before, and the same month last year. */
export type ReportFigures =
  | { kind: Exclude<SourceKind, 'gauge'>; months: readonly MonthUsage[] }
  | { kind: 'gauge'; months: readonly MonthStats[] };

export interface UsageReportInput {
  language: Language;
  meter: { name: string; unit: string };
  /** The month to report, 'YYYY-MM' in the meter's time zone. */
  month: string;
  /** Should cover usageReportRange(month); months missing from it count as unknown. */
  figures: ReportFigures;
  /** Tells the current month (month to date) from a past month that readings cover in part. */
  now: Date;
}

const Display = Decimal.clone({ precision: 80, rounding: Decimal.ROUND_HALF_UP });
/** Usage, averages and differences are shown to at most this many decimals. */
const SHOWN_DECIMALS = 2;

type Text = {
  usage: (amount: string) => string;
  total: (amount: string) => string;
  dailyAverage: (amount: string) => string;
  measured: string;
  interpolated: string;
  deltaMeasured: string;
  partial: (covered: string, days: string) => string;
  /** covered: days as text, or null for less than a day. */
  monthToDate: (covered: string | null) => string;
  projected: (amount: string) => string;
  noProjection: string;
  noData: (month: string) => string;
  compared: (month: string, change: string) => string;
  projectedMark: string;
  average: (amount: string, count: number) => string;
  range: (min: string, max: string) => string;
  noReadings: (month: string) => string;
};

const TEXT: Record<Language, Text> = {
  en: {
    usage: (amount) => `Usage: ${amount}`,
    total: (amount) => `Total: ${amount}`,
    dailyAverage: (amount) => `Daily average: ${amount}`,
    measured: 'Measured: readings at the start and end of the month.',
    interpolated: 'Interpolated: the month starts or ends between two readings.',
    deltaMeasured: 'Sum of the amounts recorded in the month.',
    partial: (covered, days) => `Partial: readings cover ${covered} of ${days} days.`,
    monthToDate: (covered) =>
      `Month to date (${covered === null ? 'less than a day' : `${covered} ${covered === '1' ? 'day' : 'days'}`}).`,
    projected: (amount) => `Projected for the whole month: ${amount}`,
    noProjection: 'Not enough readings yet to project the whole month.',
    noData: (month) => `No data for ${month}.`,
    compared: (month, change) => `Compared with ${month}: ${change}`,
    projectedMark: ' (projected)',
    average: (amount, count) =>
      `Average: ${amount} (${count} ${count === 1 ? 'reading' : 'readings'})`,
    range: (min, max) => `Min ${min} · Max ${max}`,
    noReadings: (month) => `No readings in ${month}.`,
  },
  th: {
    usage: (amount) => `ใช้ไป: ${amount}`,
    total: (amount) => `รวม: ${amount}`,
    dailyAverage: (amount) => `เฉลี่ยต่อวัน: ${amount}`,
    measured: 'วัดจริง: มีค่าที่จดไว้ตอนต้นเดือนและสิ้นเดือน',
    interpolated: 'ประมาณค่า: ต้นเดือนหรือสิ้นเดือนอยู่ระหว่างค่าที่จดสองครั้ง',
    deltaMeasured: 'ผลรวมของรายการที่บันทึกในเดือนนี้',
    partial: (covered, days) => `ข้อมูลบางส่วน: ค่าที่จดครอบคลุม ${covered} จาก ${days} วัน`,
    monthToDate: (covered) => `ตั้งแต่ต้นเดือนถึงตอนนี้ (${covered === null ? 'ไม่ถึงวัน' : `${covered} วัน`})`,
    projected: (amount) => `คาดว่าทั้งเดือน: ${amount}`,
    noProjection: 'ยังมีค่าที่จดไม่พอสำหรับคาดการณ์ทั้งเดือน',
    noData: (month) => `ไม่มีข้อมูลของเดือน${month}`,
    compared: (month, change) => `เทียบกับ${month}: ${change}`,
    projectedMark: ' (คาดการณ์)',
    average: (amount, count) => `ค่าเฉลี่ย: ${amount} (จด ${count} ครั้ง)`,
    range: (min, max) => `ต่ำสุด ${min} · สูงสุด ${max}`,
    noReadings: (month) => `ไม่มีค่าที่จดในเดือน${month}`,
  },
};

// ---------------------------------------------------------------------------------------------
// Months

function parseMonth(month: string): { year: number; month: number } {
  const match = /^(\d{4})-(0[1-9]|1[0-2])$/.exec(month);
  if (!match) throw new RangeError(`Not a month (YYYY-MM): ${JSON.stringify(month)}`);
  return { year: Number(match[1]), month: Number(match[2]) };
}

/** 'YYYY-MM' shifted by `delta` months. */
export function addMonths(month: string, delta: number): string {
  const parsed = parseMonth(month);
  const index = parsed.year * 12 + (parsed.month - 1) + delta;
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;
}

/** The month holding `instant` in `timezone`, 'YYYY-MM' (what `usage meter 1` reports). */
export function monthOfInstant(instant: Date, timezone: string): string {
  return DateTime.fromJSDate(instant, { zone: timezone }).toFormat('yyyy-MM');
}

/** The months to load for a report: a year back, so the same month last year is included. */
export function usageReportRange(month: string): { from: string; to: string } {
  return { from: addMonths(month, -12), to: month };
}

// ---------------------------------------------------------------------------------------------
// Numbers

/** An amount with its unit, at most SHOWN_DECIMALS decimals: "4,521.5 kWh". */
const amount = (value: string, unit: string): string => withUnit(value, unit, SHOWN_DECIMALS);

/** "+5.2%", "-3.1%", "0%"; null when the base is zero (no meaningful ratio). */
function percentChange(now: string, before: string): string | null {
  const base = new Display(before);
  if (base.isZero()) return null;
  const change = new Display(now).minus(base).div(base.abs()).times(100).toDecimalPlaces(1);
  return `${signed(change)}%`;
}

function signed(value: Decimal): string {
  const text = formatNumber(value.toFixed(), SHOWN_DECIMALS);
  return value.isPositive() && !value.isZero() ? `+${text}` : text;
}

// ---------------------------------------------------------------------------------------------
// The report

const isCurrent = (m: { start: Date; end: Date }, now: Date) => m.start <= now && now < m.end;

/**
 * The month's total as it compares with other months: a whole month's usage, or the projected
 * total of the current month; null when only part of the month is known.
 */
function comparableTotal(m: MonthUsage | undefined): { value: string; projected: boolean } | null {
  if (!m || m.usage === null) return null;
  if (m.projected !== null) return { value: m.projected, projected: true };
  if (m.status === 'measured' || m.status === 'interpolated') {
    return { value: m.usage, projected: false };
  }
  return null;
}

function usageLines(
  input: UsageReportInput,
  kind: Exclude<SourceKind, 'gauge'>,
  months: readonly MonthUsage[],
): string[] {
  const { language, month, now } = input;
  const { unit } = input.meter;
  const text = TEXT[language];
  const byMonth = new Map(months.map((m) => [m.month, m]));
  const figure = byMonth.get(month);
  if (!figure || figure.status === 'none' || figure.usage === null) {
    return [text.noData(formatMonth(month, language))];
  }

  const lines = [
    kind === 'delta'
      ? text.total(amount(figure.usage, unit))
      : text.usage(amount(figure.usage, unit)),
  ];
  if (figure.dailyAverage !== null) {
    lines.push(text.dailyAverage(amount(figure.dailyAverage, unit)));
  }
  const covered = formatNumber(String(figure.coveredDays), 1);
  const toDate =
    isCurrent(figure, now) && figure.status !== 'measured' && figure.status !== 'interpolated';
  if (toDate) {
    // Readings only hours apart cover "less than a day", not "0 days".
    lines.push(text.monthToDate(figure.coveredDays < 1 ? null : covered));
    lines.push(
      figure.projected !== null
        ? text.projected(amount(figure.projected, unit))
        : text.noProjection,
    );
  } else if (figure.status === 'partial') {
    const monthDays = formatNumber(
      String((figure.end.getTime() - figure.start.getTime()) / 86_400_000),
      1,
    );
    lines.push(text.partial(covered, monthDays));
  } else if (kind === 'delta') {
    lines.push(text.deltaMeasured);
  } else {
    lines.push(figure.status === 'measured' ? text.measured : text.interpolated);
  }

  const total = comparableTotal(figure);
  for (const other of [addMonths(month, -1), addMonths(month, -12)]) {
    const base = comparableTotal(byMonth.get(other));
    if (!total || !base || base.projected) continue;
    const change = percentChange(total.value, base.value);
    if (change === null) continue;
    const mark = total.projected ? text.projectedMark : '';
    lines.push(text.compared(formatMonth(other, language), `${change}${mark}`));
  }
  return lines;
}

function gaugeLines(input: UsageReportInput, months: readonly MonthStats[]): string[] {
  const { language, month } = input;
  const { unit } = input.meter;
  const text = TEXT[language];
  const byMonth = new Map(months.map((m) => [m.month, m]));
  const figure = byMonth.get(month);
  if (!figure || figure.count === 0 || figure.average === null) {
    return [text.noReadings(formatMonth(month, language))];
  }
  const lines = [text.average(amount(figure.average, unit), figure.count)];
  if (figure.min !== null && figure.max !== null) {
    lines.push(text.range(amount(figure.min, unit), amount(figure.max, unit)));
  }
  // A difference, not a percentage: 10 % warmer means nothing for a temperature.
  for (const other of [addMonths(month, -1), addMonths(month, -12)]) {
    const base = byMonth.get(other)?.average;
    if (base === null || base === undefined) continue;
    const difference = signed(new Display(figure.average).minus(base));
    lines.push(
      text.compared(formatMonth(other, language), unit ? `${difference} ${unit}` : difference),
    );
  }
  return lines;
}

/**
 * The usage message: the meter and month, the usage (or a gauge's average, min and max), the
 * daily average, how the figure was obtained (measured / interpolated / partial / month to date
 * with its projection / no data), and the change against the previous month and the same month
 * last year when both figures are whole-month figures.
 */
export function usageReport(input: UsageReportInput): string {
  const { heading, lines } = usageReportParts(input);
  return [heading, ...lines].join('\n');
}

/** The usage message in parts: a heading (meter and month) and its lines (for a card). */
export function usageReportParts(input: UsageReportInput): { heading: string; lines: string[] } {
  const heading = `${input.meter.name} — ${formatMonth(input.month, input.language)}`;
  const lines =
    input.figures.kind === 'gauge'
      ? gaugeLines(input, input.figures.months)
      : usageLines(input, input.figures.kind, input.figures.months);
  return { heading, lines };
}

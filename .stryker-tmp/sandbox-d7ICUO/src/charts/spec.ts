// @ts-nocheck
// Chart.js configurations for the bot's charts (DESIGN §5). Pure: no canvas here, so the
// specs can be built and inspected anywhere; src/charts/renderer.ts turns them into PNGs.
// Decimal strings become numbers only at this point, for drawing; nothing computed here is stored.

import type { ChartConfiguration, Point, Scale } from 'chart.js';
import { DateTime } from 'luxon';
import type { Language, MonthStats, MonthUsage } from '../domain/types';

/** Fixed colours so that the same data always gives the same pixels (tests rely on them). */
export const CHART_COLOURS = {
  usage: '#1f77b4',
  projectedFill: '#c6dbef',
  projectedBorder: '#6baed6',
  lastYear: '#bdbdbd',
  line: '#1f77b4',
  point: '#08306b',
  average: '#d62728',
  range: '#f4c7c3',
  title: '#222222',
  text: '#444444',
} as const;

export type MonthlyChartSpec = ChartConfiguration<'bar', (number | null)[], string>;
export type ReadingsChartSpec = ChartConfiguration<'line', Point[], unknown>;
export type GaugeChartSpec = ChartConfiguration<'line', (number | null)[], string>;
/** Everything the renderer accepts. */
export type ChartSpec = MonthlyChartSpec | ReadingsChartSpec | GaugeChartSpec;

const MONTHS: Record<Language, readonly string[]> = {
  en: ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'],
  th: [
    'ม.ค.',
    'ก.พ.',
    'มี.ค.',
    'เม.ย.',
    'พ.ค.',
    'มิ.ย.',
    'ก.ค.',
    'ส.ค.',
    'ก.ย.',
    'ต.ค.',
    'พ.ย.',
    'ธ.ค.',
  ],
};

const TEXT = {
  en: { usage: 'Usage', projected: 'Projected', lastYear: 'Same month last year' },
  th: { usage: 'การใช้', projected: 'คาดการณ์', lastYear: 'เดือนเดียวกันปีก่อน' },
} as const;

const GAUGE_TEXT = {
  en: { average: 'Average', range: 'Min–max' },
  th: { average: 'ค่าเฉลี่ย', range: 'ต่ำสุด–สูงสุด' },
} as const;

/** Thai dates use the Buddhist era (CE + 543). */
function displayYear(year: number, language: Language): number {
  return language === 'th' ? year + 543 : year;
}

function monthName(month: number, language: Language): string {
  return MONTHS[language][month - 1] ?? String(month);
}

/** 'YYYY-MM' → "Nov 26" (en) or "พ.ย. 69" (th, Buddhist-era short year). */
export function monthLabel(month: string, language: Language): string {
  const match = /^(\d{4})-(\d{2})$/.exec(month);
  if (!match) throw new Error(`month must be YYYY-MM, got ${JSON.stringify(month)}`);
  const year = displayYear(Number(match[1]), language);
  return `${monthName(Number(match[2]), language)} ${String(year % 100).padStart(2, '0')}`;
}

/** Decimal string → number, for drawing only. */
function toNumber(value: string | null | undefined): number | null {
  if (value === null || value === undefined) return null;
  const n = Number(value);
  return Number.isFinite(n) ? n : null;
}

// Sizes are for a ~1040 px wide image that a phone shows at roughly a third of that.
const FONT = { title: 30, axisTitle: 20, ticks: 18, legend: 18 } as const;

function baseOptions(title: string, legend: boolean) {
  return {
    // Deterministic output: no animation, no HiDPI scaling, no resize observers.
    animation: false as const,
    responsive: false,
    devicePixelRatio: 1,
    events: [],
    color: CHART_COLOURS.text,
    layout: { padding: { top: 8, right: 24, bottom: 8, left: 8 } },
    plugins: {
      title: {
        display: title.length > 0,
        text: title,
        color: CHART_COLOURS.title,
        font: { size: FONT.title, weight: 'bold' as const },
        padding: { top: 8, bottom: 16 },
      },
      legend: {
        display: legend,
        labels: { font: { size: FONT.legend }, boxWidth: 28 },
      },
      tooltip: { enabled: false },
    },
  };
}

function valueAxis(unit: string, beginAtZero: boolean) {
  return {
    beginAtZero,
    title: { display: unit.length > 0, text: unit, font: { size: FONT.axisTitle } },
    ticks: { font: { size: FONT.ticks }, color: CHART_COLOURS.text },
  };
}

export interface MonthlyChartInput {
  /** The meter's name. */
  title: string;
  unit: string;
  language: Language;
  months: MonthUsage[];
  /** Same length as `months`: usage of the same month a year earlier, null when unknown. */
  lastYear?: (string | null)[];
}

/**
 * One bar per month. The current month's usage to date is a solid bar with its projected
 * remainder stacked on top in a pale fill with an outline; 'none' months have no bar; last
 * year's figures stand alongside in grey when any is known.
 */
export function monthlyChartSpec(input: MonthlyChartInput): MonthlyChartSpec {
  const { title, unit, language, months } = input;
  const text = TEXT[language];
  const labels = months.map((m) => monthLabel(m.month, language));

  const usage = months.map((m) => (m.status === 'none' ? null : toNumber(m.usage)));
  // Only the remainder above the usage so far, so the stack's top is the projected total.
  const remainder = months.map((m) => {
    const projected = toNumber(m.projected);
    if (m.status === 'none' || projected === null) return null;
    const rest = projected - (toNumber(m.usage) ?? 0);
    return rest > 0 ? rest : null;
  });
  const lastYear = months.map((_, i) => toNumber(input.lastYear?.[i]));

  const datasets: MonthlyChartSpec['data']['datasets'] = [];
  if (lastYear.some((v) => v !== null)) {
    // Listed first so that it stands to the left of this year's bar.
    datasets.push({
      label: text.lastYear,
      data: lastYear,
      stack: 'lastYear',
      backgroundColor: CHART_COLOURS.lastYear,
      borderWidth: 0,
    });
  }
  datasets.push({
    label: text.usage,
    data: usage,
    stack: 'current',
    backgroundColor: CHART_COLOURS.usage,
    borderWidth: 0,
  });
  if (remainder.some((v) => v !== null)) {
    datasets.push({
      label: text.projected,
      data: remainder,
      stack: 'current',
      backgroundColor: CHART_COLOURS.projectedFill,
      borderColor: CHART_COLOURS.projectedBorder,
      borderWidth: 2,
      // Outline the top and sides only; the bottom touches the usage bar.
      borderSkipped: 'start',
    });
  }

  return {
    type: 'bar',
    data: { labels, datasets },
    options: {
      ...baseOptions(title, datasets.length > 1),
      scales: {
        x: {
          stacked: true,
          grid: { display: false },
          ticks: { font: { size: FONT.ticks }, color: CHART_COLOURS.text },
        },
        y: { ...valueAxis(unit, true), stacked: true },
      },
    },
  };
}

export interface ReadingsChartInput {
  title: string;
  unit: string;
  language: Language;
  points: { takenAt: Date; value: string }[];
  /** IANA zone of the source, for the date labels. */
  timezone: string;
}

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

type TickStep = { unit: 'hour' | 'day' | 'month' | 'year'; count: number; approxMs: number };

const STEPS: readonly TickStep[] = [
  { unit: 'hour', count: 1, approxMs: HOUR },
  { unit: 'hour', count: 3, approxMs: 3 * HOUR },
  { unit: 'hour', count: 6, approxMs: 6 * HOUR },
  { unit: 'hour', count: 12, approxMs: 12 * HOUR },
  { unit: 'day', count: 1, approxMs: DAY },
  { unit: 'day', count: 2, approxMs: 2 * DAY },
  { unit: 'day', count: 7, approxMs: 7 * DAY },
  { unit: 'month', count: 1, approxMs: 30.5 * DAY },
  { unit: 'month', count: 2, approxMs: 61 * DAY },
  { unit: 'month', count: 3, approxMs: 91 * DAY },
  { unit: 'month', count: 6, approxMs: 183 * DAY },
  { unit: 'year', count: 1, approxMs: 365 * DAY },
];

const MAX_TICKS = 10;

/** Tick positions on calendar boundaries in the meter's zone (the linear scale knows no dates). */
export function calendarTicks(
  minMs: number,
  maxMs: number,
  zone: string,
): { step: TickStep; ticks: number[] } {
  const span = Math.max(maxMs - minMs, 1);
  const step = STEPS.find((s) => span / s.approxMs <= MAX_TICKS) ?? {
    unit: 'year' as const,
    count: Math.ceil(span / (365 * DAY) / MAX_TICKS),
    approxMs: 365 * DAY,
  };
  let t = DateTime.fromMillis(minMs, { zone }).startOf(step.unit);
  // Align multi-unit steps to round values (00:00/06:00…, Jan/Apr/Jul/Oct…).
  if (step.unit === 'hour') t = t.set({ hour: t.hour - (t.hour % step.count) });
  if (step.unit === 'month') t = t.set({ month: t.month - ((t.month - 1) % step.count) });
  const ticks: number[] = [];
  for (; t.toMillis() <= maxMs; t = t.plus({ [`${step.unit}s`]: step.count })) {
    if (t.toMillis() >= minMs) ticks.push(t.toMillis());
  }
  return { step, ticks };
}

function tickLabel(ms: number, step: TickStep, zone: string, language: Language): string {
  const t = DateTime.fromMillis(ms, { zone });
  const month = monthName(t.month, language);
  const shortYear = String(displayYear(t.year, language) % 100).padStart(2, '0');
  switch (step.unit) {
    case 'hour':
      return t.hour === 0 ? `${t.day} ${month}` : t.toFormat('HH:mm');
    case 'day':
      return `${t.day} ${month}`;
    case 'month':
      return `${month} ${shortYear}`;
    case 'year':
      return String(displayYear(t.year, language));
  }
}

/**
 * Readings over time as a line. The x axis is linear in milliseconds so irregular readings
 * keep their true spacing; ticks fall on local calendar boundaries of `timezone`.
 */
export function readingsChartSpec(input: ReadingsChartInput): ReadingsChartSpec {
  const { title, unit, language, timezone } = input;
  const data: Point[] = input.points
    .map((p) => ({ x: p.takenAt.getTime(), y: toNumber(p.value) }))
    .filter((p): p is Point => p.y !== null)
    .sort((a, b) => a.x - b.x);

  const first = data[0]?.x ?? 0;
  const last = data[data.length - 1]?.x ?? first;
  // A lone reading still needs a visible x range; a margin keeps end markers unclipped.
  const margin = last > first ? (last - first) * 0.02 : 12 * HOUR;
  const [min, max] = [first - margin, last + margin];
  const { step, ticks } = calendarTicks(min, max, timezone);

  return {
    type: 'line',
    data: {
      datasets: [
        {
          label: unit,
          data,
          borderColor: CHART_COLOURS.line,
          borderWidth: 3,
          // Markers help with a few readings and only clutter a year of daily ones.
          pointRadius: data.length > 60 ? 0 : 5,
          pointBackgroundColor: CHART_COLOURS.point,
          pointBorderWidth: 0,
          tension: 0,
        },
      ],
    },
    options: {
      ...baseOptions(title, false),
      parsing: false,
      scales: {
        x: {
          type: 'linear',
          min,
          max,
          grid: { display: true },
          afterBuildTicks: (axis: Scale) => {
            axis.ticks = ticks.map((value) => ({ value }));
          },
          ticks: {
            font: { size: FONT.ticks },
            color: CHART_COLOURS.text,
            maxRotation: 0,
            callback: (value) => tickLabel(Number(value), step, timezone, language),
          },
        },
        y: valueAxis(unit, false),
      },
    },
  };
}

export interface GaugeChartInput {
  title: string;
  unit: string;
  language: Language;
  months: MonthStats[];
}

/** Monthly average of a gauge source as a line inside a shaded min–max band. */
export function gaugeChartSpec(input: GaugeChartInput): GaugeChartSpec {
  const { title, unit, language, months } = input;
  const text = GAUGE_TEXT[language];
  const labels = months.map((m) => monthLabel(m.month, language));
  // Chart.js draws higher `order` first: the band goes under the average line.
  const line = { pointRadius: 0, borderWidth: 0, spanGaps: false, tension: 0, order: 1 };

  return {
    type: 'line',
    data: {
      labels,
      datasets: [
        // The band is the area between the min line (hidden) and the max line.
        {
          ...line,
          label: '',
          data: months.map((m) => toNumber(m.min)),
          borderColor: CHART_COLOURS.range,
          fill: false,
        },
        {
          ...line,
          label: text.range,
          data: months.map((m) => toNumber(m.max)),
          borderColor: CHART_COLOURS.range,
          backgroundColor: CHART_COLOURS.range,
          fill: '-1',
        },
        {
          label: text.average,
          data: months.map((m) => toNumber(m.average)),
          borderColor: CHART_COLOURS.average,
          backgroundColor: CHART_COLOURS.average,
          borderWidth: 3,
          pointRadius: 5,
          spanGaps: false,
          tension: 0,
          fill: false,
          order: 0,
        },
      ],
    },
    options: {
      ...baseOptions(title, true),
      plugins: {
        ...baseOptions(title, true).plugins,
        legend: {
          display: true,
          labels: {
            font: { size: FONT.legend },
            boxWidth: 28,
            // The min line exists only to bound the band.
            filter: (item) => item.text !== '',
          },
        },
      },
      scales: {
        x: {
          // Half a category of room at both ends, so end markers are not clipped.
          offset: true,
          grid: { display: false },
          ticks: { font: { size: FONT.ticks }, color: CHART_COLOURS.text },
        },
        y: valueAxis(unit, false),
      },
    },
  };
}

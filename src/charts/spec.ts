// Chart.js configurations for the bot's charts. Pure: no canvas here, so the
// specs can be built and inspected anywhere; src/charts/renderer.ts turns them into PNGs.
// Decimal strings become numbers only at this point, for drawing; nothing computed here is stored.
// The look (size, colours, type sizes) comes from ./theme, shared with other drawn images.

import type { Chart, ChartConfiguration, Plugin, Point, Scale } from 'chart.js';
import { DateTime } from 'luxon';
import type { Language, MonthStats, MonthUsage } from '../domain/types';
import { barValueLabel, displayYear, monthLabel, monthTickLines, shortMonthName } from './labels';
import { CHART_SIZE, cssFont, FONT_SIZE, HATCH, PAGE_PADDING, PALETTE, TITLE_STYLE } from './theme';

export { monthLabel } from './labels';

/** The theme's palette under the name the chart code and its tests have always used. */
export const CHART_COLOURS = PALETTE;

export type MonthlyChartSpec = ChartConfiguration<'bar', (number | null)[], string>;
export type ReadingsChartSpec = ChartConfiguration<'line', Point[], unknown>;
export type GaugeChartSpec = ChartConfiguration<'line', (number | null)[], string>;
/** Everything the renderer accepts. */
export type ChartSpec = MonthlyChartSpec | ReadingsChartSpec | GaugeChartSpec;

/** A monthly chart of a young meter still shows this many months, so one bar is not alone. */
export const MIN_CHART_MONTHS = 3;

const TEXT = {
  en: {
    usage: 'Usage',
    soFar: 'So far',
    partMonth: 'Part of month',
    soFarOrPart: 'So far / part of month',
    projected: 'Projected',
    lastYear: 'Last year',
  },
  th: {
    usage: 'การใช้',
    soFar: 'ถึงตอนนี้',
    partMonth: 'ไม่เต็มเดือน',
    soFarOrPart: 'ถึงตอนนี้ / ไม่เต็มเดือน',
    projected: 'คาดการณ์',
    lastYear: 'ปีที่แล้ว',
  },
} as const;

const GAUGE_TEXT = {
  en: { average: 'Average', range: 'Min–max' },
  th: { average: 'ค่าเฉลี่ย', range: 'ต่ำสุด–สูงสุด' },
} as const;

/** Decimal string → number, for drawing only. */
export function toNumber(value: string | null | undefined): number | null {
  if (value === null || value === undefined) return null;
  const n = Number(value);
  return Number.isFinite(n) ? n : null;
}

/**
 * The index of the first month to show: the first with anything to draw, but never so late
 * that fewer than `min` months remain. A meter added two months ago then shows its three
 * months, not a year of mostly empty ones; a chart with no data at all shows the last `min`.
 */
export function firstShownMonth(hasData: readonly boolean[], min = MIN_CHART_MONTHS): number {
  const first = hasData.indexOf(true);
  const latestStart = Math.max(0, hasData.length - min);
  return first === -1 ? latestStart : Math.min(first, latestStart);
}

/**
 * Draws at CHART_SIZE whatever size of canvas the renderer holds: the layout and type sizes
 * are made for that size. Runs before chart.js sizes its canvas, so nothing is drawn twice.
 */
export function pageSize(width: number, height: number): Plugin {
  return {
    id: 'homeLogPageSize',
    beforeInit(chart) {
      if (chart.width !== width || chart.height !== height) chart.resize(width, height);
    },
  };
}

/** One number drawn on a bar: above its top, or inside near its top when it fits there. */
export interface BarValueLabel {
  datasetIndex: number;
  index: number;
  text: string;
  place: 'above' | 'inside';
}

interface BarRect {
  x: number;
  y: number;
  base: number;
  width: number;
}

function barRect(chart: Chart, datasetIndex: number, index: number): BarRect | null {
  const element = chart.getDatasetMeta(datasetIndex).data[index];
  if (!element) return null;
  const rect = element.getProps(['x', 'y', 'base', 'width'], true) as unknown as BarRect;
  return Number.isFinite(rect.y) && Number.isFinite(rect.base) ? rect : null;
}

function fontOf(chart: Chart, size: number): string {
  const family = (chart.options.font as { family?: string } | undefined)?.family ?? 'sans-serif';
  return cssFont(size, 'bold', family);
}

/**
 * Value labels and hatching for bar charts (chart.js has neither built in). Labels above bars
 * share one size, shrunk to fit the width of a month's slot; when even the smallest size is too
 * wide (many months), they stand upright instead. A label inside a bar is left out when the
 * bar is too short or narrow to hold it.
 */
function barDecorations(labels: readonly BarValueLabel[], hatchedDatasets: number[]): Plugin {
  return {
    id: 'homeLogBarDecorations',
    afterDatasetDraw(chart, { index: datasetIndex }) {
      if (!hatchedDatasets.includes(datasetIndex)) return;
      const { ctx } = chart;
      chart.getDatasetMeta(datasetIndex).data.forEach((_, index) => {
        const rect = barRect(chart, datasetIndex, index);
        if (!rect || Math.abs(rect.base - rect.y) < 2) return;
        const left = rect.x - rect.width / 2;
        const top = Math.min(rect.y, rect.base);
        const height = Math.abs(rect.base - rect.y);
        ctx.save();
        ctx.beginPath();
        ctx.rect(left, top, rect.width, height);
        ctx.clip();
        ctx.strokeStyle = PALETTE.projectedBorder;
        ctx.lineWidth = HATCH.lineWidth;
        ctx.beginPath();
        // Lines rising to the right, far enough apart that the pale fill shows between them.
        for (let d = -height; d < rect.width + height; d += HATCH.spacing) {
          ctx.moveTo(left + d, top + height);
          ctx.lineTo(left + d + height, top);
        }
        ctx.stroke();
        ctx.restore();
      });
    },
    afterDatasetsDraw(chart) {
      const { ctx } = chart;
      const xScale = chart.scales.x;
      const slots = chart.data.labels?.length ?? 0;
      if (!xScale || slots === 0) return;
      const slot = (xScale.width / slots) * 0.92;
      const above = labels.filter((l) => l.place === 'above');

      ctx.save();
      ctx.font = fontOf(chart, FONT_SIZE.valueLabel);
      const widest = Math.max(1, ...above.map((l) => ctx.measureText(l.text).width));
      const fitting = Math.floor((FONT_SIZE.valueLabel * slot) / widest);
      const upright = fitting < FONT_SIZE.valueLabelMin;
      const size = upright
        ? Math.max(12, Math.min(FONT_SIZE.valueLabel, Math.floor(slot * 0.8)))
        : Math.min(FONT_SIZE.valueLabel, fitting);
      ctx.font = fontOf(chart, size);
      ctx.fillStyle = PALETTE.title;

      for (const label of labels) {
        const rect = barRect(chart, label.datasetIndex, label.index);
        if (!rect) continue;
        const top = Math.min(rect.y, rect.base);
        if (label.place === 'inside') {
          drawInside(ctx, chart, rect, label.text, size);
        } else if (upright) {
          ctx.save();
          ctx.translate(rect.x, top - 6);
          ctx.rotate(-Math.PI / 2);
          ctx.textAlign = 'left';
          ctx.textBaseline = 'middle';
          ctx.fillText(label.text, 0, 0);
          ctx.restore();
        } else {
          ctx.textAlign = 'center';
          ctx.textBaseline = 'bottom';
          ctx.fillText(label.text, rect.x, top - 6);
        }
      }
      ctx.restore();
    },
  };
}

/**
 * A label inside a bar, near its top: across when the bar is wide enough, else upright in a
 * type that fits the bar's width; left out when neither fits.
 */
function drawInside(
  ctx: Chart['ctx'],
  chart: Chart,
  rect: BarRect,
  text: string,
  size: number,
): void {
  const top = Math.min(rect.y, rect.base);
  const height = Math.abs(rect.base - rect.y);
  ctx.save();
  if (ctx.measureText(text).width <= rect.width - 6 && height >= size + 12) {
    ctx.textAlign = 'center';
    ctx.textBaseline = 'top';
    ctx.fillText(text, rect.x, top + 6);
  } else {
    const upright = Math.min(size, Math.floor(rect.width * 0.8));
    ctx.font = fontOf(chart, upright);
    if (upright >= FONT_SIZE.valueLabelMin && ctx.measureText(text).width <= height - 12) {
      ctx.translate(rect.x, top + 6);
      ctx.rotate(-Math.PI / 2);
      ctx.textAlign = 'right';
      ctx.textBaseline = 'middle';
      ctx.fillText(text, 0, 0);
    }
  }
  ctx.restore();
}

export function baseOptions(title: string, legend: boolean) {
  return {
    // Deterministic output: no animation, no HiDPI scaling, no resize observers.
    animation: false as const,
    responsive: false,
    // The page is CHART_SIZE whatever canvas it lands on (see pageSize).
    maintainAspectRatio: false,
    devicePixelRatio: 1,
    events: [],
    color: PALETTE.text,
    layout: { padding: { ...PAGE_PADDING } },
    plugins: {
      title: {
        display: title.length > 0,
        text: title,
        color: TITLE_STYLE.colour,
        font: { size: TITLE_STYLE.size, weight: TITLE_STYLE.weight },
        padding: { ...TITLE_STYLE.padding },
      },
      legend: {
        display: legend,
        labels: { font: { size: FONT_SIZE.legend }, boxWidth: 36, boxHeight: 24, padding: 16 },
      },
      tooltip: { enabled: false },
    },
  };
}

export function valueAxis(unit: string, beginAtZero: boolean) {
  return {
    beginAtZero,
    title: { display: unit.length > 0, text: unit, font: { size: FONT_SIZE.axisTitle } },
    grid: { color: PALETTE.grid },
    ticks: { font: { size: FONT_SIZE.ticks }, color: PALETTE.text },
  };
}

/** A category axis of months: two-line labels ("Jan" over "2026"), upright. */
function monthAxis() {
  return {
    grid: { display: false },
    ticks: {
      font: { size: FONT_SIZE.ticks },
      color: PALETTE.text,
      maxRotation: 0,
      callback(this: Scale, value: string | number) {
        return monthTickLines(String(this.getLabelForValue(Number(value))));
      },
    },
  };
}

export interface MonthlyChartInput {
  /** The meter's name. */
  title: string;
  unit: string;
  language: Language;
  /** Consecutive months ending with the current one. */
  months: MonthUsage[];
  /** Same length as `months`: usage of the same month a year earlier, null when unknown. */
  lastYear?: (string | null)[];
  /** Pixels of the picture; default CHART_SIZE. */
  size?: { width: number; height: number };
}

const isWholeMonth = (m: MonthUsage) => m.status === 'measured' || m.status === 'interpolated';

/**
 * One bar per month, from the first month with data (at least MIN_CHART_MONTHS). Whole months
 * are solid; a month known in part (the current month so far, or one that readings cover in
 * part) is lighter, with the current month's projected remainder stacked on top, pale and
 * hatched; 'none' months have no bar; last year's figures stand alongside in grey when any is
 * known. Each month's figure is written above its bar (≈ for a projection), and the current
 * month's figure so far inside its lighter part.
 */
export function monthlyChartSpec(input: MonthlyChartInput): MonthlyChartSpec {
  const { title, unit, language } = input;
  const text = TEXT[language];
  const size = input.size ?? CHART_SIZE;
  const knownLastYear = (i: number) => toNumber(input.lastYear?.[i]) !== null;
  const start = firstShownMonth(
    input.months.map((m, i) => m.status !== 'none' || knownLastYear(i)),
  );
  const months = input.months.slice(start);
  const lastYearFigures = months.map((_, i) => input.lastYear?.[start + i] ?? null);
  const labels = months.map((m) => monthLabel(m.month, language));

  const whole = months.map((m) => (isWholeMonth(m) ? toNumber(m.usage) : null));
  const part = months.map((m) =>
    m.status === 'partial' || m.status === 'projected' ? toNumber(m.usage) : null,
  );
  // Only the remainder above the usage so far, so the stack's top is the projected total.
  const remainder = months.map((m) => {
    const projected = toNumber(m.projected);
    if (m.status === 'none' || projected === null) return null;
    const rest = projected - (toNumber(m.usage) ?? 0);
    return rest > 0 ? rest : null;
  });
  const lastYear = lastYearFigures.map(toNumber);
  // The months end with the current one; a month before it known in part had readings begin
  // or stop inside it. The legend names whichever of the two the chart shows.
  const inPart = (m: MonthUsage | undefined) =>
    m?.status === 'partial' || m?.status === 'projected';
  const hasCurrent = inPart(months[months.length - 1]);
  const hasPastPart = months.slice(0, -1).some(inPart);

  const datasets: MonthlyChartSpec['data']['datasets'] = [];
  const barLabels: BarValueLabel[] = [];
  const hatched: number[] = [];
  // A few months would otherwise give slabs as wide as a third of the picture.
  const bar = { borderWidth: 0, maxBarThickness: 150 };
  if (lastYear.some((v) => v !== null)) {
    // Listed first so that it stands to the left of this year's bar.
    datasets.push({
      ...bar,
      label: text.lastYear,
      data: lastYear,
      stack: 'lastYear',
      backgroundColor: PALETTE.lastYear,
    });
  }
  const wholeIndex = datasets.length;
  if (whole.some((v) => v !== null) || !part.some((v) => v !== null)) {
    datasets.push({
      ...bar,
      label: text.usage,
      data: whole,
      stack: 'current',
      backgroundColor: PALETTE.usage,
    });
  }
  const partIndex = datasets.length;
  if (part.some((v) => v !== null)) {
    const partLabel =
      hasCurrent && hasPastPart ? text.soFarOrPart : hasCurrent ? text.soFar : text.partMonth;
    datasets.push({
      ...bar,
      label: partLabel,
      data: part,
      stack: 'current',
      backgroundColor: PALETTE.partial,
    });
  }
  const remainderIndex = datasets.length;
  if (remainder.some((v) => v !== null)) {
    hatched.push(remainderIndex);
    datasets.push({
      ...bar,
      label: text.projected,
      data: remainder,
      stack: 'current',
      backgroundColor: PALETTE.projectedFill,
      borderColor: PALETTE.projectedBorder,
      borderWidth: 2,
      // Outline the top and sides only; the bottom touches the usage bar.
      borderSkipped: 'start',
    });
  }

  months.forEach((m, index) => {
    if (m.status === 'none' || m.usage === null) return;
    const figure = barValueLabel(m.usage);
    if (remainder[index] !== null && m.projected !== null) {
      barLabels.push({
        datasetIndex: remainderIndex,
        index,
        text: `≈${barValueLabel(m.projected)}`,
        place: 'above',
      });
      barLabels.push({ datasetIndex: partIndex, index, text: figure, place: 'inside' });
    } else {
      const datasetIndex = whole[index] !== null ? wholeIndex : partIndex;
      barLabels.push({ datasetIndex, index, text: figure, place: 'above' });
    }
  });

  return {
    type: 'bar',
    data: { labels, datasets },
    plugins: [pageSize(size.width, size.height), barDecorations(barLabels, hatched)],
    options: {
      ...baseOptions(title, datasets.length > 1),
      scales: {
        x: { ...monthAxis(), stacked: true },
        // Headroom above the tallest bar for its label.
        y: { ...valueAxis(unit, true), stacked: true, grace: '12%' },
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
  /** Pixels of the picture; default CHART_SIZE. */
  size?: { width: number; height: number };
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

/** A tick's text; month ticks carry the full year on a second line ("Jan" over "2026"). */
export function tickLabel(
  ms: number,
  step: TickStep,
  zone: string,
  language: Language,
): string | string[] {
  const t = DateTime.fromMillis(ms, { zone });
  const month = shortMonthName(t.month, language);
  switch (step.unit) {
    case 'hour':
      return t.hour === 0 ? `${t.day} ${month}` : t.toFormat('HH:mm');
    case 'day':
      return `${t.day} ${month}`;
    case 'month':
      return [month, String(displayYear(t.year, language))];
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
  const size = input.size ?? CHART_SIZE;

  return {
    type: 'line',
    plugins: [pageSize(size.width, size.height)],
    data: {
      datasets: [
        {
          label: unit,
          data,
          borderColor: PALETTE.line,
          borderWidth: 3,
          // Markers help with a few readings and only clutter a year of daily ones.
          pointRadius: data.length > 60 ? 0 : 6,
          pointBackgroundColor: PALETTE.point,
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
          grid: { display: true, color: PALETTE.grid },
          afterBuildTicks: (axis: Scale) => {
            axis.ticks = ticks.map((value) => ({ value }));
          },
          ticks: {
            font: { size: FONT_SIZE.ticks },
            color: PALETTE.text,
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
  /** Pixels of the picture; default CHART_SIZE. */
  size?: { width: number; height: number };
}

/**
 * Monthly average of a gauge source as a line inside a shaded min–max band, from the first
 * month with readings (at least MIN_CHART_MONTHS).
 */
export function gaugeChartSpec(input: GaugeChartInput): GaugeChartSpec {
  const { title, unit, language } = input;
  const months = input.months.slice(firstShownMonth(input.months.map((m) => m.count > 0)));
  const text = GAUGE_TEXT[language];
  const size = input.size ?? CHART_SIZE;
  const labels = months.map((m) => monthLabel(m.month, language));
  // Chart.js draws higher `order` first: the band goes under the average line.
  const line = { pointRadius: 0, borderWidth: 0, spanGaps: false, tension: 0, order: 1 };

  return {
    type: 'line',
    plugins: [pageSize(size.width, size.height)],
    data: {
      labels,
      datasets: [
        // The band is the area between the min line (hidden) and the max line.
        {
          ...line,
          label: '',
          data: months.map((m) => toNumber(m.min)),
          borderColor: PALETTE.range,
          fill: false,
        },
        {
          ...line,
          label: text.range,
          data: months.map((m) => toNumber(m.max)),
          borderColor: PALETTE.range,
          backgroundColor: PALETTE.range,
          fill: '-1',
        },
        {
          label: text.average,
          data: months.map((m) => toNumber(m.average)),
          borderColor: PALETTE.average,
          backgroundColor: PALETTE.average,
          borderWidth: 3,
          pointRadius: 6,
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
            font: { size: FONT_SIZE.legend },
            boxWidth: 36,
            boxHeight: 24,
            padding: 16,
            // The min line exists only to bound the band.
            filter: (item) => item.text !== '',
          },
        },
      },
      scales: {
        x: {
          ...monthAxis(),
          // Half a category of room at both ends, so end markers are not clipped.
          offset: true,
        },
        y: valueAxis(unit, false),
      },
    },
  };
}

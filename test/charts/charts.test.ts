// Charts are checked on real PNGs from the real renderer: decoded with pngjs and measured by
// scanning for the fixed colours of the chart theme (src/charts/theme.ts).

import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { PNG } from 'pngjs';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { barValueLabel, monthTickLines } from '../../src/charts/labels';
import {
  BUNDLED_FONT_FAMILY,
  BUNDLED_FONT_FILE,
  createChartRenderer,
  KNOWN_FONT_FILES,
  LINE_ORIGINAL_MAX_BYTES,
  LINE_PREVIEW_MAX_BYTES,
  resolveFontFile,
} from '../../src/charts/renderer';
import {
  CHART_COLOURS,
  type ChartSpec,
  calendarTicks,
  firstShownMonth,
  gaugeChartSpec,
  MIN_CHART_MONTHS,
  type MonthlyChartSpec,
  monthLabel,
  monthlyChartSpec,
  readingsChartSpec,
  tickLabel,
} from '../../src/charts/spec';
import { CHART_SIZE } from '../../src/charts/theme';
import type { MonthStats, MonthStatus, MonthUsage } from '../../src/domain/types';

// ---- helpers ---------------------------------------------------------------------------

type Rgb = readonly [number, number, number];

function rgb(hex: string): Rgb {
  const n = Number.parseInt(hex.slice(1), 16);
  return [(n >> 16) & 255, (n >> 8) & 255, n & 255];
}

function decode(buf: Buffer): PNG {
  return PNG.sync.read(buf);
}

function pixel(png: PNG, x: number, y: number): Rgb {
  const i = (y * png.width + x) * 4;
  return [png.data[i] ?? 0, png.data[i + 1] ?? 0, png.data[i + 2] ?? 0];
}

/** Exact colour up to a little rounding; bar interiors are flat fills. */
function isColour(png: PNG, x: number, y: number, colour: Rgb, tolerance = 3): boolean {
  const p = pixel(png, x, y);
  return p.every((c, i) => Math.abs(c - (colour[i] ?? 0)) <= tolerance);
}

function countColour(png: PNG, colour: Rgb): number {
  let n = 0;
  for (let y = 0; y < png.height; y++)
    for (let x = 0; x < png.width; x++) if (isColour(png, x, y, colour)) n++;
  return n;
}

interface Bar {
  centre: number;
  /** Row of the topmost full-colour pixel of the run that stands on the baseline. */
  top: number;
  /** In pixels, counting the anti-aliased edge rows by their coverage. */
  height: number;
  /** First and last column of the bar. */
  left: number;
  right: number;
}

/** How much of a pixel an edge of `colour` covers, judged on the channel that differs most from white. */
function coverage(png: PNG, x: number, y: number, colour: Rgb): number {
  if (y < 0 || y >= png.height) return 0;
  const p = pixel(png, x, y);
  const c = colour.indexOf(Math.min(...colour));
  const value = (255 - (p[c] ?? 255)) / (255 - (colour[c] ?? 0));
  return Math.min(1, Math.max(0, value));
}

/**
 * Bars of one colour standing on a common baseline. Per column: vertical runs of the colour at
 * least 8 px long; the baseline is the lowest run bottom (legend boxes float higher, and text
 * anti-aliasing gives no such runs); adjacent columns with a run on the baseline form one bar,
 * measured at its centre column.
 */
function findBars(png: PNG, colour: Rgb): { baseline: number; bars: Bar[] } {
  const runs: { top: number; bottom: number }[][] = [];
  let baseline = -1;
  for (let x = 0; x < png.width; x++) {
    const column: { top: number; bottom: number }[] = [];
    for (let y = 0; y < png.height; y++) {
      if (!isColour(png, x, y, colour)) continue;
      const top = y;
      while (y + 1 < png.height && isColour(png, x, y + 1, colour)) y++;
      if (y - top + 1 >= 8) column.push({ top, bottom: y });
    }
    runs.push(column);
  }
  // A bar is also at least 8 px wide; a glyph's vertical stem edge can give a tall run.
  const bottomAt = (x: number, bottom: number) =>
    runs[x]?.some((r) => Math.abs(r.bottom - bottom) <= 1) ?? false;
  runs.forEach((column, x) => {
    for (const r of column) {
      const wide = Array.from({ length: 8 }, (_, i) => x + i).every((c) => bottomAt(c, r.bottom));
      if (wide) baseline = Math.max(baseline, r.bottom);
    }
  });
  const standing = runs.map((column) => column.find((r) => r.bottom >= baseline - 1));
  const bars: Bar[] = [];
  for (let x = 0; x < png.width; ) {
    if (!standing[x]) {
      x++;
      continue;
    }
    const start = x;
    while (standing[x]) x++;
    if (x - start < 8) continue;
    const centre = Math.floor((start + x - 1) / 2);
    // Measured a few columns in from the left edge: a value label may sit inside at the centre.
    const at = start + 3;
    const run = standing[at] as { top: number; bottom: number };
    const height =
      run.bottom -
      run.top +
      1 +
      coverage(png, at, run.top - 1, colour) +
      coverage(png, at, run.bottom + 1, colour);
    bars.push({ centre, top: run.top, height, left: start, right: x - 1 });
  }
  return { baseline, bars };
}

/**
 * Pixels dark enough to be ink on white, as a set of "x,y" relative to their bounding box;
 * the whole picture or the rectangle [x0, x1) × [y0, y1).
 */
function inkBitmap(
  png: PNG,
  [x0, y0, x1, y1] = [0, 0, png.width, png.height],
): { cells: Set<string>; width: number; height: number } {
  const ink: [number, number][] = [];
  for (let y = y0; y < y1; y++)
    for (let x = x0; x < x1; x++) {
      const [r, g, b] = pixel(png, x, y);
      if (0.299 * r + 0.587 * g + 0.114 * b < 160) ink.push([x, y]);
    }
  if (ink.length === 0) return { cells: new Set(), width: 0, height: 0 };
  const minX = Math.min(...ink.map(([x]) => x));
  const minY = Math.min(...ink.map(([, y]) => y));
  const maxX = Math.max(...ink.map(([x]) => x));
  const maxY = Math.max(...ink.map(([, y]) => y));
  return {
    cells: new Set(ink.map(([x, y]) => `${x - minX},${y - minY}`)),
    width: maxX - minX + 1,
    height: maxY - minY + 1,
  };
}

/**
 * How alike two ink bitmaps are, each aligned at its own bounding box: the share of inked
 * pixels with ink within 1 px in the other (1 for the same text, even at another sub-pixel
 * offset; well under that for different text).
 */
function overlap(a: ReturnType<typeof inkBitmap>, b: ReturnType<typeof inkBitmap>): number {
  const near = (cell: string, other: Set<string>) => {
    const [x = 0, y = 0] = cell.split(',').map(Number);
    for (let dx = -1; dx <= 1; dx++)
      for (let dy = -1; dy <= 1; dy++) if (other.has(`${x + dx},${y + dy}`)) return true;
    return false;
  };
  const matched =
    [...a.cells].filter((c) => near(c, b.cells)).length +
    [...b.cells].filter((c) => near(c, a.cells)).length;
  return matched / Math.max(1, a.cells.size + b.cells.size);
}

/**
 * How box-like a glyph is: the least inked of the four sides of its bounding box (ink within
 * 1 px counts). A missing glyph is drawn as a box (Pango's hex box), inked all round; a real
 * glyph leaves at least one side mostly open.
 */
function boxness(bitmap: ReturnType<typeof inkBitmap>): number {
  const { cells, width, height } = bitmap;
  const inked = (x: number, y: number) =>
    [0, 1].some(
      (d) =>
        cells.has(`${x},${y + d}`) ||
        cells.has(`${x},${y - d}`) ||
        cells.has(`${x + d},${y}`) ||
        cells.has(`${x - d},${y}`),
    );
  const share = (points: [number, number][]) =>
    points.filter(([x, y]) => inked(x, y)).length / Math.max(1, points.length);
  const xs = Array.from({ length: width }, (_, i) => i);
  const ys = Array.from({ length: height }, (_, i) => i);
  return Math.min(
    share(xs.map((x) => [x, 0])),
    share(xs.map((x) => [x, height - 1])),
    share(ys.map((y) => [0, y])),
    share(ys.map((y) => [width - 1, y])),
  );
}

/** Near-grey dark pixels (text) in a rectangle; the bars are blue and gridlines light. */
function greyInk(png: PNG, x0: number, y0: number, x1: number, y1: number): number {
  let n = 0;
  for (let y = y0; y < y1; y++)
    for (let x = x0; x < x1; x++) {
      const [r, g, b] = pixel(png, x, y);
      if (Math.max(r, g, b) - Math.min(r, g, b) < 16 && r < 160) n++;
    }
  return n;
}

function month(
  ym: string,
  status: MonthStatus,
  usage: string | null,
  projected: string | null = null,
): MonthUsage {
  const [y, m] = ym.split('-').map(Number) as [number, number];
  return {
    month: ym,
    start: new Date(Date.UTC(y, m - 1, 1)),
    end: new Date(Date.UTC(y, m, 1)),
    status,
    usage,
    projected,
    coveredDays: 30,
    dailyAverage: null,
  };
}

// 100, 200, 400, no data, and the current month: 100 so far, 250 projected.
const MONTHS: MonthUsage[] = [
  month('2026-01', 'measured', '100'),
  month('2026-02', 'interpolated', '200'),
  month('2026-03', 'measured', '400'),
  month('2026-04', 'none', null),
  month('2026-05', 'projected', '100', '250'),
];

function usageSpec(
  lastYear?: (string | null)[],
  options: { language?: 'en' | 'th'; size?: { width: number; height: number } } = {},
): MonthlyChartSpec {
  return monthlyChartSpec({
    title: 'Electricity',
    unit: 'kWh',
    language: options.language ?? 'en',
    months: MONTHS,
    ...(lastYear ? { lastYear } : {}),
    ...(options.size ? { size: options.size } : {}),
  });
}

/** A year of months, 2026-01..2026-12, of which only the last `withData` have readings. */
function youngMeter(withData: number): MonthUsage[] {
  return Array.from({ length: 12 }, (_, i) => {
    const ym = `2026-${String(i + 1).padStart(2, '0')}`;
    const age = 12 - i; // 1 for the current month
    if (age > withData) return month(ym, 'none', null);
    if (age === 1) return month(ym, 'projected', '30', '95');
    return age === withData ? month(ym, 'partial', '40') : month(ym, 'measured', '90');
  });
}

const renderer = createChartRenderer();
afterAll(() => renderer.close());

// ---- specs (pure) ----------------------------------------------------------------------

describe('chart specs', () => {
  it('labels months with the full year, Thai in the Buddhist era', () => {
    expect(monthLabel('2026-11', 'en')).toBe('Nov 2026');
    expect(monthLabel('2026-11', 'th')).toBe('พ.ย. 2569');
    expect(monthLabel('2025-12', 'th')).toBe('ธ.ค. 2568');
    expect(monthLabel('2026-01', 'th')).toBe('ม.ค. 2569');
    expect(() => monthLabel('2026-13', 'en')).toThrow();
    expect(() => monthLabel('2026-13x', 'en')).toThrow();
    // On the axis: the month over its year.
    expect(monthTickLines('ม.ค. 2569')).toEqual(['ม.ค.', '2569']);
    expect(monthTickLines('Jan 2026')).toEqual(['Jan', '2026']);
    // Readings charts: month ticks carry the full year too.
    const step = { unit: 'month' as const, count: 1, approxMs: 0 };
    const jan = Date.UTC(2025, 11, 31, 17); // 1 Jan 2026 00:00 in Bangkok
    expect(tickLabel(jan, step, 'Asia/Bangkok', 'en')).toEqual(['Jan', '2026']);
    expect(tickLabel(jan, step, 'Asia/Bangkok', 'th')).toEqual(['ม.ค.', '2569']);
  });

  it('writes short figures for bars: fewer decimals the larger, thousands grouped', () => {
    expect(barValueLabel('1234.56')).toBe('1,235');
    expect(barValueLabel('56.75')).toBe('56.8');
    expect(barValueLabel('3.256')).toBe('3.26');
    expect(barValueLabel('0.001')).toBe('0');
    expect(barValueLabel('-12.34')).toBe('-12.3');
  });

  it('builds a monthly bar spec: whole months, the current month so far and projected', () => {
    const spec = usageSpec();
    expect(spec.type).toBe('bar');
    expect(spec.data.labels).toEqual(['Jan 2026', 'Feb 2026', 'Mar 2026', 'Apr 2026', 'May 2026']);
    const [usage, soFar, projected] = spec.data.datasets;
    expect(spec.data.datasets.map((d) => d.label)).toEqual(['Usage', 'So far', 'Projected']);
    expect(usage?.data).toEqual([100, 200, 400, null, null]);
    expect(soFar?.data).toEqual([null, null, null, null, 100]);
    expect(projected?.data).toEqual([null, null, null, null, 150]);
    expect(new Set(spec.data.datasets.map((d) => d.stack)).size).toBe(1);
    expect(soFar?.backgroundColor).not.toBe(usage?.backgroundColor);
    expect(spec.options?.plugins?.legend?.display).toBe(true);
    expect(spec.options?.plugins?.title?.text).toBe('Electricity');
    expect(spec.options?.animation).toBe(false);
    expect(spec.options?.devicePixelRatio).toBe(1);
    const y = spec.options?.scales?.y as { title?: { text?: string } } | undefined;
    expect(y?.title?.text).toBe('kWh');
  });

  it('names a month known in part "Part of month" when it is not the current one', () => {
    const months = [
      month('2026-01', 'partial', '40'),
      month('2026-02', 'measured', '90'),
      month('2026-03', 'measured', '80'),
    ];
    const spec = monthlyChartSpec({ title: 'x', unit: 'kWh', language: 'en', months });
    expect(spec.data.datasets.map((d) => d.label)).toEqual(['Usage', 'Part of month']);
    const both = monthlyChartSpec({
      title: 'x',
      unit: 'kWh',
      language: 'th',
      months: youngMeter(3),
    });
    expect(both.data.datasets.map((d) => d.label)).toEqual([
      'การใช้',
      'ถึงตอนนี้ / ไม่เต็มเดือน',
      'คาดการณ์',
    ]);
  });

  it('shows a legend only with more than one dataset, and last year only when known', () => {
    const single = monthlyChartSpec({
      title: 'x',
      unit: 'm³',
      language: 'th',
      months: [month('2026-01', 'measured', '5'), month('2026-02', 'measured', '6')],
      lastYear: [null, null],
    });
    expect(single.data.datasets).toHaveLength(1);
    expect(single.options?.plugins?.legend?.display).toBe(false);
    expect(single.data.labels).toEqual(['ม.ค. 2569', 'ก.พ. 2569']);

    const withLastYear = usageSpec(['90', null, '350', '120', '100']);
    expect(withLastYear.data.datasets.map((d) => d.label)).toEqual([
      'Last year',
      'Usage',
      'So far',
      'Projected',
    ]);
    expect(withLastYear.data.datasets.map((d) => d.data)).toEqual([
      [90, null, 350, 120, 100],
      [100, 200, 400, null, null],
      [null, null, null, null, 100],
      [null, null, null, null, 150],
    ]);
  });

  it('starts at the first month with data, showing at least three months', () => {
    expect(MIN_CHART_MONTHS).toBe(3);
    expect(firstShownMonth([false, false, true, true, true, true])).toBe(2);
    expect(firstShownMonth([false, false, false, false, true, true])).toBe(3);
    expect(firstShownMonth([false, false, false, false])).toBe(1);
    expect(firstShownMonth([false, true])).toBe(0);

    // A meter read for two months and this one: its three months, not a mostly empty year.
    const young = monthlyChartSpec({
      title: 'Water',
      unit: 'm³',
      language: 'en',
      months: youngMeter(3),
    });
    expect(young.data.labels).toEqual(['Oct 2026', 'Nov 2026', 'Dec 2026']);
    // Last year's figures shift with the months they belong to, and keep a month they know.
    const lastYear = Array.from({ length: 12 }, (_, i) => (i >= 8 ? String(i) : null));
    const withLastYear = monthlyChartSpec({
      title: 'Water',
      unit: 'm³',
      language: 'en',
      months: youngMeter(3),
      lastYear,
    });
    expect(withLastYear.data.labels).toHaveLength(4);
    expect(withLastYear.data.datasets[0]?.data).toEqual([8, 9, 10, 11]);

    // A gauge too.
    const gauge = gaugeChartSpec({
      title: 'Temp',
      unit: '°C',
      language: 'en',
      months: youngMeter(2).map((m) => ({
        month: m.month,
        start: m.start,
        end: m.end,
        count: m.status === 'none' ? 0 : 3,
        average: m.status === 'none' ? null : '36.6',
        min: null,
        max: null,
      })),
    });
    expect(gauge.data.labels).toEqual(['Oct 2026', 'Nov 2026', 'Dec 2026']);
  });

  it('puts readings-chart ticks on local calendar boundaries of the meter zone', () => {
    const zone = 'Asia/Bangkok';
    const start = Date.UTC(2026, 0, 1, 5); // 12:00 in Bangkok
    const { step, ticks } = calendarTicks(start, start + 9 * 86_400_000, zone);
    expect(step.unit).toBe('day');
    expect(ticks.length).toBeGreaterThanOrEqual(8);
    // Midnight in Bangkok is 17:00 UTC.
    for (const t of ticks) expect(new Date(t).getUTCHours()).toBe(17);

    const spec = readingsChartSpec({
      title: 't',
      unit: 'kWh',
      language: 'en',
      timezone: zone,
      points: [
        { takenAt: new Date(start + 86_400_000), value: '20' },
        { takenAt: new Date(start), value: '10.5' },
      ],
    });
    // Sorted by time; decimal strings become numbers only here.
    expect(spec.data.datasets[0]?.data).toEqual([
      { x: start, y: 10.5 },
      { x: start + 86_400_000, y: 20 },
    ]);
  });

  it('builds a gauge spec: min–max band under the average line', () => {
    const stats: MonthStats[] = [
      {
        month: '2026-01',
        start: new Date(0),
        end: new Date(0),
        count: 3,
        average: '36.6',
        min: '36.1',
        max: '37.4',
      },
      {
        month: '2026-02',
        start: new Date(0),
        end: new Date(0),
        count: 0,
        average: null,
        min: null,
        max: null,
      },
    ];
    const spec = gaugeChartSpec({ title: 'Temp', unit: '°C', language: 'en', months: stats });
    const [min, max, avg] = spec.data.datasets;
    expect(min?.data).toEqual([36.1, null]);
    expect(max?.data).toEqual([37.4, null]);
    expect(max?.fill).toBe('-1');
    expect(avg?.data).toEqual([36.6, null]);
  });
});

// ---- rendering -------------------------------------------------------------------------

describe('chart renderer', () => {
  it('renders a square PNG for a phone, within LINE limits, whatever canvas the renderer holds', async () => {
    expect(CHART_SIZE.width).toBe(CHART_SIZE.height);
    for (const spec of [
      usageSpec(),
      readingsChartSpec({
        title: 'W',
        unit: 'm³',
        language: 'en',
        timezone: 'Asia/Bangkok',
        points: [{ takenAt: new Date(0), value: '1' }],
      }),
    ]) {
      const png = await renderer.render(spec);
      expect(png.subarray(0, 8)).toEqual(
        Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
      );
      const image = decode(png);
      expect([image.width, image.height]).toEqual([1040, 1040]);
      expect(png.length).toBeLessThan(LINE_ORIGINAL_MAX_BYTES);
      // White background, not transparent.
      expect([...image.data.subarray(0, 4)]).toEqual([255, 255, 255, 255]);
    }

    const preview = await renderer.renderPreview(usageSpec(['90', '180', '350', '120', '100']));
    expect(preview.length).toBeLessThanOrEqual(LINE_PREVIEW_MAX_BYTES);

    // The picture's size belongs to the chart, not to the canvas it is drawn on.
    const custom = createChartRenderer({ width: 600, height: 400 });
    const page = decode(await custom.render(usageSpec()));
    expect([page.width, page.height]).toEqual([1040, 1040]);
    const small = decode(
      await custom.render(usageSpec(undefined, { size: { width: 600, height: 800 } })),
    );
    expect([small.width, small.height]).toEqual([600, 800]);
    custom.close();
  });

  it('draws the preview at half scale when the original is over the limit', async () => {
    const preview = await renderer.renderPreview(usageSpec(), { maxBytes: 1 });
    const image = decode(preview);
    expect([image.width, image.height]).toEqual([520, 520]);
    expect(preview.length).toBeLessThanOrEqual(LINE_PREVIEW_MAX_BYTES);
  });

  it('is deterministic: the same spec gives the same bytes', async () => {
    const a = await renderer.render(usageSpec());
    const b = await renderer.render(usageSpec());
    expect(a.equals(b)).toBe(true);
  });

  it('draws bars at proportional heights, none for a no-data month, projection on top', async () => {
    const image = decode(await renderer.render(usageSpec()));
    const { baseline, bars } = findBars(image, rgb(CHART_COLOURS.usage));
    // Jan, Feb and Mar are whole months; April has no bar; May is known only in part.
    expect(bars).toHaveLength(3);
    const [jan, feb, mar] = bars as [Bar, Bar, Bar];
    const partial = findBars(image, rgb(CHART_COLOURS.partial));
    expect(partial.bars).toHaveLength(1);
    expect(partial.baseline).toBe(baseline);
    const [may] = partial.bars as [Bar];
    expect(jan.height).toBeGreaterThan(50);
    expect(Math.abs(feb.height - 2 * jan.height)).toBeLessThanOrEqual(3);
    expect(Math.abs(mar.height - 4 * jan.height)).toBeLessThanOrEqual(4);
    expect(Math.abs(may.height - jan.height)).toBeLessThanOrEqual(2);

    // Evenly spaced categories with an empty slot where April is.
    const pitch = feb.centre - jan.centre;
    expect(Math.abs(mar.centre - feb.centre - pitch)).toBeLessThanOrEqual(2);
    expect(Math.abs(may.centre - mar.centre - 2 * pitch)).toBeLessThanOrEqual(3);
    const april = mar.centre + pitch;
    for (let y = 0; y <= baseline; y++) {
      for (const colour of [
        CHART_COLOURS.usage,
        CHART_COLOURS.partial,
        CHART_COLOURS.projectedFill,
      ])
        expect(isColour(image, april, y, rgb(colour))).toBe(false);
    }
  });

  it('tells the month so far and its projection from a whole month at a glance', async () => {
    const image = decode(await renderer.render(usageSpec()));
    const [jan] = findBars(image, rgb(CHART_COLOURS.usage)).bars as [Bar];
    const [may] = findBars(image, rgb(CHART_COLOURS.partial)).bars as [Bar];
    // The part so far is a lighter fill than a whole month's, not the same blue.
    expect(isColour(image, may.left + 3, may.top + 5, rgb(CHART_COLOURS.partial))).toBe(true);
    expect(isColour(image, may.left + 3, may.top + 5, rgb(CHART_COLOURS.usage), 20)).toBe(false);

    // Above it, the projected remainder (150 of 250): non-white up to the outline at its top.
    const column = may.left + 3;
    let y = may.top - 1;
    while (y >= 0 && !isColour(image, column, y, [255, 255, 255], 8)) y--;
    const projectedHeight = may.top - 1 - y;
    expect(Math.abs(projectedHeight - 1.5 * jan.height)).toBeLessThanOrEqual(4);
    // Pale fill, hatched in the outline's colour: both show, neither alone, and no solid blue.
    let fill = 0;
    let hatch = 0;
    let solid = 0;
    const rows = projectedHeight - 6;
    for (let row = y + 4; row < y + 4 + rows; row++)
      for (let x = may.left + 4; x <= may.right - 4; x++) {
        if (isColour(image, x, row, rgb(CHART_COLOURS.projectedFill))) fill++;
        if (isColour(image, x, row, rgb(CHART_COLOURS.projectedBorder), 12)) hatch++;
        if (isColour(image, x, row, rgb(CHART_COLOURS.usage), 12)) solid++;
      }
    const area = rows * (may.right - may.left - 7);
    expect(fill / area).toBeGreaterThan(0.3);
    expect(hatch / area).toBeGreaterThan(0.1);
    expect(solid).toBe(0);
    // Whole months carry no projection above them.
    for (const bar of findBars(image, rgb(CHART_COLOURS.usage)).bars) {
      expect(isColour(image, bar.left + 3, bar.top - 3, rgb(CHART_COLOURS.projectedFill))).toBe(
        false,
      );
    }
  });

  it('writes each figure above its bar, the projection above the projected top', async () => {
    const image = decode(await renderer.render(usageSpec(['90', null, '350', '120', '100'])));
    const blue = findBars(image, rgb(CHART_COLOURS.usage));
    const [may] = findBars(image, rgb(CHART_COLOURS.partial)).bars as [Bar];
    const labelInk = (centre: number, top: number) =>
      greyInk(image, centre - 45, top - 48, centre + 45, top - 2);
    for (const bar of blue.bars)
      expect(labelInk(bar.centre, bar.top), `bar at ${bar.centre}`).toBeGreaterThan(60);
    // May: the projected total (≈250) sits above the hatched part, the 100 so far inside its bar.
    let projectedTop = may.top - 1;
    while (!isColour(image, may.left + 3, projectedTop, [255, 255, 255], 8)) projectedTop--;
    expect(labelInk(may.centre, projectedTop)).toBeGreaterThan(60);
    expect(greyInk(image, may.left + 4, may.top, may.right - 4, may.top + 40)).toBeGreaterThan(60);
    // Nothing is written where there is no bar (April), nor over last year's grey bars.
    const pitch = (blue.bars[1]?.centre ?? 0) - (blue.bars[0]?.centre ?? 0);
    const april = (blue.bars[2]?.centre ?? 0) + pitch;
    expect(greyInk(image, april - 20, 200, april + 20, blue.baseline - 2)).toBe(0);

    // The same label drawn for the same figure; a different figure, different ink.
    const same = decode(
      await renderer.render(
        monthlyChartSpec({
          title: '',
          unit: '',
          language: 'en',
          months: [
            month('2026-01', 'measured', '120'),
            month('2026-02', 'measured', '120'),
            month('2026-03', 'measured', '87'),
          ],
        }),
      ),
    );
    const bars = findBars(same, rgb(CHART_COLOURS.usage)).bars as [Bar, Bar, Bar];
    const glyphs = bars.map((b) =>
      inkBitmap(same, [b.centre - 45, b.top - 48, b.centre + 45, b.top - 2]),
    );
    const [a, b, c] = glyphs as [(typeof glyphs)[0], (typeof glyphs)[0], (typeof glyphs)[0]];
    expect(a.cells.size).toBeGreaterThan(60);
    expect(overlap(a, b)).toBeGreaterThan(0.97);
    expect(overlap(a, c)).toBeLessThan(0.9);
  });

  it('shows a meter read for two months as three bars across the picture', async () => {
    const image = decode(
      await renderer.render(
        monthlyChartSpec({ title: 'Water', unit: 'm³', language: 'en', months: youngMeter(3) }),
      ),
    );
    const whole = findBars(image, rgb(CHART_COLOURS.usage)).bars;
    const part = findBars(image, rgb(CHART_COLOURS.partial)).bars;
    expect(whole).toHaveLength(1);
    expect(part).toHaveLength(2);
    const centres = [...whole, ...part].map((b) => b.centre).sort((a, b) => a - b);
    expect(centres).toHaveLength(3);
    // Three wide slots, not three bars squeezed into a year's worth of room.
    expect((centres[1] ?? 0) - (centres[0] ?? 0)).toBeGreaterThan(250);
    // And with a full year of data, twelve.
    const year = youngMeter(12);
    const full = decode(
      await renderer.render(
        monthlyChartSpec({ title: 'Water', unit: 'm³', language: 'en', months: year }),
      ),
    );
    const count =
      findBars(full, rgb(CHART_COLOURS.usage)).bars.length +
      findBars(full, rgb(CHART_COLOURS.partial)).bars.length;
    expect(count).toBe(12);
  });

  it('adds last year as a second, paler colour only when provided', async () => {
    const grey = rgb(CHART_COLOURS.lastYear);
    // Grey anti-aliasing of text is everywhere; bars of grey are not.
    const without = decode(await renderer.render(usageSpec()));
    expect(findBars(without, grey).bars).toHaveLength(0);
    const allUnknown = decode(await renderer.render(usageSpec([null, null, null, null, null])));
    expect(findBars(allUnknown, grey).bars).toHaveLength(0);

    const withLastYear = decode(
      await renderer.render(usageSpec(['100', null, '400', '200', '100'])),
    );
    // Named in the legend.
    expect(usageSpec(['100', null, '400', '200', '100']).data.datasets[0]?.label).toBe('Last year');
    const { bars: greyBars } = findBars(withLastYear, grey);
    expect(greyBars).toHaveLength(4);
    const { bars: blueBars } = findBars(withLastYear, rgb(CHART_COLOURS.usage));
    // Last year stands just left of this year's bar of the same month, same scale.
    // Grey bars: Jan 100, Mar 400, Apr 200 (a month with no data this year), May 100.
    const [janLy, marLy, aprLy] = greyBars as [Bar, Bar, Bar, Bar];
    const [jan] = blueBars as [Bar];
    expect(janLy.centre).toBeLessThan(jan.centre);
    expect(Math.abs(janLy.height - jan.height)).toBeLessThanOrEqual(2);
    expect(Math.abs(marLy.height - 4 * janLy.height)).toBeLessThanOrEqual(3);
    expect(Math.abs(aprLy.height - 2 * janLy.height)).toBeLessThanOrEqual(3);
  });

  it('draws a readings line with points rising with the values', async () => {
    const t0 = Date.UTC(2026, 0, 1);
    const values = ['10', '20', '40', '80'];
    const spec = readingsChartSpec({
      title: 'Water',
      unit: 'm³',
      language: 'en',
      timezone: 'Asia/Bangkok',
      points: values.map((value, i) => ({ takenAt: new Date(t0 + i * 86_400_000), value })),
    });
    const image = decode(await renderer.render(spec));
    // Point markers are darker than the line: adjacent columns holding that colour form one
    // marker, and its centre is the centroid of those pixels.
    const dark = rgb(CHART_COLOURS.point);
    const markers: { xs: number[]; ys: number[] }[] = [];
    let previousX = -10;
    for (let x = 0; x < image.width; x++) {
      for (let y = 0; y < image.height; y++) {
        if (!isColour(image, x, y, dark, 8)) continue;
        if (x - previousX > 1) markers.push({ xs: [], ys: [] });
        markers[markers.length - 1]?.xs.push(x);
        markers[markers.length - 1]?.ys.push(y);
        previousX = x;
      }
    }
    expect(markers).toHaveLength(4);
    const mean = (v: number[]) => v.reduce((a, b) => a + b, 0) / v.length;
    const [c10, c20, c40, c80] = markers.map((m) => mean(m.ys)) as [number, number, number, number];
    // Higher values stand higher (smaller y), on a linear scale: 40→80 is four times 10→20.
    expect(c20).toBeLessThan(c10);
    expect(c40).toBeLessThan(c20);
    expect(c80).toBeLessThan(c40);
    expect(Math.abs((c40 - c80) / (c10 - c20) - 4)).toBeLessThan(0.2);
    // Equal time steps give equal x steps: the axis is linear in time.
    const [x0, x1, , x3] = markers.map((m) => mean(m.xs)) as [number, number, number, number];
    expect(Math.abs((x3 - x0) / (x1 - x0) - 3)).toBeLessThan(0.1);
  });

  it('renders a year of daily readings and a gauge chart', async () => {
    const t0 = Date.UTC(2025, 5, 1);
    const points = Array.from({ length: 365 }, (_, i) => ({
      takenAt: new Date(t0 + i * 86_400_000),
      value: String(4000 + i * 9),
    }));
    const line = decode(
      await renderer.render(
        readingsChartSpec({
          title: 'น้ำประปา',
          unit: 'm³',
          language: 'th',
          timezone: 'Asia/Bangkok',
          points,
        }),
      ),
    );
    expect(countColour(line, rgb(CHART_COLOURS.line))).toBeGreaterThan(1000);

    const gauge = decode(
      await renderer.render(
        gaugeChartSpec({
          title: 'อุณหภูมิ',
          unit: '°C',
          language: 'th',
          months: ['2026-01', '2026-02', '2026-03'].map((m, i) => ({
            month: m,
            start: new Date(0),
            end: new Date(0),
            count: 4,
            average: String(36.5 + i / 10),
            min: '36',
            max: '37.5',
          })),
        }),
      ),
    );
    expect(countColour(gauge, rgb(CHART_COLOURS.range))).toBeGreaterThan(10_000);
    expect(countColour(gauge, rgb(CHART_COLOURS.average))).toBeGreaterThan(500);
  });
});

describe('Thai text', () => {
  it('uses a Thai font file found on this machine', () => {
    expect(renderer.fontFile).not.toBeNull();
    expect(renderer.fontFamily).toContain('HomeLog');
    expect(renderer.fontFamily).toContain('DejaVu Sans');
  });

  // A chart that is only its title, so the PNG holds just the glyph.
  const glyphSpec = (text: string): ChartSpec => ({
    type: 'bar',
    data: { labels: [], datasets: [] },
    options: {
      devicePixelRatio: 1,
      animation: false,
      plugins: {
        legend: { display: false },
        title: { display: true, text, font: { size: 64 }, color: '#000000' },
      },
      scales: { x: { display: false }, y: { display: false } },
    },
  });

  it('draws distinct, non-empty glyphs rather than boxes', async () => {
    const small = createChartRenderer({ width: 200, height: 110 });
    expect(small.fontFamily).toBe(renderer.fontFamily);
    const glyphs = ['ไ', 'ฟ', 'ฟ้', 'า', 'น้', 'ำ', 'ก', 'ข'];
    const bitmaps = [];
    for (const glyph of glyphs)
      bitmaps.push(inkBitmap(decode(await small.render(glyphSpec(glyph)))));

    // Calibrate the box detector on a private-use character no font has.
    const tofu = inkBitmap(decode(await small.render(glyphSpec('\uE000'))));
    expect(boxness(tofu)).toBeGreaterThan(0.9);

    const keys = bitmaps.map((b) => `${b.width}x${b.height}:${[...b.cells].sort().join(' ')}`);
    bitmaps.forEach((bitmap, i) => {
      expect(bitmap.cells.size, glyphs[i]).toBeGreaterThan(30);
      expect(boxness(bitmap), glyphs[i]).toBeLessThan(0.6);
    });
    expect(new Set(keys).size).toBe(glyphs.length);
    // A tone mark adds ink above the consonant.
    const [, fo, foTone] = bitmaps as [unknown, { height: number }, { height: number }];
    expect(foTone.height).toBeGreaterThan(fo.height);
    small.close();
  });

  it('shows a Thai title in the title region', async () => {
    const months = [month('2026-01', 'measured', '100'), month('2026-02', 'measured', '200')];
    const spec = (title: string) =>
      monthlyChartSpec({ title, unit: 'kWh', language: 'th', months });
    const titled = decode(await renderer.render(spec('มิเตอร์ไฟฟ้า บ้าน')));
    const untitled = decode(await renderer.render(spec('')));
    const region = [300, 0, 740, 60] as const;
    expect(greyInk(titled, ...region)).toBeGreaterThan(300);
    expect(greyInk(untitled, ...region)).toBe(0);
  });
  it('writes Thai month labels with the Buddhist-era year under the bars', async () => {
    const image = decode(await renderer.render(usageSpec(undefined, { language: 'th' })));
    const { baseline, bars } = findBars(image, rgb(CHART_COLOURS.usage));
    expect(bars).toHaveLength(3);
    const lines = bars.map((bar) => {
      // The month on the first line under the axis, the year on the second.
      const monthLine = inkBitmap(image, [
        bar.centre - 50,
        baseline + 4,
        bar.centre + 50,
        baseline + 40,
      ]);
      const yearLine = inkBitmap(image, [
        bar.centre - 50,
        baseline + 40,
        bar.centre + 50,
        baseline + 78,
      ]);
      return { monthLine, yearLine };
    });
    for (const { monthLine, yearLine } of lines) {
      expect(monthLine.cells.size).toBeGreaterThan(80);
      expect(yearLine.cells.size).toBeGreaterThan(80);
    }
    // ม.ค., ก.พ., มี.ค.: three different words; 2569 three times the same.
    const [jan, feb, mar] = lines as [(typeof lines)[0], (typeof lines)[0], (typeof lines)[0]];
    expect(overlap(jan.yearLine, feb.yearLine)).toBeGreaterThan(0.97);
    expect(overlap(jan.yearLine, mar.yearLine)).toBeGreaterThan(0.97);
    for (const [x, y] of [
      [jan, feb],
      [jan, mar],
      [feb, mar],
    ] as const)
      expect(overlap(x.monthLine, y.monthLine)).toBeLessThan(0.9);
    // Real glyphs, not the boxes of a missing font.
    for (const { monthLine } of lines) expect(boxness(monthLine)).toBeLessThan(0.6);
  });
});

describe('font resolution', () => {
  const saved = process.env.CHART_FONT_FILE;
  afterEach(() => {
    if (saved === undefined) delete process.env.CHART_FONT_FILE;
    else process.env.CHART_FONT_FILE = saved;
  });

  it('prefers $CHART_FONT_FILE, then the known locations, skipping missing files', async () => {
    // A font file of the operator's own, wherever it lives (not a system font that a fresh
    // machine may not have).
    const dir = await mkdtemp(join(tmpdir(), 'home-log-font-'));
    const ownFont = join(dir, 'Own.ttf');
    await writeFile(ownFont, 'not parsed here: resolution only checks that the file exists');
    process.env.CHART_FONT_FILE = ownFont;
    expect(resolveFontFile()).toBe(ownFont);
    await rm(dir, { recursive: true });
    process.env.CHART_FONT_FILE = '/nonexistent/font.ttf';
    expect(resolveFontFile()).toBe(KNOWN_FONT_FILES[0]);
    expect(resolveFontFile(['/nonexistent/a.ttf'])).toBeNull();
  });

  it('still renders with the default font when no font file exists', async () => {
    const plain = createChartRenderer({
      width: 400,
      height: 300,
      fontFiles: ['/nonexistent/a.ttf'],
    });
    expect(plain.fontFile).toBeNull();
    expect(plain.fontFamily).not.toContain('HomeLog');
    const image = decode(
      await plain.render(usageSpec(undefined, { size: { width: 400, height: 300 } })),
    );
    expect([image.width, image.height]).toEqual([400, 300]);
    plain.close();
  });
});

describe('render cache', () => {
  it('renders the same key once and different keys separately', async () => {
    const r = createChartRenderer({ width: 400, height: 300 });
    const a1 = await r.renderCached('meter-1:2026-05', usageSpec());
    const a2 = await r.renderCached('meter-1:2026-05', usageSpec());
    expect(a2).toBe(a1);
    expect(r.stats()).toEqual({ renders: 1, cacheHits: 1 });
    await r.renderCached('meter-2:2026-05', usageSpec());
    expect(r.stats()).toEqual({ renders: 2, cacheHits: 1 });
    r.close();
  });

  it('shares one render between concurrent requests and evicts the least recently used', async () => {
    const r = createChartRenderer({ width: 400, height: 300, cacheSize: 2 });
    await Promise.all([r.renderCached('a', usageSpec()), r.renderCached('a', usageSpec())]);
    expect(r.stats()).toEqual({ renders: 1, cacheHits: 1 });
    await r.renderCached('b', usageSpec());
    await r.renderCached('a', usageSpec()); // a is now the most recent
    await r.renderCached('c', usageSpec()); // evicts b
    expect(r.stats()).toEqual({ renders: 3, cacheHits: 2 });
    await r.renderCached('a', usageSpec());
    await r.renderCached('b', usageSpec());
    expect(r.stats()).toEqual({ renders: 4, cacheHits: 3 });
    r.close();
    await expect(r.render(usageSpec())).rejects.toThrow(/closed/);
  });

  it('caches previews by key too', async () => {
    const r = createChartRenderer({ width: 400, height: 300 });
    const original = await r.renderCached('k', usageSpec());
    const preview = await r.renderPreview(usageSpec(), { key: 'k' });
    expect(preview).toBe(original);
    expect(r.stats()).toEqual({ renders: 1, cacheHits: 1 });
    r.close();
  });
});

describe('the shipped Thai font', () => {
  const saved = process.env.CHART_FONT_FILE;
  afterEach(() => {
    if (saved === undefined) delete process.env.CHART_FONT_FILE;
    else process.env.CHART_FONT_FILE = saved;
  });

  it('is Sarabun from its npm package, registered by default under the charts family', () => {
    delete process.env.CHART_FONT_FILE;
    expect(BUNDLED_FONT_FILE).toMatch(/@expo-google-fonts\/sarabun\/.*Sarabun_400Regular\.ttf$/);
    expect(KNOWN_FONT_FILES[0]).toBe(BUNDLED_FONT_FILE);
    const plain = createChartRenderer({ width: 200, height: 100 });
    expect(plain.fontFile).toBe(BUNDLED_FONT_FILE);
    expect(plain.fontFamily.startsWith(`'${BUNDLED_FONT_FAMILY}', `)).toBe(true);
    plain.close();
  });

  it('gives way to $CHART_FONT_FILE', () => {
    const other = (BUNDLED_FONT_FILE ?? '').replace(/400Regular/g, '700Bold');
    process.env.CHART_FONT_FILE = other;
    const chosen = createChartRenderer({ width: 200, height: 100 });
    expect(chosen.fontFile).toBe(other);
    expect(chosen.fontFamily.startsWith("'HomeLog Sarabun_700Bold', ")).toBe(true);
    chosen.close();
  });

  // Rendered in a child process whose fontconfig knows no fonts at all, so the only font Pango
  // can use is one the renderer registers itself. A renderer given no font file is the control:
  // it shows that no Thai font is reachable there any other way.
  it('draws Thai with no system fonts, where no other font can', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'home-log-fonts-'));
    try {
      const fontconfig = join(dir, 'fonts.conf');
      await writeFile(fontconfig, '<?xml version="1.0"?>\n<fontconfig></fontconfig>\n');
      const glyphs = ['ก', 'ฟ', 'ฟ้', 'น้ำ', 'ข'];
      const specs = glyphs.map(
        (text): ChartSpec => ({
          type: 'bar',
          data: { labels: [], datasets: [] },
          options: {
            devicePixelRatio: 1,
            animation: false,
            plugins: {
              legend: { display: false },
              title: { display: true, text, font: { size: 64 }, color: '#000000' },
            },
            scales: { x: { display: false }, y: { display: false } },
          },
        }),
      );
      const child = `
        import { createChartRenderer } from ${JSON.stringify(join(process.cwd(), 'src/charts/renderer.ts'))};
        const specs = JSON.parse(process.env.SPECS);
        const draw = async (r) => {
          const out = [];
          for (const spec of specs) out.push((await r.render(spec)).toString('base64'));
          return out;
        };
        // The control first: registering a font is process-wide.
        const none = await draw(createChartRenderer({ width: 200, height: 110, fontFiles: ['/nonexistent/a.ttf'] }));
        const renderer = createChartRenderer({ width: 200, height: 110 });
        const shipped = await draw(renderer);
        console.log(JSON.stringify({ fontFile: renderer.fontFile, shipped, none }));
      `;
      const env: NodeJS.ProcessEnv = {
        ...process.env,
        FONTCONFIG_FILE: fontconfig,
        SPECS: JSON.stringify(specs),
      };
      delete env.CHART_FONT_FILE;
      const { stdout } = await promisify(execFile)(
        process.execPath,
        ['--import', 'tsx', '--input-type=module', '-e', child],
        { env, cwd: process.cwd(), maxBuffer: 64 * 1024 * 1024 },
      );
      const result = JSON.parse(stdout) as { fontFile: string; shipped: string[]; none: string[] };
      expect(result.fontFile).toBe(BUNDLED_FONT_FILE);
      const bitmap = (png: string) => inkBitmap(decode(Buffer.from(png, 'base64')));

      // The control: without the shipped font, Thai is blank or a box.
      result.none.forEach((png, i) => {
        const b = bitmap(png);
        expect(b.cells.size === 0 || boxness(b) > 0.9, `control ${glyphs[i]}`).toBe(true);
      });

      const shipped = result.shipped.map(bitmap);
      shipped.forEach((b, i) => {
        expect(b.cells.size, glyphs[i]).toBeGreaterThan(30);
        expect(boxness(b), glyphs[i]).toBeLessThan(0.6);
      });
      const keys = shipped.map((b) => `${b.width}x${b.height}:${[...b.cells].sort().join(' ')}`);
      expect(new Set(keys).size).toBe(glyphs.length);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  }, 60_000);
});

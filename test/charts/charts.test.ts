// Charts are checked on real PNGs from the real renderer: decoded with pngjs and measured by
// scanning for the fixed colours of src/charts/spec.ts.

import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { PNG } from 'pngjs';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
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
  gaugeChartSpec,
  type MonthlyChartSpec,
  monthLabel,
  monthlyChartSpec,
  readingsChartSpec,
} from '../../src/charts/spec';
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
    const run = standing[centre] as { top: number; bottom: number };
    const height =
      run.bottom -
      run.top +
      1 +
      coverage(png, centre, run.top - 1, colour) +
      coverage(png, centre, run.bottom + 1, colour);
    bars.push({ centre, top: run.top, height });
  }
  return { baseline, bars };
}

/** Pixels dark enough to be ink on white, as a set of "x,y" relative to their bounding box. */
function inkBitmap(png: PNG): { cells: Set<string>; width: number; height: number } {
  const ink: [number, number][] = [];
  for (let y = 0; y < png.height; y++)
    for (let x = 0; x < png.width; x++) {
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
  month('2026-05', 'partial', '100', '250'),
];

function usageSpec(lastYear?: (string | null)[]): MonthlyChartSpec {
  return monthlyChartSpec({
    title: 'Electricity',
    unit: 'kWh',
    language: 'en',
    months: MONTHS,
    ...(lastYear ? { lastYear } : {}),
  });
}

const renderer = createChartRenderer();
afterAll(() => renderer.close());

// ---- specs (pure) ----------------------------------------------------------------------

describe('chart specs', () => {
  it('labels months per language, Thai with the Buddhist-era short year', () => {
    expect(monthLabel('2026-11', 'en')).toBe('Nov 26');
    expect(monthLabel('2026-11', 'th')).toBe('พ.ย. 69');
    expect(monthLabel('2025-12', 'th')).toBe('ธ.ค. 68');
    expect(() => monthLabel('2026-13x', 'en')).toThrow();
  });

  it('builds a monthly bar spec: values, projected remainder, legend, deterministic options', () => {
    const spec = usageSpec();
    expect(spec.type).toBe('bar');
    expect(spec.data.labels).toEqual(['Jan 26', 'Feb 26', 'Mar 26', 'Apr 26', 'May 26']);
    const [usage, projected] = spec.data.datasets;
    expect(spec.data.datasets).toHaveLength(2);
    expect(usage?.data).toEqual([100, 200, 400, null, 100]);
    expect(projected?.data).toEqual([null, null, null, null, 150]);
    expect(projected?.stack).toBe(usage?.stack);
    expect(spec.options?.plugins?.legend?.display).toBe(true);
    expect(spec.options?.plugins?.title?.text).toBe('Electricity');
    expect(spec.options?.animation).toBe(false);
    expect(spec.options?.devicePixelRatio).toBe(1);
    const y = spec.options?.scales?.y as { title?: { text?: string } } | undefined;
    expect(y?.title?.text).toBe('kWh');
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
    expect(single.data.labels).toEqual(['ม.ค. 69', 'ก.พ. 69']);

    const withLastYear = usageSpec(['90', null, '350', '120', '100']);
    expect(withLastYear.data.datasets.map((d) => d.data)).toEqual([
      [90, null, 350, 120, 100],
      [100, 200, 400, null, 100],
      [null, null, null, null, 150],
    ]);
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
  it('renders a PNG of the configured size, within LINE limits', async () => {
    const png = await renderer.render(usageSpec());
    expect(png.subarray(0, 8)).toEqual(
      Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    );
    const image = decode(png);
    expect([image.width, image.height]).toEqual([1040, 720]);
    expect(png.length).toBeLessThan(LINE_ORIGINAL_MAX_BYTES);
    // White background, not transparent.
    expect([...image.data.subarray(0, 4)]).toEqual([255, 255, 255, 255]);

    const preview = await renderer.renderPreview(usageSpec());
    expect(preview.length).toBeLessThanOrEqual(LINE_PREVIEW_MAX_BYTES);

    const custom = createChartRenderer({ width: 600, height: 400 });
    const small = decode(await custom.render(usageSpec()));
    expect([small.width, small.height]).toEqual([600, 400]);
  });

  it('draws the preview at half scale when the original is over the limit', async () => {
    const preview = await renderer.renderPreview(usageSpec(), { maxBytes: 1 });
    const image = decode(preview);
    expect([image.width, image.height]).toEqual([520, 360]);
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
    // Jan, Feb, Mar and the current month; April has no bar.
    expect(bars).toHaveLength(4);
    const [jan, feb, mar, may] = bars as [Bar, Bar, Bar, Bar];
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
      expect(isColour(image, april, y, rgb(CHART_COLOURS.usage))).toBe(false);
      expect(isColour(image, april, y, rgb(CHART_COLOURS.projectedFill))).toBe(false);
    }

    // Above May's to-date bar: the projected remainder (150 of 250) in its own fill and outline.
    const fill = rgb(CHART_COLOURS.projectedFill);
    const border = rgb(CHART_COLOURS.projectedBorder);
    // Skip the anti-aliased row where the two parts meet.
    let y = may.top - 2;
    let fillRows = 0;
    while (
      y >= 0 &&
      (isColour(image, may.centre, y, fill) || isColour(image, may.centre, y, border, 40))
    ) {
      if (isColour(image, may.centre, y, fill)) fillRows++;
      y--;
    }
    const projectedHeight = may.top - 1 - y;
    expect(projectedHeight).toBeGreaterThan(0);
    expect(Math.abs(projectedHeight - 1.5 * jan.height)).toBeLessThanOrEqual(3);
    expect(fillRows).toBeGreaterThan(projectedHeight - 6);
    expect(isColour(image, may.centre, y + 1, border, 40)).toBe(true);
    // Only the current month has a projection.
    for (const bar of [jan, feb, mar]) {
      expect(isColour(image, bar.centre, bar.top - 3, fill)).toBe(false);
    }
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
});

describe('font resolution', () => {
  const saved = process.env.CHART_FONT_FILE;
  afterEach(() => {
    if (saved === undefined) delete process.env.CHART_FONT_FILE;
    else process.env.CHART_FONT_FILE = saved;
  });

  it('prefers $CHART_FONT_FILE, then the known locations, skipping missing files', () => {
    process.env.CHART_FONT_FILE = '/usr/share/fonts/truetype/tlwg/Garuda.ttf';
    expect(resolveFontFile()).toBe('/usr/share/fonts/truetype/tlwg/Garuda.ttf');
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
    const image = decode(await plain.render(usageSpec()));
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

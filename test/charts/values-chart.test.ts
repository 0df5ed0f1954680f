// The chart of a meter with several values per reading, checked on the real PNG: one line per
// value in the theme's series colours, each at its own height, with a legend box per value.

import { PNG } from 'pngjs';
import { afterAll, describe, expect, it } from 'vitest';
import { createChartRenderer } from '../../src/charts/renderer';
import { CHART_SIZE, SERIES_COLOURS } from '../../src/charts/theme';
import { valuesChartSpec } from '../../src/charts/values-spec';

const renderer = createChartRenderer();
afterAll(() => renderer.close());

const DAY = 86_400_000;
const START = Date.UTC(2026, 9, 1, 1, 0);

function matches(png: PNG, x: number, y: number, hex: string): boolean {
  const n = Number.parseInt(hex.slice(1), 16);
  const colour = [(n >> 16) & 255, (n >> 8) & 255, n & 255];
  const i = (y * png.width + x) * 4;
  return colour.every((c, k) => Math.abs((png.data[i + k] ?? 0) - c) <= 3);
}

/** Rows of the pixels of `hex` in the columns [from, to), legend rows excluded. */
function rowsOf(png: PNG, hex: string, from: number, to: number, below: number): number[] {
  const rows: number[] = [];
  for (let y = below; y < png.height; y++)
    for (let x = from; x < to; x++) if (matches(png, x, y, hex)) rows.push(y);
  return rows;
}

const mean = (values: number[]) => values.reduce((a, b) => a + b, 0) / values.length;

/** The longest horizontal run of `hex` in the top `height` rows (a legend box is ~36 px). */
function longestRunAtTop(png: PNG, hex: string, height: number): number {
  let best = 0;
  for (let y = 0; y < height; y++) {
    let run = 0;
    for (let x = 0; x < png.width; x++) {
      run = matches(png, x, y, hex) ? run + 1 : 0;
      best = Math.max(best, run);
    }
  }
  return best;
}

describe('the chart of several values per reading', () => {
  // Ten readings: sys climbs from 120 to 165, dia stays near 80, pulse near 60 (left out once).
  const points = Array.from({ length: 10 }, (_, i) => ({
    takenAt: new Date(START + i * 3 * DAY),
    values: i === 4 ? [`${120 + i * 5}`, '80'] : [`${120 + i * 5}`, `${79 + (i % 3)}`, '60'],
  }));
  const spec = valuesChartSpec({
    title: 'BP',
    unit: 'mmHg',
    language: 'en',
    names: ['sys', 'dia', 'pulse'],
    points,
    timezone: 'Asia/Bangkok',
  });

  it('has one dataset per value, a reading without the optional value has no point there', () => {
    expect(spec.data.datasets.map((d) => d.label)).toEqual(['sys', 'dia', 'pulse']);
    expect(spec.data.datasets.map((d) => d.data.length)).toEqual([10, 10, 9]);
    expect(spec.data.datasets[0]?.data[0]).toEqual({ x: START, y: 120 });
  });

  it('draws three lines at their own heights, each in its colour, with a legend box each', async () => {
    const png = PNG.sync.read(await renderer.render(spec));
    expect([png.width, png.height]).toEqual([CHART_SIZE.width, CHART_SIZE.height]);
    const [sys, dia, pulse, unused] = SERIES_COLOURS;
    // A legend box per value near the top (the legend is on: several lines need names).
    for (const colour of [sys, dia, pulse]) {
      expect(longestRunAtTop(png, colour, 200)).toBeGreaterThanOrEqual(30);
    }
    // Below the legend, in the middle third of the plot: sys above dia above pulse.
    const from = Math.round(png.width / 3);
    const to = Math.round((2 * png.width) / 3);
    const heights = [sys, dia, pulse].map((colour) => rowsOf(png, colour, from, to, 200));
    for (const rows of heights) expect(rows.length).toBeGreaterThan(50);
    const [ySys, yDia, yPulse] = heights.map(mean) as [number, number, number];
    expect(ySys).toBeLessThan(yDia);
    expect(yDia).toBeLessThan(yPulse);
    // The rising sys line is higher on the right than on the left.
    const left = mean(rowsOf(png, sys, 0, from, 200));
    const right = mean(rowsOf(png, sys, to, png.width, 200));
    expect(right).toBeLessThan(left);
    // No colour beyond the third value is drawn.
    expect(rowsOf(png, unused, 0, png.width, 0)).toEqual([]);
  });
});

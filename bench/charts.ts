// Chart render timings for the bench runner (target: ≤ 30 ms per monthly chart warm, a
// repeated request served from cache). One renderer, warmed up before measuring.

import { performance } from 'node:perf_hooks';
import { createChartRenderer } from '../src/charts/renderer';
import { type ChartSpec, monthlyChartSpec, readingsChartSpec } from '../src/charts/spec';
import type { MonthUsage } from '../src/domain/types';

export interface ChartBenchResult {
  name: string;
  medianMs: number;
  p95Ms: number;
  n: number;
  /** Cache rows: requests the renderer answered from its cache, and charts it drew meanwhile. */
  cacheHits?: number;
  rendersDuring?: number;
}

function twelveMonths(): MonthUsage[] {
  return Array.from({ length: 12 }, (_, i) => {
    const month = `${2025 + Math.floor((i + 5) / 12)}-${String(((i + 5) % 12) + 1).padStart(2, '0')}`;
    const current = i === 11;
    return {
      month,
      start: new Date(0),
      end: new Date(0),
      status: current ? 'partial' : i === 3 ? 'none' : 'measured',
      usage: i === 3 ? null : String(250 + ((i * 37) % 90)),
      projected: current ? '330' : null,
      coveredDays: 30,
      dailyAverage: null,
    };
  });
}

function quantile(sorted: number[], q: number): number {
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1));
  return sorted[i] ?? Number.NaN;
}

async function time(name: string, n: number, run: (i: number) => Promise<unknown>) {
  const samples: number[] = [];
  for (let i = 0; i < n; i++) {
    const start = performance.now();
    await run(i);
    samples.push(performance.now() - start);
  }
  samples.sort((a, b) => a - b);
  const round = (ms: number) => Math.round(ms * 10_000) / 10_000;
  return {
    name,
    medianMs: round(quantile(samples, 0.5)),
    p95Ms: round(quantile(samples, 0.95)),
    n,
  };
}

export async function benchCharts(n = 60): Promise<ChartBenchResult[]> {
  const renderer = createChartRenderer();
  const bars: ChartSpec = monthlyChartSpec({
    title: 'มิเตอร์ไฟฟ้า บ้าน',
    unit: 'kWh',
    language: 'th',
    months: twelveMonths(),
    lastYear: twelveMonths().map((m) => m.usage),
  });
  const t0 = Date.UTC(2025, 5, 1);
  const line: ChartSpec = readingsChartSpec({
    title: 'Water',
    unit: 'm³',
    language: 'en',
    timezone: 'Asia/Bangkok',
    points: Array.from({ length: 365 }, (_, i) => ({
      takenAt: new Date(t0 + i * 86_400_000),
      value: String(4000 + i * 9 + (i % 7)),
    })),
  });

  // Warm up: first render loads fonts and JIT-compiles Chart.js.
  for (let i = 0; i < 5; i++) {
    await renderer.render(bars);
    await renderer.render(line);
  }
  const results: ChartBenchResult[] = [
    await time('chart: 12-month bars (warm render)', n, () => renderer.render(bars)),
    await time('chart: 365-point line (warm render)', n, () => renderer.render(line)),
  ];
  await renderer.renderCached('bench', bars);
  const before = renderer.stats();
  const hits = await time('chart: 12-month bars (cache hit)', Math.max(n, 1000), () =>
    renderer.renderCached('bench', bars),
  );
  const after = renderer.stats();
  results.push({
    ...hits,
    cacheHits: after.cacheHits - before.cacheHits,
    rendersDuring: after.renders - before.renders,
  });
  renderer.close();
  return results;
}

// The chart of a meter with several values per reading (blood pressure: sys, dia, pulse): one
// line per value over time, readings at their true spacing. Pure, like ./spec, whose axes,
// ticks and look it shares.

import type { Point, Scale } from 'chart.js';
import type { Language } from '../domain/types';
import {
  baseOptions,
  calendarTicks,
  pageSize,
  type ReadingsChartSpec,
  tickLabel,
  toNumber,
  valueAxis,
} from './spec';
import { CHART_SIZE, FONT_SIZE, PALETTE, SERIES_COLOURS } from './theme';

export interface ValuesChartInput {
  title: string;
  unit: string;
  language: Language;
  /** The meter's value names, in order: one line each. */
  names: string[];
  /** Readings with their values in the order of `names` (optional ones may be missing). */
  points: { takenAt: Date; values: string[] }[];
  /** IANA zone of the source, for the date labels. */
  timezone: string;
  /** Pixels of the picture; default CHART_SIZE. */
  size?: { width: number; height: number };
}

const HOUR = 3_600_000;

/**
 * One line per value, in the theme's series colours, with a legend naming them. A reading
 * that left an optional value out has no point on that value's line (the line joins the
 * readings on either side).
 */
export function valuesChartSpec(input: ValuesChartInput): ReadingsChartSpec {
  const { title, unit, language, timezone, names } = input;
  const points = [...input.points].sort((a, b) => a.takenAt.getTime() - b.takenAt.getTime());
  const first = points[0]?.takenAt.getTime() ?? 0;
  const last = points[points.length - 1]?.takenAt.getTime() ?? first;
  // A lone reading still needs a visible x range; a margin keeps end markers unclipped.
  const margin = last > first ? (last - first) * 0.02 : 12 * HOUR;
  const [min, max] = [first - margin, last + margin];
  const { step, ticks } = calendarTicks(min, max, timezone);
  const size = input.size ?? CHART_SIZE;

  const datasets = names.map((name, index) => {
    const data: Point[] = points
      .map((p) => ({ x: p.takenAt.getTime(), y: toNumber(p.values[index]) }))
      .filter((p): p is Point => p.y !== null);
    const colour = SERIES_COLOURS[index % SERIES_COLOURS.length] ?? PALETTE.line;
    return {
      label: name,
      data,
      borderColor: colour,
      backgroundColor: colour,
      borderWidth: 3,
      // Markers help with a few readings and only clutter a year of daily ones.
      pointRadius: data.length > 60 ? 0 : 6,
      pointBackgroundColor: colour,
      pointBorderWidth: 0,
      tension: 0,
    };
  });

  return {
    type: 'line',
    plugins: [pageSize(size.width, size.height)],
    data: { datasets },
    options: {
      ...baseOptions(title, true),
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
        // Room above and below, so no line runs along the frame.
        y: { ...valueAxis(unit, false), grace: '5%' },
      },
    },
  };
}

/**
 * The look of every picture the bot draws: chart sizes, colours and type sizes. Plain data, so
 * that anything drawing for the same chat (the charts here, a rich-menu image) looks alike.
 *
 * Sizes are for how LINE shows an image: in a chat bubble a phone scales a 1040 px wide
 * picture down to about 250–300 pt, roughly a quarter. Text under ~24 px becomes unreadable
 * there, so the sizes below are large by desktop standards.
 */

/**
 * Square: LINE shows an image message in a bubble at its own aspect ratio, and a square fills
 * the bubble's width without growing taller than a phone screen. The PNG stays far below
 * LINE's limits (original ≤ 10 MB, preview ≤ 1 MB): about 50–100 kB.
 */
export const CHART_SIZE = { width: 1040, height: 1040 } as const;

/** Fixed colours: the same data always gives the same pixels (the pixel tests rely on them). */
export const PALETTE = {
  /** A whole period: solid, the strongest colour on the page. */
  usage: '#1f6fb4',
  /** Part of a period (the current month so far, or a month readings cover in part): lighter. */
  partial: '#74add6',
  /** The projected remainder of the current month: pale fill, outlined and hatched. */
  projectedFill: '#dcebf7',
  projectedBorder: '#4f8fc4',
  /** The same period a year earlier: neutral grey, behind this year's colours. */
  lastYear: '#b8b8b8',
  line: '#1f6fb4',
  point: '#08306b',
  average: '#d62728',
  range: '#f4c7c3',
  title: '#1a1a1a',
  text: '#3c3c3c',
  /** Value labels drawn inside a bar. */
  onBar: '#ffffff',
  grid: '#e6e6e6',
  background: '#ffffff',
} as const;

/**
 * One line per value of a meter with several values per reading (sys, dia, pulse…), in the
 * order of its value names: distinct hues, none of them the grid's or the text's grey.
 */
export const SERIES_COLOURS = [
  '#1f6fb4',
  '#d62728',
  '#2ca02c',
  '#ff7f0e',
  '#9467bd',
  '#8c564b',
] as const;

/** Pixel sizes of text on a CHART_SIZE picture. */
export const FONT_SIZE = {
  title: 46,
  axisTitle: 28,
  ticks: 28,
  legend: 28,
  /** Numbers above bars; they shrink (down to valueLabelMin) to fit a crowded chart. */
  valueLabel: 28,
  valueLabelMin: 18,
} as const;

/** Title: bold, dark, centred, with room below before the legend. */
export const TITLE_STYLE = {
  size: FONT_SIZE.title,
  weight: 'bold',
  colour: PALETTE.title,
  padding: { top: 12, bottom: 20 },
} as const;

/** Space around the drawing area, in pixels. */
export const PAGE_PADDING = { top: 12, right: 28, bottom: 16, left: 16 } as const;

/** Diagonal hatching over what is not yet measured (a projection): spacing and line width. */
export const HATCH = { spacing: 14, lineWidth: 3 } as const;

/** A canvas `font` string, e.g. cssFont(28, 'bold', renderer.fontFamily). */
export function cssFont(size: number, weight: 'normal' | 'bold', family: string): string {
  return `${weight === 'bold' ? 'bold ' : ''}${size}px ${family}`;
}

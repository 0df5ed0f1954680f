// Renders chart specs (src/charts/spec.ts) to PNG with one reused ChartJSNodeCanvas: a new
// instance per render costs ~115 ms against ~30 ms warm.

import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { basename, dirname, join } from 'node:path';
import type { Chart, ChartConfiguration, Plugin } from 'chart.js';
import { ChartJSNodeCanvas } from 'chartjs-node-canvas';
import type { ChartSpec } from './spec';
import { CHART_SIZE } from './theme';

const PNG_FILTER_NONE = 8; // Canvas.PNG_FILTER_NONE (libpng)

/**
 * ChartJSNodeCanvas with a cheaper PNG step. With the stock renderToBuffer, PNG encoding costs
 * more than drawing (~25 of ~40 ms CPU for a 1040×720 bar chart). An opaque RGB24 surface and
 * no PNG row filters (charts are flat colour) cut the encode to about a third, so a whole
 * render takes about half the CPU. zlib's fastest level then takes a quarter less again for a
 * file about a quarter larger (the 12-month bars with last year: 81 → 104 kB, far under LINE's
 * 1 MB preview limit): a render holds the thread that answers webhooks, bytes cost little.
 */
class PngChartCanvas extends ChartJSNodeCanvas {
  renderPng(configuration: ChartConfiguration): Promise<Buffer> {
    const canvas = this._createCanvas(this._width, this._height);
    const context = canvas.getContext('2d', { pixelFormat: 'RGB24' });
    // Grey anti-aliasing: an RGB surface would otherwise allow coloured subpixel text.
    context.antialias = 'gray';
    const chart: Chart = new this._chartJs(
      context as never,
      {
        ...configuration,
        options: { ...configuration.options, responsive: false, animation: false },
      } as ChartConfiguration,
    );
    return new Promise((resolve, reject) => {
      canvas.toBuffer(
        (error, png) => {
          chart.destroy();
          if (error) reject(error);
          else resolve(png);
        },
        'image/png',
        { compressionLevel: 1, filters: PNG_FILTER_NONE },
      );
    });
  }
}

/**
 * White paint under everything. Drawn over chart.js's clear, so it also works on a surface
 * without alpha (the stock background plugin paints "destination-over", a no-op there).
 */
const whiteBackground: Plugin = {
  id: 'homeLogWhiteBackground',
  beforeDraw(chart) {
    const { ctx } = chart;
    ctx.save();
    ctx.globalCompositeOperation = 'source-over';
    ctx.fillStyle = '#ffffff';
    ctx.fillRect(0, 0, chart.width, chart.height);
    ctx.restore();
  },
};

/**
 * Sarabun (SIL Open Font License), Thai and Latin, shipped with the project as an npm package so
 * that charts draw Thai the same on every machine, with no system fonts installed.
 */
function bundledFont(): { regular: string; bold: string } | null {
  try {
    const root = dirname(
      createRequire(import.meta.url).resolve('@expo-google-fonts/sarabun/package.json'),
    );
    const regular = join(root, '400Regular', 'Sarabun_400Regular.ttf');
    const bold = join(root, '700Bold', 'Sarabun_700Bold.ttf');
    return existsSync(regular) ? { regular, bold } : null;
  } catch {
    return null;
  }
}
const BUNDLED_FONT = bundledFont();

/** The shipped Thai font file, or null if its package is missing. */
export const BUNDLED_FONT_FILE: string | null = BUNDLED_FONT?.regular ?? null;

/** The family name the shipped font is registered under; charts name it through fontFamily. */
export const BUNDLED_FONT_FAMILY = 'HomeLog Sarabun';

/**
 * Thai-capable fonts, best first: the shipped one, then system fonts should its package be
 * missing. Loma is Debian's default Thai sans (fonts-thai-tlwg).
 */
export const KNOWN_FONT_FILES: readonly string[] = [
  ...(BUNDLED_FONT_FILE ? [BUNDLED_FONT_FILE] : []),
  '/usr/share/fonts/truetype/tlwg/Loma.ttf',
  '/usr/share/fonts/truetype/tlwg/Garuda.ttf',
  '/usr/share/fonts/truetype/noto/NotoSansThai-Regular.ttf',
  '/usr/share/fonts/noto/NotoSansThai-Regular.ttf',
];

/** Latin fallback after the Thai font, then whatever fontconfig offers. */
const FALLBACK_FAMILIES = "'DejaVu Sans', sans-serif";

/** LINE image message limits. */
export const LINE_PREVIEW_MAX_BYTES = 1_000_000;
export const LINE_ORIGINAL_MAX_BYTES = 10_000_000;

export interface ChartRendererOptions {
  /** Pixels; default the theme's square picture, which reads well in a phone's chat bubble. */
  width?: number;
  height?: number;
  /** PNGs kept by renderCached; default 64. */
  cacheSize?: number;
  /** Font files to try, in order; default: $CHART_FONT_FILE, then KNOWN_FONT_FILES. */
  fontFiles?: readonly string[];
}

export interface ChartRenderStats {
  /** PNGs actually drawn. */
  renders: number;
  /** renderCached/renderPreview calls answered from the cache. */
  cacheHits: number;
}

export interface ChartRenderer {
  readonly width: number;
  readonly height: number;
  /** The font file registered for Thai text, or null when none was found. */
  readonly fontFile: string | null;
  /** The chart.js default font family; without a font file, fontconfig's fallback decides. */
  readonly fontFamily: string;
  render(spec: ChartSpec): Promise<Buffer>;
  /** Same PNG for the same key without drawing again (LRU of the last `cacheSize`). */
  renderCached(key: string, spec: ChartSpec): Promise<Buffer>;
  /**
   * A PNG for LINE's previewImageUrl (≤ 1 MB): the original when it is small enough (it
   * normally is), else the same chart drawn at half scale. With a key both are cached.
   */
  renderPreview(spec: ChartSpec, options?: { key?: string; maxBytes?: number }): Promise<Buffer>;
  stats(): ChartRenderStats;
  /** Drops the cache; later renders throw. */
  close(): void;
}

/** The first existing file among $CHART_FONT_FILE and the known locations. */
export function resolveFontFile(candidates?: readonly string[]): string | null {
  const list = candidates ?? [process.env.CHART_FONT_FILE ?? '', ...KNOWN_FONT_FILES];
  return list.find((file) => file !== '' && existsSync(file)) ?? null;
}

/** Loma.ttf → Loma-Bold.ttf, NotoSansThai-Regular.ttf → NotoSansThai-Bold.ttf, if present. */
function boldSibling(file: string): string | null {
  if (BUNDLED_FONT && file === BUNDLED_FONT.regular)
    return existsSync(BUNDLED_FONT.bold) ? BUNDLED_FONT.bold : null;
  const bold = /-Regular\.(ttf|otf)$/i.test(file)
    ? file.replace(/-Regular\.(ttf|otf)$/i, '-Bold.$1')
    : file.replace(/\.(ttf|otf)$/i, '-Bold.$1');
  return bold !== file && existsSync(bold) ? bold : null;
}

export function createChartRenderer(options: ChartRendererOptions = {}): ChartRenderer {
  const width = options.width ?? CHART_SIZE.width;
  const height = options.height ?? CHART_SIZE.height;
  const cacheSize = Math.max(0, options.cacheSize ?? 64);

  const fontFile = resolveFontFile(options.fontFiles);
  // A family name per file: registering two files under one name makes canvas pick either.
  const registeredFamily = !fontFile
    ? null
    : fontFile === BUNDLED_FONT_FILE
      ? BUNDLED_FONT_FAMILY
      : `HomeLog ${basename(fontFile).replace(/\.[^.]+$/, '')}`;
  const fontFamily = registeredFamily
    ? `'${registeredFamily}', ${FALLBACK_FAMILIES}`
    : FALLBACK_FAMILIES;

  const canvas = new PngChartCanvas({
    width,
    height,
    // Called once with this instance's own copy of Chart.js.
    chartCallback: (chartJs) => {
      chartJs.defaults.font.family = fontFamily;
      chartJs.register(whiteBackground);
    },
  });
  if (fontFile && registeredFamily) {
    // Process-wide in node-canvas; canvas 3 picks up fonts registered after a canvas exists.
    canvas.registerFont(fontFile, { family: registeredFamily });
    const bold = boldSibling(fontFile);
    if (bold) canvas.registerFont(bold, { family: registeredFamily, weight: 'bold' });
  }

  let renders = 0;
  let cacheHits = 0;
  let closed = false;
  // Promises, so that concurrent requests for one key share a single render.
  const cache = new Map<string, Promise<Buffer>>();

  async function render(spec: ChartSpec): Promise<Buffer> {
    if (closed) throw new Error('chart renderer is closed');
    renders += 1;
    return canvas.renderPng(spec as ChartConfiguration);
  }

  function cached(key: string, draw: () => Promise<Buffer>): Promise<Buffer> {
    const hit = cache.get(key);
    if (hit) {
      cacheHits += 1;
      // Re-insert: Map keeps insertion order, so the first key is the least recently used.
      cache.delete(key);
      cache.set(key, hit);
      return hit;
    }
    const pending = draw();
    if (cacheSize > 0) {
      cache.set(key, pending);
      // A failed render must not be served again.
      pending.catch(() => {
        if (cache.get(key) === pending) cache.delete(key);
      });
      while (cache.size > cacheSize) {
        const oldest = cache.keys().next().value;
        if (oldest === undefined) break;
        cache.delete(oldest);
      }
    }
    return pending;
  }

  function renderCached(key: string, spec: ChartSpec): Promise<Buffer> {
    return cached(key, () => render(spec));
  }

  async function renderPreview(
    spec: ChartSpec,
    previewOptions: { key?: string; maxBytes?: number } = {},
  ): Promise<Buffer> {
    const { key, maxBytes = LINE_PREVIEW_MAX_BYTES } = previewOptions;
    const original = key === undefined ? await render(spec) : await renderCached(key, spec);
    if (original.length <= maxBytes) return original;
    // Same layout at half the pixels: the one canvas instance, a smaller devicePixelRatio.
    const small = { ...spec, options: { ...spec.options, devicePixelRatio: 0.5 } } as ChartSpec;
    return key === undefined ? render(small) : cached(`${key}#preview`, () => render(small));
  }

  return {
    width,
    height,
    fontFile,
    fontFamily,
    render,
    renderCached,
    renderPreview,
    stats: () => ({ renders, cacheHits }),
    close() {
      closed = true;
      cache.clear();
    },
  };
}

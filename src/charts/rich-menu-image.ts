import type { Chart, ChartConfiguration, Plugin } from 'chart.js';
import { createChartRenderer } from './renderer';
import type { ChartSpec } from './spec';
import { cssFont, PALETTE } from './theme';

// The rich menu's picture, drawn by the charts' renderer (same fonts, same palette), so the
// menu at the bottom of the chat looks like the charts and cards above it.

/** LINE's "compact" size: 2500 × 843 (ratio 2.97 ≥ 1.45), three tiles by two. */
export const RICH_MENU_SIZE = { width: 2500, height: 843 } as const;
export const RICH_MENU_GRID = { columns: 3, rows: 2 } as const;

export interface MenuTileText {
  label: string;
  hint: string;
}

/** The pixel rectangle of tile `index` (row by row), as LINE's `bounds` wants it. */
export function tileBounds(index: number): { x: number; y: number; width: number; height: number } {
  const { width, height } = RICH_MENU_SIZE;
  const { columns, rows } = RICH_MENU_GRID;
  const column = index % columns;
  const row = Math.floor(index / columns);
  const x = Math.round((column * width) / columns);
  const y = Math.round((row * height) / rows);
  return {
    x,
    y,
    width: Math.round(((column + 1) * width) / columns) - x,
    height: Math.round(((row + 1) * height) / rows) - y,
  };
}

const TILE_GAP = 12;
const LABEL_SIZE = 84;
const HINT_SIZE = 50;

function tilesPlugin(tiles: readonly MenuTileText[], fontFamily: string): Plugin {
  return {
    id: 'homeLogRichMenuTiles',
    afterDraw(chart: Chart) {
      const { ctx } = chart;
      ctx.save();
      ctx.fillStyle = PALETTE.background;
      ctx.fillRect(0, 0, chart.width, chart.height);
      tiles.forEach((tile, index) => {
        const b = tileBounds(index);
        // The last tile (the other language) is quieter than the five actions.
        const quiet = index === tiles.length - 1;
        ctx.fillStyle = quiet ? PALETTE.grid : PALETTE.projectedFill;
        ctx.fillRect(
          b.x + TILE_GAP,
          b.y + TILE_GAP,
          b.width - 2 * TILE_GAP,
          b.height - 2 * TILE_GAP,
        );
        ctx.fillStyle = quiet ? PALETTE.text : PALETTE.usage;
        ctx.fillRect(b.x + TILE_GAP, b.y + TILE_GAP, 16, b.height - 2 * TILE_GAP);
        ctx.textAlign = 'center';
        ctx.textBaseline = 'middle';
        const centre = b.x + b.width / 2;
        ctx.fillStyle = PALETTE.title;
        ctx.font = cssFont(LABEL_SIZE, 'bold', fontFamily);
        ctx.fillText(tile.label, centre, b.y + b.height * 0.42, b.width - 80);
        ctx.fillStyle = PALETTE.text;
        ctx.font = cssFont(HINT_SIZE, 'normal', fontFamily);
        ctx.fillText(tile.hint, centre, b.y + b.height * 0.72, b.width - 80);
      });
      ctx.restore();
    },
  };
}

/**
 * The menu's PNG: an empty chart.js canvas (no data, no axes) on which a plugin draws the
 * tiles. The same tiles always give the same bytes, which makes the setup idempotent.
 */
export async function drawRichMenuImage(tiles: readonly MenuTileText[]): Promise<Buffer> {
  const renderer = createChartRenderer({ ...RICH_MENU_SIZE, cacheSize: 0 });
  try {
    const configuration: ChartConfiguration<'bar'> = {
      type: 'bar',
      data: { labels: [], datasets: [] },
      options: {
        devicePixelRatio: 1,
        layout: { padding: 0 },
        scales: { x: { display: false }, y: { display: false } },
        plugins: { legend: { display: false }, title: { display: false } },
      },
      plugins: [tilesPlugin(tiles, renderer.fontFamily)],
    };
    // The renderer draws any chart.js configuration; a menu is one with a drawing plugin.
    return await renderer.render(configuration as unknown as ChartSpec);
  } finally {
    renderer.close();
  }
}

import { PNG } from 'pngjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHART_COLOURS } from '../../src/charts/spec';
import { CHART_SIZE } from '../../src/charts/theme';
import { type Person, person } from '../helpers/chat';
import { type Harness, startHarness } from '../helpers/harness';

// "How much did we use?" end to end: readings in, a usage answer and a chart image out, the image
// fetched from the URL that reached LINE.

/** 20 March 2026, 10:00 in Bangkok: the meter below was first read two months ago. */
const NOW = new Date('2026-03-20T03:00:00Z');

/** Columns of `hex` in the row `y` of a decoded PNG, grouped into runs at least 8 px wide. */
function runsInRow(png: PNG, y: number, hex: string): number {
  const n = Number.parseInt(hex.slice(1), 16);
  const colour = [(n >> 16) & 255, (n >> 8) & 255, n & 255];
  let count = 0;
  for (let x = 0, run = 0; x <= png.width; x++) {
    const i = (y * png.width + x) * 4;
    if (x < png.width && colour.every((c, k) => Math.abs((png.data[i + k] ?? 0) - c) <= 3)) run++;
    else {
      if (run >= 8) count++;
      run = 0;
    }
  }
  return count;
}

/** Bars of each colour standing on the baseline: runs in a row just above the lowest bar row. */
function barsOnBaseline(png: PNG, hexes: string[]): number[] {
  let baseline = -1;
  for (let y = png.height - 1; y >= 0 && baseline < 0; y--)
    if (hexes.some((hex) => runsInRow(png, y, hex) > 0)) baseline = y;
  return hexes.map((hex) => runsInRow(png, baseline - 3, hex));
}

describe('usage and charts through the webhook', () => {
  let h: Harness;
  let som: Person;

  beforeAll(async () => {
    h = await startHarness({ clock: () => NOW });
    som = person(h, h.platform.addUser({ displayName: 'Som', language: 'en' }));
    await som.say('add meter Electric kWh');
    // The worked example of docs/architecture.md (February = 280).
    for (const reading of [
      '4100 @ 2026-01-20 00:00',
      '4310 @ 2026-02-10 00:00',
      '4540 @ 2026-03-05 00:00',
    ]) {
      expect((await som.say(`meter 1 = ${reading}`)).text).toMatch(/^Recorded/);
    }
  });
  afterAll(async () => {
    await h?.close();
  });

  it('answers February = 280 kWh, interpolated between the readings around it', async () => {
    const answer = await som.say('usage meter 1 2026-02');
    expect(answer.text).toBe(
      'meter 1 "Electric" — February 2026\nUsage: 280 kWh\nDaily average: 10 kWh\n' +
        'Interpolated: the month starts or ends between two readings.',
    );
  });

  it('answers in Thai when asked in Thai', async () => {
    const answer = await som.say('ใช้ไป มิเตอร์ 1 2026-02');
    expect(answer.text).toMatch(/280 kWh/);
    expect(answer.text).toMatch(/[\u0E00-\u0E7F]/);
  });

  it('sends a chart as a LINE image whose URLs work, and draws the same chart once', async () => {
    const answer = await som.say('chart meter 1');
    const rendersBefore = h.deps.charts!.stats().renders;
    expect(answer.images).toHaveLength(1);
    const [picture] = answer.images;
    expect(picture!.originalContentUrl.startsWith(`${h.url}/charts/`)).toBe(true);
    expect(picture!.previewImageUrl.startsWith(`${h.url}/charts/`)).toBe(true);
    // The loading animation was shown in the one-to-one chat while it was drawn.
    expect(h.platform.loadings.at(-1)?.chatId).toBe(som.user.userId);

    for (const url of [picture!.originalContentUrl, picture!.previewImageUrl]) {
      const response = await fetch(url);
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toBe('image/png');
      const bytes = Buffer.from(await response.arrayBuffer());
      expect(bytes.length).toBeLessThan(1_000_000);
      const png = PNG.sync.read(bytes);
      expect([png.width, png.height]).toEqual([CHART_SIZE.width, CHART_SIZE.height]);
      expect(png.width).toBe(png.height);
    }
    // The usage card above already drew this chart: asking again draws nothing new.
    await som.say('chart meter 1');
    expect(h.deps.charts!.stats().renders - rendersBefore).toBe(0);
  });

  it("shows the new meter's three months, not a mostly empty year, in English and Thai", async () => {
    for (const request of ['chart meter 1', 'กราฟ มิเตอร์ 1']) {
      const answer = await som.say(request);
      const response = await fetch(answer.images[0]!.originalContentUrl);
      const png = PNG.sync.read(Buffer.from(await response.arrayBuffer()));
      // January from the 20th (in part), February whole, March so far with its projection.
      const [whole, part, lastYear] = barsOnBaseline(png, [
        CHART_COLOURS.usage,
        CHART_COLOURS.partial,
        CHART_COLOURS.lastYear,
      ]);
      expect([whole, part, lastYear], request).toEqual([1, 2, 0]);
    }
  });

  it('draws a line chart of the readings', async () => {
    const answer = await som.say('chart meter 1 readings');
    const response = await fetch(answer.images[0]!.originalContentUrl);
    expect(response.status).toBe(200);
  });

  it('refuses a tampered chart link with 404', async () => {
    const answer = await som.say('chart meter 1 24 months');
    const url = answer.images[0]!.originalContentUrl;
    // Change a character in the middle: every bit there counts (the last base64url character may
    // carry unused bits, so changing it can leave the token intact).
    const token = url.slice(url.lastIndexOf('/') + 1, -'.png'.length);
    const at = Math.floor(token.length / 2);
    const flipped = token[at] === 'A' ? 'B' : 'A';
    const tampered = `${token.slice(0, at)}${flipped}${token.slice(at + 1)}`;
    expect(tampered).not.toBe(token);
    expect((await fetch(`${h.url}/charts/${tampered}.png`)).status).toBe(404);
    expect((await fetch(`${h.url}/charts/nonsense.png`)).status).toBe(404);
  });
});

// @ts-nocheck
import { PNG } from 'pngjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Person, person } from '../helpers/chat';
import { type Harness, startHarness } from '../helpers/harness';

// "How much did we use?" end to end: readings in, a usage answer and a chart image out, the image
// fetched from the URL that reached LINE.

describe('usage and charts through the webhook', () => {
  let h: Harness;
  let som: Person;

  beforeAll(async () => {
    h = await startHarness();
    som = person(h, h.platform.addUser({ displayName: 'Som', language: 'en' }));
    await som.say('add meter Electric kWh');
    // DESIGN §5's worked example.
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
    const rendersBefore = h.deps.charts!.stats().renders;
    const answer = await som.say('chart meter 1');
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
      expect([png.width, png.height]).toEqual([h.deps.charts!.width, h.deps.charts!.height]);
    }
    await som.say('chart meter 1');
    expect(h.deps.charts!.stats().renders - rendersBefore).toBe(1);
  });

  it('draws a line chart of the readings', async () => {
    const answer = await som.say('chart meter 1 readings');
    const response = await fetch(answer.images[0]!.originalContentUrl);
    expect(response.status).toBe(200);
  });

  it('refuses a tampered chart link with 404', async () => {
    const answer = await som.say('chart meter 1 24 months');
    const url = answer.images[0]!.originalContentUrl;
    const tampered = url.replace(/\.png$/, '').replace(/.$/, (c) => (c === 'A' ? 'B' : 'A'));
    expect((await fetch(`${tampered}.png`)).status).toBe(404);
    expect((await fetch(`${h.url}/charts/nonsense.png`)).status).toBe(404);
  });
});

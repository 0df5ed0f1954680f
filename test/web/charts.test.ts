// Chart links end to end: prepareChart as the bot would call it, then the image fetched over real
// HTTP as LINE would fetch it, from the real app on a real database with the real renderer.

import { and, asc, eq, gt, max, sql } from 'drizzle-orm';
import { PNG } from 'pngjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../src/app';
import { createChartRenderer, LINE_PREVIEW_MAX_BYTES } from '../../src/charts/renderer';
import { ChartSourceNotFoundError, prepareChart } from '../../src/charts/service';
import { CHART_COLOURS } from '../../src/charts/spec';
import { CHART_SIZE } from '../../src/charts/theme';
import { verifyChartToken } from '../../src/charts/tokens';
import { rows } from '../../src/db/client';
import { access, auditLog, groupShares, sources, users } from '../../src/db/schema';
import { type Harness, startHarness } from '../helpers/harness';

const START = new Date('2026-11-15T03:00:00Z'); // 10:00 in Bangkok
const SEVEN_DAYS_MS = 7 * 86_400_000;

/**
 * Bars of one flat colour standing on the chart's baseline: the runs of at least 8 px of the
 * colour in a row just above the lowest row that holds such a run (legend boxes stand higher).
 */
function barsOfColour(png: PNG, hex: string): number {
  const n = Number.parseInt(hex.slice(1), 16);
  const colour = [(n >> 16) & 255, (n >> 8) & 255, n & 255];
  const is = (x: number, y: number) => {
    const i = (y * png.width + x) * 4;
    return colour.every((c, k) => Math.abs((png.data[i + k] ?? 0) - c) <= 3);
  };
  const runs = (y: number) => {
    let count = 0;
    for (let x = 0, run = 0; x <= png.width; x++) {
      if (x < png.width && is(x, y)) run++;
      else {
        if (run >= 8) count++;
        run = 0;
      }
    }
    return count;
  };
  for (let y = png.height - 1; y >= 0; y--) if (runs(y) > 0) return runs(y - 3);
  return 0;
}

describe('chart links: GET /charts/<token>.png', () => {
  let harness: Harness;
  let now = START;
  let alice: string;
  let bob: string;
  let electric: string;
  let temperature: string;
  let water: string;

  const actor = (userId: string) => ({ userId, chatKey: `user:${userId}` });
  const tokenOf = (url: string) => /\/charts\/(.+)\.png$/.exec(url)?.[1] ?? '';
  const get = (url: string, method = 'GET') => fetch(url, { method });

  beforeAll(async () => {
    harness = await startHarness({ clock: () => now });
    const db = harness.database.db;
    [alice, bob] = (
      await db
        .insert(users)
        .values([
          { displayName: 'Alice', timezone: 'Asia/Bangkok' },
          { displayName: 'Bob', timezone: 'Asia/Bangkok' },
        ])
        .returning({ id: users.id })
    ).map((u) => u.id) as [string, string];
    [electric, temperature, water] = (
      await db
        .insert(sources)
        .values([
          { ownerId: alice, name: 'ไฟฟ้า บ้าน', unit: 'kWh', timezone: 'Asia/Bangkok' },
          {
            ownerId: alice,
            name: 'Temperature',
            unit: '°C',
            kind: 'gauge',
            timezone: 'Asia/Bangkok',
          },
          { ownerId: alice, name: 'Water', unit: 'm³', timezone: 'Asia/Bangkok' },
        ])
        .returning({ id: sources.id })
    ).map((s) => s.id) as [string, string, string];
    // Two years of daily readings, so that last year's bars stand beside this year's.
    await db.execute(sql`
      insert into readings (source_id, number, taken_at, value, entered_by)
      select ${electric}::uuid, g, timestamptz '2024-10-01 08:00+07' + g * interval '1 day',
        1000 + g * 9 + (g % 5), ${alice}::uuid
      from generate_series(0, 773) g`);
    await db.execute(sql`
      insert into readings (source_id, number, taken_at, value, entered_by)
      select ${temperature}::uuid, g, timestamptz '2026-01-01 07:00+07' + g * interval '1 day',
        30 + (g % 7) * 0.5, ${alice}::uuid
      from generate_series(0, 317) g`);
    // A meter first read on 20 September: two months and this one by 15 November.
    await db.execute(sql`
      insert into readings (source_id, number, taken_at, value, entered_by)
      select ${water}::uuid, g, timestamptz '2026-09-20 08:00+07' + g * interval '1 day',
        500 + g * 0.4, ${alice}::uuid
      from generate_series(0, 54) g`);
    await db.insert(access).values({ userId: bob, sourceId: electric, role: 'read' });
  });

  afterAll(async () => {
    await harness?.close();
  });

  it('serves the chart as a PNG of the configured size, with cache headers, drawn once', async () => {
    now = START;
    const before = harness.deps.charts!.stats().renders;
    const [{ lastSeq } = { lastSeq: null }] = await harness.database.db
      .select({ lastSeq: max(auditLog.seq) })
      .from(auditLog);
    const auditedBefore = lastSeq ?? 0;
    const request = { sourceId: electric, mode: 'monthly', months: 12, language: 'th' } as const;
    const chart = await prepareChart(harness.deps, actor(alice), request);
    expect(chart.originalUrl).toMatch(new RegExp(`^${harness.url}/charts/[A-Za-z0-9_.-]+\\.png$`));
    expect(chart.previewUrl).not.toBe(chart.originalUrl);
    expect(chart.expiresAt.getTime() - START.getTime()).toBe(SEVEN_DAYS_MS);
    expect(chart.cacheKey).toContain(`chart:${electric}:monthly:12:th:`);
    expect(harness.deps.charts!.stats().renders).toBe(before + 1);

    // The same chart asked for again, and LINE fetching both images: no new render.
    const again = await prepareChart(harness.deps, actor(alice), request);
    expect(again.cacheKey).toBe(chart.cacheKey);

    const response = await get(chart.originalUrl);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('image/png');
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(response.headers.get('cache-control')).toBe('private, max-age=3600');
    const body = Buffer.from(await response.arrayBuffer());
    expect(response.headers.get('content-length')).toBe(String(body.length));
    const png = PNG.sync.read(body);
    // Square, for a chat bubble on a phone.
    expect([png.width, png.height]).toEqual([CHART_SIZE.width, CHART_SIZE.height]);
    expect(png.width).toBe(png.height);

    const preview = await get(chart.previewUrl);
    expect(preview.status).toBe(200);
    const previewBody = Buffer.from(await preview.arrayBuffer());
    expect(previewBody.length).toBeLessThanOrEqual(LINE_PREVIEW_MAX_BYTES);
    expect(PNG.sync.read(previewBody).width).toBeGreaterThan(0);

    expect(harness.deps.charts!.stats().renders).toBe(before + 1);

    // Every view is audited, with the source, as Alice: the picture and its preview, two rows.
    const audited = await harness.database.db
      .select()
      .from(auditLog)
      .where(gt(auditLog.seq, auditedBefore))
      .orderBy(asc(auditLog.seq));
    expect(audited.map((row) => [row.action, row.sourceId, row.actorId])).toEqual([
      ['chart.view', electric, alice],
      ['chart.view', electric, alice],
    ]);
  });

  it('answers HEAD with the same headers and no body', async () => {
    now = START;
    const chart = await prepareChart(harness.deps, actor(alice), {
      sourceId: electric,
      mode: 'monthly',
      months: 6,
      language: 'en',
    });
    const response = await get(chart.originalUrl, 'HEAD');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('image/png');
    expect(Number(response.headers.get('content-length'))).toBeGreaterThan(1000);
    expect((await response.arrayBuffer()).byteLength).toBe(0);
  });

  it('draws readings and gauge charts too', async () => {
    now = START;
    for (const request of [
      { sourceId: electric, mode: 'readings', months: 3, language: 'en' },
      { sourceId: temperature, mode: 'monthly', months: 12, language: 'th' },
      { sourceId: temperature, mode: 'readings', months: 1, language: 'en' },
    ] as const) {
      const chart = await prepareChart(harness.deps, actor(alice), request);
      const response = await get(chart.originalUrl);
      expect(response.status).toBe(200);
      expect(PNG.sync.read(Buffer.from(await response.arrayBuffer())).height).toBe(
        CHART_SIZE.height,
      );
    }
  });

  it('draws a year of whole months beside last year, and the current month so far apart', async () => {
    now = START;
    const chart = await prepareChart(harness.deps, actor(alice), {
      sourceId: electric,
      mode: 'monthly',
      months: 12,
      language: 'en',
    });
    const png = PNG.sync.read(Buffer.from(await (await get(chart.originalUrl)).arrayBuffer()));
    // December 2025 to October 2026 whole, November so far (last read on the 13th), and a year
    // earlier every month whole.
    expect(barsOfColour(png, CHART_COLOURS.usage)).toBe(11);
    expect(barsOfColour(png, CHART_COLOURS.partial)).toBe(1);
    expect(barsOfColour(png, CHART_COLOURS.lastYear)).toBe(12);
  });

  it('shows a meter read for two months as its three months, without last year', async () => {
    now = START;
    const chart = await prepareChart(harness.deps, actor(alice), {
      sourceId: water,
      mode: 'monthly',
      months: 12,
      language: 'th',
    });
    const png = PNG.sync.read(Buffer.from(await (await get(chart.originalUrl)).arrayBuffer()));
    // September in part, October whole, November so far.
    expect(barsOfColour(png, CHART_COLOURS.usage)).toBe(1);
    expect(barsOfColour(png, CHART_COLOURS.partial)).toBe(2);
    expect(barsOfColour(png, CHART_COLOURS.lastYear)).toBe(0);
  });

  it('another instance, with an empty cache, draws the same picture from the token', async () => {
    now = START;
    const chart = await prepareChart(harness.deps, actor(alice), {
      sourceId: electric,
      mode: 'monthly',
      months: 12,
      language: 'en',
    });
    const here = Buffer.from(await (await get(chart.originalUrl)).arrayBuffer());
    const renderer = createChartRenderer();
    try {
      const elsewhere = createApp({ ...harness.deps, charts: renderer });
      const response = await elsewhere.request(new URL(chart.originalUrl).pathname);
      expect(response.status).toBe(200);
      expect(Buffer.from(await response.arrayBuffer()).equals(here)).toBe(true);
      expect(renderer.stats().renders).toBe(1);
    } finally {
      renderer.close();
    }
  });

  it('404s a tampered, garbled or foreign token, plainly', async () => {
    now = START;
    const chart = await prepareChart(harness.deps, actor(alice), {
      sourceId: electric,
      mode: 'monthly',
      months: 12,
      language: 'en',
    });
    const token = tokenOf(chart.originalUrl);
    const i = 10;
    const tampered = token.slice(0, i) + (token[i] === 'A' ? 'B' : 'A') + token.slice(i + 1);
    for (const path of [
      `/charts/${tampered}.png`,
      `/charts/${token}`,
      `/charts/${token}.jpg`,
      '/charts/x.png',
      '/charts/.png',
    ]) {
      const response = await get(`${harness.url}${path}`);
      expect(response.status, path).toBe(404);
      expect(response.headers.get('content-type')).toMatch(/^text\/plain/);
      expect(await response.text()).toBe('Not Found');
    }
  });

  it('404s an expired token', async () => {
    now = START;
    const chart = await prepareChart(harness.deps, actor(alice), {
      sourceId: electric,
      mode: 'monthly',
      months: 12,
      language: 'en',
    });
    now = new Date(chart.expiresAt.getTime() - 60_000);
    const late = await get(chart.originalUrl);
    expect(late.status).toBe(200);
    expect(late.headers.get('cache-control')).toBe('private, max-age=60');
    now = chart.expiresAt;
    expect((await get(chart.originalUrl)).status).toBe(404);
    now = START;
  });

  it('404s once the actor has lost access to the meter', async () => {
    now = START;
    const chart = await prepareChart(harness.deps, actor(bob), {
      sourceId: electric,
      mode: 'monthly',
      months: 12,
      language: 'en',
    });
    expect(
      verifyChartToken(harness.config.appSecret, tokenOf(chart.originalUrl), now)?.userId,
    ).toBe(bob);
    expect((await get(chart.originalUrl)).status).toBe(200);
    await harness.database.db
      .delete(access)
      .where(and(eq(access.userId, bob), eq(access.sourceId, electric)));
    expect((await get(chart.originalUrl)).status).toBe(404);
    expect((await get(chart.previewUrl)).status).toBe(404);
  });

  it('refuses to prepare a chart of a meter the actor cannot see', async () => {
    const [carol] = await rows<{ id: string }>(
      harness.database.db,
      sql`insert into users (display_name, timezone) values ('Carol', 'Asia/Bangkok') returning id`,
    );
    await expect(
      prepareChart(harness.deps, actor(carol!.id), {
        sourceId: electric,
        mode: 'monthly',
        months: 12,
        language: 'en',
      }),
    ).rejects.toBeInstanceOf(ChartSourceNotFoundError);
  });

  it('reveals no user, meter or group id in the link', async () => {
    now = START;
    // A real LINE id (U + 32 hex digits): a short one like 'U42' turns up by chance in
    // about one random token in a thousand, which made this test flaky.
    const lineUserId = 'U4af4980629b7e8d1c35a27b1e6f0d2c3';
    const chart = await prepareChart(
      harness.deps,
      { userId: alice, chatId: 'C0123456789abcdef0123456789abcdef', chatKey: 'group:x' },
      { sourceId: electric, mode: 'monthly', months: 12, language: 'en', lineUserId },
    );
    for (const url of [chart.originalUrl, chart.previewUrl]) {
      const token = tokenOf(url);
      const decoded = Buffer.from(token.replace(/\./g, ''), 'base64url').toString('latin1');
      for (const id of [alice, electric, 'C0123456789abcdef0123456789abcdef', lineUserId]) {
        expect(url).not.toContain(id);
        expect(decoded).not.toContain(id);
      }
    }
  });

  it("404s a group's chart once the person who asked has left the group", async () => {
    now = START;
    const carolLine = harness.platform.addUser({ displayName: 'Carol' });
    const family = harness.platform.addGroup({ name: 'Family', members: [carolLine.userId] });
    const [carol] = await harness.database.db
      .insert(users)
      .values({ displayName: 'Carol', timezone: 'Asia/Bangkok' })
      .returning({ id: users.id });
    await harness.database.db
      .insert(groupShares)
      .values({ chatId: family.groupId, sourceId: electric, role: 'read', grantedBy: alice });
    const chart = await prepareChart(
      harness.deps,
      { userId: carol!.id, chatId: family.groupId, chatKey: `group:${family.groupId}` },
      {
        sourceId: electric,
        mode: 'monthly',
        months: 12,
        language: 'en',
        lineUserId: carolLine.userId,
      },
    );
    expect((await get(chart.originalUrl)).status).toBe(200);
    // LINE's memberLeft: the fake platform no longer lists Carol in the group.
    harness.platform.events.memberLeft({ groupId: family.groupId, userIds: [carolLine.userId] });
    expect((await get(chart.originalUrl)).status).toBe(404);
    expect((await get(chart.previewUrl)).status).toBe(404);
  });

  it('404s once the meter is archived', async () => {
    now = START;
    const chart = await prepareChart(harness.deps, actor(alice), {
      sourceId: water,
      mode: 'monthly',
      months: 3,
      language: 'en',
    });
    expect((await get(chart.originalUrl)).status).toBe(200);
    await harness.database.db
      .update(sources)
      .set({ archivedAt: START })
      .where(eq(sources.id, water));
    expect((await get(chart.originalUrl)).status).toBe(404);
    await harness.database.db
      .update(sources)
      .set({ archivedAt: null })
      .where(eq(sources.id, water));
  });
});

// @ts-nocheck
import { Hono } from 'hono';
import { renderChartForToken } from '../charts/service';
import { verifyChartToken } from '../charts/tokens';
import type { Deps } from '../deps';

const FILE = /^(.+)\.png$/;

/** One answer for every failure, so a probe learns nothing about why. */
const notFound = () =>
  new Response('Not Found', {
    status: 404,
    headers: { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store' },
  });

/**
 * GET /charts/<token>.png: the chart image a LINE image message points at (HEAD too: Hono
 * answers it from this GET route). The token is the only credential, so LINE can fetch it.
 */
export function chartRoutes(deps: Deps): Hono {
  const routes = new Hono();
  routes.get('/:file', async (c) => {
    const token = FILE.exec(c.req.param('file'))?.[1];
    const now = deps.clock();
    const payload = token ? verifyChartToken(deps.config.appSecret, token, now) : null;
    if (!payload) return notFound();
    const png = await renderChartForToken(deps, payload);
    if (!png) return notFound();
    const maxAge = Math.max(0, Math.floor((payload.expiresAt.getTime() - now.getTime()) / 1000));
    return new Response(new Uint8Array(png), {
      status: 200,
      headers: {
        'Content-Type': 'image/png',
        'Content-Length': String(png.length),
        'Cache-Control': `public, max-age=${maxAge}, immutable`,
        'X-Content-Type-Options': 'nosniff',
      },
    });
  });
  return routes;
}

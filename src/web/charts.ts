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

/** LINE and phones may keep a picture this long; the link itself may live longer. */
const MAX_CACHE_SECONDS = 3600;

/**
 * GET /charts/<token>.png: the chart image a LINE image message points at (HEAD too: Hono
 * answers it from this GET route). The token is the only credential, so LINE can fetch it.
 * Every fetch checks again: the token, the actor's access (row-level security), the meter not
 * archived, and for a group's chart that the person who asked is still a member of the group.
 */
export function chartRoutes(deps: Deps): Hono {
  const routes = new Hono();
  routes.get('/:file', async (c) => {
    const token = FILE.exec(c.req.param('file'))?.[1];
    const now = deps.clock();
    const payload = token ? verifyChartToken(deps.config.appSecret, token, now) : null;
    if (!payload) return notFound();
    if (payload.chatId && !(await stillInChat(deps, payload.chatId, payload.lineUserId))) {
      return notFound();
    }
    const png = await renderChartForToken(deps, payload);
    if (!png) return notFound();
    const untilExpiry = Math.floor((payload.expiresAt.getTime() - now.getTime()) / 1000);
    const maxAge = Math.max(0, Math.min(MAX_CACHE_SECONDS, untilExpiry));
    return new Response(new Uint8Array(png), {
      status: 200,
      headers: {
        'Content-Type': 'image/png',
        'Content-Length': String(png.length),
        // private: no shared cache keeps a household's figures; short: access is re-checked.
        'Cache-Control': `private, max-age=${maxAge}`,
        'X-Content-Type-Options': 'nosniff',
      },
    });
  });
  return routes;
}

/** Whether LINE still lists this user in the group or room (a left member gets a 404). */
export async function stillInChat(deps: Deps, chatId: string, lineUserId: string | null) {
  if (!lineUserId) return false;
  const profile = chatId.startsWith('R')
    ? await deps.line.getRoomMemberProfile(chatId, lineUserId)
    : await deps.line.getGroupMemberProfile(chatId, lineUserId);
  return profile !== null;
}

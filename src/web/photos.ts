import { Hono } from 'hono';
import { withActor } from '../db/actor';
import type { Deps } from '../deps';
import { verifyPhotoToken } from '../photos/tokens';
import { viewablePhoto } from '../store/photos';
import { stillInChat } from './charts';

/** One answer for every failure, so a probe learns nothing about why. */
const notFound = () =>
  new Response('Not Found', {
    status: 404,
    headers: { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store' },
  });

/** A phone may keep the picture this long; access is checked again after that. */
const MAX_CACHE_SECONDS = 300;

/**
 * GET /photos/<token>: a photo kept with a reading, from a link `history` gave. Every fetch
 * checks again: the token (genuine, unexpired), that its viewer may still read the meter (row-
 * level security, as that viewer), that the reading is still current and the meter not
 * archived, and for a link given in a group that the viewer is still a member. Each view is
 * audited as the viewer.
 */
export function photoRoutes(deps: Deps): Hono {
  const routes = new Hono();
  routes.get('/:token', async (c) => {
    const now = deps.clock();
    const payload = verifyPhotoToken(deps.config.appSecret, c.req.param('token'), now);
    if (!payload) return notFound();
    if (payload.chatId && !(await stillInChat(deps, payload.chatId, payload.lineUserId))) {
      return notFound();
    }
    const photo = await withActor(
      deps.database.db,
      { userId: payload.userId, chatId: payload.chatId },
      async ({ tx, audit }) => {
        const found = await viewablePhoto(tx, payload.photoId);
        if (found) {
          audit({
            action: 'photo.view',
            subjectType: 'photo',
            subjectId: found.id,
            sourceId: found.sourceId,
          });
        }
        return found;
      },
    );
    if (!photo) return notFound();
    const untilExpiry = Math.floor((payload.expiresAt.getTime() - now.getTime()) / 1000);
    const maxAge = Math.max(0, Math.min(MAX_CACHE_SECONDS, untilExpiry));
    return new Response(new Uint8Array(photo.bytes), {
      status: 200,
      headers: {
        'Content-Type': photo.contentType,
        'Content-Length': String(photo.bytes.length),
        // private: no shared cache keeps a household's photo; short: access is re-checked.
        'Cache-Control': `private, max-age=${maxAge}`,
        'X-Content-Type-Options': 'nosniff',
        'Content-Security-Policy': "default-src 'none'; sandbox",
        'Referrer-Policy': 'no-referrer',
      },
    });
  });
  return routes;
}

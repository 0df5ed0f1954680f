import { Hono } from 'hono';
import { type Bot, createBot } from './bot/bot';
import { webhookRoutes } from './bot/webhook';
import type { Deps } from './deps';
import { chartRoutes } from './web/charts';
import { exportRoutes } from './web/exports';
import { googleLinkRoutes } from './web/google-link';
import { photoRoutes } from './web/photos';
import { perIpLimit } from './web/rate-limit';

/**
 * The whole HTTP application. Pure: no I/O at import and no process.env; everything it touches
 * comes in through `deps`, so the Node server, the Workers entry, `npm run chat` and the tests
 * all run this same app.
 */
export function createApp(deps: Deps, bot: Bot = createBot(deps)): Hono {
  const app = new Hono();

  app.route('/webhook', webhookRoutes(deps, bot.processor));

  app.get('/healthz', async (c) => {
    const up = await deps.database.ping();
    return up ? c.json({ status: 'ok' }) : c.json({ status: 'unavailable' }, 503);
  });
  app.route('/charts', chartRoutes(deps));
  // Opened by people in a browser (LINE's in-app one): the per-IP limit applies.
  app.use('/photos/*', perIpLimit(deps.config.webRequestsPerMinute));
  app.route('/photos', photoRoutes(deps));
  // A person's downloads: limited per IP like the other pages people open in a browser.
  app.use('/exports/*', perIpLimit(deps.config.webRequestsPerMinute));
  app.route('/exports', exportRoutes(deps));
  // The pages people open in a browser; not /charts (LINE's few servers fetch every image).
  app.use('/link/*', perIpLimit(deps.config.webRequestsPerMinute));
  app.route('/link/google', googleLinkRoutes(deps));

  app.notFound((c) => c.json({ error: 'not found' }, 404));
  app.onError((error, c) => {
    deps.logger.error({ err: error, path: c.req.path }, 'request failed');
    return c.json({ error: 'internal error' }, 500);
  });

  return app;
}

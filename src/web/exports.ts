import { Hono } from 'hono';
import type { Deps } from '../deps';
import { verifyExportLink } from '../exports/links';
import { type ExportFile, meterCsv, personJson } from '../exports/service';

const FILE = /^(.+)\.(csv|json)$/;

/** One answer for every failure, so a probe learns nothing about why. */
const notFound = () =>
  new Response('Not Found', {
    status: 404,
    headers: { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store' },
  });

/**
 * GET /exports/<token>.csv and /exports/<token>.json: the files `export meter 1` and
 * `export my data` link to. The token is the only credential. Every download checks again: the
 * token and its expiry, and (as the person, under row-level security) that they may still read
 * the meter, that it is not archived, that the person still exists. Personal data: no cache
 * anywhere keeps a copy.
 */
export function exportRoutes(deps: Deps): Hono {
  const routes = new Hono();
  routes.get('/:file', async (c) => {
    const match = FILE.exec(c.req.param('file'));
    if (!match) return notFound();
    const [, token = '', extension] = match;
    const link = verifyExportLink(deps.config.appSecret, token, deps.clock());
    if (!link) return notFound();
    let file: ExportFile | null = null;
    if (link.kind === 'meter' && extension === 'csv') file = await meterCsv(deps, link);
    if (link.kind === 'person' && extension === 'json') file = await personJson(deps, link);
    if (!file) return notFound();
    return new Response(file.body, {
      status: 200,
      headers: {
        'Content-Type': file.contentType,
        'Content-Disposition': `attachment; filename="${file.fileName}"`,
        'Cache-Control': 'private, no-store',
        'X-Content-Type-Options': 'nosniff',
        'Referrer-Policy': 'no-referrer',
      },
    });
  });
  return routes;
}

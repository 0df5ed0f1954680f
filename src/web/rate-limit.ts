import type { Context, MiddlewareHandler } from 'hono';
import { rateLimiter } from 'hono-rate-limiter';

/**
 * Who is asking, for a per-IP limit. On Node, the socket's address (@hono/node-server hands the
 * request in `env.incoming`); never a header there, which any client could set. On Cloudflare
 * Workers there is no socket and Cloudflare itself sets `cf-connecting-ip`.
 */
function clientAddress(c: Context): string {
  const incoming = (c.env as { incoming?: { socket?: { remoteAddress?: string } } } | undefined)
    ?.incoming;
  if (incoming) return incoming.socket?.remoteAddress ?? 'unknown';
  return c.req.header('cf-connecting-ip') ?? 'unknown';
}

/**
 * At most `perMinute` requests a minute from one address to the web pages: beyond that 429 with
 * Retry-After, and nothing runs. Counted in this process's memory (hono-rate-limiter's store):
 * several instances each allow that many, which still bounds a single client.
 */
export function perIpLimit(perMinute: number): MiddlewareHandler {
  return rateLimiter({
    windowMs: 60_000,
    limit: perMinute,
    standardHeaders: 'draft-6',
    keyGenerator: clientAddress,
    handler: (c) =>
      c.text('Too many requests. Please wait a minute and try again.', 429, {
        'Cache-Control': 'no-store',
      }),
  });
}

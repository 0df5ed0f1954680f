import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Harness, startHarness } from '../helpers/harness';

describe('per-IP limit on the web pages', () => {
  let h: Harness;

  beforeAll(async () => {
    h = await startHarness({ env: { WEB_REQUESTS_PER_MINUTE: '3' } });
  });
  afterAll(async () => {
    await h?.close();
  });

  it('answers 429 with Retry-After beyond the limit, without running the page', async () => {
    const page = `${h.url}/link/google/start?t=nothing`;
    for (let i = 0; i < 3; i++) expect((await fetch(page)).status).not.toBe(429);
    const refused = await fetch(page);
    expect(refused.status).toBe(429);
    const retryAfter = Number(refused.headers.get('retry-after'));
    expect(retryAfter).toBeGreaterThan(0);
    expect(retryAfter).toBeLessThanOrEqual(60);
    expect(await refused.text()).toMatch(/Too many requests/);
    // A form post from the same address is refused the same way.
    const post = await fetch(`${h.url}/link/google/begin`, { method: 'POST' });
    expect(post.status).toBe(429);
  });

  it('does not count the health check, chart images or the webhook', async () => {
    expect((await fetch(`${h.url}/healthz`)).status).toBe(200);
    expect((await fetch(`${h.url}/charts/x.png`)).status).toBe(404);
  });
});

import { createCipheriv, hkdfSync, randomBytes } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  type ChartTokenPayload,
  MAX_CHART_MONTHS,
  signChartToken,
  verifyChartToken,
} from '../../src/charts/tokens';

const SECRET = 'a'.repeat(16) + 'b'.repeat(16) + 'c'.repeat(8);
const NOW = new Date('2026-11-15T10:00:00Z');
const IN_A_WEEK = new Date(NOW.getTime() + 7 * 86_400_000);

const payload: ChartTokenPayload = {
  sourceId: '0b6f3a8e-4c1d-4d7e-9a55-1f2e3d4c5b6a',
  userId: '7c9e6679-7425-40de-944b-e07fc1f90ae7',
  chatId: 'C4af4980629b9b0a1e2f3d4c5b6a79801',
  lineUserId: 'U4af4980629b9b0a1e2f3d4c5b6a79801',
  mode: 'monthly',
  months: 12,
  language: 'th',
  asOf: Math.floor(NOW.getTime() / 1000),
  variant: 'original',
};

/** Flips one character of the token at `index` to another base64url character. */
function flip(token: string, index: number): string {
  const c = token[index];
  return token.slice(0, index) + (c === 'A' ? 'B' : 'A') + token.slice(index + 1);
}

/** Seals any JSON the documented way: AES-256-GCM under HKDF-SHA256(APP_SECRET, "…v2"). */
function sealed(wire: unknown, plain?: string): string {
  const key = Buffer.from(hkdfSync('sha256', SECRET, '', 'home-log chart links v2', 32));
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  const body = Buffer.concat([
    cipher.update(plain ?? JSON.stringify(wire), 'utf8'),
    cipher.final(),
  ]);
  return Buffer.concat([iv, body, cipher.getAuthTag()]).toString('base64url');
}

describe('chart tokens', () => {
  it('round-trips the payload and the expiry, and is URL-safe and short', () => {
    const token = signChartToken(SECRET, payload, IN_A_WEEK);
    expect(token).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(token.length).toBeLessThan(400);
    expect(verifyChartToken(SECRET, token, NOW)).toEqual({ ...payload, expiresAt: IN_A_WEEK });
  });

  it('round-trips a chart of each mode: monthly use, readings and cost', () => {
    for (const mode of ['monthly', 'readings', 'cost'] as const) {
      const token = signChartToken(SECRET, { ...payload, mode }, IN_A_WEEK);
      expect(verifyChartToken(SECRET, token, NOW)).toEqual({
        ...payload,
        mode,
        expiresAt: IN_A_WEEK,
      });
    }
  });

  it('round-trips any payload (property)', () => {
    const arb = fc.record({
      sourceId: fc.uuid(),
      userId: fc.option(fc.uuid()),
      chatId: fc.option(fc.stringMatching(/^[CR][0-9a-f]{32}$/)),
      lineUserId: fc.option(fc.stringMatching(/^U[0-9a-f]{32}$/)),
      mode: fc.constantFrom('monthly' as const, 'readings' as const, 'cost' as const),
      months: fc.integer({ min: 1, max: MAX_CHART_MONTHS }),
      language: fc.constantFrom('th' as const, 'en' as const),
      asOf: fc.integer({ min: 0, max: 4_000_000_000 }),
      variant: fc.constantFrom('original' as const, 'preview' as const),
    });
    fc.assert(
      fc.property(arb, fc.integer({ min: 1, max: 400 * 86_400 }), (p, lifetime) => {
        const expiresAt = new Date((Math.floor(NOW.getTime() / 1000) + lifetime) * 1000);
        const token = signChartToken(SECRET, p, expiresAt);
        expect(verifyChartToken(SECRET, token, NOW)).toEqual({ ...p, expiresAt });
      }),
    );
  });

  it('refuses any tampering with the token', () => {
    const token = signChartToken(SECRET, payload, IN_A_WEEK);
    // The last character carries only 2 of its 6 bits; the rest are padding base64url ignores.
    for (let i = 0; i < token.length - 1; i++) {
      expect(verifyChartToken(SECRET, flip(token, i), NOW)).toBeNull();
    }
  });

  it('reveals nothing of the payload: no id, no JSON, a new token each time', () => {
    const token = signChartToken(SECRET, payload, IN_A_WEEK);
    const bytes = Buffer.from(token, 'base64url').toString('latin1');
    for (const id of [payload.sourceId, payload.userId!, payload.chatId!, payload.lineUserId!]) {
      expect(bytes).not.toContain(id);
      expect(token).not.toContain(id);
    }
    expect(bytes).not.toContain('monthly');
    expect(signChartToken(SECRET, payload, IN_A_WEEK)).not.toBe(token);
  });

  it('refuses a token signed with another secret', () => {
    const token = signChartToken(`${SECRET}x`, payload, IN_A_WEEK);
    expect(verifyChartToken(SECRET, token, NOW)).toBeNull();
  });

  it('expires at expiresAt, to the second', () => {
    const token = signChartToken(SECRET, payload, IN_A_WEEK);
    expect(verifyChartToken(SECRET, token, new Date(IN_A_WEEK.getTime() - 1000))).not.toBeNull();
    expect(verifyChartToken(SECRET, token, IN_A_WEEK)).toBeNull();
    expect(verifyChartToken(SECRET, token, new Date(IN_A_WEEK.getTime() + 86_400_000))).toBeNull();
  });

  it('refuses garbage', () => {
    for (const garbage of [
      '',
      '.',
      'abc',
      'abc.def',
      'A'.repeat(20),
      'A'.repeat(60),
      'A'.repeat(5000),
      `a b${'A'.repeat(43)}`,
      `${signChartToken(SECRET, payload, IN_A_WEEK)}.png`,
      '../../etc/passwd',
    ]) {
      expect(verifyChartToken(SECRET, garbage, NOW)).toBeNull();
    }
  });

  it('refuses a genuine token with a character outside base64url in it, which a decoder would skip', () => {
    const token = signChartToken(SECRET, payload, IN_A_WEEK);
    for (const changed of [
      `${token}.`,
      `${token}!`,
      `${token.slice(0, 10)}.${token.slice(10)}`,
      `${token.slice(0, 10)} ${token.slice(10)}`,
    ]) {
      expect(verifyChartToken(SECRET, changed, NOW)).toBeNull();
    }
  });

  it('refuses a correctly sealed payload of the wrong shape', () => {
    const exp = Math.floor(IN_A_WEEK.getTime() / 1000);
    const good = [2, payload.sourceId, null, null, null, 'monthly', 12, 'en', 0, 'preview', exp];
    expect(verifyChartToken(SECRET, sealed(good), NOW)).not.toBeNull();
    const variants: unknown[] = [
      { ...good },
      good.slice(0, 10),
      [1, ...good.slice(1)],
      good.map((v, i) => (i === 5 ? 'pie' : v)),
      good.map((v, i) => (i === 6 ? 0 : v)),
      good.map((v, i) => (i === 6 ? MAX_CHART_MONTHS + 1 : v)),
      good.map((v, i) => (i === 6 ? 1.5 : v)),
      good.map((v, i) => (i === 7 ? 'de' : v)),
      good.map((v, i) => (i === 9 ? 'huge' : v)),
      good.map((v, i) => (i === 10 ? String(exp) : v)),
      good.map((v, i) => (i === 1 ? 42 : v)),
      'not an array',
    ];
    for (const wire of variants) expect(verifyChartToken(SECRET, sealed(wire), NOW)).toBeNull();
  });

  it('checks every field of a correctly sealed payload, at the edges of each range', () => {
    const exp = Math.floor(IN_A_WEEK.getTime() / 1000);
    const good = [2, 'S', 'U', 'C', 'L', 'readings', MAX_CHART_MONTHS, 'th', 0, 'original', exp];
    const at = (index: number, value: unknown) => good.map((v, i) => (i === index ? value : v));
    const id100 = 'x'.repeat(100);
    for (const accepted of [
      good,
      at(1, id100),
      at(2, id100),
      at(3, id100),
      at(4, id100),
      at(4, null),
      at(6, 1),
    ]) {
      expect(verifyChartToken(SECRET, sealed(accepted), NOW)).not.toBeNull();
    }
    const refused: unknown[] = [
      [...good, 'extra'],
      { 0: 2, length: 11 },
      at(1, ''),
      at(1, 'x'.repeat(101)),
      at(2, ''),
      at(2, 'x'.repeat(101)),
      at(2, 7),
      at(3, ''),
      at(3, 'x'.repeat(101)),
      at(3, 7),
      at(4, ''),
      at(4, 7),
      at(8, -1),
      at(8, 2.5),
      at(10, -1),
      at(1, ['x']),
      at(1, null),
    ];
    for (const wire of refused) expect(verifyChartToken(SECRET, sealed(wire), NOW)).toBeNull();
    // Sealed, but not JSON at all.
    expect(verifyChartToken(SECRET, sealed(null, 'not json'), NOW)).toBeNull();
  });

  it('signing refuses a nonsensical payload, saying which field is wrong', () => {
    expect(() => signChartToken(SECRET, { ...payload, months: 0 }, IN_A_WEEK)).toThrow(
      `months must be 1..${MAX_CHART_MONTHS}`,
    );
    expect(() => signChartToken(SECRET, { ...payload, asOf: 1.5 }, IN_A_WEEK)).toThrow(
      'asOf must be epoch seconds',
    );
  });
});

import { createHmac, hkdfSync } from 'node:crypto';
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

describe('chart tokens', () => {
  it('round-trips the payload and the expiry, and is URL-safe and short', () => {
    const token = signChartToken(SECRET, payload, IN_A_WEEK);
    expect(token).toMatch(/^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]{43}$/);
    expect(token.length).toBeLessThan(400);
    expect(verifyChartToken(SECRET, token, NOW)).toEqual({ ...payload, expiresAt: IN_A_WEEK });
  });

  it('round-trips any payload (property)', () => {
    const arb = fc.record({
      sourceId: fc.uuid(),
      userId: fc.option(fc.uuid()),
      chatId: fc.option(fc.stringMatching(/^[CR][0-9a-f]{32}$/)),
      mode: fc.constantFrom('monthly' as const, 'readings' as const),
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

  it('refuses any tampering with the payload or the signature', () => {
    const token = signChartToken(SECRET, payload, IN_A_WEEK);
    for (let i = 0; i < token.length; i++) {
      if (token[i] === '.') continue;
      expect(verifyChartToken(SECRET, flip(token, i), NOW)).toBeNull();
    }
    // Another user's chart: a payload re-signed by someone without the secret.
    const [encoded] = token.split('.');
    const forged = JSON.parse(Buffer.from(encoded!, 'base64url').toString());
    forged[2] = 'attacker';
    const forgedEncoded = Buffer.from(JSON.stringify(forged)).toString('base64url');
    expect(verifyChartToken(SECRET, `${forgedEncoded}.${token.split('.')[1]}`, NOW)).toBeNull();
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
      `${'A'.repeat(20)}.${'A'.repeat(43)}`,
      `${'A'.repeat(5000)}.${'A'.repeat(43)}`,
      `a b.${'A'.repeat(43)}`,
      `${signChartToken(SECRET, payload, IN_A_WEEK)}.png`,
      '../../etc/passwd',
    ]) {
      expect(verifyChartToken(SECRET, garbage, NOW)).toBeNull();
    }
  });

  it('refuses a correctly signed payload of the wrong shape', () => {
    // The documented derivation: HKDF-SHA256(APP_SECRET, info "home-log chart links v1").
    const key = Buffer.from(hkdfSync('sha256', SECRET, '', 'home-log chart links v1', 32));
    const signed = (wire: unknown) => {
      const encoded = Buffer.from(JSON.stringify(wire)).toString('base64url');
      return `${encoded}.${createHmac('sha256', key).update(encoded).digest('base64url')}`;
    };
    const exp = Math.floor(IN_A_WEEK.getTime() / 1000);
    const good = [1, payload.sourceId, null, null, 'monthly', 12, 'en', 0, 'preview', exp];
    expect(verifyChartToken(SECRET, signed(good), NOW)).not.toBeNull();
    const variants: unknown[] = [
      { ...good },
      good.slice(0, 9),
      [2, ...good.slice(1)],
      good.map((v, i) => (i === 4 ? 'pie' : v)),
      good.map((v, i) => (i === 5 ? 0 : v)),
      good.map((v, i) => (i === 5 ? MAX_CHART_MONTHS + 1 : v)),
      good.map((v, i) => (i === 5 ? 1.5 : v)),
      good.map((v, i) => (i === 6 ? 'de' : v)),
      good.map((v, i) => (i === 8 ? 'huge' : v)),
      good.map((v, i) => (i === 9 ? String(exp) : v)),
      good.map((v, i) => (i === 1 ? 42 : v)),
      'not an array',
    ];
    for (const wire of variants) expect(verifyChartToken(SECRET, signed(wire), NOW)).toBeNull();
  });

  it('checks every field of a correctly signed payload, at the edges of each range', () => {
    const key = Buffer.from(hkdfSync('sha256', SECRET, '', 'home-log chart links v1', 32));
    const signed = (wire: unknown) => {
      const encoded = Buffer.from(JSON.stringify(wire)).toString('base64url');
      return `${encoded}.${createHmac('sha256', key).update(encoded).digest('base64url')}`;
    };
    const exp = Math.floor(IN_A_WEEK.getTime() / 1000);
    const good = [1, 'S', 'U', 'C', 'readings', MAX_CHART_MONTHS, 'th', 0, 'original', exp];
    const at = (index: number, value: unknown) => good.map((v, i) => (i === index ? value : v));
    const id100 = 'x'.repeat(100);
    for (const accepted of [good, at(1, id100), at(2, id100), at(3, id100), at(5, 1)]) {
      expect(verifyChartToken(SECRET, signed(accepted), NOW)).not.toBeNull();
    }
    const refused: unknown[] = [
      [...good, 'extra'],
      { 0: 1, length: 10 },
      at(1, ''),
      at(1, 'x'.repeat(101)),
      at(2, ''),
      at(2, 'x'.repeat(101)),
      at(2, 7),
      at(3, ''),
      at(3, 'x'.repeat(101)),
      at(3, 7),
      at(7, -1),
      at(7, 2.5),
      at(9, -1),
      at(1, ['x']),
      at(1, null),
    ];
    for (const wire of refused) expect(verifyChartToken(SECRET, signed(wire), NOW)).toBeNull();
    // Signed, but not JSON at all.
    const encoded = Buffer.from('not json').toString('base64url');
    const mac = createHmac('sha256', key).update(encoded).digest('base64url');
    expect(verifyChartToken(SECRET, `${encoded}.${mac}`, NOW)).toBeNull();
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

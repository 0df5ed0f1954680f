import { describe, expect, it } from 'vitest';
import { signPhotoToken, verifyPhotoToken } from '../../src/photos/tokens';

const SECRET = 'a'.repeat(64);
const payload = {
  photoId: '0b7c3c56-8f7f-4a57-9f8e-1f0c1b2d3e4f',
  userId: '5d6e7f80-1a2b-4c3d-8e9f-a0b1c2d3e4f5',
  chatId: null,
  lineUserId: null,
};
const now = new Date('2026-11-15T03:00:00Z');
const expires = new Date(now.getTime() + 3_600_000);

describe('photo link tokens', () => {
  it('round-trip, and reveal no id in the URL', () => {
    const token = signPhotoToken(SECRET, payload, expires);
    expect(verifyPhotoToken(SECRET, token, now)).toEqual({ ...payload, expiresAt: expires });
    expect(token).not.toContain(payload.photoId);
    expect(Buffer.from(token, 'base64url').toString('latin1')).not.toContain('0b7c3c56');
  });

  it('fail at expiry, under another secret, and after any change', () => {
    const token = signPhotoToken(SECRET, payload, expires);
    expect(verifyPhotoToken(SECRET, token, expires)).toBeNull();
    expect(verifyPhotoToken('b'.repeat(64), token, now)).toBeNull();
    for (const at of [0, 15, Math.floor(token.length / 2), token.length - 2]) {
      const flipped = token[at] === 'A' ? 'B' : 'A';
      expect(
        verifyPhotoToken(SECRET, token.slice(0, at) + flipped + token.slice(at + 1), now),
      ).toBeNull();
    }
    expect(verifyPhotoToken(SECRET, `${token}A`, now)).toBeNull();
    expect(verifyPhotoToken(SECRET, 'short', now)).toBeNull();
  });

  it('are not chart tokens: a chart key does not open them', async () => {
    const { verifyChartToken } = await import('../../src/charts/tokens');
    const token = signPhotoToken(SECRET, payload, expires);
    expect(verifyChartToken(SECRET, token, now)).toBeNull();
  });
});

import { describe, expect, it } from 'vitest';
import { isRecent, photoTypeOf } from '../../src/domain/photos';

describe('photoTypeOf', () => {
  const png = Buffer.from(
    'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
    'base64',
  );

  it('knows a JPEG and a PNG by their first bytes', () => {
    expect(photoTypeOf(Buffer.from([0xff, 0xd8, 0xff, 0xe1, 0, 0]))).toBe('image/jpeg');
    expect(photoTypeOf(png)).toBe('image/png');
  });

  it('needs no more than the four bytes of a JPEG marker, or the sixteen of a PNG signature and IHDR', () => {
    expect(photoTypeOf(Buffer.from([0xff, 0xd8, 0xff, 0xdb]))).toBe('image/jpeg');
    expect(photoTypeOf(png.subarray(0, 16))).toBe('image/png');
  });

  it('refuses a JPEG marker with any of its three bytes wrong', () => {
    expect(photoTypeOf(Buffer.from([0x00, 0xd8, 0xff, 0xe1, 0, 0]))).toBeNull();
    expect(photoTypeOf(Buffer.from([0xff, 0x00, 0xff, 0xe1, 0, 0]))).toBeNull();
    expect(photoTypeOf(Buffer.from([0xff, 0xd8, 0x00, 0xe1, 0, 0]))).toBeNull();
  });

  it('refuses an IHDR chunk behind a PNG signature with any byte wrong', () => {
    for (let i = 0; i < 8; i++) {
      const wrongSignature = Buffer.from(png);
      wrongSignature[i] = 0x00;
      expect(photoTypeOf(wrongSignature), `byte ${i}`).toBeNull();
    }
  });

  it('refuses everything else, whatever it claims to be', () => {
    expect(photoTypeOf(Buffer.from('GIF89a......'))).toBeNull();
    expect(photoTypeOf(Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"/>'))).toBeNull();
    expect(photoTypeOf(Buffer.alloc(0))).toBeNull();
    // Truncated: the signature alone, or a JPEG marker cut short.
    expect(photoTypeOf(png.subarray(0, 8))).toBeNull();
    expect(photoTypeOf(Buffer.from([0xff, 0xd8, 0xff]))).toBeNull();
    // A PNG signature whose first chunk is not IHDR.
    const wrongChunk = Buffer.from(png);
    wrongChunk.write('IDAT', 12, 'ascii');
    expect(photoTypeOf(wrongChunk)).toBeNull();
  });
});

describe('isRecent', () => {
  const now = new Date('2026-11-15T03:00:00Z');
  it('holds within the window and not a millisecond past it', () => {
    expect(isRecent(new Date(now.getTime() - 300_000), now, 300_000)).toBe(true);
    expect(isRecent(new Date(now.getTime() - 300_001), now, 300_000)).toBe(false);
  });
  it('allows a clock a minute fast, and not a millisecond more', () => {
    expect(isRecent(new Date(now.getTime() + 30_000), now, 300_000)).toBe(true);
    expect(isRecent(new Date(now.getTime() + 60_000), now, 300_000)).toBe(true);
    expect(isRecent(new Date(now.getTime() + 60_001), now, 300_000)).toBe(false);
  });
  it('does not count an instant well in the future as recent', () => {
    expect(isRecent(new Date(now.getTime() + 120_000), now, 300_000)).toBe(false);
  });
});

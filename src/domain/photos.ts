// Photos kept as evidence for readings: what counts as a picture, and when an image sent without
// a command belongs to the reading just before it. Pure rules; the bot and the service apply them.

export type PhotoType = 'image/jpeg' | 'image/png';

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

/**
 * The type the bytes really are, by their first bytes (whatever a header claims): a JPEG starts
 * with an SOI marker followed by another marker (FF D8 FF), a PNG with its 8-byte signature and
 * an IHDR chunk. Anything else, a truncated file included, is null.
 */
export function photoTypeOf(bytes: Uint8Array): PhotoType | null {
  if (bytes.length >= 4 && bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) {
    return 'image/jpeg';
  }
  const isPng =
    bytes.length >= 16 &&
    PNG_SIGNATURE.every((byte, i) => bytes[i] === byte) &&
    String.fromCharCode(bytes[12]!, bytes[13]!, bytes[14]!, bytes[15]!) === 'IHDR';
  return isPng ? 'image/png' : null;
}

/** An image this soon after a reading (by the same person, in the same chat) belongs to it. */
export const PHOTO_AFTER_READING_MS = 5 * 60_000;

/** A `photo #12` waits this long for its image. */
export const PHOTO_REQUEST_MS = 10 * 60_000;

/** At most this many photos per reading: evidence, not an album. */
export const MAX_PHOTOS_PER_READING = 3;

/** Whether something that happened at `at` is still recent at `now` (never in the future). */
export const isRecent = (at: Date, now: Date, windowMs: number): boolean =>
  now.getTime() - at.getTime() <= windowMs && at.getTime() <= now.getTime() + 60_000;

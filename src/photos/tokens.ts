/**
 * Sealed, expiring photo links, made the way chart links are (src/charts/tokens.ts): the URL is
 * the only credential, so its content is sealed with AES-256-GCM under a key derived from
 * APP_SECRET for photo links only. Whoever sees the URL learns no photo, user, meter or group
 * id, and any change to it fails authentication. The token names who it was given to, so every
 * fetch asks the database again whether that person may still see the meter.
 */
import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto';

export interface PhotoTokenPayload {
  photoId: string;
  /** The person the link was shown to: row-level security decides again at every fetch. */
  userId: string;
  /** The LINE group or room whose share let them see the meter, if any. */
  chatId: string | null;
  /** The LINE user who asked in that group: every fetch checks they are still a member. */
  lineUserId: string | null;
}

export interface VerifiedPhotoToken extends PhotoTokenPayload {
  expiresAt: Date;
}

const VERSION = 1;
const KEY_INFO = 'home-log photo links v1';
const IV_BYTES = 12;
const TAG_BYTES = 16;
const TOKEN_PATTERN = /^[A-Za-z0-9_-]{40,1000}$/;

/** A key for photo links only, independent of the chart-link and cookie keys. */
const linkKey = (secret: string): Buffer =>
  Buffer.from(hkdfSync('sha256', secret, '', KEY_INFO, 32));

// Positional JSON keeps the URL short: [version, photo, user, chat, LINE user, expires].
type Wire = [number, string, string, string | null, string | null, number];

const isId = (value: unknown): value is string =>
  typeof value === 'string' && value.length > 0 && value.length <= 100;

export function signPhotoToken(secret: string, payload: PhotoTokenPayload, expiresAt: Date) {
  const wire: Wire = [
    VERSION,
    payload.photoId,
    payload.userId,
    payload.chatId,
    payload.lineUserId,
    Math.floor(expiresAt.getTime() / 1000),
  ];
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv('aes-256-gcm', linkKey(secret), iv);
  const sealed = Buffer.concat([cipher.update(JSON.stringify(wire), 'utf8'), cipher.final()]);
  return Buffer.concat([iv, sealed, cipher.getAuthTag()]).toString('base64url');
}

function open(secret: string, token: string): unknown {
  const bytes = Buffer.from(token, 'base64url');
  if (bytes.length <= IV_BYTES + TAG_BYTES) return null;
  try {
    const decipher = createDecipheriv('aes-256-gcm', linkKey(secret), bytes.subarray(0, IV_BYTES));
    decipher.setAuthTag(bytes.subarray(bytes.length - TAG_BYTES));
    const plain = Buffer.concat([
      decipher.update(bytes.subarray(IV_BYTES, bytes.length - TAG_BYTES)),
      decipher.final(),
    ]);
    return JSON.parse(plain.toString('utf8'));
  } catch {
    return null;
  }
}

/** The payload of a genuine, unexpired token; null for anything else, whatever is wrong. */
export function verifyPhotoToken(
  secret: string,
  token: string,
  now: Date,
): VerifiedPhotoToken | null {
  if (!TOKEN_PATTERN.test(token)) return null;
  const wire = open(secret, token);
  if (!Array.isArray(wire) || wire.length !== 6 || wire[0] !== VERSION) return null;
  const [, photoId, userId, chatId, lineUserId, expires] = wire;
  if (
    !isId(photoId) ||
    !isId(userId) ||
    !(chatId === null || isId(chatId)) ||
    !(lineUserId === null || isId(lineUserId)) ||
    !Number.isSafeInteger(expires) ||
    (expires as number) < 0
  ) {
    return null;
  }
  const expiresAt = new Date((expires as number) * 1000);
  if (now.getTime() >= expiresAt.getTime()) return null;
  return { photoId, userId, chatId, lineUserId, expiresAt };
}

/**
 * Sealed, expiring photo links, made the way chart links are (src/charts/tokens.ts): the URL is
 * the only credential, so its content is sealed with AES-256-GCM under a key derived from
 * APP_SECRET for photo links only. Whoever sees the URL learns no photo, user, meter or group
 * id, and any change to it fails authentication. The token names who it was given to, so every
 * fetch asks the database again whether that person may still see the meter.
 */
import { openJson, sealJson } from '../sealed-json';

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
const TOKEN_PATTERN = /^[A-Za-z0-9_-]{40,1000}$/;

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
  return sealJson(secret, KEY_INFO, wire);
}

/** The payload of a genuine, unexpired token; null for anything else, whatever is wrong. */
export function verifyPhotoToken(
  secret: string,
  token: string,
  now: Date,
): VerifiedPhotoToken | null {
  if (!TOKEN_PATTERN.test(token)) return null;
  const wire = openJson(secret, KEY_INFO, token);
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

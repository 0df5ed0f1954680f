/**
 * Sealed, expiring chart links. LINE fetches a chart image itself, without cookies or headers,
 * so the URL is the capability. The token is the chart's description (not the picture), so any
 * instance can draw it again from the database, sealed with AES-256-GCM under a key derived from
 * APP_SECRET for this purpose only: nobody who sees the URL learns a user, meter or group id,
 * and any change to it fails authentication.
 */
import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto';
import type { Language } from '../domain/types';

export type ChartMode = 'monthly' | 'readings' | 'cost';
export type ChartVariant = 'original' | 'preview';

/** The most months one chart may span (a bar per month stays legible). */
export const MAX_CHART_MONTHS = 60;

export interface ChartTokenPayload {
  sourceId: string;
  /** The actor the chart is drawn for: row-level security decides again at every fetch. */
  userId: string | null;
  /** The LINE group or room whose share let the actor see the source, if any. */
  chatId: string | null;
  /** The LINE user who asked in that group: every fetch checks they are still a member. */
  lineUserId: string | null;
  mode: ChartMode;
  months: number;
  language: Language;
  /** The chart's "now", in epoch seconds: the same months, projection and labels at every fetch. */
  asOf: number;
  variant: ChartVariant;
}

export interface VerifiedChartToken extends ChartTokenPayload {
  expiresAt: Date;
}

const VERSION = 2;
const KEY_INFO = 'home-log chart links v2';
const IV_BYTES = 12;
const TAG_BYTES = 16;
const TOKEN_PATTERN = /^[A-Za-z0-9_-]{40,2000}$/;

/** A key for chart links only: a leaked link key would not sign cookies, and vice versa. */
function linkKey(secret: string): Buffer {
  return Buffer.from(hkdfSync('sha256', secret, '', KEY_INFO, 32));
}

// Positional JSON keeps the URL short: [version, source, user, chat, LINE user, mode, months,
// language, asOf, variant, expires].
type Wire = [
  number,
  string,
  string | null,
  string | null,
  string | null,
  string,
  number,
  string,
  number,
  string,
  number,
];

const isInteger = (value: unknown, min: number, max: number): value is number =>
  Number.isSafeInteger(value) && (value as number) >= min && (value as number) <= max;
const isId = (value: unknown): value is string =>
  typeof value === 'string' && value.length > 0 && value.length <= 100;

function checkPayload(payload: ChartTokenPayload): void {
  if (!isInteger(payload.months, 1, MAX_CHART_MONTHS)) {
    throw new RangeError(`months must be 1..${MAX_CHART_MONTHS}`);
  }
  if (!isInteger(payload.asOf, 0, Number.MAX_SAFE_INTEGER)) {
    throw new RangeError('asOf must be epoch seconds');
  }
}

export function signChartToken(
  secret: string,
  payload: ChartTokenPayload,
  expiresAt: Date,
): string {
  checkPayload(payload);
  const wire: Wire = [
    VERSION,
    payload.sourceId,
    payload.userId,
    payload.chatId,
    payload.lineUserId,
    payload.mode,
    payload.months,
    payload.language,
    payload.asOf,
    payload.variant,
    Math.floor(expiresAt.getTime() / 1000),
  ];
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv('aes-256-gcm', linkKey(secret), iv);
  const sealed = Buffer.concat([cipher.update(JSON.stringify(wire), 'utf8'), cipher.final()]);
  return Buffer.concat([iv, sealed, cipher.getAuthTag()]).toString('base64url');
}

/** The plaintext of a genuine token; null when it was not sealed under this secret. */
function open(secret: string, token: string): string | null {
  const bytes = Buffer.from(token, 'base64url');
  if (bytes.length <= IV_BYTES + TAG_BYTES) return null;
  try {
    const decipher = createDecipheriv('aes-256-gcm', linkKey(secret), bytes.subarray(0, IV_BYTES));
    decipher.setAuthTag(bytes.subarray(bytes.length - TAG_BYTES));
    const plain = Buffer.concat([
      decipher.update(bytes.subarray(IV_BYTES, bytes.length - TAG_BYTES)),
      decipher.final(),
    ]);
    return plain.toString('utf8');
  } catch {
    return null;
  }
}

function decode(plain: string): VerifiedChartToken | null {
  let wire: unknown;
  try {
    wire = JSON.parse(plain);
  } catch {
    return null;
  }
  if (!Array.isArray(wire) || wire.length !== 11 || wire[0] !== VERSION) return null;
  const [, sourceId, userId, chatId, lineUserId, mode, months, language, asOf, variant, expires] =
    wire;
  if (
    !isId(sourceId) ||
    !(userId === null || isId(userId)) ||
    !(chatId === null || isId(chatId)) ||
    !(lineUserId === null || isId(lineUserId)) ||
    (mode !== 'monthly' && mode !== 'readings' && mode !== 'cost') ||
    !isInteger(months, 1, MAX_CHART_MONTHS) ||
    (language !== 'th' && language !== 'en') ||
    !isInteger(asOf, 0, Number.MAX_SAFE_INTEGER) ||
    (variant !== 'original' && variant !== 'preview') ||
    !isInteger(expires, 0, Number.MAX_SAFE_INTEGER)
  ) {
    return null;
  }
  return {
    sourceId,
    userId,
    chatId,
    lineUserId,
    mode,
    months,
    language,
    asOf,
    variant,
    expiresAt: new Date(expires * 1000),
  };
}

/** The payload of a genuine, unexpired token; null for anything else, whatever is wrong with it. */
export function verifyChartToken(
  secret: string,
  token: string,
  now: Date,
): VerifiedChartToken | null {
  if (!TOKEN_PATTERN.test(token)) return null;
  const plain = open(secret, token);
  const payload = plain === null ? null : decode(plain);
  if (!payload || now.getTime() >= payload.expiresAt.getTime()) return null;
  return payload;
}

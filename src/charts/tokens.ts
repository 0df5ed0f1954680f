/**
 * Signed, expiring chart links. LINE fetches a chart image itself, without cookies or
 * headers, so the URL is the capability: `<payload>.<signature>`, both base64url. The payload
 * names the chart (not the picture), so any instance can draw it again from the database; the
 * signature is HMAC-SHA256 under a key derived from APP_SECRET for this purpose only.
 */
import { createHmac, hkdfSync, timingSafeEqual } from 'node:crypto';
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

const VERSION = 1;
const KEY_INFO = 'home-log chart links v1';
const SIGNATURE_CHARS = 43; // 32 bytes, base64url without padding
const TOKEN_PATTERN = /^([A-Za-z0-9_-]{1,1500})\.([A-Za-z0-9_-]{43})$/;

/** A key for chart links only: a leaked link key would not sign cookies, and vice versa. */
function linkKey(secret: string): Buffer {
  return Buffer.from(hkdfSync('sha256', secret, '', KEY_INFO, 32));
}

function signature(secret: string, encodedPayload: string): string {
  return createHmac('sha256', linkKey(secret)).update(encodedPayload).digest('base64url');
}

// Positional JSON keeps the URL short: [version, source, user, chat, mode, months, language,
// asOf, variant, expires].
type Wire = [
  number,
  string,
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
    payload.mode,
    payload.months,
    payload.language,
    payload.asOf,
    payload.variant,
    Math.floor(expiresAt.getTime() / 1000),
  ];
  const encoded = Buffer.from(JSON.stringify(wire)).toString('base64url');
  return `${encoded}.${signature(secret, encoded)}`;
}

function decode(encoded: string): VerifiedChartToken | null {
  let wire: unknown;
  try {
    wire = JSON.parse(Buffer.from(encoded, 'base64url').toString('utf8'));
  } catch {
    return null;
  }
  if (!Array.isArray(wire) || wire.length !== 10 || wire[0] !== VERSION) return null;
  const [, sourceId, userId, chatId, mode, months, language, asOf, variant, expires] = wire;
  if (
    !isId(sourceId) ||
    !(userId === null || isId(userId)) ||
    !(chatId === null || isId(chatId)) ||
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
  const match = TOKEN_PATTERN.exec(token);
  if (!match) return null;
  const [, encoded = '', given = ''] = match;
  const expected = signature(secret, encoded);
  if (
    expected.length !== SIGNATURE_CHARS ||
    !timingSafeEqual(Buffer.from(given), Buffer.from(expected))
  ) {
    return null;
  }
  const payload = decode(encoded);
  if (!payload || now.getTime() >= payload.expiresAt.getTime()) return null;
  return payload;
}

/**
 * Sealed, expiring download links for `export meter 1` and `export my data`, made like the chart
 * links (src/charts/tokens.ts): the URL is the only credential, so it says nothing readable.
 * The payload (what to export, for whom, in which language, until when) is sealed with
 * AES-256-GCM under a key derived from APP_SECRET for export links only; any change to the token
 * fails authentication. Every download checks access again (src/web/exports.ts).
 */
import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto';
import type { Language } from '../domain/types';

export type ExportLink =
  /** The CSV of one meter's readings, as `userId` may read them. */
  | { kind: 'meter'; sourceId: string; userId: string; language: Language }
  /** The JSON of everything kept about `userId`. */
  | { kind: 'person'; userId: string; language: Language };

export type VerifiedExportLink = ExportLink & { expiresAt: Date };

const VERSION = 1;
const KEY_INFO = 'home-log export links v1';
const IV_BYTES = 12;
const TAG_BYTES = 16;
const TOKEN_PATTERN = /^[A-Za-z0-9_-]{40,1000}$/;

/** Not the chart key: a chart link can never be turned into an export link, or back. */
function linkKey(secret: string): Buffer {
  return Buffer.from(hkdfSync('sha256', secret, '', KEY_INFO, 32));
}

const isId = (value: unknown): value is string =>
  typeof value === 'string' && value.length > 0 && value.length <= 100;

// Positional JSON keeps the URL short: [version, kind, user, source | null, language, expires].
export function signExportLink(secret: string, link: ExportLink, expiresAt: Date): string {
  const wire = [
    VERSION,
    link.kind,
    link.userId,
    link.kind === 'meter' ? link.sourceId : null,
    link.language,
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

/** The link of a genuine, unexpired token; null for anything else, whatever is wrong with it. */
export function verifyExportLink(
  secret: string,
  token: string,
  now: Date,
): VerifiedExportLink | null {
  if (!TOKEN_PATTERN.test(token)) return null;
  const wire = open(secret, token);
  if (!Array.isArray(wire) || wire.length !== 6 || wire[0] !== VERSION) return null;
  const [, kind, userId, sourceId, language, expires] = wire;
  if (
    !isId(userId) ||
    (language !== 'th' && language !== 'en') ||
    !Number.isSafeInteger(expires) ||
    now.getTime() >= expires * 1000
  ) {
    return null;
  }
  const expiresAt = new Date(expires * 1000);
  if (kind === 'meter' && isId(sourceId)) {
    return { kind, sourceId, userId, language, expiresAt };
  }
  if (kind === 'person' && sourceId === null) return { kind, userId, language, expiresAt };
  return null;
}

/**
 * Sealed, expiring download links for `export meter 1` and `export my data`, made like the chart
 * links (src/charts/tokens.ts): the URL is the only credential, so it says nothing readable.
 * The payload (what to export, for whom, in which language, until when) is sealed with
 * AES-256-GCM under a key derived from APP_SECRET for export links only; any change to the token
 * fails authentication. Every download checks access again (src/web/exports.ts).
 */

import type { Language } from '../domain/types';
import { openJson, sealJson } from '../sealed-json';

export type ExportLink =
  /** The CSV of one meter's readings, as `userId` may read them. */
  | { kind: 'meter'; sourceId: string; userId: string; language: Language }
  /** The JSON of everything kept about `userId`. */
  | { kind: 'person'; userId: string; language: Language };

export type VerifiedExportLink = ExportLink & { expiresAt: Date };

const VERSION = 1;
const KEY_INFO = 'home-log export links v1';
const TOKEN_PATTERN = /^[A-Za-z0-9_-]{40,1000}$/;

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
  return sealJson(secret, KEY_INFO, wire);
}

/** The link of a genuine, unexpired token; null for anything else, whatever is wrong with it. */
export function verifyExportLink(
  secret: string,
  token: string,
  now: Date,
): VerifiedExportLink | null {
  if (!TOKEN_PATTERN.test(token)) return null;
  const wire = openJson(secret, KEY_INFO, token);
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

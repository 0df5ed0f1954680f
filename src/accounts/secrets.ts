import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

// One-time tokens of the linking flow: 256 random bits handed out, only their SHA-256 stored.

// Our tokens are 43 characters; anything much longer is not one of ours.
const MAX_TOKEN_LENGTH = 128;

/** 256 random bits, base64url (43 characters). */
export const newSecret = (): string => randomBytes(32).toString('base64url');

/** The form a secret is stored and looked up in. */
export const hashSecret = (secret: string): string =>
  createHash('sha256').update(secret).digest('hex');

export function isPlausibleSecret(secret: string | undefined): secret is string {
  return typeof secret === 'string' && secret.length > 0 && secret.length <= MAX_TOKEN_LENGTH;
}

/** Constant-time comparison; hashing first makes the lengths equal and hides them. */
export function sameSecret(a: string, b: string): boolean {
  const digest = (s: string) => createHash('sha256').update(s).digest();
  return timingSafeEqual(digest(a), digest(b));
}

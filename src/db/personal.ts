import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { rows } from './client';

// Personal fields of audit entries (a reading's note, an e-mail address, a provider's account
// id) are never stored in the clear: each is sealed with AES-256-GCM under a random key of the
// person it is about (person_keys, reached only through app_person_key()). Erasing the person
// deletes the key; the sealed bytes stay in the audit row, so the hash chain still verifies, but
// no one can read them again.

/** A value to seal under `personId`'s key (the acting user's when not given). */
export class Personal {
  constructor(
    readonly value: unknown,
    readonly personId: string | null | undefined,
  ) {}

  /** Never written out in the clear by accident: only sealPersonal turns it into bytes. */
  toJSON(): never {
    throw new Error('a personal field must be sealed before it is stored');
  }
}

/**
 * Marks a personal field of an audit entry. A missing value stays null; a value of nobody (no
 * person to own the key) is not recorded at all.
 */
export function personal(value: unknown, personId?: string | null): Personal | null {
  return value === null || value === undefined ? null : new Personal(value, personId);
}

/** How a sealed field is stored: the person whose key seals it and base64(iv | ciphertext | tag). */
export interface SealedField {
  sealed: string;
  person: string;
}

export const isSealedField = (value: unknown): value is SealedField =>
  typeof value === 'object' &&
  value !== null &&
  !Array.isArray(value) &&
  Object.keys(value).length === 2 &&
  typeof (value as SealedField).sealed === 'string' &&
  typeof (value as SealedField).person === 'string';

/** What an opened field shows when its person was erased (the key is gone). */
export const ERASED = Object.freeze({ erased: true as const });
export type Erased = typeof ERASED;
export const isErased = (value: unknown): value is Erased => value === ERASED;

const IV_BYTES = 12;
const TAG_BYTES = 16;
const aad = (personId: string) => Buffer.from(`home-log audit field v1:${personId}`, 'utf8');

export function sealWith(key: Buffer, personId: string, value: unknown): SealedField {
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  cipher.setAAD(aad(personId));
  const body = Buffer.concat([cipher.update(JSON.stringify(value), 'utf8'), cipher.final()]);
  return {
    sealed: Buffer.concat([iv, body, cipher.getAuthTag()]).toString('base64'),
    person: personId,
  };
}

/** The sealed value, or ERASED when the key is gone or the bytes do not open under it. */
export function openWith(key: Buffer | null, field: SealedField): unknown {
  if (!key) return ERASED;
  try {
    const raw = Buffer.from(field.sealed, 'base64');
    const decipher = createDecipheriv('aes-256-gcm', key, raw.subarray(0, IV_BYTES));
    decipher.setAAD(aad(field.person));
    decipher.setAuthTag(raw.subarray(raw.length - TAG_BYTES));
    const text = Buffer.concat([
      decipher.update(raw.subarray(IV_BYTES, raw.length - TAG_BYTES)),
      decipher.final(),
    ]).toString('utf8');
    return JSON.parse(text) as unknown;
  } catch {
    return ERASED;
  }
}

/** Anything that runs SQL: a transaction or a database. */
type Executor = Parameters<typeof rows>[0];

/**
 * A person's key: the stored one, or (create) a new random one stored now. Null when there is no
 * key and none may be made (the person was erased, or never existed).
 */
export async function personKey(
  executor: Executor,
  personId: string,
  create: boolean,
): Promise<Buffer | null> {
  const fresh = create ? randomBytes(32).toString('base64') : null;
  const [row] = await rows<{ key: string | null }>(
    executor,
    sql`select app_person_key(${personId}::uuid, ${fresh}) as key`,
  );
  return row?.key ? Buffer.from(row.key, 'base64') : null;
}

/** Replaces every Personal in `value` (objects and arrays, deeply) with its sealed form. */
export async function sealPersonal(
  executor: Executor,
  value: unknown,
  actorId: string | null,
  keys = new Map<string, Buffer | null>(),
): Promise<unknown> {
  if (value instanceof Personal) {
    const personId = value.personId ?? actorId;
    if (!personId) return null;
    if (!keys.has(personId)) keys.set(personId, await personKey(executor, personId, true));
    const key = keys.get(personId);
    return key ? sealWith(key, personId, value.value) : null;
  }
  if (Array.isArray(value)) {
    const out: unknown[] = [];
    for (const item of value) out.push(await sealPersonal(executor, item, actorId, keys));
    return out;
  }
  if (typeof value === 'object' && value !== null && !(value instanceof Date)) {
    const out: Record<string, unknown> = {};
    for (const [name, item] of Object.entries(value)) {
      out[name] = await sealPersonal(executor, item, actorId, keys);
    }
    return out;
  }
  return value;
}

/**
 * Opens every sealed field in `value` with its person's key (ERASED where the key is gone).
 * `keyOf` is asked once per person.
 */
export async function openPersonal(
  value: unknown,
  keyOf: (personId: string) => Promise<Buffer | null>,
  keys = new Map<string, Buffer | null>(),
): Promise<unknown> {
  if (isSealedField(value)) {
    if (!keys.has(value.person)) keys.set(value.person, await keyOf(value.person));
    return openWith(keys.get(value.person) ?? null, value);
  }
  if (Array.isArray(value)) {
    const out: unknown[] = [];
    for (const item of value) out.push(await openPersonal(item, keyOf, keys));
    return out;
  }
  if (typeof value === 'object' && value !== null) {
    const out: Record<string, unknown> = {};
    for (const [name, item] of Object.entries(value)) {
      out[name] = await openPersonal(item, keyOf, keys);
    }
    return out;
  }
  return value;
}

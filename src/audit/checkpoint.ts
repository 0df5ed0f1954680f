import { createPrivateKey, createPublicKey, type KeyObject, sign, verify } from 'node:crypto';

// A checkpoint is the chain head (seq, hash) at a moment, signed with the operator's Ed25519
// key. Each export run writes one; kept on write-once storage, it proves later that the
// database's chain up to that row was not rewritten or cut short since, even by someone who
// could recompute every hash.

export const CHECKPOINT_FORMAT = 'home-log-audit-checkpoint/1';

export interface ChainHead {
  seq: number;
  hash: string;
  /** When the head was read (ISO 8601, UTC). */
  at: string;
}

/** The file: the exact signed bytes, and the signature over them. */
export interface CheckpointFile {
  format: typeof CHECKPOINT_FORMAT;
  /** JSON of the ChainHead; the signature covers these bytes exactly. */
  signed: string;
  /** Ed25519 signature, base64. */
  signature: string;
}

export class InvalidKey extends Error {}

// DER prefixes that turn a raw 32-byte Ed25519 key into PKCS8 (private) and SPKI (public).
const PKCS8_SEED_PREFIX = Buffer.from('302e020100300506032b657004220420', 'hex');
const SPKI_PREFIX = Buffer.from('302a300506032b6570032100', 'hex');

/** AUDIT_SIGNING_KEY: a PKCS8 PEM, or the 32-byte seed in base64. */
export function parseSigningKey(value: string): KeyObject {
  let key: KeyObject;
  try {
    key = value.includes('-----BEGIN')
      ? createPrivateKey(value)
      : createPrivateKey({
          key: Buffer.concat([PKCS8_SEED_PREFIX, rawKey(value)]),
          format: 'der',
          type: 'pkcs8',
        });
  } catch {
    throw new InvalidKey(
      'AUDIT_SIGNING_KEY must be an Ed25519 private key: a PKCS8 PEM or a base64 32-byte seed',
    );
  }
  if (key.asymmetricKeyType !== 'ed25519')
    throw new InvalidKey('AUDIT_SIGNING_KEY must be an Ed25519 key');
  return key;
}

/** The verifier's key: an SPKI PEM, or the raw 32-byte public key in base64. */
export function parsePublicKey(value: string): KeyObject {
  let key: KeyObject;
  try {
    key = value.includes('-----BEGIN')
      ? createPublicKey(value)
      : createPublicKey({
          key: Buffer.concat([SPKI_PREFIX, rawKey(value)]),
          format: 'der',
          type: 'spki',
        });
  } catch {
    throw new InvalidKey(
      'the public key must be an Ed25519 key: an SPKI PEM or a base64 32-byte key',
    );
  }
  if (key.asymmetricKeyType !== 'ed25519') throw new InvalidKey('the public key is not Ed25519');
  return key;
}

function rawKey(base64: string): Buffer {
  // Node's base64 decoder skips spaces and line breaks, so a pasted key needs no trimming.
  const bytes = Buffer.from(base64, 'base64');
  if (bytes.length !== 32) throw new InvalidKey('not 32 bytes');
  return bytes;
}

export function signCheckpoint(head: ChainHead, key: KeyObject): CheckpointFile {
  const signed = JSON.stringify({ seq: head.seq, hash: head.hash, at: head.at });
  return {
    format: CHECKPOINT_FORMAT,
    signed,
    signature: sign(null, Buffer.from(signed, 'utf8'), key).toString('base64'),
  };
}

/** The head a checkpoint vouches for, or null when it is malformed or its signature is wrong. */
export function openCheckpoint(file: unknown, key: KeyObject): ChainHead | null {
  const checkpoint = file as Partial<CheckpointFile> | null;
  if (
    checkpoint?.format !== CHECKPOINT_FORMAT ||
    typeof checkpoint.signed !== 'string' ||
    typeof checkpoint.signature !== 'string'
  )
    return null;
  const genuine = verify(
    null,
    Buffer.from(checkpoint.signed, 'utf8'),
    key,
    Buffer.from(checkpoint.signature, 'base64'),
  );
  if (!genuine) return null;
  const head = JSON.parse(checkpoint.signed) as Partial<ChainHead>;
  if (
    !Number.isSafeInteger(head.seq) ||
    (head.seq as number) < 0 ||
    typeof head.hash !== 'string' ||
    typeof head.at !== 'string'
  )
    return null;
  return head as ChainHead;
}

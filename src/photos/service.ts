/**
 * Photos kept as evidence for readings: which reading an image belongs to, keeping it, and the
 * signed links `history` hands out.
 *
 * Decisions (docs/photos.md explains them for operators):
 * - A photo belongs to reading `#N` of its meter, not to one row: a fix keeps the number, so it
 *   keeps the photo; a deleted or undone reading hides its photos and their links stop working;
 *   an undo of the delete brings both back. Nothing is erased, like the readings themselves.
 * - The bytes live in the database (bytea). A household sends a few photos a month, each at most
 *   PHOTO_MAX_MB: one place to back up and one set of access rules, at the price of a larger
 *   database than files on a disk or an object store would need.
 * - The type is read from the bytes (JPEG or PNG), never from a header or a file name.
 */
import { createHash } from 'node:crypto';
import type { Deps } from '../deps';
import {
  isRecent,
  MAX_PHOTOS_PER_READING,
  PHOTO_AFTER_READING_MS,
  PHOTO_REQUEST_MS,
  type PhotoType,
} from '../domain/photos';
import type { Author, Transaction } from '../readings/context';
import { lastChange } from '../store/changes';
import {
  countPhotos,
  findPhotoByOrigin,
  insertPhoto,
  peekPhotoRequest,
  takePhotoRequest,
} from '../store/photos';
import { findByNumber, lockSource, type Reading } from '../store/readings';
import { signPhotoToken } from './tokens';

type Tx = Transaction['tx'];

export interface PhotoTarget {
  sourceId: string;
  number: number;
  /** `request`: the person asked with `photo #N`; `recent`: their reading of a moment ago. */
  via: 'request' | 'recent';
}

/**
 * The reading an image sent now by this author in this chat is for: the `photo #N` they asked
 * for a moment ago, else their latest change here when it is a reading of a moment ago. Null
 * when neither. `take` consumes the request (in the transaction that stores the photo).
 */
export async function photoTarget(
  tx: Tx,
  author: Author,
  take: boolean,
): Promise<PhotoTarget | null> {
  const now = author.clock();
  const request = take
    ? await takePhotoRequest(tx, author.userId, author.chatKey)
    : await peekPhotoRequest(tx, author.userId, author.chatKey);
  if (request && isRecent(request.requestedAt, now, PHOTO_REQUEST_MS)) {
    return { sourceId: request.sourceId, number: request.number, via: 'request' };
  }
  const change = await lastChange(tx, author.userId, author.chatKey);
  if (!change || !isRecent(change.at, now, PHOTO_AFTER_READING_MS)) return null;
  const detail = change.detail as { reading?: { number?: unknown }; after?: { number?: unknown } };
  const number =
    change.kind === 'reading.add'
      ? detail.reading?.number
      : change.kind === 'reading.fix'
        ? detail.after?.number
        : undefined;
  if (typeof number !== 'number') return null;
  return { sourceId: change.sourceId, number, via: 'recent' };
}

export type Attached =
  | { outcome: 'attached'; reading: Reading; photoId: string; count: number }
  /** The same image event again: it was kept the first time. */
  | { outcome: 'replayed'; reading: Reading | null }
  /** The reading was deleted or undone since. */
  | { outcome: 'readingGone' }
  | { outcome: 'tooMany'; reading: Reading };

/**
 * Keeps a checked picture with reading #number of a source, signed by the author, and audits
 * it by its size and hash (never the picture, nor LINE's message id). The caller has checked
 * that the author may write to the meter; row-level security checks again.
 */
export async function attachPhoto(
  context: Transaction,
  author: Author,
  input: {
    sourceId: string;
    number: number;
    bytes: Buffer;
    contentType: PhotoType;
    origin: string;
  },
): Promise<Attached> {
  const { tx, audit } = context;
  const replay = await findPhotoByOrigin(tx, input.origin);
  if (replay) {
    return { outcome: 'replayed', reading: await findByNumber(tx, replay.sourceId, replay.number) };
  }
  // Serialised with every change to the meter's readings, so the count and the reading hold.
  await lockSource(tx, input.sourceId);
  const reading = await findByNumber(tx, input.sourceId, input.number);
  if (!reading) return { outcome: 'readingGone' };
  const before = await countPhotos(tx, input.sourceId, input.number);
  if (before >= MAX_PHOTOS_PER_READING) return { outcome: 'tooMany', reading };
  const sha256 = createHash('sha256').update(input.bytes).digest('hex');
  const photo = await insertPhoto(tx, {
    sourceId: input.sourceId,
    number: input.number,
    readingId: reading.id,
    contentType: input.contentType,
    bytes: input.bytes,
    sha256,
    addedBy: author.userId,
    origin: input.origin,
  });
  audit({
    action: 'photo.attach',
    subjectType: 'reading',
    subjectId: reading.id,
    sourceId: input.sourceId,
    after: {
      photo: photo.id,
      number: input.number,
      contentType: input.contentType,
      size: input.bytes.length,
      sha256,
    },
  });
  return { outcome: 'attached', reading, photoId: photo.id, count: before + 1 };
}

/** A link to a photo for this viewer, valid PHOTO_LINK_LIFETIME_HOURS from now. */
export function photoUrl(
  deps: Pick<Deps, 'config' | 'clock'>,
  viewer: { photoId: string; userId: string; chatId: string | null; lineUserId: string | null },
): string {
  const expiresAt = new Date(deps.clock().getTime() + deps.config.photos.linkLifetimeMs);
  const token = signPhotoToken(deps.config.appSecret, viewer, expiresAt);
  return `${deps.config.publicBaseUrl}/photos/${token}`;
}

import { and, count, desc, eq, inArray, isNull } from 'drizzle-orm';
import type { Tx } from '../db/client';
import { photoRequests, readingPhotos, readings, sources } from '../db/schema';
import type { PhotoType } from '../domain/photos';

export interface NewPhoto {
  sourceId: string;
  number: number;
  readingId: string;
  contentType: PhotoType;
  bytes: Buffer;
  sha256: string;
  addedBy: string;
  origin: string;
}

/** Stores a photo (row-level security: only a writer of the meter, signed as themselves). */
export async function insertPhoto(tx: Tx, photo: NewPhoto): Promise<{ id: string }> {
  const [row] = await tx
    .insert(readingPhotos)
    .values({ ...photo, size: photo.bytes.length })
    .returning({ id: readingPhotos.id });
  return row!;
}

/** The photo an image message already became (a redelivered event), without its bytes. */
export async function findPhotoByOrigin(
  tx: Tx,
  origin: string,
): Promise<{ id: string; sourceId: string; number: number } | null> {
  const [row] = await tx
    .select({
      id: readingPhotos.id,
      sourceId: readingPhotos.sourceId,
      number: readingPhotos.number,
    })
    .from(readingPhotos)
    .where(eq(readingPhotos.origin, origin));
  return row ?? null;
}

/** How many photos reading #number of a source has. */
export async function countPhotos(tx: Tx, sourceId: string, number: number): Promise<number> {
  const [row] = await tx
    .select({ n: count() })
    .from(readingPhotos)
    .where(and(eq(readingPhotos.sourceId, sourceId), eq(readingPhotos.number, number)));
  return Number(row?.n ?? 0);
}

/** The newest photo of each of these reading numbers of a source that has one. */
export async function newestPhotos(
  tx: Tx,
  sourceId: string,
  numbers: number[],
): Promise<Map<number, string>> {
  if (numbers.length === 0) return new Map();
  const found = await tx
    .select({ id: readingPhotos.id, number: readingPhotos.number })
    .from(readingPhotos)
    .where(and(eq(readingPhotos.sourceId, sourceId), inArray(readingPhotos.number, numbers)))
    .orderBy(desc(readingPhotos.addedAt));
  const newest = new Map<number, string>();
  for (const row of found) if (!newest.has(row.number)) newest.set(row.number, row.id);
  return newest;
}

export interface ViewablePhoto {
  id: string;
  sourceId: string;
  number: number;
  contentType: PhotoType;
  bytes: Buffer;
}

/**
 * A photo the acting user may see now, with its bytes: row-level security hides it unless they
 * have a role on its meter, and it is shown only while its reading is current (not deleted or
 * undone) and the meter not archived. Null otherwise.
 */
export async function viewablePhoto(tx: Tx, photoId: string): Promise<ViewablePhoto | null> {
  const [row] = await tx
    .select({
      id: readingPhotos.id,
      sourceId: readingPhotos.sourceId,
      number: readingPhotos.number,
      contentType: readingPhotos.contentType,
      bytes: readingPhotos.bytes,
    })
    .from(readingPhotos)
    .innerJoin(sources, and(eq(sources.id, readingPhotos.sourceId), isNull(sources.archivedAt)))
    .innerJoin(
      readings,
      and(
        eq(readings.sourceId, readingPhotos.sourceId),
        eq(readings.number, readingPhotos.number),
        isNull(readings.supersededAt),
        isNull(readings.deletedAt),
      ),
    )
    .where(eq(readingPhotos.id, photoId));
  return row ?? null;
}

export interface PhotoRequest {
  sourceId: string;
  number: number;
  requestedAt: Date;
}

/** `photo #12`: the person's next image in this chat is for that reading (replaces an older ask). */
export async function requestPhoto(
  tx: Tx,
  input: PhotoRequest & { userId: string; chatKey: string },
): Promise<void> {
  await tx
    .insert(photoRequests)
    .values(input)
    .onConflictDoUpdate({
      target: [photoRequests.userId, photoRequests.chatKey],
      set: { sourceId: input.sourceId, number: input.number, requestedAt: input.requestedAt },
    });
}

/** The person's waiting `photo #N` in this chat, taken away (an image answers it once). */
export async function takePhotoRequest(
  tx: Tx,
  userId: string,
  chatKey: string,
): Promise<PhotoRequest | null> {
  const [row] = await tx
    .delete(photoRequests)
    .where(and(eq(photoRequests.userId, userId), eq(photoRequests.chatKey, chatKey)))
    .returning({
      sourceId: photoRequests.sourceId,
      number: photoRequests.number,
      requestedAt: photoRequests.requestedAt,
    });
  return row ?? null;
}

/** The waiting `photo #N`, left in place (to decide whether an image is worth downloading). */
export async function peekPhotoRequest(
  tx: Tx,
  userId: string,
  chatKey: string,
): Promise<PhotoRequest | null> {
  const [row] = await tx
    .select({
      sourceId: photoRequests.sourceId,
      number: photoRequests.number,
      requestedAt: photoRequests.requestedAt,
    })
    .from(photoRequests)
    .where(and(eq(photoRequests.userId, userId), eq(photoRequests.chatKey, chatKey)));
  return row ?? null;
}

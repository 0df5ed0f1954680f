import type { Db } from '../../src/db/client';
import { isErased, openPersonal, personKey } from '../../src/db/personal';

/**
 * Audit rows with their sealed personal fields opened under each person's key (as the table
 * owner may); a field whose person was erased reads `{ erased: true }`.
 */
export async function opened<T extends { before: unknown; after: unknown }>(
  db: Db,
  rows: T[],
): Promise<T[]> {
  const keyOf = (personId: string) => personKey(db, personId, false);
  const result: T[] = [];
  for (const row of rows) {
    result.push({
      ...row,
      before: await openPersonal(row.before, keyOf),
      after: await openPersonal(row.after, keyOf),
    });
  }
  return result;
}

export { isErased };

import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
import type { Db } from '../db/client';
import { isErased, openPersonal, personKey } from '../db/personal';
import type { ExportedRow } from './chain';
import { collect } from './verify-export';

// `npm run audit:show`: the audit trail as an operator reads it, from the database or from
// exported files. Ids are internal (pseudonymous); each sealed personal field is opened with its
// person's key from the database, and reads "(erased)" once that person's data was deleted.
// Nothing opened is ever written back to an export: exports keep the sealed bytes they hashed.

/** One row as a line: seq, time, actor, action, subject, and what changed. */
export function readableLine(row: Omit<ExportedRow, 'hashed' | 'prevHash' | 'hash'>): string {
  const subject = row.subjectType ? ` ${row.subjectType}:${row.subjectId ?? '-'}` : '';
  const where = row.chatKey ? ` in ${row.chatKey}` : '';
  const change = [
    row.before === null ? '' : ` before=${readableJson(row.before)}`,
    row.after === null ? '' : ` after=${readableJson(row.after)}`,
  ].join('');
  return `#${row.seq} ${row.at} ${row.actorId ?? 'nobody'}${where} ${row.action}${subject}${change}`;
}

const readableJson = (value: unknown) =>
  JSON.stringify(value, (_key, item: unknown) => (isErased(item) ? '(erased)' : item));

/** Rows with their sealed fields opened (keys read from `db` as the table owner). */
export async function openRows<T extends { before: unknown; after: unknown }>(
  db: Db,
  rows: T[],
): Promise<T[]> {
  const keys = new Map<string, Buffer | null>();
  const keyOf = (personId: string) => personKey(db, personId, false);
  const result: T[] = [];
  for (const row of rows) {
    result.push({
      ...row,
      before: await openPersonal(row.before, keyOf, keys),
      after: await openPersonal(row.after, keyOf, keys),
    });
  }
  return result;
}

/** Every row of the export files or directories, in file order. */
export async function readExport(paths: string[]): Promise<ExportedRow[]> {
  const { files } = await collect(paths);
  const found: ExportedRow[] = [];
  for (const file of files) {
    const lines = createInterface({
      input: createReadStream(file),
      crlfDelay: Number.POSITIVE_INFINITY,
    });
    for await (const line of lines) if (line.trim() !== '') found.push(JSON.parse(line));
  }
  return found;
}

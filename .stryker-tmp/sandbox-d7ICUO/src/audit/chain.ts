// @ts-nocheck
import { createReadStream } from 'node:fs';
import { appendFile, mkdir, readdir, rename, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { asc, gt, sql } from 'drizzle-orm';
import { type Db, rows } from '../db/client';
import { auditLog } from '../db/schema';

export interface ChainVerdict {
  ok: boolean;
  rowsChecked: number;
  /** The first row that is missing, altered or out of place. */
  firstBadSeq: number | null;
  problem: string | null;
}

/**
 * Walks the whole hash chain in the database (as the table owner: row security would hide
 * rows from the application role).
 */
export async function verifyAuditChain(db: Db): Promise<ChainVerdict> {
  const [verdict] = await rows<{
    ok: boolean;
    rows_checked: string | number;
    first_bad_seq: string | number | null;
    problem: string | null;
  }>(db, sql`select * from audit_verify()`);
  return {
    ok: verdict!.ok,
    rowsChecked: Number(verdict!.rows_checked),
    firstBadSeq: verdict!.first_bad_seq === null ? null : Number(verdict!.first_bad_seq),
    problem: verdict!.problem,
  };
}

/** One exported line: the row as stored, with its chain hashes. */
export interface ExportedRow {
  seq: number;
  at: string;
  actorId: string | null;
  chatKey: string | null;
  action: string;
  subjectType: string | null;
  subjectId: string | null;
  sourceId: string | null;
  before: unknown;
  after: unknown;
  prevHash: string;
  hash: string;
}

export interface ExportResult {
  /** Rows written by this run (0 when nothing new). */
  written: number;
  fromSeq: number | null;
  toSeq: number | null;
  file: string | null;
}

export class ExportMismatch extends Error {}

const BATCH = 1000;

/**
 * Appends audit rows not yet exported to `target` as JSON Lines, resuming after the last
 * exported row. `target` is a directory (one new file per run, never rewritten: fit for
 * write-once storage) or a file (appended). Before writing, the last exported row is compared
 * with the database: if the database's copy changed since it was exported, nothing is written.
 */
export async function exportAuditLog(db: Db, target: string): Promise<ExportResult> {
  const directory = await isDirectoryTarget(target);
  const last = directory ? await lastExportedInDirectory(target) : await lastExportedInFile(target);

  if (last) {
    const [stored] = await db.select().from(auditLog).where(sql`${auditLog.seq} = ${last.seq}`);
    if (!stored || stored.hash !== last.hash) {
      throw new ExportMismatch(
        `audit row ${last.seq} in the database no longer matches the exported copy: the log was altered after export`,
      );
    }
  }

  const lines: string[] = [];
  let after = last?.seq ?? 0;
  let previousHash = last?.hash ?? '';
  for (;;) {
    const batch = await db
      .select()
      .from(auditLog)
      .where(gt(auditLog.seq, after))
      .orderBy(asc(auditLog.seq))
      .limit(BATCH);
    for (const row of batch) {
      if (row.prevHash !== previousHash) {
        throw new ExportMismatch(
          `audit row ${row.seq} does not follow row ${row.seq - 1}: run audit:verify`,
        );
      }
      previousHash = row.hash;
      lines.push(JSON.stringify(toExported(row)));
    }
    if (batch.length < BATCH) break;
    after = batch.at(-1)!.seq;
  }
  if (lines.length === 0) return { written: 0, fromSeq: null, toSeq: null, file: null };

  const fromSeq = (last?.seq ?? 0) + 1;
  const toSeq = fromSeq + lines.length - 1;
  const body = `${lines.join('\n')}\n`;
  let file = target;
  if (directory) {
    await mkdir(target, { recursive: true });
    file = join(target, `audit-${pad(fromSeq)}-${pad(toSeq)}.jsonl`);
    // Written under a temporary name and renamed: a crash never leaves half a file behind.
    await writeFile(`${file}.partial`, body, { flag: 'wx' });
    await rename(`${file}.partial`, file);
  } else {
    await appendFile(target, body);
  }
  return { written: lines.length, fromSeq, toSeq, file };
}

const pad = (n: number) => String(n).padStart(12, '0');

function toExported(row: typeof auditLog.$inferSelect): ExportedRow {
  return {
    seq: row.seq,
    at: row.at.toISOString(),
    actorId: row.actorId,
    chatKey: row.chatKey,
    action: row.action,
    subjectType: row.subjectType,
    subjectId: row.subjectId,
    sourceId: row.sourceId,
    before: row.before,
    after: row.after,
    prevHash: row.prevHash,
    hash: row.hash,
  };
}

async function isDirectoryTarget(target: string): Promise<boolean> {
  if (target.endsWith('/')) return true;
  try {
    return (await stat(target)).isDirectory();
  } catch {
    return !target.endsWith('.jsonl') && !target.endsWith('.json');
  }
}

async function lastExportedInDirectory(
  directory: string,
): Promise<{ seq: number; hash: string } | null> {
  let names: string[];
  try {
    names = await readdir(directory);
  } catch {
    return null;
  }
  const files = names.filter((name) => /^audit-\d{12}-\d{12}\.jsonl$/.test(name)).sort();
  const newest = files.at(-1);
  return newest ? lastExportedInFile(join(directory, newest)) : null;
}

async function lastExportedInFile(file: string): Promise<{ seq: number; hash: string } | null> {
  let last: string | null = null;
  try {
    const lines = createInterface({
      input: createReadStream(file),
      crlfDelay: Number.POSITIVE_INFINITY,
    });
    for await (const line of lines) if (line.trim() !== '') last = line;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
  if (!last) return null;
  const row = JSON.parse(last) as ExportedRow;
  return { seq: row.seq, hash: row.hash };
}

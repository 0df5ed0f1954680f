import { createHash, type KeyObject } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { appendFile, mkdir, readdir, rename, stat, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { createInterface } from 'node:readline';
import { sql } from 'drizzle-orm';
import { type Db, rows } from '../db/client';
import { auditLog } from '../db/schema';
import { signCheckpoint } from './checkpoint';

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

/**
 * One exported line: the row as stored, with its chain hashes and `hashed`, the exact text whose
 * SHA-256 is `hash` (what audit_row_hash builds in the database). Anyone can check a row without
 * the database: sha256(hashed) = hash, and the fields say what `hashed` says.
 */
export interface ExportedRow {
  seq: number;
  /** Microseconds, UTC, as hashed: 2025-01-31T12:00:00.123456Z. */
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
  hashed: string;
}

export interface ExportResult {
  /** Rows written by this run (0 when nothing new). */
  written: number;
  fromSeq: number | null;
  toSeq: number | null;
  file: string | null;
  /** The signed checkpoint of the chain head written by this run (null without a key). */
  checkpoint: string | null;
}

export interface ExportOptions {
  /** The Ed25519 key that signs the run's checkpoint (AUDIT_SIGNING_KEY); none: no checkpoint. */
  signingKey?: KeyObject | null;
  now?: () => Date;
}

export class ExportMismatch extends Error {}

const BATCH = 1000;

/**
 * Appends audit rows not yet exported to `target` as JSON Lines, resuming after the last
 * exported row. `target` is a directory (one new file per run, never rewritten: fit for
 * write-once storage) or a file (appended). Before writing, the last exported row is compared
 * with the database: if the database's copy changed since it was exported, nothing is written.
 */
export async function exportAuditLog(
  db: Db,
  target: string,
  options: ExportOptions = {},
): Promise<ExportResult> {
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
    const batch = await exportBatch(db, after);
    for (const row of batch) {
      if (row.prevHash !== previousHash) {
        throw new ExportMismatch(
          `audit row ${row.seq} does not follow row ${row.seq - 1}: run audit:verify`,
        );
      }
      // What is written must verify on its own: the bytes must reproduce the stored hash.
      if (sha256(row.hashed) !== row.hash) {
        throw new ExportMismatch(`audit row ${row.seq} does not match its hash: run audit:verify`);
      }
      previousHash = row.hash;
      lines.push(JSON.stringify(row));
    }
    if (batch.length < BATCH) break;
    after = batch.at(-1)!.seq;
  }

  const fromSeq = (last?.seq ?? 0) + 1;
  const toSeq = fromSeq + lines.length - 1;
  let file: string | null = null;
  if (lines.length > 0) {
    const body = `${lines.join('\n')}\n`;
    file = target;
    if (directory) {
      await mkdir(target, { recursive: true });
      file = join(target, `audit-${pad(fromSeq)}-${pad(toSeq)}.jsonl`);
      await writeOnce(file, body);
    } else {
      await appendFile(target, body);
    }
  }

  // Every run vouches for the head it reached, new rows or not.
  let checkpoint: string | null = null;
  if (options.signingKey) {
    const head = {
      seq: lines.length > 0 ? toSeq : (last?.seq ?? 0),
      hash: previousHash,
      at: (options.now?.() ?? new Date()).toISOString(),
    };
    const stamp = head.at.replace(/[-:.]/g, '');
    const name = `checkpoint-${pad(head.seq)}-${stamp}.json`;
    if (directory) await mkdir(target, { recursive: true });
    checkpoint = directory
      ? join(target, name)
      : join(dirname(target), `${basename(target)}.${name}`);
    await writeOnce(checkpoint, `${JSON.stringify(signCheckpoint(head, options.signingKey))}\n`);
  }

  if (lines.length === 0) return { written: 0, fromSeq: null, toSeq: null, file: null, checkpoint };
  return { written: lines.length, fromSeq, toSeq, file, checkpoint };
}

/** Written under a temporary name and renamed: a crash never leaves half a file behind. */
async function writeOnce(file: string, body: string): Promise<void> {
  await writeFile(`${file}.partial`, body, { flag: 'wx' });
  await rename(`${file}.partial`, file);
}

const sha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');

// The same text audit_row_hash (drizzle/0001_security.sql) hashes, built from the same columns.
const AT_US = sql.raw(`to_char(at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`);

async function exportBatch(db: Db, after: number): Promise<ExportedRow[]> {
  const found = await rows<{
    seq: string | number;
    at: string;
    actor_id: string | null;
    chat_key: string | null;
    action: string;
    subject_type: string | null;
    subject_id: string | null;
    source_id: string | null;
    before: string | null;
    after: string | null;
    prev_hash: string;
    hash: string;
    hashed: string;
  }>(
    db,
    sql`select seq, ${AT_US} as at, actor_id, chat_key, action, subject_type, subject_id,
          source_id, before::text as before, after::text as after, prev_hash, hash,
          jsonb_build_array(prev_hash, seq, ${AT_US}, actor_id, chat_key, action, subject_type,
            subject_id, source_id, before, after)::text as hashed
        from audit_log where seq > ${after} order by seq limit ${BATCH}`,
  );
  return found.map((row) => ({
    seq: Number(row.seq),
    at: row.at,
    actorId: row.actor_id,
    chatKey: row.chat_key,
    action: row.action,
    subjectType: row.subject_type,
    subjectId: row.subject_id,
    sourceId: row.source_id,
    before: parsedJson(row.before),
    after: parsedJson(row.after),
    prevHash: row.prev_hash,
    hash: row.hash,
    hashed: row.hashed,
  }));
}

// jsonb as text, parsed here: drivers differ in whether a raw query's jsonb comes back parsed.
const parsedJson = (text: string | null): unknown => (text === null ? null : JSON.parse(text));

const pad = (n: number) => String(n).padStart(12, '0');

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

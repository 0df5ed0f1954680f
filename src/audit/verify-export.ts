import { createHash, type KeyObject } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { readdir, readFile, stat } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { createInterface } from 'node:readline';
import { isDeepStrictEqual } from 'node:util';
import type { ExportedRow } from './chain';
import { type ChainHead, openCheckpoint } from './checkpoint';

// Verifies an audit export with no database: each row's SHA-256 over its hashed bytes, that the
// row's fields are what those bytes say, the prev-hash links and the seq numbering, and, with the
// operator's public key, every signed checkpoint against the rows.

export interface ExportVerdict {
  ok: boolean;
  rowsChecked: number;
  fromSeq: number | null;
  toSeq: number | null;
  /** The first row that is missing, altered or out of place. */
  firstBadSeq: number | null;
  problem: string | null;
  /** Checkpoints whose signature and head were checked against the rows. */
  checkpointsVerified: number;
  /** Checkpoints found but not checked (no public key given). */
  checkpointsUnchecked: number;
}

export interface VerifyExportInput {
  /** Export files (JSON Lines) and directories written by audit:export, in chain order. */
  paths: string[];
  /** More checkpoint files, e.g. copies kept elsewhere. */
  checkpoints?: string[];
  publicKey?: KeyObject | null;
}

const EXPORT_FILE = /^audit-\d{12}-\d{12}\.jsonl$/;
const CHECKPOINT_FILE = /(^|\.)checkpoint-\d{12}-\w+\.json$/;

export async function verifyExport(input: VerifyExportInput): Promise<ExportVerdict> {
  const { files, checkpoints } = await collect(input.paths);
  checkpoints.push(...(input.checkpoints ?? []));

  const verdict: ExportVerdict = {
    ok: true,
    rowsChecked: 0,
    fromSeq: null,
    toSeq: null,
    firstBadSeq: null,
    problem: null,
    checkpointsVerified: 0,
    checkpointsUnchecked: 0,
  };
  const fail = (seq: number | null, problem: string): ExportVerdict => ({
    ...verdict,
    ok: false,
    firstBadSeq: seq,
    problem,
  });

  // seq -> hash of every row seen, to check checkpoints against.
  const hashes = new Map<number, string>();
  let previous: { seq: number; hash: string } | null = null;
  for (const file of files) {
    const lines = createInterface({
      input: createReadStream(file),
      crlfDelay: Number.POSITIVE_INFINITY,
    });
    for await (const line of lines) {
      if (line.trim() === '') continue;
      const expectedSeq = previous ? previous.seq + 1 : null;
      let row: ExportedRow;
      try {
        row = JSON.parse(line) as ExportedRow;
      } catch {
        return fail(expectedSeq, `a line of ${basename(file)} is not JSON`);
      }
      // The chain numbers its rows from 1 (seq 0 is the empty chain's head, never a row).
      if (!Number.isSafeInteger(row.seq) || row.seq < 1) {
        return fail(expectedSeq, 'a row has no seq');
      }
      if (expectedSeq !== null && row.seq !== expectedSeq) {
        return fail(expectedSeq, `row ${expectedSeq} is missing (found ${row.seq})`);
      }
      if (row.seq === 1 && row.prevHash !== '') {
        return fail(1, 'row 1 names a previous row');
      }
      if (previous && row.prevHash !== previous.hash) {
        return fail(row.seq, 'prev_hash does not match the previous row');
      }
      const problem = rowProblem(row);
      if (problem) return fail(row.seq, problem);
      previous = { seq: row.seq, hash: row.hash };
      hashes.set(row.seq, row.hash);
      verdict.fromSeq ??= row.seq;
      verdict.toSeq = row.seq;
      verdict.rowsChecked++;
    }
  }
  if (files.length === 0) return fail(null, 'no export files found');

  if (!input.publicKey) {
    verdict.checkpointsUnchecked = checkpoints.length;
    return verdict;
  }
  if (checkpoints.length === 0) return fail(null, 'no checkpoint to check the public key against');
  for (const file of checkpoints) {
    let head: ChainHead | null;
    try {
      head = openCheckpoint(JSON.parse(await readFile(file, 'utf8')), input.publicKey);
    } catch {
      head = null;
    }
    if (!head) return fail(null, `checkpoint ${basename(file)} is not signed by this key`);
    const problem = checkpointProblem(head, hashes, verdict);
    if (problem) return fail(head.seq, `checkpoint ${basename(file)}: ${problem}`);
    verdict.checkpointsVerified++;
  }
  return verdict;
}

/** What is wrong with one row on its own, or null. */
function rowProblem(row: ExportedRow): string | null {
  if (typeof row.hashed !== 'string' || typeof row.hash !== 'string') {
    return 'the row carries no hashed bytes (exported by an older version)';
  }
  const digest = createHash('sha256').update(row.hashed, 'utf8').digest('hex');
  if (digest !== row.hash) return 'row content does not match its hash';
  let said: unknown;
  try {
    said = JSON.parse(row.hashed);
  } catch {
    return 'the hashed bytes are not JSON';
  }
  const fields = [
    row.prevHash,
    row.seq,
    row.at,
    row.actorId,
    row.chatKey,
    row.action,
    row.subjectType,
    row.subjectId,
    row.sourceId,
    row.before,
    row.after,
  ];
  if (!Array.isArray(said) || said.length !== fields.length) {
    return 'the hashed bytes are not an audit row';
  }
  const names = [
    'prevHash',
    'seq',
    'at',
    'actorId',
    'chatKey',
    'action',
    'subjectType',
    'subjectId',
    'sourceId',
    'before',
    'after',
  ];
  for (let i = 0; i < fields.length; i++) {
    if (!isDeepStrictEqual(said[i], fields[i])) {
      return `the row's ${names[i]} is not what its hashed bytes say`;
    }
  }
  return null;
}

function checkpointProblem(
  head: ChainHead,
  hashes: Map<number, string>,
  verdict: ExportVerdict,
): string | null {
  if (head.seq === 0) return head.hash === '' ? null : 'an empty chain with a hash';
  if (verdict.toSeq === null || head.seq > verdict.toSeq) {
    return `it vouches for row ${head.seq}, which the export does not reach: rows were removed`;
  }
  const hash = hashes.get(head.seq);
  if (hash === undefined) return `row ${head.seq} is not in the files given`;
  return hash === head.hash ? null : `row ${head.seq} is not the row it vouches for`;
}

/** The export files (in order) and checkpoints under the given paths. */
export async function collect(
  paths: string[],
): Promise<{ files: string[]; checkpoints: string[] }> {
  const files: string[] = [];
  const checkpoints: string[] = [];
  for (const path of paths) {
    if ((await stat(path)).isDirectory()) {
      const names = (await readdir(path)).sort();
      files.push(...names.filter((name) => EXPORT_FILE.test(name)).map((n) => join(path, n)));
      checkpoints.push(
        ...names.filter((name) => CHECKPOINT_FILE.test(name)).map((n) => join(path, n)),
      );
    } else {
      files.push(path);
      // A file export's checkpoints lie beside it: <file>.checkpoint-….json
      const prefix = `${basename(path)}.checkpoint-`;
      const siblings = (await readdir(dirname(path))).sort();
      checkpoints.push(
        ...siblings
          .filter((name) => name.startsWith(prefix) && CHECKPOINT_FILE.test(name))
          .map((name) => join(dirname(path), name)),
      );
    }
  }
  return { files, checkpoints };
}

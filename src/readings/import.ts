/**
 * Importing readings from a file: every row is judged exactly as a reading typed in the chat
 * (domain/validation.ts, under the meter's lock, against the readings really around it, rows of
 * the same file included), in time order. A row the chat would refuse is refused; a row the
 * chat would ask about (lower than the one before, an implausible jump, a likely typo) is
 * refused too, with that reason: a file cannot answer a question, the person can type that one.
 *
 * The preview runs the whole import inside a savepoint and rolls it back, so what it shows is
 * what storing would do. Storing runs it again in the confirming transaction; if the meter
 * changed since the preview and a row no longer passes, nothing is stored.
 */
import type { Tx } from '../db/client';
import type { Problem } from '../domain/validation';
import type { Source } from '../store/meters';
import { describeReading, insertReading, type Reading } from '../store/readings';
import { checkUnderLock } from './check';
import type { Author, Transaction } from './context';

export interface ImportCandidate {
  /** The line of the file, to name it in the preview. */
  line: number;
  takenAt: Date;
  value: string;
  note: string | null;
}

export interface RefusedRow {
  line: number;
  problem: Problem;
}

export interface ImportCheck {
  /** The rows that would be stored, in time order. */
  accepted: ImportCandidate[];
  refused: RefusedRow[];
}

class RollBack extends Error {
  constructor(readonly result: ImportCheck) {
    super('import preview rolled back');
  }
}

const byTime = (a: ImportCandidate, b: ImportCandidate) =>
  a.takenAt.getTime() - b.takenAt.getTime() || a.line - b.line;

/** Judges and inserts the rows one by one in `tx` (the caller decides whether they stay). */
async function run(
  tx: Tx,
  author: Author,
  source: Source,
  importId: string,
  rows: readonly ImportCandidate[],
): Promise<ImportCheck & { stored: Reading[] }> {
  const result: ImportCheck & { stored: Reading[] } = { accepted: [], refused: [], stored: [] };
  const now = author.clock();
  for (const row of [...rows].sort(byTime)) {
    const { verdict } = await checkUnderLock(tx, source, {
      value: row.value,
      takenAt: row.takenAt,
      now,
    });
    if (verdict.outcome === 'reject') {
      result.refused.push({ line: row.line, problem: verdict.problem });
      continue;
    }
    if (verdict.outcome === 'confirm') {
      result.refused.push({ line: row.line, problem: verdict.problems[0]! });
      continue;
    }
    result.accepted.push(row);
    result.stored.push(
      await insertReading(tx, {
        sourceId: source.id,
        takenAt: row.takenAt,
        value: row.value,
        enteredBy: author.userId,
        note: row.note,
        origin: `import:${importId}:${row.line}`,
        registerEvent: null,
        quality: 'import',
      }),
    );
  }
  result.refused.sort((a, b) => a.line - b.line);
  return result;
}

/** What storing these rows would do now; stores nothing. */
export async function previewImport(
  tx: Tx,
  author: Author,
  source: Source,
  importId: string,
  rows: readonly ImportCandidate[],
): Promise<ImportCheck> {
  try {
    await tx.transaction(async (savepoint) => {
      const { accepted, refused } = await run(savepoint, author, source, importId, rows);
      throw new RollBack({ accepted, refused });
    });
  } catch (error) {
    if (error instanceof RollBack) return error.result;
    throw error;
  }
  throw new Error('unreachable: the preview savepoint always rolls back');
}

export type StoredImport =
  | { outcome: 'stored'; readings: Reading[] }
  /** The meter changed since the preview: these rows no longer pass, and nothing was stored. */
  | { outcome: 'changed'; refused: RefusedRow[] };

/**
 * Stores the previewed rows, all or none, each audited as a reading added by import, and the
 * import itself as one more audit entry (counts only).
 */
export async function storeImport(
  { tx, audit }: Transaction,
  author: Author,
  source: Source,
  importId: string,
  rows: readonly ImportCandidate[],
): Promise<StoredImport> {
  let outcome: StoredImport | null = null;
  try {
    await tx.transaction(async (savepoint) => {
      const result = await run(savepoint, author, source, importId, rows);
      if (result.refused.length > 0) {
        outcome = { outcome: 'changed', refused: result.refused };
        throw new RollBack(result);
      }
      outcome = { outcome: 'stored', readings: result.stored };
    });
  } catch (error) {
    if (!(error instanceof RollBack)) throw error;
  }
  const done = outcome as StoredImport | null;
  if (!done) throw new Error('unreachable: the import ended without an outcome');
  if (done.outcome === 'stored') {
    for (const reading of done.readings) {
      audit({
        action: 'reading.add',
        subjectType: 'reading',
        subjectId: reading.id,
        sourceId: source.id,
        after: { ...describeReading(reading), importId },
      });
    }
    audit({
      action: 'reading.import',
      subjectType: 'import',
      subjectId: importId,
      sourceId: source.id,
      after: { count: done.readings.length },
    });
  }
  return done;
}

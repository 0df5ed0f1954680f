import type { ReadingRef } from '../domain/commands';
import type { Role } from '../domain/types';
import type { Problem } from '../domain/validation';
import { sameFigures, type ValuesProblem } from '../domain/values';
import type { Source } from '../store/meters';
import {
  describeReading,
  findByNumber,
  findByOrigin,
  findDeletedByOrigin,
  latestReading,
  lockSource,
  type Reading,
  retireReading,
  supersedeReading,
} from '../store/readings';
import { checkUnderLock, checkValuesOf, storedValues } from './check';
import type { Author, Transaction } from './context';
import { recordChange } from './undo';
import {
  checkRemoval,
  moveWrapOnto,
  type NegativeStep,
  type ReplacementPair,
  readingAfterReplacement,
  replacementPair,
  replacementPartner,
} from './wraps';

/** A meter with the author's role on it, as the chat sees it. */
interface MeterWithRole {
  source: Source;
  role: Role;
}

/** Why the reading a correction names cannot be changed by its author. */
export type TargetMissing =
  /** "last" on a meter without readings. */
  | { outcome: 'noReadings' }
  | { outcome: 'notFound'; number: number }
  /** Writers change their own readings only; admins anyone's. */
  | { outcome: 'notYours'; reading: Reading };

export type Fixed =
  | TargetMissing
  /** This origin already made the fix: `reading` is what it stored. */
  | { outcome: 'replayed'; reading: Reading }
  | { outcome: 'refused'; problem: Problem | ValuesProblem }
  /** The reading already has these values: nothing was written, audited or made undoable. */
  | { outcome: 'unchanged'; reading: Reading }
  /** `warnings`: doubts mentioned rather than asked about (a deliberate fix is trusted). */
  | { outcome: 'fixed'; before: Reading; after: Reading; warnings: Problem[] };

export type Deleted =
  | TargetMissing
  /** This origin already deleted `reading` (perhaps on another meter), and the pair it was in. */
  | { outcome: 'replayed'; reading: Reading; replacement: ReplacementPair | null }
  | { outcome: 'deleted'; reading: Reading }
  /** `reading` was half of a meter replacement: both halves went together. */
  | { outcome: 'deletedReplacement'; replacement: ReplacementPair }
  /** Half of a replacement with `later` read on the new meter after it: nothing changed. */
  | { outcome: 'replacementInUse'; replacement: ReplacementPair; later: Reading }
  /** Someone else retired it first. */
  | { outcome: 'alreadyGone'; reading: Reading }
  /** Without it, these readings would follow each other with negative use: nothing changed. */
  | { outcome: 'negativeUse'; reading: Reading; steps: NegativeStep[] };

/**
 * `fix`: gives a past reading a new value. The old row is kept (superseded) and the fix must
 * still fit between its neighbours; other doubts are returned as warnings.
 */
export async function fixReading(
  context: Transaction,
  author: Author,
  meter: MeterWithRole,
  target: ReadingRef,
  value: string,
  origin: string,
  /** The values after the first (a meter with several values per reading). */
  extra: string[] = [],
): Promise<Fixed> {
  const { tx, audit } = context;
  const found = await findTarget(context, author, meter, target);
  if ('outcome' in found) return found;
  const { reading } = found;
  const earlier = await findByOrigin(tx, origin);
  if (earlier) return { outcome: 'replayed', reading: earlier };
  const values = [value, ...extra];
  const mismatch = await checkValuesOf(tx, meter.source, values);
  if (mismatch) return { outcome: 'refused', problem: mismatch };
  // "fix #2 = 125" when #2 is 125 already: a new row would only put the fixer's name on it.
  if (sameFigures(values, reading.values ?? [reading.value])) {
    return { outcome: 'unchanged', reading };
  }

  const { verdict } = await checkUnderLock(tx, meter.source, {
    value,
    takenAt: reading.takenAt,
    now: author.clock(),
    replacing: reading,
    event: reading.registerEvent,
  });
  // A fix keeps the reading's time, so a time in the future is no reason to refuse a value.
  if (verdict.outcome === 'reject' && verdict.problem.code !== 'future') {
    return { outcome: 'refused', problem: verdict.problem };
  }
  const problems = verdict.outcome === 'confirm' ? verdict.problems : [];
  // Out of order is refused (fix the neighbours first); an unusual rate is only mentioned.
  const outOfOrder = problems.find(
    (problem) => problem.code === 'lowerThanPrevious' || problem.code === 'higherThanNext',
  );
  if (outOfOrder) return { outcome: 'refused', problem: outOfOrder };

  const fixed = await supersedeReading(tx, reading, {
    value,
    values: storedValues(meter.source, values),
    enteredBy: author.userId,
    origin,
  });
  audit({
    action: 'reading.fix',
    subjectType: 'reading',
    subjectId: fixed.id,
    sourceId: meter.source.id,
    before: describeReading(reading),
    after: describeReading(fixed),
  });
  await recordChange(
    tx,
    author,
    meter.source.id,
    { kind: 'reading.fix', before: reading, after: fixed },
    origin,
  );
  return { outcome: 'fixed', before: reading, after: fixed, warnings: problems };
}

/** `delete`: retires a past reading (the row stays, stamped, and in the audit log). */
export async function deleteReading(
  context: Transaction,
  author: Author,
  meter: MeterWithRole,
  target: ReadingRef,
  origin: string,
): Promise<Deleted> {
  // Before looking for the target: on a replay it is already gone.
  const earlier = await findDeletedByOrigin(context.tx, origin);
  if (earlier) {
    const other = await findDeletedByOrigin(context.tx, partnerOrigin(origin));
    return {
      outcome: 'replayed',
      reading: earlier,
      replacement: other && replacementPair(earlier, other),
    };
  }
  const found = await findTarget(context, author, meter, target);
  if ('outcome' in found) return found;
  const { reading } = found;
  await lockSource(context.tx, meter.source.id);
  const partner = await replacementPartner(context.tx, reading);
  if (partner) return deleteReplacement(context, author, meter.source, reading, partner, origin);
  const removal = await checkRemoval(context.tx, meter.source, reading);
  if (removal.outcome === 'negative') {
    return { outcome: 'negativeUse', reading, steps: removal.steps };
  }
  if (!(await retire(context, author, reading, 'reading.delete', origin))) {
    return { outcome: 'alreadyGone', reading };
  }
  // The later reading is on the lap after the wrap: it keeps the use the wrap counted.
  if (removal.outcome === 'moveWrap') await moveWrapOnto(context, author, removal.next, origin);
  await recordChange(
    context.tx,
    author,
    meter.source.id,
    { kind: 'reading.delete', reading },
    origin,
  );
  return { outcome: 'deleted', reading };
}

/** Where the other half of a replacement is deleted: deleted_origin is unique. */
const partnerOrigin = (origin: string) => `${origin}:replacement`;

/**
 * A replacement is one event with two readings: deleting either half deletes both, or neither
 * while readings of the new meter follow it (they would then follow the old meter's final).
 */
async function deleteReplacement(
  context: Transaction,
  author: Author,
  source: Source,
  reading: Reading,
  partner: Reading,
  origin: string,
): Promise<Deleted> {
  const replacement = replacementPair(reading, partner);
  const later = await readingAfterReplacement(context.tx, source.id, replacement.initial);
  if (later) return { outcome: 'replacementInUse', replacement, later };
  if (!(await retire(context, author, reading, 'reading.delete', origin))) {
    return { outcome: 'alreadyGone', reading };
  }
  // Found under the meter's lock a moment ago, so it is still there.
  await retire(context, author, partner, 'reading.delete', partnerOrigin(origin));
  await recordChange(
    context.tx,
    author,
    source.id,
    { kind: 'reading.delete', reading, partner },
    origin,
  );
  return { outcome: 'deletedReplacement', replacement };
}

/** Delete: the row is stamped (never removed), under the meter's lock, and audited. */
async function retire(
  { tx, audit }: Transaction,
  author: Author,
  reading: Reading,
  action: 'reading.delete',
  origin: string,
): Promise<boolean> {
  await lockSource(tx, reading.sourceId);
  if (!(await retireReading(tx, reading, author.userId, origin))) return false;
  audit({
    action,
    subjectType: 'reading',
    subjectId: reading.id,
    sourceId: reading.sourceId,
    before: describeReading(reading),
  });
  return true;
}

/** The reading a fix or delete means, if the author may change it. */
async function findTarget(
  { tx }: Transaction,
  author: Author,
  meter: MeterWithRole,
  target: ReadingRef,
): Promise<{ reading: Reading } | TargetMissing> {
  const reading =
    target.which === 'last'
      ? await latestReading(tx, meter.source.id)
      : await findByNumber(tx, meter.source.id, target.number);
  if (!reading) {
    return target.which === 'last'
      ? { outcome: 'noReadings' }
      : { outcome: 'notFound', number: target.number };
  }
  if (meter.role !== 'admin' && reading.enteredBy !== author.userId) {
    return { outcome: 'notYours', reading };
  }
  return { reading };
}

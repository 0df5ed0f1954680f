import type { RegisterEvent } from '../domain/types';
import type { Problem, Verdict } from '../domain/validation';
import { sameTimeProblem, type ValuesProblem } from '../domain/values';
import { createConfirmation } from '../store/confirmations';
import type { Source } from '../store/meters';
import { describeReading, insertReading, type Reading, writtenByOrigin } from '../store/readings';
import { setLastSource } from '../store/users';
import { checkUnderLock, checkValuesOf, storedValues } from './check';
import type { Author, Transaction } from './context';
import { recordChange } from './undo';

/** A reading someone wants recorded. `origin` names the event it came from (one reading each). */
export interface Candidate {
  value: string;
  /** The values after the first (a meter with several values per reading). */
  extra?: string[];
  takenAt: Date;
  note: string | null;
  origin: string;
  /**
   * Nothing can have been stored or asked under `origin` yet (the transaction carries its event's
   * applied mark): the look for an earlier attempt's reading or question is skipped.
   */
  originIsNew?: boolean;
}

export type QuestionVerdict = Extract<Verdict, { outcome: 'confirm' }>;

export type Recorded =
  /** Stored; the usage and days since the previous reading, when there is one to count from. */
  | { outcome: 'stored'; reading: Reading; usageSincePrevious: string | null; days: number | null }
  /** Doubtful: nothing stored, a question `id` is open for the author to answer. */
  | { outcome: 'question'; id: string; verdict: QuestionVerdict; value: string }
  | { outcome: 'refused'; problem: Problem | ValuesProblem }
  /** This origin already stored `reading` (the same event again): nothing new is stored. */
  | { outcome: 'replayed'; reading: Reading }
  /** This origin already raised a question: it is not asked twice. */
  | { outcome: 'alreadyAsked' };

/**
 * Checks a reading against the meter's rules and neighbours (under the meter's lock) and stores
 * it, refuses it with the problem, or records a question to ask about it.
 */
export async function recordReading(
  transaction: Transaction,
  author: Author,
  source: Source,
  candidate: Candidate,
): Promise<Recorded> {
  const { tx } = transaction;
  if (!candidate.originIsNew) {
    const { reading: earlier, asked } = await writtenByOrigin(tx, candidate.origin);
    if (earlier) return { outcome: 'replayed', reading: earlier };
    if (asked) return { outcome: 'alreadyAsked' };
  }
  const mismatch = await checkValuesOf(tx, source, [candidate.value, ...(candidate.extra ?? [])]);
  if (mismatch) return { outcome: 'refused', problem: mismatch };

  const { verdict, previous, next } = await checkUnderLock(tx, source, {
    value: candidate.value,
    takenAt: candidate.takenAt,
    now: author.clock(),
  });
  if (verdict.outcome === 'reject') {
    const { code } = verdict.problem;
    const sameTime = [previous, next].find(
      (r) => r && r.takenAt.getTime() === candidate.takenAt.getTime(),
    );
    // Several values: whether it is the same reading again depends on all of them.
    if (
      source.valueNames &&
      sameTime &&
      (code === 'duplicate' || code === 'sameTimeDifferentValue')
    ) {
      const given = [candidate.value, ...(candidate.extra ?? [])];
      const existing = sameTime.values ?? [sameTime.value];
      return { outcome: 'refused', problem: sameTimeProblem(given, existing, candidate.takenAt) };
    }
    return { outcome: 'refused', problem: verdict.problem };
  }
  if (verdict.outcome === 'confirm') {
    const id = await createConfirmation(tx, {
      sourceId: source.id,
      userId: author.userId,
      chatKey: author.chatKey,
      value: candidate.value,
      takenAt: candidate.takenAt,
      note: candidate.note,
      origin: candidate.origin,
      verdict,
    });
    return { outcome: 'question', id, verdict, value: candidate.value };
  }
  const reading = await storeChecked(transaction, author, source, candidate, null);
  return {
    outcome: 'stored',
    reading,
    usageSincePrevious: verdict.usageSincePrevious,
    days: verdict.days,
  };
}

/**
 * Inserts a reading already judged under the meter's lock, audits it and makes its meter the
 * author's last used one. `auditExtra` adds to the audit entry (e.g. the answer that allowed it).
 */
export async function storeChecked(
  { tx, audit, alongside }: Transaction,
  author: Author,
  source: Source,
  candidate: Candidate,
  registerEvent: RegisterEvent | null,
  auditExtra: Record<string, unknown> = {},
): Promise<Reading> {
  const [reading] = await Promise.all([
    insertReading(tx, {
      sourceId: source.id,
      takenAt: candidate.takenAt,
      value: candidate.value,
      values: storedValues(source, [candidate.value, ...(candidate.extra ?? [])]),
      enteredBy: author.userId,
      note: candidate.note,
      origin: candidate.origin,
      registerEvent,
    }),
    author.lastSourceId === source.id ? undefined : setLastSource(tx, author.userId, source.id),
  ]);
  audit({
    action: 'reading.add',
    subjectType: 'reading',
    subjectId: reading.id,
    sourceId: source.id,
    after: { ...describeReading(reading), ...auditExtra },
  });
  const logged = recordChange(
    tx,
    author,
    source.id,
    { kind: 'reading.add', reading },
    candidate.origin,
  );
  if (alongside) alongside(logged);
  else await logged;
  return reading;
}

import type { Tx } from '../db/client';
import type { RegisterEvent } from '../domain/types';
import { type Problem, type Verdict, validateReading } from '../domain/validation';
import { checkValues, type ValuesProblem } from '../domain/values';
import { getValidators, type Source, validatorsOf, valuesSpec } from '../store/meters';
import { lockSource, neighboursAndRules, type Reading, toPoint } from '../store/readings';

/**
 * Whether a reading's values fit the meter: one value for most meters; for a meter with several
 * values per reading, the right count and each value within its bounds.
 */
export async function checkValuesOf(
  tx: Tx,
  source: Source,
  values: string[],
): Promise<ValuesProblem | null> {
  if (!source.valueNames) return checkValues(null, values);
  return checkValues(valuesSpec(source, await getValidators(tx, source)), values);
}

/** What the readings table keeps in `values`: every value of a several-value meter, else null. */
export const storedValues = (source: Source, values: string[]): string[] | null =>
  source.valueNames ? values : null;

export interface Checked {
  verdict: Verdict;
  previous: Reading | null;
  next: Reading | null;
}

/**
 * Locks the meter, then judges `value` at `takenAt` against its rules and the readings really
 * around it: nobody can change them before this transaction ends.
 * `replacing`: a fix, judged without the reading it replaces.
 * `endOfRegister`: an old register's final reading, judged against the one before only (what
 * comes after belongs to the new register, and a final says nothing about habits).
 */
export async function checkUnderLock(
  tx: Tx,
  source: Source,
  input: {
    value: string;
    takenAt: Date;
    now: Date;
    replacing?: Reading;
    endOfRegister?: boolean;
    /** The event the value carries: a fix keeps its reading's (a wrap stays a wrap). */
    event?: RegisterEvent | null;
  },
): Promise<Checked> {
  // The lock and the reads go out together (one write, pipelined): the server runs them in
  // order, so every read still happens after the lock is granted.
  const [, { previous, next, judgedBy }] = await Promise.all([
    lockSource(tx, source.id),
    neighboursAndRules(tx, source.id, input.takenAt, input.replacing?.id ?? null),
  ]);
  // Without a reading before, the rules take a statement of their own, and there are no rates.
  const validators = judgedBy
    ? validatorsOf(source, judgedBy.validators)
    : await getValidators(tx, source);
  const rates = input.endOfRegister ? [] : (judgedBy?.rates ?? []);
  const verdict = validateReading({
    source: { kind: source.kind, digits: source.digits, validators },
    value: input.value,
    takenAt: input.takenAt,
    now: input.now,
    previous: previous && toPoint(previous),
    next: next && !input.endOfRegister ? toPoint(next) : null,
    recentDailyRates: rates,
    event: input.event ?? null,
  });
  return { verdict, previous, next };
}

/**
 * Whether a meter replacement whose old meter ended at `final` fits at `takenAt` (locks the
 * meter): the final is judged against the reading before it only, and any doubt but an unusual
 * rate refuses it (nothing is asked). `next`: the first reading after that instant.
 */
export async function replacementMisfit(
  tx: Tx,
  source: Source,
  final: string,
  takenAt: Date,
  now: Date,
): Promise<{ problem: Problem | null; next: Reading | null }> {
  const { verdict, next } = await checkUnderLock(tx, source, {
    value: final,
    takenAt,
    now,
    endOfRegister: true,
  });
  const problem =
    verdict.outcome === 'reject'
      ? verdict.problem
      : verdict.outcome === 'confirm'
        ? verdict.problems[0]
        : null;
  return { problem: problem && problem.code !== 'rateTooHigh' ? problem : null, next };
}

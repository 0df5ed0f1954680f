import type { Tx } from '../db/client';
import { type Verdict, validateReading } from '../domain/validation';
import { getValidators, type Source } from '../store/meters';
import { lockSource, neighbours, type Reading, recentDailyRates, toPoint } from '../store/readings';

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
  },
): Promise<Checked> {
  await lockSource(tx, source.id);
  const { previous, next } = await neighbours(
    tx,
    source.id,
    input.takenAt,
    input.replacing?.id ?? null,
  );
  const verdict = validateReading({
    source: {
      kind: source.kind,
      digits: source.digits,
      validators: await getValidators(tx, source),
    },
    value: input.value,
    takenAt: input.takenAt,
    now: input.now,
    previous: previous && toPoint(previous),
    next: next && !input.endOfRegister ? toPoint(next) : null,
    recentDailyRates: input.endOfRegister
      ? []
      : await recentDailyRates(tx, source.id, input.takenAt),
  });
  return { verdict, previous, next };
}

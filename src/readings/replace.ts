import { formatNumber } from '../domain/format';
import type { Problem } from '../domain/validation';
import type { Source } from '../store/meters';
import { describeReading, findByOrigin, insertReading, type Reading } from '../store/readings';
import { replacementMisfit } from './check';
import type { Author, Transaction } from './context';
import { recordChange } from './undo';

export interface Replacement {
  /** The old register's last value. */
  final: string;
  /** The new register's first value. */
  initial: string;
  takenAt: Date;
  origin: string;
}

export type Replaced =
  /** This origin already recorded the replacement. */
  | { outcome: 'replayed' }
  | { outcome: 'refused'; problem: Problem }
  /** Readings exist after `takenAt`: they would belong to the new register, so it must be later. */
  | { outcome: 'notAtEnd' }
  | { outcome: 'replaced'; final: Reading; initial: Reading };

/**
 * A meter was replaced: stores the old register's final reading and the new one's initial
 * reading at the same instant, so usage never counts the jump between them.
 */
export async function replaceMeter(
  { tx, audit }: Transaction,
  author: Author,
  source: Source,
  replacement: Replacement,
): Promise<Replaced> {
  if (await findByOrigin(tx, replacement.origin)) return { outcome: 'replayed' };
  const { takenAt } = replacement;
  // The old register's final reading must fit its history like any reading would.
  const { problem, next } = await replacementMisfit(
    tx,
    source,
    replacement.final,
    takenAt,
    author.clock(),
  );
  if (problem) return { outcome: 'refused', problem };
  if (next) return { outcome: 'notAtEnd' };

  const final = await insertReading(tx, {
    sourceId: source.id,
    takenAt,
    value: replacement.final,
    enteredBy: author.userId,
    note: null,
    origin: replacement.origin,
    registerEvent: 'replacement_final',
  });
  const initial = await insertReading(tx, {
    sourceId: source.id,
    takenAt,
    value: replacement.initial,
    enteredBy: author.userId,
    note: null,
    origin: `${replacement.origin}:initial`,
    registerEvent: 'replacement_initial',
  });
  audit({
    action: 'reading.replace',
    subjectType: 'source',
    subjectId: source.id,
    sourceId: source.id,
    after: {
      final: describeReading(final),
      initial: describeReading(initial),
      note: formatNumber(replacement.final),
    },
  });
  await recordChange(
    tx,
    author,
    source.id,
    { kind: 'reading.replace', final, initial },
    replacement.origin,
  );
  return { outcome: 'replaced', final, initial };
}

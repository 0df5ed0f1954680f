// Whether a change to a meter's history leaves use negative somewhere it was not before.
//
// Pure. The usage engine (usage.ts) counts the use between two consecutive readings as the
// difference of their continuous values; only the later reading's event changes that step:
// a 'rollover' adds 10^digits (when digits are known), and a replacement's initial right after its
// final counts nothing. Removing a reading joins its neighbours into one step, and changing the
// register size changes every step that ends on a wrap. These rules tell the reading service
// when such a change must be refused, or when the wrap must move to keep the use it counted.
import Decimal from 'decimal.js';
import type { ReadingPoint } from './types';

const Dec = Decimal.clone({ precision: 64, rounding: Decimal.ROUND_HALF_UP });

/** The use the usage engine counts from `from` to `to` when they are consecutive readings. */
export function stepUse(digits: number | null, from: ReadingPoint, to: ReadingPoint): Decimal {
  if (from.event === 'replacement_final' && to.event === 'replacement_initial') return new Dec(0);
  const raw = new Dec(to.value).minus(from.value);
  // Without a register size a wrap counts nothing (digits are 1–15 when known).
  return to.event === 'rollover' && digits !== null ? raw.plus(new Dec(10).pow(digits)) : raw;
}

/**
 * What a step between consecutive readings would count wrong: negative use, or a whole turn of
 * the register or more at a wrap. A wrap is marked only where the register dropped, so it counts
 * less than one turn (10^digits); a wrap whose reading is not below the one before would add a
 * turn nobody used.
 */
export type StepFault = 'negative' | 'wholeTurn';

export function stepFault(
  digits: number | null,
  from: ReadingPoint,
  to: ReadingPoint,
): StepFault | null {
  const use = stepUse(digits, from, to);
  if (use.isNegative()) return 'negative';
  if (to.event === 'rollover' && digits !== null && use.gte(new Dec(10).pow(digits))) {
    return 'wholeTurn';
  }
  return null;
}

export type Removal =
  /** Nothing goes negative: remove it. */
  | { outcome: 'fine' }
  /**
   * The removed reading carried the wrap the later reading still needs: the later reading takes
   * the wrap, and the use from `previous` to it stays what it was.
   */
  | { outcome: 'moveWrap' }
  /** `next` would follow `previous` with negative use, and no wrap can explain it. */
  | { outcome: 'negative' }
  /** `next` carries a wrap, and after `previous` it would count a whole turn or more. */
  | { outcome: 'wholeTurn' };

/**
 * What removing `removed` (deleting it, or undoing its entry) does between the current readings
 * around it. Only a fault that was not there before is guarded: a meter that may count down (or
 * an old negative step, or a whole-turn wrap stored before this rule) is not made a reason to
 * refuse.
 */
export function removing(
  digits: number | null,
  previous: ReadingPoint | null,
  removed: ReadingPoint,
  next: ReadingPoint | null,
): Removal {
  if (previous === null || next === null) return { outcome: 'fine' };
  const fault = stepFault(digits, previous, next);
  if (fault === null) return { outcome: 'fine' };
  if (fault === 'wholeTurn') {
    // The turn was already counted from the removed reading: nothing new is wrong.
    const already = stepFault(digits, removed, next) === 'wholeTurn';
    return already ? { outcome: 'fine' } : { outcome: 'wholeTurn' };
  }
  const before = stepUse(digits, previous, removed).plus(stepUse(digits, removed, next));
  if (before.isNegative()) return { outcome: 'fine' };
  const wrapped = { ...next, event: 'rollover' as const };
  if (
    removed.event === 'rollover' &&
    next.event === null &&
    !stepUse(digits, previous, wrapped).isNegative()
  ) {
    return { outcome: 'moveWrap' };
  }
  return { outcome: 'negative' };
}

/** A wrap as the history holds it: the reading that carries it and the one before it. */
export interface WrapStep<T extends ReadingPoint = ReadingPoint> {
  previous: T;
  wrap: T;
}

/**
 * The wraps a new register size would make count wrong: without digits a wrap counts nothing,
 * with fewer digits it may count less than the drop it explains (negative use), and a wrap that
 * counted nothing while the size was unknown may not be a drop at all (a whole turn).
 */
export function wrapsBrokenByDigits<T extends ReadingPoint>(
  before: number | null,
  after: number | null,
  wraps: WrapStep<T>[],
): (WrapStep<T> & { fault: StepFault })[] {
  return wraps.flatMap((step) => {
    const fault = stepFault(after, step.previous, step.wrap);
    const isNew = fault !== null && stepFault(before, step.previous, step.wrap) !== fault;
    return isNew ? [{ ...step, fault }] : [];
  });
}

// Meters that record several values per reading (blood pressure: sys, dia, pulse).
//
// Pure rules. Such a meter has its value names in order, how many of them every reading must
// give (the rest are optional and may only be left out at the end), and optional bounds per
// value. A reading's values are canonical decimal strings in that order, without gaps: a
// reading that leaves out the optional pulse simply has two values.
import Decimal from 'decimal.js';
import { formatNumber } from './format';
import type { Problem } from './validation';

/** Several values per reading: at least two, at most this many. */
export const MAX_VALUES = 6;
/** A value name, in code points. */
export const VALUE_NAME_LENGTH = 20;

/** The bounds of one value; null: no bound on that side. */
export interface ValueRange {
  min: string | null;
  max: string | null;
}

/** What a meter with several values per reading expects of each reading. */
export interface ValuesSpec {
  names: string[];
  /** The first `required` values must be given; the rest may be left out. */
  required: number;
  /** Bounds per value, in the order of `names` (missing entries: no bounds). */
  ranges: (ValueRange | null)[];
}

/** Why a reading's values do not fit the meter. */
export type ValuesProblem =
  /** Fewer values than the meter requires, or more than it has names. */
  | { code: 'valueCount'; given: number; names: string[]; required: number }
  /** A meter with one value per reading was given several. */
  | { code: 'oneValueOnly'; given: number }
  | { code: 'valueBelowMin'; name: string; value: string; limit: string }
  | { code: 'valueAboveMax'; name: string; value: string; limit: string };

/**
 * Whether `values` fit the meter: the right count (every required value, no more than it has
 * names) and each value within its own bounds. `spec` null: one value per reading.
 */
export function checkValues(
  spec: ValuesSpec | null,
  values: readonly string[],
): ValuesProblem | null {
  if (spec === null) {
    return values.length > 1 ? { code: 'oneValueOnly', given: values.length } : null;
  }
  if (values.length < spec.required || values.length > spec.names.length) {
    return {
      code: 'valueCount',
      given: values.length,
      names: [...spec.names],
      required: spec.required,
    };
  }
  for (const [i, value] of values.entries()) {
    const range = spec.ranges[i];
    const name = spec.names[i] ?? '';
    const number = new Decimal(value);
    if (range?.min != null && number.lt(range.min)) {
      return { code: 'valueBelowMin', name, value, limit: range.min };
    }
    if (range?.max != null && number.gt(range.max)) {
      return { code: 'valueAboveMax', name, value, limit: range.max };
    }
  }
  return null;
}

/**
 * Whether `name` can name a value: one word of letters, marks, digits, `_` or `-` starting
 * with a letter, at most VALUE_NAME_LENGTH code points.
 */
export function isValueName(name: string): boolean {
  return /^\p{L}[\p{L}\p{M}\p{N}_-]*$/u.test(name) && [...name].length <= VALUE_NAME_LENGTH;
}

/**
 * The values of one reading as people write them: the first two joined by `/` as on a blood
 * pressure monitor, any further ones after a space ("120/80 72"); thousands grouped.
 */
export function formatValues(values: readonly string[]): string {
  const shown = values.map((value) => formatNumber(value));
  const [first = '', second, ...rest] = shown;
  const head = second === undefined ? first : `${first}/${second}`;
  return [head, ...rest].join(' ');
}

/** The value names as the bot shows them: "sys/dia pulse", an optional one marked with `?`. */
export function formatValueNames(names: readonly string[], required: number): string {
  return formatValues(names.map((name, i) => (i < required ? name : `${name}?`)));
}

/** The same values, one for one, as numbers: `125` is `125.0`. */
export function sameFigures(given: readonly string[], existing: readonly string[]): boolean {
  return (
    given.length === existing.length &&
    given.every((value, i) => new Decimal(value).eq(existing[i] ?? 'NaN'))
  );
}

/**
 * A reading at the very instant of an existing one, judged on all values rather than the first
 * alone: the same values again are a duplicate, other values need `fix`. The figures are the
 * values as written (`120/80 72`), so the usual sentences show all of them.
 */
export function sameTimeProblem(
  given: readonly string[],
  existing: readonly string[],
  takenAt: Date,
): Extract<Problem, { code: 'duplicate' | 'sameTimeDifferentValue' }> {
  const value = formatValues(given);
  return sameFigures(given, existing)
    ? { code: 'duplicate', value, takenAt }
    : { code: 'sameTimeDifferentValue', value, existing: formatValues(existing), takenAt };
}

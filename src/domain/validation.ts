// Checks one new or backdated reading before it is stored. The bot words the problems for people.
//
// Pure: the caller passes the clock (`now`), the neighbouring readings and recent daily rates.
// A verdict is one of:
//   accept  — store it (and tell the user the usage since the previous reading);
//   reject  — a hard error the person must correct (one problem, the most specific);
//   confirm — suspicious: explain the problems and ask with buttons
//             ("store it" / "it rolled over" / "new meter" / "did you mean …?" / "cancel").
//
// Register rules the caller must respect when choosing `previous` and `next`:
// - Order readings by takenAt, and at one instant put replacement_final before replacement_initial.
//   `previous` is the latest current reading AT OR BEFORE takenAt (so a reading at the same instant
//   shows up as a duplicate or a clash), `next` the earliest one strictly after it.
// - previous.event === 'replacement_final' means the new register's initial reading is missing; the
//   new value belongs to another register, so it is not compared with the old final (no direction,
//   rate or usage checks). Normally `previous` is the replacement_initial and comparisons are plain.
// - previous.event === 'rollover' needs nothing special: readings after a wrap compare raw values
//   within the new lap of the register.
// - next.event === 'rollover' (backdating into an interval that wrapped): a value ≥ previous sits
//   before the wrap and is not compared with next; a value < previous sits after the wrap, is
//   compared with next, and the rollover option (offered only if the value fits below next) then
//   says the wrap mark must move from next to it. A plain next is on previous's lap: no wrap fits
//   before it, so a decrease there is never offered as a rollover.
// - next.event === 'replacement_initial' (no final recorded) belongs to another register: ignored.
import Decimal from 'decimal.js';
import type { ReadingPoint, RegisterEvent, SourceKind } from './types';

// A private Decimal with room for any household number; never the global configuration.
const Dec = Decimal.clone({ precision: 64, rounding: Decimal.ROUND_HALF_UP });

const MS_PER_DAY = 86_400_000;
/** Phone clocks drift and LINE delivers late: only readings further ahead than this are "future". */
export const FUTURE_TOLERANCE_MS = 5 * 60_000;
/** A rate above RATE_FACTOR × p95 of recent daily rates is implausible (k = 3). */
export const RATE_FACTOR = 3;
/** Fewer recent rates than this say too little about the household: no history-based limit. */
export const MIN_RATE_HISTORY = 3;
/** Intervals shorter than a day are judged as one day, so an evening's peak hour is not a "jump". */
const MIN_RATE_DAYS = 1;
/** A previous value in the top 10% of the register is about to wrap (mirror of HA's 10% rule). */
const ROLLOVER_ZONE = '0.9';
/** Without history or a next reading, a typo suggestion may lie at most 10% above the previous. */
const TYPO_WINDOW = '0.1';
/** Values made of at least this many nines look like an error display. */
const MIN_SENTINEL_NINES = 4;

export interface SourceValidators {
  min: string | null;
  max: string | null;
  /** The register only counts up (a rollover or a replacement explains a decrease). */
  nonDecreasing: boolean;
  maxRatePerDay: string | null;
}

export interface SourceRules {
  kind: SourceKind;
  /** Integer digits of the register: values stay below 10^digits, which is the rollover modulus. */
  digits: number | null;
  validators: SourceValidators;
}

export interface ReadingToCheck {
  source: SourceRules;
  /** Canonical decimal string, as the parser produces it. */
  value: string;
  takenAt: Date;
  now: Date;
  /** Latest current reading at or before takenAt (same source), or null. */
  previous: ReadingPoint | null;
  /** Earliest current reading after takenAt when backdating, else null. */
  next: ReadingPoint | null;
  /** Usage per day of recent intervals (decimal strings); may be empty. Invalid entries are ignored. */
  recentDailyRates: string[];
  /**
   * The register event the checked value carries: a fix keeps its reading's. A wrap puts
   * `previous` on the lap before, so the value must be below it and is not compared with it.
   */
  event?: RegisterEvent | null;
}

/**
 * What is wrong, with the figures needed to explain it. Values are decimal strings as typed or
 * stored; `days`, `ratePerDay`, `limit` (of a rate) and `expected` are rounded for display.
 */
export type Problem =
  | { code: 'belowMin'; value: string; limit: string }
  | { code: 'aboveMax'; value: string; limit: string }
  /** `limit` is 10^digits: every reading must stay below it. */
  | { code: 'tooManyDigits'; value: string; digits: number; limit: string }
  | { code: 'negative'; value: string }
  | { code: 'future'; value: string; takenAt: Date; now: Date }
  | { code: 'duplicate'; value: string; takenAt: Date }
  | { code: 'sameTimeDifferentValue'; value: string; existing: string; takenAt: Date }
  | { code: 'lowerThanPrevious'; value: string; previous: string; previousAt: Date }
  | {
      code: 'higherThanNext';
      value: string;
      next: string;
      nextAt: Date;
      /** The reading before, when it is on the same register, to say "between … and …". */
      previous: string | null;
    }
  /**
   * The later reading `next` is marked as a wrap of the register, and this value would sit before
   * that wrap without being above it: the register would have turned a whole lap or more.
   */
  | { code: 'belowLaterWrap'; value: string; next: string; nextAt: Date }
  /** The value carries a wrap (a fix of one) and is not below the reading before it. */
  | { code: 'wrapNotBelowPrevious'; value: string; previous: string; previousAt: Date }
  | {
      code: 'rateTooHigh';
      value: string;
      /** Which side of the new reading is implausible: since the previous, or until the next. */
      interval: 'sincePrevious' | 'untilNext';
      /** The neighbour that closes the interval. */
      other: string;
      otherAt: Date;
      usage: string;
      days: string;
      ratePerDay: string;
      limit: string;
      limitFrom: 'history' | 'maxRatePerDay';
    }
  | { code: 'zeroAfterPositive'; value: string; previous: string; previousAt: Date }
  | { code: 'allNines'; value: string }
  | { code: 'likelyTypo'; value: string; suggestion: string; expected: string };

export type ProblemCode = Problem['code'];

export interface ConfirmOptions {
  /**
   * The register wrapped: usage across the wrap is 10^digits − previous + value.
   * clearNextRollover: backdating after a wrap that is marked on `next`; the mark moves to this
   * reading, so the store must clear next's 'rollover' event (else the wrap counts twice).
   */
  rollover?: { usage: string; clearNextRollover: boolean };
  /** The meter may have been replaced: ask for the old final reading (see applyConfirmation). */
  replacement?: true;
  /** A value consistent with the neighbours, one transposition or one digit edit away. */
  typo?: { suggestion: string };
}

export type Verdict =
  | { outcome: 'accept'; usageSincePrevious: string | null; days: number | null }
  | { outcome: 'reject'; problem: Problem }
  | {
      outcome: 'confirm';
      problems: Problem[];
      options: ConfirmOptions;
      /** Raw usage since the previous reading if stored as is (may be negative), as in accept. */
      usageSincePrevious: string | null;
      days: number | null;
    };

/** A neighbour reading with its value parsed. */
interface Neighbour {
  at: Date;
  value: Decimal;
  text: string;
}

interface RateLimit {
  perDay: Decimal;
  from: 'history' | 'maxRatePerDay';
}

/** Everything the checks need, parsed once. */
interface Context {
  input: ReadingToCheck;
  kind: SourceKind;
  value: Decimal;
  min: Decimal | null;
  max: Decimal | null;
  /** 10^digits, or null when the register size is unknown. */
  modulus: Decimal | null;
  /** The previous reading when it is on the same register as the new value. */
  previous: Neighbour | null;
  /** The next reading when it is on the same register as the new value. */
  next: Neighbour | null;
  /** `next` is a rollover reading and the new value sits after that wrap. */
  afterNextsWrap: boolean;
  /** The reading before, when the value carries a wrap from it (`previous` is then null). */
  wrapsFrom: Neighbour | null;
  /** Configured limit first, then the history-based one. */
  limits: RateLimit[];
  /** Median of recent daily rates, for predicting the expected value. */
  typicalRate: Decimal | null;
}

type Check = (ctx: Context) => Problem | null;

/** Hard checks per kind, most specific first: the first failure is the answer. */
const HARD_CHECKS: Record<SourceKind, Check[]> = {
  cumulative: [
    checkFuture,
    checkSameTime,
    checkNegative,
    checkDigits,
    checkMin,
    checkMax,
    checkLapBeforeWrap,
    checkLapAtWrap,
  ],
  // Gauges go up and down: only range, time and identity.
  gauge: [checkFuture, checkSameTime, checkMin, checkMax],
  delta: [checkFuture, checkSameTime, checkNegative, checkMin, checkMax],
};

export function validateReading(input: ReadingToCheck): Verdict {
  const ctx = buildContext(input);
  for (const check of HARD_CHECKS[ctx.kind]) {
    const problem = check(ctx);
    if (problem) return { outcome: 'reject', problem };
  }
  const days = input.previous ? daysAsNumber(input.previous.takenAt, input.takenAt) : null;
  if (ctx.kind !== 'cumulative') return { outcome: 'accept', usageSincePrevious: null, days };
  const usage = usageSincePrevious(ctx);

  const problems = [...sentinelProblems(ctx), ...directionProblems(ctx), ...rateProblems(ctx)];
  if (problems.length === 0) return { outcome: 'accept', usageSincePrevious: usage, days };

  const options: ConfirmOptions = {};
  const decreased = problems.some(
    (p) => p.code === 'lowerThanPrevious' || p.code === 'zeroAfterPositive',
  );
  if (decreased) {
    const rollover = rolloverOption(ctx);
    if (rollover) options.rollover = rollover;
    // A lower value never becomes negative use: it is a typo, a new register, a wrap, or the
    // previous reading was wrong. A new register is always one of the answers.
    if (!ctx.afterNextsWrap) options.replacement = true;
  }
  const offTrack = problems.some((p) => isOffTrack(ctx, p));
  const typo = offTrack ? typoSuggestion(ctx) : null;
  if (typo) {
    options.typo = { suggestion: typo.suggestion };
    problems.push({ code: 'likelyTypo', value: input.value, ...typo });
  }
  return { outcome: 'confirm', problems, options, usageSincePrevious: usage, days };
}

/**
 * Problems a typo could explain. Sentinels are not near misses of a real value, and a value below
 * previous is expected right after a wrap already marked on next.
 */
function isOffTrack(ctx: Context, problem: Problem): boolean {
  switch (problem.code) {
    case 'lowerThanPrevious':
      return !ctx.afterNextsWrap;
    case 'higherThanNext':
    case 'rateTooHigh':
      return true;
    default:
      return false;
  }
}

// ---------------------------------------------------------------------------------------------
// Context

function buildContext(input: ReadingToCheck): Context {
  const value = new Dec(input.value);
  const { validators, digits } = input.source;
  const modulus = digits === null || digits < 1 ? null : new Dec(10).pow(digits);
  const before = previousOnSameRegister(input.previous);
  // A value that carries a wrap is on the lap after previous: checkLapAtWrap alone compares them.
  // A previous too big for the register is on no lap of it: compared as usual (a drop is refused).
  const wrapsFrom =
    input.event === 'rollover' && modulus !== null && before?.value.lt(modulus) ? before : null;
  const previous = wrapsFrom ? null : before;
  const nextPoint = input.next;
  // After a wrap marked on next, a value below previous is on next's lap of the register.
  const afterNextsWrap =
    nextPoint?.event === 'rollover' && previous !== null && value.lt(previous.value);
  // Without a register size a wrap counts nothing: next is then compared like any reading.
  const next =
    nextPoint === null ||
    nextPoint.event === 'replacement_initial' ||
    (nextPoint.event === 'rollover' && !afterNextsWrap && digits !== null)
      ? null
      : neighbour(nextPoint);
  const rates = parseRates(input.recentDailyRates);
  return {
    input,
    kind: input.source.kind,
    value,
    min: validators.min === null ? null : new Dec(validators.min),
    max: validators.max === null ? null : new Dec(validators.max),
    modulus,
    previous,
    wrapsFrom,
    next,
    afterNextsWrap,
    limits: rateLimits(validators.maxRatePerDay, rates),
    typicalRate: median(rates),
  };
}

function neighbour(point: ReadingPoint): Neighbour {
  return { at: point.takenAt, value: new Dec(point.value), text: point.value };
}

/** A replacement_final closes the old register: the new value cannot be compared with it. */
function previousOnSameRegister(point: ReadingPoint | null): Neighbour | null {
  if (point === null || point.event === 'replacement_final') return null;
  return neighbour(point);
}

const DECIMAL = /^-?\d+(\.\d+)?$/;

/** Recent daily rates; anything that is not a non-negative decimal is ignored, not fatal. */
function parseRates(rates: string[]): Decimal[] {
  return rates
    .filter((r) => DECIMAL.test(r))
    .map((r) => new Dec(r))
    .filter((r) => !r.isNegative());
}

function rateLimits(maxRatePerDay: string | null, rates: Decimal[]): RateLimit[] {
  const limits: RateLimit[] = [];
  if (maxRatePerDay !== null)
    limits.push({ perDay: new Dec(maxRatePerDay), from: 'maxRatePerDay' });
  const p95 = rates.length >= MIN_RATE_HISTORY ? percentile95(rates) : null;
  // A household that used nothing recently (away on holiday) says nothing about a normal rate.
  if (p95?.gt(0)) limits.push({ perDay: p95.times(RATE_FACTOR), from: 'history' });
  return limits;
}

/** Nearest-rank 95th percentile. */
function percentile95(values: Decimal[]): Decimal | null {
  const sorted = [...values].sort((a, b) => a.comparedTo(b));
  return sorted[Math.ceil(sorted.length * 0.95) - 1] ?? null;
}

function median(values: Decimal[]): Decimal | null {
  const sorted = [...values].sort((a, b) => a.comparedTo(b));
  const middle = Math.floor(sorted.length / 2);
  const upper = sorted[middle];
  if (upper === undefined) return null;
  const lower = sorted.length % 2 === 0 ? sorted[middle - 1] : undefined;
  return lower === undefined ? upper : lower.plus(upper).div(2);
}

// ---------------------------------------------------------------------------------------------
// Hard checks (reject)

function checkFuture({ input }: Context): Problem | null {
  if (input.takenAt.getTime() - input.now.getTime() <= FUTURE_TOLERANCE_MS) return null;
  return { code: 'future', value: input.value, takenAt: input.takenAt, now: input.now };
}

/** One reading per instant: the same one again is a duplicate, a different one needs "fix". */
function checkSameTime({ input, value }: Context): Problem | null {
  const at = input.takenAt.getTime();
  const existing = [input.previous, input.next].find((p) => p?.takenAt.getTime() === at);
  if (!existing) return null;
  if (new Dec(existing.value).eq(value)) {
    return { code: 'duplicate', value: input.value, takenAt: input.takenAt };
  }
  return {
    code: 'sameTimeDifferentValue',
    value: input.value,
    existing: existing.value,
    takenAt: input.takenAt,
  };
}

/** A register cannot show a negative number; a delta may be negative only if min says so. */
function checkNegative({ input, kind, value, min }: Context): Problem | null {
  if (!value.isNegative() || value.isZero()) return null;
  // A negative min opts a delta source into negative amounts; checkMin then guards the range.
  if (kind === 'delta' && min?.isNegative()) return null;
  return { code: 'negative', value: input.value };
}

function checkDigits({ input, value, modulus }: Context): Problem | null {
  if (modulus === null || value.abs().lt(modulus)) return null;
  const digits = input.source.digits ?? 0;
  return { code: 'tooManyDigits', value: input.value, digits, limit: canonical(modulus) };
}

function checkMin({ input, value, min }: Context): Problem | null {
  if (min === null || value.gte(min)) return null;
  return { code: 'belowMin', value: input.value, limit: input.source.validators.min ?? '' };
}

function checkMax({ input, value, max }: Context): Problem | null {
  if (max === null || value.lte(max)) return null;
  return { code: 'aboveMax', value: input.value, limit: input.source.validators.max ?? '' };
}

/**
 * A wrap counts less than one lap of the register (10^digits − before + after), so a value that
 * sits before the wrap marked on next must be above next. Fixing the first reading of a wrapped
 * interval down to 3 when the wrap was at 5 would otherwise count 100,002 on a 5-digit register.
 */
function checkLapBeforeWrap({ input, value, modulus, afterNextsWrap }: Context): Problem | null {
  const next = input.next;
  if (next?.event !== 'rollover' || modulus === null || afterNextsWrap) return null;
  if (value.gt(next.value)) return null;
  return { code: 'belowLaterWrap', value: input.value, next: next.value, nextAt: next.takenAt };
}

/** The other side of the same rule: a value that carries a wrap must be below the one before. */
function checkLapAtWrap({ input, value, wrapsFrom }: Context): Problem | null {
  if (wrapsFrom === null || value.lt(wrapsFrom.value)) return null;
  return {
    code: 'wrapNotBelowPrevious',
    value: input.value,
    previous: wrapsFrom.text,
    previousAt: wrapsFrom.at,
  };
}

// ---------------------------------------------------------------------------------------------
// Suspicious readings of a cumulative register (confirm)

/** Values that meters show when something is wrong rather than a count (HA PR #104843). */
function sentinelProblems({ input, value, previous }: Context): Problem[] {
  const problems: Problem[] = [];
  if (value.isZero() && previous?.value.gt(0)) {
    problems.push({
      code: 'zeroAfterPositive',
      value: input.value,
      previous: previous.text,
      previousAt: previous.at,
    });
  }
  if (isAllNines(input.value)) problems.push({ code: 'allNines', value: input.value });
  return problems;
}

function isAllNines(text: string): boolean {
  const digits = text.replace('.', '');
  return digits.length >= MIN_SENTINEL_NINES && /^9+$/.test(digits);
}

/** A counting-up register must fit between its neighbours (a zero is already explained). */
function directionProblems(ctx: Context): Problem[] {
  const { input, value, previous, next } = ctx;
  if (!input.source.validators.nonDecreasing) return [];
  const problems: Problem[] = [];
  if (previous && value.lt(previous.value) && !value.isZero()) {
    problems.push({
      code: 'lowerThanPrevious',
      value: input.value,
      previous: previous.text,
      previousAt: previous.at,
    });
  }
  if (next && value.gt(next.value)) {
    // After a wrap the previous reading is on the other lap: "between" would mislead.
    const between = previous && !ctx.afterNextsWrap ? previous.text : null;
    problems.push({
      code: 'higherThanNext',
      value: input.value,
      next: next.text,
      nextAt: next.at,
      previous: between,
    });
  }
  return problems;
}

/** Usage per day on either side of the new reading must look like this household's. */
function rateProblems(ctx: Context): Problem[] {
  const { value, previous, next } = ctx;
  const here = { at: ctx.input.takenAt, value };
  const problems: Problem[] = [];
  if (previous && !ctx.afterNextsWrap) {
    const problem = rateProblem(ctx, 'sincePrevious', previous, here, previous);
    if (problem) problems.push(problem);
  }
  if (next) {
    const problem = rateProblem(ctx, 'untilNext', here, next, next);
    if (problem) problems.push(problem);
  }
  return problems;
}

function rateProblem(
  ctx: Context,
  interval: 'sincePrevious' | 'untilNext',
  from: { at: Date; value: Decimal },
  to: { at: Date; value: Decimal },
  other: Neighbour,
): Problem | null {
  const usage = to.value.minus(from.value);
  const days = daysBetween(from.at, to.at);
  if (usage.lte(0) || days.lte(0)) return null;
  const ratePerDay = dailyRate(usage, days);
  const limit = ctx.limits.find((l) => ratePerDay.gt(l.perDay));
  if (!limit) return null;
  return {
    code: 'rateTooHigh',
    value: ctx.input.value,
    interval,
    other: other.text,
    otherAt: other.at,
    usage: canonical(usage),
    days: roundForDisplay(days),
    ratePerDay: roundForDisplay(ratePerDay),
    limit: roundForDisplay(limit.perDay),
    limitFrom: limit.from,
  };
}

function dailyRate(usage: Decimal, days: Decimal): Decimal {
  return usage.div(Dec.max(days, MIN_RATE_DAYS));
}

function withinLimits(usage: Decimal, days: Decimal, limits: RateLimit[]): boolean {
  if (days.lte(0)) return false;
  const rate = dailyRate(usage, days);
  return limits.every((l) => rate.lte(l.perDay));
}

// ---------------------------------------------------------------------------------------------
// Options offered with a decrease

/**
 * Offered when the register size is known, the wrap fits the later reading too (see
 * wrapFitsNext), and either the previous value was near the top of the register, the wrap is
 * already marked on next, or the wrapped usage is a plausible rate.
 */
function rolloverOption(ctx: Context): ConfirmOptions['rollover'] | null {
  const { modulus, previous, value } = ctx;
  if (modulus === null || previous === null || previous.value.gte(modulus)) return null;
  if (!wrapFitsNext(ctx)) return null;
  const usage = modulus.minus(previous.value).plus(value);
  const nearTop = previous.value.gte(modulus.times(ROLLOVER_ZONE));
  const days = daysBetween(previous.at, ctx.input.takenAt);
  const plausible = ctx.limits.length > 0 && withinLimits(usage, days, ctx.limits);
  if (!ctx.afterNextsWrap && !nearTop && !plausible) return null;
  return { usage: canonical(usage), clearNextRollover: ctx.afterNextsWrap };
}

/**
 * A wrap at the new reading must leave the later reading on the lap after it, at or above the new
 * value. With no later reading on this register there is nothing to contradict. A later reading
 * that carries the wrap itself takes the new value only if the value fits below it (the mark then
 * moves to the new reading). A plain later reading is still on the previous lap: a wrap before it
 * would need a second, unmarked one, so the decrease is a typo or a wrong neighbour instead.
 */
function wrapFitsNext(ctx: Context): boolean {
  const { next, value } = ctx;
  if (next === null) return true;
  return ctx.afterNextsWrap && value.lte(next.value);
}

/** Where the reading should be: between the neighbours by time, or previous + typical usage. */
function predictValue(ctx: Context): Decimal | null {
  const { previous, next, typicalRate } = ctx;
  const at = ctx.input.takenAt;
  if (previous && next && !ctx.afterNextsWrap) {
    const span = next.at.getTime() - previous.at.getTime();
    if (span <= 0) return previous.value;
    const share = new Dec(at.getTime() - previous.at.getTime()).div(span);
    return previous.value.plus(next.value.minus(previous.value).times(share));
  }
  const rate = typicalRate ?? new Dec(0);
  if (previous && !ctx.afterNextsWrap) {
    return previous.value.plus(rate.times(Dec.max(daysBetween(previous.at, at), 0)));
  }
  if (next) return Dec.max(next.value.minus(rate.times(daysBetween(at, next.at))), 0);
  return null;
}

type EditKind = 'transposition' | 'substitution' | 'deletion' | 'insertion';
const EDIT_PREFERENCE: EditKind[] = ['transposition', 'substitution', 'deletion', 'insertion'];
/** Longer inputs are not hand-typed meter readings; don't search them. */
const MAX_TYPO_LENGTH = 24;

/** The consistent value nearest to the prediction among the typed value's near misses. */
function typoSuggestion(ctx: Context): { suggestion: string; expected: string } | null {
  const expected = predictValue(ctx);
  const text = ctx.input.value;
  if (expected === null || text.length > MAX_TYPO_LENGTH) return null;
  let best: { value: Decimal; text: string; rank: number } | null = null;
  for (const [kind, candidates] of nearMisses(text)) {
    const rank = EDIT_PREFERENCE.indexOf(kind);
    for (const candidate of candidates) {
      if (!DECIMAL.test(candidate) || /^-?0\d/.test(candidate)) continue;
      const value = new Dec(candidate);
      if (value.eq(ctx.value) || !fitsNeighbours(ctx, value)) continue;
      if (best === null || isCloser(value, rank, best, expected)) {
        best = { value, text: canonical(value), rank };
      }
    }
  }
  return best ? { suggestion: best.text, expected: roundForDisplay(expected) } : null;
}

function isCloser(
  value: Decimal,
  rank: number,
  best: { value: Decimal; rank: number },
  expected: Decimal,
): boolean {
  const byDistance = value.minus(expected).abs().comparedTo(best.value.minus(expected).abs());
  if (byDistance !== 0) return byDistance < 0;
  if (rank !== best.rank) return rank < best.rank;
  return value.lt(best.value);
}

/** Strings one swap of two digits, or one digit substituted, deleted or inserted, away. */
function nearMisses(text: string): [EditKind, string[]][] {
  const chars = [...text];
  const isDigit = (i: number) => /\d/.test(chars[i] ?? '');
  const transpositions: string[] = [];
  const substitutions: string[] = [];
  const deletions: string[] = [];
  const insertions: string[] = [];
  for (let i = 0; i < chars.length; i++) {
    if (!isDigit(i)) continue;
    for (let j = i + 1; j < chars.length; j++) {
      if (!isDigit(j) || chars[i] === chars[j]) continue;
      const swapped = [...chars];
      swapped[i] = chars[j] ?? '';
      swapped[j] = chars[i] ?? '';
      transpositions.push(swapped.join(''));
    }
    for (const digit of '0123456789') {
      if (digit !== chars[i]) substitutions.push(text.slice(0, i) + digit + text.slice(i + 1));
    }
    deletions.push(text.slice(0, i) + text.slice(i + 1));
  }
  for (let i = 0; i <= chars.length; i++) {
    for (const digit of '0123456789') insertions.push(text.slice(0, i) + digit + text.slice(i));
  }
  return [
    ['transposition', transpositions],
    ['substitution', substitutions],
    ['deletion', deletions],
    ['insertion', insertions],
  ];
}

/** Would this value pass every check here without a question? */
function fitsNeighbours(ctx: Context, value: Decimal): boolean {
  const { next, min, max, modulus } = ctx;
  const previous = ctx.afterNextsWrap ? null : ctx.previous;
  const at = ctx.input.takenAt;
  if (value.isNegative() || value.isZero()) return false;
  if ((min && value.lt(min)) || (max && value.gt(max)) || (modulus && value.gte(modulus))) {
    return false;
  }
  if (previous && (value.lt(previous.value) || !plausible(ctx, previous, { at, value }))) {
    return false;
  }
  if (next && (value.gt(next.value) || !plausible(ctx, { at, value }, next))) return false;
  // With nothing else to bound it, stay near the one known neighbour.
  if (ctx.limits.length === 0 && !next && previous) {
    return value.lte(previous.value.times(new Dec(1).plus(TYPO_WINDOW)));
  }
  if (ctx.limits.length === 0 && !previous && next) {
    return value.gte(next.value.times(new Dec(1).minus(TYPO_WINDOW)));
  }
  return previous !== null || next !== null;
}

/** The usage from one point to the next is within every known rate limit. */
function plausible(
  ctx: Context,
  from: { at: Date; value: Decimal },
  to: { at: Date; value: Decimal },
): boolean {
  const usage = to.value.minus(from.value);
  if (usage.lte(0) || ctx.limits.length === 0) return true;
  return withinLimits(usage, daysBetween(from.at, to.at), ctx.limits);
}

// ---------------------------------------------------------------------------------------------
// Numbers and time

/** Only for a cumulative register; gauges and deltas have no usage. */
function usageSincePrevious(ctx: Context): string | null {
  if (ctx.previous === null) return null;
  return canonical(ctx.value.minus(ctx.previous.value));
}

function daysBetween(from: Date, to: Date): Decimal {
  return new Dec(to.getTime() - from.getTime()).div(MS_PER_DAY);
}

/** Days are a duration for display, not a stored value: a float is fine here. */
function daysAsNumber(from: Date, to: Date): number {
  return (to.getTime() - from.getTime()) / MS_PER_DAY;
}

function canonical(value: Decimal): string {
  return value.isZero() ? '0' : value.toFixed();
}

/** Rates and durations are shown, not stored: whole numbers from 100, else two decimals or 3 significant digits. */
function roundForDisplay(value: Decimal): string {
  const abs = value.abs();
  if (abs.gte(100)) return canonical(value.toDecimalPlaces(0));
  if (abs.gte(1)) return canonical(value.toDecimalPlaces(2));
  return canonical(value.toSignificantDigits(3));
}

// ---------------------------------------------------------------------------------------------
// Confirmation

export type ConfirmationChoice =
  | 'store'
  | 'rollover'
  | 'replacement'
  | 'typo'
  | 'cancel'
  /** The previous reading was wrong: fix that one first (nothing is stored now). */
  | 'previous';

/** Problems whose value, stored as it is, would make a cumulative meter's use negative. */
const OUT_OF_ORDER = new Set<ProblemCode>([
  'lowerThanPrevious',
  'zeroAfterPositive',
  'higherThanNext',
]);

/** Whether storing the value as it is would count negative use (so "store" is not offered). */
export function storingWouldGoBackwards(verdict: Verdict): boolean {
  return verdict.outcome === 'confirm' && verdict.problems.some((p) => OUT_OF_ORDER.has(p.code));
}

export type ConfirmationDecision =
  /** Store the reading with this event; clearNextRollover: also drop 'rollover' from next. */
  | { store: true; event: RegisterEvent | null; clearNextRollover: boolean }
  /** Nothing to store: cancelled, a rejected reading, or a choice that was not offered. */
  | { store: false; action: 'nothing' }
  /** Record a meter replacement instead: ask for the old final, then store final + initial. */
  | { store: false; action: 'askReplacement' }
  /** The user took the typo suggestion: validate `value` again as a fresh reading. */
  | { store: false; action: 'revalidate'; value: string }
  /** The previous reading was wrong: show how to fix it; nothing is stored. */
  | { store: false; action: 'fixPrevious' };

/**
 * What to do after the user taps a button. Only options the verdict offered are honoured: a stale
 * or forged postback for anything else stores nothing.
 */
export function applyConfirmation(
  verdict: Verdict,
  choice: ConfirmationChoice,
): ConfirmationDecision {
  const nothing = { store: false, action: 'nothing' } as const;
  if (verdict.outcome === 'reject' || choice === 'cancel') return nothing;
  if (verdict.outcome === 'accept') {
    return choice === 'store' ? { store: true, event: null, clearNextRollover: false } : nothing;
  }
  const { rollover, replacement, typo } = verdict.options;
  switch (choice) {
    case 'store':
      // Never a choice that stores negative use, whatever a stale or forged postback says.
      return storingWouldGoBackwards(verdict)
        ? nothing
        : { store: true, event: null, clearNextRollover: false };
    case 'previous':
      return verdict.problems.some(
        (p) => p.code === 'lowerThanPrevious' || p.code === 'zeroAfterPositive',
      )
        ? { store: false, action: 'fixPrevious' }
        : nothing;
    case 'rollover':
      return rollover
        ? { store: true, event: 'rollover', clearNextRollover: rollover.clearNextRollover }
        : nothing;
    case 'replacement':
      return replacement ? { store: false, action: 'askReplacement' } : nothing;
    case 'typo':
      return typo ? { store: false, action: 'revalidate', value: typo.suggestion } : nothing;
  }
}

// @ts-nocheck
// Checks one new or backdated reading before it is stored (REFERENCE §5 step 2, DESIGN §4).
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
//   compared with next, and the rollover option then says the wrap mark must move from next to it.
// - next.event === 'replacement_initial' (no final recorded) belongs to another register: ignored.
function stryNS_9fa48() {
  var g = typeof globalThis === 'object' && globalThis && globalThis.Math === Math && globalThis || new Function("return this")();
  var ns = g.__stryker__ || (g.__stryker__ = {});
  if (ns.activeMutant === undefined && g.process && g.process.env && g.process.env.__STRYKER_ACTIVE_MUTANT__) {
    ns.activeMutant = g.process.env.__STRYKER_ACTIVE_MUTANT__;
  }
  function retrieveNS() {
    return ns;
  }
  stryNS_9fa48 = retrieveNS;
  return retrieveNS();
}
stryNS_9fa48();
function stryCov_9fa48() {
  var ns = stryNS_9fa48();
  var cov = ns.mutantCoverage || (ns.mutantCoverage = {
    static: {},
    perTest: {}
  });
  function cover() {
    var c = cov.static;
    if (ns.currentTestId) {
      c = cov.perTest[ns.currentTestId] = cov.perTest[ns.currentTestId] || {};
    }
    var a = arguments;
    for (var i = 0; i < a.length; i++) {
      c[a[i]] = (c[a[i]] || 0) + 1;
    }
  }
  stryCov_9fa48 = cover;
  cover.apply(null, arguments);
}
function stryMutAct_9fa48(id) {
  var ns = stryNS_9fa48();
  function isActive(id) {
    if (ns.activeMutant === id) {
      if (ns.hitCount !== void 0 && ++ns.hitCount > ns.hitLimit) {
        throw new Error('Stryker: Hit count limit reached (' + ns.hitCount + ')');
      }
      return true;
    }
    return false;
  }
  stryMutAct_9fa48 = isActive;
  return isActive(id);
}
import Decimal from 'decimal.js';
import { DateTime } from 'luxon';
import type { Language, ReadingPoint, RegisterEvent, SourceKind } from './types';

// A private Decimal with room for any household number; never the global configuration.
const Dec = Decimal.clone(stryMutAct_9fa48("3901") ? {} : (stryCov_9fa48("3901"), {
  precision: 64,
  rounding: Decimal.ROUND_HALF_UP
}));
const MS_PER_DAY = 86_400_000;
/** Phone clocks drift and LINE delivers late: only readings further ahead than this are "future". */
export const FUTURE_TOLERANCE_MS = stryMutAct_9fa48("3902") ? 5 / 60_000 : (stryCov_9fa48("3902"), 5 * 60_000);
/** A rate above RATE_FACTOR × p95 of recent daily rates is implausible (REFERENCE §5: k ≈ 3). */
export const RATE_FACTOR = 3;
/** Fewer recent rates than this say too little about the household: no history-based limit. */
export const MIN_RATE_HISTORY = 3;
/** Intervals shorter than a day are judged as one day, so an evening's peak hour is not a "jump". */
const MIN_RATE_DAYS = 1;
/** A previous value in the top 10% of the register is about to wrap (mirror of HA's 10% rule). */
const ROLLOVER_ZONE = stryMutAct_9fa48("3903") ? "" : (stryCov_9fa48("3903"), '0.9');
/** Without history or a next reading, a typo suggestion may lie at most 10% above the previous. */
const TYPO_WINDOW = stryMutAct_9fa48("3904") ? "" : (stryCov_9fa48("3904"), '0.1');
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
}

/**
 * What is wrong, with the figures needed to explain it. Values are decimal strings as typed or
 * stored; `days`, `ratePerDay`, `limit` (of a rate) and `expected` are rounded for display.
 */
export type Problem = {
  code: 'belowMin';
  value: string;
  limit: string;
} | {
  code: 'aboveMax';
  value: string;
  limit: string;
}
/** `limit` is 10^digits: every reading must stay below it. */ | {
  code: 'tooManyDigits';
  value: string;
  digits: number;
  limit: string;
} | {
  code: 'negative';
  value: string;
} | {
  code: 'future';
  value: string;
  takenAt: Date;
  now: Date;
} | {
  code: 'duplicate';
  value: string;
  takenAt: Date;
} | {
  code: 'sameTimeDifferentValue';
  value: string;
  existing: string;
  takenAt: Date;
} | {
  code: 'lowerThanPrevious';
  value: string;
  previous: string;
  previousAt: Date;
} | {
  code: 'higherThanNext';
  value: string;
  next: string;
  nextAt: Date;
  /** The reading before, when it is on the same register, to say "between … and …". */
  previous: string | null;
} | {
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
} | {
  code: 'zeroAfterPositive';
  value: string;
  previous: string;
  previousAt: Date;
} | {
  code: 'allNines';
  value: string;
} | {
  code: 'likelyTypo';
  value: string;
  suggestion: string;
  expected: string;
};
export type ProblemCode = Problem['code'];
export interface ConfirmOptions {
  /**
   * The register wrapped: usage across the wrap is 10^digits − previous + value.
   * clearNextRollover: backdating after a wrap that is marked on `next`; the mark moves to this
   * reading, so the store must clear next's 'rollover' event (else the wrap counts twice).
   */
  rollover?: {
    usage: string;
    clearNextRollover: boolean;
  };
  /** The meter may have been replaced: ask for the old final reading (see applyConfirmation). */
  replacement?: true;
  /** A value consistent with the neighbours, one transposition or one digit edit away. */
  typo?: {
    suggestion: string;
  };
}
export type Verdict = {
  outcome: 'accept';
  usageSincePrevious: string | null;
  days: number | null;
} | {
  outcome: 'reject';
  problem: Problem;
} | {
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
  /** Configured limit first, then the history-based one. */
  limits: RateLimit[];
  /** Median of recent daily rates, for predicting the expected value. */
  typicalRate: Decimal | null;
}
type Check = (ctx: Context) => Problem | null;

/** Hard checks per kind, most specific first: the first failure is the answer. */
const HARD_CHECKS: Record<SourceKind, Check[]> = stryMutAct_9fa48("3905") ? {} : (stryCov_9fa48("3905"), {
  cumulative: stryMutAct_9fa48("3906") ? [] : (stryCov_9fa48("3906"), [checkFuture, checkSameTime, checkNegative, checkDigits, checkMin, checkMax]),
  // Gauges go up and down: only range, time and identity.
  gauge: stryMutAct_9fa48("3907") ? [] : (stryCov_9fa48("3907"), [checkFuture, checkSameTime, checkMin, checkMax]),
  delta: stryMutAct_9fa48("3908") ? [] : (stryCov_9fa48("3908"), [checkFuture, checkSameTime, checkNegative, checkMin, checkMax])
});
export function validateReading(input: ReadingToCheck): Verdict {
  if (stryMutAct_9fa48("3909")) {
    {}
  } else {
    stryCov_9fa48("3909");
    const ctx = buildContext(input);
    for (const check of HARD_CHECKS[ctx.kind]) {
      if (stryMutAct_9fa48("3910")) {
        {}
      } else {
        stryCov_9fa48("3910");
        const problem = check(ctx);
        if (stryMutAct_9fa48("3912") ? false : stryMutAct_9fa48("3911") ? true : (stryCov_9fa48("3911", "3912"), problem)) return stryMutAct_9fa48("3913") ? {} : (stryCov_9fa48("3913"), {
          outcome: stryMutAct_9fa48("3914") ? "" : (stryCov_9fa48("3914"), 'reject'),
          problem
        });
      }
    }
    const usage = usageSincePrevious(ctx);
    const days = input.previous ? daysAsNumber(input.previous.takenAt, input.takenAt) : null;
    if (stryMutAct_9fa48("3917") ? ctx.kind === 'cumulative' : stryMutAct_9fa48("3916") ? false : stryMutAct_9fa48("3915") ? true : (stryCov_9fa48("3915", "3916", "3917"), ctx.kind !== (stryMutAct_9fa48("3918") ? "" : (stryCov_9fa48("3918"), 'cumulative')))) return stryMutAct_9fa48("3919") ? {} : (stryCov_9fa48("3919"), {
      outcome: stryMutAct_9fa48("3920") ? "" : (stryCov_9fa48("3920"), 'accept'),
      usageSincePrevious: null,
      days
    });
    const problems = stryMutAct_9fa48("3921") ? [] : (stryCov_9fa48("3921"), [...sentinelProblems(ctx), ...directionProblems(ctx), ...rateProblems(ctx)]);
    if (stryMutAct_9fa48("3924") ? problems.length !== 0 : stryMutAct_9fa48("3923") ? false : stryMutAct_9fa48("3922") ? true : (stryCov_9fa48("3922", "3923", "3924"), problems.length === 0)) return stryMutAct_9fa48("3925") ? {} : (stryCov_9fa48("3925"), {
      outcome: stryMutAct_9fa48("3926") ? "" : (stryCov_9fa48("3926"), 'accept'),
      usageSincePrevious: usage,
      days
    });
    const options: ConfirmOptions = {};
    const decreased = stryMutAct_9fa48("3927") ? problems.every(p => p.code === 'lowerThanPrevious' || p.code === 'zeroAfterPositive') : (stryCov_9fa48("3927"), problems.some(stryMutAct_9fa48("3928") ? () => undefined : (stryCov_9fa48("3928"), p => stryMutAct_9fa48("3931") ? p.code === 'lowerThanPrevious' && p.code === 'zeroAfterPositive' : stryMutAct_9fa48("3930") ? false : stryMutAct_9fa48("3929") ? true : (stryCov_9fa48("3929", "3930", "3931"), (stryMutAct_9fa48("3933") ? p.code !== 'lowerThanPrevious' : stryMutAct_9fa48("3932") ? false : (stryCov_9fa48("3932", "3933"), p.code === (stryMutAct_9fa48("3934") ? "" : (stryCov_9fa48("3934"), 'lowerThanPrevious')))) || (stryMutAct_9fa48("3936") ? p.code !== 'zeroAfterPositive' : stryMutAct_9fa48("3935") ? false : (stryCov_9fa48("3935", "3936"), p.code === (stryMutAct_9fa48("3937") ? "" : (stryCov_9fa48("3937"), 'zeroAfterPositive'))))))));
    if (stryMutAct_9fa48("3939") ? false : stryMutAct_9fa48("3938") ? true : (stryCov_9fa48("3938", "3939"), decreased)) {
      if (stryMutAct_9fa48("3940")) {
        {}
      } else {
        stryCov_9fa48("3940");
        const rollover = rolloverOption(ctx);
        if (stryMutAct_9fa48("3942") ? false : stryMutAct_9fa48("3941") ? true : (stryCov_9fa48("3941", "3942"), rollover)) options.rollover = rollover;
        if (stryMutAct_9fa48("3945") ? !ctx.afterNextsWrap || looksLikeReplacement(ctx) : stryMutAct_9fa48("3944") ? false : stryMutAct_9fa48("3943") ? true : (stryCov_9fa48("3943", "3944", "3945"), (stryMutAct_9fa48("3946") ? ctx.afterNextsWrap : (stryCov_9fa48("3946"), !ctx.afterNextsWrap)) && looksLikeReplacement(ctx))) options.replacement = stryMutAct_9fa48("3947") ? false : (stryCov_9fa48("3947"), true);
      }
    }
    const offTrack = stryMutAct_9fa48("3948") ? problems.every(p => isOffTrack(ctx, p)) : (stryCov_9fa48("3948"), problems.some(stryMutAct_9fa48("3949") ? () => undefined : (stryCov_9fa48("3949"), p => isOffTrack(ctx, p))));
    const typo = offTrack ? typoSuggestion(ctx) : null;
    if (stryMutAct_9fa48("3951") ? false : stryMutAct_9fa48("3950") ? true : (stryCov_9fa48("3950", "3951"), typo)) {
      if (stryMutAct_9fa48("3952")) {
        {}
      } else {
        stryCov_9fa48("3952");
        options.typo = stryMutAct_9fa48("3953") ? {} : (stryCov_9fa48("3953"), {
          suggestion: typo.suggestion
        });
        problems.push(stryMutAct_9fa48("3954") ? {} : (stryCov_9fa48("3954"), {
          code: stryMutAct_9fa48("3955") ? "" : (stryCov_9fa48("3955"), 'likelyTypo'),
          value: input.value,
          ...typo
        }));
      }
    }
    return stryMutAct_9fa48("3956") ? {} : (stryCov_9fa48("3956"), {
      outcome: stryMutAct_9fa48("3957") ? "" : (stryCov_9fa48("3957"), 'confirm'),
      problems,
      options,
      usageSincePrevious: usage,
      days
    });
  }
}

/**
 * Problems a typo could explain. Sentinels are not near misses of a real value, and a value below
 * previous is expected right after a wrap already marked on next.
 */
function isOffTrack(ctx: Context, problem: Problem): boolean {
  if (stryMutAct_9fa48("3958")) {
    {}
  } else {
    stryCov_9fa48("3958");
    switch (problem.code) {
      case stryMutAct_9fa48("3960") ? "" : (stryCov_9fa48("3960"), 'lowerThanPrevious'):
        if (stryMutAct_9fa48("3959")) {} else {
          stryCov_9fa48("3959");
          return stryMutAct_9fa48("3961") ? ctx.afterNextsWrap : (stryCov_9fa48("3961"), !ctx.afterNextsWrap);
        }
      case stryMutAct_9fa48("3962") ? "" : (stryCov_9fa48("3962"), 'higherThanNext'):
      case stryMutAct_9fa48("3964") ? "" : (stryCov_9fa48("3964"), 'rateTooHigh'):
        if (stryMutAct_9fa48("3963")) {} else {
          stryCov_9fa48("3963");
          return stryMutAct_9fa48("3965") ? false : (stryCov_9fa48("3965"), true);
        }
      default:
        if (stryMutAct_9fa48("3966")) {} else {
          stryCov_9fa48("3966");
          return stryMutAct_9fa48("3967") ? true : (stryCov_9fa48("3967"), false);
        }
    }
  }
}

// ---------------------------------------------------------------------------------------------
// Context

function buildContext(input: ReadingToCheck): Context {
  if (stryMutAct_9fa48("3968")) {
    {}
  } else {
    stryCov_9fa48("3968");
    const value = new Dec(input.value);
    const {
      validators,
      digits
    } = input.source;
    const previous = previousOnSameRegister(input.previous);
    const nextPoint = input.next;
    // After a wrap marked on next, a value below previous is on next's lap of the register.
    const afterNextsWrap = stryMutAct_9fa48("3971") ? nextPoint?.event === 'rollover' && previous !== null || value.lt(previous.value) : stryMutAct_9fa48("3970") ? false : stryMutAct_9fa48("3969") ? true : (stryCov_9fa48("3969", "3970", "3971"), (stryMutAct_9fa48("3973") ? nextPoint?.event === 'rollover' || previous !== null : stryMutAct_9fa48("3972") ? true : (stryCov_9fa48("3972", "3973"), (stryMutAct_9fa48("3975") ? nextPoint?.event !== 'rollover' : stryMutAct_9fa48("3974") ? true : (stryCov_9fa48("3974", "3975"), (stryMutAct_9fa48("3976") ? nextPoint.event : (stryCov_9fa48("3976"), nextPoint?.event)) === (stryMutAct_9fa48("3977") ? "" : (stryCov_9fa48("3977"), 'rollover')))) && (stryMutAct_9fa48("3979") ? previous === null : stryMutAct_9fa48("3978") ? true : (stryCov_9fa48("3978", "3979"), previous !== null)))) && value.lt(previous.value));
    const next = (stryMutAct_9fa48("3982") ? (nextPoint === null || nextPoint.event === 'replacement_initial') && nextPoint.event === 'rollover' && !afterNextsWrap : stryMutAct_9fa48("3981") ? false : stryMutAct_9fa48("3980") ? true : (stryCov_9fa48("3980", "3981", "3982"), (stryMutAct_9fa48("3984") ? nextPoint === null && nextPoint.event === 'replacement_initial' : stryMutAct_9fa48("3983") ? false : (stryCov_9fa48("3983", "3984"), (stryMutAct_9fa48("3986") ? nextPoint !== null : stryMutAct_9fa48("3985") ? false : (stryCov_9fa48("3985", "3986"), nextPoint === null)) || (stryMutAct_9fa48("3988") ? nextPoint.event !== 'replacement_initial' : stryMutAct_9fa48("3987") ? false : (stryCov_9fa48("3987", "3988"), nextPoint.event === (stryMutAct_9fa48("3989") ? "" : (stryCov_9fa48("3989"), 'replacement_initial')))))) || (stryMutAct_9fa48("3991") ? nextPoint.event === 'rollover' || !afterNextsWrap : stryMutAct_9fa48("3990") ? false : (stryCov_9fa48("3990", "3991"), (stryMutAct_9fa48("3993") ? nextPoint.event !== 'rollover' : stryMutAct_9fa48("3992") ? true : (stryCov_9fa48("3992", "3993"), nextPoint.event === (stryMutAct_9fa48("3994") ? "" : (stryCov_9fa48("3994"), 'rollover')))) && (stryMutAct_9fa48("3995") ? afterNextsWrap : (stryCov_9fa48("3995"), !afterNextsWrap)))))) ? null : neighbour(nextPoint);
    const rates = parseRates(input.recentDailyRates);
    return stryMutAct_9fa48("3996") ? {} : (stryCov_9fa48("3996"), {
      input,
      kind: input.source.kind,
      value,
      min: (stryMutAct_9fa48("3999") ? validators.min !== null : stryMutAct_9fa48("3998") ? false : stryMutAct_9fa48("3997") ? true : (stryCov_9fa48("3997", "3998", "3999"), validators.min === null)) ? null : new Dec(validators.min),
      max: (stryMutAct_9fa48("4002") ? validators.max !== null : stryMutAct_9fa48("4001") ? false : stryMutAct_9fa48("4000") ? true : (stryCov_9fa48("4000", "4001", "4002"), validators.max === null)) ? null : new Dec(validators.max),
      modulus: (stryMutAct_9fa48("4005") ? digits === null && digits < 1 : stryMutAct_9fa48("4004") ? false : stryMutAct_9fa48("4003") ? true : (stryCov_9fa48("4003", "4004", "4005"), (stryMutAct_9fa48("4007") ? digits !== null : stryMutAct_9fa48("4006") ? false : (stryCov_9fa48("4006", "4007"), digits === null)) || (stryMutAct_9fa48("4010") ? digits >= 1 : stryMutAct_9fa48("4009") ? digits <= 1 : stryMutAct_9fa48("4008") ? false : (stryCov_9fa48("4008", "4009", "4010"), digits < 1)))) ? null : new Dec(10).pow(digits),
      previous,
      next,
      afterNextsWrap,
      limits: rateLimits(validators.maxRatePerDay, rates),
      typicalRate: median(rates)
    });
  }
}
function neighbour(point: ReadingPoint): Neighbour {
  if (stryMutAct_9fa48("4011")) {
    {}
  } else {
    stryCov_9fa48("4011");
    return stryMutAct_9fa48("4012") ? {} : (stryCov_9fa48("4012"), {
      at: point.takenAt,
      value: new Dec(point.value),
      text: point.value
    });
  }
}

/** A replacement_final closes the old register: the new value cannot be compared with it. */
function previousOnSameRegister(point: ReadingPoint | null): Neighbour | null {
  if (stryMutAct_9fa48("4013")) {
    {}
  } else {
    stryCov_9fa48("4013");
    if (stryMutAct_9fa48("4016") ? point === null && point.event === 'replacement_final' : stryMutAct_9fa48("4015") ? false : stryMutAct_9fa48("4014") ? true : (stryCov_9fa48("4014", "4015", "4016"), (stryMutAct_9fa48("4018") ? point !== null : stryMutAct_9fa48("4017") ? false : (stryCov_9fa48("4017", "4018"), point === null)) || (stryMutAct_9fa48("4020") ? point.event !== 'replacement_final' : stryMutAct_9fa48("4019") ? false : (stryCov_9fa48("4019", "4020"), point.event === (stryMutAct_9fa48("4021") ? "" : (stryCov_9fa48("4021"), 'replacement_final')))))) return null;
    return neighbour(point);
  }
}
const DECIMAL = stryMutAct_9fa48("4029") ? /^-?\d+(\.\D+)?$/ : stryMutAct_9fa48("4028") ? /^-?\d+(\.\d)?$/ : stryMutAct_9fa48("4027") ? /^-?\d+(\.\d+)$/ : stryMutAct_9fa48("4026") ? /^-?\D+(\.\d+)?$/ : stryMutAct_9fa48("4025") ? /^-?\d(\.\d+)?$/ : stryMutAct_9fa48("4024") ? /^-\d+(\.\d+)?$/ : stryMutAct_9fa48("4023") ? /^-?\d+(\.\d+)?/ : stryMutAct_9fa48("4022") ? /-?\d+(\.\d+)?$/ : (stryCov_9fa48("4022", "4023", "4024", "4025", "4026", "4027", "4028", "4029"), /^-?\d+(\.\d+)?$/);

/** Recent daily rates; anything that is not a non-negative decimal is ignored, not fatal. */
function parseRates(rates: string[]): Decimal[] {
  if (stryMutAct_9fa48("4030")) {
    {}
  } else {
    stryCov_9fa48("4030");
    return stryMutAct_9fa48("4032") ? rates.map(r => new Dec(r)).filter(r => !r.isNegative()) : stryMutAct_9fa48("4031") ? rates.filter(r => DECIMAL.test(r)).map(r => new Dec(r)) : (stryCov_9fa48("4031", "4032"), rates.filter(stryMutAct_9fa48("4033") ? () => undefined : (stryCov_9fa48("4033"), r => DECIMAL.test(r))).map(stryMutAct_9fa48("4034") ? () => undefined : (stryCov_9fa48("4034"), r => new Dec(r))).filter(stryMutAct_9fa48("4035") ? () => undefined : (stryCov_9fa48("4035"), r => stryMutAct_9fa48("4036") ? r.isNegative() : (stryCov_9fa48("4036"), !r.isNegative()))));
  }
}
function rateLimits(maxRatePerDay: string | null, rates: Decimal[]): RateLimit[] {
  if (stryMutAct_9fa48("4037")) {
    {}
  } else {
    stryCov_9fa48("4037");
    const limits: RateLimit[] = stryMutAct_9fa48("4038") ? ["Stryker was here"] : (stryCov_9fa48("4038"), []);
    if (stryMutAct_9fa48("4041") ? maxRatePerDay === null : stryMutAct_9fa48("4040") ? false : stryMutAct_9fa48("4039") ? true : (stryCov_9fa48("4039", "4040", "4041"), maxRatePerDay !== null)) limits.push(stryMutAct_9fa48("4042") ? {} : (stryCov_9fa48("4042"), {
      perDay: new Dec(maxRatePerDay),
      from: stryMutAct_9fa48("4043") ? "" : (stryCov_9fa48("4043"), 'maxRatePerDay')
    }));
    const p95 = (stryMutAct_9fa48("4047") ? rates.length < MIN_RATE_HISTORY : stryMutAct_9fa48("4046") ? rates.length > MIN_RATE_HISTORY : stryMutAct_9fa48("4045") ? false : stryMutAct_9fa48("4044") ? true : (stryCov_9fa48("4044", "4045", "4046", "4047"), rates.length >= MIN_RATE_HISTORY)) ? percentile95(rates) : null;
    // A household that used nothing recently (away on holiday) says nothing about a normal rate.
    if (stryMutAct_9fa48("4050") ? p95.gt(0) : stryMutAct_9fa48("4049") ? false : stryMutAct_9fa48("4048") ? true : (stryCov_9fa48("4048", "4049", "4050"), p95?.gt(0))) limits.push(stryMutAct_9fa48("4051") ? {} : (stryCov_9fa48("4051"), {
      perDay: p95.times(RATE_FACTOR),
      from: stryMutAct_9fa48("4052") ? "" : (stryCov_9fa48("4052"), 'history')
    }));
    return limits;
  }
}

/** Nearest-rank 95th percentile. */
function percentile95(values: Decimal[]): Decimal | null {
  if (stryMutAct_9fa48("4053")) {
    {}
  } else {
    stryCov_9fa48("4053");
    const sorted = stryMutAct_9fa48("4054") ? [...values] : (stryCov_9fa48("4054"), (stryMutAct_9fa48("4055") ? [] : (stryCov_9fa48("4055"), [...values])).sort(stryMutAct_9fa48("4056") ? () => undefined : (stryCov_9fa48("4056"), (a, b) => a.comparedTo(b))));
    return stryMutAct_9fa48("4057") ? sorted[Math.ceil(sorted.length * 0.95) - 1] && null : (stryCov_9fa48("4057"), sorted[stryMutAct_9fa48("4058") ? Math.ceil(sorted.length * 0.95) + 1 : (stryCov_9fa48("4058"), Math.ceil(stryMutAct_9fa48("4059") ? sorted.length / 0.95 : (stryCov_9fa48("4059"), sorted.length * 0.95)) - 1)] ?? null);
  }
}
function median(values: Decimal[]): Decimal | null {
  if (stryMutAct_9fa48("4060")) {
    {}
  } else {
    stryCov_9fa48("4060");
    const sorted = stryMutAct_9fa48("4061") ? [...values] : (stryCov_9fa48("4061"), (stryMutAct_9fa48("4062") ? [] : (stryCov_9fa48("4062"), [...values])).sort(stryMutAct_9fa48("4063") ? () => undefined : (stryCov_9fa48("4063"), (a, b) => a.comparedTo(b))));
    const middle = Math.floor(stryMutAct_9fa48("4064") ? sorted.length * 2 : (stryCov_9fa48("4064"), sorted.length / 2));
    const upper = sorted[middle];
    if (stryMutAct_9fa48("4067") ? upper !== undefined : stryMutAct_9fa48("4066") ? false : stryMutAct_9fa48("4065") ? true : (stryCov_9fa48("4065", "4066", "4067"), upper === undefined)) return null;
    const lower = (stryMutAct_9fa48("4070") ? sorted.length % 2 !== 0 : stryMutAct_9fa48("4069") ? false : stryMutAct_9fa48("4068") ? true : (stryCov_9fa48("4068", "4069", "4070"), (stryMutAct_9fa48("4071") ? sorted.length * 2 : (stryCov_9fa48("4071"), sorted.length % 2)) === 0)) ? sorted[stryMutAct_9fa48("4072") ? middle + 1 : (stryCov_9fa48("4072"), middle - 1)] : undefined;
    return (stryMutAct_9fa48("4075") ? lower !== undefined : stryMutAct_9fa48("4074") ? false : stryMutAct_9fa48("4073") ? true : (stryCov_9fa48("4073", "4074", "4075"), lower === undefined)) ? upper : lower.plus(upper).div(2);
  }
}

// ---------------------------------------------------------------------------------------------
// Hard checks (reject)

function checkFuture({
  input
}: Context): Problem | null {
  if (stryMutAct_9fa48("4076")) {
    {}
  } else {
    stryCov_9fa48("4076");
    if (stryMutAct_9fa48("4080") ? input.takenAt.getTime() - input.now.getTime() > FUTURE_TOLERANCE_MS : stryMutAct_9fa48("4079") ? input.takenAt.getTime() - input.now.getTime() < FUTURE_TOLERANCE_MS : stryMutAct_9fa48("4078") ? false : stryMutAct_9fa48("4077") ? true : (stryCov_9fa48("4077", "4078", "4079", "4080"), (stryMutAct_9fa48("4081") ? input.takenAt.getTime() + input.now.getTime() : (stryCov_9fa48("4081"), input.takenAt.getTime() - input.now.getTime())) <= FUTURE_TOLERANCE_MS)) return null;
    return stryMutAct_9fa48("4082") ? {} : (stryCov_9fa48("4082"), {
      code: stryMutAct_9fa48("4083") ? "" : (stryCov_9fa48("4083"), 'future'),
      value: input.value,
      takenAt: input.takenAt,
      now: input.now
    });
  }
}

/** One reading per instant: the same one again is a duplicate, a different one needs "fix". */
function checkSameTime({
  input,
  value
}: Context): Problem | null {
  if (stryMutAct_9fa48("4084")) {
    {}
  } else {
    stryCov_9fa48("4084");
    const at = input.takenAt.getTime();
    const existing = (stryMutAct_9fa48("4085") ? [] : (stryCov_9fa48("4085"), [input.previous, input.next])).find(stryMutAct_9fa48("4086") ? () => undefined : (stryCov_9fa48("4086"), p => stryMutAct_9fa48("4089") ? p?.takenAt.getTime() !== at : stryMutAct_9fa48("4088") ? false : stryMutAct_9fa48("4087") ? true : (stryCov_9fa48("4087", "4088", "4089"), (stryMutAct_9fa48("4090") ? p.takenAt.getTime() : (stryCov_9fa48("4090"), p?.takenAt.getTime())) === at)));
    if (stryMutAct_9fa48("4093") ? false : stryMutAct_9fa48("4092") ? true : stryMutAct_9fa48("4091") ? existing : (stryCov_9fa48("4091", "4092", "4093"), !existing)) return null;
    if (stryMutAct_9fa48("4095") ? false : stryMutAct_9fa48("4094") ? true : (stryCov_9fa48("4094", "4095"), new Dec(existing.value).eq(value))) {
      if (stryMutAct_9fa48("4096")) {
        {}
      } else {
        stryCov_9fa48("4096");
        return stryMutAct_9fa48("4097") ? {} : (stryCov_9fa48("4097"), {
          code: stryMutAct_9fa48("4098") ? "" : (stryCov_9fa48("4098"), 'duplicate'),
          value: input.value,
          takenAt: input.takenAt
        });
      }
    }
    return stryMutAct_9fa48("4099") ? {} : (stryCov_9fa48("4099"), {
      code: stryMutAct_9fa48("4100") ? "" : (stryCov_9fa48("4100"), 'sameTimeDifferentValue'),
      value: input.value,
      existing: existing.value,
      takenAt: input.takenAt
    });
  }
}

/** A register cannot show a negative number; a delta may be negative only if min says so. */
function checkNegative({
  input,
  kind,
  value,
  min
}: Context): Problem | null {
  if (stryMutAct_9fa48("4101")) {
    {}
  } else {
    stryCov_9fa48("4101");
    if (stryMutAct_9fa48("4104") ? !value.isNegative() && value.isZero() : stryMutAct_9fa48("4103") ? false : stryMutAct_9fa48("4102") ? true : (stryCov_9fa48("4102", "4103", "4104"), (stryMutAct_9fa48("4105") ? value.isNegative() : (stryCov_9fa48("4105"), !value.isNegative())) || value.isZero())) return null;
    // A negative min opts a delta source into negative amounts; checkMin then guards the range.
    if (stryMutAct_9fa48("4108") ? kind === 'delta' || min?.isNegative() : stryMutAct_9fa48("4107") ? false : stryMutAct_9fa48("4106") ? true : (stryCov_9fa48("4106", "4107", "4108"), (stryMutAct_9fa48("4110") ? kind !== 'delta' : stryMutAct_9fa48("4109") ? true : (stryCov_9fa48("4109", "4110"), kind === (stryMutAct_9fa48("4111") ? "" : (stryCov_9fa48("4111"), 'delta')))) && (stryMutAct_9fa48("4112") ? min.isNegative() : (stryCov_9fa48("4112"), min?.isNegative())))) return null;
    return stryMutAct_9fa48("4113") ? {} : (stryCov_9fa48("4113"), {
      code: stryMutAct_9fa48("4114") ? "" : (stryCov_9fa48("4114"), 'negative'),
      value: input.value
    });
  }
}
function checkDigits({
  input,
  value,
  modulus
}: Context): Problem | null {
  if (stryMutAct_9fa48("4115")) {
    {}
  } else {
    stryCov_9fa48("4115");
    if (stryMutAct_9fa48("4118") ? modulus === null && value.abs().lt(modulus) : stryMutAct_9fa48("4117") ? false : stryMutAct_9fa48("4116") ? true : (stryCov_9fa48("4116", "4117", "4118"), (stryMutAct_9fa48("4120") ? modulus !== null : stryMutAct_9fa48("4119") ? false : (stryCov_9fa48("4119", "4120"), modulus === null)) || value.abs().lt(modulus))) return null;
    const digits = stryMutAct_9fa48("4121") ? input.source.digits && 0 : (stryCov_9fa48("4121"), input.source.digits ?? 0);
    return stryMutAct_9fa48("4122") ? {} : (stryCov_9fa48("4122"), {
      code: stryMutAct_9fa48("4123") ? "" : (stryCov_9fa48("4123"), 'tooManyDigits'),
      value: input.value,
      digits,
      limit: canonical(modulus)
    });
  }
}
function checkMin({
  input,
  value,
  min
}: Context): Problem | null {
  if (stryMutAct_9fa48("4124")) {
    {}
  } else {
    stryCov_9fa48("4124");
    if (stryMutAct_9fa48("4127") ? min === null && value.gte(min) : stryMutAct_9fa48("4126") ? false : stryMutAct_9fa48("4125") ? true : (stryCov_9fa48("4125", "4126", "4127"), (stryMutAct_9fa48("4129") ? min !== null : stryMutAct_9fa48("4128") ? false : (stryCov_9fa48("4128", "4129"), min === null)) || value.gte(min))) return null;
    return stryMutAct_9fa48("4130") ? {} : (stryCov_9fa48("4130"), {
      code: stryMutAct_9fa48("4131") ? "" : (stryCov_9fa48("4131"), 'belowMin'),
      value: input.value,
      limit: stryMutAct_9fa48("4132") ? input.source.validators.min && '' : (stryCov_9fa48("4132"), input.source.validators.min ?? (stryMutAct_9fa48("4133") ? "Stryker was here!" : (stryCov_9fa48("4133"), '')))
    });
  }
}
function checkMax({
  input,
  value,
  max
}: Context): Problem | null {
  if (stryMutAct_9fa48("4134")) {
    {}
  } else {
    stryCov_9fa48("4134");
    if (stryMutAct_9fa48("4137") ? max === null && value.lte(max) : stryMutAct_9fa48("4136") ? false : stryMutAct_9fa48("4135") ? true : (stryCov_9fa48("4135", "4136", "4137"), (stryMutAct_9fa48("4139") ? max !== null : stryMutAct_9fa48("4138") ? false : (stryCov_9fa48("4138", "4139"), max === null)) || value.lte(max))) return null;
    return stryMutAct_9fa48("4140") ? {} : (stryCov_9fa48("4140"), {
      code: stryMutAct_9fa48("4141") ? "" : (stryCov_9fa48("4141"), 'aboveMax'),
      value: input.value,
      limit: stryMutAct_9fa48("4142") ? input.source.validators.max && '' : (stryCov_9fa48("4142"), input.source.validators.max ?? (stryMutAct_9fa48("4143") ? "Stryker was here!" : (stryCov_9fa48("4143"), '')))
    });
  }
}

// ---------------------------------------------------------------------------------------------
// Suspicious readings of a cumulative register (confirm)

/** Values that meters show when something is wrong rather than a count (HA PR #104843). */
function sentinelProblems({
  input,
  value,
  previous
}: Context): Problem[] {
  if (stryMutAct_9fa48("4144")) {
    {}
  } else {
    stryCov_9fa48("4144");
    const problems: Problem[] = stryMutAct_9fa48("4145") ? ["Stryker was here"] : (stryCov_9fa48("4145"), []);
    if (stryMutAct_9fa48("4148") ? value.isZero() || previous?.value.gt(0) : stryMutAct_9fa48("4147") ? false : stryMutAct_9fa48("4146") ? true : (stryCov_9fa48("4146", "4147", "4148"), value.isZero() && (stryMutAct_9fa48("4149") ? previous.value.gt(0) : (stryCov_9fa48("4149"), previous?.value.gt(0))))) {
      if (stryMutAct_9fa48("4150")) {
        {}
      } else {
        stryCov_9fa48("4150");
        problems.push(stryMutAct_9fa48("4151") ? {} : (stryCov_9fa48("4151"), {
          code: stryMutAct_9fa48("4152") ? "" : (stryCov_9fa48("4152"), 'zeroAfterPositive'),
          value: input.value,
          previous: previous.text,
          previousAt: previous.at
        }));
      }
    }
    if (stryMutAct_9fa48("4154") ? false : stryMutAct_9fa48("4153") ? true : (stryCov_9fa48("4153", "4154"), isAllNines(input.value))) problems.push(stryMutAct_9fa48("4155") ? {} : (stryCov_9fa48("4155"), {
      code: stryMutAct_9fa48("4156") ? "" : (stryCov_9fa48("4156"), 'allNines'),
      value: input.value
    }));
    return problems;
  }
}
function isAllNines(text: string): boolean {
  if (stryMutAct_9fa48("4157")) {
    {}
  } else {
    stryCov_9fa48("4157");
    const digits = text.replace(stryMutAct_9fa48("4158") ? "" : (stryCov_9fa48("4158"), '.'), stryMutAct_9fa48("4159") ? "Stryker was here!" : (stryCov_9fa48("4159"), ''));
    return stryMutAct_9fa48("4162") ? digits.length >= MIN_SENTINEL_NINES || /^9+$/.test(digits) : stryMutAct_9fa48("4161") ? false : stryMutAct_9fa48("4160") ? true : (stryCov_9fa48("4160", "4161", "4162"), (stryMutAct_9fa48("4165") ? digits.length < MIN_SENTINEL_NINES : stryMutAct_9fa48("4164") ? digits.length > MIN_SENTINEL_NINES : stryMutAct_9fa48("4163") ? true : (stryCov_9fa48("4163", "4164", "4165"), digits.length >= MIN_SENTINEL_NINES)) && (stryMutAct_9fa48("4168") ? /^9$/ : stryMutAct_9fa48("4167") ? /^9+/ : stryMutAct_9fa48("4166") ? /9+$/ : (stryCov_9fa48("4166", "4167", "4168"), /^9+$/)).test(digits));
  }
}

/** A counting-up register must fit between its neighbours (a zero is already explained). */
function directionProblems(ctx: Context): Problem[] {
  if (stryMutAct_9fa48("4169")) {
    {}
  } else {
    stryCov_9fa48("4169");
    const {
      input,
      value,
      previous,
      next
    } = ctx;
    if (stryMutAct_9fa48("4172") ? false : stryMutAct_9fa48("4171") ? true : stryMutAct_9fa48("4170") ? input.source.validators.nonDecreasing : (stryCov_9fa48("4170", "4171", "4172"), !input.source.validators.nonDecreasing)) return stryMutAct_9fa48("4173") ? ["Stryker was here"] : (stryCov_9fa48("4173"), []);
    const problems: Problem[] = stryMutAct_9fa48("4174") ? ["Stryker was here"] : (stryCov_9fa48("4174"), []);
    if (stryMutAct_9fa48("4177") ? previous && value.lt(previous.value) || !value.isZero() : stryMutAct_9fa48("4176") ? false : stryMutAct_9fa48("4175") ? true : (stryCov_9fa48("4175", "4176", "4177"), (stryMutAct_9fa48("4179") ? previous || value.lt(previous.value) : stryMutAct_9fa48("4178") ? true : (stryCov_9fa48("4178", "4179"), previous && value.lt(previous.value))) && (stryMutAct_9fa48("4180") ? value.isZero() : (stryCov_9fa48("4180"), !value.isZero())))) {
      if (stryMutAct_9fa48("4181")) {
        {}
      } else {
        stryCov_9fa48("4181");
        problems.push(stryMutAct_9fa48("4182") ? {} : (stryCov_9fa48("4182"), {
          code: stryMutAct_9fa48("4183") ? "" : (stryCov_9fa48("4183"), 'lowerThanPrevious'),
          value: input.value,
          previous: previous.text,
          previousAt: previous.at
        }));
      }
    }
    if (stryMutAct_9fa48("4186") ? next || value.gt(next.value) : stryMutAct_9fa48("4185") ? false : stryMutAct_9fa48("4184") ? true : (stryCov_9fa48("4184", "4185", "4186"), next && value.gt(next.value))) {
      if (stryMutAct_9fa48("4187")) {
        {}
      } else {
        stryCov_9fa48("4187");
        // After a wrap the previous reading is on the other lap: "between" would mislead.
        const between = (stryMutAct_9fa48("4190") ? previous || !ctx.afterNextsWrap : stryMutAct_9fa48("4189") ? false : stryMutAct_9fa48("4188") ? true : (stryCov_9fa48("4188", "4189", "4190"), previous && (stryMutAct_9fa48("4191") ? ctx.afterNextsWrap : (stryCov_9fa48("4191"), !ctx.afterNextsWrap)))) ? previous.text : null;
        problems.push(stryMutAct_9fa48("4192") ? {} : (stryCov_9fa48("4192"), {
          code: stryMutAct_9fa48("4193") ? "" : (stryCov_9fa48("4193"), 'higherThanNext'),
          value: input.value,
          next: next.text,
          nextAt: next.at,
          previous: between
        }));
      }
    }
    return problems;
  }
}

/** Usage per day on either side of the new reading must look like this household's. */
function rateProblems(ctx: Context): Problem[] {
  if (stryMutAct_9fa48("4194")) {
    {}
  } else {
    stryCov_9fa48("4194");
    const {
      value,
      previous,
      next
    } = ctx;
    const here = stryMutAct_9fa48("4195") ? {} : (stryCov_9fa48("4195"), {
      at: ctx.input.takenAt,
      value
    });
    const problems: Problem[] = stryMutAct_9fa48("4196") ? ["Stryker was here"] : (stryCov_9fa48("4196"), []);
    if (stryMutAct_9fa48("4199") ? previous || !ctx.afterNextsWrap : stryMutAct_9fa48("4198") ? false : stryMutAct_9fa48("4197") ? true : (stryCov_9fa48("4197", "4198", "4199"), previous && (stryMutAct_9fa48("4200") ? ctx.afterNextsWrap : (stryCov_9fa48("4200"), !ctx.afterNextsWrap)))) {
      if (stryMutAct_9fa48("4201")) {
        {}
      } else {
        stryCov_9fa48("4201");
        const problem = rateProblem(ctx, stryMutAct_9fa48("4202") ? "" : (stryCov_9fa48("4202"), 'sincePrevious'), previous, here, previous);
        if (stryMutAct_9fa48("4204") ? false : stryMutAct_9fa48("4203") ? true : (stryCov_9fa48("4203", "4204"), problem)) problems.push(problem);
      }
    }
    if (stryMutAct_9fa48("4206") ? false : stryMutAct_9fa48("4205") ? true : (stryCov_9fa48("4205", "4206"), next)) {
      if (stryMutAct_9fa48("4207")) {
        {}
      } else {
        stryCov_9fa48("4207");
        const problem = rateProblem(ctx, stryMutAct_9fa48("4208") ? "" : (stryCov_9fa48("4208"), 'untilNext'), here, next, next);
        if (stryMutAct_9fa48("4210") ? false : stryMutAct_9fa48("4209") ? true : (stryCov_9fa48("4209", "4210"), problem)) problems.push(problem);
      }
    }
    return problems;
  }
}
function rateProblem(ctx: Context, interval: 'sincePrevious' | 'untilNext', from: {
  at: Date;
  value: Decimal;
}, to: {
  at: Date;
  value: Decimal;
}, other: Neighbour): Problem | null {
  if (stryMutAct_9fa48("4211")) {
    {}
  } else {
    stryCov_9fa48("4211");
    const usage = to.value.minus(from.value);
    const days = daysBetween(from.at, to.at);
    if (stryMutAct_9fa48("4214") ? usage.lte(0) && days.lte(0) : stryMutAct_9fa48("4213") ? false : stryMutAct_9fa48("4212") ? true : (stryCov_9fa48("4212", "4213", "4214"), usage.lte(0) || days.lte(0))) return null;
    const ratePerDay = dailyRate(usage, days);
    const limit = ctx.limits.find(stryMutAct_9fa48("4215") ? () => undefined : (stryCov_9fa48("4215"), l => ratePerDay.gt(l.perDay)));
    if (stryMutAct_9fa48("4218") ? false : stryMutAct_9fa48("4217") ? true : stryMutAct_9fa48("4216") ? limit : (stryCov_9fa48("4216", "4217", "4218"), !limit)) return null;
    return stryMutAct_9fa48("4219") ? {} : (stryCov_9fa48("4219"), {
      code: stryMutAct_9fa48("4220") ? "" : (stryCov_9fa48("4220"), 'rateTooHigh'),
      value: ctx.input.value,
      interval,
      other: other.text,
      otherAt: other.at,
      usage: canonical(usage),
      days: roundForDisplay(days),
      ratePerDay: roundForDisplay(ratePerDay),
      limit: roundForDisplay(limit.perDay),
      limitFrom: limit.from
    });
  }
}
function dailyRate(usage: Decimal, days: Decimal): Decimal {
  if (stryMutAct_9fa48("4221")) {
    {}
  } else {
    stryCov_9fa48("4221");
    return usage.div(stryMutAct_9fa48("4222") ? Dec.min(days, MIN_RATE_DAYS) : (stryCov_9fa48("4222"), Dec.max(days, MIN_RATE_DAYS)));
  }
}
function withinLimits(usage: Decimal, days: Decimal, limits: RateLimit[]): boolean {
  if (stryMutAct_9fa48("4223")) {
    {}
  } else {
    stryCov_9fa48("4223");
    if (stryMutAct_9fa48("4225") ? false : stryMutAct_9fa48("4224") ? true : (stryCov_9fa48("4224", "4225"), days.lte(0))) return stryMutAct_9fa48("4226") ? true : (stryCov_9fa48("4226"), false);
    const rate = dailyRate(usage, days);
    return stryMutAct_9fa48("4227") ? limits.some(l => rate.lte(l.perDay)) : (stryCov_9fa48("4227"), limits.every(stryMutAct_9fa48("4228") ? () => undefined : (stryCov_9fa48("4228"), l => rate.lte(l.perDay))));
  }
}

// ---------------------------------------------------------------------------------------------
// Options offered with a decrease

/**
 * Offered when the register size is known and either the previous value was near the top of the
 * register, the wrap is already marked on next, or the wrapped usage is a plausible rate.
 */
function rolloverOption(ctx: Context): ConfirmOptions['rollover'] | null {
  if (stryMutAct_9fa48("4229")) {
    {}
  } else {
    stryCov_9fa48("4229");
    const {
      modulus,
      previous,
      value
    } = ctx;
    if (stryMutAct_9fa48("4232") ? (modulus === null || previous === null) && previous.value.gte(modulus) : stryMutAct_9fa48("4231") ? false : stryMutAct_9fa48("4230") ? true : (stryCov_9fa48("4230", "4231", "4232"), (stryMutAct_9fa48("4234") ? modulus === null && previous === null : stryMutAct_9fa48("4233") ? false : (stryCov_9fa48("4233", "4234"), (stryMutAct_9fa48("4236") ? modulus !== null : stryMutAct_9fa48("4235") ? false : (stryCov_9fa48("4235", "4236"), modulus === null)) || (stryMutAct_9fa48("4238") ? previous !== null : stryMutAct_9fa48("4237") ? false : (stryCov_9fa48("4237", "4238"), previous === null)))) || previous.value.gte(modulus))) return null;
    const usage = modulus.minus(previous.value).plus(value);
    const nearTop = previous.value.gte(modulus.times(ROLLOVER_ZONE));
    const days = daysBetween(previous.at, ctx.input.takenAt);
    const plausible = stryMutAct_9fa48("4241") ? ctx.limits.length > 0 || withinLimits(usage, days, ctx.limits) : stryMutAct_9fa48("4240") ? false : stryMutAct_9fa48("4239") ? true : (stryCov_9fa48("4239", "4240", "4241"), (stryMutAct_9fa48("4244") ? ctx.limits.length <= 0 : stryMutAct_9fa48("4243") ? ctx.limits.length >= 0 : stryMutAct_9fa48("4242") ? true : (stryCov_9fa48("4242", "4243", "4244"), ctx.limits.length > 0)) && withinLimits(usage, days, ctx.limits));
    if (stryMutAct_9fa48("4247") ? !ctx.afterNextsWrap && !nearTop || !plausible : stryMutAct_9fa48("4246") ? false : stryMutAct_9fa48("4245") ? true : (stryCov_9fa48("4245", "4246", "4247"), (stryMutAct_9fa48("4249") ? !ctx.afterNextsWrap || !nearTop : stryMutAct_9fa48("4248") ? true : (stryCov_9fa48("4248", "4249"), (stryMutAct_9fa48("4250") ? ctx.afterNextsWrap : (stryCov_9fa48("4250"), !ctx.afterNextsWrap)) && (stryMutAct_9fa48("4251") ? nearTop : (stryCov_9fa48("4251"), !nearTop)))) && (stryMutAct_9fa48("4252") ? plausible : (stryCov_9fa48("4252"), !plausible)))) return null;
    return stryMutAct_9fa48("4253") ? {} : (stryCov_9fa48("4253"), {
      usage: canonical(usage),
      clearNextRollover: ctx.afterNextsWrap
    });
  }
}

/** A new register usually starts low: the value is small next to the previous or far off course. */
function looksLikeReplacement(ctx: Context): boolean {
  if (stryMutAct_9fa48("4254")) {
    {}
  } else {
    stryCov_9fa48("4254");
    const {
      previous,
      value
    } = ctx;
    if (stryMutAct_9fa48("4257") ? previous !== null : stryMutAct_9fa48("4256") ? false : stryMutAct_9fa48("4255") ? true : (stryCov_9fa48("4255", "4256", "4257"), previous === null)) return stryMutAct_9fa48("4258") ? true : (stryCov_9fa48("4258"), false);
    if (stryMutAct_9fa48("4260") ? false : stryMutAct_9fa48("4259") ? true : (stryCov_9fa48("4259", "4260"), value.lte(previous.value.div(2)))) return stryMutAct_9fa48("4261") ? false : (stryCov_9fa48("4261"), true);
    const expected = stryMutAct_9fa48("4262") ? predictValue(ctx) && previous.value : (stryCov_9fa48("4262"), predictValue(ctx) ?? previous.value);
    const expectedUsage = expected.minus(previous.value);
    const tolerance = stryMutAct_9fa48("4263") ? Dec.min(expected.times('0.1'), expectedUsage.times(3)) : (stryCov_9fa48("4263"), Dec.max(expected.times(stryMutAct_9fa48("4264") ? "" : (stryCov_9fa48("4264"), '0.1')), expectedUsage.times(3)));
    return expected.minus(value).gt(tolerance);
  }
}

/** Where the reading should be: between the neighbours by time, or previous + typical usage. */
function predictValue(ctx: Context): Decimal | null {
  if (stryMutAct_9fa48("4265")) {
    {}
  } else {
    stryCov_9fa48("4265");
    const {
      previous,
      next,
      typicalRate
    } = ctx;
    const at = ctx.input.takenAt;
    if (stryMutAct_9fa48("4268") ? previous && next || !ctx.afterNextsWrap : stryMutAct_9fa48("4267") ? false : stryMutAct_9fa48("4266") ? true : (stryCov_9fa48("4266", "4267", "4268"), (stryMutAct_9fa48("4270") ? previous || next : stryMutAct_9fa48("4269") ? true : (stryCov_9fa48("4269", "4270"), previous && next)) && (stryMutAct_9fa48("4271") ? ctx.afterNextsWrap : (stryCov_9fa48("4271"), !ctx.afterNextsWrap)))) {
      if (stryMutAct_9fa48("4272")) {
        {}
      } else {
        stryCov_9fa48("4272");
        const span = stryMutAct_9fa48("4273") ? next.at.getTime() + previous.at.getTime() : (stryCov_9fa48("4273"), next.at.getTime() - previous.at.getTime());
        if (stryMutAct_9fa48("4277") ? span > 0 : stryMutAct_9fa48("4276") ? span < 0 : stryMutAct_9fa48("4275") ? false : stryMutAct_9fa48("4274") ? true : (stryCov_9fa48("4274", "4275", "4276", "4277"), span <= 0)) return previous.value;
        const share = new Dec(stryMutAct_9fa48("4278") ? at.getTime() + previous.at.getTime() : (stryCov_9fa48("4278"), at.getTime() - previous.at.getTime())).div(span);
        return previous.value.plus(next.value.minus(previous.value).times(share));
      }
    }
    const rate = stryMutAct_9fa48("4279") ? typicalRate && new Dec(0) : (stryCov_9fa48("4279"), typicalRate ?? new Dec(0));
    if (stryMutAct_9fa48("4282") ? previous || !ctx.afterNextsWrap : stryMutAct_9fa48("4281") ? false : stryMutAct_9fa48("4280") ? true : (stryCov_9fa48("4280", "4281", "4282"), previous && (stryMutAct_9fa48("4283") ? ctx.afterNextsWrap : (stryCov_9fa48("4283"), !ctx.afterNextsWrap)))) {
      if (stryMutAct_9fa48("4284")) {
        {}
      } else {
        stryCov_9fa48("4284");
        return previous.value.plus(rate.times(stryMutAct_9fa48("4285") ? Dec.min(daysBetween(previous.at, at), 0) : (stryCov_9fa48("4285"), Dec.max(daysBetween(previous.at, at), 0))));
      }
    }
    if (stryMutAct_9fa48("4287") ? false : stryMutAct_9fa48("4286") ? true : (stryCov_9fa48("4286", "4287"), next)) return stryMutAct_9fa48("4288") ? Dec.min(next.value.minus(rate.times(daysBetween(at, next.at))), 0) : (stryCov_9fa48("4288"), Dec.max(next.value.minus(rate.times(daysBetween(at, next.at))), 0));
    return null;
  }
}
type EditKind = 'transposition' | 'substitution' | 'deletion' | 'insertion';
const EDIT_PREFERENCE: EditKind[] = stryMutAct_9fa48("4289") ? [] : (stryCov_9fa48("4289"), [stryMutAct_9fa48("4290") ? "" : (stryCov_9fa48("4290"), 'transposition'), stryMutAct_9fa48("4291") ? "" : (stryCov_9fa48("4291"), 'substitution'), stryMutAct_9fa48("4292") ? "" : (stryCov_9fa48("4292"), 'deletion'), stryMutAct_9fa48("4293") ? "" : (stryCov_9fa48("4293"), 'insertion')]);
/** Longer inputs are not hand-typed meter readings; don't search them. */
const MAX_TYPO_LENGTH = 24;

/** The consistent value nearest to the prediction among the typed value's near misses. */
function typoSuggestion(ctx: Context): {
  suggestion: string;
  expected: string;
} | null {
  if (stryMutAct_9fa48("4294")) {
    {}
  } else {
    stryCov_9fa48("4294");
    const expected = predictValue(ctx);
    const text = ctx.input.value;
    if (stryMutAct_9fa48("4297") ? expected === null && text.length > MAX_TYPO_LENGTH : stryMutAct_9fa48("4296") ? false : stryMutAct_9fa48("4295") ? true : (stryCov_9fa48("4295", "4296", "4297"), (stryMutAct_9fa48("4299") ? expected !== null : stryMutAct_9fa48("4298") ? false : (stryCov_9fa48("4298", "4299"), expected === null)) || (stryMutAct_9fa48("4302") ? text.length <= MAX_TYPO_LENGTH : stryMutAct_9fa48("4301") ? text.length >= MAX_TYPO_LENGTH : stryMutAct_9fa48("4300") ? false : (stryCov_9fa48("4300", "4301", "4302"), text.length > MAX_TYPO_LENGTH)))) return null;
    let best: {
      value: Decimal;
      text: string;
      rank: number;
    } | null = null;
    for (const [kind, candidates] of nearMisses(text)) {
      if (stryMutAct_9fa48("4303")) {
        {}
      } else {
        stryCov_9fa48("4303");
        const rank = EDIT_PREFERENCE.indexOf(kind);
        for (const candidate of candidates) {
          if (stryMutAct_9fa48("4304")) {
            {}
          } else {
            stryCov_9fa48("4304");
            if (stryMutAct_9fa48("4307") ? !DECIMAL.test(candidate) && /^-?0\d/.test(candidate) : stryMutAct_9fa48("4306") ? false : stryMutAct_9fa48("4305") ? true : (stryCov_9fa48("4305", "4306", "4307"), (stryMutAct_9fa48("4308") ? DECIMAL.test(candidate) : (stryCov_9fa48("4308"), !DECIMAL.test(candidate))) || (stryMutAct_9fa48("4311") ? /^-?0\D/ : stryMutAct_9fa48("4310") ? /^-0\d/ : stryMutAct_9fa48("4309") ? /-?0\d/ : (stryCov_9fa48("4309", "4310", "4311"), /^-?0\d/)).test(candidate))) continue;
            const value = new Dec(candidate);
            if (stryMutAct_9fa48("4314") ? value.eq(ctx.value) && !fitsNeighbours(ctx, value) : stryMutAct_9fa48("4313") ? false : stryMutAct_9fa48("4312") ? true : (stryCov_9fa48("4312", "4313", "4314"), value.eq(ctx.value) || (stryMutAct_9fa48("4315") ? fitsNeighbours(ctx, value) : (stryCov_9fa48("4315"), !fitsNeighbours(ctx, value))))) continue;
            if (stryMutAct_9fa48("4318") ? best === null && isCloser(value, rank, best, expected) : stryMutAct_9fa48("4317") ? false : stryMutAct_9fa48("4316") ? true : (stryCov_9fa48("4316", "4317", "4318"), (stryMutAct_9fa48("4320") ? best !== null : stryMutAct_9fa48("4319") ? false : (stryCov_9fa48("4319", "4320"), best === null)) || isCloser(value, rank, best, expected))) {
              if (stryMutAct_9fa48("4321")) {
                {}
              } else {
                stryCov_9fa48("4321");
                best = stryMutAct_9fa48("4322") ? {} : (stryCov_9fa48("4322"), {
                  value,
                  text: canonical(value),
                  rank
                });
              }
            }
          }
        }
      }
    }
    return best ? stryMutAct_9fa48("4323") ? {} : (stryCov_9fa48("4323"), {
      suggestion: best.text,
      expected: roundForDisplay(expected)
    }) : null;
  }
}
function isCloser(value: Decimal, rank: number, best: {
  value: Decimal;
  rank: number;
}, expected: Decimal): boolean {
  if (stryMutAct_9fa48("4324")) {
    {}
  } else {
    stryCov_9fa48("4324");
    const byDistance = value.minus(expected).abs().comparedTo(best.value.minus(expected).abs());
    if (stryMutAct_9fa48("4327") ? byDistance === 0 : stryMutAct_9fa48("4326") ? false : stryMutAct_9fa48("4325") ? true : (stryCov_9fa48("4325", "4326", "4327"), byDistance !== 0)) return stryMutAct_9fa48("4331") ? byDistance >= 0 : stryMutAct_9fa48("4330") ? byDistance <= 0 : stryMutAct_9fa48("4329") ? false : stryMutAct_9fa48("4328") ? true : (stryCov_9fa48("4328", "4329", "4330", "4331"), byDistance < 0);
    if (stryMutAct_9fa48("4334") ? rank === best.rank : stryMutAct_9fa48("4333") ? false : stryMutAct_9fa48("4332") ? true : (stryCov_9fa48("4332", "4333", "4334"), rank !== best.rank)) return stryMutAct_9fa48("4338") ? rank >= best.rank : stryMutAct_9fa48("4337") ? rank <= best.rank : stryMutAct_9fa48("4336") ? false : stryMutAct_9fa48("4335") ? true : (stryCov_9fa48("4335", "4336", "4337", "4338"), rank < best.rank);
    return value.lt(best.value);
  }
}

/** Strings one swap of two digits, or one digit substituted, deleted or inserted, away. */
function nearMisses(text: string): [EditKind, string[]][] {
  if (stryMutAct_9fa48("4339")) {
    {}
  } else {
    stryCov_9fa48("4339");
    const chars = stryMutAct_9fa48("4340") ? [] : (stryCov_9fa48("4340"), [...text]);
    const isDigit = stryMutAct_9fa48("4341") ? () => undefined : (stryCov_9fa48("4341"), (() => {
      const isDigit = (i: number) => (stryMutAct_9fa48("4342") ? /\D/ : (stryCov_9fa48("4342"), /\d/)).test(stryMutAct_9fa48("4343") ? chars[i] && '' : (stryCov_9fa48("4343"), chars[i] ?? (stryMutAct_9fa48("4344") ? "Stryker was here!" : (stryCov_9fa48("4344"), ''))));
      return isDigit;
    })());
    const transpositions: string[] = stryMutAct_9fa48("4345") ? ["Stryker was here"] : (stryCov_9fa48("4345"), []);
    const substitutions: string[] = stryMutAct_9fa48("4346") ? ["Stryker was here"] : (stryCov_9fa48("4346"), []);
    const deletions: string[] = stryMutAct_9fa48("4347") ? ["Stryker was here"] : (stryCov_9fa48("4347"), []);
    const insertions: string[] = stryMutAct_9fa48("4348") ? ["Stryker was here"] : (stryCov_9fa48("4348"), []);
    for (let i = 0; stryMutAct_9fa48("4351") ? i >= chars.length : stryMutAct_9fa48("4350") ? i <= chars.length : stryMutAct_9fa48("4349") ? false : (stryCov_9fa48("4349", "4350", "4351"), i < chars.length); stryMutAct_9fa48("4352") ? i-- : (stryCov_9fa48("4352"), i++)) {
      if (stryMutAct_9fa48("4353")) {
        {}
      } else {
        stryCov_9fa48("4353");
        if (stryMutAct_9fa48("4356") ? false : stryMutAct_9fa48("4355") ? true : stryMutAct_9fa48("4354") ? isDigit(i) : (stryCov_9fa48("4354", "4355", "4356"), !isDigit(i))) continue;
        for (let j = stryMutAct_9fa48("4357") ? i - 1 : (stryCov_9fa48("4357"), i + 1); stryMutAct_9fa48("4360") ? j >= chars.length : stryMutAct_9fa48("4359") ? j <= chars.length : stryMutAct_9fa48("4358") ? false : (stryCov_9fa48("4358", "4359", "4360"), j < chars.length); stryMutAct_9fa48("4361") ? j-- : (stryCov_9fa48("4361"), j++)) {
          if (stryMutAct_9fa48("4362")) {
            {}
          } else {
            stryCov_9fa48("4362");
            if (stryMutAct_9fa48("4365") ? !isDigit(j) && chars[i] === chars[j] : stryMutAct_9fa48("4364") ? false : stryMutAct_9fa48("4363") ? true : (stryCov_9fa48("4363", "4364", "4365"), (stryMutAct_9fa48("4366") ? isDigit(j) : (stryCov_9fa48("4366"), !isDigit(j))) || (stryMutAct_9fa48("4368") ? chars[i] !== chars[j] : stryMutAct_9fa48("4367") ? false : (stryCov_9fa48("4367", "4368"), chars[i] === chars[j])))) continue;
            const swapped = stryMutAct_9fa48("4369") ? [] : (stryCov_9fa48("4369"), [...chars]);
            swapped[i] = stryMutAct_9fa48("4370") ? chars[j] && '' : (stryCov_9fa48("4370"), chars[j] ?? (stryMutAct_9fa48("4371") ? "Stryker was here!" : (stryCov_9fa48("4371"), '')));
            swapped[j] = stryMutAct_9fa48("4372") ? chars[i] && '' : (stryCov_9fa48("4372"), chars[i] ?? (stryMutAct_9fa48("4373") ? "Stryker was here!" : (stryCov_9fa48("4373"), '')));
            transpositions.push(swapped.join(stryMutAct_9fa48("4374") ? "Stryker was here!" : (stryCov_9fa48("4374"), '')));
          }
        }
        for (const digit of stryMutAct_9fa48("4375") ? "" : (stryCov_9fa48("4375"), '0123456789')) {
          if (stryMutAct_9fa48("4376")) {
            {}
          } else {
            stryCov_9fa48("4376");
            if (stryMutAct_9fa48("4379") ? digit === chars[i] : stryMutAct_9fa48("4378") ? false : stryMutAct_9fa48("4377") ? true : (stryCov_9fa48("4377", "4378", "4379"), digit !== chars[i])) substitutions.push(stryMutAct_9fa48("4380") ? text.slice(0, i) + digit - text.slice(i + 1) : (stryCov_9fa48("4380"), (stryMutAct_9fa48("4381") ? text.slice(0, i) - digit : (stryCov_9fa48("4381"), (stryMutAct_9fa48("4382") ? text : (stryCov_9fa48("4382"), text.slice(0, i))) + digit)) + (stryMutAct_9fa48("4383") ? text : (stryCov_9fa48("4383"), text.slice(stryMutAct_9fa48("4384") ? i - 1 : (stryCov_9fa48("4384"), i + 1))))));
          }
        }
        deletions.push(stryMutAct_9fa48("4385") ? text.slice(0, i) - text.slice(i + 1) : (stryCov_9fa48("4385"), (stryMutAct_9fa48("4386") ? text : (stryCov_9fa48("4386"), text.slice(0, i))) + (stryMutAct_9fa48("4387") ? text : (stryCov_9fa48("4387"), text.slice(stryMutAct_9fa48("4388") ? i - 1 : (stryCov_9fa48("4388"), i + 1))))));
      }
    }
    for (let i = 0; stryMutAct_9fa48("4391") ? i > chars.length : stryMutAct_9fa48("4390") ? i < chars.length : stryMutAct_9fa48("4389") ? false : (stryCov_9fa48("4389", "4390", "4391"), i <= chars.length); stryMutAct_9fa48("4392") ? i-- : (stryCov_9fa48("4392"), i++)) {
      if (stryMutAct_9fa48("4393")) {
        {}
      } else {
        stryCov_9fa48("4393");
        for (const digit of stryMutAct_9fa48("4394") ? "" : (stryCov_9fa48("4394"), '0123456789')) insertions.push(stryMutAct_9fa48("4395") ? text.slice(0, i) + digit - text.slice(i) : (stryCov_9fa48("4395"), (stryMutAct_9fa48("4396") ? text.slice(0, i) - digit : (stryCov_9fa48("4396"), (stryMutAct_9fa48("4397") ? text : (stryCov_9fa48("4397"), text.slice(0, i))) + digit)) + (stryMutAct_9fa48("4398") ? text : (stryCov_9fa48("4398"), text.slice(i)))));
      }
    }
    return stryMutAct_9fa48("4399") ? [] : (stryCov_9fa48("4399"), [stryMutAct_9fa48("4400") ? [] : (stryCov_9fa48("4400"), [stryMutAct_9fa48("4401") ? "" : (stryCov_9fa48("4401"), 'transposition'), transpositions]), stryMutAct_9fa48("4402") ? [] : (stryCov_9fa48("4402"), [stryMutAct_9fa48("4403") ? "" : (stryCov_9fa48("4403"), 'substitution'), substitutions]), stryMutAct_9fa48("4404") ? [] : (stryCov_9fa48("4404"), [stryMutAct_9fa48("4405") ? "" : (stryCov_9fa48("4405"), 'deletion'), deletions]), stryMutAct_9fa48("4406") ? [] : (stryCov_9fa48("4406"), [stryMutAct_9fa48("4407") ? "" : (stryCov_9fa48("4407"), 'insertion'), insertions])]);
  }
}

/** Would this value pass every check here without a question? */
function fitsNeighbours(ctx: Context, value: Decimal): boolean {
  if (stryMutAct_9fa48("4408")) {
    {}
  } else {
    stryCov_9fa48("4408");
    const {
      next,
      min,
      max,
      modulus
    } = ctx;
    const previous = ctx.afterNextsWrap ? null : ctx.previous;
    const at = ctx.input.takenAt;
    if (stryMutAct_9fa48("4411") ? value.isNegative() && value.isZero() : stryMutAct_9fa48("4410") ? false : stryMutAct_9fa48("4409") ? true : (stryCov_9fa48("4409", "4410", "4411"), value.isNegative() || value.isZero())) return stryMutAct_9fa48("4412") ? true : (stryCov_9fa48("4412"), false);
    if (stryMutAct_9fa48("4415") ? (min && value.lt(min) || max && value.gt(max)) && modulus && value.gte(modulus) : stryMutAct_9fa48("4414") ? false : stryMutAct_9fa48("4413") ? true : (stryCov_9fa48("4413", "4414", "4415"), (stryMutAct_9fa48("4417") ? min && value.lt(min) && max && value.gt(max) : stryMutAct_9fa48("4416") ? false : (stryCov_9fa48("4416", "4417"), (stryMutAct_9fa48("4419") ? min || value.lt(min) : stryMutAct_9fa48("4418") ? false : (stryCov_9fa48("4418", "4419"), min && value.lt(min))) || (stryMutAct_9fa48("4421") ? max || value.gt(max) : stryMutAct_9fa48("4420") ? false : (stryCov_9fa48("4420", "4421"), max && value.gt(max))))) || (stryMutAct_9fa48("4423") ? modulus || value.gte(modulus) : stryMutAct_9fa48("4422") ? false : (stryCov_9fa48("4422", "4423"), modulus && value.gte(modulus))))) {
      if (stryMutAct_9fa48("4424")) {
        {}
      } else {
        stryCov_9fa48("4424");
        return stryMutAct_9fa48("4425") ? true : (stryCov_9fa48("4425"), false);
      }
    }
    if (stryMutAct_9fa48("4428") ? previous || value.lt(previous.value) || !plausible(ctx, previous, {
      at,
      value
    }) : stryMutAct_9fa48("4427") ? false : stryMutAct_9fa48("4426") ? true : (stryCov_9fa48("4426", "4427", "4428"), previous && (stryMutAct_9fa48("4430") ? value.lt(previous.value) && !plausible(ctx, previous, {
      at,
      value
    }) : stryMutAct_9fa48("4429") ? true : (stryCov_9fa48("4429", "4430"), value.lt(previous.value) || (stryMutAct_9fa48("4431") ? plausible(ctx, previous, {
      at,
      value
    }) : (stryCov_9fa48("4431"), !plausible(ctx, previous, stryMutAct_9fa48("4432") ? {} : (stryCov_9fa48("4432"), {
      at,
      value
    })))))))) {
      if (stryMutAct_9fa48("4433")) {
        {}
      } else {
        stryCov_9fa48("4433");
        return stryMutAct_9fa48("4434") ? true : (stryCov_9fa48("4434"), false);
      }
    }
    if (stryMutAct_9fa48("4437") ? next || value.gt(next.value) || !plausible(ctx, {
      at,
      value
    }, next) : stryMutAct_9fa48("4436") ? false : stryMutAct_9fa48("4435") ? true : (stryCov_9fa48("4435", "4436", "4437"), next && (stryMutAct_9fa48("4439") ? value.gt(next.value) && !plausible(ctx, {
      at,
      value
    }, next) : stryMutAct_9fa48("4438") ? true : (stryCov_9fa48("4438", "4439"), value.gt(next.value) || (stryMutAct_9fa48("4440") ? plausible(ctx, {
      at,
      value
    }, next) : (stryCov_9fa48("4440"), !plausible(ctx, stryMutAct_9fa48("4441") ? {} : (stryCov_9fa48("4441"), {
      at,
      value
    }), next))))))) return stryMutAct_9fa48("4442") ? true : (stryCov_9fa48("4442"), false);
    // With nothing else to bound it, stay near the one known neighbour.
    if (stryMutAct_9fa48("4445") ? ctx.limits.length === 0 && !next || previous : stryMutAct_9fa48("4444") ? false : stryMutAct_9fa48("4443") ? true : (stryCov_9fa48("4443", "4444", "4445"), (stryMutAct_9fa48("4447") ? ctx.limits.length === 0 || !next : stryMutAct_9fa48("4446") ? true : (stryCov_9fa48("4446", "4447"), (stryMutAct_9fa48("4449") ? ctx.limits.length !== 0 : stryMutAct_9fa48("4448") ? true : (stryCov_9fa48("4448", "4449"), ctx.limits.length === 0)) && (stryMutAct_9fa48("4450") ? next : (stryCov_9fa48("4450"), !next)))) && previous)) {
      if (stryMutAct_9fa48("4451")) {
        {}
      } else {
        stryCov_9fa48("4451");
        return value.lte(previous.value.times(new Dec(1).plus(TYPO_WINDOW)));
      }
    }
    if (stryMutAct_9fa48("4454") ? ctx.limits.length === 0 && !previous || next : stryMutAct_9fa48("4453") ? false : stryMutAct_9fa48("4452") ? true : (stryCov_9fa48("4452", "4453", "4454"), (stryMutAct_9fa48("4456") ? ctx.limits.length === 0 || !previous : stryMutAct_9fa48("4455") ? true : (stryCov_9fa48("4455", "4456"), (stryMutAct_9fa48("4458") ? ctx.limits.length !== 0 : stryMutAct_9fa48("4457") ? true : (stryCov_9fa48("4457", "4458"), ctx.limits.length === 0)) && (stryMutAct_9fa48("4459") ? previous : (stryCov_9fa48("4459"), !previous)))) && next)) {
      if (stryMutAct_9fa48("4460")) {
        {}
      } else {
        stryCov_9fa48("4460");
        return value.gte(next.value.times(new Dec(1).minus(TYPO_WINDOW)));
      }
    }
    return stryMutAct_9fa48("4463") ? previous !== null && next !== null : stryMutAct_9fa48("4462") ? false : stryMutAct_9fa48("4461") ? true : (stryCov_9fa48("4461", "4462", "4463"), (stryMutAct_9fa48("4465") ? previous === null : stryMutAct_9fa48("4464") ? false : (stryCov_9fa48("4464", "4465"), previous !== null)) || (stryMutAct_9fa48("4467") ? next === null : stryMutAct_9fa48("4466") ? false : (stryCov_9fa48("4466", "4467"), next !== null)));
  }
}

/** The usage from one point to the next is within every known rate limit. */
function plausible(ctx: Context, from: {
  at: Date;
  value: Decimal;
}, to: {
  at: Date;
  value: Decimal;
}): boolean {
  if (stryMutAct_9fa48("4468")) {
    {}
  } else {
    stryCov_9fa48("4468");
    const usage = to.value.minus(from.value);
    if (stryMutAct_9fa48("4471") ? usage.lte(0) && ctx.limits.length === 0 : stryMutAct_9fa48("4470") ? false : stryMutAct_9fa48("4469") ? true : (stryCov_9fa48("4469", "4470", "4471"), usage.lte(0) || (stryMutAct_9fa48("4473") ? ctx.limits.length !== 0 : stryMutAct_9fa48("4472") ? false : (stryCov_9fa48("4472", "4473"), ctx.limits.length === 0)))) return stryMutAct_9fa48("4474") ? false : (stryCov_9fa48("4474"), true);
    return withinLimits(usage, daysBetween(from.at, to.at), ctx.limits);
  }
}

// ---------------------------------------------------------------------------------------------
// Numbers and time

function usageSincePrevious(ctx: Context): string | null {
  if (stryMutAct_9fa48("4475")) {
    {}
  } else {
    stryCov_9fa48("4475");
    if (stryMutAct_9fa48("4478") ? ctx.kind !== 'cumulative' && ctx.previous === null : stryMutAct_9fa48("4477") ? false : stryMutAct_9fa48("4476") ? true : (stryCov_9fa48("4476", "4477", "4478"), (stryMutAct_9fa48("4480") ? ctx.kind === 'cumulative' : stryMutAct_9fa48("4479") ? false : (stryCov_9fa48("4479", "4480"), ctx.kind !== (stryMutAct_9fa48("4481") ? "" : (stryCov_9fa48("4481"), 'cumulative')))) || (stryMutAct_9fa48("4483") ? ctx.previous !== null : stryMutAct_9fa48("4482") ? false : (stryCov_9fa48("4482", "4483"), ctx.previous === null)))) return null;
    return canonical(ctx.value.minus(ctx.previous.value));
  }
}
function daysBetween(from: Date, to: Date): Decimal {
  if (stryMutAct_9fa48("4484")) {
    {}
  } else {
    stryCov_9fa48("4484");
    return new Dec(stryMutAct_9fa48("4485") ? to.getTime() + from.getTime() : (stryCov_9fa48("4485"), to.getTime() - from.getTime())).div(MS_PER_DAY);
  }
}

/** Days are a duration for display, not a stored value: a float is fine here. */
function daysAsNumber(from: Date, to: Date): number {
  if (stryMutAct_9fa48("4486")) {
    {}
  } else {
    stryCov_9fa48("4486");
    return stryMutAct_9fa48("4487") ? (to.getTime() - from.getTime()) * MS_PER_DAY : (stryCov_9fa48("4487"), (stryMutAct_9fa48("4488") ? to.getTime() + from.getTime() : (stryCov_9fa48("4488"), to.getTime() - from.getTime())) / MS_PER_DAY);
  }
}
function canonical(value: Decimal): string {
  if (stryMutAct_9fa48("4489")) {
    {}
  } else {
    stryCov_9fa48("4489");
    return value.isZero() ? stryMutAct_9fa48("4490") ? "" : (stryCov_9fa48("4490"), '0') : value.toFixed();
  }
}

/** Rates and durations are shown, not stored: whole numbers from 100, else two decimals or 3 significant digits. */
function roundForDisplay(value: Decimal): string {
  if (stryMutAct_9fa48("4491")) {
    {}
  } else {
    stryCov_9fa48("4491");
    const abs = value.abs();
    if (stryMutAct_9fa48("4493") ? false : stryMutAct_9fa48("4492") ? true : (stryCov_9fa48("4492", "4493"), abs.gte(100))) return canonical(value.toDecimalPlaces(0));
    if (stryMutAct_9fa48("4495") ? false : stryMutAct_9fa48("4494") ? true : (stryCov_9fa48("4494", "4495"), abs.gte(1))) return canonical(value.toDecimalPlaces(2));
    return canonical(value.toSignificantDigits(3));
  }
}

// ---------------------------------------------------------------------------------------------
// Confirmation

export type ConfirmationChoice = 'store' | 'rollover' | 'replacement' | 'typo' | 'cancel';
export type ConfirmationDecision = /** Store the reading with this event; clearNextRollover: also drop 'rollover' from next. */
{
  store: true;
  event: RegisterEvent | null;
  clearNextRollover: boolean;
}
/** Nothing to store: cancelled, a rejected reading, or a choice that was not offered. */ | {
  store: false;
  action: 'nothing';
}
/** Record a meter replacement instead: ask for the old final, then store final + initial. */ | {
  store: false;
  action: 'askReplacement';
}
/** The user took the typo suggestion: validate `value` again as a fresh reading. */ | {
  store: false;
  action: 'revalidate';
  value: string;
};

/**
 * What to do after the user taps a button. Only options the verdict offered are honoured: a stale
 * or forged postback for anything else stores nothing.
 */
export function applyConfirmation(verdict: Verdict, choice: ConfirmationChoice): ConfirmationDecision {
  if (stryMutAct_9fa48("4496")) {
    {}
  } else {
    stryCov_9fa48("4496");
    const nothing = {
      store: false,
      action: 'nothing'
    } as const;
    if (stryMutAct_9fa48("4499") ? verdict.outcome === 'reject' && choice === 'cancel' : stryMutAct_9fa48("4498") ? false : stryMutAct_9fa48("4497") ? true : (stryCov_9fa48("4497", "4498", "4499"), (stryMutAct_9fa48("4501") ? verdict.outcome !== 'reject' : stryMutAct_9fa48("4500") ? false : (stryCov_9fa48("4500", "4501"), verdict.outcome === (stryMutAct_9fa48("4502") ? "" : (stryCov_9fa48("4502"), 'reject')))) || (stryMutAct_9fa48("4504") ? choice !== 'cancel' : stryMutAct_9fa48("4503") ? false : (stryCov_9fa48("4503", "4504"), choice === (stryMutAct_9fa48("4505") ? "" : (stryCov_9fa48("4505"), 'cancel')))))) return nothing;
    if (stryMutAct_9fa48("4508") ? verdict.outcome !== 'accept' : stryMutAct_9fa48("4507") ? false : stryMutAct_9fa48("4506") ? true : (stryCov_9fa48("4506", "4507", "4508"), verdict.outcome === (stryMutAct_9fa48("4509") ? "" : (stryCov_9fa48("4509"), 'accept')))) {
      if (stryMutAct_9fa48("4510")) {
        {}
      } else {
        stryCov_9fa48("4510");
        return (stryMutAct_9fa48("4513") ? choice !== 'store' : stryMutAct_9fa48("4512") ? false : stryMutAct_9fa48("4511") ? true : (stryCov_9fa48("4511", "4512", "4513"), choice === (stryMutAct_9fa48("4514") ? "" : (stryCov_9fa48("4514"), 'store')))) ? stryMutAct_9fa48("4515") ? {} : (stryCov_9fa48("4515"), {
          store: stryMutAct_9fa48("4516") ? false : (stryCov_9fa48("4516"), true),
          event: null,
          clearNextRollover: stryMutAct_9fa48("4517") ? true : (stryCov_9fa48("4517"), false)
        }) : nothing;
      }
    }
    const {
      rollover,
      replacement,
      typo
    } = verdict.options;
    switch (choice) {
      case stryMutAct_9fa48("4519") ? "" : (stryCov_9fa48("4519"), 'store'):
        if (stryMutAct_9fa48("4518")) {} else {
          stryCov_9fa48("4518");
          return stryMutAct_9fa48("4520") ? {} : (stryCov_9fa48("4520"), {
            store: stryMutAct_9fa48("4521") ? false : (stryCov_9fa48("4521"), true),
            event: null,
            clearNextRollover: stryMutAct_9fa48("4522") ? true : (stryCov_9fa48("4522"), false)
          });
        }
      case stryMutAct_9fa48("4524") ? "" : (stryCov_9fa48("4524"), 'rollover'):
        if (stryMutAct_9fa48("4523")) {} else {
          stryCov_9fa48("4523");
          return rollover ? stryMutAct_9fa48("4525") ? {} : (stryCov_9fa48("4525"), {
            store: stryMutAct_9fa48("4526") ? false : (stryCov_9fa48("4526"), true),
            event: stryMutAct_9fa48("4527") ? "" : (stryCov_9fa48("4527"), 'rollover'),
            clearNextRollover: rollover.clearNextRollover
          }) : nothing;
        }
      case stryMutAct_9fa48("4529") ? "" : (stryCov_9fa48("4529"), 'replacement'):
        if (stryMutAct_9fa48("4528")) {} else {
          stryCov_9fa48("4528");
          return replacement ? stryMutAct_9fa48("4530") ? {} : (stryCov_9fa48("4530"), {
            store: stryMutAct_9fa48("4531") ? true : (stryCov_9fa48("4531"), false),
            action: stryMutAct_9fa48("4532") ? "" : (stryCov_9fa48("4532"), 'askReplacement')
          }) : nothing;
        }
      case stryMutAct_9fa48("4534") ? "" : (stryCov_9fa48("4534"), 'typo'):
        if (stryMutAct_9fa48("4533")) {} else {
          stryCov_9fa48("4533");
          return typo ? stryMutAct_9fa48("4535") ? {} : (stryCov_9fa48("4535"), {
            store: stryMutAct_9fa48("4536") ? true : (stryCov_9fa48("4536"), false),
            action: stryMutAct_9fa48("4537") ? "" : (stryCov_9fa48("4537"), 'revalidate'),
            value: typo.suggestion
          }) : nothing;
        }
    }
  }
}

// ---------------------------------------------------------------------------------------------
// Descriptions

export interface DescribeOptions {
  /** Time zone for dates in the sentence (the source's or the user's); default Asia/Bangkok. */
  timeZone?: string;
}

/** A short, friendly sentence that says what is wrong and how to do it right. */
export function describeProblem(problem: Problem, language: Language, unit: string, options: DescribeOptions = {}): string {
  if (stryMutAct_9fa48("4538")) {
    {}
  } else {
    stryCov_9fa48("4538");
    const zone = stryMutAct_9fa48("4539") ? options.timeZone && 'Asia/Bangkok' : (stryCov_9fa48("4539"), options.timeZone ?? (stryMutAct_9fa48("4540") ? "" : (stryCov_9fa48("4540"), 'Asia/Bangkok')));
    const n = formatNumber;
    const u = stryMutAct_9fa48("4541") ? () => undefined : (stryCov_9fa48("4541"), (() => {
      const u = (value: string) => unit ? stryMutAct_9fa48("4542") ? `` : (stryCov_9fa48("4542"), `${n(value)} ${unit}`) : n(value);
      return u;
    })());
    const day = stryMutAct_9fa48("4543") ? () => undefined : (stryCov_9fa48("4543"), (() => {
      const day = (at: Date) => formatDay(at, language, zone);
      return day;
    })());
    const time = stryMutAct_9fa48("4544") ? () => undefined : (stryCov_9fa48("4544"), (() => {
      const time = (at: Date) => formatDayTime(at, language, zone);
      return time;
    })());
    const th = stryMutAct_9fa48("4547") ? language !== 'th' : stryMutAct_9fa48("4546") ? false : stryMutAct_9fa48("4545") ? true : (stryCov_9fa48("4545", "4546", "4547"), language === (stryMutAct_9fa48("4548") ? "" : (stryCov_9fa48("4548"), 'th')));
    switch (problem.code) {
      case stryMutAct_9fa48("4550") ? "" : (stryCov_9fa48("4550"), 'belowMin'):
        if (stryMutAct_9fa48("4549")) {} else {
          stryCov_9fa48("4549");
          return th ? stryMutAct_9fa48("4551") ? `` : (stryCov_9fa48("4551"), `${u(problem.value)} ต่ำกว่าค่าต่ำสุดที่ตั้งไว้สำหรับมิเตอร์นี้ (${u(problem.limit)}) กรุณาตรวจตัวเลขแล้วส่งใหม่อีกครั้ง`) : stryMutAct_9fa48("4552") ? `` : (stryCov_9fa48("4552"), `${u(problem.value)} is below the lowest value allowed for this meter (${u(problem.limit)}). Please check the number and send it again.`);
        }
      case stryMutAct_9fa48("4554") ? "" : (stryCov_9fa48("4554"), 'aboveMax'):
        if (stryMutAct_9fa48("4553")) {} else {
          stryCov_9fa48("4553");
          return th ? stryMutAct_9fa48("4555") ? `` : (stryCov_9fa48("4555"), `${u(problem.value)} สูงกว่าค่าสูงสุดที่ตั้งไว้สำหรับมิเตอร์นี้ (${u(problem.limit)}) กรุณาตรวจตัวเลขแล้วส่งใหม่อีกครั้ง`) : stryMutAct_9fa48("4556") ? `` : (stryCov_9fa48("4556"), `${u(problem.value)} is above the highest value allowed for this meter (${u(problem.limit)}). Please check the number and send it again.`);
        }
      case stryMutAct_9fa48("4558") ? "" : (stryCov_9fa48("4558"), 'tooManyDigits'):
        if (stryMutAct_9fa48("4557")) {} else {
          stryCov_9fa48("4557");
          return th ? stryMutAct_9fa48("4559") ? `` : (stryCov_9fa48("4559"), `${n(problem.value)} มีหลักมากเกินกว่าที่มิเตอร์ ${problem.digits} หลักจะแสดงได้ (ค่าต้องน้อยกว่า ${n(problem.limit)}) กรุณาตรวจตัวเลขอีกครั้ง หรือแก้จำนวนหลักด้วยคำสั่ง set … digits`) : stryMutAct_9fa48("4560") ? `` : (stryCov_9fa48("4560"), `${n(problem.value)} has more digits than this ${problem.digits}-digit meter can show (readings stay below ${n(problem.limit)}). Please check the number, or change the size with "set … digits".`);
        }
      case stryMutAct_9fa48("4562") ? "" : (stryCov_9fa48("4562"), 'negative'):
        if (stryMutAct_9fa48("4561")) {} else {
          stryCov_9fa48("4561");
          return th ? stryMutAct_9fa48("4563") ? `` : (stryCov_9fa48("4563"), `ค่านี้ติดลบไม่ได้ (${u(problem.value)}) กรุณาส่งตัวเลขตามที่เห็นบนมิเตอร์`) : stryMutAct_9fa48("4564") ? `` : (stryCov_9fa48("4564"), `This can't be negative (${u(problem.value)}). Please send the number as the meter shows it.`);
        }
      case stryMutAct_9fa48("4566") ? "" : (stryCov_9fa48("4566"), 'future'):
        if (stryMutAct_9fa48("4565")) {} else {
          stryCov_9fa48("4565");
          return th ? stryMutAct_9fa48("4567") ? `` : (stryCov_9fa48("4567"), `เวลา ${time(problem.takenAt)} ยังมาไม่ถึง กรุณาตรวจวันและเวลาอีกครั้ง หรือไม่ต้องใส่เวลาเพื่อบันทึกเป็นเวลาปัจจุบัน`) : stryMutAct_9fa48("4568") ? `` : (stryCov_9fa48("4568"), `${time(problem.takenAt)} is in the future. Please check the date and time, or leave them out to record the reading as of now.`);
        }
      case stryMutAct_9fa48("4570") ? "" : (stryCov_9fa48("4570"), 'duplicate'):
        if (stryMutAct_9fa48("4569")) {} else {
          stryCov_9fa48("4569");
          return th ? stryMutAct_9fa48("4571") ? `` : (stryCov_9fa48("4571"), `${u(problem.value)} เวลา ${time(problem.takenAt)} บันทึกไว้แล้ว ไม่ต้องส่งซ้ำ`) : stryMutAct_9fa48("4572") ? `` : (stryCov_9fa48("4572"), `${u(problem.value)} at ${time(problem.takenAt)} is already recorded, so there is nothing to add.`);
        }
      case stryMutAct_9fa48("4574") ? "" : (stryCov_9fa48("4574"), 'sameTimeDifferentValue'):
        if (stryMutAct_9fa48("4573")) {} else {
          stryCov_9fa48("4573");
          return th ? stryMutAct_9fa48("4575") ? `` : (stryCov_9fa48("4575"), `เวลา ${time(problem.takenAt)} มีค่าที่บันทึกไว้แล้วคือ ${u(problem.existing)} ถ้าต้องการแก้เป็น ${n(problem.value)} ให้ใช้คำสั่ง fix กับค่านั้น (ดูได้จาก history)`) : stryMutAct_9fa48("4576") ? `` : (stryCov_9fa48("4576"), `There is already a reading at ${time(problem.takenAt)}: ${u(problem.existing)}. To change it to ${n(problem.value)}, use "fix" on that reading (see "history").`);
        }
      case stryMutAct_9fa48("4578") ? "" : (stryCov_9fa48("4578"), 'lowerThanPrevious'):
        if (stryMutAct_9fa48("4577")) {} else {
          stryCov_9fa48("4577");
          return th ? stryMutAct_9fa48("4579") ? `` : (stryCov_9fa48("4579"), `${n(problem.value)} น้อยกว่าค่าครั้งก่อน ${u(problem.previous)} (${day(problem.previousAt)}) มิเตอร์หมุนครบรอบ มีการเปลี่ยนมิเตอร์ใหม่ หรือพิมพ์ผิดหรือเปล่า`) : stryMutAct_9fa48("4580") ? `` : (stryCov_9fa48("4580"), `${n(problem.value)} is lower than the last reading ${u(problem.previous)} (${day(problem.previousAt)}). Did the meter roll over, was it replaced, or is it a typo?`);
        }
      case stryMutAct_9fa48("4582") ? "" : (stryCov_9fa48("4582"), 'higherThanNext'):
        if (stryMutAct_9fa48("4581")) {} else {
          stryCov_9fa48("4581");
          {
            if (stryMutAct_9fa48("4583")) {
              {}
            } else {
              stryCov_9fa48("4583");
              const range = problem.previous ? th ? stryMutAct_9fa48("4584") ? `` : (stryCov_9fa48("4584"), ` ค่าย้อนหลังต้องอยู่ระหว่าง ${n(problem.previous)} ถึง ${n(problem.next)}`) : stryMutAct_9fa48("4585") ? `` : (stryCov_9fa48("4585"), ` A backdated reading must lie between ${n(problem.previous)} and ${n(problem.next)}.`) : stryMutAct_9fa48("4586") ? "Stryker was here!" : (stryCov_9fa48("4586"), '');
              return th ? stryMutAct_9fa48("4587") ? `` : (stryCov_9fa48("4587"), `${n(problem.value)} มากกว่าค่าครั้งถัดไป ${u(problem.next)} (${day(problem.nextAt)})${range} กรุณาตรวจตัวเลขหรือวันที่อีกครั้ง`) : stryMutAct_9fa48("4588") ? `` : (stryCov_9fa48("4588"), `${n(problem.value)} is higher than the later reading ${u(problem.next)} (${day(problem.nextAt)}).${range} Please check the number or the date.`);
            }
          }
        }
      case stryMutAct_9fa48("4590") ? "" : (stryCov_9fa48("4590"), 'rateTooHigh'):
        if (stryMutAct_9fa48("4589")) {} else {
          stryCov_9fa48("4589");
          return describeRate(problem, th, u, day);
        }
      case stryMutAct_9fa48("4592") ? "" : (stryCov_9fa48("4592"), 'zeroAfterPositive'):
        if (stryMutAct_9fa48("4591")) {} else {
          stryCov_9fa48("4591");
          return th ? stryMutAct_9fa48("4593") ? `` : (stryCov_9fa48("4593"), `ค่า 0 หลังจาก ${u(problem.previous)} (${day(problem.previousAt)}) มักเกิดจากหน้าจอมิเตอร์ดับหรือเปลี่ยนมิเตอร์ใหม่ มิเตอร์แสดง 0 จริงหรือเปล่า`) : stryMutAct_9fa48("4594") ? `` : (stryCov_9fa48("4594"), `0 after ${u(problem.previous)} (${day(problem.previousAt)}) often means a blank display or a new meter. Does the meter really show 0?`);
        }
      case stryMutAct_9fa48("4596") ? "" : (stryCov_9fa48("4596"), 'allNines'):
        if (stryMutAct_9fa48("4595")) {} else {
          stryCov_9fa48("4595");
          return th ? stryMutAct_9fa48("4597") ? `` : (stryCov_9fa48("4597"), `${n(problem.value)} (เลข 9 ทุกหลัก) มักเป็นค่าที่มิเตอร์แสดงเมื่อมีข้อผิดพลาด ใช่ค่าที่อ่านได้จริงหรือเปล่า`) : stryMutAct_9fa48("4598") ? `` : (stryCov_9fa48("4598"), `${n(problem.value)} (all nines) is often what a meter shows when something is wrong. Is it the real reading?`);
        }
      case stryMutAct_9fa48("4600") ? "" : (stryCov_9fa48("4600"), 'likelyTypo'):
        if (stryMutAct_9fa48("4599")) {} else {
          stryCov_9fa48("4599");
          return th ? stryMutAct_9fa48("4601") ? `` : (stryCov_9fa48("4601"), `หมายถึง ${n(problem.suggestion)} หรือเปล่า ค่า ${n(problem.value)} ห่างจากค่าที่คาดไว้ (ประมาณ ${u(problem.expected)}) มาก`) : stryMutAct_9fa48("4602") ? `` : (stryCov_9fa48("4602"), `Did you mean ${n(problem.suggestion)}? ${n(problem.value)} is far from the expected ~${u(problem.expected)}.`);
        }
    }
  }
}
function describeRate(problem: Extract<Problem, {
  code: 'rateTooHigh';
}>, th: boolean, u: (value: string) => string, day: (at: Date) => string): string {
  if (stryMutAct_9fa48("4603")) {
    {}
  } else {
    stryCov_9fa48("4603");
    const days = new Dec(problem.days);
    const span = th ? days.lt(1) ? stryMutAct_9fa48("4604") ? "" : (stryCov_9fa48("4604"), 'ในเวลาไม่ถึงหนึ่งวัน') : stryMutAct_9fa48("4605") ? `` : (stryCov_9fa48("4605"), `ใน ${formatNumber(problem.days)} วัน`) : days.lt(1) ? stryMutAct_9fa48("4606") ? "" : (stryCov_9fa48("4606"), 'less than a day') : stryMutAct_9fa48("4607") ? `` : (stryCov_9fa48("4607"), `${formatNumber(problem.days)} ${days.eq(1) ? stryMutAct_9fa48("4608") ? "" : (stryCov_9fa48("4608"), 'day') : stryMutAct_9fa48("4609") ? "" : (stryCov_9fa48("4609"), 'days')}`);
    const neighbour = stryMutAct_9fa48("4610") ? `` : (stryCov_9fa48("4610"), `${u(problem.other)}, ${day(problem.otherAt)}`);
    const thNeighbour = stryMutAct_9fa48("4611") ? `` : (stryCov_9fa48("4611"), `${u(problem.other)} เมื่อ ${day(problem.otherAt)}`);
    if (stryMutAct_9fa48("4613") ? false : stryMutAct_9fa48("4612") ? true : (stryCov_9fa48("4612", "4613"), th)) {
      if (stryMutAct_9fa48("4614")) {
        {}
      } else {
        stryCov_9fa48("4614");
        const what = (stryMutAct_9fa48("4617") ? problem.interval !== 'sincePrevious' : stryMutAct_9fa48("4616") ? false : stryMutAct_9fa48("4615") ? true : (stryCov_9fa48("4615", "4616", "4617"), problem.interval === (stryMutAct_9fa48("4618") ? "" : (stryCov_9fa48("4618"), 'sincePrevious')))) ? stryMutAct_9fa48("4619") ? `` : (stryCov_9fa48("4619"), `ถ้าเป็น ${u(problem.value)} แปลว่าใช้ไป ${u(problem.usage)} ${span} นับจากค่าครั้งก่อน (${thNeighbour})`) : stryMutAct_9fa48("4620") ? `` : (stryCov_9fa48("4620"), `ถ้าเป็น ${u(problem.value)} จะเหลือการใช้ ${u(problem.usage)} ${span} ก่อนถึงค่าครั้งถัดไป (${thNeighbour})`);
        const limit = (stryMutAct_9fa48("4623") ? problem.limitFrom !== 'history' : stryMutAct_9fa48("4622") ? false : stryMutAct_9fa48("4621") ? true : (stryCov_9fa48("4621", "4622", "4623"), problem.limitFrom === (stryMutAct_9fa48("4624") ? "" : (stryCov_9fa48("4624"), 'history')))) ? stryMutAct_9fa48("4625") ? `` : (stryCov_9fa48("4625"), `มากกว่าปกติมาก (ปกติไม่เกินประมาณ ${u(problem.limit)} ต่อวัน)`) : stryMutAct_9fa48("4626") ? `` : (stryCov_9fa48("4626"), `เกินขีดจำกัดของมิเตอร์นี้ที่ ${u(problem.limit)} ต่อวัน`);
        return stryMutAct_9fa48("4627") ? `` : (stryCov_9fa48("4627"), `${what} ซึ่ง${limit} ตัวเลขนี้ถูกต้องไหม`);
      }
    }
    const what = (stryMutAct_9fa48("4630") ? problem.interval !== 'sincePrevious' : stryMutAct_9fa48("4629") ? false : stryMutAct_9fa48("4628") ? true : (stryCov_9fa48("4628", "4629", "4630"), problem.interval === (stryMutAct_9fa48("4631") ? "" : (stryCov_9fa48("4631"), 'sincePrevious')))) ? stryMutAct_9fa48("4632") ? `` : (stryCov_9fa48("4632"), `${u(problem.value)} would mean ${u(problem.usage)} used in ${span} since the last reading (${neighbour})`) : stryMutAct_9fa48("4633") ? `` : (stryCov_9fa48("4633"), `${u(problem.value)} would leave ${u(problem.usage)} used in ${span} before the next reading (${neighbour})`);
    const limit = (stryMutAct_9fa48("4636") ? problem.limitFrom !== 'history' : stryMutAct_9fa48("4635") ? false : stryMutAct_9fa48("4634") ? true : (stryCov_9fa48("4634", "4635", "4636"), problem.limitFrom === (stryMutAct_9fa48("4637") ? "" : (stryCov_9fa48("4637"), 'history')))) ? stryMutAct_9fa48("4638") ? `` : (stryCov_9fa48("4638"), `far more than usual (up to about ${u(problem.limit)} a day)`) : stryMutAct_9fa48("4639") ? `` : (stryCov_9fa48("4639"), `more than this meter's limit of ${u(problem.limit)} a day`);
    return stryMutAct_9fa48("4640") ? `` : (stryCov_9fa48("4640"), `${what}, ${limit}. Is it right?`);
  }
}

/** Thousands separators on a decimal string, without ever going through a float. */
export function formatNumber(value: string): string {
  if (stryMutAct_9fa48("4641")) {
    {}
  } else {
    stryCov_9fa48("4641");
    const match = (stryMutAct_9fa48("4649") ? /^(-?)(\d+)(\.\D+)?$/ : stryMutAct_9fa48("4648") ? /^(-?)(\d+)(\.\d)?$/ : stryMutAct_9fa48("4647") ? /^(-?)(\d+)(\.\d+)$/ : stryMutAct_9fa48("4646") ? /^(-?)(\D+)(\.\d+)?$/ : stryMutAct_9fa48("4645") ? /^(-?)(\d)(\.\d+)?$/ : stryMutAct_9fa48("4644") ? /^(-)(\d+)(\.\d+)?$/ : stryMutAct_9fa48("4643") ? /^(-?)(\d+)(\.\d+)?/ : stryMutAct_9fa48("4642") ? /(-?)(\d+)(\.\d+)?$/ : (stryCov_9fa48("4642", "4643", "4644", "4645", "4646", "4647", "4648", "4649"), /^(-?)(\d+)(\.\d+)?$/)).exec(value);
    if (stryMutAct_9fa48("4652") ? false : stryMutAct_9fa48("4651") ? true : stryMutAct_9fa48("4650") ? match : (stryCov_9fa48("4650", "4651", "4652"), !match)) return value;
    const [, sign = stryMutAct_9fa48("4653") ? "Stryker was here!" : (stryCov_9fa48("4653"), ''), whole = stryMutAct_9fa48("4654") ? "Stryker was here!" : (stryCov_9fa48("4654"), ''), fraction = stryMutAct_9fa48("4655") ? "Stryker was here!" : (stryCov_9fa48("4655"), '')] = match;
    return stryMutAct_9fa48("4656") ? `` : (stryCov_9fa48("4656"), `${sign}${whole.replace(stryMutAct_9fa48("4662") ? /\B(?=(\d{3})+(?!\D))/g : stryMutAct_9fa48("4661") ? /\B(?=(\d{3})+(?=\d))/g : stryMutAct_9fa48("4660") ? /\B(?=(\D{3})+(?!\d))/g : stryMutAct_9fa48("4659") ? /\B(?=(\d)+(?!\d))/g : stryMutAct_9fa48("4658") ? /\B(?=(\d{3})(?!\d))/g : stryMutAct_9fa48("4657") ? /\B(?!(\d{3})+(?!\d))/g : (stryCov_9fa48("4657", "4658", "4659", "4660", "4661", "4662"), /\B(?=(\d{3})+(?!\d))/g), stryMutAct_9fa48("4663") ? "" : (stryCov_9fa48("4663"), ','))}${fraction}`);
  }
}
function formatDay(at: Date, language: Language, zone: string): string {
  if (stryMutAct_9fa48("4664")) {
    {}
  } else {
    stryCov_9fa48("4664");
    return DateTime.fromJSDate(at, stryMutAct_9fa48("4665") ? {} : (stryCov_9fa48("4665"), {
      zone
    })).setLocale(language).toFormat(stryMutAct_9fa48("4666") ? "" : (stryCov_9fa48("4666"), 'd MMM'));
  }
}
function formatDayTime(at: Date, language: Language, zone: string): string {
  if (stryMutAct_9fa48("4667")) {
    {}
  } else {
    stryCov_9fa48("4667");
    const local = DateTime.fromJSDate(at, stryMutAct_9fa48("4668") ? {} : (stryCov_9fa48("4668"), {
      zone
    })).setLocale(language);
    return (stryMutAct_9fa48("4671") ? language !== 'th' : stryMutAct_9fa48("4670") ? false : stryMutAct_9fa48("4669") ? true : (stryCov_9fa48("4669", "4670", "4671"), language === (stryMutAct_9fa48("4672") ? "" : (stryCov_9fa48("4672"), 'th')))) ? stryMutAct_9fa48("4673") ? `` : (stryCov_9fa48("4673"), `${local.toFormat(stryMutAct_9fa48("4674") ? "" : (stryCov_9fa48("4674"), 'd MMM'))} ${local.toFormat(stryMutAct_9fa48("4675") ? "" : (stryCov_9fa48("4675"), 'HH:mm'))} น.`) : local.toFormat(stryMutAct_9fa48("4676") ? "" : (stryCov_9fa48("4676"), 'd MMM HH:mm'));
  }
}
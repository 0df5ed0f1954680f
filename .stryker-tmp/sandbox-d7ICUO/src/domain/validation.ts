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
const Dec = Decimal.clone(stryMutAct_9fa48("1585") ? {} : (stryCov_9fa48("1585"), {
  precision: 64,
  rounding: Decimal.ROUND_HALF_UP
}));
const MS_PER_DAY = 86_400_000;
/** Phone clocks drift and LINE delivers late: only readings further ahead than this are "future". */
export const FUTURE_TOLERANCE_MS = stryMutAct_9fa48("1586") ? 5 / 60_000 : (stryCov_9fa48("1586"), 5 * 60_000);
/** A rate above RATE_FACTOR × p95 of recent daily rates is implausible (REFERENCE §5: k ≈ 3). */
export const RATE_FACTOR = 3;
/** Fewer recent rates than this say too little about the household: no history-based limit. */
export const MIN_RATE_HISTORY = 3;
/** Intervals shorter than a day are judged as one day, so an evening's peak hour is not a "jump". */
const MIN_RATE_DAYS = 1;
/** A previous value in the top 10% of the register is about to wrap (mirror of HA's 10% rule). */
const ROLLOVER_ZONE = stryMutAct_9fa48("1587") ? "" : (stryCov_9fa48("1587"), '0.9');
/** Without history or a next reading, a typo suggestion may lie at most 10% above the previous. */
const TYPO_WINDOW = stryMutAct_9fa48("1588") ? "" : (stryCov_9fa48("1588"), '0.1');
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
const HARD_CHECKS: Record<SourceKind, Check[]> = stryMutAct_9fa48("1589") ? {} : (stryCov_9fa48("1589"), {
  cumulative: stryMutAct_9fa48("1590") ? [] : (stryCov_9fa48("1590"), [checkFuture, checkSameTime, checkNegative, checkDigits, checkMin, checkMax]),
  // Gauges go up and down: only range, time and identity.
  gauge: stryMutAct_9fa48("1591") ? [] : (stryCov_9fa48("1591"), [checkFuture, checkSameTime, checkMin, checkMax]),
  delta: stryMutAct_9fa48("1592") ? [] : (stryCov_9fa48("1592"), [checkFuture, checkSameTime, checkNegative, checkMin, checkMax])
});
export function validateReading(input: ReadingToCheck): Verdict {
  if (stryMutAct_9fa48("1593")) {
    {}
  } else {
    stryCov_9fa48("1593");
    const ctx = buildContext(input);
    for (const check of HARD_CHECKS[ctx.kind]) {
      if (stryMutAct_9fa48("1594")) {
        {}
      } else {
        stryCov_9fa48("1594");
        const problem = check(ctx);
        if (stryMutAct_9fa48("1596") ? false : stryMutAct_9fa48("1595") ? true : (stryCov_9fa48("1595", "1596"), problem)) return stryMutAct_9fa48("1597") ? {} : (stryCov_9fa48("1597"), {
          outcome: stryMutAct_9fa48("1598") ? "" : (stryCov_9fa48("1598"), 'reject'),
          problem
        });
      }
    }
    const usage = usageSincePrevious(ctx);
    const days = input.previous ? daysAsNumber(input.previous.takenAt, input.takenAt) : null;
    if (stryMutAct_9fa48("1601") ? ctx.kind === 'cumulative' : stryMutAct_9fa48("1600") ? false : stryMutAct_9fa48("1599") ? true : (stryCov_9fa48("1599", "1600", "1601"), ctx.kind !== (stryMutAct_9fa48("1602") ? "" : (stryCov_9fa48("1602"), 'cumulative')))) return stryMutAct_9fa48("1603") ? {} : (stryCov_9fa48("1603"), {
      outcome: stryMutAct_9fa48("1604") ? "" : (stryCov_9fa48("1604"), 'accept'),
      usageSincePrevious: null,
      days
    });
    const problems = stryMutAct_9fa48("1605") ? [] : (stryCov_9fa48("1605"), [...sentinelProblems(ctx), ...directionProblems(ctx), ...rateProblems(ctx)]);
    if (stryMutAct_9fa48("1608") ? problems.length !== 0 : stryMutAct_9fa48("1607") ? false : stryMutAct_9fa48("1606") ? true : (stryCov_9fa48("1606", "1607", "1608"), problems.length === 0)) return stryMutAct_9fa48("1609") ? {} : (stryCov_9fa48("1609"), {
      outcome: stryMutAct_9fa48("1610") ? "" : (stryCov_9fa48("1610"), 'accept'),
      usageSincePrevious: usage,
      days
    });
    const options: ConfirmOptions = {};
    const decreased = stryMutAct_9fa48("1611") ? problems.every(p => p.code === 'lowerThanPrevious' || p.code === 'zeroAfterPositive') : (stryCov_9fa48("1611"), problems.some(stryMutAct_9fa48("1612") ? () => undefined : (stryCov_9fa48("1612"), p => stryMutAct_9fa48("1615") ? p.code === 'lowerThanPrevious' && p.code === 'zeroAfterPositive' : stryMutAct_9fa48("1614") ? false : stryMutAct_9fa48("1613") ? true : (stryCov_9fa48("1613", "1614", "1615"), (stryMutAct_9fa48("1617") ? p.code !== 'lowerThanPrevious' : stryMutAct_9fa48("1616") ? false : (stryCov_9fa48("1616", "1617"), p.code === (stryMutAct_9fa48("1618") ? "" : (stryCov_9fa48("1618"), 'lowerThanPrevious')))) || (stryMutAct_9fa48("1620") ? p.code !== 'zeroAfterPositive' : stryMutAct_9fa48("1619") ? false : (stryCov_9fa48("1619", "1620"), p.code === (stryMutAct_9fa48("1621") ? "" : (stryCov_9fa48("1621"), 'zeroAfterPositive'))))))));
    if (stryMutAct_9fa48("1623") ? false : stryMutAct_9fa48("1622") ? true : (stryCov_9fa48("1622", "1623"), decreased)) {
      if (stryMutAct_9fa48("1624")) {
        {}
      } else {
        stryCov_9fa48("1624");
        const rollover = rolloverOption(ctx);
        if (stryMutAct_9fa48("1626") ? false : stryMutAct_9fa48("1625") ? true : (stryCov_9fa48("1625", "1626"), rollover)) options.rollover = rollover;
        if (stryMutAct_9fa48("1629") ? !ctx.afterNextsWrap || looksLikeReplacement(ctx) : stryMutAct_9fa48("1628") ? false : stryMutAct_9fa48("1627") ? true : (stryCov_9fa48("1627", "1628", "1629"), (stryMutAct_9fa48("1630") ? ctx.afterNextsWrap : (stryCov_9fa48("1630"), !ctx.afterNextsWrap)) && looksLikeReplacement(ctx))) options.replacement = stryMutAct_9fa48("1631") ? false : (stryCov_9fa48("1631"), true);
      }
    }
    const offTrack = stryMutAct_9fa48("1632") ? problems.every(p => isOffTrack(ctx, p)) : (stryCov_9fa48("1632"), problems.some(stryMutAct_9fa48("1633") ? () => undefined : (stryCov_9fa48("1633"), p => isOffTrack(ctx, p))));
    const typo = offTrack ? typoSuggestion(ctx) : null;
    if (stryMutAct_9fa48("1635") ? false : stryMutAct_9fa48("1634") ? true : (stryCov_9fa48("1634", "1635"), typo)) {
      if (stryMutAct_9fa48("1636")) {
        {}
      } else {
        stryCov_9fa48("1636");
        options.typo = stryMutAct_9fa48("1637") ? {} : (stryCov_9fa48("1637"), {
          suggestion: typo.suggestion
        });
        problems.push(stryMutAct_9fa48("1638") ? {} : (stryCov_9fa48("1638"), {
          code: stryMutAct_9fa48("1639") ? "" : (stryCov_9fa48("1639"), 'likelyTypo'),
          value: input.value,
          ...typo
        }));
      }
    }
    return stryMutAct_9fa48("1640") ? {} : (stryCov_9fa48("1640"), {
      outcome: stryMutAct_9fa48("1641") ? "" : (stryCov_9fa48("1641"), 'confirm'),
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
  if (stryMutAct_9fa48("1642")) {
    {}
  } else {
    stryCov_9fa48("1642");
    switch (problem.code) {
      case stryMutAct_9fa48("1644") ? "" : (stryCov_9fa48("1644"), 'lowerThanPrevious'):
        if (stryMutAct_9fa48("1643")) {} else {
          stryCov_9fa48("1643");
          return stryMutAct_9fa48("1645") ? ctx.afterNextsWrap : (stryCov_9fa48("1645"), !ctx.afterNextsWrap);
        }
      case stryMutAct_9fa48("1646") ? "" : (stryCov_9fa48("1646"), 'higherThanNext'):
      case stryMutAct_9fa48("1648") ? "" : (stryCov_9fa48("1648"), 'rateTooHigh'):
        if (stryMutAct_9fa48("1647")) {} else {
          stryCov_9fa48("1647");
          return stryMutAct_9fa48("1649") ? false : (stryCov_9fa48("1649"), true);
        }
      default:
        if (stryMutAct_9fa48("1650")) {} else {
          stryCov_9fa48("1650");
          return stryMutAct_9fa48("1651") ? true : (stryCov_9fa48("1651"), false);
        }
    }
  }
}

// ---------------------------------------------------------------------------------------------
// Context

function buildContext(input: ReadingToCheck): Context {
  if (stryMutAct_9fa48("1652")) {
    {}
  } else {
    stryCov_9fa48("1652");
    const value = new Dec(input.value);
    const {
      validators,
      digits
    } = input.source;
    const previous = previousOnSameRegister(input.previous);
    const nextPoint = input.next;
    // After a wrap marked on next, a value below previous is on next's lap of the register.
    const afterNextsWrap = stryMutAct_9fa48("1655") ? nextPoint?.event === 'rollover' && previous !== null || value.lt(previous.value) : stryMutAct_9fa48("1654") ? false : stryMutAct_9fa48("1653") ? true : (stryCov_9fa48("1653", "1654", "1655"), (stryMutAct_9fa48("1657") ? nextPoint?.event === 'rollover' || previous !== null : stryMutAct_9fa48("1656") ? true : (stryCov_9fa48("1656", "1657"), (stryMutAct_9fa48("1659") ? nextPoint?.event !== 'rollover' : stryMutAct_9fa48("1658") ? true : (stryCov_9fa48("1658", "1659"), (stryMutAct_9fa48("1660") ? nextPoint.event : (stryCov_9fa48("1660"), nextPoint?.event)) === (stryMutAct_9fa48("1661") ? "" : (stryCov_9fa48("1661"), 'rollover')))) && (stryMutAct_9fa48("1663") ? previous === null : stryMutAct_9fa48("1662") ? true : (stryCov_9fa48("1662", "1663"), previous !== null)))) && value.lt(previous.value));
    const next = (stryMutAct_9fa48("1666") ? (nextPoint === null || nextPoint.event === 'replacement_initial') && nextPoint.event === 'rollover' && !afterNextsWrap : stryMutAct_9fa48("1665") ? false : stryMutAct_9fa48("1664") ? true : (stryCov_9fa48("1664", "1665", "1666"), (stryMutAct_9fa48("1668") ? nextPoint === null && nextPoint.event === 'replacement_initial' : stryMutAct_9fa48("1667") ? false : (stryCov_9fa48("1667", "1668"), (stryMutAct_9fa48("1670") ? nextPoint !== null : stryMutAct_9fa48("1669") ? false : (stryCov_9fa48("1669", "1670"), nextPoint === null)) || (stryMutAct_9fa48("1672") ? nextPoint.event !== 'replacement_initial' : stryMutAct_9fa48("1671") ? false : (stryCov_9fa48("1671", "1672"), nextPoint.event === (stryMutAct_9fa48("1673") ? "" : (stryCov_9fa48("1673"), 'replacement_initial')))))) || (stryMutAct_9fa48("1675") ? nextPoint.event === 'rollover' || !afterNextsWrap : stryMutAct_9fa48("1674") ? false : (stryCov_9fa48("1674", "1675"), (stryMutAct_9fa48("1677") ? nextPoint.event !== 'rollover' : stryMutAct_9fa48("1676") ? true : (stryCov_9fa48("1676", "1677"), nextPoint.event === (stryMutAct_9fa48("1678") ? "" : (stryCov_9fa48("1678"), 'rollover')))) && (stryMutAct_9fa48("1679") ? afterNextsWrap : (stryCov_9fa48("1679"), !afterNextsWrap)))))) ? null : neighbour(nextPoint);
    const rates = parseRates(input.recentDailyRates);
    return stryMutAct_9fa48("1680") ? {} : (stryCov_9fa48("1680"), {
      input,
      kind: input.source.kind,
      value,
      min: (stryMutAct_9fa48("1683") ? validators.min !== null : stryMutAct_9fa48("1682") ? false : stryMutAct_9fa48("1681") ? true : (stryCov_9fa48("1681", "1682", "1683"), validators.min === null)) ? null : new Dec(validators.min),
      max: (stryMutAct_9fa48("1686") ? validators.max !== null : stryMutAct_9fa48("1685") ? false : stryMutAct_9fa48("1684") ? true : (stryCov_9fa48("1684", "1685", "1686"), validators.max === null)) ? null : new Dec(validators.max),
      modulus: (stryMutAct_9fa48("1689") ? digits === null && digits < 1 : stryMutAct_9fa48("1688") ? false : stryMutAct_9fa48("1687") ? true : (stryCov_9fa48("1687", "1688", "1689"), (stryMutAct_9fa48("1691") ? digits !== null : stryMutAct_9fa48("1690") ? false : (stryCov_9fa48("1690", "1691"), digits === null)) || (stryMutAct_9fa48("1694") ? digits >= 1 : stryMutAct_9fa48("1693") ? digits <= 1 : stryMutAct_9fa48("1692") ? false : (stryCov_9fa48("1692", "1693", "1694"), digits < 1)))) ? null : new Dec(10).pow(digits),
      previous,
      next,
      afterNextsWrap,
      limits: rateLimits(validators.maxRatePerDay, rates),
      typicalRate: median(rates)
    });
  }
}
function neighbour(point: ReadingPoint): Neighbour {
  if (stryMutAct_9fa48("1695")) {
    {}
  } else {
    stryCov_9fa48("1695");
    return stryMutAct_9fa48("1696") ? {} : (stryCov_9fa48("1696"), {
      at: point.takenAt,
      value: new Dec(point.value),
      text: point.value
    });
  }
}

/** A replacement_final closes the old register: the new value cannot be compared with it. */
function previousOnSameRegister(point: ReadingPoint | null): Neighbour | null {
  if (stryMutAct_9fa48("1697")) {
    {}
  } else {
    stryCov_9fa48("1697");
    if (stryMutAct_9fa48("1700") ? point === null && point.event === 'replacement_final' : stryMutAct_9fa48("1699") ? false : stryMutAct_9fa48("1698") ? true : (stryCov_9fa48("1698", "1699", "1700"), (stryMutAct_9fa48("1702") ? point !== null : stryMutAct_9fa48("1701") ? false : (stryCov_9fa48("1701", "1702"), point === null)) || (stryMutAct_9fa48("1704") ? point.event !== 'replacement_final' : stryMutAct_9fa48("1703") ? false : (stryCov_9fa48("1703", "1704"), point.event === (stryMutAct_9fa48("1705") ? "" : (stryCov_9fa48("1705"), 'replacement_final')))))) return null;
    return neighbour(point);
  }
}
const DECIMAL = stryMutAct_9fa48("1713") ? /^-?\d+(\.\D+)?$/ : stryMutAct_9fa48("1712") ? /^-?\d+(\.\d)?$/ : stryMutAct_9fa48("1711") ? /^-?\d+(\.\d+)$/ : stryMutAct_9fa48("1710") ? /^-?\D+(\.\d+)?$/ : stryMutAct_9fa48("1709") ? /^-?\d(\.\d+)?$/ : stryMutAct_9fa48("1708") ? /^-\d+(\.\d+)?$/ : stryMutAct_9fa48("1707") ? /^-?\d+(\.\d+)?/ : stryMutAct_9fa48("1706") ? /-?\d+(\.\d+)?$/ : (stryCov_9fa48("1706", "1707", "1708", "1709", "1710", "1711", "1712", "1713"), /^-?\d+(\.\d+)?$/);

/** Recent daily rates; anything that is not a non-negative decimal is ignored, not fatal. */
function parseRates(rates: string[]): Decimal[] {
  if (stryMutAct_9fa48("1714")) {
    {}
  } else {
    stryCov_9fa48("1714");
    return stryMutAct_9fa48("1716") ? rates.map(r => new Dec(r)).filter(r => !r.isNegative()) : stryMutAct_9fa48("1715") ? rates.filter(r => DECIMAL.test(r)).map(r => new Dec(r)) : (stryCov_9fa48("1715", "1716"), rates.filter(stryMutAct_9fa48("1717") ? () => undefined : (stryCov_9fa48("1717"), r => DECIMAL.test(r))).map(stryMutAct_9fa48("1718") ? () => undefined : (stryCov_9fa48("1718"), r => new Dec(r))).filter(stryMutAct_9fa48("1719") ? () => undefined : (stryCov_9fa48("1719"), r => stryMutAct_9fa48("1720") ? r.isNegative() : (stryCov_9fa48("1720"), !r.isNegative()))));
  }
}
function rateLimits(maxRatePerDay: string | null, rates: Decimal[]): RateLimit[] {
  if (stryMutAct_9fa48("1721")) {
    {}
  } else {
    stryCov_9fa48("1721");
    const limits: RateLimit[] = stryMutAct_9fa48("1722") ? ["Stryker was here"] : (stryCov_9fa48("1722"), []);
    if (stryMutAct_9fa48("1725") ? maxRatePerDay === null : stryMutAct_9fa48("1724") ? false : stryMutAct_9fa48("1723") ? true : (stryCov_9fa48("1723", "1724", "1725"), maxRatePerDay !== null)) limits.push(stryMutAct_9fa48("1726") ? {} : (stryCov_9fa48("1726"), {
      perDay: new Dec(maxRatePerDay),
      from: stryMutAct_9fa48("1727") ? "" : (stryCov_9fa48("1727"), 'maxRatePerDay')
    }));
    const p95 = (stryMutAct_9fa48("1731") ? rates.length < MIN_RATE_HISTORY : stryMutAct_9fa48("1730") ? rates.length > MIN_RATE_HISTORY : stryMutAct_9fa48("1729") ? false : stryMutAct_9fa48("1728") ? true : (stryCov_9fa48("1728", "1729", "1730", "1731"), rates.length >= MIN_RATE_HISTORY)) ? percentile95(rates) : null;
    // A household that used nothing recently (away on holiday) says nothing about a normal rate.
    if (stryMutAct_9fa48("1734") ? p95.gt(0) : stryMutAct_9fa48("1733") ? false : stryMutAct_9fa48("1732") ? true : (stryCov_9fa48("1732", "1733", "1734"), p95?.gt(0))) limits.push(stryMutAct_9fa48("1735") ? {} : (stryCov_9fa48("1735"), {
      perDay: p95.times(RATE_FACTOR),
      from: stryMutAct_9fa48("1736") ? "" : (stryCov_9fa48("1736"), 'history')
    }));
    return limits;
  }
}

/** Nearest-rank 95th percentile. */
function percentile95(values: Decimal[]): Decimal | null {
  if (stryMutAct_9fa48("1737")) {
    {}
  } else {
    stryCov_9fa48("1737");
    const sorted = stryMutAct_9fa48("1738") ? [...values] : (stryCov_9fa48("1738"), (stryMutAct_9fa48("1739") ? [] : (stryCov_9fa48("1739"), [...values])).sort(stryMutAct_9fa48("1740") ? () => undefined : (stryCov_9fa48("1740"), (a, b) => a.comparedTo(b))));
    return stryMutAct_9fa48("1741") ? sorted[Math.ceil(sorted.length * 0.95) - 1] && null : (stryCov_9fa48("1741"), sorted[stryMutAct_9fa48("1742") ? Math.ceil(sorted.length * 0.95) + 1 : (stryCov_9fa48("1742"), Math.ceil(stryMutAct_9fa48("1743") ? sorted.length / 0.95 : (stryCov_9fa48("1743"), sorted.length * 0.95)) - 1)] ?? null);
  }
}
function median(values: Decimal[]): Decimal | null {
  if (stryMutAct_9fa48("1744")) {
    {}
  } else {
    stryCov_9fa48("1744");
    const sorted = stryMutAct_9fa48("1745") ? [...values] : (stryCov_9fa48("1745"), (stryMutAct_9fa48("1746") ? [] : (stryCov_9fa48("1746"), [...values])).sort(stryMutAct_9fa48("1747") ? () => undefined : (stryCov_9fa48("1747"), (a, b) => a.comparedTo(b))));
    const middle = Math.floor(stryMutAct_9fa48("1748") ? sorted.length * 2 : (stryCov_9fa48("1748"), sorted.length / 2));
    const upper = sorted[middle];
    if (stryMutAct_9fa48("1751") ? upper !== undefined : stryMutAct_9fa48("1750") ? false : stryMutAct_9fa48("1749") ? true : (stryCov_9fa48("1749", "1750", "1751"), upper === undefined)) return null;
    const lower = (stryMutAct_9fa48("1754") ? sorted.length % 2 !== 0 : stryMutAct_9fa48("1753") ? false : stryMutAct_9fa48("1752") ? true : (stryCov_9fa48("1752", "1753", "1754"), (stryMutAct_9fa48("1755") ? sorted.length * 2 : (stryCov_9fa48("1755"), sorted.length % 2)) === 0)) ? sorted[stryMutAct_9fa48("1756") ? middle + 1 : (stryCov_9fa48("1756"), middle - 1)] : undefined;
    return (stryMutAct_9fa48("1759") ? lower !== undefined : stryMutAct_9fa48("1758") ? false : stryMutAct_9fa48("1757") ? true : (stryCov_9fa48("1757", "1758", "1759"), lower === undefined)) ? upper : lower.plus(upper).div(2);
  }
}

// ---------------------------------------------------------------------------------------------
// Hard checks (reject)

function checkFuture({
  input
}: Context): Problem | null {
  if (stryMutAct_9fa48("1760")) {
    {}
  } else {
    stryCov_9fa48("1760");
    if (stryMutAct_9fa48("1764") ? input.takenAt.getTime() - input.now.getTime() > FUTURE_TOLERANCE_MS : stryMutAct_9fa48("1763") ? input.takenAt.getTime() - input.now.getTime() < FUTURE_TOLERANCE_MS : stryMutAct_9fa48("1762") ? false : stryMutAct_9fa48("1761") ? true : (stryCov_9fa48("1761", "1762", "1763", "1764"), (stryMutAct_9fa48("1765") ? input.takenAt.getTime() + input.now.getTime() : (stryCov_9fa48("1765"), input.takenAt.getTime() - input.now.getTime())) <= FUTURE_TOLERANCE_MS)) return null;
    return stryMutAct_9fa48("1766") ? {} : (stryCov_9fa48("1766"), {
      code: stryMutAct_9fa48("1767") ? "" : (stryCov_9fa48("1767"), 'future'),
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
  if (stryMutAct_9fa48("1768")) {
    {}
  } else {
    stryCov_9fa48("1768");
    const at = input.takenAt.getTime();
    const existing = (stryMutAct_9fa48("1769") ? [] : (stryCov_9fa48("1769"), [input.previous, input.next])).find(stryMutAct_9fa48("1770") ? () => undefined : (stryCov_9fa48("1770"), p => stryMutAct_9fa48("1773") ? p?.takenAt.getTime() !== at : stryMutAct_9fa48("1772") ? false : stryMutAct_9fa48("1771") ? true : (stryCov_9fa48("1771", "1772", "1773"), (stryMutAct_9fa48("1774") ? p.takenAt.getTime() : (stryCov_9fa48("1774"), p?.takenAt.getTime())) === at)));
    if (stryMutAct_9fa48("1777") ? false : stryMutAct_9fa48("1776") ? true : stryMutAct_9fa48("1775") ? existing : (stryCov_9fa48("1775", "1776", "1777"), !existing)) return null;
    if (stryMutAct_9fa48("1779") ? false : stryMutAct_9fa48("1778") ? true : (stryCov_9fa48("1778", "1779"), new Dec(existing.value).eq(value))) {
      if (stryMutAct_9fa48("1780")) {
        {}
      } else {
        stryCov_9fa48("1780");
        return stryMutAct_9fa48("1781") ? {} : (stryCov_9fa48("1781"), {
          code: stryMutAct_9fa48("1782") ? "" : (stryCov_9fa48("1782"), 'duplicate'),
          value: input.value,
          takenAt: input.takenAt
        });
      }
    }
    return stryMutAct_9fa48("1783") ? {} : (stryCov_9fa48("1783"), {
      code: stryMutAct_9fa48("1784") ? "" : (stryCov_9fa48("1784"), 'sameTimeDifferentValue'),
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
  if (stryMutAct_9fa48("1785")) {
    {}
  } else {
    stryCov_9fa48("1785");
    if (stryMutAct_9fa48("1788") ? !value.isNegative() && value.isZero() : stryMutAct_9fa48("1787") ? false : stryMutAct_9fa48("1786") ? true : (stryCov_9fa48("1786", "1787", "1788"), (stryMutAct_9fa48("1789") ? value.isNegative() : (stryCov_9fa48("1789"), !value.isNegative())) || value.isZero())) return null;
    // A negative min opts a delta source into negative amounts; checkMin then guards the range.
    if (stryMutAct_9fa48("1792") ? kind === 'delta' || min?.isNegative() : stryMutAct_9fa48("1791") ? false : stryMutAct_9fa48("1790") ? true : (stryCov_9fa48("1790", "1791", "1792"), (stryMutAct_9fa48("1794") ? kind !== 'delta' : stryMutAct_9fa48("1793") ? true : (stryCov_9fa48("1793", "1794"), kind === (stryMutAct_9fa48("1795") ? "" : (stryCov_9fa48("1795"), 'delta')))) && (stryMutAct_9fa48("1796") ? min.isNegative() : (stryCov_9fa48("1796"), min?.isNegative())))) return null;
    return stryMutAct_9fa48("1797") ? {} : (stryCov_9fa48("1797"), {
      code: stryMutAct_9fa48("1798") ? "" : (stryCov_9fa48("1798"), 'negative'),
      value: input.value
    });
  }
}
function checkDigits({
  input,
  value,
  modulus
}: Context): Problem | null {
  if (stryMutAct_9fa48("1799")) {
    {}
  } else {
    stryCov_9fa48("1799");
    if (stryMutAct_9fa48("1802") ? modulus === null && value.abs().lt(modulus) : stryMutAct_9fa48("1801") ? false : stryMutAct_9fa48("1800") ? true : (stryCov_9fa48("1800", "1801", "1802"), (stryMutAct_9fa48("1804") ? modulus !== null : stryMutAct_9fa48("1803") ? false : (stryCov_9fa48("1803", "1804"), modulus === null)) || value.abs().lt(modulus))) return null;
    const digits = stryMutAct_9fa48("1805") ? input.source.digits && 0 : (stryCov_9fa48("1805"), input.source.digits ?? 0);
    return stryMutAct_9fa48("1806") ? {} : (stryCov_9fa48("1806"), {
      code: stryMutAct_9fa48("1807") ? "" : (stryCov_9fa48("1807"), 'tooManyDigits'),
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
  if (stryMutAct_9fa48("1808")) {
    {}
  } else {
    stryCov_9fa48("1808");
    if (stryMutAct_9fa48("1811") ? min === null && value.gte(min) : stryMutAct_9fa48("1810") ? false : stryMutAct_9fa48("1809") ? true : (stryCov_9fa48("1809", "1810", "1811"), (stryMutAct_9fa48("1813") ? min !== null : stryMutAct_9fa48("1812") ? false : (stryCov_9fa48("1812", "1813"), min === null)) || value.gte(min))) return null;
    return stryMutAct_9fa48("1814") ? {} : (stryCov_9fa48("1814"), {
      code: stryMutAct_9fa48("1815") ? "" : (stryCov_9fa48("1815"), 'belowMin'),
      value: input.value,
      limit: stryMutAct_9fa48("1816") ? input.source.validators.min && '' : (stryCov_9fa48("1816"), input.source.validators.min ?? (stryMutAct_9fa48("1817") ? "Stryker was here!" : (stryCov_9fa48("1817"), '')))
    });
  }
}
function checkMax({
  input,
  value,
  max
}: Context): Problem | null {
  if (stryMutAct_9fa48("1818")) {
    {}
  } else {
    stryCov_9fa48("1818");
    if (stryMutAct_9fa48("1821") ? max === null && value.lte(max) : stryMutAct_9fa48("1820") ? false : stryMutAct_9fa48("1819") ? true : (stryCov_9fa48("1819", "1820", "1821"), (stryMutAct_9fa48("1823") ? max !== null : stryMutAct_9fa48("1822") ? false : (stryCov_9fa48("1822", "1823"), max === null)) || value.lte(max))) return null;
    return stryMutAct_9fa48("1824") ? {} : (stryCov_9fa48("1824"), {
      code: stryMutAct_9fa48("1825") ? "" : (stryCov_9fa48("1825"), 'aboveMax'),
      value: input.value,
      limit: stryMutAct_9fa48("1826") ? input.source.validators.max && '' : (stryCov_9fa48("1826"), input.source.validators.max ?? (stryMutAct_9fa48("1827") ? "Stryker was here!" : (stryCov_9fa48("1827"), '')))
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
  if (stryMutAct_9fa48("1828")) {
    {}
  } else {
    stryCov_9fa48("1828");
    const problems: Problem[] = stryMutAct_9fa48("1829") ? ["Stryker was here"] : (stryCov_9fa48("1829"), []);
    if (stryMutAct_9fa48("1832") ? value.isZero() || previous?.value.gt(0) : stryMutAct_9fa48("1831") ? false : stryMutAct_9fa48("1830") ? true : (stryCov_9fa48("1830", "1831", "1832"), value.isZero() && (stryMutAct_9fa48("1833") ? previous.value.gt(0) : (stryCov_9fa48("1833"), previous?.value.gt(0))))) {
      if (stryMutAct_9fa48("1834")) {
        {}
      } else {
        stryCov_9fa48("1834");
        problems.push(stryMutAct_9fa48("1835") ? {} : (stryCov_9fa48("1835"), {
          code: stryMutAct_9fa48("1836") ? "" : (stryCov_9fa48("1836"), 'zeroAfterPositive'),
          value: input.value,
          previous: previous.text,
          previousAt: previous.at
        }));
      }
    }
    if (stryMutAct_9fa48("1838") ? false : stryMutAct_9fa48("1837") ? true : (stryCov_9fa48("1837", "1838"), isAllNines(input.value))) problems.push(stryMutAct_9fa48("1839") ? {} : (stryCov_9fa48("1839"), {
      code: stryMutAct_9fa48("1840") ? "" : (stryCov_9fa48("1840"), 'allNines'),
      value: input.value
    }));
    return problems;
  }
}
function isAllNines(text: string): boolean {
  if (stryMutAct_9fa48("1841")) {
    {}
  } else {
    stryCov_9fa48("1841");
    const digits = text.replace(stryMutAct_9fa48("1842") ? "" : (stryCov_9fa48("1842"), '.'), stryMutAct_9fa48("1843") ? "Stryker was here!" : (stryCov_9fa48("1843"), ''));
    return stryMutAct_9fa48("1846") ? digits.length >= MIN_SENTINEL_NINES || /^9+$/.test(digits) : stryMutAct_9fa48("1845") ? false : stryMutAct_9fa48("1844") ? true : (stryCov_9fa48("1844", "1845", "1846"), (stryMutAct_9fa48("1849") ? digits.length < MIN_SENTINEL_NINES : stryMutAct_9fa48("1848") ? digits.length > MIN_SENTINEL_NINES : stryMutAct_9fa48("1847") ? true : (stryCov_9fa48("1847", "1848", "1849"), digits.length >= MIN_SENTINEL_NINES)) && (stryMutAct_9fa48("1852") ? /^9$/ : stryMutAct_9fa48("1851") ? /^9+/ : stryMutAct_9fa48("1850") ? /9+$/ : (stryCov_9fa48("1850", "1851", "1852"), /^9+$/)).test(digits));
  }
}

/** A counting-up register must fit between its neighbours (a zero is already explained). */
function directionProblems(ctx: Context): Problem[] {
  if (stryMutAct_9fa48("1853")) {
    {}
  } else {
    stryCov_9fa48("1853");
    const {
      input,
      value,
      previous,
      next
    } = ctx;
    if (stryMutAct_9fa48("1856") ? false : stryMutAct_9fa48("1855") ? true : stryMutAct_9fa48("1854") ? input.source.validators.nonDecreasing : (stryCov_9fa48("1854", "1855", "1856"), !input.source.validators.nonDecreasing)) return stryMutAct_9fa48("1857") ? ["Stryker was here"] : (stryCov_9fa48("1857"), []);
    const problems: Problem[] = stryMutAct_9fa48("1858") ? ["Stryker was here"] : (stryCov_9fa48("1858"), []);
    if (stryMutAct_9fa48("1861") ? previous && value.lt(previous.value) || !value.isZero() : stryMutAct_9fa48("1860") ? false : stryMutAct_9fa48("1859") ? true : (stryCov_9fa48("1859", "1860", "1861"), (stryMutAct_9fa48("1863") ? previous || value.lt(previous.value) : stryMutAct_9fa48("1862") ? true : (stryCov_9fa48("1862", "1863"), previous && value.lt(previous.value))) && (stryMutAct_9fa48("1864") ? value.isZero() : (stryCov_9fa48("1864"), !value.isZero())))) {
      if (stryMutAct_9fa48("1865")) {
        {}
      } else {
        stryCov_9fa48("1865");
        problems.push(stryMutAct_9fa48("1866") ? {} : (stryCov_9fa48("1866"), {
          code: stryMutAct_9fa48("1867") ? "" : (stryCov_9fa48("1867"), 'lowerThanPrevious'),
          value: input.value,
          previous: previous.text,
          previousAt: previous.at
        }));
      }
    }
    if (stryMutAct_9fa48("1870") ? next || value.gt(next.value) : stryMutAct_9fa48("1869") ? false : stryMutAct_9fa48("1868") ? true : (stryCov_9fa48("1868", "1869", "1870"), next && value.gt(next.value))) {
      if (stryMutAct_9fa48("1871")) {
        {}
      } else {
        stryCov_9fa48("1871");
        // After a wrap the previous reading is on the other lap: "between" would mislead.
        const between = (stryMutAct_9fa48("1874") ? previous || !ctx.afterNextsWrap : stryMutAct_9fa48("1873") ? false : stryMutAct_9fa48("1872") ? true : (stryCov_9fa48("1872", "1873", "1874"), previous && (stryMutAct_9fa48("1875") ? ctx.afterNextsWrap : (stryCov_9fa48("1875"), !ctx.afterNextsWrap)))) ? previous.text : null;
        problems.push(stryMutAct_9fa48("1876") ? {} : (stryCov_9fa48("1876"), {
          code: stryMutAct_9fa48("1877") ? "" : (stryCov_9fa48("1877"), 'higherThanNext'),
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
  if (stryMutAct_9fa48("1878")) {
    {}
  } else {
    stryCov_9fa48("1878");
    const {
      value,
      previous,
      next
    } = ctx;
    const here = stryMutAct_9fa48("1879") ? {} : (stryCov_9fa48("1879"), {
      at: ctx.input.takenAt,
      value
    });
    const problems: Problem[] = stryMutAct_9fa48("1880") ? ["Stryker was here"] : (stryCov_9fa48("1880"), []);
    if (stryMutAct_9fa48("1883") ? previous || !ctx.afterNextsWrap : stryMutAct_9fa48("1882") ? false : stryMutAct_9fa48("1881") ? true : (stryCov_9fa48("1881", "1882", "1883"), previous && (stryMutAct_9fa48("1884") ? ctx.afterNextsWrap : (stryCov_9fa48("1884"), !ctx.afterNextsWrap)))) {
      if (stryMutAct_9fa48("1885")) {
        {}
      } else {
        stryCov_9fa48("1885");
        const problem = rateProblem(ctx, stryMutAct_9fa48("1886") ? "" : (stryCov_9fa48("1886"), 'sincePrevious'), previous, here, previous);
        if (stryMutAct_9fa48("1888") ? false : stryMutAct_9fa48("1887") ? true : (stryCov_9fa48("1887", "1888"), problem)) problems.push(problem);
      }
    }
    if (stryMutAct_9fa48("1890") ? false : stryMutAct_9fa48("1889") ? true : (stryCov_9fa48("1889", "1890"), next)) {
      if (stryMutAct_9fa48("1891")) {
        {}
      } else {
        stryCov_9fa48("1891");
        const problem = rateProblem(ctx, stryMutAct_9fa48("1892") ? "" : (stryCov_9fa48("1892"), 'untilNext'), here, next, next);
        if (stryMutAct_9fa48("1894") ? false : stryMutAct_9fa48("1893") ? true : (stryCov_9fa48("1893", "1894"), problem)) problems.push(problem);
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
  if (stryMutAct_9fa48("1895")) {
    {}
  } else {
    stryCov_9fa48("1895");
    const usage = to.value.minus(from.value);
    const days = daysBetween(from.at, to.at);
    if (stryMutAct_9fa48("1898") ? usage.lte(0) && days.lte(0) : stryMutAct_9fa48("1897") ? false : stryMutAct_9fa48("1896") ? true : (stryCov_9fa48("1896", "1897", "1898"), usage.lte(0) || days.lte(0))) return null;
    const ratePerDay = dailyRate(usage, days);
    const limit = ctx.limits.find(stryMutAct_9fa48("1899") ? () => undefined : (stryCov_9fa48("1899"), l => ratePerDay.gt(l.perDay)));
    if (stryMutAct_9fa48("1902") ? false : stryMutAct_9fa48("1901") ? true : stryMutAct_9fa48("1900") ? limit : (stryCov_9fa48("1900", "1901", "1902"), !limit)) return null;
    return stryMutAct_9fa48("1903") ? {} : (stryCov_9fa48("1903"), {
      code: stryMutAct_9fa48("1904") ? "" : (stryCov_9fa48("1904"), 'rateTooHigh'),
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
  if (stryMutAct_9fa48("1905")) {
    {}
  } else {
    stryCov_9fa48("1905");
    return usage.div(stryMutAct_9fa48("1906") ? Dec.min(days, MIN_RATE_DAYS) : (stryCov_9fa48("1906"), Dec.max(days, MIN_RATE_DAYS)));
  }
}
function withinLimits(usage: Decimal, days: Decimal, limits: RateLimit[]): boolean {
  if (stryMutAct_9fa48("1907")) {
    {}
  } else {
    stryCov_9fa48("1907");
    if (stryMutAct_9fa48("1909") ? false : stryMutAct_9fa48("1908") ? true : (stryCov_9fa48("1908", "1909"), days.lte(0))) return stryMutAct_9fa48("1910") ? true : (stryCov_9fa48("1910"), false);
    const rate = dailyRate(usage, days);
    return stryMutAct_9fa48("1911") ? limits.some(l => rate.lte(l.perDay)) : (stryCov_9fa48("1911"), limits.every(stryMutAct_9fa48("1912") ? () => undefined : (stryCov_9fa48("1912"), l => rate.lte(l.perDay))));
  }
}

// ---------------------------------------------------------------------------------------------
// Options offered with a decrease

/**
 * Offered when the register size is known and either the previous value was near the top of the
 * register, the wrap is already marked on next, or the wrapped usage is a plausible rate.
 */
function rolloverOption(ctx: Context): ConfirmOptions['rollover'] | null {
  if (stryMutAct_9fa48("1913")) {
    {}
  } else {
    stryCov_9fa48("1913");
    const {
      modulus,
      previous,
      value
    } = ctx;
    if (stryMutAct_9fa48("1916") ? (modulus === null || previous === null) && previous.value.gte(modulus) : stryMutAct_9fa48("1915") ? false : stryMutAct_9fa48("1914") ? true : (stryCov_9fa48("1914", "1915", "1916"), (stryMutAct_9fa48("1918") ? modulus === null && previous === null : stryMutAct_9fa48("1917") ? false : (stryCov_9fa48("1917", "1918"), (stryMutAct_9fa48("1920") ? modulus !== null : stryMutAct_9fa48("1919") ? false : (stryCov_9fa48("1919", "1920"), modulus === null)) || (stryMutAct_9fa48("1922") ? previous !== null : stryMutAct_9fa48("1921") ? false : (stryCov_9fa48("1921", "1922"), previous === null)))) || previous.value.gte(modulus))) return null;
    const usage = modulus.minus(previous.value).plus(value);
    const nearTop = previous.value.gte(modulus.times(ROLLOVER_ZONE));
    const days = daysBetween(previous.at, ctx.input.takenAt);
    const plausible = stryMutAct_9fa48("1925") ? ctx.limits.length > 0 || withinLimits(usage, days, ctx.limits) : stryMutAct_9fa48("1924") ? false : stryMutAct_9fa48("1923") ? true : (stryCov_9fa48("1923", "1924", "1925"), (stryMutAct_9fa48("1928") ? ctx.limits.length <= 0 : stryMutAct_9fa48("1927") ? ctx.limits.length >= 0 : stryMutAct_9fa48("1926") ? true : (stryCov_9fa48("1926", "1927", "1928"), ctx.limits.length > 0)) && withinLimits(usage, days, ctx.limits));
    if (stryMutAct_9fa48("1931") ? !ctx.afterNextsWrap && !nearTop || !plausible : stryMutAct_9fa48("1930") ? false : stryMutAct_9fa48("1929") ? true : (stryCov_9fa48("1929", "1930", "1931"), (stryMutAct_9fa48("1933") ? !ctx.afterNextsWrap || !nearTop : stryMutAct_9fa48("1932") ? true : (stryCov_9fa48("1932", "1933"), (stryMutAct_9fa48("1934") ? ctx.afterNextsWrap : (stryCov_9fa48("1934"), !ctx.afterNextsWrap)) && (stryMutAct_9fa48("1935") ? nearTop : (stryCov_9fa48("1935"), !nearTop)))) && (stryMutAct_9fa48("1936") ? plausible : (stryCov_9fa48("1936"), !plausible)))) return null;
    return stryMutAct_9fa48("1937") ? {} : (stryCov_9fa48("1937"), {
      usage: canonical(usage),
      clearNextRollover: ctx.afterNextsWrap
    });
  }
}

/** A new register usually starts low: the value is small next to the previous or far off course. */
function looksLikeReplacement(ctx: Context): boolean {
  if (stryMutAct_9fa48("1938")) {
    {}
  } else {
    stryCov_9fa48("1938");
    const {
      previous,
      value
    } = ctx;
    if (stryMutAct_9fa48("1941") ? previous !== null : stryMutAct_9fa48("1940") ? false : stryMutAct_9fa48("1939") ? true : (stryCov_9fa48("1939", "1940", "1941"), previous === null)) return stryMutAct_9fa48("1942") ? true : (stryCov_9fa48("1942"), false);
    if (stryMutAct_9fa48("1944") ? false : stryMutAct_9fa48("1943") ? true : (stryCov_9fa48("1943", "1944"), value.lte(previous.value.div(2)))) return stryMutAct_9fa48("1945") ? false : (stryCov_9fa48("1945"), true);
    const expected = stryMutAct_9fa48("1946") ? predictValue(ctx) && previous.value : (stryCov_9fa48("1946"), predictValue(ctx) ?? previous.value);
    const expectedUsage = expected.minus(previous.value);
    const tolerance = stryMutAct_9fa48("1947") ? Dec.min(expected.times('0.1'), expectedUsage.times(3)) : (stryCov_9fa48("1947"), Dec.max(expected.times(stryMutAct_9fa48("1948") ? "" : (stryCov_9fa48("1948"), '0.1')), expectedUsage.times(3)));
    return expected.minus(value).gt(tolerance);
  }
}

/** Where the reading should be: between the neighbours by time, or previous + typical usage. */
function predictValue(ctx: Context): Decimal | null {
  if (stryMutAct_9fa48("1949")) {
    {}
  } else {
    stryCov_9fa48("1949");
    const {
      previous,
      next,
      typicalRate
    } = ctx;
    const at = ctx.input.takenAt;
    if (stryMutAct_9fa48("1952") ? previous && next || !ctx.afterNextsWrap : stryMutAct_9fa48("1951") ? false : stryMutAct_9fa48("1950") ? true : (stryCov_9fa48("1950", "1951", "1952"), (stryMutAct_9fa48("1954") ? previous || next : stryMutAct_9fa48("1953") ? true : (stryCov_9fa48("1953", "1954"), previous && next)) && (stryMutAct_9fa48("1955") ? ctx.afterNextsWrap : (stryCov_9fa48("1955"), !ctx.afterNextsWrap)))) {
      if (stryMutAct_9fa48("1956")) {
        {}
      } else {
        stryCov_9fa48("1956");
        const span = stryMutAct_9fa48("1957") ? next.at.getTime() + previous.at.getTime() : (stryCov_9fa48("1957"), next.at.getTime() - previous.at.getTime());
        if (stryMutAct_9fa48("1961") ? span > 0 : stryMutAct_9fa48("1960") ? span < 0 : stryMutAct_9fa48("1959") ? false : stryMutAct_9fa48("1958") ? true : (stryCov_9fa48("1958", "1959", "1960", "1961"), span <= 0)) return previous.value;
        const share = new Dec(stryMutAct_9fa48("1962") ? at.getTime() + previous.at.getTime() : (stryCov_9fa48("1962"), at.getTime() - previous.at.getTime())).div(span);
        return previous.value.plus(next.value.minus(previous.value).times(share));
      }
    }
    const rate = stryMutAct_9fa48("1963") ? typicalRate && new Dec(0) : (stryCov_9fa48("1963"), typicalRate ?? new Dec(0));
    if (stryMutAct_9fa48("1966") ? previous || !ctx.afterNextsWrap : stryMutAct_9fa48("1965") ? false : stryMutAct_9fa48("1964") ? true : (stryCov_9fa48("1964", "1965", "1966"), previous && (stryMutAct_9fa48("1967") ? ctx.afterNextsWrap : (stryCov_9fa48("1967"), !ctx.afterNextsWrap)))) {
      if (stryMutAct_9fa48("1968")) {
        {}
      } else {
        stryCov_9fa48("1968");
        return previous.value.plus(rate.times(stryMutAct_9fa48("1969") ? Dec.min(daysBetween(previous.at, at), 0) : (stryCov_9fa48("1969"), Dec.max(daysBetween(previous.at, at), 0))));
      }
    }
    if (stryMutAct_9fa48("1971") ? false : stryMutAct_9fa48("1970") ? true : (stryCov_9fa48("1970", "1971"), next)) return stryMutAct_9fa48("1972") ? Dec.min(next.value.minus(rate.times(daysBetween(at, next.at))), 0) : (stryCov_9fa48("1972"), Dec.max(next.value.minus(rate.times(daysBetween(at, next.at))), 0));
    return null;
  }
}
type EditKind = 'transposition' | 'substitution' | 'deletion' | 'insertion';
const EDIT_PREFERENCE: EditKind[] = stryMutAct_9fa48("1973") ? [] : (stryCov_9fa48("1973"), [stryMutAct_9fa48("1974") ? "" : (stryCov_9fa48("1974"), 'transposition'), stryMutAct_9fa48("1975") ? "" : (stryCov_9fa48("1975"), 'substitution'), stryMutAct_9fa48("1976") ? "" : (stryCov_9fa48("1976"), 'deletion'), stryMutAct_9fa48("1977") ? "" : (stryCov_9fa48("1977"), 'insertion')]);
/** Longer inputs are not hand-typed meter readings; don't search them. */
const MAX_TYPO_LENGTH = 24;

/** The consistent value nearest to the prediction among the typed value's near misses. */
function typoSuggestion(ctx: Context): {
  suggestion: string;
  expected: string;
} | null {
  if (stryMutAct_9fa48("1978")) {
    {}
  } else {
    stryCov_9fa48("1978");
    const expected = predictValue(ctx);
    const text = ctx.input.value;
    if (stryMutAct_9fa48("1981") ? expected === null && text.length > MAX_TYPO_LENGTH : stryMutAct_9fa48("1980") ? false : stryMutAct_9fa48("1979") ? true : (stryCov_9fa48("1979", "1980", "1981"), (stryMutAct_9fa48("1983") ? expected !== null : stryMutAct_9fa48("1982") ? false : (stryCov_9fa48("1982", "1983"), expected === null)) || (stryMutAct_9fa48("1986") ? text.length <= MAX_TYPO_LENGTH : stryMutAct_9fa48("1985") ? text.length >= MAX_TYPO_LENGTH : stryMutAct_9fa48("1984") ? false : (stryCov_9fa48("1984", "1985", "1986"), text.length > MAX_TYPO_LENGTH)))) return null;
    let best: {
      value: Decimal;
      text: string;
      rank: number;
    } | null = null;
    for (const [kind, candidates] of nearMisses(text)) {
      if (stryMutAct_9fa48("1987")) {
        {}
      } else {
        stryCov_9fa48("1987");
        const rank = EDIT_PREFERENCE.indexOf(kind);
        for (const candidate of candidates) {
          if (stryMutAct_9fa48("1988")) {
            {}
          } else {
            stryCov_9fa48("1988");
            if (stryMutAct_9fa48("1991") ? !DECIMAL.test(candidate) && /^-?0\d/.test(candidate) : stryMutAct_9fa48("1990") ? false : stryMutAct_9fa48("1989") ? true : (stryCov_9fa48("1989", "1990", "1991"), (stryMutAct_9fa48("1992") ? DECIMAL.test(candidate) : (stryCov_9fa48("1992"), !DECIMAL.test(candidate))) || (stryMutAct_9fa48("1995") ? /^-?0\D/ : stryMutAct_9fa48("1994") ? /^-0\d/ : stryMutAct_9fa48("1993") ? /-?0\d/ : (stryCov_9fa48("1993", "1994", "1995"), /^-?0\d/)).test(candidate))) continue;
            const value = new Dec(candidate);
            if (stryMutAct_9fa48("1998") ? value.eq(ctx.value) && !fitsNeighbours(ctx, value) : stryMutAct_9fa48("1997") ? false : stryMutAct_9fa48("1996") ? true : (stryCov_9fa48("1996", "1997", "1998"), value.eq(ctx.value) || (stryMutAct_9fa48("1999") ? fitsNeighbours(ctx, value) : (stryCov_9fa48("1999"), !fitsNeighbours(ctx, value))))) continue;
            if (stryMutAct_9fa48("2002") ? best === null && isCloser(value, rank, best, expected) : stryMutAct_9fa48("2001") ? false : stryMutAct_9fa48("2000") ? true : (stryCov_9fa48("2000", "2001", "2002"), (stryMutAct_9fa48("2004") ? best !== null : stryMutAct_9fa48("2003") ? false : (stryCov_9fa48("2003", "2004"), best === null)) || isCloser(value, rank, best, expected))) {
              if (stryMutAct_9fa48("2005")) {
                {}
              } else {
                stryCov_9fa48("2005");
                best = stryMutAct_9fa48("2006") ? {} : (stryCov_9fa48("2006"), {
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
    return best ? stryMutAct_9fa48("2007") ? {} : (stryCov_9fa48("2007"), {
      suggestion: best.text,
      expected: roundForDisplay(expected)
    }) : null;
  }
}
function isCloser(value: Decimal, rank: number, best: {
  value: Decimal;
  rank: number;
}, expected: Decimal): boolean {
  if (stryMutAct_9fa48("2008")) {
    {}
  } else {
    stryCov_9fa48("2008");
    const byDistance = value.minus(expected).abs().comparedTo(best.value.minus(expected).abs());
    if (stryMutAct_9fa48("2011") ? byDistance === 0 : stryMutAct_9fa48("2010") ? false : stryMutAct_9fa48("2009") ? true : (stryCov_9fa48("2009", "2010", "2011"), byDistance !== 0)) return stryMutAct_9fa48("2015") ? byDistance >= 0 : stryMutAct_9fa48("2014") ? byDistance <= 0 : stryMutAct_9fa48("2013") ? false : stryMutAct_9fa48("2012") ? true : (stryCov_9fa48("2012", "2013", "2014", "2015"), byDistance < 0);
    if (stryMutAct_9fa48("2018") ? rank === best.rank : stryMutAct_9fa48("2017") ? false : stryMutAct_9fa48("2016") ? true : (stryCov_9fa48("2016", "2017", "2018"), rank !== best.rank)) return stryMutAct_9fa48("2022") ? rank >= best.rank : stryMutAct_9fa48("2021") ? rank <= best.rank : stryMutAct_9fa48("2020") ? false : stryMutAct_9fa48("2019") ? true : (stryCov_9fa48("2019", "2020", "2021", "2022"), rank < best.rank);
    return value.lt(best.value);
  }
}

/** Strings one swap of two digits, or one digit substituted, deleted or inserted, away. */
function nearMisses(text: string): [EditKind, string[]][] {
  if (stryMutAct_9fa48("2023")) {
    {}
  } else {
    stryCov_9fa48("2023");
    const chars = stryMutAct_9fa48("2024") ? [] : (stryCov_9fa48("2024"), [...text]);
    const isDigit = stryMutAct_9fa48("2025") ? () => undefined : (stryCov_9fa48("2025"), (() => {
      const isDigit = (i: number) => (stryMutAct_9fa48("2026") ? /\D/ : (stryCov_9fa48("2026"), /\d/)).test(stryMutAct_9fa48("2027") ? chars[i] && '' : (stryCov_9fa48("2027"), chars[i] ?? (stryMutAct_9fa48("2028") ? "Stryker was here!" : (stryCov_9fa48("2028"), ''))));
      return isDigit;
    })());
    const transpositions: string[] = stryMutAct_9fa48("2029") ? ["Stryker was here"] : (stryCov_9fa48("2029"), []);
    const substitutions: string[] = stryMutAct_9fa48("2030") ? ["Stryker was here"] : (stryCov_9fa48("2030"), []);
    const deletions: string[] = stryMutAct_9fa48("2031") ? ["Stryker was here"] : (stryCov_9fa48("2031"), []);
    const insertions: string[] = stryMutAct_9fa48("2032") ? ["Stryker was here"] : (stryCov_9fa48("2032"), []);
    for (let i = 0; stryMutAct_9fa48("2035") ? i >= chars.length : stryMutAct_9fa48("2034") ? i <= chars.length : stryMutAct_9fa48("2033") ? false : (stryCov_9fa48("2033", "2034", "2035"), i < chars.length); stryMutAct_9fa48("2036") ? i-- : (stryCov_9fa48("2036"), i++)) {
      if (stryMutAct_9fa48("2037")) {
        {}
      } else {
        stryCov_9fa48("2037");
        if (stryMutAct_9fa48("2040") ? false : stryMutAct_9fa48("2039") ? true : stryMutAct_9fa48("2038") ? isDigit(i) : (stryCov_9fa48("2038", "2039", "2040"), !isDigit(i))) continue;
        for (let j = stryMutAct_9fa48("2041") ? i - 1 : (stryCov_9fa48("2041"), i + 1); stryMutAct_9fa48("2044") ? j >= chars.length : stryMutAct_9fa48("2043") ? j <= chars.length : stryMutAct_9fa48("2042") ? false : (stryCov_9fa48("2042", "2043", "2044"), j < chars.length); stryMutAct_9fa48("2045") ? j-- : (stryCov_9fa48("2045"), j++)) {
          if (stryMutAct_9fa48("2046")) {
            {}
          } else {
            stryCov_9fa48("2046");
            if (stryMutAct_9fa48("2049") ? !isDigit(j) && chars[i] === chars[j] : stryMutAct_9fa48("2048") ? false : stryMutAct_9fa48("2047") ? true : (stryCov_9fa48("2047", "2048", "2049"), (stryMutAct_9fa48("2050") ? isDigit(j) : (stryCov_9fa48("2050"), !isDigit(j))) || (stryMutAct_9fa48("2052") ? chars[i] !== chars[j] : stryMutAct_9fa48("2051") ? false : (stryCov_9fa48("2051", "2052"), chars[i] === chars[j])))) continue;
            const swapped = stryMutAct_9fa48("2053") ? [] : (stryCov_9fa48("2053"), [...chars]);
            swapped[i] = stryMutAct_9fa48("2054") ? chars[j] && '' : (stryCov_9fa48("2054"), chars[j] ?? (stryMutAct_9fa48("2055") ? "Stryker was here!" : (stryCov_9fa48("2055"), '')));
            swapped[j] = stryMutAct_9fa48("2056") ? chars[i] && '' : (stryCov_9fa48("2056"), chars[i] ?? (stryMutAct_9fa48("2057") ? "Stryker was here!" : (stryCov_9fa48("2057"), '')));
            transpositions.push(swapped.join(stryMutAct_9fa48("2058") ? "Stryker was here!" : (stryCov_9fa48("2058"), '')));
          }
        }
        for (const digit of stryMutAct_9fa48("2059") ? "" : (stryCov_9fa48("2059"), '0123456789')) {
          if (stryMutAct_9fa48("2060")) {
            {}
          } else {
            stryCov_9fa48("2060");
            if (stryMutAct_9fa48("2063") ? digit === chars[i] : stryMutAct_9fa48("2062") ? false : stryMutAct_9fa48("2061") ? true : (stryCov_9fa48("2061", "2062", "2063"), digit !== chars[i])) substitutions.push(stryMutAct_9fa48("2064") ? text.slice(0, i) + digit - text.slice(i + 1) : (stryCov_9fa48("2064"), (stryMutAct_9fa48("2065") ? text.slice(0, i) - digit : (stryCov_9fa48("2065"), (stryMutAct_9fa48("2066") ? text : (stryCov_9fa48("2066"), text.slice(0, i))) + digit)) + (stryMutAct_9fa48("2067") ? text : (stryCov_9fa48("2067"), text.slice(stryMutAct_9fa48("2068") ? i - 1 : (stryCov_9fa48("2068"), i + 1))))));
          }
        }
        deletions.push(stryMutAct_9fa48("2069") ? text.slice(0, i) - text.slice(i + 1) : (stryCov_9fa48("2069"), (stryMutAct_9fa48("2070") ? text : (stryCov_9fa48("2070"), text.slice(0, i))) + (stryMutAct_9fa48("2071") ? text : (stryCov_9fa48("2071"), text.slice(stryMutAct_9fa48("2072") ? i - 1 : (stryCov_9fa48("2072"), i + 1))))));
      }
    }
    for (let i = 0; stryMutAct_9fa48("2075") ? i > chars.length : stryMutAct_9fa48("2074") ? i < chars.length : stryMutAct_9fa48("2073") ? false : (stryCov_9fa48("2073", "2074", "2075"), i <= chars.length); stryMutAct_9fa48("2076") ? i-- : (stryCov_9fa48("2076"), i++)) {
      if (stryMutAct_9fa48("2077")) {
        {}
      } else {
        stryCov_9fa48("2077");
        for (const digit of stryMutAct_9fa48("2078") ? "" : (stryCov_9fa48("2078"), '0123456789')) insertions.push(stryMutAct_9fa48("2079") ? text.slice(0, i) + digit - text.slice(i) : (stryCov_9fa48("2079"), (stryMutAct_9fa48("2080") ? text.slice(0, i) - digit : (stryCov_9fa48("2080"), (stryMutAct_9fa48("2081") ? text : (stryCov_9fa48("2081"), text.slice(0, i))) + digit)) + (stryMutAct_9fa48("2082") ? text : (stryCov_9fa48("2082"), text.slice(i)))));
      }
    }
    return stryMutAct_9fa48("2083") ? [] : (stryCov_9fa48("2083"), [stryMutAct_9fa48("2084") ? [] : (stryCov_9fa48("2084"), [stryMutAct_9fa48("2085") ? "" : (stryCov_9fa48("2085"), 'transposition'), transpositions]), stryMutAct_9fa48("2086") ? [] : (stryCov_9fa48("2086"), [stryMutAct_9fa48("2087") ? "" : (stryCov_9fa48("2087"), 'substitution'), substitutions]), stryMutAct_9fa48("2088") ? [] : (stryCov_9fa48("2088"), [stryMutAct_9fa48("2089") ? "" : (stryCov_9fa48("2089"), 'deletion'), deletions]), stryMutAct_9fa48("2090") ? [] : (stryCov_9fa48("2090"), [stryMutAct_9fa48("2091") ? "" : (stryCov_9fa48("2091"), 'insertion'), insertions])]);
  }
}

/** Would this value pass every check here without a question? */
function fitsNeighbours(ctx: Context, value: Decimal): boolean {
  if (stryMutAct_9fa48("2092")) {
    {}
  } else {
    stryCov_9fa48("2092");
    const {
      next,
      min,
      max,
      modulus
    } = ctx;
    const previous = ctx.afterNextsWrap ? null : ctx.previous;
    const at = ctx.input.takenAt;
    if (stryMutAct_9fa48("2095") ? value.isNegative() && value.isZero() : stryMutAct_9fa48("2094") ? false : stryMutAct_9fa48("2093") ? true : (stryCov_9fa48("2093", "2094", "2095"), value.isNegative() || value.isZero())) return stryMutAct_9fa48("2096") ? true : (stryCov_9fa48("2096"), false);
    if (stryMutAct_9fa48("2099") ? (min && value.lt(min) || max && value.gt(max)) && modulus && value.gte(modulus) : stryMutAct_9fa48("2098") ? false : stryMutAct_9fa48("2097") ? true : (stryCov_9fa48("2097", "2098", "2099"), (stryMutAct_9fa48("2101") ? min && value.lt(min) && max && value.gt(max) : stryMutAct_9fa48("2100") ? false : (stryCov_9fa48("2100", "2101"), (stryMutAct_9fa48("2103") ? min || value.lt(min) : stryMutAct_9fa48("2102") ? false : (stryCov_9fa48("2102", "2103"), min && value.lt(min))) || (stryMutAct_9fa48("2105") ? max || value.gt(max) : stryMutAct_9fa48("2104") ? false : (stryCov_9fa48("2104", "2105"), max && value.gt(max))))) || (stryMutAct_9fa48("2107") ? modulus || value.gte(modulus) : stryMutAct_9fa48("2106") ? false : (stryCov_9fa48("2106", "2107"), modulus && value.gte(modulus))))) {
      if (stryMutAct_9fa48("2108")) {
        {}
      } else {
        stryCov_9fa48("2108");
        return stryMutAct_9fa48("2109") ? true : (stryCov_9fa48("2109"), false);
      }
    }
    if (stryMutAct_9fa48("2112") ? previous || value.lt(previous.value) || !plausible(ctx, previous, {
      at,
      value
    }) : stryMutAct_9fa48("2111") ? false : stryMutAct_9fa48("2110") ? true : (stryCov_9fa48("2110", "2111", "2112"), previous && (stryMutAct_9fa48("2114") ? value.lt(previous.value) && !plausible(ctx, previous, {
      at,
      value
    }) : stryMutAct_9fa48("2113") ? true : (stryCov_9fa48("2113", "2114"), value.lt(previous.value) || (stryMutAct_9fa48("2115") ? plausible(ctx, previous, {
      at,
      value
    }) : (stryCov_9fa48("2115"), !plausible(ctx, previous, stryMutAct_9fa48("2116") ? {} : (stryCov_9fa48("2116"), {
      at,
      value
    })))))))) {
      if (stryMutAct_9fa48("2117")) {
        {}
      } else {
        stryCov_9fa48("2117");
        return stryMutAct_9fa48("2118") ? true : (stryCov_9fa48("2118"), false);
      }
    }
    if (stryMutAct_9fa48("2121") ? next || value.gt(next.value) || !plausible(ctx, {
      at,
      value
    }, next) : stryMutAct_9fa48("2120") ? false : stryMutAct_9fa48("2119") ? true : (stryCov_9fa48("2119", "2120", "2121"), next && (stryMutAct_9fa48("2123") ? value.gt(next.value) && !plausible(ctx, {
      at,
      value
    }, next) : stryMutAct_9fa48("2122") ? true : (stryCov_9fa48("2122", "2123"), value.gt(next.value) || (stryMutAct_9fa48("2124") ? plausible(ctx, {
      at,
      value
    }, next) : (stryCov_9fa48("2124"), !plausible(ctx, stryMutAct_9fa48("2125") ? {} : (stryCov_9fa48("2125"), {
      at,
      value
    }), next))))))) return stryMutAct_9fa48("2126") ? true : (stryCov_9fa48("2126"), false);
    // With nothing else to bound it, stay near the one known neighbour.
    if (stryMutAct_9fa48("2129") ? ctx.limits.length === 0 && !next || previous : stryMutAct_9fa48("2128") ? false : stryMutAct_9fa48("2127") ? true : (stryCov_9fa48("2127", "2128", "2129"), (stryMutAct_9fa48("2131") ? ctx.limits.length === 0 || !next : stryMutAct_9fa48("2130") ? true : (stryCov_9fa48("2130", "2131"), (stryMutAct_9fa48("2133") ? ctx.limits.length !== 0 : stryMutAct_9fa48("2132") ? true : (stryCov_9fa48("2132", "2133"), ctx.limits.length === 0)) && (stryMutAct_9fa48("2134") ? next : (stryCov_9fa48("2134"), !next)))) && previous)) {
      if (stryMutAct_9fa48("2135")) {
        {}
      } else {
        stryCov_9fa48("2135");
        return value.lte(previous.value.times(new Dec(1).plus(TYPO_WINDOW)));
      }
    }
    if (stryMutAct_9fa48("2138") ? ctx.limits.length === 0 && !previous || next : stryMutAct_9fa48("2137") ? false : stryMutAct_9fa48("2136") ? true : (stryCov_9fa48("2136", "2137", "2138"), (stryMutAct_9fa48("2140") ? ctx.limits.length === 0 || !previous : stryMutAct_9fa48("2139") ? true : (stryCov_9fa48("2139", "2140"), (stryMutAct_9fa48("2142") ? ctx.limits.length !== 0 : stryMutAct_9fa48("2141") ? true : (stryCov_9fa48("2141", "2142"), ctx.limits.length === 0)) && (stryMutAct_9fa48("2143") ? previous : (stryCov_9fa48("2143"), !previous)))) && next)) {
      if (stryMutAct_9fa48("2144")) {
        {}
      } else {
        stryCov_9fa48("2144");
        return value.gte(next.value.times(new Dec(1).minus(TYPO_WINDOW)));
      }
    }
    return stryMutAct_9fa48("2147") ? previous !== null && next !== null : stryMutAct_9fa48("2146") ? false : stryMutAct_9fa48("2145") ? true : (stryCov_9fa48("2145", "2146", "2147"), (stryMutAct_9fa48("2149") ? previous === null : stryMutAct_9fa48("2148") ? false : (stryCov_9fa48("2148", "2149"), previous !== null)) || (stryMutAct_9fa48("2151") ? next === null : stryMutAct_9fa48("2150") ? false : (stryCov_9fa48("2150", "2151"), next !== null)));
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
  if (stryMutAct_9fa48("2152")) {
    {}
  } else {
    stryCov_9fa48("2152");
    const usage = to.value.minus(from.value);
    if (stryMutAct_9fa48("2155") ? usage.lte(0) && ctx.limits.length === 0 : stryMutAct_9fa48("2154") ? false : stryMutAct_9fa48("2153") ? true : (stryCov_9fa48("2153", "2154", "2155"), usage.lte(0) || (stryMutAct_9fa48("2157") ? ctx.limits.length !== 0 : stryMutAct_9fa48("2156") ? false : (stryCov_9fa48("2156", "2157"), ctx.limits.length === 0)))) return stryMutAct_9fa48("2158") ? false : (stryCov_9fa48("2158"), true);
    return withinLimits(usage, daysBetween(from.at, to.at), ctx.limits);
  }
}

// ---------------------------------------------------------------------------------------------
// Numbers and time

function usageSincePrevious(ctx: Context): string | null {
  if (stryMutAct_9fa48("2159")) {
    {}
  } else {
    stryCov_9fa48("2159");
    if (stryMutAct_9fa48("2162") ? ctx.kind !== 'cumulative' && ctx.previous === null : stryMutAct_9fa48("2161") ? false : stryMutAct_9fa48("2160") ? true : (stryCov_9fa48("2160", "2161", "2162"), (stryMutAct_9fa48("2164") ? ctx.kind === 'cumulative' : stryMutAct_9fa48("2163") ? false : (stryCov_9fa48("2163", "2164"), ctx.kind !== (stryMutAct_9fa48("2165") ? "" : (stryCov_9fa48("2165"), 'cumulative')))) || (stryMutAct_9fa48("2167") ? ctx.previous !== null : stryMutAct_9fa48("2166") ? false : (stryCov_9fa48("2166", "2167"), ctx.previous === null)))) return null;
    return canonical(ctx.value.minus(ctx.previous.value));
  }
}
function daysBetween(from: Date, to: Date): Decimal {
  if (stryMutAct_9fa48("2168")) {
    {}
  } else {
    stryCov_9fa48("2168");
    return new Dec(stryMutAct_9fa48("2169") ? to.getTime() + from.getTime() : (stryCov_9fa48("2169"), to.getTime() - from.getTime())).div(MS_PER_DAY);
  }
}

/** Days are a duration for display, not a stored value: a float is fine here. */
function daysAsNumber(from: Date, to: Date): number {
  if (stryMutAct_9fa48("2170")) {
    {}
  } else {
    stryCov_9fa48("2170");
    return stryMutAct_9fa48("2171") ? (to.getTime() - from.getTime()) * MS_PER_DAY : (stryCov_9fa48("2171"), (stryMutAct_9fa48("2172") ? to.getTime() + from.getTime() : (stryCov_9fa48("2172"), to.getTime() - from.getTime())) / MS_PER_DAY);
  }
}
function canonical(value: Decimal): string {
  if (stryMutAct_9fa48("2173")) {
    {}
  } else {
    stryCov_9fa48("2173");
    return value.isZero() ? stryMutAct_9fa48("2174") ? "" : (stryCov_9fa48("2174"), '0') : value.toFixed();
  }
}

/** Rates and durations are shown, not stored: whole numbers from 100, else two decimals or 3 significant digits. */
function roundForDisplay(value: Decimal): string {
  if (stryMutAct_9fa48("2175")) {
    {}
  } else {
    stryCov_9fa48("2175");
    const abs = value.abs();
    if (stryMutAct_9fa48("2177") ? false : stryMutAct_9fa48("2176") ? true : (stryCov_9fa48("2176", "2177"), abs.gte(100))) return canonical(value.toDecimalPlaces(0));
    if (stryMutAct_9fa48("2179") ? false : stryMutAct_9fa48("2178") ? true : (stryCov_9fa48("2178", "2179"), abs.gte(1))) return canonical(value.toDecimalPlaces(2));
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
  if (stryMutAct_9fa48("2180")) {
    {}
  } else {
    stryCov_9fa48("2180");
    const nothing = {
      store: false,
      action: 'nothing'
    } as const;
    if (stryMutAct_9fa48("2183") ? verdict.outcome === 'reject' && choice === 'cancel' : stryMutAct_9fa48("2182") ? false : stryMutAct_9fa48("2181") ? true : (stryCov_9fa48("2181", "2182", "2183"), (stryMutAct_9fa48("2185") ? verdict.outcome !== 'reject' : stryMutAct_9fa48("2184") ? false : (stryCov_9fa48("2184", "2185"), verdict.outcome === (stryMutAct_9fa48("2186") ? "" : (stryCov_9fa48("2186"), 'reject')))) || (stryMutAct_9fa48("2188") ? choice !== 'cancel' : stryMutAct_9fa48("2187") ? false : (stryCov_9fa48("2187", "2188"), choice === (stryMutAct_9fa48("2189") ? "" : (stryCov_9fa48("2189"), 'cancel')))))) return nothing;
    if (stryMutAct_9fa48("2192") ? verdict.outcome !== 'accept' : stryMutAct_9fa48("2191") ? false : stryMutAct_9fa48("2190") ? true : (stryCov_9fa48("2190", "2191", "2192"), verdict.outcome === (stryMutAct_9fa48("2193") ? "" : (stryCov_9fa48("2193"), 'accept')))) {
      if (stryMutAct_9fa48("2194")) {
        {}
      } else {
        stryCov_9fa48("2194");
        return (stryMutAct_9fa48("2197") ? choice !== 'store' : stryMutAct_9fa48("2196") ? false : stryMutAct_9fa48("2195") ? true : (stryCov_9fa48("2195", "2196", "2197"), choice === (stryMutAct_9fa48("2198") ? "" : (stryCov_9fa48("2198"), 'store')))) ? stryMutAct_9fa48("2199") ? {} : (stryCov_9fa48("2199"), {
          store: stryMutAct_9fa48("2200") ? false : (stryCov_9fa48("2200"), true),
          event: null,
          clearNextRollover: stryMutAct_9fa48("2201") ? true : (stryCov_9fa48("2201"), false)
        }) : nothing;
      }
    }
    const {
      rollover,
      replacement,
      typo
    } = verdict.options;
    switch (choice) {
      case stryMutAct_9fa48("2203") ? "" : (stryCov_9fa48("2203"), 'store'):
        if (stryMutAct_9fa48("2202")) {} else {
          stryCov_9fa48("2202");
          return stryMutAct_9fa48("2204") ? {} : (stryCov_9fa48("2204"), {
            store: stryMutAct_9fa48("2205") ? false : (stryCov_9fa48("2205"), true),
            event: null,
            clearNextRollover: stryMutAct_9fa48("2206") ? true : (stryCov_9fa48("2206"), false)
          });
        }
      case stryMutAct_9fa48("2208") ? "" : (stryCov_9fa48("2208"), 'rollover'):
        if (stryMutAct_9fa48("2207")) {} else {
          stryCov_9fa48("2207");
          return rollover ? stryMutAct_9fa48("2209") ? {} : (stryCov_9fa48("2209"), {
            store: stryMutAct_9fa48("2210") ? false : (stryCov_9fa48("2210"), true),
            event: stryMutAct_9fa48("2211") ? "" : (stryCov_9fa48("2211"), 'rollover'),
            clearNextRollover: rollover.clearNextRollover
          }) : nothing;
        }
      case stryMutAct_9fa48("2213") ? "" : (stryCov_9fa48("2213"), 'replacement'):
        if (stryMutAct_9fa48("2212")) {} else {
          stryCov_9fa48("2212");
          return replacement ? stryMutAct_9fa48("2214") ? {} : (stryCov_9fa48("2214"), {
            store: stryMutAct_9fa48("2215") ? true : (stryCov_9fa48("2215"), false),
            action: stryMutAct_9fa48("2216") ? "" : (stryCov_9fa48("2216"), 'askReplacement')
          }) : nothing;
        }
      case stryMutAct_9fa48("2218") ? "" : (stryCov_9fa48("2218"), 'typo'):
        if (stryMutAct_9fa48("2217")) {} else {
          stryCov_9fa48("2217");
          return typo ? stryMutAct_9fa48("2219") ? {} : (stryCov_9fa48("2219"), {
            store: stryMutAct_9fa48("2220") ? true : (stryCov_9fa48("2220"), false),
            action: stryMutAct_9fa48("2221") ? "" : (stryCov_9fa48("2221"), 'revalidate'),
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
  if (stryMutAct_9fa48("2222")) {
    {}
  } else {
    stryCov_9fa48("2222");
    const zone = stryMutAct_9fa48("2223") ? options.timeZone && 'Asia/Bangkok' : (stryCov_9fa48("2223"), options.timeZone ?? (stryMutAct_9fa48("2224") ? "" : (stryCov_9fa48("2224"), 'Asia/Bangkok')));
    const n = formatNumber;
    const u = stryMutAct_9fa48("2225") ? () => undefined : (stryCov_9fa48("2225"), (() => {
      const u = (value: string) => unit ? stryMutAct_9fa48("2226") ? `` : (stryCov_9fa48("2226"), `${n(value)} ${unit}`) : n(value);
      return u;
    })());
    const day = stryMutAct_9fa48("2227") ? () => undefined : (stryCov_9fa48("2227"), (() => {
      const day = (at: Date) => formatDay(at, language, zone);
      return day;
    })());
    const time = stryMutAct_9fa48("2228") ? () => undefined : (stryCov_9fa48("2228"), (() => {
      const time = (at: Date) => formatDayTime(at, language, zone);
      return time;
    })());
    const th = stryMutAct_9fa48("2231") ? language !== 'th' : stryMutAct_9fa48("2230") ? false : stryMutAct_9fa48("2229") ? true : (stryCov_9fa48("2229", "2230", "2231"), language === (stryMutAct_9fa48("2232") ? "" : (stryCov_9fa48("2232"), 'th')));
    switch (problem.code) {
      case stryMutAct_9fa48("2234") ? "" : (stryCov_9fa48("2234"), 'belowMin'):
        if (stryMutAct_9fa48("2233")) {} else {
          stryCov_9fa48("2233");
          return th ? stryMutAct_9fa48("2235") ? `` : (stryCov_9fa48("2235"), `${u(problem.value)} ต่ำกว่าค่าต่ำสุดที่ตั้งไว้สำหรับมิเตอร์นี้ (${u(problem.limit)}) กรุณาตรวจตัวเลขแล้วส่งใหม่อีกครั้ง`) : stryMutAct_9fa48("2236") ? `` : (stryCov_9fa48("2236"), `${u(problem.value)} is below the lowest value allowed for this meter (${u(problem.limit)}). Please check the number and send it again.`);
        }
      case stryMutAct_9fa48("2238") ? "" : (stryCov_9fa48("2238"), 'aboveMax'):
        if (stryMutAct_9fa48("2237")) {} else {
          stryCov_9fa48("2237");
          return th ? stryMutAct_9fa48("2239") ? `` : (stryCov_9fa48("2239"), `${u(problem.value)} สูงกว่าค่าสูงสุดที่ตั้งไว้สำหรับมิเตอร์นี้ (${u(problem.limit)}) กรุณาตรวจตัวเลขแล้วส่งใหม่อีกครั้ง`) : stryMutAct_9fa48("2240") ? `` : (stryCov_9fa48("2240"), `${u(problem.value)} is above the highest value allowed for this meter (${u(problem.limit)}). Please check the number and send it again.`);
        }
      case stryMutAct_9fa48("2242") ? "" : (stryCov_9fa48("2242"), 'tooManyDigits'):
        if (stryMutAct_9fa48("2241")) {} else {
          stryCov_9fa48("2241");
          return th ? stryMutAct_9fa48("2243") ? `` : (stryCov_9fa48("2243"), `${n(problem.value)} มีหลักมากเกินกว่าที่มิเตอร์ ${problem.digits} หลักจะแสดงได้ (ค่าต้องน้อยกว่า ${n(problem.limit)}) กรุณาตรวจตัวเลขอีกครั้ง หรือแก้จำนวนหลักด้วยคำสั่ง set … digits`) : stryMutAct_9fa48("2244") ? `` : (stryCov_9fa48("2244"), `${n(problem.value)} has more digits than this ${problem.digits}-digit meter can show (readings stay below ${n(problem.limit)}). Please check the number, or change the size with "set … digits".`);
        }
      case stryMutAct_9fa48("2246") ? "" : (stryCov_9fa48("2246"), 'negative'):
        if (stryMutAct_9fa48("2245")) {} else {
          stryCov_9fa48("2245");
          return th ? stryMutAct_9fa48("2247") ? `` : (stryCov_9fa48("2247"), `ค่านี้ติดลบไม่ได้ (${u(problem.value)}) กรุณาส่งตัวเลขตามที่เห็นบนมิเตอร์`) : stryMutAct_9fa48("2248") ? `` : (stryCov_9fa48("2248"), `This can't be negative (${u(problem.value)}). Please send the number as the meter shows it.`);
        }
      case stryMutAct_9fa48("2250") ? "" : (stryCov_9fa48("2250"), 'future'):
        if (stryMutAct_9fa48("2249")) {} else {
          stryCov_9fa48("2249");
          return th ? stryMutAct_9fa48("2251") ? `` : (stryCov_9fa48("2251"), `เวลา ${time(problem.takenAt)} ยังมาไม่ถึง กรุณาตรวจวันและเวลาอีกครั้ง หรือไม่ต้องใส่เวลาเพื่อบันทึกเป็นเวลาปัจจุบัน`) : stryMutAct_9fa48("2252") ? `` : (stryCov_9fa48("2252"), `${time(problem.takenAt)} is in the future. Please check the date and time, or leave them out to record the reading as of now.`);
        }
      case stryMutAct_9fa48("2254") ? "" : (stryCov_9fa48("2254"), 'duplicate'):
        if (stryMutAct_9fa48("2253")) {} else {
          stryCov_9fa48("2253");
          return th ? stryMutAct_9fa48("2255") ? `` : (stryCov_9fa48("2255"), `${u(problem.value)} เวลา ${time(problem.takenAt)} บันทึกไว้แล้ว ไม่ต้องส่งซ้ำ`) : stryMutAct_9fa48("2256") ? `` : (stryCov_9fa48("2256"), `${u(problem.value)} at ${time(problem.takenAt)} is already recorded, so there is nothing to add.`);
        }
      case stryMutAct_9fa48("2258") ? "" : (stryCov_9fa48("2258"), 'sameTimeDifferentValue'):
        if (stryMutAct_9fa48("2257")) {} else {
          stryCov_9fa48("2257");
          return th ? stryMutAct_9fa48("2259") ? `` : (stryCov_9fa48("2259"), `เวลา ${time(problem.takenAt)} มีค่าที่บันทึกไว้แล้วคือ ${u(problem.existing)} ถ้าต้องการแก้เป็น ${n(problem.value)} ให้ใช้คำสั่ง fix กับค่านั้น (ดูได้จาก history)`) : stryMutAct_9fa48("2260") ? `` : (stryCov_9fa48("2260"), `There is already a reading at ${time(problem.takenAt)}: ${u(problem.existing)}. To change it to ${n(problem.value)}, use "fix" on that reading (see "history").`);
        }
      case stryMutAct_9fa48("2262") ? "" : (stryCov_9fa48("2262"), 'lowerThanPrevious'):
        if (stryMutAct_9fa48("2261")) {} else {
          stryCov_9fa48("2261");
          return th ? stryMutAct_9fa48("2263") ? `` : (stryCov_9fa48("2263"), `${n(problem.value)} น้อยกว่าค่าครั้งก่อน ${u(problem.previous)} (${day(problem.previousAt)}) มิเตอร์หมุนครบรอบ มีการเปลี่ยนมิเตอร์ใหม่ หรือพิมพ์ผิดหรือเปล่า`) : stryMutAct_9fa48("2264") ? `` : (stryCov_9fa48("2264"), `${n(problem.value)} is lower than the last reading ${u(problem.previous)} (${day(problem.previousAt)}). Did the meter roll over, was it replaced, or is it a typo?`);
        }
      case stryMutAct_9fa48("2266") ? "" : (stryCov_9fa48("2266"), 'higherThanNext'):
        if (stryMutAct_9fa48("2265")) {} else {
          stryCov_9fa48("2265");
          {
            if (stryMutAct_9fa48("2267")) {
              {}
            } else {
              stryCov_9fa48("2267");
              const range = problem.previous ? th ? stryMutAct_9fa48("2268") ? `` : (stryCov_9fa48("2268"), ` ค่าย้อนหลังต้องอยู่ระหว่าง ${n(problem.previous)} ถึง ${n(problem.next)}`) : stryMutAct_9fa48("2269") ? `` : (stryCov_9fa48("2269"), ` A backdated reading must lie between ${n(problem.previous)} and ${n(problem.next)}.`) : stryMutAct_9fa48("2270") ? "Stryker was here!" : (stryCov_9fa48("2270"), '');
              return th ? stryMutAct_9fa48("2271") ? `` : (stryCov_9fa48("2271"), `${n(problem.value)} มากกว่าค่าครั้งถัดไป ${u(problem.next)} (${day(problem.nextAt)})${range} กรุณาตรวจตัวเลขหรือวันที่อีกครั้ง`) : stryMutAct_9fa48("2272") ? `` : (stryCov_9fa48("2272"), `${n(problem.value)} is higher than the later reading ${u(problem.next)} (${day(problem.nextAt)}).${range} Please check the number or the date.`);
            }
          }
        }
      case stryMutAct_9fa48("2274") ? "" : (stryCov_9fa48("2274"), 'rateTooHigh'):
        if (stryMutAct_9fa48("2273")) {} else {
          stryCov_9fa48("2273");
          return describeRate(problem, th, u, day);
        }
      case stryMutAct_9fa48("2276") ? "" : (stryCov_9fa48("2276"), 'zeroAfterPositive'):
        if (stryMutAct_9fa48("2275")) {} else {
          stryCov_9fa48("2275");
          return th ? stryMutAct_9fa48("2277") ? `` : (stryCov_9fa48("2277"), `ค่า 0 หลังจาก ${u(problem.previous)} (${day(problem.previousAt)}) มักเกิดจากหน้าจอมิเตอร์ดับหรือเปลี่ยนมิเตอร์ใหม่ มิเตอร์แสดง 0 จริงหรือเปล่า`) : stryMutAct_9fa48("2278") ? `` : (stryCov_9fa48("2278"), `0 after ${u(problem.previous)} (${day(problem.previousAt)}) often means a blank display or a new meter. Does the meter really show 0?`);
        }
      case stryMutAct_9fa48("2280") ? "" : (stryCov_9fa48("2280"), 'allNines'):
        if (stryMutAct_9fa48("2279")) {} else {
          stryCov_9fa48("2279");
          return th ? stryMutAct_9fa48("2281") ? `` : (stryCov_9fa48("2281"), `${n(problem.value)} (เลข 9 ทุกหลัก) มักเป็นค่าที่มิเตอร์แสดงเมื่อมีข้อผิดพลาด ใช่ค่าที่อ่านได้จริงหรือเปล่า`) : stryMutAct_9fa48("2282") ? `` : (stryCov_9fa48("2282"), `${n(problem.value)} (all nines) is often what a meter shows when something is wrong. Is it the real reading?`);
        }
      case stryMutAct_9fa48("2284") ? "" : (stryCov_9fa48("2284"), 'likelyTypo'):
        if (stryMutAct_9fa48("2283")) {} else {
          stryCov_9fa48("2283");
          return th ? stryMutAct_9fa48("2285") ? `` : (stryCov_9fa48("2285"), `หมายถึง ${n(problem.suggestion)} หรือเปล่า ค่า ${n(problem.value)} ห่างจากค่าที่คาดไว้ (ประมาณ ${u(problem.expected)}) มาก`) : stryMutAct_9fa48("2286") ? `` : (stryCov_9fa48("2286"), `Did you mean ${n(problem.suggestion)}? ${n(problem.value)} is far from the expected ~${u(problem.expected)}.`);
        }
    }
  }
}
function describeRate(problem: Extract<Problem, {
  code: 'rateTooHigh';
}>, th: boolean, u: (value: string) => string, day: (at: Date) => string): string {
  if (stryMutAct_9fa48("2287")) {
    {}
  } else {
    stryCov_9fa48("2287");
    const days = new Dec(problem.days);
    const span = th ? days.lt(1) ? stryMutAct_9fa48("2288") ? "" : (stryCov_9fa48("2288"), 'ในเวลาไม่ถึงหนึ่งวัน') : stryMutAct_9fa48("2289") ? `` : (stryCov_9fa48("2289"), `ใน ${formatNumber(problem.days)} วัน`) : days.lt(1) ? stryMutAct_9fa48("2290") ? "" : (stryCov_9fa48("2290"), 'less than a day') : stryMutAct_9fa48("2291") ? `` : (stryCov_9fa48("2291"), `${formatNumber(problem.days)} ${days.eq(1) ? stryMutAct_9fa48("2292") ? "" : (stryCov_9fa48("2292"), 'day') : stryMutAct_9fa48("2293") ? "" : (stryCov_9fa48("2293"), 'days')}`);
    const neighbour = stryMutAct_9fa48("2294") ? `` : (stryCov_9fa48("2294"), `${u(problem.other)}, ${day(problem.otherAt)}`);
    const thNeighbour = stryMutAct_9fa48("2295") ? `` : (stryCov_9fa48("2295"), `${u(problem.other)} เมื่อ ${day(problem.otherAt)}`);
    if (stryMutAct_9fa48("2297") ? false : stryMutAct_9fa48("2296") ? true : (stryCov_9fa48("2296", "2297"), th)) {
      if (stryMutAct_9fa48("2298")) {
        {}
      } else {
        stryCov_9fa48("2298");
        const what = (stryMutAct_9fa48("2301") ? problem.interval !== 'sincePrevious' : stryMutAct_9fa48("2300") ? false : stryMutAct_9fa48("2299") ? true : (stryCov_9fa48("2299", "2300", "2301"), problem.interval === (stryMutAct_9fa48("2302") ? "" : (stryCov_9fa48("2302"), 'sincePrevious')))) ? stryMutAct_9fa48("2303") ? `` : (stryCov_9fa48("2303"), `ถ้าเป็น ${u(problem.value)} แปลว่าใช้ไป ${u(problem.usage)} ${span} นับจากค่าครั้งก่อน (${thNeighbour})`) : stryMutAct_9fa48("2304") ? `` : (stryCov_9fa48("2304"), `ถ้าเป็น ${u(problem.value)} จะเหลือการใช้ ${u(problem.usage)} ${span} ก่อนถึงค่าครั้งถัดไป (${thNeighbour})`);
        const limit = (stryMutAct_9fa48("2307") ? problem.limitFrom !== 'history' : stryMutAct_9fa48("2306") ? false : stryMutAct_9fa48("2305") ? true : (stryCov_9fa48("2305", "2306", "2307"), problem.limitFrom === (stryMutAct_9fa48("2308") ? "" : (stryCov_9fa48("2308"), 'history')))) ? stryMutAct_9fa48("2309") ? `` : (stryCov_9fa48("2309"), `มากกว่าปกติมาก (ปกติไม่เกินประมาณ ${u(problem.limit)} ต่อวัน)`) : stryMutAct_9fa48("2310") ? `` : (stryCov_9fa48("2310"), `เกินขีดจำกัดของมิเตอร์นี้ที่ ${u(problem.limit)} ต่อวัน`);
        return stryMutAct_9fa48("2311") ? `` : (stryCov_9fa48("2311"), `${what} ซึ่ง${limit} ตัวเลขนี้ถูกต้องไหม`);
      }
    }
    const what = (stryMutAct_9fa48("2314") ? problem.interval !== 'sincePrevious' : stryMutAct_9fa48("2313") ? false : stryMutAct_9fa48("2312") ? true : (stryCov_9fa48("2312", "2313", "2314"), problem.interval === (stryMutAct_9fa48("2315") ? "" : (stryCov_9fa48("2315"), 'sincePrevious')))) ? stryMutAct_9fa48("2316") ? `` : (stryCov_9fa48("2316"), `${u(problem.value)} would mean ${u(problem.usage)} used in ${span} since the last reading (${neighbour})`) : stryMutAct_9fa48("2317") ? `` : (stryCov_9fa48("2317"), `${u(problem.value)} would leave ${u(problem.usage)} used in ${span} before the next reading (${neighbour})`);
    const limit = (stryMutAct_9fa48("2320") ? problem.limitFrom !== 'history' : stryMutAct_9fa48("2319") ? false : stryMutAct_9fa48("2318") ? true : (stryCov_9fa48("2318", "2319", "2320"), problem.limitFrom === (stryMutAct_9fa48("2321") ? "" : (stryCov_9fa48("2321"), 'history')))) ? stryMutAct_9fa48("2322") ? `` : (stryCov_9fa48("2322"), `far more than usual (up to about ${u(problem.limit)} a day)`) : stryMutAct_9fa48("2323") ? `` : (stryCov_9fa48("2323"), `more than this meter's limit of ${u(problem.limit)} a day`);
    return stryMutAct_9fa48("2324") ? `` : (stryCov_9fa48("2324"), `${what}, ${limit}. Is it right?`);
  }
}

/** Thousands separators on a decimal string, without ever going through a float. */
export function formatNumber(value: string): string {
  if (stryMutAct_9fa48("2325")) {
    {}
  } else {
    stryCov_9fa48("2325");
    const match = (stryMutAct_9fa48("2333") ? /^(-?)(\d+)(\.\D+)?$/ : stryMutAct_9fa48("2332") ? /^(-?)(\d+)(\.\d)?$/ : stryMutAct_9fa48("2331") ? /^(-?)(\d+)(\.\d+)$/ : stryMutAct_9fa48("2330") ? /^(-?)(\D+)(\.\d+)?$/ : stryMutAct_9fa48("2329") ? /^(-?)(\d)(\.\d+)?$/ : stryMutAct_9fa48("2328") ? /^(-)(\d+)(\.\d+)?$/ : stryMutAct_9fa48("2327") ? /^(-?)(\d+)(\.\d+)?/ : stryMutAct_9fa48("2326") ? /(-?)(\d+)(\.\d+)?$/ : (stryCov_9fa48("2326", "2327", "2328", "2329", "2330", "2331", "2332", "2333"), /^(-?)(\d+)(\.\d+)?$/)).exec(value);
    if (stryMutAct_9fa48("2336") ? false : stryMutAct_9fa48("2335") ? true : stryMutAct_9fa48("2334") ? match : (stryCov_9fa48("2334", "2335", "2336"), !match)) return value;
    const [, sign = stryMutAct_9fa48("2337") ? "Stryker was here!" : (stryCov_9fa48("2337"), ''), whole = stryMutAct_9fa48("2338") ? "Stryker was here!" : (stryCov_9fa48("2338"), ''), fraction = stryMutAct_9fa48("2339") ? "Stryker was here!" : (stryCov_9fa48("2339"), '')] = match;
    return stryMutAct_9fa48("2340") ? `` : (stryCov_9fa48("2340"), `${sign}${whole.replace(stryMutAct_9fa48("2346") ? /\B(?=(\d{3})+(?!\D))/g : stryMutAct_9fa48("2345") ? /\B(?=(\d{3})+(?=\d))/g : stryMutAct_9fa48("2344") ? /\B(?=(\D{3})+(?!\d))/g : stryMutAct_9fa48("2343") ? /\B(?=(\d)+(?!\d))/g : stryMutAct_9fa48("2342") ? /\B(?=(\d{3})(?!\d))/g : stryMutAct_9fa48("2341") ? /\B(?!(\d{3})+(?!\d))/g : (stryCov_9fa48("2341", "2342", "2343", "2344", "2345", "2346"), /\B(?=(\d{3})+(?!\d))/g), stryMutAct_9fa48("2347") ? "" : (stryCov_9fa48("2347"), ','))}${fraction}`);
  }
}
function formatDay(at: Date, language: Language, zone: string): string {
  if (stryMutAct_9fa48("2348")) {
    {}
  } else {
    stryCov_9fa48("2348");
    return DateTime.fromJSDate(at, stryMutAct_9fa48("2349") ? {} : (stryCov_9fa48("2349"), {
      zone
    })).setLocale(language).toFormat(stryMutAct_9fa48("2350") ? "" : (stryCov_9fa48("2350"), 'd MMM'));
  }
}
function formatDayTime(at: Date, language: Language, zone: string): string {
  if (stryMutAct_9fa48("2351")) {
    {}
  } else {
    stryCov_9fa48("2351");
    const local = DateTime.fromJSDate(at, stryMutAct_9fa48("2352") ? {} : (stryCov_9fa48("2352"), {
      zone
    })).setLocale(language);
    return (stryMutAct_9fa48("2355") ? language !== 'th' : stryMutAct_9fa48("2354") ? false : stryMutAct_9fa48("2353") ? true : (stryCov_9fa48("2353", "2354", "2355"), language === (stryMutAct_9fa48("2356") ? "" : (stryCov_9fa48("2356"), 'th')))) ? stryMutAct_9fa48("2357") ? `` : (stryCov_9fa48("2357"), `${local.toFormat(stryMutAct_9fa48("2358") ? "" : (stryCov_9fa48("2358"), 'd MMM'))} ${local.toFormat(stryMutAct_9fa48("2359") ? "" : (stryCov_9fa48("2359"), 'HH:mm'))} น.`) : local.toFormat(stryMutAct_9fa48("2360") ? "" : (stryCov_9fa48("2360"), 'd MMM HH:mm'));
  }
}
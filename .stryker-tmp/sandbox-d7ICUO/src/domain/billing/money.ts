/**
 * Exact decimals for money and units. Values travel as decimal strings; every rounding is explicit.
 * Money is rounded to satang (2 decimals) half-up, as Thai utility bills round a line item.
 */
// @ts-nocheck
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

/** Wide enough that products and sums of tariff figures are exact. */
export const Exact = Decimal.clone(stryMutAct_9fa48("297") ? {} : (stryCov_9fa48("297"), {
  precision: 80,
  rounding: Decimal.ROUND_HALF_UP,
  toExpNeg: stryMutAct_9fa48("298") ? +80 : (stryCov_9fa48("298"), -80),
  toExpPos: 80
}));
export type Exact = Decimal;
export const ZERO = new Exact(0);
/** Decimals of a baht amount: satang. */
export const MONEY_SCALE = 2;

/** A decimal string ("4.5", "-0.16", "320") as an exact decimal; RangeError when it is not one. */
export function decimal(value: string): Decimal {
  if (stryMutAct_9fa48("299")) {
    {}
  } else {
    stryCov_9fa48("299");
    if (stryMutAct_9fa48("302") ? false : stryMutAct_9fa48("301") ? true : stryMutAct_9fa48("300") ? /^-?\d+(\.\d+)?$/.test(value) : (stryCov_9fa48("300", "301", "302"), !(stryMutAct_9fa48("310") ? /^-?\d+(\.\D+)?$/ : stryMutAct_9fa48("309") ? /^-?\d+(\.\d)?$/ : stryMutAct_9fa48("308") ? /^-?\d+(\.\d+)$/ : stryMutAct_9fa48("307") ? /^-?\D+(\.\d+)?$/ : stryMutAct_9fa48("306") ? /^-?\d(\.\d+)?$/ : stryMutAct_9fa48("305") ? /^-\d+(\.\d+)?$/ : stryMutAct_9fa48("304") ? /^-?\d+(\.\d+)?/ : stryMutAct_9fa48("303") ? /-?\d+(\.\d+)?$/ : (stryCov_9fa48("303", "304", "305", "306", "307", "308", "309", "310"), /^-?\d+(\.\d+)?$/)).test(value))) {
      if (stryMutAct_9fa48("311")) {
        {}
      } else {
        stryCov_9fa48("311");
        throw new RangeError(stryMutAct_9fa48("312") ? `` : (stryCov_9fa48("312"), `Not a decimal number: ${JSON.stringify(value)}`));
      }
    }
    return new Exact(value);
  }
}

/** Rounded to satang, half-up (away from zero on a tie), as on the utility's bill. */
export function toSatang(value: Decimal): Decimal {
  if (stryMutAct_9fa48("313")) {
    {}
  } else {
    stryCov_9fa48("313");
    return value.toDecimalPlaces(MONEY_SCALE, Decimal.ROUND_HALF_UP);
  }
}

/** A baht amount as a string with exactly two decimals: "1204.97", "38.22", "0.00". */
export function money(value: Decimal): string {
  if (stryMutAct_9fa48("314")) {
    {}
  } else {
    stryCov_9fa48("314");
    const rounded = toSatang(value);
    return (rounded.isZero() ? ZERO : rounded).toFixed(MONEY_SCALE);
  }
}

/** Canonical decimal string for units: plain notation, no trailing zeros, no "-0". */
export function units(value: Decimal): string {
  if (stryMutAct_9fa48("315")) {
    {}
  } else {
    stryCov_9fa48("315");
    return value.isZero() ? stryMutAct_9fa48("316") ? "" : (stryCov_9fa48("316"), '0') : value.toFixed();
  }
}
export function max(a: Decimal, b: Decimal): Decimal {
  if (stryMutAct_9fa48("317")) {
    {}
  } else {
    stryCov_9fa48("317");
    return a.gte(b) ? a : b;
  }
}
export function min(a: Decimal, b: Decimal): Decimal {
  if (stryMutAct_9fa48("318")) {
    {}
  } else {
    stryCov_9fa48("318");
    return a.lte(b) ? a : b;
  }
}
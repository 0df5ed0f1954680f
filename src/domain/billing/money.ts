/**
 * Exact decimals for money and units. Values travel as decimal strings; every rounding is explicit.
 * Money is rounded to satang (2 decimals) half-up, as Thai utility bills round a line item.
 */
import Decimal from 'decimal.js';

/** Wide enough that products and sums of tariff figures are exact. */
export const Exact = Decimal.clone({
  precision: 80,
  rounding: Decimal.ROUND_HALF_UP,
  toExpNeg: -80,
  toExpPos: 80,
});
export type Exact = Decimal;

export const ZERO = new Exact(0);
/** Decimals of a baht amount: satang. */
export const MONEY_SCALE = 2;

/** A decimal string ("4.5", "-0.16", "320") as an exact decimal; RangeError when it is not one. */
export function decimal(value: string): Decimal {
  if (!/^-?\d+(\.\d+)?$/.test(value)) {
    throw new RangeError(`Not a decimal number: ${JSON.stringify(value)}`);
  }
  return new Exact(value);
}

/** Rounded to satang, half-up (away from zero on a tie), as on the utility's bill. */
export function toSatang(value: Decimal): Decimal {
  return value.toDecimalPlaces(MONEY_SCALE, Decimal.ROUND_HALF_UP);
}

/** A baht amount as a string with exactly two decimals: "1204.97", "38.22", "0.00". */
export function money(value: Decimal): string {
  const rounded = toSatang(value);
  return (rounded.isZero() ? ZERO : rounded).toFixed(MONEY_SCALE);
}

/** Canonical decimal string for units: plain notation, no trailing zeros, no "-0". */
export function units(value: Decimal): string {
  return value.isZero() ? '0' : value.toFixed();
}

export function max(a: Decimal, b: Decimal): Decimal {
  return a.gte(b) ? a : b;
}

export function min(a: Decimal, b: Decimal): Decimal {
  return a.lte(b) ? a : b;
}

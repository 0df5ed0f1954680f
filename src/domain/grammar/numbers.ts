// Numbers as people type them: thousands separators, signs, a leading or trailing point.

import { LIMITS } from '../commands';
import { bad, DIGITS, ok, type Result } from './lexer';

// Optional sign; integer part either with correct thousands separators (1,234,567) or plain
// digits; optional fraction. "4521." and ".5" are accepted; "4,52" is not.
const DECIMAL_RE = /^([+-]?)(?:([1-9]\d{0,2}(?:,\d{3})+)|(\d*))(?:\.(\d*))?$/;
// What makes a token an attempt at a number (so `meter 1 = 1e309` is badNumber, not chatter).
export const NUMBERISH_RE = /^[+-]?(?:\.?\d|nan$|inf)/i;

/**
 * A decimal as typed -> canonical decimal string ("00070" -> "70", "4,521.50" -> "4521.5",
 * "-0" -> "0"), or badNumber / tooLarge (> 15 integer digits) / tooPrecise (> 6 decimals).
 */
export function parseDecimal(text: string): Result<string> {
  const m = DECIMAL_RE.exec(text);
  if (!m) return bad('badNumber');
  const intDigits = (m[2] ?? m[3] ?? '').replace(/,/g, '');
  const fracDigits = m[4] ?? '';
  if (intDigits === '' && fracDigits === '') return bad('badNumber');
  const int = intDigits.replace(/^0+/, '');
  const frac = fracDigits.replace(/0+$/, '');
  if (int.length > LIMITS.integerDigits) return bad('tooLarge');
  if (frac.length > LIMITS.decimals) return bad('tooPrecise');
  const sign = m[1] === '-' && (int !== '' || frac !== '') ? '-' : '';
  return ok(`${sign}${int || '0'}${frac ? `.${frac}` : ''}`);
}

/** A positive integer written with digits only, from 1 to `max`; else null. */
export function smallInt(text: string, max: number): number | null {
  if (!DIGITS.test(text) || text.length > 12) return null;
  const n = Number(text);
  return n >= 1 && n <= max ? n : null;
}

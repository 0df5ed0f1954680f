// Meters in a command: `meter 1`, `m1`, `มิเตอร์ที่ 1`, or a name (quoted or not), and which
// names may be written without quotes.

import { LIMITS, type MeterRef, type Problem } from '../commands';
import {
  CHATTER_WORDS,
  COMMAND_WORDS,
  METER_GLUED_RE,
  METER_WORDS,
  matchThaiKeyword,
  NAME_PREFIX_WORDS,
  RESERVED_WORDS,
} from './keywords';
import {
  bad,
  codePoints,
  DIGITS,
  isWord,
  type Match,
  ok,
  type Result,
  type Token,
  tokenize,
} from './lexer';
import { smallInt } from './numbers';

function meterNumber(digits: string): Result<MeterRef> {
  const n = smallInt(digits, LIMITS.meterNumberMax);
  return n === null ? bad('badMeter') : ok({ by: 'number', number: n });
}

/** `meter 1`, `m1`, `m 1`, `มิเตอร์1`, `มิเตอร์ ที่ 1` at toks[i]. */
export function matchMeterNumber(toks: Token[], i: number): Match<MeterRef> | null {
  const tok = toks[i];
  if (!tok || tok.quoted) return null;
  const glued = METER_GLUED_RE.exec(tok.lower);
  if (glued) return { next: i + 1, result: meterNumber(glued[1] ?? '') };
  if (!METER_WORDS.has(tok.lower)) return null;
  let j = i + 1;
  if (tok.lower === 'มิเตอร์' && toks[j]?.lower === 'ที่') j++;
  const num = toks[j];
  if (num && !num.quoted && DIGITS.test(num.text)) {
    return { next: j + 1, result: meterNumber(num.text) };
  }
  return null;
}

// Names may not contain quotes (they delimit names), = @ # : (grammar), or control characters.
export const NAME_FORBIDDEN_RE = /["“”=@#:\p{Cc}]/u;

/**
 * Why `name` cannot be a meter name, or null: empty, over 40 code points, no letter,
 * starts with a combining mark, contains `" “ ” = @ # :` or a control character, or would
 * read as a meter number (`m1`, `meter 2`). `name` is expected normalised (normalizeText).
 */
export function meterNameProblem(name: string): Problem | null {
  if (name === '') return 'missingName';
  if (codePoints(name) > LIMITS.nameLength) return 'nameTooLong';
  if (!/\p{L}/u.test(name) || /^\p{M}/u.test(name) || NAME_FORBIDDEN_RE.test(name))
    return 'badName';
  // "m1" or "meter 2" as a name would always be read as a meter number.
  const toks = tokenize(name);
  const num = matchMeterNumber(toks, 0);
  if (num && num.next === toks.length) return 'badName';
  return null;
}

/**
 * The meter part of a command. `ref` undefined: no tokens. Null: the tokens are not a
 * meter at all (e.g. a 60-character sentence), so the message is treated as chatter.
 * A problem: it clearly tried to name a meter (`meter 0`, `"…41 chars…"`).
 */
type RefParse = { ok: true; ref: MeterRef | undefined } | { ok: false; problem: Problem } | null;

export function parseRef(toks: Token[]): RefParse {
  const first = toks[0];
  if (!first) return { ok: true, ref: undefined };
  const num = matchMeterNumber(toks, 0);
  if (num && num.next === toks.length) {
    return num.result.ok ? { ok: true, ref: num.result.value } : num.result;
  }
  // A lone number after a command keyword is the meter's number in the `meters` list.
  if (toks.length === 1 && !first.quoted && DIGITS.test(first.text)) {
    const n = meterNumber(first.text);
    return n.ok ? { ok: true, ref: n.value } : n;
  }
  const prefixed = toks.length > 1 && isWord(first, NAME_PREFIX_WORDS);
  const nameToks = prefixed ? toks.slice(1) : toks;
  const only = nameToks.length === 1 ? nameToks[0] : undefined;
  if (only?.quoted) {
    const problem = meterNameProblem(only.text);
    return problem ? bad(problem) : { ok: true, ref: { by: 'name', name: only.text } };
  }
  if (nameToks.some((t) => t.quoted || t.text === '=' || t.text === '@')) {
    return prefixed ? bad('badName') : null;
  }
  // `meter 2 <words>` or a keyword among the words: a command read wrong, not a meter's name.
  const misread =
    (prefixed && DIGITS.test(nameToks[0]?.text ?? '')) ||
    nameToks.some((t) => COMMAND_WORDS.has(t.lower) || matchThaiKeyword(t.text) !== null);
  if (misread) return prefixed ? bad('unexpectedText') : null;
  const name = nameToks.map((t) => t.text).join(' ');
  const problem = meterNameProblem(name);
  if (problem) return prefixed ? bad(problem) : null;
  return { ok: true, ref: { by: 'name', name } };
}

/** The meter of a command that needs one. */
export function requiredRef(toks: Token[]): Result<MeterRef> | null {
  const ref = parseRef(toks);
  if (!ref) return null;
  if (!ref.ok) return ref;
  return ref.ref ? ok(ref.ref) : bad('missingMeter');
}

/** A single word that reads back as itself; anything else is written in quotes. */
export function isPlainName(name: string): boolean {
  return (
    /^\p{L}[\p{L}\p{M}\p{N}]*$/u.test(name) &&
    meterNameProblem(name) === null &&
    !RESERVED_WORDS.has(name.toLowerCase()) &&
    matchThaiKeyword(name) === null
  );
}

/** A word that `word number` may use as a meter name: a plain name that is not chat talk. */
export function isLooseWord(word: string): boolean {
  return isPlainName(word) && !CHATTER_WORDS.has(word.toLowerCase());
}

// Readings: `meter 1 = 4521 @ yesterday 20:00 # note`, `electric = 4521.5`, `4521`, `electric 4521`.

import { type Command, LIMITS, type MeterRef } from '../commands';
import { MAX_VALUES } from '../values';
import { DAYS_WORDS, MONTH_NAMES, THAI_AGO_TAIL, THAI_AGO_WORDS, TIME_SUFFIXES } from './keywords';
import { bad, codePoints, isSymbol, isWord, malformed, ok, type Result, type Token } from './lexer';
import { isLooseWord, matchMeterNumber, parseRef } from './names';
import { NUMBERISH_RE, parseDecimal } from './numbers';
import { parseTimeSpec } from './time';

// A number written alone (no slash, date or time): a further value after `120/80`.
const PLAIN_NUMBER_RE = /^[+-]?(?:\d[\d,]*\.?\d*|\.\d+)$/;
// Words after a number that make it part of a date or time: `15 Nov`, `3 days ago`, `8 pm`.
const DATE_AFTER = [MONTH_NAMES, DAYS_WORDS, THAI_AGO_WORDS, THAI_AGO_TAIL, TIME_SUFFIXES];

/**
 * The values of a reading from toks[i]: `4521`, `120/80`, `120/80 72`, `120 / 80`.
 * Values in one token are separated by `/`; once a slash has been written, each further plain
 * number is one more value unless a date or time word follows it. Without a slash a second
 * number is not a value: `555 555` is Thai laughter, and `meter 1 = 1 50` a broken number.
 * At most MAX_VALUES; canonical decimals.
 */
export function readValues(
  toks: Token[],
  i: number,
): { result: Result<{ value: string; extra?: string[] }>; next: number } {
  const texts: string[] = [];
  let j = i;
  const first = toks[j];
  if (first) texts.push(...first.text.split('/'));
  j++;
  while (j < toks.length) {
    const tok = toks[j];
    const slash = tok && !tok.quoted && tok.text === '/';
    if (!slash && texts.length === 1) break;
    const number = slash ? toks[j + 1] : tok;
    if (!number || number.quoted || !PLAIN_NUMBER_RE.test(number.text)) break;
    const after = toks[(slash ? j + 1 : j) + 1];
    if (DATE_AFTER.some((words) => isWord(after, words))) break;
    texts.push(number.text);
    j += slash ? 2 : 1;
  }
  if (texts.length > MAX_VALUES) return { result: bad('unexpectedText'), next: j };
  const values: string[] = [];
  for (const text of texts) {
    const value = parseDecimal(text);
    if (!value.ok) return { result: value, next: j };
    values.push(value.value);
  }
  const [value = '', ...extra] = values;
  return { result: ok(extra.length > 0 ? { value, extra } : { value }), next: j };
}

interface NoteSplit {
  body: Token[];
  note?: string;
  noteTooLong: boolean;
}

/** Everything after the first unquoted token that starts with `#` is the note. */
function splitNote(s: string, toks: Token[]): NoteSplit {
  const at = toks.findIndex((t) => !t.quoted && t.text.startsWith('#'));
  const hash = toks[at];
  if (!hash) return { body: toks, noteTooLong: false };
  const note = s.slice(hash.start + 1).trim();
  const tooLong = codePoints(note) > LIMITS.noteLength;
  // Every reader checks noteTooLong before it looks at the note.
  return { body: toks.slice(0, at), note, noteTooLong: tooLong };
}

/** The value, time and note after `meter 1` or `name =`; any failure is malformed. */
function finishReading(meter: MeterRef, rest: Token[], split: NoteSplit): Command {
  // `name = …` comes here only with a number after the `=`, so only `meter 1 = …` can have
  // an `=` and no number.
  const hasEquals = isSymbol(rest[0], '=');
  const i = hasEquals ? 1 : 0;
  const tok = rest[i];
  if (!tok || tok.quoted || tok.text === '@' || tok.text === '=') {
    return malformed('reading', 'missingValue', meter);
  }
  if (!NUMBERISH_RE.test(tok.lower)) {
    return malformed('reading', hasEquals ? 'badNumber' : 'missingValue', meter);
  }
  const values = readValues(rest, i);
  if (!values.result.ok) return malformed('reading', values.result.problem, meter);
  const timeToks = rest.slice(values.next);
  const at = timeToks.length > 0 ? parseTimeSpec(timeToks) : undefined;
  if (at && !at.ok) return malformed('reading', at.problem, meter);
  if (split.noteTooLong) return malformed('reading', 'noteTooLong', meter);
  return {
    type: 'reading',
    meter,
    ...values.result.value,
    ...(at ? { at: at.value } : {}),
    ...(split.note ? { note: split.note } : {}),
  };
}

export function parseReading(s: string, toks: Token[]): Command | null {
  const split = splitNote(s, toks);
  const body = split.body;

  // `meter 1 …`: a reading whatever follows.
  const num = matchMeterNumber(body, 0);
  if (num) {
    if (!num.result.ok) return malformed('reading', num.result.problem);
    return finishReading(num.result.value, body.slice(num.next), split);
  }

  // `name = number …`: a reading when the right side is an attempt at a number.
  const eq = body.findIndex((t) => isSymbol(t, '='));
  if (eq > 0) {
    const valueTok = body[eq + 1];
    if (!valueTok || valueTok.quoted || !NUMBERISH_RE.test(valueTok.lower)) return null;
    const ref = parseRef(body.slice(0, eq));
    if (!ref?.ok || ref.ref?.by !== 'name') return null;
    return finishReading(ref.ref, body.slice(eq + 1), split);
  }

  // A bare number, optionally with a time and a note: for one-to-one chats.
  const first = body[0];
  if (first && !first.quoted && /^[+-]?\.?\d/.test(first.text)) {
    const values = readValues(body, 0);
    if (!values.result.ok) {
      return values.result.problem !== 'badNumber' && toks.length === 1
        ? malformed('reading', values.result.problem)
        : null;
    }
    const timeToks = body.slice(values.next);
    const at = timeToks.length > 0 ? parseTimeSpec(timeToks) : undefined;
    if (at && !at.ok) return null;
    if (split.noteTooLong) return malformed('reading', 'noteTooLong');
    return {
      type: 'reading',
      ...values.result.value,
      ...(at ? { at: at.value } : {}),
      ...(split.note ? { note: split.note } : {}),
    };
  }

  // `electric 4521`: exactly one word and a number; `BP 120/80 72`: a word and several values
  // written with a slash.
  const [word, number] = toks;
  const several = toks.length > 2 && number?.text.includes('/');
  if (
    (toks.length === 2 || several) &&
    word &&
    number &&
    isLooseWord(word.text) &&
    !number.quoted
  ) {
    // Text that is not a number fails in readValues (parseDecimal).
    const values = readValues(toks, 1);
    if (values.result.ok && values.next === toks.length) {
      return {
        type: 'reading',
        meter: { by: 'name', name: word.text },
        ...values.result.value,
        loose: true,
      };
    }
  }
  return null;
}

// Readings: `meter 1 = 4521 @ yesterday 20:00 # note`, `electric = 4521.5`, `4521`, `electric 4521`.

import { type Command, LIMITS, type MeterRef } from '../commands';
import { codePoints, isSymbol, malformed, type Token } from './lexer';
import { isLooseWord, matchMeterNumber, parseRef } from './names';
import { NUMBERISH_RE, parseDecimal } from './numbers';
import { parseTimeSpec } from './time';

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
  return { body: toks.slice(0, at), ...(note && !tooLong ? { note } : {}), noteTooLong: tooLong };
}

/** The value, time and note after `meter 1` or `name =`; any failure is malformed. */
function finishReading(
  meter: MeterRef,
  rest: Token[],
  split: NoteSplit,
  explicitEquals: boolean,
): Command {
  const hasEquals = explicitEquals || isSymbol(rest[0], '=');
  const i = isSymbol(rest[0], '=') ? 1 : 0;
  const tok = rest[i];
  if (!tok || tok.quoted || tok.text === '@' || tok.text === '=') {
    return malformed('reading', 'missingValue', meter);
  }
  if (!NUMBERISH_RE.test(tok.lower)) {
    return malformed('reading', hasEquals ? 'badNumber' : 'missingValue', meter);
  }
  const value = parseDecimal(tok.text);
  if (!value.ok) return malformed('reading', value.problem, meter);
  const timeToks = rest.slice(i + 1);
  const at = timeToks.length > 0 ? parseTimeSpec(timeToks) : undefined;
  if (at && !at.ok) return malformed('reading', at.problem, meter);
  if (split.noteTooLong) return malformed('reading', 'noteTooLong', meter);
  return {
    type: 'reading',
    meter,
    value: value.value,
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
    return finishReading(num.result.value, body.slice(num.next), split, false);
  }

  // `name = number …`: a reading when the right side is an attempt at a number.
  const eq = body.findIndex((t) => isSymbol(t, '='));
  if (eq > 0) {
    const valueTok = body[eq + 1];
    if (!valueTok || valueTok.quoted || !NUMBERISH_RE.test(valueTok.lower)) return null;
    const ref = parseRef(body.slice(0, eq));
    if (!ref?.ok || ref.ref?.by !== 'name') return null;
    return finishReading(ref.ref, body.slice(eq + 1), split, true);
  }

  // A bare number, optionally with a time and a note: for one-to-one chats.
  const first = body[0];
  if (first && !first.quoted && /^[+-]?\.?\d/.test(first.text)) {
    const value = parseDecimal(first.text);
    if (!value.ok) {
      return value.problem !== 'badNumber' && toks.length === 1
        ? malformed('reading', value.problem)
        : null;
    }
    const timeToks = body.slice(1);
    const at = timeToks.length > 0 ? parseTimeSpec(timeToks) : undefined;
    if (at && !at.ok) return null;
    if (split.noteTooLong) return malformed('reading', 'noteTooLong');
    return {
      type: 'reading',
      value: value.value,
      ...(at ? { at: at.value } : {}),
      ...(split.note ? { note: split.note } : {}),
    };
  }

  // `electric 4521`: exactly one word and a number.
  const [word, number] = toks;
  if (toks.length === 2 && word && number && isLooseWord(word.text) && !number.quoted) {
    const value = /^[+-]?\.?\d/.test(number.text) ? parseDecimal(number.text) : null;
    if (value?.ok) {
      return {
        type: 'reading',
        meter: { by: 'name', name: word.text },
        value: value.value,
        loose: true,
      };
    }
  }
  return null;
}

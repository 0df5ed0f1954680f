// Lexing: the canonical text every parse starts from (Thai and full-width digits, full-width
// symbols, invisible spaces), the message's language, tokens, and the result helpers the
// parsers share.

import type { Command, MalformedTopic, MeterRef, Problem } from '../commands';
import type { Language } from '../types';

// ---------------------------------------------------------------------------
// Normalisation and language

/**
 * The canonical form every parse starts from: NFKC (full-width letters, digits and
 * `＝＃＠：－．` become ASCII, `℃` becomes `°C`, `m³` becomes `m3`), Thai digits to
 * ASCII, U+2212 minus to `-`, invisible zero-width spaces removed, whitespace collapsed,
 * trimmed. Case is kept (names keep the user's case). Idempotent.
 */
export function normalizeText(text: string): string {
  return (
    text
      .normalize('NFKC')
      // NFKC splits Thai SARA AM (ำ) into NIKHAHIT + SARA AA; put it back so "น้ำ" stays as typed.
      .replace(/\u0E4D\u0E32/g, '\u0E33')
      .replace(/[\u0E50-\u0E59]/g, (d) => String(d.charCodeAt(0) - 0x0e50))
      .replace(/\u2212/g, '-')
      // Thai text often carries invisible word breaks; the user does not see them as spaces.
      .replace(/[\u200B\u2060\uFEFF]/g, '')
      .replace(/\s+/g, ' ')
      .trim()
  );
}

export const THAI_LETTER = /[\u0E01-\u0E3A\u0E40-\u0E4E]/;
const LATIN_LETTER = /\p{Script=Latin}/u;

/** 'th' when the text has Thai letters, 'en' when it has Latin letters only, else null. */
export function detectLanguage(text: string): Language | null {
  if (THAI_LETTER.test(text)) return 'th';
  if (LATIN_LETTER.test(text)) return 'en';
  return null;
}

// ---------------------------------------------------------------------------
// Tokenizer

export interface Token {
  /** As typed (quoted: the inside, trimmed). A `:` used as a separator reads as `=`. */
  text: string;
  lower: string;
  /** Offsets in the normalised message. */
  start: number;
  end: number;
  quoted: boolean;
}

// A quoted string, `=`, `@`, a `:` separator, or a run of anything else; a `:` between two
// digits stays inside the run (08:00). A stray quote is a token of its own.
const TOKEN_RE = /"([^"]*)"|“([^”]*)”|”([^”]*)”|[=@:]|(?:[^\s=@:"“”]|(?<=\d):(?=\d))+|["“”]/gu;

export function tokenize(s: string, from = 0): Token[] {
  const tokens: Token[] = [];
  for (const m of s.slice(from).matchAll(TOKEN_RE)) {
    const start = from + m.index;
    const inner = m[1] ?? m[2] ?? m[3];
    const raw = m[0];
    const text = inner !== undefined ? inner.trim() : raw === ':' ? '=' : raw;
    tokens.push({
      text,
      lower: text.toLowerCase(),
      start,
      end: start + raw.length,
      quoted: inner !== undefined,
    });
  }
  return tokens;
}

/** An unquoted token whose lower-case text is one of `words`. */
export function isWord(
  tok: Token | undefined,
  words: ReadonlySet<string> | ReadonlyMap<string, unknown>,
) {
  return tok !== undefined && !tok.quoted && words.has(tok.lower);
}

export function isSymbol(tok: Token | undefined, symbol: '=' | '@'): boolean {
  return tok !== undefined && !tok.quoted && tok.text === symbol;
}

// ---------------------------------------------------------------------------
// Results

export type Result<T> = { ok: true; value: T } | { ok: false; problem: Problem };

export const ok = <T>(value: T): Result<T> => ({ ok: true, value });
export const bad = (problem: Problem): { ok: false; problem: Problem } => ({ ok: false, problem });

export function malformed(topic: MalformedTopic, problem: Problem, meter?: MeterRef): Command {
  return meter
    ? { type: 'malformed', topic, problem, meter }
    : { type: 'malformed', topic, problem };
}

export const codePoints = (s: string): number => [...s].length;
export const DIGITS = /^\d+$/;

export interface Match<T> {
  next: number;
  result: Result<T>;
}

// Which language a message is written in, for the reply. Only words that belong to one
// language decide: `m1 1805`, `whoami`, `link google`, units and role words are written the
// same way by Thai and English speakers, so they leave the person's language as it was.

import type { Language } from '../types';
import { UNITS } from './keywords';
import { normalizeText, THAI_LETTER, tokenize } from './lexer';

/** Latin words Thai speakers type as they are: short forms, loan words, units, roles. */
const SHARED_WORDS = new Set<string>([
  ...['m', 'whoami', 'link', 'unlink', 'google', 'line', 'ok', 'okay'],
  ...['read', 'write', 'admin', 'rate', 'kwh'],
  ...UNITS.keys(),
]);
const SHORT_METER_RE = /^m\d+$/;
const LATIN_WORD_RE = /\p{Script=Latin}/u;

/**
 * 'th' when the message has Thai words, 'en' when it has English words of its own, null when
 * it has neither (numbers, short forms, shared words). Quoted names, notes after `#` and the
 * person after `@Name` do not count: they are names and free text, not the language spoken.
 */
export function messageLanguage(text: string): Language | null {
  const toks = tokenize(normalizeText(text));
  let english = false;
  for (let i = 0; i < toks.length; i++) {
    const tok = toks[i];
    if (!tok || tok.quoted) continue;
    if (tok.text.startsWith('#')) break;
    const next = toks[i + 1];
    // `@Mom` (glued) names a person; `@ yesterday` is a time.
    if (tok.text === '@' && next && next.start === tok.end) break;
    if (THAI_LETTER.test(tok.text)) return 'th';
    const word = tok.lower.replace(/[?!.,]+$/, '');
    if (LATIN_WORD_RE.test(word) && !SHARED_WORDS.has(word) && !SHORT_METER_RE.test(word)) {
      english = true;
    }
  }
  return english ? 'en' : null;
}

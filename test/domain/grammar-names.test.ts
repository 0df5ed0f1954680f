import { describe, expect, it } from 'vitest';
import { parseRemoveLine } from '../../src/domain/grammar/accounts';
import { messageLanguage } from '../../src/domain/grammar/language';
import { normalizeText, tokenize } from '../../src/domain/grammar/lexer';
import {
  isPlainName,
  matchMeterNumber,
  meterNameProblem,
  parseRef,
} from '../../src/domain/grammar/names';

// Meter names and numbers, the language a message is written in, and `remove line #N`, each
// case chosen where a slip in the rule would change what the bot understands.
const toks = (text: string) => tokenize(normalizeText(text));
const byName = (name: string) => ({ ok: true, ref: { by: 'name', name } });

describe('meter numbers', () => {
  it('reads the Thai ordinal "มิเตอร์ ที่ 1", spaced or not, and only after the Thai word', () => {
    const one = { ok: true, value: { by: 'number', number: 1 } };
    expect(matchMeterNumber(toks('มิเตอร์ ที่ 1'), 0)).toEqual({ next: 3, result: one });
    expect(matchMeterNumber(toks('มิเตอร์ที่ 1'), 0)).toEqual({ next: 2, result: one });
    expect(matchMeterNumber(toks('meter ที่ 1'), 0)).toBeNull();
    expect(matchMeterNumber(toks('มิเตอร์ ที่ x'), 0)).toBeNull();
    expect(matchMeterNumber(toks('มิเตอร์'), 0)).toBeNull(); // the word alone, at the end
  });
});

describe('meter names', () => {
  it('names the problem of a name, and lets a name that only starts like a number through', () => {
    expect(meterNameProblem('')).toBe('missingName');
    expect(meterNameProblem('m1')).toBe('badName');
    expect(meterNameProblem('meter 2')).toBe('badName');
    expect(meterNameProblem('m1 kitchen')).toBeNull();
    expect(meterNameProblem('meter 2 garage')).toBeNull();
    expect(meterNameProblem('Kitchen')).toBeNull();
  });

  it('reads a plain word, a prefixed name and a quoted one as names', () => {
    expect(parseRef(toks('Kitchen'))).toEqual(byName('Kitchen'));
    // "meter" alone is a name, not the prefix of an empty one.
    expect(parseRef(toks('meter'))).toEqual(byName('meter'));
    expect(parseRef(toks('meter Kitchen Big'))).toEqual(byName('Kitchen Big'));
    expect(parseRef(toks('meter บ้าน ค่าไฟ'))).toEqual(byName('บ้าน ค่าไฟ'));
    expect(parseRef(toks('"Kitchen"'))).toEqual(byName('Kitchen'));
    // A number first is part of the name unless it stands alone.
    expect(parseRef(toks('5 kitchen'))).toEqual(byName('5 kitchen'));
  });

  it('refuses grammar inside a name after "meter", and treats it as chatter without', () => {
    for (const text of ['Kitchen = 5', 'Kitchen @ 5', 'Kitchen "x"', 'garage usage']) {
      expect({ text, ref: parseRef(toks(text)) }).toEqual({ text, ref: null });
    }
    // = and @ are the grammar's own, whatever follows them.
    for (const text of [
      'meter Kitchen = 5',
      'meter Kitchen @ 5',
      'meter Kitchen "x"',
      'meter Kitchen = usage',
      'meter 2 = 5',
      'meter 2 @ 5',
    ]) {
      expect({ text, ref: parseRef(toks(text)) }).toEqual({
        text,
        ref: { ok: false, problem: 'badName' },
      });
    }
    // A command read wrong: a number or a command word after "meter".
    for (const text of ['meter 2 garage', 'meter garage usage', 'meter บ้าน กราฟ']) {
      expect({ text, ref: parseRef(toks(text)) }).toEqual({
        text,
        ref: { ok: false, problem: 'unexpectedText' },
      });
    }
  });

  it('writes a name plainly only when it reads back as itself', () => {
    expect(isPlainName('Kitchen')).toBe(true);
    expect(isPlainName('m1')).toBe(false); // would read as meter 1
    expect(isPlainName('usage')).toBe(false); // a command word
    expect(isPlainName('บ้าน')).toBe(true);
    expect(isPlainName('กราฟ')).toBe(false); // "chart" in Thai
  });

  it('trims the inside of quotes', () => {
    expect(toks('" Kitchen "').map((t) => [t.text, t.quoted])).toEqual([['Kitchen', true]]);
  });
});

describe('the language of a message', () => {
  it.each([
    ['meter 1 = 5', 'en'],
    ['water 5', 'en'],
    ['help?', 'en'],
    ['Help!', 'en'],
    ['meter1 5 kWh', 'en'],
    ['m1 5 @ yesterday', 'en'],
    // Only punctuation at the end of a word is dropped.
    ['5 k.wh', 'en'],
    ['มิเตอร์ 1 = 5', 'th'],
  ])('%s is %s', (text, language) => {
    expect(messageLanguage(text)).toBe(language);
  });

  it.each([
    'm1 1805',
    'whoami',
    'link google',
    '5 kwh',
    'OK',
    '12',
    '"Kitchen" 5',
    '"บ้าน" 5',
    'm1 5 # note here',
    '@Mom m1 5',
    'm1 5 @Mom',
    '5 kwh?',
    '5 kwh?!',
  ])('%s leaves the language as it was', (text) => {
    expect(messageLanguage(text)).toBeNull();
  });

  it('is Thai as soon as a Thai word comes, whatever English came before', () => {
    expect(messageLanguage('meter 1 = 5 เมื่อวาน')).toBe('th');
    // ...but not a Thai word in a note or a quoted name.
    expect(messageLanguage('meter 1 = 5 # เมื่อวาน')).toBe('en');
    expect(messageLanguage('meter 1 = 5 #เมื่อวาน')).toBe('en');
    // Glued grammar (m1=5) is no "@Name": reading goes on.
    expect(messageLanguage('m1=5 เมื่อวาน')).toBe('th');
    expect(messageLanguage('meter "บ้าน" = 5')).toBe('en');
  });
});

describe('remove line #N', () => {
  it('takes positions from 1, and nothing else', () => {
    expect(parseRemoveLine('remove line 1')).toEqual({ type: 'removeLine', position: 1 });
    expect(parseRemoveLine('remove line #12')).toEqual({ type: 'removeLine', position: 12 });
    expect(parseRemoveLine('remove line 0')).toBeNull();
    expect(parseRemoveLine('hello')).toBeNull();
  });
});

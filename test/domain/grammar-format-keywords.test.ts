import { describe, expect, it } from 'vitest';
import { formatCommand } from '../../src/domain/grammar/format';
import { parseMessage } from '../../src/domain/grammar/index';
import { matchFamily, matchThaiKeyword, nullaryKey } from '../../src/domain/grammar/keywords';
import { normalizeText, tokenize } from '../../src/domain/grammar/lexer';

// The canonical text of a command is what the bot writes back and what its buttons send. The
// round-trip property checks parse(format(c)) = c, which cannot see two spellings that parse
// the same ("@ yesterday" and "@ 1 days ago"); these pin the spelling itself.
const canonical = (text: string) => {
  const command = parseMessage(text);
  if (!command || command.type === 'malformed') throw new Error(`not a command: ${text}`);
  return formatCommand(command);
};

describe('canonical text', () => {
  it.each([
    ['meter 1 = 5 @ today', 'meter 1 = 5 @ today'],
    ['meter 1 = 5 @ 8:00', 'meter 1 = 5 @ 08:00'],
    ['meter 1 = 5 @ yesterday', 'meter 1 = 5 @ yesterday'],
    ['meter 1 = 5 @ yesterday 8:00', 'meter 1 = 5 @ yesterday 08:00'],
    ['m1 5', 'meter 1 = 5'],
    ['Kitchen 5', 'Kitchen 5'],
    ['add meter Power kWh', 'add meter Power kWh'],
    ['add meter Power KWH', 'add meter Power kWh'],
    ['add meter Power blah', 'add meter "Power blah"'],
    ['set meter BP sys range none', 'set BP sys range none'],
    ['set meter BP sys range 70-250', 'set BP sys range 70-250'],
    ['unarchive meter 2', 'unarchive meter 2'],
    ['unarchive Kitchen', 'unarchive Kitchen'],
    ['archived', 'archived'],
  ])('%s is written "%s"', (text, written) => {
    expect(canonical(text)).toBe(written);
    expect(parseMessage(written)).toEqual(parseMessage(text));
  });

  it('quotes a name whose unit is not written the known way, so the unit is not misread', () => {
    // Built by hand: the parser itself always gives the known spelling.
    expect(formatCommand({ type: 'addMeter', name: 'Power', unit: 'KWH' })).toBe(
      'add meter "Power" KWH',
    );
  });
});

describe('command words', () => {
  const toks = (s: string) => tokenize(normalizeText(s));

  it('reads "add" with a kind, with an article before it, and nothing else', () => {
    expect(matchFamily('add gauge Tank', toks('add gauge Tank'))).toEqual({
      family: 'addMeter',
      from: 9,
      kind: 'gauge',
    });
    expect(matchFamily('add a gauge Tank', toks('add a gauge Tank'))).toEqual({
      family: 'addMeter',
      from: 11,
      kind: 'gauge',
    });
    expect(matchFamily('add a meter Kitchen', toks('add a meter Kitchen'))).toEqual({
      family: 'addMeter',
      from: 11,
    });
    // A kind word after anything but "add" (or "add a") adds nothing.
    for (const text of [
      'add',
      'add Kitchen',
      'add a Kitchen',
      'add the gauge Tank',
      'my meter Kitchen',
      'want a meter',
    ]) {
      expect({ text, family: matchFamily(text, toks(text)) }).toEqual({ text, family: null });
    }
  });

  it('never takes a quoted word for a command', () => {
    expect(matchFamily('"history"', toks('"history"'))).toBeNull();
  });

  it('ends a Thai keyword before ล่าสุด or มิเตอร์ glued to it', () => {
    expect(matchThaiKeyword('ลบล่าสุด')).toEqual({ family: 'delete', from: 2 });
    expect(matchThaiKeyword('ลบล่าสุดมิเตอร์1')).toEqual({ family: 'delete', from: 2 });
    expect(matchThaiKeyword('ประวัติล่าสุดมิเตอร์1')).toEqual({ family: 'history', from: 7 });
  });

  it('keys one-word commands without spaces, case or trailing punctuation', () => {
    expect(nullaryKey('Help Me')).toBe('helpme');
    expect(nullaryKey('help?!')).toBe('help');
    expect(nullaryKey('.help')).toBe('.help'); // only punctuation at the end goes
    expect(nullaryKey('?')).toBe('?');
    expect(nullaryKey('??')).toBe('?');
  });
});

import { describe, expect, it } from 'vitest';
import {
  LIMIT_WINDOW_MS,
  LISTED_CHARS,
  limitWindow,
  listedLine,
  worthListing,
} from '../../src/domain/chat-limit';
import type { Command } from '../../src/domain/commands';
import { parseMessage } from '../../src/domain/grammar/parse';

describe('limitWindow', () => {
  it('is the clock minute the timestamp falls in', () => {
    const at = Date.parse('2026-11-15T03:04:27.500Z');
    expect(limitWindow(at)).toEqual({
      start: new Date('2026-11-15T03:04:00.000Z'),
      end: new Date('2026-11-15T03:05:00.000Z'),
    });
  });

  it('starts a new minute on the minute, not a millisecond before', () => {
    const minute = Date.parse('2026-11-15T03:05:00.000Z');
    expect(limitWindow(minute).start).toEqual(new Date(minute));
    expect(limitWindow(minute - 1).end).toEqual(new Date(minute));
    expect(LIMIT_WINDOW_MS).toBe(60_000);
  });
});

describe('worthListing', () => {
  const listed = (text: string) => worthListing(parseMessage(text));

  it('lists what would have changed something: a reading, an undo, a malformed reading', () => {
    expect(listed('meter 1 = 4521')).toBe(true);
    expect(listed('undo')).toBe(true);
    // "meter 1 = 45 21" was meant to record something too.
    expect(listed('meter 1 = 45 21')).toBe(true);
  });

  it('only counts chatter, questions, a malformed question and a message too long to read', () => {
    expect(listed('hello there')).toBe(false);
    expect(listed('history')).toBe(false);
    expect(listed('usage meter 1 banana')).toBe(false);
    expect(listed('x'.repeat(3000))).toBe(false);
  });

  it('counts every command that only shows something', () => {
    const readOnly = [
      'listMeters',
      'history',
      'usage',
      'chart',
      'access',
      'audit',
      'listArchived',
      'linkGoogle',
      'whoami',
      'help',
      'bill',
    ] as const;
    for (const type of readOnly) {
      expect(worthListing({ type } as Command), type).toBe(false);
      const malformed = { type: 'malformed', topic: type, problem: 'unexpectedText' } as Command;
      expect(worthListing(malformed), `malformed ${type}`).toBe(false);
    }
  });
});

describe('listedLine', () => {
  it('puts the message on one line, each run of spaces and line breaks as one space', () => {
    expect(listedLine('  meter 1\n=\t\t4521 \r\n')).toBe('meter 1 = 4521');
  });

  it(`keeps a line of ${LISTED_CHARS} characters whole and cuts a longer one to as many`, () => {
    const full = 'a'.repeat(LISTED_CHARS);
    expect(listedLine(full)).toBe(full);
    const cut = listedLine(`${full}b`);
    expect(cut).toBe(`${'a'.repeat(LISTED_CHARS - 1)}…`);
    expect(cut).toHaveLength(LISTED_CHARS);
  });
});

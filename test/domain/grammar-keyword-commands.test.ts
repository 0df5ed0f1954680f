import { describe, expect, it } from 'vitest';
import type { Command, MeterRef } from '../../src/domain/commands';
import { parseMessage } from '../../src/domain/grammar';

// The commands that start with a keyword (src/domain/grammar/keyword-commands.ts), each case
// chosen where a slip in the parser would change what the bot reads from the message: the
// exact command, the exact problem, or null (chatter the bot does not answer).

const named = (name: string): MeterRef => ({ by: 'name', name });
const bad = (topic: string, problem: string, meter?: MeterRef) =>
  ({ type: 'malformed', topic, problem, ...(meter ? { meter } : {}) }) as Command;

/** Each message with what it parses to, so a failure names the message. */
const expectReadings = (cases: ReadonlyArray<readonly [string, Command | null]>) => {
  for (const [text, expected] of cases) {
    expect({ text, command: parseMessage(text) }).toStrictEqual({ text, command: expected });
  }
};

describe('a meter part that is no meter at all makes the whole message chatter', () => {
  it('answers null for history, access, export, import, usage, share, unshare, fix, set and new when `=` stands inside the meter part', () => {
    expectReadings([
      ['history kitchen = 5', null],
      ['access kitchen = 5', null],
      ['export kitchen = 5', null],
      ['import kitchen = 5', null],
      ['usage kitchen = 5', null],
      ['share Kitchen = 5', null],
      ['unshare kitchen = 5', null],
      ['unshare kitchen = #2', null],
      ['fix kitchen = #2 5', null],
      ['set kitchen = x sys range 1-2', null],
      ['new kitchen = 5 final 1 initial 0', null],
    ]);
  });

  it('answers null for fix, delete and photo with no reading marker and a quoted word after a name', () => {
    expectReadings([
      ['fix kitchen "x" = 5', null],
      ['delete kitchen "x"', null],
      ['photo kitchen "x"', null],
    ]);
  });
});

describe('usage', () => {
  it('reports a meter number out of range, with or without a month', () => {
    expectReadings([
      ['usage meter 0', bad('usage', 'badMeter')],
      ['usage meter 0 2025-01', bad('usage', 'badMeter')],
    ]);
  });
});

describe('chart', () => {
  it('reads "monthly" as the mode, after a meter or alone', () => {
    expectReadings([
      ['chart monthly', { type: 'chart', mode: 'monthly' }],
      ['chart kitchen monthly', { type: 'chart', meter: named('kitchen'), mode: 'monthly' }],
    ]);
  });

  it('reads a plain name as the meter, and a number before it as part of the name', () => {
    expectReadings([
      ['chart kitchen', { type: 'chart', meter: named('kitchen'), mode: 'monthly' }],
      // A number is a period only when a month or year word follows it.
      ['chart 5 kitchen', { type: 'chart', meter: named('5 kitchen'), mode: 'monthly' }],
    ]);
  });

  it('takes one period only: an earlier period is left to the meter part', () => {
    // "3 months" cannot be a meter name, so the message is chatter.
    expectReadings([['chart 3 months 2 months', null]]);
    // "6months" can: it is the meter, and the last period counts.
    expectReadings([
      [
        'chart 6months 3months',
        { type: 'chart', meter: named('6months'), mode: 'monthly', months: 3 },
      ],
    ]);
  });

  it('reads a quoted "6months" as a meter name, not as a period', () => {
    expectReadings([
      ['chart "6months"', { type: 'chart', meter: named('6months'), mode: 'monthly' }],
    ]);
  });

  it('counts a glued or spaced period in years as twelve months each', () => {
    expectReadings([
      ['chart 2years', { type: 'chart', mode: 'monthly', months: 24 }],
      [
        'chart kitchen 2 years',
        { type: 'chart', meter: named('kitchen'), mode: 'monthly', months: 24 },
      ],
    ]);
  });

  it('allows up to 60 months, however written, and refuses more', () => {
    expectReadings([
      ['chart 5 years', { type: 'chart', mode: 'monthly', months: 60 }],
      ['chart 60 months', { type: 'chart', mode: 'monthly', months: 60 }],
      ['chart 6 years', bad('chart', 'badMonths')],
      ['chart 61 months', bad('chart', 'badMonths')],
    ]);
  });

  it('reports a meter number out of range', () => {
    expectReadings([['chart meter 0', bad('chart', 'badMeter')]]);
  });
});

describe('share', () => {
  it('asks for the meter when the message starts with the member', () => {
    expectReadings([['share @Bob', bad('share', 'missingMeter')]]);
  });

  it('reads a role word alone, with no meter, as chatter rather than a missing meter', () => {
    expectReadings([
      ['share read', null],
      ['share admin', null],
    ]);
  });

  it('drops a connector word only between the meter and an @member', () => {
    expectReadings([
      ['share Kitchen with @Bob', { type: 'share', meter: named('Kitchen'), member: '@Bob' }],
      // Without an @member the word stays in the meter's name.
      ['share Kitchen with', { type: 'share', meter: named('Kitchen with') }],
      // A connector alone before the @ is the meter's name: nothing would be left of it.
      ['share with @Bob', { type: 'share', meter: named('with'), member: '@Bob' }],
    ]);
  });

  it('refuses `=` in the member', () => {
    expectReadings([['share Kitchen @Bob = 5', bad('share', 'unexpectedText', named('Kitchen'))]]);
  });

  it('takes a member of up to 100 characters, the @ included, and refuses a longer one', () => {
    const ninetyNine = 'b'.repeat(99);
    expectReadings([
      [
        `share Kitchen @${ninetyNine}`,
        { type: 'share', meter: named('Kitchen'), member: `@${ninetyNine}` },
      ],
      [`share Kitchen @${ninetyNine}b`, bad('share', 'nameTooLong', named('Kitchen'))],
    ]);
  });
});

describe('unshare', () => {
  it('removes entry #N of the access list, from 1, with the number glued or after a space', () => {
    expectReadings([
      ['unshare kitchen #1', { type: 'unshare', meter: named('kitchen'), entry: 1 }],
      ['unshare kitchen # 2', { type: 'unshare', meter: named('kitchen'), entry: 2 }],
    ]);
  });

  it('refuses an entry that is missing, not a number, or followed by more text', () => {
    const badEntry = bad('unshare', 'badEntry', named('kitchen'));
    expectReadings([
      ['unshare kitchen #', badEntry],
      ['unshare kitchen #x', badEntry],
      ['unshare kitchen #0', badEntry],
      ['unshare kitchen #2 extra', badEntry],
      ['unshare kitchen #2 3', badEntry],
    ]);
  });

  it('asks for the meter before an entry, and reports a meter number out of range', () => {
    expectReadings([
      ['unshare #2', bad('unshare', 'missingMeter')],
      ['unshare meter 0 #2', bad('unshare', 'badMeter')],
      ['unshare meter 0', bad('unshare', 'badMeter')],
    ]);
  });

  it('asks for the member after a lone @', () => {
    expectReadings([['unshare kitchen @', bad('unshare', 'missingMember', named('kitchen'))]]);
  });

  it('takes no role: a role word after the meter leaves the message chatter', () => {
    expectReadings([['unshare Kitchen admin', null]]);
  });
});

describe('fix', () => {
  it('asks for the reading when `=` comes straight after the keyword', () => {
    expectReadings([['fix = 5', bad('fix', 'missingReading')]]);
  });

  it('reports a meter number out of range before the reading', () => {
    expectReadings([['fix meter 0 #2 = 5', bad('fix', 'badMeter')]]);
  });

  it('reads a second `=` or an `@` where the value belongs as a missing value', () => {
    expectReadings([
      ['fix #2 = = 5', bad('fix', 'missingValue')],
      ['fix #2 @ 5', bad('fix', 'missingValue')],
    ]);
  });
});

describe('set <meter> <value> range', () => {
  const range = (min: string | null, max: string | null) =>
    ({ type: 'setValueRange', meter: named('BP'), value: 'sys', min, max }) as Command;
  const badRange = bad('setMeter', 'badRange', named('BP'));

  it('reads `low - high` and `low to high` written apart', () => {
    expectReadings([
      ['set BP sys range 70 - 250', range('70', '250')],
      ['set BP sys range 70 to 250', range('70', '250')],
    ]);
  });

  it('refuses a range with a word too many, too few, or the wrong word between', () => {
    expectReadings([
      ['set BP sys range none 5', badRange],
      ['set BP sys range 70-250 x', badRange],
      ['set BP sys range 70 to', badRange],
      ['set BP sys range 70 to 250 x', badRange],
      ['set BP sys range 70 x 250', badRange],
    ]);
  });

  it('refuses a quoted bound', () => {
    expectReadings([['set BP sys range "70" to 250', badRange]]);
  });

  it('reports a bound that is not a number', () => {
    expectReadings([
      ['set BP sys range 1.2.3-5', bad('setMeter', 'badNumber', named('BP'))],
      ['set BP sys range 1-5.5.5', bad('setMeter', 'badNumber', named('BP'))],
    ]);
  });

  it('refuses a quoted value name, or one that does not start with a letter', () => {
    expectReadings([
      ['set BP "sys" range 1-2', bad('setMeter', 'badValueNames', named('BP'))],
      ['set BP 1sys range 1-2', bad('setMeter', 'badValueNames', named('BP'))],
    ]);
  });

  it('asks for the meter when "range" comes first, and reports a meter number out of range', () => {
    expectReadings([
      ['set range 70-250', bad('setMeter', 'missingMeter')],
      ['set meter 0 sys range 1-2', bad('setMeter', 'badMeter')],
    ]);
  });
});

describe('set <meter> min|max|rate', () => {
  const kitchen = named('kitchen');

  it('refuses a word that is not a setting, quoted or not', () => {
    expectReadings([
      ['set kitchen min 1 foo 5', bad('setMeter', 'unexpectedText', kitchen)],
      ['set kitchen min 1 "max" 5', bad('setMeter', 'unexpectedText', kitchen)],
    ]);
  });

  it('reads "rate" after "max" as the max rate, and not after "min"', () => {
    expectReadings([
      ['set kitchen max rate 5', { type: 'setMeter', meter: kitchen, maxRate: '5' }],
      ['set kitchen min rate 5', bad('setMeter', 'badNumber', kitchen)],
    ]);
  });

  it('asks for the value when the message ends at a setting, or has `=` or `@` in its place', () => {
    expectReadings([
      ['set kitchen max', bad('setMeter', 'missingValue', kitchen)],
      ['set kitchen min = = 5', bad('setMeter', 'missingValue', kitchen)],
      ['set kitchen min @ 5', bad('setMeter', 'missingValue', kitchen)],
    ]);
  });

  it('takes "per day" and "/day" after a rate only', () => {
    const rate = { type: 'setMeter', meter: kitchen, maxRate: '5' } as Command;
    expectReadings([
      ['set kitchen rate 5 per day', rate],
      ['set kitchen rate 5 /day', rate],
      ['set kitchen rate 5 ต่อวัน', rate],
      ['set kitchen min 5 per day', bad('setMeter', 'unexpectedText', kitchen)],
      ['set kitchen min 5 /day', bad('setMeter', 'unexpectedText', kitchen)],
    ]);
  });

  it('refuses "per" without "day", and "day" after another word', () => {
    expectReadings([
      ['set kitchen rate 5 per', bad('setMeter', 'unexpectedText', kitchen)],
      ['set kitchen rate 5 x day', bad('setMeter', 'unexpectedText', kitchen)],
      ['set kitchen min 5 x day', bad('setMeter', 'unexpectedText', kitchen)],
    ]);
  });
});

describe('new <meter> final … initial …', () => {
  const kitchen = named('kitchen');
  const missingValue = bad('replaceMeter', 'missingValue', kitchen);

  it('reads `=` after final and initial', () => {
    expectReadings([
      [
        'new kitchen final = 5 initial = 0',
        { type: 'replaceMeter', meter: kitchen, final: '5', initial: '0' },
      ],
    ]);
  });

  it('asks for a value that is missing, not a number, or quoted, and for both values', () => {
    expectReadings([
      ['new kitchen final', missingValue],
      ['new kitchen final x initial 0', missingValue],
      ['new kitchen final "5" initial 0', missingValue],
      ['new kitchen initial 0', missingValue],
      ['new kitchen final 5', missingValue],
      ['new kitchen @ yesterday', missingValue],
    ]);
  });

  it('refuses the same value twice', () => {
    expectReadings([
      ['new kitchen final 5 final 6 initial 0', bad('replaceMeter', 'duplicateSetting', kitchen)],
    ]);
  });

  it('reads a quoted keyword as the start of the time, which then cannot be read', () => {
    expectReadings([
      ['new kitchen final 5 "initial" 0', bad('replaceMeter', 'unexpectedText', kitchen)],
    ]);
  });

  it('reports a time that cannot be read', () => {
    expectReadings([
      ['new kitchen final 5 initial 0 @ 99:99', bad('replaceMeter', 'badTime', kitchen)],
    ]);
  });
});

describe('add meter', () => {
  it('takes up to six value names, and refuses seven', () => {
    expectReadings([
      [
        'add gauge BP values a b c d e f',
        {
          type: 'addMeter',
          name: 'BP',
          kind: 'gauge',
          values: ['a', 'b', 'c', 'd', 'e', 'f'].map((name) => ({ name })),
        },
      ],
      ['add gauge BP values a b c d e f g', bad('addMeter', 'badValueNames')],
    ]);
  });

  it('tells value names apart as lower case, as `set … range` finds them: ss and ß are two', () => {
    expectReadings([
      [
        'add gauge BP values ss ß',
        { type: 'addMeter', name: 'BP', kind: 'gauge', values: [{ name: 'ss' }, { name: 'ß' }] },
      ],
      ['add gauge BP values sys SYS', bad('addMeter', 'badValueNames')],
    ]);
  });

  it('reads a first "values" as the name, and only a later one as the start of value names', () => {
    expectReadings([
      [
        'add meter values values sys dia',
        { type: 'addMeter', name: 'values', values: [{ name: 'sys' }, { name: 'dia' }] },
      ],
    ]);
  });

  it('reads a lone unit word as the name, not as a unit', () => {
    expectReadings([['add meter kWh', { type: 'addMeter', name: 'kWh' }]]);
  });

  it('refuses a quoted word inside an unquoted name', () => {
    expectReadings([['add meter Kitchen "Big"', bad('addMeter', 'badName')]]);
  });

  it('reports `=` or `@` in an unquoted name as a bad name, even in a name too long', () => {
    const long = 'a'.repeat(40);
    expectReadings([
      [`add meter ${long} = 5`, bad('addMeter', 'badName')],
      [`add meter ${long} @ 5`, bad('addMeter', 'badName')],
    ]);
  });

  it('takes a unit of up to 20 characters after a quoted name, without `#`', () => {
    expectReadings([
      [
        'add meter "Kitchen" abcdefghijklmnopqrst',
        { type: 'addMeter', name: 'Kitchen', unit: 'abcdefghijklmnopqrst' },
      ],
      ['add meter "Kitchen" abcdefghijklmnopqrstu', bad('addMeter', 'badUnit')],
      ['add meter "Kitchen" k#h', bad('addMeter', 'badUnit')],
    ]);
  });
});

import Decimal from 'decimal.js';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { MeterRef, ReadingRef, TimeSpec, WellFormedCommand } from '../../src/domain/commands';
import {
  canonicalUnit,
  detectLanguage,
  formatCommand,
  meterNameProblem,
  normalizeText,
  parseDecimal,
  parseMessage,
} from '../../src/domain/grammar';
import { propertyRuns } from '../helpers/property-runs';
import { GRAMMAR_CASES } from './grammar-cases';

describe('parseMessage: the grammar table', () => {
  it('has at least 120 cases', () => {
    expect(GRAMMAR_CASES.length).toBeGreaterThanOrEqual(120);
  });

  it.each(GRAMMAR_CASES.map(([text, expected]) => [text.slice(0, 80), text, expected] as const))(
    '%s',
    (_label, text, expected) => {
      expect(parseMessage(text)).toStrictEqual(expected);
    },
  );

  it('every well-formed command in the table formats back to itself', () => {
    for (const [, expected] of GRAMMAR_CASES) {
      if (!expected || expected.type === 'malformed') continue;
      expect(parseMessage(formatCommand(expected))).toStrictEqual(expected);
    }
  });
});

describe('parseMessage: limits', () => {
  // Speed is measured in bench/, not asserted here; these pin the answers at the size limits.
  it('answers a 10,000-character message as too long, without parsing it', () => {
    const huge = `meter 1 = ${'4'.repeat(10_000)} ${'มิเตอร์ '.repeat(1000)}`;
    expect(parseMessage(huge)).toStrictEqual({
      type: 'malformed',
      topic: 'tooLong',
      problem: 'tooLong',
    });
  });

  it('parses a message just under the cap, and refuses its over-long note', () => {
    const text = `meter 1 = 4521 # ${'ก้'.repeat(490)}`;
    expect(text.length).toBeLessThanOrEqual(1000);
    expect(parseMessage(text)).toMatchObject({ type: 'malformed', problem: 'noteTooLong' });
  });
});

describe('normalizeText', () => {
  it.each([
    ['มิเตอร์ ๑ = ๔๕๒๑', 'มิเตอร์ 1 = 4521'],
    ['ｍ１＝４５２１', 'm1=4521'],
    ['＃＠：－．', '#@:-.'],
    ['  a \t\n b  ', 'a b'],
    ['Water', 'Water'],
    ['น้ำ', 'น้ำ'],
    ['x\u200By', 'xy'],
    ['5 ℃', '5 °C'],
  ])('%s', (input, expected) => {
    expect(normalizeText(input)).toBe(expected);
  });

  it('is idempotent', () => {
    fc.assert(
      fc.property(anyText, (text) => {
        const once = normalizeText(text);
        expect(normalizeText(once)).toBe(once);
      }),
    );
  });
});

describe('detectLanguage', () => {
  it.each([
    ['มิเตอร์ 1 = 4521', 'th'],
    ['meter 1 = 4521', 'en'],
    ['ｍｅｔｅｒ', 'en'],
    ['4521', null],
    ['๔๕๒๑', null],
    ['🎉', null],
    ['', null],
  ] as const)('%s -> %s', (text, expected) => {
    expect(detectLanguage(text)).toBe(expected);
  });
});

describe('parseDecimal', () => {
  it('canonicalises any way of writing the same number', () => {
    fc.assert(
      fc.property(
        fc.boolean(),
        fc.bigInt({ min: 0n, max: 10n ** 15n - 1n }),
        fc.integer({ min: 0, max: 999_999 }),
        fc.nat({ max: 3 }),
        fc.nat({ max: 3 }),
        fc.boolean(),
        (negative, int, frac, leadingZeros, trailingZeros, separators) => {
          const fracText = String(frac).padStart(6, '0');
          const grouped = separators ? int.toLocaleString('en-US') : String(int);
          const text = `${negative ? '-' : ''}${'0'.repeat(separators ? 0 : leadingZeros)}${grouped}.${fracText}${'0'.repeat(trailingZeros)}`;
          const parsed = parseDecimal(text);
          expect(parsed.ok).toBe(true);
          if (!parsed.ok) return;
          const expected = new Decimal(`${negative ? '-' : ''}${int}.${fracText}`);
          expect(new Decimal(parsed.value).equals(expected)).toBe(true);
          // canonical: what Decimal itself would print, with no exponent
          expect(parsed.value).toBe(expected.isZero() ? '0' : expected.toFixed());
        },
      ),
    );
  });
});

// ---------------------------------------------------------------------------
// Property tests

const THAI = 'กขคงจฉชซญดตถทธนบปผพฟภมยรลวศสหอฮะาิีึืุูเแโใไๆ่้๊๋็์ำ';
const LATIN = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZéüßñ';
const SYMBOLS = `0123456789๐๑๒๓๔๕๖๗๘๙０１２３４５６７８９＝＃＠：－．，=#@:-.,/"“”'+*()?!%°℃³ \t\u00A0\u200B\u3000🎉👍🏽`;
const FULLWIDTH = 'ａｂｃｍＭ＝＃＠：－．';

const charFrom = (chars: string) => fc.constantFrom(...[...chars]);
const VOCAB = [
  'meter',
  'm1',
  'm',
  'มิเตอร์',
  'มิเตอร์1',
  '=',
  '@',
  '#',
  '#12',
  'last',
  'yesterday',
  'เมื่อวาน',
  '2026-11-01',
  '1/11/2569',
  '08:00',
  '8.30',
  'add',
  'meter',
  'gauge',
  'history',
  'fix',
  'delete',
  'ลบ',
  'แก้',
  'set',
  'min',
  'max',
  'digits',
  'rate',
  'none',
  'new',
  'final',
  'initial',
  'usage',
  'chart',
  'readings',
  'months',
  'share',
  'unshare',
  '@Mom',
  'read',
  'write',
  'admin',
  'access',
  'audit',
  'archive',
  'link',
  'google',
  'help',
  '"Water tank"',
  '"',
  '4521',
  '4,521.5',
  '-0',
  '1e309',
  'NaN',
  'kWh',
  'm3',
  'เพิ่มมิเตอร์',
  'ประวัติ',
  'กราฟ',
  'แชร์',
  'ตั้งค่า',
  'เปลี่ยน',
  'ค่าสุดท้าย',
  'ต่ำสุด',
];

/** Text made of grammar words, numbers, Thai, full-width and odd characters. */
const grammarish = fc
  .array(
    fc.oneof(
      fc.constantFrom(...VOCAB),
      fc.string({ unit: charFrom(THAI + LATIN + SYMBOLS + FULLWIDTH), maxLength: 6 }),
      fc.integer({ min: -5, max: 100_000 }).map(String),
    ),
    { maxLength: 10 },
  )
  .chain((words) => fc.constantFrom(words.join(' '), words.join(''), words.join('  ')));

const anyText = fc.oneof(
  fc.string(),
  fc.string({ unit: 'grapheme', maxLength: 200 }),
  fc.string({ unit: 'binary', maxLength: 200 }),
  fc.string({ unit: charFrom(THAI + SYMBOLS), maxLength: 40 }),
  grammarish,
);

describe('parseMessage: properties', () => {
  it('never throws, and returns null or a command', () => {
    fc.assert(
      fc.property(anyText, (text) => {
        const result = parseMessage(text);
        expect(result === null || typeof result.type === 'string').toBe(true);
      }),
      { numRuns: propertyRuns(3000) },
    );
  });

  it('whatever it understood, it writes back in a form it understands the same way', () => {
    // Mostly commands as people type them (a formatted command, re-cased, re-spaced or padded),
    // some noise: random text alone is almost never a command, and the property needs commands.
    const typed = fc
      .tuple(commandArb, fc.constantFrom('as is', 'upper', 'lower', 'spaced', 'padded'))
      .map(([command, how]) => {
        const text = formatCommand(command);
        if (how === 'upper') return text.toUpperCase();
        if (how === 'lower') return text.toLowerCase();
        if (how === 'spaced') return text.replaceAll(' ', '  ');
        if (how === 'padded') return `  ${text}\n`;
        return text;
      });
    const runs = propertyRuns(3000);
    let understood = 0;
    fc.assert(
      fc.property(
        fc.oneof({ weight: 4, arbitrary: typed }, { weight: 1, arbitrary: anyText }),
        (text) => {
          const command = parseMessage(text);
          if (!command || command.type === 'malformed') return;
          understood++;
          expect(parseMessage(formatCommand(command))).toStrictEqual(command);
        },
      ),
      { numRuns: runs },
    );
    // The interesting branch: a well-formed command was read and written back.
    expect(understood).toBeGreaterThan(runs * 0.6);
  });

  it('reads back every command it formats', () => {
    fc.assert(
      fc.property(commandArb, (command) => {
        const text = formatCommand(command);
        expect(parseMessage(text), text).toStrictEqual(command);
      }),
      { numRuns: propertyRuns(3000) },
    );
  });
});

// ---------------------------------------------------------------------------
// Arbitrary commands (as the parser would produce them: normalised, canonical)

const word = fc.oneof(
  { weight: 4, arbitrary: fc.string({ unit: charFrom(LATIN + THAI), minLength: 1, maxLength: 8 }) },
  {
    weight: 2,
    arbitrary: fc.string({
      unit: charFrom(`${LATIN}${THAI}0123456789๑-'.&()/+%°³ＡＢ🎉`),
      minLength: 1,
      maxLength: 8,
    }),
  },
  {
    weight: 1,
    arbitrary: fc.constantFrom(
      'meter',
      'm',
      'm1',
      'last',
      'min',
      'readings',
      'read',
      'yesterday',
      'kWh',
      'history',
      'ลบx',
      'มิเตอร์',
      'มิเตอร์1',
      'เปลี่ยนมิเตอร์',
      'with',
      '12',
      '2026-10',
      'months',
      '3',
    ),
  },
);

const nameArb = fc
  .array(word, { minLength: 1, maxLength: 4 })
  .map((words) => normalizeText(words.join(' ')))
  .filter((name) => meterNameProblem(name) === null);

const meterArb: fc.Arbitrary<MeterRef> = fc.oneof(
  fc.integer({ min: 1, max: 999 }).map((number) => ({ by: 'number' as const, number })),
  nameArb.map((name) => ({ by: 'name' as const, name })),
);

const decimalArb = fc
  .stringMatching(/^-?(0|[1-9][0-9]{0,14})(\.[0-9]{0,5}[1-9])?$/)
  .filter((s) => s !== '-0');
const nonNegativeDecimalArb = decimalArb.map((s) => s.replace(/^-/, ''));

const timeArb = fc
  .tuple(fc.integer({ min: 0, max: 23 }), fc.integer({ min: 0, max: 59 }))
  .map(([h, m]) => `${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}`);

const dateArb = fc
  .tuple(
    fc.integer({ min: 1900, max: 2199 }),
    fc.integer({ min: 1, max: 12 }),
    fc.integer({ min: 1, max: 31 }),
  )
  .map(([y, m, d]) => {
    const last = new Date(Date.UTC(y, m, 0)).getUTCDate();
    return `${y}-${String(m).padStart(2, '0')}-${String(Math.min(d, last)).padStart(2, '0')}`;
  });

const timeSpecArb: fc.Arbitrary<TimeSpec> = fc.oneof(
  fc.record(
    { kind: fc.constant('date' as const), date: dateArb, time: timeArb },
    { requiredKeys: ['kind', 'date'] },
  ),
  fc.record(
    {
      kind: fc.constant('daysAgo' as const),
      days: fc.integer({ min: 0, max: 3650 }),
      time: timeArb,
    },
    { requiredKeys: ['kind', 'days'] },
  ),
);

const noteArb = fc
  .oneof(
    fc.string({ unit: 'grapheme', minLength: 1, maxLength: 60 }),
    fc.string({ unit: charFrom(THAI + LATIN + SYMBOLS + FULLWIDTH), minLength: 1, maxLength: 60 }),
    fc.string({ unit: 'grapheme', minLength: 190, maxLength: 210 }),
  )
  .map(normalizeText)
  .filter((note) => note !== '' && [...note].length <= 200);

const ROLE_WORD = /(^|\s)(read|view|อ่าน|ดู|write|เขียน|บันทึก|จด|admin|แอดมิน|ผู้ดูแล)$/i;
const memberArb = fc
  .array(
    fc.string({ unit: charFrom(`${LATIN}${THAI}0123456789._-🎉`), minLength: 1, maxLength: 8 }),
    {
      minLength: 1,
      maxLength: 3,
    },
  )
  .map((words) => `@${normalizeText(words.join(' '))}`)
  .filter((member) => member.length > 1 && !(member.includes(' ') && ROLE_WORD.test(member)));

const unitArb = fc
  .oneof(
    fc.constantFrom('kWh', 'm³', 'L', '°C', 'mmHg', 'km', 'หน่วย', 'ลิตร', 'ลบ.ม.', '%'),
    fc.string({ unit: charFrom(`${LATIN}${THAI}0123456789/%°.-`), minLength: 1, maxLength: 20 }),
  )
  .map(normalizeText)
  .filter((unit) => unit !== '' && !unit.includes(' ') && canonicalUnit(unit) === unit);

const readingRefArb: fc.Arbitrary<ReadingRef> = fc.oneof(
  fc.record({ meter: meterArb, which: fc.constant('last' as const) }, { requiredKeys: ['which'] }),
  fc.record(
    {
      meter: meterArb,
      which: fc.constant('number' as const),
      number: fc.integer({ min: 1, max: 999_999_999 }),
    },
    { requiredKeys: ['which', 'number'] },
  ),
);

const monthArb = fc
  .tuple(fc.integer({ min: 1900, max: 2199 }), fc.integer({ min: 1, max: 12 }))
  .map(([y, m]) => `${y}-${String(m).padStart(2, '0')}`);

const settingArb = <T>(value: fc.Arbitrary<T>) => fc.option(value, { nil: null });

const setMeterArb = fc
  .record(
    {
      type: fc.constant('setMeter' as const),
      meter: meterArb,
      min: settingArb(decimalArb),
      max: settingArb(decimalArb),
      digits: settingArb(fc.integer({ min: 1, max: 12 })),
      maxRate: settingArb(nonNegativeDecimalArb),
    },
    { requiredKeys: ['type', 'meter'] },
  )
  .filter(
    (c) =>
      (c.min !== undefined ||
        c.max !== undefined ||
        c.digits !== undefined ||
        c.maxRate !== undefined) &&
      !(
        typeof c.min === 'string' &&
        typeof c.max === 'string' &&
        new Decimal(c.min).greaterThan(c.max)
      ),
  );

const shareArb = fc.oneof(
  fc.record(
    {
      type: fc.constant('share' as const),
      meter: meterArb,
      role: fc.constantFrom('read' as const, 'write' as const),
    },
    { requiredKeys: ['type', 'meter'] },
  ),
  fc.record(
    {
      type: fc.constant('share' as const),
      meter: meterArb,
      member: memberArb,
      role: fc.constantFrom('read' as const, 'write' as const, 'admin' as const),
    },
    { requiredKeys: ['type', 'meter', 'member'] },
  ),
);

// fc.record with optional keys builds null-prototype objects; the parser builds plain ones.
const plain = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T;

const commandArb: fc.Arbitrary<WellFormedCommand> = fc
  .oneof(
    fc.record(
      {
        type: fc.constant('reading' as const),
        meter: meterArb,
        value: decimalArb,
        at: timeSpecArb,
        note: noteArb,
      },
      { requiredKeys: ['type', 'value'] },
    ),
    fc.record({
      type: fc.constant('reading' as const),
      meter: fc
        .constantFrom('electric', 'Water', 'ไฟฟ้า', 'น้ำ', 'Gas', 'Solar2')
        .map((name) => ({ by: 'name' as const, name })),
      value: decimalArb,
      loose: fc.constant(true as const),
    }),
    fc.record(
      {
        type: fc.constant('addMeter' as const),
        name: nameArb,
        unit: unitArb,
        kind: fc.constantFrom('cumulative' as const, 'gauge' as const, 'delta' as const),
      },
      { requiredKeys: ['type', 'name'] },
    ),
    fc.constant({ type: 'listMeters' as const }),
    fc.record(
      { type: fc.constant('history' as const), meter: meterArb },
      { requiredKeys: ['type'] },
    ),
    fc.constant({ type: 'undo' as const }),
    fc.record({ type: fc.constant('fix' as const), target: readingRefArb, value: decimalArb }),
    fc.record({ type: fc.constant('delete' as const), target: readingRefArb }),
    setMeterArb,
    fc.record(
      {
        type: fc.constant('replaceMeter' as const),
        meter: meterArb,
        final: decimalArb,
        initial: decimalArb,
        at: timeSpecArb,
      },
      { requiredKeys: ['type', 'meter', 'final', 'initial'] },
    ),
    fc.record(
      { type: fc.constant('usage' as const), meter: meterArb, month: monthArb },
      { requiredKeys: ['type'] },
    ),
    fc.record(
      {
        type: fc.constant('chart' as const),
        meter: meterArb,
        mode: fc.constantFrom('monthly' as const, 'readings' as const),
        months: fc.integer({ min: 1, max: 60 }),
      },
      { requiredKeys: ['type', 'mode'] },
    ),
    shareArb,
    fc.record(
      { type: fc.constant('unshare' as const), meter: meterArb, member: memberArb },
      { requiredKeys: ['type', 'meter'] },
    ),
    fc.record({
      type: fc.constantFrom('access' as const, 'audit' as const, 'archive' as const),
      meter: meterArb,
    }),
    fc.constantFrom<WellFormedCommand>(
      { type: 'linkGoogle' },
      { type: 'unlinkGoogle' },
      { type: 'whoami' },
      { type: 'help' },
    ),
  )
  .map(plain);

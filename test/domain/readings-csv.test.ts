import { parse } from 'csv-parse/sync';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  type CsvReading,
  parseImportTime,
  parseReadingsCsv,
  readingsCsv,
} from '../../src/domain/readings-csv';

const ZONE = 'Asia/Bangkok';
const reading = (over: Partial<CsvReading>): CsvReading => ({
  takenAt: new Date('2026-01-20T01:00:00Z'),
  value: '4100',
  unit: 'kWh',
  note: null,
  who: 'you',
  number: 1,
  status: 'current',
  event: null,
  ...over,
});

describe('readingsCsv', () => {
  it('writes RFC 4180 with a BOM, CRLF line ends, a header and quoted cells', () => {
    const csv = readingsCsv(
      [
        reading({ note: 'bill, "estimated"' }),
        reading({
          takenAt: new Date('2026-02-10T01:00:00.250Z'),
          value: '-4.5',
          note: 'ค่าไฟ',
          who: 'Som, Jr',
          number: 2,
          status: 'deleted',
          event: 'rollover',
        }),
      ],
      ZONE,
    );
    expect(csv).toBe(
      '\uFEFFtime,value,unit,note,who,number,status,event\r\n' +
        '2026-01-20T08:00:00+07:00,4100,kWh,"bill, ""estimated""",you,1,current,\r\n' +
        '2026-02-10T08:00:00.250+07:00,-4.5,kWh,ค่าไฟ,"Som, Jr",2,deleted,rollover\r\n',
    );
  });

  it('puts an apostrophe before a text cell a spreadsheet would run as a formula', () => {
    const csv = readingsCsv(
      [reading({ note: '=HYPERLINK("x")', who: '@Mom', unit: '+kWh' })],
      ZONE,
    );
    const [, row] = parse(csv, { bom: true }) as string[][];
    expect([row![2], row![3], row![4]]).toEqual(["'+kWh", '\'=HYPERLINK("x")', "'@Mom"]);
    // A note that already starts with an apostrophe before a formula reads back as written.
    for (const note of ["'=x", "''+1", "'plain", '=x']) {
      const back = parseReadingsCsv(readingsCsv([reading({ note })], ZONE), ZONE, 10);
      expect(back.ok && back.value.rows[0]?.note).toBe(note);
    }
    // Negative values stay numbers.
    const rows = parse(readingsCsv([reading({ value: '-3' })], ZONE), { bom: true }) as string[][];
    expect(rows[1]?.[1]).toBe('-3');
  });

  it('quotes a line break inside a note', () => {
    const csv = readingsCsv([reading({ note: 'a\nb' })], ZONE);
    expect(csv).toContain(',"a\nb",');
  });
});

describe('parseImportTime', () => {
  it.each([
    ['2026-01-20T08:00:00+07:00', '2026-01-20T01:00:00.000Z'],
    ['2026-01-20T01:00:00Z', '2026-01-20T01:00:00.000Z'],
    ['2026-01-20T08:00+0700', '2026-01-20T01:00:00.000Z'],
    ['2026-01-20T08:00:00.250+07:00', '2026-01-20T01:00:00.250Z'],
    ['2026-01-20 08:00', '2026-01-20T01:00:00.000Z'],
    ['2026-01-20', '2026-01-20T05:00:00.000Z'],
    ['2569-01-20 08:00', '2026-01-20T01:00:00.000Z'],
    ['15/11/2569 08:30', '2026-11-15T01:30:00.000Z'],
    ['5/1/2026', '2026-01-05T05:00:00.000Z'],
  ])('%s is %s', (text, iso) => {
    expect(parseImportTime(text, ZONE)?.toISOString()).toBe(iso);
  });

  it.each(['2026-02-30', '2026-13-01', '31/04/2026', '2026-01-20 25:00', 'yesterday', '', '1/2'])(
    'refuses %s',
    (text) => {
      expect(parseImportTime(text, ZONE)).toBeNull();
    },
  );
});

describe('parseReadingsCsv', () => {
  it('reads time,value[,note] without a header, naming each refused line', () => {
    const result = parseReadingsCsv(
      '2026-01-01 08:00,100\n2026-01-02 08:00,1e5\n\nsoon,5\n2026-01-03 08:00,101,hello\n2026-01-04,1.1234567\n',
      ZONE,
      100,
    );
    expect(result).toEqual({
      ok: true,
      value: {
        rows: [
          { line: 1, takenAt: new Date('2026-01-01T01:00:00Z'), value: '100', note: null },
          { line: 5, takenAt: new Date('2026-01-03T01:00:00Z'), value: '101', note: 'hello' },
        ],
        rejected: [
          { line: 2, problem: 'badValue' },
          { line: 4, problem: 'badTime' },
          { line: 6, problem: 'tooPrecise' },
        ],
        skipped: 0,
      },
    });
  });

  it("reads the export's own columns: skips corrected and deleted rows, refuses register events", () => {
    const csv = readingsCsv(
      [
        reading({ note: '=1+1' }),
        reading({ number: 2, status: 'corrected' }),
        reading({ number: 3, status: 'deleted' }),
        reading({ number: 4, takenAt: new Date('2026-02-01T01:00:00Z'), event: 'rollover' }),
      ],
      ZONE,
    );
    const result = parseReadingsCsv(csv, ZONE, 100);
    expect(result).toEqual({
      ok: true,
      value: {
        rows: [{ line: 2, takenAt: new Date('2026-01-20T01:00:00Z'), value: '4100', note: '=1+1' }],
        rejected: [{ line: 5, problem: 'registerEvent' }],
        skipped: 2,
      },
    });
  });

  it('reads Thai headers, semicolons with decimal commas, and refuses a long note', () => {
    const long = 'ก'.repeat(201);
    const result = parseReadingsCsv(
      `หมายเหตุ;เวลา;ค่า\nบิล;2569-01-01 08:00;100,5\n${long};2569-01-02 08:00;101\n`,
      ZONE,
      100,
    );
    expect(result).toEqual({
      ok: true,
      value: {
        rows: [{ line: 2, takenAt: new Date('2026-01-01T01:00:00Z'), value: '100.5', note: 'บิล' }],
        rejected: [{ line: 3, problem: 'noteTooLong' }],
        skipped: 0,
      },
    });
  });

  it('refuses broken quoting, an empty file and too many rows as a whole', () => {
    expect(parseReadingsCsv('time,value\n"2026-01-01,1\n', ZONE, 10)).toEqual({
      ok: false,
      problem: 'notCsv',
    });
    expect(parseReadingsCsv('', ZONE, 10)).toEqual({ ok: false, problem: 'empty' });
    expect(parseReadingsCsv('time,value\n', ZONE, 10)).toEqual({ ok: false, problem: 'empty' });
    expect(parseReadingsCsv('2026-01-01,1\n'.repeat(11), ZONE, 10)).toEqual({
      ok: false,
      problem: 'tooManyRows',
    });
  });

  it('reads back what it writes: time, value and note of every current row', () => {
    const notes = fc.option(
      fc
        .string({
          maxLength: 40,
          unit: fc.constantFrom('a', 'ก', ' ', "'", '=', '+', '-', '@', ',', '"', '1'),
        })
        .map((s) => s.replace(/\p{Cc}/gu, ' ').trim())
        .filter((s) => s !== ''),
      { nil: null },
    );
    const row = fc.record({
      seconds: fc.integer({ min: 0, max: 2_000_000_000 }),
      value: fc.integer({ min: 0, max: 10 ** 9 }).map(String),
      note: notes,
    });
    fc.assert(
      fc.property(fc.array(row, { minLength: 1, maxLength: 20 }), (rows) => {
        const written = rows.map((r, i) =>
          reading({
            takenAt: new Date(r.seconds * 1000),
            value: r.value,
            note: r.note,
            number: i + 1,
          }),
        );
        const result = parseReadingsCsv(readingsCsv(written, ZONE), ZONE, 100);
        if (!result.ok) return false;
        expect(result.value.rejected).toEqual([]);
        expect(result.value.rows.map((r) => [r.takenAt.getTime(), r.value, r.note])).toEqual(
          written.map((r) => [r.takenAt.getTime(), r.value, r.note]),
        );
        return true;
      }),
    );
  });
});

import { describe, expect, it } from 'vitest';
import {
  isoInZone,
  type ParsedImport,
  parseImportTime,
  parseReadingsCsv,
} from '../../src/domain/readings-csv';

/**
 * The CSV import at its edges: headers written loosely or twice, delimiters, times that do not
 * exist on the local clock, decimal commas, cells with spaces or control characters, and the
 * limits (rows, note length) exactly reached.
 */

const ZONE = 'Asia/Bangkok';

/** The parsed file, or a failure if the file as a whole was refused. */
function parsed(text: string, maxRows = 100): ParsedImport {
  const result = parseReadingsCsv(text, ZONE, maxRows);
  if (!result.ok) throw new Error(`file refused: ${result.problem}`);
  return result.value;
}

const values = (text: string) => parsed(text).rows.map((row) => row.value);

describe('isoInZone', () => {
  it('writes an invalid instant as an empty time', () => {
    expect(isoInZone(new Date(Number.NaN), ZONE)).toBe('');
  });
});

describe('headers', () => {
  it('reads a header with spaces and capitals', () => {
    expect(parsed(' Time , VALUE \n2026-01-01 08:00,100\n')).toEqual({
      rows: [{ line: 2, takenAt: new Date('2026-01-01T01:00:00Z'), value: '100', note: null }],
      rejected: [],
      skipped: 0,
    });
  });

  it('reads the first of two columns with the same name', () => {
    expect(values('value,time,value\n100,2026-01-01 08:00,999\n')).toEqual(['100']);
  });

  it('takes a first line naming only the time or only the value for data', () => {
    // Without a header the columns are time, value, note: the first line is a bad time.
    for (const head of ['time,amount', 'when,value']) {
      expect(parsed(`${head}\n2026-01-01 08:00,100\n`)).toMatchObject({
        rows: [{ line: 2, value: '100' }],
        rejected: [{ line: 1, problem: 'badTime' }],
      });
    }
  });
});

describe('delimiters and decimal commas', () => {
  it('chooses the delimiter by the first line only, even with LF line ends', () => {
    expect(parsed('time;value;note\n2026-01-01 08:00;100,5;a,b,c,d,e\n').rows).toMatchObject([
      { value: '100.5', note: 'a,b,c,d,e' },
    ]);
  });

  it('reads a decimal comma with a sign or several decimals where ";" separates fields', () => {
    const text =
      'time;value\n2026-01-01 08:00;+100,5\n2026-01-02 08:00;100,25\n2026-01-03 08:00;-3,5\n';
    expect(values(text)).toEqual(['100.5', '100.25', '-3.5']);
  });

  it('reads two or more commas as thousands separators where ";" separates fields', () => {
    expect(values('time;value\n2026-01-01 08:00;1,234,567\n')).toEqual(['1234567']);
  });

  it('refuses a decimal comma where "," separates fields, even quoted', () => {
    expect(parsed('time,value\n2026-01-01 08:00,"100,5"\n').rejected).toEqual([
      { line: 2, problem: 'badValue' },
    ]);
  });
});

describe('times', () => {
  it('reads a time with spaces around it', () => {
    expect(parseImportTime('  2026-01-20 08:00  ', ZONE)?.toISOString()).toBe(
      '2026-01-20T01:00:00.000Z',
    );
  });

  it('reads the year 2400 as Buddhist era (1857) and 2399 as it stands', () => {
    expect(parseImportTime('2400-01-20 08:00', 'UTC')?.toISOString()).toBe(
      '1857-01-20T08:00:00.000Z',
    );
    expect(parseImportTime('2399-01-20 08:00', 'UTC')?.toISOString()).toBe(
      '2399-01-20T08:00:00.000Z',
    );
  });

  it('refuses a time the local clock skipped: a DST gap, a day Samoa left out', () => {
    expect(parseImportTime('2026-03-29 02:30', 'Europe/Berlin')).toBeNull();
    expect(parseImportTime('2011-12-30 12:00', 'Pacific/Apia')).toBeNull();
    // The hours around them exist.
    expect(parseImportTime('2026-03-29 03:30', 'Europe/Berlin')?.toISOString()).toBe(
      '2026-03-29T01:30:00.000Z',
    );
    expect(parseImportTime('2011-12-31 12:00', 'Pacific/Apia')?.toISOString()).toBe(
      '2011-12-30T22:00:00.000Z',
    );
  });
});

describe('cells and limits', () => {
  it('reads cells with spaces around them, a status among them', () => {
    expect(
      parsed('time,value,note,status\n 2026-01-01 08:00 , 100 , hi , Current \n').rows,
    ).toEqual([{ line: 2, takenAt: new Date('2026-01-01T01:00:00Z'), value: '100', note: 'hi' }]);
  });

  it('names a value of more than 15 integer digits too large', () => {
    expect(parsed('2026-01-01 08:00,1234567890123456\n').rejected).toEqual([
      { line: 1, problem: 'tooLarge' },
    ]);
  });

  it('turns control characters in a note into spaces, trimmed at the ends', () => {
    expect(parsed('2026-01-01 08:00,100,"a\u0001b\u0002"\n').rows[0]?.note).toBe('a b');
  });

  it('accepts exactly the most rows allowed and a note of exactly 200 characters', () => {
    const rows = [
      '2026-01-01 08:00,1',
      '2026-01-02 08:00,2',
      `2026-01-03 08:00,3,${'ก'.repeat(200)}`,
    ];
    const result = parsed(`${rows.join('\n')}\n`, 3);
    expect(result.rows.map((row) => row.value)).toEqual(['1', '2', '3']);
    expect(result.rejected).toEqual([]);
  });
});

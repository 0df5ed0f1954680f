// Readings as CSV, both ways: the file `export meter 1` hands out, and the files `import meter 1`
// accepts (that same file, or a plain `time,value[,note]`). Pure: no clock, no database.
//
// Decisions (docs/exports.md says them for people):
// - The file is RFC 4180: comma-separated, CRLF line ends, fields quoted when they hold a comma,
//   a quote or a line break, with a header row. It starts with a UTF-8 byte order mark, without
//   which Excel reads UTF-8 as the local code page and Thai notes turn into mojibake.
// - Times are ISO 8601 with the meter's offset (2026-11-15T08:00:00+07:00): unambiguous for a
//   program, and still the local time a person reads.
// - A text cell starting with = + - @ (or a tab or carriage return) gets a leading apostrophe,
//   so that a spreadsheet never runs a note as a formula; the import takes the apostrophe off.
// - On import, a time without an offset is in the meter's time zone, a day without a time is
//   noon (as in the chat), a year of 2400 or more is a Buddhist-era year (2569 = 2026), and
//   `15/11/2569` is day/month/year as Thai and British people write it.

import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import { DateTime } from 'luxon';
import { LIMITS } from './commands';
import { parseDecimal } from './grammar';
import { DEFAULT_TIME_OF_DAY } from './time';
import type { RegisterEvent } from './types';

export const CSV_COLUMNS = [
  'time',
  'value',
  'unit',
  'note',
  'who',
  'number',
  'status',
  'event',
] as const;

/** current: counts now; corrected: replaced by a fix (same #N); deleted: deleted or undone. */
export type ReadingStatus = 'current' | 'corrected' | 'deleted';

export interface CsvReading {
  takenAt: Date;
  value: string;
  unit: string;
  note: string | null;
  /** Who entered it, as the person exporting should read it ("you" or a display name). */
  who: string;
  number: number;
  status: ReadingStatus;
  event: RegisterEvent | null;
}

/** What opens a formula in Excel, LibreOffice and Google Sheets. */
const FORMULA_START = /^[=+\-@\t\r]/;
/** A formula start, or apostrophes before one (so that a note "'=x" also reads back as written). */
const needsGuard = (text: string): boolean =>
  FORMULA_START.test(text) || (text.startsWith("'") && needsGuard(text.slice(1)));
const guard = (text: string) => (needsGuard(text) ? `'${text}` : text);
const unguard = (text: string) =>
  text.startsWith("'") && needsGuard(text.slice(1)) ? text.slice(1) : text;

/** An instant as ISO 8601 in the zone, with its offset; milliseconds only when there are some. */
export function isoInZone(at: Date, zone: string): string {
  return DateTime.fromJSDate(at, { zone }).toISO({ suppressMilliseconds: true }) ?? '';
}

/** The CSV file of readings: BOM, header row, one row per reading, CRLF line ends. */
export function readingsCsv(readings: readonly CsvReading[], zone: string): string {
  const records = readings.map((r) => [
    isoInZone(r.takenAt, zone),
    r.value,
    guard(r.unit),
    guard(r.note ?? ''),
    guard(r.who),
    String(r.number),
    r.status,
    r.event ?? '',
  ]);
  return stringify([[...CSV_COLUMNS], ...records], {
    bom: true,
    record_delimiter: 'windows',
    // A line break inside a note must be quoted whatever the record delimiter is.
    quoted_match: /[\r\n]/,
  });
}

// ---------------------------------------------------------------------------------------------
// Import

export interface ImportRow {
  /** The line of the file the row ends on (1 = the first line). */
  line: number;
  takenAt: Date;
  value: string;
  note: string | null;
}

export type RowProblem =
  | 'badTime' // not a time this import reads
  | 'badValue' // not a number
  | 'tooLarge' // more than 15 integer digits
  | 'tooPrecise' // more than 6 decimals
  | 'noteTooLong' // longer than a chat note may be
  | 'registerEvent'; // a rollover or meter replacement: entered in the chat, not imported

export interface RejectedRow {
  line: number;
  problem: RowProblem;
}

export interface ParsedImport {
  rows: ImportRow[];
  rejected: RejectedRow[];
  /** Rows of an export that do not count now (corrected or deleted): left out, not errors. */
  skipped: number;
}

export type FileProblem = 'notCsv' | 'empty' | 'tooManyRows';

export type ParseResult = { ok: true; value: ParsedImport } | { ok: false; problem: FileProblem };

const HEADER_NAMES: Record<string, 'time' | 'value' | 'note' | 'status' | 'event'> = {
  time: 'time',
  เวลา: 'time',
  date: 'time',
  วันที่: 'time',
  value: 'value',
  ค่า: 'value',
  reading: 'value',
  note: 'note',
  หมายเหตุ: 'note',
  status: 'status',
  สถานะ: 'status',
  event: 'event',
};

type Columns = Partial<Record<'time' | 'value' | 'note' | 'status' | 'event', number>>;

function headerColumns(cells: string[]): Columns | null {
  const columns: Columns = {};
  for (const [index, cell] of cells.entries()) {
    const name = HEADER_NAMES[cell.trim().toLowerCase()];
    if (name && columns[name] === undefined) columns[name] = index;
  }
  return columns.time !== undefined && columns.value !== undefined ? columns : null;
}

/** The delimiter of the first line: Excel writes `;` where the decimal mark is a comma. */
function delimiterOf(text: string): string {
  const first = text.split(/\r?\n/, 1)[0] ?? '';
  const count = (c: string) => first.split(c).length - 1;
  const [best] = [',', ';', '\t'].sort((a, b) => count(b) - count(a));
  return best && count(best) > 0 ? best : ',';
}

const CONTROL_CHARACTERS = /\p{Cc}+/gu;
const BUDDHIST_ERA_FROM = 2400;
const BUDDHIST_ERA_OFFSET = 543;
const ISO_RE =
  /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(\.\d{1,6})?)?)?(Z|[+-]\d{2}:?\d{2})?$/;
const DMY_RE = /^(\d{1,2})\/(\d{1,2})\/(\d{4})(?:[ T](\d{1,2})[:.](\d{2})(?::(\d{2}))?)?$/;

/** A time as the import reads it, or null. See the decisions at the top of the file. */
export function parseImportTime(raw: string, zone: string): Date | null {
  const text = raw.trim();
  const iso = ISO_RE.exec(text);
  const dmy = iso ? null : DMY_RE.exec(text);
  const m = iso ?? dmy;
  if (!m) return null;
  const [year, month, day] = iso
    ? [Number(m[1]), Number(m[2]), Number(m[3])]
    : [Number(m[3]), Number(m[2]), Number(m[1])];
  const [defaultHour, defaultMinute] = DEFAULT_TIME_OF_DAY.split(':').map(Number) as [
    number,
    number,
  ];
  const hasTime = m[4] !== undefined;
  const offset = iso ? m[8] : undefined;
  const fields = {
    year: year >= BUDDHIST_ERA_FROM ? year - BUDDHIST_ERA_OFFSET : year,
    month,
    day,
    hour: hasTime ? Number(m[4]) : defaultHour,
    minute: hasTime ? Number(m[5]) : defaultMinute,
    second: m[6] === undefined ? 0 : Number(m[6]),
    millisecond: iso && m[7] ? Math.round(Number(m[7]) * 1000) : 0,
  };
  const where =
    offset === undefined
      ? zone
      : offset === 'Z'
        ? 'UTC'
        : `UTC${offset.length === 5 ? `${offset.slice(0, 3)}:${offset.slice(3)}` : offset}`;
  const at = DateTime.fromObject(fields, { zone: where });
  // Luxon refuses 31 Feb but moves a time out of a DST gap or a skipped day (Samoa, 30 Dec
  // 2011): a time that does not read back as written is refused. A move of a day at most
  // that lands in another month changes the day too, so the day is enough.
  if (!at.isValid || at.day !== fields.day || at.hour !== fields.hour) {
    return null;
  }
  return at.toJSDate();
}

/**
 * Reads an import file: every row becomes a reading to check or a rejected row with its line.
 * `maxRows` counts the data rows (without the header).
 */
export function parseReadingsCsv(text: string, zone: string, maxRows: number): ParseResult {
  let records: { record: string[]; info: { lines: number } }[];
  // A byte order mark is neither a delimiter nor a line break: it cannot sway the count.
  const delimiter = delimiterOf(text);
  try {
    records = parse(text, {
      bom: true,
      delimiter,
      relax_column_count: true,
      skip_empty_lines: true,
      info: true,
    }) as unknown as { record: string[]; info: { lines: number } }[];
  } catch {
    return { ok: false, problem: 'notCsv' };
  }
  const first = records[0];
  if (!first) return { ok: false, problem: 'empty' };
  const header = headerColumns(first.record);
  const data = header ? records.slice(1) : records;
  if (data.length === 0) return { ok: false, problem: 'empty' };
  if (data.length > maxRows) return { ok: false, problem: 'tooManyRows' };
  const columns: Columns = header ?? { time: 0, value: 1, note: 2 };

  const parsed: ParsedImport = { rows: [], rejected: [], skipped: 0 };
  for (const { record, info } of data) {
    const line = info.lines;
    const cell = (name: keyof Columns) => {
      const index = columns[name];
      return index === undefined ? '' : (record[index] ?? '').trim();
    };
    const status = cell('status').toLowerCase();
    if (status !== '' && status !== 'current') {
      parsed.skipped++;
      continue;
    }
    const reject = (problem: RowProblem) => parsed.rejected.push({ line, problem });
    if (cell('event') !== '') {
      reject('registerEvent');
      continue;
    }
    const takenAt = parseImportTime(cell('time'), zone);
    if (!takenAt) {
      reject('badTime');
      continue;
    }
    // Where `;` separates fields, the decimal mark is usually a comma (100,5).
    const written = cell('value');
    const value = parseDecimal(
      delimiter === ';' && /^[+-]?\d+,\d+$/.test(written) ? written.replace(',', '.') : written,
    );
    if (!value.ok) {
      reject(
        value.problem === 'tooLarge' || value.problem === 'tooPrecise' ? value.problem : 'badValue',
      );
      continue;
    }
    // Control characters (line breaks too) would break the chat's one-line history: spaces.
    const note = unguard(cell('note')).replace(CONTROL_CHARACTERS, ' ').trim();
    if ([...note].length > LIMITS.noteLength) {
      reject('noteTooLong');
      continue;
    }
    parsed.rows.push({ line, takenAt, value: value.value, note: note === '' ? null : note });
  }
  return { ok: true, value: parsed };
}

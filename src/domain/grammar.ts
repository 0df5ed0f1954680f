// The chat grammar (DESIGN §4): text -> Command, and Command -> canonical text.
//
// Pure: no clock, no I/O, never throws. The pipeline is
//   normalizeText -> exact one-word commands -> keyword commands -> reading forms,
// on top of a small tokenizer. Each command family has its own function.
// Messages that do not start like a command are null (group chatter); messages that
// do but cannot be read become `malformed`, so the bot can say how to write them.

import Decimal from 'decimal.js';
import {
  type Command,
  LIMITS,
  type MalformedTopic,
  type MeterRef,
  type Problem,
  type ReadingRef,
  type SetMeterCommand,
  type TimeSpec,
  type WellFormedCommand,
} from './commands';
import type { Language, Role, SourceKind } from './types';

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

const THAI_LETTER = /[\u0E01-\u0E3A\u0E40-\u0E4E]/;
const LATIN_LETTER = /\p{Script=Latin}/u;

/** 'th' when the text has Thai letters, 'en' when it has Latin letters only, else null. */
export function detectLanguage(text: string): Language | null {
  if (THAI_LETTER.test(text)) return 'th';
  if (LATIN_LETTER.test(text)) return 'en';
  return null;
}

// ---------------------------------------------------------------------------
// Tokenizer

interface Token {
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

function tokenize(s: string, from = 0): Token[] {
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
function isWord(tok: Token | undefined, words: ReadonlySet<string> | ReadonlyMap<string, unknown>) {
  return tok !== undefined && !tok.quoted && words.has(tok.lower);
}

function isSymbol(tok: Token | undefined, symbol: '=' | '@'): boolean {
  return tok !== undefined && !tok.quoted && tok.text === symbol;
}

// ---------------------------------------------------------------------------
// Results

export type Result<T> = { ok: true; value: T } | { ok: false; problem: Problem };

const ok = <T>(value: T): Result<T> => ({ ok: true, value });
const bad = (problem: Problem): { ok: false; problem: Problem } => ({ ok: false, problem });

function malformed(topic: MalformedTopic, problem: Problem, meter?: MeterRef): Command {
  return meter
    ? { type: 'malformed', topic, problem, meter }
    : { type: 'malformed', topic, problem };
}

const codePoints = (s: string): number => [...s].length;
const DIGITS = /^\d+$/;

// ---------------------------------------------------------------------------
// Numbers

// Optional sign; integer part either with correct thousands separators (1,234,567) or plain
// digits; optional fraction. "4521." and ".5" are accepted; "4,52" is not.
const DECIMAL_RE = /^([+-]?)(?:([1-9]\d{0,2}(?:,\d{3})+)|(\d*))(?:\.(\d*))?$/;
// What makes a token an attempt at a number (so `meter 1 = 1e309` is badNumber, not chatter).
const NUMBERISH_RE = /^[+-]?(?:\.?\d|nan$|inf)/i;

/**
 * A decimal as typed -> canonical decimal string ("00070" -> "70", "4,521.50" -> "4521.5",
 * "-0" -> "0"), or badNumber / tooLarge (> 15 integer digits) / tooPrecise (> 6 decimals).
 */
export function parseDecimal(text: string): Result<string> {
  const m = DECIMAL_RE.exec(text);
  if (!m) return bad('badNumber');
  const intDigits = (m[2] ?? m[3] ?? '').replace(/,/g, '');
  const fracDigits = m[4] ?? '';
  if (intDigits === '' && fracDigits === '') return bad('badNumber');
  const int = intDigits.replace(/^0+/, '');
  const frac = fracDigits.replace(/0+$/, '');
  if (int.length > LIMITS.integerDigits) return bad('tooLarge');
  if (frac.length > LIMITS.decimals) return bad('tooPrecise');
  const sign = m[1] === '-' && (int !== '' || frac !== '') ? '-' : '';
  return ok(`${sign}${int || '0'}${frac ? `.${frac}` : ''}`);
}

/** A positive integer written with digits only, from 1 to `max`; else null. */
function smallInt(text: string, max: number): number | null {
  if (!DIGITS.test(text) || text.length > 12) return null;
  const n = Number(text);
  return n >= 1 && n <= max ? n : null;
}

// ---------------------------------------------------------------------------
// Meters and names

/** Words that introduce a meter number (`meter 1`, `m 1`, `มิเตอร์ 1`). */
const METER_WORDS = new Set(['meter', 'm', 'มิเตอร์', 'มิเตอร์ที่']);
/** Words that may precede a meter name and are dropped (`history meter Electric`). */
const NAME_PREFIX_WORDS = new Set(['meter', 'มิเตอร์']);
const METER_GLUED_RE = /^(?:meter|m|มิเตอร์(?:ที่)?)(\d+)$/;

interface Match<T> {
  next: number;
  result: Result<T>;
}

function meterNumber(digits: string): Result<MeterRef> {
  const n = smallInt(digits, LIMITS.meterNumberMax);
  return n === null ? bad('badMeter') : ok({ by: 'number', number: n });
}

/** `meter 1`, `m1`, `m 1`, `มิเตอร์1`, `มิเตอร์ ที่ 1` at toks[i]. */
function matchMeterNumber(toks: Token[], i: number): Match<MeterRef> | null {
  const tok = toks[i];
  if (!tok || tok.quoted) return null;
  const glued = METER_GLUED_RE.exec(tok.lower);
  if (glued) return { next: i + 1, result: meterNumber(glued[1] ?? '') };
  if (!METER_WORDS.has(tok.lower)) return null;
  let j = i + 1;
  if (tok.lower === 'มิเตอร์' && toks[j]?.lower === 'ที่') j++;
  const num = toks[j];
  if (num && !num.quoted && DIGITS.test(num.text)) {
    return { next: j + 1, result: meterNumber(num.text) };
  }
  return null;
}

// Names may not contain quotes (they delimit names), = @ # : (grammar), or control characters.
const NAME_FORBIDDEN_RE = /["“”=@#:\p{Cc}]/u;

/**
 * Why `name` cannot be a meter name, or null: empty, over 40 code points, no letter,
 * starts with a combining mark, contains `" “ ” = @ # :` or a control character, or would
 * read as a meter number (`m1`, `meter 2`). `name` is expected normalised (normalizeText).
 */
export function meterNameProblem(name: string): Problem | null {
  if (name === '') return 'missingName';
  if (codePoints(name) > LIMITS.nameLength) return 'nameTooLong';
  if (!/\p{L}/u.test(name) || /^\p{M}/u.test(name) || NAME_FORBIDDEN_RE.test(name))
    return 'badName';
  // "m1" or "meter 2" as a name would always be read as a meter number.
  const toks = tokenize(name);
  const num = matchMeterNumber(toks, 0);
  if (num && num.next === toks.length) return 'badName';
  return null;
}

/**
 * The meter part of a command. `ref` undefined: no tokens. Null: the tokens are not a
 * meter at all (e.g. a 60-character sentence), so the message is treated as chatter.
 * A problem: it clearly tried to name a meter (`meter 0`, `"…41 chars…"`).
 */
type RefParse = { ok: true; ref: MeterRef | undefined } | { ok: false; problem: Problem } | null;

function parseRef(toks: Token[]): RefParse {
  const first = toks[0];
  if (!first) return { ok: true, ref: undefined };
  const num = matchMeterNumber(toks, 0);
  if (num && num.next === toks.length) {
    return num.result.ok ? { ok: true, ref: num.result.value } : num.result;
  }
  // A lone number after a command keyword is the meter's number in the `meters` list.
  if (toks.length === 1 && !first.quoted && DIGITS.test(first.text)) {
    const n = meterNumber(first.text);
    return n.ok ? { ok: true, ref: n.value } : n;
  }
  const prefixed = toks.length > 1 && isWord(first, NAME_PREFIX_WORDS);
  const nameToks = prefixed ? toks.slice(1) : toks;
  const only = nameToks.length === 1 ? nameToks[0] : undefined;
  if (only?.quoted) {
    const problem = meterNameProblem(only.text);
    return problem ? bad(problem) : { ok: true, ref: { by: 'name', name: only.text } };
  }
  if (nameToks.some((t) => t.quoted || t.text === '=' || t.text === '@')) {
    return prefixed ? bad('badName') : null;
  }
  const name = nameToks.map((t) => t.text).join(' ');
  const problem = meterNameProblem(name);
  if (problem) return prefixed ? bad(problem) : null;
  return { ok: true, ref: { by: 'name', name } };
}

// ---------------------------------------------------------------------------
// Dates and times

const TIME_RE = /^(\d{1,2})(?:[:.](\d{2}))?(am|pm|a\.m\.|p\.m\.|น\.?)?$/;
const TIME_LIKE_RE = /^\d{1,2}[:.]\d*$|^\d*:\d+$/;
const TIME_SUFFIXES = new Set(['am', 'pm', 'a.m.', 'p.m.', 'น.', 'น', 'นาฬิกา']);
const DAY_WORDS = new Map([
  ['today', 0],
  ['วันนี้', 0],
  ['yesterday', 1],
  ['เมื่อวาน', 1],
  ['เมื่อวานนี้', 1],
  ['เมื่อวานซืน', 2],
]);
const DAYS_WORDS = new Set(['day', 'days']);
const THAI_AGO_WORDS = new Set(['วันก่อน', 'วันที่แล้ว']);
const THAI_AGO_TAIL = new Set(['ก่อน', 'ที่แล้ว']);
const THAI_DAYS_AGO_RE = /^(\d+)วัน(?:ก่อน|ที่แล้ว)$/;
const ISO_DATE_RE = /^(\d{4})-(\d{1,2})-(\d{1,2})$/;
const DMY_DATE_RE = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/;
const DATE_LIKE_RE = /^\d+[-/]\d*[-/]?\d*$/;
const AT_WORDS = new Set(['at']);

const pad2 = (n: number): string => String(n).padStart(2, '0');

/** Buddhist-era years (2569) are converted; Gregorian 1900–2199 only. */
function gregorianYear(year: number): number | null {
  const y = year > 2400 ? year - 543 : year;
  return y >= 1900 && y <= 2199 ? y : null;
}

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function checkDate(year: number, month: number, day: number): Result<string> {
  const y = gregorianYear(year);
  if (y === null || month < 1 || month > 12 || day < 1 || day > daysInMonth(y, month)) {
    return bad('badDate');
  }
  return ok(`${y}-${pad2(month)}-${pad2(day)}`);
}

/** `08:00`, `8:30`, `8.30`, `8.30น.`, `8pm`, `8 pm`, `20.00 น.`; a bare `8` is not a time. */
function matchTime(toks: Token[], i: number): Match<string> | null {
  const tok = toks[i];
  if (!tok || tok.quoted) return null;
  const m = TIME_RE.exec(tok.lower);
  if (!m) return TIME_LIKE_RE.test(tok.lower) ? { next: i + 1, result: bad('badTime') } : null;
  let suffix = m[3];
  let next = i + 1;
  if (suffix === undefined && isWord(toks[next], TIME_SUFFIXES)) {
    suffix = toks[next]?.lower;
    next++;
  }
  if (m[2] === undefined && suffix === undefined) return null;
  let hour = Number(m[1]);
  const minute = Number(m[2] ?? '0');
  const twelveHour = suffix !== undefined && /^[ap]/.test(suffix);
  if (twelveHour) {
    if (hour < 1 || hour > 12) return { next, result: bad('badTime') };
    hour = (hour % 12) + (suffix?.startsWith('p') ? 12 : 0);
  }
  if (hour > 23 || minute > 59) return { next, result: bad('badTime') };
  return { next, result: ok(`${pad2(hour)}:${pad2(minute)}`) };
}

type DayPart = { kind: 'date'; date: string } | { kind: 'daysAgo'; days: number };

function daysAgo(next: number, digits: string): Match<DayPart> {
  const days = DIGITS.test(digits) && digits.length <= 6 ? Number(digits) : Number.NaN;
  return {
    next,
    result: days <= LIMITS.daysAgoMax ? ok({ kind: 'daysAgo', days }) : bad('badDate'),
  };
}

/** `today`, `yesterday`, `3 days ago`, `เมื่อวาน`, `3 วันก่อน`, `2026-11-01`, `1/11/2569`. */
function matchDay(toks: Token[], i: number): Match<DayPart> | null {
  const tok = toks[i];
  if (!tok || tok.quoted) return null;
  const word = DAY_WORDS.get(tok.lower);
  if (word !== undefined) return { next: i + 1, result: ok({ kind: 'daysAgo', days: word }) };
  const thaiGlued = THAI_DAYS_AGO_RE.exec(tok.lower);
  if (thaiGlued) return daysAgo(i + 1, thaiGlued[1] ?? '');
  if (DIGITS.test(tok.text)) {
    const a = toks[i + 1];
    const b = toks[i + 2];
    if (isWord(a, DAYS_WORDS) && b?.lower === 'ago' && !b.quoted) return daysAgo(i + 3, tok.text);
    if (isWord(a, THAI_AGO_WORDS)) return daysAgo(i + 2, tok.text);
    if (a?.lower === 'วัน' && isWord(b, THAI_AGO_TAIL)) return daysAgo(i + 3, tok.text);
    return null;
  }
  const iso = ISO_DATE_RE.exec(tok.text);
  const dmy = DMY_DATE_RE.exec(tok.text);
  const result = iso
    ? checkDate(Number(iso[1]), Number(iso[2]), Number(iso[3]))
    : dmy
      ? checkDate(Number(dmy[3]), Number(dmy[2]), Number(dmy[1]))
      : DATE_LIKE_RE.test(tok.text)
        ? bad('badDate')
        : null;
  if (!result) return null;
  return { next: i + 1, result: result.ok ? ok({ kind: 'date', date: result.value }) : result };
}

/**
 * `[@|at] <day or date> <time>` in either order, each at most once. A time alone means today.
 * All of `toks` must be used.
 */
function parseTimeSpec(toks: Token[]): Result<TimeSpec> {
  const explicit = isSymbol(toks[0], '@') || isWord(toks[0], AT_WORDS);
  let i = explicit ? 1 : 0;
  if (i >= toks.length) return bad('badDate');
  let day: DayPart | undefined;
  let time: string | undefined;
  while (i < toks.length) {
    const t = time === undefined ? matchTime(toks, i) : null;
    if (t) {
      if (!t.result.ok) return t.result;
      time = t.result.value;
      i = t.next;
      continue;
    }
    const d = day === undefined ? matchDay(toks, i) : null;
    if (d) {
      if (!d.result.ok) return d.result;
      day = d.result.value;
      i = d.next;
      continue;
    }
    return bad(explicit && i === 1 ? 'badDate' : 'unexpectedText');
  }
  const base: DayPart = day ?? { kind: 'daysAgo', days: 0 };
  return ok(time === undefined ? base : { ...base, time });
}

const MONTH_LIKE_RE = /^\d{1,4}[-/]\d{1,4}$/;

/** 'YYYY-MM' from `2026-10`, `10/2026`, `2569-10`, `10/2569`. */
function parseMonth(text: string): Result<string> {
  const iso = /^(\d{4})-(\d{1,2})$/.exec(text);
  const my = /^(\d{1,2})\/(\d{4})$/.exec(text);
  const year = gregorianYear(Number(iso?.[1] ?? my?.[2] ?? 0));
  const month = Number(iso?.[2] ?? my?.[1] ?? 0);
  if (year === null || month < 1 || month > 12) return bad('badMonth');
  return ok(`${year}-${pad2(month)}`);
}

// ---------------------------------------------------------------------------
// Readings: `meter 1 = 4521 @ yesterday 20:00 # note`, `electric = 4521.5`, `4521`, `electric 4521`

/** Common chat words that are never taken as a meter name in the loose `word number` form. */
const CHATTER_WORDS = new Set([
  ...'ok okay okey k kk lol haha hahaha yes no yeah yep nope thanks thank thx ty'.split(' '),
  ...'hi hello hey bye wow oh ah omg sure maybe about around only just paid pay total'.split(' '),
  ...'sum got is was it the a an and or to for in on of with me my you we i'.split(' '),
  ...'โอเค ครับ ค่ะ คะ จ้า จ้ะ นะ ได้ แล้ว จ่าย ราคา รวม บาท'.split(' '),
]);

interface NoteSplit {
  body: Token[];
  note?: string;
  noteTooLong: boolean;
}

/** Everything after the first unquoted token that starts with `#` is the note. */
function splitNote(s: string, toks: Token[]): NoteSplit {
  const at = toks.findIndex((t) => !t.quoted && t.text.startsWith('#'));
  const hash = toks[at];
  if (!hash) return { body: toks, noteTooLong: false };
  const note = s.slice(hash.start + 1).trim();
  const tooLong = codePoints(note) > LIMITS.noteLength;
  return { body: toks.slice(0, at), ...(note && !tooLong ? { note } : {}), noteTooLong: tooLong };
}

/** The value, time and note after `meter 1` or `name =`; any failure is malformed. */
function finishReading(
  meter: MeterRef,
  rest: Token[],
  split: NoteSplit,
  explicitEquals: boolean,
): Command {
  const hasEquals = explicitEquals || isSymbol(rest[0], '=');
  const i = isSymbol(rest[0], '=') ? 1 : 0;
  const tok = rest[i];
  if (!tok || tok.quoted || tok.text === '@' || tok.text === '=') {
    return malformed('reading', 'missingValue', meter);
  }
  if (!NUMBERISH_RE.test(tok.lower)) {
    return malformed('reading', hasEquals ? 'badNumber' : 'missingValue', meter);
  }
  const value = parseDecimal(tok.text);
  if (!value.ok) return malformed('reading', value.problem, meter);
  const timeToks = rest.slice(i + 1);
  const at = timeToks.length > 0 ? parseTimeSpec(timeToks) : undefined;
  if (at && !at.ok) return malformed('reading', at.problem, meter);
  if (split.noteTooLong) return malformed('reading', 'noteTooLong', meter);
  return {
    type: 'reading',
    meter,
    value: value.value,
    ...(at ? { at: at.value } : {}),
    ...(split.note ? { note: split.note } : {}),
  };
}

function parseReading(s: string, toks: Token[]): Command | null {
  const split = splitNote(s, toks);
  const body = split.body;

  // `meter 1 …`: a reading whatever follows.
  const num = matchMeterNumber(body, 0);
  if (num) {
    if (!num.result.ok) return malformed('reading', num.result.problem);
    return finishReading(num.result.value, body.slice(num.next), split, false);
  }

  // `name = number …`: a reading when the right side is an attempt at a number.
  const eq = body.findIndex((t) => isSymbol(t, '='));
  if (eq > 0) {
    const valueTok = body[eq + 1];
    if (!valueTok || valueTok.quoted || !NUMBERISH_RE.test(valueTok.lower)) return null;
    const ref = parseRef(body.slice(0, eq));
    if (!ref?.ok || ref.ref?.by !== 'name') return null;
    return finishReading(ref.ref, body.slice(eq + 1), split, true);
  }

  // A bare number, optionally with a time and a note: for one-to-one chats.
  const first = body[0];
  if (first && !first.quoted && /^[+-]?\.?\d/.test(first.text)) {
    const value = parseDecimal(first.text);
    if (!value.ok) {
      return value.problem !== 'badNumber' && toks.length === 1
        ? malformed('reading', value.problem)
        : null;
    }
    const timeToks = body.slice(1);
    const at = timeToks.length > 0 ? parseTimeSpec(timeToks) : undefined;
    if (at && !at.ok) return null;
    if (split.noteTooLong) return malformed('reading', 'noteTooLong');
    return {
      type: 'reading',
      value: value.value,
      ...(at ? { at: at.value } : {}),
      ...(split.note ? { note: split.note } : {}),
    };
  }

  // `electric 4521`: exactly one word and a number.
  const [word, number] = toks;
  if (toks.length === 2 && word && number && isLooseWord(word.text) && !number.quoted) {
    const value = /^[+-]?\.?\d/.test(number.text) ? parseDecimal(number.text) : null;
    if (value?.ok) {
      return {
        type: 'reading',
        meter: { by: 'name', name: word.text },
        value: value.value,
        loose: true,
      };
    }
  }
  return null;
}

/** A word that `word number` may use as a meter name: a plain name that is not chat talk. */
function isLooseWord(word: string): boolean {
  return isPlainName(word) && !CHATTER_WORDS.has(word.toLowerCase());
}

// ---------------------------------------------------------------------------
// Keyword commands

type Family =
  | 'history'
  | 'fix'
  | 'delete'
  | 'setMeter'
  | 'replaceMeter'
  | 'usage'
  | 'chart'
  | 'share'
  | 'unshare'
  | 'access'
  | 'audit'
  | 'archive'
  | 'addMeter';

const EN_FAMILIES = new Map<string, Family>([
  ['history', 'history'],
  ['fix', 'fix'],
  ['edit', 'fix'],
  ['correct', 'fix'],
  ['delete', 'delete'],
  ['del', 'delete'],
  ['remove', 'delete'],
  ['set', 'setMeter'],
  ['new', 'replaceMeter'],
  ['replace', 'replaceMeter'],
  ['usage', 'usage'],
  ['chart', 'chart'],
  ['graph', 'chart'],
  ['share', 'share'],
  ['unshare', 'unshare'],
  ['access', 'access'],
  ['audit', 'audit'],
  ['archive', 'archive'],
]);

/** `add <word>`: meter is the generic word (kind left to the bot); counter is a cumulative register. */
const ADD_KINDS = new Map<string, SourceKind | undefined>([
  ['meter', undefined],
  ['counter', 'cumulative'],
  ['gauge', 'gauge'],
  ['amount', 'delta'],
  ['delta', 'delta'],
]);

// Thai has no spaces between words, so Thai keywords match as a prefix of the message.
// Longer keywords first. `glued`: anything may follow (เพิ่มมิเตอร์ไฟฟ้า).
const TH_FAMILIES: ReadonlyArray<{ re: RegExp; family: Family; kind?: SourceKind; glued?: true }> =
  [
    { re: /^เพิ่ม ?มิเตอร์/, family: 'addMeter', glued: true },
    { re: /^เพิ่ม ?ตัวนับ/, family: 'addMeter', kind: 'cumulative', glued: true },
    { re: /^เพิ่ม ?เกจ/, family: 'addMeter', kind: 'gauge', glued: true },
    { re: /^เพิ่ม ?ยอด/, family: 'addMeter', kind: 'delta', glued: true },
    { re: /^ประวัติ/, family: 'history' },
    { re: /^แก้ไข/, family: 'fix' },
    { re: /^แก้/, family: 'fix' },
    { re: /^ลบ/, family: 'delete' },
    { re: /^ตั้งค่า/, family: 'setMeter' },
    { re: /^เปลี่ยน/, family: 'replaceMeter' },
    { re: /^(?:การใช้งาน|การใช้|ใช้ไป|ยอดใช้)/, family: 'usage' },
    { re: /^กราฟ/, family: 'chart' },
    { re: /^(?:ยกเลิกแชร์|เลิกแชร์)/, family: 'unshare' },
    { re: /^แชร์/, family: 'share' },
    { re: /^สิทธิ์?/, family: 'access' },
    { re: /^ตรวจสอบ/, family: 'audit' },
    { re: /^เก็บถาวร/, family: 'archive' },
  ];

interface FamilyMatch {
  family: Family;
  /** Offset in the message where the arguments start. */
  from: number;
  kind?: SourceKind;
}

/** A Thai keyword ends at a space, a non-Thai character, or before มิเตอร์ / ล่าสุด. */
function matchThaiKeyword(s: string): FamilyMatch | null {
  for (const { re, family, kind, glued } of TH_FAMILIES) {
    const m = re.exec(s);
    if (!m) continue;
    const after = s.slice(m[0].length);
    const boundary =
      glued ||
      after === '' ||
      !THAI_LETTER.test(after[0] ?? '') ||
      after.startsWith('มิเตอร์') ||
      after.startsWith('ล่าสุด');
    if (boundary) return { family, from: m[0].length, ...(kind ? { kind } : {}) };
  }
  return null;
}

function matchFamily(s: string, toks: Token[]): FamilyMatch | null {
  const [first, second] = toks;
  if (!first || first.quoted) return null;
  const family = EN_FAMILIES.get(first.lower);
  if (family) return { family, from: first.end };
  if (first.lower === 'add' && second && isWord(second, ADD_KINDS)) {
    const kind = ADD_KINDS.get(second.lower);
    return { family: 'addMeter', from: second.end, ...(kind ? { kind } : {}) };
  }
  return matchThaiKeyword(s);
}

/** The meter of a command that needs one. */
function requiredRef(toks: Token[]): Result<MeterRef> | null {
  const ref = parseRef(toks);
  if (!ref) return null;
  if (!ref.ok) return ref;
  return ref.ref ? ok(ref.ref) : bad('missingMeter');
}

// history [meter]
function parseHistory(args: Token[]): Command | null {
  const ref = parseRef(args);
  if (!ref) return null;
  if (!ref.ok) return malformed('history', ref.problem);
  return ref.ref ? { type: 'history', meter: ref.ref } : { type: 'history' };
}

// access|audit|archive <meter>
function parseMeterOnly(type: 'access' | 'audit' | 'archive', args: Token[]): Command | null {
  const ref = requiredRef(args);
  if (!ref) return null;
  return ref.ok ? { type, meter: ref.value } : malformed(type, ref.problem);
}

// usage [meter] [YYYY-MM]
function parseUsage(args: Token[]): Command | null {
  const last = args.at(-1);
  const hasMonth = last !== undefined && !last.quoted && MONTH_LIKE_RE.test(last.text);
  const ref = parseRef(hasMonth ? args.slice(0, -1) : args);
  if (!ref) return null;
  if (!ref.ok) return malformed('usage', ref.problem);
  const meter = ref.ref;
  let month: string | undefined;
  if (hasMonth) {
    const m = parseMonth(last.text);
    if (!m.ok) return malformed('usage', m.problem, meter);
    month = m.value;
  }
  return { type: 'usage', ...(meter ? { meter } : {}), ...(month ? { month } : {}) };
}

const READINGS_WORDS = new Set(['readings', 'reading', 'values', 'ค่าที่อ่าน', 'ค่าอ่าน', 'ค่า']);
const MONTHLY_WORDS = new Set(['monthly', 'รายเดือน']);
const MONTH_UNITS = new Map([
  ['months', 1],
  ['month', 1],
  ['เดือน', 1],
  ['years', 12],
  ['year', 12],
  ['ปี', 12],
]);
const GLUED_PERIOD_RE = /^(\d+)(months?|เดือน|years?|ปี)$/;

// chart [meter] [readings|monthly] [N months|N เดือน|N years] — options after the meter, any order
function parseChart(args: Token[]): Command | null {
  let end = args.length;
  let mode: 'monthly' | 'readings' | undefined;
  let period: { count: string; unit: string } | undefined;
  while (end > 0) {
    const tok = args[end - 1];
    const before = args[end - 2];
    if (!mode && isWord(tok, READINGS_WORDS)) mode = 'readings';
    else if (!mode && isWord(tok, MONTHLY_WORDS)) mode = 'monthly';
    else if (
      !period &&
      tok &&
      isWord(tok, MONTH_UNITS) &&
      before &&
      !before.quoted &&
      DIGITS.test(before.text)
    ) {
      period = { count: before.text, unit: tok.lower };
      end--;
    } else if (!period && tok && !tok.quoted && GLUED_PERIOD_RE.test(tok.lower)) {
      const m = GLUED_PERIOD_RE.exec(tok.lower);
      period = { count: m?.[1] ?? '', unit: m?.[2] ?? '' };
    } else break;
    end--;
  }
  const ref = parseRef(args.slice(0, end));
  if (!ref) return null;
  if (!ref.ok) return malformed('chart', ref.problem);
  const meter = ref.ref;
  let months: number | undefined;
  if (period) {
    const count = smallInt(period.count, LIMITS.chartMonthsMax);
    const n = count === null ? null : count * (MONTH_UNITS.get(period.unit) ?? 1);
    if (n === null || n > LIMITS.chartMonthsMax) return malformed('chart', 'badMonths', meter);
    months = n;
  }
  return {
    type: 'chart',
    ...(meter ? { meter } : {}),
    mode: mode ?? 'monthly',
    ...(months ? { months } : {}),
  };
}

const ROLE_WORDS = new Map<string, Role>([
  ['read', 'read'],
  ['view', 'read'],
  ['อ่าน', 'read'],
  ['ดู', 'read'],
  ['write', 'write'],
  ['เขียน', 'write'],
  ['บันทึก', 'write'],
  ['จด', 'write'],
  ['admin', 'admin'],
  ['แอดมิน', 'admin'],
  ['ผู้ดูแล', 'admin'],
]);
const MEMBER_CONNECTORS = new Set(['with', 'to', 'from', 'ให้', 'กับ', 'จาก']);

interface MemberSplit {
  refToks: Token[];
  member?: string;
  role?: Role;
  problem?: Problem;
}

/** `<meter> [with] @Some Name [role]` or `<meter> [role]`; the role word comes last. */
function splitMember(s: string, args: Token[], allowRole: boolean): MemberSplit {
  const at = args.findIndex((t) => isSymbol(t, '@'));
  let refToks = at >= 0 ? args.slice(0, at) : args;
  let memberToks = at >= 0 ? args.slice(at + 1) : [];
  let role: Role | undefined;
  const last = (at >= 0 ? memberToks : refToks).at(-1);
  const enough = at >= 0 ? memberToks.length >= 2 : refToks.length >= 2;
  if (allowRole && enough && last && isWord(last, ROLE_WORDS)) {
    role = ROLE_WORDS.get(last.lower);
    if (at >= 0) memberToks = memberToks.slice(0, -1);
    else refToks = refToks.slice(0, -1);
  }
  if (at >= 0 && refToks.length > 1 && isWord(refToks.at(-1), MEMBER_CONNECTORS)) {
    refToks = refToks.slice(0, -1);
  }
  const split: MemberSplit = { refToks, ...(role ? { role } : {}) };
  if (at < 0) return split;
  const firstMember = memberToks[0];
  const lastMember = memberToks.at(-1);
  if (!firstMember || !lastMember) return { ...split, problem: 'missingMember' };
  if (memberToks.some((t) => t.quoted || t.text === '@' || t.text === '=')) {
    return { ...split, problem: 'unexpectedText' };
  }
  const member = `@${s.slice(firstMember.start, lastMember.end)}`;
  if (codePoints(member) > LIMITS.memberLength) return { ...split, problem: 'nameTooLong' };
  return { ...split, member };
}

// share <meter> [@member] [read|write|admin]
function parseShare(s: string, args: Token[]): Command | null {
  const split = splitMember(s, args, true);
  const ref = requiredRef(split.refToks);
  if (!ref) return null;
  if (!ref.ok) return malformed('share', ref.problem);
  const meter = ref.value;
  if (split.problem) return malformed('share', split.problem, meter);
  // A group share is read or write; admin goes to one person.
  if (!split.member && split.role === 'admin') return malformed('share', 'badRole', meter);
  return {
    type: 'share',
    meter,
    ...(split.role ? { role: split.role } : {}),
    ...(split.member ? { member: split.member } : {}),
  };
}

// unshare <meter> [@member]
function parseUnshare(s: string, args: Token[]): Command | null {
  const split = splitMember(s, args, false);
  const ref = requiredRef(split.refToks);
  if (!ref) return null;
  if (!ref.ok) return malformed('unshare', ref.problem);
  if (split.problem) return malformed('unshare', split.problem, ref.value);
  return { type: 'unshare', meter: ref.value, ...(split.member ? { member: split.member } : {}) };
}

const LAST_WORDS = new Set(['last', 'latest', 'ล่าสุด']);

/** `[meter] #12` or `[meter] last`, then whatever follows (from `next`). */
function parseTarget(
  topic: 'fix' | 'delete',
  args: Token[],
): { target: ReadingRef; next: number } | Command | null {
  const at = args.findIndex(
    (t) => !t.quoted && (t.text.startsWith('#') || LAST_WORDS.has(t.lower)),
  );
  const marker = args[at];
  if (!marker) {
    const eq = args.findIndex((t) => isSymbol(t, '='));
    const ref = parseRef(eq >= 0 ? args.slice(0, eq) : args);
    if (!ref) return null;
    return malformed(topic, 'missingReading', ref.ok ? ref.ref : undefined);
  }
  const ref = parseRef(args.slice(0, at));
  if (!ref) return null;
  if (!ref.ok) return malformed(topic, ref.problem);
  const meter = ref.ref;
  const withMeter = meter ? { meter } : {};
  if (LAST_WORDS.has(marker.lower)) {
    return { target: { ...withMeter, which: 'last' }, next: at + 1 };
  }
  let digits = marker.text.slice(1);
  let next = at + 1;
  const following = args[next];
  if (digits === '' && following && !following.quoted && DIGITS.test(following.text)) {
    digits = following.text;
    next++;
  }
  const number = smallInt(digits, LIMITS.readingNumberMax);
  if (number === null) return malformed(topic, 'badReading', meter);
  return { target: { ...withMeter, which: 'number', number }, next };
}

// fix [meter] #12|last [=] value
function parseFix(args: Token[]): Command | null {
  const t = parseTarget('fix', args);
  if (!t || 'type' in t) return t;
  const { target } = t;
  let i = t.next;
  if (isSymbol(args[i], '=')) i++;
  const tok = args[i];
  if (!tok || tok.quoted || tok.text === '=' || tok.text === '@') {
    return malformed('fix', 'missingValue', target.meter);
  }
  const value = parseDecimal(tok.text);
  if (!value.ok) return malformed('fix', value.problem, target.meter);
  if (i + 1 < args.length) return malformed('fix', 'unexpectedText', target.meter);
  return { type: 'fix', target, value: value.value };
}

// delete [meter] #12|last
function parseDelete(args: Token[]): Command | null {
  const t = parseTarget('delete', args);
  if (!t || 'type' in t) return t;
  if (t.next < args.length) return malformed('delete', 'unexpectedText', t.target.meter);
  return { type: 'delete', target: t.target };
}

type Setting = 'min' | 'max' | 'digits' | 'maxRate';
const SETTING_WORDS = new Map<string, Setting>([
  ['min', 'min'],
  ['minimum', 'min'],
  ['ต่ำสุด', 'min'],
  ['max', 'max'],
  ['maximum', 'max'],
  ['สูงสุด', 'max'],
  ['digits', 'digits'],
  ['หลัก', 'digits'],
  ['rate', 'maxRate'],
  ['maxrate', 'maxRate'],
  ['อัตรา', 'maxRate'],
  ['อัตราสูงสุด', 'maxRate'],
]);
const NONE_WORDS = new Set(['none', 'off', 'clear', 'ไม่มี', 'ไม่กำหนด']);
const PER_DAY_WORDS = new Set(['/day', 'ต่อวัน']);

// set <meter> (min|max|digits|rate [=] <value|none>)+
function parseSetMeter(args: Token[]): Command | null {
  const at = args.findIndex((t) => isWord(t, SETTING_WORDS));
  const ref = requiredRef(at >= 0 ? args.slice(0, at) : args);
  if (!ref) return null;
  if (!ref.ok) return malformed('setMeter', ref.problem);
  const meter = ref.value;
  if (at < 0) return malformed('setMeter', 'missingSetting', meter);
  const cmd: SetMeterCommand = { type: 'setMeter', meter };
  let i = at;
  while (i < args.length) {
    let key = SETTING_WORDS.get(args[i]?.quoted ? '' : (args[i]?.lower ?? ''));
    if (!key) return malformed('setMeter', 'unexpectedText', meter);
    i++;
    if (key === 'max' && args[i]?.lower === 'rate') {
      key = 'maxRate';
      i++;
    }
    if (cmd[key] !== undefined) return malformed('setMeter', 'duplicateSetting', meter);
    if (isSymbol(args[i], '=')) i++;
    const tok = args[i];
    if (!tok || tok.quoted || tok.text === '=' || tok.text === '@') {
      return malformed('setMeter', 'missingValue', meter);
    }
    i++;
    if (NONE_WORDS.has(tok.lower)) {
      cmd[key] = null;
    } else if (key === 'digits') {
      const digits = smallInt(tok.text, LIMITS.digitsMax);
      if (digits === null) return malformed('setMeter', 'badDigits', meter);
      cmd.digits = digits;
    } else {
      const value = parseDecimal(tok.text);
      if (!value.ok) return malformed('setMeter', value.problem, meter);
      // A plausible usage per day cannot be negative.
      if (key === 'maxRate' && value.value.startsWith('-')) {
        return malformed('setMeter', 'badNumber', meter);
      }
      cmd[key] = value.value;
      if (key === 'maxRate' && args[i]?.lower === 'per' && args[i + 1]?.lower === 'day') i += 2;
      else if (key === 'maxRate' && isWord(args[i], PER_DAY_WORDS)) i++;
    }
  }
  if (typeof cmd.min === 'string' && typeof cmd.max === 'string') {
    const minAboveMax = new Decimal(cmd.min).greaterThan(cmd.max);
    if (minAboveMax) return malformed('setMeter', 'minAboveMax', meter);
  }
  return cmd;
}

const REPLACE_WORDS = new Map<string, 'final' | 'initial'>([
  ['final', 'final'],
  ['old', 'final'],
  ['ค่าสุดท้าย', 'final'],
  ['ค่าเก่า', 'final'],
  ['initial', 'initial'],
  ['start', 'initial'],
  ['new', 'initial'],
  ['ค่าเริ่มต้น', 'initial'],
  ['ค่าใหม่', 'initial'],
]);

// new <meter> final <value> initial <value> [@ time]
function parseReplaceMeter(args: Token[]): Command | null {
  const at = args.findIndex((t) => isWord(t, REPLACE_WORDS) || isSymbol(t, '@'));
  const ref = requiredRef(at >= 0 ? args.slice(0, at) : args);
  if (!ref) return null;
  if (!ref.ok) return malformed('replaceMeter', ref.problem);
  const meter = ref.value;
  const values: { final?: string; initial?: string } = {};
  let i = at < 0 ? args.length : at;
  let when: TimeSpec | undefined;
  while (i < args.length) {
    const tok = args[i];
    const key = tok && !tok.quoted ? REPLACE_WORDS.get(tok.lower) : undefined;
    if (!key) {
      const spec = parseTimeSpec(args.slice(i));
      if (!spec.ok) return malformed('replaceMeter', spec.problem, meter);
      when = spec.value;
      break;
    }
    if (values[key] !== undefined) return malformed('replaceMeter', 'duplicateSetting', meter);
    i++;
    if (isSymbol(args[i], '=')) i++;
    const valueTok = args[i];
    if (!valueTok || valueTok.quoted || !NUMBERISH_RE.test(valueTok.lower)) {
      return malformed('replaceMeter', 'missingValue', meter);
    }
    const value = parseDecimal(valueTok.text);
    if (!value.ok) return malformed('replaceMeter', value.problem, meter);
    values[key] = value.value;
    i++;
  }
  if (values.final === undefined || values.initial === undefined) {
    return malformed('replaceMeter', 'missingValue', meter);
  }
  return {
    type: 'replaceMeter',
    meter,
    final: values.final,
    initial: values.initial,
    ...(when ? { at: when } : {}),
  };
}

/** Known units, by lower-case spelling -> canonical spelling. */
const UNITS = new Map<string, string>(
  'kWh Wh MWh kW m³ m L mL liter liters litre litres gal km mi miles mm cm g lux ppm dB °C °F mmHg bpm kg lb lbs % mg/dL mmol/L kPa psi bar h hours units unit THB baht หน่วย ลิตร ลบ.ม. ลูกบาศก์เมตร กม. กิโลเมตร กก. บาท'
    .split(' ')
    .map((u): [string, string] => [u.toLowerCase(), u])
    .concat([
      ['m3', 'm³'], // NFKC turns m³ into m3; show it the way people write it
      ['m^3', 'm³'],
      ['cu.m', 'm³'],
      ['cu.m.', 'm³'],
      ['cbm', 'm³'],
      ['ltr', 'L'],
    ]),
);

/** The usual spelling of a known unit (`kwh` -> `kWh`, `m3` -> `m³`); other units unchanged. */
export function canonicalUnit(unit: string): string {
  return UNITS.get(unit.toLowerCase()) ?? unit;
}

// add meter|counter|gauge|amount|delta <name> [unit]
//   unquoted name: the last word is the unit when it is a known unit (UNITS);
//   quoted name: the one word after it, if any, is the unit, whatever it is.
function parseAddMeter(args: Token[], kind: SourceKind | undefined): Command {
  const first = args[0];
  if (!first) return malformed('addMeter', 'missingName');
  let nameToks: Token[];
  let unitTok: Token | undefined;
  if (first.quoted) {
    if (args.length > 2) return malformed('addMeter', 'unexpectedText');
    nameToks = [first];
    unitTok = args[1];
  } else {
    const last = args.at(-1);
    unitTok = args.length >= 2 && isWord(last, UNITS) ? last : undefined;
    nameToks = unitTok ? args.slice(0, -1) : args;
    if (nameToks.some((t) => t.quoted || t.text === '=' || t.text === '@')) {
      return malformed('addMeter', 'badName');
    }
  }
  const name = nameToks.map((t) => t.text).join(' ');
  const problem = meterNameProblem(name);
  if (problem) return malformed('addMeter', problem);
  let unit: string | undefined;
  if (unitTok) {
    unit = canonicalUnit(unitTok.text);
    if (unitTok.quoted || unit === '' || codePoints(unit) > LIMITS.unitLength) {
      return malformed('addMeter', 'badUnit');
    }
    if (NAME_FORBIDDEN_RE.test(unit)) return malformed('addMeter', 'badUnit');
  }
  return { type: 'addMeter', name, ...(unit ? { unit } : {}), ...(kind ? { kind } : {}) };
}

function parseFamily(match: FamilyMatch, s: string): Command | null {
  const args = tokenize(s, match.from);
  switch (match.family) {
    case 'history':
      return parseHistory(args);
    case 'fix':
      return parseFix(args);
    case 'delete':
      return parseDelete(args);
    case 'setMeter':
      return parseSetMeter(args);
    case 'replaceMeter':
      return parseReplaceMeter(args);
    case 'usage':
      return parseUsage(args);
    case 'chart':
      return parseChart(args);
    case 'share':
      return parseShare(s, args);
    case 'unshare':
      return parseUnshare(s, args);
    case 'access':
    case 'audit':
    case 'archive':
      return parseMeterOnly(match.family, args);
    case 'addMeter':
      return parseAddMeter(args, match.kind);
  }
}

// ---------------------------------------------------------------------------
// One-word commands: the whole message, spaces and trailing ?!. ignored

type NullaryType = 'listMeters' | 'undo' | 'linkGoogle' | 'unlinkGoogle' | 'whoami' | 'help';

const NULLARY = new Map<string, NullaryType>([
  ['meters', 'listMeters'],
  ['meter', 'listMeters'],
  ['list', 'listMeters'],
  ['listmeters', 'listMeters'],
  ['mymeters', 'listMeters'],
  ['มิเตอร์', 'listMeters'],
  ['รายการ', 'listMeters'],
  ['รายการมิเตอร์', 'listMeters'],
  ['undo', 'undo'],
  ['ย้อนกลับ', 'undo'],
  ['เลิกทำ', 'undo'],
  ['link', 'linkGoogle'],
  ['linkgoogle', 'linkGoogle'],
  ['เชื่อมgoogle', 'linkGoogle'],
  ['เชื่อมต่อgoogle', 'linkGoogle'],
  ['unlink', 'unlinkGoogle'],
  ['unlinkgoogle', 'unlinkGoogle'],
  ['ยกเลิกเชื่อมgoogle', 'unlinkGoogle'],
  ['ยกเลิกเชื่อมต่อgoogle', 'unlinkGoogle'],
  ['เลิกเชื่อมgoogle', 'unlinkGoogle'],
  ['whoami', 'whoami'],
  ['ฉันคือใคร', 'whoami'],
  ['help', 'help'],
  ['?', 'help'],
  ['commands', 'help'],
  ['ช่วยเหลือ', 'help'],
  ['วิธีใช้', 'help'],
]);

function nullaryKey(s: string): string {
  const compact = s.toLowerCase().replace(/ /g, '');
  const trimmed = compact.replace(/[?!.]+$/, '');
  return trimmed === '' ? compact.slice(0, 1) : trimmed;
}

// ---------------------------------------------------------------------------
// Account commands: `remove line #2` (the number `whoami` shows), the whole message

const REMOVE_LINE = /^(?:remove|ลบ) ?(?:line|ไลน์) ?#? ?(\d{1,3})[.!]?$/i;

function parseRemoveLine(s: string): Command | null {
  const match = REMOVE_LINE.exec(s);
  const position = Number(match?.[1]);
  return match && position >= 1 ? { type: 'removeLine', position } : null;
}

// ---------------------------------------------------------------------------
// Entry point

/**
 * What a chat message asks for, or null for ordinary chatter. Pure, total, never throws;
 * a message longer than LIMITS.messageLength is not read (malformed 'tooLong').
 */
export function parseMessage(text: string): Command | null {
  if (typeof text !== 'string') return null;
  if (text.length > LIMITS.messageLength) {
    return { type: 'malformed', topic: 'tooLong', problem: 'tooLong' };
  }
  const s = normalizeText(text);
  if (s === '') return null;
  const nullary = NULLARY.get(nullaryKey(s));
  if (nullary) return { type: nullary };
  const removeLine = parseRemoveLine(s);
  if (removeLine) return removeLine;
  const toks = tokenize(s);
  const family = matchFamily(s, toks);
  if (family) return parseFamily(family, s);
  return parseReading(s, toks);
}

// ---------------------------------------------------------------------------
// Formatting: canonical English text that parses back to the same command

/** Words a bare name must not be, or it would read as grammar. */
const RESERVED_WORDS = new Set<string>([
  ...EN_FAMILIES.keys(),
  'add',
  ...ADD_KINDS.keys(),
  ...[...NULLARY.keys()].filter((k) => /^[a-z]+$/.test(k)),
  'google',
  ...METER_WORDS,
  ...LAST_WORDS,
  ...SETTING_WORDS.keys(),
  ...NONE_WORDS,
  ...REPLACE_WORDS.keys(),
  ...READINGS_WORDS,
  ...MONTHLY_WORDS,
  ...MONTH_UNITS.keys(),
  ...ROLE_WORDS.keys(),
  ...MEMBER_CONNECTORS,
  ...DAY_WORDS.keys(),
  ...DAYS_WORDS,
  ...THAI_AGO_WORDS,
  ...THAI_AGO_TAIL,
  ...TIME_SUFFIXES,
  ...AT_WORDS,
  ...UNITS.keys(),
  'ago',
  'per',
  'day',
  'วัน',
  'ที่',
]);

/** A single word that reads back as itself; anything else is written in quotes. */
function isPlainName(name: string): boolean {
  return (
    /^\p{L}[\p{L}\p{M}\p{N}]*$/u.test(name) &&
    meterNameProblem(name) === null &&
    !RESERVED_WORDS.has(name.toLowerCase()) &&
    matchThaiKeyword(name) === null
  );
}

function formatName(name: string): string {
  return isPlainName(name) ? name : `"${name}"`;
}

function formatRef(ref: MeterRef): string {
  return ref.by === 'number' ? `meter ${ref.number}` : formatName(ref.name);
}

function formatTime(at: TimeSpec): string {
  const time = at.time ? ` ${at.time}` : '';
  if (at.kind === 'date') return `${at.date}${time}`;
  if (at.days === 0) return at.time ?? 'today';
  if (at.days === 1) return `yesterday${time}`;
  return `${at.days} days ago${time}`;
}

function formatTarget(target: ReadingRef): string {
  const meter = target.meter ? `${formatRef(target.meter)} ` : '';
  return `${meter}${target.which === 'last' ? 'last' : `#${target.number}`}`;
}

const KIND_WORDS: Record<SourceKind, string> = {
  cumulative: 'counter',
  gauge: 'gauge',
  delta: 'amount',
};

/**
 * Canonical English text for a command; `parseMessage(formatCommand(c))` equals `c`.
 * (A `loose` reading that has a time or a note is written with `=` and loses `loose`.)
 */
export function formatCommand(cmd: WellFormedCommand): string {
  const opt = (part: string | undefined | false): string => (part ? ` ${part}` : '');
  switch (cmd.type) {
    case 'reading': {
      const { meter } = cmd;
      if (cmd.loose && meter?.by === 'name' && !cmd.at && !cmd.note && isLooseWord(meter.name)) {
        return `${meter.name} ${cmd.value}`;
      }
      const head = meter ? `${formatRef(meter)} = ${cmd.value}` : cmd.value;
      return `${head}${opt(cmd.at && `@ ${formatTime(cmd.at)}`)}${opt(cmd.note && `# ${cmd.note}`)}`;
    }
    case 'addMeter': {
      const kind = cmd.kind ? KIND_WORDS[cmd.kind] : 'meter';
      // Unquoted, the last word is taken as the unit only when it is a known one.
      const knownUnit = cmd.unit === undefined || UNITS.get(cmd.unit.toLowerCase()) === cmd.unit;
      const plain = isPlainName(cmd.name) && knownUnit;
      return `add ${kind} ${plain ? cmd.name : `"${cmd.name}"`}${opt(cmd.unit)}`;
    }
    case 'listMeters':
      return 'meters';
    case 'history':
      return `history${opt(cmd.meter && formatRef(cmd.meter))}`;
    case 'undo':
      return 'undo';
    case 'fix':
      return `fix ${formatTarget(cmd.target)} = ${cmd.value}`;
    case 'delete':
      return `delete ${formatTarget(cmd.target)}`;
    case 'setMeter': {
      const setting = (word: string, v: string | number | null | undefined) =>
        v === undefined ? '' : ` ${word} ${v ?? 'none'}`;
      return `set ${formatRef(cmd.meter)}${setting('min', cmd.min)}${setting('max', cmd.max)}${setting('digits', cmd.digits)}${setting('rate', cmd.maxRate)}`;
    }
    case 'replaceMeter':
      return `new ${formatRef(cmd.meter)} final ${cmd.final} initial ${cmd.initial}${opt(cmd.at && `@ ${formatTime(cmd.at)}`)}`;
    case 'usage':
      return `usage${opt(cmd.meter && formatRef(cmd.meter))}${opt(cmd.month)}`;
    case 'chart':
      return `chart${opt(cmd.meter && formatRef(cmd.meter))}${opt(cmd.mode === 'readings' && 'readings')}${opt(cmd.months !== undefined && `${cmd.months} months`)}`;
    case 'share':
      return `share ${formatRef(cmd.meter)}${opt(cmd.member)}${opt(cmd.role)}`;
    case 'unshare':
      return `unshare ${formatRef(cmd.meter)}${opt(cmd.member)}`;
    case 'access':
    case 'audit':
    case 'archive':
      return `${cmd.type} ${formatRef(cmd.meter)}`;
    case 'linkGoogle':
      return 'link google';
    case 'unlinkGoogle':
      return 'unlink google';
    case 'whoami':
      return 'whoami';
    case 'removeLine':
      return `remove line #${cmd.position}`;
    case 'help':
      return 'help';
  }
}

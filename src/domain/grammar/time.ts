// Time expressions: `08:00`, `8pm`, `20.00 น.`, `yesterday`, `3 days ago`, `เมื่อวาน`,
// `2026-11-01`, `1/11/2569` (Buddhist-era years are read as such), and months for `usage`.

import { LIMITS, type TimeSpec } from '../commands';
import {
  AT_WORDS,
  DAY_WORDS,
  DAYS_WORDS,
  MONTH_NAMES,
  THAI_AGO_TAIL,
  THAI_AGO_WORDS,
  TIME_SUFFIXES,
} from './keywords';
import { bad, DIGITS, isSymbol, isWord, type Match, ok, type Result, type Token } from './lexer';

const TIME_RE = /^(\d{1,2})(?:[:.](\d{2}))?(am|pm|a\.m\.|p\.m\.|น\.?)?$/;
const TIME_LIKE_RE = /^\d{1,2}[:.]\d*$|^\d*:\d+$/;

const THAI_DAYS_AGO_RE = /^(\d+)วัน(?:ก่อน|ที่แล้ว)$/;
const ISO_DATE_RE = /^(\d{4})-(\d{1,2})-(\d{1,2})$/;
const DMY_DATE_RE = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/;
const DATE_LIKE_RE = /^\d+[-/]\d*[-/]?\d*$/;

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

type DayPart =
  | { kind: 'date'; date: string }
  | { kind: 'daysAgo'; days: number }
  | { kind: 'monthDay'; month: number; day: number };

/** `15 Nov [2025]`, `15 พ.ย. [2568]`: a day as the bot prints it, with or without its year. */
function matchNamedMonthDay(toks: Token[], i: number): Match<DayPart> | null {
  const dayTok = toks[i];
  const monthTok = toks[i + 1];
  if (!dayTok || !monthTok || monthTok.quoted || !/^\d{1,2}$/.test(dayTok.text)) return null;
  const month = MONTH_NAMES.get(monthTok.lower);
  if (month === undefined) return null;
  const day = Number(dayTok.text);
  const yearTok = toks[i + 2];
  if (yearTok && !yearTok.quoted && /^\d{4}$/.test(yearTok.text)) {
    const date = checkDate(Number(yearTok.text), month, day);
    return { next: i + 3, result: date.ok ? ok({ kind: 'date', date: date.value }) : date };
  }
  // Any year will do for the check but a leap one, so that 29 Feb is a day.
  if (day < 1 || day > daysInMonth(2024, month)) return { next: i + 2, result: bad('badDate') };
  return { next: i + 2, result: ok({ kind: 'monthDay', month, day }) };
}

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
    const named = matchNamedMonthDay(toks, i);
    if (named) return named;
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
export function parseTimeSpec(toks: Token[]): Result<TimeSpec> {
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

export const MONTH_LIKE_RE = /^\d{1,4}[-/]\d{1,4}$/;

/** 'YYYY-MM' from `2026-10`, `10/2026`, `2569-10`, `10/2569`. */
export function parseMonth(text: string): Result<string> {
  const iso = /^(\d{4})-(\d{1,2})$/.exec(text);
  const my = /^(\d{1,2})\/(\d{4})$/.exec(text);
  const year = gregorianYear(Number(iso?.[1] ?? my?.[2] ?? 0));
  const month = Number(iso?.[2] ?? my?.[1] ?? 0);
  if (year === null || month < 1 || month > 12) return bad('badMonth');
  return ok(`${year}-${pad2(month)}`);
}

// The commands that start with a keyword (`history`, `fix`, `set`, `usage`, `share`, `add meter`,
// and their Thai forms), one function per family.

import Decimal from 'decimal.js';
import {
  type Command,
  LIMITS,
  type Problem,
  type ReadingRef,
  type SetMeterCommand,
  type TimeSpec,
} from '../commands';
import type { Role, SourceKind } from '../types';
import { isValueName, MAX_VALUES } from '../values';
import {
  canonicalUnit,
  type FamilyMatch,
  LAST_WORDS,
  MEMBER_CONNECTORS,
  MONTH_UNITS,
  MONTHLY_WORDS,
  MY_DATA_RE,
  NONE_WORDS,
  PER_DAY_WORDS,
  RANGE_TO_WORDS,
  RANGE_WORDS,
  READINGS_WORDS,
  REPLACE_WORDS,
  ROLE_WORDS,
  SETTING_WORDS,
  UNITS,
  VALUE_NAMES_WORDS,
} from './keywords';
import { codePoints, DIGITS, isSymbol, isWord, malformed, type Token, tokenize } from './lexer';
import { meterNameProblem, NAME_FORBIDDEN_RE, parseRef, requiredRef } from './names';
import { NUMBERISH_RE, parseDecimal, smallInt } from './numbers';
import { readValues } from './readings';
import { MONTH_LIKE_RE, parseMonth, parseTimeSpec } from './time';

// history [meter]
function parseHistory(args: Token[]): Command | null {
  const ref = parseRef(args);
  if (!ref) return null;
  if (!ref.ok) return malformed('history', ref.problem);
  return ref.ref ? { type: 'history', meter: ref.ref } : { type: 'history' };
}

// access|audit|archive <meter>
function parseMeterOnly(
  type: 'access' | 'audit' | 'archive' | 'unarchive',
  args: Token[],
): Command | null {
  const ref = requiredRef(args);
  if (!ref) return null;
  return ref.ok ? { type, meter: ref.value } : malformed(type, ref.problem);
}

// export my data | export <meter>
function parseExport(s: string, from: number, args: Token[]): Command | null {
  if (MY_DATA_RE.test(s.slice(from).trim())) return { type: 'exportMyData' };
  const ref = requiredRef(args);
  if (!ref) return null;
  return ref.ok ? { type: 'exportMeter', meter: ref.value } : malformed('exportMeter', ref.problem);
}

// import <meter>
function parseImport(args: Token[]): Command | null {
  const ref = requiredRef(args);
  if (!ref) return null;
  return ref.ok ? { type: 'importMeter', meter: ref.value } : malformed('importMeter', ref.problem);
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

// unshare <meter> [@member] | unshare <meter> #<entry of the access list>
function parseUnshare(s: string, args: Token[]): Command | null {
  const hash = args.findIndex((t) => !t.quoted && t.text.startsWith('#'));
  if (hash >= 0) {
    const ref = requiredRef(args.slice(0, hash));
    if (!ref) return null;
    if (!ref.ok) return malformed('unshare', ref.problem);
    const rest = args.slice(hash + 1);
    const digits = args[hash]!.text.slice(1) || (rest.length === 1 ? rest.shift()!.text : '');
    const entry = rest.length === 0 && DIGITS.test(digits) ? smallInt(digits, 999) : null;
    if (entry === null || entry < 1) return malformed('unshare', 'badEntry', ref.value);
    return { type: 'unshare', meter: ref.value, entry };
  }
  const split = splitMember(s, args, false);
  const ref = requiredRef(split.refToks);
  if (!ref) return null;
  if (!ref.ok) return malformed('unshare', ref.problem);
  if (split.problem) return malformed('unshare', split.problem, ref.value);
  return { type: 'unshare', meter: ref.value, ...(split.member ? { member: split.member } : {}) };
}

/** `[meter] #12` or `[meter] last`, then whatever follows (from `next`). */
function parseTarget(
  topic: 'fix' | 'delete' | 'photo',
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
  const values = readValues(args, i);
  if (!values.result.ok) return malformed('fix', values.result.problem, target.meter);
  if (values.next < args.length) return malformed('fix', 'unexpectedText', target.meter);
  return { type: 'fix', target, ...values.result.value };
}

// delete [meter] #12|last
function parseDelete(args: Token[]): Command | null {
  const t = parseTarget('delete', args);
  if (!t || 'type' in t) return t;
  if (t.next < args.length) return malformed('delete', 'unexpectedText', t.target.meter);
  return { type: 'delete', target: t.target };
}

// photo [meter] #12|last
function parsePhoto(args: Token[]): Command | null {
  const t = parseTarget('photo', args);
  if (!t || 'type' in t) return t;
  if (t.next < args.length) return malformed('photo', 'unexpectedText', t.target.meter);
  return { type: 'photo', target: t.target };
}

const RANGE_RE = /^([+-]?[\d.,]+)-([+-]?[\d.,]+)$/;

// set <meter> <value name> range <low>-<high>|none   (also `low - high`, `low to high`)
function parseValueRange(args: Token[], at: number): Command | null {
  const nameTok = args[at - 1];
  const ref = requiredRef(args.slice(0, Math.max(at - 1, 0)));
  if (!ref) return null;
  if (!ref.ok) return malformed('setMeter', ref.problem);
  const meter = ref.value;
  if (!nameTok || nameTok.quoted || !isValueName(nameTok.text)) {
    return malformed('setMeter', 'badValueNames', meter);
  }
  const rest = args.slice(at + 1);
  const base = { type: 'setValueRange' as const, meter, value: nameTok.text };
  if (rest.length === 1 && isWord(rest[0], NONE_WORDS)) return { ...base, min: null, max: null };
  let bounds: [string, string] | null = null;
  const glued = rest.length === 1 ? RANGE_RE.exec(rest[0]?.text ?? '') : null;
  if (glued) bounds = [glued[1] ?? '', glued[2] ?? ''];
  else if (rest.length === 3 && (rest[1]?.text === '-' || isWord(rest[1], RANGE_TO_WORDS))) {
    bounds = [rest[0]?.text ?? '', rest[2]?.text ?? ''];
  }
  if (!bounds || rest.some((t) => t.quoted)) return malformed('setMeter', 'badRange', meter);
  const low = parseDecimal(bounds[0]);
  const high = parseDecimal(bounds[1]);
  if (!low.ok) return malformed('setMeter', low.problem, meter);
  if (!high.ok) return malformed('setMeter', high.problem, meter);
  if (new Decimal(low.value).greaterThan(high.value)) {
    return malformed('setMeter', 'badRange', meter);
  }
  return { ...base, min: low.value, max: high.value };
}

// set <meter> (min|max|digits|rate [=] <value|none>)+
function parseSetMeter(args: Token[]): Command | null {
  const range = args.findIndex((t) => isWord(t, RANGE_WORDS));
  if (range >= 0) return parseValueRange(args, range);
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

/** `sys dia pulse?`: at least two distinct names; optional ones (`?`) only at the end. */
function parseValueNames(toks: Token[]): { name: string; optional?: true }[] | null {
  if (toks.length < 2 || toks.length > MAX_VALUES) return null;
  const values: { name: string; optional?: true }[] = [];
  const seen = new Set<string>();
  for (const tok of toks) {
    const optional = tok.text.endsWith('?');
    const name = optional ? tok.text.slice(0, -1) : tok.text;
    const folded = name.toLowerCase();
    if (tok.quoted || !isValueName(name) || seen.has(folded)) return null;
    // A required value after an optional one could never be told apart from it.
    if (!optional && values.some((v) => v.optional)) return null;
    seen.add(folded);
    values.push(optional ? { name, optional: true } : { name });
  }
  return values;
}

// add meter|counter|gauge|amount|delta <name> [unit] [values <name> <name> [<name>?]…]
//   unquoted name: the last word is the unit when it is a known unit (UNITS);
//   quoted name: the one word after it, if any, is the unit, whatever it is.
function parseAddMeter(allArgs: Token[], kind: SourceKind | undefined): Command {
  // `values` after the name (never as the name itself) starts the value names.
  const split = allArgs.findIndex((t, i) => i > 0 && isWord(t, VALUE_NAMES_WORDS));
  const args = split > 0 ? allArgs.slice(0, split) : allArgs;
  let values: { name: string; optional?: true }[] | undefined;
  if (split > 0) {
    const names = parseValueNames(allArgs.slice(split + 1));
    // Several values make a measurement: a counter or an amount has one number.
    if (!names || (kind !== undefined && kind !== 'gauge')) {
      return malformed('addMeter', 'badValueNames');
    }
    values = names;
  }
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
  return {
    type: 'addMeter',
    name,
    ...(unit ? { unit } : {}),
    ...(kind ? { kind } : {}),
    ...(values ? { values } : {}),
  };
}

export function parseFamily(match: FamilyMatch, s: string): Command | null {
  const args = tokenize(s, match.from);
  switch (match.family) {
    case 'history':
      return parseHistory(args);
    case 'fix':
      return parseFix(args);
    case 'delete':
      return parseDelete(args);
    case 'photo':
      return parsePhoto(args);
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
    case 'unarchive':
      return parseMeterOnly(match.family, args);
    case 'export':
      return parseExport(s, match.from, args);
    case 'import':
      return parseImport(args);
  }
}

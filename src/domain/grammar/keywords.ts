// Every word the grammar knows, in English and Thai: command keywords, meter words, day and
// time words, settings, roles, units, and the one-word commands. The parsers read these
// tables; the formatter quotes any name that would read as one of them.

import type { Role, SourceKind } from '../types';
import { isWord, THAI_LETTER, type Token } from './lexer';

// ---------------------------------------------------------------------------
// Meters

/** Words that introduce a meter number (`meter 1`, `m 1`, `มิเตอร์ 1`). */
export const METER_WORDS = new Set(['meter', 'm', 'มิเตอร์', 'มิเตอร์ที่']);
/** Words that may precede a meter name and are dropped (`history meter Electric`). */
export const NAME_PREFIX_WORDS = new Set(['meter', 'มิเตอร์']);
export const METER_GLUED_RE = /^(?:meter|m|มิเตอร์(?:ที่)?)(\d+)$/;

// ---------------------------------------------------------------------------
// Days and times

export const TIME_SUFFIXES = new Set(['am', 'pm', 'a.m.', 'p.m.', 'น.', 'น', 'นาฬิกา']);
export const DAY_WORDS = new Map([
  ['today', 0],
  ['วันนี้', 0],
  ['yesterday', 1],
  ['เมื่อวาน', 1],
  ['เมื่อวานนี้', 1],
  ['เมื่อวานซืน', 2],
]);
export const DAYS_WORDS = new Set(['day', 'days']);
export const THAI_AGO_WORDS = new Set(['วันก่อน', 'วันที่แล้ว']);
export const THAI_AGO_TAIL = new Set(['ก่อน', 'ที่แล้ว']);

export const AT_WORDS = new Set(['at']);

/** Month names as the bot prints dates (`15 Nov`, `15 พ.ย.`) and their long forms. */
export const MONTH_NAMES = new Map<string, number>(
  [
    'jan january ม.ค. มกราคม',
    'feb february ก.พ. กุมภาพันธ์',
    'mar march มี.ค. มีนาคม',
    'apr april เม.ย. เมษายน',
    'may พ.ค. พฤษภาคม',
    'jun june มิ.ย. มิถุนายน',
    'jul july ก.ค. กรกฎาคม',
    'aug august ส.ค. สิงหาคม',
    'sep sept september ก.ย. กันยายน',
    'oct october ต.ค. ตุลาคม',
    'nov november พ.ย. พฤศจิกายน',
    'dec december ธ.ค. ธันวาคม',
  ].flatMap((names, index) => names.split(' ').map((name): [string, number] => [name, index + 1])),
);

// ---------------------------------------------------------------------------
// Chatter

/** Common chat words that are never taken as a meter name in the loose `word number` form. */
export const CHATTER_WORDS = new Set([
  ...'ok okay okey k kk lol haha hahaha yes no yeah yep nope thanks thank thx ty'.split(' '),
  ...'hi hello hey bye wow oh ah omg sure maybe about around only just paid pay total'.split(' '),
  ...'sum got is was it the a an and or to for in on of with me my you we i'.split(' '),
  ...'โอเค ครับ ค่ะ คะ จ้า จ้ะ นะ ได้ แล้ว จ่าย ราคา รวม บาท'.split(' '),
]);

// ---------------------------------------------------------------------------
// Command keywords

type Family =
  | 'history'
  | 'fix'
  | 'delete'
  | 'photo'
  | 'setMeter'
  | 'replaceMeter'
  | 'usage'
  | 'chart'
  | 'share'
  | 'unshare'
  | 'access'
  | 'audit'
  | 'archive'
  | 'addMeter'
  | 'unarchive'
  | 'export'
  | 'import';

const EN_FAMILIES = new Map<string, Family>([
  ['history', 'history'],
  ['fix', 'fix'],
  ['edit', 'fix'],
  ['correct', 'fix'],
  ['delete', 'delete'],
  ['del', 'delete'],
  ['remove', 'delete'],
  ['photo', 'photo'],
  ['picture', 'photo'],
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
  ['unarchive', 'unarchive'],
  ['restore', 'unarchive'],
  ['export', 'export'],
  ['import', 'import'],
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
    { re: /^(?:รูปภาพ|รูปถ่าย|รูป|ภาพถ่าย|ภาพ)/, family: 'photo' },
    { re: /^ตั้งค่า/, family: 'setMeter' },
    { re: /^เปลี่ยน/, family: 'replaceMeter' },
    { re: /^(?:การใช้งาน|การใช้|ใช้ไป|ยอดใช้)/, family: 'usage' },
    { re: /^กราฟ/, family: 'chart' },
    { re: /^(?:ยกเลิกแชร์|เลิกแชร์)/, family: 'unshare' },
    { re: /^แชร์/, family: 'share' },
    { re: /^สิทธิ์?/, family: 'access' },
    { re: /^ตรวจสอบ/, family: 'audit' },
    { re: /^เก็บถาวร/, family: 'archive' },
    // Asked the way people talk, and the bot's own button label: ใช้ไปเท่าไร, ใช้ไปเดือนนี้เท่าไหร่.
    {
      re: /^(?:เดือนนี้ ?)?(?:ใช้ไป|ใช้) ?(?:เดือนนี้ ?)?(?:เท่าไร|เท่าไหร่|เท่าไร่)(?: ?(?:คะ|ครับ|ค่ะ|จ๊ะ))?(?: ?\?+)?/,
      family: 'usage',
    },
    { re: /^(?:ยกเลิกเก็บถาวร|เลิกเก็บถาวร|นำกลับมา)/, family: 'unarchive' },
    { re: /^ส่งออก(?= ?ข้อมูล)/, family: 'export', glued: true },
    { re: /^ส่งออก/, family: 'export' },
    { re: /^นำเข้า/, family: 'import' },
  ];

const ARTICLES = new Set(['a', 'an']);

export interface FamilyMatch {
  family: Family;
  /** Offset in the message where the arguments start. */
  from: number;
  kind?: SourceKind;
}

/** A Thai keyword ends at a space, a non-Thai character, or before มิเตอร์ / ล่าสุด. */
export function matchThaiKeyword(s: string): FamilyMatch | null {
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

export function matchFamily(s: string, toks: Token[]): FamilyMatch | null {
  const [first, second] = toks;
  if (!first || first.quoted) return null;
  const family = EN_FAMILIES.get(first.lower);
  if (family) return { family, from: first.end };
  if (first.lower === 'add' && second && isWord(second, ADD_KINDS)) {
    const kind = ADD_KINDS.get(second.lower);
    return { family: 'addMeter', from: second.end, ...(kind ? { kind } : {}) };
  }
  // "Add a meter" (the button label): the article is not part of the name.
  const third = toks[2];
  if (first.lower === 'add' && isWord(second, ARTICLES) && third && isWord(third, ADD_KINDS)) {
    const kind = ADD_KINDS.get(third.lower);
    return { family: 'addMeter', from: third.end, ...(kind ? { kind } : {}) };
  }
  return matchThaiKeyword(s);
}

// ---------------------------------------------------------------------------
// Arguments of keyword commands

export const READINGS_WORDS = new Set([
  ...['readings', 'reading', 'values', 'ค่าที่อ่าน', 'ค่าอ่าน', 'ค่า'],
  ...['ค่าที่จด', 'ค่าที่จดไว้'],
]);
export const MONTHLY_WORDS = new Set(['monthly', 'รายเดือน']);
export const MONTH_UNITS = new Map([
  ['months', 1],
  ['month', 1],
  ['เดือน', 1],
  ['years', 12],
  ['year', 12],
  ['ปี', 12],
]);

export const ROLE_WORDS = new Map<string, Role>([
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
  // Thai as people say it, and as the bot itself describes a group share.
  ['อ่านอย่างเดียว', 'read'],
  ['ดูอย่างเดียว', 'read'],
  ['ดูได้อย่างเดียว', 'read'],
  ['ส่งค่าได้', 'write'],
]);
export const MEMBER_CONNECTORS = new Set(['with', 'to', 'from', 'ให้', 'กับ', 'จาก']);

export const LAST_WORDS = new Set(['last', 'latest', 'ล่าสุด']);

/** `export my data`, `ส่งออกข้อมูลของฉัน`: what follows the export keyword for the person's data. */
export const MY_DATA_RE =
  /^(?:my ?data|all ?my ?data|ข้อมูล ?ของ ?ฉัน|ข้อมูล ?ของ ?ผม|ข้อมูล ?ทั้งหมด|ข้อมูล ?ฉัน)[.!]?$/i;

type Setting = 'min' | 'max' | 'digits' | 'maxRate';
export const SETTING_WORDS = new Map<string, Setting>([
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
export const NONE_WORDS = new Set(['none', 'off', 'clear', 'ไม่มี', 'ไม่กำหนด']);

/** `add meter BP mmHg values sys dia pulse` / `… ค่า sys dia pulse`: the value names follow. */
export const VALUE_NAMES_WORDS = new Set(['values', 'ค่า']);
/** `set meter BP sys range 70-250` / `ตั้งค่า มิเตอร์ ความดัน sys ช่วง 70-250`. */
export const RANGE_WORDS = new Set(['range', 'ช่วง']);
/** `range 70 to 250`, `ช่วง 70 ถึง 250`. */
export const RANGE_TO_WORDS = new Set(['to', 'ถึง']);
export const PER_DAY_WORDS = new Set(['/day', 'ต่อวัน']);

export const REPLACE_WORDS = new Map<string, 'final' | 'initial'>([
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

/** Known units, by lower-case spelling -> canonical spelling. */
export const UNITS = new Map<string, string>(
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

// ---------------------------------------------------------------------------
// One-word commands: the whole message, spaces and trailing ?!. ignored

type NullaryType =
  | 'listMeters'
  | 'undo'
  | 'linkGoogle'
  | 'unlinkGoogle'
  | 'whoami'
  | 'help'
  | 'listArchived';

export const NULLARY = new Map<string, NullaryType>([
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
  // The bot's own button labels, typed back.
  ['มิเตอร์ของฉัน', 'listMeters'],
  ['คำสั่ง', 'help'],
  ['archived', 'listArchived'],
  ['รายการเก็บถาวร', 'listArchived'],
  ['ที่เก็บถาวร', 'listArchived'],
]);

export function nullaryKey(s: string): string {
  const compact = s.toLowerCase().replace(/ /g, '');
  const trimmed = compact.replace(/[?!.]+$/, '');
  return trimmed === '' ? compact.slice(0, 1) : trimmed;
}

// ---------------------------------------------------------------------------
// Reserved words

/** Words a bare name must not be, or it would read as grammar. */
export const RESERVED_WORDS = new Set<string>([
  ...EN_FAMILIES.keys(),
  'add',
  ...ADD_KINDS.keys(),
  ...[...NULLARY.keys()].filter((k) => /^[a-z]+$/.test(k)),
  'google',
  ...METER_WORDS,
  ...LAST_WORDS,
  ...SETTING_WORDS.keys(),
  ...NONE_WORDS,
  ...VALUE_NAMES_WORDS,
  ...RANGE_WORDS,
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

/**
 * Words that say what to do or how, never what: a meter name made of one of them is a
 * misread command (`share meter 2 read only`), so it is never reported as a missing meter.
 */
export const COMMAND_WORDS = new Set<string>([
  ...EN_FAMILIES.keys(),
  ...[...NULLARY.keys()].filter((k) => k !== 'meter' && k !== 'มิเตอร์'),
  ...ROLE_WORDS.keys(),
  ...READINGS_WORDS,
  ...MONTHLY_WORDS,
  ...MONTH_UNITS.keys(),
  ...SETTING_WORDS.keys(),
  ...LAST_WORDS,
  ...DAY_WORDS.keys(),
]);

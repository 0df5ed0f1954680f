// The money commands, in English and Thai: prices (`set meter 1 tariff mea-1.1.2`, `price`,
// `blocks`, `service`, `minimum charge`, `ft`, `vat`, each `from` a date), the billing day, `bill`,
// `paid`, `remind`, `alert` and `chart … cost`. Parsed before the other keyword commands, so that
// `set meter 1 vat 7` is not read as a validator setting; anything else is left to them.

import { isBillingPresetId } from '../billing/presets';
import { blocksProblem } from '../billing/tariff';
import type { Command, MeterRef, TariffChange } from '../commands';
import { METER_WORDS, NONE_WORDS, UNITS } from './keywords';
import { isSymbol, isWord, malformed, THAI_LETTER, type Token, tokenize } from './lexer';
import { parseRef, requiredRef } from './names';
import { NUMBERISH_RE, parseDecimal, smallInt } from './numbers';
import { MONTH_LIKE_RE, parseMonth, parseTimeSpec } from './time';

type Money = 'setMoney' | 'bill' | 'paid' | 'remind' | 'remindOff' | 'alert' | 'alertOff' | 'chart';

const EN_MONEY = new Map<string, Money>([
  ['set', 'setMoney'],
  ['bill', 'bill'],
  ['bills', 'bill'],
  ['paid', 'paid'],
  ['remind', 'remind'],
  ['reminder', 'remind'],
  ['alert', 'alert'],
  ['alerts', 'alert'],
  ['chart', 'chart'],
  ['graph', 'chart'],
]);

// Thai keywords match as a prefix (no spaces between Thai words); the "off" forms come first.
const TH_MONEY: ReadonlyArray<{ re: RegExp; money: Money }> = [
  { re: /^(?:ปิดแจ้งเตือน|เลิกแจ้งเตือน|ยกเลิกแจ้งเตือน)/, money: 'alertOff' },
  { re: /^แจ้งเตือน/, money: 'alert' },
  { re: /^(?:ปิดเตือน|เลิกเตือน|ยกเลิกเตือน)/, money: 'remindOff' },
  { re: /^เตือน/, money: 'remind' },
  { re: /^(?:ค่าไฟฟ้า|ค่าไฟ|ค่าน้ำประปา|ค่าน้ำ|ค่าใช้จ่าย|บิล)/, money: 'bill' },
  { re: /^(?:จ่ายแล้ว|ชำระแล้ว)/, money: 'paid' },
  { re: /^ตั้งค่า/, money: 'setMoney' },
  { re: /^กราฟ/, money: 'chart' },
];

type SettingWord = 'preset' | 'flat' | 'blocks' | 'service' | 'minimum' | 'adjustment' | 'vat';

const PRICE_WORDS = new Map<string, SettingWord>([
  ['tariff', 'preset'],
  ['ประเภท', 'preset'],
  ['อัตราค่าไฟ', 'preset'],
  ['อัตราค่าน้ำ', 'preset'],
  ['price', 'flat'],
  ['ราคา', 'flat'],
  ['ราคาต่อหน่วย', 'flat'],
  ['blocks', 'blocks'],
  ['ขั้นบันได', 'blocks'],
  ['service', 'service'],
  ['ค่าบริการ', 'service'],
  ['ค่าขั้นต่ำ', 'minimum'],
  ['ขั้นต่ำ', 'minimum'],
  ['ft', 'adjustment'],
  ['ค่าft', 'adjustment'],
  ['adjustment', 'adjustment'],
  ['vat', 'vat'],
  ['ภาษี', 'vat'],
  ['ภาษีมูลค่าเพิ่ม', 'vat'],
]);
const MINIMUM_WORDS = new Set(['min', 'minimum']);
const CHARGE_WORDS = new Set(['charge']);
const BILLING_DAY_WORDS = new Set(['วันจด', 'วันจดมิเตอร์', 'วันตัดรอบ', 'รอบบิล']);
const FROM_WORDS = new Set(['from', 'since', 'ตั้งแต่']);
const FOR_WORDS = new Set(['for', 'สำหรับ', 'เดือน', 'งวด', 'รอบ']);
const MONEY_UNITS = new Set(['baht', 'thb', 'บาท', '฿']);
const DAY_WORDS = new Set(['day', 'วันที่', 'วัน']);
const OFF_WORDS = new Set(['off', 'stop', 'ปิด', 'หยุด', ...NONE_WORDS]);
const OVER_WORDS = new Set(['over', 'above', '>', 'เกิน', 'มากกว่า']);
const COST_WORDS = new Set(['cost', 'costs', 'baht', 'money', 'ค่าใช้จ่าย', 'เงิน', 'บาท']);
const CLOCK_RE = /^(\d{1,2})[:.](\d{2})(?:น\.?)?$/;

interface MoneyMatch {
  money: Money;
  args: Token[];
}

function matchMoney(s: string, toks: Token[]): MoneyMatch | null {
  const first = toks[0];
  if (!first || first.quoted) return null;
  const english = EN_MONEY.get(first.lower);
  if (english) return { money: english, args: toks.slice(1) };
  for (const { re, money } of TH_MONEY) {
    const m = re.exec(s);
    if (!m) continue;
    const after = s.slice(m[0].length);
    const boundary = after === '' || !THAI_LETTER.test(after[0] ?? '') || after.startsWith('มิเตอร์');
    if (boundary) return { money, args: tokenize(s, m[0].length) };
  }
  return null;
}

/** A money amount or price: a decimal that is not negative. */
function amount(tok: Token | undefined): { value: string } | { problem: Command } | null {
  if (!tok || tok.quoted || !NUMBERISH_RE.test(tok.lower)) return null;
  const parsed = parseDecimal(tok.text.replace(/%$/, ''));
  if (!parsed.ok) return { problem: malformed('setTariff', parsed.problem) };
  if (parsed.value.startsWith('-')) return { problem: malformed('setTariff', 'badAmount') };
  return { value: parsed.value };
}

// set <meter> tariff|price|blocks|service|minimum charge|ft|vat <value…> [from <date>]
// set <meter> billing day <1–31|none>
function parseSetMoney(args: Token[]): Command | null {
  let at = -1;
  let word: SettingWord | 'billingDay' | undefined;
  let valueFrom = 0;
  for (let i = 0; i < args.length && at < 0; i++) {
    const tok = args[i];
    if (!tok || tok.quoted) continue;
    if (PRICE_WORDS.has(tok.lower)) {
      word = PRICE_WORDS.get(tok.lower);
      valueFrom = i + (word === 'service' && isWord(args[i + 1], CHARGE_WORDS) ? 2 : 1);
    } else if (MINIMUM_WORDS.has(tok.lower) && isWord(args[i + 1], CHARGE_WORDS)) {
      word = 'minimum';
      valueFrom = i + 2;
    } else if (tok.lower === 'billing' && args[i + 1]?.lower === 'day') {
      word = 'billingDay';
      valueFrom = i + 2;
    } else if (BILLING_DAY_WORDS.has(tok.lower)) {
      word = 'billingDay';
      valueFrom = i + 1;
    } else continue;
    at = i;
  }
  if (at < 0 || !word) return null;
  const topic = word === 'billingDay' ? 'setBillingDay' : 'setTariff';
  const ref = requiredRef(args.slice(0, at));
  if (!ref) return null;
  if (!ref.ok) return malformed(topic, ref.problem);
  const meter = ref.value;
  let i = valueFrom;
  if (isSymbol(args[i], '=')) i++;

  if (word === 'billingDay') {
    const tok = args[i];
    if (!tok || tok.quoted) return malformed(topic, 'missingValue', meter);
    if (i + 1 < args.length) return malformed(topic, 'unexpectedText', meter);
    if (NONE_WORDS.has(tok.lower)) return { type: 'setBillingDay', meter, day: null };
    const day = smallInt(tok.text, 31);
    return day === null ? malformed(topic, 'badDay', meter) : { type: 'setBillingDay', meter, day };
  }

  const fromAt = args.findIndex((t, k) => k >= i && isWord(t, FROM_WORDS));
  const values = args.slice(i, fromAt < 0 ? args.length : fromAt);
  let from: string | undefined;
  if (fromAt >= 0) {
    const spec = parseTimeSpec(args.slice(fromAt + 1));
    if (!spec.ok) return malformed(topic, spec.problem, meter);
    if (spec.value.kind !== 'date' || spec.value.time) return malformed(topic, 'badDate', meter);
    from = spec.value.date;
  }
  if (values.length === 0) return malformed(topic, 'missingValue', meter);
  const change = parseChange(word, values);
  if ('problem' in change) return { ...change.problem, meter } as Command;
  return { type: 'setTariff', meter, change: change.change, ...(from ? { from } : {}) };
}

function parseChange(
  word: SettingWord,
  values: Token[],
): { change: TariffChange } | { problem: Command } {
  const one = (): { value: string } | { problem: Command } => {
    if (values.length > 1) return { problem: malformed('setTariff', 'unexpectedText') };
    return amount(values[0]) ?? { problem: malformed('setTariff', 'missingValue') };
  };
  switch (word) {
    case 'preset': {
      const id = values[0]?.lower ?? '';
      if (values.length > 1 || !isBillingPresetId(id)) {
        return { problem: malformed('setTariff', 'badTariff') };
      }
      return { change: { kind: 'preset', preset: id } };
    }
    case 'blocks': {
      // Pairs of "up to, price", then the price of everything above: 150 3.2484 400 4.2218 4.4217.
      if (values.length % 2 === 0) return { problem: malformed('setTariff', 'badTariff') };
      const figures: string[] = [];
      for (const tok of values) {
        const value = amount(tok);
        if (!value) return { problem: malformed('setTariff', 'badNumber') };
        if ('problem' in value) return value;
        figures.push(value.value);
      }
      const blocks: { upTo: string | null; price: string }[] = [];
      for (let k = 0; k + 1 < figures.length; k += 2) {
        blocks.push({ upTo: figures[k]!, price: figures[k + 1]! });
      }
      blocks.push({ upTo: null, price: figures.at(-1)! });
      if (blocksProblem(blocks)) return { problem: malformed('setTariff', 'badTariff') };
      return { change: { kind: 'blocks', blocks } };
    }
    case 'adjustment': {
      // Ft may be negative (it has been).
      if (values.length > 1) return { problem: malformed('setTariff', 'unexpectedText') };
      const tok = values[0];
      if (!tok || tok.quoted) return { problem: malformed('setTariff', 'missingValue') };
      const parsed = parseDecimal(tok.text);
      if (!parsed.ok) return { problem: malformed('setTariff', parsed.problem) };
      return { change: { kind: 'adjustment', perUnit: parsed.value } };
    }
    default: {
      const value = one();
      if ('problem' in value) return value;
      if (word === 'flat') return { change: { kind: 'flat', price: value.value } };
      if (word === 'service') return { change: { kind: 'service', amount: value.value } };
      if (word === 'minimum') return { change: { kind: 'minimum', amount: value.value } };
      if (Number(value.value) > 100) return { problem: malformed('setTariff', 'badAmount') };
      return { change: { kind: 'vat', percent: value.value } };
    }
  }
}

/** A trailing 'YYYY-MM' (or 10/2569) month, read off the end of `args`. */
function trailingMonth(
  args: Token[],
): { rest: Token[]; month?: string } | { problem: 'badMonth'; rest: Token[] } {
  const last = args.at(-1);
  if (!last || last.quoted || !MONTH_LIKE_RE.test(last.text)) return { rest: args };
  let rest = args.slice(0, -1);
  if (isWord(rest.at(-1), FOR_WORDS)) rest = rest.slice(0, -1);
  const month = parseMonth(last.text);
  return month.ok ? { rest, month: month.value } : { problem: 'badMonth', rest };
}

// bill [meter] [YYYY-MM]
function parseBill(args: Token[]): Command | null {
  const split = trailingMonth(args);
  const ref = parseRef(split.rest);
  if (!ref) return null;
  if (!ref.ok) return malformed('bill', ref.problem);
  const meter = ref.ref;
  if ('problem' in split) return malformed('bill', split.problem, meter);
  return {
    type: 'bill',
    ...(meter ? { meter } : {}),
    ...(split.month ? { period: split.month } : {}),
  };
}

// paid <meter> <amount> [baht] [for YYYY-MM]
function parsePaid(args: Token[]): Command | null {
  const split = trailingMonth(args);
  let rest = split.rest;
  if (isWord(rest.at(-1), MONEY_UNITS)) rest = rest.slice(0, -1);
  // "paid meter 1": meter 1 with the amount left out, not 1 baht paid for a meter called "meter".
  if (rest.length === 2 && METER_WORDS.has(rest[0]!.lower)) {
    const whole = requiredRef(rest);
    if (whole?.ok) return malformed('paid', 'missingValue', whole.value);
  }
  const amountTok = rest.at(-1);
  const ref = requiredRef(rest.slice(0, -1));
  // "paid 500" or "paid the plumber": chatter, not a command.
  if (!ref?.ok) return ref && rest.length > 1 ? malformed('paid', ref.problem) : null;
  const meter = ref.value;
  if ('problem' in split) return malformed('paid', split.problem, meter);
  const value = amount(amountTok);
  if (!value) return malformed('paid', 'missingValue', meter);
  if ('problem' in value) return { ...value.problem, topic: 'paid', meter } as Command;
  return {
    type: 'paid',
    meter,
    amount: value.value,
    ...(split.month ? { period: split.month } : {}),
  };
}

function withoutOff(args: Token[], off: boolean): { args: Token[]; off: boolean } {
  if (isWord(args[0], OFF_WORDS)) return { args: args.slice(1), off: true };
  if (args.length > 1 && isWord(args.at(-1), OFF_WORDS))
    return { args: args.slice(0, -1), off: true };
  return { args, off };
}

// remind <meter> day <1–31> [HH:MM] | remind off <meter>
function parseRemind(rawArgs: Token[], offKeyword: boolean): Command | null {
  const { args, off } = withoutOff(rawArgs, offKeyword);
  const at = args.findIndex((t) => isWord(t, DAY_WORDS));
  const ref = requiredRef(at >= 0 ? args.slice(0, at) : args);
  if (!ref) return null;
  if (!ref.ok) return malformed('remind', ref.problem);
  const meter: MeterRef = ref.value;
  if (off) {
    return at >= 0
      ? malformed('remind', 'unexpectedText', meter)
      : { type: 'remind', meter, schedule: null };
  }
  if (at < 0) return malformed('remind', 'missingValue', meter);
  const day = smallInt(args[at + 1]?.text ?? '', 31);
  if (day === null) return malformed('remind', 'badDay', meter);
  let time = '09:00';
  const clock = args[at + 2];
  if (clock) {
    const m = clock.quoted ? null : CLOCK_RE.exec(clock.lower);
    if (!m || Number(m[1]) > 23 || Number(m[2]) > 59) return malformed('remind', 'badTime', meter);
    time = `${m[1]!.padStart(2, '0')}:${m[2]}`;
    if (at + 3 < args.length) return malformed('remind', 'unexpectedText', meter);
  }
  return { type: 'remind', meter, schedule: { day, time } };
}

// alert <meter> [over <number> [unit]] | alert off <meter>
function parseAlert(rawArgs: Token[], offKeyword: boolean): Command | null {
  const { args, off } = withoutOff(rawArgs, offKeyword);
  const at = args.findIndex((t) => isWord(t, OVER_WORDS));
  const ref = requiredRef(at >= 0 ? args.slice(0, at) : args);
  if (!ref) return null;
  if (!ref.ok) return malformed('alert', ref.problem);
  const meter = ref.value;
  if (off)
    return at >= 0
      ? malformed('alert', 'unexpectedText', meter)
      : { type: 'alert', meter, off: true };
  if (at < 0) return { type: 'alert', meter };
  let rest = args.slice(at + 1);
  if (rest.length === 2 && isWord(rest[1], UNITS)) rest = rest.slice(0, 1);
  if (rest.length > 1) return malformed('alert', 'unexpectedText', meter);
  const value = amount(rest[0]);
  if (!value) return malformed('alert', 'missingValue', meter);
  if ('problem' in value) return { ...value.problem, topic: 'alert', meter } as Command;
  return { type: 'alert', meter, over: value.value };
}

// chart [meter] cost
function parseCostChart(args: Token[]): Command | null {
  if (!isWord(args.at(-1), COST_WORDS)) return null;
  const ref = parseRef(args.slice(0, -1));
  if (!ref) return null;
  if (!ref.ok) return malformed('chart', ref.problem);
  return { type: 'chart', ...(ref.ref ? { meter: ref.ref } : {}), mode: 'cost' };
}

/** A money command, or null to let the other parsers read the message. */
export function parseMoneyCommand(s: string, toks: Token[]): Command | null {
  const match = matchMoney(s, toks);
  if (!match) return null;
  switch (match.money) {
    case 'setMoney':
      return parseSetMoney(match.args);
    case 'bill':
      return parseBill(match.args);
    case 'paid':
      return parsePaid(match.args);
    case 'remind':
    case 'remindOff':
      return parseRemind(match.args, match.money === 'remindOff');
    case 'alert':
    case 'alertOff':
      return parseAlert(match.args, match.money === 'alertOff');
    case 'chart':
      return parseCostChart(match.args);
  }
}

/** Canonical English text of a money command (see formatCommand). */
export function formatMoneyCommand(
  cmd: Extract<
    Command,
    { type: 'setTariff' | 'setBillingDay' | 'bill' | 'paid' | 'remind' | 'alert' }
  >,
  ref: (meter: MeterRef) => string,
): string {
  switch (cmd.type) {
    case 'setTariff': {
      const from = cmd.from ? ` from ${cmd.from}` : '';
      const change = cmd.change;
      const setting =
        change.kind === 'preset'
          ? `tariff ${change.preset}`
          : change.kind === 'flat'
            ? `price ${change.price}`
            : change.kind === 'blocks'
              ? `blocks ${change.blocks.map((b) => (b.upTo === null ? b.price : `${b.upTo} ${b.price}`)).join(' ')}`
              : change.kind === 'service'
                ? `service ${change.amount}`
                : change.kind === 'minimum'
                  ? `minimum charge ${change.amount}`
                  : change.kind === 'adjustment'
                    ? `ft ${change.perUnit}`
                    : `vat ${change.percent}`;
      return `set ${ref(cmd.meter)} ${setting}${from}`;
    }
    case 'setBillingDay':
      return `set ${ref(cmd.meter)} billing day ${cmd.day ?? 'none'}`;
    case 'bill':
      return `bill${cmd.meter ? ` ${ref(cmd.meter)}` : ''}${cmd.period ? ` ${cmd.period}` : ''}`;
    case 'paid':
      return `paid ${ref(cmd.meter)} ${cmd.amount}${cmd.period ? ` for ${cmd.period}` : ''}`;
    case 'remind':
      return cmd.schedule
        ? `remind ${ref(cmd.meter)} day ${cmd.schedule.day} ${cmd.schedule.time}`
        : `remind off ${ref(cmd.meter)}`;
    case 'alert':
      return cmd.off
        ? `alert off ${ref(cmd.meter)}`
        : `alert ${ref(cmd.meter)}${cmd.over ? ` over ${cmd.over}` : ''}`;
  }
}

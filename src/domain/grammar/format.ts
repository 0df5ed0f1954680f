// Formatting: canonical English text that parses back to the same command.

import type { MeterRef, ReadingRef, TimeSpec, WellFormedCommand } from '../commands';
import type { SourceKind } from '../types';
import { UNITS } from './keywords';
import { formatMoneyCommand } from './money';
import { isLooseWord, isPlainName } from './names';

function formatName(name: string): string {
  return isPlainName(name) ? name : `"${name}"`;
}

function formatRef(ref: MeterRef): string {
  return ref.by === 'number' ? `meter ${ref.number}` : formatName(ref.name);
}

const MONTH_ABBREVIATIONS = 'Jan Feb Mar Apr May Jun Jul Aug Sep Oct Nov Dec'.split(' ');

function formatTime(at: TimeSpec): string {
  const time = at.time ? ` ${at.time}` : '';
  if (at.kind === 'date') return `${at.date}${time}`;
  if (at.kind === 'monthDay') return `${at.day} ${MONTH_ABBREVIATIONS[at.month - 1]}${time}`;
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
      const value = [cmd.value, ...(cmd.extra ?? [])].join('/');
      if (cmd.loose && meter?.by === 'name' && !cmd.at && !cmd.note && isLooseWord(meter.name)) {
        return `${meter.name} ${value}`;
      }
      const head = meter ? `${formatRef(meter)} = ${value}` : value;
      return `${head}${opt(cmd.at && `@ ${formatTime(cmd.at)}`)}${opt(cmd.note && `# ${cmd.note}`)}`;
    }
    case 'addMeter': {
      const kind = cmd.kind ? KIND_WORDS[cmd.kind] : 'meter';
      // Unquoted, the last word is taken as the unit only when it is a known one.
      const knownUnit = cmd.unit === undefined || UNITS.get(cmd.unit.toLowerCase()) === cmd.unit;
      const plain = isPlainName(cmd.name) && knownUnit;
      const values = cmd.values?.map((v) => `${v.name}${v.optional ? '?' : ''}`).join(' ');
      return `add ${kind} ${plain ? cmd.name : `"${cmd.name}"`}${opt(cmd.unit)}${opt(values && `values ${values}`)}`;
    }
    case 'listMeters':
      return 'meters';
    case 'history':
      return `history${opt(cmd.meter && formatRef(cmd.meter))}`;
    case 'undo':
      return 'undo';
    case 'fix':
      return `fix ${formatTarget(cmd.target)} = ${[cmd.value, ...(cmd.extra ?? [])].join('/')}`;
    case 'setValueRange': {
      const range = cmd.min === null || cmd.max === null ? 'none' : `${cmd.min}-${cmd.max}`;
      return `set ${formatRef(cmd.meter)} ${cmd.value} range ${range}`;
    }
    case 'delete':
      return `delete ${formatTarget(cmd.target)}`;
    case 'photo':
      return `photo ${formatTarget(cmd.target)}`;
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
      if (cmd.mode === 'cost') return `chart${opt(cmd.meter && formatRef(cmd.meter))} cost`;
      return `chart${opt(cmd.meter && formatRef(cmd.meter))}${opt(cmd.mode === 'readings' && 'readings')}${opt(cmd.months !== undefined && `${cmd.months} months`)}`;
    case 'share':
      return `share ${formatRef(cmd.meter)}${opt(cmd.member)}${opt(cmd.role)}`;
    case 'unshare':
      return `unshare ${formatRef(cmd.meter)}${opt(cmd.member)}${opt(cmd.entry !== undefined && `#${cmd.entry}`)}`;
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
    case 'deleteMyData':
      return 'delete my data';
    case 'erasureWord':
      return `delete ${cmd.code}`;
    case 'help':
      return 'help';
    case 'setTariff':
    case 'setBillingDay':
    case 'bill':
    case 'paid':
    case 'remind':
    case 'alert':
      return formatMoneyCommand(cmd, formatRef);
    case 'unarchive':
      return `unarchive ${formatRef(cmd.meter)}`;
    case 'listArchived':
      return 'archived';
    case 'exportMeter':
      return `export ${formatRef(cmd.meter)}`;
    case 'exportMyData':
      return 'export my data';
    case 'importMeter':
      return `import ${formatRef(cmd.meter)}`;
  }
}

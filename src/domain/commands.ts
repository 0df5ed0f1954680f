// What a chat message means, as parsed by `parseMessage` (./grammar).
// A discriminated union on `type`; the parser is pure, so everything that needs
// the clock, the database or the chat (which meter "meter 1" is, what "yesterday"
// is in the user's time zone) is left for the bot to resolve.

import type { Role, SourceKind } from './types';

/**
 * A meter as the user named it. Numbers belong to the chat (the `meters` list);
 * names are trimmed, keep the user's case and are matched later, case-insensitively.
 */
export type MeterRef = { by: 'number'; number: number } | { by: 'name'; name: string };

/**
 * When a reading was taken. The parser has no clock: `daysAgo` is relative to "today"
 * in the user's time zone (`today` = 0, `yesterday` = 1, `@ 08:00` alone = 0 with a time).
 * `date` is 'YYYY-MM-DD' (Gregorian; Buddhist-era years are converted), `time` is 'HH:mm'.
 */
export type TimeSpec =
  | { kind: 'date'; date: string; time?: string }
  | { kind: 'daysAgo'; days: number; time?: string }
  /** A day written without its year ("15 Nov", as the bot prints this year's dates): the latest such day not after today. */
  | { kind: 'monthDay'; month: number; day: number; time?: string };

/** A stored reading: `#12` as shown by `history`, or the last one. */
export type ReadingRef =
  | { meter?: MeterRef; which: 'last' }
  | { meter?: MeterRef; which: 'number'; number: number };

/**
 * A meter reading. `value` is a canonical decimal string. No `meter`: a bare number,
 * meant for the user's only (or last used) meter in a one-to-one chat.
 * `loose`: written as `word number` without `=`; accept it only if a meter has exactly that name.
 */
export interface ReadingCommand {
  type: 'reading';
  meter?: MeterRef;
  value: string;
  /** The values after the first, for a meter that records several per reading (`120/80 72`). */
  extra?: string[];
  at?: TimeSpec;
  note?: string;
  loose?: true;
}

/** `kind` is absent for the generic `add meter` (the bot's default, cumulative). */
export interface AddMeterCommand {
  type: 'addMeter';
  name: string;
  unit?: string;
  kind?: SourceKind;
  /**
   * Several values per reading (`values sys dia pulse?`), in order, at least two; an
   * `optional` one may be left out of a reading, and only optional ones may follow it.
   */
  values?: { name: string; optional?: true }[];
}

export interface ListMetersCommand {
  type: 'listMeters';
}

export interface HistoryCommand {
  type: 'history';
  meter?: MeterRef;
}

export interface UndoCommand {
  type: 'undo';
}

export interface FixCommand {
  type: 'fix';
  target: ReadingRef;
  value: string;
  /** The values after the first, for a meter that records several per reading. */
  extra?: string[];
}

/**
 * `set meter BP sys range 70-250`: the bounds of one value of a meter that records several per
 * reading. `range none` clears them (both null).
 */
export interface SetValueRangeCommand {
  type: 'setValueRange';
  meter: MeterRef;
  value: string;
  min: string | null;
  max: string | null;
}

export interface DeleteCommand {
  type: 'delete';
  target: ReadingRef;
}

/** `photo #12` (then an image): the next photo sent in the chat is kept with that reading. */
export interface PhotoCommand {
  type: 'photo';
  target: ReadingRef;
}

/**
 * Validators and register size. A property that is absent is left unchanged;
 * `null` clears it. `maxRate` is the largest plausible usage per day. At least one is present.
 */
export interface SetMeterCommand {
  type: 'setMeter';
  meter: MeterRef;
  min?: string | null;
  max?: string | null;
  digits?: number | null;
  maxRate?: string | null;
}

/** The meter was replaced: `final` is the old register's last value, `initial` the new one's first. */
export interface ReplaceMeterCommand {
  type: 'replaceMeter';
  meter: MeterRef;
  final: string;
  initial: string;
  at?: TimeSpec;
}

/** `month` is 'YYYY-MM'; absent means the current month. */
export interface UsageCommand {
  type: 'usage';
  meter?: MeterRef;
  month?: string;
}

/** `months`: how many months back (1–60); absent means the bot's default (12). */
export interface ChartCommand {
  type: 'chart';
  meter?: MeterRef;
  mode: 'monthly' | 'readings' | 'cost';
  months?: number;
}

/**
 * Without `member`: share with the group the message came from (role read or write;
 * absent = the bot's default, write). With `member` ('@Mom', the text of the LINE
 * mention; the mention metadata identifies the user): grant that member a role.
 */
export interface ShareCommand {
  type: 'share';
  meter: MeterRef;
  role?: Role;
  member?: string;
}

/**
 * Takes back a share: the group's (in that group), a member's (`@Mom`), or entry `#2` of
 * `access meter 1`, which works from anywhere (a grantee who left every group, a group the
 * owner has left).
 */
export interface UnshareCommand {
  type: 'unshare';
  meter: MeterRef;
  member?: string;
  entry?: number;
}

export interface AccessCommand {
  type: 'access';
  meter: MeterRef;
}

export interface AuditCommand {
  type: 'audit';
  meter: MeterRef;
}

export interface ArchiveCommand {
  type: 'archive';
  meter: MeterRef;
}

/** Brings an archived meter back (numbered as the chat numbered it before). */
export interface UnarchiveCommand {
  type: 'unarchive';
  meter: MeterRef;
}

/** `archived`: the meters archived here, to bring back. */
export interface ListArchivedCommand {
  type: 'listArchived';
}

export interface LinkGoogleCommand {
  type: 'linkGoogle';
}

export interface UnlinkGoogleCommand {
  type: 'unlinkGoogle';
}

export interface WhoamiCommand {
  type: 'whoami';
}

/** `remove line #2`: removes another LINE account (its number in `whoami`) from the account. */
export interface RemoveLineCommand {
  type: 'removeLine';
  position: number;
}

export interface HelpCommand {
  type: 'help';
}

/** `export meter 1`: a link to a CSV file of the meter's readings. */
export interface ExportMeterCommand {
  type: 'exportMeter';
  meter: MeterRef;
}

/** `export my data`: a link to a JSON file of everything kept about the person. */
export interface ExportMyDataCommand {
  type: 'exportMyData';
}

/** `import meter 1`: the bot asks for a CSV file of readings to add to the meter. */
export interface ImportMeterCommand {
  type: 'importMeter';
  meter: MeterRef;
}

/** `delete my data`: shows what erasure would remove and keep, and asks for a tap. */
export interface DeleteMyDataCommand {
  type: 'deleteMyData';
}

/** `DELETE 4821` / `ลบ 4821`: the word that confirms a tapped erasure request. */
export interface ErasureWordCommand {
  type: 'erasureWord';
  code: string;
}

/** Why a message that looked like a command could not be parsed. */
export type Problem =
  | 'tooLong' // the message is longer than MAX_MESSAGE_LENGTH
  | 'badNumber' // not a decimal number (1e309, NaN, 0x10, 4,52, 1.2.3)
  | 'tooLarge' // more than 15 integer digits
  | 'tooPrecise' // more than 6 decimals
  | 'missingValue' // no number where one is needed
  | 'missingMeter' // the command needs a meter
  | 'badMeter' // meter number out of range (1–999)
  | 'missingReading' // fix/delete without `#12` or `last`
  | 'badReading' // `#0`, `#abc`
  | 'badEntry' // unshare `#0`, `#abc`: not an entry number of the access list
  | 'missingName' // `add meter` without a name
  | 'badName' // a name without a letter, with `" = @ # :`, or that reads as a meter number (m1)
  | 'nameTooLong' // more than 40 characters
  | 'badUnit' // unit longer than 20 characters or with forbidden characters
  | 'badDate' // not a real date, or an unreadable date after `@`
  | 'badTime' // not a time between 00:00 and 23:59
  | 'noteTooLong' // note longer than 200 characters
  | 'unexpectedText' // text left over where nothing more is expected (use `#` for a note)
  | 'missingSetting' // `set meter 1` with nothing to set
  | 'duplicateSetting' // the same setting twice
  | 'badDigits' // digits not an integer 1–12
  | 'minAboveMax' // set … min greater than max
  | 'badMonth' // usage month not a real 'YYYY-MM'
  | 'badMonths' // chart months not 1–60
  | 'badRole' // admin for a whole group, or an unknown role
  | 'missingMember' // `@` with no name after it
  // Money commands
  | 'badDay' // a billing or reminder day not 1–31
  | 'badTariff' // an unknown preset, or price blocks that do not rise
  | 'badAmount' // a negative amount where money or a price is meant
  // Several values per reading
  | 'badValueNames' // fewer than 2 or more than 6 names, a name repeated or not one word, or a required name after an optional one
  | 'badRange'; // a range that is not `low-high` with low ≤ high

/**
 * A message that started like a command (a keyword, `meter N`, `name = number`) but
 * could not be parsed; the bot explains how to write `topic`. `meter` is set when the
 * parser got as far as a meter: in a group, stay silent when it names no known meter
 * (it was probably chatter such as "total = 500 baht").
 */
export interface MalformedCommand {
  type: 'malformed';
  topic: MalformedTopic;
  problem: Problem;
  meter?: MeterRef;
}

export type Command =
  | ReadingCommand
  | AddMeterCommand
  | ListMetersCommand
  | HistoryCommand
  | UndoCommand
  | FixCommand
  | DeleteCommand
  | PhotoCommand
  | SetMeterCommand
  | SetValueRangeCommand
  | ReplaceMeterCommand
  | UsageCommand
  | ChartCommand
  | ShareCommand
  | UnshareCommand
  | AccessCommand
  | AuditCommand
  | ArchiveCommand
  | UnarchiveCommand
  | ListArchivedCommand
  | LinkGoogleCommand
  | UnlinkGoogleCommand
  | WhoamiCommand
  | RemoveLineCommand
  | DeleteMyDataCommand
  | ErasureWordCommand
  | HelpCommand
  | ExportMeterCommand
  | ExportMyDataCommand
  | ImportMeterCommand
  | SetTariffCommand
  | SetBillingDayCommand
  | BillCommand
  | PaidCommand
  | RemindCommand
  | AlertCommand
  | MalformedCommand;

export type CommandType = Command['type'];

/** The command a malformed message looked like, or 'tooLong' when it was not even read. */
export type MalformedTopic = Exclude<CommandType, 'malformed'> | 'tooLong';

/** Every command that `formatCommand` can write back as text. */
export type WellFormedCommand = Exclude<Command, MalformedCommand>;

/** Limits the parser enforces; the bot quotes them in its explanations. */
export const LIMITS = {
  /** Longer messages are not parsed at all. */
  messageLength: 1000,
  /** Meter and member names, in code points. */
  nameLength: 40,
  memberLength: 100,
  unitLength: 20,
  noteLength: 200,
  meterNumberMax: 999,
  readingNumberMax: 999_999_999,
  integerDigits: 15,
  decimals: 6,
  digitsMin: 1,
  digitsMax: 12,
  chartMonthsMax: 60,
  daysAgoMax: 3650,
} as const;

// ---------------------------------------------------------------------------------------------
// Money: tariffs, billing day, bills, paid bills, reminders and alerts

/** One dated price setting of a meter, as typed (figures are canonical decimal strings). */
export type TariffChange =
  | { kind: 'preset'; preset: string }
  | { kind: 'flat'; price: string }
  | { kind: 'blocks'; blocks: { upTo: string | null; price: string }[] }
  | { kind: 'service'; amount: string }
  | { kind: 'minimum'; amount: string }
  | { kind: 'adjustment'; perUnit: string }
  | { kind: 'vat'; percent: string };

/**
 * `set meter 1 tariff mea-1.1.2`, `price 4.5`, `blocks 10 10.20 20 16 21.20`, `service 38.22`,
 * `minimum charge 150`, `ft 0.3672`, `vat 7`, each optionally `from 2026-01-01` (absent: today).
 */
export interface SetTariffCommand {
  type: 'setTariff';
  meter: MeterRef;
  change: TariffChange;
  /** 'YYYY-MM-DD' in the meter's time zone. */
  from?: string;
}

/** `set meter 1 billing day 18`; `day` null (`billing day none`) goes back to calendar months. */
export interface SetBillingDayCommand {
  type: 'setBillingDay';
  meter: MeterRef;
  day: number | null;
}

/** `bill meter 1 [2026-11]`; `period` absent: the current period and the ones before. */
export interface BillCommand {
  type: 'bill';
  meter?: MeterRef;
  period?: string;
}

/** `paid meter 1 1455.94 for 2026-11`; `period` absent: the last period that has ended. */
export interface PaidCommand {
  type: 'paid';
  meter: MeterRef;
  amount: string;
  period?: string;
}

/** `remind meter 1 day 25 09:00`; `schedule` null: `remind off meter 1`. */
export interface RemindCommand {
  type: 'remind';
  meter: MeterRef;
  schedule: { day: number; time: string } | null;
}

/** `alert meter 1 over 400` (`over` absent: block alerts only); `off`: `alert off meter 1`. */
export interface AlertCommand {
  type: 'alert';
  meter: MeterRef;
  off?: true;
  over?: string;
}

import Decimal from 'decimal.js';
import type { Problem as GrammarProblem, MalformedTopic } from '../domain/commands';
import { formatDateTime, formatDay, formatFixed, formatNumber, withUnit } from '../domain/format';
import type { Language } from '../domain/types';
import type { Problem as ReadingProblem } from '../domain/validation';
import type { ValuesProblem } from '../domain/values';
import { isValuesProblem, valuesCatalogs } from './values-messages';

// Everything the bot says, in Thai and English. Handlers pick a catalog by the reply language
// and never build sentences themselves; both catalogs must have every entry (checked by tsc).

/** How a problem sentence shows its figures (numbers, amounts in the meter's unit, dates). */
export interface Figures {
  number(value: string): string;
  amount(value: string): string;
  day(at: Date): string;
  time(at: Date): string;
}

export interface Catalog {
  meterLabel(number: number, name: string): string;
  greeting(name: string): string;
  groupGreeting: string;
  help(inGroup: boolean): string;
  notUnderstood: string;
  onlyText: string;
  noUserId: string;
  sorry: string;
  noMeters: string;
  noMetersInGroup: string;
  meterNotFound(ref: string): string;
  meterAmbiguous(name: string, names: string[]): string;
  /** A name that several meters of the person's groups carry: one line per meter. */
  groupMeterAmbiguous(name: string, lines: string[]): string;
  /** How a meter used through a group is marked in the one-to-one chat (null: a room). */
  viaGroup(group: string | null): string;
  chooseMeter: string;
  meterCreated(label: string, unit: string, inGroup: boolean, example: string): string;
  meterNameTaken(name: string): string;
  meterList(inGroup: boolean, lines: string[]): string;
  noReadingsYet: string;
  lastReading(value: string, when: string): string;
  readOnly(label: string): string;
  adminOnly(label: string): string;
  readingStored(input: {
    label: string;
    value: string;
    when: string;
    since: { usage: string; span: string; perDay: string | null } | null;
    note: string | null;
  }): string;
  readingQuestion(label: string): string;
  button: {
    store(value: string): string;
    rollover(usage: string): string;
    replacement: string;
    typo(value: string): string;
    cancel: string;
    undo: string;
    history: string;
    usage: string;
    chart: string;
    addMeter: string;
    help: string;
    meters: string;
    revoke(entry: number): string;
  };
  cancelled: string;
  alreadyAnswered: string;
  replacementHint(label: string, command: string): string;
  history(label: string, lines: string[], more: boolean): string;
  historyLine(input: {
    number: number;
    value: string;
    when: string;
    who: string | null;
    note: string | null;
    event: string | null;
  }): string;
  registerEvent(event: 'rollover' | 'replacement_final' | 'replacement_initial'): string;
  noHistory(label: string): string;
  undone(label: string, number: number, value: string): string;
  nothingToUndo: string;
  readingNotFound(label: string, number: number): string;
  notYourReading(label: string, number: number): string;
  fixed(
    label: string,
    number: number,
    before: string,
    after: string,
    warning: string | null,
  ): string;
  /** A fix to the value the reading already has: nothing changed. */
  fixUnchanged(label: string, number: number, value: string): string;
  deleted(label: string, number: number, value: string): string;
  /** Both readings of a meter replacement were deleted (either one was named). */
  deletedReplacement(label: string, replacement: ReplacementHalves): string;
  settingsSaved(label: string, summary: string[]): string;
  setting: {
    min(value: string | null): string;
    max(value: string | null): string;
    digits(value: number | null): string;
    maxRate(value: string | null): string;
  };
  replaced(label: string, final: string, initial: string): string;
  linkDisabled: string;
  linkInPrivate: string;
  linkOffer(minutes: number): string;
  linkButton: string;
  unlinked(email: string): string;
  notLinked: string;
  whoami(name: string, accounts: string[]): string;
  accountLine(provider: 'line' | 'google', detail: string | null): string;
  shareInGroup: string;
  shared(label: string, groupNumber: number, role: 'read' | 'write', example: string): string;
  shareUnchanged(label: string, role: 'read' | 'write'): string;
  granted(name: string, label: string, role: 'read' | 'write' | 'admin'): string;
  grantUnchanged(name: string, label: string, role: 'read' | 'write' | 'admin'): string;
  mentionSomeone: string;
  mentionNeedsConsent(name: string): string;
  ownerStays(name: string, label: string): string;
  unshared(label: string): string;
  notShared(label: string): string;
  revoked(name: string, label: string): string;
  noGrant(name: string, label: string): string;
  accessList(label: string, lines: string[]): string;
  accessOwner(name: string): string;
  /** `entry` numbers the line for `unshare meter 1 #2`. */
  accessPerson(entry: number, name: string, role: 'read' | 'write' | 'admin'): string;
  accessGroup(entry: number, here: boolean, role: 'read' | 'write'): string;
  accessRevokeHint(example: string): string;
  noAccessEntry(label: string, entry: number): string;
  groupShareRevoked(label: string, entry: number): string;
  /** Sharing into a new group and archiving are the owner's alone. */
  ownerOnly(label: string): string;
  auditList(label: string, lines: string[]): string;
  auditEmpty(label: string): string;
  auditLine(when: string, who: string, action: string, detail: string): string;
  someone: string;
  /** Who or what an audit line shows once the person's data was deleted. */
  erased: string;
  archived(label: string): string;
  chartsUnavailable: string;
  malformed(topic: MalformedTopic, problem: GrammarProblem): string;
  /** Why a reading was refused or needs a question, and how to do it right. */
  readingProblem(problem: ReadingProblem, show: Figures): string;
  /** Commands as this language writes them, for quick replies (a tap must parse back). */
  say: {
    undo: string;
    help: string;
    meters: string;
    addMeterExample: string;
    history(number: number): string;
    usage(number: number): string;
    chart(number: number): string;
    reading(number: number, value: string): string;
    replaceMeter(number: number, final: string, initial: string): string;
    unshareEntry(number: number, entry: number): string;
  };
  // --- Audit entries as sentences, never as internal codes.
  /** What someone did, as a verb phrase: "fixed", "looked at the history". */
  auditAction(action: string): string;
  // --- Discovery: a returning person is greeted by name with their meters.
  welcomeBack(name: string, meters: string[]): string;
  /** Corrections: the meant target, undo as an inverse, archive, lower readings. */
  corrections: CorrectionSentences;
  photos: PhotoSentences;
}

// ---------------------------------------------------------------------------------------------
// Corrections: which reading a fix or delete means, undo, archive, and lower readings.

/** A meter replacement's two readings, each with its #N and value with unit. */
export interface ReplacementHalves {
  final: { number: number; value: string };
  initial: { number: number; value: string };
}

/** What a logged change did, as undo describes it. */
export type ChangeSummary =
  | { kind: 'add'; number: number; value: string }
  | { kind: 'fix'; number: number; before: string; after: string }
  | { kind: 'delete'; number: number; value: string }
  | { kind: 'replace'; final: string; initial: string }
  | ({ kind: 'deleteReplacement' } & ReplacementHalves)
  | { kind: 'archive' }
  | { kind: 'settings' };

export interface CorrectionSentences {
  /** `fix #3` / `delete #3` could mean several meters: one line per candidate. */
  /** `example`: the command asked, written with a meter (a fix stays a fix, never a delete). */
  whichMeter(number: number, lines: string[], example: string): string;
  candidate(label: string, number: number, value: string, when: string): string;
  /** What undo did, in the past tense. */
  undone(label: string, change: ChangeSummary): string;
  /** Asked before undoing an older change. */
  undoAsk(label: string, change: ChangeSummary, when: string): string;
  undoStale(label: string): string;
  /** A replacement cannot be undone while readings of the new meter follow it. */
  undoReplaceBlocked(label: string, number: number, value: string): string;
  /** Deleting a replacement (either half) is refused while readings follow it. */
  deleteReplaceBlocked(label: string, number: number, value: string): string;
  /** A deleted replacement cannot come back while readings follow its instant. */
  undoDeleteReplaceBlocked(label: string, number: number, value: string): string;
  undoRefused(label: string, why: string): string;
  /** `later` would follow `earlier` with negative use (readings as "#6 5 m³"). */
  negativeUse(later: string, earlier: string): string;
  /** `later` carries a wrap that would count a whole turn or more after `earlier`. */
  wholeTurn(later: string, earlier: string): string;
  /**
   * A delete, undo or register size that would leave use counted wrong: `why` lists negativeUse
   * and wholeTurn.
   */
  deleteNegative(label: string, reading: string, why: string[]): string;
  undoNegative(label: string, why: string[]): string;
  digitsNegative(label: string, why: string[]): string;
  nothingToUndo: string;
  undoButton: string;
  keepButton: string;
  kept: string;
  archiveAsk(label: string, command: string): string;
  archiveButton: string;
  archived(label: string, command: string): string;
  unarchived(label: string): string;
  notArchived(label: string): string;
  nameTaken(label: string): string;
  archivedList(lines: string[]): string;
  noArchived: string;
  /** History: a reading taken back by undo or delete. */
  withdrawn: string;
  /** Answers to "lower than the previous reading". */
  answer: {
    typo(value: string): string;
    replaced: string;
    rolledOver(usage: string): string;
    previousWrong: string;
  };
  previousWrongHint(label: string, number: number, value: string, command: string): string;
  say: {
    unarchive(number: number): string;
    fix(meter: number, reading: number, value: string): string;
    delete(meter: number, reading: number): string;
    history(meter: number): string;
  };
}

const correctionsEn: CorrectionSentences = {
  whichMeter: (number, lines, example) =>
    `Which meter's #${number}?\n${lines.join('\n')}\nTap one, or write e.g. "${example}".`,
  candidate: (label, number, value, when) => `${label}: #${number} ${value}, ${when}`,
  undone: (label, change) => {
    switch (change.kind) {
      case 'add':
        return `Undone: reading #${change.number} ${change.value} on ${label} is withdrawn.`;
      case 'fix':
        return `Undone: #${change.number} on ${label} is back to ${change.before} (was ${change.after}).`;
      case 'delete':
        return `Undone: #${change.number} ${change.value} on ${label} is back.`;
      case 'replace':
        return `Undone: the meter replacement on ${label} (${change.final} → ${change.initial}) is withdrawn.`;
      case 'deleteReplacement':
        return `Undone: the meter replacement on ${label} (#${change.final.number} final ${change.final.value} and #${change.initial.number} initial ${change.initial.value}) is back.`;
      case 'archive':
        return `Undone: ${label} is no longer archived.`;
      case 'settings':
        return `Undone: the settings of ${label} are back as they were.`;
    }
  },
  undoAsk: (label, change, when) => {
    const what =
      change.kind === 'add'
        ? `reading #${change.number} ${change.value}`
        : change.kind === 'fix'
          ? `the fix of #${change.number} (${change.before} → ${change.after})`
          : change.kind === 'delete'
            ? `deleting #${change.number} ${change.value}`
            : change.kind === 'replace'
              ? `the meter replacement (${change.final} → ${change.initial})`
              : change.kind === 'deleteReplacement'
                ? `deleting the meter replacement (#${change.final.number} final ${change.final.value} and #${change.initial.number} initial ${change.initial.value})`
                : change.kind === 'archive'
                  ? 'archiving it'
                  : 'the settings change';
    return `Your last change here was ${what} on ${label}, ${when}. Undo it?`;
  },
  undoStale: (label) =>
    `Your last change on ${label} was changed since, so there is nothing to put back. Send "undo" again for the one before.`,
  undoRefused: (label, why) => `I can't undo that on ${label}: ${why}`,
  negativeUse: (later, earlier) =>
    `reading ${later} would then follow ${earlier} and count negative use`,
  wholeTurn: (later, earlier) =>
    `reading ${later}, marked as the meter rolling over, would then follow ${earlier} and count a whole turn of the meter more`,
  deleteNegative: (label, reading, why) =>
    `I can't delete ${reading} on ${label}: ${why.join('; ')}. Fix or delete that reading first, then try again.`,
  undoNegative: (label, why) =>
    `I can't undo that on ${label}: ${why.join('; ')}. Fix or delete that reading first, then undo again.`,
  digitsNegative: (label, why) =>
    `I can't change the register size of ${label}: its rollovers need it, and ${why.join('; ')}. Fix or delete those readings first, or keep the size.`,
  undoReplaceBlocked: (label, number, value) =>
    `I can't undo the meter replacement on ${label} yet: reading #${number} ${value} was entered on the new meter after it. Delete that one first, then undo again.`,
  deleteReplaceBlocked: (label, number, value) =>
    `I can't delete the meter replacement on ${label} yet: reading #${number} ${value} was entered on the new meter after it. Delete that one first, then try again.`,
  undoDeleteReplaceBlocked: (label, number, value) =>
    `I can't bring back the meter replacement on ${label}: reading #${number} ${value} now comes after it. Delete that one first, then undo again.`,
  nothingToUndo: 'You have no change here to undo.',
  undoButton: 'Undo it',
  keepButton: 'Keep it',
  kept: 'OK, nothing was undone.',
  archiveAsk: (label, command) =>
    `Archive ${label}? It leaves every list; its readings are kept, and "${command}" brings it back.`,
  archiveButton: 'Archive',
  archived: (label, command) =>
    `Archived ${label}. Its readings are kept. To bring it back: ${command}`,
  unarchived: (label) => `${label} is back in the list.`,
  notArchived: (label) => `${label} is not archived.`,
  nameTaken: (label) =>
    `${label} can't come back: another meter has its name now. Rename that one first.`,
  archivedList: (lines) => `Archived meters:\n${lines.join('\n')}`,
  noArchived: 'No archived meters here.',
  withdrawn: 'withdrawn',
  answer: {
    typo: (value) => `Did you mean ${value}?`,
    replaced: 'Replaced / reset',
    rolledOver: (usage) => `Rolled over (+${usage})`,
    previousWrong: 'Previous was wrong',
  },
  previousWrongHint: (label, number, value, command) =>
    `Then fix the previous reading #${number} (${value}) of ${label} first, like this:\n${command}\nand send the new reading again.`,
  say: {
    unarchive: (n) => `unarchive meter ${n}`,
    fix: (meter, reading, value) => `fix meter ${meter} #${reading} = ${value}`,
    delete: (meter, reading) => `delete meter ${meter} #${reading}`,
    history: (meter) => `history meter ${meter}`,
  },
};

const correctionsTh: CorrectionSentences = {
  whichMeter: (number, lines, example) =>
    `#${number} ของมิเตอร์ไหนคะ\n${lines.join('\n')}\nแตะเลือก หรือพิมพ์ เช่น "${example}"`,
  candidate: (label, number, value, when) => `${label}: #${number} ${value} เมื่อ ${when}`,
  undone: (label, change) => {
    switch (change.kind) {
      case 'add':
        return `ย้อนกลับแล้ว: ถอนค่า #${change.number} ${change.value} ของ${label}`;
      case 'fix':
        return `ย้อนกลับแล้ว: #${change.number} ของ${label} กลับเป็น ${change.before} (เดิมแก้เป็น ${change.after})`;
      case 'delete':
        return `ย้อนกลับแล้ว: #${change.number} ${change.value} ของ${label} กลับมาแล้ว`;
      case 'replace':
        return `ย้อนกลับแล้ว: ถอนการเปลี่ยนมิเตอร์ของ${label} (${change.final} → ${change.initial})`;
      case 'deleteReplacement':
        return `ย้อนกลับแล้ว: การเปลี่ยนมิเตอร์ของ${label} (#${change.final.number} ค่าสุดท้าย ${change.final.value} และ #${change.initial.number} ค่าเริ่มต้น ${change.initial.value}) กลับมาแล้ว`;
      case 'archive':
        return `ย้อนกลับแล้ว: นำ${label}ออกจากที่เก็บถาวร`;
      case 'settings':
        return `ย้อนกลับแล้ว: การตั้งค่าของ${label}กลับเป็นแบบเดิม`;
    }
  },
  undoAsk: (label, change, when) => {
    const what =
      change.kind === 'add'
        ? `จดค่า #${change.number} ${change.value}`
        : change.kind === 'fix'
          ? `แก้ #${change.number} (${change.before} → ${change.after})`
          : change.kind === 'delete'
            ? `ลบ #${change.number} ${change.value}`
            : change.kind === 'replace'
              ? `เปลี่ยนมิเตอร์ (${change.final} → ${change.initial})`
              : change.kind === 'deleteReplacement'
                ? `ลบการเปลี่ยนมิเตอร์ (#${change.final.number} ค่าสุดท้าย ${change.final.value} และ #${change.initial.number} ค่าเริ่มต้น ${change.initial.value})`
                : change.kind === 'archive'
                  ? 'เก็บถาวร'
                  : 'เปลี่ยนการตั้งค่า';
    return `สิ่งที่คุณทำล่าสุดในแชตนี้คือ${what} ของ${label} เมื่อ ${when} จะย้อนกลับไหมคะ`;
  },
  undoStale: (label) =>
    `สิ่งที่คุณทำล่าสุดกับ${label}ถูกเปลี่ยนไปแล้ว จึงไม่มีอะไรให้ย้อนกลับ พิมพ์ "ย้อนกลับ" อีกครั้งเพื่อย้อนรายการก่อนหน้า`,
  undoRefused: (label, why) => `ย้อนกลับใน${label}ไม่ได้: ${why}`,
  negativeUse: (later, earlier) => `ค่า ${later} จะต่อจาก ${earlier} ทำให้การใช้ติดลบ`,
  wholeTurn: (later, earlier) =>
    `ค่า ${later} ที่บันทึกว่ามิเตอร์หมุนครบรอบจะต่อจาก ${earlier} ทำให้นับการใช้เกินไปหนึ่งรอบ`,
  deleteNegative: (label, reading, why) =>
    `ลบ ${reading} ของ${label}ไม่ได้ เพราะ${why.join(' และ')} กรุณาแก้หรือลบค่านั้นก่อนแล้วลองใหม่`,
  undoNegative: (label, why) =>
    `ย้อนกลับใน${label}ไม่ได้ เพราะ${why.join(' และ')} กรุณาแก้หรือลบค่านั้นก่อนแล้วค่อยย้อนกลับอีกครั้ง`,
  digitsNegative: (label, why) =>
    `เปลี่ยนจำนวนหลักของ${label}ไม่ได้ เพราะการหมุนครบรอบที่บันทึกไว้ต้องใช้จำนวนหลักเดิม ไม่เช่นนั้น${why.join(' และ')} กรุณาแก้หรือลบค่าเหล่านั้นก่อน หรือคงจำนวนหลักเดิมไว้`,
  undoReplaceBlocked: (label, number, value) =>
    `ยังย้อนการเปลี่ยนมิเตอร์ของ${label}ไม่ได้ เพราะมีค่า #${number} ${value} จดบนมิเตอร์ใหม่หลังจากนั้น ลบค่านั้นก่อนแล้วค่อยย้อนกลับอีกครั้ง`,
  deleteReplaceBlocked: (label, number, value) =>
    `ยังลบการเปลี่ยนมิเตอร์ของ${label}ไม่ได้ เพราะมีค่า #${number} ${value} จดบนมิเตอร์ใหม่หลังจากนั้น ลบค่านั้นก่อนแล้วลองใหม่`,
  undoDeleteReplaceBlocked: (label, number, value) =>
    `ยังนำการเปลี่ยนมิเตอร์ของ${label}กลับมาไม่ได้ เพราะมีค่า #${number} ${value} อยู่หลังจากนั้นแล้ว ลบค่านั้นก่อนแล้วค่อยย้อนกลับอีกครั้ง`,
  nothingToUndo: 'ไม่มีสิ่งที่คุณทำในแชตนี้ให้ย้อนกลับ',
  undoButton: 'ย้อนกลับเลย',
  keepButton: 'ไม่ต้อง',
  kept: 'ได้ค่ะ ไม่ได้ย้อนกลับอะไร',
  archiveAsk: (label, command) =>
    `เก็บ${label}ถาวรไหมคะ มิเตอร์จะหายจากรายการ แต่ค่าที่จดไว้ยังอยู่ พิมพ์ "${command}" เพื่อนำกลับมา`,
  archiveButton: 'เก็บถาวร',
  archived: (label, command) => `เก็บ${label}ถาวรแล้ว ค่าที่จดไว้ยังอยู่ นำกลับมาได้ด้วย: ${command}`,
  unarchived: (label) => `นำ${label}กลับมาในรายการแล้ว`,
  notArchived: (label) => `${label}ไม่ได้เก็บถาวรไว้`,
  nameTaken: (label) => `นำ${label}กลับมาไม่ได้ เพราะมีมิเตอร์อื่นใช้ชื่อนี้อยู่ เปลี่ยนชื่อมิเตอร์นั้นก่อน`,
  archivedList: (lines) => `มิเตอร์ที่เก็บถาวร:\n${lines.join('\n')}`,
  noArchived: 'ไม่มีมิเตอร์ที่เก็บถาวรในแชตนี้',
  withdrawn: 'ถอนแล้ว',
  answer: {
    typo: (value) => `หมายถึง ${value} ใช่ไหม`,
    replaced: 'เปลี่ยน/รีเซ็ตแล้ว',
    rolledOver: (usage) => `หมุนครบรอบ (+${usage})`,
    previousWrong: 'ค่าก่อนหน้าผิด',
  },
  previousWrongHint: (label, number, value, command) =>
    `ถ้าอย่างนั้น แก้ค่าก่อนหน้า #${number} (${value}) ของ${label}ก่อน แบบนี้\n${command}\nแล้วส่งค่าใหม่อีกครั้ง`,
  say: {
    unarchive: (n) => `ยกเลิกเก็บถาวร มิเตอร์ ${n}`,
    fix: (meter, reading, value) => `แก้ มิเตอร์ ${meter} #${reading} = ${value}`,
    delete: (meter, reading) => `ลบ มิเตอร์ ${meter} #${reading}`,
    history: (meter) => `ประวัติ มิเตอร์ ${meter}`,
  },
};

// ---------------------------------------------------------------------------
// Photos kept as evidence for readings.

export interface PhotoSentences {
  /** `photo #12` in a group: photos are taken in the one-to-one chat only. */
  onlyOneToOne: string;
  /** After `photo #12`: the next photo goes with this reading. */
  sendNow(label: string, number: number, value: string, minutes: number): string;
  attached(label: string, number: number, value: string, count: number): string;
  /** An image with no reading to go with. */
  whichReading: string;
  tooLarge(maxMegabytes: number): string;
  notAnImage: string;
  unavailable: string;
  /** The reading was deleted or undone before its photo arrived. */
  readingGone(number: number): string;
  tooMany(label: string, number: number, max: number): string;
  /** A history line of a reading that has a photo. */
  marked(line: string): string;
  /** Below the history: a link per photo, and how long they work. */
  links(entries: { number: number; url: string }[], hours: number): string;
  button: { camera: string; cameraRoll: string };
  say: { photo(meter: number, reading: number): string };
}

const photosEn: PhotoSentences = {
  onlyOneToOne:
    'I keep photos from our one-to-one chat only, so they stay between us: open a chat with me, type "photo #12" there, then send the photo.',
  sendNow: (label, number, value, minutes) =>
    `Send the photo for #${number} ${value} on ${label} now (within ${minutes} minutes).`,
  attached: (label, number, value, count) =>
    `Photo kept with #${number} ${value} on ${label}${count > 1 ? ` (${count} photos now)` : ''}. "history" shows a link to it.`,
  whichReading:
    'Which reading is this photo for? Send "photo #N" first (N from "history"), then the photo. A photo sent within a few minutes of a reading goes with it by itself. Nothing was kept.',
  tooLarge: (max) => `That photo is too large (${max} MB at most). Nothing was kept.`,
  notAnImage: 'That is not a JPEG or PNG photo. Nothing was kept.',
  unavailable: 'I could not get that photo from LINE. Please send it again.',
  readingGone: (number) =>
    `Reading #${number} is no longer there (deleted or undone), so I did not keep the photo.`,
  tooMany: (label, number, max) =>
    `#${number} on ${label} already has ${max} photos, the most I keep for one reading. Nothing more was kept.`,
  marked: (line) => `${line} 📷`,
  links: (entries, hours) =>
    `Photos (each link works for ${hours} hours):\n${entries.map((e) => `#${e.number} ${e.url}`).join('\n')}`,
  button: { camera: 'Take a photo', cameraRoll: 'Choose a photo' },
  say: { photo: (meter, reading) => `photo meter ${meter} #${reading}` },
};

const photosTh: PhotoSentences = {
  onlyOneToOne: 'รูปเก็บได้เฉพาะในแชตส่วนตัวกับบอทค่ะ เพื่อให้เห็นกันแค่เรา: เปิดแชตกับบอท พิมพ์ "รูป #12" แล้วส่งรูป',
  sendNow: (label, number, value, minutes) =>
    `ส่งรูปของ #${number} ${value} ของ${label}ได้เลยค่ะ (ภายใน ${minutes} นาที)`,
  attached: (label, number, value, count) =>
    `เก็บรูปไว้กับ #${number} ${value} ของ${label}แล้ว${count > 1 ? ` (ตอนนี้มี ${count} รูป)` : ''} ดูลิงก์ได้ใน "ประวัติ"`,
  whichReading:
    'รูปนี้เป็นของค่าไหนคะ พิมพ์ "รูป #N" ก่อน (N จาก "ประวัติ") แล้วส่งรูป ถ้าส่งรูปภายในไม่กี่นาทีหลังจดค่า รูปจะไปกับค่านั้นเอง ยังไม่ได้เก็บรูปนี้',
  tooLarge: (max) => `รูปใหญ่เกินไป (ไม่เกิน ${max} MB) ยังไม่ได้เก็บรูปนี้`,
  notAnImage: 'ไฟล์นี้ไม่ใช่รูป JPEG หรือ PNG ยังไม่ได้เก็บ',
  unavailable: 'ดึงรูปจาก LINE ไม่ได้ค่ะ กรุณาส่งอีกครั้ง',
  readingGone: (number) => `ค่า #${number} ถูกลบหรือย้อนกลับไปแล้ว จึงไม่ได้เก็บรูป`,
  tooMany: (label, number, max) =>
    `#${number} ของ${label}มีรูปครบ ${max} รูปแล้ว (สูงสุดต่อค่า) ไม่ได้เก็บเพิ่ม`,
  marked: (line) => `${line} 📷`,
  links: (entries, hours) =>
    `รูป (ลิงก์ใช้ได้ ${hours} ชั่วโมง):\n${entries.map((e) => `#${e.number} ${e.url}`).join('\n')}`,
  button: { camera: 'ถ่ายรูป', cameraRoll: 'เลือกรูป' },
  say: { photo: (meter, reading) => `รูป มิเตอร์ ${meter} #${reading}` },
};

const en: Catalog = {
  meterLabel: (number, name) => `meter ${number} "${name}"`,
  greeting: (name) =>
    `Hi${name ? ` ${name}` : ''}! I'm Home Log. I keep your meter readings and tell you how much you use.\n\n` +
    'Start with a meter, for example:\nadd meter Electric kWh\n\nThen send what it shows:\nmeter 1 = 4521\n\nType "help" any time.',
  groupGreeting:
    'Hello everyone! I\'m Home Log. A meter owner can share a meter here with "share meter 1"; ' +
    'then anyone in this group can report it ("meter 1 = 4521") or ask "usage meter 1". ' +
    'I only answer messages written for me, so chat away.',
  help: (inGroup) =>
    [
      'What I understand:',
      '',
      'Readings',
      'add meter Electric kWh: a new meter',
      'meter 1 = 4521 (or m1 4521): a reading now',
      'meter 1 = 4521 @ 15 Nov 08:00, … yesterday: backdated',
      'meter 1 = 4521 # note: with a note',
      'add meter BP mmHg values sys dia pulse?, then BP 120/80 72: several values per reading (pulse? may be left out)',
      'set meter 1 sys range 70-250: the range of one of those values',
      inGroup
        ? 'meters: the meters shared here'
        : "meters: your meters, and your groups' meters (marked with the group); use one of those by name, e.g. Water = 123",
      '',
      'Corrections',
      'history meter 1: recent readings with their #',
      'undo: take back your last change here (again for the one before)',
      'fix meter 2 #3 = 141, fix #12 = 4512: correct a reading (numbers from history)',
      'delete meter 2 #3, delete #12: remove a reading',
      'photo #12 (then a photo): keep a photo with a reading; a photo sent right after a reading is kept with it (one-to-one chat)',
      'set meter 1 min 0 max 99999 digits 5: checks',
      'new meter 1 final 45210 initial 3: the meter was replaced',
      '',
      'Usage and charts',
      'usage meter 1 (or usage meter 1 2026-10): how much was used',
      'chart meter 1 (or chart meter 1 24 months, chart meter 1 readings): a chart',
      '',
      'Money',
      'set meter 1 tariff mea-1.1.2 (or price 4.5, ft 0.3672, vat 7): prices, from today or a date',
      "set meter 1 billing day 18: periods follow the utility's reading day",
      'bill meter 1 (or bill meter 1 2026-11): the bill so far, projected, line by line',
      'paid meter 1 1455.94 for 2026-11: what you paid, beside the estimate',
      'remind meter 1 day 25 09:00, alert meter 1 over 400: reminders and alerts',
      'chart meter 1 cost: the periods in baht',
      '',
      'Sharing',
      inGroup
        ? 'share meter 1 (share meter 1 read): let this group use meter 1'
        : 'share meter 1: written in a family group, lets the group use meter 1',
      'share meter 1 @Mom write, unshare meter 1, access meter 1: who may do what',
      'audit meter 1: the latest changes (admins)',
      'archive meter 1, unarchive meter 1, archived: put a meter away after a tap, and bring it back (admins)',
      '',
      'Account',
      'whoami: who you are here',
      'link google / unlink google: keep your meters if you change LINE accounts',
      'remove line #2: remove another LINE account from yours (see whoami)',
      '',
      'Your data',
      'export meter 1: a link to a CSV file of the readings',
      'import meter 1: add readings from a CSV file you send (shown first, stored after a tap)',
      'export my data: a link to everything kept about you (JSON)',
      'delete my data: see what would go and what stays, then delete everything after a tap and a word',
    ].join('\n'),
  notUnderstood: 'Sorry, I didn\'t understand that. Type "help" to see what I can do.',
  onlyText: 'I can only read text. Type the number the meter shows, e.g. "meter 1 = 4521".',
  noUserId:
    "LINE didn't tell me who sent that, so I can't record it under your name. " +
    'Add Home Log as a friend (and use LINE on your phone), then try again.',
  sorry:
    'Sorry, something went wrong on my side. Nothing was changed; please try again in a moment.',
  noMeters: 'You have no meters yet. Add one, for example:\nadd meter Electric kWh',
  noMetersInGroup:
    'No meters are shared in this group yet. A meter owner can type "share meter 1" here.',
  meterNotFound: (ref) => `There is no ${ref} here. Type "meters" to see the ones you can use.`,
  meterAmbiguous: (name, names) =>
    `"${name}" could be ${names.map((n) => `"${n}"`).join(' or ')}. Please use more of the name or the meter's number.`,
  chooseMeter: 'Which meter? Tap one, or write its number, e.g. "meter 1 = 4521".',
  groupMeterAmbiguous: (name, lines) =>
    `Several of your groups have a meter called "${name}":\n${lines.join('\n')}\nTap one, or use its number.`,
  viaGroup: (group) => (group === null ? 'through a group chat' : `through the group "${group}"`),
  meterCreated: (label, unit, inGroup, example) =>
    `Created ${label}${unit ? ` (${unit})` : ''}.${inGroup ? ' Everyone in this group can report it.' : ''}\nSend a reading like this:\n${example}`,
  meterNameTaken: (name) => `You already have a meter called "${name}". Pick another name.`,
  meterList: (inGroup, lines) =>
    `${inGroup ? 'Meters shared in this group' : 'Your meters'}:\n${lines.join('\n')}`,
  noReadingsYet: 'no readings yet',
  lastReading: (value, when) => `last ${value}, ${when}`,
  readOnly: (label) =>
    `You can look at ${label}, but not change it. Ask its owner for write access.`,
  adminOnly: (label) => `Only an admin of ${label} can do that.`,
  readingStored: ({ label, value, when, since, note }) =>
    [
      `Recorded ${label}: ${value} (${when}).`,
      since
        ? `Used ${since.usage} in ${since.span}${since.perDay ? ` (${since.perDay} a day)` : ''}.`
        : null,
      note ? `Note: ${note}` : null,
    ]
      .filter(Boolean)
      .join('\n'),
  readingQuestion: (label) => `What should I do with this reading for ${label}?`,
  button: {
    store: (value) => `Store ${value}`,
    rollover: (usage) => `Rolled over (+${usage})`,
    replacement: 'New meter',
    typo: (value) => `Use ${value}`,
    cancel: 'Cancel',
    undo: 'Undo',
    history: 'History',
    usage: 'Usage',
    chart: 'Chart',
    addMeter: 'Add a meter',
    help: 'Help',
    meters: 'My meters',
    revoke: (entry) => `Revoke #${entry}`,
  },
  cancelled: 'OK, I did not record it.',
  alreadyAnswered: 'That question was already answered.',
  replacementHint: (label, command) =>
    `A new meter for ${label}: tell me the old meter's last reading and the new meter's first, like this:\n${command}`,
  history: (label, lines, more) =>
    `Recent readings of ${label}:\n${lines.join('\n')}${more ? '\n…' : ''}\nTo correct one: fix #N = value, or delete #N.`,
  historyLine: ({ number, value, when, who, note, event }) =>
    `#${number} ${value}, ${when}${who ? `, ${who}` : ''}${event ? ` (${event})` : ''}${note ? ` # ${note}` : ''}`,
  registerEvent: (event) =>
    event === 'rollover'
      ? 'rolled over'
      : event === 'replacement_final'
        ? 'old meter, last'
        : 'new meter, first',
  noHistory: (label) => `${label} has no readings yet.`,
  undone: (label, number, value) =>
    `Undone: #${number} ${value} on ${label}. It stays in the audit log.`,
  nothingToUndo: 'You have no reading to undo.',
  readingNotFound: (label, number) =>
    `${label} has no reading #${number}. Type "history" to see the numbers.`,
  notYourReading: (label, number) =>
    `Reading #${number} of ${label} was entered by someone else; only an admin of the meter can change it.`,
  fixed: (label, number, before, after, warning) =>
    `Fixed #${number} on ${label}: ${before} → ${after}.${warning ? `\nNote: ${warning}` : ''}`,
  fixUnchanged: (label, number, value) =>
    `#${number} on ${label} is already ${value}: nothing changed.`,
  deleted: (label, number, value) =>
    `Deleted #${number} ${value} on ${label}. It stays in the audit log.`,
  deletedReplacement: (label, { final, initial }) =>
    `Deleted the meter replacement on ${label}: #${final.number} final ${final.value} and #${initial.number} initial ${initial.value}. It stays in the audit log.`,
  settingsSaved: (label, summary) => `Saved for ${label}: ${summary.join(', ')}.`,
  setting: {
    min: (value) => (value === null ? 'no minimum' : `minimum ${value}`),
    max: (value) => (value === null ? 'no maximum' : `maximum ${value}`),
    digits: (value) => (value === null ? 'register size unknown' : `${value} digits`),
    maxRate: (value) => (value === null ? 'no daily limit' : `at most ${value} a day`),
  },
  replaced: (label, final, initial) =>
    `Meter replaced on ${label}: the old meter ended at ${final}, the new one starts at ${initial}. The jump is not counted as usage.`,
  linkDisabled:
    'Linking a Google account is not set up on this Home Log. Ask whoever runs it to add a Google client.',
  linkInPrivate: 'Please do this in your one-to-one chat with me, not in a group.',
  linkOffer: (minutes) =>
    `Open this page to link your Google account. With it you can get your meters back if you ever change LINE accounts. The link works once, for ${minutes} minutes.`,
  linkButton: 'Link Google',
  unlinked: (email) => `Your Google account ${email} is no longer linked.`,
  notLinked: 'No Google account is linked.',
  whoami: (name, accounts) =>
    `You are ${name || 'a Home Log user'}. Linked accounts:\n${accounts.join('\n')}`,
  accountLine: (provider, detail) =>
    provider === 'line' ? `LINE${detail ? ` (${detail})` : ''}` : `Google: ${detail ?? ''}`,
  shareInGroup:
    'Share a meter from inside the group: add me to the family group and write "share meter 1" there.',
  shared: (label, groupNumber, role, example) =>
    `Shared ${label} with this group (${role === 'read' ? 'read only' : 'everyone can report it'}). Here it is meter ${groupNumber}${role === 'write' ? `, e.g. ${example}` : ''}.`,
  shareUnchanged: (label, role) => `${label} is already shared here (${role}).`,
  granted: (name, label, role) =>
    `${name} can now ${role === 'read' ? 'see' : role === 'write' ? 'report and see' : 'manage'} ${label} (${role}).`,
  grantUnchanged: (name, label, role) => `${name} already has ${role} on ${label}.`,
  mentionSomeone: 'Mention the person with @, e.g. "share meter 1 @Mom write".',
  mentionNeedsConsent: (name) =>
    `LINE did not tell me who ${name} is. They need to add Home Log as a friend first.`,
  ownerStays: (name, label) => `${name} owns ${label}; the owner always keeps full access.`,
  unshared: (label) => `${label} is no longer shared with this group.`,
  notShared: (label) => `${label} is not shared with this group.`,
  revoked: (name, label) => `${name} no longer has access to ${label}.`,
  noGrant: (name, label) => `${name} has no personal access to ${label}.`,
  accessList: (label, lines) => `Who may use ${label}:\n${lines.join('\n')}`,
  accessOwner: (name) => `${name || 'the owner'}: owner (admin)`,
  accessPerson: (entry, name, role) => `#${entry} ${name || 'someone'}: ${role}`,
  accessGroup: (entry, here, role) => `#${entry} ${here ? 'this group' : 'a group'}: ${role}`,
  accessRevokeHint: (example) => `To take one back: ${example}`,
  noAccessEntry: (label, entry) => `${label} has no entry #${entry}; see "access" for the list.`,
  groupShareRevoked: (label, entry) => `${label} is no longer shared with group #${entry}.`,
  ownerOnly: (label) => `Only the owner of ${label} can do that.`,
  auditList: (label, lines) => `Recent activity on ${label}:\n${lines.join('\n')}`,
  auditEmpty: (label) => `Nothing recorded for ${label} yet.`,
  auditLine: (when, who, action, detail) =>
    `${when} ${who}: ${action}${detail ? ` ${detail}` : ''}`,
  someone: 'system',
  erased: '(erased)',
  archived: (label) => `Archived ${label}. Its readings are kept; it no longer appears in lists.`,
  chartsUnavailable:
    'This Home Log server cannot draw charts (it runs where the chart renderer is not available). Ask for the usage as text instead.',
  malformed: (topic, problem) => malformedText('en', topic, problem),
  readingProblem: (problem, { number: n, amount: u, day, time }) => {
    switch (problem.code) {
      case 'belowMin':
        return `${u(problem.value)} is below the lowest value allowed for this meter (${u(problem.limit)}). Please check the number and send it again.`;
      case 'aboveMax':
        return `${u(problem.value)} is above the highest value allowed for this meter (${u(problem.limit)}). Please check the number and send it again.`;
      case 'tooManyDigits':
        return `${n(problem.value)} has more digits than this ${problem.digits}-digit meter can show (readings stay below ${n(problem.limit)}). Please check the number, or change the size with "set … digits".`;
      case 'negative':
        return `This can't be negative (${u(problem.value)}). Please send the number as the meter shows it.`;
      case 'future':
        return `${time(problem.takenAt)} is in the future. Please check the date and time, or leave them out to record the reading as of now.`;
      case 'duplicate':
        return `${u(problem.value)} at ${time(problem.takenAt)} is already recorded, so there is nothing to add.`;
      case 'sameTimeDifferentValue':
        return `There is already a reading at ${time(problem.takenAt)}: ${u(problem.existing)}. To change it to ${n(problem.value)}, use "fix" on that reading (see "history").`;
      case 'lowerThanPrevious':
        return `${n(problem.value)} is lower than the last reading ${u(problem.previous)} (${day(problem.previousAt)}). Did the meter roll over, was it replaced, or is it a typo?`;
      case 'higherThanNext': {
        const range = problem.previous
          ? ` A backdated reading must lie between ${n(problem.previous)} and ${n(problem.next)}.`
          : '';
        return `${n(problem.value)} is higher than the later reading ${u(problem.next)} (${day(problem.nextAt)}).${range} Please check the number or the date.`;
      }
      case 'belowLaterWrap':
        return `${n(problem.value)} is not above the later reading ${u(problem.next)} (${day(problem.nextAt)}), which is marked as the meter rolling over: the meter would have gone all the way round in between. Please check the number. If the meter did not roll over there, delete that reading ("history" shows its number) and send it again.`;
      case 'wrapNotBelowPrevious':
        return `This reading is marked as the meter rolling over, so it must be below the reading before it, ${u(problem.previous)} (${day(problem.previousAt)}): at ${n(problem.value)} the meter would have gone all the way round. Please check the number. If the meter did not roll over there, delete this reading and send it again.`;
      case 'rateTooHigh': {
        const days = new Decimal(problem.days);
        const span = days.lt(1)
          ? 'less than a day'
          : `${n(problem.days)} ${days.eq(1) ? 'day' : 'days'}`;
        const neighbour = `${u(problem.other)}, ${day(problem.otherAt)}`;
        const what =
          problem.interval === 'sincePrevious'
            ? `${u(problem.value)} would mean ${u(problem.usage)} used in ${span} since the last reading (${neighbour})`
            : `${u(problem.value)} would leave ${u(problem.usage)} used in ${span} before the next reading (${neighbour})`;
        const limit =
          problem.limitFrom === 'history'
            ? `far more than usual (up to about ${u(problem.limit)} a day)`
            : `more than this meter's limit of ${u(problem.limit)} a day`;
        return `${what}, ${limit}. Is it right?`;
      }
      case 'zeroAfterPositive':
        return `0 after ${u(problem.previous)} (${day(problem.previousAt)}) often means a blank display or a new meter. Does the meter really show 0?`;
      case 'allNines':
        return `${n(problem.value)} (all nines) is often what a meter shows when something is wrong. Is it the real reading?`;
      case 'likelyTypo':
        return `Did you mean ${n(problem.suggestion)}? ${n(problem.value)} is far from the expected ~${u(problem.expected)}.`;
    }
  },
  say: {
    undo: 'undo',
    help: 'help',
    meters: 'meters',
    addMeterExample: 'add meter Electric kWh',
    history: (n) => `history meter ${n}`,
    usage: (n) => `usage meter ${n}`,
    chart: (n) => `chart meter ${n}`,
    reading: (n, value) => `meter ${n} = ${value}`,
    replaceMeter: (n, final, initial) => `new meter ${n} final ${final} initial ${initial}`,
    unshareEntry: (n, entry) => `unshare meter ${n} #${entry}`,
  },
  auditAction: (action) => AUDIT_ACTIONS.en[action] ?? 'made a change',
  welcomeBack: (name, meters) =>
    `Welcome back${name ? `, ${name}` : ''}! Your meters:\n${meters.join('\n')}\nSend a reading like "meter 1 = 4521", or type "help".`,
  corrections: correctionsEn,
  photos: photosEn,
};

/** Role names in Thai, as the grammar also reads them back (`แชร์ มิเตอร์ 1 @แม่ ส่งค่าได้`). */
const THAI_ROLE: Record<'read' | 'write' | 'admin', string> = {
  read: 'ดูอย่างเดียว',
  write: 'ส่งค่าได้',
  admin: 'ผู้ดูแล',
};

const th: Catalog = {
  meterLabel: (number, name) => `มิเตอร์ ${number} "${name}"`,
  greeting: (name) =>
    `สวัสดีค่ะ${name ? ` คุณ${name}` : ''}! Home Log ช่วยจดค่ามิเตอร์และบอกว่าใช้ไปเท่าไร\n\n` +
    'เริ่มจากเพิ่มมิเตอร์ เช่น\nเพิ่มมิเตอร์ ไฟฟ้า kWh\n\nแล้วส่งตัวเลขที่มิเตอร์แสดง\nมิเตอร์ 1 = 4521\n\nพิมพ์ "ช่วยเหลือ" ได้ทุกเมื่อ',
  groupGreeting:
    'สวัสดีทุกคนค่ะ! Home Log ช่วยจดค่ามิเตอร์ เจ้าของมิเตอร์พิมพ์ "แชร์ มิเตอร์ 1" ในกลุ่มนี้ได้ ' +
    'แล้วทุกคนในกลุ่มส่งค่า ("มิเตอร์ 1 = 4521") หรือถาม "ใช้ไป มิเตอร์ 1" ได้ ' +
    'บอทตอบเฉพาะข้อความที่เป็นคำสั่ง คุยกันตามสบายค่ะ',
  help: (inGroup) =>
    [
      'คำสั่งที่ใช้ได้:',
      '',
      'จดค่า',
      'เพิ่มมิเตอร์ ไฟฟ้า kWh: เพิ่มมิเตอร์ใหม่',
      'มิเตอร์ 1 = 4521 (หรือ m1 4521): จดค่าตอนนี้',
      'มิเตอร์ 1 = 4521 @ 15 พ.ย. 08:00 น. หรือ … เมื่อวาน: จดย้อนหลัง',
      'มิเตอร์ 1 = 4521 # หมายเหตุ: จดพร้อมหมายเหตุ',
      'เพิ่มมิเตอร์ ความดัน mmHg ค่า ตัวบน ตัวล่าง ชีพจร? แล้ว ความดัน 120/80 72: จดหลายค่าต่อครั้ง (ชีพจร? เว้นได้)',
      'ตั้งค่า มิเตอร์ 1 ตัวบน ช่วง 70-250: ช่วงของค่าใดค่าหนึ่ง',
      inGroup
        ? 'มิเตอร์: มิเตอร์ที่แชร์ในกลุ่มนี้'
        : 'มิเตอร์: มิเตอร์ของคุณ และมิเตอร์ของกลุ่มที่คุณอยู่ (บอกชื่อกลุ่มไว้) ใช้มิเตอร์ของกลุ่มด้วยชื่อ เช่น น้ำ = 123',
      '',
      'แก้ไข',
      'ประวัติ มิเตอร์ 1: ค่าที่จดล่าสุดพร้อมหมายเลข #',
      'ย้อนกลับ: ย้อนสิ่งที่คุณทำล่าสุดในแชตนี้ (พิมพ์อีกครั้งเพื่อย้อนก่อนหน้านั้น)',
      'แก้ มิเตอร์ 2 #3 = 141, แก้ #12 = 4512: แก้ค่าที่จดไว้ (หมายเลขจากประวัติ)',
      'ลบ มิเตอร์ 2 #3, ลบ #12: ลบค่าที่จดไว้',
      'รูป #12 (แล้วส่งรูป): เก็บรูปไว้กับค่าที่จด ส่งรูปทันทีหลังจดค่าก็ได้ (ในแชตส่วนตัว)',
      'ตั้งค่า มิเตอร์ 1 ต่ำสุด 0 สูงสุด 99999 หลัก 5: ตั้งการตรวจค่า',
      'เปลี่ยนมิเตอร์ 1 ค่าสุดท้าย 45210 ค่าเริ่มต้น 3: เปลี่ยนมิเตอร์ใหม่',
      '',
      'การใช้และกราฟ',
      'ใช้ไป มิเตอร์ 1 (หรือ ใช้ไปเท่าไร, ใช้ไป มิเตอร์ 1 2026-10): ดูการใช้',
      'กราฟ มิเตอร์ 1 (หรือ กราฟ มิเตอร์ 1 24 เดือน, กราฟ มิเตอร์ 1 ค่าที่จด): ดูกราฟ',
      '',
      'ค่าใช้จ่าย',
      'ตั้งค่า มิเตอร์ 1 ประเภท mea-1.1.2 (หรือ ราคา 4.5, ค่าft 0.3672, ภาษี 7): ตั้งราคา',
      'ตั้งค่า มิเตอร์ 1 วันจด 18: รอบบิลตามวันที่การไฟฟ้ามาจด',
      'ค่าไฟ มิเตอร์ 1 (หรือ ค่าน้ำ มิเตอร์ 2): ค่าใช้จ่ายถึงตอนนี้ ประมาณการ และรายการในบิล',
      'จ่ายแล้ว มิเตอร์ 1 1455.94 เดือน 2026-11: บันทึกยอดที่จ่ายจริง',
      'เตือน มิเตอร์ 1 วันที่ 25 09:00, แจ้งเตือน มิเตอร์ 1 เกิน 400: เตือนให้จดและแจ้งเมื่อใช้เกิน',
      'กราฟ มิเตอร์ 1 ค่าใช้จ่าย: กราฟค่าใช้จ่ายแต่ละรอบ',
      '',
      'การแชร์',
      inGroup
        ? 'แชร์ มิเตอร์ 1 (แชร์ มิเตอร์ 1 อ่านอย่างเดียว): ให้กลุ่มนี้ใช้มิเตอร์ 1'
        : 'แชร์ มิเตอร์ 1: พิมพ์ในกลุ่มครอบครัว เพื่อให้กลุ่มใช้มิเตอร์ 1',
      'แชร์ มิเตอร์ 1 @แม่ write, เลิกแชร์ มิเตอร์ 1, สิทธิ์ มิเตอร์ 1: ใครทำอะไรได้',
      'ตรวจสอบ มิเตอร์ 1: การเปลี่ยนแปลงล่าสุด (ผู้ดูแล)',
      'เก็บถาวร มิเตอร์ 1, ยกเลิกเก็บถาวร มิเตอร์ 1, รายการเก็บถาวร: เก็บมิเตอร์ไว้ก่อน แล้วนำกลับมาได้ (ผู้ดูแล)',
      '',
      'บัญชี',
      'whoami: ดูว่าคุณคือใคร',
      'link google / unlink google: เชื่อมบัญชี Google ไว้ใช้กู้มิเตอร์คืนเมื่อเปลี่ยนบัญชี LINE',
      'ลบไลน์ #2: เอาบัญชี LINE อื่นออกจากบัญชีของคุณ (ดูเลขจาก whoami)',
      '',
      'ข้อมูลของคุณ',
      'ส่งออก มิเตอร์ 1: ลิงก์ไฟล์ CSV ของค่าที่จด',
      'นำเข้า มิเตอร์ 1: เพิ่มค่าจากไฟล์ CSV ที่ส่งมา (แสดงก่อน กดยืนยันแล้วจึงบันทึก)',
      'ส่งออกข้อมูลของฉัน: ลิงก์ข้อมูลทั้งหมดที่เก็บเกี่ยวกับคุณ (JSON)',
      'ลบข้อมูลของฉัน: ดูว่าอะไรจะถูกลบและอะไรยังอยู่ แล้วลบทั้งหมดหลังจากกดปุ่มและพิมพ์คำยืนยัน',
    ].join('\n'),
  notUnderstood: 'ขอโทษค่ะ ไม่เข้าใจข้อความนี้ พิมพ์ "ช่วยเหลือ" เพื่อดูคำสั่งที่ใช้ได้',
  onlyText: 'อ่านได้เฉพาะข้อความค่ะ พิมพ์ตัวเลขที่มิเตอร์แสดง เช่น "มิเตอร์ 1 = 4521"',
  noUserId:
    'LINE ไม่ได้บอกว่าใครส่งข้อความนี้ จึงบันทึกในชื่อของคุณไม่ได้ ' +
    'กรุณาเพิ่ม Home Log เป็นเพื่อน (และใช้ LINE บนมือถือ) แล้วลองอีกครั้ง',
  sorry: 'ขอโทษค่ะ ระบบขัดข้อง ยังไม่มีอะไรเปลี่ยนแปลง กรุณาลองใหม่อีกสักครู่',
  noMeters: 'ยังไม่มีมิเตอร์ เพิ่มได้เลย เช่น\nเพิ่มมิเตอร์ ไฟฟ้า kWh',
  noMetersInGroup: 'ยังไม่มีมิเตอร์ที่แชร์ในกลุ่มนี้ เจ้าของมิเตอร์พิมพ์ "แชร์ มิเตอร์ 1" ในกลุ่มนี้ได้',
  meterNotFound: (ref) => `ไม่พบ${ref} ในแชตนี้ พิมพ์ "มิเตอร์" เพื่อดูมิเตอร์ที่ใช้ได้`,
  meterAmbiguous: (name, names) =>
    `"${name}" อาจหมายถึง ${names.map((n) => `"${n}"`).join(' หรือ ')} กรุณาพิมพ์ชื่อให้ยาวขึ้นหรือใช้หมายเลขมิเตอร์`,
  chooseMeter: 'มิเตอร์ไหนคะ แตะเลือก หรือพิมพ์หมายเลข เช่น "มิเตอร์ 1 = 4521"',
  groupMeterAmbiguous: (name, lines) =>
    `มีมิเตอร์ชื่อ "${name}" ในหลายกลุ่มของคุณ:\n${lines.join('\n')}\nแตะเลือก หรือใช้หมายเลขมิเตอร์`,
  viaGroup: (group) => (group === null ? 'ผ่านห้องแชต' : `ผ่านกลุ่ม "${group}"`),
  meterCreated: (label, unit, inGroup, example) =>
    `เพิ่ม${label}${unit ? ` (${unit})` : ''} แล้ว${inGroup ? ' ทุกคนในกลุ่มนี้ส่งค่าได้' : ''}\nส่งค่าแบบนี้:\n${example}`,
  meterNameTaken: (name) => `มีมิเตอร์ชื่อ "${name}" อยู่แล้ว กรุณาใช้ชื่ออื่น`,
  meterList: (inGroup, lines) =>
    `${inGroup ? 'มิเตอร์ที่แชร์ในกลุ่มนี้' : 'มิเตอร์ของคุณ'}:\n${lines.join('\n')}`,
  noReadingsYet: 'ยังไม่มีค่า',
  lastReading: (value, when) => `ล่าสุด ${value} เมื่อ ${when}`,
  readOnly: (label) => `คุณดู${label}ได้ แต่แก้ไขไม่ได้ ขอสิทธิ์เขียนจากเจ้าของมิเตอร์`,
  adminOnly: (label) => `เฉพาะผู้ดูแล${label}เท่านั้นที่ทำได้`,
  readingStored: ({ label, value, when, since, note }) =>
    [
      `บันทึก${label}: ${value} (${when}) แล้ว`,
      since
        ? `ใช้ไป ${since.usage} ใน ${since.span}${since.perDay ? ` (วันละ ${since.perDay})` : ''}`
        : null,
      note ? `หมายเหตุ: ${note}` : null,
    ]
      .filter(Boolean)
      .join('\n'),
  readingQuestion: (label) => `จะให้ทำอย่างไรกับค่านี้ของ${label}คะ`,
  button: {
    store: (value) => `บันทึก ${value}`,
    rollover: (usage) => `หมุนครบรอบ (+${usage})`,
    replacement: 'เปลี่ยนมิเตอร์ใหม่',
    typo: (value) => `ใช้ ${value}`,
    cancel: 'ยกเลิก',
    undo: 'ย้อนกลับ',
    history: 'ประวัติ',
    usage: 'ใช้ไปเท่าไร',
    chart: 'กราฟ',
    addMeter: 'เพิ่มมิเตอร์',
    help: 'ช่วยเหลือ',
    meters: 'มิเตอร์ของฉัน',
    revoke: (entry) => `ยกเลิก #${entry}`,
  },
  cancelled: 'ได้ค่ะ ไม่บันทึกค่านี้',
  alreadyAnswered: 'คำถามนี้ตอบไปแล้วค่ะ',
  replacementHint: (label, command) =>
    `เปลี่ยนมิเตอร์ใหม่สำหรับ${label}: บอกค่าสุดท้ายของมิเตอร์เก่าและค่าแรกของมิเตอร์ใหม่แบบนี้\n${command}`,
  history: (label, lines, more) =>
    `ค่าล่าสุดของ${label}:\n${lines.join('\n')}${more ? '\n…' : ''}\nแก้ค่า: แก้ #N = ค่า หรือ ลบ #N`,
  historyLine: ({ number, value, when, who, note, event }) =>
    `#${number} ${value} เมื่อ ${when}${who ? ` โดย ${who}` : ''}${event ? ` (${event})` : ''}${note ? ` # ${note}` : ''}`,
  registerEvent: (event) =>
    event === 'rollover'
      ? 'หมุนครบรอบ'
      : event === 'replacement_final'
        ? 'ค่าสุดท้ายมิเตอร์เก่า'
        : 'ค่าแรกมิเตอร์ใหม่',
  noHistory: (label) => `${label}ยังไม่มีค่าที่จดไว้`,
  undone: (label, number, value) =>
    `ย้อนกลับ #${number} ${value} ของ${label}แล้ว (ยังเก็บไว้ในบันทึกการตรวจสอบ)`,
  nothingToUndo: 'ไม่มีค่าที่คุณจดให้ย้อนกลับ',
  readingNotFound: (label, number) => `${label}ไม่มีค่า #${number} พิมพ์ "ประวัติ" เพื่อดูหมายเลข`,
  notYourReading: (label, number) =>
    `ค่า #${number} ของ${label}มีคนอื่นเป็นผู้จด เฉพาะผู้ดูแลมิเตอร์เท่านั้นที่แก้ได้`,
  fixed: (label, number, before, after, warning) =>
    `แก้ #${number} ของ${label}: ${before} → ${after} แล้ว${warning ? `\nหมายเหตุ: ${warning}` : ''}`,
  fixUnchanged: (label, number, value) => `#${number} ของ${label} เป็น ${value} อยู่แล้ว ไม่ได้เปลี่ยนอะไร`,
  deleted: (label, number, value) =>
    `ลบ #${number} ${value} ของ${label}แล้ว (ยังเก็บไว้ในบันทึกการตรวจสอบ)`,
  deletedReplacement: (label, { final, initial }) =>
    `ลบการเปลี่ยนมิเตอร์ของ${label}แล้ว: #${final.number} ค่าสุดท้าย ${final.value} และ #${initial.number} ค่าเริ่มต้น ${initial.value} (ยังเก็บไว้ในบันทึกการตรวจสอบ)`,
  settingsSaved: (label, summary) => `บันทึกการตั้งค่า${label}: ${summary.join(', ')}`,
  setting: {
    min: (value) => (value === null ? 'ไม่กำหนดค่าต่ำสุด' : `ต่ำสุด ${value}`),
    max: (value) => (value === null ? 'ไม่กำหนดค่าสูงสุด' : `สูงสุด ${value}`),
    digits: (value) => (value === null ? 'ไม่ระบุจำนวนหลัก' : `${value} หลัก`),
    maxRate: (value) => (value === null ? 'ไม่จำกัดต่อวัน' : `ไม่เกินวันละ ${value}`),
  },
  replaced: (label, final, initial) =>
    `บันทึกการเปลี่ยน${label}แล้ว: มิเตอร์เก่าจบที่ ${final} มิเตอร์ใหม่เริ่มที่ ${initial} ส่วนต่างนี้ไม่นับเป็นการใช้`,
  linkDisabled: 'Home Log นี้ยังไม่ได้ตั้งค่าการเชื่อมบัญชี Google กรุณาแจ้งผู้ดูแลระบบ',
  linkInPrivate: 'กรุณาทำในแชตส่วนตัวกับบอท ไม่ใช่ในกลุ่ม',
  linkOffer: (minutes) =>
    `เปิดหน้านี้เพื่อเชื่อมบัญชี Google ไว้ใช้กู้มิเตอร์คืนเมื่อเปลี่ยนบัญชี LINE ลิงก์ใช้ได้ครั้งเดียว ภายใน ${minutes} นาที`,
  linkButton: 'เชื่อม Google',
  unlinked: (email) => `ยกเลิกการเชื่อมบัญชี Google ${email} แล้ว`,
  notLinked: 'ยังไม่ได้เชื่อมบัญชี Google',
  whoami: (name, accounts) => `คุณคือ ${name || 'ผู้ใช้ Home Log'} บัญชีที่เชื่อมไว้:\n${accounts.join('\n')}`,
  accountLine: (provider, detail) =>
    provider === 'line' ? `LINE${detail ? ` (${detail})` : ''}` : `Google: ${detail ?? ''}`,
  shareInGroup: 'แชร์มิเตอร์จากในกลุ่ม: เพิ่มบอทเข้ากลุ่มครอบครัว แล้วพิมพ์ "แชร์ มิเตอร์ 1" ในกลุ่ม',
  shared: (label, groupNumber, role, example) =>
    `แชร์${label}กับกลุ่มนี้แล้ว (${role === 'read' ? 'ดูได้อย่างเดียว' : 'ทุกคนส่งค่าได้'}) ในกลุ่มนี้คือมิเตอร์ ${groupNumber}${role === 'write' ? ` เช่น ${example}` : ''}`,
  shareUnchanged: (label, role) => `${label}แชร์ในกลุ่มนี้อยู่แล้ว (${THAI_ROLE[role]})`,
  granted: (name, label, role) => `${name} ได้สิทธิ์${THAI_ROLE[role]}ใน${label}แล้ว`,
  grantUnchanged: (name, label, role) => `${name} มีสิทธิ์${THAI_ROLE[role]}ใน${label}อยู่แล้ว`,
  mentionSomeone: 'แท็กคนที่ต้องการด้วย @ เช่น "แชร์ มิเตอร์ 1 @แม่ write"',
  mentionNeedsConsent: (name) => `LINE ไม่ได้บอกว่า ${name} คือใคร ต้องเพิ่ม Home Log เป็นเพื่อนก่อน`,
  ownerStays: (name, label) => `${name} เป็นเจ้าของ${label} เจ้าของมีสิทธิ์เต็มเสมอ`,
  unshared: (label) => `เลิกแชร์${label}กับกลุ่มนี้แล้ว`,
  notShared: (label) => `${label}ไม่ได้แชร์ในกลุ่มนี้`,
  revoked: (name, label) => `${name} ไม่มีสิทธิ์ใน${label}แล้ว`,
  noGrant: (name, label) => `${name} ไม่มีสิทธิ์ส่วนตัวใน${label}`,
  accessList: (label, lines) => `ผู้ที่ใช้${label}ได้:\n${lines.join('\n')}`,
  accessOwner: (name) => `${name || 'เจ้าของ'}: เจ้าของ (${THAI_ROLE.admin})`,
  accessPerson: (entry, name, role) => `#${entry} ${name || 'ผู้ใช้'}: ${THAI_ROLE[role]}`,
  accessGroup: (entry, here, role) => `#${entry} ${here ? 'กลุ่มนี้' : 'กลุ่ม'}: ${THAI_ROLE[role]}`,
  accessRevokeHint: (example) => `ยกเลิกสิทธิ์: ${example}`,
  noAccessEntry: (label, entry) => `${label}ไม่มีรายการ #${entry} ดูรายการจาก "สิทธิ์"`,
  groupShareRevoked: (label, entry) => `เลิกแชร์${label}กับกลุ่ม #${entry} แล้ว`,
  ownerOnly: (label) => `เฉพาะเจ้าของ${label}เท่านั้นที่ทำได้`,
  auditList: (label, lines) => `กิจกรรมล่าสุดของ${label}:\n${lines.join('\n')}`,
  auditEmpty: (label) => `ยังไม่มีบันทึกของ${label}`,
  auditLine: (when, who, action, detail) =>
    `${when} ${who}: ${action}${detail ? ` ${detail}` : ''}`,
  someone: 'ระบบ',
  erased: '(ลบแล้ว)',
  archived: (label) => `เก็บ${label}เข้าคลังแล้ว ค่าที่จดไว้ยังอยู่ แต่จะไม่แสดงในรายการ`,
  chartsUnavailable: 'เซิร์ฟเวอร์ Home Log นี้วาดกราฟไม่ได้ ดูการใช้เป็นข้อความแทนได้ค่ะ',
  malformed: (topic, problem) => malformedText('th', topic, problem),
  readingProblem: (problem, { number: n, amount: u, day, time }) => {
    switch (problem.code) {
      case 'belowMin':
        return `${u(problem.value)} ต่ำกว่าค่าต่ำสุดที่ตั้งไว้สำหรับมิเตอร์นี้ (${u(problem.limit)}) กรุณาตรวจตัวเลขแล้วส่งใหม่อีกครั้ง`;
      case 'aboveMax':
        return `${u(problem.value)} สูงกว่าค่าสูงสุดที่ตั้งไว้สำหรับมิเตอร์นี้ (${u(problem.limit)}) กรุณาตรวจตัวเลขแล้วส่งใหม่อีกครั้ง`;
      case 'tooManyDigits':
        return `${n(problem.value)} มีหลักมากเกินกว่าที่มิเตอร์ ${problem.digits} หลักจะแสดงได้ (ค่าต้องน้อยกว่า ${n(problem.limit)}) กรุณาตรวจตัวเลขอีกครั้ง หรือแก้จำนวนหลักด้วยคำสั่ง "ตั้งค่า … หลัก"`;
      case 'negative':
        return `ค่านี้ติดลบไม่ได้ (${u(problem.value)}) กรุณาส่งตัวเลขตามที่เห็นบนมิเตอร์`;
      case 'future':
        return `เวลา ${time(problem.takenAt)} ยังมาไม่ถึง กรุณาตรวจวันและเวลาอีกครั้ง หรือไม่ต้องใส่เวลาเพื่อบันทึกเป็นเวลาปัจจุบัน`;
      case 'duplicate':
        return `${u(problem.value)} เวลา ${time(problem.takenAt)} บันทึกไว้แล้ว ไม่ต้องส่งซ้ำ`;
      case 'sameTimeDifferentValue':
        return `เวลา ${time(problem.takenAt)} มีค่าที่บันทึกไว้แล้วคือ ${u(problem.existing)} ถ้าต้องการแก้เป็น ${n(problem.value)} ให้ใช้คำสั่ง fix กับค่านั้น (ดูได้จาก history)`;
      case 'lowerThanPrevious':
        return `${n(problem.value)} น้อยกว่าค่าครั้งก่อน ${u(problem.previous)} (${day(problem.previousAt)}) มิเตอร์หมุนครบรอบ มีการเปลี่ยนมิเตอร์ใหม่ หรือพิมพ์ผิดหรือเปล่า`;
      case 'higherThanNext': {
        const range = problem.previous
          ? ` ค่าย้อนหลังต้องอยู่ระหว่าง ${n(problem.previous)} ถึง ${n(problem.next)}`
          : '';
        return `${n(problem.value)} มากกว่าค่าครั้งถัดไป ${u(problem.next)} (${day(problem.nextAt)})${range} กรุณาตรวจตัวเลขหรือวันที่อีกครั้ง`;
      }
      case 'belowLaterWrap':
        return `${n(problem.value)} ไม่มากกว่าค่าครั้งถัดไป ${u(problem.next)} (${day(problem.nextAt)}) ซึ่งบันทึกไว้ว่ามิเตอร์หมุนครบรอบ แปลว่ามิเตอร์ต้องหมุนเกินหนึ่งรอบในช่วงนั้น กรุณาตรวจตัวเลขอีกครั้ง ถ้ามิเตอร์ไม่ได้หมุนครบรอบตรงนั้น ให้ลบค่านั้น (ดูหมายเลขได้จาก history) แล้วส่งใหม่`;
      case 'wrapNotBelowPrevious':
        return `ค่านี้บันทึกไว้ว่ามิเตอร์หมุนครบรอบ จึงต้องน้อยกว่าค่าครั้งก่อน ${u(problem.previous)} (${day(problem.previousAt)}) ถ้าเป็น ${n(problem.value)} แปลว่ามิเตอร์หมุนเกินหนึ่งรอบ กรุณาตรวจตัวเลขอีกครั้ง ถ้ามิเตอร์ไม่ได้หมุนครบรอบตรงนั้น ให้ลบค่านี้แล้วส่งใหม่`;
      case 'rateTooHigh': {
        const span = new Decimal(problem.days).lt(1)
          ? 'ในเวลาไม่ถึงหนึ่งวัน'
          : `ใน ${n(problem.days)} วัน`;
        const neighbour = `${u(problem.other)} เมื่อ ${day(problem.otherAt)}`;
        const what =
          problem.interval === 'sincePrevious'
            ? `ถ้าเป็น ${u(problem.value)} แปลว่าใช้ไป ${u(problem.usage)} ${span} นับจากค่าครั้งก่อน (${neighbour})`
            : `ถ้าเป็น ${u(problem.value)} จะเหลือการใช้ ${u(problem.usage)} ${span} ก่อนถึงค่าครั้งถัดไป (${neighbour})`;
        const limit =
          problem.limitFrom === 'history'
            ? `มากกว่าปกติมาก (ปกติไม่เกินประมาณ ${u(problem.limit)} ต่อวัน)`
            : `เกินขีดจำกัดของมิเตอร์นี้ที่ ${u(problem.limit)} ต่อวัน`;
        return `${what} ซึ่ง${limit} ตัวเลขนี้ถูกต้องไหม`;
      }
      case 'zeroAfterPositive':
        return `ค่า 0 หลังจาก ${u(problem.previous)} (${day(problem.previousAt)}) มักเกิดจากหน้าจอมิเตอร์ดับหรือเปลี่ยนมิเตอร์ใหม่ มิเตอร์แสดง 0 จริงหรือเปล่า`;
      case 'allNines':
        return `${n(problem.value)} (เลข 9 ทุกหลัก) มักเป็นค่าที่มิเตอร์แสดงเมื่อมีข้อผิดพลาด ใช่ค่าที่อ่านได้จริงหรือเปล่า`;
      case 'likelyTypo':
        return `หมายถึง ${n(problem.suggestion)} หรือเปล่า ค่า ${n(problem.value)} ห่างจากค่าที่คาดไว้ (ประมาณ ${u(problem.expected)}) มาก`;
    }
  },
  say: {
    undo: 'ย้อนกลับ',
    help: 'ช่วยเหลือ',
    meters: 'มิเตอร์',
    addMeterExample: 'เพิ่มมิเตอร์ ไฟฟ้า kWh',
    history: (n) => `ประวัติ มิเตอร์ ${n}`,
    usage: (n) => `ใช้ไป มิเตอร์ ${n}`,
    chart: (n) => `กราฟ มิเตอร์ ${n}`,
    reading: (n, value) => `มิเตอร์ ${n} = ${value}`,
    replaceMeter: (n, final, initial) => `เปลี่ยนมิเตอร์ ${n} ค่าสุดท้าย ${final} ค่าเริ่มต้น ${initial}`,
    unshareEntry: (n, entry) => `เลิกแชร์ มิเตอร์ ${n} #${entry}`,
  },
  auditAction: (action) => AUDIT_ACTIONS.th[action] ?? 'แก้ไขข้อมูล',
  welcomeBack: (name, meters) =>
    `ยินดีต้อนรับกลับค่ะ${name ? ` คุณ${name}` : ''}! มิเตอร์ของคุณ:\n${meters.join('\n')}\nส่งค่าแบบ "มิเตอร์ 1 = 4521" หรือพิมพ์ "ช่วยเหลือ"`,
  corrections: correctionsTh,
  photos: photosTh,
};

export const catalogs: Record<Language, Catalog> = { en, th: withThaiSpacing(th) };

export interface DescribeOptions {
  /** Time zone for dates in the sentence (the meter's); default Asia/Bangkok. */
  timeZone?: string;
  /** The current time, which decides whether a date shows its year; default the system clock. */
  now?: Date;
}

/** A short, friendly sentence that says what is wrong with a reading and how to do it right. */
export function describeProblem(
  problem: ReadingProblem | ValuesProblem,
  language: Language,
  unit: string,
  options: DescribeOptions = {},
): string {
  const zone = options.timeZone ?? 'Asia/Bangkok';
  const now = options.now ?? new Date();
  const figures: Figures = {
    number: (value) => formatNumber(value),
    amount: (value) => withUnit(value, unit),
    day: (at) => formatDay(at, language, zone, now),
    time: (at) => formatDateTime(at, language, zone, now),
  };
  if (isValuesProblem(problem)) return valuesCatalogs[language].problem(problem, figures);
  return catalogs[language].readingProblem(problem, figures);
}

/** An example of each command, to show how to write it. */
const EXAMPLES: Record<Language, Partial<Record<MalformedTopic, string>>> = {
  en: {
    photo: 'photo #12',
    reading: 'meter 1 = 4521',
    addMeter: 'add meter Electric kWh',
    history: 'history meter 1',
    fix: 'fix #12 = 4512',
    delete: 'delete #12',
    setMeter: 'set meter 1 min 0 max 99999 digits 5',
    replaceMeter: 'new meter 1 final 45210 initial 3',
    usage: 'usage meter 1 2026-10',
    chart: 'chart meter 1 12 months',
    share: 'share meter 1',
    unshare: 'unshare meter 1',
    access: 'access meter 1',
    audit: 'audit meter 1',
    archive: 'archive meter 1',
    exportMeter: 'export meter 1',
    importMeter: 'import meter 1',
    setTariff: 'set meter 1 tariff mea-1.1.2',
    setBillingDay: 'set meter 1 billing day 18',
    bill: 'bill meter 1 2026-11',
    paid: 'paid meter 1 1455.94 for 2026-11',
    remind: 'remind meter 1 day 25 09:00',
    alert: 'alert meter 1 over 400',
  },
  th: {
    photo: 'รูป #12',
    reading: 'มิเตอร์ 1 = 4521',
    addMeter: 'เพิ่มมิเตอร์ ไฟฟ้า kWh',
    history: 'ประวัติ มิเตอร์ 1',
    fix: 'แก้ #12 = 4512',
    delete: 'ลบ #12',
    setMeter: 'ตั้งค่า มิเตอร์ 1 ต่ำสุด 0 สูงสุด 99999 หลัก 5',
    replaceMeter: 'เปลี่ยนมิเตอร์ 1 ค่าสุดท้าย 45210 ค่าเริ่มต้น 3',
    usage: 'ใช้ไป มิเตอร์ 1 2026-10',
    chart: 'กราฟ มิเตอร์ 1 12 เดือน',
    share: 'แชร์ มิเตอร์ 1',
    unshare: 'เลิกแชร์ มิเตอร์ 1',
    access: 'สิทธิ์ มิเตอร์ 1',
    audit: 'ตรวจสอบ มิเตอร์ 1',
    archive: 'เก็บถาวร มิเตอร์ 1',
    exportMeter: 'ส่งออก มิเตอร์ 1',
    importMeter: 'นำเข้า มิเตอร์ 1',
    setTariff: 'ตั้งค่า มิเตอร์ 1 ประเภท mea-1.1.2',
    setBillingDay: 'ตั้งค่า มิเตอร์ 1 วันจด 18',
    bill: 'ค่าไฟ มิเตอร์ 1 2026-11',
    paid: 'จ่ายแล้ว มิเตอร์ 1 1455.94 เดือน 2026-11',
    remind: 'เตือน มิเตอร์ 1 วันที่ 25 09:00',
    alert: 'แจ้งเตือน มิเตอร์ 1 เกิน 400',
  },
};

const PROBLEMS: Record<Language, Record<GrammarProblem, string>> = {
  en: {
    tooLong: 'That message is too long for me to read (1,000 characters at most).',
    badNumber:
      'That is not a number I can store: use digits, with an optional decimal point (4521 or 4521.5).',
    tooLarge: 'That number is too large (at most 15 digits before the decimal point).',
    tooPrecise: 'That number has too many decimals (at most 6).',
    missingValue: 'The number is missing.',
    missingMeter: 'Which meter? Add its number or name.',
    badMeter: 'Meter numbers go from 1 to 999.',
    missingReading: 'Say which reading: its number from "history" (#12) or "last".',
    badReading: 'Reading numbers look like #12 (see "history").',
    badEntry: 'Entry numbers look like #2 (see "access meter 1").',
    missingName: 'The meter needs a name.',
    badName: 'A meter name needs a letter and cannot contain " = @ # :.',
    nameTooLong: 'That name is too long (40 characters at most).',
    badUnit: 'That unit is too long (20 characters at most).',
    badDate: 'I could not read that date. Write it like 2026-11-01 or 1/11/2026.',
    badTime: 'I could not read that time. Write it like 08:00 or 20.30.',
    noteTooLong: 'That note is too long (200 characters at most).',
    unexpectedText:
      'There is extra text after the number. Put a note after # (meter 1 = 4521 # note).',
    missingSetting: 'Say what to set: min, max, digits or rate.',
    duplicateSetting: 'Each setting may appear only once.',
    badDigits: 'Digits must be a whole number from 1 to 12.',
    minAboveMax: 'The minimum must not be above the maximum.',
    badMonth: 'Write the month like 2026-10.',
    badMonths: 'A chart covers 1 to 60 months.',
    badRole: 'Roles are read, write or admin (a whole group can get read or write).',
    missingMember: 'Mention the person after @.',
    badDay: 'The day must be a whole number from 1 to 31.',
    badTariff:
      'I do not know that tariff. Presets: mea-1.1.1, mea-1.1.2, pea-1.1.1, pea-1.1.2, mwa-residential, pwa-residential; blocks go "up to, price" pairs, then the price above (blocks 150 3.2484 400 4.2218 4.4217).',
    badAmount: 'That amount cannot be negative (VAT at most 100 %).',
    badValueNames:
      'Give 2 to 6 different value names after "values", each one word, e.g. "add meter BP mmHg values sys dia pulse?". A name ending in ? may be left out of a reading, so only such names may follow it. A counter or an amount has one value.',
    badRange:
      'Write the range as low-high, e.g. "set meter BP sys range 70-250" ("range none" removes it).',
  },
  th: {
    tooLong: 'ข้อความยาวเกินไป (ไม่เกิน 1,000 ตัวอักษร)',
    badNumber: 'ตัวเลขนี้บันทึกไม่ได้ ใช้ตัวเลขและจุดทศนิยมได้ (4521 หรือ 4521.5)',
    tooLarge: 'ตัวเลขใหญ่เกินไป (ไม่เกิน 15 หลักก่อนจุดทศนิยม)',
    tooPrecise: 'ทศนิยมมากเกินไป (ไม่เกิน 6 ตำแหน่ง)',
    missingValue: 'ยังไม่มีตัวเลข',
    missingMeter: 'มิเตอร์ไหนคะ ใส่หมายเลขหรือชื่อมิเตอร์ด้วย',
    badMeter: 'หมายเลขมิเตอร์ต้องอยู่ระหว่าง 1 ถึง 999',
    missingReading: 'ระบุค่าที่ต้องการ: หมายเลขจาก "ประวัติ" (#12) หรือ "ล่าสุด"',
    badReading: 'หมายเลขค่าเขียนแบบ #12 (ดูจาก "ประวัติ")',
    badEntry: 'หมายเลขรายการเขียนแบบ #2 (ดูจาก "สิทธิ์ มิเตอร์ 1")',
    missingName: 'มิเตอร์ต้องมีชื่อ',
    badName: 'ชื่อมิเตอร์ต้องมีตัวอักษร และห้ามมี " = @ # :',
    nameTooLong: 'ชื่อยาวเกินไป (ไม่เกิน 40 ตัวอักษร)',
    badUnit: 'หน่วยยาวเกินไป (ไม่เกิน 20 ตัวอักษร)',
    badDate: 'อ่านวันที่ไม่ออก เขียนแบบ 2026-11-01 หรือ 1/11/2569',
    badTime: 'อ่านเวลาไม่ออก เขียนแบบ 08:00 หรือ 20.30',
    noteTooLong: 'หมายเหตุยาวเกินไป (ไม่เกิน 200 ตัวอักษร)',
    unexpectedText: 'มีข้อความเกินหลังตัวเลข ใส่หมายเหตุหลัง # (มิเตอร์ 1 = 4521 # หมายเหตุ)',
    missingSetting: 'ระบุสิ่งที่จะตั้ง: ต่ำสุด สูงสุด หลัก หรือ rate',
    duplicateSetting: 'ตั้งค่าแต่ละอย่างได้ครั้งเดียว',
    badDigits: 'จำนวนหลักต้องเป็นเลขจำนวนเต็ม 1 ถึง 12',
    minAboveMax: 'ค่าต่ำสุดต้องไม่มากกว่าค่าสูงสุด',
    badMonth: 'เขียนเดือนแบบ 2026-10',
    badMonths: 'กราฟแสดงได้ 1 ถึง 60 เดือน',
    badRole: 'สิทธิ์มี read, write หรือ admin (ทั้งกลุ่มได้ read หรือ write)',
    missingMember: 'แท็กชื่อคนหลัง @',
    badDay: 'วันที่ต้องเป็นเลขจำนวนเต็ม 1 ถึง 31',
    badTariff:
      'ไม่รู้จักอัตรานี้ ที่มีให้เลือก: mea-1.1.1, mea-1.1.2, pea-1.1.1, pea-1.1.2, mwa-residential, pwa-residential หรือใส่ขั้นบันไดเป็นคู่ "ถึงหน่วย ราคา" แล้วตามด้วยราคาส่วนที่เกิน (ขั้นบันได 150 3.2484 400 4.2218 4.4217)',
    badAmount: 'จำนวนเงินติดลบไม่ได้ (VAT ไม่เกิน 100 %)',
    badValueNames:
      'ใส่ชื่อค่า 2 ถึง 6 ชื่อที่ไม่ซ้ำกันหลังคำว่า "ค่า" ชื่อละหนึ่งคำ เช่น "เพิ่มมิเตอร์ ความดัน mmHg ค่า ตัวบน ตัวล่าง ชีพจร?" ชื่อที่ลงท้ายด้วย ? จะเว้นไม่จดก็ได้ และต้องอยู่ท้ายสุด ตัวนับหรือยอดมีได้ค่าเดียว',
    badRange: 'เขียนช่วงเป็น ต่ำ-สูง เช่น "ตั้งค่า มิเตอร์ ความดัน ตัวบน ช่วง 70-250" ("ช่วง ไม่มี" เพื่อยกเลิก)',
  },
};

function malformedText(language: Language, topic: MalformedTopic, problem: GrammarProblem): string {
  const example = EXAMPLES[language][topic];
  const how = example
    ? language === 'th'
      ? `\nตัวอย่าง: ${example}`
      : `\nFor example: ${example}`
    : '';
  return `${PROBLEMS[language][problem]}${how}`;
}

// ---------------------------------------------------------------------------------------------
// Money: tariffs, bills, paid bills, reminders and alerts. A catalog of its own, so the money
// features add sentences without touching the entries above.

/** Baht with satang, as on a bill: "1,455.94", "38.22", "0.00". */
export const baht = (amount: string): string => formatFixed(amount, 2);

/** One bill, line by line, its figures already formatted. */
export interface BillLines {
  blocks: { from: string; to: string | null; units: string; price: string; amount: string }[];
  energy: string;
  minimumTopUp: string | null;
  service: string;
  adjustment: { units: string; perUnit: string; amount: string } | null;
  subtotal: string;
  vat: { percent: string; amount: string } | null;
  total: string;
}

export interface PeriodLine {
  period: string;
  usage: string | null;
  total: string | null;
  paid: string | null;
  difference: string | null;
}

export interface MoneyCatalog {
  /** `first`: the first setting of its kind, which also covers every period before `from`. */
  tariffSaved(label: string, what: string, when: { from: string; first: boolean }): string;
  tariffWhat(
    change:
      | { kind: 'preset'; preset: string }
      | { kind: 'flat'; price: string }
      | { kind: 'blocks'; count: number }
      | { kind: 'service' | 'minimum'; amount: string }
      | { kind: 'adjustment'; perUnit: string }
      | { kind: 'vat'; percent: string },
  ): string;
  billingDaySaved(label: string, day: number | null): string;
  /** No price set yet: an example for this meter, in the person's language. */
  noTariff(label: string, meterNumber: number): string;
  countersOnly(label: string): string;
  billHeader(label: string, period: string, start: string, end: string): string;
  soFar(usage: string | null, projected: string | null): string;
  projectedBill: string;
  billSoFar: string;
  billOfPeriod: string;
  noUse: string;
  billLines(lines: BillLines): string;
  paidLine(paid: string, difference: string): string;
  earlier(lines: PeriodLine[]): string;
  paidSaved(
    label: string,
    period: string,
    amount: string,
    estimate: string | null,
    difference: string | null,
  ): string;
  reminderSaved(label: string, day: number, time: string): string;
  reminderOff(label: string, had: boolean): string;
  reminderPush(label: string): string;
  alertSaved(label: string, over: string | null): string;
  alertOff(label: string, had: boolean): string;
  projectedOver(label: string, projected: string, threshold: string): string;
  enteredBlock(label: string, above: string, price: string, previousPrice: string): string;
  button: { bill: string; enterReading: string; costChart: string };
  say: { bill(number: number): string; costChart(number: number): string };
}

const PERIOD_RANGE = (start: string, end: string) => `${start} – ${end}`;

const moneyEn: MoneyCatalog = {
  tariffSaved: (label, what, { from, first }) =>
    `Saved for ${label}: ${what}, from ${from}${first ? ' (the first price of its kind, so it also prices earlier periods)' : ''}.`,
  tariffWhat: (c) => {
    switch (c.kind) {
      case 'preset':
        return `tariff ${c.preset}`;
      case 'flat':
        return `price ${c.price} baht per unit`;
      case 'blocks':
        return `${c.count} price blocks`;
      case 'service':
        return `service charge ${c.amount} baht`;
      case 'minimum':
        return `minimum charge ${c.amount} baht`;
      case 'adjustment':
        return `Ft ${c.perUnit} baht per unit`;
      case 'vat':
        return `VAT ${c.percent} %`;
    }
  },
  billingDaySaved: (label, day) =>
    day === null
      ? `${label} now follows calendar months.`
      : `${label}: billing periods now start on day ${day} of each month (a shorter month uses its last day).`,
  noTariff: (label, n) => `${label} has no price yet. For example: set meter ${n} tariff mea-1.1.2`,
  countersOnly: (label) => `Bills are worked out for meters that count up; ${label} does not.`,
  billHeader: (label, period, start, end) =>
    `${label} — bill ${period} (${PERIOD_RANGE(start, end)})`,
  soFar: (usage, projected) =>
    `Used so far: ${usage ?? 'no readings yet'}${projected ? `; projected: ${projected}` : ''}`,
  projectedBill: 'Projected bill:',
  billSoFar: 'Bill so far:',
  billOfPeriod: 'Bill:',
  noUse: 'No use known for this period.',
  billLines: (l) =>
    [
      ...l.blocks.map((b) => `  ${b.from}–${b.to ?? '…'}: ${b.units} × ${b.price} = ${b.amount}`),
      `  Energy ${l.energy}`,
      ...(l.minimumTopUp ? [`  Minimum charge top-up ${l.minimumTopUp}`] : []),
      `  Service ${l.service}`,
      ...(l.adjustment
        ? [`  Ft ${l.adjustment.units} × ${l.adjustment.perUnit} = ${l.adjustment.amount}`]
        : []),
      `  Subtotal ${l.subtotal}`,
      ...(l.vat ? [`  VAT ${l.vat.percent} % ${l.vat.amount}`] : []),
      `  Total ${l.total} baht`,
    ].join('\n'),
  paidLine: (paid, difference) => `Paid ${paid} baht (${difference} against the estimate)`,
  earlier: (lines) =>
    [
      'Earlier periods:',
      ...lines.map(
        (p) =>
          `  ${p.period}: ${p.usage ?? '—'}${p.total ? `, ${p.total} baht` : ''}${
            p.paid ? `; paid ${p.paid} (${p.difference})` : ''
          }`,
      ),
    ].join('\n'),
  paidSaved: (label, period, amount, estimate, difference) =>
    `Recorded: ${label} bill ${period} paid ${amount} baht.` +
    (estimate ? `\nEstimate ${estimate} baht; difference ${difference}.` : ''),
  reminderSaved: (label, day, time) =>
    `I will remind you to read ${label} on day ${day} of each month at ${time} (never 21:00–08:00; a short month uses its last day).`,
  reminderOff: (label, had) =>
    had ? `No more reminders for ${label}.` : `There was no reminder for ${label}.`,
  reminderPush: (label) => `Time to read ${label}. Send the number on the meter.`,
  alertSaved: (label, over) =>
    over
      ? `I will tell you when ${label} is projected to use over ${over} this period, and when its use enters a dearer price block.`
      : `I will tell you when the use of ${label} enters a dearer price block.`,
  alertOff: (label, had) =>
    had ? `No more alerts for ${label}.` : `There were no alerts for ${label}.`,
  projectedOver: (label, projected, threshold) =>
    `${label}: this period is projected to use ${projected}, over your limit of ${threshold}.`,
  enteredBlock: (label, above, price, previousPrice) =>
    `${label}: use has passed ${above}; each unit now costs ${price} baht (was ${previousPrice}).`,
  button: { bill: 'Bill', enterReading: 'Enter reading', costChart: 'Cost chart' },
  say: {
    bill: (number) => `bill meter ${number}`,
    costChart: (number) => `chart meter ${number} cost`,
  },
};

const moneyTh: MoneyCatalog = {
  tariffSaved: (label, what, { from, first }) =>
    `บันทึกแล้วสำหรับ${label}: ${what} ตั้งแต่ ${from}${first ? ' (เป็นราคาแรก จึงใช้กับรอบก่อนหน้าด้วย)' : ''}`,
  tariffWhat: (c) => {
    switch (c.kind) {
      case 'preset':
        return `อัตรา ${c.preset}`;
      case 'flat':
        return `ราคา ${c.price} บาทต่อหน่วย`;
      case 'blocks':
        return `อัตราขั้นบันได ${c.count} ขั้น`;
      case 'service':
        return `ค่าบริการ ${c.amount} บาท`;
      case 'minimum':
        return `ค่าขั้นต่ำ ${c.amount} บาท`;
      case 'adjustment':
        return `ค่า Ft ${c.perUnit} บาทต่อหน่วย`;
      case 'vat':
        return `VAT ${c.percent} %`;
    }
  },
  billingDaySaved: (label, day) =>
    day === null
      ? `${label} ใช้รอบตามเดือนปฏิทินแล้ว`
      : `${label}: รอบบิลเริ่มวันที่ ${day} ของทุกเดือน (เดือนที่สั้นกว่าใช้วันสุดท้ายของเดือน)`,
  noTariff: (label, n) => `${label} ยังไม่มีราคา ตัวอย่าง: ตั้งค่า มิเตอร์ ${n} ประเภท mea-1.1.2`,
  countersOnly: (label) => `คำนวณค่าใช้จ่ายได้เฉพาะมิเตอร์แบบสะสม ${label} ไม่ใช่`,
  billHeader: (label, period, start, end) =>
    `${label} — บิล ${period} (${PERIOD_RANGE(start, end)})`,
  soFar: (usage, projected) =>
    `ใช้ไปแล้ว: ${usage ?? 'ยังไม่มีค่า'}${projected ? ` คาดว่าทั้งรอบ: ${projected}` : ''}`,
  projectedBill: 'ค่าใช้จ่ายที่คาดไว้:',
  billSoFar: 'ค่าใช้จ่ายถึงตอนนี้:',
  billOfPeriod: 'ค่าใช้จ่าย:',
  noUse: 'ยังไม่ทราบการใช้ของรอบนี้',
  billLines: (l) =>
    [
      ...l.blocks.map((b) => `  ${b.from}–${b.to ?? '…'}: ${b.units} × ${b.price} = ${b.amount}`),
      `  ค่าพลังงาน ${l.energy}`,
      ...(l.minimumTopUp ? [`  ส่วนเพิ่มค่าขั้นต่ำ ${l.minimumTopUp}`] : []),
      `  ค่าบริการ ${l.service}`,
      ...(l.adjustment
        ? [`  ค่า Ft ${l.adjustment.units} × ${l.adjustment.perUnit} = ${l.adjustment.amount}`]
        : []),
      `  รวม ${l.subtotal}`,
      ...(l.vat ? [`  ภาษีมูลค่าเพิ่ม ${l.vat.percent} % ${l.vat.amount}`] : []),
      `  รวมทั้งสิ้น ${l.total} บาท`,
    ].join('\n'),
  paidLine: (paid, difference) => `จ่ายจริง ${paid} บาท (ต่างจากที่คาด ${difference})`,
  earlier: (lines) =>
    [
      'รอบก่อนหน้า:',
      ...lines.map(
        (p) =>
          `  ${p.period}: ${p.usage ?? '—'}${p.total ? ` ${p.total} บาท` : ''}${
            p.paid ? ` จ่ายจริง ${p.paid} (${p.difference})` : ''
          }`,
      ),
    ].join('\n'),
  paidSaved: (label, period, amount, estimate, difference) =>
    `บันทึกแล้ว: ${label} บิล ${period} จ่าย ${amount} บาท` +
    (estimate ? `\nที่คาดไว้ ${estimate} บาท ต่างกัน ${difference}` : ''),
  reminderSaved: (label, day, time) =>
    `จะเตือนให้จด${label} วันที่ ${day} ของทุกเดือน เวลา ${time} (ไม่เตือนช่วง 21:00–08:00 เดือนที่สั้นกว่าใช้วันสุดท้าย)`,
  reminderOff: (label, had) => (had ? `เลิกเตือน${label}แล้ว` : `${label} ไม่ได้ตั้งเตือนไว้`),
  reminderPush: (label) => `ถึงเวลาจด${label}แล้ว ส่งตัวเลขบนมิเตอร์มาได้เลย`,
  alertSaved: (label, over) =>
    over
      ? `จะแจ้งเมื่อ${label}คาดว่าจะใช้เกิน ${over} ในรอบนี้ และเมื่อการใช้ขึ้นไปขั้นราคาที่แพงกว่า`
      : `จะแจ้งเมื่อการใช้ของ${label}ขึ้นไปขั้นราคาที่แพงกว่า`,
  alertOff: (label, had) => (had ? `เลิกแจ้งเตือน${label}แล้ว` : `${label} ไม่ได้ตั้งแจ้งเตือนไว้`),
  projectedOver: (label, projected, threshold) =>
    `${label}: รอบนี้คาดว่าจะใช้ ${projected} เกินที่ตั้งไว้ ${threshold}`,
  enteredBlock: (label, above, price, previousPrice) =>
    `${label}: ใช้เกิน ${above} แล้ว หน่วยต่อไปราคา ${price} บาท (เดิม ${previousPrice})`,
  button: { bill: 'ค่าใช้จ่าย', enterReading: 'จดมิเตอร์', costChart: 'กราฟค่าใช้จ่าย' },
  say: {
    bill: (number) => `ค่าใช้จ่าย มิเตอร์ ${number}`,
    costChart: (number) => `กราฟ มิเตอร์ ${number} ค่าใช้จ่าย`,
  },
};

export const moneyCatalogs: Record<Language, MoneyCatalog> = { en: moneyEn, th: moneyTh };

// ---------------------------------------------------------------------------
// Audit entries as sentences ("Malee: fixed #2 200 → 210 kWh"); an action added later
// without a sentence here still reads as one ("made a change").

const AUDIT_ACTIONS: Record<Language, Record<string, string>> = {
  en: {
    'reading.add': 'recorded',
    'reading.confirm': 'confirmed the reading',
    'reading.fix': 'fixed',
    'reading.undo': 'took back',
    'reading.delete': 'deleted',
    'reading.replace': 'recorded a new meter',
    'meter.create': 'added the meter',
    'meter.settings': 'changed the settings',
    'meter.archive': 'archived the meter',
    'meter.unarchive': 'brought the meter back from the archive',
    'share.add': 'shared the meter with a group',
    'share.change': "changed a group's access",
    'share.end': 'stopped sharing with a group',
    'share.remove': 'stopped sharing with a group',
    'access.grant': 'gave someone access',
    'access.change': "changed someone's access",
    'access.revoke': "took away someone's access",
    'access.view': 'looked at who has access',
    'history.view': 'looked at the history',
    'usage.view': 'looked at the usage',
    'chart.view': 'looked at a chart',
    'photo.attach': 'kept a photo with a reading',
    'photo.view': 'looked at a photo',
    'audit.view': 'looked at this list',
    'export.meter.request': 'asked for a CSV export',
    'export.meter.download': 'downloaded a CSV export',
    'import.request': 'started an import',
    'reading.import': 'imported readings from a file',
    'meter.transfer': 'passed the meter to another admin (deleted their data)',
    'meter.erase': 'removed the meter (deleted their data)',
  },
  th: {
    'reading.add': 'จดค่า',
    'reading.confirm': 'ยืนยันค่า',
    'reading.fix': 'แก้ค่า',
    'reading.undo': 'ย้อนกลับค่า',
    'reading.delete': 'ลบค่า',
    'reading.replace': 'บันทึกการเปลี่ยนมิเตอร์',
    'meter.create': 'เพิ่มมิเตอร์',
    'meter.settings': 'เปลี่ยนการตั้งค่า',
    'meter.archive': 'เก็บมิเตอร์เข้าคลัง',
    'meter.unarchive': 'นำมิเตอร์ออกจากคลัง',
    'share.add': 'แชร์มิเตอร์กับกลุ่ม',
    'share.change': 'เปลี่ยนสิทธิ์ของกลุ่ม',
    'share.end': 'เลิกแชร์กับกลุ่ม',
    'share.remove': 'เลิกแชร์กับกลุ่ม',
    'access.grant': 'ให้สิทธิ์',
    'access.change': 'เปลี่ยนสิทธิ์',
    'access.revoke': 'ยกเลิกสิทธิ์',
    'access.view': 'ดูว่าใครมีสิทธิ์',
    'history.view': 'ดูประวัติ',
    'usage.view': 'ดูการใช้',
    'chart.view': 'ดูกราฟ',
    'photo.attach': 'แนบรูปกับค่าที่จด',
    'photo.view': 'ดูรูป',
    'audit.view': 'ดูรายการนี้',
    'export.meter.request': 'ขอไฟล์ส่งออก CSV',
    'export.meter.download': 'ดาวน์โหลดไฟล์ส่งออก CSV',
    'import.request': 'เริ่มนำเข้าค่าจากไฟล์',
    'reading.import': 'นำเข้าค่าจากไฟล์',
    'meter.transfer': 'ส่งมิเตอร์ต่อให้ผู้ดูแลอีกคน (ลบข้อมูลของตัวเอง)',
    'meter.erase': 'ลบมิเตอร์ (ลบข้อมูลของตัวเอง)',
  },
};

// ---------------------------------------------------------------------------
// Thai spacing: Thai runs words together, so a quoted name is set off by spaces
// (บันทึก "ไฟฟ้า" แล้ว, not บันทึก"ไฟฟ้า"แล้ว). Applied to every Thai sentence at once.

/** Puts a space between Thai letters and a "quoted" part on either side. */
export function spaceQuotes(text: string): string {
  // Declared here, not at the top of the file: the catalog is wrapped before later constants exist.
  const THAI = /[\u0E01-\u0E4E]/;
  return text.replace(/"[^"\n]*"/g, (quoted, offset: number, whole: string) => {
    const before = whole[offset - 1] ?? '';
    const after = whole[offset + quoted.length] ?? '';
    return `${THAI.test(before) ? ' ' : ''}${quoted}${THAI.test(after) ? ' ' : ''}`;
  });
}

function spaced<T>(value: T): T {
  if (typeof value === 'string') return spaceQuotes(value) as T;
  if (typeof value === 'function') {
    return ((...args: unknown[]) => spaced((value as (...a: unknown[]) => unknown)(...args))) as T;
  }
  if (typeof value === 'object' && value !== null) {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, spaced(v)])) as T;
  }
  return value;
}

function withThaiSpacing(catalog: Catalog): Catalog {
  return spaced(catalog);
}

// Cards and the rich menu: what a Flex card or a rich-menu tile says, in Thai and English.

export interface CardCatalog {
  meterListTitle(inGroup: boolean): string;
  /** One meter's row on the list card: its name with the unit, e.g. "Electric (kWh)". */
  meterName(name: string, unit: string): string;
  /** The row is cut off: this many more meters are not on the card. */
  moreMeters(count: number): string;
}

export const cardCatalogs: Record<Language, CardCatalog> = {
  en: {
    meterListTitle: (inGroup) => (inGroup ? 'Meters shared in this group' : 'Your meters'),
    meterName: (name, unit) => (unit ? `${name} (${unit})` : name),
    moreMeters: (count) => `…and ${count} more: type "history meter N" for one of them.`,
  },
  th: {
    meterListTitle: (inGroup) => (inGroup ? 'มิเตอร์ที่แชร์ในกลุ่มนี้' : 'มิเตอร์ของคุณ'),
    meterName: (name, unit) => (unit ? `${name} (${unit})` : name),
    moreMeters: (count) => `…และอีก ${count} เครื่อง พิมพ์ "ประวัติ มิเตอร์ N" เพื่อดูเครื่องนั้น`,
  },
};

/** The rich menu's tiles: a label, and the hint under it. */
export interface MenuCatalog {
  chatBarText: string;
  record: { label: string; hint: string; fillIn: string };
  meters: { label: string; hint: string };
  /** `send`: the command the tile sends (without a meter: the bot asks which one). */
  usage: { label: string; hint: string; send: string };
  chart: { label: string; hint: string; send: string };
  help: { label: string; hint: string };
  /** The tile that switches to the other language's menu, written in that language. */
  otherLanguage: { label: string; hint: string };
}

export const menuCatalogs: Record<Language, MenuCatalog> = {
  en: {
    chatBarText: 'Menu',
    record: { label: 'Record a reading', hint: 'meter 1 = 4521', fillIn: 'meter 1 = ' },
    meters: { label: 'My meters', hint: 'meters' },
    usage: { label: 'Usage', hint: 'this month so far', send: 'usage' },
    chart: { label: 'Chart', hint: 'month by month', send: 'chart' },
    help: { label: 'Help', hint: 'what I can do' },
    otherLanguage: { label: 'ภาษาไทย', hint: 'เมนูภาษาไทย' },
  },
  th: {
    chatBarText: 'เมนู',
    record: { label: 'จดค่ามิเตอร์', hint: 'มิเตอร์ 1 = 4521', fillIn: 'มิเตอร์ 1 = ' },
    meters: { label: 'มิเตอร์ของฉัน', hint: 'ดูรายการ' },
    usage: { label: 'ใช้ไปเท่าไร', hint: 'เดือนนี้ถึงตอนนี้', send: 'ใช้ไป' },
    chart: { label: 'กราฟ', hint: 'รายเดือน', send: 'กราฟ' },
    help: { label: 'ช่วยเหลือ', hint: 'ทำอะไรได้บ้าง' },
    otherLanguage: { label: 'English', hint: 'English menu' },
  },
};

// ---------------------------------------------------------------------------
// Notices about limits: the month's push quota, and messages sent faster than the bot takes them.

export interface NoticeCatalog {
  /** Reminders and alerts are held until `until` because LINE's monthly quota is used up. */
  quotaPaused(labels: string[], until: string): string;
  /**
   * A person sent more than `limit` messages in a minute: the last `skipped` were not processed.
   * `listed` would have changed something (shown word for word); `others` only asked or chatted.
   * `name` is set in a group, where the note says whom it is for.
   */
  notProcessed(input: {
    name: string | null;
    sent: number;
    limit: number;
    skipped: number;
    listed: string[];
    others: number;
  }): string;
}

export const noticeCatalogs: Record<Language, NoticeCatalog> = {
  en: {
    quotaPaused: (labels, until) =>
      `Reminders and alerts${labels.length ? ` for ${labels.join(', ')}` : ''} are paused until ${until}: this LINE account's monthly message quota is used up. Readings you send are recorded as usual.`,
    notProcessed: ({ name, sent, limit, skipped, listed, others }) =>
      [
        `${name ? `${name}: you` : 'You'} sent ${sent} messages in a minute, more than the ${limit} I take from one person, so I did not process the last ${skipped}.`,
        listed.length
          ? `These were not recorded; please send them again:\n${listed.join('\n')}`
          : null,
        others
          ? listed.length
            ? `(and ${others} other message${others === 1 ? '' : 's'}: questions, chatter, stickers or button taps; send again what you still need)`
            : 'They were questions, chatter, stickers or button taps; send again what you still need.'
          : null,
      ]
        .filter(Boolean)
        .join('\n'),
  },
  th: {
    quotaPaused: (labels, until) =>
      spaced(
        `การเตือนและการแจ้งเตือน${labels.length ? `ของ${labels.join(', ')}` : ''}หยุดไว้จนถึง ${until} เพราะบัญชี LINE นี้ใช้โควตาข้อความของเดือนนี้หมดแล้ว ค่ามิเตอร์ที่ส่งมายังบันทึกตามปกติ`,
      ),
    notProcessed: ({ name, sent, limit, skipped, listed, others }) =>
      [
        `${name ? `คุณ${name} ` : 'คุณ'}ส่งข้อความ ${sent} ข้อความในหนึ่งนาที เกินกว่าที่รับได้คนละ ${limit} ข้อความต่อนาที จึงยังไม่ได้ทำ ${skipped} ข้อความหลังสุด`,
        listed.length ? `ข้อความเหล่านี้ยังไม่ได้บันทึก กรุณาส่งอีกครั้ง:\n${listed.join('\n')}` : null,
        others
          ? listed.length
            ? `(และข้อความอื่นอีก ${others} ข้อความ เช่น คำถาม สติกเกอร์ หรือการแตะปุ่ม ส่งใหม่ได้ถ้ายังต้องการ)`
            : 'ข้อความเหล่านั้นเป็นคำถาม สติกเกอร์ หรือการแตะปุ่ม ส่งใหม่ได้ถ้ายังต้องการ'
          : null,
      ]
        .filter(Boolean)
        .join('\n'),
  },
};

import type { RowProblem } from '../domain/readings-csv';
import type { Language } from '../domain/types';
import type { Problem } from '../domain/validation';

// What the chat says about `export meter 1`, `export my data` and `import meter 1`.

/** A row of an import that is not stored: its line and why. */
export type ImportRefusal =
  | { line: number; kind: 'file'; problem: RowProblem }
  | { line: number; kind: 'reading'; problem: Problem; show: (value: string) => string };

export interface ImportPreview {
  label: string;
  count: number;
  first: string;
  last: string;
  refused: ImportRefusal[];
  skipped: number;
}

export interface ExportCatalog {
  onlyPrivate: string;
  meterLink(label: string, url: string, until: string): string;
  dataLink(url: string, until: string): string;
  importAsk(label: string, maxKb: number, minutes: number): string;
  noImportWaiting: string;
  fileInGroup: string;
  tooLarge(maxKb: number): string;
  notCsv: string;
  empty: string;
  tooManyRows(max: number): string;
  fileUnavailable: string;
  preview(p: ImportPreview): string;
  nothingToAdd(label: string, refused: ImportRefusal[], skipped: number): string;
  confirmButton(count: number): string;
  cancelButton: string;
  stored(label: string, count: number): string;
  cancelled: string;
  expired: string;
  changed(label: string, refused: ImportRefusal[], command: string): string;
  say: { importMeter(number: number): string; history(number: number): string };
  historyButton: string;
}

/** At most this many refused rows are listed; the rest are counted. */
export const LISTED_REFUSALS = 10;

function fileReason(language: Language, problem: RowProblem): string {
  const en: Record<RowProblem, string> = {
    badTime: 'the time is not a date like 2026-11-15 08:00',
    badValue: 'the value is not a number',
    tooLarge: 'the value has more than 15 digits',
    tooPrecise: 'the value has more than 6 decimals',
    noteTooLong: 'the note is longer than 200 characters',
    registerEvent: 'a rollover or meter replacement: enter it in the chat',
  };
  const th: Record<RowProblem, string> = {
    badTime: 'เวลาไม่ใช่วันที่แบบ 2569-11-15 08:00',
    badValue: 'ค่าไม่ใช่ตัวเลข',
    tooLarge: 'ค่ามีเกิน 15 หลัก',
    tooPrecise: 'ค่ามีทศนิยมเกิน 6 ตำแหน่ง',
    noteTooLong: 'หมายเหตุยาวเกิน 200 ตัวอักษร',
    registerEvent: 'เป็นการวนรอบหรือเปลี่ยนมิเตอร์ ให้พิมพ์ในแชทแทน',
  };
  return (language === 'th' ? th : en)[problem];
}

function readingReason(language: Language, problem: Problem, show: (v: string) => string): string {
  const th = language === 'th';
  switch (problem.code) {
    case 'belowMin':
      return th ? `ต่ำกว่าค่าต่ำสุด ${show(problem.limit)}` : `below the minimum ${show(problem.limit)}`;
    case 'aboveMax':
      return th ? `สูงกว่าค่าสูงสุด ${show(problem.limit)}` : `above the maximum ${show(problem.limit)}`;
    case 'tooManyDigits':
      return th
        ? `มีหลักมากกว่ามิเตอร์ ${problem.digits} หลัก`
        : `more digits than this ${problem.digits}-digit meter`;
    case 'negative':
      return th ? 'ค่าติดลบ' : 'negative';
    case 'future':
      return th ? 'เวลาอยู่ในอนาคต' : 'in the future';
    case 'duplicate':
      return th ? 'มีค่านี้ที่เวลานี้อยู่แล้ว' : 'already recorded at that time';
    case 'sameTimeDifferentValue':
      return th
        ? `มีค่า ${show(problem.existing)} ที่เวลานี้อยู่แล้ว`
        : `another value (${show(problem.existing)}) is recorded at that time`;
    case 'lowerThanPrevious':
    case 'zeroAfterPositive':
      return th
        ? `ต่ำกว่าค่าก่อนหน้า ${show(problem.previous)}`
        : `lower than the reading before (${show(problem.previous)})`;
    case 'higherThanNext':
      return th
        ? `สูงกว่าค่าถัดไป ${show(problem.next)}`
        : `higher than the reading after (${show(problem.next)})`;
    case 'belowLaterWrap':
      return th
        ? `ไม่มากกว่าค่าถัดไป ${show(problem.next)} ที่มิเตอร์หมุนครบรอบ`
        : `not above the later rollover reading (${show(problem.next)})`;
    case 'wrapNotBelowPrevious':
      return th
        ? `หมุนครบรอบแต่ไม่น้อยกว่าค่าก่อนหน้า ${show(problem.previous)}`
        : `a rollover not below the reading before (${show(problem.previous)})`;
    case 'rateTooHigh':
      return th
        ? `ใช้ไป ${show(problem.ratePerDay)} ต่อวัน มากผิดปกติ`
        : `an implausible ${show(problem.ratePerDay)} a day`;
    case 'allNines':
      return th ? 'ดูเหมือนค่าผิดพลาดของจอ (9 ทั้งหมด)' : 'looks like an error display (all nines)';
    case 'likelyTypo':
      return th
        ? `น่าจะพิมพ์ผิด (คาดว่าประมาณ ${show(problem.expected)})`
        : `likely a typo (about ${show(problem.expected)} expected)`;
  }
}

function refusalLines(language: Language, refused: ImportRefusal[]): string[] {
  const th = language === 'th';
  const lines = refused.slice(0, LISTED_REFUSALS).map((r) => {
    const why =
      r.kind === 'file'
        ? fileReason(language, r.problem)
        : readingReason(language, r.problem, r.show);
    return th ? `  บรรทัด ${r.line}: ${why}` : `  line ${r.line}: ${why}`;
  });
  const more = refused.length - LISTED_REFUSALS;
  if (more > 0) lines.push(th ? `  …และอีก ${more} แถว` : `  …and ${more} more`);
  return lines;
}

const EN: ExportCatalog = {
  onlyPrivate: 'Exports and imports are personal: ask me in our one-to-one chat, not in a group.',
  meterLink: (label, url, until) =>
    `The readings of ${label} as a CSV file (Excel, Google Sheets):\n${url}\n` +
    `The link works until ${until}. Anyone with it can open the file: do not share it.`,
  dataLink: (url, until) =>
    `Everything Home Log keeps about you, as a JSON file:\n${url}\n` +
    `The link works until ${until}. Anyone with it can open the file: do not share it.`,
  importAsk: (label, maxKb, minutes) =>
    `Send me the CSV file for ${label} now, as a file in this chat (up to ${maxKb} KB, within ${minutes} minutes).\n` +
    'Columns: time,value and optionally note (e.g. 2026-11-15 08:00,4521), or a file from "export meter N". ' +
    'I will show what I would add; nothing is stored until you confirm.',
  noImportWaiting:
    'To import readings, first write "import meter 1" (with your meter\'s number), then send the CSV file.',
  fileInGroup: 'Send the file in our one-to-one chat: imports are not taken from groups.',
  tooLarge: (maxKb) =>
    `That file is larger than ${maxKb} KB. Split it and send the parts one by one.`,
  notCsv:
    'That is not a CSV file I can read. Save it as "CSV UTF-8" (comma-separated) and send it again.',
  empty: 'That file has no rows to import.',
  tooManyRows: (max) =>
    `That file has more than ${max} rows. Split it and send the parts one by one.`,
  fileUnavailable: 'I could not get that file from LINE. Please send it again.',
  preview: ({ label, count, first, last, refused, skipped }) =>
    [
      `Ready to add ${count} ${count === 1 ? 'reading' : 'readings'} to ${label}:`,
      `  first ${first}`,
      ...(count > 1 ? [`  last ${last}`] : []),
      ...(refused.length > 0
        ? [`${refused.length} ${refused.length === 1 ? 'row is' : 'rows are'} not added:`]
        : []),
      ...refusalLines('en', refused),
      ...(skipped > 0 ? [`${skipped} corrected or deleted rows left out.`] : []),
      'Nothing is stored until you tap Add.',
    ].join('\n'),
  nothingToAdd: (label, refused, skipped) =>
    [
      `Nothing in that file can be added to ${label}.`,
      ...refusalLines('en', refused),
      ...(skipped > 0 ? [`${skipped} corrected or deleted rows left out.`] : []),
    ].join('\n'),
  confirmButton: (count) => `Add ${count}`,
  cancelButton: 'Cancel',
  stored: (label, count) =>
    `Added ${count} ${count === 1 ? 'reading' : 'readings'} to ${label}. Type "history" to see them.`,
  cancelled: 'OK, nothing was imported.',
  expired: 'That import has expired or was already answered; nothing was stored.',
  changed: (label, refused, command) =>
    [
      `${label} changed since the preview, and these rows no longer fit, so nothing was stored:`,
      ...refusalLines('en', refused),
      `To try again: ${command}`,
    ].join('\n'),
  say: {
    importMeter: (n) => `import meter ${n}`,
    history: (n) => `history meter ${n}`,
  },
  historyButton: 'History',
};

const TH: ExportCatalog = {
  onlyPrivate: 'การส่งออกและนำเข้าเป็นเรื่องส่วนตัว ขอในแชทส่วนตัวกับฉันนะ ไม่ใช่ในกลุ่ม',
  meterLink: (label, url, until) =>
    `ค่าที่จดของ ${label} เป็นไฟล์ CSV (เปิดด้วย Excel หรือ Google Sheets):\n${url}\n` +
    `ลิงก์ใช้ได้ถึง ${until} ใครมีลิงก์ก็เปิดไฟล์ได้ อย่าส่งต่อ`,
  dataLink: (url, until) =>
    `ข้อมูลทั้งหมดที่ Home Log เก็บเกี่ยวกับคุณ เป็นไฟล์ JSON:\n${url}\n` +
    `ลิงก์ใช้ได้ถึง ${until} ใครมีลิงก์ก็เปิดไฟล์ได้ อย่าส่งต่อ`,
  importAsk: (label, maxKb, minutes) =>
    `ส่งไฟล์ CSV ของ ${label} มาในแชทนี้ได้เลย (ไม่เกิน ${maxKb} KB ภายใน ${minutes} นาที)\n` +
    'คอลัมน์: เวลา,ค่า และหมายเหตุ (ถ้ามี) เช่น 2569-11-15 08:00,4521 หรือไฟล์จาก "ส่งออก มิเตอร์ N" ' +
    'ฉันจะแสดงก่อนว่าจะเพิ่มอะไร ยังไม่บันทึกจนกว่าคุณจะยืนยัน',
  noImportWaiting: 'ถ้าจะนำเข้าค่าที่จด พิมพ์ "นำเข้า มิเตอร์ 1" (ใส่เลขมิเตอร์ของคุณ) ก่อน แล้วค่อยส่งไฟล์ CSV',
  fileInGroup: 'ส่งไฟล์ในแชทส่วนตัวกับฉันนะ ฉันไม่รับไฟล์นำเข้าจากกลุ่ม',
  tooLarge: (maxKb) => `ไฟล์นี้ใหญ่เกิน ${maxKb} KB แบ่งเป็นหลายไฟล์แล้วส่งทีละไฟล์`,
  notCsv: 'ไฟล์นี้ไม่ใช่ CSV ที่ฉันอ่านได้ บันทึกเป็น "CSV UTF-8" (คั่นด้วยจุลภาค) แล้วส่งใหม่',
  empty: 'ไฟล์นี้ไม่มีแถวให้นำเข้า',
  tooManyRows: (max) => `ไฟล์นี้มีเกิน ${max} แถว แบ่งเป็นหลายไฟล์แล้วส่งทีละไฟล์`,
  fileUnavailable: 'ดึงไฟล์นี้จาก LINE ไม่ได้ กรุณาส่งใหม่อีกครั้ง',
  preview: ({ label, count, first, last, refused, skipped }) =>
    [
      `พร้อมเพิ่ม ${count} ค่าให้ ${label}:`,
      `  แรกสุด ${first}`,
      ...(count > 1 ? [`  ล่าสุด ${last}`] : []),
      ...(refused.length > 0 ? [`ไม่เพิ่ม ${refused.length} แถว:`] : []),
      ...refusalLines('th', refused),
      ...(skipped > 0 ? [`ข้าม ${skipped} แถวที่ถูกแก้หรือลบไปแล้ว`] : []),
      'ยังไม่บันทึกจนกว่าจะกดเพิ่ม',
    ].join('\n'),
  nothingToAdd: (label, refused, skipped) =>
    [
      `ไม่มีแถวไหนในไฟล์ที่เพิ่มให้ ${label} ได้`,
      ...refusalLines('th', refused),
      ...(skipped > 0 ? [`ข้าม ${skipped} แถวที่ถูกแก้หรือลบไปแล้ว`] : []),
    ].join('\n'),
  confirmButton: (count) => `เพิ่ม ${count} ค่า`,
  cancelButton: 'ยกเลิก',
  stored: (label, count) => `เพิ่ม ${count} ค่าให้ ${label} แล้ว พิมพ์ "ประวัติ" เพื่อดู`,
  cancelled: 'ได้เลย ไม่ได้นำเข้าอะไร',
  expired: 'การนำเข้านี้หมดเวลาหรือตอบไปแล้ว ไม่ได้บันทึกอะไร',
  changed: (label, refused, command) =>
    [
      `${label} มีการเปลี่ยนแปลงหลังแสดงตัวอย่าง แถวเหล่านี้ใช้ไม่ได้แล้ว จึงไม่ได้บันทึกอะไร:`,
      ...refusalLines('th', refused),
      `ลองใหม่: ${command}`,
    ].join('\n'),
  say: {
    importMeter: (n) => `นำเข้า มิเตอร์ ${n}`,
    history: (n) => `ประวัติ มิเตอร์ ${n}`,
  },
  historyButton: 'ประวัติ',
};

export const exportCatalogs: Record<Language, ExportCatalog> = { en: EN, th: TH };

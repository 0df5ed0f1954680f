import type { Language } from '../domain/types';

// What the chat says about "delete my data": the list of what goes and what stays, the tap,
// the word to type, the outcome, and the notice a group gets when a meter shared there goes.

export interface ErasureView {
  lineAccounts: number;
  googleEmails: string[];
  removed: { name: string; readings: number; groups: number }[];
  passed: { name: string; heir: string }[];
  grants: number;
  readingsElsewhere: number;
}

export interface ErasureCatalog {
  plan(view: ErasureView, minutes: number): string;
  /** The short question above the buttons. */
  ask: string;
  confirmButton: string;
  cancelButton: string;
  /** The word to type, as shown and as accepted. */
  word(code: string): string;
  typeWord(word: string, minutes: number): string;
  done(removed: number, passed: number): string;
  cancelled: string;
  wrongWord: string;
  expired: string;
  notTapped: string;
  none: string;
  staleButton: string;
  onlyPrivate: string;
  /** To a group: a meter shared there was removed with its owner's data. */
  groupNotice(number: number | null, name: string): string;
}

const EN: ErasureCatalog = {
  plan: (view, minutes) => {
    const goes = [
      '• your profile, language and settings, reminders and alerts',
      `• ${view.lineAccounts === 1 ? 'your LINE account link' : `your ${view.lineAccounts} LINE account links`}${view.googleEmails.map((email) => ` and the Google account ${email}`).join('')}`,
      ...view.removed.map(
        (m) =>
          `• meter "${m.name}" with its ${m.readings} reading${m.readings === 1 ? '' : 's'}${m.groups > 0 ? ` (shared into ${m.groups} group${m.groups === 1 ? '' : 's'}; I will tell ${m.groups === 1 ? 'it' : 'them'})` : ''}`,
      ),
      ...(view.grants > 0
        ? [`• your access to ${view.grants} meter${view.grants === 1 ? '' : 's'} of other people`]
        : []),
      '• the messages of yours I still keep',
    ];
    const stays = [
      ...view.passed.map(
        (m) => `• meter "${m.name}" passes to ${m.heir || 'its other admin'}, an admin of it`,
      ),
      ...(view.readingsElsewhere > 0
        ? [
            `• ${view.readingsElsewhere} reading${view.readingsElsewhere === 1 ? '' : 's'} you entered on meters that stay, without your name or notes`,
          ]
        : []),
      '• the audit trail, with your notes and e-mail no longer readable by anyone',
    ];
    return [
      'Delete my data: this is exactly what would happen.',
      '',
      'Deleted for good:',
      ...goes,
      '',
      'Stays:',
      ...stays,
      '',
      `Tap "Delete everything" to go on; I will then ask you to type a word. This request ends in ${minutes} minutes. Nothing is deleted before that.`,
    ].join('\n');
  },
  ask: 'Delete everything listed above?',
  confirmButton: 'Delete everything',
  cancelButton: 'Cancel',
  word: (code) => `DELETE ${code}`,
  typeWord: (word, minutes) =>
    `Last step. To delete everything now, type:\n${word}\n\nAny other word cancels. The request ends in ${minutes} minutes.`,
  done: (removed, passed) =>
    `Your data is deleted: your account, ${removed} meter${removed === 1 ? '' : 's'} with ${removed === 1 ? 'its' : 'their'} readings, ${passed} meter${passed === 1 ? '' : 's'} passed to ${passed === 1 ? 'its' : 'their'} other admin. If you write to me again, you start as a new person. Goodbye!`,
  cancelled: 'Cancelled. Nothing was deleted.',
  wrongWord:
    'That is not the word I asked for, so I cancelled the deletion. Nothing was deleted. Send "delete my data" to start again.',
  expired: 'That request has expired. Nothing was deleted. Send "delete my data" to start again.',
  notTapped: 'First tap "Delete everything" under the list. Nothing was deleted.',
  none: 'No deletion is waiting for a word. To delete a reading, use its number (delete #12); to delete your data, send "delete my data".',
  staleButton: 'This button belongs to an earlier request. Nothing was deleted.',
  onlyPrivate:
    'Send "delete my data" in our one-to-one chat: the answer lists your meters, so it is not for a group.',
  groupNotice: (number, name) =>
    `Meter ${number === null ? '' : `${number} `}"${name}" was removed from Home Log: its owner deleted their data.`,
};

const TH: ErasureCatalog = {
  plan: (view, minutes) => {
    const goes = [
      '• โปรไฟล์ ภาษา การตั้งค่า การเตือนและการแจ้งเตือนของคุณ',
      `• การเชื่อมบัญชี LINE ${view.lineAccounts} บัญชี${view.googleEmails.map((email) => ` และบัญชี Google ${email}`).join('')}`,
      ...view.removed.map(
        (m) =>
          `• มิเตอร์ "${m.name}" พร้อมค่าที่จดไว้ ${m.readings} ค่า${m.groups > 0 ? ` (แชร์ไว้ใน ${m.groups} กลุ่ม จะแจ้งกลุ่มให้ทราบ)` : ''}`,
      ),
      ...(view.grants > 0 ? [`• สิทธิ์ของคุณในมิเตอร์ของคนอื่น ${view.grants} เครื่อง`] : []),
      '• ข้อความของคุณที่ยังเก็บไว้',
    ];
    const stays = [
      ...view.passed.map(
        (m) => `• มิเตอร์ "${m.name}" จะเป็นของ ${m.heir || 'ผู้ดูแลอีกคน'} ซึ่งเป็นผู้ดูแลอยู่แล้ว`,
      ),
      ...(view.readingsElsewhere > 0
        ? [`• ค่าที่คุณจดในมิเตอร์ที่ยังอยู่ ${view.readingsElsewhere} ค่า โดยไม่มีชื่อและหมายเหตุของคุณ`]
        : []),
      '• บันทึกการตรวจสอบ (audit) โดยหมายเหตุและอีเมลของคุณจะไม่มีใครอ่านได้อีก',
    ];
    return [
      'ลบข้อมูลของฉัน: นี่คือสิ่งที่จะเกิดขึ้นทั้งหมด',
      '',
      'ลบถาวร:',
      ...goes,
      '',
      'ยังอยู่:',
      ...stays,
      '',
      `กด "ลบทั้งหมด" เพื่อไปต่อ แล้วจะให้พิมพ์คำยืนยัน คำขอนี้หมดเวลาใน ${minutes} นาที ยังไม่มีอะไรถูกลบจนกว่าจะยืนยัน`,
    ].join('\n');
  },
  ask: 'ลบทุกอย่างตามรายการด้านบนไหม',
  confirmButton: 'ลบทั้งหมด',
  cancelButton: 'ยกเลิก',
  word: (code) => `ลบ ${code}`,
  typeWord: (word, minutes) =>
    `ขั้นสุดท้าย ถ้าจะลบทั้งหมดตอนนี้ พิมพ์:\n${word}\n\nพิมพ์คำอื่นจะเป็นการยกเลิก คำขอนี้หมดเวลาใน ${minutes} นาที`,
  done: (removed, passed) =>
    `ลบข้อมูลของคุณแล้ว: บัญชีของคุณ มิเตอร์ ${removed} เครื่องพร้อมค่าที่จดไว้ และมิเตอร์ ${passed} เครื่องเป็นของผู้ดูแลอีกคนแล้ว ถ้าส่งข้อความมาอีก จะเริ่มเป็นผู้ใช้ใหม่ ลาก่อนค่ะ`,
  cancelled: 'ยกเลิกแล้ว ไม่มีอะไรถูกลบ',
  wrongWord: 'คำที่พิมพ์ไม่ตรงกับที่ขอ จึงยกเลิกการลบแล้ว ไม่มีอะไรถูกลบ ส่ง "ลบข้อมูลของฉัน" เพื่อเริ่มใหม่',
  expired: 'คำขอนี้หมดเวลาแล้ว ไม่มีอะไรถูกลบ ส่ง "ลบข้อมูลของฉัน" เพื่อเริ่มใหม่',
  notTapped: 'กด "ลบทั้งหมด" ใต้รายการก่อน ไม่มีอะไรถูกลบ',
  none: 'ไม่มีการลบข้อมูลที่รอคำยืนยัน ถ้าจะลบค่าที่จด ใช้หมายเลขของค่า (ลบ #12) ถ้าจะลบข้อมูลของคุณ ส่ง "ลบข้อมูลของฉัน"',
  staleButton: 'ปุ่มนี้เป็นของคำขอก่อนหน้า ไม่มีอะไรถูกลบ',
  onlyPrivate: 'ส่ง "ลบข้อมูลของฉัน" ในแชตส่วนตัวกับบอท เพราะคำตอบจะแสดงรายการมิเตอร์ของคุณ',
  groupNotice: (number, name) =>
    `มิเตอร์ ${number === null ? '' : `${number} `}"${name}" ถูกลบออกจาก Home Log แล้ว เพราะเจ้าของลบข้อมูลของตัวเอง`,
};

export const erasureCatalogs: Record<Language, ErasureCatalog> = { en: EN, th: TH };

/** A group has no one language: the notice goes in Thai and English. */
export const groupNotice = (number: number | null, name: string): string =>
  `${TH.groupNotice(number, name)}\n\n${EN.groupNotice(number, name)}`;

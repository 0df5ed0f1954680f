import type { Refusal } from '../accounts/refusals';
import type { Language } from '../domain/types';

// What the chat says about linking accounts: LINE's account-link result, moves that another
// LINE account of the target must allow, `whoami` numbers and `remove line #N`.

export interface AccountCatalog {
  linkTokenFailed: string;
  linked(email: string): string;
  alreadyLinked(email: string): string;
  /** To the LINE account that finished LINE's dialog when it was not the one that asked. */
  linkFailed: string;
  /** To the LINE account that asked, when its link was finished in another LINE account. */
  linkMisused: string;
  linkUnknown: string;
  linkRefused(reason: Refusal): string;
  moveAsked(targetName: string): string;
  approvalQuestion(lineName: string, email: string): string;
  approvalShort: string;
  allow: string;
  refuse: string;
  moved(name: string, meters: number): string;
  moveAllowed(lineName: string): string;
  joined(lineName: string, email: string): string;
  moveRefusedToMover: string;
  moveRefused(lineName: string): string;
  approvalInvalid: string;
  approvalNotYours: string;
  moveStale: string;
  thisChat: string;
  removeHint: string;
  lineRemoved(position: number, name: string | null): string;
  lineRemovedNotice(accountName: string): string;
  removeUnknown(position: number): string;
  removeNotLine(position: number): string;
  removeSelf(position: number): string;
}

const EN: AccountCatalog = {
  linkTokenFailed: 'LINE did not give me a link just now. Nothing changed; please try again.',
  linked: (email) =>
    `Your Google account ${email} is now linked to Home Log ✅\nIf you ever change LINE accounts, type "link google" there and sign in with this Google account to get your meters back.\nTo remove it, type "unlink google".`,
  alreadyLinked: (email) =>
    `${email} was already linked to your Home Log account. Nothing changed.`,
  linkFailed:
    'Linking did not finish: the link was opened in a LINE account other than the one that asked for it. Nothing changed. Type "link google" in your own chat to get your own link.',
  linkMisused:
    'Someone finished your Google link in another LINE account. Nothing was linked or moved. Never forward these links; type "link google" for a new one.',
  linkUnknown:
    'This linking attempt has expired or was already used. Nothing changed. Type "link google" to start again.',
  linkRefused: (reason) =>
    reason === 'noApprover'
      ? 'That Home Log account has no other LINE account that could allow the move, so nothing moved.'
      : reason === 'otherGoogleLinked'
        ? 'Your Home Log account is already linked to another Google account. Type "unlink google" first. Nothing changed.'
        : reason === 'accountInactive'
          ? 'This Home Log account is no longer active. Nothing changed.'
          : 'Something changed in the meantime, so nothing was linked or moved. Type "link google" to start again.',
  moveAsked: (targetName) =>
    `LINE confirmed this LINE account. Before it moves onto the Home Log account of ${targetName || 'that person'}, a LINE account already on that account must allow it in its chat. I have asked; nothing has moved yet.`,
  approvalQuestion: (lineName, email) =>
    `Someone signed in with your Google account ${email} and asks to move the LINE account "${lineName || 'no name'}" onto your Home Log account. It would see and record all your meters. Allow it only if that LINE account is yours (for example your new phone). The request is valid for 24 hours.`,
  approvalShort: 'Move that LINE account onto your Home Log account?',
  allow: 'Allow',
  refuse: 'Refuse',
  moved: (name, meters) =>
    `This LINE account now uses the Home Log account of ${name || 'its owner'} (${meters} meter${meters === 1 ? '' : 's'}) ✅\nType "meters" to see them.`,
  moveAllowed: (lineName) =>
    `Done: the LINE account "${lineName || 'no name'}" now uses your Home Log account. To take it off again, type "whoami" and then "remove line #" with its number.`,
  joined: (lineName, email) =>
    `The LINE account "${lineName || 'no name'}" has joined your Home Log account (it signed in with your Google account ${email}, and another of your LINE accounts allowed it).`,
  moveRefusedToMover:
    'The Home Log account’s LINE account refused the move. Nothing moved; this LINE account stays as it was.',
  moveRefused: (lineName) =>
    `Refused: "${lineName || 'no name'}" was not moved onto your Home Log account. Nothing changed.`,
  approvalInvalid: 'This request was already answered or has expired. Nothing changed.',
  approvalNotYours:
    'Only a LINE account already on that Home Log account can answer this. Nothing changed.',
  moveStale: 'Something changed in the meantime, so nothing moved.',
  thisChat: 'this chat',
  removeHint: 'To remove another LINE account: remove line #N',
  lineRemoved: (position, name) =>
    `Removed LINE account #${position}${name ? ` (${name})` : ''} from your Home Log account. If it writes to me again, it starts a new, empty account.`,
  lineRemovedNotice: (accountName) =>
    `This LINE account was removed from the Home Log account of ${accountName || 'its owner'} by another LINE account on it. Its meters are no longer shown here.`,
  removeUnknown: (position) =>
    `There is no LINE account #${position}. Type "whoami" to see the numbers.`,
  removeNotLine: (position) =>
    `#${position} is your Google account: type "unlink google" to remove it.`,
  removeSelf: (position) =>
    `#${position} is the LINE account you are writing from. Remove it from another LINE account on this Home Log account.`,
};

const TH: AccountCatalog = {
  linkTokenFailed: 'LINE ยังไม่ให้ลิงก์ในตอนนี้ ไม่มีอะไรเปลี่ยนแปลง โปรดลองใหม่',
  linked: (email) =>
    `เชื่อมบัญชี Google ${email} กับ Home Log แล้ว ✅\nถ้าวันหนึ่งเปลี่ยนบัญชี LINE ให้พิมพ์ "link google" ในบัญชีใหม่แล้วลงชื่อเข้าใช้ด้วย Google บัญชีนี้ เพื่อรับมิเตอร์คืน\nยกเลิกการเชื่อมได้โดยพิมพ์ "unlink google"`,
  alreadyLinked: (email) => `${email} เชื่อมกับบัญชี Home Log ของคุณอยู่แล้ว ไม่มีอะไรเปลี่ยนแปลง`,
  linkFailed:
    'การเชื่อมบัญชีไม่สำเร็จ: ลิงก์ถูกเปิดในบัญชี LINE อื่นที่ไม่ใช่บัญชีที่ขอ ไม่มีอะไรเปลี่ยนแปลง พิมพ์ "link google" ในแชตของคุณเองเพื่อรับลิงก์ของคุณ',
  linkMisused:
    'มีคนใช้ลิงก์เชื่อม Google ของคุณในบัญชี LINE อื่น ไม่มีการเชื่อมหรือย้ายบัญชีใด ๆ อย่าส่งต่อลิงก์นี้ให้ใคร พิมพ์ "link google" เพื่อรับลิงก์ใหม่',
  linkUnknown: 'การเชื่อมบัญชีนี้หมดเวลาหรือใช้ไปแล้ว ไม่มีอะไรเปลี่ยนแปลง พิมพ์ "link google" เพื่อเริ่มใหม่',
  linkRefused: (reason) =>
    reason === 'noApprover'
      ? 'บัญชี Home Log นั้นไม่มีบัญชี LINE อื่นที่จะอนุญาตการย้ายได้ จึงไม่มีอะไรถูกย้าย'
      : reason === 'otherGoogleLinked'
        ? 'บัญชี Home Log ของคุณเชื่อมกับ Google บัญชีอื่นอยู่แล้ว พิมพ์ "unlink google" ก่อน ไม่มีอะไรเปลี่ยนแปลง'
        : reason === 'accountInactive'
          ? 'บัญชี Home Log นี้ไม่ได้ใช้งานแล้ว ไม่มีอะไรเปลี่ยนแปลง'
          : 'มีการเปลี่ยนแปลงระหว่างนี้ จึงไม่มีการเชื่อมหรือย้ายใด ๆ พิมพ์ "link google" เพื่อเริ่มใหม่',
  moveAsked: (targetName) =>
    `LINE ยืนยันบัญชี LINE นี้แล้ว ก่อนจะย้ายไปใช้บัญชี Home Log ของ ${targetName || 'เจ้าของ'} บัญชี LINE ที่ใช้บัญชีนั้นอยู่แล้วต้องกดอนุญาตในแชต ส่งคำขอไปแล้ว ตอนนี้ยังไม่มีอะไรถูกย้าย`,
  approvalQuestion: (lineName, email) =>
    `มีคนลงชื่อเข้าใช้ด้วยบัญชี Google ${email} ของคุณ และขอย้ายบัญชี LINE "${lineName || 'ไม่มีชื่อ'}" มาใช้บัญชี Home Log ของคุณ บัญชีนั้นจะเห็นและจดมิเตอร์ทั้งหมดของคุณได้ อนุญาตเฉพาะเมื่อบัญชี LINE นั้นเป็นของคุณเอง (เช่น โทรศัพท์เครื่องใหม่) คำขอนี้ใช้ได้ 24 ชั่วโมง`,
  approvalShort: 'ย้ายบัญชี LINE นั้นมาใช้บัญชี Home Log ของคุณไหม',
  allow: 'อนุญาต',
  refuse: 'ไม่อนุญาต',
  moved: (name, meters) =>
    `บัญชี LINE นี้ใช้บัญชี Home Log ของ ${name || 'เจ้าของ'} แล้ว (${meters} มิเตอร์) ✅\nพิมพ์ "มิเตอร์" เพื่อดูรายการ`,
  moveAllowed: (lineName) =>
    `เรียบร้อย: บัญชี LINE "${lineName || 'ไม่มีชื่อ'}" ใช้บัญชี Home Log ของคุณแล้ว ถ้าต้องการเอาออก พิมพ์ "whoami" แล้วพิมพ์ "remove line #" ตามด้วยหมายเลข`,
  joined: (lineName, email) =>
    `บัญชี LINE "${lineName || 'ไม่มีชื่อ'}" เข้ามาใช้บัญชี Home Log ของคุณ (ลงชื่อเข้าใช้ด้วย Google ${email} และบัญชี LINE อื่นของคุณอนุญาตแล้ว)`,
  moveRefusedToMover: 'บัญชี LINE ของบัญชี Home Log นั้นไม่อนุญาตการย้าย ไม่มีอะไรถูกย้าย บัญชี LINE นี้ยังเหมือนเดิม',
  moveRefused: (lineName) =>
    `ไม่อนุญาตแล้ว: "${lineName || 'ไม่มีชื่อ'}" ไม่ได้ถูกย้ายมาใช้บัญชี Home Log ของคุณ ไม่มีอะไรเปลี่ยนแปลง`,
  approvalInvalid: 'คำขอนี้ตอบไปแล้วหรือหมดเวลาแล้ว ไม่มีอะไรเปลี่ยนแปลง',
  approvalNotYours: 'เฉพาะบัญชี LINE ที่ใช้บัญชี Home Log นั้นอยู่แล้วเท่านั้นที่ตอบคำขอนี้ได้ ไม่มีอะไรเปลี่ยนแปลง',
  moveStale: 'มีการเปลี่ยนแปลงระหว่างนี้ จึงไม่มีอะไรถูกย้าย',
  thisChat: 'แชตนี้',
  removeHint: 'เอาบัญชี LINE อื่นออก: remove line #หมายเลข',
  lineRemoved: (position, name) =>
    `เอาบัญชี LINE #${position}${name ? ` (${name})` : ''} ออกจากบัญชี Home Log ของคุณแล้ว ถ้าบัญชีนั้นส่งข้อความมาอีก จะเริ่มเป็นบัญชีใหม่ที่ว่างเปล่า`,
  lineRemovedNotice: (accountName) =>
    `บัญชี LINE นี้ถูกเอาออกจากบัญชี Home Log ของ ${accountName || 'เจ้าของ'} โดยบัญชี LINE อื่นของบัญชีนั้น มิเตอร์จะไม่แสดงที่นี่อีก`,
  removeUnknown: (position) => `ไม่มีบัญชี LINE #${position} พิมพ์ "whoami" เพื่อดูหมายเลข`,
  removeNotLine: (position) => `#${position} คือบัญชี Google ของคุณ พิมพ์ "unlink google" เพื่อยกเลิก`,
  removeSelf: (position) =>
    `#${position} คือบัญชี LINE ที่คุณใช้พิมพ์อยู่ ให้เอาออกจากบัญชี LINE อื่นของบัญชี Home Log นี้`,
};

export const accountCatalogs: Record<Language, AccountCatalog> = { en: EN, th: TH };

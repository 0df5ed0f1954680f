// Small server-rendered pages: an escaping template tag, one page shell (readable on a phone,
// no scripts), and the Thai and English texts of the Google linking pages.

import type { Refusal } from '../accounts/refusals';

export type Lang = 'th' | 'en';

/** Markup that is safe to emit as is. Only `html` templates and `raw` make one. */
export class SafeHtml {
  constructor(readonly value: string) {}
  toString(): string {
    return this.value;
  }
}

const ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

export const escapeHtml = (text: string): string =>
  text.replace(/[&<>"']/g, (ch) => ESCAPES[ch] ?? ch);

/** Trusted markup, never user input. */
export const raw = (markup: string): SafeHtml => new SafeHtml(markup);

type Fragment = string | number | SafeHtml | null | undefined | false | readonly Fragment[];

/** A template whose interpolated values are escaped, unless they are SafeHtml already. */
export function html(strings: TemplateStringsArray, ...values: Fragment[]): SafeHtml {
  let out = strings[0] ?? '';
  values.forEach((value, i) => {
    out += render(value) + (strings[i + 1] ?? '');
  });
  return new SafeHtml(out);
}

function render(value: Fragment): string {
  if (value instanceof SafeHtml) return value.value;
  if (Array.isArray(value)) return value.map(render).join('');
  if (value === null || value === undefined || value === false) return '';
  return escapeHtml(String(value));
}

// System fonts only (nothing to fetch), a single column that fits a phone held upright.
const STYLE = `
body{margin:0;background:#f5f5f7;color:#1d1d1f;font:16px/1.6 system-ui,-apple-system,"Segoe UI",Roboto,"Noto Sans Thai",Tahoma,sans-serif}
main{max-width:32rem;margin:0 auto;padding:1.25rem}
h1{font-size:1.35rem;line-height:1.35;margin:.5rem 0 1rem}
section+section{border-top:1px solid #d2d2d7;margin-top:1.5rem}
button{display:block;width:100%;font:inherit;font-weight:600;padding:.85rem;margin:.5rem 0;border:0;border-radius:.7rem;background:#06c755;color:#fff;cursor:pointer}
button.secondary{background:#e5e5ea;color:#1d1d1f}
code{background:#e8e8ed;border-radius:.3rem;padding:0 .3rem;white-space:nowrap}
.note{color:#555;font-size:.9rem}
`.trim();

/** A whole page. `title` is plain text. */
export function page(lang: Lang, title: string, body: SafeHtml): string {
  return `<!doctype html>\n${
    html`<html lang="${lang}"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${title} · Home Log</title><style>${raw(STYLE)}</style></head>
<body><main>${body}</main></body></html>`.value
  }`;
}

// ---------------------------------------------------------------------------------------------
// Texts of the Google linking pages

type Text = string | SafeHtml;

interface Texts {
  someone: string;
  meters(n: number): string;
  start: {
    title: string;
    forAccount(name: string): Text;
    learn: Text;
    notSee: Text;
    unlink: Text;
    once: Text;
    button: string;
  };
  alreadyLinked: { title: string; body(email: string): Text };
  recovery: {
    title: string;
    belongs(email: string, name: string, meters: string): Text;
    question(lineName: string): Text;
    effect: Text;
    leftBehind(meters: string): Text;
    onlyIfYours: Text;
    approval: Text;
    move: string;
    cancel: string;
  };
  moveCancelled: { title: string; body: Text };
  googleSaid(code: string): Text;
  refusals: Record<Refusal, { title: string; detail: Text }>;
}

const cmd = (command: string) => html`<code>${command}</code>`;
const LINK = cmd('link google');
const UNLINK = cmd('unlink google');

const TH: Texts = {
  someone: 'บัญชีของคุณ',
  meters: (n) => `${n} มิเตอร์`,
  start: {
    title: 'เชื่อมบัญชี Google กับ Home Log',
    forAccount: (name) => html`สำหรับบัญชี Home Log ของ <strong>${name}</strong>`,
    learn:
      'Home Log จะได้รู้อีเมล Google และรหัสบัญชี Google ของคุณ เพื่อว่าถ้าวันหนึ่งคุณเปลี่ยนบัญชี LINE คุณจะได้มิเตอร์ของคุณคืนมา',
    notSee: 'Home Log จะไม่เห็นรหัสผ่านและจะไม่เห็นอีเมลใน Gmail ของคุณ',
    unlink: html`ยกเลิกการเชื่อมได้ทุกเมื่อ โดยพิมพ์ ${UNLINK} ในแชต LINE`,
    once: 'ลิงก์นี้ใช้ได้ครั้งเดียวและหมดอายุภายใน 10 นาที',
    button: 'ดำเนินการต่อด้วย Google',
  },
  alreadyLinked: {
    title: 'เชื่อมไว้อยู่แล้ว',
    body: (email) => html`<strong>${email}</strong> เชื่อมกับบัญชี Home Log ของคุณอยู่แล้ว ไม่มีอะไรเปลี่ยนแปลง`,
  },
  recovery: {
    title: 'บัญชี Google นี้มีบัญชี Home Log อยู่แล้ว',
    belongs: (email, name, meters) =>
      html`<strong>${email}</strong> เชื่อมอยู่กับบัญชี Home Log ของ <strong>${name}</strong> ซึ่งมี ${meters}`,
    question: (lineName) => html`ต้องการย้ายบัญชี LINE นี้ (<strong>${lineName}</strong>) ไปใช้บัญชีนั้นไหม`,
    effect: 'หลังย้ายแล้ว บัญชี LINE นี้จะเห็นและจดมิเตอร์ทั้งหมดของบัญชีนั้นได้',
    leftBehind: (meters) => `${meters} ที่บัญชี LINE นี้มีอยู่ตอนนี้จะอยู่กับบัญชีเดิม และจะไม่แสดงในแชตนี้อีก`,
    onlyIfYours: 'ทำต่อเฉพาะเมื่อทั้งบัญชี Google และบัญชี LINE นี้เป็นของคุณเอง',
    approval:
      'ต่อไป LINE จะยืนยันบัญชี LINE นี้ แล้วบัญชี LINE ที่ใช้บัญชี Home Log นั้นอยู่แล้วต้องกดอนุญาตในแชตก่อน จึงจะย้ายได้',
    move: 'ย้ายบัญชี LINE นี้',
    cancel: 'ยกเลิก',
  },
  moveCancelled: {
    title: 'ไม่มีอะไรเปลี่ยนแปลง',
    body: 'บัญชี LINE นี้ยังเหมือนเดิม ปิดหน้านี้แล้วกลับไปที่ LINE ได้เลย',
  },
  googleSaid: (code) => html`Google ตอบว่า: <code>${code}</code>`,
  refusals: {
    linkUnknown: {
      title: 'ลิงก์นี้ใช้ไม่ได้',
      detail: html`ขอลิงก์ใหม่โดยพิมพ์ ${LINK} ในแชต LINE`,
    },
    linkUsed: {
      title: 'ลิงก์นี้ถูกใช้ไปแล้ว',
      detail: html`แต่ละลิงก์ใช้ได้ครั้งเดียว ขอลิงก์ใหม่โดยพิมพ์ ${LINK} ในแชต LINE`,
    },
    linkExpired: {
      title: 'ลิงก์นี้หมดอายุแล้ว',
      detail: html`ลิงก์ใช้ได้ 10 นาที ขอลิงก์ใหม่โดยพิมพ์ ${LINK} ในแชต LINE`,
    },
    sessionMissing: {
      title: 'ไม่พบขั้นตอนการเชื่อมบัญชีของคุณ',
      detail: html`อาจเปิดหน้านี้ในเบราว์เซอร์อื่นหรือปิดคุกกี้ไว้ ยังไม่มีการเชื่อมบัญชีใด ๆ เริ่มใหม่โดยพิมพ์ ${LINK} ในแชต LINE`,
    },
    sessionExpired: {
      title: 'ขั้นตอนนี้หมดเวลาหรือใช้ไปแล้ว',
      detail: html`ยังไม่มีการเชื่อมบัญชีใด ๆ เริ่มใหม่โดยพิมพ์ ${LINK} ในแชต LINE`,
    },
    cancelled: {
      title: 'คุณยกเลิกการลงชื่อเข้าใช้ Google',
      detail: html`ยังไม่มีการเชื่อมบัญชีใด ๆ ถ้าต้องการเชื่อม ให้พิมพ์ ${LINK} ในแชต LINE อีกครั้ง`,
    },
    googleError: {
      title: 'Google ไม่ได้ลงชื่อเข้าใช้ให้',
      detail: html`ยังไม่มีการเชื่อมบัญชีใด ๆ ลองใหม่โดยพิมพ์ ${LINK} ในแชต LINE`,
    },
    codeMissing: {
      title: 'Google ไม่ได้ส่งรหัสยืนยันกลับมา',
      detail: html`ยังไม่มีการเชื่อมบัญชีใด ๆ ลองใหม่โดยพิมพ์ ${LINK} ในแชต LINE`,
    },
    stateMismatch: {
      title: 'คำตอบนี้ไม่ได้มาจากขั้นตอนที่เริ่มในเบราว์เซอร์นี้',
      detail: html`เพื่อความปลอดภัยจึงยังไม่เชื่อมบัญชีใด ๆ เริ่มใหม่โดยพิมพ์ ${LINK} ในแชต LINE`,
    },
    exchangeFailed: {
      title: 'Google ไม่ยืนยันการลงชื่อเข้าใช้',
      detail: html`ยังไม่มีการเชื่อมบัญชีใด ๆ ลองใหม่โดยพิมพ์ ${LINK} ในแชต LINE`,
    },
    tokenInvalid: {
      title: 'ตรวจสอบคำตอบจาก Google ไม่ผ่าน',
      detail: html`เพื่อความปลอดภัยจึงยังไม่เชื่อมบัญชีใด ๆ ลองใหม่โดยพิมพ์ ${LINK} ในแชต LINE`,
    },
    emailUnverified: {
      title: 'อีเมล Google นี้ยังไม่ได้ยืนยัน',
      detail: html`ยังไม่มีการเชื่อมบัญชีใด ๆ ยืนยันอีเมลกับ Google ก่อน แล้วพิมพ์ ${LINK} ในแชต LINE อีกครั้ง`,
    },
    otherGoogleLinked: {
      title: 'บัญชี Home Log นี้เชื่อมกับ Google บัญชีอื่นอยู่แล้ว',
      detail: html`ถ้าต้องการเปลี่ยน ให้พิมพ์ ${UNLINK} ในแชต LINE ก่อน แล้วค่อยเชื่อมใหม่`,
    },
    accountInactive: {
      title: 'บัญชี Home Log นี้ไม่ได้ใช้งานแล้ว',
      detail: html`ยังไม่มีการเชื่อมบัญชีใด ๆ เริ่มใหม่โดยพิมพ์ ${LINK} ในแชต LINE`,
    },
    moveInvalid: {
      title: 'การยืนยันนี้ใช้ไม่ได้แล้ว',
      detail: html`อาจใช้ไปแล้วหรือหมดเวลา ไม่มีอะไรเปลี่ยนแปลง เริ่มใหม่โดยพิมพ์ ${LINK} ในแชต LINE`,
    },
    moveStale: {
      title: 'มีการเปลี่ยนแปลงระหว่างนี้',
      detail: html`ไม่มีอะไรถูกย้าย เริ่มใหม่โดยพิมพ์ ${LINK} ในแชต LINE`,
    },
    noApprover: {
      title: 'ไม่มีบัญชี LINE ที่อนุญาตการย้ายนี้ได้',
      detail: 'บัญชี Home Log นั้นไม่มีบัญชี LINE อื่นที่จะกดอนุญาตได้ จึงไม่มีอะไรถูกย้าย',
    },
    forbidden: {
      title: 'คำขอนี้ไม่ได้มาจากหน้าของ Home Log',
      detail: html`เพื่อความปลอดภัยจึงไม่มีอะไรเปลี่ยนแปลง ถ้าคุณเป็นคนกดเอง ให้เริ่มใหม่โดยพิมพ์ ${LINK} ในแชต LINE`,
    },
    disabled: {
      title: 'การเชื่อมบัญชี Google ปิดอยู่',
      detail: 'Home Log นี้ไม่ได้เปิดใช้การเชื่อมบัญชี Google',
    },
    error: {
      title: 'เกิดข้อผิดพลาด',
      detail: 'ไม่มีอะไรเปลี่ยนแปลง โปรดลองใหม่ภายหลัง',
    },
  },
};

const EN: Texts = {
  someone: 'your account',
  meters: (n) => `${n} meter${n === 1 ? '' : 's'}`,
  start: {
    title: 'Link your Google account to Home Log',
    forAccount: (name) => html`For the Home Log account of <strong>${name}</strong>.`,
    learn:
      'Home Log will learn your Google email address and your Google account ID, so that if you ever change LINE accounts you can get your meters back.',
    notSee: 'Home Log will not see your Google password or your Gmail.',
    unlink: html`You can unlink any time: type ${UNLINK} in the LINE chat.`,
    once: 'This link works once and expires in 10 minutes.',
    button: 'Continue with Google',
  },
  alreadyLinked: {
    title: 'Already linked',
    body: (email) =>
      html`<strong>${email}</strong> was already linked to your Home Log account. Nothing changed.`,
  },
  recovery: {
    title: 'This Google account already has a Home Log account',
    belongs: (email, name, meters) =>
      html`<strong>${email}</strong> is linked to the Home Log account of <strong>${name}</strong>, which has ${meters}.`,
    question: (lineName) =>
      html`Do you want to move this LINE account (<strong>${lineName}</strong>) onto that account?`,
    effect: 'Afterwards this LINE account will see and record all of that account’s meters.',
    leftBehind: (meters) =>
      `The ${meters} this LINE account has now will stay with its old account and will no longer show in this chat.`,
    onlyIfYours: 'Only continue if both the Google account and this LINE account are yours.',
    approval:
      'Next, LINE confirms this LINE account; then a LINE account already on that Home Log account must allow the move in its chat before anything moves.',
    move: 'Move this LINE account',
    cancel: 'Cancel',
  },
  moveCancelled: {
    title: 'Nothing changed',
    body: 'This LINE account stays as it was. You can close this page and go back to LINE.',
  },
  googleSaid: (code) => html`Google said: <code>${code}</code>`,
  refusals: {
    linkUnknown: {
      title: 'This link is not valid',
      detail: html`Type ${LINK} in the LINE chat to get a new one.`,
    },
    linkUsed: {
      title: 'This link has already been used',
      detail: html`Each link works once. Type ${LINK} in the LINE chat to get a new one.`,
    },
    linkExpired: {
      title: 'This link has expired',
      detail: html`Links work for 10 minutes. Type ${LINK} in the LINE chat to get a new one.`,
    },
    sessionMissing: {
      title: 'We could not find your linking session',
      detail: html`This page may have been opened in another browser, or cookies are off. Nothing was linked. Start again: type ${LINK} in the LINE chat.`,
    },
    sessionExpired: {
      title: 'This linking session has expired or was already used',
      detail: html`Nothing was linked. Start again: type ${LINK} in the LINE chat.`,
    },
    cancelled: {
      title: 'You cancelled the Google sign-in',
      detail: html`Nothing was linked. To try again, type ${LINK} in the LINE chat.`,
    },
    googleError: {
      title: 'Google did not sign you in',
      detail: html`Nothing was linked. To try again, type ${LINK} in the LINE chat.`,
    },
    codeMissing: {
      title: 'Google did not send a sign-in code',
      detail: html`Nothing was linked. To try again, type ${LINK} in the LINE chat.`,
    },
    stateMismatch: {
      title: 'This answer does not belong to a sign-in started in this browser',
      detail: html`Nothing was linked, for your safety. Start again: type ${LINK} in the LINE chat.`,
    },
    exchangeFailed: {
      title: 'Google did not confirm the sign-in',
      detail: html`Nothing was linked. To try again, type ${LINK} in the LINE chat.`,
    },
    tokenInvalid: {
      title: 'We could not verify the answer from Google',
      detail: html`Nothing was linked, for your safety. To try again, type ${LINK} in the LINE chat.`,
    },
    emailUnverified: {
      title: 'This Google email address is not verified',
      detail: html`Nothing was linked. Verify it with Google first, then type ${LINK} in the LINE chat again.`,
    },
    otherGoogleLinked: {
      title: 'This Home Log account is already linked to another Google account',
      detail: html`To use a different one, first type ${UNLINK} in the LINE chat, then link again.`,
    },
    accountInactive: {
      title: 'This Home Log account is no longer active',
      detail: html`Nothing was linked. Start again: type ${LINK} in the LINE chat.`,
    },
    moveInvalid: {
      title: 'This confirmation is no longer valid',
      detail: html`It was already used or it expired. Nothing changed. Start again: type ${LINK} in the LINE chat.`,
    },
    moveStale: {
      title: 'Something changed in the meantime',
      detail: html`Nothing was moved. Start again: type ${LINK} in the LINE chat.`,
    },
    noApprover: {
      title: 'No LINE account can allow this move',
      detail: 'That Home Log account has no other LINE account to allow it, so nothing was moved.',
    },
    forbidden: {
      title: 'This request did not come from a Home Log page',
      detail: html`Nothing was changed, for your safety. If it was you, start again: type ${LINK} in the LINE chat.`,
    },
    disabled: {
      title: 'Google linking is switched off',
      detail: 'This Home Log does not offer Google account linking.',
    },
    error: {
      title: 'Something went wrong',
      detail: 'Nothing was changed. Please try again later.',
    },
  },
};

export const TEXTS: Record<Lang, Texts> = { th: TH, en: EN };

// ---------------------------------------------------------------------------------------------
// The pages

const paragraph = (text: Text, className?: string) =>
  className ? html`<p class="${className}">${text}</p>` : html`<p>${text}</p>`;

export function startPage(
  lang: Lang,
  input: { accountName: string; token: string; formToken: string },
): string {
  const t = TEXTS[lang];
  return page(
    lang,
    t.start.title,
    html`<h1>${t.start.title}</h1>
${paragraph(t.start.forAccount(input.accountName || t.someone))}
${paragraph(t.start.learn)}
${paragraph(t.start.notSee)}
${paragraph(t.start.unlink)}
<form method="post" action="/link/google/begin">
<input type="hidden" name="t" value="${input.token}">
<input type="hidden" name="form" value="${input.formToken}">
<button type="submit">${t.start.button}</button>
</form>
${paragraph(t.start.once, 'note')}`,
  );
}

/** A page that reports an outcome: a title and a few lines. */
export function messagePage(lang: Lang, title: string, lines: Text[]): string {
  return page(lang, title, html`<h1>${title}</h1>${lines.map((line) => paragraph(line))}`);
}

/**
 * A refusal, in the person's language, or in both when we do not know who they are (no valid
 * link or session to tell us).
 */
export function refusalPage(lang: Lang | null, reason: Refusal, googleCode?: string): string {
  const section = (l: Lang) => {
    const t = TEXTS[l];
    const { title, detail } = t.refusals[reason];
    return html`<section lang="${l}"><h1>${title}</h1>${paragraph(detail)}${
      googleCode ? paragraph(t.googleSaid(googleCode), 'note') : null
    }</section>`;
  };
  if (lang) return page(lang, TEXTS[lang].refusals[reason].title, section(lang));
  return page(
    'th',
    `${TH.refusals[reason].title} / ${EN.refusals[reason].title}`,
    html`${section('th')}${section('en')}`,
  );
}

export interface RecoveryView {
  email: string;
  targetName: string;
  targetMeters: number;
  lineName: string;
  ownMeters: number;
  csrf: string;
}

/** The Google account belongs to another Home Log account: offer to move this LINE account. */
export function recoveryPage(lang: Lang, view: RecoveryView): string {
  const t = TEXTS[lang];
  const r = t.recovery;
  return page(
    lang,
    r.title,
    html`<h1>${r.title}</h1>
${paragraph(r.belongs(view.email, view.targetName || t.someone, t.meters(view.targetMeters)))}
${paragraph(r.question(view.lineName || t.someone))}
${paragraph(r.effect)}
${view.ownMeters > 0 ? paragraph(r.leftBehind(t.meters(view.ownMeters))) : null}
${paragraph(r.approval)}
${paragraph(r.onlyIfYours, 'note')}
<form method="post" action="/link/google/move">
<input type="hidden" name="csrf" value="${view.csrf}">
<button type="submit" name="choice" value="move">${r.move}</button>
<button type="submit" name="choice" value="cancel" class="secondary">${r.cancel}</button>
</form>`,
  );
}

// Account commands that take the whole message: `remove line #2` (the number `whoami` shows),
// `delete my data` / `ลบข้อมูลของฉัน`, and the word that confirms it (`DELETE 4821` / `ลบ 4821`).

import type { Command } from '../commands';

const REMOVE_LINE = /^(?:remove|ลบ) ?(?:line|ไลน์) ?#? ?(\d{1,3})[.!]?$/i;

export function parseRemoveLine(s: string): Command | null {
  const match = REMOVE_LINE.exec(s);
  const position = Number(match?.[1]);
  return match && position >= 1 ? { type: 'removeLine', position } : null;
}

const DELETE_MY_DATA =
  /^(?:(?:delete|erase) (?:all (?:of )?)?my data|ลบ ?ข้อมูล(?: ?ทั้งหมด)? ?(?:ของ ?ฉัน|ของ ?ผม|ของ ?หนู))[.!]?$/i;

/** The confirmation word: the English or Thai verb and the four digits the bot showed. */
const ERASURE_WORD = /^(?:delete|ลบ) ?(\d{4})[.!]?$/i;

export function parseErasure(s: string): Command | null {
  if (DELETE_MY_DATA.test(s)) return { type: 'deleteMyData' };
  const word = ERASURE_WORD.exec(s);
  return word?.[1] ? { type: 'erasureWord', code: word[1] } : null;
}

// Account commands that take the whole message: `remove line #2` (the number `whoami` shows).

import type { Command } from '../commands';

const REMOVE_LINE = /^(?:remove|ลบ) ?(?:line|ไลน์) ?#? ?(\d{1,3})[.!]?$/i;

export function parseRemoveLine(s: string): Command | null {
  const match = REMOVE_LINE.exec(s);
  const position = Number(match?.[1]);
  return match && position >= 1 ? { type: 'removeLine', position } : null;
}

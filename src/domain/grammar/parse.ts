// The entry point: text -> Command.
//
// Pure: no clock, no I/O, never throws. The pipeline is
//   normalizeText -> exact one-word commands -> keyword commands -> reading forms,
// on top of a small tokenizer. Each command family has its own function.
// Messages that do not start like a command are null (group chatter); messages that
// do but cannot be read become `malformed`, so the bot can say how to write them.

import { type Command, LIMITS } from '../commands';
import { parseErasure, parseRemoveLine } from './accounts';
import { parseFamily } from './keyword-commands';
import { matchFamily, NULLARY, nullaryKey } from './keywords';
import { normalizeText, tokenize } from './lexer';
import { parseMoneyCommand } from './money';
import { parseReading } from './readings';

/**
 * What a chat message asks for, or null for ordinary chatter. Pure, total, never throws;
 * a message longer than LIMITS.messageLength is not read (malformed 'tooLong').
 */
export function parseMessage(text: string): Command | null {
  if (typeof text !== 'string') return null;
  if (text.length > LIMITS.messageLength) {
    return { type: 'malformed', topic: 'tooLong', problem: 'tooLong' };
  }
  const s = normalizeText(text);
  if (s === '') return null;
  const nullary = NULLARY.get(nullaryKey(s));
  if (nullary) return { type: nullary };
  const removeLine = parseRemoveLine(s);
  if (removeLine) return removeLine;
  const erasure = parseErasure(s);
  if (erasure) return erasure;
  const toks = tokenize(s);
  // Money commands first: `set meter 1 vat 7` is a price, not a validator setting.
  const money = parseMoneyCommand(s, toks);
  if (money) return money;
  const family = matchFamily(s, toks);
  if (family) return parseFamily(family, s);
  return parseReading(s, toks);
}

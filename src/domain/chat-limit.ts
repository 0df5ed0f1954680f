/**
 * The per-person limit in chat, as pure rules: a person may send `limit` messages and button
 * taps in each clock minute (by LINE's timestamp of each event); the rest of that minute's are
 * not processed, and what they said is told back to them once the minute is over.
 */
import type { Command } from './commands';

export const LIMIT_WINDOW_MS = 60_000;

/** The clock minute an event's timestamp falls in. */
export function limitWindow(timestamp: number): { start: Date; end: Date } {
  const start = Math.floor(timestamp / LIMIT_WINDOW_MS) * LIMIT_WINDOW_MS;
  return { start: new Date(start), end: new Date(start + LIMIT_WINDOW_MS) };
}

/** Commands that only show something: asking again later loses nothing. */
const READ_ONLY: ReadonlySet<Command['type']> = new Set<Command['type']>([
  'listMeters',
  'history',
  'usage',
  'chart',
  'access',
  'audit',
  'listArchived',
  'linkGoogle',
  'whoami',
  'help',
  'bill',
]);

/**
 * Whether a message not processed is listed back word for word: everything that would have
 * changed something (a reading above all), so that nothing written is lost unseen. Questions,
 * chatter, stickers and taps are only counted.
 */
export function worthListing(command: Command | null): boolean {
  if (command === null) return false;
  // "meter 1 = 45 21" was meant to record something too.
  if (command.type === 'malformed') {
    return command.topic !== 'tooLong' && !READ_ONLY.has(command.topic);
  }
  return !READ_ONLY.has(command.type);
}

/** A listed message is shown at most this long (one line, enough for any command). */
export const LISTED_CHARS = 200;
/** At most this many are listed in one notice; any more are counted. */
export const LISTED_MAX = 40;

/** The line a listed message is shown as: its text on one line, cut to LISTED_CHARS. */
export function listedLine(text: string): string {
  const line = text.replace(/\s+/g, ' ').trim();
  return line.length > LISTED_CHARS ? `${line.slice(0, LISTED_CHARS - 1)}…` : line;
}

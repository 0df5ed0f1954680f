import { type Actor, withActor } from '../db/actor';
import type { Deps } from '../deps';
import { QUOTA_ZONE, quotaMonth, quotaResetsAt } from '../domain/billing/quota';
import { formatDay } from '../domain/format';
import type { Language } from '../domain/types';
import type { Chat } from '../store/meters';
import { claimPausedNote, pausedNoteOwed } from '../store/quota-notices';
import type { User } from '../store/users';
import { type RecordedReply, recordReplyIn } from '../store/webhook-events';
import type { PausedNoteOwed } from './identify';
import { catalogs, noticeCatalogs } from './messages';
import { text } from './reply';

/** LINE takes at most five messages in one reply. */
const MAX_MESSAGES = 5;

/**
 * When LINE's monthly quota stopped a reminder or alert, the person it concerned is owed a note
 * (store/quota-notices.ts). A push cannot carry it (the quota is gone), but a reply costs
 * nothing: the next answer the person gets in their one-to-one chat, where reminders arrive and
 * meters have their personal numbers, carries it as one more message, once per quota month.
 *
 * The claim and the answer with the note are recorded in one transaction, so a replay of the
 * event re-sends exactly that answer and no other event says it again. Returns the answer with
 * the note (already recorded), or null when no note is owed here.
 */
export async function withQuotaNote(
  deps: Deps,
  input: {
    eventId: string;
    chat: Chat | null;
    user: User | null;
    language: Language;
    actor: Actor;
    /** Whether it is owed, when the sender's lookup told already (null or absent: ask). */
    owed?: PausedNoteOwed | null;
  },
  answer: RecordedReply,
): Promise<RecordedReply | null> {
  const { user, chat, eventId, language } = input;
  if (!user || chat?.type !== 'user' || answer.messages.length >= MAX_MESSAGES) return null;
  const now = deps.clock();
  const note = { userId: user.id, month: quotaMonth(now), eventId };
  // Told by the sender's lookup for this month (a new month since then: ask again).
  const known = input.owed?.month === note.month ? input.owed.owed : null;
  if (known === false) return null;
  if (known === null && !(await pausedNoteOwed(deps.database, note))) return null;
  return withActor(deps.database.db, input.actor, async ({ tx }) => {
    const meters = await claimPausedNote(tx, note);
    if (!meters) return null;
    const t = catalogs[language];
    const until = formatDay(quotaResetsAt(now), language, QUOTA_ZONE, now);
    const noted: RecordedReply = {
      to: answer.to,
      messages: [
        ...answer.messages,
        text(
          noticeCatalogs[language].quotaPaused(
            meters.map((m) => t.meterLabel(m.number, m.name)),
            until,
          ),
        ),
      ],
    };
    await recordReplyIn(tx, eventId, noted);
    return noted;
  });
}

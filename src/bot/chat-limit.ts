import { withActor } from '../db/actor';
import type { Deps } from '../deps';
import { LISTED_MAX, limitWindow, listedLine, worthListing } from '../domain/chat-limit';
import { messageLanguage, parseMessage } from '../domain/grammar';
import { replyTokenOf, senderOf, textMessageOf } from '../line/events';
import { addToNotice, dueNotices, senderHasWaiting, takeNotice } from '../store/chat-limits';
import { findUserByLineId } from '../store/users';
import { type ClaimedEvent, markApplied } from '../store/webhook-events';
import { REPLY_TOKEN_FRESH_MS } from './context';
import { noticeCatalogs } from './messages';
import { text } from './reply';

/**
 * The per-person limit in chat. A person may send `chatEventsPerMinute` messages and button taps
 * in each clock minute (by LINE's timestamp); the rest of that minute's are not processed: no
 * handler runs, nothing is stored, nobody waits behind them. Each is added to the person's
 * notice for that minute instead, which lists word for word what would have changed something
 * (readings above all) and counts the rest; once the minute is over the notice is told, once,
 * in the chat of the last one, and deleted.
 *
 * The count is taken in the inbox (webhook_events, by sender and time), so it holds across
 * instances and gives a replayed event the same answer; an event not processed is marked applied
 * in the transaction that adds it to the notice, so a replay never adds it twice. Events keep
 * their per-chat order: one over the limit is simply finished at its turn.
 */
export async function skipOverLimit(deps: Deps, claimed: ClaimedEvent): Promise<boolean> {
  const { event } = claimed;
  const senderId = senderOf(event);
  if (!senderId || typeof event.timestamp !== 'number') return false;
  const limit = deps.config.chatEventsPerMinute;
  // Counted by the claim, in the same statement.
  if (claimed.senderEarlier < limit) return false;
  const window = limitWindow(event.timestamp);

  const message = textMessageOf(event);
  const said = message?.text ?? null;
  const listed = said !== null && worthListing(parseMessage(said)) ? listedLine(said) : null;
  await withActor(deps.database.db, { userId: null }, async ({ tx }) => {
    // Another attempt of this event already added it: nothing more to do.
    if (!(await markApplied(tx, claimed.webhookEventId, null))) return;
    await addToNotice(tx, {
      senderId,
      windowStart: window.start,
      windowEnd: window.end,
      chatId: claimed.chatId,
      eventId: claimed.webhookEventId,
      replyToken: replyTokenOf(event),
      receivedAt: claimed.receivedAt,
      language: said === null ? null : messageLanguage(said),
      listed,
    });
  });
  deps.logger
    .child({ component: 'chat-limit' })
    .info({ eventId: claimed.webhookEventId, limit }, 'over the per-person limit: not processed');

  // A backlog (events processed after their minute): the last of the minute tells at once,
  // with its own reply token. Otherwise the sweeper tells when the minute is over.
  if (
    deps.clock() >= window.end &&
    !(await senderHasWaiting(deps.database, {
      senderId,
      windowStart: window.start,
      windowEnd: window.end,
    }))
  ) {
    await tellDueNotices(deps, senderId);
  }
  return true;
}

/**
 * Tells every notice whose minute is over (of one sender, if given): a reply while the last
 * event's reply token is fresh, else a push to that chat with a retry key from that event.
 * Returns how many were told. Run by the processor's sweeper and at recovery (the Workers cron).
 */
export async function tellDueNotices(deps: Deps, senderId: string | null = null): Promise<number> {
  const log = deps.logger.child({ component: 'chat-limit' });
  const now = deps.clock();
  const limit = deps.config.chatEventsPerMinute;
  const keys = await withActor(deps.database.db, { userId: null }, ({ tx }) =>
    dueNotices(tx, now, senderId),
  );
  let told = 0;
  for (const key of keys) {
    try {
      const sent = await withActor(deps.database.db, { userId: null }, async ({ tx }) => {
        const notice = await takeNotice(tx, key);
        if (!notice) return false; // another instance told it
        const person = await findUserByLineId(tx, notice.senderId);
        const language = notice.language ?? person?.language ?? 'th';
        const listed = (notice.listed as string[]).map(String);
        const inGroup = notice.chatId !== notice.senderId;
        const messages = [
          text(
            noticeCatalogs[language].notProcessed({
              name: inGroup ? person?.displayName || null : null,
              sent: limit + notice.skipped,
              limit,
              skipped: notice.skipped,
              listed: listed.slice(0, LISTED_MAX),
              others: notice.others + Math.max(0, listed.length - LISTED_MAX),
            }),
          ),
        ];
        const fresh =
          notice.replyToken !== null &&
          now.getTime() - notice.receivedAt.getTime() < REPLY_TOKEN_FRESH_MS;
        if (fresh && (await deps.line.reply(notice.replyToken!, messages))) return true;
        if (await deps.line.push(notice.chatId, messages, `limit:${notice.eventId}`)) return true;
        // LINE refuses to deliver (the bot was blocked, the month's quota is used up): keep
        // the record of it in the log, for nothing else can reach the person now.
        log.warn(
          { skipped: notice.skipped, listed: listed.length },
          'could not tell a person what was not processed',
        );
        return false;
      });
      if (sent) told++;
    } catch (error) {
      log.error({ err: error }, 'could not tell what was not processed; retried later');
    }
  }
  return told;
}

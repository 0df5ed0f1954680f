import { withActor } from '../db/actor';
import type { Deps } from '../deps';
import type { Command } from '../domain/commands';
import { messageLanguage, parseMessage } from '../domain/grammar';
import type { Language } from '../domain/types';
import {
  eventSource,
  isStandby,
  postbackDataOf,
  replyTokenOf,
  textMessageOf,
} from '../line/events';
import { rememberMember } from '../store/groups';
import { type User, updateProfile } from '../store/users';
import { type ClaimedEvent, findRecordedReply } from '../store/webhook-events';
import { skipOverLimit, tellDueNotices } from './chat-limit';
import { Composer } from './composer';
import {
  type BotContext,
  createContext,
  deliverReply,
  EventAlreadyApplied,
  REPLY_TOKEN_FRESH_MS,
} from './context';
import { accountLink } from './features/account-link';
import { archive } from './features/archive';
import { auditTrail } from './features/audit';
import { bills } from './features/bills';
import { chatFilter } from './features/chat-filter';
import { corrections } from './features/corrections';
import { erasure } from './features/erasure';
import { fallback } from './features/fallback';
import { google } from './features/google';
import { help } from './features/help';
import { history } from './features/history';
import { lifecycle } from './features/lifecycle';
import { meters } from './features/meters';
import { photos } from './features/photos';
import { readings } from './features/readings';
import { reminders } from './features/reminders';
import { settings } from './features/settings';
import { sharing } from './features/sharing';
import { tariffs } from './features/tariffs';
import { importFiles, transfers } from './features/transfers';
import { usage } from './features/usage';
import { values } from './features/values';
import { chatOf, identify } from './identify';
import { catalogs } from './messages';
import { createProcessor, type Processor } from './processor';
import { text } from './reply';

export interface Bot {
  processor: Processor;
  /** Handles one recorded event (the processor calls it; tests may too). */
  handle(claimed: ClaimedEvent): Promise<void>;
}

/** Every feature, in the order they are asked; the catch-all comes last. */
export function defaultFeatures(): Composer {
  return new Composer()
    .use(lifecycle)
    .use(importFiles)
    .use(chatFilter)
    .use(help)
    .use(meters)
    .use(readings)
    .use(history)
    .use(photos)
    .use(usage)
    .use(corrections)
    .use(values)
    .use(settings)
    .use(sharing)
    .use(auditTrail)
    .use(archive)
    .use(transfers)
    .use(google)
    .use(tariffs)
    .use(bills)
    .use(reminders)
    .use(accountLink)
    .use(erasure)
    .use(fallback);
}

/**
 * The bot: turns a recorded webhook event into a context (who, which chat, what they asked, in
 * which language) and lets the first matching feature answer it.
 */
export function createBot(deps: Deps, features: Composer = defaultFeatures()): Bot {
  const log = deps.logger.child({ component: 'bot' });

  async function handle(claimed: ClaimedEvent): Promise<void> {
    // A replay of an event whose writes were committed: send the recorded answer (if it was
    // recorded), never run a handler again. Every data-changing handler is covered, because the
    // mark is made by ctx.transaction itself.
    if (claimed.appliedAt) {
      log.info(
        { eventId: claimed.webhookEventId },
        'replayed event: re-sending the recorded reply',
      );
      await resend(claimed);
      return;
    }
    // Over the person's limit for this minute: not processed, told back once the minute is over.
    if (await skipOverLimit(deps, claimed)) return;
    let ctx: BotContext;
    try {
      ctx = await contextFor(deps, claimed);
    } catch (error) {
      // Not even who is speaking could be worked out: apologise in both languages.
      await apologiseWithoutContext(deps, claimed).catch(() => undefined);
      throw error;
    }
    try {
      await features.handle(ctx);
    } catch (error) {
      if (error instanceof EventAlreadyApplied) {
        // Another attempt committed first (this one's writes were rolled back).
        log.warn({ eventId: claimed.webhookEventId }, 'event was applied by another attempt');
        if (!ctx.replied) await resend(claimed, await recordedReply(claimed.webhookEventId));
        return;
      }
      log.error(
        { err: error, eventId: claimed.webhookEventId, type: ctx.event.type },
        'handler failed',
      );
      // Whatever failed was rolled back; tell the person instead of going quiet.
      if (!ctx.replied && (ctx.command || ctx.postbackData)) {
        await ctx.reply(text(ctx.t.sorry)).catch(() => undefined);
      }
      throw error;
    }
  }

  async function resend(claimed: ClaimedEvent, reply = claimed.reply): Promise<void> {
    if (!reply || isStandby(claimed.event)) return;
    await deliverReply(
      deps,
      { event: claimed.event, eventId: claimed.webhookEventId, receivedAt: claimed.receivedAt },
      reply,
    );
  }

  const recordedReply = (eventId: string) => findRecordedReply(deps.database, eventId);

  return {
    processor: createProcessor(deps, handle, {
      // Notices of what was not processed are told once their minute is over.
      onSweep: () => tellDueNotices(deps),
    }),
    handle,
  };
}

async function apologiseWithoutContext(deps: Deps, claimed: ClaimedEvent): Promise<void> {
  const { event } = claimed;
  const replyToken = replyTokenOf(event);
  const fresh = deps.clock().getTime() - claimed.receivedAt.getTime() < REPLY_TOKEN_FRESH_MS;
  if (!replyToken || !fresh || (event.type !== 'message' && event.type !== 'postback')) return;
  if (eventSource(event)?.type !== 'user' && event.type === 'message') return; // groups: no noise
  await deps.line.reply(replyToken, [text(`${catalogs.th.sorry}\n\n${catalogs.en.sorry}`)]);
}

async function contextFor(deps: Deps, claimed: ClaimedEvent): Promise<BotContext> {
  const event = claimed.event;
  // Unfollow and leave carry no reply token and must not create anyone.
  const create = event.type !== 'unfollow' && event.type !== 'leave';
  const sender = await identify(deps, event, {
    create,
    eventId: claimed.webhookEventId,
    ...(claimed.sender ? { claimed: claimed.sender } : {}),
  });
  const user = sender?.user ?? null;
  const chat = chatOf(event, user);
  if (user && chat && chat.type !== 'user') {
    // Someone who writes in a group is in it: its meters reach their own chat too.
    const groupId = chat.lineId;
    await withActor(deps.database.db, { userId: user.id, chatId: groupId }, ({ tx }) =>
      rememberMember(tx, groupId, user.id),
    );
  }

  let messageText: string | null = null;
  let mentionsBot = false;
  const message = textMessageOf(event);
  if (message) {
    const selfMentions = message.mentionees.filter((m) => m.isSelf);
    mentionsBot = selfMentions.length > 0;
    messageText = withoutMentions(message.text, selfMentions);
  }
  const postbackData = postbackDataOf(event);
  const command = messageText === null ? null : parseMessage(messageText);
  const language = await personLanguage(deps, user, messageText, command);

  return createContext({
    deps,
    event,
    eventId: claimed.webhookEventId,
    receivedAt: claimed.receivedAt,
    chat,
    lineUserId: eventSource(event)?.userId ?? null,
    user,
    pausedNoteOwed: sender?.pausedNoteOwed ?? null,
    language,
    text: messageText,
    command,
    postbackData,
    mentionsBot,
  });
}

/**
 * The language to answer in: the message's when it has words of one language, else the one the
 * person spoke last. A command in a language is remembered, so that a later `m1 1805`, a button
 * tap or a linking page keeps speaking it.
 */
async function personLanguage(
  deps: Deps,
  user: User | null,
  messageText: string | null,
  command: Command | null,
): Promise<Language> {
  const spoken = messageText === null ? null : messageLanguage(messageText);
  if (user && spoken && command && spoken !== user.language) {
    await withActor(deps.database.db, { userId: null }, ({ tx }) =>
      updateProfile(tx, user.id, { language: spoken }),
    );
    user.language = spoken;
  }
  return spoken ?? user?.language ?? 'th';
}

/** "@Home Log meter 1 = 4521" → "meter 1 = 4521": the bot's own mention is not part of the command. */
function withoutMentions(text: string, mentions: { index: number; length: number }[]): string {
  let result = text;
  for (const mention of [...mentions].sort((a, b) => b.index - a.index)) {
    result = result.slice(0, mention.index) + result.slice(mention.index + mention.length);
  }
  return result.trim();
}

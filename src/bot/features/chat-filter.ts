import type { CommandType } from '../../domain/commands';
import { Composer } from '../composer';
import type { BotContext } from '../context';
import { text } from '../reply';

/** Commands that change data or belong to a person: they need to know who is speaking. */
const NEEDS_USER = new Set<CommandType>([
  'reading',
  'addMeter',
  'undo',
  'fix',
  'delete',
  'setMeter',
  'replaceMeter',
  'share',
  'unshare',
  'audit',
  'archive',
  'unarchive',
  'listArchived',
  'linkGoogle',
  'unlinkGoogle',
  'whoami',
  'removeLine',
]);

const inGroup = (ctx: BotContext) => ctx.chat !== null && ctx.chat.type !== 'user';
const isMessage = (ctx: BotContext) => ctx.event.type === 'message';

/**
 * In a group the bot answers only what is written for it: grammar or a mention, never
 * chatter like "I paid 500". And it cannot record anything for someone LINE did not name.
 */
export const chatFilter = new Composer()
  // Ordinary chatter, non-text messages, and overlong messages nobody wrote for the bot.
  .on(
    (ctx) =>
      inGroup(ctx) &&
      isMessage(ctx) &&
      !ctx.mentionsBot &&
      (ctx.command === null ||
        (ctx.command.type === 'malformed' && ctx.command.topic === 'tooLong')),
    async () => {},
  )
  // A bare number is a reading only in a one-to-one chat.
  .on(
    (ctx) =>
      inGroup(ctx) && ctx.command?.type === 'reading' && !ctx.command.meter && !ctx.mentionsBot,
    async () => {},
  )
  .on(
    (ctx) =>
      ctx.user === null &&
      ((ctx.command !== null && NEEDS_USER.has(ctx.command.type)) || ctx.postbackData !== null),
    async (ctx) => {
      await ctx.reply(text(ctx.t.noUserId));
    },
  );

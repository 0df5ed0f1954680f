import { Composer } from '../composer';
import type { BotContext } from '../context';
import { text } from '../reply';

const inGroup = (ctx: BotContext) => ctx.chat !== null && ctx.chat.type !== 'user';
const isMessage = (ctx: BotContext) => ctx.event.type === 'message';

/**
 * In a group the bot answers only what is written for it: grammar or a mention, never
 * chatter like "I paid 500".
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
  // A button tapped by someone LINE does not name. Commands that act for a person say the same
  // through Composer.userCommand, whose handlers get a context with a known user and chat.
  .on(
    (ctx) => ctx.user === null && ctx.postbackData !== null,
    async (ctx) => {
      await ctx.reply(text(ctx.t.noUserId));
    },
  );

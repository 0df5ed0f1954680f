import { findMeter, listChatMeters } from '../../store/meters';
import { Composer } from '../composer';
import { quickMessage, text } from '../reply';

/** The catch-all, last: explain malformed commands; in a one-to-one chat, never go silent. */
export const fallback = new Composer()
  .command('malformed', async (ctx, command) => {
    const chat = ctx.chat;
    if (chat && chat.type !== 'user' && !ctx.mentionsBot && command.meter?.by === 'name') {
      // "total = 500 baht" in a family chat: only a real meter's name makes it a command.
      const meters = await ctx.transaction(({ tx }) =>
        listChatMeters(tx, chat, ctx.user?.id ?? null),
      );
      if (!('found' in findMeter(meters, command.meter))) return;
    }
    await ctx.reply(text(ctx.t.malformed(command.topic, command.problem)));
  })
  .on(
    (ctx) => ctx.event.type === 'message' && ctx.chat?.type === 'user',
    async (ctx) => {
      const { t } = ctx;
      await ctx.reply(
        text(ctx.text === null ? t.onlyText : t.notUnderstood, [
          quickMessage(t.button.help, t.say.help),
        ]),
      );
    },
  )
  // Everything else (unsend, member events, event types LINE adds later) needs no answer.
  .on(
    () => true,
    async () => {},
  );

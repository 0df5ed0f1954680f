import { Composer } from '../composer';
import type { BotContext } from '../context';
import { quickMessage, text } from '../reply';

async function sendHelp(ctx: BotContext): Promise<void> {
  const { t } = ctx;
  const inGroup = ctx.chat !== null && ctx.chat.type !== 'user';
  await ctx.reply(
    text(t.help(inGroup), [
      quickMessage(t.button.meters, t.say.meters),
      ...(inGroup ? [] : [quickMessage(t.button.addMeter, t.say.addMeterExample)]),
      // The label of each is itself a command, so typing it works as well as tapping it.
      quickMessage(t.button.usage, t.button.usage),
      quickMessage(t.button.history, t.button.history),
      quickMessage(t.button.undo, t.say.undo),
    ]),
  );
}

/** `help`, and a bare @-mention of the bot in a group. */
export const help = new Composer()
  .command('help', sendHelp)
  .on((ctx) => ctx.event.type === 'message' && ctx.mentionsBot && ctx.command === null, sendHelp);

import {
  answerErasureTap,
  answerErasureWord,
  ERASURE_REQUEST_MINUTES,
  erasurePlan,
  requestErasure,
} from '../../accounts/erasure';
import { Composer, type SpeakerContext } from '../composer';
import { erasureCatalogs, groupNotice } from '../erasure-messages';
import { buttons, postbackAction, text } from '../reply';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * `delete my data` (one-to-one chat only): lists what goes and what stays and offers a button;
 * the tap shows a word (`DELETE 4821`), and typing it erases everything. A wrong word cancels.
 */
export const erasure = new Composer()
  .userCommand('deleteMyData', async (ctx) => {
    const e = erasureCatalogs[ctx.language];
    if (ctx.chat.type !== 'user') {
      await ctx.reply(text(e.onlyPrivate));
      return;
    }
    const now = ctx.deps.clock();
    const messages = await ctx.transaction(async ({ tx }) => {
      const plan = await erasurePlan(tx, ctx.user.id);
      const request = await requestErasure(tx, ctx.user.id, now);
      const view = {
        lineAccounts: plan.lineAccounts,
        googleEmails: plan.googleEmails,
        removed: plan.removed.map((m) => ({
          name: m.name,
          readings: m.readings,
          groups: m.groupChats.length,
        })),
        passed: plan.passed.map((m) => ({ name: m.name, heir: m.heir.name })),
        grants: plan.grants,
        readingsElsewhere: plan.readingsElsewhere,
      };
      const data = `erase:${request.id}`;
      return [
        text(e.plan(view, ERASURE_REQUEST_MINUTES)),
        buttons(e.ask, e.ask, [
          postbackAction(e.confirmButton, `${data}:yes`, e.confirmButton),
          postbackAction(e.cancelButton, `${data}:no`, e.cancelButton),
        ]),
      ];
    });
    await ctx.reply(...messages);
  })
  .postback('erase', async (ctx, [requestId = '', answer = '']) => {
    const e = erasureCatalogs[ctx.language];
    if (!UUID.test(requestId)) {
      await ctx.reply(text(e.staleButton));
      return;
    }
    const now = ctx.deps.clock();
    const outcome = await ctx.transaction(({ tx }) =>
      answerErasureTap(tx, ctx.user.id, { requestId, yes: answer === 'yes', now }),
    );
    switch (outcome.kind) {
      case 'tapped':
        await ctx.reply(text(e.typeWord(e.word(outcome.code), outcome.minutesLeft)));
        return;
      case 'cancelled':
        await ctx.reply(text(e.cancelled));
        return;
      case 'expired':
        await ctx.reply(text(e.expired));
        return;
      case 'unknown':
        await ctx.reply(text(e.staleButton));
        return;
    }
  })
  .userCommand('erasureWord', async (ctx, { code }) => {
    const e = erasureCatalogs[ctx.language];
    if (ctx.chat.type !== 'user') {
      await ctx.reply(text(e.onlyPrivate));
      return;
    }
    const now = ctx.deps.clock();
    const userId = ctx.user.id;
    const outcome = await ctx.transaction((context) =>
      answerErasureWord(context, userId, { code, now, keepEvent: ctx.eventId }),
    );
    if (outcome.kind !== 'erased') {
      await ctx.reply(text(e[outcome.kind]));
      return;
    }
    const { erased } = outcome;
    await tellGroups(ctx, erased.notices);
    await ctx.reply(text(e.done(erased.removed.length, erased.passed.length)));
  });

/**
 * Each group a removed meter was shared into is told at once, by push (the group may not speak
 * again for weeks). The retry key makes a repeated push of the same notice a no-op at LINE.
 */
async function tellGroups(
  ctx: SpeakerContext,
  notices: { chatId: string; name: string; number: number | null }[],
): Promise<void> {
  const log = ctx.deps.logger.child({ component: 'erasure' });
  for (const notice of notices) {
    try {
      const sent = await ctx.deps.line.push(
        notice.chatId,
        [text(groupNotice(notice.number, notice.name))],
        `erase:${ctx.eventId}:${notice.chatId}`,
      );
      if (!sent) log.warn({ eventId: ctx.eventId }, 'a group was not told of a removed meter');
    } catch (error) {
      log.warn({ err: error, eventId: ctx.eventId }, 'a group was not told of a removed meter');
    }
  }
}

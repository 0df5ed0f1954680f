import { leftMembersOf } from '../../line/events';
import { forgetMembers } from '../../store/groups';
import { listChatMeters } from '../../store/meters';
import { findUserByLineId, updateProfile } from '../../store/users';
import { Composer } from '../composer';
import { catalogs } from '../messages';
import { quickMessage, text } from '../reply';

/**
 * Follow, unfollow and join: greet, and keep (never delete) the data of people who leave. A member
 * who leaves a group no longer reaches its meters from their own chat.
 */
export const lifecycle = new Composer()
  .event('follow', async (ctx) => {
    if (!ctx.user) return;
    const { t } = ctx;
    const chat = ctx.chat;
    // Someone who comes back (a new follow after blocking) is greeted with their meters.
    const own = chat
      ? await ctx.transaction(({ tx }) => listChatMeters(tx, chat, ctx.user?.id ?? null))
      : [];
    if (own.length > 0) {
      await ctx.reply(
        text(
          t.welcomeBack(
            ctx.user.displayName,
            own.map((meter) => `${meter.number}. ${meter.source.name}`),
          ),
          [
            ...own
              .slice(0, 10)
              .map((meter) =>
                quickMessage(`${meter.number}. ${meter.source.name}`, t.say.history(meter.number)),
              ),
            quickMessage(t.button.help, t.say.help),
          ],
        ),
      );
      return;
    }
    await ctx.reply(
      text(t.greeting(ctx.user.displayName), [
        quickMessage(t.button.addMeter, t.say.addMeterExample),
        quickMessage(t.button.meters, t.say.meters),
        quickMessage(t.button.help, t.say.help),
      ]),
    );
  })
  .event('unfollow', async (ctx) => {
    const user = ctx.user;
    if (!user) return;
    // Blocking the bot keeps every reading: they are back as they were after a new follow.
    await ctx.transaction(async ({ tx, audit }) => {
      await updateProfile(tx, user.id, { active: false });
      audit({ action: 'user.unfollow', subjectType: 'user', subjectId: user.id });
    });
  })
  .event('memberLeft', async (ctx) => {
    const chat = ctx.chat;
    if (!chat || chat.type === 'user') return;
    await ctx.transaction(async ({ tx }) => {
      const users = [];
      for (const lineUserId of leftMembersOf(ctx.event)) {
        const user = await findUserByLineId(tx, lineUserId);
        if (user) users.push(user.id);
      }
      await forgetMembers(tx, chat.lineId, users);
    });
  })
  .event('join', async (ctx) => {
    // Nobody speaks in a join event, so the group is greeted in both languages.
    await ctx.reply(
      text(`${catalogs.th.groupGreeting}\n\n${catalogs.en.groupGreeting}`, [
        quickMessage(catalogs.th.button.help, catalogs.th.say.help),
        quickMessage(catalogs.en.button.help, catalogs.en.say.help),
      ]),
    );
  });

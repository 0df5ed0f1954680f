import { deleteAlert, deleteReminder, saveAlert, saveReminder } from '../../store/billing';
import { Composer } from '../composer';
import { withUnit } from '../format';
import { moneyCatalogs } from '../messages';
import { labelOf, resolveMeter } from '../meter-access';
import { text } from '../reply';
import { notCountingAnswer } from './values';

/** `remind meter 1 day 25 09:00` / `remind off meter 1`, `alert meter 1 over 400` / `alert off`. */
export const reminders = new Composer()
  .userCommand('remind', async (ctx, command) => {
    const money = moneyCatalogs[ctx.language];
    const messages = await ctx.transaction(async ({ tx, audit }) => {
      const resolved = await resolveMeter(ctx, tx, command.meter, 'read');
      if ('answer' in resolved) return resolved.answer;
      const { meter } = resolved;
      const userId = ctx.user.id;
      const label = labelOf(ctx, meter);
      const subject = {
        subjectType: 'source',
        subjectId: meter.source.id,
        sourceId: meter.source.id,
      };
      if (!command.schedule) {
        const had = await deleteReminder(tx, userId, meter.source.id);
        if (had) audit({ action: 'reminder.off', ...subject });
        return [text(money.reminderOff(label, had))];
      }
      await saveReminder(tx, { userId, sourceId: meter.source.id, ...command.schedule });
      audit({ action: 'reminder.set', ...subject, after: command.schedule });
      return [text(money.reminderSaved(label, command.schedule.day, command.schedule.time))];
    });
    if (messages) await ctx.reply(...messages);
  })
  .userCommand('alert', async (ctx, command) => {
    const money = moneyCatalogs[ctx.language];
    const messages = await ctx.transaction(async ({ tx, audit }) => {
      const resolved = await resolveMeter(ctx, tx, command.meter, 'read');
      if ('answer' in resolved) return resolved.answer;
      const { meter } = resolved;
      const notCounting = notCountingAnswer(ctx, meter);
      if (notCounting) return notCounting;
      const userId = ctx.user.id;
      const label = labelOf(ctx, meter);
      const subject = {
        subjectType: 'source',
        subjectId: meter.source.id,
        sourceId: meter.source.id,
      };
      if (command.off) {
        const had = await deleteAlert(tx, userId, meter.source.id);
        if (had) audit({ action: 'alert.off', ...subject });
        return [text(money.alertOff(label, had))];
      }
      const threshold = command.over ?? null;
      await saveAlert(tx, { userId, sourceId: meter.source.id, threshold });
      audit({ action: 'alert.set', ...subject, after: { threshold } });
      return [
        text(
          money.alertSaved(
            label,
            threshold === null ? null : withUnit(threshold, meter.source.unit),
          ),
        ),
      ];
    });
    if (messages) await ctx.reply(...messages);
  });

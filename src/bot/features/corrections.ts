import type { Problem } from '../../domain/validation';
import {
  deleteReading,
  fixReading,
  type TargetMissing,
  undoLastReading,
} from '../../readings/correct';
import { type ChatMeter, listChatMeters } from '../../store/meters';
import { Composer } from '../composer';
import type { BotContext } from '../context';
import { withUnit } from '../format';
import { describeProblem } from '../messages';
import { authorOf, labelOf, resolveMeter } from '../meter-access';
import { type Message, quickMessage, text } from '../reply';

/** `undo`, `fix #12 = 4512`, `delete #12`: old values are retired, never lost. */
export const corrections = new Composer()
  .command('undo', async (ctx) => {
    const { t } = ctx;
    const messages = await ctx.transaction(async (context) => {
      const meters = await listChatMeters(context.tx, ctx.chat!, ctx.user!.id);
      const undone = await undoLastReading(context, authorOf(ctx), meters, ctx.eventId);
      switch (undone.outcome) {
        case 'replayed': {
          const { meter, reading } = undone;
          return meter
            ? [
                text(
                  t.undone(
                    labelOf(ctx, meter),
                    reading.number,
                    withUnit(reading.value, meter.source.unit),
                  ),
                ),
              ]
            : [];
        }
        case 'nothing':
          return [text(t.nothingToUndo)];
        case 'readOnly':
          return [text(t.readOnly(labelOf(ctx, undone.meter)))];
        case 'undone': {
          const { meter, reading } = undone;
          return [
            text(
              t.undone(
                labelOf(ctx, meter),
                reading.number,
                withUnit(reading.value, meter.source.unit),
              ),
              [quickMessage(t.button.history, t.say.history(meter.number))],
            ),
          ];
        }
      }
    });
    await ctx.reply(...messages);
  })
  .command('fix', async (ctx, command) => {
    const { t } = ctx;
    const messages = await ctx.transaction(async (context) => {
      const resolved = await resolveMeter(ctx, context.tx, command.target.meter, 'write');
      if ('answer' in resolved) return resolved.answer;
      const { meter } = resolved;
      const unit = meter.source.unit;
      const fixed = await fixReading(
        context,
        authorOf(ctx),
        meter,
        command.target,
        command.value,
        ctx.eventId,
      );
      const describe = (problem: Problem) =>
        describeProblem(problem, ctx.language, unit, { timeZone: meter.source.timezone });
      switch (fixed.outcome) {
        case 'replayed':
          return [
            text(
              t.fixed(
                labelOf(ctx, meter),
                fixed.reading.number,
                '…',
                withUnit(fixed.reading.value, unit),
                null,
              ),
            ),
          ];
        case 'refused':
          return [text(describe(fixed.problem))];
        case 'fixed': {
          const { before, after, warnings } = fixed;
          return [
            text(
              t.fixed(
                labelOf(ctx, meter),
                before.number,
                withUnit(before.value, unit),
                withUnit(after.value, unit),
                warnings.length > 0 ? warnings.map(describe).join(' ') : null,
              ),
              [quickMessage(t.button.history, t.say.history(meter.number))],
            ),
          ];
        }
        default:
          return missingMessages(ctx, meter, fixed);
      }
    });
    if (messages) await ctx.reply(...messages);
  })
  .command('delete', async (ctx, command) => {
    const { t } = ctx;
    const messages = await ctx.transaction(async (context) => {
      const resolved = await resolveMeter(ctx, context.tx, command.target.meter, 'write');
      if ('answer' in resolved) return resolved.answer;
      const { meter, meters } = resolved;
      const deleted = await deleteReading(
        context,
        authorOf(ctx),
        meter,
        command.target,
        ctx.eventId,
      );
      switch (deleted.outcome) {
        case 'replayed': {
          const { reading } = deleted;
          const earlier = meters.find((m) => m.source.id === reading.sourceId);
          return earlier
            ? [
                text(
                  t.deleted(
                    labelOf(ctx, earlier),
                    reading.number,
                    withUnit(reading.value, earlier.source.unit),
                  ),
                ),
              ]
            : [];
        }
        case 'alreadyGone':
          return [text(t.readingNotFound(labelOf(ctx, meter), deleted.reading.number))];
        case 'deleted': {
          const { reading } = deleted;
          return [
            text(
              t.deleted(
                labelOf(ctx, meter),
                reading.number,
                withUnit(reading.value, meter.source.unit),
              ),
              [quickMessage(t.button.history, t.say.history(meter.number))],
            ),
          ];
        }
        default:
          return missingMessages(ctx, meter, deleted);
      }
    });
    if (messages) await ctx.reply(...messages);
  });

/** The reading a fix or delete names is not there, or not the speaker's to change. */
function missingMessages(ctx: BotContext, meter: ChatMeter, missing: TargetMissing): Message[] {
  const { t } = ctx;
  const label = labelOf(ctx, meter);
  switch (missing.outcome) {
    case 'noReadings':
      return [text(t.noHistory(label))];
    case 'notFound':
      return [text(t.readingNotFound(label, missing.number))];
    case 'notYours':
      return [text(t.notYourReading(label, missing.reading.number))];
  }
}

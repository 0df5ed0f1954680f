import { resolveTakenAt } from '../../domain/time';
import { replaceMeter } from '../../readings/replace';
import { recordChange } from '../../readings/undo';
import { stepsBrokenByDigits } from '../../readings/wraps';
import { getValidators, saveValidators, setDigits } from '../../store/meters';
import { Composer } from '../composer';
import { withUnit } from '../format';
import { describeProblem } from '../messages';
import { authorOf, labelOf, resolveMeter } from '../meter-access';
import { quickMessage, text } from '../reply';
import { negativeSteps } from './corrections';
import { notCountingAnswer, useValueRangesAnswer } from './values';

/** `set meter 1 min 0 max 99999 digits 5` and `new meter 1 final 45210 initial 3`. */
export const settings = new Composer()
  .userCommand('setMeter', async (ctx, command) => {
    const { t } = ctx;
    const messages = await ctx.transaction(async ({ tx, audit }) => {
      const resolved = await resolveMeter(ctx, tx, command.meter, 'admin');
      if ('answer' in resolved) return resolved.answer;
      const { meter } = resolved;
      const perValue = useValueRangesAnswer(ctx, meter);
      if (perValue) return perValue;
      const before = { ...(await getValidators(tx, meter.source)), digits: meter.source.digits };
      const after = {
        min: command.min === undefined ? before.min : command.min,
        max: command.max === undefined ? before.max : command.max,
        nonDecreasing: before.nonDecreasing,
        maxRatePerDay: command.maxRate === undefined ? before.maxRatePerDay : command.maxRate,
        valueRanges: before.valueRanges,
        digits: command.digits === undefined ? before.digits : command.digits,
      };
      const { digits, ...validators } = after;
      const broken = await stepsBrokenByDigits(tx, meter.source, digits);
      if (broken.length > 0) {
        const why = negativeSteps(ctx, broken, meter.source.unit);
        return [text(t.corrections.digitsNegative(labelOf(ctx, meter), why))];
      }
      await saveValidators(tx, meter.source, validators);
      if (digits !== before.digits) await setDigits(tx, meter.source.id, digits);
      audit({
        action: 'meter.settings',
        subjectType: 'source',
        subjectId: meter.source.id,
        sourceId: meter.source.id,
        before,
        after,
      });
      await recordChange(
        tx,
        authorOf(ctx),
        meter.source.id,
        { kind: 'meter.settings', before, after },
        ctx.eventId,
      );
      const show = (value: string | null) =>
        value === null ? null : withUnit(value, meter.source.unit);
      const summary = [
        command.min !== undefined ? t.setting.min(show(after.min)) : null,
        command.max !== undefined ? t.setting.max(show(after.max)) : null,
        command.digits !== undefined ? t.setting.digits(after.digits) : null,
        command.maxRate !== undefined ? t.setting.maxRate(show(after.maxRatePerDay)) : null,
      ].filter((line): line is string => line !== null);
      return [text(t.settingsSaved(labelOf(ctx, meter), summary))];
    });
    if (messages) await ctx.reply(...messages);
  })
  .userCommand('replaceMeter', async (ctx, command) => {
    const { t } = ctx;
    const messages = await ctx.transaction(async (context) => {
      const resolved = await resolveMeter(ctx, context.tx, command.meter, 'write');
      if ('answer' in resolved) return resolved.answer;
      const { meter } = resolved;
      const notCounting = notCountingAnswer(ctx, meter);
      if (notCounting) return notCounting;
      const source = meter.source;
      const replaced = await replaceMeter(context, authorOf(ctx), source, {
        final: command.final,
        initial: command.initial,
        takenAt: resolveTakenAt(command.at, source.timezone, ctx.occurredAt),
        origin: ctx.eventId,
      });
      switch (replaced.outcome) {
        case 'refused':
          return [
            text(
              describeProblem(replaced.problem, ctx.language, source.unit, {
                timeZone: source.timezone,
              }),
            ),
          ];
        case 'notAtEnd':
          // Readings after the swap belong to the new register; a replacement goes at the end.
          return [text(t.malformed('replaceMeter', 'badDate'))];
        case 'replayed':
        case 'replaced':
          return [
            text(
              t.replaced(
                labelOf(ctx, meter),
                withUnit(command.final, source.unit),
                withUnit(command.initial, source.unit),
              ),
              [quickMessage(t.button.history, t.say.history(meter.number))],
            ),
          ];
      }
    });
    if (messages) await ctx.reply(...messages);
  });

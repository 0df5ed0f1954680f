import { formatValueNames, type ValueRange } from '../../domain/values';
import { recordChange } from '../../readings/undo';
import { type ChatMeter, getValidators, saveValidators } from '../../store/meters';
import { Composer } from '../composer';
import type { BotContext } from '../context';
import { withUnit } from '../format';
import { authorOf, labelOf, resolveMeter } from '../meter-access';
import { type Message, quickMessage, text } from '../reply';
import { valuesCatalogs } from '../values-messages';

/** "sys/dia pulse?" for a meter with several values per reading. */
export const valueNamesOf = (meter: ChatMeter): string =>
  formatValueNames(
    meter.source.valueNames ?? [],
    meter.source.requiredValues ?? meter.source.valueNames?.length ?? 0,
  );

/**
 * The answer to usage, bills, prices, alerts or a meter replacement on a meter with several
 * values per reading: those count what a register adds up, and such a meter adds nothing up.
 * Null for any other meter.
 */
export function notCountingAnswer(ctx: BotContext, meter: ChatMeter): Message[] | null {
  if (!meter.source.valueNames) return null;
  const { t } = ctx;
  const history = t.say.history(meter.number);
  const chart = t.say.chart(meter.number);
  return [
    text(
      valuesCatalogs[ctx.language].notCounting(
        labelOf(ctx, meter),
        valueNamesOf(meter),
        history,
        chart,
      ),
      [quickMessage(t.button.history, history), quickMessage(t.button.chart, chart)],
    ),
  ];
}

/**
 * The "Usage" quick reply, left out for a meter with several values per reading: it would only
 * get the notCountingAnswer.
 */
export function usageReply(ctx: BotContext, meter: ChatMeter): ReturnType<typeof quickMessage>[] {
  return meter.source.valueNames
    ? []
    : [quickMessage(ctx.t.button.usage, ctx.t.say.usage(meter.number))];
}

/**
 * `set meter 1 min … max …` on a meter with several values per reading: each value has its
 * own range instead. Null for any other meter.
 */
export function useValueRangesAnswer(ctx: BotContext, meter: ChatMeter): Message[] | null {
  const first = meter.source.valueNames?.[0];
  if (!first) return null;
  const v = valuesCatalogs[ctx.language];
  const example = v.say.range(meter.number, first);
  return [text(v.useValueRanges(labelOf(ctx, meter), example), [quickMessage(example, example)])];
}

/** `set meter BP sys range 70-250` / `range none`: the bounds of one value, undoable. */
export const values = new Composer().userCommand('setValueRange', async (ctx, command) => {
  const v = valuesCatalogs[ctx.language];
  const messages = await ctx.transaction(async ({ tx, audit }) => {
    const resolved = await resolveMeter(ctx, tx, command.meter, 'admin');
    if ('answer' in resolved) return resolved.answer;
    const { meter } = resolved;
    const { source } = meter;
    const label = labelOf(ctx, meter);
    const names = source.valueNames;
    if (!names) {
      return [text(v.oneValueMeter(label, v.say.setMinMax(meter.number)))];
    }
    const index = names.findIndex((name) => name.toLowerCase() === command.value.toLowerCase());
    if (index < 0) return [text(v.unknownValue(label, command.value, valueNamesOf(meter)))];
    const before = { ...(await getValidators(tx, source)), digits: source.digits };
    const ranges: (ValueRange | null)[] = names.map((_, i) => before.valueRanges?.[i] ?? null);
    ranges[index] =
      command.min === null && command.max === null ? null : { min: command.min, max: command.max };
    const after = { ...before, valueRanges: ranges };
    const { digits: _digits, ...validators } = after;
    await saveValidators(tx, source, validators);
    audit({
      action: 'meter.settings',
      subjectType: 'source',
      subjectId: source.id,
      sourceId: source.id,
      before,
      after,
    });
    await recordChange(
      tx,
      authorOf(ctx),
      source.id,
      { kind: 'meter.settings', before, after },
      ctx.eventId,
    );
    const range =
      command.min === null || command.max === null
        ? null
        : `${withUnit(command.min, source.unit)} – ${withUnit(command.max, source.unit)}`;
    return [
      text(v.rangeSaved(label, names[index] ?? command.value, range), [
        quickMessage(ctx.t.button.undo, ctx.t.say.undo),
      ]),
    ];
  });
  if (messages) await ctx.reply(...messages);
});

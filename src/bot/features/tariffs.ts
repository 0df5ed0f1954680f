import { DateTime } from 'luxon';
import type { TariffSetting } from '../../domain/billing/tariff';
import type { TariffChange } from '../../domain/commands';
import { recordChange } from '../../readings/undo';
import { addTariffSetting, loadTariffSettings, setBillDay } from '../../store/billing';
import { Composer } from '../composer';
import { moneyCatalogs } from '../messages';
import { authorOf, labelOf, resolveMeter } from '../meter-access';
import { quickMessage, text } from '../reply';
import { notCountingAnswer } from './values';

/** The stored form of a typed price change, dated `from`. */
function settingOf(change: TariffChange, from: string): TariffSetting {
  switch (change.kind) {
    case 'preset':
      return { kind: 'rate', from, rate: { type: 'preset', preset: change.preset as never } };
    case 'flat':
      return { kind: 'rate', from, rate: { type: 'flat', price: change.price } };
    case 'blocks':
      return { kind: 'rate', from, rate: { type: 'blocks', blocks: change.blocks } };
    case 'service':
      return { kind: 'service', from, amount: change.amount };
    case 'minimum':
      return { kind: 'minimum', from, amount: change.amount };
    case 'adjustment':
      return { kind: 'adjustment', from, perUnit: change.perUnit };
    case 'vat':
      return { kind: 'vat', from, percent: change.percent };
  }
}

/** `set meter 1 tariff mea-1.1.2 [from 2026-01-01]` (and price, blocks, …) and `billing day 18`. */
export const tariffs = new Composer()
  .userCommand('setTariff', async (ctx, command) => {
    const money = moneyCatalogs[ctx.language];
    const messages = await ctx.transaction(async ({ tx, audit }) => {
      const resolved = await resolveMeter(ctx, tx, command.meter, 'admin');
      if ('answer' in resolved) return resolved.answer;
      const { meter } = resolved;
      const notCounting = notCountingAnswer(ctx, meter);
      if (notCounting) return notCounting;
      const source = meter.source;
      // Without a date a price applies from today in the meter's time zone.
      const from =
        command.from ??
        DateTime.fromJSDate(ctx.deps.clock(), { zone: source.timezone }).toISODate()!;
      const setting = settingOf(command.change, from);
      // The first setting of its kind also covers every period before its date.
      const first = !(await loadTariffSettings(tx, source.id)).some(
        (earlier) => earlier.kind === setting.kind,
      );
      await addTariffSetting(tx, source.id, setting, ctx.user.id);
      audit({
        action: 'tariff.set',
        subjectType: 'source',
        subjectId: source.id,
        sourceId: source.id,
        after: setting,
      });
      const change = command.change;
      const what = money.tariffWhat(
        change.kind === 'blocks' ? { kind: 'blocks', count: change.blocks.length } : change,
      );
      return [
        text(money.tariffSaved(labelOf(ctx, meter), what, { from, first }), [
          quickMessage(money.button.bill, money.say.bill(meter.number)),
        ]),
      ];
    });
    if (messages) await ctx.reply(...messages);
  })
  .userCommand('setBillingDay', async (ctx, command) => {
    const money = moneyCatalogs[ctx.language];
    const messages = await ctx.transaction(async ({ tx, audit }) => {
      const resolved = await resolveMeter(ctx, tx, command.meter, 'admin');
      if ('answer' in resolved) return resolved.answer;
      const { meter } = resolved;
      const notCounting = notCountingAnswer(ctx, meter);
      if (notCounting) return notCounting;
      await setBillDay(tx, meter.source.id, command.day);
      audit({
        action: 'meter.billing_day',
        subjectType: 'source',
        subjectId: meter.source.id,
        sourceId: meter.source.id,
        before: { billDay: meter.source.billDay },
        after: { billDay: command.day },
      });
      await recordChange(
        tx,
        authorOf(ctx),
        meter.source.id,
        {
          kind: 'meter.settings',
          before: { billDay: meter.source.billDay },
          after: { billDay: command.day },
        },
        ctx.eventId,
      );
      return [text(money.billingDaySaved(labelOf(ctx, meter), command.day))];
    });
    if (messages) await ctx.reply(...messages);
  });

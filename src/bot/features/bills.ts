import { DateTime } from 'luxon';
import { currentBills, cycleOf, periodEstimates } from '../../billing/estimates';
import type { Bill } from '../../domain/billing/bill';
import { type PeriodEstimate, paidDifference } from '../../domain/billing/estimate';
import { addPeriods, periodContaining } from '../../domain/billing/periods';
import type { Language } from '../../domain/types';
import { savePaidBill } from '../../store/billing';
import type { ChatMeter } from '../../store/meters';
import { Composer } from '../composer';
import { formatNumber, withUnit } from '../format';
import { type BillLines, baht, type MoneyCatalog, moneyCatalogs } from '../messages';
import { labelOf, resolveMeter } from '../meter-access';
import { quickMessage, text } from '../reply';
import { notCountingAnswer } from './values';

/** How many periods before the current one `bill meter 1` lists. */
const PREVIOUS_PERIODS = 3;

function billLines(bill: Bill, unit: string): BillLines {
  return {
    blocks: bill.blocks.map((block) => ({
      from: formatNumber(block.above === '0' ? '1' : addOne(block.above)),
      to: block.upTo === null ? null : formatNumber(block.upTo),
      units: withUnit(block.units, unit),
      price: block.price,
      amount: baht(block.amount),
    })),
    energy: baht(bill.energy),
    minimumTopUp: bill.minimumTopUp === '0.00' ? null : baht(bill.minimumTopUp),
    service: baht(bill.service),
    adjustment:
      bill.adjustmentPerUnit === '0'
        ? null
        : {
            units: withUnit(bill.units, unit),
            perUnit: bill.adjustmentPerUnit,
            amount: baht(bill.adjustment),
          },
    subtotal: baht(bill.subtotal),
    vat: bill.vatPercent === '0' ? null : { percent: bill.vatPercent, amount: baht(bill.vat) },
    total: baht(bill.total),
  };
}

/** Blocks are named by their first whole unit: the block above 150 starts at 151. */
const addOne = (bound: string) => (/^\d+$/.test(bound) ? String(Number(bound) + 1) : bound);

function localDay(at: Date, zone: string, language: Language): string {
  return DateTime.fromJSDate(at, { zone })
    .setLocale(language === 'th' ? 'th' : 'en')
    .toFormat('d LLL yyyy');
}

/** One period in full: use, the bill line by line, and what was paid. */
function describePeriod(
  money: MoneyCatalog,
  language: Language,
  meter: ChatMeter,
  label: string,
  estimate: PeriodEstimate,
  paid: string | undefined,
  current: boolean,
): string {
  const { unit, timezone } = meter.source;
  const lastDay = new Date(estimate.period.end.getTime() - 1);
  const lines = [
    money.billHeader(
      label,
      estimate.period.label,
      localDay(estimate.period.start, timezone, language),
      localDay(lastDay, timezone, language),
    ),
    money.soFar(
      estimate.usage === null ? null : withUnit(estimate.usage, unit, 2),
      current && estimate.projectedUsage !== null
        ? withUnit(estimate.projectedUsage, unit, 2)
        : null,
    ),
  ];
  const shown = current && estimate.projectedBill ? estimate.projectedBill : estimate.bill;
  if (shown) {
    lines.push(
      current && estimate.projectedBill
        ? money.projectedBill
        : current
          ? money.billSoFar
          : money.billOfPeriod,
    );
    lines.push(money.billLines(billLines(shown, unit)));
  } else lines.push(money.noUse);
  if (paid !== undefined) {
    lines.push(money.paidLine(baht(paid), shown ? paidDifference(shown.total, paid) : '—'));
  }
  return lines.join('\n');
}

/** `bill meter 1 [2026-11]`, `ค่าไฟ มิเตอร์ 1`, and `paid meter 1 1455.94 for 2026-11`. */
export const bills = new Composer()
  .command('bill', async (ctx, command) => {
    const money = moneyCatalogs[ctx.language];
    const now = ctx.deps.clock();
    const messages = await ctx.transaction(async ({ tx, audit }) => {
      const resolved = await resolveMeter(ctx, tx, command.meter, 'read', money.say.bill);
      if ('answer' in resolved) return resolved.answer;
      const { meter } = resolved;
      const notCounting = notCountingAnswer(ctx, meter);
      if (notCounting) return notCounting;
      const source = meter.source;
      const label = labelOf(ctx, meter);
      if (source.kind !== 'cumulative') return [text(money.countersOnly(label))];
      audit({
        action: 'bill.view',
        subjectType: 'source',
        subjectId: source.id,
        sourceId: source.id,
        after: { period: command.period ?? null },
      });
      const buttons = [quickMessage(money.button.costChart, money.say.costChart(meter.number))];
      if (command.period) {
        const { estimates, paid, settings } = await periodEstimates(tx, source, {
          from: command.period,
          to: command.period,
          now,
        });
        if (settings.length === 0) return [text(money.noTariff(label, meter.number))];
        const current = periodContaining(cycleOf(source), now).label === command.period;
        const estimate = estimates[0]!;
        return [
          text(
            describePeriod(
              money,
              ctx.language,
              meter,
              label,
              estimate,
              paid.get(command.period),
              current,
            ),
            buttons,
          ),
        ];
      }
      const overview = await currentBills(tx, source, now, PREVIOUS_PERIODS);
      if (!overview.settings.some((s) => s.kind === 'rate')) {
        return [text(money.noTariff(label, meter.number))];
      }
      const parts = [
        describePeriod(
          money,
          ctx.language,
          meter,
          label,
          overview.current,
          overview.paid.get(overview.current.period.label),
          true,
        ),
      ];
      const earlier = overview.previous
        .filter((estimate) => estimate.usage !== null || overview.paid.has(estimate.period.label))
        .reverse()
        .map((estimate) => {
          const paid = overview.paid.get(estimate.period.label) ?? null;
          const total = estimate.bill?.total ?? null;
          return {
            period: estimate.period.label,
            usage: estimate.usage === null ? null : withUnit(estimate.usage, source.unit, 2),
            total: total === null ? null : baht(total),
            paid: paid === null ? null : baht(paid),
            difference: paid !== null && total !== null ? paidDifference(total, paid) : null,
          };
        });
      if (earlier.length > 0) parts.push(money.earlier(earlier));
      return [text(parts.join('\n\n'), buttons)];
    });
    if (messages) await ctx.reply(...messages);
  })
  .userCommand('paid', async (ctx, command) => {
    const money = moneyCatalogs[ctx.language];
    const now = ctx.deps.clock();
    const messages = await ctx.transaction(async ({ tx, audit }) => {
      const resolved = await resolveMeter(ctx, tx, command.meter, 'write');
      if ('answer' in resolved) return resolved.answer;
      const { meter } = resolved;
      const notCounting = notCountingAnswer(ctx, meter);
      if (notCounting) return notCounting;
      const source = meter.source;
      // Without a period: the bill of the last period that has ended.
      const period = command.period ?? addPeriods(periodContaining(cycleOf(source), now).label, -1);
      const before = await savePaidBill(tx, {
        sourceId: source.id,
        period,
        amount: command.amount,
        enteredBy: ctx.user.id,
      });
      audit({
        action: 'bill.paid',
        subjectType: 'source',
        subjectId: source.id,
        sourceId: source.id,
        before: before === null ? null : { period, amount: before },
        after: { period, amount: command.amount },
      });
      const estimate =
        source.kind === 'cumulative'
          ? (await periodEstimates(tx, source, { from: period, to: period, now })).estimates[0]
          : undefined;
      const total = estimate?.bill?.total ?? null;
      return [
        text(
          money.paidSaved(
            labelOf(ctx, meter),
            period,
            baht(command.amount),
            total === null ? null : baht(total),
            total === null ? null : paidDifference(total, command.amount),
          ),
          [quickMessage(money.button.bill, `${money.say.bill(meter.number)} ${period}`)],
        ),
      ];
    });
    if (messages) await ctx.reply(...messages);
  });

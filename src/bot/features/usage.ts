import {
  ChartSourceNotFoundError,
  ChartsUnavailableError,
  prepareChart,
} from '../../charts/service';
import { monthOfInstant, usageReportParts, usageReportRange } from '../../domain/usage-report';
import { monthlyStatsForSource, monthlyUsageForSource } from '../../store/usage';
import { usageCard } from '../cards';
import { Composer } from '../composer';
import type { BotContext } from '../context';
import { labelOf, resolveMeter } from '../meter-access';
import { image, quickMessage, text } from '../reply';
import { notCountingAnswer } from './values';

const DEFAULT_CHART_MONTHS = 12;

/** `usage meter 1 [2026-10]` as text, `chart meter 1 [24 months | readings]` as an image. */
export const usage = new Composer()
  .command('usage', async (ctx, command) => {
    const { t } = ctx;
    const now = ctx.deps.clock();
    const found = await ctx.transaction(async ({ tx, audit }) => {
      const resolved = await resolveMeter(ctx, tx, command.meter, 'read', (n) => t.say.usage(n));
      if ('answer' in resolved) return resolved;
      const { meter } = resolved;
      const notCounting = notCountingAnswer(ctx, meter);
      if (notCounting) return { answer: notCounting };
      const source = meter.source;
      const month = command.month ?? monthOfInstant(now, source.timezone);
      const range = usageReportRange(month);
      audit({
        action: 'usage.view',
        subjectType: 'source',
        subjectId: source.id,
        sourceId: source.id,
        after: { month },
      });
      const figures =
        source.kind === 'gauge'
          ? { kind: 'gauge' as const, months: await monthlyStatsForSource(tx, source, range) }
          : {
              kind: source.kind,
              months: await monthlyUsageForSource(tx, source, { ...range, now }),
            };
      const report = usageReportParts({
        language: ctx.language,
        meter: { name: labelOf(ctx, meter), unit: source.unit },
        month,
        figures,
        now,
      });
      return { meter, report };
    });
    if ('answer' in found) {
      if (found.answer) await ctx.reply(...found.answer);
      return;
    }
    const { meter, report } = found;
    await ctx.reply(
      usageCard({
        t,
        number: meter.number,
        ...report,
        chartUrl: await heroChartUrl(ctx, meter.source.id),
        // The card's footer already offers Chart and History: no quick replies repeating them.
        quickReplies: [],
      }),
    );
  })
  .command('chart', async (ctx, command) => {
    const { t } = ctx;
    const found = await ctx.transaction(async ({ tx }) =>
      resolveMeter(ctx, tx, command.meter, 'read', (n) => t.say.chart(n)),
    );
    if ('answer' in found) {
      if (found.answer) await ctx.reply(...found.answer);
      return;
    }
    const { meter } = found;
    const notCounting = command.mode === 'cost' ? notCountingAnswer(ctx, meter) : null;
    if (notCounting) {
      await ctx.reply(...notCounting);
      return;
    }
    // Drawing takes a moment: show LINE's typing dots (one-to-one chats only).
    if (ctx.chat?.type === 'user' && ctx.lineUserId) {
      await ctx.deps.line.showLoading(ctx.lineUserId, 5);
    }
    try {
      const chart = await prepareChart(ctx.deps, ctx.actor, {
        sourceId: meter.source.id,
        mode: command.mode,
        months: command.months ?? DEFAULT_CHART_MONTHS,
        language: ctx.language,
        lineUserId: ctx.lineUserId,
      });
      const picture = image(chart.originalUrl, chart.previewUrl);
      picture.quickReply = {
        items: [
          quickMessage(t.button.usage, t.say.usage(meter.number)),
          quickMessage(t.button.history, t.say.history(meter.number)),
        ],
      };
      await ctx.reply(picture);
    } catch (error) {
      if (error instanceof ChartsUnavailableError) {
        await ctx.reply(
          text(t.chartsUnavailable, [quickMessage(t.button.usage, t.say.usage(meter.number))]),
        );
        return;
      }
      // Access was lost between the question and the drawing: say only that it is not here.
      if (!(error instanceof ChartSourceNotFoundError)) throw error;
      await ctx.reply(text(t.meterNotFound(labelOf(ctx, meter))));
    }
  });

/**
 * The monthly chart on top of the usage card, or null where charts cannot be drawn or access
 * was lost in between: the figures alone still answer the question.
 */
async function heroChartUrl(ctx: BotContext, sourceId: string): Promise<string | null> {
  try {
    const chart = await prepareChart(ctx.deps, ctx.actor, {
      sourceId,
      mode: 'monthly',
      months: DEFAULT_CHART_MONTHS,
      language: ctx.language,
      // In a group the link checks that the asker is still a member: without it, never shown.
      lineUserId: ctx.lineUserId,
    });
    return chart.originalUrl;
  } catch (error) {
    if (error instanceof ChartsUnavailableError || error instanceof ChartSourceNotFoundError) {
      return null;
    }
    throw error;
  }
}

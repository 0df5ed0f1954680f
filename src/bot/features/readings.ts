import Decimal from 'decimal.js';
import { resolveTakenAt } from '../../domain/time';
import { type ConfirmationChoice, storingWouldGoBackwards } from '../../domain/validation';
import { answerQuestion } from '../../readings/confirm';
import { type QuestionVerdict, type Recorded, recordReading } from '../../readings/record';
import { type ChatMeter, listChatMeters } from '../../store/meters';
import type { Reading } from '../../store/readings';
import { Composer } from '../composer';
import type { BotContext } from '../context';
import { formatDays, formatNumber, formatWhen, readingValue, withUnit } from '../format';
import { describeProblem } from '../messages';
import { authorOf, labelOf, resolveMeter } from '../meter-access';
import { type Action, buttons, type Message, postbackAction, quickMessage, text } from '../reply';
import { usageReply } from './values';

const CHOICES = new Set<ConfirmationChoice>([
  'store',
  'rollover',
  'replacement',
  'typo',
  'cancel',
  'previous',
]);
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** `meter 1 = 4521` (and every other form of a reading), and the answers to its questions. */
export const readings = new Composer()
  .userCommand('reading', async (ctx, command) => {
    const { t } = ctx;
    const messages = await ctx.transaction(async (context) => {
      const resolved = await resolveMeter(ctx, context.tx, command.meter, 'write', (number) =>
        t.say.reading(number, [command.value, ...(command.extra ?? [])].join('/')),
      );
      if ('answer' in resolved) return resolved.answer;
      const { meter, meters } = resolved;
      // "electric 4521" without "=" counts only when a meter has exactly that name.
      if (
        command.loose &&
        command.meter?.by === 'name' &&
        !sameName(meter.source.name, command.meter.name)
      ) {
        return ctx.chat?.type === 'user' ? [text(t.notUnderstood)] : null;
      }
      const recorded = await recordReading(context, authorOf(ctx), meter.source, {
        value: command.value,
        ...(command.extra ? { extra: command.extra } : {}),
        takenAt: resolveTakenAt(command.at, meter.source.timezone, ctx.occurredAt),
        note: command.note ?? null,
        origin: ctx.eventId,
        originIsNew: context.marksEvent,
      });
      return recordedMessages(ctx, meter, meters, recorded);
    });
    if (messages) await ctx.reply(...messages);
  })
  .postback('confirm', async (ctx, [id = '', choice = '']) => {
    const { t } = ctx;
    if (!UUID.test(id) || !CHOICES.has(choice as ConfirmationChoice)) {
      await ctx.reply(text(t.alreadyAnswered));
      return;
    }
    const messages = await ctx.transaction(async (context) => {
      const meters = await listChatMeters(context.tx, ctx.chat, ctx.user.id);
      const answered = await answerQuestion(
        context,
        authorOf(ctx),
        { id, choice: choice as ConfirmationChoice },
        meters,
      );
      switch (answered.outcome) {
        case 'alreadyAnswered':
          return [text(t.alreadyAnswered)];
        case 'askReplacement': {
          const { meter } = answered;
          const command = t.say.replaceMeter(
            meter.number,
            answered.previousValue ?? '…',
            answered.value,
          );
          return [
            text(t.replacementHint(labelOf(ctx, meter), command), [
              quickMessage(t.button.replacement, command),
            ]),
          ];
        }
        case 'cancelled':
          return [text(t.cancelled)];
        case 'fixPrevious': {
          const { meter, previous } = answered;
          if (!previous) return [text(t.cancelled)];
          const command = t.corrections.say.fix(meter.number, previous.number, '…');
          return [
            text(
              t.corrections.previousWrongHint(
                labelOf(ctx, meter),
                previous.number,
                readingValue(previous, meter.source.unit),
                command,
              ),
              [
                quickMessage(
                  t.corrections.say.delete(meter.number, previous.number),
                  t.corrections.say.delete(meter.number, previous.number),
                ),
                quickMessage(t.button.history, t.corrections.say.history(meter.number)),
              ],
            ),
          ];
        }
        default:
          return recordedMessages(ctx, answered.meter, meters, answered);
      }
    });
    await ctx.reply(...messages);
  });

/** The answer to a reading: stored, asked about, refused, or the same answer again on a replay. */
function recordedMessages(
  ctx: BotContext,
  meter: ChatMeter,
  meters: ChatMeter[],
  recorded: Recorded,
): Message[] {
  const { t } = ctx;
  const source = meter.source;
  switch (recorded.outcome) {
    case 'stored':
      return storedMessages(
        ctx,
        meter,
        recorded.reading,
        recorded.usageSincePrevious,
        recorded.days,
      );
    case 'question':
      return questionMessages(ctx, meter, recorded.verdict, recorded.id, recorded.value);
    case 'refused':
      return [
        text(
          describeProblem(recorded.problem, ctx.language, source.unit, {
            timeZone: source.timezone,
          }),
          [quickMessage(t.button.history, t.say.history(meter.number))],
        ),
      ];
    case 'replayed': {
      // The same event again (redelivered, or replayed after a crash): the same confirmation.
      const stored = meters.find((m) => m.source.id === recorded.reading.sourceId);
      return stored ? storedMessages(ctx, stored, recorded.reading, null, null) : [];
    }
    case 'alreadyAsked':
      return [text(t.alreadyAnswered)];
  }
}

function storedMessages(
  ctx: BotContext,
  meter: ChatMeter,
  reading: Reading,
  usage: string | null,
  days: number | null,
): Message[] {
  const { t } = ctx;
  const unit = meter.source.unit;
  let since: { usage: string; span: string; perDay: string | null } | null = null;
  if (usage !== null && days !== null && days > 0) {
    since = {
      usage: withUnit(usage, unit),
      span: formatDays(days, ctx.language),
      perDay:
        days >= 1 ? formatNumber(new Decimal(usage).div(days).toDecimalPlaces(2).toString()) : null,
    };
  }
  return [
    text(
      t.readingStored({
        label: labelOf(ctx, meter),
        value: readingValue(reading, unit),
        when: formatWhen(reading.takenAt, ctx.language, meter.source.timezone, ctx.deps.clock()),
        since,
        note: reading.note,
      }),
      [
        quickMessage(t.button.undo, t.say.undo),
        quickMessage(t.button.history, t.say.history(meter.number)),
        ...usageReply(ctx, meter),
        quickMessage(t.button.chart, t.say.chart(meter.number)),
      ],
    ),
  ];
}

function questionMessages(
  ctx: BotContext,
  meter: ChatMeter,
  verdict: QuestionVerdict,
  questionId: string,
  value: string,
): Message[] {
  const { t } = ctx;
  const source = meter.source;
  const explanation = verdict.problems
    .map((problem) =>
      describeProblem(problem, ctx.language, source.unit, { timeZone: source.timezone }),
    )
    .join('\n');
  const choice = (name: ConfirmationChoice, label: string): Action =>
    postbackAction(label, `confirm:${questionId}:${name}`, label);
  const actions: Action[] = [];
  const { options } = verdict;
  if (storingWouldGoBackwards(verdict)) {
    // Lower than before (or above a later reading): the buttons are the question's own words,
    // and none of them stores negative use.
    const { answer } = t.corrections;
    if (options.typo)
      actions.push(choice('typo', answer.typo(formatNumber(options.typo.suggestion))));
    if (options.replacement) actions.push(choice('replacement', answer.replaced));
    if (options.rollover) {
      actions.push(choice('rollover', answer.rolledOver(formatNumber(options.rollover.usage))));
    }
    const lower = verdict.problems.some(
      (p) => p.code === 'lowerThanPrevious' || p.code === 'zeroAfterPositive',
    );
    if (lower && actions.length < 4) actions.push(choice('previous', answer.previousWrong));
    if (actions.length < 4) actions.push(choice('cancel', t.button.cancel));
    return [
      text(explanation),
      buttons(explanation, t.readingQuestion(labelOf(ctx, meter)), actions),
    ];
  }
  if (options.typo)
    actions.push(choice('typo', t.corrections.answer.typo(formatNumber(options.typo.suggestion))));
  actions.push(choice('store', t.button.store(formatNumber(value))));
  actions.push(choice('cancel', t.button.cancel));
  return [text(explanation), buttons(explanation, t.readingQuestion(labelOf(ctx, meter)), actions)];
}

const sameName = (a: string, b: string) =>
  a.normalize('NFKC').toLocaleLowerCase().trim() === b.normalize('NFKC').toLocaleLowerCase().trim();

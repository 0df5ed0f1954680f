// @ts-nocheck
import Decimal from 'decimal.js';
import { and, eq, isNull } from 'drizzle-orm';
import type { ActorContext } from '../../db/actor';
import { readingConfirmations } from '../../db/schema';
import { resolveTakenAt } from '../../domain/time';
import {
  applyConfirmation,
  type ConfirmationChoice,
  describeProblem,
  type Verdict,
  validateReading,
} from '../../domain/validation';
import { type ChatMeter, getValidators, listChatMeters } from '../../store/meters';
import {
  describeReading,
  findByOrigin,
  insertReading,
  lockSource,
  neighbours,
  type Reading,
  recentDailyRates,
  supersedeReading,
  toPoint,
} from '../../store/readings';
import { setLastSource } from '../../store/users';
import { Composer } from '../composer';
import type { BotContext } from '../context';
import { formatDays, formatNumber, formatWhen, withUnit } from '../format';
import { labelOf, resolveMeter } from '../meter-access';
import { type Action, buttons, type Message, postbackAction, quickMessage, text } from '../reply';

const CHOICES = new Set<ConfirmationChoice>(['store', 'rollover', 'replacement', 'typo', 'cancel']);
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** `meter 1 = 4521` (and every other form of a reading), and the answers to its questions. */
export const readings = new Composer()
  .command('reading', async (ctx, command) => {
    const { t } = ctx;
    const messages = await ctx.transaction(async (context) => {
      const { tx } = context;
      // The same event again (redelivered, or replayed after a crash): answer as the first
      // time did, store nothing new.
      const earlier = await findByOrigin(tx, ctx.eventId);
      if (earlier) return answerForStored(ctx, context, earlier);
      const [pending] = await tx
        .select()
        .from(readingConfirmations)
        .where(eq(readingConfirmations.origin, ctx.eventId));
      if (pending) return [text(t.alreadyAnswered)];

      const resolved = await resolveMeter(ctx, tx, command.meter, 'write', (number) =>
        t.say.reading(number, command.value),
      );
      if ('answer' in resolved) return resolved.answer;
      const meter = resolved.meter;
      // "electric 4521" without "=" counts only when a meter has exactly that name.
      if (
        command.loose &&
        command.meter?.by === 'name' &&
        !sameName(meter.source.name, command.meter.name)
      ) {
        return ctx.chat?.type === 'user' ? [text(t.notUnderstood)] : null;
      }
      const takenAt = resolveTakenAt(command.at, meter.source.timezone, ctx.occurredAt);
      return checkAndStore(ctx, context, meter, {
        value: command.value,
        takenAt,
        note: command.note ?? null,
        origin: ctx.eventId,
      });
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
      const { tx, audit } = context;
      // Resolving is one conditional update: a second tap finds nothing left to answer.
      const [question] = await tx
        .update(readingConfirmations)
        .set({ resolvedAt: new Date(ctx.deps.clock()), resolution: choice as ConfirmationChoice })
        .where(and(eq(readingConfirmations.id, id), isNull(readingConfirmations.resolvedAt)))
        .returning();
      if (!question) return [text(t.alreadyAnswered)];
      const meter = (await listChatMeters(tx, ctx.chat!, ctx.user!.id)).find(
        (candidate) => candidate.source.id === question.sourceId,
      );
      if (!meter) return [text(t.alreadyAnswered)];
      const verdict = question.verdict as Verdict;
      const decision = applyConfirmation(verdict, choice as ConfirmationChoice);
      audit({
        action: 'reading.confirm',
        subjectType: 'confirmation',
        subjectId: question.id,
        sourceId: question.sourceId,
        after: { choice, value: question.value },
      });

      if (decision.store) {
        await lockSource(tx, meter.source.id);
        if (decision.clearNextRollover) {
          // The wrap now sits on this earlier reading: the later one must stop counting it.
          const { next } = await neighbours(tx, meter.source.id, question.takenAt);
          if (next?.registerEvent === 'rollover') {
            await supersedeReading(tx, next, {
              value: next.value,
              enteredBy: ctx.user!.id,
              origin: `${question.origin}:unwrap`,
              registerEvent: null,
            });
          }
        }
        const reading = await insertReading(tx, {
          sourceId: meter.source.id,
          takenAt: question.takenAt,
          value: question.value,
          enteredBy: ctx.user!.id,
          note: question.note,
          origin: question.origin,
          registerEvent: decision.event,
        });
        audit({
          action: 'reading.add',
          subjectType: 'reading',
          subjectId: reading.id,
          sourceId: meter.source.id,
          after: { ...describeReading(reading), confirmed: choice },
        });
        await setLastSource(tx, ctx.user!.id, meter.source.id);
        const usage =
          decision.event === 'rollover' && verdict.outcome === 'confirm'
            ? (verdict.options.rollover?.usage ?? null)
            : verdict.outcome === 'reject'
              ? null
              : verdict.usageSincePrevious;
        const days = verdict.outcome === 'reject' ? null : verdict.days;
        return storedMessages(ctx, meter, reading, usage, days);
      }
      if (decision.action === 'revalidate') {
        return checkAndStore(ctx, context, meter, {
          value: decision.value,
          takenAt: question.takenAt,
          note: question.note,
          origin: `${question.origin}:typo`,
        });
      }
      if (decision.action === 'askReplacement') {
        const lower =
          verdict.outcome === 'confirm'
            ? verdict.problems.find((p) => p.code === 'lowerThanPrevious')
            : undefined;
        const final = lower && 'previous' in lower ? lower.previous : '…';
        const command = t.say.replaceMeter(meter.number, final, question.value);
        return [
          text(t.replacementHint(labelOf(ctx, meter), command), [
            quickMessage(t.button.replacement, command),
          ]),
        ];
      }
      return [text(t.cancelled)];
    });
    await ctx.reply(...messages);
  });

interface Candidate {
  value: string;
  takenAt: Date;
  note: string | null;
  origin: string;
}

/**
 * Validates a reading against its neighbours (under the meter's lock, so they cannot change
 * meanwhile) and stores it, refuses it with an explanation, or asks what to do with it.
 */
export async function checkAndStore(
  ctx: BotContext,
  { tx, audit }: ActorContext,
  meter: ChatMeter,
  candidate: Candidate,
): Promise<Message[]> {
  const { t } = ctx;
  const source = meter.source;
  await lockSource(tx, source.id);
  const { previous, next } = await neighbours(tx, source.id, candidate.takenAt);
  const verdict = validateReading({
    source: {
      kind: source.kind,
      digits: source.digits,
      validators: await getValidators(tx, source),
    },
    value: candidate.value,
    takenAt: candidate.takenAt,
    now: ctx.deps.clock(),
    previous: previous && toPoint(previous),
    next: next && toPoint(next),
    recentDailyRates: await recentDailyRates(tx, source.id, candidate.takenAt),
  });

  if (verdict.outcome === 'reject') {
    return [
      text(
        describeProblem(verdict.problem, ctx.language, source.unit, { timeZone: source.timezone }),
        [quickMessage(t.button.history, t.say.history(meter.number))],
      ),
    ];
  }
  if (verdict.outcome === 'confirm') {
    const [question] = await tx
      .insert(readingConfirmations)
      .values({
        sourceId: source.id,
        userId: ctx.user!.id,
        chatKey: ctx.chat!.key,
        value: candidate.value,
        takenAt: candidate.takenAt,
        note: candidate.note,
        origin: candidate.origin,
        verdict,
      })
      .returning({ id: readingConfirmations.id });
    return questionMessages(ctx, meter, verdict, question!.id, candidate.value);
  }

  const reading = await insertReading(tx, {
    sourceId: source.id,
    takenAt: candidate.takenAt,
    value: candidate.value,
    enteredBy: ctx.user!.id,
    note: candidate.note,
    origin: candidate.origin,
    registerEvent: null,
  });
  audit({
    action: 'reading.add',
    subjectType: 'reading',
    subjectId: reading.id,
    sourceId: source.id,
    after: describeReading(reading),
  });
  await setLastSource(tx, ctx.user!.id, source.id);
  return storedMessages(ctx, meter, reading, verdict.usageSincePrevious, verdict.days);
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
        value: withUnit(reading.value, unit),
        when: formatWhen(reading.takenAt, ctx.language, meter.source.timezone, ctx.deps.clock()),
        since,
        note: reading.note,
      }),
      [
        quickMessage(t.button.undo, t.say.undo),
        quickMessage(t.button.history, t.say.history(meter.number)),
        quickMessage(t.button.usage, t.say.usage(meter.number)),
        quickMessage(t.button.chart, t.say.chart(meter.number)),
      ],
    ),
  ];
}

/** A replay of an event whose reading is already stored: the same confirmation again. */
async function answerForStored(
  ctx: BotContext,
  { tx }: ActorContext,
  reading: Reading,
): Promise<Message[]> {
  const meter = (await listChatMeters(tx, ctx.chat!, ctx.user?.id ?? null)).find(
    (candidate) => candidate.source.id === reading.sourceId,
  );
  return meter ? storedMessages(ctx, meter, reading, null, null) : [];
}

function questionMessages(
  ctx: BotContext,
  meter: ChatMeter,
  verdict: Extract<Verdict, { outcome: 'confirm' }>,
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
  if (verdict.options.typo)
    actions.push(choice('typo', t.button.typo(formatNumber(verdict.options.typo.suggestion))));
  if (verdict.options.rollover) {
    actions.push(
      choice('rollover', t.button.rollover(formatNumber(verdict.options.rollover.usage))),
    );
  }
  // Four buttons at most: "new meter" can also be typed, so it gives way first.
  if (verdict.options.replacement && actions.length < 2)
    actions.push(choice('replacement', t.button.replacement));
  actions.push(choice('store', t.button.store(formatNumber(value))));
  actions.push(choice('cancel', t.button.cancel));
  return [text(explanation), buttons(explanation, t.readingQuestion(labelOf(ctx, meter)), actions)];
}

const sameName = (a: string, b: string) =>
  a.normalize('NFKC').toLocaleLowerCase().trim() === b.normalize('NFKC').toLocaleLowerCase().trim();

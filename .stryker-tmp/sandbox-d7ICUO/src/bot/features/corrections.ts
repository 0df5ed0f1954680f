// @ts-nocheck
import type { ActorContext } from '../../db/actor';
import type { ReadingRef } from '../../domain/commands';
import { describeProblem, validateReading } from '../../domain/validation';
import { type ChatMeter, getValidators, listChatMeters } from '../../store/meters';
import {
  describeReading,
  findByNumber,
  findByOrigin,
  findDeletedByOrigin,
  lastEnteredBy,
  latestReading,
  lockSource,
  neighbours,
  type Reading,
  recentDailyRates,
  retireReading,
  supersedeReading,
  toPoint,
} from '../../store/readings';
import { Composer } from '../composer';
import type { BotContext } from '../context';
import { withUnit } from '../format';
import { hasRole, labelOf, resolveMeter } from '../meter-access';
import { type Message, quickMessage, text } from '../reply';

/** `undo`, `fix #12 = 4512`, `delete #12`: old values are retired, never lost. */
export const corrections = new Composer()
  .command('undo', async (ctx) => {
    const { t } = ctx;
    const user = ctx.user!;
    const messages = await ctx.transaction(async ({ tx, audit }) => {
      const meters = await listChatMeters(tx, ctx.chat!, user.id);
      const meterOf = (reading: Reading) => meters.find((m) => m.source.id === reading.sourceId);
      // A replayed "undo" must not take back a second reading.
      const earlier = await findDeletedByOrigin(tx, ctx.eventId);
      if (earlier) {
        const meter = meterOf(earlier);
        return meter
          ? [
              text(
                t.undone(
                  labelOf(ctx, meter),
                  earlier.number,
                  withUnit(earlier.value, meter.source.unit),
                ),
              ),
            ]
          : [];
      }
      const reading = await lastEnteredBy(
        tx,
        user.id,
        meters.map((m) => m.source.id),
      );
      const meter = reading && meterOf(reading);
      if (!reading || !meter) return [text(t.nothingToUndo)];
      if (!hasRole(meter.role, 'write')) return [text(t.readOnly(labelOf(ctx, meter)))];
      if (!(await retire(ctx, { tx, audit }, meter, reading, 'reading.undo'))) {
        return [text(t.nothingToUndo)];
      }
      return [
        text(
          t.undone(labelOf(ctx, meter), reading.number, withUnit(reading.value, meter.source.unit)),
          [quickMessage(t.button.history, t.say.history(meter.number))],
        ),
      ];
    });
    await ctx.reply(...messages);
  })
  .command('fix', async (ctx, command) => {
    const { t } = ctx;
    const user = ctx.user!;
    const messages = await ctx.transaction(async (context) => {
      const { tx, audit } = context;
      const replayed = await findByOrigin(tx, ctx.eventId);
      const target = await findTarget(ctx, context, command.target);
      if ('answer' in target) return target.answer;
      const { meter, reading } = target;
      const unit = meter.source.unit;
      if (replayed) {
        return [
          text(
            t.fixed(
              labelOf(ctx, meter),
              replayed.number,
              '…',
              withUnit(replayed.value, unit),
              null,
            ),
          ),
        ];
      }
      await lockSource(tx, meter.source.id);
      const { previous, next } = await neighbours(tx, meter.source.id, reading.takenAt, reading.id);
      const verdict = validateReading({
        source: {
          kind: meter.source.kind,
          digits: meter.source.digits,
          validators: await getValidators(tx, meter.source),
        },
        value: command.value,
        takenAt: reading.takenAt,
        now: ctx.deps.clock(),
        previous: previous && toPoint(previous),
        next: next && toPoint(next),
        recentDailyRates: await recentDailyRates(tx, meter.source.id, reading.takenAt),
      });
      const describe = (problem: Parameters<typeof describeProblem>[0]) =>
        describeProblem(problem, ctx.language, unit, { timeZone: meter.source.timezone });
      if (verdict.outcome === 'reject' && verdict.problem.code !== 'future') {
        return [text(describe(verdict.problem))];
      }
      // A fix must still fit between its neighbours (fix those first); other doubts about a
      // deliberate correction, such as an unusual rate, are mentioned rather than asked about.
      const outOfOrder =
        verdict.outcome === 'confirm'
          ? verdict.problems.find(
              (p) => p.code === 'lowerThanPrevious' || p.code === 'higherThanNext',
            )
          : undefined;
      if (outOfOrder) return [text(describe(outOfOrder))];
      const warning =
        verdict.outcome === 'confirm' ? verdict.problems.map(describe).join(' ') : null;
      const fixed = await supersedeReading(tx, reading, {
        value: command.value,
        enteredBy: user.id,
        origin: ctx.eventId,
      });
      audit({
        action: 'reading.fix',
        subjectType: 'reading',
        subjectId: fixed.id,
        sourceId: meter.source.id,
        before: describeReading(reading),
        after: describeReading(fixed),
      });
      return [
        text(
          t.fixed(
            labelOf(ctx, meter),
            reading.number,
            withUnit(reading.value, unit),
            withUnit(fixed.value, unit),
            warning,
          ),
          [quickMessage(t.button.history, t.say.history(meter.number))],
        ),
      ];
    });
    if (messages) await ctx.reply(...messages);
  })
  .command('delete', async (ctx, command) => {
    const { t } = ctx;
    const user = ctx.user!;
    const messages = await ctx.transaction(async (context) => {
      const { tx } = context;
      const replayed = await findDeletedByOrigin(tx, ctx.eventId);
      if (replayed) {
        const meter = (await listChatMeters(tx, ctx.chat!, user.id)).find(
          (m) => m.source.id === replayed.sourceId,
        );
        return meter
          ? [
              text(
                t.deleted(
                  labelOf(ctx, meter),
                  replayed.number,
                  withUnit(replayed.value, meter.source.unit),
                ),
              ),
            ]
          : [];
      }
      const target = await findTarget(ctx, context, command.target);
      if ('answer' in target) return target.answer;
      const { meter, reading } = target;
      if (!(await retire(ctx, context, meter, reading, 'reading.delete'))) {
        return [text(t.readingNotFound(labelOf(ctx, meter), reading.number))];
      }
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
    });
    if (messages) await ctx.reply(...messages);
  });

/** Undo and delete: the row is stamped (never removed), under the meter's lock, and audited. */
async function retire(
  ctx: BotContext,
  { tx, audit }: Pick<ActorContext, 'tx' | 'audit'>,
  meter: ChatMeter,
  reading: Reading,
  action: 'reading.undo' | 'reading.delete',
): Promise<boolean> {
  await lockSource(tx, meter.source.id);
  if (!(await retireReading(tx, reading, ctx.user!.id, ctx.eventId))) return false;
  audit({
    action,
    subjectType: 'reading',
    subjectId: reading.id,
    sourceId: meter.source.id,
    before: describeReading(reading),
  });
  return true;
}

/**
 * The reading a fix or delete means, if the speaker may change it: writers their own readings,
 * admins anyone's.
 */
async function findTarget(
  ctx: BotContext,
  { tx }: ActorContext,
  ref: ReadingRef,
): Promise<{ meter: ChatMeter; reading: Reading } | { answer: Message[] | null }> {
  const { t } = ctx;
  const resolved = await resolveMeter(ctx, tx, ref.meter, 'write');
  if ('answer' in resolved) return resolved;
  const { meter } = resolved;
  const label = labelOf(ctx, meter);
  const reading =
    ref.which === 'last'
      ? await latestReading(tx, meter.source.id)
      : await findByNumber(tx, meter.source.id, ref.number);
  if (!reading) {
    return {
      answer: [
        text(ref.which === 'last' ? t.noHistory(label) : t.readingNotFound(label, ref.number)),
      ],
    };
  }
  if (meter.role !== 'admin' && reading.enteredBy !== ctx.user!.id) {
    return { answer: [text(t.notYourReading(label, reading.number))] };
  }
  return { meter, reading };
}

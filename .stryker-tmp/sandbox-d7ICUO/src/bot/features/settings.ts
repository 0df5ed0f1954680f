// @ts-nocheck
import { eq } from 'drizzle-orm';
import { sources } from '../../db/schema';
import { resolveTakenAt } from '../../domain/time';
import { describeProblem, validateReading } from '../../domain/validation';
import { getValidators, saveValidators } from '../../store/meters';
import {
  describeReading,
  findByOrigin,
  insertReading,
  lockSource,
  neighbours,
  toPoint,
} from '../../store/readings';
import { Composer } from '../composer';
import { formatNumber, withUnit } from '../format';
import { labelOf, resolveMeter } from '../meter-access';
import { quickMessage, text } from '../reply';

/** `set meter 1 min 0 max 99999 digits 5` and `new meter 1 final 45210 initial 3`. */
export const settings = new Composer()
  .command('setMeter', async (ctx, command) => {
    const { t } = ctx;
    const messages = await ctx.transaction(async ({ tx, audit }) => {
      const resolved = await resolveMeter(ctx, tx, command.meter, 'admin');
      if ('answer' in resolved) return resolved.answer;
      const { meter } = resolved;
      const before = { ...(await getValidators(tx, meter.source)), digits: meter.source.digits };
      const after = {
        min: command.min === undefined ? before.min : command.min,
        max: command.max === undefined ? before.max : command.max,
        nonDecreasing: before.nonDecreasing,
        maxRatePerDay: command.maxRate === undefined ? before.maxRatePerDay : command.maxRate,
        digits: command.digits === undefined ? before.digits : command.digits,
      };
      const { digits, ...validators } = after;
      await saveValidators(tx, meter.source, validators);
      if (digits !== before.digits)
        await tx.update(sources).set({ digits }).where(eq(sources.id, meter.source.id));
      audit({
        action: 'meter.settings',
        subjectType: 'source',
        subjectId: meter.source.id,
        sourceId: meter.source.id,
        before,
        after,
      });
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
  .command('replaceMeter', async (ctx, command) => {
    const { t } = ctx;
    const user = ctx.user!;
    const messages = await ctx.transaction(async ({ tx, audit }) => {
      const resolved = await resolveMeter(ctx, tx, command.meter, 'write');
      if ('answer' in resolved) return resolved.answer;
      const { meter } = resolved;
      const source = meter.source;
      const label = labelOf(ctx, meter);
      const done = [
        text(
          t.replaced(
            label,
            withUnit(command.final, source.unit),
            withUnit(command.initial, source.unit),
          ),
          [quickMessage(t.button.history, t.say.history(meter.number))],
        ),
      ];
      if (await findByOrigin(tx, ctx.eventId)) return done;

      const takenAt = resolveTakenAt(command.at, source.timezone, ctx.occurredAt);
      await lockSource(tx, source.id);
      // The old register's final reading must fit its history like any reading would.
      const { previous, next } = await neighbours(tx, source.id, takenAt);
      const verdict = validateReading({
        source: {
          kind: source.kind,
          digits: source.digits,
          validators: await getValidators(tx, source),
        },
        value: command.final,
        takenAt,
        now: ctx.deps.clock(),
        previous: previous && toPoint(previous),
        next: null,
        recentDailyRates: [],
      });
      const problem =
        verdict.outcome === 'reject'
          ? verdict.problem
          : verdict.outcome === 'confirm'
            ? verdict.problems[0]
            : null;
      if (problem && problem.code !== 'rateTooHigh') {
        return [
          text(describeProblem(problem, ctx.language, source.unit, { timeZone: source.timezone })),
        ];
      }
      if (next) {
        // Readings after the swap belong to the new register; a replacement goes at the end.
        return [text(t.malformed('replaceMeter', 'badDate'))];
      }
      const final = await insertReading(tx, {
        sourceId: source.id,
        takenAt,
        value: command.final,
        enteredBy: user.id,
        note: null,
        origin: ctx.eventId,
        registerEvent: 'replacement_final',
      });
      const initial = await insertReading(tx, {
        sourceId: source.id,
        takenAt,
        value: command.initial,
        enteredBy: user.id,
        note: null,
        origin: `${ctx.eventId}:initial`,
        registerEvent: 'replacement_initial',
      });
      audit({
        action: 'reading.replace',
        subjectType: 'source',
        subjectId: source.id,
        sourceId: source.id,
        after: {
          final: describeReading(final),
          initial: describeReading(initial),
          note: formatNumber(command.final),
        },
      });
      return done;
    });
    if (messages) await ctx.reply(...messages);
  });

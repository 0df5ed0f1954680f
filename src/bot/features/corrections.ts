import type { ReadingRef } from '../../domain/commands';
import type { Problem } from '../../domain/validation';
import type { ValuesProblem } from '../../domain/values';
import { deleteReading, fixReading, type TargetMissing } from '../../readings/correct';
import { type LoggedChange, type Undo, undoLastChange } from '../../readings/undo';
import { type NegativeStep, type ReplacementPair, replacementPair } from '../../readings/wraps';
import { shownHistorySince } from '../../store/changes';
import { type ChatMeter, findArchivedMeter, hasRole, listChatMeters } from '../../store/meters';
import { findByNumber, latestReading, type Reading } from '../../store/readings';
import { Composer, type SpeakerContext } from '../composer';
import type { BotContext } from '../context';
import { formatWhen, readingValue } from '../format';
import { type ChangeSummary, describeProblem, type ReplacementHalves } from '../messages';
import { authorOf, labelOf, resolveMeter } from '../meter-access';
import { buttons, type Message, postbackAction, quickMessage, text } from '../reply';

/** `fix #3` and `delete #3` mean the history shown to this person here, for this long. */
const SHOWN_HISTORY_MS = 15 * 60 * 1000;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

type Tx = Parameters<Parameters<BotContext['transaction']>[0]>[0]['tx'];

/** `undo`, `fix meter 2 #3 = 141`, `delete meter 2 #3`: old values are retired, never lost. */
export const corrections = new Composer()
  .userCommand('undo', async (ctx) => {
    await ctx.reply(...(await undo(ctx, null)));
  })
  .postback('undo', async (ctx, [id = '', answer = '']) => {
    if (answer !== 'yes') {
      await ctx.reply(text(ctx.t.corrections.kept));
      return;
    }
    await ctx.reply(...(await undo(ctx, UUID.test(id) ? id : '')));
  })
  .userCommand('fix', async (ctx, command) => {
    const { t } = ctx;
    const messages = await ctx.transaction(async (context) => {
      const target = await meantMeter(ctx, context.tx, command.target, (meter, number) =>
        t.corrections.say.fix(meter, number, command.value),
      );
      if ('answer' in target) return target.answer;
      const { meter } = target;
      const unit = meter.source.unit;
      const fixed = await fixReading(
        context,
        authorOf(ctx),
        meter,
        command.target,
        command.value,
        ctx.eventId,
        command.extra,
      );
      const describe = (problem: Problem | ValuesProblem) =>
        describeProblem(problem, ctx.language, unit, {
          timeZone: meter.source.timezone,
          now: ctx.deps.clock(),
        });
      switch (fixed.outcome) {
        case 'replayed':
          return [
            text(
              t.fixed(
                labelOf(ctx, meter),
                fixed.reading.number,
                '…',
                readingValue(fixed.reading, unit),
                null,
              ),
            ),
          ];
        case 'refused':
          return [text(describe(fixed.problem))];
        case 'unchanged':
          return [
            text(
              t.fixUnchanged(
                labelOf(ctx, meter),
                fixed.reading.number,
                readingValue(fixed.reading, unit),
              ),
              [quickMessage(t.button.history, t.corrections.say.history(meter.number))],
            ),
          ];
        case 'fixed': {
          const { before, after, warnings } = fixed;
          return [
            text(
              t.fixed(
                labelOf(ctx, meter),
                before.number,
                readingValue(before, unit),
                readingValue(after, unit),
                warnings.length > 0 ? warnings.map(describe).join(' ') : null,
              ),
              [
                quickMessage(t.button.undo, t.say.undo),
                quickMessage(t.button.history, t.corrections.say.history(meter.number)),
              ],
            ),
          ];
        }
        default:
          return missingMessages(ctx, meter, fixed);
      }
    });
    if (messages) await ctx.reply(...messages);
  })
  .userCommand('delete', async (ctx, command) => {
    const { t } = ctx;
    const messages = await ctx.transaction(async (context) => {
      const target = await meantMeter(ctx, context.tx, command.target, (meter, number) =>
        t.corrections.say.delete(meter, number),
      );
      if ('answer' in target) return target.answer;
      const { meter, meters } = target;
      const deleted = await deleteReading(
        context,
        authorOf(ctx),
        meter,
        command.target,
        ctx.eventId,
      );
      switch (deleted.outcome) {
        case 'replayed': {
          const { reading, replacement } = deleted;
          const earlier = meters.find((m) => m.source.id === reading.sourceId);
          if (!earlier) return [];
          const label = labelOf(ctx, earlier);
          const unit = earlier.source.unit;
          return [
            text(
              replacement
                ? t.deletedReplacement(label, halves(replacement, unit))
                : t.deleted(label, reading.number, readingValue(reading, unit)),
            ),
          ];
        }
        case 'replacementInUse': {
          const { later } = deleted;
          return [
            text(
              t.corrections.deleteReplaceBlocked(
                labelOf(ctx, meter),
                later.number,
                readingValue(later, meter.source.unit),
              ),
              [quickMessage(t.button.history, t.corrections.say.history(meter.number))],
            ),
          ];
        }
        case 'deletedReplacement':
          return [
            text(
              t.deletedReplacement(
                labelOf(ctx, meter),
                halves(deleted.replacement, meter.source.unit),
              ),
              [
                quickMessage(t.button.undo, t.say.undo),
                quickMessage(t.button.history, t.corrections.say.history(meter.number)),
              ],
            ),
          ];
        case 'alreadyGone':
          return [text(t.readingNotFound(labelOf(ctx, meter), deleted.reading.number))];
        case 'negativeUse': {
          const { reading, steps } = deleted;
          const unit = meter.source.unit;
          return [
            text(
              t.corrections.deleteNegative(
                labelOf(ctx, meter),
                numbered(reading, unit),
                negativeSteps(ctx, steps, unit),
              ),
              [quickMessage(t.button.history, t.corrections.say.history(meter.number))],
            ),
          ];
        }
        case 'deleted': {
          const { reading } = deleted;
          return [
            text(
              t.deleted(
                labelOf(ctx, meter),
                reading.number,
                readingValue(reading, meter.source.unit),
              ),
              [
                quickMessage(t.button.undo, t.say.undo),
                quickMessage(t.button.history, t.corrections.say.history(meter.number)),
              ],
            ),
          ];
        }
        default:
          return missingMessages(ctx, meter, deleted);
      }
    });
    if (messages) await ctx.reply(...messages);
  });

/**
 * The meter a `fix` or `delete` means: the one named; else the one whose history this person
 * was last shown here (recently); else the only one they may change here; else they are asked,
 * one button per meter that has that reading. Never "the last meter written to".
 */
/** The meter a `#3` means for this person here (also used by `photo #3`). */
export async function meantMeter(
  ctx: SpeakerContext,
  tx: Tx,
  target: ReadingRef,
  retry: (meter: number, reading: number) => string,
): Promise<{ meter: ChatMeter; meters: ChatMeter[] } | { answer: Message[] | null }> {
  if (target.meter) return resolveMeter(ctx, tx, target.meter, 'write');
  const { t } = ctx;
  const meters = await listChatMeters(tx, ctx.chat, ctx.user.id);
  const now = ctx.deps.clock();
  const shownId = await shownHistorySince(
    tx,
    ctx.user.id,
    ctx.chat.key,
    new Date(now.getTime() - SHOWN_HISTORY_MS),
  );
  const shown = meters.find((meter) => meter.source.id === shownId);
  if (shown) return resolveMeter(ctx, tx, { by: 'number', number: shown.number }, 'write');
  const writable = meters.filter((meter) => hasRole(meter.role, 'write'));
  if (writable.length <= 1) {
    // None or one: resolveMeter says why none, or checks the one.
    const only = writable[0] ?? meters[0];
    return only
      ? resolveMeter(ctx, tx, { by: 'number', number: only.number }, 'write')
      : resolveMeter(ctx, tx, undefined, 'write');
  }
  const candidates: { meter: ChatMeter; reading: Reading }[] = [];
  for (const meter of writable) {
    const reading =
      target.which === 'last'
        ? await latestReading(tx, meter.source.id)
        : await findByNumber(tx, meter.source.id, target.number);
    if (reading) candidates.push({ meter, reading });
  }
  if (candidates.length === 1) {
    const { meter } = candidates[0]!;
    return resolveMeter(ctx, tx, { by: 'number', number: meter.number }, 'write');
  }
  if (candidates.length === 0) {
    const number = target.which === 'number' ? target.number : 0;
    return {
      answer: [
        text(t.corrections.whichMeter(number, [], retry(2, number)), [
          quickMessage(t.button.meters, t.say.meters),
        ]),
      ],
    };
  }
  const lines = candidates.map(({ meter, reading }) =>
    t.corrections.candidate(
      labelOf(ctx, meter),
      reading.number,
      readingValue(reading, meter.source.unit),
      formatWhen(reading.takenAt, ctx.language, meter.source.timezone, now),
    ),
  );
  const number = candidates[0]!.reading.number;
  return {
    answer: [
      text(
        t.corrections.whichMeter(number, lines, retry(candidates.at(-1)!.meter.number, number)),
        candidates.map(({ meter, reading }) =>
          quickMessage(
            `${meter.number}. ${meter.source.name}`,
            retry(meter.number, reading.number),
          ),
        ),
      ),
    ],
  };
}

/** Runs an undo (`confirmedId`: the change a tap on "Undo it" named) and says what it did. */
async function undo(ctx: SpeakerContext, confirmedId: string | null): Promise<Message[]> {
  const { t } = ctx;
  return ctx.transaction(async (context) => {
    const meters = await listChatMeters(context.tx, ctx.chat, ctx.user.id);
    const undone = await undoLastChange(context, authorOf(ctx), ctx.eventId, confirmedId);
    if (undone.outcome === 'nothing') return [text(t.corrections.nothingToUndo)];
    const { change } = undone;
    // An archived meter is no longer listed here, but undo may bring it back.
    const label = await labelFor(ctx, context.tx, meters, change.sourceId);
    const summary = summarise(meters, change);
    switch (undone.outcome) {
      case 'ask': {
        const when = formatWhen(change.at, ctx.language, ctx.user.timezone, ctx.deps.clock());
        const question = t.corrections.undoAsk(label, summary, when);
        return [
          buttons(question, question, [
            postbackAction(
              t.corrections.undoButton,
              `undo:${change.id}:yes`,
              t.corrections.undoButton,
            ),
            postbackAction(
              t.corrections.keepButton,
              `undo:${change.id}:no`,
              t.corrections.keepButton,
            ),
          ]),
        ];
      }
      case 'refused':
        return [
          text(
            t.corrections.undoRefused(
              label,
              describeProblem(undone.problem, ctx.language, unitOf(meters, change), {
                now: ctx.deps.clock(),
              }),
            ),
          ),
        ];
      case 'stale':
        return [text(t.corrections.undoStale(label))];
      case 'laterReadings':
        return [
          text(
            (change.detail.kind === 'reading.delete'
              ? t.corrections.undoDeleteReplaceBlocked
              : t.corrections.undoReplaceBlocked)(
              label,
              undone.later.number,
              readingValue(undone.later, unitOf(meters, change)),
            ),
          ),
        ];
      case 'negativeUse':
        return [
          text(
            t.corrections.undoNegative(
              label,
              negativeSteps(ctx, undone.steps, unitOf(meters, change)),
            ),
          ),
        ];
      case 'notAllowed':
        return [text(t.readOnly(label))];
      case 'undone':
        return undoneMessages(ctx, meters, undone, label, summary);
    }
  });
}

function undoneMessages(
  ctx: BotContext,
  meters: ChatMeter[],
  undone: Extract<Undo, { outcome: 'undone' }>,
  label: string,
  summary: ChangeSummary,
): Message[] {
  const { t } = ctx;
  const meter = meters.find((m) => m.source.id === undone.change.sourceId);
  return [
    text(t.corrections.undone(label, summary), [
      quickMessage(t.button.undo, t.say.undo),
      ...(meter ? [quickMessage(t.button.history, t.corrections.say.history(meter.number))] : []),
    ]),
  ];
}

/** The two halves of a meter replacement, numbered, as the replies name them. */
const halves = (replacement: ReplacementPair, unit: string): ReplacementHalves => ({
  final: { number: replacement.final.number, value: readingValue(replacement.final, unit) },
  initial: { number: replacement.initial.number, value: readingValue(replacement.initial, unit) },
});

/** A reading as a refusal names it: "#6 5 m³". */
const numbered = (reading: Reading, unit: string) =>
  `#${reading.number} ${readingValue(reading, unit)}`;

/** Most steps a refusal lists: the first ones are enough to act on. */
const SHOWN_STEPS = 3;

/** The readings that would follow each other and count wrong, one phrase each. */
export function negativeSteps(ctx: BotContext, steps: NegativeStep[], unit: string): string[] {
  return steps
    .slice(0, SHOWN_STEPS)
    .map(({ previous, next, fault }) =>
      ctx.t.corrections[fault === 'negative' ? 'negativeUse' : 'wholeTurn'](
        numbered(next, unit),
        numbered(previous, unit),
      ),
    );
}

const unitOf = (meters: ChatMeter[], change: LoggedChange) =>
  meters.find((m) => m.source.id === change.sourceId)?.source.unit ?? '';

/** What a change did, in the catalog's terms. */
function summarise(meters: ChatMeter[], change: LoggedChange): ChangeSummary {
  const unit = unitOf(meters, change);
  const { detail } = change;
  switch (detail.kind) {
    case 'reading.add':
      return {
        kind: 'add',
        number: detail.reading.number,
        value: readingValue(detail.reading, unit),
      };
    case 'reading.fix':
      return {
        kind: 'fix',
        number: detail.before.number,
        before: readingValue(detail.before, unit),
        after: readingValue(detail.after, unit),
      };
    case 'reading.delete':
      if (detail.partner) {
        return {
          kind: 'deleteReplacement',
          ...halves(replacementPair(detail.reading, detail.partner), unit),
        };
      }
      return {
        kind: 'delete',
        number: detail.reading.number,
        value: readingValue(detail.reading, unit),
      };
    case 'reading.replace':
      return {
        kind: 'replace',
        final: readingValue(detail.final, unit),
        initial: readingValue(detail.initial, unit),
      };
    case 'meter.archive':
      return { kind: 'archive' };
    case 'meter.settings':
      return { kind: 'settings' };
  }
}

/** The meter's label in this chat, also for one archived meanwhile (numbers are kept). */
async function labelFor(
  ctx: SpeakerContext,
  tx: Tx,
  meters: ChatMeter[],
  sourceId: string,
): Promise<string> {
  const listed = meters.find((m) => m.source.id === sourceId);
  if (listed) return labelOf(ctx, listed);
  const archived = await findArchivedMeter(tx, ctx.chat.key, sourceId);
  return archived ? ctx.t.meterLabel(archived.number, archived.name) : '';
}

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

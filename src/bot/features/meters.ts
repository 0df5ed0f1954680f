import { personal } from '../../db/personal';
import { formatValueNames } from '../../domain/values';
import { chatNumber, createMeter, listChatMeters, ownerHasMeterNamed } from '../../store/meters';
import { latestReading } from '../../store/readings';
import { putGroupShare } from '../../store/sharing';
import { METER_CARD_ROWS, type MeterRow, meterListCard } from '../cards';
import { Composer } from '../composer';
import { formatWhen, readingValue } from '../format';
import { cardCatalogs } from '../messages';
import { groupNamesOf } from '../meter-access';
import { quickMessage, text } from '../reply';
import { valuesCatalogs } from '../values-messages';

/** An example reading with `count` values, shaped like blood pressure: 120/80 72. */
const exampleValues = (count: number): string =>
  ['120', '80', '72', '36.5', '98', '60'].slice(0, count).join('/');

/** `add meter …` and `meters`. */
export const meters = new Composer()
  .userCommand('addMeter', async (ctx, command) => {
    const user = ctx.user;
    const chat = ctx.chat;
    const { t } = ctx;
    const inGroup = chat.type !== 'user';
    const answer = await ctx.transaction(async ({ tx, audit }) => {
      if (await ownerHasMeterNamed(tx, user.id, command.name)) {
        return text(t.meterNameTaken(command.name));
      }
      const values = command.values;
      // Several values per reading make a measurement (a gauge): nothing to add up.
      const source = await createMeter(tx, {
        ownerId: user.id,
        name: command.name,
        unit: command.unit ?? '',
        kind: values ? 'gauge' : (command.kind ?? 'cumulative'),
        timezone: user.timezone,
        ...(values
          ? {
              valueNames: values.map((v) => v.name),
              requiredValues: values.filter((v) => !v.optional).length,
            }
          : {}),
      });
      audit({
        action: 'meter.create',
        subjectType: 'source',
        subjectId: source.id,
        sourceId: source.id,
        // A meter's name may say whose home it is: sealed like any personal field.
        after: {
          name: personal(source.name),
          unit: source.unit,
          kind: source.kind,
          ...(source.valueNames
            ? { valueNames: source.valueNames, requiredValues: source.requiredValues }
            : {}),
        },
      });
      // Created in a group: the family meant it for the group, so share it there at once.
      if (inGroup) {
        await putGroupShare(tx, {
          chatId: chat.lineId,
          sourceId: source.id,
          role: 'write',
          grantedBy: user.id,
        });
        audit({
          action: 'share.add',
          subjectType: 'group',
          subjectId: chat.lineId,
          sourceId: source.id,
          after: { role: 'write' },
        });
      }
      const ownNumber = await chatNumber(tx, `user:${user.id}`, source.id);
      const number = inGroup ? await chatNumber(tx, chat.key, source.id) : ownNumber;
      const example = t.say.reading(number, values ? exampleValues(values.length) : '4521');
      const created = t.meterCreated(
        t.meterLabel(number, source.name),
        source.unit,
        inGroup,
        example,
      );
      const withValues = values
        ? `${created}\n${valuesCatalogs[ctx.language].created(
            formatValueNames(
              values.map((v) => v.name),
              values.length,
            ),
            values.filter((v) => v.optional).map((v) => v.name),
          )}`
        : created;
      return text(withValues, [
        quickMessage(t.button.history, t.say.history(number)),
        quickMessage(t.button.meters, t.say.meters),
      ]);
    });
    await ctx.reply(answer);
  })
  .command('listMeters', async (ctx) => {
    const { t } = ctx;
    const chat = ctx.chat;
    if (!chat) return;
    const inGroup = chat.type !== 'user';
    const now = ctx.deps.clock();
    const answer = await ctx.transaction(async ({ tx }) => {
      const list = await listChatMeters(tx, chat, ctx.user?.id ?? null);
      const groups = await groupNamesOf(ctx, list);
      if (list.length === 0) {
        return text(
          inGroup ? t.noMetersInGroup : t.noMeters,
          inGroup ? [] : [quickMessage(t.button.addMeter, t.say.addMeterExample)],
        );
      }
      const lines = [];
      const rows: MeterRow[] = [];
      for (const meter of list) {
        const last = await latestReading(tx, meter.source.id);
        const unit = meter.source.unit ? ` (${meter.source.unit})` : '';
        const status = last
          ? t.lastReading(
              readingValue(last, meter.source.unit),
              formatWhen(last.takenAt, ctx.language, meter.source.timezone, now),
            )
          : t.noReadingsYet;
        const via = meter.via === null ? null : t.viaGroup(groups.get(meter.via) ?? null);
        lines.push(
          `${meter.number}. ${meter.source.name}${unit}${via ? `, ${via}` : ''}: ${status}`,
        );
        rows.push({
          number: meter.number,
          name: meter.source.name,
          unit: meter.source.unit,
          status,
          ...(via ? { via } : {}),
        });
      }
      return meterListCard({
        t,
        cards: cardCatalogs[ctx.language],
        inGroup,
        rows,
        altText: t.meterList(inGroup, lines),
        // The card's rows open their meters' history already; quick replies offer the same
        // only for the meters the card has no room for.
        quickReplies: list
          .slice(METER_CARD_ROWS, METER_CARD_ROWS + 13)
          .map((meter) =>
            quickMessage(`${meter.number}. ${meter.source.name}`, t.say.history(meter.number)),
          ),
      });
    });
    await ctx.reply(answer);
  });

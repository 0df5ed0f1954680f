import { recordChange } from '../../readings/undo';
import {
  archiveMeter,
  findMeter,
  hasRole,
  listChatMeters,
  ownerHasMeterNamed,
  unarchiveMeter,
} from '../../store/meters';
import { Composer } from '../composer';
import { authorOf, labelOf, resolveMeter } from '../meter-access';
import { buttons, postbackAction, quickMessage, text } from '../reply';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * `archive meter 5` (asks first), `unarchive meter 5`, `archived`. In a group the numbers are the
 * group's, never the speaker's own.
 */
export const archive = new Composer()
  .userCommand('archive', async (ctx, command) => {
    const { t } = ctx;
    const messages = await ctx.transaction(async ({ tx }) => {
      const resolved = await resolveMeter(ctx, tx, command.meter, 'admin');
      if ('answer' in resolved) return resolved.answer;
      const { meter } = resolved;
      // Archiving hides the meter from everyone it is shared with: the owner decides that.
      if (meter.source.ownerId !== ctx.user.id) return [text(t.ownerOnly(labelOf(ctx, meter)))];
      const question = t.corrections.archiveAsk(
        labelOf(ctx, meter),
        t.corrections.say.unarchive(meter.number),
      );
      const data = `archive:${meter.source.id}`;
      return [
        buttons(question, question, [
          postbackAction(t.corrections.archiveButton, `${data}:yes`, t.corrections.archiveButton),
          postbackAction(t.button.cancel, `${data}:no`, t.button.cancel),
        ]),
      ];
    });
    if (messages) await ctx.reply(...messages);
  })
  .postback('archive', async (ctx, [sourceId = '', answer = '']) => {
    const { t } = ctx;
    if (answer !== 'yes' || !UUID.test(sourceId)) {
      await ctx.reply(text(t.corrections.kept));
      return;
    }
    const messages = await ctx.transaction(async ({ tx, audit }) => {
      const meters = await listChatMeters(tx, ctx.chat, ctx.user.id);
      const meter = meters.find((m) => m.source.id === sourceId);
      // Archived already (a second tap), or no longer usable here.
      if (!meter) return [text(t.alreadyAnswered)];
      const label = labelOf(ctx, meter);
      if (!hasRole(meter.role, 'admin')) return [text(t.adminOnly(label))];
      if (meter.source.ownerId !== ctx.user.id) return [text(t.ownerOnly(label))];
      await archiveMeter(tx, meter.source.id);
      audit({
        action: 'meter.archive',
        subjectType: 'source',
        subjectId: meter.source.id,
        sourceId: meter.source.id,
      });
      await recordChange(
        tx,
        authorOf(ctx),
        meter.source.id,
        { kind: 'meter.archive' },
        ctx.eventId,
      );
      const command = t.corrections.say.unarchive(meter.number);
      return [
        text(t.corrections.archived(label, command), [
          quickMessage(t.button.undo, t.say.undo),
          quickMessage(t.button.meters, t.say.meters),
        ]),
      ];
    });
    await ctx.reply(...messages);
  })
  .userCommand('unarchive', async (ctx, command) => {
    const { t } = ctx;
    const messages = await ctx.transaction(async ({ tx, audit }) => {
      const archived = await listChatMeters(tx, ctx.chat, ctx.user.id, true);
      const found = findMeter(archived, command.meter);
      if (!('found' in found)) {
        // Perhaps it is not archived at all.
        const active = await resolveMeter(ctx, tx, command.meter, 'read');
        if ('meter' in active) return [text(t.corrections.notArchived(labelOf(ctx, active.meter)))];
        return [text(t.corrections.noArchived)];
      }
      const meter = found.found;
      const label = labelOf(ctx, meter);
      if (!hasRole(meter.role, 'admin')) return [text(t.adminOnly(label))];
      if (meter.source.ownerId !== ctx.user.id) return [text(t.ownerOnly(label))];
      if (await ownerHasMeterNamed(tx, meter.source.ownerId, meter.source.name)) {
        return [text(t.corrections.nameTaken(label))];
      }
      await unarchiveMeter(tx, meter.source.id);
      audit({
        action: 'meter.unarchive',
        subjectType: 'source',
        subjectId: meter.source.id,
        sourceId: meter.source.id,
      });
      return [
        text(t.corrections.unarchived(label), [
          quickMessage(t.button.history, t.corrections.say.history(meter.number)),
        ]),
      ];
    });
    await ctx.reply(...messages);
  })
  .userCommand('listArchived', async (ctx) => {
    const { t } = ctx;
    const messages = await ctx.transaction(async ({ tx }) => {
      const archived = await listChatMeters(tx, ctx.chat, ctx.user.id, true);
      if (archived.length === 0) return [text(t.corrections.noArchived)];
      return [
        text(
          t.corrections.archivedList(archived.map((m) => labelOf(ctx, m))),
          archived
            .filter((m) => hasRole(m.role, 'admin'))
            .slice(0, 13)
            .map((m) =>
              quickMessage(`${m.number}. ${m.source.name}`, t.corrections.say.unarchive(m.number)),
            ),
        ),
      ];
    });
    await ctx.reply(...messages);
  });

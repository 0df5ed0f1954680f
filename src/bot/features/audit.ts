import { archiveMeter } from '../../store/meters';
import { type AuditRow, recentAudit } from '../../store/sharing';
import { Composer } from '../composer';
import { formatWhen, withUnit } from '../format';
import { labelOf, resolveMeter, resolveMeterHereOrOwn } from '../meter-access';
import { text } from '../reply';

const SHOWN = 10;

/** A short "what changed" for one audit entry: values, roles, settings. */
function detailOf(entry: AuditRow, unit: string): string {
  const before = (entry.before ?? {}) as Record<string, unknown>;
  const after = (entry.after ?? {}) as Record<string, unknown>;
  const value = (v: unknown) => (typeof v === 'string' ? withUnit(v, unit) : '');
  const number = (row: Record<string, unknown>) =>
    typeof row.number === 'number' ? `#${row.number} ` : '';
  switch (entry.action) {
    case 'reading.add':
      return `${number(after)}${value(after.value)}`;
    case 'reading.fix':
      return `${number(before)}${value(before.value)} → ${value(after.value)}`;
    case 'reading.undo':
    case 'reading.delete':
      return `${number(before)}${value(before.value)}`;
    case 'access.grant':
    case 'access.change':
    case 'share.add':
    case 'share.change':
      return `${before.role ? `${before.role} → ` : ''}${String(after.role ?? '')}`;
    case 'access.revoke':
    case 'share.end':
      return String(before.role ?? '');
    default:
      return '';
  }
}

/** `audit meter 1` (admins): the latest audit entries about a meter. `archive meter 1` too. */
export const auditTrail = new Composer()
  .command('audit', async (ctx, command) => {
    const { t } = ctx;
    const now = ctx.deps.clock();
    const messages = await ctx.transaction(async ({ tx, audit }) => {
      // In a group, only meters shared there: the answer is read by everyone in the group.
      const resolved = await resolveMeter(ctx, tx, command.meter, 'admin');
      if ('answer' in resolved) return resolved.answer;
      const { meter } = resolved;
      const label = labelOf(ctx, meter);
      const entries = await recentAudit(tx, meter.source.id, SHOWN);
      // Looking at the trail is itself an access worth recording (written after the query).
      audit({
        action: 'audit.view',
        subjectType: 'source',
        subjectId: meter.source.id,
        sourceId: meter.source.id,
      });
      if (entries.length === 0) return [text(t.auditEmpty(label))];
      const lines = entries.map((entry) =>
        t.auditLine(
          formatWhen(entry.at, ctx.language, meter.source.timezone, now),
          entry.actorName || t.someone,
          entry.action,
          detailOf(entry, meter.source.unit),
        ),
      );
      return [text(t.auditList(label, lines))];
    });
    if (messages) await ctx.reply(...messages);
  })
  .command('archive', async (ctx, command) => {
    const { t } = ctx;
    const messages = await ctx.transaction(async ({ tx, audit }) => {
      const resolved = await resolveMeterHereOrOwn(ctx, tx, command.meter, 'admin');
      if ('answer' in resolved) return resolved.answer;
      const { meter } = resolved;
      // Archiving hides the meter from everyone it is shared with: the owner decides that.
      if (meter.source.ownerId !== ctx.user?.id) return [text(t.ownerOnly(labelOf(ctx, meter)))];
      await archiveMeter(tx, meter.source.id);
      audit({
        action: 'meter.archive',
        subjectType: 'source',
        subjectId: meter.source.id,
        sourceId: meter.source.id,
      });
      return [text(t.archived(labelOf(ctx, meter)))];
    });
    if (messages) await ctx.reply(...messages);
  });

import { isErased, openPersonal, personKey } from '../../db/personal';
import { type AuditRow, recentAudit } from '../../store/sharing';
import { Composer } from '../composer';
import { formatWhen, withUnit } from '../format';
import { labelOf, resolveMeter } from '../meter-access';
import { text } from '../reply';

const SHOWN = 10;

/**
 * A short "what changed" for one audit entry: values, roles, settings, and a reading's note
 * (opened with its author's key; `erased` once that person deleted their data).
 */
function detailOf(entry: AuditRow, unit: string, erased: string): string {
  const before = (entry.before ?? {}) as Record<string, unknown>;
  const after = (entry.after ?? {}) as Record<string, unknown>;
  const value = (v: unknown) => (typeof v === 'string' ? withUnit(v, unit) : '');
  const number = (row: Record<string, unknown>) =>
    typeof row.number === 'number' ? `#${row.number} ` : '';
  const note = (row: Record<string, unknown>) =>
    isErased(row.note) ? ` · ${erased}` : typeof row.note === 'string' ? ` · "${row.note}"` : '';
  switch (entry.action) {
    case 'reading.add':
      return `${number(after)}${value(after.value)}${note(after)}`;
    case 'reading.fix':
      return `${number(before)}${value(before.value)} → ${value(after.value)}`;
    case 'reading.undo':
    case 'reading.delete':
      return `${number(before)}${value(before.value)}`;
    case 'access.grant':
    case 'access.change':
    case 'share.add':
    case 'share.change':
      return `(${before.role ? `${before.role} → ` : ''}${String(after.role ?? '')})`;
    case 'access.revoke':
    case 'share.end':
      return before.role ? `(${String(before.role)})` : '';
    default:
      return '';
  }
}

/** `audit meter 1` (admins): the latest audit entries about a meter. */
export const auditTrail = new Composer().userCommand('audit', async (ctx, command) => {
  const { t } = ctx;
  const now = ctx.deps.clock();
  const messages = await ctx.transaction(async ({ tx, audit }) => {
    // In a group, only meters shared there: the answer is read by everyone in the group.
    const resolved = await resolveMeter(ctx, tx, command.meter, 'admin');
    if ('answer' in resolved) return resolved.answer;
    const { meter } = resolved;
    const label = labelOf(ctx, meter);
    const keyOf = (personId: string) => personKey(tx, personId, false);
    const keys = new Map<string, Buffer | null>();
    const entries: AuditRow[] = [];
    for (const entry of await recentAudit(tx, meter.source.id, SHOWN)) {
      entries.push({
        ...entry,
        before: await openPersonal(entry.before, keyOf, keys),
        after: await openPersonal(entry.after, keyOf, keys),
      });
    }
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
        // A person who deleted their data is no longer named, only marked.
        entry.actorId !== null && entry.actorName === null
          ? t.erased
          : entry.actorName || t.someone,
        t.auditAction(entry.action),
        detailOf(entry, meter.source.unit, t.erased),
      ),
    );
    return [text(t.auditList(label, lines))];
  });
  if (messages) await ctx.reply(...messages);
});

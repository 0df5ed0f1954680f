import type { GroupRole, Role } from '../../domain/types';
import { eventSource, textMessageOf } from '../../line/events';
import { forgetGroup } from '../../store/groups';
import { chatNumber } from '../../store/meters';
import {
  type AccessList,
  accessList,
  endGroupShares,
  putGrant,
  putGroupShare,
  removeGrant,
  removeGroupShare,
} from '../../store/sharing';
import type { User } from '../../store/users';
import { Composer } from '../composer';
import type { BotContext } from '../context';
import { ensureLineUser } from '../identify';
import { hasRole, labelOf, ownChat, resolveMeter, resolveMeterHereOrOwn } from '../meter-access';
import { type Message, quickMessage, text } from '../reply';

const inGroup = (ctx: BotContext) => ctx.chat !== null && ctx.chat.type !== 'user';

/**
 * The person an @-mention points at. LINE names mentioned users only when they have agreed to
 * share their profile; the text after @ is never trusted as an identity.
 */
async function mentionedUser(ctx: BotContext, memberText: string): Promise<User | Message[]> {
  const people = (textMessageOf(ctx.event)?.mentionees ?? []).filter(
    (m) => m.type === 'user' && !m.isSelf,
  );
  if (people.length !== 1) return [text(ctx.t.mentionSomeone)];
  const userId = people[0]!.userId;
  if (!userId) return [text(ctx.t.mentionNeedsConsent(memberText))];
  return ensureLineUser(ctx.deps, eventSource(ctx.event), userId);
}

const displayName = (user: User, memberText: string) =>
  user.displayName || memberText.replace(/^@/, '');

/** Personal grants first, then group shares, each oldest first: the numbers `unshare #n` uses. */
type AccessEntry =
  | { kind: 'person'; id: string; name: string; role: Role }
  | { kind: 'group'; chatId: string; role: GroupRole };

const entriesOf = (list: AccessList): AccessEntry[] => [
  ...list.people.map((p) => ({ kind: 'person' as const, ...p })),
  ...list.groups.map((g) => ({ kind: 'group' as const, ...g })),
];

/**
 * `share meter 1 [read]` shares one of the speaker's own meters with the group (the owner
 * only: a meter never reaches a group its owner did not choose); `share meter 1 @Mom write`
 * gives one member a personal role (admins too); `unshare` takes either back, and
 * `unshare meter 1 #2` takes back entry 2 of `access meter 1` from any chat, so no grant is
 * stranded when the grantee or the owner has left the group. When LINE removes the bot from a
 * group, that group's shares end.
 */
export const sharing = new Composer()
  .userCommand('share', async (ctx, command) => {
    const { t } = ctx;
    if (!inGroup(ctx)) {
      await ctx.reply(text(t.shareInGroup));
      return;
    }
    let target: User | null = null;
    if (command.member) {
      const found = await mentionedUser(ctx, command.member);
      if (Array.isArray(found)) return ctx.reply(...found);
      target = found;
    }
    const chat = ctx.chat;
    const speaker = ctx.user;
    const messages = await ctx.transaction(async ({ tx, audit }) => {
      const resolved = await resolveMeter(ctx, tx, command.meter, 'admin', undefined, ownChat(ctx));
      if ('answer' in resolved) return resolved.answer;
      const { meter } = resolved;
      const label = labelOf(ctx, meter);
      const source = meter.source;

      if (target) {
        const name = displayName(target, command.member ?? '');
        if (target.id === source.ownerId) return [text(t.ownerStays(name, label))];
        const role: Role = command.role ?? 'write';
        const before = await putGrant(tx, {
          userId: target.id,
          sourceId: source.id,
          role,
          grantedBy: speaker.id,
        });
        if (before === role) return [text(t.grantUnchanged(name, label, role))];
        audit({
          action: before ? 'access.change' : 'access.grant',
          subjectType: 'user',
          subjectId: target.id,
          sourceId: source.id,
          before: before ? { role: before } : null,
          after: { role },
        });
        return [text(t.granted(name, label, role))];
      }

      if (command.role === 'admin') return [text(t.malformed('share', 'badRole'))];
      if (source.ownerId !== speaker.id) return [text(t.ownerOnly(label))];
      const role: GroupRole = command.role ?? 'write';
      const before = await putGroupShare(tx, {
        chatId: chat.lineId,
        sourceId: source.id,
        role,
        grantedBy: speaker.id,
      });
      if (before === role) return [text(t.shareUnchanged(label, role))];
      audit({
        action: before ? 'share.change' : 'share.add',
        subjectType: 'group',
        subjectId: chat.lineId,
        sourceId: source.id,
        before: before ? { role: before } : null,
        after: { role },
      });
      const groupNumber = await chatNumber(tx, chat.key, source.id);
      return [text(t.shared(label, groupNumber, role, t.say.reading(groupNumber, '4521')))];
    });
    if (messages) await ctx.reply(...messages);
  })
  .userCommand('unshare', async (ctx, command) => {
    const { t } = ctx;
    let target: User | null = null;
    if (command.member) {
      const found = await mentionedUser(ctx, command.member);
      if (Array.isArray(found)) return ctx.reply(...found);
      target = found;
    } else if (command.entry === undefined && !inGroup(ctx)) {
      await ctx.reply(text(t.shareInGroup));
      return;
    }
    const chat = ctx.chat;
    const messages = await ctx.transaction(async ({ tx, audit }) => {
      const resolved = await resolveMeterHereOrOwn(ctx, tx, command.meter, 'admin');
      if ('answer' in resolved) return resolved.answer;
      const { meter } = resolved;
      const label = labelOf(ctx, meter);
      const source = meter.source;
      if (command.entry !== undefined) {
        const list = await accessList(tx, source.id, source.ownerId);
        const entry = entriesOf(list)[command.entry - 1];
        if (!entry) return [text(t.noAccessEntry(label, command.entry))];
        if (entry.kind === 'person') {
          await removeGrant(tx, entry.id, source.id);
          audit({
            action: 'access.revoke',
            subjectType: 'user',
            subjectId: entry.id,
            sourceId: source.id,
            before: { role: entry.role },
          });
          return [text(t.revoked(entry.name || t.someone, label))];
        }
        await removeGroupShare(tx, entry.chatId, source.id);
        audit({
          action: 'share.remove',
          subjectType: 'group',
          subjectId: entry.chatId,
          sourceId: source.id,
          before: { role: entry.role },
        });
        return [text(t.groupShareRevoked(label, command.entry))];
      }
      if (target) {
        const name = displayName(target, command.member ?? '');
        if (target.id === source.ownerId) return [text(t.ownerStays(name, label))];
        const before = await removeGrant(tx, target.id, source.id);
        if (!before) return [text(t.noGrant(name, label))];
        audit({
          action: 'access.revoke',
          subjectType: 'user',
          subjectId: target.id,
          sourceId: source.id,
          before: { role: before },
        });
        return [text(t.revoked(name, label))];
      }
      if (!(await removeGroupShare(tx, chat.lineId, source.id))) return [text(t.notShared(label))];
      audit({
        action: 'share.remove',
        subjectType: 'group',
        subjectId: chat.lineId,
        sourceId: source.id,
      });
      return [text(t.unshared(label))];
    });
    if (messages) await ctx.reply(...messages);
  })
  // In a group, only meters shared there: the answer is read by everyone in the group.
  .command('access', async (ctx, command) => {
    const { t } = ctx;
    const messages = await ctx.transaction(async ({ tx, audit }) => {
      const resolved = await resolveMeter(ctx, tx, command.meter, 'read');
      if ('answer' in resolved) return resolved.answer;
      const { meter } = resolved;
      const list = await accessList(tx, meter.source.id, meter.source.ownerId);
      audit({
        action: 'access.view',
        subjectType: 'source',
        subjectId: meter.source.id,
        sourceId: meter.source.id,
      });
      const here = ctx.chat && ctx.chat.type !== 'user' ? ctx.chat.lineId : null;
      const entries = entriesOf(list);
      const lines = [
        t.accessOwner(list.owner.name),
        ...entries.map((e, i) =>
          e.kind === 'person'
            ? t.accessPerson(i + 1, e.name, e.role)
            : t.accessGroup(i + 1, e.chatId === here, e.role),
        ),
      ];
      // Admins get a revoke button per entry; the numbers are those of this chat.
      const canRevoke = hasRole(meter.role, 'admin') && entries.length > 0;
      if (canRevoke) lines.push(t.accessRevokeHint(t.say.unshareEntry(meter.number, 1)));
      const buttons = canRevoke
        ? entries.map((_, i) =>
            quickMessage(t.button.revoke(i + 1), t.say.unshareEntry(meter.number, i + 1)),
          )
        : [];
      return [text(t.accessList(labelOf(ctx, meter), lines), buttons)];
    });
    if (messages) await ctx.reply(...messages);
  })
  .event('leave', async (ctx) => {
    const chat = ctx.chat;
    if (!chat || chat.type === 'user') return;
    // No user acts here: LINE says the bot is out, so the group loses what was shared with it.
    await ctx.transaction(async ({ tx, audit }) => {
      await forgetGroup(tx, chat.lineId);
      for (const share of await endGroupShares(tx, chat.lineId)) {
        audit({
          action: 'share.end',
          subjectType: 'group',
          subjectId: share.chatId,
          sourceId: share.sourceId,
          before: { role: share.role },
          after: { reason: 'bot removed from the group' },
        });
      }
    });
  });

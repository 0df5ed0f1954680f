import type { GroupRole, Role } from '../../domain/types';
import { eventSource, textMessageOf } from '../../line/events';
import { chatNumber } from '../../store/meters';
import {
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
import { labelOf, ownChat, resolveMeter, resolveMeterHereOrOwn } from '../meter-access';
import { type Message, text } from '../reply';

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

/**
 * `share meter 1 [read]` shares one of the speaker's own meters with the group;
 * `share meter 1 @Mom write` gives one member a personal role; `unshare` takes either back;
 * `access meter 1` lists who may do what. When LINE removes the bot from a group, that
 * group's shares end.
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
    } else if (!inGroup(ctx)) {
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
      const lines = [
        t.accessOwner(list.owner.name),
        ...list.people.map((p) => t.accessPerson(p.name, p.role)),
        ...list.groups.map((g) => t.accessGroup(g.chatId === here, g.role)),
      ];
      return [text(t.accessList(labelOf(ctx, meter), lines))];
    });
    if (messages) await ctx.reply(...messages);
  })
  .event('leave', async (ctx) => {
    const chat = ctx.chat;
    if (!chat || chat.type === 'user') return;
    // No user acts here: LINE says the bot is out, so the group loses what was shared with it.
    await ctx.transaction(async ({ tx, audit }) => {
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

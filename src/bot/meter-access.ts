import type { Tx } from '../db/client';
import type { MeterRef } from '../domain/commands';
import type { Role } from '../domain/types';
import type { Author } from '../readings/context';
import { type Chat, type ChatMeter, findMeter, hasRole, listChatMeters } from '../store/meters';
import type { SpeakerContext } from './composer';
import type { BotContext } from './context';
import { type Message, quickMessage, text } from './reply';

export { hasRole };

export type MeterResolution =
  | { meter: ChatMeter; meters: ChatMeter[] }
  /** What to answer instead (null: stay silent, e.g. group chatter that named no meter). */
  | { answer: Message[] | null };

/**
 * Finds the meter a command means in this chat and checks the speaker's role on it. Someone
 * without access is told only that there is no such meter here, never that it exists.
 * `retry(number)` rebuilds the command for a quick reply when the meter was left out.
 */
export async function resolveMeter(
  ctx: BotContext,
  tx: Tx,
  ref: MeterRef | undefined,
  need: Role,
  retry?: (number: number) => string,
  /** Whose numbering to use; default the chat the message came from. */
  chat: Chat | null = ctx.chat,
): Promise<MeterResolution> {
  const { t } = ctx;
  const inGroup = chat !== null && chat.type !== 'user';
  if (!chat) return { answer: null };
  const meters = await listChatMeters(tx, chat, ctx.user?.id ?? null);
  // In a group a bare value never goes to the speaker's last used meter: with several, ask.
  const found = findMeter(meters, ref, inGroup ? null : (ctx.user?.lastSourceId ?? null));

  if ('none' in found) {
    return {
      answer: [
        text(
          inGroup ? t.noMetersInGroup : t.noMeters,
          inGroup ? [] : [quickMessage(t.button.addMeter, t.say.addMeterExample)],
        ),
      ],
    };
  }
  if ('notFound' in found) {
    // In a group, "total = 500" naming no meter is chatter, not a command.
    if (inGroup && ref?.by === 'name' && !ctx.mentionsBot) return { answer: null };
    const what =
      ref?.by === 'number'
        ? ctx.language === 'th'
          ? `มิเตอร์ ${ref.number}`
          : `meter ${ref.number}`
        : `"${ref?.name ?? ''}"`;
    return { answer: [text(t.meterNotFound(what), [quickMessage(t.button.meters, t.say.meters)])] };
  }
  if ('ambiguous' in found && found.ambiguous.every((m) => m.via !== null)) {
    // Only meters of the person's groups carry the name: say which group each one is in.
    const groups = await groupNamesOf(ctx, found.ambiguous);
    return {
      answer: [
        text(
          t.groupMeterAmbiguous(
            ref?.by === 'name' ? ref.name : '',
            found.ambiguous.map(
              (m) => `${labelOf(ctx, m)}, ${t.viaGroup(groups.get(m.via ?? '') ?? null)}`,
            ),
          ),
          retry
            ? found.ambiguous.map((m) =>
                quickMessage(`${m.number}. ${m.source.name}`, retry(m.number)),
              )
            : [],
        ),
      ],
    };
  }
  if ('ambiguous' in found) {
    return {
      answer: [
        text(
          t.meterAmbiguous(
            ref?.by === 'name' ? ref.name : '',
            found.ambiguous.map((m) => m.source.name),
          ),
          retry
            ? found.ambiguous.map((m) =>
                quickMessage(`${m.number}. ${m.source.name}`, retry(m.number)),
              )
            : [],
        ),
      ],
    };
  }
  if ('choose' in found) {
    return {
      answer: [
        text(
          t.chooseMeter,
          retry
            ? found.choose.map((m) =>
                quickMessage(`${m.number}. ${m.source.name}`, retry(m.number)),
              )
            : [],
        ),
      ],
    };
  }
  const meter = found.found;
  if (!hasRole(meter.role, need)) {
    const label = t.meterLabel(meter.number, meter.source.name);
    return { answer: [text(need === 'admin' ? t.adminOnly(label) : t.readOnly(label))] };
  }
  return { meter, meters };
}

/** Who changes readings: the speaker, from this chat, at the bot's clock. */
export const authorOf = (ctx: SpeakerContext): Author => ({
  userId: ctx.user.id,
  chatKey: ctx.chat.key,
  clock: ctx.deps.clock,
  lastSourceId: ctx.user.lastSourceId,
});

export const labelOf = (ctx: BotContext, meter: ChatMeter): string =>
  ctx.t.meterLabel(meter.number, meter.source.name);

/** The speaker's own one-to-one chat, whose numbers `share` uses wherever it is written. */
export const ownChat = (ctx: BotContext): Chat | null =>
  ctx.user && ctx.lineUserId
    ? { type: 'user', lineId: ctx.lineUserId, key: `user:${ctx.user.id}` }
    : null;

/**
 * In a group, a meter is first looked up among those shared there, then among the speaker's
 * own (so "unshare meter 2" works with either numbering, and names always work).
 */
export async function resolveMeterHereOrOwn(
  ctx: BotContext,
  tx: Tx,
  ref: MeterRef,
  need: Role,
): Promise<MeterResolution> {
  const here = await resolveMeter(ctx, tx, ref, need);
  if ('meter' in here || ctx.chat?.type === 'user') return here;
  const own = ownChat(ctx);
  if (!own) return here;
  const mine = await resolveMeter(ctx, tx, ref, need, undefined, own);
  return 'meter' in mine ? mine : here;
}

/**
 * The names LINE shows for the groups that meters are used through (rooms have none). Asked
 * when needed rather than stored, so a renamed group shows its new name.
 */
export async function groupNamesOf(
  ctx: BotContext,
  meters: readonly ChatMeter[],
): Promise<Map<string, string | null>> {
  const names = new Map<string, string | null>();
  for (const meter of meters) {
    const via = meter.via;
    if (via === null || names.has(via)) continue;
    names.set(via, via.startsWith('C') ? await ctx.deps.line.groupName(via) : null);
  }
  return names;
}

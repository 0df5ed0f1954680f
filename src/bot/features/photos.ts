import type { messagingApi } from '@line/bot-sdk';
import { withActor } from '../../db/actor';
import { MAX_PHOTOS_PER_READING, PHOTO_REQUEST_MS, photoTypeOf } from '../../domain/photos';
import { imageMessageIdOf } from '../../line/events';
import { attachPhoto, photoTarget } from '../../photos/service';
import { hasRole, listChatMeters } from '../../store/meters';
import { requestPhoto } from '../../store/photos';
import { findByNumber, latestReading } from '../../store/readings';
import { Composer, isSpeaker, type SpeakerContext } from '../composer';
import type { BotContext } from '../context';
import { withUnit } from '../format';
import { authorOf, labelOf } from '../meter-access';
import { type Message, quickMessage, text } from '../reply';
import { meantMeter } from './corrections';

const inGroup = (ctx: BotContext) => ctx.chat !== null && ctx.chat.type !== 'user';

/** LINE's own buttons that open the camera or the photo library. */
const pickers = (ctx: BotContext): messagingApi.QuickReplyItem[] => [
  { type: 'action', action: { type: 'camera', label: ctx.t.photos.button.camera } },
  { type: 'action', action: { type: 'cameraRoll', label: ctx.t.photos.button.cameraRoll } },
];

/**
 * Photos as evidence for readings, in the one-to-one chat only: `photo #12` then an image, or an
 * image right after a reading. Groups: an image is never taken (the chat filter lets the bot
 * ignore it, as it ignores every message not written for it); `photo #12` there gets a polite
 * pointer to the one-to-one chat.
 */
export const photos = new Composer()
  // "รูป 555" in a family group is chatter, not a command to explain.
  .on(
    (ctx) =>
      inGroup(ctx) &&
      !ctx.mentionsBot &&
      ctx.command?.type === 'malformed' &&
      ctx.command.topic === 'photo',
    async () => {},
  )
  .userCommand('photo', async (ctx, command) => {
    const { t } = ctx;
    if (ctx.chat.type !== 'user') {
      await ctx.reply(text(t.photos.onlyOneToOne));
      return;
    }
    const messages = await ctx.transaction(async ({ tx }) => {
      const target = await meantMeter(ctx, tx, command.target, (meter, number) =>
        t.photos.say.photo(meter, number),
      );
      if ('answer' in target) return target.answer;
      const { meter } = target;
      const label = labelOf(ctx, meter);
      const reading =
        command.target.which === 'last'
          ? await latestReading(tx, meter.source.id)
          : await findByNumber(tx, meter.source.id, command.target.number);
      if (!reading) {
        return [
          text(
            command.target.which === 'last'
              ? t.noHistory(label)
              : t.readingNotFound(label, command.target.number),
          ),
        ];
      }
      await requestPhoto(tx, {
        userId: ctx.user.id,
        chatKey: ctx.chat.key,
        sourceId: meter.source.id,
        number: reading.number,
        requestedAt: ctx.deps.clock(),
      });
      return [
        text(
          t.photos.sendNow(
            label,
            reading.number,
            withUnit(reading.value, meter.source.unit),
            PHOTO_REQUEST_MS / 60_000,
          ),
          pickers(ctx),
        ),
      ];
    });
    if (messages) await ctx.reply(...messages);
  })
  .on(
    (ctx) => ctx.chat?.type === 'user' && imageMessageIdOf(ctx.event) !== null,
    async (ctx) => {
      if (!isSpeaker(ctx)) {
        await ctx.reply(text(ctx.t.noUserId));
        return;
      }
      await ctx.reply(...(await keepImage(ctx, imageMessageIdOf(ctx.event) ?? '')));
    },
  );

/**
 * An image in the one-to-one chat: find the reading it is for, fetch it from LINE, check it and
 * keep it. Nothing is downloaded when no reading is waiting for it, and nothing is stored unless
 * every check passes.
 */
async function keepImage(ctx: SpeakerContext, messageId: string): Promise<Message[]> {
  const { t, deps } = ctx;
  const author = authorOf(ctx);
  const waiting = await withActor(deps.database.db, ctx.actor, ({ tx }) =>
    photoTarget(tx, author, false),
  );
  if (!waiting) return [text(t.photos.whichReading)];

  const maxBytes = deps.config.photos.maxBytes;
  const content = await deps.line.messageContent(messageId, maxBytes);
  if (!content.ok) {
    return [
      text(
        content.reason === 'tooLarge'
          ? t.photos.tooLarge(Math.floor(maxBytes / (1024 * 1024)))
          : t.photos.unavailable,
      ),
    ];
  }
  const contentType = photoTypeOf(content.bytes);
  if (!contentType) return [text(t.photos.notAnImage)];

  return ctx.transaction(async (context) => {
    // Again, in the transaction that stores it: the request is consumed here.
    const target = await photoTarget(context.tx, author, true);
    if (!target) return [text(t.photos.whichReading)];
    const meters = await listChatMeters(context.tx, ctx.chat, ctx.user.id);
    const meter = meters.find((m) => m.source.id === target.sourceId);
    if (!meter) return [text(t.photos.whichReading)];
    const label = labelOf(ctx, meter);
    if (!hasRole(meter.role, 'write')) return [text(t.readOnly(label))];
    const attached = await attachPhoto(context, author, {
      sourceId: target.sourceId,
      number: target.number,
      bytes: content.bytes,
      contentType,
      origin: ctx.eventId,
    });
    const unit = meter.source.unit;
    switch (attached.outcome) {
      case 'attached':
        return [
          text(
            t.photos.attached(
              label,
              attached.reading.number,
              withUnit(attached.reading.value, unit),
              attached.count,
            ),
            [quickMessage(t.button.history, t.say.history(meter.number))],
          ),
        ];
      case 'replayed':
        return attached.reading
          ? [
              text(
                t.photos.attached(
                  label,
                  attached.reading.number,
                  withUnit(attached.reading.value, unit),
                  1,
                ),
              ),
            ]
          : [text(t.photos.readingGone(target.number))];
      case 'readingGone':
        return [text(t.photos.readingGone(target.number))];
      case 'tooMany':
        return [text(t.photos.tooMany(label, attached.reading.number, MAX_PHOTOS_PER_READING))];
    }
  });
}

import { photoUrl } from '../../photos/service';
import { rememberShownHistory } from '../../store/changes';
import { newestPhotos } from '../../store/photos';
import { history as loadHistory, withdrawnReadings } from '../../store/readings';
import { Composer } from '../composer';
import { formatWhen, readingValue } from '../format';
import { labelOf, resolveMeter } from '../meter-access';
import { quickMessage, text } from '../reply';
import { usageReply } from './values';

const SHOWN = 10;

/** `history meter 1`: the newest readings with their #numbers, times and who entered them. */
export const history = new Composer().command('history', async (ctx, command) => {
  const { t } = ctx;
  const now = ctx.deps.clock();
  const messages = await ctx.transaction(async ({ tx, audit }) => {
    const resolved = await resolveMeter(ctx, tx, command.meter, 'read', (n) => t.say.history(n));
    if ('answer' in resolved) return resolved.answer;
    const { meter } = resolved;
    const source = meter.source;
    audit({
      action: 'history.view',
      subjectType: 'source',
      subjectId: source.id,
      sourceId: source.id,
    });
    // `fix #3` / `delete #3` without a meter now mean this one, for this person, here.
    if (ctx.user && ctx.chat) {
      await rememberShownHistory(tx, {
        userId: ctx.user.id,
        chatKey: ctx.chat.key,
        sourceId: source.id,
        shownAt: now,
      });
    }
    const current = await loadHistory(tx, source.id, SHOWN + 1);
    const withdrawn = new Set(
      (await withdrawnReadings(tx, source.id, SHOWN)).map((line) => {
        current.push(line);
        return line.reading.id;
      }),
    );
    const lines = current.sort(
      (a, b) =>
        b.reading.takenAt.getTime() - a.reading.takenAt.getTime() ||
        b.reading.number - a.reading.number,
    );
    const label = labelOf(ctx, meter);
    if (lines.length === 0) return [text(t.noHistory(label))];
    const shown = lines.slice(0, SHOWN);
    // Photos of the readings shown that are current (a withdrawn reading's photo is hidden).
    const photos = await newestPhotos(
      tx,
      source.id,
      shown
        .filter(({ reading }) => !withdrawn.has(reading.id))
        .map(({ reading }) => reading.number),
    );
    const rendered = shown.map(({ reading, enteredByName }) => {
      const line = t.historyLine({
        number: reading.number,
        value: readingValue(reading, source.unit),
        when: formatWhen(reading.takenAt, ctx.language, source.timezone, now),
        who: enteredByName || null,
        note: reading.note,
        event: withdrawn.has(reading.id)
          ? t.corrections.withdrawn
          : reading.registerEvent
            ? t.registerEvent(reading.registerEvent)
            : null,
      });
      return photos.has(reading.number) && !withdrawn.has(reading.id)
        ? t.photos.marked(line)
        : line;
    });
    // A link per photo, for this viewer: every fetch checks their access again.
    const viewer = ctx.user;
    const links =
      viewer && photos.size > 0
        ? `\n\n${t.photos.links(
            shown.flatMap(({ reading: { number } }) => {
              const photoId = photos.get(number);
              if (!photoId) return [];
              return [
                {
                  number,
                  url: photoUrl(ctx.deps, {
                    photoId,
                    userId: viewer.id,
                    chatId: ctx.actor.chatId ?? null,
                    lineUserId: ctx.lineUserId,
                  }),
                },
              ];
            }),
            Math.round(ctx.deps.config.photos.linkLifetimeMs / 3_600_000),
          )}`
        : '';
    return [
      text(`${t.history(label, rendered, lines.length > SHOWN)}${links}`, [
        quickMessage(t.button.undo, t.say.undo),
        ...usageReply(ctx, meter),
        quickMessage(t.button.chart, t.say.chart(meter.number)),
      ]),
    ];
  });
  if (messages) await ctx.reply(...messages);
});

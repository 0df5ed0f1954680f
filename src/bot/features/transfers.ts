import { formatDateTime, withUnit } from '../../domain/format';
import { parseReadingsCsv } from '../../domain/readings-csv';
import { issueExportLink } from '../../exports/service';
import { fileMessageOf } from '../../line/events';
import { type ImportCandidate, previewImport, storeImport } from '../../readings/import';
import {
  closeImport,
  findImport,
  markReady,
  openImport,
  reopenAsCancelled,
  type StoredImportRow,
  waitingImport,
} from '../../store/imports';
import { hasRole, listChatMeters, type Source } from '../../store/meters';
import { Composer, isSpeaker, type SpeakerContext } from '../composer';
import type { BotContext } from '../context';
import { exportCatalogs, type ImportRefusal } from '../export-messages';
import { authorOf, labelOf, resolveMeter } from '../meter-access';
import { buttons, postbackAction, quickMessage, text } from '../reply';

/** The largest import file taken (LINE states the size first; the download is capped too). */
export const IMPORT_MAX_BYTES = 1024 * 1024;
/** The most data rows one import file may have: each is checked like a typed reading. */
export const IMPORT_MAX_ROWS = 2000;
/** How long the bot waits for the file, and then for the tap that stores it. */
export const IMPORT_WAIT_MINUTES = 30;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const FILE_NAME = /\.(csv|txt|tsv)$/i;

const catalog = (ctx: BotContext) => exportCatalogs[ctx.language];
const inPrivate = (ctx: SpeakerContext) => ctx.chat.type === 'user';
const waitUntil = (ctx: BotContext) =>
  new Date(ctx.deps.clock().getTime() + IMPORT_WAIT_MINUTES * 60_000);

/**
 * `export meter 1`, `export my data` (download links), `import meter 1` and the confirmation of
 * an import. Exports and imports happen in the one-to-one chat only: a link to someone's data
 * posted in a group would be everyone's.
 */
export const transfers = new Composer()
  .userCommand('exportMeter', async (ctx, command) => {
    const say = catalog(ctx);
    if (!inPrivate(ctx)) {
      await ctx.reply(text(say.onlyPrivate));
      return;
    }
    const messages = await ctx.transaction(async ({ tx, audit }) => {
      const resolved = await resolveMeter(ctx, tx, command.meter, 'read', (n) =>
        ctx.language === 'th' ? `ส่งออก มิเตอร์ ${n}` : `export meter ${n}`,
      );
      if ('answer' in resolved) return resolved.answer;
      const { meter } = resolved;
      const link = issueExportLink(ctx.deps, {
        kind: 'meter',
        sourceId: meter.source.id,
        userId: ctx.user.id,
        language: ctx.language,
      });
      audit({
        action: 'export.meter.request',
        subjectType: 'source',
        subjectId: meter.source.id,
        sourceId: meter.source.id,
        after: { format: 'csv', expiresAt: link.expiresAt.toISOString() },
      });
      return [text(say.meterLink(labelOf(ctx, meter), link.url, until(ctx, link.expiresAt)))];
    });
    if (messages) await ctx.reply(...messages);
  })
  .userCommand('exportMyData', async (ctx) => {
    const say = catalog(ctx);
    if (!inPrivate(ctx)) {
      await ctx.reply(text(say.onlyPrivate));
      return;
    }
    const messages = await ctx.transaction(async ({ audit }) => {
      const link = issueExportLink(ctx.deps, {
        kind: 'person',
        userId: ctx.user.id,
        language: ctx.language,
      });
      audit({
        action: 'export.data.request',
        subjectType: 'user',
        subjectId: ctx.user.id,
        after: { format: 'json', expiresAt: link.expiresAt.toISOString() },
      });
      return [text(say.dataLink(link.url, until(ctx, link.expiresAt)))];
    });
    await ctx.reply(...messages);
  })
  .userCommand('importMeter', async (ctx, command) => {
    const say = catalog(ctx);
    if (!inPrivate(ctx)) {
      await ctx.reply(text(say.onlyPrivate));
      return;
    }
    const messages = await ctx.transaction(async ({ tx, audit }) => {
      const resolved = await resolveMeter(ctx, tx, command.meter, 'write', say.say.importMeter);
      if ('answer' in resolved) return resolved.answer;
      const { meter } = resolved;
      const id = await openImport(tx, {
        userId: ctx.user.id,
        sourceId: meter.source.id,
        chatKey: ctx.chat.key,
        expiresAt: waitUntil(ctx),
        now: ctx.deps.clock(),
      });
      audit({
        action: 'import.request',
        subjectType: 'import',
        subjectId: id,
        sourceId: meter.source.id,
      });
      return [
        text(say.importAsk(labelOf(ctx, meter), IMPORT_MAX_BYTES / 1024, IMPORT_WAIT_MINUTES)),
      ];
    });
    if (messages) await ctx.reply(...messages);
  })
  .postback('import', async (ctx, [id = '', answer = '']) => {
    const say = catalog(ctx);
    const now = ctx.deps.clock();
    if (!UUID.test(id)) {
      await ctx.reply(text(say.expired));
      return;
    }
    const messages = await ctx.transaction(async (context) => {
      const { tx } = context;
      if (answer !== 'yes') {
        return [text((await closeImport(tx, id, 'cancelled', now)) ? say.cancelled : say.expired)];
      }
      const pending = await findImport(tx, id);
      if (pending?.state !== 'ready' || pending.expiresAt <= now) {
        return [text(say.expired)];
      }
      const meters = await listChatMeters(tx, ctx.chat, ctx.user.id);
      const meter = meters.find((m) => m.source.id === pending.sourceId);
      if (!meter) return [text(say.expired)];
      const label = labelOf(ctx, meter);
      if (!hasRole(meter.role, 'write')) return [text(ctx.t.readOnly(label))];
      // Claimed first: a second tap, even a concurrent one, finds it closed.
      if (!(await closeImport(tx, id, 'stored', now))) return [text(say.expired)];
      const rows = ((pending.rows ?? []) as StoredImportRow[]).map(
        (row): ImportCandidate => ({ ...row, takenAt: new Date(row.takenAt) }),
      );
      const stored = await storeImport(context, authorOf(ctx), meter.source, id, rows);
      if (stored.outcome === 'changed') {
        await reopenAsCancelled(tx, id);
        const refused = stored.refused.map((r) => readingRefusal(meter.source, r));
        return [text(say.changed(label, refused, say.say.importMeter(meter.number)))];
      }
      return [
        text(say.stored(label, stored.readings.length), [
          quickMessage(say.historyButton, say.say.history(meter.number)),
        ]),
      ];
    });
    await ctx.reply(...messages);
  });

/**
 * A file sent in a chat: the CSV `import meter 1` asked for. Asked before the group filter, so
 * that someone waiting for an import who sends the file to a group hears where it should go;
 * any other file in a group is left alone.
 */
export const importFiles = new Composer().on(
  (ctx) => fileMessageOf(ctx.event) !== null,
  async (ctx) => {
    const say = catalog(ctx);
    const file = fileMessageOf(ctx.event)!;
    if (!isSpeaker(ctx)) {
      if (ctx.chat?.type === 'user') await ctx.reply(text(ctx.t.noUserId));
      return;
    }
    const now = ctx.deps.clock();
    const waiting = await ctx.transaction(({ tx }) => waitingImport(tx, ctx.user.id, now));
    if (ctx.chat.type !== 'user') {
      if (waiting) await ctx.reply(text(say.fileInGroup));
      return;
    }
    if (!waiting) {
      await ctx.reply(text(say.noImportWaiting));
      return;
    }
    const maxKb = IMPORT_MAX_BYTES / 1024;
    if (file.fileSize > IMPORT_MAX_BYTES) {
      await ctx.reply(text(say.tooLarge(maxKb)));
      return;
    }
    if (file.fileName !== '' && !FILE_NAME.test(file.fileName)) {
      await ctx.reply(text(say.notCsv));
      return;
    }
    const content = await ctx.deps.line.messageContent(file.id, IMPORT_MAX_BYTES);
    if (!content.ok) {
      await ctx.reply(
        text(content.reason === 'tooLarge' ? say.tooLarge(maxKb) : say.fileUnavailable),
      );
      return;
    }
    const csv = decodeUtf8(content.bytes);
    if (csv === null) {
      await ctx.reply(text(say.notCsv));
      return;
    }
    const messages = await ctx.transaction(async ({ tx }) => {
      const meters = await listChatMeters(tx, ctx.chat, ctx.user.id);
      const meter = meters.find((m) => m.source.id === waiting.sourceId);
      if (!meter) return [text(say.expired)];
      const label = labelOf(ctx, meter);
      if (!hasRole(meter.role, 'write')) return [text(ctx.t.readOnly(label))];
      const source = meter.source;
      const parsed = parseReadingsCsv(csv, source.timezone, IMPORT_MAX_ROWS);
      if (!parsed.ok) {
        if (parsed.problem === 'tooManyRows') return [text(say.tooManyRows(IMPORT_MAX_ROWS))];
        return [text(parsed.problem === 'empty' ? say.empty : say.notCsv)];
      }
      const { rows, rejected, skipped } = parsed.value;
      const check = await previewImport(tx, authorOf(ctx), source, waiting.id, rows);
      const refused: ImportRefusal[] = [
        ...rejected.map((r): ImportRefusal => ({ line: r.line, kind: 'file', problem: r.problem })),
        ...check.refused.map((r) => readingRefusal(source, r)),
      ].sort((a, b) => a.line - b.line);
      await markReady(
        tx,
        waiting.id,
        check.accepted.map((row) => ({ ...row, takenAt: row.takenAt.toISOString() })),
        waitUntil(ctx),
      );
      const first = check.accepted[0];
      const last = check.accepted.at(-1);
      if (!first || !last) {
        await closeImport(tx, waiting.id, 'cancelled', now);
        return [text(say.nothingToAdd(label, refused, skipped))];
      }
      const describe = (row: ImportCandidate) =>
        `${formatDateTime(row.takenAt, ctx.language, source.timezone, now)}: ${withUnit(row.value, source.unit)}`;
      const question = say.confirmButton(check.accepted.length);
      return [
        text(
          say.preview({
            label,
            count: check.accepted.length,
            first: describe(first),
            last: describe(last),
            refused,
            skipped,
          }),
        ),
        buttons(question, `${label}: ${question}?`, [
          postbackAction(question, `import:${waiting.id}:yes`, question),
          postbackAction(say.cancelButton, `import:${waiting.id}:no`, say.cancelButton),
        ]),
      ];
    });
    await ctx.reply(...messages);
  },
);

function until(ctx: SpeakerContext, at: Date): string {
  return formatDateTime(at, ctx.language, ctx.user.timezone, ctx.deps.clock());
}

function readingRefusal(
  source: Source,
  refused: { line: number; problem: ImportRefusal['problem'] },
): ImportRefusal {
  return {
    line: refused.line,
    kind: 'reading',
    problem: refused.problem as Extract<ImportRefusal, { kind: 'reading' }>['problem'],
    show: (value) => withUnit(value, source.unit),
  };
}

/** The text of a UTF-8 file (a byte order mark allowed), or null for anything else. */
function decodeUtf8(bytes: Buffer): string | null {
  if (bytes.includes(0)) return null;
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return null;
  }
}

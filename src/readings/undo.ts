import Decimal from 'decimal.js';
import { eq, sql } from 'drizzle-orm';
import { rows, type Tx } from '../db/client';
import { readings, sources } from '../db/schema';
import type { RegisterEvent, Role } from '../domain/types';
import type { Problem } from '../domain/validation';
import { setBillDay } from '../store/billing';
import {
  type Change,
  findChange,
  findUndoneBy,
  lastChange,
  logChange,
  markUndone,
} from '../store/changes';
import {
  hasRole,
  ownerHasMeterNamed,
  type Source,
  saveValidators,
  setDigits,
  unarchiveMeter,
  type Validators,
} from '../store/meters';
import {
  describeReading,
  findByNumber,
  lockSource,
  type Reading,
  retireReading,
  supersedeReading,
} from '../store/readings';
import { checkUnderLock, replacementMisfit } from './check';
import type { Author, Transaction } from './context';
import {
  checkRemoval,
  moveWrapOnto,
  type NegativeStep,
  readingAfterReplacement,
  replacementPair,
  stepsBrokenByDigits,
} from './wraps';

/** Older changes are described and confirmed before they are undone. */
export const ASK_BEFORE_UNDO_MS = 10 * 60 * 1000;

/**
 * Settings as a change records them, so that undo can put them back: the checks and register
 * size (`set meter 1 …`), or the billing day.
 */
export type MeterSettings = (Validators & { digits: number | null }) | { billDay: number | null };

/** What a change did, in the terms its inverse needs. */
export type ChangeDetail =
  | { kind: 'reading.add'; reading: Reading }
  | { kind: 'reading.fix'; before: Reading; after: Reading }
  /** `partner`: the other half of a meter replacement, deleted with `reading`. */
  | { kind: 'reading.delete'; reading: Reading; partner?: Reading }
  | { kind: 'reading.replace'; final: Reading; initial: Reading }
  | { kind: 'meter.archive' }
  | { kind: 'meter.settings'; before: MeterSettings; after: MeterSettings };

/** Logs a change so that this author's `undo` in this chat can take it back. */
export async function recordChange(
  tx: Tx,
  author: Author,
  sourceId: string,
  detail: ChangeDetail,
  origin: string,
): Promise<void> {
  const { kind, ...rest } = detail;
  await logChange(tx, {
    userId: author.userId,
    chatKey: author.chatKey,
    sourceId,
    kind,
    at: author.clock(),
    detail: JSON.parse(JSON.stringify(rest)),
    origin,
  });
}

/** A logged change with its detail read back (dates revived). */
export interface LoggedChange {
  id: string;
  sourceId: string;
  at: Date;
  detail: ChangeDetail;
}

export type Undo =
  /** Nothing of this author's left to undo in this chat. */
  | { outcome: 'nothing' }
  /** Older than ASK_BEFORE_UNDO_MS: say what it was and ask (postback with the change id). */
  | { outcome: 'ask'; change: LoggedChange }
  | { outcome: 'undone'; change: LoggedChange; restored: Reading | null }
  /** The inverse no longer fits (e.g. a later reading is lower than the restored value). */
  | { outcome: 'refused'; change: LoggedChange; problem: Problem }
  /** The author's role on the meter no longer allows it (or the meter is not usable here). */
  | { outcome: 'notAllowed'; change: LoggedChange }
  /** Someone changed it since (or the name is taken again): nothing to put back; skipped. */
  | { outcome: 'stale'; change: LoggedChange }
  /**
   * A replacement with readings on the new register after it: without the replacement they
   * would follow the old register's values and count negative use. Those go first.
   */
  | { outcome: 'laterReadings'; change: LoggedChange; later: Reading }
  /** Undoing it would leave these readings following each other with negative use. */
  | { outcome: 'negativeUse'; change: LoggedChange; steps: NegativeStep[] };

/**
 * `undo`: takes back this author's newest change in this chat that is not undone yet. A change
 * older than ten minutes is only described (`ask`) unless `confirmedId` names it.
 */
export async function undoLastChange(
  context: Transaction,
  author: Author,
  origin: string,
  confirmedId: string | null = null,
): Promise<Undo> {
  const { tx } = context;
  const replayed = await findUndoneBy(tx, origin);
  if (replayed) return { outcome: 'undone', change: revive(replayed), restored: null };
  const row = confirmedId
    ? await findChange(tx, confirmedId)
    : await lastChange(tx, author.userId, author.chatKey);
  if (
    !row ||
    row.undoneAt !== null ||
    row.userId !== author.userId ||
    row.chatKey !== author.chatKey
  ) {
    return { outcome: 'nothing' };
  }
  const change = revive(row);
  const now = author.clock();
  if (!confirmedId && now.getTime() - change.at.getTime() > ASK_BEFORE_UNDO_MS) {
    return { outcome: 'ask', change };
  }
  // Taking a change back needs the rights that making it needed, as they are now.
  const need = change.detail.kind.startsWith('meter.') ? 'admin' : 'write';
  const role = await roleOn(tx, change.sourceId);
  if (!role || !hasRole(role, need)) return { outcome: 'notAllowed', change };
  const result = await invert(context, author, change, origin);
  if (
    result.outcome === 'refused' ||
    result.outcome === 'laterReadings' ||
    result.outcome === 'negativeUse'
  ) {
    return result;
  }
  await markUndone(tx, change.id, now, origin);
  context.audit({
    action: 'change.undo',
    subjectType: 'change',
    subjectId: change.id,
    sourceId: change.sourceId,
    before: { kind: change.detail.kind, at: change.at.toISOString() },
    after: result.outcome === 'undone' && result.restored ? describeReading(result.restored) : null,
  });
  return result;
}

async function invert(
  { tx, audit }: Transaction,
  author: Author,
  change: LoggedChange,
  origin: string,
): Promise<Undo> {
  const { detail } = change;
  const done = (restored: Reading | null = null): Undo => ({
    outcome: 'undone',
    change,
    restored,
  });
  const stale: Undo = { outcome: 'stale', change };
  switch (detail.kind) {
    case 'reading.add': {
      const source = await sourceOf(tx, change.sourceId);
      if (!source) return stale;
      await lockSource(tx, change.sourceId);
      // By its #N: an undone fix of it put a new row there.
      const current = await findByNumber(tx, change.sourceId, detail.reading.number);
      if (!current) return stale;
      const removal = await checkRemoval(tx, source, current);
      if (removal.outcome === 'negative') {
        return { outcome: 'negativeUse', change, steps: removal.steps };
      }
      if (!(await retireReading(tx, current, author.userId, origin))) return stale;
      audit(retired('reading.undo', current));
      // A wrap moved onto this reading when it was entered goes back to the later one.
      if (removal.outcome === 'moveWrap') {
        await moveWrapOnto({ tx, audit }, author, removal.next, origin);
      }
      return done();
    }
    case 'reading.replace': {
      const later = await readingAfterReplacement(tx, change.sourceId, detail.initial);
      if (later) return { outcome: 'laterReadings', change, later };
      const initial = await retireReading(tx, detail.initial, author.userId, origin);
      // Both rows of the swap go together; deleted_origin is unique, so the final gets its own.
      const final = await retireReading(tx, detail.final, author.userId, `${origin}:final`);
      if (!initial && !final) return stale;
      audit(retired('reading.undo', detail.final));
      audit(retired('reading.undo', detail.initial));
      return done();
    }
    case 'reading.fix': {
      const source = await sourceOf(tx, change.sourceId);
      const current = await findByNumber(tx, change.sourceId, detail.after.number);
      // Changed again since by someone else: their value is not silently overwritten.
      const sameValues =
        JSON.stringify(current?.values ?? null) === JSON.stringify(detail.after.values ?? null);
      if (
        !source ||
        !current ||
        !new Decimal(current.value).eq(detail.after.value) ||
        !sameValues
      ) {
        return stale;
      }
      const refusal = await misfit(
        tx,
        author,
        source,
        detail.before.value,
        current,
        detail.before.registerEvent,
      );
      if (refusal) return { outcome: 'refused', change, problem: refusal };
      const restored = await supersedeReading(tx, current, {
        value: detail.before.value,
        values: detail.before.values ?? null,
        enteredBy: author.userId,
        origin,
        registerEvent: detail.before.registerEvent,
      });
      audit({
        action: 'reading.fix',
        subjectType: 'reading',
        subjectId: restored.id,
        sourceId: change.sourceId,
        before: describeReading(current),
        after: describeReading(restored),
      });
      return done(restored);
    }
    case 'reading.delete': {
      const source = await sourceOf(tx, change.sourceId);
      if (!source) return stale;
      if (detail.partner) {
        return restoreReplacement(
          { tx, audit },
          author,
          source,
          change,
          detail.reading,
          detail.partner,
          origin,
        );
      }
      const wasWrap = detail.reading.registerEvent === 'rollover';
      const wrap = wasWrap ? await wrapStillFits(tx, author, source, detail.reading) : null;
      // The readings around a deleted wrap changed so that no wrap fits there now: put back as
      // it was, it would count a second lap of the register (its wrap moved to the later one).
      if (wasWrap && !wrap) return stale;
      const refusal = wrap
        ? null
        : await misfit(
            tx,
            author,
            source,
            detail.reading.value,
            detail.reading,
            detail.reading.registerEvent,
          );
      if (refusal) return { outcome: 'refused', change, problem: refusal };
      const restored = await putBack(tx, author, detail.reading, origin);
      if (!restored) return stale;
      // The wrap deleting it moved onto the later reading comes back here.
      if (wrap?.unwrap) {
        const unwrapped = await supersedeReading(tx, wrap.unwrap, {
          value: wrap.unwrap.value,
          values: wrap.unwrap.values,
          enteredBy: author.userId,
          origin: `${origin}:unwrap`,
          registerEvent: null,
        });
        audit({
          action: 'reading.fix',
          subjectType: 'reading',
          subjectId: unwrapped.id,
          sourceId: change.sourceId,
          before: describeReading(wrap.unwrap),
          after: describeReading(unwrapped),
        });
      }
      audit({
        action: 'reading.restore',
        subjectType: 'reading',
        subjectId: restored.id,
        sourceId: change.sourceId,
        after: describeReading(restored),
      });
      return done(restored);
    }
    case 'meter.archive': {
      const source = await sourceOf(tx, change.sourceId);
      if (!source || source.archivedAt === null) return stale;
      if (await ownerHasMeterNamed(tx, source.ownerId, source.name)) return stale;
      await unarchiveMeter(tx, source.id);
      audit({
        action: 'meter.unarchive',
        subjectType: 'source',
        subjectId: source.id,
        sourceId: source.id,
      });
      return done();
    }
    case 'meter.settings': {
      const source = await sourceOf(tx, change.sourceId);
      if (!source) return stale;
      if ('billDay' in detail.before) {
        await setBillDay(tx, source.id, detail.before.billDay);
      } else {
        const { digits, ...validators } = detail.before;
        const broken = await stepsBrokenByDigits(tx, source, digits);
        if (broken.length > 0) return { outcome: 'negativeUse', change, steps: broken };
        await saveValidators(tx, source, validators);
        if (digits !== source.digits) await setDigits(tx, source.id, digits);
      }
      audit({
        action: 'meter.settings',
        subjectType: 'source',
        subjectId: source.id,
        sourceId: source.id,
        before: detail.after,
        after: detail.before,
      });
      return done();
    }
  }
}

/** The deleted row stays as it was; a copy under the same #N takes its place again. */
async function putBack(
  tx: Tx,
  author: Author,
  deleted: Reading,
  origin: string,
): Promise<Reading | null> {
  const [restored] = await tx
    .insert(readings)
    .values({
      sourceId: deleted.sourceId,
      number: deleted.number,
      takenAt: deleted.takenAt,
      value: deleted.value,
      values: deleted.values ?? null,
      enteredBy: author.userId,
      note: deleted.note,
      quality: deleted.quality,
      registerEvent: deleted.registerEvent,
      origin,
      supersedes: deleted.id,
    })
    .onConflictDoNothing()
    .returning();
  return restored ?? null;
}

/**
 * Undo of deleting a meter replacement: both halves come back, as a replacement would be
 * recorded now (the newest event on the meter, its final fitting the reading before it).
 */
async function restoreReplacement(
  { tx, audit }: Transaction,
  author: Author,
  source: Source,
  change: LoggedChange,
  named: Reading,
  partner: Reading,
  origin: string,
): Promise<Undo> {
  const { final, initial } = replacementPair(named, partner);
  const later = await readingAfterReplacement(tx, source.id, initial);
  if (later) return { outcome: 'laterReadings', change, later };
  const { problem } = await replacementMisfit(
    tx,
    source,
    final.value,
    final.takenAt,
    author.clock(),
  );
  if (problem) return { outcome: 'refused', change, problem };
  // The named half keeps the undo's origin (readings' origins are unique).
  const restored = await putBack(tx, author, named, origin);
  if (!restored) return { outcome: 'stale', change };
  // Deleted by the same change as the named half: it comes back with it, or neither does.
  const other = (await putBack(tx, author, partner, `${origin}:replacement`))!;
  for (const row of [restored, other]) {
    audit({
      action: 'reading.restore',
      subjectType: 'reading',
      subjectId: row.id,
      sourceId: change.sourceId,
      after: describeReading(row),
    });
  }
  return { outcome: 'undone', change, restored };
}

const retired = (action: string, reading: Reading) => ({
  action,
  subjectType: 'reading',
  subjectId: reading.id,
  sourceId: reading.sourceId,
  before: describeReading(reading),
});

/**
 * Whether `value` at `at`'s time, carrying `event`, still fits between the readings around it
 * now.
 */
async function misfit(
  tx: Tx,
  author: Author,
  source: Source,
  value: string,
  at: Reading,
  event: RegisterEvent | null,
): Promise<Problem | null> {
  const { verdict } = await checkUnderLock(tx, source, {
    value,
    takenAt: at.takenAt,
    now: author.clock(),
    replacing: at,
    event,
  });
  if (verdict.outcome === 'reject')
    return verdict.problem.code === 'future' ? null : verdict.problem;
  if (verdict.outcome !== 'confirm') return null;
  return (
    verdict.problems.find(
      (problem) =>
        problem.code === 'lowerThanPrevious' ||
        problem.code === 'higherThanNext' ||
        problem.code === 'zeroAfterPositive',
    ) ?? null
  );
}

/**
 * Whether a deleted wrap can come back as a wrap between the readings around it now (as "it
 * rolled over" would be offered for it); `unwrap` is the later reading that carries the wrap
 * meanwhile and must give it back.
 */
async function wrapStillFits(
  tx: Tx,
  author: Author,
  source: Source,
  reading: Reading,
): Promise<{ unwrap: Reading | null } | null> {
  const { verdict, next } = await checkUnderLock(tx, source, {
    value: reading.value,
    takenAt: reading.takenAt,
    now: author.clock(),
    replacing: reading,
  });
  if (verdict.outcome !== 'confirm' || !verdict.options.rollover) return null;
  return { unwrap: verdict.options.rollover.clearNextRollover ? next : null };
}

async function roleOn(tx: Tx, sourceId: string): Promise<Role | null> {
  const [row] = await rows<{ role: Role | null }>(
    tx,
    sql`select app_source_role(${sourceId}) as role`,
  );
  return row?.role ?? null;
}

async function sourceOf(tx: Tx, id: string): Promise<Source | null> {
  const [row] = await tx.select().from(sources).where(eq(sources.id, id));
  return row ?? null;
}

/** Reads a logged change back: readings' dates were stored as ISO strings. */
function revive(row: Change): LoggedChange {
  const raw = { kind: row.kind, ...(row.detail as Record<string, unknown>) };
  const reading = (value: unknown): Reading => {
    const r = value as Reading & Record<string, unknown>;
    return {
      ...r,
      takenAt: new Date(r.takenAt as unknown as string),
      enteredAt: new Date(r.enteredAt as unknown as string),
      supersededAt: r.supersededAt ? new Date(r.supersededAt as unknown as string) : null,
      deletedAt: r.deletedAt ? new Date(r.deletedAt as unknown as string) : null,
    };
  };
  const r = raw as Record<string, unknown>;
  let detail: ChangeDetail;
  switch (row.kind) {
    case 'reading.add':
      detail = { kind: row.kind, reading: reading(r.reading) };
      break;
    case 'reading.delete':
      detail = {
        kind: row.kind,
        reading: reading(r.reading),
        ...(r.partner ? { partner: reading(r.partner) } : {}),
      };
      break;
    case 'reading.fix':
      detail = { kind: row.kind, before: reading(r.before), after: reading(r.after) };
      break;
    case 'reading.replace':
      detail = { kind: row.kind, final: reading(r.final), initial: reading(r.initial) };
      break;
    case 'meter.archive':
      detail = { kind: row.kind };
      break;
    case 'meter.settings':
      detail = {
        kind: row.kind,
        before: r.before as MeterSettings,
        after: r.after as MeterSettings,
      };
      break;
  }
  return { id: row.id, sourceId: row.sourceId, at: row.at, detail };
}

import {
  and,
  type Column,
  desc,
  eq,
  getTableColumns,
  isNull,
  type SQL,
  type SQLWrapper,
  sql,
} from 'drizzle-orm';
import { rows, type Tx } from '../db/client';
import { fixedSelection } from '../db/fixed-selection';
import { fixedStatement } from '../db/fixed-statement';
import { personal } from '../db/personal';
import { readingConfirmations, readings, users } from '../db/schema';
import type { ReadingPoint, RegisterEvent } from '../domain/types';
import { type Validators, validatorsJson } from './meters';

export type Reading = typeof readings.$inferSelect;

/** Current rows only: neither superseded by a fix nor deleted. */
const current = and(isNull(readings.supersededAt), isNull(readings.deletedAt));

const readingColumns = getTableColumns(readings);
/** Every column of a reading, for the statements every reading runs (see fixedSelection). */
const readingRow = fixedSelection<Reading>(readingColumns);

/**
 * Serialises every change to one meter's readings across connections and instances, so that a
 * reading is validated against the neighbours that are really there when it is written.
 */
export async function lockSource(tx: Tx, sourceId: string): Promise<void> {
  await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`source:${sourceId}`}))`);
}

export async function findByOrigin(tx: Tx, origin: string): Promise<Reading | null> {
  const [row] = await tx.select().from(readings).where(eq(readings.origin, origin));
  return row ?? null;
}

/**
 * What an origin (the event a reading came from) has written already: the reading it stored,
 * and whether it raised a question. One statement (every statement costs a round trip, and on
 * PGlite a call into the server): the one row of `(select 1)` with the reading joined to it.
 */
export async function writtenByOrigin(
  tx: Tx,
  origin: string,
): Promise<{ reading: Reading | null; asked: boolean }> {
  const [found] = await tx
    .select({
      reading: readingColumns,
      asked: sql<boolean>`exists (select 1 from ${readingConfirmations}
        where ${readingConfirmations.origin} = ${origin})`,
    })
    .from(sql`(select 1) as one`)
    .leftJoin(readings, eq(readings.origin, origin));
  return { reading: found?.reading ?? null, asked: found?.asked === true };
}

export async function findDeletedByOrigin(tx: Tx, origin: string): Promise<Reading | null> {
  const [row] = await tx.select().from(readings).where(eq(readings.deletedOrigin, origin));
  return row ?? null;
}

export const toPoint = (reading: Reading): ReadingPoint => ({
  takenAt: reading.takenAt,
  value: reading.value,
  event: reading.registerEvent ?? null,
});

/**
 * The neighbours of an instant, in the usage engine's order (time, then a replacement's final
 * before its initial): the latest current reading at or before it, and the first one after it.
 * `excludeId` leaves out a reading being fixed.
 */
export async function neighbours(
  tx: Tx,
  sourceId: string,
  at: Date,
  excludeId: string | null = null,
): Promise<{ previous: Reading | null; next: Reading | null }> {
  const { previous, next } = await readAround(
    rows(tx, neighboursQuery(sourceId, at.toISOString(), excludeId)),
  );
  return { previous, next };
}

/** The readings around a new one and what it is judged by, in one statement. */
export interface Around {
  previous: Reading | null;
  next: Reading | null;
  /**
   * The meter's rules and recent daily rates (see dailyRatesJson), known when `previous` was
   * found: they come with its row. Null without one: then the meter has no reading before `at`
   * (no rates) and its rules take a statement of their own.
   */
  judgedBy: { validators: Partial<Validators> | null; rates: string[] } | null;
}

/**
 * neighbours, and the meter's rules and recent daily rates with the previous reading's row: a
 * reading is judged on one statement after its meter's lock instead of three (each pays for
 * its row-level security checks, and on PGlite for a call into the server). The extra columns
 * use no column of the row, so PostgreSQL works them out once (init plans).
 */
export function neighboursAndRules(
  tx: Tx,
  sourceId: string,
  at: Date,
  excludeId: string | null = null,
): Promise<Around> {
  if (excludeId === null) {
    // A new reading's (every reading's): the statement's text is built once.
    return readAround(neighboursOfNew(tx, { sourceId, when: at.toISOString() }));
  }
  return readAround(
    rows(
      tx,
      neighboursQuery(
        sourceId,
        at.toISOString(),
        excludeId,
        rulesAndRates(sourceId, at.toISOString()),
      ),
    ),
  );
}

/** The meter's rules and recent daily rates as JSON text (see neighboursAndRules). */
const rulesAndRates = (sourceId: string | SQLWrapper, when: string | SQLWrapper) =>
  sql`json_build_object('validators', ${validatorsJson(sourceId)},
      'rates', ${dailyRatesJson(sourceId, when)})::text`;

const neighboursOfNew = fixedStatement<'sourceId' | 'when'>((p) =>
  neighboursQuery(p.sourceId, p.when, null, rulesAndRates(p.sourceId, p.when)),
);

/**
 * The time of the reading nearest in `order` among those matching `where`, read from the time
 * index alone (one entry): the bound of a lookup that then puts only the readings taken at that
 * instant in the engine's order (time, then a replacement's rank). Ordering by time and rank in
 * one go let the planner sort every reading the meter ever had, and it did whenever its
 * statistics were missing or stale: a new database, an import or a burst before autovacuum's
 * next look, or PGlite's maintenance's (test/store/long-history-reads.test.ts). Callers bound
 * with a range (`taken_at >= nearest`, not `=`): given an equality, the planner without
 * statistics read the meter through the number index, every row of it.
 */
export const nearestTakenAt = (where: SQL, order: 'asc' | 'desc'): SQL =>
  sql`(select taken_at from readings where ${where} order by taken_at ${sql.raw(order)} limit 1)`;

/**
 * The statement behind neighbours (exported so that tests can EXPLAIN it): a union of the two
 * one-row selects, since every statement over readings pays for its row-level security check,
 * and on PGlite for a call into the server. Plain text, not Drizzle's builder: it runs for every
 * reading (see fixedSelection). Each side is bounded by its nearest instant (nearestTakenAt).
 */
export function neighboursQuery(
  sourceId: string | SQLWrapper,
  /** The instant, as ISO text (or a placeholder for it). */
  when: string | SQLWrapper,
  excludeId: string | null,
  /** JSON text brought with the previous reading's row (`null` for none). */
  withPrevious: SQL = sql`null`,
): SQL {
  const rank = sql.raw(
    `case register_event when 'replacement_final' then 0 when 'replacement_initial' then 2 else 1 end`,
  );
  const before = sql`taken_at <= ${when}`;
  const after = sql`taken_at > ${when}`;
  const where = (side: SQL) => sql`source_id = ${sourceId}
      and superseded_at is null and deleted_at is null and ${side}
      and ${excludeId ? sql`id <> ${excludeId}` : sql`true`}`;
  return sql`(select 'previous' as which, ${readingRow.list}, ${withPrevious} as extra from readings
        where ${where(sql`${before} and taken_at >= ${nearestTakenAt(where(before), 'desc')}`)}
        order by taken_at desc, ${rank} desc, number desc limit 1)
      union all
      (select 'next', ${readingRow.list}, null from readings
        where ${where(sql`${after} and taken_at <= ${nearestTakenAt(where(after), 'asc')}`)}
        order by taken_at, ${rank}, number limit 1)`;
}

/** The neighbours' statement's rows read into previous, next and what a reading is judged by. */
async function readAround(statement: Promise<Record<string, unknown>[]>): Promise<Around> {
  const found = (await statement) as (Record<string, unknown> & {
    which: string;
    extra: string | null;
  })[];
  const pick = (which: 'previous' | 'next') => {
    const row = found.find((candidate) => candidate.which === which);
    return row
      ? { reading: readingRow.map(row), extra: row.extra }
      : { reading: null, extra: null };
  };
  const previous = pick('previous');
  const judgedBy = previous.extra === null ? null : JSON.parse(previous.extra);
  return { previous: previous.reading, next: pick('next').reading, judgedBy };
}

/**
 * Usage per day between consecutive recent readings up to `at` (plain readings only: a rollover
 * or replacement interval says nothing about the household's habits), as a JSON array of
 * decimal strings, oldest first (an expression). The last `count` intervals count.
 */
const dailyRatesJson = (sourceId: string | SQLWrapper, when: string | SQLWrapper, count = 12) =>
  sql`(select coalesce(json_agg(rate order by taken_at), '[]'::json) from (
        select ((value - prev_value) / (extract(epoch from (taken_at - prev_at)) / 86400))::text
                 as rate, taken_at
        from (
          select value, taken_at, register_event,
                 lag(value) over w as prev_value, lag(taken_at) over w as prev_at,
                 lag(register_event) over w as prev_event
          from (
            select value, taken_at, register_event from readings
            where source_id = ${sourceId} and superseded_at is null and deleted_at is null
              and taken_at <= ${when}
            order by taken_at desc limit ${count + 1}
          ) recent window w as (order by taken_at)
        ) paired
        where prev_value is not null and register_event is null and prev_event is null
          and taken_at > prev_at) rates)`;

/**
 * The next "#N" for a source, worked out inside the insert (no round trip of its own). Numbers
 * are never reused, so "#12" always means one reading; the meter's lock keeps two inserts from
 * taking the same one. The highest number so far is the first entry of an index read backwards
 * (drizzle/0019), whatever the meter's or the database's size.
 */
export const nextNumber = (sourceId: string | SQLWrapper) =>
  sql<number>`(coalesce((select number from readings where source_id = ${sourceId}
    order by number desc limit 1), 0) + 1)`;

export interface NewReading {
  sourceId: string;
  takenAt: Date;
  value: string;
  /** Every value, for a meter with several per reading (value is the first); else null. */
  values?: string[] | null;
  enteredBy: string;
  note: string | null;
  origin: string;
  registerEvent: RegisterEvent | null;
  /** How the value was obtained; default read from the meter ('actual'). */
  quality?: Reading['quality'];
}

/** Inserts a reading (the caller holds lockSource and has validated it). */
export async function insertReading(tx: Tx, input: NewReading): Promise<Reading> {
  // Each value as its column maps it for the driver (the builder's sql.param would).
  const values = {
    sourceId: toDriver(readings.sourceId, input.sourceId),
    takenAt: toDriver(readings.takenAt, input.takenAt),
    value: toDriver(readings.value, input.value),
    values: toDriver(readings.values, input.values),
    enteredBy: toDriver(readings.enteredBy, input.enteredBy),
    note: toDriver(readings.note, input.note),
    quality: toDriver(readings.quality, input.quality),
    registerEvent: toDriver(readings.registerEvent, input.registerEvent),
    origin: toDriver(readings.origin, input.origin),
  };
  const [row] = await (input.quality === undefined ? insertAsRead : insertWithQuality)(tx, values);
  return readingRow.map(row!);
}

/** A value as `column` hands it to the driver; null stays null. */
const toDriver = (column: Column, value: unknown) =>
  value === null || value === undefined ? null : column.mapToDriverValue(value);

/** The insert behind insertReading, built once (fixedStatement): it runs for every reading. */
const insertStatement = (quality: 'given' | 'default') =>
  fixedStatement<
    | 'sourceId'
    | 'takenAt'
    | 'value'
    | 'values'
    | 'enteredBy'
    | 'note'
    | 'quality'
    | 'registerEvent'
    | 'origin'
  >(
    (p) => sql`insert into readings (source_id, number, taken_at, value, values, entered_by, note,
          quality, register_event, origin)
        values (${p.sourceId}, ${nextNumber(p.sourceId)},
          ${p.takenAt}, ${p.value},
          ${p.values},
          ${p.enteredBy}, ${p.note},
          ${quality === 'default' ? sql`default` : p.quality},
          ${p.registerEvent},
          ${p.origin})
        returning ${readingRow.list}`,
  );
/** Read from the meter: the column's default ('actual'). */
const insertAsRead = insertStatement('default');
const insertWithQuality = insertStatement('given');

/** A fix: the old row is retired and a new row with the same number and time takes its place. */
export async function supersedeReading(
  tx: Tx,
  old: Reading,
  input: {
    value: string;
    values?: string[] | null;
    enteredBy: string;
    origin: string;
    registerEvent?: RegisterEvent | null;
  },
): Promise<Reading> {
  await tx.update(readings).set({ supersededAt: sql`now()` }).where(eq(readings.id, old.id));
  const [reading] = await tx
    .insert(readings)
    .values({
      sourceId: old.sourceId,
      number: old.number,
      takenAt: old.takenAt,
      value: input.value,
      values: input.values ?? null,
      enteredBy: input.enteredBy,
      note: old.note,
      quality: old.quality,
      registerEvent: input.registerEvent === undefined ? old.registerEvent : input.registerEvent,
      origin: input.origin,
      supersedes: old.id,
    })
    .returning();
  return reading!;
}

/** Deletes (keeps the row, stamped) — undo and delete both end here. */
export async function retireReading(
  tx: Tx,
  reading: Reading,
  by: string,
  origin: string,
): Promise<boolean> {
  const updated = await tx
    .update(readings)
    .set({ deletedAt: sql`now()`, deletedBy: by, deletedOrigin: origin })
    .where(and(eq(readings.id, reading.id), current))
    .returning({ id: readings.id });
  return updated.length === 1;
}

/** The current reading "#number" of a source. */
export async function findByNumber(
  tx: Tx,
  sourceId: string,
  number: number,
): Promise<Reading | null> {
  const [row] = await tx
    .select()
    .from(readings)
    .where(and(eq(readings.sourceId, sourceId), eq(readings.number, number), current));
  return row ?? null;
}

/** The latest current reading of a source (by time taken). */
export async function latestReading(tx: Tx, sourceId: string): Promise<Reading | null> {
  const [row] = await tx
    .select()
    .from(readings)
    .where(and(eq(readings.sourceId, sourceId), current))
    .orderBy(desc(readings.takenAt), desc(readings.number))
    .limit(1);
  return row ?? null;
}

export interface HistoryLine {
  reading: Reading;
  enteredByName: string | null;
}

/** The newest current readings of a source, newest first, with who entered them. */
export async function history(tx: Tx, sourceId: string, limit = 10): Promise<HistoryLine[]> {
  const found = await tx
    .select({ reading: readings, name: users.displayName })
    .from(readings)
    .leftJoin(users, eq(users.id, readings.enteredBy))
    .where(and(eq(readings.sourceId, sourceId), current))
    .orderBy(desc(readings.takenAt), desc(readings.number))
    .limit(limit);
  return found.map((row) => ({ reading: row.reading, enteredByName: row.name }));
}

/**
 * Readings taken back (undone or deleted) and not put back since, newest first: history shows
 * them marked, so a withdrawn value is never silently gone.
 */
export async function withdrawnReadings(
  tx: Tx,
  sourceId: string,
  limit = 10,
): Promise<HistoryLine[]> {
  const found = await tx
    .select({ reading: readings, name: users.displayName })
    .from(readings)
    .leftJoin(users, eq(users.id, readings.enteredBy))
    .where(
      and(
        eq(readings.sourceId, sourceId),
        sql`${readings.deletedAt} is not null`,
        sql`not exists (select 1 from readings r2 where r2.source_id = ${readings.sourceId}
              and r2.number = ${readings.number} and r2.superseded_at is null
              and r2.deleted_at is null)`,
      ),
    )
    .orderBy(desc(readings.takenAt), desc(readings.number))
    .limit(limit);
  return found.map((row) => ({ reading: row.reading, enteredByName: row.name }));
}

/** Audit-friendly snapshot of a reading. */
/** A reading as the audit trail records it: the note sealed under its author's key. */
export const describeReading = (reading: Reading) => ({
  id: reading.id,
  number: reading.number,
  value: reading.value,
  ...(reading.values ? { values: reading.values } : {}),
  takenAt: reading.takenAt.toISOString(),
  note: personal(reading.note, reading.enteredBy),
  registerEvent: reading.registerEvent,
  enteredBy: reading.enteredBy,
});

import { and, asc, desc, eq, gt, inArray, isNull, lt, sql } from 'drizzle-orm';
import { rows, type Tx } from '../db/client';
import { readings } from '../db/schema';
import { eventRank } from '../domain/usage';
import { removing, type StepFault, type WrapStep, wrapsBrokenByDigits } from '../domain/wraps';
import type { Source } from '../store/meters';
import {
  describeReading,
  lockSource,
  type Reading,
  supersedeReading,
  toPoint,
} from '../store/readings';
import type { Author, Transaction } from './context';

/** Two readings that would follow each other with negative use. */
/** Two readings that would follow each other and count wrong (see StepFault). */
export interface NegativeStep {
  previous: Reading;
  next: Reading;
  fault: StepFault;
}

export type Removable =
  | { outcome: 'fine' }
  /** The later reading must take the wrap the removed one carried. */
  | { outcome: 'moveWrap'; next: Reading }
  | { outcome: 'negative'; steps: NegativeStep[] };

/** Whether `reading` can leave the meter's history (locks the meter first). */
export async function checkRemoval(tx: Tx, source: Source, reading: Reading): Promise<Removable> {
  await lockSource(tx, source.id);
  const { previous, next } = await around(tx, reading);
  const verdict = removing(
    source.digits,
    previous && toPoint(previous),
    toPoint(reading),
    next && toPoint(next),
  );
  if (verdict.outcome === 'fine' || !previous || !next) return { outcome: 'fine' };
  if (verdict.outcome === 'moveWrap') return { outcome: 'moveWrap', next };
  return { outcome: 'negative', steps: [{ previous, next, fault: verdict.outcome }] };
}

/** The two readings of a meter replacement. */
export interface ReplacementPair {
  final: Reading;
  initial: Reading;
}

/** A replacement's two halves, whichever of them was named. */
export const replacementPair = (one: Reading, other: Reading): ReplacementPair =>
  one.registerEvent === 'replacement_final'
    ? { final: one, initial: other }
    : { final: other, initial: one };

/**
 * The other half of the meter replacement `reading` belongs to: the current initial after its
 * final (or the final before its initial) at the same instant. Null for any other reading.
 */
export async function replacementPartner(tx: Tx, reading: Reading): Promise<Reading | null> {
  const event = reading.registerEvent;
  if (event !== 'replacement_final' && event !== 'replacement_initial') return null;
  const isFinal = event === 'replacement_final';
  const [partner] = await tx
    .select()
    .from(readings)
    .where(
      and(
        eq(readings.sourceId, reading.sourceId),
        isNull(readings.supersededAt),
        isNull(readings.deletedAt),
        eq(readings.takenAt, reading.takenAt),
        eq(readings.registerEvent, isFinal ? 'replacement_initial' : 'replacement_final'),
        isFinal ? gt(readings.number, reading.number) : lt(readings.number, reading.number),
      ),
    )
    .orderBy(isFinal ? asc(readings.number) : desc(readings.number))
    .limit(1);
  return partner ?? null;
}

/**
 * The reading that stops a meter replacement from coming or going (locks the meter first): the
 * first current reading after its initial. It was read on the new meter; without the replacement
 * it would follow the old meter's final and count negative use (and with a replacement put back
 * under it, use from the wrong register). So a replacement changes only while it is the newest.
 * Delete, undo of a replacement and undo of its delete all ask this.
 */
export async function readingAfterReplacement(
  tx: Tx,
  sourceId: string,
  initial: Reading,
): Promise<Reading | null> {
  await lockSource(tx, sourceId);
  return (await around(tx, initial)).next;
}

/** The engine's order: time, then a replacement's final before its initial, then #N. */
const rank = sql`case ${readings.registerEvent} when 'replacement_final' then 0 when 'replacement_initial' then 2 else 1 end`;

/**
 * The current readings just before and just after `reading` in the usage engine's order. Not
 * `neighbours`: at a replacement's instant its final and initial are on either side of each other.
 */
async function around(
  tx: Tx,
  reading: Reading,
): Promise<{ previous: Reading | null; next: Reading | null }> {
  const key = sql`(${readings.takenAt}, ${rank}, ${readings.number})`;
  const own = sql`(${reading.takenAt.toISOString()}::timestamptz, ${eventRank(reading.registerEvent)}::int, ${reading.number}::int)`;
  const others = and(
    eq(readings.sourceId, reading.sourceId),
    isNull(readings.supersededAt),
    isNull(readings.deletedAt),
  );
  const [previous] = await tx
    .select()
    .from(readings)
    .where(and(others, sql`${key} < ${own}`))
    .orderBy(desc(readings.takenAt), sql`${rank} desc`, desc(readings.number))
    .limit(1);
  const [next] = await tx
    .select()
    .from(readings)
    .where(and(others, sql`${key} > ${own}`))
    .orderBy(readings.takenAt, rank, readings.number)
    .limit(1);
  return { previous: previous ?? null, next: next ?? null };
}

/** Puts the wrap on `next` (a fix of its event only, kept in the audit log). */
export async function moveWrapOnto(
  { tx, audit }: Transaction,
  author: Author,
  next: Reading,
  origin: string,
): Promise<Reading> {
  const wrapped = await supersedeReading(tx, next, {
    value: next.value,
    values: next.values,
    enteredBy: author.userId,
    origin: `${origin}:wrap`,
    registerEvent: 'rollover',
  });
  audit({
    action: 'reading.fix',
    subjectType: 'reading',
    subjectId: wrapped.id,
    sourceId: next.sourceId,
    before: describeReading(next),
    after: describeReading(wrapped),
  });
  return wrapped;
}

/** The steps a new register size would make negative (locks the meter first). */
export async function stepsBrokenByDigits(
  tx: Tx,
  source: Source,
  digits: number | null,
): Promise<NegativeStep[]> {
  if (digits === source.digits) return [];
  await lockSource(tx, source.id);
  const wraps = await wrapSteps(tx, source.id);
  return wrapsBrokenByDigits(source.digits, digits, wraps).map(({ previous, wrap, fault }) => ({
    previous: previous.reading,
    next: wrap.reading,
    fault,
  }));
}

type Point = ReturnType<typeof toPoint> & { reading: Reading };

/** Every current wrap with the reading before it, in the usage engine's order. */
async function wrapSteps(tx: Tx, sourceId: string): Promise<WrapStep<Point>[]> {
  const pairs = await rows<{ id: string; previous_id: string | null }>(
    tx,
    sql`with ordered as (
          select id, register_event,
                 lag(id) over (order by taken_at, ${rank}, number) as previous_id
          from readings
          where source_id = ${sourceId} and superseded_at is null and deleted_at is null
        )
        select id, previous_id from ordered
        where register_event = 'rollover' and previous_id is not null`,
  );
  if (pairs.length === 0) return [];
  const ids = pairs.flatMap((p) => [p.id, p.previous_id ?? p.id]);
  const found = await tx.select().from(readings).where(inArray(readings.id, ids));
  const byId = new Map(found.map((r) => [r.id, { ...toPoint(r), reading: r }]));
  return pairs.map((p) => ({ previous: byId.get(p.previous_id ?? '')!, wrap: byId.get(p.id)! }));
}

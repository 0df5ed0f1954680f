import { and, desc, eq, gte, isNull, lt } from 'drizzle-orm';
import type { Tx } from '../db/client';
import { readings } from '../db/schema';

/** A reading of a meter with several values per reading, as a chart draws it. */
export interface ValuesPoint {
  takenAt: Date;
  values: string[];
}

/**
 * The current readings of a meter with several values per reading taken in [from, to): the
 * latest `limit` of them, oldest first. A reading stored without `values` counts as its one
 * value.
 */
export async function valuesInRange(
  tx: Tx,
  sourceId: string,
  from: Date,
  to: Date,
  limit: number,
): Promise<ValuesPoint[]> {
  const found = await tx
    .select({ takenAt: readings.takenAt, value: readings.value, values: readings.values })
    .from(readings)
    .where(
      and(
        eq(readings.sourceId, sourceId),
        isNull(readings.supersededAt),
        isNull(readings.deletedAt),
        gte(readings.takenAt, from),
        lt(readings.takenAt, to),
      ),
    )
    .orderBy(desc(readings.takenAt), desc(readings.number))
    .limit(Math.max(1, Math.floor(limit)));
  return found
    .reverse()
    .map((row) => ({ takenAt: row.takenAt, values: row.values ?? [row.value] }));
}

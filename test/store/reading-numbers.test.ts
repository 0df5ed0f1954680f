import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rows } from '../../src/db/client';
import { nextNumber } from '../../src/store/readings';
import { createTestDatabase, databaseKinds, type TestDatabase } from '../helpers/db';

interface PlanNode {
  'Node Type': string;
  'Relation Name'?: string;
  'Index Name'?: string;
  Plans?: PlanNode[];
}
const nodesOf = (node: PlanNode): PlanNode[] => [node, ...(node.Plans ?? []).flatMap(nodesOf)];

// Every stored reading asks for its meter's next number. Without an index for it, that question
// read every household's readings, so each reading got slower as the database grew.
describe.each(databaseKinds())('the next reading number on %s', (kind) => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase(kind);
  });
  afterAll(() => database.close());

  it('is read from an index, not from a pass over the whole readings table', async () => {
    const plan = await database.db.transaction(async (tx) => {
      // With sequential scans priced out, a plan still holds one only when nothing else can answer.
      await tx.execute(sql`set local enable_seqscan = off`);
      const [row] = await rows<{ 'QUERY PLAN': unknown }>(
        tx,
        sql`explain (format json) select ${nextNumber(randomUUID())} as n`,
      );
      const explained = row!['QUERY PLAN'];
      const parsed = (typeof explained === 'string' ? JSON.parse(explained) : explained) as {
        Plan: PlanNode;
      }[];
      return parsed[0]!.Plan;
    });
    const overReadings = nodesOf(plan).filter((node) => node['Relation Name'] === 'readings');
    expect(overReadings.map((node) => node['Node Type'])).not.toContain('Seq Scan');
    expect(overReadings.map((node) => node['Index Name'])).toContain('readings_by_source_number');
  });
});

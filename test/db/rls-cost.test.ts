import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rows } from '../../src/db/client';
import { createTestDatabase, databaseKinds, type TestDatabase } from '../helpers/db';

// A policy runs for every row a query scans, not only the rows it returns. These guard the cost
// of row-level security as the number of households grows; the rules themselves are tested in
// rls.test.ts.
describe.each(databaseKinds())('row-level security cost on %s', (kind) => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase(kind);
  });
  afterAll(async () => {
    await database?.close();
  });

  it('no SELECT policy asks app_source_role() row by row: the readable set is computed once', async () => {
    const policies = await rows<{ table: string; name: string; qual: string }>(
      database.db,
      sql`select c.relname as "table", p.polname as name, pg_get_expr(p.polqual, p.polrelid) as qual
          from pg_policy p join pg_class c on c.oid = p.polrelid
          where p.polcmd in ('r', '*') and p.polqual is not null`,
    );
    // The audit log asks for the role too, but only of rows the readable set let through.
    const perRow = policies.filter(
      (p) => p.qual.includes('app_source_role') && !p.qual.includes('app_readable_sources'),
    );
    expect(perRow.map((p) => `${p.table}.${p.name}`)).toEqual([]);
    const once = policies.filter((p) => p.qual.includes('app_readable_sources'));
    expect(once.map((p) => p.table).sort()).toEqual([
      'access',
      'audit_log',
      'chat_meters',
      'group_shares',
      'paid_bills',
      'reading_photos',
      'readings',
      'source_validators',
      'sources',
      'tariff_settings',
    ]);
    // ...as a sub-select (an InitPlan), not a call per row.
    for (const policy of once) expect(policy.qual).toMatch(/\(\s*SELECT app_readable_sources\(\)/);
  });

  it('the functions behind the policies are PL/pgSQL, which keeps their plans for the session', async () => {
    const functions = await rows<{ name: string; language: string }>(
      database.db,
      sql`select p.proname as name, l.lanname as language
          from pg_proc p join pg_language l on l.oid = p.prolang
          where p.proname in ('app_source_role', 'app_readable_sources') order by 1`,
    );
    expect(functions).toEqual([
      { name: 'app_readable_sources', language: 'plpgsql' },
      { name: 'app_source_role', language: 'plpgsql' },
    ]);
  });
});

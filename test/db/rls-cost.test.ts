import { type SQL, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rows, type Tx } from '../../src/db/client';
import { sources, users } from '../../src/db/schema';
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

  it('the readable set is worked out in PL/pgSQL, which keeps its plans for the session', async () => {
    const functions = await rows<{ name: string; language: string }>(
      database.db,
      sql`select p.proname as name, l.lanname as language
          from pg_proc p join pg_language l on l.oid = p.prolang
          where p.proname in ('app_source_role', 'app_readable_sources_now') order by 1`,
    );
    expect(functions).toEqual([
      { name: 'app_readable_sources_now', language: 'plpgsql' },
      { name: 'app_source_role', language: 'plpgsql' },
    ]);
  });

  describe('the readable set, once per transaction', () => {
    let owner: string;
    let reader: string;
    let ownMeter: string;
    let othersMeter: string;
    beforeAll(async () => {
      const made = await database.db
        .insert(users)
        .values([
          { displayName: 'Owner', timezone: 'Asia/Bangkok' },
          { displayName: 'Reader', timezone: 'Asia/Bangkok' },
        ])
        .returning({ id: users.id });
      [owner, reader] = made.map((u) => u.id) as [string, string];
      const meters = await database.db
        .insert(sources)
        .values([
          { ownerId: reader, name: 'Own gas', unit: 'm3', timezone: 'Asia/Bangkok' },
          { ownerId: owner, name: 'Shared water', unit: 'm3', timezone: 'Asia/Bangkok' },
        ])
        .returning({ id: sources.id });
      [ownMeter, othersMeter] = meters.map((m) => m.id) as [string, string];
    });

    /**
     * Runs `fn` in one transaction as the application role acting for `userId`; `computed()`
     * says how often this transaction has worked the readable set out so far.
     */
    const inTransaction = <T>(
      userId: string,
      fn: (tools: {
        tx: Tx;
        visible: () => Promise<string[]>;
        computed: () => Promise<number>;
        actAs: (user: string) => Promise<void>;
        asOwnerOfTheTables: (statement: SQL) => Promise<void>;
      }) => Promise<T>,
    ) =>
      database.db.transaction(async (tx) => {
        // Counting calls needs the function statistics, a superuser's setting.
        await tx.execute(sql`select set_config('track_functions', 'all', true)`);
        const actAs = async (user: string) => {
          await tx.execute(
            sql`select set_config('role', 'home_log_app', true), set_config('app.user_id', ${user}, true), set_config('app.chat_id', '', true)`,
          );
        };
        // Counts not yet sent to the statistics include earlier transactions': from here on.
        const callsSoFar = async () => {
          const [row] = await rows<{ calls: number | null }>(
            tx,
            sql`select pg_stat_get_xact_function_calls('app_readable_sources_now'::regproc)::int as calls`,
          );
          return row?.calls ?? 0;
        };
        const before = await callsSoFar();
        await actAs(userId);
        return fn({
          tx,
          actAs,
          visible: async () =>
            (
              await rows<{ id: string }>(
                tx,
                sql`select id from sources where id in (${ownMeter}, ${othersMeter}) order by name`,
              )
            ).map((r) => r.id),
          computed: async () => (await callsSoFar()) - before,
          asOwnerOfTheTables: async (statement) => {
            await tx.execute(sql`select set_config('role', 'none', true)`);
            await tx.execute(statement);
            await tx.execute(sql`select set_config('role', 'home_log_app', true)`);
          },
        });
      });

    it('is worked out by the first statement and reused by the rest', async () => {
      const calls = await inTransaction(reader, async ({ tx, visible, computed }) => {
        expect(await visible()).toEqual([ownMeter]);
        for (let i = 0; i < 5; i++) {
          await rows(tx, sql`select count(*) from readings where source_id = ${ownMeter}`);
          expect(await visible()).toEqual([ownMeter]);
        }
        return computed();
      });
      expect(calls).toBe(1);
    });

    it('is worked out again after a share in the same transaction, which it then includes', async () => {
      const calls = await inTransaction(
        reader,
        async ({ visible, computed, asOwnerOfTheTables }) => {
          expect(await visible()).toEqual([ownMeter]);
          await asOwnerOfTheTables(
            sql`insert into access (user_id, source_id, role, granted_by) values (${reader}, ${othersMeter}, 'read', ${owner})`,
          );
          expect((await visible()).sort()).toEqual([ownMeter, othersMeter].sort());
          // Taken back: gone at once too.
          await asOwnerOfTheTables(
            sql`delete from access where user_id = ${reader} and source_id = ${othersMeter}`,
          );
          expect(await visible()).toEqual([ownMeter]);
          return computed();
        },
      );
      expect(calls).toBe(3);
    });

    it('belongs to the person it was worked out for', async () => {
      await inTransaction(reader, async ({ visible, actAs }) => {
        expect(await visible()).toEqual([ownMeter]);
        await actAs(owner);
        expect(await visible()).toEqual([othersMeter]);
        await actAs(reader);
        expect(await visible()).toEqual([ownMeter]);
      });
    });

    it('is forgotten when the transaction ends', async () => {
      await inTransaction(reader, async ({ visible }) => {
        expect(await visible()).toEqual([ownMeter]);
      });
      const [left] = await rows<{ key: string | null }>(
        database.db,
        sql`select current_setting('app.readable_key', true) as key`,
      );
      expect(left?.key ?? '').toBe('');
    });
  });
});

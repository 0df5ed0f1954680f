import { type SQL, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rows, type Tx } from '../../src/db/client';
import { access, groupMembers, groupShares, sources, users } from '../../src/db/schema';
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

  it('the readable set and the roles are worked out in PL/pgSQL, which keeps its plans for the session', async () => {
    const functions = await rows<{ name: string; language: string }>(
      database.db,
      sql`select p.proname as name, l.lanname as language
          from pg_proc p join pg_language l on l.oid = p.prolang
          where p.proname in ('app_source_role_now', 'app_readable_sources_now') order by 1`,
    );
    expect(functions).toEqual([
      { name: 'app_readable_sources_now', language: 'plpgsql' },
      { name: 'app_source_role_now', language: 'plpgsql' },
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

    const rolesOf = async (tx: Tx) => {
      const [row] = await rows<{ own: string | null; others: string | null }>(
        tx,
        sql`select app_source_role(${ownMeter}) as own, app_source_role(${othersMeter}) as others`,
      );
      return row;
    };

    it('is worked out by the first statement and reused by the rest', async () => {
      const calls = await inTransaction(reader, async ({ tx, visible, computed }) => {
        expect(await visible()).toEqual([ownMeter]);
        for (let i = 0; i < 5; i++) {
          await rows(tx, sql`select count(*) from readings where source_id = ${ownMeter}`);
          expect(await visible()).toEqual([ownMeter]);
          expect(await rolesOf(tx)).toEqual({ own: 'admin', others: null });
        }
        return computed();
      });
      expect(calls).toBe(1);
    });

    it('is worked out by a question about a role too, when that comes first', async () => {
      const calls = await inTransaction(reader, async ({ tx, visible, computed }) => {
        expect(await rolesOf(tx)).toEqual({ own: 'admin', others: null });
        expect(await visible()).toEqual([ownMeter]);
        expect(await rolesOf(tx)).toEqual({ own: 'admin', others: null });
        return computed();
      });
      expect(calls).toBe(1);
    });

    it('is worked out again after a share in the same transaction, which it then includes', async () => {
      const calls = await inTransaction(
        reader,
        async ({ tx, visible, computed, asOwnerOfTheTables }) => {
          expect(await visible()).toEqual([ownMeter]);
          await asOwnerOfTheTables(
            sql`insert into access (user_id, source_id, role, granted_by) values (${reader}, ${othersMeter}, 'read', ${owner})`,
          );
          expect((await visible()).sort()).toEqual([ownMeter, othersMeter].sort());
          expect(await rolesOf(tx)).toEqual({ own: 'admin', others: 'read' });
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

// The roles and readable meters kept for a transaction (drizzle/0025, 0027) must be what the
// former definitions (drizzle/0016), which worked them out afresh at every call, say: for every
// person and chat, on a mix of owners, personal grants, group shares and group memberships.
describe.each(databaseKinds())('roles kept for the transaction on %s', (kind) => {
  let database: TestDatabase;
  const people: string[] = [];
  const meters: string[] = [];
  beforeAll(async () => {
    database = await createTestDatabase(kind);
    const db = database.db;
    const made = await db
      .insert(users)
      .values([0, 1, 2, 3].map((i) => ({ displayName: `P${i}`, timezone: 'Asia/Bangkok' })))
      .returning({ id: users.id });
    people.push(...made.map((u) => u.id));
    const [p0, p1, p2, p3] = people as [string, string, string, string];
    const owned = await db
      .insert(sources)
      .values(
        [p0, p1, p2, p0, p3].map((ownerId, i) => ({
          ownerId,
          name: `M${i}`,
          unit: 'kWh',
          timezone: 'Asia/Bangkok',
        })),
      )
      .returning({ id: sources.id });
    meters.push(...owned.map((m) => m.id));
    const [m0, m1, m2, m3, m4] = meters as [string, string, string, string, string];
    await db.insert(access).values([
      { userId: p1, sourceId: m0, role: 'read', grantedBy: p0 },
      { userId: p2, sourceId: m0, role: 'admin', grantedBy: p0 },
      { userId: p3, sourceId: m1, role: 'write', grantedBy: p1 },
      { userId: p1, sourceId: m2, role: 'write', grantedBy: p2 },
      { userId: p0, sourceId: m4, role: 'read', grantedBy: p3 },
      // A grant below what a group share gives in the same chat: the better one counts.
      { userId: p1, sourceId: m1, role: 'read', grantedBy: p1 },
    ]);
    await db.insert(groupShares).values([
      { chatId: 'G1', sourceId: m0, role: 'write', grantedBy: p0 },
      { chatId: 'G1', sourceId: m1, role: 'read', grantedBy: p1 },
      { chatId: 'G2', sourceId: m2, role: 'read', grantedBy: p2 },
      { chatId: 'G2', sourceId: m4, role: 'write', grantedBy: p3 },
      { chatId: 'G3', sourceId: m3, role: 'read', grantedBy: p0 },
      { chatId: 'G3', sourceId: m1, role: 'write', grantedBy: p1 },
    ]);
    await db.insert(groupMembers).values([
      { chatId: 'G1', userId: p1 },
      { chatId: 'G1', userId: p3 },
      { chatId: 'G2', userId: p0 },
      { chatId: 'G2', userId: p1 },
      { chatId: 'G3', userId: p2 },
    ]);
  });
  afterAll(async () => {
    await database?.close();
  });

  // The bodies of app_source_role and app_readable_sources before they were kept.
  const formerRole = (meter: string) => sql`
    select (
      select case
        when s.owner_id = app_user_id() then 'admin'
        else (
          select r.role from (
            select a.role from access a where a.source_id = s.id and a.user_id = app_user_id()
            union all
            select g.role from group_shares g where g.source_id = s.id and g.chat_id = app_chat_id()
            union all
            select g.role from group_shares g
              join group_members m on m.chat_id = g.chat_id and m.user_id = app_user_id()
              where g.source_id = s.id and app_chat_id() is null
          ) r
          order by case r.role when 'admin' then 3 when 'write' then 2 else 1 end desc
          limit 1)
      end
      from sources s where s.id = ${meter}) as role`;
  const formerReadable = sql`
    select coalesce(array_agg(visible.id::text order by visible.id), '{}') as ids from (
      select s.id from sources s where s.owner_id = app_user_id()
      union select a.source_id from access a where a.user_id = app_user_id()
      union select g.source_id from group_shares g where g.chat_id = app_chat_id()
      union select g.source_id from group_shares g
        join group_members m on m.chat_id = g.chat_id and m.user_id = app_user_id()
        where app_chat_id() is null
    ) as visible(id)`;

  it('gives every person in every chat the roles and meters the former definitions give', async () => {
    const actors = ['', ...people].flatMap((userId) =>
      ['', 'G1', 'G2', 'G3', 'G9'].map((chatId) => ({ userId, chatId })),
    );
    const compared = await database.db.transaction(async (tx) => {
      const answers: { actor: string; kept: unknown; former: unknown }[] = [];
      // One transaction for all of them: the record must follow each change of actor.
      for (const { userId, chatId } of actors) {
        const actAs = (role: string) =>
          tx.execute(
            sql`select set_config('role', ${role}, true), set_config('app.user_id', ${userId}, true), set_config('app.chat_id', ${chatId}, true)`,
          );
        await actAs('home_log_app');
        const kept: Record<string, unknown> = {};
        for (const meter of meters) {
          const [row] = await rows<{ role: string | null }>(
            tx,
            sql`select app_source_role(${meter}) as role`,
          );
          kept[meter] = row?.role ?? null;
        }
        const [readable] = await rows<{ ids: string[] | string }>(
          tx,
          sql`select coalesce(array(select unnest(app_readable_sources())::text as id order by 1), '{}') as ids`,
        );
        kept.readable = readable?.ids;
        await actAs('none');
        const former: Record<string, unknown> = {};
        for (const meter of meters) {
          const [row] = await rows<{ role: string | null }>(tx, formerRole(meter));
          former[meter] = row?.role ?? null;
        }
        const [formerSet] = await rows<{ ids: string[] | string }>(tx, formerReadable);
        former.readable = formerSet?.ids;
        answers.push({
          actor: `${userId || 'nobody'} in ${chatId || 'a one-to-one chat'}`,
          kept,
          former,
        });
      }
      return answers;
    });
    for (const { actor, kept, former } of compared) expect(kept, actor).toEqual(former);
    // The fixture reaches every role and none.
    const roles = new Set(
      compared.flatMap(({ kept }) => meters.map((m) => (kept as Record<string, unknown>)[m])),
    );
    expect(roles).toEqual(new Set(['admin', 'write', 'read', null]));
  });
});

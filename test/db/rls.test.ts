import { type SQL, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { withActor } from '../../src/db/actor';
import { rows } from '../../src/db/client';
import { access, groupShares, readings, sources, users } from '../../src/db/schema';
import { inboxRows, insertInboxRows } from '../../src/store/webhook-events';
import { createTestDatabase, databaseKinds, rejection, type TestDatabase } from '../helpers/db';

// Row-level security is the second wall behind the application's own checks. These tests go
// around the application entirely: hand-written SQL, run as the application role.

describe.each(databaseKinds())('row-level security on %s', (kind) => {
  let database: TestDatabase;
  let alice: string;
  let bob: string;
  let carol: string;
  let aliceMeter: string;
  let bobMeter: string;
  let bobReading: string;

  /** Runs raw SQL as the application role with the given user (and group) in context. */
  const asApp = async <T = Record<string, unknown>>(
    userId: string | null,
    statement: string,
    chatId = '',
  ): Promise<T[]> =>
    database.db.transaction(async (tx) => {
      await tx.execute(
        sql`select set_config('role', 'home_log_app', true), set_config('app.user_id', ${userId ?? ''}, true), set_config('app.chat_id', ${chatId}, true)`,
      );
      return rows<T>(tx, sql.raw(statement));
    });

  beforeAll(async () => {
    database = await createTestDatabase(kind);
    const db = database.db;
    const made = await db
      .insert(users)
      .values([
        { displayName: 'Alice', timezone: 'Asia/Bangkok' },
        { displayName: 'Bob', timezone: 'Asia/Bangkok' },
        { displayName: 'Carol', timezone: 'Asia/Bangkok' },
      ])
      .returning({ id: users.id });
    [alice, bob, carol] = made.map((u) => u.id) as [string, string, string];
    const [a, b] = await db
      .insert(sources)
      .values([
        { ownerId: alice, name: 'Alice electric', unit: 'kWh', timezone: 'Asia/Bangkok' },
        { ownerId: bob, name: 'Bob water', unit: 'm3', timezone: 'Asia/Bangkok' },
      ])
      .returning({ id: sources.id });
    aliceMeter = a!.id;
    bobMeter = b!.id;
    const [r] = await db
      .insert(readings)
      .values([
        {
          sourceId: bobMeter,
          number: 1,
          takenAt: new Date('2026-11-01T01:00:00Z'),
          value: '120.5',
          enteredBy: bob,
        },
      ])
      .returning({ id: readings.id });
    bobReading = r!.id;
    await db.insert(readings).values({
      sourceId: aliceMeter,
      number: 1,
      takenAt: new Date('2026-11-01T01:00:00Z'),
      value: '4521',
      enteredBy: alice,
    });
    // Bob lets Carol read his meter.
    await db
      .insert(access)
      .values({ userId: carol, sourceId: bobMeter, role: 'read', grantedBy: bob });
  });

  afterAll(async () => {
    await database?.close();
  });

  it('runs as a role that owns nothing and does not bypass row security', async () => {
    const [me] = await asApp<{ current_user: string; super: boolean; bypass: boolean }>(
      alice,
      `select current_user, r.rolsuper as super, r.rolbypassrls as bypass
         from pg_roles r where r.rolname = current_user`,
    );
    expect(me).toEqual({ current_user: 'home_log_app', super: false, bypass: false });
    const owned = await asApp(
      alice,
      `select tablename from pg_tables where tableowner = current_user`,
    );
    expect(owned).toEqual([]);
  });

  it("hides another user's meters, readings and grants", async () => {
    const meters = await asApp<{ name: string }>(alice, 'select name from sources order by name');
    expect(meters.map((m) => m.name)).toEqual(['Alice electric']);
    const values = await asApp<{ value: string }>(alice, 'select value::text from readings');
    expect(values.map((r) => r.value)).toEqual(['4521']);
    const grants = await asApp(alice, 'select * from access');
    expect(grants).toEqual([]);
    // Even by primary key.
    expect(await asApp(alice, `select * from sources where id = '${bobMeter}'`)).toEqual([]);
    expect(await asApp(alice, `select * from readings where id = '${bobReading}'`)).toEqual([]);
  });

  it('shows nothing at all when no user is set (fail closed)', async () => {
    expect(await asApp(null, 'select * from sources')).toEqual([]);
    expect(await asApp(null, 'select * from readings')).toEqual([]);
    expect(await asApp(null, 'select * from access')).toEqual([]);
  });

  it("cannot change another user's meter, readings or grants", async () => {
    const renamed = await asApp(
      alice,
      `update sources set name = 'mine' where id = '${bobMeter}' returning id`,
    );
    expect(renamed).toEqual([]);
    const retired = await asApp(
      alice,
      `update readings set deleted_at = now() where id = '${bobReading}' returning id`,
    );
    expect(retired).toEqual([]);
    const revoked = await asApp(
      alice,
      `delete from access where source_id = '${bobMeter}' returning user_id`,
    );
    expect(revoked).toEqual([]);
    // Nothing changed, as the owner sees it.
    const [meter] = await rows<{ name: string }>(
      database.db,
      sql`select name from sources where id = ${bobMeter}`,
    );
    expect(meter?.name).toBe('Bob water');
    const [reading] = await rows<{ deleted_at: Date | null }>(
      database.db,
      sql`select deleted_at from readings where id = ${bobReading}`,
    );
    expect(reading?.deleted_at).toBeNull();
    const [grant] = await rows<{ n: number }>(
      database.db,
      sql`select count(*)::int as n from access`,
    );
    expect(grant?.n).toBe(1);
  });

  it("cannot write into another user's meter or grant itself access", async () => {
    expect(
      await rejection(
        asApp(
          alice,
          `insert into readings (source_id, number, taken_at, value, entered_by)
         values ('${bobMeter}', 2, now(), 999, '${alice}')`,
        ),
      ),
    ).toMatch(/row-level security/);
    expect(
      await rejection(
        asApp(
          alice,
          `insert into access (user_id, source_id, role) values ('${alice}', '${bobMeter}', 'admin')`,
        ),
      ),
    ).toMatch(/row-level security/);
    expect(
      await rejection(
        asApp(
          alice,
          `insert into sources (owner_id, name, timezone) values ('${bob}', 'planted', 'UTC')`,
        ),
      ),
    ).toMatch(/row-level security/);
    expect(
      await rejection(
        asApp(
          alice,
          `insert into group_shares (chat_id, source_id, role) values ('Cgroup', '${bobMeter}', 'write')`,
        ),
      ),
    ).toMatch(/row-level security/);
  });

  it('cannot sign a reading with someone else as its author', async () => {
    expect(
      await rejection(
        asApp(
          alice,
          `insert into readings (source_id, number, taken_at, value, entered_by)
         values ('${aliceMeter}', 2, now(), 4600, '${bob}')`,
        ),
      ),
    ).toMatch(/row-level security/);
  });

  it('lets a reader see but not write or retire readings', async () => {
    const seen = await asApp<{ value: string }>(carol, 'select value::text from readings');
    expect(seen.map((r) => r.value)).toEqual(['120.5']);
    expect(
      await rejection(
        asApp(
          carol,
          `insert into readings (source_id, number, taken_at, value, entered_by)
         values ('${bobMeter}', 2, now(), 130, '${carol}')`,
        ),
      ),
    ).toMatch(/row-level security/);
    const retired = await asApp(
      carol,
      `update readings set deleted_at = now() where id = '${bobReading}' returning id`,
    );
    expect(retired).toEqual([]);
  });

  it('never lets a value or an owner be edited in place, even by the owner', async () => {
    expect(
      await rejection(asApp(bob, `update readings set value = 1 where id = '${bobReading}'`)),
    ).toMatch(/permission denied/);
    expect(
      await rejection(
        asApp(bob, `update sources set owner_id = '${alice}' where id = '${bobMeter}'`),
      ),
    ).toMatch(/permission denied/);
    expect(await rejection(asApp(bob, `delete from readings where id = '${bobReading}'`))).toMatch(
      /permission denied/,
    );
  });

  it('lets a group share unlock a meter only inside that group', async () => {
    await database.db
      .insert(groupShares)
      .values({ chatId: 'Cfamily', sourceId: bobMeter, role: 'write' });
    const inGroup = await asApp<{ name: string }>(
      alice,
      'select name from sources order by name',
      'Cfamily',
    );
    expect(inGroup.map((m) => m.name)).toEqual(['Alice electric', 'Bob water']);
    const elsewhere = await asApp<{ name: string }>(
      alice,
      'select name from sources order by name',
      'Cother',
    );
    expect(elsewhere.map((m) => m.name)).toEqual(['Alice electric']);
    await database.db.delete(groupShares);
  });

  it('lets a read share show rows in its group only, and never change them', async () => {
    await database.db
      .insert(groupShares)
      .values({ chatId: 'Cread', sourceId: bobMeter, role: 'read' });
    const seen = await asApp<{ value: string }>(
      alice,
      'select value::text from readings order by value',
      'Cread',
    );
    expect(seen.map((r) => r.value)).toEqual(['120.5', '4521']);
    expect(
      await rejection(
        asApp(
          alice,
          `insert into readings (source_id, number, taken_at, value, entered_by)
           values ('${bobMeter}', 5, now(), 130, '${alice}')`,
          'Cread',
        ),
      ),
    ).toMatch(/row-level security/);
    const retired = await asApp(
      alice,
      `update readings set deleted_at = now() where id = '${bobReading}' returning id`,
      'Cread',
    );
    expect(retired).toEqual([]);
    // Nothing of it is visible from another group.
    expect(
      await asApp(alice, `select * from readings where source_id = '${bobMeter}'`, 'Cother'),
    ).toEqual([]);
    await database.db.delete(groupShares);
  });

  it("reaches a member's own chat with the group's role, and only while they are a member", async () => {
    await database.db.insert(groupShares).values([
      { chatId: 'Cfamily', sourceId: bobMeter, role: 'read' },
      { chatId: 'Cwork', sourceId: aliceMeter, role: 'write' },
    ]);
    const bobsIn = (userId: string) =>
      asApp<{ value: string }>(
        userId,
        `select value::text from readings where source_id = '${bobMeter}'`,
      );
    // Not a member yet: nothing of the family's meter in Alice's own chat (no group set).
    expect(await bobsIn(alice)).toEqual([]);
    // A membership is recorded only for oneself, from inside that group.
    expect(
      await rejection(
        asApp(alice, `insert into group_members (chat_id, user_id) values ('Cfamily', '${alice}')`),
      ),
    ).toMatch(/row-level security/);
    expect(
      await rejection(
        asApp(
          alice,
          `insert into group_members (chat_id, user_id) values ('Cfamily', '${carol}')`,
          'Cfamily',
        ),
      ),
    ).toMatch(/row-level security/);
    await asApp(
      alice,
      `insert into group_members (chat_id, user_id) values ('Cfamily', '${alice}')`,
      'Cfamily',
    );
    expect((await bobsIn(alice)).map((r) => r.value)).toEqual(['120.5']);
    // Read only: the database refuses a reading from her own chat too.
    expect(
      await rejection(
        asApp(
          alice,
          `insert into readings (source_id, number, taken_at, value, entered_by)
           values ('${bobMeter}', 8, now(), 130, '${alice}')`,
        ),
      ),
    ).toMatch(/row-level security/);
    // Another group's chat does not carry the family's share along.
    expect(
      await asApp(alice, `select * from readings where source_id = '${bobMeter}'`, 'Cwork'),
    ).toEqual([]);
    // Memberships are private: Bob sees none of Alice's.
    expect(await asApp(bob, 'select * from group_members')).toEqual([]);
    // LINE says she left (no acting user, the group's context): the share no longer reaches her.
    const left = await asApp(
      null,
      `delete from group_members where user_id = '${alice}' returning chat_id`,
      'Cfamily',
    );
    expect(left).toEqual([{ chat_id: 'Cfamily' }]);
    expect(await bobsIn(alice)).toEqual([]);
    await database.db.delete(groupShares);
  });

  it("lets a write share add signed readings in its group, but not touch other people's", async () => {
    await database.db
      .insert(groupShares)
      .values({ chatId: 'Cwrite', sourceId: bobMeter, role: 'write' });
    const added = await asApp<{ id: string }>(
      alice,
      `insert into readings (source_id, number, taken_at, value, entered_by)
       values ('${bobMeter}', 7, now(), 130, '${alice}') returning id`,
      'Cwrite',
    );
    expect(added).toHaveLength(1);
    // Bob's own reading stays out of reach for a mere writer.
    expect(
      await asApp(
        alice,
        `update readings set deleted_at = now() where id = '${bobReading}' returning id`,
        'Cwrite',
      ),
    ).toEqual([]);
    // Her own can be retired (undo).
    expect(
      await asApp(
        alice,
        `update readings set deleted_at = now() where id = '${added[0]!.id}' returning id`,
        'Cwrite',
      ),
    ).toHaveLength(1);
    // A group share never makes anyone an admin: no grants, no shares, no settings.
    expect(
      await rejection(
        asApp(
          alice,
          `insert into access (user_id, source_id, role) values ('${alice}', '${bobMeter}', 'admin')`,
          'Cwrite',
        ),
      ),
    ).toMatch(/row-level security/);
    expect(
      await rejection(
        asApp(
          alice,
          `insert into group_shares (chat_id, source_id, role) values ('Cmine', '${bobMeter}', 'write')`,
          'Cwrite',
        ),
      ),
    ).toMatch(/row-level security/);
    expect(
      await asApp(
        alice,
        `update sources set name = 'taken' where id = '${bobMeter}' returning id`,
        'Cwrite',
      ),
    ).toEqual([]);
    await database.db.delete(groupShares);
    await database.db.execute(
      sql`delete from readings where entered_by = ${alice} and source_id = ${bobMeter}`,
    );
  });

  it('hides the audit entries of a meter from everyone but its admins and the actors', async () => {
    await withActor(database.db, { userId: bob }, async ({ audit }) => {
      audit({ action: 'reading.add', sourceId: bobMeter, after: { value: '120.5' } });
    });
    expect(await asApp(alice, 'select * from audit_log')).toEqual([]);
    expect(await asApp(carol, 'select * from audit_log')).toEqual([]); // a reader, not an admin
    expect(await asApp(bob, 'select action from audit_log')).toEqual([{ action: 'reading.add' }]);
  });

  it('records webhook events through connections that are the application role', async () => {
    // PostgreSQL: a pool of its own that logs in as the application role. PGlite has one
    // session (its inbox is that session, served first), so here a transaction as nobody.
    expect(database.inbox).not.toBeNull();
    const asInbox = <T = Record<string, unknown>>(statement: SQL) =>
      kind === 'postgres' && database.inbox
        ? rows<T>(database.inbox, statement)
        : withActor(database.db, { userId: null }, ({ tx }) => rows<T>(tx, statement));
    const [who] = await asInbox<{ current_user: string }>(sql`select current_user`);
    expect(who?.current_user).toBe('home_log_app');
    expect(await asApp(null, 'select 1 as one')).toEqual([{ one: 1 }]);
    // Nobody is acting on these connections: row security shows them no meters at all.
    expect(await asInbox(sql`select * from sources`)).toEqual([]);
    expect(await rejection(asInbox(sql`update readings set value = 0`))).toMatch(
      /permission denied/,
    );
    const recorded = await insertInboxRows(
      database,
      inboxRows(
        [
          {
            type: 'unfollow',
            webhookEventId: 'rls-inbox-1',
            timestamp: 0,
            source: { type: 'user', userId: 'Urls' },
          } as never,
        ],
        (raw) => raw,
      ),
    );
    expect(recorded).toEqual(['rls-inbox-1']);
    expect(
      await rows(
        database.db,
        sql`select type from webhook_events where webhook_event_id = 'rls-inbox-1'`,
      ),
    ).toEqual([{ type: 'unfollow' }]);
  });

  it('forgets the acting user when the transaction ends', async () => {
    const seen = await withActor(database.db, { userId: alice }, async ({ tx }) =>
      rows<{ u: string | null }>(tx, sql`select current_setting('app.user_id', true) as u`),
    );
    expect(seen[0]?.u).toBe(alice);
    const after = await rows<{ u: string | null; role: string }>(
      database.db,
      sql`select nullif(current_setting('app.user_id', true), '') as u, current_user as role`,
    );
    expect(after[0]?.u ?? null).toBeNull();
    expect(after[0]?.role).not.toBe('home_log_app');
  });

  it('binds the user id as a parameter (no SQL injection through it)', async () => {
    expect(
      await rejection(
        withActor(database.db, { userId: "x', true); drop table readings; --" }, async ({ tx }) =>
          tx.select().from(sources),
        ),
      ),
    ).toMatch(/uuid/);
    const [count] = await rows<{ n: number }>(
      database.db,
      sql`select count(*)::int as n from readings`,
    );
    expect(count?.n).toBe(2);
  });
});

import { eq, sql } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { withActor } from '../../src/db/actor';
import { rows } from '../../src/db/client';
import { auditLog, sources, users } from '../../src/db/schema';
import { createTestDatabase, databaseKinds, rejection, type TestDatabase } from '../helpers/db';

interface Verdict {
  ok: boolean;
  rows_checked: number | string;
  first_bad_seq: number | string | null;
  problem: string | null;
}

describe.each(databaseKinds())('audit log on %s', (kind) => {
  let database: TestDatabase;
  let userId: string;
  let sourceId: string;

  const verify = async () => {
    const [verdict] = await rows<Verdict>(database.db, sql`select * from audit_verify()`);
    return {
      ok: verdict!.ok,
      checked: Number(verdict!.rows_checked),
      firstBad: verdict!.first_bad_seq === null ? null : Number(verdict!.first_bad_seq),
      problem: verdict!.problem,
    };
  };

  /** What a table owner could do behind the application's back: switch the guard off. */
  const asOwnerWithoutGuards = async (statement: ReturnType<typeof sql>) => {
    await database.db.execute(
      sql`alter table audit_log disable trigger audit_log_no_update_delete`,
    );
    await database.db.execute(statement);
    await database.db.execute(sql`alter table audit_log enable trigger audit_log_no_update_delete`);
  };

  beforeEach(async () => {
    database = await createTestDatabase(kind);
    const [user] = await database.db
      .insert(users)
      .values({ displayName: 'Malee', timezone: 'Asia/Bangkok' })
      .returning();
    userId = user!.id;
    // Five changes, each audited in its own transaction, as the application does it.
    for (let i = 1; i <= 5; i++) {
      await withActor(database.db, { userId, chatKey: `user:${userId}` }, async ({ tx, audit }) => {
        const [source] = await tx
          .insert(sources)
          .values({ ownerId: userId, name: `Meter ${i}`, unit: 'kWh', timezone: 'Asia/Bangkok' })
          .returning();
        sourceId = source!.id;
        audit({
          action: 'source.create',
          subjectType: 'source',
          subjectId: source!.id,
          sourceId,
          after: { name: `Meter ${i}` },
        });
      });
    }
  });

  afterEach(async () => {
    await database?.close();
  });

  it('chains every row to the previous one, and the chain verifies', async () => {
    const log = await database.db.select().from(auditLog).orderBy(auditLog.seq);
    expect(log.map((r) => r.seq)).toEqual([1, 2, 3, 4, 5]);
    expect(log[0]!.prevHash).toBe('');
    for (let i = 1; i < log.length; i++) expect(log[i]!.prevHash).toBe(log[i - 1]!.hash);
    expect(new Set(log.map((r) => r.hash)).size).toBe(5);
    expect(log[4]!.actorId).toBe(userId);
    expect(log[4]!.after).toEqual({ name: 'Meter 5' });
    expect(await verify()).toEqual({ ok: true, checked: 5, firstBad: null, problem: null });
  });

  it('an audit entry the server refuses rolls the whole transaction back, and says why', async () => {
    // The entry is sent with the COMMIT right behind it; the server refuses the entry (a source
    // id that is no uuid), so the change it audits must not be committed either.
    const attempt = withActor(database.db, { userId }, async ({ tx, audit }) => {
      await tx.update(users).set({ displayName: 'Changed' }).where(eq(users.id, userId));
      audit({ action: 'user.rename', subjectType: 'user', subjectId: userId, sourceId: 'nope' });
      return 'returned';
    });
    expect(await rejection(attempt)).toMatch(/invalid input syntax for type uuid/);
    const [user] = await database.db.select().from(users).where(eq(users.id, userId));
    expect(user!.displayName).toBe('Malee');
    expect(await database.db.$count(auditLog)).toBe(5);
    // The connection is usable afterwards, and the chain still verifies.
    await withActor(database.db, { userId }, async ({ audit }) => {
      audit({ action: 'user.touch', subjectType: 'user', subjectId: userId });
    });
    expect(await verify()).toEqual({ ok: true, checked: 6, firstBad: null, problem: null });
  });

  it('a statement sent alongside that fails rolls everything back, and its error is the one told', async () => {
    // Sent without waiting; the audit entry and the COMMIT follow it. The server refuses it (a
    // source id that is no uuid): the update before it, the audit entry after it and whatever
    // the handler did next are all rolled back, and the refusal is what withActor reports, not
    // the "transaction is aborted" of the statements that came after it.
    const attempt = withActor(database.db, { userId }, async ({ tx, audit, alongside }) => {
      await tx.update(users).set({ displayName: 'Changed' }).where(eq(users.id, userId));
      alongside(tx.update(sources).set({ name: 'Renamed' }).where(sql`id = ${'nope'}::uuid`));
      audit({ action: 'user.rename', subjectType: 'user', subjectId: userId });
      return 'returned';
    });
    expect(await rejection(attempt)).toMatch(/invalid input syntax for type uuid/);
    const [user] = await database.db.select().from(users).where(eq(users.id, userId));
    expect(user!.displayName).toBe('Malee');
    expect(await database.db.$count(auditLog)).toBe(5);

    // Sent alongside and succeeding: committed with the rest, each exactly once.
    await withActor(database.db, { userId }, async ({ tx, audit, alongside }) => {
      alongside(tx.update(users).set({ displayName: 'Malee W.' }).where(eq(users.id, userId)));
      audit({ action: 'user.rename', subjectType: 'user', subjectId: userId });
    });
    const [renamed] = await database.db.select().from(users).where(eq(users.id, userId));
    expect(renamed!.displayName).toBe('Malee W.');
    expect(await database.db.$count(auditLog)).toBe(6);
    expect(await verify()).toEqual({ ok: true, checked: 6, firstBad: null, problem: null });
  });

  it('refuses UPDATE, DELETE and TRUNCATE, even from the table owner', async () => {
    expect(
      await rejection(database.db.execute(sql`update audit_log set action = 'x' where seq = 2`)),
    ).toMatch(/append-only: UPDATE/);
    expect(await rejection(database.db.execute(sql`delete from audit_log where seq = 2`))).toMatch(
      /append-only: DELETE/,
    );
    expect(await rejection(database.db.execute(sql`truncate audit_log`))).toMatch(
      /append-only: TRUNCATE/,
    );
    expect(await database.db.$count(auditLog)).toBe(5);
  });

  it('gives the application role INSERT and SELECT only', async () => {
    const attempt = (statement: string) =>
      withActor(database.db, { userId }, async ({ tx }) => tx.execute(sql.raw(statement)));
    expect(await rejection(attempt('update audit_log set action = $$x$$'))).toMatch(
      /permission denied/,
    );
    expect(await rejection(attempt('delete from audit_log'))).toMatch(/permission denied/);
    expect(await rejection(attempt('truncate audit_log'))).toMatch(/permission denied/);
    expect(await rejection(attempt('update audit_chain_head set seq = 0'))).toMatch(
      /permission denied/,
    );
    expect(await rejection(attempt('select * from audit_verify()'))).toMatch(/permission denied/);
  });

  it('refuses an entry signed with another actor', async () => {
    const [other] = await database.db
      .insert(users)
      .values({ displayName: 'Mallory', timezone: 'UTC' })
      .returning();
    expect(
      await rejection(
        withActor(database.db, { userId: other!.id }, async ({ tx }) =>
          tx.insert(auditLog).values({ actorId: userId, action: 'forged' }),
        ),
      ),
    ).toMatch(/row-level security/);
  });

  it('detects a row the owner altered with the guard switched off', async () => {
    await asOwnerWithoutGuards(
      sql`update audit_log set after = '{"name":"Altered"}' where seq = 3`,
    );
    expect(await verify()).toMatchObject({
      ok: false,
      firstBad: 3,
      problem: 'row content does not match its hash',
    });
  });

  it('detects an altered row even when its own hash was recomputed', async () => {
    await asOwnerWithoutGuards(
      sql`update audit_log set action = 'source.delete',
            hash = audit_row_hash(prev_hash, seq, at, actor_id, chat_key, 'source.delete',
                                  subject_type, subject_id, source_id, before, after)
          where seq = 2`,
    );
    expect(await verify()).toMatchObject({
      ok: false,
      firstBad: 3,
      problem: 'prev_hash does not match the previous row',
    });
  });

  it('detects a removed row in the middle of the chain', async () => {
    await asOwnerWithoutGuards(sql`delete from audit_log where seq = 4`);
    expect(await verify()).toMatchObject({ ok: false, firstBad: 4, problem: 'row 4 is missing' });
  });

  it('detects the newest rows removed', async () => {
    await asOwnerWithoutGuards(sql`delete from audit_log where seq = 5`);
    expect(await verify()).toMatchObject({ ok: false, firstBad: 5 });
  });

  it('rolls the audit entry back with the change it describes', async () => {
    await expect(
      withActor(database.db, { userId }, async ({ audit }) => {
        audit({ action: 'source.create', sourceId });
        throw new Error('the change failed');
      }),
    ).rejects.toThrow('the change failed');
    expect(await database.db.$count(auditLog)).toBe(5);
    expect((await verify()).ok).toBe(true);
  });
});

import { spawnSync } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eraseByLineUserId } from '../../src/accounts/erasure';
import { verifyAuditChain } from '../../src/audit/chain';
import { withActor } from '../../src/db/actor';
import type { Database } from '../../src/db/client';
import { createDatabase } from '../../src/db/open';
import { ERASED, personal } from '../../src/db/personal';
import {
  access,
  auditLog,
  groupShares,
  identities,
  readings,
  sources,
  users,
} from '../../src/db/schema';
import { newUserId } from '../../src/dev/fake-line-platform';
import { opened } from '../helpers/audit';
import { createTestDatabase, createTestPgliteDir, databaseKinds } from '../helpers/db';

// npm run user:delete -- <LINE user id>: the operator's erasure of one person, on a database the
// command opens itself (PGLITE_DIR, or DATABASE_URL on PostgreSQL); and the limits of what the
// application role may do with erasure and keys.

interface Opened {
  database: Database;
  env: Record<string, string>;
  close(): Promise<void>;
}

async function openFor(kind: 'pglite' | 'postgres'): Promise<Opened> {
  if (kind === 'postgres') {
    const database = await createTestDatabase('postgres');
    // The command connects on its own: this test's connection must not hold the database.
    return { database, env: { DATABASE_URL: database.url! }, close: () => database.close() };
  }
  const dir = await mkdtemp(join(tmpdir(), 'home-log-user-delete-'));
  const pgliteDir = join(dir, 'pglite');
  const database = await createTestPgliteDir(pgliteDir);
  return {
    database,
    env: { PGLITE_DIR: pgliteDir },
    close: async () => {
      await database.close().catch(() => undefined);
      await rm(dir, { recursive: true, force: true });
    },
  };
}

const run = (env: Record<string, string>, ...args: string[]) =>
  spawnSync(process.execPath, ['--import', 'tsx', 'src/entry/user-delete.ts', ...args], {
    env: { PATH: process.env.PATH ?? '', ...env },
    encoding: 'utf8',
  });

describe.each(databaseKinds())('npm run user:delete on %s', (kind) => {
  let target: Opened;
  const ann = { id: '', line: newUserId() };
  const bob = { id: '', line: newUserId() };
  const groupId = `C${'a'.repeat(32)}`;
  let shared = '';
  let own = '';

  const db = () => target.database.db;

  // On PGlite only one process may hold the data directory: the test lets go of it before each
  // command and takes it back to look. The tests may run in any order, so the state is tracked.
  let held = true;
  const release = async () => {
    if (kind === 'pglite' && held) await target.database.close();
    held = false;
  };
  const hold = async () => {
    if (kind === 'pglite' && !held) {
      target.database = await createDatabase({
        databaseUrl: null,
        pgliteDir: target.env.PGLITE_DIR!,
      });
    }
    held = true;
  };
  /** `npm run user:delete` for Ann, run once whichever test needs it first. */
  let annErased: ReturnType<typeof run> | undefined;
  const eraseAnn = async () => {
    await release();
    annErased ??= run(target.env, '--', ann.line);
    return annErased;
  };

  beforeAll(async () => {
    target = await openFor(kind);
    const person = async (name: string, line: string) => {
      const [user] = await db()
        .insert(users)
        .values({ displayName: name, timezone: 'UTC' })
        .returning();
      await db()
        .insert(identities)
        .values({ userId: user!.id, provider: 'line', providerUserId: line });
      return user!.id;
    };
    ann.id = await person('Ann', ann.line);
    bob.id = await person('Bob', bob.line);
    // Ann owns two meters: one Bob administers too (it passes to him), one shared into a group.
    const made = await db()
      .insert(sources)
      .values([
        { ownerId: ann.id, name: 'Shared', timezone: 'UTC' },
        { ownerId: ann.id, name: 'Own', timezone: 'UTC' },
      ])
      .returning();
    shared = made.find((m) => m.name === 'Shared')!.id;
    own = made.find((m) => m.name === 'Own')!.id;
    await db().insert(access).values({ userId: bob.id, sourceId: shared, role: 'admin' });
    await db().insert(groupShares).values({ chatId: groupId, sourceId: own, role: 'write' });
    // Readings with notes, audited as the app writes them (notes sealed under the author's key).
    const add = async (who: string, sourceId: string, number: number, note: string) =>
      withActor(db(), { userId: who, chatKey: `user:${who}` }, async ({ tx, audit }) => {
        const [row] = await tx
          .insert(readings)
          .values({ sourceId, number, takenAt: new Date(), value: '1', enteredBy: who, note })
          .returning();
        audit({
          action: 'reading.add',
          subjectType: 'reading',
          subjectId: row!.id,
          sourceId,
          after: { number, note: personal(note, who) },
        });
        audit({ action: 'identity.link', after: { email: personal(`${note}@example.com`) } });
      });
    await add(ann.id, shared, 1, 'ann-note');
    await add(ann.id, own, 1, 'ann-own-note');
    await add(bob.id, shared, 2, 'bob-note');
  });
  afterAll(async () => {
    if (target) await release();
    await target?.close();
  });

  // Each command is a child process that opens (and on PGlite boots) the database itself.
  const SLOW = 300_000;

  it('exits 1 on an unknown LINE user id and changes nothing', { timeout: SLOW }, async () => {
    await release();
    const unknown = run(target.env, '--', newUserId());
    expect(unknown.status).toBe(1);
    expect(unknown.stderr).toMatch(
      /no Home Log user has the LINE user id U[0-9a-f]+; nothing was deleted/,
    );
    expect(run(target.env).status).toBe(2);
  });

  it('erases the person, passes the shared meter, removes the other, and the chain verifies', {
    timeout: SLOW,
  }, async () => {
    const done = await eraseAnn();
    expect(done.stderr).toBe('');
    expect(done.status).toBe(0);
    expect(done.stdout).toContain(`erased Home Log user ${ann.id}`);
    expect(done.stdout).toContain('meters removed with their readings: 1');
    expect(done.stdout).toContain(`${shared} -> user ${bob.id}`);
    expect(done.stdout).toContain(`group ${groupId} NOT told`);

    await hold();
    expect(await db().select().from(users).where(eq(users.id, ann.id))).toEqual([]);
    expect(await db().select().from(identities).where(eq(identities.userId, ann.id))).toEqual([]);
    const meters = await db().select().from(sources);
    expect(meters.map((m) => [m.name, m.ownerId])).toEqual([['Shared', bob.id]]);
    const left = await db().select().from(readings).where(eq(readings.sourceId, shared));
    expect(left.map((r) => [r.number, r.enteredBy, r.note]).sort()).toEqual([
      [1, null, null],
      [2, bob.id, 'bob-note'],
    ]);

    expect(await verifyAuditChain(db())).toMatchObject({ ok: true });
    const rows = await opened(db(), await db().select().from(auditLog).orderBy(auditLog.seq));
    const notes = rows.filter((r) => r.action === 'reading.add').map((r) => r.after);
    expect(notes).toEqual([
      { number: 1, note: ERASED },
      { number: 1, note: ERASED },
      { number: 2, note: 'bob-note' },
    ]);
    const emails = rows.filter((r) => r.action === 'identity.link').map((r) => r.after);
    expect(emails).toEqual([
      { email: ERASED },
      { email: ERASED },
      { email: 'bob-note@example.com' },
    ]);
    expect(rows.at(-1)).toMatchObject({
      action: 'user.erase',
      actorId: ann.id,
      subjectId: ann.id,
      after: { by: 'operator', identities: 1, metersRemoved: 1, metersPassed: 1, groupsTold: 1 },
    });
    expect(rows.map((r) => r.action)).toEqual(
      expect.arrayContaining(['meter.transfer', 'meter.erase']),
    );
    // The same id again: nobody has it any more.
    expect(await eraseByLineUserId(db(), ann.line)).toBeNull();
  });

  it('audit:export after the deletion verifies, and audit:show reads it with "(erased)"', {
    timeout: SLOW,
  }, async () => {
    expect((await eraseAnn()).status).toBe(0);
    const dir = await mkdtemp(join(tmpdir(), 'home-log-erased-export-'));
    try {
      const audit = (...args: string[]) =>
        spawnSync(process.execPath, ['--import', 'tsx', 'src/entry/audit.ts', ...args], {
          env: { PATH: process.env.PATH ?? '', ...target.env },
          encoding: 'utf8',
        });
      expect(audit('export', join(dir, 'out/')).status).toBe(0);
      const verified = audit('verify', '--file', join(dir, 'out'));
      expect(verified.stdout).toContain('audit export intact');
      expect(verified.status).toBe(0);
      const shown = audit('show', '--file', join(dir, 'out'));
      expect(shown.status).toBe(0);
      const lines = shown.stdout.trim().split('\n');
      expect(lines.filter((l) => l.includes(' reading.add '))).toEqual([
        expect.stringMatching(
          new RegExp(
            `^#\\d+ \\S+Z ${ann.id} in user:${ann.id} reading.add .*"note":"\\(erased\\)"`,
          ),
        ),
        expect.stringMatching(/"note":"\(erased\)"/),
        expect.stringMatching(new RegExp(`${bob.id} .*"note":"bob-note"`)),
      ]);
      expect(lines.at(-1)).toMatch(/user.erase user:\S+ after=\{"by":"operator"/);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});

describe.each(databaseKinds())('erasure and keys for the application role on %s', (kind) => {
  let database: Awaited<ReturnType<typeof createTestDatabase>>;
  let userId = '';
  beforeAll(async () => {
    database = await createTestDatabase(kind);
    const [user] = await database.db
      .insert(users)
      .values({ displayName: 'Cy', timezone: 'UTC' })
      .returning();
    userId = user!.id;
  });
  afterAll(async () => {
    await database?.close();
  });

  const asApp = <T>(who: string | null, fn: Parameters<typeof withActor<T>>[2]) =>
    withActor(database.db, { userId: who }, fn);

  it('cannot read person keys, nor delete users, meters or readings directly', async () => {
    await asApp(userId, ({ audit }) => {
      audit({ action: 'test', after: { secret: personal('x') } });
      return Promise.resolve();
    });
    await expect(
      asApp(userId, ({ tx }) => tx.execute(sql`select * from person_keys`)),
    ).rejects.toThrow();
    for (const table of ['users', 'sources', 'readings']) {
      await expect(
        asApp(userId, ({ tx }) => tx.execute(sql.raw(`delete from ${table}`))),
      ).rejects.toThrow();
    }
  });

  it('erase_my_data() erases only the acting user, and nobody without one', async () => {
    await expect(
      asApp(null, ({ tx }) => tx.execute(sql`select erase_my_data(null)`)),
    ).rejects.toThrow();
    expect(await database.db.select().from(users).where(eq(users.id, userId))).toHaveLength(1);
  });
});

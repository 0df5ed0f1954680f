import { spawnSync } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ExportMismatch, exportAuditLog, verifyAuditChain } from '../../src/audit/chain';
import { withActor } from '../../src/db/actor';
import { createDatabase } from '../../src/db/open';
import { users } from '../../src/db/schema';
import {
  createTestDatabase,
  createTestPgliteDir,
  databaseKinds,
  type TestDatabase,
} from '../helpers/db';

async function audited(database: TestDatabase, userId: string, count: number, from = 1) {
  for (let i = from; i < from + count; i++) {
    await withActor(database.db, { userId }, async ({ audit }) => {
      audit({ action: 'history.view', subjectType: 'source', subjectId: `s${i}`, after: { i } });
    });
  }
}

describe.each(databaseKinds())('audit verification and export on %s', (kind) => {
  let database: TestDatabase;
  let userId: string;
  let dir: string;

  beforeEach(async () => {
    database = await createTestDatabase(kind);
    const [user] = await database.db
      .insert(users)
      .values({ displayName: 'Admin', timezone: 'UTC' })
      .returning();
    userId = user!.id;
    dir = await mkdtemp(join(tmpdir(), 'home-log-audit-'));
    await audited(database, userId, 5);
  });
  afterEach(async () => {
    await database?.close();
    await rm(dir, { recursive: true, force: true });
  });

  const tamper = async (statement: ReturnType<typeof sql>) => {
    await database.db.execute(
      sql`alter table audit_log disable trigger audit_log_no_update_delete`,
    );
    await database.db.execute(statement);
    await database.db.execute(sql`alter table audit_log enable trigger audit_log_no_update_delete`);
  };

  it('verifies an intact chain and names the first tampered row', async () => {
    expect(await verifyAuditChain(database.db)).toEqual({
      ok: true,
      rowsChecked: 5,
      firstBadSeq: null,
      problem: null,
    });
    await tamper(sql`update audit_log set actor_id = null where seq = 4`);
    expect(await verifyAuditChain(database.db)).toMatchObject({
      ok: false,
      firstBadSeq: 4,
      rowsChecked: 3,
    });
  });

  it('exports to a directory in new files, resuming where the last export ended', async () => {
    const exportDir = join(dir, 'export');
    expect(await exportAuditLog(database.db, `${exportDir}/`)).toMatchObject({
      written: 5,
      fromSeq: 1,
      toSeq: 5,
    });
    expect(await exportAuditLog(database.db, `${exportDir}/`)).toMatchObject({ written: 0 });
    await audited(database, userId, 3, 6);
    expect(await exportAuditLog(database.db, exportDir)).toMatchObject({
      written: 3,
      fromSeq: 6,
      toSeq: 8,
    });
    const files = (await readdir(exportDir)).sort();
    expect(files).toEqual([
      'audit-000000000001-000000000005.jsonl',
      'audit-000000000006-000000000008.jsonl',
    ]);
    const lines = (await readFile(join(exportDir, files[1]!), 'utf8'))
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(lines.map((l) => l.seq)).toEqual([6, 7, 8]);
    // The files chain on: each row names the hash of the one before, across files.
    const first = (await readFile(join(exportDir, files[0]!), 'utf8'))
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(lines[0].prevHash).toBe(first.at(-1).hash);
    expect(lines[2]).toMatchObject({ action: 'history.view', actorId: userId, after: { i: 8 } });
  });

  it('appends to a file, resuming after its last line', async () => {
    const file = join(dir, 'audit.jsonl');
    await exportAuditLog(database.db, file);
    await audited(database, userId, 2, 6);
    expect(await exportAuditLog(database.db, file)).toMatchObject({
      written: 2,
      fromSeq: 6,
      toSeq: 7,
    });
    const seqs = (await readFile(file, 'utf8'))
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l).seq);
    expect(seqs).toEqual([1, 2, 3, 4, 5, 6, 7]);
  });

  it('refuses to export when the database no longer matches what was exported', async () => {
    const file = join(dir, 'audit.jsonl');
    await exportAuditLog(database.db, file);
    await tamper(
      sql`update audit_log set hash = audit_row_hash(prev_hash, seq, at, actor_id, chat_key, 'forged', subject_type, subject_id, source_id, before, after), action = 'forged' where seq = 5`,
    );
    await audited(database, userId, 1, 6);
    await expect(exportAuditLog(database.db, file)).rejects.toBeInstanceOf(ExportMismatch);
    const seqs = (await readFile(file, 'utf8'))
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l).seq);
    expect(seqs).toEqual([1, 2, 3, 4, 5]);
  });
  it('refuses to export past a break in the middle of the new rows, and writes nothing', async () => {
    const file = join(dir, 'audit.jsonl');
    await exportAuditLog(database.db, file);
    await audited(database, userId, 4, 6);
    // Row 7 removed: rows 6 and 8 are each intact, but 8 no longer follows 6.
    await tamper(sql`delete from audit_log where seq = 7`);
    await expect(exportAuditLog(database.db, file)).rejects.toThrow(
      'audit row 8 does not follow row 7: run audit:verify',
    );
    const seqs = (await readFile(file, 'utf8'))
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l).seq);
    expect(seqs).toEqual([1, 2, 3, 4, 5]);
  });

  it('refuses a first export of a chain broken in the middle, and creates no file', async () => {
    const exportDir = join(dir, 'first');
    await tamper(sql`update audit_log set prev_hash = repeat('0', 64) where seq = 3`);
    await expect(exportAuditLog(database.db, `${exportDir}/`)).rejects.toBeInstanceOf(
      ExportMismatch,
    );
    expect(await readdir(exportDir).catch(() => [])).toEqual([]);
  });
});

describe('npm run audit:verify / audit:export', () => {
  it('exits 0 on an intact log, 1 naming the bad row after tampering, and exports', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'home-log-audit-cli-'));
    const dataDir = join(dir, 'pglite');
    try {
      const database = await createTestPgliteDir(dataDir);
      const [user] = await database.db
        .insert(users)
        .values({ displayName: 'A', timezone: 'UTC' })
        .returning();
      await audited(database as TestDatabase, user!.id, 3);
      await database.close();

      const run = (...args: string[]) =>
        spawnSync(process.execPath, ['--import', 'tsx', 'src/entry/audit.ts', ...args], {
          env: { PATH: process.env.PATH ?? '', PGLITE_DIR: dataDir },
          encoding: 'utf8',
        });
      const ok = run('verify');
      expect(ok.stdout).toContain('audit log intact: 3 rows');
      expect(ok.status).toBe(0);

      const exported = run('export', join(dir, 'out/'));
      expect(exported.stdout).toContain('3 rows (seq 1-3)');
      expect(exported.status).toBe(0);

      const reopened = await createDatabase({ databaseUrl: null, pgliteDir: dataDir });
      await reopened.db.execute(
        sql`alter table audit_log disable trigger audit_log_no_update_delete`,
      );
      await reopened.db.execute(sql`update audit_log set subject_id = 'changed' where seq = 2`);
      await reopened.close();

      const broken = run('verify');
      expect(broken.stdout).toContain(
        'audit log BROKEN at row 2: row content does not match its hash',
      );
      expect(broken.status).toBe(1);
      expect(run('nonsense').status).toBe(2);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});

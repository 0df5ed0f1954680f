import { spawnSync } from 'node:child_process';
import { generateKeyPairSync } from 'node:crypto';
import { mkdtemp, readdir, readFile, rm, unlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { exportAuditLog } from '../../src/audit/chain';
import { parsePublicKey, parseSigningKey } from '../../src/audit/checkpoint';
import { verifyExport } from '../../src/audit/verify-export';
import { withActor } from '../../src/db/actor';
import { users } from '../../src/db/schema';
import {
  createTestDatabase,
  createTestPgliteDir,
  databaseKinds,
  type TestDatabase,
} from '../helpers/db';

// An export is verified from its files alone: every row's SHA-256 over the exact bytes the
// database hashed, its fields against those bytes, the links and the numbering; and signed
// checkpoints of the chain head, kept elsewhere, catch a database rewritten from scratch.

const keys = () => {
  const { privateKey, publicKey } = generateKeyPairSync('ed25519');
  return {
    signingKey: privateKey,
    publicKey,
    privatePem: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
    publicPem: publicKey.export({ type: 'spki', format: 'pem' }).toString(),
  };
};

/** Values whose text form PostgreSQL's jsonb chooses for itself: order, spacing, numbers. */
const awkward = (i: number) => ({
  z: `row ${i}`,
  a: [1.5, '1.50', 10 ** 20, -0.001, true, null],
  text: 'ค่าไฟ "quoted" \\ back\nslash 🏠',
  nested: { b: { c: i } },
});

async function audited(database: TestDatabase, userId: string, from: number, count: number) {
  for (let i = from; i < from + count; i++) {
    await withActor(database.db, { userId, chatKey: `user:${userId}` }, async ({ audit }) => {
      audit({
        action: 'reading.record',
        subjectType: 'reading',
        subjectId: `r${i}`,
        after: awkward(i),
      });
    });
  }
}

const jsonLines = async (file: string) =>
  (await readFile(file, 'utf8'))
    .trim()
    .split('\n')
    .map((line) => JSON.parse(line));

describe.each(databaseKinds())('verifying an audit export without the database, on %s', (kind) => {
  let database: TestDatabase;
  let userId: string;
  let dir: string;
  const key = keys();

  beforeEach(async () => {
    database = await createTestDatabase(kind);
    const [user] = await database.db
      .insert(users)
      .values({ displayName: 'Admin', timezone: 'UTC' })
      .returning();
    userId = user!.id;
    dir = await mkdtemp(join(tmpdir(), 'home-log-audit-verify-'));
    await audited(database, userId, 1, 4);
  });
  afterEach(async () => {
    await database?.close();
    await rm(dir, { recursive: true, force: true });
  });

  const tamperDatabase = async (statement: ReturnType<typeof sql>) => {
    await database.db.execute(
      sql`alter table audit_log disable trigger audit_log_no_update_delete`,
    );
    await database.db.execute(statement);
    await database.db.execute(sql`alter table audit_log enable trigger audit_log_no_update_delete`);
  };

  it('exports the hashed bytes with microsecond times, and they verify on their own', async () => {
    const out = join(dir, 'out');
    await exportAuditLog(database.db, `${out}/`, { signingKey: key.signingKey });
    const [file] = (await readdir(out)).filter((name) => name.endsWith('.jsonl'));
    const rows = await jsonLines(join(out, file!));
    const stored = await database.db.execute(
      sql`select to_char(at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') as at from audit_log order by seq`,
    );
    const storedAt = ((stored as { rows?: unknown[] }).rows ?? (stored as unknown[])).map(
      (row) => (row as { at: string }).at,
    );
    expect(rows.map((row) => row.at)).toEqual(storedAt);
    expect(rows[0].at).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{6}Z$/);
    expect(rows[2].after).toEqual(awkward(3));
    expect(JSON.parse(rows[2].hashed)[10]).toEqual(awkward(3));

    expect(await verifyExport({ paths: [out], publicKey: key.publicKey })).toEqual({
      ok: true,
      rowsChecked: 4,
      fromSeq: 1,
      toSeq: 4,
      firstBadSeq: null,
      problem: null,
      checkpointsVerified: 1,
      checkpointsUnchecked: 0,
    });
  });

  it('finds an edited field, edited bytes, a missing row and a wrong key', async () => {
    const file = join(dir, 'audit.jsonl');
    await exportAuditLog(database.db, file, { signingKey: key.signingKey });
    const original = await readFile(file, 'utf8');
    const lines = original.trim().split('\n');
    const rewrite = async (index: number, patch: Record<string, unknown>) => {
      const copy = [...lines];
      copy[index] = JSON.stringify({ ...JSON.parse(copy[index]!), ...patch });
      await writeFile(file, `${copy.join('\n')}\n`);
      return verifyExport({ paths: [file], publicKey: key.publicKey });
    };

    expect(await rewrite(1, { after: { z: 'forged' } })).toMatchObject({
      ok: false,
      firstBadSeq: 2,
      problem: "the row's after is not what its hashed bytes say",
    });
    expect(
      await rewrite(1, { hashed: JSON.parse(lines[1]!).hashed.replace('row 2', 'row 9') }),
    ).toMatchObject({ ok: false, firstBadSeq: 2, problem: 'row content does not match its hash' });
    expect(await rewrite(2, { at: '2020-01-01T00:00:00.000000Z' })).toMatchObject({
      ok: false,
      firstBadSeq: 3,
      problem: "the row's at is not what its hashed bytes say",
    });

    await writeFile(file, `${[lines[0], lines[2], lines[3]].join('\n')}\n`);
    expect(await verifyExport({ paths: [file] })).toMatchObject({
      ok: false,
      firstBadSeq: 2,
      problem: 'row 2 is missing (found 3)',
    });

    await writeFile(file, original);
    expect(await verifyExport({ paths: [file] })).toMatchObject({
      ok: true,
      checkpointsUnchecked: 1,
    });
    expect(await verifyExport({ paths: [file], publicKey: keys().publicKey })).toMatchObject({
      ok: false,
      problem: expect.stringMatching(/^checkpoint audit\.jsonl\.checkpoint-.* is not signed/),
    });
  });

  it('a checkpoint kept elsewhere exposes a database rewritten with fresh hashes, or cut short', async () => {
    const first = join(dir, 'first');
    const kept = join(dir, 'kept-elsewhere');
    const firstRun = await exportAuditLog(database.db, `${first}/`, {
      signingKey: key.signingKey,
    });
    // The operator's copy on other storage.
    await writeFile(kept, await readFile(firstRun.checkpoint!));

    // Newest rows removed from the export: the checkpoint vouches for a row no longer there.
    await audited(database, userId, 5, 2);
    await exportAuditLog(database.db, `${first}/`, { signingKey: key.signingKey });
    const files = (await readdir(first)).filter((name) => name.endsWith('.jsonl')).sort();
    expect(files).toHaveLength(2);
    expect(await verifyExport({ paths: [first], publicKey: key.publicKey })).toMatchObject({
      ok: true,
      toSeq: 6,
      checkpointsVerified: 2,
    });
    await unlink(join(first, files[1]!));
    expect(await verifyExport({ paths: [first], publicKey: key.publicKey })).toMatchObject({
      ok: false,
      firstBadSeq: 6,
      problem: expect.stringContaining('which the export does not reach: rows were removed'),
    });
    // Someone with the database rewrites row 2 and recomputes every hash after it.
    await tamperDatabase(sql`do $$
      declare r record; prev text := '';
      begin
        for r in select * from audit_log order by seq loop
          update audit_log set
            after = case when seq = 2 then '{"z": "rewritten"}'::jsonb else after end,
            prev_hash = prev
          where seq = r.seq;
          update audit_log set hash = audit_row_hash(prev_hash, seq, at, actor_id, chat_key,
              action, subject_type, subject_id, source_id, before, after)
            where seq = r.seq returning hash into prev;
        end loop;
        update audit_chain_head set hash = prev where id = 1;
      end $$`);
    const second = join(dir, 'second');
    await exportAuditLog(database.db, `${second}/`, { signingKey: key.signingKey });
    // The new export is consistent in itself…
    expect(await verifyExport({ paths: [second], publicKey: key.publicKey })).toMatchObject({
      ok: true,
    });
    // …but not with what was signed before.
    expect(
      await verifyExport({ paths: [second], checkpoints: [kept], publicKey: key.publicKey }),
    ).toMatchObject({
      ok: false,
      firstBadSeq: 4,
      problem: 'checkpoint kept-elsewhere: row 4 is not the row it vouches for',
    });
  });
});

describe('signing keys', () => {
  it('accepts a PKCS8 PEM or a base64 seed, and a SPKI PEM or base64 public key', () => {
    const key = keys();
    const seed = key.signingKey.export({ format: 'der', type: 'pkcs8' }).subarray(-32);
    const raw = key.publicKey.export({ format: 'der', type: 'spki' }).subarray(-32);
    const fromSeed = parseSigningKey(seed.toString('base64'));
    expect(fromSeed.export({ format: 'pem', type: 'pkcs8' })).toBe(key.privatePem);
    expect(parseSigningKey(key.privatePem).asymmetricKeyType).toBe('ed25519');
    expect(parsePublicKey(raw.toString('base64')).export({ format: 'pem', type: 'spki' })).toBe(
      key.publicPem,
    );
    expect(() => parseSigningKey('not a key')).toThrow(/Ed25519 private key/);
    const rsa = generateKeyPairSync('rsa', { modulusLength: 1024 }).privateKey;
    expect(() => parseSigningKey(rsa.export({ format: 'pem', type: 'pkcs8' }).toString())).toThrow(
      'AUDIT_SIGNING_KEY must be an Ed25519 key',
    );
  });
});

describe('npm run audit:export / audit:verify -- --file', () => {
  it('signs a checkpoint with AUDIT_SIGNING_KEY and verifies the files with the public key only', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'home-log-audit-verify-cli-'));
    const dataDir = join(dir, 'pglite');
    const key = keys();
    try {
      const database = await createTestPgliteDir(dataDir);
      const [user] = await database.db
        .insert(users)
        .values({ displayName: 'A', timezone: 'UTC' })
        .returning();
      await audited(database as TestDatabase, user!.id, 1, 3);
      await database.close();
      await writeFile(join(dir, 'public.pem'), key.publicPem);

      const run = (env: Record<string, string>, ...args: string[]) =>
        spawnSync(process.execPath, ['--import', 'tsx', 'src/entry/audit.ts', ...args], {
          env: { PATH: process.env.PATH ?? '', ...env },
          encoding: 'utf8',
        });
      const out = join(dir, 'out');
      const exported = run(
        { PGLITE_DIR: dataDir, AUDIT_SIGNING_KEY: key.privatePem },
        'export',
        `${out}/`,
      );
      expect(exported.stdout).toContain('3 rows (seq 1-3)');
      expect(exported.stdout).toContain('signed checkpoint written to');
      expect(exported.status).toBe(0);

      // No database at all: PGLITE_DIR and DATABASE_URL are not even set.
      const verify = (...args: string[]) => run({}, 'verify', '--file', out, ...args);
      const ok = verify('--public-key', join(dir, 'public.pem'));
      expect(ok.stdout).toContain('audit export intact: rows 1-3, 3 rows verified');
      expect(ok.stdout).toContain('1 signed checkpoint(s) verified');
      expect(ok.status).toBe(0);
      const otherKey = keys().publicKey.export({ format: 'der', type: 'spki' }).subarray(-32);
      expect(verify('--public-key', otherKey.toString('base64')).status).toBe(1);

      const [file] = (await readdir(out)).filter((name) => name.endsWith('.jsonl'));
      const text = await readFile(join(out, file!), 'utf8');
      await writeFile(join(out, file!), text.replace('"subjectId":"r2"', '"subjectId":"r7"'));
      const broken = verify();
      expect(broken.stdout).toContain(
        "audit export BROKEN at row 2: the row's subjectId is not what its hashed bytes say",
      );
      expect(broken.status).toBe(1);

      const badKey = run({ PGLITE_DIR: dataDir, AUDIT_SIGNING_KEY: 'nonsense' }, 'export', out);
      expect(badKey.status).toBe(2);
      expect(badKey.stderr).not.toContain('nonsense');
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});

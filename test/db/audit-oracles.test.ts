import { createHash } from 'node:crypto';
import { type SQL, sql, TransactionRollbackError } from 'drizzle-orm';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { type ChainVerdict, verifyAuditChain } from '../../src/audit/chain';
import { withActor } from '../../src/db/actor';
import { rows } from '../../src/db/client';
import { users } from '../../src/db/schema';
import { createTestDatabase, databaseKinds, type TestDatabase } from '../helpers/db';

/**
 * The audit chain checked against oracles that do not come from the code under test: every
 * hashed column tampered with in turn, the newest row removed or rewritten (only the chain head
 * can tell), and each row's hash recomputed here in TypeScript from its columns.
 */

/** jsonb's text form: ", " and ": " separators, object keys by length and then bytewise. */
function jsonbText(value: unknown): string {
  if (value === null || value === undefined) return 'null';
  if (typeof value === 'string') return jsonbString(value);
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (Array.isArray(value)) return `[${value.map(jsonbText).join(', ')}]`;
  const entries = Object.entries(value as Record<string, unknown>).sort(([a], [b]) => {
    const la = Buffer.byteLength(a);
    const lb = Buffer.byteLength(b);
    return la !== lb ? la - lb : Buffer.compare(Buffer.from(a), Buffer.from(b));
  });
  return `{${entries.map(([k, v]) => `${jsonbString(k)}: ${jsonbText(v)}`).join(', ')}}`;
}

function jsonbString(text: string): string {
  let out = '"';
  for (const ch of text) {
    const code = ch.codePointAt(0)!;
    if (ch === '"') out += '\\"';
    else if (ch === '\\') out += '\\\\';
    else if (ch === '\n') out += '\\n';
    else if (ch === '\r') out += '\\r';
    else if (ch === '\t') out += '\\t';
    else if (ch === '\b') out += '\\b';
    else if (ch === '\f') out += '\\f';
    else if (code < 0x20) out += `\\u${code.toString(16).padStart(4, '0')}`;
    else out += ch;
  }
  return `${out}"`;
}

interface RawRow {
  seq: string | number;
  at_utc: string;
  actor_id: string | null;
  chat_key: string | null;
  action: string;
  subject_type: string | null;
  subject_id: string | null;
  source_id: string | null;
  before: unknown;
  after: unknown;
  prev_hash: string;
  hash: string;
}

/** "2024-05-01 10:00:00.12" (timestamp text, UTC) -> "2024-05-01T10:00:00.120000Z". */
function isoMicros(utcText: string): string {
  const [date, time] = utcText.split(' ');
  const [clock, fraction = ''] = time!.split('.');
  return `${date}T${clock}.${fraction.padEnd(6, '0')}Z`;
}

/** The row's hash as the chain defines it, computed without asking the database. */
function expectedHash(row: RawRow): string {
  const parsed = (v: unknown) => (typeof v === 'string' ? JSON.parse(v) : v);
  const content = [
    row.prev_hash,
    Number(row.seq),
    isoMicros(row.at_utc),
    row.actor_id,
    row.chat_key,
    row.action,
    row.subject_type,
    row.subject_id,
    row.source_id,
    parsed(row.before),
    parsed(row.after),
  ];
  return createHash('sha256').update(jsonbText(content), 'utf8').digest('hex');
}

describe.each(databaseKinds())('audit chain oracles on %s', (kind) => {
  let database: TestDatabase;
  let userId: string;

  const readRows = () =>
    rows<RawRow>(
      database.db,
      sql`select seq, (at at time zone 'UTC')::text as at_utc, actor_id, chat_key, action,
            subject_type, subject_id, source_id, before, after, prev_hash, hash
          from audit_log order by seq`,
    );

  /**
   * The verdict on the chain after `statement`, run by a table owner who switched the guard off.
   * All of it happens in a transaction that is then rolled back: the verifier sees the tampered
   * rows, and the next test finds the five intact rows again (one database for the file:
   * creating one per test was most of its time).
   */
  const verdictAfter = async (statement: SQL): Promise<ChainVerdict> => {
    let verdict: ChainVerdict | undefined;
    try {
      await database.db.transaction(async (tx) => {
        await tx.execute(sql`alter table audit_log disable trigger audit_log_no_update_delete`);
        await tx.execute(statement);
        await tx.execute(sql`alter table audit_log enable trigger audit_log_no_update_delete`);
        verdict = await verifyAuditChain(tx);
        tx.rollback();
      });
    } catch (error) {
      if (!(error instanceof TransactionRollbackError)) throw error;
    }
    if (!verdict) throw new Error('the tamper did not run');
    return verdict;
  };

  beforeAll(async () => {
    database = await createTestDatabase(kind);
    const [user] = await database.db
      .insert(users)
      .values({ displayName: 'Somchai', timezone: 'Asia/Bangkok' })
      .returning();
    userId = user!.id;
    const sourceId = '6f1c2f8e-1b7a-4f7e-9a55-0d1f2b3c4d5e';
    // Every hashed column holds a value (no nulls to hide a dropped column), and the JSON has
    // quotes, backslashes, a newline, Thai text and keys of different lengths.
    for (let i = 1; i <= 5; i++) {
      await withActor(database.db, { userId, chatKey: `group:C${i}` }, async ({ audit }) => {
        audit({
          action: 'reading.correct',
          subjectType: 'reading',
          subjectId: `r${i}`,
          sourceId,
          before: { value: `${i}00.5`, note: 'มิเตอร์ "หน้าบ้าน"\\\n', n: i },
          after: { value: `${i}01.25`, zz: [1, 'two', null, true], a: { deep: 'x' } },
        });
      });
    }
  });

  afterAll(async () => {
    await database?.close();
  });

  afterEach(async () => {
    // The tamper was rolled back: the next test starts from the intact chain.
    expect(await verifyAuditChain(database.db)).toEqual({
      ok: true,
      rowsChecked: 5,
      firstBadSeq: null,
      problem: null,
    });
  });

  it('stores, for every row, the hash recomputed independently from its columns', async () => {
    const log = await readRows();
    expect(log).toHaveLength(5);
    let previous = '';
    for (const row of log) {
      expect(row.prev_hash).toBe(previous);
      expect(row.hash).toBe(expectedHash(row));
      previous = row.hash;
    }
    // The oracle itself can tell rows apart: changing any one column changes its answer.
    const row = log[2]!;
    const variants: RawRow[] = [
      { ...row, prev_hash: 'x' },
      { ...row, seq: 99 },
      // Another second than the row's own (a row written at :59 gets :58).
      {
        ...row,
        at_utc: row.at_utc.replace(/:(\d\d)(\.|$)/, (_, s: string, rest: string) =>
          s === '59' ? `:58${rest}` : `:59${rest}`,
        ),
      },
      { ...row, actor_id: null },
      { ...row, chat_key: 'user:U' },
      { ...row, action: 'forged' },
      { ...row, subject_type: 'source' },
      { ...row, subject_id: 'r9' },
      { ...row, source_id: null },
      { ...row, before: null },
      { ...row, after: null },
    ];
    const hashes = new Set(variants.map(expectedHash));
    expect(hashes.size).toBe(variants.length);
    expect(hashes.has(row.hash)).toBe(false);
  });

  // One tamper per hashed column of a middle row, keeping the stored hash: only a hash that
  // covers that column can notice.
  const contentTampers: [column: string, set: string][] = [
    ['at', `at = at + interval '1 second'`],
    ['actor_id', 'actor_id = null'],
    ['chat_key', `chat_key = 'group:Cforged'`],
    ['action', `action = 'reading.delete'`],
    ['subject_type', `subject_type = 'source'`],
    ['subject_id', `subject_id = 'r999'`],
    ['source_id', `source_id = '00000000-0000-4000-8000-000000000000'`],
    ['before', `before = '{"value": "1.0"}'`],
    ['after', `after = jsonb_set(after, '{value}', '"999.99"')`],
  ];

  it.each(contentTampers)('detects %s altered in a middle row', async (_column, set) => {
    expect(await verdictAfter(sql.raw(`update audit_log set ${set} where seq = 3`))).toEqual({
      ok: false,
      rowsChecked: 2,
      firstBadSeq: 3,
      problem: 'row content does not match its hash',
    });
  });

  it.each(contentTampers)('detects %s altered in the newest row', async (_column, set) => {
    expect(await verdictAfter(sql.raw(`update audit_log set ${set} where seq = 5`))).toMatchObject({
      ok: false,
      rowsChecked: 4,
      firstBadSeq: 5,
      problem: 'row content does not match its hash',
    });
  });

  it('detects a forged prev_hash', async () => {
    expect(
      await verdictAfter(sql`update audit_log set prev_hash = repeat('0', 64) where seq = 3`),
    ).toEqual({
      ok: false,
      rowsChecked: 2,
      firstBadSeq: 3,
      problem: 'prev_hash does not match the previous row',
    });
  });

  it('detects a stored hash replaced by another', async () => {
    expect(
      await verdictAfter(sql`update audit_log set hash = repeat('f', 64) where seq = 2`),
    ).toEqual({
      ok: false,
      rowsChecked: 1,
      firstBadSeq: 2,
      problem: 'row content does not match its hash',
    });
  });

  it('detects a row renumbered (a gap in seq)', async () => {
    expect(await verdictAfter(sql`update audit_log set seq = 30 where seq = 3`)).toEqual({
      ok: false,
      rowsChecked: 2,
      firstBadSeq: 3,
      problem: 'row 3 is missing',
    });
  });

  it('detects the newest row deleted: only the chain head knows it existed', async () => {
    expect(await verdictAfter(sql`delete from audit_log where seq = 5`)).toEqual({
      ok: false,
      rowsChecked: 4,
      firstBadSeq: 5,
      problem: 'the chain ends at row 4 but its head says 5',
    });
  });

  it('detects the newest row rewritten with a valid hash of its own', async () => {
    // A careful forger recomputes the hash; no later row names it, only the head does.
    expect(
      await verdictAfter(
        sql`update audit_log set after = '{"value": "0"}',
            hash = audit_row_hash(prev_hash, seq, at, actor_id, chat_key, action,
                                  subject_type, subject_id, source_id, before, '{"value": "0"}')
          where seq = 5`,
      ),
    ).toEqual({
      ok: false,
      rowsChecked: 5,
      firstBadSeq: 6,
      problem: 'the chain ends at row 5 but its head says 5',
    });
  });

  it('detects every row deleted', async () => {
    expect(await verdictAfter(sql`delete from audit_log`)).toMatchObject({
      ok: false,
      rowsChecked: 0,
      firstBadSeq: 1,
    });
  });
});

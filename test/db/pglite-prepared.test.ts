import type { PGlite } from '@electric-sql/pglite';
import { sql } from 'drizzle-orm';
import { drizzle } from 'drizzle-orm/pglite';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { withPreparedStatements } from '../../src/db/pglite-prepared';
import { openTestPglite } from '../helpers/db';

// PGlite's queries become named prepared statements of its one session (src/db/pglite-prepared.ts):
// the answers must be exactly PGlite's own, errors and transactions must behave as before.
describe('PGlite with prepared statements', () => {
  let pg: PGlite;
  let fast: PGlite;

  beforeEach(async () => {
    pg = await openTestPglite();
    fast = withPreparedStatements(pg);
    await pg.exec(`create table t (id int primary key, at timestamptz, n numeric, doc jsonb,
      tags text[], note text)`);
  });
  afterEach(async () => {
    await pg.close();
  });

  /** The statements the session keeps, sorted (PGlite's clock cannot order them: milliseconds). */
  const kept = async () =>
    (await pg.query<{ statement: string }>(`select statement from pg_prepared_statements`)).rows
      .map((row) => row.statement)
      .sort();

  it('answers exactly as PGlite does, for every kind of value and both row modes', async () => {
    const insert = `insert into t values ($1, $2, $3, $4, $5, $6) returning *`;
    const values = [
      [
        1,
        new Date('2026-01-02T03:04:05.678Z'),
        '12.500',
        { a: [1, 'x'], b: null },
        ['p', 'q'],
        null,
      ],
      [2, null, null, null, null, 'ข้อความ'],
    ];
    for (const params of values) {
      const mine = await fast.query(insert, params);
      await pg.query('delete from t where id = $1', [params[0]]);
      const theirs = await pg.query(insert, params);
      expect(mine).toEqual(theirs);
    }
    const select = `select * from t where id = any($1::int[]) order by id`;
    for (const rowMode of ['object', 'array'] as const) {
      expect(await fast.query(select, [[1, 2]], { rowMode })).toEqual(
        await pg.query(select, [[1, 2]], { rowMode }),
      );
    }
    expect((await fast.query(`update t set note = 'x'`)).affectedRows).toBe(2);
  });

  it('prepares a text once and then runs it in one call into the server', async () => {
    const calls = vi.spyOn(pg, 'execProtocolStream');
    await fast.query(`select $1::int + 1 as two`, [1]);
    expect(calls).toHaveBeenCalledTimes(2); // prepare, then run
    calls.mockClear();
    expect((await fast.query<{ two: number }>(`select $1::int + 1 as two`, [41])).rows).toEqual([
      { two: 42 },
    ]);
    expect(calls).toHaveBeenCalledTimes(1);
    expect(await kept()).toEqual([`select $1::int + 1 as two`]);
  });

  it('keeps at most the configured number of statements, closing the least recently used', async () => {
    fast = withPreparedStatements(pg, { maxStatements: 2 });
    await fast.query(`select 1 as a`);
    await fast.query(`select 2 as b`);
    await fast.query(`select 1 as a`); // used again: now the newest
    await fast.query(`select 3 as c`); // makes room by closing "select 2"
    expect(await kept()).toEqual([`select 1 as a`, `select 3 as c`]);
    expect((await fast.query(`select 2 as b`)).rows).toEqual([{ b: 2 }]);
    expect(await kept()).toEqual([`select 2 as b`, `select 3 as c`]);
  });

  it('leaves statements that are not plain data access to PGlite', async () => {
    await fast.query(`set application_name = 'home-log-test'`);
    await fast.query(`select 1`);
    expect(await kept()).toEqual([`select 1`]);
  });

  it('keeps a union of parenthesised selects, as Drizzle writes one', async () => {
    const union = `(select 1 as n limit 1) union all (select 2 as n limit 1)`;
    expect((await fast.query<{ n: number }>(union)).rows).toEqual([{ n: 1 }, { n: 2 }]);
    expect(await kept()).toEqual([union]);
  });

  it('reports a failing statement with its code, its text and the transaction rolled back', async () => {
    const db = drizzle({ client: fast });
    await fast.query(`insert into t (id) values (1)`);
    const failure = await db
      .transaction(async (tx) => {
        await tx.execute(sql`insert into t (id, note) values (2, 'kept?')`);
        await tx.execute(sql`insert into t (id) values (${1})`);
      })
      .catch((error: unknown) => error as { cause?: { code?: string; query?: string } });
    expect(failure?.cause?.code).toBe('23505');
    expect(failure?.cause?.query).toBe('insert into t (id) values ($1)');
    expect((await fast.query(`select id from t order by id`)).rows).toEqual([{ id: 1 }]);
  });

  it('rolls back to a savepoint inside a transaction and goes on', async () => {
    const db = drizzle({ client: fast });
    await db.transaction(async (tx) => {
      await tx.execute(sql`insert into t (id) values (${1})`);
      await tx
        .transaction(async (inner) => {
          await inner.execute(sql`insert into t (id) values (${1})`);
        })
        .catch(() => undefined);
      await tx.execute(sql`insert into t (id) values (${2})`);
    });
    expect((await fast.query(`select id from t order by id`)).rows).toEqual([{ id: 1 }, { id: 2 }]);
  });

  it('runs a statement outside a transaction only after an open transaction ends', async () => {
    let release = () => {};
    const held = new Promise<void>((resolve) => {
      release = resolve;
    });
    const transaction = fast.transaction(async (tx) => {
      await tx.query(`insert into t (id) values ($1)`, [7]);
      await held;
    });
    await new Promise((resolve) => setTimeout(resolve, 20));
    // Run inside the open transaction, it would see the uncommitted row at once.
    const count = fast.query<{ n: number }>(`select count(*)::int as n from t`);
    const early = await Promise.race([
      count.then(() => 'answered'),
      sleep(50).then(() => 'waiting'),
    ]);
    expect(early).toBe('waiting');
    release();
    await transaction;
    expect((await count).rows).toEqual([{ n: 1 }]);
  });

  it('prepares a statement again when a migration changed its result columns', async () => {
    await fast.query(`insert into t (id) values (1)`);
    expect(Object.keys((await fast.query(`select * from t`)).rows[0] as object)).not.toContain(
      'added',
    );
    await pg.exec(`alter table t add column added text default 'yes'`);
    expect((await fast.query<{ added: string }>(`select * from t`)).rows[0]?.added).toBe('yes');
    // Inside a transaction the first attempt has aborted it: the error shows, the next one works.
    await pg.exec(`alter table t add column again int default 3`);
    await expect(fast.transaction((tx) => tx.query(`select * from t`))).rejects.toThrow(
      /cached plan must not change result type/,
    );
    expect((await fast.query<{ again: number }>(`select * from t`)).rows[0]?.again).toBe(3);
  });
});

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

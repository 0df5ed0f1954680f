import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixedStatement } from '../../src/db/fixed-statement';
import { createTestDatabase, databaseKinds, type TestDatabase } from '../helpers/db';

describe.each(databaseKinds())('a statement built once (%s)', (kind) => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase(kind);
  });
  afterAll(async () => {
    await database?.close();
  });

  it('builds its text once and fills each run with its own values, nulls and repeats too', async () => {
    let builds = 0;
    const echo = fixedStatement<'word' | 'times'>((p) => {
      builds++;
      return sql`select ${p.word}::text as word, ${p.word}::text || '!' as loud,
        ${p.times}::int * 2 as twice`;
    });
    expect(await echo(database.db, { word: 'hello', times: 2 })).toEqual([
      { word: 'hello', loud: 'hello!', twice: 4 },
    ]);
    expect(await echo(database.db, { word: null, times: 5 })).toEqual([
      { word: null, loud: null, twice: 10 },
    ]);
    expect(builds).toBe(1);
  });

  it('runs inside a transaction, seeing its writes', async () => {
    const count = fixedStatement<'name'>(
      (p) => sql`select count(*)::int as n from users where display_name = ${p.name}`,
    );
    await database.db
      .transaction(async (tx) => {
        await tx.execute(
          sql`insert into users (display_name, timezone) values ('Fixed', 'Asia/Bangkok')`,
        );
        expect(await count(tx, { name: 'Fixed' })).toEqual([{ n: 1 }]);
        tx.rollback();
      })
      .catch(() => undefined);
    expect(await count(database.db, { name: 'Fixed' })).toEqual([{ n: 0 }]);
  });

  it('refuses a run without one of its values', async () => {
    const one = fixedStatement<'a'>((p) => sql`select ${p.a}::int as a`);
    await expect(one(database.db, {} as { a: number })).rejects.toThrow(
      /No value for placeholder "a"/,
    );
  });
});

import { existsSync } from 'node:fs';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { withActor } from '../../src/db/actor';
import { rows } from '../../src/db/client';
import { connectionOf, createPostgres } from '../../src/db/postgres';
import { users } from '../../src/db/schema';
import { createTestDatabase, type TestDatabase } from '../helpers/db';

describe('connection URLs', () => {
  it('passes a URL without a socket directory on untouched', () => {
    for (const url of [
      'postgres://app:secret@127.0.0.1:5432/homelog',
      'postgres://app@db.example:6543/homelog?sslmode=require',
      'postgres://a:5432,b:5432/homelog',
    ]) {
      expect(connectionOf(url)).toEqual([url, {}]);
    }
  });

  it("takes libpq's host=/directory as the Unix socket and keeps every other parameter", () => {
    expect(
      connectionOf('postgres://app@localhost/homelog?host=/var/run/postgresql&sslmode=disable'),
    ).toEqual([
      'postgres://app@localhost/homelog?sslmode=disable',
      { host: '/var/run/postgresql' },
    ]);
    // A host that is not a directory is a host name: left to postgres.js as it is.
    const named = 'postgres://app@localhost/homelog?host=db.internal';
    expect(connectionOf(named)).toEqual([named, {}]);
  });

  it('takes prepare=false for a pooler that cannot keep prepared statements', () => {
    expect(connectionOf('postgres://app@pooler:6432/homelog?prepare=false')).toEqual([
      'postgres://app@pooler:6432/homelog',
      { prepare: false },
    ]);
    expect(connectionOf('postgres://app@db:5432/homelog?prepare=true')).toEqual([
      'postgres://app@db:5432/homelog',
      {},
    ]);
    expect(() => connectionOf('postgres://app@db:5432/homelog?prepare=no')).toThrow(
      /prepare=no in the database URL: use true or false/,
    );
  });
});

const socketDirectory = '/var/run/postgresql';
describe.runIf(process.env.TEST_DATABASE_URL)('PostgreSQL connections', () => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase('postgres');
  });
  afterAll(async () => {
    await database?.close();
  });

  it('keeps each query prepared on its connection, inside transactions too', async () => {
    const single = await createPostgres(database.url!, 1);
    try {
      const lookUp = (name: string) =>
        withActor(single.db, { userId: null }, ({ tx }) =>
          tx.select().from(users).where(sql`${users.displayName} = ${name}`),
        );
      await lookUp('Malee');
      await lookUp('Somchai');
      // One connection: its session's prepared statements include the lookup, once, with the
      // second run reusing it (a plan cached for the session instead of a parse each time).
      const prepared = await rows<{ statement: string }>(
        single.db,
        sql`select statement from pg_prepared_statements where statement like '%"display_name" = %'`,
      );
      expect(prepared).toHaveLength(1);
    } finally {
      await single.close();
    }
  });

  it('prepares nothing with prepare=false in the URL', async () => {
    const url = new URL(database.url!);
    url.searchParams.set('prepare', 'false');
    const unprepared = await createPostgres(url.toString(), 1);
    try {
      await withActor(unprepared.db, { userId: null }, ({ tx }) =>
        tx.select().from(users).where(sql`${users.displayName} = ${'Malee'}`),
      );
      const prepared = await rows(unprepared.db, sql`select statement from pg_prepared_statements`);
      expect(prepared).toEqual([]);
    } finally {
      await unprepared.close();
    }
  });

  it.runIf(existsSync(socketDirectory))(
    'connects through a Unix socket named by host=',
    async () => {
      const url = new URL(database.url!);
      url.hostname = 'localhost';
      url.port = '';
      url.searchParams.set('host', socketDirectory);
      const throughSocket = await createPostgres(url.toString(), 1);
      try {
        // inet_server_addr() is null for a connection that came through a Unix socket.
        const [row] = await rows<{ address: string | null; database: string }>(
          throughSocket.db,
          sql`select inet_server_addr()::text as address, current_database() as database`,
        );
        expect(row).toEqual({ address: null, database: new URL(database.url!).pathname.slice(1) });
      } finally {
        await throughSocket.close();
      }
    },
  );
});

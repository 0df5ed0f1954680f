import { existsSync } from 'node:fs';
import { type AddressInfo, connect, createServer } from 'node:net';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { withActor } from '../../src/db/actor';
import { type Db, rows, type Tx } from '../../src/db/client';
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

describe.runIf(process.env.TEST_DATABASE_URL)('PostgreSQL transactions', () => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase('postgres');
  });
  afterAll(async () => {
    await database?.close();
  });

  const names = async (db: Db) =>
    (
      await rows<{ name: string }>(
        db,
        sql`select display_name as name from users where display_name like 'tx-%' order by 1`,
      )
    ).map((row) => row.name);
  const insertUser = (tx: Tx, name: string) =>
    tx.insert(users).values({ displayName: name, timezone: 'Asia/Bangkok' });

  it('commits, rolls back on an error, and leaves the connection out of any transaction', async () => {
    const single = await createPostgres(database.url!, 1);
    try {
      await single.db.transaction(async (tx) => {
        await insertUser(tx, 'tx-kept');
      });
      await expect(
        single.db.transaction(async (tx) => {
          await insertUser(tx, 'tx-undone');
          throw new Error('changed my mind');
        }),
      ).rejects.toThrow('changed my mind');
      // A statement that fails where the body does not wait for it: the COMMIT is a ROLLBACK,
      // and the transaction fails.
      await expect(
        single.db.transaction(async (tx) => {
          void tx.execute(sql`select 1 / 0`).catch(() => undefined);
          await insertUser(tx, 'tx-after-failure').catch(() => undefined);
        }),
      ).rejects.toThrow();
      expect(await names(single.db)).toEqual(['tx-kept']);
      // One connection, used by each of them: it is idle, not inside a transaction.
      const [state] = await rows<{ open: boolean }>(
        single.db,
        sql`select now() <> statement_timestamp() or pg_current_xact_id_if_assigned() is not null as open`,
      );
      expect(state?.open).toBe(false);
    } finally {
      await single.close();
    }
  });

  it('rolls back to a savepoint in a nested transaction and keeps the rest', async () => {
    const single = await createPostgres(database.url!, 1);
    try {
      await single.db.transaction(async (tx) => {
        await insertUser(tx, 'tx-outer');
        await tx
          .transaction(async (nested) => {
            await insertUser(nested, 'tx-nested-undone');
            throw new Error('not this one');
          })
          .catch(() => undefined);
        await tx.transaction(async (nested) => {
          await insertUser(nested, 'tx-nested-kept');
        });
      });
      expect(await names(single.db)).toEqual(['tx-kept', 'tx-nested-kept', 'tx-outer']);
    } finally {
      await single.close();
    }
  });

  /** A TCP relay between a client and the test server that keeps the client's packets. */
  async function relayed() {
    const target = new URL(database.url!);
    const packets: string[] = [];
    const relay = createServer((client) => {
      const server = connect(Number(target.port || 5432), target.hostname);
      client.on('data', (data) => {
        packets.push(data.toString('latin1'));
        server.write(data);
      });
      server.pipe(client);
      client.on('error', () => server.destroy());
      server.on('error', () => client.destroy());
      client.on('close', () => server.destroy());
    });
    await new Promise<void>((resolve) => relay.listen(0, '127.0.0.1', resolve));
    const url = new URL(database.url!);
    url.hostname = '127.0.0.1';
    url.port = String((relay.address() as AddressInfo).port);
    const single = await createPostgres(url.toString(), 1);
    await rows(single.db, sql`select 1`); // connected, types fetched
    packets.length = 0;
    return {
      db: single.db,
      packets,
      async close() {
        await single.close();
        relay.close();
      },
    };
  }

  it('sends BEGIN in the same packet as the first statement', async () => {
    const relay = await relayed();
    try {
      await withActor(relay.db, { userId: null }, ({ tx }) =>
        tx.select().from(users).where(sql`${users.displayName} = ${'Malee'}`),
      );
      const beginAt = relay.packets.findIndex((packet) => packet.includes('begin'));
      expect(beginAt).toBeGreaterThanOrEqual(0);
      // The same packet carries the role and actor settings that follow BEGIN.
      expect(relay.packets[beginAt]).toContain("set_config('role'");
    } finally {
      await relay.close();
    }
  });

  it('sends a large statement, the small ones after it and the COMMIT in one packet', async () => {
    const relay = await relayed();
    const note = 'n'.repeat(1500);
    try {
      // Twice: the first time each statement is prepared (a round trip of its own), the second
      // time only bound, as on every later reading.
      for (let round = 0; round < 2; round++) {
        relay.packets.length = 0;
        // As a reading's transaction ends: its undo entry (over 1 KB), then the applied mark
        // and the audit entry, all sent without waiting, then the COMMIT.
        await withActor(relay.db, { userId: null }, async ({ tx, alongside }) => {
          await tx.execute(sql`select 1`);
          alongside(tx.execute(sql`select length(${note}) as large`));
          alongside(tx.execute(sql`select ${'small-mark'}::text as mark`));
        });
        if (round === 0) continue;
        const large = relay.packets.findIndex((packet) => packet.includes(note));
        expect(large).toBeGreaterThanOrEqual(0);
        expect(relay.packets[large]).toContain('small-mark');
        expect(relay.packets[large]).toContain('commit');
        expect(relay.packets.slice(large + 1)).toEqual([]);
      }
    } finally {
      await relay.close();
    }
  });
});

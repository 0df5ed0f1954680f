import { drizzle as drizzlePostgres } from 'drizzle-orm/postgres-js';
import { migrate as migratePostgres } from 'drizzle-orm/postgres-js/migrator';
import postgres from 'postgres';
import { APP_ROLE } from './actor';
import { appliedMigrations, type Database, type Db, ping } from './client';
import { connectCoalescing } from './coalescing-socket';
import { migrationsFolder } from './migrations';
import * as schema from './schema';

// Any constant works; it only has to be the same for every instance migrating this database.
const MIGRATION_LOCK_KEY = 720_301_994;

/**
 * PostgreSQL through postgres.js (a pool of `max` connections). `url` is the application's own
 * login, a member of home_log_app that owns nothing; `ownerUrl` (default `url`, the single-box
 * set-up) is the table owner's, used only to migrate.
 */
export async function createPostgres(
  url: string,
  max: number,
  ownerUrl: string = url,
): Promise<Database> {
  const [target, { prepare, ...socket }] = connectionOf(url);
  const prepared = (sql: postgres.Sql) =>
    prepare === false ? pipelinedBegin(sql) : alwaysPrepared(pipelinedBegin(sql));
  const client = postgres(target, {
    ...socket,
    // One server (not a list of hosts): large messages leave with the small ones after them.
    ...(/^[^/]*\/\/[^/?#]*,/.test(target) ? {} : { socket: connectCoalescing }),
    ...(prepare === false ? { prepare: false } : {}),
    max,
    onnotice: () => {},
    connect_timeout: 10,
    // Keep numeric and bigint as exact strings; drizzle maps the columns it knows.
    connection: { application_name: 'home-log' },
  });
  const db = drizzlePostgres({ client: prepared(client), schema });
  // A few connections that log in as the application role (a startup parameter), so that
  // recording a webhook event is one statement, without BEGIN/SET ROLE/COMMIT around it.
  const inboxClient = postgres(target, {
    ...socket,
    ...(prepare === false ? { prepare: false } : {}),
    max: 4,
    onnotice: () => {},
    connect_timeout: 10,
    connection: { application_name: 'home-log inbox', role: APP_ROLE } as Record<string, string>,
  });
  const inbox = drizzlePostgres({ client: prepared(inboxClient), schema });
  let closed = false;
  return {
    kind: 'postgres',
    db: db as unknown as Db,
    inbox: inbox as unknown as Db,
    async migrate() {
      // One connection holds an advisory lock while migrating, so that several instances
      // starting together apply each migration once.
      const [ownerTarget, ownerSocket] = connectionOf(ownerUrl);
      const lockClient = postgres(ownerTarget, {
        ...ownerSocket,
        max: 1,
        onnotice: () => {},
        connect_timeout: 10,
      });
      try {
        await lockClient`select pg_advisory_lock(${MIGRATION_LOCK_KEY})`;
        const lockDb = drizzlePostgres({ client: lockClient });
        const before = await appliedMigrations(lockDb as unknown as Db);
        await migratePostgres(lockDb, { migrationsFolder: migrationsFolder() });
        const after = await appliedMigrations(lockDb as unknown as Db);
        await lockClient`select pg_advisory_unlock(${MIGRATION_LOCK_KEY})`;
        return after - before;
      } finally {
        await lockClient.end({ timeout: 5 });
      }
    },
    // Not behind a pooler in transaction mode (prepare=false): a session's lock would stay on
    // whichever server connection took it, outliving this process or vanishing under it.
    ...(prepare === false ? {} : { holdWorkerLock }),
    ping: (timeoutMs) => ping(db as unknown as Db, timeoutMs, () => closed),
    async close() {
      if (closed) return;
      closed = true;
      await Promise.all([client.end({ timeout: 5 }), inboxClient.end({ timeout: 5 })]);
    },
  };

  async function holdWorkerLock(workerId: string, onLost: (error?: unknown) => void) {
    let released = false;
    let retry: ReturnType<typeof setTimeout> | undefined;
    // As postgres.js's own LISTEN connection: one connection that is never retired.
    const lockClient = postgres(target, {
      ...socket,
      max: 1,
      idle_timeout: null as unknown as number,
      max_lifetime: null as unknown as number,
      onnotice: () => {},
      connect_timeout: 10,
      connection: { application_name: 'home-log worker', role: APP_ROLE } as Record<string, string>,
      // The session ended and its lock with it: other instances may now take this worker's
      // claims that are over a second old. Take it again on a new connection.
      onclose: () => {
        if (released) return;
        onLost();
        takeAgain();
      },
    });
    const take = () => lockClient`select hold_worker_lock(${workerId})`;
    const takeAgain = () => {
      clearTimeout(retry);
      take().catch((error) => {
        if (released) return;
        onLost(error);
        retry = setTimeout(takeAgain, 1_000);
      });
    };
    const release = async () => {
      released = true;
      clearTimeout(retry);
      await lockClient.end({ timeout: 5 });
    };
    try {
      await take();
    } catch (error) {
      await release().catch(() => undefined);
      throw error;
    }
    return { release };
  }
}

/**
 * A connection URL as postgres.js takes it, plus two parameters of our own, taken out of it:
 * - libpq's way to name a Unix socket: `postgres://user@localhost/db?host=/var/run/postgresql`
 *   connects through the socket in that directory (the usual way to reach a server on the same
 *   machine, and the one its peer authentication needs);
 * - `prepare=false`: no prepared statements, for a connection pooler in transaction mode that
 *   cannot keep them per client (PgBouncer before 1.21, or with max_prepared_statements 0).
 * Returns postgres()'s first argument and the options the URL adds; any other URL is passed on
 * untouched.
 */
export function connectionOf(url: string): [string, { host?: string; prepare?: false }] {
  if (!/[?&](host|prepare)=/.test(url)) return [url, {}];
  const parsed = new URL(url);
  const options: { host?: string; prepare?: false } = {};
  const socketDirectory = parsed.searchParams.get('host');
  if (socketDirectory?.startsWith('/')) {
    options.host = socketDirectory;
    parsed.searchParams.delete('host');
  }
  const prepare = parsed.searchParams.get('prepare');
  if (prepare !== null) {
    if (prepare === 'false') options.prepare = false;
    else if (prepare !== 'true')
      throw new Error(`prepare=${prepare} in the database URL: use true or false`);
    parsed.searchParams.delete('prepare');
  }
  return Object.keys(options).length === 0 && prepare === null
    ? [url, {}]
    : [parsed.toString(), options];
}

/**
 * Drizzle runs every query it did not build with `.prepare(name)` unprepared, and postgres.js
 * sends an unprepared query with parameters in two round trips (parse and describe, wait for
 * the parameter types, then bind and execute), parsed and planned by the server every time.
 * Prepared, a query's second run on a connection is one round trip with a cached plan: it
 * halves the round trips of an event. Statements are cached per connection, keyed by their
 * text; ours come from a fixed set of query shapes.
 */
export function alwaysPrepared(client: postgres.Sql): postgres.Sql {
  return new Proxy(client, {
    get(target, property, receiver) {
      if (property === 'unsafe') {
        return (query: string, parameters?: unknown[], options?: Record<string, unknown>) =>
          target.unsafe(query, parameters as postgres.ParameterOrJSON<never>[], {
            ...options,
            prepare: true,
          });
      }
      if (property === 'begin' || property === 'savepoint') {
        return (...args: unknown[]) => {
          const body = args.pop() as (sql: postgres.Sql) => unknown;
          const method = Reflect.get(target, property, receiver) as (...a: unknown[]) => unknown;
          return method(...args, (sql: postgres.Sql) => body(alwaysPrepared(sql)));
        };
      }
      return Reflect.get(target, property, receiver);
    },
  });
}

/**
 * Transactions whose BEGIN travels with their first statement. postgres.js sends BEGIN and waits
 * for its answer before it runs the transaction's body: a round trip of its own in every
 * transaction, one in nine of a reading's. Here a connection is reserved, BEGIN is queued on it
 * without waiting, and the body's first statement follows at once; postgres.js writes what is
 * queued in one turn of the event loop as one packet, and the server runs it in order. BEGIN on
 * an idle connection fails only with the connection, and then nothing queued behind it runs.
 * A COMMIT that the server turns into a ROLLBACK (a statement of the transaction failed and the
 * body did not wait for it) is an error, as it is in postgres.js's own `begin`.
 */
export function pipelinedBegin(client: postgres.Sql): postgres.Sql {
  return new Proxy(client, {
    get(target, property, receiver) {
      if (property !== 'begin') return Reflect.get(target, property, receiver);
      return async (...args: unknown[]) => {
        const body = args.pop() as (sql: postgres.Sql) => unknown;
        const mode = typeof args[0] === 'string' ? args[0].replace(/[^a-z ]/gi, '') : '';
        const reserved = await target.reserve();
        try {
          const begun = reserved.unsafe(`begin ${mode}`).execute();
          // Read below, after the body; until then its failure must not count as unhandled.
          begun.catch(() => undefined);
          let result: unknown;
          try {
            result = await settle(body(withSavepoints(reserved)));
            await begun;
          } catch (error) {
            await begun.catch(() => undefined);
            await reserved.unsafe('rollback').catch(() => undefined);
            throw error;
          }
          const ended = await reserved.unsafe('commit');
          if (ended.command === 'ROLLBACK') {
            throw new Error('the transaction was rolled back: one of its statements failed');
          }
          return result;
        } finally {
          reserved.release();
        }
      };
    },
  });
}

/** A body's answer, as postgres.js takes it: a promise, or an array of queries run together. */
const settle = (x: unknown) => (Array.isArray(x) ? Promise.all(x) : x);

/** A reserved connection inside a transaction, with `savepoint` for nested transactions. */
function withSavepoints(reserved: postgres.ReservedSql): postgres.Sql {
  let count = 0;
  const scoped: postgres.Sql = new Proxy(reserved, {
    get(target, property, receiver) {
      if (property !== 'savepoint') return Reflect.get(target, property, receiver);
      return async (...args: unknown[]) => {
        const body = args.pop() as (sql: postgres.Sql) => unknown;
        const name = `s${count++}`;
        await target.unsafe(`savepoint ${name}`);
        try {
          return await settle(body(scoped));
        } catch (error) {
          await target.unsafe(`rollback to savepoint ${name}`);
          throw error;
        }
      };
    },
  }) as unknown as postgres.Sql;
  return scoped;
}

import { drizzle as drizzlePostgres } from 'drizzle-orm/postgres-js';
import { migrate as migratePostgres } from 'drizzle-orm/postgres-js/migrator';
import postgres from 'postgres';
import { APP_ROLE } from './actor';
import { appliedMigrations, type Database, type Db, ping } from './client';
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
  const client = postgres(url, {
    max,
    onnotice: () => {},
    connect_timeout: 10,
    // Keep numeric and bigint as exact strings; drizzle maps the columns it knows.
    connection: { application_name: 'home-log' },
  });
  const db = drizzlePostgres({ client, schema });
  // A few connections that log in as the application role (a startup parameter), so that
  // recording a webhook event is one statement, without BEGIN/SET ROLE/COMMIT around it.
  const inboxClient = postgres(url, {
    max: 4,
    onnotice: () => {},
    connect_timeout: 10,
    connection: { application_name: 'home-log inbox', role: APP_ROLE } as Record<string, string>,
  });
  const inbox = drizzlePostgres({ client: inboxClient, schema });
  let closed = false;
  return {
    kind: 'postgres',
    db: db as unknown as Db,
    inbox: inbox as unknown as Db,
    async migrate() {
      // One connection holds an advisory lock while migrating, so that several instances
      // starting together apply each migration once.
      const lockClient = postgres(ownerUrl, { max: 1, onnotice: () => {}, connect_timeout: 10 });
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
    ping: (timeoutMs) => ping(db as unknown as Db, timeoutMs, () => closed),
    async close() {
      if (closed) return;
      closed = true;
      await Promise.all([client.end({ timeout: 5 }), inboxClient.end({ timeout: 5 })]);
    },
  };
}

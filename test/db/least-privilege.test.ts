// The application's PostgreSQL login can do nothing its role does not allow: it owns no table and
// is no member of the owner, so neither `reset role` nor `set role` leads anywhere, triggers stay
// on and audit rows stay. Migrations run through the separate owner URL.

import { randomBytes } from 'node:crypto';
import { sql } from 'drizzle-orm';
import postgres from 'postgres';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { withActor } from '../../src/db/actor';
import type { Database } from '../../src/db/client';
import { rows } from '../../src/db/client';
import { createDatabase } from '../../src/db/open';
import { users } from '../../src/db/schema';

const adminUrl = process.env.TEST_DATABASE_URL;

describe.skipIf(!adminUrl)('least privilege on PostgreSQL', () => {
  const suffix = `${process.pid}_${randomBytes(4).toString('hex')}`;
  const dbName = `home_log_lp_${suffix}`;
  const ownerRole = `home_log_owner_${suffix}`;
  const loginRole = `home_log_login_${suffix}`;
  let admin: postgres.Sql;
  let app: Database;
  let ownerUrl: string;

  const urlFor = (user: string) => {
    const url = new URL(adminUrl!);
    url.username = user;
    url.password = '';
    url.pathname = `/${dbName}`;
    return url.toString();
  };

  beforeAll(async () => {
    admin = postgres(adminUrl!, { max: 1, onnotice: () => {} });
    // The documented set-up (README, "Database roles"), with throw-away names.
    await admin.unsafe(`create role ${ownerRole} login`);
    await admin.unsafe(`create database ${dbName} owner ${ownerRole}`);
    await admin.unsafe(`do $$ begin
      if not exists (select from pg_roles where rolname = 'home_log_app') then
        create role home_log_app nologin nosuperuser nobypassrls noinherit;
      end if; end $$`);
    await admin.unsafe(`grant home_log_app to ${ownerRole}`);
    await admin.unsafe(`create role ${loginRole} login nosuperuser nobypassrls`);
    await admin.unsafe(`grant home_log_app to ${loginRole}`);
    ownerUrl = urlFor(ownerRole);
    app = await createDatabase({
      databaseUrl: urlFor(loginRole),
      databaseOwnerUrl: ownerUrl,
      pgliteDir: '',
    });
    expect(await app.migrate()).toBeGreaterThan(0);
    // Some history to protect: one audited change, as the application makes it.
    await withActor(app.db, { userId: null }, async ({ tx, audit }) => {
      await tx.insert(users).values({ displayName: 'Alice', timezone: 'Asia/Bangkok' });
      audit({ action: 'user.create' });
    });
  }, 60_000);

  afterAll(async () => {
    await app?.close();
    if (!admin) return;
    await admin.unsafe(`drop database if exists ${dbName} with (force)`);
    await admin.unsafe(`drop owned by ${loginRole}`).catch(() => {});
    await admin.unsafe(`drop role if exists ${loginRole}`);
    await admin.unsafe(`drop role if exists ${ownerRole}`);
    await admin.end({ timeout: 5 });
  });

  /** Runs statements in one application transaction; the database's error message, or 'ok'. */
  const attempt = (...statements: string[]) =>
    withActor(app.db, { userId: null }, async ({ tx }) => {
      for (const statement of statements) await tx.execute(sql.raw(statement));
      return 'ok';
    }).catch((error: { cause?: { message?: string }; message: string }) => {
      return error.cause?.message ?? error.message;
    });

  it('logs in as a role that owns nothing and is no superuser', async () => {
    const [me] = await rows<{ session_user: string; super: boolean; owner: boolean }>(
      app.db,
      sql`select session_user, (select rolsuper from pg_roles where rolname = session_user) as super,
        pg_has_role(session_user, (select tableowner from pg_tables where tablename = 'audit_log'), 'member') as owner`,
    );
    expect(me).toEqual({ session_user: loginRole, super: false, owner: false });
  });

  it('`reset role` inside a transaction leads to a role with no more rights', async () => {
    expect(await attempt('reset role', 'alter table audit_log disable trigger all')).toMatch(
      /must be owner/,
    );
    expect(await attempt('reset role', 'delete from audit_log')).toMatch(/permission denied/);
    expect(await attempt('reset role', 'truncate audit_log')).toMatch(/permission denied/);
  });

  it('`set role` to the owner or a superuser is refused', async () => {
    expect(await attempt(`set role ${ownerRole}`)).toMatch(/permission denied/);
    expect(await attempt('set role postgres')).toMatch(/permission denied/);
    expect(await attempt('set session authorization postgres')).toMatch(/permission denied/);
  });

  it('as the application role, triggers cannot be disabled nor audit rows deleted', async () => {
    expect(await attempt('alter table audit_log disable trigger all')).toMatch(/must be owner/);
    expect(await attempt('delete from audit_log')).toMatch(/permission denied/);
  });

  it('leaves the audit trail and its triggers intact', async () => {
    const owner = postgres(ownerUrl, { max: 1, onnotice: () => {} });
    try {
      const [count] = await owner`select count(*)::int as n from audit_log`;
      expect(count?.n).toBe(1);
      const disabled = await owner`select tgname from pg_trigger
        where tgrelid = 'audit_log'::regclass and not tgisinternal and tgenabled = 'D'`;
      expect(disabled).toEqual([]);
    } finally {
      await owner.end({ timeout: 5 });
    }
  });
});

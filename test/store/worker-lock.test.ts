import { sql } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { rows } from '../../src/db/client';
import { createPostgres } from '../../src/db/postgres';
import { claimNext, releaseDeadWorkersClaims } from '../../src/store/webhook-events';
import { createTestDatabase, type TestDatabase } from '../helpers/db';
import { recordWaitingInOrder } from '../helpers/inbox';

// On PostgreSQL a server's worker holds a session-level advisory lock while it lives, and says
// so in its id ('lock:…'). When the lock is gone (its connection closed: the process died), its
// claims wait again at once; every other claim keeps its lease.

const chats = ['Ua', 'Ub', 'Uc'].map((prefix) => prefix.padEnd(33, '0'));

describe.skipIf(!process.env.TEST_DATABASE_URL)('claims of a worker whose lock is gone', () => {
  let database: TestDatabase;

  beforeEach(async () => {
    database = await createTestDatabase('postgres');
    await recordWaitingInOrder(database, chats);
  });
  afterEach(async () => {
    await database?.close();
  });

  const claims = async () =>
    Object.fromEntries(
      (
        await rows<{ id: string; status: string; claimed_by: string | null; attempts: number }>(
          database.db,
          sql`select webhook_event_id as id, status, claimed_by, attempts from webhook_events`,
        )
      ).map((e) => [e.id, `${e.status} ${e.claimed_by ?? '-'} ${e.attempts}`]),
    );
  /** As if the claims were last renewed `seconds` ago. */
  const age = (seconds: number) =>
    database.db.execute(
      sql`update webhook_events set claimed_at = now() - make_interval(secs => ${seconds})
          where status = 'processing'`,
    );

  it('releases them once the lock is gone, and only theirs', async () => {
    const lock = await database.holdWorkerLock!('lock:alive', () => {});
    const lost: unknown[] = [];
    const dying = await database.holdWorkerLock!('lock:dying', (error) => lost.push(error));
    expect(await claimNext(database, chats[0]!, 'lock:alive', 30)).not.toBeNull();
    expect(await claimNext(database, chats[1]!, 'lock:dying', 30)).not.toBeNull();
    // A worker without a lock (another runtime, an earlier version): only its lease counts.
    expect(await claimNext(database, chats[2]!, 'plain', 30)).not.toBeNull();
    await age(2);

    // Every worker alive: nothing is released.
    expect(await releaseDeadWorkersClaims(database)).toBe(0);

    await dying.release();
    expect(await releaseDeadWorkersClaims(database)).toBe(1);
    expect(await claims()).toEqual({
      E0: 'processing lock:alive 1',
      // Waiting again; the attempt stays counted (it may be what killed the worker).
      E1: 'pending - 1',
      E2: 'processing plain 1',
    });
    expect(lost).toEqual([]); // a release is not a loss

    // The chat can be claimed again at once (its lease had 2 of 4 s left).
    expect((await claimNext(database, chats[1]!, 'lock:alive', 30))?.webhookEventId).toBe('E1');
    await lock.release();
  });

  it('leaves a claim younger than a second alone (a lock lost and being taken again)', async () => {
    expect(await claimNext(database, chats[0]!, 'lock:gone', 30)).not.toBeNull();
    expect(await releaseDeadWorkersClaims(database)).toBe(0);
    await age(1.5);
    expect(await releaseDeadWorkersClaims(database)).toBe(1);
  });

  it('takes the lock again when its connection is cut', async () => {
    const lost: unknown[] = [];
    const lock = await database.holdWorkerLock!('lock:cut', (error) => lost.push(error));
    expect(await claimNext(database, chats[0]!, 'lock:cut', 30)).not.toBeNull();
    await age(2);
    await database.db.execute(
      sql`select pg_terminate_backend(pid) from pg_stat_activity
          where application_name = 'home-log worker' and datname = current_database()`,
    );
    const deadline = Date.now() + 10_000;
    while (lost.length === 0 || (await heldBy('lock:cut')) === false) {
      if (Date.now() > deadline) throw new Error('the lock was not taken again');
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    expect(await releaseDeadWorkersClaims(database)).toBe(0);
    await lock.release();
  });

  it('is not offered behind a pooler in transaction mode (prepare=false)', async () => {
    const pooled = await createPostgres(`${database.url}?prepare=false`, 1);
    try {
      expect(pooled.holdWorkerLock).toBeUndefined();
      expect(database.holdWorkerLock).toBeTypeOf('function');
    } finally {
      await pooled.close();
    }
  });

  const heldBy = async (workerId: string) =>
    (
      await rows<{ held: boolean }>(
        database.db,
        sql`select exists (select 1 from pg_locks where locktype = 'advisory' and objsubid = 2
              and objid = (hashtext(${workerId})::bigint & 4294967295)::oid) as held`,
      )
    )[0]!.held;
});

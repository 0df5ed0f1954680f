import { sql } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createProcessor } from '../../src/bot/processor';
import { asApp } from '../../src/db/actor';
import { type Database, rows } from '../../src/db/client';
import type { Deps } from '../../src/deps';
import { createTestDatabase, databaseKinds } from '../helpers/db';
import { deferred } from '../helpers/deferred';
import { processorDeps, recordWaitingInOrder } from '../helpers/inbox';

// At shutdown the processor finishes the event it is on and starts no other. The chat's next
// event, already claimed with that finish, is given back: another instance takes it at once,
// where it used to wait for the dead claim's lease to run out.

const CHAT_A = `U${'a'.repeat(32)}`;
const CHAT_B = `U${'b'.repeat(32)}`;

describe.each(databaseKinds())('stopping the processor (%s)', (kind) => {
  let database: Database;
  let background: Promise<unknown>[];
  let deps: Deps;

  beforeEach(async () => {
    database = await createTestDatabase(kind);
    ({ deps, background } = processorDeps(database));
    // Chat A: three events; chat B: two.
    const waiting = [CHAT_A, CHAT_A, CHAT_A, CHAT_B, CHAT_B];
    await recordWaitingInOrder(database, waiting);
  });
  afterEach(async () => {
    await Promise.allSettled(background);
    await database.close();
  });

  const events = () =>
    asApp(database, (executor) =>
      rows<{ id: string; status: string; claimed_by: string | null; attempts: number }>(
        executor,
        sql`select webhook_event_id as id, status, claimed_by, attempts from webhook_events
            order by webhook_event_id`,
      ),
    );

  it('finishes the event under way, gives back the next one, and starts nothing more', async () => {
    const handled: string[] = [];
    const { promise: gate, resolve: release } = deferred();
    const { promise: firstStarted, resolve: startedFirst } = deferred();
    const stopping = createProcessor(
      deps,
      async (claimed) => {
        handled.push(claimed.webhookEventId);
        startedFirst();
        await gate;
      },
      { concurrency: 1, concurrencyWhileArriving: 1, workerId: 'stopping' },
    );
    await stopping.recover();
    await firstStarted;
    const stopped = stopping.stop();
    release();
    await stopped;

    expect(handled).toEqual(['E0']);
    const after = await events();
    expect(after.map(({ id, status, claimed_by }) => [id, status, claimed_by])).toEqual([
      ['E0', 'done', 'stopping'],
      // Claimed with E0's finish, never started: back to waiting, its attempt not counted.
      ['E1', 'pending', null],
      ['E2', 'pending', null],
      ['E3', 'pending', null],
      ['E4', 'pending', null],
    ]);
    expect(after.find((e) => e.id === 'E1')?.attempts).toBe(0);

    // Stopped means stopped: a new event's kick starts nothing.
    stopping.kick(CHAT_B);
    await Promise.allSettled(background);
    expect(handled).toEqual(['E0']);

    // Another instance takes both chats over at once (a claim still held would keep chat A
    // busy for the lease's seconds).
    const other: string[] = [];
    const next = createProcessor(deps, async (claimed) => {
      other.push(claimed.webhookEventId);
    });
    await next.recover();
    for (let settled = 0; settled < background.length; ) {
      settled = background.length;
      await Promise.allSettled(background);
    }
    expect(other.filter((id) => ['E1', 'E2'].includes(id))).toEqual(['E1', 'E2']);
    expect(other.filter((id) => ['E3', 'E4'].includes(id))).toEqual(['E3', 'E4']);
    expect((await events()).map((e) => e.status)).toEqual(Array(5).fill('done'));
    await next.stop();
  });

  it('stops at once when nothing is under way', async () => {
    const idle = createProcessor(deps, async () => {}, { workerId: 'idle' });
    await idle.stop();
    await idle.recover();
    await Promise.allSettled(background);
    expect((await events()).map((e) => e.status)).toEqual(Array(5).fill('pending'));
  });
});

import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Database, rows } from '../../src/db/client';
import { Gate } from '../../src/db/pglite-lanes';
import { createTestDatabase } from '../helpers/db';

/** A promise and the function that settles it. */
function later() {
  let release!: () => void;
  const promise = new Promise<void>((resolve) => (release = resolve));
  return { promise, release };
}

const tick = () => new Promise((resolve) => setTimeout(resolve, 10));

describe('Gate: one at a time, the first lane before the rest', () => {
  it('serves whatever waits in the first lane before what waits in the rest, each lane in order', async () => {
    const gate = new Gate();
    const order: string[] = [];
    const running = later();
    const first = gate.run('rest', async () => {
      order.push('running');
      await running.promise;
    });
    const queued = [
      gate.run('rest', async () => void order.push('rest 1')),
      gate.run('rest', async () => void order.push('rest 2')),
      gate.run('first', async () => void order.push('first 1')),
      gate.run('first', async () => void order.push('first 2')),
    ];
    await tick();
    expect(order).toEqual(['running']); // nothing overtakes what has started
    running.release();
    await Promise.all([first, ...queued]);
    expect(order).toEqual(['running', 'first 1', 'first 2', 'rest 1', 'rest 2']);
  });

  it('goes on after a failure, and runs at once when free', async () => {
    const gate = new Gate();
    await expect(gate.run('rest', async () => Promise.reject(new Error('boom')))).rejects.toThrow(
      'boom',
    );
    expect(await gate.run('first', async () => 'free')).toBe('free');
  });
});

describe('PGlite: the inbox goes before queued transactions', () => {
  let database: Database;
  beforeAll(async () => {
    database = await createTestDatabase('pglite');
  });
  afterAll(async () => {
    await database.close();
  });

  it('records a webhook event while handler transactions wait their turn', async () => {
    const order: string[] = [];
    const open = later();
    const started = later();
    const running = database.db.transaction(async (tx) => {
      started.release();
      await rows(tx, sql`select 1`);
      await open.promise; // a handler between two statements
      order.push('transaction 1');
    });
    await started.promise;
    const queued = database.db.transaction(async (tx) => {
      await rows(tx, sql`select 1`);
      order.push('transaction 2');
    });
    await tick();
    const inbox = rows(database.inbox!, sql`select 1`).then(() => order.push('inbox'));
    await tick();
    expect(order).toEqual([]); // the open transaction is never interrupted
    open.release();
    await Promise.all([running, queued, inbox]);
    expect(order).toEqual(['transaction 1', 'inbox', 'transaction 2']);
  });
});

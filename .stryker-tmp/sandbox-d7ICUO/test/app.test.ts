// @ts-nocheck
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../src/app';
import { createBackgroundTasks } from '../src/background';
import { createTestDatabase } from './helpers/db';
import { type Harness, startHarness } from './helpers/harness';

describe('GET /healthz', () => {
  let harness: Harness;
  beforeAll(async () => {
    harness = await startHarness();
  });
  afterAll(async () => {
    await harness.close();
  });

  it('answers 200 when the database answers', async () => {
    const response = await fetch(`${harness.url}/healthz`);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: 'ok' });
  });

  it('answers 503 when the database does not', async () => {
    const broken = { ...harness.database, ping: async () => false };
    const response = await createApp({ ...harness.deps, database: broken }).request('/healthz');
    expect(response.status).toBe(503);
    expect(await response.json()).toEqual({ status: 'unavailable' });
  });

  it('answers 503 once the database is closed', async () => {
    const own = await createTestDatabase();
    await own.close();
    const response = await createApp({ ...harness.deps, database: own }).request('/healthz');
    expect(response.status).toBe(503);
  });

  it('answers 404 as JSON for unknown routes', async () => {
    const response = await fetch(`${harness.url}/nothing-here`);
    expect(response.status).toBe(404);
  });
});

describe('background tasks', () => {
  it('drains work in progress before shutdown', async () => {
    const done: number[] = [];
    const tasks = createBackgroundTasks(() => {});
    tasks.run(async () => {
      await new Promise((resolve) => setTimeout(resolve, 50));
      done.push(1);
      // Work started by work in progress is drained too.
      tasks.run(async () => {
        await new Promise((resolve) => setTimeout(resolve, 50));
        done.push(2);
      });
    });
    expect(await tasks.drain(2_000)).toBe(0);
    expect(done).toEqual([1, 2]);
  });

  it('gives up after the grace period and says how much was left', async () => {
    const tasks = createBackgroundTasks(() => {});
    tasks.run(() => new Promise((resolve) => setTimeout(resolve, 1_000)));
    expect(await tasks.drain(20)).toBe(1);
  });

  it('reports a failed task instead of crashing', async () => {
    const errors: unknown[] = [];
    const tasks = createBackgroundTasks((error) => errors.push(error));
    tasks.run(async () => {
      throw new Error('boom');
    });
    await tasks.drain(1_000);
    expect(errors).toHaveLength(1);
  });
});

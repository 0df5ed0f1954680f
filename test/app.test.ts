import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../src/app';
import { createBackgroundTasks } from '../src/background';
import { parseConfig } from '../src/config';
import { silentLogger } from '../src/logger';
import { createTestDatabase, type TestDatabase } from './helpers/db';

describe('GET /healthz', () => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase();
  });
  afterAll(async () => {
    await database.close();
  });

  const app = () =>
    createApp({
      config: parseConfig({
        LINE_CHANNEL_SECRET: 's',
        LINE_CHANNEL_ACCESS_TOKEN: 't',
        APP_SECRET: 'x'.repeat(32),
      }),
      database,
      logger: silentLogger(),
      clock: () => new Date(),
      runInBackground: () => {},
    });

  it('answers 200 when the database answers', async () => {
    const response = await app().request('/healthz');
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: 'ok' });
  });

  it('answers 503 when the database does not', async () => {
    const broken = { ...database, ping: async () => false };
    const response = await createApp({
      config: parseConfig({
        LINE_CHANNEL_SECRET: 's',
        LINE_CHANNEL_ACCESS_TOKEN: 't',
        APP_SECRET: 'x'.repeat(32),
      }),
      database: broken,
      logger: silentLogger(),
      clock: () => new Date(),
      runInBackground: () => {},
    }).request('/healthz');
    expect(response.status).toBe(503);
  });

  it('answers 503 once the database is closed', async () => {
    const own = await createTestDatabase();
    await own.close();
    const response = await createApp({
      config: parseConfig({
        LINE_CHANNEL_SECRET: 's',
        LINE_CHANNEL_ACCESS_TOKEN: 't',
        APP_SECRET: 'x'.repeat(32),
      }),
      database: own,
      logger: silentLogger(),
      clock: () => new Date(),
      runInBackground: () => {},
    }).request('/healthz');
    expect(response.status).toBe(503);
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

import fs from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { webhook } from '@line/bot-sdk';
import { sql } from 'drizzle-orm';
import { describe, expect, it, vi } from 'vitest';
import { type Database, rows } from '../../src/db/client';
import { createPglite } from '../../src/db/pglite';
import { users } from '../../src/db/schema';
import {
  claimNext,
  finishEvent,
  insertInboxRows,
  renewLeases,
} from '../../src/store/webhook-events';
import { createTestDatabase, openMigratedPgliteDir } from '../helpers/db';

// The embedded database is sized for a household, not a server (its memory is the bot's memory),
// and the tests run it with the same settings as production.
describe('embedded PostgreSQL settings', () => {
  const settings = async (database: Awaited<ReturnType<typeof createPglite>>) => {
    const [row] = await rows<{ buffers: string; connections: string }>(
      database.db,
      sql`select current_setting('shared_buffers') as buffers,
                 current_setting('max_connections') as connections`,
    );
    return row;
  };

  it('runs with 16 MB of shared buffers and room for 10 connections, not 128 MB and 100', async () => {
    const database = await createPglite('memory://');
    try {
      expect(await settings(database)).toEqual({ buffers: '16MB', connections: '10' });
    } finally {
      await database.close();
    }
  });

  it('is opened the same way in the tests', async () => {
    const database = await createTestDatabase('pglite');
    try {
      expect(await settings(database)).toEqual({ buffers: '16MB', connections: '10' });
    } finally {
      await database.close();
    }
  });

  /**
   * A PGlite database in a new directory, with Node's fsync watched (in the thread or off it):
   * `logFlushes()` counts the flushes of write-ahead log files since the last call.
   */
  const onDisk = async (
    fn: (database: Database, logFlushes: () => number) => Promise<void>,
  ): Promise<void> => {
    const dir = await mkdtemp(join(tmpdir(), 'home-log-pglite-fsync-'));
    const database = await openMigratedPgliteDir(join(dir, 'data'));
    let files: string[] = [];
    const fileOf = (fd: number) => fs.readlinkSync(`/proc/self/fd/${fd}`);
    const { fsync, fsyncSync } = fs;
    const inThread = vi.spyOn(fs, 'fsyncSync').mockImplementation((fd) => {
      files.push(fileOf(fd));
      fsyncSync(fd);
    });
    const offThread = vi.spyOn(fs, 'fsync').mockImplementation((fd, callback) => {
      files.push(fileOf(fd));
      fsync(fd, callback);
    });
    const logFlushes = () => {
      const count = files.filter((file) => file.startsWith(`${join(dir, 'data')}/pg_wal/`));
      files = [];
      return count.length;
    };
    try {
      logFlushes();
      await fn(database, logFlushes);
    } finally {
      inThread.mockRestore();
      offThread.mockRestore();
      await database.close();
      await rm(dir, { recursive: true, force: true });
    }
  };

  it('puts a commit on the disk before it returns (PGlite alone would leave it in the cache)', async () => {
    await onDisk(async (database, logFlushes) => {
      const [row] = await rows<{ fsync: string; method: string }>(
        database.db,
        sql`select current_setting('fsync') as fsync, current_setting('wal_sync_method') as method`,
      );
      expect(row).toEqual({ fsync: 'on', method: 'fsync' });
      await database.db.insert(users).values({ displayName: 'Kai', timezone: 'Asia/Bangkok' });
      // What was flushed: the write-ahead log, where the commit is.
      expect(logFlushes()).toBeGreaterThan(0);
    });
  });

  it('waits for the disk for an acknowledged event, not for claiming it, renewing its lease or marking it done', async () => {
    await onDisk(async (database, logFlushes) => {
      const event = {
        type: 'message',
        webhookEventId: 'E1',
        source: { type: 'user', userId: 'U1' },
      };
      await insertInboxRows(database, [
        {
          webhookEventId: 'E1',
          occurredAt: new Date(),
          chatId: 'U1',
          type: 'message',
          payload: event as unknown as webhook.Event,
          senderId: 'U1',
        },
      ]);
      expect(logFlushes()).toBeGreaterThan(0);
      const claimed = await claimNext(database, 'U1', 'worker-1', 30);
      expect(claimed?.webhookEventId).toBe('E1');
      await renewLeases(database, 'worker-1');
      await finishEvent(database, 'E1', 'worker-1', { status: 'done' });
      expect(logFlushes()).toBe(0);
      const [row] = await rows<{ status: string }>(
        database.db,
        sql`select status from webhook_events where webhook_event_id = 'E1'`,
      );
      expect(row?.status).toBe('done');
    });
  });

  it('creates a new data directory in a child process, so the server keeps none of its memory', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'home-log-pglite-new-'));
    const before = process.memoryUsage().external;
    const database = await createPglite(join(dir, 'data'));
    try {
      expect(await settings(database)).toEqual({ buffers: '16MB', connections: '10' });
      // Created in this process, initdb's WebAssembly instance and tarball stay behind: about
      // 450 MB more outside the JavaScript heap. Opening a directory that exists adds about 100.
      expect(process.memoryUsage().external - before).toBeLessThan(250e6);
    } finally {
      await database.close();
      await rm(dir, { recursive: true, force: true });
    }
  });
});

import fs from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { type Database, rows } from '../../src/db/client';
import { installLogFlusher, LogFlusher } from '../../src/db/pglite-flush';
import { users } from '../../src/db/schema';
import { openMigratedPgliteDir } from '../helpers/db';

type Callback = (error: NodeJS.ErrnoException | null) => void;

// Node's own, taken before any test watches them.
const { fsync: realFsync, fsyncSync: realFsyncSync } = fs;

/** fs.fsync held: each call waits in `waiting` until the test lets it finish. */
function holdFsync() {
  const waiting: { fd: number; finish: (error?: Error) => Promise<void> }[] = [];
  const spy = vi.spyOn(fs, 'fsync').mockImplementation(((fd: number, callback: Callback) => {
    waiting.push({
      fd,
      // Resolves once the flusher has been told, however long the disk takes (a busy machine).
      finish: (error) =>
        new Promise<void>((told) => {
          const tell: Callback = (result) => {
            callback(result);
            told();
          };
          if (error) tell(error);
          else realFsync(fd, tell);
        }),
    });
  }) as typeof fs.fsync);
  /** Lets the flushes waiting now finish (those they lead to stay held). */
  const finishWaiting = async (error?: Error) => {
    await Promise.all(waiting.splice(0).map((call) => call.finish(error)));
    await new Promise((resolve) => setTimeout(resolve, 20));
  };
  /** Until none is waiting: a wait for one flush may start another. */
  const finishAll = async (error?: Error) => {
    do await finishWaiting(error);
    while (waiting.length > 0);
  };
  return { waiting, spy, finishWaiting, finishAll };
}

const settled = async <T>(promise: Promise<T>) => {
  let state: 'pending' | 'resolved' | 'rejected' = 'pending';
  promise.then(
    () => (state = 'resolved'),
    () => (state = 'rejected'),
  );
  await new Promise((resolve) => setTimeout(resolve, 20));
  return state;
};

describe('LogFlusher: the log flushed off the thread', () => {
  let dir: string;
  let files: number[];
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'home-log-flusher-'));
    files = [0, 1, 2].map((i) => fs.openSync(join(dir, `log-${i}`), 'w'));
  });
  afterEach(async () => {
    vi.restoreAllMocks();
    for (const fd of files) {
      try {
        fs.closeSync(fd);
      } catch {}
    }
    await rm(dir, { recursive: true, force: true });
  });

  it('answers only once the asked flush has finished, and the thread stays free meanwhile', async () => {
    const held = holdFsync();
    const inThread = vi.spyOn(fs, 'fsyncSync');
    const flusher = new LogFlusher();
    flusher.request(files[0]!);
    const durable = flusher.durable();
    expect(await settled(durable)).toBe('pending'); // timers ran: the thread was not blocked
    expect(held.waiting.map((call) => call.fd)).toEqual([files[0]]);
    await held.finishAll();
    expect(await settled(durable)).toBe('resolved');
    expect(inThread).not.toHaveBeenCalled();
    // Nothing new asked: answered at once, no flush.
    await flusher.durable();
    expect(held.spy).toHaveBeenCalledTimes(1);
  });

  it('lets the commits that arrive during a flush share the next one', async () => {
    const held = holdFsync();
    const flusher = new LogFlusher();
    flusher.request(files[0]!);
    const first = flusher.durable();
    // Three more commits while the first flush runs.
    const later = [1, 2, 3].map(() => {
      flusher.request(files[0]!);
      return flusher.durable();
    });
    await held.finishWaiting();
    expect(await settled(first)).toBe('resolved');
    expect(await settled(Promise.all(later))).toBe('pending'); // not covered by the first
    await held.finishWaiting();
    expect(await settled(Promise.all(later))).toBe('resolved');
    expect(flusher.stats.rounds).toBe(2);
    expect(held.spy).toHaveBeenCalledTimes(2);
  });

  it('flushes in the thread, at once, when something must not get ahead of the log', async () => {
    const held = holdFsync();
    const inThread = vi.spyOn(fs, 'fsyncSync');
    const flusher = new LogFlusher();
    flusher.request(files[0]!);
    const running = flusher.durable(); // a round off the thread, held
    flusher.request(files[1]!); // asked, not started
    flusher.flushNow();
    expect(inThread.mock.calls.map(([fd]) => fd).sort()).toEqual([files[0], files[1]].sort());
    // What was asked is on the disk: a new wait needs no round of its own.
    expect(await settled(flusher.durable())).toBe('resolved');
    await held.finishAll();
    await running;
    expect(held.spy).toHaveBeenCalledTimes(1);
    inThread.mockClear();
    flusher.flushNow(); // nothing left: no flush
    expect(inThread).not.toHaveBeenCalled();
  });

  it('flushes a log file before it is closed, and ignores what its late flush says then', async () => {
    const held = holdFsync();
    const inThread = vi.spyOn(fs, 'fsyncSync');
    const flusher = new LogFlusher();
    flusher.request(files[2]!);
    const durable = flusher.durable(); // the flush of files[2] is held
    flusher.closing(files[2]!);
    expect(inThread).toHaveBeenCalledWith(files[2]);
    fs.closeSync(files[2]!);
    // The held flush now fails (its descriptor is closed): already flushed, not a failure.
    held.waiting[0]!.finish(Object.assign(new Error('EBADF'), { code: 'EBADF' }));
    await expect(durable).resolves.toBeUndefined();
    flusher.closing(files[0]!); // never asked: nothing to do
    expect(inThread).toHaveBeenCalledTimes(1);
  });

  it('fails every later answer once a flush has failed, as PostgreSQL stops trusting the disk', async () => {
    const held = holdFsync();
    const flusher = new LogFlusher();
    flusher.request(files[0]!);
    const failed = expect(flusher.durable()).rejects.toThrow(
      'flushing the database log failed: EIO: i/o error',
    );
    await held.finishAll(Object.assign(new Error('EIO: i/o error'), { code: 'EIO' }));
    await failed;
    await expect(flusher.durable()).rejects.toThrow('flushing the database log failed');
  });
});

describe('installLogFlusher: the file system PostgreSQL writes through', () => {
  let dir: string;
  let logFd: number;
  let dataFd: number;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'home-log-flush-fs-'));
    logFd = fs.openSync(join(dir, 'log'), 'w');
    dataFd = fs.openSync(join(dir, 'data'), 'w');
  });
  afterEach(async () => {
    vi.restoreAllMocks();
    fs.closeSync(logFd);
    fs.closeSync(dataFd);
    await rm(dir, { recursive: true, force: true });
  });

  /** A stand-in for Emscripten's NODEFS: each original operation notes that it ran. */
  function fileSystem() {
    const steps: string[] = [];
    const op = (name: string) => () => void steps.push(name);
    const nodefs = {
      stream_ops: { write: op('write'), setattr: op('truncate'), close: op('close') },
      node_ops: {
        setattr: op('set'),
        rename: op('rename'),
        unlink: op('unlink'),
        rmdir: op('rmdir'),
      },
    } as Parameters<typeof installLogFlusher>[0];
    const flusher = new LogFlusher();
    installLogFlusher(nodefs, flusher);
    vi.spyOn(fs, 'fsyncSync').mockImplementation((fd) => {
      steps.push(fd === logFd ? 'log flushed' : 'data flushed');
      realFsyncSync(fd);
    });
    const log = {
      path: '/pglite/data/pg_wal/000000010000000000000001',
      nfd: logFd,
      shared: { refcount: 1 },
    };
    const data = { path: '/pglite/data/base/5/16384', nfd: dataFd, shared: { refcount: 1 } };
    const call = (ops: Record<string, unknown>, name: string, ...args: unknown[]) =>
      (ops[name] as (...a: unknown[]) => unknown)(...args);
    return { steps, nodefs, flusher, log, data, call };
  }

  it("asks for the log's flush, and flushes it before a data file is written", () => {
    const { steps, nodefs, log, data, call } = fileSystem();
    vi.spyOn(fs, 'fsync').mockImplementation((() => undefined) as unknown as typeof fs.fsync);
    call(nodefs.stream_ops, 'write', log);
    expect(call(nodefs.stream_ops, 'fsync', log)).toBe(0);
    expect(steps).toEqual(['write']); // asked, not flushed in the thread
    call(nodefs.stream_ops, 'write', data);
    call(nodefs.stream_ops, 'write', data);
    expect(steps).toEqual(['write', 'log flushed', 'write', 'write']);
  });

  it('flushes the log first before any other change outside it, and before flushing a data file', () => {
    for (const [ops, name, expected] of [
      ['stream_ops', 'setattr', 'truncate'],
      ['node_ops', 'setattr', 'set'],
      ['node_ops', 'rename', 'rename'],
      ['node_ops', 'unlink', 'unlink'],
      ['node_ops', 'rmdir', 'rmdir'],
    ] as const) {
      const { steps, nodefs, log, data, call } = fileSystem();
      call(nodefs.stream_ops, 'fsync', log);
      call(nodefs[ops], name, data);
      expect(steps, `${ops}.${name}`).toEqual(['log flushed', expected]);
    }
    const { steps, nodefs, log, data, call } = fileSystem();
    call(nodefs.stream_ops, 'fsync', log);
    call(nodefs.stream_ops, 'fsync', data);
    expect(steps).toEqual(['log flushed', 'data flushed']);
  });

  it('flushes a log file when its last reference is closed, not before', () => {
    const { steps, nodefs, log, call } = fileSystem();
    call(nodefs.stream_ops, 'fsync', log);
    call(nodefs.stream_ops, 'close', { ...log, shared: { refcount: 2 } }); // a duplicate closed
    expect(steps).toEqual(['close']);
    call(nodefs.stream_ops, 'close', log);
    expect(steps).toEqual(['close', 'log flushed', 'close']);
  });
});

describe('PGlite on disk with its log flushed off the thread', () => {
  let dir: string;
  let database: Database;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'home-log-pglite-flush-'));
    database = await openMigratedPgliteDir(join(dir, 'data'));
  });
  afterEach(async () => {
    vi.restoreAllMocks();
    await database.close();
    await rm(dir, { recursive: true, force: true });
  });

  const fileOf = (fd: number) => fs.readlinkSync(`/proc/self/fd/${fd}`);
  const isLog = (fd: number) => fileOf(fd).startsWith(`${join(dir, 'data')}/pg_wal/`);

  it('returns a commit to the application only once its log is on the disk', async () => {
    // A fresh log segment: where the migrations left the log, the insert could fill a segment,
    // and closing a full segment flushes it in the thread, by design (see the test above).
    await database.db.execute(sql`select pg_switch_wal()`);
    const held = holdFsync();
    const inThread = vi.spyOn(fs, 'fsyncSync');
    // A query builder runs again at each then(): run it once.
    const insert = Promise.resolve(
      database.db.insert(users).values({ displayName: 'Kai', timezone: 'UTC' }),
    );
    expect(await settled(insert)).toBe('pending');
    expect(held.waiting.some((call) => isLog(call.fd))).toBe(true);
    expect(inThread.mock.calls.filter(([fd]) => isLog(fd))).toEqual([]);
    // A read waits too: nothing leaves the database before what it saw is on the disk.
    const read = rows<{ n: number }>(
      database.db,
      sql`select count(*)::int as n from users where display_name = 'Kai'`,
    );
    expect(await settled(read)).toBe('pending');
    await held.finishAll();
    expect(await settled(insert)).toBe('resolved');
    expect(await read).toEqual([{ n: 1 }]);
  });

  it('puts the log on the disk before any data file is written (a checkpoint)', async () => {
    const held = holdFsync();
    const order: string[] = [];
    const { writeSync } = fs;
    vi.spyOn(fs, 'fsyncSync').mockImplementation((fd) => {
      order.push(isLog(fd) ? 'log flushed' : 'data flushed');
      realFsyncSync(fd);
    });
    vi.spyOn(fs, 'writeSync').mockImplementation(((fd: number, ...rest: never[]) => {
      if (!isLog(fd)) order.push('data written');
      return (writeSync as (...args: unknown[]) => number)(fd, ...rest);
    }) as typeof fs.writeSync);
    // A query builder runs again at each then(): run it once.
    const insert = Promise.resolve(
      database.db.insert(users).values({ displayName: 'Kai', timezone: 'UTC' }),
    );
    expect(await settled(insert)).toBe('pending'); // its flush is held
    order.length = 0; // writes before its commit asked for a flush need none
    const checkpoint = Promise.resolve(database.db.execute(sql`checkpoint`));
    await settled(checkpoint);
    expect(order[0]).toBe('log flushed');
    // Flushed once for all: what was asked is on the disk, later writes need no flush of it.
    expect(order.filter((step) => step === 'log flushed').length).toBeLessThan(
      order.filter((step) => step === 'data written').length,
    );
    expect(order).toContain('data written');
    await held.finishAll();
    await Promise.all([insert, checkpoint]);
  });
});

import fs from 'node:fs';
import type { PGlite } from '@electric-sql/pglite';
import { aroundStatements } from './pglite-lanes';

/**
 * PGlite's PostgreSQL runs in the process's one thread, so a commit's flush of the write-ahead
 * log (an fsync) stops everything else, webhooks included, for as long as the disk takes: on
 * this project's bench a fifth of the thread's time with processing paused, and much more on an
 * SD card. So the log's flushes run off the thread, the way PostgreSQL's group commit would:
 *
 * - PostgreSQL's fsync of a log file only asks for a flush (`request`) and returns; the log was
 *   already written to the operating system, so a crash of the process loses nothing.
 * - Every statement or transaction that returns to the application first waits until the log
 *   written so far is on the disk (`durable`, see awaitingFlush). Nothing the application does
 *   after a commit (the webhook's 200, a reply) can get ahead of the disk, and commits that
 *   arrive while a flush runs share the next one.
 * - PostgreSQL writes nothing else before the log that describes it is on the disk: any change
 *   to a file outside the log (a data page, the control file, a truncation, a rename) and any
 *   other fsync first flushes what was asked, synchronously (`flushNow`). That is the rule
 *   PostgreSQL itself relies on (log before data), kept in the one order that matters on disk.
 */
export class LogFlusher {
  /** Log files whose flush was asked for and has not started. */
  private readonly asked = new Set<number>();
  /** Log files being flushed off the thread now. */
  private readonly flushing = new Set<number>();
  /** Files closed while their flush ran: the descriptor may name another file by then. */
  private readonly closedWhileFlushing = new Set<number>();
  private askedCount = 0;
  private durableCount = 0;
  private round: Promise<void> | null = null;
  private failure: Error | null = null;
  /** Counters for the bench and the tests. */
  readonly stats = { rounds: 0, synchronous: 0 };

  /** PostgreSQL's fsync of a log file: the flush is asked for, not waited for. */
  request(fd: number): void {
    this.asked.add(fd);
    this.askedCount++;
  }

  /** Resolves once everything asked for so far is on the disk. */
  async durable(): Promise<void> {
    const target = this.askedCount;
    while (this.durableCount < target) {
      if (this.failure) throw this.failure;
      this.round ??= this.startRound();
      await this.round;
    }
    if (this.failure) throw this.failure;
  }

  /** Flushes what was asked for (and what is being flushed) now, in this thread. */
  flushNow(): void {
    // Everything asked is on the disk already (a round may still be running: it is covered).
    if (this.durableCount >= this.askedCount) return;
    this.stats.synchronous++;
    for (const fd of new Set([...this.asked, ...this.flushing])) {
      if (!this.closedWhileFlushing.has(fd)) fs.fsyncSync(fd);
    }
    this.asked.clear();
    this.durableCount = this.askedCount;
  }

  /** A file is about to be closed: what was asked for it must be on the disk first. */
  closing(fd: number): void {
    if (!this.asked.has(fd) && !this.flushing.has(fd)) return;
    this.flushNow();
    if (this.flushing.has(fd)) this.closedWhileFlushing.add(fd);
  }

  private startRound(): Promise<void> {
    const covers = this.askedCount;
    const files = [...this.asked];
    this.asked.clear();
    for (const fd of files) this.flushing.add(fd);
    this.stats.rounds++;
    const flushes = files.map(
      (fd) =>
        new Promise<void>((resolve, reject) =>
          fs.fsync(fd, (error) =>
            // A file closed meanwhile was flushed in this thread before its close.
            error && !this.closedWhileFlushing.has(fd) ? reject(error) : resolve(),
          ),
        ),
    );
    return Promise.all(flushes)
      .then(
        () => {
          this.durableCount = Math.max(this.durableCount, covers);
        },
        (error: Error) => {
          // As PostgreSQL does after a failed fsync: nothing later can be trusted to be on disk.
          this.failure = new Error(`flushing the database log failed: ${error.message}`, {
            cause: error,
          });
        },
      )
      .finally(() => {
        for (const fd of files) {
          this.flushing.delete(fd);
          this.closedWhileFlushing.delete(fd);
        }
        this.round = null;
      });
  }
}

interface FsStream {
  path?: string;
  nfd: number;
  shared?: { refcount: number };
}
type Op = (...args: never[]) => unknown;
interface EmscriptenNodeFS {
  stream_ops: Record<string, Op | undefined>;
  node_ops: Record<string, Op | undefined>;
}

const isLogFile = (path: string | undefined) => path?.includes('/pg_wal/') === true;

/**
 * Installs the flusher in the Node file system PGlite mounts (before PostgreSQL starts): log
 * files' fsync asks, every other fsync and every change outside the log flushes first.
 */
export function installLogFlusher(nodefs: EmscriptenNodeFS, flusher: LogFlusher): void {
  const { stream_ops: streams, node_ops: nodes } = nodefs;
  const before = (ops: Record<string, Op | undefined>, name: string, first: Op) => {
    const original = ops[name];
    if (!original) return;
    ops[name] = ((...args: never[]) => {
      first(...args);
      return original(...args);
    }) as Op;
  };
  streams.fsync = ((stream: FsStream) => {
    if (isLogFile(stream.path)) flusher.request(stream.nfd);
    else {
      flusher.flushNow();
      fs.fsyncSync(stream.nfd);
    }
    return 0;
  }) as Op;
  before(streams, 'write', ((stream: FsStream) => {
    if (!isLogFile(stream.path)) flusher.flushNow();
  }) as Op);
  before(streams, 'setattr', (() => flusher.flushNow()) as Op);
  before(streams, 'close', ((stream: FsStream) => {
    if (stream.nfd && stream.shared?.refcount === 1) flusher.closing(stream.nfd);
  }) as Op);
  for (const name of ['setattr', 'rename', 'unlink', 'rmdir']) {
    before(nodes, name, (() => flusher.flushNow()) as Op);
  }
}

/**
 * A PGlite whose statements and transactions return only once the log they wrote is on the disk
 * (the outermost layer: what the application awaits).
 */
export function awaitingFlush(pg: PGlite, flusher: LogFlusher): PGlite {
  return aroundStatements(pg, async (run) => {
    const result = await run();
    await flusher.durable();
    return result;
  });
}

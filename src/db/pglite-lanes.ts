import type { PGlite, Transaction } from '@electric-sql/pglite';

/**
 * PGlite serves one statement or transaction at a time, in arrival order. With several events
 * in flight, a webhook's inbox insert would wait behind every handler transaction queued before
 * it, and its 200 with it. A gate with two lanes instead: whenever PGlite is free, a single
 * statement of the inbox (recording a webhook, claiming or finishing an event: short, and what
 * an acknowledgement waits for) goes before the next handler transaction. A transaction that
 * has started is never interrupted; the first lane waits for at most that one.
 */
export class Gate {
  private busy = false;
  private readonly first: (() => void)[] = [];
  private readonly rest: (() => void)[] = [];

  async run<T>(lane: 'first' | 'rest', fn: () => Promise<T>): Promise<T> {
    if (this.busy) {
      await new Promise<void>((resolve) =>
        (lane === 'first' ? this.first : this.rest).push(resolve),
      );
    } else this.busy = true;
    try {
      return await fn();
    } finally {
      const next = this.first.shift() ?? this.rest.shift();
      if (next) next();
      else this.busy = false;
    }
  }
}

/**
 * PGlite whose every statement and transaction (query, exec, transaction) runs inside
 * `around`; everything else is PGlite's own.
 */
export function aroundStatements(
  pg: PGlite,
  around: <T>(run: () => Promise<T>) => Promise<T>,
): PGlite {
  const query: PGlite['query'] = (...args) => around(() => pg.query(...args));
  const exec: PGlite['exec'] = (...args) => around(() => pg.exec(...args));
  const transaction = <T>(callback: (tx: Transaction) => Promise<T>) =>
    around(() => pg.transaction(callback));
  return new Proxy(pg, {
    get(target, key) {
      if (key === 'query') return query;
      if (key === 'exec') return exec;
      if (key === 'transaction') return transaction;
      const value = Reflect.get(target, key, target);
      // PGlite keeps private fields: its methods must run with the instance itself as `this`.
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
}

/** PGlite whose statements and transactions take their turn at `gate` in `lane`. */
export const inLane = (pg: PGlite, gate: Gate, lane: 'first' | 'rest'): PGlite =>
  aroundStatements(pg, (run) => gate.run(lane, run));

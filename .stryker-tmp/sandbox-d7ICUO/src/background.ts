/**
 * Work that outlives the HTTP request which started it (processing webhook events after LINE got
 * its 200). The Node entry drains it on SIGTERM so that nothing is cut off mid-transaction.
 */
// @ts-nocheck

export interface BackgroundTasks {
  run(task: () => Promise<unknown>): void;
  /** Resolves when every task has settled, or after `timeoutMs`; returns how many were left. */
  drain(timeoutMs: number): Promise<number>;
  readonly size: number;
}

export function createBackgroundTasks(onError: (error: unknown) => void): BackgroundTasks {
  const running = new Set<Promise<unknown>>();
  return {
    run(task) {
      const promise = Promise.resolve()
        .then(task)
        .catch(onError)
        .finally(() => running.delete(promise));
      running.add(promise);
    },
    async drain(timeoutMs) {
      const deadline = Date.now() + timeoutMs;
      // Tasks may start new tasks while we wait, so loop until the set is empty.
      while (running.size > 0 && Date.now() < deadline) {
        let timer: NodeJS.Timeout | undefined;
        await Promise.race([
          Promise.allSettled([...running]),
          new Promise((resolve) => {
            timer = setTimeout(resolve, deadline - Date.now());
          }),
        ]);
        clearTimeout(timer);
      }
      return running.size;
    },
    get size() {
      return running.size;
    },
  };
}

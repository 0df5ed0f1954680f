import { connect, type Socket } from 'node:net';

/**
 * Makes `socket` send a large message of postgres.js together with the small ones written
 * after it in the same turn of the event loop.
 *
 * postgres.js joins the small messages written in one turn and writes them from a setImmediate,
 * but it writes at once when what it has joined reaches 1 KB. A reading's undo entry is such a
 * message (about 1.3 KB): it went out alone, and the applied mark, the audit entry and the
 * COMMIT written just after it in the same turn followed in a second write. Each write costs a
 * system call here and a wake-up of the server there (over loopback on a virtual machine, about
 * 0.15 ms of the bot's thread).
 *
 * So a write of 1 KB or more corks the socket, and postgres.js's flush of what was joined after
 * it (under 1 KB, from its setImmediate) is added and uncorks it: both leave in one packet. If
 * nothing follows, the socket is uncorked at the end of the same turn (a setImmediate queued
 * after postgres.js's own). Smaller writes, when nothing is corked, go out as they are.
 */
export const LARGE_WRITE = 1024;

export function coalescingWrites(socket: Socket): Socket {
  const write = socket.write;
  let sameTurn = false;
  const uncork = () => {
    while (socket.writableCorked > 0) socket.uncork();
  };
  socket.write = function (this: Socket, ...args: Parameters<Socket['write']>) {
    const [chunk] = args;
    if (socket.writableCorked === 0) {
      if (typeof chunk === 'string' || chunk.length < LARGE_WRITE) return write.apply(this, args);
      socket.cork();
      sameTurn = true;
      // Once this turn's promise jobs are done: postgres.js has queued its flush by then (if it
      // joined anything), so this setImmediate comes after it.
      process.nextTick(() => {
        sameTurn = false;
        setImmediate(uncork);
      });
      return write.apply(this, args);
    }
    const accepted = write.apply(this, args);
    if (!sameTurn) uncork();
    return accepted;
  } as Socket['write'];
  return socket;
}

/** What postgres.js passes to a `socket` factory (the options it parsed). */
export interface SocketOptions {
  host: string[];
  port: number[];
  path?: string | false;
  connect_timeout?: number;
}

/**
 * A `socket` option for postgres.js: a connected TCP or Unix socket that joins writes (see
 * coalescingWrites). For one server only; postgres.js's own socket serves a list of hosts.
 */
export function connectCoalescing(options: SocketOptions): Promise<Socket> {
  return new Promise((resolve, reject) => {
    const socket = options.path
      ? connect(options.path)
      : connect(options.port[0] ?? 5432, options.host[0] ?? 'localhost');
    const timeoutMs = (options.connect_timeout ?? 30) * 1000;
    const timer = setTimeout(() => {
      socket.destroy();
      reject(Object.assign(new Error('connect timeout'), { code: 'CONNECT_TIMEOUT' }));
    }, timeoutMs);
    socket.once('connect', () => {
      clearTimeout(timer);
      socket.removeListener('error', failed);
      resolve(coalescingWrites(socket));
    });
    const failed = (error: Error) => {
      clearTimeout(timer);
      reject(error);
    };
    socket.once('error', failed);
  });
}

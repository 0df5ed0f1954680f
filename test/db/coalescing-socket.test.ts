import { type AddressInfo, createServer, type Server, type Socket } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { connectCoalescing, LARGE_WRITE } from '../../src/db/coalescing-socket';

// The packets a server receives from a coalescing client socket, as postgres.js writes to it:
// a large message at once, the small ones joined and written from a setImmediate.
let server: Server | undefined;
let client: Socket | undefined;
afterEach(async () => {
  client?.destroy();
  await new Promise((resolve) => (server ? server.close(resolve) : resolve(undefined)));
  server = client = undefined;
});

async function connected() {
  const packets: string[] = [];
  server = createServer((peer) => peer.on('data', (data) => packets.push(data.toString())));
  await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  client = await connectCoalescing({ host: ['127.0.0.1'], port: [port], path: false });
  // Each call of the stream's own write (one chunk, or several joined) is one system call.
  const sent: number[] = [];
  const stream = client as unknown as {
    _write: (...args: unknown[]) => void;
    _writev: (chunks: unknown[], ...rest: unknown[]) => void;
  };
  const single = stream._write.bind(client);
  const joined = stream._writev.bind(client);
  stream._write = (...args) => {
    sent.push(1);
    single(...args);
  };
  stream._writev = (chunks, ...rest) => {
    sent.push(chunks.length);
    joined(chunks, ...rest);
  };
  /** Waits until `count` bytes arrived. */
  const received = async (count: number) => {
    for (let i = 0; i < 200 && packets.join('').length < count; i++) {
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
    return packets;
  };
  return { socket: client, received, sent };
}

describe('coalescing writes', () => {
  it('sends a large write and the small flush queued after it in the same turn as one packet', async () => {
    const { socket, received, sent } = await connected();
    const large = 'L'.repeat(LARGE_WRITE + 300);
    socket.write(Buffer.from(large));
    setImmediate(() => socket.write(Buffer.from('small-then-commit')));
    const packets = await received(large.length + 'small-then-commit'.length);
    expect(packets.join('')).toBe(`${large}small-then-commit`);
    expect(sent).toEqual([2]);
  });

  it('sends a large write alone by the end of the turn', async () => {
    const { socket, received, sent } = await connected();
    const large = 'L'.repeat(LARGE_WRITE);
    socket.write(Buffer.from(large));
    expect(await received(large.length)).toEqual([large]);
    // Not corked any more: a later small write goes straight out.
    socket.write(Buffer.from('later'));
    expect(socket.writableCorked).toBe(0);
    expect((await received(large.length + 5)).join('')).toBe(`${large}later`);
    expect(sent).toEqual([1, 1]);
  });

  it('leaves small writes as they are', async () => {
    const { socket, received, sent } = await connected();
    socket.write(Buffer.from('one'));
    expect(sent).toEqual([1]);
    expect(socket.writableCorked).toBe(0);
    expect((await received(3)).join('')).toBe('one');
  });

  it('keeps its connection error for the caller', async () => {
    server = createServer();
    await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    await new Promise((resolve) => server!.close(resolve));
    server = undefined;
    await expect(
      connectCoalescing({ host: ['127.0.0.1'], port: [port], path: false }),
    ).rejects.toThrow(/ECONNREFUSED/);
  });
});

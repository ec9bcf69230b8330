/**
 * A loopback TCP proxy for network-failure tests: forwards every connection to `target`; `cut()` resets every open
 * connection (RST both ways) as a dropped network would; `outage(true)` also resets new connections at accept until
 * `outage(false)`. Real sockets both sides; nothing is mocked.
 */
import { connect, createServer, type Socket } from 'node:net';

export interface TcpProxy {
  port: number;
  /** Open client connections. */
  readonly open: number;
  cut(): void;
  outage(on: boolean): void;
  close(): Promise<void>;
}

export async function startTcpProxy(targetPort: number, targetHost = '127.0.0.1'): Promise<TcpProxy> {
  const pairs = new Set<[Socket, Socket]>();
  let down = false;
  const server = createServer((client) => {
    if (down) return void client.resetAndDestroy();
    const upstream = connect({ port: targetPort, host: targetHost, noDelay: true });
    client.setNoDelay(true);
    const pair: [Socket, Socket] = [client, upstream];
    pairs.add(pair);
    client.pipe(upstream);
    upstream.pipe(client);
    const done = () => {
      pairs.delete(pair);
      if (!client.destroyed) client.destroy();
      if (!upstream.destroyed) upstream.destroy();
    };
    client.on('error', done).on('close', done);
    upstream.on('error', done).on('close', done);
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const cut = () => {
    for (const [a, b] of [...pairs]) {
      a.resetAndDestroy();
      b.resetAndDestroy();
    }
  };
  return {
    port: (server.address() as { port: number }).port,
    get open() {
      return pairs.size;
    },
    cut,
    outage(on) {
      down = on;
      if (on) cut();
    },
    close: () =>
      new Promise<void>((r) => {
        cut();
        server.close(() => r());
      }),
  };
}

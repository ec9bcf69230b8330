/**
 * The byte pipe under one client connection, as `Connection` sees it: write whole frames, ask how much waits, end
 * (flush then close) or destroy (close now). A `net.Socket` / `tls.TLSSocket` satisfies it as it is — the TCP hot
 * path calls the socket directly, with no wrapper and no extra allocation — and `WsTransport` (ws-transport.ts)
 * adapts a WebSocket to it. The events (data, drain, close, peer end) are wired by whoever accepted the connection
 * (frame-server.ts for TCP/TLS, ws-transport.ts for WebSocket), because their shapes differ.
 */
export interface Transport {
  /** Queues bytes holding one or more complete frames. */
  write(data: Buffer): unknown;
  /** Sends what is queued, then closes (TCP: FIN; WebSocket: close 1000). */
  end(): unknown;
  /** Closes at once (TCP: destroy; WebSocket: the close code chosen for the reason, else terminate). */
  destroy(): unknown;
  /** Bytes waiting in user space for this connection (TCP: writableLength; WebSocket: bufferedAmount). */
  readonly writableLength: number;
  /** True once nothing can be written any more. */
  readonly destroyed: boolean;
  readonly remoteAddress?: string | undefined;
  readonly remotePort?: number | undefined;
}

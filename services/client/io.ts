/**
 * What the session needs from its platform, so the session itself stays browser-safe: open a frame connection
 * (TCP/TLS in Node, WebSocket anywhere) and GET a URL. `browser-io.ts` builds it from `fetch` + the global WebSocket;
 * `node-io.ts` from node:net/node:tls/node:http and the `ws` package (reached only through a dynamic import).
 */
export interface Conn {
  /** Writes one or more whole frames (over WebSocket: one binary message). False when the connection is closed. */
  send(frames: Uint8Array): boolean;
  /** Graceful close (TCP FIN after pending writes / WebSocket close 1000). */
  close(): void;
  /** Abrupt close (socket destroyed / WebSocket terminated). */
  destroy(): void;
  /** Set by the owner: every complete frame, body valid only during the call. */
  onFrame: (msgId: number, body: Uint8Array) => void;
  /** Set by the owner: called once when the connection is gone (`err` set on an error or a framing violation). */
  onClose: (err?: Error) => void;
}

/** TLS in Node: true (system roots) or the node:tls options a test or an operator passes; in a browser only a boolean. */
export interface NodeTlsOptions {
  ca?: string | Uint8Array | (string | Uint8Array)[];
  servername?: string;
  rejectUnauthorized?: boolean;
}

export interface DialOptions {
  transport: 'tcp' | 'ws';
  host: string;
  port: number;
  tls: boolean | NodeTlsOptions;
  timeoutMs: number;
}

export interface HttpAnswer {
  status: number;
  /** The Retry-After header as sent (seconds), or null. */
  retryAfter: string | null;
  text: string;
}

export interface ClientIo {
  dial(o: DialOptions): Promise<Conn>;
  /** GET `url`, one request; rejects on a network error or after `timeoutMs` (a TimeoutError). */
  httpGet(url: string, timeoutMs: number): Promise<HttpAnswer>;
  /** Resolves a `proto` option that is not a Root or a JSON descriptor (Node: a .proto path or file: URL). */
  loadProto?(source: string | URL): Promise<unknown>;
}

/**
 * The WebSocket listener of a login or game pod (`WS_PORT`): a plain Node http server — https with the pod's TLS
 * files (`wss`, reloaded when they change) — whose upgrades on path `/` are completed by `ws` (noServer mode: no
 * extra layers, no client tracking, no compression). The connection budgets apply at the TCP accept, before the TLS
 * handshake and the HTTP upgrade (accept-budget.ts: a refused socket is closed before it costs a handshake), other
 * paths get 404, plain HTTP requests 426, an upgrade whose `Origin` is not in WS_ALLOWED_ORIGINS 403 (requests
 * without `Origin`, native clients, pass). Slow handshakes are bounded by AUTH_TIMEOUT_MS like a TCP connection's
 * first frame. What happens after the upgrade is FrameServer's.
 */
import { createServer as createHttpServer, type IncomingMessage, type Server as HttpServer } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import type { AddressInfo, Socket } from 'node:net';
import type { Duplex } from 'node:stream';
import { WebSocketServer, type WebSocket } from 'ws';
import { WS_MAX_FRAGMENTS } from '../protocol/wire.js';
import type { AcceptBudget } from './accept-budget.js';
import type { TlsFiles } from './tls-files.js';

export interface WsListenerOptions {
  tls?: TlsFiles | undefined;
  /** A handshake (TLS + HTTP upgrade) must be done within this (AUTH_TIMEOUT_MS). */
  handshakeTimeoutMs: number;
  /** The process's connection budgets, shared with the TCP listener: checked at accept. */
  budget: AcceptBudget;
  /** WS_MAX_MESSAGE_BYTES (`ws`'s maxPayload; WsInbound refuses a bigger message first). */
  maxMessageBytes: number;
  /** WS_ALLOWED_ORIGINS: the exact origins whose browsers may upgrade; undefined = any. */
  allowedOrigins?: readonly string[] | undefined;
  /** An upgrade refused for its Origin (answered 403). */
  onOriginRefused(origin: string, ip: string): void;
  /** A failed TLS handshake (counted as refused `tls`). */
  onTlsError(err: Error, socket: Socket): void;
  /** An upgraded connection: the FrameServer takes it from here. */
  onConnection(ws: WebSocket, raw: Socket): void;
  onError(err: Error): void;
}

const STATUS_LINE: Record<number, string> = { 403: 'Forbidden', 404: 'Not Found' };

/** The handshake deadline of each connection not yet upgraded. */
const handshakeDeadlines = new WeakMap<Socket, NodeJS.Timeout>();

export class WsListener {
  readonly server: HttpServer;
  private readonly wss: WebSocketServer;
  private readonly origins: ReadonlySet<string> | undefined;

  constructor(o: WsListenerOptions) {
    this.wss = new WebSocketServer({ noServer: true, maxPayload: o.maxMessageBytes, maxFragments: WS_MAX_FRAGMENTS, perMessageDeflate: false, clientTracking: false, skipUTF8Validation: true });
    this.origins = o.allowedOrigins ? new Set(o.allowedOrigins) : undefined;
    const timeouts = { headersTimeout: o.handshakeTimeoutMs, requestTimeout: o.handshakeTimeoutMs + 1000, keepAliveTimeout: 1000, connectionsCheckingInterval: Math.min(30_000, Math.max(100, Math.floor(o.handshakeTimeoutMs / 4))) };
    const tls = o.tls;
    if (tls) {
      const server = createHttpsServer({ ...tls.current(), ...timeouts, minVersion: 'TLSv1.2', handshakeTimeout: o.handshakeTimeoutMs });
      server.on('tlsClientError', (err, socket) => {
        socket.destroy();
        o.onTlsError(err, socket);
      });
      tls.onChange((pair) => server.setSecureContext({ ...pair, minVersion: 'TLSv1.2' }));
      this.server = server;
    } else this.server = createHttpServer(timeouts);
    // A connection must complete its upgrade within the handshake budget, however it sends (nothing, or a byte at a
    // time): an absolute deadline, not an idle timeout (which a dribbling peer resets) nor only Node's headersTimeout
    // (checked on an interval, by the HTTP parser's clock). The upgrade clears it. With TLS it starts after the TLS
    // handshake, which has its own bound (handshakeTimeout).
    const bound = (socket: Socket) => {
      const timer = setTimeout(() => socket.destroy(), o.handshakeTimeoutMs);
      timer.unref();
      handshakeDeadlines.set(socket, timer);
      socket.once('close', () => clearTimeout(timer));
    };
    this.server.on(tls ? 'secureConnection' : 'connection', bound);
    // Last, so it runs before every 'connection' listener above and inside Node (TLS handshake, HTTP parser).
    o.budget.guard(this.server);
    this.server.on('request', (_req, res) => {
      res.writeHead(426, { 'content-type': 'text/plain', upgrade: 'websocket', connection: 'close' }).end('WebSocket only (GET / with Upgrade: websocket)\n');
    });
    this.server.on('upgrade', (req: IncomingMessage, socket: Duplex, head: Buffer) => this.upgrade(o, req, socket as Socket, head));
    this.server.on('error', (err) => o.onError(err));
  }

  private upgrade(o: WsListenerOptions, req: IncomingMessage, socket: Socket, head: Buffer): void {
    socket.on('error', () => undefined); // a reset during the handshake is the peer's doing; ws adds its own after
    clearTimeout(handshakeDeadlines.get(socket));
    const q = req.url?.indexOf('?') ?? -1;
    const path = q < 0 ? req.url : req.url!.slice(0, q);
    if (path !== '/') return reject(socket, 404);
    const origin = req.headers.origin;
    if (origin !== undefined && this.origins && !this.origins.has(origin)) {
      o.onOriginRefused(origin, socket.remoteAddress ?? '');
      return reject(socket, 403);
    }
    socket.setNoDelay(true);
    this.wss.handleUpgrade(req, socket, head, (ws) => o.onConnection(ws, socket));
  }

  listen(port: number, host: string): Promise<number> {
    return new Promise((resolve, reject) => {
      this.server.once('error', reject);
      this.server.listen({ port, host, backlog: 4096 }, () => {
        this.server.off('error', reject);
        resolve((this.server.address() as AddressInfo).port);
      });
    });
  }

  get listening(): boolean {
    return this.server.listening;
  }

  /** Stops listening; upgraded connections stay (they belong to the FrameServer). */
  stop(): Promise<void> {
    return new Promise((resolve) => {
      if (!this.server.listening) return resolve();
      this.server.close(() => resolve());
      this.server.closeIdleConnections();
      // close() waits for every connection, upgraded ones included; resolve once the listener itself is gone.
      setImmediate(resolve);
    });
  }
}

function reject(socket: Socket, status: number): void {
  socket.end(`HTTP/1.1 ${status} ${STATUS_LINE[status]}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
  setTimeout(() => socket.destroy(), 1000).unref();
}

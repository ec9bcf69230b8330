/**
 * The client server of login and game: accepts connections — TCP (or TLS) on PORT and, with `listenWs`, WebSocket on
 * WS_PORT (ws-listener.ts, ws-transport.ts: one Connection logic for both) — decodes frames, enforces the protocol's limits and order,
 * and dispatches each message to the handler registered for its msg id. Handlers get a `Conn`, never a socket.
 * Sending to a player goes by identity (`send(identity, …)`): delivered only if a live connection still carries
 * both keys, else dropped and counted in gamecluster_frames_dropped_stale_total.
 * A bad frame closes that one connection (logged once at warn with its identity, counted by reason; the lines are
 * rate-limited per reason). Budgets (protocol.md "Resource budgets"): connections per server and per client address
 * are refused at the TCP accept of every listener, before a TLS handshake or WebSocket upgrade (accept-budget.ts);
 * bytes queued to slow readers are counted pod-wide and the heaviest are closed first.
 */
import { createServer, type Server, type Socket } from 'node:net';
import { createServer as createTlsServer } from 'node:tls';
import type { AddressInfo } from 'node:net';
import type { Logger } from 'pino';
import { acceptsFromClient, messageSpec, type MessageById } from '../protocol/messages.js';
import { CloseReason, KickReason, RefuseReason } from '../protocol/wire.js';
import { AcceptBudget, type AcceptSlot } from './accept-budget.js';
import { Connection, type Conn, type ConnectionHooks, type EndReason } from './connection.js';
import { decodeAt, FrameDecoder, type MessageDecoder } from './frame-codec.js';
import { nextSocketKey, type Identity, type NetType, type ObjectKey, type SocketKey } from './identity.js';
import { defaultLimits, type ConnectionLimits } from './limits.js';
import { LogLimiter } from './log-limiter.js';
import type { TlsFiles } from './tls-files.js';
import { SocketCounters, type SocketMetrics, type Tally } from './socket-metrics.js';
import type { Transport } from './transport.js';
import type { WebSocket } from 'ws';
import { WsListener } from './ws-listener.js';
import { serveWebSocket, WsTransport } from './ws-transport.js';

export type Role = 'login' | 'game';

export type Handler<K extends keyof MessageById, D> = (conn: Conn<D>, message: MessageById[K]) => void | Promise<void>;

/**
 * A handler that works on the body bytes as received, `buf[start, end)` (valid only until it returns): no decode
 * unless it decides to (a bad body is its `conn.violation(bad_body)`), e.g. the echo answering with the same bytes.
 */
export type BodyHandler<D> = (conn: Conn<D>, buf: Buffer, start: number, end: number) => void | Promise<void>;

interface Route<D> {
  /** The handler runs only once the connection is authenticated; before that the frame is `out_of_order`. */
  readonly requiresAuth: boolean;
  readonly fn: Handler<any, D> | undefined;
  readonly body: BodyHandler<D> | undefined;
  readonly codec: MessageDecoder<unknown>;
  /** This msg id's frames_received tally (resolved once, not per frame). */
  readonly rx: Tally;
}

/** Per TCP/TLS socket: its frame decoder, which also leads to its connection and server (see `onSocketData`). */
class ConnDecoder<D> extends FrameDecoder {
  constructor(
    readonly conn: Connection<D>,
    readonly server: FrameServer<D>,
  ) {
    super();
  }

  protected override frame(msgId: number, buf: Buffer, start: number, end: number): void {
    this.server.onFrameAt(this.conn, msgId, buf, start, end);
    if (!this.conn.open) this.stop();
  }
}

/**
 * The socket's listeners are the same five functions for every connection (no closures per socket): each finds its
 * connection through the decoder stored on the socket under this symbol.
 */
const kDecoder = Symbol('gamecluster.decoder');
type ServedSocket = Socket & { [kDecoder]: ConnDecoder<any> };

function onSocketData(this: ServedSocket, chunk: Buffer): void {
  const d = this[kDecoder];
  d.server.onChunk(d, chunk);
}
function onSocketDrain(this: ServedSocket): void {
  this[kDecoder].conn.reportQueued();
}
function onSocketError(this: ServedSocket, err: Error): void {
  // Errors (ECONNRESET, EPIPE, ETIMEDOUT) are the peer's doing: 'close' follows and cleans up.
  const d = this[kDecoder];
  d.server.socketError(d.conn, err);
}
function onSocketClose(this: ServedSocket): void {
  this[kDecoder].conn.closed();
}
function onSocketEnd(this: ServedSocket): void {
  this[kDecoder].conn.peerEnd(); // peer half-closed: answer what we owe, then close
}

/**
 * Frames of a range of ids not in the protocol's table (the game module's own messages, 10000–65535): the owner
 * decides which ids it accepts (others are `unknown_msg`) and decodes the body itself (a bad one: `bad_body` through
 * conn.violation). Accepted ids are `out_of_order` before authentication.
 */
export interface RangeRoute<D> {
  min: number;
  max: number;
  accepts(msgId: number): boolean;
  fn(conn: Conn<D>, msgId: number, body: Buffer): void | Promise<void>;
}

export interface FrameServerOptions<D> {
  role: Role;
  logger: Logger;
  metrics: SocketMetrics;
  limits?: Partial<ConnectionLimits>;
  /** Fresh per-connection handler state. */
  initialData: () => D;
  /** Serve the same frames inside TLS (1.2+) with this certificate, reloaded when its files change (and `wss`). */
  tls?: TlsFiles | undefined;
  /** WS_ALLOWED_ORIGINS: browsers of these origins only may open a WebSocket (requests without Origin pass); undefined = any. */
  wsAllowedOrigins?: readonly string[] | undefined;
}

export class FrameServer<D = unknown> implements ConnectionHooks {
  private readonly server: Server;
  /** By msg id (a sparse array: one indexed load per frame, no hashing). */
  private readonly routes: Array<Route<D> | undefined> = [];
  private rangeRoute: RangeRoute<D> | undefined;
  private readonly bySocketKey = new Map<SocketKey, Connection<D>>();
  private readonly byObjectKey = new Map<ObjectKey, Connection<D>>();
  private readonly closeListeners: ((conn: Conn<D>) => void)[] = [];
  private readonly counters: SocketCounters;
  private readonly limits: ConnectionLimits;
  private readonly logger: Logger;
  private sweepTimer: NodeJS.Timeout | undefined;
  private closedResolvers: (() => void)[] = [];
  /** MAX_CONNECTIONS and MAX_CONNECTIONS_PER_IP, counted from the TCP accept of every listener. */
  private readonly budget: AcceptBudget;
  /** Connections with bytes waiting in user space, and their sum (MAX_OUTBOUND_BYTES). */
  private readonly queued = new Set<Connection<D>>();
  private queuedTotal = 0;
  private readonly logLimiter = new LogLimiter(1000);

  constructor(private readonly opts: FrameServerOptions<D>) {
    this.limits = { ...defaultLimits, ...opts.limits };
    this.logger = opts.logger;
    this.counters = new SocketCounters(opts.metrics);
    this.budget = new AcceptBudget(this.limits, (reason, ip) => {
      this.counters.refused(reason);
      this.logLimited(reason, { remote: ip, reason }, 'refusing connection: budget reached');
    });
    // allowHalfOpen: a client that half-closes after its last request still gets the answers owed to it.
    const tls = opts.tls;
    if (tls) {
      // handshakeTimeout = AUTH_TIMEOUT_MS: a handshake that dribbles is a slowloris like any other.
      // Half-open only once the handshake is done: a peer that sends FIN during the handshake is closed at once
      // (it would otherwise hold its place in the budgets until the handshake timeout).
      const server = createTlsServer({ ...tls.current(), minVersion: 'TLSv1.2', allowHalfOpen: false, handshakeTimeout: this.limits.authTimeoutMs }, (socket) => {
        socket.allowHalfOpen = true;
        socket.setNoDelay(true);
        this.accept(socket);
      });
      server.on('tlsClientError', (err, socket) => {
        socket.destroy();
        this.counters.refused(RefuseReason.tls);
        this.logLimited(RefuseReason.tls, { remote: socket.remoteAddress, err: err.message }, 'TLS handshake failed');
      });
      tls.onChange((pair) => server.setSecureContext({ ...pair, minVersion: 'TLSv1.2' }));
      this.server = server;
    } else this.server = createServer({ noDelay: true, allowHalfOpen: true }, (socket) => this.accept(socket));
    // Before the TLS handshake (or the accept) runs: an unfinished handshake holds a place in the budgets.
    this.budget.guard(this.server);
    this.server.on('error', (err) => this.logger.error({ err }, 'listener error'));
  }

  /** Registers the handler of a client → server message. */
  handle<K extends keyof MessageById>(id: K, opts: { requiresAuth: boolean }, fn: Handler<K, D>): this {
    return this.route(id, opts.requiresAuth, fn, undefined);
  }

  /** Registers the handler of a client → server message that reads its body bytes itself (see BodyHandler). */
  handleBody(id: keyof MessageById, opts: { requiresAuth: boolean }, fn: BodyHandler<D>): this {
    return this.route(id, opts.requiresAuth, undefined, fn);
  }

  private route(id: number, requiresAuth: boolean, fn: Handler<any, D> | undefined, body: BodyHandler<D> | undefined): this {
    const spec = messageSpec(id);
    if (!spec || !acceptsFromClient(this.opts.role, id)) throw new RangeError(`msg ${id} is not client → ${this.opts.role}`);
    this.routes[id] = { requiresAuth, fn, body, codec: spec.codec, rx: this.counters.receivedTally(id) };
    return this;
  }

  /** Registers the owner of the ids outside the protocol's table (see RangeRoute). */
  handleRange(route: RangeRoute<D>): this {
    this.rangeRoute = route;
    return this;
  }

  /** Sends an already-framed message by identity (one encode for many recipients); stale rule as send. */
  sendFrame(identity: Identity, msgId: number, frame: Buffer): boolean {
    const conn = this.bySocketKey.get(identity.socketKey);
    if (!conn || conn.objectKey !== identity.objectKey || !conn.open) {
      this.counters.droppedStale.inc();
      return false;
    }
    return conn.writeEncoded(msgId, frame);
  }

  /** Runs when any connection has closed (after it left the indexes). */
  onClose(fn: (conn: Conn<D>) => void): this {
    this.closeListeners.push(fn);
    return this;
  }

  private listenedOn: { port: number; host: string } | undefined;
  /** The WebSocket listener (WS_PORT), once `listenWs` was called. */
  private ws: WsListener | undefined;
  private wsListenedOn: { port: number; host: string } | undefined;

  /**
   * Serves the same frames over WebSocket (binary messages of whole frames, path `/`; `wss` when the server has TLS
   * files) on `port`, with the same handlers, limits and budgets as the TCP listener. Resolves with the bound port.
   */
  async listenWs(port: number, host: string): Promise<number> {
    this.ws ??= new WsListener({
      tls: this.opts.tls,
      handshakeTimeoutMs: this.limits.authTimeoutMs,
      budget: this.budget,
      maxMessageBytes: this.limits.wsMaxMessageBytes,
      allowedOrigins: this.opts.wsAllowedOrigins,
      onOriginRefused: (origin, ip) => {
        this.counters.refused(RefuseReason.origin);
        this.logLimited(RefuseReason.origin, { remote: ip, origin: origin.slice(0, 200), transport: 'ws' }, 'refusing WebSocket upgrade: Origin not allowed');
      },
      onTlsError: (err, socket) => {
        this.counters.refused(RefuseReason.tls);
        this.logLimited(RefuseReason.tls, { remote: socket.remoteAddress, err: err.message, transport: 'ws' }, 'TLS handshake failed');
      },
      onConnection: (ws, raw) => this.acceptWs(ws, raw),
      onError: (err) => this.logger.error({ err }, 'websocket listener error'),
    });
    const bound = await this.ws.listen(port, host);
    this.wsListenedOn = { port: bound, host };
    return bound;
  }

  /** The bound WebSocket port (0: no WebSocket listener). */
  get wsPort(): number {
    return this.wsListenedOn?.port ?? 0;
  }

  listen(port: number, host: string): Promise<number> {
    return new Promise((resolve, reject) => {
      this.server.once('error', reject);
      this.server.listen({ port, host, backlog: 4096 }, () => {
        this.server.off('error', reject);
        this.listenedOn = { port: (this.server.address() as AddressInfo).port, host };
        if (this.sweepTimer) clearInterval(this.sweepTimer);
        const every = Math.min(1000, Math.max(20, Math.floor(Math.min(this.limits.authTimeoutMs, this.limits.idleTimeoutMs, this.limits.frameTimeoutMs) / 10)));
        this.sweepTimer = setInterval(() => this.sweep(Date.now()), every);
        this.sweepTimer.unref();
        resolve((this.server.address() as AddressInfo).port);
      });
    });
  }

  /** Sends to a player by identity; false (and counted as stale) when no live connection carries both keys. */
  send<K extends keyof MessageById>(identity: Identity, id: K, message: MessageById[K]): boolean {
    const conn = this.bySocketKey.get(identity.socketKey);
    if (!conn || conn.objectKey !== identity.objectKey || !conn.open) {
      this.counters.droppedStale.inc();
      return false;
    }
    return conn.send(id, message);
  }

  /** Kicks a player by identity (same staleness rule as send). */
  kick(identity: Identity, reason: KickReason): boolean {
    const conn = this.bySocketKey.get(identity.socketKey);
    if (!conn || conn.objectKey !== identity.objectKey || !conn.open) {
      this.counters.droppedStale.inc();
      return false;
    }
    conn.kick(reason);
    return true;
  }

  /** Closes a player's connection at once, by identity (e.g. `handler_error` from outside a frame); false if stale. */
  drop(identity: Identity, reason: EndReason): boolean {
    const conn = this.bySocketKey.get(identity.socketKey);
    if (!conn || conn.objectKey !== identity.objectKey || !conn.open) return false;
    conn.destroy(reason);
    return true;
  }

  /** The live connection authenticated as `objectKey`, if any. */
  findByObjectKey(objectKey: ObjectKey): Conn<D> | undefined {
    return this.byObjectKey.get(objectKey);
  }

  /** Number of open connections. */
  get size(): number {
    return this.bySocketKey.size;
  }

  /** Number of authenticated connections. */
  get authenticated(): number {
    return this.byObjectKey.size;
  }

  connections(): IterableIterator<Conn<D>> {
    return this.bySocketKey.values();
  }

  /** Stops accepting new connections (TCP and WebSocket); existing ones stay. */
  async stopAccepting(): Promise<void> {
    await Promise.all([
      new Promise<void>((resolve) => {
        if (!this.server.listening) return resolve();
        this.server.close(() => resolve());
        // server.close waits for every connection; resolve once the listener itself is gone.
        setImmediate(resolve);
      }),
      this.ws?.stop(),
    ]);
  }

  /** Listens again on the ports and host of the last listens (a pod undrained after its drain deadline). */
  async resumeAccepting(): Promise<void> {
    if (!this.server.listening && this.listenedOn) await this.listen(this.listenedOn.port, this.listenedOn.host);
    if (this.ws && !this.ws.listening && this.wsListenedOn) await this.ws.listen(this.wsListenedOn.port, this.wsListenedOn.host);
  }

  /** Kicks every connection with `reason` (drain timeout) and resolves when all have closed or `waitMs` passed. */
  async kickAll(reason: KickReason, waitMs = 3000): Promise<void> {
    for (const c of [...this.bySocketKey.values()]) c.kick(reason);
    await this.whenEmpty(waitMs);
  }

  /** Destroys every connection and the listener. */
  async close(): Promise<void> {
    if (this.sweepTimer) clearInterval(this.sweepTimer);
    this.opts.tls?.close();
    await this.stopAccepting();
    for (const c of [...this.bySocketKey.values()]) c.destroy('server');
    await this.whenEmpty(2000);
  }

  /** Resolves when no connection is open (or after `waitMs`). */
  whenEmpty(waitMs: number): Promise<void> {
    if (this.bySocketKey.size === 0) return Promise.resolve();
    return new Promise((resolve) => {
      const t = setTimeout(resolve, waitMs);
      t.unref();
      this.closedResolvers.push(() => (clearTimeout(t), resolve()));
    });
  }

  private logLimited(key: string, fields: Record<string, unknown>, msg: string, level: 'warn' | 'error' = 'warn'): void {
    const suppressed = this.logLimiter.allow(key, Date.now());
    if (suppressed === undefined) return;
    this.logger[level](suppressed > 0 ? { ...fields, suppressed } : fields, msg);
  }

  /** The address key (IPv4, or IPv6 /64) a connection was counted under at accept; undefined if it was not. */
  addressKeyOf(conn: Conn<D>): string | undefined {
    return (conn as Connection<D>).slot?.key;
  }

  /** Open sockets (handshakes included, every listener) of the address key `key` (see addressKeyOf, address-key.ts). */
  openFrom(key: string): number {
    return this.budget.openFrom(key);
  }

  /** A new connection, already counted in the budgets at accept: identity, indexes and counts (both transports). */
  private register(transport: Transport, net: NetType, slot: AcceptSlot | undefined): Connection<D> {
    const conn = new Connection<D>(nextSocketKey(net), transport, this, this.limits.maxWriteBuffer, this.limits.maxFramesPerSec, this.opts.initialData(), Date.now());
    conn.slot = slot;
    this.bySocketKey.set(conn.socketKey, conn);
    this.counters.connections.inc();
    return conn;
  }

  /** An upgraded WebSocket (ws-listener.ts): its socket was counted at accept; served from here. */
  private acceptWs(ws: WebSocket, raw: Socket): void {
    const transport = new WsTransport(ws, raw, this.limits.wsMaxMessageBytes);
    const conn = this.register(transport, 'ws', this.budget.slotOf(raw));
    const served = serveWebSocket(
      conn,
      ws,
      transport,
      raw,
      {
        onFrame: (c, msgId, body) => this.onFrame(c as Connection<D>, msgId, body),
        onWsError: (c, err) => this.logLimited(`ws:${err.code ?? 'error'}`, { socketKey: c.socketKey, objectKey: c.objectKey, remote: c.remote, err: err.message, code: err.code }, 'closing connection: websocket protocol error'),
        onDebug: (c, err) => this.logger.debug({ socketKey: c.socketKey, err: err.message }, 'websocket error'),
      },
      this.limits.wsMaxMessageBytes,
    );
    if (!served) {
      // Unbounded input is not served (the `ws` package's internals changed under us): fail closed, loudly.
      this.logLimited('ws:internals', { remote: conn.remote }, 'closing connection: cannot bound WebSocket input (unexpected ws version)', 'error');
      ws.terminate();
      raw.destroy();
      conn.closed();
    }
  }

  /** A TCP connection (or a TLS one, its handshake done) inside the budgets (checked at accept by `budget.guard`). */
  private accept(socket: Socket): void {
    const conn = this.register(socket, 'tcp', this.budget.slotOf(socket));
    (socket as ServedSocket)[kDecoder] = new ConnDecoder(conn, this);
    socket.on('data', onSocketData);
    socket.on('drain', onSocketDrain);
    socket.on('error', onSocketError);
    socket.on('close', onSocketClose);
    socket.on('end', onSocketEnd);
  }

  /** One chunk read from a TCP/TLS socket. */
  onChunk(decoder: ConnDecoder<D>, chunk: Buffer): void {
    const conn = decoder.conn;
    if (!conn.open) return;
    conn.chunkAt = Date.now();
    // Replies sent while this chunk's frames are handled leave together in one write (Connection.flush).
    conn.beginBatch(chunk);
    if (!decoder.push(chunk)) conn.violation(CloseReason.short_frame);
    conn.flush();
    // slow_frame: the clock of a started frame runs from the chunk that started it (a frame completed in this
    // chunk restarts it for the next one).
    if (decoder.buffered === 0) conn.frameStartedAt = 0;
    else if (conn.frameStartedAt === 0 || conn.lastRecvAt === conn.chunkAt) conn.frameStartedAt = conn.chunkAt;
  }

  socketError(conn: Connection<D>, err: Error): void {
    this.logger.debug({ socketKey: conn.socketKey, err: err.message }, 'socket error');
  }

  /** One frame whose body is a view (WebSocket messages). */
  onFrame(conn: Connection<D>, msgId: number, body: Buffer): void {
    this.onFrameAt(conn, msgId, body, 0, body.length);
  }

  /** One frame, its body at `buf[start, end)`: read in place, no view per frame (the TCP decoder's path). */
  onFrameAt(conn: Connection<D>, msgId: number, buf: Buffer, start: number, end: number): void {
    // Idle counts complete frames, not bytes: a peer dribbling a frame that never completes is idle.
    conn.lastRecvAt = conn.chunkAt;
    if (!conn.admitFrame(conn.chunkAt)) return conn.violation(CloseReason.rate, KickReason.PROTOCOL_ERROR);
    const route = this.routes[msgId];
    if (route === undefined) {
      const rr = this.rangeRoute;
      if (rr && msgId >= rr.min && msgId <= rr.max && rr.accepts(msgId)) {
        if (conn.state !== 'online') return conn.violation(CloseReason.out_of_order, KickReason.PROTOCOL_ERROR);
        try {
          return this.settle(conn, msgId, rr.fn(conn, msgId, start === 0 && end === buf.length ? buf : buf.subarray(start, end)));
        } catch (err) {
          return this.handlerFailed(conn, msgId, err);
        }
      }
      return conn.violation(CloseReason.unknown_msg, KickReason.PROTOCOL_ERROR);
    }
    route.rx.n++;
    if (route.requiresAuth && conn.state !== 'online') return conn.violation(CloseReason.out_of_order, KickReason.PROTOCOL_ERROR);
    if (route.body !== undefined) {
      try {
        return this.settle(conn, msgId, route.body(conn, buf, start, end));
      } catch (err) {
        return this.handlerFailed(conn, msgId, err);
      }
    }
    let message: unknown;
    try {
      message = decodeAt(route.codec, buf, start, end);
    } catch {
      return conn.violation(CloseReason.bad_body, KickReason.PROTOCOL_ERROR);
    }
    try {
      this.settle(conn, msgId, route.fn!(conn, message as never));
    } catch (err) {
      this.handlerFailed(conn, msgId, err);
    }
  }

  /**
   * A handler that returned a promise: a rejection closes that connection (`handler_error`, logged once). Any other
   * value (a game module's `onMessage` may return what its last call returned, e.g. `p.send`'s boolean) is ignored.
   */
  private settle(conn: Connection<D>, msgId: number, r: void | Promise<void>): void {
    if (!r || typeof (r as { then?: unknown }).then !== 'function') return;
    conn.inFlight++;
    r.then(
      () => conn.handlerSettled(),
      (err: unknown) => {
        this.handlerFailed(conn, msgId, err);
        conn.handlerSettled();
      },
    );
  }

  private handlerFailed(conn: Connection<D>, msgId: number, err: unknown): void {
    // Rate-limited per msg id like violations: a handler that fails for every client must not log a stack each.
    this.logLimited(`handler_error:${msgId}`, { err, socketKey: conn.socketKey, objectKey: conn.objectKey, msgId }, 'handler failed: closing the connection', 'error');
    conn.destroy('handler_error');
  }

  onSent(msgId: number): void {
    this.counters.frameSent(msgId);
  }

  onAuthenticated(conn: Connection<D>, previous: ObjectKey | undefined): void {
    if (previous !== undefined && this.byObjectKey.get(previous) === conn) this.byObjectKey.delete(previous);
    this.byObjectKey.set(conn.objectKey!, conn);
  }

  onViolation(conn: Connection<D>, reason: CloseReason): void {
    this.counters.rejected(reason);
    this.logLimited(reason, { socketKey: conn.socketKey, objectKey: conn.objectKey, remote: conn.remote, reason }, 'closing connection: protocol violation');
  }

  onQueued(conn: Connection<D>, bytes: number): void {
    this.queuedTotal += bytes - conn.queuedSeen;
    conn.queuedSeen = bytes;
    if (bytes > 0) this.queued.add(conn);
    else this.queued.delete(conn);
    const max = this.limits.maxOutboundBytes;
    if (max > 0 && this.queuedTotal > max) this.shedOutbound(max);
    this.counters.outbound.set(this.queuedTotal);
  }

  /** Over the pod-wide outbound budget: recount exactly, then close the connections holding the most until it fits. */
  private shedOutbound(max: number): void {
    let total = 0;
    for (const c of this.queued) total += c.queuedSeen = c.queuedBytes;
    this.queuedTotal = total;
    if (total <= max) return;
    const heaviest = [...this.queued].sort((a, b) => b.queuedSeen - a.queuedSeen);
    for (const c of heaviest) {
      if (this.queuedTotal <= max) break;
      this.forgetQueued(c);
      c.violation(CloseReason.slow_reader);
    }
  }

  private forgetQueued(conn: Connection<D>): void {
    if (conn.queuedSeen === 0) return;
    this.queuedTotal -= conn.queuedSeen;
    conn.queuedSeen = 0;
    this.queued.delete(conn);
    this.counters.outbound.set(this.queuedTotal);
  }

  onClosed(conn: Connection<D>): void {
    this.forgetQueued(conn);
    // Its place in the budgets goes now (its raw socket may close a moment later): close listeners that count an
    // address's open connections (resume's hoarding rule) see this one gone.
    this.budget.release(conn.slot);
    this.bySocketKey.delete(conn.socketKey);
    if (conn.objectKey !== undefined && this.byObjectKey.get(conn.objectKey) === conn) this.byObjectKey.delete(conn.objectKey);
    this.counters.connections.dec();
    for (const fn of this.closeListeners) {
      try {
        fn(conn);
      } catch (err) {
        this.logLimited('close_listener', { err, socketKey: conn.socketKey }, 'close listener failed', 'error');
      }
    }
    if (this.bySocketKey.size === 0) {
      const rs = this.closedResolvers;
      this.closedResolvers = [];
      for (const r of rs) r();
    }
  }

  /** Closes connections past their auth deadline or idle limit. One pass per tick instead of timers per socket. */
  private sweep(now: number): void {
    const { authTimeoutMs, idleTimeoutMs, frameTimeoutMs } = this.limits;
    for (const c of this.bySocketKey.values()) {
      if (!c.open) continue;
      if (c.state === 'authenticating' && now - c.connectedAt >= authTimeoutMs) c.violation(CloseReason.auth_timeout, KickReason.IDLE);
      else if (c.frameStartedAt > 0 && now - c.frameStartedAt >= frameTimeoutMs) c.violation(CloseReason.slow_frame);
      else if (now - c.lastRecvAt >= idleTimeoutMs) c.violation(CloseReason.idle, KickReason.IDLE);
    }
  }
}

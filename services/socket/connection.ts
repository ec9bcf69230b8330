/**
 * One client connection: its identity (SocketKey, ObjectKey once authenticated), its explicit state, its limits and
 * its outgoing frames. Handlers see it only through the `Conn` interface, never the transport (a TCP/TLS socket or a
 * WebSocket, transport.ts: the same logic serves both). Outgoing bytes are
 * bounded: more than `maxWriteBuffer` queued closes it as a slow reader. Socket errors (RST, EPIPE, half-open) end
 * here: they close this connection and are never thrown.
 */
import { messageSpec, type MessageById } from '../protocol/messages.js';
import { CloseReason, KickReason, MsgId } from '../protocol/wire.js';
import { batchBody, batchBytes, batchFromChunk, batchFrame, batchMessage, dropBatch, encodeFrame, encodeFrameAt, encodeMessageFrame, takeBatch } from './frame-codec.js';
import type { Identity, NetType, ObjectKey, SocketKey } from './identity.js';
import type { AcceptSlot } from './accept-budget.js';
import type { Transport } from './transport.js';

export type ConnState = 'connecting' | 'authenticating' | 'online' | 'closing' | 'closed';

/**
 * Why a connection ended: a protocol violation/limit, a kick we sent, the peer, or the server shutting down.
 * `ws_error`: the WebSocket layer closed it (a malformed WebSocket frame → 1002; a message over WS_MAX_MESSAGE_BYTES is
 * refused before `ws` sees it, as the violation `ws_too_big`).
 */
export type EndReason = CloseReason | 'kicked' | 'peer' | 'server' | 'handler_error' | 'ws_error';

/** What handlers may do with a connection. */
export interface Conn<D = unknown> {
  readonly socketKey: SocketKey;
  readonly objectKey: ObjectKey | undefined;
  readonly state: ConnState;
  readonly remote: string;
  /** How the client is connected: `tcp` (TCP or TLS) or `ws` (WebSocket, ws or wss). */
  readonly net: NetType;
  /** Per-connection handler state (e.g. failed account checks). */
  data: D;
  /** The pair to address this player by, once authenticated. */
  identity(): Identity | undefined;
  /** Marks the connection authenticated as `objectKey` (state → online). */
  authenticate(objectKey: ObjectKey): void;
  send<K extends keyof MessageById>(id: K, message: MessageById[K]): boolean;
  /**
   * Sends a frame of msg `id` whose body is the bytes `buf[start, end)`, already encoded (e.g. an echo answering
   * with the body it received: no decode, no encode). The bytes are copied before this returns.
   */
  sendBody(id: number, buf: Buffer, start: number, end: number): boolean;
  /** Sends `S2C_Kick{reason}` and closes once it is flushed. */
  kick(reason: KickReason): void;
  /** Closes after everything queued is flushed (e.g. login after L2C_EnterGameRs). */
  end(): void;
  /** Closes for a limit a handler enforces (e.g. `token_failures`): counted and logged like any violation. */
  violation(reason: CloseReason, kick?: KickReason): void;
}

/** Callbacks from a connection to its server (metrics, indexes, handlers). */
export interface ConnectionHooks {
  onFrame(conn: Connection, msgId: number, body: Buffer): void;
  onSent(msgId: number): void;
  onAuthenticated(conn: Connection, previous: ObjectKey | undefined): void;
  onViolation(conn: Connection, reason: CloseReason): void;
  onClosed(conn: Connection): void;
  /** Bytes waiting in this connection's socket after a write or a drain (the pod-wide outbound budget). */
  onQueued(conn: Connection, queuedBytes: number): void;
}

const KICK_FLUSH_MS = 2_000;

/**
 * The connection whose received chunk is being handled: its sends go into the process's one batch writer
 * (frame-codec.ts) and leave as one write in `flush`. At most one at a time, since a chunk is handled synchronously.
 */
let batchOwner: Connection<any> | undefined;

export class Connection<D = unknown> implements Conn<D> {
  state: ConnState = 'authenticating';
  objectKey: ObjectKey | undefined;
  data: D;
  readonly connectedAt: number;
  /** When the last complete frame arrived (the idle limit). */
  lastRecvAt: number;
  /** When the chunk being decoded arrived (one clock read per chunk, not per frame). */
  chunkAt = 0;
  endReason: EndReason | undefined;
  /** When the frame being reassembled got its first byte (0: none started) — the `slow_frame` limit. */
  frameStartedAt = 0;
  /** Bytes this connection last reported queued to the server's outbound budget (0: not counted there). */
  queuedSeen = 0;
  /** Its place in MAX_CONNECTIONS / MAX_CONNECTIONS_PER_IP, taken at accept (accept-budget.ts). */
  slot: AcceptSlot | undefined;
  /** The peer half-closed (FIN): answers of handlers still running are sent, then the connection ends. */
  peerEnded = false;
  /** Handlers of this connection that returned a promise not yet settled. */
  inFlight = 0;
  /** What Node held for this socket when its current batch began (see beginBatch). */
  private heldAtBatch = 0;
  /** A violation was already counted and logged: a second one while closing (e.g. the kick overflowing) is not. */
  private violated = false;
  /** Frames received in the current one-second window (rate limit). */
  private rateWindow = 0;
  private rateCount = 0;

  constructor(
    readonly socketKey: SocketKey,
    private readonly socket: Transport,
    private readonly hooks: ConnectionHooks,
    private readonly maxWriteBuffer: number,
    private readonly maxFramesPerSec: number,
    initialData: D,
    now: number,
  ) {
    this.data = initialData;
    this.connectedAt = now;
    this.lastRecvAt = now;
  }

  get net(): NetType {
    return this.socketKey.charCodeAt(0) === 119 /* w */ ? 'ws' : 'tcp';
  }

  get remote(): string {
    return `${this.socket.remoteAddress ?? '?'}:${this.socket.remotePort ?? 0}`;
  }

  identity(): Identity | undefined {
    return this.objectKey === undefined ? undefined : { socketKey: this.socketKey, objectKey: this.objectKey };
  }

  get open(): boolean {
    return this.state === 'authenticating' || this.state === 'online' || this.state === 'connecting';
  }

  authenticate(objectKey: ObjectKey): void {
    if (!this.open) return;
    const previous = this.objectKey;
    this.objectKey = objectKey;
    this.state = 'online';
    this.hooks.onAuthenticated(this, previous);
  }

  /** Counts a received frame against the rate limit; false when the limit is exceeded. */
  admitFrame(now: number): boolean {
    const window = Math.floor(now / 1000);
    if (window !== this.rateWindow) {
      this.rateWindow = window;
      this.rateCount = 0;
    }
    return ++this.rateCount <= this.maxFramesPerSec;
  }

  /**
   * While the server handles one received chunk (`beginBatch` … `flush`), frames sent to this connection are encoded
   * into the process's batch writer and leave as ONE buffer in one write when the chunk is done: a write per frame,
   * or a corked writev, costs several times more per frame than the frames themselves. Sends outside a chunk (after
   * an await, or to another connection) write at once.
   */
  beginBatch(chunk?: Buffer): void {
    // Whatever is batched (another connection's, or this one's from an earlier chunk) leaves first, in order.
    if (batchOwner !== undefined) batchOwner.flush();
    batchOwner = this;
    // Nothing is written to this socket while it batches: what Node holds for it is read once per chunk, not per send.
    this.heldAtBatch = this.socket.writableLength;
    // A TCP chunk's echoed frames can be answered in place (frame-codec.ts, "In-place answers").
    batchFromChunk(chunk);
  }

  /** True while this connection's sends are collected in the batch. */
  get batching(): boolean {
    return batchOwner === this;
  }

  send<K extends keyof MessageById>(id: K, message: MessageById[K]): boolean {
    if (!this.open) return false;
    const spec = messageSpec(id);
    if (!spec) throw new RangeError(`unknown msg id ${id}`);
    if (batchOwner === this) {
      batchMessage<MessageById[K]>(id, spec.codec, message);
      return this.batched(id);
    }
    return this.enqueue(id, encodeMessageFrame<MessageById[K]>(id, spec.codec, message));
  }

  sendBody(id: number, buf: Buffer, start: number, end: number): boolean {
    if (!this.open) return false;
    if (batchOwner === this) {
      batchBody(id, buf, start, end);
      return this.batched(id);
    }
    return this.enqueue(id, encodeFrameAt(id, buf, start, end));
  }

  /** Writes an already-encoded body (used for fan-out sends that encode once). */
  writeFrame(id: number, body: Uint8Array): boolean {
    if (!this.open) return false;
    if (batchOwner === this) {
      batchBody(id, body, 0, body.length);
      return this.batched(id);
    }
    return this.enqueue(id, encodeFrame(id, body));
  }

  /** Writes a whole frame encoded once for many connections (a group broadcast); the buffer is never modified. */
  writeEncoded(id: number, frame: Buffer): boolean {
    if (!this.open) return false;
    if (batchOwner === this) {
      batchFrame(frame);
      return this.batched(id);
    }
    return this.enqueue(id, frame);
  }

  private enqueue(id: number, frame: Buffer): boolean {
    this.socket.write(frame);
    this.reportQueued();
    return this.batched(id);
  }

  /** Counts a frame sent and checks the connection's write budget (what waits in the socket plus in the batch). */
  private batched(id: number): boolean {
    this.hooks.onSent(id);
    // Backpressure is bounded per connection: a peer that does not read as fast as it is written to is closed
    // once MAX_WRITE_BUFFER bytes wait, instead of pausing its reads (which would let it hold the slot forever).
    if ((batchOwner === this ? this.heldAtBatch + batchBytes() : this.socket.writableLength) > this.maxWriteBuffer) {
      this.violation(CloseReason.slow_reader);
      return false;
    }
    return true;
  }

  kick(reason: KickReason): void {
    if (!this.open) return;
    this.send(MsgId.S2C_Kick, { reason });
    this.endReason ??= 'kicked';
    this.end();
  }

  /** Writes the frames collected while handling a chunk, as one buffer, and leaves batching mode. */
  flush(): void {
    if (batchOwner !== this) return;
    batchOwner = undefined;
    if (batchBytes() === 0) return batchFromChunk(undefined); // nothing to send: do not keep the chunk
    const buf = takeBatch();
    if (!this.socket.destroyed) {
      this.socket.write(buf);
      this.reportQueued();
    }
  }

  /** Bytes Node holds for this socket (not yet taken by the kernel): nothing for a peer that reads. */
  get queuedBytes(): number {
    return this.socket.writableLength;
  }

  /** Tells the server how much waits in user space, only when something waits or waited (cheap for readers). */
  reportQueued(): void {
    const q = this.socket.writableLength;
    if (q > 0 || this.queuedSeen > 0) this.hooks.onQueued(this, q);
  }

  /** The peer sent FIN: end now, or once the handlers still running have answered (bounded by KICK_FLUSH_MS × 5). */
  peerEnd(): void {
    this.peerEnded = true;
    if (this.inFlight === 0) return this.end();
    setTimeout(() => this.end(), KICK_FLUSH_MS * 5).unref();
  }

  /** A handler that returned a promise has settled. */
  handlerSettled(): void {
    this.inFlight--;
    if (this.peerEnded && this.inFlight === 0) this.end();
  }

  end(): void {
    if (!this.open) return;
    this.state = 'closing';
    this.flush(); // a kick or a last answer queued in this chunk goes out before the FIN
    this.socket.end();
    // A peer that never reads would keep the socket half-closed forever.
    setTimeout(() => this.socket.destroy(), KICK_FLUSH_MS).unref();
  }

  /** Closes for a protocol violation or limit: counted and logged once by the server, kicked when it makes sense. */
  violation(reason: CloseReason, kick?: KickReason): void {
    if (!this.open || this.violated) return;
    this.violated = true;
    this.endReason = reason;
    this.hooks.onViolation(this, reason);
    if (kick !== undefined && reason !== CloseReason.slow_reader) {
      this.send(MsgId.S2C_Kick, { reason: kick });
      this.end();
    } else {
      this.destroy();
    }
  }

  /** Closes at once (server shutdown, framing lost). */
  destroy(reason?: EndReason): void {
    if (this.state === 'closed') return;
    if (reason) this.endReason ??= reason;
    this.state = 'closing';
    if (batchOwner === this) {
      dropBatch();
      batchOwner = undefined;
    }
    this.socket.destroy();
  }

  /** Called by the server on the socket's 'close' event. */
  closed(): void {
    if (this.state === 'closed') return;
    this.state = 'closed';
    this.endReason ??= 'peer';
    this.hooks.onClosed(this);
  }
}

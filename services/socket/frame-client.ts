/**
 * A typed client for the framing (robots and tests): connect, send a message by id, await the next message of an id.
 * Messages that arrive before anyone awaits them are queued in order. `closed` resolves when the connection ends,
 * with the error (if any) so a caller can tell a clean close from a reset.
 */
import { connect, isIP, type Socket } from 'node:net';
import { connect as tlsConnect, type ConnectionOptions } from 'node:tls';
import { decodeBody, encodeBody, type MessageById } from '../protocol/messages.js';
import { GAME_MSG_ID_MIN, MsgId } from '../protocol/wire.js';
import { encodeFrame, FrameDecoder } from './frame-codec.js';

export interface FrameClientConnectOptions {
  localAddress?: string;
  /** TLS options (`ca`, `servername`, `rejectUnauthorized`…); absent = plain TCP. */
  tls?: Pick<ConnectionOptions, 'ca' | 'servername' | 'rejectUnauthorized' | 'minVersion'> | undefined;
}

export class ConnectionClosedError extends Error {
  readonly code = 'CONNECTION_CLOSED';
  constructor(
    message: string,
    readonly kickReason?: number,
  ) {
    super(message);
    this.name = 'ConnectionClosedError';
  }
}

export interface Received {
  msgId: number;
  message: unknown;
}

type Waiter = { id: number; resolve: (m: any) => void; reject: (e: Error) => void; timer: NodeJS.Timeout | undefined };

export class FrameClient {
  readonly closed: Promise<Error | undefined>;
  /** Set when the server sent S2C_Kick. */
  kickReason: number | undefined;
  private readonly queue: Received[] = [];
  private readonly waiters: Waiter[] = [];
  private isClosed = false;
  private closeError: Error | undefined;
  /** Called for every message instead of queueing it, when set (echo loops). */
  onMessage: ((msgId: number, message: unknown) => void) | undefined;

  private constructor(private readonly socket: Socket) {
    const decoder = new FrameDecoder((msgId, body) => {
      let message: unknown;
      try {
        // A game module's own messages (10000+) are handed over as raw bodies: the caller knows their proto.
        message = msgId >= GAME_MSG_ID_MIN ? Buffer.from(body) : decodeBody(msgId as keyof MessageById, body);
      } catch (err) {
        this.socket.destroy(err as Error);
        return;
      }
      if (msgId === MsgId.S2C_Kick) this.kickReason = (message as { reason?: number }).reason ?? 0;
      this.deliver(msgId, message);
    });
    socket.on('data', (chunk: Buffer) => {
      if (!decoder.push(chunk)) socket.destroy(new Error('bad frame from server'));
    });
    this.closed = new Promise((resolve) => {
      socket.on('error', (err) => (this.closeError = err));
      socket.on('close', () => {
        this.isClosed = true;
        const err = new ConnectionClosedError(
          this.kickReason !== undefined ? `kicked (reason ${this.kickReason})` : this.closeError ? `connection error: ${this.closeError.message}` : 'connection closed by server',
          this.kickReason,
        );
        for (const w of this.waiters.splice(0)) {
          if (w.timer) clearTimeout(w.timer);
          w.reject(err);
        }
        resolve(this.closeError);
      });
    });
  }

  /**
   * `localAddress` binds the client side (tests: another loopback address such as 127.0.0.2); `tls` speaks TLS,
   * verifying the server against `ca` (else the system roots) unless `rejectUnauthorized` is false.
   */
  static connect(port: number, host = '127.0.0.1', timeoutMs = 10_000, opts: FrameClientConnectOptions = {}): Promise<FrameClient> {
    return new Promise((resolve, reject) => {
      const local = opts.localAddress ? { localAddress: opts.localAddress } : {};
      const socket = opts.tls
        ? tlsConnect({ port, host, ...local, ...opts.tls, servername: opts.tls.servername ?? (isIP(host) ? undefined : host) })
        : connect({ port, host, noDelay: true, ...local });
      if (opts.tls) socket.setNoDelay(true);
      const t = setTimeout(() => socket.destroy(new Error(`connect to ${host}:${port} timed out`)), timeoutMs);
      socket.once(opts.tls ? 'secureConnect' : 'connect', () => {
        clearTimeout(t);
        socket.off('error', reject);
        resolve(new FrameClient(socket));
      });
      socket.once('error', (err) => {
        clearTimeout(t);
        reject(err);
      });
    });
  }

  get isOpen(): boolean {
    return !this.isClosed;
  }

  send<K extends keyof MessageById>(id: K, message: MessageById[K]): boolean {
    return this.writeRaw(encodeFrame(id, encodeBody(id, message)));
  }

  /** Sends a game module message (id 10000+) whose body the caller encoded with the module's proto. */
  sendGame(id: number, body: Uint8Array): boolean {
    return this.writeRaw(encodeFrame(id, body));
  }

  /** The next game module message with `id` (10000+), as its raw body. */
  nextGame(id: number, timeoutMs = 10_000): Promise<Buffer> {
    return this.next(id as keyof MessageById, timeoutMs) as unknown as Promise<Buffer>;
  }

  /** Writes raw bytes (tests: malformed frames). */
  writeRaw(bytes: Uint8Array): boolean {
    if (this.isClosed) return false;
    return this.socket.write(bytes);
  }

  /** The next message with `id` (earlier messages of other ids stay queued). Rejects on close or timeout. */
  next<K extends keyof MessageById>(id: K, timeoutMs = 10_000): Promise<MessageById[K]> {
    const i = this.queue.findIndex((r) => r.msgId === id);
    if (i >= 0) return Promise.resolve(this.queue.splice(i, 1)[0]!.message as MessageById[K]);
    if (this.isClosed) return Promise.reject(new ConnectionClosedError(this.kickReason !== undefined ? `kicked (reason ${this.kickReason})` : 'connection closed', this.kickReason));
    return new Promise((resolve, reject) => {
      const w: Waiter = { id, resolve, reject, timer: undefined };
      w.timer = setTimeout(() => {
        this.waiters.splice(this.waiters.indexOf(w), 1);
        reject(new Error(`no message ${id} within ${timeoutMs} ms`));
      }, timeoutMs);
      this.waiters.push(w);
    });
  }

  /** Sends `id` and awaits the reply `replyId`. */
  async request<K extends keyof MessageById, R extends keyof MessageById>(id: K, message: MessageById[K], replyId: R, timeoutMs?: number): Promise<MessageById[R]> {
    const p = this.next(replyId, timeoutMs);
    this.send(id, message);
    return p;
  }

  /** Half-closes (FIN) after pending writes. */
  end(): void {
    this.socket.end();
  }

  destroy(): void {
    this.socket.destroy();
  }

  /** Resets the connection (RST) — abrupt-client tests. */
  reset(): void {
    this.socket.resetAndDestroy();
  }

  private deliver(msgId: number, message: unknown): void {
    const i = this.waiters.findIndex((w) => w.id === msgId);
    if (i >= 0) {
      const w = this.waiters.splice(i, 1)[0]!;
      if (w.timer) clearTimeout(w.timer);
      w.resolve(message);
      return;
    }
    if (this.onMessage) this.onMessage(msgId, message);
    else this.queue.push({ msgId, message });
  }
}

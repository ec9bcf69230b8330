/**
 * One frame connection with request/response on top (browser-safe): `send(id, bytes)`, `next(id)` awaits the next
 * frame of an id (bounded), and the frames nobody awaits go to the handler given to `start()`. Until `start()`
 * they are kept in arrival order: a server answers LoginByToken/Resume and sends the module's first messages
 * (onJoin, onResume) in one read, and those frames are delivered synchronously right after the awaited reply,
 * before the caller's continuation can set a handler. Bodies are decoded by the caller, so the same link carries
 * platform messages (generated codecs) and the game module's (protobufjs reflection). Also records a kick (S2C_Kick)
 * so the close that follows it is told apart from a drop.
 */
import { decodeBody } from '../protocol/messages.js';
import { MsgId } from '../protocol/wire.js';
import { encodeFrame } from './codec.js';
import { ClientError, kickReasonName, type ClientStep } from './errors.js';
import type { Conn } from './io.js';

/**
 * Frames kept before `start()`. They only pile up between an awaited reply and the caller's continuation (no I/O in
 * between: at most what one read delivered), so this bound is a safety net against a server flooding a handshake.
 */
export const LINK_BACKLOG_MAX_FRAMES = 4096;

type Waiter = { step: ClientStep; id: number; resolve: (body: Uint8Array) => void; reject: (e: Error) => void; timer: ReturnType<typeof setTimeout> };

export class FrameLink {
  kickReason: number | undefined;
  isOpen = true;
  closeError: Error | undefined;
  readonly closed: Promise<void>;
  /** Frames dropped because the backlog before `start()` was full (LINK_BACKLOG_MAX_FRAMES). */
  backlogDropped = 0;
  /** Frames no `next()` waits for (set by `start()`); the body is a view valid only during the call. */
  private handler: ((msgId: number, body: Uint8Array) => void) | undefined;
  private backlog: [number, Uint8Array][] | undefined = [];
  private readonly waiters: Waiter[] = [];
  private resolveClosed!: () => void;

  constructor(
    private readonly conn: Conn,
    private readonly label: string,
  ) {
    this.closed = new Promise((r) => (this.resolveClosed = r));
    conn.onFrame = (id, body) => this.frame(id, body);
    conn.onClose = (err) => this.gone(err);
  }

  send(msgId: number, body: Uint8Array): boolean {
    return this.isOpen && this.conn.send(encodeFrame(msgId, body));
  }

  /** The body of the next frame `id` (copied: it outlives the read). Rejects on close or after `timeoutMs`. */
  next(step: ClientStep, id: number, timeoutMs: number): Promise<Uint8Array> {
    if (!this.isOpen) return Promise.reject(this.closedError(step));
    return new Promise((resolve, reject) => {
      const w: Waiter = {
        step,
        id,
        resolve,
        reject,
        timer: setTimeout(() => {
          this.waiters.splice(this.waiters.indexOf(w), 1);
          reject(new ClientError(step, 'timeout', `no answer from ${this.label} within ${timeoutMs} ms`));
        }, timeoutMs),
      };
      this.waiters.push(w);
    });
  }

  async request(step: ClientStep, id: number, body: Uint8Array, replyId: number, timeoutMs: number): Promise<Uint8Array> {
    const p = this.next(step, replyId, timeoutMs);
    this.send(id, body);
    return p;
  }

  /** From now on the frames nobody awaits go to `handler`; the ones kept until now are handed over first, in order. */
  start(handler: (msgId: number, body: Uint8Array) => void): void {
    this.handler = handler;
    const kept = this.backlog;
    this.backlog = undefined;
    for (const [id, body] of kept ?? []) handler(id, body);
  }

  close(): void {
    this.conn.close();
  }

  destroy(): void {
    this.conn.destroy();
  }

  closedError(step: ClientStep): ClientError {
    if (this.kickReason !== undefined) {
      const name = kickReasonName(this.kickReason);
      return new ClientError(step, `kicked:${name}`, `kicked by ${this.label} (reason ${name})`, { kickReason: this.kickReason });
    }
    const e = this.closeError as { code?: unknown; message?: string; name?: string } | undefined;
    if (e && typeof e.code === 'string' && /^E[A-Z_]+$/.test(e.code)) return new ClientError(step, e.code, `${this.label} connection error: ${e.message}`);
    if (e?.name === 'TimeoutError') return new ClientError(step, 'timeout', `${this.label}: ${e.message}`);
    return new ClientError(step, 'closed_by_server', e ? `${this.label} connection closed: ${e.message}` : `${this.label} closed the connection`);
  }

  private frame(id: number, body: Uint8Array): void {
    if (id === MsgId.S2C_Kick) {
      try {
        this.kickReason = decodeBody(MsgId.S2C_Kick, body).reason ?? 0;
      } catch {
        this.kickReason = 0;
      }
    }
    const i = this.waiters.findIndex((w) => w.id === id);
    if (i >= 0) {
      const w = this.waiters.splice(i, 1)[0]!;
      clearTimeout(w.timer);
      w.resolve(body.slice());
      return;
    }
    if (this.handler) return this.handler(id, body);
    if (!this.backlog) return;
    if (this.backlog.length >= LINK_BACKLOG_MAX_FRAMES) this.backlogDropped++;
    else this.backlog.push([id, body.slice()]); // the body is a view into the read buffer: copy what outlives the call
  }

  private gone(err?: Error): void {
    if (!this.isOpen) return;
    this.isOpen = false;
    this.closeError = err;
    const e = this.closedError('game');
    for (const w of this.waiters.splice(0)) {
      clearTimeout(w.timer);
      w.reject(new ClientError(w.step, e.code, e.message, e.details));
    }
    this.resolveClosed();
  }
}

/**
 * A minimal frame client over WebSocket for the server tests (the `ws` package): each send is one binary message,
 * every received message is split into its frames and queued by msg id; `closed` resolves with the close code.
 */
import { WebSocket, type ClientOptions } from 'ws';
import { decodeBody, encodeBody, type MessageById } from '../../services/protocol/messages.js';
import { encodeFrame } from '../../services/socket/frame-codec.js';

export class WsFrameClient {
  readonly closed: Promise<{ code: number; reason: string }>;
  /** Every received WebSocket message, as the frames it held (msg ids). */
  readonly messages: number[][] = [];
  private readonly queue: { msgId: number; message: unknown }[] = [];
  private readonly waiters: { id: number; resolve: (m: any) => void; reject: (e: Error) => void }[] = [];
  private isClosed = false;

  private constructor(readonly ws: WebSocket) {
    ws.on('message', (data: Buffer) => {
      const ids: number[] = [];
      for (let off = 0; off + 4 <= data.length; ) {
        const total = data.readUInt16LE(off);
        const msgId = data.readUInt16LE(off + 2);
        ids.push(msgId);
        this.deliver(msgId, decodeBody(msgId as keyof MessageById, data.subarray(off + 4, off + total)));
        off += total;
      }
      this.messages.push(ids);
    });
    this.closed = new Promise((resolve) =>
      ws.on('close', (code, reason) => {
        this.isClosed = true;
        for (const w of this.waiters.splice(0)) w.reject(new Error(`closed (${code}) while waiting for ${w.id}`));
        resolve({ code, reason: reason.toString() });
      }),
    );
    ws.on('error', () => undefined);
  }

  static connect(url: string, opts: ClientOptions = {}): Promise<WsFrameClient> {
    return new Promise((resolve, reject) => {
      const ws = new WebSocket(url, { ...opts, perMessageDeflate: false });
      ws.once('open', () => resolve(new WsFrameClient(ws)));
      ws.once('error', reject);
      ws.once('unexpected-response', (_req, res) => reject(new Error(`HTTP ${res.statusCode}`)));
    });
  }

  static frame<K extends keyof MessageById>(id: K, message: MessageById[K]): Buffer {
    return encodeFrame(id, encodeBody(id, message));
  }

  send<K extends keyof MessageById>(id: K, message: MessageById[K]): void {
    this.ws.send(WsFrameClient.frame(id, message));
  }

  sendRaw(data: Buffer | string): void {
    this.ws.send(data);
  }

  next<K extends keyof MessageById>(id: K, timeoutMs = 5000): Promise<MessageById[K]> {
    const i = this.queue.findIndex((q) => q.msgId === id);
    if (i >= 0) return Promise.resolve(this.queue.splice(i, 1)[0]!.message as MessageById[K]);
    if (this.isClosed) return Promise.reject(new Error(`closed while waiting for ${id}`));
    return new Promise((resolve, reject) => {
      const w = { id, resolve, reject };
      this.waiters.push(w);
      setTimeout(() => {
        const j = this.waiters.indexOf(w);
        if (j >= 0) this.waiters.splice(j, 1), reject(new Error(`timeout waiting for ${id}`));
      }, timeoutMs).unref();
    });
  }

  request<K extends keyof MessageById, R extends keyof MessageById>(id: K, message: MessageById[K], replyId: R): Promise<MessageById[R]> {
    const p = this.next(replyId);
    this.send(id, message);
    return p;
  }

  close(): void {
    this.ws.close();
  }

  private deliver(msgId: number, message: unknown): void {
    const i = this.waiters.findIndex((w) => w.id === msgId);
    if (i >= 0) this.waiters.splice(i, 1)[0]!.resolve(message);
    else this.queue.push({ msgId, message });
  }
}

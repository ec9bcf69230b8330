/**
 * A WebSocket under a `Connection` (protocol.md "Transports"): binary messages only, each holding one or more
 * COMPLETE frames. `WsTransport` adapts a `ws` WebSocket to the `Transport` seam (writes leave as binary messages,
 * `bufferedAmount` is what waits, so `slow_reader` and the outbound budget work unchanged); `serveWebSocket` wires
 * a message to the same frame handling as a TCP chunk: the frames of one message are dispatched in order and the
 * replies sent meanwhile leave batched as one message (Connection.flush). A message that ends inside a frame (or
 * holds none) is a violation `ws_partial` and nothing of it is dispatched; a text message closes with 1003
 * (`ws_text`). Before `ws` parses anything, the socket's bytes pass through WsInbound (ws-inbound.ts): a message over
 * WS_MAX_MESSAGE_BYTES or of more than 8 fragments closes with 1009 (`ws_too_big`) before it is buffered, input is
 * held like a TCP client's, and a message still incomplete after FRAME_TIMEOUT_MS is `slow_frame` (the sweep).
 */
import type { Socket } from 'node:net';
import type { Writable } from 'node:stream';
import { WebSocket } from 'ws';
import { checkWholeFrames, eachWholeFrame, readU16 } from '../protocol/framing.js';
import { CloseReason, FRAME_HEADER_BYTES, WS_MIN_MESSAGE_BYTES } from '../protocol/wire.js';
import type { Connection } from './connection.js';
import type { Transport } from './transport.js';
import { WsInbound } from './ws-inbound.js';

/** The default WS_MAX_MESSAGE_BYTES: the largest WebSocket message accepted and sent (batches are split at frames). */
export const WS_MAX_MESSAGE_BYTES = WS_MIN_MESSAGE_BYTES;

/** WebSocket close codes used here (RFC 6455 §7.4.1). */
export const WsClose = { normal: 1000, protocolError: 1002, unsupportedData: 1003, tooBig: 1009 } as const;

/** How long a close handshake may take before the socket is cut (like Connection's kick flush). */
const CLOSE_FLUSH_MS = 2_000;

export class WsTransport implements Transport {
  /** The close code `destroy()` sends (0: cut the TCP connection without a close frame, e.g. a slow reader). */
  closeCode = 0;
  readonly remoteAddress: string | undefined;
  readonly remotePort: number | undefined;

  constructor(
    private readonly ws: WebSocket,
    raw: Socket,
    /** WS_MAX_MESSAGE_BYTES: a batch of replies above it leaves as several messages, cut at frame boundaries. */
    private readonly maxMessageBytes = WS_MAX_MESSAGE_BYTES,
  ) {
    // Read now: a closed socket forgets its peer, and the logs of a closed connection still name it.
    this.remoteAddress = raw.remoteAddress;
    this.remotePort = raw.remotePort;
  }

  write(data: Buffer): boolean {
    if (this.ws.readyState !== WebSocket.OPEN) return false;
    if (data.length <= this.maxMessageBytes) this.ws.send(data, { binary: true });
    else for (const part of splitAtFrames(data, this.maxMessageBytes)) this.ws.send(part, { binary: true });
    return true;
  }

  get writableLength(): number {
    return this.ws.bufferedAmount;
  }

  get destroyed(): boolean {
    return this.ws.readyState !== WebSocket.OPEN;
  }

  end(): void {
    if (this.ws.readyState === WebSocket.OPEN) this.ws.close(WsClose.normal);
  }

  destroy(): void {
    if (this.closeCode !== 0 && this.ws.readyState === WebSocket.OPEN) {
      this.ws.close(this.closeCode);
      setTimeout(() => this.ws.terminate(), CLOSE_FLUSH_MS).unref();
    } else this.ws.terminate();
  }
}

/** Cuts a buffer of whole frames into pieces of at most `max` bytes, each still holding whole frames. */
export function splitAtFrames(data: Buffer, max: number): Buffer[] {
  const out: Buffer[] = [];
  let start = 0;
  let off = 0;
  while (off + 2 <= data.length) {
    const total = readU16(data, off);
    if (off + total - start > max && off > start) {
      out.push(data.subarray(start, off));
      start = off;
    }
    off += Math.max(total, FRAME_HEADER_BYTES);
  }
  if (start < data.length) out.push(data.subarray(start));
  return out;
}

/**
 * Checks that `msg` is a sequence of whole frames: undefined when it is, else the violation (a length below the
 * header: `short_frame`; a frame running past the end, or no frame at all: `ws_partial`). Headers only: O(frames).
 */
export function checkWsMessage(msg: Buffer): CloseReason | undefined {
  return msg.length === 0 ? CloseReason.ws_partial : checkWholeFrames(msg);
}

export interface WsServeHooks {
  onFrame(conn: Connection<any>, msgId: number, body: Buffer): void;
  /** A WebSocket-level error (malformed WebSocket frame): logged by the server, rate-limited. */
  onWsError(conn: Connection<any>, err: Error & { code?: string }): void;
  onDebug(conn: Connection<any>, err: Error): void;
}

/**
 * Puts WsInbound between the socket and `ws`'s parser: `ws` reads the socket through its own 'data' listener
 * (`socketOnData` → `_receiver.write`), which is replaced by one that hands the parser whole WebSocket frames only.
 * False when this `ws` does not look as expected (its internals changed): the caller refuses the connection.
 */
function interpose(conn: Connection<any>, ws: WebSocket, transport: WsTransport, raw: Socket, maxMessageBytes: number): boolean {
  const receiver = (ws as unknown as { _receiver?: Writable })._receiver;
  const wsOnData = raw.listeners('data').find((f) => f.name === 'socketOnData');
  if (!receiver || typeof receiver.write !== 'function' || !wsOnData) return false;
  raw.removeListener('data', wsOnData as (...args: unknown[]) => void);
  const inbound = new WsInbound(maxMessageBytes, (bytes) => {
    if (!receiver.write(bytes)) raw.pause(); // as ws does: its parser's 'drain' resumes the socket
  });
  let refused = false;
  raw.on('data', (chunk: Buffer) => {
    // After a refusal nothing more is read into memory (the data is dropped until the socket closes).
    if (refused || receiver.destroyed) return;
    if (inbound.push(chunk, Date.now()) !== undefined) {
      refused = true;
      transport.closeCode = WsClose.tooBig;
      conn.violation(CloseReason.ws_too_big);
      raw.end(); // the close frame, then FIN: the peer's closing reply is not waited for
      return;
    }
    conn.frameStartedAt = inbound.startedAt;
  });
  return true;
}

/**
 * Wires a WebSocket's events to its Connection (the counterpart of FrameServer's TCP `accept`); false (nothing wired,
 * the caller closes it) when its input cannot be bounded (see interpose).
 */
export function serveWebSocket(conn: Connection<any>, ws: WebSocket, transport: WsTransport, raw: Socket, hooks: WsServeHooks, maxMessageBytes = WS_MAX_MESSAGE_BYTES): boolean {
  if (!interpose(conn, ws, transport, raw, maxMessageBytes)) return false;
  ws.on('message', (data: Buffer, isBinary: boolean) => {
    if (!conn.open) return;
    if (!isBinary) {
      transport.closeCode = WsClose.unsupportedData;
      return conn.violation(CloseReason.ws_text);
    }
    const bad = checkWsMessage(data);
    if (bad) {
      transport.closeCode = WsClose.protocolError;
      return conn.violation(bad);
    }
    conn.chunkAt = Date.now();
    // Replies sent while this message's frames are handled leave together as one WebSocket message.
    conn.beginBatch();
    eachWholeFrame(data, (msgId, start, end) => {
      hooks.onFrame(conn, msgId, data.subarray(start, end));
      return conn.open;
    });
    conn.flush();
  });
  raw.on('drain', () => conn.reportQueued());
  ws.on('error', (err: Error & { code?: string }) => {
    // `ws` closes the connection itself (1002 on a malformed WebSocket frame; 1009 past maxPayload, which WsInbound
    // refuses first); 'close' follows.
    if (conn.open) {
      conn.endReason ??= 'ws_error';
      hooks.onWsError(conn, err);
    } else hooks.onDebug(conn, err);
  });
  ws.on('close', () => conn.closed());
  return true;
}

/**
 * A WebSocket under a `Connection` (protocol.md "Transports"): binary messages only, each holding one or more
 * COMPLETE frames. `WsTransport` adapts a `ws` WebSocket to the `Transport` seam (writes leave as binary messages,
 * `bufferedAmount` is what waits, so `slow_reader` and the outbound budget work unchanged); `serveWebSocket` wires
 * a message to the same frame handling as a TCP chunk: the frames of one message are dispatched in order and the
 * replies sent meanwhile leave batched as one message (Connection.flush). A message that ends inside a frame (or
 * holds none) is a violation `ws_partial` and nothing of it is dispatched; a text message closes with 1003
 * (`ws_text`); `maxPayload` (256 KiB) makes `ws` itself close with 1009.
 */
import type { Socket } from 'node:net';
import { WebSocket } from 'ws';
import { checkWholeFrames, eachWholeFrame, readU16 } from '../protocol/framing.js';
import { CloseReason, FRAME_HEADER_BYTES } from '../protocol/wire.js';
import type { Connection } from './connection.js';
import type { Transport } from './transport.js';

/** The largest WebSocket message accepted (`maxPayload`) and sent (bigger batches are split at frame boundaries). */
export const WS_MAX_MESSAGE_BYTES = 256 * 1024;

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
  ) {
    // Read now: a closed socket forgets its peer, and the logs of a closed connection still name it.
    this.remoteAddress = raw.remoteAddress;
    this.remotePort = raw.remotePort;
  }

  write(data: Buffer): boolean {
    if (this.ws.readyState !== WebSocket.OPEN) return false;
    if (data.length <= WS_MAX_MESSAGE_BYTES) this.ws.send(data, { binary: true });
    else for (const part of splitAtFrames(data, WS_MAX_MESSAGE_BYTES)) this.ws.send(part, { binary: true });
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
  /** A WebSocket-level error (1009, malformed WebSocket frame): logged by the server, rate-limited. */
  onWsError(conn: Connection<any>, err: Error & { code?: string }): void;
  onDebug(conn: Connection<any>, err: Error): void;
}

/** Wires a WebSocket's events to its Connection (the counterpart of FrameServer's TCP `accept`). */
export function serveWebSocket(conn: Connection<any>, ws: WebSocket, transport: WsTransport, raw: Socket, hooks: WsServeHooks): void {
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
    // `ws` closes the connection itself (1009 over maxPayload, 1002 on a malformed WebSocket frame); 'close' follows.
    if (conn.open) {
      conn.endReason ??= 'ws_error';
      hooks.onWsError(conn, err);
    } else hooks.onDebug(conn, err);
  });
  ws.on('close', () => conn.closed());
}

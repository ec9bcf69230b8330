/**
 * The client side of the framing (protocol.md "Framing"), pure and browser-safe: Uint8Array/DataView only, no Buffer,
 * no Node built-ins. `encodeFrame` builds one frame; `FrameReader` reassembles a byte stream (TCP) cut at any byte;
 * `readWholeFrames` splits one WebSocket message, which must hold only complete frames (protocol.md "Transports").
 * Frame bodies are handed out as views (valid until the callback returns) so a decoder reads them without a copy.
 */
import { FRAME_HEADER_BYTES, FRAME_MAX_BYTES } from '../protocol/wire.js';

/** A stream or message that breaks the framing; `code` names the violation as the servers' reasons do. */
export class FrameError extends Error {
  constructor(
    readonly code: 'short_frame' | 'frame_too_large' | 'ws_partial',
    message: string,
  ) {
    super(message);
    this.name = 'FrameError';
  }
}

export type FrameCallback = (msgId: number, body: Uint8Array) => void;

/** One frame: u16 LE total length (header included), u16 LE msg id, body. */
export function encodeFrame(msgId: number, body: Uint8Array): Uint8Array {
  const total = FRAME_HEADER_BYTES + body.length;
  if (total > FRAME_MAX_BYTES) throw new FrameError('frame_too_large', `frame body of ${body.length} bytes exceeds ${FRAME_MAX_BYTES - FRAME_HEADER_BYTES}`);
  const out = new Uint8Array(total);
  const v = new DataView(out.buffer);
  v.setUint16(0, total, true);
  v.setUint16(2, msgId, true);
  out.set(body, FRAME_HEADER_BYTES);
  return out;
}

/** Concatenates frames into one buffer (one WebSocket message or one socket write). */
export function joinFrames(frames: readonly Uint8Array[]): Uint8Array {
  if (frames.length === 1) return frames[0]!;
  let n = 0;
  for (const f of frames) n += f.length;
  const out = new Uint8Array(n);
  let off = 0;
  for (const f of frames) {
    out.set(f, off);
    off += f.length;
  }
  return out;
}

const u16 = (b: Uint8Array, off: number) => b[off]! | (b[off + 1]! << 8);

/**
 * Splits `msg` (one WebSocket message) into its frames. Throws FrameError `ws_partial` when the message ends inside a
 * frame and `short_frame` on a length below the header; frames before the bad one have been delivered.
 */
export function readWholeFrames(msg: Uint8Array, onFrame: FrameCallback): void {
  let off = 0;
  while (off < msg.length) {
    if (msg.length - off < 2) throw new FrameError('ws_partial', `a WebSocket message ends inside a frame header (${msg.length - off} byte left)`);
    const total = u16(msg, off);
    if (total < FRAME_HEADER_BYTES) throw new FrameError('short_frame', `frame length ${total} < ${FRAME_HEADER_BYTES}`);
    if (msg.length - off < total) throw new FrameError('ws_partial', `a WebSocket message ends inside a frame (${msg.length - off} of ${total} bytes)`);
    onFrame(u16(msg, off + 2), msg.subarray(off + FRAME_HEADER_BYTES, off + total));
    off += total;
  }
}

/**
 * Reassembles frames from a byte stream. A frame inside one chunk is a view of it; a frame cut across chunks is
 * copied into one buffer of its declared length (≤ 64 KiB). After a FrameError the reader is dead (framing lost).
 */
export class FrameReader {
  private partial: Uint8Array | undefined;
  private have = 0;
  private firstByte = 0;
  private dead = false;

  constructor(private readonly onFrame: FrameCallback) {}

  /** Bytes held of a frame that is not complete yet. */
  get buffered(): number {
    return this.have;
  }

  /** Feeds one chunk; throws FrameError on a bad length. */
  push(chunk: Uint8Array): void {
    if (this.dead) throw new FrameError('short_frame', 'the stream lost its framing earlier');
    let off = 0;
    if (this.have > 0) {
      off = this.carry(chunk);
      if (off < 0) return;
    }
    while (chunk.length - off >= 2) {
      const total = u16(chunk, off);
      if (total < FRAME_HEADER_BYTES) this.fail(total);
      if (chunk.length - off < total) {
        this.partial = new Uint8Array(total);
        this.partial.set(chunk.subarray(off));
        this.have = chunk.length - off;
        return;
      }
      this.onFrame(u16(chunk, off + 2), chunk.subarray(off + FRAME_HEADER_BYTES, off + total));
      off += total;
    }
    if (off < chunk.length) {
      this.firstByte = chunk[off]!;
      this.have = 1;
    }
  }

  /** Continues the carried frame with the head of `chunk`: the offset after it, or -1 when it is still not complete. */
  private carry(chunk: Uint8Array): number {
    let off = 0;
    if (!this.partial) {
      if (chunk.length === 0) return -1;
      const total = this.firstByte | (chunk[0]! << 8);
      if (total < FRAME_HEADER_BYTES) this.fail(total);
      this.partial = new Uint8Array(total);
      this.partial[0] = this.firstByte;
      this.partial[1] = chunk[0]!;
      this.have = 2;
      off = 1;
    }
    const frame = this.partial;
    const need = frame.length - this.have;
    const avail = chunk.length - off;
    if (avail < need) {
      frame.set(chunk.subarray(off), this.have);
      this.have += avail;
      return -1;
    }
    frame.set(chunk.subarray(off, off + need), this.have);
    this.partial = undefined;
    this.have = 0;
    this.onFrame(u16(frame, 2), frame.subarray(FRAME_HEADER_BYTES));
    return off + need;
  }

  private fail(total: number): never {
    this.dead = true;
    this.partial = undefined;
    this.have = 0;
    throw new FrameError('short_frame', `frame length ${total} < ${FRAME_HEADER_BYTES}`);
  }
}

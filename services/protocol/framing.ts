/**
 * The framing of the client protocol (docs/protocol.md "Framing"): u16 LE total length (header included), u16 LE msg
 * id, body. The one implementation of it, pure and browser-safe (Uint8Array only, no Buffer, no Node built-in), used
 * by the client SDK (services/client/codec.ts) and by the servers (services/socket/frame-codec.ts, which adds Buffer
 * allocation and the protobuf batch writer of its hot path). `FrameStream` reassembles a byte stream cut at any byte;
 * `checkWholeFrames`/`eachWholeFrame` read a message that must hold only complete frames (a WebSocket message).
 */
import { FRAME_HEADER_BYTES, FRAME_MAX_BYTES } from './wire.js';

export type FrameFault = 'short_frame' | 'frame_too_large' | 'ws_partial';

/** A stream or message that breaks the framing, or a frame too large to send; `code` names it as the servers' reasons do. */
export class FrameError extends Error {
  constructor(
    readonly code: FrameFault,
    message: string,
  ) {
    super(message);
    this.name = 'FrameError';
  }
}

/** A body over 65,531 bytes: 16 bits cannot say the frame's length. Thrown by the sender, never sent. */
export class FrameTooLargeError extends FrameError {
  constructor(readonly bodyBytes: number) {
    super('frame_too_large', `frame body of ${bodyBytes} bytes exceeds ${FRAME_MAX_BYTES - FRAME_HEADER_BYTES}`);
    this.name = 'FrameTooLargeError';
  }
}

/** The u16 LE at `off` (a frame's total length at its start, its msg id 2 bytes later). */
export function readU16(buf: Uint8Array, off: number): number {
  return buf[off]! | (buf[off + 1]! << 8);
}

/** Writes a frame header at `buf[at]`. */
export function writeFrameHeader(buf: Uint8Array, at: number, total: number, msgId: number): void {
  buf[at] = total & 0xff;
  buf[at + 1] = total >>> 8;
  buf[at + 2] = msgId & 0xff;
  buf[at + 3] = (msgId >>> 8) & 0xff;
}

/** The total length of a frame with a body of `bodyBytes`; FrameTooLargeError past 65,535. */
export function frameTotal(bodyBytes: number): number {
  const total = FRAME_HEADER_BYTES + bodyBytes;
  if (total > FRAME_MAX_BYTES) throw new FrameTooLargeError(bodyBytes);
  return total;
}

/** One frame in `out` (exactly `frameTotal(body.length)` bytes, from the caller's allocator). */
export function fillFrame<B extends Uint8Array>(out: B, msgId: number, body: Uint8Array): B {
  writeFrameHeader(out, 0, out.length, msgId);
  out.set(body, FRAME_HEADER_BYTES);
  return out;
}

/**
 * Checks a message that must hold only complete frames (a WebSocket message, protocol.md "Transports"): `ws_partial`
 * when it ends inside a frame, `short_frame` on a length below the header, undefined when every frame is whole
 * (an empty message holds none). Reads the headers only.
 */
export function checkWholeFrames(msg: Uint8Array): 'ws_partial' | 'short_frame' | undefined {
  let off = 0;
  while (off < msg.length) {
    if (msg.length - off < 2) return 'ws_partial';
    const total = readU16(msg, off);
    if (total < FRAME_HEADER_BYTES) return 'short_frame';
    if (off + total > msg.length) return 'ws_partial';
    off += total;
  }
  return undefined;
}

/**
 * Calls `fn` with each frame of a message `checkWholeFrames` passed: its msg id and its body's range in `msg`. A
 * false return stops (the connection closed while handling one).
 */
export function eachWholeFrame(msg: Uint8Array, fn: (msgId: number, start: number, end: number) => boolean): void {
  let off = 0;
  while (off < msg.length) {
    const total = readU16(msg, off);
    if (!fn(readU16(msg, off + 2), off + FRAME_HEADER_BYTES, off + total)) return;
    off += total;
  }
}

/** Called per complete frame; `body` is valid only until the callback returns unless the caller copies it. */
export type FrameCallback<B extends Uint8Array = Uint8Array> = (msgId: number, body: B) => void;

/**
 * Streaming reassembly. `push(chunk)` returns `true` while the stream is well-formed and `false` once a frame header
 * claims a total length below 4 (`short_frame`); after that the stream ignores input (framing is lost). The handler
 * may call `stop()` (e.g. after closing the connection) to drop the rest of the chunk.
 *
 * Memory: a frame that lies inside one chunk is a view of it (no copy). A frame cut across chunks is copied, as its
 * bytes arrive, into ONE buffer of exactly the length its header declares (≤ 64 KiB, from `alloc`), so a peer that
 * dribbles a frame one byte per TCP segment holds that buffer and nothing else — never the reads' own buffers (Node
 * gives every read its own allocation; keeping views of them let one dribbled 64 KiB frame pin ~10 MiB). The only
 * byte kept before the length is known is the first one, in a field. `B` is the chunks' type: what `alloc` makes
 * and the frame handler gets (Uint8Array in the SDK, Buffer on the servers).
 */
export abstract class FrameStream<B extends Uint8Array = Uint8Array> {
  /** The frame being reassembled, allocated at its declared length once both length bytes are known. */
  private partial: B | undefined;
  /** Bytes of `partial` filled so far (or 1 while only `firstByte` is known). */
  private have = 0;
  /** The first length byte when a chunk ended right after it. */
  private firstByte = 0;
  private stopped = false;

  /** `onFrame` gets a view per frame; a subclass overriding `frame` (the server's) reads in place instead. */
  constructor(private readonly onFrame?: FrameCallback<B>) {}

  /** A buffer for a frame of `bytes` that straddles chunks. */
  protected abstract alloc(bytes: number): B;

  /** One complete frame, its body at `buf[start, end)`, valid only until this returns. */
  protected frame(msgId: number, buf: B, start: number, end: number): void {
    this.onFrame!(msgId, buf.subarray(start, end) as B);
  }

  /** Bytes held waiting for the rest of a frame (> 0 means a frame is started and not complete). */
  get buffered(): number {
    return this.have;
  }

  stop(): void {
    this.stopped = true;
    this.partial = undefined;
    this.have = 0;
  }

  push(chunk: B): boolean {
    if (this.stopped) return false;
    let off = 0;
    if (this.have > 0) {
      off = this.completeCarried(chunk);
      if (off < 0) return off === -1; // -1: need more bytes, -2: bad frame
      if (this.stopped) return true;
    }
    const end = chunk.length;
    while (end - off >= 2) {
      const total = chunk[off]! | (chunk[off + 1]! << 8);
      if (total < FRAME_HEADER_BYTES) return this.fail();
      if (end - off < total) {
        // The start of a frame that ends in a later chunk: copied out so the chunk itself is not kept.
        const partial = this.alloc(total);
        partial.set(off === 0 ? chunk : chunk.subarray(off, end));
        this.partial = partial;
        this.have = end - off;
        return true;
      }
      this.frame(chunk[off + 2]! | (chunk[off + 3]! << 8), chunk, off + FRAME_HEADER_BYTES, off + total);
      if (this.stopped) return true;
      off += total;
    }
    if (off < end) {
      this.firstByte = chunk[off]!;
      this.have = 1;
    }
    return true;
  }

  /**
   * Continues the frame started in earlier chunks with the head of `chunk`. Returns the offset in `chunk` after that
   * frame, -1 when `chunk` did not complete it (its bytes are copied in), -2 on a bad length.
   */
  private completeCarried(chunk: B): number {
    let off = 0;
    if (!this.partial) {
      // Only the first length byte is known.
      if (chunk.length === 0) return -1;
      const total = this.firstByte | (chunk[0]! << 8);
      if (total < FRAME_HEADER_BYTES) return this.fail() ? 0 : -2;
      this.partial = this.alloc(total);
      this.partial[0] = this.firstByte;
      this.partial[1] = chunk[0]!;
      this.have = 2;
      off = 1;
    }
    const frame = this.partial;
    const need = frame.length - this.have;
    const avail = chunk.length - off;
    if (avail < need) {
      frame.set(off === 0 ? chunk : chunk.subarray(off), this.have);
      this.have += avail;
      return -1;
    }
    frame.set(chunk.subarray(off, off + need), this.have);
    this.partial = undefined;
    this.have = 0;
    this.frame(frame[2]! | (frame[3]! << 8), frame, FRAME_HEADER_BYTES, frame.length);
    return off + need;
  }

  private fail(): false {
    this.stop();
    return false;
  }
}

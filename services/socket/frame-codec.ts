/**
 * The pure frame codec of the client protocol: u16 LE total length (header included) + u16 LE msg id + body
 * (../../docs/protocol.md). `FrameDecoder` reassembles frames split at any byte or merged several per chunk;
 * a frame that lies inside one chunk is handed out as a view of that chunk (no copy), and only a frame that
 * straddles chunks is copied once into its own buffer. No sockets here: Buffer in, frames out.
 */
import $protobuf from 'protobufjs/minimal.js';
import { FRAME_HEADER_BYTES, FRAME_MAX_BYTES } from '../protocol/wire.js';

export class FrameTooLargeError extends Error {
  readonly code = 'FRAME_TOO_LARGE';
  constructor(readonly bodyBytes: number) {
    super(`frame body of ${bodyBytes} bytes exceeds ${FRAME_MAX_BYTES - FRAME_HEADER_BYTES}`);
    this.name = 'FrameTooLargeError';
  }
}

/** Encodes one frame. Allocates header+body once (from Node's small-buffer pool for small frames). */
export function encodeFrame(msgId: number, body: Uint8Array): Buffer {
  const total = FRAME_HEADER_BYTES + body.length;
  if (total > FRAME_MAX_BYTES) throw new FrameTooLargeError(body.length);
  const buf = Buffer.allocUnsafe(total);
  buf.writeUInt16LE(total, 0);
  buf.writeUInt16LE(msgId, 2);
  buf.set(body, FRAME_HEADER_BYTES);
  return buf;
}

/** A generated protobuf message codec (what `encode(message, writer)` needs). */
export interface MessageEncoder<T> {
  encode(message: T, writer: $protobuf.Writer): unknown;
}

/**
 * One writer reused for every frame: encoding is synchronous, and `finish()` copies the bytes out, so the writer's
 * growable scratch buffer (protobufjs 8 allocates one per `Writer.create()`) is allocated once, not per message.
 */
let writer = $protobuf.Writer.create();

/**
 * Encodes `message` with `codec` straight into one frame: a 4-byte placeholder header, then the body, copied out by
 * `finish()` into one buffer whose header is then patched in place. The hot path of sending: one allocation per
 * frame instead of writer scratch + body + frame (+ copy).
 */
export function encodeMessageFrame<T>(msgId: number, codec: MessageEncoder<T>, message: T): Buffer {
  let buf: Buffer;
  try {
    writer.pos = 0;
    writer.fixed32(0);
    codec.encode(message, writer);
    buf = writer.finish() as Buffer;
  } catch (err) {
    writer = $protobuf.Writer.create(); // a half-written (possibly forked) writer must not leak into the next frame
    throw err;
  }
  const total = buf.length;
  if (total > FRAME_MAX_BYTES) throw new FrameTooLargeError(total - FRAME_HEADER_BYTES);
  buf[0] = total & 0xff;
  buf[1] = total >>> 8;
  buf[2] = msgId & 0xff;
  buf[3] = (msgId >>> 8) & 0xff;
  return buf;
}

/** Called per complete frame; `body` is valid only until the callback returns unless the caller copies it. */
export type FrameHandler = (msgId: number, body: Buffer) => void;

/**
 * Streaming decoder. `push(chunk)` returns `true` while the stream is well-formed and `false` once a frame header
 * claims a total length below 4 (`short_frame`); after that the decoder ignores input (framing is lost).
 * The handler may call `stop()` (e.g. after closing the connection) to drop the rest of the chunk.
 *
 * Memory: a frame that lies inside one chunk is a view of it (no copy). A frame cut across chunks is copied, as its
 * bytes arrive, into ONE buffer of exactly the length its header declares (≤ 64 KiB), so a peer that dribbles a frame
 * one byte per TCP segment holds that buffer and nothing else — never the reads' own buffers (Node gives every read
 * its own allocation; keeping views of them let one dribbled 64 KiB frame pin ~10 MiB). The only bytes kept before
 * the length is known are the first one, in a field.
 */
export class FrameDecoder {
  /** The frame being reassembled, allocated at its declared length once both length bytes are known. */
  private partial: Buffer | undefined;
  /** Bytes of `partial` filled so far (or 1 while only `firstByte` is known). */
  private have = 0;
  /** The first length byte when a chunk ended right after it. */
  private firstByte = 0;
  private stopped = false;

  constructor(private readonly onFrame: FrameHandler) {}

  /** Bytes held waiting for the rest of a frame (> 0 means a frame is started and not complete). */
  get buffered(): number {
    return this.have;
  }

  stop(): void {
    this.stopped = true;
    this.partial = undefined;
    this.have = 0;
  }

  push(chunk: Buffer): boolean {
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
        this.partial = Buffer.allocUnsafe(total);
        this.have = chunk.copy(this.partial, 0, off, end);
        return true;
      }
      const msgId = chunk[off + 2]! | (chunk[off + 3]! << 8);
      this.onFrame(msgId, chunk.subarray(off + FRAME_HEADER_BYTES, off + total));
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
  private completeCarried(chunk: Buffer): number {
    let off = 0;
    if (!this.partial) {
      // Only the first length byte is known.
      if (chunk.length === 0) return -1;
      const total = this.firstByte | (chunk[0]! << 8);
      if (total < FRAME_HEADER_BYTES) return this.fail() ? 0 : -2;
      this.partial = Buffer.allocUnsafe(total);
      this.partial[0] = this.firstByte;
      this.partial[1] = chunk[0]!;
      this.have = 2;
      off = 1;
    }
    const frame = this.partial;
    const need = frame.length - this.have;
    const avail = chunk.length - off;
    if (avail < need) {
      this.have += chunk.copy(frame, this.have, off);
      return -1;
    }
    chunk.copy(frame, this.have, off, off + need);
    this.partial = undefined;
    this.have = 0;
    this.onFrame(frame[2]! | (frame[3]! << 8), frame.subarray(FRAME_HEADER_BYTES));
    return off + need;
  }

  private fail(): false {
    this.stop();
    return false;
  }
}

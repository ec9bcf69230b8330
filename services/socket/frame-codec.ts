/**
 * The servers' frame codec: the shared framing (services/protocol/framing.ts: headers, reassembly, whole-frame
 * messages; docs/protocol.md "Framing") on Node Buffers, plus what only the servers' hot path needs — frames encoded
 * straight from protobuf into one reused writer, the per-chunk batch with in-place echo answers, decoding in place.
 * No sockets here: Buffer in, frames out.
 */
import $protobuf from 'protobufjs/minimal.js';
import { fillFrame, FrameStream, FrameTooLargeError, frameTotal, writeFrameHeader, type FrameCallback } from '../protocol/framing.js';
import { FRAME_HEADER_BYTES, FRAME_MAX_BYTES } from '../protocol/wire.js';

export { FrameError, FrameTooLargeError } from '../protocol/framing.js';

/** Encodes one frame. Allocates header+body once (from Node's small-buffer pool for small frames). */
export function encodeFrame(msgId: number, body: Uint8Array): Buffer {
  return fillFrame(Buffer.allocUnsafe(frameTotal(body.length)), msgId, body);
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
  writeFrameHeader(buf, 0, total, msgId);
  return buf;
}

/** Called per complete frame; `body` is valid only until the callback returns unless the caller copies it. */
export type FrameHandler = FrameCallback<Buffer>;

/**
 * The batch writer: while a connection handles one received chunk, every frame it sends is encoded (or copied)
 * straight into this ONE growable buffer, which leaves as one write when the chunk is done (`takeBatch`). Only one
 * connection batches at a time (a chunk is handled synchronously), so one writer per process serves them all, and
 * an idle connection holds no output buffer at all. Separate from `writer` above: a send to ANOTHER connection in
 * the middle of a batch encodes through `encodeMessageFrame` without touching the batch.
 */
const batch = $protobuf.Writer.create() as $protobuf.Writer & { _reserve(n: number): void };

/**
 * In-place answers. A read chunk's frames answered one by one with their own body bytes (an echo: `batchBody` with a
 * body that lies in the chunk, right after its header, each answer following the previous one) need no copy at all:
 * the answer frame is the received frame with another msg id, so the id is patched in the chunk and the batch is a
 * view of the chunk — the raw echo's cost. Anything else sent in the batch first copies that run into the batch
 * writer (once, in bulk) and goes on as usual. Node gives every read its own buffer and only the echo answers from
 * it, so patching the 2 id bytes of an already handled frame touches nothing anybody reads (the body is unchanged).
 */
let mirrorSource: Uint8Array | undefined;
let mirrorStart = -1;
let mirrorEnd = -1;

/** The chunk whose frames the next batch answers (each batch starts with it; `undefined`: none, e.g. WebSocket). */
export function batchFromChunk(chunk: Uint8Array | undefined): void {
  mirrorSource = chunk;
  mirrorStart = mirrorEnd = -1;
}

/** Copies the in-place run (if any) into the batch writer, and stops answering in place for this batch. */
function materialize(): void {
  if (mirrorStart >= 0) {
    const n = mirrorEnd - mirrorStart;
    batch._reserve(n);
    batch.buf.set(mirrorSource!.subarray(mirrorStart, mirrorEnd), batch.pos);
    batch.pos += n;
  }
  mirrorSource = undefined;
  mirrorStart = mirrorEnd = -1;
}

/** Bytes in the current batch. */
export function batchBytes(): number {
  return batch.pos + (mirrorStart >= 0 ? mirrorEnd - mirrorStart : 0);
}

/** Drops the current batch (the connection was destroyed). */
export function dropBatch(): void {
  batch.pos = 0;
  if (batch.states) batch.states.length = 0;
  mirrorSource = undefined;
  mirrorStart = mirrorEnd = -1;
}

/** The batch as one buffer (a view of the chunk when it was answered in place, else a copy), and empties it. */
export function takeBatch(): Buffer {
  if (mirrorStart >= 0 && batch.pos === 0) {
    const src = mirrorSource!;
    const out = mirrorStart === 0 && mirrorEnd === src.length && Buffer.isBuffer(src) ? src : Buffer.from(src.buffer, src.byteOffset + mirrorStart, mirrorEnd - mirrorStart);
    mirrorSource = undefined;
    mirrorStart = mirrorEnd = -1;
    return out;
  }
  materialize();
  const buf = batch.finish() as Buffer;
  batch.pos = 0;
  return buf;
}


/** Encodes `message` as one frame at the end of the batch (FrameTooLargeError leaves the batch as it was). */
export function batchMessage<T>(msgId: number, codec: MessageEncoder<T>, message: T): void {
  if (mirrorSource !== undefined) materialize();
  const at = batch.pos;
  try {
    batch.fixed32(0);
    codec.encode(message, batch);
  } catch (err) {
    batch.pos = at;
    if (batch.states) batch.states.length = 0; // a half-written fork must not leak into the next frame
    throw err;
  }
  const total = batch.pos - at;
  if (total > FRAME_MAX_BYTES) {
    batch.pos = at;
    throw new FrameTooLargeError(total - FRAME_HEADER_BYTES);
  }
  writeFrameHeader(batch.buf, at, total, msgId);
}

/** Appends one frame whose body is `src[start, end)` to the batch (no view, no intermediate buffer). */
export function batchBody(msgId: number, src: Uint8Array, start: number, end: number): void {
  const total = frameTotal(end - start);
  if (src === mirrorSource) {
    const at = start - FRAME_HEADER_BYTES;
    // The received frame is [at, end) of the chunk (its header right before its body): answer it in place when it
    // continues the run (or starts it, before anything else was batched).
    // The header check keeps a body range that is not a whole received frame out of this path.
    if (at >= 0 && (at === mirrorEnd || (mirrorStart < 0 && batch.pos === 0)) && (src[at]! | (src[at + 1]! << 8)) === total) {
      writeFrameHeader(src, at, total, msgId);
      if (mirrorStart < 0) mirrorStart = at;
      mirrorEnd = end;
      return;
    }
  }
  if (mirrorSource !== undefined) materialize();
  batch._reserve(total);
  const at = batch.pos;
  writeFrameHeader(batch.buf, at, total, msgId);
  const dst = batch.buf;
  if (end - start <= 256) {
    // A small body: a byte loop costs less than the view a typed-array copy of a range needs.
    for (let i = start, j = at + FRAME_HEADER_BYTES; i < end; i++, j++) dst[j] = src[i]!;
  } else dst.set(start === 0 && end === src.length ? src : src.subarray(start, end), at + FRAME_HEADER_BYTES);
  batch.pos = at + total;
}

/** Appends an already-encoded whole frame to the batch. */
export function batchFrame(frame: Uint8Array): void {
  if (mirrorSource !== undefined) materialize();
  batch._reserve(frame.length);
  batch.buf.set(frame, batch.pos);
  batch.pos += frame.length;
}

/** Encodes one frame whose body is `src[start, end)` (outside a batch). */
export function encodeFrameAt(msgId: number, src: Buffer, start: number, end: number): Buffer {
  const total = frameTotal(end - start);
  const buf = Buffer.allocUnsafe(total);
  writeFrameHeader(buf, 0, total, msgId);
  src.copy(buf, FRAME_HEADER_BYTES, start, end);
  return buf;
}

/** A generated protobuf message codec (what decoding needs; typed for bytes, the generated code takes a Reader too). */
export interface MessageDecoder<T> {
  decode(reader: Uint8Array): T;
}

const EMPTY = Buffer.alloc(0);
/** One reader reused for every decode in place (decoding is synchronous); points at nothing between decodes. */
const reader = $protobuf.Reader.create(EMPTY);

/**
 * Decodes the body at `buf[start, end)` without a Buffer view of it (the same checks and the same result as
 * `codec.decode(buf.subarray(start, end))`: the reader stops at `end`). Bytes fields are views of `buf`.
 */
export function decodeAt<T>(codec: MessageDecoder<T>, buf: Buffer, start: number, end: number): T {
  reader.buf = buf;
  reader.pos = start;
  reader.len = end;
  reader.view = null;
  try {
    return codec.decode(reader as unknown as Uint8Array); // generated decoders take a Reader as it is
  } finally {
    reader.buf = EMPTY; // keep no received chunk alive
    reader.pos = 0;
    reader.len = 0;
    reader.view = null;
  }
}

/** The shared `FrameStream` on Buffers (a frame straddling reads is reassembled in a Buffer of its declared length). */
export class FrameDecoder extends FrameStream<Buffer> {
  protected alloc(bytes: number): Buffer {
    return Buffer.allocUnsafe(bytes);
  }
}

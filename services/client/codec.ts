/**
 * The client side of the framing (protocol.md "Framing"), pure and browser-safe: the shared framing of
 * services/protocol/framing.ts (the servers use the same one) on plain Uint8Arrays, with the SDK's throwing API.
 * `encodeFrame` builds one frame; `FrameReader` reassembles a byte stream (TCP) cut at any byte; `readWholeFrames`
 * splits one WebSocket message, which must hold only complete frames (protocol.md "Transports"). Frame bodies are
 * handed out as views (valid until the callback returns) so a decoder reads them without a copy.
 */
import { checkWholeFrames, eachWholeFrame, fillFrame, FrameError, FrameStream, frameTotal, type FrameCallback } from '../protocol/framing.js';

export { FrameError, type FrameCallback };

/** One frame: u16 LE total length (header included), u16 LE msg id, body. FrameError `frame_too_large` past 64 KiB. */
export function encodeFrame(msgId: number, body: Uint8Array): Uint8Array {
  return fillFrame(new Uint8Array(frameTotal(body.length)), msgId, body);
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

/**
 * Splits `msg` (one WebSocket message) into its frames. Throws FrameError `ws_partial` when the message ends inside a
 * frame and `short_frame` on a length below the header — checked first, so nothing of a bad message is delivered.
 */
export function readWholeFrames(msg: Uint8Array, onFrame: FrameCallback): void {
  const bad = checkWholeFrames(msg);
  if (bad) throw new FrameError(bad, bad === 'short_frame' ? 'a frame length below 4 in a WebSocket message' : 'a WebSocket message ends inside a frame');
  eachWholeFrame(msg, (msgId, start, end) => {
    onFrame(msgId, msg.subarray(start, end));
    return true;
  });
}

class ByteStream extends FrameStream {
  protected alloc(bytes: number): Uint8Array {
    return new Uint8Array(bytes);
  }
}

/**
 * Reassembles frames from a byte stream. A frame inside one chunk is a view of it; a frame cut across chunks is
 * copied into one buffer of its declared length (≤ 64 KiB). After a FrameError the reader is dead (framing lost).
 */
export class FrameReader {
  private readonly stream: ByteStream;

  constructor(onFrame: FrameCallback) {
    this.stream = new ByteStream(onFrame);
  }

  /** Bytes held of a frame that is not complete yet. */
  get buffered(): number {
    return this.stream.buffered;
  }

  /** Feeds one chunk; throws FrameError `short_frame` on a length below 4 (and on every chunk after it). */
  push(chunk: Uint8Array): void {
    if (!this.stream.push(chunk)) throw new FrameError('short_frame', 'a frame length below 4: the stream lost its framing');
  }
}

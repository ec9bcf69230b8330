/**
 * The bytes a WebSocket client sends, held the way a TCP client's are (protocol.md "Resource budgets": a WebSocket
 * client buys no more memory than a TCP client sending the same bytes). `ws` keeps every socket read of an incomplete
 * WebSocket frame, and every fragment of an incomplete message, as a separate buffer: one-byte reads cost a few
 * hundred bytes each, so a client dribbling one frame, or sending 16,000 one-byte fragments, held megabytes for the
 * length of its message. This reader sits between the socket and `ws`'s parser and reads WebSocket frame headers only
 * (2–14 bytes; payloads are neither unmasked nor parsed here):
 * - whole frames inside a read go on to `ws` as they are (a view of the read, as before: the common case costs one
 *   header walk); a frame cut across reads is reassembled in ONE buffer of its declared length, as FrameDecoder does
 *   for TCP frames, and goes on once complete; a fragment of a fragmented message is always its own exact copy, so a
 *   message held across reads pins no read buffers;
 * - a message whose declared size passes `maxMessageBytes` (WS_MAX_MESSAGE_BYTES), or with more than WS_MAX_FRAGMENTS
 *   fragments, is refused before its bytes are buffered (`too_big`: the caller closes with 1009);
 * - `startedAt` is when the message (or frame) still incomplete began — the `slow_frame` clock, as for TCP frames.
 */
import { WS_MAX_FRAGMENTS } from '../protocol/wire.js';

/** Why a client's WebSocket input is refused. */
export type WsInboundVerdict = 'too_big';

/** Header bytes of a client frame: 2, + 2 or 8 of extended length, + 4 of mask key. */
const MAX_HEADER = 14;

export class WsInbound {
  /** When the incomplete message or frame began (0: nothing incomplete): the `slow_frame` clock. */
  startedAt = 0;
  /** Header bytes of a frame cut inside its header. */
  private readonly head = Buffer.alloc(MAX_HEADER);
  private headLen = 0;
  /** The frame being reassembled across reads (header included), and how much of it has arrived. */
  private frame: Buffer | undefined;
  private frameFill = 0;
  /** A data message whose final frame has not arrived yet, its fragments and declared bytes so far. */
  private messageOpen = false;
  private fragments = 0;
  private messageBytes = 0;

  constructor(
    private readonly maxMessageBytes: number,
    /** Whole WebSocket frames, in order (one or more per call). */
    private readonly forward: (bytes: Buffer) => void,
  ) {}

  /** Bytes held for incomplete input (a reassembled frame, or a cut header). */
  get buffered(): number {
    return (this.frame ? this.frameFill : 0) + this.headLen;
  }

  /** One read from the socket; a verdict when the client broke a limit (nothing more may be pushed then). */
  push(chunk: Buffer, now: number): WsInboundVerdict | undefined {
    let o = 0;
    const n = chunk.length;
    if (this.frame) {
      o = this.fillFrame(chunk, 0);
      if (this.frame) return this.settle(now); // still incomplete: the whole read went into it
    } else if (this.headLen > 0) {
      // A header cut by the previous read: complete it from this one (at most 13 bytes copied).
      const take = Math.min(MAX_HEADER - this.headLen, n);
      chunk.copy(this.head, this.headLen, 0, take);
      const have = this.headLen + take;
      const hLen = headerLength(this.head, 0, have);
      if (hLen === 0 || have < hLen) {
        this.headLen = have;
        return this.settle(now);
      }
      const used = hLen - this.headLen; // bytes of this read that completed the header
      this.headLen = 0;
      const verdict = this.begin(this.head, 0, now, false);
      if (verdict) return verdict;
      const total = hLen + payloadLength(this.head, 0);
      this.frame = Buffer.allocUnsafeSlow(total);
      this.head.copy(this.frame, 0, 0, hLen);
      this.frameFill = hLen;
      o = used;
      if (this.frameFill === total) this.completeFrame();
      else o = this.fillFrame(chunk, o);
      if (this.frame) return this.settle(now);
    }
    // At a frame boundary: walk the headers of the frames inside this read; pass whole ones on as one view.
    let span = o;
    while (o < n) {
      const hLen = headerLength(chunk, o, n - o);
      if (hLen === 0 || n - o < hLen) {
        // The header itself is cut: keep its bytes (≤ 13) for the next read.
        if (o > span) this.forward(chunk.subarray(span, o));
        if (!this.messageOpen) this.startedAt = now;
        chunk.copy(this.head, 0, o, n);
        this.headLen = n - o;
        return this.settle(now);
      }
      const verdict = this.begin(chunk, o, now, true);
      if (verdict) return verdict;
      const total = hLen + payloadLength(chunk, o);
      const fragment = isFragment(chunk, o);
      if (n - o < total) {
        // Cut inside its payload: reassembled in one buffer of its declared length.
        if (o > span) this.forward(chunk.subarray(span, o));
        this.frame = Buffer.allocUnsafeSlow(total);
        chunk.copy(this.frame, 0, o, n);
        this.frameFill = n - o;
        return this.settle(now);
      }
      if (fragment) {
        // A fragment waits in `ws` for the rest of its message: its own copy, not a view pinning this read.
        if (o > span) this.forward(chunk.subarray(span, o));
        this.forward(ownCopy(chunk, o, o + total));
        span = o + total;
      }
      o += total;
      this.frameDone(chunk, o - total);
    }
    if (o > span) this.forward(span === 0 && o === n ? chunk : chunk.subarray(span, o));
    return this.settle(now);
  }

  /**
   * A whole frame header at `buf[at]`: counts it against its message's budgets. `fresh`: the frame starts in
   * the current read (its clock starts now unless a message is already open).
   */
  private begin(buf: Buffer, at: number, now: number, fresh: boolean): WsInboundVerdict | undefined {
    const opcode = buf[at]! & 0x0f;
    if (fresh && !this.messageOpen) this.startedAt = now;
    // A declared length past the budget (or 2^53) is refused before anything is allocated for it.
    const len = payloadLength(buf, at);
    if (len > this.maxMessageBytes) return 'too_big';
    if (opcode >= 0x8) return undefined; // control frames: ≤ 125 bytes and final, checked by ws
    const fin = (buf[at]! & 0x80) !== 0;
    if (opcode !== 0 || !this.messageOpen) {
      // The first frame of a message (a continuation without one is ws's protocol error to report).
      this.messageBytes = 0;
      this.fragments = 0;
    }
    this.messageBytes += len;
    if (!fin || opcode === 0) this.fragments++;
    if (this.messageBytes > this.maxMessageBytes || this.fragments > WS_MAX_FRAGMENTS) return 'too_big';
    this.messageOpen = !fin;
    return undefined;
  }

  /** Copies what `chunk` holds of the frame being reassembled, from `o`; returns the offset after it. */
  private fillFrame(chunk: Buffer, o: number): number {
    const frame = this.frame!;
    const take = Math.min(frame.length - this.frameFill, chunk.length - o);
    chunk.copy(frame, this.frameFill, o, o + take);
    this.frameFill += take;
    if (this.frameFill === frame.length) this.completeFrame();
    return o + take;
  }

  private completeFrame(): void {
    const frame = this.frame!;
    this.frame = undefined;
    this.frameFill = 0;
    this.forward(frame);
    this.frameDone(frame, 0);
  }

  /** A frame went on whole (its header at `buf[at]`): a message ends with its final data frame. */
  private frameDone(buf: Buffer, at: number): void {
    const opcode = buf[at]! & 0x0f;
    if (opcode < 0x8 && (buf[at]! & 0x80) !== 0) {
      this.messageOpen = false;
      this.fragments = 0;
      this.messageBytes = 0;
    }
  }

  /** After a read: the clock stops when nothing is incomplete. */
  private settle(_now: number): undefined {
    if (!this.messageOpen && this.frame === undefined && this.headLen === 0) this.startedAt = 0;
    return undefined;
  }
}

/** `buf[from, to)` in a buffer of its own (not a slice of Node's shared pool, which it would pin). */
function ownCopy(buf: Buffer, from: number, to: number): Buffer {
  const b = Buffer.allocUnsafeSlow(to - from);
  buf.copy(b, 0, from, to);
  return b;
}

/** The header length of the frame at `buf[at]` given `avail` bytes there (0 when fewer than 2 are known). */
function headerLength(buf: Buffer, at: number, avail: number): number {
  if (avail < 2) return 0;
  const b1 = buf[at + 1]!;
  const len7 = b1 & 0x7f;
  return 2 + (len7 === 126 ? 2 : len7 === 127 ? 8 : 0) + (b1 & 0x80 ? 4 : 0);
}

/** The payload length the header at `buf[at]` declares (Infinity past 2^53: refused as too big anyway). */
function payloadLength(buf: Buffer, at: number): number {
  const len7 = buf[at + 1]! & 0x7f;
  if (len7 < 126) return len7;
  if (len7 === 126) return buf.readUInt16BE(at + 2);
  const hi = buf.readUInt32BE(at + 2);
  return hi > 0x1fffff ? Infinity : hi * 0x1_0000_0000 + buf.readUInt32BE(at + 6);
}

/** A data frame that is one fragment of a fragmented message (not final, or a continuation). */
function isFragment(buf: Buffer, at: number): boolean {
  const b0 = buf[at]!;
  const opcode = b0 & 0x0f;
  return opcode < 0x8 && ((b0 & 0x80) === 0 || opcode === 0);
}

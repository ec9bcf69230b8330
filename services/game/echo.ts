/**
 * The built-in `C2G_Echo` → `G2C_Echo` answer, on the body bytes. Both messages are the same protobuf message
 * (`Echo{payload, client_time_ms}`) and the answer carries the same two values, so a body made only of those fields,
 * each at most once and well-formed, IS the answer's body: it is re-framed with the new id, without a decode and an
 * encode (the client decodes the same payload and client_time_ms, absent fields being their defaults either way).
 * Any other body (unknown or repeated fields, another wire type, a malformed one) takes the decode + encode path, so
 * what is answered — and a bad body being `bad_body` — does not change.
 */
import type { Conn } from '../socket/connection.js';
import { decodeAt } from '../socket/frame-codec.js';
import { messageSpec } from '../protocol/messages.js';
import { CloseReason, KickReason, MsgId } from '../protocol/wire.js';

const echoCodec = messageSpec(MsgId.C2G_Echo)!.codec;

/** True when `buf[start, end)` holds only field 1 (bytes) and field 2 (varint), each at most once, well-formed. */
export function plainEchoBody(buf: Buffer, start: number, end: number): boolean {
  let off = start;
  let seen = 0;
  while (off < end) {
    const tag = buf[off++]!;
    if (tag === 0x0a) {
      // payload: a length (≤ 3 bytes: a frame body is < 64 KiB), then that many bytes
      if (seen & 1) return false;
      seen |= 1;
      let len = 0;
      let shift = 0;
      let b: number;
      do {
        if (off >= end || shift > 14) return false;
        b = buf[off++]!;
        len |= (b & 0x7f) << shift;
        shift += 7;
      } while (b & 0x80);
      if (len > end - off) return false;
      off += len;
    } else if (tag === 0x10) {
      // client_time_ms: a varint of at most 10 bytes, the 10th holding only the 64th bit
      if (seen & 2) return false;
      seen |= 2;
      let n = 0;
      let b: number;
      do {
        if (off >= end || n === 10) return false;
        b = buf[off++]!;
        n++;
      } while (b & 0x80);
      if (n === 10 && b > 1) return false;
    } else return false;
  }
  return true;
}

/** The `C2G_Echo` handler (FrameServer.handleBody). */
export function echoBody(conn: Conn<any>, buf: Buffer, start: number, end: number): void {
  if (plainEchoBody(buf, start, end)) {
    conn.sendBody(MsgId.G2C_Echo, buf, start, end);
    return;
  }
  let m;
  try {
    m = decodeAt(echoCodec, buf, start, end);
  } catch {
    return conn.violation(CloseReason.bad_body, KickReason.PROTOCOL_ERROR);
  }
  conn.send(MsgId.G2C_Echo, { payload: m.payload ?? new Uint8Array(0), clientTimeMs: m.clientTimeMs ?? 0 });
}

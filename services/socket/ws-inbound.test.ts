import assert from 'node:assert/strict';
import { test } from 'node:test';
import { WsInbound } from './ws-inbound.js';

/** A client → server WebSocket frame (masked, as clients must). */
function wsFrame(opcode: number, fin: boolean, payload: Buffer): Buffer {
  const len = payload.length;
  const ext = len < 126 ? 0 : len < 65536 ? 2 : 8;
  const h = Buffer.alloc(2 + ext + 4);
  h[0] = (fin ? 0x80 : 0) | opcode;
  h[1] = 0x80 | (ext === 0 ? len : ext === 2 ? 126 : 127);
  if (ext === 2) h.writeUInt16BE(len, 2);
  if (ext === 8) h.writeBigUInt64BE(BigInt(len), 2);
  h.writeUInt32BE(0x01020304, 2 + ext);
  return Buffer.concat([h, payload]);
}

/** Splits each forwarded buffer into the frames it holds; throws if one is cut. */
function frames(out: Buffer[]): Buffer[] {
  const all: Buffer[] = [];
  for (const b of out) {
    let o = 0;
    while (o < b.length) {
      const len7 = b[o + 1]! & 0x7f;
      const ext = len7 === 126 ? 2 : len7 === 127 ? 8 : 0;
      const len = ext === 0 ? len7 : ext === 2 ? b.readUInt16BE(o + 2) : Number(b.readBigUInt64BE(o + 2));
      const total = 2 + ext + 4 + len;
      assert.ok(o + total <= b.length, 'a forwarded buffer ends inside a frame');
      all.push(b.subarray(o, o + total));
      o += total;
    }
  }
  return all;
}

const MAX = 65536;

test('whole frames go on as they came, cut ones once complete, whatever the cuts', () => {
  const input = [
    wsFrame(2, true, Buffer.alloc(10, 1)),
    wsFrame(2, true, Buffer.alloc(300, 2)),
    wsFrame(9, true, Buffer.from('ping')),
    wsFrame(2, true, Buffer.alloc(60_000, 3)),
    wsFrame(2, false, Buffer.alloc(5, 4)),
    wsFrame(0, false, Buffer.alloc(7, 5)),
    wsFrame(10, true, Buffer.alloc(0)),
    wsFrame(0, true, Buffer.alloc(9, 6)),
  ];
  const stream = Buffer.concat(input);
  for (const cut of [1, 2, 3, 7, 13, 100, 4096, stream.length]) {
    const out: Buffer[] = [];
    const w = new WsInbound(MAX, (b) => out.push(Buffer.from(b)));
    let maxHeld = 0;
    for (let o = 0; o < stream.length; o += cut) {
      assert.equal(w.push(stream.subarray(o, o + cut), 1), undefined);
      maxHeld = Math.max(maxHeld, w.buffered);
    }
    assert.deepEqual(Buffer.concat(out), stream, `cut ${cut}: the same bytes, in order`);
    assert.equal(frames(out).length, input.length, `cut ${cut}: whole frames only`);
    assert.ok(maxHeld <= 60_000 + 14, `cut ${cut}: held ${maxHeld} bytes, at most the largest frame`);
    assert.equal(w.startedAt, 0, 'nothing incomplete at the end');
  }
});

test('a frame inside one read goes on as a view of it; a fragment as its own copy', () => {
  const whole = wsFrame(2, true, Buffer.alloc(20));
  const frag = wsFrame(2, false, Buffer.alloc(3));
  const chunk = Buffer.concat([whole, frag]);
  const out: Buffer[] = [];
  new WsInbound(MAX, (b) => out.push(b)).push(chunk, 1);
  assert.equal(out.length, 2);
  assert.equal(out[0]!.buffer, chunk.buffer, 'the whole frame: a view of the read');
  assert.notEqual(out[1]!.buffer, chunk.buffer, 'the fragment: copied, so the read is not pinned while the message waits');
  assert.deepEqual(out[1], frag);
});

test('a message over the budget is refused from its header, before its bytes are held', () => {
  const w = new WsInbound(MAX, () => undefined);
  const big = wsFrame(2, true, Buffer.alloc(MAX + 1));
  assert.equal(w.push(big.subarray(0, 14), 1), 'too_big');
  assert.equal(w.buffered, 0);
  const w2 = new WsInbound(MAX, () => undefined);
  assert.equal(w2.push(wsFrame(2, false, Buffer.alloc(40_000)), 1), undefined);
  assert.equal(w2.push(wsFrame(0, true, Buffer.alloc(30_000)).subarray(0, 8), 2), 'too_big', 'the fragments together are over it');
  const huge = Buffer.from([0x82, 0xff, 0x7f, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 1, 2, 3, 4]);
  assert.equal(new WsInbound(MAX, () => undefined).push(huge, 1), 'too_big', 'a 2^63 declaration');
  const bigPing = wsFrame(9, true, Buffer.alloc(MAX + 1));
  assert.equal(new WsInbound(MAX, () => undefined).push(bigPing.subarray(0, 14), 1), 'too_big', 'control frames too');
});

test('at most 8 fragments: the 9th is refused', () => {
  const w = new WsInbound(MAX, () => undefined);
  const verdicts: (string | undefined)[] = [];
  verdicts.push(w.push(wsFrame(2, false, Buffer.from([1])), 1));
  for (let i = 0; i < 7; i++) verdicts.push(w.push(wsFrame(0, false, Buffer.from([1])), 1));
  verdicts.push(w.push(wsFrame(0, false, Buffer.from([1])), 1));
  assert.deepEqual(verdicts, [...Array(8).fill(undefined), 'too_big']);
  const ok = new WsInbound(MAX, () => undefined);
  ok.push(wsFrame(2, false, Buffer.from([1])), 1);
  for (let i = 0; i < 6; i++) ok.push(wsFrame(0, false, Buffer.from([1])), 1);
  assert.equal(ok.push(wsFrame(0, true, Buffer.from([1])), 1), undefined, '8 fragments are fine');
  assert.equal(ok.push(wsFrame(2, false, Buffer.from([1])), 2), undefined, 'and the next message counts from 1');
});

test('startedAt: when the incomplete message began; 0 once nothing is incomplete', () => {
  const w = new WsInbound(MAX, () => undefined);
  const f = wsFrame(2, true, Buffer.alloc(1000));
  w.push(f.subarray(0, 1), 100);
  assert.equal(w.startedAt, 100, 'a cut header');
  w.push(f.subarray(1, 500), 200);
  assert.equal(w.startedAt, 100, 'still the same frame');
  w.push(Buffer.concat([f.subarray(500), f.subarray(0, 10)]), 300);
  assert.equal(w.startedAt, 300, 'that frame done; the next began in this read');
  w.push(f.subarray(10), 400);
  assert.equal(w.startedAt, 0);
  w.push(wsFrame(2, false, Buffer.alloc(1)), 500);
  w.push(wsFrame(9, true, Buffer.alloc(1)), 600);
  w.push(wsFrame(0, false, Buffer.alloc(1)), 700);
  assert.equal(w.startedAt, 500, 'a fragmented message: from its first fragment, through pings and fragments');
  w.push(wsFrame(0, true, Buffer.alloc(1)), 800);
  assert.equal(w.startedAt, 0);
});

/**
 * The echo answer on body bytes (echo.ts): a re-framed body must decode to exactly what the decode + encode path
 * answers, and every body the fast path refuses must still be answered (or be `bad_body`) by that path.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { decodeBody, encodeBody } from '../protocol/messages.js';
import { MsgId } from '../protocol/wire.js';
import { plainEchoBody } from './echo.js';

const same = (a: Buffer) => {
  const m = decodeBody(MsgId.C2G_Echo, a);
  const viaCodec = decodeBody(MsgId.G2C_Echo, encodeBody(MsgId.G2C_Echo, { payload: m.payload ?? new Uint8Array(0), clientTimeMs: m.clientTimeMs ?? 0 }));
  const viaBytes = decodeBody(MsgId.G2C_Echo, a);
  assert.deepEqual(Buffer.from(viaBytes.payload ?? []), Buffer.from(viaCodec.payload ?? []));
  assert.equal(String(viaBytes.clientTimeMs ?? 0), String(viaCodec.clientTimeMs ?? 0));
};

test('bodies the encoder makes are re-framed as they are, and decode to the same answer', () => {
  const times = [0, 1, 127, 128, 1_700_000_000_000, Number.MAX_SAFE_INTEGER, -1];
  for (const len of [0, 1, 58, 127, 128, 16_383, 16_384, 65_000]) {
    for (const t of times) {
      const body = Buffer.from(encodeBody(MsgId.C2G_Echo, { payload: Buffer.alloc(len, 7), clientTimeMs: t }));
      assert.ok(plainEchoBody(body, 0, body.length), `len ${len} t ${t}`);
      same(body);
      // inside a larger buffer (the chunk), at an offset
      const chunk = Buffer.concat([Buffer.from([1, 2, 3]), body, Buffer.from([0x0a])]);
      assert.ok(plainEchoBody(chunk, 3, 3 + body.length));
    }
  }
  assert.ok(plainEchoBody(Buffer.alloc(0), 0, 0)); // both fields absent: both defaults either way
  same(Buffer.from([0x10, 0x05, 0x0a, 0x01, 0x61])); // any field order
});

test('anything else takes the decode + encode path', () => {
  const refused = [
    [0x0a, 0x05, 0x61], // payload running past the end
    [0x0a], // length missing
    [0x10], // varint missing
    [0x10, 0x80], // varint cut
    [0x10, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x01, 0x00].slice(0, 12), // 11-byte varint
    [0x10, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x02], // 10th byte beyond 64 bits
    [0x0a, 0x00, 0x0a, 0x00], // repeated field
    [0x10, 0x01, 0x10, 0x02],
    [0x18, 0x01], // unknown field
    [0x12, 0x00], // field 2 with the wrong wire type
    [0x0a, 0x80, 0x80, 0x80, 0x01], // a length of 4 bytes
  ];
  for (const r of refused) assert.equal(plainEchoBody(Buffer.from(r), 0, r.length), false, Buffer.from(r).toString('hex'));
});

test('random bodies: whenever the fast path accepts, the answer is the same', () => {
  let accepted = 0;
  for (let i = 0; i < 20_000; i++) {
    const b = Buffer.alloc(Math.floor(Math.random() * 12));
    for (let k = 0; k < b.length; k++) b[k] = [0x0a, 0x10, 0x00, 0x01, 0x80, 0xff, 0x02][Math.floor(Math.random() * 7)]!;
    if (!plainEchoBody(b, 0, b.length)) continue;
    accepted++;
    same(b);
  }
  assert.ok(accepted > 100, `${accepted} random bodies accepted`);
});

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { encodeFrame, FrameDecoder, FrameTooLargeError } from './frame-codec.js';

function frames(): Buffer[] {
  return [
    encodeFrame(1, Buffer.from([])),
    encodeFrame(2003, Buffer.from('hello world')),
    encodeFrame(1001, Buffer.alloc(300, 7)),
    encodeFrame(65535, Buffer.from([1])),
  ];
}

function decodeAll(chunks: Buffer[]): { id: number; body: string }[] {
  const out: { id: number; body: string }[] = [];
  const d = new FrameDecoder((id, body) => out.push({ id, body: body.toString('hex') }));
  for (const c of chunks) assert.equal(d.push(c), true);
  assert.equal(d.buffered, 0);
  return out;
}

test('encodeFrame writes u16 LE total length and msg id', () => {
  const f = encodeFrame(0x0102, Buffer.from([0xaa, 0xbb]));
  assert.deepEqual([...f], [6, 0, 0x02, 0x01, 0xaa, 0xbb]);
  assert.throws(() => encodeFrame(1, Buffer.alloc(65532)), FrameTooLargeError);
  assert.equal(encodeFrame(1, Buffer.alloc(65531)).length, 65535);
});

test('frames split at every byte position decode identically', () => {
  const all = Buffer.concat(frames());
  const expected = decodeAll([all]);
  assert.equal(expected.length, 4);
  for (let i = 1; i < all.length; i++) assert.deepEqual(decodeAll([all.subarray(0, i), all.subarray(i)]), expected, `split at ${i}`);
  // and byte by byte
  assert.deepEqual(decodeAll([...all].map((b) => Buffer.from([b]))), expected);
  // and three-way splits around the header of the second frame
  for (let i = 1; i < 12; i++) for (let j = i + 1; j < 16; j++) assert.deepEqual(decodeAll([all.subarray(0, i), all.subarray(i, j), all.subarray(j)]), expected);
});

test('a frame inside one chunk is a view, not a copy', () => {
  const chunk = Buffer.concat(frames());
  const bodies: Buffer[] = [];
  new FrameDecoder((_id, body) => bodies.push(body)).push(chunk);
  assert.equal(bodies[1]!.buffer, chunk.buffer);
});

for (const len of [0, 1, 2, 3]) {
  test(`total length ${len} is rejected (short_frame) and stops the decoder`, () => {
    const got: number[] = [];
    const d = new FrameDecoder((id) => got.push(id));
    const bad = Buffer.from([len, 0, 9, 9]);
    assert.equal(d.push(Buffer.concat([encodeFrame(1, Buffer.alloc(0)), bad])), false);
    assert.deepEqual(got, [1]);
    assert.equal(d.push(encodeFrame(1, Buffer.alloc(0))), false, 'nothing after a bad frame');
  });
  test(`total length ${len} split across chunks is rejected`, () => {
    const d = new FrameDecoder(() => assert.fail('no frame expected'));
    assert.equal(d.push(Buffer.from([len])), true);
    assert.equal(d.push(Buffer.from([0, 1, 2])), false);
  });
}

test('stop() from inside the handler drops the rest of the chunk', () => {
  const got: number[] = [];
  const d: FrameDecoder = new FrameDecoder((id) => {
    got.push(id);
    d.stop();
  });
  d.push(Buffer.concat(frames()));
  assert.deepEqual(got, [1]);
});

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { batchBody, batchFromChunk, batchMessage, batchBytes, dropBatch, encodeFrame, FrameDecoder, FrameTooLargeError, takeBatch } from './frame-codec.js';

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

/** Answers every frame of `chunk` like the echo (same body, id + 1) through the batch; returns the batch. */
function echoChunk(chunk: Buffer, answer: (id: number, start: number, end: number) => void = (id, s, e) => batchBody(id + 1, chunk, s, e)): Buffer {
  batchFromChunk(chunk);
  const d = new (class extends FrameDecoder {
    protected override frame(msgId: number, _buf: Buffer, start: number, end: number): void {
      answer(msgId, start, end);
    }
  })();
  d.push(chunk);
  return takeBatch();
}

test('echoed frames of one chunk are answered in place: the batch is the chunk itself, ids patched', () => {
  const frames = [encodeFrame(7, Buffer.from('abc')), encodeFrame(7, Buffer.alloc(60, 1)), encodeFrame(7, Buffer.alloc(0))];
  const chunk = Buffer.concat(frames);
  const out = echoChunk(chunk);
  assert.equal(out, chunk, 'no copy: the chunk goes back out');
  assert.deepEqual(out, Buffer.concat(frames.map((f) => encodeFrame(8, f.subarray(4)))));
  assert.equal(batchBytes(), 0);
});

test('a frame cut at the end of the chunk: the complete ones go out as a view of the chunk', () => {
  const a = encodeFrame(7, Buffer.from('hello'));
  const b = encodeFrame(7, Buffer.from('world!'));
  const chunk = Buffer.concat([a, a, b.subarray(0, 5)]);
  const out = echoChunk(chunk);
  assert.equal(out.buffer, chunk.buffer);
  assert.equal(out.byteOffset, chunk.byteOffset);
  assert.deepEqual(out, Buffer.concat([encodeFrame(8, Buffer.from('hello')), encodeFrame(8, Buffer.from('hello'))]));
});

test('another send in the middle copies the in-place run first and keeps the order', () => {
  const codec = { encode: (m: { n: number }, w: { uint32(v: number): unknown }) => w.uint32(m.n) };
  const chunk = Buffer.concat([encodeFrame(7, Buffer.from('x1')), encodeFrame(9, Buffer.from('zz')), encodeFrame(7, Buffer.from('x2'))]);
  const out = echoChunk(chunk, (id, s, e) => (id === 7 ? batchBody(8, chunk, s, e) : batchMessage(10, codec as never, { n: 5 } as never)));
  assert.ok(!(out.buffer === chunk.buffer && out.byteOffset === chunk.byteOffset), 'a copy, not the chunk');
  assert.deepEqual(out, Buffer.concat([encodeFrame(8, Buffer.from('x1')), encodeFrame(10, Buffer.from([5])), encodeFrame(8, Buffer.from('x2'))]));
});

test('a frame answered with nothing breaks the run: later answers are copied, the chunk is left as it was after it', () => {
  const chunk = Buffer.concat([encodeFrame(7, Buffer.from('a')), encodeFrame(9, Buffer.from('b')), encodeFrame(7, Buffer.from('c'))]);
  const out = echoChunk(chunk, (id, s, e) => void (id === 7 && batchBody(8, chunk, s, e)));
  assert.deepEqual(out, Buffer.concat([encodeFrame(8, Buffer.from('a')), encodeFrame(8, Buffer.from('c'))]));
  assert.deepEqual(chunk.subarray(5, 10), encodeFrame(9, Buffer.from('b')), 'the unanswered frame is untouched');
});

test('a body range that is not a whole received frame is copied, never patched into the chunk', () => {
  const chunk = encodeFrame(7, Buffer.from('0123456789'));
  const before = Buffer.from(chunk);
  const out = echoChunk(chunk, (_id, s, e) => batchBody(8, chunk, s + 4, e));
  assert.deepEqual(chunk, before);
  assert.deepEqual(out, encodeFrame(8, Buffer.from('456789')));
  dropBatch();
});

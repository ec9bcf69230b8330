/**
 * The SDK's pure codec: frames round-trip through the stream reader cut at every byte and merged several per chunk,
 * through the WebSocket splitter (several frames per message; a message ending inside a frame is refused); platform
 * bodies through the generated codecs; a game module's messages through a protobufjs Root and its JSON descriptor.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import protobuf from 'protobufjs';
import { decodeBody, encodeBody } from '../protocol/messages.js';
import { MsgId } from '../protocol/wire.js';
import { FrameStream } from '../protocol/framing.js';
import { encodeFrame as serverEncodeFrame, FrameDecoder, FrameTooLargeError } from '../socket/frame-codec.js';
import { encodeFrame, FrameError, FrameReader, joinFrames, readWholeFrames } from './codec.js';
import { buildGameCodec, echoCodec, MessagesError } from './game-messages.js';

const frames = () => [
  encodeFrame(MsgId.Ping, encodeBody(MsgId.Ping, { clientTimeMs: 123 })),
  encodeFrame(MsgId.G2C_Echo, encodeBody(MsgId.G2C_Echo, { payload: new Uint8Array(300).fill(7), clientTimeMs: 9 })),
  encodeFrame(MsgId.C2G_Leave, new Uint8Array(0)),
  encodeFrame(40000, new Uint8Array([1, 2, 3])),
];

const collect = () => {
  const got: [number, number[]][] = [];
  return { got, cb: (id: number, body: Uint8Array) => void got.push([id, [...body]]) };
};
const expected = () => frames().map((f) => [f[2]! | (f[3]! << 8), [...f.subarray(4)]] as [number, number[]]);

test('encodeFrame matches the server codec byte for byte and has no Buffer', () => {
  for (const id of [MsgId.Ping, MsgId.C2G_Echo, 65535]) {
    const body = new Uint8Array([5, 6, 7, 8, 9]);
    const f = encodeFrame(id, body);
    assert.equal(Object.getPrototypeOf(f), Uint8Array.prototype);
    assert.deepEqual([...f], [...serverEncodeFrame(id, body)]);
  }
  assert.throws(() => encodeFrame(1, new Uint8Array(65532)), (e: unknown) => e instanceof FrameError && e.code === 'frame_too_large');
  assert.equal(encodeFrame(1, new Uint8Array(65531)).length, 65535);
});

test('the SDK and the servers share one framing (services/protocol/framing.ts)', () => {
  assert.ok(new FrameDecoder() instanceof FrameStream, 'the servers reassemble with FrameStream');
  assert.throws(() => encodeFrame(1, new Uint8Array(65532)), FrameTooLargeError, 'one error class on both sides');
});

test('FrameReader: every split point of a stream of four frames, and all in one chunk', () => {
  const stream = joinFrames(frames());
  for (let cut = 0; cut <= stream.length; cut++) {
    const { got, cb } = collect();
    const r = new FrameReader(cb);
    r.push(stream.subarray(0, cut));
    r.push(stream.subarray(cut));
    assert.deepEqual(got, expected(), `cut at ${cut}`);
    assert.equal(r.buffered, 0);
  }
  const { got, cb } = collect();
  const r = new FrameReader(cb);
  for (const b of stream) r.push(new Uint8Array([b])); // one byte per chunk
  assert.deepEqual(got, expected());
});

test('FrameReader: a length below 4 is a short_frame, and the reader stays dead', () => {
  const r = new FrameReader(() => {});
  assert.throws(() => r.push(new Uint8Array([3, 0, 1, 0])), (e: unknown) => e instanceof FrameError && e.code === 'short_frame');
  assert.throws(() => r.push(encodeFrame(1, new Uint8Array(0))), FrameError);
  const r2 = new FrameReader(() => {});
  r2.push(new Uint8Array([2])); // the bad length split across chunks
  assert.throws(() => r2.push(new Uint8Array([0, 0, 0])), (e: unknown) => e instanceof FrameError && e.code === 'short_frame');
});

test('readWholeFrames: several frames per WebSocket message; a partial frame is ws_partial', () => {
  const { got, cb } = collect();
  readWholeFrames(joinFrames(frames()), cb);
  assert.deepEqual(got, expected());
  const whole = joinFrames(frames());
  for (const cut of [1, 3, 5, whole.length - 1]) {
    assert.throws(() => readWholeFrames(whole.subarray(0, cut), () => {}), (e: unknown) => e instanceof FrameError && e.code === 'ws_partial', `cut ${cut}`);
  }
  assert.throws(() => readWholeFrames(new Uint8Array([1, 0, 0, 0]), () => {}), (e: unknown) => e instanceof FrameError && e.code === 'short_frame');
  readWholeFrames(new Uint8Array(0), () => assert.fail('no frames in an empty message'));
  const frontWhole = joinFrames([...frames(), new Uint8Array([9, 0, 1])]);
  assert.throws(() => readWholeFrames(frontWhole, () => assert.fail('nothing of a bad message is delivered')), FrameError);
});

test('platform bodies round-trip through a frame (generated codecs)', () => {
  const f = encodeFrame(MsgId.G2C_ResumeRs, encodeBody(MsgId.G2C_ResumeRs, { returnCode: 0, resumeToken: 'ab'.repeat(16) }));
  let seen = false;
  readWholeFrames(f, (id, body) => {
    assert.equal(id, MsgId.G2C_ResumeRs);
    assert.equal(decodeBody(MsgId.G2C_ResumeRs, body).resumeToken, 'ab'.repeat(16));
    seen = true;
  });
  assert.ok(seen);
});

const arenaProto = `syntax = "proto3"; package t.v1;
message Move { sint32 dx = 1; sint32 dy = 2; }
message Pos { string account = 1; int32 x = 2; int32 y = 3; }
message State { repeated Pos players = 1; int64 tick_ms = 2; }`;
const table = {
  10001: { name: 'Move', from: 'client', type: 't.v1.Move' },
  10002: { name: 'State', from: 'server', type: 't.v1.State' },
} as const;

test('game messages: by name out, by id in, from a Root or its JSON descriptor', () => {
  const root = protobuf.parse(arenaProto).root;
  for (const proto of [root, root.toJSON()]) {
    const codec = buildGameCodec(proto, table);
    const move = codec.outgoing('Move')!;
    assert.equal(move.id, 10001);
    assert.deepEqual(root.lookupType('t.v1.Move').toObject(root.lookupType('t.v1.Move').decode(move.encode({ dx: -1, dy: 1 }))), { dx: -1, dy: 1 });
    assert.equal(codec.outgoing('State'), undefined, 'State is the server’s');
    const stateType = root.lookupType('t.v1.State');
    const bytes = stateType.encode(stateType.fromObject({ players: [{ account: 'a', x: 3, y: 4 }], tickMs: 1_700_000_000_000 })).finish();
    const state = codec.incoming(10002)!.decode(bytes) as { players: { account: string; x: number; y: number }[]; tickMs: number };
    assert.equal(typeof state.tickMs, 'number', 'int64 as a number');
    assert.equal(state.tickMs, 1_700_000_000_000);
    assert.deepEqual(state.players, [{ account: 'a', x: 3, y: 4 }]);
    assert.deepEqual(codec.serverNames, ['State']);
  }
  assert.throws(() => buildGameCodec(root, { 9999: { name: 'X', from: 'client', type: 't.v1.Move' } }), MessagesError);
  assert.throws(() => buildGameCodec(root, { 10001: { name: 'X', from: 'client', type: 't.v1.Nope' } }), /not in the proto/);
  assert.throws(() => buildGameCodec({ nope: 1 }, table), MessagesError);
});

test('echo codec: Echo is C2G_Echo out and G2C_Echo in', () => {
  const out = echoCodec.outgoing('Echo')!;
  assert.equal(out.id, MsgId.C2G_Echo);
  const bytes = out.encode({ payload: new Uint8Array([1, 2]), clientTimeMs: 5 });
  const back = echoCodec.incoming(MsgId.G2C_Echo)!.decode(bytes) as { payload: Uint8Array; clientTimeMs: number };
  assert.deepEqual([...back.payload], [1, 2]);
  assert.equal(Number(back.clientTimeMs), 5);
  assert.equal(echoCodec.incoming(MsgId.C2G_Echo), undefined);
});

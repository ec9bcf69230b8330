/**
 * Regression tests for the socket layer's hot-path optimisations (bench/socket-echo): one reused protobuf writer
 * for every frame, replies to one received chunk leaving in one write, per-message counters tallied as numbers and
 * added to prom-client when read.
 */
import assert from 'node:assert/strict';
import { connect, type Socket } from 'node:net';
import { after, before, describe, test } from 'node:test';
import $protobuf from 'protobufjs/minimal.js';
import { startEchoServer, type EchoServer } from '../../test/helpers/echo-server.js';
import { allMessages, decodeBody, encodeBody } from '../protocol/messages.js';
import { KickReason, MsgId } from '../protocol/wire.js';
import { encodeFrame, encodeMessageFrame, FrameDecoder, FrameTooLargeError } from './frame-codec.js';

describe('encodeMessageFrame (one reused writer)', () => {
  const samples: Record<number, unknown> = {
    [MsgId.Ping]: { clientTimeMs: 1234567890123 },
    [MsgId.Pong]: { clientTimeMs: 1, serverTimeMs: 2 },
    [MsgId.S2C_Kick]: { reason: KickReason.IDLE },
    [MsgId.MI_AppInfoSync]: { app: { appId: 'game-1', online: 3, ip: '10.0.0.1', port: 5003 } },
    [MsgId.C2L_AccountCheck]: { account: 'alice', password: 'pw' },
    [MsgId.L2C_AccountCheckRs]: { returnCode: 3, playerId: 'p' },
    [MsgId.C2L_EnterGame]: {},
    [MsgId.L2C_EnterGameRs]: { returnCode: 0, ip: '127.0.0.1', port: 5003, token: 'ab'.repeat(16) },
    [MsgId.C2G_LoginByToken]: { account: 'alice', token: 'ok' },
    [MsgId.G2C_LoginByTokenRs]: { returnCode: 0, playerId: 'alice' },
    [MsgId.C2G_Echo]: { payload: Buffer.from('x'), clientTimeMs: 9 },
    [MsgId.G2C_Echo]: { payload: Buffer.alloc(0) },
    [MsgId.C2G_Resume]: { account: 'alice', resumeToken: 'cd'.repeat(16) },
    [MsgId.G2C_ResumeRs]: { returnCode: 0, resumeToken: 'ef'.repeat(16) },
    [MsgId.C2G_Leave]: {},
  };

  test('equals encodeFrame(encodeBody(…)) for every message, in any order, across a large one', () => {
    const ids = allMessages.map((s) => s.id);
    for (const round of [0, 1]) {
      for (const id of round ? [...ids].reverse() : ids) {
        const m = samples[id] as never;
        assert.deepEqual(encodeMessageFrame(id, allMessages.find((s) => s.id === id)!.codec, m), encodeFrame(id, encodeBody(id as never, m)), `msg ${id}`);
      }
      // grows the shared writer; later small frames must not carry any of it
      const big = { payload: Buffer.alloc(60_000, 7) };
      assert.deepEqual(encodeMessageFrame(MsgId.G2C_Echo, allMessages.find((s) => s.id === MsgId.G2C_Echo)!.codec, big), encodeFrame(MsgId.G2C_Echo, encodeBody(MsgId.G2C_Echo, big)));
    }
  });

  test('a body over 65531 bytes throws FrameTooLargeError and the next frame is clean', () => {
    const echo = allMessages.find((s) => s.id === MsgId.G2C_Echo)!.codec;
    assert.throws(() => encodeMessageFrame(MsgId.G2C_Echo, echo, { payload: Buffer.alloc(70_000) }), FrameTooLargeError);
    assert.deepEqual(encodeMessageFrame(MsgId.G2C_Echo, echo, { payload: Buffer.from('a') }), encodeFrame(MsgId.G2C_Echo, encodeBody(MsgId.G2C_Echo, { payload: Buffer.from('a') })));
  });

  test('an encoder that throws half-way (even inside a fork) does not leak bytes into the next frame', () => {
    const broken = {
      encode(_m: unknown, w: $protobuf.Writer) {
        w.uint32(10).fork().string('half written');
        throw new Error('boom');
      },
    };
    assert.throws(() => encodeMessageFrame(1, broken, {}), /boom/);
    const ping = allMessages.find((s) => s.id === MsgId.Ping)!.codec;
    assert.deepEqual(encodeMessageFrame(MsgId.Ping, ping, { clientTimeMs: 5 }), encodeFrame(MsgId.Ping, encodeBody(MsgId.Ping, { clientTimeMs: 5 })));
  });
});

/** A raw client that records every frame it receives, in order, and when the connection closed. */
function rawClient(port: number): Promise<{ socket: Socket; frames: { id: number; body: Buffer }[]; closed: Promise<void> }> {
  return new Promise((resolve, reject) => {
    const socket = connect({ port, host: '127.0.0.1' });
    const frames: { id: number; body: Buffer }[] = [];
    const decoder = new FrameDecoder((id, body) => frames.push({ id, body: Buffer.from(body) }));
    socket.on('data', (c: Buffer) => void decoder.push(c));
    socket.on('error', () => {});
    const closed = new Promise<void>((r) => socket.on('close', () => r()));
    socket.once('connect', () => resolve({ socket, frames, closed }));
    socket.once('error', reject);
  });
}

describe('replies batched per received chunk', () => {
  let s: EchoServer;
  before(async () => (s = await startEchoServer({ maxFramesPerSec: 100_000 })));
  after(() => s.close());

  test('many frames in one chunk are all answered, in order', async () => {
    const c = await rawClient(s.port);
    const login = encodeFrame(MsgId.C2G_LoginByToken, encodeBody(MsgId.C2G_LoginByToken, { account: 'batch', token: 'ok' }));
    const echoes = Array.from({ length: 500 }, (_, i) => encodeFrame(MsgId.C2G_Echo, encodeBody(MsgId.C2G_Echo, { payload: Buffer.from(String(i)) })));
    c.socket.write(Buffer.concat([login, ...echoes]));
    const deadline = Date.now() + 10_000;
    while (c.frames.length < 501 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 10));
    assert.equal(c.frames[0]!.id, MsgId.G2C_LoginByTokenRs);
    assert.deepEqual(
      c.frames.slice(1).map((f) => Buffer.from(decodeBody(MsgId.G2C_Echo, f.body).payload ?? []).toString()),
      echoes.map((_, i) => String(i)),
    );
    c.socket.destroy();
  });

  test('a kick caused by a frame in the same chunk follows the replies to the frames before it, then the close', async () => {
    const c = await rawClient(s.port);
    const ping = encodeFrame(MsgId.Ping, encodeBody(MsgId.Ping, { clientTimeMs: 1 }));
    const echoBeforeLogin = encodeFrame(MsgId.C2G_Echo, Buffer.alloc(0));
    c.socket.write(Buffer.concat([ping, ping, echoBeforeLogin, ping]));
    await c.closed;
    assert.deepEqual(
      c.frames.map((f) => f.id),
      [MsgId.Pong, MsgId.Pong, MsgId.S2C_Kick],
    );
    assert.equal(decodeBody(MsgId.S2C_Kick, c.frames[2]!.body).reason, KickReason.PROTOCOL_ERROR);
  });

  test('frames received/sent counters are exact whenever they are read (scrape or get)', async () => {
    const text0 = await s.metrics.registry.metrics();
    const read = (text: string, name: string, msg: string) => Number(new RegExp(`^${name}\\{app_type="game",msg="${msg}"\\} (\\d+)$`, 'm').exec(text)?.[1] ?? 0);
    const pings0 = read(text0, 'gamecluster_frames_received_total', 'Ping');
    const pongs0 = read(text0, 'gamecluster_frames_sent_total', 'Pong');
    const c = await rawClient(s.port);
    const ping = encodeFrame(MsgId.Ping, encodeBody(MsgId.Ping, { clientTimeMs: 1 }));
    c.socket.write(Buffer.concat(Array.from({ length: 37 }, () => ping)));
    const deadline = Date.now() + 10_000;
    while (c.frames.length < 37 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 10));
    const text1 = await s.metrics.registry.metrics();
    assert.equal(read(text1, 'gamecluster_frames_received_total', 'Ping'), pings0 + 37);
    assert.equal(read(text1, 'gamecluster_frames_sent_total', 'Pong'), pongs0 + 37);
    c.socket.write(ping);
    while (c.frames.length < 38 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 10));
    assert.equal(await s.counter('gamecluster_frames_received_total', { msg: 'Ping' }), pings0 + 38);
    assert.equal(await s.counter('gamecluster_frames_sent_total', { msg: 'Pong' }), pongs0 + 38);
    c.socket.destroy();
  });
});

import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import { startEchoServer, type EchoServer } from '../../test/helpers/echo-server.js';
import { waitFor } from '../../test/helpers/wait-for.js';
import { KickReason, MsgId, ReturnCode } from '../protocol/wire.js';
import { encodeBody } from '../protocol/messages.js';
import { encodeFrame } from './frame-codec.js';
import { FrameClient } from './frame-client.js';

async function login(port: number, account: string): Promise<FrameClient> {
  const c = await FrameClient.connect(port);
  const rs = await c.request(MsgId.C2G_LoginByToken, { account, token: 'ok' }, MsgId.G2C_LoginByTokenRs);
  assert.equal(rs.returnCode ?? 0, ReturnCode.OK);
  return c;
}

async function echo(c: FrameClient, text: string): Promise<string> {
  const rs = await c.request(MsgId.C2G_Echo, { payload: Buffer.from(text) }, MsgId.G2C_Echo);
  return Buffer.from(rs.payload ?? []).toString();
}

describe('frame server', () => {
  let s: EchoServer;
  before(async () => (s = await startEchoServer()));
  after(() => s.close());

  test('echo works with frames split at every byte and merged in one write', async () => {
    const c = await login(s.port, 'split');
    const frames = Buffer.concat([0, 1, 2].map((i) => encodeFrame(MsgId.C2G_Echo, Buffer.from([10, 1, 48 + i]))));
    const replies = [c.next(MsgId.G2C_Echo), c.next(MsgId.G2C_Echo), c.next(MsgId.G2C_Echo)];
    for (let i = 0; i < frames.length; i++) {
      c.writeRaw(frames.subarray(i, i + 1));
      await sleep(1);
    }
    assert.deepEqual((await Promise.all(replies)).map((r) => Buffer.from(r.payload!).toString()), ['0', '1', '2']);
    const merged = [c.next(MsgId.G2C_Echo), c.next(MsgId.G2C_Echo), c.next(MsgId.G2C_Echo)];
    c.writeRaw(frames);
    assert.deepEqual((await Promise.all(merged)).map((r) => Buffer.from(r.payload!).toString()), ['0', '1', '2']);
    c.destroy();
  });

  for (const [what, bytes, reason] of [
    ['length 0', Buffer.from([0, 0, 1, 0]), 'short_frame'],
    ['length 1', Buffer.from([1, 0, 1, 0]), 'short_frame'],
    ['length 2', Buffer.from([2, 0]), 'short_frame'],
    ['length 3', Buffer.from([3, 0, 1]), 'short_frame'],
    ['unknown id', encodeFrame(4242, Buffer.alloc(0)), 'unknown_msg'],
    ['server → client id', encodeFrame(MsgId.G2C_Echo, Buffer.alloc(0)), 'unknown_msg'],
    ['login id on game', encodeFrame(MsgId.C2L_AccountCheck, Buffer.alloc(0)), 'unknown_msg'],
    ['corrupt body', encodeFrame(MsgId.C2G_LoginByToken, Buffer.from([0x0a, 0x7f, 0x01])), 'bad_body'],
    ['echo before login', encodeFrame(MsgId.C2G_Echo, Buffer.alloc(0)), 'out_of_order'],
  ] as const) {
    test(`${what} closes only that connection (${reason})`, async () => {
      const good = await login(s.port, `good-${what}`);
      const before = await s.counter('gamecluster_frames_rejected_total', { reason });
      const bad = await FrameClient.connect(s.port);
      bad.writeRaw(bytes);
      await bad.closed;
      assert.equal(await s.counter('gamecluster_frames_rejected_total', { reason }), before + 1);
      assert.equal(await echo(good, 'still here'), 'still here');
      good.destroy();
    });
  }

  test('a send queued for a closed connection never reaches a newer connection of the same account', async () => {
    const a = await login(s.port, 'player-x');
    const idA = s.server.findByObjectKey('player-x')!.identity()!;
    a.destroy();
    await waitFor('A gone', () => s.server.findByObjectKey('player-x') === undefined);
    const b = await login(s.port, 'player-x');
    const idB = s.server.findByObjectKey('player-x')!.identity()!;
    assert.notEqual(idA.socketKey, idB.socketKey);
    const stale = await s.counter('gamecluster_frames_dropped_stale_total');
    assert.equal(s.server.send(idA, MsgId.G2C_Echo, { payload: Buffer.from('for A') }), false);
    assert.equal(s.server.kick(idA, KickReason.DUPLICATE_LOGIN), false);
    assert.equal(await s.counter('gamecluster_frames_dropped_stale_total'), stale + 2);
    // B only ever sees what is addressed to B
    assert.equal(s.server.send(idB, MsgId.G2C_Echo, { payload: Buffer.from('for B') }), true);
    assert.equal(Buffer.from((await b.next(MsgId.G2C_Echo)).payload!).toString(), 'for B');
    assert.equal(await echo(b, 'next'), 'next');
    b.destroy();
  });

  test('a send by identity with the right socket key but another account is dropped', async () => {
    const a = await login(s.port, 'acct-a');
    const id = s.server.findByObjectKey('acct-a')!.identity()!;
    assert.equal(s.server.send({ socketKey: id.socketKey, objectKey: 'acct-b' }, MsgId.G2C_Echo, { payload: Buffer.from('x') }), false);
    a.destroy();
  });

  test('abrupt client closes (RST mid-frame, half-close, close with writes pending) leave the server up', async () => {
    for (let i = 0; i < 20; i++) {
      const c = await login(s.port, `abrupt-${i}`);
      c.writeRaw(encodeFrame(MsgId.C2G_Echo, Buffer.alloc(100)).subarray(0, 50));
      if (i % 3 === 0) c.reset();
      else if (i % 3 === 1) c.end();
      else {
        for (let k = 0; k < 50; k++) c.writeRaw(encodeFrame(MsgId.C2G_Echo, Buffer.alloc(1000)));
        c.destroy();
      }
    }
    await waitFor('all abrupt connections gone', () => s.server.size === 0);
    const c = await login(s.port, 'after-abrupt');
    assert.equal(await echo(c, 'ok'), 'ok');
    c.destroy();
  });
});

describe('connection limits', () => {
  test('auth timeout closes an unauthenticated connection (auth_timeout) with S2C_Kick', async () => {
    const s = await startEchoServer({ authTimeoutMs: 200 });
    const c = await FrameClient.connect(s.port);
    await c.closed;
    assert.equal(c.kickReason, KickReason.IDLE);
    assert.equal(await s.counter('gamecluster_frames_rejected_total', { reason: 'auth_timeout' }), 1);
    await s.close();
  });

  test('idle timeout closes a silent authenticated connection (idle)', async () => {
    const s = await startEchoServer({ idleTimeoutMs: 300 });
    const c = await login(s.port, 'idle');
    await c.closed;
    assert.equal(await s.counter('gamecluster_frames_rejected_total', { reason: 'idle' }), 1);
    await s.close();
  });

  test('an authenticated peer dribbling a frame that never completes is idle', async () => {
    const s = await startEchoServer({ idleTimeoutMs: 400 });
    const c = await login(s.port, 'dribbler');
    const frame = encodeFrame(MsgId.C2G_Echo, Buffer.alloc(200));
    let i = 0;
    const drip = setInterval(() => c.writeRaw(frame.subarray(i, ++i)), 50);
    await c.closed;
    clearInterval(drip);
    assert.ok(i < frame.length, 'closed before the frame completed');
    assert.equal(await s.counter('gamecluster_frames_rejected_total', { reason: 'idle' }), 1);
    await s.close();
  });

  test('more than MAX_FRAMES_PER_SEC closes (rate)', async () => {
    const s = await startEchoServer({ maxFramesPerSec: 20 });
    const c = await login(s.port, 'rate');
    c.writeRaw(Buffer.concat(Array.from({ length: 50 }, () => encodeFrame(MsgId.Ping, Buffer.alloc(0)))));
    await c.closed;
    assert.equal(await s.counter('gamecluster_frames_rejected_total', { reason: 'rate' }), 1);
    await s.close();
  });

  test('a peer that does not read is closed (slow_reader)', async () => {
    const s = await startEchoServer({ maxWriteBuffer: 64 * 1024, maxFramesPerSec: 100_000 });
    const c = await login(s.port, 'slow');
    // Ask for ~6 MB of echoes and never read them: the kernel buffers fill, then ours.
    (c as unknown as { socket: import('node:net').Socket }).socket.pause();
    const big = encodeFrame(MsgId.C2G_Echo, encodeBody(MsgId.C2G_Echo, { payload: Buffer.alloc(60_000, 1) }));
    for (let i = 0; i < 100; i++) c.writeRaw(big);
    await waitFor('slow_reader counted', async () => (await s.counter('gamecluster_frames_rejected_total', { reason: 'slow_reader' })) === 1, 20_000);
    c.destroy();
    await s.close();
  });
});

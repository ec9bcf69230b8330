/**
 * A hostile internet (issue 13), against real processes on loopback: what one client can make a pod spend.
 *
 * - Dribblers: authenticated login connections that declare a 65,535-byte frame and send its body one byte per TCP
 *   segment cost the pod at most the declared frame each (RSS per connection printed and bounded), are closed at
 *   FRAME_TIMEOUT_MS as `slow_frame`, and a fresh player still gets in.
 * - Connection budgets: 1,000 connections from 127.0.0.1 beyond MAX_CONNECTIONS_PER_IP are refused at accept and
 *   counted while a player from 127.0.0.2 plays the whole flow; MAX_CONNECTIONS bounds the pod as a whole without
 *   touching the player already in.
 * - Readers that never read while the server pushes: the bytes queued for all of them stay within MAX_OUTBOUND_BYTES,
 *   the heaviest are closed first, a player who reads is unaffected (the echo server child: the same FrameServer).
 */
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { connect, type Socket } from 'node:net';
import { after, before, test } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import { encodeBody } from '../services/protocol/messages.js';
import { MsgId, ReturnCode } from '../services/protocol/wire.js';
import { encodeFrame, FrameDecoder } from '../services/socket/frame-codec.js';
import { FrameClient } from '../services/socket/frame-client.js';
import { figure, mib, pool, rejectedByReason, rssBytes, sample, scrape } from './helpers/reliability.js';
import { waitFor } from './helpers/wait-for.js';
import { fetchJson, play, startCluster, waitRegistered, type Proc, type TestCluster } from './pod-cluster.js';

const FRAME_TIMEOUT_MS = 4000;
const PER_IP = 200;

let c: TestCluster;
let login: Proc;
let game: Proc;

before(async () => {
  c = await startCluster({ prefix: 'hostile', env: { LOG_LEVEL: 'warn', FRAME_TIMEOUT_MS: String(FRAME_TIMEOUT_MS), MAX_CONNECTIONS_PER_IP: String(PER_IP), MAX_FRAMES_PER_SEC: '1000000' } });
  [login, game] = await Promise.all([c.startPod('login', 'hostile-login'), c.startPod('game', 'hostile-game', { MAX_CONNECTIONS: '60' })]);
  await waitRegistered(c, 'login', ['hostile-login']);
  await waitRegistered(c, 'game', ['hostile-game']);
});

after(async () => {
  await c?.stop();
});

function open(port: number, localAddress = '127.0.0.1'): Promise<Socket> {
  return new Promise((resolve, reject) => {
    const s = connect({ port, host: '127.0.0.1', localAddress, noDelay: true });
    s.once('connect', () => (s.off('error', reject), s.on('error', () => {}), resolve(s)));
    s.once('error', reject);
    s.resume(); // read (and drop) what the server sends, so its FIN is seen
  });
}
const closed = (s: Socket) => new Promise<void>((resolve) => (s.destroyed ? resolve() : s.once('close', () => resolve())));

/** The whole player flow with every TCP connection from `localAddress`. */
async function playFrom(localAddress: string, account: string): Promise<FrameClient> {
  const { status, body } = await fetchJson(`http://127.0.0.1:${c.appmgr.port}/login`);
  assert.equal(status, 200, JSON.stringify(body));
  const l = await FrameClient.connect(body.port, body.ip, 10_000, { localAddress });
  assert.equal((await l.request(MsgId.C2L_AccountCheck, { account, password: 'pw' }, MsgId.L2C_AccountCheckRs)).returnCode ?? 0, ReturnCode.OK);
  const enter = await l.request(MsgId.C2L_EnterGame, {}, MsgId.L2C_EnterGameRs);
  assert.equal(enter.returnCode ?? 0, ReturnCode.OK);
  await l.closed;
  const g = await FrameClient.connect(enter.port!, enter.ip!, 10_000, { localAddress });
  assert.equal((await g.request(MsgId.C2G_LoginByToken, { account, token: enter.token! }, MsgId.G2C_LoginByTokenRs)).returnCode ?? 0, ReturnCode.OK);
  const echo = await g.request(MsgId.C2G_Echo, { payload: Buffer.from('still here'), clientTimeMs: 1 }, MsgId.G2C_Echo);
  assert.equal(Buffer.from(echo.payload!).toString(), 'still here');
  return g;
}

test('dribbled 65,535-byte frames cost at most the frame each and close at FRAME_TIMEOUT_MS (slow_frame)', { timeout: 90_000 }, async () => {
  const N = 10;
  const pid = login.proc.child.pid!;
  // Warm-up: one dribble round first, so the young generation and the socket pools have grown before measuring.
  const round = async (bytesEach: number) => {
    const socks = await Promise.all(Array.from({ length: N }, () => open(login.port)));
    for (const [i, s] of socks.entries()) {
      s.write(encodeFrame(MsgId.C2L_AccountCheck, encodeBody(MsgId.C2L_AccountCheck, { account: `drib-${i}-${bytesEach}`, password: 'pw' })));
    }
    await sleep(300);
    const header = Buffer.from([0xff, 0xff, MsgId.Ping & 0xff, MsgId.Ping >> 8]);
    for (const s of socks) s.write(header);
    const t0 = Date.now();
    let sent = 0;
    const one = Buffer.from([0]);
    // One byte per connection per turn of the event loop: each lands in its own TCP segment and its own read.
    while (sent < bytesEach && Date.now() - t0 < FRAME_TIMEOUT_MS - 1500) {
      for (const s of socks) s.write(one);
      sent++;
      if (sent % 4 === 0) await new Promise((r) => setImmediate(r));
    }
    return { socks, t0, sent };
  };
  const warm = await round(60_000);
  await Promise.all(warm.socks.map(closed));
  await sleep(500);
  const rssBefore = rssBytes(pid);
  const { socks, t0, sent } = await round(60_000);
  const rssPeak = rssBytes(pid);
  const closedAt = await Promise.all(socks.map(async (s) => (await closed(s), Date.now() - t0)));
  const perConn = (rssPeak - rssBefore) / N;
  figure('dribble', { connections: N, bytes_sent_each: sent, rss_before_mib: mib(rssBefore), rss_peak_mib: mib(rssPeak), rss_per_connection_kib: Math.round(perConn / 1024), closed_after_ms: [Math.min(...closedAt), Math.max(...closedAt)] });
  assert.ok(perConn <= 1024 * 1024, `RSS grew ${Math.round(perConn / 1024)} KiB per dribbling connection (budget 1 MiB)`);
  for (const ms of closedAt) assert.ok(ms >= FRAME_TIMEOUT_MS - 200 && ms <= FRAME_TIMEOUT_MS + 5000, `closed after ${ms} ms (FRAME_TIMEOUT_MS ${FRAME_TIMEOUT_MS})`);
  const rejected = rejectedByReason(await scrape(login.metricsPort));
  assert.equal(rejected.slow_frame, 2 * N, JSON.stringify(rejected)); // the warm-up round and the measured one
  const p = await play(c, 'after-dribblers');
  p.client.destroy();
});

test(`connections beyond MAX_CONNECTIONS_PER_IP=${PER_IP} are refused at accept while 127.0.0.2 plays`, { timeout: 90_000 }, async () => {
  const before = sample(await scrape(login.metricsPort), 'gamecluster_connections_refused_total', { reason: 'max_per_ip' });
  const socks = await pool(Array.from({ length: 1000 }, (_, i) => i), 100, () => open(login.port));
  // The refused ones are closed by the pod right after the handshake; the first PER_IP stay open.
  await waitFor('refusals counted', async () => sample(await scrape(login.metricsPort), 'gamecluster_connections_refused_total', { reason: 'max_per_ip' }) - before >= 1000 - PER_IP, 20_000, 100);
  await sleep(300);
  const open127 = socks.filter((s) => !s.destroyed).length;
  const g = await playFrom('127.0.0.2', 'other-address');
  const s = await scrape(login.metricsPort);
  const refused = sample(s, 'gamecluster_connections_refused_total', { reason: 'max_per_ip' }) - before;
  figure('max_per_ip', { attempted: 1000, refused, still_open_from_127_0_0_1: open127 });
  assert.equal(refused, 1000 - PER_IP);
  assert.equal(open127, PER_IP);
  g.destroy();
  for (const x of socks) x.destroy();
  await waitFor('login connections back to 0', async () => sample(await scrape(login.metricsPort), 'gamecluster_connections') === 0, 10_000, 100);
});

test('MAX_CONNECTIONS bounds the pod; the player already in keeps playing, a new one gets in once there is room', { timeout: 60_000 }, async () => {
  const inGame = await play(c, 'already-in');
  const extra = await pool(Array.from({ length: 100 }, (_, i) => i), 50, (i) => open(game.port, `127.0.1.${(i % 50) + 1}`));
  await waitFor('max_connections refusals', async () => sample(await scrape(game.metricsPort), 'gamecluster_connections_refused_total', { reason: 'max_connections' }) >= 41, 10_000, 100);
  const refused = sample(await scrape(game.metricsPort), 'gamecluster_connections_refused_total', { reason: 'max_connections' });
  const echo = await inGame.client.request(MsgId.C2G_Echo, { payload: Buffer.from('x'), clientTimeMs: 2 }, MsgId.G2C_Echo);
  assert.equal(Buffer.from(echo.payload!).toString(), 'x');
  figure('max_connections', { max: 60, attempted: 100, refused });
  assert.equal(refused, 100 - 59);
  for (const x of extra) x.destroy();
  await waitFor('room again', async () => sample(await scrape(game.metricsPort), 'gamecluster_connections') === 1, 10_000, 100);
  const p = await play(c, 'after-full');
  p.client.destroy();
  inGame.client.destroy();
});

/** The echo server (the same FrameServer a game pod runs) as a child process with the given limits. */
async function echoChild(limits: Record<string, number>): Promise<{ child: ChildProcess; port: number; metricsPort: number; stop(): Promise<void> }> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'test/helpers/echo-server-main.ts', JSON.stringify(limits)], { stdio: ['ignore', 'pipe', 'inherit'] });
  const line = await new Promise<string>((resolve, reject) => {
    let buf = '';
    child.stdout!.on('data', (d: Buffer) => {
      buf += d.toString();
      const i = buf.indexOf('\n');
      if (i >= 0) resolve(buf.slice(0, i));
    });
    child.once('exit', (code) => reject(new Error(`echo server exited ${code}`)));
  });
  const { port, metricsPort } = JSON.parse(line) as { port: number; metricsPort: number };
  return {
    child,
    port,
    metricsPort,
    stop: () => new Promise<void>((resolve) => (child.exitCode !== null ? resolve() : (child.once('exit', () => resolve()), child.kill('SIGTERM')))),
  };
}

test('500 connections that never read: queued bytes stay within MAX_OUTBOUND_BYTES, heaviest closed first, a reader unaffected', { timeout: 120_000 }, async () => {
  const MAX_OUT = 16 * 1024 * 1024;
  const srv = await echoChild({ maxFramesPerSec: 1_000_000, maxWriteBuffer: 8 * 1024 * 1024, maxOutboundBytes: MAX_OUT });
  const socks: Socket[] = [];
  try {
    const rssBefore = rssBytes(srv.child.pid!);
    const login = (i: number) => encodeFrame(MsgId.C2G_LoginByToken, encodeBody(MsgId.C2G_LoginByToken, { account: `silent-${i}`, token: 'ok' }));
    const big = encodeFrame(MsgId.C2G_Echo, encodeBody(MsgId.C2G_Echo, { payload: Buffer.alloc(60_000, 7), clientTimeMs: 0 }));
    const reader = await FrameClient.connect(srv.port);
    assert.equal((await reader.request(MsgId.C2G_LoginByToken, { account: 'reader', token: 'ok' }, MsgId.G2C_LoginByTokenRs)).returnCode ?? 0, ReturnCode.OK);
    for (let i = 0; i < 500; i++) {
      const s = await open(srv.port);
      s.pause(); // never reads: everything the server sends piles up in the kernel, then in the server
      s.write(login(i));
      socks.push(s);
    }
    // Only user-space bytes count (the kernel takes ~4 MB per loopback connection first), so a tenth of the
    // connections push ~5.4 MB each and another tenth ~4.5 MB; the rest push one frame (they stay light).
    const frames = (i: number) => (i % 10 === 9 ? 90 : i % 10 === 8 ? 75 : 1);
    let maxSeen = 0;
    let rssPeak = 0;
    for (let r = 0; r < 10; r++) {
      for (const [i, s] of socks.entries()) {
        const n = frames(i);
        const from = Math.floor((n * r) / 10);
        const to = Math.floor((n * (r + 1)) / 10);
        if (!s.destroyed) for (let k = from; k < to; k++) s.write(big);
      }
      await sleep(300);
      const q = sample(await scrape(srv.metricsPort), 'gamecluster_outbound_queued_bytes');
      maxSeen = Math.max(maxSeen, q);
      rssPeak = Math.max(rssPeak, rssBytes(srv.child.pid!));
      const echo = await reader.request(MsgId.C2G_Echo, { payload: Buffer.from(`r${r}`), clientTimeMs: r }, MsgId.G2C_Echo);
      assert.equal(Buffer.from(echo.payload!).toString(), `r${r}`, 'the reader is answered');
    }
    await sleep(1000);
    const s = await scrape(srv.metricsPort);
    const shed = rejectedByReason(s).slow_reader ?? 0;
    figure('outbound_budget', { connections: 500, max_outbound_mib: mib(MAX_OUT), max_queued_seen_mib: mib(maxSeen), closed_slow_reader: shed, rss_before_mib: mib(rssBefore), rss_peak_mib: mib(rssPeak) });
    assert.ok(maxSeen <= MAX_OUT, `queued ${maxSeen} > ${MAX_OUT}`);
    assert.ok(shed > 0, 'the budget was reached and connections were shed');
    assert.ok(rssPeak - rssBefore < MAX_OUT + 256 * 1024 * 1024, `RSS grew ${mib(rssPeak - rssBefore)} MiB`);
    // Which ones were closed: read what is queued to each; the shed ones then see the server's close.
    const ended = new Set<Socket>();
    for (const x of socks) {
      x.on('close', () => ended.add(x));
      x.on('end', () => ended.add(x));
      x.on('data', () => undefined);
      x.resume();
    }
    const gone = (x: Socket) => x.destroyed || ended.has(x);
    await waitFor('shed connections seen closed', async () => socks.filter(gone).length >= shed, 20_000, 100);
    // Heaviest first: the connections that pushed the most are shed; the light ones never are.
    const heavyShed = socks.filter((x, i) => i % 10 === 9 && gone(x)).length;
    const lightShed = socks.filter((x, i) => i % 10 < 8 && gone(x)).length;
    figure('outbound_shed_by_weight', { heaviest_fifth: heavyShed, lightest_fifth: lightShed, closed_seen: socks.filter(gone).length });
    assert.ok(heavyShed > 0 && lightShed === 0, `heavy ${heavyShed} vs light ${lightShed}`);
    reader.destroy();
  } finally {
    for (const x of socks) x.destroy();
    await srv.stop();
  }
});

test('a client that half-closes after its last request still gets the answer of an asynchronous handler', { timeout: 30_000 }, async () => {
  const { body } = await fetchJson(`http://127.0.0.1:${c.appmgr.port}/login`);
  const s = await open(body.port);
  const frames: number[] = [];
  const dec = new FrameDecoder((id) => frames.push(id));
  s.on('data', (d: Buffer) => dec.push(d));
  // EnterGame answers after a gRPC call to appmgr and a Redis script: asynchronously, after the FIN arrived.
  s.write(encodeFrame(MsgId.C2L_AccountCheck, encodeBody(MsgId.C2L_AccountCheck, { account: 'half-closer', password: 'pw' })));
  await waitFor('account checked', async () => frames.length === 1, 10_000, 20);
  s.end(encodeFrame(MsgId.C2L_EnterGame, encodeBody(MsgId.C2L_EnterGame, {})));
  await closed(s);
  assert.deepEqual(frames, [MsgId.L2C_AccountCheckRs, MsgId.L2C_EnterGameRs]);
});

test('6 wrong tokens on one game connection close it (token_failures); a right token on a new connection works', { timeout: 30_000 }, async () => {
  const before = rejectedByReason(await scrape(game.metricsPort)).token_failures ?? 0;
  const g = await FrameClient.connect(game.port);
  const codes: number[] = [];
  for (let i = 0; i < 6; i++) {
    try {
      codes.push((await g.request(MsgId.C2G_LoginByToken, { account: 'guesser', token: `${i}`.padStart(32, 'f') }, MsgId.G2C_LoginByTokenRs)).returnCode ?? 0);
    } catch {
      break; // closed
    }
  }
  await g.closed;
  assert.deepEqual(codes, Array(5).fill(ReturnCode.TOKEN_INVALID), 'five answers, then the connection is closed');
  assert.equal(g.kickReason, 3 /* PROTOCOL_ERROR */);
  await waitFor('token_failures counted', async () => (rejectedByReason(await scrape(game.metricsPort)).token_failures ?? 0) === before + 1, 5000, 50);
  const p = await play(c, 'rightful');
  p.client.destroy();
});

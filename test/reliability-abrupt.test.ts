/**
 * Reliability — abrupt clients and slowloris/idle (issue 7), against the REAL login and game pods as child processes
 * (so their own /proc/<pid>/fd is what is counted), behind a real appmgr and redis-server.
 *
 * Abrupt: 5,000 clients (half login, half game; on game some are players with a real token) that reset mid-frame,
 * reset while the pod is writing a pile of replies to them, half-close mid-frame, half-close after pipelined
 * requests (and must still get every reply, then the pod's FIN), or stop reading and go silent while the pod writes
 * (closed by the limits). Afterwards: the pods are up and serve a full player flow, `gamecluster_connections` and
 * `gamecluster_online_players` are 0, and each pod's fd count is back to what it was before.
 *
 * Slowloris/idle: 2,000 connections that never send a byte, dribble a frame one byte per second, or log in and go
 * silent, while robots (services/robots) play the whole flow: the first two are closed by AUTH_TIMEOUT_MS
 * (`auth_timeout`), the silent players by IDLE_TIMEOUT_MS (`idle`), each within its limit plus a generous margin
 * (the figures are printed), and the robots see 0 failures.
 *
 * The limits are set small for the test (AUTH_TIMEOUT_MS=3000, IDLE_TIMEOUT_MS=4000); MAX_FRAMES_PER_SEC is raised so
 * a client can pipeline thousands of requests (the rate limit is not what is tested here).
 */
import assert from 'node:assert/strict';
import { connect, type Socket } from 'node:net';
import { after, before, test } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import { decodeBody, encodeBody } from '../services/protocol/messages.js';
import { KickReason, MsgId, ReturnCode } from '../services/protocol/wire.js';
import { encodeFrame, FrameDecoder } from '../services/socket/frame-codec.js';
import { FrameClient } from '../services/socket/frame-client.js';
import { runRobots } from '../services/robots/run.js';
import { Rng } from './helpers/frame-fuzz.js';
import { errorLogs, fdCount, figure, pool, rejectedByReason, sample, scrape, within } from './helpers/reliability.js';
import { waitFor } from './helpers/wait-for.js';
import { gameLogin, loginAndEnter, play, startCluster, waitRegistered, type Proc, type TestCluster } from './pod-cluster.js';

const AUTH_TIMEOUT_MS = 3000;
const IDLE_TIMEOUT_MS = 4000;
const ABRUPT = Number(process.env.ABRUPT_CLIENTS ?? 5000);
const SLOW = Number(process.env.SLOW_CLIENTS ?? 2000);
const SEED = (process.env.FUZZ_SEED ? Number(process.env.FUZZ_SEED) : Math.floor(Math.random() * 2 ** 32)) >>> 0;

let c: TestCluster;
let login: Proc;
let game: Proc;
const held: Socket[] = [];

before(async () => {
  c = await startCluster({
    prefix: 'relabrupt',
    env: { AUTH_TIMEOUT_MS: String(AUTH_TIMEOUT_MS), IDLE_TIMEOUT_MS: String(IDLE_TIMEOUT_MS), MAX_FRAMES_PER_SEC: '1000000', LOG_LEVEL: 'warn' },
  });
  [login, game] = await Promise.all([c.startPod('login', 'abrupt-login'), c.startPod('game', 'abrupt-game')]);
  await waitRegistered(c, 'login', ['abrupt-login']);
  await waitRegistered(c, 'game', ['abrupt-game']);
});

after(async () => {
  for (const s of held) s.destroy();
  await c?.stop();
});

const pingFrame = (i: number) => encodeFrame(MsgId.Ping, encodeBody(MsgId.Ping, { clientTimeMs: i }));
const fakeTokenFrame = (i: number) => encodeFrame(MsgId.C2G_LoginByToken, encodeBody(MsgId.C2G_LoginByToken, { account: `ab-${i}`, token: `not-a-token-${i}` }));
const echoFrame = (i: number) => encodeFrame(MsgId.C2G_Echo, encodeBody(MsgId.C2G_Echo, { payload: Buffer.alloc(32, i & 0xff), clientTimeMs: i }));

function open(port: number): Promise<Socket> {
  return new Promise((resolve, reject) => {
    const s = connect({ port, host: '127.0.0.1', noDelay: true });
    s.once('connect', () => (s.off('error', reject), s.on('error', () => {}), resolve(s)));
    s.once('error', reject);
  });
}

const closedP = (s: Socket) => new Promise<void>((resolve) => (s.destroyed ? resolve() : s.once('close', () => resolve())));

type Behaviour = 'rst_mid_frame' | 'rst_while_pod_writes' | 'fin_mid_frame' | 'fin_after_requests' | 'silent_while_pod_writes' | 'player_rst_mid_echoes';

test(`abrupt clients: ${ABRUPT} resets, half-closes and silent readers; gauges back to 0, no fd leak`, { timeout: 120_000 }, async () => {
  // Warm up every lazily opened resource (login's gRPC channel to appmgr, the game's token path) before counting.
  const warm = await play(c, `warm-${SEED}`);
  warm.client.destroy();
  await waitFor('gauges 0 after warm-up', async () => sample(await scrape(game.metricsPort), 'gamecluster_connections') === 0);
  const fdsBefore = { login: fdCount(login.proc.child.pid!), game: fdCount(game.proc.child.pid!) };
  const rejBefore = { login: rejectedByReason(await scrape(login.metricsPort)), game: rejectedByReason(await scrape(game.metricsPort)) };

  const counts: Record<string, number> = {};
  let finReplies = 0;
  let finRepliesExpected = 0;
  const silent: Socket[] = [];
  const started = Date.now();
  await pool(
    Array.from({ length: ABRUPT }, (_, i) => i),
    200,
    async (i) => {
      const r = new Rng((SEED ^ Math.imul(i + 1, 0x9e3779b1)) >>> 0);
      const role = i % 2 === 0 ? 'login' : 'game';
      const players = role === 'game' && r.chance(0.12);
      const b: Behaviour = players ? 'player_rst_mid_echoes' : r.pick(['rst_mid_frame', 'rst_while_pod_writes', 'fin_mid_frame', 'fin_after_requests', 'silent_while_pod_writes'] as const);
      counts[`${role}:${b}`] = (counts[`${role}:${b}`] ?? 0) + 1;
      const request = role === 'login' ? pingFrame : fakeTokenFrame;
      if (b === 'player_rst_mid_echoes') {
        const step = await loginAndEnter(c, `ab-${SEED}-${i}`);
        const g = await gameLogin(step.port, `ab-${SEED}-${i}`, step.token);
        assert.equal(g.code, ReturnCode.OK);
        const frames = Buffer.concat(Array.from({ length: r.range(10, 400) }, (_, k) => echoFrame(k)));
        g.client.writeRaw(frames.subarray(0, frames.length - r.range(1, 20)));
        if (r.chance(0.5)) await sleep(r.int(5));
        g.client.reset();
        await g.client.closed;
        return;
      }
      const s = await open(role === 'login' ? login.port : game.port);
      const n = r.range(20, 400);
      const pile = Buffer.concat(Array.from({ length: n }, (_, k) => request(k)));
      switch (b) {
        case 'rst_mid_frame': {
          const f = request(i);
          s.write(Buffer.concat([Buffer.concat(Array.from({ length: r.int(5) }, (_, k) => request(k))), f.subarray(0, r.range(1, f.length - 1))]));
          if (r.chance(0.5)) await sleep(r.int(3));
          s.resetAndDestroy();
          break;
        }
        case 'rst_while_pod_writes':
          // Never reads: the pod is writing n replies when the reset lands.
          s.pause();
          s.write(pile);
          await sleep(r.int(4));
          s.resetAndDestroy();
          break;
        case 'fin_mid_frame': {
          const f = request(i);
          s.end(f.subarray(0, r.range(1, f.length - 1)));
          s.resume();
          break;
        }
        case 'fin_after_requests': {
          // Half-close after n requests: every reply is still owed, then the pod's FIN.
          let got = 0;
          const dec = new FrameDecoder(() => void got++);
          s.on('data', (d: Buffer) => void dec.push(d));
          s.end(pile);
          finRepliesExpected += n;
          await within(closedP(s), 20_000, `fin_after_requests #${i}: the pod's close`);
          finReplies += got;
          assert.equal(got, n, `fin_after_requests #${i} (${role}): ${got}/${n} replies before the pod's FIN`);
          return;
        }
        case 'silent_while_pod_writes':
          // Stops reading and never closes: only the limits can free this slot.
          s.pause();
          s.write(pile);
          silent.push(s);
          held.push(s);
          return;
      }
      await closedP(s);
    },
  );
  const abruptMs = Date.now() - started;

  for (const p of [login, game]) assert.equal(p.proc.child.exitCode, null, `${p.appId} exited: ${p.proc.stderr.join('').slice(-2000)}`);
  const gaugesZero = async (p: Proc) => {
    const s = await scrape(p.metricsPort);
    return sample(s, 'gamecluster_connections') === 0 && sample(s, 'gamecluster_online_players') === 0;
  };
  // The silent readers hold their slots until AUTH_TIMEOUT_MS (+ the 2 s bound on flushing the kick).
  const t0 = Date.now();
  await waitFor('connection and online gauges back to 0 on both pods', async () => (await gaugesZero(login)) && (await gaugesZero(game)), AUTH_TIMEOUT_MS + 20_000, 100);
  const gaugesZeroMs = Date.now() - t0;
  for (const s of silent) s.destroy();
  const fdsAfter = await waitFor(
    'fd counts back to their value before',
    () => {
      const now = { login: fdCount(login.proc.child.pid!), game: fdCount(game.proc.child.pid!) };
      return now.login <= fdsBefore.login && now.game <= fdsBefore.game ? now : undefined;
    },
    10_000,
    100,
  ).catch(() => ({ login: fdCount(login.proc.child.pid!), game: fdCount(game.proc.child.pid!), leaked: true }));
  const rejAfter = { login: rejectedByReason(await scrape(login.metricsPort)), game: rejectedByReason(await scrape(game.metricsPort)) };
  const delta = (a: Record<string, number>, b: Record<string, number>) => Object.fromEntries(Object.entries(a).map(([k, v]) => [k, v - (b[k] ?? 0)]).filter(([, v]) => (v as number) > 0));
  figure('abrupt', {
    clients: ABRUPT,
    by_behaviour: counts,
    fin_after_requests_replies: `${finReplies}/${finRepliesExpected}`,
    closed_by_limits: { login: delta(rejAfter.login, rejBefore.login), game: delta(rejAfter.game, rejBefore.game) },
    fds_before: fdsBefore,
    fds_after: fdsAfter,
    abrupt_ms: abruptMs,
    gauges_zero_after_ms: gaugesZeroMs,
  });
  assert.ok(!('leaked' in fdsAfter), `fd leak: before ${JSON.stringify(fdsBefore)}, after ${JSON.stringify(fdsAfter)}`);

  // Still serving: the whole flow, and no error logged by either pod.
  const after1 = await play(c, `after-abrupt-${SEED}`);
  const e = await after1.client.request(MsgId.C2G_Echo, { payload: Buffer.from('still here') }, MsgId.G2C_Echo);
  assert.equal(Buffer.from(e.payload!).toString(), 'still here');
  after1.client.destroy();
  assert.deepEqual(errorLogs(login.proc), []);
  assert.deepEqual(errorLogs(game.proc), []);
});

test(`slowloris/idle: ${SLOW} connections that never authenticate, dribble 1 byte/s, or go silent are closed on time while robots log in`, { timeout: 120_000 }, async () => {
  const rejBefore = { login: await scrape(login.metricsPort), game: await scrape(game.metricsPort) };
  type Slow = { kind: 'never_sends' | 'dribbles' | 'silent_player'; role: 'login' | 'game'; socket: Socket; since: number; closedAfterMs?: number; kick?: number };
  const slow: Slow[] = [];
  const fcs: FrameClient[] = [];
  const silentPlayers = Math.floor(SLOW / 10);
  const nSilentGame = Math.floor(silentPlayers / 4);

  // Silent players first (logged in, then nothing): login account checks, and a few real game logins.
  await pool(
    Array.from({ length: silentPlayers }, (_, i) => i),
    50,
    async (i) => {
      let fc: FrameClient;
      const role: 'login' | 'game' = i < nSilentGame ? 'game' : 'login';
      if (role === 'game') {
        const step = await loginAndEnter(c, `sl-${SEED}-${i}`);
        const g = await gameLogin(step.port, `sl-${SEED}-${i}`, step.token);
        assert.equal(g.code, ReturnCode.OK);
        fc = g.client;
      } else {
        fc = await FrameClient.connect(login.port);
        const rs = await fc.request(MsgId.C2L_AccountCheck, { account: `sl-${SEED}-${i}`, password: 'pw' }, MsgId.L2C_AccountCheckRs);
        assert.equal(rs.returnCode ?? 0, ReturnCode.OK);
      }
      const since = Date.now();
      const entry: Slow = { kind: 'silent_player', role, socket: undefined as unknown as Socket, since };
      slow.push(entry);
      void fc.closed.then(() => ((entry.closedAfterMs = Date.now() - since), (entry.kick = fc.kickReason)));
      fcs.push(fc);
    },
  );

  // Robots play the whole flow during the attack.
  const robots = runRobots({ appmgr: `http://127.0.0.1:${c.appmgr.port}`, players: 300, rate: 100, durationS: 1, echoPerSec: 2, accountPrefix: `slrobot-${SEED.toString(16)}` });

  // Unauthenticated: half never send, half dribble one byte per second of a frame that claims 65535 bytes.
  const unauth = SLOW - silentPlayers;
  const dribblers: Socket[] = [];
  await pool(
    Array.from({ length: unauth }, (_, i) => i),
    200,
    async (i) => {
      const role = i % 2 === 0 ? 'login' : 'game';
      // Taken before connecting: the pod's clock starts at its accept, which a loaded test process may see late.
      const since = Date.now();
      const s = await open(role === 'login' ? login.port : game.port);
      const e: Slow = { kind: i % 4 < 2 ? 'never_sends' : 'dribbles', role, socket: s, since };
      const dec = new FrameDecoder((id, body) => {
        if (id === MsgId.S2C_Kick) e.kick = decodeBody(MsgId.S2C_Kick, body).reason ?? 0;
      });
      s.on('data', (d: Buffer) => void dec.push(d));
      s.once('close', () => (e.closedAfterMs = Date.now() - e.since));
      slow.push(e);
      held.push(s);
      if (e.kind === 'dribbles') dribblers.push(s);
    },
  );
  const dribble = Buffer.from([0xff, 0xff, 0x01, 0x00, 0x08, 0x01, 0x08, 0x01, 0x08, 0x01]);
  let tickN = 0;
  const dribbleTimer = setInterval(() => {
    const b = dribble.subarray(tickN % dribble.length, (tickN % dribble.length) + 1);
    tickN++;
    for (const s of dribblers) if (!s.destroyed && s.writable) s.write(b);
  }, 1000);
  dribbleTimer.unref();

  try {
    await waitFor('every slow connection closed by the pods', () => slow.every((e) => e.closedAfterMs !== undefined), IDLE_TIMEOUT_MS + 20_000, 100);
  } finally {
    clearInterval(dribbleTimer);
  }
  const report = await robots;

  const stat = (kind: Slow['kind']) => {
    const xs = slow.filter((e) => e.kind === kind).map((e) => e.closedAfterMs!);
    xs.sort((a, b) => a - b);
    return { n: xs.length, min_ms: xs[0], p50_ms: xs[Math.floor(xs.length / 2)], max_ms: xs[xs.length - 1], kicked_idle: slow.filter((e) => e.kind === kind && e.kick === KickReason.IDLE).length };
  };
  const rejAfter = { login: await scrape(login.metricsPort), game: await scrape(game.metricsPort) };
  const d = (role: 'login' | 'game', reason: string) => sample(rejAfter[role], 'gamecluster_frames_rejected_total', { reason }) - sample(rejBefore[role], 'gamecluster_frames_rejected_total', { reason });
  const figures = {
    connections: slow.length,
    never_sends: stat('never_sends'),
    dribbles: stat('dribbles'),
    silent_players: stat('silent_player'),
    closed_by_reason: { login: { auth_timeout: d('login', 'auth_timeout'), idle: d('login', 'idle') }, game: { auth_timeout: d('game', 'auth_timeout'), idle: d('game', 'idle') } },
    limits_ms: { AUTH_TIMEOUT_MS, IDLE_TIMEOUT_MS },
    robots: { players: report.players, ok: report.ok, failed: report.failed },
  };
  figure('slowloris', figures);
  assert.equal(report.failed, 0, JSON.stringify(report.failures));
  assert.equal(d('login', 'auth_timeout') + d('game', 'auth_timeout'), unauth, 'every unauthenticated slow connection closed as auth_timeout');
  assert.equal(d('login', 'idle') + d('game', 'idle'), silentPlayers, 'every silent player closed as idle');
  // "On time": within the limit plus a generous margin (sweeps run every limit/10; the kick flush is bounded by 2 s).
  const margin = 5000;
  for (const e of slow) {
    const limit = e.kind === 'silent_player' ? IDLE_TIMEOUT_MS : AUTH_TIMEOUT_MS;
    assert.ok(e.closedAfterMs! <= limit + margin, `${e.kind} on ${e.role} closed after ${e.closedAfterMs} ms (limit ${limit})`);
    assert.ok(e.closedAfterMs! >= limit - 50, `${e.kind} on ${e.role} closed after ${e.closedAfterMs} ms, before its limit ${limit}`);
  }
  for (const fc of fcs) assert.equal(fc.kickReason, KickReason.IDLE);
  for (const p of [login, game]) assert.equal(p.proc.child.exitCode, null);
  assert.deepEqual(errorLogs(login.proc), []);
  assert.deepEqual(errorLogs(game.proc), []);
});

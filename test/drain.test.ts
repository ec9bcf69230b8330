/**
 * Draining and dying pods over real processes (redis-server, appmgr, 2 logins, 2 games with DRAIN_TIMEOUT_MS=2000):
 * SIGKILL on a login (clients see a clean connection error; after APP_TTL_MS no /login returns it), SIGTERM on a game
 * with players (never allocated again from the moment it reports draining; players stay until the drain timeout,
 * then S2C_Kick{SERVER_DRAINING}; exit 0), DrainApp via gRPC (same, without exiting), the drain key's expiry not
 * undraining it and UndrainApp bringing it back (past its deadline and before it, the kick cancelled), a SIGTERM
 * drain never undone, SIGTERM on an idle login (exit 0 at once, registry entry removed).
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import * as grpc from '@grpc/grpc-js';
import { Redis } from 'ioredis';
import { loadAppmgrProto } from '../services/appmgr/grpc-server.js';
import type { AppMgrServiceClient } from '../services/protocol/gen/grpc/gamecluster/v1/AppMgrService.js';
import { KickReason, MsgId, ReturnCode } from '../services/protocol/wire.js';
import { ConnectionClosedError, FrameClient } from '../services/socket/frame-client.js';
import { waitFor } from './helpers/wait-for.js';
import { fetchJson, loginAndEnter, metric, play, readyz, startCluster, waitRegistered, type Proc, type TestCluster } from './pod-cluster.js';

const APP_TTL_MS = 2000;
let c: TestCluster;
let loginA: Proc;
let loginK: Proc;
let gameX: Proc;
let gameY: Proc;
let api: AppMgrServiceClient;
const clients: FrameClient[] = [];

before(async () => {
  c = await startCluster({ prefix: 'drain', env: { APP_TTL_MS: String(APP_TTL_MS), HEARTBEAT_MS: '400', DRAIN_TIMEOUT_MS: '2000' } });
  [loginA, loginK, gameX, gameY] = await Promise.all([
    c.startPod('login', 'login-a'),
    c.startPod('login', 'login-k'),
    c.startPod('game', 'game-x'),
    c.startPod('game', 'game-y'),
  ]);
  await waitRegistered(c, 'login', ['login-a', 'login-k']);
  await waitRegistered(c, 'game', ['game-x', 'game-y']);
  const { proto } = loadAppmgrProto();
  api = new proto.gamecluster.v1.AppMgrService(`127.0.0.1:${c.appmgr.grpcPort}`, grpc.credentials.createInsecure());
});

after(async () => {
  for (const cl of clients) cl.destroy();
  api?.close();
  await c?.stop();
});

async function loginPort(): Promise<number> {
  const { status, body } = await fetchJson(`http://127.0.0.1:${c.appmgr.port}/login`);
  assert.equal(status, 200);
  return body.port as number;
}

/** Plays until `n` players are on `game`. */
async function fill(game: Proc, n: number, prefix: string): Promise<FrameClient[]> {
  const here: FrameClient[] = [];
  for (let i = 0; here.length < n && i < 4 * n + 4; i++) {
    const { client, gamePort } = await play(c, `${prefix}${i}`);
    clients.push(client);
    if (gamePort === game.port) here.push(client);
  }
  assert.equal(here.length, n);
  return here;
}

const echo = async (cl: FrameClient, s: string) => Buffer.from((await cl.request(MsgId.C2G_Echo, { payload: Buffer.from(s) }, MsgId.G2C_Echo)).payload!).toString();

test('SIGKILL on a login: its clients see a clean connection error; after APP_TTL_MS no /login returns it', async () => {
  const cl = await FrameClient.connect(loginK.port);
  const rs = await cl.request(MsgId.C2L_AccountCheck, { account: 'victim', password: '' }, MsgId.L2C_AccountCheckRs);
  assert.equal(rs.returnCode ?? 0, ReturnCode.OK);
  const pending = cl.next(MsgId.L2C_EnterGameRs, 10_000);
  loginK.proc.signal('SIGKILL');
  await assert.rejects(pending, ConnectionClosedError);
  await cl.closed;
  assert.equal(cl.isOpen, false);
  await loginK.proc.exited;
  await sleep(APP_TTL_MS + 500);
  for (let i = 0; i < 20; i++) assert.equal(await loginPort(), loginA.port);
  // The rest of the cluster is unaffected.
  const { client } = await play(c, 'after-kill');
  assert.equal(await echo(client, 'ok'), 'ok');
  client.destroy();
});

test('SIGTERM on a game with players: never allocated again, players kicked with SERVER_DRAINING only at the timeout, exit 0', async () => {
  const players = await fill(gameX, 2, 'x');
  const kicked = players.map((p) => p.closed);
  gameX.proc.signal('SIGTERM');
  await gameX.proc.waitForLog((l) => l.msg === 'draining reported in a heartbeat');
  assert.equal(await readyz(gameX), 503);
  // From this moment every allocation goes to game-y.
  for (let i = 0; i < 6; i++) {
    const step = await loginAndEnter(c, `post-term-${i}`);
    assert.equal(step.port, gameY.port);
  }
  // Players are still served while draining.
  for (const p of players) assert.equal(await echo(p, 'still here'), 'still here');
  assert.equal(await metric(gameX.metricsPort, 'gamecluster_online_players', { app_id: 'game-x' }), 2);
  await Promise.all(kicked);
  for (const p of players) assert.equal(p.kickReason, KickReason.SERVER_DRAINING);
  await gameX.proc.waitForLog((l) => l.msg === 'drain timeout: kicking the remaining players (SERVER_DRAINING)'); // stdout may trail the kick
  assert.equal(await gameX.proc.exited, 0);
  await waitFor('game-x gone from the registry', async () => {
    const { body } = await fetchJson(`http://127.0.0.1:${c.appmgr.metricsPort}/apps`);
    return !(body.apps as { app_id: string }[]).some((a) => a.app_id === 'game-x');
  });
});

test('DrainApp via gRPC drains a game without stopping it', async () => {
  const players = await fill(gameY, 1, 'y');
  const found = await new Promise<{ found: boolean }>((resolve, reject) => api.drainApp({ appId: 'game-y' }, (err, r) => (err ? reject(err) : resolve(r!))));
  assert.equal(found.found, true);
  await gameY.proc.waitForLog((l) => l.msg === 'draining reported in a heartbeat');
  assert.equal(await readyz(gameY), 503);
  const alloc = await new Promise<{ returnCode: string }>((resolve, reject) => api.allocateGame({ account: 'z' }, (err, r) => (err ? reject(err) : resolve(r!))));
  assert.equal(alloc.returnCode, 'RETURN_CODE_NO_APP');
  assert.equal(await echo(players[0]!, 'draining'), 'draining');
  await players[0]!.closed;
  assert.equal(players[0]!.kickReason, KickReason.SERVER_DRAINING);
  await gameY.proc.waitForLog((l) => l.msg === 'drained');
  await sleep(1000);
  assert.equal(gameY.proc.child.exitCode, null, 'still running');
  const { body } = await fetchJson(`http://127.0.0.1:${c.appmgr.metricsPort}/apps`);
  assert.equal((body.apps as { app_id: string; state: string }[]).find((a) => a.app_id === 'game-y')?.state, 'draining');
  assert.equal(await metric(gameY.metricsPort, 'gamecluster_online_players', { app_id: 'game-y' }), 0);
});

const undrain = (appId: string) => new Promise<{ found: boolean }>((resolve, reject) => api.undrainApp({ appId }, (err, r) => (err ? reject(err) : resolve(r!))));
const drainApp = (appId: string) => new Promise<{ found: boolean }>((resolve, reject) => api.drainApp({ appId }, (err, r) => (err ? reject(err) : resolve(r!))));
const stateOf = async (appId: string) => ((await fetchJson(`http://127.0.0.1:${c.appmgr.metricsPort}/apps`)).body.apps as { app_id: string; state: string }[]).find((a) => a.app_id === appId)?.state;

test('a DrainApp-drained pod stays drained when the drain key expires; UndrainApp brings it back (past its deadline: it listens again)', async (t) => {
  // game-y was drained by DrainApp in the previous test and is past its deadline (players kicked, listener closed).
  const raw = new Redis(c.redis.url);
  try {
    await raw.pexpire('{drain}:drain:game-y', 1); // what the key's expiry does
    await sleep(50);
    assert.equal(await raw.exists('{drain}:drain:game-y'), 0);
  } finally {
    raw.disconnect();
  }
  const beats = 3;
  await sleep(beats * 400 + 300); // HEARTBEAT_MS 400: several beats without the key
  assert.equal(await readyz(gameY), 503, 'still draining after the key expired');
  assert.equal(await stateOf('game-y'), 'draining');
  const alloc = await new Promise<{ returnCode: string }>((resolve, reject) => api.allocateGame({ account: 'zz' }, (err, r) => (err ? reject(err) : resolve(r!))));
  assert.equal(alloc.returnCode, 'RETURN_CODE_NO_APP');

  const t0 = performance.now();
  assert.equal((await undrain('game-y')).found, true);
  await waitFor('game-y ready again', async () => (await readyz(gameY)) === 200 && (await stateOf('game-y')) === 'ready', 10_000, 50);
  t.diagnostic(`UndrainApp → game-y ready in /readyz and /apps after ${(performance.now() - t0).toFixed(0)} ms (HEARTBEAT_MS 400)`);
  await gameY.proc.waitForLog((l) => l.msg === 'undrained by UndrainApp: accepting players again' && l.before_deadline === false);
  const { client, gamePort } = await play(c, 'after-undrain');
  assert.equal(gamePort, gameY.port, 'the undrained game takes players again (it is the only game left)');
  assert.equal(await echo(client, 'back'), 'back');
  client.destroy();
});

test('UndrainApp before the deadline cancels the pending kick; a SIGTERM drain is never undone', async () => {
  const gameU = await c.startPod('game', 'game-u', { DRAIN_TIMEOUT_MS: '60000' });
  await waitRegistered(c, 'game', ['game-u', 'game-y']);
  const [player] = await fill(gameU, 1, 'u');
  const kicked = player!.closed;
  let kickedEarly = false;
  void kicked.then(() => (kickedEarly = true));
  assert.equal((await drainApp('game-u')).found, true);
  await gameU.proc.waitForLog((l) => l.msg === 'draining reported in a heartbeat');
  assert.equal(await readyz(gameU), 503);
  assert.equal((await undrain('game-u')).found, true);
  await waitFor('game-u ready again', async () => (await readyz(gameU)) === 200 && (await stateOf('game-u')) === 'ready', 10_000, 50);
  await gameU.proc.waitForLog((l) => l.msg === 'undrained by UndrainApp: accepting players again' && l.before_deadline === true);
  assert.equal(await echo(player!, 'not kicked'), 'not kicked');
  assert.equal(kickedEarly, false);

  // SIGTERM: the pod drains on its own; UndrainApp clears the registry's flag but the pod never takes it back.
  gameU.proc.signal('SIGTERM');
  await waitFor('game-u draining after SIGTERM', async () => (await readyz(gameU)) === 503, 10_000, 50);
  assert.equal((await undrain('game-u')).found, true);
  await sleep(3 * 400 + 300);
  assert.equal(await readyz(gameU), 503, 'a SIGTERM drain is never undone');
  assert.equal(await stateOf('game-u'), 'draining');
  assert.equal(await echo(player!, 'still served'), 'still served');
  player!.destroy(); // the last player leaves: the SIGTERM drain completes and the pod exits 0
  assert.equal(await gameU.proc.exited, 0);
});

test('SIGTERM on an idle login exits 0 at once and leaves the registry', async () => {
  loginA.proc.signal('SIGTERM');
  assert.equal(await loginA.proc.exited, 0);
  assert.ok(!loginA.proc.logs.some((l) => String(l.msg).startsWith('drain timeout')));
  const { status, body } = await fetchJson(`http://127.0.0.1:${c.appmgr.port}/login`);
  assert.equal(status, 503);
  assert.equal(body.returncode, ReturnCode.NO_APP);
});

/**
 * Redis outage with real processes: players already in game stay connected and keep echoing; token logins answer
 * BUSY, EnterGame answers BUSY, the pods stay up and ready; when Redis returns, heartbeats rebuild the registry and
 * the full flow works again.
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { MsgId, ReturnCode } from '../services/protocol/wire.js';
import { FrameClient } from '../services/socket/frame-client.js';
import { waitFor } from './helpers/wait-for.js';
import { gameLogin, metric, play, readyz, startCluster, waitRegistered, type Proc, type TestCluster } from './pod-cluster.js';

let c: TestCluster;
let login: Proc;
let game: Proc;

before(async () => {
  c = await startCluster({ prefix: 'outage', appmgrEnv: { STALE_MS: '0' } });
  login = await c.startPod('login', 'login-o');
  game = await c.startPod('game', 'game-o');
  await waitRegistered(c, 'game', ['game-o']);
  await waitRegistered(c, 'login', ['login-o']);
});

after(async () => {
  await c?.stop();
});

test('players stay, logins answer BUSY, everything recovers', async () => {
  const { client } = await play(c, 'survivor');
  await c.redis.kill();
  await waitFor('game sees redis down', async () => (await metric(game.metricsPort, 'gamecluster_redis_up')) === 0);

  const echo = await client.request(MsgId.C2G_Echo, { payload: Buffer.from('during') }, MsgId.G2C_Echo);
  assert.equal(Buffer.from(echo.payload!).toString(), 'during');
  const g = await gameLogin(game.port, 'newcomer', '0123456789abcdef0123456789abcdef');
  assert.equal(g.code, ReturnCode.BUSY);
  g.client.destroy();

  const l = await FrameClient.connect(login.port);
  const check = await l.request(MsgId.C2L_AccountCheck, { account: 'newcomer', password: '' }, MsgId.L2C_AccountCheckRs);
  assert.equal(check.returnCode ?? 0, ReturnCode.OK, 'open account checks need no Redis');
  const enter = await l.request(MsgId.C2L_EnterGame, {}, MsgId.L2C_EnterGameRs);
  assert.equal(enter.returnCode, ReturnCode.BUSY);
  l.destroy();
  assert.equal(await readyz(game), 200, 'Redis down does not make the pod unready');
  assert.equal(game.proc.child.exitCode, null);
  assert.equal(login.proc.child.exitCode, null);

  await c.redis.restart();
  const restartedAt = Date.now();
  await waitFor('appmgr sees redis up', async () => (await metric(c.appmgr.metricsPort, 'gamecluster_redis_up')) === 1, 20_000, 100);
  // /apps is appmgr's snapshot, which kept the pods through the outage: wait for beats written after the restart.
  await waitRegistered(c, 'game', ['game-o'], restartedAt);
  await waitRegistered(c, 'login', ['login-o'], restartedAt);
  const again = await play(c, 'after-outage');
  assert.equal(again.gamePort, game.port);
  assert.equal(await metric(game.metricsPort, 'gamecluster_online_players', { app_type: 'game' }), 2);
  again.client.destroy();
  client.destroy();
});

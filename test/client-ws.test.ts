/**
 * The SDK over WebSocket in Node against real processes (appmgr, a login and a game with WS_PORT): `/login?transport=ws`
 * hands out the login's WebSocket port, the login hands out the game's, the whole flow and echo run over binary
 * messages (Node 20: the `ws` package; a global WebSocket where Node has one), pings are answered, a dropped
 * WebSocket resumes with C2G_Resume on the same game's WebSocket port, and leave() ends the session.
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { connect, type TimingEvent } from '../services/client/index.js';
import { freePort } from './helpers/free-port.js';
import { waitFor } from './helpers/wait-for.js';
import { metric, onlineOf, startLoginGame, type Proc, type TestCluster } from './pod-cluster.js';

let c: TestCluster;
let game: Proc;
let gameWs: number;
let loginWs: number;
let appmgr: string;

before(async () => {
  loginWs = await freePort();
  gameWs = await freePort();
  ({ c, game, appmgr } = await startLoginGame({ prefix: 'sdkws', loginEnv: { WS_PORT: String(loginWs) }, gameEnv: { WS_PORT: String(gameWs), RESUME_GRACE_MS: '5000' } }));
});

after(async () => {
  await c?.stop();
});

const online = () => onlineOf(game);

test('the whole flow over WebSocket: ws ports from /login and EnterGame, echo, pings, resume, leave', async (t) => {
  const timings: TimingEvent[] = [];
  const s = await connect({ appmgr, account: 'ws-1', transport: 'ws', pingEveryMs: 200, on: { timing: (e) => timings.push(e) } });
  assert.deepEqual(timings.map((e) => e.step), ['http_login', 'account_check', 'enter_game', 'game_login']);
  assert.equal(timings[0]!.address, `127.0.0.1:${loginWs}`, '/login?transport=ws answered the login’s WebSocket port');
  assert.equal(s.gameAddress, `127.0.0.1:${gameWs}`, 'the login handed out the game’s WebSocket port');
  t.diagnostic(`steps ms: ${timings.map((e) => `${e.step}=${e.ms.toFixed(1)}`).join(' ')}`);
  const rs = await s.request('Echo', { payload: new Uint8Array(1000).fill(3), clientTimeMs: 5 }, 'Echo');
  assert.equal(rs.payload!.length, 1000);
  await new Promise((resolve) => s.once('pong', resolve));
  assert.equal(await metric(game.metricsPort, 'gamecluster_connections', { app_type: 'game' }), 1);

  const resumed = new Promise((r) => s.once('resumed', r));
  s.dropConnection();
  assert.deepEqual(await resumed, { via: 'resume' });
  assert.equal(s.gameAddress, `127.0.0.1:${gameWs}`);
  assert.equal(await online(), 1);
  const again = await s.request('Echo', { payload: new Uint8Array([7]) }, 'Echo');
  assert.deepEqual([...again.payload!], [7]);

  assert.deepEqual(await s.leave(), { reason: 'left' });
  await waitFor('online 0 after leave', async () => (await online()) === 0, 5000, 50);
});

test('robots over WebSocket (--transport ws): 0 failures, the game pods keyed by their WebSocket port', async () => {
  const { runRobots } = await import('../services/robots/run.js');
  const r = await runRobots({ appmgr, players: 20, rate: 200, durationS: 0.3, echoPerSec: 5, transport: 'ws' });
  assert.equal(r.failed, 0, JSON.stringify(r.failures));
  assert.deepEqual(r.game_pods, { [`127.0.0.1:${gameWs}`]: 20 });
  assert.equal(r.options.transport, 'ws');
});

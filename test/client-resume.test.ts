/**
 * Resume through the SDK on real processes (appmgr, a login, a game pod with RESUME_GRACE_MS), the game reached
 * through a loopback TCP proxy (its ADVERTISE_PORT) so the test can drop the network for real: a reset connection
 * goes `away`, comes back with C2G_Resume to the same game (`resumed {via: 'resume'}`) and the player was counted
 * online throughout; the replaced token works for the next drop; an outage longer than the grace makes the resume
 * fail with TOKEN_INVALID, after which the session comes back through /login (retry) or closes (retry: false).
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { connect, type TimingEvent } from '../services/client/index.js';
import { freePort } from './helpers/free-port.js';
import { startTcpProxy, type TcpProxy } from './helpers/tcp-proxy.js';
import { waitFor } from './helpers/wait-for.js';
import { metric, onlineOf, startLoginGame, type Proc, type TestCluster } from './pod-cluster.js';

const GRACE_MS = 1500;
let c: TestCluster;
let game: Proc;
let proxy: TcpProxy;
let appmgr: string;

before(async () => {
  const gamePort = await freePort();
  proxy = await startTcpProxy(gamePort);
  ({ c, game, appmgr } = await startLoginGame({ prefix: 'sdkresume', gameEnv: { PORT: String(gamePort), ADVERTISE_PORT: String(proxy.port), RESUME_GRACE_MS: String(GRACE_MS) } }));
});

after(async () => {
  await proxy?.close();
  await c?.stop();
});

const online = () => onlineOf(game);
const away = () => metric(game.metricsPort, 'gamecluster_players_away');

test('a reset connection resumes on the same game (C2G_Resume), counted online throughout; the new token works next time', async (t) => {
  const s = await connect({ appmgr, account: 'res-1', transport: 'tcp' });
  assert.equal(s.gameAddress, `127.0.0.1:${proxy.port}`);
  const timings: TimingEvent[] = [];
  s.on('timing', (e) => timings.push(e));
  for (let round = 1; round <= 2; round++) {
    const wentAway = new Promise((r) => s.once('away', r));
    const resumed = new Promise((r) => s.once('resumed', r));
    proxy.cut();
    await wentAway;
    assert.deepEqual(await resumed, { via: 'resume' }, `round ${round}`);
    assert.equal(s.state, 'online');
    assert.equal(await online(), 1, 'still one player online, never zero');
    const rs = await s.request('Echo', { payload: new Uint8Array([round]) }, 'Echo');
    assert.deepEqual([...rs.payload!], [round]);
  }
  assert.deepEqual(timings.map((e) => e.step), ['resume', 'resume'], 'no new login: the same session');
  t.diagnostic(`resume ms: ${timings.map((e) => e.ms.toFixed(1)).join(', ')}`);
  await s.leave();
  await waitFor('online 0 after leave', async () => (await online()) === 0, 5000, 50);
});

test('an outage longer than the grace: the resume gets TOKEN_INVALID, then back through /login (retry) or closed', async () => {
  const s = await connect({ appmgr, account: 'res-2', transport: 'tcp' });
  const strict = await connect({ appmgr, account: 'res-3', transport: 'tcp', retry: false });
  const resumed = new Promise((r) => s.once('resumed', r));
  proxy.outage(true);
  await waitFor('both away on the server', async () => (await away()) === 2, 5000, 50);
  await waitFor('grace over', async () => (await away()) === 0 && (await online()) === 0, GRACE_MS + 5000, 100);
  proxy.outage(false);
  assert.deepEqual(await resumed, { via: 'login' });
  assert.equal(s.state, 'online');
  const closed = await strict.closed;
  assert.equal(closed.reason, 'dropped');
  assert.equal(closed.error?.code, 'TOKEN_INVALID');
  assert.equal(closed.error?.step, 'resume');
  await s.leave();
});

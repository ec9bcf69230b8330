/**
 * The client SDK against real processes (redis-server, appmgr, a login, a game): `connect()` over TCP runs the whole
 * flow and reports each step's timing; Echo both as request and as on()/send(); pings answered; leave() ends the
 * session and the game's online gauge drops; a duplicate login kicks the older session (kick + closed, no resume);
 * a dropped connection with resume/retry off closes the session, with retry on goes back through /login.
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { connect, ClientError, type TimingEvent } from '../services/client/index.js';
import { freePort } from './helpers/free-port.js';
import { waitFor } from './helpers/wait-for.js';
import { onlineOf, startLoginGame, type Proc, type TestCluster } from './pod-cluster.js';

let c: TestCluster;
let game: Proc;
let appmgr: string;

before(async () => {
  ({ c, game, appmgr } = await startLoginGame({ prefix: 'sdkflow' }));
});

after(async () => {
  await c?.stop();
});

const online = () => onlineOf(game);

test('connect over tcp: timed steps, echo both ways, pings, leave', async (t) => {
  const timings: TimingEvent[] = [];
  const s = await connect({ appmgr, account: 'sdk-player-1', password: 'pw', transport: 'tcp', pingEveryMs: 200, on: { timing: (e) => timings.push(e) } });
  assert.deepEqual(timings.map((e) => e.step), ['http_login', 'account_check', 'enter_game', 'game_login']);
  for (const e of timings) assert.ok(e.ms > 0 && e.ms < 10_000, `${e.step} ${e.ms}`);
  assert.match(timings[0]!.address!, /^127\.0\.0\.1:\d+$/);
  assert.equal(timings[3]!.address, `127.0.0.1:${game.port}`);
  assert.equal(s.gameAddress, `127.0.0.1:${game.port}`);
  assert.equal(s.state, 'online');
  assert.equal(s.playerId, 'sdk-player-1');
  t.diagnostic(`steps ms: ${timings.map((e) => `${e.step}=${e.ms.toFixed(1)}`).join(' ')}`);

  const rs = await s.request('Echo', { payload: new Uint8Array([1, 2, 3]), clientTimeMs: 77 }, 'Echo');
  assert.deepEqual([...rs.payload!], [1, 2, 3]);
  const viaOn = new Promise<number>((resolve) => s.on('Echo', (b) => resolve(Number(b.clientTimeMs))));
  assert.equal(s.send('Echo', { payload: new Uint8Array([9]), clientTimeMs: 88 }), true);
  assert.equal(await viaOn, 88);
  const pong = await new Promise<number>((resolve) => s.on('pong', (p) => resolve(p.rttMs)));
  assert.ok(pong >= 0);
  await waitFor('online 1', async () => (await online()) === 1, 5000, 50);

  const closed = await s.leave();
  assert.deepEqual(closed, { reason: 'left' });
  assert.equal(s.state, 'closed');
  assert.equal(s.send('Echo', { payload: new Uint8Array(0) }), false);
  await waitFor('online 0 after leave', async () => (await online()) === 0, 5000, 50);
});

test('a duplicate login kicks the older session: kick, then closed (no resume)', async () => {
  const a = await connect({ appmgr, account: 'sdk-dup', transport: 'tcp' });
  const kicked = new Promise((resolve) => a.on('kick', resolve));
  let away = false;
  a.on('away', () => (away = true));
  const b = await connect({ appmgr, account: 'sdk-dup', transport: 'tcp' });
  assert.deepEqual(await kicked, { reason: 'DUPLICATE_LOGIN', code: 1 });
  const closed = await a.closed;
  assert.equal(closed.reason, 'kicked');
  assert.equal(closed.error?.code, 'kicked:DUPLICATE_LOGIN');
  assert.equal(away, false, 'a kicked session does not try to come back');
  assert.equal(b.state, 'online');
  await b.leave();
});

test('a drop with resume and retry off closes the session; with retry on it comes back through /login', async () => {
  const strict = await connect({ appmgr, account: 'sdk-drop-1', transport: 'tcp', resume: false, retry: false });
  strict.dropConnection();
  const closed = await strict.closed;
  assert.equal(closed.reason, 'dropped');
  assert.ok(closed.error instanceof ClientError);

  const timings: string[] = [];
  const s = await connect({ appmgr, account: 'sdk-drop-2', transport: 'tcp', resume: false });
  s.on('timing', (e) => timings.push(e.step));
  const away = new Promise((resolve) => s.on('away', resolve));
  const resumed = new Promise((resolve) => s.on('resumed', resolve));
  s.dropConnection();
  await away;
  assert.equal(s.state, 'away');
  assert.equal(s.send('Echo', { payload: new Uint8Array(0) }), false, 'nothing is sent while away');
  assert.deepEqual(await resumed, { via: 'login' });
  assert.deepEqual(timings, ['http_login', 'account_check', 'enter_game', 'game_login']);
  assert.equal(s.state, 'online');
  const rs = await s.request('Echo', { payload: new Uint8Array([4]) }, 'Echo');
  assert.deepEqual([...rs.payload!], [4]);
  await s.leave();
  await waitFor('online 0', async () => (await online()) === 0, 5000, 50);
});

test('nothing at the appmgr URL: a ClientError at http_login naming the address', async () => {
  const port = await freePort();
  await assert.rejects(connect({ appmgr: `http://127.0.0.1:${port}`, account: 'x', retry: false }), (e: unknown) => {
    assert.ok(e instanceof ClientError);
    assert.equal(e.step, 'http_login');
    assert.equal(e.code, 'ECONNREFUSED');
    assert.match(e.message, new RegExp(`127\\.0\\.0\\.1:${port}/login`));
    return true;
  });
});

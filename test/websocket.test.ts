/**
 * The player flow over WebSocket on real processes (redis-server, appmgr, a login and a game with WS_PORT, a login
 * and a game without): GET /login?transport=ws → ws login → AccountCheck → EnterGame (AllocateGame{websocket}) → the
 * game's WebSocket port → LoginByToken → Echo; the pods heartbeat ws_port (/apps); TCP players are unaffected; CORS
 * headers for an allowed origin only; the client SDK over ws; no WebSocket login left → 503/4.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { connect, type TimingEvent } from '../services/client/index.js';
import { MsgId, ReturnCode } from '../services/protocol/wire.js';
import { freePort } from './helpers/free-port.js';
import { WsFrameClient } from './helpers/ws-frame-client.js';
import { fetchJson, metric, play, startCluster, waitRegistered, type Proc, type TestCluster } from './pod-cluster.js';

let c: TestCluster;
let loginWs: Proc;
let gameWs: Proc;
let gameTcp: Proc;
const wsPorts: Record<string, number> = {};
const ORIGIN = 'https://play.example.com';

before(async () => {
  c = await startCluster({ prefix: 'ws', appmgrEnv: { CORS_ORIGINS: `${ORIGIN},http://localhost:5173` } });
  wsPorts['login-ws'] = await freePort();
  wsPorts['game-ws'] = await freePort();
  [loginWs, , gameWs, gameTcp] = await Promise.all([
    c.startPod('login', 'login-ws', { WS_PORT: String(wsPorts['login-ws']) }),
    c.startPod('login', 'login-tcp'),
    c.startPod('game', 'game-ws', { WS_PORT: String(wsPorts['game-ws']) }),
    c.startPod('game', 'game-tcp'),
  ]);
  await waitRegistered(c, 'login', ['login-ws', 'login-tcp']);
  await waitRegistered(c, 'game', ['game-ws', 'game-tcp']);
});

after(async () => {
  await c?.stop();
});

describe('WebSocket transport end to end', () => {
  test('the pods heartbeat their ws_port (appmgr /apps)', async () => {
    const { body } = await fetchJson(`http://127.0.0.1:${c.appmgr.metricsPort}/apps`);
    const ws = Object.fromEntries((body.apps as { app_id: string; ws_port: number }[]).map((a) => [a.app_id, a.ws_port]));
    assert.deepEqual(ws, { 'login-ws': wsPorts['login-ws'], 'login-tcp': 0, 'game-ws': wsPorts['game-ws'], 'game-tcp': 0 });
  });

  test('/login?transport=ws → ws login → EnterGame → the game WebSocket port → LoginByToken → Echo', async () => {
    for (let i = 0; i < 3; i++) {
      const { status, body } = await fetchJson(`http://127.0.0.1:${c.appmgr.port}/login?transport=ws`);
      assert.equal(status, 200);
      assert.deepEqual(body, { returncode: 0, ip: '127.0.0.1', port: wsPorts['login-ws'] }, 'only the login with a WebSocket listener, its ws port');
      const account = `wsplayer${i}`;
      const login = await WsFrameClient.connect(`ws://${body.ip}:${body.port}/`);
      const check = await login.request(MsgId.C2L_AccountCheck, { account, password: 'pw' }, MsgId.L2C_AccountCheckRs);
      assert.equal(check.returnCode ?? 0, ReturnCode.OK);
      const enter = await login.request(MsgId.C2L_EnterGame, {}, MsgId.L2C_EnterGameRs);
      assert.equal(enter.returnCode ?? 0, ReturnCode.OK);
      assert.equal(enter.port, wsPorts['game-ws'], 'AllocateGame{websocket} → the game with a WebSocket listener, its ws port');
      assert.equal((await login.closed).code, 1000, 'login closes after the answer');
      const game = await WsFrameClient.connect(`ws://${enter.ip}:${enter.port}/`);
      const rs = await game.request(MsgId.C2G_LoginByToken, { account, token: enter.token! }, MsgId.G2C_LoginByTokenRs);
      assert.equal(rs.returnCode ?? 0, ReturnCode.OK);
      const echo = await game.request(MsgId.C2G_Echo, { payload: Buffer.from(`ws ${i}`) }, MsgId.G2C_Echo);
      assert.equal(Buffer.from(echo.payload!).toString(), `ws ${i}`);
      game.close();
      await game.closed;
    }
    assert.ok((await metric(gameWs.metricsPort, 'gamecluster_logins_total', { result: 'OK' })) >= 3);
    assert.equal(await metric(gameTcp.metricsPort, 'gamecluster_logins_total', { result: 'OK' }), 0);
  });

  test('the client SDK over ws: connect() lands on the WebSocket login and game, echo, leave', async () => {
    const timings: TimingEvent[] = [];
    const sdk = await connect({ appmgr: `http://127.0.0.1:${c.appmgr.port}`, account: 'sdk-ws', transport: 'ws', on: { timing: (e) => timings.push(e) } });
    assert.equal(sdk.gameAddress, `127.0.0.1:${wsPorts['game-ws']}`);
    assert.deepEqual(timings.map((e) => e.step), ['http_login', 'account_check', 'enter_game', 'game_login']);
    const rs = await sdk.request('Echo', { payload: new Uint8Array([4, 2]) }, 'Echo');
    assert.deepEqual([...rs.payload!], [4, 2]);
    assert.deepEqual(await sdk.leave(), { reason: 'left' });
  });

  test('TCP players still play on both games (the ws filter applies only to WebSocket players)', async () => {
    const ports = new Set<number>();
    for (let i = 0; i < 4; i++) {
      const { client, gamePort } = await play(c, `tcpplayer${i}`);
      ports.add(gamePort);
      client.destroy();
    }
    assert.ok(!ports.has(wsPorts['game-ws']!), 'TCP players get TCP ports');
    assert.ok(ports.has(gameTcp.port), 'the game without WebSocket takes TCP players');
  });

  test('CORS headers for an allowed origin, none for another', async () => {
    const allowed = await fetch(`http://127.0.0.1:${c.appmgr.port}/login?transport=ws`, { headers: { origin: ORIGIN } });
    assert.equal(allowed.headers.get('access-control-allow-origin'), ORIGIN);
    assert.match(allowed.headers.get('access-control-expose-headers') ?? '', /retry-after/i);
    assert.equal(allowed.headers.get('access-control-allow-credentials'), null);
    await allowed.text();
    const other = await fetch(`http://127.0.0.1:${c.appmgr.port}/login`, { headers: { origin: 'https://evil.example' } });
    assert.equal(other.headers.get('access-control-allow-origin'), null);
    await other.text();
    const preflight = await fetch(`http://127.0.0.1:${c.appmgr.port}/login`, { method: 'OPTIONS', headers: { origin: ORIGIN, 'access-control-request-method': 'GET' } });
    assert.equal(preflight.status, 204);
    assert.equal(preflight.headers.get('access-control-allow-origin'), ORIGIN);
    const admin = await fetch(`http://127.0.0.1:${c.appmgr.metricsPort}/apps`, { headers: { origin: ORIGIN } });
    assert.equal(admin.headers.get('access-control-allow-origin'), null, 'the admin port never answers CORS');
    await admin.text();
  });

  test('no login with a WebSocket listener → 503/4 with Retry-After', async () => {
    await loginWs.proc.stop();
    await waitRegistered(c, 'login', ['login-tcp']);
    const res = await fetch(`http://127.0.0.1:${c.appmgr.port}/login?transport=ws`);
    assert.equal(res.status, 503);
    assert.equal(res.headers.get('retry-after'), '1');
    assert.deepEqual(await res.json(), { returncode: ReturnCode.NO_APP, ip: '', port: 0 });
    assert.equal((await fetchJson(`http://127.0.0.1:${c.appmgr.port}/login`)).status, 200, 'TCP logins still answer');
  });
});

describe('WebSocket under WORKERS=2', () => {
  test('a 2-worker login shares its WS_PORT between workers and heartbeats it once', async () => {
    wsPorts['login-w2'] = await freePort();
    await c.startPod('login', 'login-w2', { WORKERS: '2', WS_PORT: String(wsPorts['login-w2']) });
    await waitRegistered(c, 'login', ['login-tcp', 'login-w2']);
    const { body } = await fetchJson(`http://127.0.0.1:${c.appmgr.port}/login?transport=ws`);
    assert.equal(body.port, wsPorts['login-w2']);
    for (let i = 0; i < 4; i++) {
      const sdk = await connect({ appmgr: `http://127.0.0.1:${c.appmgr.port}`, account: `w2-${i}`, transport: 'ws' });
      assert.equal(sdk.gameAddress, `127.0.0.1:${wsPorts['game-ws']}`);
      await sdk.leave();
    }
  });
});

/**
 * runRobots against in-process fakes of the three hops (an HTTP /login, a login FrameServer that answers the account
 * check and hands out token "ok", and the test echo game server), so the robot flow, the hold, the abort and the
 * failure accounting are checked without the real cluster.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import { pino } from 'pino';
import { createPodMetrics } from '../platform/metrics.js';
import { MsgId, ReturnCode } from '../protocol/wire.js';
import { FrameServer } from '../socket/frame-server.js';
import { startEchoServer, type EchoServer } from '../../test/helpers/echo-server.js';
import { runRobots } from './run.js';
import { WaveStats } from './stats.js';

let game: EchoServer;
let login: FrameServer<object>;
let loginPort: number;
let http: Server;
let appmgr: string;
let loginMode: 'ok' | 'no_app' = 'ok';

before(async () => {
  game = await startEchoServer();
  login = new FrameServer<object>({ role: 'login', logger: pino({ level: 'silent' }), metrics: createPodMetrics('login'), initialData: () => ({}) });
  login.handle(MsgId.C2L_AccountCheck, { requiresAuth: false }, (c, m) => {
    if (m.password !== 'robot') return void c.send(MsgId.L2C_AccountCheckRs, { returnCode: ReturnCode.PASSWORD_WRONG });
    c.authenticate(m.account!);
    c.send(MsgId.L2C_AccountCheckRs, { returnCode: ReturnCode.OK, playerId: m.account! });
  });
  login.handle(MsgId.C2L_EnterGame, { requiresAuth: true }, (c) => {
    c.send(MsgId.L2C_EnterGameRs, { returnCode: ReturnCode.OK, ip: '127.0.0.1', port: game.port, token: 'ok' });
  });
  loginPort = await login.listen(0, '127.0.0.1');
  http = createServer((req, res) => {
    const body = loginMode === 'ok' ? { returncode: 0, ip: '127.0.0.1', port: loginPort } : { returncode: 4, ip: '', port: 0 };
    res.writeHead(loginMode === 'ok' ? 200 : 503, { 'content-type': 'application/json; charset=utf-8' }).end(JSON.stringify(body));
  });
  await new Promise<void>((r) => http.listen(0, '127.0.0.1', r));
  appmgr = `http://127.0.0.1:${(http.address() as { port: number }).port}`;
});

after(async () => {
  await new Promise((r) => http.close(r));
  await login.close();
  await game.close();
});

test('a wave plays the whole flow: every player online, echoes verified, then everyone leaves', async () => {
  loginMode = 'ok';
  const stats = new WaveStats();
  let release!: () => void;
  const hold = new Promise<void>((r) => (release = r));
  const run = runRobots({ appmgr, players: 50, rate: 500, durationS: 0.3, echoPerSec: 20 }, { stats, holdUntil: hold });
  for (let i = 0; i < 200 && stats.inGame < 50; i++) await new Promise((r) => setTimeout(r, 25));
  assert.equal(stats.inGame, 50, 'everyone held online');
  assert.equal(game.server.authenticated, 50);
  release();
  const r = await run;
  assert.equal(r.failed, 0, JSON.stringify(r.failures));
  assert.equal(r.ok, 50);
  assert.equal(r.flows_completed, 50);
  assert.ok(r.echoes_ok >= 50, `echoes ${r.echoes_ok}`);
  assert.equal(r.steps.game_login.count, 50);
  assert.deepEqual(r.game_pods, { [`127.0.0.1:${game.port}`]: 50 });
  assert.equal(r.game_spread, 0);
  for (let i = 0; i < 100 && game.server.size > 0; i++) await new Promise((res) => setTimeout(res, 20));
  assert.equal(game.server.size, 0, 'robots closed their game connections');
});

test('failures are counted by step and return code; abort leaves unstarted players out', async () => {
  const bad = await runRobots({ appmgr, players: 5, rate: 1000, durationS: 0, echoPerSec: 0, password: 'wrong' });
  assert.equal(bad.failed, 5);
  assert.deepEqual(bad.failures.map((f) => [f.step, f.reason, f.count]), [['account_check', 'PASSWORD_WRONG', 5]]);

  loginMode = 'no_app';
  const none = await runRobots({ appmgr, players: 3, rate: 1000, durationS: 0, echoPerSec: 0 });
  assert.deepEqual(none.failures.map((f) => [f.step, f.reason, f.count]), [['http_login', 'NO_APP', 3]]);

  const refused = await runRobots({ appmgr: 'http://127.0.0.1:1', players: 2, rate: 1000, durationS: 0, echoPerSec: 0 });
  assert.deepEqual(refused.failures.map((f) => [f.step, f.reason]), [['http_login', 'ECONNREFUSED']]);
  assert.match(refused.failures[0]!.example, /127\.0\.0\.1:1/);

  loginMode = 'ok';
  const ac = new AbortController();
  const stats = new WaveStats();
  const run = runRobots({ appmgr, players: 1000, rate: 20, durationS: 60, echoPerSec: 0 }, { stats, signal: ac.signal });
  for (let i = 0; i < 200 && stats.inGame < 2; i++) await new Promise((r) => setTimeout(r, 25));
  ac.abort();
  const r = await run;
  assert.equal(r.failed, 0);
  assert.ok(r.not_started > 900, `not started ${r.not_started}`);
  assert.equal(r.ok + r.not_started, 1000);
});

/**
 * The login pod as a real process: AUTH_MODE=http against a real local node:http auth service (accept, reject,
 * slow, down, garbage), duplicate account checks on one pod, the 5-failures limit, EnterGame's NO_APP/BUSY/out of
 * order, and the command line (malformed env → one line naming the variable, exit 2; --help).
 */
import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, describe, test } from 'node:test';
import { KickReason, MsgId, ReturnCode } from '../services/protocol/wire.js';
import { FrameClient } from '../services/socket/frame-client.js';
import { freePort } from './helpers/free-port.js';
import { startService } from './helpers/service-process.js';
import { metric, startCluster, type Proc, type TestCluster } from './pod-cluster.js';

let c: TestCluster;
let auth: Server;
let authCalls = 0;
let login: Proc;
let loginDown: Proc;
let loginOpen: Proc;

before(async () => {
  auth = createServer((req, res) => {
    let body = '';
    req.on('data', (d: Buffer) => (body += d));
    req.on('end', () => {
      authCalls++;
      const { account, password } = JSON.parse(body) as { account: string; password: string };
      const json = (status: number, v: unknown) => (res.writeHead(status, { 'content-type': 'application/json' }), res.end(JSON.stringify(v)));
      if (account === 'slow') return void setTimeout(() => json(200, { ok: true, player_id: 'late' }), 3000).unref();
      if (account === 'garbage') return void (res.writeHead(200), res.end('<html>nope'));
      if (account === 'oops') return json(500, { ok: false });
      if (password === 'right') return json(200, { ok: true, player_id: `pid-${account}` });
      json(401, { ok: false });
    });
  });
  await new Promise<void>((r) => auth.listen(0, '127.0.0.1', r));
  const authUrl = `http://127.0.0.1:${(auth.address() as AddressInfo).port}/check`;
  c = await startCluster({ prefix: 'logintest' });
  login = await c.startPod('login', 'login-http', { AUTH_MODE: 'http', AUTH_URL: authUrl, AUTH_HTTP_TIMEOUT_MS: '500' });
  loginDown = await c.startPod('login', 'login-down', { AUTH_MODE: 'http', AUTH_URL: `http://127.0.0.1:${await freePort()}/check`, AUTH_HTTP_TIMEOUT_MS: '500' });
  loginOpen = await c.startPod('login', 'login-open');
});

after(async () => {
  await c?.stop();
  auth?.close();
  auth?.closeAllConnections();
});

async function check(port: number, account: string, password = 'right', client?: FrameClient) {
  const cl = client ?? (await FrameClient.connect(port));
  const rs = await cl.request(MsgId.C2L_AccountCheck, { account, password }, MsgId.L2C_AccountCheckRs);
  return { client: cl, code: rs.returnCode ?? 0, playerId: rs.playerId ?? '' };
}

describe('AUTH_MODE=http', () => {
  test('accepts with the service\'s player_id', async () => {
    const r = await check(login.port, 'alice');
    assert.equal(r.code, ReturnCode.OK);
    assert.equal(r.playerId, 'pid-alice');
    r.client.destroy();
  });

  test('ok:false → PASSWORD_WRONG, the connection stays open', async () => {
    const r = await check(login.port, 'alice', 'wrong');
    assert.equal(r.code, ReturnCode.PASSWORD_WRONG);
    const again = await check(login.port, 'alice', 'right', r.client);
    assert.equal(again.code, ReturnCode.OK);
    r.client.destroy();
  });

  test('slow, 5xx and garbage answers → BUSY; the pod stays up', async () => {
    for (const account of ['slow', 'oops', 'garbage']) {
      const r = await check(login.port, account);
      assert.equal(r.code, ReturnCode.BUSY, account);
      r.client.destroy();
    }
    assert.ok((await metric(login.metricsPort, 'gamecluster_logins_total', { app_type: 'login', result: 'BUSY' })) >= 3);
    const ok = await check(login.port, 'bob');
    assert.equal(ok.code, ReturnCode.OK);
    ok.client.destroy();
  });

  test('auth service down → BUSY', async () => {
    const r = await check(loginDown.port, 'alice');
    assert.equal(r.code, ReturnCode.BUSY);
    r.client.destroy();
  });

  test('malformed accounts are refused without calling the service', async () => {
    const before = authCalls;
    for (const account of ['', 'has space', 'x'.repeat(65), 'semi;colon']) {
      const r = await check(login.port, account);
      assert.equal(r.code, ReturnCode.ACCOUNT_NOT_FOUND, JSON.stringify(account));
      r.client.destroy();
    }
    assert.equal(authCalls, before);
  });
});

describe('account checks', () => {
  test('a second check of the same account on the same pod kicks the older connection', async () => {
    const a = await check(loginOpen.port, 'twin');
    assert.equal(a.code, ReturnCode.OK);
    const b = await check(loginOpen.port, 'twin');
    assert.equal(b.code, ReturnCode.OK);
    await a.client.closed;
    assert.equal(a.client.kickReason, KickReason.DUPLICATE_LOGIN);
    assert.ok(b.client.isOpen);
    assert.equal(await metric(loginOpen.metricsPort, 'gamecluster_online_players', { app_type: 'login' }), 1);
    b.client.destroy();
  });

  test('6 failed checks: the connection is closed after the 5th answer', async () => {
    const cl = await FrameClient.connect(loginOpen.port);
    for (let i = 1; i <= 5; i++) {
      const rs = await cl.request(MsgId.C2L_AccountCheck, { account: 'bad account', password: '' }, MsgId.L2C_AccountCheckRs);
      assert.equal(rs.returnCode, ReturnCode.ACCOUNT_NOT_FOUND);
    }
    assert.equal(await cl.closed, undefined, 'a clean close, not a reset');
    assert.equal(cl.kickReason, undefined);
    assert.equal(cl.send(MsgId.C2L_AccountCheck, { account: 'sixth' }), false);
  });

  test('EnterGame before a successful account check closes the connection (out_of_order)', async () => {
    const cl = await FrameClient.connect(loginOpen.port);
    cl.send(MsgId.C2L_EnterGame, {});
    await cl.closed;
    assert.equal(cl.kickReason, KickReason.PROTOCOL_ERROR);
    assert.ok((await metric(loginOpen.metricsPort, 'gamecluster_frames_rejected_total', { reason: 'out_of_order' })) >= 1);
  });

  test('EnterGame without any game → NO_APP and the connection stays open', async () => {
    const r = await check(loginOpen.port, 'nogame');
    const rs = await r.client.request(MsgId.C2L_EnterGame, {}, MsgId.L2C_EnterGameRs);
    assert.equal(rs.returnCode, ReturnCode.NO_APP);
    assert.equal(rs.token ?? '', '');
    const pong = await r.client.request(MsgId.Ping, { clientTimeMs: 7 }, MsgId.Pong);
    assert.equal(Number(pong.clientTimeMs), 7);
    r.client.destroy();
  });

  test('EnterGame with appmgr unreachable → BUSY', async () => {
    const lonely = await c.startPod('login', 'login-noappmgr', { APPMGR_GRPC: `127.0.0.1:${await freePort()}` });
    const r = await check(lonely.port, 'stranded');
    const rs = await r.client.request(MsgId.C2L_EnterGame, {}, MsgId.L2C_EnterGameRs);
    assert.equal(rs.returnCode, ReturnCode.BUSY);
    r.client.destroy();
  });
});

describe('command line', () => {
  test('malformed env → one line naming the variable, exit 2', async () => {
    const cases: [string, Record<string, string>, string][] = [
      ['login', { PORT: 'abc' }, 'PORT'],
      ['login', { AUTH_MODE: 'ldap' }, 'AUTH_MODE'],
      ['login', { AUTH_MODE: 'http' }, 'AUTH_URL'],
      ['login', { APPMGR_GRPC: 'http://x' }, 'APPMGR_GRPC'],
      ['game', { CAPACITY: '0' }, 'CAPACITY'],
      ['game', { DRAIN_TIMEOUT_MS: '-5' }, 'DRAIN_TIMEOUT_MS'],
      ['game', { APP_ID: 'has space' }, 'APP_ID'],
      ['game', { REDIS_URL: 'http://nope' }, 'REDIS_URL'],
    ];
    await Promise.all(
      cases.map(async ([cmd, env, name]) => {
        const p = startService(cmd, env);
        assert.equal(await p.exited, 2, `${cmd} ${name}`);
        const err = p.stderr.join('').trimEnd();
        assert.equal(err.split('\n').length, 1, err);
        assert.match(err, new RegExp(`\\b${name}\\b`));
      }),
    );
  });

  test('--help exits 0; unknown arguments exit 2', async () => {
    for (const cmd of ['login', 'game']) {
      const h = startService(cmd, {}, ['--help']);
      assert.equal(await h.exited, 0);
      assert.ok(h.logs.some((l) => String(l.msg).includes('DRAIN_TIMEOUT_MS')));
      const bad = startService(cmd, {}, ['--bogus']);
      assert.equal(await bad.exited, 2);
      assert.match(bad.stderr.join(''), /--bogus/);
    }
  });
});

/**
 * The player flow over real processes (redis-server, appmgr, 1 login, 2 games): HTTP /login → AccountCheck →
 * EnterGame → LoginByToken → Echo/Ping; online gauges on each game's /metrics and appmgr's cluster total; invalid
 * tokens (replay, another game pod, another account) → TOKEN_INVALID and never online; duplicate login across
 * game pods kicks the older session with DUPLICATE_LOGIN.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { KickReason, MsgId, ReturnCode } from '../services/protocol/wire.js';
import type { FrameClient } from '../services/socket/frame-client.js';
import { waitFor } from './helpers/wait-for.js';
import { gameLogin, loginAndEnter, metric, play, startCluster, waitRegistered, type Proc, type TestCluster } from './pod-cluster.js';

let c: TestCluster;
let games: Proc[];
const clients: FrameClient[] = [];

before(async () => {
  c = await startCluster({ prefix: 'flow' });
  await c.startPod('login', 'login-a');
  games = [await c.startPod('game', 'game-a'), await c.startPod('game', 'game-b')];
  await waitRegistered(c, 'login', ['login-a']);
  await waitRegistered(c, 'game', ['game-a', 'game-b']);
});

after(async () => {
  for (const cl of clients) cl.destroy();
  await c?.stop();
});

const gameByPort = (port: number) => games.find((g) => g.port === port)!;
const online = (g: Proc) => metric(g.metricsPort, 'gamecluster_online_players', { app_type: 'game', app_id: g.appId });

describe('full flow', () => {
  test('login → game → echo/ping; online gauges per pod and in appmgr', async () => {
    const placed = new Map<number, number>();
    for (let i = 0; i < 6; i++) {
      const { client, gamePort } = await play(c, `player${i}`);
      clients.push(client);
      placed.set(gamePort, (placed.get(gamePort) ?? 0) + 1);
      const echo = await client.request(MsgId.C2G_Echo, { payload: Buffer.from(`hi ${i}`), clientTimeMs: 42 }, MsgId.G2C_Echo);
      assert.equal(Buffer.from(echo.payload!).toString(), `hi ${i}`);
      const pong = await client.request(MsgId.Ping, { clientTimeMs: 1234 }, MsgId.Pong);
      assert.equal(Number(pong.clientTimeMs), 1234);
      assert.ok(Number(pong.serverTimeMs) > 0);
    }
    // Both games got players (least-loaded with +1 bumps).
    assert.equal(placed.size, 2);
    for (const g of games) assert.equal(await online(g), placed.get(g.port) ?? 0);
    await waitFor('appmgr cluster total = 6', async () => (await metric(c.appmgr.metricsPort, 'gamecluster_cluster_online_players', { app_type: 'game' })) === 6, 10_000, 100);
    // Login counted the account checks; its own online count is back to 0 (players left login).
    const login = c.procs.find((p) => p.kind === 'login')!;
    assert.equal(await metric(login.metricsPort, 'gamecluster_logins_total', { app_type: 'login', result: 'OK' }), 6);
    assert.equal(await metric(login.metricsPort, 'gamecluster_online_players', { app_type: 'login' }), 0);
    for (const g of games) assert.equal(await metric(g.metricsPort, 'gamecluster_logins_total', { app_type: 'game', result: 'OK' }), placed.get(g.port) ?? 0);
  });

  test('a player leaving lowers the online gauge', async () => {
    const { client, gamePort } = await play(c, 'leaver');
    const g = gameByPort(gamePort);
    const before = await online(g);
    client.end();
    await client.closed;
    await waitFor('online decremented', async () => (await online(g)) === before - 1);
  });
});

describe('invalid tokens', () => {
  test('replay, another game pod, another account → TOKEN_INVALID, never online', async () => {
    const before = await Promise.all(games.map(online));
    const rejectedBefore = await Promise.all(games.map((g) => metric(g.metricsPort, 'gamecluster_logins_total', { result: 'TOKEN_INVALID' })));

    // Another account: the token is for "tok-owner".
    const step = await loginAndEnter(c, 'tok-owner');
    const other = gameByPort(step.port);
    const wrongAccount = await gameLogin(step.port, 'someone-else', step.token);
    assert.equal(wrongAccount.code, ReturnCode.TOKEN_INVALID);
    assert.ok(wrongAccount.client.isOpen, 'the connection stays open after a business error');
    // Another game pod.
    const otherPod = games.find((g) => g !== other)!;
    const wrongPod = await gameLogin(otherPod.port, 'tok-owner', step.token);
    assert.equal(wrongPod.code, ReturnCode.TOKEN_INVALID);
    // The real owner still gets in (wrong attempts do not burn it), then a replay fails.
    const ok = await gameLogin(step.port, 'tok-owner', step.token);
    assert.equal(ok.code, ReturnCode.OK);
    const replay = await gameLogin(step.port, 'tok-owner2', step.token);
    assert.equal(replay.code, ReturnCode.TOKEN_INVALID);
    const replaySame = await gameLogin(step.port, 'tok-owner', step.token);
    assert.equal(replaySame.code, ReturnCode.TOKEN_INVALID);
    // Garbage tokens too.
    const garbage = await gameLogin(step.port, 'tok-owner', 'not-a-token');
    assert.equal(garbage.code, ReturnCode.TOKEN_INVALID);
    // A rejected connection cannot echo: out_of_order closes it.
    wrongAccount.client.send(MsgId.C2G_Echo, { payload: Buffer.from('x') });
    await wrongAccount.client.closed;
    assert.equal(wrongAccount.client.kickReason, KickReason.PROTOCOL_ERROR);

    const after = await Promise.all(games.map(online));
    assert.deepEqual(after, before.map((n, i) => n + (games[i] === other ? 1 : 0)), 'only the owner is online');
    const rejectedAfter = await Promise.all(games.map((g) => metric(g.metricsPort, 'gamecluster_logins_total', { result: 'TOKEN_INVALID' })));
    assert.equal(rejectedAfter.reduce((a, b) => a + b) - rejectedBefore.reduce((a, b) => a + b), 5);
    for (const x of [wrongPod, ok, replay, replaySame, garbage]) clients.push(x.client);
    ok.client.destroy();
    // Leave the pods as found, so the next test's "before" is not taken while this player is still leaving.
    await waitFor('the owner left', async () => (await Promise.all(games.map(online))).every((n, i) => n === before[i]));
  });
});

describe('duplicate login', () => {
  test('across two game pods: the older session is kicked with DUPLICATE_LOGIN', async () => {
    const before = await Promise.all(games.map(online));
    const first = await loginAndEnter(c, 'dup');
    const a = await gameLogin(first.port, 'dup', first.token);
    assert.equal(a.code, ReturnCode.OK);
    const gA = gameByPort(first.port);
    const gB = games.find((g) => g !== gA)!;
    // Force the second session onto the other pod: a token issued for pod B directly is what login would give.
    let second = await loginAndEnter(c, 'dup');
    for (let i = 0; i < 10 && second.port !== gB.port; i++) second = await loginAndEnter(c, 'dup');
    assert.equal(second.port, gB.port, 'appmgr sent the second login to the other game');
    const b = await gameLogin(second.port, 'dup', second.token);
    assert.equal(b.code, ReturnCode.OK);
    await a.client.closed;
    assert.equal(a.client.kickReason, KickReason.DUPLICATE_LOGIN);
    const echo = await b.client.request(MsgId.C2G_Echo, { payload: Buffer.from('still') }, MsgId.G2C_Echo);
    assert.equal(Buffer.from(echo.payload!).toString(), 'still');
    await waitFor('online counts right', async () => (await online(gA)) === before[games.indexOf(gA)] && (await online(gB)) === before[games.indexOf(gB)]! + 1);
    // And on the same pod: a newer session there kicks the older one directly.
    let third = await loginAndEnter(c, 'dup');
    for (let i = 0; i < 10 && third.port !== gB.port; i++) third = await loginAndEnter(c, 'dup');
    assert.equal(third.port, gB.port);
    const b2 = await gameLogin(third.port, 'dup', third.token);
    assert.equal(b2.code, ReturnCode.OK);
    await b.client.closed;
    assert.equal(b.client.kickReason, KickReason.DUPLICATE_LOGIN);
    await waitFor('online counts right after same-pod duplicate', async () => (await online(gB)) === before[games.indexOf(gB)]! + 1);
    clients.push(b2.client);
  });
});

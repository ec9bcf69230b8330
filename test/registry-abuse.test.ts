/**
 * The registry under abuse and faults, over real processes (redis-server, appmgr, login and game pods):
 * one account asking EnterGame 10 times at game CAPACITY=5 does not fill the game; 50 anonymous /login with nobody
 * online do not make the login pod refuse real players; the session records of a SIGKILLed game pod are invalid within
 * 3 heartbeats; a duplicate login published while the older pod's kick subscriber was disconnected still kicks the
 * older session once it reconnects.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { Redis } from 'ioredis';
import { KickReason, ReturnCode } from '../services/protocol/wire.js';
import type { FrameClient } from '../services/socket/frame-client.js';
import { RedisTokenStore } from '../services/registry/index.js';
import { claimScript } from '../services/registry/lua-scripts.js';
import { validSessions } from './helpers/session-live.js';
import { waitFor } from './helpers/wait-for.js';
import { fetchJson, gameLogin, loginAndEnter, startCluster, waitRegistered, type TestCluster } from './pod-cluster.js';

let c: TestCluster;
let redis: Redis;
const clients: FrameClient[] = [];
const key = (rest: string) => `{${c.prefix}}:${rest}`;

before(async () => {
  // appmgr's APP_TTL_MS must cover the slow pods' 5 s heartbeats below (it judges their age).
  c = await startCluster({ prefix: 'abuse', appmgrEnv: { APP_TTL_MS: '15000' } });
  redis = new Redis(c.redis.port, '127.0.0.1', { lazyConnect: false, maxRetriesPerRequest: 1 });
  // Long heartbeats for the capacity pods, so a heartbeat in the middle cannot be what makes the tests pass.
  const slow = { HEARTBEAT_MS: '5000', APP_TTL_MS: '15000', CAPACITY: '5' };
  await c.startPod('login', 'login-cap', slow);
  await c.startPod('game', 'game-cap', slow);
  await waitRegistered(c, 'login', ['login-cap']);
  await waitRegistered(c, 'game', ['game-cap']);
});

after(async () => {
  for (const cl of clients) cl.destroy();
  redis?.disconnect();
  await c?.stop();
});

describe('capacity cannot be hoarded', () => {
  test('50 anonymous /login with nobody online: the login pod (CAPACITY=5) is still chosen for real players', async () => {
    const rs = await Promise.all(Array.from({ length: 50 }, () => fetchJson(`http://127.0.0.1:${c.appmgr.port}/login`)));
    assert.deepEqual([...new Set(rs.map((r) => r.status))], [200]);
    // A real player right after, within the same heartbeat interval of the pods.
    const step = await loginAndEnter(c, 'real-player');
    assert.ok(step.token);
  });

  test('one account asking EnterGame 10 times at game CAPACITY=5: another account still enters', async (t) => {
    const steps = [];
    for (let i = 0; i < 10; i++) steps.push(await loginAndEnter(c, 'hoarder'));
    const pending = await redis.zcard(key('pending:game-cap'));
    t.diagnostic(`pending members at game-cap after 10 EnterGames of one account (+1 earlier player): ${pending}`);
    assert.ok(pending <= 2, `pending ${pending}`);
    const other = await loginAndEnter(c, 'other-player');
    const g = await gameLogin(other.port, 'other-player', other.token);
    clients.push(g.client);
    assert.equal(g.code, ReturnCode.OK);
    // Only the hoarder's latest token works.
    const old = await gameLogin(steps[0]!.port, 'hoarder', steps[0]!.token);
    clients.push(old.client);
    assert.equal(old.code, ReturnCode.TOKEN_INVALID);
    const latest = await gameLogin(steps[9]!.port, 'hoarder', steps[9]!.token);
    clients.push(latest.client);
    assert.equal(latest.code, ReturnCode.OK);
  });
});

describe('sessions do not leak or go stale', () => {
  test('the session records of a SIGKILLed game pod are invalid within 3 heartbeats', async (t) => {
    const hb = 500;
    const g = await c.startPod('game', 'game-kill', { HEARTBEAT_MS: String(hb), APP_TTL_MS: String(3 * hb) });
    const tokens = new RedisTokenStore(redis, { prefix: c.prefix, tokenTtlMs: 30_000 });
    const accounts = ['k1', 'k2', 'k3'];
    for (const a of accounts) {
      const r = await gameLogin(g.port, a, await tokens.issue(a, 'game-kill'));
      clients.push(r.client);
      assert.equal(r.code, ReturnCode.OK);
    }
    const ttl = await redis.pttl(key('session:k1'));
    assert.ok(ttl > 3_500_000, `the session key's backstop expiry (1 h): PTTL ${ttl}`);
    // Valid past 3 heartbeats with no work per session: the pod's heartbeat keeps them.
    await new Promise((r) => setTimeout(r, 4 * hb));
    assert.equal(await validSessions(redis, c.prefix, accounts), 3);
    g.proc.signal('SIGKILL');
    const t0 = Date.now();
    await g.proc.exited;
    await waitFor('session records invalid', async () => (await validSessions(redis, c.prefix, accounts)) === 0, 3 * hb + 5000, 20);
    const ms = Date.now() - t0;
    t.diagnostic(`session records invalid ${ms} ms after SIGKILL (HEARTBEAT_MS=${hb}: the pod counts as alive 3 heartbeats after its last beat)`);
    assert.ok(ms <= 3 * hb + 1500, `${ms} ms`);
  });

  test('a duplicate login published while the older pod\'s subscriber was disconnected still kicks the older session', async (t) => {
    // Heartbeats (and so the periodic session pass) far apart: the kick must come from the resubscribe check.
    const g = await c.startPod('game', 'game-sub', { HEARTBEAT_MS: '60000', APP_TTL_MS: '180000' });
    const tokens = new RedisTokenStore(redis, { prefix: c.prefix, tokenTtlMs: 30_000 });
    const older = await gameLogin(g.port, 'dup', await tokens.issue('dup', 'game-sub'));
    clients.push(older.client);
    assert.equal(older.code, ReturnCode.OK);
    const prev = await redis.get(key('session:dup'));
    assert.match(prev ?? '', /^game-sub /);
    // Cut every subscriber and, in the same transaction, claim the account elsewhere: the kick is published to nobody.
    const t0 = Date.now();
    const res = await redis
      .multi()
      .client('KILL', 'TYPE', 'pubsub')
      .eval(claimScript.lua, 2, key('session:dup'), key('runs'), 'game-elsewhere tcp:99 0123456789abcdef', 'dup', key('kick:'), 3_600_000, 'game-elsewhere', '0123456789abcdef', 60_000)
      .exec();
    assert.deepEqual(res?.map(([err]) => err), [null, null]);
    assert.equal(res?.[1]?.[1], prev, 'the claim replaced the older session');
    await Promise.race([older.client.closed, new Promise((_, reject) => setTimeout(() => reject(new Error('the older session was not kicked within 10 s')), 10_000).unref())]);
    t.diagnostic(`older session kicked ${Date.now() - t0} ms after its subscriber was cut`);
    assert.equal(older.client.kickReason, KickReason.DUPLICATE_LOGIN);
    await g.proc.waitForLog((l) => l.msg === 'sessions: kick subscription re-established: checking the live sessions', 5000);
  });
});

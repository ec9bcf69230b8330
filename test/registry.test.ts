/**
 * The Redis registry against a real redis-server: heartbeat writer (atomic hash + score, TTL, drain flag, stop),
 * the coalescing selector (exact balance, expiry, draining, full, packed), tokens and sessions.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { setTimeout as sleep } from 'node:timers/promises';
import { Redis } from 'ioredis';
import { createLogger } from '../services/platform/logger.js';
import type { AppTypeName } from '../services/protocol/wire.js';
import {
  RedisAppDirectory,
  RedisAppSelector,
  RedisHeartbeatWriter,
  RedisSessionRegistry,
  RedisTokenStore,
  RegistryUnavailableError,
  createRedisClient,
  waitReady,
  closeRedis,
} from '../services/registry/index.js';
import { startRedis, type TestRedis } from './helpers/redis-server.js';
import { waitFor } from './helpers/wait-for.js';
import { assertKeysDeclared, watchScriptKeys } from './helpers/script-keys.js';

const logger = createLogger('test', 'silent');
let redis: TestRedis;
let client: Redis;
let prefixN = 0;
const freshPrefix = () => `t${process.pid}x${++prefixN}`;

before(async () => {
  redis = await startRedis();
  client = createRedisClient({ url: redis.url, logger });
  assert.ok(await waitReady(client, 5000));
});
after(async () => {
  await closeRedis(client);
  await redis.stop();
});

function pod(prefix: string, appId: string, online: number, o: { capacity?: number; appType?: AppTypeName; ttl?: number; hb?: number; draining?: boolean; wsPort?: number; runId?: string } = {}) {
  const state = { online, draining: o.draining ?? false, redeems: 0, incarnation: 'i1' };
  const writer = new RedisHeartbeatWriter(client, {
    prefix,
    heartbeatMs: o.hb ?? 60_000,
    appTtlMs: o.ttl ?? 120_000,
    logger,
    source: { appId, appType: o.appType ?? 'login', ip: '127.0.0.1', port: 5000 + Number(appId.replace(/\D/g, '') || 0), capacity: o.capacity ?? 100, wsPort: o.wsPort ?? 0, online: () => state.online, draining: () => state.draining, redeemsCounted: () => state.redeems, incarnation: () => state.incarnation, runId: o.runId },
  });
  return { writer, state };
}

describe('heartbeat writer', () => {
  test('writes hash + score atomically with TTL, stop() removes the entry', async () => {
    const p = freshPrefix();
    const { writer } = pod(p, 'l1', 25);
    await writer.start();
    const h = await client.hgetall(`{${p}}:app:l1`);
    assert.equal(h.app_id, 'l1');
    assert.equal(h.app_type, 'login');
    assert.equal(h.online, '25');
    assert.equal(h.state, 'ready');
    assert.equal(h.capacity, '100');
    const ttl = await client.pttl(`{${p}}:app:l1`);
    assert.ok(ttl > 0 && ttl <= 120_000);
    assert.equal(await client.zscore(`{${p}}:online:login`, 'l1'), '0.25');
    await writer.stop();
    assert.equal(await client.exists(`{${p}}:app:l1`), 0);
    assert.equal(await client.zscore(`{${p}}:online:login`, 'l1'), null);
  });

  test('draining and full pods leave the sorted set; DrainApp flag fires onDrainRequested once', async () => {
    const p = freshPrefix();
    const full = pod(p, 'l1', 100);
    await full.writer.start();
    assert.equal(await client.zscore(`{${p}}:online:login`, 'l1'), null);
    const d = pod(p, 'l2', 1);
    let fired = 0;
    d.writer.onDrainRequested(() => fired++);
    await d.writer.start();
    assert.equal(await client.zscore(`{${p}}:online:login`, 'l2'), '0.01');
    const dir = new RedisAppDirectory(client, { prefix: p });
    assert.equal(await dir.drain('l2'), true);
    assert.equal(await dir.drain('nope'), false);
    assert.equal(await client.zscore(`{${p}}:online:login`, 'l2'), null, 'drain removes the pod at once');
    assert.ok(await d.writer.beatNow());
    assert.ok(await d.writer.beatNow());
    assert.equal(fired, 1);
    assert.equal(await client.hget(`{${p}}:app:l2`, 'state'), 'draining');
    const apps = await dir.list();
    assert.deepEqual(apps.map((a) => [a.appId, a.state, a.online]), [['l1', 'ready', 100], ['l2', 'draining', 1]]);
    await full.writer.stop();
    await d.writer.stop();
  });
});

describe('undrain', () => {
  test('the drain flag expiring does not undrain; UndrainApp\'s marker is taken once by the drained pod; a ready pod never reads it', async () => {
    const p = freshPrefix();
    const d = pod(p, 'l3', 1);
    let drains = 0;
    let undrains = 0;
    // Like the pod runtime: once DrainApp is seen the pod reports draining by itself.
    d.writer.onDrainRequested(() => (drains++, (d.state.draining = true)));
    d.writer.onUndrainRequested(() => (undrains++, (d.state.draining = false)));
    await d.writer.start();
    const dir = new RedisAppDirectory(client, { prefix: p, undrainTtlMs: 5000 });
    assert.equal(await dir.drain('l3'), true);
    await d.writer.beatNow();
    assert.equal(drains, 1);
    await client.del(`{${p}}:drain:l3`); // the flag's expiry
    await d.writer.beatNow();
    assert.equal(await client.hget(`{${p}}:app:l3`, 'state'), 'draining', 'still draining without the flag');
    assert.equal(undrains, 0);
    assert.equal(await dir.undrain('l3'), true);
    assert.equal(await dir.undrain('nope'), false);
    await d.writer.beatNow(); // takes the marker
    assert.equal(undrains, 1);
    assert.equal(await client.exists(`{${p}}:undrain:l3`), 0);
    await d.writer.beatNow();
    assert.equal(await client.hget(`{${p}}:app:l3`, 'state'), 'ready');
    assert.equal(await client.zscore(`{${p}}:online:login`, 'l3'), '0.01');
    // A marker left for a pod that is not drained by DrainApp is not taken (it expires); DrainApp deletes it.
    assert.equal(await dir.undrain('l3'), true);
    await d.writer.beatNow();
    assert.equal(undrains, 1);
    assert.equal(await client.exists(`{${p}}:undrain:l3`), 1);
    assert.equal(await dir.drain('l3'), true);
    assert.equal(await client.exists(`{${p}}:undrain:l3`), 0);
    await d.writer.beatNow();
    assert.equal(drains, 2, 'DrainApp is seen again after an undrain');
    await d.writer.beatNow();
    assert.equal(undrains, 1, 'the old marker did not undo the new drain');
    await d.writer.stop();
  });
});

describe('selector', () => {
  test('400 concurrent picks over 4 pods at 10/10/10/10 land exactly 100 each (coalesced)', async () => {
    const p = freshPrefix();
    // Capacity 1000: with capacity 100 the 4 pods could take only 360 more players in all.
    const pods = ['l1', 'l2', 'l3', 'l4'].map((id) => pod(p, id, 10, { capacity: 1000 }));
    for (const x of pods) await x.writer.start();
    // Three selectors = three appmgr replicas sharing the state.
    const sels = [0, 1, 2].map(() => new RedisAppSelector(client, { prefix: p, appTtlMs: 120_000, strategy: 'least_loaded', logger }));
    const results = await Promise.all(Array.from({ length: 400 }, (_, i) => sels[i % 3]!.pick('login')));
    const counts: Record<string, number> = {};
    for (const r of results) {
      assert.ok(r.ok, JSON.stringify(r));
      counts[r.app.appId] = (counts[r.app.appId] ?? 0) + 1;
    }
    for (const id of ['l1', 'l2', 'l3', 'l4']) assert.ok(Math.abs((counts[id] ?? 0) - 100) <= 1, JSON.stringify(counts));
    // The bumps live in `assigned`; `online` stays what the pod reported.
    for (const id of ['l1', 'l2', 'l3', 'l4']) assert.equal(await client.hget(`{${p}}:app:${id}`, 'assigned'), '110');
    for (const id of ['l1', 'l2', 'l3', 'l4']) assert.equal(await client.hget(`{${p}}:app:${id}`, 'online'), '10');
    // The next heartbeat writes the truth back.
    await pods[0]!.writer.beatNow();
    assert.equal(await client.hget(`{${p}}:app:l1`, 'assigned'), '10');
    assert.equal(await client.zscore(`{${p}}:online:login`, 'l1'), '0.01');
    for (const x of pods) await x.writer.stop();
  });

  test('different capacities balance by load; full pods (counting reservations) are skipped; none → no_app', async () => {
    const p = freshPrefix();
    const a = pod(p, 'g1', 0, { capacity: 10, appType: 'game' });
    const b = pod(p, 'g2', 0, { capacity: 30, appType: 'game' });
    await a.writer.start();
    await b.writer.start();
    const sel = new RedisAppSelector(client, { prefix: p, appTtlMs: 120_000, strategy: 'least_loaded', logger });
    // Each pick for an account reserves a place: 40 places in all.
    const rs = await Promise.all(Array.from({ length: 45 }, (_, i) => sel.pick('game', `acc${i}`)));
    const ok = rs.filter((r) => r.ok);
    assert.equal(ok.length, 40);
    assert.equal(rs.filter((r) => !r.ok && r.reason === 'no_app').length, 5);
    assert.equal(await client.hget(`{${p}}:app:g1`, 'assigned'), '10');
    assert.equal(await client.hget(`{${p}}:app:g2`, 'assigned'), '30');
    assert.deepEqual(await sel.pick('login'), { ok: false, reason: 'no_app' });
    await a.writer.stop();
    await b.writer.stop();
  });

  test('anonymous /login bumps order the choice but never fill a pod: 50 picks at CAPACITY=5 with nobody online', async () => {
    const p = freshPrefix();
    const l1 = pod(p, 'l1', 0, { capacity: 5 });
    const l2 = pod(p, 'l2', 0, { capacity: 5 });
    await l1.writer.start();
    await l2.writer.start();
    const sel = new RedisAppSelector(client, { prefix: p, appTtlMs: 120_000, strategy: 'least_loaded', logger });
    const counts: Record<string, number> = {};
    for (const r of await Promise.all(Array.from({ length: 50 }, () => sel.pick('login')))) {
      assert.ok(r.ok, JSON.stringify(r));
      counts[r.app.appId] = (counts[r.app.appId] ?? 0) + 1;
    }
    assert.deepEqual(counts, { l1: 25, l2: 25 }, 'the bumps still spread the load');
    const real = await sel.pick('login');
    assert.ok(real.ok, 'a real player still gets a login pod');
    // Real players fill it: 5 online → full.
    l1.state.online = 5;
    l2.state.online = 5;
    await l1.writer.beatNow();
    await l2.writer.beatNow();
    assert.deepEqual(await sel.pick('login'), { ok: false, reason: 'no_app' });
    await l1.writer.stop();
    await l2.writer.stop();
  });
  test('a pod that stops heartbeating is never returned after APP_TTL_MS and is pruned', async () => {
    const p = freshPrefix();
    const dead = pod(p, 'l1', 0, { ttl: 300 });
    const live = pod(p, 'l2', 50);
    await dead.writer.start();
    await live.writer.start();
    const sel = new RedisAppSelector(client, { prefix: p, appTtlMs: 300, strategy: 'least_loaded', logger });
    // dead.writer is never beaten again (60 s interval): simulate a crashed pod.
    await sleep(450);
    await live.writer.beatNow();
    for (let i = 0; i < 20; i++) {
      const r = await sel.pick('login');
      assert.ok(r.ok && r.app.appId === 'l2', JSON.stringify(r));
    }
    assert.equal(await client.zscore(`{${p}}:online:login`, 'l1'), null);
    const dir = new RedisAppDirectory(client, { prefix: p });
    assert.deepEqual((await dir.list()).map((a) => a.appId), ['l2']);
    assert.deepEqual(await client.smembers(`{${p}}:apps`), ['l2']);
    await live.writer.stop();
    await dead.writer.stop();
  });

  test('a pod whose ts is older than APP_TTL_MS (by Redis TIME) is not chosen even if its hash lingers', async () => {
    const p = freshPrefix();
    const x = pod(p, 'l1', 0);
    await x.writer.start();
    const [sec] = await client.time();
    await client.hset(`{${p}}:app:l1`, 'ts_ms', (Number(sec) - 5) * 1000);
    const sel = new RedisAppSelector(client, { prefix: p, appTtlMs: 1000, strategy: 'least_loaded', logger });
    assert.deepEqual(await sel.pick('login'), { ok: false, reason: 'no_app' });
    await x.writer.stop();
  });

  test('clocks: a pod whose clock is 1 h behind is chosen, by an appmgr whose clock is 1 h ahead', async () => {
    const p = freshPrefix();
    const state = { online: 0 };
    const writer = new RedisHeartbeatWriter(client, {
      prefix: p,
      heartbeatMs: 60_000,
      appTtlMs: 120_000,
      logger,
      now: () => Date.now() - 3_600_000,
      source: { appId: 'l1', appType: 'login', ip: '127.0.0.1', port: 5001, capacity: 100, online: () => state.online, draining: () => false },
    });
    await writer.start();
    const [sec] = await client.time();
    const ts = Number(await client.hget(`{${p}}:app:l1`, 'ts_ms'));
    assert.ok(Math.abs(ts - Number(sec) * 1000) < 5000, 'ts_ms is stamped by Redis TIME');
    const sel = new RedisAppSelector(client, { prefix: p, appTtlMs: 6000, strategy: 'least_loaded', logger, now: () => Date.now() + 3_600_000 });
    const r = await sel.pick('login');
    assert.ok(r.ok && r.app.appId === 'l1', JSON.stringify(r));
    await writer.stop();
  });

  test('a dead pod in the middle of the sorted set is pruned (listing), not only the lowest one', async () => {
    const p = freshPrefix();
    const pods = [pod(p, 'l1', 10), pod(p, 'l2', 50), pod(p, 'l3', 90)];
    for (const x of pods) await x.writer.start();
    // l2 dies: its hash expires (gone), its member stays between l1 and l3.
    await client.del(`{${p}}:app:l2`);
    assert.deepEqual(await client.zrange(`{${p}}:online:login`, 0, -1), ['l1', 'l2', 'l3']);
    const dir = new RedisAppDirectory(client, { prefix: p, appTtlMs: 120_000 });
    assert.deepEqual((await dir.list()).map((a) => a.appId), ['l1', 'l3']);
    assert.deepEqual(await client.zrange(`{${p}}:online:login`, 0, -1), ['l1', 'l3']);
    assert.deepEqual((await client.smembers(`{${p}}:apps`)).sort(), ['l1', 'l3']);
    // A lingering hash whose heartbeat is older than APP_TTL_MS (by Redis TIME) leaves the online set too.
    const [sec] = await client.time();
    await client.hset(`{${p}}:app:l3`, 'ts_ms', (Number(sec) - 300) * 1000);
    await dir.list();
    assert.deepEqual(await client.zrange(`{${p}}:online:login`, 0, -1), ['l1']);
    for (const x of pods) await x.writer.stop();
  });

  test('packed fills the fullest pod below capacity first', async () => {
    const p = freshPrefix();
    const a = pod(p, 'l1', 5, { capacity: 10 });
    const b = pod(p, 'l2', 8, { capacity: 10 });
    await a.writer.start();
    await b.writer.start();
    const sel = new RedisAppSelector(client, { prefix: p, appTtlMs: 120_000, strategy: 'packed', logger });
    const ids = [];
    for (let i = 0; i < 4; i++) {
      const r = await sel.pick('login');
      assert.ok(r.ok);
      ids.push(r.app.appId);
    }
    assert.deepEqual(ids, ['l2', 'l2', 'l1', 'l1']);
    await a.writer.stop();
    await b.writer.stop();
  });

  test('transport ws picks only pods with a ws_port (skipped ones stay for TCP), both strategies, same bumps', async () => {
    for (const strategy of ['least_loaded', 'packed'] as const) {
      const p = freshPrefix();
      // l1 (no WebSocket) is the least loaded and, for packed, l3 (no WebSocket) the fullest: both must be skipped.
      const pods = [pod(p, 'l1', 0, { capacity: 10 }), pod(p, 'l2', 3, { capacity: 10, wsPort: 7002 }), pod(p, 'l3', 8, { capacity: 10 }), pod(p, 'l4', 5, { capacity: 10, wsPort: 7004 })];
      for (const x of pods) await x.writer.start();
      const sel = new RedisAppSelector(client, { prefix: p, appTtlMs: 120_000, strategy, logger });
      const picks = await Promise.all(Array.from({ length: 6 }, () => sel.pick('login', '', 'ws')));
      const got = picks.map((r) => (assert.ok(r.ok), `${r.app.appId}:${r.app.wsPort}`));
      assert.ok(got.every((g) => g === 'l2:7002' || g === 'l4:7004'), `${strategy}: ${got}`);
      // least_loaded: l2 3→5, then ties go to the lower id (l2, l4, l2, l4); packed: l4 fills up first (5 → 10).
      const count = (id: string) => got.filter((g) => g.startsWith(id)).length;
      if (strategy === 'least_loaded') assert.deepEqual([count('l2'), count('l4')], [4, 2]);
      else assert.deepEqual([count('l2'), count('l4')], [1, 5]);
      const tcp = await sel.pick('login');
      assert.ok(tcp.ok && (strategy === 'packed' ? tcp.app.appId === 'l3' : tcp.app.appId === 'l1'), `${strategy}: TCP still picks ${JSON.stringify(tcp)}`);
      // No WebSocket pod left → no_app for ws, while TCP still picks.
      await pods[1]!.writer.stop();
      await pods[3]!.writer.stop();
      assert.deepEqual(await sel.pick('login', '', 'ws'), { ok: false, reason: 'no_app' });
      assert.ok((await sel.pick('login')).ok);
      await pods[0]!.writer.stop();
      await pods[2]!.writer.stop();
    }
  });
});

describe('players on their way (pending tokens)', () => {
  test('a heartbeat mid-burst keeps counting tokens issued for the pod and not yet redeemed', async () => {
    const p = freshPrefix();
    const g1 = pod(p, 'g1', 0, { appType: 'game', capacity: 1000 });
    const g2 = pod(p, 'g2', 0, { appType: 'game', capacity: 1000 });
    await g1.writer.start();
    await g2.writer.start();
    const sel = new RedisAppSelector(client, { prefix: p, appTtlMs: 120_000, strategy: 'least_loaded', logger });
    const tokens = new RedisTokenStore(client, { prefix: p, tokenTtlMs: 30_000 });
    // 100 players allocated and given tokens; only g1's heartbeat happens before any of them arrive.
    const issued: { app: string; token: string; account: string }[] = [];
    for (let i = 0; i < 100; i++) {
      const r = await sel.pick('game');
      assert.ok(r.ok);
      const account = `p${i}`;
      issued.push({ app: r.app.appId, token: await tokens.issue(account, r.app.appId), account });
    }
    await g1.writer.beatNow();
    assert.equal(await client.hget(`{${p}}:app:g1`, 'online'), '0');
    assert.equal(await client.hget(`{${p}}:app:g1`, 'assigned'), '50', 'the 50 players on their way still count');
    // So the next 100 picks still split evenly instead of piling onto the pod that just reported.
    const next: Record<string, number> = {};
    for (let i = 0; i < 100; i++) {
      const r = await sel.pick('game');
      assert.ok(r.ok);
      next[r.app.appId] = (next[r.app.appId] ?? 0) + 1;
    }
    assert.deepEqual(next, { g1: 50, g2: 50 });
    // Redeeming moves a player from pending to online; a wrong-app attempt does not.
    const first = issued.find((x) => x.app === 'g1')!;
    assert.equal(await tokens.redeem(first.token, first.account, 'g2'), 'invalid');
    assert.equal(await tokens.redeem(first.token, first.account, 'g1'), 'ok');
    g1.state.online = 1;
    g1.state.redeems = 1;
    await g1.writer.beatNow();
    assert.equal(await client.hget(`{${p}}:app:g1`, 'online'), '1');
    assert.equal(await client.hget(`{${p}}:app:g1`, 'assigned'), '50', '1 online + 49 still on their way');
    await g1.writer.stop();
    await g2.writer.stop();
  });

  test('a pick for an account is reserved until its token replaces the reservation (no gap, no double count)', async () => {
    const p = freshPrefix();
    const g = pod(p, 'g1', 0, { appType: 'game', capacity: 100 });
    await g.writer.start();
    const sel = new RedisAppSelector(client, { prefix: p, appTtlMs: 120_000, strategy: 'least_loaded', logger, reservationMs: 200 });
    const tokens = new RedisTokenStore(client, { prefix: p, tokenTtlMs: 30_000 });
    const assigned = async () => client.hget(`{${p}}:app:g1`, 'assigned');
    assert.ok((await sel.pick('game', 'alice')).ok);
    assert.ok((await sel.pick('game', 'bob')).ok);
    // A heartbeat between AllocateGame and the token: both players still count.
    await g.writer.beatNow();
    assert.equal(await assigned(), '2');
    // alice's token takes the place of her reservation: still 2, not 3.
    await tokens.issue('alice', 'g1');
    await g.writer.beatNow();
    assert.equal(await assigned(), '2');
    // bob's login died before issuing his token: his reservation lapses.
    await sleep(250);
    await g.writer.beatNow();
    assert.equal(await assigned(), '1');
    await g.writer.stop();
  });

  test('a player redeemed in Redis but not yet counted by the pod still counts; once counted, only once', async () => {
    const p = freshPrefix();
    const g = pod(p, 'g1', 0, { appType: 'game', capacity: 100 });
    await g.writer.start();
    const tokens = new RedisTokenStore(client, { prefix: p, tokenTtlMs: 30_000 });
    const assigned = async () => client.hget(`{${p}}:app:g1`, 'assigned');
    const t = await tokens.issue('carol', 'g1');
    assert.equal(await tokens.redeem(t, 'carol', 'g1'), 'ok');
    // The heartbeat sampled the pod before it processed the redeem's reply: carol is in neither online nor pending.
    await g.writer.beatNow();
    assert.equal(await assigned(), '1', 'counted through joined − redeemsCounted');
    // The pod counts her (online and the redeem together): still 1.
    g.state.online = 1;
    g.state.redeems = 1;
    await g.writer.beatNow();
    assert.equal(await assigned(), '1');
    // She leaves: 0. A restarted pod (new incarnation, counting from 0 again) is not charged for old redeems.
    g.state.online = 0;
    await g.writer.beatNow();
    assert.equal(await assigned(), '0');
    g.state.redeems = 0;
    g.state.incarnation = 'i2';
    await g.writer.beatNow();
    assert.equal(await assigned(), '0');
    await g.writer.stop();
  });

  test('expired tokens stop counting at the next heartbeat', async () => {
    const p = freshPrefix();
    const g = pod(p, 'g1', 3, { appType: 'game', capacity: 100 });
    await g.writer.start();
    const tokens = new RedisTokenStore(client, { prefix: p, tokenTtlMs: 100 });
    await tokens.issue('a', 'g1');
    await tokens.issue('b', 'g1');
    await g.writer.beatNow();
    assert.equal(await client.hget(`{${p}}:app:g1`, 'assigned'), '5');
    await sleep(150);
    await g.writer.beatNow();
    assert.equal(await client.hget(`{${p}}:app:g1`, 'assigned'), '3');
    await g.writer.stop();
  });
});

describe('tokens', () => {
  test('issued distinct 32-hex, redeemed exactly once by the right account + app', async () => {
    const p = freshPrefix();
    const ts = new RedisTokenStore(client, { prefix: p, tokenTtlMs: 30_000 });
    const tokens = await Promise.all(Array.from({ length: 50 }, (_, i) => ts.issue(`p${i}`, 'g1')));
    assert.equal(new Set(tokens).size, 50);
    for (const t of tokens) assert.match(t, /^[0-9a-f]{32}$/);
    const t = await ts.issue('alice', 'g1');
    assert.equal(await ts.redeem(t, 'bob', 'g1'), 'invalid', 'wrong account');
    assert.equal(await ts.redeem(t, 'alice', 'g2'), 'invalid', 'wrong app');
    assert.equal(await ts.redeem(t, 'alice', 'g1'), 'ok', 'a wrong attempt does not burn it');
    assert.equal(await ts.redeem(t, 'alice', 'g1'), 'invalid', 'second redeem');
    assert.equal(await ts.redeem('not-a-token', 'alice', 'g1'), 'invalid');
    // Concurrent redeems of one token: exactly one wins.
    const u = await ts.issue('alice', 'g1');
    const rs = await Promise.all(Array.from({ length: 10 }, () => ts.redeem(u, 'alice', 'g1')));
    assert.equal(rs.filter((r) => r === 'ok').length, 1);
  });

  test('expired tokens are rejected', async () => {
    const ts = new RedisTokenStore(client, { prefix: freshPrefix(), tokenTtlMs: 50 });
    const t = await ts.issue('alice', 'g1');
    await sleep(120);
    assert.equal(await ts.redeem(t, 'alice', 'g1'), 'invalid');
  });

  test('Redis down → RegistryUnavailableError', async () => {
    const dead = createRedisClient({ url: 'redis://127.0.0.1:1', logger });
    const ts = new RedisTokenStore(dead, { prefix: freshPrefix(), tokenTtlMs: 1000 });
    await assert.rejects(ts.issue('a', 'g'), RegistryUnavailableError);
    await assert.rejects(ts.redeem('0'.repeat(32), 'a', 'g'), RegistryUnavailableError);
    await closeRedis(dead);
  });
});

describe('sessions', () => {
  test('claim elsewhere kicks the previous holder; release is compare-and-delete', async () => {
    const p = freshPrefix();
    const g1 = new RedisSessionRegistry(client, { prefix: p, logger });
    const g2 = new RedisSessionRegistry(client, { prefix: p, logger });
    const kicks1: [string, string][] = [];
    const kicks2: [string, string][] = [];
    await g1.onKick('g1', (a, s) => kicks1.push([a, s]));
    await g2.onKick('g2', (a, s) => kicks2.push([a, s]));
    assert.equal(await g1.claim('alice smith', 'g1', 'sock-1'), null);
    assert.equal(await g1.claim('alice smith', 'g1', 'sock-1'), null, 'same holder: no kick');
    assert.deepEqual(await g2.claim('alice smith', 'g2', 'sock-9'), { appId: 'g1', socketKey: 'sock-1' });
    await waitFor('kick on g1', () => kicks1.length === 1, 5000);
    assert.deepEqual(kicks1[0], ['alice smith', 'sock-1']);
    assert.equal(kicks2.length, 0);
    await g1.release('alice smith', 'g1', 'sock-1'); // late release of the old session: no effect
    assert.equal(await client.get(`{${p}}:session:alice smith`), `g2 sock-9 ${g2.runId}`);
    await g2.release('alice smith', 'g2', 'sock-9');
    assert.equal(await client.get(`{${p}}:session:alice smith`), null);
    await g1.close();
    await g2.close();
  });
});

describe('redeem + claim in one step (the game pod\'s token login)', () => {
  /** Every key of prefix `p` as comparable text (prefix removed; TTLs only as "has one"). */
  async function dump(p: string): Promise<string[]> {
    const out: string[] = [];
    for (const k of (await client.keys(`{${p}}:*`)).sort()) {
      const type = await client.type(k);
      let h = type === 'hash' ? await client.hgetall(k) : {};
      // The runs hash: "<run_id> <until_ms>" — the run, not the millisecond.
      if (k.endsWith(':runs')) h = Object.fromEntries(Object.entries(h).map(([a, v]) => [a, v.split(' ')[0]!]));
      const v = type === 'string' ? await client.get(k) : type === 'hash' ? JSON.stringify(h) : JSON.stringify(await client.zrange(k, 0, -1, 'WITHSCORES'));
      out.push(`${k.slice(p.length + 2)} ${type} ${v} ttl:${(await client.pttl(k)) > 0}`);
    }
    return out;
  }
  const T = 'a'.repeat(32);
  const T2 = 'b'.repeat(32);
  /** A state as EnterGame leaves it (token, pending member, hold, app hash), then variations. */
  const at = Date.now() + 30_000;
  const RUN = '1111111111111111';
  async function seed(p: string, o: { hold?: string | null; session?: string; app?: boolean; token?: string; runs?: Record<string, string> }) {
    const k = (s: string) => `{${p}}:${s}`;
    if (o.token !== '') await client.set(k(`token:${T}`), o.token ?? 'alice g1', 'PX', 30_000);
    await client.zadd(k('pending:g1'), at, T);
    await client.pexpire(k('pending:g1'), 30_000);
    if (o.hold !== null) await client.set(k('hold:alice'), o.hold ?? `g1 ${T}`, 'PX', 30_000);
    if (o.app !== false) await client.hset(k('app:g1'), 'joined', '0', 'online', '0');
    if (o.session) await client.set(k('session:alice'), o.session, 'PX', 30_000);
    for (const [app, run] of Object.entries(o.runs ?? {})) await client.hset(k('runs'), app, `${run} ${Date.now() + (run === 'lapsed' ? -1000 : 60_000)}`);
  }
  const cases: { name: string; state: Parameters<typeof seed>[1]; token?: string; account?: string; app?: string }[] = [
    { name: 'fresh login', state: {} },
    { name: 'held elsewhere before by an older version (kick)', state: { session: 'g2 tcp:7' } },
    { name: 'held elsewhere before, its pod alive (kick)', state: { session: 'g2 tcp:7 2222222222222222', runs: { g2: '2222222222222222' } } },
    { name: 'held by a dead pod (no kick)', state: { session: 'g2 tcp:7 2222222222222222', runs: { g2: 'lapsed' } } },
    { name: 'held by a pod that never beat since Redis lost data (no kick)', state: { session: 'g2 tcp:7 2222222222222222' } },
    { name: 'held by an earlier run of this pod (no kick)', state: { session: 'g1 tcp:1 0000000000000000', runs: { g1: '0000000000000000' } } },
    { name: 'same holder', state: { session: `g1 tcp:1 ${RUN}`, runs: { g1: RUN } } },
    { name: 'no hold (older version issued it)', state: { hold: null } },
    { name: 'hold names a newer token', state: { hold: `g1 ${T2}` } },
    { name: 'wrong account', state: {}, account: 'bob' },
    { name: 'wrong app', state: {}, app: 'g2' },
    { name: 'unknown token', state: { token: '' } },
    { name: 'app hash gone', state: { app: false } },
    { name: 'malformed token', state: {}, token: 'nope' },
  ];
  for (const c of cases) {
    test(`same answers and keys as redeem then claim: ${c.name}`, async () => {
      const [pa, pb] = [freshPrefix(), freshPrefix()];
      await seed(pa, c.state);
      await seed(pb, c.state);
      const token = c.token ?? T;
      const account = c.account ?? 'alice';
      const app = c.app ?? 'g1';
      const seq = new RedisSessionRegistry(client, { prefix: pa, logger, keyTtlMs: 30_000, runId: RUN });
      const one = new RedisSessionRegistry(client, { prefix: pb, logger, keyTtlMs: 30_000, runId: RUN });
      const r1 = await new RedisTokenStore(client, { prefix: pa, tokenTtlMs: 30_000 }).redeem(token, account, app);
      const a1 = r1 === 'ok' ? await seq.claim(account, app, 'tcp:1') : 'invalid';
      const a2 = await one.redeemAndClaim(token, account, app, 'tcp:1');
      assert.deepEqual(a2 === 'invalid' ? a2 : a2.previous, a1);
      if (c.name.endsWith('(no kick)')) assert.equal(a1, null, 'an invalid record is no previous session');
      if (c.name.endsWith('(kick)')) assert.ok(a1 && a1 !== 'invalid', 'a valid record is the previous session');
      if (a2 !== 'invalid') assert.equal(a2.seat, null, 'a token without a room has no seat');
      assert.deepEqual(await dump(pb), await dump(pa));
    });
  }

  test('the previous holder is told to kick; Redis down → RegistryUnavailableError', async () => {
    const p = freshPrefix();
    await seed(p, { session: 'g2 tcp:7' });
    const g2 = new RedisSessionRegistry(client, { prefix: p, logger });
    const kicks: [string, string][] = [];
    await g2.onKick('g2', (a, s) => kicks.push([a, s]));
    const g1 = new RedisSessionRegistry(client, { prefix: p, logger });
    assert.deepEqual(await g1.redeemAndClaim(T, 'alice', 'g1', 'tcp:1'), { previous: { appId: 'g2', socketKey: 'tcp:7' }, seat: null });
    await waitFor('kick on g2', () => kicks.length === 1, 5000);
    assert.deepEqual(kicks[0], ['alice', 'tcp:7']);
    assert.equal(await g1.redeemAndClaim(T, 'alice', 'g1', 'tcp:1'), 'invalid', 'redeemed once');
    await g2.close();
    const dead = createRedisClient({ url: 'redis://127.0.0.1:1', logger });
    await assert.rejects(new RedisSessionRegistry(dead, { prefix: p, logger }).redeemAndClaim(T, 'alice', 'g1', 'tcp:1'), RegistryUnavailableError);
    await closeRedis(dead);
  });
});

describe('capacity cannot be hoarded (one hold per account)', () => {
  test('one account asking 10 tokens at CAPACITY=5 holds one place; another account still enters', async () => {
    const p = freshPrefix();
    const g1 = pod(p, 'g1', 0, { appType: 'game', capacity: 5 });
    const g2 = pod(p, 'g2', 0, { appType: 'game', capacity: 5 });
    await g1.writer.start();
    await g2.writer.start();
    const sel = new RedisAppSelector(client, { prefix: p, appTtlMs: 120_000, strategy: 'least_loaded', logger });
    const tokens = new RedisTokenStore(client, { prefix: p, tokenTtlMs: 30_000 });
    // EnterGame = AllocateGame (pick for the account) + issue; ten times, over both games.
    const issued: { app: string; token: string }[] = [];
    for (let i = 0; i < 10; i++) {
      const r = await sel.pick('game', 'hoarder');
      assert.ok(r.ok, `EnterGame ${i}: ${JSON.stringify(r)}`);
      issued.push({ app: r.app.appId, token: await tokens.issue('hoarder', r.app.appId) });
    }
    assert.deepEqual(new Set(issued.map((x) => x.app)), new Set(['g1', 'g2']), 'the hold moved between games');
    const pending = (await client.zcard(`{${p}}:pending:g1`)) + (await client.zcard(`{${p}}:pending:g2`));
    assert.equal(pending, 1, 'one place held in all');
    for (const x of issued.slice(0, -1)) assert.equal(await client.exists(`{${p}}:token:${x.token}`), 0, 'earlier tokens are deleted');
    await g1.writer.beatNow();
    await g2.writer.beatNow();
    // 9 other players fit (5 + 5 − the hoarder's one).
    for (let i = 0; i < 9; i++) {
      const r = await sel.pick('game', `other${i}`);
      assert.ok(r.ok, `other${i}: ${JSON.stringify(r)}`);
      await tokens.issue(`other${i}`, r.app.appId);
    }
    assert.deepEqual(await sel.pick('game', 'other9'), { ok: false, reason: 'no_app' });
    // The hoarder's last token is the one that works; redeeming it frees his hold.
    const last = issued.at(-1)!;
    assert.equal(await tokens.redeem(issued[0]!.token, 'hoarder', issued[0]!.app), 'invalid');
    assert.equal(await tokens.redeem(last.token, 'hoarder', last.app), 'ok');
    assert.equal(await client.exists(`{${p}}:hold:hoarder`), 0);
    await g1.writer.stop();
    await g2.writer.stop();
  });

  test('concurrent EnterGames of one account (picks and issues racing) still hold one place', async () => {
    const p = freshPrefix();
    const g1 = pod(p, 'g1', 0, { appType: 'game', capacity: 100 });
    const g2 = pod(p, 'g2', 0, { appType: 'game', capacity: 100 });
    await g1.writer.start();
    await g2.writer.start();
    const sels = [0, 1].map(() => new RedisAppSelector(client, { prefix: p, appTtlMs: 120_000, strategy: 'least_loaded', logger }));
    const tokens = new RedisTokenStore(client, { prefix: p, tokenTtlMs: 30_000 });
    const issued = await Promise.all(
      Array.from({ length: 30 }, async (_, i) => {
        const r = await sels[i % 2]!.pick('game', 'hoarder');
        assert.ok(r.ok);
        return { app: r.app.appId, token: await tokens.issue('hoarder', r.app.appId) };
      }),
    );
    const redeemable = [];
    for (const x of issued) if ((await tokens.redeem(x.token, 'hoarder', x.app)) === 'ok') redeemable.push(x);
    assert.equal(redeemable.length, 1, 'only the latest token is accepted');
    await g1.writer.stop();
    await g2.writer.stop();
  });

  test('concurrent picks of one account in one batch hold one place', async () => {
    const p = freshPrefix();
    const g1 = pod(p, 'g1', 0, { appType: 'game', capacity: 5 });
    await g1.writer.start();
    const sel = new RedisAppSelector(client, { prefix: p, appTtlMs: 120_000, strategy: 'least_loaded', logger });
    const rs = await Promise.all(Array.from({ length: 20 }, () => sel.pick('game', 'hoarder')));
    assert.ok(rs.every((r) => r.ok));
    assert.deepEqual(await client.zrange(`{${p}}:pending:g1`, 0, -1), ['r:hoarder']);
    const others = await Promise.all(Array.from({ length: 5 }, (_, i) => sel.pick('game', `o${i}`)));
    assert.deepEqual(others.map((r) => r.ok), [true, true, true, true, false]);
    await g1.writer.stop();
  });
});

describe('sessions follow their pod (no work per online player)', () => {
  test('a record is valid while its pod is alive in its run: a dead pod or an earlier run neither kicks nor blocks', async () => {
    const p = freshPrefix();
    const runs = `{${p}}:runs`;
    const kicks: string[] = [];
    const g1 = new RedisSessionRegistry(client, { prefix: p, logger, runId: 'aaaaaaaaaaaaaaaa' });
    const g2 = new RedisSessionRegistry(client, { prefix: p, logger, runId: 'bbbbbbbbbbbbbbbb' });
    await g1.onKick('g1', (a, sk) => kicks.push(`${a} ${sk}`));
    assert.equal(await g1.claim('a', 'g1', 's1'), null);
    const ttl = await client.pttl(`{${p}}:session:a`);
    assert.ok(ttl > 3_500_000 && ttl <= 3_600_000, `the 1 h backstop: PTTL ${ttl}`);
    assert.match((await client.hget(runs, 'g1')) ?? '', /^aaaaaaaaaaaaaaaa \d+$/, 'the claiming pod wrote its own liveness');
    // g1 alive: g2's claim kicks it (its kick names the run, which g1's handler strips).
    assert.deepEqual(await g2.claim('a', 'g2', 's9'), { appId: 'g1', socketKey: 's1' });
    await waitFor('kick on g1', () => kicks.length === 1, 5000);
    assert.deepEqual(kicks, ['a s1']);
    // g1 dead (its liveness lapsed): its records neither kick (no message) nor count as a previous session.
    await g1.claim('b', 'g1', 's2');
    await client.hset(runs, 'g1', `aaaaaaaaaaaaaaaa ${Date.now() - 1}`);
    assert.equal(await g2.claim('b', 'g2', 's8'), null);
    // g1 restarted under the same name (a new run): the earlier run's records are invalid too.
    await g1.claim('c', 'g1', 's3');
    const g1b = new RedisSessionRegistry(client, { prefix: p, logger, runId: 'cccccccccccccccc' });
    await g1b.onKick('g1', (a, sk) => kicks.push(`new run: ${a} ${sk}`));
    assert.equal(await g1b.claim('c', 'g1', 's3'), null, 'the same socket key in the new run is no duplicate of the old one');
    await client.set(`{${p}}:session:d`, 'g1 s4 aaaaaaaaaaaaaaaa');
    assert.equal(await g2.claim('d', 'g2', 's7'), null);
    // A kick published for another run of this app_id is not acted on by this one.
    await client.publish(`{${p}}:kick:g1`, 'c s3 aaaaaaaaaaaaaaaa');
    await client.publish(`{${p}}:kick:g1`, 'c s3 cccccccccccccccc');
    await waitFor('the kick for this run', () => kicks.includes('new run: c s3'), 5000);
    assert.deepEqual(kicks.filter((k) => k.startsWith('new run')), ['new run: c s3']);
    for (const r of [g1, g2, g1b]) await r.close();
  });

  test('sync re-arms ours, writes missing and invalid ones, reports the ones another valid session holds', async () => {
    const p = freshPrefix();
    const k = (a: string) => `{${p}}:session:${a}`;
    const g1 = new RedisSessionRegistry(client, { prefix: p, logger, runId: 'aaaaaaaaaaaaaaaa' });
    const g2 = new RedisSessionRegistry(client, { prefix: p, logger, runId: 'bbbbbbbbbbbbbbbb' });
    for (const a of ['a', 'b', 'c', 'd', 'e']) await g1.claim(a, 'g1', `s-${a}`);
    await client.pexpire(k('a'), 5000);
    await client.del(k('b')); // Redis lost it
    await g2.claim('c', 'g2', 's9'); // a newer login elsewhere (its kick lost)
    await client.set(k('d'), 'g3 s1 dddddddddddddddd'); // a dead pod's
    await client.set(k('e'), 'g3 s2'); // an older version's, alive by its own PX
    const live = ['a', 'b', 'c', 'd', 'e'].map((a) => ({ account: a, socketKey: `s-${a}` }));
    assert.deepEqual(await g1.sync('g1', live), [{ account: 'c', socketKey: 's-c' }, { account: 'e', socketKey: 's-e' }]);
    assert.ok((await client.pttl(k('a'))) > 3_500_000, 're-armed');
    assert.equal(await client.get(k('b')), 'g1 s-b aaaaaaaaaaaaaaaa');
    assert.equal(await client.get(k('c')), 'g2 s9 bbbbbbbbbbbbbbbb', 'never overwrites another valid session');
    assert.equal(await client.get(k('d')), 'g1 s-d aaaaaaaaaaaaaaaa');
    // Many sessions go in a few batched calls.
    const many = Array.from({ length: 1200 }, (_, i) => ({ account: `m${i}`, socketKey: `s${i}` }));
    assert.deepEqual(await g1.sync('g1', many), []);
    assert.equal(await client.get(k('m1199')), 'g1 s1199 aaaaaaaaaaaaaaaa');
    await g1.close();
    await g2.close();
  });

  test('the heartbeat keeps the runs entry and reports a lapse; a clean exit removes it', async () => {
    const p = freshPrefix();
    const runs = `{${p}}:runs`;
    const g = pod(p, 'g1', 0, { appType: 'game', hb: 100_000, runId: 'aaaaaaaaaaaaaaaa' });
    let lost = 0;
    g.writer.onRegistrationLost(() => lost++);
    await g.writer.start();
    const [run, until] = ((await client.hget(runs, 'g1')) ?? '').split(' ');
    assert.equal(run, 'aaaaaaaaaaaaaaaa');
    assert.ok(Number(until) > Date.now() + 290_000, `3 heartbeats ahead: ${until}`);
    await g.writer.beatNow();
    assert.equal(lost, 0);
    await client.hset(runs, 'g1', `aaaaaaaaaaaaaaaa ${Date.now() - 1}`);
    await g.writer.beatNow();
    assert.equal(lost, 1, 'a lapse is reported (its sessions were invalid meanwhile)');
    await g.writer.stop();
    assert.equal(await client.hexists(runs, 'g1'), 0);
  });

  test('the kick subscription coming back after a disconnect is reported (kicks sent meanwhile were lost)', async () => {
    const p = freshPrefix();
    const g1 = new RedisSessionRegistry(client, { prefix: p, logger });
    const kicks: string[] = [];
    let resubscribed = 0;
    g1.onResubscribed(() => resubscribed++);
    await g1.onKick('g1', (a, s) => kicks.push(`${a} ${s}`));
    await g1.claim('alice', 'g1', 's1');
    // The subscriber is cut and the newer claim (which publishes the kick) runs before it can come back.
    const res = await client.multi().client('KILL', 'TYPE', 'pubsub').set(`{${p}}:session:alice`, 'g2 s7').publish(`{${p}}:kick:g1`, 'alice s1').exec();
    assert.deepEqual(res?.map(([err]) => err), [null, null, null]);
    assert.equal(res?.[2]?.[1], 0, 'nobody was subscribed when the kick was published');
    await waitFor('resubscribed', () => resubscribed === 1, 10_000);
    assert.deepEqual(kicks, [], 'the kick was lost');
    assert.deepEqual(await g1.sync('g1', [{ account: 'alice', socketKey: 's1' }]), [{ account: 'alice', socketKey: 's1' }]);
    // And the subscription works again.
    await client.publish(`{${p}}:kick:g1`, 'alice s1');
    await waitFor('kick after resubscribe', () => kicks.length === 1, 5000);
    await g1.close();
  });
});

describe('every key a script touches is passed in KEYS', () => {
  test('the check works: a key a script did not declare is caught', async () => {
    const p = freshPrefix();
    const watch = await watchScriptKeys(client, `{${p}}:`);
    await client.eval("redis.call('SET', KEYS[1], '1'); return redis.call('GET', ARGV[1])", 1, `{${p}}:declared`, `{${p}}:hidden`);
    assert.deepEqual((await watch.done()).violations, [`GET {${p}}:hidden`]);
  });

  test('checked on a real redis-server with MONITOR over every registry operation', async (t) => {
    const p = freshPrefix();
    await assertKeysDeclared(t, client, `{${p}}:`, { scripts: 21, keyed: 101 }, async () => {
      const l1 = pod(p, 'l1', 0, { capacity: 5 });
      const g1 = pod(p, 'g1', 0, { appType: 'game', capacity: 50 });
      const g2 = pod(p, 'g2', 0, { appType: 'game', capacity: 50 });
      for (const x of [l1, g1, g2]) await x.writer.start();
      const sel = new RedisAppSelector(client, { prefix: p, appTtlMs: 120_000, strategy: 'least_loaded', logger });
      const tokens = new RedisTokenStore(client, { prefix: p, tokenTtlMs: 30_000 });
      const dir = new RedisAppDirectory(client, { prefix: p, appTtlMs: 120_000 });
      await Promise.all(Array.from({ length: 10 }, () => sel.pick('login')));
      let last = '';
      let lastApp = '';
      for (let i = 0; i < 6; i++) {
        const r = await sel.pick('game', 'acc');
        assert.ok(r.ok);
        lastApp = r.app.appId;
        last = await tokens.issue('acc', lastApp);
      }
      // A hold on the other game when the token is issued (the issue must declare that game's keys too).
      const other = lastApp === 'g1' ? 'g2' : 'g1';
      await tokens.issue('acc', other);
      await tokens.redeem(last, 'acc', lastApp);
      const sessions = new RedisSessionRegistry(client, { prefix: p, logger });
      await sessions.claim('acc', 'g1', 's1');
      await sessions.claim('acc', 'g2', 's2');
      await sessions.sync('g1', [{ account: 'acc', socketKey: 's1' }, { account: 'zed', socketKey: 's3' }]);
      await sessions.release('acc', 'g2', 's2');
      await client.del(`{${p}}:app:g2`);
      await dir.list();
      await dir.drain('g1');
      for (const x of [l1, g1, g2]) await x.writer.stop();
    });
  });
});

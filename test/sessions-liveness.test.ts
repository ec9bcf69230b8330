/**
 * Session records follow their pod's liveness (docs/architecture.md "Sessions follow their pod"), over real processes:
 * a game pod restarted under the same app_id — its earlier run's records (still in Redis under their 1 h backstop)
 * neither kick nor block anyone; Redis restarted under 1,000 held players — every session is valid again within 2
 * heartbeats of the pod's reconnection, and a duplicate login still kicks the older session; a WORKERS=2 pod whose
 * registration vanished without any reconnect (the primary's heartbeat sees it, the workers hold the sessions).
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { Redis } from 'ioredis';
import { KickReason, ReturnCode } from '../services/protocol/wire.js';
import type { FrameClient } from '../services/socket/frame-client.js';
import { RedisTokenStore } from '../services/registry/index.js';
import { registryKeys } from '../services/registry/keys.js';
import { pool } from './helpers/reliability.js';
import { validSessions } from './helpers/session-live.js';
import { waitFor } from './helpers/wait-for.js';
import { gameLogin, startCluster, waitRegistered, type TestCluster } from './pod-cluster.js';

const HB = 500;
let c: TestCluster;
let redis: Redis;
const clients: FrameClient[] = [];

before(async () => {
  c = await startCluster({ prefix: 'liveness', env: { HEARTBEAT_MS: String(HB), APP_TTL_MS: String(3 * HB) } });
  redis = new Redis(c.redis.port, '127.0.0.1', { maxRetriesPerRequest: 1 });
});

after(async () => {
  for (const cl of clients) cl.destroy();
  redis?.disconnect();
  await c?.stop();
});

/** Logs `accounts` in on the game pod `appId` (tokens issued straight into the registry), `concurrency` at a time. */
async function hold(appId: string, port: number, accounts: string[], concurrency = 50): Promise<FrameClient[]> {
  const tokens = new RedisTokenStore(redis, { prefix: c.prefix, tokenTtlMs: 60_000 });
  return pool(accounts, concurrency, async (account) => {
    const g = await gameLogin(port, account, await tokens.issue(account, appId));
    clients.push(g.client);
    assert.equal(g.code, ReturnCode.OK, `${account} on ${appId}`);
    return g.client;
  });
}

test("a game pod restarted under the same app_id: its earlier run's sessions neither kick nor block anyone", async () => {
  const other = await c.startPod('game', 'game-other');
  const first = await c.startPod('game', 'game-r');
  await waitRegistered(c, 'game', ['game-other', 'game-r']);
  const accounts = ['r0', 'r1', 'r2', 'r3', 'r4', 'r5'];
  const before = await hold('game-r', first.port, accounts, 1);
  const oldValues = await Promise.all(accounts.map((a) => redis.get(registryKeys(c.prefix).session(a))));
  first.proc.signal('SIGKILL');
  await first.proc.exited;
  for (const cl of before) cl.destroy();
  // A new process under the same name: a new run. The earlier run's records are still in Redis (1 h backstop).
  const second = await c.startPod('game', 'game-r');
  await waitRegistered(c, 'game', ['game-other', 'game-r']);
  assert.deepEqual(await Promise.all(accounts.map((a) => redis.get(registryKeys(c.prefix).session(a)))), oldValues, 'the earlier run left its records');
  assert.equal(await validSessions(redis, c.prefix, accounts), 0, 'and none of them is valid');
  // Nothing may be published to the pod for the earlier run's sessions.
  const spy = redis.duplicate();
  const published: string[] = [];
  spy.on('message', (_ch: string, m: string) => published.push(m));
  await spy.subscribe(registryKeys(c.prefix).kick('game-r'));
  // The same accounts log in on the new run in the same order (the same socket keys as in the earlier run) and on
  // the other pod: every login is accepted, and nobody is kicked.
  const again = await hold('game-r', second.port, accounts.slice(0, 3), 1);
  const elsewhere = await hold('game-other', other.port, accounts.slice(3), 1);
  await new Promise((r) => setTimeout(r, 3 * HB));
  for (const cl of [...again, ...elsewhere]) assert.equal(cl.isOpen, true, `kicked: ${cl.kickReason}`);
  assert.deepEqual(published, [], 'no kick was published for the earlier run');
  assert.equal(await validSessions(redis, c.prefix, accounts), accounts.length);
  spy.disconnect();
  for (const cl of [...again, ...elsewhere]) cl.destroy();
  await Promise.all([second.proc.stop(), other.proc.stop()]);
});

test('Redis restarted under 1,000 held players: every session back within 2 heartbeats of reconnection; a duplicate login still kicks', async (t) => {
  const held = await c.startPod('game', 'game-held', { CAPACITY: '5000' });
  const dup = await c.startPod('game', 'game-dup');
  await waitFor('game-held and game-dup registered', async () => (await redis.exists(registryKeys(c.prefix).app('game-held'), registryKeys(c.prefix).app('game-dup'))) === 2, 20_000);
  const accounts = Array.from({ length: 1000 }, (_, i) => `h${i}`);
  const players = await hold('game-held', held.port, accounts);
  assert.equal(await validSessions(redis, c.prefix, accounts), 1000);

  const logsBefore = held.proc.logs.length;
  await c.redis.kill();
  await held.proc.waitForLog((l) => l.msg === 'redis down' && held.proc.logs.indexOf(l) >= logsBefore, 20_000);
  await c.redis.restart();
  const up = await held.proc.waitForLog((l) => l.msg === 'redis up' && l.redis !== 'subscriber' && held.proc.logs.indexOf(l) >= logsBefore, 20_000);
  const reconnectedAt = Date.parse(String(up.time));
  await waitFor('every session valid again', async () => (await validSessions(redis, c.prefix, accounts)) === 1000, 20_000, 10);
  const ms = Date.now() - reconnectedAt;
  t.diagnostic(`1,000 sessions valid again ${ms} ms after the pod reconnected (HEARTBEAT_MS=${HB})`);
  assert.ok(ms <= 2 * HB, `${ms} ms > 2 heartbeats`);
  for (const cl of players) assert.equal(cl.isOpen, true);

  // A duplicate login on the other pod kicks the older session (on game-held).
  await waitFor('game-dup registered again', async () => (await redis.exists(registryKeys(c.prefix).app('game-dup'))) === 1, 20_000);
  const victim = players[500]!;
  const [newer] = await hold('game-dup', dup.port, ['h500']);
  await Promise.race([victim.closed, new Promise((_, reject) => setTimeout(() => reject(new Error('the older session was not kicked within 10 s')), 10_000).unref())]);
  assert.equal(victim.kickReason, KickReason.DUPLICATE_LOGIN);
  assert.equal(newer!.isOpen, true);
  for (const cl of players) cl.destroy();
});

test('WORKERS=2: a registration lost without a reconnect (its hash deleted) makes the workers re-publish their sessions', async () => {
  const pod = await c.startPod('game', 'game-w2', { WORKERS: '2' });
  await waitFor('game-w2 registered', async () => (await redis.exists(registryKeys(c.prefix).app('game-w2'))) === 1, 20_000);
  const accounts = Array.from({ length: 20 }, (_, i) => `w${i}`);
  const players = await hold('game-w2', pod.port, accounts, 4);
  const keys = registryKeys(c.prefix);
  // Redis "lost" the registration and the records, while every connection stayed up.
  await redis.del(keys.app('game-w2'), ...accounts.map((a) => keys.session(a)));
  await waitFor('every session written again', async () => (await validSessions(redis, c.prefix, accounts)) === accounts.length, 10 * HB, 20);
  for (const cl of players) (assert.equal(cl.isOpen, true), cl.destroy());
  await pod.proc.stop();
});

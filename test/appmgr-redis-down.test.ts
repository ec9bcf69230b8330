/**
 * Redis outage with a real appmgr process: when redis-server is killed, `/login` keeps answering from the in-memory
 * snapshot (spread by local bumps) for up to STALE_MS, then 503 returncode 6; readiness stays 200 and /status says
 * redis down; after redis-server restarts (empty) the pods' heartbeats rebuild the state and `/login` is normal
 * again — all without restarting the appmgr process.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { Redis } from 'ioredis';
import { createLogger } from '../services/platform/logger.js';
import { RedisHeartbeatWriter, closeRedis, createRedisClient, waitReady } from '../services/registry/index.js';
import { freePort } from './helpers/free-port.js';
import { startRedis, type TestRedis } from './helpers/redis-server.js';
import { startService, type ServiceProcess } from './helpers/service-process.js';
import { waitFor } from './helpers/wait-for.js';

const logger = createLogger('test', 'silent');
let redis: TestRedis;
let client: Redis;
let appmgr: ServiceProcess;
let base: string;
let adminBase: string;
const writers: RedisHeartbeatWriter[] = [];

before(async () => {
  redis = await startRedis();
  client = createRedisClient({ url: redis.url, logger });
  assert.ok(await waitReady(client, 5000));
  const http = await freePort();
  const admin = await freePort();
  base = `http://127.0.0.1:${http}`;
  adminBase = `http://127.0.0.1:${admin}`;
  appmgr = startService('appmgr', { REDIS_URL: redis.url, PREFIX: 'down', HTTP_PORT: String(http), ADMIN_PORT: String(admin), GRPC_PORT: String(await freePort()), HEARTBEAT_MS: '200', APP_TTL_MS: '3000', STALE_MS: '2500' });
  await appmgr.waitForLog((l) => l.msg === 'appmgr listening', 30_000);
  for (const [i, appId] of ['l1', 'l2'].entries()) {
    const w = new RedisHeartbeatWriter(client, {
      prefix: 'down', heartbeatMs: 200, appTtlMs: 3000, logger,
      source: { appId, appType: 'login', ip: '127.0.0.1', port: 5500 + i, capacity: 1000, online: () => 0, draining: () => false },
    });
    writers.push(w);
    await w.start();
  }
});

after(async () => {
  await Promise.all(writers.map((w) => w.stop()));
  await appmgr?.stop();
  await closeRedis(client);
  await redis.stop();
});

async function login() {
  const res = await fetch(`${base}/login`);
  return { status: res.status, body: (await res.json()) as { returncode: number; ip: string; port: number } };
}

test('cache within STALE_MS, then 503 returncode 6, then normal after restart; no process restart', async () => {
  // Let appmgr's snapshot see both pods.
  await waitFor('snapshot has both pods', async () => ((await (await fetch(`${adminBase}/status`)).json()) as { apps: { login: number } }).apps.login === 2, 10_000);
  assert.equal((await login()).status, 200);

  await redis.kill();
  const cached = [];
  for (let i = 0; i < 6; i++) cached.push(await login());
  for (const r of cached) assert.equal(r.status, 200, 'answered from the snapshot right after the outage');
  assert.deepEqual([...new Set(cached.map((r) => r.body.port))].sort(), [5500, 5501], 'local bumps spread the cached picks');

  const busy = await waitFor('503 returncode 6', async () => {
    const r = await login();
    return r.status === 503 && r.body.returncode === 6 ? r : undefined;
  }, 15_000, 100);
  assert.deepEqual(busy.body, { returncode: 6, ip: '', port: 0 });
  const status = (await (await fetch(`${adminBase}/status`)).json()) as { redis: string };
  assert.equal(status.redis, 'down');
  assert.equal((await fetch(`${base}/readyz`)).status, 200, 'Redis down does not make appmgr unready');
  assert.match(await (await fetch(`${adminBase}/metrics`)).text(), /gamecluster_redis_up 0/);

  await redis.restart();
  const ok = await waitFor('login works again', async () => {
    const r = await login();
    return r.status === 200 ? r : undefined;
  }, 20_000, 100);
  assert.equal(ok.body.returncode, 0);
  assert.equal(appmgr.child.exitCode, null, 'appmgr never restarted');
  assert.equal(appmgr.child.signalCode, null);
  const logs = appmgr.logs.filter((l) => l.msg === 'redis down').length;
  assert.ok(logs >= 1 && logs <= 3, `outage logged once per transition, got ${logs}`);
});

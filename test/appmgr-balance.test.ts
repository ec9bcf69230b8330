/**
 * The spec's balance guarantee end to end: 4 fake login pods (real HeartbeatWriters, one beat then a 60 s interval so
 * no heartbeat interferes) at 10/10/10/10, 400 `GET /login` spread over 3 real appmgr child processes land exactly
 * 100 ± 1 on each pod; a fresh heartbeat then overwrites the bumped count with the truth.
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
const appmgrs: { proc: ServiceProcess; http: number; admin: number }[] = [];
const writers: RedisHeartbeatWriter[] = [];

before(async () => {
  redis = await startRedis();
  client = createRedisClient({ url: redis.url, logger });
  assert.ok(await waitReady(client, 5000));
  const env = { REDIS_URL: redis.url, PREFIX: 'bal', HEARTBEAT_MS: '60000', APP_TTL_MS: '180000', LOG_LEVEL: 'warn' };
  for (let i = 0; i < 3; i++) {
    const http = await freePort();
    const admin = await freePort();
    const grpc = await freePort();
    // The snapshot behind /apps refreshes every HEARTBEAT_MS: fast here; the pods below beat on their own timer.
    appmgrs.push({ proc: startService('appmgr', { ...env, HEARTBEAT_MS: '200', HTTP_PORT: String(http), ADMIN_PORT: String(admin), GRPC_PORT: String(grpc), LOG_LEVEL: 'info' }), http, admin });
  }
  await Promise.all(appmgrs.map((a) => a.proc.waitForLog((l) => l.msg === 'appmgr listening', 30_000)));
});

after(async () => {
  await Promise.all(writers.map((w) => w.stop()));
  await Promise.all(appmgrs.map((a) => a.proc.stop()));
  await closeRedis(client);
  await redis.stop();
});

test('400 /login over 3 appmgr processes land 100 ± 1 per pod; a heartbeat restores the truth', async () => {
  const ids = ['login-a', 'login-b', 'login-c', 'login-d'];
  for (const [i, appId] of ids.entries()) {
    const w = new RedisHeartbeatWriter(client, {
      prefix: 'bal',
      heartbeatMs: 60_000,
      appTtlMs: 180_000,
      logger,
      // Capacity 1000: the pods must have room for 100 more each (with capacity 100 only 90 would fit).
      source: { appId, appType: 'login', ip: '127.0.0.1', port: 7000 + i, capacity: 1000, online: () => 10, draining: () => false },
    });
    writers.push(w);
    await w.start();
  }
  const byPort = new Map<number, number>();
  const results = await Promise.all(
    Array.from({ length: 400 }, async (_, i) => {
      const res = await fetch(`http://127.0.0.1:${appmgrs[i % 3]!.http}/login`);
      assert.equal(res.status, 200);
      assert.equal(res.headers.get('content-type'), 'application/json; charset=utf-8');
      const body = (await res.json()) as { returncode: number; ip: string; port: number };
      assert.deepEqual(Object.keys(body), ['returncode', 'ip', 'port']);
      assert.equal(body.returncode, 0);
      return body.port;
    }),
  );
  for (const port of results) byPort.set(port, (byPort.get(port) ?? 0) + 1);
  for (let i = 0; i < 4; i++) {
    const n = byPort.get(7000 + i) ?? 0;
    assert.ok(Math.abs(n - 100) <= 1, `pod ${i} got ${n}: ${JSON.stringify([...byPort])}`);
  }
  // The shared state shows the bumps in `assigned` (what selection uses); /apps keeps reporting the pods' truth…
  for (const id of ids) assert.equal(await client.hget(`{bal}:app:${id}`, 'assigned'), '110');
  // (/apps is the snapshot, refreshed every 200 ms here: wait for it to hold the four pods.)
  const apps = await waitFor('/apps lists the 4 pods', async () => {
    const body = (await (await fetch(`http://127.0.0.1:${appmgrs[0]!.admin}/apps`)).json()) as { apps: { app_id: string; online: number }[] };
    return body.apps.length === 4 ? body : undefined;
  }, 10_000);
  assert.equal(apps.apps.reduce((s, a) => s + a.online, 0), 40);
  // …until each pod's next heartbeat writes its real count back.
  await Promise.all(writers.map((w) => w.beatNow()));
  for (const id of ids) {
    assert.equal(await client.hget(`{bal}:app:${id}`, 'assigned'), '10');
    assert.equal(await client.zscore('{bal}:online:login', id), '0.01');
  }
});

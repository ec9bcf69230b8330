/**
 * appmgr's HTTP contract in-process against a real redis-server: `/login` answers (200, 503 returncode 4 with
 * Retry-After: 1), never a dead, draining or full pod; the public port serves only /login and the probes; the
 * operator routes on the admin port (/apps from the snapshot); and bad input (unknown routes, wrong
 * methods, huge query strings and headers, odd bodies) gets a clean JSON 4xx without hurting the process.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { request as httpRequest } from 'node:http';
import { connect } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import { Redis } from 'ioredis';
import { startAppmgr, type AppmgrHandle } from '../services/appmgr/app.js';
import { parseAppmgrConfig } from '../services/appmgr/config.js';
import { createLogger } from '../services/platform/logger.js';
import { RedisAppDirectory, RedisHeartbeatWriter, closeRedis, createRedisClient, waitReady } from '../services/registry/index.js';
import { listScript } from '../services/registry/lua-scripts.js';
import { startRedis, type TestRedis } from './helpers/redis-server.js';
import { waitFor } from './helpers/wait-for.js';

const logger = createLogger('test', 'silent');
let redis: TestRedis;
let client: Redis;
let appmgr: AppmgrHandle;
let base: string;
let admin: string;
const writers: RedisHeartbeatWriter[] = [];
const TTL = 600;

before(async () => {
  redis = await startRedis();
  client = createRedisClient({ url: redis.url, logger });
  assert.ok(await waitReady(client, 5000));
  const config = parseAppmgrConfig({ REDIS_URL: redis.url, PREFIX: 'http', HTTP_PORT: '0', ADMIN_PORT: '0', GRPC_PORT: '0', BIND_HOST: '127.0.0.1', HEARTBEAT_MS: '200', APP_TTL_MS: String(TTL) });
  appmgr = await startAppmgr(config, logger);
  base = `http://127.0.0.1:${appmgr.httpPort}`;
  admin = `http://127.0.0.1:${appmgr.adminPort}`;
});

after(async () => {
  await Promise.all(writers.map((w) => w.stop()));
  await appmgr?.close();
  await closeRedis(client);
  await redis.stop();
});

function pod(appId: string, port: number, o: { online?: number; capacity?: number; hb?: number; ttl?: number } = {}) {
  const w = new RedisHeartbeatWriter(client, {
    prefix: 'http', heartbeatMs: o.hb ?? 100, appTtlMs: o.ttl ?? TTL, logger,
    source: { appId, appType: 'login', ip: '127.0.0.1', port, capacity: o.capacity ?? 100, online: () => o.online ?? 0, draining: () => false },
  });
  writers.push(w);
  return w;
}

async function login(): Promise<{ status: number; body: { returncode: number; ip: string; port: number }; retryAfter: string | null; raw: string; type: string | null; cacheControl: string | null }> {
  const res = await fetch(`${base}/login`);
  const raw = await res.text();
  return { status: res.status, body: JSON.parse(raw), retryAfter: res.headers.get('retry-after'), raw, type: res.headers.get('content-type'), cacheControl: res.headers.get('cache-control') };
}

test('no pods → 503 returncode 4 with Retry-After: 1, body exactly three keys', async () => {
  const r = await login();
  assert.equal(r.status, 503);
  assert.equal(r.raw, '{"returncode":4,"ip":"","port":0}');
  assert.equal(r.retryAfter, '1');
  assert.equal(r.type, 'application/json; charset=utf-8');
  assert.equal(r.cacheControl, 'no-store', 'no cache or proxy keeps a /login answer');
});

test('a pod that stops heartbeating is never returned after APP_TTL_MS', async () => {
  const live = pod('live', 5101);
  const dying = pod('dying', 5102);
  await live.start();
  await dying.start();
  const seen = new Set<number>();
  for (let i = 0; i < 6; i++) seen.add((await login()).body.port);
  assert.deepEqual([...seen].sort(), [5101, 5102]);
  await dying.stop(); // stop() deletes, so also crash one: a pod beating once with a short TTL and no more beats
  const crashed = pod('crashed', 5103, { hb: 600_000 });
  await crashed.start();
  await sleep(TTL + 200);
  for (let i = 0; i < 30; i++) {
    const r = await login();
    assert.equal(r.status, 200);
    assert.equal(r.body.port, 5101);
  }
  await live.stop();
  await crashed.stop();
});

test('draining and full pods are never returned', async () => {
  const full = pod('full', 5201, { online: 100 });
  const drained = pod('drained', 5202);
  const ok = pod('ok', 5203, { online: 90 });
  await full.start();
  await drained.start();
  await ok.start();
  assert.equal(await new RedisAppDirectory(client, { prefix: 'http' }).drain('drained'), true);
  for (let i = 0; i < 10; i++) {
    const r = await login();
    assert.equal(r.status, 200);
    assert.equal(r.body.port, 5203);
    assert.equal(r.cacheControl, 'no-store');
  }
  await ok.beatNow();
  await Promise.all([full.stop(), drained.stop(), ok.stop()]);
  const none = await login();
  assert.equal(none.status, 503);
  assert.equal(none.body.returncode, 4);
});

test('the public port serves /login and the probes only: /apps, /status, /metrics, / answer 404 JSON there', async () => {
  for (const path of ['/apps', '/status', '/metrics', '/', '/apps?x=1']) {
    const r = await fetch(`${base}${path}`);
    assert.equal(r.status, 404, path);
    assert.match(r.headers.get('content-type') ?? '', /application\/json/);
    assert.equal(((await r.json()) as { statusCode: number }).statusCode, 404);
  }
  assert.deepEqual(await (await fetch(`${base}/healthz`)).json(), { status: 'ok' });
  assert.equal((await fetch(`${base}/readyz`)).status, 200);
  // …and the admin port has no /login.
  assert.equal((await fetch(`${admin}/login`)).status, 404);
});

test('operator routes on the admin port: /apps (snapshot), /status, /healthz, /readyz, /metrics, /', async (t) => {
  const p = pod('apps-1', 5301, { online: 7 });
  await p.start();
  // /apps is the snapshot (refreshed every HEARTBEAT_MS = 200 ms here): the pod shows up within one refresh.
  const t0 = performance.now();
  const a = await waitFor('apps-1 in /apps', async () => ((await (await fetch(`${admin}/apps`)).json()) as { apps: Record<string, unknown>[] }).apps.find((x) => x.app_id === 'apps-1'), 5000, 20);
  t.diagnostic(`apps-1 in /apps after ${(performance.now() - t0).toFixed(0)} ms (HEARTBEAT_MS 200)`);
  assert.deepEqual(Object.keys(a).sort(), ['app_id', 'app_type', 'capacity', 'ip', 'last_seen_ms', 'modes', 'online', 'port', 'rooms', 'state', 'ws_port']);
  assert.equal(a.online, 7);
  assert.equal(a.state, 'ready');
  assert.equal(a.ws_port, 0);
  assert.deepEqual([a.modes, a.rooms], [[], 0], 'a pod without rooms');
  // A game pod hosting rooms: its modes and its room count, as its heartbeat publishes them.
  let hosted = 3;
  const g = new RedisHeartbeatWriter(client, {
    prefix: 'http', heartbeatMs: 100, appTtlMs: TTL, logger,
    source: { appId: 'rooms-1', appType: 'game', ip: '127.0.0.1', port: 5302, capacity: 100, online: () => 5, draining: () => false, caps: ['rooms'], modes: [{ mode: 'duel', maxPlayers: 2 }, { mode: 'party', maxPlayers: 8 }], roomPlayers: () => 5, rooms: () => hosted },
  });
  writers.push(g);
  await g.start();
  const roomsOf = async () => ((await (await fetch(`${admin}/apps`)).json()) as { apps: Record<string, unknown>[] }).apps.find((x) => x.app_id === 'rooms-1');
  const gr = await waitFor('rooms-1 in /apps', roomsOf, 5000, 20);
  assert.deepEqual([gr.modes, gr.rooms], [[{ mode: 'duel', max_players: 2 }, { mode: 'party', max_players: 8 }], 3]);
  hosted = 1;
  await waitFor('the room count follows the heartbeat', async () => (await roomsOf())?.rooms === 1, 5000, 20);
  await g.stop();
  const status = (await (await fetch(`${admin}/status`)).json()) as { redis: string; apps: { login: number; game: number }; queue: number; version: string };
  assert.deepEqual(Object.keys(status), ['redis', 'apps', 'queue', 'version']);
  assert.equal(status.redis, 'up');
  assert.equal(status.queue, 0);
  assert.equal(typeof status.version, 'string');
  assert.equal(typeof status.apps.login, 'number');
  assert.deepEqual(await (await fetch(`${admin}/healthz`)).json(), { status: 'ok' });
  assert.equal((await fetch(`${admin}/readyz`)).status, 200);
  await login();
  const metrics = await (await fetch(`${admin}/metrics`)).text();
  for (const name of ['gamecluster_appmgr_requests_total', 'gamecluster_appmgr_select_seconds', 'gamecluster_appmgr_apps', 'gamecluster_cluster_online_players', 'gamecluster_redis_up 1', 'process_cpu_user_seconds_total']) {
    assert.ok(metrics.includes(name), name);
  }
  // One registry read per refresh whatever the request rate: 200 /apps requests cost no read of their own.
  const listSha = createHash('sha1').update(listScript.lua).digest('hex');
  const mon = await client.monitor();
  let reads = 0;
  mon.on('monitor', (_time: string, args: string[]) => {
    if (/^eval(sha)?$/i.test(args[0] ?? '') && (args[1] === listSha || args[1] === listScript.lua)) reads++;
  });
  const w0 = performance.now();
  await Promise.all(Array.from({ length: 200 }, () => fetch(`${admin}/apps`).then((r) => r.arrayBuffer())));
  const windowMs = performance.now() - w0;
  await sleep(50);
  mon.disconnect();
  t.diagnostic(`200 /apps in ${windowMs.toFixed(0)} ms: ${reads} registry reads (HEARTBEAT_MS 200)`);
  assert.ok(reads <= Math.ceil((windowMs + 50) / 200) + 1, `${reads} registry reads for 200 /apps in ${windowMs.toFixed(0)} ms`);
  const page = await fetch(`${admin}/`);
  assert.match(page.headers.get('content-type') ?? '', /text\/html/);
  const html = await page.text();
  assert.match(html, /fetch\('apps'/);
  assert.match(html, /<th class="n">rooms<\/th>/, 'the live page shows rooms');
  assert.doesNotMatch(html, /<script src|<link /);
  await p.stop();
});

function raw(req: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const s = connect(appmgr.httpPort, '127.0.0.1');
    let out = '';
    s.setEncoding('utf8');
    s.on('data', (d) => (out += d));
    s.on('end', () => resolve(out));
    s.on('close', () => resolve(out));
    s.on('error', reject);
    s.write(req);
    setTimeout(() => s.end(), 1000).unref();
  });
}

test('bad input: unknown routes, wrong methods, huge query/headers, garbage → clean JSON 4xx', async () => {
  const r404 = await fetch(`${base}/nope/${'x'.repeat(500)}`);
  assert.equal(r404.status, 404);
  assert.equal(((await r404.json()) as { statusCode: number }).statusCode, 404);
  for (const method of ['POST', 'PUT', 'DELETE', 'PATCH']) {
    const r = method === 'DELETE' ? await fetch(`${base}/login`, { method }) : await fetch(`${base}/login`, { method, body: '{"a":1}', headers: { 'content-type': 'application/json' } });
    assert.ok(r.status === 404 || r.status === 405, `${method} ${r.status}`);
    assert.match(r.headers.get('content-type') ?? '', /application\/json/);
    await r.json();
  }
  const big = await fetch(`${base}/login?${'a=1&'.repeat(3000)}`);
  // A long but legal query is ignored: the normal answer (503 returncode 4 here: no pods left).
  assert.equal(big.status, 503);
  assert.deepEqual(await big.json(), { returncode: 4, ip: '', port: 0 });
  const huge = await new Promise<{ status: number; body: string }>((resolve, reject) => {
    const req = httpRequest({ host: '127.0.0.1', port: appmgr.httpPort, path: `/login?q=${'x'.repeat(40_000)}` }, (res) => {
      let body = '';
      res.on('data', (d) => (body += d));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.on('error', reject);
    req.end();
  });
  assert.equal(huge.status, 431);
  assert.equal(JSON.parse(huge.body).statusCode, 431);
  const hugeHeader = await raw(`GET /login HTTP/1.1\r\nHost: x\r\nX-Big: ${'y'.repeat(40_000)}\r\n\r\n`);
  assert.match(hugeHeader, /^HTTP\/1\.1 431/);
  const garbage = await raw('NOT HTTP AT ALL\r\n\r\n');
  assert.match(garbage, /^HTTP\/1\.1 400/);
  const tooBig = await fetch(`${admin}/apps`, { method: 'POST', body: 'x'.repeat(100_000), headers: { 'content-type': 'application/json' } });
  assert.ok(tooBig.status >= 400 && tooBig.status < 500, String(tooBig.status));
  // Still serving afterwards.
  assert.equal((await fetch(`${base}/healthz`)).status, 200);
});

test('close(): readiness turns 503 while shutting down and the handle closes cleanly', async () => {
  const config = parseAppmgrConfig({ REDIS_URL: redis.url, PREFIX: 'http2', HTTP_PORT: '0', ADMIN_PORT: '0', GRPC_PORT: '0', BIND_HOST: '127.0.0.1' });
  const h = await startAppmgr(config, logger);
  assert.equal((await fetch(`http://127.0.0.1:${h.httpPort}/readyz`)).status, 200);
  await h.close();
  await h.close();
  await assert.rejects(fetch(`http://127.0.0.1:${h.httpPort}/readyz`));
});

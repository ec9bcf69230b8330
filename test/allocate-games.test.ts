/**
 * `AllocateGames` over a real channel to a real appmgr (issue 25, batched allocation): a batch of 1 to 500 requests
 * gives exactly the answers and the registry state (online set and scores, every pod's `assigned`, every pending set
 * and hold) that the same requests sent one by one as `AllocateGame` give, on two registries seeded identically
 * (two appmgrs, two prefixes, one redis-server) — TCP and WebSocket requests, repeated and empty accounts, room
 * requests inside a batch, pods filling up; and a run of plain requests is one pick script call (MONITOR).
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import * as grpc from '@grpc/grpc-js';
import { Redis } from 'ioredis';
import { startAppmgr, type AppmgrHandle } from '../services/appmgr/app.js';
import { parseAppmgrConfig } from '../services/appmgr/config.js';
import { loadAppmgrProto } from '../services/appmgr/grpc-server.js';
import { createLogger } from '../services/platform/logger.js';
import type { AllocateGameRequest } from '../services/protocol/gen/grpc/gamecluster/v1/AllocateGameRequest.js';
import type { AllocateGameResponse__Output } from '../services/protocol/gen/grpc/gamecluster/v1/AllocateGameResponse.js';
import type { AppMgrServiceClient } from '../services/protocol/gen/grpc/gamecluster/v1/AppMgrService.js';
import { RedisHeartbeatWriter, closeRedis, createRedisClient, waitReady } from '../services/registry/index.js';
import { startRedis, type TestRedis } from './helpers/redis-server.js';

const logger = createLogger('test', 'silent');
const PREFIXES = ['batch', 'single'] as const;
let redis: TestRedis;
let client: Redis;
const appmgrs: AppmgrHandle[] = [];
const apis: AppMgrServiceClient[] = [];
const writers: RedisHeartbeatWriter[] = [];

before(async () => {
  redis = await startRedis();
  client = createRedisClient({ url: redis.url, logger });
  assert.ok(await waitReady(client, 5000));
  const { proto } = loadAppmgrProto();
  for (const prefix of PREFIXES) {
    const config = parseAppmgrConfig({ REDIS_URL: redis.url, PREFIX: prefix, HTTP_PORT: '0', ADMIN_PORT: '0', GRPC_PORT: '0', BIND_HOST: '127.0.0.1', HEARTBEAT_MS: '60000', APP_TTL_MS: '120000' });
    const a = await startAppmgr(config, logger);
    appmgrs.push(a);
    apis.push(new proto.gamecluster.v1.AppMgrService(`127.0.0.1:${a.grpcPort}`, grpc.credentials.createInsecure()));
  }
  // The same game pods in both registries: capacities and loads from a fixed seed, some without a WebSocket port,
  // some declaring a room mode.
  let seed = 7;
  const rand = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
  const pods = Array.from({ length: 7 }, (_, i) => {
    const capacity = 60 + Math.floor(rand() * 200);
    return { appId: `game-${i}`, capacity, online: Math.floor(rand() * capacity * 0.5), ws: rand() < 0.6 ? 7100 + i : 0, rooms: i % 2 === 0 };
  });
  for (const prefix of PREFIXES) {
    for (const p of pods) {
      const w = new RedisHeartbeatWriter(client, {
        prefix, heartbeatMs: 60_000, appTtlMs: 120_000, logger,
        source: { appId: p.appId, appType: 'game', ip: '127.0.0.1', port: 7000, wsPort: p.ws, capacity: p.capacity, online: () => p.online, draining: () => false, runId: `run-${p.appId}`, caps: ['rooms'], modes: p.rooms ? [{ mode: 'party', maxPlayers: 4 }] : [] },
      });
      writers.push(w);
      await w.start();
    }
  }
});

after(async () => {
  for (const api of apis) api.close();
  await Promise.all(writers.map((w) => w.stop()));
  await Promise.all(appmgrs.map((a) => a.close()));
  await closeRedis(client);
  await redis.stop();
});

function unary<Req, Res>(fn: (req: Req, cb: (err: grpc.ServiceError | null, res?: Res) => void) => unknown, req: Req): Promise<Res> {
  return new Promise((resolve, reject) => fn(req, (err, res) => (err ? reject(err) : resolve(res as Res))));
}

/** The registry of `prefix` as comparable text: online set with scores, each pod's assigned and room places, pending sets, holds. */
async function state(prefix: string): Promise<string> {
  const t = `{${prefix}}`;
  const out: unknown[] = [await client.zrange(`${t}:online:game`, 0, -1, 'WITHSCORES')];
  for (let i = 0; i < 7; i++) {
    out.push(await client.hmget(`${t}:app:game-${i}`, 'assigned', 'room_places'));
    out.push((await client.zrange(`${t}:pending:game-${i}`, 0, -1)).sort());
  }
  const holds = (await client.keys(`${t}:hold:*`)).sort();
  // A room seat's hold names its (random) room id: compared up to it.
  for (const k of holds) out.push(k.slice(t.length), (await client.get(k))?.replace(/S:[0-9A-Z]{8}:/, 'S:<room>:'));
  return JSON.stringify(out);
}

/** An answer as comparable text (a room id is random: only whether there is one). */
const norm = (r: AllocateGameResponse__Output) => `${r.returnCode} ${r.appId} ${r.port} ${r.wsPort} ${r.roomId ? 'room' : ''}`;

let n = 0;
/** `size` requests: mostly plain TCP, some WebSocket, repeated and empty accounts, and room creates if `rooms`. */
function requests(size: number, o: { ws: boolean; rooms: boolean }): AllocateGameRequest[] {
  return Array.from({ length: size }, (_, i) => {
    const k = n++;
    const account = k % 11 === 0 ? '' : k % 7 === 0 ? `again${k % 3}` : `acc${k}`;
    const websocket = o.ws && i % 5 >= 3;
    if (o.rooms && i % 9 === 4 && account) return { account, websocket, room: { create: { mode: 'party', maxPlayers: 2 } } };
    return { account, websocket };
  });
}

test('AllocateGames of 1 to 500 requests: the same answers and registry state as the same requests one by one', async () => {
  const [batch, single] = apis as [AppMgrServiceClient, AppMgrServiceClient];
  const sizes = [1, 2, 3, 5, 17, 64, 200, 255, 256, 257, 500, 1, 40];
  for (const [i, size] of sizes.entries()) {
    const reqs = requests(size, { ws: i % 2 === 1, rooms: i % 3 === 2 });
    const got = await unary(batch.allocateGames.bind(batch), { requests: reqs });
    const want: AllocateGameResponse__Output[] = [];
    for (const r of reqs) want.push(await unary(single.allocateGame.bind(single), r));
    assert.equal(got.responses.length, size);
    assert.deepEqual(got.responses.map(norm), want.map(norm), `answers of a batch of ${size}`);
    assert.equal(await state('batch'), await state('single'), `registry after a batch of ${size}`);
  }
  const last = await unary(batch.allocateGames.bind(batch), { requests: requests(300, { ws: false, rooms: false }) });
  assert.ok(last.responses.some((r) => (r.returnCode as string) === 'RETURN_CODE_NO_APP'), 'the pods are full by now: NO_APP answers were compared too');
});

test('a run of plain requests is one pick script call; more than 1000 requests are refused', async () => {
  const [batch] = apis as [AppMgrServiceClient];
  // Free places again: a fresh beat rewrites each pod's exact count, and the holds of the accounts below are new.
  await Promise.all(writers.map((w) => w.beatNow()));
  const mon = await client.monitor();
  let picks = 0;
  mon.on('monitor', (_t: string, args: string[]) => {
    if (/^evalsha$|^eval$/i.test(args[0] ?? '') && args[3] === '{batch}:online:game') picks++;
  });
  const reqs = Array.from({ length: 200 }, (_, i) => ({ account: `one-call-${i}`, websocket: false }));
  const r = await unary(batch.allocateGames.bind(batch), { requests: reqs });
  await client.ping();
  await new Promise((res) => setTimeout(res, 200));
  mon.disconnect();
  assert.equal(r.responses.length, 200);
  assert.equal(picks, 1, 'one pick script call for the batch');
  await assert.rejects(unary(batch.allocateGames.bind(batch), { requests: Array.from({ length: 1001 }, () => ({ account: '' })) }), (err: grpc.ServiceError) => err.code === grpc.status.INVALID_ARGUMENT);
});

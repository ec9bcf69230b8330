/**
 * Rooms and the cluster's places, through the real flow on real processes (docs/rooms.md): redis-server, appmgr
 * (CLUSTER_CAPACITY 16, the admission queue), one login pod and one game pod (CAPACITY 16) running
 * test/fixtures/game-module/rooms-module.ts (modes `party` of 4 and `squad` of 8).
 * - Hoarding: one account asks the login 100 times for a room of the largest size (`create` squad of 8) and never
 *   enters: every create is answered, and the pod's fullness in the registry stays at one room's places (a leak of one
 *   more room would have made the third create NO_APP on a pod of 16). The login's per-address bound on creations is
 *   off here: this is the registry's bound (an account's new EnterGame voids its unreached room).
 * - The queue: the cluster full (a host in his party room + 12 players), 10 players waiting in line; a friend asks
 *   `GET /login?room=<id>` and is in the host's room at once, past the line, which keeps its 10 waiting.
 */
import assert from 'node:assert/strict';
import { fileURLToPath } from 'node:url';
import { after, before, test } from 'node:test';
import protobuf from 'protobufjs';
import { MsgId, ReturnCode } from '../services/protocol/wire.js';
import { closeRedis, registryKeys } from '../services/registry/index.js';
import { FrameClient } from '../services/socket/frame-client.js';
import { waitFor } from './helpers/wait-for.js';
import { clusterRedis, fetchJson, gameLogin, startCluster, waitRegistered, type Proc, type TestCluster } from './pod-cluster.js';

const MODULE = 'test/fixtures/game-module/rooms-module.ts';
const CAPACITY = 16;
const Event = protobuf.loadSync(fileURLToPath(new URL('./fixtures/game-module/probe.proto', import.meta.url))).lookupType('probe.v1.Event');
let c: TestCluster;
let game: Proc;
let admin: string;
let redis: Awaited<ReturnType<typeof clusterRedis>>;
const clients: FrameClient[] = [];

before(async () => {
  c = await startCluster({
    prefix: 'roomplaces',
    env: { HEARTBEAT_MS: '200', ROOM_CREATES_PER_IP_PER_MIN: '0', ROOM_EMPTY_MS: '200' },
    appmgrEnv: { CLUSTER_CAPACITY: String(CAPACITY), QUEUE_TICK_MS: '50' },
  });
  [, game] = await Promise.all([c.startPod('login', 'login-1'), c.startPod('game', 'game-1', { GAME_MODULE: MODULE, CAPACITY: String(CAPACITY) })]);
  await waitRegistered(c, 'login', ['login-1']);
  await waitRegistered(c, 'game', ['game-1']);
  admin = `http://127.0.0.1:${c.appmgr.metricsPort}`;
  redis = await clusterRedis(c);
});

after(async () => {
  for (const cl of clients) cl.destroy();
  if (redis) await closeRedis(redis);
  await c?.stop();
});

type Room = { create: { mode: string; maxPlayers: number; isPrivate: boolean } } | { join: { roomId: string } } | null;

/** `GET /login<query>` (200 expected) → AccountCheck → EnterGame{room}; the login's answer. */
async function enter(account: string, room: Room, query = ''): Promise<{ code: number; roomId: string; port: number; token: string }> {
  const { status, body } = await fetchJson(`http://127.0.0.1:${c.appmgr.port}/login${query}`);
  assert.equal(status, 200, `${account}: /login${query} ${status} ${JSON.stringify(body)}`);
  const cl = await FrameClient.connect(body.port, body.ip);
  try {
    const rs = await cl.request(MsgId.C2L_AccountCheck, { account, password: 'pw' }, MsgId.L2C_AccountCheckRs);
    assert.equal(rs.returnCode ?? 0, ReturnCode.OK);
    const eg = await cl.request(MsgId.C2L_EnterGame, room ? { room } : {}, MsgId.L2C_EnterGameRs);
    return { code: eg.returnCode ?? 0, roomId: eg.roomId ?? '', port: eg.port ?? 0, token: eg.token ?? '' };
  } finally {
    cl.destroy();
  }
}

/** The whole flow into the game pod (with `room`): the game client, its room, and the module's `room <id> <n>`. */
async function play(account: string, room: Room, query = ''): Promise<{ cl: FrameClient; roomId: string; told: string }> {
  const e = await enter(account, room, query);
  assert.equal(e.code, ReturnCode.OK, `${account}: EnterGame ${e.code}`);
  const g = await gameLogin(e.port, account, e.token);
  clients.push(g.client);
  assert.equal(g.code, ReturnCode.OK, `${account}: LoginByToken ${g.code}`);
  const told = (Event.decode(await g.client.nextGame(10007)) as unknown as { text: string }).text;
  return { cl: g.client, roomId: e.roomId, told };
}

/** The game pod's registry hash after a heartbeat written from now on. */
async function podAfterBeat(): Promise<Record<string, string>> {
  const key = registryKeys(c.prefix).app(game.appId);
  const before = Number(await redis.hget(key, 'ts_ms'));
  return waitFor('a fresh heartbeat', async () => {
    const h = await redis.hgetall(key);
    return Number(h.ts_ms) > before ? h : undefined;
  }, 5000, 20);
}

test('hoarding: 100 creates of the largest size (squad of 8) from one account, never entered, hold one room: fullness 8 of 16', async (t) => {
  const squad = { create: { mode: 'squad', maxPlayers: 8, isPrivate: true } };
  const ids = new Set<string>();
  const t0 = performance.now();
  let last = { code: 0, roomId: '', port: 0, token: '' };
  for (let i = 0; i < 100; i++) {
    last = await enter('hoarder', squad);
    assert.equal(last.code, ReturnCode.OK, `create ${i + 1}: ${last.code}`);
    ids.add(last.roomId);
  }
  assert.equal(ids.size, 100, 'a new room each time');
  const h = await podAfterBeat();
  t.diagnostic(`100 creates in ${(performance.now() - t0).toFixed(0)} ms; then the pod's registry: room_places ${h.room_places}, fullness (assigned) ${h.assigned}, rooms hosted ${h.rooms}, capacity ${h.capacity}`);
  assert.equal(Number(h.room_places), 8, 'one room of 8');
  assert.ok(Number(h.assigned) <= 8, `fullness ${h.assigned} ≤ one room's 8`);
  // The 99 earlier rooms are gone: joining one answers ROOM_NOT_FOUND; the last one still takes a friend.
  assert.equal((await enter('prober', { join: { roomId: [...ids][0]! } })).code, ReturnCode.ROOM_NOT_FOUND);
  // Another player still opens a room of 8 beside the hoarder's (8 + 8 = the pod's 16).
  const other = await play('other', squad);
  assert.equal(other.told, `room ${other.roomId} 1`);
  // Clean up for the next test: the hoarder enters his last room; both leave, and the empty rooms end.
  const g = await gameLogin(last.port, 'hoarder', last.token);
  clients.push(g.client);
  assert.equal(g.code, ReturnCode.OK);
  for (const cl of [g.client, other.cl]) {
    cl.send(MsgId.C2G_Leave, {});
    await cl.closed;
  }
  await waitFor('the rooms ended and their places given back', async () => Number((await podAfterBeat()).room_places) === 0, 10_000, 0);
});

test('the queue: with 10 players waiting in line, a friend joins an existing room by id at once', async (t) => {
  const host = await play('host', { create: { mode: 'party', maxPlayers: 4, isPrivate: true } });
  assert.equal(host.told, `room ${host.roomId} 1`);
  // 4 places for the room + 12 players = the cluster's 16.
  for (let i = 0; i < 12; i++) await play(`filler-${i}`, null);
  await waitFor('appmgr sees the cluster full', async () => (await fetchJson(`${admin}/queue`)).body.available === 0, 10_000, 50);
  const line: string[] = [];
  for (let i = 1; i <= 10; i++) {
    const { status, body } = await fetchJson(`http://127.0.0.1:${c.appmgr.port}/login?queue=1`);
    assert.equal(status, 202, JSON.stringify(body));
    assert.equal(body.position, i);
    line.push(body.ticket);
  }
  assert.equal((await fetchJson(`http://127.0.0.1:${c.appmgr.port}/login`)).status, 503, 'a plain /login waits behind the line');

  const t0 = performance.now();
  const friend = await play('friend', { join: { roomId: host.roomId } }, `?room=${host.roomId}`);
  const ms = performance.now() - t0;
  assert.equal(friend.roomId, host.roomId);
  assert.equal(friend.told, `room ${host.roomId} 2`, 'in the host’s room inside the module');
  const q = (await fetchJson(`${admin}/queue`)).body;
  t.diagnostic(`friend in the host's room ${ms.toFixed(0)} ms after his /login?room=, past a line of ${q.waiting} (held ${q.held})`);
  assert.equal(q.waiting, 10, 'the line still waits, all 10 of it');
  // An unknown id is answered as if `room` were absent: a place at the back of the line.
  const lost = await fetchJson(`http://127.0.0.1:${c.appmgr.port}/login?queue=1&room=ABCDEFGH`);
  assert.deepEqual([lost.status, lost.body.position], [202, 11]);
  // Keep the tickets honest: they are still in line, in order.
  for (const [i, ticket] of line.entries()) assert.equal((await fetchJson(`http://127.0.0.1:${c.appmgr.port}/login?ticket=${ticket}`)).body.position, i + 1);
});

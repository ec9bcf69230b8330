/**
 * The `arena` sample game (examples/arena) on a real game pod (GAME_MODULE=arena): 20 players fill room-1 (16) and
 * open room-2 (4); each gets Joined; Move is clamped to ±maxStep and rate-bounded; every tick each room broadcasts
 * one State (one encode per room and tick, read from one scrape) carrying its members' positions.
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import protobuf from 'protobufjs';
import { ARENA_RULES, messages } from '../examples/arena/messages.js';
import { MsgId, ReturnCode } from '../services/protocol/wire.js';
import { closeRedis, RedisTokenStore } from '../services/registry/index.js';
import { FrameClient } from '../services/socket/frame-client.js';
import { clusterRedis, startCluster, waitRegistered, type Proc, type TestCluster } from './pod-cluster.js';

const root = protobuf.loadSync(new URL('../examples/arena/arena.proto', import.meta.url).pathname);
const id = (name: string) => Number(Object.entries(messages).find(([, m]) => m.name === name)![0]);
const T = (name: string) => root.lookupType(`arena.v1.${name}`);

let c: TestCluster;
let game: Proc;
let redis: Awaited<ReturnType<typeof clusterRedis>>;
const players: { account: string; cl: FrameClient; joined: any }[] = [];

before(async () => {
  c = await startCluster({ prefix: 'arena' });
  game = await c.startPod('game', 'arena-1', { GAME_MODULE: 'arena' });
  await waitRegistered(c, 'game', ['arena-1']);
  redis = await clusterRedis(c);
});

after(async () => {
  for (const p of players) p.cl.destroy();
  await closeRedis(redis);
  await c?.stop();
});

/** The counters of one /metrics scrape (sums over labels matching `labels`). */
async function scrape(): Promise<(name: string, labels?: Record<string, string>) => number> {
  const text = await (await fetch(`http://127.0.0.1:${game.metricsPort}/metrics`)).text();
  return (name, labels = {}) => {
    let sum = 0;
    for (const line of text.split('\n')) {
      const m = /^([a-zA-Z_:][\w:]*)(?:\{(.*)\})? (\S+)$/.exec(line);
      if (!m || m[1] !== name) continue;
      if (Object.entries(labels).every(([k, v]) => (m[2] ?? '').includes(`${k}="${v}"`))) sum += Number(m[3]);
    }
    return sum;
  };
}

/** The first State the pod sent after `since` (older queued ones are skipped). */
async function nextState(cl: FrameClient, since = Date.now()): Promise<any> {
  for (;;) {
    const s = T('State').decode(await cl.nextGame(id('State'))) as any;
    if (s.serverTimeMs >= since) return s;
  }
}

test('20 players: room-1 takes 16, room-2 opens for the rest; each gets Joined with the rules', async () => {
  const tokens = new RedisTokenStore(redis, { prefix: c.prefix, tokenTtlMs: 30_000 });
  const joinOne = async (account: string) => {
    const token = await tokens.issue(account, 'arena-1');
    const cl = await FrameClient.connect(game.port);
    const rs = await cl.request(MsgId.C2G_LoginByToken, { account, token }, MsgId.G2C_LoginByTokenRs);
    assert.equal(rs.returnCode ?? 0, ReturnCode.OK);
    const joined = T('Joined').decode(await cl.nextGame(id('Joined'))) as any;
    players.push({ account, cl, joined });
  };
  await Promise.all(Array.from({ length: 20 }, (_, i) => joinOne(`fighter-${i}`)));
  const rooms = new Map<string, number>();
  for (const p of players) rooms.set(p.joined.room, (rooms.get(p.joined.room) ?? 0) + 1);
  assert.deepEqual(Object.fromEntries(rooms), { 'room-1': 16, 'room-2': 4 });
  const j = players[0]!.joined;
  assert.deepEqual([j.width, j.height, j.tickHz, j.maxStep], [ARENA_RULES.width, ARENA_RULES.height, ARENA_RULES.tickHz, ARENA_RULES.maxStep]);
});

test('every tick each room broadcasts one State (encoded once) with all its members', async (t) => {
  const inRoom = (r: string) => players.filter((p) => p.joined.room === r);
  const s = await nextState(inRoom('room-1')[0]!.cl);
  assert.equal(s.room, 'room-1');
  assert.deepEqual(s.players.map((x: any) => x.account).sort(), inRoom('room-1').map((p) => p.account).sort());
  const small = await nextState(inRoom('room-2')[0]!.cl);
  assert.equal(small.players.length, 4);
  const a = await scrape();
  const t0 = Date.now();
  await new Promise((r) => setTimeout(r, 1000));
  const b = await scrape();
  const ticks = b('gamecluster_game_tick_seconds_count') - a('gamecluster_game_tick_seconds_count');
  const states = b('gamecluster_game_messages_total', { msg: 'State' }) - a('gamecluster_game_messages_total', { msg: 'State' });
  const encodes = b('gamecluster_game_encodes_total') - a('gamecluster_game_encodes_total');
  t.diagnostic(`${ticks} ticks in ${Date.now() - t0} ms at ${ARENA_RULES.tickHz} Hz; ${states} State broadcasts, ${encodes} encodes for 20 players`);
  assert.ok(ticks > 0);
  assert.equal(states, 2 * ticks, 'one State per room per tick');
  assert.equal(encodes, states, 'one encode per broadcast, not per player');
  assert.equal(b('gamecluster_game_groups'), 2);
});

test('Move is clamped to ±maxStep and rate-bounded per second', async () => {
  const p = players[1]!;
  const mine = (s: any) => s.players.find((x: any) => x.account === p.account);
  const before = mine(await nextState(p.cl));
  const dir = before.x < ARENA_RULES.width / 2 ? 1 : -1;
  p.cl.sendGame(id('Move'), T('Move').encode({ dx: dir * 500, dy: 0 }).finish());
  const sent = Date.now();
  let now = mine(await nextState(p.cl, sent));
  for (let i = 0; i < 5 && now.x === before.x; i++) now = mine(await nextState(p.cl));
  assert.equal(now.x - before.x, dir * ARENA_RULES.maxStep, 'clamped to one step');
  // A burst of 100 moves: at most maxMovesPerSec of them apply in one second (two windows if the burst straddles one).
  const start = now.x;
  for (let i = 0; i < 100; i++) p.cl.sendGame(id('Move'), T('Move').encode({ dx: dir * ARENA_RULES.maxStep, dy: 0 }).finish());
  await new Promise((r) => setTimeout(r, 300));
  const after = mine(await nextState(p.cl, Date.now()));
  const moved = Math.abs(after.x - start);
  assert.ok(moved <= 2 * ARENA_RULES.maxMovesPerSec * ARENA_RULES.maxStep && moved < 100 * ARENA_RULES.maxStep, `moved ${moved}`);
  assert.ok(after.x >= 0 && after.x <= ARENA_RULES.width);
});

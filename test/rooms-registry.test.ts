/**
 * Rooms in the registry (docs/rooms.md) against a real redis-server: create / join / find, the atomic seat
 * (players + reserved <= max_players across allocators), a seat's token and its redeem on the room's pod, room ends
 * (nobody reached it, its pod dead or restarted), matches with idempotency, the game pod's changes, Redis work per
 * heartbeat independent of the number of rooms, and every key a room script touches declared in KEYS (MONITOR).
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { Redis } from 'ioredis';
import { createLogger } from '../services/platform/logger.js';
import {
  RedisGameRoomRegistry,
  RedisHeartbeatWriter,
  RedisRoomAllocator,
  RedisSessionRegistry,
  RedisTokenStore,
  closeRedis,
  createRedisClient,
  waitReady,
  type RoomAllocateOptions,
  type RoomAllocation,
  type RoomMode,
} from '../services/registry/index.js';
import { countCommandsFrom } from './helpers/redis-commands.js';
import { assertKeysDeclared } from './helpers/script-keys.js';
import { startRedis, type TestRedis } from './helpers/redis-server.js';

const logger = createLogger('test', 'silent');
let redis: TestRedis;
let client: Redis;
let client2: Redis;
let n = 0;
const freshPrefix = () => `r${process.pid}x${++n}`;

before(async () => {
  redis = await startRedis();
  client = createRedisClient({ url: redis.url, logger });
  client2 = createRedisClient({ url: redis.url, logger });
  assert.ok(await waitReady(client, 5000));
  assert.ok(await waitReady(client2, 5000));
});
after(async () => {
  await closeRedis(client);
  await closeRedis(client2);
  await redis.stop();
});

const MODES: RoomMode[] = [
  { mode: 'duel', maxPlayers: 2 },
  { mode: 'party', maxPlayers: 4 },
  { mode: 'arena', maxPlayers: 16 },
];

function gamePod(prefix: string, appId: string, o: { capacity?: number; modes?: RoomMode[]; runId?: string; wsPort?: number; c?: Redis } = {}) {
  const state = { online: 0, roomPlayers: 0, draining: false, runId: o.runId ?? `${appId}-run1` };
  const writer = new RedisHeartbeatWriter(o.c ?? client, {
    prefix,
    heartbeatMs: 60_000,
    appTtlMs: 120_000,
    logger,
    source: {
      appId,
      appType: 'game',
      ip: '127.0.0.1',
      port: 6000,
      wsPort: o.wsPort ?? 6100,
      capacity: o.capacity ?? 100,
      online: () => state.online,
      draining: () => state.draining,
      redeemsCounted: () => 0,
      incarnation: () => 'i1',
      get runId() {
        return state.runId;
      },
      caps: ['rooms'],
      modes: o.modes ?? MODES,
      roomPlayers: () => state.roomPlayers,
    },
  });
  return { writer, state };
}

const seatOpts: RoomAllocateOptions = { transport: 'tcp', seatMs: 10_000, issueTokens: false };
const spec = (mode: string, maxPlayers = 0, isPrivate = false, labels: Record<string, string> = {}) => ({ mode, maxPlayers, isPrivate, labels });
const ok = (r: RoomAllocation) => {
  assert.ok(r.ok, `expected ok, got ${JSON.stringify(r)}`);
  return r;
};
const places = async (p: string, app: string) => Number(await client.hget(`{${p}}:app:${app}`, 'room_places'));

describe('rooms: the player flow', () => {
  test('create, three friends join by id (any letter case), a fifth is ROOM_FULL; each seat redeems on the room pod', async () => {
    const p = freshPrefix();
    const g1 = gamePod(p, 'g1');
    const g2 = gamePod(p, 'g2');
    await g1.writer.start();
    await g2.writer.start();
    const rooms = new RedisRoomAllocator(client, { prefix: p, appTtlMs: 120_000, strategy: 'least_loaded' });
    const host = ok(await rooms.allocate({ create: spec('party', 4, true) }, [{ account: 'host' }], seatOpts));
    assert.match(host.roomId, /^[23456789ABCDEFGHJKMNPQRSTUVWXYZ]{8}$/);
    assert.equal(await places(p, host.appId), 4, "the room takes its max_players out of its pod's fullness");
    const tokens = new RedisTokenStore(client, { prefix: p, tokenTtlMs: 30_000 });
    const sessions = new RedisSessionRegistry(client, { prefix: p, logger, runId: `${host.appId}-run1` });
    for (const [i, friend] of ['f1', 'f2', 'f3'].entries()) {
      const id = i === 0 ? host.roomId.toLowerCase() : host.roomId;
      const r = ok(await rooms.allocate({ join: id }, [{ account: friend }], seatOpts));
      assert.equal(r.appId, host.appId);
      assert.equal(r.roomId, host.roomId);
    }
    assert.deepEqual(await rooms.allocate({ join: host.roomId }, [{ account: 'f4' }], seatOpts), { ok: false, code: 'ROOM_FULL' });
    // A seat holder asking again retakes his own seat.
    ok(await rooms.allocate({ join: host.roomId }, [{ account: 'f1' }], seatOpts));
    const t = await tokens.issueForSeat('host', host.appId, host.roomId);
    assert.ok(t);
    assert.equal(await sessions.redeemAndClaim(t, 'host', host.appId === 'g1' ? 'g2' : 'g1', 's1'), 'invalid', 'only on the room pod');
    const red = await sessions.redeemAndClaim(t, 'host', host.appId, 's1');
    assert.ok(red !== 'invalid');
    assert.deepEqual(red.seat, { roomId: host.roomId, mode: 'party', maxPlayers: 4, isPrivate: true, labels: {}, match: null });
    assert.equal(await sessions.redeemAndClaim(t, 'host', host.appId, 's1'), 'invalid', 'once');
    assert.equal(await client.hget(`{${p}}:room:${host.roomId}`, 'players'), '1');
    // The host, in the room, asks again (a reconnect): he retakes his place without a new one.
    const again = ok(await rooms.allocate({ join: host.roomId }, [{ account: 'host' }], seatOpts));
    assert.equal(again.seats[0]!.status, 'in');
    assert.deepEqual(await rooms.allocate({ join: host.roomId }, [{ account: 'f5' }], seatOpts), { ok: false, code: 'ROOM_FULL' });
  });

  test('unknown id → ROOM_NOT_FOUND; malformed id, undeclared mode, too big → ROOM_INVALID; no pod with room → NO_APP', async () => {
    const p = freshPrefix();
    const g1 = gamePod(p, 'g1', { capacity: 10 });
    await g1.writer.start();
    const rooms = new RedisRoomAllocator(client, { prefix: p, appTtlMs: 120_000, strategy: 'least_loaded' });
    assert.deepEqual(await rooms.allocate({ join: 'ABCDEFGH' }, [{ account: 'a' }], seatOpts), { ok: false, code: 'ROOM_NOT_FOUND' });
    assert.deepEqual(await rooms.allocate({ join: 'abc' }, [{ account: 'a' }], seatOpts), { ok: false, code: 'ROOM_INVALID' });
    assert.deepEqual(await rooms.allocate({ create: spec('chess') }, [{ account: 'a' }], seatOpts), { ok: false, code: 'ROOM_INVALID' });
    assert.deepEqual(await rooms.allocate({ create: spec('duel', 3) }, [{ account: 'a' }], seatOpts), { ok: false, code: 'ROOM_INVALID' });
    assert.deepEqual(await rooms.allocate({ create: spec('arena') }, [{ account: 'a' }], seatOpts), { ok: false, code: 'NO_APP' }, 'capacity 10 cannot hold a room of 16');
    ok(await rooms.allocate({ create: spec('party') }, [{ account: 'a' }], seatOpts));
  });

  test('find: 200 concurrent finds of duel from two allocators make exactly 100 full rooms', async () => {
    const p = freshPrefix();
    for (const id of ['g1', 'g2', 'g3']) await gamePod(p, id, { capacity: 1000 }).writer.start();
    const a1 = new RedisRoomAllocator(client, { prefix: p, appTtlMs: 120_000, strategy: 'least_loaded' });
    const a2 = new RedisRoomAllocator(client2, { prefix: p, appTtlMs: 120_000, strategy: 'least_loaded' });
    const rs = await Promise.all(Array.from({ length: 200 }, (_, i) => (i % 2 ? a1 : a2).allocate({ find: spec('duel', 2) }, [{ account: `p${i}` }], seatOpts)));
    const byRoom = new Map<string, number>();
    for (const r of rs) byRoom.set(ok(r).roomId, (byRoom.get(ok(r).roomId) ?? 0) + 1);
    assert.equal(byRoom.size, 100);
    assert.ok([...byRoom.values()].every((c) => c === 2));
  });

  test('races: two allocators reserving the last seats never put a room over max_players', async () => {
    const p = freshPrefix();
    await gamePod(p, 'g1').writer.start();
    const a1 = new RedisRoomAllocator(client, { prefix: p, appTtlMs: 120_000, strategy: 'least_loaded' });
    const a2 = new RedisRoomAllocator(client2, { prefix: p, appTtlMs: 120_000, strategy: 'least_loaded' });
    const host = ok(await a1.allocate({ create: spec('arena', 16) }, [{ account: 'h' }], seatOpts));
    const rs = await Promise.all(Array.from({ length: 40 }, (_, i) => (i % 2 ? a1 : a2).allocate({ join: host.roomId }, [{ account: `j${i}` }], seatOpts)));
    assert.equal(rs.filter((r) => r.ok).length, 15);
    assert.ok(rs.filter((r) => !r.ok).every((r) => !r.ok && r.code === 'ROOM_FULL'));
    const seats = await client.zcard(`{${p}}:seats:${host.roomId}`);
    assert.equal(seats, 16);
  });

  test('hoarding: 100 creates of the largest size from one account, never entered, hold one room', async () => {
    const p = freshPrefix();
    await gamePod(p, 'g1', { capacity: 1000 }).writer.start();
    const rooms = new RedisRoomAllocator(client, { prefix: p, appTtlMs: 120_000, strategy: 'least_loaded' });
    for (let i = 0; i < 100; i++) ok(await rooms.allocate({ create: spec('arena', 16, true) }, [{ account: 'hoarder' }], seatOpts));
    assert.equal(await places(p, 'g1'), 16);
    // The seat lapsing ends the last one too: the pod's next heartbeat gives its places back.
    const short = ok(await rooms.allocate({ create: spec('arena', 16, true) }, [{ account: 'hoarder' }], { ...seatOpts, seatMs: 50 }));
    assert.equal(await places(p, 'g1'), 16);
    await new Promise((r) => setTimeout(r, 120));
    await gamePod(p, 'g1', { capacity: 1000 }).writer.beatNow();
    assert.equal(await places(p, 'g1'), 0);
    assert.deepEqual(await rooms.allocate({ join: short.roomId }, [{ account: 'x' }], seatOpts), { ok: false, code: 'ROOM_NOT_FOUND' });
  });

  test("creating again on a full pod and cluster: the account's own unreached room is no obstacle, anybody else's seat in it is", async () => {
    const p = freshPrefix();
    await gamePod(p, 'g1', { capacity: 16 }).writer.start();
    const rooms = new RedisRoomAllocator(client, { prefix: p, appTtlMs: 120_000, strategy: 'least_loaded', clusterCapacity: 16 });
    const tokens = new RedisTokenStore(client, { prefix: p, tokenTtlMs: 30_000 });
    // One room of 16 fills the pod (CAPACITY 16) and the cluster (CLUSTER_CAPACITY 16); its creator creates again, with
    // and without the login's token issued for the seat: each time his earlier room ends and the new one fits.
    let last = ok(await rooms.allocate({ create: spec('arena', 16, true) }, [{ account: 'solo' }], seatOpts));
    for (let i = 0; i < 4; i++) {
      if (i % 2 === 0) assert.ok(await tokens.issueForSeat('solo', last.appId, last.roomId));
      last = ok(await rooms.allocate({ create: spec('arena', 16, true) }, [{ account: 'solo' }], seatOpts));
    }
    assert.equal(await places(p, 'g1'), 16);
    assert.equal(Number(await client.hget(`{${p}}:app:g1`, 'assigned')), 16, 'the fullness the pick orders by: one room');
    assert.equal(await client.zscore(`{${p}}:online:game`, 'g1'), null, 'full: out of the online set until its heartbeat');
    // Anybody else finds the pod full.
    assert.deepEqual(await rooms.allocate({ create: spec('arena', 16) }, [{ account: 'other' }], seatOpts), { ok: false, code: 'NO_APP' });
    // A friend took a seat in the room: a new create would not end it, so it needs places nobody holds: none.
    ok(await rooms.allocate({ join: last.roomId }, [{ account: 'friend' }], seatOpts));
    assert.deepEqual(await rooms.allocate({ create: spec('arena', 16, true) }, [{ account: 'solo' }], seatOpts), { ok: false, code: 'NO_APP' });
    assert.equal(await places(p, 'g1'), 16);
  });

  test("a dead pod's rooms, and its earlier run's, are ROOM_NOT_FOUND; a draining pod's and a locked room are ROOM_CLOSED", async () => {
    const p = freshPrefix();
    const g1 = gamePod(p, 'g1');
    await g1.writer.start();
    const rooms = new RedisRoomAllocator(client, { prefix: p, appTtlMs: 120_000, strategy: 'least_loaded' });
    const gr = new RedisGameRoomRegistry(client, { prefix: p, appId: 'g1', runId: 'g1-run1' });
    const a = ok(await rooms.allocate({ create: spec('party') }, [{ account: 'a' }], seatOpts));
    gr.knowMode(a.roomId, 'party');
    await gr.setLocked(a.roomId, true);
    assert.deepEqual(await rooms.allocate({ join: a.roomId }, [{ account: 'b' }], seatOpts), { ok: false, code: 'ROOM_CLOSED' });
    ok(await rooms.allocate({ join: a.roomId }, [{ account: 'b' }], { ...seatOpts, bypassLock: true }));
    await gr.setLocked(a.roomId, false);
    g1.state.draining = true;
    await g1.writer.beatNow();
    assert.deepEqual(await rooms.allocate({ join: a.roomId }, [{ account: 'c' }], seatOpts), { ok: false, code: 'ROOM_CLOSED' });
    g1.state.draining = false;
    await g1.writer.beatNow();
    ok(await rooms.allocate({ join: a.roomId }, [{ account: 'c' }], seatOpts));
    // A restart under the same name: a new run; the old run's room is gone and its places with it.
    g1.state.runId = 'g1-run2';
    await g1.writer.beatNow();
    assert.equal(await places(p, 'g1'), 0);
    assert.deepEqual(await rooms.allocate({ join: a.roomId }, [{ account: 'd' }], seatOpts), { ok: false, code: 'ROOM_NOT_FOUND' });
    const b = ok(await rooms.allocate({ create: spec('party') }, [{ account: 'e' }], seatOpts));
    await g1.writer.stop();
    assert.deepEqual(await rooms.allocate({ join: b.roomId }, [{ account: 'f' }], seatOpts), { ok: false, code: 'ROOM_NOT_FOUND' });
  });

  test("the game pod's changes: left frees a place, end gives the places back, republish restores what Redis lost", async () => {
    const p = freshPrefix();
    const g1 = gamePod(p, 'g1');
    await g1.writer.start();
    const rooms = new RedisRoomAllocator(client, { prefix: p, appTtlMs: 120_000, strategy: 'least_loaded' });
    const tokens = new RedisTokenStore(client, { prefix: p, tokenTtlMs: 30_000 });
    const sessions = new RedisSessionRegistry(client, { prefix: p, logger, runId: 'g1-run1' });
    const gr = new RedisGameRoomRegistry(client, { prefix: p, appId: 'g1', runId: 'g1-run1' });
    const a = ok(await rooms.allocate({ create: spec('duel', 2) }, [{ account: 'a' }], seatOpts));
    gr.knowMode(a.roomId, 'duel');
    ok(await rooms.allocate({ join: a.roomId }, [{ account: 'b' }], seatOpts));
    for (const acc of ['a', 'b']) {
      const t = await tokens.issueForSeat(acc, 'g1', a.roomId);
      assert.ok(t && (await sessions.redeemAndClaim(t, acc, 'g1', `s-${acc}`)) !== 'invalid');
    }
    assert.deepEqual(await rooms.allocate({ join: a.roomId }, [{ account: 'c' }], seatOpts), { ok: false, code: 'ROOM_FULL' });
    await gr.left(a.roomId, 'b');
    ok(await rooms.allocate({ join: a.roomId }, [{ account: 'c' }], seatOpts));
    // Redis loses everything: the pod re-publishes its room; a join finds it again.
    await client.flushall();
    const lost: string[] = [];
    g1.writer.onRegistrationLost(() => lost.push('lost'));
    await g1.writer.beatNow();
    assert.deepEqual(lost, ['lost']);
    assert.deepEqual(await gr.republish([{ roomId: a.roomId, mode: 'duel', maxPlayers: 2, isPrivate: false, labels: {}, locked: false, accounts: ['a'] }]), []);
    assert.equal(await places(p, 'g1'), 2);
    ok(await rooms.allocate({ join: a.roomId }, [{ account: 'd' }], seatOpts));
    const listed = await rooms.list('duel', 10);
    assert.deepEqual(listed.map((r) => [r.roomId, r.players, r.reserved, r.maxPlayers]), [[a.roomId, 1, 1, 2]]);
    await gr.ended(a.roomId);
    assert.equal(await places(p, 'g1'), 0);
    assert.deepEqual(await rooms.allocate({ join: a.roomId }, [{ account: 'e' }], seatOpts), { ok: false, code: 'ROOM_NOT_FOUND' });
  });
});

describe('rooms: the mode index (ListRooms, GET /rooms, find)', () => {
  test('open public rooms fullest first, then locked ones; private ones only when asked; find takes neither; an ended or lapsed room leaves the index', async () => {
    const p = freshPrefix();
    const g1 = gamePod(p, 'g1', { capacity: 1000 });
    await g1.writer.start();
    const rooms = new RedisRoomAllocator(client, { prefix: p, appTtlMs: 120_000, strategy: 'least_loaded' });
    const gr = new RedisGameRoomRegistry(client, { prefix: p, appId: 'g1', runId: 'g1-run1' });
    const made = async (isPrivate: boolean, seated: number) => {
      const a = ok(await rooms.allocate({ create: spec('party', 4, isPrivate) }, [{ account: `h${++n}` }], seatOpts));
      gr.knowMode(a.roomId, 'party');
      for (let i = 1; i < seated; i++) ok(await rooms.allocate({ join: a.roomId }, [{ account: `j${++n}` }], seatOpts));
      return a.roomId;
    };
    const emptier = await made(false, 1);
    const fuller = await made(false, 3);
    const locked = await made(false, 2);
    const hidden = await made(true, 2);
    await gr.setLocked(locked, true);
    const ids = (l: { roomId: string }[]) => l.map((r) => r.roomId);
    assert.deepEqual(ids(await rooms.list('party', 10)), [fuller, emptier, locked]);
    const all = await rooms.list('party', 10, true);
    assert.deepEqual(ids(all), [fuller, emptier, locked, hidden]);
    assert.deepEqual(all.map((r) => [r.locked, r.isPrivate, r.reserved]), [[false, false, 3], [false, false, 1], [true, false, 2], [false, true, 2]]);
    // find fills the fullest open public room, never the locked or the private one (both have free seats)
    const f = ok(await rooms.allocate({ find: spec('party', 4) }, [{ account: 'finder' }], seatOpts));
    assert.equal(f.roomId, fuller);
    // unlocked: back in the open band, and find takes it before the emptier room
    await gr.setLocked(locked, false);
    assert.deepEqual(ids(await rooms.list('party', 10)), [fuller, locked, emptier]);
    assert.equal(ok(await rooms.allocate({ find: spec('party', 4) }, [{ account: 'finder2' }], seatOpts)).roomId, locked);
    // the pod ends the private room: gone from the index at once
    await gr.ended(hidden);
    assert.deepEqual(ids(await rooms.list('party', 10, true)), [fuller, locked, emptier]);
    assert.equal(await client.zscore(`{${p}}:rooms:party`, hidden), null);
    // a private room nobody entered lapses with its seat; the next list that meets it prunes its entry
    const lapsing = ok(await rooms.allocate({ create: spec('party', 4, true) }, [{ account: 'gone' }], { ...seatOpts, seatMs: 200 })).roomId;
    assert.ok((await client.zscore(`{${p}}:rooms:party`, lapsing)) !== null);
    await new Promise((r) => setTimeout(r, 400));
    assert.deepEqual(ids(await rooms.list('party', 10, true)), [fuller, locked, emptier]);
    assert.equal(await client.zscore(`{${p}}:rooms:party`, lapsing), null);
    await g1.writer.stop();
  });
});

describe('rooms: matches', () => {
  test('AllocateMatch: 8 seats with tokens in one room; the same id again answers the same tokens; other accounts ALREADY_EXISTS; too big NO_APP without a leak', async () => {
    const p = freshPrefix();
    await gamePod(p, 'g1', { capacity: 20, modes: [{ mode: 'squad', maxPlayers: 16 }] }).writer.start();
    await gamePod(p, 'g2', { capacity: 20, modes: [{ mode: 'squad', maxPlayers: 16 }] }).writer.start();
    const rooms = new RedisRoomAllocator(client, { prefix: p, appTtlMs: 120_000, strategy: 'least_loaded' });
    const players = Array.from({ length: 8 }, (_, i) => ({ account: `m${i}`, team: i < 4 ? 'red' : 'blue', data: { mmr: String(1000 + i) } }));
    const mo: RoomAllocateOptions = { transport: 'tcp', seatMs: 30_000, issueTokens: true, idempotencyKey: 'match-1' };
    const m = ok(await rooms.allocate({ create: spec('squad', 8) }, players, mo));
    assert.equal(m.seats.length, 8);
    assert.ok(m.seats.every((s) => /^[0-9a-f]{32}$/.test(s.token) && s.status === 'new'));
    const again = ok(await rooms.allocate({ create: spec('squad', 8) }, [...players].reverse(), mo));
    assert.equal(again.roomId, m.roomId);
    assert.deepEqual(new Map(again.seats.map((s) => [s.account, s.token])), new Map(m.seats.map((s) => [s.account, s.token])));
    assert.ok(again.seats.every((s) => s.status === 'same'));
    assert.deepEqual(await rooms.allocate({ create: spec('squad', 8) }, players.slice(1), mo), { ok: false, code: 'ALREADY_EXISTS' });
    // The seat carries the match data to the game pod.
    const sessions = new RedisSessionRegistry(client, { prefix: p, logger, runId: `${m.appId}-run1` });
    const red = await sessions.redeemAndClaim(m.seats[0]!.token, m.seats[0]!.account, m.appId, 's0');
    assert.ok(red !== 'invalid');
    assert.deepEqual(red.seat?.match, { team: players.find((x) => x.account === m.seats[0]!.account)!.team, data: players.find((x) => x.account === m.seats[0]!.account)!.data });
    const third = ok(await rooms.allocate({ create: spec('squad', 8) }, players, mo));
    assert.equal(third.seats.find((s) => s.account === m.seats[0]!.account)!.status, 'in');
    // 16 players fit no pod of 20 that already holds a room of 8 (g-with-room) or … 16 fit the other one; 2 × 16 cannot.
    const before = (await places(p, 'g1')) + (await places(p, 'g2'));
    const big = Array.from({ length: 16 }, (_, i) => ({ account: `b${i}` }));
    ok(await rooms.allocate({ create: spec('squad', 16) }, big, { ...mo, idempotencyKey: 'match-2' }));
    const big2 = Array.from({ length: 16 }, (_, i) => ({ account: `c${i}` }));
    assert.deepEqual(await rooms.allocate({ create: spec('squad', 16) }, big2, { ...mo, idempotencyKey: 'match-3' }), { ok: false, code: 'NO_APP' });
    assert.equal((await places(p, 'g1')) + (await places(p, 'g2')), before + 16, 'no capacity leaked by the refused match');
    assert.equal(await client.exists(`{${p}}:hold:c0`), 0, 'no seat leaked');
    ok(await rooms.allocate({ create: spec('squad', 2) }, big2.slice(0, 2), { ...mo, idempotencyKey: 'match-4' }));
  });
});

describe('rooms: costs and keys', () => {
  test('Redis commands per heartbeat are the same with 0 and with 500 rooms on the pod', async () => {
    const p = freshPrefix();
    const podClient = createRedisClient({ url: redis.url, logger });
    try {
      assert.ok(await waitReady(podClient, 5000));
      const g1 = gamePod(p, 'g1', { capacity: 100_000, c: podClient });
      await g1.writer.start();
      const src = `127.0.0.1:${(podClient as unknown as { stream: { localPort: number } }).stream.localPort}`;
      const perBeat = async () => {
        const c = await countCommandsFrom(client);
        for (let i = 0; i < 5; i++) await g1.writer.beatNow();
        await c.stop();
        return c.count(src) / 5;
      };
      const zero = await perBeat();
      const rooms = new RedisRoomAllocator(client, { prefix: p, appTtlMs: 120_000, strategy: 'least_loaded' });
      const tokens = new RedisTokenStore(client, { prefix: p, tokenTtlMs: 30_000 });
      const sessions = new RedisSessionRegistry(client, { prefix: p, logger, runId: 'g1-run1' });
      for (let i = 0; i < 500; i++) {
        const r = ok(await rooms.allocate({ create: spec('party', 4, i % 2 === 0) }, [{ account: `a${i}` }], seatOpts));
        const t = await tokens.issueForSeat(`a${i}`, 'g1', r.roomId);
        assert.ok(t && (await sessions.redeemAndClaim(t, `a${i}`, 'g1', `s${i}`)) !== 'invalid');
      }
      g1.state.online = 500;
      g1.state.roomPlayers = 500;
      const many = await perBeat();
      console.log(`redis commands per heartbeat: ${zero} with 0 rooms, ${many} with 500 rooms`);
      assert.ok(zero > 0);
      assert.ok(Math.abs(many - zero) <= zero * 0.05, `${zero} vs ${many}`);
    } finally {
      await closeRedis(podClient);
    }
  });

  test('every key a room script touches is passed in KEYS (MONITOR)', async (t) => {
    const p = freshPrefix();
    await assertKeysDeclared(t, client, `{${p}}:`, { scripts: 15, keyed: 100 }, async () => {
      const g1 = gamePod(p, 'g1');
      const g2 = gamePod(p, 'g2');
      await g1.writer.start();
      await g2.writer.start();
      const rooms = new RedisRoomAllocator(client, { prefix: p, appTtlMs: 120_000, strategy: 'least_loaded' });
      const tokens = new RedisTokenStore(client, { prefix: p, tokenTtlMs: 30_000 });
      const a = ok(await rooms.allocate({ create: spec('party', 4, false, { region: 'eu' }) }, [{ account: 'a' }], seatOpts));
      const sessions = new RedisSessionRegistry(client, { prefix: p, logger, runId: `${a.appId}-run1` });
      const ta = await tokens.issueForSeat('a', a.appId, a.roomId);
      assert.ok(ta && (await sessions.redeemAndClaim(ta, 'a', a.appId, 's1')) !== 'invalid');
      ok(await rooms.allocate({ find: spec('party', 0, false, { region: 'eu' }) }, [{ account: 'b' }], seatOpts));
      ok(await rooms.allocate({ create: spec('duel') }, [{ account: 'b' }], seatOpts)); // voids b's seat in the party room
      ok(await rooms.allocate({ join: a.roomId }, [{ account: 'c' }], seatOpts));
      await tokens.issue('c', a.appId === 'g1' ? 'g2' : 'g1'); // a plain token voids c's seat
      const m = ok(await rooms.allocate({ create: spec('party', 3) }, [{ account: 'x' }, { account: 'y', team: 't', data: { k: 'v' } }], { transport: 'tcp', seatMs: 30_000, issueTokens: true, idempotencyKey: 'm1' }));
      ok(await rooms.allocate({ create: spec('party', 3) }, [{ account: 'y' }, { account: 'x' }], { transport: 'tcp', seatMs: 30_000, issueTokens: true, idempotencyKey: 'm1' }));
      ok(await rooms.allocate({ join: m.roomId }, [{ account: 'z' }], { transport: 'tcp', seatMs: 30_000, issueTokens: true, idempotencyKey: 'r1', bypassLock: true }));
      await rooms.list('party', 10);
      const gr = new RedisGameRoomRegistry(client, { prefix: p, appId: a.appId, runId: `${a.appId}-run1` });
      gr.knowMode(a.roomId, 'party');
      await gr.setLabels(a.roomId, { region: 'us' });
      await gr.setLocked(a.roomId, true);
      await gr.left(a.roomId, 'a');
      await gr.rearm([a.roomId]);
      await gr.republish([{ roomId: a.roomId, mode: 'party', maxPlayers: 4, isPrivate: false, labels: {}, locked: false, accounts: ['a'] }]);
      await gr.ended(a.roomId);
      await g1.writer.beatNow();
    });
  });
});

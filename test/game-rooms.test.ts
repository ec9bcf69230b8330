/**
 * Rooms on real game pod processes, fed through the real registry: redis-server and one game pod running
 * test/fixtures/rooms-module (modes `duel` and `party`); seats are allocated by the registry's room script
 * (RedisRoomAllocator: create / join, and a matchmaker's seat with team and data) and tokens issued for them as the
 * login does (RedisTokenStore.issueForSeat), then redeemed by the pod's own token login. The heartbeat publishes the run
 * id, caps `rooms`, the module's modes, its players outside rooms and its room count in the registry; a player without
 * a seat has no room; seats put players in their room (onRoomCreate once, before the first onJoin) with `room_id` in
 * G2C_LoginByTokenRs; a room broadcast reaches its players only, encoded once; away and resume keep the room;
 * lock/labels; close kicks with REASON_GAME; empty rooms end after the mode's emptyTimeoutMs or ROOM_EMPTY_MS; a drain
 * ends the rooms as drained. And the examples, each on its own pod (and registry prefix): `arena` (players with an
 * `arena` seat play in that room, a player without one in the pod's own rooms) and `party` (a private room's lobby,
 * chat, host hand-over and start; a player without a room is sent away).
 */
import assert from 'node:assert/strict';
import { fileURLToPath } from 'node:url';
import { after, before, describe, test } from 'node:test';
import protobuf from 'protobufjs';
import { pino } from 'pino';
import { KickReason, MsgId, ReturnCode } from '../services/protocol/wire.js';
import {
  closeRedis,
  createRedisClient,
  RedisRoomAllocator,
  RedisTokenStore,
  registryKeys,
  waitReady,
  type RoomSpecInput,
  type SeatRequest,
} from '../services/registry/index.js';
import { FrameClient } from '../services/socket/frame-client.js';
import { freePort } from './helpers/free-port.js';
import { startRedis, type TestRedis } from './helpers/redis-server.js';
import { startService, type ServiceProcess } from './helpers/service-process.js';
import { waitFor } from './helpers/wait-for.js';
import { metric } from './pod-cluster.js';
import { ARENA_MODE, ARENA_RULES, messages as arenaMessages } from '../examples/arena/messages.js';
import { messages as partyMessages, PARTY_MODE } from '../examples/party/messages.js';

const APP_TTL_MS = 2000;
const root = protobuf.loadSync(fileURLToPath(new URL('./fixtures/rooms-module/rooms.proto', import.meta.url)));
const Do = root.lookupType('roomy.v1.Do');
const Info = root.lookupType('roomy.v1.Info');

let redisServer: TestRedis;
let redis: ReturnType<typeof createRedisClient>;
const clients: FrameClient[] = [];

/** A game pod on its own registry prefix, with the registry pieces that seat players on it (appmgr's and login's). */
interface RoomPod {
  appId: string;
  prefix: string;
  proc: ServiceProcess;
  port: number;
  metricsPort: number;
  rooms: RedisRoomAllocator;
  tokens: RedisTokenStore;
}
let game: RoomPod;
let arena: RoomPod;
let party: RoomPod;

/** A game pod (HEARTBEAT_MS 200) on `prefix`; resolves when it is ready (its first heartbeat is written). */
async function startRoomPod(prefix: string, appId: string, env: Record<string, string>): Promise<RoomPod> {
  const [port, metricsPort] = [await freePort(), await freePort()];
  const proc = startService('game', { REDIS_URL: redisServer.url, PREFIX: prefix, APP_ID: appId, PORT: String(port), METRICS_PORT: String(metricsPort), HEARTBEAT_MS: '200', APP_TTL_MS: String(APP_TTL_MS), ...env });
  await waitFor(`${appId} ready`, async () => {
    if (proc.child.exitCode !== null) throw new Error(`${appId} exited: ${proc.stderr.join('')}`);
    return (await fetch(`http://127.0.0.1:${metricsPort}/readyz`).catch(() => undefined))?.status === 200;
  }, 30_000, 100);
  const rooms = new RedisRoomAllocator(redis, { prefix, appTtlMs: APP_TTL_MS, strategy: 'least_loaded' });
  const tokens = new RedisTokenStore(redis, { prefix, tokenTtlMs: 30_000 });
  return { appId, prefix, proc, port, metricsPort, rooms, tokens };
}

before(async () => {
  redisServer = await startRedis();
  redis = createRedisClient({ url: redisServer.url, logger: pino({ level: 'silent' }) });
  await waitReady(redis, 5000);
  [game, arena, party] = await Promise.all([
    startRoomPod('grooms', 'rooms-1', { GAME_MODULE: 'test/fixtures/rooms-module/module.ts', RESUME_GRACE_MS: '5000', ROOM_EMPTY_MS: '400', DRAIN_TIMEOUT_MS: '1500' }),
    startRoomPod('garena', 'arena-rooms-1', { GAME_MODULE: 'arena', RESUME_GRACE_MS: '0', DRAIN_TIMEOUT_MS: '1000' }),
    startRoomPod('gparty', 'party-1', { GAME_MODULE: 'examples/party/party.ts', RESUME_GRACE_MS: '0', DRAIN_TIMEOUT_MS: '1000' }),
  ]);
});

after(async () => {
  for (const c of clients) c.destroy();
  await Promise.all([game?.proc.stop(), arena?.proc.stop(), party?.proc.stop()]);
  if (redis) await closeRedis(redis);
  await redisServer?.stop();
});

const spec = (mode: string, maxPlayers: number, o: Partial<RoomSpecInput> = {}): RoomSpecInput => ({ mode, maxPlayers, isPrivate: false, labels: {}, ...o });
const m = (name: string, labels: Record<string, string> = {}) => metric(game.metricsPort, name, labels);
const events = (pred: (l: Record<string, unknown>) => boolean) => game.proc.logs.filter((l) => l.test_event !== undefined && pred(l));

/** What the rooms pod's last heartbeat wrote in the registry (its app hash). */
async function beat(): Promise<{ runId: string; caps: string; modes: string; online: number; roomPlayers: number; rooms: number }> {
  const h = await redis.hgetall(registryKeys(game.prefix).app(game.appId));
  return { runId: h.run_id ?? '', caps: h.caps ?? '', modes: h.modes ?? '', online: Number(h.online), roomPlayers: Number(h.online) - Number(h.outside), rooms: Number(h.rooms) };
}

/**
 * A seat on `pod` as the player flow gets one — appmgr's room allocation (create a room, or join one by id), then the
 * login's token for that seat — or, with `match`, a matchmaker's seat (team and data; the token issued with it).
 */
async function seatOn(pod: RoomPod, account: string, want: { create: RoomSpecInput } | { join: string }, match?: Omit<SeatRequest, 'account'>): Promise<{ token: string; roomId: string }> {
  const a = await pod.rooms.allocate(want, [{ account, ...match }], { transport: 'tcp', seatMs: 30_000, issueTokens: match !== undefined, ...(match ? { idempotencyKey: `m:${account}` } : {}) });
  assert.ok(a.ok, `${account}: ${JSON.stringify(a)}`);
  assert.equal(a.appId, pod.appId);
  const token = match ? a.seats[0]!.token : await pod.tokens.issueForSeat(account, a.appId, a.roomId);
  assert.ok(token, `${account}: a token for the seat`);
  return { token, roomId: a.roomId };
}

/** C2G_LoginByToken on `pod` with a seat (or, `null`, a token without a room as the least-loaded flow issues). */
async function login(pod: RoomPod, account: string, want: Parameters<typeof seatOn>[2] | null, match?: Omit<SeatRequest, 'account'>) {
  const { token, roomId } = want ? await seatOn(pod, account, want, match) : { token: await pod.tokens.issue(account, pod.appId), roomId: '' };
  const cl = await FrameClient.connect(pod.port);
  clients.push(cl);
  const rs = await cl.request(MsgId.C2G_LoginByToken, { account, token }, MsgId.G2C_LoginByTokenRs);
  assert.equal(rs.returnCode ?? 0, ReturnCode.OK, `login ${account}`);
  assert.equal(rs.roomId ?? '', roomId, `${account}: room_id answered`);
  return { cl, roomId: rs.roomId ?? '', resume: rs.resumeToken ?? '' };
}

/** login on the rooms pod, then its Info "joined …". */
async function join(account: string, want: Parameters<typeof seatOn>[2] | null, match?: Omit<SeatRequest, 'account'>) {
  const r = await login(game, account, want, match);
  return { ...r, joined: await info(r.cl) };
}

const act = (cl: FrameClient, op: string, arg = '') => cl.sendGame(10001, Do.encode({ op, arg }).finish());
async function info(cl: FrameClient): Promise<string> {
  return (Info.decode(await cl.nextGame(10002)) as unknown as { text: string }).text;
}

describe('rooms on a game pod', () => {
  test('the heartbeat publishes a run id, caps rooms, the declared modes and no rooms; the rooms gauge has a series per mode', async () => {
    const b = await beat();
    assert.match(b.runId, /^[0-9a-f]{16}$/);
    assert.equal(b.caps, 'rooms');
    assert.equal(b.modes, 'duel:2,party:8');
    assert.deepEqual([b.roomPlayers, b.rooms], [0, 0]);
    const page = await (await fetch(`http://127.0.0.1:${game.metricsPort}/metrics`)).text();
    assert.match(page, /^gamecluster_rooms\{mode="duel"\} 0$/m);
    assert.match(page, /^gamecluster_rooms\{mode="party"\} 0$/m);
  });

  let solo: Awaited<ReturnType<typeof join>>;

  test('a token without a seat: no room_id, player.room is null', async () => {
    solo = await join('solo', null);
    assert.equal(solo.roomId, '');
    assert.equal(solo.joined, 'joined none -');
    await game.proc.waitForLog((l) => l.test_event === 'join' && l.account === 'solo', 5000); // stdout may trail the socket
    assert.deepEqual(events((l) => l.test_event === 'join' && l.account === 'solo').map((l) => l.room_id), [null]);
  });

  let roomPair: { ann: Awaited<ReturnType<typeof join>>; bob: Awaited<ReturnType<typeof join>>; id: string };

  test('seats: the room starts once, before the first onJoin; room_id answered; match data; the room broadcast reaches its players only, encoded once', async () => {
    // A matchmaker's seat (team and data) opens a private duel; a friend joins it by id through the player flow.
    const ann = await join('ann', { create: spec('duel', 2, { isPrivate: true, labels: { region: 'eu' } }) }, { team: 'red', data: { elo: '1200' } });
    const id = ann.roomId;
    assert.match(id, /^[23456789ABCDEFGHJKMNPQRSTUVWXYZ]{8}$/);
    const bob = await join('bob', { join: id.toLowerCase() });
    assert.equal(bob.roomId, id);
    assert.equal(ann.joined, `joined ${id} red`);
    assert.equal(bob.joined, `joined ${id} -`);
    await game.proc.waitForLog((l) => l.test_event === 'join' && l.account === 'bob', 5000); // stdout may trail the socket
    const seq = events((l) => l.room_id === id).map((l) => `${l.test_event} ${l.account ?? ''}${l.players ?? ''}${l.in_room ?? ''}`);
    assert.deepEqual(seq, ['room_create 0', 'join anntrue', 'join bobtrue']);
    assert.deepEqual(events((l) => l.test_event === 'room_create' && l.room_id === id).map((l) => [l.mode, l.max, l.private]), [['duel', 2, true]]);
    assert.equal(await m('gamecluster_rooms', { mode: 'duel' }), 1);

    const encodes = await m('gamecluster_game_encodes_total');
    act(ann.cl, 'say', 'hi');
    assert.equal(await info(ann.cl), 'said ann hi');
    assert.equal(await info(bob.cl), 'said ann hi');
    assert.equal((await m('gamecluster_game_encodes_total')) - encodes, 1, 'one encode for the room');
    act(solo.cl, 'where');
    assert.equal(await info(solo.cl), 'in none players 0 locked false labels {} rooms 1', 'nothing of the room reached a player outside it');
    const b = await waitFor('room players and the room in the heartbeat', async () => {
      const x = await beat();
      return x.roomPlayers === 2 && x.rooms === 1 ? x : undefined;
    }, 5000, 50);
    assert.equal(b.online, 3, 'solo counts online, not in a room');
    // The room is full: the registry refuses a third seat.
    assert.deepEqual(await game.rooms.allocate({ join: id }, [{ account: 'carl' }], { transport: 'tcp', seatMs: 30_000, issueTokens: false }), { ok: false, code: 'ROOM_FULL' });
    roomPair = { ann, bob, id };
  });

  test('away and resume keep the room; lock and labels; close kicks its players with REASON_GAME and ends it (closed)', async () => {
    const { ann, bob, id } = roomPair;
    ann.cl.reset();
    await waitFor('ann away', async () => (await m('gamecluster_players_away')) === 1);
    const back = await FrameClient.connect(game.port);
    clients.push(back);
    const rs = await back.request(MsgId.C2G_Resume, { account: 'ann', resumeToken: ann.resume }, MsgId.G2C_ResumeRs);
    assert.equal(rs.returnCode ?? 0, ReturnCode.OK);
    act(back, 'where');
    assert.equal(await info(back), `in ${id} players 2 locked false labels {"region":"eu"} rooms 1`);
    act(back, 'lock');
    act(back, 'labels', 'map=dust');
    act(back, 'where');
    assert.equal(await info(back), `in ${id} players 2 locked true labels {"map":"dust"} rooms 1`);

    act(bob.cl, 'close', 'round over');
    await Promise.all([back.closed, bob.cl.closed]);
    assert.equal(back.kickReason, KickReason.GAME);
    assert.equal(bob.cl.kickReason, KickReason.GAME);
    const dispose = await game.proc.waitForLog((l) => l.test_event === 'room_dispose' && l.room_id === id, 5000);
    assert.equal(dispose.reason, 'closed');
    assert.equal(dispose.players, 0);
    assert.deepEqual(events((l) => l.test_event === 'leave' && l.room_id === id).map((l) => `${l.account} ${l.reason}`).sort(), ['ann kicked', 'bob kicked']);
    assert.equal(await m('gamecluster_rooms', { mode: 'duel' }), 0);
    await waitFor('no room players and no room in the heartbeat', async () => {
      const x = await beat();
      return x.roomPlayers === 0 && x.rooms === 0;
    }, 5000, 50);
    // Ended in the registry too: a join by id finds nothing.
    assert.deepEqual(await game.rooms.allocate({ join: id }, [{ account: 'dave' }], { transport: 'tcp', seatMs: 30_000, issueTokens: false }), { ok: false, code: 'ROOM_NOT_FOUND' });
  });

  test('an empty room ends after its mode\'s emptyTimeoutMs (duel: 300 ms), or ROOM_EMPTY_MS (party: 400 ms)', async (t) => {
    for (const [account, s, atLeast] of [['carl', spec('duel', 2), 300], ['dave', spec('party', 8), 400]] as const) {
      const p = await join(account, { create: s });
      p.cl.send(MsgId.C2G_Leave, {});
      await p.cl.closed;
      const left = await game.proc.waitForLog((l) => l.test_event === 'leave' && l.account === account, 5000);
      const ended = await game.proc.waitForLog((l) => l.test_event === 'room_dispose' && l.room_id === p.roomId, 5000);
      assert.equal(ended.reason, 'empty');
      const took = Date.parse(ended.time as string) - Date.parse(left.time as string);
      t.diagnostic(`${s.mode} room ended ${took} ms after its last player left`);
      assert.ok(took >= atLeast - 5, `${s.mode}: ended after ${took} ms`);
    }
  });

  test('drain: the pod\'s last players are kicked at the deadline, then their rooms end as drained', { timeout: 20_000 }, async () => {
    const erin = await join('erin', { create: spec('party', 8) });
    game.proc.signal('SIGTERM');
    await erin.cl.closed;
    assert.equal(erin.cl.kickReason, KickReason.SERVER_DRAINING);
    const ended = await game.proc.waitForLog((l) => l.test_event === 'room_dispose' && l.room_id === erin.roomId, 5000);
    assert.equal(ended.reason, 'drained');
    assert.equal(await game.proc.exited, 0);
  });
});

describe('the arena example on rooms', () => {
  const A = protobuf.loadSync(fileURLToPath(new URL('../examples/arena/arena.proto', import.meta.url)));
  const id = (name: string) => Number(Object.entries(arenaMessages).find(([, x]) => x.name === name)![0]);
  const T = (name: string) => A.lookupType(`arena.v1.${name}`);
  const state = async (cl: FrameClient, room: string): Promise<any> => {
    for (;;) {
      const st = T('State').decode(await cl.nextGame(id('State'))) as any;
      if (st.room === room) return st;
    }
  };

  test('players with an arena seat play in that room (Joined and State name it); a player without one in the pod\'s own room', async () => {
    const fox = await login(arena, 'fox', { create: spec(ARENA_MODE, ARENA_RULES.roomSize) });
    const room = fox.roomId;
    const inRoom = [fox, ...(await Promise.all(['owl', 'elk'].map((a) => login(arena, a, { join: room }))))];
    const alone = await login(arena, 'yak', null);
    for (const p of inRoom) {
      assert.equal(p.roomId, room);
      assert.equal((T('Joined').decode(await p.cl.nextGame(id('Joined'))) as any).room, room);
    }
    assert.equal((T('Joined').decode(await alone.cl.nextGame(id('Joined'))) as any).room, 'room-1');
    await waitFor('all three in one State', async () => (await state(inRoom[0]!.cl, room)).players.length === 3);
    const st = await state(inRoom[2]!.cl, room);
    assert.deepEqual(st.players.map((x: any) => x.account).sort(), ['elk', 'fox', 'owl']);
    assert.deepEqual((await state(alone.cl, 'room-1')).players.map((x: any) => x.account), ['yak']);
  });
});

describe('the party example', () => {
  const P = protobuf.loadSync(fileURLToPath(new URL('../examples/party/party.proto', import.meta.url)));
  const id = (name: string) => Number(Object.entries(partyMessages).find(([, x]) => x.name === name)![0]);
  const T = (name: string) => P.lookupType(`party.v1.${name}`);
  const next = async (cl: FrameClient, name: 'Lobby' | 'Said') => ({ ...(T(name).toObject(T(name).decode(await cl.nextGame(id(name))), { defaults: true }) as any) });
  const send = (cl: FrameClient, name: 'Chat' | 'Start', body: object) => cl.sendGame(id(name), T(name).encode(body).finish());

  test('the host creates a private room, a friend joins it by id: lobby, chat, start, host hand-over; no room: sent away', async () => {
    const ann = await login(party, 'ann', { create: spec(PARTY_MODE, 4, { isPrivate: true }) });
    const room = ann.roomId;
    assert.deepEqual(await next(ann.cl, 'Lobby'), { room, host: 'ann', players: ['ann'], maxPlayers: 4, started: false });
    const bob = await login(party, 'bob', { join: room });
    assert.equal(bob.roomId, room);
    for (const cl of [ann.cl, bob.cl]) assert.deepEqual((await next(cl, 'Lobby')).players, ['ann', 'bob']);
    send(bob.cl, 'Chat', { text: 'hi all' });
    for (const cl of [ann.cl, bob.cl]) assert.deepEqual(await next(cl, 'Said'), { account: 'bob', text: 'hi all' });
    send(bob.cl, 'Start', {}); // not the host: ignored
    send(ann.cl, 'Start', {});
    for (const cl of [ann.cl, bob.cl]) assert.equal((await next(cl, 'Lobby')).started, true);
    ann.cl.send(MsgId.C2G_Leave, {});
    assert.deepEqual(await next(bob.cl, 'Lobby'), { room, host: 'bob', players: ['bob'], maxPlayers: 4, started: true });
    const stray = await login(party, 'cid', null);
    await stray.cl.closed;
    assert.equal(stray.cl.kickReason, KickReason.GAME);
  });
});

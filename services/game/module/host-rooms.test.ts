/**
 * The module host's rooms (rooms.ts through GameHost's API, as token login and resume drive it): a seat puts the
 * player in his room before onJoin (onRoomCreate first when the room is new here), away and resume keep him there,
 * leaving frees his seat in the registry, an empty room ends after its timeout, lock/labels/close/drain, the
 * registry's failures kept out of the game, the re-arm batches and the re-publish after Redis lost data.
 */
import assert from 'node:assert/strict';
import { Writable } from 'node:stream';
import { test } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import { pino } from 'pino';
import { Registry } from 'prom-client';
import type { GameRoomRegistry, HeldRoom, RoomSeat } from '../../registry/index.js';
import { KickReason } from '../../protocol/wire.js';
import type { FrameServer } from '../../socket/frame-server.js';
import type { GameSessions } from '../sessions.js';
import { waitFor } from '../../../test/helpers/wait-for.js';
import type { GameDefinition, Room } from './define.js';
import { createGameMetrics } from './game-metrics.js';
import { GameHost } from './host.js';
import { loadGameModule } from './load.js';
import { hostConn } from '../../../test/helpers/host-conn.js';

const conn = hostConn;

const seat = (roomId: string, o: Partial<RoomSeat> = {}): RoomSeat => ({ roomId, mode: 'duel', maxPlayers: 2, isPrivate: false, labels: {}, match: null, ...o });

/** A GameRoomRegistry that records every call (`fail`: every call rejects as Redis down would). */
function recordingRegistry() {
  const calls: string[] = [];
  let fail = false;
  let lost: string[] = [];
  let republished: HeldRoom[] = [];
  const step = async (line: string) => {
    calls.push(line);
    if (fail) throw Object.assign(new Error('Redis down'), { code: 'REGISTRY_UNAVAILABLE' });
  };
  const registry: GameRoomRegistry = {
    left: (r, a) => step(`left ${r} ${a}`),
    setLocked: (r, l) => step(`locked ${r} ${l}`),
    setLabels: (r, l) => step(`labels ${r} ${JSON.stringify(l)}`),
    ended: (r) => step(`ended ${r}`),
    republish: async (rooms) => {
      await step(`republish ${rooms.map((r) => r.roomId).join(',')}`);
      republished = [...rooms];
      return lost;
    },
    rearm: (ids) => step(`rearm ${ids.join(',')}`),
  };
  return {
    registry,
    calls,
    failing: (v: boolean) => void (fail = v),
    loseOnRepublish: (ids: string[]) => void (lost = ids),
    republished: () => republished,
  };
}

async function setup(def: Partial<GameDefinition>, o: { graceMs?: number; emptyMs?: number; rearm?: { everyMs: number; afterMs: number; batch: number } } = {}) {
  const arena = await loadGameModule('arena'); // a real proto and message table (State is a server message)
  const game = { ...arena, def: { name: 't', proto: arena.def.proto, messages: arena.def.messages, ...def } as GameDefinition };
  const live = new Set<string>();
  const kicks: { account: string; reason: number }[] = [];
  let stale = 0;
  const sent: string[] = [];
  const server = {
    sendFrame: (idn: { socketKey: string; objectKey: string }) => (live.has(idn.socketKey) ? (sent.push(idn.objectKey), true) : (stale++, false)),
    kick: (idn: { objectKey: string }, reason: number) => (kicks.push({ account: idn.objectKey, reason }), true),
    drop: () => true,
    findByObjectKey: () => undefined,
  } as unknown as FrameServer<any>;
  const sessions = { release: () => undefined } as unknown as GameSessions;
  const rec = recordingRegistry();
  const lines: Record<string, unknown>[] = [];
  const logger = pino({ level: 'info' }, new Writable({ write: (chunk, _e, cb) => (lines.push(JSON.parse(String(chunk))), cb()) }));
  const registry = new Registry();
  const host = new GameHost({
    game,
    server,
    sessions,
    metrics: createGameMetrics(registry),
    logger,
    graceMs: o.graceMs ?? 1000,
    onCountChanged: () => undefined,
    rooms: { registry: rec.registry, emptyMs: o.emptyMs ?? 60_000, ...(o.rearm ? { rearmEveryMs: o.rearm.everyMs, rearmAfterMs: o.rearm.afterMs, rearmBatch: o.rearm.batch } : {}) },
  });
  host.start();
  const join = (account: string, s: RoomSeat | null = null) => {
    const c = conn(account);
    live.add(c.socketKey);
    const token = host.join(c as never, s);
    host.joined(c as never);
    return { c, token, p: host.players.get(account)! };
  };
  const drop = (c: ReturnType<typeof conn>, reason = 'peer') => {
    live.delete(c.socketKey);
    c.endReason = reason;
    host.connClosed(c as never);
  };
  const gauge = async (mode: string) => (await registry.getSingleMetric('gamecluster_rooms')!.get()).values.find((v) => v.labels.mode === mode)?.value;
  const errors = async (op: string) => (await registry.getSingleMetric('gamecluster_room_registry_errors_total')!.get()).values.find((v) => v.labels.op === op)?.value ?? 0;
  return { host, rec, kicks, sent, stale: () => stale, live, join, drop, gauge, errors, lines, registry };
}

const duel = { rooms: { modes: { duel: { maxPlayers: 2, emptyTimeoutMs: 150 }, party: { maxPlayers: 8 } } } };

test('a module without rooms is unchanged: no room, no match, no rooms gauge series, no registry call', async () => {
  const s = await setup({});
  const { p } = s.join('ann');
  assert.equal(p.room, null);
  assert.equal(p.match, null);
  assert.equal(s.host.ctx.rooms.size, 0);
  assert.equal(s.host.roomPlayers, 0);
  assert.deepEqual(s.host.roomModes, []);
  assert.equal((await s.registry.getSingleMetric('gamecluster_rooms')!.get()).values.length, 0);
  s.host.leave(p as never, 'left');
  await s.host.close();
  assert.deepEqual(s.rec.calls, []);
});

test('a seat: onRoomCreate (room empty) before the first onJoin, he is in it before onJoin; the second seat joins the same room', async () => {
  const order: string[] = [];
  const s = await setup({
    ...duel,
    onRoomCreate: (room) => void order.push(`create ${room.id} ${room.mode} ${room.maxPlayers} players=${room.players.size}`),
    onJoin: (p) => void order.push(`join ${p.account} in ${p.room?.id} has=${p.room?.players.get(p.account) === p}`),
  });
  assert.deepEqual(s.host.roomModes, [{ mode: 'duel', maxPlayers: 2 }, { mode: 'party', maxPlayers: 8 }]);
  assert.equal(await s.gauge('party'), 0, 'every declared mode has its series from the start');
  const a = s.join('ann', seat('K7QX2MPA', { labels: { region: 'eu' }, match: { team: 'red', data: { elo: '1200' } } }));
  const b = s.join('bob', seat('K7QX2MPA', { labels: { region: 'eu' } }));
  assert.deepEqual(order, ['create K7QX2MPA duel 2 players=0', 'join ann in K7QX2MPA has=true', 'join bob in K7QX2MPA has=true']);
  const room = s.host.ctx.rooms.get('K7QX2MPA')!;
  assert.equal(a.p.room, room);
  assert.equal(b.p.room, room);
  assert.deepEqual(a.p.match, { team: 'red', data: { elo: '1200' } });
  assert.equal(b.p.match, null);
  assert.deepEqual([...room.players.keys()], ['ann', 'bob']);
  assert.deepEqual({ ...room.labels }, { region: 'eu' });
  assert.equal(room.isPrivate, false);
  assert.equal(s.host.roomPlayers, 2);
  assert.equal(await s.gauge('duel'), 1);
  const other = s.join('cid'); // a player without a room on a pod whose module declares rooms
  assert.equal(other.p.room, null);
  assert.equal(s.host.roomPlayers, 2);
});

test('room.broadcast encodes once, skips `except`, counts an away member stale; away and resume keep the room', async () => {
  const s = await setup({ ...duel, rooms: { modes: { party: { maxPlayers: 8 } } } });
  const ps = ['p1', 'p2', 'p3'].map((a) => s.join(a, seat('PARTY234', { mode: 'party', maxPlayers: 8 })));
  const room = s.host.ctx.rooms.get('PARTY234')!;
  s.drop(ps[2]!.c); // p3 away: still in the room, still counted
  assert.equal(ps[2]!.p.away, true);
  assert.equal(room.players.size, 3);
  assert.equal(s.host.roomPlayers, 3);
  const before = s.host.encodes;
  const n = room.broadcast('State', { tick: 1, serverTimeMs: 0, room: room.id, players: [] }, { except: ps[0]!.p });
  assert.equal(n, 1, 'p2 only');
  assert.equal(s.host.encodes - before, 1, 'one encode for the room');
  assert.equal(s.stale(), 1);
  const c2 = conn();
  s.live.add(c2.socketKey);
  assert.ok(s.host.resume(c2 as never, 'p3', ps[2]!.token));
  assert.equal(s.host.players.get('p3')!.room, room, 'still in his room after the resume');
  assert.deepEqual(s.rec.calls, [], 'nothing to tell the registry: nobody left');
});

test('leaving frees the seat (not while away); onLeave still names the room; an empty room ends after its timeout, a newcomer cancels it', async () => {
  const events: string[] = [];
  const s = await setup(
    {
      ...duel,
      onLeave: (p, reason) => void events.push(`leave ${p.account} ${reason} room=${p.room?.id} inIt=${p.room?.players.has(p.account)}`),
      onRoomDispose: (room, reason) => void events.push(`dispose ${room.id} ${reason} ended=${room.ended}`),
    },
    { graceMs: 30 },
  );
  const a = s.join('ann', seat('DUEL2345'));
  const room = s.host.ctx.rooms.get('DUEL2345')!;
  s.drop(a.c); // away, then the grace ends
  assert.deepEqual(s.rec.calls, []);
  await waitFor('grace over', () => events.length >= 1, 5000, 1);
  assert.deepEqual(events, ['leave ann grace_expired room=DUEL2345 inIt=false']);
  assert.deepEqual(s.rec.calls, ['left DUEL2345 ann']);
  assert.equal(s.host.roomPlayers, 0);
  // Empty: a player arriving inside the timeout (150 ms) keeps the room.
  const b = s.join('bob', seat('DUEL2345'));
  assert.equal(b.p.room, room);
  await sleep(200);
  assert.equal(room.ended, false, 'the newcomer cancelled the empty timeout');
  s.host.leave(b.p as never, 'left');
  const t0 = Date.now();
  await waitFor('room ended', () => room.ended, 5000, 5);
  assert.ok(Date.now() - t0 >= 145, `ended after ${Date.now() - t0} ms`);
  assert.deepEqual(events.slice(1), ['leave bob left room=DUEL2345 inIt=false', 'dispose DUEL2345 empty ended=true']);
  assert.deepEqual(s.rec.calls, ['left DUEL2345 ann', 'left DUEL2345 bob', 'ended DUEL2345']);
  assert.equal(s.host.ctx.rooms.size, 0);
  assert.equal(await s.gauge('duel'), 0);
});

test('the mode without emptyTimeoutMs takes ROOM_EMPTY_MS', async () => {
  const disposed: string[] = [];
  const s = await setup({ ...duel, onRoomDispose: (r, why) => void disposed.push(`${r.id} ${why}`) }, { emptyMs: 20 });
  const a = s.join('ann', seat('PARTY999', { mode: 'party', maxPlayers: 8 }));
  s.host.leave(a.p as never, 'left');
  await waitFor('ended after ROOM_EMPTY_MS', () => disposed.length === 1);
  assert.deepEqual(disposed, ['PARTY999 empty']);
});

test('lock, unlock, setLabels reach the registry once per change; bad labels throw; an ended room ignores them', async () => {
  const s = await setup(duel);
  s.join('ann', seat('LOCK2345'));
  const room = s.host.ctx.rooms.get('LOCK2345')! as Room;
  room.lock();
  room.lock();
  assert.equal(room.locked, true);
  room.unlock();
  room.setLabels({ map: 'dust', region: 'eu' });
  assert.deepEqual({ ...room.labels }, { map: 'dust', region: 'eu' });
  assert.throws(() => room.setLabels(Object.fromEntries(Array.from({ length: 9 }, (_, i) => [`k${i}`, 'v']))), /at most 8 pairs/);
  assert.throws(() => room.setLabels({ k: 'x'.repeat(65) }), TypeError);
  assert.throws(() => room.setLabels({ k: 1 } as never), TypeError);
  assert.deepEqual(s.rec.calls, ['locked LOCK2345 true', 'locked LOCK2345 false', 'labels LOCK2345 {"map":"dust","region":"eu"}']);
  room.close('test over');
  room.lock();
  room.setLabels({ a: 'b' });
  assert.deepEqual(s.rec.calls.slice(3), ['ended LOCK2345']);
});

test('room.close kicks its players with REASON_GAME (onLeave kicked), ends it (closed) once; their seats go with the room', async () => {
  const events: string[] = [];
  const s = await setup({
    ...duel,
    onLeave: (p, reason) => void events.push(`leave ${p.account} ${reason}`),
    onRoomDispose: (room, reason) => void events.push(`dispose ${room.id} ${reason} players=${room.players.size}`),
  });
  const a = s.join('ann', seat('CLOSE234'));
  s.join('bob', seat('CLOSE234'));
  s.drop(a.c); // away: no connection to kick, he leaves all the same
  const room = s.host.ctx.rooms.get('CLOSE234')!;
  room.close('round over');
  room.close('again');
  assert.deepEqual(s.kicks, [{ account: 'bob', reason: KickReason.GAME }]);
  assert.deepEqual(events, ['leave ann kicked', 'leave bob kicked', 'dispose CLOSE234 closed players=0']);
  assert.deepEqual(s.rec.calls, ['ended CLOSE234']);
  assert.equal(s.host.playerCount, 0);
  assert.equal(s.host.roomPlayers, 0);
  assert.equal(s.host.ctx.rooms.has('CLOSE234'), false);
  const logged = s.lines.find((l) => l.msg === 'kicked by the game module' && l.account === 'bob');
  assert.match(String(logged?.reason), /CLOSE234 closed by the game: round over/);
});

test('a newer login of the same account into the same room keeps his seat; into another room frees the old one', async () => {
  const s = await setup(duel);
  s.join('ann', seat('SAME2345'));
  const again = s.join('ann', seat('SAME2345'));
  assert.deepEqual(s.rec.calls, [], 'the registry must not free the seat he just redeemed');
  assert.equal(s.host.ctx.rooms.get('SAME2345')!.players.get('ann'), again.p);
  assert.equal(s.host.roomPlayers, 1);
  s.join('ann', seat('OTHER234'));
  assert.deepEqual(s.rec.calls, ['left SAME2345 ann']);
  assert.equal(s.host.roomPlayers, 1);
});

test('drain: rooms live while players are here; when the pod has none left they end as drained (an empty one at once)', async () => {
  const disposed: string[] = [];
  const s = await setup({ rooms: { modes: { duel: { maxPlayers: 2 } } }, onRoomDispose: (r, why) => void disposed.push(`${r.id} ${why}`) });
  const a = s.join('ann', seat('DRAIN234'));
  const b = s.join('bob', seat('DRAIN567'));
  s.host.leave(b.p as never, 'left'); // DRAIN567 is empty (60 s timeout) while ann still plays
  s.host.drainStarted();
  assert.equal(disposed.length, 0);
  s.host.leave(a.p as never, 'drained');
  assert.deepEqual(disposed.sort(), ['DRAIN234 drained', 'DRAIN567 drained']);
  assert.equal(s.host.ctx.rooms.size, 0);

  // A newer login of the only player of a draining pod replaces him: his room goes on.
  const s3 = await setup({ rooms: { modes: { duel: { maxPlayers: 2 } } }, onRoomDispose: (r, why) => void disposed.push(`${r.id} ${why}`) });
  s3.join('eve', seat('RELOG234'));
  s3.host.drainStarted();
  const again = s3.join('eve', seat('RELOG234'));
  assert.equal(again.p.room, s3.host.ctx.rooms.get('RELOG234'));
  assert.equal(disposed.includes('RELOG234 drained'), false);

  // A pod with only empty rooms when the drain starts ends them at once.
  const s2 = await setup({ rooms: { modes: { duel: { maxPlayers: 2 } } }, onRoomDispose: (r, why) => void disposed.push(`${r.id} ${why}`) });
  const c = s2.join('cid', seat('EMPTY234'));
  s2.host.leave(c.p as never, 'left');
  s2.host.drainStarted();
  assert.equal(disposed.at(-1), 'EMPTY234 drained');
});

test('close: players leave, the rooms left end as drained, and close resolves once the registry heard of it', async () => {
  const disposed: string[] = [];
  const s = await setup({ ...duel, onRoomDispose: (r, why) => void disposed.push(`${r.id} ${why}`) });
  s.join('ann', seat('SHUT2345'));
  await s.host.close();
  assert.deepEqual(disposed, ['SHUT2345 drained']);
  assert.deepEqual(s.rec.calls, ['ended SHUT2345']);
});

test('registry failures never reach the game: counted by operation, logged once per streak', async () => {
  const s = await setup(duel);
  s.rec.failing(true);
  const a = s.join('ann', seat('FAIL2345'));
  const b = s.join('bob', seat('FAIL2345'));
  const room = s.host.ctx.rooms.get('FAIL2345')!;
  room.lock();
  room.setLabels({ x: 'y' });
  s.host.leave(a.p as never, 'left');
  await waitFor('failures counted', async () => (await s.errors('left')) === 1 && (await s.errors('set_locked')) === 1 && (await s.errors('set_labels')) === 1);
  assert.equal(room.locked, true, 'the room lives on in the pod');
  assert.equal(s.lines.filter((l) => String(l.msg).startsWith('room registry update failed')).length, 1);
  s.rec.failing(false);
  s.host.leave(b.p as never, 'left');
  await waitFor('recovered', () => s.lines.some((l) => l.msg === 'room registry updates succeed again'));
  s.rec.failing(true);
  room.close();
  await waitFor('a new streak is logged again', () => s.lines.filter((l) => String(l.msg).startsWith('room registry update failed')).length === 2);
});

test('the keys of rooms are re-armed oldest first, a bounded batch per pass', async () => {
  const s = await setup(duel, { rearm: { everyMs: 15, afterMs: 0, batch: 2 } });
  for (const id of ['ARM22222', 'ARM33333', 'ARM44444']) s.join(`p-${id}`, seat(id));
  await waitFor('two passes', () => s.rec.calls.filter((c) => c.startsWith('rearm')).length >= 2);
  const passes = s.rec.calls.filter((c) => c.startsWith('rearm')).map((c) => c.slice(6).split(','));
  assert.ok(passes.every((ids) => ids.length <= 2), JSON.stringify(passes));
  assert.deepEqual(passes[0], ['ARM22222', 'ARM33333']);
  assert.deepEqual(passes[1], ['ARM44444', 'ARM22222'], 'the least recently armed come first');
  await s.host.close();
});

test('republish after Redis lost data: the open rooms with their players; a room another pod now holds ends (closed)', async () => {
  const disposed: string[] = [];
  const s = await setup({ ...duel, onRoomDispose: (r, why) => void disposed.push(`${r.id} ${why}`) });
  s.join('ann', seat('KEEP2345', { isPrivate: true, labels: { k: 'v' } }));
  s.join('bob', seat('LOST2345'));
  s.host.ctx.rooms.get('KEEP2345')!.lock();
  s.rec.loseOnRepublish(['LOST2345']);
  await s.host.republishRooms();
  assert.deepEqual(s.rec.republished(), [
    { roomId: 'KEEP2345', mode: 'duel', maxPlayers: 2, isPrivate: true, labels: { k: 'v' }, locked: true, accounts: ['ann'] },
    { roomId: 'LOST2345', mode: 'duel', maxPlayers: 2, isPrivate: false, labels: {}, locked: false, accounts: ['bob'] },
  ]);
  assert.deepEqual(disposed, ['LOST2345 closed']);
  assert.deepEqual(s.kicks, [{ account: 'bob', reason: KickReason.GAME }]);
  assert.equal(s.host.players.get('ann')!.room!.id, 'KEEP2345');
});

test('a seat of a mode the module does not declare is hosted (logged; the gauge label stays bounded)', async () => {
  const s = await setup(duel);
  const a = s.join('ann', seat('ODD23456', { mode: 'brawl', maxPlayers: 4 }));
  assert.equal(a.p.room!.mode, 'brawl');
  assert.equal(await s.gauge('_undeclared'), 1);
  assert.ok(s.lines.some((l) => l.level === 50 && l.mode === 'brawl'));
});

test('a room the module closes in its onRoomCreate takes nobody: the player plays without a room', async () => {
  const s = await setup({ ...duel, onRoomCreate: (room) => room.close('not today') });
  const a = s.join('ann', seat('NOPE2345'));
  assert.equal(a.p.room, null);
  assert.equal(s.host.roomPlayers, 0);
  assert.equal(s.host.ctx.rooms.size, 0);
  assert.deepEqual(s.rec.calls, ['ended NOPE2345']);
});

/**
 * The SDK's room flow against scripted stand-ins for the three hops (test/helpers/room-standins.ts, built on the
 * servers' own socket layer, so what the SDK sends is decoded as a login/game pod decodes it): EnterGame carries the
 * request, `/login?room=` only for a join, `session.room`, room errors never retried, a created room rejoined by id
 * after a failed resume, a `find` that finds again when its room is gone, a seat straight to the game pod that ends
 * when its resume fails. The real cluster runs the same flows in test/client-rooms.test.ts.
 */
import assert from 'node:assert/strict';
import { after, before, beforeEach, test } from 'node:test';
import { ReturnCode } from '../protocol/wire.js';
import { freshRoomId, startRoomStandins, type RoomAsk, type RoomStandins } from '../../test/helpers/room-standins.js';
import { ClientError } from './errors.js';
import { connect } from './index.js';

let st: RoomStandins;
let appmgr: string;
let gamePort: number;

before(async () => {
  st = await startRoomStandins();
  appmgr = st.appmgr;
  gamePort = st.gamePort;
});

after(() => st.close());

beforeEach(() => {
  st.queries.length = 0;
  st.enters.length = 0;
  st.redeems.length = 0;
});

/** create → a new id; join → that id; find → a new id; no room → none. */
const everythingWorks = (room: RoomAsk) => ({ roomId: room ? (room.join?.roomId ?? freshRoomId()) : '' });

test('create: EnterGame carries the spec, session.room is the room the game confirmed; no room param on /login', async () => {
  st.enter = everythingWorks;
  const s = await connect({ appmgr, account: 'host', transport: 'tcp', room: { create: { mode: 'party', maxPlayers: 4, isPrivate: true, labels: { region: 'eu' } } } });
  assert.equal(st.enters.length, 1);
  assert.equal(st.enters[0]?.create?.mode, 'party');
  assert.equal(st.enters[0]?.create?.maxPlayers, 4);
  assert.equal(st.enters[0]?.create?.isPrivate, true);
  assert.deepEqual({ ...st.enters[0]?.create?.labels }, { region: 'eu' });
  assert.deepEqual(st.queries, [{}]);
  assert.match(s.room?.id ?? '', /^[2-9A-Z]{8}$/);
  assert.equal(st.redeems[0], `room:${s.room!.id}`);
  await s.leave();

  const plain = await connect({ appmgr, account: 'nobody', transport: 'tcp' });
  assert.equal(plain.room, null);
  assert.equal(st.enters[1], null, 'no room: EnterGame without one');
  await plain.leave();
});

test('join: /login?room=<id> and EnterGame.join in upper case; room errors are never retried, NO_APP is', async () => {
  st.enter = everythingWorks;
  const s = await connect({ appmgr, account: 'friend', transport: 'tcp', room: { join: 'k7qx2mpa' } });
  assert.deepEqual(st.queries, [{ room: 'K7QX2MPA' }]);
  assert.equal(st.enters[0]?.join?.roomId, 'K7QX2MPA');
  assert.deepEqual(s.room, { id: 'K7QX2MPA' });
  await s.leave();

  for (const code of [ReturnCode.ROOM_NOT_FOUND, ReturnCode.ROOM_FULL, ReturnCode.ROOM_CLOSED, ReturnCode.ROOM_INVALID]) {
    st.enters.length = 0;
    st.enter = () => ({ code });
    await assert.rejects(connect({ appmgr, account: 'friend', transport: 'tcp', maxAttempts: 3, room: { join: 'K7QX2MPA' } }), (e: unknown) => {
      assert.ok(e instanceof ClientError);
      assert.equal(e.step, 'enter_game');
      assert.match(e.message, /for join\(K7QX2MPA\)/);
      return e.details.returnCode === code;
    });
    assert.equal(st.enters.length, 1, `code ${code}: one attempt`);
  }
  st.enters.length = 0;
  let calls = 0;
  st.enter = (room) => (++calls === 1 ? { code: ReturnCode.NO_APP } : everythingWorks(room));
  const later = await connect({ appmgr, account: 'patient', transport: 'tcp', maxAttempts: 3, room: { find: { mode: 'duel' } } });
  assert.equal(st.enters.length, 2, 'NO_APP retried');
  assert.ok(later.room);
  await later.leave();
});

test('a bad room option fails before any request', async () => {
  await assert.rejects(connect({ appmgr, account: 'typo', transport: 'tcp', room: { join: 'K7QX2MP0' } }), (e: unknown) => e instanceof ClientError && e.code === 'bad_options');
  assert.deepEqual(st.queries, []);
});

test('a created room: after a failed resume the session goes back into the same room by id', async () => {
  st.enter = everythingWorks;
  const s = await connect({ appmgr, account: 'host2', transport: 'tcp', resumeWindowMs: 2000, room: { create: { mode: 'party', isPrivate: true } } });
  const id = s.room!.id;
  const back = new Promise((r) => s.once('resumed', r));
  s.dropConnection();
  assert.deepEqual(await back, { via: 'login' });
  assert.deepEqual(st.queries.at(-1), { room: id }, '/login?room=<id>');
  assert.equal(st.enters.at(-1)?.join?.roomId, id, 'EnterGame join of the same id');
  assert.deepEqual(s.room, { id });
  await s.leave();
});

test('a created room that ended meanwhile: the rejoin gets ROOM_NOT_FOUND once and the session ends dropped', async () => {
  st.enter = everythingWorks;
  const s = await connect({ appmgr, account: 'host3', transport: 'tcp', resumeWindowMs: 2000, room: { create: { mode: 'party' } } });
  st.enter = (room) => (room?.join ? { code: ReturnCode.ROOM_NOT_FOUND } : everythingWorks(room));
  const before = st.enters.length;
  s.dropConnection();
  const closed = await s.closed;
  assert.equal(closed.reason, 'dropped');
  assert.equal(closed.error?.code, 'ROOM_NOT_FOUND');
  assert.equal(st.enters.length - before, 1, 'never retried, never a new create');
});

test('a find: its room gone after a failed resume → the join fails with a room error → it finds again (a new room)', async () => {
  st.enter = everythingWorks;
  const s = await connect({ appmgr, account: 'seeker', transport: 'tcp', resumeWindowMs: 2000, room: { find: { mode: 'duel', maxPlayers: 2, labels: { region: 'eu' } } } });
  const first = s.room!.id;
  st.enter = (room) => (room?.join ? { code: ReturnCode.ROOM_FULL } : everythingWorks(room));
  const before = st.enters.length;
  const back = new Promise((r) => s.once('resumed', r));
  s.dropConnection();
  assert.deepEqual(await back, { via: 'login' });
  const asked = st.enters.slice(before);
  assert.deepEqual(asked.map((r) => r?.want), ['join', 'find']);
  assert.equal(asked[0]?.join?.roomId, first);
  assert.equal(asked[1]?.find?.mode, 'duel');
  assert.deepEqual({ ...asked[1]?.find?.labels }, { region: 'eu' });
  assert.notEqual(s.room!.id, first, 'session.room names the new room');
  await s.leave();
});

test('a seat: straight to the game pod (no /login, no login pod); its failed resume ends the session', async () => {
  const s = await connect({ seat: { ip: '127.0.0.1', port: gamePort, account: 'matched', token: 'room:MATCH234' }, transport: 'tcp', resumeWindowMs: 2000 });
  assert.equal(s.account, 'matched');
  assert.deepEqual(s.room, { id: 'MATCH234' });
  assert.deepEqual(st.queries, []);
  assert.deepEqual(st.enters, []);
  s.dropConnection();
  const closed = await s.closed;
  assert.equal(closed.reason, 'dropped');
  assert.equal(closed.error?.code, 'TOKEN_INVALID');
  assert.deepEqual(st.queries, [], 'never through /login');

  await assert.rejects(connect({ seat: { ip: '127.0.0.1', port: gamePort, account: 'matched', token: 'used' }, transport: 'tcp' }), (e: unknown) => {
    return e instanceof ClientError && e.step === 'game_login' && e.code === 'TOKEN_INVALID';
  });
  assert.equal(st.redeems.filter((t) => t === 'used').length, 1, 'a refused seat is not retried');
});

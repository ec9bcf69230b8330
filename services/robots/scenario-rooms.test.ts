/**
 * `robots --scenario rooms` against scripted stand-ins of the three hops with real seats
 * (test/helpers/room-standins.ts): parties form in start order, each host creates a private room of the mode sized
 * for the party, its friends join it by id (`/login?room=`), every party lands together and the report carries the
 * parties and the join/create latencies; a joiner put in another room fails `wrong_room`, a host refused its room
 * fails its friends with `no_host_room`. The real cluster runs it in test/client-rooms.test.ts.
 */
import assert from 'node:assert/strict';
import { after, before, beforeEach, test } from 'node:test';
import { ReturnCode } from '../protocol/wire.js';
import { rooms, startRoomStandins, type RoomStandins } from '../../test/helpers/room-standins.js';
import { formatReport } from './report.js';
import { runRobots } from './run.js';

let st: RoomStandins;

before(async () => {
  st = await startRoomStandins();
});

after(() => st.close());

beforeEach(() => {
  st.queries.length = 0;
  st.enters.length = 0;
  st.redeems.length = 0;
  st.enter = rooms(16);
});

test('parties of 4: hosts create private rooms, friends join by id; every party together, join latency reported', async () => {
  const r = await runRobots({ appmgr: st.appmgr, players: 42, rate: 1000, durationS: 0, echoPerSec: 1, scenario: 'rooms', party: 4, mode: 'party' });
  assert.equal(r.failed, 0, JSON.stringify(r.failures));
  assert.deepEqual({ scenario: r.options.scenario, party: r.options.party, mode: r.options.mode }, { scenario: 'rooms', party: 4, mode: 'party' });
  assert.equal(r.rooms?.parties, 11, '10 of 4 and one of 2');
  assert.equal(r.rooms?.parties_together, 11);
  assert.equal(r.rooms?.create.count, 11);
  assert.equal(r.rooms?.join.count, 31);
  assert.ok(r.rooms!.join.p50_ms > 0 && r.rooms!.join.p99_ms >= r.rooms!.join.p50_ms);
  const creates = st.enters.filter((x) => x?.create);
  assert.equal(creates.length, 11);
  assert.ok(creates.every((x) => x?.create?.mode === 'party' && x.create.maxPlayers === 4 && x.create.isPrivate === true));
  const joins = st.enters.filter((x) => x?.join).map((x) => x!.join!.roomId);
  assert.equal(joins.length, 31);
  assert.equal(new Set(joins).size, 11, 'joined the 11 rooms');
  assert.equal(st.queries.filter((q) => q.room).length, 31, 'every join asked /login?room=<id>');
  assert.equal(r.echoes_ok, 0, 'room robots do not echo');
  assert.match(formatReport(r), /^rooms: 11\/11 parties of 4 landed together \(mode party\); join p50 [\d.]+ ms, p99 [\d.]+ ms, max [\d.]+ ms \(31\); create p50/m);
});

test('a joiner put in another room fails wrong_room and its party is not together; a refused host fails its friends', async () => {
  const real = rooms(16);
  let joins = 0;
  st.enter = (room) => (room?.join && ++joins === 2 ? real({ create: { mode: 'party', maxPlayers: 4, isPrivate: true, labels: {} } }) : real(room));
  const r = await runRobots({ appmgr: st.appmgr, players: 8, rate: 1000, durationS: 0, echoPerSec: 0, scenario: 'rooms', party: 4 });
  assert.deepEqual(r.failures.map((f) => [f.step, f.reason, f.count]), [['game_login', 'wrong_room', 1]]);
  assert.deepEqual([r.rooms?.parties, r.rooms?.parties_together], [2, 1]);
  assert.equal(r.options.mode, 'arena', 'the default mode');

  st.enter = (room) => (room?.create ? { code: ReturnCode.ROOM_INVALID } : real(room));
  const bad = await runRobots({ appmgr: st.appmgr, players: 4, rate: 1000, durationS: 0, echoPerSec: 0, scenario: 'rooms', party: 4 });
  assert.deepEqual(bad.failures.map((f) => [f.step, f.reason, f.count]), [
    ['enter_game', 'no_host_room', 3],
    ['enter_game', 'ROOM_INVALID', 1],
  ]);
  assert.deepEqual([bad.rooms?.parties, bad.rooms?.parties_together, bad.rooms?.join.count], [1, 0, 0]);
});

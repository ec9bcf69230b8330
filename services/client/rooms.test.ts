/**
 * Rooms in the SDK without a server: the `room`/`seat` options checked and made canonical, the `RoomRequest` of
 * `C2L_EnterGame` through the generated codec (what the login pod decodes), `/login?room=` only for a join, and the
 * retry/rejoin decisions (recovery.ts) as the pure functions they are.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { decodeBody, encodeBody } from '../protocol/messages.js';
import { MsgId, ReturnCode, returnCodeName } from '../protocol/wire.js';
import { ClientError } from './errors.js';
import { afterFlowFailed, afterResumeFailed, retryable, type SessionOrigin } from './recovery.js';
import { ROOM_ERROR_CODES, isRoomError, loginRoomParam, normalizeRoomId, queuePlaces, normalizeRoomOption, normalizeSeat, roomRequest, type RoomOption } from './rooms.js';
import { resolveOptions } from './session.js';

/** C2L_EnterGame bytes for a room option, decoded back as the login pod would see them. */
const wire = (room: RoomOption) => decodeBody(MsgId.C2L_EnterGame, encodeBody(MsgId.C2L_EnterGame, { room: roomRequest(normalizeRoomOption(room)) }));

test('EnterGame{room} through the generated codec: create, join, find each set the oneof', () => {
  const c = wire({ create: { mode: 'duel', maxPlayers: 2, isPrivate: true, labels: { region: 'eu', tier: 'gold' } } });
  assert.equal(c.room?.want, 'create');
  assert.equal(c.room?.create?.mode, 'duel');
  assert.equal(c.room?.create?.maxPlayers, 2);
  assert.equal(c.room?.create?.isPrivate, true);
  assert.deepEqual({ ...c.room?.create?.labels }, { region: 'eu', tier: 'gold' });

  const j = wire({ join: 'k7qx2mpa' });
  assert.equal(j.room?.want, 'join');
  assert.equal(j.room?.join?.roomId, 'K7QX2MPA', 'sent upper case');

  const f = wire({ find: { mode: 'arena', labels: { region: 'us' } } });
  assert.equal(f.room?.want, 'find');
  assert.equal(f.room?.find?.mode, 'arena');
  assert.equal(f.room?.find?.maxPlayers ?? 0, 0, 'absent size: the mode’s');
  assert.equal(f.room?.find?.isPrivate ?? false, false);
  assert.deepEqual({ ...f.room?.find?.labels }, { region: 'us' });

  const none = decodeBody(MsgId.C2L_EnterGame, encodeBody(MsgId.C2L_EnterGame, {}));
  assert.equal(none.room ?? null, null, 'no room: today’s EnterGame, empty');
  assert.equal(encodeBody(MsgId.C2L_EnterGame, {}).length, 0);
});

test('the answers carry the room: L2C_EnterGameRs.room_id and G2C_LoginByTokenRs.room_id decode', () => {
  const eg = decodeBody(MsgId.L2C_EnterGameRs, encodeBody(MsgId.L2C_EnterGameRs, { returnCode: ReturnCode.OK, ip: '10.0.0.1', port: 7000, token: 't', roomId: 'K7QX2MPA' }));
  assert.equal(eg.roomId, 'K7QX2MPA');
  const gl = decodeBody(MsgId.G2C_LoginByTokenRs, encodeBody(MsgId.G2C_LoginByTokenRs, { returnCode: ReturnCode.OK, playerId: 'p', resumeToken: 'r', roomId: 'K7QX2MPA' }));
  assert.equal(gl.roomId, 'K7QX2MPA');
  for (const name of ROOM_ERROR_CODES) assert.equal(returnCodeName(ReturnCode[name]), name);
});

test('room options: malformed ones are bad_options before any request; ids are checked against the alphabet', () => {
  const bad = (room: unknown, re: RegExp) =>
    assert.throws(() => normalizeRoomOption(room), (e: unknown) => e instanceof ClientError && e.code === 'bad_options' && e.step === 'enter_game' && re.test(e.message));
  bad({}, /exactly one of create, join, find \(got none\)/);
  bad({ join: 'K7QX2MPA', find: { mode: 'x' } }, /exactly one/);
  bad({ lobby: {} }, /exactly one/);
  bad({ join: 'K7QX2MP' }, /not 8 characters/);
  bad({ join: 'K7QX2MP0' }, /not 8 characters/); // 0 is a look-alike, not in the alphabet
  bad({ join: 'K7QX2MPI' }, /not 8 characters/);
  bad({ create: { maxPlayers: 2 } }, /room.create.mode is required/);
  bad({ create: { mode: 'duel', maxPlayers: 2.5 } }, /maxPlayers must be an integer/);
  bad({ create: { mode: 'duel', labels: { a: 1 } } }, /labels.a must be a string/);
  bad({ find: { mode: 'duel', isPrivate: true } }, /find cannot be private/);
  assert.equal(normalizeRoomId(' k7qx2mpa '), 'K7QX2MPA');
  assert.deepEqual(normalizeRoomOption({ create: { mode: 'duel' } }), { create: { mode: 'duel', maxPlayers: 0, isPrivate: false, labels: {} } });
  assert.equal(loginRoomParam({ join: 'K7QX2MPA' }), 'K7QX2MPA');
  assert.equal(loginRoomParam({ create: { mode: 'duel' } }), undefined, 'a create waits in line like any arrival');
  assert.equal(loginRoomParam(undefined), undefined);
  // A host who queues waits for his room's places (?queue=1&places=N); a join or a plain player for one.
  assert.equal(queuePlaces({ create: { mode: 'duel', maxPlayers: 4 } }), 4);
  assert.equal(queuePlaces({ find: { mode: 'duel', maxPlayers: 8 } }), 8);
  assert.equal(queuePlaces({ create: { mode: 'duel', maxPlayers: 0 } }), 1, 'the mode\'s size is not known to the client');
  assert.equal(queuePlaces({ join: 'K7QX2MPA' }), 1);
  assert.equal(queuePlaces(undefined), 1);
});

test('seat options: the port of the transport is required; room and seat exclude each other; the account is the seat’s', () => {
  const seat = { ip: '10.0.0.7', port: 7000, account: 'p1', token: 'tok' };
  assert.deepEqual(normalizeSeat(seat, 'tcp'), seat);
  assert.throws(() => normalizeSeat(seat, 'ws'), /seat.wsPort must be a port number \(transport ws\)/);
  assert.throws(() => normalizeSeat({ ...seat, token: '' }, 'tcp'), /seat.token is required/);
  const o = resolveOptions({ seat }, 'tcp');
  assert.equal(o.account, 'p1');
  assert.deepEqual(o.origin, { kind: 'seat' });
  assert.throws(() => resolveOptions({ seat, room: { join: 'K7QX2MPA' } }, 'tcp'), /room and seat exclude each other/);
  assert.throws(() => resolveOptions({ seat, account: 'p2' }, 'tcp'), /differs from seat.account/);
  assert.throws(() => resolveOptions({ account: 'a' }, 'tcp'), /appmgr is required/);
  assert.deepEqual(resolveOptions({ appmgr: 'http://x', account: 'a', room: { join: 'k7qx2mpa' } }, 'tcp').origin, { kind: 'flow', room: { join: 'K7QX2MPA' } });
  assert.throws(() => resolveOptions({ appmgr: 'http://x', account: 'a', earlyMessagesPerName: -1 }, 'tcp'), /earlyMessagesPerName/);
});

test('retryable: busy and network errors are; room errors, a wrong password and kicks never are', () => {
  for (const code of ['NO_APP', 'BUSY', 'TOKEN_INVALID', 'timeout', 'ECONNREFUSED', 'http_503', 'closed_by_server']) assert.equal(retryable({ code }), true, code);
  for (const code of [...ROOM_ERROR_CODES, 'PASSWORD_WRONG', 'kicked:DUPLICATE_LOGIN', 'bad_options', 'queue_lost']) assert.equal(retryable({ code }), false, code);
  assert.ok(ROOM_ERROR_CODES.every(isRoomError));
});

test('after a failed resume: no room → the flow as before; a room session → join of its room by id; a seat → the end', () => {
  const create: SessionOrigin = { kind: 'flow', room: { create: { mode: 'duel', maxPlayers: 2, isPrivate: true, labels: {} } } };
  const join: SessionOrigin = { kind: 'flow', room: { join: 'K7QX2MPA' } };
  const find: SessionOrigin = { kind: 'flow', room: { find: { mode: 'duel', maxPlayers: 2, labels: {} } } };
  assert.deepEqual(afterResumeFailed({ kind: 'flow' }, undefined), { kind: 'flow' });
  assert.deepEqual(afterResumeFailed(create, 'K7QX2MPA'), { kind: 'flow', room: { join: 'K7QX2MPA' } }, 'a create session too');
  assert.deepEqual(afterResumeFailed(join, 'K7QX2MPA'), { kind: 'flow', room: { join: 'K7QX2MPA' } });
  assert.deepEqual(afterResumeFailed(find, 'ABCDEFGH'), { kind: 'flow', room: { join: 'ABCDEFGH' } });
  assert.deepEqual(afterResumeFailed(find, undefined), { kind: 'flow', room: find.room }, 'no room id known: ask as the first time');
  assert.deepEqual(afterResumeFailed({ kind: 'seat' }, 'K7QX2MPA'), { kind: 'end' });

  // The rejoin failed:
  const gone = { code: 'ROOM_NOT_FOUND' };
  assert.deepEqual(afterFlowFailed(find, { join: 'ABCDEFGH' }, gone), { kind: 'flow', room: find.room }, 'a find runs its find again');
  assert.deepEqual(afterFlowFailed(find, { join: 'ABCDEFGH' }, { code: 'ROOM_FULL' }), { kind: 'flow', room: find.room });
  assert.deepEqual(afterFlowFailed(find, find.room, gone), { kind: 'end' }, 'the find itself failed: no loop');
  assert.deepEqual(afterFlowFailed(find, { join: 'ABCDEFGH' }, { code: 'NO_APP' }), { kind: 'end' }, 'not a room error: its retries are spent');
  assert.deepEqual(afterFlowFailed(create, { join: 'K7QX2MPA' }, gone), { kind: 'end' }, 'a created room that ended: the session ends');
  assert.deepEqual(afterFlowFailed(join, { join: 'K7QX2MPA' }, gone), { kind: 'end' });
  assert.deepEqual(afterFlowFailed({ kind: 'flow' }, undefined, { code: 'NO_APP' }), { kind: 'end' });
});

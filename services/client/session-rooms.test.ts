/**
 * The SDK's room flow against scripted in-process stand-ins for the three hops, built on the servers' own socket
 * layer (FrameServer, so what the SDK sends is decoded as a login/game pod decodes it): an HTTP `/login` that records
 * its query, a login whose `C2L_EnterGame` answers from a script of rooms, a game that redeems `room:<id>` tokens and
 * refuses resumes (as after the grace). Checked: EnterGame carries the request, `/login?room=` only for a join,
 * `session.room`, room errors never retried, a created room rejoined by id after a failed resume, a `find` that finds
 * again when its room is gone, a seat straight to the game pod that ends when its resume fails. The real cluster runs
 * the same flows in test/client-rooms.test.ts.
 */
import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import { after, before, beforeEach, test } from 'node:test';
import { pino } from 'pino';
import { createPodMetrics } from '../platform/metrics.js';
import type { EnterGame } from '../protocol/messages.js';
import { MsgId, ReturnCode } from '../protocol/wire.js';
import { FrameServer } from '../socket/frame-server.js';
import { ClientError } from './errors.js';
import { connect } from './index.js';

const silent = pino({ level: 'silent' });
let http: Server;
let login: FrameServer<object>;
let game: FrameServer<object>;
let loginPort: number;
let gamePort: number;
let appmgr: string;

/** What the stand-ins saw. */
let queries: Record<string, string>[] = [];
let enters: EnterGame['room'][] = [];
let redeems: string[] = [];
/** The login's answer to each EnterGame: a room id or a return code. */
let enterScript: (room: EnterGame['room']) => { roomId: string } | { code: number };
let nextRoom = 0;
const ALPHA = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';
const freshRoomId = () => `K7QX2M${ALPHA[Math.floor(nextRoom / 31) % 31]}${ALPHA[nextRoom++ % 31]}`;

before(async () => {
  http = createServer((req, res) => {
    queries.push(Object.fromEntries(new URL(req.url ?? '/', 'http://x').searchParams));
    res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ returncode: 0, ip: '127.0.0.1', port: loginPort }));
  });
  await new Promise<void>((r) => http.listen(0, '127.0.0.1', r));
  appmgr = `http://127.0.0.1:${(http.address() as { port: number }).port}`;

  login = new FrameServer<object>({ role: 'login', logger: silent, metrics: createPodMetrics('login'), initialData: () => ({}) });
  login.handle(MsgId.C2L_AccountCheck, { requiresAuth: false }, (c, m) => {
    c.authenticate(m.account!);
    c.send(MsgId.L2C_AccountCheckRs, { returnCode: ReturnCode.OK, playerId: m.account! });
  });
  login.handle(MsgId.C2L_EnterGame, { requiresAuth: true }, (c, m) => {
    enters.push(m.room ?? null);
    const a = enterScript(m.room ?? null);
    if ('code' in a) return void c.send(MsgId.L2C_EnterGameRs, { returnCode: a.code });
    c.send(MsgId.L2C_EnterGameRs, { returnCode: ReturnCode.OK, ip: '127.0.0.1', port: gamePort, token: `room:${a.roomId}`, roomId: a.roomId });
  });
  loginPort = await login.listen(0, '127.0.0.1');

  game = new FrameServer<object>({ role: 'game', logger: silent, metrics: createPodMetrics('game'), initialData: () => ({}) });
  game.handle(MsgId.Ping, { requiresAuth: false }, (c, m) => void c.send(MsgId.Pong, { clientTimeMs: m.clientTimeMs ?? 0, serverTimeMs: Date.now() }));
  game.handle(MsgId.C2G_LoginByToken, { requiresAuth: false }, (c, m) => {
    redeems.push(m.token ?? '');
    const roomId = /^room:(\w*)$/.exec(m.token ?? '')?.[1];
    if (roomId === undefined || !m.account) return void c.send(MsgId.G2C_LoginByTokenRs, { returnCode: ReturnCode.TOKEN_INVALID });
    c.authenticate(m.account);
    c.send(MsgId.G2C_LoginByTokenRs, { returnCode: ReturnCode.OK, playerId: m.account, resumeToken: 'r'.repeat(32), roomId });
  });
  // As after the grace: every resume is refused, so the session goes back through /login (or ends).
  game.handle(MsgId.C2G_Resume, { requiresAuth: false }, (c) => void c.send(MsgId.G2C_ResumeRs, { returnCode: ReturnCode.TOKEN_INVALID }));
  game.handle(MsgId.C2G_Leave, { requiresAuth: true }, (c) => c.end());
  gamePort = await game.listen(0, '127.0.0.1');
});

after(async () => {
  await new Promise((r) => http.close(r));
  await login.close();
  await game.close();
});

beforeEach(() => {
  queries = [];
  enters = [];
  redeems = [];
});

/** create → a new id; join → that id; find → a new id; no room → none. */
const everythingWorks = (room: EnterGame['room']) => ({ roomId: room ? (room.join?.roomId ?? freshRoomId()) : '' });

test('create: EnterGame carries the spec, session.room is the room the game confirmed; no room param on /login', async () => {
  enterScript = everythingWorks;
  const s = await connect({ appmgr, account: 'host', transport: 'tcp', room: { create: { mode: 'party', maxPlayers: 4, isPrivate: true, labels: { region: 'eu' } } } });
  assert.equal(enters.length, 1);
  assert.equal(enters[0]?.create?.mode, 'party');
  assert.equal(enters[0]?.create?.maxPlayers, 4);
  assert.equal(enters[0]?.create?.isPrivate, true);
  assert.deepEqual({ ...enters[0]?.create?.labels }, { region: 'eu' });
  assert.deepEqual(queries, [{}]);
  assert.match(s.room?.id ?? '', /^K7QX2M\w\w$/);
  assert.equal(redeems[0], `room:${s.room!.id}`);
  await s.leave();

  const plain = await connect({ appmgr, account: 'nobody', transport: 'tcp' });
  assert.equal(plain.room, null);
  assert.equal(enters[1], null, 'no room: EnterGame without one');
  await plain.leave();
});

test('join: /login?room=<id> and EnterGame.join in upper case; room errors are never retried, NO_APP is', async () => {
  enterScript = everythingWorks;
  const s = await connect({ appmgr, account: 'friend', transport: 'tcp', room: { join: 'k7qx2mpa' } });
  assert.deepEqual(queries, [{ room: 'K7QX2MPA' }]);
  assert.equal(enters[0]?.join?.roomId, 'K7QX2MPA');
  assert.deepEqual(s.room, { id: 'K7QX2MPA' });
  await s.leave();

  for (const code of [ReturnCode.ROOM_NOT_FOUND, ReturnCode.ROOM_FULL, ReturnCode.ROOM_CLOSED, ReturnCode.ROOM_INVALID]) {
    enters = [];
    enterScript = () => ({ code });
    await assert.rejects(connect({ appmgr, account: 'friend', transport: 'tcp', maxAttempts: 3, room: { join: 'K7QX2MPA' } }), (e: unknown) => {
      assert.ok(e instanceof ClientError);
      assert.equal(e.step, 'enter_game');
      assert.match(e.message, /for join\(K7QX2MPA\)/);
      return e.details.returnCode === code;
    });
    assert.equal(enters.length, 1, `code ${code}: one attempt`);
  }
  enters = [];
  let calls = 0;
  enterScript = (room) => (++calls === 1 ? { code: ReturnCode.NO_APP } : everythingWorks(room));
  const later = await connect({ appmgr, account: 'patient', transport: 'tcp', maxAttempts: 3, room: { find: { mode: 'duel' } } });
  assert.equal(enters.length, 2, 'NO_APP retried');
  assert.ok(later.room);
  await later.leave();
});

test('a bad room option fails before any request', async () => {
  await assert.rejects(connect({ appmgr, account: 'typo', transport: 'tcp', room: { join: 'K7QX2MP0' } }), (e: unknown) => e instanceof ClientError && e.code === 'bad_options');
  assert.deepEqual(queries, []);
});

test('a created room: after a failed resume the session goes back into the same room by id', async () => {
  enterScript = everythingWorks;
  const s = await connect({ appmgr, account: 'host2', transport: 'tcp', resumeWindowMs: 2000, room: { create: { mode: 'party', isPrivate: true } } });
  const id = s.room!.id;
  const back = new Promise((r) => s.once('resumed', r));
  s.dropConnection();
  assert.deepEqual(await back, { via: 'login' });
  assert.deepEqual(queries.at(-1), { room: id }, '/login?room=<id>');
  assert.equal(enters.at(-1)?.join?.roomId, id, 'EnterGame join of the same id');
  assert.deepEqual(s.room, { id });
  await s.leave();
});

test('a created room that ended meanwhile: the rejoin gets ROOM_NOT_FOUND once and the session ends dropped', async () => {
  enterScript = everythingWorks;
  const s = await connect({ appmgr, account: 'host3', transport: 'tcp', resumeWindowMs: 2000, room: { create: { mode: 'party' } } });
  enterScript = (room) => (room?.join ? { code: ReturnCode.ROOM_NOT_FOUND } : everythingWorks(room));
  const before = enters.length;
  s.dropConnection();
  const closed = await s.closed;
  assert.equal(closed.reason, 'dropped');
  assert.equal(closed.error?.code, 'ROOM_NOT_FOUND');
  assert.equal(enters.length - before, 1, 'never retried, never a new create');
});

test('a find: its room gone after a failed resume → the join fails with a room error → it finds again (a new room)', async () => {
  enterScript = everythingWorks;
  const s = await connect({ appmgr, account: 'seeker', transport: 'tcp', resumeWindowMs: 2000, room: { find: { mode: 'duel', maxPlayers: 2, labels: { region: 'eu' } } } });
  const first = s.room!.id;
  enterScript = (room) => (room?.join ? { code: ReturnCode.ROOM_FULL } : everythingWorks(room));
  const before = enters.length;
  const back = new Promise((r) => s.once('resumed', r));
  s.dropConnection();
  assert.deepEqual(await back, { via: 'login' });
  const asked = enters.slice(before);
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
  assert.deepEqual(queries, []);
  assert.deepEqual(enters, []);
  s.dropConnection();
  const closed = await s.closed;
  assert.equal(closed.reason, 'dropped');
  assert.equal(closed.error?.code, 'TOKEN_INVALID');
  assert.deepEqual(queries, [], 'never through /login');

  await assert.rejects(connect({ seat: { ip: '127.0.0.1', port: gamePort, account: 'matched', token: 'used' }, transport: 'tcp' }), (e: unknown) => {
    return e instanceof ClientError && e.step === 'game_login' && e.code === 'TOKEN_INVALID';
  });
  assert.equal(redeems.filter((t) => t === 'used').length, 1, 'a refused seat is not retried');
});

/**
 * Issue 23's queue acceptance, part 2 (docs/queue.md "admission"), on real processes (redis-server, appmgr, a login
 * pod — which publishes the `admission` capability, so appmgr enforces it — and a game pod of CAPACITY 10 with the
 * rooms module):
 * - line jumping: while a line exists, clients that dial the login pod directly (no `/login`, no ticket) get NO_APP,
 *   before and after admissions, also with a made-up or somebody else's admission; they never take an admitted
 *   player's place, and every admitted player enters with his admission;
 * - a room's host in line: `?queue=1&places=4` is admitted only when 4 places are free (nobody passes him meanwhile),
 *   his admission holds 4, and his `create` of a room of 4 consumes them; a friend joining that room never waits.
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Redis } from 'ioredis';
import { MsgId, ReturnCode, returnCodeName } from '../services/protocol/wire.js';
import { closeRedis } from '../services/registry/index.js';
import { FrameClient } from '../services/socket/frame-client.js';
import { clusterRedis, fetchJson, gameLogin, metric, play, startLoginGame, type Proc, type TestCluster } from './pod-cluster.js';
import { waitFor } from './helpers/wait-for.js';

const CAPACITY = 10;
const PREFIX = 'qjump';
let c: TestCluster;
let login: Proc;
let redis: Redis;
const inGame: FrameClient[] = [];

before(async () => {
  ({ c, login } = await startLoginGame({ prefix: PREFIX, env: { HEARTBEAT_MS: '200', LOG_LEVEL: 'warn' }, appmgrEnv: { QUEUE_TICK_MS: '100' }, gameEnv: { CAPACITY: String(CAPACITY), GAME_MODULE: 'test/fixtures/game-module/rooms-module.ts' } }));
  redis = await clusterRedis(c);
});

after(async () => {
  for (const g of inGame) g.destroy();
  if (redis) await closeRedis(redis);
  await c?.stop();
});

const base = () => `http://127.0.0.1:${c.appmgr.port}`;
const line = async () => (await fetchJson(`http://127.0.0.1:${c.appmgr.metricsPort}/queue`)).body as { waiting: number; held: number; available: number };

interface Ticket {
  ticket: string;
  admission?: string;
  loginPort?: number;
}

async function queue(query = '?queue=1'): Promise<Ticket> {
  const { status, body } = await fetchJson(`${base()}/login${query}`);
  assert.equal(status, 202, JSON.stringify(body));
  return { ticket: body.ticket };
}

/** Polls every ticket not yet admitted once; records the admissions. */
async function pollAll(ts: Ticket[]): Promise<void> {
  await Promise.all(
    ts.filter((x) => !x.admission).map(async (x) => {
      const { status, body } = await fetchJson(`${base()}/login?ticket=${x.ticket}`);
      if (status === 200) {
        assert.match(body.admission, /^[0-9a-f]{32}$/);
        x.admission = body.admission;
        x.loginPort = body.port;
      } else assert.equal(status, 202, JSON.stringify(body));
    }),
  );
}

/** Polls the tickets (at the 1 s pace a ticket near the head is given) until `n` of them are admitted. */
async function admitted(ts: Ticket[], n: number): Promise<void> {
  await waitFor(`${n} admitted`, async () => {
    await pollAll(ts);
    return ts.filter((x) => x.admission).length >= n;
  }, 10_000, 1000);
}

/** Account check then EnterGame on the login pod itself (what a line jumper does: no /login, no ticket). */
async function enter(account: string, m: { admission?: string; room?: object } = {}): Promise<{ code: number; port: number; token: string; roomId: string }> {
  const cl = await FrameClient.connect(login.port);
  try {
    const ck = await cl.request(MsgId.C2L_AccountCheck, { account, password: 'pw' }, MsgId.L2C_AccountCheckRs);
    assert.equal(ck.returnCode ?? 0, ReturnCode.OK);
    const rs = await cl.request(MsgId.C2L_EnterGame, m, MsgId.L2C_EnterGameRs);
    return { code: rs.returnCode ?? 0, port: rs.port ?? 0, token: rs.token ?? '', roomId: rs.roomId ?? '' };
  } finally {
    cl.destroy();
  }
}

/** The admitted player's whole entry: EnterGame with his admission, then the game. */
async function enterAdmitted(account: string, x: Ticket, room?: object): Promise<string> {
  const e = await enter(account, { admission: x.admission!, ...(room ? { room } : {}) });
  assert.equal(returnCodeName(e.code), 'OK', `${account} enters with his admission`);
  const g = await gameLogin(e.port, account, e.token);
  assert.equal(g.code, ReturnCode.OK);
  inGame.push(g.client);
  return e.roomId;
}

/** `n` players leave the game; resolves once the pod's heartbeat told Redis (the line then admits). */
async function leave(n: number): Promise<void> {
  for (const g of inGame.splice(0, n)) g.destroy();
  await waitFor(`${n} left`, async () => (await metric(c.appmgr.metricsPort, 'gamecluster_cluster_online_players', { app_type: 'game' })) === inGame.length, 5000, 50);
}

let jumps = 0;
/** `n` line jumpers dial the login pod directly; returns their answers by name. */
async function jumpers(n: number, m: { admission?: string; room?: object } = {}): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  for (const r of await Promise.all(Array.from({ length: n }, () => enter(`jumper-${jumps++}`, m)))) out[returnCodeName(r.code)] = (out[returnCodeName(r.code)] ?? 0) + 1;
  return out;
}

test('line jumping: a client dialling the login pod directly gets NO_APP while a line exists; every admitted player enters with his admission', async (t) => {
  for (let i = 0; i < CAPACITY; i++) inGame.push((await play(c, `p-${i}`)).client);
  const ts: Ticket[] = [];
  for (let i = 0; i < 6; i++) ts.push(await queue());
  const before = await jumpers(10);
  t.diagnostic(`a full game, 6 in line: 10 direct dialers → ${JSON.stringify(before)}`);
  assert.deepEqual(before, { NO_APP: 10 });
  await leave(2);
  await admitted(ts, 2);
  const q = await line();
  assert.deepEqual([q.waiting, q.held], [4, 2], 'two admitted, their two places held');
  // The two freed places are held for the admitted players: jumpers, with nothing or a made-up admission, get none.
  const during = { ...(await jumpers(10)), ...Object.fromEntries(Object.entries(await jumpers(5, { admission: 'f'.repeat(32) })).map(([k, v]) => [`${k}(made-up admission)`, v])) };
  t.diagnostic(`2 admitted, 2 places held: 15 direct dialers → ${JSON.stringify(during)}`);
  assert.deepEqual(during, { NO_APP: 10, 'NO_APP(made-up admission)': 5 });
  const a = ts.filter((x) => x.admission);
  const t0 = performance.now();
  for (const [i, x] of a.entries()) await enterAdmitted(`adm-${i}`, x);
  t.diagnostic(`the 2 admitted entered with their admissions in ${(performance.now() - t0).toFixed(0)} ms`);
  await waitFor('their places consumed (as the next tick sees it)', async () => (await line()).held === 0, 3000, 50);
  // An admission is its player's once used: carried by someone else it counts as absent.
  assert.deepEqual(await jumpers(3, { admission: a[0]!.admission! }), { NO_APP: 3 });
  // The rest of the line comes in as places free.
  await leave(4);
  await admitted(ts, 6);
  const rest = ts.filter((x, i) => i >= 2);
  assert.deepEqual(await jumpers(5), { NO_APP: 5 }, 'four places held, nobody waiting: still none for a jumper');
  for (const [i, x] of rest.entries()) await enterAdmitted(`adm-${i + 2}`, x);
  const refused = await metric(c.appmgr.metricsPort, 'gamecluster_queue_refused_total', { reason: 'no_admission' });
  t.diagnostic(`6 of 6 admitted players entered; ${jumps} jumps, all NO_APP; gamecluster_queue_refused_total{reason="no_admission"} ${refused}`);
  assert.equal(inGame.length, CAPACITY);
  // Counted as refused for the line: every jump made while tickets waited (the last five met only held places).
  assert.equal(refused, jumps - 5);
});

test('a room host in line: places=4 is admitted only when 4 places are free; his create of 4 consumes them', async (t) => {
  const host = await queue('?queue=1&places=4');
  const next = await queue();
  await leave(3);
  // Three places free: the host at the head needs four, and nobody passes him.
  await waitFor('the tick sees 3 free places', async () => (await line()).available === 3, 5000, 50);
  await pollAll([host, next]);
  await pollAll([host, next]);
  assert.equal(host.admission, undefined, 'not admitted with 3 free');
  assert.equal(next.admission, undefined, 'and nobody passes him');
  const q3 = await line();
  t.diagnostic(`3 places free: waiting ${q3.waiting}, held ${q3.held}, available ${q3.available}`);
  await leave(1);
  await admitted([host], 1);
  const q4 = await line();
  t.diagnostic(`4 places free: the host is admitted; waiting ${q4.waiting}, held ${q4.held}`);
  assert.deepEqual([q4.waiting, q4.held], [1, 4], 'his admission holds 4');
  assert.deepEqual(await jumpers(3, { room: { create: { mode: 'party', maxPlayers: 4 } } }), { NO_APP: 3 }, 'a room of 4 without an admission: none');
  const roomId = await enterAdmitted('host', host, { create: { mode: 'party', maxPlayers: 4 } });
  assert.match(roomId, /^[2-9A-Z]{8}$/);
  await waitFor('the places consumed (as the next tick sees it)', async () => (await line()).held === 0, 3000, 50);
  const q0 = await line();
  const roomPlaces = Number(await redis.hget(`{${PREFIX}}:app:game-a`, 'room_places'));
  t.diagnostic(`the host created room ${roomId} of 4: held ${q0.held}, the pod's room places ${roomPlaces}`);
  assert.equal(q0.held, 0, 'his create consumed the 4 held places');
  assert.equal(roomPlaces, 4, 'they are the room\'s now');
  // A friend joins that room at once, whatever the line (the seat is inside the room's promise).
  const { status, body } = await fetchJson(`${base()}/login?room=${roomId}`);
  assert.equal(status, 200, JSON.stringify(body));
  const friend = await enter('friend', { room: { join: { roomId } } });
  assert.equal(returnCodeName(friend.code), 'OK');
  assert.equal(friend.roomId, roomId);
  assert.equal((await line()).waiting, 1, 'the next in line still waits for a place of his own');
});

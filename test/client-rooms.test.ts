/**
 * Rooms end to end through the SDK on real processes (rooms.md): redis-server, 2 appmgrs, 2 login pods (one per
 * appmgr's gRPC), 3 game pods running test/fixtures/game-module/rooms-module.ts (mode `party`, 4 players; it tells
 * each player the room it sees him in). Issue 22's parties: 60 parties of 4 arriving at 200 players/s — a host creates
 * a private room through appmgr A, three friends join it by id through appmgr B; every party is on one pod and, inside
 * the module, in one room; a fifth friend of every party gets ROOM_FULL; an unknown id ROOM_NOT_FOUND (never retried);
 * then `robots --scenario rooms --party 4` in-process.
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import protobuf from 'protobufjs';
import { ClientError, connect, type Session } from '../services/client/index.js';
import { runRobots } from '../services/robots/run.js';
import { messages } from './fixtures/game-module/messages.js';
import { freePort } from './helpers/free-port.js';
import { startService, type ServiceProcess } from './helpers/service-process.js';
import { waitFor } from './helpers/wait-for.js';
import { fetchJson, startCluster, waitRegistered, type TestCluster } from './pod-cluster.js';

const PARTIES = 60;
/** Party members arriving per second: a party of 4 starts every 4/RATE s (its host, then its friends once he has the id). */
const RATE = 200;
// Parsed once: every session shares the Root (a .proto path would be read and parsed again by each connect).
const proto = protobuf.loadSync(new URL('./fixtures/game-module/probe.proto', import.meta.url).pathname);
const MODULE = 'test/fixtures/game-module/rooms-module.ts';
let c: TestCluster;
let appmgrB: ServiceProcess;
let urlA: string;
let urlB: string;

before(async () => {
  // Every player comes from 127.0.0.1: the login pods' per-address bound on room creation (30 a minute by default)
  // would refuse most of the 60 + 20 hosts.
  c = await startCluster({ prefix: 'sdkrooms', env: { ROOM_CREATES_PER_IP_PER_MIN: '0' } });
  const [httpB, adminB, grpcB] = [await freePort(), await freePort(), await freePort()];
  appmgrB = startService('appmgr', { ...c.common, HTTP_PORT: String(httpB), ADMIN_PORT: String(adminB), GRPC_PORT: String(grpcB) });
  await waitFor('appmgr B ready', async () => (await fetchJson(`http://127.0.0.1:${httpB}/readyz`).catch(() => ({ status: 0 }))).status === 200, 30_000, 100);
  await Promise.all([
    c.startPod('login', 'login-a'),
    c.startPod('login', 'login-b', { APPMGR_GRPC: `127.0.0.1:${grpcB}` }),
    c.startPod('game', 'game-a', { GAME_MODULE: MODULE }),
    c.startPod('game', 'game-b', { GAME_MODULE: MODULE }),
    c.startPod('game', 'game-c', { GAME_MODULE: MODULE }),
  ]);
  await waitRegistered(c, 'login', ['login-a', 'login-b']);
  await waitRegistered(c, 'game', ['game-a', 'game-b', 'game-c']);
  urlA = `http://127.0.0.1:${c.appmgr.port}`;
  urlB = `http://127.0.0.1:${httpB}`;
});

after(async () => {
  await appmgrB?.stop();
  await c?.stop();
});

type Ev = { text: string };

/** Resolves `ms` after `t0` (performance.now() time), at once when that is past. */
const at = (t0: number, ms: number) => new Promise<void>((r) => setTimeout(r, Math.max(0, t0 + ms - performance.now())));

const pct = (xs: number[], q: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(q * xs.length))]!;

/** Connects with `room`; resolves the session, the room the module says it put him in (`room <id> <n>`), the connect time. */
async function enter(appmgr: string, account: string, room: Parameters<typeof connect>[0]['room']): Promise<{ s: Session<any, any>; inModule: string; ms: number }> {
  let said!: (t: string) => void;
  let timer: NodeJS.Timeout | undefined;
  const told = new Promise<string>((resolve, reject) => {
    said = resolve;
    timer = setTimeout(() => reject(new Error(`${account}: no Event from onJoin within 10 s`)), 10_000);
  });
  told.catch(() => {});
  try {
    const t0 = performance.now();
    const s = await connect<typeof messages, { Event: Ev }>({ appmgr, account, transport: 'tcp', proto, messages, room, retry: false, on: { Event: (e) => said(e.text) } });
    const ms = performance.now() - t0;
    return { s, inModule: (await told).split(' ')[1] ?? '', ms };
  } finally {
    clearTimeout(timer);
  }
}

test(`${PARTIES} parties of 4 at ${RATE} players/s: create through appmgr A, join by id through appmgr B; all on one pod and in one room inside the module; a fifth gets ROOM_FULL`, async (t) => {
  const sessions: Session<any, any>[] = [];
  const pods = new Map<string, number>();
  const creates: number[] = [];
  const joins: number[] = [];
  let full = 0;
  const t0 = performance.now();
  let lastStart = 0;
  try {
    await Promise.all(
      Array.from({ length: PARTIES }, async (_, p) => {
        await at(t0, (p * 4 * 1000) / RATE);
        lastStart = Math.max(lastStart, performance.now() - t0);
        const host = await enter(urlA, `host-${p}`, { create: { mode: 'party', maxPlayers: 4, isPrivate: true } });
        sessions.push(host.s);
        creates.push(host.ms);
        const id = host.s.room?.id;
        assert.match(id ?? '', /^[23456789ABCDEFGHJKMNPQRSTUVWXYZ]{8}$/, 'a room id from the alphabet');
        assert.equal(host.inModule, id, 'the module sees the host in his room');
        const friends = await Promise.all([1, 2, 3].map((k) => enter(urlB, `friend-${p}-${k}`, { join: id!.toLowerCase() })));
        for (const f of friends) {
          sessions.push(f.s);
          joins.push(f.ms);
          assert.equal(f.s.room?.id, id);
          assert.equal(f.s.gameAddress, host.s.gameAddress, 'on the host’s pod');
          assert.equal(f.inModule, id, 'in the host’s room inside the module');
        }
        pods.set(host.s.gameAddress, (pods.get(host.s.gameAddress) ?? 0) + 1);
        await assert.rejects(connect({ appmgr: urlB, account: `fifth-${p}`, transport: 'tcp', room: { join: id! } }), (e: unknown) => {
          return e instanceof ClientError && e.step === 'enter_game' && e.code === 'ROOM_FULL';
        });
        full++;
      }),
    );
    const s = (performance.now() - t0) / 1000;
    t.diagnostic(`${PARTIES} parties of 4 started over ${(lastStart / 1000).toFixed(2)} s (${((PARTIES - 1) * 4 * 1000 / lastStart).toFixed(0)} players/s; planned ${RATE}), all in and the fifths refused after ${s.toFixed(2)} s; parties per game pod ${JSON.stringify(Object.fromEntries(pods))}`);
    t.diagnostic(`create p50 ${pct(creates, 0.5).toFixed(0)} ms p99 ${pct(creates, 0.99).toFixed(0)} ms; join by id p50 ${pct(joins, 0.5).toFixed(0)} ms p99 ${pct(joins, 0.99).toFixed(0)} ms; ROOM_FULL for ${full}/${PARTIES} fifth players`);
    assert.equal(full, PARTIES);
    assert.equal([...pods.values()].reduce((a, b) => a + b, 0), PARTIES);
    assert.ok(pods.size >= 2, 'rooms are spread over the pods');
  } finally {
    await Promise.all(sessions.map((x) => x.leave()));
  }
});

test('an unknown id: ROOM_NOT_FOUND at enter_game, once (room errors are not retried)', async () => {
  const t0 = performance.now();
  await assert.rejects(connect({ appmgr: urlA, account: 'lost', transport: 'tcp', maxAttempts: 3, room: { join: 'K7QX2MPA' } }), (e: unknown) => {
    return e instanceof ClientError && e.step === 'enter_game' && e.code === 'ROOM_NOT_FOUND';
  });
  assert.ok(performance.now() - t0 < 2000, 'no backoff: a single attempt');
});

test('robots --scenario rooms --party 4: every party together, with the join step’s p50/p99', async (t) => {
  const r = await runRobots({ appmgr: urlA, players: 80, rate: 200, durationS: 0, echoPerSec: 0, scenario: 'rooms', party: 4, mode: 'party' });
  t.diagnostic(`rooms: ${r.rooms?.parties_together}/${r.rooms?.parties} together; join p50 ${r.rooms?.join.p50_ms} ms p99 ${r.rooms?.join.p99_ms} ms; create p50 ${r.rooms?.create.p50_ms} ms`);
  assert.equal(r.failed, 0, JSON.stringify(r.failures));
  assert.equal(r.rooms?.parties, 20);
  assert.equal(r.rooms?.parties_together, 20);
  assert.equal(r.rooms?.join.count, 60);
});

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { pino } from 'pino';
import { Registry } from 'prom-client';
import type { GameSessions } from '../sessions.js';
import type { FrameServer } from '../../socket/frame-server.js';
import { createGameMetrics } from './game-metrics.js';
import { GameHost } from './host.js';
import type { GameDefinition, LeaveReason } from './define.js';
import { loadGameModule } from './load.js';
import { hostConn } from '../../../test/helpers/host-conn.js';

const conn = hostConn;

async function setup(def: Partial<GameDefinition>, graceMs = 1000, opts: { maxPerAddress?: number; resumeMinLiveMs?: number } = {}) {
  const arena = await loadGameModule('arena'); // a real proto and message table
  // arena's proto and message table, none of its hooks
  const game = { ...arena, def: { name: 't', proto: arena.def.proto, messages: arena.def.messages, ...def } as GameDefinition };
  const sent: { socketKey: string; id: number }[] = [];
  const released: string[] = [];
  let stale = 0;
  const live = new Set<string>();
  const server = {
    sendFrame: (idn: { socketKey: string }, id: number) => (live.has(idn.socketKey) ? (sent.push({ socketKey: idn.socketKey, id }), true) : (stale++, false)),
    kick: () => true,
    drop: () => true,
    findByObjectKey: () => undefined,
    // Every fake connection comes from one address; `open` is how many of its sockets are open.
    addressKeyOf: () => '192.0.2.1',
    openFrom: () => open.n,
  } as unknown as FrameServer<any>;
  const open = { n: 0 };
  const sessions = { release: (a: string, s: string) => void released.push(`${a} ${s}`) } as unknown as GameSessions;
  const registry = new Registry();
  let changes = 0;
  const host = new GameHost({ game, server, sessions, metrics: createGameMetrics(registry), logger: pino({ level: 'silent' }), graceMs, ...opts, onCountChanged: () => void changes++ });
  const joinConn = (account: string) => {
    const c = conn(account);
    live.add(c.socketKey);
    const token = host.join(c as never);
    host.joined(c as never);
    return { c, token };
  };
  const drop = (c: ReturnType<typeof conn>, reason = 'peer') => {
    live.delete(c.socketKey);
    c.endReason = reason;
    host.connClosed(c as never);
  };
  return { host, sent, released, stale: () => stale, live, joinConn, drop, registry, changes: () => changes, open };
}

test('away, resume with a single-use token, grace expiry; the session record is released only at the end', async () => {
  const leaves: [string, LeaveReason][] = [];
  const s = await setup({ onLeave: (p, r) => void leaves.push([p.account, r]) }, 60);
  const { c, token } = s.joinConn('ann');
  s.drop(c);
  assert.equal(s.host.away, 1);
  assert.equal(s.host.playerCount, 1);
  assert.deepEqual(s.released, []);
  assert.equal(s.host.resume(conn() as never, 'ann', 'f'.repeat(32)), undefined, 'a wrong token');
  const c2 = conn();
  s.live.add(c2.socketKey);
  const t2 = s.host.resume(c2 as never, 'ann', token)!;
  assert.match(t2, /^[0-9a-f]{32}$/);
  assert.equal(s.host.away, 0);
  assert.equal(s.host.resume(conn() as never, 'ann', token), undefined, 'the used token');
  // The record keeps naming the first connection (the session key).
  s.drop(c2);
  await new Promise((r) => setTimeout(r, 150));
  assert.deepEqual(leaves, [['ann', 'grace_expired']]);
  assert.deepEqual(s.released, [`ann ${c.socketKey}`]);
  assert.equal(s.host.playerCount, 0);
});

test('a kick, a violation, C2G_Leave end the session at once; the drain deadline ends away players as drained', async () => {
  const leaves: [string, LeaveReason][] = [];
  const s = await setup({ onLeave: (p, r) => void leaves.push([p.account, r]) });
  const a = s.joinConn('a');
  s.drop(a.c, 'kicked');
  const b = s.joinConn('b');
  s.drop(b.c, 'bad_body');
  const l = s.joinConn('l');
  s.host.leaveNow(l.c as never);
  assert.ok(l.c.ended);
  const d = s.joinConn('d');
  s.drop(d.c);
  const i = s.joinConn('i');
  s.drop(i.c, 'idle');
  assert.equal(s.host.away, 2, 'FIN/RST and idle start the grace');
  s.host.drainDeadline();
  assert.deepEqual(leaves, [['a', 'kicked'], ['b', 'closed'], ['l', 'left'], ['d', 'drained'], ['i', 'drained']]);
  assert.equal(s.host.playerCount, 0);
});

test('groups: a broadcast encodes once, skips `except`, counts away members stale; empty groups are forgotten', async () => {
  const s = await setup({});
  const ps = ['p1', 'p2', 'p3'].map((a) => s.joinConn(a));
  const g = s.host.group('room');
  for (const { c } of ps) g.add(s.host.players.get(c.objectKey!)!);
  s.drop(ps[2]!.c); // away: still a member
  const before = s.host.encodes;
  const n = g.broadcast('State', { tick: 1, serverTimeMs: 0, room: 'room', players: [] }, { except: s.host.players.get('p1')! });
  assert.equal(n, 1, 'p2 only: p1 excepted, p3 away');
  assert.equal(s.host.encodes - before, 1);
  assert.equal(s.stale(), 1);
  assert.equal((await s.registry.getSingleMetric('gamecluster_game_groups')!.get()).values[0]!.value, 1);
  for (const a of ['p1', 'p2', 'p3']) g.remove(s.host.players.get(a)!);
  assert.equal((await s.registry.getSingleMetric('gamecluster_game_groups')!.get()).values[0]!.value, 0);
  assert.throws(() => g.broadcast('Move', {}), /Move is not a server message/);
});

test('timers run while draining and are cleared at close', async () => {
  let fired = 0;
  const s = await setup({});
  s.host.drainStarted();
  s.host.ctx.setTimer(10, () => void fired++, { repeat: true });
  await new Promise((r) => setTimeout(r, 60));
  assert.ok(fired >= 2, `fired ${fired}`);
  s.host.close();
  const at = fired;
  await new Promise((r) => setTimeout(r, 40));
  assert.equal(fired, at);
});

test('a drop whose address holds MAX_CONNECTIONS_PER_IP in open connections and away players ends the session', async () => {
  const leaves: [string, LeaveReason][] = [];
  const s = await setup({ onLeave: (p, r) => void leaves.push([p.account, r]) }, 10_000, { maxPerAddress: 2 });
  const players = ['a', 'b', 'c'].map((x) => s.joinConn(x));
  s.drop(players[0]!.c);
  s.drop(players[1]!.c);
  assert.equal(s.host.away, 2, 'two away: within the budget of 2');
  s.drop(players[2]!.c);
  assert.equal(s.host.away, 2);
  assert.deepEqual(leaves, [['c', 'closed']], 'the third ends: 0 open + 2 away + him > 2');
  // Resuming one frees its away seat; with one socket open (the resumed one), a next drop fits again.
  const c2 = conn();
  s.live.add(c2.socketKey);
  s.open.n = 1;
  assert.ok(s.host.resume(c2 as never, 'a', players[0]!.token));
  s.open.n = 0;
  s.drop(c2);
  assert.equal(s.host.away, 2, '0 open + 1 away + him = 2');
  const refused = (await s.registry.getSingleMetric('gamecluster_resume_grace_refused_total')!.get()).values;
  assert.deepEqual(refused.map((v) => [v.labels.reason, v.value]), [['max_per_ip', 1]]);
  s.host.close();
});

test('a drop within RESUME_MIN_LIVE_MS of resuming keeps the grace it resumed from, and ends at once once it has passed', async () => {
  const leaves: [string, LeaveReason][] = [];
  const s = await setup({ onLeave: (p, r) => void leaves.push([p.account, r]) }, 120, { resumeMinLiveMs: 10_000 });
  const { c, token } = s.joinConn('cycler');
  const t0 = Date.now();
  s.drop(c);
  let tok = token;
  // Resume and drop in turn, faster than RESUME_MIN_LIVE_MS: the first grace's deadline stands.
  while (leaves.length === 0 && Date.now() - t0 < 2000) {
    const cn = conn();
    s.live.add(cn.socketKey);
    const t = s.host.resume(cn as never, 'cycler', tok);
    if (t === undefined) break;
    tok = t;
    s.drop(cn);
    await new Promise((r) => setTimeout(r, 20));
  }
  const kept = Date.now() - t0;
  assert.deepEqual(leaves, [['cycler', 'grace_expired']]);
  assert.ok(kept < 120 + 100, `kept away ${kept} ms by resuming in turn (grace 120 ms)`);
});

test('a resume token that is not 32 hex characters is TOKEN_INVALID, never an exception', async () => {
  const s = await setup({});
  s.joinConn('tok');
  for (const bad of ['é'.padEnd(32, 'a'), 'Ω'.repeat(16), 'z'.repeat(32), '', 'a'.repeat(31), 'a'.repeat(64)]) {
    assert.equal(s.host.resume(conn() as never, 'tok', bad), undefined, JSON.stringify(bad));
  }
  s.host.close();
});

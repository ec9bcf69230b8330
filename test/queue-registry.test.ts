/**
 * The admission queue's Redis layer (services/registry/redis-queue.ts, queue-lua.ts) against a real redis-server:
 * FIFO positions, admission of exactly the head into the places really free (counted as the pick counts them), the
 * admission each admitted ticket gets, AllocateGame's queued pick — only an admission consumes held places, none is
 * NO_APP while tickets wait, CLUSTER_CAPACITY bounds the others; the older rule while a login pod without the
 * `admission` capability lives —, a ticket for n places, the per-address and length limits, expiry of unpolled
 * tickets, the frozen line after a gap, and a stress of concurrent tickers on separate connections: no ticket admitted
 * twice, admission in ticket order, never past capacity in any atomic sample.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { setTimeout as sleep } from 'node:timers/promises';
import type { Redis } from 'ioredis';
import { createLogger } from '../services/platform/logger.js';
import { closeRedis, createRedisClient, RedisAppSelector, RedisHeartbeatWriter, RedisTokenStore, waitReady } from '../services/registry/index.js';
import { RedisQueue, type PollResult, type RedisQueueOptions } from '../services/registry/redis-queue.js';
import { LINE } from '../services/registry/redis-selector.js';
import { RedisRoomAllocator } from '../services/registry/redis-rooms.js';
import { samplePlaces } from './helpers/queue-sample.js';
import { startRedis, type TestRedis } from './helpers/redis-server.js';
import { waitFor } from './helpers/wait-for.js';
import { assertKeysDeclared } from './helpers/script-keys.js';

const logger = createLogger('test', 'silent');
let redis: TestRedis;
const clients: Redis[] = [];
const writers: RedisHeartbeatWriter[] = [];

before(async () => {
  redis = await startRedis();
});

after(async () => {
  await Promise.all(writers.map((w) => w.stop()));
  await Promise.all(clients.map((c) => closeRedis(c)));
  await redis.stop();
});

async function client(): Promise<Redis> {
  const c = createRedisClient({ url: redis.url, logger });
  assert.ok(await waitReady(c, 5000));
  clients.push(c);
  return c;
}

interface FakeGame {
  online: number;
  counted: number;
  writer: RedisHeartbeatWriter;
}

async function game(c: Redis, prefix: string, appId: string, capacity: number, online: number): Promise<FakeGame> {
  const g: FakeGame = { online, counted: 0, writer: undefined as unknown as RedisHeartbeatWriter };
  g.writer = new RedisHeartbeatWriter(c, {
    prefix, heartbeatMs: 50, appTtlMs: 10_000, logger,
    source: { appId, appType: 'game', ip: '127.0.0.1', port: 7000, capacity, online: () => g.online, draining: () => false, redeemsCounted: () => g.counted, incarnation: () => 'i1' },
  });
  writers.push(g.writer);
  await g.writer.start();
  return g;
}

function queue(c: Redis, prefix: string, o: Partial<RedisQueueOptions> = {}): RedisQueue {
  return new RedisQueue(c, { prefix, appTtlMs: 10_000, clusterCapacity: 0, ticketTtlMs: 30_000, admitMs: 30_000, ...o });
}

test('FIFO positions; exactly the head is admitted into freed places; the others move up', async () => {
  const c = await client();
  const g = await game(c, 'q1', 'g1', 40, 40);
  const q = queue(c, 'q1');
  const tickets: string[] = [];
  for (let i = 1; i <= 30; i++) {
    const r = await q.enqueue();
    assert.equal(r.kind, 'queued');
    if (r.kind !== 'queued') return;
    assert.equal(r.position, i);
    assert.equal(r.etaS, -1, 'no admission measured yet: unknown');
    tickets.push(r.ticket);
  }
  let t = await q.tick();
  assert.deepEqual([t.waiting, t.held, t.admitted.length, t.blocksPlain], [30, 0, 0, true]);
  g.online = 30;
  await g.writer.beatNow();
  t = await q.tick();
  assert.deepEqual(t.admitted.map((a) => a.ticket), tickets.slice(0, 10));
  assert.deepEqual([t.waiting, t.held, t.available], [20, 10, 0]);
  t = await q.tick();
  assert.equal(t.admitted.length, 0, 'held places are taken: nobody more');
  const admissions = new Set<string>();
  for (let i = 0; i < 10; i++) {
    const p = await q.poll(tickets[i]!);
    assert.equal(p.kind, 'admitted');
    if (p.kind !== 'admitted') return;
    assert.match(p.admission, /^[0-9a-f]{32}$/);
    assert.notEqual(p.admission, tickets[i]);
    assert.deepEqual(await q.poll(tickets[i]!), { kind: 'admitted', admission: p.admission, early: true }, 'the same admission on every 200 poll (and a poll at once is early)');
    admissions.add(p.admission);
  }
  assert.equal(admissions.size, 10, 'one admission per ticket');
  for (let i = 10; i < 30; i++) {
    const p = await q.poll(tickets[i]!);
    assert.equal(p.kind, 'wait');
    if (p.kind === 'wait') {
      assert.equal(p.position, i - 9);
      assert.ok(p.etaS >= 0, 'an admission rate is known now');
      assert.ok(p.retryAfterS >= 1 && p.retryAfterS <= 5);
    }
  }
  assert.deepEqual(await q.poll('f'.repeat(32)), { kind: 'gone' });
  assert.deepEqual(await q.poll('not-a-ticket'), { kind: 'gone' });
});

const admissionOf = (p: PollResult): string => {
  assert.equal(p.kind, 'admitted');
  return p.kind === 'admitted' ? p.admission : '';
};

// Changed by contract (issue 23): an AllocateGame no longer consumes the oldest held place whoever asks — only the
// admission of the ticket that holds it does; `?queue=1` with places free holds nothing.
test('only an admission consumes its held place; without one NO_APP while tickets wait; CLUSTER_CAPACITY bounds the rest', async () => {
  const c = await client();
  const g = await game(c, 'q2', 'g1', 100, 5);
  const q = queue(c, 'q2', { clusterCapacity: 8 });
  const sel = new RedisAppSelector(c, { prefix: 'q2', appTtlMs: 10_000, strategy: 'least_loaded', logger, reservationMs: 10_000, script: q.pickScriptDef(), admissions: true });
  // 3 places free under the cluster cap and nobody waits: a newcomer is told to go, and holds nothing.
  assert.deepEqual(await q.enqueue(), { kind: 'go' });
  assert.deepEqual(await samplePlaces(c, 'q2'), { online: 5, exact: 5, capacity: 100, held: 0, waiting: 0, headSeq: 0, lastSeq: 0 });
  assert.equal((await sel.pick('game', 'acc-go')).ok, true, 'he races for a free place like a plain /login');
  g.online = 7; // + the reservation of acc-go: 8 = the cluster cap
  await g.writer.beatNow();
  const a = await q.enqueue();
  const b = await q.enqueue();
  assert.ok(a.kind === 'queued' && b.kind === 'queued');
  assert.equal([a.position, b.position].join(), '1,2');
  assert.equal(await sel.pick('game', 'acc0'), LINE, 'tickets wait: no admission, no place (NO_APP)');
  g.online = 6;
  await g.writer.beatNow();
  const t = await q.tick();
  assert.equal(t.admitted.length, 1);
  assert.equal(t.blocksPlain, true);
  assert.deepEqual(await samplePlaces(c, 'q2'), { online: 6, exact: 7, capacity: 100, held: 1, waiting: 1, headSeq: 2, lastSeq: 2 });
  const admA = admissionOf(await q.poll(a.ticket));
  assert.equal(await sel.pick('game', 'jumper'), LINE, 'a line jumper never takes the held place');
  assert.equal(await sel.pick('game', 'jumper', 'tcp', 'f'.repeat(32)), LINE, 'nor with a made-up admission');
  assert.equal((await samplePlaces(c, 'q2')).held, 1);
  const p1 = await sel.pick('game', 'acc1', 'tcp', admA);
  assert.equal(p1.ok, true, 'the admission consumes its held place');
  assert.deepEqual(await samplePlaces(c, 'q2'), { online: 6, exact: 8, capacity: 100, held: 0, waiting: 1, headSeq: 2, lastSeq: 2 });
  assert.equal((await sel.pick('game', 'acc1', 'tcp', admA)).ok, true, 'a retried AllocateGame replaces what the account holds');
  assert.equal(await sel.pick('game', 'acc2', 'tcp', admA), LINE, 'bound to acc1: for another account it counts as absent');
  assert.deepEqual(await samplePlaces(c, 'q2'), { online: 6, exact: 8, capacity: 100, held: 0, waiting: 1, headSeq: 2, lastSeq: 2 });
  // b is admitted when a place frees; a batch mixing him with jumpers: only he gets in, in any order.
  g.online = 5;
  await g.writer.beatNow();
  assert.equal((await q.tick()).admitted.length, 1);
  const admB = admissionOf(await q.poll(b.ticket));
  const batch = await Promise.all([sel.pick('game', 'j1'), sel.pick('game', 'acc-b', 'tcp', admB), sel.pick('game', 'j2')]);
  assert.deepEqual(batch.map((r) => r.ok), [false, true, false]);
  assert.equal((await samplePlaces(c, 'q2')).held, 0);
  // Nobody waits now, but nothing is free under the cap either.
  assert.equal((await sel.pick('game', 'j3')).ok, false);
});

test('mixed versions: while a login pod without `admission` lives, every AllocateGame consumes the oldest held place', async () => {
  const c = await client();
  const g = await game(c, 'q6', 'g1', 10, 10);
  let enforce = false;
  const q = queue(c, 'q6', { enforceAdmission: () => enforce });
  const sel = new RedisAppSelector(c, { prefix: 'q6', appTtlMs: 10_000, strategy: 'least_loaded', logger, script: q.pickScriptDef(), admissions: true });
  const a = await q.enqueue();
  const b = await q.enqueue();
  assert.ok(a.kind === 'queued' && b.kind === 'queued');
  g.online = 8;
  await g.writer.beatNow();
  assert.equal((await q.tick()).admitted.length, 2);
  assert.equal((await sel.pick('game', 'old-login-player')).ok, true, 'the old rule: no admission needed');
  assert.equal((await samplePlaces(c, 'q6')).held, 1, 'it consumed one held place');
  enforce = true;
  assert.equal((await sel.pick('game', 'jumper')).ok, false, 'every login forwards admissions now: none, no held place');
  // The old rule took the oldest held place — a's or b's (equal scores: by ticket bytes, random): the admission
  // whose place is left enters and consumes it; the other's place went to the old-version player.
  const admA = admissionOf(await q.poll(a.ticket));
  const admB = admissionOf(await q.poll(b.ticket));
  const entered = [(await sel.pick('game', 'acc-a', 'tcp', admA)).ok, (await sel.pick('game', 'acc-b', 'tcp', admB)).ok];
  assert.equal(entered.filter(Boolean).length, 1, JSON.stringify(entered));
  assert.equal((await samplePlaces(c, 'q6')).held, 0);
});

test('a ticket for n places waits at the head until n are free; limits: tickets per address, the line length', async () => {
  const c = await client();
  const g = await game(c, 'q7', 'g1', 10, 10);
  const q = queue(c, 'q7', { ticketsPerIp: 3, maxLength: 5 });
  const host = await q.enqueue(4, '10.0.0.1');
  const next = await q.enqueue(1, '10.0.0.1');
  assert.ok(host.kind === 'queued' && next.kind === 'queued');
  g.online = 7; // 3 free: not enough for the host, and nobody passes him
  await g.writer.beatNow();
  assert.equal((await q.tick()).admitted.length, 0);
  g.online = 5;
  await g.writer.beatNow();
  const t = await q.tick();
  assert.deepEqual(t.admitted.map((x) => x.ticket), [host.ticket, next.ticket], '4 for the host, then 1');
  assert.equal(t.held, 5);
  const third = await q.enqueue(1, '10.0.0.1');
  assert.equal(third.kind === 'queued' && third.position, 1);
  assert.deepEqual(await q.enqueue(1, '10.0.0.1'), { kind: 'refused', reason: 'tickets_per_ip' }, 'admitted tickets are live: 3 per address');
  for (let i = 0; i < 4; i++) assert.equal((await q.enqueue(1, `10.0.1.${i}`)).kind, 'queued');
  assert.deepEqual(await q.enqueue(1, '10.0.2.1'), { kind: 'refused', reason: 'queue_max' });
});

test('unpolled tickets expire; an admission not used lapses and frees its place; a gap freezes the line', async () => {
  const c = await client();
  const g = await game(c, 'q3', 'g1', 10, 10);
  const q = queue(c, 'q3', { ticketTtlMs: 400, admitMs: 400, freezeMs: 300 });
  const x = await q.enqueue();
  const y = await q.enqueue();
  assert.ok(x.kind === 'queued' && y.kind === 'queued');
  const keep = setInterval(() => void q.poll(y.ticket).catch(() => undefined), 100);
  try {
    let expired = 0;
    for (let i = 0; i < 12; i++) {
      await sleep(100);
      expired += (await q.tick()).expired;
    }
    assert.equal(expired, 1, 'the unpolled ticket expired, the polled one did not');
    assert.deepEqual(await q.poll(x.ticket), { kind: 'gone' });
    const w = await q.poll(y.ticket);
    assert.equal(w.kind === 'wait' && w.position, 1);
    g.online = 9;
    await g.writer.beatNow();
    assert.equal((await q.tick()).admitted.length, 1);
  } finally {
    clearInterval(keep);
  }
  // Not used: after admitMs the place is free again and the admission lapses (a poll then says gone).
  await waitFor('the lapsed place', async () => (await q.tick()).held === 0, 3000, 100);
  assert.deepEqual(await q.poll(y.ticket), { kind: 'gone' });
  // A gap with no queue script at all (every appmgr cut off) does not age the tickets.
  g.online = 10;
  await g.writer.beatNow();
  const z = await q.enqueue();
  assert.equal(z.kind, 'queued');
  await sleep(900);
  const after = await q.tick();
  assert.equal(after.expired, 0, 'the gap froze the line');
  assert.equal(z.kind === 'queued' && (await q.poll(z.ticket)).kind, 'wait');
});

test('stress: concurrent tickers on two connections never admit twice, out of order, or past capacity', async (t) => {
  const [c1, c2, c3] = [await client(), await client(), await client()];
  const CAP = 20;
  const games = [await game(c3, 'q4', 'g1', CAP / 2, CAP / 2), await game(c3, 'q4', 'g2', CAP / 2, CAP / 2)];
  const qs = [queue(c1, 'q4', { admitMs: 60_000 }), queue(c2, 'q4', { admitMs: 60_000 })];
  const sels = [c1, c2].map((c, i) => new RedisAppSelector(c, { prefix: 'q4', appTtlMs: 10_000, strategy: 'least_loaded', logger, reservationMs: 30_000, script: qs[i]!.pickScriptDef(), admissions: true }));
  const tokens = [c1, c2].map((c) => new RedisTokenStore(c, { prefix: 'q4', tokenTtlMs: 30_000 }));
  const N = 120;
  const order: string[] = [];
  for (let i = 0; i < N; i++) {
    const r = await qs[i % 2]!.enqueue();
    assert.equal(r.kind, 'queued');
    if (r.kind === 'queued') order.push(r.ticket);
  }
  const batches: string[][] = [];
  let over = 0;
  let samples = 0;
  let done = false;
  // Players: each admitted ticket does the real AllocateGame + token + redeem chain; the pod counts him; players
  // leave steadily (the pod's online drops), so the line drains.
  const joins: Promise<void>[] = [];
  const join = async (i: number, ticket: string) => {
    const s = i % 2;
    const adm = admissionOf(await qs[s]!.poll(ticket));
    const p = await sels[s]!.pick('game', `acc-${ticket}`, 'tcp', adm);
    assert.ok(p.ok, 'an admitted player always finds his place');
    if (!p.ok) return;
    const tok = await tokens[s]!.issue(`acc-${ticket}`, p.app.appId);
    assert.equal(await tokens[1 - s]!.redeem(tok, `acc-${ticket}`, p.app.appId), 'ok');
    const g = games[p.app.appId === 'g1' ? 0 : 1]!;
    g.online++;
    g.counted++;
  };
  const ticker = async (i: number) => {
    while (!done) {
      const r = await qs[i]!.tick();
      if (r.admitted.length > 0) {
        batches.push(r.admitted.map((a) => a.ticket));
        r.admitted.forEach((a, j) => joins.push(join(i + j, a.ticket)));
      }
      await sleep(1);
    }
  };
  const leaver = async () => {
    while (!done) {
      await sleep(15);
      const g = games[Math.floor(Math.random() * 2)]!;
      if (g.online > 0) g.online--;
    }
  };
  const sampler = async () => {
    while (!done) {
      const s = await samplePlaces(c3, 'q4');
      samples++;
      if (s.exact + s.held > CAP) over++;
      await sleep(2);
    }
  };
  const runners = [ticker(0), ticker(1), leaver(), sampler()];
  await waitFor('every ticket admitted', () => batches.flat().length === N, 30_000, 50);
  done = true;
  await Promise.all(runners);
  await Promise.all(joins);
  t.diagnostic(`${batches.length} admission batches, ${samples} atomic samples`);
  assert.equal(over, 0, 'never past capacity (taken + held)');
  const flat = batches.flat();
  assert.equal(new Set(flat).size, N, 'no ticket admitted twice');
  // Each batch is a contiguous run of the ticket order; sorted by first ticket they rebuild it exactly.
  const idx = new Map(order.map((t, i) => [t, i]));
  const rebuilt = [...batches].sort((a, b) => idx.get(a[0]!)! - idx.get(b[0]!)!).flat();
  assert.deepEqual(rebuilt, order, 'admission order = ticket order');
});

test('every key a queue script touches is passed in KEYS (MONITOR over every queue operation)', async (t) => {
  const c = await client();
  await assertKeysDeclared(t, await client(), '{q5}:', { scripts: 9, keyed: 51 }, async () => {
    const g1 = await game(c, 'q5', 'g1', 3, 2);
    await game(c, 'q5', 'g2', 3, 3);
    const q = queue(c, 'q5', { clusterCapacity: 6, ticketTtlMs: 1000, ticketsPerIp: 10 });
    const sel = new RedisAppSelector(c, { prefix: 'q5', appTtlMs: 10_000, strategy: 'least_loaded', logger, script: q.pickScriptDef(), admissions: true });
    const rooms = new RedisRoomAllocator(c, { prefix: 'q5', appTtlMs: 10_000, strategy: 'least_loaded', clusterCapacity: 6, queue: { ...q.roomKeys, enforce: () => true } });
    assert.equal((await q.enqueue(1, '10.1.1.1')).kind, 'go');
    assert.ok((await sel.pick('game', 'acc1')).ok, 'the free place, raced for');
    const a = await q.enqueue(1, '10.1.1.1');
    const b = await q.enqueue(1, '10.1.1.1');
    assert.ok(a.kind === 'queued' && b.kind === 'queued');
    await q.poll(a.ticket);
    await q.head(5);
    assert.equal(await sel.pick('game', 'jumper'), LINE);
    g1.online = 1;
    await g1.writer.beatNow();
    assert.equal((await q.tick()).admitted.length, 1);
    const adm = admissionOf(await q.poll(a.ticket));
    await q.extend(a.ticket);
    const room = await rooms.allocate({ create: { mode: 'duel', maxPlayers: 2, isPrivate: false, labels: {} } }, [{ account: 'host' }], { transport: 'tcp', seatMs: 10_000, issueTokens: false, admission: adm });
    assert.deepEqual(room, { ok: false, code: 'ROOM_INVALID' }, 'no pod declares the mode (the queue keys were read all the same)');
    await sleep(1100);
    assert.equal((await q.tick()).expired, 1, 'b was never polled');
    assert.ok((await sel.pick('game', 'acc2', 'tcp', adm)).ok);
  });
});

/**
 * Issue 23's queue acceptance, part 1 (docs/queue.md "Abuse"), replaying the review's attacks on real processes
 * (redis-server, appmgr, a login and a game pod of CAPACITY 20 as child processes):
 * - queue holding: 100 `?queue=1` that are never used, while places are free and nobody waits, hold nothing — plain
 *   `/login` answers at once, the next real player enters at once, and the 20 places are all the real players';
 * - one address cannot hold more than QUEUE_TICKETS_PER_IP live tickets (IPv4, and IPv6 counted per /64);
 * - 2,000 early polls of one live ticket are charged to LOGIN_RATE_PER_IP: 429s, almost without a Redis call.
 * Client addresses are told apart with X-Forwarded-For (TRUST_PROXY=127.0.0.1), as behind an ingress.
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Redis } from 'ioredis';
import { closeRedis } from '../services/registry/index.js';
import type { FrameClient } from '../services/socket/frame-client.js';
import { clusterRedis, fetchJson, metric, play, startLoginGame, type TestCluster } from './pod-cluster.js';
import { waitFor } from './helpers/wait-for.js';

const CAPACITY = 20;
const PER_IP = 8;
const RATE = 10;
let c: TestCluster;
let redis: Redis;
const inGame: FrameClient[] = [];

before(async () => {
  ({ c } = await startLoginGame({
    prefix: 'qabuse',
    env: { HEARTBEAT_MS: '200', LOG_LEVEL: 'warn' },
    appmgrEnv: { QUEUE_TICKETS_PER_IP: String(PER_IP), LOGIN_RATE_PER_IP: String(RATE), TRUST_PROXY: '127.0.0.1', QUEUE_TICK_MS: '100' },
    gameEnv: { CAPACITY: String(CAPACITY) },
  }));
  redis = await clusterRedis(c);
});

after(async () => {
  for (const g of inGame) g.destroy();
  if (redis) await closeRedis(redis);
  await c?.stop();
});

interface Answer {
  status: number;
  body: { returncode: number; ip: string; port: number; ticket?: string; position?: number; admission?: string };
  retryAfter: string | null;
}

async function get(query: string, from: string): Promise<Answer> {
  const res = await fetch(`http://127.0.0.1:${c.appmgr.port}/login${query}`, { headers: { 'x-forwarded-for': from }, signal: AbortSignal.timeout(5000) });
  return { status: res.status, body: (await res.json()) as Answer['body'], retryAfter: res.headers.get('retry-after') };
}

const tally = (answers: Answer[]) => {
  const out: Record<string, number> = {};
  for (const a of answers) out[`${a.status}/${a.body.returncode}`] = (out[`${a.status}/${a.body.returncode}`] ?? 0) + 1;
  return out;
};

const line = async () => (await fetchJson(`http://127.0.0.1:${c.appmgr.metricsPort}/queue`)).body as { waiting: number; held: number; available: number };

test('queue holding: 100 ?queue=1 never used hold nothing; plain /login and the next real player enter at once', async (t) => {
  // The review's attack: with places free and nobody waiting, every `?queue=1` held a place for QUEUE_ADMIT_MS.
  const t0 = performance.now();
  const attack = await Promise.all(Array.from({ length: 100 }, (_, i) => get('?queue=1', `10.66.0.${i + 1}`)));
  t.diagnostic(`100 × ?queue=1 (never used) in ${(performance.now() - t0).toFixed(0)} ms: ${JSON.stringify(tally(attack))}`);
  assert.deepEqual(tally(attack), { '200/0': 100 }, 'places free, nobody waiting: straight to a login');
  assert.ok(attack.every((a) => a.body.admission === undefined), 'no admission: nothing is held for them');
  // One tick later the line still holds nothing.
  await waitFor('a tick after the attack', async () => (await metric(c.appmgr.metricsPort, 'gamecluster_queue_held_places')) === 0, 3000, 50);
  const q = await line();
  t.diagnostic(`after the attack: waiting ${q.waiting}, held ${q.held}`);
  assert.deepEqual([q.waiting, q.held], [0, 0]);
  const plain = await get('', '10.1.1.1');
  assert.deepEqual([plain.status, plain.body.returncode], [200, 0], 'plain /login answers at once');
  // `play` asserts every step answers OK at the first try: /login 200, EnterGame OK, the game's token login OK.
  const v0 = performance.now();
  inGame.push((await play(c, 'victim')).client);
  const victimMs = performance.now() - v0;
  // The 19 other places are the real players' too.
  for (let i = 1; i < CAPACITY; i++) inGame.push((await play(c, `real-${i}`)).client);
  t.diagnostic(`the next real player entered in ${victimMs.toFixed(0)} ms (the review: 503/4 for 30 s, in after ≈ 33 s); then ${CAPACITY - 1} more filled the game to ${CAPACITY}/${CAPACITY}`);
});

test(`one address cannot hold more than QUEUE_TICKETS_PER_IP (${PER_IP}) tickets; IPv6 is counted per /64`, async (t) => {
  await waitFor('the game seen full', async () => (await metric(c.appmgr.metricsPort, 'gamecluster_cluster_online_players', { app_type: 'game' })) === CAPACITY, 5000, 50);
  // 20 from one address (its rate budget is 2 × 10 = 20 at once, so only the ticket limit refuses).
  const v4: Answer[] = [];
  for (let i = 0; i < 20; i++) v4.push(await get('?queue=1', '10.2.0.1'));
  const tickets4 = v4.filter((a) => a.status === 202).length;
  t.diagnostic(`one IPv4 address, 20 × ?queue=1: ${tickets4} tickets, ${JSON.stringify(tally(v4))}`);
  assert.equal(tickets4, PER_IP);
  assert.ok(v4.filter((a) => a.status === 429).every((a) => a.body.returncode === 6 && Number(a.retryAfter) >= 1));
  // Rotating addresses inside one /64 buys nothing: 12 addresses of 2001:db8:7:7::/64 share one budget.
  const v6 = [];
  for (let i = 1; i <= 12; i++) v6.push(await get('?queue=1', `2001:db8:7:7::${i.toString(16)}`));
  t.diagnostic(`12 addresses of one IPv6 /64: ${JSON.stringify(tally(v6))}`);
  assert.deepEqual(tally(v6), { '202/9': PER_IP, '429/6': 12 - PER_IP });
  assert.equal((await get('?queue=1', '2001:db8:7:8::1')).status, 202, 'the next /64 is another client');
  assert.equal((await get('?queue=1', '10.2.0.2')).status, 202, 'and so is another IPv4 address');
  assert.equal(await metric(c.appmgr.metricsPort, 'gamecluster_queue_refused_total', { reason: 'tickets_per_ip' }), 20 - PER_IP + (12 - PER_IP));
  assert.equal((await line()).waiting, 2 * PER_IP + 2);
});

test('2,000 early polls of one live ticket → 429s, answered without a Redis call each', async (t) => {
  const from = '10.3.0.1';
  const first = await get('?queue=1', from);
  assert.equal(first.status, 202);
  const ticket = first.body.ticket!;
  const evalsha = async () => Number(/cmdstat_evalsha:calls=(\d+)/.exec(await redis.info('commandstats'))?.[1] ?? 0);
  const calls0 = await evalsha();
  const t0 = performance.now();
  const answers: Answer[] = [];
  for (let batch = 0; batch < 40; batch++) answers.push(...(await Promise.all(Array.from({ length: 50 }, () => get(`?ticket=${ticket}`, from)))));
  const ms = performance.now() - t0;
  const calls = (await evalsha()) - calls0;
  const counts = tally(answers);
  t.diagnostic(`2,000 polls in ${ms.toFixed(0)} ms: ${JSON.stringify(counts)}; Redis script calls meanwhile (ticks and heartbeats included): ${calls}`);
  assert.equal(answers.length, 2000);
  assert.ok((counts['429/6'] ?? 0) >= 2000 - 2 * RATE - Math.ceil((RATE * ms) / 1000), `early polls are refused past the budget: ${JSON.stringify(counts)}`);
  assert.equal((counts['429/6'] ?? 0) + (counts['202/9'] ?? 0), 2000);
  assert.ok(calls < 400, `the refused polls cost no Redis call (${calls} script calls in all)`);
  assert.ok((await metric(c.appmgr.metricsPort, 'gamecluster_queue_refused_total', { reason: 'early_poll' })) >= counts['429/6']!);
  // The ticket is still live: polled on time (after its Retry-After) it answers as before.
  const last = answers.filter((a) => a.status === 202).pop()!;
  await new Promise((r) => setTimeout(r, Number(last.retryAfter) * 800 + 200));
  const later = await get(`?ticket=${ticket}`, from);
  assert.equal(later.status, 202, 'the 429s cost the ticket nothing: it kept its place');
});

/**
 * The SDK and the robots in the admission queue (queue.md) against real processes (appmgr with CLUSTER_CAPACITY=2, a
 * login, a game): with the cluster full, `connect({ queue: true })` gets a ticket, reports its place (`queue` events),
 * polls at the Retry-After pace and gets in once a player leaves, timing its wait (`queue_wait`); `robots --queue`
 * lets a wave larger than the cluster in as robots leave, with 0 failures and the wait in the report (optional field).
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { connect, type QueueUpdate, type TimingEvent } from '../services/client/index.js';
import { runRobots } from '../services/robots/run.js';
import { startLoginGame, type TestCluster } from './pod-cluster.js';

let c: TestCluster;
let appmgr: string;

before(async () => {
  ({ c, appmgr } = await startLoginGame({ prefix: 'sdkqueue', appmgrEnv: { CLUSTER_CAPACITY: '2', QUEUE_TICK_MS: '50' } }));
});

after(async () => {
  await c?.stop();
});

test('a full cluster: connect({queue: true}) waits in line, reports its place and gets in when a player leaves', async (t) => {
  const a = await connect({ appmgr, account: 'q-a', retry: false });
  const b = await connect({ appmgr, account: 'q-b', retry: false });
  const updates: QueueUpdate[] = [];
  const timings: TimingEvent[] = [];
  const waiting = connect({ appmgr, account: 'q-c', queue: true, retry: false, on: { queue: (u) => updates.push(u), timing: (e) => timings.push(e) } });
  const t0 = Date.now();
  while (updates.length === 0 && Date.now() - t0 < 10_000) await new Promise((r) => setTimeout(r, 20));
  assert.ok(updates.length >= 1, 'a queue event');
  assert.equal(updates[0]!.position, 1);
  assert.equal(typeof updates[0]!.etaS, 'number'); // -1 while the server has no admission rate yet
  await a.leave();
  const s = await waiting;
  assert.equal(s.state, 'online');
  const wait = timings.find((e) => e.step === 'queue_wait');
  assert.ok(wait && wait.ms > 0, 'queue_wait timed');
  assert.deepEqual(timings.map((e) => e.step), ['queue_wait', 'http_login', 'account_check', 'enter_game', 'game_login']);
  t.diagnostic(`waited ${wait.ms.toFixed(0)} ms in line, ${updates.length} queue events`);
  await Promise.all([b.leave(), s.leave()]);
});

test('robots --queue: a wave of 6 on a cluster of 2 gets in as robots leave, 0 failures, wait reported', async (t) => {
  const r = await runRobots({ appmgr, players: 6, rate: 50, durationS: 0.5, echoPerSec: 2, queue: true, stepTimeoutMs: 10_000 });
  assert.equal(r.failed, 0, JSON.stringify(r.failures));
  assert.equal(r.ok, 6);
  assert.equal(r.options.queue, true);
  assert.ok(r.queue_wait && r.queue_wait.count >= 1, `queue_wait ${JSON.stringify(r.queue_wait)}`);
  t.diagnostic(`queue_wait ${JSON.stringify(r.queue_wait)}`);
});

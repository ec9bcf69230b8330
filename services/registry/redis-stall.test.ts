/**
 * Unit tests of the "silent Redis" bounds with a fake client whose scripts never answer (or answer late): the pick
 * batch deadline (each waiter answered exactly once, a late reply ignored), the bounded pick queue (SHED), and the
 * heartbeat's own timer (an unanswered beat is abandoned; the next ones still run).
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import type { Redis } from 'ioredis';
import { createLogger } from '../platform/logger.js';
import { RedisHeartbeatWriter } from './redis-heartbeat.js';
import { RedisAppSelector, SHED } from './redis-selector.js';
import type { PickResult } from './types.js';

const logger = createLogger('test', 'silent');

/** A client whose every script call is held until `release(reply)` (or forever). */
function silentRedis(commandTimeout = 100) {
  const held: { resolve: (v: unknown) => void }[] = [];
  const fake = {
    status: 'ready',
    options: { commandTimeout },
    calls: 0,
    defineCommand(name: string) {
      (fake as unknown as Record<string, unknown>)[name] = () => {
        fake.calls++;
        return new Promise((resolve) => held.push({ resolve }));
      };
    },
  };
  return { redis: fake as unknown as Redis, fake, releaseAll: (v: unknown) => held.splice(0).forEach((h) => h.resolve(v)) };
}

test('a pick batch Redis does not answer is answered redis_down at the deadline, once; the late reply is ignored', async () => {
  const { redis, fake, releaseAll } = silentRedis(100);
  const sel = new RedisAppSelector(redis, { prefix: 't', appTtlMs: 1000, strategy: 'least_loaded', logger });
  const answers: PickResult[][] = [[], [], []];
  const t0 = Date.now();
  // The three picks of this turn go in one call; all are answered at its deadline.
  for (let i = 0; i < 3; i++) sel.pickWith('login', '', (r) => answers[i]!.push(r));
  await sleep(300);
  assert.deepEqual(answers.map((a) => a.map((r) => (r.ok ? 'ok' : r.reason))), [['redis_down'], ['redis_down'], ['redis_down']]);
  assert.ok(Date.now() - t0 < 1000);
  // The script finally answers: nobody is answered twice.
  releaseAll(['a', '127.0.0.1', '1', 'a', '127.0.0.1', '1', 'a', '127.0.0.1', '1']);
  await sleep(10);
  assert.deepEqual(answers.map((a) => a.length), [1, 1, 1]);
  // The queue was released at the deadline: a new pick goes to Redis at the end of this turn (no wait behind the
  // stuck call).
  const before = fake.calls;
  sel.pickWith('login', '', () => undefined);
  await new Promise((r) => setImmediate(r));
  assert.equal(fake.calls, before + 1);
});

test('the pick queue is bounded: past maxQueued a pick is shed at once and counted', async () => {
  const { redis } = silentRedis(10_000);
  let shed = 0;
  const counter = { inc: () => void shed++ } as never;
  const sel = new RedisAppSelector(redis, { prefix: 't', appTtlMs: 1000, strategy: 'least_loaded', logger, maxQueued: 2, shed: counter, deadlineMs: 60_000 });
  const got: PickResult[] = [];
  sel.pickWith('game', '', (r) => got.push(r));
  await new Promise((r) => setImmediate(r)); // the first pick's call is in flight
  for (let i = 0; i < 5; i++) sel.pickWith('game', '', (r) => got.push(r)); // 2 queued, 3 shed
  assert.equal(got.length, 3);
  assert.ok(got.every((r) => r === SHED));
  assert.equal(shed, 3);
});

test('heartbeats keep their own timer while Redis does not answer: each beat is abandoned after the timeout', async () => {
  const { redis, fake } = silentRedis(50);
  const results: string[] = [];
  const hb = new RedisHeartbeatWriter(redis, {
    prefix: 't',
    heartbeatMs: 100,
    appTtlMs: 1000,
    logger,
    source: { appId: 'g1', appType: 'game', ip: '127.0.0.1', port: 1, capacity: 10, online: () => 0, draining: () => false },
    heartbeats: { inc: (l: { result: string }) => void results.push(l.result) } as never,
  });
  const first = await hb.start().then(() => 'settled');
  assert.equal(first, 'settled', 'the first beat does not hang');
  await sleep(700);
  const calls = fake.calls;
  void hb.stop();
  assert.ok(calls >= 4, `beats kept being attempted (${calls})`);
  assert.ok(results.length >= 4 && results.every((r) => r === 'error'));
});

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { Counter, Histogram, Registry } from 'prom-client';
import { HotCounter, HotHistogram } from './hot-metrics.js';

const buckets = [0.001, 0.01, 0.1, 1];
const values = [0.0005, 0.001, 0.002, 0.05, 0.5, 1, 3, 0.0001, 0.07];

function pair() {
  const a = new Registry();
  const b = new Registry();
  const ha = new Histogram({ name: 'x_seconds', help: 'h', labelNames: ['app_type'], buckets, registers: [a] });
  const hb = new Histogram({ name: 'x_seconds', help: 'h', labelNames: ['app_type'], buckets, registers: [b] });
  return { a, b, ha, hb };
}

test('a hot histogram exposes exactly what prom-client observe() does, across reads and a reset', async () => {
  const { a, b, ha, hb } = pair();
  const ref = ha.labels('login');
  ha.zero({ app_type: 'login' });
  const hot = new HotHistogram(hb, { app_type: 'login' });
  assert.equal(await b.metrics(), await a.metrics(), 'the series exists at 0 before any observation');
  for (const v of values) (ref.observe(v), hot.observe(v));
  assert.equal(await b.metrics(), await a.metrics());
  for (const v of values.slice(3)) (ref.observe(v), hot.observe(v));
  assert.equal(await b.metrics(), await a.metrics(), 'a second read adds only what came since the first');
  ha.reset();
  hb.reset();
  for (const v of values) (ref.observe(v), hot.observe(v));
  assert.equal(await b.metrics(), await a.metrics(), 'after reset() the label set is made again');
});

test('a hot histogram and plain observe() on the same label set add up', async () => {
  const { a, b, ha, hb } = pair();
  const hot = new HotHistogram(hb, { app_type: 'game' });
  for (const v of values) (ha.observe({ app_type: 'game' }, v), ha.observe({ app_type: 'game' }, v));
  for (const v of values) (hot.observe(v), hb.observe({ app_type: 'game' }, v));
  assert.equal(await b.metrics(), await a.metrics());
});

test('hot counters flush into their label sets on every read, and start at 0', async () => {
  const r = new Registry();
  const c = new Counter({ name: 'r_total', help: 'c', labelNames: ['route', 'result'], registers: [r] });
  const ok = new HotCounter(c, { route: 'login', result: 'ok' });
  const down = new HotCounter(c, { route: 'login', result: 'redis_down' });
  assert.match(await r.metrics(), /r_total\{route="login",result="redis_down"\} 0/);
  for (let i = 0; i < 5; i++) ok.inc();
  down.inc();
  c.inc({ route: 'login', result: 'ok' }, 2);
  const text = await r.metrics();
  assert.match(text, /r_total\{route="login",result="ok"\} 7/);
  assert.match(text, /r_total\{route="login",result="redis_down"\} 1/);
  ok.inc();
  assert.equal((await c.get()).values.find((v) => v.labels.result === 'ok')!.value, 8);
});

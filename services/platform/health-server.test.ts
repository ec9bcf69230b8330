import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createHealthServer } from './health-server.js';
import { createPodMetrics } from './metrics.js';

test('/healthz, /readyz (follows readiness), /metrics, 404 and 405 as JSON', async () => {
  const metrics = createPodMetrics('game');
  metrics.onlinePlayers.labels('game', 'g-1').set(7);
  let ready: true | string = 'starting';
  const h = createHealthServer({ registry: metrics.registry, ready: () => ready });
  const port = await h.listen(0, '127.0.0.1');
  const get = (path: string, method = 'GET') => fetch(`http://127.0.0.1:${port}${path}`, { method });
  try {
    assert.deepEqual(await (await get('/healthz')).json(), { status: 'ok' });
    let r = await get('/readyz');
    assert.equal(r.status, 503);
    assert.deepEqual(await r.json(), { status: 'not_ready', reason: 'starting' });
    ready = true;
    assert.equal((await get('/readyz?x=1')).status, 200);
    r = await get('/metrics');
    assert.equal(r.status, 200);
    assert.match(await r.text(), /gamecluster_online_players\{app_type="game",app_id="g-1"\} 7/);
    r = await get('/nope');
    assert.equal(r.status, 404);
    assert.equal(r.headers.get('content-type'), 'application/json; charset=utf-8');
    assert.equal((await get('/healthz', 'POST')).status, 405);
  } finally {
    await h.close();
  }
});

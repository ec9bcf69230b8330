/**
 * appmgr's live page (`GET /` on the admin port, services/appmgr/live-page.ts) in real headless Chromium (Debian's
 * /usr/bin/chromium driven by playwright-core), against an in-process appmgr on a real redis-server with heartbeating
 * pods: the apps table shows each pod, a game pod's room count and its modes with their sizes, and the total of rooms
 * in the game footer; the page follows the heartbeats (a room count that changes is shown at the next refresh) and
 * raises no script error.
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { chromium, type Browser } from 'playwright-core';
import { startAppmgr, type AppmgrHandle } from '../services/appmgr/app.js';
import { parseAppmgrConfig } from '../services/appmgr/config.js';
import { createLogger } from '../services/platform/logger.js';
import { closeRedis, createRedisClient, RedisHeartbeatWriter, waitReady, type HeartbeatSource } from '../services/registry/index.js';
import { startRedis, type TestRedis } from './helpers/redis-server.js';
import { waitFor } from './helpers/wait-for.js';

const logger = createLogger('test', 'silent');
let redis: TestRedis;
let client: ReturnType<typeof createRedisClient>;
let appmgr: AppmgrHandle;
let browser: Browser | undefined;
const writers: RedisHeartbeatWriter[] = [];
const hosted = { 'game-a': 3, 'game-b': 2 };

before(async () => {
  redis = await startRedis();
  client = createRedisClient({ url: redis.url, logger });
  assert.ok(await waitReady(client, 5000));
  appmgr = await startAppmgr(parseAppmgrConfig({ REDIS_URL: redis.url, PREFIX: 'live', HTTP_PORT: '0', ADMIN_PORT: '0', GRPC_PORT: '0', BIND_HOST: '127.0.0.1', HEARTBEAT_MS: '200', APP_TTL_MS: '3000' }), logger);
  const pods: HeartbeatSource[] = [
    { appId: 'login-a', appType: 'login', ip: '127.0.0.1', port: 5001, capacity: 100, online: () => 1, draining: () => false },
    ...(['game-a', 'game-b'] as const).map((appId, i) => ({
      appId, appType: 'game' as const, ip: '127.0.0.1', port: 6001 + i, capacity: 100, online: () => 4, draining: () => false,
      caps: ['rooms'], modes: [{ mode: 'duel', maxPlayers: 2 }, { mode: 'party', maxPlayers: 8 }], roomPlayers: () => 4, rooms: () => hosted[appId],
    })),
  ];
  for (const source of pods) {
    const w = new RedisHeartbeatWriter(client, { prefix: 'live', heartbeatMs: 100, appTtlMs: 3000, logger, source });
    writers.push(w);
    await w.start();
  }
});

after(async () => {
  await browser?.close();
  await Promise.all(writers.map((w) => w.stop()));
  await appmgr?.close();
  await closeRedis(client);
  await redis.stop();
});

test('the live page shows each game pod’s rooms and modes, and the rooms in total; it follows the heartbeats', { timeout: 90_000 }, async (t) => {
  browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox'], timeout: 60_000 });
  const page = await browser.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(`http://127.0.0.1:${appmgr.adminPort}/`);
  const headers = await page.$$eval('table:first-of-type thead th', (ths) => ths.map((th) => th.textContent));
  const col = (name: string) => headers.indexOf(name);
  const rows = async () => page.$$eval('#rows tr', (trs) => trs.map((tr) => [...tr.querySelectorAll('td')].map((td) => td.textContent ?? '')));
  const byId = async () => Object.fromEntries((await rows()).map((r) => [r[0], r]));
  const all = await waitFor('three pods on the page', async () => {
    const r = await byId();
    return Object.keys(r).length === 3 ? r : undefined;
  }, 10_000, 100);
  assert.deepEqual([all['game-a']![col('rooms')], all['game-a']![col('modes')]], ['3', 'duel ≤2, party ≤8']);
  assert.deepEqual([all['game-b']![col('rooms')], all['login-a']![col('rooms')], all['login-a']![col('modes')]], ['2', '', ''], 'a login pod hosts no rooms');
  const total = async () => (await page.$$eval('#totals tr', (trs) => trs.map((tr) => [...tr.querySelectorAll('td')].map((td) => td.textContent ?? '')))).find((r) => r[0] === 'total game');
  assert.equal((await waitFor('the game footer', total, 5000, 100))[col('rooms')], '5');
  hosted['game-a'] = 7;
  await waitFor('the new count after a refresh (every 2 s)', async () => (await byId())['game-a']?.[col('rooms')] === '7', 10_000, 100);
  assert.equal((await total())![col('rooms')], '9');
  assert.deepEqual(errors, []);
  t.diagnostic(`columns: ${headers.join(' | ')}`);
});

/**
 * Online players cost Redis nothing per heartbeat (issue 25; docs/architecture.md "Sessions follow their pod"): one
 * real game pod (HEARTBEAT_MS 2000) and its Redis, no other client. Redis commands (those inside scripts included)
 * are counted with MONITOR over 10 s with 0 players, then over 10 s with 5,000 idle players held on the pod; the
 * counts per heartbeat must be equal within 5 % (a 10 s window holds 5 or 6 beats, so the raw counts are printed
 * and compared per beat). The Redis CPU per idle player-second, from INFO commandstats over the same windows, is
 * printed next to it (figures tier: this file holds 5,000 connections for a while).
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import { Redis } from 'ioredis';
import { ReturnCode } from '../services/protocol/wire.js';
import type { FrameClient } from '../services/socket/frame-client.js';
import { RedisTokenStore } from '../services/registry/index.js';
import { registryKeys } from '../services/registry/keys.js';
import { freePort } from './helpers/free-port.js';
import { startRedis, type TestRedis } from './helpers/redis-server.js';
import { startService, type ServiceProcess } from './helpers/service-process.js';
import { validSessions } from './helpers/session-live.js';
import { waitFor } from './helpers/wait-for.js';
import { gameLogin } from './pod-cluster.js';

const PREFIX = 'idlecost';
const APP = 'game-idle';
const PLAYERS = 5000;
const WINDOW_MS = 10_000;
let redis: TestRedis;
let client: Redis;
let game: ServiceProcess;
let port = 0;
const clients: FrameClient[] = [];

before(async () => {
  redis = await startRedis();
  client = new Redis(redis.port, '127.0.0.1', { maxRetriesPerRequest: 1 });
  port = await freePort();
  const metricsPort = await freePort();
  game = startService('game', { REDIS_URL: redis.url, PREFIX, APP_ID: APP, PORT: String(port), METRICS_PORT: String(metricsPort), HEARTBEAT_MS: '2000', APP_TTL_MS: '6000', CAPACITY: '10000', RESUME_GRACE_MS: '0' });
  await waitFor('game registered', async () => (await client.exists(registryKeys(PREFIX).app(APP))) === 1, 30_000, 100);
});

after(async () => {
  for (const cl of clients) cl.destroy();
  client?.disconnect();
  await game?.stop();
  await redis?.stop();
});

/** Total `usec` of INFO commandstats (Redis' time executing commands). */
async function commandUsec(): Promise<number> {
  let sum = 0;
  for (const m of (await client.info('commandstats')).matchAll(/,usec=(\d+),/g)) sum += Number(m[1]);
  return sum;
}

/**
 * Commands Redis ran for the game pod during `WINDOW_MS` (every source but this test's own connections; commands a
 * script runs count for its caller), the pod's heartbeats among them, and Redis' command time.
 */
async function window(): Promise<{ commands: number; beats: number; usec: number }> {
  const mon = await client.monitor();
  const own = new Set<string>();
  for (const line of String(await client.client('LIST')).split('\n')) {
    const addr = /addr=(\S+)/.exec(line)?.[1];
    const cmd = /cmd=(\S+)/.exec(line)?.[1];
    if (addr && (cmd === 'monitor' || cmd === 'client|list' || cmd === 'client')) own.add(addr);
  }
  let commands = 0;
  let beats = 0;
  let lastSource = '';
  const beatKey = registryKeys(PREFIX).app(APP);
  mon.on('monitor', (_t: string, args: string[], source: string) => {
    const who = source === 'lua' ? lastSource : source;
    if (source !== 'lua') lastSource = source;
    if (own.has(who)) return;
    commands++;
    // One PEXPIRE of the pod's hash per heartbeat script.
    if (source === 'lua' && String(args[0]).toLowerCase() === 'pexpire' && args[1] === beatKey) beats++;
  });
  const u0 = await commandUsec();
  await sleep(WINDOW_MS);
  const usec = (await commandUsec()) - u0;
  await sleep(200);
  mon.disconnect();
  return { commands, beats, usec };
}

test(`${PLAYERS} idle players cost Redis no command per heartbeat (MONITOR, ${WINDOW_MS / 1000} s windows)`, async (t) => {
  const zero = await window();
  // Hold the players: tokens straight into the registry, 100 logins at a time.
  const tokens = new RedisTokenStore(client, { prefix: PREFIX, tokenTtlMs: 120_000 });
  const accounts = Array.from({ length: PLAYERS }, (_, i) => `idle${i}`);
  let next = 0;
  await Promise.all(
    Array.from({ length: 100 }, async () => {
      while (next < accounts.length) {
        const a = accounts[next++]!;
        const g = await gameLogin(port, a, await tokens.issue(a, APP));
        clients.push(g.client);
        assert.equal(g.code, ReturnCode.OK, a);
      }
    }),
  );
  assert.equal(await validSessions(client, PREFIX, accounts.slice(0, 1000)), 1000);
  const held = await window();
  for (const cl of clients) assert.equal(cl.isOpen, true);
  const perBeat = (w: typeof zero) => w.commands / w.beats;
  const idlePlayerUs = (held.usec - zero.usec) / (PLAYERS * (WINDOW_MS / 1000));
  t.diagnostic(`0 players: ${zero.commands} commands in ${zero.beats} heartbeats (${perBeat(zero).toFixed(2)} a beat), Redis command time ${zero.usec} µs`);
  t.diagnostic(`${PLAYERS} players: ${held.commands} commands in ${held.beats} heartbeats (${perBeat(held).toFixed(2)} a beat), Redis command time ${held.usec} µs`);
  t.diagnostic(`Redis CPU per idle player-second (INFO commandstats): ${idlePlayerUs.toFixed(4)} µs`);
  assert.ok(zero.beats >= 4 && held.beats >= 4, `beats seen: ${zero.beats}, ${held.beats}`);
  assert.ok(Math.abs(perBeat(held) - perBeat(zero)) <= 0.05 * perBeat(zero), `${perBeat(zero)} vs ${perBeat(held)} commands a beat`);
});

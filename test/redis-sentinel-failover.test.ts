/**
 * Acceptance (issue 11, point 2): Sentinel for real. A primary, a replica and 3 `redis-sentinel` processes on
 * loopback (test/helpers/redis-sentinel.ts, `down-after-milliseconds 1000`); appmgr, a login and 2 games use the
 * documented multi-host URL `redis-sentinel://h:p,h:p,h:p/mymaster`. A wave of patient players starts
 * (test/helpers/patient-player.ts); the primary is SIGKILLed once a quarter of them are in game. Checked:
 * - 0 in-game players dropped, the whole wave in game in the end, no process restarts;
 * - a full player flow (/login → login → game) succeeds within 15 s of the kill;
 * - the game pods' kick subscribers (a duplicate() of the Sentinel client) follow: they are subscribed on the new
 *   primary.
 * Printed for docs/reliability.md: time from the kill to the first `/login` answered from Redis (appmgr's
 * requests_total{result="ok"} grows again) and to the first full flow.
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import { Redis } from 'ioredis';
import { ReturnCode } from '../services/protocol/wire.js';
import { startPatientWave, type InGame } from './helpers/patient-player.js';
import { figure, httpGet, within } from './helpers/reliability.js';
import { startSentinels, type TestSentinels } from './helpers/redis-sentinel.js';
import { waitFor } from './helpers/wait-for.js';
import { gameLogin, loginAndEnter, metric, startCluster, waitRegistered, type Proc, type TestCluster } from './pod-cluster.js';

const PLAYERS = 300;
const RATE = 100; // players started per second
const FLOW_BOUND_MS = 15_000;
const HEARTBEAT_MS = 500;

let s: TestSentinels | undefined;
let c: TestCluster | undefined;
let pods: Proc[] = [];
const inGame: InGame[] = [];

before(async () => {
  s = await startSentinels();
  c = await startCluster({ prefix: 'sentinel', redisUrl: s.url, env: { HEARTBEAT_MS: String(HEARTBEAT_MS) } });
  pods = await Promise.all([c.startPod('login', 'snt-login-1'), c.startPod('game', 'snt-game-1'), c.startPod('game', 'snt-game-2')]);
  await waitRegistered(c, 'login', ['snt-login-1']);
  await waitRegistered(c, 'game', ['snt-game-1', 'snt-game-2']);
});

after(async () => {
  if (process.env.SENTINEL_DEBUG) for (const p of c?.procs ?? []) for (const l of p.proc.logs) if (/redis|heartbeat|select/.test(String(l.msg))) console.log(p.appId, JSON.stringify(l));
  await Promise.all(inGame.map((p) => p.stop()));
  await c?.stop();
  await s?.stop();
});

/** One full flow attempt, bounded; true when the player is in game. */
async function flowOnce(cl: TestCluster, account: string): Promise<boolean> {
  try {
    return await within(
      (async () => {
        const step = await loginAndEnter(cl, account);
        const g = await gameLogin(step.port, account, step.token);
        g.client.destroy();
        return g.code === ReturnCode.OK;
      })(),
      5000,
      'flow',
    );
  } catch {
    return false;
  }
}

test(`Sentinel failover: primary SIGKILLed mid ${PLAYERS}-player wave: 0 in-game drops, a full flow within 15 s, no restarts, subscribers follow`, { timeout: 180_000 }, async (t) => {
  const cl = c!;
  const all = [cl.appmgr, ...pods];
  const pids = all.map((p) => p.proc.child.pid);

  const { results, started: starter } = startPatientWave({ appmgrPort: cl.appmgr.port, players: PLAYERS, rate: RATE, accountPrefix: 'snt', inGame });

  await waitFor('a quarter of the wave in game', () => inGame.length >= PLAYERS / 4, 60_000, 10);
  const inGameAtKill = inGame.length;
  const oldPrimary = await s!.killPrimary();
  const killedAt = Date.now();

  // Appmgr noticed (its client is down), then: the first /login served by Redis again.
  await waitFor('appmgr sees Redis down', async () => (await metric(cl.appmgr.metricsPort, 'gamecluster_redis_up')) === 0, 10_000, 20).catch(() => undefined);
  const okAtKill = await metric(cl.appmgr.metricsPort, 'gamecluster_appmgr_requests_total', { route: 'login', result: 'ok' });
  let firstRedisLoginMs = -1;
  const loginProbe = waitFor('a /login served from Redis after the kill', async () => {
    const r = await httpGet(cl.appmgr.port, '/login').catch(() => undefined);
    const ok = await metric(cl.appmgr.metricsPort, 'gamecluster_appmgr_requests_total', { route: 'login', result: 'ok' });
    if (r?.status === 200 && ok > okAtKill) firstRedisLoginMs = Date.now() - killedAt;
    return firstRedisLoginMs >= 0;
  }, 60_000, 100);

  // The first full flow after the kill.
  let firstFlowMs = -1;
  let attempts = 0;
  while (Date.now() - killedAt < 60_000) {
    attempts++;
    if (await flowOnce(cl, `snt-probe-${attempts}`)) {
      firstFlowMs = Date.now() - killedAt;
      break;
    }
    await sleep(200);
  }
  await loginProbe;
  const newPrimary = await s!.primaryPort();

  // The kick subscribers (one duplicate() connection per game pod) are subscribed on the new primary.
  const subscribers = await waitFor('both games subscribed on the new primary', async () => {
    const r = new Redis({ port: newPrimary, host: '127.0.0.1', lazyConnect: true, maxRetriesPerRequest: 0, commandTimeout: 1000 });
    try {
      await r.connect();
      const list = (await r.client('LIST')) as string;
      const n = list.split('\n').filter((l) => /name=gamecluster-game/.test(l) && /\bsub=[1-9]/.test(l)).length;
      return n >= 2 ? n : 0;
    } finally {
      r.disconnect();
    }
  }, 20_000, 200);

  await starter;
  const res = await Promise.all(results);
  const failed = res.filter((r) => !r.ok);
  const retries: Record<string, number> = {};
  for (const r of res) for (const [k, v] of Object.entries(r.retries)) retries[k] = (retries[k] ?? 0) + v;
  const dropped = inGame.filter((p) => p.lost !== undefined);
  const values = {
    players: PLAYERS,
    in_game_at_kill: inGameAtKill,
    old_primary: oldPrimary,
    new_primary: newPrimary,
    first_login_from_redis_ms: firstRedisLoginMs,
    first_full_flow_ms: firstFlowMs,
    flow_attempts: attempts,
    dropped: dropped.length,
    wave_failures: failed.length,
    retries_by_cause: retries,
    game_subscribers_on_new_primary: subscribers,
    process_restarts: all.filter((p, i) => p.proc.child.pid !== pids[i] || p.proc.child.exitCode !== null).length,
  };
  figure('sentinel failover', values);
  t.diagnostic(JSON.stringify(values));

  assert.notEqual(newPrimary, oldPrimary, 'the sentinels promoted the replica');
  assert.ok(inGameAtKill > 0);
  assert.equal(dropped.length, 0, `dropped: ${dropped.slice(0, 5).map((p) => `${p.account} ${p.lost}`).join('; ')}`);
  assert.ok(firstFlowMs >= 0 && firstFlowMs <= FLOW_BOUND_MS, `first full flow ${firstFlowMs} ms after the kill (bound ${FLOW_BOUND_MS})`);
  assert.equal(failed.length, 0, `failed: ${failed.slice(0, 3).map((r) => r.error).join('; ')}`);
  assert.equal(inGame.length, PLAYERS);
  assert.equal(values.process_restarts, 0);
});

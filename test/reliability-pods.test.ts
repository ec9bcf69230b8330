/**
 * Reliability — pod loss and rolling restart (issue 7), on a real cluster (redis-server, appmgr, logins and games as
 * child processes; HEARTBEAT_MS=500, APP_TTL_MS=2000, DRAIN_TIMEOUT_MS=3000). Players are patient real-client
 * players (test/helpers/patient-player.ts: retry with backoff on BUSY/503/refused connections, back to /login when a
 * session ends) echoing every 300 ms while in game.
 *
 * Pod loss: SIGKILL one of two games with ~100 players on it: each of its players sees its connection end (a clean
 * close or reset, never a hang) within a bound; after APP_TTL_MS no allocation goes to it; appmgr's cluster online
 * total equals the surviving pods' truth again (time printed); the players log in again and all land elsewhere.
 * A replacement game is started, as Kubernetes would.
 *
 * Rolling restart: with a steady load running (arrivals at 20/s, each staying 1–4 s, plus 100 players staying
 * throughout), every login and game pod is replaced in turn — its replacement started and ready first, then SIGTERM,
 * then wait for exit 0. The contract (docs/flow-and-draining.md): a draining pod is never chosen again, its players
 * keep playing until they leave or DRAIN_TIMEOUT_MS, then get S2C_Kick{SERVER_DRAINING}; a client reconnects. "Lost
 * outside the contract" = a session ended by anything but the player leaving or that kick, or a player who never got
 * in: 0.
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import { playPatiently, InGame } from './helpers/patient-player.js';
import { figure, sample, scrape, within } from './helpers/reliability.js';
import { waitFor } from './helpers/wait-for.js';
import { loginAndEnter, readyz, startCluster, waitRegistered, type Proc, type TestCluster } from './pod-cluster.js';

const HEARTBEAT_MS = 500;
const APP_TTL_MS = 2000;
const DRAIN_TIMEOUT_MS = 3000;

let c: TestCluster;
const live = new Set<InGame>();
const gamePortOf = new Map<InGame, number>();

before(async () => {
  c = await startCluster({ prefix: 'relpods', env: { HEARTBEAT_MS: String(HEARTBEAT_MS), APP_TTL_MS: String(APP_TTL_MS), DRAIN_TIMEOUT_MS: String(DRAIN_TIMEOUT_MS), LOG_LEVEL: 'info' } });
  await Promise.all([c.startPod('login', 'pods-login-1'), c.startPod('login', 'pods-login-2'), c.startPod('game', 'pods-game-1'), c.startPod('game', 'pods-game-2')]);
  await waitRegistered(c, 'login', ['pods-login-1', 'pods-login-2']);
  await waitRegistered(c, 'game', ['pods-game-1', 'pods-game-2']);
});

after(async () => {
  await Promise.all([...live].map((p) => p.stop()));
  await c?.stop();
});

const pod = (id: string) => c.procs.find((p) => p.appId === id)!;
const clusterOnline = async () => sample(await scrape(c.appmgr.metricsPort), 'gamecluster_cluster_online_players', { app_type: 'game' });
const podOnline = async (p: Proc) => sample(await scrape(p.metricsPort), 'gamecluster_online_players', { app_type: 'game' });

async function enter(account: string): Promise<InGame> {
  const r = await playPatiently({ appmgrPort: c.appmgr.port, account, deadlineMs: 30_000 });
  assert.ok(r.ok, `${account}: ${r.error}`);
  const p = new InGame(r.client!, account, 300);
  live.add(p);
  gamePortOf.set(p, r.gamePort!);
  return p;
}

test('pod loss: SIGKILL a game with players', { timeout: 90_000 }, async () => {
  const g1 = pod('pods-game-1');
  const g2 = pod('pods-game-2');
  const players = await Promise.all(Array.from({ length: 200 }, (_, i) => enter(`loss-${i}`)));
  const onG1 = players.filter((p) => gamePortOf.get(p) === g1.port);
  const byPod = await Promise.all([podOnline(g1), podOnline(g2)]);
  assert.equal(byPod[0] + byPod[1], 200);

  g1.proc.signal('SIGKILL');
  const killedAt = Date.now();
  await g1.proc.exited;
  // Its players see their connection end, promptly (bounded), with a connection error or close — not a hang.
  await within(Promise.all(onG1.map((p) => p.ended)), 10_000, "the killed pod's players see their connections end");
  const victimsSeenMs = Date.now() - killedAt;
  const victims = players.filter((p) => p.lost !== undefined);
  assert.equal(onG1.length, byPod[0]);
  assert.deepEqual(victims.map((p) => p.account), onG1.map((p) => p.account), 'exactly the players of the killed pod lost their session');
  assert.ok(victims.every((p) => p.lost!.startsWith('closed:')), JSON.stringify(victims.slice(0, 3).map((p) => p.lost)));
  const survivors = players.filter((p) => !victims.includes(p));
  assert.ok(survivors.every((p) => p.lost === undefined && p.client.isOpen));

  // After APP_TTL_MS no allocation goes to the dead pod.
  await sleep(Math.max(0, killedAt + APP_TTL_MS - Date.now()));
  const ports = await Promise.all(Array.from({ length: 50 }, (_, i) => loginAndEnter(c, `probe-${i}`).then((s) => s.port)));
  assert.ok(ports.every((p) => p === g2.port), `allocations after APP_TTL_MS went to ${[...new Set(ports)].join(',')}`);
  // The cluster total = the surviving pod's truth (the probes above hold tokens but are not online).
  const t = Date.now();
  await waitFor('appmgr cluster total = the surviving game', async () => (await clusterOnline()) === (await podOnline(g2)), HEARTBEAT_MS + 10_000, 50);
  const totalRightAfterTtlMs = Date.now() - t;

  // The victims come back like real clients (all land on the survivor), and a replacement game starts.
  await Promise.all(victims.map((v) => (live.delete(v), v.stop())));
  const back = await Promise.all(victims.map((v) => enter(v.account)));
  const g3 = await c.startPod('game', 'pods-game-3');
  await waitRegistered(c, 'game', ['pods-game-2', 'pods-game-3']);
  figure('pod loss', {
    players: 200,
    on_killed_pod: byPod[0],
    victims_saw_close_within_ms: victimsSeenMs,
    victim_errors: [...new Set(victims.map((v) => v.lost))],
    survivors_unaffected: survivors.length,
    allocations_after_ttl_to_dead_pod: ports.filter((p) => p !== g2.port).length,
    cluster_total_right_after_ttl_plus_ms: totalRightAfterTtlMs,
    victims_back_in_game: back.length,
  });
  assert.equal(await podOnline(g2), 200);
  assert.equal(await podOnline(g3), 0);
  await Promise.all([...live].map((p) => (live.delete(p), p.stop())));
});

test('rolling restart: every login and game replaced under steady load, 0 players lost outside the drain/kick contract', { timeout: 120_000 }, async () => {
  const lostOutside: string[] = [];
  const drainKicks = { n: 0 };
  let sessions = 0;
  let neverIn = 0;
  let stopping = false;
  let stopNow: () => void = () => {};
  const stopSignal = new Promise<string>((resolve) => (stopNow = () => resolve('left')));

  /** One player's life: in, stay `stayMs` (or until stopping), leave; a SERVER_DRAINING kick sends it back in. */
  const life = async (account: string, stayMs: number) => {
    const until = Date.now() + stayMs;
    for (;;) {
      const r = await playPatiently({ appmgrPort: c.appmgr.port, account, deadlineMs: 30_000 });
      if (!r.ok) return void neverIn++, void lostOutside.push(`${account}: never got in (${r.error})`);
      sessions++;
      const p = new InGame(r.client!, account, 300);
      live.add(p);
      const nap = new AbortController();
      const why = await Promise.race([p.ended, sleep(Math.max(0, until - Date.now()), 'left', { signal: nap.signal }).catch(() => 'aborted'), stopSignal]);
      nap.abort();
      live.delete(p);
      await p.stop();
      if (why === 'left' && p.lost === undefined) return;
      if (p.lost === 'kicked:SERVER_DRAINING') {
        drainKicks.n++;
        if (Date.now() < until && !stopping) continue;
        return;
      }
      lostOutside.push(`${account}: ${p.lost}`);
      return;
    }
  };

  const lives: Promise<void>[] = [];
  for (let i = 0; i < 100; i++) lives.push(life(`stay-${i}`, 600_000));
  let arrivals = 0;
  const arriving = (async () => {
    while (!stopping) {
      lives.push(life(`come-${arrivals++}`, 1000 + Math.random() * 3000));
      await sleep(50);
    }
  })();
  await sleep(1500);

  const steps: Record<string, unknown>[] = [];
  const old = ['pods-login-1', 'pods-login-2', 'pods-game-2', 'pods-game-3'];
  const kinds = { login: ['pods-login-1', 'pods-login-2'], game: ['pods-game-2', 'pods-game-3'] };
  try {
    for (const [i, id] of old.entries()) {
      const p = pod(id);
      const kind = p.kind as 'login' | 'game';
      const replacement = `pods-${kind}-r${i}`;
      const t0 = Date.now();
      await c.startPod(kind, replacement);
      kinds[kind].push(replacement);
      await waitRegistered(c, kind, kinds[kind]);
      const onlineBefore = kind === 'game' ? await podOnline(p) : 0;
      p.proc.signal('SIGTERM');
      const code = await within(p.proc.exited, DRAIN_TIMEOUT_MS + 20_000, `${id} exit after SIGTERM`);
      kinds[kind] = kinds[kind].filter((x) => x !== id);
      const drained = p.proc.logs.find((l) => l.msg === 'drained');
      steps.push({ pod: id, online_at_sigterm: onlineBefore, exit: code, replaced_and_drained_ms: Date.now() - t0, kicked_at_drain_timeout: drained?.kicked ?? null });
      assert.equal(code, 0, `${id} exit code`);
      assert.equal(await readyz(pod(replacement)), 200);
    }
    await sleep(1000);
  } finally {
    stopping = true;
    stopNow();
    await arriving;
    await within(Promise.all(lives), 60_000, 'every player finished');
  }

  figure('rolling restart', {
    pods_replaced: old.length,
    steps,
    players: 100 + arrivals,
    sessions,
    kicked_server_draining_then_back: drainKicks.n,
    never_got_in: neverIn,
    lost_outside_contract: lostOutside.length,
  });
  assert.deepEqual(lostOutside, []);
  for (const p of c.procs.filter((x) => !old.includes(x.appId) && x.appId !== 'pods-game-1')) assert.equal(p.proc.child.exitCode, null, `${p.appId} exited`);
});

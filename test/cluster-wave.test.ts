/**
 * Acceptance: 1,000 robots through the whole flow (HTTP /login → login → game → echo) against a real local cluster
 * (redis-server, 1 appmgr, 2 logins, 2 games as child processes on loopback), held online while measured:
 * 0 failures; the two games' online counts differ by at most 1; each game's `gamecluster_online_players` equals the
 * robots the robots saw land there; after a heartbeat, appmgr's `gamecluster_cluster_online_players{app_type="game"}`
 * equals the total.
 *
 * Heartbeats run at 500 ms, so several land in the middle of the wave: the balance holds anyway because a game's
 * load counts the players on their way to it (AllocateGame's reservation, then the unredeemed token), not only the
 * players already logged in (docs/architecture.md, "players on their way"). The test checks that heartbeats did
 * happen during the wave, so it would catch a regression to "overwrite with the players so far".
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { metricValue } from '../services/local/cluster-view.js';
import { startLocalCluster, type LocalCluster } from '../services/local/local-cluster.js';
import { runRobots } from '../services/robots/run.js';
import type { RobotReport } from '../services/robots/report.js';
import { WaveStats } from '../services/robots/stats.js';
import { waitFor } from './helpers/wait-for.js';

const PLAYERS = 1000;
const HEARTBEAT_MS = 500;
let cluster: LocalCluster;
let release: () => void = () => {};
let wave: Promise<RobotReport> | undefined;

const metrics = async (port: number) => (await fetch(`http://127.0.0.1:${port}/metrics`, { signal: AbortSignal.timeout(3000) })).text();

before(async () => {
  // APP_TTL_MS well above 3 heartbeats: a CPU-starved CI box can delay a beat, and an expired pod refuses players.
  cluster = await startLocalCluster({ heartbeatMs: HEARTBEAT_MS, appTtlMs: 10_000, logLevel: 'warn', readyTimeoutMs: 60_000 });
});

after(async () => {
  release();
  await wave?.catch(() => {});
  await cluster?.stop();
});

test(`${PLAYERS} robots: 0 failures, games balanced ±1, pod gauges = robots there, appmgr total = ${PLAYERS}`, { timeout: 150_000 }, async () => {
  const games = cluster.pods.filter((p) => p.type === 'game');
  const beats = async () => Promise.all(games.map(async (g) => metricValue(await metrics(g.metricsPort), 'gamecluster_heartbeats_total', { result: 'ok' }) ?? 0));
  const beatsBefore = await beats();

  const stats = new WaveStats();
  const hold = new Promise<void>((r) => (release = r));
  wave = runRobots({ appmgr: cluster.appmgrUrl, players: PLAYERS, rate: 1000, durationS: 1, echoPerSec: 1 }, { stats, holdUntil: hold });
  await waitFor('every robot online or failed', () => stats.inGame + stats.failed >= PLAYERS, 90_000, 50);
  assert.equal(stats.failed, 0, `failures: ${JSON.stringify(stats.failureRows())}`);
  const beatsAfterWave = await beats();
  assert.ok(beatsAfterWave.every((b, i) => b > beatsBefore[i]!), `game heartbeats during the wave: ${beatsBefore.join('/')} → ${beatsAfterWave.join('/')}`);

  // Each game pod's own gauge equals the robots that landed on it, and the two differ by at most 1.
  const online = await Promise.all(games.map(async (g) => metricValue(await metrics(g.metricsPort), 'gamecluster_online_players', { app_type: 'game', app_id: g.appId }) ?? 0));
  const landed = games.map((g) => stats.gamePods.get(`127.0.0.1:${g.port}`) ?? 0);
  assert.deepEqual(online, landed, 'gamecluster_online_players per pod = robots connected there');
  assert.equal(online.reduce((a, b) => a + b, 0), PLAYERS);
  assert.ok(Math.abs(online[0]! - online[1]!) <= 1, `game online counts ${online.join('/')} differ by more than 1`);

  // After the next heartbeat of every game (and appmgr's snapshot refresh), the cluster gauge is the truth.
  await waitFor('a heartbeat of every game pod', async () => (await beats()).every((b, i) => b > beatsAfterWave[i]!), 2 * HEARTBEAT_MS + 10_000, 100);
  const clusterTotal = async () => metricValue(await metrics(cluster.appmgr.adminPort), 'gamecluster_cluster_online_players', { app_type: 'game' });
  await waitFor(`appmgr cluster_online_players{game} = ${PLAYERS}`, async () => (await clusterTotal()) === PLAYERS, 2 * HEARTBEAT_MS + 10_000, 250);
  assert.equal(stats.inGame, PLAYERS, 'robots still connected while measured');

  release();
  const report = await wave;
  assert.equal(report.failed, 0, JSON.stringify(report.failures));
  assert.equal(report.ok, PLAYERS);
  assert.ok(report.game_spread <= 1);
});

/**
 * Bench: complete player flows per second through a real local cluster (redis-server, 1 appmgr, 2 logins, 2 games as
 * child processes — services/local/local-cluster.ts), robots in this process with a fixed number of players in flight,
 * compared in the same run with a minimal baseline at the same concurrency: a bare node:net server (child process)
 * where each "player" opens a connection, sends one small request, reads one reply and closes. Then holds 10,000
 * players online on the 2 game pods and reports the game processes' RSS.
 * A full flow = GET /login (own connection) + login TCP (AccountCheck, EnterGame → gRPC AllocateGame + Redis token)
 * + game TCP (LoginByToken → Redis GETDEL + session) + leave; the baseline is one connection and one round trip.
 * Run: `npm run bench:player-flow -- [--players 10000] [--concurrency 200] [--hold 10000]`. Needs redis-server.
 */
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { readFileSync } from 'node:fs';
import { connect } from 'node:net';
import * as hdr from 'hdr-histogram-js';
import { metricValue } from '../services/local/cluster-view.js';
import { startLocalCluster } from '../services/local/local-cluster.js';
import { runRobots } from '../services/robots/run.js';
import { WaveStats } from '../services/robots/stats.js';

const args = process.argv.slice(2);
const flag = (name: string, def: number) => {
  const i = args.indexOf(name);
  return i >= 0 ? Number(args[i + 1]) : def;
};
const PLAYERS = flag('--players', 10_000);
const CONCURRENCY = flag('--concurrency', 200);
const HOLD = flag('--hold', 10_000);

const rssMiB = (pid: number) => {
  const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return m ? Math.round(Number(m[1]) / 1024) : NaN;
};
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** The baseline server: accept, answer the first chunk with 8 bytes, close when the client does. */
const BASELINE_SERVER = `
const net = require('node:net');
const srv = net.createServer((s) => { s.once('data', () => s.write(Buffer.alloc(8, 1))); s.on('error', () => {}); });
srv.listen(0, '127.0.0.1', () => process.stdout.write(String(srv.address().port) + '\\n'));
`;

async function baseline(players: number, concurrency: number): Promise<{ perSec: number; p50: number; p99: number; max: number; errors: number }> {
  const child = spawn(process.execPath, ['-e', BASELINE_SERVER], { stdio: ['ignore', 'pipe', 'inherit'] });
  const [line] = (await once(child.stdout!, 'data')) as [Buffer];
  const port = Number(line.toString().trim());
  const h = hdr.build({ lowestDiscernibleValue: 1, highestTrackableValue: 3_600_000_000, numberOfSignificantValueDigits: 3 });
  let next = 0;
  let errors = 0;
  const one = () =>
    new Promise<void>((resolve) => {
      const t0 = process.hrtime.bigint();
      const s = connect({ port, host: '127.0.0.1', noDelay: true });
      s.on('connect', () => s.write(Buffer.alloc(8, 2)));
      s.once('data', () => {
        h.recordValue(Math.max(1, Number(process.hrtime.bigint() - t0) / 1000));
        s.end();
      });
      s.on('error', () => errors++);
      s.on('close', () => resolve());
    });
  const start = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < players) {
        next++;
        await one();
      }
    }),
  );
  const secs = (performance.now() - start) / 1000;
  child.kill('SIGTERM');
  await once(child, 'exit');
  return { perSec: Math.round(players / secs), p50: h.getValueAtPercentile(50) / 1000, p99: h.getValueAtPercentile(99) / 1000, max: h.maxValue / 1000, errors };
}

const cluster = await startLocalCluster({ capacity: 100_000, logLevel: 'warn', heartbeatMs: 500, appTtlMs: 10_000, log: (l) => console.error(l) });
const games = cluster.pods.filter((p) => p.type === 'game');
try {
  console.log(`# bench/player-flow — ${PLAYERS} players, ${CONCURRENCY} in flight; node ${process.version}; logs ${cluster.logDir}\n`);
  // Warm-up (JIT, connection pools in the pods) so the measured run is the steady state.
  await runRobots({ appmgr: cluster.appmgrUrl, players: Math.min(1000, PLAYERS), rate: 1e6, concurrency: CONCURRENCY, durationS: 0, echoPerSec: 0 });

  const full = await runRobots({ appmgr: cluster.appmgrUrl, players: PLAYERS, rate: 1e6, concurrency: CONCURRENCY, durationS: 0, echoPerSec: 0 });
  const base = await baseline(PLAYERS, CONCURRENCY);
  const s = full.steps;
  const fullPerSec = Math.round(PLAYERS / (full.wall_ms / 1000));
  console.log('| run | flows/s | p50 ms | p99 ms | max ms | failed |');
  console.log('| --- | --- | --- | --- | --- | --- |');
  console.log(`| full flow (HTTP /login + login TCP + game TCP + leave) | ${fullPerSec} | — | — | — | ${full.failed} |`);
  for (const k of ['http_login', 'account_check', 'enter_game', 'game_login'] as const) {
    console.log(`| · step ${k} | | ${s[k].p50_ms.toFixed(2)} | ${s[k].p99_ms.toFixed(2)} | ${s[k].max_ms.toFixed(2)} | |`);
  }
  console.log(`| baseline (bare node:net accept + 1 request/response) | ${base.perSec} | ${base.p50.toFixed(2)} | ${base.p99.toFixed(2)} | ${base.max.toFixed(2)} | ${base.errors} |`);
  console.log(`\nratio full/baseline: ${(fullPerSec / base.perSec).toFixed(2)}; failures: ${JSON.stringify(full.failures)}; games: ${JSON.stringify(full.game_pods)}\n`);

  // Hold HOLD players online at once on the 2 game pods.
  const stats = new WaveStats();
  let release!: () => void;
  const hold = new Promise<void>((r) => (release = r));
  const rssBefore = games.map((g) => rssMiB(g.pid));
  const t0 = Date.now();
  const wave = runRobots({ appmgr: cluster.appmgrUrl, players: HOLD, rate: 2000, durationS: 1, echoPerSec: 0, concurrency: 0 }, { stats, holdUntil: hold });
  const deadline = Date.now() + 180_000;
  while (stats.inGame + stats.failed < HOLD && Date.now() < deadline) await sleep(100);
  const rampS = (Date.now() - t0) / 1000;
  await sleep(cluster.heartbeatMs * 2 + 500);
  const online = await Promise.all(games.map(async (g) => metricValue(await (await fetch(`http://127.0.0.1:${g.metricsPort}/metrics`)).text(), 'gamecluster_online_players', { app_id: g.appId }) ?? 0));
  const rss = games.map((g) => rssMiB(g.pid));
  const others = [cluster.appmgr.pid, ...cluster.pods.filter((p) => p.type === 'login').map((p) => p.pid)].map(rssMiB);
  // A round of echoes while everyone is online: the pods still answer.
  release();
  const held = await wave;
  console.log(`| held at once | ramp | online per game pod | game RSS before → held (MiB) | appmgr, logins RSS (MiB) | failed |`);
  console.log('| --- | --- | --- | --- | --- | --- |');
  console.log(`| ${stats.flowsCompleted} | ${rampS.toFixed(1)} s at 2000/s | ${online.join(' / ')} | ${rssBefore.map((b, i) => `${b} → ${rss[i]}`).join(', ')} | ${others.join(', ')} | ${held.failed} |`);
  if (held.failures.length) console.log(JSON.stringify(held.failures));
} finally {
  await cluster.stop();
}

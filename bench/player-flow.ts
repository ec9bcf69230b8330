/**
 * Bench: server CPU per complete player flow, and flows/s (issue 16). A local cluster (redis-server, 1 appmgr,
 * `--logins` logins, `--games` games as child processes — services/local/local-cluster.ts); the robots run in their
 * own child process (bench/lib/robots-load.ts), `--concurrency` players in flight. A flow = GET /login (own
 * connection) + login TCP (AccountCheck, EnterGame → gRPC AllocateGame + Redis token) + game TCP (LoginByToken →
 * Redis redeem + session) + leave. Over each wave the CPU of every server process (appmgr, logins, games from /proc,
 * Redis from INFO cpu) is summed and divided by the completed flows; the generator's CPU and the other jobs on the
 * box are shown beside it.
 * `--baseline <git-ref>` starts a second cluster from that ref's sources (git archive into a temp dir) and runs its
 * waves alternated with ours, same generator: the before/after of server CPU per flow in the same run.
 * Run: `npm run bench:player-flow -- [--players 5000] [--concurrency 200] [--rounds 3] [--warmup 1000] [--baseline <ref>]
 *       [--variant "<pod node flags>"]… [--cpu-prof <dir>] [--tsx]` (the clusters run the `npm run build` of their tree, as the image ships; `--tsx` runs sources).
 */
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { LocalCluster, LocalClusterOptions } from '../services/local/local-cluster.js';
import { baselineTree, boxLine, compiledServices, median, numFlag, openWindow, removeTree, spawnIpc, strFlag } from './lib/measure.js';

const args = process.argv.slice(2);
const PLAYERS = numFlag(args, '--players', 5000);
const CONCURRENCY = numFlag(args, '--concurrency', 200);
const ROUNDS = numFlag(args, '--rounds', 3);
const LOGINS = numFlag(args, '--logins', 2);
const GAMES = numFlag(args, '--games', 2);
/** Players per cluster before the measured rounds (JIT, pools, heap sizing; see docs/benchmarks.md "Player flow"). */
const WARMUP = numFlag(args, '--warmup', 1000);
const baseRef = strFlag(args, '--baseline');
const podProf = strFlag(args, '--cpu-prof');
/** --variant "<node flags>" (repeatable): another cluster of this tree whose pods run with those flags. */
const variants: string[] = [];
for (let i = 0; i < args.length; i++) if (args[i] === '--variant') variants.push(args[i + 1]!);

interface Flow {
  flows: number;
  failed: number;
  seconds: number;
  /** CPU µs by role: appmgr, login, game, redis. */
  cpu: Record<'appmgr' | 'login' | 'game' | 'redis', number>;
  genCpu: number;
  othersCpuS: number;
  boxBusy: number;
  steps: Record<string, { p50_ms: number; p99_ms: number }>;
}

const root = fileURLToPath(new URL('../', import.meta.url));
type Start = (o: LocalClusterOptions) => Promise<LocalCluster>;
/**
 * The cluster starter of the tree at `dir`; a start lost to a port race with other jobs (EADDRINUSE) is retried.
 * Its processes run the tree's `npm run build` (dist/cli.js, as the image ships them), or its sources with `--tsx`.
 */
const viaTsx = args.includes('--tsx');
const built = new Map<string, string>();
const loadStart = async (dir: string): Promise<Start> => {
  if (!viaTsx && !built.has(dir)) built.set(dir, await compiledServices(dir));
  const module = viaTsx ? join(dir, 'services/local/local-cluster.ts') : join(built.get(dir)!, 'local/local-cluster.js');
  const start = ((await import(pathToFileURL(module).href)) as { startLocalCluster: Start }).startLocalCluster;
  return async (o) => {
    for (let attempt = 1; ; attempt++) {
      try {
        return await start(o);
      } catch (err) {
        if (attempt >= 3 || !String((err as Error).message).includes('EADDRINUSE')) throw err;
      }
    }
  };
};

const baseDir = baseRef ? await baselineTree(baseRef) : undefined;
const opts: LocalClusterOptions = { logins: LOGINS, games: GAMES, capacity: 1_000_000, logLevel: 'warn', heartbeatMs: 500, appTtlMs: 10_000, log: () => {} };
// --cpu-prof <dir>: every pod and the appmgr of this tree's cluster write a .cpuprofile there when they stop
// (<dir>/appmgr/ for appmgr; summarize with bench/cpu-profile-top.ts).
const preload = fileURLToPath(new URL('./lib/cpu-prof-preload.mjs', import.meta.url));
if (podProf) (await import('node:fs')).mkdirSync(join(podProf, 'appmgr'), { recursive: true });
const profEnv = (dir: string) => ({ NODE_OPTIONS: `--import ${preload}`, BENCH_CPU_PROF_DIR: dir });
const ours: LocalClusterOptions = podProf ? { ...opts, podEnv: profEnv(podProf), appmgrEnv: profEnv(join(podProf, 'appmgr')) } : opts;
const clusters: { name: string; c: LocalCluster }[] = [];
const gen = spawnIpc(fileURLToPath(new URL('./lib/robots-load.ts', import.meta.url)), []);
try {
  clusters.push({ name: 'this tree', c: await (await loadStart(root))(ours) });
  if (baseDir) clusters.push({ name: `baseline ${baseRef}`, c: await (await loadStart(baseDir))(opts) });
  for (const v of variants) clusters.push({ name: `pods ${v}`, c: await (await loadStart(root))({ ...opts, podEnv: { NODE_OPTIONS: v } }) });
  await gen.next();
  const wave = async (c: LocalCluster, players: number): Promise<Flow> => {
    const pods = c.pods.map((p) => ({ role: p.type, pid: p.pid }));
    const pids = [c.appmgr.pid, ...pods.map((p) => p.pid), gen.pid];
    const close = await openWindow(pids, c.redisUrl);
    gen.send({ cmd: 'wave', appmgr: c.appmgrUrl, players, concurrency: CONCURRENCY });
    const r = await gen.next<{ report: { flows_completed: number; failed: number; steps: Flow['steps']; failures: unknown[] }; error?: string }>();
    const w = await close();
    if (r.error) throw new Error(r.error);
    const cpu = { appmgr: w.cpu[0]!, login: 0, game: 0, redis: w.redisCpu };
    pods.forEach((p, i) => (cpu[p.role] += w.cpu[i + 1]!));
    if (r.report.failed) console.log(`  ${r.report.failed} failed: ${JSON.stringify(r.report.failures).slice(0, 300)}`);
    return { flows: r.report.flows_completed, failed: r.report.failed, seconds: w.seconds, cpu, genCpu: w.cpu[pids.length - 1]!, othersCpuS: w.othersCpuS, boxBusy: w.boxBusy, steps: r.report.steps };
  };
  const server = (f: Flow) => f.cpu.appmgr + f.cpu.login + f.cpu.game + f.cpu.redis;
  const per = (us: number, f: Flow) => (us / f.flows).toFixed(0);
  console.log(`# bench/player-flow — ${PLAYERS} players per wave, ${CONCURRENCY} in flight, warm-up ${WARMUP} per cluster, ${ROUNDS} rounds alternated; ${LOGINS} logins, ${GAMES} games; robots in their own process; ${boxLine()}\n`);
  // Warm-up (JIT, pools, heap sizing) in waves of at most PLAYERS; a pod's CPU per flow keeps falling over its first
  // ~10,000 flows, so short warm-ups make the first measured round the most expensive.
  for (const { c } of clusters) for (let left = WARMUP; left > 0; left -= PLAYERS) await wave(c, Math.min(left, PLAYERS));
  const res = clusters.map(() => [] as Flow[]);
  console.log('| cluster | round | flows/s | server CPU µs/flow | appmgr | logins | games | redis | robots µs/flow | other jobs (cores) | failed |');
  console.log('| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |');
  for (let r = 0; r < ROUNDS; r++) {
    const order = clusters.map((_, i) => i);
    if (r % 2) order.reverse();
    for (const i of order) {
      const f = await wave(clusters[i]!.c, PLAYERS);
      res[i]!.push(f);
      console.log(`| ${clusters[i]!.name} | ${r + 1} | ${Math.round(f.flows / f.seconds)} | **${per(server(f), f)}** | ${per(f.cpu.appmgr, f)} | ${per(f.cpu.login, f)} | ${per(f.cpu.game, f)} | ${per(f.cpu.redis, f)} | ${per(f.genCpu, f)} | ${(f.othersCpuS / f.seconds).toFixed(2)} | ${f.failed} |`);
    }
  }
  console.log(`\nmedians of ${ROUNDS}:`);
  const m = res.map((fs) => ({ cpu: median(fs.map((f) => server(f) / f.flows)), rate: median(fs.map((f) => f.flows / f.seconds)) }));
  clusters.forEach((c, i) => console.log(`  ${c.name.padEnd(24)} ${Math.round(m[i]!.rate)} flows/s, ${m[i]!.cpu.toFixed(0)} µs server CPU per flow (appmgr + logins + games + redis)${i ? `; this tree / it: CPU ${(m[0]!.cpu / m[i]!.cpu).toFixed(2)}` : ''}`));
  if (baseDir) {
    console.log(`  server CPU per flow, this tree / baseline: ${(m[0]!.cpu / m[1]!.cpu).toFixed(2)} (target ≤ 0.5); flows/s ratio ${(m[0]!.rate / m[1]!.rate).toFixed(2)}`);
    // Paired per round (the two waves of a round ran back to back, so they shared the box's load): the median of the
    // rounds' ratios, by role, is steadier than the ratio of medians when other jobs come and go. The robots' code is
    // the same for both clusters, so their CPU per flow moving between the two waves of a round is the box, not us.
    const paired = (f: (x: Flow) => number) => median(res[0]!.map((a, r) => f(a) / a.flows / (f(res[1]![r]!) / res[1]![r]!.flows))).toFixed(2);
    console.log(
      `  paired per round (median of ${ROUNDS} ratios, this tree / baseline): server ${paired(server)}; appmgr ${paired((f) => f.cpu.appmgr)}, logins ${paired((f) => f.cpu.login)}, games ${paired((f) => f.cpu.game)}, redis ${paired((f) => f.cpu.redis)}; robots ${paired((f) => f.genCpu)} (box noise); server per robot-µs ${median(res[0]!.map((a, r) => server(a) / a.genCpu / (server(res[1]![r]!) / res[1]![r]!.genCpu))).toFixed(2)}`,
    );
  }
  const last = res[0]!.at(-1)!;
  console.log(`  steps (this tree, last wave): ${Object.entries(last.steps).filter(([k]) => k !== 'echo').map(([k, s]) => `${k} p50 ${s.p50_ms} / p99 ${s.p99_ms} ms`).join('; ')}`);
} finally {
  await gen.stop();
  for (const { c } of clusters) await c.stop();
  if (baseDir) await removeTree(baseDir);
}

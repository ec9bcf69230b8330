/**
 * Bench: `GET /login` keep-alive, server-bound (issue 16). Three kinds of process: a real appmgr (4 registered
 * logins, Lua pick + bump in Redis, coalesced) in one child, a bare fastify route returning the same schema'd JSON from
 * a constant in another, and autocannon (`-c 100`) in a third. Runs alternate
 * appmgr / bare (order swapped each round), `--rounds` rounds, medians. Each run reports req/s, the server's CPU per
 * request (from /proc; Redis' from INFO cpu, shown apart) and the server's share of one core — below 90 % the run is
 * marked NOT saturated (autocannon or the box set the pace).
 * `--baseline <git-ref>` adds a third server per round: the appmgr of that ref (extracted with git archive), for a
 * before/after in the same run. `--connection-close` measures one request per connection instead.
 * appmgr runs compiled (tsc, as the image ships it: bench/lib/measure.ts `compiledServices`); `--tsx` runs the sources.
 * Servers are pinned to CPU 0, autocannon and Redis to the other CPUs (`--no-pin`: not; bench/lib/measure.ts `pinning`).
 * Run: `npm run bench:login-http -- [--duration 5] [--rounds 3] [--connections 100] [--baseline <ref>] [--appmgr-flags "<node flags>"] [--tsx] [--no-pin]
 *       [--cpu-prof <dir>]`. Needs redis-server on PATH.
 */
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import Fastify from 'fastify';
import { startRedis } from '../test/helpers/redis-server.js';
import { startBenchAppmgr } from './bench-appmgr.js';
import { baselineTree, boxLine, compiledServices, cores, pinning, redisPid, median, numFlag, onParent, openWindow, removeTree, saturation, spawnIpc, strFlag, type IpcChild } from './lib/measure.js';

const args = process.argv.slice(2);
const self = fileURLToPath(import.meta.url);

/** `services`: a compiled services tree (this tree's or the baseline's), or `tsx:<tree>` for a tree's sources. */
async function serveAppmgr(redisUrl: string, services: string): Promise<void> {
  const appmgr = services.startsWith('tsx:')
    ? await ((await import(pathToFileURL(join(services.slice(4), 'bench/bench-appmgr.ts')).href)) as typeof import('./bench-appmgr.js')).startBenchAppmgr(redisUrl, 'login')
    : await startBenchAppmgr(redisUrl, 'login', services);
  onParent(() => undefined);
  process.send!({ port: appmgr.httpPort });
}

async function serveBare(): Promise<void> {
  const bare = Fastify({ logger: false });
  const schema = { type: 'object', properties: { returncode: { type: 'integer' }, ip: { type: 'string' }, port: { type: 'integer' } } } as const;
  bare.get('/login', { schema: { response: { 200: schema } } }, async () => ({ returncode: 0, ip: '127.0.0.1', port: 5002 }));
  await bare.listen({ host: '127.0.0.1', port: 0 });
  onParent(() => undefined);
  process.send!({ port: (bare.server.address() as { port: number }).port });
}

interface Run {
  rps: number;
  total: number;
  seconds: number;
  serverCpu: number;
  redisCpu: number;
  genCpu: number;
  non2xx: number;
  errors: number;
  p99: number;
  boxBusy: number;
  othersCpuS: number;
}

type Autocannon = (o: Record<string, unknown>) => Promise<{ requests: { total: number }; latency: { p99: number }; non2xx: number; errors: number; timeouts: number; duration: number }>;

/** The load child: runs autocannon (programmatically, in this child) and answers its result and its own CPU. */
function load(): void {
  const autocannon = createRequire(import.meta.url)('autocannon') as Autocannon;
  onParent(async (m) => {
    const c0 = process.cpuUsage();
    const r = await autocannon({ url: m.url, connections: m.connections, duration: m.duration, headers: m.close ? { connection: 'close' } : {} });
    const c = process.cpuUsage(c0);
    return { total: r.requests.total, seconds: r.duration, p99: r.latency.p99, non2xx: r.non2xx, errors: r.errors + r.timeouts, genCpu: c.user + c.system };
  });
  process.send!({ port: -1 });
}

/** One autocannon run (in the load child) against `port`, with the server's (and Redis') CPU over it. */
async function run(gen: IpcChild, port: number, serverPid: number, redisUrl: string | undefined, o: { connections: number; duration: number; close: boolean }): Promise<Run> {
  const close = await openWindow([serverPid, gen.pid], redisUrl);
  gen.send({ url: `http://127.0.0.1:${port}/login`, ...o });
  const r = await gen.next<{ total: number; seconds: number; p99: number; non2xx: number; errors: number; genCpu: number; error?: string }>();
  const w = await close();
  if (r.error) throw new Error(r.error);
  // Rates over autocannon's own measured duration; CPU over the window (autocannon's set-up is a few ms of it).
  return { rps: r.total / r.seconds, total: r.total, seconds: r.seconds, serverCpu: w.cpu[0]!, genCpu: w.cpu[1]!, redisCpu: w.redisCpu, non2xx: r.non2xx, errors: r.errors, p99: r.p99, boxBusy: w.boxBusy, othersCpuS: w.othersCpuS };
}

async function main(): Promise<void> {
  if (args[0] === '--serve-appmgr') return serveAppmgr(args[1]!, args[2]!);
  if (args[0] === '--serve-bare') return serveBare();
  if (args[0] === '--load') return load();
  const duration = numFlag(args, '--duration', 5);
  const rounds = numFlag(args, '--rounds', 3);
  const connections = numFlag(args, '--connections', 100);
  const close = args.includes('--connection-close');
  const prof = strFlag(args, '--cpu-prof');
  const baseRef = strFlag(args, '--baseline');
  const baseDir = baseRef ? await baselineTree(baseRef) : undefined;
  const root = fileURLToPath(new URL('../', import.meta.url));
  // What ships is the tsc build (no tsx): appmgr, ours and the baseline's, is measured compiled unless --tsx.
  const viaTsx = args.includes('--tsx');
  const ours = viaTsx ? `tsx:${root}` : await compiledServices(root);
  const theirs = baseDir ? (viaTsx ? `tsx:${baseDir}` : await compiledServices(baseDir)) : undefined;
  const redis = await startRedis();
  const children: IpcChild[] = [];
  const start = async (name: string, a: string[], flags: string[] = []) => {
    const c = spawnIpc(self, a, flags);
    children.push(c);
    const m = await c.next<{ port?: number; error?: string }>();
    if (!m.port) throw new Error(`${name}: ${m.error}`);
    return { name, pid: c.pid, port: m.port, redis: a[0] === '--serve-appmgr' ? redis.url : undefined };
  };
  try {
    const servers = [await start('appmgr', ['--serve-appmgr', redis.url, ours], prof ? ['--cpu-prof', `--cpu-prof-dir=${prof}`] : []), await start('bare fastify', ['--serve-bare'], prof ? ['--cpu-prof', `--cpu-prof-dir=${prof}`] : [])];
    if (baseDir) servers.push(await start(`appmgr @ ${baseRef}`, ['--serve-appmgr', redis.url, theirs!]));
    // --appmgr-flags "<node flags>": this tree's appmgr once more, with those flags (e.g. --max-semi-space-size=1).
    const appFlags = strFlag(args, '--appmgr-flags');
    if (appFlags) servers.push(await start(`appmgr ${appFlags}`, ['--serve-appmgr', redis.url, ours], appFlags.split(' ').filter(Boolean)));
    await start('autocannon', ['--load']);
    const gen = children[children.length - 1]!;
    const pin = pinning(args);
    for (const srv of servers) pin.server(srv.pid);
    pin.others(gen.pid);
    pin.others(await redisPid(redis.url));
    const o = { connections, duration, close };
    console.log(`login-http bench: ${close ? 'connection: close' : 'keep-alive'}, autocannon -c ${connections} in its own process, ${duration} s per run, ${rounds} rounds alternated; ${pin.line}; ${boxLine()}`);
    for (const s of servers) await run(gen, s.port, s.pid, undefined, { ...o, duration: 2 }); // warm-up
    const runs = servers.map(() => [] as Run[]);
    const fmt = (r: Run) =>
      `${Math.round(r.rps).toLocaleString('en')} req/s, p99 ${r.p99} ms, server ${(r.serverCpu / r.total).toFixed(2)} µs CPU/req (${cores(r.serverCpu, r.seconds)} of a core; autocannon ${cores(r.genCpu, r.seconds)})` +
      `${r.redisCpu ? `, redis ${(r.redisCpu / r.total).toFixed(2)} µs/req` : ''}${r.non2xx || r.errors ? `, non2xx ${r.non2xx}, errors ${r.errors}` : ''}${saturation(r.serverCpu, r.seconds)}`;
    for (let round = 0; round < rounds; round++) {
      // With --cpu-prof appmgr and bare fastify are profiled (one file each, named by pid), for a differential.
      const order = prof ? [0, 1] : servers.map((_, i) => i);
      if (round % 2) order.reverse();
      for (const i of order) runs[i]!.push(await run(gen, servers[i]!.port, servers[i]!.pid, servers[i]!.redis, o));
      console.log(`  round ${round + 1}:`);
      if (prof) {
        console.log(`    appmgr (profiled, pid ${servers[0]!.pid}) ${fmt(runs[0]![round]!)}`);
        console.log(`    bare (profiled, pid ${servers[1]!.pid}) ${fmt(runs[1]![round]!)}`);
        continue;
      }
      for (const i of servers.keys()) console.log(`    ${servers[i]!.name.padEnd(22)} ${fmt(runs[i]![round]!)}`);
      const all = order.map((i) => runs[i]![round]!);
      console.log(`    box busy ${Math.round((all.reduce((a, r) => a + r.boxBusy, 0) / all.length) * 100)} %, other jobs ${(all.reduce((a, r) => a + r.othersCpuS, 0) / all.reduce((a, r) => a + r.seconds, 0)).toFixed(2)} cores; ratio appmgr/bare ${(runs[0]![round]!.rps / runs[1]![round]!.rps).toFixed(2)}`);
    }
    if (prof) return void console.log(`profiles of the appmgr and bare children in ${prof}, named by pid (summary: npx tsx bench/cpu-profile-top.ts <file>)`);
    const rps = runs.map((rs) => median(rs.map((r) => r.rps)));
    const cpu = runs.map((rs) => median(rs.map((r) => r.serverCpu / r.total)));
    const rcpu = runs.map((rs) => median(rs.map((r) => r.redisCpu / r.total)));
    console.log(`medians of ${rounds}:`);
    for (const i of servers.keys()) console.log(`  ${servers[i]!.name.padEnd(22)} ${Math.round(rps[i]!).toLocaleString('en')} req/s, ${cpu[i]!.toFixed(2)} µs server CPU/req${rcpu[i] ? ` + ${rcpu[i]!.toFixed(2)} µs redis` : ''}`);
    const unsat = runs.flat().filter((r) => saturation(r.serverCpu, r.seconds)).length;
    console.log(`  ratio appmgr/bare ${(rps[0]! / rps[1]!).toFixed(2)} (target ≥ 0.8); server CPU/req appmgr/bare ${(cpu[0]! / cpu[1]!).toFixed(2)}` + (baseDir ? `; ${baseRef}: ratio ${(rps[2]! / rps[1]!).toFixed(2)}, CPU/req ${(cpu[2]! / cpu[1]!).toFixed(2)}× bare` : '') + (unsat ? `; ${unsat} runs NOT saturated` : '; every run server-saturated'));
  } finally {
    for (const c of children) await c.stop();
    await redis.stop();
    if (baseDir) await removeTree(baseDir);
  }
}

await main();

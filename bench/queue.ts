/**
 * Bench: the admission queue (docs/queue.md).
 * Part 1 (http): one appmgr (a child process) in front of a game tier that is full (4 fake game pods at capacity) and
 * 4 fake login pods, loaded by autocannon from this process: plain `GET /login` first (before any line exists), then
 * `GET /login?queue=1` (every answer a new ticket: tickets issued per second), then `GET /login?ticket=…` cycling
 * over 2,000 live tickets at the back of that line (polls answered per second). For each run Redis' CPU time
 * (INFO used_cpu_user + used_cpu_sys) per answered request, and the script's usec_per_call (INFO commandstats).
 * Part 2 (herd): `gamecluster local`'s herd — a real local cluster (redis-server, appmgr, 2 logins, 2 games) with
 * CLUSTER_CAPACITY, players arriving at --rate, each queueing, playing and staying --stay seconds — and the herd's
 * wait distribution, the peak online vs the capacity.
 * Run: `npx tsx bench/queue.ts [--duration 10] [--connections 100] [--players 5000] [--capacity 1000] [--rate 500]
 * [--stay 2] [--step-timeout 30000] [--part http|herd|all]`. Needs redis-server on PATH.
 */
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';
import { Redis } from 'ioredis';
import { startAppmgr } from '../services/appmgr/app.js';
import { parseAppmgrConfig } from '../services/appmgr/config.js';
import { formatHerd, runHerd, watchPeak } from '../services/local/herd.js';
import { startLocalCluster } from '../services/local/local-cluster.js';
import { createLogger } from '../services/platform/logger.js';
import { RedisHeartbeatWriter, createRedisClient, waitReady } from '../services/registry/index.js';
import { startRedis } from '../test/helpers/redis-server.js';
import { flag } from './bench-appmgr.js';

interface AutocannonResult {
  requests: { average: number; total: number };
  latency: { p50: number; p99: number };
  statusCodeStats?: Record<string, { count: number }>;
  non2xx: number;
  errors: number;
  timeouts: number;
}
type Autocannon = (o: Record<string, unknown>) => Promise<AutocannonResult>;

const args = process.argv.slice(2);
const part = (() => {
  const i = args.indexOf('--part');
  return i >= 0 ? args[i + 1]! : 'all';
})();

/** The child: one appmgr with a full game tier and roomy logins. */
async function serve(redisUrl: string): Promise<void> {
  const logger = createLogger('bench', 'warn');
  const client = createRedisClient({ url: redisUrl, logger });
  await waitReady(client, 5000);
  for (const [type, port, cap, online] of [['login', 5002, 1_000_000_000, 0], ['game', 6001, 1000, 1000]] as const) {
    for (let i = 0; i < 4; i++) {
      await new RedisHeartbeatWriter(client, {
        prefix: 'bq', heartbeatMs: 2000, appTtlMs: 6000, logger,
        source: { appId: `${type}-${i}`, appType: type, ip: '127.0.0.1', port: port + i, capacity: cap, online: () => online, draining: () => false },
      }).start();
    }
  }
  const a = await startAppmgr(parseAppmgrConfig({ REDIS_URL: redisUrl, PREFIX: 'bq', HTTP_PORT: '0', ADMIN_PORT: '0', GRPC_PORT: '0', BIND_HOST: '127.0.0.1', LOG_LEVEL: 'warn', QUEUE_TICKET_TTL_MS: '3600000' }), logger);
  process.stdout.write(JSON.stringify({ port: a.httpPort }) + '\n');
  process.once('SIGTERM', () => process.exit(0));
}

async function redisCpu(r: Redis): Promise<{ cpuS: number; calls: number; usec: number }> {
  const stats = await r.info('cpu');
  const cpu = (k: string) => Number(new RegExp(`^${k}:([\\d.]+)`, 'm').exec(stats)?.[1] ?? 0);
  const cmd = await r.info('commandstats');
  let calls = 0;
  let usec = 0;
  for (const m of cmd.matchAll(/^cmdstat_(evalsha|eval):calls=(\d+),usec=(\d+)/gm)) {
    calls += Number(m[2]);
    usec += Number(m[3]);
  }
  return { cpuS: cpu('used_cpu_user') + cpu('used_cpu_sys'), calls, usec };
}

async function httpPart(): Promise<void> {
  const duration = flag('--duration', 10);
  const connections = flag('--connections', 100);
  const autocannon = createRequire(import.meta.url)('autocannon') as Autocannon;
  const redis = await startRedis();
  const r = new Redis(redis.url);
  const child = spawn(process.execPath, ['--import', 'tsx', fileURLToPath(import.meta.url), '--serve', redis.url], { stdio: ['ignore', 'pipe', 'inherit'] });
  const [line] = (await once(child.stdout!.setEncoding('utf8'), 'data')) as [string];
  const { port } = JSON.parse(line.split('\n')[0]!) as { port: number };
  const base = `http://127.0.0.1:${port}`;
  try {
    const run = async (what: string, o: Record<string, unknown>) => {
      const before = await redisCpu(r);
      const res = await autocannon({ url: `${base}/login`, connections, duration, ...o });
      const after = await redisCpu(r);
      const answered = res.requests.total;
      const codes = Object.entries(res.statusCodeStats ?? {}).map(([c, v]) => `${c}×${v.count}`).join(' ');
      const cpuUs = ((after.cpuS - before.cpuS) * 1e6) / Math.max(1, answered);
      const calls = after.calls - before.calls;
      const perCall = (after.usec - before.usec) / Math.max(1, calls);
      console.log(`${what.padEnd(22)} ${String(Math.round(res.requests.average)).padStart(6)} req/s  p50 ${res.latency.p50} ms  p99 ${res.latency.p99} ms  [${codes}; errors ${res.errors + res.timeouts}]  redis CPU ${cpuUs.toFixed(1)} µs/request, ${(calls / Math.max(1, answered)).toFixed(2)} scripts/request at ${perCall.toFixed(0)} µs`);
      return res;
    };
    console.log(`queue bench (http): ${connections} connections, ${duration} s per run, one appmgr, node ${process.version}`);
    await run('warm-up /login', { duration: 2 });
    await run('GET /login', {});
    await run('GET /login?queue=1', { url: `${base}/login?queue=1` });
    // 2,000 fresh tickets at the back of the line just built, polled round-robin.
    const tickets: string[] = [];
    for (let i = 0; i < 2000; i++) tickets.push(((await (await fetch(`${base}/login?queue=1`)).json()) as { ticket: string }).ticket);
    const waiting = (await r.zcard('{bq}:queue:line')) ?? 0;
    await run(`GET /login?ticket=`, { requests: tickets.map((t) => ({ method: 'GET', path: `/login?ticket=${t}` })) });
    console.log(`(the line held ${waiting} tickets while polled)`);
  } finally {
    child.kill('SIGTERM');
    await once(child, 'exit');
    r.disconnect();
    await redis.stop();
  }
}

async function herdPart(): Promise<void> {
  const players = flag('--players', 5000);
  const capacity = flag('--capacity', 1000);
  const rate = flag('--rate', 500);
  const stay = flag('--stay', 2);
  const stepTimeoutMs = flag('--step-timeout', 30_000);
  const cluster = await startLocalCluster({ logLevel: 'warn', appmgrEnv: { CLUSTER_CAPACITY: String(capacity) } });
  try {
    console.log(`queue bench (herd): ${players} players at ${rate}/s, capacity ${capacity}, each staying ${stay} s; local cluster (1 appmgr, 2 logins, 2 games)`);
    const peak = watchPeak(cluster.appmgrAdminUrl);
    const report = await runHerd({ appmgr: cluster.appmgrUrl, players, rate, durationS: stay, stepTimeoutMs });
    const seen = await peak.stop();
    console.log(formatHerd(report));
    console.log(`peak online ${seen.peak_online} (capacity ${capacity}), peak line ${seen.peak_queue}`);
  } finally {
    await cluster.stop();
  }
}

if (args[0] === '--serve') await serve(args[1]!);
else {
  if (part === 'http' || part === 'all') await httpPart();
  if (part === 'herd' || part === 'all') await herdPart();
}

/**
 * Bench: WORKERS=1 vs WORKERS=2 in the same run, real `gamecluster` processes (through tsx, like the tests) on
 * 127.0.0.1 with one redis-server. Two loads, each from a separate load-generator process pinned to the last CPU
 * with `taskset` when it exists (so it does not float onto the server's CPUs mid-run):
 *  - appmgr `GET /login` req/s (autocannon, keep-alive; 4 fake logins heartbeating so every pick succeeds);
 *  - game `C2G_Echo` → `G2C_Echo` frames/s: tokens issued straight into Redis, `--conns` clients log in with them,
 *    then each keeps `--window` echoes in flight (raw sockets, pre-encoded frames: the generator stays cheap).
 * After each game run the per-worker accepted-connection counters give the spread (WORKERS=2: min/max share).
 * `--sched none` sets NODE_CLUSTER_SCHED_POLICY=none (the kernel hands out accepts) to compare with round-robin.
 * Run: `npx tsx bench/workers.ts [--duration 8] [--conns 200] [--window 8] [--http-conns 100] [--sched rr|none]`.
 */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { createRequire } from 'node:module';
import { connect, type Socket } from 'node:net';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { createLogger } from '../services/platform/logger.js';
import { decodeBody, encodeBody } from '../services/protocol/messages.js';
import { MsgId, ReturnCode } from '../services/protocol/wire.js';
import { RedisHeartbeatWriter, RedisTokenStore, closeRedis, createRedisClient, waitReady } from '../services/registry/index.js';
import { encodeFrame } from '../services/socket/frame-codec.js';
import { freePort } from '../test/helpers/free-port.js';
import { startRedis } from '../test/helpers/redis-server.js';

const args = process.argv.slice(2);
const flag = (name: string, def: string) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1]! : def;
};
const self = fileURLToPath(import.meta.url);
const cli = fileURLToPath(new URL('../services/cli.ts', import.meta.url));
const root = fileURLToPath(new URL('../', import.meta.url));

// ---------------------------------------------------------------- load generators (run as pinned children)

async function loadHttp(url: string, durationS: number, connections: number): Promise<void> {
  const autocannon = createRequire(import.meta.url)('autocannon') as (o: Record<string, unknown>) => Promise<{ requests: { average: number; total: number }; latency: { p99: number }; non2xx: number; errors: number }>;
  const r = await autocannon({ url, connections, duration: durationS });
  process.stdout.write(JSON.stringify({ rps: Math.round(r.requests.average), total: r.requests.total, p99_ms: r.latency.p99, non2xx: r.non2xx, errors: r.errors }) + '\n');
}

/** One game client: LoginByToken, then `window` echoes in flight until `stopAt`; counts replies after `countFrom`. */
function echoClient(port: number, account: string, token: string, window: number, countFrom: number, stopAt: number, echoFrame: Buffer): Promise<number> {
  return new Promise((resolve, reject) => {
    const s: Socket = connect({ port, host: '127.0.0.1', noDelay: true });
    let buf: Buffer = Buffer.alloc(0);
    let online = false;
    let counted = 0;
    let done = false;
    const finish = () => {
      if (done) return;
      done = true;
      s.destroy();
      resolve(counted);
    };
    s.on('connect', () => s.write(encodeFrame(MsgId.C2G_LoginByToken, encodeBody(MsgId.C2G_LoginByToken, { account, token }))));
    s.on('error', (err) => (done ? undefined : ((done = true), reject(err))));
    s.on('close', () => finish());
    s.on('data', (chunk: Buffer) => {
      buf = buf.length ? Buffer.concat([buf, chunk]) : chunk;
      let replies = 0;
      let off = 0;
      while (buf.length - off >= 4) {
        const len = buf.readUInt16LE(off);
        if (buf.length - off < len) break;
        const id = buf.readUInt16LE(off + 2);
        if (id === MsgId.G2C_Echo) replies++;
        else if (id === MsgId.G2C_LoginByTokenRs) {
          const rs = decodeBody(MsgId.G2C_LoginByTokenRs, buf.subarray(off + 4, off + len));
          if ((rs.returnCode ?? 0) !== ReturnCode.OK) return void ((done = true), s.destroy(), reject(new Error(`login ${rs.returnCode}`)));
          online = true;
          s.write(Buffer.concat(Array.from({ length: window }, () => echoFrame)));
        }
        off += len;
      }
      buf = buf.subarray(off);
      if (!online || replies === 0) return;
      const now = Date.now();
      if (now >= countFrom) counted += replies;
      if (now >= stopAt) return finish();
      s.write(replies === 1 ? echoFrame : Buffer.concat(Array.from({ length: replies }, () => echoFrame)));
    });
  });
}

async function loadEcho(port: number, tokensJson: string, durationS: number, window: number): Promise<void> {
  const tokens = JSON.parse(tokensJson) as [string, string][];
  const echoFrame = encodeFrame(MsgId.C2G_Echo, encodeBody(MsgId.C2G_Echo, { payload: Buffer.alloc(32, 7), clientTimeMs: 0 }));
  const warmupMs = 1000;
  const countFrom = Date.now() + warmupMs;
  const stopAt = countFrom + durationS * 1000;
  const counts = await Promise.all(tokens.map(([a, t]) => echoClient(port, a, t, window, countFrom, stopAt, echoFrame)));
  const total = counts.reduce((x, y) => x + y, 0);
  process.stdout.write(JSON.stringify({ frames_per_s: Math.round(total / durationS), total }) + '\n');
}

// ---------------------------------------------------------------- orchestration

const hasTaskset = (() => {
  try {
    execFileSync('taskset', ['-V'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
})();
const cpus = availableParallelism();
const loadCpu = String(cpus - 1);

/** Runs this file as a load generator, pinned to the last CPU when taskset exists; resolves its JSON line. */
async function runLoad(loadArgs: string[]): Promise<any> {
  const node = [process.execPath, '--import', 'tsx', self, ...loadArgs];
  const [file, ...rest] = hasTaskset && cpus > 1 ? ['taskset', '-c', loadCpu, ...node] : node;
  const child = spawn(file!, rest, { cwd: root, stdio: ['ignore', 'pipe', 'inherit'] });
  let out = '';
  child.stdout!.setEncoding('utf8').on('data', (d: string) => (out += d));
  const [code] = (await once(child, 'exit')) as [number];
  if (code !== 0) throw new Error(`load generator exited ${code}`);
  return JSON.parse(out.trim().split('\n').at(-1)!);
}

function startService(command: string, env: Record<string, string>): ChildProcess {
  return spawn(process.execPath, ['--import', 'tsx', cli, command], {
    cwd: root,
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '/tmp', BIND_HOST: '127.0.0.1', LOG_LEVEL: 'warn', ...env },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
}

async function waitHttp(url: string, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      if ((await fetch(url, { signal: AbortSignal.timeout(1000) })).status === 200) return;
    } catch {
      // not yet
    }
    if (Date.now() > deadline) throw new Error(`${url} not ready in ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

async function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  child.kill('SIGTERM');
  const t = setTimeout(() => child.kill('SIGKILL'), 15_000);
  await once(child, 'exit');
  clearTimeout(t);
}

async function metricValues(port: number, name: string): Promise<Record<string, number>> {
  const text = await (await fetch(`http://127.0.0.1:${port}/metrics`)).text();
  const out: Record<string, number> = {};
  for (const line of text.split('\n')) {
    const m = /^(\w+)(?:\{(.*)\})? (\S+)$/.exec(line);
    if (m && m[1] === name) out[m[2] ?? ''] = Number(m[3]);
  }
  return out;
}

async function main(): Promise<void> {
  if (args[0] === '--load-http') return loadHttp(args[1]!, Number(args[2]), Number(args[3]));
  if (args[0] === '--load-echo') return loadEcho(Number(args[1]), args[2]!, Number(args[3]), Number(args[4]));

  const durationS = Number(flag('--duration', '8'));
  const conns = Number(flag('--conns', '200'));
  const window = Number(flag('--window', '8'));
  const httpConns = Number(flag('--http-conns', '100'));
  const sched = flag('--sched', 'rr');
  const schedEnv: Record<string, string> = sched === 'none' ? { NODE_CLUSTER_SCHED_POLICY: 'none' } : {};
  const logger = createLogger('bench', 'warn');
  const redis = await startRedis();
  const client = createRedisClient({ url: redis.url, logger });
  await waitReady(client, 5000);
  const beats: RedisHeartbeatWriter[] = [];
  console.log(`workers bench: node ${process.version}, ${cpus} CPUs, load generator ${hasTaskset && cpus > 1 ? `pinned to CPU ${loadCpu} (taskset)` : 'not pinned'}, sched ${sched}, ${durationS} s per run`);
  try {
    for (let i = 0; i < 4; i++) {
      const hb = new RedisHeartbeatWriter(client, {
        prefix: 'wb', heartbeatMs: 2000, appTtlMs: 600_000, logger,
        source: { appId: `login-${i}`, appType: 'login', ip: '127.0.0.1', port: 5002 + i, capacity: 1_000_000_000, online: () => 0, draining: () => false },
      });
      await hb.start();
      beats.push(hb);
    }
    const common = { REDIS_URL: redis.url, PREFIX: 'wb', ...schedEnv };
    const rows: string[] = [];
    for (const workers of [1, 2]) {
      // appmgr /login
      const httpPort = await freePort();
      const appmgr = startService('appmgr', { ...common, WORKERS: String(workers), HTTP_PORT: String(httpPort), ADMIN_PORT: String(await freePort()), GRPC_PORT: String(await freePort()) });
      try {
        await waitHttp(`http://127.0.0.1:${httpPort}/readyz`);
        await runLoad(['--load-http', `http://127.0.0.1:${httpPort}/login`, '2', String(httpConns)]); // warm-up
        const r = await runLoad(['--load-http', `http://127.0.0.1:${httpPort}/login`, String(durationS), String(httpConns)]);
        rows.push(`WORKERS=${workers}  appmgr GET /login: ${r.rps} req/s (p99 ${r.p99_ms} ms, non-2xx ${r.non2xx}, errors ${r.errors}, ${httpConns} keep-alive connections)`);
      } finally {
        await stop(appmgr);
      }
      // game echo
      const port = await freePort();
      const metricsPort = await freePort();
      const appId = `game-bench-${workers}`;
      const game = startService('game', { ...common, RESUME_GRACE_MS: '0', WORKERS: String(workers), PORT: String(port), METRICS_PORT: String(metricsPort), APP_ID: appId, MAX_FRAMES_PER_SEC: '1000000', IDLE_TIMEOUT_MS: '600000' });
      try {
        await waitHttp(`http://127.0.0.1:${metricsPort}/readyz`);
        const tokens = new RedisTokenStore(client, { prefix: 'wb', tokenTtlMs: 600_000 });
        const pairs: [string, string][] = [];
        for (let i = 0; i < conns; i++) pairs.push([`bench${workers}-${i}`, await tokens.issue(`bench${workers}-${i}`, appId)]);
        const r = await runLoad(['--load-echo', String(port), JSON.stringify(pairs), String(durationS), String(window)]);
        let spread = '';
        if (workers > 1) {
          const acc = Object.values(await metricValues(metricsPort, 'gamecluster_worker_connections_accepted_total'));
          const sum = acc.reduce((a, b) => a + b, 0);
          spread = `; connections per worker ${acc.join(' / ')} (shares ${acc.map((a) => ((100 * a) / sum).toFixed(1) + ' %').join(' / ')})`;
        }
        rows.push(`WORKERS=${workers}  game echo: ${r.frames_per_s} frames/s (${conns} connections × ${window} in flight, 32-byte payload)${spread}`);
      } finally {
        await stop(game);
      }
    }
    for (const r of rows) console.log(r);
  } finally {
    for (const b of beats) await b.stop();
    await closeRedis(client);
    await redis.stop();
  }
}

await main();

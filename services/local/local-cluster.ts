/**
 * `startLocalCluster(opts)`: a whole gamecluster on loopback as child processes of this same CLI — a redis-server (or
 * the Redis at REDIS_URL, under a fresh PREFIX so other clusters' pods never show up), 1 appmgr, N logins, M games —
 * on free 127.0.0.1 ports, ready when every /readyz answers 200 and appmgr's /apps (admin port) lists every pod as ready.
 * `stop()` stops only what it started: pods first (SIGTERM; they drain), then appmgr, then Redis, each bounded by a
 * SIGKILL. Child logs go to one file per process in a temp dir. Used by `gamecluster local`, tests and bench.
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fetchApps, type PodRef } from './cluster-view.js';
import { freePort, gameclusterCommand, spawnManaged, type ManagedChild } from './child-process.js';
import { LocalClusterError, ensureRedisServer, startLocalRedis } from './redis-launcher.js';

export { LocalClusterError };

export interface LocalClusterOptions {
  logins?: number;
  games?: number;
  /** Use this Redis instead of starting one (never stopped by us). Default: process.env.REDIS_URL. */
  redisUrl?: string;
  /** Key prefix; default `gc` on our own Redis, a fresh `local-<hex>` on a shared one. */
  prefix?: string;
  heartbeatMs?: number;
  appTtlMs?: number;
  capacity?: number;
  drainTimeoutMs?: number;
  logLevel?: string;
  /** Directory for child logs (default: a new temp dir). */
  logDir?: string;
  readyTimeoutMs?: number;
  /** Extra env for every login/game pod (e.g. limits for a bench). */
  podEnv?: Record<string, string>;
  /** Extra env for appmgr (e.g. CLUSTER_CAPACITY and the QUEUE_* knobs for a herd). */
  appmgrEnv?: Record<string, string>;
  /** Progress lines (stderr in the CLI). */
  log?: (line: string) => void;
}

export interface LocalPod extends PodRef {
  /** The pod's WebSocket port (every local login/game has one, so a browser page can play against `local`). */
  wsPort: number;
  pid: number;
  logFile: string;
}

export interface LocalCluster {
  /** appmgr's public port: GET /login. */
  appmgrUrl: string;
  /** appmgr's admin port: /apps, /status, /metrics, the live page. */
  appmgrAdminUrl: string;
  appmgrGrpc: string;
  redisUrl: string;
  /** True when we started the Redis (and will stop it). */
  ownsRedis: boolean;
  prefix: string;
  heartbeatMs: number;
  logDir: string;
  appmgr: { pid: number; httpPort: number; adminPort: number; grpcPort: number; logFile: string };
  pods: LocalPod[];
  stop(): Promise<void>;
  /** SIGKILLs everything we started, synchronously (for process 'exit'). */
  killNow(): void;
}

async function httpOk(url: string): Promise<boolean> {
  try {
    const res = await fetch(url, { signal: AbortSignal.timeout(1000) });
    await res.arrayBuffer();
    return res.status === 200;
  } catch {
    return false;
  }
}

export async function startLocalCluster(opts: LocalClusterOptions = {}): Promise<LocalCluster> {
  const log = opts.log ?? (() => {});
  const heartbeatMs = opts.heartbeatMs ?? 500;
  // TTL well above 3 heartbeats: a loaded 2-core box can delay a beat, and an expired pod would refuse players.
  const appTtlMs = opts.appTtlMs ?? Math.max(5000, 3 * heartbeatMs);
  const logDir = opts.logDir ?? mkdtempSync(join(tmpdir(), 'gamecluster-local-'));
  const children: ManagedChild[] = [];
  const killNow = () => children.forEach((c) => c.killNow());
  const external = opts.redisUrl ?? (process.env.REDIS_URL || undefined);

  let redisChild: ManagedChild | undefined;
  const stopAll = async () => {
    const pods = children.filter((c) => c.name.startsWith('login') || c.name.startsWith('game'));
    await Promise.all(pods.map((c) => c.stop(Math.max(5000, (opts.drainTimeoutMs ?? 1000) + 4000))));
    await Promise.all(children.filter((c) => c.name === 'appmgr').map((c) => c.stop(5000)));
    if (redisChild) await redisChild.stop(3000);
  };

  try {
    let redisUrl: string;
    if (external) redisUrl = external;
    else {
      ensureRedisServer(log);
      const r = await startLocalRedis(logDir);
      redisChild = r.child;
      children.push(r.child);
      redisUrl = r.url;
    }
    const prefix = opts.prefix ?? (external ? `local-${randomBytes(3).toString('hex')}` : 'gc');
    const run = randomBytes(2).toString('hex');
    const common = {
      PATH: process.env.PATH ?? '',
      HOME: process.env.HOME ?? '/tmp',
      REDIS_URL: redisUrl,
      // A Sentinel list and the Redis command timeout given to `local` reach every child too.
      ...(external && process.env.REDIS_SENTINELS ? { REDIS_SENTINELS: process.env.REDIS_SENTINELS } : {}),
      ...(process.env.REDIS_COMMAND_TIMEOUT_MS ? { REDIS_COMMAND_TIMEOUT_MS: process.env.REDIS_COMMAND_TIMEOUT_MS } : {}),
      PREFIX: prefix,
      HEARTBEAT_MS: String(heartbeatMs),
      APP_TTL_MS: String(appTtlMs),
      BIND_HOST: '127.0.0.1',
      LOG_LEVEL: opts.logLevel ?? 'info',
    };

    const httpPort = await freePort();
    const adminPort = await freePort();
    const grpcPort = await freePort();
    const spawnCmd = (name: string, cmd: string, env: Record<string, string>) => {
      const { file, args } = gameclusterCommand(cmd, undefined, env.NODE_OPTIONS);
      const c = spawnManaged(name, file, args, env, join(logDir, `${name}.log`));
      children.push(c);
      return c;
    };
    const appmgr = spawnCmd('appmgr', 'appmgr', { ...common, HTTP_PORT: String(httpPort), ADMIN_PORT: String(adminPort), GRPC_PORT: String(grpcPort), ...opts.appmgrEnv });
    const appmgrUrl = `http://127.0.0.1:${httpPort}`;
    const appmgrAdminUrl = `http://127.0.0.1:${adminPort}`;

    const pods: LocalPod[] = [];
    const podChildren = new Map<string, ManagedChild>();
    for (const [type, count] of [['login', opts.logins ?? 2], ['game', opts.games ?? 2]] as const) {
      for (let i = 1; i <= count; i++) {
        const name = `${type}-${i}`;
        const port = await freePort();
        const wsPort = await freePort();
        const metricsPort = await freePort();
        const appId = `local-${run}-${name}`;
        const env: Record<string, string> = {
          ...common,
          PORT: String(port),
          WS_PORT: String(wsPort),
          METRICS_PORT: String(metricsPort),
          APP_ID: appId,
          ADVERTISE_HOST: '127.0.0.1',
          ADVERTISE_PORT: String(port),
          CAPACITY: String(opts.capacity ?? 5000),
          DRAIN_TIMEOUT_MS: String(opts.drainTimeoutMs ?? 1000),
          ...(type === 'login' ? { APPMGR_GRPC: `127.0.0.1:${grpcPort}` } : {}),
          // The game module (and its resume grace) given to `local` runs on its game pods (docs/game-modules.md).
          ...(type === 'game' && process.env.GAME_MODULE ? { GAME_MODULE: process.env.GAME_MODULE } : {}),
          ...(type === 'game' && process.env.RESUME_GRACE_MS ? { RESUME_GRACE_MS: process.env.RESUME_GRACE_MS } : {}),
          ...opts.podEnv,
        };
        const c = spawnCmd(name, type, env);
        podChildren.set(appId, c);
        pods.push({ name, type, appId, port, wsPort, metricsPort, pid: c.pid, logFile: c.logFile });
      }
    }

    // Ready: every /readyz answers 200 and appmgr lists every pod as ready. A child dying meanwhile fails fast.
    const deadline = Date.now() + (opts.readyTimeoutMs ?? 60_000);
    const checks: { what: string; child: ManagedChild; url: string }[] = [
      { what: 'appmgr', child: appmgr, url: `${appmgrUrl}/readyz` },
      ...pods.map((p) => ({ what: p.name, child: podChildren.get(p.appId)!, url: `http://127.0.0.1:${p.metricsPort}/readyz` })),
    ];
    let pending = checks;
    for (;;) {
      for (const c of children) {
        if (!c.running) throw new LocalClusterError(`${c.name} exited during start-up (${await c.exited}); last log lines (${c.logFile}):\n${c.logTail().trim()}`);
      }
      const ok = await Promise.all(pending.map((c) => httpOk(c.url)));
      pending = pending.filter((_, i) => !ok[i]);
      if (pending.length === 0) {
        const apps = await fetchApps(appmgrAdminUrl);
        if (apps && pods.every((p) => apps.some((a) => a.app_id === p.appId && a.state === 'ready'))) break;
      }
      if (Date.now() > deadline) {
        const what = pending.length ? pending.map((c) => `${c.what} /readyz`).join(', ') : "every pod in appmgr's /apps";
        throw new LocalClusterError(`the local cluster was not ready within ${opts.readyTimeoutMs ?? 60_000} ms: waiting for ${what} (logs in ${logDir})`);
      }
      await new Promise((r) => setTimeout(r, 100));
    }
    log(`gamecluster local: cluster ready (logs in ${logDir})`);

    let stopping: Promise<void> | undefined;
    return {
      appmgrUrl,
      appmgrAdminUrl,
      appmgrGrpc: `127.0.0.1:${grpcPort}`,
      redisUrl,
      ownsRedis: redisChild !== undefined,
      prefix,
      heartbeatMs,
      logDir,
      appmgr: { pid: appmgr.pid, httpPort, adminPort, grpcPort, logFile: appmgr.logFile },
      pods,
      stop: () => (stopping ??= stopAll()),
      killNow,
    };
  } catch (err) {
    await stopAll();
    throw err;
  }
}


/**
 * Test helper for the login/game acceptance tests: a real redis-server, a real appmgr and real login/game child
 * processes (`gamecluster <cmd>` through tsx) on free 127.0.0.1 ports, each waited for with bounded polls
 * (/readyz 200), plus the player flow by hand with FrameClient and a tiny Prometheus text reader.
 */
import assert from 'node:assert/strict';
import type { Redis } from 'ioredis';
import { pino } from 'pino';
import { createRedisClient, waitReady } from '../services/registry/index.js';
import { MsgId, ReturnCode } from '../services/protocol/wire.js';
import { FrameClient } from '../services/socket/frame-client.js';
import { freePort } from './helpers/free-port.js';
import { startRedis, type TestRedis } from './helpers/redis-server.js';
import { startService, type ServiceProcess } from './helpers/service-process.js';
import { GiveUp, waitFor } from './helpers/wait-for.js';

export interface Proc {
  readonly kind: 'appmgr' | 'login' | 'game';
  readonly proc: ServiceProcess;
  readonly appId: string;
  /** TCP port (login/game) or public HTTP port (appmgr: /login). */
  readonly port: number;
  /** METRICS_PORT (login/game) or ADMIN_PORT (appmgr: /apps, /status, /metrics). */
  readonly metricsPort: number;
  readonly grpcPort: number;
}

export interface TestCluster {
  readonly redis: TestRedis;
  readonly appmgr: Proc;
  readonly prefix: string;
  readonly common: Record<string, string>;
  readonly procs: Proc[];
  startPod(kind: 'login' | 'game', appId: string, env?: Record<string, string>, opts?: { waitReady?: boolean }): Promise<Proc>;
  stop(): Promise<void>;
}

export async function fetchJson(url: string, init?: RequestInit): Promise<{ status: number; body: any }> {
  const res = await fetch(url, { ...init, signal: AbortSignal.timeout(5000) });
  const text = await res.text();
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    body = text;
  }
  return { status: res.status, body };
}

export async function readyz(p: Proc): Promise<number> {
  try {
    return (await fetch(`http://127.0.0.1:${p.metricsPort}/readyz`, { signal: AbortSignal.timeout(2000) })).status;
  } catch {
    return 0;
  }
}

/** Sum of the samples of `name` whose labels include `labels`, from a /metrics page. */
export async function metric(port: number, name: string, labels: Record<string, string> = {}): Promise<number> {
  const res = await fetch(`http://127.0.0.1:${port}/metrics`, { signal: AbortSignal.timeout(5000) });
  // A 404 (e.g. appmgr's public port, which serves no /metrics) must not read as "every counter is 0".
  if (!res.ok) throw new Error(`GET :${port}/metrics answered ${res.status}`);
  const text = await res.text();
  let sum = 0;
  for (const line of text.split('\n')) {
    const m = /^([a-zA-Z_:][\w:]*)(?:\{(.*)\})? (\S+)$/.exec(line);
    if (!m || m[1] !== name) continue;
    const ls: Record<string, string> = {};
    for (const kv of (m[2] ?? '').matchAll(/(\w+)="((?:[^"\\]|\\.)*)"/g)) ls[kv[1]!] = kv[2]!;
    if (Object.entries(labels).every(([k, v]) => ls[k] === v)) sum += Number(m[3]);
  }
  return sum;
}

/** A Redis the test owns itself (e.g. a Sentinel deployment): the cluster uses its URL and never stops it. */
function externalRedis(url: string): TestRedis {
  const none = async () => {};
  return { port: 0, url, kill: none, restart: none, stop: none, signal: () => {} };
}

export async function startCluster(opts: { prefix: string; env?: Record<string, string>; appmgrEnv?: Record<string, string>; redisUrl?: string }): Promise<TestCluster> {
  const redis = opts.redisUrl ? externalRedis(opts.redisUrl) : await startRedis();
  // RESUME_GRACE_MS=0: these clusters test the platform's accounting, where a closed game connection is a player gone
  // (with the 30 s default a dropped player stays counted, and a drain waits for him). Resume tests set it themselves.
  const common = { REDIS_URL: redis.url, PREFIX: opts.prefix, HEARTBEAT_MS: '500', APP_TTL_MS: '3000', LOG_LEVEL: 'info', RESUME_GRACE_MS: '0', ...opts.env };
  const procs: Proc[] = [];
  const httpPort = await freePort();
  const adminPort = await freePort();
  const grpcPort = await freePort();
  const appmgrProc = startService('appmgr', { ...common, HTTP_PORT: String(httpPort), ADMIN_PORT: String(adminPort), GRPC_PORT: String(grpcPort), ...opts.appmgrEnv });
  const appmgr: Proc = { kind: 'appmgr', proc: appmgrProc, appId: 'appmgr', port: httpPort, metricsPort: adminPort, grpcPort };
  procs.push(appmgr);
  const cluster: TestCluster = {
    redis,
    appmgr,
    prefix: opts.prefix,
    common,
    procs,
    async startPod(kind, appId, env = {}, o = {}) {
      const port = await freePort();
      const metricsPort = await freePort();
      const proc = startService(kind, {
        ...common,
        APP_ID: appId,
        PORT: String(port),
        METRICS_PORT: String(metricsPort),
        ...(kind === 'login' ? { APPMGR_GRPC: `127.0.0.1:${grpcPort}` } : {}),
        ...env,
      });
      const p: Proc = { kind, proc, appId, port, metricsPort, grpcPort: 0 };
      procs.push(p);
      if (o.waitReady !== false) await waitFor(`${appId} ready`, async () => {
        if (proc.child.exitCode !== null) throw new GiveUp(`${appId} exited ${proc.child.exitCode}: ${proc.stderr.join('')}`);
        return (await readyz(p)) === 200;
      }, 30_000, 100);
      return p;
    },
    async stop() {
      await Promise.all(procs.map((p) => p.proc.stop()));
      await redis.stop();
    },
  };
  await stoppedOnFailure(cluster, () =>
    waitFor('appmgr ready', async () => {
      if (appmgrProc.child.exitCode !== null) throw new GiveUp(`appmgr exited ${appmgrProc.child.exitCode}: ${appmgrProc.stderr.join('')}`);
      return (await fetchJson(`http://127.0.0.1:${httpPort}/readyz`)).status === 200;
    }, 30_000, 100),
  );
  return cluster;
}

/**
 * Runs a step of a cluster's start; when it fails, stops what the cluster started before rethrowing: the caller never
 * got the cluster to stop, and a redis-server or pod left running keeps the test file's process alive for ever.
 */
async function stoppedOnFailure<T>(c: TestCluster, step: () => Promise<T>): Promise<T> {
  try {
    return await step();
  } catch (err) {
    await c.stop().catch(() => {});
    throw err;
  }
}

/**
 * Waits until appmgr sees exactly these app ids of `type` as ready in the registry. /apps is appmgr's snapshot (it
 * may lag one heartbeat and keeps the last state through a Redis outage): `seenSinceMs` asks for heartbeats written
 * at or after that time (e.g. after a Redis restart), so the pods are really back in Redis.
 */
export async function waitRegistered(c: TestCluster, type: 'login' | 'game', appIds: string[], seenSinceMs = 0): Promise<void> {
  await waitFor(`${type} ${appIds.join(',')} registered`, async () => {
    const { body } = await fetchJson(`http://127.0.0.1:${c.appmgr.metricsPort}/apps`);
    const ids = (body.apps as { app_id: string; app_type: string; state: string; last_seen_ms: number }[])
      .filter((a) => a.app_type === type && a.state === 'ready' && a.last_seen_ms >= seenSinceMs)
      .map((a) => a.app_id)
      .sort();
    return JSON.stringify(ids) === JSON.stringify([...appIds].sort());
  }, 20_000, 100);
}

/** The small cluster most flow and SDK tests run on: appmgr, one login `login-a` and one game `game-a` (each with its extra env), both registered. */
export interface LoginGameCluster {
  c: TestCluster;
  login: Proc;
  game: Proc;
  /** appmgr's public base URL (`GET /login`). */
  appmgr: string;
}

export async function startLoginGame(opts: Parameters<typeof startCluster>[0] & { loginEnv?: Record<string, string>; gameEnv?: Record<string, string> }): Promise<LoginGameCluster> {
  const c = await startCluster(opts);
  const [login, game] = await stoppedOnFailure(c, async () => {
    // Both starts settle before a failure stops the cluster: a pod still being spawned would be left running.
    const started = await Promise.allSettled([c.startPod('login', 'login-a', opts.loginEnv), c.startPod('game', 'game-a', opts.gameEnv)]);
    const pods = started.map((r) => {
      if (r.status === 'rejected') throw r.reason;
      return r.value;
    });
    await Promise.all([waitRegistered(c, 'login', ['login-a']), waitRegistered(c, 'game', ['game-a'])]);
    return pods as [Proc, Proc];
  });
  return { c, login, game, appmgr: `http://127.0.0.1:${c.appmgr.port}` };
}

/** A client of the cluster's Redis, connected (for a test to read keys); the caller closes it (closeRedis). */
export async function clusterRedis(c: TestCluster): Promise<Redis> {
  const redis = createRedisClient({ url: c.redis.url, logger: pino({ level: 'silent' }) });
  assert.ok(await waitReady(redis, 5000), 'the test Redis client connects');
  return redis;
}

/** The pod's own `gamecluster_online_players`. */
export const onlineOf = (p: Proc) => metric(p.metricsPort, 'gamecluster_online_players', { app_type: p.kind, app_id: p.appId });

export interface LoginStep {
  ip: string;
  port: number;
  token: string;
}

/** HTTP /login → login AccountCheck → EnterGame; returns the game address and token (login closes the connection). */
export async function loginAndEnter(c: TestCluster, account: string): Promise<LoginStep & { loginPort: number }> {
  const { status, body } = await fetchJson(`http://127.0.0.1:${c.appmgr.port}/login`);
  assert.equal(status, 200, JSON.stringify(body));
  assert.equal(body.returncode, 0);
  const login = await FrameClient.connect(body.port, body.ip);
  const check = await login.request(MsgId.C2L_AccountCheck, { account, password: 'pw' }, MsgId.L2C_AccountCheckRs);
  assert.equal(check.returnCode ?? 0, ReturnCode.OK);
  assert.equal(check.playerId, account);
  const enter = await login.request(MsgId.C2L_EnterGame, {}, MsgId.L2C_EnterGameRs);
  assert.equal(enter.returnCode ?? 0, ReturnCode.OK, `EnterGame ${enter.returnCode}`);
  assert.match(enter.token ?? '', /^[0-9a-f]{32}$/);
  const err = await login.closed; // login closes after the answer
  assert.equal(err, undefined);
  return { ip: enter.ip!, port: enter.port!, token: enter.token!, loginPort: body.port };
}

/** Connects to a game and logs in with a token; returns the client and the return code. */
export async function gameLogin(port: number, account: string, token: string): Promise<{ client: FrameClient; code: number; playerId: string }> {
  const client = await FrameClient.connect(port);
  const rs = await client.request(MsgId.C2G_LoginByToken, { account, token }, MsgId.G2C_LoginByTokenRs);
  return { client, code: rs.returnCode ?? 0, playerId: rs.playerId ?? '' };
}

/** The whole flow: returns the logged-in game client and which game port it is on. */
export async function play(c: TestCluster, account: string): Promise<{ client: FrameClient; gamePort: number }> {
  const step = await loginAndEnter(c, account);
  const g = await gameLogin(step.port, account, step.token);
  assert.equal(g.code, ReturnCode.OK);
  assert.equal(g.playerId, account);
  return { client: g.client, gamePort: step.port };
}

/**
 * The primary of a `WORKERS>1` login or game pod. The pod stays ONE app: this process alone heartbeats (one app_id;
 * online = the sum of what the workers report, a dead worker's share dropped at once and a beat sent right away),
 * serves METRICS_PORT (/healthz, /readyz, and /metrics aggregated over every worker and itself), watches the DrainApp
 * flag, and drives the lifecycle: start = fork N workers (round-robin accept on the shared PORT), wait until every
 * one listens, then the first heartbeat, then ready; drain (SIGTERM or DrainApp) = report `draining`, stop
 * restarting workers, tell every worker to drain and wait for each one's `drained` (or its death); close = drain,
 * remove the registry entry, tell the workers to close and wait for their exit, then health server and Redis.
 * Login pods also broker same-pod duplicate logins across workers (login-sessions.ts). The client-facing work is
 * all in the workers; this process never touches a client socket once the listener hands it over.
 */
import { randomBytes } from 'node:crypto';
import type { Logger } from '../../platform/logger.js';
import { createHealthServer } from '../../platform/health-server.js';
import { createPodMetrics } from '../../platform/metrics.js';
import { PrimaryRegistry } from '../../platform/cluster-registry.js';
import { WorkerPool, type WorkerSlot } from '../../platform/worker-pool.js';
import type { WorkerStats } from '../../platform/worker-messages.js';
import type { AppTypeName } from '../../protocol/wire.js';
import { closeRedis, createRedisClient, RedisHeartbeatWriter, waitReady } from '../../registry/index.js';
import type { DrainReason } from '../drain.js';
import { resolvePodIdentity, type PodEnv } from '../pod-config.js';
import type { PodHandle } from '../pod-handle.js';
import { LoginSessionBroker } from './login-sessions.js';
import { bindPodPorts, resolveAdvertiseHost } from '../pod-expose.js';
import { probeListen } from '../port-range.js';
import type { HeartbeatExtras } from '../pod-runtime.js';
import { exportRunId, newRunId } from '../run-id.js';

export interface PodPrimaryOptions {
  appType: AppTypeName;
  config: PodEnv;
  logger: Logger;
  workers: number;
  hostname?: string;
  /**
   * Added to the pod's heartbeat (a game pod's caps and room modes). No room players are summed from the workers: a
   * WORKERS>1 game pod runs only `echo` (services/game/config.ts), which declares no rooms.
   */
  heartbeat?: HeartbeatExtras;
}

export async function startPodPrimary(o: PodPrimaryOptions): Promise<PodHandle> {
  const { config: c, appType } = o;
  const identity = resolvePodIdentity(c, o.hostname);
  const log = o.logger.child({ app_id: identity.appId, role: 'primary' });
  const registry = new PrimaryRegistry();
  const metrics = createPodMetrics(appType, registry);
  const redis = createRedisClient({ url: c.REDIS_URL ?? 'redis://127.0.0.1:6379', sentinels: c.REDIS_SENTINELS, logger: log, upGauge: metrics.redisUp, name: `gamecluster-${appType}-primary`, commandTimeoutMs: c.REDIS_COMMAND_TIMEOUT_MS });
  const stats = new Map<number, WorkerStats>(); // by cluster worker id
  const broker = appType === 'login' ? new LoginSessionBroker() : undefined;
  const online = () => {
    let n = 0;
    for (const s of stats.values()) n += s.online;
    return n;
  };
  // The pod's redeem count is the workers' sum; a dead worker takes its share with it, so a new incarnation
  // tells Redis to restart its reference (see the heartbeat script).
  const redeemsCounted = () => {
    let n = 0;
    for (const s of stats.values()) n += s.redeems;
    return n;
  };
  const incarnationBase = randomBytes(6).toString('hex');
  // One run for the pod's life: every worker forked from now on (restarts included) inherits it.
  const runId = newRunId();
  exportRunId(runId);
  let workerDeaths = 0;

  let heartbeat: RedisHeartbeatWriter | undefined;
  let firstBeatDone = false;
  let draining: Promise<void> | undefined;
  let drainReason: DrainReason | undefined;
  let drainGen = 0; // bumped by an undrain: a drain taken back does not log `drained`
  let closing = false;
  const drainWaiting = new Set<number>(); // worker ids that still owe `drained`
  let drainDone: (() => void) | undefined;
  const settleDrain = (workerId: number) => {
    if (drainWaiting.delete(workerId) && drainWaiting.size === 0) drainDone?.();
  };

  const pool: WorkerPool = new WorkerPool({
    count: o.workers,
    logger: log,
    registry,
    onMessage: (slot: WorkerSlot, m) => {
      if (m.gc === 'stats') stats.set(slot.workerId, { online: m.online, connections: m.connections, redeems: m.redeems });
      else if (m.gc === 'drained') settleDrain(slot.workerId);
      else if (m.gc === 'login-claim' && broker) {
        const prev = broker.claim(slot.workerId, m.account, m.socketKey);
        const holder = prev && pool.slots.find((s) => s.workerId === prev.workerId && s.worker);
        if (prev && holder) pool.send(holder, { gc: 'login-kick', account: m.account, socketKey: prev.socketKey });
      } else if (m.gc === 'login-release') broker?.release(slot.workerId, m.account, m.socketKey);
    },
    onExit: (slot, how) => {
      // Its players are gone with it: the pod's count is right at the next read, and appmgr hears it now.
      stats.delete(slot.workerId);
      workerDeaths += 1;
      broker?.dropWorker(slot.workerId);
      settleDrain(slot.workerId);
      if (firstBeatDone && !closing) void heartbeat?.beatNow();
      if (!closing) log.info({ worker: slot.index, worker_id: slot.workerId, code: how.code, signal: how.signal, restarting: how.restarting, online: online() }, 'worker gone: its players were dropped from the pod count');
    },
    onReady: (slot) => {
      // A worker that became ready after the drain began (it was starting then) drains too.
      if (draining) {
        drainWaiting.add(slot.workerId);
        pool.send(slot, { gc: 'drain', reason: 'drain_app' });
      }
    },
  });
  registry.setWorkerSource(() => pool.collectMetrics());

  const ready = (): true | string => {
    if (closing) return 'shutting down';
    if (draining) return 'draining';
    if (identity.advertiseHost === '') return 'node address unknown (EXPOSE_MODE lookup pending)';
    if (!firstBeatDone) return 'no heartbeat yet';
    if (pool.readyCount() === 0) return 'no worker serving';
    return true;
  };
  const health = createHealthServer({ registry, ready });

  const drain = (reason: DrainReason): Promise<void> => {
    if (draining) {
      // A SIGTERM/close joining a DrainApp drain makes it one that UndrainApp can no longer take back.
      if (reason !== 'drain_app') drainReason = reason;
      return draining;
    }
    drainReason = reason;
    const gen = ++drainGen;
    return (draining = (async () => {
      pool.holdRestarts();
      log.info({ reason, online: online(), workers: pool.readyCount(), drain_timeout_ms: c.DRAIN_TIMEOUT_MS }, 'draining: no new players; every worker drains');
      void heartbeat?.beatNow().then((ok) => log.info({ written: ok }, ok ? 'draining reported in a heartbeat' : 'draining heartbeat failed; retrying'));
      const done = new Promise<void>((resolve) => (drainDone = resolve));
      for (const s of pool.slots) {
        if (!s.worker) continue;
        drainWaiting.add(s.workerId);
        // A worker still starting gets `drain` once it is ready (onReady): before that it has no handler for it.
        if (s.ready) pool.send(s, { gc: 'drain', reason: reason === 'close' ? 'sigterm' : reason });
      }
      if (drainWaiting.size > 0) {
        // Workers kick at DRAIN_TIMEOUT_MS and wait up to 3 s for the kicked to close; a stuck worker does not hold us.
        const t = setTimeout(() => {
          log.warn({ waiting: drainWaiting.size }, 'drain: some workers did not report drained in time');
          drainDone?.();
        }, c.DRAIN_TIMEOUT_MS + 10_000);
        await done;
        clearTimeout(t);
      }
      if (gen === drainGen) log.info({ reason, online: online() }, 'drained (every worker)');
    })());
  };

  // UndrainApp: only a DrainApp drain is taken back; every worker returns to ready (see DrainController.undrain).
  const undrain = (): void => {
    if (!draining || closing || drainReason !== 'drain_app') {
      log.warn({ reason: drainReason ?? null }, 'undrain refused: this pod is not draining because of DrainApp');
      return;
    }
    drainGen++;
    draining = undefined;
    drainReason = undefined;
    drainWaiting.clear();
    const done = drainDone;
    drainDone = undefined;
    done?.();
    pool.resumeRestarts();
    pool.broadcast({ gc: 'undrain' });
    log.info({ workers: pool.readyCount() }, 'undrained by UndrainApp: every worker accepts players again');
    void heartbeat?.beatNow();
  };

  let port = 0;
  let metricsPort = 0;
  let wsPort = 0;
  try {
    await waitReady(redis, 2000);
    // The workers bind PORT (node:cluster shares it); in hostNetwork mode the primary picks it from PORT_RANGE and
    // hands it to them through the env cluster.fork copies.
    const findFree = identity.expose.portRange ? probeListen(c.BIND_HOST) : async (p: number) => p;
    const ports = await bindPodPorts(identity.expose, c, (p) => health.listen(p, c.BIND_HOST), findFree, findFree);
    metricsPort = ports.metricsPort;
    wsPort = ports.wsPort;
    if (identity.expose.portRange) {
      process.env.PORT = String(ports.port);
      if (wsPort > 0) process.env.WS_PORT = String(wsPort);
    }
    await pool.start();
    port = pool.slots.find((s) => s.port)?.port ?? c.PORT;
    await resolveAdvertiseHost(identity, log, new AbortController().signal);
    heartbeat = new RedisHeartbeatWriter(redis, {
      prefix: c.PREFIX,
      heartbeatMs: c.HEARTBEAT_MS,
      appTtlMs: c.APP_TTL_MS,
      logger: log,
      heartbeats: metrics.heartbeats,
      source: {
        appId: identity.appId,
        appType,
        ip: identity.advertiseHost,
        port: identity.advertisePort || port,
        wsPort,
        capacity: c.CAPACITY,
        online,
        draining: () => closing || draining !== undefined,
        redeemsCounted,
        incarnation: () => `${incarnationBase}.${workerDeaths}`,
        runId,
        ...o.heartbeat,
      },
    });
    heartbeat.onDrainRequested(() => void drain('drain_app'));
    heartbeat.onUndrainRequested(undrain);
    // The workers hold the sessions: each re-publishes its own (services/game/sessions.ts).
    heartbeat.onRegistrationLost(() => pool.broadcast({ gc: 'registration-lost' }));
    await heartbeat.start();
    firstBeatDone = true;
  } catch (err) {
    closing = true;
    await pool.stop(5000).catch(() => undefined);
    if (health.server.listening) await health.close();
    await closeRedis(redis);
    throw err;
  }
  log.info({ workers: o.workers, port, metrics_port: metricsPort }, 'all workers listening');

  let closed: Promise<void> | undefined;
  return {
    appId: identity.appId,
    port,
    wsPort,
    metricsPort,
    advertise: { host: identity.advertiseHost, port: identity.advertisePort || port },
    online,
    drain: () => drain('drain_app'),
    close: (opts = {}) =>
      (closed ??= (async () => {
        if (opts.drain !== false) await drain('sigterm');
        closing = true;
        const step = async (what: string, fn: () => Promise<unknown> | undefined) => {
          try {
            await fn();
          } catch (err) {
            log.warn({ err, step: what }, 'shutdown step failed');
          }
        };
        await step('heartbeat', () => heartbeat?.stop());
        await step('workers', () => pool.stop(10_000));
        await step('health', () => health.close());
        await step('redis', () => closeRedis(redis));
        log.info({ app_id: identity.appId }, 'stopped');
      })()),
  };
}

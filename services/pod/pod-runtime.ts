/**
 * The runtime every login and game pod shares around its FrameServer: the Redis client, the health server on
 * METRICS_PORT (/healthz, /readyz, /metrics), the heartbeat (first beat as soon as the TCP port listens, before
 * /readyz turns 200), the `gamecluster_online_players{app_type,app_id}` gauge (= authenticated connections), the
 * drain state machine (SIGTERM or the DrainApp flag) and the ordered shutdown: drain → remove the registry entry →
 * close the TCP server → extra steps (e.g. session releases) → health server → Redis. Redis being down never stops
 * the pod: it starts degraded, heartbeats retry, and the pod becomes ready after its first heartbeat attempt.
 * Inside a `WORKERS>1` worker (`worker` set) the heartbeat and the health server belong to the primary: the runtime
 * then only listens, reports its online count and drains on the primary's command (workers/worker-hooks.ts).
 * A game pod's away players (inside the resume grace, `holdAway`) count as online everywhere — gauge, heartbeat,
 * capacity, deletion cost — and as players to the drain, whose deadline ends them too.
 * The heartbeat also carries the pod's run id (run-id.ts: new per start, a worker's is its primary's) and what the
 * service adds (`heartbeat`: a game pod's caps, its module's room modes and the players in its rooms).
 */
import { randomBytes } from 'node:crypto';
import type { Redis } from 'ioredis';
import type { Logger } from '../platform/logger.js';
import { createHealthServer, type HealthServer } from '../platform/health-server.js';
import type { PodMetrics } from '../platform/metrics.js';
import type { AppTypeName } from '../protocol/wire.js';
import { closeRedis, createRedisClient, RedisHeartbeatWriter, waitReady, type HeartbeatSource } from '../registry/index.js';
import type { WorkerLink } from '../platform/worker-link.js';
import type { FrameServer } from '../socket/frame-server.js';
import { DrainController, type DrainReason, type DrainTarget } from './drain.js';
import type { PodHandle } from './pod-handle.js';
import type { PodEnv, PodIdentity } from './pod-config.js';
import { attachWorkerHooks, type WorkerHooks } from './workers/worker-hooks.js';
import { resolveAdvertiseHost, bindPodPorts } from './pod-expose.js';
import { inheritedRunId, newRunId } from './run-id.js';

/** What a service adds to its pod's heartbeat (game pods: rooms). */
export type HeartbeatExtras = Pick<HeartbeatSource, 'caps' | 'modes' | 'roomPlayers' | 'rooms'>;

export interface PodRuntimeOptions {
  appType: AppTypeName;
  config: PodEnv;
  identity: PodIdentity;
  logger: Logger;
  metrics: PodMetrics;
  /** How long start waits for the first Redis connection before carrying on degraded (default 2000). */
  redisWaitMs?: number;
  /** Set inside a WORKERS>1 worker: no heartbeat/health server here; report to and obey the primary. */
  worker?: WorkerLink | undefined;
  /** Added to every heartbeat (the primary's, in worker mode: see workers/pod-primary.ts). */
  heartbeat?: HeartbeatExtras;
}

/**
 * A game pod's players as the game module host keeps them (services/game/module/host.ts): live and away (inside the
 * resume grace, no connection). They are the pod's online count — a connection closing after C2G_Leave or taken over
 * by a resume is not a player.
 */
export interface AwayPlayers {
  /** Players here: live and away. */
  readonly playerCount: number;
  readonly away: number;
  whenNoneAway(waitMs: number): Promise<void>;
  /** The pod started draining (the game module's onDrain). */
  drainStarted(): void;
  /** The drain deadline: end the away players; the kicks that follow are the drain's. */
  drainDeadline(): void;
  undrained(): void;
}

export class PodRuntime {
  /**
   * Called when the heartbeat finds that Redis lost this pod's registration or its liveness lapsed (not at the first
   * beat); in a WORKERS>1 worker, when the primary's does.
   */
  onRegistrationLost(cb: () => void): void {
    this.lostCbs.push(cb);
  }

  private fireLost(): void {
    for (const cb of this.lostCbs) {
      try {
        cb();
      } catch (err) {
        this.o.logger.error({ err }, 'onRegistrationLost callback threw');
      }
    }
  }

  readonly redis: Redis;
  readonly appId: string;
  /** New at this start of the pod; a worker's is its primary's (rooms and sessions are bound to it). */
  readonly runId: string;
  port = 0;
  /** The bound WebSocket port (0: WS_PORT off). */
  wsPort = 0;
  metricsPort = 0;
  private server: FrameServer<any> | undefined;
  private readonly lostCbs: (() => void)[] = [];
  private readonly health: HealthServer;
  private heartbeat: RedisHeartbeatWriter | undefined;
  private drainCtl: DrainController | undefined;
  private firstBeatDone = false;
  private closing = false;
  private closed: Promise<void> | undefined;
  private readonly onlineGauge: { set(v: number): void };
  private readonly closeSteps: (() => Promise<void>)[] = [];
  /** Aborts a Node lookup still retrying when the pod closes. */
  private readonly startAbort = new AbortController();
  private advertiseKnown: boolean;
  private workerHooks: WorkerHooks | undefined;
  private awayPlayers: AwayPlayers | undefined;

  constructor(private readonly o: PodRuntimeOptions) {
    this.appId = o.identity.appId;
    this.runId = (o.worker && inheritedRunId()) || newRunId();
    this.redis = createRedisClient({
      url: o.config.REDIS_URL ?? 'redis://127.0.0.1:6379',
      sentinels: o.config.REDIS_SENTINELS,
      logger: o.logger,
      upGauge: o.metrics.redisUp,
      name: `gamecluster-${o.appType}`,
      commandTimeoutMs: o.config.REDIS_COMMAND_TIMEOUT_MS,
    });
    this.onlineGauge = o.metrics.onlinePlayers.labels(o.appType, this.appId);
    this.onlineGauge.set(0);
    this.health = createHealthServer({ registry: o.metrics.registry, ready: () => this.ready() });
    this.advertiseKnown = o.identity.advertiseHost !== '';
  }

  /** Why the pod is not ready, or true. */
  ready(): true | string {
    if (this.closing) return 'shutting down';
    if (this.drainCtl?.draining) return 'draining';
    if (!this.advertiseKnown) return 'node address unknown (EXPOSE_MODE lookup pending)';
    if (!this.firstBeatDone) return 'no heartbeat yet';
    return true;
  }

  get draining(): boolean {
    return this.closing || (this.drainCtl?.draining ?? false);
  }

  /** Players online here (authenticated connections, plus players away inside the resume grace). */
  online(): number {
    return this.awayPlayers ? this.awayPlayers.playerCount : (this.server?.authenticated ?? 0);
  }

  /** Counts `a`'s away players as online and as players to the drain (call before launch). */
  holdAway(a: AwayPlayers): void {
    this.awayPlayers = a;
  }

  /** What the drain waits for and kicks: the server's connections plus the away players. */
  private drainTarget(server: FrameServer<any>): DrainTarget {
    const away = () => this.awayPlayers?.away ?? 0;
    const holder = () => this.awayPlayers;
    return {
      get size() {
        return server.size + away();
      },
      async whenEmpty(waitMs: number) {
        const end = Date.now() + waitMs;
        for (;;) {
          const left = end - Date.now();
          if (left <= 0) return;
          if (server.size > 0) await server.whenEmpty(left);
          else if (away() > 0) await holder()!.whenNoneAway(left);
          else return;
        }
      },
      async kickAll(reason, waitMs) {
        holder()?.drainDeadline();
        await server.kickAll(reason, waitMs);
      },
      stopAccepting: () => server.stopAccepting(),
      resumeAccepting: () => server.resumeAccepting(),
    };
  }

  /** Successful token redeems accounted for (game): see HeartbeatSource.redeemsCounted. */
  redeemsCounted = 0;
  /** Per process: a restarted pod starts counting redeems from 0 again. */
  readonly incarnation = randomBytes(6).toString('hex');

  countRedeem(): void {
    this.redeemsCounted += 1;
  }

  /** Re-reads the online count into the gauge; call after every authenticate and close. */
  refreshOnline(): void {
    this.onlineGauge.set(this.online());
    this.workerHooks?.changed();
  }

  /** Adds a shutdown step that runs after the TCP server closed and before Redis closes. */
  onClose(step: () => Promise<void>): void {
    this.closeSteps.push(step);
  }

  /** Starts around `server` (see start) and returns the handle main.ts, tests and `local` drive; closes on failure. */
  async launch(server: FrameServer<any>): Promise<PodHandle> {
    try {
      await this.start(server);
    } catch (err) {
      await this.close({ drain: false });
      throw err;
    }
    const { identity } = this.o;
    return {
      appId: identity.appId,
      port: this.port,
      wsPort: this.wsPort,
      metricsPort: this.metricsPort,
      advertise: { host: identity.advertiseHost, port: identity.advertisePort || this.port },
      online: () => this.online(),
      drain: () => this.drain('drain_app'),
      close: (o) => this.close(o),
    };
  }

  /** Health server, then the TCP server, then the first heartbeat. Resolves with the bound ports. */
  async start(server: FrameServer<any>): Promise<{ port: number; metricsPort: number }> {
    const { config: c, identity, logger } = this.o;
    this.server = server;
    server.onClose(() => this.refreshOnline());
    await waitReady(this.redis, this.o.redisWaitMs ?? 2000);
    if (this.o.worker) return this.startWorker(server, this.o.worker);
    const ports = await bindPodPorts(identity.expose, c, (p) => this.health.listen(p, c.BIND_HOST), (p) => server.listen(p, c.BIND_HOST), (p) => server.listenWs(p, c.BIND_HOST));
    this.metricsPort = ports.metricsPort;
    this.port = ports.port;
    this.wsPort = ports.wsPort;
    // Unready and unregistered until the advertised address is known: a player is never sent to a guess.
    await resolveAdvertiseHost(identity, logger, this.startAbort.signal);
    this.advertiseKnown = true;
    this.drainCtl = new DrainController({
      timeoutMs: c.DRAIN_TIMEOUT_MS,
      target: this.drainTarget(server),
      logger,
      // Report `draining` at once so appmgr stops picking this pod now, not at the next beat.
      onDraining: () => {
        void this.heartbeat?.beatNow().then((ok) => logger.info({ written: ok }, ok ? 'draining reported in a heartbeat' : 'draining heartbeat failed; retrying'));
        this.awayPlayers?.drainStarted();
      },
      onReady: () => {
        void this.heartbeat?.beatNow();
        this.awayPlayers?.undrained();
      },
    });
    const self = this;
    this.heartbeat = new RedisHeartbeatWriter(this.redis, {
      prefix: c.PREFIX,
      heartbeatMs: c.HEARTBEAT_MS,
      appTtlMs: c.APP_TTL_MS,
      logger,
      heartbeats: this.o.metrics.heartbeats,
      source: {
        appId: identity.appId,
        appType: this.o.appType,
        ip: identity.advertiseHost,
        port: identity.advertisePort || this.port,
        wsPort: this.wsPort,
        capacity: c.CAPACITY,
        online: () => self.online(),
        draining: () => self.draining,
        redeemsCounted: () => self.redeemsCounted,
        incarnation: () => self.incarnation,
        runId: this.runId,
        ...this.o.heartbeat,
      },
    });
    this.heartbeat.onDrainRequested(() => void this.drain('drain_app'));
    this.heartbeat.onRegistrationLost?.(() => this.fireLost());
    this.heartbeat.onUndrainRequested(() => void this.drainCtl?.undrain());
    await this.heartbeat.start();
    this.firstBeatDone = true;
    return { port: this.port, metricsPort: this.metricsPort };
  }

  /** Worker mode: listen on the shared port, drain when the primary says so; the primary heartbeats for the pod. */
  private async startWorker(server: FrameServer<any>, link: WorkerLink): Promise<{ port: number; metricsPort: number }> {
    const { config: c, logger } = this.o;
    this.port = await server.listen(c.PORT, c.BIND_HOST);
    if (c.WS_PORT > 0) this.wsPort = await server.listenWs(c.WS_PORT, c.BIND_HOST);
    this.metricsPort = c.METRICS_PORT; // served by the primary
    this.drainCtl = new DrainController({ timeoutMs: c.DRAIN_TIMEOUT_MS, target: this.drainTarget(server), logger, onDraining: () => this.awayPlayers?.drainStarted(), onReady: () => this.awayPlayers?.undrained() });
    this.workerHooks = attachWorkerHooks({ link, server, metrics: this.o.metrics, logger, online: () => this.online(), redeemsCounted: () => this.redeemsCounted, drain: (r) => this.drain(r), undrain: () => this.drainCtl?.undrain() ?? Promise.resolve(false), registrationLost: () => this.fireLost() });
    this.firstBeatDone = true;
    return { port: this.port, metricsPort: this.metricsPort };
  }

  /** Starts draining (idempotent); resolves once drained (empty, or the rest kicked at DRAIN_TIMEOUT_MS). */
  drain(reason: DrainReason): Promise<void> {
    if (!this.drainCtl) return Promise.resolve();
    return this.drainCtl.drain(reason);
  }

  /** Graceful stop: drain (unless `drain: false`), then everything in order. Idempotent; never throws. */
  close(opts: { drain?: boolean } = {}): Promise<void> {
    return (this.closed ??= (async () => {
      const log = this.o.logger;
      this.startAbort.abort();
      if (opts.drain !== false) await this.drain('sigterm');
      this.closing = true;
      const step = async (what: string, fn: () => Promise<unknown> | undefined) => {
        try {
          await fn();
        } catch (err) {
          log.warn({ err, step: what }, 'shutdown step failed');
        }
      };
      this.workerHooks?.stop();
      await step('heartbeat', () => this.heartbeat?.stop());
      await step('tcp', () => this.server?.close());
      for (const s of this.closeSteps) await step('close step', s);
      if (this.health.server.listening) await step('health', () => this.health.close());
      await step('redis', () => closeRedis(this.redis));
      log.info({ app_id: this.appId }, 'stopped');
    })());
  }
}

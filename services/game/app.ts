/**
 * Builds and starts one game pod from its config: metrics, the pod runtime (Redis, health server, heartbeat,
 * drain), the FrameServer (role 'game') with its handlers (C2G_LoginByToken, then Ping and C2G_Echo once online),
 * the token store and the cluster-wide session registry (duplicate-login kicks over pub/sub). `startGame` is what
 * main.ts calls and what tests or `gamecluster local` may call in-process; it returns the bound ports and
 * drain()/close(). With `worker` (a WORKERS>1 worker) the same pod body runs without heartbeat/health server; every
 * worker subscribes to the pod's kick channel and only the one holding the named socket key acts, which is also how
 * a duplicate whose older session sits on another worker of this pod is kicked (the claim publishes it).
 */
import type { Registry } from 'prom-client';
import type { Logger } from '../platform/logger.js';
import { createPodMetrics } from '../platform/metrics.js';
import { MsgId } from '../protocol/wire.js';
import { RedisSessionRegistry, RedisTokenStore } from '../registry/index.js';
import { FrameServer } from '../socket/frame-server.js';
import { podLimits, podTls, resolvePodIdentity } from '../pod/pod-config.js';
import { resolveWorkers } from '../platform/workers.js';
import type { PodHandle } from '../pod/pod-handle.js';
import { PodRuntime } from '../pod/pod-runtime.js';
import type { PodStartOptions } from '../pod/workers/pod-worker.js';
import type { GameConfig } from './config.js';
import { GameSessions } from './sessions.js';
import { newGameConnData, tokenLoginHandler, type GameConnData } from './token-login.js';

export interface StartGameOptions extends PodStartOptions {
  registry?: Registry;
  hostname?: string;
}

export async function startGame(config: GameConfig, logger: Logger, opts: StartGameOptions = {}): Promise<PodHandle> {
  const identity = resolvePodIdentity(config, opts.hostname);
  const log = logger.child({ app_id: identity.appId });
  const metrics = createPodMetrics('game', opts.registry);
  const runtime = new PodRuntime({ appType: 'game', config, identity, logger: log, metrics, worker: opts.worker });
  const server = new FrameServer<GameConnData>({ role: 'game', logger: log, metrics, limits: podLimits(config, opts.worker ? resolveWorkers(config.WORKERS) : 1), tls: podTls(config, log), initialData: newGameConnData });
  const tokens = new RedisTokenStore(runtime.redis, { prefix: config.PREFIX, tokenTtlMs: config.TOKEN_TTL_MS });
  // Session records live 3 heartbeats unless this pod's pass (every heartbeat) refreshes them: a dead pod leaves none.
  const sessionRegistry = new RedisSessionRegistry(runtime.redis, { prefix: config.PREFIX, logger: log, sessionTtlMs: 3 * config.HEARTBEAT_MS });
  const sessions = new GameSessions(sessionRegistry, server, identity.appId, log, { refreshMs: config.HEARTBEAT_MS });

  server.handle(
    MsgId.C2G_LoginByToken,
    { requiresAuth: false },
    tokenLoginHandler({ appId: identity.appId, tokens, sessions, logins: metrics.logins, logger: log, maxTokenFailures: config.MAX_TOKEN_FAILURES, onOnline: () => runtime.refreshOnline(), onRedeemCounted: () => runtime.countRedeem() }),
  );
  server.handle(MsgId.Ping, { requiresAuth: true }, (c, m) => void c.send(MsgId.Pong, { clientTimeMs: m.clientTimeMs ?? 0, serverTimeMs: Date.now() }));
  server.handle(MsgId.C2G_Echo, { requiresAuth: true }, (c, m) => void c.send(MsgId.G2C_Echo, { payload: m.payload ?? new Uint8Array(0), clientTimeMs: m.clientTimeMs ?? 0 }));
  server.onClose((c) => {
    if (c.objectKey !== undefined) sessions.release(c.objectKey, c.socketKey);
  });
  runtime.onClose(() => sessions.close());

  // The subscription is sent once Redis is connected (ioredis resubscribes after reconnects); start does not wait
  // for it when Redis is down.
  sessions.listen().catch((err: unknown) => log.warn({ err: (err as Error).message }, 'sessions: kick subscription failed'));
  return runtime.launch(server);
}

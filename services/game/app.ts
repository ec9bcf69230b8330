/**
 * Builds and starts one game pod from its config: metrics, the pod runtime (Redis, health server, heartbeat,
 * drain), the FrameServer (role 'game') with its handlers (C2G_LoginByToken, then Ping and C2G_Echo once online),
 * the token store and the cluster-wide session registry (duplicate-login kicks over pub/sub). `startGame` is what
 * main.ts calls and what tests or `gamecluster local` may call in-process; it returns the bound ports and
 * drain()/close(). With `worker` (a WORKERS>1 worker) the same pod body runs without heartbeat/health server; every
 * worker subscribes to the pod's kick channel and only the one holding the named socket key acts, which is also how
 * a duplicate whose older session sits on another worker of this pod is kicked (the claim publishes it).
 * The game module (GAME_MODULE, loaded by load.ts unless the caller passes it) runs in a GameHost that owns the
 * players: a drop inside RESUME_GRACE_MS leaves the player away (counted, resumable with C2G_Resume), C2G_Leave leaves
 * at once, and the session record is released when the player finally leaves. A token for a room seat puts the player
 * in that room (the host's rooms), which the pod reports to the registry (room-registry.ts) and in its heartbeat
 * (caps `rooms`, the module's modes, the players in rooms, the run id).
 */
import type { Registry } from 'prom-client';
import type { Logger } from '../platform/logger.js';
import { createPodMetrics } from '../platform/metrics.js';
import { Cap, MsgId } from '../protocol/wire.js';
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
import { createGameMetrics } from './module/game-metrics.js';
import { GameHost } from './module/host.js';
import { loadGameModule, type LoadedGame } from './module/load.js';
import { leaveHandler, resumeHandler } from './resume.js';
import { echoBody } from './echo.js';
import { createGameRoomRegistry } from './room-registry.js';

/** What this build of the game pod supports (AppInfoSync.caps): appmgr routes room requests only to such pods. */
export const GAME_CAPS: readonly string[] = [Cap.rooms];

/** The module's room modes as the heartbeat publishes them. */
export const roomModesOf = (game: LoadedGame) => Object.entries(game.def.rooms?.modes ?? {}).map(([mode, m]) => ({ mode, maxPlayers: m.maxPlayers }));

export interface StartGameOptions extends PodStartOptions {
  registry?: Registry;
  hostname?: string;
  /** The module, already loaded (main.ts loads it before anything starts); else GAME_MODULE is loaded here. */
  game?: LoadedGame;
  /** Receives the module host (tests). */
  onHost?: (host: GameHost) => void;
}

export async function startGame(config: GameConfig, logger: Logger, opts: StartGameOptions = {}): Promise<PodHandle> {
  const game = opts.game ?? (await loadGameModule(config.GAME_MODULE));
  const identity = resolvePodIdentity(config, opts.hostname);
  const log = logger.child({ app_id: identity.appId });
  const metrics = createPodMetrics('game', opts.registry);
  // The host exists only below; the heartbeat reads it lazily.
  let host: GameHost | undefined;
  const runtime = new PodRuntime({
    appType: 'game',
    config,
    identity,
    logger: log,
    metrics,
    worker: opts.worker,
    heartbeat: { caps: GAME_CAPS, modes: roomModesOf(game), roomPlayers: () => host?.roomPlayers ?? 0, rooms: () => host?.roomCount ?? 0 },
  });
  const limits = podLimits(config, opts.worker ? resolveWorkers(config.WORKERS) : 1);
  const server = new FrameServer<GameConnData>({ role: 'game', logger: log, metrics, limits, tls: podTls(config, log), wsAllowedOrigins: config.WS_ALLOWED_ORIGINS, initialData: newGameConnData });
  const tokens = new RedisTokenStore(runtime.redis, { prefix: config.PREFIX, tokenTtlMs: config.TOKEN_TTL_MS });
  // Session records are valid while this pod is alive in this run (its heartbeat): nothing per session per beat, and
  // a dead pod's records are invalid within 3 heartbeats. Their keys' 1 h backstop is re-armed as it comes due.
  const sessionRegistry = new RedisSessionRegistry(runtime.redis, { prefix: config.PREFIX, logger: log, liveMs: 3 * config.HEARTBEAT_MS, runId: runtime.runId });
  const sessions = new GameSessions(sessionRegistry, server, identity.appId, log, { passMs: config.HEARTBEAT_MS });

  const gameMetrics = createGameMetrics(metrics.registry);
  const rooms = createGameRoomRegistry(runtime.redis, { prefix: config.PREFIX, appId: identity.appId, runId: runtime.runId, logger: log });
  host = new GameHost({
    game,
    server,
    sessions,
    metrics: gameMetrics,
    logger: log,
    graceMs: config.RESUME_GRACE_MS,
    maxPerAddress: limits.maxConnectionsPerIp,
    resumeMinLiveMs: config.RESUME_MIN_LIVE_MS,
    tickDeadlineMs: config.TICK_DEADLINE_MS,
    onCountChanged: () => runtime.refreshOnline(),
    rooms: { registry: rooms, emptyMs: config.ROOM_EMPTY_MS },
  });
  opts.onHost?.(host);
  sessions.useDirectory(host);
  runtime.holdAway(host);
  server.handle(
    MsgId.C2G_LoginByToken,
    { requiresAuth: false },
    tokenLoginHandler({ appId: identity.appId, tokens, sessions, logins: metrics.logins, logger: log, maxTokenFailures: config.MAX_TOKEN_FAILURES, onOnline: () => runtime.refreshOnline(), onRedeemCounted: () => runtime.countRedeem(), join: (c, seat) => {
      // The room's mode names its key in the registry (the pod learns it with the room's first seat).
      if (seat) rooms.knowMode(seat.roomId, seat.mode);
      return host.join(c, seat);
    }, joined: (c) => host.joined(c) }),
  );
  server.handle(MsgId.C2G_Resume, { requiresAuth: false }, resumeHandler({ host, resumes: gameMetrics.resumes, maxTokenFailures: config.MAX_TOKEN_FAILURES }));
  server.handle(MsgId.C2G_Leave, { requiresAuth: true }, leaveHandler(host));
  server.handleRange(host.route());
  server.handle(MsgId.Ping, { requiresAuth: true }, (c, m) => void c.send(MsgId.Pong, { clientTimeMs: m.clientTimeMs ?? 0, serverTimeMs: Date.now() }));
  server.handleBody(MsgId.C2G_Echo, { requiresAuth: true }, echoBody); // re-frames the body when it can (echo.ts)
  // The host releases a session record when its player finally leaves (not at every close: he may be away).
  server.onClose((c) => host.connClosed(c));
  runtime.onClose(() => host.close());
  // Redis lost its data (restart, failover to a lagging replica), or this pod's liveness lapsed: the rooms and the
  // sessions it holds are published again (a session another live pod now holds is kicked here).
  runtime.onRegistrationLost(() => {
    log.info('registration lost: re-publishing the rooms and sessions of this pod');
    void host.republishRooms();
    void sessions.republish();
  });
  runtime.onClose(() => sessions.close());
  host.start();

  // The subscription is sent once Redis is connected (ioredis resubscribes after reconnects); start does not wait
  // for it when Redis is down.
  sessions.listen().catch((err: unknown) => log.warn({ err: (err as Error).message }, 'sessions: kick subscription failed'));
  return runtime.launch(server);
}

/**
 * Builds and starts one login pod from its config: metrics, the pod runtime (Redis, health server, heartbeat,
 * drain), the FrameServer (role 'login') with its handlers (Ping, C2L_AccountCheck, C2L_EnterGame), the token store
 * and the appmgr gRPC client. `startLogin` is what main.ts calls and what tests or `gamecluster local` may call
 * in-process; it returns the bound ports (PORT=0 / METRICS_PORT=0 work) and drain()/close(). With `worker` (a
 * WORKERS>1 worker) it runs without heartbeat/health server and reports each authenticated login connection to the
 * primary, which kicks an older connection of the same account held by another worker (pod/workers/login-sessions.ts).
 */
import type { Registry } from 'prom-client';
import type { Logger } from '../platform/logger.js';
import { createPodMetrics } from '../platform/metrics.js';
import { Cap, MsgId } from '../protocol/wire.js';
import { RedisTokenStore } from '../registry/index.js';
import { FrameServer } from '../socket/frame-server.js';
import { podLimits, podTls, resolvePodIdentity } from '../pod/pod-config.js';
import { isLoopbackHost } from '../platform/config.js';
import { resolveWorkers } from '../platform/workers.js';
import { PodRuntime } from '../pod/pod-runtime.js';
import type { PodHandle } from '../pod/pod-handle.js';
import { attachLoginSessions } from '../pod/workers/login-sessions.js';
import type { PodStartOptions } from '../pod/workers/pod-worker.js';
import { accountCheckHandler, newLoginConnData, openAuthenticator, type Authenticator, type LoginConnData } from './account-check.js';
import { grpcClientAccess } from '../appmgr/grpc-auth.js';
import { AppmgrClient } from './appmgr-client.js';
import { AddressRateLimiter } from '../platform/address-rate-limit.js';
import { HttpAuthenticator } from './auth-http.js';
import type { LoginConfig } from './config.js';
import { enterGameHandler } from './enter-game.js';

/**
 * What this build of the login pod supports (AppInfoSync.caps): `admission` — it forwards `EnterGame.admission`, so
 * appmgr may enforce that only an admission consumes a held place once every live login says so (docs/queue.md).
 */
export const LOGIN_CAPS: readonly string[] = [Cap.admission];

export interface StartLoginOptions extends PodStartOptions {
  registry?: Registry;
  hostname?: string;
}

export async function startLogin(config: LoginConfig, logger: Logger, opts: StartLoginOptions = {}): Promise<PodHandle> {
  const identity = resolvePodIdentity(config, opts.hostname);
  const log = logger.child({ app_id: identity.appId });
  const metrics = createPodMetrics('login', opts.registry);
  const runtime = new PodRuntime({ appType: 'login', config, identity, logger: log, metrics, worker: opts.worker, heartbeat: { caps: LOGIN_CAPS } });
  const server = new FrameServer<LoginConnData>({ role: 'login', logger: log, metrics, limits: podLimits(config, opts.worker ? resolveWorkers(config.WORKERS) : 1), tls: podTls(config, log), wsAllowedOrigins: config.WS_ALLOWED_ORIGINS, initialData: newLoginConnData });
  const auth: Authenticator =
    config.AUTH_MODE === 'http' ? new HttpAuthenticator({ url: config.AUTH_URL!, timeoutMs: config.AUTH_HTTP_TIMEOUT_MS, logger: log }) : openAuthenticator;
  if (config.AUTH_MODE === 'open' && !isLoopbackHost(config.BIND_HOST)) {
    // Evaluation mode on a reachable address: anyone can log in as anyone (and kick the real player by doing so).
    log.warn({ bind_host: config.BIND_HOST }, 'AUTH_MODE=open on a non-loopback address: anyone can log in as any account; use AUTH_MODE=http in production');
  }
  const appmgr = new AppmgrClient({ target: config.APPMGR_GRPC, logger: log, access: grpcClientAccess(config) });
  const tokens = new RedisTokenStore(runtime.redis, { prefix: config.PREFIX, tokenTtlMs: config.TOKEN_TTL_MS });

  server.handle(MsgId.Ping, { requiresAuth: false }, (c, m) => void c.send(MsgId.Pong, { clientTimeMs: m.clientTimeMs ?? 0, serverTimeMs: Date.now() }));
  const check = accountCheckHandler({ server, auth, logins: metrics.logins, onOnline: () => runtime.refreshOnline() });
  const shared = opts.worker ? attachLoginSessions(opts.worker, server) : undefined;
  server.handle(
    MsgId.C2L_AccountCheck,
    { requiresAuth: false },
    shared
      ? async (c, m) => {
          const before = c.objectKey;
          await check(c, m);
          // Newly authenticated (or as another account): tell the primary, which kicks the older one on another worker.
          if (c.state === 'online' && c.objectKey !== undefined && c.objectKey !== before) shared.authenticated(c.objectKey, c.socketKey);
        }
      : check,
  );
  const perMinute = (n: number) => (n > 0 ? new AddressRateLimiter({ ratePerSec: n / 60, burst: n, maxAddresses: 100_000 }).start() : undefined);
  const roomCreates = perMinute(config.ROOM_CREATES_PER_IP_PER_MIN);
  const roomMisses = perMinute(config.ROOM_MISSES_PER_IP_PER_MIN);
  server.handle(MsgId.C2L_EnterGame, { requiresAuth: true }, enterGameHandler({ allocate: (a, ws, room, admission) => appmgr.allocateGame(a, ws, room, admission), tokens, logger: log, roomCreates, roomMisses }));
  runtime.onClose(async () => {
    roomCreates?.stop();
    roomMisses?.stop();
    appmgr.close();
  });

  return runtime.launch(server);
}

/**
 * Builds and starts one appmgr from its config: Redis client, registry components, the snapshot refresher, the
 * public HTTP server (/login + probes), the admin HTTP server (/apps /status /metrics / + probes) and gRPC. `startAppmgr` is what main.ts calls and what `gamecluster local` / tests can call
 * in-process; it returns the bound ports (so port 0 works) and a close() that drains gracefully
 * (readiness 503 + health NOT_SERVING first, then listeners, then Redis). It never waits forever on Redis:
 * with Redis down it starts degraded and recovers when Redis returns.
 */
import { readFileSync } from 'node:fs';
import type { Registry } from 'prom-client';
import type { Logger } from '../platform/logger.js';
import { closeRedis, createRedisClient, waitReady } from '../registry/redis-client.js';
import { RedisAppDirectory } from '../registry/redis-directory.js';
import { createPickShedCounter, RedisAppSelector } from '../registry/redis-selector.js';
import { AppSnapshot } from './app-snapshot.js';
import type { AppmgrConfig } from './config.js';
import { FallbackSelector } from './fallback-selector.js';
import { createAdminServer } from './admin-server.js';
import { grpcAccess } from './grpc-auth.js';
import { createGrpcServer } from './grpc-server.js';
import { createHttpServer } from './http-server.js';
import { AddressRateLimiter } from '../platform/address-rate-limit.js';
import { createAppmgrMetrics } from './metrics.js';
import { AdmissionQueue } from './admission-queue.js';
import { RedisQueue } from '../registry/redis-queue.js';
import { Cap } from '../protocol/wire.js';
import { RedisRoomAllocator } from '../registry/redis-rooms.js';
import { RoomsSnapshot } from './rooms-snapshot.js';

export interface AppmgrHandle {
  readonly httpPort: number;
  readonly adminPort: number;
  readonly grpcPort: number;
  /** Graceful stop; idempotent. */
  close(): Promise<void>;
}

export interface StartAppmgrOptions {
  /** prom-client registry to register on (default: a fresh one with process metrics). */
  registry?: Registry;
  /** How long start waits for the first Redis connection before carrying on degraded (default 3000). */
  redisWaitMs?: number;
}

function packageVersion(): string {
  try {
    const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version?: string };
    return pkg.version ?? '0.0.0';
  } catch {
    return '0.0.0';
  }
}

export async function startAppmgr(config: AppmgrConfig, logger: Logger, opts: StartAppmgrOptions = {}): Promise<AppmgrHandle> {
  const metrics = createAppmgrMetrics(opts.registry);
  const access = grpcAccess(config, logger); // reads the TLS files: fails before anything is started
  const redis = createRedisClient({ url: config.REDIS_URL ?? 'redis://127.0.0.1:6379', sentinels: config.REDIS_SENTINELS, logger, upGauge: metrics.redisUp, name: 'gamecluster-appmgr', commandTimeoutMs: config.REDIS_COMMAND_TIMEOUT_MS, coalesceWrites: false });
  await waitReady(redis, opts.redisWaitMs ?? 3000);

  const shedCounter = createPickShedCounter(metrics.registry);
  const directory = new RedisAppDirectory(redis, { prefix: config.PREFIX, undrainTtlMs: config.APP_TTL_MS, appTtlMs: config.APP_TTL_MS });
  const shared = new RedisAppSelector(redis, { prefix: config.PREFIX, appTtlMs: config.APP_TTL_MS, strategy: config.SELECT_STRATEGY, logger, deadlineMs: config.REDIS_COMMAND_TIMEOUT_MS, maxQueued: config.REDIS_PICK_QUEUE_MAX, shed: shedCounter });
  const snapshot = new AppSnapshot({ directory, refreshMs: config.HEARTBEAT_MS, staleMs: config.STALE_MS, timeoutMs: config.REDIS_COMMAND_TIMEOUT_MS, strategy: config.SELECT_STRATEGY, metrics, logger });
  // The admission queue: one line in Redis for every replica. Only an admission consumes the places it holds, once
  // every live login pod forwards admissions (caps `admission`; before that, during a rollout, the rule of the older
  // version: every AllocateGame consumes the oldest held place). docs/queue.md.
  const line = new RedisQueue(redis, {
    prefix: config.PREFIX, appTtlMs: config.APP_TTL_MS, clusterCapacity: config.CLUSTER_CAPACITY, ticketTtlMs: config.QUEUE_TICKET_TTL_MS, admitMs: config.QUEUE_ADMIT_MS,
    ticketsPerIp: config.QUEUE_TICKETS_PER_IP, maxLength: config.QUEUE_MAX, freezeMs: Math.max(2000, 4 * config.QUEUE_TICK_MS), enforceAdmission: () => snapshot.allLoginsHave(Cap.admission),
  });
  const gameSelector = new RedisAppSelector(redis, { prefix: config.PREFIX, appTtlMs: config.APP_TTL_MS, strategy: config.SELECT_STRATEGY, logger, deadlineMs: config.REDIS_COMMAND_TIMEOUT_MS, maxQueued: config.REDIS_PICK_QUEUE_MAX, shed: shedCounter, script: line.pickScriptDef(), admissions: true });
  const queue = new AdmissionQueue({ queue: line, metrics, logger, tickMs: config.QUEUE_TICK_MS, largestRoom: () => snapshot.largestRoom() });
  const selector = new FallbackSelector(shared, snapshot);
  await snapshot.start();
  queue.start();

  let listening = false;
  let closing = false;
  const ready = (): true | string => (closing ? 'shutting down' : !listening ? 'not listening' : !snapshot.firstReadDone ? 'registry not read yet' : true);

  const limiter = config.LOGIN_RATE_PER_IP > 0 ? new AddressRateLimiter({ ratePerSec: config.LOGIN_RATE_PER_IP, maxAddresses: config.LOGIN_RATE_MAX_ADDRESSES }).start() : undefined;
  const roomAllocator = new RedisRoomAllocator(redis, { prefix: config.PREFIX, appTtlMs: config.APP_TTL_MS, strategy: config.SELECT_STRATEGY, clusterCapacity: config.CLUSTER_CAPACITY, queue: { ...line.roomKeys, enforce: () => line.enforced() } });
  const roomsSnapshot = new RoomsSnapshot({ rooms: roomAllocator, apps: snapshot, refreshMs: config.HEARTBEAT_MS, logger });
  roomsSnapshot.start();
  const http = createHttpServer({ selector, metrics, logger, ready, limiter, trustProxy: config.TRUST_PROXY, corsOrigins: config.CORS_ORIGINS, queue, rooms: { snapshot: roomsSnapshot, allocator: roomAllocator } });
  const admin = createAdminServer({ snapshot, metrics, logger, version: packageVersion(), redisUp: () => redis.status === 'ready', ready, queue });
  const rooms = { rooms: roomAllocator, logger, reservationMs: 10_000, defaultSeatTtlMs: 30_000, joins: metrics.roomJoins, matches: metrics.matches };
  const grpc = createGrpcServer({ loginSelector: selector, gameSelector, directory, snapshot, metrics, logger, access, rooms });

  const cleanup = async () => {
    snapshot.stop();
    roomsSnapshot.stop();
    queue.stop();
    limiter?.stop();
    await Promise.all([http.close().catch(() => undefined), admin.close().catch(() => undefined)]);
    await grpc.close(5000);
    await closeRedis(redis);
  };

  const boundPort = (server: typeof http, fallback: number) => {
    const addr = server.server.address();
    return typeof addr === 'object' && addr ? addr.port : fallback;
  };
  let httpPort: number;
  let adminPort: number;
  let grpcPort: number;
  try {
    await http.listen({ host: config.BIND_HOST, port: config.HTTP_PORT });
    httpPort = boundPort(http, config.HTTP_PORT);
    await admin.listen({ host: config.BIND_HOST, port: config.ADMIN_PORT });
    adminPort = boundPort(admin, config.ADMIN_PORT);
    grpcPort = await grpc.listen(config.BIND_HOST, config.GRPC_PORT);
  } catch (err) {
    await cleanup();
    throw err;
  }
  listening = true;

  let closed: Promise<void> | undefined;
  return {
    httpPort,
    adminPort,
    grpcPort,
    close: () =>
      (closed ??= (async () => {
        closing = true;
        grpc.notServing();
        await cleanup();
      })()),
  };
}

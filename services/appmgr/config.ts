/**
 * appmgr's configuration: the common variables plus its three ports (public HTTP, admin HTTP, gRPC), the selection
 * strategy, the per-address `/login` rate limit (`LOGIN_RATE_PER_IP`, `TRUST_PROXY`) and gRPC access
 * (`GRPC_AUTH` none|token|mtls with `ADMIN_TOKEN` or the TLS files) and the admission queue (`CLUSTER_CAPACITY`,
 * `QUEUE_*`) — names and defaults from the operations spec.
 * Parsing is pure so it is unit-tested; main.ts exits 2 on errors. A config error names the variable and never
 * prints `ADMIN_TOKEN`'s value.
 */
import { isIP } from 'node:net';
import { z } from 'zod';
import { ConfigError, commonEnv, env, validOrigin } from '../platform/config.js';
import { grpcAccessEnv, loadConfigWithGrpcAccess } from '../platform/grpc-access-config.js';
import { workersHelp, workersSchema } from '../platform/workers.js';

/** proxy-addr's named ranges, accepted in TRUST_PROXY besides addresses and CIDRs. */
const PROXY_KEYWORDS = new Set(['loopback', 'linklocal', 'uniquelocal']);

function validProxyEntry(s: string): boolean {
  if (PROXY_KEYWORDS.has(s)) return true;
  const [addr, bits, extra] = s.split('/');
  if (extra !== undefined || !addr) return false;
  const family = isIP(addr);
  if (family === 0) return false;
  if (bits === undefined) return true;
  if (!/^\d{1,3}$/.test(bits)) return false;
  return Number(bits) <= (family === 4 ? 32 : 128);
}

/** Comma-separated IPs/CIDRs (or loopback|linklocal|uniquelocal) whose X-Forwarded-For is believed. */
const trustProxy = z
  .string()
  .transform((v) => v.split(',').map((s) => s.trim()).filter(Boolean))
  .refine((list) => list.length > 0 && list.every(validProxyEntry), 'a comma-separated list of IPs or CIDRs (or loopback|linklocal|uniquelocal)')
  .optional();

/**
 * CORS_ORIGINS: which browser origins may call GET /login from another origin. `*` (the default: any, no credentials),
 * `none` (no CORS headers at all), or a comma list of exact origins (`https://play.example.com,http://localhost:5173`).
 */
const corsOrigins = z
  .string()
  .trim()
  .transform((v): '*' | 'none' | string[] => {
    if (v === '*') return '*';
    if (v.toLowerCase() === 'none') return 'none';
    return v.split(',').map((s) => s.trim().replace(/\/$/, '')).filter(Boolean);
  })
  .refine((v) => v === '*' || v === 'none' || (v.length > 0 && v.every(validOrigin)), '"*", "none" or a comma-separated list of origins (scheme://host[:port])')
  .default('*');

export const appmgrEnv = {
  ...commonEnv,
  HTTP_PORT: env.port(8080),
  ADMIN_PORT: env.port(8081),
  GRPC_PORT: env.port(50051),
  SELECT_STRATEGY: env.oneOf(['least_loaded', 'packed'] as const, 'least_loaded'),
  LOGIN_RATE_PER_IP: env.int(0, 0, 1_000_000),
  /** Our addition: the bound on addresses the /login limiter tracks at once (memory), oldest dropped first. */
  LOGIN_RATE_MAX_ADDRESSES: env.int(100_000, 1, 10_000_000),
  TRUST_PROXY: trustProxy,
  CORS_ORIGINS: corsOrigins,
  ...grpcAccessEnv,
  GRPC_TLS_CERT_FILE: env.optionalStr(),
  GRPC_TLS_KEY_FILE: env.optionalStr(),
  GRPC_TLS_CA_FILE: env.optionalStr(),
  WORKERS: workersSchema(),
  /** The admission queue (docs/queue.md): most places taken in the whole cluster (0 = the pods' capacities only). */
  CLUSTER_CAPACITY: env.int(0, 0, 100_000_000),
  QUEUE_TICKET_TTL_MS: env.int(30_000, 1000, 3_600_000),
  QUEUE_ADMIT_MS: env.int(15_000, 1000, 3_600_000),
  /** Live queue tickets per client address (IPv6 per /64); 0 = no bound (the chart sets 64). */
  QUEUE_TICKETS_PER_IP: env.int(0, 0, 1_000_000),
  /** Most tickets waiting in the line; past it `?queue=1` answers 503/4. */
  QUEUE_MAX: env.int(1_000_000, 1, 100_000_000),
  /** Our addition: how often each appmgr runs the line's admission step (and refreshes what plain /login sees). */
  QUEUE_TICK_MS: env.int(250, 20, 10_000),
};

export type AppmgrConfig = z.output<z.ZodObject<typeof appmgrEnv>>;

/** Throws ConfigError (one line naming the variable) on a bad value. */
export function parseAppmgrConfig(source: NodeJS.ProcessEnv = process.env): AppmgrConfig {
  return loadConfigWithGrpcAccess<typeof appmgrEnv, AppmgrConfig>(appmgrEnv, source, ['GRPC_TLS_CERT_FILE', 'GRPC_TLS_KEY_FILE', 'GRPC_TLS_CA_FILE']);
}

export function loadAppmgrConfigOrExit(source: NodeJS.ProcessEnv = process.env): AppmgrConfig {
  try {
    return parseAppmgrConfig(source);
  } catch (err) {
    if (err instanceof ConfigError) {
      process.stderr.write(`gamecluster: ${err.message}\n`);
      process.exit(2);
    }
    throw err;
  }
}

export const appmgrEnvHelp = `Environment (defaults in brackets):
  REDIS_URL        redis://, rediss:// or redis-sentinel://h:p,h:p/master [redis://127.0.0.1:6379]
  REDIS_SENTINELS  host:port,host:port[/master] (instead of a sentinel URL)
  PREFIX           Redis key prefix [gc]
  HTTP_PORT        public: GET /login, /healthz, /readyz (nothing else) [8080]
  ADMIN_PORT       operators: /apps, /status, /metrics, the live page /, /healthz, /readyz [8081]
  GRPC_PORT        gamecluster.v1.AppMgrService + health + reflection [50051]
  SELECT_STRATEGY  least_loaded | packed [least_loaded]
  LOGIN_RATE_PER_IP  /login requests per second per client address, burst 2x; 0 = off [0]
  LOGIN_RATE_MAX_ADDRESSES  client addresses the limiter tracks at once (oldest dropped) [100000]
  CORS_ORIGINS     browser origins allowed to call GET /login: *, none, or origin,origin… [*]
  TRUST_PROXY      IPs/CIDRs of proxies whose X-Forwarded-For names the client (unset: the TCP peer)
  GRPC_AUTH        none | token (ADMIN_TOKEN) | mtls (GRPC_TLS_CERT_FILE, GRPC_TLS_KEY_FILE, GRPC_TLS_CA_FILE) [none]
  ADMIN_TOKEN      bearer token every AppMgrService call must carry when GRPC_AUTH=token (16+ chars)
  CLUSTER_CAPACITY  most players in the cluster (online + on their way + admitted); 0 = the game pods' capacities [0]
  QUEUE_TICKET_TTL_MS  a queue ticket not polled for this long loses its place (410) [30000]
  QUEUE_ADMIT_MS   how long an admitted ticket holds its places for the player's EnterGame (its admission) [15000]
  QUEUE_TICKETS_PER_IP  live queue tickets per client address (IPv6 per /64), past it 429; 0 = off [0]
  QUEUE_MAX        most tickets waiting in the line, past it 503/4 [1000000]
  QUEUE_TICK_MS    how often the line admits players into free places [250]
  HEARTBEAT_MS     snapshot refresh interval (= the pods' heartbeat) [2000]
  APP_TTL_MS       a pod not heard from for this long is never chosen [6000]
  STALE_MS         how long /login answers from the snapshot while Redis is down [10000]
  BIND_HOST        listen address [0.0.0.0]
  LOG_LEVEL        fatal|error|warn|info|debug|trace|silent [info]
${workersHelp.replace(/^  WORKERS {11}/, '  WORKERS          ')}`;

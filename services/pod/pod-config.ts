/**
 * Configuration shared by the login and game pods (docs/operations.md "Configuration"): the common variables plus the TCP
 * and metrics ports, the pod's identity (APP_ID from POD_NAME, else `<hostname>-<PORT>`), what it advertises to
 * clients (ADVERTISE_HOST from POD_IP, else 127.0.0.1 — or, in the host expose modes, the Node's address looked up at
 * start (expose-config.ts); ADVERTISE_PORT, else the bound PORT), its capacity, the
 * per-connection limits and the drain timeout. Parsing is pure (unit-tested); a bad value throws a ConfigError
 * whose message is one line naming the variable, and `exitOnConfigError` turns that into stderr + exit 2.
 */
import { hostname } from 'node:os';
import { z } from 'zod';
import { commonEnv, ConfigError, env, validOrigin } from '../platform/config.js';
import { WS_MIN_MESSAGE_BYTES } from '../protocol/wire.js';
import type { ConnectionLimits } from '../socket/limits.js';
import type { Logger } from 'pino';
import { loadTlsPair, TlsFiles, type TlsFileNames } from '../socket/tls-files.js';
import { workersHelp, workersSchema } from '../platform/workers.js';
import { exposeEnv, exposeEnvHelp, resolveExpose, type ExposePlan } from './expose-config.js';
import { deletionCostEnv, deletionCostEnvHelp } from './pod-deletion-cost.js';

const APP_ID_RE = /^[A-Za-z0-9][A-Za-z0-9_.:-]{0,252}$/;
const appId = () => z.string().trim().regex(APP_ID_RE, '1-253 chars of [A-Za-z0-9_.:-] (no spaces)').optional();
const intOptional = (min: number, max: number) =>
  z
    .string()
    .trim()
    .regex(/^\d+$/, `an integer from ${min} to ${max}`)
    .transform(Number)
    .pipe(z.number().int().min(min, `an integer from ${min} to ${max}`).max(max, `an integer from ${min} to ${max}`))
    .optional();
const host = () => z.string().trim().regex(/^[A-Za-z0-9_.:[\]-]{1,253}$/, 'a host name or IP address').optional();

/** WS_ALLOWED_ORIGINS: `*` or unset (any Origin), or a comma list of exact origins (undefined = any). */
const wsOrigins = () =>
  z
    .string()
    .trim()
    .transform((v): string[] | undefined => (v === '' || v === '*' ? undefined : v.split(',').map((x) => x.trim().replace(/\/$/, '')).filter(Boolean)))
    .refine((v) => v === undefined || (v.length > 0 && v.every(validOrigin)), '"*" or a comma-separated list of origins (scheme://host[:port])')
    .optional();

/** The env shape of a pod; `defaultPort` is 5002 for login, 6001 for game. */
export function podEnv(defaultPort: number) {
  return {
    ...commonEnv,
    PORT: env.port(defaultPort),
    /** The WebSocket listener (protocol.md "Transports"); 0 = off. */
    WS_PORT: env.port(0),
    METRICS_PORT: env.port(9100),
    APP_ID: appId(),
    POD_NAME: appId(),
    ADVERTISE_HOST: host(),
    POD_IP: host(),
    ADVERTISE_PORT: z
      .string()
      .trim()
      .regex(/^\d+$/, 'an integer from 1 to 65535')
      .transform(Number)
      .pipe(z.number().int().min(1, 'an integer from 1 to 65535').max(65535, 'an integer from 1 to 65535'))
      .optional(),
    CAPACITY: env.int(5000, 1, 10_000_000),
    TOKEN_TTL_MS: env.int(30_000, 1000, 3_600_000),
    AUTH_TIMEOUT_MS: env.int(10_000, 100, 3_600_000),
    IDLE_TIMEOUT_MS: env.int(60_000, 100, 86_400_000),
    MAX_FRAMES_PER_SEC: env.int(200, 1, 1_000_000),
    MAX_WRITE_BUFFER: env.int(1_048_576, 1024, 1_073_741_824),
    DRAIN_TIMEOUT_MS: env.int(25_000, 0, 3_600_000),
    FRAME_TIMEOUT_MS: env.int(10_000, 100, 3_600_000),
    /** Unset: CAPACITY + 10 % (resolved in podLimits, which knows CAPACITY). */
    MAX_CONNECTIONS: intOptional(1, 100_000_000),
    MAX_CONNECTIONS_PER_IP: env.int(0, 0, 100_000_000),
    MAX_OUTBOUND_BYTES: env.int(268_435_456, 0, 68_719_476_736),
    MAX_TOKEN_FAILURES: env.int(5, 1, 1_000_000),
    /** protocol.md "Resource budgets": at least a whole frame (64 KiB); a message has at most 8 fragments. */
    WS_MAX_MESSAGE_BYTES: env.int(WS_MIN_MESSAGE_BYTES, WS_MIN_MESSAGE_BYTES, 16_777_216),
    WS_ALLOWED_ORIGINS: wsOrigins(),
    TLS_CERT_FILE: env.optionalStr(),
    TLS_KEY_FILE: env.optionalStr(),
    WORKERS: workersSchema(),
    ...exposeEnv,
    ...deletionCostEnv,
  };
}

export type PodEnv = z.output<z.ZodObject<ReturnType<typeof podEnv>>>;

/** Who the pod is and what it tells clients, resolved from the env (ADVERTISE_PORT 0 = "the port bound"). */
export interface PodIdentity {
  appId: string;
  advertiseHost: string;
  /** 0 means: advertise the port actually bound (PORT=0 in tests, or a port of PORT_RANGE). */
  advertisePort: number;
  /** The expose mode's work before the pod may register: a Node lookup (advertiseHost is '' until then), a port range. */
  expose: ExposePlan;
}

/** Throws ConfigError when the expose variables do not fit together (see expose-config.ts). */
export function resolvePodIdentity(c: PodEnv, host: string = hostname()): PodIdentity {
  const fallback = `${host}-${c.PORT}`.replace(/[^A-Za-z0-9_.:-]/g, '_');
  const expose = resolveExpose(c);
  return {
    appId: c.APP_ID ?? c.POD_NAME ?? fallback,
    // Host modes never fall back to POD_IP: the address stays unknown ('') until the Node lookup answers.
    advertiseHost: c.ADVERTISE_HOST ?? (expose.nodeLookup ? '' : expose.mode === 'podIP' ? (c.POD_IP ?? '127.0.0.1') : ''),
    advertisePort: c.ADVERTISE_PORT ?? (expose.portRange ? 0 : c.PORT),
    expose,
  };
}

/**
 * The socket limits of one serving process. The pod-wide budgets (connections, per address, outbound bytes) are
 * split evenly over `workers` processes (protocol.md: under WORKERS=N each worker enforces the budgets ÷ N), never
 * below 1 so a budget that is on stays on.
 */
export function podLimits(c: PodEnv, workers = 1): ConnectionLimits {
  const share = (n: number) => (n === 0 ? 0 : Math.max(1, Math.floor(n / workers)));
  return {
    authTimeoutMs: c.AUTH_TIMEOUT_MS,
    idleTimeoutMs: c.IDLE_TIMEOUT_MS,
    maxFramesPerSec: c.MAX_FRAMES_PER_SEC,
    maxWriteBuffer: c.MAX_WRITE_BUFFER,
    frameTimeoutMs: c.FRAME_TIMEOUT_MS,
    maxConnections: share(c.MAX_CONNECTIONS ?? Math.ceil(c.CAPACITY * 1.1)),
    maxConnectionsPerIp: share(c.MAX_CONNECTIONS_PER_IP),
    maxOutboundBytes: share(c.MAX_OUTBOUND_BYTES),
    wsMaxMessageBytes: c.WS_MAX_MESSAGE_BYTES,
  };
}

/**
 * The TLS files of the client listener, or undefined for plain TCP. Both or neither: one alone is a config error, and
 * a pair that cannot be read or does not load is one too (naming the variable), so a typo stops the start.
 */
export function podTlsFiles(c: PodEnv): TlsFileNames | undefined {
  if (!c.TLS_CERT_FILE && !c.TLS_KEY_FILE) return undefined;
  if (!c.TLS_CERT_FILE) throw new ConfigError('TLS_CERT_FILE', 'invalid TLS_CERT_FILE=(unset): expected a PEM certificate file when TLS_KEY_FILE is set');
  if (!c.TLS_KEY_FILE) throw new ConfigError('TLS_KEY_FILE', 'invalid TLS_KEY_FILE=(unset): expected a PEM key file when TLS_CERT_FILE is set');
  const names = { certFile: c.TLS_CERT_FILE, keyFile: c.TLS_KEY_FILE };
  loadTlsPair(names);
  return names;
}

/** The pod's TLS certificate holder (watching its files), or undefined for plain TCP. */
export function podTls(c: PodEnv, logger: Logger): TlsFiles | undefined {
  const names = podTlsFiles(c);
  return names ? new TlsFiles(names, logger) : undefined;
}

/** Runs `parse`; a ConfigError becomes its one line on stderr and exit code 2 (operations.md). */
export function exitOnConfigError<T>(command: string, parse: () => T): T {
  try {
    return parse();
  } catch (err) {
    if (err instanceof ConfigError) {
      process.stderr.write(`gamecluster ${command}: ${err.message}\n`);
      process.exit(2);
    }
    throw err;
  }
}

/** `--help` text of the variables every pod reads. */
export function podEnvHelp(defaultPort: number): string {
  return `  PORT              client TCP port [${defaultPort}]
  WS_PORT           client WebSocket port (path /, binary frames; wss with TLS_CERT_FILE); 0 = off [0]
  METRICS_PORT      /metrics /healthz /readyz [9100]
  APP_ID            unique pod id [POD_NAME, else <hostname>-<PORT>]
  ADVERTISE_HOST    address given to clients [POD_IP, else 127.0.0.1]
  ADVERTISE_PORT    port given to clients [PORT]
  CAPACITY          max players; a full pod is not selected [5000]
  TOKEN_TTL_MS      login → game token lifetime [30000]
  AUTH_TIMEOUT_MS   close connections not authenticated this long after connecting [10000]
  IDLE_TIMEOUT_MS   close connections silent this long [60000]
  MAX_FRAMES_PER_SEC  per connection [200]
  MAX_WRITE_BUFFER  bytes queued to one client before it is closed as a slow reader [1048576]
  DRAIN_TIMEOUT_MS  after SIGTERM/DrainApp, players are kicked (SERVER_DRAINING) after this long [25000]
  FRAME_TIMEOUT_MS  close a connection whose started frame is not complete this long after it began [10000]
  MAX_CONNECTIONS   open connections per pod; more are refused at accept [CAPACITY + 10 %]
  MAX_CONNECTIONS_PER_IP  open connections per client address; 0 = off [0]
  MAX_OUTBOUND_BYTES  bytes queued to all slow readers together; the heaviest are closed beyond it [268435456]
  MAX_TOKEN_FAILURES  failed token logins on one game connection before it is closed [5]
  WS_MAX_MESSAGE_BYTES  largest WebSocket message (≥ 65536; at most 8 fragments); bigger closes with 1009 [65536]
  WS_ALLOWED_ORIGINS  browser origins that may open a WebSocket: * or origin,origin… (no Origin header: allowed) [*]
  TLS_CERT_FILE     PEM certificate: the client listener speaks TLS 1.2+ (reloaded when the file changes) [off]
  TLS_KEY_FILE      PEM key of TLS_CERT_FILE [off]
${exposeEnvHelp}
${deletionCostEnvHelp}
${workersHelp}
  REDIS_URL         redis://, rediss:// or redis-sentinel://h:p,h:p/master [redis://127.0.0.1:6379]
  REDIS_SENTINELS   host:port,host:port[/master] (instead of a sentinel URL)
  PREFIX            Redis key prefix [gc]
  HEARTBEAT_MS      heartbeat interval [2000]
  APP_TTL_MS        registry entry lifetime without heartbeat [6000]
  BIND_HOST         listen address [0.0.0.0]
  LOG_LEVEL         fatal|error|warn|info|debug|trace|silent [info]`;
}

/**
 * The ioredis client factory every service uses. It reads REDIS_URL (redis://, rediss:// for TLS,
 * redis-sentinel://[user:password@]host:port,host:port/mastername) or REDIS_SENTINELS (host:port,host:port[/mastername])
 * through the one parser config validation also uses (../platform/redis-url.ts).
 * Commands fail fast while Redis is down (no offline queue, one retry) so callers can degrade instead of hanging, and
 * a Redis that stops answering without closing the connection (frozen, partitioned, failing over) is treated as down:
 * every command times out after REDIS_COMMAND_TIMEOUT_MS, repeated timeouts make a watchdog drop the connection and
 * reconnect, and a command lost with its connection fails instead of being re-sent after the reconnect (a replayed
 * token redeem would consume the token and then answer TOKEN_INVALID). Sentinel failovers are followed (the client
 * asks the sentinels again on every reconnect and, with `failoverDetector`, on +switch-master).
 * The connection itself reconnects forever with capped, jittered backoff. Up/down transitions drive the
 * `gamecluster_redis_up` gauge and are logged once each (hosts only, never credentials); 'error' events are swallowed
 * (they only repeat the outage).
 */
import { Redis, type RedisOptions } from 'ioredis';
import type { Gauge } from 'prom-client';
import type { Logger } from '../platform/logger.js';
import { redactUrl } from '../platform/redact.js';
import { describeRedisTarget, parseRedisTarget, RedisUrlError } from '../platform/redis-url.js';

export interface RedisClientOptions {
  url: string;
  sentinels?: string | undefined;
  logger: Logger;
  upGauge?: Gauge | undefined;
  /** Connection name shown in CLIENT LIST (service name). */
  name?: string;
  /** REDIS_COMMAND_TIMEOUT_MS: no command waits longer (default 1000). */
  commandTimeoutMs?: number | undefined;
  /** Consecutive command timeouts after which the watchdog drops the connection and reconnects (default 2). */
  watchdogTimeouts?: number | undefined;
  /**
   * Called when the server turns out to run in cluster mode (checked on every connection). Default: print the
   * error's one line to stderr and exit with CLUSTER_MODE_EXIT_CODE.
   */
  onClusterMode?: ((err: RedisClusterModeError) => void) | undefined;
  /**
   * Write the commands of one event-loop turn in one write (see coalesceWrites). Default true. appmgr turns it off:
   * its hot commands are already one script call per turn (the selector's batch, itself sent at the end of a turn),
   * and corking that call moved it to the NEXT turn — appmgr then waited for Redis with its core idle (69–84 % of a
   * core busy at full `/login` load instead of ≈ 95 %; docs/benchmarks.md).
   */
  coalesceWrites?: boolean | undefined;
}

/** Exit code of a process stopped because Redis runs in cluster mode: 2, the config-error code (operations.md). */
export const CLUSTER_MODE_EXIT_CODE = 2;

/** The Redis server runs in cluster mode, which gamecluster does not support (docs/operations.md "Redis keys"). */
export class RedisClusterModeError extends Error {
  readonly code = 'REDIS_CLUSTER_MODE';
  constructor(where: string) {
    super(
      `Redis at ${where} runs in cluster mode (cluster_enabled:1), which gamecluster does not support: every key shares one hash slot, so a cluster buys nothing; use a primary with replicas instead (Redis Sentinel via REDIS_URL=redis-sentinel://… or REDIS_SENTINELS, or a managed primary/replica Redis)`,
    );
    this.name = 'RedisClusterModeError';
  }
}

function exitOnClusterMode(err: RedisClusterModeError): void {
  process.stderr.write(`gamecluster: ${err.message}\n`);
  process.exit(CLUSTER_MODE_EXIT_CODE);
}

export class RedisConfigError extends Error {
  readonly code = 'REDIS_CONFIG_INVALID';
  constructor(message: string) {
    super(message);
    this.name = 'RedisConfigError';
  }
}

const base: RedisOptions = {
  maxRetriesPerRequest: 1,
  enableOfflineQueue: false,
  connectTimeout: 2000,
  // In-flight commands of a lost connection fail (see the header); they are never replayed.
  autoResendUnfulfilledCommands: false,
  // Reconnect forever: 50 ms doubling to 2 s, with jitter so a fleet does not reconnect in lockstep.
  retryStrategy: (times) => Math.min(50 * 2 ** Math.min(times, 6), 2000) + Math.floor(Math.random() * 100),
  // A primary demoted to replica by a failover answers writes with READONLY: reconnect (and ask the sentinels again),
  // without re-sending the failed command.
  reconnectOnError: (err) => (err.message.startsWith('READONLY') ? 1 : false),
  // Short TCP keepalive: a peer gone without RST is noticed by the kernel too, not only by the watchdog.
  keepAlive: 5000,
  commandTimeout: 1000,
  // After a failover, ask the sentinels as soon as they announce +switch-master, not at the next error.
  failoverDetector: true,
};

/** The ioredis options for a URL / sentinel list (exported for tests). Throws RedisConfigError (value not included). */
export function redisOptionsFrom(url: string, sentinels?: string, commandTimeoutMs = 1000): RedisOptions {
  let target;
  try {
    target = parseRedisTarget(url, sentinels);
  } catch (err) {
    if (err instanceof RedisUrlError) throw new RedisConfigError(`invalid ${sentinels ? 'REDIS_URL/REDIS_SENTINELS' : 'REDIS_URL'}: expected ${err.message}`);
    throw err;
  }
  // A dropped connection is torn down within the command timeout rather than ioredis' default 2 s.
  const opts: RedisOptions = { ...base, ...target, commandTimeout: commandTimeoutMs, disconnectTimeout: Math.min(2000, commandTimeoutMs) };
  if (target.sentinels) {
    // Sentinels answer quickly or not at all: bound each one, and retry them forever like the data connection.
    opts.sentinelCommandTimeout = commandTimeoutMs;
    opts.sentinelRetryStrategy = (times) => Math.min(50 * 2 ** Math.min(times, 6), 2000) + Math.floor(Math.random() * 100);
    opts.enableTLSForSentinelMode = false;
  }
  return opts;
}

/** Creates the client; it starts connecting at once. Never throws on a Redis outage. */
export function createRedisClient(o: RedisClientOptions): Redis {
  const timeoutMs = o.commandTimeoutMs ?? 1000;
  const opts = redisOptionsFrom(o.url, o.sentinels, timeoutMs);
  if (o.name) opts.connectionName = o.name;
  const client = new Redis(opts);
  const where = redactUrl(describeRedisTarget(parseRedisTarget(o.url, o.sentinels)));
  trackUpDown(client, o.logger, o.upGauge, where);
  watchCommands(client, o.logger, where, o.watchdogTimeouts ?? 2);
  if (o.coalesceWrites !== false) coalesceWrites(client);
  refuseClusterMode(client, where, o.onClusterMode ?? exitOnClusterMode);
  reviveAfterUnexpectedEnd(client, o.logger, where);
  // Duplicates (the pods' kick subscriber) share the Sentinel options, hence the same failover-detector hazard.
  const duplicate = client.duplicate.bind(client);
  client.duplicate = ((override?: Partial<RedisOptions>) => {
    const d = duplicate(override);
    reviveAfterUnexpectedEnd(d, o.logger, `${where} (duplicate)`);
    return d;
  }) as Redis['duplicate'];
  return client;
}

/**
 * ioredis can give up on a connection for good ('end') without being asked to: its failover detector disconnects the
 * connector when a sentinel announces +switch-master, and a client that was reconnecting at that moment ends (seen
 * with ioredis 5.11 when the primary is SIGKILLed). Reconnecting forever is this module's promise, so an 'end' that
 * no disconnect()/quit() asked for starts a new connection after the usual backoff.
 */
function reviveAfterUnexpectedEnd(client: Redis, logger: Logger, where: string): void {
  let closedByUs = false;
  const disconnect = client.disconnect.bind(client);
  client.disconnect = (reconnect = false) => {
    if (!reconnect) closedByUs = true;
    disconnect(reconnect);
  };
  const quit = client.quit.bind(client) as (...a: unknown[]) => Promise<'OK'>;
  client.quit = ((...a: unknown[]) => {
    closedByUs = true;
    return quit(...a);
  }) as Redis['quit'];
  let attempts = 0;
  client.on('ready', () => (attempts = 0));
  client.on('end', () => {
    if (closedByUs) return;
    attempts++;
    const delay = base.retryStrategy!(attempts) as number;
    logger.warn({ redis: where, in_ms: delay }, 'redis connection given up by the client library; connecting again');
    setTimeout(() => {
      if (!closedByUs && client.status === 'end') client.connect().catch(() => undefined);
    }, delay).unref();
  });
}

/** On every connection: `INFO cluster`; `cluster_enabled:1` → `onCluster` (an unanswered INFO is retried next time). */
function refuseClusterMode(client: Redis, where: string, onCluster: (err: RedisClusterModeError) => void): void {
  client.on('ready', () => {
    client.info('cluster').then(
      (info) => {
        if (/^cluster_enabled:1\s*$/m.test(info)) onCluster(new RedisClusterModeError(where));
      },
      () => undefined,
    );
  });
}

/**
 * Commands issued in one turn of the event loop (every player's frame, gRPC answer or Redis reply read in one poll,
 * and what they trigger) leave in one write: the socket is corked at the first command and uncorked from
 * `setImmediate`, at the end of the turn. One write syscall per turn instead of one per command (the per-command
 * write was 5–11 % of a pod's busy samples at login rates; docs/benchmarks.md "Player flow"). ioredis' own `enableAutoPipelining` would batch
 * too, but it holds a batch back while the previous one is unanswered, so behind a frozen Redis a command would wait
 * for two command timeouts; here every command is handed to ioredis at once (its timeout starts then) and written
 * in the same turn.
 */
function coalesceWrites(client: Redis): void {
  let corked: { uncork(): void } | undefined;
  const uncork = () => {
    const s = corked;
    corked = undefined;
    s?.uncork();
  };
  const send = client.sendCommand.bind(client);
  client.sendCommand = ((...args: Parameters<Redis['sendCommand']>) => {
    const stream = (client as unknown as { stream?: { cork(): void; uncork(): void; writable?: boolean } }).stream;
    if (corked === undefined && stream?.writable) {
      stream.cork();
      corked = stream;
      setImmediate(uncork);
    }
    return send(...args);
  }) as Redis['sendCommand'];
}

const TIMED_OUT = 'Command timed out';

/**
 * The watchdog: every command's outcome is observed; `limit` timeouts in a row with no answer in between mean the
 * server stopped answering while the TCP connection looks fine, so the socket is destroyed and ioredis reconnects
 * (status leaves 'ready' at once, so callers stop waiting on it). On every connection loss the commands still
 * waiting on it are failed at once instead of lingering until their timeout (they are not re-sent).
 */
function watchCommands(client: Redis, logger: Logger, where: string, limit: number): void {
  let timeouts = 0;
  const onOk = () => {
    timeouts = 0;
  };
  const onErr = (err: unknown) => {
    if (!(err instanceof Error) || err.message !== TIMED_OUT) return;
    timeouts++;
    if (timeouts < limit || client.status !== 'ready') return;
    timeouts = 0;
    logger.warn({ redis: where, timeouts: limit }, 'redis not answering: dropping the connection and reconnecting');
    const stream = (client as unknown as { stream?: { destroy(): void } }).stream;
    if (stream) stream.destroy();
    else client.disconnect(true);
  };
  const send = client.sendCommand.bind(client);
  client.sendCommand = ((...args: Parameters<Redis['sendCommand']>) => {
    const p = send(...args) as Promise<unknown>;
    p.then(onOk, onErr);
    return p;
  }) as Redis['sendCommand'];
  client.on('close', () => {
    const flush = (client as unknown as { flushQueue?: (e: Error, o: { offlineQueue: boolean }) => void }).flushQueue;
    flush?.call(client, new Error('Connection lost before Redis answered (not re-sent)'), { offlineQueue: false });
  });
}

/** Wires the gauge and transition logs (also used on duplicated subscriber connections without a gauge). */
export function trackUpDown(client: Redis, logger: Logger, gauge: Gauge | undefined, where: string): void {
  let state: 'unknown' | 'up' | 'down' = 'unknown';
  gauge?.set(0);
  const down = (err?: unknown) => {
    gauge?.set(0);
    if (state === 'down') return;
    state = 'down';
    logger.warn({ redis: where, err: err instanceof Error ? err.message : undefined }, 'redis down');
  };
  client.on('ready', () => {
    gauge?.set(1);
    if (state === 'up') return;
    state = 'up';
    logger.info({ redis: where }, 'redis up');
  });
  client.on('error', (err: unknown) => down(err));
  client.on('close', () => {
    if (state === 'up') down();
  });
}

/** Resolves true once the client is ready, false after `timeoutMs` (the caller carries on degraded). */
export function waitReady(client: Redis, timeoutMs: number): Promise<boolean> {
  if (client.status === 'ready') return Promise.resolve(true);
  return new Promise((resolve) => {
    const done = (v: boolean) => {
      clearTimeout(t);
      client.off('ready', onReady);
      resolve(v);
    };
    const onReady = () => done(true);
    const t = setTimeout(() => done(false), timeoutMs);
    client.on('ready', onReady);
  });
}

/** Closes without waiting on a dead server. */
export async function closeRedis(client: Redis): Promise<void> {
  if (client.status === 'ready') {
    try {
      await Promise.race([client.quit(), new Promise((r) => setTimeout(r, 1000))]);
    } catch {
      /* already gone */
    }
  }
  client.disconnect(false);
}

/** True if `err` looks like "Redis is unreachable" rather than a bug (used to classify failures). */
export function isRedisDown(client: Redis): boolean {
  return client.status !== 'ready';
}

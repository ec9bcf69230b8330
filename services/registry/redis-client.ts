/**
 * The ioredis client factory every service uses. It reads REDIS_URL (redis://, rediss:// for TLS,
 * redis-sentinel://[:password@]host:port,host:port/mastername) or REDIS_SENTINELS (host:port,host:port[/mastername]).
 * Commands fail fast while Redis is down (no offline queue, one retry) so callers can degrade instead of hanging;
 * the connection itself reconnects forever with capped, jittered backoff. Up/down transitions drive the
 * `gamecluster_redis_up` gauge and are logged once each; 'error' events are swallowed (they only repeat the outage).
 */
import { Redis, type RedisOptions } from 'ioredis';
import type { Gauge } from 'prom-client';
import type { Logger } from '../platform/logger.js';
import { redactUrl } from '../platform/config.js';

export interface RedisClientOptions {
  url: string;
  sentinels?: string | undefined;
  logger: Logger;
  upGauge?: Gauge | undefined;
  /** Connection name shown in CLIENT LIST (service name). */
  name?: string;
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
  // Reconnect forever: 50 ms doubling to 2 s, with jitter so a fleet does not reconnect in lockstep.
  retryStrategy: (times) => Math.min(50 * 2 ** Math.min(times, 6), 2000) + Math.floor(Math.random() * 100),
  reconnectOnError: () => false,
};

function parseHosts(list: string): { host: string; port: number }[] {
  return list.split(',').map((hp) => {
    const m = /^\[?([^\]]+?)\]?(?::(\d+))?$/.exec(hp.trim());
    if (!m) throw new RedisConfigError(`invalid sentinel address ${JSON.stringify(hp)}: expected host:port`);
    return { host: m[1]!, port: m[2] ? Number(m[2]) : 26379 };
  });
}

/** The ioredis options for a URL / sentinel list (exported for tests). */
export function redisOptionsFrom(url: string, sentinels?: string): RedisOptions & { url?: string } {
  if (sentinels || url.startsWith('redis-sentinel://')) {
    let auth = '';
    let rest: string;
    if (sentinels) {
      rest = sentinels;
      const m = /^redis-sentinel:\/\/(?:([^@]*)@)?[^/]*(?:\/(.+))?$/.exec(url);
      if (m && !rest.includes('/') && m[2]) rest = `${rest}/${m[2]}`;
      if (m?.[1]) auth = m[1];
    } else {
      const m = /^redis-sentinel:\/\/(?:([^@]*)@)?(.*)$/.exec(url)!;
      auth = m[1] ?? '';
      rest = m[2]!;
    }
    const slash = rest.indexOf('/');
    const hosts = slash >= 0 ? rest.slice(0, slash) : rest;
    const name = (slash >= 0 ? rest.slice(slash + 1) : '') || 'mymaster';
    const [user, pass] = auth.includes(':') ? auth.split(':', 2) : ['', auth];
    const opts: RedisOptions = { ...base, sentinels: parseHosts(hosts), name };
    if (pass) opts.password = decodeURIComponent(pass);
    if (user) opts.username = decodeURIComponent(user!);
    return opts;
  }
  return { ...base, url };
}

/** Creates the client; it starts connecting at once. Never throws on a Redis outage. */
export function createRedisClient(o: RedisClientOptions): Redis {
  const { url: u, ...opts } = redisOptionsFrom(o.url, o.sentinels);
  if (o.name) opts.connectionName = o.name;
  const client = u ? new Redis(u, opts) : new Redis(opts);
  trackUpDown(client, o.logger, o.upGauge, redactUrl(o.sentinels ?? o.url));
  return client;
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

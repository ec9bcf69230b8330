/**
 * What the appmgr benches share: their command-line flags, and an appmgr started in-process against a Redis with
 * four fake pods of one type heartbeating (capacity large enough that the bench never fills them).
 */
import { pathToFileURL } from 'node:url';
import type { AppmgrHandle } from '../services/appmgr/app.js';
import type { AppTypeName } from '../services/protocol/wire.js';

const args = process.argv.slice(2);

/** `--name <number>` from the command line, else `def`. */
export function flag(name: string, def: number): number {
  const i = args.indexOf(name);
  return i >= 0 ? Number(args[i + 1]) : def;
}

/**
 * `services`: the directory to load appmgr from — a compiled tree (bench/lib/measure.ts `compiledServices`, `.js`)
 * or, by default, this tree's sources (`.ts`, through tsx).
 */
export async function startBenchAppmgr(redisUrl: string, appType: AppTypeName, services?: string): Promise<AppmgrHandle> {
  const base = services ? pathToFileURL(services + '/').href : new URL('../services/', import.meta.url).href;
  const ext = services ? 'js' : 'ts';
  const load = <T>(m: string) => import(new URL(`${m}.${ext}`, base).href) as Promise<T>;
  const { startAppmgr } = await load<typeof import('../services/appmgr/app.js')>('appmgr/app');
  const { parseAppmgrConfig } = await load<typeof import('../services/appmgr/config.js')>('appmgr/config');
  const { createLogger } = await load<typeof import('../services/platform/logger.js')>('platform/logger');
  const { RedisHeartbeatWriter, createRedisClient, waitReady } = await load<typeof import('../services/registry/index.js')>('registry/index');
  const logger = createLogger('bench', 'warn');
  const client = createRedisClient({ url: redisUrl, logger });
  await waitReady(client, 5000);
  const basePort = appType === 'login' ? 5002 : 6001;
  for (let i = 0; i < 4; i++) {
    await new RedisHeartbeatWriter(client, {
      prefix: 'bench', heartbeatMs: 2000, appTtlMs: 6000, logger,
      source: { appId: `${appType}-${i}`, appType, ip: '127.0.0.1', port: basePort + i, capacity: 1_000_000_000, online: () => 0, draining: () => false },
    }).start();
  }
  return startAppmgr(parseAppmgrConfig({ REDIS_URL: redisUrl, PREFIX: 'bench', HTTP_PORT: '0', ADMIN_PORT: '0', GRPC_PORT: '0', BIND_HOST: '127.0.0.1', LOG_LEVEL: 'warn' }), logger);
}

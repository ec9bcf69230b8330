/**
 * The one place a game pod builds its GameRoomRegistry (services/registry/types.ts): what the pod tells Redis about
 * its rooms (a player left for good, lock, labels, the end, the re-arm of the keys' backstop expiry, the re-publish
 * after Redis lost data). Built with the pod's Redis client, key prefix, app id and run id.
 */
import type { Redis } from 'ioredis';
import type { Logger } from '../platform/logger.js';
import { RedisGameRoomRegistry } from '../registry/index.js';

export interface GameRoomRegistryOptions {
  prefix: string;
  appId: string;
  runId: string;
  logger: Logger;
}

/** The pod's room registry over Redis (every call acts only on rooms this pod and run hold). */
export function createGameRoomRegistry(redis: Redis, o: GameRoomRegistryOptions): RedisGameRoomRegistry {
  return new RedisGameRoomRegistry(redis, { prefix: o.prefix, appId: o.appId, runId: o.runId });
}

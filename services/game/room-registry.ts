/**
 * The one place a game pod builds its GameRoomRegistry (services/registry/types.ts): what the pod tells Redis about
 * its rooms (a player left for good, lock, labels, the end, the re-arm of the keys' backstop expiry, the re-publish
 * after Redis lost data). Built with the pod's Redis client, key prefix, app id and run id.
 */
import type { Redis } from 'ioredis';
import type { Logger } from '../platform/logger.js';
import type { GameRoomRegistry, HeldRoom } from '../registry/index.js';

export interface GameRoomRegistryOptions {
  prefix: string;
  appId: string;
  runId: string;
  logger: Logger;
}

/**
 * TODO-lead: return `new RedisGameRoomRegistry(redis, { prefix: o.prefix, appId: o.appId, runId: o.runId })` (from
 * services/registry/index.ts) once it lands on main, and drop PendingGameRoomRegistry.
 */
export function createGameRoomRegistry(redis: Redis, o: GameRoomRegistryOptions): GameRoomRegistry {
  void redis;
  return new PendingGameRoomRegistry(o.logger);
}

/**
 * TODO-lead: a stand-in until the Redis room scripts land: it writes nothing (the rooms live in the pod only) and
 * says so once, at the first call.
 */
export class PendingGameRoomRegistry implements GameRoomRegistry {
  private said = false;
  constructor(private readonly log: Logger) {}

  private noop(op: string, roomId: string): Promise<void> {
    if (!this.said) {
      this.said = true;
      this.log.warn({ op, room_id: roomId }, 'room registry not implemented in this build yet: room updates stay in the pod (TODO-lead: RedisGameRoomRegistry)');
    }
    return Promise.resolve();
  }

  left(roomId: string): Promise<void> {
    return this.noop('left', roomId);
  }
  setLocked(roomId: string): Promise<void> {
    return this.noop('set_locked', roomId);
  }
  setLabels(roomId: string): Promise<void> {
    return this.noop('set_labels', roomId);
  }
  ended(roomId: string): Promise<void> {
    return this.noop('ended', roomId);
  }
  async republish(rooms: readonly HeldRoom[]): Promise<string[]> {
    await this.noop('republish', rooms[0]?.roomId ?? '');
    return [];
  }
  rearm(roomIds: readonly string[]): Promise<void> {
    return this.noop('rearm', roomIds[0] ?? '');
  }
}

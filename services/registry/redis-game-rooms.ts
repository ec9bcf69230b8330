/**
 * GameRoomRegistry over Redis: the game pod's side of its rooms (docs/rooms.md), each call one script that acts
 * only on a room this pod and run hold (lua/rooms.ts roomChangeLua, roomRepublishLua, roomRearmLua).
 */
import type { Redis } from 'ioredis';
import { registryKeys, type RegistryKeys } from './keys.js';
import { roomChangeScript, roomRearmScript, roomRepublishScript, script } from './lua-scripts.js';
import { labelsJson } from './redis-rooms.js';
import { RegistryUnavailableError, type GameRoomRegistry, type HeldRoom } from './types.js';

export interface RedisGameRoomRegistryOptions {
  prefix: string;
  appId: string;
  runId: string;
}

/** Rooms per re-publish / re-arm call (bounds how long one call blocks Redis). */
const BATCH = 200;

export class RedisGameRoomRegistry implements GameRoomRegistry {
  private readonly keys: RegistryKeys;
  private readonly changeRun;
  private readonly republishRun;
  private readonly rearmRun;
  /** Each room's mode (its mode key is touched by every change). */
  private readonly modes = new Map<string, string>();

  constructor(
    redis: Redis,
    private readonly o: RedisGameRoomRegistryOptions,
  ) {
    this.keys = registryKeys(o.prefix);
    this.changeRun = script(redis, roomChangeScript);
    this.republishRun = script(redis, roomRepublishScript);
    this.rearmRun = script(redis, roomRearmScript);
  }

  /** The room's mode, which the pod learned at its first seat (rooms whose mode is unknown here are not this pod's). */
  knowMode(roomId: string, mode: string): void {
    this.modes.set(roomId, mode);
  }

  private async change(roomId: string, op: string, arg = ''): Promise<void> {
    const k = this.keys;
    const mode = this.modes.get(roomId) ?? '';
    try {
      await this.changeRun(k.room(roomId), k.seats(roomId), k.roomsOfMode(mode), k.app(this.o.appId), k.newRooms(this.o.appId), k.tag, this.o.appId, this.o.runId, roomId, op, arg);
    } catch (err) {
      throw new RegistryUnavailableError(`cannot ${op} room ${roomId}: redis unavailable`, { cause: err });
    }
  }

  left(roomId: string, account: string): Promise<void> {
    return this.change(roomId, 'left', account);
  }

  setLocked(roomId: string, locked: boolean): Promise<void> {
    return this.change(roomId, locked ? 'lock' : 'unlock');
  }

  setLabels(roomId: string, labels: Record<string, string>): Promise<void> {
    return this.change(roomId, 'labels', labelsJson(labels));
  }

  async ended(roomId: string): Promise<void> {
    await this.change(roomId, 'end');
    this.modes.delete(roomId);
  }

  async republish(rooms: readonly HeldRoom[]): Promise<string[]> {
    const k = this.keys;
    const lost: string[] = [];
    for (let i = 0; i < rooms.length || i === 0; i += BATCH) {
      const part = rooms.slice(i, i + BATCH);
      const keys = [k.app(this.o.appId), ...part.flatMap((r) => [k.room(r.roomId), k.seats(r.roomId), k.roomsOfMode(r.mode)])];
      const args = part.flatMap((r) => [r.roomId, r.mode, r.maxPlayers, r.isPrivate ? '1' : '0', r.locked ? '1' : '0', labelsJson(r.labels), r.accounts.join(',')]);
      for (const r of part) this.modes.set(r.roomId, r.mode);
      try {
        lost.push(...((await this.republishRun(keys.length, ...keys, this.o.appId, this.o.runId, part.length, ...args)) as string[]));
      } catch (err) {
        throw new RegistryUnavailableError('cannot re-publish rooms: redis unavailable', { cause: err });
      }
      if (rooms.length === 0) break;
    }
    return lost;
  }

  async rearm(roomIds: readonly string[]): Promise<void> {
    const k = this.keys;
    for (let i = 0; i < roomIds.length; i += BATCH) {
      const keys = roomIds.slice(i, i + BATCH).flatMap((id) => [k.room(id), k.seats(id)]);
      try {
        await this.rearmRun(keys.length, ...keys, this.o.appId, this.o.runId);
      } catch (err) {
        throw new RegistryUnavailableError('cannot re-arm rooms: redis unavailable', { cause: err });
      }
    }
  }
}

/**
 * AppDirectory over Redis: the operator's list of registered pods (one Lua call over the `{p}:apps` set, pruning
 * pods whose hash expired) and the DrainApp flag. Draining also removes the pod from its sorted set at once, so no
 * new player is sent there even before the pod's next heartbeat reports `draining`.
 */
import type { Redis } from 'ioredis';
import type { AppTypeName } from '../protocol/wire.js';
import { parseListReply } from './app-record.js';
import { registryKeys, type RegistryKeys } from './keys.js';
import { drainScript, listScript, script } from './lua-scripts.js';
import { RegistryUnavailableError, type AppDirectory, type AppRecord } from './types.js';
import { undrainScript } from './undrain.js';

export interface RedisAppDirectoryOptions {
  prefix: string;
  /** How long a drain flag lives (default 1 h). */
  drainTtlMs?: number;
  /** How long an UndrainApp marker waits for the pod's next beat (APP_TTL_MS; default 6000). */
  undrainTtlMs?: number;
}

export class RedisAppDirectory implements AppDirectory {
  private readonly keys: RegistryKeys;
  private readonly listRun;
  private readonly drainRun;
  private readonly undrainRun;

  constructor(
    private readonly redis: Redis,
    private readonly o: RedisAppDirectoryOptions,
  ) {
    this.keys = registryKeys(o.prefix);
    this.listRun = script(redis, listScript);
    this.drainRun = script(redis, drainScript);
    this.undrainRun = script(redis, undrainScript);
  }

  async list(appType?: AppTypeName): Promise<AppRecord[]> {
    let flat: (string | null)[];
    try {
      flat = (await this.listRun(this.keys.apps, this.keys.appPrefix)) as (string | null)[];
    } catch (err) {
      throw new RegistryUnavailableError('cannot list apps: redis unavailable', { cause: err });
    }
    const all = parseListReply(flat);
    return appType ? all.filter((a) => a.appType === appType) : all;
  }

  async drain(appId: string): Promise<boolean> {
    if (!appId) return false;
    try {
      await this.redis.del(this.keys.undrain(appId)); // a leftover UndrainApp marker must not undo this drain
      const r = await this.drainRun(this.keys.app(appId), this.keys.drain(appId), this.o.drainTtlMs ?? 3_600_000, this.keys.onlinePrefix, appId);
      return r === 1;
    } catch (err) {
      throw new RegistryUnavailableError('cannot drain: redis unavailable', { cause: err });
    }
  }

  async undrain(appId: string): Promise<boolean> {
    if (!appId) return false;
    try {
      const r = await this.undrainRun(this.keys.app(appId), this.keys.drain(appId), this.keys.undrain(appId), this.o.undrainTtlMs ?? 6000);
      return r === 1;
    } catch (err) {
      throw new RegistryUnavailableError('cannot undrain: redis unavailable', { cause: err });
    }
  }
}

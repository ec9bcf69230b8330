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

export interface RedisAppDirectoryOptions {
  prefix: string;
  /** How long a drain flag lives (default 1 h). */
  drainTtlMs?: number;
}

export class RedisAppDirectory implements AppDirectory {
  private readonly keys: RegistryKeys;
  private readonly listRun;
  private readonly drainRun;

  constructor(
    redis: Redis,
    private readonly o: RedisAppDirectoryOptions,
  ) {
    this.keys = registryKeys(o.prefix);
    this.listRun = script(redis, listScript);
    this.drainRun = script(redis, drainScript);
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
      const r = await this.drainRun(this.keys.app(appId), this.keys.drain(appId), this.o.drainTtlMs ?? 3_600_000, this.keys.onlinePrefix, appId);
      return r === 1;
    } catch (err) {
      throw new RegistryUnavailableError('cannot drain: redis unavailable', { cause: err });
    }
  }
}

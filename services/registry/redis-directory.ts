/**
 * AppDirectory over Redis: the operator's list of registered pods (one Lua call over the `{p}:apps` set and the
 * online sets, pruning pods whose hash expired from all three, wherever they sit in the sorted sets) and the DrainApp
 * flag. Draining also removes the pod from its sorted set at once, so no
 * new player is sent there even before the pod's next heartbeat reports `draining`.
 */
import type { Redis } from 'ioredis';
import type { AppTypeName } from '../protocol/wire.js';
import { parseListReply } from './app-record.js';
import { registryKeys, type RegistryKeys } from './keys.js';
import { drainScript, listScript, MISSING_KEYS, script } from './lua-scripts.js';
import { RegistryUnavailableError, type AppDirectory, type AppRecord } from './types.js';
import { undrainScript } from './undrain.js';

export interface RedisAppDirectoryOptions {
  prefix: string;
  /** How long a drain flag lives (default 1 h). */
  drainTtlMs?: number;
  /** APP_TTL_MS: a pod whose last heartbeat (Redis TIME) is older leaves the online sets when listed. */
  appTtlMs?: number;
  /** How long an UndrainApp marker waits for the pod's next beat (APP_TTL_MS; default 6000). */
  undrainTtlMs?: number;
}

export class RedisAppDirectory implements AppDirectory {
  private readonly keys: RegistryKeys;
  private readonly listRun;
  private readonly drainRun;
  /** App hash keys to declare to the list script (the ids it met last time). */
  private known = new Set<string>();
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
    // The script needs every app hash it reads in KEYS: the ids seen last time are declared, and a call that meets
    // new ones answers MISSING_KEYS (nothing written) and is repeated with them.
    const k = this.keys;
    let flat: (string | null)[] = [];
    try {
      for (let attempt = 0; ; attempt++) {
        const declared = [k.apps, k.online('login'), k.online('game'), k.runs, ...this.known];
        flat = (await this.listRun(declared.length, ...declared, k.appPrefix, this.o.appTtlMs ?? '', k.runs)) as (string | null)[];
        if (flat[0] !== MISSING_KEYS) break;
        if (attempt >= 4) throw new Error('list: the registered apps kept changing');
        for (const key of flat.slice(1)) if (key) this.known.add(key);
      }
    } catch (err) {
      throw new RegistryUnavailableError('cannot list apps: redis unavailable', { cause: err });
    }
    const all = parseListReply(flat);
    // Forget the keys of pods that are gone, so the declared list does not grow with every pod that ever existed.
    if (this.known.size > all.length) this.known = new Set(all.map((a) => k.app(a.appId)));
    return appType ? all.filter((a) => a.appType === appType) : all;
  }

  async drain(appId: string): Promise<boolean> {
    if (!appId) return false;
    try {
      const k = this.keys;
      await this.redis.del(k.undrain(appId)); // a leftover UndrainApp marker must not undo this drain
      const r = await this.drainRun(k.app(appId), k.drain(appId), k.online('login'), k.online('game'), this.o.drainTtlMs ?? 3_600_000, appId);
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

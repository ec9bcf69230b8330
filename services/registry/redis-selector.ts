/**
 * AppSelector over Redis: one Lua script (EVALSHA) prunes dead members, picks the least-loaded (or, with
 * `packed`, the fullest still below capacity) ready pod and bumps it by one player, atomically for every appmgr
 * replica. Concurrent picks are coalesced: while one script call is in flight, new requests queue and go together
 * in the next call, which picks k times with k bumps (each pick sees the previous bumps). So a burst costs a few
 * round trips, not one per request, and the answer is the same as k sequential picks.
 */
import type { Redis } from 'ioredis';
import type { Logger } from '../platform/logger.js';
import type { AppTypeName } from '../protocol/wire.js';
import { registryKeys, type RegistryKeys } from './keys.js';
import { pickScript, script } from './lua-scripts.js';
import type { AppSelector, PickResult } from './types.js';

export type SelectStrategy = 'least_loaded' | 'packed';

export interface RedisAppSelectorOptions {
  prefix: string;
  appTtlMs: number;
  strategy: SelectStrategy;
  logger: Logger;
  /** Most picks in one script call (bounds the time one script blocks Redis). Default 256. */
  maxBatch?: number;
  /** How long a pick's reservation for an account lasts if no token replaces it (the login died). Default 10000. */
  reservationMs?: number;
  now?: () => number;
}

interface Waiter {
  resolve: (r: PickResult) => void;
  account: string;
}

const NO_APP: PickResult = { ok: false, reason: 'no_app' };
const REDIS_DOWN: PickResult = { ok: false, reason: 'redis_down' };

export class RedisAppSelector implements AppSelector {
  private readonly keys: RegistryKeys;
  private readonly run;
  private readonly queues = new Map<AppTypeName, { waiting: Waiter[]; busy: boolean }>();
  private readonly maxBatch: number;
  private lastErrorLogged = 0;

  constructor(
    private readonly redis: Redis,
    private readonly o: RedisAppSelectorOptions,
  ) {
    this.keys = registryKeys(o.prefix);
    this.run = script(redis, pickScript);
    this.maxBatch = o.maxBatch ?? 256;
  }

  pick(appType: AppTypeName, reserveFor = ''): Promise<PickResult> {
    // Fail fast while disconnected: the caller falls back to its snapshot.
    if (this.redis.status !== 'ready') return Promise.resolve(REDIS_DOWN);
    let q = this.queues.get(appType);
    if (!q) this.queues.set(appType, (q = { waiting: [], busy: false }));
    const queue = q;
    return new Promise<PickResult>((resolve) => {
      queue.waiting.push({ resolve, account: reserveFor });
      if (!queue.busy) this.flush(appType, queue);
    });
  }

  private flush(appType: AppTypeName, q: { waiting: Waiter[]; busy: boolean }): void {
    const batch = q.waiting.splice(0, this.maxBatch);
    q.busy = true;
    const now = (this.o.now ?? Date.now)();
    const accounts = batch.map((w) => w.account);
    this.run(this.keys.online(appType), this.keys.appPrefix, batch.length, now, this.o.appTtlMs, this.o.strategy, this.keys.pendingPrefix, this.o.reservationMs ?? 10_000, ...accounts).then(
      (reply) => {
        const flat = reply as string[];
        for (let i = 0; i < batch.length; i++) {
          const j = i * 3;
          if (j + 2 < flat.length) batch[i]!.resolve({ ok: true, app: { appId: flat[j]!, ip: flat[j + 1]!, port: Number(flat[j + 2]) } });
          else batch[i]!.resolve(NO_APP);
        }
      },
      (err: unknown) => {
        // Log at most once a second: during an outage every request would otherwise log.
        const t = Date.now();
        if (t - this.lastErrorLogged > 1000) {
          this.lastErrorLogged = t;
          this.o.logger.warn({ err: (err as Error).message, app_type: appType }, 'select: redis call failed');
        }
        for (const w of batch) w.resolve(REDIS_DOWN);
      },
    ).finally(() => {
      q.busy = false;
      if (q.waiting.length > 0) this.flush(appType, q);
    });
  }
}

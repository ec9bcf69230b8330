/**
 * The selector appmgr serves with: the shared Redis choice while Redis answers, and the in-memory snapshot (with
 * local bumps) while it does not, for up to STALE_MS after the last good refresh; then `redis_down`. Recovery is
 * automatic: the next request after Redis is back goes to Redis again. `source` tells the caller which path
 * answered, for the requests counter.
 */
import type { AppTypeName } from '../protocol/wire.js';
import type { AppSelector, PickResult } from '../registry/types.js';
import type { AppSnapshot } from './app-snapshot.js';

export type SourcedPick = PickResult & { source: 'redis' | 'cache' };

export class FallbackSelector implements AppSelector {
  constructor(
    private readonly shared: AppSelector,
    private readonly snapshot: AppSnapshot,
  ) {}

  async pick(appType: AppTypeName): Promise<SourcedPick> {
    const r = await this.shared.pick(appType);
    if (r.ok || r.reason !== 'redis_down') return { ...r, source: 'redis' };
    const local = this.snapshot.pick(appType);
    if (local === 'stale') return { ok: false, reason: 'redis_down', source: 'cache' };
    if (!local) return { ok: false, reason: 'no_app', source: 'cache' };
    return { ok: true, app: { appId: local.appId, ip: local.ip, port: local.port }, source: 'cache' };
  }
}

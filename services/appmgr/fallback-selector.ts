/**
 * The selector appmgr serves with: the shared Redis choice while Redis answers, and the in-memory snapshot (with
 * local bumps) while it does not, for up to STALE_MS after the last good refresh; then `redis_down`. Recovery is
 * automatic: the next request after Redis is back goes to Redis again. `source` tells the caller which path
 * answered, for the requests counter. `redis_down` means Redis is unreachable OR did not answer within
 * REDIS_COMMAND_TIMEOUT_MS (a frozen Redis keeps its client 'ready'): both fall back to the snapshot. A pick shed by
 * the bounded queue (SHED) is the exception: Redis is up but overloaded, so it answers 503/6 at once.
 */
import type { AppTypeName } from '../protocol/wire.js';
import { SHED, type RedisAppSelector } from '../registry/redis-selector.js';
import type { AppSelector, ClientTransport, PickResult } from '../registry/types.js';
import type { AppSnapshot } from './app-snapshot.js';

export type SourcedPick = PickResult & { source: 'redis' | 'cache' };

export type PickSource = SourcedPick['source'];

export class FallbackSelector implements AppSelector {
  constructor(
    private readonly shared: AppSelector & Pick<RedisAppSelector, 'pickWith'>,
    private readonly snapshot: AppSnapshot,
  ) {}

  async pick(appType: AppTypeName, _reserveFor?: string, transport: ClientTransport = 'tcp'): Promise<SourcedPick> {
    const r = await this.shared.pick(appType, '', transport);
    if (r.ok || r.reason !== 'redis_down' || r === SHED) return { ...r, source: 'redis' };
    const local = this.snapshot.pick(appType, transport);
    if (local === 'stale') return { ok: false, reason: 'redis_down', source: 'cache' };
    if (!local) return { ok: false, reason: 'no_app', source: 'cache' };
    return { ok: true, app: { appId: local.appId, ip: local.ip, port: local.port, wsPort: local.wsPort ?? 0 }, source: 'cache' };
  }

  /**
   * `pick` for the HTTP hot path, same answers: a callback, and the source as a separate argument, so a request
   * costs no promise and no extra result object. `done` is called exactly once (synchronously when Redis is known
   * to be down).
   */
  pickWith(appType: AppTypeName, done: (r: PickResult, source: PickSource) => void, transport: ClientTransport = 'tcp'): void {
    const onShared = (r: PickResult) => {
      if (r.ok || r.reason !== 'redis_down' || r === SHED) return done(r, 'redis');
      this.fromSnapshot(appType, done, transport);
    };
    this.shared.pickWith(appType, '', onShared, transport);
  }

  private fromSnapshot(appType: AppTypeName, done: (r: PickResult, source: PickSource) => void, transport: ClientTransport): void {
    const local = this.snapshot.pick(appType, transport);
    if (local === 'stale') return done({ ok: false, reason: 'redis_down' }, 'cache');
    if (!local) return done({ ok: false, reason: 'no_app' }, 'cache');
    done({ ok: true, app: { appId: local.appId, ip: local.ip, port: local.port, wsPort: local.wsPort ?? 0 } }, 'cache');
  }
}

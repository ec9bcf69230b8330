/**
 * The last known registry state held in appmgr's memory, refreshed every HEARTBEAT_MS while Redis is up. It feeds
 * the `apps`/`cluster_online_players` gauges and `/status`, and lets `/login` keep answering (with local bumps)
 * for up to STALE_MS after the last successful refresh when Redis is down. `firstReadDone` gates readiness: it
 * turns true after the first refresh attempt, successful or not, because a Redis outage must not make the
 * Service empty. A refresh Redis does not answer is abandoned after `timeoutMs` (REDIS_COMMAND_TIMEOUT_MS): the
 * snapshot keeps aging toward STALE_MS and the next interval tries again, instead of one stuck read blocking every
 * later refresh.
 */
import type { Logger } from '../platform/logger.js';
import type { AppTypeName } from '../protocol/wire.js';
import type { AppDirectory, AppRecord, ClientTransport } from '../registry/types.js';
import type { SelectStrategy } from '../registry/redis-selector.js';
import { pickLocal } from './local-pick.js';
import type { AppmgrMetrics } from './metrics.js';

export interface AppSnapshotOptions {
  directory: AppDirectory;
  refreshMs: number;
  staleMs: number;
  /** A registry read not answered within this is abandoned (default 1000). */
  timeoutMs?: number;
  strategy: SelectStrategy;
  metrics: AppmgrMetrics;
  logger: Logger;
  now?: () => number;
}

export class AppSnapshot {
  private apps: AppRecord[] = [];
  /** allLoginsHave's answers for the apps array they were computed from. */
  private capsOf: AppRecord[] | undefined;
  private loginCaps = new Map<string, boolean>();
  private okAtMs = -Infinity;
  private timer: NodeJS.Timeout | undefined;
  private refreshing: Promise<void> | undefined;
  firstReadDone = false;

  constructor(private readonly o: AppSnapshotOptions) {}

  private now(): number {
    return (this.o.now ?? Date.now)();
  }

  /** First refresh now, then every refreshMs. Resolves after the first attempt. */
  async start(): Promise<void> {
    await this.refresh();
    this.timer = setInterval(() => void this.refresh(), this.o.refreshMs);
    this.timer.unref();
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
  }

  refresh(): Promise<void> {
    this.refreshing ??= withTimeout(this.o.directory.list(), this.o.timeoutMs ?? 1000)
      .then(
        (apps) => this.replace(apps),
        () => {
          /* Redis down or silent: keep the old snapshot; the client logs the outage once */
        },
      )
      .finally(() => {
        this.firstReadDone = true;
        this.refreshing = undefined;
      });
    return this.refreshing;
  }

  /** Installs a fresh truth (also used after a successful live /apps read). */
  replace(apps: AppRecord[]): void {
    this.apps = apps;
    this.okAtMs = this.now();
    const m = this.o.metrics;
    m.apps.reset();
    m.clusterOnline.reset();
    for (const t of ['login', 'game'] as const) {
      m.apps.set({ app_type: t, state: 'ready' }, 0);
      m.apps.set({ app_type: t, state: 'draining' }, 0);
      m.clusterOnline.set({ app_type: t }, 0);
    }
    for (const a of apps) {
      m.apps.inc({ app_type: a.appType, state: a.state });
      m.clusterOnline.inc({ app_type: a.appType }, a.online);
    }
  }

  /**
   * Whether every live login pod publishes `cap` in its heartbeat (AppInfoSync.caps; true with no login pod): the
   * queue enforces "only an admission consumes a held place" once every login forwards admissions (docs/queue.md).
   */
  allLoginsHave(cap: string): boolean {
    if (this.capsOf !== this.apps) {
      this.capsOf = this.apps;
      this.loginCaps = new Map();
    }
    let v = this.loginCaps.get(cap);
    if (v === undefined) this.loginCaps.set(cap, (v = this.apps.every((a) => a.appType !== 'login' || (a.caps ?? []).includes(cap))));
    return v;
  }

  /** The largest room `max_players` any live game pod declares (0: no rooms), for `?queue=1&places=N`. */
  largestRoom(): number {
    let max = 0;
    for (const a of this.apps) if (a.appType === 'game') for (const m of a.modes ?? []) max = Math.max(max, m.maxPlayers);
    return max;
  }

  /** A copy of the last snapshot. */
  list(appType?: AppTypeName): AppRecord[] {
    return this.apps.filter((a) => !appType || a.appType === appType).map((a) => ({ ...a }));
  }

  counts(): Record<AppTypeName, number> {
    const c = { login: 0, game: 0 };
    for (const a of this.apps) c[a.appType]++;
    return c;
  }

  /** Whether the snapshot is recent enough to answer from (STALE_MS since the last successful refresh). */
  usable(): boolean {
    return this.now() - this.okAtMs <= this.o.staleMs;
  }

  /** Local pick with a local bump; undefined when stale or no pod fits. */
  pick(appType: AppTypeName, transport: ClientTransport = 'tcp'): AppRecord | undefined | 'stale' {
    if (!this.usable()) return 'stale';
    return pickLocal(this.apps, appType, this.o.strategy, transport);
  }
}

/** `p`, or a rejection after `ms` (a late answer of `p` is ignored). */
function withTimeout<T>(p: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  p.catch(() => undefined);
  return Promise.race([p, new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error(`registry read not answered within ${ms} ms`)), ms)))]).finally(() => clearTimeout(timer));
}

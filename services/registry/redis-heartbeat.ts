/**
 * HeartbeatWriter over Redis: one atomic Lua step per beat writes the pod's hash (PEXPIRE APP_TTL_MS), its score in
 * `{p}:online:<type>` (or removes it when draining/full) and reads the DrainApp flag; while drained by DrainApp it
 * also takes UndrainApp's marker (undrain.ts) after each beat. The first beat is at start(),
 * then one every HEARTBEAT_MS; after a failure it retries sooner with doubling backoff (capped at HEARTBEAT_MS)
 * so the state is rebuilt quickly once Redis is back. The schedule is its own timer, set when a beat starts: a beat
 * that Redis does not answer is abandoned after REDIS_COMMAND_TIMEOUT_MS (counted as a failure) and a beat still out
 * when the next is due makes that one skip, so a silent Redis never stops the beats and they resume within one
 * interval when it answers again. The timer never throws; failures are counted and the outage is logged once, not
 * once per beat.
 */
import type { Redis } from 'ioredis';
import type { Counter } from 'prom-client';
import type { Logger } from '../platform/logger.js';
import { registryKeys, type RegistryKeys } from './keys.js';
import { heartbeatScript, script, unregisterScript } from './lua-scripts.js';
import type { HeartbeatSource, HeartbeatWriter } from './types.js';

export interface RedisHeartbeatWriterOptions {
  prefix: string;
  heartbeatMs: number;
  appTtlMs: number;
  source: HeartbeatSource;
  logger: Logger;
  /** `gamecluster_heartbeats_total{app_type,result}`. */
  heartbeats?: Counter<'app_type' | 'result'> | undefined;
  now?: () => number;
  /** A beat not answered within this is abandoned. Default: the client's commandTimeout, else 1000. */
  timeoutMs?: number;
  /**
   * How long after a beat the pod counts as alive in the runs hash, which is what keeps its session records valid
   * (lua/fragments.ts SESSION). Default 3 × heartbeatMs: a dead pod's sessions are invalid within 3 heartbeats.
   */
  liveMs?: number;
}

export class HeartbeatTimeoutError extends Error {
  readonly code = 'HEARTBEAT_TIMEOUT';
  constructor(ms: number) {
    super(`heartbeat not answered within ${ms} ms`);
    this.name = 'HeartbeatTimeoutError';
  }
}

/** `p`, or a HeartbeatTimeoutError after `ms`; an abandoned `p` settling later is ignored. */
function bounded<T>(p: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  p.catch(() => undefined);
  return Promise.race([p, new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new HeartbeatTimeoutError(ms)), ms)))]).finally(() => clearTimeout(timer));
}

export class RedisHeartbeatWriter implements HeartbeatWriter {
  private readonly keys: RegistryKeys;
  private readonly beatScript;
  private readonly unregister;
  private timer: NodeJS.Timeout | undefined;
  private stopped = false;
  private started = false;
  private failures = 0;
  private drainSeen = false;
  private readonly drainCbs: (() => void)[] = [];
  private readonly undrainCbs: (() => void)[] = [];
  private readonly lostCbs: (() => void)[] = [];
  private beatsOk = 0;
  private readonly redis: Redis;
  private inFlight: Promise<boolean> | undefined;
  private writing = false;
  private readonly timeoutMs: number;

  constructor(
    redis: Redis,
    private readonly o: RedisHeartbeatWriterOptions,
  ) {
    this.keys = registryKeys(o.prefix);
    this.redis = redis;
    this.beatScript = script(redis, heartbeatScript);
    this.unregister = script(redis, unregisterScript);
    this.timeoutMs = o.timeoutMs ?? redis.options?.commandTimeout ?? 1000;
  }

  async start(): Promise<void> {
    if (this.started) return;
    this.started = true;
    await this.beatNow();
  }

  beatNow(): Promise<boolean> {
    if (this.stopped) return Promise.resolve(false);
    // One write at a time: a beat requested while one is in flight waits for it and then writes fresh values.
    const run = (this.inFlight ?? Promise.resolve(true)).then(() => this.writeOnce());
    this.inFlight = run;
    return run;
  }

  onDrainRequested(cb: () => void): void {
    this.drainCbs.push(cb);
  }

  onUndrainRequested(cb: () => void): void {
    this.undrainCbs.push(cb);
  }

  onRegistrationLost(cb: () => void): void {
    this.lostCbs.push(cb);
  }

  private fire(cbs: readonly (() => void)[], what: string): void {
    for (const cb of cbs) {
      try {
        cb();
      } catch (err) {
        this.o.logger.error({ err }, `heartbeat: ${what} callback threw`);
      }
    }
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    await this.inFlight?.catch(() => false);
    const s = this.o.source;
    try {
      await this.unregister(this.keys.app(s.appId), this.keys.online(s.appType), this.keys.apps, this.keys.runs, s.appId, s.runId ?? '');
    } catch (err) {
      this.o.logger.warn({ err, app_id: s.appId }, 'heartbeat: could not remove the registry entry (it expires by TTL)');
    }
  }

  private async writeOnce(): Promise<boolean> {
    if (this.stopped) return false;
    const startedAt = Date.now();
    // The next beat is due one interval after this one started, whether or not this one is answered.
    this.scheduleAt(startedAt + this.o.heartbeatMs);
    this.writing = true;
    const s = this.o.source;
    const now = (this.o.now ?? Date.now)();
    let ok = false;
    try {
      const online = Math.max(0, Math.floor(s.online()));
      const flags = (await bounded(this.beatScript(
        this.keys.app(s.appId),
        this.keys.online(s.appType),
        this.keys.drain(s.appId),
        this.keys.apps,
        this.keys.pending(s.appId),
        this.keys.newRooms(s.appId),
        this.keys.runs,
        s.appId,
        s.appType,
        online,
        s.ip,
        s.port,
        s.draining() ? 1 : 0,
        now,
        s.capacity,
        this.o.appTtlMs,
        s.redeemsCounted?.() ?? 0,
        s.incarnation?.() ?? '',
        s.wsPort ?? 0,
        s.runId ?? '',
        (s.caps ?? []).join(','),
        (s.modes ?? []).map((m) => `${m.mode}:${m.maxPlayers}`).join(','),
        Math.max(0, Math.floor(s.roomPlayers?.() ?? 0)),
        Math.max(0, Math.floor(s.rooms?.() ?? 0)),
        this.o.liveMs ?? 3 * this.o.heartbeatMs,
      ), this.timeoutMs)) as number;
      const drained = flags & 1;
      // The registration was gone or its liveness had lapsed: the first beat of this process, or Redis lost it
      // (restart, failover, expiry during a long outage), or beats stopped landing for 3 intervals (its sessions were
      // invalid meanwhile). Not the first: the pod re-publishes what Redis lost (docs/rooms.md).
      if (flags & 2 && this.beatsOk > 0) this.fire(this.lostCbs, 'onRegistrationLost');
      this.beatsOk++;
      ok = true;
      if (this.failures > 0) this.o.logger.info({ app_id: s.appId, failures: this.failures }, 'heartbeat: writing again');
      this.failures = 0;
      if (drained === 1 && !this.drainSeen) {
        this.drainSeen = true;
        this.o.logger.info({ app_id: s.appId }, 'heartbeat: drain requested by DrainApp');
        for (const cb of this.drainCbs) {
          try {
            cb();
          } catch (err) {
            this.o.logger.error({ err }, 'heartbeat: onDrainRequested callback threw');
          }
        }
      }
      // UndrainApp (undrain.ts): asked only while drained by DrainApp, so a ready pod pays nothing.
      if (this.drainSeen && drained !== 1) await this.takeUndrain(s.appId);
    } catch (err) {
      if (this.failures === 0) this.o.logger.warn({ err: (err as Error).message, app_id: s.appId }, 'heartbeat: write failed; retrying with backoff');
      this.failures++;
    }
    this.writing = false;
    this.o.heartbeats?.inc({ app_type: s.appType, result: ok ? 'ok' : 'error' });
    this.scheduleAt(startedAt + this.delay());
    return ok;
  }

  /** Takes UndrainApp's marker if set (one DEL); a failure is logged and retried at the next beat. */
  private async takeUndrain(appId: string): Promise<void> {
    try {
      if ((await this.redis.del(this.keys.undrain(appId))) !== 1) return;
    } catch (err) {
      this.o.logger.warn({ err: (err as Error).message, app_id: appId }, 'heartbeat: could not read the undrain marker; retrying at the next beat');
      return;
    }
    this.drainSeen = false;
    this.o.logger.info({ app_id: this.o.source.appId }, 'heartbeat: undrain requested by UndrainApp');
    for (const cb of this.undrainCbs) {
      try {
        cb();
      } catch (err) {
        this.o.logger.error({ err }, 'heartbeat: onUndrainRequested callback threw');
      }
    }
  }

  private delay(): number {
    return this.failures === 0 ? this.o.heartbeatMs : Math.min(this.o.heartbeatMs, 100 * 2 ** Math.min(this.failures - 1, 10));
  }

  private scheduleAt(at: number): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    if (this.stopped) return;
    this.timer = setTimeout(() => this.tick(), Math.max(0, at - Date.now()));
    this.timer.unref();
  }

  private tick(): void {
    this.timer = undefined;
    if (this.writing) {
      // The previous beat is still out (Redis slower than the interval): skip this one rather than queue behind it.
      this.o.heartbeats?.inc({ app_type: this.o.source.appType, result: 'error' });
      this.scheduleAt(Date.now() + this.o.heartbeatMs);
      return;
    }
    void this.beatNow();
  }
}

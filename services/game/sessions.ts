/**
 * One session per account in the whole cluster, for a game pod: `claim` records (this app_id, socket key, run) in the
 * SessionRegistry, whose claim tells the pod holding the older session to kick it (pub/sub); on this pod such kick
 * requests are served by `listen()`. A kick names (account, socket key) and is executed only if the live connection
 * of that account still has that socket key, so it never hits a newer session. On close, the session is released
 * (compare-and-delete); pending releases are tracked so shutdown can wait for them before Redis closes.
 * A record is valid while this pod is alive in its run (its heartbeat), so nothing is sent per session per
 * heartbeat. What remains per session: its key's backstop expiry (1 h), re-armed once it is `rearmAfterMs` old —
 * the due sessions of each pass, at most a budget per pass that spreads a burst (all sessions re-published at once)
 * over `spreadMs` — and `republish()`, one pass over every live session when Redis lost data (the heartbeat found
 * the registration gone) or the kick subscription came back (kicks published meanwhile were lost): records that
 * vanished are written again, and sessions whose record names a newer login elsewhere are kicked.
 * A kick that arrives while the named connection's claim is still in flight is kept and reported by `claim`.
 */
import type { Logger } from '../platform/logger.js';
import { KickReason } from '../protocol/wire.js';
import type { RoomSeat, SessionRegistry } from '../registry/index.js';
import type { FrameServer } from '../socket/frame-server.js';

/**
 * Who holds this pod's sessions when the session outlives its connection (resume: services/game/module/host.ts):
 * the (account, session socket key) pairs to keep in Redis, and the kick of one of them (false: not here).
 */
export interface SessionDirectory {
  sessions(): { account: string; socketKey: string }[];
  kick(account: string, socketKey: string): boolean;
}

export interface GameSessionsOptions {
  /** How often the due re-arms run (HEARTBEAT_MS; a pass with nothing due sends nothing). 0 = never (tests). */
  passMs: number;
  /** A session's backstop is re-armed once this old (default 30 min; the key's PX is 1 h). */
  rearmAfterMs?: number;
  /** A burst of due sessions is spread over at most this (default 20 min): the per-pass budget follows from it. */
  spreadMs?: number;
  /** The least a pass re-arms when that many are due (default 100). */
  minBatch?: number;
}

/** A session this pod recorded: its session socket key and when its backstop is next due. */
interface Armed {
  readonly socketKey: string;
  due: number;
}

export class GameSessions {
  private readonly pending = new Set<Promise<void>>();
  private releaseFailing = false;
  private syncFailing = false;
  /** socketKey → account, while that connection's claim is in flight. */
  private readonly claiming = new Map<string, string>();
  /** Connections asked to go (a newer login) while their claim was in flight. */
  private readonly kickedWhileClaiming = new Set<string>();
  /**
   * account → its session here, in the order their backstop is due (a re-armed one moves to the end), so a pass
   * looks only at the head.
   */
  private readonly armed = new Map<string, Armed>();
  private timer: NodeJS.Timeout | undefined;
  private syncing: Promise<void> | undefined;
  /** A full pass asked for and not started yet. */
  private queued: Promise<void> | undefined;
  private directory: SessionDirectory | undefined;

  constructor(
    private readonly registry: SessionRegistry,
    private readonly server: FrameServer<any>,
    private readonly appId: string,
    private readonly logger: Logger,
    private readonly o: GameSessionsOptions = { passMs: 0 },
  ) {}

  /** Sessions are held by `d` (live and away players) instead of the open connections. */
  useDirectory(d: SessionDirectory): void {
    this.directory = d;
  }

  /**
   * Subscribes to kick requests for this pod and starts the re-arm passes (and the full pass whenever the
   * subscription comes back after a reconnect: kicks published meanwhile were lost). Resolves once subscribed (or
   * fails: the caller logs and carries on).
   */
  listen(): Promise<void> {
    this.registry.onResubscribed(() => {
      this.logger.info('sessions: kick subscription re-established: checking the live sessions');
      void this.republish();
    });
    if (this.o.passMs > 0 && !this.timer) {
      this.timer = setInterval(() => void this.rearmDue(), this.o.passMs);
      this.timer.unref();
    }
    return this.registry.onKick(this.appId, (account, socketKey) => this.kickLocal(account, socketKey));
  }

  /** Sessions recorded here (live and away). */
  get size(): number {
    return this.armed.size;
  }

  private live(): { account: string; socketKey: string }[] {
    const live: { account: string; socketKey: string }[] = this.directory ? this.directory.sessions() : [];
    if (!this.directory) for (const c of this.server.connections()) if (c.state === 'online' && c.objectKey !== undefined) live.push({ account: c.objectKey, socketKey: c.socketKey });
    return live;
  }

  /**
   * One pass over every live session (Redis lost data, or the kick subscription came back): records written again
   * where they vanished, backstops re-armed, and the sessions whose record names a newer login elsewhere kicked
   * (DUPLICATE_LOGIN). Never throws; one pass at a time (a pass asked for while one runs follows it; asked again before it started, it is the same pass).
   */
  republish(): Promise<void> {
    // Asked again before the queued pass started: that pass will see the same sessions.
    if (this.queued) return this.queued;
    const run = (this.syncing ?? Promise.resolve()).then(() => {
      this.queued = undefined;
      return this.syncOnce(this.live(), Date.now());
    });
    const done = run.finally(() => {
      if (this.syncing === done) this.syncing = undefined;
    });
    this.syncing = done;
    this.queued = done;
    return done;
  }

  /**
   * Re-arms the backstop of the sessions that are due (at most the pass budget; none due = no Redis call). Skipped
   * while another pass runs. Returns how many it sent.
   */
  async rearmDue(now = Date.now()): Promise<number> {
    if (this.syncing) return 0;
    const budget = Math.max(this.o.minBatch ?? 100, Math.ceil((this.armed.size * (this.o.passMs || 1000)) / (this.o.spreadMs ?? 20 * 60_000)));
    const due: { account: string; socketKey: string }[] = [];
    for (const [account, a] of this.armed) {
      if (a.due > now || due.length >= budget) break;
      due.push({ account, socketKey: a.socketKey });
    }
    if (due.length === 0) return 0;
    const done = this.syncOnce(due, now).finally(() => {
      if (this.syncing === done) this.syncing = undefined;
    });
    this.syncing = done;
    await done;
    return due.length;
  }

  private async syncOnce(live: { account: string; socketKey: string }[], now: number): Promise<void> {
    if (live.length === 0) return;
    let lost: { account: string; socketKey: string }[];
    try {
      lost = await this.registry.sync(this.appId, live);
      if (this.syncFailing) (this.syncFailing = false), this.logger.info('sessions: syncing again');
    } catch (err) {
      if (!this.syncFailing) {
        this.syncFailing = true;
        this.logger.warn({ err: (err as Error).message, code: (err as { code?: string }).code }, 'sessions: cannot sync (Redis unavailable)');
      }
      return;
    }
    for (const x of live) {
      const a = this.armed.get(x.account);
      if (a && a.socketKey !== x.socketKey) continue;
      this.arm(x.account, x.socketKey, now);
    }
    for (const x of lost) this.kickLocal(x.account, x.socketKey);
  }

  /** (account, socketKey) is recorded as of `now`: its backstop is due `rearmAfterMs` later (end of the order). */
  private arm(account: string, socketKey: string, now = Date.now()): void {
    this.armed.delete(account);
    this.armed.set(account, { socketKey, due: now + (this.o.rearmAfterMs ?? 30 * 60_000) });
  }

  /** Kicks the live session (account, socketKey) on this pod with DUPLICATE_LOGIN; false if it is already gone. */
  kickLocal(account: string, socketKey: string): boolean {
    if (this.directory?.kick(account, socketKey)) return true;
    const conn = this.server.findByObjectKey(account);
    if (!conn || conn.socketKey !== socketKey) {
      // Its claim may not have answered yet: remember the kick so the login path acts on it (claim → 'kicked').
      if (this.claiming.get(socketKey) === account) this.kickedWhileClaiming.add(socketKey);
      return false;
    }
    this.logger.info({ account, socketKey }, 'duplicate login: kicking the older session');
    return this.server.kick({ socketKey, objectKey: account }, KickReason.DUPLICATE_LOGIN);
  }

  /** Kicks this pod's live session of `account` unless it is `socketKey` (a newer login here replaces it). */
  kickOtherLocal(account: string, socketKey: string): boolean {
    const conn = this.server.findByObjectKey(account);
    if (!conn || conn.socketKey === socketKey) return false;
    return this.kickLocal(account, conn.socketKey);
  }

  /**
   * Records the session; 'kicked' when a newer login of the account already asked this one to go while the claim was
   * in flight (the caller must not let it in). Throws RegistryUnavailableError when Redis is down.
   */
  async claim(account: string, socketKey: string): Promise<'ok' | 'kicked'> {
    this.claiming.set(socketKey, account);
    try {
      await this.registry.claim(account, this.appId, socketKey);
      if (this.kickedWhileClaiming.has(socketKey)) return 'kicked';
      this.arm(account, socketKey);
      return 'ok';
    } finally {
      this.claiming.delete(socketKey);
      this.kickedWhileClaiming.delete(socketKey);
    }
  }

  /** Whether the registry redeems and claims in one step (redeemAndClaim); else TokenStore.redeem, then claim. */
  get redeemsAndClaims(): boolean {
    return this.registry.redeemAndClaim !== undefined;
  }

  /**
   * Redeems `token` for (account, this pod) and, if it redeems, records the session — one round trip, the same
   * outcome as the token store's redeem followed by `claim`: 'invalid' (nothing changed), 'ok' or 'kicked' (see
   * claim). Throws RegistryUnavailableError when Redis is down. Only when `redeemsAndClaims`.
   */
  async redeemAndClaim(token: string, account: string, socketKey: string): Promise<'invalid' | { claimed: 'ok' | 'kicked'; seat: RoomSeat | null }> {
    this.claiming.set(socketKey, account);
    try {
      const r = await this.registry.redeemAndClaim!(token, account, this.appId, socketKey);
      if (r === 'invalid') return 'invalid';
      const kicked = this.kickedWhileClaiming.has(socketKey);
      if (!kicked) this.arm(account, socketKey);
      return { claimed: kicked ? 'kicked' : 'ok', seat: r.seat };
    } finally {
      this.claiming.delete(socketKey);
      this.kickedWhileClaiming.delete(socketKey);
    }
  }

  release(account: string, socketKey: string): void {
    if (this.armed.get(account)?.socketKey === socketKey) this.armed.delete(account);
    const p = this.registry.release(account, this.appId, socketKey).then(
      () => {
        if (this.releaseFailing) (this.releaseFailing = false), this.logger.info('sessions: releasing again');
      },
      (err: unknown) => {
        // The record stays until its backstop expires (or the account's next claim overwrites it); it names a
        // session this pod no longer holds, so a kick it draws finds nothing to kick.
        if (!this.releaseFailing) {
          this.releaseFailing = true;
          this.logger.warn({ err: (err as Error).message, code: (err as { code?: string }).code }, 'sessions: cannot release (Redis unavailable)');
        }
      },
    );
    this.pending.add(p);
    void p.finally(() => this.pending.delete(p));
  }

  async close(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
    await this.syncing;
    await Promise.all([...this.pending]);
    await this.registry.close();
  }
}

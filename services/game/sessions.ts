/**
 * One session per account in the whole cluster, for a game pod: `claim` records (this app_id, socket key) in the
 * SessionRegistry, whose claim tells the pod holding the older session to kick it (pub/sub); on this pod such kick
 * requests are served by `listen()`. A kick names (account, socket key) and is executed only if the live connection
 * of that account still has that socket key, so it never hits a newer session. On close, the session is released
 * (compare-and-delete); pending releases are tracked so shutdown can wait for them before Redis closes.
 * The records expire unless refreshed: every `refreshMs` (and whenever the kick subscription comes back) one pass
 * over the live sessions keeps them, and kicks those a newer login elsewhere replaced while a kick message was lost.
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
  /** How often the live sessions' records are refreshed (HEARTBEAT_MS; their PX is 3 × this). 0 = never (tests). */
  refreshMs: number;
}

export class GameSessions {
  private readonly pending = new Set<Promise<void>>();
  private releaseFailing = false;
  private refreshFailing = false;
  /** socketKey → account, while that connection's claim is in flight. */
  private readonly claiming = new Map<string, string>();
  /** Connections asked to go (a newer login) while their claim was in flight. */
  private readonly kickedWhileClaiming = new Set<string>();
  private timer: NodeJS.Timeout | undefined;
  private refreshing: Promise<void> | undefined;
  private directory: SessionDirectory | undefined;

  constructor(
    private readonly registry: SessionRegistry,
    private readonly server: FrameServer<any>,
    private readonly appId: string,
    private readonly logger: Logger,
    private readonly o: GameSessionsOptions = { refreshMs: 0 },
  ) {}

  /** Sessions are held by `d` (live and away players) instead of the open connections. */
  useDirectory(d: SessionDirectory): void {
    this.directory = d;
  }

  /**
   * Subscribes to kick requests for this pod and starts the periodic refresh of its sessions' records (also run at
   * once whenever the subscription comes back after a reconnect: kicks published meanwhile were lost). Resolves once
   * subscribed (or fails: the caller logs and carries on).
   */
  listen(): Promise<void> {
    this.registry.onResubscribed(() => {
      this.logger.info('sessions: kick subscription re-established: checking the live sessions');
      void this.refresh();
    });
    if (this.o.refreshMs > 0 && !this.timer) {
      this.timer = setInterval(() => void this.refresh(), this.o.refreshMs);
      this.timer.unref();
    }
    return this.registry.onKick(this.appId, (account, socketKey) => this.kickLocal(account, socketKey));
  }

  /**
   * One pass over this pod's live sessions: keeps their records alive, records again those that vanished, and kicks
   * (DUPLICATE_LOGIN) those whose record names a newer login elsewhere. Never throws; one pass at a time.
   */
  refresh(): Promise<void> {
    return (this.refreshing ??= this.refreshOnce().finally(() => (this.refreshing = undefined)));
  }

  private async refreshOnce(): Promise<void> {
    const live: { account: string; socketKey: string }[] = this.directory ? this.directory.sessions() : [];
    if (!this.directory) for (const c of this.server.connections()) if (c.state === 'online' && c.objectKey !== undefined) live.push({ account: c.objectKey, socketKey: c.socketKey });
    if (live.length === 0) return;
    try {
      const lost = await this.registry.refresh(this.appId, live);
      if (this.refreshFailing) (this.refreshFailing = false), this.logger.info('sessions: refreshing again');
      for (const x of lost) this.kickLocal(x.account, x.socketKey);
    } catch (err) {
      if (!this.refreshFailing) {
        this.refreshFailing = true;
        this.logger.warn({ err: (err as Error).message, code: (err as { code?: string }).code }, 'sessions: cannot refresh (Redis unavailable)');
      }
    }
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
      return this.kickedWhileClaiming.has(socketKey) ? 'kicked' : 'ok';
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
      return { claimed: this.kickedWhileClaiming.has(socketKey) ? 'kicked' : 'ok', seat: r.seat };
    } finally {
      this.claiming.delete(socketKey);
      this.kickedWhileClaiming.delete(socketKey);
    }
  }

  release(account: string, socketKey: string): void {
    const p = this.registry.release(account, this.appId, socketKey).then(
      () => {
        if (this.releaseFailing) (this.releaseFailing = false), this.logger.info('sessions: releasing again');
      },
      (err: unknown) => {
        // The record stays; the account's next claim overwrites it (its kick then finds nothing to kick).
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
    await this.refreshing;
    await Promise.all([...this.pending]);
    await this.registry.close();
  }
}

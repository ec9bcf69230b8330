/**
 * One session per account in the whole cluster, for a game pod: `claim` records (this app_id, socket key) in the
 * SessionRegistry, whose claim tells the pod holding the older session to kick it (pub/sub); on this pod such kick
 * requests are served by `listen()`. A kick names (account, socket key) and is executed only if the live connection
 * of that account still has that socket key, so it never hits a newer session. On close, the session is released
 * (compare-and-delete); pending releases are tracked so shutdown can wait for them before Redis closes.
 */
import type { Logger } from '../platform/logger.js';
import { KickReason } from '../protocol/wire.js';
import type { SessionRegistry } from '../registry/index.js';
import type { FrameServer } from '../socket/frame-server.js';

export class GameSessions {
  private readonly pending = new Set<Promise<void>>();
  private releaseFailing = false;

  constructor(
    private readonly registry: SessionRegistry,
    private readonly server: FrameServer<any>,
    private readonly appId: string,
    private readonly logger: Logger,
  ) {}

  /** Subscribes to kick requests for this pod. Resolves once subscribed (or fails: the caller logs and carries on). */
  listen(): Promise<void> {
    return this.registry.onKick(this.appId, (account, socketKey) => this.kickLocal(account, socketKey));
  }

  /** Kicks the live session (account, socketKey) on this pod with DUPLICATE_LOGIN; false if it is already gone. */
  kickLocal(account: string, socketKey: string): boolean {
    const conn = this.server.findByObjectKey(account);
    if (!conn || conn.socketKey !== socketKey) return false;
    this.logger.info({ account, socketKey }, 'duplicate login: kicking the older session');
    return this.server.kick({ socketKey, objectKey: account }, KickReason.DUPLICATE_LOGIN);
  }

  /** Kicks this pod's live session of `account` unless it is `socketKey` (a newer login here replaces it). */
  kickOtherLocal(account: string, socketKey: string): boolean {
    const conn = this.server.findByObjectKey(account);
    if (!conn || conn.socketKey === socketKey) return false;
    return this.kickLocal(account, conn.socketKey);
  }

  /** Records the session; throws RegistryUnavailableError when Redis is down. */
  async claim(account: string, socketKey: string): Promise<void> {
    await this.registry.claim(account, this.appId, socketKey);
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
    await Promise.all([...this.pending]);
    await this.registry.close();
  }
}

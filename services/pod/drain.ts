/**
 * The drain state machine of a login or game pod: `ready` → `draining` (SIGTERM or DrainApp; the pod reports
 * `draining` at once so appmgr never picks it again, /readyz turns 503) → `drained` (every connection left, or
 * DRAIN_TIMEOUT_MS passed and the rest got S2C_Kick{SERVER_DRAINING}). Draining keeps the TCP listener open until
 * the deadline: a player given a token/address just before the drain still gets in and is kicked with the rest at
 * the deadline (see docs/architecture.md "Draining"). At the deadline the listener closes. `drain()` is idempotent: a
 * second call (e.g. SIGTERM after DrainApp) joins the drain already running or resolves at once when it is done.
 */
import type { Logger } from '../platform/logger.js';
import { KickReason } from '../protocol/wire.js';

export type DrainReason = 'sigterm' | 'drain_app' | 'close';
export type DrainState = 'ready' | 'draining' | 'drained';

/** What the drain needs from the TCP server (FrameServer satisfies it). */
export interface DrainTarget {
  readonly size: number;
  whenEmpty(waitMs: number): Promise<void>;
  kickAll(reason: KickReason, waitMs?: number): Promise<void>;
  stopAccepting(): Promise<void>;
}

export interface DrainOptions {
  timeoutMs: number;
  target: DrainTarget;
  logger: Logger;
  /** Runs synchronously when draining starts (report `draining` in a heartbeat now). */
  onDraining?: (reason: DrainReason) => void;
  /** How long to wait for kicked connections to close (default 3000). */
  kickWaitMs?: number;
}

export class DrainController {
  private st: DrainState = 'ready';
  private running: Promise<void> | undefined;
  private reason: DrainReason | undefined;

  constructor(private readonly o: DrainOptions) {}

  get state(): DrainState {
    return this.st;
  }

  get draining(): boolean {
    return this.st !== 'ready';
  }

  drain(reason: DrainReason): Promise<void> {
    if (this.running) return this.running;
    this.st = 'draining';
    this.reason = reason;
    const t = this.o.target;
    this.o.logger.info({ reason, connections: t.size, drain_timeout_ms: this.o.timeoutMs }, 'draining: no new players; waiting for players to leave');
    try {
      this.o.onDraining?.(reason);
    } catch (err) {
      this.o.logger.error({ err }, 'draining: onDraining callback threw');
    }
    this.running = (async () => {
      const started = Date.now();
      await t.whenEmpty(this.o.timeoutMs);
      await t.stopAccepting();
      const left = t.size;
      if (left > 0) {
        this.o.logger.info({ connections: left, waited_ms: Date.now() - started }, 'drain timeout: kicking the remaining players (SERVER_DRAINING)');
        await t.kickAll(KickReason.SERVER_DRAINING, this.o.kickWaitMs ?? 3000);
      }
      this.st = 'drained';
      this.o.logger.info({ reason: this.reason, waited_ms: Date.now() - started, kicked: left }, 'drained');
    })();
    return this.running;
  }
}

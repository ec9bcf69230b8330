/**
 * The drain state machine of a login or game pod: `ready` → `draining` (SIGTERM or DrainApp; the pod reports
 * `draining` at once so appmgr never picks it again, /readyz turns 503) → `drained` (every connection left, or
 * DRAIN_TIMEOUT_MS passed and the rest got S2C_Kick{SERVER_DRAINING}). Draining keeps the TCP listener open until
 * the deadline: a player given a token/address just before the drain still gets in and is kicked with the rest at
 * the deadline (see docs/architecture.md "Draining"). At the deadline the listener closes. `drain()` is idempotent: a
 * second call (e.g. SIGTERM after DrainApp) joins the drain already running or resolves at once when it is done.
 * `undrain()` (UndrainApp) takes a DrainApp drain back: the pending deadline kick is cancelled, or — past the
 * deadline — the listener opens again; the pod is `ready` again. A SIGTERM/close drain is never undone.
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
  /** Listens again on the same address after stopAccepting (undrain past the deadline). */
  resumeAccepting?(): Promise<void>;
}

export interface DrainOptions {
  timeoutMs: number;
  target: DrainTarget;
  logger: Logger;
  /** Runs synchronously when draining starts (report `draining` in a heartbeat now). */
  onDraining?: (reason: DrainReason) => void;
  /** Runs when an undrain made the pod ready again (report `ready` in a heartbeat now). */
  onReady?: () => void;
  /** How long to wait for kicked connections to close (default 3000). */
  kickWaitMs?: number;
}

export class DrainController {
  private st: DrainState = 'ready';
  private running: Promise<void> | undefined;
  private reason: DrainReason | undefined;
  /** Set while the drain waits for players to leave (before the deadline): resolves that wait as cancelled. */
  private cancelWait: (() => void) | undefined;

  constructor(private readonly o: DrainOptions) {}

  get state(): DrainState {
    return this.st;
  }

  get draining(): boolean {
    return this.st !== 'ready';
  }

  drain(reason: DrainReason): Promise<void> {
    if (this.running) {
      // A SIGTERM/close joining a DrainApp drain makes it one that UndrainApp can no longer take back.
      if (reason !== 'drain_app') this.reason = reason;
      return this.running;
    }
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
      const cancelled = new Promise<'cancelled'>((resolve) => (this.cancelWait = () => resolve('cancelled')));
      const r = await Promise.race([t.whenEmpty(this.o.timeoutMs).then(() => 'waited' as const), cancelled]);
      this.cancelWait = undefined;
      if (r === 'cancelled') return;
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

  /**
   * Takes back a DrainApp drain; false (nothing changes) when the pod is not draining, the drain came from
   * SIGTERM/close, or the listener cannot open again. Resolves once the pod is ready (after a kick in progress).
   */
  async undrain(): Promise<boolean> {
    if (this.st === 'ready' || !this.running) return false;
    if (this.reason !== 'drain_app') {
      this.o.logger.warn({ reason: this.reason }, 'undrain refused: this drain was not started by DrainApp');
      return false;
    }
    const running = this.running;
    const beforeDeadline = this.cancelWait !== undefined;
    if (beforeDeadline) {
      // Synchronously ready again, so a SIGTERM arriving right now starts a drain of its own instead of joining this one.
      this.cancelWait!();
      this.cancelWait = undefined;
    } else {
      await running; // past the deadline: let the kick finish, then listen again
      if (this.reason !== 'drain_app' || this.running !== running) return false; // SIGTERM meanwhile
      try {
        if (!this.o.target.resumeAccepting) throw new Error('this server cannot listen again');
        await this.o.target.resumeAccepting();
      } catch (err) {
        this.o.logger.error({ err }, 'undrain failed: the listener could not open again; the pod stays drained');
        return false;
      }
    }
    this.st = 'ready';
    this.running = undefined;
    this.reason = undefined;
    this.o.logger.info({ before_deadline: beforeDeadline }, 'undrained by UndrainApp: accepting players again');
    try {
      this.o.onReady?.();
    } catch (err) {
      this.o.logger.error({ err }, 'undrain: onReady callback threw');
    }
    return true;
  }
}

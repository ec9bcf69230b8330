/**
 * A fixed-rate loop for onTick: tick k is due at start + k × period (absolute times, so timer lateness never
 * accumulates into drift). A tick that overruns never makes the next ones pile up: the ticks whose time passed while
 * it ran are skipped and counted (`onSkipped`), and the loop resumes at the next due time. `dtMs` is the time since the
 * previous tick that ran. A tick returning a promise is awaited before the next one — up to `deadlineMs`
 * (TICK_DEADLINE_MS): one still pending then is reported (`onOverrun`) and left behind, and the loop goes on (a hung
 * onTick must not stop the game; its late rejection is still reported).
 */
import { performance } from 'node:perf_hooks';

export interface TickLoopOptions {
  hz: number;
  tick: (dtMs: number) => void | Promise<void>;
  /** Ticks skipped because an earlier one overran. */
  onSkipped: (n: number) => void;
  /** Wall time of one tick, seconds. */
  onDuration: (seconds: number) => void;
  /** A tick threw or rejected (the loop goes on). */
  onError: (err: unknown) => void;
  /** How long an asynchronous tick is waited for (0 / absent: until it settles). */
  deadlineMs?: number;
  /** A tick was still pending at `deadlineMs`: the loop went on without it. */
  onOverrun?: () => void;
  now?: () => number;
}

export class TickLoop {
  readonly periodMs: number;
  private next = 0;
  private last = 0;
  private timer: NodeJS.Timeout | undefined;
  private running = false;
  private readonly now: () => number;

  constructor(private readonly o: TickLoopOptions) {
    this.periodMs = 1000 / o.hz;
    this.now = o.now ?? (() => performance.now());
  }

  start(): void {
    if (this.running) return;
    this.running = true;
    this.last = this.now();
    this.next = this.last + this.periodMs;
    this.schedule();
  }

  stop(): void {
    this.running = false;
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
  }

  private schedule(): void {
    if (!this.running) return;
    this.timer = setTimeout(() => void this.run(), Math.max(0, this.next - this.now()));
  }

  private async run(): Promise<void> {
    if (!this.running) return;
    let now = this.now();
    if (now < this.next) return this.schedule(); // setTimeout fired early (clock granularity)
    // Every due time already passed by more than a whole period is skipped, not run late in a burst.
    const behind = Math.floor((now - this.next) / this.periodMs);
    if (behind > 0) {
      this.o.onSkipped(behind);
      this.next += behind * this.periodMs;
    }
    const dt = now - this.last;
    this.last = now;
    try {
      const r = this.o.tick(dt);
      if (r && typeof (r as Promise<void>).then === 'function') await this.settle(r);
    } catch (err) {
      this.o.onError(err);
    }
    now = this.now();
    this.o.onDuration((now - this.last) / 1000);
    this.next += this.periodMs;
    this.schedule();
  }

  /** Waits for an asynchronous tick, at most `deadlineMs`; a rejection before then is thrown, after it reported. */
  private async settle(r: Promise<void>): Promise<void> {
    const ms = this.o.deadlineMs ?? 0;
    if (ms <= 0) return r;
    let late = false;
    let timer: NodeJS.Timeout | undefined;
    const done = r.then(
      () => 'done' as const,
      (err: unknown) => {
        if (!late) throw err;
        this.o.onError(err);
        return 'done' as const;
      },
    );
    const over = new Promise<'over'>((resolve) => (timer = setTimeout(resolve, ms, 'over')));
    try {
      if ((await Promise.race([done, over])) === 'over') {
        late = true;
        this.o.onOverrun?.();
      }
    } finally {
      clearTimeout(timer);
    }
  }
}

/**
 * appmgr's side of the admission queue (docs/queue.md): runs the line's admission step (RedisQueue.tick) every
 * QUEUE_TICK_MS — every replica does, the Lua makes them agree — and keeps what the last tick saw in memory: the
 * line's length and the places held (gauges, /status, the admin page) and whether plain `/login` must wait so nobody
 * jumps the line. It counts admissions, expiries, waits and refusals (metrics) for what this replica did. A tick Redis
 * does not answer keeps the last state (the line is frozen meanwhile) and is logged once per outage.
 */
import type { Logger } from '../platform/logger.js';
import type { EnqueueResult, PollResult, RedisQueue, TickResult } from '../registry/redis-queue.js';
import type { AppmgrMetrics } from './metrics.js';

export interface AdmissionQueueOptions {
  queue: RedisQueue;
  metrics: AppmgrMetrics;
  logger: Logger;
  tickMs: number;
  /** The largest room any game pod declares (`?places=N` is clamped to it; 0: no rooms, N = 1). */
  largestRoom?: () => number;
}

export interface QueueView {
  waiting: number;
  held: number;
  available: number;
  ratePerSec: number;
  blocksPlain: boolean;
}

export class AdmissionQueue {
  private timer: NodeJS.Timeout | undefined;
  private ticking: Promise<void> | undefined;
  private failing = false;
  private state: QueueView = { waiting: 0, held: 0, available: 0, ratePerSec: 0, blocksPlain: false };

  constructor(private readonly o: AdmissionQueueOptions) {}

  start(): this {
    void this.tick();
    this.timer = setInterval(() => void this.tick(), this.o.tickMs);
    this.timer.unref();
    return this;
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
  }

  /** What the last successful tick saw. */
  view(): QueueView {
    return { ...this.state };
  }

  get waiting(): number {
    return this.state.waiting;
  }

  /** Plain /login answers 503/4 while this is true (tickets wait, or every free place is held for admitted ones). */
  get blocksPlain(): boolean {
    return this.state.blocksPlain;
  }

  /** One admission step now (also what the timer runs; never two at once on this replica). */
  tick(): Promise<void> {
    this.ticking ??= this.o.queue
      .tick()
      .then(
        (r) => this.apply(r),
        (err: unknown) => {
          if (!this.failing) {
            this.failing = true;
            this.o.logger.warn({ err: (err as Error).message }, 'queue: tick failed (the line is frozen until Redis answers)');
          }
        },
      )
      .finally(() => (this.ticking = undefined));
    return this.ticking;
  }

  private apply(r: TickResult): void {
    if (this.failing) {
      this.failing = false;
      this.o.logger.info({ waiting: r.waiting }, 'queue: ticking again');
    }
    this.state = { waiting: r.waiting, held: r.held, available: r.available, ratePerSec: r.ratePerSec, blocksPlain: r.blocksPlain };
    const m = this.o.metrics;
    m.queueLength.set(r.waiting);
    m.queueHeld.set(r.held);
    if (r.expired > 0) m.queueExpired.inc(r.expired);
    if (r.admitted.length > 0) {
      m.queueAdmitted.inc(r.admitted.length);
      for (const a of r.admitted) m.queueWaitSeconds.observe(Math.max(0, r.nowMs - a.bornMs) / 1000);
      this.o.logger.debug({ admitted: r.admitted.length, waiting: r.waiting }, 'queue: admitted');
    }
  }

  /** `places` as the client asked (clamped here to 1..the largest declared room); `address`: its address key. */
  async enqueue(places: number, address: string): Promise<EnqueueResult> {
    const largest = this.o.largestRoom?.() ?? 0;
    const n = Math.max(1, Math.min(places, largest || 1));
    const r = await this.o.queue.enqueue(n, address);
    // A new ticket makes plain /login wait at once on this replica (the others see it at their next tick).
    if (r.kind === 'queued') this.state = { ...this.state, blocksPlain: true, waiting: Math.max(this.state.waiting, r.position) };
    if (r.kind === 'refused') this.o.metrics.queueRefused.inc({ reason: r.reason });
    return r;
  }

  async poll(ticket: string): Promise<PollResult> {
    const r = await this.o.queue.poll(ticket);
    if (r.kind === 'expired') this.o.metrics.queueExpired.inc();
    return r;
  }

  extend(ticket: string): Promise<boolean> {
    return this.o.queue.extend(ticket);
  }

  head(n: number) {
    return this.o.queue.head(n);
  }
}

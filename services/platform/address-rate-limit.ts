/**
 * A token bucket per client address: appmgr's `GET /login` (`LOGIN_RATE_PER_IP` requests per second, burst 2×) and
 * the login pods' per-minute budgets (room creations and misses per address) share it.
 * Memory is bounded twice: a bucket idle long enough to have refilled completely is indistinguishable from a new one,
 * so a sweep (every 2 s, unref'd) drops those; and at most `maxAddresses` are tracked — past that the oldest tracked
 * address is dropped (Map insertion order, O(1)), which at worst hands it a fresh burst. Times are performance.now()
 * milliseconds; `now` is injectable for unit tests. Addresses are keyed by platform/address-key.ts: IPv6 per /64
 * (a client rotating inside its /64 shares one bucket), IPv4-mapped IPv6 as IPv4.
 */
import { addressKey } from './address-key.js';

interface Bucket {
  tokens: number;
  atMs: number;
}

export interface AddressRateLimiterOptions {
  /** Tokens per second (> 0). */
  ratePerSec: number;
  maxAddresses: number;
  now?: () => number;
  /** Sweep period (default: the time a bucket takes to refill, at least 1 s). */
  sweepMs?: number;
  /** Bucket size (default 2 × ratePerSec): a per-minute budget uses its whole minute's worth. */
  burst?: number;
}

export class AddressRateLimiter {
  private readonly buckets = new Map<string, Bucket>();
  private readonly burst: number;
  private readonly perMs: number;
  private readonly refillMs: number;
  private readonly now: () => number;
  private timer: NodeJS.Timeout | undefined;

  constructor(private readonly o: AddressRateLimiterOptions) {
    this.burst = o.burst ?? 2 * o.ratePerSec;
    this.perMs = o.ratePerSec / 1000;
    this.refillMs = this.burst / this.perMs; // = 2000 ms whatever the rate
    this.now = o.now ?? (() => performance.now());
  }

  /** Starts the idle sweep. */
  start(): this {
    this.timer = setInterval(() => this.sweep(), this.o.sweepMs ?? Math.max(1000, this.refillMs));
    this.timer.unref();
    return this;
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
  }

  /** Addresses currently tracked. */
  get size(): number {
    return this.buckets.size;
  }

  /** Takes one token for `ip` (its address key); false when its bucket is empty (→ 429). */
  take(ip: string): boolean {
    const address = addressKey(ip);
    const t = this.now();
    const b = this.buckets.get(address);
    if (b === undefined) {
      if (this.buckets.size >= this.o.maxAddresses) {
        const oldest = this.buckets.keys().next().value;
        if (oldest !== undefined) this.buckets.delete(oldest);
      }
      this.buckets.set(address, { tokens: this.burst - 1, atMs: t });
      return true;
    }
    const tokens = Math.min(this.burst, b.tokens + (t - b.atMs) * this.perMs);
    b.atMs = t;
    if (tokens < 1) {
      b.tokens = tokens;
      return false;
    }
    b.tokens = tokens - 1;
    return true;
  }

  /** Whether `address` has a token left, without taking it (a budget charged only on some outcomes). */
  peek(address: string): boolean {
    const b = this.buckets.get(address);
    return b === undefined || Math.min(this.burst, b.tokens + (this.now() - b.atMs) * this.perMs) >= 1;
  }

  /** Drops every bucket that has refilled completely (it would behave exactly like a new one). */
  sweep(): void {
    const t = this.now();
    for (const [addr, b] of this.buckets) if (b.tokens + (t - b.atMs) * this.perMs >= this.burst) this.buckets.delete(addr);
  }
}

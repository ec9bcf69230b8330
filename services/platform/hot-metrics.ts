/**
 * Counters and histograms for per-request and per-frame paths. A prom-client child (`metric.labels(...)`) still
 * converts, validates and hashes its labels on every `inc`/`observe`; here the hot path adds to plain numbers, and
 * the sums go into the prom-client metric whenever it is read (prom-client calls a metric's `collect` from `get()`,
 * which every scrape, worker aggregation and test read goes through) — so every read still sees exact values.
 */
import type { Counter, Histogram } from 'prom-client';

/**
 * Makes `metric` run `flush` before each read, keeping any `collect` it already had (several hot children of one
 * metric chain their flushes).
 */
export function flushBeforeRead(metric: object, flush: () => void): void {
  const m = metric as { collect?: (this: unknown) => unknown };
  const prev = m.collect;
  m.collect = function (this: unknown) {
    flush();
    return prev?.call(this);
  };
}

/**
 * A memo of prom-client children by key: each label set is bound (`metric.labels(...)`) on first use, so a call site
 * whose labels vary per call (a result, a return code) finds its child in a Map instead of having prom-client hash a
 * labels object on every `inc`/`observe`.
 */
export function boundChildren<K, C>(bind: (key: K) => C): (key: K) => C {
  const children = new Map<K, C>();
  return (key) => {
    let c = children.get(key);
    if (c === undefined) children.set(key, (c = bind(key)));
    return c;
  };
}

/** One label set of a prom-client Counter, counted as a plain number. */
export class HotCounter {
  n = 0;

  constructor(counter: Counter<string>, labels: Record<string, string>) {
    const child = counter.labels(labels);
    child.inc(0); // the series exists from the start, at 0
    flushBeforeRead(counter, () => {
      if (this.n === 0) return;
      child.inc(this.n);
      this.n = 0;
    });
  }

  inc(): void {
    this.n++;
  }
}

/** What prom-client 15 keeps per label set of a Histogram (lib/histogram.js `createBaseValues`). */
interface HistogramEntry {
  labels: Record<string, string | number>;
  sum: number;
  count: number;
  bucketValues: Record<number, number>;
}

/**
 * One label set of a prom-client Histogram, observed into its own bucket counts (a linear scan of the same upper
 * bounds, no label work), added into the histogram's entry for that label set when it is read. prom-client has no
 * public call that adds n observations at once, so the flush writes the entry `zero(labels)` creates — the one place
 * that knows its shape; services/platform/hot-metrics.test.ts compares the exposition with `observe()`'s.
 */
export class HotHistogram {
  private readonly bounds: number[];
  private readonly counts: Float64Array;
  private sum = 0;
  private count = 0;

  constructor(
    private readonly histogram: Histogram<string>,
    private readonly labels: Record<string, string>,
  ) {
    this.bounds = (histogram as unknown as { upperBounds: number[] }).upperBounds.slice();
    this.counts = new Float64Array(this.bounds.length);
    histogram.zero(labels);
    flushBeforeRead(histogram, () => this.flush());
  }

  observe(v: number): void {
    const b = this.bounds;
    // Above the last bound only the count (the +Inf bucket) grows, as in prom-client.
    for (let i = 0; i < b.length; i++) {
      if (v <= b[i]!) {
        this.counts[i]!++;
        break;
      }
    }
    this.sum += v;
    this.count++;
  }

  private flush(): void {
    if (this.count === 0) return;
    let e = this.entry();
    if (!e) {
      // reset() dropped the label set: make it again.
      this.histogram.zero(this.labels);
      e = this.entry();
      if (!e) throw new Error(`hot histogram ${(this.histogram as unknown as { name: string }).name}: label set not found after zero()`);
    }
    for (let i = 0; i < this.bounds.length; i++) {
      const c = this.counts[i]!;
      if (c === 0) continue;
      e.bucketValues[this.bounds[i]!] = (e.bucketValues[this.bounds[i]!] ?? 0) + c;
      this.counts[i] = 0;
    }
    e.sum += this.sum;
    e.count += this.count;
    this.sum = 0;
    this.count = 0;
  }

  private entry(): HistogramEntry | undefined {
    const map = (this.histogram as unknown as { hashMap: Record<string, HistogramEntry> }).hashMap;
    const names = Object.keys(this.labels);
    for (const key in map) {
      const e = map[key]!;
      if (names.length === Object.keys(e.labels).length && names.every((n) => String(e.labels[n]) === this.labels[n])) return e;
    }
    return undefined;
  }
}

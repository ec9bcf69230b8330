/**
 * The metrics the socket layer updates: a view of the pod metrics (services/platform/metrics.ts declares them once,
 * for login and game). Per-message counters are tallied as plain numbers per msg id and added to prom-client when
 * read: no label hashing per frame.
 */
import { allMessages } from '../protocol/messages.js';
import type { CloseReason, RefuseReason } from '../protocol/wire.js';
import { flushBeforeRead } from '../platform/hot-metrics.js';
import type { PodMetrics } from '../platform/metrics.js';

/** The pod metrics the socket layer writes (declared in services/platform/metrics.ts). */
export type SocketMetrics = Pick<PodMetrics, 'appType' | 'connections' | 'framesReceived' | 'framesSent' | 'framesRejected' | 'framesDroppedStale' | 'connectionsRefused' | 'outboundBytes'>;

interface Inc {
  inc(v?: number): void;
}

/** A per-message tally kept as a plain number and added to its prom-client child when the metric is read. */
export interface Tally {
  n: number;
  readonly child: Inc;
}

/**
 * Label children resolved once. The per-frame counters (received/sent by msg) are plain numbers on the hot path —
 * a prom-client `child.inc()` hashes and validates its labels on every call — and are added to the real counters
 * whenever those are read, so scrapes and tests always see exact values.
 */
export class SocketCounters {
  /** Indexed by msg id (a sparse array: one lookup per frame, no hashing). */
  private readonly received: Tally[] = [];
  private readonly sent: Tally[] = [];
  /** Frames of ids outside the table (never exported: no such series). */
  private readonly nowhere: Tally = { n: 0, child: { inc: () => undefined } };
  readonly connections: { inc(v?: number): void; dec(): void };
  readonly droppedStale: Inc;
  readonly outbound: { set(v: number): void };

  constructor(private readonly m: SocketMetrics) {
    for (const s of allMessages) {
      this.received[s.id] = { n: 0, child: m.framesReceived.labels(m.appType, s.name) };
      this.sent[s.id] = { n: 0, child: m.framesSent.labels(m.appType, s.name) };
    }
    flushBeforeRead(m.framesReceived, () => SocketCounters.flush(this.received));
    flushBeforeRead(m.framesSent, () => SocketCounters.flush(this.sent));
    this.connections = m.connections.labels(m.appType);
    this.droppedStale = m.framesDroppedStale.labels(m.appType);
    this.outbound = m.outboundBytes.labels(m.appType);
    this.outbound.set(0);
    this.connections.inc(0); // export the series at 0 from the start
  }

  private static flush(tallies: Tally[]): void {
    for (const t of tallies) {
      if (t === undefined || t.n === 0) continue;
      t.child.inc(t.n);
      t.n = 0;
    }
  }

  /** The frames_received tally of `id`, for a caller that counts into it directly (a route, once per frame). */
  receivedTally(id: number): Tally {
    return this.received[id] ?? this.nowhere;
  }

  frameReceived(id: number): void {
    const t = this.received[id];
    if (t !== undefined) t.n++;
  }

  frameSent(id: number): void {
    const t = this.sent[id];
    if (t !== undefined) t.n++;
  }

  rejected(reason: CloseReason): void {
    this.m.framesRejected.labels(this.m.appType, reason).inc();
  }

  refused(reason: RefuseReason): void {
    this.m.connectionsRefused.labels(this.m.appType, reason).inc();
  }
}

/**
 * The metrics the socket layer updates, as an interface so it does not depend on who declares them
 * (services/platform/metrics.ts does, for login and game). Per-message counters are resolved to label children
 * once per msg id and cached: no label hashing per frame.
 */
import type { Counter, Gauge } from 'prom-client';
import { allMessages } from '../protocol/messages.js';
import type { CloseReason } from '../protocol/wire.js';

export interface SocketMetrics {
  readonly appType: string;
  readonly connections: Gauge<'app_type'>;
  readonly framesReceived: Counter<'app_type' | 'msg'>;
  readonly framesSent: Counter<'app_type' | 'msg'>;
  readonly framesRejected: Counter<'app_type' | 'reason'>;
  readonly framesDroppedStale: Counter<'app_type'>;
}

interface Inc {
  inc(v?: number): void;
}

/** Label children resolved once. */
export class SocketCounters {
  private readonly received = new Map<number, Inc>();
  private readonly sent = new Map<number, Inc>();
  readonly connections: { inc(v?: number): void; dec(): void };
  readonly droppedStale: Inc;

  constructor(private readonly m: SocketMetrics) {
    for (const s of allMessages) {
      this.received.set(s.id, m.framesReceived.labels(m.appType, s.name));
      this.sent.set(s.id, m.framesSent.labels(m.appType, s.name));
    }
    this.connections = m.connections.labels(m.appType);
    this.droppedStale = m.framesDroppedStale.labels(m.appType);
    this.connections.inc(0); // export the series at 0 from the start
  }

  frameReceived(id: number): void {
    this.received.get(id)?.inc();
  }

  frameSent(id: number): void {
    this.sent.get(id)?.inc();
  }

  rejected(reason: CloseReason): void {
    this.m.framesRejected.labels(this.m.appType, reason).inc();
  }
}

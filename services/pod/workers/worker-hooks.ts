/**
 * What a login/game PodRuntime does differently inside a `WORKERS>1` worker: no heartbeat and no health server (the
 * primary owns both for the whole pod) but its online count pushed to the primary (coalesced, so the pod's
 * heartbeat carries the total), drain on the primary's command (answered with `drained` when this worker's players
 * are gone or kicked), and per-worker series the primary cannot know exactly: open connections and connections
 * accepted by this worker, labelled with its slot `worker="0".."N-1"` — bounded by WORKERS and kept by a
 * replacement — which is how the spread of connections over workers is seen in /metrics.
 */
import { Counter, Gauge } from 'prom-client';
import type { Logger } from '../../platform/logger.js';
import type { PodMetrics } from '../../platform/metrics.js';
import type { WorkerLink } from '../../platform/worker-link.js';
import type { FrameServer } from '../../socket/frame-server.js';
import type { DrainReason } from '../drain.js';

export interface WorkerHooksOptions {
  link: WorkerLink;
  server: FrameServer<any>;
  metrics: PodMetrics;
  logger: Logger;
  online: () => number;
  redeemsCounted: () => number;
  drain: (reason: DrainReason) => Promise<void>;
  /** UndrainApp relayed by the primary. */
  undrain: () => Promise<boolean>;
  /** The primary's heartbeat found the registration gone (PodRuntime.onRegistrationLost). */
  registrationLost?: () => void;
}

export interface WorkerHooks {
  /** The online count changed (authenticate / close). */
  changed(): void;
  stop(): void;
}

export function attachWorkerHooks(o: WorkerHooksOptions): WorkerHooks {
  const { link, server, metrics } = o;
  const worker = String(link.index);
  let closed = 0;
  server.onClose(() => void closed++);
  const registers = [metrics.registry];
  new Gauge({
    name: 'gamecluster_worker_connections',
    help: 'Open client TCP connections of one worker process (WORKERS>1; worker = slot 0..N-1)',
    labelNames: ['app_type', 'worker'],
    registers,
    aggregator: 'sum',
    collect() {
      this.set({ app_type: metrics.appType, worker }, server.size);
    },
  });
  let acceptedSeen = 0;
  new Counter({
    name: 'gamecluster_worker_connections_accepted_total',
    help: 'Client TCP connections accepted by one worker process (WORKERS>1; worker = slot 0..N-1)',
    labelNames: ['app_type', 'worker'],
    registers,
    collect() {
      // Accepted = still open + closed since start; counted at read time so the accept path stays untouched.
      const accepted = server.size + closed;
      this.inc({ app_type: metrics.appType, worker }, accepted - acceptedSeen);
      acceptedSeen = accepted;
    },
  });
  const stats = link.statsReporter(() => ({ online: o.online(), connections: server.size, redeems: o.redeemsCounted() }));
  link.on('undrain', () => void o.undrain().then(() => stats.flush()));
  link.on('registration-lost', () => o.registrationLost?.());
  link.on('drain', (m) => {
    void o.drain(m.reason).then(() => {
      stats.flush();
      link.send({ gc: 'drained' });
    });
  });
  return { changed: () => stats.changed(), stop: () => stats.stop() };
}

/**
 * The IPC vocabulary between a `WORKERS>1` primary and its workers (plain JSON over the cluster channel). Every
 * message carries `gc` so ours are told apart from anything else on the channel (prom-client's own cluster
 * messages, for one). Kept in one place so both sides spell the same shapes.
 */
import type { MetricObjectWithValues, MetricValue } from 'prom-client';

/** One registry's metrics as `registry.getMetricsAsJSON()` returns them. */
export type MetricsJson = MetricObjectWithValues<MetricValue<string>>[];

/** Per-worker live numbers, pushed on change (coalesced) so the primary can heartbeat the pod's total. */
export interface WorkerStats {
  online: number;
  connections: number;
  /** Successful token redeems this worker has accounted for (sampled together with `online`). */
  redeems: number;
}

export type ToWorker =
  /** Send me your local metrics (the primary aggregates). */
  | { gc: 'metrics-req'; id: number }
  /** The aggregated metrics a worker asked for (appmgr workers serve /metrics themselves). */
  | { gc: 'metrics-text'; id: number; text?: string; error?: string }
  /** Drain (no new players; kick at DRAIN_TIMEOUT_MS) — answer `drained` when done. */
  | { gc: 'drain'; reason: 'sigterm' | 'drain_app' }
  /** UndrainApp: take a DrainApp drain back (ready again; the listener reopens if the deadline had closed it). */
  | { gc: 'undrain' }
  /** Stop now (after a drain, or a non-draining service) and exit 0. */
  | { gc: 'close' }
  /** The pod's heartbeat found its registration gone or its liveness lapsed: re-publish what this worker holds. */
  | { gc: 'registration-lost' }
  /** Kick (account, socketKey) with DUPLICATE_LOGIN if exactly that connection is live here (login pods). */
  | { gc: 'login-kick'; account: string; socketKey: string };

export type FromWorker =
  /** The worker's service is listening and serving (`port`: the client port it bound, for PORT=0). */
  | { gc: 'ready'; port?: number }
  | ({ gc: 'stats' } & WorkerStats)
  | { gc: 'metrics-json'; id: number; metrics?: MetricsJson; error?: string }
  /** Ask the primary for the aggregated metrics of the whole pod. */
  | { gc: 'metrics-agg'; id: number }
  | { gc: 'drained' }
  /** A login connection authenticated as `account` (the primary kicks the pod's older one, on any worker). */
  | { gc: 'login-claim'; account: string; socketKey: string }
  | { gc: 'login-release'; account: string; socketKey: string };

export function isGcMessage(m: unknown): m is { gc: string } {
  return typeof m === 'object' && m !== null && typeof (m as { gc?: unknown }).gc === 'string';
}

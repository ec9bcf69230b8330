/**
 * What `startLogin` / `startGame` return: the pod's identity and bound ports, its online count, and control over
 * draining and stopping — so main.ts, tests and `gamecluster local` drive a pod the same way.
 */
export interface PodHandle {
  readonly appId: string;
  /** Bound client TCP port (useful with PORT=0). */
  readonly port: number;
  /** Bound client WebSocket port (0: no WebSocket listener). */
  readonly wsPort: number;
  /** Bound /metrics /healthz /readyz port (useful with METRICS_PORT=0). */
  readonly metricsPort: number;
  /** What the pod advertises to clients in the registry. */
  readonly advertise: { host: string; port: number };
  /** Authenticated players on this pod now. */
  online(): number;
  /** Drains like DrainApp (no new players; kick at DRAIN_TIMEOUT_MS) without stopping; resolves when drained. */
  drain(): Promise<void>;
  /** Graceful stop: drain first (unless `drain: false`), then heartbeat entry removed, listeners and Redis closed. */
  close(opts?: { drain?: boolean }): Promise<void>;
}

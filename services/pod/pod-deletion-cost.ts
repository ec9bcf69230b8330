/**
 * The pod's own annotations, kept by the pod: scale-down protection (`game.scaleDownProtection`: its
 * `controller.kubernetes.io/pod-deletion-cost` equal to its online players, so when a Deployment scales down the
 * ReplicaSet removes the emptiest pod first) and, for hostNetwork pods whose metrics port is chosen at start, that port
 * as `gamecluster.io/metrics-port` (what the chart's PodMonitor relabels the target address from) plus, with
 * SCRAPE_ANNOTATIONS=on, the `prometheus.io/*` scrape annotations. Compared every POD_DELETION_COST_INTERVAL_MS and patched
 * (a JSON merge patch of its own metadata) only when something changed: the API server and every pod watcher see
 * each patch. A failed patch is retried at the next tick, logged on the first failure and every 10th. Needs
 * `patch pods` in the namespace (the chart's Role).
 */
import { z } from 'zod';
import { ConfigError, env } from '../platform/config.js';
import type { Logger } from '../platform/logger.js';
import { createKubeApi, KubeApiError, type KubeApi } from './kube-api.js';

export const DELETION_COST_ANNOTATION = 'controller.kubernetes.io/pod-deletion-cost';
/** The metrics port a hostNetwork pod bound (read by the chart's PodMonitor relabeling). */
export const METRICS_PORT_ANNOTATION = 'gamecluster.io/metrics-port';

export const deletionCostEnv = {
  POD_DELETION_COST: env.oneOf(['off', 'on'] as const, 'off'),
  POD_DELETION_COST_INTERVAL_MS: env.int(5000, 1000, 3_600_000),
  /**
   * hostNetwork: publish the metrics port the pod bound — `port`: only gamecluster.io/metrics-port (a PodMonitor
   * scrapes it), `on`: that plus prometheus.io/scrape|port|path (annotation-based discovery).
   */
  SCRAPE_ANNOTATIONS: env.oneOf(['off', 'port', 'on'] as const, 'off'),
  POD_NAMESPACE: z.string().trim().regex(/^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$/, 'a Kubernetes namespace name').optional(),
};

export const deletionCostEnvHelp = `  POD_DELETION_COST  on: keep the pod's ${DELETION_COST_ANNOTATION} = online players (needs POD_NAME, POD_NAMESPACE, RBAC patch pods) [off]
  POD_DELETION_COST_INTERVAL_MS  how often the pod's annotations are compared and, if changed, patched [5000]
  SCRAPE_ANNOTATIONS  hostNetwork (the metrics port is chosen at start): port = the pod patches its ${METRICS_PORT_ANNOTATION}, on = also prometheus.io/scrape|port|path [off]
  POD_NAMESPACE     the pod's namespace (downward API metadata.namespace)`;

export interface DeletionCostConfig {
  POD_DELETION_COST: 'off' | 'on';
  SCRAPE_ANNOTATIONS: 'off' | 'port' | 'on';
  POD_DELETION_COST_INTERVAL_MS: number;
  POD_NAMESPACE?: string | undefined;
  POD_NAME?: string | undefined;
  KUBE_API_TIMEOUT_MS: number;
}

/** The pod to annotate when a feature needs it, undefined when none does; ConfigError when the pod is not named. */
export function deletionCostTarget(c: DeletionCostConfig): { namespace: string; pod: string } | undefined {
  if (c.POD_DELETION_COST === 'off' && c.SCRAPE_ANNOTATIONS === 'off') return undefined;
  const why = c.POD_DELETION_COST === 'on' ? 'POD_DELETION_COST=on' : `SCRAPE_ANNOTATIONS=${c.SCRAPE_ANNOTATIONS}`;
  if (!c.POD_NAME) throw new ConfigError('POD_NAME', `invalid POD_NAME=(unset): expected the pod name (downward API metadata.name) when ${why}`);
  if (!c.POD_NAMESPACE) throw new ConfigError('POD_NAMESPACE', `invalid POD_NAMESPACE=(unset): expected the pod namespace (downward API metadata.namespace) when ${why}`);
  return { namespace: c.POD_NAMESPACE, pod: c.POD_NAME };
}

/** The annotations the pod keeps, from its config, its online count and its bound metrics port. */
export function podAnnotations(c: DeletionCostConfig, online: () => number, metricsPort: number): () => Record<string, string> {
  return () => ({
    ...(c.POD_DELETION_COST === 'on' ? { [DELETION_COST_ANNOTATION]: String(online()) } : {}),
    ...(c.SCRAPE_ANNOTATIONS !== 'off' ? { [METRICS_PORT_ANNOTATION]: String(metricsPort) } : {}),
    ...(c.SCRAPE_ANNOTATIONS === 'on' ? { 'prometheus.io/scrape': 'true', 'prometheus.io/port': String(metricsPort), 'prometheus.io/path': '/metrics' } : {}),
  });
}

export interface DeletionCostOptions {
  namespace: string;
  pod: string;
  intervalMs: number;
  timeoutMs: number;
  /** What the pod's annotations should be now (compared as JSON with the last patched). */
  annotations: () => Record<string, string>;
  logger: Logger;
  /** Injected in tests; by default the library's kubeconfig order. */
  api?: KubeApi;
}

/** Keeps the pod's annotations (deletion cost, scrape) in line with `annotations()`. */
export class PodAnnotator {
  private timer: NodeJS.Timeout | undefined;
  private patched: string | undefined;
  private inFlight: Promise<void> | undefined;
  private failures = 0;
  private api: KubeApi | undefined;
  /** Successful patches (tests and logs). */
  patches = 0;

  constructor(private readonly o: DeletionCostOptions) {
    this.api = o.api;
  }

  start(): void {
    void this.tick();
    this.timer = setInterval(() => void this.tick(), this.o.intervalMs);
    this.timer.unref();
  }

  /** One comparison (and patch when changed); concurrent ticks join the one in flight. */
  tick(): Promise<void> {
    return (this.inFlight ??= this.sync().finally(() => (this.inFlight = undefined)));
  }

  private async sync(): Promise<void> {
    const want = this.o.annotations();
    const key = JSON.stringify(want);
    if (key === this.patched) return;
    try {
      this.api ??= await createKubeApi(this.o.timeoutMs);
      await this.api.patchPodAnnotations(this.o.namespace, this.o.pod, want);
      this.patched = key;
      this.patches += 1;
      if (this.failures > 0) this.o.logger.info({ failures: this.failures, annotations: want }, 'pod annotations patched again');
      this.failures = 0;
    } catch (err) {
      if (!(err instanceof KubeApiError)) throw err;
      this.failures += 1;
      if (this.failures === 1 || this.failures % 10 === 0) this.o.logger.warn({ err: err.message, code: err.code, failures: this.failures }, 'pod annotations patch failed; retrying at the next tick');
    }
  }

  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
    await this.inFlight;
  }
}

/**
 * Scale-down protection (`game.scaleDownProtection`): the pod keeps its own
 * `controller.kubernetes.io/pod-deletion-cost` annotation equal to its online players, so when a Deployment scales
 * down the ReplicaSet removes the emptiest pod first. Checked every POD_DELETION_COST_INTERVAL_MS and patched only
 * when the count changed (the API server and every pod watcher see each patch); a failed patch is retried at the
 * next tick, logged on the first failure and every 10th. Needs `patch pods` in the namespace (the chart's Role).
 */
import { z } from 'zod';
import { ConfigError, env } from '../platform/config.js';
import type { Logger } from '../platform/logger.js';
import { createKubeApi, KubeApiError, type KubeApi } from './kube-api.js';

export const DELETION_COST_ANNOTATION = 'controller.kubernetes.io/pod-deletion-cost';

export const deletionCostEnv = {
  POD_DELETION_COST: env.oneOf(['off', 'on'] as const, 'off'),
  POD_DELETION_COST_INTERVAL_MS: env.int(5000, 1000, 3_600_000),
  POD_NAMESPACE: z.string().trim().regex(/^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$/, 'a Kubernetes namespace name').optional(),
};

export const deletionCostEnvHelp = `  POD_DELETION_COST  on: keep the pod's ${DELETION_COST_ANNOTATION} = online players (needs POD_NAME, POD_NAMESPACE, RBAC patch pods) [off]
  POD_DELETION_COST_INTERVAL_MS  how often the count is compared and, if changed, patched [5000]
  POD_NAMESPACE     the pod's namespace (downward API metadata.namespace)`;

export interface DeletionCostConfig {
  POD_DELETION_COST: 'off' | 'on';
  POD_DELETION_COST_INTERVAL_MS: number;
  POD_NAMESPACE?: string | undefined;
  POD_NAME?: string | undefined;
  KUBE_API_TIMEOUT_MS: number;
}

/** The target pod when the feature is on, undefined when off; ConfigError when on but the pod is not named. */
export function deletionCostTarget(c: DeletionCostConfig): { namespace: string; pod: string } | undefined {
  if (c.POD_DELETION_COST === 'off') return undefined;
  if (!c.POD_NAME) throw new ConfigError('POD_NAME', 'invalid POD_NAME=(unset): expected the pod name (downward API metadata.name) when POD_DELETION_COST=on');
  if (!c.POD_NAMESPACE) throw new ConfigError('POD_NAMESPACE', 'invalid POD_NAMESPACE=(unset): expected the pod namespace (downward API metadata.namespace) when POD_DELETION_COST=on');
  return { namespace: c.POD_NAMESPACE, pod: c.POD_NAME };
}

export interface DeletionCostOptions {
  namespace: string;
  pod: string;
  intervalMs: number;
  timeoutMs: number;
  online: () => number;
  logger: Logger;
  /** Injected in tests; by default the library's kubeconfig order. */
  api?: KubeApi;
}

export class PodDeletionCost {
  private timer: NodeJS.Timeout | undefined;
  private patched: number | undefined;
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
    const n = this.o.online();
    if (n === this.patched) return;
    try {
      this.api ??= await createKubeApi(this.o.timeoutMs);
      await this.api.patchPodAnnotations(this.o.namespace, this.o.pod, { [DELETION_COST_ANNOTATION]: String(n) });
      this.patched = n;
      this.patches += 1;
      if (this.failures > 0) this.o.logger.info({ failures: this.failures, cost: n }, 'pod-deletion-cost patched again');
      this.failures = 0;
    } catch (err) {
      if (!(err instanceof KubeApiError)) throw err;
      this.failures += 1;
      if (this.failures === 1 || this.failures % 10 === 0) this.o.logger.warn({ err: err.message, code: err.code, failures: this.failures }, 'pod-deletion-cost patch failed; retrying at the next tick');
    }
  }

  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
    await this.inFlight;
  }
}

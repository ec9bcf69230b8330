/**
 * One /metrics for a `WORKERS>1` process: prom-client Registries whose `metrics()` is the whole pod. In the primary,
 * `PrimaryRegistry` merges its own metrics (heartbeats, Redis, worker restarts, its process) with every worker's,
 * collected over IPC, using prom-client's `AggregatorRegistry.aggregate` (each metric's `aggregator`: counters and
 * our gauges sum, gamecluster_redis_up takes the min, process start time is omitted, version is the first…).
 * In an appmgr worker, `WorkerRegistry.metrics()` asks the primary for that aggregate, because /metrics there is a
 * route of the HTTP server every worker shares. Either can be handed to code that takes a Registry
 * (createHealthServer, createAppmgrMetrics): metrics register on it as usual and stay this process's own.
 */
import { AggregatorRegistry, Registry, collectDefaultMetrics } from 'prom-client';
import type { WorkerLink } from './worker-link.js';
import type { MetricsJson } from './worker-messages.js';

export class PrimaryRegistry extends Registry {
  private collect: (() => Promise<MetricsJson[]>) | undefined;

  constructor() {
    super();
    collectDefaultMetrics({ register: this });
  }

  /** Where the workers' metrics come from (the WorkerPool, once it exists). */
  setWorkerSource(collect: () => Promise<MetricsJson[]>): void {
    this.collect = collect;
  }

  override async metrics(): Promise<string> {
    const [own, workers] = await Promise.all([this.getMetricsAsJSON(), this.collect?.() ?? Promise.resolve([])]);
    return AggregatorRegistry.aggregate([own, ...workers]).metrics();
  }
}

export class WorkerRegistry extends Registry {
  constructor(private readonly link: WorkerLink) {
    super();
    collectDefaultMetrics({ register: this });
    link.serveMetrics(this);
  }

  override metrics(): Promise<string> {
    return this.link.aggregatedMetrics();
  }
}

/**
 * The worker side of `WORKERS>1`: a typed channel to the primary (our `gc` messages only), the answer to the
 * primary's metrics requests (this worker's registry as JSON, for prom-client's AggregatorRegistry.aggregate),
 * a request for the pod's aggregated metrics (appmgr workers serve /metrics on the shared HTTP port), a coalesced
 * stats push (online / connections) and the signal policy: a worker ignores SIGINT/SIGTERM — the primary owns the
 * pod's lifecycle and drains every worker itself (a terminal's Ctrl-C or a cgroup-wide SIGTERM reaches the
 * workers too, and must not cut their players while the primary drains) — and exits when the primary is gone.
 */
import cluster from 'node:cluster';
import type { Registry } from 'prom-client';
import type { Logger } from './logger.js';
import { isGcMessage, type FromWorker, type ToWorker, type WorkerStats } from './worker-messages.js';
import { workerIndex } from './workers.js';

type Handler<T extends ToWorker['gc']> = (msg: Extract<ToWorker, { gc: T }>) => void;

export class WorkerLink {
  readonly index: number;
  /** cluster worker id: unique for the primary's life (a replacement gets a new one) — the socket-key scope. */
  readonly workerId: number;
  private readonly handlers = new Map<string, ((m: any) => void)[]>();
  private registries: Registry[] = [];
  private aggSeq = 0;
  private readonly aggWaiters = new Map<number, (m: Extract<ToWorker, { gc: 'metrics-text' }>) => void>();

  constructor(private readonly logger: Logger) {
    if (!cluster.isWorker || !cluster.worker) throw new Error('WorkerLink outside a cluster worker');
    this.workerId = cluster.worker.id;
    this.index = workerIndex() ?? 0;
    process.on('message', (msg: unknown) => this.dispatch(msg));
    for (const sig of ['SIGINT', 'SIGTERM'] as const) process.on(sig, () => logger.debug({ signal: sig }, 'worker: signal ignored (the primary drains the pod)'));
  }

  send(msg: FromWorker): void {
    if (!process.connected) return;
    try {
      process.send!(msg);
    } catch (err) {
      this.logger.debug({ err: (err as Error).message }, 'worker: IPC send failed');
    }
  }

  on<T extends ToWorker['gc']>(type: T, fn: Handler<T>): void {
    const list = this.handlers.get(type) ?? [];
    list.push(fn);
    this.handlers.set(type, list);
  }

  /** Called once, when the primary goes away (it crashed or was SIGKILLed): the worker must not outlive it. */
  onPrimaryGone(fn: () => void): void {
    process.once('disconnect', fn);
  }

  /** Answers the primary's metrics requests with these registries' metrics. */
  serveMetrics(...registries: Registry[]): void {
    this.registries = registries;
  }

  /** The pod's aggregated metrics text, from the primary (which asks every worker, this one included). */
  aggregatedMetrics(timeoutMs = 5000): Promise<string> {
    const id = ++this.aggSeq;
    return new Promise((resolve, reject) => {
      const t = setTimeout(() => {
        this.aggWaiters.delete(id);
        reject(new Error('the primary did not answer the metrics request in time'));
      }, timeoutMs);
      this.aggWaiters.set(id, (m) => {
        clearTimeout(t);
        this.aggWaiters.delete(id);
        if (m.text !== undefined) resolve(m.text);
        else reject(new Error(m.error ?? 'metrics aggregation failed'));
      });
      this.send({ gc: 'metrics-agg', id });
    });
  }

  /**
   * Pushes `read()` to the primary when `changed()` is called, at most once per `coalesceMs` (a wave of logins is
   * one message per tick, not one per player), and every `everyMs` regardless so a lost update heals itself.
   */
  statsReporter(read: () => WorkerStats, coalesceMs = 50, everyMs = 1000): { changed(): void; flush(): void; stop(): void } {
    let pending: NodeJS.Timeout | undefined;
    const flush = () => {
      if (pending) clearTimeout(pending);
      pending = undefined;
      this.send({ gc: 'stats', ...read() });
    };
    const periodic = setInterval(flush, everyMs);
    periodic.unref();
    return {
      changed: () => {
        pending ??= setTimeout(flush, coalesceMs);
      },
      flush,
      stop: () => {
        clearInterval(periodic);
        if (pending) clearTimeout(pending);
        pending = undefined;
      },
    };
  }

  private dispatch(msg: unknown): void {
    if (!isGcMessage(msg)) return;
    const m = msg as ToWorker;
    if (m.gc === 'metrics-req') {
      Promise.all(this.registries.map((r) => r.getMetricsAsJSON())).then(
        (all) => this.send({ gc: 'metrics-json', id: m.id, metrics: all.flat() }),
        (err: Error) => this.send({ gc: 'metrics-json', id: m.id, error: err.message }),
      );
      return;
    }
    if (m.gc === 'metrics-text') {
      this.aggWaiters.get(m.id)?.(m);
      return;
    }
    for (const fn of this.handlers.get(m.gc) ?? []) {
      try {
        fn(m);
      } catch (err) {
        this.logger.error({ err, msg: m.gc }, 'worker: IPC handler threw');
      }
    }
  }
}

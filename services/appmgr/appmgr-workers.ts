/**
 * appmgr with WORKERS>1. The primary forks the workers (round-robin accept on the shared public HTTP, admin HTTP and
 * gRPC ports: all are plain net servers underneath, which node:cluster shares), restarts one that dies, aggregates
 * the admin port's /metrics, and on
 * SIGTERM tells every worker to close (readiness 503 + gRPC NOT_SERVING, listeners, Redis — startAppmgr's close)
 * and exits 0 once all are gone. Each worker is a whole appmgr: appmgr is stateless (the choice is made in Redis),
 * so N workers answer exactly like N replicas. A worker's /metrics (admin port) asks the primary for the pod's aggregate.
 */
import { PrimaryRegistry, WorkerRegistry } from '../platform/cluster-registry.js';
import type { Logger } from '../platform/logger.js';
import { onShutdown } from '../platform/shutdown.js';
import { WorkerLink } from '../platform/worker-link.js';
import { WorkerPool } from '../platform/worker-pool.js';
import { startAppmgr, type AppmgrHandle } from './app.js';
import type { AppmgrConfig } from './config.js';

export async function runAppmgrPrimary(config: AppmgrConfig, logger: Logger, workers: number): Promise<void> {
  const log = logger.child({ role: 'primary' });
  const registry = new PrimaryRegistry();
  const pool = new WorkerPool({ count: workers, logger: log, registry, aggregate: () => registry.metrics() });
  registry.setWorkerSource(() => pool.collectMetrics());
  try {
    await pool.start();
  } catch (err) {
    log.fatal({ err }, 'appmgr could not start');
    process.exit(1);
  }
  log.info({ workers, http_port: config.HTTP_PORT, admin_port: config.ADMIN_PORT, grpc_port: config.GRPC_PORT }, 'appmgr listening');
  onShutdown(log, 15_000, async () => {
    // Workers close in 5-10 s at most (gRPC close waits up to 5 s for calls in flight).
    await pool.stop(12_000);
  });
}

export async function runAppmgrWorker(config: AppmgrConfig, logger: Logger): Promise<void> {
  const link = new WorkerLink(logger);
  const log = logger.child({ worker: link.index, worker_id: link.workerId });
  let handle: AppmgrHandle | undefined;
  let exiting = false;
  const exit = (code: number, why: string) => {
    if (exiting) return;
    exiting = true;
    log.info({ why }, 'worker exiting');
    if (!handle) process.exit(code);
    setTimeout(() => process.exit(code), 10_000).unref();
    void handle.close().finally(() => process.exit(code));
  };
  link.on('close', () => exit(0, 'closed by the primary'));
  link.onPrimaryGone(() => exit(1, 'primary gone'));
  try {
    handle = await startAppmgr(config, log, { registry: new WorkerRegistry(link) });
  } catch (err) {
    log.fatal({ err }, 'appmgr worker could not start');
    process.exit(1);
  }
  link.send({ gc: 'ready' });
  log.info({ http_port: handle.httpPort, admin_port: handle.adminPort, grpc_port: handle.grpcPort }, 'appmgr worker listening');
}

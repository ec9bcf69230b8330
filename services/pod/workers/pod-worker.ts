/**
 * The body of one worker process of a `WORKERS>1` login or game pod: scope its socket keys by its cluster worker id
 * (`tcp:w3:17`: unique in the pod for the primary's whole life, a replacement gets a new id, so an identity of a
 * dead worker's connection can never match a newer one), start the same service as a single process would — with
 * worker hooks instead of heartbeat and health server — tell the primary it is ready, and exit when told to close
 * (after the primary-driven drain) or when the primary is gone (a worker must not outlive it with the port's
 * players). Any failure to start exits 1; the primary then fails its own start or restarts the slot.
 */
import type { Registry } from 'prom-client';
import type { Logger } from '../../platform/logger.js';
import { createRegistry } from '../../platform/metrics.js';
import { WorkerLink } from '../../platform/worker-link.js';
import { setSocketKeyScope } from '../../socket/identity.js';
import type { PodEnv } from '../pod-config.js';
import type { PodHandle } from '../pod-handle.js';

/** What startLogin/startGame accept so they can run as a worker. */
export interface PodStartOptions {
  registry?: Registry;
  worker?: WorkerLink;
}

export async function runPodWorker<C extends PodEnv>(
  config: C,
  logger: Logger,
  start: (config: C, logger: Logger, opts: PodStartOptions) => Promise<PodHandle>,
): Promise<void> {
  const link = new WorkerLink(logger);
  const log = logger.child({ worker: link.index, worker_id: link.workerId });
  setSocketKeyScope(`w${link.workerId}`);
  let handle: PodHandle | undefined;
  let exiting = false;
  const exit = (code: number, why: string, drain = false) => {
    if (exiting) return;
    exiting = true;
    log.info({ why }, 'worker exiting');
    if (!handle) process.exit(code);
    // Bounded: a close that hangs must not keep a worker the primary already gave up on.
    setTimeout(() => process.exit(code), 15_000).unref();
    void handle.close({ drain }).finally(() => process.exit(code));
  };
  // Registered before start: a `close` may come while we are still starting (the pod is being stopped).
  link.on('close', () => exit(0, 'closed by the primary'));
  link.onPrimaryGone(() => exit(1, 'primary gone'));
  const registry = createRegistry();
  link.serveMetrics(registry);
  try {
    handle = await start(config, log, { registry, worker: link });
  } catch (err) {
    log.fatal({ err }, 'worker could not start');
    process.exit(1);
  }
  link.send({ gc: 'ready', port: handle.port });
  log.info({ port: handle.port }, 'worker listening');
}

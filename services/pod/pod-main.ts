/**
 * The shared body of `gamecluster login` and `gamecluster game`: --help, no positional arguments, config (exit 2
 * with one line on a bad variable) → logger (effective config once, redacted) → start → signal handling: the first
 * SIGTERM/SIGINT drains (players kicked with SERVER_DRAINING at DRAIN_TIMEOUT_MS at the latest) and exits 0,
 * a second signal forces exit 1, and a hang past DRAIN_TIMEOUT_MS + 15 s forces exit 1.
 * WORKERS=1 is exactly that, in one process. WORKERS>1: this process becomes the pod's primary (one heartbeat,
 * one METRICS_PORT; workers/pod-primary.ts) and the same command line, re-run by node:cluster, becomes each worker
 * (workers/pod-worker.ts), which takes its orders from the primary instead of signals.
 */
import { redactConfig } from '../platform/config.js';
import { createLogger, type Logger } from '../platform/logger.js';
import { onShutdown } from '../platform/shutdown.js';
import { processRole, resolveWorkers } from '../platform/workers.js';
import { exitOnConfigError, podTlsFiles, resolvePodIdentity, type PodEnv } from './pod-config.js';
import type { PodHandle } from './pod-handle.js';
import type { HeartbeatExtras } from './pod-runtime.js';
import { deletionCostTarget, PodAnnotator, podAnnotations } from './pod-deletion-cost.js';
import { startPodPrimary } from './workers/pod-primary.js';
import { runPodWorker, type PodStartOptions } from './workers/pod-worker.js';

export interface PodMainSpec<C extends PodEnv> {
  command: 'login' | 'game';
  usage: string;
  parse: () => C;
  start: (config: C, logger: Logger, opts?: PodStartOptions) => Promise<PodHandle>;
  /** What a WORKERS>1 primary adds to the pod's heartbeat (a single process's service adds its own). */
  heartbeat?: HeartbeatExtras;
}

export async function podMain<C extends PodEnv>(argv: string[], spec: PodMainSpec<C>): Promise<void> {
  if (argv.includes('--help') || argv.includes('-h')) {
    process.stdout.write(spec.usage);
    return;
  }
  if (argv.length > 0) {
    process.stderr.write(`gamecluster ${spec.command}: unexpected argument ${JSON.stringify(argv[0])}: ${spec.command} takes no arguments (configure it with env; see --help)\n`);
    process.exit(2);
  }
  const config = exitOnConfigError(spec.command, spec.parse);
  exitOnConfigError(spec.command, () => podTlsFiles(config));
  const identity = exitOnConfigError(spec.command, () => resolvePodIdentity(config));
  const costTarget = exitOnConfigError(spec.command, () => deletionCostTarget(config));
  const workers = resolveWorkers(config.WORKERS);
  const role = processRole(workers);
  const logger = createLogger(spec.command, config.LOG_LEVEL); // startLogin/startGame bind app_id
  if (role === 'worker') return runPodWorker(config, logger, (c, l, o) => spec.start(c, l, o));
  // ADMIN_TOKEN (login pods with GRPC_AUTH=token) is no URL: redactConfig would not hide it.
  logger.info({ config: redactConfig({ ...config, ...('ADMIN_TOKEN' in config && config.ADMIN_TOKEN ? { ADMIN_TOKEN: '***' } : {}) }), identity, ...(role === 'primary' ? { workers } : {}) }, 'effective config');
  let handle: PodHandle;
  try {
    handle =
      role === 'primary'
        ? await startPodPrimary({ appType: spec.command, config, logger, workers, ...(spec.heartbeat ? { heartbeat: spec.heartbeat } : {}) })
        : await spec.start(config, logger);
  } catch (err) {
    logger.fatal({ err }, `${spec.command} could not start`);
    process.exit(1);
  }
  logger.info({ port: handle.port, metrics_port: handle.metricsPort, advertise: handle.advertise, ...(role === 'primary' ? { workers } : {}) }, `${spec.command} listening`);
  const h = handle;
  // Scale-down protection (the emptiest pod carries the lowest deletion cost) and hostNetwork scrape annotations;
  // primary or single process only.
  const cost = costTarget && new PodAnnotator({ ...costTarget, intervalMs: config.POD_DELETION_COST_INTERVAL_MS, timeoutMs: config.KUBE_API_TIMEOUT_MS, annotations: podAnnotations(config, () => h.online(), h.metricsPort), logger });
  cost?.start();
  // The primary waits for every worker's drain; its workers close within the same bound.
  onShutdown(logger, config.DRAIN_TIMEOUT_MS + 15_000 + (role === 'primary' ? 10_000 : 0), async () => {
    await cost?.stop();
    await h.close();
  });
}

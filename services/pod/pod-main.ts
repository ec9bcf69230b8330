/**
 * The shared body of `gamecluster login` and `gamecluster game`: --help, no positional arguments, config (exit 2
 * with one line on a bad variable) → logger (effective config once, redacted) → start → signal handling: the first
 * SIGTERM/SIGINT drains (players kicked with SERVER_DRAINING at DRAIN_TIMEOUT_MS at the latest) and exits 0,
 * a second signal forces exit 1, and a hang past DRAIN_TIMEOUT_MS + 15 s forces exit 1.
 */
import { redactConfig } from '../platform/config.js';
import { createLogger, type Logger } from '../platform/logger.js';
import { onShutdown } from '../platform/shutdown.js';
import { exitOnConfigError, resolvePodIdentity, type PodEnv } from './pod-config.js';
import type { PodHandle } from './pod-handle.js';

export interface PodMainSpec<C extends PodEnv> {
  command: 'login' | 'game';
  usage: string;
  parse: () => C;
  start: (config: C, logger: Logger) => Promise<PodHandle>;
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
  const identity = resolvePodIdentity(config);
  const logger = createLogger(spec.command, config.LOG_LEVEL); // startLogin/startGame bind app_id
  logger.info({ config: redactConfig(config), identity }, 'effective config');
  let handle: PodHandle;
  try {
    handle = await spec.start(config, logger);
  } catch (err) {
    logger.fatal({ err }, `${spec.command} could not start`);
    process.exit(1);
  }
  logger.info({ port: handle.port, metrics_port: handle.metricsPort, advertise: handle.advertise }, `${spec.command} listening`);
  const h = handle;
  onShutdown(logger, config.DRAIN_TIMEOUT_MS + 15_000, async () => {
    await h.close();
  });
}

/**
 * `gamecluster appmgr`: only wiring — config (exit 2 on a bad variable) → logger (effective config, redacted) →
 * startAppmgr (Redis, components, listeners) → graceful shutdown on SIGTERM/SIGINT.
 * WORKERS>1: this process becomes a node:cluster primary (appmgr-workers.ts) and every worker runs the same
 * startAppmgr on the shared HTTP, admin and gRPC ports; the pod's /metrics (admin port, any worker) is the aggregate.
 */
import { redactConfig } from '../platform/config.js';
import { createLogger } from '../platform/logger.js';
import { onShutdown } from '../platform/shutdown.js';
import { processRole, resolveWorkers } from '../platform/workers.js';
import { startAppmgr } from './app.js';
import { runAppmgrPrimary, runAppmgrWorker } from './appmgr-workers.js';
import { appmgrEnvHelp, loadAppmgrConfigOrExit } from './config.js';

const usage = `usage: gamecluster appmgr [--help]

The front door: GET /login picks the least-loaded login pod (atomic +1 in Redis, shared by all replicas);
the admin port serves the operator's /apps /status /metrics and live page;
gRPC gamecluster.v1.AppMgrService (GetLogin, AllocateGame, ListApps, DrainApp, UndrainApp) + health + reflection.

${appmgrEnvHelp}
`;

export async function main(argv: string[]): Promise<void> {
  if (argv.includes('--help') || argv.includes('-h')) {
    process.stdout.write(usage);
    return;
  }
  if (argv.length > 0) {
    process.stderr.write(`gamecluster appmgr: unexpected argument ${JSON.stringify(argv[0])}: appmgr takes no arguments (configure it with env; see --help)\n`);
    process.exit(2);
  }
  const config = loadAppmgrConfigOrExit();
  const logger = createLogger('appmgr', config.LOG_LEVEL);
  const workers = resolveWorkers(config.WORKERS);
  const role = processRole(workers);
  if (role === 'worker') return runAppmgrWorker(config, logger);
  logger.info({ config: redactConfig({ ...config, ADMIN_TOKEN: config.ADMIN_TOKEN ? '***' : undefined }), ...(role === 'primary' ? { workers } : {}) }, 'effective config');
  if (role === 'primary') return runAppmgrPrimary(config, logger, workers);
  let handle;
  try {
    handle = await startAppmgr(config, logger);
  } catch (err) {
    logger.fatal({ err }, 'appmgr could not start');
    process.exit(1);
  }
  logger.info({ http_port: handle.httpPort, admin_port: handle.adminPort, grpc_port: handle.grpcPort }, 'appmgr listening');
  const h = handle;
  onShutdown(logger, 10_000, async () => {
    await h.close();
  });
}

/**
 * `gamecluster local` (= `npm start`): only wiring — flags → startLocalCluster → the robot wave with its snapshot →
 * the robot summary, the per-pod online table and appmgr's URL → stop everything we started (or, with --keep, wait
 * for Ctrl-C first). Exit 0 on success, 1 when a robot failed or the cluster could not start, 2 on bad flags,
 * 130 when interrupted during the wave.
 */
import { flagsOrExit } from '../platform/cli-flags.js';
import { localUsage, parseLocalArgs } from './args.js';
import { formatClusterView } from './cluster-view.js';
import { LocalClusterError, startLocalCluster, type LocalCluster } from './local-cluster.js';
import { waveWithSnapshot } from './wave.js';
import { watchPeak } from './herd.js';
import { runRobots } from '../robots/run.js';
import { startProgress } from '../robots/progress.js';
import { formatReport } from '../robots/report.js';
import { WaveStats } from '../robots/stats.js';

const err = (line: string) => process.stderr.write(`${line}\n`);

export async function main(argv: string[]): Promise<void> {
  const opts = flagsOrExit('local', parseLocalArgs, argv);
  if (opts === 'help') {
    process.stdout.write(localUsage);
    return;
  }

  let cluster: LocalCluster | undefined;
  const abort = new AbortController();
  let interrupted = false;
  let keepWaiting: (() => void) | undefined;
  const onSignal = () => {
    if (interrupted) {
      cluster?.killNow(); // second Ctrl-C: do not leave children behind
      process.exit(130);
    }
    interrupted = true;
    abort.abort();
    keepWaiting?.();
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  // Last resort on any unexpected exit path: our children must not outlive us.
  process.on('exit', () => cluster?.killNow());

  try {
    // --scenario arena/rooms: the game pods run the arena sample, whose rooms the parties use (a GAME_MODULE from the
    // environment is not overridden).
    const podEnv: Record<string, string> = opts.scenario !== 'echo' && !process.env.GAME_MODULE ? { GAME_MODULE: 'arena' } : {};
    cluster = await startLocalCluster({ log: err, logLevel: process.env.LOG_LEVEL || 'info', podEnv, ...(opts.capacity > 0 ? { appmgrEnv: { CLUSTER_CAPACITY: String(opts.capacity) } } : {}) });
  } catch (e) {
    if (e instanceof LocalClusterError) {
      err(`gamecluster local: ${e.message}`);
      process.exit(1);
    }
    throw e;
  }
  err(`gamecluster local: redis ${cluster.redisUrl}${cluster.ownsRedis ? '' : ' (REDIS_URL, prefix ' + cluster.prefix + ')'}, appmgr ${cluster.appmgrUrl} (admin ${cluster.appmgrAdminUrl}), ${cluster.pods.length} pods; child logs in ${cluster.logDir}`);

  let code = 0;
  try {
    if (opts.queue && opts.players > 0 && !interrupted) {
      err(`gamecluster local: a herd of ${opts.players} robots queueing at ${opts.rate}/s against capacity ${opts.capacity || 'of the game pods'}, each staying ${opts.durationS} s…`);
      // The real robots (the client SDK's queue: poll as Retry-After says), not held: each leaves after its
      // duration, so the line is let in as places free up.
      const stats = new WaveStats();
      const progress = startProgress(stats, opts.players);
      const peak = watchPeak(cluster.appmgrAdminUrl);
      const report = await runRobots({ appmgr: cluster.appmgrUrl, players: opts.players, rate: opts.rate, durationS: opts.durationS, echoPerSec: opts.echoPerSec, queue: true, scenario: opts.scenario, party: opts.party, mode: opts.mode, stepTimeoutMs: 30_000 }, { stats, signal: abort.signal });
      const seen = await peak.stop();
      progress.stop();
      if (report.failed > 0 || report.not_started > 0) code = 1;
      if (opts.json) process.stdout.write(`${JSON.stringify({ robots: report, ...seen, capacity: opts.capacity, appmgr_url: `${cluster.appmgrAdminUrl}/`, log_dir: cluster.logDir }, null, 2)}\n`);
      else process.stdout.write(`${formatReport(report)}\npeak online ${seen.peak_online}${opts.capacity ? ` (capacity ${opts.capacity})` : ''}, peak line ${seen.peak_queue} (appmgr's view, ${seen.samples} samples)\nappmgr: ${cluster.appmgrAdminUrl}/\nlogs:   ${cluster.logDir}\n`);
    } else if (opts.players > 0 && !interrupted) {
      err(`gamecluster local: robot wave of ${opts.players} players at ${opts.rate}/s…`);
      const stats = new WaveStats();
      const progress = startProgress(stats, opts.players);
      const { report, view } = await waveWithSnapshot(cluster, opts, { stats, signal: abort.signal });
      progress.stop();
      const failed = report.failed > 0 || report.not_started > 0;
      if (failed) code = 1;
      if (opts.json) {
        process.stdout.write(`${JSON.stringify({ robots: report, cluster: view, appmgr_url: `${cluster.appmgrAdminUrl}/`, log_dir: cluster.logDir }, null, 2)}\n`);
      } else {
        process.stdout.write(`${formatReport(report)}\nper-pod online while the ${report.flows_completed} robots were in game:\n${formatClusterView(view)}\nappmgr: ${cluster.appmgrAdminUrl}/\nlogs:   ${cluster.logDir}\n`);
      }
    } else if (opts.json) {
      process.stdout.write(`${JSON.stringify({ robots: null, cluster: null, appmgr_url: `${cluster.appmgrAdminUrl}/`, log_dir: cluster.logDir }, null, 2)}\n`);
    } else process.stdout.write(`appmgr: ${cluster.appmgrAdminUrl}/\nlogs:   ${cluster.logDir}\n`);

    if (opts.keep && !interrupted) {
      const pods = cluster.pods.map((p) => `  ${p.name.padEnd(8)} tcp 127.0.0.1:${p.port}  ws ws://127.0.0.1:${p.wsPort}/  metrics http://127.0.0.1:${p.metricsPort}/metrics`).join('\n');
      // appmgr answers CORS for any origin (CORS_ORIGINS defaults to *): a page served from localhost can call it.
      err(`gamecluster local: --keep: the cluster stays up until Ctrl-C\n  appmgr   ${cluster.appmgrUrl}/login  (browsers: ${cluster.appmgrUrl}/login?transport=ws, CORS open)  admin ${cluster.appmgrAdminUrl}/  (/apps, /status, /metrics; gRPC ${cluster.appmgrGrpc})\n${pods}\n  redis    ${cluster.redisUrl}\n  a wave   npx gamecluster robots --appmgr ${cluster.appmgrUrl} --players 100`);
      await new Promise<void>((r) => (keepWaiting = r));
    }
  } finally {
    err('gamecluster local: stopping the cluster…');
    await cluster.stop();
    err('gamecluster local: stopped');
  }
  process.exitCode = interrupted && !opts.keep ? 130 : code;
}

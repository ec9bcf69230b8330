/**
 * `gamecluster robots`: only wiring — flags (one line + exit 2 when bad) → runRobots with a progress bar on a TTY →
 * the report (table, or JSON with --json) on stdout → exit 0 when every player succeeded, else 1. Ctrl-C aborts the
 * wave (players leave, the partial report is printed) and exits 130.
 */
import { flagsOrExit } from '../platform/cli-flags.js';
import { parseRobotArgs, robotsUsage } from './args.js';
import { startProgress } from './progress.js';
import { formatReport } from './report.js';
import { runRobots } from './run.js';
import { WaveStats } from './stats.js';

export async function main(argv: string[]): Promise<void> {
  const opts = flagsOrExit('robots', parseRobotArgs, argv);
  if (opts === 'help') {
    process.stdout.write(robotsUsage);
    return;
  }
  const stats = new WaveStats();
  const abort = new AbortController();
  let interrupted = false;
  const onSignal = () => {
    if (interrupted) process.exit(130);
    interrupted = true;
    abort.abort();
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);

  const progress = startProgress(stats, opts.players, opts.progress);
  const report = await runRobots(opts, { stats, signal: abort.signal });
  progress.stop();
  process.stdout.write(opts.json ? `${JSON.stringify(report, null, 2)}\n` : formatReport(report));
  process.exitCode = interrupted ? 130 : report.failed > 0 || report.not_started > 0 ? 1 : 0;
  // Every player closed its sockets; should anything still hold the loop (a stuck peer), do not hang the caller.
  setTimeout(() => process.exit(), 5000).unref();
}

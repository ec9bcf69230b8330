/**
 * `gamecluster robots`: only wiring — flags (one line + exit 2 when bad) → runRobots with a progress bar on a TTY →
 * the report (table, or JSON with --json) on stdout → exit 0 when every player succeeded, else 1. Ctrl-C aborts the
 * wave (players leave, the partial report is printed) and exits 130.
 */
import cliProgress from 'cli-progress';
import { ArgError, parseRobotArgs, robotsUsage } from './args.js';
import { formatReport } from './report.js';
import { runRobots } from './run.js';
import { WaveStats } from './stats.js';

export async function main(argv: string[]): Promise<void> {
  let opts;
  try {
    opts = parseRobotArgs(argv);
  } catch (err) {
    if (err instanceof ArgError) {
      process.stderr.write(`gamecluster robots: ${err.message}\n`);
      process.exit(2);
    }
    throw err;
  }
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

  // The bar goes to stderr and only on a terminal, so pipes and --json output stay clean.
  const bar =
    opts.progress && process.stderr.isTTY
      ? new cliProgress.SingleBar(
          { stream: process.stderr, format: 'robots [{bar}] {value}/{total} started | in game {inGame} | done {done} | failed {failed}', hideCursor: true, clearOnComplete: true },
          cliProgress.Presets.shades_classic,
        )
      : undefined;
  bar?.start(opts.players, 0, { inGame: 0, done: 0, failed: 0 });
  const tick = bar ? setInterval(() => bar.update(stats.started, { inGame: stats.inGame, done: stats.finished, failed: stats.failed }), 200) : undefined;

  const report = await runRobots(opts, { stats, signal: abort.signal });
  if (tick) clearInterval(tick);
  bar?.update(stats.started, { inGame: stats.inGame, done: stats.finished, failed: stats.failed });
  bar?.stop();
  process.stdout.write(opts.json ? `${JSON.stringify(report, null, 2)}\n` : formatReport(report));
  process.exitCode = interrupted ? 130 : report.failed > 0 || report.not_started > 0 ? 1 : 0;
  // Every player closed its sockets; should anything still hold the loop (a stuck peer), do not hang the caller.
  setTimeout(() => process.exit(), 5000).unref();
}

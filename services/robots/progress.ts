/**
 * The wave's progress bar (cli-progress) on stderr, shown only when stderr is a terminal so pipes, CI logs and
 * `--json` stay clean. Shared by `gamecluster robots` and `gamecluster local`.
 */
import cliProgress from 'cli-progress';
import type { WaveStats } from './stats.js';

export interface Progress {
  stop(): void;
}

export function startProgress(stats: WaveStats, total: number, enabled = true): Progress {
  if (!enabled || !process.stderr.isTTY) return { stop() {} };
  const bar = new cliProgress.SingleBar(
    { stream: process.stderr, format: 'robots [{bar}] {value}/{total} started | in game {inGame} | done {done} | failed {failed}', hideCursor: true, clearOnComplete: true },
    cliProgress.Presets.shades_classic,
  );
  const payload = () => ({ inGame: stats.inGame, done: stats.finished, failed: stats.failed });
  bar.start(total, 0, payload());
  const tick = setInterval(() => bar.update(stats.started, payload()), 200);
  return {
    stop() {
      clearInterval(tick);
      bar.update(stats.started, payload());
      bar.stop();
    },
  };
}

/**
 * The robot wave of `gamecluster local`, measured while the robots are online: robots are started in-process and
 * held in game; once every robot is either online or failed (bounded), we wait for one heartbeat plus a margin so the
 * registry and appmgr's cluster gauge reflect the truth, take the per-pod view, then release the robots and await
 * their report. So the table shows the wave, not an emptied cluster.
 */
import { runRobots } from '../robots/run.js';
import type { RobotReport } from '../robots/report.js';
import { WaveStats } from '../robots/stats.js';
import { clusterView, type ClusterView } from './cluster-view.js';
import type { LocalCluster } from './local-cluster.js';

export interface WaveOptions {
  players: number;
  rate: number;
  durationS: number;
  echoPerSec: number;
  stepTimeoutMs?: number;
  scenario?: 'echo' | 'arena' | 'rooms';
  /** --scenario rooms: robots per party and the room mode. */
  party?: number;
  mode?: string;
}

export interface WaveResult {
  report: RobotReport;
  /** The cluster as seen while the robots were online. */
  view: ClusterView;
}

export async function waveWithSnapshot(cluster: LocalCluster, opts: WaveOptions, hooks: { stats?: WaveStats; signal?: AbortSignal } = {}): Promise<WaveResult> {
  const stats = hooks.stats ?? new WaveStats();
  let release!: () => void;
  const hold = new Promise<void>((r) => (release = r));
  const run = runRobots({ appmgr: cluster.appmgrUrl, ...opts }, { stats, holdUntil: hold, signal: hooks.signal });
  let view: ClusterView;
  try {
    // Everyone has logged in (or failed) — bounded by the ramp plus four step timeouts per player.
    const deadline = Date.now() + (opts.players / opts.rate) * 1000 + 4 * (opts.stepTimeoutMs ?? 10_000) + 5000;
    let finished = false;
    void run.then(() => (finished = true), () => (finished = true));
    while (!finished && stats.inGame + stats.failed < opts.players && Date.now() < deadline && !hooks.signal?.aborted) {
      await new Promise((r) => setTimeout(r, 50));
    }
    // Two heartbeats (plus scheduling slack): every pod has written its count since the last login, and appmgr's
    // snapshot (which /apps and its gauges serve, refreshed once per heartbeat) has read it.
    await new Promise((r) => setTimeout(r, cluster.heartbeatMs * 2 + 250));
    view = await clusterView(cluster.appmgrAdminUrl, cluster.pods);
  } finally {
    release();
  }
  return { report: await run, view };
}

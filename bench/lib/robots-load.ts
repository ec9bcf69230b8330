/**
 * The player-flow load generator as a child process (spawned with spawnIpc): runs robot waves (services/robots) on
 * command, so the robots never share a CPU time slice accounting or an event loop with the bench's servers.
 * {cmd:'wave', appmgr, players, concurrency, rate} → the report plus this process' CPU µs over the wave;
 * {cmd:'hold', appmgr, players, rate, echoPerSec?, durationS?} → {inGame, failed} once every player is in game (they
 * stay, idle, or echoing `echoPerSec` times a second for their first `durationS` seconds); {cmd:'echoes'} → {echoes}: answered echoes of the held players so far;
 * {cmd:'release'} → every held wave leaves; {failed}. Several `hold`s in a row join players in closed-loop steps.
 */
import { runRobots } from '../../services/robots/run.js';
import { WaveStats } from '../../services/robots/stats.js';
import { onParent } from './measure.js';

/** Held waves (each `hold` adds one; `release` ends them all). */
const held: { release: () => void; wave: ReturnType<typeof runRobots>; stats: WaveStats }[] = [];

onParent(async (m) => {
  if (m.cmd === 'wave') {
    const c0 = process.cpuUsage();
    const r = await runRobots({ appmgr: String(m.appmgr), players: Number(m.players), rate: Number(m.rate ?? 1e6), concurrency: Number(m.concurrency ?? 0), durationS: 0, echoPerSec: 0 });
    const c = process.cpuUsage(c0);
    return { report: r, genCpu: c.user + c.system };
  }
  if (m.cmd === 'hold') {
    const stats = new WaveStats();
    let release!: () => void;
    const until = new Promise<void>((r) => (release = r));
    const players = Number(m.players);
    const wave = runRobots({ appmgr: String(m.appmgr), players, accountPrefix: `hold-${held.length}-${Date.now()}`, rate: Number(m.rate ?? 2000), durationS: Number(m.durationS ?? 0), echoPerSec: Number(m.echoPerSec ?? 0), concurrency: Number(m.concurrency ?? 0) }, { stats, holdUntil: until });
    held.push({ release, wave, stats });
    const deadline = Date.now() + 300_000;
    while (stats.inGame + stats.failed < players && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
    return { inGame: stats.inGame, failed: stats.failed, failures: stats.failureRows().slice(0, 5) };
  }
  if (m.cmd === 'echoes') return { echoes: held.reduce((a, h) => a + h.stats.echoesOk, 0) };
  if (m.cmd === 'release') {
    const waves = held.splice(0);
    for (const h of waves) h.release();
    const reports = await Promise.all(waves.map((h) => h.wave));
    return { failed: reports.reduce((a, r) => a + r.failed, 0) };
  }
  return { error: `unknown ${String(m.cmd)}` };
});
process.send!({ ready: true });

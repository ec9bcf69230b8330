/**
 * Bench: game pod RSS growth per idle authenticated player (issue 16). A local cluster (redis-server, appmgr, 1 login,
 * 1 game; services/local/local-cluster.ts) per run; robots in their own child process (bench/lib/robots-load.ts) warm
 * the path with 100 players who leave, then join `--players` players (5,000) at `--rate`/s in steps of `--step` (each step waits until its players are in
 * game) who stay in game, idle.
 * RSS of the game process from /proc, 2 s after the last join, minus its RSS before the joins. Two modes, each on a
 * fresh cluster, alternated: without any forced GC, and with a full GC (SIGWINCH → gc() twice, via the preload
 * bench/lib/gc-on-signal.mjs) before both readings. The plain variant runs the pods exactly as `gamecluster game`
 * (bin/gamecluster) and `gamecluster local` start them: with their default Node flags (services/platform/node-flags.ts:
 * `--max-semi-space-size=1` for login and game). `--pod-flags "<node flags>"` (repeatable, e.g.
 * "--max-semi-space-size=16", which replaces the default) adds variants: each flag set is measured in both modes, in
 * the same run. With `--rounds 3` the table gives the medians of 3.
 * Targets: ≤ 4 KiB per player after GC, ≤ 5 KB without.
 * Run: `npm run bench:idle-memory -- [--players 5000] [--rate 1000] [--step 500] [--rounds 1] [--pod-flags "<flags>"]…`.
 */
import { fileURLToPath } from 'node:url';
import { startLocalCluster } from '../services/local/local-cluster.js';
import { boxLine, median, numFlag, procRssBytes, spawnIpc } from './lib/measure.js';

const args = process.argv.slice(2);
const PLAYERS = numFlag(args, '--players', 5000);
const RATE = numFlag(args, '--rate', 1000);
const ROUNDS = numFlag(args, '--rounds', 1);
const STEP = numFlag(args, '--step', 500);
const variants = [''];
for (let i = 0; i < args.length; i++) if (args[i] === '--pod-flags') variants.push(args[i + 1]!);
const preload = fileURLToPath(new URL('./lib/gc-on-signal.mjs', import.meta.url));
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

interface Result {
  before: number;
  after: number;
  perPlayer: number;
  heldOk: number;
}

async function once(flags: string, gc: boolean): Promise<Result> {
  const cluster = await startLocalCluster({ logins: 1, games: 1, capacity: 100_000, logLevel: process.env.BENCH_LOG_LEVEL ?? 'warn', heartbeatMs: 500, podEnv: { NODE_OPTIONS: `--import ${preload}${flags ? ` ${flags}` : ''}` } });
  const gen = spawnIpc(fileURLToPath(new URL('./lib/robots-load.ts', import.meta.url)), []);
  const game = cluster.pods.find((p) => p.type === 'game')!;
  const rss = async () => {
    if (gc) {
      process.kill(game.pid, 'SIGWINCH');
      await sleep(500);
    }
    return procRssBytes(game.pid);
  };
  try {
    await gen.next();
    gen.send({ cmd: 'wave', appmgr: cluster.appmgrUrl, players: 100, concurrency: 50 }); // lazy init, JIT
    await gen.next();
    await sleep(2000);
    const before = await rss();
    // Closed-loop steps of STEP players (each step joins at RATE/s and waits until all are in game): an overloaded box
    // slows the joins down instead of timing them out.
    const h = { inGame: 0, failed: 0 };
    for (let done = 0; done < PLAYERS; done += STEP) {
      gen.send({ cmd: 'hold', appmgr: cluster.appmgrUrl, players: Math.min(STEP, PLAYERS - done), rate: RATE });
      const s = await gen.next<{ inGame: number; failed: number; failures: unknown[] }>();
      h.inGame += s.inGame;
      h.failed += s.failed;
      if (s.failed) console.log(`  ${s.failed} players failed to join: ${JSON.stringify(s.failures)}`);
    }
    await sleep(2000);
    const after = await rss();
    gen.send({ cmd: 'release' });
    await gen.next();
    return { before, after, perPlayer: (after - before) / h.inGame, heldOk: h.inGame };
  } finally {
    await gen.stop();
    await cluster.stop();
  }
}

console.log(`idle-memory bench: ${PLAYERS} players joined at ${RATE}/s and held idle on 1 game pod; RSS 2 s after the last join; ${ROUNDS} round(s), modes alternated, fresh cluster each; ${boxLine()}`);
const table: string[] = [];
for (const flags of variants) {
  const res: Record<'nogc' | 'gc', Result[]> = { nogc: [], gc: [] };
  for (let r = 0; r < ROUNDS; r++) {
    for (const mode of r % 2 ? (['gc', 'nogc'] as const) : (['nogc', 'gc'] as const)) {
      const x = await once(flags, mode === 'gc');
      res[mode].push(x);
      console.log(`  pod flags "${flags}" ${mode === 'gc' ? 'after a full GC' : 'no forced GC   '}: RSS ${(x.before / 2 ** 20).toFixed(1)} → ${(x.after / 2 ** 20).toFixed(1)} MiB for ${x.heldOk} players = ${(x.perPlayer / 1024).toFixed(2)} KiB (${(x.perPlayer / 1000).toFixed(2)} KB) per player`);
    }
  }
  const m = (xs: Result[]) => median(xs.map((x) => x.perPlayer));
  table.push(`| ${flags || '(the plain `gamecluster game`: its default flags)'} | ${(m(res.nogc) / 1000).toFixed(2)} KB (${(m(res.nogc) / 1024).toFixed(2)} KiB) | ${(m(res.gc) / 1024).toFixed(2)} KiB |`);
}
console.log(`\n| pod node flags | RSS per idle player, no forced GC (target ≤ 5 KB) | after a full GC (target ≤ 4 KiB) |\n| --- | --- | --- |\n${table.join('\n')}`);

/**
 * Differential check of the pick script against a git ref's (default `main`): random registries (1–12 pods with
 * ties, odd member names, stale pods, pods with and without a WebSocket port, full pods), random batches (k picks,
 * some reserving for accounts, tcp or ws), each run by both scripts on identical Redis state; the answers, the online
 * set with its scores, every pod's `assigned` and every pending set must be identical. Proves that the in-memory
 * least_loaded pick keeps the exact choices (and balance) of the per-pick ZRANGE + ZADD walk.
 * Run: `npx tsx bench/pick-equivalence.ts [--ref main] [--trials 600] [--strategy least_loaded|packed]`.
 * Needs redis-server on PATH.
 */
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Redis } from 'ioredis';
import { pickScript, script, type ScriptDef } from '../services/registry/lua-scripts.js';
import { startRedis } from '../test/helpers/redis-server.js';
import { baselineTree, numFlag, removeTree, strFlag } from './lib/measure.js';

const args = process.argv.slice(2);
const ref = strFlag(args, '--ref') ?? 'main';
const trials = numFlag(args, '--trials', 600);
const strategy = strFlag(args, '--strategy') ?? 'least_loaded';
const dir = await baselineTree(ref);
const old = ((await import(pathToFileURL(join(dir, 'services/registry/lua-scripts.ts')).href)) as { pickScript: ScriptDef }).pickScript;
const redis = await startRedis();
const c = new Redis(redis.url);
try {
  const fNew = script(c, pickScript);
  const fOld = script(c, { ...old, name: 'gcPickRef' });
  let seed = 12345;
  const rand = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
  const names = ['a', 'b', 'B', 'a-1', 'a1', 'z', 'game-10', 'game-2', 'game_3', 'Game-4', 'gä', 'g'];
  let mismatches = 0;
  for (let t = 0; t < trials; t++) {
    const ids = names.slice(0, 1 + Math.floor(rand() * names.length));
    const now = Date.now();
    const pods = ids.map(() => {
      const cap = 1 + Math.floor(rand() * 20);
      const online = Math.floor(rand() * cap);
      return { cap, online, assigned: online + Math.floor(rand() * 3), ws: rand() < 0.5 ? 0 : 7000, stale: rand() < 0.08 };
    });
    const k = 1 + Math.floor(rand() * 60);
    const transport = rand() < 0.5 ? 'tcp' : 'ws';
    const accounts = Array.from({ length: k }, () => (rand() < 0.3 ? `acc${Math.floor(rand() * 10)}` : ''));
    const seen: string[] = [];
    for (const [p, fn] of [['n', fNew], ['o', fOld]] as const) {
      await c.flushall();
      for (const [i, s] of pods.entries()) {
        await c.hset(`${p}:app:${ids[i]}`, { ip: '10.0.0.1', port: String(i), state: 'ready', ts_ms: String(s.stale ? now - 120_000 : now), assigned: String(s.assigned), capacity: String(s.cap), online: String(s.online), joined: '0', counted: '0', ws_port: String(s.ws) });
        await c.zadd(`${p}:online`, s.assigned / s.cap, ids[i]!);
      }
      const out = (await fn(`${p}:online`, `${p}:app:`, k, 0, 60_000, strategy, `${p}:pend:`, 10_000, transport, ...accounts)) as string[];
      const z = await c.zrange(`${p}:online`, 0, -1, 'WITHSCORES');
      const assigned = await Promise.all(ids.map((id) => c.hget(`${p}:app:${id}`, 'assigned')));
      const pending = await Promise.all(ids.map((id) => c.zrange(`${p}:pend:${id}`, 0, -1)));
      seen.push(JSON.stringify([out, z, assigned, pending]));
    }
    if (seen[0] !== seen[1]) {
      mismatches++;
      if (mismatches <= 3) console.log(`trial ${t}: this tree ${seen[0]}\n          ${ref} ${seen[1]}`);
    }
  }
  console.log(`pick-equivalence (${strategy}) vs ${ref}: ${trials} random registries and batches, ${mismatches} mismatches`);
  if (mismatches) process.exitCode = 1;
} finally {
  await c.quit();
  await redis.stop();
  await removeTree(dir);
}

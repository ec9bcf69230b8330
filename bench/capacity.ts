/**
 * Bench: the capacity model's inputs, measured on this machine on compiled code, and the model itself (issue 25).
 * 1. A local cluster built as the image ships it (redis-server, 1 appmgr, 2 logins, 2 games, `HEARTBEAT_MS` 2000;
 *    robots in their own process): complete player flows (GET /login → login → EnterGame → game → leave) — the CPU
 *    per flow of appmgr, the logins, the games and Redis (INFO cpu), medians of `--rounds` waves; then `--idle`
 *    players held idle for `--idle-seconds`, against the same window with nobody held — Redis CPU (INFO cpu, and its
 *    command time from INFO commandstats) and game CPU per idle player-second, and game RSS per idle player (no forced
 *    GC); then `--echo-players` players held echoing `--echo-per-sec` times a second — game CPU per echo (the
 *    request and its answer, over the idle cost).
 * 2. On a separate redis-server (only the bench's clients): rooms — a room created by one player and joined by a
 *    second, both seats' tokens issued and redeemed on the room's pod — Redis CPU per room; and the saturation point
 *    of one Redis: picks + token issues + redeems (the Redis side of a flow, from this process over 4 connections)
 *    driven with more and more in flight until Redis is at one core or the driver cannot push more.
 * 3. The model: for N players online and M logins/s — 100,000 / 1,000/s, 1,000,000 / 10,000/s, 10,000,000 /
 *    50,000/s — the pods, cores and memory, where one Redis stops being enough, and what to do then.
 * Run: `npx tsx bench/capacity.ts [--players 3000] [--rounds 3] [--warmup 1000] [--idle 5000] [--idle-seconds 20]
 *       [--echo-players 2000] [--echo-per-sec 2] [--rooms 2000] [--tsx]` (`--tsx`: the cluster runs the sources).
 */
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Redis } from 'ioredis';
import { createLogger } from '../services/platform/logger.js';
import { RedisAppSelector, RedisHeartbeatWriter, RedisSessionRegistry, RedisTokenStore, waitReady, type RoomMode } from '../services/registry/index.js';
import { RedisRoomAllocator } from '../services/registry/redis-rooms.js';
import type { LocalCluster, LocalClusterOptions } from '../services/local/local-cluster.js';
import { startRedis } from '../test/helpers/redis-server.js';
import { boxLine, compiledServices, median, numFlag, openWindow, procCpuMicros, procRssBytes, redisCpuMicros, spawnIpc } from './lib/measure.js';

const args = process.argv.slice(2);
const PLAYERS = numFlag(args, '--players', 3000);
const ROUNDS = numFlag(args, '--rounds', 3);
const WARMUP = numFlag(args, '--warmup', 1000);
const IDLE = numFlag(args, '--idle', 5000);
const IDLE_S = numFlag(args, '--idle-seconds', 20);
const ECHO_PLAYERS = numFlag(args, '--echo-players', 2000);
const ECHO_PER_SEC = numFlag(args, '--echo-per-sec', 2);
const ROOMS = numFlag(args, '--rooms', 2000);
const HEARTBEAT_MS = 2000;
const root = fileURLToPath(new URL('../', import.meta.url));
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const logger = createLogger('bench', 'silent');

/** Redis' command time so far (INFO commandstats, Σ usec), µs. */
async function commandUsec(r: Redis): Promise<number> {
  let sum = 0;
  for (const m of (await r.info('commandstats')).matchAll(/,usec=(\d+),/g)) sum += Number(m[1]);
  return sum;
}

console.log(`# bench/capacity — ${boxLine()}`);

// ---- 1. the cluster: flows, idle players, echo ----
const viaTsx = args.includes('--tsx');
const dist = viaTsx ? '' : await compiledServices(root);
const start = ((await import(pathToFileURL(viaTsx ? join(root, 'services/local/local-cluster.ts') : join(dist, 'local/local-cluster.js')).href)) as { startLocalCluster: (o: LocalClusterOptions) => Promise<LocalCluster> }).startLocalCluster;
const cluster = await start({ logins: 2, games: 2, capacity: 1_000_000, logLevel: 'warn', heartbeatMs: HEARTBEAT_MS, appTtlMs: 3 * HEARTBEAT_MS, log: () => {} });
const gen = spawnIpc(fileURLToPath(new URL('./lib/robots-load.ts', import.meta.url)), []);
const redisOfCluster = new Redis(cluster.redisUrl);
const games = cluster.pods.filter((p) => p.type === 'game');
type Role = 'appmgr' | 'login' | 'game' | 'redis';
const flow: Record<Role, number[]> = { appmgr: [], login: [], game: [], redis: [] };
const flowRates: number[] = [];
let idle = { redisUs: 0, redisCmdUs: 0, gameUs: 0, rssBytes: 0, gameBaseRss: 0 };
let echoUs = 0;
try {
  await gen.next();
  const wave = async (players: number) => {
    const pods = cluster.pods.map((p) => ({ role: p.type, pid: p.pid }));
    const close = await openWindow([cluster.appmgr.pid, ...pods.map((p) => p.pid)], cluster.redisUrl);
    gen.send({ cmd: 'wave', appmgr: cluster.appmgrUrl, players, concurrency: 200 });
    const r = await gen.next<{ report: { flows_completed: number; failed: number }; error?: string }>();
    const w = await close();
    if (r.error) throw new Error(r.error);
    const cpu: Record<Role, number> = { appmgr: w.cpu[0]!, login: 0, game: 0, redis: w.redisCpu };
    pods.forEach((p, i) => (cpu[p.role] += w.cpu[i + 1]!));
    return { flows: r.report.flows_completed, failed: r.report.failed, seconds: w.seconds, cpu, others: w.othersCpuS / w.seconds };
  };
  for (let left = WARMUP; left > 0; left -= PLAYERS) await wave(Math.min(left, PLAYERS));
  console.log(`\n## player flows (${PLAYERS} players a wave, 200 in flight, after ${WARMUP} warm-up)\n\n| round | flows/s | appmgr µs/flow | logins | games | redis | other jobs (cores) | failed |\n| --- | --- | --- | --- | --- | --- | --- | --- |`);
  for (let r = 0; r < ROUNDS; r++) {
    const f = await wave(PLAYERS);
    for (const k of Object.keys(flow) as Role[]) flow[k].push(f.cpu[k] / f.flows);
    flowRates.push(f.flows / f.seconds);
    console.log(`| ${r + 1} | ${Math.round(f.flows / f.seconds)} | ${(f.cpu.appmgr / f.flows).toFixed(0)} | ${(f.cpu.login / f.flows).toFixed(0)} | ${(f.cpu.game / f.flows).toFixed(0)} | ${(f.cpu.redis / f.flows).toFixed(1)} | ${f.others.toFixed(2)} | ${f.failed} |`);
  }

  // Idle players: the same window with nobody held, then with IDLE held.
  const idleWindow = async () => {
    const c0 = await commandUsec(redisOfCluster);
    const close = await openWindow(games.map((g) => g.pid), cluster.redisUrl);
    await sleep(IDLE_S * 1000);
    const w = await close();
    return { redis: w.redisCpu, redisCmd: (await commandUsec(redisOfCluster)) - c0, game: w.cpu.reduce((a, b) => a + b, 0), seconds: w.seconds };
  };
  await sleep(2 * HEARTBEAT_MS);
  const none = await idleWindow();
  const rss0 = games.map((g) => procRssBytes(g.pid));
  let inGame = 0;
  for (let done = 0; done < IDLE; done += 1000) {
    gen.send({ cmd: 'hold', appmgr: cluster.appmgrUrl, players: Math.min(1000, IDLE - done), rate: 1000 });
    inGame += (await gen.next<{ inGame: number }>()).inGame;
  }
  await sleep(2 * HEARTBEAT_MS);
  const rss1 = games.map((g) => procRssBytes(g.pid));
  const held = await idleWindow();
  gen.send({ cmd: 'release' });
  await gen.next();
  const perPlayerSecond = (a: number, b: number) => (b - a) / inGame / IDLE_S;
  idle = {
    redisUs: perPlayerSecond(none.redis, held.redis),
    redisCmdUs: perPlayerSecond(none.redisCmd, held.redisCmd),
    gameUs: perPlayerSecond(none.game, held.game),
    rssBytes: (rss1.reduce((a, b) => a + b, 0) - rss0.reduce((a, b) => a + b, 0)) / inGame,
    gameBaseRss: median(rss0),
  };
  console.log(`\n## ${inGame} idle players held ${IDLE_S} s (vs the same window with nobody held)\n`);
  console.log(`- Redis CPU (INFO cpu): ${Math.round(none.redis)} µs with nobody, ${Math.round(held.redis)} µs held → **${idle.redisUs.toFixed(4)} µs per idle player-second**; Redis command time (INFO commandstats): ${none.redisCmd} vs ${held.redisCmd} µs → ${idle.redisCmdUs.toFixed(4)} µs`);
  console.log(`- game CPU: ${(idle.gameUs * 1000).toFixed(3)} ms per 1,000 idle player-seconds (the SDK's ping every 15 s, heartbeats, the sweep: ${Math.round(none.game)} vs ${Math.round(held.game)} µs)`);
  console.log(`- game RSS: ${(idle.gameBaseRss / 2 ** 20).toFixed(0)} MiB a pod before, +${(idle.rssBytes / 1000).toFixed(2)} KB per idle player (no forced GC)`);

  // Echo: players held echoing; the game CPU over the idle cost, per echo answered.
  await sleep(2 * HEARTBEAT_MS);
  // Each player echoes for its first `durationS` seconds: long enough to cover the joins and the window.
  gen.send({ cmd: 'hold', appmgr: cluster.appmgrUrl, players: ECHO_PLAYERS, rate: 1000, echoPerSec: ECHO_PER_SEC, durationS: Math.ceil(ECHO_PLAYERS / 1000) + 16 });
  const echoing = (await gen.next<{ inGame: number }>()).inGame;
  await sleep(2000);
  gen.send({ cmd: 'echoes' });
  const e0 = (await gen.next<{ echoes: number }>()).echoes;
  const g0 = games.map((g) => procCpuMicros(g.pid));
  const t0 = Date.now();
  await sleep(10_000);
  gen.send({ cmd: 'echoes' });
  const echoes = (await gen.next<{ echoes: number }>()).echoes - e0;
  const gameCpu = games.reduce((a, g, i) => a + procCpuMicros(g.pid) - g0[i]!, 0);
  const secs = (Date.now() - t0) / 1000;
  echoUs = (gameCpu - Math.max(0, idle.gameUs) * echoing * secs) / echoes;
  gen.send({ cmd: 'release' });
  await gen.next();
  console.log(`\n## ${echoing} players echoing ${ECHO_PER_SEC}/s: ${Math.round(echoes / secs)} echoes/s, game CPU ${gameCpu} µs over ${secs.toFixed(1)} s → **${echoUs.toFixed(2)} µs per echo** (request + answer) over the idle cost`);
} finally {
  await gen.stop();
  redisOfCluster.disconnect();
  await cluster.stop();
}

// ---- 2. one Redis alone: rooms, and its saturation point ----
const redis = await startRedis();
const c = new Redis(redis.url);
const PREFIX = 'cap';
const modes: RoomMode[] = [{ mode: 'party', maxPlayers: 4 }];
const podState = { online: 0 };
const writers = Array.from({ length: 4 }, (_, i) => new RedisHeartbeatWriter(c, { prefix: PREFIX, heartbeatMs: HEARTBEAT_MS, appTtlMs: 3 * HEARTBEAT_MS, logger, source: { appId: `g${i}`, appType: 'game', ip: '127.0.0.1', port: 7000 + i, capacity: 10_000_000, online: () => podState.online, draining: () => false, runId: `run-g${i}`, caps: ['rooms'], modes } }));
let roomUs = 0;
let roomCmdUs = 0;
const sat: { inflight: number; flowsPerS: number; redisShare: number; redisUsPerFlow: number; driverShare: number }[] = [];
try {
  for (const w of writers) await w.start();
  const rooms = new RedisRoomAllocator(c, { prefix: PREFIX, appTtlMs: 3 * HEARTBEAT_MS, strategy: 'least_loaded' });
  const tokens = new RedisTokenStore(c, { prefix: PREFIX, tokenTtlMs: 30_000 });
  const sessions = new Map(writers.map((_, i) => [`g${i}`, new RedisSessionRegistry(c, { prefix: PREFIX, logger, runId: `run-g${i}` })]));
  const seat = { transport: 'tcp' as const, seatMs: 10_000, issueTokens: false };
  const oneRoom = async (i: number) => {
    const a = await rooms.allocate({ create: { mode: 'party', maxPlayers: 2, isPrivate: false, labels: {} } }, [{ account: `ra${i}` }], seat);
    if (!a.ok) throw new Error(`create: ${JSON.stringify(a)}`);
    const b = await rooms.allocate({ join: a.roomId }, [{ account: `rb${i}` }], seat);
    if (!b.ok) throw new Error(`join: ${JSON.stringify(b)}`);
    for (const acc of [`ra${i}`, `rb${i}`]) {
      const t = await tokens.issueForSeat(acc, a.appId, a.roomId);
      if (!t || (await sessions.get(a.appId)!.redeemAndClaim(t, acc, a.appId, `s-${acc}`)) === 'invalid') throw new Error('redeem');
    }
  };
  for (let i = 0; i < 200; i++) await oneRoom(-1 - i); // warm the scripts and the key caches
  const r0 = await redisCpuMicros(redis.url);
  const k0 = await commandUsec(c);
  for (let i = 0; i < ROOMS; i += 20) await Promise.all(Array.from({ length: Math.min(20, ROOMS - i) }, (_, j) => oneRoom(i + j)));
  roomUs = ((await redisCpuMicros(redis.url)) - r0) / ROOMS;
  roomCmdUs = ((await commandUsec(c)) - k0) / ROOMS;
  console.log(`\n## rooms on one Redis (${ROOMS} rooms: created by one player, joined by a second, both seats issued and redeemed)\n\n- Redis CPU **${roomUs.toFixed(1)} µs per room** (INFO cpu; command time ${roomCmdUs.toFixed(1)} µs)`);

  // Saturation: the Redis side of a flow (pick for the account, token issue, redeem + session claim), driven harder.
  const conns = Array.from({ length: 4 }, () => new Redis(redis.url));
  const parts = conns.map((r) => ({
    sel: new RedisAppSelector(r, { prefix: PREFIX, appTtlMs: 3 * HEARTBEAT_MS, strategy: 'least_loaded', logger, maxQueued: 1_000_000, deadlineMs: 5000 }),
    tokens: new RedisTokenStore(r, { prefix: PREFIX, tokenTtlMs: 30_000 }),
    sessions: new Map(writers.map((_, i) => [`g${i}`, new RedisSessionRegistry(r, { prefix: PREFIX, logger, runId: `run-g${i}` })])),
  }));
  for (const r of conns) await waitReady(r, 5000);
  let n = 0;
  const oneFlow = async () => {
    const k = n++;
    const p = parts[k % parts.length]!;
    const acc = `p${k}`;
    const r = await p.sel.pick('game', acc);
    if (!r.ok) throw new Error(`pick: ${r.reason}`);
    const t = await p.tokens.issue(acc, r.app.appId);
    if ((await p.sessions.get(r.app.appId)!.redeemAndClaim(t, acc, r.app.appId, `s${k}`)) === 'invalid') throw new Error('redeem');
  };
  console.log(`\n## one Redis driven to saturation (pick + issue + redeem per flow, 4 connections from one driver process)\n\n| in flight | flows/s | Redis CPU (cores) | Redis µs per flow | driver CPU (cores) |\n| --- | --- | --- | --- | --- |`);
  const beat = setInterval(() => void Promise.all(writers.map((w) => w.beatNow())), HEARTBEAT_MS);
  try {
    for (let i = 0; i < 500; i++) await oneFlow();
    for (const inflight of [16, 64, 256, 1024, 4096]) {
      let stop = false;
      let done = 0;
      const d0 = process.cpuUsage();
      const r0s = await redisCpuMicros(redis.url);
      const t0 = performance.now();
      const workers = Array.from({ length: inflight }, async () => {
        while (!stop) {
          await oneFlow();
          done++;
        }
      });
      await sleep(5000);
      stop = true;
      await Promise.all(workers);
      const secs = (performance.now() - t0) / 1000;
      const redisUs = (await redisCpuMicros(redis.url)) - r0s;
      const d = process.cpuUsage(d0);
      const row = { inflight, flowsPerS: done / secs, redisShare: redisUs / 1e6 / secs, redisUsPerFlow: redisUs / done, driverShare: (d.user + d.system) / 1e6 / secs };
      sat.push(row);
      console.log(`| ${inflight} | ${Math.round(row.flowsPerS)} | ${row.redisShare.toFixed(2)} | ${row.redisUsPerFlow.toFixed(1)} | ${row.driverShare.toFixed(2)} |`);
      if (row.redisShare >= 0.95) break;
    }
  } finally {
    clearInterval(beat);
    for (const r of conns) r.disconnect();
  }
} finally {
  for (const w of writers) await w.stop().catch(() => undefined);
  c.disconnect();
  await redis.stop();
}

// ---- 3. the model ----
const m = {
  appmgr: median(flow.appmgr),
  login: median(flow.login),
  game: median(flow.game),
  redis: median(flow.redis),
};
// Under load the selector coalesces picks, so Redis' cost per flow falls: the row that pushed the most flows is the
// regime of a busy cluster; at one core Redis does 1e6 µs of work a second.
const best = sat.reduce((a, b) => (b.flowsPerS > a.flowsPerS ? b : a));
const satFlows = 1e6 / best.redisUsPerFlow;
const clusterRate = median(flowRates);
/** Redis µs per flow at `rate` logins/s: the cluster's figure up to the rate it was measured at, the loaded one above. */
const redisPerFlow = (rate: number) => (rate <= clusterRate ? m.redis : best.redisUsPerFlow);
const RSS_PER_PLAYER = Math.max(idle.rssBytes, 0);
/** Assumptions of the model (printed with it). */
const A = { podCores: 1, targetUtil: 0.6, gameCapacity: 50_000, podMemGiB: 1, echoPerPlayerPerS: 1 / 15, redisTarget: 0.5 };
const fmt = (x: number) => (x >= 100 ? Math.round(x).toLocaleString('en') : x.toFixed(x >= 10 ? 1 : 2));
console.log(`\n## inputs (medians; µs of CPU)\n`);
console.log(`| input | value |\n| --- | --- |`);
console.log(`| appmgr CPU per login flow | ${m.appmgr.toFixed(0)} µs |\n| login CPU per flow | ${m.login.toFixed(0)} µs |\n| game CPU per flow | ${m.game.toFixed(0)} µs |\n| Redis CPU per flow (in the cluster) | ${m.redis.toFixed(1)} µs |`);
console.log(`| Redis CPU per flow under load (the most flows/s the driver pushed) | ${best.redisUsPerFlow.toFixed(1)} µs (${Math.round(best.flowsPerS)} flows/s at ${best.redisShare.toFixed(2)} cores) |\n| one Redis at one core | ≈ ${Math.round(satFlows).toLocaleString('en')} flows/s |`);
console.log(`| Redis CPU per idle player-second | ${Math.max(0, idle.redisCmdUs).toFixed(4)} µs of command time (INFO commandstats; INFO cpu, noisier: ${idle.redisUs.toFixed(4)} µs) |\n| Redis CPU per room (create + join + 2 redeems) | ${roomUs.toFixed(1)} µs |`);
console.log(`| game CPU per echo (request + answer) | ${echoUs.toFixed(2)} µs |\n| game RSS per idle player | ${(RSS_PER_PLAYER / 1000).toFixed(2)} KB (pod baseline ${(idle.gameBaseRss / 2 ** 20).toFixed(0)} MiB) |`);
console.log(`\nAssumptions: pods of ${A.podCores} core kept at ≤ ${A.targetUtil * 100} % CPU; game pods of CAPACITY ${A.gameCapacity.toLocaleString('en')} (memory limit ${A.podMemGiB} GiB); in-game traffic = the SDK's ping every 15 s (${A.echoPerPlayerPerS.toFixed(3)} round trips a player-second, costed as an echo) — add your game's own frames × the echo cost; Redis kept ≤ ${A.redisTarget * 100} % of its one core (headroom for bursts and failover); appmgr and logins ≥ 2 each.\n`);
console.log(`| players online | logins/s | game pods | login pods | appmgr | Redis cores (one Redis) | game memory | total cores |\n| --- | --- | --- | --- | --- | --- | --- | --- |`);
for (const [players, rate] of [[100_000, 1_000], [1_000_000, 10_000], [10_000_000, 50_000]] as const) {
  const gameCores = (rate * m.game + players * A.echoPerPlayerPerS * echoUs) / 1e6;
  const gamePods = Math.max(Math.ceil(players / A.gameCapacity), Math.ceil(gameCores / (A.podCores * A.targetUtil)));
  const loginPods = Math.max(2, Math.ceil((rate * m.login) / 1e6 / (A.podCores * A.targetUtil)));
  const appmgrs = Math.max(2, Math.ceil((rate * m.appmgr) / 1e6 / (A.podCores * A.targetUtil)));
  const redisCores = (rate * redisPerFlow(rate) + players * Math.max(0, idle.redisCmdUs)) / 1e6;
  const mem = players * RSS_PER_PLAYER + gamePods * idle.gameBaseRss;
  const oneRedis = redisCores <= A.redisTarget ? `${fmt(redisCores)}` : `**${fmt(redisCores)}: over one Redis** → ${Math.ceil(redisCores / A.redisTarget)} shards`;
  console.log(`| ${players.toLocaleString('en')} | ${rate.toLocaleString('en')} | ${gamePods} | ${loginPods} | ${appmgrs} | ${oneRedis} | ${(mem / 2 ** 30).toFixed(1)} GiB | ${fmt(gamePods * A.podCores + loginPods + appmgrs + Math.ceil(redisCores))} |`);
}
const maxRate = (A.redisTarget * 1e6) / best.redisUsPerFlow;
console.log(`\nOne Redis stops being enough past ≈ ${Math.round(maxRate).toLocaleString('en')} logins/s at ${A.redisTarget * 100} % of its core (${Math.round(satFlows).toLocaleString('en')}/s at 100 %); players merely online add ${Math.max(0, idle.redisCmdUs).toFixed(4)} µs a second each (${fmt((1e7 * Math.max(0, idle.redisCmdUs)) / 1e6)} cores for 10 M). Rooms: ${roomUs.toFixed(0)} µs of Redis per room created and joined by two — 1,000 such rooms/s take ${fmt(roomUs / 1000)} cores. Past that: one cluster per region or shard, each with its own Redis (or its own \`PREFIX\` on a Redis with room), each its own appmgr Service; clients pick the shard (region, or a hash of the account) before \`/login\`.`);

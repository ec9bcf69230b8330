/**
 * Bench: the `arena` fan-out on one game pod. A real redis-server and one `gamecluster game --module arena` process
 * (through tsx, like the tests); N players (default 1000) get tokens straight from Redis, log in over TCP from this
 * process, move 5 times a second, and receive their room's State at 20 Hz. Reports, over the measuring window:
 * States received per second (the fan-out delivered), state_lag (server_time_ms → received, p50/p99: includes this
 * client process's own queueing), the pod's tick time (gamecluster_game_tick_seconds: mean and bucket p99), skipped
 * ticks, encodes per second (one per room and tick), the pod's CPU and the load of the machine.
 *   npx tsx bench/arena-fanout.ts [players=1000] [seconds=10]
 */
import { spawn } from 'node:child_process';
import { loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';
import protobuf from 'protobufjs';
import { pino } from 'pino';
import { messages } from '../examples/arena/messages.js';
import { MsgId, ReturnCode } from '../services/protocol/wire.js';
import { closeRedis, createRedisClient, RedisTokenStore, waitReady } from '../services/registry/index.js';
import { FrameClient } from '../services/socket/frame-client.js';
import { freePort } from '../test/helpers/free-port.js';
import { startRedis } from '../test/helpers/redis-server.js';

const PLAYERS = Number(process.argv[2] ?? 1000);
const SECONDS = Number(process.argv[3] ?? 10);
const cli = fileURLToPath(new URL('../services/cli.ts', import.meta.url));
const root = fileURLToPath(new URL('../', import.meta.url));
const proto = protobuf.loadSync(fileURLToPath(new URL('../examples/arena/arena.proto', import.meta.url)));
const State = proto.lookupType('arena.v1.State');
const Move = proto.lookupType('arena.v1.Move');
const id = (name: string) => Number(Object.entries(messages).find(([, m]) => m.name === name)![0]);
const STATE = id('State');
const MOVE = id('Move');

async function scrape(port: number): Promise<Map<string, number>> {
  const text = await (await fetch(`http://127.0.0.1:${port}/metrics`)).text();
  const out = new Map<string, number>();
  for (const line of text.split('\n')) {
    const m = /^([a-zA-Z_:][\w:]*(?:\{[^}]*\})?) (\S+)$/.exec(line);
    if (m) out.set(m[1]!, Number(m[2]));
  }
  return out;
}

function pct(sorted: number[], p: number): number {
  return sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]! : NaN;
}

async function main(): Promise<void> {
  const redis = await startRedis();
  const port = await freePort();
  const metricsPort = await freePort();
  const appId = 'arena-bench';
  const env = { ...process.env, REDIS_URL: redis.url, PREFIX: 'bench', APP_ID: appId, PORT: String(port), METRICS_PORT: String(metricsPort), GAME_MODULE: 'arena', RESUME_GRACE_MS: '0', DRAIN_TIMEOUT_MS: '1000', LOG_LEVEL: 'warn', CAPACITY: String(PLAYERS * 2), MAX_FRAMES_PER_SEC: '1000', IDLE_TIMEOUT_MS: '600000' };
  const game = spawn(process.execPath, ['--import', 'tsx', cli, 'game'], { cwd: root, env, stdio: ['ignore', 'ignore', 'inherit'] });
  const client = createRedisClient({ url: redis.url, logger: pino({ level: 'silent' }) });
  const clients: FrameClient[] = [];
  try {
    for (let i = 0; ; i++) {
      try {
        if ((await fetch(`http://127.0.0.1:${metricsPort}/readyz`)).status === 200) break;
      } catch {}
      if (i > 300) throw new Error('game pod not ready');
      await new Promise((r) => setTimeout(r, 100));
    }
    await waitReady(client, 5000);
    const tokens = new RedisTokenStore(client, { prefix: 'bench', tokenTtlMs: 60_000 });
    let received = 0;
    let measuring = false;
    const lags: number[] = [];
    for (let i = 0; i < PLAYERS; i += 100) {
      await Promise.all(
        Array.from({ length: Math.min(100, PLAYERS - i) }, async (_, j) => {
          const account = `bench-${i + j}`;
          const token = await tokens.issue(account, appId);
          const cl = await FrameClient.connect(port);
          const rs = await cl.request(MsgId.C2G_LoginByToken, { account, token }, MsgId.G2C_LoginByTokenRs);
          if ((rs.returnCode ?? 0) !== ReturnCode.OK) throw new Error(`login ${account}: ${rs.returnCode}`);
          cl.onMessage = (msgId, body) => {
            if (msgId !== STATE || !measuring) return;
            received++;
            // One lag sample per 20 States keeps this client's CPU for receiving, not for statistics.
            if (received % 20 === 0) lags.push(Date.now() - (State.decode(body as Buffer) as unknown as { serverTimeMs: number }).serverTimeMs);
          };
          clients.push(cl);
        }),
      );
    }
    const moves = setInterval(() => {
      for (const cl of clients) cl.sendGame(MOVE, Move.encode({ dx: Math.round(Math.random() * 20 - 10), dy: Math.round(Math.random() * 20 - 10) }).finish());
    }, 200);
    await new Promise((r) => setTimeout(r, 2000)); // warm-up
    const a = await scrape(metricsPort);
    const t0 = Date.now();
    measuring = true;
    await new Promise((r) => setTimeout(r, SECONDS * 1000));
    measuring = false;
    const secs = (Date.now() - t0) / 1000;
    const b = await scrape(metricsPort);
    clearInterval(moves);
    const d = (k: string) => (b.get(k) ?? 0) - (a.get(k) ?? 0);
    const ticks = d('gamecluster_game_tick_seconds_count');
    const tickMeanMs = (d('gamecluster_game_tick_seconds_sum') / ticks) * 1000;
    // p99 from the buckets: the smallest bound holding 99 % of the window's ticks.
    const buckets = [...b.keys()].filter((k) => k.startsWith('gamecluster_game_tick_seconds_bucket')).map((k) => ({ le: Number(/le="([^"]+)"/.exec(k)![1]), n: d(k) })).sort((x, y) => x.le - y.le);
    const p99Bound = buckets.find((x) => x.n >= 0.99 * ticks)?.le;
    lags.sort((x, y) => x - y);
    const cpu = d('process_cpu_seconds_total');
    const rooms = Math.ceil(PLAYERS / 16);
    const rows = [
      `arena fan-out: ${PLAYERS} players, ${rooms} rooms, one game pod, ${secs.toFixed(1)} s measured (load average ${loadavg()[0]!.toFixed(1)} on this machine)`,
      `  States received:   ${(received / secs).toFixed(0)}/s (expected ${PLAYERS * 20}/s = players × 20 Hz)`,
      `  broadcasts:        ${(d('gamecluster_game_messages_total{msg="State"}') / secs).toFixed(0)}/s, encodes ${(d('gamecluster_game_encodes_total') / secs).toFixed(0)}/s (one per room and tick)`,
      `  Moves applied in:  ${(d('gamecluster_game_messages_total{msg="Move"}') / secs).toFixed(0)}/s`,
      `  ticks:             ${(ticks / secs).toFixed(1)}/s, mean ${tickMeanMs.toFixed(2)} ms, p99 ≤ ${p99Bound === undefined ? '?' : p99Bound * 1000} ms, skipped ${d('gamecluster_game_ticks_late_total')}`,
      `  state_lag:         p50 ${pct(lags, 50)} ms, p99 ${pct(lags, 99)} ms (${lags.length} samples; includes this client process)`,
      `  game pod CPU:      ${((cpu / secs) * 100).toFixed(0)} % of one core`,
    ];
    process.stdout.write(rows.join('\n') + '\n');
  } finally {
    for (const cl of clients) cl.destroy();
    game.kill('SIGTERM');
    await new Promise((r) => game.once('exit', r));
    await closeRedis(client);
    await redis.stop();
  }
}

await main();

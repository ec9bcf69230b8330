/**
 * WebSocket vs TCP (issue 14, "Measure"): what the WebSocket transport costs next to plain TCP, side by side.
 *
 * 1. Echo: the game pod's socket layer (test/helpers/echo-server.ts) listening on TCP and on WebSocket in ONE server
 *    child; `--connections` logged-in connections × `--inflight` 64-byte C2G_Echo frames kept in flight (each refill
 *    is one write / one WebSocket message holding the frames it replaces); frames/s and the server's CPU per frame
 *    (`process.cpuUsage()` of the child).
 * 2. Flows: complete player flows through a real local cluster (services/local/local-cluster.ts: redis-server,
 *    appmgr, 1 login, 1 game, every pod with TCP and WebSocket): GET /login (?transport=ws) → login AccountCheck →
 *    EnterGame → game LoginByToken → C2G_Leave + close, `--concurrency` in flight; flows/s and the login + game processes' CPU per
 *    flow (utime + stime from /proc/<pid>/stat).
 * Rounds alternate the order TCP / WebSocket. The load generators run in this process on the same CPUs, so the server
 * CPU columns are the ones to plan with. Run: `npm run bench:ws -- [--duration 4] [--rounds 2] [--connections 200]
 * [--inflight 10] [--concurrency 50]`. Needs redis-server (or REDIS_URL) for the flows.
 */
import { connect as netConnect } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import { WebSocket } from 'ws';
import { startLocalCluster } from '../services/local/local-cluster.js';
import { decodeBody, encodeBody } from '../services/protocol/messages.js';
import { MsgId } from '../services/protocol/wire.js';
import { encodeFrame } from '../services/socket/frame-codec.js';
import { startEchoServer } from '../test/helpers/echo-server.js';
import { benchLimits, echoRun, fmtRun, meanRun, openTcp, openWs, serveCpu, startServerChild, type Run } from './lib/echo-load.js';
import { numFlag, procCpuMicros } from './lib/measure.js';

const args = process.argv.slice(2);

/** Child: one echo server on TCP + WebSocket; reports its CPU over IPC. */
async function serve(): Promise<void> {
  const s = await startEchoServer(benchLimits, undefined, { ws: true });
  serveCpu({ tcp: s.port, ws: s.wsPort });
}

const LEAVE = encodeFrame(MsgId.C2G_Leave, encodeBody(MsgId.C2G_Leave, {}));

/** One player flow over `transport`; resolves when the game answered LoginByToken OK (then closes). */
async function flow(appmgrUrl: string, transport: 'tcp' | 'ws', account: string): Promise<void> {
  const res = await fetch(`${appmgrUrl}/login${transport === 'ws' ? '?transport=ws' : ''}`);
  const login = (await res.json()) as { returncode: number; ip: string; port: number };
  if (login.returncode !== 0) throw new Error(`/login ${login.returncode}`);
  const a = await exchange(transport, login.ip, login.port, [
    [MsgId.C2L_AccountCheck, { account, password: 'pw' }, MsgId.L2C_AccountCheckRs],
    [MsgId.C2L_EnterGame, {}, MsgId.L2C_EnterGameRs],
  ]);
  const enter = a[1] as { returnCode?: number; ip?: string; port?: number; token?: string };
  if ((enter.returnCode ?? 0) !== 0) throw new Error(`EnterGame ${enter.returnCode}`);
  // Leaving on purpose (C2G_Leave) as a real client does: a plain close would keep the player for the resume grace.
  const g = await exchange(transport, enter.ip!, enter.port!, [[MsgId.C2G_LoginByToken, { account, token: enter.token! }, MsgId.G2C_LoginByTokenRs]], LEAVE);
  if (((g[0] as { returnCode?: number }).returnCode ?? 0) !== 0) throw new Error('LoginByToken');
}

/** Opens a connection, runs request → reply steps in order, closes; the decoded replies. */
function exchange(transport: 'tcp' | 'ws', host: string, port: number, steps: [number, object, number][], last?: Buffer): Promise<unknown[]> {
  return new Promise((resolve, reject) => {
    const out: unknown[] = [];
    let i = 0;
    const frameOf = (s: [number, object, number]) => encodeFrame(s[0], encodeBody(s[0] as never, s[1] as never));
    let send: (b: Buffer) => void;
    let close: () => void;
    const onFrame = (id: number, body: Buffer) => {
      if (id !== steps[i]![2]) return void (close(), reject(new Error(`unexpected msg ${id}`)));
      out.push(decodeBody(id as never, body));
      if (++i === steps.length) {
        if (last) send(last);
        return void (close(), resolve(out));
      }
      send(frameOf(steps[i]!));
    };
    const onData = (buf: Buffer) => {
      for (let off = 0; off + 4 <= buf.length; off += buf.readUInt16LE(off)) onFrame(buf.readUInt16LE(off + 2), buf.subarray(off + 4, off + buf.readUInt16LE(off)));
    };
    if (transport === 'ws') {
      const ws = new WebSocket(`ws://${host}:${port}/`, { perMessageDeflate: false });
      send = (b) => ws.send(b);
      close = () => ws.close();
      ws.on('open', () => send(frameOf(steps[0]!)));
      ws.on('message', onData);
      ws.on('error', reject);
    } else {
      // Small replies arrive whole on loopback; a split one would show as an error, not a wrong figure.
      const s = netConnect({ host, port, noDelay: true }, () => send(frameOf(steps[0]!)));
      send = (b) => s.write(b);
      close = () => s.end();
      s.on('data', onData);
      s.on('error', reject);
    }
  });
}

async function flowRun(appmgrUrl: string, pids: number[], transport: 'tcp' | 'ws', concurrency: number, seconds: number, tag: string): Promise<Run> {
  let done = 0;
  let stop = false;
  let n = 0;
  const cpu = () => pids.reduce((a, p) => a + procCpuMicros(p), 0);
  const c0 = cpu();
  const t0 = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (!stop) {
        await flow(appmgrUrl, transport, `${tag}${n++}`);
        done++;
      }
    }).concat([sleep(seconds * 1000).then(() => void (stop = true))]),
  );
  const secs = (performance.now() - t0) / 1000;
  return { perSec: done / secs, cpuMicrosPer: (cpu() - c0) / done };
}

async function main(): Promise<void> {
  if (args[0] === '--serve') return serve();
  const duration = numFlag(args, '--duration', 4);
  const rounds = numFlag(args, '--rounds', 2);
  const connections = numFlag(args, '--connections', 200);
  const inflight = numFlag(args, '--inflight', 10);
  const concurrency = numFlag(args, '--concurrency', 50);
  console.log(`ws-vs-tcp bench: node ${process.version}; echo ${connections} connections × ${inflight} in flight; flows ${concurrency} in flight; ${duration} s per run, ${rounds} rounds alternating`);

  // 1. Echo.
  const server = await startServerChild<{ tcp: number; ws: number }>(fileURLToPath(import.meta.url), ['--serve']);
  const { ports, cpu } = server;
  const kinds = [
    { name: 'tcp', open: openTcp, port: ports.tcp },
    { name: 'ws', open: openWs, port: ports.ws },
  ];
  const echo: Record<string, Run[]> = { tcp: [], ws: [] };
  try {
    for (const k of kinds) await echoRun(cpu, k.open, k.port, 50, 5, 1); // JIT warm-up
    for (let r = 0; r < rounds; r++) {
      for (const k of r % 2 === 0 ? kinds : [...kinds].reverse()) echo[k.name]!.push(await echoRun(cpu, k.open, k.port, connections, inflight, duration));
      console.log(`  echo round ${r + 1}: TCP ${fmtRun(echo.tcp![r]!, 'frames')} | WebSocket ${fmtRun(echo.ws![r]!, 'frames')}`);
    }
  } finally {
    await server.stop();
  }

  // 2. Flows.
  const cluster = await startLocalCluster({ logins: 1, games: 1, logLevel: 'warn', log: () => {} });
  const flows: Record<string, Run[]> = { tcp: [], ws: [] };
  try {
    const pids = cluster.pods.map((p) => p.pid);
    for (const t of ['tcp', 'ws'] as const) await flowRun(cluster.appmgrUrl, pids, t, concurrency, 3, `warm-${t}-`); // JIT and pools warm
    for (let r = 0; r < rounds; r++) {
      for (const t of r % 2 === 0 ? (['tcp', 'ws'] as const) : (['ws', 'tcp'] as const)) flows[t]!.push(await flowRun(cluster.appmgrUrl, pids, t, concurrency, duration, `r${r}-${t}-`));
      console.log(`  flow round ${r + 1}: TCP ${fmtRun(flows.tcp![r]!, 'flows')} | WebSocket ${fmtRun(flows.ws![r]!, 'flows')} (login + game CPU)`);
    }
  } finally {
    await cluster.stop();
  }
  const et = meanRun(echo.tcp!);
  const ew = meanRun(echo.ws!);
  const ft = meanRun(flows.tcp!);
  const fw = meanRun(flows.ws!);
  console.log('\n| measure | TCP | WebSocket | WebSocket / TCP |');
  console.log('| --- | --- | --- | --- |');
  console.log(`| echo, ${connections} connections × ${inflight} × 64-byte frames in flight | ${Math.round(et.perSec).toLocaleString('en')} frames/s, ${et.cpuMicrosPer.toFixed(2)} µs server CPU/frame | ${Math.round(ew.perSec).toLocaleString('en')} frames/s, ${ew.cpuMicrosPer.toFixed(2)} µs | throughput ${(ew.perSec / et.perSec).toFixed(2)}, CPU per frame ×${(ew.cpuMicrosPer / et.cpuMicrosPer).toFixed(2)} |`);
  console.log(`| player flows, ${concurrency} in flight (login + game CPU) | ${Math.round(ft.perSec).toLocaleString('en')} flows/s, ${Math.round(ft.cpuMicrosPer).toLocaleString('en')} µs CPU/flow | ${Math.round(fw.perSec).toLocaleString('en')} flows/s, ${Math.round(fw.cpuMicrosPer).toLocaleString('en')} µs | throughput ${(fw.perSec / ft.perSec).toFixed(2)}, CPU per flow ×${(fw.cpuMicrosPer / ft.cpuMicrosPer).toFixed(2)} |`);
}

await main();

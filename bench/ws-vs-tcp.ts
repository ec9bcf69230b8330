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
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { readFileSync } from 'node:fs';
import { connect as netConnect, type Socket } from 'node:net';
import { createInterface } from 'node:readline';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import { WebSocket } from 'ws';
import { startLocalCluster } from '../services/local/local-cluster.js';
import { decodeBody, encodeBody } from '../services/protocol/messages.js';
import { MsgId } from '../services/protocol/wire.js';
import { encodeFrame } from '../services/socket/frame-codec.js';
import { startEchoServer } from '../test/helpers/echo-server.js';

const args = process.argv.slice(2);
const flag = (name: string, def: number) => (args.includes(name) ? Number(args[args.indexOf(name) + 1]) : def);

/** Child: one echo server on TCP + WebSocket; answers "cpu" on stdin with its CPU time so far (µs). */
async function serve(): Promise<void> {
  const s = await startEchoServer({ maxFramesPerSec: 1_000_000_000, authTimeoutMs: 600_000, idleTimeoutMs: 600_000 }, undefined, { ws: true });
  process.stdout.write(JSON.stringify({ tcp: s.port, ws: s.wsPort }) + '\n');
  for await (const line of createInterface({ input: process.stdin })) {
    if (line.trim() !== 'cpu') continue;
    const c = process.cpuUsage();
    process.stdout.write(JSON.stringify(c.user + c.system) + '\n');
  }
  process.exit(0);
}

const ECHO = encodeFrame(MsgId.C2G_Echo, encodeBody(MsgId.C2G_Echo, { payload: Buffer.alloc(58, 0x61) }));
const BURST = Buffer.concat(Array.from({ length: 64 }, () => ECHO));
const LEAVE = encodeFrame(MsgId.C2G_Leave, encodeBody(MsgId.C2G_Leave, {}));
const LOGIN = encodeFrame(MsgId.C2G_LoginByToken, encodeBody(MsgId.C2G_LoginByToken, { account: 'bench', token: 'ok' }));

/** Whole frames in a buffer, by their length prefix (the client must not be the bottleneck: no decoding). */
function countFrames(buf: Buffer): number {
  let off = 0;
  let n = 0;
  while (buf.length - off >= 4 && buf.length - off >= buf.readUInt16LE(off)) {
    off += buf.readUInt16LE(off);
    n++;
  }
  return n;
}

/** One echo connection: `write` sends bytes in one write / one WebSocket message; `onFrames` gets each reply count. */
interface EchoConn {
  write(b: Buffer): void;
  close(): void;
}
type OpenEcho = (port: number, onFrames: (n: number) => void) => Promise<EchoConn>;

const openTcp: OpenEcho = (port, onFrames) =>
  new Promise((resolve, reject) => {
    const s: Socket = netConnect({ port, host: '127.0.0.1', noDelay: true }, () => resolve({ write: (b) => s.write(b), close: () => s.destroy() }));
    s.once('error', reject);
    let carry: Buffer | undefined;
    s.on('data', (chunk: Buffer) => {
      const buf = carry ? Buffer.concat([carry, chunk]) : chunk;
      let off = 0;
      let n = 0;
      while (buf.length - off >= 4 && buf.length - off >= buf.readUInt16LE(off)) {
        off += buf.readUInt16LE(off);
        n++;
      }
      carry = off < buf.length ? buf.subarray(off) : undefined;
      if (n) onFrames(n);
    });
  });

const openWs: OpenEcho = (port, onFrames) =>
  new Promise((resolve, reject) => {
    const ws = new WebSocket(`ws://127.0.0.1:${port}/`, { perMessageDeflate: false });
    ws.once('open', () => resolve({ write: (b) => ws.send(b), close: () => ws.terminate() }));
    ws.once('error', reject);
    ws.on('message', (data: Buffer) => onFrames(countFrames(data)));
  });

interface Run {
  perSec: number;
  cpuMicrosPer: number;
}

async function echoRun(cpu: () => Promise<number>, open: OpenEcho, port: number, connections: number, inflight: number, seconds: number): Promise<Run> {
  let counting = false;
  let stopped = false;
  let count = 0;
  const conns = await Promise.all(
    Array.from({ length: connections }, async () => {
      let authed = false;
      const c: EchoConn = await open(port, (n) => {
        if (!authed) {
          authed = true;
          n -= 1;
          c.write(BURST.subarray(0, inflight * ECHO.length));
        }
        if (counting) count += n;
        if (!stopped) for (let left = n; left > 0; left -= 64) c.write(left >= 64 ? BURST : BURST.subarray(0, left * ECHO.length));
      });
      c.write(LOGIN);
      return c;
    }),
  );
  await sleep(1000);
  const c0 = await cpu();
  const t0 = performance.now();
  counting = true;
  await sleep(seconds * 1000);
  counting = false;
  const secs = (performance.now() - t0) / 1000;
  const c1 = await cpu();
  stopped = true;
  for (const c of conns) c.close();
  await sleep(300);
  return { perSec: count / secs, cpuMicrosPer: (c1 - c0) / count };
}

/** CPU µs (utime + stime) of a process, from /proc (clock ticks of 10 ms on Linux). */
function procCpuMicros(pid: number): number {
  const f = readFileSync(`/proc/${pid}/stat`, 'utf8');
  const rest = f.slice(f.lastIndexOf(')') + 2).split(' ');
  return (Number(rest[11]) + Number(rest[12])) * 10_000;
}

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
  const duration = flag('--duration', 4);
  const rounds = flag('--rounds', 2);
  const connections = flag('--connections', 200);
  const inflight = flag('--inflight', 10);
  const concurrency = flag('--concurrency', 50);
  const fmt = (r: Run, unit: string) => `${Math.round(r.perSec)} ${unit}/s (${r.cpuMicrosPer.toFixed(2)} µs server CPU each)`;
  const mean = (rs: Run[]) => ({ perSec: rs.reduce((a, r) => a + r.perSec, 0) / rs.length, cpuMicrosPer: rs.reduce((a, r) => a + r.cpuMicrosPer, 0) / rs.length });
  console.log(`ws-vs-tcp bench: node ${process.version}; echo ${connections} connections × ${inflight} in flight; flows ${concurrency} in flight; ${duration} s per run, ${rounds} rounds alternating`);

  // 1. Echo.
  const child = spawn(process.execPath, ['--import', 'tsx', fileURLToPath(import.meta.url), '--serve'], { stdio: ['pipe', 'pipe', 'inherit'] });
  const lines = createInterface({ input: child.stdout! });
  const queue: string[] = [];
  const waiters: ((l: string) => void)[] = [];
  lines.on('line', (l) => (waiters.length ? waiters.shift()!(l) : queue.push(l)));
  const next = () => (queue.length ? Promise.resolve(queue.shift()!) : new Promise<string>((r) => waiters.push(r)));
  const ports = JSON.parse(await next()) as { tcp: number; ws: number };
  const cpu = async () => (child.stdin!.write('cpu\n'), Number(await next()));
  const kinds = [
    { name: 'tcp', open: openTcp, port: ports.tcp },
    { name: 'ws', open: openWs, port: ports.ws },
  ];
  const echo: Record<string, Run[]> = { tcp: [], ws: [] };
  try {
    for (const k of kinds) await echoRun(cpu, k.open, k.port, 50, 5, 1); // JIT warm-up
    for (let r = 0; r < rounds; r++) {
      for (const k of r % 2 === 0 ? kinds : [...kinds].reverse()) echo[k.name]!.push(await echoRun(cpu, k.open, k.port, connections, inflight, duration));
      console.log(`  echo round ${r + 1}: TCP ${fmt(echo.tcp![r]!, 'frames')} | WebSocket ${fmt(echo.ws![r]!, 'frames')}`);
    }
  } finally {
    child.stdin!.end();
    await once(child, 'exit');
  }

  // 2. Flows.
  const cluster = await startLocalCluster({ logins: 1, games: 1, logLevel: 'warn', log: () => {} });
  const flows: Record<string, Run[]> = { tcp: [], ws: [] };
  try {
    const pids = cluster.pods.map((p) => p.pid);
    for (const t of ['tcp', 'ws'] as const) await flowRun(cluster.appmgrUrl, pids, t, concurrency, 3, `warm-${t}-`); // JIT and pools warm
    for (let r = 0; r < rounds; r++) {
      for (const t of r % 2 === 0 ? (['tcp', 'ws'] as const) : (['ws', 'tcp'] as const)) flows[t]!.push(await flowRun(cluster.appmgrUrl, pids, t, concurrency, duration, `r${r}-${t}-`));
      console.log(`  flow round ${r + 1}: TCP ${fmt(flows.tcp![r]!, 'flows')} | WebSocket ${fmt(flows.ws![r]!, 'flows')} (login + game CPU)`);
    }
  } finally {
    await cluster.stop();
  }
  const et = mean(echo.tcp!);
  const ew = mean(echo.ws!);
  const ft = mean(flows.tcp!);
  const fw = mean(flows.ws!);
  console.log('\n| measure | TCP | WebSocket | WebSocket / TCP |');
  console.log('| --- | --- | --- | --- |');
  console.log(`| echo, ${connections} connections × ${inflight} × 64-byte frames in flight | ${Math.round(et.perSec).toLocaleString('en')} frames/s, ${et.cpuMicrosPer.toFixed(2)} µs server CPU/frame | ${Math.round(ew.perSec).toLocaleString('en')} frames/s, ${ew.cpuMicrosPer.toFixed(2)} µs | throughput ${(ew.perSec / et.perSec).toFixed(2)}, CPU per frame ×${(ew.cpuMicrosPer / et.cpuMicrosPer).toFixed(2)} |`);
  console.log(`| player flows, ${concurrency} in flight (login + game CPU) | ${Math.round(ft.perSec).toLocaleString('en')} flows/s, ${Math.round(ft.cpuMicrosPer).toLocaleString('en')} µs CPU/flow | ${Math.round(fw.perSec).toLocaleString('en')} flows/s, ${Math.round(fw.cpuMicrosPer).toLocaleString('en')} µs | throughput ${(fw.perSec / ft.perSec).toFixed(2)}, CPU per flow ×${(fw.cpuMicrosPer / ft.cpuMicrosPer).toFixed(2)} |`);
}

await main();

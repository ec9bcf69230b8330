/**
 * Bench of the socket layer (issue 3, "Measure"). Two parts, each with the servers in child processes and the load
 * generator in this process, so servers and load never share an event loop:
 *
 * 1. Echo throughput: frames/s of our FrameServer (test/helpers/echo-server.ts: the game pod's socket layer with a
 *    C2G_Echo → G2C_Echo handler, protobuf decode + encode, metrics, limits) echoing 64-byte frames, against a raw
 *    `node:net` length-prefixed echo server doing the minimum (split frames by their u16 length, write them back),
 *    both in ONE server child. 200 connections × 10 frames in flight, for a fixed time per run; runs alternate
 *    ours / raw, after a warm-up, `--rounds` times. Prints both, and the ratio of the means (target ≥ 0.85).
 * 2. Idle memory: RSS of a fresh server child (our FrameServer, or the raw echo for reference) with 10,000
 *    authenticated idle connections, minus its RSS before them (after a full GC each time), per connection
 *    (target ≤ 8 KB). Needs `ulimit -n` above 10,000 (each side holds one fd per connection).
 *
 * Run: `npm run bench:socket-echo -- [--duration 5] [--rounds 3] [--connections 200] [--inflight 10] [--idle 10000]
 *       [--only echo|idle] [--cpu-prof <dir>]`  (`--cpu-prof` writes a .cpuprofile of the echo server child).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { connect, createServer, type Socket } from 'node:net';
import { createInterface } from 'node:readline';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import { encodeBody } from '../services/protocol/messages.js';
import { MsgId } from '../services/protocol/wire.js';
import { encodeFrame } from '../services/socket/frame-codec.js';
import { startEchoServer } from '../test/helpers/echo-server.js';

const args = process.argv.slice(2);
const flag = (name: string, def: number) => {
  const i = args.indexOf(name);
  return i >= 0 ? Number(args[i + 1]) : def;
};
const str = (name: string) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
};

// ---------------------------------------------------------------------------------------------------------------
// Server side (child process).

/** The minimum length-prefixed echo: reassemble by the u16 total length, write complete frames straight back. */
function startRawEcho(): Promise<number> {
  const server = createServer({ noDelay: true }, (socket) => {
    let pending: Buffer | undefined;
    socket.on('data', (chunk: Buffer) => {
      let buf = pending ? Buffer.concat([pending, chunk]) : chunk;
      let off = 0;
      while (buf.length - off >= 2) {
        const total = buf.readUInt16LE(off);
        if (total < 4) return socket.destroy();
        if (buf.length - off < total) break;
        off += total;
      }
      if (off > 0) socket.write(off === buf.length ? buf : buf.subarray(0, off));
      pending = off < buf.length ? buf.subarray(off) : undefined;
    });
    socket.on('error', () => {});
  });
  return new Promise((resolve) => server.listen({ port: 0, host: '127.0.0.1', backlog: 4096 }, () => resolve((server.address() as { port: number }).port)));
}

async function serve(which: string): Promise<void> {
  const gc = (globalThis as { gc?: () => void }).gc;
  const limits = { maxFramesPerSec: 1_000_000_000, authTimeoutMs: 600_000, idleTimeoutMs: 600_000 };
  const ours = which === 'raw' ? undefined : await startEchoServer(limits);
  const raw = which === 'ours' ? undefined : await startRawEcho();
  process.stdout.write(JSON.stringify({ ours: ours?.port, raw }) + '\n');
  // Control channel: "mem" → full GC, then one JSON line with memory and connection counts; "cpu" → CPU time used.
  for await (const line of createInterface({ input: process.stdin })) {
    if (line.trim() === 'cpu') {
      const c = process.cpuUsage();
      process.stdout.write(JSON.stringify({ cpuMicros: c.user + c.system }) + '\n');
      continue;
    }
    if (line.trim() !== 'mem') continue;
    for (let i = 0; i < 3; i++) {
      gc?.();
      await sleep(50);
    }
    const m = process.memoryUsage();
    process.stdout.write(JSON.stringify({ rss: m.rss, heapUsed: m.heapUsed, external: m.external, connections: ours?.server.size, authenticated: ours?.server.authenticated }) + '\n');
  }
  process.exit(0);
}

// ---------------------------------------------------------------------------------------------------------------
// Load side (this process).

interface Child {
  proc: ChildProcess;
  ports: { ours?: number; raw?: number };
  mem(): Promise<{ rss: number; heapUsed: number; external: number; connections?: number; authenticated?: number }>;
  /** CPU time (user + system, µs) the server process has used so far. */
  cpu(): Promise<number>;
  stop(): Promise<void>;
}

async function startChild(which: 'both' | 'ours' | 'raw', nodeFlags: string[] = []): Promise<Child> {
  const proc = spawn(process.execPath, [...nodeFlags, '--expose-gc', '--import', 'tsx', fileURLToPath(import.meta.url), '--serve', which], { stdio: ['pipe', 'pipe', 'inherit'] });
  const lines = createInterface({ input: proc.stdout! });
  const queue: string[] = [];
  const waiters: ((l: string) => void)[] = [];
  lines.on('line', (l) => (waiters.length ? waiters.shift()!(l) : queue.push(l)));
  const nextLine = () => (queue.length ? Promise.resolve(queue.shift()!) : new Promise<string>((r) => waiters.push(r)));
  const ports = JSON.parse(await nextLine()) as Child['ports'];
  return {
    proc,
    ports,
    async mem() {
      proc.stdin!.write('mem\n');
      return JSON.parse(await nextLine());
    },
    async cpu() {
      proc.stdin!.write('cpu\n');
      return (JSON.parse(await nextLine()) as { cpuMicros: number }).cpuMicros;
    },
    async stop() {
      proc.stdin!.end(); // the child exits when its control channel closes (lets --cpu-prof write its profile)
      await once(proc, 'exit');
    },
  };
}

/** A 64-byte C2G_Echo frame: 4 header bytes + Echo{payload: 58 bytes} (2 bytes of tag/length + 58). */
const ECHO_FRAME = encodeFrame(MsgId.C2G_Echo, encodeBody(MsgId.C2G_Echo, { payload: Buffer.alloc(58, 0x61) }));
if (ECHO_FRAME.length !== 64) throw new Error(`echo frame is ${ECHO_FRAME.length} bytes`);
const ECHO_BURST = Buffer.concat(Array.from({ length: 64 }, () => ECHO_FRAME));
const LOGIN = (account: string) => encodeFrame(MsgId.C2G_LoginByToken, encodeBody(MsgId.C2G_LoginByToken, { account, token: 'ok' }));

/**
 * A lean framed connection for the load generator: counts complete frames in each chunk by their length prefix
 * and calls `onFrames(n, firstId)`; no protobuf decoding (the client must not be the bottleneck).
 */
function openConn(port: number, onFrames: (n: number, firstId: number) => void): Promise<Socket> {
  return new Promise((resolve, reject) => {
    const s = connect({ port, host: '127.0.0.1', noDelay: true });
    let carry: Buffer | undefined;
    s.on('data', (chunk: Buffer) => {
      const buf = carry ? Buffer.concat([carry, chunk]) : chunk;
      let off = 0;
      let n = 0;
      let firstId = -1;
      while (buf.length - off >= 4) {
        const total = buf.readUInt16LE(off);
        if (buf.length - off < total) break;
        if (firstId < 0) firstId = buf.readUInt16LE(off + 2);
        off += total;
        n++;
      }
      carry = off < buf.length ? buf.subarray(off) : undefined;
      if (n) onFrames(n, firstId);
    });
    s.once('connect', () => (s.off('error', reject), s.on('error', () => {}), resolve(s)));
    s.once('error', reject);
  });
}

async function logIn(port: number, account: string, onFrames: (n: number) => void): Promise<Socket> {
  let loggedIn: () => void = () => {};
  const ready = new Promise<void>((r) => (loggedIn = r));
  let authed = false;
  const s = await openConn(port, (n, firstId) => {
    if (!authed) {
      if (firstId !== MsgId.G2C_LoginByTokenRs) throw new Error(`expected LoginByTokenRs, got ${firstId}`);
      authed = true;
      loggedIn();
      n -= 1;
    }
    if (n) onFrames(n);
  });
  s.write(LOGIN(account));
  await ready;
  return s;
}

interface EchoResult {
  /** Frames echoed per second of wall time. */
  fps: number;
  /** Server CPU time (user + system) per echoed frame, µs: robust to other load on the machine. */
  cpuPerFrame: number;
}

/** One echo run: `connections` × `inflight` frames kept in flight for `seconds`. */
async function echoRun(child: Child, ours: boolean, connections: number, inflight: number, seconds: number): Promise<EchoResult> {
  const port = (ours ? child.ports.ours : child.ports.raw)!;
  let counting = false;
  let stopped = false;
  let count = 0;
  const sockets = await Promise.all(
    Array.from({ length: connections }, async (_, i) => {
      let s: Socket;
      const onFrames = (n: number) => {
        if (counting) count += n;
        if (stopped) return;
        // Replace every answered frame with a new one: `inflight` stay outstanding on the connection.
        for (let left = n; left > 0; left -= 64) s.write(left >= 64 ? ECHO_BURST : ECHO_BURST.subarray(0, left * 64));
      };
      s = ours ? await logIn(port, `bench-${i}`, onFrames) : await openConn(port, onFrames);
      return s;
    }),
  );
  for (const s of sockets) s.write(ECHO_BURST.subarray(0, inflight * 64));
  await sleep(1000); // ramp
  const cpu0 = await child.cpu();
  counting = true;
  const t0 = process.hrtime.bigint();
  await sleep(seconds * 1000);
  counting = false;
  const elapsed = Number(process.hrtime.bigint() - t0) / 1e9;
  const cpu1 = await child.cpu();
  stopped = true;
  for (const s of sockets) s.destroy();
  await sleep(300);
  return { fps: count / elapsed, cpuPerFrame: (cpu1 - cpu0) / count };
}

async function benchEcho(): Promise<void> {
  const duration = flag('--duration', 5);
  const rounds = flag('--rounds', 3);
  const connections = flag('--connections', 200);
  const inflight = flag('--inflight', 10);
  const prof = str('--cpu-prof');
  // With --cpu-prof only our server is loaded after the warm-up, so the profile is of FrameServer alone.
  const profileOurs = prof !== undefined;
  const child = await startChild('both', prof ? ['--cpu-prof', `--cpu-prof-dir=${prof}`] : []);
  const f = (r: EchoResult) => `${Math.round(r.fps)} frames/s (${r.cpuPerFrame.toFixed(2)} µs server CPU/frame)`;
  try {
    console.log(`echo: ${connections} connections × ${inflight} in flight, 64-byte frames, ${duration} s per run, ${rounds} rounds (alternating), servers in one child process, load here`);
    await echoRun(child, true, connections, inflight, 2); // warm-up (JIT) of both
    await echoRun(child, false, connections, inflight, 2);
    const oursRuns: EchoResult[] = [];
    const rawRuns: EchoResult[] = [];
    for (let r = 0; r < rounds; r++) {
      // alternate the order each round so drift (other load on the box) hits both alike
      const order = profileOurs ? ['ours'] : r % 2 === 0 ? ['ours', 'raw'] : ['raw', 'ours'];
      for (const which of order) (which === 'ours' ? oursRuns : rawRuns).push(await echoRun(child, which === 'ours', connections, inflight, duration));
      if (profileOurs) continue;
      const o = oursRuns[r]!;
      const w = rawRuns[r]!;
      console.log(`  round ${r + 1}: FrameServer ${f(o)} | raw net ${f(w)} | ratio ${(o.fps / w.fps).toFixed(2)}, CPU ratio ${(w.cpuPerFrame / o.cpuPerFrame).toFixed(2)}`);
    }
    const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
    const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
    if (profileOurs) return void console.log(`profiled: FrameServer ${oursRuns.map(f).join(', ')}; profile in ${prof}`);
    const o = { fps: mean(oursRuns.map((r) => r.fps)), cpuPerFrame: mean(oursRuns.map((r) => r.cpuPerFrame)) };
    const w = { fps: mean(rawRuns.map((r) => r.fps)), cpuPerFrame: mean(rawRuns.map((r) => r.cpuPerFrame)) };
    const ratios = oursRuns.map((r, i) => r.fps / rawRuns[i]!.fps);
    console.log(`echo result (means): FrameServer ${f(o)}, raw net echo ${f(w)}`);
    console.log(`  throughput ratio ${(o.fps / w.fps).toFixed(2)} (median of rounds ${median(ratios).toFixed(2)}; target ≥ 0.85); ` + `server CPU per frame, raw / ours: ${(w.cpuPerFrame / o.cpuPerFrame).toFixed(2)}`);
  } finally {
    await child.stop();
  }
}

/** Opens `n` connections (authenticated on ours), leaves them idle, and returns the server's RSS growth per connection. */
async function idleRun(which: 'ours' | 'raw', n: number): Promise<void> {
  const child = await startChild(which);
  const port = (which === 'ours' ? child.ports.ours : child.ports.raw)!;
  const sockets: Socket[] = [];
  try {
    // Baseline after the listener is up and one connection came and went (lazy init paid), fully GC'd.
    const warm = which === 'ours' ? await logIn(port, 'warm', () => {}) : await openConn(port, () => {});
    warm.destroy();
    await sleep(300);
    const base = await child.mem();
    const batch = 500;
    for (let i = 0; i < n; i += batch) {
      const k = Math.min(batch, n - i);
      sockets.push(...(await Promise.all(Array.from({ length: k }, (_, j) => (which === 'ours' ? logIn(port, `idle-${i + j}`, () => {}) : openConn(port, () => {}))))));
    }
    await sleep(1000);
    const full = await child.mem();
    if (which === 'ours' && full.authenticated !== n) throw new Error(`expected ${n} authenticated connections, server has ${full.authenticated}`);
    const per = (full.rss - base.rss) / n;
    const heapPer = (full.heapUsed - base.heapUsed) / n;
    const label = which === 'ours' ? 'FrameServer (authenticated)' : 'raw net echo (reference)';
    console.log(
      `idle: ${label}: baseline RSS ${(base.rss / 2 ** 20).toFixed(1)} MiB, with ${n} idle connections ${(full.rss / 2 ** 20).toFixed(1)} MiB → ` +
        `${(per / 1024).toFixed(2)} KiB RSS per connection (JS heap ${(heapPer / 1024).toFixed(2)} KiB of it)${which === 'ours' ? ' (target ≤ 8 KB)' : ''}`,
    );
  } finally {
    for (const s of sockets) s.destroy();
    await child.stop();
  }
}

async function benchIdle(): Promise<void> {
  const n = flag('--idle', 10_000);
  await idleRun('ours', n);
  await idleRun('raw', n);
}

async function main(): Promise<void> {
  if (args[0] === '--serve') return serve(args[1]!);
  console.log(`socket-echo bench: node ${process.version}, ${(await import('node:os')).availableParallelism()} CPUs`);
  const only = str('--only');
  if (only !== 'idle') await benchEcho();
  if (only !== 'echo') await benchIdle();
}

await main();

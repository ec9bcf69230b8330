/**
 * Bench of the socket layer, server-bound (issue 16). Three kinds of process: our echo server (the game pod's socket
 * layer, test/helpers/echo-server.ts: FrameServer with a C2G_Echo → G2C_Echo handler, protobuf decode + encode,
 * metrics, limits), the raw `node:net` echo (split by the u16 length, write complete frames back: the minimum), each
 * in ITS OWN child process, and the load generator in a third child process. The generator is leaner than the raw
 * echo (it counts answered frames by byte count and answers every read with ONE write of the same number of
 * pre-encoded frames), so the server is the bottleneck; each run reports the server's CPU (from /proc) per frame
 * and its share of one core — a run below 90 % of a core says "NOT saturated" (then the generator, loopback or the
 * other jobs on the box set the pace, and the ratio is not the server's).
 *
 * 1. Echo: 200 connections × 10 frames of 64 bytes in flight; after a warm-up of both, `--rounds` rounds each
 *    running ours and raw (order swapped every round), `--duration` s measured per run after a 1 s ramp. Prints per
 *    round and the medians: frames/s, server µs CPU per frame, ratio (target ≥ 0.85) and CPU ratio (≤ 1.2× raw).
 * 2. Idle (`--only idle`): RSS growth per authenticated idle connection of a fresh server child after a full GC.
 *
 * Run: `npm run bench:socket-echo -- [--duration 5] [--rounds 3] [--connections 200] [--inflight 10] [--idle 10000]
 *       [--only echo|idle] [--cpu-prof <dir>] [--baseline <git-ref>] [--tsx] [--no-pin]`  (echo: servers pinned to CPU 0,
 *       the generator to the others — bench/lib/measure.ts `pinning`; our server runs compiled, as the image
 *       ships it — `npm run build` — unless `--tsx` runs the sources; `--cpu-prof` profiles our server child;
 *       summarize with `npx tsx bench/cpu-profile-top.ts <file>`; `--baseline` adds a third echo server per round —
 *       the echo server of that ref, extracted with git archive — for a before/after in the same run).
 */
import { connect, createServer, type Socket } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import { encodeBody } from '../services/protocol/messages.js';
import { MsgId } from '../services/protocol/wire.js';
import { encodeFrame } from '../services/socket/frame-codec.js';
import { startEchoServer } from '../test/helpers/echo-server.js';
import { join } from 'node:path';
import { baselineTree, boxLine, compiledServices, cores, pinning, median, removeTree, numFlag, onParent, openWindow, saturation, spawnIpc, strFlag, type IpcChild } from './lib/measure.js';

const args = process.argv.slice(2);
const self = fileURLToPath(import.meta.url);

// ---------------------------------------------------------------------------------------------------------------
// Server children.

/** The minimum length-prefixed echo: reassemble by the u16 total length, write complete frames straight back. */
function startRawEcho(): Promise<number> {
  const server = createServer({ noDelay: true }, (socket) => {
    let pending: Buffer | undefined;
    socket.on('data', (chunk: Buffer) => {
      const buf = pending ? Buffer.concat([pending, chunk]) : chunk;
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

/** `services`: a compiled services tree to run (this tree's or a baseline's), else this tree's sources through tsx. */
async function serve(which: string, services?: string): Promise<void> {
  const gc = (globalThis as { gc?: () => void }).gc;
  const limits = { maxFramesPerSec: 1_000_000_000, authTimeoutMs: 600_000, idleTimeoutMs: 600_000 };
  const ours = which === 'ours' ? await startEchoServer(limits, undefined, services ? { services } : {}) : undefined;
  const port = ours ? ours.port : await startRawEcho();
  onParent(async (m) => {
    if (m.cmd !== 'mem') return { error: `unknown ${String(m.cmd)}` };
    for (let i = 0; i < 3; i++) {
      gc?.();
      await sleep(50);
    }
    const u = process.memoryUsage();
    return { rss: u.rss, heapUsed: u.heapUsed, connections: ours?.server.size, authenticated: ours?.server.authenticated };
  });
  process.send!({ port });
}

// ---------------------------------------------------------------------------------------------------------------
// Load generator child.

/** A 64-byte C2G_Echo frame: 4 header bytes + Echo{payload: 58 bytes} (2 bytes of tag/length + 58). */
const FRAME = 64;
const ECHO_FRAME = encodeFrame(MsgId.C2G_Echo, encodeBody(MsgId.C2G_Echo, { payload: Buffer.alloc(58, 0x61) }));
if (ECHO_FRAME.length !== FRAME) throw new Error(`echo frame is ${ECHO_FRAME.length} bytes`);
const ECHO_BURST = Buffer.concat(Array.from({ length: 256 }, () => ECHO_FRAME));
const LOGIN = (account: string) => encodeFrame(MsgId.C2G_LoginByToken, encodeBody(MsgId.C2G_LoginByToken, { account, token: 'ok' }));

/** Connects; with `account`, logs in first (C2G_LoginByToken → G2C_LoginByTokenRs) and resolves after the answer. */
function open(port: number, account: string | undefined): Promise<Socket> {
  return new Promise((resolve, reject) => {
    const s = connect({ port, host: '127.0.0.1', noDelay: true });
    s.once('error', reject);
    s.once('connect', () => {
      s.off('error', reject);
      s.on('error', () => {});
      if (account === undefined) return resolve(s);
      let got: Buffer = Buffer.alloc(0);
      const onData = (d: Buffer) => {
        got = Buffer.concat([got, d]);
        if (got.length < 4 || got.length < got.readUInt16LE(0)) return;
        s.off('data', onData);
        const id = got.readUInt16LE(2);
        if (id !== MsgId.G2C_LoginByTokenRs || got.length !== got.readUInt16LE(0)) return reject(new Error(`expected one LoginByTokenRs, got id ${id}, ${got.length} bytes`));
        resolve(s);
      };
      s.on('data', onData);
      s.write(LOGIN(account));
    });
  });
}

interface EchoJob {
  port: number;
  login: boolean;
  serverPid: number;
  connections: number;
  inflight: number;
  seconds: number;
}

async function echoJob(j: EchoJob) {
  const sockets = await Promise.all(Array.from({ length: j.connections }, (_, i) => open(j.port, j.login ? `bench-${i}` : undefined)));
  let counting = false;
  let stopped = false;
  let frames = 0;
  for (const s of sockets) {
    let bytes = 0; // answered bytes not yet a whole frame
    s.on('data', (chunk: Buffer) => {
      bytes += chunk.length;
      const n = (bytes / FRAME) | 0;
      if (n === 0) return;
      bytes -= n * FRAME;
      if (counting) frames += n;
      if (stopped) return;
      // One write per read: replace every answered frame, so `inflight` stay outstanding on the connection.
      s.write(n <= 256 ? ECHO_BURST.subarray(0, n * FRAME) : Buffer.concat(Array.from({ length: Math.ceil(n / 256) }, (_, k) => ECHO_BURST.subarray(0, Math.min(256, n - k * 256) * FRAME))));
    });
    s.write(ECHO_BURST.subarray(0, j.inflight * FRAME));
  }
  await sleep(1000); // ramp
  const close = await openWindow([j.serverPid, process.pid]);
  counting = true;
  await sleep(j.seconds * 1000);
  counting = false;
  const w = await close();
  stopped = true;
  for (const s of sockets) s.destroy();
  await sleep(300);
  return { frames, seconds: w.seconds, serverCpu: w.cpu[0]!, genCpu: w.cpu[1]!, boxBusy: w.boxBusy, othersCpuS: w.othersCpuS, load1: w.load1 };
}

let idleSockets: Socket[] = [];
async function idleJob(port: number, login: boolean, n: number) {
  for (let i = 0; i < n; i += 500) {
    const k = Math.min(500, n - i);
    idleSockets.push(...(await Promise.all(Array.from({ length: k }, (_, x) => open(port, login ? `idle-${i + x}` : undefined)))));
  }
  return { opened: idleSockets.length };
}

function load(): void {
  onParent(async (m) => {
    if (m.cmd === 'echo') return echoJob(m as unknown as EchoJob);
    if (m.cmd === 'idle') return idleJob(m.port as number, m.login as boolean, m.n as number);
    if (m.cmd === 'close') {
      for (const s of idleSockets) s.destroy();
      idleSockets = [];
      await sleep(300);
      return { closed: true };
    }
    return { error: `unknown ${String(m.cmd)}` };
  });
  process.send!({ ready: true });
}

// ---------------------------------------------------------------------------------------------------------------
// Orchestration (this process: no load, no server).

/**
 * Our server runs compiled, as the image ships it (`npm run build`), unless `--tsx`: `compiled(tree)` builds a tree
 * once and passes its dist to the child. `file` is a baseline's own bench file when measuring its sources.
 */
const viaTsx = args.includes('--tsx');
const built = new Map<string, string>();
async function compiled(tree: string): Promise<string | undefined> {
  if (viaTsx) return undefined;
  if (!built.has(tree)) built.set(tree, await compiledServices(tree));
  return built.get(tree);
}
const root = fileURLToPath(new URL('../', import.meta.url));

async function startServer(which: 'ours' | 'raw', nodeFlags: string[] = [], tree = root): Promise<IpcChild & { port: number }> {
  const services = which === 'ours' ? await compiled(tree) : undefined;
  // From sources (--tsx), a baseline runs its own bench file (its echo server and socket layer).
  const file = services || tree === root ? self : join(tree, 'bench/socket-echo.ts');
  const c = spawnIpc(file, services ? ['--serve', which, services] : ['--serve', which], ['--expose-gc', ...nodeFlags]);
  const m = await c.next<{ port?: number; error?: string }>();
  if (!m.port) throw new Error(`server ${which}: ${m.error}`);
  return Object.assign(c, { port: m.port });
}

async function startLoad(): Promise<IpcChild> {
  const c = spawnIpc(self, ['--load']);
  await c.next();
  return c;
}

type Run = Awaited<ReturnType<typeof echoJob>>;
const fps = (r: Run) => r.frames / r.seconds;
const cpf = (r: Run) => r.serverCpu / r.frames;

async function benchEcho(): Promise<void> {
  const duration = numFlag(args, '--duration', 5);
  const rounds = numFlag(args, '--rounds', 3);
  const connections = numFlag(args, '--connections', 200);
  const inflight = numFlag(args, '--inflight', 10);
  const prof = strFlag(args, '--cpu-prof');
  const baseRef = strFlag(args, '--baseline');
  const baseDir = baseRef ? await baselineTree(baseRef) : undefined;
  const ours = await startServer('ours', prof ? ['--cpu-prof', `--cpu-prof-dir=${prof}`] : []);
  const raw = await startServer('raw');
  // The baseline's echo server: its compiled socket layer (or, with --tsx, its own bench file and sources).
  const base = baseDir ? await startServer('ours', [], baseDir) : undefined;
  const gen = await startLoad();
  const pin = pinning(args);
  for (const srv of [ours, raw, base]) if (srv) pin.server(srv.pid);
  pin.others(gen.pid);
  const run = async (which: 'ours' | 'raw' | 'base', seconds: number): Promise<Run> => {
    const s = which === 'ours' ? ours : which === 'raw' ? raw : base!;
    gen.send({ cmd: 'echo', port: s.port, login: which !== 'raw', serverPid: s.pid, connections, inflight, seconds });
    const r = await gen.next<Run & { error?: string }>();
    if (r.error) throw new Error(r.error);
    return r;
  };
  const f = (r: Run) => `${Math.round(fps(r)).toLocaleString('en')} frames/s, ${cpf(r).toFixed(2)} µs CPU/frame, server ${cores(r.serverCpu, r.seconds)} / generator ${cores(r.genCpu, r.seconds)} of a core${saturation(r.serverCpu, r.seconds)}`;
  try {
    console.log(`echo: ${connections} connections × ${inflight} × ${FRAME}-byte frames in flight, ${duration} s per run, ${rounds} rounds alternated; ours, raw and the generator each in its own process; ${pin.line}; ${boxLine()}`);
    await run('ours', 2); // warm-up (JIT)
    await run('raw', 2);
    if (base) await run('base', 2);
    const o: Run[] = [];
    const w: Run[] = [];
    const bs: Run[] = [];
    const order: ('ours' | 'raw' | 'base')[] = base ? ['ours', 'raw', 'base'] : ['ours', 'raw'];
    for (let r = 0; r < rounds; r++) {
      for (const which of r % 2 === 0 ? order : [...order].reverse()) (which === 'ours' ? o : which === 'raw' ? w : bs).push(await run(which, duration));
      const a = o[r]!;
      const b = w[r]!;
      const c = bs[r];
      console.log(
        `  round ${r + 1}: ours ${f(a)}\n           raw  ${f(b)}\n` +
          (c ? `           base ${f(c)} (${baseRef})\n` : '') +
          `           ratio ${(fps(a) / fps(b)).toFixed(2)}, CPU/frame ours/raw ${(cpf(a) / cpf(b)).toFixed(2)}${c ? `, base/raw ${(cpf(c) / cpf(b)).toFixed(2)}` : ''}; box busy ${Math.round(((a.boxBusy + b.boxBusy) / 2) * 100)} %, other jobs ${((a.othersCpuS + b.othersCpuS) / (a.seconds + b.seconds)).toFixed(2)} cores, load ${a.load1.toFixed(1)}`,
      );
    }
    const mo = median(o.map(fps));
    const mw = median(w.map(fps));
    const co = median(o.map(cpf));
    const cw = median(w.map(cpf));
    const unsat = [...o, ...w].filter((r) => saturation(r.serverCpu, r.seconds)).length;
    console.log(`echo (medians of ${rounds}): ours ${Math.round(mo).toLocaleString('en')} frames/s, ${co.toFixed(2)} µs CPU/frame | raw net ${Math.round(mw).toLocaleString('en')} frames/s, ${cw.toFixed(2)} µs CPU/frame`);
    console.log(`  throughput ratio ${(mo / mw).toFixed(2)} (target ≥ 0.85); server CPU per frame ours/raw ${(co / cw).toFixed(2)} (target ≤ 1.2)${unsat ? `; ${unsat} of ${o.length + w.length} runs NOT saturated (see above)` : '; every run server-saturated'}`);
    if (base) {
      const mb = median(bs.map(fps));
      const cb = median(bs.map(cpf));
      console.log(`  baseline ${baseRef}: ${Math.round(mb).toLocaleString('en')} frames/s, ${cb.toFixed(2)} µs CPU/frame (ratio ${(mb / mw).toFixed(2)}, CPU/frame base/raw ${(cb / cw).toFixed(2)}); this tree / baseline CPU per frame ${(co / cb).toFixed(2)}`);
    }
    if (prof) console.log(`profile of our server child in ${prof}`);
  } finally {
    await gen.stop();
    await ours.stop();
    await raw.stop();
    await base?.stop();
    if (baseDir) await removeTree(baseDir);
  }
}

/** Opens `n` connections (authenticated on ours), leaves them idle, and prints the server's RSS growth per connection. */
async function idleRun(which: 'ours' | 'raw', n: number, tree = root, label = ''): Promise<void> {
  const s = await startServer(which, [], tree);
  const gen = await startLoad();
  try {
    gen.send({ cmd: 'idle', port: s.port, login: which === 'ours', n: 1 }); // lazy init paid
    await gen.next();
    gen.send({ cmd: 'close' });
    await gen.next();
    s.send({ cmd: 'mem' });
    const base = await s.next<{ rss: number; heapUsed: number }>();
    gen.send({ cmd: 'idle', port: s.port, login: which === 'ours', n });
    await gen.next();
    await sleep(1000);
    s.send({ cmd: 'mem' });
    const full = await s.next<{ rss: number; heapUsed: number; authenticated?: number }>();
    if (which === 'ours' && full.authenticated !== n) throw new Error(`expected ${n} authenticated connections, server has ${full.authenticated}`);
    const per = (full.rss - base.rss) / n;
    const heapPer = (full.heapUsed - base.heapUsed) / n;
    console.log(
      `idle: ${which === 'ours' ? `FrameServer (authenticated)${label}` : 'raw net echo (reference)'}: RSS ${(base.rss / 2 ** 20).toFixed(1)} → ${(full.rss / 2 ** 20).toFixed(1)} MiB with ${n} idle connections, after a full GC: ` +
        `${(per / 1024).toFixed(2)} KiB per connection (JS heap ${(heapPer / 1024).toFixed(2)} KiB of it)`,
    );
  } finally {
    await gen.stop();
    await s.stop();
  }
}

async function main(): Promise<void> {
  if (args[0] === '--serve') return serve(args[1]!, args[2]);
  if (args[0] === '--load') return load();
  console.log(`socket-echo bench: ${(await import('node:os')).availableParallelism()} CPUs`);
  const only = strFlag(args, '--only');
  if (only !== 'idle') await benchEcho();
  if (only !== 'echo') {
    const n = numFlag(args, '--idle', 10_000);
    await idleRun('ours', n);
    await idleRun('raw', n);
    const baseRef = strFlag(args, '--baseline');
    if (baseRef) {
      const dir = await baselineTree(baseRef);
      try {
        await idleRun('ours', n, dir, ` of ${baseRef}`);
      } finally {
        await removeTree(dir);
      }
    }
  }
}

await main();

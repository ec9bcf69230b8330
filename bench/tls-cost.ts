/**
 * What TLS costs a pod (issue 13, point 6): the same FrameServer (test/helpers/echo-server.ts, the game pod's socket
 * layer) served over plain TCP and over TLS 1.3 (a P-256 certificate made with openssl for the run), both in ONE
 * server child, the load generator in this process. Two measures, rounds alternating plain / TLS:
 *
 * 1. Echo: `--connections` logged-in connections × `--inflight` 64-byte C2G_Echo frames kept in flight; frames/s and
 *    the server's CPU per frame.
 * 2. Connection setup (what a player flow pays twice, at login and at game): `--concurrency` loops of connect (+ TLS
 *    handshake) → C2G_LoginByToken → answer → close; connections/s and the server's CPU per connection.
 *
 * Server CPU is read from the child (`process.cpuUsage()`), so the figures hold whatever else loads the machine.
 * Run: `npm run bench:tls -- [--duration 4] [--rounds 3] [--connections 200] [--inflight 10] [--concurrency 50]`
 */
import { execFileSync, spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, rmSync } from 'node:fs';
import { connect as netConnect, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { setTimeout as sleep } from 'node:timers/promises';
import { connect as tlsConnect } from 'node:tls';
import { fileURLToPath } from 'node:url';
import { pino } from 'pino';
import { encodeBody } from '../services/protocol/messages.js';
import { MsgId } from '../services/protocol/wire.js';
import { encodeFrame } from '../services/socket/frame-codec.js';
import { TlsFiles } from '../services/socket/tls-files.js';
import { startEchoServer } from '../test/helpers/echo-server.js';

const args = process.argv.slice(2);
const flag = (name: string, def: number) => (args.includes(name) ? Number(args[args.indexOf(name) + 1]) : def);

/** Child: one plain and one TLS echo server; answers "cpu" on stdin with its CPU time so far (µs). */
async function serve(certDir: string): Promise<void> {
  const limits = { maxFramesPerSec: 1_000_000_000, authTimeoutMs: 600_000, idleTimeoutMs: 600_000 };
  const plain = await startEchoServer(limits);
  const tls = await startEchoServer(limits, new TlsFiles({ certFile: join(certDir, 's.crt'), keyFile: join(certDir, 's.key') }, pino({ level: 'silent' })));
  process.stdout.write(JSON.stringify({ plain: plain.port, tls: tls.port }) + '\n');
  for await (const line of createInterface({ input: process.stdin })) {
    if (line.trim() !== 'cpu') continue;
    const c = process.cpuUsage();
    process.stdout.write(JSON.stringify(c.user + c.system) + '\n');
  }
  process.exit(0);
}

const ECHO = encodeFrame(MsgId.C2G_Echo, encodeBody(MsgId.C2G_Echo, { payload: Buffer.alloc(58, 0x61) }));
const BURST = Buffer.concat(Array.from({ length: 64 }, () => ECHO));
const LOGIN = encodeFrame(MsgId.C2G_LoginByToken, encodeBody(MsgId.C2G_LoginByToken, { account: 'bench', token: 'ok' }));

type Open = (port: number) => Promise<Socket>;
const openPlain: Open = (port) =>
  new Promise((resolve, reject) => {
    const s = netConnect({ port, host: '127.0.0.1', noDelay: true }, () => resolve(s));
    s.once('error', reject);
  });
const openTls =
  (ca: Buffer): Open =>
  (port) =>
    new Promise((resolve, reject) => {
      const s = tlsConnect({ port, host: '127.0.0.1', ca }, () => (s.setNoDelay(true), resolve(s)));
      s.once('error', reject);
    });

/** Counts complete frames per chunk by their length prefix (no decoding: the client must not be the bottleneck). */
function onFrames(s: Socket, fn: (n: number) => void): void {
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
    if (n) fn(n);
  });
}

interface Run {
  perSec: number;
  cpuMicrosPer: number;
}

async function echoRun(cpu: () => Promise<number>, open: Open, port: number, connections: number, inflight: number, seconds: number): Promise<Run> {
  let counting = false;
  let stopped = false;
  let count = 0;
  const socks = await Promise.all(
    Array.from({ length: connections }, async () => {
      const s = await open(port);
      let authed = false;
      onFrames(s, (n) => {
        if (!authed) {
          authed = true;
          n -= 1;
          s.write(BURST.subarray(0, inflight * 64));
        }
        if (counting) count += n;
        if (!stopped) for (let left = n; left > 0; left -= 64) s.write(left >= 64 ? BURST : BURST.subarray(0, left * 64));
      });
      s.write(LOGIN);
      return s;
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
  for (const s of socks) s.destroy();
  await sleep(300);
  return { perSec: count / secs, cpuMicrosPer: (c1 - c0) / count };
}

async function connectRun(cpu: () => Promise<number>, open: Open, port: number, concurrency: number, seconds: number): Promise<Run> {
  let done = 0;
  let stop = false;
  const one = async () => {
    const s = await open(port);
    await new Promise<void>((resolve) => {
      onFrames(s, () => resolve());
      s.write(LOGIN);
    });
    s.destroy();
  };
  await Promise.all(Array.from({ length: concurrency }, () => one())); // warm
  const c0 = await cpu();
  const t0 = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (!stop) {
        await one();
        done++;
      }
    }).concat([sleep(seconds * 1000).then(() => void (stop = true))]),
  );
  const secs = (performance.now() - t0) / 1000;
  const c1 = await cpu();
  await sleep(300);
  return { perSec: done / secs, cpuMicrosPer: (c1 - c0) / done };
}

async function main(): Promise<void> {
  if (args[0] === '--serve') return serve(args[1]!);
  const duration = flag('--duration', 4);
  const rounds = flag('--rounds', 3);
  const connections = flag('--connections', 200);
  const inflight = flag('--inflight', 10);
  const concurrency = flag('--concurrency', 50);
  const dir = mkdtempSync(join(tmpdir(), 'gc-tls-bench-'));
  const ossl = (...a: string[]) => execFileSync('openssl', a, { cwd: dir, stdio: 'pipe' });
  ossl('req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:P-256', '-nodes', '-keyout', 's.key', '-out', 's.crt', '-subj', '/CN=127.0.0.1', '-addext', 'subjectAltName=IP:127.0.0.1', '-days', '1');
  const ca = execFileSync('cat', [join(dir, 's.crt')]);
  const child = spawn(process.execPath, ['--import', 'tsx', fileURLToPath(import.meta.url), '--serve', dir], { stdio: ['pipe', 'pipe', 'inherit'] });
  const lines = createInterface({ input: child.stdout! });
  const queue: string[] = [];
  const waiters: ((l: string) => void)[] = [];
  lines.on('line', (l) => (waiters.length ? waiters.shift()!(l) : queue.push(l)));
  const next = () => (queue.length ? Promise.resolve(queue.shift()!) : new Promise<string>((r) => waiters.push(r)));
  const ports = JSON.parse(await next()) as { plain: number; tls: number };
  const cpu = async () => (child.stdin!.write('cpu\n'), Number(await next()));
  const kinds = [
    { name: 'plain', open: openPlain, port: ports.plain },
    { name: 'tls', open: openTls(ca), port: ports.tls },
  ];
  const fmt = (r: Run, unit: string) => `${Math.round(r.perSec)} ${unit}/s (${r.cpuMicrosPer.toFixed(2)} µs server CPU each)`;
  const mean = (rs: Run[]) => ({ perSec: rs.reduce((a, r) => a + r.perSec, 0) / rs.length, cpuMicrosPer: rs.reduce((a, r) => a + r.cpuMicrosPer, 0) / rs.length });
  try {
    console.log(`tls-cost bench: node ${process.version}; echo ${connections} connections × ${inflight} in flight, connect ${concurrency} loops, ${duration} s per run, ${rounds} rounds alternating`);
    for (const k of kinds) await echoRun(cpu, k.open, k.port, 50, 5, 1); // JIT warm-up
    const echo: Record<string, Run[]> = { plain: [], tls: [] };
    const conn: Record<string, Run[]> = { plain: [], tls: [] };
    for (let r = 0; r < rounds; r++) {
      for (const k of r % 2 === 0 ? kinds : [...kinds].reverse()) echo[k.name]!.push(await echoRun(cpu, k.open, k.port, connections, inflight, duration));
      for (const k of r % 2 === 0 ? kinds : [...kinds].reverse()) conn[k.name]!.push(await connectRun(cpu, k.open, k.port, concurrency, duration));
      console.log(`  round ${r + 1}: echo plain ${fmt(echo.plain![r]!, 'frames')} | tls ${fmt(echo.tls![r]!, 'frames')}; connect plain ${fmt(conn.plain![r]!, 'conns')} | tls ${fmt(conn.tls![r]!, 'conns')}`);
    }
    const ep = mean(echo.plain!);
    const et = mean(echo.tls!);
    const cp = mean(conn.plain!);
    const ct = mean(conn.tls!);
    console.log(`echo (means): plain ${fmt(ep, 'frames')}, TLS ${fmt(et, 'frames')} → throughput ratio TLS/plain ${(et.perSec / ep.perSec).toFixed(2)}, CPU per frame ×${(et.cpuMicrosPer / ep.cpuMicrosPer).toFixed(2)}`);
    console.log(`connect+login (means): plain ${fmt(cp, 'conns')}, TLS ${fmt(ct, 'conns')} → ratio ${(ct.perSec / cp.perSec).toFixed(2)}, CPU per connection ×${(ct.cpuMicrosPer / cp.cpuMicrosPer).toFixed(2)}`);
  } finally {
    child.stdin!.end();
    await once(child, 'exit');
    rmSync(dir, { recursive: true, force: true });
  }
}

await main();

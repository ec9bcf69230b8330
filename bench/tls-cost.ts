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
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import { pino } from 'pino';
import { TlsFiles } from '../services/socket/tls-files.js';
import { startEchoServer } from '../test/helpers/echo-server.js';
import { benchLimits, echoRun, fmtRun, LOGIN, meanRun, openTcp, openTls, serveCpu, startServerChild, type OpenEcho, type Run } from './lib/echo-load.js';
import { numFlag } from './lib/measure.js';

const args = process.argv.slice(2);

/** Child: one plain and one TLS echo server; reports its CPU over IPC. */
async function serve(certDir: string): Promise<void> {
  const plain = await startEchoServer(benchLimits);
  const tls = await startEchoServer(benchLimits, new TlsFiles({ certFile: join(certDir, 's.crt'), keyFile: join(certDir, 's.key') }, pino({ level: 'silent' })));
  serveCpu({ plain: plain.port, tls: tls.port });
}

async function connectRun(cpu: () => Promise<number>, open: OpenEcho, port: number, concurrency: number, seconds: number): Promise<Run> {
  let done = 0;
  let stop = false;
  const one = async () => {
    let answered!: () => void;
    const answer = new Promise<void>((r) => (answered = r));
    const c = await open(port, () => answered());
    c.write(LOGIN);
    await answer;
    c.close();
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
  const duration = numFlag(args, '--duration', 4);
  const rounds = numFlag(args, '--rounds', 3);
  const connections = numFlag(args, '--connections', 200);
  const inflight = numFlag(args, '--inflight', 10);
  const concurrency = numFlag(args, '--concurrency', 50);
  const dir = mkdtempSync(join(tmpdir(), 'gc-tls-bench-'));
  const ossl = (...a: string[]) => execFileSync('openssl', a, { cwd: dir, stdio: 'pipe' });
  ossl('req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:P-256', '-nodes', '-keyout', 's.key', '-out', 's.crt', '-subj', '/CN=127.0.0.1', '-addext', 'subjectAltName=IP:127.0.0.1', '-days', '1');
  const ca = execFileSync('cat', [join(dir, 's.crt')]);
  const server = await startServerChild<{ plain: number; tls: number }>(fileURLToPath(import.meta.url), ['--serve', dir]);
  const { ports, cpu } = server;
  const kinds = [
    { name: 'plain', open: openTcp, port: ports.plain },
    { name: 'tls', open: openTls(ca), port: ports.tls },
  ];
  try {
    console.log(`tls-cost bench: node ${process.version}; echo ${connections} connections × ${inflight} in flight, connect ${concurrency} loops, ${duration} s per run, ${rounds} rounds alternating`);
    for (const k of kinds) await echoRun(cpu, k.open, k.port, 50, 5, 1); // JIT warm-up
    const echo: Record<string, Run[]> = { plain: [], tls: [] };
    const conn: Record<string, Run[]> = { plain: [], tls: [] };
    for (let r = 0; r < rounds; r++) {
      for (const k of r % 2 === 0 ? kinds : [...kinds].reverse()) echo[k.name]!.push(await echoRun(cpu, k.open, k.port, connections, inflight, duration));
      for (const k of r % 2 === 0 ? kinds : [...kinds].reverse()) conn[k.name]!.push(await connectRun(cpu, k.open, k.port, concurrency, duration));
      console.log(`  round ${r + 1}: echo plain ${fmtRun(echo.plain![r]!, 'frames')} | tls ${fmtRun(echo.tls![r]!, 'frames')}; connect plain ${fmtRun(conn.plain![r]!, 'conns')} | tls ${fmtRun(conn.tls![r]!, 'conns')}`);
    }
    const ep = meanRun(echo.plain!);
    const et = meanRun(echo.tls!);
    const cp = meanRun(conn.plain!);
    const ct = meanRun(conn.tls!);
    console.log(`echo (means): plain ${fmtRun(ep, 'frames')}, TLS ${fmtRun(et, 'frames')} → throughput ratio TLS/plain ${(et.perSec / ep.perSec).toFixed(2)}, CPU per frame ×${(et.cpuMicrosPer / ep.cpuMicrosPer).toFixed(2)}`);
    console.log(`connect+login (means): plain ${fmtRun(cp, 'conns')}, TLS ${fmtRun(ct, 'conns')} → ratio ${(ct.perSec / cp.perSec).toFixed(2)}, CPU per connection ×${(ct.cpuMicrosPer / cp.cpuMicrosPer).toFixed(2)}`);
  } finally {
    await server.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

await main();

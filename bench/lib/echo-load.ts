/**
 * The echo load of the transport benches (bench:tls, bench:ws): an echo server child (test/helpers/echo-server.ts,
 * the game pod's socket layer) that reports its own CPU over IPC, and the generator's loop — `connections` logged-in
 * connections × `inflight` 64-byte C2G_Echo frames kept in flight, each answer refilled at once, counted by length
 * prefix (no decoding: the client must not be the bottleneck). A transport is an `OpenEcho`: TCP, TLS or WebSocket.
 */
import { connect as netConnect, type Socket } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import { connect as tlsConnect } from 'node:tls';
import { WebSocket } from 'ws';
import { encodeBody } from '../../services/protocol/messages.js';
import { MsgId } from '../../services/protocol/wire.js';
import { encodeFrame } from '../../services/socket/frame-codec.js';
import { onParent, spawnIpc } from './measure.js';

export const ECHO = encodeFrame(MsgId.C2G_Echo, encodeBody(MsgId.C2G_Echo, { payload: Buffer.alloc(58, 0x61) }));
const BURST_FRAMES = 64;
const BURST = Buffer.concat(Array.from({ length: BURST_FRAMES }, () => ECHO));
/** The echo server of test/helpers/echo-server.ts accepts any account with token `ok`. */
export const LOGIN = encodeFrame(MsgId.C2G_LoginByToken, encodeBody(MsgId.C2G_LoginByToken, { account: 'bench', token: 'ok' }));

/** Limits that never stop a bench connection. */
export const benchLimits = { maxFramesPerSec: 1_000_000_000, authTimeoutMs: 600_000, idleTimeoutMs: 600_000 };

/** Whole frames at the start of `buf` and the bytes they take, by their length prefix. */
function wholeFrames(buf: Buffer): { n: number; bytes: number } {
  let off = 0;
  let n = 0;
  while (buf.length - off >= 4 && buf.length - off >= buf.readUInt16LE(off)) {
    off += buf.readUInt16LE(off);
    n++;
  }
  return { n, bytes: off };
}

/** One echo connection: `write` sends bytes in one write (one WebSocket message); the opener's callback gets each reply count. */
export interface EchoConn {
  write(b: Buffer): void;
  close(): void;
}
export type OpenEcho = (port: number, onFrames: (n: number) => void) => Promise<EchoConn>;

/** A byte stream (TCP, TLS): replies counted across reads. */
function streamConn(s: Socket, onFrames: (n: number) => void): EchoConn {
  let carry: Buffer | undefined;
  s.on('data', (chunk: Buffer) => {
    const buf = carry ? Buffer.concat([carry, chunk]) : chunk;
    const { n, bytes } = wholeFrames(buf);
    carry = bytes < buf.length ? buf.subarray(bytes) : undefined;
    if (n) onFrames(n);
  });
  return { write: (b) => s.write(b), close: () => s.destroy() };
}

export const openTcp: OpenEcho = (port, onFrames) =>
  new Promise((resolve, reject) => {
    const s = netConnect({ port, host: '127.0.0.1', noDelay: true }, () => resolve(streamConn(s, onFrames)));
    s.once('error', reject);
  });

export const openTls =
  (ca: Buffer): OpenEcho =>
  (port, onFrames) =>
    new Promise((resolve, reject) => {
      const s = tlsConnect({ port, host: '127.0.0.1', ca }, () => (s.setNoDelay(true), resolve(streamConn(s, onFrames))));
      s.once('error', reject);
    });

/** WebSocket: every message holds whole frames (the server never splits one). */
export const openWs: OpenEcho = (port, onFrames) =>
  new Promise((resolve, reject) => {
    const ws = new WebSocket(`ws://127.0.0.1:${port}/`, { perMessageDeflate: false });
    ws.once('open', () => resolve({ write: (b) => ws.send(b), close: () => ws.terminate() }));
    ws.once('error', reject);
    ws.on('message', (data: Buffer) => onFrames(wholeFrames(data).n));
  });

export interface Run {
  perSec: number;
  cpuMicrosPer: number;
}

export const meanRun = (rs: Run[]): Run => ({ perSec: rs.reduce((a, r) => a + r.perSec, 0) / rs.length, cpuMicrosPer: rs.reduce((a, r) => a + r.cpuMicrosPer, 0) / rs.length });
export const fmtRun = (r: Run, unit: string) => `${Math.round(r.perSec)} ${unit}/s (${r.cpuMicrosPer.toFixed(2)} µs server CPU each)`;

/** The echo loop over one transport: frames/s and the server's CPU µs per frame over `seconds` after a 1 s ramp. */
export async function echoRun(cpu: () => Promise<number>, open: OpenEcho, port: number, connections: number, inflight: number, seconds: number): Promise<Run> {
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
        if (!stopped) for (let left = n; left > 0; left -= BURST_FRAMES) c.write(left >= BURST_FRAMES ? BURST : BURST.subarray(0, left * ECHO.length));
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

/** In the server child: reports `ports` to the parent, then answers {cmd:'cpu'} with its CPU time so far (µs). */
export function serveCpu(ports: Record<string, number | undefined>): void {
  onParent((m) => {
    if (m.cmd !== 'cpu') return { error: `unknown ${String(m.cmd)}` };
    const c = process.cpuUsage();
    return { cpu: c.user + c.system };
  });
  process.send!(ports);
}

/** Spawns `file` with `args` as the server child (which calls serveCpu); its ports, its CPU clock, and stop. */
export async function startServerChild<P>(file: string, args: string[]): Promise<{ ports: P; cpu: () => Promise<number>; stop: () => Promise<void> }> {
  const child = spawnIpc(file, args);
  const ports = await child.next<P>();
  const cpu = async () => (child.send({ cmd: 'cpu' }), (await child.next<{ cpu: number }>()).cpu);
  return { ports, cpu, stop: () => child.stop() };
}

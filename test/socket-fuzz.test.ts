/**
 * Fuzz acceptance test of the socket layer (issue 3): at least 100,000 random and mutated frames go into a real game-
 * shaped FrameServer (test/helpers/echo-server-main.ts) running in a CHILD process, over loopback, on thousands of
 * short connections — random bytes, valid headers with corrupt bodies, truncated frames, oversized length claims,
 * ids that exist but are not client → game, unknown ids, lengths 0–3, all interleaved with valid Ping / LoginByToken /
 * Echo frames and written split at random byte positions or merged.
 *
 * Every connection's bytes are also run through a model of the protocol (`predict`, below: the framing rules, the
 * routes of the echo server and the real protobuf decoder), which says whether and why the server must close it and
 * what it must answer first. The test then checks, exactly:
 * - connections predicted to violate the protocol are closed by the server; the others are answered in full and left
 *   open until the client closes them (FIN, destroy or RST, at random);
 * - `gamecluster_frames_rejected_total{reason}` equals the predicted count per reason (so it accounts for every
 *   connection the server closed), `gamecluster_frames_received_total` / `_sent_total` per message match too;
 * - a well-behaved client, connected throughout, had every echo answered, in order, with nothing else;
 * - the server process is alive (no uncaught exception / unhandled rejection: the helper installs no handler, so
 *   either would kill it) and `gamecluster_connections` is back to 1 (the well-behaved client).
 * Deterministic: the bytes come from a seeded PRNG; the seed is printed (rerun with FUZZ_SEED=<seed>). Network
 * interleaving is not deterministic but no assertion depends on it. No timing assertions.
 * Knobs: FUZZ_SEED, FUZZ_FRAMES (default 100000), FUZZ_CONCURRENCY (default 32).
 */
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { connect, type Socket } from 'node:net';
import { after, before, test } from 'node:test';
import { setImmediate as tick, setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import { decodeBody, encodeBody } from '../services/protocol/messages.js';
import { CloseReason, KickReason, MsgId } from '../services/protocol/wire.js';
import { encodeFrame, FrameDecoder } from '../services/socket/frame-codec.js';
import { FrameClient } from '../services/socket/frame-client.js';
import { waitFor } from './helpers/wait-for.js';

const SEED = (process.env.FUZZ_SEED ? Number(process.env.FUZZ_SEED) : Math.floor(Math.random() * 2 ** 32)) >>> 0;
const TARGET_FRAMES = Number(process.env.FUZZ_FRAMES ?? 100_000);
const CONCURRENCY = Number(process.env.FUZZ_CONCURRENCY ?? 32);
const helper = fileURLToPath(new URL('./helpers/echo-server-main.ts', import.meta.url));

// ---------------------------------------------------------------------------------------------------------------
// Deterministic PRNG (mulberry32) — one per connection, seeded from (SEED, connection index), so any connection's
// bytes can be regenerated alone.
class Rng {
  private s: number;
  constructor(seed: number) {
    this.s = seed >>> 0;
  }
  u32(): number {
    let t = (this.s = (this.s + 0x6d2b79f5) >>> 0);
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return (t ^ (t >>> 14)) >>> 0;
  }
  /** Integer in [0, n). */
  int(n: number): number {
    return Math.floor((this.u32() / 2 ** 32) * n);
  }
  /** Integer in [lo, hi]. */
  range(lo: number, hi: number): number {
    return lo + this.int(hi - lo + 1);
  }
  chance(p: number): boolean {
    return this.u32() / 2 ** 32 < p;
  }
  pick<T>(xs: readonly T[]): T {
    return xs[this.int(xs.length)]!;
  }
  bytes(n: number): Buffer {
    const b = Buffer.allocUnsafe(n);
    for (let i = 0; i < n; i++) b[i] = this.u32() & 0xff;
    return b;
  }
  word(max: number): string {
    const abc = 'abcdefghijklmnopqrstuvwxyz0123456789_';
    let s = '';
    for (let i = this.range(1, max); i > 0; i--) s += abc[this.int(abc.length)];
    return s;
  }
}

function connSeed(i: number): number {
  return (Math.imul(SEED ^ 0x9e3779b9, 0x85ebca6b) + Math.imul(i + 1, 0xc2b2ae35)) >>> 0;
}

// ---------------------------------------------------------------------------------------------------------------
// Frame generators. Each item is "one frame" as written on the wire (valid or not).
type Kind = 'valid' | 'random_bytes' | 'corrupt_body' | 'truncated' | 'oversized_length' | 'wrong_direction' | 'unknown_id' | 'short_length';

const ROUTED = new Set<number>([MsgId.Ping, MsgId.C2G_LoginByToken, MsgId.C2G_Echo]);
const WRONG_DIRECTION = [MsgId.Pong, MsgId.S2C_Kick, MsgId.MI_AppInfoSync, MsgId.C2L_AccountCheck, MsgId.L2C_AccountCheckRs, MsgId.C2L_EnterGame, MsgId.L2C_EnterGameRs, MsgId.G2C_LoginByTokenRs, MsgId.G2C_Echo] as const;
const KNOWN = new Set<number>(Object.values(MsgId));

function validBody(r: Rng, id: number): Buffer {
  switch (id) {
    case MsgId.Ping:
      return Buffer.from(encodeBody(MsgId.Ping, { clientTimeMs: r.int(2 ** 31) }));
    case MsgId.C2G_LoginByToken:
      return Buffer.from(encodeBody(MsgId.C2G_LoginByToken, { account: r.chance(0.05) ? '' : `fz-${r.word(12)}`, token: r.chance(0.8) ? 'ok' : r.word(8) }));
    case MsgId.C2G_Echo:
      return Buffer.from(encodeBody(MsgId.C2G_Echo, { payload: r.bytes(r.chance(0.02) ? r.range(1000, 20_000) : r.int(200)), clientTimeMs: r.int(2 ** 31) }));
    case MsgId.C2L_AccountCheck:
      return Buffer.from(encodeBody(MsgId.C2L_AccountCheck, { account: r.word(10), password: r.word(10) }));
    case MsgId.MI_AppInfoSync:
      return Buffer.from(encodeBody(MsgId.MI_AppInfoSync, { app: { appId: r.word(8), online: r.int(100) } } as never));
    default:
      return r.bytes(r.int(24));
  }
}

function validFrame(r: Rng): Buffer {
  const id = r.pick([MsgId.Ping, MsgId.C2G_LoginByToken, MsgId.C2G_Echo, MsgId.C2G_Echo, MsgId.C2G_Echo]);
  return encodeFrame(id, validBody(r, id));
}

function mutate(r: Rng, body: Buffer): Buffer {
  const b = Buffer.from(body);
  switch (r.int(5)) {
    case 0: // flip bits
      for (let n = r.range(1, 4); n > 0 && b.length > 0; n--) b[r.int(b.length)]! ^= 1 << r.int(8);
      return b;
    case 1: // cut short
      return b.subarray(0, r.int(b.length + 1));
    case 2: // junk appended
      return Buffer.concat([b, r.bytes(r.range(1, 16))]);
    case 3: // a varint that never ends / a length that runs past the end
      return Buffer.concat([b, Buffer.from([0x0a, 0xff, 0xff, 0xff, 0x7f])]);
    default: // random bytes instead
      return r.bytes(r.int(40));
  }
}

function generate(r: Rng): { kind: Kind; bytes: Buffer } {
  const x = r.int(1000);
  if (x < 850) return { kind: 'valid', bytes: validFrame(r) };
  if (x < 870) return { kind: 'random_bytes', bytes: r.bytes(r.range(1, 64)) };
  if (x < 930) {
    const id = r.pick([...ROUTED]);
    return { kind: 'corrupt_body', bytes: encodeFrame(id, mutate(r, validBody(r, id))) };
  }
  if (x < 945) {
    const f = validFrame(r);
    return { kind: 'truncated', bytes: f.subarray(0, r.int(f.length)) };
  }
  if (x < 960) {
    const f = Buffer.from(validFrame(r));
    f.writeUInt16LE(r.range(Math.min(65535, f.length + 1), 65535), 0);
    return { kind: 'oversized_length', bytes: f };
  }
  if (x < 975) {
    const id = r.pick(WRONG_DIRECTION);
    return { kind: 'wrong_direction', bytes: encodeFrame(id, validBody(r, id)) };
  }
  if (x < 985) {
    let id: number;
    do id = r.int(65536);
    while (KNOWN.has(id));
    return { kind: 'unknown_id', bytes: encodeFrame(id, r.bytes(r.int(16))) };
  }
  const total = r.int(4);
  const f = Buffer.alloc(r.range(2, 4));
  f.writeUInt16LE(total, 0);
  if (f.length > 2) r.bytes(f.length - 2).copy(f, 2);
  return { kind: 'short_length', bytes: f };
}

// ---------------------------------------------------------------------------------------------------------------
// The model: what the echo server must do with a connection's byte stream (chunking does not matter).
interface Prediction {
  reason: CloseReason | undefined;
  kick: boolean;
  /** Frames the server takes off the wire: complete frames up to and including a violating one, or a short header. */
  decoded: number;
  /** Bytes of the stream the server looks at (the rest comes after a violation, or is an incomplete frame). */
  consumed: number;
  /** Replies the server sends before closing (Pong, LoginByTokenRs, G2C_Echo). */
  replies: number;
  received: Record<'Ping' | 'C2G_LoginByToken' | 'C2G_Echo', number>;
  sent: Record<'Pong' | 'G2C_LoginByTokenRs' | 'G2C_Echo', number>;
}

function predict(stream: Buffer): Prediction {
  const p: Prediction = {
    reason: undefined,
    kick: false,
    decoded: 0,
    consumed: 0,
    replies: 0,
    received: { Ping: 0, C2G_LoginByToken: 0, C2G_Echo: 0 },
    sent: { Pong: 0, G2C_LoginByTokenRs: 0, G2C_Echo: 0 },
  };
  const fail = (reason: CloseReason, kick: boolean) => ((p.reason = reason), (p.kick = kick), (p.consumed = off), p);
  let authed = false;
  let off = 0;
  while (stream.length - off >= 2) {
    const total = stream.readUInt16LE(off);
    if (total < 4) return (p.decoded++, (off += 2), fail(CloseReason.short_frame, false));
    if (stream.length - off < total) break; // incomplete: the server waits for the rest
    const id = stream.readUInt16LE(off + 2);
    const body = stream.subarray(off + 4, off + total);
    off += total;
    p.decoded++;
    if (!ROUTED.has(id)) return fail(CloseReason.unknown_msg, true);
    if (id === MsgId.Ping) p.received.Ping++;
    else if (id === MsgId.C2G_LoginByToken) p.received.C2G_LoginByToken++;
    else p.received.C2G_Echo++;
    if (id === MsgId.C2G_Echo && !authed) return fail(CloseReason.out_of_order, true);
    let m: unknown;
    try {
      m = decodeBody(id as typeof MsgId.Ping, body);
    } catch {
      return fail(CloseReason.bad_body, true);
    }
    p.replies++;
    if (id === MsgId.Ping) p.sent.Pong++;
    else if (id === MsgId.C2G_Echo) p.sent.G2C_Echo++;
    else {
      p.sent.G2C_LoginByTokenRs++;
      const l = m as { account?: string; token?: string };
      if (l.token === 'ok' && l.account) authed = true;
    }
  }
  p.consumed = off;
  return p;
}

// ---------------------------------------------------------------------------------------------------------------
// One fuzz connection.
interface ConnPlan {
  index: number;
  items: { kind: Kind; bytes: Buffer }[];
  stream: Buffer;
  prediction: Prediction;
}

function plan(index: number): ConnPlan {
  const r = new Rng(connSeed(index));
  const items: { kind: Kind; bytes: Buffer }[] = [];
  let bytes = 0;
  if (r.chance(0.85)) items.push({ kind: 'valid', bytes: encodeFrame(MsgId.C2G_LoginByToken, encodeBody(MsgId.C2G_LoginByToken, { account: `fz-${index}`, token: 'ok' })) });
  // Stay far below MAX_WRITE_BUFFER of replies so slow_reader cannot happen (the model has no clock).
  for (let n = r.chance(0.02) ? 0 : r.range(1, 80); n > 0 && bytes < 128 * 1024; n--) {
    const it = generate(r);
    items.push(it);
    bytes += it.bytes.length;
  }
  const stream = Buffer.concat(items.map((i) => i.bytes));
  return { index, items, stream, prediction: predict(stream) };
}

function describePlan(p: ConnPlan): string {
  return `connection #${p.index} (FUZZ_SEED=${SEED}): kinds [${p.items.map((i) => i.kind).join(',')}], prediction ${JSON.stringify({ ...p.prediction })}, first bytes ${p.stream.subarray(0, 96).toString('hex')}`;
}

interface ConnResult {
  serverClosed: boolean;
  repliesSeen: number;
  kickSeen: number | undefined;
}

async function runConnection(port: number, p: ConnPlan): Promise<ConnResult> {
  const r = new Rng(connSeed(p.index) ^ 0xa5a5a5a5);
  const socket: Socket = connect({ port, host: '127.0.0.1', noDelay: true });
  socket.on('error', () => {}); // ECONNRESET / EPIPE after the server closed: expected
  const res: ConnResult = { serverClosed: false, repliesSeen: 0, kickSeen: undefined };
  let weClosed = false;
  let allReplies: () => void = () => {};
  const repliesDone = new Promise<void>((resolve) => (allReplies = resolve));
  const decoder = new FrameDecoder((msgId, body) => {
    if (msgId === MsgId.S2C_Kick) res.kickSeen = decodeBody(MsgId.S2C_Kick, body).reason ?? 0;
    else if (++res.repliesSeen === p.prediction.replies) allReplies();
  });
  socket.on('data', (chunk: Buffer) => void decoder.push(chunk));
  // (not events.once: it would reject on the 'error' that precedes 'close' after a reset)
  const closed = new Promise<void>((resolve) => socket.on('close', () => ((res.serverClosed = !weClosed), resolve())));
  await new Promise<void>((resolve, reject) => (socket.once('connect', resolve), socket.once('error', reject)));
  if (p.prediction.replies === 0) allReplies();

  // Write the stream split at random byte positions, or merged in one write, or a byte at a time (short ones).
  const s = p.stream;
  const mode = r.int(10);
  if (mode < 3 || s.length === 0) {
    if (s.length) socket.write(s);
  } else if (mode < 4 && s.length <= 300) {
    for (let i = 0; i < s.length && socket.writable; i++) {
      socket.write(s.subarray(i, i + 1));
      if (i % 16 === 0) await tick();
    }
  } else {
    let off = 0;
    while (off < s.length && socket.writable) {
      const n = Math.min(s.length - off, r.chance(0.3) ? r.range(1, 8) : r.range(1, 2048));
      socket.write(s.subarray(off, off + n));
      off += n;
      if (r.chance(0.5)) await tick();
    }
  }

  const guard = (what: string) =>
    sleep(20_000, undefined, { ref: false }).then(() => {
      throw new Error(`${what} within 20 s: ${describePlan(p)}; seen ${JSON.stringify(res)}`);
    });
  if (p.prediction.reason) {
    await Promise.race([closed, guard('the server did not close the connection')]);
  } else {
    // Everything the server owes must arrive and the server must keep the connection open; then we leave, rudely
    // or not.
    await Promise.race([repliesDone, closed.then(() => Promise.reject(new Error(`server closed a well-formed connection: ${describePlan(p)}; seen ${JSON.stringify(res)}`))), guard('replies missing')]);
    weClosed = true;
    const how = r.int(3);
    if (how === 0) socket.end();
    else if (how === 1) socket.destroy();
    else socket.resetAndDestroy();
    await Promise.race([closed, guard('the connection did not close after the client closed it')]);
    assert.equal(res.serverClosed, false);
  }
  return res;
}

// ---------------------------------------------------------------------------------------------------------------
// Metrics scraped from the child's /metrics.
type Samples = { name: string; labels: Record<string, string>; value: number }[];

async function scrape(metricsPort: number): Promise<Samples> {
  const text = await (await fetch(`http://127.0.0.1:${metricsPort}/metrics`)).text();
  const out: Samples = [];
  for (const line of text.split('\n')) {
    const m = /^([a-zA-Z_:][\w:]*)(?:\{([^}]*)\})?\s+(\S+)/.exec(line);
    if (!m) continue;
    const labels: Record<string, string> = {};
    for (const l of (m[2] ?? '').matchAll(/(\w+)="([^"]*)"/g)) labels[l[1]!] = l[2]!;
    out.push({ name: m[1]!, labels, value: Number(m[3]) });
  }
  return out;
}

function metric(s: Samples, name: string, labels: Record<string, string> = {}): number {
  return s.filter((x) => x.name === name && Object.entries(labels).every(([k, v]) => x.labels[k] === v)).reduce((a, x) => a + x.value, 0);
}

// ---------------------------------------------------------------------------------------------------------------
let child: ChildProcess;
let exit: { code: number | null; signal: string | null } | undefined;
const stderr: string[] = [];
let port = 0;
let metricsPort = 0;

before(async () => {
  // Generous rate limit (the well-behaved client echoes as fast as it can) and no auth/idle timeouts during the run:
  // the model has no clock, so the only closes are protocol violations and the client's own.
  const limits = { maxFramesPerSec: 1_000_000_000, authTimeoutMs: 600_000, idleTimeoutMs: 600_000 };
  child = spawn(process.execPath, ['--import', 'tsx', helper, JSON.stringify(limits)], { stdio: ['ignore', 'pipe', 'pipe'] });
  child.stderr!.setEncoding('utf8').on('data', (c: string) => stderr.push(c));
  child.on('exit', (code, signal) => (exit = { code, signal }));
  const [line] = (await Promise.race([
    once(child.stdout!.setEncoding('utf8'), 'data'),
    once(child, 'exit').then(() => Promise.reject(new Error(`echo server exited: ${stderr.join('')}`))),
  ])) as [string];
  ({ port, metricsPort } = JSON.parse(line.split('\n')[0]!) as { port: number; metricsPort: number });
});

after(async () => {
  if (!exit) {
    child.kill('SIGTERM');
    await once(child, 'exit');
  }
});

test(`fuzz: ≥ ${TARGET_FRAMES} random and mutated frames into a real server process (seed ${SEED})`, { timeout: 180_000 }, async (t) => {
  t.diagnostic(`FUZZ_SEED=${SEED}`);
  console.log(`# socket fuzz: FUZZ_SEED=${SEED} (rerun with FUZZ_SEED=${SEED} to regenerate the same bytes)`);

  // The well-behaved client: authenticated, 10 echoes in flight for the whole run, each answered in order.
  const good = await FrameClient.connect(port);
  const rs = await good.request(MsgId.C2G_LoginByToken, { account: 'well-behaved', token: 'ok' }, MsgId.G2C_LoginByTokenRs);
  assert.equal(rs.returnCode ?? 0, 0);
  let goodSent = 0;
  let goodAnswered = 0;
  let goodStop = false;
  let goodError: string | undefined;
  let goodIdle: () => void = () => {};
  const sendEcho = () => {
    const payload = Buffer.alloc(8);
    payload.writeUInt32LE(goodSent++, 0);
    good.send(MsgId.C2G_Echo, { payload, clientTimeMs: goodSent });
  };
  good.onMessage = (msgId, message) => {
    if (msgId !== MsgId.G2C_Echo) {
      goodError ??= `well-behaved client got msg ${msgId}: ${JSON.stringify(message)}`;
      return;
    }
    const seq = Buffer.from((message as { payload?: Uint8Array }).payload ?? []).readUInt32LE(0);
    if (seq !== goodAnswered) goodError ??= `echo ${seq} arrived when ${goodAnswered} was expected`;
    goodAnswered++;
    if (!goodStop) sendEcho();
    else if (goodAnswered === goodSent) goodIdle();
  };
  for (let i = 0; i < 10; i++) sendEcho();

  // Fuzz connections, CONCURRENCY at a time, until the server has taken TARGET_FRAMES frames off the wire.
  const totals = {
    connections: 0,
    written: 0,
    decoded: 0,
    serverClosed: 0,
    kicksSeen: 0,
    replies: 0,
    byKind: {} as Record<string, number>,
    /** Items (by kind) whose first byte the server looked at. */
    reachedByKind: {} as Record<string, number>,
    reasons: {} as Record<string, number>,
    kicks: 0,
    received: { Ping: 0, C2G_LoginByToken: 0, C2G_Echo: 0 },
    sent: { Pong: 0, G2C_LoginByTokenRs: 0, G2C_Echo: 0 },
  };
  let next = 0;
  const worker = async () => {
    while (totals.decoded < TARGET_FRAMES) {
      const p = plan(next++);
      const pr = p.prediction;
      totals.connections++;
      totals.written += p.items.length;
      totals.decoded += pr.decoded;
      let at = 0;
      for (const it of p.items) {
        totals.byKind[it.kind] = (totals.byKind[it.kind] ?? 0) + 1;
        if (at < pr.consumed) totals.reachedByKind[it.kind] = (totals.reachedByKind[it.kind] ?? 0) + 1;
        at += it.bytes.length;
      }
      if (pr.reason) totals.reasons[pr.reason] = (totals.reasons[pr.reason] ?? 0) + 1;
      if (pr.kick) totals.kicks++;
      for (const k of Object.keys(pr.received) as (keyof Prediction['received'])[]) totals.received[k] += pr.received[k];
      for (const k of Object.keys(pr.sent) as (keyof Prediction['sent'])[]) totals.sent[k] += pr.sent[k];
      const res = await runConnection(port, p);
      if (res.serverClosed) totals.serverClosed++;
      if (res.kickSeen !== undefined) {
        totals.kicksSeen++;
        assert.ok(pr.kick, `kick on a connection that should not get one: ${describePlan(p)}`);
        assert.equal(res.kickSeen, KickReason.PROTOCOL_ERROR, describePlan(p));
      }
      totals.replies += res.repliesSeen;
      assert.equal(exit, undefined, `the server process died: ${JSON.stringify(exit)} ${stderr.join('').slice(-3000)}`);
    }
  };
  await Promise.all(Array.from({ length: CONCURRENCY }, worker));

  // Drain the well-behaved client.
  goodStop = true;
  await Promise.race([new Promise<void>((resolve) => ((goodIdle = resolve), goodAnswered === goodSent && resolve())), sleep(20_000, undefined, { ref: false }).then(() => Promise.reject(new Error(`well-behaved client: ${goodAnswered}/${goodSent} echoes answered`)))]);
  assert.equal(goodError, undefined);
  assert.ok(good.isOpen, 'the well-behaved client was disconnected');
  assert.equal(good.kickReason, undefined);

  console.log(
    `# socket fuzz: ${totals.connections} connections, ${totals.written} frames written, ${totals.decoded} taken off the wire by the server, ` +
      `${totals.serverClosed} closed by the server ${JSON.stringify(totals.reasons)}, ${totals.kicksSeen} kicks seen, ${totals.replies} replies; ` +
      `well-behaved client: ${goodAnswered} echoes in order; ` +
      `items written by kind ${JSON.stringify(totals.byKind)}; items that reached the server's decoder by kind ${JSON.stringify(totals.reachedByKind)}`,
  );
  assert.ok(totals.written >= TARGET_FRAMES && totals.decoded >= TARGET_FRAMES);
  // Kicks are flushed before the FIN; a reset racing it could in principle eat one, so only require that they arrive.
  assert.ok(totals.kicks === 0 || totals.kicksSeen > 0, 'no S2C_Kick ever reached a client');

  // The process is up, and its counters account for every connection it closed.
  assert.equal(exit, undefined, `the server process died: ${stderr.join('').slice(-3000)}`);
  assert.equal((await fetch(`http://127.0.0.1:${metricsPort}/healthz`)).status, 200);
  const m = await waitFor('the connection gauge back to the well-behaved client alone', async () => {
    const s = await scrape(metricsPort);
    return metric(s, 'gamecluster_connections', { app_type: 'game' }) === 1 ? s : undefined;
  });
  const predictedClosed = Object.values(totals.reasons).reduce((a, b) => a + b, 0);
  assert.equal(totals.serverClosed, predictedClosed, 'connections closed by the server = connections predicted to violate');
  for (const reason of Object.values(CloseReason)) {
    assert.equal(metric(m, 'gamecluster_frames_rejected_total', { reason }), totals.reasons[reason] ?? 0, `frames_rejected_total{reason="${reason}"}`);
  }
  assert.equal(metric(m, 'gamecluster_frames_rejected_total'), totals.serverClosed, 'every server-closed connection is counted once');
  assert.equal(metric(m, 'gamecluster_frames_received_total', { msg: 'Ping' }), totals.received.Ping);
  assert.equal(metric(m, 'gamecluster_frames_received_total', { msg: 'C2G_LoginByToken' }), totals.received.C2G_LoginByToken + 1);
  assert.equal(metric(m, 'gamecluster_frames_received_total', { msg: 'C2G_Echo' }), totals.received.C2G_Echo + goodSent);
  assert.equal(metric(m, 'gamecluster_frames_sent_total', { msg: 'Pong' }), totals.sent.Pong);
  assert.equal(metric(m, 'gamecluster_frames_sent_total', { msg: 'G2C_LoginByTokenRs' }), totals.sent.G2C_LoginByTokenRs + 1);
  assert.equal(metric(m, 'gamecluster_frames_sent_total', { msg: 'G2C_Echo' }), totals.sent.G2C_Echo + goodSent);
  assert.equal(metric(m, 'gamecluster_frames_sent_total', { msg: 'S2C_Kick' }), totals.kicks);
  assert.equal(metric(m, 'gamecluster_frames_dropped_stale_total'), 0);

  // And it still serves: one more echo on the well-behaved client, then a fresh connection.
  good.onMessage = undefined;
  const e = await good.request(MsgId.C2G_Echo, { payload: Buffer.from('still here') }, MsgId.G2C_Echo);
  assert.equal(Buffer.from(e.payload!).toString(), 'still here');
  const fresh = await FrameClient.connect(port);
  assert.equal((await fresh.request(MsgId.Ping, { clientTimeMs: 7 }, MsgId.Pong)).clientTimeMs?.toString(), '7');
  fresh.destroy();
  good.destroy();
});

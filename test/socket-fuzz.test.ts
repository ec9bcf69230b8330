/**
 * Fuzz acceptance test of the socket layer (issue 3): at least 100,000 random and mutated frames go into a real game-
 * shaped FrameServer (test/helpers/echo-server-main.ts) running in a CHILD process, over loopback, on thousands of
 * short connections — random bytes, valid headers with corrupt bodies, truncated frames, oversized length claims,
 * ids that exist but are not client → game, unknown ids, lengths 0–3, all interleaved with valid Ping / LoginByToken /
 * Echo frames and written split at random byte positions or merged.
 *
 * Every connection's bytes are planned, and run through a model of the protocol, by test/helpers/frame-fuzz.ts (role
 * 'echo': the framing rules, the routes of the echo server and the real protobuf decoder), which says whether and why
 * the server must close it and what it must answer first. The test then checks, exactly:
 * - connections predicted to violate the protocol are closed by the server; the others are answered in full and left
 *   open until the client closes them (FIN, destroy or RST, at random);
 * - `gamecluster_frames_rejected_total{reason}` equals the predicted count per reason (so it accounts for every
 *   connection the server closed), `gamecluster_frames_received_total` / `_sent_total` per message match too;
 * - a well-behaved client, connected throughout, had every echo answered, in order, with nothing else;
 * - the server process is alive (no uncaught exception / unhandled rejection: the helper installs no handler, so
 *   either would kill it) and `gamecluster_connections` is back to 1 (the well-behaved client).
 * Deterministic: the bytes come from a seeded PRNG; the seed is printed (rerun with FUZZ_SEED=<seed>). Network
 * interleaving is not deterministic but no assertion depends on it. No timing assertions.
 * A second test runs the same model over WebSocket (frame-fuzz.ts planWsStream: the items cut into binary messages,
 * some cut inside a frame, some text) against the same process, counted as deltas.
 * Knobs: FUZZ_SEED, FUZZ_FRAMES (default 100000), FUZZ_WS_FRAMES (default 20000), FUZZ_CONCURRENCY (default 32).
 */
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { after, before, test } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import { CloseReason, MsgId } from '../services/protocol/wire.js';
import { FrameClient } from '../services/socket/frame-client.js';
import { newTotals, planStream, planWsStream, runConnection, runWsConnection, tallyPlan, tallyResult, type WriteStyle } from './helpers/frame-fuzz.js';
import { sample, scrape } from './helpers/reliability.js';
import { waitFor } from './helpers/wait-for.js';
import { WsFrameClient } from './helpers/ws-frame-client.js';

const SEED = (process.env.FUZZ_SEED ? Number(process.env.FUZZ_SEED) : Math.floor(Math.random() * 2 ** 32)) >>> 0;
const TARGET_FRAMES = Number(process.env.FUZZ_FRAMES ?? 100_000);
const CONCURRENCY = Number(process.env.FUZZ_CONCURRENCY ?? 32);
const TARGET_WS_FRAMES = Number(process.env.FUZZ_WS_FRAMES ?? 20_000);
const helper = fileURLToPath(new URL('./helpers/echo-server-main.ts', import.meta.url));

// Echo clients write whole, a short stream a byte at a time, or in chunks up to 2 KiB (see WriteStyle).
const WRITE: WriteStyle = { whole: 3, bytewise: 1, upTo: 300, tickEvery: 16, small: 0.3, chunkMax: 2048, tickChance: 0.5 };
const MAX_ITEMS_PER_CONN = 80;

// ---------------------------------------------------------------------------------------------------------------
let child: ChildProcess;
let exit: { code: number | null; signal: string | null } | undefined;
const stderr: string[] = [];
let port = 0;
let wsPort = 0;
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
  ({ port, wsPort, metricsPort } = JSON.parse(line.split('\n')[0]!) as { port: number; wsPort: number; metricsPort: number });
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
  const totals = newTotals();
  let next = 0;
  const worker = async () => {
    while (totals.decoded < TARGET_FRAMES) {
      const p = planStream(SEED, next++, 'echo', MAX_ITEMS_PER_CONN, false);
      tallyPlan(totals, p);
      const res = await runConnection({ port, seed: SEED, plan: p, salt: 0xa5a5a5a5, write: WRITE, timeoutMs: 20_000 });
      tallyResult(totals, SEED, p, res);
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
    `# socket fuzz: ${totals.connections} connections, ${totals.itemsWritten} frames written, ${totals.decoded} taken off the wire by the server, ` +
      `${totals.serverClosed} closed by the server ${JSON.stringify(totals.reasons)}, ${totals.kicksSeen} kicks seen, ${totals.replies} replies; ` +
      `well-behaved client: ${goodAnswered} echoes in order; ` +
      `items written by kind ${JSON.stringify(totals.byKind)}; items that reached the server's decoder by kind ${JSON.stringify(totals.reachedByKind)}`,
  );
  assert.ok(totals.itemsWritten >= TARGET_FRAMES && totals.decoded >= TARGET_FRAMES);
  // Kicks are flushed before the FIN; a reset racing it could in principle eat one, so only require that they arrive.
  assert.ok(totals.kicksPredicted === 0 || totals.kicksSeen > 0, 'no S2C_Kick ever reached a client');

  // The process is up, and its counters account for every connection it closed.
  assert.equal(exit, undefined, `the server process died: ${stderr.join('').slice(-3000)}`);
  assert.equal((await fetch(`http://127.0.0.1:${metricsPort}/healthz`)).status, 200);
  const m = await waitFor('the connection gauge back to the well-behaved client alone', async () => {
    const s = await scrape(metricsPort);
    return sample(s, 'gamecluster_connections', { app_type: 'game' }) === 1 ? s : undefined;
  });
  const predictedClosed = Object.values(totals.reasons).reduce((a, b) => a + b, 0);
  assert.equal(totals.serverClosed, predictedClosed, 'connections closed by the server = connections predicted to violate');
  for (const reason of Object.values(CloseReason)) {
    assert.equal(sample(m, 'gamecluster_frames_rejected_total', { reason }), totals.reasons[reason] ?? 0, `frames_rejected_total{reason="${reason}"}`);
  }
  assert.equal(sample(m, 'gamecluster_frames_rejected_total'), totals.serverClosed, 'every server-closed connection is counted once');
  assert.equal(sample(m, 'gamecluster_frames_received_total', { msg: 'Ping' }), totals.received.Ping ?? 0);
  assert.equal(sample(m, 'gamecluster_frames_received_total', { msg: 'C2G_LoginByToken' }), (totals.received.C2G_LoginByToken ?? 0) + 1);
  assert.equal(sample(m, 'gamecluster_frames_received_total', { msg: 'C2G_Echo' }), (totals.received.C2G_Echo ?? 0) + goodSent);
  assert.equal(sample(m, 'gamecluster_frames_sent_total', { msg: 'Pong' }), totals.sent.Pong ?? 0);
  assert.equal(sample(m, 'gamecluster_frames_sent_total', { msg: 'G2C_LoginByTokenRs' }), (totals.sent.G2C_LoginByTokenRs ?? 0) + 1);
  assert.equal(sample(m, 'gamecluster_frames_sent_total', { msg: 'G2C_Echo' }), (totals.sent.G2C_Echo ?? 0) + goodSent);
  assert.equal(sample(m, 'gamecluster_frames_sent_total', { msg: 'S2C_Kick' }), totals.kicksPredicted);
  assert.equal(sample(m, 'gamecluster_frames_dropped_stale_total'), 0);

  // And it still serves: one more echo on the well-behaved client, then a fresh connection.
  good.onMessage = undefined;
  const e = await good.request(MsgId.C2G_Echo, { payload: Buffer.from('still here') }, MsgId.G2C_Echo);
  assert.equal(Buffer.from(e.payload!).toString(), 'still here');
  const fresh = await FrameClient.connect(port);
  assert.equal((await fresh.request(MsgId.Ping, { clientTimeMs: 7 }, MsgId.Pong)).clientTimeMs?.toString(), '7');
  fresh.destroy();
  good.destroy();
});

test(`fuzz over WebSocket: ≥ ${TARGET_WS_FRAMES} frames cut into binary messages (and text ones) (seed ${SEED})`, { timeout: 120_000 }, async (t) => {
  t.diagnostic(`FUZZ_SEED=${SEED}`);
  // Counted as deltas: the TCP fuzz above ran against the same process.
  const before = await scrape(metricsPort);
  const totals = newTotals();
  let next = 0;
  const worker = async () => {
    while (totals.decoded < TARGET_WS_FRAMES) {
      const p = planWsStream(SEED, 1_000_000 + next++, MAX_ITEMS_PER_CONN);
      tallyPlan(totals, p);
      const res = await runWsConnection({ url: `ws://127.0.0.1:${wsPort}/`, seed: SEED, plan: p, timeoutMs: 20_000 });
      tallyResult(totals, SEED, p, res);
      assert.equal(exit, undefined, `the server process died: ${JSON.stringify(exit)} ${stderr.join('').slice(-3000)}`);
    }
  };
  await Promise.all(Array.from({ length: Math.min(CONCURRENCY, 16) }, worker));
  console.log(`# socket fuzz (WebSocket): ${totals.connections} connections, ${totals.decoded} frames taken, ${totals.serverClosed} closed by the server ${JSON.stringify(totals.reasons)}, ${totals.kicksSeen} kicks seen, ${totals.replies} replies; items by kind ${JSON.stringify(totals.byKind)}`);
  assert.ok(totals.decoded >= TARGET_WS_FRAMES);
  assert.ok((totals.reasons.ws_partial ?? 0) > 0, 'some messages ended inside a frame');
  assert.equal(exit, undefined, `the server process died: ${stderr.join('').slice(-3000)}`);
  const m = await waitFor('the connection gauge back to the TCP well-behaved client alone or none', async () => {
    const s = await scrape(metricsPort);
    return sample(s, 'gamecluster_connections', { app_type: 'game' }) <= 1 ? s : undefined;
  });
  const delta = (name: string, labels: Record<string, string> = {}) => sample(m, name, labels) - sample(before, name, labels);
  assert.equal(totals.serverClosed, Object.values(totals.reasons).reduce((a, b) => a + b, 0), 'connections closed by the server = connections predicted to violate');
  for (const reason of Object.values(CloseReason)) assert.equal(delta('gamecluster_frames_rejected_total', { reason }), totals.reasons[reason] ?? 0, `frames_rejected_total{reason="${reason}"}`);
  assert.equal(delta('gamecluster_frames_received_total', { msg: 'C2G_Echo' }), totals.received.C2G_Echo ?? 0);
  assert.equal(delta('gamecluster_frames_received_total', { msg: 'C2G_LoginByToken' }), totals.received.C2G_LoginByToken ?? 0);
  assert.equal(delta('gamecluster_frames_sent_total', { msg: 'G2C_Echo' }), totals.sent.G2C_Echo ?? 0);
  assert.equal(delta('gamecluster_frames_sent_total', { msg: 'S2C_Kick' }), totals.kicksPredicted);
  // Still serving WebSocket.
  const fresh = await WsFrameClient.connect(`ws://127.0.0.1:${wsPort}/`);
  assert.equal((await fresh.request(MsgId.Ping, { clientTimeMs: 7 }, MsgId.Pong)).clientTimeMs?.toString(), '7');
  fresh.close();
});

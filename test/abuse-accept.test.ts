/**
 * Issue 23, "budgets at accept", replayed against real game pods on loopback: with MAX_CONNECTIONS_PER_IP=2, 200 raw
 * sockets that never finish a handshake or an upgrade are sent to every listener of two pods — one plain with a
 * WebSocket port (TCP + ws), one with TLS files (TLS-TCP + wss). Before the fix the TLS, ws and wss listeners kept
 * all 200 open until their handshake timer; now at most 2 per pod stay open past accept, the rest are refused at once
 * and counted (`connections_refused_total{reason="max_per_ip"}`), and a client from another address (127.0.0.2)
 * still completes a TLS handshake and a WebSocket upgrade and is served.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { connect, type Socket } from 'node:net';
import { after, before, test } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import { MsgId, ReturnCode } from '../services/protocol/wire.js';
import { FrameClient } from '../services/socket/frame-client.js';
import { freePort } from './helpers/free-port.js';
import { figure, pool, sample, scrape } from './helpers/reliability.js';
import { makeTestCerts, type TestCerts } from './helpers/test-certs.js';
import { waitFor } from './helpers/wait-for.js';
import { WsFrameClient } from './helpers/ws-frame-client.js';
import { startCluster, waitRegistered, type Proc, type TestCluster } from './pod-cluster.js';

const PER_IP = 2;
const SOCKETS = 200;

let c: TestCluster;
let certs: TestCerts;
let plain: Proc & { wsPort: number };
let secure: Proc & { wsPort: number };

before(async () => {
  certs = makeTestCerts();
  // AUTH_TIMEOUT_MS (the handshake bound too) well past the test: whatever stays open, stays because it was admitted.
  c = await startCluster({ prefix: 'abuse-accept', env: { LOG_LEVEL: 'warn', MAX_CONNECTIONS_PER_IP: String(PER_IP), AUTH_TIMEOUT_MS: '60000' } });
  const [pw, sw] = [await freePort(), await freePort()];
  const [p, s] = await Promise.all([
    c.startPod('game', 'accept-plain', { WS_PORT: String(pw) }),
    c.startPod('game', 'accept-secure', { WS_PORT: String(sw), TLS_CERT_FILE: certs.serverCert, TLS_KEY_FILE: certs.serverKey }),
  ]);
  plain = { ...p, wsPort: pw };
  secure = { ...s, wsPort: sw };
  await waitRegistered(c, 'game', ['accept-plain', 'accept-secure']);
});

after(async () => {
  await c?.stop();
  certs?.remove();
});

interface Raw {
  socket: Socket;
  closedAt: number | undefined;
}

/** A raw TCP socket that sends nothing (no TLS ClientHello, no HTTP upgrade, no frame). */
function raw(port: number): Promise<Raw> {
  return new Promise((resolve, reject) => {
    const socket = connect({ port, host: '127.0.0.1' });
    const r: Raw = { socket, closedAt: undefined };
    socket.once('connect', () => (socket.off('error', reject), socket.on('error', () => undefined), resolve(r)));
    socket.once('error', reject);
    socket.on('close', () => (r.closedAt = Date.now()));
    socket.resume();
  });
}

const refusedPerIp = async (p: Proc) => sample(await scrape(p.metricsPort), 'gamecluster_connections_refused_total', { reason: 'max_per_ip' });

test(`${SOCKETS} never-finishing sockets per listener: at most ${PER_IP} per pod stay open past accept`, { timeout: 60_000 }, async () => {
  const listeners = [
    { pod: plain, name: 'plain tcp', port: plain.port },
    { pod: plain, name: 'plain ws', port: plain.wsPort },
    { pod: secure, name: 'tls tcp', port: secure.port },
    { pod: secure, name: 'wss', port: secure.wsPort },
  ];
  const t0 = Date.now();
  const socks = new Map<string, Raw[]>();
  // One listener after the other, so the figures say which listener refused what.
  for (const l of listeners) socks.set(l.name, await pool(Array.from({ length: SOCKETS }, (_, i) => i), 50, () => raw(l.port)));
  const total = listeners.length * SOCKETS;
  for (const p of [plain, secure]) await waitFor(`${p.appId}: refusals counted`, async () => (await refusedPerIp(p)) >= 2 * SOCKETS - PER_IP, 15_000, 100);
  await sleep(500); // anything refused has had time to be seen closed
  const openByListener: Record<string, number> = {};
  const refusedByListener: Record<string, number> = {};
  let slowestRefusalMs = 0;
  for (const l of listeners) {
    const list = socks.get(l.name)!;
    openByListener[l.name] = list.filter((r) => r.closedAt === undefined).length;
    refusedByListener[l.name] = list.length - openByListener[l.name]!;
    for (const r of list) if (r.closedAt !== undefined) slowestRefusalMs = Math.max(slowestRefusalMs, r.closedAt - t0);
  }
  const refusedCounted = { plain: await refusedPerIp(plain), secure: await refusedPerIp(secure) };
  const openPlain = openByListener['plain tcp']! + openByListener['plain ws']!;
  const openSecure = openByListener['tls tcp']! + openByListener['wss']!;
  figure('accept_budget', { max_per_ip: PER_IP, sockets_per_listener: SOCKETS, sockets_total: total, refused_by_listener: refusedByListener, open_by_listener: openByListener, refused_counted_by_pod: refusedCounted, all_refused_within_ms: slowestRefusalMs });
  assert.ok(openPlain <= PER_IP, `plain pod: ${openPlain} sockets stayed open (budget ${PER_IP})`);
  assert.ok(openSecure <= PER_IP, `TLS pod: ${openSecure} sockets stayed open (budget ${PER_IP})`);
  assert.equal(refusedCounted.plain, 2 * SOCKETS - openPlain);
  assert.equal(refusedCounted.secure, 2 * SOCKETS - openSecure);

  // Another address is not affected: its TLS handshake and WebSocket upgrade complete and it is served.
  const ca = readFileSync(certs.caCert);
  const tls = await FrameClient.connect(secure.port, '127.0.0.1', 10_000, { localAddress: '127.0.0.2', tls: { ca } });
  assert.equal((await tls.request(MsgId.C2G_LoginByToken, { account: 'other', token: 'f'.repeat(32) }, MsgId.G2C_LoginByTokenRs)).returnCode, ReturnCode.TOKEN_INVALID);
  const wss = await WsFrameClient.connect(`wss://127.0.0.1:${secure.wsPort}/`, { ca, localAddress: '127.0.0.2' });
  assert.equal((await wss.request(MsgId.C2G_LoginByToken, { account: 'other', token: 'f'.repeat(32) }, MsgId.G2C_LoginByTokenRs)).returnCode, ReturnCode.TOKEN_INVALID);
  const ws = await WsFrameClient.connect(`ws://127.0.0.1:${plain.wsPort}/`, { localAddress: '127.0.0.2' });
  assert.equal((await ws.request(MsgId.C2G_LoginByToken, { account: 'other', token: 'f'.repeat(32) }, MsgId.G2C_LoginByTokenRs)).returnCode, ReturnCode.TOKEN_INVALID);
  tls.destroy();
  wss.close();
  ws.close();

  // Closing the held sockets gives their places back: the same address is admitted again.
  for (const list of socks.values()) for (const r of list) r.socket.destroy();
  const again = await waitFor('127.0.0.1 admitted again', () => WsFrameClient.connect(`wss://127.0.0.1:${secure.wsPort}/`, { ca }), 10_000, 100);
  assert.equal((await again.request(MsgId.C2G_LoginByToken, { account: 'again', token: 'f'.repeat(32) }, MsgId.G2C_LoginByTokenRs)).returnCode, ReturnCode.TOKEN_INVALID);
  again.close();
});

/**
 * TLS on login and game (issue 13, point 6), against real pods with certificates made by `openssl` for the test:
 * robots play the whole flow over TLS; a plaintext client and a garbage handshake each close only their own
 * connection (counted as `connections_refused_total{reason="tls"}`); a rotated certificate is served to new
 * connections without a restart; an expired one makes a verifying client fail while established players go on; one
 * TLS variable alone stops the start with one line naming the other.
 */
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { connect as netConnect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { connect as tlsConnect, type TLSSocket } from 'node:tls';
import { MsgId, ReturnCode } from '../services/protocol/wire.js';
import { runRobots } from '../services/robots/run.js';
import { FrameClient } from '../services/socket/frame-client.js';
import { figure, sample, scrape } from './helpers/reliability.js';
import { startService } from './helpers/service-process.js';
import { waitFor } from './helpers/wait-for.js';
import { fetchJson, startCluster, waitRegistered, type Proc, type TestCluster } from './pod-cluster.js';

const dir = mkdtempSync(join(tmpdir(), 'gc-tls-'));
const f = (n: string) => join(dir, n);
const ossl = (...args: string[]) => execFileSync('openssl', args, { cwd: dir, stdio: 'pipe' });

/** A CA, and server certificates for 127.0.0.1 signed by it: `a` and `b` valid, `old` expired yesterday. */
function makeCerts(): void {
  ossl('req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:P-256', '-nodes', '-keyout', 'ca.key', '-out', 'ca.crt', '-subj', '/CN=gamecluster test CA', '-days', '2');
  writeFileSync(f('ext'), 'subjectAltName=IP:127.0.0.1\n');
  for (const [name, days] of [['a', '2'], ['b', '2'], ['old', '-1']] as const) {
    ossl('req', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:P-256', '-nodes', '-keyout', `${name}.key`, '-out', `${name}.csr`, '-subj', `/CN=pod ${name}`);
    ossl('x509', '-req', '-in', `${name}.csr`, '-CA', 'ca.crt', '-CAkey', 'ca.key', '-CAcreateserial', '-out', `${name}.crt`, '-days', days, '-extfile', 'ext');
  }
}

/** Puts certificate `name` where the pods read theirs (key first: a half-swapped pair is refused and the old kept). */
function install(name: string): void {
  copyFileSync(f(`${name}.key`), f('live.key'));
  copyFileSync(f(`${name}.crt`), f('live.crt'));
}

let c: TestCluster;
let game: Proc;
let login: Proc;
let ca: Buffer;

before(async () => {
  makeCerts();
  install('a');
  ca = readFileSync(f('ca.crt'));
  c = await startCluster({ prefix: 'tls', env: { LOG_LEVEL: 'warn', TLS_CERT_FILE: f('live.crt'), TLS_KEY_FILE: f('live.key') } });
  [login, game] = await Promise.all([c.startPod('login', 'tls-login'), c.startPod('game', 'tls-game')]);
  await waitRegistered(c, 'login', ['tls-login']);
  await waitRegistered(c, 'game', ['tls-game']);
});

after(async () => {
  await c?.stop();
  rmSync(dir, { recursive: true, force: true });
});

/** A verified TLS player in game (the flow by hand), for "others go on" checks. */
async function tlsPlayer(account: string): Promise<FrameClient> {
  const { body } = await fetchJson(`http://127.0.0.1:${c.appmgr.port}/login`);
  const l = await FrameClient.connect(body.port, body.ip, 10_000, { tls: { ca } });
  assert.equal((await l.request(MsgId.C2L_AccountCheck, { account, password: 'pw' }, MsgId.L2C_AccountCheckRs)).returnCode ?? 0, ReturnCode.OK);
  const enter = await l.request(MsgId.C2L_EnterGame, {}, MsgId.L2C_EnterGameRs);
  await l.closed;
  const g = await FrameClient.connect(enter.port!, enter.ip!, 10_000, { tls: { ca } });
  assert.equal((await g.request(MsgId.C2G_LoginByToken, { account, token: enter.token! }, MsgId.G2C_LoginByTokenRs)).returnCode ?? 0, ReturnCode.OK);
  return g;
}

async function echo(g: FrameClient, text: string): Promise<void> {
  const rs = await g.request(MsgId.C2G_Echo, { payload: Buffer.from(text), clientTimeMs: 1 }, MsgId.G2C_Echo);
  assert.equal(Buffer.from(rs.payload!).toString(), text);
}

/** The certificate a fresh connection to `port` is served (not verified: we only look at it). */
function servedCert(port: number): Promise<{ subject: string; error: string | undefined }> {
  return new Promise((resolve, reject) => {
    const s: TLSSocket = tlsConnect({ port, host: '127.0.0.1', rejectUnauthorized: false, ca }, () => {
      const cn = s.getPeerCertificate().subject?.CN ?? '';
      const subject = Array.isArray(cn) ? cn.join(',') : cn;
      const error = s.authorizationError ? String(s.authorizationError) : undefined;
      s.destroy();
      resolve({ subject, error });
    });
    s.once('error', reject);
  });
}

test('robots play the whole flow over TLS (--tls --ca)', { timeout: 60_000 }, async () => {
  const report = await runRobots({ appmgr: `http://127.0.0.1:${c.appmgr.port}`, players: 100, rate: 200, durationS: 1, echoPerSec: 2, tls: true, ca });
  figure('tls robots', { players: report.players, ok: report.ok, failed: report.failed });
  assert.equal(report.failed, 0, JSON.stringify(report.failures));
  assert.equal(report.ok, 100);
});

test('a plaintext client and a garbage handshake close only their own connection', { timeout: 30_000 }, async () => {
  const g = await tlsPlayer('tls-bystander');
  const before = sample(await scrape(game.metricsPort), 'gamecluster_connections_refused_total', { reason: 'tls' });
  // Plaintext: a well-formed C2G_LoginByToken frame where a ClientHello belongs.
  const plain = await FrameClient.connect(game.port);
  plain.send(MsgId.C2G_LoginByToken, { account: 'x', token: 'y' });
  await plain.closed;
  // Garbage that starts like a TLS record and then is not one.
  await new Promise<void>((resolve) => {
    const s = netConnect({ port: game.port, host: '127.0.0.1' }, () => s.write(Buffer.from([0x16, 0x03, 0x01, 0x00, 0x20, ...Buffer.alloc(32, 0xee)])));
    s.on('error', () => undefined);
    s.resume();
    s.once('close', () => resolve());
  });
  await waitFor('tls refusals counted', async () => sample(await scrape(game.metricsPort), 'gamecluster_connections_refused_total', { reason: 'tls' }) - before >= 2, 10_000, 100);
  await echo(g, 'unaffected');
  assert.equal(game.proc.child.exitCode, null);
  g.destroy();
});

test('a rotated certificate is served to new connections without a restart; an expired one fails verifying clients only', { timeout: 60_000 }, async () => {
  const g = await tlsPlayer('tls-through-rotation');
  const pid = game.proc.child.pid;
  assert.equal((await servedCert(game.port)).subject, 'pod a');
  const t0 = Date.now();
  install('b');
  await waitFor('certificate b served', async () => (await servedCert(game.port)).subject === 'pod b', 20_000, 200);
  const rotatedMs = Date.now() - t0;
  await echo(g, 'after rotation');

  install('old');
  await waitFor('expired certificate served', async () => (await servedCert(game.port)).subject === 'pod old', 20_000, 200);
  const served = await servedCert(game.port);
  assert.equal(served.error, 'CERT_HAS_EXPIRED');
  await assert.rejects(FrameClient.connect(game.port, '127.0.0.1', 5000, { tls: { ca } }), /expired/i, 'a verifying client refuses the expired certificate');
  await echo(g, 'still here'); // established players are not touched by what new connections are served
  figure('tls rotation', { rotated_served_after_ms: rotatedMs, same_pid: game.proc.child.pid === pid });
  assert.equal(game.proc.child.pid, pid);

  install('a');
  // Both pods reload on their own schedule: the next player meets the login first, then the game.
  for (const p of [login, game]) await waitFor('certificate a served again', async () => (await servedCert(p.port)).subject === 'pod a', 20_000, 200);
  const p = await tlsPlayer('tls-after-expired');
  await echo(p, 'fresh');
  p.destroy();
  g.destroy();
});

test('one TLS variable alone stops the start with one line naming the other; exit 2', { timeout: 30_000 }, async () => {
  const { TLS_KEY_FILE: _key, ...common } = c.common;
  const p = startService('game', { ...common, TLS_CERT_FILE: f('a.crt'), PORT: '0', METRICS_PORT: '0' });
  assert.equal(await p.exited, 2);
  const text = p.stderr.join('').trim();
  assert.equal(text.split('\n').length, 1, text);
  assert.match(text, /TLS_KEY_FILE/);
  const q = startService('login', { ...common, TLS_CERT_FILE: f('a.crt'), TLS_KEY_FILE: f('missing.key'), PORT: '0', METRICS_PORT: '0' });
  assert.equal(await q.exited, 2);
  assert.match(q.stderr.join(''), /TLS_KEY_FILE/);
});

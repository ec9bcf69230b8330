/**
 * The Unity package (clients/unity) without Unity: Debian's mcs compiles Runtime/ (C# 7.2, no UnityEngine) into
 * GameCluster.Client.dll, the console test program (test/unity/ClientTests.cs) and the sample scene script against a
 * UnityEngine stub; one mono process then runs every scenario against real processes on loopback:
 * - cluster A (appmgr, a login with AUTH_MODE=http against a tiny auth service here, an echo game; TCP + WebSocket):
 *   200 players over TCP and 50 over WebSocket play the whole flow, echo both ways and leave, with 0 failures; a wrong
 *   password, an unreachable appmgr and a duplicate login's kick come out with the JS SDK's step and code names;
 * - cluster B (CLUSTER_CAPACITY=2, TLS everywhere, the arena game behind a TCP proxy): TLS to an untrusted CA fails;
 *   with TlsOptions.CaCertificate a player moves, the proxy cuts his connection, he resumes with his position kept;
 *   the queue (a full cluster, a place, position updates, NO_APP for a player who does not queue, admission); after
 *   `cert-sync --user` of the CA under the process's HOME, wss (ClientWebSocket) plays the flow; rooms (the arena
 *   declares the mode `arena`): a host creates a private room of 2 over TCP, a friend joins it by id over wss, and the
 *   arena has them in that one room; a third player gets ROOM_FULL, an unknown id ROOM_NOT_FOUND, each at once.
 * - the codec: the C# and TypeScript codecs agree on every client-facing message on 1,000 random values each way:
 *   identical bytes (decoded comparison where a map may order its entries differently) and identical decoded fields.
 */
import assert from 'node:assert/strict';
import { spawn, execFile, type ChildProcess } from 'node:child_process';
import { createServer, type Server } from 'node:http';
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { after, before, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { freePort } from './helpers/free-port.js';
import { ensureMono, mcs } from './helpers/mono.js';
import { codec, dump, hasMap, MESSAGE_NAMES, randomCases, type MessageName } from './helpers/platform-codec-cases.js';
import { startRedis, type TestRedis } from './helpers/redis-server.js';
import { startTcpProxy, type TcpProxy } from './helpers/tcp-proxy.js';
import { makeTestCerts, type TestCerts } from './helpers/test-certs.js';
import { waitFor } from './helpers/wait-for.js';
import { fetchJson, metric, startCluster, waitRegistered, type TestCluster } from './pod-cluster.js';

const root = fileURLToPath(new URL('../', import.meta.url));
const pkg = join(root, 'clients/unity');
const TCP_PLAYERS = 200;
const WS_PLAYERS = 50;
const CODEC_COUNT = 1000;
const SCENARIOS = ['codec', 'tls_untrusted', 'errors', 'flow_tcp', 'flow_ws', 'resume', 'queue', 'wss', 'rooms'];

let dir: string;
let certs: TestCerts | undefined;
let redis: TestRedis | undefined;
let auth: Server | undefined;
let proxy: TcpProxy | undefined;
const clusters: TestCluster[] = [];
let mono: ChildProcess | undefined;
const results = new Map<string, Record<string, any>>();
const notes: string[] = [];
let codecIn: { type: MessageName; bytes: Uint8Array }[] = [];
let monoMs = 0;

/** AUTH_MODE=http's service: any account, password "pw". */
async function startAuth(): Promise<{ server: Server; url: string }> {
  const server = createServer((req, res) => {
    let body = '';
    req.on('data', (c: Buffer) => (body += c.toString()));
    req.on('end', () => {
      const { account, password } = JSON.parse(body) as { account: string; password: string };
      res.setHeader('content-type', 'application/json');
      res.end(JSON.stringify(password === 'pw' ? { ok: true, player_id: account } : { ok: false }));
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return { server, url: `http://127.0.0.1:${(server.address() as { port: number }).port}/check` };
}

async function compile(out: string): Promise<void> {
  const runtime = join(out, 'GameCluster.Client.dll');
  await mcs(['-target:library', `-out:${runtime}`, '-r:System.Net.Http.dll', '-warnaserror+', '-recurse:Runtime/*.cs'], pkg);
  await Promise.all([
    mcs(['-target:exe', `-out:${join(out, 'ClientTests.exe')}`, `-r:${runtime}`, '-r:System.Net.Http.dll', '-debug', join(pkg, 'Samples~/Arena/ArenaMessages.cs'), join(root, 'test/unity/ClientTests.cs')], out),
    // The sample scene script compiles against a stub of the few UnityEngine types it uses.
    mcs(['-target:library', `-out:${join(out, 'Sample.dll')}`, `-r:${runtime}`, '-warnaserror+', join(root, 'test/unity/UnityEngineStub.cs'), join(pkg, 'Samples~/Arena/ArenaMessages.cs'), join(pkg, 'Samples~/Arena/ArenaClient.cs')], out),
  ]);
}

async function clusterA(redisUrl: string, authUrl: string): Promise<{ appmgr: string }> {
  const c = await startCluster({ prefix: 'unitya', redisUrl });
  clusters.push(c);
  const [lws, gws] = [await freePort(), await freePort()];
  await Promise.all([
    c.startPod('login', 'login-a', { WS_PORT: String(lws), AUTH_MODE: 'http', AUTH_URL: authUrl }),
    c.startPod('game', 'game-a', { WS_PORT: String(gws), RESUME_GRACE_MS: '5000' }),
  ]);
  await waitRegistered(c, 'login', ['login-a']);
  await waitRegistered(c, 'game', ['game-a']);
  return { appmgr: `http://127.0.0.1:${c.appmgr.port}` };
}

const GRACE_MS = 2000;

async function clusterB(redisUrl: string, tls: TestCerts): Promise<{ appmgr: string; empty: () => Promise<unknown>; outage: () => Promise<void> }> {
  const c = await startCluster({ prefix: 'unityb', redisUrl, appmgrEnv: { CLUSTER_CAPACITY: '2', QUEUE_TICK_MS: '50' } });
  clusters.push(c);
  // Pods advertise `localhost`: mono checks a certificate's DNS names only, never an IP address SAN.
  const files = { TLS_CERT_FILE: tls.serverCert, TLS_KEY_FILE: tls.serverKey, ADVERTISE_HOST: 'localhost' };
  const gamePort = await freePort();
  proxy = await startTcpProxy(gamePort);
  const [lws, gws] = [await freePort(), await freePort()];
  await Promise.all([
    c.startPod('login', 'login-b', { ...files, WS_PORT: String(lws) }),
    c.startPod('game', 'game-b', { ...files, WS_PORT: String(gws), GAME_MODULE: 'arena', PORT: String(gamePort), ADVERTISE_PORT: String(proxy.port), RESUME_GRACE_MS: String(GRACE_MS) }),
  ]);
  const game = c.procs.find((p) => p.appId === 'game-b')!;
  await waitRegistered(c, 'login', ['login-b']);
  await waitRegistered(c, 'game', ['game-b']);
  // The cluster of 2 is free again once appmgr sees nobody online on game-b (the queue scenario's players left).
  const empty = () =>
    waitFor('cluster B empty', async () => {
      const apps = (await fetchJson(`http://127.0.0.1:${c.appmgr.metricsPort}/apps`)).body.apps as { app_id: string; online: number }[];
      return apps.some((a) => a.app_id === 'game-b' && a.online === 0);
    }, 15_000, 50);
  // The network to the game is down until the player's grace has run out on the server.
  const outage = async () => {
    proxy!.outage(true);
    const away = () => metric(game.metricsPort, 'gamecluster_players_away');
    await waitFor('the player away on the server', async () => (await away()) === 1, 10_000, 50);
    await waitFor('his grace over', async () => (await away()) === 0, GRACE_MS + 10_000, 50);
    proxy!.outage(false);
  };
  return { appmgr: `http://127.0.0.1:${c.appmgr.port}`, empty, outage };
}

const run = promisify(execFile);

before(async () => {
  await ensureMono();
  dir = mkdtempSync(join(tmpdir(), 'gc-unity-'));
  const home = join(dir, 'home');
  const out = join(dir, 'bin');
  mkdirSync(home);
  mkdirSync(out);
  certs = makeTestCerts({ rsa: true }); // mono's managed X509Chain (TlsOptions.CaCertificate) cannot parse EC keys
  redis = await startRedis();
  const a = await startAuth();
  auth = a.server;
  const [, A, B] = await Promise.all([compile(out), clusterA(redis.url, a.url), clusterB(redis.url, certs)]);

  codecIn = randomCases(20260, CODEC_COUNT);
  writeFileSync(join(dir, 'codec-in.tsv'), codecIn.map((c) => `${c.type}\t${Buffer.from(c.bytes).toString('hex')}\n`).join(''));
  const args = [
    `scenarios=${SCENARIOS.join(',')}`,
    `appmgr_a=${A.appmgr}`,
    `appmgr_b=${B.appmgr}`,
    `tcp_players=${TCP_PLAYERS}`,
    `ws_players=${WS_PLAYERS}`,
    `dead_port=${await freePort()}`,
    `ca=${certs.caCert}`,
    `codec_in=${join(dir, 'codec-in.tsv')}`,
    `codec_out=${join(dir, 'codec-out.tsv')}`,
    `count=${CODEC_COUNT}`,
    'seed=4242',
  ];
  const t0 = Date.now();
  mono = spawn('mono', ['--debug', join(out, 'ClientTests.exe'), ...args], { cwd: out, env: { PATH: process.env.PATH ?? '', HOME: home }, stdio: ['pipe', 'pipe', 'pipe'] });
  const stderr: string[] = [];
  mono.stderr!.setEncoding('utf8').on('data', (d: string) => stderr.push(d));
  const answer = (what: string) => mono!.stdin!.write(`done ${what}\n`);
  // What the C# program asks the harness to do to the cluster, by name (it waits for `done <name>` or `done failed`).
  const asks: Record<string, () => Promise<unknown>> = {
    outage: () => B.outage(),
    empty: () => B.empty(),
    // ClientWebSocket (wss) trusts mono's store only: the CA goes into the user store under the process's HOME.
    'trust-ca': () => B.empty().then(() => run('cert-sync', ['--quiet', '--user', certs!.caCert], { env: { PATH: process.env.PATH ?? '', HOME: home }, timeout: 60_000 })),
  };
  const lines = createInterface({ input: mono.stdout! });
  lines.on('line', (line) => {
    if (line.startsWith('RESULT ')) {
      const r = JSON.parse(line.slice(7)) as Record<string, any>;
      results.set(r.scenario as string, r);
    } else if (line === 'ASK cut') {
      proxy!.cut();
      answer('cut');
    } else if (line.startsWith('ASK ') && line.slice(4) in asks) {
      const what = line.slice(4);
      asks[what]!().then(
        () => answer(what),
        (err: Error) => {
          notes.push(`${what} failed: ${err.message}`);
          answer('failed');
        },
      );
    } else notes.push(line);
  });
  const code = await new Promise<number | null>((resolve) => {
    const timer = setTimeout(() => mono!.kill('SIGKILL'), 180_000);
    mono!.on('exit', (c) => {
      clearTimeout(timer);
      resolve(c);
    });
  });
  monoMs = Date.now() - t0;
  assert.equal(code, 0, `mono exited ${code}: ${stderr.join('').slice(-3000)}`);
});

after(async () => {
  if (mono && mono.exitCode === null) mono.kill('SIGKILL');
  await proxy?.close();
  await Promise.all(clusters.map((c) => c.stop()));
  await redis?.stop();
  auth?.close();
  certs?.remove();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

function result(name: string): Record<string, any> {
  const r = results.get(name);
  assert.ok(r, `scenario ${name} reported nothing; output: ${notes.slice(-20).join('\n')}`);
  assert.equal(r.ok, true, `${name}: ${r.error}`);
  assert.equal(r.wrong_thread, 0, 'every event and handler ran on the game thread (inside Update())');
  return r;
}

test('the package: UPM layout, Runtime/ without UnityEngine (asmdef noEngineReferences), the version of the repository', () => {
  const upm = JSON.parse(readFileSync(join(pkg, 'package.json'), 'utf8')) as { name: string; version: string; unity: string; samples: { path: string }[] };
  const repo = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { version: string };
  assert.match(upm.name, /^com\.[a-z0-9-]+\.[a-z0-9.-]+$/);
  assert.equal(upm.version, repo.version);
  assert.match(upm.unity, /^\d{4}\.\d$/);
  for (const s of upm.samples) assert.ok(readdirSync(join(pkg, s.path)).some((f) => f.endsWith('.cs')), s.path);
  const asmdef = JSON.parse(readFileSync(join(pkg, 'Runtime/GameCluster.Client.asmdef'), 'utf8')) as { name: string; noEngineReferences: boolean; references: string[] };
  assert.equal(asmdef.noEngineReferences, true);
  assert.deepEqual(asmdef.references, []);
  const walk = (d: string): string[] => readdirSync(d, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(join(d, e.name)) : [join(d, e.name)]));
  const sources = walk(join(pkg, 'Runtime')).filter((f) => f.endsWith('.cs'));
  assert.ok(sources.length >= 10);
  for (const f of sources) assert.doesNotMatch(readFileSync(f, 'utf8'), /UnityEngine/, f);
  assert.ok(readdirSync(join(pkg, 'Documentation~')).some((f) => f.endsWith('.md')));
  // Installed from git or a tarball the package is immutable: Unity ignores any asset without its committed .meta.
  const guids = new Map<string, string>();
  const metas = (d: string): void => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      if (e.name.startsWith('.') || e.name.endsWith('.meta') || e.name.endsWith('~')) continue;
      const p = join(d, e.name);
      const guid = /^guid: ([0-9a-f]{32})$/m.exec(readFileSync(`${p}.meta`, 'utf8'))?.[1];
      assert.ok(guid, `${p}.meta has a guid (node scripts/unity-meta.mjs writes missing ones)`);
      assert.ok(!guids.has(guid), `${p}: guid also used by ${guids.get(guid)}`);
      guids.set(guid, p);
      if (e.isDirectory()) metas(p);
    }
  };
  metas(pkg);
});

test('npm pack of the package (a UPM tarball) holds package.json, Runtime/ with its .meta files, the sample and the docs', async () => {
  const { stdout } = await run('npm', ['pack', '--dry-run', '--json'], { cwd: pkg, timeout: 60_000 });
  const files = (JSON.parse(stdout) as { files: { path: string }[] }[])[0]!.files.map((f) => f.path);
  for (const f of ['package.json', 'Runtime/GameCluster.Client.asmdef', 'Runtime/GameCluster.Client.asmdef.meta', 'Runtime/Session/GameSession.cs', 'Runtime/Session/GameSession.cs.meta', 'Samples~/Arena/ArenaClient.cs', 'Documentation~/gamecluster-client.md']) {
    assert.ok(files.includes(f), `${f} in the tarball`);
  }
});

test(`codec: C# and TypeScript agree on every client-facing message, ${CODEC_COUNT} random values each way`, (t) => {
  const r = result('codec');
  assert.equal(r.ts_cases, CODEC_COUNT * MESSAGE_NAMES.length);
  assert.equal(r.cs_cases, CODEC_COUNT * MESSAGE_NAMES.length);
  assert.equal(r.malformed_rejected, 5);
  const lines = readFileSync(join(dir, 'codec-out.tsv'), 'utf8').trimEnd().split('\n');
  assert.equal(lines.length, 2 * CODEC_COUNT * MESSAGE_NAMES.length);
  let bytesCompared = 0;
  let decodedCompared = 0;
  for (const [i, line] of lines.entries()) {
    const [from, type, h, csDump] = line.split('\t') as [string, MessageName, string, string];
    const csBytes = Buffer.from(h, 'hex');
    const c = codec(type);
    // The reference: what the TypeScript codec wrote (ts), or decodes and writes again from the C# bytes (cs).
    const tsBytes = from === 'ts' ? codecIn[i]!.bytes : c.encode(c.decode(csBytes)).finish();
    assert.equal(type, from === 'ts' ? codecIn[i]!.type : type);
    const where = `${from} case ${i} ${type}`;
    assert.deepEqual(JSON.parse(csDump), dump(type, c.decode(tsBytes)), `${where}: the C# fields are the TypeScript fields`);
    if (hasMap(type) && Buffer.compare(csBytes, Buffer.from(tsBytes)) !== 0) {
      assert.deepEqual(dump(type, c.decode(csBytes)), dump(type, c.decode(tsBytes)), `${where}: map entries in another order, same message`);
      decodedCompared++;
    } else {
      assert.equal(Buffer.from(csBytes).toString('hex'), Buffer.from(tsBytes).toString('hex'), `${where}: identical bytes`);
      bytesCompared++;
    }
  }
  t.diagnostic(`${lines.length} messages: ${bytesCompared} byte for byte, ${decodedCompared} compared decoded (map order); mono ran all scenarios in ${monoMs} ms`);
});

test(`${TCP_PLAYERS} players over TCP and ${WS_PLAYERS} over WebSocket: the whole flow, echo, pings, leave — 0 failures`, (t) => {
  const tcp = result('flow_tcp');
  const ws = result('flow_ws');
  for (const [r, n] of [[tcp, TCP_PLAYERS], [ws, WS_PLAYERS]] as const) {
    assert.equal(r.failures, 0, JSON.stringify(r.first_failures));
    assert.equal(r.ok_players, n);
    assert.ok(r.pongs >= n / 10, `pongs ${r.pongs}`);
  }
  t.diagnostic(`tcp: ${tcp.players} players in ${tcp.ms} ms, connect p50 ${tcp.connect_p50_ms} ms p95 ${tcp.connect_p95_ms} ms; ws: ${ws.players} in ${ws.ms} ms, p50 ${ws.connect_p50_ms} p95 ${ws.connect_p95_ms}`);
});

test('errors carry the JS SDK step and code: wrong password, unreachable appmgr, a kick', () => {
  const r = result('errors');
  assert.equal(r.wrong_password.step, 'account_check');
  assert.equal(r.wrong_password.code, 'PASSWORD_WRONG');
  assert.equal(r.unreachable.step, 'http_login');
  assert.equal(r.unreachable.code, 'ECONNREFUSED', r.unreachable.message);
  assert.deepEqual(r.kick, { reason: 'DUPLICATE_LOGIN', code: 1, closed: 'kicked', step: 'game', error_code: 'kicked:DUPLICATE_LOGIN', away: 0, second_online: true });
});

test('TLS: an untrusted server certificate fails the login step; TlsOptions.CaCertificate trusts a private CA', () => {
  const r = result('tls_untrusted');
  assert.equal(r.error.step, 'account_check');
  assert.equal(r.error.code, 'error');
  assert.match(r.error.message, /TLS|certificate|handshake|Authentication/i);
  result('resume'); // TLS with CaCertificate: below
});

test('resume: the connection is cut through a TCP proxy; C2G_Resume to the same game, the position kept; past the grace, /login again', (t) => {
  const r = result('resume');
  assert.equal(r.via, 'resume');
  assert.equal(r.away_step, 'game');
  assert.match(r.away_code, /^(ECONNRESET|closed_by_server|EPIPE)$/);
  assert.equal(r.same_player, true);
  assert.deepEqual(r.timings, ['http_login', 'account_check', 'enter_game', 'game_login', 'resume'], 'no new login: the same session');
  assert.equal(r.echo_after, 5);
  assert.equal(r.after_outage_via, 'login', 'an outage past the grace: back through /login');
  assert.deepEqual(r.timings_after_outage, ['http_login', 'account_check', 'enter_game', 'game_login']);
  assert.equal(r.closed, 'left');
  t.diagnostic(`away as ${r.away_code}; position ${r.position_kept} kept; after an outage past the grace: back via ${r.after_outage_via}`);
});

test('queue: a full cluster, a place in line with position updates, NO_APP for a player who does not queue, then admission', (t) => {
  const r = result('queue');
  assert.ok(r.positions.length >= 2, `positions ${r.positions}`);
  assert.ok(r.positions.every((p: number) => p === 1), `positions ${r.positions}`);
  assert.ok(r.etas.every((e: number) => typeof e === 'number'));
  assert.deepEqual(r.no_app, { step: 'http_login', code: 'NO_APP', message: r.no_app.message });
  assert.deepEqual(r.steps, ['queue_wait', 'http_login', 'account_check', 'enter_game', 'game_login']);
  t.diagnostic(`${r.positions.length} queue updates, admitted after ${r.ms} ms`);
});

test('wss: ClientWebSocket with the CA in mono\'s trust store (cert-sync --user) plays the flow', () => {
  const r = result('wss');
  assert.deepEqual(r.steps, ['http_login', 'account_check', 'enter_game', 'game_login']);
  assert.ok(r.pongs >= 1);
});

test('rooms: a private room created over TCP, joined by id over wss; both in it inside the arena; ROOM_FULL and ROOM_NOT_FOUND at once', (t) => {
  const r = result('rooms');
  assert.match(r.room_id, /^[23456789ABCDEFGHJKMNPQRSTUVWXYZ]{8}$/);
  assert.deepEqual([r.host_room, r.host_joined_room, r.friend_room, r.friend_joined_room], [r.room_id, r.room_id, r.room_id, r.room_id], 'one room: the session’s and the module’s');
  assert.deepEqual(r.friend_steps, ['http_login', 'account_check', 'enter_game', 'game_login']);
  assert.deepEqual([r.full.step, r.full.code, r.full_attempts], ['enter_game', 'ROOM_FULL', 1]);
  assert.deepEqual([r.not_found.step, r.not_found.code, r.not_found_attempts], ['enter_game', 'ROOM_NOT_FOUND', 1]);
  t.diagnostic(`room ${r.room_id}: host over TCP (TLS), friend over wss, both in it; third: ${r.full.code}, unknown id: ${r.not_found.code}, one attempt each (${r.ms} ms)`);
});

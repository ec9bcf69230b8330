/**
 * The expose modes over real processes (redis-server, appmgr, login/game via `gamecluster`), with a local HTTP
 * server standing in for the Kubernetes API (test/helpers/fake-kube-api.ts, reached through @kubernetes/client-node
 * with KUBECONFIG): hostPort pods stay unready and unregistered while their Node is unknown, then advertise the
 * Node's ExternalIP (ExternalDNS when present; a Node with only an InternalIP keeps the pod unready unless InternalIP
 * is listed) and players go through; hostNetwork pods on one "node" bind distinct client ports of PORT_RANGE (an
 * occupied one skipped) and metrics ports of the disjoint METRICS_PORT_RANGE, advertise node-address:port, and
 * `gamecluster probe` finds them through PORTS_FILE.
 */
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { after, before, test } from 'node:test';
import { readPortsFile } from '../services/pod/port-range.js';
import { startFakeKubeApi, type FakeKubeApi } from './helpers/fake-kube-api.js';
import { startService } from './helpers/service-process.js';
import { waitFor } from './helpers/wait-for.js';
import { fetchJson, play, readyz, startCluster, waitRegistered, type TestCluster } from './pod-cluster.js';

const cli = fileURLToPath(new URL('../services/cli.ts', import.meta.url));
let c: TestCluster;
let kube: FakeKubeApi;
let dir: string;
const squatters: Server[] = [];

before(async () => {
  kube = await startFakeKubeApi();
  dir = mkdtempSync(join(tmpdir(), 'gc-expose-'));
  c = await startCluster({ prefix: 'expose', env: { KUBECONFIG: kube.kubeconfig, NODE_LOOKUP_RETRY_MS: '200', KUBE_API_TIMEOUT_MS: '3000' } });
});

after(async () => {
  await c?.stop();
  await kube?.close();
  for (const s of squatters) s.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

async function apps(): Promise<{ app_id: string; app_type: string; ip: string; port: number; state: string }[]> {
  return (await fetchJson(`http://127.0.0.1:${c.appmgr.metricsPort}/apps`)).body.apps;
}

async function readyzBody(port: number): Promise<{ status: number; state?: string; reason?: string }> {
  const r = await fetch(`http://127.0.0.1:${port}/readyz`, { signal: AbortSignal.timeout(2000) }).catch(() => undefined);
  if (!r) return { status: 0 };
  const b = (await r.json()) as { status: string; reason?: string };
  return { status: r.status, state: b.status, ...(b.reason ? { reason: b.reason } : {}) };
}

function probe(portsFile: string, check: string): Promise<{ code: number | null; stderr: string }> {
  const child = spawn(process.execPath, ['--import', 'tsx', cli, 'probe', check], { env: { PATH: process.env.PATH ?? '', PORTS_FILE: portsFile }, stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr!.setEncoding('utf8').on('data', (d: string) => (stderr += d));
  return once(child, 'close').then(([code]) => ({ code: code as number | null, stderr }));
}

test('hostPort: unready and unregistered until the Node answers, then ExternalIP is advertised and players go through', async (t) => {
  const env = { EXPOSE_MODE: 'hostPort', NODE_NAME: 'node-a', POD_IP: '10.99.0.1' };
  const [login, game] = await Promise.all([c.startPod('login', 'login-hp', env, { waitReady: false }), c.startPod('game', 'game-hp', env, { waitReady: false })]);
  // The Node does not exist yet (404): several lookups, the pods answer /readyz 503 with the reason, no heartbeat.
  await waitFor('node-a looked up 3 times by each pod', () => kube.requests.filter((r) => r.path === '/api/v1/nodes/node-a').length >= 6, 30_000, 50);
  for (const p of [login, game]) assert.deepEqual(await readyzBody(p.metricsPort), { status: 503, state: 'not_ready', reason: 'node address unknown (EXPOSE_MODE lookup pending)' });
  assert.deepEqual((await apps()).filter((a) => a.app_id.endsWith('-hp')), [], 'not registered, never with the pod IP');
  assert.equal(login.proc.child.exitCode, null);
  const lookups = kube.requests.filter((r) => r.path === '/api/v1/nodes/node-a').length;
  t.diagnostic(`lookups before the Node existed: ${lookups}`);

  // 127.0.0.1 is this "node"'s external address; the internal one is unreachable, so a player getting through proves
  // which one was advertised.
  kube.nodes.set('node-a', [{ type: 'Hostname', address: 'node-a' }, { type: 'InternalIP', address: '10.255.0.1' }, { type: 'ExternalIP', address: '127.0.0.1' }]);
  await waitRegistered(c, 'login', ['login-hp']);
  await waitRegistered(c, 'game', ['game-hp']);
  for (const a of (await apps()).filter((x) => x.app_id.endsWith('-hp'))) {
    assert.equal(a.ip, '127.0.0.1');
    assert.equal(a.port, a.app_type === 'login' ? login.port : game.port, 'hostPort mode advertises PORT');
  }
  assert.equal(await readyz(login), 200);
  const { client, gamePort } = await play(c, 'hostport-player');
  assert.equal(gamePort, game.port);
  client.destroy();
  await Promise.all([login.proc.stop(), game.proc.stop()]);
});

test('hostPort: ExternalDNS wins (ip is a DNS name); an InternalIP-only Node keeps the pod unready unless InternalIP is listed; ADVERTISE_HOST overrides', async () => {
  kube.nodes.set('node-dns', [{ type: 'InternalIP', address: '10.255.0.2' }, { type: 'ExternalIP', address: '198.51.100.2' }, { type: 'ExternalDNS', address: 'node-dns.play.example.test' }]);
  kube.nodes.set('node-int', [{ type: 'Hostname', address: 'node-int' }, { type: 'InternalIP', address: '10.255.0.3' }]);
  const before = kube.requests.length;
  const pods = await Promise.all([
    c.startPod('game', 'game-dns', { EXPOSE_MODE: 'hostPort', NODE_NAME: 'node-dns' }),
    c.startPod('game', 'game-int', { EXPOSE_MODE: 'hostPort', NODE_NAME: 'node-int', NODE_ADDRESS_TYPES: 'ExternalDNS,ExternalIP,InternalIP' }),
    c.startPod('game', 'game-private', { EXPOSE_MODE: 'hostPort', NODE_NAME: 'node-int' }, { waitReady: false }),
    c.startPod('game', 'game-fixed', { EXPOSE_MODE: 'hostPort', NODE_NAME: 'node-int', ADVERTISE_HOST: 'fixed.example.test' }),
  ]);
  await waitRegistered(c, 'game', ['game-dns', 'game-int', 'game-fixed']);
  const ips = Object.fromEntries((await apps()).filter((a) => a.app_type === 'game').map((a) => [a.app_id, a.ip]));
  assert.deepEqual(ips, { 'game-dns': 'node-dns.play.example.test', 'game-int': '10.255.0.3', 'game-fixed': 'fixed.example.test' });
  // The default types are public only: the private Node's pod never registers with its internal address.
  await waitFor('game-private looked its Node up twice', () => kube.requests.slice(before).filter((r) => r.path === '/api/v1/nodes/node-int').length >= 3, 20_000, 50);
  assert.equal((await readyzBody(pods[2]!.metricsPort)).status, 503);
  assert.ok(!(await apps()).some((a) => a.app_id === 'game-private'));
  const asked = kube.requests.slice(before).map((r) => r.path);
  assert.ok(asked.filter((p) => p === '/api/v1/nodes/node-int').length >= 3, 'game-int once, game-private retrying; ADVERTISE_HOST: no lookup');
  await Promise.all(pods.map((p) => p.proc.stop()));
});

test('hostNetwork: two pods on one node bind distinct ports of PORT_RANGE (occupied skipped) and metrics ports of METRICS_PORT_RANGE, advertise them, probe finds them', async () => {
  kube.nodes.set('node-net', [{ type: 'InternalIP', address: '10.255.0.4' }, { type: 'ExternalIP', address: '127.0.0.1' }]);
  // A window below the ephemeral range (other tests' client sockets live there) whose first port we occupy.
  const squatter = createServer();
  squatters.push(squatter);
  let lo = 0;
  for (let i = 0; i < 50 && !lo; i++) {
    const p = 20_000 + Math.floor(Math.random() * 10_000);
    lo = await new Promise<number>((resolve) => {
      squatter.once('error', () => resolve(0));
      squatter.listen(p, '127.0.0.1', () => resolve(p));
    });
  }
  assert.ok(lo, 'found a port to occupy');
  const range = `${lo}-${lo + 40}`;
  const metricsRange = `${lo + 50}-${lo + 90}`;
  const files = ['a', 'b'].map((n) => join(dir, n, 'ports.json'));
  assert.equal((await probe(files[0]!, 'readyz')).code, 1, 'no ports file yet: not ready');
  const pods = await Promise.all(files.map((f, i) => c.startPod('game', `game-net-${i}`, { EXPOSE_MODE: 'hostNetwork', NODE_NAME: 'node-net', PORT_RANGE: range, METRICS_PORT_RANGE: metricsRange, PORTS_FILE: f }, { waitReady: false })));
  await waitFor('ports files written', () => files.every((f) => existsSync(f)), 30_000, 50);
  const ports = files.map((f) => readPortsFile(f));
  const all = ports.flatMap((p) => [p.port, p.metricsPort]);
  assert.equal(new Set(all).size, 4, `four distinct ports: ${all}`);
  for (const p of ports.map((x) => x.port)) assert.ok(p > lo && p <= lo + 40, `${p} in ${range} and not the occupied ${lo}`);
  // Health and metrics never in the range open to players.
  for (const p of ports.map((x) => x.metricsPort)) assert.ok(p >= lo + 50 && p <= lo + 90, `metrics ${p} in ${metricsRange}`);
  await waitRegistered(c, 'game', ['game-net-0', 'game-net-1']);
  for (const [i, p] of ports.entries()) {
    const a = (await apps()).find((x) => x.app_id === `game-net-${i}`)!;
    assert.deepEqual({ ip: a.ip, port: a.port }, { ip: '127.0.0.1', port: p.port });
    await waitFor(`game-net-${i} probe ready`, async () => (await probe(files[i]!, 'readyz')).code === 0, 20_000, 200);
    assert.equal((await probe(files[i]!, 'healthz')).code, 0);
  }
  const login = await c.startPod('login', 'login-pod-ip', { POD_IP: '127.0.0.1' });
  await waitRegistered(c, 'login', ['login-pod-ip']);
  const { client, gamePort } = await play(c, 'hostnet-player');
  assert.ok(ports.some((p) => p.port === gamePort));
  client.destroy();
  await login.proc.stop();
  const bad = await probe(files[0]!, 'nope');
  assert.equal(bad.code, 2);
  await Promise.all(pods.map((p) => p.proc.stop()));
  const gone = await probe(files[0]!, 'healthz');
  assert.equal(gone.code, 1, 'pod stopped: the probe fails');
  assert.match(gone.stderr, /^gamecluster probe: healthz on 127\.0\.0\.1:\d+: .+\n$/);
});

test('POD_DELETION_COST=on: a real game pod PATCHes its pod-deletion-cost = online players, only on change', async () => {
  const before = kube.patches.length;
  const game = await c.startPod('game', 'game-cost', { POD_NAME: 'gc-game-cost-1', POD_NAMESPACE: 'games', POD_DELETION_COST: 'on', POD_DELETION_COST_INTERVAL_MS: '1000' });
  const login = await c.startPod('login', 'login-cost', { POD_IP: '127.0.0.1' });
  await waitRegistered(c, 'game', ['game-cost']);
  await waitRegistered(c, 'login', ['login-cost']);
  const costs = () => kube.patches.slice(before).filter((p) => p.pod === 'gc-game-cost-1').map((p) => (p.body as { metadata: { annotations: Record<string, string> } }).metadata.annotations['controller.kubernetes.io/pod-deletion-cost']);
  await waitFor('cost 0 patched', () => costs().includes('0'), 20_000, 100);
  const { client } = await play(c, 'cost-player');
  await waitFor('cost 1 patched', () => costs().includes('1'), 20_000, 100);
  client.destroy();
  await waitFor('cost back to 0', () => costs().at(-1) === '0' && costs().length >= 3, 20_000, 100);
  const p = kube.patches.slice(before).find((x) => x.pod === 'gc-game-cost-1')!;
  assert.deepEqual({ namespace: p.namespace, contentType: p.contentType }, { namespace: 'games', contentType: 'application/merge-patch+json' });
  const n = costs().length;
  await new Promise((r) => setTimeout(r, 2500));
  assert.equal(costs().length, n, 'no patch while the count is unchanged');
  await Promise.all([game.proc.stop(), login.proc.stop()]);
});

test('WORKERS=2 + hostNetwork: the primary picks the port of the range, its workers share it, the Node address is advertised', async () => {
  kube.nodes.set('node-w', [{ type: 'ExternalIP', address: '127.0.0.1' }]);
  const lo = 20_000 + Math.floor(Math.random() * 10_000);
  const file = join(dir, 'w', 'ports.json');
  const game = await c.startPod('game', 'game-workers', { WORKERS: '2', EXPOSE_MODE: 'hostNetwork', NODE_NAME: 'node-w', PORT_RANGE: `${lo}-${lo + 40}`, METRICS_PORT_RANGE: `${lo + 50}-${lo + 90}`, PORTS_FILE: file }, { waitReady: false });
  await waitRegistered(c, 'game', ['game-workers']);
  const ports = readPortsFile(file);
  const a = (await apps()).find((x) => x.app_id === 'game-workers')!;
  assert.deepEqual({ ip: a.ip, port: a.port }, { ip: '127.0.0.1', port: ports.port });
  await waitFor('probe ready', async () => (await probe(file, 'readyz')).code === 0, 20_000, 200);
  await game.proc.stop();
});

test('bad expose config: one stderr line naming the variable, exit 2', async () => {
  for (const [env, variable] of [
    [{ EXPOSE_MODE: 'hostPort' }, 'NODE_NAME'],
    [{ EXPOSE_MODE: 'hostNetwork', NODE_NAME: 'n' }, 'PORT_RANGE'],
    [{ EXPOSE_MODE: 'hostNetwork', NODE_NAME: 'n', PORT_RANGE: '7000-7999' }, 'METRICS_PORT_RANGE'],
    [{ NODE_ADDRESS_TYPES: 'PublicIP' }, 'NODE_ADDRESS_TYPES'],
    [{ POD_DELETION_COST: 'on', POD_NAME: 'p' }, 'POD_NAMESPACE'],
  ] as const) {
    const p = startService('game', { REDIS_URL: c.redis.url, ...env });
    assert.equal(await p.exited, 2, JSON.stringify(env));
    const lines = p.stderr.join('').trimEnd().split('\n');
    assert.equal(lines.length, 1, lines.join('|'));
    assert.match(lines[0]!, new RegExp(`^gamecluster game: invalid ${variable}=`));
  }
});

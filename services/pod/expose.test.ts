/**
 * The expose modes' pieces in one process: the env rules (one-line ConfigErrors), the Node address choice, the Node
 * lookup and the deletion-cost patch through the real @kubernetes/client-node against a local HTTP API server, and
 * the port-range binding with real sockets.
 */
import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:net';
import { after, before, test } from 'node:test';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pino from 'pino';
import { ConfigError, loadConfig } from '../platform/config.js';
import { startFakeKubeApi, type FakeKubeApi } from '../../test/helpers/fake-kube-api.js';
import { waitFor } from '../../test/helpers/wait-for.js';
import { podEnv, resolvePodIdentity } from './pod-config.js';
import { createKubeApi } from './kube-api.js';
import { lookupNodeAddress, pickNodeAddress, waitForNodeAddress, NodeAddressError } from './node-address.js';
import { listenInRange, PortRangeExhaustedError, probeListen, readPortsFile } from './port-range.js';
import { bindPodPorts } from './pod-expose.js';
import { DELETION_COST_ANNOTATION, deletionCostTarget, PodAnnotator, podAnnotations } from './pod-deletion-cost.js';

const log = pino({ level: 'silent' });
const parse = (e: Record<string, string>) => loadConfig(podEnv(6001), e);
const identity = (e: Record<string, string>) => resolvePodIdentity(parse(e), 'box');

let kube: FakeKubeApi;
const savedKubeconfig = process.env.KUBECONFIG;
before(async () => {
  kube = await startFakeKubeApi();
  process.env.KUBECONFIG = kube.kubeconfig;
});
after(async () => {
  if (savedKubeconfig === undefined) delete process.env.KUBECONFIG;
  else process.env.KUBECONFIG = savedKubeconfig;
  await kube.close();
});

const oneLine = (variable: string) => (e: unknown) => e instanceof ConfigError && e.variable === variable && !e.message.includes('\n') && e.message.includes(variable);

test('expose env: podIP default; host modes need NODE_NAME unless ADVERTISE_HOST; hostNetwork needs PORT_RANGE and a disjoint METRICS_PORT_RANGE', () => {
  assert.deepEqual(identity({ POD_IP: '10.1.2.3' }).expose, { mode: 'podIP' });
  assert.equal(identity({ POD_IP: '10.1.2.3' }).advertiseHost, '10.1.2.3');
  const hp = identity({ EXPOSE_MODE: 'hostPort', NODE_NAME: 'node-a', POD_IP: '10.1.2.3' });
  assert.equal(hp.advertiseHost, '', 'never the pod IP: unknown until the lookup');
  assert.equal(hp.advertisePort, 6001);
  // Public addresses only by default: a Node with only an InternalIP keeps the pod unready (InternalIP when listed).
  assert.deepEqual(hp.expose.nodeLookup, { nodeName: 'node-a', types: ['ExternalDNS', 'ExternalIP'], retryMs: 2000, timeoutMs: 5000 });
  const over = identity({ EXPOSE_MODE: 'hostPort', ADVERTISE_HOST: 'play.example.com' });
  assert.equal(over.advertiseHost, 'play.example.com');
  assert.equal(over.expose.nodeLookup, undefined);
  const hn = identity({ EXPOSE_MODE: 'hostNetwork', NODE_NAME: 'node-a', PORT_RANGE: '7000-7999', METRICS_PORT_RANGE: '9500-9599', NODE_ADDRESS_TYPES: 'InternalIP' });
  assert.deepEqual(hn.expose.portRange, { lo: 7000, hi: 7999 });
  assert.deepEqual(hn.expose.metricsPortRange, { lo: 9500, hi: 9599 });
  assert.equal(hn.advertisePort, 0, 'the port bound in the range');
  assert.deepEqual(hn.expose.nodeLookup?.types, ['InternalIP']);

  assert.throws(() => identity({ EXPOSE_MODE: 'hostPort' }), oneLine('NODE_NAME'));
  assert.throws(() => identity({ EXPOSE_MODE: 'hostNetwork', NODE_NAME: 'n' }), oneLine('PORT_RANGE'));
  assert.throws(() => identity({ EXPOSE_MODE: 'hostNetwork', NODE_NAME: 'n', PORT_RANGE: '7000-7010' }), oneLine('METRICS_PORT_RANGE'));
  assert.throws(() => identity({ EXPOSE_MODE: 'hostNetwork', NODE_NAME: 'n', PORT_RANGE: '7000-7010', METRICS_PORT_RANGE: '7010-7020' }), oneLine('METRICS_PORT_RANGE'));
  assert.throws(() => identity({ EXPOSE_MODE: 'hostNetwork', NODE_NAME: 'n', PORT_RANGE: '7000-7010', METRICS_PORT_RANGE: '6990-7000' }), oneLine('METRICS_PORT_RANGE'));
  assert.throws(() => identity({ EXPOSE_MODE: 'hostPort', NODE_NAME: 'n', METRICS_PORT_RANGE: '9500-9599' }), oneLine('METRICS_PORT_RANGE'));
  assert.throws(() => identity({ EXPOSE_MODE: 'hostNetwork', NODE_NAME: 'n', PORT_RANGE: '7000-7010', METRICS_PORT_RANGE: '9500-9599', ADVERTISE_PORT: '7000' }), oneLine('ADVERTISE_PORT'));
  assert.throws(() => identity({ PORT_RANGE: '7000-7010' }), oneLine('PORT_RANGE'));
  assert.throws(() => identity({ EXPOSE_MODE: 'hostPort', NODE_NAME: 'n', PORT_RANGE: '7000-7010' }), oneLine('PORT_RANGE'));
  for (const [k, v] of [['EXPOSE_MODE', 'nodePort'], ['NODE_ADDRESS_TYPES', 'ExternalIP,Public'], ['PORT_RANGE', '8000-7000'], ['PORT_RANGE', '0-10'], ['PORT_RANGE', '7000'], ['NODE_NAME', 'Bad Name'], ['NODE_LOOKUP_RETRY_MS', '5'], ['POD_DELETION_COST', 'yes']] as const)
    assert.throws(() => parse({ [k]: v }), oneLine(k), `${k}=${v}`);
  assert.throws(() => deletionCostTarget(parse({ POD_DELETION_COST: 'on', POD_NAMESPACE: 'games' })), oneLine('POD_NAME'));
  assert.throws(() => deletionCostTarget(parse({ POD_DELETION_COST: 'on', POD_NAME: 'game-1' })), oneLine('POD_NAMESPACE'));
  assert.deepEqual(deletionCostTarget(parse({ POD_DELETION_COST: 'on', POD_NAME: 'game-1', POD_NAMESPACE: 'games' })), { namespace: 'games', pod: 'game-1' });
  assert.equal(deletionCostTarget(parse({})), undefined);
});

test('pickNodeAddress: the first type of the list the Node has (Agones order)', () => {
  const types = ['ExternalDNS', 'ExternalIP', 'InternalIP'] as const;
  const internal = { type: 'InternalIP', address: '10.0.0.4' };
  const external = { type: 'ExternalIP', address: '203.0.113.9' };
  const dns = { type: 'ExternalDNS', address: 'node-a.play.example.com' };
  const hostnameAddr = { type: 'Hostname', address: 'node-a' };
  assert.deepEqual(pickNodeAddress([hostnameAddr, internal, external], types), external);
  assert.deepEqual(pickNodeAddress([internal, external, dns], types), dns);
  assert.deepEqual(pickNodeAddress([hostnameAddr, internal], types), internal);
  assert.equal(pickNodeAddress([hostnameAddr], types), undefined);
  assert.deepEqual(pickNodeAddress([internal, external], ['InternalIP', 'ExternalIP']), internal);
});

test('Node lookup through @kubernetes/client-node against a local API server: ExternalIP, ExternalDNS first, InternalIP last', async () => {
  kube.nodes.set('node-ext', [{ type: 'Hostname', address: 'node-ext' }, { type: 'InternalIP', address: '10.0.0.5' }, { type: 'ExternalIP', address: '203.0.113.5' }]);
  kube.nodes.set('node-dns', [{ type: 'InternalIP', address: '10.0.0.6' }, { type: 'ExternalIP', address: '203.0.113.6' }, { type: 'ExternalDNS', address: 'node-dns.example.com' }]);
  kube.nodes.set('node-int', [{ type: 'Hostname', address: 'node-int' }, { type: 'InternalIP', address: '10.0.0.7' }]);
  kube.nodes.set('node-none', [{ type: 'Hostname', address: 'node-none' }]);
  const api = await createKubeApi(5000);
  const types = ['ExternalDNS', 'ExternalIP', 'InternalIP'] as const;
  assert.deepEqual(await lookupNodeAddress(api, 'node-ext', types), { type: 'ExternalIP', address: '203.0.113.5' });
  assert.deepEqual(await lookupNodeAddress(api, 'node-dns', types), { type: 'ExternalDNS', address: 'node-dns.example.com' });
  assert.deepEqual(await lookupNodeAddress(api, 'node-int', types), { type: 'InternalIP', address: '10.0.0.7' });
  await assert.rejects(lookupNodeAddress(api, 'node-none', types), NodeAddressError);
  await assert.rejects(lookupNodeAddress(api, 'node-missing', types), (e: Error & { status?: number }) => e.name === 'KubeApiError' && e.status === 404);
  const get = kube.requests.find((r) => r.path === '/api/v1/nodes/node-ext');
  assert.equal(get?.method, 'GET');
  assert.equal(get?.headers.authorization, 'Bearer test-token');
});

test('waitForNodeAddress retries until the Node appears, and stops on abort', async () => {
  const p = waitForNodeAddress({ nodeName: 'node-late', types: ['ExternalIP', 'InternalIP'], retryMs: 100, timeoutMs: 2000, logger: log });
  await waitFor('two lookups of a missing Node', () => kube.requests.filter((r) => r.path === '/api/v1/nodes/node-late').length >= 2, 15_000, 20);
  kube.nodes.set('node-late', [{ type: 'InternalIP', address: '10.0.0.9' }]);
  assert.deepEqual(await p, { type: 'InternalIP', address: '10.0.0.9' });
  const ac = new AbortController();
  const q = waitForNodeAddress({ nodeName: 'node-never', types: ['ExternalIP'], retryMs: 100, timeoutMs: 2000, logger: log, signal: ac.signal });
  setTimeout(() => ac.abort(), 150);
  await assert.rejects(q, NodeAddressError);
});

const listenOn = (s: Server) => (port: number) =>
  new Promise<number>((resolve, reject) => {
    s.once('error', reject);
    s.listen({ port, host: '127.0.0.1', exclusive: true }, () => (s.off('error', reject), resolve(port)));
  });
const close = (s: Server) => new Promise<void>((r) => (s.listening ? s.close(() => r()) : r()));

test('port range: two pods on one node bind distinct free ports, occupied ones skipped, exhaustion is an error', async () => {
  // Below the ephemeral range (32768+ here): other tests' client sockets do not sit on these ports.
  const squatter = createServer();
  let lo = 0;
  for (let i = 0; i < 50 && !lo; i++) {
    const p = 20_000 + Math.floor(Math.random() * 10_000);
    lo = await listenOn(squatter)(p).catch(() => 0);
  }
  assert.ok(lo, 'found a port to occupy');
  const range = { lo, hi: lo + 40 };
  const metricsRange = { lo: lo + 50, hi: lo + 90 };
  const plan = { mode: 'hostNetwork' as const, portRange: range, metricsPortRange: metricsRange };
  const dir = mkdtempSync(join(tmpdir(), 'gc-ports-'));
  const servers: Server[] = [squatter];
  try {
    const ports: { port: number; metricsPort: number; wsPort: number }[] = [];
    for (const name of ['a', 'b']) {
      const m = createServer();
      const t = createServer();
      servers.push(m, t);
      ports.push(await bindPodPorts(plan, { PORT: 0, METRICS_PORT: 0, PORTS_FILE: join(dir, name, 'ports.json') }, listenOn(m), listenOn(t)));
    }
    // WS_PORT on: a third free port of the range, in the ports file too.
    const [m3, t3, w3] = [createServer(), createServer(), createServer()];
    servers.push(m3, t3, w3);
    const withWs = await bindPodPorts(plan, { PORT: 0, WS_PORT: 1, METRICS_PORT: 0, PORTS_FILE: join(dir, 'c', 'ports.json') }, listenOn(m3), listenOn(t3), listenOn(w3));
    assert.ok(withWs.wsPort >= range.lo && withWs.wsPort <= range.hi);
    assert.equal(readPortsFile(join(dir, 'c', 'ports.json')).wsPort, withWs.wsPort);
    const all = ports.flatMap((p) => [p.port, p.metricsPort]);
    assert.equal(new Set([...all, withWs.port, withWs.metricsPort, withWs.wsPort]).size, 7, `distinct: ${all} ${JSON.stringify(withWs)}`);
    assert.equal(ports[0]!.wsPort, 0, 'WS_PORT unset: no WebSocket port');
    assert.ok(!all.includes(lo), 'the occupied port was skipped');
    for (const p of [...ports.map((x) => x.port), withWs.port]) assert.ok(p >= range.lo && p <= range.hi);
    for (const p of [...ports.map((x) => x.metricsPort), withWs.metricsPort]) assert.ok(p >= metricsRange.lo && p <= metricsRange.hi, `metrics ${p} off the client range`);
    await assert.rejects(bindPodPorts({ mode: 'hostNetwork', portRange: range }, { PORT: 0, METRICS_PORT: 0, PORTS_FILE: join(dir, 'd', 'ports.json') }, listenOn(createServer()), listenOn(createServer())), /without metricsPortRange/);
    assert.deepEqual({ ...readPortsFile(join(dir, 'a', 'ports.json')), pid: 0 }, { ...ports[0], pid: 0 });
    // probeListen (the WORKERS>1 primary) only finds a free one and releases it.
    const free = await listenInRange(range, 'PORT', probeListen('127.0.0.1'), new Set());
    assert.ok(!all.includes(free) && free !== lo);
    const tight = { lo, hi: lo };
    await assert.rejects(listenInRange(tight, 'PORT', listenOn(createServer())), PortRangeExhaustedError);
  } finally {
    await Promise.all(servers.map(close));
    rmSync(dir, { recursive: true, force: true });
  }
});

test('pod-deletion-cost: PATCHes the online count as a merge patch, only when it changed', async () => {
  let online = 3;
  const before = kube.patches.length;
  const cost = new PodAnnotator({ namespace: 'games', pod: 'gc-game-abc', intervalMs: 1000, timeoutMs: 5000, annotations: podAnnotations(parse({ POD_DELETION_COST: 'on' }), () => online, 9100), logger: log });
  await cost.tick();
  await cost.tick(); // unchanged: no request
  online = 0;
  await cost.tick();
  const mine = kube.patches.slice(before);
  assert.equal(mine.length, 2);
  assert.deepEqual(mine[0], { namespace: 'games', pod: 'gc-game-abc', contentType: 'application/merge-patch+json', body: { metadata: { annotations: { [DELETION_COST_ANNOTATION]: '3' } } } });
  assert.deepEqual(mine[1]!.body, { metadata: { annotations: { [DELETION_COST_ANNOTATION]: '0' } } });
  // API down: no crash, retried at the next tick once it answers.
  kube.failWith = 503;
  online = 7;
  await cost.tick();
  assert.equal(kube.patches.length, before + 2);
  kube.failWith = undefined;
  await cost.tick();
  assert.deepEqual(kube.patches.at(-1)!.body, { metadata: { annotations: { [DELETION_COST_ANNOTATION]: '7' } } });
  assert.equal(cost.patches, 3);
  await cost.stop();
});

test('scrape annotations (hostNetwork): the bound metrics port, patched once', async () => {
  const before = kube.patches.length;
  const a = new PodAnnotator({ namespace: 'games', pod: 'gc-login-x', intervalMs: 1000, timeoutMs: 5000, annotations: podAnnotations(parse({ SCRAPE_ANNOTATIONS: 'on' }), () => 5, 9503), logger: log });
  await a.tick();
  await a.tick();
  assert.deepEqual(kube.patches.slice(before), [{ namespace: 'games', pod: 'gc-login-x', contentType: 'application/merge-patch+json', body: { metadata: { annotations: { 'gamecluster.io/metrics-port': '9503', 'prometheus.io/scrape': 'true', 'prometheus.io/port': '9503', 'prometheus.io/path': '/metrics' } } } }]);
  await a.stop();
  // `port` (a PodMonitor scrapes the pod): only the port, no prometheus.io/* (an annotation scraper would double it).
  assert.deepEqual(podAnnotations(parse({ SCRAPE_ANNOTATIONS: 'port' }), () => 5, 9503)(), { 'gamecluster.io/metrics-port': '9503' });
  assert.throws(() => deletionCostTarget(parse({ SCRAPE_ANNOTATIONS: 'on', POD_NAMESPACE: 'games' })), oneLine('POD_NAME'));
});

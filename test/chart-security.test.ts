/**
 * The chart's secure defaults, checked on the rendered objects and against a real redis-server:
 * - NetworkPolicies are on by default, and evaluated (who may reach which pod port, by the NetworkPolicy rules'
 *   semantics) they let the world reach only appmgr's public HTTP and the login/game client ports; gRPC only logins
 *   and `networkPolicy.grpcFrom`; admin/metrics only `metricsFrom`; Redis only this release's pods; node CIDRs for
 *   host-network pods; egress rules only when asked, with the extra rules appended.
 * - The bundled Redis requires a password from a generated Secret (kept: `lookup` + resource-policy), with protected
 *   mode on; every pod's REDIS_URL carries it through the Secret, never as a plain value; a redis-server started with
 *   the rendered args refuses an unauthenticated client and accepts the rendered URL and the rendered probe.
 * - The dashboard's uid and file name are per release; NOTES port-forward to 8080/8081 locally.
 */
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { connect } from 'node:net';
import { join } from 'node:path';
import { after, describe, test } from 'node:test';
import { Redis } from 'ioredis';
import {
  RELEASE,
  byKind,
  chartDir,
  ciValuesFiles,
  devRedisFromChart,
  find,
  helm,
  mainContainer,
  podLabels,
  podSpec,
  renderChart,
  renderError,
  resolveEnv,
  secretValues,
  type K8sObject,
} from './helpers/helm.js';
import { startRedis, type TestRedis } from './helpers/redis-server.js';

const NS = 'games';

/** A traffic source: a pod (labels, namespace) or an address outside the cluster. */
interface Source {
  name: string;
  labels?: Record<string, string>;
  namespace?: string;
  nsLabels?: Record<string, string>;
  ip?: string;
}

const selects = (sel: { matchLabels?: Record<string, string>; matchExpressions?: unknown[] } | undefined, labels: Record<string, string> | undefined) => {
  if (sel?.matchExpressions?.length) throw new Error('matchExpressions not modelled');
  return Object.entries(sel?.matchLabels ?? {}).every(([k, v]) => labels?.[k] === v);
};

function inCidr(ip: string, cidr: string): boolean {
  const [net, bits] = cidr.split('/');
  const n = (a: string) => a.split('.').reduce((x, o) => (x << 8) + Number(o), 0) >>> 0;
  const mask = Number(bits) === 0 ? 0 : (~0 << (32 - Number(bits))) >>> 0;
  return (n(ip) & mask) === (n(net!) & mask);
}

/** NetworkPolicyPeer semantics (podSelector alone: the policy's namespace; namespaceSelector alone: every pod there). */
function peerMatches(peer: any, src: Source): boolean {
  if (peer.ipBlock) return src.ip !== undefined && inCidr(src.ip, peer.ipBlock.cidr) && !(peer.ipBlock.except ?? []).some((c: string) => inCidr(src.ip!, c));
  if (src.labels === undefined) return false; // not a pod
  const nsOk = peer.namespaceSelector ? selects(peer.namespaceSelector, src.nsLabels) : src.namespace === NS;
  const podOk = peer.podSelector ? selects(peer.podSelector, src.labels) : true;
  return nsOk && podOk;
}

/** May `src` open a TCP connection to the named container port of the pods of Deployment `dst`? */
function allowed(objs: K8sObject[], dst: string, portName: string, src: Source): boolean {
  const d = find(objs, 'Deployment', `${RELEASE}-${dst}`);
  const labels = podLabels(d);
  const port = mainContainer(d).ports!.find((p) => p.name === portName)!;
  assert.ok(port, `${dst} has no port ${portName}`);
  const policies = byKind(objs, 'NetworkPolicy').filter((p) => selects(p.spec.podSelector, labels) && (p.spec.policyTypes ?? ['Ingress']).includes('Ingress'));
  if (policies.length === 0) return true;
  return policies.some((p) =>
    (p.spec.ingress ?? []).some(
      (r: any) =>
        (!r.from?.length || r.from.some((peer: any) => peerMatches(peer, src))) &&
        (!r.ports?.length || r.ports.some((rp: any) => rp.port === port.name || rp.port === port.containerPort)),
    ),
  );
}

const release = (component: string): Source => ({
  name: component,
  labels: { 'app.kubernetes.io/name': 'gamecluster', 'app.kubernetes.io/instance': RELEASE, 'app.kubernetes.io/component': component },
  namespace: NS,
  nsLabels: { 'kubernetes.io/metadata.name': NS },
});
const SOURCES: Record<string, Source> = {
  login: release('login'),
  game: release('game'),
  appmgr: release('appmgr'),
  otherReleaseLogin: { ...release('login'), name: 'another release’s login', labels: { ...release('login').labels, 'app.kubernetes.io/instance': 'other' } },
  neighbour: { name: 'another pod in the namespace', labels: { app: 'web' }, namespace: NS, nsLabels: { 'kubernetes.io/metadata.name': NS } },
  monitoring: { name: 'prometheus', labels: { app: 'prometheus' }, namespace: 'monitoring', nsLabels: { 'kubernetes.io/metadata.name': 'monitoring' } },
  ops: { name: 'ops tooling', labels: { app: 'drainer' }, namespace: 'ops', nsLabels: { 'kubernetes.io/metadata.name': 'ops' } },
  internet: { name: 'a player on the internet', ip: '203.0.113.9' },
  node: { name: 'a host-network pod on a node', ip: '10.128.0.7' },
};

/** The expected reachability matrix: [destination, port, sources allowed]; every other source is refused. */
function checkMatrix(objs: K8sObject[], matrix: [string, string, string[]][]) {
  const wrong: string[] = [];
  for (const [dst, port, ok] of matrix) {
    for (const [key, src] of Object.entries(SOURCES)) {
      const want = ok.includes(key);
      if (allowed(objs, dst, port, src) !== want) wrong.push(`${src.name} → ${dst}:${port} should be ${want ? 'allowed' : 'refused'}`);
    }
  }
  assert.deepEqual(wrong, []);
}

describe('NetworkPolicies', () => {
  test('on by default: one per component, ingress only', async () => {
    const objs = await renderChart();
    const names = byKind(objs, 'NetworkPolicy').map((p) => p.metadata.name).sort();
    assert.deepEqual(names, ['appmgr', 'game', 'login', 'redis'].map((c) => `${RELEASE}-${c}`));
    for (const p of byKind(objs, 'NetworkPolicy')) {
      assert.deepEqual(p.spec.policyTypes, ['Ingress'], p.metadata.name);
      assert.equal(p.spec.egress, undefined);
      // Each policy selects exactly its own component's pods.
      const selected = byKind(objs, 'Deployment').filter((d) => selects(p.spec.podSelector, podLabels(d))).map((d) => d.metadata.name);
      assert.deepEqual(selected, [p.metadata.name]);
    }
  });

  test('default reachability: the world reaches only the public ports', async () => {
    const objs = await renderChart();
    const allPods = ['login', 'game', 'appmgr', 'otherReleaseLogin', 'neighbour', 'monitoring', 'ops'];
    const everyone = [...allPods, 'internet', 'node'];
    checkMatrix(objs, [
      ['appmgr', 'http', everyone],
      ['appmgr', 'admin', allPods], // metricsFrom empty: any pod in the cluster, nothing outside
      ['appmgr', 'grpc', ['login']],
      ['login', 'tcp', everyone],
      ['login', 'metrics', allPods],
      ['game', 'tcp', everyone],
      ['game', 'metrics', allPods],
      ['redis', 'redis', ['login', 'game', 'appmgr']],
    ]);
  });

  test('metricsFrom, grpcFrom and nodeCIDRs narrow and widen exactly their rules', async () => {
    const objs = await renderChart({
      valuesFiles: [ciValuesFiles()['full-values.yaml']!],
      set: ['networkPolicy.grpcFrom[0].namespaceSelector.matchLabels.kubernetes\\.io/metadata\\.name=ops', 'networkPolicy.nodeCIDRs[0]=10.128.0.0/20'],
    });
    const everyone = Object.keys(SOURCES);
    checkMatrix(objs, [
      ['appmgr', 'http', everyone],
      ['appmgr', 'admin', ['monitoring']],
      ['appmgr', 'grpc', ['login', 'ops', 'node']],
      ['login', 'tcp', everyone],
      ['login', 'metrics', ['monitoring']],
      ['game', 'metrics', ['monitoring']],
      ['redis', 'redis', ['login', 'game', 'appmgr', 'node']],
    ]);
  });

  test('values: a node CIDR must be a CIDR; networkPolicy.enabled=false renders none', async () => {
    assert.match(await renderError({ set: ['networkPolicy.nodeCIDRs[0]=nodes'] }), /at '\/networkPolicy\/nodeCIDRs\/0'/);
    assert.equal(byKind(await renderChart({ set: ['networkPolicy.enabled=false'] }), 'NetworkPolicy').length, 0);
  });

  test('egress is opt-in: DNS, this release, then the extra rules (external Redis, AUTH_URL, Kubernetes API)', async () => {
    const extra = [
      { to: [{ ipBlock: { cidr: '10.20.0.5/32' } }], ports: [{ port: 6379, protocol: 'TCP' }] },
      { to: [{ namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'accounts' } } }], ports: [{ port: 8080, protocol: 'TCP' }] },
      { to: [{ ipBlock: { cidr: '172.20.0.1/32' } }], ports: [{ port: 443, protocol: 'TCP' }] },
    ];
    const { writeFileSync, mkdtempSync, rmSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const dir = mkdtempSync(join(tmpdir(), 'gc-np-'));
    after(() => rmSync(dir, { recursive: true, force: true }));
    const f = join(dir, 'egress.yaml');
    writeFileSync(f, JSON.stringify({ networkPolicy: { egress: { enabled: true, extraRules: extra } } }));
    const objs = await renderChart({ valuesFiles: [f] });
    for (const p of byKind(objs, 'NetworkPolicy')) {
      assert.deepEqual(p.spec.policyTypes, ['Ingress', 'Egress'], p.metadata.name);
      const [dns, own, ...rest] = p.spec.egress;
      assert.deepEqual(dns.ports.map((x: { port: number; protocol: string }) => `${x.port}/${x.protocol}`), ['53/UDP', '53/TCP']);
      assert.equal(dns.to, undefined);
      assert.deepEqual(own.to, [{ podSelector: { matchLabels: { 'app.kubernetes.io/instance': RELEASE, 'app.kubernetes.io/name': 'gamecluster' } } }]);
      assert.deepEqual(rest, extra);
    }
    assert.match(await renderError({ set: ['networkPolicy.egress.extraRules[0].too[0].ipBlock.cidr=1.2.3.4/32'] }), /additional properties 'too' not allowed/);
  });
});

/** Sends raw RESP from 127.0.0.2 (a non-local client to Redis) and returns the first reply bytes. */
function resp(port: number, payload: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const s = connect({ port, host: '127.0.0.1', localAddress: '127.0.0.2' }, () => s.write(payload));
    let buf = '';
    s.setTimeout(5000, () => s.destroy(new Error(`no reply (have ${JSON.stringify(buf)})`)));
    s.on('data', (d) => {
      buf += d.toString();
      if (/^-|\+PONG/.test(buf)) {
        resolve(buf);
        s.destroy();
      }
    });
    s.on('error', reject);
  });
}
const authPing = (password: string) => `*2\r\n$4\r\nAUTH\r\n$${password.length}\r\n${password}\r\nPING\r\n`;

describe('the bundled Redis: password from a kept Secret, protected mode on', () => {
  test('Secret generated once and kept; REDIS_URL from it in every pod, never a plain password', async () => {
    const objs = await renderChart();
    const secret = find(objs, 'Secret', `${RELEASE}-redis`);
    assert.equal(secret.metadata.annotations?.['helm.sh/resource-policy'], 'keep');
    const password = secretValues(objs)[`${RELEASE}-redis/password`]!;
    assert.match(password, /^[A-Za-z0-9]{32}$/);
    // Read back from the cluster on upgrades (helm template has no cluster, so only the template can show it).
    assert.match(readFileSync(join(chartDir, 'templates/redis/secret.yaml'), 'utf8'), /lookup "v1" "Secret" \.Release\.Namespace \$name/);
    // A second render generates another: the `lookup` is what keeps it on a real upgrade.
    assert.notEqual(secretValues(await renderChart())[`${RELEASE}-redis/password`], password);
    const redisCtr = mainContainer(find(objs, 'Deployment', `${RELEASE}-redis`));
    assert.deepEqual(redisCtr.args!.slice(redisCtr.args!.indexOf('--protected-mode'), redisCtr.args!.indexOf('--protected-mode') + 2), ['--protected-mode', 'yes']);
    assert.equal(redisCtr.args![redisCtr.args!.indexOf('--requirepass') + 1], '$(REDIS_PASSWORD)');
    for (const d of byKind(objs, 'Deployment').concat(byKind(objs, 'Pod'))) {
      for (const c of podSpec(d).containers as { name: string; env?: { name: string; value?: string }[] }[]) {
        for (const e of c.env ?? []) assert.ok(!e.value?.includes(password), `${d.metadata.name}/${c.name} ${e.name} holds the password in plain text`);
      }
    }
    for (const c of ['appmgr', 'login', 'game']) {
      const env = resolveEnv(mainContainer(find(objs, 'Deployment', `${RELEASE}-${c}`)), { 'metadata.name': 'p', 'status.podIP': '10.0.0.1', 'status.hostIP': '10.0.0.2' }, secretValues(objs));
      assert.equal(env.REDIS_URL, `redis://:${password}@${RELEASE}-redis:6379`, c);
    }
  });

  test('redis.auth.existingSecret: no generated Secret, the server and every pod read the given one', async () => {
    const objs = await renderChart({ set: ['redis.auth.existingSecret=my-redis-pw'] });
    assert.ok(!objs.some((o) => o.kind === 'Secret' && o.metadata.name === `${RELEASE}-redis`));
    for (const c of ['redis', 'appmgr', 'login', 'game']) {
      const e = mainContainer(find(objs, 'Deployment', `${RELEASE}-${c}`)).env!.find((x) => x.name === 'REDIS_PASSWORD');
      assert.deepEqual(e?.valueFrom?.secretKeyRef, { name: 'my-redis-pw', key: 'password' }, c);
    }
  });

  test('an external Redis gets no password Secret and no REDIS_PASSWORD', async () => {
    const objs = await renderChart({ valuesFiles: [ciValuesFiles()['external-redis-values.yaml']!] });
    assert.ok(!objs.some((o) => o.metadata.name === `${RELEASE}-redis`));
    assert.equal(mainContainer(find(objs, 'Deployment', `${RELEASE}-login`)).env!.find((x) => x.name === 'REDIS_PASSWORD'), undefined);
  });

  describe('a real redis-server with the rendered args', () => {
    let redis: TestRedis | undefined;
    const clients: Redis[] = [];
    after(async () => {
      for (const c of clients) c.disconnect();
      await redis?.stop();
    });

    test('refuses an unauthenticated client, accepts the rendered URL and the rendered readiness probe', async (t) => {
      const objs = await renderChart();
      const dev = devRedisFromChart(objs);
      redis = await startRedis(undefined, dev);
      // Clients from 127.0.0.2: Redis counts only 127.0.0.1/::1 as local, so this is what a pod's connection meets.
      assert.match(await resp(redis.port, 'PING\r\n'), /^-NOAUTH/, 'no password: refused');
      assert.match(await resp(redis.port, authPing(dev.password)), /^\+OK\r\n\+PONG/, 'the password from the Secret: served');
      // The URL a pod gets, with the Service name pointed at this server.
      const env = resolveEnv(mainContainer(find(objs, 'Deployment', `${RELEASE}-game`)), { 'metadata.name': 'p', 'status.podIP': '127.0.0.1', 'status.hostIP': '127.0.0.1' }, secretValues(objs));
      const url = env.REDIS_URL!.replace(`@${RELEASE}-redis:6379`, `@127.0.0.1:${redis.port}`);
      const authed = new Redis(url, { lazyConnect: true, maxRetriesPerRequest: 0 });
      clients.push(authed);
      await authed.connect();
      assert.equal(await authed.ping(), 'PONG');
      assert.deepEqual(await authed.config('GET', 'protected-mode'), ['protected-mode', 'yes']);
      // The readiness probe as the kubelet runs it: the container's command with the container's env (REDISCLI_AUTH).
      const redisCtr = mainContainer(find(objs, 'Deployment', `${RELEASE}-redis`));
      const probeEnv = resolveEnv(redisCtr, {}, secretValues(objs));
      const [cmd, ...args] = redisCtr.readinessProbe.exec.command as string[];
      const out = await new Promise<string>((resolve, reject) =>
        execFile(cmd!, ['-p', String(redis!.port), ...args], { env: { ...process.env, ...probeEnv }, timeout: 10_000 }, (err, stdout) => (err ? reject(err) : resolve(stdout))),
      );
      assert.equal(out.trim(), 'PONG');
      // Protected mode matters: the same server without a password refuses non-local clients outright.
      const bare = await startRedis(undefined, { args: dev.args.filter((a, i, all) => a !== '--requirepass' && all[i - 1] !== '--requirepass') });
      try {
        assert.match(await resp(bare.port, 'PING\r\n'), /^-DENIED Redis is running in protected mode/);
      } finally {
        await bare.stop();
      }
      t.diagnostic(`redis-server ${dev.args.filter((a) => a !== dev.password).join(' ')} (password elided)`);
    });
  });
});

describe('operations polish', () => {
  test('the dashboard uid and file name are per release and namespace; the namespace variable defaults to the release’s', async () => {
    const a = find(await renderChart(), 'ConfigMap', `${RELEASE}-dashboard`);
    const b = find(await renderChart({ release: 'gc2' }), 'ConfigMap', 'gc2-dashboard');
    const [ka, va] = Object.entries(a.data!)[0]!;
    const [kb, vb] = Object.entries(b.data!)[0]!;
    assert.equal(ka, `gamecluster-${NS}-${RELEASE}.json`);
    assert.equal(kb, `gamecluster-${NS}-gc2.json`);
    const da = JSON.parse(va);
    const db = JSON.parse(vb);
    assert.notEqual(da.uid, db.uid);
    assert.equal(da.uid, `gc-${NS}-${RELEASE}`);
    assert.match(da.title, /gamecluster \(games\/gc\)/);
    assert.deepEqual(da.templating.list.find((v: { name: string }) => v.name === 'namespace').current.value, [NS]);
    const long = find(await renderChart({ release: 'a-very-long-release-name-for-the-grafana-uid' }), 'ConfigMap', 'a-very-long-release-name-for-the-grafana-uid-dashboard');
    const uid = JSON.parse(Object.values(long.data!)[0]!).uid as string;
    assert.ok(uid.length <= 40, `Grafana uids are at most 40 characters: ${uid}`);
  });

  test('NOTES: port-forward to local 8080 (public) and 8081 (admin page) whatever the Service ports', async () => {
    const r = await helm(['install', '--dry-run=client', RELEASE, chartDir, '--namespace', NS, '-f', ciValuesFiles()['hostport-values.yaml']!]);
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stdout, /port-forward svc\/gc-appmgr 8080:80\n\s+curl localhost:8080\/login/);
    assert.match(r.stdout, /port-forward svc\/gc-appmgr-admin 8081:8081\n\s+open http:\/\/localhost:8081\/ +# the admin page/);
    assert.match(r.stdout, /NetworkPolicies restrict ingress/);
  });
});

/**
 * `helm test` in the production setup (issue 24 point 5): the chart rendered with tls.enabled and auth.mode=http, its
 * appmgr, login and game started on loopback with exactly the rendered args and env (as test/chart-live.test.ts does),
 * their Secret volumes materialised as the kubelet would (the serving certificate and its CA from a test CA made by
 * openssl), AUTH_URL pointed at a local account service that knows only the robot accounts and their password — then
 * the rendered robots test Pod's own command, args expanded from its env ($(ROBOTS_PASSWORD) from the Secret) and its
 * CA volume mounted, plays the whole flow over TLS. It must exit 0, every account check must have come from
 * `<robots.accountPrefix>-<n>` with the Secret's password, and no plain-TCP connection may have reached the pods.
 */
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { RELEASE, devRedisFromChart, find, mainContainer, podSpec, processesFromChart, renderChart, resolveEnv, secretValues, type ChartProcess, type K8sObject } from './helpers/helm.js';
import { startRedis, type TestRedis } from './helpers/redis-server.js';
import { startService, type ServiceProcess } from './helpers/service-process.js';
import { makeTestCerts, type TestCerts } from './helpers/test-certs.js';
import { waitFor } from './helpers/wait-for.js';

const PASSWORD = 'robots-S3cret';
const PLAYERS = 8;

let objs: K8sObject[];
let certs: TestCerts;
let redis: TestRedis;
let auth: Server;
let dir: string;
const checks: { account: string; password: string }[] = [];
const running: ServiceProcess[] = [];
let procs: ChartProcess[];

/** The user's Secrets the chart references (it renders none of these itself). */
function userSecrets(): Record<string, Record<string, string>> {
  return {
    'gc-client-tls': { 'tls.crt': readFileSync(certs.serverCert, 'utf8'), 'tls.key': readFileSync(certs.serverKey, 'utf8'), 'ca.crt': readFileSync(certs.caCert, 'utf8') },
    'gc-robots': { password: PASSWORD },
  };
}

/**
 * The kubelet's part for Secret volumes: each mount of the container becomes a local directory holding the Secret's
 * keys (or only `items`), returned as mountPath → directory. A key the Secret lacks fails, as the pod would.
 */
function materialise(pod: any, container: { volumeMounts?: { name: string; mountPath: string }[] }, name: string): Map<string, string> {
  const out = new Map<string, string>();
  const secrets = userSecrets();
  for (const m of container.volumeMounts ?? []) {
    const v = (pod.volumes as { name: string; secret?: { secretName: string; items?: { key: string; path: string }[] } }[]).find((x) => x.name === m.name);
    if (!v?.secret) continue;
    const data = secrets[v.secret.secretName];
    assert.ok(data, `${name}: volume ${m.name} needs Secret ${v.secret.secretName}`);
    const local = join(dir, name, m.name);
    mkdirSync(local, { recursive: true });
    for (const it of v.secret.items ?? Object.keys(data).map((k) => ({ key: k, path: k }))) {
      assert.ok(data[it.key] !== undefined, `${name}: Secret ${v.secret.secretName} has no key ${it.key}`);
      writeFileSync(join(local, it.path), data[it.key]!);
    }
    out.set(m.mountPath, local);
  }
  return out;
}

const remap = (v: string, mounts: Map<string, string>) => [...mounts].reduce((s, [from, to]) => s.split(`${from}/`).join(`${to}/`), v);

before(async () => {
  dir = mkdtempSync(join(tmpdir(), 'gc-helm-test-'));
  certs = makeTestCerts();
  auth = createServer((req, res) => {
    let body = '';
    req.on('data', (d: Buffer) => (body += d));
    req.on('end', () => {
      const c = JSON.parse(body) as { account: string; password: string };
      checks.push(c);
      const known = /^helm-test-\d+$/.test(c.account) && c.password === PASSWORD;
      res.writeHead(known ? 200 : 401, { 'content-type': 'application/json' });
      res.end(JSON.stringify(known ? { ok: true, player_id: `p-${c.account}` } : { ok: false }));
    });
  });
  await new Promise<void>((r) => auth.listen(0, '127.0.0.1', r));
  objs = await renderChart({
    set: [
      'tls.enabled=true', 'tls.secretName=gc-client-tls',
      'auth.mode=http', 'auth.url=http://accounts.accounts.svc:8080/check',
      'robots.existingSecret=gc-robots', 'robots.accountPrefix=helm-test', `robots.players=${PLAYERS}`, 'robots.rate=20', 'robots.duration=1',
      'appmgr.replicas=1', 'login.replicas=1', 'game.replicas=1',
    ],
  });
  redis = await startRedis(undefined, devRedisFromChart(objs));
  procs = await processesFromChart(objs, `127.0.0.1:${redis.port}`, 1);
  const started: [ChartProcess, ServiceProcess][] = [];
  for (const kind of ['appmgr', 'login', 'game']) {
    for (const p of procs.filter((x) => x.component === kind)) {
      const d = find(objs, 'Deployment', p.deployment);
      const mounts = materialise(podSpec(d), mainContainer(d) as never, p.podName);
      const env = Object.fromEntries(Object.entries(p.env).map(([k, v]) => [k, remap(v, mounts)]));
      if (kind === 'login') env.AUTH_URL = `http://127.0.0.1:${(auth.address() as AddressInfo).port}/check`;
      const sp = startService(p.args[0]!, env, p.args.slice(1));
      running.push(sp);
      started.push([p, sp]);
    }
  }
  for (const [p, sp] of started) {
    const probe = mainContainer(find(objs, 'Deployment', p.deployment)).readinessProbe.httpGet as { path: string; port: string };
    await waitFor(`${p.podName} ready`, async () => {
      if (sp.child.exitCode !== null) throw new Error(`${p.podName} exited: ${sp.stderr.join('').slice(-1500)}`);
      const r = await fetch(`http://127.0.0.1:${p.port(probe.port)}${probe.path}`, { signal: AbortSignal.timeout(2000) }).catch(() => undefined);
      return r?.status === 200;
    }, 90_000, 200);
  }
  const admin = procs.find((p) => p.component === 'appmgr')!.port('admin');
  await waitFor('login and game registered', async () => {
    const body = (await (await fetch(`http://127.0.0.1:${admin}/apps`)).json()) as { apps: { app_type: string; state: string }[] };
    return ['login', 'game'].every((t) => body.apps.some((a) => a.app_type === t && a.state === 'ready'));
  }, 20_000, 200);
});

after(async () => {
  await Promise.all(running.map((p) => p.stop()));
  await redis?.stop();
  await new Promise<void>((r) => (auth ? auth.close(() => r()) : r()));
  certs?.remove();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

test('the rendered helm test Pod carries --tls, the CA and the robot account from values, and passes against a TLS + http-auth cluster', async () => {
  const pod = find(objs, 'Pod', `${RELEASE}-robots-test`);
  const ctr = mainContainer(pod) as ReturnType<typeof mainContainer> & { volumeMounts?: { name: string; mountPath: string }[] };
  const args = ctr.args!;
  assert.ok(args.includes('--tls'), 'TLS to login and game');
  const ca = args[args.indexOf('--ca') + 1]!;
  assert.equal(ca, '/etc/gamecluster/robots-ca/ca.crt');
  assert.deepEqual(podSpec(pod).volumes.find((v: { name: string }) => v.name === 'robots-ca').secret, { secretName: 'gc-client-tls', items: [{ key: 'ca.crt', path: 'ca.crt' }] }, 'only the CA of the serving Secret, never its key');
  assert.equal(args[args.indexOf('--account-prefix') + 1], 'helm-test');
  assert.equal(args[args.indexOf('--password') + 1], '$(ROBOTS_PASSWORD)', 'the password is expanded by the kubelet, never in the pod spec');
  assert.deepEqual(ctr.env!.find((e) => e.name === 'ROBOTS_PASSWORD')!.valueFrom?.secretKeyRef, { name: 'gc-robots', key: 'password' });
  assert.ok(!JSON.stringify(pod).includes(PASSWORD));

  // Run the Pod's command as the kubelet would: env from the Secret, $(VAR) in args expanded, the CA volume mounted,
  // the in-cluster appmgr Service name pointing at the local appmgr.
  const env = resolveEnv(ctr, {}, { ...secretValues(objs), 'gc-robots/password': PASSWORD });
  const mounts = materialise(podSpec(pod), ctr, 'robots');
  const svc = find(objs, 'Service', `${RELEASE}-appmgr`);
  const local = `http://127.0.0.1:${procs.find((p) => p.component === 'appmgr')!.port('http')}`;
  const argv = args.map((a) => remap(a.replace(/\$\((\w+)\)/g, (m, n: string) => env[n] ?? m), mounts).replace(`http://${svc.metadata.name}:${svc.spec.ports[0].port}`, local));
  assert.equal(argv[0], 'robots');
  const robots = startService('robots', { LOG_LEVEL: 'warn' }, [...argv.slice(1), '--json', '--no-progress']);
  running.push(robots);
  const code = await robots.exited;
  assert.equal(code, 0, `helm test robots failed: ${robots.stderr.join('').slice(-2000)} ${robots.logs.map((l) => JSON.stringify(l)).join('\n').slice(-3000)}`);
  // --json: the report, pretty-printed over several stdout lines.
  const report = JSON.parse(robots.logs.map((l) => (l.raw ? String(l.msg) : JSON.stringify(l))).join('\n')) as { players: number; ok: number; failed: number; options: { account_prefix: string } };
  assert.deepEqual({ players: report.players, ok: report.ok, failed: report.failed, prefix: report.options.account_prefix }, { players: PLAYERS, ok: PLAYERS, failed: 0, prefix: 'helm-test' });
  // Every account check came from a robot account of the values, with the Secret's password.
  assert.ok(checks.length >= PLAYERS);
  assert.deepEqual([...new Set(checks.map((c) => c.account))].sort(), Array.from({ length: PLAYERS }, (_, i) => `helm-test-${i}`).sort());
  assert.ok(checks.every((c) => c.password === PASSWORD));
  // Nothing reached the pods in clear: no TLS handshake was refused.
  for (const p of procs.filter((x) => x.component !== 'appmgr')) {
    const text = await (await fetch(`http://127.0.0.1:${p.port('metrics')}/metrics`)).text();
    assert.doesNotMatch(text, /gamecluster_connections_refused_total\{[^}]*reason="tls"[^}]*\} [1-9]/, `${p.podName}: a plaintext or failed handshake`);
  }
});

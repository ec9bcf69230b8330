/**
 * appmgr's locked surface against real processes (redis-server, appmgr, login and game pods on loopback):
 * - `LOGIN_RATE_PER_IP`: past the bucket /login answers 429 {"returncode":6,"ip":"","port":0} with Retry-After: 1,
 *   counted in gamecluster_login_rate_limited_total; X-Forwarded-For is believed only from a `TRUST_PROXY` address
 *   (connections made from 127.0.0.2, the trusted proxy, vs 127.0.0.1, a client lying in the header).
 * - `GRPC_AUTH=token`: every AppMgrService method without or with a wrong token → UNAUTHENTICATED, health SERVING
 *   without one, the player flow works through login pods that send the token, the token never printed.
 * - `GRPC_AUTH=mtls` with real openssl certificates: no client certificate or one from another CA is refused, health
 *   and calls work with the right one, and the player flow works through login pods that present theirs.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { get as httpGet } from 'node:http';
import * as grpc from '@grpc/grpc-js';
import * as protoLoader from '@grpc/proto-loader';
import { protoPath as healthProtoPath } from 'grpc-health-check';
import { SERVICE_NAME, loadAppmgrProto } from '../services/appmgr/grpc-server.js';
import type { AppMgrServiceClient } from '../services/protocol/gen/grpc/gamecluster/v1/AppMgrService.js';
import { freePort } from './helpers/free-port.js';
import { startRedis } from './helpers/redis-server.js';
import { startService } from './helpers/service-process.js';
import { makeTestCerts } from './helpers/test-certs.js';
import { waitFor } from './helpers/wait-for.js';
import { fetchJson, metric, play, startCluster, waitRegistered, type TestCluster } from './pod-cluster.js';

function login(port: number, from: string, xff?: string): Promise<{ status: number; body: string; retryAfter: string | undefined }> {
  return new Promise((resolve, reject) => {
    const req = httpGet({ host: '127.0.0.1', port, path: '/login', localAddress: from, agent: false, headers: xff ? { 'x-forwarded-for': xff } : {}, timeout: 5000 }, (res) => {
      let body = '';
      res.setEncoding('utf8').on('data', (d) => (body += d));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body, retryAfter: res.headers['retry-after'] as string | undefined }));
    });
    req.on('timeout', () => req.destroy(new Error('timeout')));
    req.on('error', reject);
  });
}

/** Sends `n` /login one after another; how many were let through (not 429) and how long it took. */
async function burst(port: number, n: number, from: string, xff?: string) {
  const t0 = performance.now();
  let passed = 0;
  let limited: Awaited<ReturnType<typeof login>> | undefined;
  for (let i = 0; i < n; i++) {
    const r = await login(port, from, xff);
    if (r.status === 429) limited ??= r;
    else passed++;
  }
  return { passed, limited, seconds: (performance.now() - t0) / 1000 };
}

test('LOGIN_RATE_PER_IP: 429/6 with Retry-After past the bucket; X-Forwarded-For only from TRUST_PROXY', { timeout: 60_000 }, async (t) => {
  const redis = await startRedis();
  const http = await freePort();
  const admin = await freePort();
  const RATE = 2; // burst 4
  const appmgr = startService('appmgr', { REDIS_URL: redis.url, PREFIX: 'rate', HTTP_PORT: String(http), ADMIN_PORT: String(admin), GRPC_PORT: String(await freePort()), LOGIN_RATE_PER_IP: String(RATE), TRUST_PROXY: '127.0.0.2' });
  try {
    await appmgr.waitForLog((l) => l.msg === 'appmgr listening', 30_000);
    // At most burst + rate × elapsed (+1 for rounding) pass: the bound holds however slow this machine is.
    const bound = (s: number) => 2 * RATE + Math.ceil(RATE * s) + 1;

    // A direct client (127.0.0.1 is not a trusted proxy): its X-Forwarded-For is ignored, so varying it does not help.
    const direct = await burst(http, 12, '127.0.0.1', '203.0.113.1');
    t.diagnostic(`direct client: ${direct.passed}/12 passed in ${direct.seconds.toFixed(2)} s (rate ${RATE}/s, burst ${2 * RATE})`);
    assert.ok(direct.limited, 'a client over the rate is refused');
    assert.equal(direct.limited.body, '{"returncode":6,"ip":"","port":0}');
    assert.equal(direct.limited.retryAfter, '1');
    assert.ok(direct.passed >= 2 * RATE && direct.passed <= bound(direct.seconds), `${direct.passed} passed`);
    const lying = await login(http, '127.0.0.1', '198.51.100.7');
    assert.equal(lying.status, 429, 'a new X-Forwarded-For from an untrusted peer is the same client');

    // Through the trusted proxy (127.0.0.2): each X-Forwarded-For client has its own bucket.
    const a = await burst(http, 12, '127.0.0.2', '198.51.100.1');
    assert.ok(a.limited && a.passed <= bound(a.seconds), `proxied client a: ${a.passed} passed`);
    const b = await login(http, '127.0.0.2', '10.9.9.9, 198.51.100.2');
    assert.equal(b.status, 503, 'another client behind the proxy is not limited (503/4: no login registered)');
    assert.equal(b.body, '{"returncode":4,"ip":"","port":0}');

    const limited = await metric(admin, 'gamecluster_login_rate_limited_total');
    assert.ok(limited >= 12 - direct.passed + 1 + 12 - a.passed, `counted ${limited}`);
  } finally {
    await appmgr.stop();
    await redis.stop();
  }
});

const TOKEN = 'tok-0123456789abcdef-secret';

function unaryStatus(fn: (req: object, md: grpc.Metadata, opts: grpc.CallOptions, cb: (err: grpc.ServiceError | null, res?: unknown) => void) => unknown, req: object, md: grpc.Metadata): Promise<{ code: number; res?: unknown }> {
  return new Promise((resolve) => fn(req, md, { deadline: Date.now() + 5000 }, (err, res) => resolve({ code: err ? err.code : grpc.status.OK, res })));
}

const methods: [keyof AppMgrServiceClient & string, object][] = [
  ['getLogin', {}],
  ['allocateGame', { account: 'a' }],
  ['listApps', {}],
  ['drainApp', { appId: 'game-a' }],
  ['undrainApp', { appId: 'game-a' }],
];

function healthCheck(target: string, creds: grpc.ChannelCredentials): Promise<{ code: number; status?: string }> {
  const def = protoLoader.loadSync(healthProtoPath, { keepCase: true, enums: String });
  const Health = (grpc.loadPackageDefinition(def) as any).grpc.health.v1.Health as typeof grpc.Client;
  const h = new Health(target, creds) as any;
  return new Promise((resolve) =>
    h.check({ service: SERVICE_NAME }, { deadline: Date.now() + 5000 }, (e: grpc.ServiceError | null, v?: { status: string }) => {
      h.close();
      resolve({ code: e ? e.code : 0, status: v?.status });
    }),
  );
}

async function playerFlowWorks(c: TestCluster, account: string) {
  await waitRegistered(c, 'login', ['login-a']);
  await waitRegistered(c, 'game', ['game-a']);
  const { client, gamePort } = await play(c, account);
  assert.ok(gamePort > 0);
  client.destroy();
}

test('GRPC_AUTH=token: no/wrong token → UNAUTHENTICATED on every method, health open, players flow, token never printed', { timeout: 120_000 }, async () => {
  const auth = { GRPC_AUTH: 'token', ADMIN_TOKEN: TOKEN };
  const c = await startCluster({ prefix: 'tok', appmgrEnv: auth });
  try {
    await Promise.all([c.startPod('login', 'login-a', auth), c.startPod('game', 'game-a')]);
    const { proto } = loadAppmgrProto();
    const target = `127.0.0.1:${c.appmgr.grpcPort}`;
    const api = new proto.gamecluster.v1.AppMgrService(target, grpc.credentials.createInsecure());
    const wrong = new grpc.Metadata();
    wrong.set('authorization', `Bearer ${TOKEN}x`);
    const right = new grpc.Metadata();
    right.set('authorization', `Bearer ${TOKEN}`);
    const almost = new grpc.Metadata();
    almost.set('authorization', TOKEN); // no "Bearer "
    try {
      for (const [m, req] of methods) {
        const fn = (api[m] as any).bind(api);
        for (const [what, md] of [['none', new grpc.Metadata()], ['wrong', wrong], ['no Bearer', almost]] as const) {
          assert.equal((await unaryStatus(fn, req, md)).code, grpc.status.UNAUTHENTICATED, `${m} with ${what} token`);
        }
      }
      assert.equal(await fetchJson(`http://127.0.0.1:${c.appmgr.metricsPort}/apps`).then((r) => (r.body.apps as { state: string }[]).every((a) => a.state === 'ready')), true, 'the refused DrainApp did nothing');
      const ok = await unaryStatus((api.listApps as any).bind(api), {}, right);
      assert.equal(ok.code, grpc.status.OK);
      const drained = await unaryStatus((api.drainApp as any).bind(api), { appId: 'nope' }, right);
      assert.deepEqual(drained, { code: grpc.status.OK, res: { found: false } });
      const logged = await c.appmgr.proc.waitForLog((l) => l.msg === 'DrainApp' && l.app_id === 'nope', 5000);
      assert.match(String(logged.peer), /127\.0\.0\.1:\d+/, 'DrainApp is logged with the caller');
    } finally {
      api.close();
    }
    assert.deepEqual(await healthCheck(target, grpc.credentials.createInsecure()), { code: 0, status: 'SERVING' });
    await playerFlowWorks(c, 'tok-player');
    for (const p of c.procs) {
      const printed = JSON.stringify(p.proc.logs) + p.proc.stderr.join('');
      assert.ok(!printed.includes(TOKEN), `${p.appId} printed ADMIN_TOKEN`);
    }
  } finally {
    await c.stop();
  }
});

test('GRPC_AUTH=mtls: a client certificate from the CA is required; health and players work with it', { timeout: 120_000 }, async () => {
  const certs = makeTestCerts();
  const c = await startCluster({
    prefix: 'mtls',
    appmgrEnv: { GRPC_AUTH: 'mtls', GRPC_TLS_CERT_FILE: certs.serverCert, GRPC_TLS_KEY_FILE: certs.serverKey, GRPC_TLS_CA_FILE: certs.caCert },
  });
  try {
    await Promise.all([
      c.startPod('login', 'login-a', { GRPC_AUTH: 'mtls', GRPC_TLS_CA_FILE: certs.caCert, GRPC_TLS_CLIENT_CERT_FILE: certs.clientCert, GRPC_TLS_CLIENT_KEY_FILE: certs.clientKey }),
      c.startPod('game', 'game-a'),
    ]);
    const { readFileSync } = await import('node:fs');
    const ca = readFileSync(certs.caCert);
    const target = `127.0.0.1:${c.appmgr.grpcPort}`;
    const { proto } = loadAppmgrProto();
    const attempt = async (creds: grpc.ChannelCredentials) => {
      const api = new proto.gamecluster.v1.AppMgrService(target, creds);
      try {
        return await unaryStatus((api.listApps as any).bind(api), {}, new grpc.Metadata());
      } finally {
        api.close();
      }
    };
    assert.notEqual((await attempt(grpc.credentials.createInsecure())).code, grpc.status.OK, 'plaintext refused');
    assert.notEqual((await attempt(grpc.credentials.createSsl(ca))).code, grpc.status.OK, 'TLS without a client certificate refused');
    assert.notEqual((await attempt(grpc.credentials.createSsl(ca, readFileSync(certs.rogueClientKey), readFileSync(certs.rogueClientCert)))).code, grpc.status.OK, 'a certificate from another CA refused');
    const good = grpc.credentials.createSsl(ca, readFileSync(certs.clientKey), readFileSync(certs.clientCert));
    assert.equal((await attempt(good)).code, grpc.status.OK);
    assert.deepEqual(await healthCheck(target, good), { code: 0, status: 'SERVING' });
    await playerFlowWorks(c, 'mtls-player');
    await waitFor('appmgr still up', () => c.appmgr.proc.child.exitCode === null, 1000);
  } finally {
    await c.stop();
    certs.remove();
  }
});

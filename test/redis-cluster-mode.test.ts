/**
 * Issue 11, point 3: Redis Cluster is not supported, and says so. A real redis-server started with
 * `--cluster-enabled yes`: appmgr, a login and a game each stop at start with exit code 2 (the config-error code,
 * services/registry/redis-client.ts CLUSTER_MODE_EXIT_CODE) and one stderr line saying cluster mode is not supported
 * and what to use instead.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { freePort } from './helpers/free-port.js';
import { within } from './helpers/reliability.js';
import { startRedis, type TestRedis } from './helpers/redis-server.js';
import { startService } from './helpers/service-process.js';

let redis: TestRedis;
let dir: string;

before(async () => {
  dir = mkdtempSync(join(tmpdir(), 'gc-cluster-'));
  // The cluster bus would listen on port + 10000, inside the ephemeral range where any outgoing connection of the
  // box may hold it: it gets a port of its own, handed out like the others.
  redis = await startRedis(undefined, { extraArgs: ['--cluster-enabled', 'yes', '--cluster-port', String(await freePort()), '--cluster-config-file', join(dir, 'nodes.conf'), '--dir', dir] });
});

after(async () => {
  await redis?.stop();
  rmSync(dir, { recursive: true, force: true });
});

for (const kind of ['appmgr', 'login', 'game'] as const) {
  test(`${kind} refuses a Redis in cluster mode: one line, exit 2`, { timeout: 60_000 }, async (t) => {
    const env: Record<string, string> = { REDIS_URL: redis.url, PREFIX: 'clmode', METRICS_PORT: String(await freePort()), PORT: String(await freePort()) };
    if (kind === 'appmgr') Object.assign(env, { HTTP_PORT: String(await freePort()), GRPC_PORT: String(await freePort()) });
    if (kind === 'login') env.APPMGR_GRPC = `127.0.0.1:${await freePort()}`;
    const p = startService(kind, env);
    const t0 = Date.now();
    const code = await within(p.exited, 30_000, `${kind} exit`).finally(() => p.stop());
    const lines = p.stderr.join('').split('\n').filter(Boolean);
    t.diagnostic(`${kind}: exit ${code} after ${Date.now() - t0} ms: ${lines.join(' | ')}`);
    assert.equal(code, 2);
    const msg = lines.filter((l) => /cluster mode/.test(l));
    assert.equal(msg.length, 1, `stderr: ${lines.join('\n')}`);
    assert.match(msg[0]!, /^gamecluster: Redis at redis:\/\/127\.0\.0\.1:\d+ runs in cluster mode \(cluster_enabled:1\), which gamecluster does not support: .*Sentinel.*primary\/replica/);
  });
}

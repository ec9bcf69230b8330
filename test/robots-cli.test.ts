/**
 * `gamecluster robots` as a process: bad flags exit 2 with one line naming the flag; --help; against an appmgr with
 * no pods every player fails at http_login with NO_APP, the process exits 1 and --json prints the documented shape.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { freePort } from './helpers/free-port.js';
import { startRedis, type TestRedis } from './helpers/redis-server.js';
import { startService, type ServiceProcess } from './helpers/service-process.js';

let redis: TestRedis;
let appmgr: ServiceProcess;
let httpPort: number;

before(async () => {
  redis = await startRedis();
  httpPort = await freePort();
  appmgr = startService('appmgr', { REDIS_URL: redis.url, PREFIX: 'robotscli', HTTP_PORT: String(httpPort), GRPC_PORT: String(await freePort()) });
  await appmgr.waitForLog((l) => l.msg === 'appmgr listening', 30_000);
});

after(async () => {
  await appmgr?.stop();
  await redis?.stop();
});

async function robots(args: string[]): Promise<{ code: number | string; stdout: string; stderr: string }> {
  const p = startService('robots', { LOG_LEVEL: 'warn' }, args);
  const code = await p.exited;
  return { code, stdout: p.logs.map((l) => (l.raw ? String(l.msg) : JSON.stringify(l))).join('\n'), stderr: p.stderr.join('') };
}

test('bad flags: exit 2 with one line naming the flag', async () => {
  const cases: [string[], RegExp][] = [
    [['--players', '10'], /missing --appmgr/],
    [['--appmgr', 'http://127.0.0.1:1', '--players', 'ten'], /invalid --players "ten"/],
    [['--appmgr', 'http://127.0.0.1:1', '--rate', '-5'], /invalid --rate "-5"/],
    [['--appmgr', 'http://127.0.0.1:1', '--echo-per-sec', '1000'], /invalid --echo-per-sec "1000"/],
    [['--appmgr', 'tcp://x'], /invalid --appmgr "tcp:\/\/x"/],
    [['--appmgr', 'http://127.0.0.1:1', '--frobnicate'], /unknown flag "--frobnicate"/],
  ];
  await Promise.all(
    cases.map(async ([args, re]) => {
      const r = await robots(args);
      assert.equal(r.code, 2, `${args.join(' ')}: ${r.stderr}`);
      assert.match(r.stderr, re);
      assert.equal(r.stderr.trim().split('\n').length, 1, `one line: ${r.stderr}`);
      assert.equal(r.stdout, '');
    }),
  );
});

test('--help prints the usage and exits 0', async () => {
  const r = await robots(['--help']);
  assert.equal(r.code, 0);
  assert.match(r.stdout, /usage: gamecluster robots --appmgr URL/);
});

test('appmgr with no pods: every player fails with NO_APP, exit 1, --json shape', async () => {
  const r = await robots(['--appmgr', `http://127.0.0.1:${httpPort}`, '--players', '5', '--rate', '100', '--duration', '0', '--echo-per-sec', '0', '--json']);
  assert.equal(r.code, 1, r.stderr);
  const report = JSON.parse(r.stdout) as Record<string, any>;
  assert.deepEqual(Object.keys(report), ['version', 'appmgr', 'options', 'players', 'ok', 'failed', 'not_started', 'flows_completed', 'flows_per_sec', 'wall_ms', 'steps', 'echoes_ok', 'pings_ok', 'failures', 'login_pods', 'game_pods', 'game_spread']);
  assert.equal(report.version, 1);
  assert.deepEqual(Object.keys(report.options), ['players', 'rate', 'duration_s', 'echo_per_sec', 'concurrency', 'step_timeout_ms', 'account_prefix']);
  assert.deepEqual(Object.keys(report.steps), ['http_login', 'account_check', 'enter_game', 'game_login', 'echo']);
  for (const s of Object.values(report.steps) as Record<string, number>[]) assert.deepEqual(Object.keys(s), ['count', 'p50_ms', 'p99_ms', 'max_ms']);
  assert.equal(report.players, 5);
  assert.equal(report.failed, 5);
  assert.equal(report.ok, 0);
  assert.deepEqual(report.failures.map((f: any) => [f.step, f.reason, f.count]), [['http_login', 'NO_APP', 5]]);
  assert.match(report.failures[0].example, /returncode 4/);
  assert.deepEqual(report.game_pods, {});
});

test('nothing listening at --appmgr: a clear connection error, exit 1, human table', async () => {
  const port = await freePort();
  const r = await robots(['--appmgr', `http://127.0.0.1:${port}`, '--players', '2', '--rate', '100', '--duration', '0']);
  assert.equal(r.code, 1);
  assert.match(r.stdout, /robots FAILED: 0\/2 players/);
  assert.match(r.stdout, /http_login\s+ECONNREFUSED\s+2\s+http_login: GET http:\/\/127\.0\.0\.1:\d+\/login: connect ECONNREFUSED/);
});

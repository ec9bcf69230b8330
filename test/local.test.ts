/**
 * `gamecluster local --players 50` run from source as a real process: it starts its own redis-server, appmgr,
 * 2 logins and 2 games, plays the wave, prints the robot summary, the per-pod table and appmgr's URL, exits 0 —
 * and every child process it started (seen while it ran, by parent pid) is gone afterwards. `--keep` alone starts
 * no wave and idles until Ctrl-C.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { startService } from './helpers/service-process.js';
import { waitFor } from './helpers/wait-for.js';

/** `/proc/<pid>/stat` fields after the command name: [state, ppid, …]; field 22 of the full line is the start time. */
function statFields(pid: number | string): string[] | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  } catch {
    return undefined; // exited meanwhile
  }
}

/** Children of `pid` as "pid@starttime", so a pid reused by another process (tests run in parallel) is not mistaken for ours. */
function childrenOf(pid: number): string[] {
  const out: string[] = [];
  for (const d of readdirSync('/proc')) {
    if (!/^\d+$/.test(d)) continue;
    const f = statFields(d);
    if (f && Number(f[1]) === pid) out.push(`${d}@${f[19]}`);
  }
  return out;
}

const alive = (key: string) => {
  const [pid, start] = key.split('@');
  const f = statFields(pid!);
  return f !== undefined && f[19] === start && f[0] !== 'Z';
};

test('gamecluster local --players 50: table, exit 0, no child left behind', { timeout: 120_000 }, async () => {
  const env: Record<string, string> = { LOG_LEVEL: 'warn' };
  const p = startService('local', env, ['--players', '50', '--rate', '200', '--duration', '0.5']);
  const seen = new Set<string>();
  const poll = setInterval(() => childrenOf(p.child.pid!).forEach((c) => seen.add(c)), 100);
  const timer = setTimeout(() => p.signal('SIGKILL'), 110_000);
  const code = await p.exited;
  clearTimeout(timer);
  clearInterval(poll);
  const stdout = p.logs.map((l) => String(l.msg)).join('\n');
  const stderr = p.stderr.join('');
  assert.equal(code, 0, `exit ${code}\nstdout:\n${stdout}\nstderr:\n${stderr}`);
  assert.match(stdout, /robots OK: 50\/50 players played the whole flow, 0 failed/);
  assert.match(stdout, /^type\s+app_id\s+address\s+state\s+online\s+registry\s+conns\s+rooms$/m);
  // Game pods count their rooms (none: the echo module has no room modes), login pods have none to count.
  assert.equal(stdout.match(/^game\s+local-\S+-game-\d\s+127\.0\.0\.1:\d+\s+ready\s+\d+\s+\d+\s+\d+\s+0$/gm)?.length, 2, stdout);
  assert.equal(stdout.match(/^login\s+local-\S+-login-\d\s+127\.0\.0\.1:\d+\s+ready\s+\d+\s+\d+\s+\d+\s+-$/gm)?.length, 2, stdout);
  assert.match(stdout, /game online: 50 \(pods' \/metrics\), 50 \(appmgr/);
  assert.match(stdout, /^appmgr: http:\/\/127\.0\.0\.1:\d+\/$/m);
  assert.match(stderr, /child logs in \/\S+/);
  assert.ok(seen.size >= 6, `saw ${seen.size} children (redis, appmgr, 2 logins, 2 games)`);
  const left = [...seen].filter(alive);
  assert.deepEqual(left, [], `children still running after exit: ${left.join(', ')}`);
});

test('gamecluster local --scenario arena --players 500 --json: exit 0, 0 failures, state_lag reported', { timeout: 180_000 }, async (t) => {
  const p = startService('local', { LOG_LEVEL: 'warn' }, ['--scenario', 'arena', '--players', '500', '--rate', '250', '--duration', '2', '--json']);
  const timer = setTimeout(() => p.signal('SIGKILL'), 170_000);
  const code = await p.exited;
  clearTimeout(timer);
  const stdout = p.logs.map((l) => (l.raw ? String(l.msg) : JSON.stringify(l))).join('\n');
  assert.equal(code, 0, `exit ${code}\nstdout:\n${stdout.slice(-4000)}\nstderr:\n${p.stderr.join('').slice(-4000)}`);
  const out = JSON.parse(stdout.slice(stdout.indexOf('{'))) as { robots: { players: number; failed: number; ok: number; state_lag?: { p50_ms: number; p99_ms: number }; messages_per_sec?: number; arena_saw_moves?: number } };
  assert.equal(out.robots.players, 500);
  assert.equal(out.robots.failed, 0);
  assert.equal(out.robots.ok, 500);
  assert.ok(out.robots.state_lag && out.robots.state_lag.p99_ms >= out.robots.state_lag.p50_ms, 'state_lag reported');
  assert.ok((out.robots.messages_per_sec ?? 0) > 0, 'State messages received');
  t.diagnostic(`arena 500: state_lag p50 ${out.robots.state_lag.p50_ms} ms, p99 ${out.robots.state_lag.p99_ms} ms, ${out.robots.messages_per_sec} State msgs/s, ${out.robots.arena_saw_moves} saw room-mates move`);
});

test('gamecluster local --keep: no robot wave unless asked, public and admin URLs printed, Ctrl-C stops it (exit 0)', { timeout: 90_000 }, async () => {
  const p = startService('local', { LOG_LEVEL: 'warn' }, ['--keep']);
  const timer = setTimeout(() => p.signal('SIGKILL'), 80_000);
  const stderr = () => p.stderr.join('');
  await waitFor('the --keep banner', () => /--keep: the cluster stays up until Ctrl-C/.test(stderr()) || p.child.exitCode !== null, 60_000);
  const admin = /admin (http:\/\/127\.0\.0\.1:\d+)\//.exec(stderr())?.[1];
  assert.ok(admin, stderr());
  assert.match(stderr(), /appmgr +http:\/\/127\.0\.0\.1:\d+\/login/);
  assert.doesNotMatch(stderr(), /robot wave/, 'no wave before it idles');
  const apps = (await (await fetch(`${admin}/apps`)).json()) as { apps: { app_type: string; online: number }[] };
  assert.equal(apps.apps.length, 4);
  assert.equal(apps.apps.reduce((n, a) => n + a.online, 0), 0, 'nobody online: no robots ran');
  p.signal('SIGINT');
  const code = await p.exited;
  clearTimeout(timer);
  assert.equal(code, 0, stderr());
  assert.match(stderr(), /gamecluster local: stopped/);
});

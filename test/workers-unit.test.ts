/**
 * WORKERS without processes: the variable (1 by default, `auto`, bounds, one-line errors naming it), what `auto`
 * resolves to (CPUs capped by the cgroup quota), the login pod's cross-worker duplicate broker (arrival order
 * decides "older"; a kick names the exact older connection; a dead worker's entries go), and the chart's WORKERS
 * env (integer as is; `auto` + a CPU limit → the limit rounded up through the downward API; `auto` alone stays).
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseAppmgrConfig } from '../services/appmgr/config.js';
import { parseGameConfig } from '../services/game/config.js';
import { parseLoginConfig } from '../services/login/config.js';
import { cgroupCpuLimit, resolveWorkers } from '../services/platform/workers.js';
import { LoginSessionBroker } from '../services/pod/workers/login-sessions.js';
import { find, mainContainer, renderChart } from './helpers/helm.js';

test('WORKERS: default 1, integers, auto; bad values name the variable', () => {
  assert.equal(parseGameConfig({}).WORKERS, 1);
  assert.equal(parseGameConfig({ WORKERS: '4' }).WORKERS, 4);
  assert.equal(parseLoginConfig({ WORKERS: 'auto' }).WORKERS, 'auto');
  assert.equal(parseAppmgrConfig({ WORKERS: ' AUTO ' }).WORKERS, 'auto');
  for (const bad of ['0', '-1', 'two', '1.5', '257']) {
    assert.throws(() => parseGameConfig({ WORKERS: bad }), (e: Error) => e.message.startsWith(`invalid WORKERS="${bad}": expected an integer from 1 to 256 or "auto"`), bad);
  }
});

test('auto = available CPUs capped by the cgroup CPU quota (rounded up), at least 1', () => {
  assert.equal(resolveWorkers(3, () => 8, () => 1), 3, 'an explicit count is kept');
  assert.equal(resolveWorkers('auto', () => 8, () => undefined), 8);
  assert.equal(resolveWorkers('auto', () => 8, () => 2), 2);
  assert.equal(resolveWorkers('auto', () => 1, () => 4), 1);
  const files = (m: Record<string, string>) => (p: string) => m[p];
  assert.equal(cgroupCpuLimit(files({ '/sys/fs/cgroup/cpu.max': 'max 100000\n' })), undefined);
  assert.equal(cgroupCpuLimit(files({ '/sys/fs/cgroup/cpu.max': '150000 100000\n' })), 2);
  assert.equal(cgroupCpuLimit(files({ '/sys/fs/cgroup/cpu.max': '50000 100000\n' })), 1);
  assert.equal(cgroupCpuLimit(files({ '/sys/fs/cgroup/cpu/cpu.cfs_quota_us': '400000', '/sys/fs/cgroup/cpu/cpu.cfs_period_us': '100000' })), 4);
  assert.equal(cgroupCpuLimit(files({ '/sys/fs/cgroup/cpu/cpu.cfs_quota_us': '-1', '/sys/fs/cgroup/cpu/cpu.cfs_period_us': '100000' })), undefined);
  assert.equal(cgroupCpuLimit(files({})), undefined);
});

test('login broker: the later claim wins; the older holder on another worker is named exactly; releases and deaths clean up', () => {
  const b = new LoginSessionBroker();
  assert.equal(b.claim(1, 'alice', 'tcp:w1:5'), undefined);
  assert.deepEqual(b.claim(2, 'alice', 'tcp:w2:9'), { workerId: 1, socketKey: 'tcp:w1:5' });
  // Same worker: it already kicked its own older connection, nothing to send.
  assert.equal(b.claim(2, 'alice', 'tcp:w2:11'), undefined);
  // A late release of an older connection leaves the newer entry alone.
  b.release(2, 'alice', 'tcp:w2:9');
  assert.deepEqual(b.claim(1, 'alice', 'tcp:w1:20'), { workerId: 2, socketKey: 'tcp:w2:11' });
  b.release(1, 'alice', 'tcp:w1:20');
  assert.equal(b.size, 0);
  b.claim(3, 'bob', 'tcp:w3:1');
  b.claim(4, 'carol', 'tcp:w4:1');
  b.dropWorker(3);
  assert.equal(b.size, 1);
  assert.equal(b.claim(5, 'bob', 'tcp:w5:1'), undefined, 'a dead worker is never asked to kick');
});

test('chart: WORKERS integer as is; auto + limits.cpu → downward API limits.cpu (divisor 1); auto alone stays auto', async () => {
  const objs = await renderChart({ set: ['game.workers=auto', 'game.resumeGraceMs=0', 'game.resources.limits.cpu=1500m', 'login.workers=3', 'appmgr.workers=auto'] });
  const env = (name: string) => mainContainer(find(objs, 'Deployment', name)).env!.find((e) => e.name === 'WORKERS') as unknown;
  assert.deepEqual(env('gc-game'), { name: 'WORKERS', valueFrom: { resourceFieldRef: { containerName: 'game', resource: 'limits.cpu', divisor: '1' } } });
  assert.deepEqual(env('gc-login'), { name: 'WORKERS', value: '3' });
  assert.deepEqual(env('gc-appmgr'), { name: 'WORKERS', value: 'auto' });
});

test('chart: game.module → GAME_MODULE, game.resumeGraceMs → RESUME_GRACE_MS; game.workers > 1 needs echo and no grace', async () => {
  const env = (objs: Awaited<ReturnType<typeof renderChart>>, n: string) => mainContainer(find(objs, 'Deployment', 'gc-game')).env!.find((e) => e.name === n)?.value;
  const defaults = await renderChart();
  assert.equal(env(defaults, 'GAME_MODULE'), 'echo');
  assert.equal(env(defaults, 'RESUME_GRACE_MS'), '30000');
  const arena = await renderChart({ set: ['game.module=arena', 'game.resumeGraceMs=5000'] });
  assert.equal(env(arena, 'GAME_MODULE'), 'arena');
  assert.equal(env(arena, 'RESUME_GRACE_MS'), '5000');
  assert.equal(mainContainer(find(arena, 'Deployment', 'gc-login')).env!.find((e) => e.name === 'GAME_MODULE'), undefined, 'game pods only');
  for (const set of [['game.workers=2'], ['game.workers=auto', 'game.resumeGraceMs=0', 'game.module=arena']]) {
    await assert.rejects(renderChart({ set }), /game\.workers=.* needs game\.module=echo and game\.resumeGraceMs=0/, set.join(' '));
  }
});

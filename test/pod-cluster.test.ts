/**
 * The cluster harness itself: a start that fails half-way stops what it started (else a redis-server left running
 * keeps the test file's process alive for ever), and fails at once when the process it waits on has exited.
 */
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { test } from 'node:test';
import { startCluster, startLoginGame } from './pod-cluster.js';

/** Live child processes of this test process (`pid name`), but tsx's own esbuild service (alive while tsx compiles). */
function children(): string[] {
  try {
    const out = execFileSync('pgrep', ['-l', '-P', String(process.pid)], { encoding: 'utf8' });
    return out.trim().split('\n').filter((l) => l && !/\besbuild$/.test(l));
  } catch {
    return []; // pgrep exits 1 when there is none
  }
}

test('an appmgr that cannot start: startCluster fails at once and leaves no process behind', { timeout: 30_000 }, async () => {
  const t0 = Date.now();
  await assert.rejects(startCluster({ prefix: 'harness', appmgrEnv: { HTTP_PORT: 'not-a-port' } }), /gave up waiting for appmgr ready: appmgr exited 2/);
  assert.ok(Date.now() - t0 < 20_000, 'not after the 30 s wait');
  assert.deepEqual(children(), []);
});

test('a pod that cannot start: startLoginGame fails and stops appmgr and Redis', { timeout: 30_000 }, async () => {
  await assert.rejects(startLoginGame({ prefix: 'harness2', gameEnv: { CAPACITY: '-1' } }), /gave up waiting for game-a ready: game-a exited 2/);
  assert.deepEqual(children(), []);
});

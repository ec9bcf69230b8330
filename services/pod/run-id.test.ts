import assert from 'node:assert/strict';
import cluster from 'node:cluster';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';
import { test } from 'node:test';
import { WORKER_INDEX_ENV } from '../platform/workers.js';
import { exportRunId, inheritedRunId, newRunId, RUN_ID_ENV } from './run-id.js';

test('run ids: 16 hex chars, new each time; only our workers inherit the exported one (node:cluster copies the env)', async () => {
  const a = newRunId();
  assert.match(a, /^[0-9a-f]{16}$/);
  assert.notEqual(newRunId(), a);
  const before = process.env[RUN_ID_ENV];
  try {
    exportRunId(a);
    assert.equal(inheritedRunId(), undefined, 'not a worker: an id in the environment is never reused');
    cluster.setupPrimary({ exec: fileURLToPath(new URL('../../test/fixtures/run-id-worker.ts', import.meta.url)), execArgv: ['--import', 'tsx'], silent: true });
    const ours = cluster.fork({ [WORKER_INDEX_ENV]: '0' });
    const oursExit = once(ours, 'exit');
    const [fromOurs] = (await once(ours, 'message')) as [{ inherited: string | null; fresh: string }];
    assert.equal(fromOurs.inherited, a, 'a worker (and a restarted one) runs under its primary\'s id');
    assert.notEqual(fromOurs.fresh, a);
    const foreign = cluster.fork(); // no slot variable
    const foreignExit = once(foreign, 'exit');
    const [fromForeign] = (await once(foreign, 'message')) as [{ inherited: string | null }];
    assert.equal(fromForeign.inherited, null, 'a process without our slot variable is not one of our workers');
    await Promise.all([oursExit, foreignExit]);
  } finally {
    if (before === undefined) delete process.env[RUN_ID_ENV];
    else process.env[RUN_ID_ENV] = before;
  }
});

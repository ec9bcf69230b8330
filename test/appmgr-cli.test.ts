/** `gamecluster appmgr` as a process: --help, a malformed env variable → one stderr line naming it and exit 2. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { startService } from './helpers/service-process.js';

test('malformed env → one-line error naming the variable, exit 2', async () => {
  for (const [k, v] of [['HTTP_PORT', 'abc'], ['SELECT_STRATEGY', 'random'], ['REDIS_URL', 'http://nope']] as const) {
    const p = startService('appmgr', { [k]: v });
    assert.equal(await p.exited, 2);
    const err = p.stderr.join('').trimEnd();
    assert.equal(err.split('\n').length, 1, err);
    assert.match(err, new RegExp(k));
  }
});

test('--help prints usage and exits 0; unknown arguments exit 2', async () => {
  const h = startService('appmgr', {}, ['--help']);
  assert.equal(await h.exited, 0);
  const bad = startService('appmgr', {}, ['--bogus']);
  assert.equal(await bad.exited, 2);
  assert.match(bad.stderr.join(''), /--bogus/);
});

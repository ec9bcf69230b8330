import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ConfigError } from '../platform/config.js';
import { parseAppmgrConfig } from './config.js';

test('defaults follow the spec', () => {
  const c = parseAppmgrConfig({});
  assert.equal(c.HTTP_PORT, 8080);
  assert.equal(c.GRPC_PORT, 50051);
  assert.equal(c.SELECT_STRATEGY, 'least_loaded');
  assert.equal(c.HEARTBEAT_MS, 2000);
  assert.equal(c.APP_TTL_MS, 6000);
  assert.equal(c.STALE_MS, 10000);
  assert.equal(c.PREFIX, 'gc');
});

test('bad values name the variable in one line', () => {
  for (const [k, v] of [['HTTP_PORT', 'abc'], ['GRPC_PORT', '70000'], ['SELECT_STRATEGY', 'random'], ['REDIS_URL', 'http://x']] as const) {
    assert.throws(() => parseAppmgrConfig({ [k]: v }), (e: unknown) => e instanceof ConfigError && e.variable === k && !e.message.includes('\n'));
  }
});

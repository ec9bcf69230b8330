import { test } from 'node:test';
import assert from 'node:assert/strict';
import { redisOptionsFrom } from './redis-client.js';

test('redis:// and rediss:// pass through as a URL; commands fail fast', () => {
  const o = redisOptionsFrom('rediss://:pw@cache.example:6380/2');
  assert.equal(o.url, 'rediss://:pw@cache.example:6380/2');
  assert.equal(o.enableOfflineQueue, false);
  assert.equal(o.maxRetriesPerRequest, 1);
  assert.ok(typeof o.retryStrategy === 'function' && (o.retryStrategy(1000) as number) <= 2100, 'reconnects forever, capped');
});

test('redis-sentinel://[:pw@]h:p,h:p/master', () => {
  const o = redisOptionsFrom('redis-sentinel://:s3cret@s1:26379,s2:26380/primary');
  assert.deepEqual(o.sentinels, [{ host: 's1', port: 26379 }, { host: 's2', port: 26380 }]);
  assert.equal(o.name, 'primary');
  assert.equal(o.password, 's3cret');
  assert.equal(o.url, undefined);
});

test('REDIS_SENTINELS list, master from the list or the URL, default mymaster', () => {
  assert.equal(redisOptionsFrom('redis://127.0.0.1:6379', 'a:1,b').name, 'mymaster');
  assert.deepEqual(redisOptionsFrom('redis://127.0.0.1:6379', 'a:1,b').sentinels, [{ host: 'a', port: 1 }, { host: 'b', port: 26379 }]);
  assert.equal(redisOptionsFrom('redis://x', 'a:1/m1').name, 'm1');
  assert.equal(redisOptionsFrom('redis-sentinel://ignored:1/m2', 'a:1').name, 'm2');
});

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { RedisConfigError, redisOptionsFrom } from './redis-client.js';

test('rediss:// is parsed into host, port, db, credentials and TLS; commands fail fast and time out', () => {
  const o = redisOptionsFrom('rediss://:pw@cache.example:6380/2', undefined, 750);
  assert.equal(o.host, 'cache.example');
  assert.equal(o.port, 6380);
  assert.equal(o.db, 2);
  assert.equal(o.password, 'pw');
  assert.deepEqual(o.tls, {});
  assert.equal(o.enableOfflineQueue, false);
  assert.equal(o.maxRetriesPerRequest, 1);
  assert.equal(o.commandTimeout, 750);
  assert.equal(o.autoResendUnfulfilledCommands, false);
  assert.ok(typeof o.retryStrategy === 'function' && (o.retryStrategy(1000) as number) <= 2100, 'reconnects forever, capped');
});

test('redis://user:pw@host and the defaults', () => {
  const o = redisOptionsFrom('redis://app:p%40ss@10.0.0.1');
  assert.deepEqual([o.host, o.port, o.username, o.password, o.tls, o.commandTimeout], ['10.0.0.1', 6379, 'app', 'p@ss', undefined, 1000]);
});

test('redis-sentinel://[:pw@]h:p,h:p/master follows failovers', () => {
  const o = redisOptionsFrom('redis-sentinel://:s3cret@s1:26379,s2:26380/primary');
  assert.deepEqual(o.sentinels, [{ host: 's1', port: 26379 }, { host: 's2', port: 26380 }]);
  assert.equal(o.name, 'primary');
  assert.equal(o.password, 's3cret');
  assert.equal(o.failoverDetector, true);
  assert.equal(o.host, undefined);
});

test('REDIS_SENTINELS list, master from the list or the URL, default mymaster', () => {
  assert.equal(redisOptionsFrom('redis://127.0.0.1:6379', 'a:1,b').name, 'mymaster');
  assert.deepEqual(redisOptionsFrom('redis://127.0.0.1:6379', 'a:1,b').sentinels, [{ host: 'a', port: 1 }, { host: 'b', port: 26379 }]);
  assert.equal(redisOptionsFrom('redis://x', 'a:1/m1').name, 'm1');
  assert.equal(redisOptionsFrom('redis-sentinel://ignored:1/m2', 'a:1').name, 'm2');
});

test('malformed values are refused without echoing them', () => {
  for (const bad of ['http://:hunter2@x', 'redis://:hunter2@', 'redis-sentinel://:hunter2@h:99999/m', 'redis://:hunter2@h:1/?foo=1', 'hunter2']) {
    assert.throws(() => redisOptionsFrom(bad), (e: unknown) => e instanceof RedisConfigError && !e.message.includes('hunter2'), bad);
  }
});

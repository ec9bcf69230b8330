import assert from 'node:assert/strict';
import { test } from 'node:test';
import { redactUrl, redactValue } from './redact.js';

test('URL credentials are hidden by a text rule, whatever new URL() thinks of the value', () => {
  assert.equal(redactUrl('redis://:hunter2@redis:6379/0'), 'redis://:***@redis:6379/0');
  assert.equal(redactUrl('rediss://app:hunter2@h:1'), 'rediss://app:***@h:1');
  assert.equal(redactUrl('redis-sentinel://u:hunter2@a:1,b:2,c:3/mymaster'), 'redis-sentinel://u:***@a:1,b:2,c:3/mymaster');
  assert.equal(redactUrl('redis://hunter2@h'), 'redis://***@h');
  assert.equal(redactUrl('redis://:hun@ter2@h:99999'), 'redis://:***@h:99999');
  assert.equal(redactUrl('http://auth/check?token=hunter2&x=1'), 'http://auth/check?token=***&x=1');
  assert.equal(redactUrl('rediss://h:1/0?password=hunter2'), 'rediss://h:1/0?password=***');
  assert.equal(redactUrl('connect to redis://:hunter2@h failed'), 'connect to redis://:***@h failed');
  assert.equal(redactUrl('app:hunter2@h:1,h:2'), 'app:***@h:1,h:2');
  assert.equal(redactUrl('redis://127.0.0.1:6379'), 'redis://127.0.0.1:6379');
});

test('whole-value secrets and sentinel lists', () => {
  assert.equal(redactValue('ADMIN_TOKEN', 'hunter2'), '***');
  assert.equal(redactValue('REDIS_SENTINELS', 'hunter2@h:1,h:2'), '***@h:1,h:2');
  assert.equal(redactValue('REDIS_SENTINELS', 'h:1,h:2/mymaster'), 'h:1,h:2/mymaster');
  assert.equal(redactValue('PORT', '5000'), '5000');
  assert.equal(redactValue('HEARTBEAT_MS', '500'), '500');
});

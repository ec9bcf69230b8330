import assert from 'node:assert/strict';
import { test } from 'node:test';
import { LogLimiter } from './log-limiter.js';

test('one line per key per window, then the count of the suppressed ones', () => {
  const l = new LogLimiter(1000);
  assert.equal(l.allow('rate', 0), 0);
  for (let i = 0; i < 500; i++) assert.equal(l.allow('rate', 10 + i), undefined);
  assert.equal(l.allow('idle', 20), 0, 'other keys have their own window');
  assert.equal(l.allow('rate', 1000), 500);
  assert.equal(l.allow('rate', 1500), undefined);
  assert.equal(l.allow('rate', 2100), 1);
});

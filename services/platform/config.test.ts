import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ConfigError, commonEnv, env, loadConfig, redactConfig, redactUrl } from './config.js';

const shape = { ...commonEnv, PORT: env.port(5002), MODE: env.oneOf(['open', 'http'] as const, 'open') };

test('defaults apply and empty strings count as unset', () => {
  const c = loadConfig(shape, { PORT: '', MODE: 'http', HEARTBEAT_MS: '500' });
  assert.equal(c.PORT, 5002);
  assert.equal(c.MODE, 'http');
  assert.equal(c.HEARTBEAT_MS, 500);
  assert.equal(c.REDIS_URL, 'redis://127.0.0.1:6379');
  assert.equal(c.PREFIX, 'gc');
});

for (const [name, value, expect] of [
  ['PORT', '70000', /^invalid PORT="70000": expected an integer from 0 to 65535$/],
  ['PORT', 'abc', /^invalid PORT="abc": expected an integer/],
  ['HEARTBEAT_MS', '1.5', /^invalid HEARTBEAT_MS="1.5"/],
  ['MODE', 'ldap', /^invalid MODE="ldap": expected one of open\|http$/],
  ['REDIS_URL', 'http://x', /^invalid REDIS_URL=.*expected a URL with scheme redis\|rediss\|redis-sentinel$/],
  ['PREFIX', 'a b', /^invalid PREFIX="a b"/],
  ['LOG_LEVEL', 'loud', /^invalid LOG_LEVEL="loud"/],
] as const) {
  test(`${name}=${value} is one line naming the variable`, () => {
    assert.throws(
      () => loadConfig(shape, { [name]: value }),
      (err: unknown) => err instanceof ConfigError && err.variable === name && expect.test(err.message) && !err.message.includes('\n'),
    );
  });
}

test('a bad secret-bearing URL is reported without its password', () => {
  assert.throws(() => loadConfig(shape, { REDIS_URL: 'ftp://:hunter2@h' }), (err: Error) => !err.message.includes('hunter2'));
});

test('redaction hides URL passwords, nothing else', () => {
  assert.equal(redactUrl('redis://:hunter2@redis:6379/0'), 'redis://:***@redis:6379/0');
  const r = redactConfig({ REDIS_URL: 'rediss://u:pw@h:1', PORT: 1, AUTH_URL: 'http://auth/check' });
  assert.deepEqual(r, { REDIS_URL: 'rediss://u:***@h:1', PORT: 1, AUTH_URL: 'http://auth/check' });
});

test('isLoopbackHost: 127.0.0.0/8, ::1 and localhost only', async () => {
  const { isLoopbackHost } = await import('./config.js');
  for (const h of ['127.0.0.1', '127.0.0.2', '127.255.0.9', '::1', '[::1]', 'localhost']) assert.equal(isLoopbackHost(h), true, h);
  for (const h of ['0.0.0.0', '::', '10.0.0.1', '128.0.0.1', 'example.com', '1270.0.0.1']) assert.equal(isLoopbackHost(h), false, h);
});

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

test('admin port, rate limit and gRPC access defaults', () => {
  const c = parseAppmgrConfig({});
  assert.equal(c.ADMIN_PORT, 8081);
  assert.equal(c.LOGIN_RATE_PER_IP, 0);
  assert.equal(c.TRUST_PROXY, undefined);
  assert.equal(c.GRPC_AUTH, 'none');
  assert.deepEqual(parseAppmgrConfig({ TRUST_PROXY: '10.0.0.0/8, 192.168.1.7,::1,fd00::/8,loopback' }).TRUST_PROXY, ['10.0.0.0/8', '192.168.1.7', '::1', 'fd00::/8', 'loopback']);
});

test('TRUST_PROXY, GRPC_AUTH and ADMIN_TOKEN errors name the variable; the token is never printed', () => {
  for (const v of ['10.0.0.0/33', 'not-an-ip', '10.0.0.1/8/1', ',', '1.2.3']) {
    assert.throws(() => parseAppmgrConfig({ TRUST_PROXY: v }), (e: unknown) => e instanceof ConfigError && e.variable === 'TRUST_PROXY');
  }
  assert.throws(() => parseAppmgrConfig({ GRPC_AUTH: 'token' }), (e: unknown) => e instanceof ConfigError && e.variable === 'ADMIN_TOKEN');
  const short = 'sekrit-short';
  assert.throws(() => parseAppmgrConfig({ GRPC_AUTH: 'token', ADMIN_TOKEN: short }), (e: unknown) => e instanceof ConfigError && e.variable === 'ADMIN_TOKEN' && !e.message.includes(short));
  assert.equal(parseAppmgrConfig({ GRPC_AUTH: 'token', ADMIN_TOKEN: 'x'.repeat(32) }).GRPC_AUTH, 'token');
  assert.throws(() => parseAppmgrConfig({ GRPC_AUTH: 'mtls', GRPC_TLS_CERT_FILE: '/c', GRPC_TLS_KEY_FILE: '/k' }), (e: unknown) => e instanceof ConfigError && e.variable === 'GRPC_TLS_CA_FILE');
  assert.throws(() => parseAppmgrConfig({ GRPC_AUTH: 'kerberos' }), (e: unknown) => e instanceof ConfigError && e.variable === 'GRPC_AUTH');
});

test('CORS_ORIGINS: * by default, none, or exact origins; anything else names the variable', () => {
  assert.equal(parseAppmgrConfig({}).CORS_ORIGINS, '*');
  assert.equal(parseAppmgrConfig({ CORS_ORIGINS: 'none' }).CORS_ORIGINS, 'none');
  assert.deepEqual(parseAppmgrConfig({ CORS_ORIGINS: 'https://play.example.com, http://localhost:5173/' }).CORS_ORIGINS, ['https://play.example.com', 'http://localhost:5173']);
  for (const v of ['play.example.com', 'https://x.example/path', 'ftp://x.example', ','])
    assert.throws(() => parseAppmgrConfig({ CORS_ORIGINS: v }), (e: unknown) => e instanceof ConfigError && e.variable === 'CORS_ORIGINS', v);
});

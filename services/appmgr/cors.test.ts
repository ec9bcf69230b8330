import assert from 'node:assert/strict';
import { test } from 'node:test';
import Fastify from 'fastify';
import { CorsPolicy } from './cors.js';

async function app(origins: '*' | string[]) {
  const a = Fastify();
  const cors = new CorsPolicy(origins);
  a.get('/login', (req, reply) => (cors.apply(req, reply), reply.code(503).header('retry-after', '1').send({ returncode: 5 })));
  cors.addPreflight(a, '/login');
  await a.ready();
  return a;
}

test('no Origin, no CORS headers: non-browser clients pay nothing', async () => {
  const a = await app('*');
  const r = await a.inject({ url: '/login' });
  assert.equal(r.headers['access-control-allow-origin'], undefined);
  assert.equal(r.headers.vary, undefined);
});

test('CORS_ORIGINS=*: any origin, Retry-After exposed, no credentials, on every status', async () => {
  const a = await app('*');
  const r = await a.inject({ url: '/login', headers: { origin: 'https://x.example' } });
  assert.equal(r.statusCode, 503);
  assert.equal(r.headers['access-control-allow-origin'], '*');
  assert.equal(r.headers['access-control-expose-headers'], 'Retry-After');
  assert.equal(r.headers['access-control-allow-credentials'], undefined);
});

test('exact origins: the allowed one is echoed with Vary: Origin; another gets Vary only', async () => {
  const a = await app(['https://play.example.com']);
  const ok = await a.inject({ url: '/login', headers: { origin: 'https://play.example.com' } });
  assert.equal(ok.headers['access-control-allow-origin'], 'https://play.example.com');
  assert.equal(ok.headers.vary, 'Origin');
  const no = await a.inject({ url: '/login', headers: { origin: 'https://evil.example' } });
  assert.equal(no.headers['access-control-allow-origin'], undefined);
  assert.equal(no.headers.vary, 'Origin');
});

test('preflight: 204 with methods, the asked headers and max-age for an allowed origin; bare 204 otherwise', async () => {
  const a = await app(['https://play.example.com']);
  const ok = await a.inject({ method: 'OPTIONS', url: '/login', headers: { origin: 'https://play.example.com', 'access-control-request-method': 'GET', 'access-control-request-headers': 'x-game-version' } });
  assert.equal(ok.statusCode, 204);
  assert.equal(ok.headers['access-control-allow-origin'], 'https://play.example.com');
  assert.equal(ok.headers['access-control-allow-methods'], 'GET, HEAD');
  assert.equal(ok.headers['access-control-allow-headers'], 'x-game-version');
  assert.equal(ok.headers['access-control-max-age'], '600');
  const no = await a.inject({ method: 'OPTIONS', url: '/login', headers: { origin: 'https://evil.example', 'access-control-request-method': 'GET' } });
  assert.equal(no.statusCode, 204);
  assert.equal(no.headers['access-control-allow-origin'], undefined);
});

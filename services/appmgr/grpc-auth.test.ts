import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as grpc from '@grpc/grpc-js';
import { pino } from 'pino';
import { createLogger } from '../platform/logger.js';
import { grpcAccess, guardHandlers } from './grpc-auth.js';

const logger = createLogger('test', 'silent');

test('token mode: only the exact bearer token passes; the guard answers UNAUTHENTICATED without running the handler', () => {
  const a = grpcAccess({ GRPC_AUTH: 'token', ADMIN_TOKEN: 'a'.repeat(20), BIND_HOST: '0.0.0.0' }, logger);
  const md = (v?: string) => {
    const m = new grpc.Metadata();
    if (v !== undefined) m.set('authorization', v);
    return m;
  };
  assert.equal(a.authorized(md(`Bearer ${'a'.repeat(20)}`)), true);
  for (const v of [undefined, '', 'a'.repeat(20), `Bearer ${'a'.repeat(19)}`, `Bearer ${'a'.repeat(21)}`, `bearer ${'a'.repeat(20)}`]) assert.equal(a.authorized(md(v)), false, String(v));
  let ran = 0;
  const guarded = guardHandlers({ X: (_c: unknown, cb: grpc.sendUnaryData<number>) => (ran++, cb(null, 1)) }, a);
  let got: unknown;
  guarded.X({ metadata: md('nope') } as never, (err) => (got = err));
  assert.equal(ran, 0);
  assert.equal((got as grpc.ServiceError).code, grpc.status.UNAUTHENTICATED);
});

test('none beyond loopback logs a warning; on loopback it does not', () => {
  const lines: string[] = [];
  const log = pino({ level: 'warn' }, { write: (s: string) => void lines.push(s) });
  grpcAccess({ GRPC_AUTH: 'none', BIND_HOST: '127.0.0.1' }, log);
  assert.equal(lines.length, 0);
  grpcAccess({ GRPC_AUTH: 'none', BIND_HOST: '0.0.0.0' }, log);
  assert.equal(lines.length, 1);
  assert.match(lines[0]!, /GRPC_AUTH=none/);
});

import assert from 'node:assert/strict';
import { EventEmitter } from 'node:events';
import { createServer, type Socket } from 'node:net';
import { connect } from 'node:net';
import { test } from 'node:test';
import { pino } from 'pino';
import { makeTestCerts } from '../../test/helpers/test-certs.js';
import { startEchoServer } from '../../test/helpers/echo-server.js';
import { waitFor } from '../../test/helpers/wait-for.js';
import { AcceptBudget } from './accept-budget.js';
import { TlsFiles } from './tls-files.js';

let port = 40000;
/** A stand-in for an accepted socket: an address, a 4-tuple, and destroy → 'close'. */
function fakeSocket(remoteAddress: string): Socket {
  const s = Object.assign(new EventEmitter(), {
    remoteAddress,
    remotePort: port++,
    localPort: 5002,
    destroyed: false,
    destroy() {
      if (!s.destroyed) (s.destroyed = true), s.emit('close');
      return s;
    },
  });
  return s as unknown as Socket;
}

test('per address key: IPv6 clients of one /64 share a budget; MAX_CONNECTIONS counts every address', () => {
  const refused: string[] = [];
  const b = new AcceptBudget({ maxConnections: 5, maxConnectionsPerIp: 2 }, (reason) => refused.push(reason));
  const v6 = ['2001:db8:0:1::1', '2001:db8:0:1::2', '2001:db8:0:1:ffff::3'].map(fakeSocket);
  assert.deepEqual(v6.map((s) => b.admit(s)), [true, true, false], 'the third address of the /64 is over the budget');
  assert.equal(b.openFrom('2001:db8:0:1::/64'), 2);
  assert.equal(b.admit(fakeSocket('2001:db8:0:2::1')), true, 'the next /64 has its own');
  assert.equal(b.admit(fakeSocket('::ffff:192.0.2.1')), true);
  assert.equal(b.admit(fakeSocket('192.0.2.1')), true, 'the mapped address counted as its IPv4');
  assert.equal(b.openFrom('192.0.2.1'), 2);
  assert.equal(b.admit(fakeSocket('198.51.100.1')), false, 'five open: MAX_CONNECTIONS');
  assert.deepEqual(refused, ['max_per_ip', 'max_connections']);
  v6[0]!.destroy();
  assert.equal(b.open, 4);
  assert.equal(b.admit(fakeSocket('2001:db8:0:1::9')), true, 'a closed socket gives its place back');
});

test('a slot is released once, by the socket close or by its owner, whichever comes first', () => {
  const b = new AcceptBudget({ maxConnections: 0, maxConnectionsPerIp: 1 }, () => undefined);
  const s = fakeSocket('203.0.113.1');
  assert.equal(b.admit(s), true);
  const slot = b.slotOf(s);
  assert.ok(slot);
  b.release(slot);
  assert.equal(b.openFrom('203.0.113.1'), 0);
  s.destroy();
  assert.equal(b.open, 0, 'not released twice');
  assert.equal(b.slotOf(s), undefined);
});

test('guard runs before the listeners the server had, and sets maxConnections as a backstop', async () => {
  const seen: string[] = [];
  const server = createServer((sock) => (seen.push('accepted'), sock.destroy()));
  const refused: string[] = [];
  const b = new AcceptBudget({ maxConnections: 10, maxConnectionsPerIp: 1 }, (r) => refused.push(r));
  b.guard(server);
  assert.equal(server.maxConnections, 10);
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const p = (server.address() as { port: number }).port;
  const a = connect(p, '127.0.0.1');
  a.on('error', () => undefined);
  await waitFor('first accepted', () => seen.length === 1);
  await waitFor('its slot released', () => b.open === 0);
  server.close();
});

test('TLS: a socket that sends FIN during the handshake gives its place back at once (not at the handshake timeout)', async () => {
  const certs = makeTestCerts();
  const tls = new TlsFiles({ certFile: certs.serverCert, keyFile: certs.serverKey }, pino({ level: 'silent' }));
  const s = await startEchoServer({ maxConnectionsPerIp: 1, authTimeoutMs: 60_000 }, tls, { ws: true });
  try {
    for (const target of [s.port, s.wsPort]) {
      const c = connect(target, '127.0.0.1');
      c.on('error', () => undefined);
      await new Promise((r) => c.once('connect', r));
      await waitFor('counted', () => s.server.openFrom('127.0.0.1') === 1);
      c.end();
      await waitFor('released', () => s.server.openFrom('127.0.0.1') === 0, 3000);
    }
  } finally {
    await s.close();
    certs.remove();
  }
});

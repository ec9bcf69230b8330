/**
 * `/login` as the SDK reads it (docs/operations.md "appmgr endpoints", docs/queue.md), against a scripted local HTTP server: the 200 answer, a 503 with
 * its return code, the queue (202 + ticket → polls at Retry-After → 200, queue events on the way), a lost ticket
 * (410 → queue_lost), and the poll interval's clamp. The real appmgr queue is exercised in test/client-queue.test.ts.
 */
import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import { after, before, test } from 'node:test';
import { ClientError } from './errors.js';
import { httpLogin, pollDelayS, type QueueUpdate } from './login-http.js';
import { nodeIo } from './node-io.js';

type Answer = { status: number; body: object; retryAfter?: string };
let script: Answer[] = [];
const seen: string[] = [];
let server: Server;
let base: string;

before(async () => {
  server = createServer((req, res) => {
    seen.push(req.url ?? '');
    const a = script.shift() ?? { status: 500, body: {} };
    res.writeHead(a.status, { 'content-type': 'application/json', ...(a.retryAfter ? { 'retry-after': a.retryAfter } : {}) }).end(JSON.stringify(a.body));
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  base = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
});

after(() => new Promise<void>((r) => server.close(() => r())));

test('a join names its room: ?room=<id> (with transport=ws and queue=1 alike)', async () => {
  script = [{ status: 200, body: { returncode: 0, ip: '10.0.0.1', port: 5002 } }];
  seen.length = 0;
  await httpLogin(nodeIo, { appmgr: base, transport: 'ws', queue: true, room: 'K7QX2MPA', timeoutMs: 2000 });
  assert.deepEqual(Object.fromEntries(new URL(seen[0]!, base).searchParams), { transport: 'ws', room: 'K7QX2MPA', queue: '1' });
});

test('200 → the login; 503/4 → NO_APP with the return code; ws asks ?transport=ws', async () => {
  script = [{ status: 200, body: { returncode: 0, ip: '10.0.0.1', port: 5002 } }, { status: 503, body: { returncode: 4, ip: '', port: 0 }, retryAfter: '1' }];
  seen.length = 0;
  const r = await httpLogin(nodeIo, { appmgr: base, transport: 'ws', queue: false, timeoutMs: 2000 });
  assert.equal(r.ip, '10.0.0.1');
  assert.equal(r.port, 5002);
  assert.equal(r.queuedMs, undefined);
  await assert.rejects(httpLogin(nodeIo, { appmgr: `${base}/`, transport: 'tcp', queue: false, timeoutMs: 2000 }), (e: unknown) => {
    assert.ok(e instanceof ClientError);
    assert.equal(e.code, 'NO_APP');
    assert.equal(e.details.retryAfterS, 1);
    assert.equal(e.message, 'HTTP 503 returncode 4 (NO_APP)');
    return true;
  });
  assert.deepEqual(seen, ['/login?transport=ws', '/login']);
});

test('the queue: 202 + ticket, polls at Retry-After, queue events, then the login; a lost ticket is queue_lost', async () => {
  script = [
    { status: 202, body: { returncode: 9, ip: '', port: 0, ticket: 'abc', position: 2, eta_s: 3 }, retryAfter: '1' },
    { status: 202, body: { returncode: 9, ip: '', port: 0, ticket: 'abc', position: 1, eta_s: 1 }, retryAfter: '1' },
    { status: 200, body: { returncode: 0, ip: '10.0.0.2', port: 5003 } },
  ];
  seen.length = 0;
  const updates: QueueUpdate[] = [];
  const t0 = Date.now();
  const r = await httpLogin(nodeIo, { appmgr: base, transport: 'tcp', queue: true, timeoutMs: 2000, onQueue: (u) => updates.push(u) });
  assert.ok(Date.now() - t0 >= 1900, 'two polls, one second apart each');
  assert.deepEqual(updates, [{ position: 2, etaS: 3 }, { position: 1, etaS: 1 }]);
  assert.deepEqual(seen, ['/login?queue=1', '/login?ticket=abc', '/login?ticket=abc']);
  assert.equal(r.port, 5003);
  assert.ok(r.queuedMs! >= 1900);

  script = [{ status: 202, body: { returncode: 9, ticket: 't2', position: 1, eta_s: 1 }, retryAfter: '1' }, { status: 410, body: { returncode: 5, ip: '', port: 0 } }];
  await assert.rejects(httpLogin(nodeIo, { appmgr: base, transport: 'tcp', queue: true, timeoutMs: 2000 }), (e: unknown) => e instanceof ClientError && e.code === 'queue_lost' && e.step === 'queue');
});

test('the admitted 200 hands over its admission (for EnterGame); a host asks for his room\'s places', async () => {
  const adm = 'a'.repeat(32);
  script = [
    { status: 202, body: { returncode: 9, ip: '', port: 0, ticket: 'h1', position: 1, eta_s: 1 }, retryAfter: '1' },
    { status: 200, body: { returncode: 0, ip: '10.0.0.4', port: 5005, admission: adm } },
    { status: 200, body: { returncode: 0, ip: '10.0.0.4', port: 5005 } },
  ];
  seen.length = 0;
  const r = await httpLogin(nodeIo, { appmgr: base, transport: 'tcp', queue: true, places: 4, timeoutMs: 2000 });
  assert.equal(r.admission, adm);
  assert.deepEqual(seen, ['/login?queue=1&places=4', '/login?ticket=h1']);
  // Places free and nobody waiting: the normal 200, no admission (nothing was held for him).
  const go = await httpLogin(nodeIo, { appmgr: base, transport: 'tcp', queue: true, places: 1, timeoutMs: 2000 });
  assert.equal(go.admission, undefined);
  assert.equal(seen[2], '/login?queue=1');
});

test('poll interval: Retry-After clamped to 1–5 s, 2 s without one', () => {
  assert.equal(pollDelayS('3'), 3);
  assert.equal(pollDelayS('0.2'), 1);
  assert.equal(pollDelayS('60'), 5);
  assert.equal(pollDelayS(null), 2);
  assert.equal(pollDelayS('soon'), 2);
});

test('a frozen line (503/6 on a ticket poll) keeps the ticket: the player polls on and is let in afterwards', async () => {
  script = [
    { status: 202, body: { returncode: 9, ip: '', port: 0, ticket: 'frz', position: 1, eta_s: -1 }, retryAfter: '1' },
    { status: 503, body: { returncode: 6, ip: '', port: 0 }, retryAfter: '1' },
    { status: 503, body: { returncode: 6, ip: '', port: 0 }, retryAfter: '1' },
    { status: 202, body: { returncode: 9, ip: '', port: 0, ticket: 'frz', position: 1, eta_s: 2 }, retryAfter: '1' },
    { status: 200, body: { returncode: 0, ip: '10.0.0.3', port: 5004 } },
  ];
  seen.length = 0;
  const updates: QueueUpdate[] = [];
  const r = await httpLogin(nodeIo, { appmgr: base, transport: 'tcp', queue: true, timeoutMs: 2000, onQueue: (u) => updates.push(u) });
  assert.equal(r.port, 5004);
  assert.deepEqual(seen, ['/login?queue=1', '/login?ticket=frz', '/login?ticket=frz', '/login?ticket=frz', '/login?ticket=frz']);
  assert.deepEqual(updates, [{ position: 1, etaS: -1 }, { position: 1, etaS: 2 }], 'no queue event for the failed polls');
});

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { pino } from 'pino';
import type { SessionRegistry } from '../registry/index.js';
import type { FrameServer } from '../socket/frame-server.js';
import { GameSessions } from './sessions.js';

type Live = { socketKey: string; objectKey: string | undefined; state: string };

function setup() {
  const conns: Live[] = [];
  const kicked: string[] = [];
  const server = {
    findByObjectKey: (k: string) => conns.find((c) => c.objectKey === k && c.state === 'online'),
    connections: () => conns.values(),
    kick: (id: { socketKey: string }) => (kicked.push(id.socketKey), true),
  } as unknown as FrameServer<any>;
  let kickCb: (a: string, s: string) => void = () => {};
  let resub: () => void = () => {};
  let releaseClaim: () => void = () => {};
  let lost: { account: string; socketKey: string }[] = [];
  const synced: string[][] = [];
  let autoClaim = false;
  const registry: SessionRegistry = {
    claim: () => (autoClaim ? Promise.resolve(null) : new Promise((r) => (releaseClaim = () => r(null)))),
    release: async () => {},
    sync: async (_app, live) => (synced.push(live.map((x) => `${x.account} ${x.socketKey}`)), lost),
    onKick: async (_app, cb) => void (kickCb = cb),
    onResubscribed: (cb) => void (resub = cb),
    close: async () => {},
  };
  const sessions = new GameSessions(registry, server, 'g1', pino({ level: 'silent' }), { passMs: 0, rearmAfterMs: 1000, spreadMs: 10_000, minBatch: 2 });
  return { sessions, synced, autoClaim: () => (autoClaim = true), conns, kicked, kick: (a: string, s: string) => kickCb(a, s), resub: () => resub(), releaseClaim: () => releaseClaim(), setLost: (l: typeof lost) => (lost = l) };
}

test('a kick that arrives while the named connection is still claiming is not lost', async () => {
  const s = setup();
  await s.sessions.listen();
  s.conns.push({ socketKey: 'tcp:1', objectKey: undefined, state: 'authenticating' });
  const claim = s.sessions.claim('alice', 'tcp:1');
  // The newer login's kick comes back before our claim's answer.
  s.kick('alice', 'tcp:1');
  s.releaseClaim();
  assert.equal(await claim, 'kicked');
  // Another account's kick, or one for a socket not claiming, changes nothing.
  const claim2 = s.sessions.claim('bob', 'tcp:2');
  s.kick('alice', 'tcp:2');
  s.releaseClaim();
  assert.equal(await claim2, 'ok');
});

test('after a resubscribe, live sessions whose record names another login are kicked', async () => {
  const s = setup();
  await s.sessions.listen();
  s.conns.push({ socketKey: 'tcp:1', objectKey: 'alice', state: 'online' }, { socketKey: 'tcp:2', objectKey: 'bob', state: 'online' });
  s.setLost([{ account: 'alice', socketKey: 'tcp:1' }]);
  s.resub();
  await s.sessions.republish();
  assert.deepEqual(s.kicked, ['tcp:1']);
  await s.sessions.close();
});

test('re-arms only the sessions whose backstop is due, a bounded number per pass, and nothing while none is due', async () => {
  const s = setup();
  s.autoClaim();
  const t0 = Date.now();
  for (const a of ['a', 'b', 'c']) assert.equal(await s.sessions.claim(a, `tcp:${a}`), 'ok');
  assert.equal(await s.sessions.rearmDue(t0 + 500), 0, 'nothing due yet: no Redis call');
  assert.equal(s.synced.length, 0);
  // Due: at most max(minBatch, size × passMs / spreadMs) = 2 per pass, oldest first; a re-armed one goes to the end.
  assert.equal(await s.sessions.rearmDue(t0 + 5000), 2);
  assert.deepEqual(s.synced, [['a tcp:a', 'b tcp:b']]);
  assert.equal(await s.sessions.rearmDue(t0 + 5000), 1);
  assert.deepEqual(s.synced[1], ['c tcp:c']);
  // A released session is no longer re-armed; a newer claim of the same account replaces the older one.
  s.sessions.release('a', 'tcp:a');
  assert.equal(await s.sessions.claim('b', 'tcp:b2'), 'ok');
  s.sessions.release('b', 'tcp:b');
  assert.equal(s.sessions.size, 2);
  assert.equal(await s.sessions.rearmDue(t0 + 20_000), 2);
  assert.deepEqual(s.synced[2]!.sort(), ['b tcp:b2', 'c tcp:c']);
  await s.sessions.close();
});

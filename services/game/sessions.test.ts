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
  const registry: SessionRegistry = {
    claim: () => new Promise((r) => (releaseClaim = () => r(null))),
    release: async () => {},
    refresh: async () => lost,
    onKick: async (_app, cb) => void (kickCb = cb),
    onResubscribed: (cb) => void (resub = cb),
    close: async () => {},
  };
  const sessions = new GameSessions(registry, server, 'g1', pino({ level: 'silent' }));
  return { sessions, conns, kicked, kick: (a: string, s: string) => kickCb(a, s), resub: () => resub(), releaseClaim: () => releaseClaim(), setLost: (l: typeof lost) => (lost = l) };
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
  await s.sessions.refresh();
  assert.deepEqual(s.kicked, ['tcp:1']);
  await s.sessions.close();
});

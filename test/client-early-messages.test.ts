/**
 * What a game module sends in `onJoin` and `onResume` reaches the SDK's client, over TCP and WebSocket, on real
 * processes (appmgr, a login and a game pod running test/fixtures/game-module/greeter.ts, both with WS_PORT, the game
 * with RESUME_GRACE_MS): the game pod writes those messages right behind G2C_LoginByTokenRs / G2C_ResumeRs, often in
 * the same read. 100 of 100 sessions per transport must see the onJoin greeting (subscribed after `await connect()`,
 * and through `on` handlers given to `connect`) and, after a dropped connection, the onResume greeting. Plus the
 * per-name budget: a burst in onJoin larger than `earlyMessagesPerName` keeps the newest and counts the rest.
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { connect } from '../services/client/index.js';
import { messages } from './fixtures/game-module/messages.js';
import { freePort } from './helpers/free-port.js';
import { startCluster, waitRegistered, type TestCluster } from './pod-cluster.js';

const N = 100;
const BATCH = 25;
const proto = new URL('./fixtures/game-module/probe.proto', import.meta.url);
let c: TestCluster;
let appmgr: string;

before(async () => {
  c = await startCluster({ prefix: 'sdkearly' });
  const [loginWs, gameWs] = [await freePort(), await freePort()];
  await Promise.all([
    c.startPod('login', 'login-a', { WS_PORT: String(loginWs) }),
    c.startPod('game', 'game-a', { WS_PORT: String(gameWs), RESUME_GRACE_MS: '5000', GAME_MODULE: 'test/fixtures/game-module/greeter.ts' }),
  ]);
  await waitRegistered(c, 'login', ['login-a']);
  await waitRegistered(c, 'game', ['game-a']);
  appmgr = `http://127.0.0.1:${c.appmgr.port}`;
});

after(async () => {
  await c?.stop();
});

type Ev = { text: string };
type Said = { account: string; text: string };
type Bodies = { Event: Ev; Said: Said };

/** Resolves the first body passed to the returned callback, or rejects after `ms` naming `what`. */
function firstOf<T>(what: string, ms = 5000): { fn: (b: T) => void; seen: Promise<T> } {
  let fn!: (b: T) => void;
  const seen = new Promise<T>((resolve, reject) => {
    const t = setTimeout(() => reject(new Error(`${what}: nothing within ${ms} ms`)), ms);
    fn = (b) => {
      clearTimeout(t);
      resolve(b);
    };
  });
  seen.catch(() => {}); // awaited by the caller; a player that failed earlier must not leave an unhandled rejection
  return { fn, seen };
}

/** One player: onJoin greeting (a listener added after connect, and one given to connect), then a drop and the onResume greeting. */
async function player(transport: 'tcp' | 'ws', account: string): Promise<{ joined: boolean; resumed: boolean }> {
  const said = firstOf<Said>(`${account} Said via connect({on})`);
  const s = await connect<typeof messages, Bodies>({ appmgr, account, transport, proto, messages, resume: true, retry: false, stepTimeoutMs: 5000, on: { Said: said.fn } });
  try {
    await new Promise((r) => setImmediate(r)); // the game subscribes a little later than the resolve, as real code does
    const welcome = firstOf<Ev>(`${account} welcome`);
    const resumedEv = firstOf<Ev>(`${account} resumed`);
    s.on('Event', (e) => (e.text.startsWith('welcome') ? welcome.fn(e) : e.text.startsWith('resumed') ? resumedEv.fn(e) : undefined));
    const joined = (await welcome.seen).text === `welcome ${account}` && (await said.seen).text === 'joined';
    const back = new Promise((r) => s.once('resumed', r));
    s.dropConnection();
    assert.deepEqual(await back, { via: 'resume' }, `${account} resumed on the same game`);
    const resumed = (await resumedEv.seen).text === `resumed ${account}`;
    return { joined, resumed };
  } finally {
    await s.leave();
  }
}

for (const transport of ["tcp", "ws"] as const) {
  test(`${transport}: onJoin and onResume messages reach the client ${N} of ${N} times`, async (t) => {
    let joined = 0;
    let resumed = 0;
    for (let i = 0; i < N; i += BATCH) {
      const batch = await Promise.all(Array.from({ length: Math.min(BATCH, N - i) }, (_, k) => player(transport, `early-${transport}-${i + k}`)));
      joined += batch.filter((r) => r.joined).length;
      resumed += batch.filter((r) => r.resumed).length;
    }
    t.diagnostic(`${transport}: onJoin message received ${joined}/${N}, onResume message received ${resumed}/${N}`);
    assert.equal(joined, N);
    assert.equal(resumed, N);
  });
}

test('a burst in onJoin beyond earlyMessagesPerName: the newest are kept for the first listener, the rest counted', async () => {
  // The Said comes last in onJoin (a listener given to connect): once it is in, the whole burst of Events is too.
  const said = firstOf<Said>('burst Said');
  const s = await connect<typeof messages, Bodies>({ appmgr, account: 'burst-30-a', transport: 'tcp', proto, messages, retry: false, earlyMessagesPerName: 8, on: { Said: said.fn } });
  try {
    await said.seen;
    assert.equal(s.earlyDropped, 23, '31 Events, 8 kept');
    const got: string[] = [];
    await new Promise<void>((resolve) =>
      s.on('Event', (e) => {
        got.push(e.text);
        if (e.text.startsWith('welcome')) resolve();
      }),
    );
    assert.deepEqual(got, ['burst 24', 'burst 25', 'burst 26', 'burst 27', 'burst 28', 'burst 29', 'burst 30', 'welcome burst-30-a']);
  } finally {
    await s.leave();
  }
});

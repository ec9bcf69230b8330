/**
 * The game module API and resume over real processes (redis-server, appmgr, one game pod running the test module
 * test/fixtures/game-module with RESUME_GRACE_MS=5000): join, module messages both ways, violations of module ids,
 * a group broadcast to 200 players encoded once, a throwing hook closing only its player, an onMessage returning a
 * non-promise value keeping its player, an overrunning tick skipped and counted; resume after an RST keeping module state, tokens working once, the grace expiring, C2G_Leave, a
 * duplicate login ending the grace, a module kick, a takeover of a still-open connection; and last the drain (onDrain,
 * away players leaving 'drained'). Tokens are issued straight into Redis (no login pod: the module is what is tested).
 * Plus start-up refusals: an unknown module, a module that does not validate, WORKERS=2 with arena → exit 2.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import protobuf from 'protobufjs';
import { KickReason, MsgId, ReturnCode } from '../services/protocol/wire.js';
import { closeRedis, RedisTokenStore } from '../services/registry/index.js';
import { registryKeys } from '../services/registry/keys.js';
import { FrameClient } from '../services/socket/frame-client.js';
import { startService } from './helpers/service-process.js';
import { waitFor } from './helpers/wait-for.js';
import { clusterRedis, metric, startCluster, waitRegistered, type Proc, type TestCluster } from './pod-cluster.js';

const GRACE_MS = 5000;
const DRAIN_MS = 2000; // < GRACE_MS: an away player is still inside his grace at the drain deadline
const APP = 'gm-1';
const root = protobuf.loadSync(new URL('./fixtures/game-module/probe.proto', import.meta.url).pathname);
const T = (n: string) => root.lookupType(`probe.v1.${n}`);
const ID = { Say: 10001, Said: 10002, JoinRoom: 10003, Shout: 10004, Boom: 10005, SlowTick: 10006, Event: 10007, KickMe: 10008, Return: 10009 } as const;

let c: TestCluster;
let game: Proc;
let game2: Proc;
let redis: Awaited<ReturnType<typeof clusterRedis>>;
let tokens: RedisTokenStore;
const clients: FrameClient[] = [];

before(async () => {
  c = await startCluster({ prefix: 'gmod', env: { RESUME_GRACE_MS: String(GRACE_MS) } });
  [game, game2] = await Promise.all([
    c.startPod('game', APP, { GAME_MODULE: 'test/fixtures/game-module/module.ts', DRAIN_TIMEOUT_MS: String(DRAIN_MS) }),
    c.startPod('game', 'gm-2', { GAME_MODULE: 'test/fixtures/game-module/module.ts' }),
  ]);
  await waitRegistered(c, 'game', [APP, 'gm-2']);
  redis = await clusterRedis(c);
  tokens = new RedisTokenStore(redis, { prefix: c.prefix, tokenTtlMs: 30_000 });
});

after(async () => {
  for (const cl of clients) cl.destroy();
  await closeRedis(redis);
  await c?.stop();
});

const send = (cl: FrameClient, name: keyof typeof ID, body: object) => cl.sendGame(ID[name], T(name === 'KickMe' ? 'Kick' : name).encode(body).finish());
const next = async (cl: FrameClient, name: 'Said' | 'Event', ms = 10_000) => T(name).decode(await cl.nextGame(ID[name], ms)) as any;
const m = (name: string, labels: Record<string, string> = {}) => metric(game.metricsPort, name, labels);

async function join(account: string, pod: Proc = game): Promise<{ cl: FrameClient; resume: string }> {
  const token = await tokens.issue(account, pod.appId);
  const cl = await FrameClient.connect(pod.port);
  clients.push(cl);
  const rs = await cl.request(MsgId.C2G_LoginByToken, { account, token }, MsgId.G2C_LoginByTokenRs);
  assert.equal(rs.returnCode ?? 0, ReturnCode.OK, `login ${account}`);
  assert.match(rs.resumeToken ?? '', /^[0-9a-f]{32}$/);
  return { cl, resume: rs.resumeToken! };
}

async function resume(account: string, token: string): Promise<{ cl: FrameClient; code: number; token: string }> {
  const cl = await FrameClient.connect(game.port);
  clients.push(cl);
  const rs = await cl.request(MsgId.C2G_Resume, { account, resumeToken: token }, MsgId.G2C_ResumeRs);
  return { cl, code: rs.returnCode ?? 0, token: rs.resumeToken ?? '' };
}

/** Leaves on purpose (C2G_Leave) and waits for the server to close. */
async function bye(cl: FrameClient): Promise<void> {
  cl.send(MsgId.C2G_Leave, {});
  await cl.closed;
}

/** A player in the `watchers` room: sees every lifecycle hook as an Event. */
async function watcher(account: string) {
  const { cl } = await join(account);
  send(cl, 'JoinRoom', { room: 'watchers' });
  assert.match((await next(cl, 'Event')).text, /^in watchers \d+$/);
  return {
    cl,
    /** The next event matching `re` (others are skipped). */
    async see(re: RegExp, ms = 10_000): Promise<string> {
      const end = Date.now() + ms;
      for (;;) {
        const e = (await next(cl, 'Event', Math.max(1, end - Date.now()))).text as string;
        if (re.test(e)) return e;
      }
    },
  };
}

let w: Awaited<ReturnType<typeof watcher>>;

describe('the module API', () => {
  test('join, module messages both ways; bad body, undeclared and server ids, before login: closed by reason', async () => {
    w = await watcher('watch-1');
    const { cl } = await join('alice');
    await w.see(/^join alice$/);
    send(cl, 'Say', { text: 'hi' });
    send(cl, 'Say', { text: 'again' });
    assert.deepEqual({ ...(await next(cl, 'Said')) }, { account: 'alice', text: 'hi', count: 1 });
    assert.equal((await next(cl, 'Said')).count, 2);
    assert.ok((await m('gamecluster_game_messages_total', { msg: 'Say' })) >= 2);

    const cases: [string, (x: FrameClient) => void, string][] = [
      ['bad_body', (x) => x.sendGame(ID.Say, Buffer.from([0x0a, 0x05, 0x61])), 'bad_body'],
      ['undeclared id', (x) => x.sendGame(10099, new Uint8Array(0)), 'unknown_msg'],
      ['server-direction id', (x) => x.sendGame(ID.Said, new Uint8Array(0)), 'unknown_msg'],
    ];
    for (const [what, act, reason] of cases) {
      const before = await m('gamecluster_frames_rejected_total', { reason });
      const { cl: x } = await join(`bad-${reason}-${what.length}`);
      act(x);
      await x.closed;
      await w.see(new RegExp(`^leave bad-${reason}-${what.length} closed$`));
      assert.equal(x.kickReason, KickReason.PROTOCOL_ERROR, what);
      assert.equal(await m('gamecluster_frames_rejected_total', { reason }), before + 1, what);
    }
    const before = await m('gamecluster_frames_rejected_total', { reason: 'out_of_order' });
    const early = await FrameClient.connect(game.port);
    clients.push(early);
    send(early, 'Say', { text: 'too early' });
    await early.closed;
    assert.equal(await m('gamecluster_frames_rejected_total', { reason: 'out_of_order' }), before + 1);
    // alice was not disturbed by any of it
    send(cl, 'Say', { text: 'still here' });
    assert.equal((await next(cl, 'Said')).count, 3);
  });

  test('a group broadcast to 200 players encodes the frame once and reaches all of them', { timeout: 60_000 }, async () => {
    const players: FrameClient[] = [];
    for (let i = 0; i < 200; i += 50) players.push(...(await Promise.all(Array.from({ length: 50 }, (_, j) => join(`crowd-${i + j}`).then((r) => r.cl)))));
    for (const p of players) send(p, 'JoinRoom', { room: 'big' });
    await Promise.all(players.map((p) => next(p, 'Event')));
    assert.equal(await m('gamecluster_game_groups'), 2, 'watchers and big');
    const encodes = await m('gamecluster_game_encodes_total');
    send(players[0]!, 'Shout', { room: 'big', text: 'hello all' });
    const got = await Promise.all(players.map((p) => next(p, 'Said')));
    assert.ok(got.every((s) => s.text === 'hello all' && s.account === 'crowd-0'));
    assert.equal((await m('gamecluster_game_encodes_total')) - encodes, 1, 'one encode for 200 recipients');
    for (const p of players) p.send(MsgId.C2G_Leave, {});
    await Promise.all(players.map((p) => p.closed));
    await waitFor('the crowd left', async () => (await m('gamecluster_game_groups')) === 1);
  });

  test('a hook that throws closes only that player; the others and the process go on', async () => {
    const { cl: bad } = await join('boom');
    const { cl: good } = await join('calm');
    send(bad, 'Boom', {});
    await bad.closed;
    assert.equal(bad.kickReason, undefined, 'closed, not kicked');
    assert.match(await w.see(/^leave boom /), /^leave boom closed$/);
    send(good, 'Say', { text: 'fine' });
    assert.equal((await next(good, 'Said')).count, 1);
    assert.equal(game.proc.child.exitCode, null);
    const logged = await game.proc.waitForLog((l) => l.hook === undefined && JSON.stringify(l.err ?? '').includes('boom from the probe module'), 5000);
    assert.match(String((logged.err as { stack?: string }).stack), /module\.ts/, 'logged once with the stack');
    await bye(good);
  });

  test('an onMessage that returns a non-promise value (send\'s boolean, a number, a string, an object, null, false) keeps its player', async () => {
    const { cl } = await join('returner');
    for (const kind of ['send', 'number', 'string', 'object', 'null', 'false']) {
      send(cl, 'Return', { kind });
      assert.equal((await next(cl, 'Said')).text, `returning ${kind}`);
    }
    send(cl, 'Say', { text: 'still here' });
    assert.equal((await next(cl, 'Said')).count, 1, 'the connection and the module state are intact');
    assert.equal(game.proc.logs.some((l) => l.msg === 'handler failed: closing the connection' && l.objectKey === 'returner'), false);
    await bye(cl);
    await w.see(/^leave returner left$/);
  });

  test('a tick that overruns is skipped and counted, not piled up', async (t) => {
    const late = await m('gamecluster_game_ticks_late_total');
    const { cl } = await join('slow');
    send(cl, 'SlowTick', { ms: 400 }); // 8 periods of 50 ms
    const skipped = await waitFor('late ticks counted', async () => {
      const d = (await m('gamecluster_game_ticks_late_total')) - late;
      return d >= 5 ? d : 0;
    });
    t.diagnostic(`ticks skipped after a 400 ms tick at 20 Hz: ${skipped}`);
    assert.ok((await m('gamecluster_game_tick_seconds_count')) > 0);
    await bye(cl);
  });
});

describe('resume', () => {
  test('a dropped (RST) player stays counted, resumes within the grace with his module state; the token works once', async () => {
    const online0 = await m('gamecluster_online_players');
    const conns0 = await m('gamecluster_connections');
    const { cl, resume: tok } = await join('rita');
    for (const text of ['a', 'b', 'c']) send(cl, 'Say', { text });
    assert.equal((await Promise.all([next(cl, 'Said'), next(cl, 'Said'), next(cl, 'Said')]))[2].count, 3);
    cl.reset();
    await w.see(/^away rita$/);
    assert.equal(await m('gamecluster_online_players'), online0 + 1, 'still online');
    assert.equal(await m('gamecluster_players_away'), 1);
    assert.equal(await m('gamecluster_connections'), conns0, 'no connection counted for him');
    const r = await resume('rita', tok);
    assert.equal(r.code, ReturnCode.OK);
    assert.match(r.token, /^[0-9a-f]{32}$/);
    assert.notEqual(r.token, tok);
    assert.equal((await next(r.cl, 'Event')).text, 'resumed 3', 'module state kept');
    await w.see(/^resume rita$/);
    send(r.cl, 'Say', { text: 'd' });
    assert.equal((await next(r.cl, 'Said')).count, 4);
    assert.equal(await m('gamecluster_players_away'), 0);
    const again = await resume('rita', tok);
    assert.equal(again.code, ReturnCode.TOKEN_INVALID, 'a used token');
    assert.ok((await m('gamecluster_resumes_total', { result: 'TOKEN_INVALID' })) >= 1);
    await bye(r.cl);
    await w.see(/^leave rita left$/);
  });

  test('a player who never comes back leaves after the grace', async (t) => {
    const online0 = await m('gamecluster_online_players');
    const { cl } = await join('gone');
    const t0 = Date.now(); // the grace starts when the pod sees the RST: after this
    cl.reset();
    await w.see(/^away gone$/);
    // The session record outlives its TTL (3 heartbeats = 1500 ms) while he is away: the pod's refresh keeps it.
    await new Promise((r) => setTimeout(r, 2000));
    assert.match((await redis.get(registryKeys(c.prefix).session('gone'))) ?? '', new RegExp(`^${APP} `), 'session record kept while away');
    await w.see(/^leave gone grace_expired$/, GRACE_MS + 15_000);
    const took = Date.now() - t0;
    t.diagnostic(`grace ${GRACE_MS} ms: left after ${took} ms`);
    assert.ok(took >= GRACE_MS - 50, `left after ${took} ms`);
    await waitFor('online back', async () => (await m('gamecluster_online_players')) === online0);
    await waitFor('session record released', async () => (await redis.exists(registryKeys(c.prefix).session('gone'))) === 0);
  });

  test('C2G_Leave leaves at once and the server closes', async () => {
    const online0 = await m('gamecluster_online_players');
    const { cl, resume: tok } = await join('leaver');
    cl.send(MsgId.C2G_Leave, {});
    await w.see(/^leave leaver left$/, 5000);
    await cl.closed;
    assert.equal(await m('gamecluster_online_players'), online0);
    assert.equal((await resume('leaver', tok)).code, ReturnCode.TOKEN_INVALID);
  });

  test('a duplicate login while away (same pod, or another pod through the session registry) ends the grace; a module kick cannot be resumed', async () => {
    const { cl, resume: tok } = await join('dup');
    cl.reset();
    await w.see(/^away dup$/);
    await join('dup');
    await w.see(/^leave dup kicked$/);
    assert.equal(await m('gamecluster_players_away'), 0);
    assert.equal((await resume('dup', tok)).code, ReturnCode.TOKEN_INVALID);

    // The same from another game pod: the session registry's kick reaches this pod and ends the grace.
    const roam = await join('roam');
    roam.cl.reset();
    await w.see(/^away roam$/);
    await join('roam', game2);
    await w.see(/^leave roam kicked$/);
    assert.equal((await resume('roam', roam.resume)).code, ReturnCode.TOKEN_INVALID);

    const k = await join('kicky');
    send(k.cl, 'KickMe', { why: 'cheating' });
    await k.cl.closed;
    assert.equal(k.cl.kickReason, KickReason.GAME);
    await w.see(/^leave kicky kicked$/);
    assert.equal((await resume('kicky', k.resume)).code, ReturnCode.TOKEN_INVALID);
  });

  test('a resume while the old connection is still open takes over and closes it without a kick', async () => {
    const { cl, resume: tok } = await join('mobile');
    send(cl, 'Say', { text: 'x' });
    await next(cl, 'Said');
    const r = await resume('mobile', tok);
    assert.equal(r.code, ReturnCode.OK);
    await cl.closed;
    assert.equal(cl.kickReason, undefined);
    send(r.cl, 'Say', { text: 'y' });
    assert.equal((await next(r.cl, 'Said')).count, 2);
    await bye(r.cl);
    await w.see(/^leave mobile left$/);
  });

  test('drain: onDrain runs, away players count (and may resume) and end at the deadline as drained; the live ones are kicked', { timeout: 30_000 }, async () => {
    const { cl: live } = await join('stayer');
    const { cl: dropped } = await join('dropper');
    dropped.reset();
    await w.see(/^away dropper$/);
    const comer = await join('comer');
    comer.cl.reset();
    await w.see(/^away comer$/);
    game.proc.signal('SIGTERM');
    await w.see(/^drain$/);
    assert.equal(await m('gamecluster_players_away'), 2, 'away players are still players of the draining pod');
    const back = await resume('comer', comer.resume);
    assert.equal(back.code, ReturnCode.OK, 'resuming into a draining pod is allowed');
    assert.equal(await m('gamecluster_players_away'), 1);
    await w.see(/^leave dropper drained$/, 10_000);
    await Promise.all([live.closed, back.cl.closed]);
    assert.equal(live.kickReason, KickReason.SERVER_DRAINING);
    assert.equal(back.cl.kickReason, KickReason.SERVER_DRAINING, 'the drain timeout still applies to a resumed player');
    assert.equal(await game.proc.exited, 0);
  });
});

describe('start-up refusals (exit 2, one line)', () => {
  const refuse = async (env: Record<string, string>, args: string[], re: RegExp) => {
    const p = startService('game', { REDIS_URL: c.redis.url, PORT: '0', METRICS_PORT: '0', ...env }, args);
    assert.equal(await p.exited, 2);
    const lines = p.stderr.join('').trimEnd().split('\n');
    assert.equal(lines.length, 1, lines.join('|'));
    assert.match(lines[0]!, re);
  };
  test('an unknown module names it; a module that does not validate names the file and the problem', async () => {
    await refuse({ GAME_MODULE: 'no-such-game' }, [], /^gamecluster game: game module no-such-game: package not found/);
    await refuse({}, ['--module', './nowhere/game.js'], /^gamecluster game: game module .*nowhere\/game\.js: no such file/);
    await refuse({ GAME_MODULE: 'test/fixtures/game-module/bad-module.ts' }, [], /bad-module\.ts: messages: id 42 is outside 10000–65535/);
  });
  test('WORKERS=2 with arena, or with a resume grace, is refused with the reason', async () => {
    await refuse({ WORKERS: '2', GAME_MODULE: 'arena', RESUME_GRACE_MS: '0' }, [], /^gamecluster game: invalid WORKERS=2 .*GAME_MODULE=arena keeps its state in one process/);
    await refuse({ WORKERS: '2' }, [], /^gamecluster game: invalid WORKERS=2 .*RESUME_GRACE_MS=30000/);
  });
});

/**
 * Issue 23's lesser points on the game module side, replayed against a real game pod running the test module
 * test/fixtures/abuse-module (tokens issued straight into Redis, as test/game-module.test.ts does):
 * - a `bytes` field the module keeps is its own copy: a 100-byte blob that arrived in one 60 KiB socket read keeps
 *   100 bytes alive, not the read (before: a view pinning the whole read);
 * - 30 players whose messages make the module throw: each closes only its connection (`handler_error`), and the
 *   error lines are rate-limited (at most one per second, with the count of the suppressed ones);
 * - an onTick that never settles: past TICK_DEADLINE_MS it is counted in gamecluster_game_tick_overruns_total, logged
 *   once, and the ticks go on;
 * - and appmgr's /login answers carry `Cache-Control: no-store`.
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import protobuf from 'protobufjs';
import { encodeBody } from '../services/protocol/messages.js';
import { MsgId, ReturnCode } from '../services/protocol/wire.js';
import { closeRedis, RedisTokenStore } from '../services/registry/index.js';
import { encodeFrame } from '../services/socket/frame-codec.js';
import { FrameClient } from '../services/socket/frame-client.js';
import { figure, sample, scrape } from './helpers/reliability.js';
import { waitFor } from './helpers/wait-for.js';
import { clusterRedis, startCluster, waitRegistered, type Proc, type TestCluster } from './pod-cluster.js';

const TICK_DEADLINE_MS = 200;
const root = protobuf.loadSync(new URL('./fixtures/abuse-module/abuse.proto', import.meta.url).pathname);
const T = (n: string) => root.lookupType(`abuse.v1.${n}`);
const ID = { Keep: 10001, Kept: 10002, Boom: 10003, Hang: 10004, Ticks: 10005, Count: 10006 } as const;
const LEVELS: Record<string, number> = { trace: 10, debug: 20, info: 30, warn: 40, error: 50, fatal: 60 };
const level = (l: Record<string, unknown>) => (typeof l.level === 'number' ? l.level : (LEVELS[String(l.level)] ?? 0));

let c: TestCluster;
let game: Proc;
let redis: Awaited<ReturnType<typeof clusterRedis>>;
let tokens: RedisTokenStore;

before(async () => {
  c = await startCluster({ prefix: 'abuse-mod', env: { LOG_LEVEL: 'info' } });
  game = await c.startPod('game', 'abuse-game', { GAME_MODULE: 'test/fixtures/abuse-module/module.ts', TICK_DEADLINE_MS: String(TICK_DEADLINE_MS) });
  await waitRegistered(c, 'game', ['abuse-game']);
  redis = await clusterRedis(c);
  tokens = new RedisTokenStore(redis, { prefix: c.prefix, tokenTtlMs: 30_000 });
});

after(async () => {
  await closeRedis(redis);
  await c?.stop();
});

async function join(account: string): Promise<FrameClient> {
  const token = await tokens.issue(account, game.appId);
  const cl = await FrameClient.connect(game.port);
  const rs = await cl.request(MsgId.C2G_LoginByToken, { account, token }, MsgId.G2C_LoginByTokenRs);
  assert.equal(rs.returnCode ?? 0, ReturnCode.OK);
  return cl;
}

const moduleFrame = (name: keyof typeof ID, body: object) => encodeFrame(ID[name], T(name).encode(body).finish());

test('a kept bytes field is a copy of its own, not a view pinning the socket read', async () => {
  const cl = await join('keeper');
  // One write, one read: the Keep frame, then a 60,000-byte echo in the same segment train.
  const echo = encodeFrame(MsgId.C2G_Echo, encodeBody(MsgId.C2G_Echo, { payload: Buffer.alloc(60_000, 1), clientTimeMs: 0 }));
  const reply = cl.nextGame(ID.Kept);
  const echoed = cl.next(MsgId.G2C_Echo);
  cl.writeRaw(Buffer.concat([moduleFrame('Keep', { blob: Buffer.alloc(100, 7) }), echo]));
  const kept = T('Kept').decode(await reply) as unknown as { length: number; backingBytes: number };
  await echoed;
  figure('module_bytes_copied', { blob_bytes: kept.length, bytes_kept_alive: kept.backingBytes, read_bytes: 60_000 + 100 });
  assert.equal(kept.length, 100);
  assert.equal(kept.backingBytes, 100, 'the module keeps exactly the blob alive');
  cl.destroy();
});

test('30 handler failures: each closes its own connection; the error lines are rate-limited', async () => {
  const logsAt = game.proc.logs.length;
  const bystander = await join('bystander');
  const t0 = Date.now();
  const cls = await Promise.all(Array.from({ length: 30 }, (_, i) => join(`boom-${i}`)));
  for (const cl of cls) cl.sendGame(ID.Boom, T('Boom').encode({}).finish());
  await Promise.all(cls.map((cl) => cl.closed));
  const elapsedS = (Date.now() - t0) / 1000;
  await new Promise((r) => setTimeout(r, 200));
  const errors = game.proc.logs.slice(logsAt).filter((l) => level(l) >= 50);
  const suppressed = errors.reduce((a, l) => a + ((l.suppressed as number) ?? 0), 0);
  figure('handler_failure_logs', { failures: 30, seconds: Math.round(elapsedS * 10) / 10, error_lines: errors.length, suppressed_reported: suppressed });
  assert.ok(errors.length >= 1 && errors.length <= Math.ceil(elapsedS) + 1, `${errors.length} error lines for 30 failures in ${elapsedS} s`);
  assert.match(String(errors[0]!.msg), /handler failed/);
  const echo = await bystander.request(MsgId.C2G_Echo, { payload: Buffer.from('here'), clientTimeMs: 1 }, MsgId.G2C_Echo);
  assert.equal(Buffer.from(echo.payload!).toString(), 'here', 'the others play on');
  bystander.destroy();
});

test(`an onTick that never settles is left behind at TICK_DEADLINE_MS (${TICK_DEADLINE_MS}): counted, logged once, the ticks go on`, async () => {
  const cl = await join('hanger');
  const ticks = async () => {
    const r = cl.nextGame(ID.Ticks);
    cl.sendGame(ID.Count, T('Count').encode({}).finish());
    return (T('Ticks').decode(await r) as unknown as { ticks: number }).ticks;
  };
  const logsAt = game.proc.logs.length;
  const before = await ticks();
  cl.sendGame(ID.Hang, T('Hang').encode({}).finish());
  await waitFor('the overrun counted', async () => sample(await scrape(game.metricsPort), 'gamecluster_game_tick_overruns_total') === 1, 5000, 50);
  const atOverrun = await ticks();
  await new Promise((r) => setTimeout(r, 500));
  const later = await ticks();
  const lines = game.proc.logs.slice(logsAt).filter((l) => String(l.msg).includes('TICK_DEADLINE_MS'));
  figure('tick_deadline', { deadline_ms: TICK_DEADLINE_MS, ticks_before: before, ticks_at_overrun: atOverrun, ticks_500ms_later: later, overruns: 1, log_lines: lines.length });
  assert.ok(later - atOverrun >= 10, `the loop went on: ${later - atOverrun} ticks in 500 ms at 50 Hz`);
  assert.equal(lines.length, 1);
  cl.destroy();
});

test('/login answers carry Cache-Control: no-store', async () => {
  const res = await fetch(`http://127.0.0.1:${c.appmgr.port}/login`);
  await res.text();
  figure('login_cache_control', { status: res.status, cache_control: res.headers.get('cache-control') });
  assert.equal(res.headers.get('cache-control'), 'no-store');
});

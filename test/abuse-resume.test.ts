/**
 * Issue 23, "away players hoard seats without sockets" and "a non-hex resume token throws", replayed against real
 * processes (appmgr, a login, a game pod of CAPACITY 20 with a resume grace), MAX_CONNECTIONS_PER_IP=2:
 * - the hoarder (127.0.0.1, one connection at a time) logs 20 accounts in and drops each, then resumes them in turn,
 *   dropping each at once, for 3× the grace. Before the fix the pod showed 20 online, 0 connections, and a new player
 *   got NO_APP. Now a drop whose address already holds 2 (open connections + away players) ends the session, and a
 *   drop within RESUME_MIN_LIVE_MS of a resume keeps the grace it resumed from: the hoarder never holds more than 2
 *   seats away, holds none once the first grace has passed, and players from other addresses enter meanwhile.
 * - 10 resume tokens that are not 32 hex characters (one with an `é`, which made timingSafeEqual throw) for a player
 *   who is on the pod: 10 × TOKEN_INVALID, no exception, no error line, at most the limiter's warn lines.
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import { MsgId, ReturnCode } from '../services/protocol/wire.js';
import { FrameClient } from '../services/socket/frame-client.js';
import { figure, sample, scrape } from './helpers/reliability.js';
import { waitFor } from './helpers/wait-for.js';
import { fetchJson, startCluster, waitRegistered, type Proc, type TestCluster } from './pod-cluster.js';

const GRACE_MS = 2000;
const MIN_LIVE_MS = 1500;
const PER_IP = 2;
const CAPACITY = 20;

let c: TestCluster;
let game: Proc;

before(async () => {
  c = await startCluster({ prefix: 'abuse-resume', env: { LOG_LEVEL: 'info', MAX_CONNECTIONS_PER_IP: String(PER_IP) } });
  await c.startPod('login', 'resume-login');
  game = await c.startPod('game', 'resume-game', { CAPACITY: String(CAPACITY), RESUME_GRACE_MS: String(GRACE_MS), RESUME_MIN_LIVE_MS: String(MIN_LIVE_MS) });
  await waitRegistered(c, 'login', ['resume-login']);
  await waitRegistered(c, 'game', ['resume-game']);
});

after(async () => {
  await c?.stop();
});

/** The whole flow from `localAddress`: the game client and the resume token (or the code that stopped it). */
async function enter(account: string, localAddress = '127.0.0.1'): Promise<{ g: FrameClient; resumeToken: string } | { code: number }> {
  const { status, body } = await fetchJson(`http://127.0.0.1:${c.appmgr.port}/login`);
  if (status !== 200) return { code: body.returncode as number };
  const l = await FrameClient.connect(body.port, body.ip, 10_000, { localAddress });
  const check = await l.request(MsgId.C2L_AccountCheck, { account, password: 'pw' }, MsgId.L2C_AccountCheckRs);
  assert.equal(check.returnCode ?? 0, ReturnCode.OK);
  const e = await l.request(MsgId.C2L_EnterGame, {}, MsgId.L2C_EnterGameRs);
  await l.closed;
  if ((e.returnCode ?? 0) !== ReturnCode.OK) return { code: e.returnCode ?? 0 };
  const g = await FrameClient.connect(e.port!, e.ip!, 10_000, { localAddress });
  const rs = await g.request(MsgId.C2G_LoginByToken, { account, token: e.token! }, MsgId.G2C_LoginByTokenRs);
  if ((rs.returnCode ?? 0) !== ReturnCode.OK) return (g.destroy(), { code: rs.returnCode ?? 0 });
  return { g, resumeToken: rs.resumeToken! };
}

/** A log line's level as a number (pino writes the label). */
const LEVELS: Record<string, number> = { trace: 10, debug: 20, info: 30, warn: 40, error: 50, fatal: 60 };
const level = (l: Record<string, unknown>) => (typeof l.level === 'number' ? l.level : (LEVELS[String(l.level)] ?? 0));

const gauge = async (name: string) => sample(await scrape(game.metricsPort), name);
/**
 * The pod has handled the last drop (its connection gauge is back to 0) before the next connection: else, on a busy
 * machine, the drop it has not seen yet counts as an open connection of the address when it decides the next one's
 * grace (max_per_ip instead of min_live).
 */
const droppedSeen = () => waitFor('the pod saw the drop', async () => (await gauge('gamecluster_connections')) === 0, 5000, 5);

test(`the resume-in-turn hoarder keeps at most ${PER_IP} seats; others enter`, { timeout: 60_000 }, async () => {
  const tokens = new Map<string, string>();
  let maxAway = 0;
  let refusedAtLogin = 0;
  const watch = setInterval(() => void gauge('gamecluster_players_away').then((n) => (maxAway = Math.max(maxAway, n)), () => undefined), 50);
  try {
    // Phase 1: 20 accounts in, each dropped at once (a peer close: the grace would start).
    const t0 = Date.now();
    for (let i = 0; i < 20; i++) {
      const r = await enter(`hoard-${i}`);
      if ('code' in r) {
        refusedAtLogin++;
        continue;
      }
      tokens.set(`hoard-${i}`, r.resumeToken);
      r.g.destroy();
      await r.g.closed;
      await droppedSeen();
    }
    const afterPhase1 = { away: await gauge('gamecluster_players_away'), online: await gauge('gamecluster_online_players') };
    // Phase 2: resume each in turn and drop it at once, for 3× the grace (as the 220 resumes did).
    let resumesOk = 0;
    let resumesInvalid = 0;
    let lastOkAt = 0;
    while (Date.now() - t0 < 3 * GRACE_MS) {
      for (const [account, token] of tokens) {
        const g = await FrameClient.connect(game.port);
        const rs = await g.request(MsgId.C2G_Resume, { account, resumeToken: token }, MsgId.G2C_ResumeRs);
        if ((rs.returnCode ?? 0) === ReturnCode.OK) {
          resumesOk++;
          lastOkAt = Date.now() - t0;
          tokens.set(account, rs.resumeToken!);
        } else {
          resumesInvalid++;
          tokens.delete(account);
        }
        g.destroy();
        await g.closed;
        await droppedSeen();
      }
      if (tokens.size === 0) break;
      await sleep(100);
    }
    // Meanwhile and after: players from other addresses enter.
    const others: FrameClient[] = [];
    for (let i = 0; i < 5; i++) {
      const r = await enter(`other-${i}`, `127.0.0.${i + 2}`);
      assert.ok(!('code' in r), `other-${i} did not enter: ${JSON.stringify(r)}`);
      others.push(r.g);
    }
    await waitFor('the hoarded seats are gone', async () => (await gauge('gamecluster_players_away')) === 0, 2 * GRACE_MS, 100);
    const refused = sample(await scrape(game.metricsPort), 'gamecluster_resume_grace_refused_total', { reason: 'max_per_ip' });
    const refusedMinLive = sample(await scrape(game.metricsPort), 'gamecluster_resume_grace_refused_total', { reason: 'min_live' });
    figure('resume_hoarding', { max_per_ip: PER_IP, grace_ms: GRACE_MS, resume_min_live_ms: MIN_LIVE_MS, accounts: 20, refused_at_login: refusedAtLogin, after_phase1: afterPhase1, max_away_seen: maxAway, resumes_ok: resumesOk, resumes_token_invalid: resumesInvalid, last_resume_ok_after_ms: lastOkAt, graces_refused_max_per_ip: refused, graces_refused_min_live: refusedMinLive, others_entered: others.length });
    assert.ok(maxAway <= PER_IP, `the hoarder had ${maxAway} players away (budget ${PER_IP})`);
    assert.ok(afterPhase1.away <= PER_IP);
    assert.equal(refused, 20 - refusedAtLogin - PER_IP, 'every drop past the budget ended its session');
    assert.ok(lastOkAt < GRACE_MS + 1000, `resuming in turn kept a seat until ${lastOkAt} ms (grace ${GRACE_MS} ms from the first drop)`);
    for (const g of others) g.destroy();
  } finally {
    clearInterval(watch);
  }
});

test('10 resume tokens that are not 32 hex characters: TOKEN_INVALID, no exception, at most the limiter\'s lines', { timeout: 30_000 }, async () => {
  const victim = await enter('victim', '127.0.0.9');
  assert.ok(!('code' in victim));
  const logsAt = game.proc.logs.length;
  const bad = ['é'.padEnd(32, 'a'), 'Ω'.repeat(32), 'z'.repeat(32), 'a'.repeat(31), 'a'.repeat(33), '', ' '.repeat(32), '0x' + 'a'.repeat(30), 'A'.repeat(31) + 'é', '\u0000'.repeat(32)];
  const codes: number[] = [];
  // MAX_TOKEN_FAILURES (5) failures close a connection: two connections, five tokens each.
  for (let k = 0; k < 2; k++) {
    const g = await FrameClient.connect(game.port);
    for (const token of bad.slice(5 * k, 5 * k + 5)) codes.push((await g.request(MsgId.C2G_Resume, { account: 'victim', resumeToken: token }, MsgId.G2C_ResumeRs)).returnCode ?? 0);
    await g.closed;
  }
  await sleep(300);
  const lines = game.proc.logs.slice(logsAt);
  const loud = lines.filter((l) => level(l) >= 40);
  figure('bad_resume_tokens', { tokens: bad.length, answers: codes, warn_or_error_lines: loud.length, error_lines: loud.filter((l) => level(l) >= 50).length });
  assert.deepEqual(codes, Array(10).fill(ReturnCode.TOKEN_INVALID));
  assert.equal(game.proc.child.exitCode, null, 'the game pod is up');
  assert.deepEqual(loud.filter((l) => level(l) >= 50), [], 'no error line (no handler failure)');
  assert.ok(!lines.some((l) => JSON.stringify(l).includes('RangeError')));
  assert.ok(loud.length <= 2, `${loud.length} warn lines: at most one per second for token_failures (the limiter)`);
  // The victim was never disturbed.
  const echo = await victim.g.request(MsgId.C2G_Echo, { payload: Buffer.from('ok'), clientTimeMs: 1 }, MsgId.G2C_Echo);
  assert.equal(Buffer.from(echo.payload!).toString(), 'ok');
  victim.g.destroy();
});

/**
 * Reliability — fuzz (issue 7): ≥ 1,000,000 random and mutated frames into the REAL login and game pods (child
 * processes behind a real appmgr and redis-server), half each, over thousands of connections, while a population of
 * robots (services/robots runRobots: the whole flow, then echoing 5/s) stays connected throughout.
 *
 * Every connection's bytes are planned by test/helpers/frame-fuzz.ts (valid Ping/Echo/LoginByToken frames with
 * interleaved mutated-but-decodable ones; offenders: valid headers with corrupt bodies, truncated frames, oversized
 * length claims, known ids in the wrong direction, unknown ids, lengths 0–3, random bytes, routes before login) and
 * run through an exact model of the pod's routes and decoder. Game connections that play authenticated first redeem a
 * real token from the login pod. Checked, per pod:
 * - 0 process exits, 0 log lines at error/fatal (a handler failure or an unhandled rejection would show there or kill
 *   the process), /healthz 200;
 * - every connection the model says violates is closed by the pod, and `gamecluster_frames_rejected_total{reason}`
 *   equals the predicted count per reason (so every offending connection is counted, with its reason), each logged
 *   once at warn; every S2C_Kick sent was predicted;
 * - every other connection got every reply it was owed and stayed open until the client closed it (FIN/destroy/RST);
 * - the robots: 0 failures, every echo answered (a robot fails on a missing or wrong echo).
 * Deterministic bytes (FUZZ_SEED printed); no timing assertions. Knobs: FUZZ_SEED, FUZZ_FRAMES (total, default
 * 1,000,000), FUZZ_CONCURRENCY (per pod, default 16), FUZZ_ROBOTS (default 100).
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { encodeBody } from '../services/protocol/messages.js';
import { CloseReason, MsgId, ReturnCode } from '../services/protocol/wire.js';
import { FrameClient } from '../services/socket/frame-client.js';
import { runRobots } from '../services/robots/run.js';
import { WaveStats } from '../services/robots/stats.js';
import type { RobotReport } from '../services/robots/report.js';
import { connSeed, describePlan, newTotals, planStream, Rng, runConnection, tallyPlan, tallyResult, type ConnResult, type StreamPlan, type Totals, type WriteStyle } from './helpers/frame-fuzz.js';
import { errorLogs, figure, httpGet, rejectedByReason, sample, scrape } from './helpers/reliability.js';
import { waitFor } from './helpers/wait-for.js';
import { startCluster, waitRegistered, type Proc, type TestCluster } from './pod-cluster.js';

const SEED = (process.env.FUZZ_SEED ? Number(process.env.FUZZ_SEED) : Math.floor(Math.random() * 2 ** 32)) >>> 0;
const TOTAL_FRAMES = Number(process.env.FUZZ_FRAMES ?? 1_000_000);
const CONCURRENCY = Number(process.env.FUZZ_CONCURRENCY ?? 16);
const ROBOTS = Number(process.env.FUZZ_ROBOTS ?? 100);
const MAX_FRAMES_PER_CONN = 400;

let c: TestCluster;
let login: Proc;
let game: Proc;
const robotsAbort = new AbortController();
let wave: Promise<RobotReport> | undefined;

before(async () => {
  // No clock in the model: auth/idle limits far away, and a frame rate no fuzz connection can reach (the limits have
  // their own test in reliability-abrupt). Everything else is the pods' default configuration.
  c = await startCluster({
    prefix: 'relfuzz',
    env: { MAX_FRAMES_PER_SEC: '1000000', MAX_TOKEN_FAILURES: '1000000' /* pipelined fake tokens answer BUSY or TOKEN_INVALID by timing: the model needs exactness; token_failures is tested in hostile-clients */, AUTH_TIMEOUT_MS: '600000', IDLE_TIMEOUT_MS: '600000', LOG_LEVEL: 'warn' },
  });
  [login, game] = await Promise.all([c.startPod('login', 'fuzz-login'), c.startPod('game', 'fuzz-game')]);
  await waitRegistered(c, 'login', ['fuzz-login']);
  await waitRegistered(c, 'game', ['fuzz-game']);
});

after(async () => {
  robotsAbort.abort();
  await wave?.catch(() => {});
  await c?.stop();
});

/** A real token for `account` on the fuzz game: AccountCheck + EnterGame on the login pod. */
async function realToken(account: string): Promise<string> {
  const l = await FrameClient.connect(login.port);
  try {
    const ck = await l.request(MsgId.C2L_AccountCheck, { account, password: 'pw' }, MsgId.L2C_AccountCheckRs);
    assert.equal(ck.returnCode ?? 0, ReturnCode.OK);
    const en = await l.request(MsgId.C2L_EnterGame, {}, MsgId.L2C_EnterGameRs);
    assert.equal(en.returnCode ?? 0, ReturnCode.OK, `EnterGame ${en.returnCode}`);
    assert.equal(en.port, game.port);
    return en.token!;
  } finally {
    l.destroy();
  }
}

/** Pods' clients write whole, the head a byte at a time, or in chunks up to 8 KiB (see WriteStyle). */
const WRITE: WriteStyle = { whole: 5, bytewise: 1, head: 48, tickEvery: 8, small: 0.2, chunkMax: 8192, tickChance: 0.3 };

async function runPodConnection(p: StreamPlan): Promise<ConnResult> {
  const account = `fz-${SEED.toString(16)}-${p.role}-${p.index}`;
  const token = p.role === 'game' && p.authed ? await realToken(account) : undefined;
  // Log in first where the plan says so (both handlers answer after an await).
  const first = p.accountCheck !== undefined ? { id: MsgId.C2L_AccountCheck, rs: MsgId.L2C_AccountCheckRs, body: encodeBody(MsgId.C2L_AccountCheck, { account: p.accountCheck, password: 'pw' }) } : token ? { id: MsgId.C2G_LoginByToken, rs: MsgId.G2C_LoginByTokenRs, body: encodeBody(MsgId.C2G_LoginByToken, { account, token }) } : undefined;
  const port = p.role === 'login' ? login.port : game.port;
  return runConnection({ port, seed: SEED, plan: p, salt: 0x5a5a5a5a, write: WRITE, timeoutMs: 30_000, login: first });
}

test(`fuzz: ≥ ${TOTAL_FRAMES} frames into the real login and game pods while ${ROBOTS} robots play (seed ${SEED})`, { timeout: 240_000 }, async (t) => {
  t.diagnostic(`FUZZ_SEED=${SEED}`);
  console.log(`# reliability fuzz: FUZZ_SEED=${SEED}`);
  const stats = new WaveStats();
  wave = runRobots({ appmgr: `http://127.0.0.1:${c.appmgr.port}`, players: ROBOTS, rate: 200, durationS: 3600, echoPerSec: 5, accountPrefix: `fzrobot-${SEED.toString(16)}` }, { stats, signal: robotsAbort.signal });
  await waitFor('every robot in game', () => stats.inGame + stats.failed >= ROBOTS, 60_000, 50);
  assert.equal(stats.failed, 0, JSON.stringify(stats.failureRows()));
  const echoesBefore = stats.echoesOk;

  const started = Date.now();
  const perRole: Record<'login' | 'game', Totals> = { login: newTotals(), game: newTotals() };
  let next = 0; // one index space for both roles: every connection's plan is unique
  const worker = async (role: 'login' | 'game') => {
    const tot = perRole[role];
    while (tot.decoded < TOTAL_FRAMES / 2) {
      const index = next++;
      // Game: 90 % of the connections log in with a real token first (else almost every frame is out of order).
      const authed = role === 'game' ? new Rng(connSeed(SEED, index) ^ 0x1234).chance(0.9) : false;
      const p = planStream(SEED, index, role, MAX_FRAMES_PER_CONN, authed);
      const pr = p.prediction;
      tallyPlan(tot, p);
      const res = await runPodConnection(p);
      tallyResult(tot, SEED, p, res);
      if (!pr.reason) assert.equal(res.replies, pr.replies, describePlan(SEED, p));
      else assert.ok(res.replies <= pr.replies, describePlan(SEED, p));
    }
  };
  const alive = setInterval(() => {
    for (const p of [login, game, c.appmgr]) if (p.proc.child.exitCode !== null) robotsAbort.abort();
  }, 200);
  try {
    await Promise.all((['login', 'game'] as const).flatMap((role) => Array.from({ length: CONCURRENCY }, () => worker(role))));
  } finally {
    clearInterval(alive);
  }
  const fuzzMs = Date.now() - started;

  // Robots: still all in game and echoing; then they leave and the wave must report 0 failures.
  assert.equal(stats.failed, 0, JSON.stringify(stats.failureRows()));
  assert.equal(stats.inGame, ROBOTS);
  const echoesDuring = stats.echoesOk - echoesBefore;
  robotsAbort.abort();
  const report = await wave;
  assert.equal(report.failed, 0, JSON.stringify(report.failures));
  assert.equal(report.ok, ROBOTS);

  for (const [role, proc] of [['login', login], ['game', game]] as const) {
    const tot = perRole[role];
    assert.equal(proc.proc.child.exitCode, null, `${role} exited: ${proc.proc.stderr.join('').slice(-2000)}`);
    assert.equal((await httpGet(proc.metricsPort, '/healthz')).status, 200);
    assert.deepEqual(errorLogs(proc.proc), [], `${role} logged errors`);
    const m = await waitFor(`${role}: connection gauge back to 0`, async () => {
      const s = await scrape(proc.metricsPort);
      return sample(s, 'gamecluster_connections') === 0 ? s : undefined;
    });
    const predicted = Object.values(tot.reasons).reduce((a, b) => a + b, 0);
    assert.equal(tot.serverClosed, predicted + tot.left, `${role}: connections closed by the pod = connections predicted to violate or to leave`);
    for (const reason of Object.values(CloseReason)) {
      assert.equal(sample(m, 'gamecluster_frames_rejected_total', { reason }), tot.reasons[reason] ?? 0, `${role} frames_rejected_total{reason="${reason}"}`);
    }
    assert.equal(sample(m, 'gamecluster_frames_sent_total', { msg: 'S2C_Kick' }), tot.kicksPredicted, `${role}: kicks sent = kicks predicted`);
    assert.ok(tot.kicksPredicted === 0 || tot.kicksSeen > 0, `${role}: no S2C_Kick ever reached a client`);
    // Violation lines are rate-limited per reason (one a second, the next carrying `suppressed`): every reason that
    // happened is logged, no line stands for more connections than there were, and lines of one reason are ≥ 1 s apart.
    const lines = proc.proc.logs.filter((l) => l.msg === 'closing connection: protocol violation') as { reason: string; time: number | string; suppressed?: number }[];
    const accounted = lines.reduce((a, l) => a + 1 + (l.suppressed ?? 0), 0);
    assert.ok(accounted <= predicted, `${role}: ${accounted} violations logged or counted as suppressed, ${predicted} happened`);
    for (const [reason, n] of Object.entries(tot.reasons)) {
      const times = lines.filter((l) => l.reason === reason).map((l) => (typeof l.time === 'number' ? l.time : Date.parse(l.time)));
      if (n > 0) assert.ok(times.length > 0, `${role}: no line for ${reason}`);
      for (let i = 1; i < times.length; i++) assert.ok(times[i]! - times[i - 1]! >= 990, `${role}: two ${reason} lines ${times[i]! - times[i - 1]!} ms apart`);
    }
    figure(`fuzz ${role}`, {
      connections: tot.connections,
      items_written: tot.itemsWritten,
      frames_taken_by_pod: tot.decoded,
      closed_by_pod: tot.serverClosed,
      rejected_by_reason: rejectedByReason(m),
      kicks_sent: tot.kicksPredicted,
      kicks_seen: tot.kicksSeen,
      replies: tot.replies,
      items_by_kind: tot.byKind,
      items_reaching_the_pod_by_kind: tot.reachedByKind,
    });
  }
  const frames = perRole.login.decoded + perRole.game.decoded;
  figure('fuzz total', { frames_taken_by_pods: frames, fuzz_ms: fuzzMs, robots: ROBOTS, robot_failures: report.failed, robot_echoes_during_fuzz: echoesDuring, process_exits: 0 });
  assert.ok(frames >= TOTAL_FRAMES);
});

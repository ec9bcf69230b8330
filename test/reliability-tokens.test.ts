/**
 * Reliability — tokens (issue 7), on a real cluster (redis-server, appmgr, 2 logins — one with TOKEN_TTL_MS=1000 —
 * and 2 games as child processes). 10,000 abusive C2G_LoginByToken attempts with tokens the login pods really issued:
 * - cross-pod: the right account, at the other game pod;
 * - cross-account: the right game pod, another account;
 * - replay: after the rightful player redeemed it, at the same pod and at the other pod;
 * - expired: the right account and pod, after TOKEN_TTL_MS.
 * 0 are accepted (every answer TOKEN_INVALID, no connection becomes online); the rightful players still get in with the
 * tokens the cross attempts tried (a wrong attempt does not burn a token: docs/flow-and-draining.md).
 * And the token generator itself (services/registry/redis-tokens.ts, through its real Redis path): 100,000 tokens are
 * 32 lowercase hex chars (128 bits), all distinct, every bit position balanced, and the source draws them from
 * node:crypto's randomBytes (a CSPRNG), not Math.random.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, test } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import { Redis } from 'ioredis';
import { MsgId, ReturnCode } from '../services/protocol/wire.js';
import { RedisTokenStore } from '../services/registry/redis-tokens.js';
import { FrameClient } from '../services/socket/frame-client.js';
import { figure, pool, sample, scrape } from './helpers/reliability.js';
import { startCluster, waitRegistered, type Proc, type TestCluster } from './pod-cluster.js';

const TOKENS = 2000; // × 4 attempts + 2,000 expired = 10,000
const TTL_SHORT_MS = 1000;

let c: TestCluster;
let login: Proc;
let loginShort: Proc;
let games: Proc[];

before(async () => {
  c = await startCluster({ prefix: 'reltokens', env: { AUTH_TIMEOUT_MS: '120000', LOG_LEVEL: 'warn', MAX_TOKEN_FAILURES: '1000000' /* each attacker connection makes ~25 attempts here; the limit is tested in hostile-clients */ } });
  const pods = await Promise.all([c.startPod('login', 'tok-login'), c.startPod('login', 'tok-login-short', { TOKEN_TTL_MS: String(TTL_SHORT_MS) }), c.startPod('game', 'tok-game-1'), c.startPod('game', 'tok-game-2')]);
  [login, loginShort] = pods;
  games = pods.slice(2);
  await waitRegistered(c, 'game', ['tok-game-1', 'tok-game-2']);
});

after(async () => {
  await c?.stop();
});

interface Issued {
  account: string;
  token: string;
  port: number;
}

async function issue(from: Proc, account: string): Promise<Issued> {
  const l = await FrameClient.connect(from.port);
  try {
    const ck = await l.request(MsgId.C2L_AccountCheck, { account, password: 'pw' }, MsgId.L2C_AccountCheckRs);
    assert.equal(ck.returnCode ?? 0, ReturnCode.OK);
    const en = await l.request(MsgId.C2L_EnterGame, {}, MsgId.L2C_EnterGameRs);
    assert.equal(en.returnCode ?? 0, ReturnCode.OK);
    return { account, token: en.token!, port: en.port! };
  } finally {
    l.destroy();
  }
}

test('10,000 replay / cross-pod / cross-account / expired token attempts: 0 accepted', { timeout: 120_000 }, async () => {
  const other = (port: number) => games.find((g) => g.port !== port)!.port;
  const [normal, short] = await Promise.all([
    pool(Array.from({ length: TOKENS }, (_, i) => `tok-${i}`), 100, (a) => issue(login, a)),
    pool(Array.from({ length: TOKENS }, (_, i) => `exp-${i}`), 100, (a) => issue(loginShort, a)),
  ]);
  const seen = new Set([...normal, ...short].map((t) => t.token));
  assert.equal(seen.size, 2 * TOKENS, 'every issued token is distinct');
  assert.ok([...seen].every((t) => /^[0-9a-f]{32}$/.test(t)));

  // Attack connections: 200 per game pod, each makes its attempts one after another (one pending per connection; ≤ 25 each, far below MAX_FRAMES_PER_SEC).
  const attackers = new Map<number, FrameClient[]>();
  for (const g of games) attackers.set(g.port, await Promise.all(Array.from({ length: 200 }, () => FrameClient.connect(g.port))));
  let rr = 0;
  const answers: Record<string, Record<string, number>> = {};
  let accepted = 0;
  const attempt = async (kind: string, port: number, account: string, token: string) => {
    const conns = attackers.get(port)!;
    const cl = conns[rr++ % conns.length]!;
    // Serialize per connection.
    const prev = (cl as unknown as { chain?: Promise<void> }).chain ?? Promise.resolve();
    const run = prev.then(async () => {
      const rs = await cl.request(MsgId.C2G_LoginByToken, { account, token }, MsgId.G2C_LoginByTokenRs);
      const code = rs.returnCode ?? 0;
      const name = Object.entries(ReturnCode).find(([, v]) => v === code)?.[0] ?? String(code);
      (answers[kind] ??= {})[name] = (answers[kind][name] ?? 0) + 1;
      if (code === ReturnCode.OK) accepted++;
    });
    (cl as unknown as { chain?: Promise<void> }).chain = run.catch(() => {});
    return run;
  };

  // Cross-pod and cross-account, before the rightful redemption.
  await Promise.all(normal.flatMap((t) => [attempt('cross_pod', other(t.port), t.account, t.token), attempt('cross_account', t.port, `${t.account}-x`, t.token)]));
  // The rightful players get in with exactly those tokens.
  const rightful = await pool(normal, 100, async (t) => {
    const g = await FrameClient.connect(t.port);
    const rs = await g.request(MsgId.C2G_LoginByToken, { account: t.account, token: t.token }, MsgId.G2C_LoginByTokenRs);
    assert.equal(rs.returnCode ?? 0, ReturnCode.OK, `${t.account}: the rightful redemption after the cross attempts`);
    return g;
  });
  // Replays, at the same pod and at the other one.
  await Promise.all(normal.flatMap((t) => [attempt('replay_same_pod', t.port, t.account, t.token), attempt('replay_other_pod', other(t.port), t.account, t.token)]));
  // Expired: wait out TOKEN_TTL_MS after the last short token was issued.
  await sleep(TTL_SHORT_MS + 200);
  await Promise.all(short.map((t) => attempt('expired', t.port, t.account, t.token)));

  const total = Object.values(answers).reduce((a, m) => a + Object.values(m).reduce((x, y) => x + y, 0), 0);
  const online = await Promise.all(games.map(async (g) => sample(await scrape(g.metricsPort), 'gamecluster_online_players', { app_type: 'game' })));
  figure('tokens', { attempts: total, accepted, answers, rightful_after_cross_attempts: rightful.length, online_after: online });
  assert.equal(total, 10_000);
  assert.equal(accepted, 0);
  for (const [kind, m] of Object.entries(answers)) assert.deepEqual(Object.keys(m), ['TOKEN_INVALID'], `${kind}: ${JSON.stringify(m)}`);
  assert.equal(online[0]! + online[1]!, TOKENS, 'only the rightful players are online');
  for (const cl of [...attackers.values()].flat()) {
    assert.ok(cl.isOpen, 'a wrong token answers TOKEN_INVALID and keeps the connection open');
    cl.destroy();
  }
  for (const g of rightful) g.destroy();
});

test('tokens are 128-bit CSPRNG values: 100,000 distinct 32-hex, balanced bits, drawn with crypto.randomFillSync (pooled)', { timeout: 60_000 }, async () => {
  const src = readFileSync(new URL('../services/registry/redis-tokens.ts', import.meta.url), 'utf8');
  assert.match(src, /import \{ randomToken \} from '\.\.\/platform\/random-token\.js'/);
  assert.match(src, /const token = randomToken\(\)/);
  assert.doesNotMatch(src, /Math\.random/);
  // The generator: 16 bytes per token from a pool the CSPRNG fills, each pooled byte used once.
  const gen = readFileSync(new URL('../services/platform/random-token.ts', import.meta.url), 'utf8');
  assert.match(gen, /import \{ randomFillSync \} from 'node:crypto'/);
  assert.match(gen, /randomFillSync\(pool\)/);
  assert.match(gen, /pool\.toString\('hex', at, at \+ TOKEN_BYTES\)/);
  assert.match(gen, /const TOKEN_BYTES = 16;/);
  assert.doesNotMatch(gen, /Math\.random/);

  const redis = new Redis(c.redis.url);
  try {
    const store = new RedisTokenStore(redis, { prefix: 'reltokens-gen', tokenTtlMs: 30_000 });
    const N = 100_000;
    const t0 = Date.now();
    const tokens = await pool(Array.from({ length: N }, (_, i) => i), 500, (i) => store.issue(`gen-${i}`, 'g'));
    const ms = Date.now() - t0;
    assert.ok(tokens.every((t) => /^[0-9a-f]{32}$/.test(t)), 'every token is 32 lowercase hex chars (128 bits)');
    const distinct = new Set(tokens).size;
    // Every one of the 128 bit positions is 1 in about half the tokens (σ ≈ 0.0016 at 100,000; bound ±0.01 ≈ 6σ).
    const ones = new Array<number>(128).fill(0);
    for (const t of tokens) {
      const b = Buffer.from(t, 'hex');
      for (let i = 0; i < 128; i++) ones[i]! += (b[i >> 3]! >> (i & 7)) & 1;
    }
    const freq = ones.map((n) => n / N);
    const worst = Math.max(...freq.map((f) => Math.abs(f - 0.5)));
    figure('token generator', { issued: N, distinct, hex_length: 32, worst_bit_bias: Math.round(worst * 1e5) / 1e5, issue_ms: ms });
    assert.equal(distinct, N);
    assert.ok(worst < 0.01, `bit bias ${worst}`);
  } finally {
    redis.disconnect();
  }
});

/**
 * Issue 15's acceptance for the admission queue's HTTP surface (docs/queue.md), with two real appmgrs (in-process)
 * on one real redis-server and heartbeating fake pods: capacity 40 full, 30 players queue alternately on both
 * appmgrs → positions 1..30; plain /login waits behind the line; 10 players leave → exactly the first 10 tickets are
 * admitted (200 with a login and the ticket's admission, the same on either appmgr) and the others move up; an
 * unpolled ticket expires (410/5); the login tier full → 503/4 with no ticket; an admitted ticket with no login stays
 * 202 at position 0; early ticket polls are charged to LOGIN_RATE_PER_IP, polls on time are free (made-up tickets are
 * always charged); a frozen Redis → 503/6, and the positions are kept afterwards.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { setTimeout as sleep } from 'node:timers/promises';
import type { Redis } from 'ioredis';
import { startAppmgr, type AppmgrHandle } from '../services/appmgr/app.js';
import { parseAppmgrConfig } from '../services/appmgr/config.js';
import { createLogger } from '../services/platform/logger.js';
import { closeRedis, createRedisClient, RedisHeartbeatWriter, waitReady } from '../services/registry/index.js';
import { startRedis, type TestRedis } from './helpers/redis-server.js';
import { waitFor } from './helpers/wait-for.js';

const logger = createLogger('test', 'silent');
const PREFIX = 'qh';
let redis: TestRedis;
let client: Redis;
const appmgrs: AppmgrHandle[] = [];
const bases: string[] = [];
const writers: RedisHeartbeatWriter[] = [];
const pods = { game: { online: 40, capacity: 40 }, login: { online: 0, capacity: 1000 } };
let limitedBase: string;

const env = (extra: Record<string, string> = {}) =>
  parseAppmgrConfig({
    REDIS_URL: redis.url, PREFIX, HTTP_PORT: '0', ADMIN_PORT: '0', GRPC_PORT: '0', BIND_HOST: '127.0.0.1', HEARTBEAT_MS: '200', APP_TTL_MS: '3000',
    QUEUE_TICK_MS: '50', QUEUE_TICKET_TTL_MS: '1500', QUEUE_ADMIT_MS: '60000', REDIS_COMMAND_TIMEOUT_MS: '300', STALE_MS: '0', ...extra,
  });

before(async () => {
  redis = await startRedis();
  client = createRedisClient({ url: redis.url, logger });
  assert.ok(await waitReady(client, 5000));
  for (const [type, port] of [['game', 7001], ['login', 5001]] as const) {
    const w = new RedisHeartbeatWriter(client, {
      prefix: PREFIX, heartbeatMs: 50, appTtlMs: 3000, logger,
      source: { appId: `${type}-1`, appType: type, ip: '127.0.0.1', port, ...(type === 'login' ? { wsPort: 5555 } : {}), capacity: pods[type].capacity, online: () => pods[type].online, draining: () => false },
    });
    writers.push(w);
    await w.start();
  }
  for (const extra of [{}, {}, { LOGIN_RATE_PER_IP: '1' }] as Record<string, string>[]) {
    const a = await startAppmgr(env(extra), logger);
    appmgrs.push(a);
    bases.push(`http://127.0.0.1:${a.httpPort}`);
  }
  limitedBase = bases.pop()!;
});

after(async () => {
  await Promise.all(appmgrs.map((a) => a.close()));
  await Promise.all(writers.map((w) => w.stop()));
  await closeRedis(client);
  await redis.stop();
});

interface Answer {
  status: number;
  body: { returncode: number; ip: string; port: number; ticket?: string; position?: number; eta_s?: number; admission?: string };
  retryAfter: string | null;
}

async function get(base: string, query = ''): Promise<Answer> {
  const res = await fetch(`${base}/login${query}`);
  return { status: res.status, body: (await res.json()) as Answer['body'], retryAfter: res.headers.get('retry-after') };
}

/** Every live ticket is polled (round-robin over both appmgrs) until `until` says stop; returns the last answers. */
async function pollAll(tickets: string[], until: (answers: Map<string, Answer>) => boolean, timeoutMs = 10_000): Promise<Map<string, Answer>> {
  const answers = new Map<string, Answer>();
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    await Promise.all(tickets.map(async (t, i) => answers.set(t, await get(bases[i % 2]!, `?ticket=${t}`))));
    if (until(answers)) return answers;
    assert.ok(Date.now() < deadline, 'timed out polling the line');
    await sleep(100);
  }
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
async function adminJson(i: number, path: string): Promise<any> {
  return (await fetch(`http://127.0.0.1:${appmgrs[i]!.adminPort}${path}`)).json();
}

let tickets: string[] = [];

test('capacity 40 full: 30 players queue alternately on two appmgrs and get positions 1..30; plain /login waits', async () => {
  await waitFor('the game pod seen full', async () => (await get(bases[0]!, '?queue=1')).status === 202, 5000, 50);
  // That probe took position 1: let it expire before the real line forms (it is never polled again).
  await waitFor('the probe ticket expired', async () => (await adminJson(0, '/status')).queue === 0, 5000, 100);
  for (let i = 1; i <= 30; i++) {
    const r = await get(bases[i % 2]!, '?queue=1');
    assert.equal(r.status, 202);
    assert.equal(r.body.returncode, 9);
    assert.deepEqual([r.body.ip, r.body.port, r.body.position], ['', 0, i]);
    assert.match(r.body.ticket!, /^[0-9a-f]{32}$/);
    assert.equal(typeof r.body.eta_s, 'number');
    const ra = Number(r.retryAfter);
    assert.ok(ra >= 1 && ra <= 5, `Retry-After ${r.retryAfter}`);
    tickets.push(r.body.ticket!);
  }
  for (const b of bases) await waitFor('plain /login waits behind the line', async () => {
    const r = await get(b);
    return r.status === 503 && r.body.returncode === 4 && r.retryAfter === '1';
  }, 3000, 50);
  await waitFor('/status shows the line', async () => (await adminJson(1, '/status')).queue === 30, 3000, 50);
  const line = await adminJson(0, '/queue');
  assert.equal(line.waiting, 30);
  assert.equal(line.head.length, 20);
  assert.equal(line.head[0].position, 1);
});

test('10 players leave: exactly the first 10 tickets are admitted, the others move up', async () => {
  const answers0 = await pollAll(tickets, () => true);
  assert.deepEqual(tickets.map((t) => answers0.get(t)!.body.position), tickets.map((_, i) => i + 1));
  pods.game.online = 30;
  const answers = await pollAll(tickets, (a) => [...a.values()].filter((x) => x.status === 200).length >= 10);
  // A few more rounds: nobody else gets in (the 10 admitted hold the 10 free places).
  await sleep(300);
  const later = await pollAll(tickets, () => true);
  const admitted = tickets.filter((t) => later.get(t)!.status === 200);
  assert.deepEqual(admitted, tickets.slice(0, 10), 'exactly the first 10');
  const admissions = new Set<string>();
  for (const t of tickets.slice(0, 10)) {
    const { admission, ...login } = answers.get(t)!.body;
    assert.deepEqual(login, { returncode: 0, ip: '127.0.0.1', port: 5001 });
    assert.match(admission!, /^[0-9a-f]{32}$/);
    assert.notEqual(admission, t);
    assert.equal(later.get(t)!.body.admission, admission, 'the same admission on every 200 poll, on either appmgr');
    admissions.add(admission!);
  }
  assert.equal(admissions.size, 10);
  assert.deepEqual(tickets.slice(10).map((t) => later.get(t)!.body.position), Array.from({ length: 20 }, (_, i) => i + 1));
  // A WebSocket client's admitted ticket gets the login's WebSocket port (?transport=ws, as plain /login).
  assert.deepEqual((await get(bases[1]!, `?ticket=${tickets[0]}&transport=ws`)).body, { returncode: 0, ip: '127.0.0.1', port: 5555, admission: answers.get(tickets[0]!)!.body.admission });
  const metrics = await (await fetch(`http://127.0.0.1:${appmgrs[0]!.adminPort}/metrics`)).text();
  assert.match(metrics, /gamecluster_queue_length 20/);
  assert.match(metrics, /gamecluster_queue_wait_seconds_count \d+/);
  tickets = tickets.slice(10);
});

test('an unpolled ticket expires: 410 {"returncode":5,"ip":"","port":0}', async () => {
  const victim = tickets.shift()!;
  // Keep the others alive; leave the victim alone past QUEUE_TICKET_TTL_MS (1500).
  await pollAll(tickets, () => true);
  await sleep(900);
  await pollAll(tickets, () => true);
  await sleep(900);
  const answers = await pollAll(tickets, () => true);
  assert.deepEqual(tickets.map((t) => answers.get(t)!.body.position), Array.from({ length: 19 }, (_, i) => i + 1), 'the others moved up');
  const res = await fetch(`${bases[0]}/login?ticket=${victim}`);
  assert.equal(res.status, 410);
  assert.equal(await res.text(), '{"returncode":5,"ip":"","port":0}');
  assert.equal((await get(bases[1]!, '?ticket=nonsense')).status, 410);
});

// Changed by contract (issue 23): ticket polls are no longer all exempt from the rate limit — a poll earlier than the
// Retry-After it was given (less 20 %) is charged; polls on time stay free.
test('early ticket polls are charged to LOGIN_RATE_PER_IP, polls on time are free; made-up tickets are charged', async (t) => {
  // Rate 1/s, burst 2. Twenty polls of one live ticket in a row: all but the first are early, so most get 429.
  const rapid: Answer[] = [];
  for (let i = 0; i < 20; i++) rapid.push(await get(limitedBase, `?ticket=${tickets[0]}`));
  const refused = rapid.filter((r) => r.status === 429).length;
  t.diagnostic(`20 rapid polls of one ticket: ${rapid.length - refused} answered 202, ${refused} refused 429`);
  assert.ok(refused >= 15, `early polls are charged (${refused} of 20 refused)`);
  assert.ok(rapid.every((r) => r.status === 202 || r.status === 429));
  // The bucket now holds at most its burst of 2. Six tickets polled on time at once all answer: on time is free.
  const six = tickets.slice(0, 6);
  const pace = Math.max(...rapid.filter((r) => r.status === 202).map((r) => Number(r.retryAfter)), 1);
  await sleep(pace * 800 + 250);
  const onTime = await Promise.all(six.map((x) => get(limitedBase, `?ticket=${x}`)));
  assert.deepEqual(onTime.map((r) => r.status), six.map(() => 202), 'polls on time are never refused');
  const fake = await Promise.all(Array.from({ length: 6 }, () => get(limitedBase, `?ticket=${'0'.repeat(32)}`)));
  assert.ok(fake.some((r) => r.status === 429), 'made-up tickets are charged');
  assert.ok(fake.every((r) => r.status === 429 || r.status === 410));
  await pollAll(tickets, () => true);
});

test('the login tier full: ?queue=1 answers 503/4 with Retry-After and no ticket; an admitted ticket with no login stays 202 at position 0', async () => {
  pods.login.online = pods.login.capacity;
  await sleep(300);
  const r = await get(bases[0]!, '?queue=1');
  assert.equal(r.status, 503);
  assert.deepEqual(r.body, { returncode: 4, ip: '', port: 0 });
  assert.equal(r.retryAfter, '1');
  pods.game.online = 29; // one more place: the head is admitted, but no login is available
  const answers = await pollAll(tickets, (a) => a.get(tickets[0]!)!.body.position === 0);
  assert.equal(answers.get(tickets[0]!)!.status, 202);
  assert.equal(answers.get(tickets[0]!)!.body.eta_s, 0);
  assert.equal(answers.get(tickets[1]!)!.body.position, 1);
  pods.login.online = 0;
  const ok = await pollAll(tickets, (a) => a.get(tickets[0]!)!.status === 200);
  assert.equal(ok.get(tickets[0]!)!.body.returncode, 0);
  tickets.shift();
});

test('a frozen Redis: queue requests answer 503/6; the line and its positions are kept afterwards', async (t) => {
  const before = await pollAll(tickets, () => true);
  const positions = tickets.map((x) => before.get(x)!.body.position);
  redis.signal('SIGSTOP');
  try {
    const t0 = Date.now();
    const [q, p] = await Promise.all([get(bases[0]!, '?queue=1'), get(bases[1]!, `?ticket=${tickets[0]}`)]);
    t.diagnostic(`answered in ${Date.now() - t0} ms with REDIS_COMMAND_TIMEOUT_MS=300`);
    for (const r of [q, p]) {
      assert.equal(r.status, 503);
      assert.deepEqual(r.body, { returncode: 6, ip: '', port: 0 });
    }
    // Longer than QUEUE_TICKET_TTL_MS: without the freeze every ticket would expire.
    await sleep(2000);
  } finally {
    redis.signal('SIGCONT');
  }
  const after = await pollAll(tickets, (a) => [...a.values()].every((x) => x.status === 202), 10_000);
  assert.deepEqual(tickets.map((x) => after.get(x)!.body.position), positions);
});

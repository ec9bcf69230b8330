/** Unit tests of the shared pod pieces: config defaults and identity resolution, the drain state machine. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { pino } from 'pino';
import { ConfigError, loadConfig } from '../services/platform/config.js';
import { DrainController, type DrainTarget } from '../services/pod/drain.js';
import { podEnv, podLimits, resolvePodIdentity } from '../services/pod/pod-config.js';
import { parseGameConfig } from '../services/game/config.js';
import { parseLoginConfig } from '../services/login/config.js';
import { KickReason } from '../services/protocol/wire.js';

test('pod config defaults follow the spec', () => {
  const g = parseGameConfig({});
  assert.equal(g.PORT, 6001);
  assert.equal(g.METRICS_PORT, 9100);
  assert.equal(g.CAPACITY, 5000);
  assert.equal(g.TOKEN_TTL_MS, 30000);
  assert.equal(g.AUTH_TIMEOUT_MS, 10000);
  assert.equal(g.IDLE_TIMEOUT_MS, 60000);
  assert.equal(g.MAX_FRAMES_PER_SEC, 200);
  assert.equal(g.MAX_WRITE_BUFFER, 1048576);
  assert.equal(g.DRAIN_TIMEOUT_MS, 25000);
  const l = parseLoginConfig({});
  assert.equal(l.PORT, 5002);
  assert.equal(l.APPMGR_GRPC, '127.0.0.1:50051');
  assert.equal(l.AUTH_MODE, 'open');
  assert.equal(parseLoginConfig({ APPMGR_GRPC: 'dns:///gc-appmgr-grpc:50051' }).APPMGR_GRPC, 'dns:///gc-appmgr-grpc:50051');
});

test('identity: APP_ID, else POD_NAME, else <hostname>-<PORT>; ADVERTISE_HOST, else POD_IP, else 127.0.0.1', () => {
  const parse = (e: Record<string, string>) => {
    const { expose, ...rest } = resolvePodIdentity(loadConfig(podEnv(6001), e), 'box');
    assert.deepEqual(expose, { mode: 'podIP' });
    return rest;
  };
  assert.deepEqual(parse({}), { appId: 'box-6001', advertiseHost: '127.0.0.1', advertisePort: 6001 });
  assert.deepEqual(parse({ POD_NAME: 'game-7f', POD_IP: '10.0.0.5', PORT: '7000' }), { appId: 'game-7f', advertiseHost: '10.0.0.5', advertisePort: 7000 });
  assert.deepEqual(parse({ APP_ID: 'g1', POD_NAME: 'x', ADVERTISE_HOST: '1.2.3.4', POD_IP: '10.0.0.5', ADVERTISE_PORT: '30001' }), { appId: 'g1', advertiseHost: '1.2.3.4', advertisePort: 30001 });
});

test('bad values name the variable in one line', () => {
  for (const [k, v] of [['PORT', 'x'], ['CAPACITY', '0'], ['ADVERTISE_PORT', '0'], ['APP_ID', 'a b'], ['AUTH_URL', 'ftp://x'], ['AUTH_HTTP_TIMEOUT_MS', '1']] as const) {
    assert.throws(() => parseLoginConfig({ [k]: v }), (e: unknown) => e instanceof ConfigError && e.variable === k && !e.message.includes('\n'), k);
  }
});

test('issue 23 knobs: WS_MAX_MESSAGE_BYTES ≥ 64 KiB, WS_ALLOWED_ORIGINS, RESUME_MIN_LIVE_MS, TICK_DEADLINE_MS', () => {
  const g = parseGameConfig({});
  assert.equal(g.WS_MAX_MESSAGE_BYTES, 65536);
  assert.equal(g.WS_ALLOWED_ORIGINS, undefined, 'any origin by default');
  assert.equal(g.RESUME_MIN_LIVE_MS, 5000);
  assert.equal(g.TICK_DEADLINE_MS, 1000);
  assert.equal(podLimits(g).wsMaxMessageBytes, 65536);
  assert.equal(parseLoginConfig({ WS_MAX_MESSAGE_BYTES: '131072' }).WS_MAX_MESSAGE_BYTES, 131072);
  assert.deepEqual(parseLoginConfig({ WS_ALLOWED_ORIGINS: 'https://play.example.com, http://localhost:5173/' }).WS_ALLOWED_ORIGINS, ['https://play.example.com', 'http://localhost:5173']);
  assert.equal(parseLoginConfig({ WS_ALLOWED_ORIGINS: '*' }).WS_ALLOWED_ORIGINS, undefined);
  for (const [k, v] of [['WS_MAX_MESSAGE_BYTES', '65535'], ['WS_ALLOWED_ORIGINS', 'play.example.com'], ['WS_ALLOWED_ORIGINS', 'https://x.example/path']] as const) {
    assert.throws(() => parseLoginConfig({ [k]: v }), (e: unknown) => e instanceof ConfigError && e.variable === k && !e.message.includes('\n'), `${k}=${v}`);
  }
  for (const [k, v] of [['RESUME_MIN_LIVE_MS', '-1'], ['TICK_DEADLINE_MS', '0']] as const) {
    assert.throws(() => parseGameConfig({ [k]: v }), (e: unknown) => e instanceof ConfigError && e.variable === k, `${k}=${v}`);
  }
});

class FakeTarget implements DrainTarget {
  size: number;
  kicked: KickReason | undefined;
  listening = true;
  private emptyWaiters: (() => void)[] = [];
  constructor(n: number) {
    this.size = n;
  }
  leave(): void {
    if (--this.size === 0) for (const w of this.emptyWaiters.splice(0)) w();
  }
  whenEmpty(waitMs: number): Promise<void> {
    if (this.size === 0) return Promise.resolve();
    return new Promise((r) => {
      setTimeout(r, waitMs);
      this.emptyWaiters.push(r);
    });
  }
  async kickAll(reason: KickReason): Promise<void> {
    this.kicked = reason;
    this.size = 0;
  }
  async stopAccepting(): Promise<void> {
    this.listening = false;
  }
  async resumeAccepting(): Promise<void> {
    this.listening = true;
  }
}

const logger = pino({ level: 'silent' });

test('drain: ends early when everyone leaves, no kick', async () => {
  const t = new FakeTarget(2);
  const reasons: string[] = [];
  const d = new DrainController({ timeoutMs: 60_000, target: t, logger, onDraining: (r) => reasons.push(r) });
  assert.equal(d.state, 'ready');
  const p = d.drain('sigterm');
  assert.equal(d.state, 'draining');
  assert.deepEqual(reasons, ['sigterm']);
  t.leave();
  t.leave();
  await p;
  assert.equal(d.state, 'drained');
  assert.equal(t.kicked, undefined);
  assert.equal(t.listening, false);
});

test('drain: kicks the rest with SERVER_DRAINING at the timeout; a second drain joins the first', async () => {
  const t = new FakeTarget(1);
  let calls = 0;
  const d = new DrainController({ timeoutMs: 50, target: t, logger, onDraining: () => calls++ });
  const a = d.drain('drain_app');
  const b = d.drain('sigterm');
  assert.equal(a, b);
  await a;
  assert.equal(calls, 1);
  assert.equal(t.kicked, KickReason.SERVER_DRAINING);
  assert.equal(d.state, 'drained');
  await d.drain('sigterm'); // already drained: resolves at once
});

test('undrain before the deadline: the kick is cancelled, ready again, a later drain works', async () => {
  const t = new FakeTarget(1);
  let ready = 0;
  const d = new DrainController({ timeoutMs: 300, target: t, logger, onReady: () => ready++ });
  const p = d.drain('drain_app');
  assert.equal(await d.undrain(), true);
  assert.equal(d.state, 'ready');
  assert.equal(ready, 1);
  await p; // the cancelled drain resolves without kicking
  await new Promise((r) => setTimeout(r, 400));
  assert.equal(t.kicked, undefined);
  assert.equal(t.listening, true);
  assert.equal(await d.undrain(), false, 'nothing to undo');
  await d.drain('drain_app');
  assert.equal(d.state, 'drained');
  assert.equal(t.kicked, KickReason.SERVER_DRAINING);
});

test('undrain past the deadline listens again; a SIGTERM drain (or one SIGTERM joined) is never undone', async () => {
  const t = new FakeTarget(1);
  const d = new DrainController({ timeoutMs: 20, target: t, logger });
  await d.drain('drain_app');
  assert.equal(t.listening, false);
  assert.equal(await d.undrain(), true);
  assert.equal(d.state, 'ready');
  assert.equal(t.listening, true);

  const s = new DrainController({ timeoutMs: 20, target: new FakeTarget(0), logger });
  await s.drain('sigterm');
  assert.equal(await s.undrain(), false);
  assert.equal(s.state, 'drained');

  const j = new DrainController({ timeoutMs: 200, target: new FakeTarget(1), logger });
  const running = j.drain('drain_app');
  void j.drain('sigterm');
  assert.equal(await j.undrain(), false);
  assert.equal(j.state, 'draining');
  await running;
});

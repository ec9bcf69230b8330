import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ReturnCode } from '../protocol/wire.js';
import { buildReport, formatReport } from './report.js';
import { STEPS, StepError, WaveStats, returnCodeError, spread, toStepError } from './stats.js';

const opts = { appmgr: 'http://127.0.0.1:8080', players: 4, rate: 10, durationS: 1, echoPerSec: 1 };
const facts = { wallMs: 1234, notStarted: 0, accountPrefix: 'robot-x', stepTimeoutMs: 10_000, concurrency: 0 };

test('failure reasons are bounded: return code names, error codes, timeouts, kicks', () => {
  assert.equal(returnCodeError('game_login', ReturnCode.TOKEN_INVALID).reason, 'TOKEN_INVALID');
  assert.equal(toStepError('account_check', Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:1'), { code: 'ECONNREFUSED' })).reason, 'ECONNREFUSED');
  assert.equal(toStepError('enter_game', new Error('no message 1004 within 10000 ms')).reason, 'timeout');
  assert.equal(toStepError('echo', Object.assign(new Error('kicked'), { kickReason: 1 })).reason, 'kicked:DUPLICATE_LOGIN');
  assert.equal(toStepError('echo', Object.assign(new Error('closed'), { code: 'CONNECTION_CLOSED' })).reason, 'closed_by_server');
  const e = new StepError('echo', 'payload_mismatch', 'x');
  assert.equal(toStepError('http_login', e), e, 'a StepError keeps its own step');
});

test('report: stable JSON keys, latency summary, failures grouped, spread', () => {
  const s = new WaveStats();
  for (const step of STEPS) s.record(step, 1.5);
  s.record('echo', 10);
  s.fail(returnCodeError('http_login', ReturnCode.NO_APP));
  s.fail(returnCodeError('http_login', ReturnCode.NO_APP));
  s.fail(toStepError('game_login', Object.assign(new Error('connect ECONNRESET'), { code: 'ECONNRESET' })));
  s.landed('game', '127.0.0.1:6001');
  s.landed('game', '127.0.0.1:6002');
  s.landed('game', '127.0.0.1:6002');
  s.landed('login', '127.0.0.1:5002');
  s.finished = 4;
  s.failed = 3;
  s.flowsCompleted = 1;
  s.firstStartMs = 1000;
  s.lastFlowMs = 1500;
  const r = buildReport(opts, s, facts);
  assert.deepEqual(Object.keys(r), ['version', 'appmgr', 'options', 'players', 'ok', 'failed', 'not_started', 'flows_completed', 'flows_per_sec', 'wall_ms', 'steps', 'echoes_ok', 'pings_ok', 'failures', 'login_pods', 'game_pods', 'game_spread']);
  assert.deepEqual(Object.keys(r.steps), [...STEPS]);
  assert.equal(r.steps.echo.count, 2);
  assert.equal(r.steps.echo.max_ms, 10);
  assert.equal(r.steps.http_login.p50_ms, 1.5);
  assert.equal(r.ok, 1);
  assert.equal(r.flows_per_sec, 2);
  assert.deepEqual(r.failures.map((f) => [f.step, f.reason, f.count]), [['http_login', 'NO_APP', 2], ['game_login', 'ECONNRESET', 1]]);
  assert.deepEqual(r.game_pods, { '127.0.0.1:6001': 1, '127.0.0.1:6002': 2 });
  assert.equal(r.game_spread, 1);
  const text = formatReport(r);
  assert.match(text, /^robots FAILED: 1\/4 players/);
  assert.match(text, /http_login\s+NO_APP\s+2/);
  assert.match(text, /game spread \(max − min\): 1/);
});

test('report with --scenario rooms: version 1 with added fields only (options.party/mode, rooms{…})', () => {
  const s = new WaveStats();
  s.parties = 3;
  s.partiesTogether = 2;
  s.partySize = 4;
  s.roomMode = 'duel';
  s.recordRoomStep('create', 12);
  for (const ms of [5, 6, 7]) s.recordRoomStep('join', ms);
  const r = buildReport({ ...opts, scenario: 'rooms' }, s, facts);
  assert.equal(r.version, 1);
  assert.deepEqual(r.options, { players: 4, rate: 10, duration_s: 1, echo_per_sec: 1, concurrency: 0, step_timeout_ms: 10_000, account_prefix: 'robot-x', scenario: 'rooms', party: 4, mode: 'duel' });
  assert.deepEqual(Object.keys(r).slice(-1), ['rooms']);
  const { create, join, ...rest } = r.rooms!;
  assert.deepEqual(rest, { mode: 'duel', party_size: 4, parties: 3, parties_together: 2 });
  assert.deepEqual([create.count, Math.round(create.p50_ms), join.count, Math.round(join.p50_ms), Math.round(join.p99_ms)], [1, 12, 3, 6, 7]);
  assert.match(formatReport(r), /rooms: 2\/3 parties of 4 landed together \(mode duel\); join p50 6\.\d\d ms, p99 7\.\d\d ms, max 7\.00 ms \(3\); create p50 12\.\d\d ms/);
});

test('spread of nothing is 0', () => {
  assert.equal(spread(new Map()), 0);
  assert.equal(spread({ a: 5 }), 0);
});

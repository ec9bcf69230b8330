/**
 * The wave's report: one stable JSON shape (`--json`, documented in docs/robots.md, `version` bumped on any breaking
 * change) and the human rendering of the same object (latency table, failures, landing per pod with the spread).
 * Pure functions of the collected stats, so both renderings are unit-tested.
 */
import { STEPS, spread, type FailureRow, type LatencySummary, type Step, type WaveStats } from './stats.js';

export interface RobotReport {
  version: 1;
  appmgr: string;
  options: {
    players: number;
    rate: number;
    duration_s: number;
    echo_per_sec: number;
    concurrency: number;
    step_timeout_ms: number;
    account_prefix: string;
    /** Optional: present only when not the default (echo, tcp, no queue). */
    scenario?: 'arena' | 'rooms';
    /** Optional (--scenario rooms): robots per party and the room mode their hosts create. */
    party?: number;
    mode?: string;
    transport?: 'ws';
    queue?: true;
  };
  players: number;
  /** Players that played the whole flow and left cleanly. */
  ok: number;
  failed: number;
  /** Players never started because the wave was aborted. */
  not_started: number;
  /** Players that completed the game login (online at some point). */
  flows_completed: number;
  /** flows_completed per second, from the first player's start to the last game login. */
  flows_per_sec: number;
  wall_ms: number;
  steps: Record<Step, LatencySummary>;
  echoes_ok: number;
  pings_ok: number;
  failures: FailureRow[];
  /** ip:port → players that landed there (login from /login, game from L2C_EnterGameRs + a successful game login). */
  login_pods: Record<string, number>;
  game_pods: Record<string, number>;
  /** max − min of game_pods. */
  game_spread: number;
  /** Optional (only with --queue when someone waited): time in the admission queue, first 202 → the 200. */
  queue_wait?: LatencySummary;
  /** Optional (--scenario arena): arena State tick → received on the robot (same-clock runs), p50/p99/max. */
  state_lag?: LatencySummary;
  /** Optional (--scenario arena): State messages received by all robots, and per second over the span they came in. */
  state_messages?: number;
  messages_per_sec?: number;
  /** Optional (--scenario arena): robots that saw a room-mate move. */
  arena_saw_moves?: number;
  /** Optional (--scenario rooms): the parties, how many landed together (every robot in its host's room), and the latencies. */
  rooms?: RoomsReport;
}

export interface RoomsReport {
  mode: string;
  party_size: number;
  parties: number;
  /** Parties whose every robot came online in its host's room on its host's pod (must be all). */
  parties_together: number;
  /** A host's whole connect with `create` (/login → the game's LoginByTokenRs). */
  create: LatencySummary;
  /** A joiner's whole connect with `join` by id (/login?room= → the game's LoginByTokenRs); not the wait for the host. */
  join: LatencySummary;
}

interface RunFacts {
  wallMs: number;
  notStarted: number;
  accountPrefix: string;
  stepTimeoutMs: number;
  concurrency: number;
}

const sorted = (m: ReadonlyMap<string, number>) => Object.fromEntries([...m].sort(([a], [b]) => a.localeCompare(b, 'en', { numeric: true })));

export function buildReport(
  opts: { appmgr: string; players: number; rate: number; durationS: number; echoPerSec: number; scenario?: 'echo' | 'arena' | 'rooms'; transport?: 'tcp' | 'ws'; queue?: boolean },
  stats: WaveStats,
  facts: RunFacts,
): RobotReport {
  const flowSpanS = stats.flowsCompleted > 0 ? Math.max(0.001, (stats.lastFlowMs - stats.firstStartMs) / 1000) : 0;
  return {
    version: 1,
    appmgr: opts.appmgr,
    options: {
      players: opts.players,
      rate: opts.rate,
      duration_s: opts.durationS,
      echo_per_sec: opts.echoPerSec,
      concurrency: facts.concurrency,
      step_timeout_ms: facts.stepTimeoutMs,
      account_prefix: facts.accountPrefix,
      ...(opts.scenario === 'arena' || opts.scenario === 'rooms' ? { scenario: opts.scenario } : {}),
      ...(opts.scenario === 'rooms' ? { party: stats.partySize, mode: stats.roomMode } : {}),
      ...(opts.transport === 'ws' ? { transport: 'ws' as const } : {}),
      ...(opts.queue ? { queue: true as const } : {}),
    },
    players: opts.players,
    ok: stats.finished - stats.failed,
    failed: stats.failed,
    not_started: facts.notStarted,
    flows_completed: stats.flowsCompleted,
    flows_per_sec: flowSpanS > 0 ? Math.round((stats.flowsCompleted / flowSpanS) * 10) / 10 : 0,
    wall_ms: facts.wallMs,
    steps: Object.fromEntries(STEPS.map((s) => [s, stats.latency(s)])) as Record<Step, LatencySummary>,
    echoes_ok: stats.echoesOk,
    pings_ok: stats.pingsOk,
    failures: stats.failureRows(),
    login_pods: sorted(stats.loginPods),
    game_pods: sorted(stats.gamePods),
    game_spread: spread(stats.gamePods),
    ...optional(stats),
  };
}

/** The optional fields (version 1 stays compatible: they are absent unless their feature was used). */
function optional(stats: WaveStats): Partial<RobotReport> {
  const out: Partial<RobotReport> = {};
  const qw = stats.queueWaitLatency();
  if (qw) out.queue_wait = qw;
  const lag = stats.stateLagLatency();
  if (lag) {
    const spanS = Math.max(0.001, (stats.lastStateMs - stats.firstStateMs) / 1000);
    out.state_lag = lag;
    out.state_messages = stats.stateMessages;
    out.messages_per_sec = Math.round((stats.stateMessages / spanS) * 10) / 10;
    out.arena_saw_moves = stats.arenaSawMoves;
  }
  if (stats.parties > 0) {
    out.rooms = {
      mode: stats.roomMode,
      party_size: stats.partySize,
      parties: stats.parties,
      parties_together: stats.partiesTogether,
      create: stats.roomStepLatency('create'),
      join: stats.roomStepLatency('join'),
    };
  }
  return out;
}

/** Left-aligned first column, right-aligned others. */
export function table(header: string[], rows: (string | number)[][]): string {
  const cells = [header, ...rows.map((r) => r.map(String))];
  const w = header.map((_, i) => Math.max(...cells.map((r) => (r[i] ?? '').length)));
  const line = (r: string[]) => r.map((c, i) => (i === 0 ? c.padEnd(w[i]!) : c.padStart(w[i]!))).join('  ').trimEnd();
  return [line(header), w.map((n) => '-'.repeat(n)).join('  '), ...cells.slice(1).map(line)].join('\n');
}

const f = (v: number) => v.toFixed(2);

export function formatReport(r: RobotReport): string {
  const out: string[] = [];
  const verdict = r.failed === 0 && r.not_started === 0 ? 'OK' : 'FAILED';
  out.push(
    `robots ${verdict}: ${r.ok}/${r.players} players played the whole flow, ${r.failed} failed${r.not_started ? `, ${r.not_started} not started (aborted)` : ''} ` +
      `in ${(r.wall_ms / 1000).toFixed(1)} s (${r.flows_per_sec} flows/s; appmgr ${r.appmgr})`,
  );
  out.push('');
  out.push(table(['step', 'count', 'p50 ms', 'p99 ms', 'max ms'], STEPS.map((s) => [s, r.steps[s].count, f(r.steps[s].p50_ms), f(r.steps[s].p99_ms), f(r.steps[s].max_ms)])));
  if (r.failures.length) {
    out.push('');
    out.push(table(['failed step', 'reason', 'count', 'example'], r.failures.map((x) => [x.step, x.reason, x.count, x.example.slice(0, 140)])));
  }
  const pods = (title: string, m: Record<string, number>) => {
    const entries = Object.entries(m);
    if (!entries.length) return;
    out.push('');
    out.push(table([title, 'players'], entries));
  };
  pods('login pod', r.login_pods);
  pods('game pod', r.game_pods);
  if (Object.keys(r.game_pods).length) out.push(`game spread (max − min): ${r.game_spread}`);
  if (r.state_lag) {
    out.push(`arena: ${r.state_messages} State messages (${r.messages_per_sec}/s), state_lag p50 ${f(r.state_lag.p50_ms)} ms, p99 ${f(r.state_lag.p99_ms)} ms, max ${f(r.state_lag.max_ms)} ms; ${r.arena_saw_moves} robots saw room-mates move`);
  }
  if (r.rooms) {
    const x = r.rooms;
    out.push(
      `rooms: ${x.parties_together}/${x.parties} parties of ${x.party_size} landed together (mode ${x.mode}); ` +
        `join p50 ${f(x.join.p50_ms)} ms, p99 ${f(x.join.p99_ms)} ms, max ${f(x.join.max_ms)} ms (${x.join.count}); create p50 ${f(x.create.p50_ms)} ms, p99 ${f(x.create.p99_ms)} ms (${x.create.count})`,
    );
  }
  if (r.queue_wait) out.push(`queue wait: ${r.queue_wait.count} players, p50 ${f(r.queue_wait.p50_ms)} ms, p99 ${f(r.queue_wait.p99_ms)} ms, max ${f(r.queue_wait.max_ms)} ms`);
  return out.join('\n') + '\n';
}

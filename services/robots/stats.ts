/**
 * What a robot wave measures: per-step latency in HDR histograms (microsecond resolution, reported in ms), failures
 * keyed by step and a bounded reason (a return code name, an error code, `timeout`, `kicked:<REASON>` …), where each
 * player landed (login and game ip:port), and live counters for the progress bar. Reasons are normalised here so a
 * wave of 100,000 failing players still yields a handful of rows, each with one example message.
 */
import * as hdr from 'hdr-histogram-js';
import { kickReasonName } from '../client/errors.js';
import { returnCodeName } from '../protocol/wire.js';

/** The steps of the flow, in order (the report's rows). */
export const STEPS = ['http_login', 'account_check', 'enter_game', 'game_login', 'echo'] as const;
export type Step = (typeof STEPS)[number];

/** A failed step: `reason` is bounded (for grouping), `message` is the human detail of one instance. */
export class StepError extends Error {
  constructor(
    readonly step: Step,
    readonly reason: string,
    message: string,
  ) {
    super(message);
    this.name = 'StepError';
  }
}

/** A non-OK return code at `step`. */
export function returnCodeError(step: Step, code: number): StepError {
  const name = returnCodeName(code);
  return new StepError(step, name, `${step}: server answered return code ${code} (${name})`);
}

/** Any thrown value at `step` → a StepError with a bounded reason. */
export function toStepError(step: Step, err: unknown): StepError {
  if (err instanceof StepError) return err;
  const e = err as { code?: unknown; message?: unknown; kickReason?: unknown; name?: unknown };
  const message = typeof e?.message === 'string' ? e.message : String(err);
  let reason: string;
  if (typeof e?.kickReason === 'number') reason = `kicked:${kickReasonName(e.kickReason)}`;
  else if (e?.name === 'TimeoutError' || /timed out|within \d+ ms/.test(message)) reason = 'timeout';
  else if (e?.code === 'CONNECTION_CLOSED') reason = 'closed_by_server';
  else if (typeof e?.code === 'string' && /^E[A-Z]+$/.test(e.code)) reason = e.code; // ECONNREFUSED, ECONNRESET, …
  else reason = 'error';
  return new StepError(step, reason, `${step}: ${message}`);
}

export interface LatencySummary {
  count: number;
  p50_ms: number;
  p99_ms: number;
  max_ms: number;
}

export interface FailureRow {
  step: Step;
  reason: string;
  count: number;
  /** One full message of this kind, for the human. */
  example: string;
}

const round = (us: number) => Math.round(us) / 1000; // µs → ms with µs precision

/** µs resolution, up to an hour. */
export function newHistogram(): hdr.Histogram {
  return hdr.build({ lowestDiscernibleValue: 1, highestTrackableValue: 3_600_000_000, numberOfSignificantValueDigits: 3 });
}

/** count/p50/p99/max in ms of a histogram of µs. */
export function summary(h: hdr.Histogram): LatencySummary {
  if (h.totalCount === 0) return { count: 0, p50_ms: 0, p99_ms: 0, max_ms: 0 };
  return { count: h.totalCount, p50_ms: round(h.getValueAtPercentile(50)), p99_ms: round(h.getValueAtPercentile(99)), max_ms: round(h.maxValue) };
}

export class WaveStats {
  private readonly hist = new Map<Step, hdr.Histogram>();
  private readonly failures = new Map<string, FailureRow>();
  readonly loginPods = new Map<string, number>();
  readonly gamePods = new Map<string, number>();
  /** Live counters (progress bar, local's "everyone is online" wait). */
  started = 0;
  inGame = 0;
  finished = 0;
  failed = 0;
  /** Players that completed the game login (the flow), and when the first/last one did. */
  flowsCompleted = 0;
  firstStartMs = 0;
  lastFlowMs = 0;
  echoesOk = 0;
  pingsOk = 0;
  /** Time in the admission queue (--queue), only when someone was queued: an optional report field. */
  private queueWait: hdr.Histogram | undefined;
  /** Arena (--scenario arena): State tick → received, State messages and when the first/last one came. */
  private stateLag: hdr.Histogram | undefined;
  stateMessages = 0;
  firstStateMs = 0;
  lastStateMs = 0;
  /** Arena robots that saw a room-mate move. */
  arenaSawMoves = 0;
  /** Rooms (--scenario rooms): parties formed, how many landed whole with their host, their size and room mode. */
  parties = 0;
  partiesTogether = 0;
  partySize = 0;
  roomMode = '';
  /** Rooms: a host's whole connect creating its room, and a joiner's whole connect joining it by id. */
  private readonly roomSteps = new Map<'create' | 'join', hdr.Histogram>();

  constructor() {
    for (const s of STEPS) this.hist.set(s, newHistogram());
  }

  /** Records one latency sample of `step` in milliseconds (fractions kept to the µs). */
  record(step: Step, ms: number): void {
    this.hist.get(step)!.recordValue(Math.max(1, Math.round(ms * 1000)));
  }

  recordQueueWait(ms: number): void {
    this.queueWait ??= newHistogram();
    this.queueWait.recordValue(Math.max(1, Math.round(ms * 1000)));
  }

  /** One arena State received `lagMs` after its tick ran (negative lags from clock skew count as 0). */
  recordState(lagMs: number): void {
    this.stateLag ??= newHistogram();
    this.stateLag.recordValue(Math.max(1, Math.round(Math.max(0, lagMs) * 1000)));
    const now = Date.now();
    if (this.stateMessages++ === 0) this.firstStateMs = now;
    this.lastStateMs = now;
  }

  recordRoomStep(step: 'create' | 'join', ms: number): void {
    let h = this.roomSteps.get(step);
    if (!h) this.roomSteps.set(step, (h = newHistogram()));
    h.recordValue(Math.max(1, Math.round(ms * 1000)));
  }

  roomStepLatency(step: 'create' | 'join'): LatencySummary {
    const h = this.roomSteps.get(step);
    return h ? summary(h) : summary(newHistogram());
  }

  stateLagLatency(): LatencySummary | undefined {
    return this.stateLag ? summary(this.stateLag) : undefined;
  }

  /** The queue wait summary, or undefined when nobody waited in line. */
  queueWaitLatency(): LatencySummary | undefined {
    return this.queueWait ? summary(this.queueWait) : undefined;
  }

  fail(err: StepError): void {
    const key = `${err.step}\u0000${err.reason}`;
    const row = this.failures.get(key);
    if (row) row.count++;
    else this.failures.set(key, { step: err.step, reason: err.reason, count: 1, example: err.message });
  }

  landed(kind: 'login' | 'game', addr: string): void {
    const m = kind === 'login' ? this.loginPods : this.gamePods;
    m.set(addr, (m.get(addr) ?? 0) + 1);
  }

  latency(step: Step): LatencySummary {
    return summary(this.hist.get(step)!);
  }

  failureRows(): FailureRow[] {
    return [...this.failures.values()].sort((a, b) => STEPS.indexOf(a.step) - STEPS.indexOf(b.step) || b.count - a.count || a.reason.localeCompare(b.reason));
  }
}

/** max − min over the counts (0 for one or no pod). */
export function spread(counts: ReadonlyMap<string, number> | Record<string, number>): number {
  const v = counts instanceof Map ? [...counts.values()] : Object.values(counts);
  return v.length ? Math.max(...v) - Math.min(...v) : 0;
}

/**
 * A launch-day herd for the queue's herd test and bench/queue.ts: players arrive at `rate`/s and each runs the client
 * SDK (`gamecluster/client`, services/client) with the admission queue on — `GET /login?queue=1`, ticket polls as
 * `Retry-After` says, then the whole flow (login: account check, enter game; game: token login) — stays `durationS`
 * in game and leaves on purpose (`C2G_Leave`, no resume grace), so places free up steadily and the line drains. A
 * patient player: the SDK's retries (`retry: true`, up to `maxAttempts` flows) send a player whose EnterGame found
 * no place (`NO_APP`) or a busy dependency (`BUSY`) back through `/login` and the line; resume is off, a drop is a
 * failure. The report counts what the SDK reports: `queue` updates and `queue_wait`/`http_login` timings.
 * (`gamecluster local --queue` runs the robots, which use the same SDK.)
 */
import { randomBytes } from 'node:crypto';
import { setMaxListeners } from 'node:events';
import { setTimeout as sleep } from 'node:timers/promises';
import { ClientError, connect } from '../client/index.js';

export interface HerdOptions {
  appmgr: string;
  players: number;
  /** Arrivals per second. */
  rate: number;
  /** Seconds each player stays in game. */
  durationS: number;
  stepTimeoutMs?: number;
  /** Flows a player tries before giving up (the SDK's `maxAttempts`; default 10). */
  maxAttempts?: number;
  signal?: AbortSignal;
}

export interface HerdReport {
  players: number;
  played: number;
  failed: number;
  /** Failure reasons (`<step>_<code>` of the SDK's ClientError: bounded names) → count. */
  failures: Record<string, number>;
  /** Tickets admitted (a player sent back to the line by a NO_APP may queue twice). */
  queued: number;
  /** 202 answers seen: each ticket's issue and every poll that kept it waiting. */
  queue_updates: number;
  /** Flows started again after a retryable failure (NO_APP, BUSY, a timeout): back through /login and the line. */
  retried: number;
  /** Time in line (first 202 → the 200), of the tickets admitted. */
  wait_ms: { p50: number; p90: number; p99: number; max: number };
  elapsed_s: number;
}

interface Counters {
  queueUpdates: number;
  flows: number;
  waits: number[];
}

async function play(o: HerdOptions, i: number, c: Counters): Promise<void> {
  const s = await connect({
    appmgr: o.appmgr,
    account: `herd-${randomBytes(4).toString('hex')}-${i}`,
    password: 'x',
    queue: true,
    resume: false,
    retry: true,
    maxAttempts: o.maxAttempts ?? 10,
    stepTimeoutMs: o.stepTimeoutMs ?? 10_000,
    ...(o.signal ? { signal: o.signal } : {}),
    on: {
      queue: () => void c.queueUpdates++,
      timing: (e) => {
        if (e.step === 'queue_wait') c.waits.push(e.ms);
        else if (e.step === 'http_login') c.flows++;
      },
    },
  });
  await sleep(o.durationS * 1000, undefined, { signal: o.signal }).catch(() => undefined);
  const end = await s.leave();
  if (end.reason !== 'left') throw end.error ?? new ClientError('game', end.reason, `the session ended ${end.reason}`);
}

function pct(sorted: number[], p: number): number {
  if (sorted.length === 0) return 0;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!;
}

export async function runHerd(o: HerdOptions): Promise<HerdReport> {
  // Every waiting player sleeps on the one abort signal.
  if (o.signal) setMaxListeners(0, o.signal);
  const t0 = Date.now();
  const c: Counters = { queueUpdates: 0, flows: 0, waits: [] };
  const failures: Record<string, number> = {};
  let played = 0;
  const runs: Promise<void>[] = [];
  for (let i = 0; i < o.players && !o.signal?.aborted; i++) {
    const due = t0 + (i / o.rate) * 1000;
    if (due > Date.now()) await sleep(due - Date.now());
    runs.push(
      play(o, i, c).then(
        () => void played++,
        (err: unknown) => {
          const reason = err instanceof ClientError ? `${err.step}_${err.code}` : 'error';
          failures[reason] = (failures[reason] ?? 0) + 1;
        },
      ),
    );
  }
  await Promise.all(runs);
  const waits = c.waits.sort((a, b) => a - b);
  return {
    players: o.players,
    played,
    failed: o.players - played,
    failures,
    queued: waits.length,
    queue_updates: c.queueUpdates,
    retried: Math.max(0, c.flows - runs.length),
    wait_ms: { p50: pct(waits, 50), p90: pct(waits, 90), p99: pct(waits, 99), max: waits.at(-1) ?? 0 },
    elapsed_s: Math.round((Date.now() - t0) / 100) / 10,
  };
}

export function formatHerd(r: HerdReport): string {
  const fails = Object.entries(r.failures).map(([k, v]) => `${k} ${v}`).join(', ');
  const sec = (ms: number) => (ms / 1000).toFixed(1);
  return [
    `herd: ${r.players} players, ${r.played} played, ${r.failed} failed${fails ? ` (${fails})` : ''} in ${r.elapsed_s} s`,
    `queue: ${r.queued} admitted from the line, ${r.queue_updates} queue updates (202), ${r.retried} flows retried; wait p50 ${sec(r.wait_ms.p50)} s, p90 ${sec(r.wait_ms.p90)} s, p99 ${sec(r.wait_ms.p99)} s, max ${sec(r.wait_ms.max)} s`,
  ].join('\n');
}

export interface PeakWatch {
  /** Stops sampling; the highest game-tier online count and queue length seen in appmgr's /apps and /status. */
  stop(): Promise<{ peak_online: number; peak_queue: number; samples: number }>;
}

/** Samples appmgr's admin /apps and /status every `everyMs` (the operator's view: lags by up to one heartbeat). */
export function watchPeak(adminUrl: string, everyMs = 250): PeakWatch {
  let peakOnline = 0;
  let peakQueue = 0;
  let samples = 0;
  let on = true;
  const loop = (async () => {
    while (on) {
      try {
        const [apps, status] = await Promise.all([fetch(`${adminUrl}/apps`).then((r) => r.json()), fetch(`${adminUrl}/status`).then((r) => r.json())]);
        const online = (apps as { apps: { app_type: string; online: number }[] }).apps.filter((a) => a.app_type === 'game').reduce((s, a) => s + a.online, 0);
        peakOnline = Math.max(peakOnline, online);
        peakQueue = Math.max(peakQueue, (status as { queue: number }).queue);
        samples++;
      } catch {
        /* appmgr busy or stopping: the next sample counts */
      }
      await sleep(everyMs);
    }
  })();
  return {
    stop: async () => {
      on = false;
      await loop;
      return { peak_online: peakOnline, peak_queue: peakQueue, samples };
    },
  };
}

/**
 * A robot wave in-process: `runRobots(options, hooks)` starts `players` robots at `rate` per second (optionally at most
 * `concurrency` in flight), each playing player.ts's flow once, and resolves with the report when all are done.
 * Used by `gamecluster robots`, by `gamecluster local`, by the acceptance tests and by bench/player-flow — so the
 * hooks are what those callers need: a live stats object for progress, `holdUntil` to keep everyone online while
 * something is measured, and an AbortSignal to end early (unstarted players are then reported as not started).
 */
import { randomBytes } from 'node:crypto';
import { setMaxListeners } from 'node:events';
import type { RobotOptions } from './args.js';
import { playOnce } from './player.js';
import { buildReport, type RobotReport } from './report.js';
import { PartyBoard } from './scenario-rooms.js';
import { WaveStats, toStepError } from './stats.js';

export type RunOptions = Pick<RobotOptions, 'appmgr' | 'players' | 'rate' | 'durationS' | 'echoPerSec'> &
  Partial<Pick<RobotOptions, 'concurrency' | 'stepTimeoutMs' | 'password' | 'tls' | 'ca' | 'scenario' | 'transport' | 'queue' | 'party' | 'mode'>> & {
    /** Account prefix; players are `<prefix>-<n>`. Default `robot-<random run id>` so waves never collide. */
    accountPrefix?: string;
  };

export interface RunHooks {
  /** Live counters, e.g. for a progress bar; the same object ends up summarised in the report. */
  stats?: WaveStats;
  /** Players stay in game (pinging) after their duration until this settles. */
  holdUntil?: Promise<unknown>;
  /** Abort: no new players start; players in game leave now. */
  signal?: AbortSignal;
}

export async function runRobots(opts: RunOptions, hooks: RunHooks = {}): Promise<RobotReport> {
  const stats = hooks.stats ?? new WaveStats();
  const prefix = opts.accountPrefix ?? `robot-${randomBytes(4).toString('hex')}`;
  const concurrency = opts.concurrency && opts.concurrency > 0 ? opts.concurrency : Infinity;
  const stepTimeoutMs = opts.stepTimeoutMs ?? 10_000;
  if (hooks.signal) setMaxListeners(0, hooks.signal); // every in-game player listens for the abort
  const wallStart = Date.now();
  stats.firstStartMs = wallStart;
  const t0 = performance.now();
  let inFlight = 0;
  let wakeScheduler: (() => void) | undefined;
  const running = new Set<Promise<void>>();
  const parties = opts.scenario === 'rooms' ? new PartyBoard(opts.players, opts.party ?? 4, opts.mode ?? 'arena', stats) : undefined;

  const startPlayer = (n: number) => {
    stats.started++;
    inFlight++;
    const p = playOnce(
      {
        appmgr: opts.appmgr,
        account: `${prefix}-${n}`,
        password: opts.password ?? 'robot',
        durationS: opts.durationS,
        echoPerSec: opts.echoPerSec,
        stepTimeoutMs,
        tls: opts.tls || opts.ca ? { ca: opts.ca } : undefined,
        transport: opts.transport,
        queue: opts.queue,
        scenario: opts.scenario,
        ...(parties ? { party: parties.seat(n) } : {}),
        holdUntil: hooks.holdUntil,
        signal: hooks.signal,
      },
      stats,
    ).then(
      () => {},
      (err: unknown) => {
        stats.failed++;
        stats.fail(toStepError('http_login', err)); // already a StepError with its own step in practice
      },
    );
    const tracked = p.finally(() => {
      stats.finished++;
      inFlight--;
      running.delete(tracked);
      wakeScheduler?.();
    });
    running.add(tracked);
  };

  let next = 0;
  const aborted = () => hooks.signal?.aborted === true;
  while (next < opts.players && !aborted()) {
    const due = Math.min(opts.players, Math.floor(((performance.now() - t0) * opts.rate) / 1000) + 1);
    while (next < due && inFlight < concurrency) startPlayer(next++);
    if (next >= opts.players) break;
    // Wait for the next player's start time, a free slot, or an abort — whichever comes first.
    const waitMs = next < due ? Infinity : Math.max(1, ((next * 1000) / opts.rate) - (performance.now() - t0));
    await new Promise<void>((resolve) => {
      const timer = waitMs === Infinity ? undefined : setTimeout(done, waitMs);
      const onAbort = () => done();
      hooks.signal?.addEventListener('abort', onAbort, { once: true });
      wakeScheduler = next < due ? done : undefined;
      function done() {
        if (timer) clearTimeout(timer);
        hooks.signal?.removeEventListener('abort', onAbort);
        wakeScheduler = undefined;
        resolve();
      }
    });
  }
  while (running.size) await Promise.all([...running]);
  return buildReport(opts, stats, { wallMs: Date.now() - wallStart, notStarted: opts.players - next, accountPrefix: prefix, stepTimeoutMs, concurrency: concurrency === Infinity ? 0 : concurrency });
}

/**
 * The primary side of `WORKERS>1`: forks N workers of this same command line with `node:cluster` (round-robin
 * accept: the primary accepts and hands each connection to the next worker, which is what spreads connections
 * evenly — see docs/architecture.md "Multi-core workers"), gives each a stable slot 0..N-1 (kept by its replacement after a crash, so
 * metrics labels stay bounded), restarts a worker that dies (with backoff when it keeps dying young), routes
 * our IPC messages, and collects every worker's metrics for one aggregated /metrics. The pool never restarts
 * once `stop()` or `holdRestarts()` was called, and `start()` fails if a worker dies before it is ready (a
 * port already in use should end the process with an error, not loop).
 */
import cluster, { type Worker } from 'node:cluster';
import { Counter, Gauge, type Registry } from 'prom-client';
import type { Logger } from './logger.js';
import { isGcMessage, type FromWorker, type MetricsJson, type ToWorker } from './worker-messages.js';
import { WORKER_INDEX_ENV } from './workers.js';

export interface WorkerSlot {
  readonly index: number;
  /** cluster worker id of the current process in this slot (unique for the primary's life). */
  workerId: number;
  worker: Worker | undefined;
  ready: boolean;
  /** What the worker's `ready` message said it bound (login/game: the client port). */
  port: number | undefined;
  startedAt: number;
  /** Consecutive deaths within YOUNG_MS of starting (drives the backoff). */
  youngDeaths: number;
  restartTimer: NodeJS.Timeout | undefined;
}

export interface WorkerPoolOptions {
  count: number;
  logger: Logger;
  /** Registers gamecluster_workers / gamecluster_worker_restarts_total here. */
  registry?: Registry;
  onMessage?: (slot: WorkerSlot, msg: FromWorker) => void;
  /** A worker process ended (before its replacement, if any, is forked). */
  onExit?: (slot: WorkerSlot, how: { code: number | null; signal: string | null; restarting: boolean }) => void;
  /** A worker (first or replacement) reported ready. */
  onReady?: (slot: WorkerSlot) => void;
  /** Answers a worker's `metrics-agg` (appmgr workers serve the pod's /metrics on their shared HTTP port). */
  aggregate?: () => Promise<string>;
}

/** A worker that lived less than this counts as dying young: its replacement waits (100 ms doubling to 5 s). */
const YOUNG_MS = 10_000;

export class WorkerPool {
  readonly slots: WorkerSlot[];
  private readonly byWorkerId = new Map<number, WorkerSlot>();
  private restarting = true;
  private started = false;
  private reqSeq = 0;
  private readonly metricReqs = new Map<number, { want: Set<number>; got: MetricsJson[]; done: () => void }>();
  private readonly alive: Gauge | undefined;
  private readonly restarts: Counter<'worker'> | undefined;
  private startupFailure: ((err: Error) => void) | undefined;

  constructor(private readonly o: WorkerPoolOptions) {
    this.slots = Array.from({ length: o.count }, (_, index) => ({ index, workerId: 0, worker: undefined, ready: false, port: undefined, startedAt: 0, youngDeaths: 0, restartTimer: undefined }));
    if (o.registry) {
      this.alive = new Gauge({ name: 'gamecluster_workers', help: 'Worker processes of this pod that are up and serving (WORKERS>1)', registers: [o.registry], aggregator: 'sum' });
      this.restarts = new Counter({ name: 'gamecluster_worker_restarts_total', help: 'Workers that died and were replaced, by worker slot', labelNames: ['worker'], registers: [o.registry] });
      this.alive.set(0);
    }
  }

  /** Forks every worker; resolves once all reported ready. Rejects (after killing the others) if one dies first. */
  start(): Promise<void> {
    if (this.started) throw new Error('WorkerPool already started');
    this.started = true;
    // The documented Node knob wins (NODE_CLUSTER_SCHED_POLICY=none hands accept to the kernel: used by the bench).
    if (!process.env.NODE_CLUSTER_SCHED_POLICY) cluster.schedulingPolicy = cluster.SCHED_RR;
    // The same entry and loader flags as this process: `--import tsx` from source, plain node from dist.
    cluster.setupPrimary({ exec: process.argv[1]!, args: process.argv.slice(2), execArgv: process.execArgv });
    cluster.on('message', (w, msg) => this.onMessage(w, msg));
    cluster.on('exit', (w, code, signal) => this.onExit(w, code, signal));
    return new Promise<void>((resolve, reject) => {
      this.startupFailure = (err) => {
        this.startupFailure = undefined;
        this.restarting = false;
        for (const s of this.slots) s.worker?.process.kill('SIGKILL');
        reject(err);
      };
      this.checkAllReady = () => {
        if (this.slots.every((s) => s.ready)) {
          this.startupFailure = undefined;
          this.checkAllReady = undefined;
          resolve();
        }
      };
      for (const s of this.slots) this.fork(s);
    });
  }

  private checkAllReady: (() => void) | undefined;

  /** Workers reporting ready right now. */
  readyCount(): number {
    return this.slots.filter((s) => s.ready).length;
  }

  send(slot: WorkerSlot, msg: ToWorker): boolean {
    const w = slot.worker;
    if (!w || !w.isConnected()) return false;
    try {
      w.send(msg);
      return true;
    } catch {
      return false;
    }
  }

  /** Sends to every connected worker; returns how many got it. */
  broadcast(msg: ToWorker): number {
    let n = 0;
    for (const s of this.slots) if (this.send(s, msg)) n++;
    return n;
  }

  /** Restarts again after holdRestarts (a DrainApp drain taken back); an empty slot is refilled now. */
  resumeRestarts(): void {
    this.restarting = true;
    for (const s of this.slots) if (!s.worker && !s.restartTimer) this.fork(s);
  }

  /** No more restarts from now on (drain/stop). */
  holdRestarts(): void {
    this.restarting = false;
    for (const s of this.slots) if (s.restartTimer) (clearTimeout(s.restartTimer), (s.restartTimer = undefined));
  }

  /**
   * Every connected worker's metrics (as JSON), waiting at most `timeoutMs`: a worker that is dying or stuck is
   * left out of this scrape instead of failing it.
   */
  collectMetrics(timeoutMs = 2000): Promise<MetricsJson[]> {
    const id = ++this.reqSeq;
    const want = new Set<number>();
    for (const s of this.slots) if (s.worker && this.send(s, { gc: 'metrics-req', id })) want.add(s.workerId);
    return new Promise((resolve) => {
      const got: MetricsJson[] = [];
      if (want.size === 0) return resolve(got);
      const t = setTimeout(finish, timeoutMs);
      function finish() {
        clearTimeout(t);
        resolve(got);
      }
      this.metricReqs.set(id, {
        want,
        got,
        done: () => {
          this.metricReqs.delete(id);
          finish();
        },
      });
      setTimeout(() => this.metricReqs.delete(id), timeoutMs + 10).unref();
    });
  }

  /**
   * Sends `close` to every worker and waits for all to exit; SIGKILLs whoever is still there after `timeoutMs`.
   * Restarts are off from the first call.
   */
  async stop(timeoutMs: number): Promise<void> {
    this.holdRestarts();
    const exits = this.slots
      .map((s) => s.worker)
      .filter((w): w is Worker => w !== undefined && !w.isDead())
      .map((w) => new Promise<void>((resolve) => w.once('exit', () => resolve())));
    this.broadcast({ gc: 'close' });
    const t = setTimeout(() => {
      for (const s of this.slots) {
        if (s.worker && !s.worker.isDead()) {
          this.o.logger.warn({ worker: s.index, worker_pid: s.worker.process.pid }, 'worker did not exit in time: SIGKILL');
          s.worker.process.kill('SIGKILL');
        }
      }
    }, timeoutMs);
    t.unref();
    await Promise.all(exits);
    clearTimeout(t);
  }

  private fork(s: WorkerSlot): void {
    s.restartTimer = undefined;
    s.ready = false;
    s.startedAt = Date.now();
    const w = cluster.fork({ [WORKER_INDEX_ENV]: String(s.index) });
    guardHandoffs(w);
    s.worker = w;
    s.workerId = w.id;
    this.byWorkerId.set(w.id, s);
    this.o.logger.info({ worker: s.index, worker_id: w.id, worker_pid: w.process.pid }, 'worker forked');
  }

  private onMessage(w: Worker, msg: unknown): void {
    if (!isGcMessage(msg)) return;
    const s = this.byWorkerId.get(w.id);
    if (!s || s.worker !== w) return;
    const m = msg as FromWorker;
    if (m.gc === 'ready') {
      if (!s.ready) {
        s.ready = true;
        s.port = m.port;
        this.alive?.inc();
        this.o.logger.info({ worker: s.index, worker_id: w.id, worker_pid: w.process.pid }, 'worker ready');
        this.o.onReady?.(s);
        this.checkAllReady?.();
      }
      return;
    }
    if (m.gc === 'metrics-json') {
      const r = this.metricReqs.get(m.id);
      if (!r || !r.want.delete(w.id)) return;
      if (m.metrics) r.got.push(m.metrics);
      if (r.want.size === 0) r.done();
      return;
    }
    if (m.gc === 'metrics-agg') {
      const reply = (r: { text?: string; error?: string }) => this.send(s, { gc: 'metrics-text', id: m.id, ...r });
      if (!this.o.aggregate) return void reply({ error: 'no aggregation in this primary' });
      this.o.aggregate().then(
        (text) => reply({ text }),
        (err: Error) => reply({ error: err.message }),
      );
      return;
    }
    this.o.onMessage?.(s, m);
  }

  private onExit(w: Worker, code: number | null, signal: string | null): void {
    const s = this.byWorkerId.get(w.id);
    this.byWorkerId.delete(w.id);
    if (!s || s.worker !== w) return;
    const wasReady = s.ready;
    s.ready = false;
    s.worker = undefined;
    if (wasReady) this.alive?.dec();
    // A pending scrape no longer waits for this one.
    for (const r of this.metricReqs.values()) if (r.want.delete(w.id) && r.want.size === 0) r.done();
    if (this.startupFailure && !wasReady) {
      this.o.logger.error({ worker: s.index, code, signal }, 'worker exited before it was ready: giving up');
      this.o.onExit?.(s, { code, signal, restarting: false });
      this.startupFailure(new Error(`worker ${s.index} exited (${signal ?? code}) before it was ready`));
      return;
    }
    const restarting = this.restarting;
    this.o.onExit?.(s, { code, signal, restarting });
    if (!restarting) {
      this.o.logger.info({ worker: s.index, worker_id: w.id, code, signal }, 'worker exited');
      return;
    }
    const lived = Date.now() - s.startedAt;
    s.youngDeaths = lived < YOUNG_MS ? s.youngDeaths + 1 : 0;
    const delay = s.youngDeaths === 0 ? 0 : Math.min(5000, 100 * 2 ** (s.youngDeaths - 1));
    this.restarts?.inc({ worker: String(s.index) });
    this.o.logger.error({ worker: s.index, worker_id: w.id, worker_pid: w.process.pid, code, signal, lived_ms: lived, restart_in_ms: delay }, 'worker died: restarting it');
    s.restartTimer = setTimeout(() => {
      if (this.restarting) this.fork(s);
    }, delay);
  }
}

/**
 * Node's round-robin handoff (lib/internal/cluster/round_robin_handle.js) closes the primary's copy of an accepted
 * connection only when the worker answers that it took it. A worker that dies between the handoff and its answer
 * (SIGKILL, OOM, a crash under load) never answers: the primary's copy keeps the TCP connection open and that client
 * hangs until its own timeout instead of seeing a close. So we note which worker each connection was last handed
 * to (at most one in flight per worker and listener: a worker leaves the free queue until it answers) and, when a
 * worker dies abnormally, close the ones Node never closed — that client then gets its FIN like the dead worker's
 * other players. A clean exit is left alone: a closing worker answers "not accepted" and Node hands the connection
 * to another worker, which re-registers it here. This watches the internal `newconn` message; if Node ever
 * changes its shape, the guard simply sees nothing and Node's own behaviour remains.
 */
type RawHandle = { close(cb?: () => void): void };
const handedTo = new Map<RawHandle, Worker>();

function guardHandoffs(w: Worker): void {
  const proc = w.process as unknown as { send: (...a: unknown[]) => boolean };
  const send = proc.send.bind(proc);
  proc.send = (msg: unknown, handle?: unknown, ...rest: unknown[]) => {
    const m = msg as { cmd?: unknown; act?: unknown } | null;
    if (m && m.cmd === 'NODE_CLUSTER' && m.act === 'newconn' && handle && typeof (handle as RawHandle).close === 'function') {
      const h = handle as RawHandle;
      if (!handedTo.has(h)) {
        const close = h.close.bind(h);
        h.close = (cb?: () => void) => {
          handedTo.delete(h);
          h.close = close;
          close(cb);
        };
      }
      handedTo.set(h, w);
    }
    return send(msg, handle, ...rest);
  };
  w.once('exit', (code: number | null, signal: string | null) => {
    const abnormal = signal !== null || code !== 0;
    for (const [h, owner] of handedTo) {
      if (owner !== w) continue;
      if (!abnormal) continue;
      try {
        h.close();
      } catch {
        handedTo.delete(h);
      }
    }
  });
}

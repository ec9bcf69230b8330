/**
 * AppSelector over Redis: one Lua script (EVALSHA) prunes dead members, picks the least-loaded (or, with
 * `packed`, the fullest still below capacity) ready pod and bumps it by one player, atomically for every appmgr
 * replica. Concurrent picks are coalesced: picks of one event-loop turn go in one call, and while a script call is
 * in flight, new requests queue and go together in the next call, which picks k times with k bumps (each pick sees the previous bumps). So a burst costs a few
 * round trips, not one per request, and the answer is the same as k sequential picks.
 * A Redis that stops answering never holds a request: each script call has a deadline (REDIS_COMMAND_TIMEOUT_MS)
 * after which its waiters get `redis_down` (appmgr then answers from its snapshot) and a late reply is ignored —
 * every waiter is answered exactly once; and the queue of waiting picks is bounded: past `maxQueued` a pick is shed
 * at once (SHED: `redis_down` that appmgr answers 503/6 without the snapshot, since Redis is up but overloaded).
 */
import type { Redis } from 'ioredis';
import { Counter, type Registry } from 'prom-client';
import type { Logger } from '../platform/logger.js';
import type { AppTypeName } from '../protocol/wire.js';
import { registryKeys, type RegistryKeys } from './keys.js';
import { pickScript, script, type ScriptDef } from './lua-scripts.js';
import type { AppSelector, PickResult, ClientTransport } from './types.js';

export type SelectStrategy = 'least_loaded' | 'packed';

export interface RedisAppSelectorOptions {
  prefix: string;
  appTtlMs: number;
  strategy: SelectStrategy;
  logger: Logger;
  /** Most picks in one script call (bounds the time one script blocks Redis). Default 256. */
  maxBatch?: number;
  /** How long a pick's reservation for an account lasts if no token replaces it (the login died). Default 10000. */
  reservationMs?: number;
  now?: () => number;
  /** How long one script call may take before its picks answer `redis_down`. Default: the client's commandTimeout, else 1000. */
  deadlineMs?: number;
  /** Most picks waiting for a script call (per app type); more are shed. Default 10000. */
  maxQueued?: number;
  /** Counts shed picks (`gamecluster_appmgr_picks_shed_total{app_type}`, see createPickShedCounter). */
  shed?: Counter<'app_type'> | undefined;
  /** The pick script to run instead of the registry's (same call signature): AllocateGame's queued pick (queue-lua.ts). */
  script?: ScriptDef | undefined;
  /** Pass each pick's admission (queue.md) to the script, after the accounts: the queued pick reads them. */
  admissions?: boolean;
}

/** `gamecluster_appmgr_picks_shed_total{app_type}` on `registry`. */
export function createPickShedCounter(registry: Registry): Counter<'app_type'> {
  return new Counter({ name: 'gamecluster_appmgr_picks_shed_total', help: 'Picks refused at once because too many were waiting for Redis (answered 503/6)', labelNames: ['app_type'], registers: [registry] });
}

/**
 * Picks waiting for the next script call, as parallel arrays (callback i reserves for account i) rather than one
 * object and one closure per request: this is the HTTP hot path.
 */
interface Queue {
  /** `tcp`, or `ws`: only pods with a WebSocket port, answered with that port. */
  transport: ClientTransport;
  done: Array<(r: PickResult) => void>;
  accounts: string[];
  /** Each pick's admission ('' = none), when the selector passes them. */
  admissions: string[];
  busy: boolean;
  /** A flush is scheduled (setImmediate) for the end of this event-loop turn. */
  scheduled: boolean;
}

const NO_APP: PickResult = { ok: false, reason: 'no_app' };
const REDIS_DOWN: PickResult = { ok: false, reason: 'redis_down' };
/** A pick the queued pick refused because tickets wait and it carried no admission (queue.md): NO_APP, counted apart. */
export const LINE: PickResult = Object.freeze({ ok: false, reason: 'no_app' });
/** A pick refused because the queue is full: `redis_down`, told apart by identity so it is not served from the snapshot. */
export const SHED: PickResult = Object.freeze({ ok: false, reason: 'redis_down' });

export class RedisAppSelector implements AppSelector {
  private readonly keys: RegistryKeys;
  private readonly run;
  /** Per app type and transport (`login`, `login:ws`, …): a batch is one script call with one transport. */
  private readonly queues = new Map<string, Queue>();
  private readonly maxBatch: number;
  private readonly maxQueued: number;
  private readonly deadlineMs: number;
  /**
   * The last answer built per pod (frozen, shared by every pick that got that pod with the same address): a pick
   * then costs no result objects. Bounded by the pods this appmgr has been answered; a pod gone from the registry
   * is dropped when the map outgrows 4× what a batch can name.
   */
  private readonly answers = new Map<string, { ip: string; port: string; wsPort: string; result: PickResult }>();
  private lastErrorLogged = 0;
  private lastDeadlineLogged = 0;

  constructor(
    private readonly redis: Redis,
    private readonly o: RedisAppSelectorOptions,
  ) {
    this.keys = registryKeys(o.prefix);
    this.run = script(redis, o.script ?? pickScript);
    this.maxBatch = o.maxBatch ?? 256;
    this.maxQueued = o.maxQueued ?? 10_000;
    this.deadlineMs = o.deadlineMs ?? redis.options?.commandTimeout ?? 1000;
  }

  pick(appType: AppTypeName, reserveFor = '', transport: ClientTransport = 'tcp', admission = ''): Promise<PickResult> {
    return new Promise<PickResult>((resolve) => this.pickWith(appType, reserveFor, resolve, transport, admission));
  }

  /**
   * `pick` with a callback instead of a promise (no promise per request on the hot path). `done` is called exactly
   * once: synchronously while Redis is disconnected (the caller falls back to its snapshot), else when the batch
   * holding this pick answers.
   */
  pickWith(appType: AppTypeName, reserveFor: string, done: (r: PickResult) => void, transport: ClientTransport = 'tcp', admission = ''): void {
    if (this.redis.status !== 'ready') return done(REDIS_DOWN);
    const qk = transport === 'ws' ? `${appType}:ws` : appType;
    let q = this.queues.get(qk);
    if (!q) this.queues.set(qk, (q = { transport, done: [], accounts: [], admissions: [], busy: false, scheduled: false }));
    if (q.done.length >= this.maxQueued) {
      this.o.shed?.inc({ app_type: appType });
      return done(SHED);
    }
    q.done.push(done);
    q.accounts.push(reserveFor);
    if (this.o.admissions) q.admissions.push(admission);
    if (!q.busy) this.schedule(appType, q);
  }

  /**
   * The next script call goes at the end of this event-loop turn (setImmediate), not at once: every request read in
   * the same turn — under load, all the sockets one poll returned — rides in one call. Sending the first pick alone
   * made a call (and a write + read syscall pair in this process) for every ~3 requests at 20k req/s.
   */
  private schedule(appType: AppTypeName, q: Queue): void {
    if (q.scheduled) return;
    q.scheduled = true;
    setImmediate(() => {
      q.scheduled = false;
      if (!q.busy && q.done.length > 0) this.flush(appType, q);
    });
  }

  private flush(appType: AppTypeName, q: Queue): void {
    // Usually the whole queue goes: take the arrays as they are instead of copying them.
    let done = q.done;
    let accounts = q.accounts;
    let admissions = q.admissions;
    if (done.length <= this.maxBatch) {
      q.done = [];
      q.accounts = [];
      q.admissions = [];
    } else {
      done = q.done.splice(0, this.maxBatch);
      accounts = q.accounts.splice(0, this.maxBatch);
      admissions = q.admissions.splice(0, this.maxBatch);
    }
    q.busy = true;
    // This call's waiters are answered once: by the reply, the error or the deadline, whichever comes first.
    let open = true;
    let timedOut = false;
    const release = () => {
      q.busy = false;
      if (q.done.length > 0) this.schedule(appType, q);
    };
    const deadline = setTimeout(() => {
      if (!open) return;
      open = false;
      timedOut = true;
      const t = Date.now();
      if (t - this.lastDeadlineLogged > 1000) {
        this.lastDeadlineLogged = t;
        this.o.logger.warn({ app_type: appType, picks: done.length, deadline_ms: this.deadlineMs }, 'select: redis did not answer in time; answering redis_down');
      }
      for (const d of done) settle(d, REDIS_DOWN, this.o.logger);
      // The next batch goes now (it has its own deadline) rather than behind a call that may never return.
      release();
    }, this.deadlineMs);
    const now = (this.o.now ?? Date.now)();
    this.run(this.keys.online(appType), this.keys.appPrefix, done.length, now, this.o.appTtlMs, this.o.strategy, this.keys.pendingPrefix, this.o.reservationMs ?? 10_000, q.transport, ...accounts, ...admissions).then(
      (reply) => {
        if (!open) return; // answered redis_down at the deadline; the late reply is dropped
        open = false;
        const flat = reply as string[];
        for (let i = 0; i < done.length; i++) {
          const j = i * 4;
          // app_id `!` = a hook refused this one pick (its ip field says why: `line` = tickets wait, no admission).
          const r = j + 3 >= flat.length ? NO_APP : flat[j] === '!' ? (flat[j + 1] === 'line' ? LINE : NO_APP) : this.answer(flat[j]!, flat[j + 1]!, flat[j + 2]!, flat[j + 3]!);
          settle(done[i]!, r, this.o.logger);
        }
      },
      (err: unknown) => {
        if (!open) return;
        open = false;
        // Log at most once a second: during an outage every request would otherwise log.
        const t = Date.now();
        if (t - this.lastErrorLogged > 1000) {
          this.lastErrorLogged = t;
          this.o.logger.warn({ err: (err as Error).message, app_type: appType }, 'select: redis call failed');
        }
        for (const d of done) settle(d, REDIS_DOWN, this.o.logger);
      },
    ).finally(() => {
      clearTimeout(deadline);
      if (!timedOut) release(); // else the deadline already released the queue
    });
  }

  /** The answer for a pick of pod `appId` at this address: the cached one while its address is unchanged. */
  private answer(appId: string, ip: string, port: string, wsPort: string): PickResult {
    const a = this.answers.get(appId);
    if (a !== undefined && a.ip === ip && a.port === port && a.wsPort === wsPort) return a.result;
    if (this.answers.size >= 4 * this.maxBatch) this.answers.clear();
    const result: PickResult = Object.freeze({ ok: true, app: Object.freeze({ appId, ip, port: Number(port), wsPort: Number(wsPort) }) });
    this.answers.set(appId, { ip, port, wsPort, result });
    return result;
  }
}

/** Calls one waiter; a throwing callback must not keep the rest of its batch from being answered. */
function settle(done: (r: PickResult) => void, r: PickResult, logger: Logger): void {
  try {
    done(r);
  } catch (err) {
    logger.error({ err }, 'select: pick callback threw');
  }
}

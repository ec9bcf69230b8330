/**
 * The cluster-wide admission queue over Redis (docs/queue.md): one FIFO line shared by every appmgr replica, kept
 * entirely in Redis (it survives appmgr restarts) and changed only by the atomic scripts of queue-lua.ts. `enqueue`
 * hands out a ticket (or says "go" when a place is free and nobody waits), `poll` answers a ticket's position or its
 * admission, `tick` (every appmgr, every QUEUE_TICK_MS) expires unpolled tickets and admits the head of the line into
 * the places really free. Tickets are 128 bits from the CSPRNG (32 hex chars). Every Redis failure or timeout is a
 * RegistryUnavailableError (appmgr answers 503/6; the line itself is frozen meanwhile, see queue-lua.ts).
 */
import { randomBytes } from 'node:crypto';
import type { Redis } from 'ioredis';
import { registryKeys, type RegistryKeys } from './keys.js';
import { MAX_ATTEMPTS, MISSING_KEYS, script, type ScriptFn } from './lua-scripts.js';
import { enqueueScript, extendScript, headScript, pollScript, QUEUE_KEY_NAMES, queuedPickScript, tickScript } from './queue-lua.js';
import { RegistryUnavailableError } from './types.js';

export const TICKET_RE = /^[0-9a-f]{32}$/;

export interface RedisQueueOptions {
  prefix: string;
  appTtlMs: number;
  /** CLUSTER_CAPACITY: most places taken in the whole cluster; 0 = only the pods' capacities count. */
  clusterCapacity: number;
  /** QUEUE_TICKET_TTL_MS: a ticket not polled for this long loses its place. */
  ticketTtlMs: number;
  /** QUEUE_ADMIT_MS: how long an admission holds its place (and a poll answers 200). */
  admitMs: number;
  /** A gap without any queue script longer than this freezes the line for the gap (default 2000). */
  freezeMs?: number;
  /** Most admissions / expiries per tick (bounds one script's time; default 1000 each). */
  maxAdmitPerTick?: number;
  maxExpirePerTick?: number;
  /** Most polls in one script call (default 256). */
  maxPollBatch?: number;
}

/** `go`: a place was free and nobody waited — it is held for the player's AllocateGame like an admitted ticket's. */
export type EnqueueResult = { kind: 'go' } | { kind: 'queued'; ticket: string; position: number; etaS: number };
export type PollResult = { kind: 'admitted' } | { kind: 'wait'; position: number; etaS: number } | { kind: 'expired' } | { kind: 'gone' };

export interface TickResult {
  waiting: number;
  /** Places admitted tickets hold (not yet consumed by an AllocateGame nor lapsed). */
  held: number;
  /** Free places beyond the held ones (≤ 0: every free place is held). */
  available: number;
  /** Plain /login must wait: tickets wait, or every free place is held by admitted tickets. */
  blocksPlain: boolean;
  expired: number;
  /** Admissions per second over the last minute. */
  ratePerSec: number;
  /** Redis TIME of this tick (ms): waits are measured on Redis' clock, like the tickets' issue times. */
  nowMs: number;
  admitted: { ticket: string; bornMs: number }[];
}

/** Queue keys (all under the registry's hash tag). */
export function queueKeys(keys: RegistryKeys): string[] {
  return QUEUE_KEY_NAMES.map((n) => `${keys.tag}:queue:${n}`);
}

/** ETA in seconds from a rate in admissions per 1000 s; -1 = unknown (nobody was admitted in the last minute). */
export function etaSeconds(position: number, rateMilli: number): number {
  if (rateMilli <= 0) return -1;
  return Math.max(0, Math.ceil((position * 1000) / rateMilli));
}

export class RedisQueue {
  private readonly keys: RegistryKeys;
  private readonly fixed: string[];
  private readonly freezeMs: number;
  private readonly enqueueRun: ScriptFn;
  private readonly pollRun: ScriptFn;
  private readonly extendRun: ScriptFn;
  private readonly tickRun: ScriptFn;
  private readonly headRun: ScriptFn;
  /** App hashes / pending zsets learned from `missing` answers (a new pod costs one extra round trip, once). */
  private podKeys = new Set<string>();
  private polls: { ticket: string; resolve: (r: PollResult) => void; reject: (e: Error) => void }[] = [];
  private polling = false;

  constructor(
    private readonly redis: Redis,
    private readonly o: RedisQueueOptions,
  ) {
    this.keys = registryKeys(o.prefix);
    this.fixed = queueKeys(this.keys);
    this.freezeMs = o.freezeMs ?? 2000;
    this.enqueueRun = script(redis, enqueueScript);
    this.pollRun = script(redis, pollScript);
    this.extendRun = script(redis, extendScript);
    this.tickRun = script(redis, tickScript);
    this.headRun = script(redis, headScript);
  }

  /** The ScriptDef the game selector of AllocateGame runs (consumes held places; CLUSTER_CAPACITY). */
  /** The sorted set of places held for admitted tickets (new rooms do not take them). */
  get placesKey(): string {
    return this.fixed[5]!;
  }

  pickScriptDef() {
    return queuedPickScript({ placesKey: this.fixed[5]!, clockKey: this.fixed[7]!, appsKey: this.keys.apps, clusterCapacity: this.o.clusterCapacity, freezeMs: this.freezeMs });
  }

  private down(what: string, err?: unknown): never {
    throw new RegistryUnavailableError(`queue: cannot ${what}: redis unavailable`, { cause: err });
  }

  private ready(what: string): void {
    if (this.redis.status !== 'ready') this.down(what);
  }

  /** Runs a script that may ask for pod keys, declaring what it asks for and calling again. */
  private async withPodKeys(what: string, run: (keys: string[]) => Promise<unknown>): Promise<unknown[]> {
    this.ready(what);
    for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
      if (this.podKeys.size > 20_000) this.podKeys = new Set();
      let r: unknown;
      try {
        r = await run([...this.fixed, this.keys.apps, ...this.podKeys]);
      } catch (err) {
        this.down(what, err);
      }
      const reply = r as unknown[];
      if (!(Array.isArray(reply) && reply[0] === MISSING_KEYS)) return reply;
      for (const k of reply.slice(1) as string[]) this.podKeys.add(k);
    }
    throw new RegistryUnavailableError(`queue: cannot ${what}: the keys to declare kept changing`);
  }

  async enqueue(): Promise<EnqueueResult> {
    const ticket = randomBytes(16).toString('hex');
    const k = this.keys;
    const r = await this.withPodKeys('enqueue', (keys) => this.enqueueRun(keys.length, ...keys, ticket, this.freezeMs, this.o.clusterCapacity, k.appPrefix, k.pendingPrefix, this.o.appTtlMs, this.o.admitMs));
    if (r[0] === 'go') return { kind: 'go' };
    const position = Number(r[1]);
    return { kind: 'queued', ticket, position, etaS: etaSeconds(position, Number(r[2])) };
  }

  /**
   * A ticket's state. Concurrent polls are coalesced: while one script call is in flight the next ones wait and go
   * together (at most `maxPollBatch`), so a herd polling costs a few round trips, not one per request.
   */
  poll(ticket: string): Promise<PollResult> {
    if (!TICKET_RE.test(ticket)) return Promise.resolve({ kind: 'gone' });
    if (this.redis.status !== 'ready') return Promise.reject(new RegistryUnavailableError('queue: cannot poll: redis unavailable'));
    return new Promise((resolve, reject) => {
      this.polls.push({ ticket, resolve, reject });
      if (!this.polling) this.flushPolls();
    });
  }

  private flushPolls(): void {
    const batch = this.polls.splice(0, this.o.maxPollBatch ?? 256);
    if (batch.length === 0) return;
    this.polling = true;
    this.pollRun(...this.fixed, this.freezeMs, this.o.ticketTtlMs, ...batch.map((p) => p.ticket))
      .then(
        (reply) => {
          const r = reply as unknown[];
          batch.forEach((p, i) => {
            const kind = r[i * 3] as PollResult['kind'];
            if (kind === 'wait') {
              const position = Number(r[i * 3 + 1]);
              p.resolve({ kind, position, etaS: etaSeconds(position, Number(r[i * 3 + 2])) });
            } else p.resolve({ kind } as PollResult);
          });
        },
        (err: unknown) => {
          const e = new RegistryUnavailableError('queue: cannot poll: redis unavailable', { cause: err });
          for (const p of batch) p.reject(e);
        },
      )
      .finally(() => {
        this.polling = false;
        this.flushPolls();
      });
  }

  /** An admitted ticket found no login: it keeps its admission (and place) for another QUEUE_ADMIT_MS. */
  async extend(ticket: string): Promise<boolean> {
    this.ready('extend');
    try {
      return (await this.extendRun(...this.fixed, ticket, this.freezeMs, this.o.admitMs)) === 1;
    } catch (err) {
      this.down('extend', err);
    }
  }

  async tick(): Promise<TickResult> {
    const k = this.keys;
    const r = await this.withPodKeys('tick', (keys) =>
      this.tickRun(keys.length, ...keys, this.freezeMs, this.o.clusterCapacity, k.appPrefix, k.pendingPrefix, this.o.appTtlMs, this.o.ticketTtlMs, this.o.admitMs, this.o.maxAdmitPerTick ?? 1000, this.o.maxExpirePerTick ?? 1000),
    );
    const admitted: TickResult['admitted'] = [];
    for (let i = 7; i + 1 < r.length; i += 2) admitted.push({ ticket: String(r[i]), bornMs: Number(r[i + 1]) });
    return { waiting: Number(r[0]), held: Number(r[1]), available: Number(r[2]), blocksPlain: Number(r[3]) === 1, expired: Number(r[4]), ratePerSec: Number(r[5]) / 1000, nowMs: Number(r[6]), admitted };
  }

  /** The first `n` tickets of the line with their issue time (the admin page). */
  async head(n: number): Promise<{ ticket: string; bornMs: number }[]> {
    this.ready('read the line');
    let r: string[];
    try {
      r = (await this.headRun(this.fixed[0]!, this.fixed[1]!, this.fixed[2]!, n)) as string[];
    } catch (err) {
      this.down('read the line', err);
    }
    const out: { ticket: string; bornMs: number }[] = [];
    for (let i = 0; i + 1 < r.length; i += 2) out.push({ ticket: r[i]!, bornMs: Number(r[i + 1]) });
    return out;
  }
}

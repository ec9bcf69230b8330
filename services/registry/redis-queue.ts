/**
 * The cluster-wide admission queue over Redis (docs/queue.md): one FIFO line shared by every appmgr replica, kept
 * entirely in Redis (it survives appmgr restarts) and changed only by the atomic scripts of queue-lua.ts. `enqueue`
 * hands out a ticket (or says "go" when places are free and nobody waits: nothing is held then), `poll` answers a
 * ticket's position or, once admitted, its admission — the secret that alone consumes the places the ticket holds
 * (AllocateGame's queued pick, the room script) —, `tick` (every appmgr, every QUEUE_TICK_MS) expires unpolled
 * tickets and admits the head of the line into the places really free. Tickets and admissions are 128 bits from the
 * CSPRNG (32 hex chars). Every Redis failure or timeout is a RegistryUnavailableError (appmgr answers 503/6; the line
 * itself is frozen meanwhile, see queue-lua.ts).
 */
import { randomBytes } from 'node:crypto';
import type { Redis } from 'ioredis';
import { registryKeys, type RegistryKeys } from './keys.js';
import { MAX_ATTEMPTS, MISSING_KEYS, script, type ScriptFn } from './lua-scripts.js';
import { enqueueScript, extendScript, headScript, MAX_TICKET_PLACES, pollScript, QUEUE_KEY_NAMES, queuedPickScript, tickScript } from './queue-lua.js';
import { RegistryUnavailableError } from './types.js';

export const TICKET_RE = /^[0-9a-f]{32}$/;
/** An admission has the shape of a ticket (and is never one: both are fresh random bits). */
export const ADMISSION_RE = TICKET_RE;

export interface RedisQueueOptions {
  prefix: string;
  appTtlMs: number;
  /** CLUSTER_CAPACITY: most places taken in the whole cluster; 0 = only the pods' capacities count. */
  clusterCapacity: number;
  /** QUEUE_TICKET_TTL_MS: a ticket not polled for this long loses its place. */
  ticketTtlMs: number;
  /** QUEUE_ADMIT_MS: how long an admission holds its places (and a poll answers 200). */
  admitMs: number;
  /** QUEUE_TICKETS_PER_IP: live tickets per client address key (0 = no bound). */
  ticketsPerIp?: number;
  /** QUEUE_MAX: most tickets waiting (0 = no bound). */
  maxLength?: number;
  /** A gap without any queue script longer than this freezes the line for the gap (default 2000). */
  freezeMs?: number;
  /** Most admissions / expiries per tick (bounds one script's time; default 1000 each). */
  maxAdmitPerTick?: number;
  maxExpirePerTick?: number;
  /** Most polls in one script call (default 256). */
  maxPollBatch?: number;
  /**
   * Whether only an admission consumes a held place, and AllocateGame without one waits for the line (default: always;
   * appmgr: once every live login pod publishes the `admission` capability).
   */
  enforceAdmission?: () => boolean;
}

/** Why a `?queue=1` got no ticket (gamecluster_queue_refused_total{reason}). */
export type QueueRefusal = 'tickets_per_ip' | 'queue_max';

/** `go`: places were free and nobody waited — the player goes straight to a login, holding nothing. */
export type EnqueueResult =
  | { kind: 'go' }
  | { kind: 'queued'; ticket: string; position: number; etaS: number; retryAfterS: number }
  | { kind: 'refused'; reason: QueueRefusal };
/** `early`: the poll came before 80 % of the Retry-After the ticket was last given (it is charged to the rate limit). */
export type PollResult =
  | { kind: 'admitted'; admission: string; early: boolean }
  | { kind: 'wait'; position: number; etaS: number; retryAfterS: number; early: boolean }
  | { kind: 'expired' }
  | { kind: 'gone' };

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

const key = (name: (typeof QUEUE_KEY_NAMES)[number]) => QUEUE_KEY_NAMES.indexOf(name);

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

  /** The queue keys the room script needs: places admitted tickets hold, the line, admissions, the clock. */
  get roomKeys(): { placesKey: string; lineKey: string; admKey: string; clockKey: string; freezeMs: number } {
    const f = this.fixed;
    return { placesKey: f[key('places')]!, lineKey: f[key('line')]!, admKey: f[key('adm')]!, clockKey: f[key('clock')]!, freezeMs: this.freezeMs };
  }

  /** Whether only an admission consumes a held place (see RedisQueueOptions.enforceAdmission). */
  enforced(): boolean {
    return this.o.enforceAdmission ? this.o.enforceAdmission() : true;
  }

  /** The ScriptDef the game selector of AllocateGame runs (held places, admissions, the line, CLUSTER_CAPACITY). */
  pickScriptDef() {
    const r = this.roomKeys;
    return queuedPickScript({ ...r, appsKey: this.keys.apps, clusterCapacity: this.o.clusterCapacity, enforce: () => this.enforced() });
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

  /**
   * `places`: how many places the player waits for (a room's host: his room's size; 1..MAX_TICKET_PLACES).
   * `address`: the client's address key (platform/address-key.ts), counted against QUEUE_TICKETS_PER_IP.
   */
  async enqueue(places = 1, address = ''): Promise<EnqueueResult> {
    const ticket = randomBytes(16).toString('hex');
    const k = this.keys;
    const n = Math.min(MAX_TICKET_PLACES, Math.max(1, Math.trunc(places) || 1));
    // The address key goes into a space-separated field: no spaces (a key never has any; '-' stands for none).
    const addr = address.replace(/\s/g, '') || '-';
    const r = await this.withPodKeys('enqueue', (keys) =>
      this.enqueueRun(keys.length, ...keys, ticket, this.freezeMs, this.o.clusterCapacity, k.appPrefix, k.pendingPrefix, this.o.appTtlMs, n, addr, this.o.ticketsPerIp ?? 0, this.o.maxLength ?? 0),
    );
    if (r[0] === 'go') return { kind: 'go' };
    if (r[0] === 'refused') return { kind: 'refused', reason: String(r[1]) as QueueRefusal };
    return { kind: 'queued', ticket, position: Number(r[1]), etaS: Number(r[2]), retryAfterS: Number(r[3]) };
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
    // A fresh admission per ticket: used only by a ticket admitted and polled for the first time (the script keeps it).
    const fresh = randomBytes(16 * batch.length).toString('hex');
    const args: string[] = [];
    batch.forEach((p, i) => args.push(p.ticket, fresh.slice(i * 32, i * 32 + 32)));
    this.pollRun(...this.fixed, this.freezeMs, this.o.ticketTtlMs, ...args)
      .then(
        (reply) => {
          const r = reply as unknown[];
          batch.forEach((p, i) => {
            const [kind, position, eta, ra, early, admission] = r.slice(i * 6, i * 6 + 6);
            if (kind === 'wait') p.resolve({ kind, position: Number(position), etaS: Number(eta), retryAfterS: Number(ra), early: Number(early) === 1 });
            else if (kind === 'admitted') p.resolve({ kind, admission: String(admission), early: Number(early) === 1 });
            else p.resolve({ kind: kind === 'expired' ? 'expired' : 'gone' });
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

  /** An admitted ticket found no login: it keeps its admission (and places) for another QUEUE_ADMIT_MS. */
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

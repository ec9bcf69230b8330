/**
 * The admission queue's branches of `GET /login` (docs/queue.md), wrapped around the plain handler:
 * - `?ticket=<hex>`: a poll — 202 with position, ETA and Retry-After while waiting; once admitted 200 with a login and
 *   the ticket's `admission` (an admitted ticket with no login available stays 202 at position 0 and keeps its
 *   admission); unknown or expired 410/5. A poll earlier than the Retry-After it was given (less 20 %) is charged to
 *   LOGIN_RATE_PER_IP — this replica's memory of its own answers (early-polls.ts) charges it before any Redis call,
 *   Redis' answer charges the rest —, a poll on time is free; an unknown ticket is always charged. Past the budget: 429.
 * - `?queue=1[&places=N]`: rate limited as a `/login`; a login is picked first (login tier full → 503/4 with
 *   Retry-After, no ticket); then the line decides: N places free and nobody waiting → 200 with that login, holding
 *   nothing; else 202 with a ticket at the back of the line — unless the client's address already holds
 *   QUEUE_TICKETS_PER_IP live tickets (429/6) or the line is QUEUE_MAX long (503/4).
 * - plain: 503/4 while the line blocks plain logins (tickets wait, or every free place is held for admitted
 *   tickets), else unchanged.
 * Redis down or silent: the line is frozen and both queue branches answer 503/6.
 */
import type { FastifyReply, FastifyRequest } from 'fastify';
import { addressKey } from '../platform/address-key.js';
import { ReturnCode } from '../protocol/wire.js';
import type { PickResult } from '../registry/types.js';
import type { AdmissionQueue } from './admission-queue.js';
import { EarlyPolls } from './early-polls.js';
import type { AddressRateLimiter } from '../platform/address-rate-limit.js';
import type { AppmgrMetrics } from './metrics.js';
import type { Logger } from '../platform/logger.js';

type Handler = (req: FastifyRequest, reply: FastifyReply) => void;

export interface QueueHttpDeps {
  queue: AdmissionQueue;
  /** The login choice (the same as plain /login's; the transport filter, if any, is the caller's). */
  pickLogin: (req: FastifyRequest, done: (r: PickResult) => void) => void;
  metrics: AppmgrMetrics;
  logger: Logger;
  limiter?: AddressRateLimiter | undefined;
}

const loginKeys = { returncode: { type: 'integer' }, ip: { type: 'string' }, port: { type: 'integer' } } as const;

/** The 202 body: the login keys plus the ticket, its position and ETA (-1 = not known yet). */
export const queuedBody = {
  type: 'object',
  properties: { ...loginKeys, ticket: { type: 'string' }, position: { type: 'integer' }, eta_s: { type: 'integer' } },
  required: ['returncode', 'ip', 'port', 'ticket', 'position', 'eta_s'],
  additionalProperties: false,
} as const;

/** The 200 body: a login, and for an admitted ticket its `admission` (the player's, carried by his EnterGame). */
export const loginOkBody = {
  type: 'object',
  properties: { ...loginKeys, admission: { type: 'string' } },
  required: ['returncode', 'ip', 'port'],
  additionalProperties: false,
} as const;

/** Retry-After of a refused `?queue=1` (per-address tickets, a full line): try again later, not at once. */
const REFUSED_RETRY_S = '5';

const NO_APP = { returncode: ReturnCode.NO_APP, ip: '', port: 0 };
const BUSY = { returncode: ReturnCode.BUSY, ip: '', port: 0 };
const GONE = { returncode: ReturnCode.TOKEN_INVALID, ip: '', port: 0 };

/** `?places=N` as asked: a positive integer, else 1 (AdmissionQueue.enqueue clamps it to the largest room). */
export function placesOf(v: unknown): number {
  const n = typeof v === 'string' && /^\d{1,7}$/.test(v) ? Number(v) : 1;
  return n >= 1 ? n : 1;
}

export function withQueue(plain: Handler, d: QueueHttpDeps): Handler {
  const counted = {
    ok: d.metrics.requests.labels('login', 'ok'),
    queued: d.metrics.requests.labels('login', 'queued'),
    no_app: d.metrics.requests.labels('login', 'no_app'),
    redis_down: d.metrics.requests.labels('login', 'redis_down'),
    ticket_gone: d.metrics.requests.labels('login', 'ticket_gone'),
  };
  const refused = {
    early_poll: d.metrics.queueRefused.labels('early_poll'),
  };
  const earlyPolls = new EarlyPolls();
  const busy = (reply: FastifyReply) => {
    counted.redis_down.inc();
    reply.code(503).header('retry-after', '1').send(BUSY);
  };
  const noApp = (reply: FastifyReply) => {
    counted.no_app.inc();
    reply.code(503).header('retry-after', '1').send(NO_APP);
  };
  const limited = (reply: FastifyReply) => {
    d.metrics.loginRateLimited.inc();
    reply.code(429).header('retry-after', '1').send(BUSY);
  };
  const waiting = (reply: FastifyReply, ticket: string, position: number, etaS: number, retryAfterS: number) => {
    counted.queued.inc();
    earlyPolls.answered(ticket, retryAfterS);
    reply.code(202).header('retry-after', String(retryAfterS)).send({ returncode: ReturnCode.QUEUED, ip: '', port: 0, ticket, position, eta_s: etaS });
  };
  const login = (reply: FastifyReply, r: Extract<PickResult, { ok: true }>, admission?: string) => {
    counted.ok.inc();
    reply.code(200).send(admission ? { returncode: ReturnCode.OK, ip: r.app.ip, port: r.app.port, admission } : { returncode: ReturnCode.OK, ip: r.app.ip, port: r.app.port });
  };
  // Any failure left is a RegistryUnavailableError (Redis down or silent) or a bug: both owe an answer, 503/6.
  const failed = (reply: FastifyReply, err: unknown) => {
    if ((err as { code?: string }).code !== 'REGISTRY_UNAVAILABLE') d.logger.error({ err }, 'queue: request failed');
    if (!reply.sent) busy(reply);
  };

  const poll = (req: FastifyRequest, reply: FastifyReply, ticket: string) => {
    // Early as far as this replica knows: charged now, and refused without a Redis call once the budget is spent.
    let charged = false;
    if (d.limiter && earlyPolls.early(ticket)) {
      charged = true;
      if (!d.limiter.take(req.ip)) {
        refused.early_poll.inc();
        return limited(reply);
      }
    }
    /** Charges this poll once (an early poll, or an unknown ticket); false: over the budget, 429 sent. */
    const charge = (early: boolean): boolean => {
      if (!d.limiter || charged) return true;
      charged = true;
      if (d.limiter.take(req.ip)) return true;
      if (early) refused.early_poll.inc();
      limited(reply);
      return false;
    };
    d.queue.poll(ticket).then((p) => {
      if (p.kind === 'wait') {
        if (p.early && !charge(true)) return;
        return waiting(reply, ticket, p.position, p.etaS, p.retryAfterS);
      }
      if (p.kind === 'admitted') {
        if (p.early && !charge(true)) return;
        return d.pickLogin(req, (r) => {
          if (r.ok) {
            earlyPolls.answered(ticket, 1);
            return login(reply, r, p.admission);
          }
          if (r.reason === 'redis_down') return busy(reply);
          // No login right now: the ticket keeps its admission and polls again soon.
          d.queue.extend(ticket).then(() => waiting(reply, ticket, 0, 0, 1), (err: unknown) => failed(reply, err));
        });
      }
      earlyPolls.forget(ticket);
      if (!charge(false)) return;
      counted.ticket_gone.inc();
      reply.code(410).send(GONE);
    }, (err: unknown) => failed(reply, err));
  };

  const join = (req: FastifyRequest, reply: FastifyReply, places: number) => {
    d.pickLogin(req, (r) => {
      if (!r.ok) return r.reason === 'no_app' ? noApp(reply) : busy(reply);
      d.queue.enqueue(places, addressKey(req.ip)).then((e) => {
        if (e.kind === 'go') return login(reply, r);
        if (e.kind === 'queued') return waiting(reply, e.ticket, e.position, e.etaS, e.retryAfterS);
        // Refused by an abuse limit: this address holds its tickets (429/6), or the line is at its length (503/4).
        if (e.reason === 'tickets_per_ip') return void reply.code(429).header('retry-after', REFUSED_RETRY_S).send(BUSY);
        counted.no_app.inc();
        reply.code(503).header('retry-after', REFUSED_RETRY_S).send(NO_APP);
      }, (err: unknown) => failed(reply, err));
    });
  };

  return (req, reply) => {
    const q = req.query as Record<string, unknown> | undefined;
    const ticket = q?.ticket;
    if (ticket !== undefined) return poll(req, reply, typeof ticket === 'string' ? ticket : '');
    if (q?.queue === '1' || q?.queue === 'true') {
      if (d.limiter && !d.limiter.take(req.ip)) return limited(reply);
      return join(req, reply, placesOf(q.places));
    }
    if (d.queue.blocksPlain) return noApp(reply);
    plain(req, reply);
  };
}

/**
 * The admission queue's branches of `GET /login` (docs/queue.md), wrapped around the plain handler:
 * - `?ticket=<hex>`: a poll — 202 with position and ETA while waiting; once admitted 200 with a login (an admitted
 *   ticket with no login available stays 202 at position 0 and keeps its admission); unknown or expired 410/5. Polls
 *   of a live ticket are exempt from LOGIN_RATE_PER_IP; an unknown ticket is charged (so made-up tickets cannot
 *   bypass the limit).
 * - `?queue=1`: a login is picked first (login tier full → 503/4 with Retry-After, no ticket); then the line decides:
 *   a place free and nobody waiting → 200 with that login, else 202 with a ticket at the back of the line.
 * - plain: 503/4 while the line blocks plain logins (tickets wait, or every free place is held for admitted
 *   tickets), else unchanged.
 * Redis down or silent: the line is frozen and both queue branches answer 503/6.
 */
import type { FastifyReply, FastifyRequest } from 'fastify';
import { ReturnCode } from '../protocol/wire.js';
import type { PickResult } from '../registry/types.js';
import { retryAfterSeconds, type AdmissionQueue } from './admission-queue.js';
import type { LoginRateLimiter } from './login-rate-limit.js';
import type { AppmgrMetrics } from './metrics.js';
import type { Logger } from '../platform/logger.js';

type Handler = (req: FastifyRequest, reply: FastifyReply) => void;

export interface QueueHttpDeps {
  queue: AdmissionQueue;
  /** The login choice (the same as plain /login's; the transport filter, if any, is the caller's). */
  pickLogin: (req: FastifyRequest, done: (r: PickResult) => void) => void;
  metrics: AppmgrMetrics;
  logger: Logger;
  limiter?: LoginRateLimiter | undefined;
}

const loginKeys = { returncode: { type: 'integer' }, ip: { type: 'string' }, port: { type: 'integer' } } as const;

/** The 202 body: the login keys plus the ticket, its position and ETA (-1 = not known yet). */
export const queuedBody = {
  type: 'object',
  properties: { ...loginKeys, ticket: { type: 'string' }, position: { type: 'integer' }, eta_s: { type: 'integer' } },
  required: ['returncode', 'ip', 'port', 'ticket', 'position', 'eta_s'],
  additionalProperties: false,
} as const;

const NO_APP = { returncode: ReturnCode.NO_APP, ip: '', port: 0 };
const BUSY = { returncode: ReturnCode.BUSY, ip: '', port: 0 };
const GONE = { returncode: ReturnCode.TOKEN_INVALID, ip: '', port: 0 };

export function withQueue(plain: Handler, d: QueueHttpDeps): Handler {
  const counted = {
    ok: d.metrics.requests.labels('login', 'ok'),
    queued: d.metrics.requests.labels('login', 'queued'),
    no_app: d.metrics.requests.labels('login', 'no_app'),
    redis_down: d.metrics.requests.labels('login', 'redis_down'),
    ticket_gone: d.metrics.requests.labels('login', 'ticket_gone'),
  };
  const busy = (reply: FastifyReply) => {
    counted.redis_down.inc();
    reply.code(503).header('retry-after', '1').send(BUSY);
  };
  const noApp = (reply: FastifyReply) => {
    counted.no_app.inc();
    reply.code(503).header('retry-after', '1').send(NO_APP);
  };
  const waiting = (reply: FastifyReply, ticket: string, position: number, etaS: number) => {
    counted.queued.inc();
    reply.code(202).header('retry-after', String(retryAfterSeconds(position, etaS))).send({ returncode: ReturnCode.QUEUED, ip: '', port: 0, ticket, position, eta_s: etaS });
  };
  const login = (reply: FastifyReply, r: Extract<PickResult, { ok: true }>) => {
    counted.ok.inc();
    reply.code(200).send({ returncode: ReturnCode.OK, ip: r.app.ip, port: r.app.port });
  };
  // Any failure left is a RegistryUnavailableError (Redis down or silent) or a bug: both owe an answer, 503/6.
  const failed = (reply: FastifyReply, err: unknown) => {
    if ((err as { code?: string }).code !== 'REGISTRY_UNAVAILABLE') d.logger.error({ err }, 'queue: request failed');
    if (!reply.sent) busy(reply);
  };

  const poll = (req: FastifyRequest, reply: FastifyReply, ticket: string) => {
    d.queue.poll(ticket).then((p) => {
      if (p.kind === 'wait') return waiting(reply, ticket, p.position, p.etaS);
      if (p.kind === 'admitted') {
        return d.pickLogin(req, (r) => {
          if (r.ok) return login(reply, r);
          if (r.reason === 'redis_down') return busy(reply);
          // No login right now: the ticket keeps its admission and polls again soon.
          d.queue.extend(ticket).then(() => waiting(reply, ticket, 0, 0), (err: unknown) => failed(reply, err));
        });
      }
      if (d.limiter && !d.limiter.take(req.ip)) {
        d.metrics.loginRateLimited.inc();
        return reply.code(429).header('retry-after', '1').send(BUSY);
      }
      counted.ticket_gone.inc();
      reply.code(410).send(GONE);
    }, (err: unknown) => failed(reply, err));
  };

  const join = (req: FastifyRequest, reply: FastifyReply) => {
    d.pickLogin(req, (r) => {
      if (!r.ok) return r.reason === 'no_app' ? noApp(reply) : busy(reply);
      d.queue.enqueue().then((e) => (e.kind === 'go' ? login(reply, r) : waiting(reply, e.ticket, e.position, e.etaS)), (err: unknown) => failed(reply, err));
    });
  };

  return (req, reply) => {
    const q = req.query as Record<string, unknown> | undefined;
    const ticket = q?.ticket;
    if (ticket !== undefined) return poll(req, reply, typeof ticket === 'string' ? ticket : '');
    if (q?.queue === '1' || q?.queue === 'true') {
      if (d.limiter && !d.limiter.take(req.ip)) {
        d.metrics.loginRateLimited.inc();
        return reply.code(429).header('retry-after', '1').send(BUSY);
      }
      return join(req, reply);
    }
    if (d.queue.blocksPlain) return noApp(reply);
    plain(req, reply);
  };
}

/**
 * appmgr's public HTTP port (`HTTP_PORT`) on fastify 5: `GET /login` (the contract: body exactly {returncode, ip,
 * port}) and the probes `/healthz` `/readyz` — nothing else (every operator route is on the admin port,
 * admin-server.ts; anything else answers 404 JSON). Every route has a response schema (compiled serializers),
 * fastify's logger is off (the hot path stays lean; errors go to our pino once).
 * With `LOGIN_RATE_PER_IP` > 0 a per-address token bucket answers 429/returncode 6 with `Retry-After: 1` past the
 * rate; with it off the /login handler is the unwrapped one (no per-request work at all). The client address is the
 * TCP peer, or — with `TRUST_PROXY` — the X-Forwarded-For entry added by the last untrusted hop (fastify/proxy-addr).
 * `?transport=ws` answers a login's WebSocket port instead, chosen among the logins that have one (same pick, same
 * bump). Browsers on other origins may call it: `CORS_ORIGINS` (cors.ts: no credentials, Retry-After exposed).
 * Every /login answer is `Cache-Control: no-store`.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Counter } from 'prom-client';
import { HotCounter, HotHistogram } from '../platform/hot-metrics.js';
import type { Logger } from '../platform/logger.js';
import { ReturnCode } from '../protocol/wire.js';
import { MODE_RE } from '../registry/room-id.js';
import type { AppRecord, PickResult } from '../registry/types.js';
import type { FallbackSelector } from './fallback-selector.js';
import { CorsPolicy } from './cors.js';
import { addFallbacks, addProbes, createFastify } from './http-common.js';
import type { AddressRateLimiter } from '../platform/address-rate-limit.js';
import type { AppmgrMetrics } from './metrics.js';
import type { AdmissionQueue } from './admission-queue.js';
import { loginOkBody, queuedBody, withQueue } from './queue-http.js';
import type { RoomsSnapshot } from './rooms-snapshot.js';
import type { RoomAllocator } from '../registry/types.js';

export interface HttpDeps {
  selector: FallbackSelector;
  metrics: AppmgrMetrics;
  logger: Logger;
  /** Readiness: listening, first registry read done, not shutting down. */
  ready: () => true | string;
  /** Set when LOGIN_RATE_PER_IP > 0. */
  limiter?: AddressRateLimiter | undefined;
  /** TRUST_PROXY: the proxies whose X-Forwarded-For is believed. */
  trustProxy?: string[] | undefined;
  /** The admission queue (queue-http.ts adds its branches of /login). */
  queue?: AdmissionQueue | undefined;
  /** CORS_ORIGINS: `*`, exact origins, or `none`/undefined (no CORS headers). Public port only. */
  corsOrigins?: '*' | 'none' | string[] | undefined;
  /** Rooms (docs/rooms.md): `GET /rooms` from this snapshot, and `GET /login?room=<id>` past the queue. */
  rooms?: { snapshot: RoomsSnapshot; allocator: RoomAllocator } | undefined;
}

const loginBody = {
  type: 'object',
  properties: { returncode: { type: 'integer' }, ip: { type: 'string' }, port: { type: 'integer' } },
  required: ['returncode', 'ip', 'port'],
  additionalProperties: false,
} as const;

const KNOWN = new Set(['/login', '/rooms', '/healthz', '/readyz']);

const roomsBody = {
  type: 'object',
  properties: {
    rooms: {
      type: 'array',
      items: {
        type: 'object',
        properties: { room_id: { type: 'string' }, mode: { type: 'string' }, players: { type: 'integer' }, max_players: { type: 'integer' }, labels: { type: 'object', additionalProperties: { type: 'string' } } },
        required: ['room_id', 'mode', 'players', 'max_players', 'labels'],
      },
    },
  },
  required: ['rooms'],
} as const;

/**
 * The operator's JSON view of one pod (GET /apps); `ws_port` 0 when the pod has no WebSocket port; `modes` the room
 * modes a game pod's module declares (with each mode's `max_players`) and `rooms` the rooms it hosts, as of its last
 * heartbeat (`[]` and 0 for a pod without rooms).
 */
export function toAppJson(a: AppRecord) {
  return {
    app_id: a.appId, app_type: a.appType, online: a.online, ip: a.ip, port: a.port, ws_port: a.wsPort ?? 0, state: a.state, last_seen_ms: a.tsMs, capacity: a.capacity,
    modes: (a.modes ?? []).map((m) => ({ mode: m.mode, max_players: m.maxPlayers })), rooms: a.rooms ?? 0,
  };
}

export function createHttpServer(d: HttpDeps): FastifyInstance {
  const app = createFastify(d.trustProxy ? { trustProxy: d.trustProxy } : {});
  const cors = d.corsOrigins && d.corsOrigins !== 'none' ? new CorsPolicy(d.corsOrigins) : undefined;

  const noApp = { returncode: ReturnCode.NO_APP, ip: '', port: 0 };
  const busy = { returncode: ReturnCode.BUSY, ip: '', port: 0 };

  // Plain-number tallies added to prom-client when read (platform/hot-metrics.ts): no label work per request.
  const selectTimer = new HotHistogram(d.metrics.selectSeconds, { app_type: 'login' });
  const counted = {
    ok: new HotCounter(d.metrics.requests, { route: 'login', result: 'ok' }),
    cache: new HotCounter(d.metrics.requests, { route: 'login', result: 'cache' }),
    no_app: new HotCounter(d.metrics.requests, { route: 'login', result: 'no_app' }),
    redis_down: new HotCounter(d.metrics.requests, { route: 'login', result: 'redis_down' }),
  };
  // A plain (non-async) handler answering from the selector's callback: no promise per request on the hot path.
  const login = (req: FastifyRequest, reply: FastifyReply) => {
    const t0 = performance.now();
    // Any other transport value (or none) is TCP: the contract's only variant is `ws`.
    const ws = (req.query as { transport?: unknown }).transport === 'ws';
    d.selector.pickWith('login', (r, source) => {
      try {
        selectTimer.observe((performance.now() - t0) / 1000);
        if (r.ok) {
          counted[source === 'cache' ? 'cache' : 'ok'].inc();
          reply.code(200).send({ returncode: ReturnCode.OK, ip: r.app.ip, port: ws ? (r.app.wsPort ?? 0) : r.app.port });
          return;
        }
        counted[r.reason].inc();
        reply.code(503).header('retry-after', '1').send(r.reason === 'no_app' ? noApp : busy);
      } catch (err) {
        // Not expected; but a reply is owed: the error handler logs it once and answers 500 JSON.
        reply.send(err);
      }
    }, ws ? 'ws' : 'tcp');
  };
  // The queue's login choice: the same transport rule as plain /login (a WebSocket client gets the login's ws port).
  const pickLogin = (req: FastifyRequest, done: (r: PickResult) => void) => {
    const ws = (req.query as { transport?: unknown }).transport === 'ws';
    d.selector.pickWith('login', (r) => done(r.ok && ws ? { ok: true, app: { ...r.app, port: r.app.wsPort ?? 0 } } : r), ws ? 'ws' : 'tcp');
  };
  const schema = { response: { 200: d.queue ? loginOkBody : loginBody, 202: queuedBody, 410: loginBody, 429: loginBody, 503: loginBody } };
  const plain = d.limiter ? limited(login, d.limiter, d.metrics.loginRateLimited, busy) : login;
  const route = d.queue ? withQueue(plain, { queue: d.queue, pickLogin: (req, done) => pickLogin(req, done), metrics: d.metrics, logger: d.logger, limiter: d.limiter }) : plain;
  // A friend's way past the line (docs/rooms.md): `?room=<id>` reads that one room (counted in LOGIN_RATE_PER_IP) and,
  // when it is open with a free seat, answers a login at once whatever the line; otherwise as without `room`.
  const rooms = d.rooms;
  const withRoom = rooms
    ? (req: FastifyRequest, reply: FastifyReply) => {
        const id = (req.query as { room?: unknown }).room;
        if (typeof id !== 'string' || id === '') return route(req, reply);
        if (d.limiter && !d.limiter.take(req.ip)) {
          d.metrics.loginRateLimited.inc();
          return void reply.code(429).header('retry-after', '1').send(busy);
        }
        rooms.allocator.peek(id).then(
          (r) => (r?.open ? login(req, reply) : route(req, reply)),
          () => route(req, reply),
        );
      }
    : route;
  // Set first, so every answer of /login (200, 202, 410, 429, 503) carries them: CORS headers, and `no-store` (an
  // answer names a login, a ticket or an admission for this client now; no cache or proxy may keep or replay it).
  const noStore = (reply: FastifyReply) => reply.header('cache-control', 'no-store');
  app.get('/login', { schema }, cors ? (req, reply) => (noStore(reply), cors.apply(req, reply), withRoom(req, reply)) : (req, reply) => (noStore(reply), withRoom(req, reply)));
  cors?.addPreflight(app, '/login');
  if (rooms) {
    // The public room list, from appmgr's snapshot (no Redis read per request).
    app.get('/rooms', { schema: { response: { 200: roomsBody, 400: { type: 'object', properties: { error: { type: 'string' } } }, 429: loginBody } } }, (req, reply) => {
      cors?.apply(req, reply);
      reply.header('cache-control', 'no-store');
      if (d.limiter && !d.limiter.take(req.ip)) {
        d.metrics.loginRateLimited.inc();
        return void reply.code(429).header('retry-after', '1').send(busy);
      }
      const q = req.query as Record<string, unknown>;
      const mode = typeof q.mode === 'string' ? q.mode : '';
      const limit = q.limit === undefined ? 50 : Number(q.limit);
      if (!MODE_RE.test(mode) || !Number.isInteger(limit) || limit < 1 || limit > 1000) {
        return void reply.code(400).send({ error: 'expected ?mode=<[a-z0-9_-]{1,32}>[&label.<key>=<value>…][&limit=1..1000]' });
      }
      const labels: Record<string, string> = {};
      for (const [k, v] of Object.entries(q)) if (k.startsWith('label.') && typeof v === 'string') labels[k.slice(6)] = v;
      reply.send({ rooms: rooms.snapshot.list(mode, labels, limit) });
    });
  }

  addProbes(app, d.ready);
  addFallbacks(app, KNOWN, d.logger, 'public');
  return app;
}

function limited(handler: (req: FastifyRequest, reply: FastifyReply) => void, limiter: AddressRateLimiter, counter: Counter, body: object) {
  return (req: FastifyRequest, reply: FastifyReply) => {
    // req.ip: the TCP peer, or with trustProxy the first address from the right not in TRUST_PROXY.
    if (limiter.take(req.ip)) return handler(req, reply);
    counter.inc();
    reply.code(429).header('retry-after', '1').send(body);
  };
}

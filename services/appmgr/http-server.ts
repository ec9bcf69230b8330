/**
 * appmgr's HTTP API on fastify 5: `GET /login` (the contract: body exactly {returncode, ip, port}), `/apps`,
 * `/status`, `/healthz`, `/readyz`, `/metrics` and the live page `/`. Every route has a response schema (compiled
 * serializers), fastify's own logger is off (the hot path stays lean; errors go to our pino once), unknown routes
 * and wrong methods answer JSON 404/405, and oversized URLs/headers are refused by Node/fastify with a JSON 4xx.
 */
import Fastify, { type FastifyInstance } from 'fastify';
import type { Logger } from '../platform/logger.js';
import { ReturnCode } from '../protocol/wire.js';
import type { AppDirectory, AppRecord } from '../registry/types.js';
import type { AppSnapshot } from './app-snapshot.js';
import type { FallbackSelector } from './fallback-selector.js';
import { livePageHtml } from './live-page.js';
import type { AppmgrMetrics } from './metrics.js';

export interface HttpDeps {
  selector: FallbackSelector;
  directory: AppDirectory;
  snapshot: AppSnapshot;
  metrics: AppmgrMetrics;
  logger: Logger;
  version: string;
  redisUp: () => boolean;
  /** Readiness: listening, first registry read done, not shutting down. */
  ready: () => true | string;
}

const loginBody = {
  type: 'object',
  properties: { returncode: { type: 'integer' }, ip: { type: 'string' }, port: { type: 'integer' } },
  required: ['returncode', 'ip', 'port'],
  additionalProperties: false,
} as const;


const appBody = {
  type: 'object',
  properties: {
    app_id: { type: 'string' },
    app_type: { type: 'string' },
    online: { type: 'integer' },
    ip: { type: 'string' },
    port: { type: 'integer' },
    state: { type: 'string' },
    last_seen_ms: { type: 'integer' },
    capacity: { type: 'integer' },
  },
  required: ['app_id', 'app_type', 'online', 'ip', 'port', 'state', 'last_seen_ms', 'capacity'],
} as const;

const statusBody = { type: 'object', properties: { status: { type: 'string' }, reason: { type: 'string' } } } as const;

const KNOWN = new Set(['/', '/login', '/apps', '/status', '/healthz', '/readyz', '/metrics']);

export function toAppJson(a: AppRecord) {
  return { app_id: a.appId, app_type: a.appType, online: a.online, ip: a.ip, port: a.port, state: a.state, last_seen_ms: a.tsMs, capacity: a.capacity };
}

export function createHttpServer(d: HttpDeps): FastifyInstance {
  const app = Fastify({
    logger: false,
    routerOptions: { maxParamLength: 200 },
    bodyLimit: 16 * 1024,
    keepAliveTimeout: 65_000,
    requestTimeout: 30_000,
    return503OnClosing: true,
    forceCloseConnections: 'idle',
  });

  const noApp = { returncode: ReturnCode.NO_APP, ip: '', port: 0 };
  const busy = { returncode: ReturnCode.BUSY, ip: '', port: 0 };

  // Labelled children bound once: the hot path does no label hashing.
  const selectTimer = d.metrics.selectSeconds.labels('login');
  const counted = {
    ok: d.metrics.requests.labels('login', 'ok'),
    cache: d.metrics.requests.labels('login', 'cache'),
    no_app: d.metrics.requests.labels('login', 'no_app'),
    redis_down: d.metrics.requests.labels('login', 'redis_down'),
  };
  // A plain (non-async) handler answering from the selector's callback: no promise per request on the hot path.
  app.get('/login', { schema: { response: { 200: loginBody, 503: loginBody } } }, (_req, reply) => {
    const t0 = performance.now();
    d.selector.pickWith('login', (r, source) => {
      try {
        selectTimer.observe((performance.now() - t0) / 1000);
        if (r.ok) {
          counted[source === 'cache' ? 'cache' : 'ok'].inc();
          reply.code(200).send({ returncode: ReturnCode.OK, ip: r.app.ip, port: r.app.port });
          return;
        }
        counted[r.reason].inc();
        reply.code(503).header('retry-after', '1').send(r.reason === 'no_app' ? noApp : busy);
      } catch (err) {
        // Not expected; but a reply is owed: the error handler logs it once and answers 500 JSON.
        reply.send(err);
      }
    });
  });

  app.get('/apps', { schema: { response: { 200: { type: 'object', properties: { apps: { type: 'array', items: appBody } }, required: ['apps'] } } } }, async () => {
    let apps: AppRecord[];
    try {
      apps = await d.directory.list();
      d.snapshot.replace(apps);
    } catch {
      apps = d.snapshot.list(); // Redis down: the last known state is more useful to an operator than an error
    }
    return { apps: apps.map(toAppJson) };
  });

  app.get(
    '/status',
    {
      schema: {
        response: {
          200: {
            type: 'object',
            properties: {
              redis: { type: 'string' },
              apps: { type: 'object', properties: { login: { type: 'integer' }, game: { type: 'integer' } } },
              version: { type: 'string' },
            },
          },
        },
      },
    },
    async () => ({ redis: d.redisUp() ? 'up' : 'down', apps: d.snapshot.counts(), version: d.version }),
  );

  app.get('/healthz', { schema: { response: { 200: statusBody } } }, async () => ({ status: 'ok' }));

  app.get('/readyz', { schema: { response: { 200: statusBody, 503: statusBody } } }, async (_req, reply) => {
    const r = d.ready();
    return r === true ? reply.code(200).send({ status: 'ready' }) : reply.code(503).send({ status: 'not_ready', reason: r });
  });

  app.get('/metrics', async (_req, reply) => {
    const text = await d.metrics.registry.metrics();
    return reply.code(200).header('content-type', d.metrics.registry.contentType).send(text);
  });

  app.get('/', async (_req, reply) => reply.code(200).header('content-type', 'text/html; charset=utf-8').send(livePageHtml));

  app.setNotFoundHandler((req, reply) => {
    const path = req.url.split('?', 1)[0]!;
    if (KNOWN.has(path)) {
      return reply.code(405).header('allow', 'GET, HEAD').send({ error: 'Method Not Allowed', message: `${req.method} ${path} is not allowed`, statusCode: 405 });
    }
    return reply.code(404).send({ error: 'Not Found', message: 'no such route', statusCode: 404 });
  });

  app.setErrorHandler((err: { statusCode?: number; message?: string; code?: string }, req, reply) => {
    const status = typeof err.statusCode === 'number' && err.statusCode >= 400 && err.statusCode < 600 ? err.statusCode : 500;
    if (status >= 500) d.logger.error({ err, url: req.url.slice(0, 200), method: req.method }, 'http: request failed');
    return reply.code(status).send({ error: status >= 500 ? 'Internal Server Error' : 'Bad Request', message: status >= 500 ? 'internal error' : (err.message ?? ''), statusCode: status });
  });

  return app;
}


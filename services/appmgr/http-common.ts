/**
 * What appmgr's two HTTP servers (public and admin) share: fastify options (logger off so the hot path stays lean,
 * bounded bodies/timeouts), the probe routes, and the JSON 404/405 and error handlers. `known` lists the paths the
 * server serves, so a wrong method on one of them answers 405 and anything else 404.
 */
import Fastify, { type FastifyInstance, type FastifyServerOptions } from 'fastify';
import type { Logger } from '../platform/logger.js';

export const statusBody = { type: 'object', properties: { status: { type: 'string' }, reason: { type: 'string' } } } as const;

export function createFastify(extra: Pick<FastifyServerOptions, 'trustProxy'> = {}): FastifyInstance {
  return Fastify({
    logger: false,
    routerOptions: { maxParamLength: 200 },
    bodyLimit: 16 * 1024,
    keepAliveTimeout: 65_000,
    requestTimeout: 30_000,
    return503OnClosing: true,
    forceCloseConnections: 'idle',
    ...extra,
  });
}

/** /healthz (liveness) and /readyz (readiness), served on both ports. */
export function addProbes(app: FastifyInstance, ready: () => true | string): void {
  app.get('/healthz', { schema: { response: { 200: statusBody } } }, async () => ({ status: 'ok' }));
  app.get('/readyz', { schema: { response: { 200: statusBody, 503: statusBody } } }, async (_req, reply) => {
    const r = ready();
    return r === true ? reply.code(200).send({ status: 'ready' }) : reply.code(503).send({ status: 'not_ready', reason: r });
  });
}

export function addFallbacks(app: FastifyInstance, known: ReadonlySet<string>, logger: Logger, port: 'public' | 'admin'): void {
  app.setNotFoundHandler((req, reply) => {
    const path = req.url.split('?', 1)[0]!;
    if (known.has(path)) {
      return reply.code(405).header('allow', 'GET, HEAD').send({ error: 'Method Not Allowed', message: `${req.method} ${path} is not allowed`, statusCode: 405 });
    }
    return reply.code(404).send({ error: 'Not Found', message: 'no such route', statusCode: 404 });
  });

  app.setErrorHandler((err: { statusCode?: number; message?: string; code?: string }, req, reply) => {
    const status = typeof err.statusCode === 'number' && err.statusCode >= 400 && err.statusCode < 600 ? err.statusCode : 500;
    if (status >= 500) logger.error({ err, url: req.url.slice(0, 200), method: req.method, port }, 'http: request failed');
    return reply.code(status).send({ error: status >= 500 ? 'Internal Server Error' : 'Bad Request', message: status >= 500 ? 'internal error' : (err.message ?? ''), statusCode: status });
  });
}

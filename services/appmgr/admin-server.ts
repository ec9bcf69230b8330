/**
 * appmgr's admin HTTP port (`ADMIN_PORT`, kept inside the cluster by the chart): `GET /apps` (the operator's view,
 * served from the in-memory snapshot — one registry read per heartbeat interval whatever the request rate, so it may
 * lag the registry by up to one HEARTBEAT_MS), `/status`, `/metrics` (Prometheus), the live page `/`, and the
 * probes. Unknown routes 404 JSON, wrong methods 405 JSON.
 */
import type { FastifyInstance } from 'fastify';
import type { Logger } from '../platform/logger.js';
import type { AppSnapshot } from './app-snapshot.js';
import { addFallbacks, addProbes, createFastify } from './http-common.js';
import { toAppJson } from './http-server.js';
import { livePageHtml } from './live-page.js';
import type { AppmgrMetrics } from './metrics.js';

export interface AdminDeps {
  snapshot: AppSnapshot;
  metrics: AppmgrMetrics;
  logger: Logger;
  version: string;
  redisUp: () => boolean;
  ready: () => true | string;
  /** Players waiting in the admission queue (0 until the queue exists). */
  queued?: () => number;
}

const appBody = {
  type: 'object',
  properties: {
    app_id: { type: 'string' },
    app_type: { type: 'string' },
    online: { type: 'integer' },
    ip: { type: 'string' },
    port: { type: 'integer' },
    ws_port: { type: 'integer' },
    state: { type: 'string' },
    last_seen_ms: { type: 'integer' },
    capacity: { type: 'integer' },
  },
  required: ['app_id', 'app_type', 'online', 'ip', 'port', 'ws_port', 'state', 'last_seen_ms', 'capacity'],
} as const;

const KNOWN = new Set(['/', '/apps', '/status', '/healthz', '/readyz', '/metrics']);

export function createAdminServer(d: AdminDeps): FastifyInstance {
  const app = createFastify();

  app.get('/apps', { schema: { response: { 200: { type: 'object', properties: { apps: { type: 'array', items: appBody } }, required: ['apps'] } } } }, async () => ({
    apps: d.snapshot.list().map(toAppJson),
  }));

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
              queue: { type: 'integer' },
              version: { type: 'string' },
            },
          },
        },
      },
    },
    async () => ({ redis: d.redisUp() ? 'up' : 'down', apps: d.snapshot.counts(), queue: d.queued?.() ?? 0, version: d.version }),
  );

  app.get('/metrics', async (_req, reply) => {
    const text = await d.metrics.registry.metrics();
    return reply.code(200).header('content-type', d.metrics.registry.contentType).send(text);
  });

  app.get('/', async (_req, reply) => reply.code(200).header('content-type', 'text/html; charset=utf-8').send(livePageHtml));

  addProbes(app, d.ready);
  addFallbacks(app, KNOWN, d.logger, 'admin');
  return app;
}

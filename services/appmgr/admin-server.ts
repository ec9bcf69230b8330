/**
 * appmgr's admin HTTP port (`ADMIN_PORT`, kept inside the cluster by the chart): `GET /queue` (the admission line),
 * `GET /apps` (the operator's view, with each game pod's room modes and
 * room count, served from the in-memory snapshot — one registry read per heartbeat interval whatever the request rate, so it may
 * lag the registry by up to one HEARTBEAT_MS), `/status`, `/metrics` (Prometheus), the live page `/`, and the
 * probes. Unknown routes 404 JSON, wrong methods 405 JSON.
 */
import type { FastifyInstance } from 'fastify';
import type { Logger } from '../platform/logger.js';
import type { AppSnapshot } from './app-snapshot.js';
import { addFallbacks, addProbes, createFastify } from './http-common.js';
import { toAppJson } from './http-server.js';
import { livePageHtml } from './live-page.js';
import type { AdmissionQueue } from './admission-queue.js';
import type { AppmgrMetrics } from './metrics.js';

export interface AdminDeps {
  snapshot: AppSnapshot;
  metrics: AppmgrMetrics;
  logger: Logger;
  version: string;
  redisUp: () => boolean;
  ready: () => true | string;
  /** The admission queue (its length in /status, the line in /queue and on the live page). */
  queue?: AdmissionQueue | undefined;
}

/** How many tickets of the line /queue lists (the head; the rest is counted). */
const QUEUE_HEAD = 20;

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
    modes: { type: 'array', items: { type: 'object', properties: { mode: { type: 'string' }, max_players: { type: 'integer' } }, required: ['mode', 'max_players'] } },
    rooms: { type: 'integer' },
  },
  required: ['app_id', 'app_type', 'online', 'ip', 'port', 'ws_port', 'state', 'last_seen_ms', 'capacity', 'modes', 'rooms'],
} as const;

const KNOWN = new Set(['/', '/apps', '/status', '/queue', '/healthz', '/readyz', '/metrics']);

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
    async () => ({ redis: d.redisUp() ? 'up' : 'down', apps: d.snapshot.counts(), queue: d.queue?.waiting ?? 0, version: d.version }),
  );

  // The line as the last tick saw it, plus its head read live (tickets shortened: a ticket is its holder's secret).
  app.get('/queue', async () => {
    const v = d.queue?.view() ?? { waiting: 0, held: 0, available: 0, ratePerSec: 0, blocksPlain: false };
    let head: { position: number; ticket: string; waited_s: number }[] = [];
    let live = true;
    try {
      const now = Date.now();
      head = ((await d.queue?.head(QUEUE_HEAD)) ?? []).map((t, i) => ({ position: i + 1, ticket: `${t.ticket.slice(0, 6)}…`, waited_s: Math.max(0, Math.round((now - t.bornMs) / 1000)) }));
    } catch {
      live = false;
    }
    return { waiting: v.waiting, held: v.held, available: v.available, admitted_per_s: Math.round(v.ratePerSec * 100) / 100, blocks_plain_login: v.blocksPlain, live, head };
  });

  app.get('/metrics', async (_req, reply) => {
    const text = await d.metrics.registry.metrics();
    return reply.code(200).header('content-type', d.metrics.registry.contentType).send(text);
  });

  app.get('/', async (_req, reply) => reply.code(200).header('content-type', 'text/html; charset=utf-8').send(livePageHtml));

  addProbes(app, d.ready);
  addFallbacks(app, KNOWN, d.logger, 'admin');
  return app;
}

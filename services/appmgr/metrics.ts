/**
 * appmgr's Prometheus metrics (names from the operations spec) on its own registry with the default process
 * metrics. Labels are bounded: route is login|allocate_game, result a short outcome name, app_type login|game.
 */
import { Counter, Gauge, Histogram, type Registry } from 'prom-client';
import { createRedisUpGauge, createRegistry } from '../platform/metrics.js';

export type AppmgrRoute = 'login' | 'allocate_game';
export type AppmgrResult = 'ok' | 'no_app' | 'redis_down' | 'cache' | 'queued' | 'ticket_gone';

export interface AppmgrMetrics {
  readonly registry: Registry;
  readonly requests: Counter<'route' | 'result'>;
  readonly selectSeconds: Histogram<'app_type'>;
  readonly apps: Gauge<'app_type' | 'state'>;
  readonly clusterOnline: Gauge<'app_type'>;
  readonly redisUp: Gauge;
  readonly loginRateLimited: Counter;
  readonly queueLength: Gauge;
  readonly queueAdmitted: Counter;
  readonly queueExpired: Counter;
  readonly queueWaitSeconds: Histogram;
  readonly queueHeld: Gauge;
  readonly queueRefused: Counter<'reason'>;
  readonly roomJoins: Counter<'result'>;
  readonly matches: Counter<'result'>;
}

/** The reasons of gamecluster_queue_refused_total (each series exists from the start, at 0). */
export const QUEUE_REFUSALS = ['tickets_per_ip', 'queue_max', 'early_poll', 'no_admission'] as const;

export function createAppmgrMetrics(registry: Registry = createRegistry()): AppmgrMetrics {
  const r = [registry];
  const queueRefused = new Counter({ name: 'gamecluster_queue_refused_total', help: 'Queue requests refused by the abuse limits, and AllocateGame calls refused because tickets wait and they carried no admission', labelNames: ['reason'], registers: r });
  for (const reason of QUEUE_REFUSALS) queueRefused.inc({ reason }, 0);
  return {
    registry,
    requests: new Counter({ name: 'gamecluster_appmgr_requests_total', help: 'Selections by route and result (ok, cache = answered from the snapshot while Redis was down, no_app, redis_down)', labelNames: ['route', 'result'], registers: r }),
    selectSeconds: new Histogram({
      name: 'gamecluster_appmgr_select_seconds',
      help: 'Time to pick a pod (Redis script round trip, including coalescing wait)',
      labelNames: ['app_type'],
      buckets: [0.0002, 0.0005, 0.001, 0.002, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 1],
      registers: r,
    }),
    // Every WORKERS>1 worker reads the same registry: its /metrics shows one copy ('max'), not the sum of N copies.
    apps: new Gauge({ name: 'gamecluster_appmgr_apps', help: 'Registered pods by type and state (from the last registry snapshot)', labelNames: ['app_type', 'state'], registers: r, aggregator: 'max' }),
    clusterOnline: new Gauge({ name: 'gamecluster_cluster_online_players', help: 'Players online in the cluster by pod type (sum of the registry)', labelNames: ['app_type'], registers: r, aggregator: 'max' }),
    redisUp: createRedisUpGauge(registry),
    loginRateLimited: new Counter({ name: 'gamecluster_login_rate_limited_total', help: 'GET /login requests refused with 429 by LOGIN_RATE_PER_IP', registers: r }),
    // The line is one for the cluster: every replica reports the same length (use max(), not sum()); the counters
    // and the histogram count what this replica did (sum() over replicas is the cluster's).
    queueLength: new Gauge({ name: 'gamecluster_queue_length', help: 'Tickets waiting in the admission queue (the whole cluster, as of the last tick)', registers: r, aggregator: 'max' }),
    queueAdmitted: new Counter({ name: 'gamecluster_queue_admitted_total', help: 'Queue tickets admitted into a free place (by this appmgr)', registers: r }),
    queueExpired: new Counter({ name: 'gamecluster_queue_expired_total', help: 'Queue tickets dropped because they were not polled for QUEUE_TICKET_TTL_MS (by this appmgr)', registers: r }),
    queueWaitSeconds: new Histogram({
      name: 'gamecluster_queue_wait_seconds',
      help: 'Time from a ticket being issued to its admission',
      buckets: [0.5, 1, 2, 5, 10, 20, 30, 60, 120, 300, 600, 1200, 1800, 3600],
      registers: r,
    }),
    queueHeld: new Gauge({ name: 'gamecluster_queue_held_places', help: 'Places held for admitted queue tickets, not yet consumed by their admission (the whole cluster, as of the last tick)', registers: r, aggregator: 'max' }),
    // reason: tickets_per_ip (429: QUEUE_TICKETS_PER_IP), queue_max (503: QUEUE_MAX), early_poll (429: a poll before its
    // Retry-After, past LOGIN_RATE_PER_IP), no_admission (AllocateGame without an admission while tickets wait: NO_APP).
    queueRefused,
    // result: OK or a return-code name (bounded).
    roomJoins: new Counter({ name: 'gamecluster_room_joins_total', help: 'Room requests of the player flow (AllocateGame{room}) by result', labelNames: ['result'], registers: r }),
    matches: new Counter({ name: 'gamecluster_appmgr_matches_total', help: 'AllocateMatch and ReserveSeats calls by result', labelNames: ['result'], registers: r }),
  };
}

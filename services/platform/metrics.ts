/**
 * Prometheus metrics of login and game pods (names and labels: docs/operations.md "Metrics"), declared once
 * here on a per-pod registry with the default process metrics. Labels are bounded: `msg` is a platform message name,
 * `reason` a CloseReason, `result` a ReturnCode name or ok/error; `app_id` appears only on the pod's own gauge.
 * appmgr declares its own in services/appmgr/metrics.ts.
 */
import { Counter, Gauge, Registry, collectDefaultMetrics } from 'prom-client';
import type { AppTypeName } from '../protocol/wire.js';

export function createRegistry(): Registry {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  return registry;
}

/** `gamecluster_redis_up`, exported by every service. */
export function createRedisUpGauge(registry: Registry): Gauge {
  // With WORKERS>1 every process has its own Redis client: the pod's aggregated value is the worst of them.
  return new Gauge({ name: 'gamecluster_redis_up', help: '1 while the last Redis command succeeded, else 0', registers: [registry], aggregator: 'min' });
}

export interface PodMetrics {
  readonly registry: Registry;
  readonly onlinePlayers: Gauge<'app_type' | 'app_id'>;
  readonly connections: Gauge<'app_type'>;
  readonly framesReceived: Counter<'app_type' | 'msg'>;
  readonly framesSent: Counter<'app_type' | 'msg'>;
  readonly framesRejected: Counter<'app_type' | 'reason'>;
  readonly framesDroppedStale: Counter<'app_type'>;
  readonly connectionsRefused: Counter<'app_type' | 'reason'>;
  readonly outboundBytes: Gauge<'app_type'>;
  readonly logins: Counter<'app_type' | 'result'>;
  readonly heartbeats: Counter<'app_type' | 'result'>;
  readonly redisUp: Gauge;
  readonly appType: AppTypeName;
}

export function createPodMetrics(appType: AppTypeName, registry: Registry = createRegistry()): PodMetrics {
  const r = [registry];
  return {
    registry,
    appType,
    // aggregator 'sum': with WORKERS>1 the pod's /metrics adds up its workers' counts (prom-client AggregatorRegistry).
    onlinePlayers: new Gauge({ name: 'gamecluster_online_players', help: 'Players online on this pod (authenticated)', labelNames: ['app_type', 'app_id'], registers: r, aggregator: 'sum' }),
    connections: new Gauge({ name: 'gamecluster_connections', help: 'Open client TCP connections', labelNames: ['app_type'], registers: r, aggregator: 'sum' }),
    framesReceived: new Counter({ name: 'gamecluster_frames_received_total', help: 'Frames received from clients', labelNames: ['app_type', 'msg'], registers: r }),
    framesSent: new Counter({ name: 'gamecluster_frames_sent_total', help: 'Frames sent to clients', labelNames: ['app_type', 'msg'], registers: r }),
    framesRejected: new Counter({ name: 'gamecluster_frames_rejected_total', help: 'Connections closed for a protocol violation or limit, by reason', labelNames: ['app_type', 'reason'], registers: r }),
    framesDroppedStale: new Counter({ name: 'gamecluster_frames_dropped_stale_total', help: 'Sends dropped because no live connection carries the identity', labelNames: ['app_type'], registers: r }),
    connectionsRefused: new Counter({ name: 'gamecluster_connections_refused_total', help: 'New connections closed at accept (connection budgets, failed TLS handshakes), by reason', labelNames: ['app_type', 'reason'], registers: r }),
    outboundBytes: new Gauge({ name: 'gamecluster_outbound_queued_bytes', help: 'Bytes queued to slow readers, counted against MAX_OUTBOUND_BYTES', labelNames: ['app_type'], registers: r, aggregator: 'sum' }),
    logins: new Counter({ name: 'gamecluster_logins_total', help: 'Account checks (login) or token logins (game) by result', labelNames: ['app_type', 'result'], registers: r }),
    heartbeats: new Counter({ name: 'gamecluster_heartbeats_total', help: 'Heartbeats written to Redis by result', labelNames: ['app_type', 'result'], registers: r }),
    redisUp: createRedisUpGauge(registry),
  };
}

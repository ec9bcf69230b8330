/**
 * What the operator sees of a local cluster: appmgr's registry view (`GET /apps` on its admin port) joined with each pod's own truth
 * (`gamecluster_online_players`, `gamecluster_connections` and, on game pods, `gamecluster_rooms` on its /metrics), plus appmgr's cluster total
 * (`gamecluster_cluster_online_players`). Includes a tiny Prometheus text reader (summing samples by name and
 * labels) and the per-pod table printer. Only pods this launcher started are shown: rows come from our pod list.
 */
import { table } from '../robots/report.js';

export interface AppEntry {
  app_id: string;
  app_type: 'login' | 'game';
  online: number;
  ip: string;
  port: number;
  state: string;
  last_seen_ms: number;
  capacity: number;
}

export interface PodRef {
  name: string;
  type: 'login' | 'game';
  appId: string;
  port: number;
  metricsPort: number;
}

export interface PodRow {
  type: 'login' | 'game';
  app_id: string;
  address: string;
  /** From appmgr /apps (the registry; null when the pod is not registered). */
  state: string | null;
  registry_online: number | null;
  /** From the pod's /metrics (null when the scrape failed). */
  online: number | null;
  connections: number | null;
  /** Game pods: the rooms it holds, all modes (`gamecluster_rooms`); null on login pods or when the scrape failed. */
  rooms: number | null;
}

export interface ClusterView {
  pods: PodRow[];
  /** appmgr's gamecluster_cluster_online_players by app_type. */
  cluster_online: { login: number | null; game: number | null };
}

/** Sum of the samples of `name` whose labels include `labels` (null when none). */
export function metricValue(text: string, name: string, labels: Record<string, string> = {}): number | null {
  let sum: number | null = null;
  for (const line of text.split('\n')) {
    if (!line.startsWith(name) || line.startsWith('#')) continue;
    const m = /^([a-zA-Z_:][a-zA-Z0-9_:]*)(\{(.*)\})?\s+(\S+)/.exec(line);
    if (!m || m[1] !== name) continue;
    const have: Record<string, string> = {};
    for (const l of (m[3] ?? '').matchAll(/([a-zA-Z_][a-zA-Z0-9_]*)="((?:[^"\\]|\\.)*)"/g)) have[l[1]!] = l[2]!;
    if (!Object.entries(labels).every(([k, v]) => have[k] === v)) continue;
    sum = (sum ?? 0) + Number(m[4]);
  }
  return sum;
}

async function getText(url: string, timeoutMs = 3000): Promise<string | null> {
  try {
    const res = await fetch(url, { signal: AbortSignal.timeout(timeoutMs) });
    return res.ok ? await res.text() : null;
  } catch {
    return null;
  }
}

/** appmgr's /apps from its admin URL (the snapshot: it may lag the registry by one heartbeat). */
export async function fetchApps(adminUrl: string): Promise<AppEntry[] | null> {
  const text = await getText(`${adminUrl}/apps`);
  if (text === null) return null;
  try {
    return (JSON.parse(text) as { apps: AppEntry[] }).apps;
  } catch {
    return null;
  }
}

export async function clusterView(adminUrl: string, pods: readonly PodRef[]): Promise<ClusterView> {
  const [apps, appmgrMetrics, podMetrics] = await Promise.all([
    fetchApps(adminUrl),
    getText(`${adminUrl}/metrics`),
    Promise.all(pods.map((p) => getText(`http://127.0.0.1:${p.metricsPort}/metrics`))),
  ]);
  const rows = pods.map((p, i): PodRow => {
    const a = apps?.find((x) => x.app_id === p.appId);
    const text = podMetrics[i] ?? null;
    return {
      type: p.type,
      app_id: p.appId,
      address: `127.0.0.1:${p.port}`,
      state: a?.state ?? null,
      registry_online: a?.online ?? null,
      online: text === null ? null : (metricValue(text, 'gamecluster_online_players', { app_id: p.appId }) ?? 0),
      connections: text === null ? null : (metricValue(text, 'gamecluster_connections') ?? 0),
      rooms: text === null || p.type !== 'game' ? null : (metricValue(text, 'gamecluster_rooms') ?? 0),
    };
  });
  const total = (t: string) => (appmgrMetrics === null ? null : metricValue(appmgrMetrics, 'gamecluster_cluster_online_players', { app_type: t }));
  return { pods: rows, cluster_online: { login: total('login'), game: total('game') } };
}

const show = (v: number | string | null) => (v === null ? '-' : String(v));

export function formatClusterView(v: ClusterView): string {
  const rows = v.pods.map((p) => [p.type, p.app_id, p.address, show(p.state), show(p.online), show(p.registry_online), show(p.connections), show(p.rooms)]);
  const games = v.pods.filter((p) => p.type === 'game').map((p) => p.online ?? 0);
  const lines = [
    table(['type', 'app_id', 'address', 'state', 'online', 'registry', 'conns', 'rooms'], rows),
    '',
    `game online: ${games.reduce((a, b) => a + b, 0)} (pods' /metrics), ${show(v.cluster_online.game)} (appmgr gamecluster_cluster_online_players); spread ${games.length ? Math.max(...games) - Math.min(...games) : 0}`,
  ];
  return lines.join('\n') + '\n';
}

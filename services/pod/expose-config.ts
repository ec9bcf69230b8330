/**
 * How a login/game pod is reached by players (operations.md "Helm chart", `expose.mode`), from its env:
 * EXPOSE_MODE `podIP` (advertise POD_IP), `hostPort` (advertise the pod's Node address, read from the Kubernetes API:
 * the first of NODE_ADDRESS_TYPES the Node named NODE_NAME has) or `hostNetwork` (the same address, plus client ports
 * bound from PORT_RANGE — the range the node firewall opens to players — and the metrics/health port from
 * METRICS_PORT_RANGE, a disjoint range that stays closed to the internet). ADVERTISE_HOST always wins over a lookup. Cross-variable rules are checked here, each failure a
 * ConfigError whose message is one line naming the variable, so a pod never starts half-configured.
 */
import { z } from 'zod';
import { ConfigError, env } from '../platform/config.js';

export const EXPOSE_MODES = ['podIP', 'hostPort', 'hostNetwork'] as const;
export type ExposeMode = (typeof EXPOSE_MODES)[number];
export const NODE_ADDRESS_TYPES = ['ExternalDNS', 'ExternalIP', 'InternalIP', 'InternalDNS', 'Hostname'] as const;
export type NodeAddressType = (typeof NODE_ADDRESS_TYPES)[number];
/**
 * Agones' order, public addresses only: a DNS name first, then a public IP. A Node that has neither (private nodes)
 * keeps the pod unready rather than handing players an internal address; InternalIP is used only when listed.
 */
export const DEFAULT_NODE_ADDRESS_TYPES = 'ExternalDNS,ExternalIP';

const typesMsg = `a comma-separated list of ${NODE_ADDRESS_TYPES.join('|')}`;
const rangeMsg = 'a port range LOW-HIGH within 1-65535 (e.g. 7000-7999)';
const portRange = () =>
  z
    .string()
    .trim()
    .regex(/^\d{1,5}-\d{1,5}$/, rangeMsg)
    .transform((s) => {
      const [lo, hi] = s.split('-').map(Number) as [number, number];
      return { lo, hi };
    })
    .refine((r) => r.lo >= 1 && r.hi <= 65535 && r.lo <= r.hi, rangeMsg)
    .optional();

/** The variables of the expose modes (merged into the pod env). */
export const exposeEnv = {
  EXPOSE_MODE: env.oneOf(EXPOSE_MODES, 'podIP'),
  /** The pod's Node (downward API spec.nodeName). */
  NODE_NAME: z.string().trim().regex(/^[a-z0-9]([a-z0-9.-]{0,251}[a-z0-9])?$/, 'a Kubernetes Node name').optional(),
  NODE_ADDRESS_TYPES: z
    .string()
    .trim()
    .default(DEFAULT_NODE_ADDRESS_TYPES)
    .transform((s) => s.split(',').map((t) => t.trim()))
    .pipe(z.array(z.enum(NODE_ADDRESS_TYPES, { error: typesMsg })).min(1, typesMsg)),
  /** Pause between two Node lookups while the address is unknown. */
  NODE_LOOKUP_RETRY_MS: env.int(2000, 100, 600_000),
  /** Bound on one Kubernetes API request (Node lookup, annotation patch). */
  KUBE_API_TIMEOUT_MS: env.int(5000, 100, 600_000),
  PORT_RANGE: portRange(),
  /** hostNetwork: the metrics/health port's range (kept closed to the internet, unlike PORT_RANGE). */
  METRICS_PORT_RANGE: portRange(),
  /** Where a hostNetwork pod writes the ports it bound (read by `gamecluster probe`). */
  PORTS_FILE: env.str('/tmp/gamecluster-ports.json'),
};

export interface PortRange {
  lo: number;
  hi: number;
}

export interface ExposeEnv {
  EXPOSE_MODE: ExposeMode;
  NODE_NAME?: string | undefined;
  NODE_ADDRESS_TYPES: NodeAddressType[];
  NODE_LOOKUP_RETRY_MS: number;
  KUBE_API_TIMEOUT_MS: number;
  PORT_RANGE?: PortRange | undefined;
  METRICS_PORT_RANGE?: PortRange | undefined;
  PORTS_FILE: string;
  ADVERTISE_HOST?: string | undefined;
  ADVERTISE_PORT?: number | undefined;
}

/** What the pod must do before it may advertise itself. */
export interface ExposePlan {
  mode: ExposeMode;
  /** Set when the advertised host is the Node's address, read from the API. */
  nodeLookup?: { nodeName: string; types: NodeAddressType[]; retryMs: number; timeoutMs: number };
  /** Set in hostNetwork mode: PORT (and WS_PORT) come from this range. */
  portRange?: PortRange;
  /** Set in hostNetwork mode: METRICS_PORT comes from this range, disjoint from portRange. */
  metricsPortRange?: PortRange;
}

const fmt = (r: PortRange) => JSON.stringify(`${r.lo}-${r.hi}`);

/** Checks the expose variables together; throws ConfigError (one line naming the variable). */
export function resolveExpose(c: ExposeEnv): ExposePlan {
  const mode = c.EXPOSE_MODE;
  if (mode !== 'hostNetwork') {
    if (c.PORT_RANGE) throw new ConfigError('PORT_RANGE', `invalid PORT_RANGE=${fmt(c.PORT_RANGE)}: expected unset unless EXPOSE_MODE=hostNetwork`);
    if (c.METRICS_PORT_RANGE) throw new ConfigError('METRICS_PORT_RANGE', `invalid METRICS_PORT_RANGE=${fmt(c.METRICS_PORT_RANGE)}: expected unset unless EXPOSE_MODE=hostNetwork`);
  }
  if (mode === 'podIP') return { mode };
  const plan: ExposePlan = { mode };
  if (mode === 'hostNetwork') {
    if (!c.PORT_RANGE) throw new ConfigError('PORT_RANGE', `invalid PORT_RANGE=(unset): expected ${rangeMsg} when EXPOSE_MODE=hostNetwork (pods sharing a node need their own ports)`);
    // Health and metrics on the node's network must not sit in the range the firewall opens to players.
    if (!c.METRICS_PORT_RANGE) throw new ConfigError('METRICS_PORT_RANGE', `invalid METRICS_PORT_RANGE=(unset): expected ${rangeMsg} outside PORT_RANGE when EXPOSE_MODE=hostNetwork (/metrics, /healthz and /readyz stay off the range open to players)`);
    const [a, b] = [c.PORT_RANGE, c.METRICS_PORT_RANGE];
    if (a.lo <= b.hi && b.lo <= a.hi) throw new ConfigError('METRICS_PORT_RANGE', `invalid METRICS_PORT_RANGE=${fmt(b)}: expected a range disjoint from PORT_RANGE=${fmt(a)} (the range open to players)`);
    if (c.ADVERTISE_PORT !== undefined) throw new ConfigError('ADVERTISE_PORT', `invalid ADVERTISE_PORT=${JSON.stringify(String(c.ADVERTISE_PORT))}: expected unset when EXPOSE_MODE=hostNetwork (the pod advertises the port it bound in PORT_RANGE)`);
    plan.portRange = a;
    plan.metricsPortRange = b;
  }
  if (c.ADVERTISE_HOST === undefined) {
    if (!c.NODE_NAME) throw new ConfigError('NODE_NAME', `invalid NODE_NAME=(unset): expected the pod's Node name (downward API spec.nodeName) when EXPOSE_MODE=${mode} and ADVERTISE_HOST is unset`);
    plan.nodeLookup = { nodeName: c.NODE_NAME, types: c.NODE_ADDRESS_TYPES, retryMs: c.NODE_LOOKUP_RETRY_MS, timeoutMs: c.KUBE_API_TIMEOUT_MS };
  }
  return plan;
}

export const exposeEnvHelp = `  EXPOSE_MODE       podIP | hostPort | hostNetwork: what the pod advertises [podIP]
  NODE_NAME         the pod's Node (downward API spec.nodeName); host modes look its address up unless ADVERTISE_HOST is set
  NODE_ADDRESS_TYPES  Node address types tried in order [${DEFAULT_NODE_ADDRESS_TYPES}]
  NODE_LOOKUP_RETRY_MS  pause between Node lookups while the address is unknown (pod unready meanwhile) [2000]
  KUBE_API_TIMEOUT_MS  bound on one Kubernetes API request [5000]
  PORT_RANGE        hostNetwork: PORT and WS_PORT are free ports of LOW-HIGH, e.g. 7000-7999 (open to players) [unset]
  METRICS_PORT_RANGE  hostNetwork: METRICS_PORT is a free port of LOW-HIGH, disjoint from PORT_RANGE (keep it closed to the internet) [unset]
  PORTS_FILE        hostNetwork: where the bound ports are written for \`gamecluster probe\` [/tmp/gamecluster-ports.json]`;

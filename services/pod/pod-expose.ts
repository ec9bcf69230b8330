/**
 * The two start steps the expose mode adds to a pod (single process or WORKERS>1 primary): bind the client and
 * metrics ports (fixed PORT/METRICS_PORT, or in hostNetwork mode free ports of PORT_RANGE for the client listeners and
 * of METRICS_PORT_RANGE for metrics and health — a range the firewall keeps closed — then written to PORTS_FILE for
 * `gamecluster probe`), and learn the advertised host (the Node lookup of the host modes; until it
 * answers the caller stays unready and sends no heartbeat).
 */
import type { Logger } from '../platform/logger.js';
import type { ExposePlan } from './expose-config.js';
import { waitForNodeAddress } from './node-address.js';
import type { PodIdentity } from './pod-config.js';
import { listenInRange, probeListen, writePortsFile } from './port-range.js';

export interface PortsConfig {
  PORT: number;
  /** 0 = no WebSocket listener. In hostNetwork mode any other value means "on, on a free port of the range". */
  WS_PORT?: number;
  METRICS_PORT: number;
  PORTS_FILE: string;
}

/**
 * Metrics listener first, then the client listener (the order the runtime always had), then the WebSocket listener
 * when WS_PORT is on (`wsPort` 0 otherwise). A WORKERS>1 primary passes listeners that only find a free port (the
 * workers bind it later).
 */
export async function bindPodPorts(
  plan: ExposePlan,
  c: PortsConfig,
  listenMetrics: (port: number) => Promise<number>,
  listenClient: (port: number) => Promise<number>,
  listenWs?: (port: number) => Promise<number>,
): Promise<{ port: number; metricsPort: number; wsPort: number }> {
  const range = plan.portRange;
  const ws = listenWs && (c.WS_PORT ?? 0) > 0 ? listenWs : undefined;
  if (!range) {
    const metricsPort = await listenMetrics(c.METRICS_PORT);
    const port = await listenClient(c.PORT);
    return { metricsPort, port, wsPort: ws ? await ws(c.WS_PORT!) : 0 };
  }
  // resolveExpose sets both ranges together; a plan without the metrics one must not put /metrics in the public range.
  if (!plan.metricsPortRange) throw new Error('hostNetwork expose plan without metricsPortRange');
  // A quick bind-and-release first skips ports in use without the real listener logging each refusal; the real
  // listen still decides (another pod may win the port in between: then the next one is tried).
  const probe = probeListen('0.0.0.0');
  const tryPort = (listen: (p: number) => Promise<number>) => async (p: number) => listen(await probe(p));
  const metricsPort = await listenInRange(plan.metricsPortRange, 'METRICS_PORT', tryPort(listenMetrics));
  const port = await listenInRange(range, 'PORT', tryPort(listenClient), new Set([metricsPort]));
  // hostNetwork: the WebSocket port is a free port of the range too (advertised as bound, like PORT).
  const wsPort = ws ? await listenInRange(range, 'WS_PORT', tryPort(ws), new Set([metricsPort, port])) : 0;
  writePortsFile(c.PORTS_FILE, { port, metricsPort, wsPort });
  return { port, metricsPort, wsPort };
}

/** Sets identity.advertiseHost from the Node when the plan says so; resolves at once otherwise. */
export async function resolveAdvertiseHost(identity: PodIdentity, logger: Logger, signal: AbortSignal): Promise<void> {
  const lookup = identity.expose.nodeLookup;
  if (!lookup || identity.advertiseHost !== '') return;
  const a = await waitForNodeAddress({ ...lookup, logger, signal });
  identity.advertiseHost = a.address;
}

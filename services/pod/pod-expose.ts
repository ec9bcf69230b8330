/**
 * The two start steps the expose mode adds to a pod (single process or WORKERS>1 primary): bind the client and
 * metrics ports (fixed PORT/METRICS_PORT, or free ports of PORT_RANGE in hostNetwork mode, then written to
 * PORTS_FILE for `gamecluster probe`), and learn the advertised host (the Node lookup of the host modes; until it
 * answers the caller stays unready and sends no heartbeat).
 */
import type { Logger } from '../platform/logger.js';
import type { ExposePlan } from './expose-config.js';
import { waitForNodeAddress } from './node-address.js';
import type { PodIdentity } from './pod-config.js';
import { listenInRange, probeListen, writePortsFile } from './port-range.js';

export interface PortsConfig {
  PORT: number;
  METRICS_PORT: number;
  PORTS_FILE: string;
}

/**
 * Metrics listener first, then the client listener (the order the runtime always had). `listenClient` may be
 * undefined when another process binds the client port later (the WORKERS>1 primary): then a free port is only found.
 */
export async function bindPodPorts(
  plan: ExposePlan,
  c: PortsConfig,
  listenMetrics: (port: number) => Promise<number>,
  listenClient: (port: number) => Promise<number>,
): Promise<{ port: number; metricsPort: number }> {
  const range = plan.portRange;
  if (!range) {
    const metricsPort = await listenMetrics(c.METRICS_PORT);
    return { metricsPort, port: await listenClient(c.PORT) };
  }
  // A quick bind-and-release first skips ports in use without the real listener logging each refusal; the real
  // listen still decides (another pod may win the port in between: then the next one is tried).
  const probe = probeListen('0.0.0.0');
  const tryPort = (listen: (p: number) => Promise<number>) => async (p: number) => listen(await probe(p));
  const metricsPort = await listenInRange(range, 'METRICS_PORT', tryPort(listenMetrics));
  const port = await listenInRange(range, 'PORT', tryPort(listenClient), new Set([metricsPort]));
  writePortsFile(c.PORTS_FILE, { port, metricsPort });
  return { port, metricsPort };
}

/** Sets identity.advertiseHost from the Node when the plan says so; resolves at once otherwise. */
export async function resolveAdvertiseHost(identity: PodIdentity, logger: Logger, signal: AbortSignal): Promise<void> {
  const lookup = identity.expose.nodeLookup;
  if (!lookup || identity.advertiseHost !== '') return;
  const a = await waitForNodeAddress({ ...lookup, logger, signal });
  identity.advertiseHost = a.address;
}

/**
 * The address a host-mode pod advertises: its Node's address of the first available type (ExternalDNS, ExternalIP,
 * InternalIP by default — Agones' order), read from the Kubernetes API. `waitForNodeAddress` retries every
 * NODE_LOOKUP_RETRY_MS until it has one (or is aborted): the pod stays unready and unregistered meanwhile, and never
 * falls back to another address on its own — a player handed an unreachable address is worse than a pod not ready.
 */
import type { Logger } from '../platform/logger.js';
import type { NodeAddressType } from './expose-config.js';
import { createKubeApi, KubeApiError, type KubeApi, type NodeAddress } from './kube-api.js';

export class NodeAddressError extends Error {
  readonly code = 'NODE_ADDRESS_UNAVAILABLE';
  constructor(message: string) {
    super(message);
    this.name = 'NodeAddressError';
  }
}

/** The first address whose type comes first in `types`, or undefined. */
export function pickNodeAddress(addresses: NodeAddress[], types: readonly NodeAddressType[]): NodeAddress | undefined {
  for (const t of types) {
    const a = addresses.find((x) => x.type === t && x.address.trim() !== '');
    if (a) return { type: a.type, address: a.address.trim() };
  }
  return undefined;
}

export interface NodeLookupOptions {
  nodeName: string;
  types: readonly NodeAddressType[];
  retryMs: number;
  timeoutMs: number;
  logger: Logger;
  signal?: AbortSignal;
  /** Injected in tests; by default the library's kubeconfig order. */
  api?: KubeApi;
}

/** One lookup: the chosen address, or NodeAddressError / KubeApiError. */
export async function lookupNodeAddress(api: KubeApi, nodeName: string, types: readonly NodeAddressType[]): Promise<NodeAddress> {
  const addresses = await api.readNodeAddresses(nodeName);
  const a = pickNodeAddress(addresses, types);
  if (!a) throw new NodeAddressError(`node ${nodeName} has no address of type ${types.join('|')} (it has ${addresses.map((x) => x.type).join(', ') || 'none'})`);
  return a;
}

/** Retries until the Node address is known; rejects only when `signal` aborts. Logs the first failure and every 10th. */
export async function waitForNodeAddress(o: NodeLookupOptions): Promise<NodeAddress> {
  let failures = 0;
  let api = o.api;
  for (;;) {
    if (o.signal?.aborted) throw new NodeAddressError('node address lookup aborted (pod closing)');
    try {
      api ??= await createKubeApi(o.timeoutMs);
      const a = await lookupNodeAddress(api, o.nodeName, o.types);
      o.logger.info({ node: o.nodeName, address: a.address, type: a.type, failures }, 'node address found: advertising it');
      return a;
    } catch (err) {
      if (!(err instanceof KubeApiError || err instanceof NodeAddressError)) throw err;
      failures += 1;
      if (failures === 1 || failures % 10 === 0)
        o.logger.warn({ node: o.nodeName, err: err.message, code: err.code, failures, retry_ms: o.retryMs }, 'node address unknown: pod stays unready and unregistered; retrying');
    }
    await new Promise<void>((resolve) => {
      const t = setTimeout(resolve, o.retryMs);
      o.signal?.addEventListener('abort', () => (clearTimeout(t), resolve()), { once: true });
    });
  }
}

/**
 * The pod's few Kubernetes API calls (read its Node, merge-patch its own annotations) through
 * @kubernetes/client-node, loaded lazily so podIP pods never pay for it. The kubeconfig is the library's default
 * order: KUBECONFIG, ~/.kube/config, then the in-cluster ServiceAccount (what the chart's host modes mount).
 * Every request is bounded by `timeoutMs`; failures become KubeApiError with the HTTP status when there is one.
 */
export class KubeApiError extends Error {
  readonly code = 'KUBE_API_FAILED';
  constructor(
    message: string,
    readonly status?: number,
  ) {
    super(message);
    this.name = 'KubeApiError';
  }
}

export interface NodeAddress {
  type: string;
  address: string;
}

export interface KubeApi {
  readNodeAddresses(nodeName: string): Promise<NodeAddress[]>;
  patchPodAnnotations(namespace: string, pod: string, annotations: Record<string, string>): Promise<void>;
}

function withTimeout<T>(p: Promise<T>, ms: number, what: string): Promise<T> {
  let t: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    t = setTimeout(() => reject(new KubeApiError(`${what}: no answer within ${ms} ms (KUBE_API_TIMEOUT_MS)`)), ms);
  });
  return Promise.race([p, timeout]).finally(() => clearTimeout(t));
}

function asKubeError(err: unknown, what: string): KubeApiError {
  if (err instanceof KubeApiError) return err;
  const e = err as { code?: number; message?: string };
  const status = typeof e.code === 'number' ? e.code : undefined;
  const first = String(e.message ?? err).split('\n', 1)[0]!.slice(0, 300);
  return new KubeApiError(`${what}: ${status ? `HTTP ${status}: ` : ''}${first}`, status);
}

/** Builds the client from the default kubeconfig (throws KubeApiError when there is none). */
export async function createKubeApi(timeoutMs: number): Promise<KubeApi> {
  const k8s = await import('@kubernetes/client-node');
  const kc = new k8s.KubeConfig();
  try {
    kc.loadFromDefault();
  } catch (err) {
    throw asKubeError(err, 'kubeconfig');
  }
  if (!kc.getCurrentCluster()) throw new KubeApiError('kubeconfig: no cluster (set KUBECONFIG, or run in a pod with a ServiceAccount token mounted)');
  const core = kc.makeApiClient(k8s.CoreV1Api);
  return {
    async readNodeAddresses(nodeName) {
      const what = `GET node ${nodeName}`;
      try {
        const node = await withTimeout(core.readNode({ name: nodeName }), timeoutMs, what);
        return (node.status?.addresses ?? []).map((a) => ({ type: a.type, address: a.address }));
      } catch (err) {
        throw asKubeError(err, what);
      }
    },
    async patchPodAnnotations(namespace, pod, annotations) {
      const what = `PATCH pod ${namespace}/${pod}`;
      try {
        await withTimeout(
          core.patchNamespacedPod({ name: pod, namespace, body: { metadata: { annotations } } }, k8s.setHeaderOptions('Content-Type', k8s.PatchStrategy.MergePatch)),
          timeoutMs,
          what,
        );
      } catch (err) {
        throw asKubeError(err, what);
      }
    },
  };
}

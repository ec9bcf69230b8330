/**
 * A stand-in Kubernetes API server for the expose-mode tests (there is no API server here): node:http on 127.0.0.1
 * answering `GET /api/v1/nodes/<name>` with a real Node object (its status.addresses) and recording
 * `PATCH /api/v1/namespaces/<ns>/pods/<name>` bodies, plus a kubeconfig file pointing at it, so the code under test
 * goes through @kubernetes/client-node exactly as in a pod.
 */
import { createServer, type IncomingHttpHeaders } from 'node:http';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AddressInfo } from 'node:net';

export interface RecordedPatch {
  namespace: string;
  pod: string;
  contentType: string | undefined;
  body: unknown;
}

export interface FakeKubeApi {
  readonly url: string;
  /** Path of a kubeconfig (cluster = this server, a bearer token) for KUBECONFIG. */
  readonly kubeconfig: string;
  /** Node name → addresses; a Node absent here answers 404 (as the API does). */
  readonly nodes: Map<string, { type: string; address: string }[]>;
  readonly patches: RecordedPatch[];
  readonly requests: { method: string; path: string; headers: IncomingHttpHeaders }[];
  /** When set, every request gets this status (e.g. 503 while "the API is down"). */
  failWith: number | undefined;
  close(): Promise<void>;
}

export function nodeObject(name: string, addresses: { type: string; address: string }[]) {
  return {
    kind: 'Node',
    apiVersion: 'v1',
    metadata: { name, uid: '5f0c3d1e-0000-4000-8000-000000000001', resourceVersion: '4242', labels: { 'kubernetes.io/hostname': name, 'kubernetes.io/os': 'linux' } },
    spec: { podCIDR: '10.244.1.0/24', providerID: `gce://project/zone/${name}` },
    status: {
      capacity: { cpu: '4', memory: '16393180Ki', pods: '110' },
      conditions: [{ type: 'Ready', status: 'True', reason: 'KubeletReady', message: 'kubelet is posting ready status', lastHeartbeatTime: '2026-11-29T12:00:00Z', lastTransitionTime: '2026-11-29T10:00:00Z' }],
      addresses,
      nodeInfo: { kubeletVersion: 'v1.31.2', osImage: 'Debian GNU/Linux 12 (bookworm)', architecture: 'amd64', operatingSystem: 'linux', containerRuntimeVersion: 'containerd://1.7.22', kernelVersion: '6.1.0', kubeProxyVersion: 'v1.31.2', machineID: 'x', systemUUID: 'y', bootID: 'z' },
    },
  };
}

function status(code: number, reason: string, message: string) {
  return { kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Failure', message, reason, code };
}

export async function startFakeKubeApi(): Promise<FakeKubeApi> {
  const nodes = new Map<string, { type: string; address: string }[]>();
  const patches: RecordedPatch[] = [];
  const requests: FakeKubeApi['requests'] = [];
  const state = { failWith: undefined as number | undefined };
  const server = createServer((req, res) => {
    const path = (req.url ?? '/').split('?', 1)[0]!;
    requests.push({ method: req.method ?? '', path, headers: req.headers });
    const send = (code: number, body: unknown) => {
      res.writeHead(code, { 'content-type': 'application/json' });
      res.end(JSON.stringify(body));
    };
    let raw = '';
    req.setEncoding('utf8');
    req.on('data', (d: string) => (raw += d));
    req.on('end', () => {
      if (state.failWith) return send(state.failWith, status(state.failWith, 'ServiceUnavailable', 'the fake API server is down'));
      let m = /^\/api\/v1\/nodes\/([^/]+)$/.exec(path);
      if (m && req.method === 'GET') {
        const addrs = nodes.get(decodeURIComponent(m[1]!));
        if (!addrs) return send(404, status(404, 'NotFound', `nodes "${m[1]}" not found`));
        return send(200, nodeObject(decodeURIComponent(m[1]!), addrs));
      }
      m = /^\/api\/v1\/namespaces\/([^/]+)\/pods\/([^/]+)$/.exec(path);
      if (m && req.method === 'PATCH') {
        const body = JSON.parse(raw || 'null');
        patches.push({ namespace: m[1]!, pod: m[2]!, contentType: req.headers['content-type'], body });
        return send(200, { kind: 'Pod', apiVersion: 'v1', metadata: { name: m[2], namespace: m[1], ...(body?.metadata ?? {}) }, spec: { containers: [{ name: 'game', image: 'x' }] } });
      }
      send(404, status(404, 'NotFound', `no route ${req.method} ${path}`));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const dir = mkdtempSync(join(tmpdir(), 'gc-kube-'));
  const kubeconfig = join(dir, 'kubeconfig');
  writeFileSync(
    kubeconfig,
    `apiVersion: v1
kind: Config
clusters:
  - name: fake
    cluster:
      server: ${url}
      insecure-skip-tls-verify: true
users:
  - name: pod
    user:
      token: test-token
contexts:
  - name: fake
    context:
      cluster: fake
      user: pod
current-context: fake
`,
  );
  const api: FakeKubeApi = {
    url,
    kubeconfig,
    nodes,
    patches,
    requests,
    get failWith() {
      return state.failWith;
    },
    set failWith(v) {
      state.failWith = v;
    },
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      rmSync(dir, { recursive: true, force: true });
    },
  };
  return api;
}

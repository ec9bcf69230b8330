/**
 * What a Prometheus would scrape from a rendered release, without a cluster: the Kubernetes service discovery of the
 * scrape setups the chart supports, run over the rendered objects and synthetic pods of each Deployment.
 * - `operator`: the Prometheus Operator's config for the rendered ServiceMonitors (endpoints of the Services they
 *   select, `jobLabel`, `podTargetLabels`) and PodMonitors (pod targets, a port-free target per container when no
 *   port is named, then the PodMonitor's relabelings);
 * - `annotations`: the classic `kubernetes-pods` job of kube-prometheus and the prometheus chart (keep
 *   `prometheus.io/scrape=true`, port from `prometheus.io/port`, `namespace`/`pod` labels, pod labels mapped).
 * hostNetwork pods learn their metrics port at start: the simulation takes the first port of METRICS_PORT_RANGE
 * and the annotations the pod's own code (podAnnotations) would patch for it. Relabeling follows Prometheus'
 * semantics for the actions the chart uses (keep, replace; anchored regexes, `;`-joined sources, `$1` groups).
 */
import { loadConfig } from '../../services/platform/config.js';
import { podAnnotations } from '../../services/pod/pod-deletion-cost.js';
import { podEnv, resolvePodIdentity } from '../../services/pod/pod-config.js';
import { byKind, labelsMatch, mainContainer, podLabels, podSpec, resolveEnv, secretValues, type K8sObject } from './helm.js';

export type MonitoringMode = 'annotations' | 'operator';

export interface SimPod {
  deployment: string;
  component: string;
  name: string;
  ip: string;
  labels: Record<string, string>;
  annotations: Record<string, string>;
  /** Container port name → number (none under hostNetwork). */
  ports: Record<string, number>;
  /** Where /metrics, /healthz and /readyz are served. */
  metricsPort: number;
  env: Record<string, string>;
}

export interface Target {
  pod: SimPod;
  via: string;
  /** host:port scraped. */
  address: string;
  /** The target labels Prometheus attaches to every series of the scrape (job, namespace, pod, instance, …). */
  labels: Record<string, string>;
}

const NODE_IP = '10.0.0.4';
const sanitize = (s: string) => s.replace(/[^a-zA-Z0-9_]/g, '_');

/** Two pods per gamecluster Deployment, as the kubelet would run them (env resolved, hostNetwork ports bound). */
export function simulatePods(objs: K8sObject[], namespace = 'games'): SimPod[] {
  const secrets = secretValues(objs);
  const out: SimPod[] = [];
  let n = 0;
  for (const d of byKind(objs, 'Deployment')) {
    const component = podLabels(d)['app.kubernetes.io/component']!;
    if (!['appmgr', 'login', 'game'].includes(component)) continue;
    const ctr = mainContainer(d);
    const hostNet = podSpec(d).hostNetwork === true;
    for (const suffix of ['x2x9k', 'q7w4p']) {
      const name = `${d.metadata.name}-7c9d8f6b5d-${suffix}`;
      const ip = hostNet ? NODE_IP : `10.1.0.${++n}`;
      const env = resolveEnv(ctr, { 'metadata.name': name, 'metadata.namespace': namespace, 'status.podIP': ip, 'status.hostIP': NODE_IP, 'spec.nodeName': 'node-a' }, { ...secrets, ...fakeSecrets(ctr) });
      for (const [k, v] of Object.entries(env)) env[k] = v.replace(/\$\((\w+)\)/g, (_, x: string) => env[x] ?? '');
      const ports = Object.fromEntries((ctr.ports ?? []).map((p) => [p.name!, p.containerPort]));
      const annotations = { ...(d.spec.template.metadata.annotations ?? {}) } as Record<string, string>;
      let metricsPort = component === 'appmgr' ? ports.admin! : ports.metrics!;
      if (hostNet) {
        // The pod binds the first free port of its metrics range and patches what its config asks for.
        const c = loadConfig(podEnv(6001), env);
        const plan = resolvePodIdentity(c, 'box').expose;
        metricsPort = plan.metricsPortRange!.lo + (suffix === 'x2x9k' ? 0 : 1);
        Object.assign(annotations, podAnnotations(c, () => 0, metricsPort)());
      }
      out.push({ deployment: d.metadata.name, component, name, ip, labels: podLabels(d), annotations, ports, metricsPort, env });
    }
  }
  return out;
}

/** Secret refs the render does not create itself (user-provided Secrets): any value will do for the simulation. */
function fakeSecrets(ctr: ReturnType<typeof mainContainer>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const e of ctr.env ?? []) {
    const r = e.valueFrom?.secretKeyRef;
    if (r) out[`${r.name}/${r.key}`] ??= 'secret';
  }
  return out;
}

interface RelabelConfig {
  sourceLabels?: string[];
  separator?: string;
  regex?: string;
  replacement?: string;
  targetLabel?: string;
  action?: string;
}

/** Prometheus relabeling (the subset the chart uses); undefined when the target is dropped. */
export function relabel(labels: Record<string, string>, configs: RelabelConfig[]): Record<string, string> | undefined {
  const l = { ...labels };
  for (const c of configs) {
    const value = (c.sourceLabels ?? []).map((s) => l[s] ?? '').join(c.separator ?? ';');
    const re = new RegExp(`^(?:${c.regex ?? '(.*)'})$`);
    const m = re.exec(value);
    const action = c.action ?? 'replace';
    if (action === 'keep') {
      if (!m) return undefined;
    } else if (action === 'drop') {
      if (m) return undefined;
    } else if (action === 'replace') {
      if (!m) continue;
      const v = (c.replacement ?? '$1').replace(/\$(\d+)|\$\{(\d+)\}/g, (_, a: string, b: string) => m[Number(a ?? b)] ?? '');
      if (v === '') delete l[c.targetLabel!];
      else l[c.targetLabel!] = v;
    } else throw new Error(`relabel action ${action} not simulated`);
  }
  return l;
}

/** Every target the given setup would scrape, deduplicated as Prometheus does (same labels, one target). */
export function scrapeTargets(objs: K8sObject[], pods: SimPod[], mode: MonitoringMode, namespace = 'games'): Target[] {
  const out: Target[] = [];
  const add = (t: Target) => {
    const key = JSON.stringify(Object.entries(t.labels).sort());
    if (!out.some((x) => x.via === t.via && JSON.stringify(Object.entries(x.labels).sort()) === key)) out.push(t);
  };
  if (mode === 'annotations') {
    for (const pod of pods) {
      if (pod.annotations['prometheus.io/scrape'] !== 'true') continue;
      // One discovered target per declared port (or one port-free target), each rewritten to the annotated port.
      const discovered = Object.values(pod.ports).length ? Object.values(pod.ports).map((p) => `${pod.ip}:${p}`) : [pod.ip];
      for (const address of discovered) {
        const meta: Record<string, string> = { __address__: address, __meta_kubernetes_pod_annotation_prometheus_io_port: pod.annotations['prometheus.io/port'] ?? '' };
        const l = relabel(meta, [{ sourceLabels: ['__address__', '__meta_kubernetes_pod_annotation_prometheus_io_port'], regex: '([^:]+)(?::\\d+)?;(\\d+)', replacement: '$1:$2', targetLabel: '__address__' }])!;
        const labels: Record<string, string> = { job: 'kubernetes-pods', namespace, pod: pod.name, instance: l.__address__! };
        for (const [k, v] of Object.entries(pod.labels)) labels[sanitize(k)] = v;
        add({ pod, via: 'annotations', address: l.__address__!, labels });
      }
    }
    return out;
  }
  for (const sm of byKind(objs, 'ServiceMonitor')) {
    for (const svc of byKind(objs, 'Service').filter((s) => labelsMatch(sm.spec.selector.matchLabels, s.metadata.labels ?? {}))) {
      for (const ep of sm.spec.endpoints as { port: string }[]) {
        const sp = (svc.spec.ports as { name: string; targetPort: string | number }[]).find((p) => p.name === ep.port);
        if (!sp) continue;
        for (const pod of pods.filter((p) => labelsMatch(svc.spec.selector, p.labels))) {
          const port = typeof sp.targetPort === 'number' ? sp.targetPort : pod.ports[sp.targetPort];
          if (port === undefined) continue;
          const labels: Record<string, string> = {
            job: (sm.spec.jobLabel && svc.metadata.labels?.[sm.spec.jobLabel]) || svc.metadata.name,
            namespace,
            service: svc.metadata.name,
            pod: pod.name,
            container: pod.component,
            endpoint: ep.port,
            instance: `${pod.ip}:${port}`,
          };
          for (const k of (sm.spec.podTargetLabels ?? []) as string[]) if (pod.labels[k]) labels[sanitize(k)] = pod.labels[k]!;
          add({ pod, via: `ServiceMonitor/${sm.metadata.name}`, address: `${pod.ip}:${port}`, labels });
        }
      }
    }
  }
  for (const pm of byKind(objs, 'PodMonitor')) {
    for (const pod of pods.filter((p) => labelsMatch(pm.spec.selector.matchLabels, p.labels))) {
      for (const ep of pm.spec.podMetricsEndpoints as { port?: string; relabelings?: RelabelConfig[] }[]) {
        const addresses = ep.port ? (pod.ports[ep.port] ? [`${pod.ip}:${pod.ports[ep.port]}`] : []) : Object.values(pod.ports).length ? Object.values(pod.ports).map((p) => `${pod.ip}:${p}`) : [pod.ip];
        for (const address of addresses) {
          const meta: Record<string, string> = { __address__: address };
          for (const [k, v] of Object.entries(pod.annotations)) meta[`__meta_kubernetes_pod_annotation_${sanitize(k)}`] = v;
          const l = relabel(meta, ep.relabelings ?? []);
          if (!l) continue;
          const labels: Record<string, string> = {
            job: (pm.spec.jobLabel && pod.labels[pm.spec.jobLabel]) || `${namespace}/${pm.metadata.name}`,
            namespace,
            pod: pod.name,
            container: pod.component,
            instance: l.__address__!,
          };
          for (const k of (pm.spec.podTargetLabels ?? []) as string[]) if (pod.labels[k]) labels[sanitize(k)] = pod.labels[k]!;
          add({ pod, via: `PodMonitor/${pm.metadata.name}`, address: l.__address__!, labels });
        }
      }
    }
  }
  return out;
}

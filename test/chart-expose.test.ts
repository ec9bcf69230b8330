/**
 * The chart's expose modes and placement values (issue 12 points 4 and 6), rendered with the real helm: hostPort
 * (Node lookup env, maxSurge 0, RBAC get nodes, token mounted), hostNetwork (no declared ports, exec probes,
 * ClusterFirstWithHostNet, scrape annotations patched by the pod), the env each mode renders accepted by the pod's
 * own config parser, token mounted only where the API is called, the ServiceAccount/RBAC switches,
 * topologySpreadConstraints/priorityClassName/podLabels/security contexts, `<component>.extraEnv` replacing a chart
 * variable (one entry, the user's value), game.scaleDownProtection, and KEDA vs the CPU HPA (the schema refuses both).
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { loadConfig } from '../services/platform/config.js';
import { podEnv, resolvePodIdentity } from '../services/pod/pod-config.js';
import { deletionCostTarget } from '../services/pod/pod-deletion-cost.js';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { stringify } from 'yaml';
import { RELEASE, byKind, find, mainContainer, podSpec, renderChart, renderError, resolveEnv, secretValues, validateObject, type Container, type K8sObject } from './helpers/helm.js';

const dep = (objs: K8sObject[], c: string) => find(objs, 'Deployment', `${RELEASE}-${c}`);
const envOf = (c: Container, name: string) => (c.env ?? []).filter((e) => e.name === name);
const kinds = (objs: K8sObject[]) => objs.map((o) => `${o.kind}/${o.metadata.name}`);

/** Renders with a values file (strings stay strings, unlike --set). */
async function renderValues(values: Record<string, unknown>): Promise<K8sObject[]> {
  const dir = mkdtempSync(join(tmpdir(), 'gc-chart-'));
  try {
    writeFileSync(join(dir, 'values.yaml'), stringify(values));
    return await renderChart({ valuesFiles: [join(dir, 'values.yaml')] });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The env the kubelet would give the container, parsed by the pod's own config code. */
function podConfig(d: K8sObject, objs: K8sObject[]) {
  const env = resolveEnv(mainContainer(d), { 'metadata.name': 'gc-game-7f9-abcde', 'metadata.namespace': 'games', 'status.podIP': '10.1.2.3', 'status.hostIP': '10.0.0.4', 'spec.nodeName': 'node-a' }, secretValues(objs));
  for (const [k, v] of Object.entries(env)) env[k] = v.replace(/\$\((\w+)\)/g, (_, n: string) => env[n] ?? '');
  const c = loadConfig(podEnv(6001), env);
  return { c, identity: resolvePodIdentity(c, 'box'), annotate: deletionCostTarget(c) };
}

describe('expose.mode', () => {
  test('podIP (default): POD_IP advertised, no token, maxSurge 1, no RBAC', async () => {
    const objs = await renderChart();
    for (const c of ['login', 'game']) {
      const d = dep(objs, c);
      assert.equal(podSpec(d).automountServiceAccountToken, false);
      assert.equal(podSpec(d).serviceAccountName, RELEASE);
      assert.deepEqual(d.spec.strategy.rollingUpdate, { maxSurge: 1, maxUnavailable: 0 });
      const { identity, annotate } = podConfig(d, objs);
      assert.deepEqual({ host: identity.advertiseHost, mode: identity.expose.mode, annotate }, { host: '10.1.2.3', mode: 'podIP', annotate: undefined });
    }
    assert.deepEqual(kinds(objs).filter((k) => /Role|ServiceAccount/.test(k)), [`ServiceAccount/${RELEASE}`]);
    assert.equal(find(objs, 'ServiceAccount', RELEASE).automountServiceAccountToken, false, 'pods opt in');
  });

  test('hostPort: Node lookup (addressType order), hostPort = port, maxSurge 0, ClusterRole get nodes bound to the pods’ ServiceAccount', async () => {
    const objs = await renderChart({ set: ['expose.mode=hostPort', 'serviceAccount.name=gc-pods'] });
    for (const c of ['login', 'game']) {
      const d = dep(objs, c);
      const ctr = mainContainer(d);
      assert.equal(podSpec(d).automountServiceAccountToken, true, `${c}: reads its Node`);
      assert.equal(podSpec(d).serviceAccountName, 'gc-pods');
      assert.deepEqual(d.spec.strategy.rollingUpdate, { maxSurge: 0, maxUnavailable: 1 }, 'a fixed host port never deadlocks a rollout');
      assert.equal(ctr.ports!.find((p) => p.name === 'tcp')!.hostPort, ctr.ports!.find((p) => p.name === 'tcp')!.containerPort);
      assert.equal(envOf(ctr, 'ADVERTISE_HOST').length, 0, 'no silent fallback address');
      const { identity } = podConfig(d, objs);
      assert.equal(identity.advertiseHost, '', 'unknown until the lookup answers');
      // Public address types only by default: a private node's pod stays unready (InternalIP only when listed).
      assert.deepEqual(identity.expose.nodeLookup, { nodeName: 'node-a', types: ['ExternalDNS', 'ExternalIP'], retryMs: 2000, timeoutMs: 5000 });
    }
    assert.equal(podSpec(dep(objs, 'appmgr')).automountServiceAccountToken, false);
    const role = byKind(objs, 'ClusterRole')[0]!;
    assert.deepEqual(role.rules, [{ apiGroups: [''], resources: ['nodes'], verbs: ['get'] }]);
    const binding = byKind(objs, 'ClusterRoleBinding')[0]! as K8sObject & { roleRef: { name: string }; subjects: unknown };
    assert.equal(binding.roleRef.name, role.metadata.name);
    assert.deepEqual(binding.subjects, [{ kind: 'ServiceAccount', name: 'gc-pods', namespace: 'games' }]);
    assert.match(role.metadata.name, /^games-gc-/, 'cluster-scoped: the namespace is in the name');
    assert.equal(byKind(objs, 'Role').length, 0);
    for (const o of objs) if (/Role|ServiceAccount/.test(o.kind)) await validateObject(o);
  });

  test('hostPort with advertiseHost: no lookup, no token, no ClusterRole; addressType reaches NODE_ADDRESS_TYPES', async () => {
    const objs = await renderChart({ set: ['expose.mode=hostPort', 'expose.advertiseHost=play.example.com'] });
    const d = dep(objs, 'game');
    assert.equal(podSpec(d).automountServiceAccountToken, false);
    assert.equal(podConfig(d, objs).identity.advertiseHost, 'play.example.com');
    assert.equal(byKind(objs, 'ClusterRole').length, 0);
    const typed = await renderChart({ set: ['expose.mode=hostPort', 'expose.addressType={InternalIP,ExternalIP}'] });
    assert.deepEqual(podConfig(dep(typed, 'login'), typed).identity.expose.nodeLookup?.types, ['InternalIP', 'ExternalIP']);
    assert.match(await renderError({ set: ['expose.addressType={PublicIP}'] }), /addressType/);
    // $(NODE_NAME) in advertiseHost: per-node DNS names (one wildcard certificate), expanded by the kubelet.
    const named = await renderValues({ expose: { mode: 'hostPort', advertiseHost: '$(NODE_NAME).nodes.play.example.com' } });
    assert.equal(podConfig(dep(named, 'game'), named).identity.advertiseHost, 'node-a.nodes.play.example.com');
    assert.equal(byKind(named, 'ClusterRole').length, 0, 'no lookup: no get nodes');
    assert.match(await renderError({ set: ['expose.mode=nodePort'] }), /mode/);
  });

  test('hostNetwork: no declared ports, PORT_RANGE and a disjoint METRICS_PORT_RANGE, exec probes, ClusterFirstWithHostNet, scrape annotations patched by the pod, maxSurge 1', async () => {
    const objs = await renderChart({ set: ['expose.mode=hostNetwork', 'expose.portRange=7100-7199', 'networkPolicy.nodeCIDRs={10.0.0.0/16}'] });
    for (const c of ['login', 'game']) {
      const d = dep(objs, c);
      const spec = podSpec(d);
      const ctr = mainContainer(d);
      assert.equal(spec.hostNetwork, true);
      assert.equal(spec.dnsPolicy, 'ClusterFirstWithHostNet');
      assert.equal(ctr.ports, undefined, 'a declared port would become a fixed host port');
      assert.deepEqual(ctr.readinessProbe.exec.command, ['gamecluster', 'probe', 'readyz']);
      assert.deepEqual(ctr.livenessProbe.exec.command, ['gamecluster', 'probe', 'healthz']);
      assert.equal(d.spec.template.metadata.annotations?.['prometheus.io/port'], undefined, 'no static (wrong) port');
      assert.equal(spec.automountServiceAccountToken, true);
      const { c: cfg, identity, annotate } = podConfig(d, objs);
      assert.deepEqual(identity.expose.portRange, { lo: 7100, hi: 7199 });
      assert.deepEqual(identity.expose.metricsPortRange, { lo: 9500, hi: 9599 });
      // Dynamic ports: a surge pod never waits for a port, so hostNetwork rolls out like podIP.
      assert.deepEqual(d.spec.strategy.rollingUpdate, { maxSurge: 1, maxUnavailable: 0 });
      assert.equal(cfg.SCRAPE_ANNOTATIONS, 'on');
      assert.deepEqual(annotate, { namespace: 'games', pod: 'gc-game-7f9-abcde' });
      assert.ok(!objs.some((o) => o.kind === 'Service' && o.metadata.name === `${RELEASE}-${c}`), 'no Service can name ports the pods pick');
    }
    const role = find(objs, 'Role', `${RELEASE}-pod-patcher`);
    assert.deepEqual(role.rules, [{ apiGroups: [''], resources: ['pods'], verbs: ['patch'] }]);
    // Without annotation scraping the pods need no patch right.
    const quiet = await renderChart({ set: ['expose.mode=hostNetwork', 'metrics.podAnnotations=false', 'networkPolicy.nodeCIDRs={10.0.0.0/16}'] });
    assert.equal(byKind(quiet, 'Role').length, 0);
    assert.equal(podConfig(dep(quiet, 'game'), quiet).c.SCRAPE_ANNOTATIONS, 'off');
    assert.match(await renderError({ set: ['expose.mode=hostNetwork', 'expose.portRange=7000'] }), /portRange/);
    assert.match(await renderError({ set: ['expose.mode=hostNetwork', 'networkPolicy.nodeCIDRs={10.0.0.0/16}', 'expose.metricsPortRange=7900-8100'] }), /metricsPortRange=7900-8100 overlaps portRange=7000-7999/);
    // The schema states that hostNetwork needs nodeCIDRs (with NetworkPolicies on).
    assert.match(await renderError({ set: ['expose.mode=hostNetwork'] }), /nodeCIDRs/);
    await renderChart({ set: ['expose.mode=hostNetwork', 'networkPolicy.enabled=false'] });
  });
});

describe('placement and scale-down', () => {
  test('topologySpreadConstraints: login and game over zones and nodes, appmgr never two on one node; selector and pod-template-hash filled in', async () => {
    const objs = await renderChart();
    for (const c of ['login', 'game']) {
      const sel = { matchLabels: dep(objs, c).spec.selector.matchLabels };
      assert.deepEqual(podSpec(dep(objs, c)).topologySpreadConstraints, [
        { maxSkew: 1, topologyKey: 'topology.kubernetes.io/zone', whenUnsatisfiable: 'ScheduleAnyway', labelSelector: sel, matchLabelKeys: ['pod-template-hash'] },
        { maxSkew: 1, topologyKey: 'kubernetes.io/hostname', whenUnsatisfiable: 'ScheduleAnyway', labelSelector: sel, matchLabelKeys: ['pod-template-hash'] },
      ]);
    }
    const a = podSpec(dep(objs, 'appmgr')).topologySpreadConstraints;
    assert.deepEqual(a[0], { maxSkew: 1, topologyKey: 'kubernetes.io/hostname', whenUnsatisfiable: 'DoNotSchedule', nodeTaintsPolicy: 'Honor', labelSelector: { matchLabels: dep(objs, 'appmgr').spec.selector.matchLabels }, matchLabelKeys: ['pod-template-hash'] });
    assert.equal(a[1].topologyKey, 'topology.kubernetes.io/zone');
    // Per component: game's own list wins over the top-level one; an explicit matchLabelKeys is kept.
    const own = await renderValues({ game: { topologySpreadConstraints: [{ maxSkew: 2, topologyKey: 'kubernetes.io/hostname', whenUnsatisfiable: 'DoNotSchedule', matchLabelKeys: [] }] } });
    assert.deepEqual(podSpec(dep(own, 'game')).topologySpreadConstraints.map((t: { maxSkew: number; matchLabelKeys: string[] }) => [t.maxSkew, t.matchLabelKeys]), [[2, []]]);
    assert.equal(podSpec(dep(own, 'login')).topologySpreadConstraints.length, 2);
    const zones = await renderChart({ set: ['topologySpreadConstraints[0].maxSkew=2', 'topologySpreadConstraints[0].topologyKey=topology.kubernetes.io/zone', 'topologySpreadConstraints[0].whenUnsatisfiable=DoNotSchedule'] });
    assert.equal(podSpec(dep(zones, 'game')).topologySpreadConstraints[0].topologyKey, 'topology.kubernetes.io/zone');
  });

  test('priorityClassName, podLabels (not in selectors), security contexts merged over the defaults', async () => {
    const objs = await renderChart({ set: ['priorityClassName=game-critical', 'podLabels.team=games', 'podSecurityContext.runAsUser=2000', 'podSecurityContext.fsGroupChangePolicy=OnRootMismatch', 'containerSecurityContext.readOnlyRootFilesystem=false'] });
    for (const c of ['appmgr', 'login', 'game']) {
      const d = dep(objs, c);
      const spec = podSpec(d);
      assert.equal(spec.priorityClassName, 'game-critical');
      assert.equal(d.spec.template.metadata.labels.team, 'games');
      assert.equal(d.spec.selector.matchLabels.team, undefined);
      assert.equal(spec.securityContext.runAsUser, 2000);
      assert.equal(spec.securityContext.runAsNonRoot, true, 'the rest of the default stays');
      assert.equal(spec.securityContext.fsGroupChangePolicy, 'OnRootMismatch');
      assert.equal(mainContainer(d).securityContext.readOnlyRootFilesystem, false);
      assert.deepEqual(mainContainer(d).securityContext.capabilities, { drop: ['ALL'] });
      await validateObject(d);
    }
  });

  test('<component>.extraEnv: a chart variable named there is replaced (one entry, the user value); others are appended', async () => {
    const objs = await renderValues({
      game: { extraEnv: [{ name: 'CAPACITY', value: '123' }, { name: 'NODE_OPTIONS', value: '--max-old-space-size=512' }, { name: 'UV_THREADPOOL_SIZE', value: '8' }] },
      login: { extraEnv: [{ name: 'LOG_LEVEL', value: 'debug' }] },
      appmgr: { extraEnv: [{ name: 'SELECT_STRATEGY', value: 'packed' }] },
    });
    const game = mainContainer(dep(objs, 'game'));
    assert.deepEqual(envOf(game, 'CAPACITY'), [{ name: 'CAPACITY', value: '123' }]);
    assert.deepEqual(envOf(game, 'NODE_OPTIONS'), [{ name: 'NODE_OPTIONS', value: '--max-old-space-size=512' }]);
    // NODE_OPTIONS is a chart variable too (game.nodeOptions): replaced in place like CAPACITY.
    assert.deepEqual(envOf(game, 'UV_THREADPOOL_SIZE'), [{ name: 'UV_THREADPOOL_SIZE', value: '8' }]);
    assert.equal(game.env!.at(-1)!.name, 'UV_THREADPOOL_SIZE', 'a new name is appended');
    assert.deepEqual(envOf(mainContainer(dep(objs, 'login')), 'LOG_LEVEL'), [{ name: 'LOG_LEVEL', value: 'debug' }]);
    assert.deepEqual(envOf(mainContainer(dep(objs, 'appmgr')), 'SELECT_STRATEGY'), [{ name: 'SELECT_STRATEGY', value: 'packed' }]);
    for (const c of ['appmgr', 'login', 'game']) {
      const names = mainContainer(dep(objs, c)).env!.map((e) => e.name);
      assert.equal(new Set(names).size, names.length, `${c}: duplicate env names ${names}`);
    }
    // A replaced variable keeps its place: $(POD_NAME) references still come after POD_NAME.
    const named = await renderValues({ game: { extraEnv: [{ name: 'APP_ID', value: '$(POD_NAME)-x' }] } });
    const names = mainContainer(dep(named, 'game')).env!.map((e) => e.name);
    assert.ok(names.indexOf('APP_ID') > names.indexOf('POD_NAME'));
  });

  test('game.scaleDownProtection: POD_DELETION_COST=on with the pod named, token mounted, namespace-wide Role patch pods', async () => {
    const objs = await renderChart({ set: ['game.scaleDownProtection.enabled=true', 'game.scaleDownProtection.intervalMs=3000'] });
    const d = dep(objs, 'game');
    assert.equal(podSpec(d).automountServiceAccountToken, true);
    const { c, annotate } = podConfig(d, objs);
    assert.equal(c.POD_DELETION_COST, 'on');
    assert.equal(c.POD_DELETION_COST_INTERVAL_MS, 3000);
    assert.deepEqual(annotate, { namespace: 'games', pod: 'gc-game-7f9-abcde' });
    assert.equal(podSpec(dep(objs, 'login')).automountServiceAccountToken, false, 'login pods do not patch');
    const role = find(objs, 'Role', `${RELEASE}-pod-patcher`);
    assert.deepEqual(role.rules, [{ apiGroups: [''], resources: ['pods'], verbs: ['patch'] }]);
    assert.deepEqual(find(objs, 'RoleBinding', `${RELEASE}-pod-patcher`).subjects, [{ kind: 'ServiceAccount', name: RELEASE, namespace: 'games' }]);
    assert.match(await renderError({ set: ['login.scaleDownProtection.enabled=true', 'login.scaleDownProtection.intervalMs=5000'] }), /only game pods/);
  });

  test('serviceAccount.create=false: no ServiceAccount or RBAC rendered, the named one is used', async () => {
    const objs = await renderChart({ set: ['serviceAccount.create=false', 'serviceAccount.name=platform-sa', 'expose.mode=hostPort', 'game.scaleDownProtection.enabled=true'] });
    assert.deepEqual(kinds(objs).filter((k) => /Role|ServiceAccount/.test(k)), []);
    for (const c of ['appmgr', 'login', 'game']) assert.equal(podSpec(dep(objs, c)).serviceAccountName, 'platform-sa');
  });

  test('KEDA ScaledObject on online players against the capacity; mutually exclusive with the CPU HPA', async () => {
    const objs = await renderChart({ set: ['game.autoscaling.keda.enabled=true', 'game.autoscaling.keda.prometheusAddress=http://prometheus-operated.monitoring.svc:9090', 'game.capacity=2000', 'game.autoscaling.keda.targetCapacityPercentage=60', 'login.autoscaling.enabled=true'] });
    const so = find(objs, 'ScaledObject', `${RELEASE}-game`);
    assert.equal(so.apiVersion, 'keda.sh/v1alpha1');
    assert.deepEqual(so.spec.scaleTargetRef, { apiVersion: 'apps/v1', kind: 'Deployment', name: `${RELEASE}-game` });
    assert.deepEqual([so.spec.minReplicaCount, so.spec.maxReplicaCount], [2, 10]);
    const [trigger] = so.spec.triggers;
    assert.equal(trigger.type, 'prometheus');
    assert.equal(trigger.metricType, 'AverageValue');
    // Only this release's game pods, each once however many jobs scrape it.
    assert.deepEqual(trigger.metadata, { serverAddress: 'http://prometheus-operated.monitoring.svc:9090', query: 'sum(max by (pod) (gamecluster_online_players{app_type="game",namespace="games",pod=~"gc-(game)-[a-z0-9]+-[a-z0-9]+"}))', threshold: '1200' });
    // A Prometheus outage holds maxReplicas: never a scale-down (and drained players) on missing data.
    assert.deepEqual(so.spec.fallback, { failureThreshold: 3, replicas: 10 });
    assert.equal(dep(objs, 'game').spec.replicas, undefined, 'replicas left to KEDA');
    assert.equal(byKind(objs, 'HorizontalPodAutoscaler').map((h) => h.metadata.name).join(), `${RELEASE}-login`, 'the CPU HPA only where asked');
    assert.equal(byKind(objs, 'ScaledObject').length, 1);
    // The schema refuses both on one component, and KEDA without a Prometheus address.
    const both = await renderError({ set: ['game.autoscaling.enabled=true', 'game.autoscaling.keda.enabled=true', 'game.autoscaling.keda.prometheusAddress=http://p:9090'] });
    assert.match(both, /game\/autoscaling/);
    assert.match(await renderError({ set: ['game.autoscaling.keda.enabled=true'] }), /prometheusAddress/);
  });
});

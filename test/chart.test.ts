/**
 * The Helm chart without a cluster: `helm lint --strict` and `helm template` for every ci/*-values.yaml scenario,
 * every rendered object checked against the Kubernetes / Prometheus Operator schemas (kubernetes-models), and the
 * chart's own invariants: selectors match labels, ports line up between Service, container and env, probes hit the
 * served /healthz and /readyz, the grace period covers preStop + drain, pods are locked down.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import {
  RELEASE,
  byKind,
  chartDir,
  ciValuesFiles,
  find,
  helm,
  labelsMatch,
  mainContainer,
  podLabels,
  podSpec,
  portOf,
  renderChart,
  renderError,
  validateObject,
  type Container,
  type K8sObject,
} from './helpers/helm.js';

const scenarios = ciValuesFiles();
const rendered = new Map<string, Promise<K8sObject[]>>();
function render(file: string): Promise<K8sObject[]> {
  let p = rendered.get(file);
  if (!p) rendered.set(file, (p = renderChart({ valuesFiles: [scenarios[file]!] })));
  return p;
}

const envOf = (c: Container, name: string) => c.env?.find((e) => e.name === name);
const envValue = (c: Container, name: string) => envOf(c, name)?.value;
const workloads = (objs: K8sObject[]) => [...byKind(objs, 'Deployment'), ...byKind(objs, 'Pod')];
const component = (o: K8sObject) => podLabels(o)['app.kubernetes.io/component'];

test('the scenarios are there', () => {
  for (const f of ['default', 'external-redis', 'hostport', 'hostnetwork', 'autoscaling', 'full', 'off']) assert.ok(scenarios[`${f}-values.yaml`], `ci/${f}-values.yaml is missing`);
});

for (const file of Object.keys(scenarios)) {
  describe(`scenario ci/${file}`, () => {
    test('helm lint --strict passes', async () => {
      const r = await helm(['lint', '--strict', chartDir, '-f', scenarios[file]!]);
      assert.equal(r.code, 0, `helm lint failed:\n${r.stdout}\n${r.stderr}`);
      assert.match(r.stdout, /0 chart\(s\) failed/);
    });

    test('every rendered object validates against its Kubernetes schema', async () => {
      const objs = await render(file);
      assert.ok(objs.length >= 6, `only ${objs.length} objects rendered`);
      for (const o of objs) await validateObject(o);
      const names = objs.map((o) => `${o.kind}/${o.metadata.name}`);
      assert.equal(new Set(names).size, names.length, `duplicate objects: ${names.join(', ')}`);
      for (const o of objs) {
        assert.equal(o.metadata.labels?.['app.kubernetes.io/instance'], RELEASE, `${o.kind}/${o.metadata.name} lacks the instance label`);
        assert.match(o.metadata.name, /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/);
        assert.ok(o.metadata.name.length <= 63);
      }
    });

    test('appmgr, login and game run the one image with their command', async () => {
      const objs = await render(file);
      for (const c of ['appmgr', 'login', 'game']) {
        const d = find(objs, 'Deployment', `${RELEASE}-${c}`);
        const ctr = mainContainer(d);
        assert.deepEqual(ctr.args, [c]);
        assert.match(ctr.image, /^ghcr\.io\/gamecluster\/gamecluster:\d+\.\d+\.\d+/, 'the published image, tagged appVersion (test/chart-image.test.ts has the rest)');
        assert.ok(envOf(ctr, 'WORKERS'), `${c} has no WORKERS env`);
        for (const v of ['REDIS_URL', 'PREFIX', 'LOG_LEVEL', 'HEARTBEAT_MS', 'APP_TTL_MS', 'STALE_MS']) assert.ok(envOf(ctr, v), `${c} lacks ${v}`);
      }
    });

    test('selectors match the labels of what they select', async () => {
      const objs = await render(file);
      const pods = workloads(objs);
      for (const d of byKind(objs, 'Deployment')) {
        assert.ok(labelsMatch(d.spec.selector.matchLabels, podLabels(d)), `${d.metadata.name}: selector does not match its pod labels`);
        const others = byKind(objs, 'Deployment').filter((x) => x !== d && labelsMatch(d.spec.selector.matchLabels, podLabels(x)));
        assert.deepEqual(others.map((x) => x.metadata.name), [], `${d.metadata.name}: selector also matches other Deployments`);
      }
      for (const s of byKind(objs, 'Service')) {
        const matched = byKind(objs, 'Deployment').filter((d) => labelsMatch(s.spec.selector, podLabels(d)));
        assert.equal(matched.length, 1, `Service ${s.metadata.name} selects ${matched.length} Deployments`);
      }
      for (const p of byKind(objs, 'PodDisruptionBudget')) {
        const matched = byKind(objs, 'Deployment').filter((d) => labelsMatch(p.spec.selector.matchLabels, podLabels(d)));
        assert.equal(matched.length, 1, `PDB ${p.metadata.name} selects ${matched.length} Deployments`);
      }
      for (const h of byKind(objs, 'HorizontalPodAutoscaler')) {
        const d = find(objs, 'Deployment', h.spec.scaleTargetRef.name);
        assert.equal(d.spec.replicas, undefined, `${d.metadata.name} sets replicas although an HPA scales it`);
        assert.ok(mainContainer(d).resources?.requests?.cpu, `${d.metadata.name}: an HPA on CPU needs a CPU request`);
        assert.ok(h.spec.minReplicas <= h.spec.maxReplicas);
      }
      for (const m of byKind(objs, 'ServiceMonitor')) {
        const svcs = byKind(objs, 'Service').filter((s) => labelsMatch(m.spec.selector.matchLabels, s.metadata.labels ?? {}));
        assert.equal(svcs.length, 1, `ServiceMonitor ${m.metadata.name} selects ${svcs.length} Services`);
        for (const ep of m.spec.endpoints) {
          assert.ok(svcs[0]!.spec.ports.some((p: { name: string }) => p.name === ep.port), `ServiceMonitor ${m.metadata.name}: Service has no port ${ep.port}`);
          assert.equal(ep.path, '/metrics');
        }
      }
      for (const np of byKind(objs, 'NetworkPolicy')) {
        const matched = pods.filter((d) => labelsMatch(np.spec.podSelector.matchLabels, podLabels(d)));
        assert.equal(matched.length, 1, `NetworkPolicy ${np.metadata.name} selects ${matched.length} workloads`);
        const ctr = mainContainer(matched[0]!);
        for (const rule of np.spec.ingress) for (const p of rule.ports ?? []) assert.ok(portOf(ctr, p.port), `NetworkPolicy ${np.metadata.name}: no container port ${p.port}`);
      }
    });

    test('Service, container and env ports line up', async () => {
      const objs = await render(file);
      for (const s of byKind(objs, 'Service')) {
        const d = byKind(objs, 'Deployment').find((x) => labelsMatch(s.spec.selector, podLabels(x)))!;
        const ctr = mainContainer(d);
        for (const p of s.spec.ports) {
          const cp = portOf(ctr, p.targetPort);
          assert.ok(cp, `Service ${s.metadata.name} targets port ${p.targetPort} that ${d.metadata.name} does not declare`);
          // Headless Services carry no VIP remapping: what DNS clients dial is the pod port itself.
          if (s.spec.clusterIP === 'None') assert.equal(p.port, cp.containerPort, `headless ${s.metadata.name}: port ${p.port} ≠ container ${cp.containerPort}`);
        }
      }
      const appmgr = mainContainer(find(objs, 'Deployment', `${RELEASE}-appmgr`));
      assert.equal(envValue(appmgr, 'HTTP_PORT'), String(portOf(appmgr, 'http')!.containerPort));
      assert.equal(envValue(appmgr, 'ADMIN_PORT'), String(portOf(appmgr, 'admin')!.containerPort));
      // The public Service carries only /login's port; the admin port is behind the ClusterIP admin Service only.
      assert.deepEqual(find(objs, 'Service', `${RELEASE}-appmgr`).spec.ports.map((p: { targetPort: string }) => p.targetPort), ['http']);
      const adminSvc = find(objs, 'Service', `${RELEASE}-appmgr-admin`);
      assert.equal(adminSvc.spec.type, 'ClusterIP');
      assert.deepEqual(adminSvc.spec.ports.map((p: { targetPort: string }) => p.targetPort), ['admin']);
      // gRPC access: appmgr and the login pods agree on GRPC_AUTH and read the same credentials.
      const loginCtr = mainContainer(find(objs, 'Deployment', `${RELEASE}-login`));
      assert.equal(envValue(loginCtr, 'GRPC_AUTH'), envValue(appmgr, 'GRPC_AUTH'));
      if (envValue(appmgr, 'GRPC_AUTH') === 'token') {
        const ref = envOf(appmgr, 'ADMIN_TOKEN')?.valueFrom?.secretKeyRef;
        assert.ok(ref, 'ADMIN_TOKEN from a Secret');
        assert.deepEqual(envOf(loginCtr, 'ADMIN_TOKEN')?.valueFrom?.secretKeyRef, ref);
        const secret = find(objs, 'Secret', ref.name);
        assert.ok(Buffer.from(secret.data![ref.key]!, 'base64').length >= 32, 'a generated token of 32+ characters');
        assert.equal(secret.metadata.annotations?.['helm.sh/resource-policy'], 'keep');
      }
      assert.equal(envValue(appmgr, 'GRPC_PORT'), String(portOf(appmgr, 'grpc')!.containerPort));
      const hostPortMode = file.startsWith('hostport');
      for (const c of ['login', 'game']) {
        const ctr = mainContainer(find(objs, 'Deployment', `${RELEASE}-${c}`));
        if (envValue(ctr, 'EXPOSE_MODE') === 'hostNetwork') {
          // No declared ports: each pod binds free ports of PORT_RANGE, metrics of METRICS_PORT_RANGE (test/chart-expose.test.ts).
          assert.equal(ctr.ports, undefined, `${c}: hostNetwork declares no (host) ports`);
          assert.ok(envValue(ctr, 'PORT_RANGE'));
          assert.ok(envValue(ctr, 'METRICS_PORT_RANGE'));
          continue;
        }
        const tcp = portOf(ctr, 'tcp')!;
        assert.equal(envValue(ctr, 'PORT'), String(tcp.containerPort));
        assert.equal(envValue(ctr, 'ADVERTISE_PORT'), String(tcp.containerPort));
        assert.equal(envValue(ctr, 'METRICS_PORT'), String(portOf(ctr, 'metrics')!.containerPort));
        assert.equal(envOf(ctr, 'POD_NAME')?.valueFrom?.fieldRef?.fieldPath, 'metadata.name');
        assert.equal(envOf(ctr, 'POD_IP')?.valueFrom?.fieldRef?.fieldPath, 'status.podIP');
        assert.equal(envValue(ctr, 'APP_ID'), '$(POD_NAME)');
        if (hostPortMode) {
          assert.equal(tcp.hostPort, tcp.containerPort, `${c}: hostPort mode must open the same port on the node`);
          // The Node's address comes from the API (expose.addressType), never status.hostIP (often the internal IP).
          assert.equal(envOf(ctr, 'ADVERTISE_HOST'), undefined);
          assert.equal(envOf(ctr, 'NODE_NAME')?.valueFrom?.fieldRef?.fieldPath, 'spec.nodeName');
          assert.equal(envValue(ctr, 'EXPOSE_MODE'), 'hostPort');
          assert.equal(portOf(ctr, 'metrics')!.hostPort, undefined, 'metrics must not be opened on the node');
        } else {
          assert.equal(tcp.hostPort, undefined);
          assert.equal(envValue(ctr, 'ADVERTISE_HOST'), '$(POD_IP)');
        }
      }
      // login → appmgr gRPC through the headless Service, on the port appmgr listens on.
      const login = mainContainer(find(objs, 'Deployment', `${RELEASE}-login`));
      const m = /^dns:\/\/\/([^:]+):(\d+)$/.exec(envValue(login, 'APPMGR_GRPC') ?? '');
      assert.ok(m, `APPMGR_GRPC=${envValue(login, 'APPMGR_GRPC')} is not dns:///<svc>:<port>`);
      const grpcSvc = find(objs, 'Service', m[1]!);
      assert.equal(grpcSvc.spec.clusterIP, 'None', 'the gRPC Service must be headless for client-side round-robin');
      assert.equal(m[2], envValue(appmgr, 'GRPC_PORT'));
      assert.ok(grpcSvc.spec.ports.some((p: { port: number }) => String(p.port) === m[2]));
      // A dev Redis is reached through its Service on the port it listens on.
      const redisUrl = envValue(appmgr, 'REDIS_URL');
      if (objs.some((o) => o.kind === 'Deployment' && o.metadata.name === `${RELEASE}-redis`)) {
        const svc = find(objs, 'Service', `${RELEASE}-redis`);
        // The bundled Redis' password: from its Secret, expanded into the URL by the kubelet (never a plain value).
        assert.equal(redisUrl, `redis://:$(REDIS_PASSWORD)@${svc.metadata.name}:${svc.spec.ports[0].port}`);
        assert.deepEqual(envOf(appmgr, 'REDIS_PASSWORD')?.valueFrom?.secretKeyRef, { name: `${RELEASE}-redis`, key: 'password' });
        assert.equal(portOf(mainContainer(find(objs, 'Deployment', `${RELEASE}-redis`)), svc.spec.ports[0].targetPort)!.containerPort, 6379);
      }
    });

    test('probes point at /healthz and /readyz on the port that serves them', async () => {
      const objs = await render(file);
      for (const d of byKind(objs, 'Deployment')) {
        const c = component(d);
        if (c === 'redis') continue;
        const ctr = mainContainer(d);
        if (c !== 'appmgr' && envValue(ctr, 'EXPOSE_MODE') === 'hostNetwork') {
          // Ports chosen at start: exec probes read them from PORTS_FILE (test/expose-modes.test.ts runs the command).
          assert.deepEqual(ctr.livenessProbe?.exec?.command, ['gamecluster', 'probe', 'healthz']);
          assert.deepEqual(ctr.readinessProbe?.exec?.command, ['gamecluster', 'probe', 'readyz']);
          continue;
        }
        const served = c === 'appmgr' ? envValue(ctr, 'HTTP_PORT') : envValue(ctr, 'METRICS_PORT');
        for (const [probe, path] of [
          ['livenessProbe', '/healthz'],
          ['readinessProbe', '/readyz'],
        ] as const) {
          const p = ctr[probe]?.httpGet;
          assert.ok(p, `${d.metadata.name} has no ${probe}.httpGet`);
          assert.equal(p.path, path, `${d.metadata.name} ${probe}`);
          assert.equal(String(portOf(ctr, p.port)?.containerPort), served, `${d.metadata.name} ${probe} port ${p.port} is not the one serving ${path}`);
        }
      }
    });

    test('the grace period covers preStop plus the drain', async () => {
      const objs = await render(file);
      for (const d of byKind(objs, 'Deployment')) {
        const c = component(d);
        if (c === 'redis') continue;
        const ctr = mainContainer(d);
        const grace = podSpec(d).terminationGracePeriodSeconds as number;
        const cmd = ctr.lifecycle?.preStop?.exec?.command as string[] | undefined;
        assert.ok(cmd && cmd[0] === 'sleep', `${d.metadata.name} has no preStop sleep`);
        const preStop = Number(cmd[1]);
        const drainMs = c === 'appmgr' ? 0 : Number(envValue(ctr, 'DRAIN_TIMEOUT_MS'));
        if (c !== 'appmgr') assert.ok(drainMs > 0, `${d.metadata.name} has no DRAIN_TIMEOUT_MS`);
        assert.ok(grace * 1000 > preStop * 1000 + drainMs, `${d.metadata.name}: grace ${grace}s ≤ preStop ${preStop}s + drain ${drainMs}ms`);
      }
    });

    test('every pod runs non-root with a read-only root filesystem and no capabilities', async () => {
      const objs = await render(file);
      for (const w of workloads(objs)) {
        const spec = podSpec(w);
        assert.equal(spec.securityContext?.runAsNonRoot, true, `${w.metadata.name}: pod runAsNonRoot`);
        assert.ok(spec.securityContext?.runAsUser > 0, `${w.metadata.name}: numeric non-root runAsUser`);
        // Only login/game pods that call the API (host modes' Node lookup, game.scaleDownProtection) mount a token.
        const callsApi = ['login', 'game'].includes(component(w)!) && (mainContainer(w).env ?? []).some((e) => e.name === 'NODE_NAME' || (e.name === 'POD_DELETION_COST' && e.value === 'on'));
        assert.equal(spec.automountServiceAccountToken, callsApi, `${w.metadata.name}: API token only when the pod calls the API`);
        for (const ctr of spec.containers as Container[]) {
          const sc = ctr.securityContext ?? {};
          assert.equal(sc.readOnlyRootFilesystem, true, `${w.metadata.name}/${ctr.name} readOnlyRootFilesystem`);
          assert.equal(sc.allowPrivilegeEscalation, false, `${w.metadata.name}/${ctr.name} allowPrivilegeEscalation`);
          assert.equal(sc.runAsNonRoot, true, `${w.metadata.name}/${ctr.name} runAsNonRoot`);
          assert.deepEqual(sc.capabilities?.drop, ['ALL'], `${w.metadata.name}/${ctr.name} drops ALL capabilities`);
          assert.ok(!sc.privileged, `${w.metadata.name}/${ctr.name} privileged`);
          assert.ok(ctr.resources?.requests?.memory && ctr.resources?.limits?.memory, `${w.metadata.name}/${ctr.name} memory request and limit`);
        }
      }
    });
  });
}

describe('scenario specifics', () => {
  test('default: dev Redis, scrape annotations, dashboard, PDBs, helm test robots; no CRD objects', async () => {
    const objs = await render('default-values.yaml');
    find(objs, 'Deployment', `${RELEASE}-redis`);
    assert.equal(byKind(objs, 'ServiceMonitor').length, 0);
    assert.equal(byKind(objs, 'PrometheusRule').length, 0);
    assert.equal(byKind(objs, 'PodDisruptionBudget').length, 3);
    const login = find(objs, 'Deployment', `${RELEASE}-login`);
    assert.deepEqual(login.spec.template.metadata.annotations, { 'prometheus.io/scrape': 'true', 'prometheus.io/port': '9100', 'prometheus.io/path': '/metrics' });
    // appmgr's /metrics is on its admin port.
    assert.equal(find(objs, 'Deployment', `${RELEASE}-appmgr`).spec.template.metadata.annotations['prometheus.io/port'], '8081');
    const appmgr = mainContainer(find(objs, 'Deployment', `${RELEASE}-appmgr`));
    assert.equal(envValue(appmgr, 'GRPC_AUTH'), 'token', 'the chart default');
    assert.equal(envValue(appmgr, 'LOGIN_RATE_PER_IP'), '20');
    assert.equal(envOf(appmgr, 'TRUST_PROXY'), undefined);
    const dash = find(objs, 'ConfigMap', `${RELEASE}-dashboard`);
    assert.equal(dash.metadata.labels?.grafana_dashboard, '1');
    const json = JSON.parse(dash.data![`gamecluster-games-${RELEASE}.json`]!);
    assert.ok(json.panels.length >= 6);
    const t = find(objs, 'Pod', `${RELEASE}-robots-test`);
    assert.equal(t.metadata.annotations?.['helm.sh/hook'], 'test');
    assert.equal(t.spec.restartPolicy, 'Never');
    const args = mainContainer(t).args!;
    assert.equal(args[0], 'robots');
    const svc = find(objs, 'Service', `${RELEASE}-appmgr`);
    assert.equal(args[args.indexOf('--appmgr') + 1], `http://${svc.metadata.name}:${svc.spec.ports[0].port}`);
    for (const flag of ['--players', '--rate', '--duration', '--echo-per-sec']) assert.match(args[args.indexOf(flag) + 1] ?? '', /^\d+(\.\d+)?$/, flag);
    assert.equal(envValue(mainContainer(login), 'AUTH_MODE'), 'open');
  });

  test('external Redis: the URL comes from the Secret, no dev Redis', async () => {
    const objs = await render('external-redis-values.yaml');
    assert.ok(!objs.some((o) => o.metadata.name === `${RELEASE}-redis`));
    for (const c of ['appmgr', 'login', 'game']) {
      const e = envOf(mainContainer(find(objs, 'Deployment', `${RELEASE}-${c}`)), 'REDIS_URL');
      assert.deepEqual(e?.valueFrom?.secretKeyRef, { name: 'gamecluster-redis', key: 'url' });
      assert.equal(e?.value, undefined);
    }
  });

  test('hostPort: a LoadBalancer front door and a Sentinel URL', async () => {
    const objs = await render('hostport-values.yaml');
    const svc = find(objs, 'Service', `${RELEASE}-appmgr`);
    assert.equal(svc.spec.type, 'LoadBalancer');
    assert.equal(svc.spec.ports[0].port, 80);
    assert.equal(svc.spec.externalTrafficPolicy, 'Local', 'client addresses kept for LOGIN_RATE_PER_IP');
    assert.deepEqual(svc.spec.loadBalancerSourceRanges, ['0.0.0.0/0']);
    assert.match(envValue(mainContainer(find(objs, 'Deployment', `${RELEASE}-game`)), 'REDIS_URL') ?? '', /^redis-sentinel:\/\//);
  });

  test('autoscaling: HPAs for login and game, WORKERS passed through', async () => {
    const objs = await render('autoscaling-values.yaml');
    assert.deepEqual(byKind(objs, 'HorizontalPodAutoscaler').map((h) => h.spec.scaleTargetRef.name).sort(), [`${RELEASE}-game`, `${RELEASE}-login`]);
    assert.equal(envValue(mainContainer(find(objs, 'Deployment', `${RELEASE}-appmgr`)), 'WORKERS'), 'auto');
    assert.equal(envValue(mainContainer(find(objs, 'Deployment', `${RELEASE}-appmgr`)), 'SELECT_STRATEGY'), 'packed');
    assert.equal(envValue(mainContainer(find(objs, 'Deployment', `${RELEASE}-game`)), 'WORKERS'), '2');
  });

  test('full: ServiceMonitors, PrometheusRule, NetworkPolicies, http auth', async () => {
    const objs = await render('full-values.yaml');
    assert.equal(byKind(objs, 'ServiceMonitor').length, 3);
    for (const m of byKind(objs, 'ServiceMonitor')) assert.equal(m.metadata.labels?.release, 'kube-prometheus-stack');
    const rule = find(objs, 'PrometheusRule', `${RELEASE}-alerts`);
    const alerts = rule.spec.groups.flatMap((g: { rules: { alert: string }[] }) => g.rules.map((r) => r.alert));
    for (const a of ['GameclusterNoLoginAvailable', 'GameclusterRedisDown', 'GameclusterHeartbeatErrors']) assert.ok(alerts.includes(a), a);
    const policies = byKind(objs, 'NetworkPolicy');
    assert.equal(policies.length, 4);
    // gRPC is reachable only from login pods; the client ports from anywhere.
    const appmgrNp = find(objs, 'NetworkPolicy', `${RELEASE}-appmgr`);
    const grpcRule = appmgrNp.spec.ingress.find((r: any) => r.ports.some((p: any) => p.port === 'grpc'));
    assert.equal(grpcRule.from[0].podSelector.matchLabels['app.kubernetes.io/component'], 'login');
    const httpRule = appmgrNp.spec.ingress.find((r: any) => r.ports.some((p: any) => p.port === 'http'));
    assert.equal(httpRule.from, undefined);
    // The admin port (/apps, /metrics) only from the configured scrapers, like the pods' metrics ports.
    const adminRule = appmgrNp.spec.ingress.find((r: any) => r.ports.some((p: any) => p.port === 'admin'));
    assert.deepEqual(adminRule.from, [{ namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'monitoring' } } }]);
    // mTLS: appmgr serves with the Secret's pair, logins present it; both trust its CA.
    const appmgrCtr = mainContainer(find(objs, 'Deployment', `${RELEASE}-appmgr`));
    const loginCtr = mainContainer(find(objs, 'Deployment', `${RELEASE}-login`));
    assert.equal(envValue(appmgrCtr, 'GRPC_AUTH'), 'mtls');
    assert.equal(envValue(appmgrCtr, 'GRPC_TLS_CERT_FILE'), '/etc/gamecluster/grpc-tls/tls.crt');
    assert.equal(envValue(loginCtr, 'GRPC_TLS_CLIENT_KEY_FILE'), '/etc/gamecluster/grpc-tls/tls.key');
    assert.equal(envValue(loginCtr, 'GRPC_TLS_CA_FILE'), '/etc/gamecluster/grpc-tls/ca.crt');
    for (const d of [`${RELEASE}-appmgr`, `${RELEASE}-login`]) {
      const vol = podSpec(find(objs, 'Deployment', d)).volumes.find((v: any) => v.name === 'grpc-tls');
      assert.equal(vol?.secret?.secretName, 'gamecluster-grpc-tls', d);
    }
    assert.ok(!objs.some((o) => o.kind === 'Secret' && o.metadata.name === `${RELEASE}-appmgr-token`), 'no token Secret with mtls');
    assert.equal(envValue(appmgrCtr, 'TRUST_PROXY'), '10.0.0.0/8,192.168.0.1');
    const redisNp = find(objs, 'NetworkPolicy', `${RELEASE}-redis`);
    assert.equal(redisNp.spec.ingress[0].from[0].podSelector.matchLabels['app.kubernetes.io/instance'], RELEASE);
    const login = mainContainer(find(objs, 'Deployment', `${RELEASE}-login`));
    assert.equal(envValue(login, 'AUTH_MODE'), 'http');
    assert.equal(envValue(login, 'AUTH_URL'), 'http://accounts.accounts.svc:8080/check');
    assert.equal(envValue(login, 'NODE_OPTIONS'), '--max-old-space-size=768');
  });

  test('grpc.existingSecret: no generated Secret; appmgr and logins read the given one', async () => {
    const objs = await renderChart({ set: ['grpc.existingSecret=my-grpc-token'] });
    assert.ok(!objs.some((o) => o.kind === 'Secret' && o.metadata.name === `${RELEASE}-appmgr-token`));
    for (const c of ['appmgr', 'login']) {
      assert.deepEqual(envOf(mainContainer(find(objs, 'Deployment', `${RELEASE}-${c}`)), 'ADMIN_TOKEN')?.valueFrom?.secretKeyRef, { name: 'my-grpc-token', key: 'token' });
    }
  });

  test('login/game budgets and TLS: MAX_CONNECTIONS_PER_IP and FRAME_TIMEOUT_MS set; tls.enabled mounts the Secret and sets the files', async () => {
    const plain = await renderChart();
    for (const c of ['login', 'game']) {
      const ctr = mainContainer(find(plain, 'Deployment', `${RELEASE}-${c}`));
      assert.equal(envValue(ctr, 'MAX_CONNECTIONS_PER_IP'), '256');
      assert.equal(envValue(ctr, 'FRAME_TIMEOUT_MS'), '10000');
      assert.equal(envOf(ctr, 'TLS_CERT_FILE'), undefined);
    }
    const objs = await renderChart({ set: ['tls.enabled=true', 'tls.secretName=gc-tls'] });
    for (const c of ['login', 'game']) {
      const d = find(objs, 'Deployment', `${RELEASE}-${c}`);
      const ctr = mainContainer(d);
      const vol = podSpec(d).volumes.find((v: { secret?: { secretName: string } }) => v.secret?.secretName === 'gc-tls');
      assert.ok(vol, `${c}: the TLS Secret is a volume`);
      const mount = (ctr as unknown as { volumeMounts: { name: string; mountPath: string; subPath?: string }[] }).volumeMounts.find((m) => m.name === vol.name)!;
      assert.equal(mount.subPath, undefined, 'no subPath: a subPath mount never sees a rotated Secret');
      assert.equal(envValue(ctr, 'TLS_CERT_FILE'), `${mount.mountPath}/tls.crt`);
      assert.equal(envValue(ctr, 'TLS_KEY_FILE'), `${mount.mountPath}/tls.key`);
    }
    assert.match(await renderError({ set: ['tls.enabled=true'] }), /tls\.secretName/);
  });

  test('NOTES warn loudly about open auth and clear-text client traffic', async () => {
    const open = await helm(['install', '--dry-run', RELEASE, chartDir]);
    assert.match(open.stdout, /WARNING: auth\.mode=open/);
    assert.match(open.stdout, /in clear: set tls\.enabled=true/);
    const prod = await helm(['install', '--dry-run', RELEASE, chartDir, '--set', 'auth.mode=http', '--set', 'auth.url=http://accounts/check', '--set', 'robots.existingSecret=robots', '--set', 'tls.enabled=true', '--set', 'tls.secretName=t']);
    assert.doesNotMatch(prod.stdout, /WARNING: auth\.mode=open/);
    assert.doesNotMatch(prod.stdout, /in clear/);
  });

  test('off: only the workloads and their Services', async () => {
    const objs = await render('off-values.yaml');
    assert.deepEqual([...new Set(objs.map((o) => o.kind))].sort(), ['Deployment', 'Service']);
    assert.equal(envValue(mainContainer(find(objs, 'Deployment', `${RELEASE}-appmgr`)), 'GRPC_AUTH'), 'none');
    assert.equal(envValue(mainContainer(find(objs, 'Deployment', `${RELEASE}-appmgr`)), 'LOGIN_RATE_PER_IP'), '0');
    for (const d of byKind(objs, 'Deployment')) assert.equal(d.spec.template.metadata.annotations, undefined);
    for (const d of byKind(objs, 'Deployment')) assert.equal(podSpec(d).topologySpreadConstraints, undefined);
    for (const d of byKind(objs, 'Deployment').filter((x) => component(x) !== 'redis')) assert.equal(podSpec(d).serviceAccountName, 'default');
  });
});

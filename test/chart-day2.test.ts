/**
 * Day two on a real cluster (issue 24), over rendered objects for every expose.mode × monitoring mode:
 * - no health or metrics listener of login/game (METRICS_PORT serves /metrics, /healthz, /readyz) nor appmgr's
 *   metrics (admin port) is inside what the docs tell operators to open: the host ports (hostPort), expose.portRange
 *   (hostNetwork; the pod's own config binds metrics in expose.metricsPortRange), the ports NetworkPolicies open to
 *   anyone, the public appmgr Service. (appmgr's /healthz and /readyz stay on its public port by contract: load
 *   balancers probe it.)
 * - every appmgr, login and game pod is scraped by something the chart renders, exactly once, on its metrics port
 *   (test/helpers/scrape-targets.ts runs the Operator's and the annotation job's discovery; with the Operator's
 *   monitors on, a Prometheus that also runs the annotation job still scrapes each pod once). The dev Redis has no
 *   /metrics: every gamecluster pod reports it (gamecluster_redis_up, GameclusterRedisDown).
 * - game pods carry both disruption annotations; PDBs have unhealthyPodEvictionPolicy; only appmgr.image.tag
 *   changed leaves every login and game pod template as it was; per-component strategy, minReadySeconds, preStop.
 * Plus the helm test Pod under TLS/auth variants, NOTES per mode and the production values.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { RELEASE, byKind, chartDir, ciValuesFiles, find, helm, mainContainer, podSpec, renderChart, renderError, type K8sObject } from './helpers/helm.js';
import { scrapeTargets, simulatePods, type MonitoringMode } from './helpers/scrape-targets.js';

const MODES: Record<string, string[]> = {
  podIP: [],
  hostPort: ['expose.mode=hostPort'],
  hostNetwork: ['expose.mode=hostNetwork', 'networkPolicy.nodeCIDRs={10.0.0.0/16}'],
};
const MONITORING: Record<MonitoringMode, string[]> = {
  annotations: [],
  operator: ['metrics.serviceMonitor.enabled=true'],
};
const dep = (objs: K8sObject[], c: string) => find(objs, 'Deployment', `${RELEASE}-${c}`);
const range = (r: string) => r.split('-').map(Number) as [number, number];
const inRange = (p: number, [lo, hi]: [number, number]) => p >= lo && p <= hi;

/** What the docs tell operators to open to the internet in this render: [lo, hi] port ranges. */
function openRanges(objs: K8sObject[]): [number, number][] {
  const open: [number, number][] = [];
  for (const d of byKind(objs, 'Deployment')) {
    const ctr = mainContainer(d);
    for (const p of ctr.ports ?? []) if (p.hostPort) open.push([p.hostPort, p.hostPort]);
    const pr = (ctr.env ?? []).find((e) => e.name === 'PORT_RANGE')?.value;
    if (pr) open.push(range(pr));
  }
  // NetworkPolicy rules without `from` admit anyone: their ports are public (named ports resolved per pod).
  for (const np of byKind(objs, 'NetworkPolicy')) {
    const target = byKind(objs, 'Deployment').find((d) => Object.entries(np.spec.podSelector.matchLabels).every(([k, v]) => d.spec.template.metadata.labels[k] === v));
    for (const rule of np.spec.ingress as { from?: unknown[]; ports?: { port: string | number }[] }[]) {
      if (rule.from) continue;
      for (const p of rule.ports ?? []) {
        const n = typeof p.port === 'number' ? p.port : target && (mainContainer(target).ports ?? []).find((x) => x.name === p.port)?.containerPort;
        if (n) open.push([n, n]);
      }
    }
  }
  const svc = find(objs, 'Service', `${RELEASE}-appmgr`);
  for (const p of svc.spec.ports as { targetPort: string }[]) open.push([mainContainer(dep(objs, 'appmgr')).ports!.find((x) => x.name === p.targetPort)!.containerPort, mainContainer(dep(objs, 'appmgr')).ports!.find((x) => x.name === p.targetPort)!.containerPort]);
  return open;
}

describe('every expose.mode × monitoring mode', () => {
  for (const [mode, modeSet] of Object.entries(MODES)) {
    for (const [monitoring, monSet] of Object.entries(MONITORING) as [MonitoringMode, string[]][]) {
      test(`${mode} × ${monitoring}`, async () => {
        const objs = await renderChart({ set: [...modeSet, ...monSet] });
        const pods = simulatePods(objs);
        assert.equal(pods.length, 6, 'two pods each of appmgr, login, game');

        // 1. No health or metrics listener in a range the docs tell operators to open.
        const open = openRanges(objs);
        assert.ok(open.length > 0);
        for (const p of pods) {
          for (const r of open) assert.ok(!inRange(p.metricsPort, r), `${mode}: ${p.name} serves /metrics${p.component === 'appmgr' ? '' : ', /healthz, /readyz'} on ${p.metricsPort}, inside the open range ${r.join('-')}`);
          if (mode === 'hostNetwork' && p.component !== 'appmgr') {
            assert.ok(inRange(p.metricsPort, range(p.env.METRICS_PORT_RANGE!)));
            assert.deepEqual(mainContainer(dep(objs, p.component)).readinessProbe.exec.command, ['gamecluster', 'probe', 'readyz'], 'the probe finds the bound port');
          } else if (p.component !== 'appmgr') {
            const ctr = mainContainer(dep(objs, p.component));
            assert.equal(ctr.readinessProbe.httpGet.port, 'metrics');
            assert.equal(ctr.ports!.find((x) => x.name === 'metrics')!.hostPort, undefined);
          }
        }

        // 2. Every pod scraped by something the chart renders, once, on its metrics port. With the Operator's
        // monitors, a Prometheus that also runs the annotation job must not scrape any pod twice.
        const targets = monitoring === 'operator' ? [...scrapeTargets(objs, pods, 'operator'), ...scrapeTargets(objs, pods, 'annotations')] : scrapeTargets(objs, pods, 'annotations');
        for (const p of pods) {
          const mine = targets.filter((t) => t.pod.name === p.name);
          assert.equal(mine.length, 1, `${mode} × ${monitoring}: ${p.name} scraped ${mine.length} times (${mine.map((t) => t.via).join(', ')})`);
          assert.equal(mine[0]!.address.split(':')[1], String(p.metricsPort), `${p.name}: scraped on its metrics port`);
          if (monitoring === 'operator') {
            assert.match(mine[0]!.via, /^(ServiceMonitor|PodMonitor)\//);
            assert.equal(mine[0]!.labels.job, p.component, 'job = the component in both monitor kinds');
          }
        }
        if (monitoring === 'operator') {
          for (const d of byKind(objs, 'Deployment')) assert.equal(d.spec.template.metadata.annotations?.['prometheus.io/scrape'], undefined, `${d.metadata.name}: no scrape annotation beside the monitors`);
          assert.equal(byKind(objs, 'PodMonitor').length, mode === 'hostNetwork' ? 2 : 0);
        }
        // The KEDA query counts only this release's pods of the component (the scraped `pod` label), each once.
        const keda = await renderChart({ set: [...modeSet, ...monSet, 'game.autoscaling.keda.enabled=true', 'game.autoscaling.keda.prometheusAddress=http://p:9090'] });
        const query = find(keda, 'ScaledObject', `${RELEASE}-game`).spec.triggers[0].metadata.query as string;
        const podRe = new RegExp(`^${/pod=~"([^"]+)"/.exec(query)![1]!}$`);
        assert.deepEqual(pods.filter((p) => podRe.test(p.name)).map((p) => p.component), ['game', 'game']);
        assert.match(query, /^sum\(max by \(pod\) \(/);

        // 3. Disruption: game pods are never evicted by consolidation; an unready pod never blocks a drain.
        const ann = dep(objs, 'game').spec.template.metadata.annotations;
        assert.equal(ann['karpenter.sh/do-not-disrupt'], 'true');
        assert.equal(ann['cluster-autoscaler.kubernetes.io/safe-to-evict'], 'false');
        const pdbs = byKind(objs, 'PodDisruptionBudget');
        assert.equal(pdbs.length, 3);
        for (const pdb of pdbs) assert.equal(pdb.spec.unhealthyPodEvictionPolicy, 'AlwaysAllow', pdb.metadata.name);

        // 4. Rollouts: only hostPort replaces in place; a new pod stays ready a while before the next drains.
        for (const c of ['login', 'game']) {
          assert.deepEqual(dep(objs, c).spec.strategy.rollingUpdate, mode === 'hostPort' ? { maxSurge: 0, maxUnavailable: 1 } : { maxSurge: 1, maxUnavailable: 0 });
        }
        assert.deepEqual([dep(objs, 'appmgr'), dep(objs, 'login'), dep(objs, 'game')].map((d) => d.spec.minReadySeconds), [10, 10, 30]);
      });
    }
  }
});

describe('per-component values', () => {
  test('only appmgr.image.tag changed: no login or game pod template changes; game.image rolls only game', async () => {
    const base = await renderChart();
    const hotfix = await renderChart({ set: ['appmgr.image.tag=0.3.1-hotfix'] });
    assert.equal(mainContainer(dep(hotfix, 'appmgr')).image, 'ghcr.io/gamecluster/gamecluster:0.3.1-hotfix');
    for (const c of ['login', 'game']) assert.deepEqual(dep(hotfix, c).spec.template, dep(base, c).spec.template, `${c} pod template changed`);
    assert.notDeepEqual(dep(hotfix, 'appmgr').spec.template, dep(base, 'appmgr').spec.template);
    const game = await renderChart({ set: ['game.image.repository=studio/my-game', 'game.image.tag=1.2.3', 'game.image.pullPolicy=Always'] });
    assert.equal(mainContainer(dep(game, 'game')).image, 'ghcr.io/studio/my-game:1.2.3');
    assert.equal(mainContainer(dep(game, 'game')).imagePullPolicy, 'Always');
    for (const c of ['appmgr', 'login']) assert.deepEqual(dep(game, c).spec.template, dep(base, c).spec.template);
    // The top-level image still moves everything; global.imageRegistry still wins over every registry.
    const all = await renderChart({ set: ['image.tag=0.4.0', 'global.imageRegistry=mirror.example.com'] });
    for (const c of ['appmgr', 'login', 'game']) assert.equal(mainContainer(dep(all, c)).image, 'mirror.example.com/gamecluster/gamecluster:0.4.0');
  });

  test('strategy, minReadySeconds, preStop and PDB per component; the grace period covers appmgr’s preStop', async () => {
    const base = await renderChart();
    const sleep = (objs: K8sObject[], c: string) => mainContainer(dep(objs, c)).lifecycle.preStop.exec.command;
    assert.deepEqual(['appmgr', 'login', 'game'].map((c) => sleep(base, c)), [['sleep', '15'], ['sleep', '3'], ['sleep', '3']]);
    const objs = await renderChart({
      set: ['game.strategy.type=RollingUpdate', 'game.strategy.rollingUpdate.maxSurge=25%', 'game.strategy.rollingUpdate.maxUnavailable=0', 'game.minReadySeconds=60', 'login.preStopSleepSeconds=5', 'preStopSleepSeconds=4', 'game.podDisruptionBudget.maxUnavailable=2', 'appmgr.podDisruptionBudget.enabled=false', 'login.podDisruptionBudget.unhealthyPodEvictionPolicy=IfHealthyBudget'],
    });
    assert.deepEqual(dep(objs, 'game').spec.strategy, { type: 'RollingUpdate', rollingUpdate: { maxSurge: '25%', maxUnavailable: 0 } });
    assert.equal(dep(objs, 'game').spec.minReadySeconds, 60);
    assert.deepEqual(['appmgr', 'login', 'game'].map((c) => sleep(objs, c)), [['sleep', '15'], ['sleep', '5'], ['sleep', '4']]);
    assert.deepEqual(byKind(objs, 'PodDisruptionBudget').map((p) => [p.metadata.name, p.spec.maxUnavailable, p.spec.unhealthyPodEvictionPolicy]).sort(), [[`${RELEASE}-game`, 2, 'AlwaysAllow'], [`${RELEASE}-login`, 1, 'IfHealthyBudget']]);
    assert.match(await renderError({ set: ['appmgr.preStopSleepSeconds=45'] }), /terminationGracePeriodSeconds=40 must exceed preStopSleepSeconds \+ appmgr\.drainTimeoutMs\/1000 = 45/);
    assert.match(await renderError({ set: ['game.podDisruptionBudget.unhealthyPodEvictionPolicy=Never'] }), /unhealthyPodEvictionPolicy/);
    const quiet = await renderChart({ set: ['game.doNotDisrupt=false', 'login.doNotDisrupt=true'] });
    assert.equal(dep(quiet, 'game').spec.template.metadata.annotations['karpenter.sh/do-not-disrupt'], undefined);
    assert.equal(dep(quiet, 'login').spec.template.metadata.annotations['karpenter.sh/do-not-disrupt'], 'true');
  });
});

describe('helm test Pod', () => {
  const pod = async (set: string[]) => find(await renderChart({ set }), 'Pod', `${RELEASE}-robots-test`);
  test('tls.enabled + auth.mode=http: --tls, the CA from the serving Secret (or robots.tls), the robot account from values', async () => {
    const p = await pod(['tls.enabled=true', 'tls.secretName=gc-tls', 'auth.mode=http', 'auth.url=http://a/check', 'robots.existingSecret=robots', 'robots.accountPrefix=probe']);
    const args = mainContainer(p).args!;
    assert.ok(args.includes('--tls'));
    assert.equal(args[args.indexOf('--ca') + 1], '/etc/gamecluster/robots-ca/ca.crt');
    assert.deepEqual(podSpec(p).volumes.find((v: { name: string }) => v.name === 'robots-ca').secret, { secretName: 'gc-tls', items: [{ key: 'ca.crt', path: 'ca.crt' }] });
    assert.equal(args[args.indexOf('--account-prefix') + 1], 'probe');
    assert.equal(args[args.indexOf('--password') + 1], '$(ROBOTS_PASSWORD)');
    const own = mainContainer(await pod(['tls.enabled=true', 'tls.secretName=gc-tls', 'robots.tls.caSecretName=private-ca', 'robots.tls.caKey=root.pem'])).args!;
    assert.equal(own[own.indexOf('--ca') + 1], '/etc/gamecluster/robots-ca/root.pem');
    // A publicly trusted certificate: the system roots, no CA file.
    const pub = mainContainer(await pod(['tls.enabled=true', 'tls.secretName=gc-tls', 'robots.tls.caKey='])).args!;
    assert.ok(pub.includes('--tls') && !pub.includes('--ca'));
    // Clear text and open auth: neither flag, no Secret needed.
    const plain = mainContainer(await pod([])).args!;
    assert.ok(!plain.includes('--tls') && !plain.includes('--password'));
  });
});

describe('NOTES and the production install', () => {
  const notes = async (args: string[]) => {
    const r = await helm(['install', '--dry-run', RELEASE, chartDir, '--namespace', 'games', ...args]);
    assert.equal(r.code, 0, r.stderr);
    return r.stdout.slice(r.stdout.indexOf('NOTES:'));
  };
  test('NOTES per mode: podIP says pod addresses are not for the internet; hostNetwork shares nodes, names both ranges and the Pod Security label', async () => {
    assert.match(await notes([]), /pod IPs .* only clients that\s+reach the pod network/s);
    const hn = await notes(['--set', 'expose.mode=hostNetwork', '--set', 'networkPolicy.nodeCIDRs={10.0.0.0/16}']);
    assert.doesNotMatch(hn, /at most one/i);
    assert.match(hn, /Many pods share a\s+node/);
    assert.match(hn, /expose\.portRange=7000-7999: open THAT range/);
    assert.match(hn, /expose\.metricsPortRange=9500-9599: keep that range\s+CLOSED/);
    assert.match(hn, /pod-security\.kubernetes\.io\/enforce=privileged/);
    const hp = await notes(['--set', 'expose.mode=hostPort', '--set', 'tls.enabled=true', '--set', 'tls.secretName=t']);
    assert.match(hp, /At most one login and one game pod fit on a node/);
    assert.match(hp, /certificate in t must name them/);
  });

  test('ci/production-values.yaml: internet-reachable (hostNetwork, per-node DNS names, TLS), http auth, helm test ready, NOTES without warnings', async () => {
    const file = ciValuesFiles()['production-values.yaml']!;
    const objs = await renderChart({ valuesFiles: [file] });
    for (const c of ['login', 'game']) {
      const env = Object.fromEntries(mainContainer(dep(objs, c)).env!.map((e) => [e.name, e.value]));
      assert.equal(env.EXPOSE_MODE, 'hostNetwork');
      assert.equal(env.ADVERTISE_HOST, '$(NODE_NAME).nodes.play.example.com');
      assert.ok(env.TLS_CERT_FILE);
    }
    assert.equal(byKind(objs, 'PodMonitor').length, 2);
    assert.ok(mainContainer(find(objs, 'Pod', `${RELEASE}-robots-test`)).args!.includes('--tls'));
    const n = await notes(['-f', file]);
    assert.doesNotMatch(n, /WARNING|in clear|pod IPs/);
  });
});

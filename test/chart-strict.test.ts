/**
 * Every object the chart renders — defaults, every ci/*-values.yaml scenario, a global.imageRegistry override — is
 * strictly valid: no unknown field at any depth, no wrong primitive type (test/helpers/strict-schema.ts), on top of
 * kubernetes-models' required fields and patterns. The checker itself is proven on mutated copies of rendered
 * objects. The rendered object counts per scenario are the table in docs/operations.md (UPDATE_DOCS=1 rewrites it).
 */
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { RELEASE, ciValuesFiles, find, renderChart, validateObject, type K8sObject } from './helpers/helm.js';
import { isCrdKind, strictCoreErrors, strictCrdErrors } from './helpers/strict-schema.js';

const scenarios: [string, () => Promise<K8sObject[]>][] = [
  ['defaults (no values)', () => renderChart()],
  ...Object.entries(ciValuesFiles()).map(([f, p]): [string, () => Promise<K8sObject[]>] => [`ci/${f}`, () => renderChart({ valuesFiles: [p] })]),
  ['global.imageRegistry=mirror.example.com', () => renderChart({ set: ['global.imageRegistry=mirror.example.com'] })],
  [
    'NetworkPolicy egress, grpcFrom, nodeCIDRs',
    () =>
      renderChart({
        set: [
          'networkPolicy.egress.enabled=true',
          'networkPolicy.egress.extraRules[0].to[0].ipBlock.cidr=10.20.0.5/32',
          'networkPolicy.egress.extraRules[0].ports[0].port=6379',
          'networkPolicy.grpcFrom[0].namespaceSelector.matchLabels.team=ops',
          'networkPolicy.nodeCIDRs[0]=10.128.0.0/20',
        ],
      }),
  ],
];

/** Strict errors of a whole render, one line per bad object (custom resources checked in one compiler pass). */
function strictErrors(objs: K8sObject[]): string[] {
  const out: string[] = [];
  const crds = objs.filter((o) => isCrdKind(o.apiVersion, o.kind));
  strictCrdErrors(crds).forEach((e, i) => e.length && out.push(`${crds[i]!.kind}/${crds[i]!.metadata.name}: ${e.join('; ')}`));
  for (const o of objs.filter((x) => !isCrdKind(x.apiVersion, x.kind))) {
    const e = strictCoreErrors(o);
    if (e.length) out.push(`${o.kind}/${o.metadata.name}: ${e.join('; ')}`);
  }
  return out;
}

const counts = new Map<string, Map<string, number>>();

describe('every rendered object is strictly valid', () => {
  for (const [name, render] of scenarios) {
    test(name, async (t) => {
      const objs = await render();
      assert.ok(objs.length > 0);
      assert.deepEqual(strictErrors(objs), []);
      // Required fields, enums and patterns (kubernetes-models), object by object.
      for (const o of objs) await validateObject(o);
      const c = new Map<string, number>();
      for (const o of objs) c.set(o.kind, (c.get(o.kind) ?? 0) + 1);
      counts.set(name, c);
      t.diagnostic(`${name}: ${objs.length} objects`);
    });
  }
});

describe('the strict check catches what kubernetes-models lets through', () => {
  test('an unknown field and a wrong type in a Deployment', async () => {
    const objs = await renderChart();
    const good = find(objs, 'Deployment', `${RELEASE}-login`);
    assert.deepEqual(strictCoreErrors(good), []);

    const typo = structuredClone(good);
    typo.spec.template.spec.containers[0].imagePullPolicyy = 'Always';
    // kubernetes-models alone accepts it: the reason for the strict walk.
    const { Deployment } = await import('kubernetes-models/apps/v1/Deployment');
    assert.doesNotThrow(() => new Deployment(typo as never).validate());
    assert.match(strictCoreErrors(typo).join('\n'), /spec\.template\.spec\.containers\[0\]\.imagePullPolicyy: unknown field of V1Container/);
    await assert.rejects(validateObject(typo), /imagePullPolicyy: unknown field/);

    const wrong = structuredClone(good);
    wrong.spec.replicas = '2';
    wrong.spec.template.spec.containers[0].ports[0].containerPort = 5002.5;
    wrong.spec.template.spec.automountServiceAccountToken = 'false';
    const errs = strictCoreErrors(wrong).join('\n');
    assert.match(errs, /spec\.replicas: want int32, got string/);
    assert.match(errs, /containers\[0\]\.ports\[0\]\.containerPort: want int32, got 5002\.5/);
    assert.match(errs, /automountServiceAccountToken: want boolean, got string/);

    const misplaced = structuredClone(good);
    misplaced.spec.template.spec.containers[0].resources.limits = ['1Gi'];
    assert.match(strictCoreErrors(misplaced).join('\n'), /resources\.limits: want an object, got array/);
  });

  test('an unknown field deep in a NetworkPolicy and in object metadata', async () => {
    const objs = await renderChart({ valuesFiles: [ciValuesFiles()['full-values.yaml']!] });
    const np = structuredClone(find(objs, 'NetworkPolicy', `${RELEASE}-appmgr`));
    np.spec.ingress[0].ports[0].portt = 8080;
    (np.metadata as Record<string, unknown>).labelz = { a: "b" };
    const errs = strictCoreErrors(np).join('\n');
    assert.match(errs, /spec\.ingress\[0\]\.ports\[0\]\.portt: unknown field of V1NetworkPolicyPort/);
    assert.match(errs, /metadata\.labelz: unknown field of V1ObjectMeta/);
  });

  test('quantities take numbers or strings, as the API does; int-or-string refuses a boolean', async () => {
    const objs = await renderChart();
    const d = structuredClone(find(objs, 'Deployment', `${RELEASE}-game`));
    d.spec.template.spec.containers[0].resources.requests.cpu = 1;
    assert.deepEqual(strictCoreErrors(d), []);
    d.spec.strategy = { type: 'RollingUpdate', rollingUpdate: { maxSurge: true } };
    assert.match(strictCoreErrors(d).join('\n'), /maxSurge: want int-or-string, got boolean/);
  });

  test('ServiceMonitor and PrometheusRule: unknown fields and wrong types refused', async () => {
    const objs = await renderChart({ valuesFiles: [ciValuesFiles()['full-values.yaml']!] });
    const sm = find(objs, 'ServiceMonitor', `${RELEASE}-login`);
    const rule = find(objs, 'PrometheusRule', `${RELEASE}-alerts`);
    assert.deepEqual(strictCrdErrors([sm, rule]), [[], []]);
    const badSm = structuredClone(sm);
    badSm.spec.endpoints[0].intervall = '5s';
    const typeSm = structuredClone(sm);
    typeSm.spec.endpoints[0].port = 9100;
    const badRule = structuredClone(rule);
    badRule.spec.groups[0].rules[0].fore = '1m';
    const [a, b, c] = strictCrdErrors([badSm, typeSm, badRule]);
    assert.match(a!.join('\n'), /'"intervall"' does not exist in type 'IEndpoint'/);
    assert.match(b!.join('\n'), /Type 'number' is not assignable to type 'string'/);
    assert.match(c!.join('\n'), /'"fore"' does not exist in type 'IRule'/);
    await assert.rejects(validateObject(badSm), /intervall/);
  });

  test('ScaledObject (minimal strict type): a valid one passes, an unknown field and a wrong type do not', () => {
    const so = {
      apiVersion: 'keda.sh/v1alpha1',
      kind: 'ScaledObject',
      metadata: { name: 'gc-game', labels: { 'app.kubernetes.io/component': 'game' } },
      spec: {
        scaleTargetRef: { name: 'gc-game' },
        minReplicaCount: 2,
        maxReplicaCount: 10,
        triggers: [{ type: 'prometheus', metadata: { serverAddress: 'http://prometheus:9090', query: 'sum(gamecluster_online)', threshold: '4000' } }],
      },
    };
    const typo = structuredClone(so) as any;
    typo.spec.maxReplicas = 10;
    const wrong = structuredClone(so) as any;
    wrong.spec.triggers[0].metadata.threshold = 4000;
    const [ok, t, w] = strictCrdErrors([so, typo, wrong]);
    assert.deepEqual(ok, []);
    assert.match(t!.join('\n'), /'"maxReplicas"' does not exist/);
    assert.match(w!.join('\n'), /Type 'number' is not assignable to type 'string'/);
  });
});

describe('docs', () => {
  test('the rendered object counts in docs/operations.md match the renders', async () => {
    // The scenario tests above fill `counts`; render again when run alone (--test-name-pattern).
    for (const [name, render] of scenarios) {
      if (counts.has(name)) continue;
      const c = new Map<string, number>();
      for (const o of await render()) c.set(o.kind, (c.get(o.kind) ?? 0) + 1);
      counts.set(name, c);
    }
    const kinds = [...new Set([...counts.values()].flatMap((c) => [...c.keys()]))].sort();
    const rows = scenarios.map(([name]) => {
      const c = counts.get(name)!;
      const total = [...c.values()].reduce((a, b) => a + b, 0);
      return `| ${name} | ${total} | ${kinds.map((k) => c.get(k) ?? 0).join(' | ')} |`;
    });
    const table = [`| scenario | objects | ${kinds.join(' | ')} |`, `| --- | --- | ${kinds.map(() => '---').join(' | ')} |`, ...rows].join('\n');
    const file = fileURLToPath(new URL('../docs/operations.md', import.meta.url));
    const text = readFileSync(file, 'utf8');
    const start = '<!-- object-counts:start (generated by test/chart-strict.test.ts; UPDATE_DOCS=1 rewrites it) -->';
    const end = '<!-- object-counts:end -->';
    const i = text.indexOf(start);
    const j = text.indexOf(end);
    assert.ok(i >= 0 && j > i, 'docs/operations.md lacks the object-counts markers');
    const want = `${start}\n${table}\n${end}`;
    if (text.slice(i, j + end.length) !== want && process.env.UPDATE_DOCS === '1') writeFileSync(file, text.slice(0, i) + want + text.slice(j + end.length));
    else assert.equal(text.slice(i, j + end.length), want, 'object counts out of date: run UPDATE_DOCS=1 node --import tsx --test test/chart-strict.test.ts');
  });
});

/**
 * The chart's values contract and its PromQL, without a cluster: values.schema.json rejects wrong values with a
 * clear message, every value is commented and typed, the docs' values table is in sync (UPDATE_DOCS=1 rewrites it),
 * template-time checks fail loudly, and `promtool check rules` accepts the alert rules and every dashboard query.
 */
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { stringify } from 'yaml';
import { RELEASE, ciValuesFiles, find, renderChart, renderError, validateObject, valueDocs, valuesTable } from './helpers/helm.js';
import { dashboardQueries, grafanaToPromQL } from './helpers/prometheus.js';

const tmp = mkdtempSync(join(tmpdir(), 'gc-chart-'));
after(() => rmSync(tmp, { recursive: true, force: true }));

let n = 0;
function valuesFile(text: string): string {
  const f = join(tmp, `values-${++n}.yaml`);
  writeFileSync(f, text);
  return f;
}

function promtool(args: string[]): Promise<{ code: number; out: string }> {
  return new Promise((resolve) => {
    execFile('promtool', args, { timeout: 30_000 }, (err, stdout, stderr) => resolve({ code: err ? Number(err.code ?? 1) : 0, out: stdout + stderr }));
  });
}

describe('values.schema.json', () => {
  const cases: [string, string, RegExp][] = [
    ['a string where an integer belongs', 'login:\n  port: "5002"\n', /at '\/login\/port': got string, want integer/],
    ['a misspelt key', 'game:\n  capacty: 10\n', /at '\/game': additional properties 'capacty' not allowed/],
    ['an unknown expose mode', 'expose:\n  mode: nodePort\n', /at '\/expose\/mode'.*(podIP|enum|value must be one of)/s],
    ['a privileged port', 'appmgr:\n  httpPort: 80\n', /at '\/appmgr\/httpPort': minimum: got 80, want 1,?024/],
    ['workers neither integer nor auto', 'login:\n  workers: many\n', /at '\/login\/workers'/],
    ['a boolean as a string', 'redis:\n  enabled: "false"\n', /at '\/redis\/enabled': got string, want boolean/],
    ['an unknown gRPC access mode', 'grpc:\n  auth: password\n', /at '\/grpc\/auth'/],
    ['a trusted proxy that is not an address', 'appmgr:\n  trustProxy: [ingress-nginx]\n', /at '\/appmgr\/trustProxy\/0'/],
    ['a Redis URL with a wrong scheme', 'redis:\n  enabled: false\n  url: http://redis:6379\n', /at '\/redis\/url'/],
  ];
  for (const [what, text, message] of cases) {
    test(`rejects ${what} with a message naming the value`, async () => {
      const err = await renderError({ valuesFiles: [valuesFile(text)] });
      assert.match(err, /values don't meet the specifications of the schema/);
      assert.match(err, message);
    });
  }
});

describe('template-time checks', () => {
  test('a grace period shorter than preStop + drain fails the render', async () => {
    const err = await renderError({ set: ['terminationGracePeriodSeconds=20'] });
    assert.match(err, /terminationGracePeriodSeconds=20 must exceed preStopSleepSeconds \+ login\.drainTimeoutMs\/1000 = 28/);
  });
  test('dev Redis and an external URL at once fail the render', async () => {
    const err = await renderError({ set: ['redis.url=redis://elsewhere:6379'] });
    assert.match(err, /set either redis\.enabled=true .* or redis\.url\/redis\.existingSecret/);
  });
  test('no Redis at all fails the render', async () => {
    const err = await renderError({ set: ['redis.enabled=false'] });
    assert.match(err, /with redis\.enabled=false set redis\.url or redis\.existingSecret/);
  });
  test('grpc.auth=mtls without a certificate Secret fails the render', async () => {
    const err = await renderError({ set: ['grpc.auth=mtls'] });
    assert.match(err, /grpc\.auth=mtls set grpc\.mtls\.secretName/);
  });
  test('auth.mode=http without a URL fails the render', async () => {
    const err = await renderError({ set: ['auth.mode=http', 'robots.existingSecret=robots'] });
    assert.match(err, /auth\.mode=http needs auth\.url/);
  });
  test('auth.mode=http without the robot accounts\' Secret fails the render (helm test could never pass)', async () => {
    const err = await renderError({ set: ['auth.mode=http', 'auth.url=http://accounts/check'] });
    assert.match(err, /with auth\.mode=http set robots\.existingSecret .* or robots\.enabled=false/);
    await renderChart({ set: ['auth.mode=http', 'auth.url=http://accounts/check', 'robots.enabled=false'] });
  });
  test('autoscaling without a CPU request fails the render', async () => {
    const err = await renderError({ valuesFiles: [valuesFile('login:\n  autoscaling:\n    enabled: true\n  resources:\n    requests:\n      cpu: null\n')] });
    assert.match(err, /login\.autoscaling needs login\.resources\.requests\.cpu/);
  });
  test('the schema validator itself catches a broken object', async () => {
    const objs = await renderChart();
    const d = structuredClone(find(objs, 'Deployment', `${RELEASE}-login`));
    d.spec.template.spec.containers[0].ports[0].containerPort = 'tcp';
    await assert.rejects(validateObject(d), /containerPort: want int32, got string/);
  });
});

describe('values.yaml documentation', () => {
  test('every value is commented and typed with a description in the schema', async () => {
    const docs = await valueDocs();
    assert.ok(docs.length > 60, `only ${docs.length} values found`);
    const uncommented = docs.filter((d) => !d.comment).map((d) => d.path);
    assert.deepEqual(uncommented, [], `values without a comment in values.yaml: ${uncommented.join(', ')}`);
    const untyped = docs.filter((d) => !d.schema || !(d.schema.type || d.schema.oneOf) || !d.schema.description).map((d) => d.path);
    assert.deepEqual(untyped, [], `values not typed/described in values.schema.json: ${untyped.join(', ')}`);
  });

  test('the spec’s values all exist', async () => {
    const paths = new Set((await valueDocs()).map((d) => d.path));
    const spec = [
      'image.repository', 'image.tag', 'image.pullPolicy', 'appmgr.replicas', 'appmgr.service.type', 'appmgr.service.port', 'appmgr.resources',
      'login.replicas', 'login.port', 'login.capacity', 'login.resources', 'login.autoscaling', 'login.workers',
      'game.replicas', 'game.port', 'game.capacity', 'game.resources', 'game.autoscaling', 'game.workers', 'appmgr.workers',
      'expose.mode', 'redis.enabled', 'redis.url', 'redis.existingSecret', 'auth.mode', 'auth.url',
      'metrics.serviceMonitor.enabled', 'metrics.podAnnotations', 'grafanaDashboard.enabled', 'networkPolicy.enabled',
      'podDisruptionBudget', 'terminationGracePeriodSeconds', 'robots.enabled',
    ];
    assert.deepEqual(spec.filter((p) => !paths.has(p)), []);
  });

  test('the values table in docs/operations.md matches values.yaml', async () => {
    const file = fileURLToPath(new URL('../docs/operations.md', import.meta.url));
    const text = readFileSync(file, 'utf8');
    const start = '<!-- values-table:start (generated from charts/gamecluster/values.yaml; UPDATE_DOCS=1 npm test rewrites it) -->';
    const end = '<!-- values-table:end -->';
    const i = text.indexOf(start);
    const j = text.indexOf(end);
    assert.ok(i >= 0 && j > i, 'docs/operations.md lacks the values-table markers');
    const want = `${start}\n${await valuesTable()}\n${end}`;
    const have = text.slice(i, j + end.length);
    if (have !== want && process.env.UPDATE_DOCS === '1') writeFileSync(file, text.slice(0, i) + want + text.slice(j + end.length));
    else assert.equal(have, want, 'values table out of date: run UPDATE_DOCS=1 node --import tsx --test test/chart-values.test.ts');
  });
});

describe('PromQL', () => {
  test('promtool check rules passes on the rendered PrometheusRule', async () => {
    const objs = await renderChart({ valuesFiles: [ciValuesFiles()['full-values.yaml']!] });
    const rule = find(objs, 'PrometheusRule', `${RELEASE}-alerts`);
    const f = join(tmp, 'rules.yaml');
    writeFileSync(f, stringify(rule.spec));
    const r = await promtool(['check', 'rules', f]);
    assert.equal(r.code, 0, r.out);
    assert.match(r.out, /SUCCESS: 7 rules found/); // 4 from files/alerts.yaml + 3 scrape-health (ServiceMonitors on)
  });

  test('every dashboard query parses (as recording rules through promtool)', async () => {
    const objs = await renderChart();
    const dash = JSON.parse(find(objs, 'ConfigMap', `${RELEASE}-dashboard`).data![`gamecluster-games-${RELEASE}.json`]!);
    const queries = dashboardQueries(dash);
    assert.ok(queries.length >= 10);
    const titles = queries.map((q) => q.panel).join(' | ');
    for (const want of [/Online players per pod/, /Online players \(total by type\)/, /Logins\/s by result/, /\/login rate/, /\/login .*latency/, /Rejected frames by reason/, /Redis up/, /Rooms per game pod/, /Room requests and matches/]) {
      assert.match(titles, want);
    }
    const rules = { groups: [{ name: 'dashboard', rules: queries.map((q, i) => ({ record: `dashboard:panel_${i}`, expr: grafanaToPromQL(q.expr, '1m') })) }] };
    const f = join(tmp, 'dashboard-rules.yaml');
    writeFileSync(f, stringify(rules));
    const r = await promtool(['check', 'rules', f]);
    assert.equal(r.code, 0, r.out);
  });
});

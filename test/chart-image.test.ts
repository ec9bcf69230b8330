/**
 * Where the chart's images come from: by default the published `ghcr.io/gamecluster/gamecluster:<appVersion>` (and a
 * fully qualified dev Redis), in every ci/*-values.yaml scenario, with `global.imageRegistry` (a mirror or private
 * registry), as a dependency of a parent chart that passes its own `global` values (unknown globals must not break the
 * schema), with a digest, and the way skaffold passes a locally built image (empty registry, `tag@digest`). Every
 * rendered object still validates against its Kubernetes schema.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, test } from 'node:test';
import { parse, parseAllDocuments, stringify } from 'yaml';
import { RELEASE, byKind, chartDir, ciValuesFiles, helm, podLabels, podSpec, renderChart, renderError, validateObject, type K8sObject } from './helpers/helm.js';

const chart = parse(readFileSync(join(chartDir, 'Chart.yaml'), 'utf8')) as { name: string; version: string; appVersion: string };
const PUBLISHED = `ghcr.io/gamecluster/gamecluster:${chart.appVersion}`;
const DIGEST = `sha256:${'0123456789abcdef'.repeat(4)}`;

/** component → the images of its pod (Deployments and the helm-test Pod). */
function images(objs: K8sObject[]): { component: string; image: string; pullSecrets: string[] }[] {
  return [...byKind(objs, 'Deployment'), ...byKind(objs, 'Pod')].flatMap((o) => {
    const spec = podSpec(o);
    const pullSecrets = ((spec.imagePullSecrets ?? []) as { name: string }[]).map((s) => s.name);
    return [...(spec.initContainers ?? []), ...spec.containers].map((c: { image: string }) => ({ component: podLabels(o)['app.kubernetes.io/component']!, image: c.image, pullSecrets }));
  });
}

/** A reference whose first component names a registry (has a dot or a port, or is localhost) and carries a tag. */
function assertQualified(image: string): void {
  const [first] = image.split('/');
  assert.ok(image.includes('/') && (/[.:]/.test(first!) || first === 'localhost'), `${image} is not fully qualified`);
  assert.match(image.split('@')[0]!.split('/').pop()!, /:[\w][\w.-]*$/, `${image} has no tag`);
}

function assertOurs(objs: K8sObject[], want: string, redisPrefix: string | undefined): void {
  const all = images(objs);
  const ours = all.filter((i) => i.component !== 'redis');
  assert.ok(ours.length >= 3, `only ${ours.length} gamecluster containers`);
  for (const i of ours) assert.equal(i.image, want, `${i.component} runs ${i.image}`);
  const redis = all.filter((i) => i.component === 'redis');
  if (redisPrefix !== undefined) {
    assert.equal(redis.length, 1, 'the dev Redis is rendered');
    assert.ok(redis[0]!.image.startsWith(redisPrefix), `redis runs ${redis[0]!.image}, expected ${redisPrefix}…`);
  }
  for (const i of all) assertQualified(i.image);
}

test('defaults: the published image, tagged appVersion; the dev Redis fully qualified', async (t) => {
  const objs = await renderChart();
  t.diagnostic(`defaults: ${objs.length} objects rendered`);
  assertOurs(objs, PUBLISHED, 'docker.io/library/redis:');
  for (const o of objs) await validateObject(o);
});

for (const [file, path] of Object.entries(ciValuesFiles())) {
  test(`ci/${file}: images fully qualified, ours tagged appVersion`, async (t) => {
    const objs = await renderChart({ valuesFiles: [path] });
    assertOurs(objs, PUBLISHED, undefined);
    const secrets = (parse(readFileSync(path, 'utf8')) as { imagePullSecrets?: { name: string }[] } | null)?.imagePullSecrets ?? [];
    for (const i of images(objs)) assert.deepEqual(i.pullSecrets, secrets.map((s) => s.name), `${i.component}: imagePullSecrets`);
    t.diagnostic(`ci/${file}: ${objs.length} objects rendered`);
  });
}

describe('registries', () => {
  test('global.imageRegistry replaces every image’s registry; other globals are accepted', async () => {
    const objs = await renderChart({
      set: ['global.imageRegistry=registry.example.com:5000/mirror', 'global.storageClass=fast', 'global.postgresql.auth.username=x', 'imagePullSecrets[0].name=mirror-pull'],
    });
    assertOurs(objs, `registry.example.com:5000/mirror/gamecluster/gamecluster:${chart.appVersion}`, 'registry.example.com:5000/mirror/library/redis:');
    for (const i of images(objs)) assert.deepEqual(i.pullSecrets, ['mirror-pull'], `${i.component} pulls with the secret`);
    for (const o of objs) await validateObject(o);
  });

  test('a private registry through image.registry; a digest pins the image', async () => {
    const objs = await renderChart({ set: ['image.registry=registry.example.com', `image.digest=${DIGEST}`, 'image.tag=1.2.3'] });
    assertOurs(objs, `registry.example.com/gamecluster/gamecluster:1.2.3@${DIGEST}`, 'docker.io/library/redis:');
  });

  test('skaffold: empty registry, its own repository and tag@digest are used as given', async () => {
    const objs = await renderChart({ set: ['image.registry=', 'image.repository=localhost:5000/gamecluster', `image.tag=5f2c1d0@${DIGEST}`] });
    for (const i of images(objs).filter((x) => x.component !== 'redis')) assert.equal(i.image, `localhost:5000/gamecluster:5f2c1d0@${DIGEST}`);
  });

  test('the schema refuses a malformed digest or registry, and unknown image keys', async () => {
    assert.match(await renderError({ set: ['image.digest=latest'] }), /digest/);
    assert.match(await renderError({ set: ['image.registry=https://ghcr.io'] }), /registry/);
    assert.match(await renderError({ set: ['image.registy=ghcr.io'] }), /registy|additional/i);
    assert.match(await renderError({ set: ['global.imageRegistry=bad registry'] }), /imageRegistry/);
  });
});

describe('as a dependency of a parent chart', () => {
  const dir = mkdtempSync(join(tmpdir(), 'gc-parent-chart-'));
  after(() => rmSync(dir, { recursive: true, force: true }));

  async function renderParent(values: Record<string, unknown>): Promise<K8sObject[]> {
    writeFileSync(join(dir, 'values.yaml'), stringify(values));
    const r = await helm(['template', RELEASE, dir, '--namespace', 'games']);
    assert.equal(r.code, 0, `helm template of the parent failed: ${r.stderr}`);
    return parseAllDocuments(r.stdout).map((d) => d.toJS() as K8sObject | null).filter((o): o is K8sObject => !!o);
  }

  test('helm dependency build packs this chart from file://', async () => {
    writeFileSync(join(dir, 'Chart.yaml'), stringify({
      apiVersion: 'v2', name: 'platform', version: '1.0.0', type: 'application',
      dependencies: [{ name: chart.name, version: chart.version, repository: `file://${chartDir}` }],
    }));
    const r = await helm(['dependency', 'build', dir]);
    assert.equal(r.code, 0, `helm dependency build failed: ${r.stdout}\n${r.stderr}`);
  });

  test('parent globals (with keys of other charts) pass the schema; images fully qualified, tagged appVersion', async (t) => {
    const objs = await renderParent({ global: { storageClass: 'fast', labels: { team: 'games' }, postgresql: { auth: { database: 'x' } } }, gamecluster: { appmgr: { replicas: 1 } } });
    assertOurs(objs, PUBLISHED, 'docker.io/library/redis:');
    for (const o of objs) await validateObject(o);
    t.diagnostic(`parent chart: ${objs.length} objects rendered`);
  });

  test('the parent’s global.imageRegistry reaches every image of the subchart', async () => {
    const objs = await renderParent({ global: { imageRegistry: 'mirror.example.org', storageClass: 'fast' } });
    assertOurs(objs, `mirror.example.org/gamecluster/gamecluster:${chart.appVersion}`, 'mirror.example.org/library/redis:');
    for (const o of objs) await validateObject(o);
  });
});

test('NOTES say which image runs and how to use a mirror or a locally loaded image', async () => {
  const published = await helm(['install', RELEASE, chartDir, '--namespace', 'games', '--dry-run=client']);
  assert.equal(published.code, 0, published.stderr);
  assert.match(published.stdout, new RegExp(`Image: ${PUBLISHED.replace(/\./g, '\\.')}\\.`));
  assert.match(published.stdout, /global\.imageRegistry=<registry>.*imagePullSecrets/);
  const local = await helm(['install', RELEASE, chartDir, '--namespace', 'games', '--dry-run=client', '--set', 'image.registry=', '--set', 'image.tag=dev']);
  assert.match(local.stdout, /Image: gamecluster\/gamecluster:dev \(no registry: a locally loaded image, e\.g\. `kind load docker-image` or `skaffold dev`\)/);
});

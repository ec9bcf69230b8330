/**
 * The GitHub workflows cannot run here (no runner, no GHCR), so their structure is checked: the release builds
 * linux/amd64 + linux/arm64 with the standard docker actions and the GitHub Actions cache, pushes
 * ghcr.io/gamecluster/gamecluster:<X.Y.Z> for a tag vX.Y.Z, then packages the chart and pushes it to
 * oci://ghcr.io/gamecluster/charts, only after CI passed; CI runs `npm test` and the image check. The release's version
 * step is run for real with bash, and the chart is packaged with the real helm. (actionlint runs in .ci/run:
 * scripts/workflow-lint.ts.)
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import { chartDir, helm } from './helpers/helm.js';

const root = fileURLToPath(new URL('../', import.meta.url));
const read = (f: string) => readFileSync(join(root, f), 'utf8');

interface Step {
  uses?: string;
  run?: string;
  id?: string;
  with?: Record<string, string | boolean>;
  env?: Record<string, string>;
}
interface Job {
  'runs-on'?: string;
  uses?: string;
  needs?: string | string[];
  steps?: Step[];
  permissions?: Record<string, string>;
}
interface Workflow {
  name: string;
  on: Record<string, any>;
  env?: Record<string, string>;
  permissions?: Record<string, string>;
  jobs: Record<string, Job>;
}

const release = parse(read('.github/workflows/release.yml')) as Workflow;
const ci = parse(read('.github/workflows/ci.yml')) as Workflow;
const pkg = JSON.parse(read('package.json')) as { version: string };
const chart = parse(readFileSync(join(chartDir, 'Chart.yaml'), 'utf8')) as { name: string; appVersion: string };

const steps = (wf: Workflow) => Object.values(wf.jobs).flatMap((j) => j.steps ?? []);
const needs = (j: Job) => (Array.isArray(j.needs) ? j.needs : j.needs ? [j.needs] : []);
/** The job holding a step that uses this action. */
function jobUsing(wf: Workflow, action: string): [string, Job] {
  const e = Object.entries(wf.jobs).find(([, j]) => (j.steps ?? []).some((s) => s.uses?.startsWith(`${action}@`)));
  assert.ok(e, `no job uses ${action}`);
  return e;
}
const stepUsing = (j: Job, action: string) => j.steps!.find((s) => s.uses?.startsWith(`${action}@`))!;

test('Chart appVersion = package.json version', () => {
  assert.equal(chart.appVersion, pkg.version);
});

test('every action is pinned to a major version', () => {
  for (const wf of [release, ci]) {
    for (const s of steps(wf)) if (s.uses && !s.uses.startsWith('./')) assert.match(s.uses, /^[\w.-]+\/[\w.-]+@v\d+$/, `${wf.name}: ${s.uses}`);
  }
});

describe('release.yml', () => {
  test('runs on version tags only, after CI', () => {
    assert.deepEqual(Object.keys(release.on), ['push']);
    assert.deepEqual(release.on.push.tags, ['v*']);
    assert.equal(release.jobs.ci?.uses, './.github/workflows/ci.yml');
    assert.ok(ci.on.workflow_call !== undefined, 'ci.yml can be called by the release');
    const [name, image] = jobUsing(release, 'docker/build-push-action');
    assert.ok(needs(image).includes('ci'), `${name} waits for CI`);
  });

  test('the image: qemu + buildx, GHCR login, both platforms, pushed as ghcr.io/gamecluster/gamecluster:<version>, gha cache', () => {
    const [, job] = jobUsing(release, 'docker/build-push-action');
    const order = ['docker/setup-qemu-action', 'docker/setup-buildx-action', 'docker/login-action', 'docker/build-push-action'].map((a) => job.steps!.indexOf(stepUsing(job, a)));
    assert.deepEqual([...order].sort((a, b) => a - b), order, 'qemu, buildx, login, then build');
    assert.ok(order.every((i) => i >= 0));
    const login = stepUsing(job, 'docker/login-action').with!;
    assert.equal(login.registry, 'ghcr.io');
    assert.match(String(login.password), /secrets\.GITHUB_TOKEN/);
    assert.equal(job.permissions?.packages, 'write', 'pushing to GHCR needs packages: write');
    const b = stepUsing(job, 'docker/build-push-action').with!;
    assert.equal(b.file, 'Dockerfile');
    assert.deepEqual(String(b.platforms).split(',').map((p) => p.trim()).sort(), ['linux/amd64', 'linux/arm64']);
    assert.equal(b.push, true);
    assert.equal(release.env?.IMAGE, 'ghcr.io/gamecluster/gamecluster');
    assert.equal(b.tags, '${{ env.IMAGE }}:${{ needs.version.outputs.version }}');
    assert.ok(needs(job).includes('version'));
    assert.equal(b['cache-from'], 'type=gha');
    assert.match(String(b['cache-to']), /^type=gha\b/);
  });

  test('the chart: packaged and pushed to oci://ghcr.io/gamecluster/charts after the image', () => {
    const [, job] = Object.entries(release.jobs).find(([, j]) => (j.steps ?? []).some((s) => /helm push/.test(s.run ?? '')))!;
    assert.ok(needs(job).includes('image'), 'the chart is published only once its image is');
    assert.equal(job.permissions?.packages, 'write');
    assert.ok(job.steps!.some((s) => s.uses?.startsWith('azure/setup-helm@')));
    const run = job.steps!.map((s) => s.run ?? '').join('\n');
    assert.match(run, /helm package charts\/gamecluster --destination chart-dist/);
    assert.match(run, /helm registry login ghcr\.io .*--password-stdin/);
    assert.match(run, /helm push chart-dist\/gamecluster-\*\.tgz "\$CHART_REPO"/);
    assert.equal(release.env?.CHART_REPO, 'oci://ghcr.io/gamecluster/charts');
  });

  describe('the version step, run with bash', () => {
    const versionStep = release.jobs.version!.steps!.find((s) => s.id === 'version')!;
    const dir = mkdtempSync(join(tmpdir(), 'gc-release-'));
    after(() => rmSync(dir, { recursive: true, force: true }));
    function run(tag: string): { code: number | null; output: string; stdout: string } {
      const out = join(dir, `out-${tag}`);
      const r = spawnSync('bash', ['-euo', 'pipefail', '-c', versionStep.run!], { cwd: root, encoding: 'utf8', env: { ...process.env, GITHUB_REF_NAME: tag, GITHUB_OUTPUT: out } });
      let output = '';
      try {
        output = readFileSync(out, 'utf8');
      } catch {
        /* no output written */
      }
      return { code: r.status, output, stdout: r.stdout };
    }

    test(`tag v${pkg.version} → version ${pkg.version}`, () => {
      const r = run(`v${pkg.version}`);
      assert.equal(r.code, 0, r.stdout);
      assert.equal(r.output, `version=${pkg.version}\n`);
    });

    test('a tag that is not the package version, or not vX.Y.Z, stops the release', () => {
      for (const bad of ['v99.0.0', 'vlatest', `${pkg.version}x`]) {
        const r = run(bad);
        assert.notEqual(r.code, 0, `${bad} was accepted`);
        assert.match(r.stdout, /::error::/);
        assert.equal(r.output, '');
      }
    });
  });

  test('helm package produces the gamecluster-*.tgz the push step picks up', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'gc-package-'));
    try {
      const r = await helm(['package', chartDir, '--destination', dir]);
      assert.equal(r.code, 0, r.stderr);
      assert.deepEqual(readdirSync(dir).filter((f) => /^gamecluster-.*\.tgz$/.test(f)).length, 1);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('ci.yml', () => {
  test('on pushes to main and pull requests: npm ci, npm test, then the image built and run', () => {
    assert.deepEqual(ci.on.push?.branches, ['main']);
    assert.ok('pull_request' in ci.on);
    assert.equal(ci.permissions?.contents, 'read');
    const job = ci.jobs.test!;
    const runs = job.steps!.map((s) => s.run ?? '');
    const at = (re: RegExp) => runs.findIndex((r) => re.test(r));
    const install = at(/apt-get install .*redis-server prometheus buildah mmdebstrap/);
    const npmCi = at(/^npm ci$/);
    const npmTest = at(/^npm test$/);
    const image = at(/bash scripts\/image-check\.sh/);
    assert.ok(install >= 0 && npmCi > install && npmTest > npmCi && image > npmTest, `steps out of order: ${runs.join(' | ')}`);
    assert.ok(job.steps!.some((s) => s.uses?.startsWith('actions/setup-node@') && Number(s.with?.['node-version']) >= 20));
  });

  test('.ci/run runs the same: npm test, actionlint, then the image check', () => {
    const run = read('.ci/run');
    const i = ['npm test', 'scripts/workflow-lint.ts', 'bash scripts/image-check.sh'].map((s) => run.indexOf(s));
    assert.ok(i.every((x, k) => x > 0 && (k === 0 || x > i[k - 1]!)), '.ci/run order');
    assert.match(run, /apt-get install .*buildah mmdebstrap/);
  });
});

describe('release.yml: the npm packages', () => {
  const entry = Object.entries(release.jobs).find(([, j]) => (j.steps ?? []).some((s) => /npm publish/.test(s.run ?? '')));
  test('gamecluster and @gamecluster/client are published with provenance, after CI, at the tag version', () => {
    assert.ok(entry, 'a job runs npm publish');
    const [, job] = entry;
    assert.ok(needs(job).includes('ci') && needs(job).includes('version'), 'published only after CI, at the checked version');
    assert.equal(job.permissions?.['id-token'], 'write', 'provenance needs the OIDC token');
    const setup = stepUsing(job, 'actions/setup-node');
    assert.equal(setup.with?.['registry-url'], 'https://registry.npmjs.org');
    const publishes = job.steps!.flatMap((s) => (s.run ?? '').split('\n')).filter((l) => /npm publish/.test(l)).map((l) => l.trim());
    assert.deepEqual(publishes, ['npm publish --provenance --access public', 'npm publish ./clients/js --provenance --access public']);
    const run = job.steps!.map((s) => s.run ?? '').join('\n');
    assert.match(run, /clients\/js\/package\.json'\)\.version/, 'the client version is checked against the tag');
  });

  test('the client package has the server package version (both follow the tag)', () => {
    const client = JSON.parse(read('clients/js/package.json')) as { name: string; version: string };
    assert.equal(client.name, '@gamecluster/client');
    assert.equal(client.version, pkg.version);
  });
});

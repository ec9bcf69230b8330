/**
 * The container build files checked for their essentials, since no Docker engine runs here to build the image:
 * multi-stage, Node LTS slim base, production dependencies only in the final stage, non-root USER, the
 * `gamecluster` entrypoint resolvable on PATH; .dockerignore keeps the context small; skaffold.yaml builds that one
 * image and deploys the local chart with a dev port-forward to appmgr.
 */
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import { RELEASE, find, mainContainer, renderChart } from './helpers/helm.js';

const root = fileURLToPath(new URL('../', import.meta.url));
const read = (f: string) => readFileSync(root + f, 'utf8');

interface Instruction {
  op: string;
  args: string;
}
interface Stage {
  from: string;
  name: string | undefined;
  body: Instruction[];
}

/** The global ARGs (before the first FROM) with their defaults. */
function globalArgs(text: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const line of text.split(/\r?\n/).map((l) => l.trim())) {
    if (/^FROM\s/i.test(line)) break;
    const m = /^ARG\s+(\w+)(?:=(\S*))?$/i.exec(line);
    if (m) out[m[1]!] = m[2] ?? '';
  }
  return out;
}

/** Dockerfile → stages of instructions (comments dropped, line continuations joined, global ARGs in FROM expanded). */
function parseDockerfile(text: string): Stage[] {
  const args = globalArgs(text);
  const lines = text
    .replace(/\\\r?\n/g, ' ')
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter((l) => l && !l.startsWith('#'));
  const stages: Stage[] = [];
  for (const line of lines) {
    const m = /^(\w+)\s+(.*)$/.exec(line);
    assert.ok(m, `unparsable Dockerfile line: ${line}`);
    const op = m[1]!.toUpperCase();
    const rest = m[2]!;
    if (op === 'FROM') {
      const f = /^(?:--platform=\S+\s+)?(\S+)(?:\s+AS\s+(\S+))?$/i.exec(rest)!;
      stages.push({ from: f[1]!.replace(/\$\{(\w+)\}|\$(\w+)/g, (_m, a: string, b: string) => args[a ?? b] ?? ''), name: f[2], body: [] });
    } else if (op === 'ARG' && !stages.length) {
      continue; // a global ARG (expanded in FROM above)
    } else {
      assert.ok(stages.length, `${op} before FROM`);
      stages.at(-1)!.body.push({ op, args: rest });
    }
  }
  return stages;
}

const stages = parseDockerfile(read('Dockerfile'));
const final = stages.at(-1)!;
const finalOps = (op: string) => final.body.filter((i) => i.op === op);

test('Dockerfile is multi-stage on a current Node LTS slim base', () => {
  assert.ok(stages.length >= 2, 'expected a build stage and a run stage');
  for (const s of stages) {
    const m = /^node:(\d+)(?:\.\d+)*-(?:bookworm-|trixie-)?slim(?:@sha256:[0-9a-f]{64})?$/.exec(s.from);
    assert.ok(m, `stage ${s.name}: ${s.from} is not a node:<major>-slim image`);
    const major = Number(m[1]);
    assert.ok(major % 2 === 0 && major >= 22, `node ${major} is not a current LTS line`);
  }
  const build = stages[0]!;
  // The dev tree (buf, kubectl, benchmark and test tools) is not what compiling needs: production dependencies plus
  // the compiler and the @types packages, at the lock file's versions.
  const install = build.body.find((i) => i.op === 'RUN' && /\bnpm ci\b/.test(i.args));
  assert.ok(install, 'build stage installs dependencies with npm ci');
  assert.match(install.args, /npm ci --omit=dev/, 'build stage leaves the dev tree out');
  for (const tool of ['typescript', '@types/node']) assert.ok(install.args.includes(`'${tool}'`), `build stage adds ${tool}`);
  assert.match(install.args, /package-lock\.json/, 'the build tools come at the versions package-lock.json pins');
  const pkg = JSON.parse(read('package.json')) as { devDependencies: Record<string, string> };
  assert.ok(pkg.devDependencies.typescript && pkg.devDependencies['@types/node'], 'the build tools are dev dependencies of the package');
  assert.ok(build.body.some((i) => i.op === 'RUN' && /npm run build/.test(i.args)), 'build stage compiles');
});

test('the base image is one ARG BASE_IMAGE (digest-pinned by Renovate upstream); image-check.sh builds with its own', () => {
  const text = read('Dockerfile');
  const base = globalArgs(text).BASE_IMAGE;
  assert.ok(base, 'ARG BASE_IMAGE=<default> before the first FROM');
  for (const line of text.split('\n').filter((l) => /^FROM\s/i.test(l))) assert.match(line, /^FROM \$\{BASE_IMAGE\} AS \w+$/, line);
  assert.match(base, /^node:\d+-bookworm-slim(@sha256:[0-9a-f]{64})?$/, 'a Debian-pinned Node tag, optionally @digest');
  // The local build passes the base scripts/image-base.sh made available (pulled by digest or assembled).
  assert.match(read('scripts/image-check.sh'), /base=\$\(bash scripts\/image-base\.sh Dockerfile\)[\s\S]*buildah bud [^\n]*--build-arg "BASE_IMAGE=\$base"/);
  assert.match(read('scripts/image-base.sh'), /ARG BASE_IMAGE=/, 'image-base.sh resolves the ARG default');
});

test('the final stage has production dependencies only', () => {
  const installs = finalOps('RUN').filter((i) => /\bnpm (ci|install|i)\b/.test(i.args));
  assert.equal(installs.length, 1, 'one dependency install in the final stage');
  assert.match(installs[0]!.args, /npm ci --omit=dev/);
  assert.match(installs[0]!.args, /--ignore-scripts/, '`prepare` would try to build without the dev dependencies');
  const copies = finalOps('COPY');
  const fromBuild = copies.filter((c) => /--from=/.test(c.args));
  assert.ok(fromBuild.some((c) => /\/app\/dist\s/.test(`${c.args} `) || /dist/.test(c.args)), 'dist/ comes from the build stage');
  assert.ok(!copies.some((c) => /node_modules/.test(c.args)), 'node_modules must not be copied (it would carry dev dependencies)');
  assert.ok(!copies.some((c) => /\bservices\b|\btest\b/.test(c.args)), 'sources and tests stay out of the final image');
  assert.ok(copies.some((c) => /\bproto\b/.test(c.args)), 'proto/ is needed at run time');
  const env = finalOps('ENV').map((e) => e.args).join(' ');
  assert.match(env, /NODE_ENV=production/);
});

test('the final stage runs as a non-root user', () => {
  const users = finalOps('USER');
  assert.ok(users.length >= 1, 'final stage sets USER');
  const user = users.at(-1)!.args.split(':')[0]!;
  assert.ok(!['root', '0'].includes(user), `USER ${user} is root`);
  assert.match(user, /^\d+$/, 'a numeric uid lets Kubernetes verify runAsNonRoot');
  // The chart's default pod securityContext uses the same uid.
  assert.match(read('charts/gamecluster/templates/_helpers.tpl'), new RegExp(`"runAsUser" ${user}\\b`));
  // Nothing after USER switches back.
  const idx = final.body.lastIndexOf(users.at(-1)!);
  assert.ok(!final.body.slice(idx + 1).some((i) => i.op === 'RUN' && /\bsu\b|sudo/.test(i.args)));
});

test('ENTRYPOINT is gamecluster, resolvable on PATH to bin/gamecluster (node flags per command), which runs the built CLI', () => {
  const ep = finalOps('ENTRYPOINT').at(-1);
  assert.ok(ep, 'final stage has an ENTRYPOINT');
  assert.deepEqual(JSON.parse(ep.args), ['gamecluster'], 'exec-form ENTRYPOINT ["gamecluster"]');
  assert.ok(finalOps('COPY').some((c) => /^bin\s+\.\/bin$/.test(c.args)), 'bin/ is in the image');
  const link = finalOps('RUN').find((i) => /ln -s\S*\s+\/app\/bin\/gamecluster\s+\/usr\/local\/bin\/gamecluster/.test(i.args));
  assert.ok(link, 'a /usr/local/bin/gamecluster symlink to /app/bin/gamecluster');
  assert.match(link.args, /chmod [0-7]*7[0-7]*5 dist\/cli\.js bin\/gamecluster/, 'the CLI and its launcher are executable');
  const pkg = JSON.parse(read('package.json')) as { bin: Record<string, string> };
  assert.equal(pkg.bin.gamecluster, 'bin/gamecluster');
  assert.match(read('bin/gamecluster'), /exec node \$flags "\$root\/dist\/cli\.js" "\$@"\n$/, 'the launcher execs node (node stays PID 1)');
  assert.match(read('services/cli.ts'), /^#!\/usr\/bin\/env node\n/, 'tsc keeps the shebang that makes dist/cli.js runnable');
  // The WORKDIR the symlink points into.
  assert.ok(finalOps('WORKDIR').some((w) => w.args === '/app'));
});

test('.dockerignore keeps local state out of the build context', () => {
  const ignored = read('.dockerignore')
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l && !l.startsWith('#'));
  for (const p of ['node_modules', '.git', 'dist', '.cache']) assert.ok(ignored.includes(p), `.dockerignore lacks ${p}`);
  // What the Dockerfile copies must not be ignored.
  for (const p of ['services', 'proto', 'package.json', 'package-lock.json', 'tsconfig.json', 'scripts']) assert.ok(!ignored.includes(p), `.dockerignore drops ${p}`);
});

test('skaffold.yaml: one artifact, the local chart through the helm deployer, dev port-forward to appmgr 8080', async () => {
  const sk = parse(read('skaffold.yaml')) as any;
  assert.match(sk.apiVersion, /^skaffold\/v4/);
  assert.equal(sk.build.artifacts.length, 1);
  const image = sk.build.artifacts[0].image as string;
  assert.equal(sk.build.artifacts[0].docker.dockerfile, 'Dockerfile');
  const releases = sk.deploy.helm.releases as any[];
  assert.equal(releases.length, 1);
  const rel = releases[0];
  assert.ok(existsSync(root + rel.chartPath + '/Chart.yaml'), `${rel.chartPath} is not a chart`);
  // skaffold's repository is complete: the chart's default registry (ghcr.io) is emptied; the tag carries the digest.
  assert.equal(rel.setValueTemplates['image.registry'], '');
  assert.equal(rel.setValueTemplates['image.repository'], `{{.IMAGE_REPO_${image}}}`);
  assert.equal(rel.setValueTemplates['image.tag'], `{{.IMAGE_TAG_${image}}}@{{.IMAGE_DIGEST_${image}}}`);
  const digest = `sha256:${'ab'.repeat(32)}`;
  const sample: Record<string, string> = { [`IMAGE_REPO_${image}`]: `localhost:5000/${image}`, [`IMAGE_TAG_${image}`]: 'v1-dirty', [`IMAGE_DIGEST_${image}`]: digest };
  const set = Object.entries(rel.setValueTemplates as Record<string, string>).map(([k, v]) => `${k}=${v.replace(/\{\{\.(\w+)\}\}/g, (_m, n: string) => sample[n]!)}`);
  const devRender = await renderChart({ release: rel.name, set });
  assert.equal(mainContainer(find(devRender, 'Deployment', `${rel.name}-appmgr`)).image, `localhost:5000/${image}:v1-dirty@${digest}`, 'the chart runs exactly the image skaffold built');
  const dev = (sk.profiles as any[]).find((p) => p.name === 'dev');
  assert.ok(dev, 'a dev profile');
  const pf = dev.portForward.find((p: any) => p.port === 8080);
  assert.ok(pf, 'dev port-forwards 8080');
  assert.equal(pf.resourceType, 'service');
  // The forwarded Service is the appmgr Service the chart renders for this release name, on its port.
  const objs = await renderChart({ release: rel.name });
  const svc = find(objs, 'Service', pf.resourceName);
  assert.equal(svc.metadata.labels?.['app.kubernetes.io/component'], 'appmgr');
  assert.equal(svc.spec.ports[0].port, pf.port);
  assert.equal(rel.name, RELEASE);
  // The dev profile's value overrides exist in the chart's schema (a typo would fail the deploy).
  const schema = JSON.parse(read('charts/gamecluster/values.schema.json')) as any;
  for (const key of Object.keys(dev.patches.find((p: any) => p.path.endsWith('/setValues')).value)) {
    const [top, leaf] = key.split('.');
    const node = schema.properties[top!];
    const props = node.$ref ? schema.definitions[node.$ref.split('/').pop()].properties : node.properties;
    assert.ok(props[leaf!], `skaffold dev sets unknown value ${key}`);
  }
});

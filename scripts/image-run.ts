/**
 * Runs the built image as the chart would, on this machine: appmgr, one login and two games, each a `buildah run
 * --isolation chroot --network host --user 1000:1000` of the image with exactly the rendered Deployment's args and env
 * (test/helpers/helm.ts turns the render into loopback processes: free ports, pod names, Service addresses → the local
 * process), a host redis-server on a free port as the dev Redis, then a robot wave run from the image too. Ready means
 * each pod's rendered readiness probe answers 200 and appmgr's /login answers 200 (not /apps: it may move to the admin
 * port). Exits 0 when the wave has 0 failures, 1 otherwise; every process and buildah container it made is removed.
 * Usage: node --import tsx scripts/image-run.ts --image NAME [--players N] (scripts/image-check.sh builds, then runs this).
 */
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Redis } from 'ioredis';
import { spawnManaged, type ManagedChild } from '../services/local/child-process.js';
import { ensureRedisServer, startLocalRedis, type LocalRedis } from '../services/local/redis-launcher.js';
import { byKind, devRedisFromChart, find, mainContainer, podSpec, processesFromChart, renderChart, type ChartProcess, type Container, type K8sObject } from '../test/helpers/helm.js';
import { waitFor } from '../test/helpers/wait-for.js';

class ImageRunError extends Error {
  readonly code = 'IMAGE_RUN_FAILED';
  constructor(message: string) {
    super(message);
    this.name = 'ImageRunError';
  }
}

function flag(name: string, fallback?: string): string {
  const i = process.argv.indexOf(`--${name}`);
  const v = i > 0 ? process.argv[i + 1] : fallback;
  if (v === undefined) throw new ImageRunError(`--${name} is required`);
  return v;
}

const image = flag('image');
const players = Number(flag('players', '200'));
const READY_TIMEOUT_MS = Number(process.env.IMAGE_READY_TIMEOUT_MS ?? 60_000);
const WAVE_TIMEOUT_MS = Number(process.env.IMAGE_WAVE_TIMEOUT_MS ?? 180_000);
const log = (line: string) => process.stderr.write(`image-run: ${line}\n`);

const containers: string[] = [];
const children: ManagedChild[] = [];
let redis: LocalRedis | undefined;
const dir = mkdtempSync(join(tmpdir(), 'gc-image-run-'));

function buildah(args: string[]): string {
  const r = spawnSync('buildah', args, { encoding: 'utf8' });
  if (r.status !== 0) throw new ImageRunError(`buildah ${args.join(' ')} failed: ${(r.stderr || r.stdout).trim()}`);
  return r.stdout.trim();
}

/** A working container of the image, named after the process (a leftover of an aborted run is replaced). */
function newContainer(name: string): string {
  spawnSync('buildah', ['rm', name], { stdio: 'ignore' });
  buildah(['from', '--quiet', '--pull=false', '--name', name, image]);
  containers.push(name);
  return name;
}

function runArgs(ctr: string, env: Record<string, string>, command: string[]): string[] {
  const envFlags = Object.entries(env).flatMap(([k, v]) => ['--env', `${k}=${v}`]);
  return ['run', '--isolation', 'chroot', '--network', 'host', '--user', '1000:1000', ...envFlags, ctr, '--', 'gamecluster', ...command];
}

/**
 * Env taken from a Secret of the release (a generated token or password) becomes its literal value, read from the
 * rendered Secret, so every pod gets the same value as in the cluster; a Secret the release does not render is an error.
 */
function inlineSecrets(objs: K8sObject[]): void {
  const secrets = new Map(byKind(objs, 'Secret').map((s) => [s.metadata.name, s as K8sObject & { stringData?: Record<string, string> }]));
  for (const d of byKind(objs, 'Deployment')) {
    for (const c of podSpec(d).containers as Container[]) {
      for (const e of c.env ?? []) {
        const ref = e.valueFrom?.secretKeyRef;
        if (!ref) continue;
        const s = secrets.get(ref.name);
        const v = s?.stringData?.[ref.key] ?? (s?.data?.[ref.key] !== undefined ? Buffer.from(s.data[ref.key]!, 'base64').toString('utf8') : undefined);
        if (v === undefined) throw new ImageRunError(`${d.metadata.name}: env ${e.name} reads Secret ${ref.name}/${ref.key}, which the release does not render`);
        delete e.valueFrom;
        e.value = v;
      }
    }
  }
}

async function httpStatus(port: number, path: string): Promise<number> {
  const res = await fetch(`http://127.0.0.1:${port}${path}`, { signal: AbortSignal.timeout(2000) });
  await res.arrayBuffer();
  return res.status;
}

/** The robot wave from the image; resolves with its exit code and stdout (the --json report). */
function robots(appmgrUrl: string): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const ctr = newContainer('gc-image-run-robots');
  const args = runArgs(ctr, { LOG_LEVEL: 'warn' }, [
    'robots', '--appmgr', appmgrUrl, '--players', String(players), '--rate', String(Math.max(1, players / 2)),
    '--duration', '5', '--echo-per-sec', '1', '--json', '--no-progress',
  ]);
  return new Promise((resolve, reject) => {
    const child = spawn('buildah', args, { stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    const timer = setTimeout(() => {
      child.kill('SIGTERM');
      reject(new ImageRunError(`the robot wave did not end within ${WAVE_TIMEOUT_MS} ms`));
    }, WAVE_TIMEOUT_MS);
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
  });
}

async function requirePassword(port: number, password: string): Promise<void> {
  const r = new Redis({ host: '127.0.0.1', port, lazyConnect: true, maxRetriesPerRequest: 1 });
  try {
    await r.connect();
    await r.config('SET', 'requirepass', password);
  } finally {
    r.disconnect();
  }
}

async function cleanup(): Promise<void> {
  await Promise.all(children.map((c) => c.stop(10_000)));
  for (const c of containers) spawnSync('buildah', ['rm', c], { stdio: 'ignore' });
  if (redis) await redis.child.stop(5000);
  rmSync(dir, { recursive: true, force: true });
}

async function main(): Promise<number> {
  const t0 = Date.now();
  // The chart's defaults with one appmgr, one login and two games: the env and args each pod would get.
  // The robot wave comes from one address: the per-address /login limit (chart default 20/s) is off here (tested in appmgr-access).
  const objs = await renderChart({ set: ['appmgr.replicas=1', 'login.replicas=1', 'game.replicas=2', 'appmgr.loginRatePerIp=0'] });
  inlineSecrets(objs);
  ensureRedisServer(log);
  redis = await startLocalRedis(dir);
  // The bundled Redis requires the password of the Secret the chart generates; the host Redis takes its place.
  await requirePassword(redis.port, devRedisFromChart(objs).password);
  const procs: ChartProcess[] = await processesFromChart(objs, `127.0.0.1:${redis.port}`);
  // appmgr first (login dials its gRPC), then the pods.
  for (const kind of ['appmgr', 'login', 'game']) {
    for (const p of procs.filter((x) => x.component === kind)) {
      const ctr = newContainer(`gc-image-run-${p.podName}`);
      children.push(spawnManaged(p.podName, 'buildah', runArgs(ctr, p.env, p.args), process.env, join(dir, `${p.podName}.log`)));
      log(`started ${p.podName}: gamecluster ${p.args.join(' ')} (as 1000:1000 from ${image})`);
    }
  }
  try {
    for (const p of procs) {
      const probe = mainContainer(find(objs, 'Deployment', p.deployment)).readinessProbe.httpGet as { path: string; port: string };
      await waitFor(`${p.podName} ${probe.path}`, async () => (await httpStatus(p.port(probe.port), probe.path)) === 200, READY_TIMEOUT_MS, 250);
    }
    const appmgr = procs.find((p) => p.component === 'appmgr')!;
    await waitFor('appmgr /login 200', async () => (await httpStatus(appmgr.port('http'), '/login')) === 200, READY_TIMEOUT_MS, 250);
    log(`ready in ${Date.now() - t0} ms: ${procs.map((p) => p.podName).join(', ')}`);
    const wave = await robots(`http://127.0.0.1:${appmgr.port('http')}`);
    let report: { players: number; ok: number; failed: number; not_started?: number } | undefined;
    try {
      report = JSON.parse(wave.stdout) as typeof report;
    } catch {
      throw new ImageRunError(`robots printed no JSON report (exit ${wave.code}): ${wave.stderr.slice(-2000)}`);
    }
    log(`robots from the image: ${report!.ok}/${report!.players} ok, ${report!.failed} failed, exit ${wave.code} (${Date.now() - t0} ms since start)`);
    if (wave.code !== 0 || report!.failed !== 0) throw new ImageRunError(`the robot wave failed: ${wave.stdout.slice(0, 4000)}`);
    return 0;
  } catch (err) {
    for (const c of children) log(`--- ${c.name} (log tail)\n${c.logTail(1500)}`);
    throw err;
  }
}

// Interrupted (Ctrl-C, CI's stop): still stop what we started and remove the containers.
for (const sig of ['SIGINT', 'SIGTERM'] as const) {
  process.once(sig, () => {
    log(`${sig}: stopping`);
    void cleanup().finally(() => process.exit(130));
  });
}

let code = 1;
try {
  code = await main();
} catch (err) {
  log(`FAILED: ${(err as Error).message}`);
} finally {
  await cleanup();
}
process.exit(code);

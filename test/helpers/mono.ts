/**
 * Debian's mono for the Unity package's tests: `mcs` compiles C# 7.2 (`-langversion:7.2`, what the package is held
 * to), `mono` runs the result, `cert-sync` puts a CA in mono's trust store (ClientWebSocket's wss trusts nothing else),
 * System.Net.Http.dll backs HttpClient. Missing pieces are installed with apt-get when running as root (as
 * scripts/ensure-env.sh does for the other system packages); otherwise the error names the packages.
 */
import { execFile, execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { promisify } from 'node:util';

const run = promisify(execFile);

/** What each package provides here: a command, or a file. */
const NEEDS: [check: string, pkg: string][] = [
  ['mcs', 'mono-mcs'],
  ['mono', 'mono-runtime'],
  ['cert-sync', 'ca-certificates-mono'],
  ['/usr/lib/mono/4.5/System.Net.Http.dll', 'libmono-system-net-http4.0-cil'],
];
export const MONO_PACKAGES = NEEDS.map(([, p]) => p);

function present(check: string): boolean {
  if (check.startsWith('/')) return existsSync(check);
  try {
    execFileSync('sh', ['-c', `command -v ${check}`], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

export async function ensureMono(): Promise<void> {
  const missing = NEEDS.filter(([c]) => !present(c)).map(([, p]) => p);
  if (missing.length === 0) return;
  if (process.getuid?.() !== 0) throw new Error(`mono is missing: install ${missing.join(' ')} (apt-get install --no-install-recommends ${missing.join(' ')})`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  await run('apt-get', ['update', '-qq'], { env, timeout: 300_000 });
  await run('apt-get', ['install', '-y', '-qq', '--no-install-recommends', ...missing], { env, timeout: 600_000 });
}

/** mcs with the package's language version; throws with the compiler's output on an error or a warning-as-error. */
export async function mcs(args: string[], cwd: string): Promise<string> {
  try {
    const { stdout, stderr } = await run('mcs', ['-langversion:7.2', '-nologo', ...args], { cwd, timeout: 120_000 });
    return stdout + stderr;
  } catch (err) {
    const e = err as { stdout?: string; stderr?: string; message: string };
    throw new Error(`mcs failed: ${e.stdout ?? ''}${e.stderr ?? ''}${e.message}`);
  }
}

/**
 * Login and game run with the young-generation setting, appmgr without it (issue 25, "what ships is what was
 * measured"): `bin/gamecluster` — the package's binary and the image's entrypoint — gives each command the flags of
 * services/platform/node-flags.ts (run here with a stand-in `node` first on PATH that prints what it was given, through
 * a symbolic link as npm and the image install it); a NODE_OPTIONS that sets the flag wins; and `gamecluster local`
 * (npm start) starts real login and game processes whose command line carries it, and an appmgr whose does not.
 */
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { chmod, mkdtemp, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { startLocalCluster, type LocalCluster } from '../services/local/local-cluster.js';
import { nodeFlagsFor } from '../services/platform/node-flags.js';

const run = promisify(execFile);
const root = fileURLToPath(new URL('../', import.meta.url));
const dirs: string[] = [];
let cluster: LocalCluster | undefined;
after(async () => {
  await cluster?.stop();
  for (const d of dirs) await rm(d, { recursive: true, force: true });
});

test('bin/gamecluster execs node with the flags of node-flags.ts for each command', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'gc-flags-'));
  dirs.push(dir);
  // A stand-in node: prints its arguments, one a line.
  await writeFile(join(dir, 'node'), '#!/bin/sh\nfor a in "$@"; do echo "$a"; done\n');
  await chmod(join(dir, 'node'), 0o755);
  // Installed as npm (node_modules/.bin) and the image (/usr/local/bin) do: a symbolic link to the script.
  await symlink(join(root, 'bin/gamecluster'), join(dir, 'gamecluster'));
  const argsOf = async (command: string, nodeOptions?: string) => {
    const env = { PATH: `${dir}:${process.env.PATH}`, ...(nodeOptions === undefined ? {} : { NODE_OPTIONS: nodeOptions }) };
    const { stdout } = await run(join(dir, 'gamecluster'), [command, '--x'], { env });
    return stdout.trim().split('\n');
  };
  for (const command of ['appmgr', 'login', 'game', 'robots', 'local', 'probe', 'nope']) {
    assert.deepEqual(await argsOf(command), [...nodeFlagsFor(command, undefined), join(root, 'dist/cli.js'), command, '--x'], command);
  }
  assert.deepEqual(nodeFlagsFor('game', undefined), ['--max-semi-space-size=1']);
  assert.deepEqual(nodeFlagsFor('login', ''), ['--max-semi-space-size=1']);
  assert.deepEqual(nodeFlagsFor('appmgr', undefined), []);
  // An operator's (or the chart's) choice in NODE_OPTIONS wins; other NODE_OPTIONS do not matter.
  assert.deepEqual(await argsOf('game', '--max-semi-space-size=16'), [join(root, 'dist/cli.js'), 'game', '--x']);
  assert.deepEqual(nodeFlagsFor('game', '--max-semi-space-size=16'), []);
  assert.deepEqual(await argsOf('login', '--enable-source-maps'), ['--max-semi-space-size=1', join(root, 'dist/cli.js'), 'login', '--x']);
});

test('gamecluster local: the login and game processes run with --max-semi-space-size=1, appmgr without it', async () => {
  cluster = await startLocalCluster({ logins: 1, games: 1, logLevel: 'warn' });
  const cmdline = async (pid: number) => (await readFile(`/proc/${pid}/cmdline`, 'utf8')).split('\0');
  for (const pod of cluster.pods) assert.ok((await cmdline(pod.pid)).includes('--max-semi-space-size=1'), `${pod.type}: ${(await cmdline(pod.pid)).join(' ')}`);
  assert.deepEqual(cluster.pods.map((p) => p.type).sort(), ['game', 'login']);
  assert.ok(!(await cmdline(cluster.appmgr.pid)).some((a) => a.startsWith('--max-semi-space-size')), 'appmgr has no young-generation cap');
});

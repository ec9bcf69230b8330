/**
 * @gamecluster/client as a studio gets it: `npm pack` of clients/js (its prepack builds it from services/client),
 * installed into an empty folder with nothing else (protobufjs comes from the npm cache or the registry). There, a
 * plain Node script imports the package by name and plays the whole flow and an echo against real processes
 * (redis-server, appmgr, a login, a game); esbuild bundles it for the browser with no Node built-in; a TypeScript
 * consumer type-checks against its declarations without @types/node; the installed tree holds no server dependency
 * (fastify, ioredis, @grpc, @kubernetes, pino), and its size is printed.
 */
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { promisify } from 'node:util';
import { bundleBrowser, repoRoot } from '../examples/web/build.js';
import { startCluster, waitRegistered, type TestCluster } from './pod-cluster.js';

const run = promisify(execFile);
let c: TestCluster;
let dir: string;
let app: string;

before(async () => {
  dir = mkdtempSync(join(tmpdir(), 'gc-client-pkg-'));
  app = join(dir, 'app');
  const [cluster, tgz] = await Promise.all([
    (async () => {
      const cl = await startCluster({ prefix: 'clientpkg' });
      await cl.startPod('login', 'login-a');
      await cl.startPod('game', 'game-a');
      await waitRegistered(cl, 'login', ['login-a']);
      await waitRegistered(cl, 'game', ['game-a']);
      return cl;
    })(),
    (async () => {
      const { stdout } = await run('npm', ['pack', '--silent', '--pack-destination', dir], { cwd: join(repoRoot, 'clients/js'), timeout: 120_000 });
      return join(dir, stdout.trim().split('\n').pop()!);
    })(),
  ]);
  c = cluster;
  await run('mkdir', [app]);
  writeFileSync(join(app, 'package.json'), JSON.stringify({ name: 'studio-game', private: true, type: 'module' }));
  await run('npm', ['install', '--prefer-offline', '--no-audit', '--no-fund', '--ignore-scripts', tgz], { cwd: app, timeout: 120_000 });
});

after(async () => {
  await c?.stop();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

/** Every installed package (name → version) and the bytes of the whole node_modules tree. */
function installedTree(nodeModules: string): { packages: Map<string, string>; bytes: number } {
  const packages = new Map<string, string>();
  let bytes = 0;
  const walk = (d: string): void => {
    for (const name of readdirSync(d)) {
      const p = join(d, name);
      const st = statSync(p);
      if (st.isDirectory()) walk(p);
      else bytes += st.size;
      if (name === 'package.json' && d.split('/node_modules/').length > 1) {
        const rel = d.slice(d.lastIndexOf('/node_modules/') + '/node_modules/'.length);
        if (rel.split('/').length === (rel.startsWith('@') ? 2 : 1)) packages.set(rel, (JSON.parse(readFileSync(p, 'utf8')) as { version: string }).version);
      }
    }
  };
  walk(nodeModules);
  return { packages, bytes };
}

test('the installed tree: the client, protobufjs and its dependencies only — no server package', (t) => {
  const { packages, bytes } = installedTree(join(app, 'node_modules'));
  const names = [...packages.keys()];
  assert.ok(names.includes('@gamecluster/client'));
  assert.ok(names.includes('protobufjs'));
  for (const n of names) assert.doesNotMatch(n, /^(fastify|ioredis|pino|@grpc\/|@kubernetes\/|zod$|prom-client)/, `server dependency ${n} installed`);
  assert.ok(!names.includes('ws'), 'ws is an optional peer: not installed unless the game asks for it');
  const pkg = JSON.parse(readFileSync(join(app, 'node_modules/@gamecluster/client/package.json'), 'utf8')) as { dependencies: Record<string, string> };
  assert.deepEqual(Object.keys(pkg.dependencies), ['protobufjs']);
  t.diagnostic(`installed tree: ${packages.size} packages, ${(bytes / 1024).toFixed(0)} KiB: ${[...packages].map(([n, v]) => `${n}@${v}`).join(', ')}`);
});

test('a Node script that imports the package by name plays the whole flow and an echo, then leaves', async (t) => {
  writeFileSync(
    join(app, 'play.mjs'),
    `import { connect, ClientError, MsgId } from '@gamecluster/client';
const steps = [];
const s = await connect({ appmgr: process.env.APPMGR, account: 'pkg-player', password: 'pw', transport: 'tcp', on: { timing: (e) => steps.push(e.step) } });
const rs = await s.request('Echo', { payload: new Uint8Array([7, 8, 9]), clientTimeMs: 42 }, 'Echo');
const closed = await s.leave();
let refused;
try { await connect({ appmgr: 'http://127.0.0.1:1', account: 'x', retry: false }); } catch (e) { refused = e instanceof ClientError ? e.step + '/' + e.code : String(e); }
console.log(JSON.stringify({ steps, playerId: s.playerId, echo: [...rs.payload], time: Number(rs.clientTimeMs), closed: closed.reason, refused, echoId: MsgId.C2G_Echo }));
`,
  );
  const { stdout } = await run(process.execPath, ['play.mjs'], { cwd: app, env: { ...process.env, APPMGR: `http://127.0.0.1:${c.appmgr.port}`, NODE_OPTIONS: '' }, timeout: 30_000 });
  const r = JSON.parse(stdout.trim()) as Record<string, unknown>;
  assert.deepEqual(r, {
    steps: ['http_login', 'account_check', 'enter_game', 'game_login'],
    playerId: 'pkg-player',
    echo: [7, 8, 9],
    time: 42,
    closed: 'left',
    refused: 'http_login/ECONNREFUSED',
    echoId: 2003,
  });
  t.diagnostic(stdout.trim());
});

test('esbuild bundles the installed package for the browser with no Node built-in', async (t) => {
  const entry = join(app, 'web.mjs');
  writeFileSync(entry, `import { connect } from '@gamecluster/client';\nglobalThis.play = () => connect({ appmgr: location.origin, account: 'web', transport: 'ws' });\n`);
  const b = await bundleBrowser(entry);
  assert.deepEqual(b.externalImports, []);
  assert.ok(b.inputs.some((i) => i.includes('node_modules/@gamecluster/client/dist/client/browser.js')), 'the browser condition was taken');
  assert.ok(!b.inputs.some((i) => i.includes('node-io')), 'node-io is not in the browser bundle');
  assert.doesNotMatch(new TextDecoder().decode(b.code), /["']node:[a-z_/]+["']/);
  t.diagnostic(`browser bundle of the installed package: ${b.bytes} B minified, ${b.gzipBytes} B gzip, ${b.inputs.length} modules`);
});

test('a TypeScript game type-checks against the declarations (browser libs, no @types/node)', async () => {
  writeFileSync(
    join(app, 'game.ts'),
    `import { connect, ClientError, type Session } from '@gamecluster/client';
export async function play(): Promise<Session> {
  const s = await connect({ appmgr: 'https://play.example.com', account: 'a', transport: 'ws', tls: true, queue: true, on: { queue: (u) => console.log(u.position, u.etaS) } });
  s.on('Echo', (b) => console.log(b.payload?.length));
  s.on('closed', (e) => { if (e.error instanceof ClientError) console.log(e.error.step, e.error.code); });
  return s;
}
`,
  );
  writeFileSync(
    join(app, 'tsconfig.json'),
    JSON.stringify({ compilerOptions: { strict: true, noEmit: true, target: 'ES2022', module: 'ESNext', moduleResolution: 'Bundler', lib: ['ES2022', 'DOM'], types: [] }, files: ['game.ts'] }),
  );
  await run(process.execPath, [join(repoRoot, 'node_modules/typescript/bin/tsc'), '-p', app], { cwd: app, timeout: 60_000 });
});

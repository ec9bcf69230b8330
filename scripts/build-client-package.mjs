// Builds @gamecluster/client (clients/js) from the SDK's own sources: tsc compiles the two entries
// (services/client/index.ts, browser.ts) and whatever they import into clients/js/dist; the generated protobuf codecs
// they reach (plain .js + .d.ts, not compiled by tsc) are copied beside them. Then every bare import left in the
// output must be a declared dependency (protobufjs) or the optional peer (ws): a server module creeping into the
// client's import graph fails the build instead of shipping. `npm pack` in clients/js runs this (prepack).
import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../', import.meta.url));
const pkgDir = join(root, 'clients/js');
const dist = join(pkgDir, 'dist');
const services = join(root, 'services');
const allowed = new Set(['protobufjs', 'ws']);

rmSync(dist, { recursive: true, force: true });
execFileSync(process.execPath, [join(root, 'node_modules/typescript/bin/tsc'), '-p', join(pkgDir, 'tsconfig.json')], { stdio: 'inherit' });

function* files(dir) {
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) yield* files(p);
    else yield p;
  }
}

const importRe = /(?:^|[\s;])(?:import|export)\s[^'"]*?from\s*['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)|^import\s*['"]([^'"]+)['"]/gm;
const bare = new Set();
// Copy the relative imports tsc did not emit (the generated codecs), following them until nothing is missing.
const queue = [...files(dist)].filter((f) => f.endsWith('.js') || f.endsWith('.d.ts'));
const seen = new Set(queue);
while (queue.length > 0) {
  const file = queue.shift();
  for (const m of readFileSync(file, 'utf8').matchAll(importRe)) {
    const spec = m[1] ?? m[2] ?? m[3];
    if (!spec.startsWith('.')) {
      bare.add(spec.startsWith('@') ? spec.split('/').slice(0, 2).join('/') : spec.split('/')[0]);
      continue;
    }
    const target = resolve(dirname(file), spec);
    if (existsSync(target)) continue;
    const src = join(services, relative(dist, target));
    if (!existsSync(src)) throw new Error(`${relative(root, file)} imports ${spec}, found neither in dist nor in services/`);
    for (const [from, to] of [[src, target], [src.replace(/\.js$/, '.d.ts'), target.replace(/\.js$/, '.d.ts')]]) {
      if (!existsSync(from) || seen.has(to)) continue;
      mkdirSync(dirname(to), { recursive: true });
      copyFileSync(from, to);
      seen.add(to);
      queue.push(to);
    }
  }
}
const stray = [...bare].filter((b) => !allowed.has(b) && !b.startsWith('node:'));
if (stray.length > 0) throw new Error(`@gamecluster/client imports ${stray.join(', ')}: only ${[...allowed].join(', ')} (and node: built-ins on the Node path) may be`);
const pkg = JSON.parse(readFileSync(join(pkgDir, 'package.json'), 'utf8'));
console.error(`built ${pkg.name}@${pkg.version} into ${relative(root, dist)} (${[...files(dist)].length} files; imports ${[...bare].sort().join(', ')})`);

/**
 * Build of the browser page (examples/web) and of the SDK's browser bundle, with esbuild (platform browser):
 * `bundleBrowser(entry)` bundles a browser entry and reports its sizes and every module it pulled in, so a test can
 * fail on any Node built-in in the browser path and the bench can print the size; `buildWeb(outDir)` writes the
 * page (index.html + app.js, the SDK resolved from the repository's sources as `gamecluster/client` would be from
 * the package's `browser` condition; the arena's .proto embedded as its JSON descriptor).
 * Run: `npx tsx examples/web/build.ts [outDir]` (default examples/web/dist).
 */
import { builtinModules } from 'node:module';
import { copyFileSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import * as esbuild from 'esbuild';

const here = dirname(fileURLToPath(import.meta.url));
export const repoRoot = resolve(here, '../..');
/** What `gamecluster/client` resolves to for a browser bundler (package.json exports, `browser` condition), in source form. */
export const sdkBrowserEntry = join(repoRoot, 'services/client/browser.ts');

export interface BundleResult {
  code: Uint8Array;
  bytes: number;
  gzipBytes: number;
  /** Every input module of the bundle (paths relative to the repository). */
  inputs: string[];
  /** Bytes each input contributes to the (minified) output, largest first. */
  byInput: [string, number][];
  /** Imports esbuild left out of the bundle (externals); must be empty for a browser build. */
  externalImports: string[];
  warnings: string[];
}

const nodeBuiltins = new Set(builtinModules.flatMap((m) => [m, `node:${m}`]));

/** The `browser` field of the package that holds `file` (where a package maps a module to false for browsers). */
function browserField(file: string): Record<string, unknown> {
  for (let dir = dirname(file); dir !== dirname(dir); dir = dirname(dir)) {
    const pj = join(dir, 'package.json');
    if (!existsSync(pj)) continue;
    const b = (JSON.parse(readFileSync(pj, 'utf8')) as { browser?: unknown }).browser;
    return b && typeof b === 'object' ? (b as Record<string, unknown>) : {};
  }
  return {};
}

/**
 * Fails the build on any import of a Node built-in, naming the importer — except one its package itself disables for
 * browsers (`"browser": {"fs": false}`, as protobufjs does for its optional file loader), which esbuild replaces with
 * an empty module.
 */
const noNodeBuiltins: esbuild.Plugin = {
  name: 'no-node-builtins',
  setup(b) {
    b.onResolve({ filter: /.*/ }, (args) => {
      if (nodeBuiltins.has(args.path) || args.path.startsWith('node:')) {
        if (args.importer && browserField(args.importer)[args.path] === false) return undefined;
        return { errors: [{ text: `Node built-in "${args.path}" imported by ${args.importer.replace(repoRoot + '/', '')} in the browser path` }] };
      }
      return undefined;
    });
  },
};

export async function bundleBrowser(entry: string, opts: { minify?: boolean; alias?: Record<string, string> } = {}): Promise<BundleResult> {
  const r = await esbuild.build({
    entryPoints: [entry],
    bundle: true,
    write: false,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    minify: opts.minify ?? true,
    metafile: true,
    logLevel: 'silent',
    plugins: [noNodeBuiltins, protoAsJson],
    alias: { 'gamecluster/client': sdkBrowserEntry, ...opts.alias },
  });
  const out = r.outputFiles[0]!;
  const inputs = Object.keys(r.metafile.inputs);
  // `define` values (the arena descriptor) show up as `<define:…>` pseudo-imports: not modules, not external code.
  const externalImports = Object.values(r.metafile.inputs).flatMap((i) => i.imports.filter((x) => x.external && !x.path.startsWith('<define:')).map((x) => x.path));
  const outMeta = Object.values(r.metafile.outputs)[0]!;
  const byInput = Object.entries(outMeta.inputs)
    .map(([k, v]) => [k.replace(/^(\.\.\/)+main\//, ''), v.bytesInOutput] as [string, number])
    .sort((a, b) => b[1] - a[1]);
  return {
    code: out.contents,
    byInput,
    bytes: out.contents.length,
    gzipBytes: gzipSync(out.contents, { level: 9 }).length,
    inputs,
    externalImports,
    warnings: r.warnings.map((w) => w.text),
  };
}

/**
 * `import descriptor from './game.proto'` in browser code: the .proto is parsed at build time (protobufjs) and
 * embedded as its JSON descriptor, which the SDK's `proto` option takes (no .proto parser in the browser bundle).
 */
export const protoAsJson: esbuild.Plugin = {
  name: 'proto-as-json',
  setup(b) {
    b.onLoad({ filter: /\.proto$/ }, async (args) => {
      const protobuf = (await import('protobufjs')).default;
      const root = await protobuf.load(args.path);
      return { contents: `export default ${JSON.stringify(root.toJSON())};`, loader: 'js' };
    });
  },
};

/** Writes the page into `outDir`: index.html and app.js (minified, with a source map). */
export async function buildWeb(outDir = join(here, 'dist')): Promise<{ outDir: string; app: BundleResult }> {
  mkdirSync(outDir, { recursive: true });
  const app = await bundleBrowser(join(here, 'app.ts'));
  writeFileSync(join(outDir, 'app.js'), app.code);
  copyFileSync(join(here, 'index.html'), join(outDir, 'index.html'));
  return { outDir, app };
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const { outDir, app } = await buildWeb(process.argv[2] ? resolve(process.argv[2]) : undefined);
  process.stdout.write(`examples/web built into ${outDir}: app.js ${app.bytes} B (${app.gzipBytes} B gzip)\n`);
}

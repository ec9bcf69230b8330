// Copies the non-TypeScript files the services load at run time (generated protobuf codecs, Lua scripts,
// the appmgr live page, the generated codecs' .d.ts for the exported declarations) from services/ into dist/ next to the compiled modules that import them, and the .proto files
// of the examples (the built-in `arena` module loads examples/arena/arena.proto) into dist/examples/.
import { cpSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

const src = new URL('../services/', import.meta.url).pathname;
const dst = new URL('../dist/', import.meta.url).pathname;
const assets = /\.(js|lua|html)$|\.d\.ts$/;

function walk(dir, from, to, pattern) {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) walk(path, from, to, pattern);
    else if (pattern.test(name)) cpSync(path, join(to, relative(from, path)));
  }
}
walk(src, src, dst, assets);
const examples = new URL('../examples/', import.meta.url).pathname;
walk(examples, examples, join(dst, 'examples'), /\.proto$/);

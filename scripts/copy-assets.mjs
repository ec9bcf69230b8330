// Copies the non-TypeScript files the services load at run time (generated protobuf codecs, Lua scripts,
// the appmgr live page, the generated codecs' .d.ts) from services/ into dist/ next to the compiled modules that import them.
import { cpSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

const src = new URL('../services/', import.meta.url).pathname;
const dst = new URL('../dist/', import.meta.url).pathname;
const assets = /\.(js|lua|html)$|\.d\.ts$/; // .d.ts: the generated codecs' types, for the exported SDK's declarations

function walk(dir) {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) walk(path);
    else if (assets.test(name)) cpSync(path, join(dst, relative(src, path)));
  }
}
walk(src);

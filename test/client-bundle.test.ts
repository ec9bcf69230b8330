/**
 * The SDK's browser path has no Node built-in: esbuild (platform browser) bundles `services/client/browser.ts` —
 * what `gamecluster/client` resolves to under the package's `browser` export condition — with a plugin that fails the
 * build on any `node:`/built-in import; the Node entry, which reaches node:net through its dynamic import, is refused
 * by the same check (the check works). The page of examples/web builds the same way. Sizes printed (bench/sdk-bundle.ts).
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { buildWeb, bundleBrowser, repoRoot, sdkBrowserEntry } from '../examples/web/build.js';

test('the browser entry bundles with no Node built-in, no ws package, no node-io', async (t) => {
  const b = await bundleBrowser(sdkBrowserEntry);
  assert.deepEqual(b.externalImports, []);
  assert.ok(!b.inputs.some((i) => i.includes('node_modules/ws/')), 'the ws package is not in the browser bundle');
  assert.ok(!b.inputs.some((i) => i.endsWith('client/node-io.ts')), 'node-io is not in the browser bundle');
  assert.ok(b.inputs.some((i) => i.endsWith('protocol/gen/gamecluster.js')), 'the generated platform codecs are');
  const text = new TextDecoder().decode(b.code);
  assert.doesNotMatch(text, /["']node:[a-z_/]+["']/, 'no node: specifier left in the output');
  t.diagnostic(`sdk browser bundle: ${b.bytes} B minified, ${b.gzipBytes} B gzip, ${b.inputs.length} modules${b.warnings.length ? `; warnings: ${b.warnings.join(' | ')}` : ''}`);
});

test('the check works: the Node entry (dynamic import of node-io) is refused for the browser, naming the built-in', async () => {
  await assert.rejects(bundleBrowser(join(repoRoot, 'services/client/index.ts')), (e: Error) => {
    assert.match(e.message, /Node built-in "node:[a-z]+" imported by services\/client\/node-io\.ts in the browser path/);
    return true;
  });
});

test('package.json maps gamecluster/client to the browser entry under the browser condition', () => {
  const pkg = JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8')) as { exports: Record<string, Record<string, string>> };
  assert.equal(pkg.exports['./client']!.browser, './dist/client/browser.js');
  assert.equal(pkg.exports['./client']!.default, './dist/client/index.js');
  assert.equal(pkg.exports['./client']!.types, './dist/client/index.d.ts');
});

test('the web page builds (esbuild, browser platform) from the SDK sources', async (t) => {
  const dir = mkdtempSync(join(tmpdir(), 'gc-web-'));
  try {
    const { app } = await buildWeb(dir);
    assert.deepEqual(app.externalImports, []);
    assert.ok(app.inputs.some((i) => i.endsWith('services/client/browser.ts')));
    assert.match(readFileSync(join(dir, 'index.html'), 'utf8'), /<script type="module" src=".\/app.js">/);
    t.diagnostic(`web page app.js: ${app.bytes} B minified, ${app.gzipBytes} B gzip`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

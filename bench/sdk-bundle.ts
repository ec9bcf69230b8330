/**
 * The client SDK's browser bundle size (issue 14, "Measure"): esbuild, platform browser, ESM, minified, then gzip -9,
 * for `gamecluster/client` alone (its `browser` entry: echo + any module's messages via protobufjs/light) and for the
 * example page (examples/web/app.ts: the SDK + the arena's messages and descriptor + drawing). Prints the sizes and the largest contributors.
 * Run: `npm run bench:sdk-bundle` (or `npx tsx bench/sdk-bundle.ts --json`).
 */
import { join } from 'node:path';
import { bundleBrowser, repoRoot, sdkBrowserEntry } from '../examples/web/build.js';

const json = process.argv.includes('--json');
const kb = (n: number) => `${(n / 1024).toFixed(1)} KiB`;

const sdk = await bundleBrowser(sdkBrowserEntry);
const sdkUnminified = await bundleBrowser(sdkBrowserEntry, { minify: false });
const page = await bundleBrowser(join(repoRoot, 'examples/web/app.ts'));

if (json) {
  process.stdout.write(
    `${JSON.stringify({ sdk: { minified: sdk.bytes, gzip: sdk.gzipBytes, unminified: sdkUnminified.bytes, modules: sdk.inputs.length }, page: { minified: page.bytes, gzip: page.gzipBytes } }, null, 2)}\n`,
  );
} else {
  process.stdout.write(`gamecluster/client (browser entry): ${kb(sdk.bytes)} minified, ${kb(sdk.gzipBytes)} gzip (${kb(sdkUnminified.bytes)} unminified, ${sdk.inputs.length} modules)\n`);
  process.stdout.write(`examples/web page (app.js):        ${kb(page.bytes)} minified, ${kb(page.gzipBytes)} gzip\n\nlargest contributors to the SDK bundle (minified bytes):\n`);
  for (const [input, bytes] of sdk.byInput.slice(0, 10)) process.stdout.write(`  ${String(bytes).padStart(7)}  ${input}\n`);
}
